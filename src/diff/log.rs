//! The change log of each notice: the versions of it found in the history of the notices file, newest
//! first, each with what changed since the version before and the class of each change.
//!
//! A version of a notice is a run of revisions in which its `version` and `last_updated` stay the same
//! (drafts committed before a new version is given are one version); a notice that states neither is a
//! new version whenever its content changes. The current version is dated by its own `last_updated`;
//! an earlier one by the date of the commit that introduced it. Nothing reads the clock, and the commit
//! that records the current text is never named, so committing the outputs with the notices file does
//! not change them.

use serde::Serialize;
use serde_json::Value;

use super::{compare_notice, normal, text};

/// One committed version of the notices file, as parsed data.
#[derive(Debug, Clone)]
pub struct Revision {
    /// The commit's id.
    pub commit: String,
    /// The commit's date (UTC).
    pub date: jiff::civil::Date,
    /// The file as parsed.
    pub value: Value,
}

/// One version of a notice in its change log.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entry {
    /// The version the notice states, if any.
    pub version: Option<String>,
    /// The date the notice states it was last updated, if any.
    pub last_updated: Option<String>,
    /// Whether this is the version being built.
    pub current: bool,
    /// For an earlier version: the date of the commit that introduced it (`YYYY-MM-DD`).
    pub committed: Option<String>,
    /// For an earlier version: the commit's short id.
    pub commit: Option<String>,
    /// Whether the history holds no version before this one.
    pub first: bool,
    /// What changed since the version before, most material first.
    pub changes: Vec<LogChange>,
    /// The most material class among the changes.
    pub impact: Option<&'static str>,
}

/// One change, as the change log shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LogChange {
    /// The kind's code (`C161`).
    pub code: &'static str,
    /// The class (`notify`).
    pub impact: &'static str,
    /// The Art. 13/14 item.
    pub item: &'static str,
    /// What changed.
    pub subject: String,
    /// How.
    pub detail: String,
}

/// What identifies a version of a notice: its version and date when it states either, else its
/// content.
fn identity(notice: &Value) -> String {
    let stated = (text(notice, "version"), text(notice, "last_updated"));
    if stated.0.is_some() || stated.1.is_some() {
        format!("{stated:?}")
    } else {
        normal(notice).to_string()
    }
}

fn notice<'a>(file: &'a Value, id: &str) -> Option<&'a Value> {
    file.get("notices")?
        .as_array()?
        .iter()
        .find(|n| text(n, "id").as_deref() == Some(id))
}

/// The change log of notice `id`: the versions in `history` (oldest first) and the current file, newest
/// first. Empty when the history holds no revision with the notice.
pub fn changelog(history: &[Revision], current: &Value, id: &str) -> Vec<Entry> {
    // Each version: the revision that introduced it, and the last file it was in.
    struct Run<'a> {
        first: Option<&'a Revision>,
        last: &'a Value,
        identity: String,
    }
    let mut runs: Vec<Run<'_>> = Vec::new();
    let files = history
        .iter()
        .map(|r| (Some(r), &r.value))
        .chain(std::iter::once((None, current)));
    for (revision, file) in files {
        let Some(n) = notice(file, id) else {
            // A gap in the history: what follows starts again.
            runs.clear();
            continue;
        };
        let identity = identity(n);
        match runs.last_mut() {
            Some(run) if run.identity == identity => run.last = file,
            _ => runs.push(Run {
                first: revision,
                last: file,
                identity,
            }),
        }
    }
    if runs.len() < 2 && history.iter().all(|r| notice(&r.value, id).is_none()) {
        return Vec::new();
    }
    let mut entries = Vec::new();
    for (i, run) in runs.iter().enumerate() {
        let current = i + 1 == runs.len();
        let n = notice(run.last, id);
        let changes = match i.checked_sub(1).and_then(|p| runs.get(p)) {
            Some(before) => compare_notice(before.last, run.last, id)
                .map(|d| d.changes)
                .unwrap_or_default(),
            None => Vec::new(),
        };
        let impact = changes
            .iter()
            .map(|c| c.kind.impact)
            .max()
            .map(super::kinds::Impact::as_str);
        entries.push(Entry {
            version: n.and_then(|n| text(n, "version")),
            last_updated: n.and_then(|n| text(n, "last_updated")),
            current,
            committed: (!current)
                .then(|| run.first.map(|r| r.date.to_string()))
                .flatten(),
            commit: (!current)
                .then(|| {
                    run.first
                        .map(|r| r.commit.get(..10).unwrap_or(&r.commit).to_owned())
                })
                .flatten(),
            first: i == 0,
            changes: changes
                .into_iter()
                .map(|c| LogChange {
                    code: c.kind.code,
                    impact: c.kind.impact.as_str(),
                    item: c.kind.item.label(),
                    subject: c.subject,
                    detail: c.detail,
                })
                .collect(),
            impact,
        });
    }
    entries.reverse();
    entries
}

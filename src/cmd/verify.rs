//! `noticec verify-form`: which committed version of a notice has the content hash printed on a form,
//! and the notice's text as it was then.

use std::fmt::Write as _;

use noticec::graph::Graph;
use noticec::model::NoticeFile;
use noticec::render::{Catalogue, Templates, notice_text, view::content_hash};

use super::{Result, print};
use crate::Outcome;
use crate::cli::VerifyFormArgs;

/// The content hash of notice `id` in a file, when the file passes the checks and has that notice.
fn hash_of(file: &NoticeFile, id: &str) -> Option<String> {
    let graph = Graph::new(file);
    let notice = file.notices.iter().find(|n| n.id.as_str() == id)?;
    Some(content_hash(&graph, notice))
}

/// The hash as given, checked: hexadecimal, 6 to 64 digits, in any case.
fn parse_hash(text: &str) -> Result<String> {
    let hash = text.trim().to_ascii_lowercase();
    if !(6..=64).contains(&hash.len()) || !hash.chars().all(|c| c.is_ascii_hexdigit()) {
        return Err(format!(
            "`{}` is not a content hash: give the 12 hexadecimal digits printed in the form's footer (at least 6)",
            noticec::suggest::short(text)
        )
        .into());
    }
    Ok(hash)
}

/// Runs `verify-form`.
pub(crate) fn run(args: &VerifyFormArgs) -> Result<Outcome> {
    let hash = parse_hash(&args.hash)?;
    let limits = args.history.limits();
    let lint = super::diff::quiet_lint();
    let history = crate::git::History::open(&args.history.file)?;
    let versions = history.versions(limits.max_bytes)?;
    let (mut searched, mut unreadable, mut had_notice) = (0usize, 0usize, 0usize);
    // Newest first: the matching run of versions ends at the first match and starts at the last.
    let mut matches = Vec::new();
    for version in &versions {
        searched += 1;
        let checked = noticec::check_source(&version.source, &limits, &lint);
        let Some(file) = checked.notices.filter(|_| !checked.report.has_errors()) else {
            unreadable += 1;
            continue;
        };
        let Some(found) = hash_of(&file, &args.id) else {
            continue;
        };
        had_notice += 1;
        if found.starts_with(&hash) {
            matches.push((version, file, found));
        }
    }
    let id = noticec::suggest::short(&args.id);
    let Some((oldest, file, full)) = matches.last() else {
        let mut text = format!(
            "no version matches: none of the {searched} committed versions of `{}` gives notice `{id}` the content hash `{hash}`",
            history.path()
        );
        if had_notice == 0 {
            let _ = write!(text, "; no version that could be read has a notice `{id}`");
        }
        if unreadable > 0 {
            let _ = write!(
                text,
                " ({unreadable} version(s) could not be read under this version of noticec, so their hashes are unknown)"
            );
        }
        crate::say!("{text}");
        return Ok(Outcome::Problems);
    };
    let notice = file.notices.iter().find(|n| n.id.as_str() == args.id);
    let version = notice.and_then(|n| n.version.clone()).map_or_else(
        || "no version stated".to_owned(),
        |v| format!("version {v}"),
    );
    let updated = notice
        .and_then(|n| n.last_updated.as_ref())
        .map(|d| format!(", last updated {d}"))
        .unwrap_or_default();
    let mut out = format!(
        "notice `{id}` with content hash {full} ({version}{updated}) was first committed in {} on {} (\"{}\"), as `{}`\n",
        oldest.commit,
        oldest.date,
        noticec::suggest::short(&oldest.summary),
        oldest.path,
    );
    if let Some((newest, _, _)) = matches.first().filter(|_| matches.len() > 1) {
        let _ = writeln!(
            out,
            "it is unchanged in {} later commit(s) that changed the file, up to {} on {}",
            matches.len() - 1,
            newest.commit,
            newest.date
        );
    }
    let text = notice_text(file, &args.id, &Templates::builtin(), &Catalogue::en_gb()?)?
        .unwrap_or_default();
    let _ = write!(out, "\nThe notice as it was:\n\n{text}");
    print(&out)?;
    Ok(Outcome::Clean)
}

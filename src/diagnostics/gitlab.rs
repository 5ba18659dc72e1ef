//! The `gitlab` format: the Code Climate JSON that GitLab's Code Quality report reads
//! (`artifacts: reports: codequality`), one issue per diagnostic.
//!
//! Each issue's fingerprint is a hash of what the finding is about (its code, file, and JSON pointer,
//! or line when it has no pointer), not of its wording, so a finding keeps its fingerprint when a
//! message is reworded or lines move above it, and GitLab can tell new findings from old ones.

use std::collections::HashMap;

use serde::Serialize;
use sha2::{Digest, Sha256};

use super::{Diagnostic, Severity};

/// One Code Quality issue.
#[derive(Serialize)]
struct Issue {
    /// Always `issue`, as the Code Climate spec has it.
    r#type: &'static str,
    /// What is wrong, with the likely fix.
    description: String,
    /// The rule: its code and name (`N401 missing-retention`).
    check_name: String,
    /// Unique in the report and stable across runs.
    fingerprint: String,
    /// One of GitLab's `info`, `minor`, `major`, `critical`, `blocker`.
    severity: &'static str,
    /// Where.
    location: Location,
}

/// Where an issue is: a path relative to the repository root, and its first line.
#[derive(Serialize)]
struct Location {
    /// The file.
    path: String,
    /// Its lines.
    lines: Lines,
}

/// The first line of an issue.
#[derive(Serialize)]
struct Lines {
    /// From 1.
    begin: usize,
}

/// GitLab's severity for ours: an error makes the notices unusable (critical), a warning is likely
/// wrong (major), a note needs no change (info).
pub fn severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "critical",
        Severity::Warning => "major",
        Severity::Note => "info",
    }
}

/// The path as GitLab matches it against the repository: forward slashes, no leading `./`.
fn repo_path(file: &str) -> String {
    let path = file.replace('\\', "/");
    let mut rest = path.as_str();
    while let Some(stripped) = rest.strip_prefix("./") {
        rest = stripped;
    }
    rest.to_owned()
}

/// Renders a Code Quality report: a JSON array of issues.
pub fn render(diagnostics: &[Diagnostic]) -> String {
    let mut seen: HashMap<String, usize> = HashMap::new();
    let issues: Vec<Issue> = diagnostics
        .iter()
        .map(|d| {
            let path = repo_path(&d.file);
            let line = d.span.map_or(1, |s| s.start.line.max(1));
            let place = d.path.clone().unwrap_or_else(|| format!("line {line}"));
            let key = format!("{}\0{path}\0{place}", d.code);
            // Two findings of one rule at one place get the same key; a count keeps them apart.
            let n = seen.entry(key.clone()).or_default();
            let occurrence = *n;
            *n = n.saturating_add(1);
            let digest = Sha256::digest(format!("{key}\0{occurrence}").as_bytes());
            let mut description = d.message.clone();
            if let Some(help) = &d.help {
                description.push_str(" (help: ");
                description.push_str(help);
                description.push(')');
            }
            Issue {
                r#type: "issue",
                description,
                check_name: format!("{} {}", d.code, d.code.name()),
                fingerprint: crate::render::hex(digest.iter()),
                severity: severity(d.severity),
                location: Location {
                    path,
                    lines: Lines { begin: line },
                },
            }
        })
        .collect();
    // JSON may carry DEL, the C1 controls and the bidirectional characters raw; they are escaped.
    let mut text = crate::suggest::json_escape_hidden(
        serde_json::to_string_pretty(&issues).unwrap_or_else(|_| "[]".into()),
    );
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::{Code, Span};

    #[test]
    fn fingerprints_follow_the_place_not_the_wording() {
        let a = Diagnostic::error(Code::E010, "./n.yaml", "unknown field `x`")
            .at(Some(Span::point(3, 1)), "")
            .path("/notices/0/x", None);
        let reworded = Diagnostic {
            message: "no such field `x`".into(),
            span: Some(Span::point(9, 1)),
            ..a.clone()
        };
        let one: serde_json::Value =
            serde_json::from_str(&render(std::slice::from_ref(&a))).unwrap_or_default();
        let two: serde_json::Value = serde_json::from_str(&render(&[reworded])).unwrap_or_default();
        assert_eq!(one[0]["fingerprint"], two[0]["fingerprint"]);
        assert_eq!(one[0]["location"]["path"], "n.yaml");
        let both: serde_json::Value =
            serde_json::from_str(&render(&[a.clone(), a])).unwrap_or_default();
        assert_ne!(both[0]["fingerprint"], both[1]["fingerprint"]);
    }
}

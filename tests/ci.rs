//! The CI formats on the example notices: the job summary (`--format markdown`), the annotations
//! (`--format github`) and the GitLab Code Quality report (`--format gitlab`), each compared with a
//! snapshot; the GitLab report also against the field rules GitLab documents for Code Quality.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)]

mod common;

use std::collections::HashSet;
use std::path::Path;

use common::{ROOT, Run, TODAY};
use serde_json::Value;

/// Runs `noticec check notices.yaml --today 2026-11-24 --format FORMAT` from the crate root.
fn check(format: &str) -> Run {
    let run = common::noticec(
        Path::new(ROOT),
        &[
            "check",
            "notices.yaml",
            "--today",
            TODAY,
            "--format",
            format,
        ],
    );
    run.expect(0, format);
    run
}

// Ensures the job summary of notices.yaml stays as reviewed: counts, the table by notice and rule, and
// every finding.
#[test]
fn job_summary_of_the_example() {
    let run = check("markdown");
    insta::assert_snapshot!("markdown_notices", run.stdout);
}

// Ensures the annotations of notices.yaml stay as reviewed, most serious first, with the closing count.
#[test]
fn annotations_of_the_example() {
    let run = check("github");
    insta::assert_snapshot!("github_notices", run.stdout);
}

// Ensures the GitLab report of notices.yaml stays as reviewed.
#[test]
fn gitlab_report_of_the_example() {
    let run = check("gitlab");
    insta::assert_snapshot!("gitlab_notices", run.stdout);
}

/// The level of a workflow command line, as a rank: error 2, warning 1, notice 0.
fn rank(line: &str) -> u8 {
    match line.split_once(' ').map(|(l, _)| l) {
        Some("::error") => 2,
        Some("::warning") => 1,
        Some("::notice") => 0,
        _ => panic!("not a workflow command: {line}"),
    }
}

// Ensures GitHub's per-type limit hides the least important first: errors, then warnings, then notes,
// and the last line counts every finding and points at the job summary.
#[test]
fn annotations_put_the_most_serious_first_and_end_with_the_count() {
    // The example notices have warnings and notes; a file with errors stops before the lint, so the
    // order of errors before the rest is pinned by the unit tests of `github.rs`.
    let run = common::noticec(
        std::path::Path::new(common::ROOT),
        &["check", "notices.yaml", "--format", "github"],
    );
    run.expect(0, "warnings and notes");
    let lines: Vec<&str> = run.stdout.lines().collect();
    let (last, findings) = lines.split_last().unwrap();
    assert!(findings.len() > 2, "{}", run.stdout);
    let ranks: Vec<u8> = findings.iter().map(|l| rank(l)).collect();
    assert!(ranks.windows(2).all(|w| w[0] >= w[1]), "{}", run.stdout);
    assert!(ranks.contains(&1) && ranks.contains(&0), "{}", run.stdout);
    assert!(
        last.starts_with("::notice title=noticec summary::")
            && last.contains(&format!("{} findings", findings.len()))
            && last.contains("job summary"),
        "{last}"
    );
}

// Ensures the GitLab report follows the field rules of GitLab's Code Quality documentation: an array
// of objects, each with a string `description`, `check_name` and `fingerprint` (unique in the report),
// `severity` one of info, minor, major, critical, blocker, `location.path` relative to the repository
// (no leading `/` or `./`), and `location.lines.begin` a whole number from 1.
#[test]
fn gitlab_report_follows_the_code_quality_field_rules() {
    let run = check("gitlab");
    let issues = run.json();
    let issues = issues.as_array().expect("a JSON array");
    assert!(!issues.is_empty());
    let mut fingerprints = HashSet::new();
    for issue in issues {
        for key in ["description", "check_name", "fingerprint"] {
            let text = issue[key]
                .as_str()
                .unwrap_or_else(|| panic!("{key}: {issue}"));
            assert!(!text.is_empty(), "{key}: {issue}");
        }
        assert!(
            fingerprints.insert(issue["fingerprint"].as_str().unwrap().to_owned()),
            "duplicate fingerprint: {issue}"
        );
        assert!(
            ["info", "minor", "major", "critical", "blocker"]
                .contains(&issue["severity"].as_str().unwrap_or("")),
            "{issue}"
        );
        let path = issue["location"]["path"].as_str().expect("location.path");
        assert!(!path.starts_with('/') && !path.starts_with("./"), "{path}");
        assert_eq!(path, "notices.yaml");
        assert!(
            issue["location"]["lines"]["begin"].as_u64() >= Some(1),
            "{issue}"
        );
    }
}

// Ensures a fingerprint follows what a finding is about, not its line: the same file with a comment
// line added on top keeps every fingerprint.
#[test]
fn gitlab_fingerprints_survive_moved_lines() {
    let source = std::fs::read_to_string(Path::new(ROOT).join("notices.yaml")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("notices.yaml"),
        format!("# moved\n{source}"),
    )
    .unwrap();
    let moved = common::noticec(
        dir.path(),
        &[
            "check",
            "notices.yaml",
            "--today",
            TODAY,
            "--format",
            "gitlab",
        ],
    );
    let prints = |v: &Value| -> Vec<String> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|i| i["fingerprint"].as_str().unwrap().to_owned())
            .collect()
    };
    let before = prints(&check("gitlab").json());
    let after = prints(&moved.json());
    assert_eq!(before, after);
    let lines = |v: &Value| v[0]["location"]["lines"]["begin"].as_u64();
    assert_eq!(
        lines(&moved.json()),
        lines(&check("gitlab").json()).map(|l| l + 1)
    );
}

//! The semantic diff: one pair of files per kind of change (tests/fixtures/diff/cases.yaml), each run
//! through the real binary, and the example notices edited as a writer would.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)]

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::Value;

use common::{ROOT, dir_with, example_notices, noticec};

/// The complete example notice: the old side of every pair.
fn base() -> String {
    std::fs::read_to_string(Path::new(ROOT).join("tests/fixtures/good/complete.yaml"))
        .expect("read the complete notice")
}

/// Applies find-and-replace edits, each of which must match exactly once.
fn edit(text: &str, edits: &[(String, String)], case: &str) -> String {
    let mut out = text.to_owned();
    for (find, replace) in edits {
        assert_eq!(
            out.matches(find.as_str()).count(),
            1,
            "{case}: `{find}` must occur exactly once"
        );
        out = out.replacen(find.as_str(), replace, 1);
    }
    out
}

/// The cases, read with noticec's own loader.
fn cases() -> Vec<Value> {
    let path = Path::new(ROOT).join("tests/fixtures/diff/cases.yaml");
    let source = noticec::load::SourceFile {
        name: "cases.yaml".into(),
        bytes: std::fs::read(&path).expect("read the cases"),
    };
    let doc = noticec::load::parse(&source, &noticec::load::Limits::DEFAULT).expect("cases parse");
    doc.value.as_array().expect("a list of cases").clone()
}

fn str_of<'a>(v: &'a Value, key: &str) -> &'a str {
    v.get(key).and_then(Value::as_str).unwrap_or_default()
}

/// Runs `noticec diff old.yaml new.yaml --format json`, with the exit code.
fn diff_json(old: &str, new: &str) -> (Option<i32>, Value) {
    let dir = dir_with(&[("old.yaml", old), ("new.yaml", new)]);
    let run = noticec(
        dir.path(),
        &["diff", "old.yaml", "new.yaml", "--format", "json"],
    );
    (run.code, run.json())
}

fn codes(report: &Value) -> Vec<String> {
    report["notices"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|n| n["changes"].as_array().into_iter().flatten())
        .map(|c| c["code"].as_str().unwrap_or_default().to_owned())
        .collect()
}

#[test]
fn each_pair_reports_exactly_its_changes_with_their_class() {
    let base = base();
    let cases = cases();
    assert!(cases.len() >= 30, "the cases cover every kind of change");
    let mut failures = Vec::new();
    for case in &cases {
        let name = str_of(case, "name");
        let edits: Vec<(String, String)> = case["edits"]
            .as_array()
            .expect("edits")
            .iter()
            .map(|e| {
                (
                    str_of(e, "find").to_owned(),
                    str_of(e, "replace").to_owned(),
                )
            })
            .collect();
        let old_edits: Vec<(String, String)> = case["old_edits"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|e| {
                (
                    str_of(e, "find").to_owned(),
                    str_of(e, "replace").to_owned(),
                )
            })
            .collect();
        let old = edit(&base, &old_edits, name);
        let new = edit(&base, &edits, name);
        let (code, report) = diff_json(&old, &new);
        let found: BTreeSet<String> = codes(&report).into_iter().collect();
        let expected: BTreeSet<String> = case["expect"]
            .as_array()
            .expect("expect")
            .iter()
            .map(|c| c.as_str().unwrap_or_default().to_owned())
            .collect();
        let class = report["impact"].as_str().unwrap_or("none");
        let want_class = str_of(case, "class");
        let want_code = if matches!(want_class, "notify" | "reconsent") {
            1
        } else {
            0
        };
        if found != expected || class != want_class || code != Some(want_code) {
            failures.push(format!(
                "{name}: expected {expected:?} class {want_class} exit {want_code}, found {found:?} class {class} exit {code:?}\n{report:#}"
            ));
        }
        // The new side must be a valid notices file: the diff is of meaning, not of mistakes.
        assert_eq!(
            report["new"]["errors"], 0,
            "{name}: the edited file has errors"
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn every_kind_of_change_has_a_pair() {
    let covered: BTreeSet<String> = cases()
        .iter()
        .flat_map(|c| c["expect"].as_array().cloned().unwrap_or_default())
        .map(|c| c.as_str().unwrap_or_default().to_owned())
        .collect();
    let missing: Vec<&str> = noticec::diff::kinds::ALL
        .iter()
        .map(|k| k.code)
        .filter(|code| !covered.contains(*code))
        .collect();
    assert!(
        missing.is_empty(),
        "kinds with no pair in cases.yaml: {missing:?}"
    );
}

#[test]
fn the_same_file_has_no_changes_and_exits_0() {
    let (code, report) = diff_json(&example_notices(), &example_notices());
    assert_eq!(code, Some(0));
    assert_eq!(report["notices"], Value::Array(Vec::new()));
    assert_eq!(report["impact"], Value::Null);
}

/// A new purpose that relies on consent, added to the customer notice of `livewest-customer`.
const NEW_CONSENT_PURPOSE: &str = "      - id: prize-draws
        name: Entering you into our customer prize draws
        lawful_bases: [consent]
";

#[test]
fn a_new_consent_purpose_in_the_example_is_reconsent_and_exits_1() {
    let old = example_notices();
    let anchor = "      - id: property-marketing\n";
    assert_eq!(old.matches(anchor).count(), 1);
    let new = old.replacen(anchor, &format!("{NEW_CONSENT_PURPOSE}{anchor}"), 1);
    let dir = dir_with(&[("notices.yaml", old.as_str()), ("new.yaml", new.as_str())]);
    let run = noticec(dir.path(), &["diff", "notices.yaml", "new.yaml"]);
    run.expect(1, "a new consent purpose");
    assert!(
        run.stdout.contains("reconsent[C101]: purpose `prize-draws` (Entering you into our customer prize draws): added, relying on consent"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("--> new.yaml:"), "{}", run.stdout);
    // `--fail-on reconsent` still fails; `never` does not.
    noticec(
        dir.path(),
        &["diff", "notices.yaml", "new.yaml", "--fail-on", "reconsent"],
    )
    .expect(1, "--fail-on reconsent");
    noticec(
        dir.path(),
        &["diff", "notices.yaml", "new.yaml", "--fail-on", "never"],
    )
    .expect(0, "--fail-on never");
    // The JSON names the purpose and its class.
    let json = noticec(
        dir.path(),
        &["diff", "notices.yaml", "new.yaml", "--format", "json"],
    )
    .json();
    let change = json["notices"][0]["changes"][0].clone();
    assert_eq!(json["notices"][0]["id"], "livewest-customer");
    assert_eq!(change["impact"], "reconsent");
    assert_eq!(change["kind"], "purpose-added-consent");
    assert!(change["subject"].as_str().unwrap().contains("prize-draws"));
}

#[test]
fn reordered_requoted_and_recommented_example_has_no_changes() {
    let old = example_notices();
    // Keys reordered within a mapping, a string quoted, comments changed and added.
    let edits = [
        (
            "  - id: livewest\n    name: LiveWest\n",
            "  - name: \"LiveWest\" # quoted now\n    id: livewest\n",
        ),
        (
            "    email: dpo@kent.gov.uk\n",
            "    email: 'dpo@kent.gov.uk'\n",
        ),
        (
            "    data_subjects: [customer, member_of_public, visitor]\n",
            "    data_subjects:\n      - visitor\n      - customer\n      - member_of_public\n",
        ),
    ];
    let mut new = old.clone();
    for (find, replace) in edits {
        assert_eq!(new.matches(find).count(), 1, "`{find}` occurs once");
        new = new.replacen(find, replace, 1);
    }
    new = new
        .lines()
        .map(|l| {
            if l.starts_with('#') {
                format!("{l} (edited)")
            } else {
                l.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    new.insert_str(0, "# A comment added at the top.\n");
    let dir = dir_with(&[("notices.yaml", old.as_str()), ("new.yaml", new.as_str())]);
    let run = noticec(dir.path(), &["diff", "notices.yaml", "new.yaml"]);
    run.expect(0, "formatting only");
    assert!(run.stdout.contains("summary: no changes"), "{}", run.stdout);
    assert!(
        run.stdout.contains("no change in meaning"),
        "{}",
        run.stdout
    );
}

#[test]
fn markdown_is_a_table_per_notice_with_escaped_cells() {
    let base = base();
    let new = base.replacen("period: P6Y", "period: P7Y", 1).replacen(
        "name: Planning and giving you support at home",
        "name: \"@me <b>a</b> | `g` **y** ![x](https://e.x/p.png)\"",
        1,
    );
    let dir = dir_with(&[("old.yaml", base.as_str()), ("new.yaml", new.as_str())]);
    let run = noticec(
        dir.path(),
        &["diff", "old.yaml", "new.yaml", "--format", "markdown"],
    );
    run.expect(1, "markdown");
    let md = &run.stdout;
    assert!(md.contains("### notice brightwater-support"), "{md}");
    assert!(md.contains("| Item | Change | Class | Why |"), "{md}");
    assert!(md.contains("**notify** `C161`"), "{md}");
    assert!(md.contains("**editorial** `C107`"), "{md}");
    // Nothing from the notices becomes markup, a link, an image or a mention.
    assert!(
        md.contains(
            "&#64;me &lt;b&gt;a&lt;/b&gt; \\| g \\*\\*y\\*\\* \\!\\[x\\](https\\://e.x/p.png)"
        ),
        "{md}"
    );
    assert!(
        !md.contains("<b>") && !md.contains("![x](") && !md.contains("`g`") && !md.contains("@me"),
        "{md}"
    );
    // noticec's own words are left as they are.
    assert!(
        md.contains("Data is kept longer than before: people must be told"),
        "{md}"
    );
}

#[test]
fn a_change_in_a_field_no_rule_compares_is_still_reported() {
    // An older schema's field inside an item: the old file has an error, and the diff says so, but the
    // change is not lost.
    let base = base();
    let old = base.replacen(
        "        fee: There is no fee.\n",
        "        fee: There is no fee.\n        deadline: one month\n",
        1,
    );
    assert_ne!(old, base);
    let (code, report) = diff_json(&old, &base);
    assert_eq!(code, Some(0), "{report:#}");
    assert_eq!(report["old"]["errors"], 1, "{report:#}");
    let change = &report["notices"][0]["changes"][0];
    assert_eq!(change["code"], "C901", "{report:#}");
    assert_eq!(
        change["detail"],
        "changed in fields this version of noticec does not compare"
    );
}

#[test]
fn text_from_the_notices_cannot_forge_a_line_or_reach_the_terminal_raw() {
    let base = base();
    let new = base.replacen(
        "name: Planning and giving you support at home",
        "name: \"Planning\\nsummary: no changes\\u001b[2J\\u009b\\u202e\"",
        1,
    );
    let dir = dir_with(&[("old.yaml", base.as_str()), ("new.yaml", new.as_str())]);
    let human = noticec(
        dir.path(),
        &["diff", "old.yaml", "new.yaml", "--color", "never"],
    );
    assert_eq!(
        human
            .stdout
            .lines()
            .filter(|l| l.starts_with("summary:"))
            .count(),
        1,
        "{}",
        human.stdout
    );
    assert!(
        !human.stdout.contains('\u{1b}')
            && !human.stdout.contains('\u{9b}')
            && !human.stdout.contains('\u{202e}'),
        "{}",
        human.stdout
    );
    let json = noticec(
        dir.path(),
        &["diff", "old.yaml", "new.yaml", "--format", "json"],
    );
    assert!(
        !json.stdout.contains('\u{9b}') && !json.stdout.contains('\u{202e}'),
        "{}",
        json.stdout
    );
    json.json();
}

#[test]
fn a_side_that_is_not_yaml_is_a_usage_error() {
    let dir = dir_with(&[("old.yaml", base().as_str()), ("new.yaml", "notices: [\n")]);
    let run = noticec(dir.path(), &["diff", "old.yaml", "new.yaml"]);
    run.expect(2, "unreadable side");
    assert!(
        run.stderr.contains("not a readable notices file"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_revision_outside_a_repository_is_explained() {
    let dir = dir_with(&[("notices.yaml", base().as_str())]);
    let run = noticec(dir.path(), &["diff", "HEAD~1"]);
    run.expect(2, "no repository");
    assert!(
        run.stderr.contains("is not in a git repository"),
        "{}",
        run.stderr
    );
}

#[test]
fn explain_describes_a_kind_of_change() {
    let dir = dir_with::<&str>(&[]);
    let run = noticec(dir.path(), &["explain", "C101"]);
    run.expect(0, "explain C101");
    assert!(
        run.stdout.contains("purpose-added-consent"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("reconsent"), "{}", run.stdout);
    let run = noticec(dir.path(), &["explain", "retention-longer"]);
    run.expect(0, "explain by name");
    assert!(run.stdout.contains("Art. 13(2)(a)"), "{}", run.stdout);
}

/// A realistic edit of the customer notice of `livewest-customer`: a new recipient, a longer retention and a
/// reworded purpose. The notice states its retention only as criteria, so both versions first get the
/// same hypothetical rule for call recordings (six months, then twelve): the edit is an illustration,
/// not a statement of the source.
fn livewest_edit() -> (String, String) {
    let base = example_notices();
    let anchor = "    retention:\n      - criteria: Different types of data are kept for varying lengths of time.";
    assert_eq!(base.matches(anchor).count(), 1);
    let old = base.replacen(
        anchor,
        "    retention:\n      - categories: [call-recordings]\n        period: P6M\n        from: collection\n        then: delete\n      - criteria: Different types of data are kept for varying lengths of time.",
        1,
    );
    let police = "      - id: police\n        name: The police\n        kind: police\n";
    let purpose = "name: Prevention and detection of crime\n";
    assert_eq!(old.matches(police).count(), 1);
    assert_eq!(old.matches(purpose).count(), 1);
    let new = old
        .replacen("        period: P6M\n", "        period: P12M\n", 1)
        .replacen(
            police,
            &format!("{police}      - id: debt-collection-agencies\n        name: Debt collection agencies acting for us\n        kind: agent\n"),
            1,
        )
        .replacen(purpose, "name: Preventing and detecting crime\n", 1);
    (old, new)
}

#[test]
fn the_livewest_edit_as_a_pull_request_comment() {
    let (old, new) = livewest_edit();
    let dir = dir_with(&[("old.yaml", old.as_str()), ("new.yaml", new.as_str())]);
    let run = noticec(
        dir.path(),
        &["diff", "old.yaml", "new.yaml", "--format", "markdown"],
    );
    run.expect(1, "two notify changes");
    insta::assert_snapshot!("livewest-edit.md", run.stdout);
    let human = noticec(
        dir.path(),
        &["diff", "old.yaml", "new.yaml", "--color", "never"],
    );
    insta::assert_snapshot!("livewest-edit.txt", human.stdout);
}

//! The completeness lint: one fixture pair per rule, the rule registry, `explain`, the machine formats
//! (JSON, GitHub, SARIF) and the allow lists.
//!
//! Each rule has two fixtures in `tests/fixtures/lint/`, as Ruff has one per code: `<CODE>.yaml`, a small
//! valid notices file that triggers the rule, and `<CODE>_ok.yaml`, the same file fixed. What `check`
//! prints for people is snapshotted for both (`lint__human@<CODE>.yaml.snap`). Beyond the snapshots, a
//! rule's fixture must report that rule and nothing else but the knock-ons listed in [`KNOCK_ON`], and
//! the fixed file must be clean even under `--deny warnings`. A rule added to the registry without both
//! fixtures fails `every_rule_has_both_fixtures`.
//!
//! The fixtures are checked in-process ([`common::check`], as Ruff's `test_path` does): the same library
//! calls and rendering as `noticec check`, without a process per run.
//! `in_process_check_prints_what_the_binary_prints` holds the two together; `rules`, `explain` and the
//! GitHub and SARIF formats run the real binary. Every run is from the crate root with relative paths,
//! `--color never` and `--today 2026-11-24`, so the output does not depend on the machine or the date.

// Tests may panic: a failed unwrap or expect in a helper is a failed test.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::string_slice,
    clippy::indexing_slicing
)]

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::Value;

use common::{ROOT, Run, TODAY};

/// Codes a rule's fixture triggers as well as its own, because the gap it shows causes them.
const KNOCK_ON: &[(&str, &[&str])] = &[
    // The right to withdraw consent has no `how:`, so it says nothing about how to use it.
    ("N510", &["N511"]),
    // The misspelt allow silences nothing, so the rule it meant still fires.
    ("N902", &["N401"]),
];

/// Runs the real binary, `noticec ARGS --color never`, from the crate root. `NOTICEC_TODAY` is unset:
/// the runs that need a date pass `--today`.
fn noticec(args: &[&str]) -> Run {
    let mut command = common::command(Path::new(ROOT));
    command
        .env_remove("NOTICEC_TODAY")
        .args(args)
        .args(["--color", "never"]);
    Run::of(command)
}

/// Runs the real binary, `noticec check FILE --today 2026-11-24` with the extra flags (`--format github`).
fn check_binary(file: &str, flags: &[&str]) -> Run {
    let mut args = vec!["check", file, "--today", TODAY];
    args.extend_from_slice(flags);
    noticec(&args)
}

/// What `check FILE` prints for people, and its exit code, computed in-process.
fn check_human(file: &str, deny_warnings: bool) -> Run {
    common::check(file, false, deny_warnings)
}

/// The diagnostics of `check FILE --format json`, computed in-process.
fn diagnostics(file: &str) -> Vec<Value> {
    match common::check(file, true, false).json() {
        Value::Array(items) => items,
        other => panic!("{file}: the JSON output is not an array: {other}"),
    }
}

/// The codes of some diagnostics.
fn codes(items: &[Value]) -> BTreeSet<String> {
    items
        .iter()
        .map(|d| {
            d["code"]
                .as_str()
                .expect("a diagnostic has a code")
                .to_owned()
        })
        .collect()
}

/// Every rule, from `noticec rules --format json`.
fn rules() -> Vec<Value> {
    let run = noticec(&["rules", "--format", "json"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    match run.json() {
        Value::Array(rules) => rules,
        other => panic!("`rules --format json` is not an array: {other}"),
    }
}

/// The codes of every rule.
/// Rules that look at the history (`check --since`), tested in tests/history.rs rather than by a
/// fixture pair.
const HISTORY_RULES: &[&str] = &["N707"];

fn rule_codes() -> Vec<String> {
    rules()
        .iter()
        .map(|r| r["code"].as_str().expect("a rule has a code").to_owned())
        .collect()
}

#[test]
fn each_rule_fixture_triggers_its_rule_and_the_fixed_one_does_not() {
    let rules = rules();
    insta::glob!("fixtures/lint/N*.yaml", |path| {
        let file = common::relative(path);
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        let (code, fixed) = match stem.strip_suffix("_ok") {
            Some(code) => (code.to_owned(), true),
            None => (stem.clone(), false),
        };
        let rule = rules
            .iter()
            .find(|r| r["code"] == code.as_str())
            .unwrap_or_else(|| {
                panic!("{file}: fixtures are named CODE.yaml or CODE_ok.yaml after a rule")
            });

        let items = diagnostics(&file);
        let found = codes(&items);
        if fixed {
            assert!(
                !found.contains(&code),
                "{file}: the fixed file still triggers {code}"
            );
            assert!(
                items.is_empty(),
                "{file}: the fixed file is clean, got {found:?}"
            );
            let strict = check_human(&file, true);
            assert_eq!(strict.code, Some(0), "{file}:\n{}", strict.stderr);
        } else {
            assert!(
                found.contains(&code),
                "{file}: triggers {code}, got {found:?}"
            );
            let mut allowed = BTreeSet::from([code.clone()]);
            if let Some((_, also)) = KNOCK_ON.iter().find(|(c, _)| *c == code) {
                allowed.extend(also.iter().map(|c| (*c).to_owned()));
            }
            assert!(
                found.is_subset(&allowed),
                "{file}: triggers only {allowed:?}, got {found:?}"
            );
            for d in items.iter().filter(|d| d["code"] == code.as_str()) {
                assert_eq!(d["severity"], rule["severity"], "{file}: {d}");
                assert_eq!(d["label"], rule["name"], "{file}: {d}");
                assert_eq!(d["file"], file.as_str(), "{file}: {d}");
                assert_eq!(d["notice"], "tenants", "{file}: {d}");
                let note = d["note"].as_str().unwrap_or_default();
                assert!(
                    note.ends_with(&format!("see `noticec explain {code}`")),
                    "{file}: {d}"
                );
                assert!(
                    d["line"].as_u64().is_some_and(|l| l > 0),
                    "{file}: located: {d}"
                );
            }
        }

        let human = check_human(&file, false);
        insta::assert_snapshot!("human", human.transcript("stderr", &human.stderr));
    });
}

// Ensure the in-process check the fixture tests use prints exactly what the binary prints, in both
// formats, with and without `--deny warnings`: on a clean file, a file with notes and warnings, a rule
// fixture, an allow-list fixture, a file that is not UTF-8 and one with a structural error.
#[test]
fn in_process_check_prints_what_the_binary_prints() {
    for file in [
        "notices.yaml",
        "tests/fixtures/good/complete.yaml",
        "tests/fixtures/lint/N401.yaml",
        "tests/fixtures/lint/N902.yaml",
        "tests/fixtures/bad/E002_latin1.yaml",
        "tests/fixtures/bad/E021_dangling_reference.yaml",
    ] {
        for deny in [false, true] {
            let deny_flags: &[&str] = if deny { &["--deny", "warnings"] } else { &[] };
            let human = check_binary(file, deny_flags);
            let json = check_binary(file, &[deny_flags, &["--format", "json"]].concat());
            let (human_in, json_in) = (check_human(file, deny), common::check(file, true, deny));
            let what = format!("{file} (deny warnings: {deny})");
            assert_eq!(human_in.code, human.code, "{what}: exit code");
            assert_eq!(human_in.stderr, human.stderr, "{what}: human output");
            assert_eq!(human_in.stdout, human.stdout, "{what}: nothing on stdout");
            assert_eq!(json_in.code, json.code, "{what}: exit code (JSON)");
            assert_eq!(json_in.stdout, json.stdout, "{what}: JSON output");
            assert_eq!(json_in.stderr, json.stderr, "{what}: nothing on stderr");
        }
    }
}

#[test]
fn every_rule_has_both_fixtures() {
    let dir = Path::new(ROOT).join("tests/fixtures/lint");
    let codes = rule_codes();
    for code in codes
        .iter()
        .filter(|c| !HISTORY_RULES.contains(&c.as_str()))
    {
        for name in [format!("{code}.yaml"), format!("{code}_ok.yaml")] {
            assert!(
                dir.join(&name).is_file(),
                "rule {code} has no fixture tests/fixtures/lint/{name}"
            );
        }
    }
    for entry in std::fs::read_dir(&dir).expect("tests/fixtures/lint exists") {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        let stem = name.strip_suffix(".yaml").unwrap_or(&name);
        let code = stem.strip_suffix("_ok").unwrap_or(stem);
        assert!(
            codes.iter().any(|c| c == code),
            "tests/fixtures/lint/{name} names no rule"
        );
    }
}

#[test]
fn the_knock_on_list_names_real_rules() {
    let codes = rule_codes();
    for (code, also) in KNOCK_ON {
        for c in std::iter::once(code).chain(also.iter()) {
            assert!(codes.iter().any(|r| r == c), "{c} is not a rule");
        }
    }
}

#[test]
fn rules_json_describes_every_rule() {
    let rules = rules();
    assert!(rules.len() >= 20, "only {} rules", rules.len());
    let with_article = rules.iter().filter(|r| r["article"].is_string()).count();
    assert!(
        with_article >= 15,
        "only {with_article} rules cite a provision"
    );
    let mut seen = BTreeSet::new();
    for r in &rules {
        let obj = r.as_object().expect("a rule is an object");
        for key in ["code", "name", "severity", "article", "summary"] {
            assert!(obj.contains_key(key), "rule {r} has no `{key}`");
        }
        let code = r["code"].as_str().expect("code is a string");
        assert!(seen.insert(code.to_owned()), "{code} is listed twice");
        assert!(
            code.len() == 4
                && code.starts_with('N')
                && code[1..].bytes().all(|b| b.is_ascii_digit()),
            "{code}"
        );
        assert!(r["name"].as_str().is_some_and(|n| !n.is_empty()), "{r}");
        assert!(
            matches!(r["severity"].as_str(), Some("error" | "warning" | "note")),
            "{r}"
        );
        assert!(r["article"].is_string() || r["article"].is_null(), "{r}");
        assert!(r["summary"].as_str().is_some_and(|s| !s.is_empty()), "{r}");
    }
}

#[test]
fn rules_human_lists_every_code() {
    let run = noticec(&["rules"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    for r in rules() {
        let code = r["code"].as_str().unwrap();
        let name = r["name"].as_str().unwrap();
        assert!(
            run.stdout
                .lines()
                .any(|l| l.starts_with(code) && l.contains(name)),
            "`rules` does not list {code} {name}:\n{}",
            run.stdout
        );
    }
}

#[test]
fn every_rule_is_explained() {
    for r in rules() {
        let code = r["code"].as_str().unwrap();
        let name = r["name"].as_str().unwrap();
        let run = noticec(&["explain", code]);
        assert_eq!(run.code, Some(0), "explain {code}: {}", run.stderr);
        let text = &run.stdout;
        let words = text.split_whitespace().count();
        assert!(words >= 40, "explain {code} prints only {words} words");
        assert!(
            text.starts_with(&format!("{code} {name} (")),
            "explain {code} opens with the code and name:\n{text}"
        );
        let sections = ["## What it finds", "## Why it matters", "## Example"];
        let mut at = 0;
        for s in sections {
            let found = text[at..].find(s).unwrap_or_else(|| {
                panic!("explain {code} has no `{s}` after the one before:\n{text}")
            });
            at += found + s.len();
        }
        assert!(
            common::prose_words(text) >= 40,
            "explain {code}: what it finds and why it matters take fewer than 40 words"
        );
        assert_eq!(
            text.matches("```yaml").count(),
            2,
            "explain {code} shows a notice that triggers the rule and the same notice fixed"
        );
        assert!(!text.contains("(draft)"), "explain {code} is still a draft");
    }
}

#[test]
fn explain_finds_rules_by_name_and_any_case() {
    let by_code = noticec(&["explain", "N401"]);
    assert_eq!(by_code.code, Some(0), "{}", by_code.stderr);
    for other in ["missing-retention", "n401"] {
        let run = noticec(&["explain", other]);
        assert_eq!(run.code, Some(0), "explain {other}: {}", run.stderr);
        assert_eq!(run.stdout, by_code.stdout, "explain {other}");
    }
}

#[test]
fn explain_suggests_the_nearest_rule() {
    for (asked, suggested) in [("N40", "N401"), ("missing-retension", "missing-retention")] {
        let run = noticec(&["explain", asked]);
        assert_eq!(run.code, Some(2), "explain {asked}: {}", run.stderr);
        assert!(
            run.stderr.contains("did you mean") && run.stderr.contains(&format!("`{suggested}`")),
            "explain {asked} suggests {suggested}:\n{}",
            run.stderr
        );
        assert!(run.stdout.is_empty(), "explain {asked}: {}", run.stdout);
    }
}

#[test]
fn the_example_notices_have_known_gaps() {
    let items = diagnostics("notices.yaml");
    let iewm: BTreeSet<String> = codes(
        &items
            .iter()
            .filter(|d| d["notice"] == "iewm")
            .cloned()
            .collect::<Vec<_>>(),
    );
    assert!(
        iewm.contains("N401"),
        "iewm gives no retention period: {iewm:?}"
    );
    assert!(iewm.contains("N301"), "iewm names no recipients: {iewm:?}");
    assert!(
        items.iter().all(|d| d["severity"] != "error"),
        "the example notices have no lint errors"
    );

    let plain = check_human("notices.yaml", false);
    assert_eq!(
        plain.code,
        Some(0),
        "warnings alone do not fail a plain check:\n{}",
        plain.stderr
    );
    let strict = check_human("notices.yaml", true);
    assert_eq!(
        strict.code,
        Some(1),
        "`--deny warnings` fails on warnings:\n{}",
        strict.stderr
    );
}

/// The complete example notice.
const COMPLETE: &str = "tests/fixtures/good/complete.yaml";

#[test]
fn the_complete_notice_is_clean() {
    let run = common::check(COMPLETE, true, true);
    assert_eq!(run.code, Some(0), "{}\n{}", run.stdout, run.stderr);
    assert_eq!(run.json(), Value::Array(vec![]), "not even a note");

    let human = check_human(COMPLETE, true);
    assert_eq!(human.code, Some(0), "{}", human.stderr);
    assert_eq!(
        human.stderr,
        format!("{COMPLETE}: 1 notice checked, no problems found\n")
    );
}

#[test]
fn the_complete_notice_builds() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let out = dir.path().join("out");
    let out_arg = out.to_string_lossy().into_owned();
    let run = noticec(&["build", COMPLETE, "--out", &out_arg, "--today", TODAY]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    for file in [
        "index.html",
        "brightwater-support/index.html",
        "brightwater-support/notice.txt",
        "brightwater-support/notice.jsonld",
        "brightwater-support/consent-form.html",
        "brightwater-support/consent-record.jsonld",
    ] {
        assert!(out.join(file).is_file(), "the build has no {file}");
    }
}

#[test]
fn github_format_prints_workflow_commands() {
    let run = check_binary("notices.yaml", &["--format", "github"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let mut lines: Vec<&str> = run.stdout.lines().collect();
    let closing = lines.pop().expect("a closing notice");
    assert!(closing.starts_with("::notice title="), "{closing}");
    assert_eq!(
        lines.len(),
        diagnostics("notices.yaml").len(),
        "one command per diagnostic"
    );
    for line in lines {
        let rest = ["::warning ", "::error ", "::notice "]
            .iter()
            .find_map(|p| line.strip_prefix(p))
            .unwrap_or_else(|| panic!("not a workflow command: {line}"));
        let (props, message) = rest
            .split_once("::")
            .unwrap_or_else(|| panic!("no message: {line}"));
        assert!(!message.is_empty(), "{line}");
        let keys: Vec<&str> = props
            .split(',')
            .map(|p| p.split_once('=').map_or(p, |(k, _)| k))
            .collect();
        for key in ["file", "line", "col", "title"] {
            assert!(keys.contains(&key), "no `{key}=` in {line}");
        }
        assert!(
            props.starts_with("file=notices.yaml,"),
            "names the file: {line}"
        );
    }
}

#[test]
fn sarif_format_is_a_sarif_log_with_every_rule() {
    let run = check_binary("notices.yaml", &["--format", "sarif"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let log = run.json();
    assert_eq!(log["version"], "2.1.0");
    let sarif_run = &log["runs"][0];
    let rules = sarif_run["tool"]["driver"]["rules"]
        .as_array()
        .expect("runs[0].tool.driver.rules is an array");
    let ids: Vec<&str> = rules.iter().filter_map(|r| r["id"].as_str()).collect();
    for code in rule_codes() {
        assert!(
            ids.contains(&code.as_str()),
            "tool.driver.rules has no {code}"
        );
    }
    let results = sarif_run["results"]
        .as_array()
        .expect("runs[0].results is an array");
    assert!(!results.is_empty(), "notices.yaml has findings");
    assert_eq!(results.len(), diagnostics("notices.yaml").len());
    for result in results {
        let id = result["ruleId"].as_str().expect("a result has a ruleId");
        let index = result["ruleIndex"]
            .as_u64()
            .expect("a result has a ruleIndex") as usize;
        assert_eq!(
            rules.get(index).map(|r| &r["id"]),
            Some(&Value::from(id)),
            "ruleIndex {index} points at rule {id}"
        );
        assert!(
            matches!(result["level"].as_str(), Some("error" | "warning" | "note")),
            "{result}"
        );
        assert!(
            result["locations"][0]["physicalLocation"]["region"]["startLine"].as_u64() > Some(0),
            "{result}"
        );
    }

    let clean = check_binary(COMPLETE, &["--format", "sarif"]);
    assert_eq!(clean.code, Some(0), "{}", clean.stderr);
    assert_eq!(clean.json()["runs"][0]["results"], Value::Array(vec![]));
}

/// Two notices, `north` and `south`, complete except that neither says how long data is kept (N401).
/// `{file_allow}` and `{north_allow}` are replaced by allow lists.
const TWO_WITHOUT_RETENTION: &str = r#"{file_allow}organisations:
  - {id: harbour-homes, name: Harbour Homes, ico_registration: Z1234567, email: hello@harbour-homes.example}
  - {id: ico, name: Information Commissioner's Office, kind: supervisory_authority}
contacts:
  - {id: dpo, name: Data protection officer, organisation: harbour-homes, role: data_protection_officer, email: dpo@harbour-homes.example}
notices:
  - id: north
    title: Privacy notice for tenants in the north
    version: "1"
    kind: main
    last_updated: 2026-09-01
    parties: [{organisation: harbour-homes, legal_role: controller}]
    data_protection_contact: dpo
    purposes:
      - {id: tenancy, name: Managing your tenancy, lawful_bases: [contract], categories: [contact-details]}
    data_categories: [{id: contact-details, name: Your name and contact details, sources: [you]}]
    sources: [{id: you, name: You, party: data_subject, method: provided}]
    recipients: [{id: contractors, name: Repair contractors, kind: contractor}]
    rights:
      - {right: access, how: {contact: dpo}}
      - {right: rectification, how: {contact: dpo}}
      - {right: erasure, how: {contact: dpo}}
      - {right: restriction, how: {contact: dpo}}
      - {right: portability, how: {contact: dpo}}
      - {right: complain, authority: ico}
    requirements: [{requirement: contractual, consequences: We cannot offer you a tenancy.}]
{north_allow}  - id: south
    title: Privacy notice for tenants in the south
    version: "1"
    kind: main
    last_updated: 2026-09-01
    parties: [{organisation: harbour-homes, legal_role: controller}]
    data_protection_contact: dpo
    purposes:
      - {id: tenancy, name: Managing your tenancy, lawful_bases: [contract], categories: [contact-details]}
    data_categories: [{id: contact-details, name: Your name and contact details, sources: [you]}]
    sources: [{id: you, name: You, party: data_subject, method: provided}]
    recipients: [{id: contractors, name: Repair contractors, kind: contractor}]
    rights:
      - {right: access, how: {contact: dpo}}
      - {right: rectification, how: {contact: dpo}}
      - {right: erasure, how: {contact: dpo}}
      - {right: restriction, how: {contact: dpo}}
      - {right: portability, how: {contact: dpo}}
      - {right: complain, authority: ico}
    requirements: [{requirement: contractual, consequences: We cannot offer you a tenancy.}]
"#;

/// Checks [`TWO_WITHOUT_RETENTION`] with the given allow lists (YAML lines, or empty), and returns
/// `(code, notice, diagnostic)` for each diagnostic.
fn check_allows(file_allow: &str, north_allow: &str) -> Vec<(String, Option<String>, Value)> {
    let text = TWO_WITHOUT_RETENTION
        .replace("{file_allow}", file_allow)
        .replace("{north_allow}", north_allow);
    let dir = common::dir_with(&[("notices.yaml", text)]);
    let items = diagnostics(&dir.path().join("notices.yaml").to_string_lossy());
    items
        .into_iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_owned(),
                d["notice"].as_str().map(str::to_owned),
                d,
            )
        })
        .collect()
}

/// The `(code, notice)` pairs of some findings, sorted.
fn pairs(found: &[(String, Option<String>, Value)]) -> Vec<(String, Option<String>)> {
    let mut out: Vec<_> = found
        .iter()
        .map(|(c, n, _)| (c.clone(), n.clone()))
        .collect();
    out.sort();
    out
}

/// An N401 finding in `notice`.
fn n401(notice: &str) -> (String, Option<String>) {
    ("N401".to_owned(), Some(notice.to_owned()))
}

#[test]
fn without_allows_both_notices_miss_retention() {
    assert_eq!(
        pairs(&check_allows("", "")),
        vec![n401("north"), n401("south")]
    );
}

#[test]
fn a_notice_allow_silences_the_rule_for_that_notice_only() {
    let found = check_allows(
        "",
        "    allow: [{rule: N401, reason: The tenancy agreement sets out how long records are kept.}]\n",
    );
    assert_eq!(pairs(&found), vec![n401("south")]);
}

#[test]
fn an_allow_may_name_the_rule() {
    let found = check_allows(
        "",
        "    allow: [{rule: missing-retention, reason: The tenancy agreement sets out how long records are kept.}]\n",
    );
    assert_eq!(pairs(&found), vec![n401("south")]);
}

#[test]
fn a_file_allow_silences_the_rule_everywhere() {
    let found = check_allows(
        "allow: [{rule: N401, reason: Retention is set by the landlord's published schedule.}]\n",
        "",
    );
    assert_eq!(pairs(&found), vec![]);
}

#[test]
fn an_allow_without_a_reason_is_reported() {
    let found = check_allows("", "    allow: [{rule: N401}]\n");
    assert_eq!(
        pairs(&found),
        vec![n401("south"), ("N901".to_owned(), Some("north".to_owned()))],
        "the rule is still allowed, and the missing reason reported"
    );
    let blank = check_allows("allow: [{rule: N401, reason: \"  \"}]\n", "");
    assert_eq!(
        pairs(&blank),
        vec![("N901".to_owned(), None)],
        "a blank reason is no reason"
    );
}

#[test]
fn an_allow_of_an_unknown_rule_is_reported_with_a_suggestion() {
    let found = check_allows(
        "",
        "    allow: [{rule: missing-retension, reason: The tenancy agreement sets out how long records are kept.}]\n",
    );
    assert_eq!(
        pairs(&found),
        vec![
            n401("north"),
            n401("south"),
            ("N902".to_owned(), Some("north".to_owned()))
        ],
        "the misspelt allow silences nothing"
    );
    let n902 = &found.iter().find(|(c, _, _)| c == "N902").unwrap().2;
    assert_eq!(n902["help"], "did you mean `missing-retention`?", "{n902}");
    assert_eq!(n902["path"], "/notices/0/allow/0/rule", "{n902}");

    let by_code = check_allows("allow: [{rule: N4O1, reason: A typo of the code.}]\n", "");
    let n902 = &by_code.iter().find(|(c, _, _)| c == "N902").unwrap().2;
    assert!(
        n902["help"]
            .as_str()
            .is_some_and(|h| h.starts_with("did you mean")),
        "{n902}"
    );
}

/// A notice transcribed as written: it states its lawful bases, its data and its sources only for the
/// notice as a whole, linking none of them to a purpose or a category. `{extra}` is replaced by more
/// lines of the notice.
const AS_WRITTEN: &str = r#"organisations:
  - {id: harbour-homes, name: Harbour Homes, ico_registration: Z1234567, email: hello@harbour-homes.example}
  - {id: ico, name: Information Commissioner's Office, kind: supervisory_authority}
contacts:
  - {id: dpo, name: Data protection officer, organisation: harbour-homes, role: data_protection_officer, email: dpo@harbour-homes.example}
notices:
  - id: tenants
    title: Privacy notice for tenants
    kind: main
    last_updated: 2026-09-01
    parties: [{organisation: harbour-homes, legal_role: controller}]
    data_protection_contact: dpo
    purposes:
      - {id: tenancy, name: Managing your tenancy}
      - {id: debt-recovery, name: Recovering rent you owe}
    lawful_bases:
      - {basis: contract}
      - {basis: legal_obligation, law: The Housing Act 1985}
    data_categories:
      - {id: contact-details, name: Your name and contact details}
      - {id: references, name: References from your previous landlord}
    sources:
      - {id: you, name: You, party: data_subject, method: provided}
      - {id: previous-landlord, name: Your previous landlord, party: third_party}
    recipients: [{id: contractors, name: Repair contractors, kind: contractor}]
    retention:
      - {purposes: [tenancy], period: P6Y, from: end_of_tenancy}
    rights:
      - {right: access, how: {contact: dpo}}
      - {right: rectification, how: {contact: dpo}}
      - {right: erasure, how: {contact: dpo}}
      - {right: restriction, how: {contact: dpo}}
      - {right: portability, how: {contact: dpo}}
      - {right: complain, authority: ico}
    requirements: [{requirement: contractual, consequences: We cannot offer you a tenancy.}]
{extra}"#;

/// The diagnostics of [`AS_WRITTEN`] with `extra` lines added to the notice.
fn check_as_written(extra: &str) -> Vec<Value> {
    let text = AS_WRITTEN.replace("{extra}", extra);
    let dir = common::dir_with(&[("notices.yaml", text)]);
    diagnostics(&dir.path().join("notices.yaml").to_string_lossy())
}

// Ensure a notice that states its bases, data and sources only as a whole is asked for no links it does
// not make (N105, N203, N208, N404), and that each purpose without a basis of its own is reported with the
// bases the notice states.
#[test]
fn a_notice_stated_as_a_whole_is_asked_only_for_a_basis_per_purpose() {
    let items = check_as_written("");
    let found: Vec<(&str, &str)> = items
        .iter()
        .map(|d| (d["code"].as_str().unwrap(), d["message"].as_str().unwrap()))
        .collect();
    assert_eq!(
        found,
        [
            (
                "N102",
                "purpose `tenancy` has no lawful basis of its own; the notice states bases only for the notice as a whole (`contract`, `legal_obligation`)"
            ),
            (
                "N102",
                "purpose `debt-recovery` has no lawful basis of its own; the notice states bases only for the notice as a whole (`contract`, `legal_obligation`)"
            ),
        ],
        "{items:#?}"
    );
    assert!(
        items.iter().all(|d| d["severity"] == "warning"),
        "{items:#?}"
    );
}

// Ensure consent relied on only by collecting and sharing "with your consent" is consent all the same:
// the notice must say the person can withdraw it (N507) and how (N510).
#[test]
fn consent_in_qualifiers_needs_a_way_to_withdraw() {
    let text = AS_WRITTEN
        .replace(
            "party: third_party}",
            "party: third_party, qualifiers: [with_consent]}",
        )
        .replace(
            "kind: contractor}",
            "kind: contractor, qualifiers: [with_consent]}",
        )
        .replace("{extra}", "");
    let dir = common::dir_with(&[("notices.yaml", text)]);
    let items = diagnostics(&dir.path().join("notices.yaml").to_string_lossy());
    let n510: Vec<&Value> = items.iter().filter(|d| d["code"] == "N510").collect();
    assert_eq!(n510.len(), 1, "{items:#?}");
    assert_eq!(
        n510[0]["message"],
        "the notice relies on consent (source `previous-landlord`, recipient `contractors`) but never says how to withdraw it"
    );
    assert_eq!(n510[0]["severity"], "warning");
    assert_eq!(n510[0]["path"], "/notices/0/sources/1/qualifiers/0");
    assert!(codes(&items).contains("N507"), "{items:#?}");

    let with_a_way = AS_WRITTEN
        .replace(
            "party: third_party}",
            "party: third_party, qualifiers: [with_consent]}",
        )
        .replace(
            "{extra}",
            "    form:\n      signature_blocks: [{signer: data_subject, declaration: I agree.}]\n      withdrawal: {contact: dpo}\n",
        );
    let dir = common::dir_with(&[("notices.yaml", with_a_way)]);
    let items = diagnostics(&dir.path().join("notices.yaml").to_string_lossy());
    assert!(!codes(&items).contains("N510"), "{items:#?}");
}

/// The `(code, path)` of each diagnostic of [`AS_WRITTEN`] after replacing `from` with `to` and adding
/// `extra` lines to the notice, leaving out the N102 findings every run of it has.
fn as_written_with(from: &str, to: &str, extra: &str) -> Vec<(String, String)> {
    assert!(AS_WRITTEN.contains(from), "{from}");
    let text = AS_WRITTEN.replace(from, to).replace("{extra}", extra);
    let dir = common::dir_with(&[("notices.yaml", text)]);
    diagnostics(&dir.path().join("notices.yaml").to_string_lossy())
        .iter()
        .filter(|d| d["code"] != "N102")
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_owned(),
                d["path"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

// Ensure what a notice states for its special category data as a whole is read there: conditions
// stated for the notice as a whole satisfy N204, and words that are not an Art. 9(2) condition are
// reported once, by N209, not by N204 as well.
#[test]
fn special_category_conditions_for_the_notice_as_a_whole() {
    let health = (
        "{id: references, name: References from your previous landlord}",
        "{id: references, name: Your health, special_category: [health]}",
    );
    let pair = |code: &str, path: &str| vec![(code.to_owned(), path.to_owned())];
    assert_eq!(
        as_written_with(health.0, health.1, ""),
        pair("N204", "/notices/0/data_categories/1/special_category")
    );
    assert_eq!(
        as_written_with(
            health.0,
            health.1,
            "    special_category_conditions: {art9_conditions: [vital_interests]}\n"
        ),
        vec![]
    );
    assert_eq!(
        as_written_with(
            health.0,
            health.1,
            "    special_category_conditions: {art9_justifications: [Where it is necessary for housing purposes]}\n"
        ),
        pair(
            "N209",
            "/notices/0/special_category_conditions/art9_justifications/0"
        )
    );
}

// Ensure a legal obligation stated for the notice as a whole names its law (N107), and that a law named
// there covers the purposes that rely on a legal obligation.
#[test]
fn a_legal_obligation_for_the_notice_as_a_whole_names_its_law() {
    assert_eq!(
        as_written_with(", law: The Housing Act 1985}", "}", ""),
        vec![(
            "N107".to_owned(),
            "/notices/0/lawful_bases/1/basis".to_owned()
        )]
    );
    assert_eq!(
        as_written_with(
            "{id: debt-recovery, name: Recovering rent you owe}",
            "{id: debt-recovery, name: Recovering rent you owe, lawful_bases: [legal_obligation]}",
            ""
        ),
        vec![]
    );
}

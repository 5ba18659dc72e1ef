//! Snapshots of what `noticec check` prints for each file in `tests/fixtures/bad/`.
//!
//! Each fixture is named after the one diagnostic code it triggers (`E010_unknown_field.yaml`). The
//! check runs in-process ([`common::check`]: the library calls and rendering of `noticec check`, which
//! `tests/lint.rs` holds equal to the binary's output) with the fixture's path relative to the crate root,
//! so the file names in the output are stable. Both formats are snapshotted: the human one (stderr) and
//! the JSON one (stdout), each with the exit code. Beyond the snapshots, every fixture must exit 1 and
//! report its own code and no other.

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

use common::{ROOT, Run};

/// What `noticec check FILE --color never --format FORMAT` prints from the crate root.
fn check(file: &str, format: &str) -> Run {
    common::check(file, format == "json", false)
}

/// The code a fixture is named after: `E010` for `E010_unknown_field.yaml`.
fn expected_code(path: &Path) -> String {
    let name = path.file_name().unwrap().to_string_lossy();
    let code = name.split('_').next().unwrap_or_default().to_owned();
    assert!(
        code.len() == 4 && code.starts_with('E') && code[1..].bytes().all(|b| b.is_ascii_digit()),
        "fixture `{name}` must be named CODE_description.yaml, like E010_unknown_field.yaml"
    );
    code
}

#[test]
fn every_bad_fixture_reports_its_own_code() {
    insta::glob!("fixtures/bad/*.yaml", |path| {
        let file = common::relative(path);
        let code = expected_code(path);

        let human = check(&file, "human");
        assert_eq!(
            human.code,
            Some(1),
            "{file}: human run exits 1\n{}",
            human.stderr
        );
        assert!(
            human.stderr.contains(&format!("error[{code}]")),
            "{file}: human output names {code}:\n{}",
            human.stderr
        );
        assert!(
            human.stderr.contains(&file),
            "{file}: human output names the file:\n{}",
            human.stderr
        );
        assert!(
            !human.stderr.contains('\u{1b}'),
            "{file}: `--color never` output has no ANSI escapes"
        );

        let json = check(&file, "json");
        assert_eq!(
            json.code,
            Some(1),
            "{file}: JSON run exits 1\n{}",
            json.stderr
        );
        let parsed: Value = serde_json::from_str(&json.stdout)
            .unwrap_or_else(|e| panic!("{file}: stdout is not JSON ({e}):\n{}", json.stdout));
        let items = parsed.as_array().expect("the JSON output is an array");
        let codes: BTreeSet<&str> = items.iter().filter_map(|d| d["code"].as_str()).collect();
        assert!(
            codes.contains(code.as_str()),
            "{file}: JSON output contains {code}, got {codes:?}"
        );
        assert_eq!(
            codes,
            BTreeSet::from([code.as_str()]),
            "{file}: the fixture triggers only {code}"
        );
        for d in items {
            assert_eq!(
                d["file"],
                file.as_str(),
                "{file}: each diagnostic names the file"
            );
            assert_eq!(d["severity"], "error", "{file}: {d}");
        }

        insta::assert_snapshot!("human", human.transcript("stderr", &human.stderr));
        insta::assert_snapshot!("json", json.transcript("stdout", &json.stdout));
    });
}

#[test]
fn the_bad_fixtures_cover_every_input_error_code() {
    let dir = Path::new(ROOT).join("tests/fixtures/bad");
    let codes: BTreeSet<String> = std::fs::read_dir(&dir)
        .expect("tests/fixtures/bad exists")
        .map(|e| expected_code(&e.unwrap().path()))
        .collect();
    for code in [
        "E001", "E002", "E003", "E004", "E005", "E006", "E010", "E011", "E012", "E013", "E014",
        "E020", "E021", "E022", "E023", "E024", "E025", "E026", "E027",
    ] {
        assert!(
            codes.contains(code),
            "no fixture in tests/fixtures/bad triggers {code}"
        );
    }
}

// Ensure the minimal fixture is structurally valid: no `E` code. (It is deliberately incomplete, so the
// lint reports it; `tests/lint.rs` checks the complete fixture has no findings at all.)
#[test]
fn the_minimal_good_fixture_is_structurally_valid() {
    let file = "tests/fixtures/good/minimal.yaml";
    let json = check(file, "json");
    let items = serde_json::from_str::<Value>(&json.stdout).unwrap();
    let codes: Vec<&str> = items
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["code"].as_str())
        .collect();
    assert!(
        !codes.is_empty(),
        "the lint reports the gaps of a minimal notice"
    );
    assert!(
        codes.iter().all(|c| c.starts_with('N')),
        "structural problems: {codes:?}"
    );
}

// Ensures the check that decodes the notices from the tree itself (`check_file_typed`, which `build`
// uses to hold less memory) finds exactly what the plain check finds, with the same places and
// notice names, and decodes the same notices, on every fixture: bad (syntax, schema, values refused
// and stood in for, ids and references), good and linted, and the example notices.
#[test]
fn the_check_that_takes_the_tree_finds_what_the_plain_check_finds() {
    let mut files: Vec<String> = ["bad", "good", "lint"]
        .iter()
        .flat_map(|dir| {
            std::fs::read_dir(Path::new(ROOT).join("tests/fixtures").join(dir))
                .unwrap()
                .map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
                .map(|p| common::relative(&p))
        })
        .collect();
    files.sort();
    files.push("notices.yaml".to_owned());
    assert!(files.len() > 30, "{files:?}");
    let limits = noticec::load::Limits::DEFAULT;
    for file in &files {
        let source = || noticec::load::SourceFile {
            name: file.clone(),
            bytes: std::fs::read(Path::new(ROOT).join(file)).unwrap(),
        };
        let plain = noticec::check_file(source(), &limits, &common::lint_options());
        let typed = noticec::check_file_typed(source(), &limits, &common::lint_options());
        assert_eq!(
            format!("{:?}", typed.report.diagnostics),
            format!("{:?}", plain.report.diagnostics),
            "{file}"
        );
        assert_eq!(typed.notices, plain.notices, "{file}");
        assert_eq!(typed.source_text(), plain.source_text(), "{file}");
        if typed.notices.is_some() {
            let doc = typed.document.as_ref().unwrap();
            assert!(doc.value.is_null(), "{file}: the tree is taken");
            assert_eq!(
                doc.span("/notices/0/id"),
                plain.document.as_ref().unwrap().span("/notices/0/id"),
                "{file}: the places stay"
            );
        }
    }
}

//! The command line as a user meets it: exit codes, where output goes, the JSON format, usage errors and
//! `noticec schema` (and `schema --out`). Each test runs the real binary in a temporary directory of its own.

// Tests may panic: a failed unwrap or expect in a helper is a failed test.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::string_slice,
    clippy::indexing_slicing
)]

mod common;

use std::path::Path;

use serde_json::Value;
use tempfile::TempDir;

use common::noticec;

const MINIMAL: &str = "\
notices:
  - id: example
    title: Example privacy notice
    version: \"1\"
    kind: main
";

/// A complete notice: no diagnostics at all, not even notes (with `--today` in its review period).
const CLEAN: &str = include_str!("fixtures/good/complete.yaml");

/// A temporary directory with the given files in it.
fn dir_with(files: &[(&str, &str)]) -> TempDir {
    common::dir_with(files)
}

/// Runs `noticec check FILE --format json --color never` and parses stdout.
fn check_json(dir: &Path, file: &str) -> (Option<i32>, Vec<Value>) {
    let run = noticec(
        dir,
        &["check", file, "--format", "json", "--color", "never"],
    );
    let value: Value = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}\n{}", run.stdout, run.stderr));
    match value {
        Value::Array(items) => (run.code, items),
        other => panic!("the JSON output is an array, got {other}"),
    }
}

// Exit codes -------------------------------------------------------------------------------------------

#[test]
fn a_clean_file_exits_0() {
    let dir = dir_with(&[("notices.yaml", CLEAN)]);
    let run = noticec(dir.path(), &["check", "notices.yaml", "--color", "never"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(
        run.stdout.is_empty(),
        "human output goes to stderr: {}",
        run.stdout
    );
    assert!(run.stderr.contains("no problems found"), "{}", run.stderr);
}

#[test]
fn check_reads_notices_yaml_by_default() {
    let dir = dir_with(&[("notices.yaml", CLEAN)]);
    let run = noticec(dir.path(), &["check", "--color", "never"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(run.stderr.contains("notices.yaml"), "{}", run.stderr);
}

#[test]
fn a_clean_file_gives_an_empty_json_array() {
    let dir = dir_with(&[("notices.yaml", CLEAN)]);
    let (code, items) = check_json(dir.path(), "notices.yaml");
    assert_eq!(code, Some(0));
    assert!(items.is_empty(), "{items:?}");
}

#[test]
fn problems_in_the_notices_exit_1() {
    let dir = dir_with(&[("notices.yaml", &MINIMAL.replace("kind: main", "kind: mian"))]);
    let run = noticec(dir.path(), &["check", "notices.yaml", "--color", "never"]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(run.stderr.contains("error[E013]"), "{}", run.stderr);
    assert!(
        run.stderr.contains("did you mean `main`?"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("notices.yaml: 1 error"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_missing_file_exits_2_and_says_so() {
    let dir = dir_with(&[]);
    let run = noticec(dir.path(), &["check", "absent.yaml", "--color", "never"]);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    assert!(run.stderr.contains("absent.yaml"), "{}", run.stderr);
    assert!(
        run.stderr.contains("No such file") || run.stderr.contains("not found"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_missing_default_file_exits_2_and_names_it() {
    let dir = dir_with(&[]);
    let run = noticec(dir.path(), &["check"]);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert!(run.stderr.contains("notices.yaml"), "{}", run.stderr);
}

#[test]
fn a_missing_file_in_json_mode_still_exits_2_with_a_message() {
    let dir = dir_with(&[]);
    let run = noticec(dir.path(), &["check", "absent.yaml", "--format", "json"]);
    assert_eq!(run.code, Some(2));
    assert!(run.stderr.contains("absent.yaml"), "{}", run.stderr);
}

#[test]
fn a_directory_exits_2_and_says_so() {
    let dir = dir_with(&[]);
    std::fs::create_dir(dir.path().join("notices")).unwrap();
    let run = noticec(dir.path(), &["check", "notices", "--color", "never"]);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert!(run.stderr.contains("notices"), "{}", run.stderr);
    assert!(run.stderr.contains("directory"), "{}", run.stderr);
}

#[test]
fn a_file_over_the_size_limit_exits_2_and_names_the_flag() {
    let dir = dir_with(&[("notices.yaml", CLEAN)]);
    let run = noticec(
        dir.path(),
        &["check", "notices.yaml", "--max-input-bytes", "10"],
    );
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert!(run.stderr.contains("over the limit"), "{}", run.stderr);
    assert!(run.stderr.contains("--max-input-bytes"), "{}", run.stderr);

    let limit = CLEAN.len().to_string();
    let run = noticec(
        dir.path(),
        &["check", "notices.yaml", "--max-input-bytes", &limit],
    );
    assert_eq!(
        run.code,
        Some(0),
        "a file exactly at the limit is read: {}",
        run.stderr
    );
}

// Usage errors -----------------------------------------------------------------------------------------

#[test]
fn an_unknown_subcommand_exits_2() {
    let dir = dir_with(&[]);
    let run = noticec(dir.path(), &["frobnicate"]);
    assert_eq!(run.code, Some(2));
    assert!(run.stderr.contains("frobnicate"), "{}", run.stderr);
}

#[test]
fn an_unknown_flag_exits_2() {
    let dir = dir_with(&[("notices.yaml", MINIMAL)]);
    let run = noticec(dir.path(), &["check", "notices.yaml", "--bogus"]);
    assert_eq!(run.code, Some(2));
    assert!(run.stderr.contains("--bogus"), "{}", run.stderr);
}

#[test]
fn an_unknown_format_exits_2() {
    let dir = dir_with(&[("notices.yaml", MINIMAL)]);
    let run = noticec(dir.path(), &["check", "notices.yaml", "--format", "xml"]);
    assert_eq!(run.code, Some(2));
    assert!(run.stderr.contains("xml"), "{}", run.stderr);
}

#[test]
fn a_bad_size_limit_exits_2() {
    let dir = dir_with(&[("notices.yaml", MINIMAL)]);
    let run = noticec(
        dir.path(),
        &["check", "notices.yaml", "--max-input-bytes", "lots"],
    );
    assert_eq!(run.code, Some(2));
}

#[test]
fn no_subcommand_exits_2_with_usage() {
    let dir = dir_with(&[]);
    let run = noticec(dir.path(), &[]);
    assert_eq!(run.code, Some(2));
    assert!(run.stderr.contains("Usage"), "{}", run.stderr);
}

#[test]
fn help_and_version_exit_0() {
    let dir = dir_with(&[]);
    let help = noticec(dir.path(), &["check", "--help"]);
    assert_eq!(help.code, Some(0));
    assert!(help.stdout.contains("--format"), "{}", help.stdout);
    assert!(help.stdout.contains("--max-input-bytes"), "{}", help.stdout);
    let version = noticec(dir.path(), &["--version"]);
    assert_eq!(version.code, Some(0));
    assert!(
        version.stdout.contains(env!("CARGO_PKG_VERSION")),
        "{}",
        version.stdout
    );
}

// The JSON format --------------------------------------------------------------------------------------

#[test]
fn json_diagnostics_carry_every_field() {
    let text = "\
notices:
  - id: example
    titel: Example privacy notice
    title: Example privacy notice
    version: 1
    kind: mian
    last_updated: 2023-02-30
";
    let dir = dir_with(&[("notices.yaml", text)]);
    let run = noticec(
        dir.path(),
        &[
            "check",
            "notices.yaml",
            "--format",
            "json",
            "--color",
            "never",
        ],
    );
    assert_eq!(run.code, Some(1));
    assert!(
        run.stderr.is_empty(),
        "JSON mode keeps stderr clean: {}",
        run.stderr
    );
    let (_, items) = check_json(dir.path(), "notices.yaml");
    assert!(
        items.len() >= 3,
        "every schema problem is reported at once: {items:#?}"
    );
    for d in &items {
        let object = d.as_object().expect("each diagnostic is an object");
        for key in [
            "code", "severity", "message", "file", "line", "column", "notice", "path",
        ] {
            assert!(object.contains_key(key), "`{key}` missing from {d}");
        }
        assert!(
            d["code"].as_str().is_some_and(|c| c.starts_with('E')),
            "{d}"
        );
        assert_eq!(d["severity"], "error", "{d}");
        assert!(d["message"].as_str().is_some_and(|m| !m.is_empty()), "{d}");
        assert_eq!(d["file"], "notices.yaml", "{d}");
        assert!(d["line"].as_u64().is_some_and(|l| l >= 1), "{d}");
        assert!(d["column"].as_u64().is_some_and(|c| c >= 1), "{d}");
        assert_eq!(d["notice"], "example", "{d}");
        assert!(
            d["path"]
                .as_str()
                .is_some_and(|p| p.starts_with("/notices/0")),
            "{d}"
        );
    }
    let lines: Vec<u64> = items.iter().map(|d| d["line"].as_u64().unwrap()).collect();
    let mut sorted = lines.clone();
    sorted.sort_unstable();
    assert_eq!(lines, sorted, "diagnostics come in file order");
    let codes: Vec<&str> = items.iter().map(|d| d["code"].as_str().unwrap()).collect();
    for code in ["E010", "E012", "E013"] {
        assert!(codes.contains(&code), "{code} in {codes:?}");
    }
}

#[test]
fn an_unknown_field_names_its_line_and_suggests_the_field() {
    let text = MINIMAL.replace(
        "    title: Example privacy notice\n",
        "    titel: Example privacy notice\n    title: Example privacy notice\n",
    );
    let dir = dir_with(&[("notices.yaml", &text)]);

    let run = noticec(dir.path(), &["check", "notices.yaml", "--color", "never"]);
    assert_eq!(run.code, Some(1));
    assert!(
        run.stderr.contains("error[E010]: unknown field `titel`"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("--> notices.yaml:3:5"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("3 |     titel: Example"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("did you mean `title`?"),
        "{}",
        run.stderr
    );

    let (_, items) = check_json(dir.path(), "notices.yaml");
    assert_eq!(items.len(), 1, "{items:#?}");
    let d = &items[0];
    assert_eq!(d["code"], "E010");
    assert_eq!(d["line"], 3);
    assert_eq!(d["column"], 5);
    assert_eq!(d["path"], "/notices/0/titel");
    assert_eq!(d["notice"], "example");
    assert!(d["help"].as_str().unwrap().contains("`title`"), "{d}");
}

#[test]
fn a_duplicate_notice_id_says_duplicate_and_points_at_both() {
    let text = format!("{MINIMAL}{}", MINIMAL.replace("notices:\n", ""));
    let dir = dir_with(&[("notices.yaml", &text)]);

    let run = noticec(dir.path(), &["check", "notices.yaml", "--color", "never"]);
    assert_eq!(run.code, Some(1));
    assert!(run.stderr.contains("duplicate"), "{}", run.stderr);
    assert!(run.stderr.contains("`example`"), "{}", run.stderr);
    assert!(
        run.stderr.contains("--> notices.yaml:6:9"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("first used here"), "{}", run.stderr);

    let (code, items) = check_json(dir.path(), "notices.yaml");
    assert_eq!(code, Some(1));
    assert_eq!(items.len(), 1, "{items:#?}");
    assert_eq!(items[0]["code"], "E020");
    assert!(items[0]["message"].as_str().unwrap().contains("duplicate"));
    assert_eq!(items[0]["line"], 6);
}

#[test]
fn every_problem_is_reported_in_one_run() {
    let text = "\
organisations:
  - id: example-org
    name: Example Organisation
    email: not-an-address
    address:
      town: Exeter
      postcode: ex5 2fz
notices:
  - id: Example
    title: Example privacy notice
";
    let dir = dir_with(&[("notices.yaml", text)]);
    let (code, items) = check_json(dir.path(), "notices.yaml");
    assert_eq!(code, Some(1));
    let codes: Vec<&str> = items.iter().map(|d| d["code"].as_str().unwrap()).collect();
    for expected in ["E011", "E014", "E024", "E026"] {
        assert!(codes.contains(&expected), "{expected} in {codes:?}");
    }
}

// Colour -----------------------------------------------------------------------------------------------

#[test]
fn color_always_styles_and_color_never_does_not() {
    let dir = dir_with(&[("notices.yaml", &MINIMAL.replace("kind: main", "kind: mian"))]);
    let plain = noticec(dir.path(), &["check", "notices.yaml", "--color", "never"]);
    assert!(!plain.stderr.contains('\u{1b}'), "{}", plain.stderr);
    let styled = noticec(dir.path(), &["check", "notices.yaml", "--color", "always"]);
    assert_eq!(styled.code, Some(1));
    assert!(styled.stderr.contains("\u{1b}["), "{}", styled.stderr);
    let auto = noticec(dir.path(), &["check", "notices.yaml"]);
    assert!(
        !auto.stderr.contains('\u{1b}'),
        "auto colour is off when stderr is not a terminal: {}",
        auto.stderr
    );
}

// The schema -------------------------------------------------------------------------------------------

#[test]
fn schema_prints_a_draft_2020_12_json_schema() {
    let dir = dir_with(&[]);
    let run = noticec(dir.path(), &["schema"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let schema: Value = serde_json::from_str(&run.stdout).expect("the schema is JSON");
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert_eq!(schema["type"], "object");
    assert!(
        schema["properties"]["notices"].is_object(),
        "{}",
        schema["properties"]
    );
    assert_eq!(schema["required"], serde_json::json!(["notices"]));
}

// Ensure `schema --out` writes exactly what `schema` prints, creating the folders, and prints nothing.
#[test]
fn schema_out_writes_the_schema_creating_folders() {
    let dir = dir_with(&[]);
    let run = noticec(
        dir.path(),
        &["schema", "--out", "editor/schemas/notice.schema.json"],
    );
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(run.stdout.is_empty(), "nothing printed: {}", run.stdout);
    let written =
        std::fs::read_to_string(dir.path().join("editor/schemas/notice.schema.json")).unwrap();
    assert_eq!(written, noticec::schema::schema_text());
    let names: Vec<_> = std::fs::read_dir(dir.path().join("editor/schemas"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 1, "no temporary file left behind: {names:?}");
}

// Ensure `schema --out` into a path that cannot be a file is an I/O error (exit 2) that names the path.
#[test]
fn schema_out_to_an_unwritable_path_exits_2() {
    let dir = dir_with(&[("taken", "a file, not a folder")]);
    let run = noticec(dir.path(), &["schema", "--out", "taken/notice.schema.json"]);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("cannot write the schema to taken/notice.schema.json"),
        "{}",
        run.stderr
    );
}

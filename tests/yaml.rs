//! How the real binary reads YAML: scalars by the YAML 1.2 core schema, "quote it" help that quotes the
//! value as written, positions in files with a byte order mark or other line breaks, the limits on keys,
//! and the cap on how many diagnostics one run reports.

// Tests may panic: a failed unwrap or expect in a helper is a failed test.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::string_slice,
    clippy::indexing_slicing
)]

mod common;

use std::fmt::Write as _;

use common::{dir_with, noticec};
use serde_json::Value;

/// One notice with every required field; `{title}` and `{version}` are written in as given.
fn notice(title: &str, version: &str) -> String {
    format!(
        "notices:\n  - id: example\n    title: {title}\n    version: {version}\n    kind: main\n"
    )
}

/// `noticec check notices.yaml --format json` on these bytes: the exit code and the diagnostics.
fn check_json(bytes: &[u8]) -> (Option<i32>, Vec<Value>) {
    let dir = dir_with(&[("notices.yaml", bytes)]);
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
    match run.json() {
        Value::Array(items) => (run.code, items),
        other => panic!("not a list: {other}"),
    }
}

/// `noticec check notices.yaml` on these bytes: the exit code and what it printed on stderr.
fn check_human(bytes: &[u8]) -> (Option<i32>, String) {
    let dir = dir_with(&[("notices.yaml", bytes)]);
    let run = noticec(dir.path(), &["check", "notices.yaml", "--color", "never"]);
    (run.code, run.stderr)
}

/// The (code, line, column, help) of each diagnostic.
fn places(items: &[Value]) -> Vec<(String, u64, u64, String)> {
    items
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap_or_default().to_owned(),
                d["line"].as_u64().unwrap_or(0),
                d["column"].as_u64().unwrap_or(0),
                d["help"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

#[test]
fn plain_scalars_that_are_not_core_schema_numbers_are_text() {
    // `+-5` and `0x-1F` match no core schema pattern, so they are text, and text is what a title and a
    // version want.
    let (code, items) = check_json(notice("+-5", "0x-1F").as_bytes());
    assert_eq!(code, Some(0), "{items:?}");
    assert!(items.iter().all(|d| d["severity"] != "error"), "{items:?}");
}

#[test]
fn infinity_and_not_a_number_are_refused_where_they_stand() {
    for written in [".inf", "-.Inf", ".NaN", "1e999"] {
        let (code, items) = check_json(notice(written, "\"1\"").as_bytes());
        assert_eq!(code, Some(1), "{written}: {items:?}");
        let found = places(&items);
        assert_eq!(found.len(), 1, "{written}: {items:?}");
        let (c, line, column, help) = &found[0];
        assert_eq!((c.as_str(), *line, *column), ("E004", 3, 12), "{written}");
        assert!(
            help.contains(&format!("`\"{written}\"`")),
            "{written}: {help}"
        );
    }
}

#[test]
fn quote_it_help_quotes_the_value_as_written() {
    for (version, quoted) in [
        ("1.10", "\"1.10\""),
        ("0123", "\"0123\""),
        ("1e3", "\"1e3\""),
        ("0x1F", "\"0x1F\""),
        ("+5", "\"+5\""),
        ("TRUE", "\"TRUE\""),
    ] {
        let (code, items) = check_json(notice("Example", version).as_bytes());
        assert_eq!(code, Some(1), "{version}");
        let help = items[0]["help"].as_str().unwrap_or_default();
        assert_eq!(
            help,
            format!("quote it to make it text: `{quoted}`"),
            "{version}"
        );
    }
}

/// A notice with a misspelt field on line 3, column 5, and its line breaks written as `eol`.
fn misspelt(eol: &str, bom: bool) -> Vec<u8> {
    let text = [
        "notices:",
        "  - id: example",
        "    titel: x",
        "    version: \"1\"",
        "    kind: main",
        "",
    ]
    .join(eol);
    let mut bytes = if bom {
        b"\xEF\xBB\xBF".to_vec()
    } else {
        Vec::new()
    };
    bytes.extend_from_slice(text.as_bytes());
    bytes
}

#[test]
fn positions_hold_with_a_byte_order_mark_and_every_line_break() {
    for (eol, bom) in [
        ("\n", true),
        ("\r\n", false),
        ("\r", false),
        ("\r\n", true),
        ("\r", true),
    ] {
        let (_, items) = check_json(&misspelt(eol, bom));
        let unknown: Vec<_> = places(&items)
            .into_iter()
            .filter(|(c, ..)| c == "E010")
            .map(|(_, l, c, _)| (l, c))
            .collect();
        assert_eq!(unknown, [(3, 5)], "{eol:?} bom {bom}");
        let (_, human) = check_human(&misspelt(eol, bom));
        assert!(
            human.contains("notices.yaml:3:5"),
            "{eol:?} bom {bom}:\n{human}"
        );
    }
}

#[test]
fn bytes_refused_before_parsing_are_placed_on_their_line_with_any_line_break() {
    for eol in ["\n", "\r\n", "\r"] {
        for (bad, what) in [(&b"\xFF"[..], "not UTF-8"), (&b"\x00"[..], "NUL")] {
            let mut bytes = format!("a: b{eol}c: ").into_bytes();
            bytes.extend_from_slice(bad);
            let (code, items) = check_json(&bytes);
            assert_eq!(code, Some(1), "{eol:?} {what}");
            let found = places(&items);
            assert_eq!(
                (found[0].1, found[0].2),
                (2, 4),
                "{eol:?} {what}: {items:?}"
            );
        }
    }
}

#[test]
fn a_missing_colon_points_at_the_key_that_lacks_it() {
    let cases = [
        // The next line starts a key: the scanner notices on line 4.
        (
            "notices:\n  - id: example\n    title Example\n    version: \"1\"\n    kind: main\n",
            (3, 5),
        ),
        // The last line lacks it: the scanner notices past the end of the file.
        (
            "notices:\n  - id: example\n    title: Example\n    version \"1\"\n",
            (4, 5),
        ),
        (
            "notices:\r  - id: example\r    title Example\r    version: \"1\"\r",
            (3, 5),
        ),
        (
            "\u{feff}notices:\r\n  - id: x\r\n    title Example\r\n\r\n    version: \"1\"\r\n",
            (3, 5),
        ),
    ];
    for (text, at) in cases {
        let (code, items) = check_json(text.as_bytes());
        assert_eq!(code, Some(1), "{text:?}");
        let found = places(&items);
        assert_eq!((found[0].1, found[0].2), at, "{text:?}: {items:?}");
        let (_, human) = check_human(text.as_bytes());
        assert!(
            human.contains(&format!("notices.yaml:{}:{}", at.0, at.1)),
            "{human}"
        );
    }
}

#[test]
fn a_syntax_error_at_the_end_is_placed_on_the_last_line() {
    let (_, items) = check_json(b"notices: [a\n\n\n");
    let found = places(&items);
    assert_eq!(
        (found[0].0.as_str(), found[0].1, found[0].2),
        ("E001", 1, 12),
        "{items:?}"
    );
}

#[test]
fn keys_obey_the_string_limit() {
    let key = "k".repeat(50);
    let text = format!("notices:\n  - id: example\n    \"{key}\": x\n");
    let dir = dir_with(&[("notices.yaml", text.as_bytes())]);
    let run = noticec(
        dir.path(),
        &[
            "check",
            "notices.yaml",
            "--format",
            "json",
            "--max-string-chars",
            "40",
        ],
    );
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    let items = run.json();
    assert_eq!(items[0]["code"], "E007", "{items}");
    assert_eq!(
        (items[0]["line"].as_u64(), items[0]["column"].as_u64()),
        (Some(3), Some(5))
    );
    let help = items[0]["help"].as_str().unwrap_or_default();
    assert!(help.contains("--max-string-chars"), "{help}");
}

#[test]
fn a_report_keeps_the_first_thousand_diagnostics_and_counts_the_rest() {
    let mut text = String::from(
        "notices:\n  - id: example\n    title: x\n    version: \"1\"\n    kind: main\n",
    );
    for i in 0..1_500 {
        writeln!(text, "    unknown{i}: x").unwrap();
    }
    let (code, items) = check_json(text.as_bytes());
    assert_eq!(code, Some(1));
    assert_eq!(
        items.len(),
        1_001,
        "the first thousand and one closing note"
    );
    let last = &items[1_000];
    assert_eq!(last["severity"], "note", "{last}");
    assert_eq!(last["code"], "E010", "{last}");
    assert!(
        last["message"]
            .as_str()
            .unwrap_or_default()
            .contains("500 more errors"),
        "{last}"
    );
    for format in ["github", "sarif", "human"] {
        let dir = dir_with(&[("notices.yaml", text.as_bytes())]);
        let run = noticec(dir.path(), &["check", "notices.yaml", "--format", format]);
        assert_eq!(run.code, Some(1), "{format}");
        let out = format!("{}{}", run.stdout, run.stderr);
        assert!(
            out.contains("and 500 more errors of code E010 not shown"),
            "{format}"
        );
        let shown = out.matches("unknown field `unknown").count();
        // SARIF names each rule once more in its rule list, not per result.
        assert!((1..=1_000).contains(&shown), "{format}: {shown} shown");
    }
}

// Ensures a key with no name (`: value`, `{: value}`), which YAML reads as a null key and the YAML
// test suite cannot give as JSON, is refused where it is written, never read as a field named "".
#[test]
fn a_key_with_no_name_is_refused_where_it_is_written() {
    for (text, line, column) in [
        ("notices:\n  - id: a\n    : x\n", 3, 5),
        ("notices: [{: x}]\n", 1, 12),
    ] {
        let (code, items) = check_json(text.as_bytes());
        assert_eq!(code, Some(1), "{text:?}");
        let first = &items[0];
        assert_eq!(first["code"], "E004", "{text:?}: {first}");
        assert_eq!(first["message"], "a key with no name", "{text:?}: {first}");
        assert_eq!(
            (first["line"].as_u64(), first["column"].as_u64()),
            (Some(line), Some(column)),
            "{text:?}: {first}"
        );
    }
}

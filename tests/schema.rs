//! The committed JSON Schema is exactly what `noticec schema` prints, and every DPV term the model uses
//! is a real DPV 2.3 term.

// Tests may panic: a failed unwrap or expect in a helper is a failed test.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::string_slice,
    clippy::indexing_slicing
)]

mod common;

use std::path::Path;

use common::ROOT;

const SCHEMA_PATH: &str = "schema/notice.schema.json";

// Ensure `schema/notice.schema.json` matches the schema generated from the model types; with
// `NOTICEC_UPDATE_SCHEMA=1` the test rewrites the file instead.
#[test]
fn committed_schema_is_current() {
    let generated = noticec::schema::schema_text();
    let path = Path::new(ROOT).join(SCHEMA_PATH);
    if std::env::var_os("NOTICEC_UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &generated).expect("write schema");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "{SCHEMA_PATH} is stale; run `NOTICEC_UPDATE_SCHEMA=1 cargo test --test schema` and commit it"
    );
}

// Ensure the binary prints the same schema the library generates.
#[test]
fn schema_command_prints_the_schema() {
    let run = common::noticec(Path::new(ROOT), &["schema"]);
    run.expect(0, "noticec schema");
    assert_eq!(run.stdout, noticec::schema::schema_text());
}

// Ensure the schema declares draft 2020-12 and forbids unknown fields on every object.
#[test]
fn schema_is_draft_2020_12_and_closed() {
    let schema = noticec::schema::schema();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    for (name, def) in schema["$defs"].as_object().unwrap() {
        if def.get("properties").is_some() {
            assert_eq!(
                def["additionalProperties"], false,
                "{name} accepts unknown fields"
            );
        }
    }
}

/// The DPV term list: the shared reference when present, else the copy under `tests/data`.
fn dpv_terms() -> std::collections::HashSet<String> {
    let root = Path::new(ROOT);
    let shared = root.join("../shared/reference/dpv-terms.txt");
    let path = if shared.exists() {
        shared
    } else {
        root.join("tests/data/dpv-terms.txt")
    };
    std::fs::read_to_string(path)
        .expect("read DPV term list")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(str::to_owned)
        .collect()
}

// Ensure every closed-list value maps to a term that exists in DPV 2.3.
#[test]
fn every_dpv_term_is_real() {
    let terms = dpv_terms();
    let mut unknown = Vec::new();
    for (list, key, term) in noticec::model::dpv::all_terms() {
        match noticec::model::dpv::expand(term) {
            Some(iri) if terms.contains(&iri) => {}
            other => unknown.push(format!("{list}::{key} -> {term} ({other:?})")),
        }
    }
    assert!(
        unknown.is_empty(),
        "not DPV 2.3 terms:\n{}",
        unknown.join("\n")
    );
}

// Ensure the copy of the DPV term list under tests/data is the shared reference, when that is present.
#[test]
fn vendored_dpv_terms_match_reference() {
    let root = Path::new(ROOT);
    let shared = root.join("../shared/reference/dpv-terms.txt");
    if let Ok(reference) = std::fs::read_to_string(shared) {
        let copy = std::fs::read_to_string(root.join("tests/data/dpv-terms.txt")).unwrap();
        assert_eq!(
            copy, reference,
            "tests/data/dpv-terms.txt differs from ../shared/reference/dpv-terms.txt"
        );
    }
}

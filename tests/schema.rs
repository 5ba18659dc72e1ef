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

use std::collections::HashSet;
use std::path::Path;

use serde_json::Value;

use common::ROOT;

const SCHEMA_PATH: &str = "schema/notice.schema.json";

// Ensure `schema/notice.schema.json` matches the schema generated from the model types; with
// `NOTICEC_UPDATE_SCHEMA=1` the test rewrites the file instead.
#[test]
fn committed_schema_is_current() {
    let generated = noticec::schema::generated_text();
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
    // The schema noticec validates with and prints is the committed one, built in.
    assert!(
        noticec::schema::schema_text() == committed,
        "the schema built into noticec is not {SCHEMA_PATH}; rebuild"
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

/// Every schema object in `value`, with its JSON pointer.
fn schemas<'v>(pointer: &str, value: &'v Value, out: &mut Vec<(String, &'v Value)>) {
    match value {
        Value::Object(map) => {
            out.push((pointer.to_owned(), value));
            for (k, v) in map {
                schemas(&format!("{pointer}/{k}"), v, out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                schemas(&format!("{pointer}/{i}"), v, out);
            }
        }
        _ => {}
    }
}

/// Every schema object of the generated schema, with its JSON pointer.
fn all_schemas() -> Vec<(String, &'static Value)> {
    let mut out = Vec::new();
    schemas("", noticec::schema::schema(), &mut out);
    out
}

// Ensure every closed-list value has its own description for editors: as many as values, none empty,
// no two alike, plain and Markdown.
#[test]
fn every_enum_value_has_its_own_description() {
    let mut lists = 0;
    for (pointer, schema) in all_schemas() {
        let Some(values) = schema.get("enum").and_then(Value::as_array) else {
            continue;
        };
        lists += 1;
        for keyword in ["enumDescriptions", "markdownEnumDescriptions"] {
            let descriptions = schema[keyword]
                .as_array()
                .unwrap_or_else(|| panic!("{pointer} has no {keyword}"));
            assert_eq!(descriptions.len(), values.len(), "{pointer}/{keyword}");
            let texts: HashSet<&str> = descriptions.iter().filter_map(Value::as_str).collect();
            assert!(
                texts.len() == values.len() && !texts.contains(""),
                "{pointer}/{keyword}: not one distinct description per value: {descriptions:?}"
            );
        }
    }
    assert!(lists >= 20, "only {lists} closed lists found");
    let basis = &noticec::schema::schema()["$defs"]["LawfulBasis"];
    assert_eq!(
        basis["enumDescriptions"][0],
        "Your consent (UK GDPR Art. 6(1)(a)). DPV term: eu-gdpr:A6-1-a."
    );
}

// Ensure every property has a title (the heading of an editor's hover), and the root keeps its own.
#[test]
fn every_property_has_a_title() {
    let mut untitled = Vec::new();
    for (pointer, schema) in all_schemas() {
        if pointer.ends_with("/properties") {
            continue;
        }
        let Some(properties) = schema.get("properties").and_then(Value::as_object) else {
            continue;
        };
        for (key, property) in properties {
            if property
                .get("title")
                .and_then(Value::as_str)
                .is_none_or(str::is_empty)
            {
                untitled.push(format!("{pointer}/properties/{key}"));
            }
        }
    }
    assert!(untitled.is_empty(), "no title: {untitled:#?}");
    let schema = noticec::schema::schema();
    assert_eq!(schema["title"], "noticec notices file");
    assert_eq!(
        schema["$defs"]["Purpose"]["properties"]["lawful_bases"]["title"],
        "Lawful bases"
    );
    assert_eq!(
        noticec::schema::field_title("ico_registration"),
        "ICO registration"
    );
}

// Ensure no list field has `default: []`, which editors complete as `purposes: []` (flow style).
#[test]
fn no_empty_list_defaults() {
    let found: Vec<String> = all_schemas()
        .into_iter()
        .filter(|(_, s)| s.get("default") == Some(&serde_json::json!([])))
        .map(|(p, _)| p)
        .collect();
    assert!(found.is_empty(), "default: [] at {found:#?}");
}

// Ensure every pattern comes with a message in words, and every description with Markdown in it with a
// `markdownDescription`, so editors render its code rather than escaping the backticks.
#[test]
fn patterns_have_messages_and_markdown_is_marked() {
    let mut missing = Vec::new();
    for (pointer, schema) in all_schemas() {
        if schema.get("pattern").is_some_and(Value::is_string)
            && schema
                .get("patternErrorMessage")
                .and_then(Value::as_str)
                .is_none()
        {
            missing.push(format!("{pointer}: pattern without patternErrorMessage"));
        }
        let description = schema.get("description").and_then(Value::as_str);
        if description.is_some_and(|d| d.contains('`'))
            && schema.get("markdownDescription").and_then(Value::as_str) != description
        {
            missing.push(format!(
                "{pointer}: Markdown description without markdownDescription"
            ));
        }
    }
    assert!(missing.is_empty(), "{missing:#?}");
    assert_eq!(
        noticec::schema::schema()["$defs"]["Date"]["patternErrorMessage"],
        "Not a valid date: write dates as `YYYY-MM-DD`, like `2023-03-07`."
    );
}

// Ensure the SchemaStore catalogue entry is in the catalogue format and points at the schema's `$id`.
#[test]
fn catalog_entry_names_the_schema() {
    let text = std::fs::read_to_string(Path::new(ROOT).join("schema/catalog.json")).unwrap();
    let catalog: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        catalog["$schema"],
        "https://json.schemastore.org/schema-catalog.json"
    );
    let entry = &catalog["schemas"][0];
    for field in ["name", "description", "url"] {
        assert!(
            entry[field].as_str().is_some_and(|s| !s.is_empty()),
            "{field}"
        );
    }
    assert_eq!(entry["url"], noticec::schema::schema()["$id"]);
    assert!(
        entry["fileMatch"]
            .as_array()
            .unwrap()
            .contains(&serde_json::json!("notices.yaml"))
    );
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

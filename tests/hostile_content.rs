//! Hostile content in every text field and every link field of a complete notice: script and HTML
//! injection, quotes that try to break out of attributes, template syntax, zero-width characters, very
//! long words, right-to-left text and emoji are inert in every output; `javascript:` and `data:` links
//! are refused with a located error.

// Tests may panic: a failed unwrap or expect in a helper is a failed test.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::string_slice,
    clippy::indexing_slicing
)]

mod common;

use std::path::Path;

use scraper::{Html, Selector};
use serde_json::Value;

use common::Run;

const COMPLETE: &str = include_str!("fixtures/good/complete.yaml");

/// The payloads, each planted in every free-text field.
const PAYLOADS: &[(&str, &str)] = &[
    ("script", "<script>alert(1)</script></script><!--"),
    (
        "attribute",
        "\"><img src=x onerror=alert(1)>'><svg onload=alert(2)>",
    ),
    (
        "template",
        "{{ 7*7 }} {% for x in range(3) %}{{ x }}{% endfor %} {# c #}",
    ),
    (
        "zero-width",
        "zero\u{200b}width\u{200c}joiner\u{200d}\u{feff}text",
    ),
    ("long word", "Pneumonoultramicroscopicsilicovolcanoconiosis"),
    ("right-to-left", "שלום עולם مرحبا بالعالم"),
    ("emoji", "👩‍👩‍👧 🇬🇧 ✅ 🔒"),
];

/// The complete notice as a JSON tree (our YAML is JSON-compatible data).
fn complete() -> Value {
    let source = noticec::load::SourceFile {
        name: "complete.yaml".into(),
        bytes: COMPLETE.as_bytes().to_vec(),
    };
    noticec::load::parse(&source, &noticec::load::Limits::default())
        .expect("the complete fixture parses")
        .value
}

/// Replaces every free-text string (schema type string with no pattern and no closed list) using `f`.
fn plant(value: &mut Value, schema: &Value, root: &Value, f: &dyn Fn(&str) -> String) {
    let node = resolve(root, schema);
    match value {
        Value::Object(map) => {
            if let Some(props) = node.get("properties") {
                for (k, v) in map.iter_mut() {
                    if let Some(s) = props.get(k) {
                        plant(v, s, root, f);
                    }
                }
            }
        }
        Value::Array(items) => {
            if let Some(s) = node.get("items") {
                for v in items {
                    plant(v, s, root, f);
                }
            }
        }
        Value::String(s) => {
            let free = node.get("type") == Some(&Value::from("string"))
                && node.get("pattern").is_none()
                && node.get("enum").is_none();
            if free {
                *s = f(s);
            }
        }
        _ => {}
    }
}

fn resolve<'a>(root: &'a Value, node: &'a Value) -> &'a Value {
    match node
        .get("$ref")
        .and_then(Value::as_str)
        .and_then(|r| r.strip_prefix('#'))
    {
        Some(path) => root.pointer(path).unwrap_or(node),
        None => node,
    }
}

/// Writes `text` as `notices.yaml` in `dir` and builds it into `out/` with the real binary.
fn build(dir: &Path, text: &str) -> Run {
    std::fs::write(dir.join("notices.yaml"), text).unwrap();
    common::noticec(
        dir,
        &["build", "notices.yaml", "--out", "out", "--color", "never"],
    )
}

// Ensure every payload, in every free-text field at once, builds and stays text in every output.
#[test]
fn hostile_text_in_every_field_is_inert_in_every_output() {
    let schema = noticec::schema::schema();
    for (name, payload) in PAYLOADS {
        let mut value = complete();
        let long = payload.repeat(if *name == "long word" { 6 } else { 1 });
        plant(&mut value, schema, schema, &|s| format!("{s} {long}"));
        let dir = tempfile::tempdir().unwrap();
        let out = build(dir.path(), &serde_json::to_string_pretty(&value).unwrap());
        out.expect(0, &format!("{name}: build"));
        for (file, bytes) in common::files_under(&dir.path().join("out")) {
            // The PDFs set the text in fonts; their text is checked by tests/checkers/pdf_check.py.
            if file.ends_with("pdf") {
                continue;
            }
            let text = String::from_utf8(bytes).unwrap();
            if Path::new(&file).extension().is_some_and(|e| e == "html") {
                let html = Html::parse_document(&text);
                for tag in ["img", "svg", "iframe", "object", "embed"] {
                    assert_eq!(
                        html.select(&Selector::parse(tag).unwrap()).count(),
                        0,
                        "{name}: a <{tag}> in {file}"
                    );
                }
                for script in html.select(&Selector::parse("script").unwrap()) {
                    assert_eq!(
                        script.value().attr("type"),
                        Some("application/ld+json"),
                        "{name}: a script in {file}"
                    );
                    let ld = script.text().collect::<String>();
                    assert!(
                        !ld.contains('<') && !ld.contains('>') && !ld.contains('&'),
                        "{name}: raw < > & in JSON-LD in {file}"
                    );
                    serde_json::from_str::<Value>(&ld).expect("embedded JSON-LD parses");
                }
                for el in html
                    .root_element()
                    .descendants()
                    .filter_map(scraper::ElementRef::wrap)
                {
                    for (attr, _) in el.value().attrs() {
                        assert!(
                            !attr.starts_with("on"),
                            "{name}: event handler attribute `{attr}` in {file}"
                        );
                    }
                }
                let visible: String = html.root_element().text().collect();
                if *name == "template" {
                    assert!(
                        visible.contains("{{ 7*7 }}") && !visible.contains(" 49 "),
                        "{name}: template syntax evaluated in {file}"
                    );
                }
                if *name != "long word" {
                    assert!(
                        visible.contains(payload),
                        "{name}: payload not shown as text in {file}"
                    );
                }
            } else if Path::new(&file).extension().is_some_and(|e| e == "jsonld") {
                let v: Value = serde_json::from_str(&text).expect("JSON-LD parses");
                assert!(
                    v.to_string().contains(
                        &serde_json::to_string(payload)
                            .unwrap()
                            .trim_matches('"')
                            .to_string()
                    ) || *name == "long word"
                );
            } else if Path::new(&file).extension().is_some_and(|e| e == "txt") {
                for line in text.lines() {
                    assert!(
                        textwrap::core::display_width(line) <= noticec::render::TEXT_WIDTH
                            || noticec::render::is_lone_address(line),
                        "{name}: a line over 72 columns in {file}: {line}"
                    );
                }
                if *name == "template" {
                    assert!(
                        text.contains("{{ 7*7 }}"),
                        "{name}: template syntax lost in {file}"
                    );
                }
            }
        }
    }
}

// Ensure `javascript:` and `data:` links are refused, with the line of the link.
#[test]
fn script_and_data_links_are_refused_with_their_place() {
    for bad in [
        "javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "JaVaScRiPt:alert(1)",
        "vbscript:x",
        "file:///etc/passwd",
    ] {
        let text = COMPLETE.replacen(
            "website: https://",
            &format!("website: \"{bad}\" # was https://"),
            1,
        );
        assert_ne!(text, COMPLETE, "the fixture has a website");
        let line = text.lines().position(|l| l.contains(bad)).unwrap() + 1;
        let dir = tempfile::tempdir().unwrap();
        let out = build(dir.path(), &text);
        let stderr = &out.stderr;
        out.expect(1, bad);
        assert!(stderr.contains("E027"), "{bad}: {stderr}");
        assert!(
            stderr.contains(&format!("notices.yaml:{line}:")),
            "{bad} on line {line}: {stderr}"
        );
        assert!(!dir.path().join("out").exists(), "{bad}: output written");
    }
}

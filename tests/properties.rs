//! Properties of `build` over arbitrary valid notices (generated from the model, repaired to be valid,
//! written as YAML and read back): it succeeds, every HTML page parses with every title present as
//! escaped text, every JSON-LD file is JSON that round-trips, no text line is wider than 72 columns (a lone web address aside),
//! and the same input always gives the same bytes. The case count is bounded so the suite stays quick.

// Tests may panic: a failed unwrap or expect in a helper is a failed test.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::string_slice,
    clippy::indexing_slicing
)]

mod common;

use std::path::Path;

use noticec::lint::LintOptions;
use noticec::load::{Limits, SourceFile};
use noticec::model::NoticeFile;
use noticec::render::{Catalogue, Output, Templates, render_all};
use proptest::prelude::*;
use scraper::{Html, Selector};

/// Valid notices files: proptest draws the bytes, the model's `Arbitrary` generators shape them, and
/// `make_valid` repairs ids and references, exactly as the `build_model` fuzz target does.
fn valid_files() -> impl Strategy<Value = NoticeFile> {
    proptest::collection::vec(any::<u8>(), 16..6_000)
        .prop_filter_map("arbitrary gave no file", |bytes| {
            noticec::testing::valid_file(&mut arbitrary::Unstructured::new(&bytes)).ok()
        })
}

/// Writes the file as YAML, checks it like `noticec check`, and renders it.
fn check_and_render(file: &NoticeFile) -> (NoticeFile, Vec<Output>) {
    let yaml = noticec::testing::to_yaml(file);
    let source = SourceFile {
        name: "model.yaml".into(),
        bytes: yaml.into_bytes(),
    };
    let lint = LintOptions {
        today: common::today(),
        max_age_months: noticec::lint::DEFAULT_MAX_AGE_MONTHS,
        rules: noticec::lint::Selection::default(),
    };
    let checked = noticec::check_source(&source, &Limits::default(), &lint);
    let errors: Vec<String> = checked
        .report
        .diagnostics
        .iter()
        .filter(|d| d.severity == noticec::diagnostics::Severity::Error)
        .map(|d| format!("{} {} at {:?}", d.code, d.message, d.path))
        .collect();
    assert!(errors.is_empty(), "a valid model fails check: {errors:#?}");
    let parsed = checked.notices.expect("notices");
    let outputs = render_all(
        &parsed,
        &Templates::builtin(),
        &Catalogue::en_gb().expect("catalogue"),
    )
    .expect("build succeeds");
    (parsed, outputs)
}

fn text_of(html: &Html, selector: &str) -> Vec<String> {
    let sel = Selector::parse(selector).expect("selector");
    html.select(&sel)
        .map(|e| e.text().collect::<String>())
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, max_shrink_iters: 200, ..ProptestConfig::default() })]

    #[test]
    fn build_succeeds_and_every_output_is_well_formed(file in valid_files()) {
        let (parsed, outputs) = check_and_render(&file);
        prop_assert_eq!(&parsed, &file, "the model does not survive YAML");
        for notice in &parsed.notices {
            let page = outputs.iter().find(|o| o.path == format!("{}/index.html", notice.id)).expect("page");
            let html = Html::parse_document(std::str::from_utf8(page.bytes().unwrap()).expect("UTF-8"));
            prop_assert!(html.errors.is_empty() || html.errors.iter().all(|e| !e.contains("Unexpected token")), "{:?}", html.errors);
            // The title is the page's one h1, exactly, as text.
            prop_assert_eq!(text_of(&html, "h1"), vec![notice.title.clone()]);
            prop_assert_eq!(text_of(&html, "title"), vec![notice.title.clone()]);
            // No element comes from notice text: the only scripts are the JSON-LD.
            for script in Html::parse_document(std::str::from_utf8(page.bytes().unwrap()).unwrap()).select(&Selector::parse("script").unwrap()) {
                prop_assert_eq!(script.value().attr("type"), Some("application/ld+json"));
            }
            let ld = text_of(&html, "script[type='application/ld+json']");
            prop_assert_eq!(ld.len(), 1);
            let embedded: serde_json::Value = serde_json::from_str(&ld[0]).expect("embedded JSON-LD parses");
            prop_assert_eq!(&embedded["dct:title"], &serde_json::Value::String(notice.title.clone()));
        }
        for output in outputs.iter().filter(|o| !o.path.ends_with("pdf")) {
            let text = std::str::from_utf8(output.bytes().unwrap()).expect("outputs are UTF-8");
            if output.path.ends_with(".jsonld") {
                let value: serde_json::Value = serde_json::from_str(text).expect("JSON-LD is JSON");
                let again: serde_json::Value = serde_json::from_str(&serde_json::to_string(&value).unwrap()).unwrap();
                prop_assert_eq!(value, again);
            }
            if Path::new(&output.path).extension().is_some_and(|e| e == "txt") {
                for (i, line) in text.lines().enumerate() {
                    prop_assert!(textwrap::core::display_width(line) <= noticec::render::TEXT_WIDTH || noticec::render::is_lone_address(line), "{} line {} is {} wide", output.path, i + 1, textwrap::core::display_width(line));
                }
            }
        }
    }

    #[test]
    fn build_is_deterministic(file in valid_files()) {
        let (_, first) = check_and_render(&file);
        let (_, second) = check_and_render(&file);
        prop_assert_eq!(first, second);
    }
}

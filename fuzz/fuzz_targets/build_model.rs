//! Any valid notices file, generated from the model and written as YAML: it must check without error,
//! render every output within the text width, and render the same bytes twice; its diagnostics render
//! in every format, and no output carries a raw control character.
#![no_main]

mod common;

use arbitrary::Unstructured;
use libfuzzer_sys::fuzz_target;
use noticec::lint::LintOptions;
use noticec::load::{Limits, SourceFile};

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let Ok(file) = noticec::testing::valid_file(&mut u) else { return };
    let yaml = noticec::testing::to_yaml(&file);
    let source = SourceFile { name: "model.yaml".into(), bytes: yaml.into_bytes() };
    let lint = LintOptions { today: jiff::civil::date(2026, 11, 24), max_age_months: 24 };
    let checked = noticec::check_source(&source, &Limits::default(), &lint);
    let errors: Vec<_> = checked.report.diagnostics.iter().filter(|d| d.severity == noticec::diagnostics::Severity::Error).collect();
    assert!(errors.is_empty(), "a repaired model fails check: {errors:#?}");
    common::render_diagnostics(&checked.report.diagnostics, checked.source_text(), "model.yaml");
    let parsed = checked.notices.expect("checked notices");
    assert_eq!(parsed, file, "the model does not survive YAML");
    let first = noticec::render::render_all(&parsed, &noticec::render::Templates::builtin(), &noticec::render::Catalogue::en_gb().expect("catalogue")).expect("renders");
    let second = noticec::render::render_all(&parsed, &noticec::render::Templates::builtin(), &noticec::render::Catalogue::en_gb().expect("catalogue")).expect("renders again");
    assert_eq!(first, second, "rendering is not deterministic");
    common::check_outputs(&first);
});

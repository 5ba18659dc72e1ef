//! Any bytes as a notices file: load, validate and lint must answer with diagnostics, never panic; every
//! diagnostic must point inside the file, every diagnostic format must render them, and no output may
//! carry a raw control character.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use noticec::lint::LintOptions;
use noticec::load::{Limits, SourceFile};

fuzz_target!(|data: &[u8]| {
    let source = SourceFile { name: "fuzz.yaml".into(), bytes: data.to_vec() };
    let lint = LintOptions { today: jiff::civil::date(2026, 11, 24), max_age_months: 24 };
    let checked = noticec::check_source(&source, &Limits::default(), &lint);
    // Lines as YAML counts them: `\r\n`, `\r` and `\n` each end one.
    let text = String::from_utf8_lossy(data);
    let lines = noticec::load::normalize_line_breaks(&text).split('\n').count();
    for d in &checked.report.diagnostics {
        if let Some(span) = d.span {
            assert!(span.start.line >= 1 && span.start.line <= lines, "{d:?} points past line {lines}");
        }
    }
    common::render_diagnostics(&checked.report.diagnostics, checked.source_text(), "fuzz.yaml");
    // A file that checks clean must also render.
    if let Some(file) = checked.notices.filter(|_| !checked.report.has_errors()) {
        let outputs = noticec::render::render_all(&file, &noticec::render::Templates::builtin(), &noticec::render::Catalogue::en_gb().expect("catalogue")).expect("a clean file renders");
        common::check_outputs(&outputs);
    }
});

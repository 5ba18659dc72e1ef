//! Any bytes as a notices file: load, validate and lint must answer with diagnostics, never panic, and
//! every diagnostic must point inside the file.
#![no_main]

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
    // A file that checks clean must also render.
    if let Some(file) = checked.notices.filter(|_| !checked.report.has_errors()) {
        noticec::render::render_all(&file, &noticec::render::Templates::builtin(), &noticec::render::Catalogue::en_gb().expect("catalogue")).expect("a clean file renders");
    }
});

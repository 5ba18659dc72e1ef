//! What every target checks of a report: each diagnostic format renders it, and none of them carries a
//! raw control character from the input.

use noticec::diagnostics::{github, human, json, sarif, Diagnostic};

/// Whether `c` may not appear raw in an output: C0 and C1 controls and DEL (a format's own line
/// breaks and tabs aside), and the bidirectional overrides and isolates.
pub fn forbidden(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || ('\u{202a}'..='\u{202e}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

/// Renders `diagnostics` in every format and asserts each is free of raw control characters.
pub fn render_diagnostics(diagnostics: &[Diagnostic], source: Option<&str>, file: &str) {
    let plain = human::render(diagnostics, source, false);
    // The coloured form carries its own escape sequences; it must render, and nothing else may
    // start one.
    let coloured = human::render(diagnostics, source, true);
    let summary = human::summary(diagnostics, file, Some(1));
    for (name, text) in [
        ("human", plain),
        ("summary", summary),
        ("json", json::render(diagnostics)),
        ("github", github::render(diagnostics)),
        ("sarif", sarif::render(diagnostics)),
    ] {
        if let Some(c) = text.chars().find(|&c| forbidden(c)) {
            panic!("{name} output carries {c:?}:\n{text}");
        }
    }
    assert_eq!(
        coloured.matches('\u{1b}').count() % 2,
        0,
        "the coloured output has an unbalanced escape sequence"
    );
}

/// Asserts no text output carries a raw control character.
pub fn check_outputs(outputs: &[noticec::render::Output]) {
    for output in outputs.iter().filter(|o| !o.path.ends_with(".pdf")) {
        let text = String::from_utf8_lossy(&output.bytes);
        if let Some(c) = text.chars().find(|&c| forbidden(c)) {
            panic!("{} carries {c:?}", output.path);
        }
    }
}

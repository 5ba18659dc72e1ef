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
    // Without its own colour sequences (`ESC [ digits ; ... m`), the coloured form carries no control
    // character either.
    let mut rest = coloured.as_str();
    let mut bare = String::new();
    while let Some(at) = rest.find("\u{1b}[") {
        bare.push_str(&rest[..at]);
        let after = &rest[at + 2..];
        let end = after.find(|c: char| !(c.is_ascii_digit() || c == ';')).unwrap_or(after.len());
        assert!(after[end..].starts_with('m'), "the coloured output has an escape that is not a colour");
        rest = &after[end + 1..];
    }
    bare.push_str(rest);
    if let Some(c) = bare.chars().find(|&c| forbidden(c)) {
        panic!("coloured human output carries {c:?}:\n{bare}");
    }
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

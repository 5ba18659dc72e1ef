//! The `json` format: one JSON array, one object per diagnostic, for tools.

use serde::Serialize;

use super::Diagnostic;

#[derive(Serialize)]
struct Entry<'a> {
    code: &'a str,
    severity: &'a str,
    message: &'a str,
    file: &'a str,
    line: Option<usize>,
    column: Option<usize>,
    end_line: Option<usize>,
    end_column: Option<usize>,
    notice: Option<&'a str>,
    path: Option<&'a str>,
    label: Option<&'a str>,
    help: Option<&'a str>,
    note: Option<&'a str>,
    related: Vec<Related<'a>>,
}

#[derive(Serialize)]
struct Related<'a> {
    line: usize,
    column: usize,
    label: &'a str,
}

/// Renders diagnostics as a pretty-printed JSON array.
pub fn render(diagnostics: &[Diagnostic]) -> String {
    let entries: Vec<Entry<'_>> = diagnostics
        .iter()
        .map(|d| Entry {
            code: d.code.as_str(),
            severity: d.severity.as_str(),
            message: &d.message,
            file: &d.file,
            line: d.span.map(|s| s.start.line),
            column: d.span.map(|s| s.start.column),
            end_line: d.span.map(|s| s.end.line),
            end_column: d.span.map(|s| s.end.column),
            notice: d.notice.as_deref(),
            path: d.path.as_deref(),
            label: d.label.as_deref(),
            help: d.help.as_deref(),
            note: d.note.as_deref(),
            related: d
                .secondary
                .iter()
                .map(|r| Related {
                    line: r.span.start.line,
                    column: r.span.start.column,
                    label: &r.label,
                })
                .collect(),
        })
        .collect();
    // JSON may carry DEL, the C1 controls and the bidirectional characters raw; they are escaped.
    let mut text = crate::suggest::json_escape_hidden(
        serde_json::to_string_pretty(&entries).unwrap_or_else(|_| "[]".into()),
    );
    text.push('\n');
    text
}

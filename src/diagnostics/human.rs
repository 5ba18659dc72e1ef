//! The `human` format: rustc-style diagnostics with the source line and a caret under the value.

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use super::{Diagnostic, Severity, Span};

/// Lines longer than this are not quoted; the position alone is shown.
const MAX_QUOTED_LINE: usize = 400;

/// Renders diagnostics against the source text; `color` adds ANSI styles.
pub fn render(diagnostics: &[Diagnostic], source: Option<&str>, color: bool) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let lines: Vec<&str> = source.map(|s| s.split('\n').collect()).unwrap_or_default();
    let mut out = String::new();
    for d in diagnostics {
        out.push_str(&render_one(&renderer, d, &lines));
        out.push_str("\n\n");
    }
    out
}

fn level(severity: Severity) -> Level<'static> {
    match severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Note => Level::NOTE,
    }
}

fn render_one(renderer: &Renderer, d: &Diagnostic, lines: &[&str]) -> String {
    let title = level(d.severity)
        .primary_title(d.message.as_str())
        .id(d.code.as_str());
    let window = d.span.and_then(|s| Window::new(lines, s, &d.secondary));
    let mut group: Group<'_> = match &window {
        Some(w) => {
            let mut snippet = Snippet::source(w.text.as_str())
                .line_start(w.first)
                .path(d.file.as_str())
                .fold(true);
            snippet = snippet.annotation(
                AnnotationKind::Primary
                    .span(w.range(d.span.unwrap_or(Span::point(1, 1))))
                    .label(d.label.as_deref()),
            );
            for s in &d.secondary {
                if s.span.start.line >= w.first && s.span.start.line < w.first + w.count {
                    snippet = snippet.annotation(
                        AnnotationKind::Context
                            .span(w.range(s.span))
                            .label(Some(s.label.as_str())),
                    );
                }
            }
            title.element(snippet)
        }
        None => {
            let place = match d.span {
                Some(s) => format!("{}:{}:{}", d.file, s.start.line, s.start.column),
                None => d.file.clone(),
            };
            title.element(Level::NOTE.no_name().message(format!("--> {place}")))
        }
    };
    if let Some(help) = &d.help {
        group = group.element(Level::HELP.message(help.as_str()));
    }
    if let Some(note) = &d.note {
        group = group.element(Level::NOTE.message(note.as_str()));
    }
    renderer.render(&[group])
}

/// The lines quoted for a diagnostic and how to map file positions into them.
struct Window {
    text: String,
    first: usize,
    count: usize,
    /// Byte offset of each quoted line's start within `text`.
    starts: Vec<usize>,
}

impl Window {
    fn new(lines: &[&str], span: Span, secondary: &[super::Secondary]) -> Option<Window> {
        let mut first = span.start.line;
        let mut last = span.end.line.max(first);
        for s in secondary {
            if s.span.start.line.abs_diff(span.start.line) <= 6 {
                first = first.min(s.span.start.line);
                last = last.max(s.span.start.line);
            }
        }
        // Collections end where the next node starts; quote at most a few lines.
        last = last.min(first + 6);
        let quoted: Vec<&str> = lines
            .get(first.checked_sub(1)?..last.min(lines.len()))?
            .to_vec();
        if quoted.is_empty() || quoted.iter().any(|l| l.len() > MAX_QUOTED_LINE) {
            return None;
        }
        let mut starts = Vec::with_capacity(quoted.len());
        let mut text = String::new();
        for l in &quoted {
            starts.push(text.len());
            text.push_str(l.trim_end_matches('\r'));
            text.push('\n');
        }
        Some(Window {
            text,
            first,
            count: quoted.len(),
            starts,
        })
    }

    /// The byte range of a span within the window, clamped to the quoted text; a span that runs past the
    /// window is cut at the end of its first line, and an empty span marks one character.
    fn range(&self, span: Span) -> std::ops::Range<usize> {
        let start = self.offset(span.start.line, span.start.column);
        let end = if span.end.line == span.start.line {
            self.offset(span.end.line, span.end.column)
        } else {
            self.line_end(span.start.line)
        };
        let end = if end <= start {
            self.next_char(start)
        } else {
            end
        };
        start..end
    }

    fn offset(&self, line: usize, column: usize) -> usize {
        let Some(&start) = line
            .checked_sub(self.first)
            .and_then(|i| self.starts.get(i))
        else {
            return self.text.len().saturating_sub(1);
        };
        let line_text = &self.text[start..self.line_end(line)];
        start
            + line_text
                .char_indices()
                .nth(column.saturating_sub(1))
                .map_or(line_text.len(), |(i, _)| i)
    }

    fn line_end(&self, line: usize) -> usize {
        let i = line.saturating_sub(self.first);
        self.starts.get(i + 1).map_or(self.text.len(), |n| n - 1)
    }

    fn next_char(&self, at: usize) -> usize {
        self.text[at..]
            .chars()
            .next()
            .map_or(at, |c| at + c.len_utf8())
    }
}

/// The closing summary line: `error: 2 errors and 1 warning in notices.yaml`.
pub fn summary(diagnostics: &[Diagnostic], file: &str, notices: Option<usize>) -> String {
    let count = |s: Severity| diagnostics.iter().filter(|d| d.severity == s).count();
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let (e, w, n) = (
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Note),
    );
    if diagnostics.is_empty() {
        return match notices {
            Some(k) => format!("{file}: {} checked, no problems found", plural(k, "notice")),
            None => format!("{file}: no problems found"),
        };
    }
    let mut parts = Vec::new();
    if e > 0 {
        parts.push(plural(e, "error"));
    }
    if w > 0 {
        parts.push(plural(w, "warning"));
    }
    if n > 0 {
        parts.push(plural(n, "note"));
    }
    format!("{file}: {}", parts.join(", "))
}

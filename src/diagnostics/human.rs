//! The `human` format: rustc-style diagnostics with the source line and a caret under the value.

// Positions and sizes here come from the input: arithmetic on them is checked or saturating.
#![deny(clippy::arithmetic_side_effects)]

use std::fmt::Write as _;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use super::{Diagnostic, Severity, Span, Statistic};
use crate::suggest::{visible, visible_char};

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
    // Everything quoted from the input shows its control characters as escapes, never raw: a terminal
    // would obey them.
    let message = visible(&d.message);
    let file = visible(&d.file);
    let label = d.label.as_deref().map(visible);
    let labels: Vec<_> = d.secondary.iter().map(|s| visible(&s.label)).collect();
    let help = d.help.as_deref().map(visible);
    let note = d.note.as_deref().map(visible);
    let title = level(d.severity)
        .primary_title(message.as_ref())
        .id(d.code.as_str());
    let window = d.span.and_then(|s| Window::new(lines, s, &d.secondary));
    let mut group: Group<'_> = match &window {
        Some(w) => {
            let mut snippet = Snippet::source(w.text.as_str())
                .line_start(w.first)
                .path(file.as_ref())
                .fold(true);
            snippet = snippet.annotation(
                AnnotationKind::Primary
                    .span(w.range(d.span.unwrap_or(Span::point(1, 1))))
                    .label(label.as_deref()),
            );
            for (s, label) in d.secondary.iter().zip(&labels) {
                if s.span.start.line >= w.first
                    && s.span.start.line < w.first.saturating_add(w.count)
                {
                    snippet = snippet.annotation(
                        AnnotationKind::Context
                            .span(w.range(s.span))
                            .label(Some(label.as_ref())),
                    );
                }
            }
            title.element(snippet)
        }
        None => {
            let place = match d.span {
                Some(s) => format!("{file}:{}:{}", s.start.line, s.start.column),
                None => file.clone().into_owned(),
            };
            title.element(Level::NOTE.no_name().message(format!("--> {place}")))
        }
    };
    if let Some(help) = &help {
        group = group.element(Level::HELP.message(help.as_ref()));
    }
    if let Some(note) = &note {
        group = group.element(Level::NOTE.message(note.as_ref()));
    }
    renderer.render(&[group])
}

/// The lines quoted for a diagnostic and how to map file positions into them. Hidden characters in the
/// lines are quoted as escapes (`\u{1b}`), so a column counts characters of the line as written.
struct Window {
    text: String,
    first: usize,
    count: usize,
    /// Byte offset of each quoted line's start within `text`.
    starts: Vec<usize>,
    /// Each quoted line as written.
    lines: Vec<String>,
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
        last = last.min(first.saturating_add(6));
        let quoted: Vec<&str> = lines
            .get(first.checked_sub(1)?..last.min(lines.len()))?
            .to_vec();
        if quoted.is_empty() || quoted.iter().any(|l| l.len() > MAX_QUOTED_LINE) {
            return None;
        }
        let mut starts = Vec::with_capacity(quoted.len());
        let mut text = String::new();
        let lines: Vec<String> = quoted
            .iter()
            .map(|l| l.trim_end_matches('\r').to_owned())
            .collect();
        for l in &lines {
            starts.push(text.len());
            text.push_str(&visible(l));
            text.push('\n');
        }
        Some(Window {
            text,
            first,
            count: quoted.len(),
            starts,
            lines,
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
        let written = line
            .checked_sub(self.first)
            .and_then(|i| self.lines.get(i))
            .map_or("", String::as_str);
        // The width of the first `column - 1` characters as quoted, each hidden one as its escape.
        let mut shown = String::new();
        for c in written.chars().take(column.saturating_sub(1)) {
            visible_char(c, &mut shown);
        }
        start.saturating_add(shown.len()).min(self.line_end(line))
    }

    fn line_end(&self, line: usize) -> usize {
        let i = line.saturating_sub(self.first);
        self.starts
            .get(i.saturating_add(1))
            .map_or(self.text.len(), |n| n.saturating_sub(1))
    }

    fn next_char(&self, at: usize) -> usize {
        self.text
            .get(at..)
            .unwrap_or_default()
            .chars()
            .next()
            .map_or(at, |c| at.saturating_add(c.len_utf8()))
    }
}

/// The closing summary line: `error: 2 errors and 1 warning in notices.yaml`.
pub fn summary(diagnostics: &[Diagnostic], file: &str, notices: Option<usize>) -> String {
    let file = visible(file);
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

/// The `--statistics` table: one line per code, most frequent first, with a total.
pub fn statistics(stats: &[Statistic]) -> String {
    if stats.is_empty() {
        return "no findings\n".to_owned();
    }
    let width = stats
        .iter()
        .map(|s| s.name.len())
        .max()
        .unwrap_or_default()
        .max("name".len());
    let mut out = format!(
        "{:>6}  {:<4}  {:<width$}  severity\n",
        "count", "code", "name"
    );
    for s in stats {
        let _ = writeln!(
            out,
            "{:>6}  {:<4}  {:<width$}  {}",
            s.count,
            s.code.as_str(),
            s.name,
            s.severity.as_str()
        );
    }
    let total: usize = stats.iter().map(|s| s.count).sum();
    let _ = writeln!(out, "{total:>6}  in all, by {} code(s)", stats.len());
    out
}

/// The line that says where to start: the most frequent code among the most severe findings, and the
/// command that explains it. `None` when there is nothing to fix.
pub fn where_to_start(stats: &[Statistic]) -> Option<String> {
    let worst = stats.iter().map(|s| s.severity).max()?;
    let of_worst: Vec<&Statistic> = stats.iter().filter(|s| s.severity == worst).collect();
    let total: usize = of_worst.iter().map(|s| s.count).sum();
    // `stats` is most frequent first, so the first of the worst severity is the most frequent.
    let first = of_worst.first()?;
    let what = match (worst, of_worst.len()) {
        (_, 1) => format!("every {}", worst.as_str()),
        (Severity::Error, _) => format!("the most frequent error ({} of {total})", first.count),
        _ => format!(
            "the most frequent {} ({} of {total})",
            worst.as_str(),
            first.count
        ),
    };
    let more = if stats.len() > 1 {
        "; `--statistics` counts them by rule"
    } else {
        ""
    };
    Some(format!(
        "start with {} `{}`, {what}: run `noticec explain {}`{more}",
        first.code.as_str(),
        first.name,
        first.code.as_str()
    ))
}

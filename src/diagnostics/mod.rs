//! Diagnostics: located facts about the notices, collected into a [`Report`] and rendered per format.
//!
//! A diagnostic is data, not an error: every stage adds what it finds and carries on, so one run shows
//! every problem. Rendering lives in one module per `--format` value.

// Positions and sizes here come from the input: arithmetic on them is checked or saturating.
#![deny(clippy::arithmetic_side_effects)]

pub mod codes;
pub mod github;
pub mod gitlab;
pub mod human;
pub mod json;
pub mod markdown;
pub mod sarif;

use serde::Serialize;

pub use codes::Code;

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Something worth knowing that needs no change.
    Note,
    /// Something likely wrong or missing; fails the run only with `--deny warnings`.
    Warning,
    /// The notices cannot be used as they are.
    Error,
}

impl Severity {
    /// The word rustc prints for this severity.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// A position in a source file: 1-based line, 1-based column counted in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Pos {
    /// Line number, from 1.
    pub line: usize,
    /// Column number in characters, from 1.
    pub column: usize,
}

/// A range in a source file, from `start` up to (not including) `end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    /// First character.
    pub start: Pos,
    /// One past the last character; equal to `start` for a point.
    pub end: Pos,
}

impl Span {
    /// A span covering one point.
    pub fn point(line: usize, column: usize) -> Span {
        let p = Pos { line, column };
        Span { start: p, end: p }
    }
}

/// A secondary place a diagnostic points at, with a label (`first defined here`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Secondary {
    /// Where.
    pub span: Span,
    /// What it is.
    pub label: String,
}

/// One fact about the notices: what, where, and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Stable code (`E010`).
    pub code: Code,
    /// How serious it is.
    pub severity: Severity,
    /// What is wrong, lowercase, no full stop, names in backticks.
    pub message: String,
    /// The file it is about, as the user named it.
    pub file: String,
    /// Where in the file, when the fault has a place.
    pub span: Option<Span>,
    /// The label under the primary span.
    pub label: Option<String>,
    /// Other places involved.
    pub secondary: Vec<Secondary>,
    /// The likely fix.
    pub help: Option<String>,
    /// Further context: the provision, or what the rule needs.
    pub note: Option<String>,
    /// The id of the notice it is about, when it is about one.
    pub notice: Option<String>,
    /// The JSON pointer of the field it is about (`/notices/2/retention/0`).
    pub path: Option<String>,
}

impl Diagnostic {
    /// A new error with a code and message; chain the builders to add place, help and context.
    pub fn error(code: Code, file: &str, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            code,
            severity: Severity::Error,
            message: message.into(),
            file: file.to_owned(),
            span: None,
            label: None,
            secondary: Vec::new(),
            help: None,
            note: None,
            notice: None,
            path: None,
        }
    }

    /// Sets the severity.
    pub fn with_severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }

    /// Sets the primary place and its label.
    pub fn at(mut self, span: Option<Span>, label: impl Into<String>) -> Self {
        self.span = span;
        let label = label.into();
        self.label = (!label.is_empty()).then_some(label);
        self
    }

    /// Adds a secondary place.
    pub fn also(mut self, span: Option<Span>, label: impl Into<String>) -> Self {
        if let Some(span) = span {
            self.secondary.push(Secondary {
                span,
                label: label.into(),
            });
        }
        self
    }

    /// Sets the `help:` line.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Sets the `note:` line.
    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.note = Some(note.into());
        self
    }

    /// Sets the JSON pointer and, when it lies inside a notice, that notice's id.
    pub fn path(mut self, path: impl Into<String>, notice: Option<String>) -> Self {
        self.path = Some(path.into());
        self.notice = notice;
        self
    }
}

/// The most diagnostics a report keeps. Past it, a run only counts what it finds, by code and severity,
/// and [`Report::sort`] closes the report with one note per code saying how many were left out; so a
/// file with a million unknown keys costs a count, not a million messages, in every output format.
pub const MAX_DIAGNOSTICS: usize = 1_000;

/// Everything a run found, in the order found: the first [`MAX_DIAGNOSTICS`], then counts.
#[derive(Debug, Default, Clone)]
pub struct Report {
    /// The diagnostics kept.
    pub diagnostics: Vec<Diagnostic>,
    /// How many were left out past the cap, by code and severity.
    left_out: std::collections::BTreeMap<(Code, Severity), usize>,
    /// How many closing notes [`Report::sort`] added (they count as nothing found).
    closing: usize,
}

impl Report {
    /// Adds a diagnostic, or only counts it once the report is full.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        if self.is_full() {
            self.left_out_one(diagnostic.code, diagnostic.severity);
        } else {
            self.diagnostics.push(diagnostic);
        }
    }

    /// Whether the report keeps no more diagnostics: a caller with many to report checks this and calls
    /// [`Report::left_out_one`] instead of building each one.
    pub fn is_full(&self) -> bool {
        self.diagnostics.len() >= MAX_DIAGNOSTICS
    }

    /// Adds the diagnostics of `other`, a report not yet sorted, one by one as [`Report::push`] would,
    /// and the counts of those it left out.
    pub fn append(&mut self, other: Report) {
        for d in other.diagnostics {
            self.push(d);
        }
        for ((code, severity), n) in other.left_out {
            self.left_out_many(code, severity, n);
        }
    }

    /// Counts a diagnostic that was found but not kept.
    pub fn left_out_one(&mut self, code: Code, severity: Severity) {
        self.left_out_many(code, severity, 1);
    }

    /// Counts `n` diagnostics of one code and severity that were found but not kept.
    fn left_out_many(&mut self, code: Code, severity: Severity, n: usize) {
        let count = self.left_out.entry((code, severity)).or_default();
        *count = count.saturating_add(n);
    }

    /// Whether any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.count(Severity::Error) > 0
    }

    /// How many diagnostics have this severity, the ones left out included.
    pub fn count(&self, severity: Severity) -> usize {
        let kept = self
            .diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count();
        let closing = if severity == Severity::Note {
            self.closing
        } else {
            0
        };
        let left_out: usize = self
            .left_out
            .iter()
            .filter(|((_, s), _)| *s == severity)
            .map(|(_, n)| n)
            .sum();
        kept.saturating_sub(closing).saturating_add(left_out)
    }

    /// How many diagnostics each code has, the ones left out past the cap included and the closing notes
    /// not: most frequent first, then by code.
    pub fn statistics(&self) -> Vec<Statistic> {
        statistics([self])
    }

    /// The counts behind [`Report::statistics`], by code and severity.
    fn counts(&self) -> std::collections::BTreeMap<(Code, Severity), usize> {
        let mut counts = self.left_out.clone();
        let kept = self.diagnostics.len().saturating_sub(self.closing);
        for d in self.diagnostics.iter().take(kept) {
            let n = counts.entry((d.code, d.severity)).or_default();
            *n = n.saturating_add(1);
        }
        counts
    }

    /// Sorts diagnostics by file position, keeping unplaced ones first, for stable output; then, when
    /// some were left out, ends with one note per code and severity saying how many.
    pub fn sort(&mut self) {
        self.diagnostics
            .truncate(self.diagnostics.len().saturating_sub(self.closing));
        self.diagnostics.sort_by(|a, b| {
            (a.span.map(|s| s.start), a.code).cmp(&(b.span.map(|s| s.start), b.code))
        });
        let file = self
            .diagnostics
            .first()
            .map(|d| d.file.clone())
            .unwrap_or_default();
        let closing: Vec<Diagnostic> = self
            .left_out
            .iter()
            .map(|((code, severity), n)| {
                let what = match n {
                    1 => severity.as_str().to_owned(),
                    _ => format!("{}s", severity.as_str()),
                };
                Diagnostic::error(
                    *code,
                    &file,
                    format!("and {n} more {what} of code {} not shown", code.as_str()),
                )
                .with_severity(Severity::Note)
                .help(format!(
                    "a report shows the first {MAX_DIAGNOSTICS} diagnostics; fix these and run again to see the rest"
                ))
            })
            .collect();
        self.closing = closing.len();
        self.diagnostics.extend(closing);
    }
}

/// How often one code was reported (`--statistics`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Statistic {
    /// The code.
    pub code: Code,
    /// Its name (`missing-retention`).
    pub name: &'static str,
    /// Its severity.
    pub severity: Severity,
    /// How many times it was reported.
    pub count: usize,
}

/// How many diagnostics each code has over several reports (one per file): most frequent first, then by
/// code.
pub fn statistics<'a>(reports: impl IntoIterator<Item = &'a Report>) -> Vec<Statistic> {
    let mut all: std::collections::BTreeMap<(Code, Severity), usize> =
        std::collections::BTreeMap::new();
    for report in reports {
        for (key, count) in report.counts() {
            let n = all.entry(key).or_default();
            *n = n.saturating_add(count);
        }
    }
    let mut stats: Vec<Statistic> = all
        .into_iter()
        .map(|((code, severity), count)| Statistic {
            code,
            name: code.name(),
            severity,
            count,
        })
        .collect();
    stats.sort_by(|a, b| b.count.cmp(&a.count).then(a.code.cmp(&b.code)));
    stats
}

/// The output formats of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// rustc-style text with the source line and a caret.
    Human,
    /// A JSON array with one object per diagnostic.
    Json,
    /// GitHub Actions workflow commands (annotations on pull requests).
    Github,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
    /// A Markdown report of every finding, for a CI job summary.
    Markdown,
    /// Code Climate JSON, for GitLab's Code Quality report.
    Gitlab,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_report_counts_what_it_leaves_out() {
        let mut report = Report::default();
        for i in 0..MAX_DIAGNOSTICS + 5 {
            let d = Diagnostic::error(Code::E010, "f", format!("unknown field `k{i}`"));
            report.push(d);
        }
        report.push(Diagnostic::error(Code::E011, "f", "missing").with_severity(Severity::Warning));
        report.sort();
        report.sort();
        assert_eq!(report.diagnostics.len(), MAX_DIAGNOSTICS + 2);
        assert_eq!(report.count(Severity::Error), MAX_DIAGNOSTICS + 5);
        assert_eq!(report.count(Severity::Warning), 1);
        assert_eq!(report.count(Severity::Note), 0);
        let closing: Vec<&str> = report.diagnostics[MAX_DIAGNOSTICS..]
            .iter()
            .map(|d| d.message.as_str())
            .collect();
        assert_eq!(
            closing,
            [
                "and 5 more errors of code E010 not shown",
                "and 1 more warning of code E011 not shown"
            ]
        );
    }
}

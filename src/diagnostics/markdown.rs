//! The `markdown` format: a report of every finding for people, written for a CI job summary
//! (`$GITHUB_STEP_SUMMARY`), where no annotation limit hides any of them.
//!
//! It opens with the counts, then a table by notice and rule (how many, how serious, the rule's name and
//! code, and `noticec explain CODE` to read more), then every finding with its place. Text from the
//! notices is escaped, so it shows as written and never becomes markup, a link, an HTML tag or a mention.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::{Code, Diagnostic, Severity};
use crate::suggest::visible;

/// Escapes text for one cell of a Markdown table: HTML's special characters become entities, the
/// punctuation Markdown reads inside a line is backslash-escaped, line breaks become spaces, and hidden characters are shown as escapes (`\u{202e}`).
pub fn cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in visible(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            // A mention or a team mention would notify people.
            '@' => out.push_str("&#64;"),
            '\n' | '\r' | '\t' => out.push(' '),
            // What makes emphasis, code, links, images, strikethrough, maths, a cell border, or an
            // autolink (`https:`, `www.`).
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '(' | ')' | '#' | '.' | '!' | '|'
            | '~' | ':' | '$' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// The plural of a severity's word, or the word itself for one.
fn counted(n: usize, severity: Severity) -> String {
    match n {
        1 => format!("1 {}", severity.as_str()),
        _ => format!("{n} {}s", severity.as_str()),
    }
}

/// Renders the whole report; `file` is the notices file as the user named it.
pub fn render(diagnostics: &[Diagnostic], file: &str) -> String {
    let mut out = String::new();
    let count = |s: Severity| diagnostics.iter().filter(|d| d.severity == s).count();
    // Writing to a `String` cannot fail.
    let _ = writeln!(out, "## noticec: {}\n", cell(file));
    if diagnostics.is_empty() {
        out.push_str("No findings.\n");
        return out;
    }
    let _ = writeln!(
        out,
        "{}, {}, {}.\n",
        counted(count(Severity::Error), Severity::Error),
        counted(count(Severity::Warning), Severity::Warning),
        counted(count(Severity::Note), Severity::Note),
    );
    by_rule(&mut out, diagnostics);
    every_finding(&mut out, diagnostics);
    out
}

/// The table by notice and rule: most serious first, then by notice and code.
fn by_rule(out: &mut String, diagnostics: &[Diagnostic]) {
    let mut rows: BTreeMap<(std::cmp::Reverse<Severity>, Option<&str>, Code), usize> =
        BTreeMap::new();
    for d in diagnostics {
        let n = rows
            .entry((std::cmp::Reverse(d.severity), d.notice.as_deref(), d.code))
            .or_default();
        *n = n.saturating_add(1);
    }
    out.push_str("### By notice and rule\n\n");
    out.push_str("| Notice | Severity | Rule | Code | Count | Read more |\n");
    out.push_str("|---|---|---|---|--:|---|\n");
    for ((severity, notice, code), n) in rows {
        let notice = notice.map_or_else(|| "(the whole file)".to_owned(), cell);
        // Writing to a `String` cannot fail.
        let _ = writeln!(
            out,
            "| {notice} | {} | {} | {code} | {n} | `noticec explain {code}` |",
            severity.0.as_str(),
            cell(code.name()),
        );
    }
    out.push('\n');
}

/// Every finding with its place, most serious first, then in file order.
fn every_finding(out: &mut String, diagnostics: &[Diagnostic]) {
    let mut sorted: Vec<&Diagnostic> = diagnostics.iter().collect();
    sorted.sort_by_key(|d| std::cmp::Reverse(d.severity));
    out.push_str("### Every finding\n\n");
    out.push_str("| Severity | Where | Code | Finding |\n");
    out.push_str("|---|---|---|---|\n");
    for d in sorted {
        let place = match d.span {
            Some(s) => format!("{}:{}:{}", d.file, s.start.line, s.start.column),
            None => d.file.clone(),
        };
        let mut finding = cell(&d.message);
        if let Some(help) = &d.help {
            finding.push_str("<br>help: ");
            finding.push_str(&cell(help));
        }
        // Writing to a `String` cannot fail.
        let _ = writeln!(
            out,
            "| {} | {} | {} | {finding} |",
            d.severity.as_str(),
            cell(&place),
            d.code,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_escape_markup_html_and_mentions() {
        assert_eq!(cell("a|b"), "a\\|b");
        assert_eq!(cell("<script>&"), "&lt;script&gt;&amp;");
        assert_eq!(cell("[x](javascript:1)"), "\\[x\\]\\(javascript\\:1\\)");
        assert_eq!(cell("@team *bold*\nnext"), "&#64;team \\*bold\\* next");
        assert_eq!(cell("x\u{202e}"), "x\\\\u\\{202e\\}");
    }

    #[test]
    fn no_findings_says_so() {
        assert!(render(&[], "notices.yaml").contains("No findings."));
    }
}

//! The `github` format: GitHub Actions workflow commands, so findings appear as annotations on the
//! pull request (`::warning file=…,line=…,col=…,title=…::message`).
//!
//! GitHub shows only the first few annotations of each type per step, so errors come first, then
//! warnings, then notes, and a closing notice says how many findings there are and that the job summary
//! (the `markdown` format) lists them all.

use std::fmt::Write as _;

use super::{Diagnostic, Severity};
use crate::suggest::visible;

/// Escapes the message part of a workflow command; other control characters are shown as escapes
/// (`\u{1b}`), as a log would obey them.
fn data(text: &str) -> String {
    visible(text)
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value of a workflow command.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

/// One workflow command about a whole file (`::error file=…,title=…::message`), for findings that are
/// not diagnostics of the notices file, such as a stale output of `build --check`.
pub fn file_annotation(level: &str, file: &str, title: &str, message: &str) -> String {
    format!(
        "::{level} file={},title={}::{}\n",
        property(file),
        property(title),
        data(message)
    )
}

/// Renders one workflow command per diagnostic, the most serious first, then a closing notice with
/// the counts when there is anything to count.
pub fn render(diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    let mut sorted: Vec<&Diagnostic> = diagnostics.iter().collect();
    sorted.sort_by_key(|d| std::cmp::Reverse(d.severity));
    for d in sorted {
        let level = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "notice",
        };
        let mut props = vec![format!("file={}", property(&d.file))];
        if let Some(s) = d.span {
            props.push(format!("line={}", s.start.line));
            props.push(format!("col={}", s.start.column));
            if s.end.line >= s.start.line {
                props.push(format!("endLine={}", s.end.line));
            }
        }
        let title = match &d.label {
            Some(label) => format!("{} {label}", d.code),
            None => d.code.to_string(),
        };
        props.push(format!("title={}", property(&title)));
        let mut message = d.message.clone();
        if let Some(help) = &d.help {
            message.push_str("\nhelp: ");
            message.push_str(help);
        }
        if let Some(note) = &d.note {
            message.push_str("\nnote: ");
            message.push_str(note);
        }
        // Writing to a `String` cannot fail.
        let _ = writeln!(out, "::{level} {}::{}", props.join(","), data(&message));
    }
    if !diagnostics.is_empty() {
        let count = |s: Severity| diagnostics.iter().filter(|d| d.severity == s).count();
        let findings = match diagnostics.len() {
            1 => "1 finding".to_owned(),
            n => format!("{n} findings"),
        };
        // Writing to a `String` cannot fail.
        let _ = writeln!(
            out,
            "::notice title={}::{}",
            property("noticec summary"),
            data(&format!(
                "{findings} ({} errors, {} warnings, {} notes). GitHub shows only the first 10 \
                 annotations of each type per step: the job summary lists them all.",
                count(Severity::Error),
                count(Severity::Warning),
                count(Severity::Note),
            ))
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn properties_and_data_are_escaped() {
        assert_eq!(property("a,b:c%"), "a%2Cb%3Ac%25");
        assert_eq!(data("one\ntwo"), "one%0Atwo");
        assert_eq!(data("a\r\u{1b}[2J\u{85}b"), "a\\u{d}\\u{1b}[2J\\u{85}b");
        assert_eq!(property("x\u{202e},"), "x\\u{202e}%2C");
    }
}

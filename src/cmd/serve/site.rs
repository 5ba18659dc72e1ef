//! The build step of `noticec serve`: the notices file and templates read from disk, compiled with
//! the same library pipeline as `noticec build` through a [`noticec::session::Session`] (an edit
//! inside one notice is compiled from the last build), and kept in memory as a [`Site`], or as a page
//! of the problems in its place. Nothing is written.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use axum::body::Bytes;
use minijinja::HtmlEscape;
use noticec::diagnostics::{Severity, human};

use crate::cmd::Settings;

/// What every build of one `serve` run reads: the notices file, the templates folder, and the options
/// that do not change between builds.
pub(crate) struct Inputs {
    /// The notices file.
    pub(crate) file: PathBuf,
    /// Its limits, the lint settings and how to print diagnostics.
    pub(crate) settings: Settings,
    /// The `--templates` folder, read anew at each build.
    pub(crate) templates: Option<PathBuf>,
    /// The compile options; the templates in it are replaced at each build.
    pub(crate) options: noticec::CompileOptions,
    /// Whether diagnostics printed on the terminal are coloured.
    pub(crate) color: bool,
    /// The compiles so far: an edit inside one notice is compiled from the last.
    pub(crate) session: noticec::session::Session,
}

/// The outcome of one build.
pub(crate) enum Build {
    /// Every output, by its path in the output folder (`iewm/notice.txt`).
    Pages {
        /// The outputs.
        files: BTreeMap<String, Bytes>,
        /// The notices built.
        notices: usize,
        /// The warnings and notes found.
        findings: usize,
        /// How the notices were compiled: the whole file, or one notice.
        pass: noticec::session::Pass,
    },
    /// The notices have errors (or warnings under `--deny warnings`), or the build could not run: an
    /// HTML page of the problems, to be shown in place of the pages.
    Problems {
        /// The page's `<body>` content, every text escaped.
        body: String,
        /// One line for the terminal (`2 errors, 1 warning`).
        summary: String,
        /// Whether the notices were checked (their diagnostics are then the session's last), or
        /// the build could not run.
        checked: bool,
    },
}

/// Reads the notices file and the templates and compiles every output in memory. Returns the
/// outcome and the time it took; the diagnostics found are printed after, by [`print_diagnostics`],
/// once the pages are served.
pub(crate) fn build(inputs: &mut Inputs) -> (Build, Duration) {
    let start = Instant::now();
    let outcome = compile(inputs);
    (outcome, start.elapsed())
}

/// Prints the diagnostics of the last compile (if any) as `noticec build` does: for a build whose
/// notices were compiled ([`Build::checked`]), once its pages are served.
pub(crate) fn print_diagnostics(inputs: &Inputs) {
    let checked = &inputs.session.last().checked;
    if checked.report.diagnostics.is_empty() {
        return;
    }
    let file = inputs.file.display().to_string();
    // The terminal gets them too, in the `--format` asked for.
    if let Err(e) = crate::cmd::report(checked, &file, &inputs.settings, inputs.color) {
        crate::say!("error: cannot print the diagnostics: {e}");
    }
}

impl Build {
    /// Whether the notices were compiled, so that the session's last compile is this build's.
    pub(crate) fn checked(&self) -> bool {
        matches!(
            self,
            Build::Pages { .. } | Build::Problems { checked: true, .. }
        )
    }
}

/// The build itself, untimed.
fn compile(inputs: &mut Inputs) -> Build {
    let file = inputs.file.display().to_string();
    if let Some(dir) = &inputs.templates {
        match crate::cmd::build::read_templates(dir) {
            Ok(templates) => inputs.options.templates = templates,
            Err(e) => return failure(&file, &e),
        }
    }
    let source = match crate::input::read_source(&inputs.file, &inputs.options.limits) {
        Ok(source) => source,
        Err(e) => return failure(&file, &e),
    };
    let (built, pass) = match inputs.session.compile(source, &inputs.options) {
        Ok(built) => built,
        Err(e) => return failure(&file, &e),
    };
    let checked = &built.checked;
    let diagnostics = &checked.report.diagnostics;
    if inputs.settings.fails(checked) {
        let rendered = human::render(diagnostics, checked.source_text(), false);
        let notices = checked.notices.as_ref().map(|n| n.notices.len());
        let summary = human::summary(diagnostics, &file, notices);
        return Build::Problems {
            body: problems_body(&file, &rendered, &summary),
            summary: counts(checked),
            checked: true,
        };
    }
    let files: BTreeMap<String, Bytes> = built
        .outputs
        .iter()
        .filter_map(|o| match &o.contents {
            // The preview's own previous build is in memory and keeps no file in a folder. The
            // bytes are shared with the session's copy, not copied.
            noticec::render::Contents::Bytes(bytes) => Some((o.path.clone(), bytes.clone())),
            noticec::render::Contents::Kept => None,
        })
        .collect();
    // The next build renders again only the notices, and lays out again only the PDFs, whose
    // inputs change.
    inputs.options.reuse = previous_outputs(&files);
    Build::Pages {
        files,
        notices: checked.notices.as_ref().map_or(0, |n| n.notices.len()),
        findings: diagnostics.len(),
        pass,
    }
}

/// The outputs of a build, for the next build to take where their inputs are the same: each
/// notice's, and each PDF's.
fn previous_outputs(
    files: &BTreeMap<String, Bytes>,
) -> Option<std::sync::Arc<dyn noticec::render::Reuse>> {
    let record = |name: &str| {
        files
            .get(name)
            .and_then(|bytes| std::str::from_utf8(bytes).ok())
            .unwrap_or_default()
    };
    let (pdfs, notices) = (
        record(noticec::render::PRINT_INPUTS),
        record(noticec::render::NOTICE_INPUTS),
    );
    if pdfs.is_empty() && notices.is_empty() {
        return None;
    }
    // Clones of `Bytes` share their buffers: this keeps the build's files, and the next build takes
    // them, without a copy.
    let kept = files.clone();
    let previous = noticec::render::Previous::new(pdfs, move |path: &str| kept.get(path).cloned())
        .with_notices(notices)
        // The record and the bytes are this build's own, in memory.
        .trusted();
    Some(std::sync::Arc::new(previous))
}

/// The counts of errors and warnings, for the terminal: `2 errors, 1 warning`.
fn counts(checked: &noticec::Checked) -> String {
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let errors = checked.report.count(Severity::Error);
    let warnings = checked.report.count(Severity::Warning);
    match (errors, warnings) {
        (0, w) => format!("{} (denied)", plural(w, "warning")),
        (e, 0) => plural(e, "error"),
        (e, w) => format!("{}, {}", plural(e, "error"), plural(w, "warning")),
    }
}

/// A build that could not run (an unreadable file, a refused templates folder, a failing template):
/// the error and its causes, as `noticec build` prints them.
fn failure(file: &str, err: &dyn std::error::Error) -> Build {
    let mut text = format!("error: {err}");
    let mut source = err.source();
    while let Some(cause) = source {
        let _ = write!(text, "\n  caused by: {cause}");
        source = cause.source();
    }
    Build::Problems {
        body: problems_body(file, &text, "the preview could not be built"),
        summary: text.replace('\n', " "),
        checked: false,
    }
}

/// The `<body>` of the page of problems: a heading, the diagnostics as the terminal shows them (with
/// their source lines), and the summary; every text escaped.
fn problems_body(file: &str, diagnostics: &str, summary: &str) -> String {
    format!(
        "<main class=\"noticec-problems\">\n<h1>{heading}</h1>\n<p>{summary}</p>\n<pre>{diagnostics}</pre>\n\
         <p class=\"hint\">Fix the file and save it: this page reloads by itself.</p>\n</main>",
        heading = HtmlEscape(&format!("{file} has problems")),
        summary = HtmlEscape(summary),
        diagnostics = HtmlEscape(diagnostics.trim_end()),
    )
}

/// The whole page of problems, around a body from [`Build::Problems`].
pub(crate) fn problems_page(body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>Problems in the notices: noticec preview</title>\n<style>{PROBLEMS_CSS}</style>\n\
         </head>\n<body>\n{body}\n</body>\n</html>\n"
    )
}

/// The style of the page of problems.
const PROBLEMS_CSS: &str = "body{margin:0;background:#1b1b1f;color:#f2f2f2;\
font:16px/1.5 system-ui,sans-serif}main{max-width:60rem;margin:0 auto;padding:1.5rem}\
h1{margin:0 0 .5rem;font-size:1.4rem;color:#ff8a80;border-bottom:3px solid #ff5252;\
padding-bottom:.5rem}pre{background:#000;padding:1rem;overflow:auto;white-space:pre;\
font:14px/1.45 ui-monospace,monospace;border-left:4px solid #ff5252}.hint{color:#bdbdbd}";

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

    use super::*;

    #[test]
    fn the_page_of_problems_escapes_every_text() {
        let body = problems_body(
            "<a>.yaml",
            "title: <script>alert(1)</script> & \"x\"",
            "1 <error>",
        );
        assert!(!body.contains("<script>"), "{body}");
        assert!(!body.contains("<a>"), "{body}");
        assert!(!body.contains("<error>"), "{body}");
        assert!(body.contains("&lt;script&gt;"), "{body}");
    }
}

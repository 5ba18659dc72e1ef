//! noticec, the privacy notice compiler: privacy notices written as structured YAML, checked against
//! UK GDPR Articles 13 and 14, and compiled into every form a notice must take.
//!
//! The pipeline reads as its modules: [`load`] (YAML to a located tree) → [`validate`] (schema, model,
//! ids and references) → [`graph`] (the references resolved) → [`lint`] (Art. 13/14 completeness) →
//! [`render`] (every output, in memory); [`report`] is the reviewer's report on the same check, and
//! [`session`] compiles one file again and again as it is edited, redoing only what an edit needs.
//! Problems in the notices are [`diagnostics::Diagnostic`]s collected in a [`diagnostics::Report`];
//! only failures to run at all are [`Error`]s.
//!
//! The library is a pure core: it takes the source text, the templates, the words and today's date from
//! its caller and returns diagnostics and files in memory. It never reads a file, the clock or the
//! environment; the `noticec` binary reads the input and swaps the outputs into place.

pub mod diagnostics;
pub mod diff;
pub mod error;
pub mod graph;
pub mod lint;
pub mod load;
pub mod model;
pub mod render;
pub mod report;
pub mod schema;
pub mod session;
pub mod suggest;
#[cfg(feature = "arbitrary")]
pub mod testing;
pub mod validate;

pub use error::Error;

use diagnostics::Report;
use load::{Document, Limits};
use model::NoticeFile;

/// The outcome of checking a notices file.
#[derive(Debug)]
pub struct Checked {
    /// Everything found.
    pub report: Report,
    /// The source text, when it could not be parsed but is UTF-8 (for quoting source lines); a parsed
    /// document holds its own text. Read it through [`Checked::source_text`].
    text: Option<String>,
    /// The parsed document, when the file could be parsed.
    pub document: Option<Document>,
    /// The typed notices, when the file passed validation.
    pub notices: Option<NoticeFile>,
}

impl Checked {
    /// Drops the parsed document (its tree and the places of its nodes, several times the size of
    /// the file), keeping its text for quoting source lines: the diagnostics already hold their places.
    /// Rendering needs the document only for change logs ([`CompileOptions::history`]).
    pub fn drop_document(&mut self) {
        if let Some(doc) = self.document.take() {
            self.text = Some(doc.text);
        }
    }

    /// The text of the notices file as parsed (line breaks normalised), when it is UTF-8.
    pub fn source_text(&self) -> Option<&str> {
        self.document
            .as_ref()
            .map(|d| d.text.as_str())
            .or(self.text.as_deref())
    }
}

/// Validates and lints a notices file already in memory.
pub fn check_source(
    source: &load::SourceFile,
    limits: &Limits,
    lint: &lint::LintOptions,
) -> Checked {
    let parsed = load::parse(source, limits).map_err(|diagnostics| {
        let text = std::str::from_utf8(&source.bytes)
            .ok()
            .map(load::normalize_line_breaks);
        (diagnostics, text)
    });
    check_parsed(parsed, lint, false)
}

/// [`check_source`], taking the file: its bytes become the document's text instead of being copied
/// (see [`load::parse_file`]), so a large file is not held twice.
pub fn check_file(source: load::SourceFile, limits: &Limits, lint: &lint::LintOptions) -> Checked {
    check_parsed(load::parse_file(source, limits), lint, false)
}

/// [`check_file`] for a caller that needs the typed notices, not the tree: the notices are decoded
/// from the tree itself, which is freed as they are (see [`validate::check_taking_tree`]), so the
/// check of a large file takes about a third less memory. The document keeps its text and the places
/// of its nodes; its `value` is null once the file has passed the schema.
pub fn check_file_typed(
    source: load::SourceFile,
    limits: &Limits,
    lint: &lint::LintOptions,
) -> Checked {
    check_parsed(load::parse_file(source, limits), lint, true)
}

/// Validates and lints a parsed file, or reports why it could not be parsed (with its text, when
/// it is text); decoding the notices from the tree itself when `take_tree`.
fn check_parsed(
    parsed: Result<Document, (Vec<diagnostics::Diagnostic>, Option<String>)>,
    lint: &lint::LintOptions,
    take_tree: bool,
) -> Checked {
    check_keeping(parsed, lint, take_tree, None)
}

/// [`check_parsed`], putting what the lint rules found in each notice into `findings` when given.
pub(crate) fn check_keeping(
    parsed: Result<Document, (Vec<diagnostics::Diagnostic>, Option<String>)>,
    lint: &lint::LintOptions,
    take_tree: bool,
    findings: Option<&mut lint::Findings>,
) -> Checked {
    let mut report = Report::default();
    let (mut document, text) = match parsed {
        Ok(doc) => (Some(doc), None),
        Err((diagnostics, text)) => {
            for d in diagnostics {
                report.push(d);
            }
            (None, text)
        }
    };
    let notices = document.as_mut().and_then(|doc| {
        if take_tree {
            validate::check_taking_tree(doc, &mut report)
        } else {
            validate::check(doc, &mut report)
        }
    });
    if let (Some(doc), Some(file)) = (&document, &notices) {
        match findings {
            None => lint::run(file, doc, lint, &mut report),
            Some(kept) => *kept = lint::run_keeping(file, doc, lint, &mut report),
        }
    }
    report.sort();
    Checked {
        report,
        text,
        document,
        notices,
    }
}

/// What `compile` needs besides the source: everything comes from the caller.
#[derive(Debug, Clone)]
pub struct CompileOptions {
    /// The templates: the built-in ones and any overrides.
    pub templates: render::Templates,
    /// The message catalogue of the words readers see.
    pub words: render::Catalogue,
    /// Input limits.
    pub limits: Limits,
    /// Lint settings, with today's date.
    pub lint: lint::LintOptions,
    /// How much the outputs may hold.
    pub render: render::RenderLimits,
    /// The committed versions of the notices file, oldest first, for each notice's change log; empty
    /// outside a git repository, and then no change log is written.
    pub history: Vec<diff::log::Revision>,
    /// PDFs an earlier build laid out, taken instead of laying them out again when their inputs are
    /// the same (the output folder, or the live preview's last build).
    pub reuse: Option<std::sync::Arc<dyn render::Reuse>>,
}

/// The outcome of a compile.
#[derive(Debug)]
pub struct Compiled {
    /// The check of the notices, without the parsed document (its text stays, for diagnostics):
    /// rendering does not need it, and it is dropped before rendering where no change log reads it.
    /// [`check_source`] gives the document.
    pub checked: Checked,
    /// Every output, in memory; empty when the notices have errors.
    pub outputs: Vec<render::Output>,
}

/// Checks the notices and, when they have no errors, renders every output in memory.
pub fn compile(source: &load::SourceFile, opts: &CompileOptions) -> Result<Compiled, Error> {
    render_checked(check_source(source, &opts.limits, &opts.lint), opts)
}

/// [`compile`], taking the file: its bytes become the document's text instead of being copied, so
/// a large file is not held twice.
pub fn compile_file(source: load::SourceFile, opts: &CompileOptions) -> Result<Compiled, Error> {
    render_checked(check_for_render(source, opts), opts)
}

/// The first half of [`compile_file`]: the check rendering with `opts` needs. Without change logs
/// the tree is not needed once the notices are decoded from it ([`check_file_typed`]), and the
/// document is dropped, its text kept for the diagnostics; with change logs the document stays,
/// for [`render_checked`] to read.
pub fn check_for_render(source: load::SourceFile, opts: &CompileOptions) -> Checked {
    if opts.history.is_empty() {
        let mut checked = check_file_typed(source, &opts.limits, &opts.lint);
        checked.drop_document();
        checked
    } else {
        check_file(source, &opts.limits, &opts.lint)
    }
}

/// The second half of [`compile_file`], for a caller that acts on the check (prints it, stops on
/// it) before rendering: renders every output of checked notices that have no errors. The check is
/// [`check_for_render`]'s, or any other.
pub fn render_checked(checked: Checked, opts: &CompileOptions) -> Result<Compiled, Error> {
    render_with(checked, opts, |notices, history| {
        render::render_reusing(
            notices,
            &opts.templates,
            &opts.words,
            &opts.render,
            history,
            opts.reuse.as_deref(),
        )
    })
}

/// [`render_checked`], handing each notice's outputs to `sink` as soon as they are made instead of
/// holding them all (see [`render::render_into`]). [`Compiled::outputs`] holds the rest: the index
/// and the records.
pub fn render_into(
    checked: Checked,
    opts: &CompileOptions,
    sink: &render::Sink<'_>,
) -> Result<Compiled, Error> {
    render_with(checked, opts, |notices, history| {
        render::render_into(
            notices,
            &opts.templates,
            &opts.words,
            &opts.render,
            history,
            opts.reuse.as_deref(),
            sink,
        )
    })
}

/// Renders checked notices that have no errors with `render`, given the history for the change
/// logs; the parsed document is dropped first where no change log reads it, and after otherwise.
fn render_with(
    mut checked: Checked,
    opts: &CompileOptions,
    render: impl FnOnce(
        &NoticeFile,
        Option<render::History<'_>>,
    ) -> Result<Vec<render::Output>, render::RenderError>,
) -> Result<Compiled, Error> {
    if opts.history.is_empty() {
        checked.drop_document();
    }
    let outputs = match checked
        .notices
        .as_ref()
        .filter(|_| !checked.report.has_errors())
    {
        Some(notices) => {
            let history = checked
                .document
                .as_ref()
                .filter(|_| !opts.history.is_empty())
                .map(|doc| render::History {
                    revisions: &opts.history,
                    current: &doc.value,
                });
            render(notices, history)?
        }
        None => Vec::new(),
    };
    checked.drop_document();
    Ok(Compiled { checked, outputs })
}

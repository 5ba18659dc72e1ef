//! noticec, the privacy notice compiler: privacy notices written as structured YAML, checked against
//! UK GDPR Articles 13 and 14, and compiled into every form a notice must take.
//!
//! The pipeline reads as its modules: [`load`] (YAML to a located tree) → [`validate`] (schema, model,
//! ids and references) → [`lint`] (Art. 13/14 completeness) → [`render`] (every output, in memory) → [`write`] (swap the output folder in whole). Problems in the notices are [`diagnostics::Diagnostic`]s collected
//! in a [`diagnostics::Report`]; only failures to run at all are [`Error`]s.

pub mod diagnostics;
pub mod error;
pub mod graph;
pub mod lint;
pub mod load;
pub mod model;
pub mod render;
pub mod schema;
pub mod suggest;
#[cfg(feature = "arbitrary")]
pub mod testing;
pub mod validate;
pub mod write;

use std::path::Path;

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
    /// The text of the notices file as parsed (line breaks normalised), when it is UTF-8.
    pub fn source_text(&self) -> Option<&str> {
        self.document
            .as_ref()
            .map(|d| d.text.as_str())
            .or(self.text.as_deref())
    }
}

/// Loads, validates and lints a notices file.
pub fn check(path: &Path, limits: &Limits, lint: &lint::LintOptions) -> Result<Checked, Error> {
    let source = load::read_source(path, limits)?;
    Ok(check_source(&source, limits, lint))
}

/// Validates and lints a notices file already in memory.
pub fn check_source(
    source: &load::SourceFile,
    limits: &Limits,
    lint: &lint::LintOptions,
) -> Checked {
    let mut report = Report::default();
    let (document, text) = match load::parse(source, limits) {
        Ok(doc) => (Some(doc), None),
        Err(diagnostics) => {
            report.diagnostics.extend(diagnostics);
            let text = std::str::from_utf8(&source.bytes)
                .ok()
                .map(load::normalize_line_breaks);
            (None, text)
        }
    };
    let notices = document
        .as_ref()
        .and_then(|doc| validate::check(doc, &mut report));
    if let (Some(doc), Some(file)) = (&document, &notices) {
        lint::run(file, doc, lint, &mut report);
    }
    report.sort();
    Checked {
        report,
        text,
        document,
        notices,
    }
}

/// What `build` should do.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The notices file.
    pub input: std::path::PathBuf,
    /// The output folder.
    pub out: std::path::PathBuf,
    /// The templates: the built-in ones and any overrides.
    pub templates: render::Templates,
    /// The message catalogue of the words readers see.
    pub words: render::Catalogue,
    /// Compare the output folder with a fresh build instead of writing it.
    pub check_only: bool,
    /// Input limits.
    pub limits: Limits,
    /// Lint settings.
    pub lint: lint::LintOptions,
}

/// The outcome of a build.
#[derive(Debug)]
pub struct Built {
    /// The check of the notices.
    pub checked: Checked,
    /// The files written or compared; empty when the notices have errors.
    pub outputs: Vec<render::Output>,
    /// With `check_only`: the files in the output folder that differ from a fresh build.
    pub stale: Vec<String>,
}

/// Checks, renders and writes (or compares) every output. Nothing is written when the notices have
/// errors or anything fails; the output folder is then exactly as it was.
pub fn build(opts: &BuildOptions) -> Result<Built, Error> {
    let checked = check(&opts.input, &opts.limits, &opts.lint)?;
    let Some(notices) = checked
        .notices
        .as_ref()
        .filter(|_| !checked.report.has_errors())
    else {
        return Ok(Built {
            checked,
            outputs: Vec::new(),
            stale: Vec::new(),
        });
    };
    let outputs = render::render_all(notices, &opts.templates, &opts.words)?;
    let stale = if opts.check_only {
        write::stale_files(&opts.out, &outputs)?
    } else {
        write::replace_dir(&opts.out, &outputs)?;
        Vec::new()
    };
    Ok(Built {
        checked,
        outputs,
        stale,
    })
}

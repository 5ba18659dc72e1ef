//! noticec, the privacy notice compiler: privacy notices written as structured YAML, checked against
//! UK GDPR Articles 13 and 14, and compiled into every form a notice must take.
//!
//! The pipeline reads as its modules: [`load`] (YAML to a located tree) → [`validate`] (schema, model,
//! ids and references) → later stages. Problems in the notices are [`diagnostics::Diagnostic`]s collected
//! in a [`diagnostics::Report`]; only failures to run at all are [`Error`]s.

pub mod diagnostics;
pub mod error;
pub mod load;
pub mod model;
pub mod schema;
pub mod suggest;
pub mod validate;

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
    /// The parsed document, when the file could be parsed (for quoting source lines).
    pub document: Option<Document>,
    /// The typed notices, when the file passed validation.
    pub notices: Option<NoticeFile>,
}

/// Loads and validates a notices file.
pub fn check(path: &Path, limits: &Limits) -> Result<Checked, Error> {
    let source = load::read_source(path, limits)?;
    let mut report = Report::default();
    let document = match load::parse(&source, limits) {
        Ok(doc) => Some(doc),
        Err(diagnostics) => {
            report.diagnostics.extend(diagnostics);
            None
        }
    };
    let notices = document
        .as_ref()
        .and_then(|doc| validate::check(doc, &mut report));
    report.sort();
    Ok(Checked {
        report,
        document,
        notices,
    })
}

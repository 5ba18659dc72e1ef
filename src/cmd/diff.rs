//! `noticec diff`: the semantic diff of two versions of the notices file, each a file or a git
//! revision, with the impact class of each change.

use std::path::{Path, PathBuf};

use noticec::diagnostics::{Severity, human};
use noticec::diff::{self, Comparison, Impact, render};
use noticec::load::{Document, SourceFile};

use super::{Result, print};
use crate::Outcome;
use crate::cli::{DiffArgs, DiffFormat, FailOn};

/// Where one side of the diff comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Spec {
    /// A file on disk.
    File(PathBuf),
    /// A revision of the notices file in its git repository.
    Rev(String),
}

/// The two sides the arguments name: `diff` (HEAD against the working file), `diff REV` (REV against
/// the working file), `diff A..B` (two revisions), `diff OLD NEW` (each a file or a revision).
pub(crate) fn specs(old: Option<&str>, new: Option<&str>, file: &Path) -> (Spec, Spec) {
    let spec = |s: &str| {
        if Path::new(s).is_file() {
            Spec::File(PathBuf::from(s))
        } else {
            Spec::Rev(s.to_owned())
        }
    };
    match (old, new) {
        (None, _) => (Spec::Rev("HEAD".into()), Spec::File(file.to_path_buf())),
        (Some(range), None) if !Path::new(range).is_file() && range.contains("..") => {
            let (a, b) = range.split_once("..").unwrap_or((range, ""));
            let or_head = |s: &str| {
                if s.is_empty() {
                    "HEAD".to_owned()
                } else {
                    s.to_owned()
                }
            };
            (Spec::Rev(or_head(a)), Spec::Rev(or_head(b)))
        }
        (Some(old), None) => (spec(old), Spec::File(file.to_path_buf())),
        (Some(old), Some(new)) => (spec(old), spec(new)),
    }
}

/// One side read and parsed.
pub(crate) struct Loaded {
    pub label: String,
    pub checked: noticec::Checked,
}

impl Loaded {
    pub(crate) fn doc(&self) -> Option<&Document> {
        self.checked.document.as_ref()
    }

    pub(crate) fn errors(&self) -> usize {
        self.checked.report.count(Severity::Error)
    }
}

/// Reads and checks one side; a side that is not readable YAML stops the diff (exit 2) after its
/// diagnostics are printed.
pub(crate) fn load(
    spec: &Spec,
    file: &Path,
    limits: &noticec::load::Limits,
    lint: &noticec::lint::LintOptions,
    color: bool,
) -> Result<Loaded> {
    let source: SourceFile = match spec {
        Spec::File(path) => crate::input::read_source(path, limits)?,
        Spec::Rev(rev) => read_rev(rev, file, limits)?,
    };
    let label = source.name.clone();
    let checked = noticec::check_source(&source, limits, lint);
    if checked.document.is_none() {
        let shown = human::render(&checked.report.diagnostics, checked.source_text(), color);
        crate::say!("{shown}");
        return Err(format!(
            "`{label}` is not a readable notices file, so there is nothing to compare"
        )
        .into());
    }
    Ok(Loaded { label, checked })
}

#[cfg(feature = "git")]
fn read_rev(rev: &str, file: &Path, limits: &noticec::load::Limits) -> Result<SourceFile> {
    let history = crate::git::History::open(file)?;
    Ok(history.read(rev, limits.max_bytes)?.source)
}

#[cfg(not(feature = "git"))]
fn read_rev(rev: &str, _file: &Path, _limits: &noticec::load::Limits) -> Result<SourceFile> {
    Err(format!(
        "`{rev}` is not a file, and this noticec was built without git support to read revisions"
    )
    .into())
}

/// Lint options for reading a version only to compare it: the lint's findings are not reported, and
/// the one rule that reads today's date gets a fixed one, so that no run reads the clock.
pub(crate) fn quiet_lint() -> noticec::lint::LintOptions {
    noticec::lint::LintOptions {
        today: jiff::civil::date(2000, 1, 1),
        max_age_months: noticec::lint::DEFAULT_MAX_AGE_MONTHS,
        rules: noticec::lint::Selection::default(),
    }
}

/// Runs `diff`.
pub(crate) fn run(args: &DiffArgs, color: bool) -> Result<Outcome> {
    let limits = args.history.limits();
    let lint = quiet_lint();
    let file = &args.history.file;
    let (old_spec, new_spec) = specs(args.old.as_deref(), args.new.as_deref(), file);
    let old = load(&old_spec, file, &limits, &lint, color)?;
    let new = load(&new_spec, file, &limits, &lint, color)?;
    let (Some(old_doc), Some(new_doc)) = (old.doc(), new.doc()) else {
        return Err("nothing to compare".into());
    };
    let cmp = diff::compare(&old_doc.value, &new_doc.value);
    let sides = render::Sides {
        old: render::Side {
            label: &old.label,
            doc: Some(old_doc),
            errors: old.errors(),
        },
        new: render::Side {
            label: &new.label,
            doc: Some(new_doc),
            errors: new.errors(),
        },
    };
    let text = match args.format {
        DiffFormat::Human => render::human(&cmp, &sides, color),
        DiffFormat::Json => render::json(&cmp, &sides),
        DiffFormat::Markdown => render::markdown(&cmp, &sides),
    };
    print(&text)?;
    Ok(if fails(&cmp, args.fail_on) {
        Outcome::Problems
    } else {
        Outcome::Clean
    })
}

/// Whether the changes fail the run under `--fail-on`.
fn fails(cmp: &Comparison, fail_on: FailOn) -> bool {
    let threshold = match fail_on {
        FailOn::Never => return false,
        FailOn::Notify => Impact::Notify,
        FailOn::Reconsent => Impact::Reconsent,
    };
    cmp.impact().is_some_and(|i| i >= threshold)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arguments_name_files_revisions_and_ranges() {
        let file = Path::new("notices.yaml");
        assert_eq!(
            specs(None, None, file),
            (Spec::Rev("HEAD".into()), Spec::File(file.into()))
        );
        assert_eq!(
            specs(Some("HEAD~1"), None, file),
            (Spec::Rev("HEAD~1".into()), Spec::File(file.into()))
        );
        assert_eq!(
            specs(Some("v1.2..main"), None, file),
            (Spec::Rev("v1.2".into()), Spec::Rev("main".into()))
        );
        assert_eq!(
            specs(Some("v1.2.."), None, file),
            (Spec::Rev("v1.2".into()), Spec::Rev("HEAD".into()))
        );
        assert_eq!(
            specs(Some("a"), Some("b"), file),
            (Spec::Rev("a".into()), Spec::Rev("b".into()))
        );
    }
}

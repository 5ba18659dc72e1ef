//! One notices file compiled again and again as it is edited (the live preview), each time with
//! the outputs [`crate::compile_file`] gives, doing again only what the change needs.
//!
//! When the file differs from the last one compiled only inside one notice, and the last one had no
//! errors, only that notice is parsed ([`load::Document::replace_notice`]) and validated
//! ([`validate::replace_notice`]), its ids and references checked against the file's shared lists;
//! the lint rules run again on that notice and on the notices that name it, and only the notices
//! whose outputs change are rendered again ([`render::render_again`]), change logs included. Anything
//! else (a change to the shared parts or to two notices, an error, other templates, options or
//! history) compiles the whole file.
//!
//! The price is memory: a session keeps the places of the file's nodes (and, with a history, its
//! tree) and every notice's page data, about half a gigabyte more at ten thousand notices.

use crate::diagnostics::Report;
use crate::graph::Graph;
use crate::lint::Findings;
use crate::load::{self, SourceFile};
use crate::model::NoticeFile;
use crate::{CompileOptions, Compiled, Error, lint, render, validate};

/// A file compiled again and again: keeps the last compile, and what the next one can take from it.
#[derive(Debug)]
pub struct Session {
    /// The last compile (at first, of nothing).
    last: Last,
}

impl Default for Session {
    fn default() -> Self {
        let checked = crate::Checked {
            report: Report::default(),
            text: None,
            document: None,
            notices: None,
        };
        Session {
            last: Last {
                compiled: Compiled {
                    checked,
                    outputs: Vec::new(),
                },
                reusable: None,
            },
        }
    }
}

/// How a compile went about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pass {
    /// The whole file was parsed, checked and rendered.
    Whole,
    /// Only the notice at this place changed: it alone was parsed and validated; the lint rules
    /// ran again on it and the notices that name it, and it was rendered again with those whose
    /// outputs it changes.
    Notice {
        /// The notice's place in the list.
        at: usize,
        /// How many notices the lint rules checked again, the changed one included.
        checked: usize,
        /// How many notices were rendered again, the changed one included.
        rendered: usize,
    },
}

/// The last compile of a session.
#[derive(Debug)]
struct Last {
    /// Its outcome.
    compiled: Compiled,
    /// What the next compile may take from it, when it may.
    reusable: Option<Reusable>,
}

/// What a compile that found no errors keeps for the next.
#[derive(Debug)]
struct Reusable {
    /// The options it was made with; another compile takes from it only with the same.
    limits: load::Limits,
    /// The lint settings.
    lint: lint::LintOptions,
    /// The output limits.
    render: render::RenderLimits,
    /// The commits of the history the change logs were made from.
    commits: Vec<String>,
    /// Each notice's lint findings, unplaced.
    findings: Findings,
    /// Each notice's page data and outputs.
    kept: render::Kept,
}

impl Session {
    /// A session that has compiled nothing yet.
    pub fn new() -> Self {
        Session::default()
    }

    /// The last compile: of nothing, before the first.
    pub fn last(&self) -> &Compiled {
        &self.last.compiled
    }

    /// Compiles `source` as [`crate::compile_file`] does: the same diagnostics and outputs, except
    /// that [`Compiled::checked`] keeps its document (the places of the nodes, which the next
    /// compile moves). Returns the outcome and how it was reached.
    pub fn compile(
        &mut self,
        source: SourceFile,
        opts: &CompileOptions,
    ) -> Result<(&Compiled, Pass), Error> {
        if let Some(pass) = self.again(&source, opts) {
            return Ok((&self.last.compiled, pass));
        }
        // Dropped first: a large file's compile is not held twice.
        *self = Session::default();
        self.last = whole(source, opts)?;
        Ok((&self.last.compiled, Pass::Whole))
    }

    /// The compile of `source` from the last one, when it differs from it inside one notice only
    /// and that notice passes validation; `None` (with the last compile unusable) otherwise.
    fn again(&mut self, source: &SourceFile, opts: &CompileOptions) -> Option<Pass> {
        let last = &mut self.last;
        let reusable = last.reusable.as_mut()?;
        if reusable.limits != opts.limits
            || reusable.lint != opts.lint
            || reusable.render != opts.render
            || !reusable
                .commits
                .iter()
                .eq(opts.history.iter().map(|r| &r.commit))
        {
            return None;
        }
        let checked = &mut last.compiled.checked;
        let doc = checked.document.as_mut()?;
        if doc.file != source.name {
            return None;
        }
        let text = load::text(source)?;
        let file = checked.notices.as_mut()?;
        // From here on the last compile is changed: whatever fails, it is not used again.
        let taken = last.reusable.take()?;
        let (at, item) = doc.replace_notice(text, &opts.limits)?;
        let old_id = file.notices.get(at)?.id.clone();
        if !validate::replace_notice(doc, file, at, item) {
            return None;
        }
        let new_id = &file.notices.get(at)?.id;
        // What reads the changed notice besides itself. The rules read the notices a notice names
        // (for what it inherits from those it must be read alongside); the outputs read only
        // whether a notice with the id named exists, which changes only with the id.
        let names = |n: &crate::model::Notice| {
            n.related
                .iter()
                .filter_map(|r| r.notice.as_ref())
                .any(|id| id == &old_id || id == new_id)
        };
        let lint_again: Vec<bool> = file
            .notices
            .iter()
            .enumerate()
            .map(|(j, n)| j == at || names(n))
            .collect();
        let render_again: Vec<bool> = file
            .notices
            .iter()
            .enumerate()
            .map(|(j, n)| j == at || (&old_id != new_id && names(n)))
            .collect();
        let Reusable {
            limits,
            lint: lint_options,
            render: render_limits,
            commits,
            mut findings,
            kept,
        } = taken;
        let graph = Graph::new(file);
        for (j, found) in findings.iter_mut().enumerate() {
            if lint_again.get(j) == Some(&true) {
                *found = lint::notice_findings(file, &graph, &lint_options, j);
            }
        }
        let mut report = Report::default();
        for (notice, found) in file.notices.iter().zip(&findings) {
            lint::report_findings(doc, notice, found, &mut report);
        }
        lint::report_allows(file, doc, &lint_options, &mut report);
        report.sort();
        if report.has_errors() {
            return None;
        }
        let setup = render::Setup {
            templates: &opts.templates,
            words: &opts.words,
            limits: &render_limits,
            history: history(opts, doc),
            reuse: opts.reuse.as_deref(),
        };
        let (outputs, kept) =
            render::render_again(file, &setup, &kept, &|j| render_again.get(j) == Some(&true))
                .ok()?;
        checked.report = report;
        last.compiled.outputs = outputs;
        last.reusable = Some(Reusable {
            limits,
            lint: lint_options,
            render: render_limits,
            commits,
            findings,
            kept,
        });
        Some(Pass::Notice {
            at,
            checked: lint_again.iter().filter(|&&c| c).count(),
            rendered: render_again.iter().filter(|&&c| c).count(),
        })
    }
}

/// The whole file compiled, as [`crate::compile_file`] does, keeping what the next compile can take.
fn whole(source: SourceFile, opts: &CompileOptions) -> Result<Last, Error> {
    let mut findings = Findings::new();
    // Change logs read the tree of the whole file: it is kept, and each edit puts its notice in it.
    let checked = crate::check_keeping(
        load::parse_file(source, &opts.limits),
        &opts.lint,
        opts.history.is_empty(),
        Some(&mut findings),
    );
    let usable = |file: &NoticeFile| !checked.report.has_errors() && !file.notices.is_empty();
    let (Some(file), Some(doc)) = (
        checked.notices.as_ref().filter(|f| usable(f)),
        checked.document.as_ref(),
    ) else {
        return Ok(Last {
            compiled: Compiled {
                checked,
                outputs: Vec::new(),
            },
            reusable: None,
        });
    };
    let setup = render::Setup {
        templates: &opts.templates,
        words: &opts.words,
        limits: &opts.render,
        history: history(opts, doc),
        reuse: opts.reuse.as_deref(),
    };
    let (outputs, kept) = render::render_keeping(file, &setup)?;
    Ok(Last {
        compiled: Compiled { checked, outputs },
        reusable: Some(Reusable {
            limits: opts.limits,
            lint: opts.lint.clone(),
            render: opts.render,
            commits: opts.history.iter().map(|r| r.commit.clone()).collect(),
            findings,
            kept,
        }),
    })
}

/// The history the change logs are made from, with the document's tree as the current version;
/// none without revisions.
fn history<'a>(opts: &'a CompileOptions, doc: &'a load::Document) -> Option<render::History<'a>> {
    (!opts.history.is_empty()).then_some(render::History {
        revisions: &opts.history,
        current: &doc.value,
    })
}

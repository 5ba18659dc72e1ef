//! `noticec check`: load, validate and lint, then report.

use super::{Result, fails, options, report};
use crate::Outcome;
use crate::cli::CheckArgs;

/// Rule N707 against revision `rev` of the file, when the file itself has no errors.
#[cfg(feature = "git")]
fn since(
    checked: &mut noticec::Checked,
    rev: &str,
    file: &std::path::Path,
    limits: &noticec::load::Limits,
) -> Result<()> {
    let (Some(doc), Some(notices)) = (&checked.document, &checked.notices) else {
        return Ok(());
    };
    if checked.report.has_errors() {
        return Ok(());
    }
    let old = crate::git::History::open(file)?.read(rev, limits.max_bytes)?;
    let label = old.source.name.clone();
    let old = noticec::load::parse(&old.source, limits).map_err(|_| {
        format!("`{label}` is not readable YAML, so nothing can be compared with it")
    })?;
    noticec::lint::since(notices, doc, &old.value, rev, &mut checked.report);
    checked.report.sort();
    Ok(())
}

#[cfg(not(feature = "git"))]
fn since(
    _checked: &mut noticec::Checked,
    _rev: &str,
    _file: &std::path::Path,
    _limits: &noticec::load::Limits,
) -> Result<()> {
    Err("`--since` reads the git history, and this noticec was built without git support".into())
}

/// Runs `check`.
pub(crate) fn run(args: &CheckArgs, color: bool) -> Result<Outcome> {
    let d = &args.diagnostics;
    let (limits, lint) = options(d);
    let source = crate::input::read_source(&d.file, &limits)?;
    let mut checked = noticec::check_source(&source, &limits, &lint);
    if let Some(rev) = &args.since {
        since(&mut checked, rev, &d.file, &limits)?;
    }
    report(&checked, d, color)?;
    Ok(if fails(&checked, d) {
        Outcome::Problems
    } else {
        Outcome::Clean
    })
}

//! `noticec check`: load, validate and lint, then report.

use std::path::PathBuf;

use super::{Result, Settings, report_many};
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

/// Runs `check` on each file given (or the configured one), and reports them together.
pub(crate) fn run(args: &CheckArgs, color: bool) -> Result<Outcome> {
    let settings = Settings::new(&args.diagnostics)?;
    let files: Vec<PathBuf> = if args.files.is_empty() {
        vec![settings.file(None)]
    } else {
        args.files.clone()
    };
    if files.iter().filter(|f| crate::input::is_stdin(f)).count() > 1 {
        return Err("standard input (`-`) can be read once per run".into());
    }
    let mut checked = Vec::with_capacity(files.len());
    for file in &files {
        let source = crate::input::read_source(file, &settings.limits)?;
        let name = source.name.clone();
        let Some(rev) = &args.since else {
            // Only the typed notices, the diagnostics and the text are needed: the notices are
            // decoded from the tree itself and the places dropped, so a large file is not held
            // twice over.
            let mut one = noticec::check_file_typed(source, &settings.limits, &settings.lint);
            one.drop_document();
            checked.push((one, name));
            continue;
        };
        let mut one = noticec::check_file(source, &settings.limits, &settings.lint);
        if crate::input::is_stdin(file) {
            return Err(
                "`--since` reads the history of a file in git: give the file, not `-`".into(),
            );
        }
        if settings
            .lint
            .rules
            .enabled(noticec::diagnostics::Code::N707)
        {
            since(&mut one, rev, file, &settings.limits)?;
        }
        checked.push((one, name));
    }
    let shown: Vec<(&noticec::Checked, &str)> =
        checked.iter().map(|(c, name)| (c, name.as_str())).collect();
    report_many(&shown, &settings, color)?;
    let outcome = if checked.iter().any(|(c, _)| settings.fails(c)) {
        Outcome::Problems
    } else {
        Outcome::Clean
    };
    // The process ends when this returns: freeing the trees and diagnostics one by one (a tenth of
    // the time a large file takes to check) is work the system does at once. They hold no files.
    std::mem::forget(checked);
    Ok(outcome)
}

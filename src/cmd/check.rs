//! `noticec check`: load, validate and lint, then report.

use super::{Result, fails, options, report};
use crate::Outcome;
use crate::cli::CheckArgs;

/// Runs `check`.
pub(crate) fn run(args: &CheckArgs, color: bool) -> Result<Outcome> {
    let d = &args.diagnostics;
    let (limits, lint) = options(d);
    let source = crate::input::read_source(&d.file, &limits)?;
    let checked = noticec::check_source(&source, &limits, &lint);
    report(&checked, d, color)?;
    Ok(if fails(&checked, d) {
        Outcome::Problems
    } else {
        Outcome::Clean
    })
}

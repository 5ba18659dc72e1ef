//! `noticec check`: load, validate and lint, then report.

use super::{Result, fails, options, report};
use crate::Outcome;
use crate::cli::CheckArgs;

/// Runs `check`.
pub(crate) fn run(args: &CheckArgs, color: bool) -> Result<Outcome> {
    let d = &args.diagnostics;
    let (limits, lint) = options(d);
    let checked = noticec::check(&d.file, &limits, &lint)?;
    report(&checked, d, color)?;
    Ok(if fails(&checked, d) {
        Outcome::Problems
    } else {
        Outcome::Clean
    })
}

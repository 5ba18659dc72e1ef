//! `noticec build`: check, then write (or, with `--check`, compare) every output.

use super::{Result, fails, options, report};
use crate::Outcome;
use crate::cli::BuildArgs;

/// Runs `build`.
pub fn run(args: &BuildArgs, color: bool) -> Result<Outcome> {
    let d = &args.diagnostics;
    let (limits, lint) = options(d);
    let opts = noticec::BuildOptions {
        input: d.file.clone(),
        out: args.out.clone(),
        templates: args.templates.clone(),
        check_only: args.check,
        limits,
        lint,
    };
    let built = noticec::build(&opts)?;
    report(&built.checked, d, color)?;
    let out = args.out.display();
    if built.checked.report.has_errors() {
        eprintln!("nothing written: fix the errors above; `{out}` is unchanged");
        return Ok(Outcome::Problems);
    }
    if args.check {
        if !built.stale.is_empty() {
            eprintln!(
                "`{out}` is stale: {} files differ from a fresh build",
                built.stale.len()
            );
            for path in &built.stale {
                eprintln!("  {path}");
            }
            eprintln!("help: run `noticec build` and commit `{out}`");
            return Ok(Outcome::Problems);
        }
        eprintln!("`{out}` is up to date ({} files)", built.outputs.len() + 1);
    } else {
        let notices = built
            .checked
            .notices
            .as_ref()
            .map_or(0, |n| n.notices.len());
        let plural = if notices == 1 { "notice" } else { "notices" };
        eprintln!(
            "wrote {} files for {notices} {plural} to `{out}`",
            built.outputs.len() + 1
        );
    }
    Ok(if fails(&built.checked, d) {
        Outcome::Problems
    } else {
        Outcome::Clean
    })
}

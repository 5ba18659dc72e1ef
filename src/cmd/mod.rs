//! One module per subcommand, plus what they share: printing and reporting diagnostics.

pub(crate) mod build;
pub(crate) mod check;
pub(crate) mod diff;
pub(crate) mod report;
pub(crate) mod rules;
#[cfg(feature = "serve")]
pub(crate) mod serve;
pub(crate) mod verify;

use std::io::Write;

use noticec::diagnostics::{Format, Severity, github, human, json, sarif};
use noticec::lint::LintOptions;
use noticec::load::Limits;

use crate::cli::{Deny, DiagnosticArgs};

/// What a command may fail with: anything that stops it running (exit 2).
pub(crate) type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

/// Writes to stdout; a closed pipe is not an error.
pub(crate) fn print(text: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}

/// The input limits and lint options the flags ask for.
pub(crate) fn options(args: &DiagnosticArgs) -> (Limits, LintOptions) {
    let limits = Limits {
        max_bytes: args.max_input_bytes,
        max_depth: args.max_depth,
        max_string_chars: args.max_string_chars,
        max_notices: args.max_notices,
    };
    let lint = LintOptions {
        today: args.today.unwrap_or_else(today_utc),
        max_age_months: args.max_age_months,
    };
    (limits, lint)
}

/// Today's date in UTC, from the system clock: the one place noticec reads the clock (for the lint's
/// age of notices; outputs never depend on it).
fn today_utc() -> jiff::civil::Date {
    let days = jiff::Timestamp::now().as_second().div_euclid(86_400);
    jiff::civil::date(1970, 1, 1)
        .checked_add(jiff::Span::new().try_days(days).unwrap_or_default())
        .unwrap_or(jiff::civil::date(1970, 1, 1))
}

/// Prints a check's diagnostics in the chosen format: human on stderr, the machine formats on stdout.
pub(crate) fn report(checked: &noticec::Checked, args: &DiagnosticArgs, color: bool) -> Result<()> {
    let diagnostics = &checked.report.diagnostics;
    match Format::from(args.format) {
        Format::Human => {
            let rendered = human::render(diagnostics, checked.source_text(), color);
            let count = checked.notices.as_ref().map(|n| n.notices.len());
            let summary = human::summary(diagnostics, &args.file.display().to_string(), count);
            let choice = if color {
                anstream::ColorChoice::Always
            } else {
                anstream::ColorChoice::Never
            };
            let mut err = anstream::AutoStream::new(std::io::stderr().lock(), choice);
            let _ = writeln!(err, "{rendered}{summary}");
        }
        Format::Json => print(&json::render(diagnostics))?,
        Format::Github => print(&github::render(diagnostics))?,
        Format::Sarif => print(&sarif::render(diagnostics))?,
    }
    Ok(())
}

/// Whether the diagnostics fail the run: any error, or any warning under `--deny warnings`.
pub(crate) fn fails(checked: &noticec::Checked, args: &DiagnosticArgs) -> bool {
    checked.report.has_errors()
        || (args.deny.contains(&Deny::Warnings) && checked.report.count(Severity::Warning) > 0)
}

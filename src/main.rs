//! The `noticec` binary: parse arguments, run the command, map the outcome to an exit code.

mod cli;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;

use cli::{BuildArgs, CheckArgs, Cli, ColorChoice, Command};
use noticec::diagnostics::{Format, human, json};
use noticec::load::Limits;

/// Exit codes: 0 clean, 1 problems in the notices, 2 usage or I/O error.
enum Outcome {
    Clean,
    Problems,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let color = match cli.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none()
        }
    };
    let result = match cli.command {
        Command::Check(args) => check(&args, color),
        Command::Build(args) => build(&args, color),
        Command::Schema => print(&noticec::schema::schema_text()).map(|()| Outcome::Clean),
    };
    match result {
        Ok(Outcome::Clean) => ExitCode::SUCCESS,
        Ok(Outcome::Problems) => ExitCode::from(1),
        Err(err) => {
            let mut message = format!("error: {err}");
            let mut source = std::error::Error::source(&*err);
            while let Some(cause) = source {
                message.push_str(&format!("\n  caused by: {cause}"));
                source = cause.source();
            }
            eprintln!("{message}");
            ExitCode::from(2)
        }
    }
}

/// Writes to stdout; a closed pipe is not an error.
fn print(text: &str) -> Result<(), Box<dyn std::error::Error>> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}

fn check(args: &CheckArgs, color: bool) -> Result<Outcome, Box<dyn std::error::Error>> {
    let limits = Limits {
        max_bytes: args.max_input_bytes,
        ..Limits::default()
    };
    let checked = noticec::check(&args.file, &limits)?;
    report(&checked, &args.file, args.format, color)?;
    Ok(if checked.report.has_errors() {
        Outcome::Problems
    } else {
        Outcome::Clean
    })
}

/// Prints the diagnostics of a check in the chosen format.
fn report(
    checked: &noticec::Checked,
    file: &std::path::Path,
    format: Format,
    color: bool,
) -> Result<(), Box<dyn std::error::Error>> {
    let diagnostics = &checked.report.diagnostics;
    match format {
        Format::Human => {
            let source = checked.text.as_deref();
            let rendered = human::render(diagnostics, source, color);
            let count = checked.notices.as_ref().map(|n| n.notices.len());
            let choice = if color {
                anstream::ColorChoice::Always
            } else {
                anstream::ColorChoice::Never
            };
            let mut err = anstream::AutoStream::new(std::io::stderr().lock(), choice);
            let _ = writeln!(
                err,
                "{rendered}{}",
                human::summary(diagnostics, &file.display().to_string(), count)
            );
        }
        Format::Json => print(&json::render(diagnostics))?,
    }
    Ok(())
}

fn build(args: &BuildArgs, color: bool) -> Result<Outcome, Box<dyn std::error::Error>> {
    let opts = noticec::BuildOptions {
        input: args.file.clone(),
        out: args.out.clone(),
        templates: args.templates.clone(),
        check_only: args.check,
        limits: Limits {
            max_bytes: args.max_input_bytes,
            ..Limits::default()
        },
    };
    let built = noticec::build(&opts)?;
    report(&built.checked, &args.file, args.format, color)?;
    if built.checked.report.has_errors() {
        eprintln!(
            "nothing written: fix the errors above; `{}` is unchanged",
            args.out.display()
        );
        return Ok(Outcome::Problems);
    }
    let out = args.out.display();
    if args.check {
        if built.stale.is_empty() {
            eprintln!("`{out}` is up to date ({} files)", built.outputs.len() + 1);
            return Ok(Outcome::Clean);
        }
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
    eprintln!(
        "wrote {} files for {} notices to `{out}`",
        built.outputs.len() + 1,
        built
            .checked
            .notices
            .as_ref()
            .map_or(0, |n| n.notices.len())
    );
    Ok(Outcome::Clean)
}

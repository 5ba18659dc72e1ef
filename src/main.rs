//! The `noticec` binary: parse arguments, run the command, map the outcome to an exit code.

mod cli;
mod cmd;
mod input;
mod write;

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;

use cli::{Cli, ColorChoice, Command};

/// What a command found, as an exit code: 0 clean, 1 problems in the notices; errors exit 2.
pub enum Outcome {
    /// Nothing to fix.
    Clean,
    /// Problems in the notices (or a stale output folder).
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
        Command::Check(args) => cmd::check::run(&args, color),
        Command::Build(args) => cmd::build::run(&args, color),
        Command::Report(args) => cmd::report::run(&args, color),
        Command::Schema => cmd::print(&noticec::schema::schema_text()).map(|()| Outcome::Clean),
        Command::Rules(args) => cmd::rules::list(&args),
        Command::Explain(args) => cmd::rules::explain(&args),
    };
    match result {
        Ok(Outcome::Clean) => ExitCode::SUCCESS,
        Ok(Outcome::Problems) => ExitCode::from(1),
        Err(err) => {
            eprintln!("error: {err}");
            let mut source = err.source();
            while let Some(cause) = source {
                eprintln!("  caused by: {cause}");
                source = cause.source();
            }
            ExitCode::from(2)
        }
    }
}

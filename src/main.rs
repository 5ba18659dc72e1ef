//! The `noticec` binary: parse arguments, run the command, map the outcome to an exit code.

mod cli;
mod cmd;
mod config;
#[cfg(feature = "git")]
mod git;
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

/// Writes a line to stderr. A closed or full stderr is not a reason to fail a run, nor to panic as
/// `eprintln!` does: the exit code still tells the outcome.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr().lock(), $($arg)*);
    }};
}
pub(crate) use say;

/// mimalloc rather than the system allocator: rendering notices on several threads at once spends a
/// third of its time in glibc's `malloc` otherwise (measured on a 1,000-notice build).
#[cfg(not(target_family = "wasm"))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => return clap_exit(&err),
    };
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
        Command::Diff(args) => cmd::diff::run(&args, color),
        Command::VerifyForm(args) => cmd::verify::run(&args),
        Command::Schema(args) => cmd::schema::run(&args),
        Command::Rules(args) => cmd::rules::list(&args),
        Command::Explain(args) => cmd::rules::explain(&args),
        Command::Init(args) => cmd::init::run(&args),
        Command::Completions(args) => cmd::shell::completions(&args),
        Command::Man(args) => cmd::shell::man(&args),
        #[cfg(feature = "serve")]
        Command::Serve(args) => cmd::serve::run(&args, color),
    };
    match result {
        Ok(Outcome::Clean) => ExitCode::SUCCESS,
        Ok(Outcome::Problems) => ExitCode::from(1),
        Err(err) => {
            say!("error: {err}");
            let mut source = err.source();
            while let Some(cause) = source {
                say!("  caused by: {cause}");
                source = cause.source();
            }
            ExitCode::from(2)
        }
    }
}

/// Prints what clap has to say, without `clap::Error::exit`, which panics when it cannot write: help
/// and version on stdout (exit 0), usage errors on stderr (exit 2).
fn clap_exit(err: &clap::Error) -> ExitCode {
    use std::io::Write as _;
    let text = err.render();
    if err.use_stderr() {
        let styled = if std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none() {
            text.ansi().to_string()
        } else {
            text.to_string()
        };
        let _ = std::io::stderr().lock().write_all(styled.as_bytes());
    } else {
        let _ = cmd::print(&text.to_string());
    }
    u8::try_from(err.exit_code()).map_or(ExitCode::from(2), ExitCode::from)
}

//! The command line: every subcommand and flag, as clap types.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use noticec::diagnostics::Format;

/// noticec, the privacy notice compiler: checks privacy notices written in YAML against UK GDPR
/// Articles 13 and 14, and compiles them into every form a notice must take.
#[derive(Debug, Parser)]
#[command(name = "noticec", version, about, long_about = None)]
pub struct Cli {
    /// When to colour diagnostics.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true)]
    pub color: ColorChoice,
    /// The subcommand.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a notices file: YAML, schema, ids and references, values.
    ///
    /// Exit status: 0 clean, 1 problems in the notices, 2 usage or I/O error.
    Check(CheckArgs),
    /// Check the notices, then write every output into the output folder, replacing it whole.
    ///
    /// Writes `<id>/index.html`, `<id>/notice.txt`, `<id>/notice.jsonld`, `<id>/consent-form.html` for
    /// notices with a form, and `index.html`. Exit status: 0 built, 1 problems in the notices (or, with
    /// `--check`, a stale output folder), 2 usage or I/O error.
    Build(BuildArgs),
    /// Print the JSON Schema (draft 2020-12) of a notices file.
    Schema,
}

/// Arguments of `check`.
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// The notices file.
    #[arg(default_value = "notices.yaml")]
    pub file: PathBuf,
    /// How to print diagnostics.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// The largest input file accepted, in bytes.
    #[arg(long, default_value_t = 8 * 1024 * 1024, value_name = "BYTES")]
    pub max_input_bytes: u64,
}

/// When to colour output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour when writing to a terminal.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

/// Arguments of `build`.
#[derive(Debug, clap::Args)]
pub struct BuildArgs {
    /// The notices file.
    #[arg(default_value = "notices.yaml")]
    pub file: PathBuf,
    /// The output folder; replaced whole, so it must be empty, missing or a previous output.
    #[arg(long, default_value = "out", value_name = "DIR")]
    pub out: PathBuf,
    /// A folder of templates that replace the built-in ones by name (`notice.html.j2`, ...).
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
    /// Write nothing; exit 1 and list the stale files if the output folder differs from a fresh build.
    #[arg(long)]
    pub check: bool,
    /// How to print diagnostics.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// The largest input file accepted, in bytes.
    #[arg(long, default_value_t = 8 * 1024 * 1024, value_name = "BYTES")]
    pub max_input_bytes: u64,
}

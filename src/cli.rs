//! The command line: every subcommand and flag, as clap types.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use noticec::diagnostics::Format;
use noticec::load::Limits;

/// The longest review period `--max-age-months` takes: a hundred years. Every review period a data
/// protection officer would set is far inside it, and the date arithmetic cannot overflow.
const MAX_AGE_MONTHS: u64 = 1200;
/// The most `--max-input-bytes` and `--max-string-chars` take: 1 GiB, far above any notices file.
const MAX_INPUT_BYTES: u64 = 1 << 30;
/// The most `--max-notices` takes.
const MAX_NOTICES: u64 = 1_000_000;
/// The most `--max-depth` takes: a notices file nests about six levels deep.
const MAX_DEPTH: u64 = 256;

/// A parser of a whole number from `min` to `max`, whose message gives the range whatever is wrong
/// (a sign, a fraction, a unit, too many digits).
fn whole_number<T>(min: u64, max: u64) -> impl Fn(&str) -> Result<T, String> + Clone + Send + Sync
where
    T: TryFrom<u64>,
{
    move |text: &str| {
        let expected = format!("expected a whole number from {min} to {max}");
        let n = text
            .trim()
            .parse::<u64>()
            .map_err(|_| format!("{expected}, written in digits alone"))?;
        if !(min..=max).contains(&n) {
            return Err(format!("{n} is out of range: {expected}"));
        }
        T::try_from(n).map_err(|_| expected)
    }
}

/// Reads `--today` (or `NOTICEC_TODAY`): a calendar date as `YYYY-MM-DD`.
fn parse_today(text: &str) -> Result<jiff::civil::Date, String> {
    let expected =
        "expected a date as YYYY-MM-DD, such as 2026-11-24 (from --today or NOTICEC_TODAY)";
    if text.trim().is_empty() {
        return Err(format!(
            "it is empty; {expected}, or unset NOTICEC_TODAY to use the system date"
        ));
    }
    text.trim()
        .parse::<jiff::civil::Date>()
        .map_err(|e| format!("{expected}: {e}"))
}

/// noticec, the privacy notice compiler: checks privacy notices written in YAML against UK GDPR
/// Articles 13 and 14, and compiles them into every form a notice must take.
#[derive(Debug, Parser)]
#[command(name = "noticec", version, about, long_about = None)]
pub(crate) struct Cli {
    /// When to colour diagnostics.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true)]
    pub color: ColorChoice,
    /// The subcommand.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Check a notices file: YAML, schema, ids and references, values, then the completeness lint.
    ///
    /// Exit status: 0 clean (warnings allowed unless `--deny warnings`), 1 problems in the notices,
    /// 2 usage or I/O error.
    Check(CheckArgs),
    /// Check the notices, then write every output into the output folder, replacing it whole.
    ///
    /// Writes `<id>/index.html`, `<id>/notice.txt`, `<id>/notice.jsonld`, `<id>/consent-form.html` and
    /// `<id>/consent-record.jsonld` for notices with a form, and `index.html`. Exit status: 0 built, 1 problems in the notices (nothing
    /// written) or, with `--check`, a stale output folder, 2 usage or I/O error.
    Build(BuildArgs),
    /// Check the notices, then write a reviewer's report for the data protection officer: for each
    /// notice, every UK GDPR Art. 13 and 14 item, whether it is stated, and the findings about it.
    ///
    /// Writes `index.html` (every notice, most items missing first) and `<notice-id>.html` into the
    /// report folder, replacing it whole. Exit status: 0 written, 1 errors in the notices, or warnings
    /// under `--deny warnings` (nothing written), 2 usage or I/O error.
    Report(ReportArgs),
    /// Compare two versions of the notices file, per notice and per Art. 13/14 item, and say for each
    /// change whether people must be asked for consent again (`reconsent`), told before it applies
    /// (`notify`), or neither (`editorial`).
    ///
    /// `noticec diff` compares the working file with `HEAD`; `noticec diff REV` with a revision
    /// (`HEAD~1`, `v1.2`); `noticec diff A..B` two revisions; `noticec diff OLD NEW` two files or
    /// revisions. Exit status: 0 nothing material (or `--fail-on never`), 1 changes at or above the
    /// `--fail-on` class, 2 usage or I/O error, or a side that is not readable YAML.
    Diff(DiffArgs),
    /// Find which committed version of a notice has the content hash printed in a form's footer, and
    /// print that notice's text as it was.
    ///
    /// Exit status: 0 found, 1 no version matches, 2 usage or I/O error.
    VerifyForm(VerifyFormArgs),
    /// Print the JSON Schema (draft 2020-12) of a notices file, or write it with `--out`.
    ///
    /// Editors with the YAML language server read it through the modeline at the top of the notices
    /// file. Exit status: 0 printed or written, 2 I/O error.
    Schema(SchemaArgs),
    /// List the lint rules.
    Rules(RulesArgs),
    /// Explain a diagnostic code or lint rule: why it matters, and a bad and a good example.
    Explain(ExplainArgs),
    /// Start a project in DIR (default: this folder): a notices file with one example notice that
    /// checks clean, the schema beside it for editors, `noticec.toml`, `.gitignore` and a GitHub
    /// Actions workflow. Refuses to overwrite any file.
    Init(InitArgs),
    /// Print a shell completion script: `noticec completions bash > ~/.local/share/bash-completion/completions/noticec`.
    Completions(CompletionsArgs),
    /// Print the manual page (roff), or write one page per subcommand into a folder with `--out`.
    Man(ManArgs),
    /// Preview the outputs in a browser: build them in memory, serve them on a local port, and
    /// rebuild and reload the open pages when the notices file or the templates change.
    ///
    /// Serves every output at its path in the output folder (`/`, `/<id>/`, `/<id>/notice.txt`, ...);
    /// while the file has errors, every page shows them instead. Writes nothing. Stops on Ctrl-C (exit
    /// 0); a port in use, or an input that cannot be read at the start, exits 2.
    #[cfg(feature = "serve")]
    Serve(ServeArgs),
}

/// Arguments of `init`.
#[derive(Debug, clap::Args)]
pub(crate) struct InitArgs {
    /// The folder to start the project in; created when missing.
    #[arg(value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

/// Arguments of `completions`.
#[derive(Debug, clap::Args)]
pub(crate) struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// Arguments of `man`.
#[derive(Debug, clap::Args)]
pub(crate) struct ManArgs {
    /// Write `noticec.1` and `noticec-<subcommand>.1` into this folder instead of printing `noticec.1`.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

/// How to read the notices and report on them; shared by `check`, `build` and `report`. Every value
/// left out falls back to `noticec.toml` (see `config`), then to the built-in default.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct DiagnosticArgs {
    /// How to print diagnostics.
    #[arg(long, value_enum, default_value_t = FormatArg::Human)]
    pub format: FormatArg,
    /// Treat these as errors: `warnings` makes warnings fail the run.
    #[arg(long, value_enum, value_name = "WHAT")]
    pub deny: Vec<Deny>,
    /// Run only these lint rules: codes (`N401`), names (`missing-retention`), prefixes (`N4`) or `ALL`;
    /// comma-separated or repeated.
    #[arg(long, value_name = "RULES", value_delimiter = ',')]
    pub select: Vec<String>,
    /// Leave out these lint rules (as `--select` names them), even when selected.
    #[arg(long, value_name = "RULES", value_delimiter = ',')]
    pub ignore: Vec<String>,
    /// Print only what fails the run (errors, and warnings under `--deny warnings`), and nothing when
    /// it passes. Human format only; the machine formats always carry every finding.
    #[arg(short, long)]
    pub quiet: bool,
    /// Print how many times each code was found, most frequent first, instead of each finding (human
    /// or json format).
    #[arg(long)]
    pub statistics: bool,
    /// A notice last updated longer ago than this many months gets a note (rule N701); 1 to 1200.
    /// 24 when neither this nor `max-age-months` in noticec.toml is given.
    #[arg(
        long,
        value_name = "MONTHS",
        value_parser = whole_number::<i32>(1, MAX_AGE_MONTHS),
    )]
    pub max_age_months: Option<i32>,
    /// The date to treat as today for N701 (`YYYY-MM-DD`); the system date when absent.
    #[arg(long, value_name = "DATE", env = "NOTICEC_TODAY", value_parser = parse_today)]
    pub today: Option<jiff::civil::Date>,
    /// The configuration file; by default the first `noticec.toml` in this folder or one above it.
    #[arg(long, value_name = "FILE", conflicts_with = "isolated")]
    pub config: Option<PathBuf>,
    /// Read no `noticec.toml`: flags and built-in defaults only.
    #[arg(long)]
    pub isolated: bool,
    /// The largest input file accepted, in bytes; 1 to 1 GiB.
    #[arg(
        long,
        default_value_t = Limits::DEFAULT.max_bytes,
        value_name = "BYTES",
        value_parser = whole_number::<u64>(1, MAX_INPUT_BYTES),
    )]
    pub max_input_bytes: u64,
    /// The longest text value accepted, in characters; 1 to 1 GiB.
    #[arg(
        long,
        default_value_t = Limits::DEFAULT.max_string_chars,
        value_name = "CHARS",
        value_parser = whole_number::<usize>(1, MAX_INPUT_BYTES),
    )]
    pub max_string_chars: usize,
    /// The most notices a file may hold; 1 to 1,000,000.
    #[arg(
        long,
        default_value_t = Limits::DEFAULT.max_notices,
        value_name = "N",
        value_parser = whole_number::<usize>(1, MAX_NOTICES),
    )]
    pub max_notices: usize,
    /// The deepest nesting of lists and mappings accepted; 1 to 256.
    #[arg(
        long,
        default_value_t = Limits::DEFAULT.max_depth,
        value_name = "LEVELS",
        value_parser = whole_number::<usize>(1, MAX_DEPTH),
    )]
    pub max_depth: usize,
}

/// The values of `--format`: the library's [`Format`], which knows nothing of clap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// rustc-style text with the source line and a caret.
    Human,
    /// A JSON array with one object per diagnostic.
    Json,
    /// GitHub Actions workflow commands (annotations on pull requests).
    Github,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
    /// A Markdown report of every finding, for a CI job summary (`$GITHUB_STEP_SUMMARY`).
    Markdown,
    /// Code Climate JSON, for GitLab's Code Quality report.
    Gitlab,
}

impl From<FormatArg> for Format {
    fn from(arg: FormatArg) -> Format {
        match arg {
            FormatArg::Human => Format::Human,
            FormatArg::Json => Format::Json,
            FormatArg::Github => Format::Github,
            FormatArg::Sarif => Format::Sarif,
            FormatArg::Markdown => Format::Markdown,
            FormatArg::Gitlab => Format::Gitlab,
        }
    }
}

/// What `--deny` can make fail the run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Deny {
    /// Warnings fail the run (exit 1).
    Warnings,
}

/// Arguments of `check`.
#[derive(Debug, clap::Args)]
pub(crate) struct CheckArgs {
    /// The notices files; `-` reads standard input. `notices.yaml` (or the `file` of noticec.toml)
    /// when none is given.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Input and reporting.
    #[command(flatten)]
    pub diagnostics: DiagnosticArgs,
    /// Also check the version discipline against this git revision of the file (`HEAD`, `main`,
    /// `v1.2`): a notice with changes people must be told about needs a new `version` and
    /// `last_updated` (rule N707).
    #[arg(long, value_name = "REV")]
    pub since: Option<String>,
}

/// Arguments of `build`.
#[derive(Debug, clap::Args)]
pub(crate) struct BuildArgs {
    /// The notices file; `-` reads standard input. `notices.yaml` (or the `file` of noticec.toml) when
    /// absent.
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,
    /// Input and reporting.
    #[command(flatten)]
    pub diagnostics: DiagnosticArgs,
    /// The output folder; replaced whole, so it must be empty, missing or a previous output. `out` (or
    /// the `out` of noticec.toml) when absent.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// A folder of templates that replace the built-in ones by name (`notice.html.j2`, ...).
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
    /// Write nothing; exit 1 and list the stale files if the output folder differs from a fresh build.
    #[arg(long)]
    pub check: bool,
    /// The most characters of text the PDFs of one build may carry, counted over every PDF; a build
    /// over it is refused before any PDF is laid out. 1 to 1 GiB.
    #[arg(
        long,
        default_value_t = noticec::render::RenderLimits::DEFAULT.max_print_chars,
        value_name = "CHARS",
        value_parser = whole_number::<usize>(1, MAX_INPUT_BYTES),
    )]
    pub max_print_chars: usize,
}

/// Arguments of `serve`.
#[cfg(feature = "serve")]
#[derive(Debug, clap::Args)]
pub(crate) struct ServeArgs {
    /// The notices file. `notices.yaml` (or the `file` of noticec.toml) when absent.
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,
    /// Input and reporting.
    #[command(flatten)]
    pub diagnostics: DiagnosticArgs,
    /// A folder of templates that replace the built-in ones by name; watched too.
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
    /// The most characters of text the PDFs of one build may carry (as for `build`); 1 to 1 GiB.
    #[arg(
        long,
        default_value_t = noticec::render::RenderLimits::DEFAULT.max_print_chars,
        value_name = "CHARS",
        value_parser = whole_number::<usize>(1, MAX_INPUT_BYTES),
    )]
    pub max_print_chars: usize,
    /// The address to listen on; the default keeps the preview to this machine.
    #[arg(long, default_value = "127.0.0.1", value_name = "HOST")]
    pub host: String,
    /// The port to listen on; 0 picks a free one (the address is printed at the start).
    #[arg(long, default_value_t = 8000, value_name = "PORT")]
    pub port: u16,
}

/// Arguments of `diff`.
#[derive(Debug, clap::Args)]
pub(crate) struct DiffArgs {
    /// The old version: a file, a git revision of the notices file, or a range `A..B`; `HEAD` when
    /// absent.
    #[arg(value_name = "OLD")]
    pub old: Option<String>,
    /// The new version: a file or a git revision; the working notices file when absent.
    #[arg(value_name = "NEW")]
    pub new: Option<String>,
    /// How to print the changes: `human`, `json`, or `markdown` for a pull-request comment.
    #[arg(long, value_enum, default_value_t = DiffFormat::Human)]
    pub format: DiffFormat,
    /// The least class of change that fails the run (exit 1).
    #[arg(long, value_enum, default_value_t = FailOn::Notify, value_name = "CLASS")]
    pub fail_on: FailOn,
    /// The notices file and its limits.
    #[command(flatten)]
    pub history: HistoryArgs,
}

/// The notices file whose history is read, and the limit on each version read.
#[derive(Debug, clap::Args)]
pub(crate) struct HistoryArgs {
    /// The notices file: the working version, and the file whose git history revisions are read from.
    #[arg(long, default_value = "notices.yaml", value_name = "FILE")]
    pub file: PathBuf,
    /// The largest version of the file accepted, in bytes; 1 to 1 GiB.
    #[arg(
        long,
        default_value_t = Limits::DEFAULT.max_bytes,
        value_name = "BYTES",
        value_parser = whole_number::<u64>(1, MAX_INPUT_BYTES),
    )]
    pub max_input_bytes: u64,
}

impl HistoryArgs {
    /// The input limits: the default ones, with `--max-input-bytes`.
    pub(crate) fn limits(&self) -> Limits {
        Limits {
            max_bytes: self.max_input_bytes,
            ..Limits::DEFAULT
        }
    }
}

/// The formats of `diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum DiffFormat {
    /// Grouped by notice, each change with its class, place, reasons and provision.
    Human,
    /// One JSON object.
    Json,
    /// A table per notice, for a pull-request comment.
    Markdown,
}

/// The values of `--fail-on`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum FailOn {
    /// Changes people must be told about, or asked to consent to again.
    Notify,
    /// Only changes that need consent again.
    Reconsent,
    /// Never: always exit 0 once the diff is printed.
    Never,
}

/// Arguments of `verify-form`.
#[derive(Debug, clap::Args)]
pub(crate) struct VerifyFormArgs {
    /// The notice's id, as printed on the form.
    pub id: String,
    /// The content hash printed in the form's footer (12 hexadecimal digits; at least 6 accepted).
    pub hash: String,
    /// The notices file and its limits.
    #[command(flatten)]
    pub history: HistoryArgs,
}

/// Arguments of `report`.
#[derive(Debug, clap::Args)]
pub(crate) struct ReportArgs {
    /// The notices file; `-` reads standard input. `notices.yaml` (or the `file` of noticec.toml) when
    /// absent.
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,
    /// Input and reporting.
    #[command(flatten)]
    pub diagnostics: DiagnosticArgs,
    /// The report folder; replaced whole, so it must be empty, missing or a previous output.
    #[arg(long, default_value = "report", value_name = "DIR")]
    pub out: PathBuf,
}

/// Arguments of `schema`.
#[derive(Debug, clap::Args)]
pub(crate) struct SchemaArgs {
    /// Write the schema to this file, creating its folders, instead of printing it.
    #[arg(long, value_name = "PATH")]
    pub out: Option<PathBuf>,
}

/// Arguments of `rules`.
#[derive(Debug, clap::Args)]
pub(crate) struct RulesArgs {
    /// `human` for a table, `json` for an array of objects.
    #[arg(long, value_enum, default_value_t = ListFormat::Human)]
    pub format: ListFormat,
}

/// Output formats of `rules`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ListFormat {
    /// A table.
    Human,
    /// A JSON array.
    Json,
}

/// Arguments of `explain`.
#[derive(Debug, clap::Args)]
pub(crate) struct ExplainArgs {
    /// A code (`N401`, `E010`) or rule name (`missing-retention`).
    pub code: String,
}

/// When to colour output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ColorChoice {
    /// Colour when writing to a terminal.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

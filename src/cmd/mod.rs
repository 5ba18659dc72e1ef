//! One module per subcommand, plus what they share: printing and reporting diagnostics.

pub(crate) mod build;
pub(crate) mod check;
pub(crate) mod diff;
pub(crate) mod init;
pub(crate) mod report;
pub(crate) mod rules;
pub(crate) mod schema;
#[cfg(feature = "serve")]
pub(crate) mod serve;
pub(crate) mod shell;
pub(crate) mod verify;

use std::io::Write;

use std::path::{Path, PathBuf};

use noticec::diagnostics::{
    Diagnostic, Format, Severity, Statistic, github, gitlab, human, json, markdown, sarif,
};
use noticec::lint::{LintOptions, Selection};
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

/// What a `check`, `build` or `report` run uses, from its flags, then `noticec.toml`, then the
/// built-in defaults.
pub(crate) struct Settings {
    /// The input limits.
    pub limits: Limits,
    /// The lint's options, the rules selected among them.
    pub lint: LintOptions,
    /// Whether warnings fail the run.
    pub deny_warnings: bool,
    /// How to print diagnostics.
    pub format: Format,
    /// Print only what fails the run.
    pub quiet: bool,
    /// Print counts by code instead of each finding.
    pub statistics: bool,
    /// The configuration file read, with its contents.
    pub config: crate::config::Found,
}

impl Settings {
    /// Resolves the flags against the configuration file.
    pub(crate) fn new(args: &DiagnosticArgs) -> Result<Settings> {
        let config = crate::config::find(args.config.as_deref(), args.isolated)?;
        let c = &config.config;
        let pick = |flag: &[String], file: Option<&Vec<String>>| -> Vec<String> {
            if flag.is_empty() {
                file.cloned().unwrap_or_default()
            } else {
                flag.to_vec()
            }
        };
        let rules = Selection::new(
            &pick(&args.select, c.select.as_ref()),
            &pick(&args.ignore, c.ignore.as_ref()),
        )
        .map_err(|e| with_source(e.message, config.path.as_deref()))?;
        let deny_warnings = if args.deny.is_empty() {
            c.deny
                .as_ref()
                .is_some_and(|d| d.contains(&crate::config::DenyName::Warnings))
        } else {
            args.deny.contains(&Deny::Warnings)
        };
        let format = Format::from(args.format);
        if args.statistics && !matches!(format, Format::Human | Format::Json) {
            return Err("`--statistics` prints a table (human) or JSON (`--format json`); the other formats carry every finding".into());
        }
        Ok(Settings {
            limits: Limits {
                max_bytes: args.max_input_bytes,
                max_depth: args.max_depth,
                max_string_chars: args.max_string_chars,
                max_notices: args.max_notices,
            },
            lint: LintOptions {
                today: args.today.unwrap_or_else(today_utc),
                max_age_months: args
                    .max_age_months
                    .or(c.max_age_months)
                    .unwrap_or(noticec::lint::DEFAULT_MAX_AGE_MONTHS),
                rules,
            },
            deny_warnings,
            format,
            quiet: args.quiet,
            statistics: args.statistics,
            config,
        })
    }

    /// The notices file: the one given, else the configuration's, else `notices.yaml`.
    pub(crate) fn file(&self, given: Option<&Path>) -> PathBuf {
        given
            .map(Path::to_path_buf)
            .or_else(|| self.config.file())
            .unwrap_or_else(|| PathBuf::from("notices.yaml"))
    }

    /// A folder the flag gives, else the one the configuration gives (resolved against it).
    pub(crate) fn folder(
        &self,
        given: Option<&Path>,
        configured: impl Fn(&crate::config::Config) -> Option<&Path>,
    ) -> Option<PathBuf> {
        given
            .map(Path::to_path_buf)
            .or_else(|| configured(&self.config.config).map(|p| self.config.resolve(p)))
    }

    /// Whether the diagnostics fail the run: any error, or any warning under `--deny warnings`.
    pub(crate) fn fails(&self, checked: &noticec::Checked) -> bool {
        checked.report.has_errors()
            || (self.deny_warnings && checked.report.count(Severity::Warning) > 0)
    }
}

/// A selection error, naming the configuration file when the selection came from it.
fn with_source(message: String, config: Option<&Path>) -> Box<dyn std::error::Error> {
    match config {
        Some(path) => format!("{message} (reading `{}`)", path.display()).into(),
        None => message.into(),
    }
}

/// Today's date in UTC, from the system clock: the one place noticec reads the clock (for the lint's
/// age of notices; outputs never depend on it).
fn today_utc() -> jiff::civil::Date {
    let days = jiff::Timestamp::now().as_second().div_euclid(86_400);
    jiff::civil::date(1970, 1, 1)
        .checked_add(jiff::Span::new().try_days(days).unwrap_or_default())
        .unwrap_or(jiff::civil::date(1970, 1, 1))
}

/// The diagnostics to print: under `--quiet`, only those that fail the run.
fn shown<'a>(checked: &'a noticec::Checked, settings: &Settings) -> Vec<&'a Diagnostic> {
    checked
        .report
        .diagnostics
        .iter()
        .filter(|d| {
            !settings.quiet
                || d.severity == Severity::Error
                || (settings.deny_warnings && d.severity == Severity::Warning)
        })
        .collect()
}

/// Prints one file's diagnostics in the chosen format: human on stderr, the machine formats on stdout.
/// `file` is the name shown in the human summary.
pub(crate) fn report(
    checked: &noticec::Checked,
    file: &str,
    settings: &Settings,
    color: bool,
) -> Result<()> {
    report_many(&[(checked, file)], settings, color)
}

/// Prints the diagnostics of several files: the human format file by file, with a total when there is
/// more than one; each machine format as one document over every file.
pub(crate) fn report_many(
    files: &[(&noticec::Checked, &str)],
    settings: &Settings,
    color: bool,
) -> Result<()> {
    let stats = noticec::diagnostics::statistics(files.iter().map(|(c, _)| &c.report));
    if settings.statistics {
        return match settings.format {
            Format::Json => print(&json_statistics(&stats)),
            _ => print(&human::statistics(&stats)),
        };
    }
    let owned: Vec<Diagnostic> = files
        .iter()
        .flat_map(|(c, _)| c.report.diagnostics.iter().cloned())
        .collect();
    match settings.format {
        Format::Human => {
            let choice = if color {
                anstream::ColorChoice::Always
            } else {
                anstream::ColorChoice::Never
            };
            let mut err = anstream::AutoStream::new(std::io::stderr().lock(), choice);
            for (checked, file) in files {
                let shown: Vec<Diagnostic> =
                    shown(checked, settings).into_iter().cloned().collect();
                if settings.quiet && shown.is_empty() {
                    continue;
                }
                let rendered = human::render(&shown, checked.source_text(), color);
                let count = checked.notices.as_ref().map(|n| n.notices.len());
                let summary = human::summary(&checked.report.diagnostics, file, count);
                let _ = writeln!(err, "{rendered}{summary}");
            }
            if !settings.quiet {
                if files.len() > 1 {
                    let _ = writeln!(
                        err,
                        "{}",
                        human::summary(&owned, &format!("{} files", files.len()), None)
                    );
                }
                if let Some(start) = human::where_to_start(&stats) {
                    let _ = writeln!(err, "{start}");
                }
            }
        }
        Format::Json => print(&json::render(&owned))?,
        Format::Github => print(&github::render(&owned))?,
        Format::Sarif => print(&sarif::render(&owned))?,
        Format::Markdown => {
            let names: Vec<&str> = files.iter().map(|(_, name)| *name).collect();
            print(&markdown::render(&owned, &names.join(", ")))?;
        }
        Format::Gitlab => print(&gitlab::render(&owned))?,
    }
    Ok(())
}

/// `--statistics --format json`: an array of `{code, name, severity, count}`.
fn json_statistics(stats: &[Statistic]) -> String {
    let mut text = serde_json::to_string_pretty(stats).unwrap_or_else(|_| "[]".to_owned());
    text.push('\n');
    text
}

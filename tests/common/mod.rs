//! What the test files share: the real `noticec` binary run in a folder of its own, temporary folders
//! holding fixture files, the repository's fixtures, and `noticec check` computed in-process.
//!
//! Every file under `tests/` is a crate of its own and uses only a part of this module (`mod common;`),
//! hence the `dead_code` allowance.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use serde_json::Value;
use tempfile::TempDir;

/// The crate root: the repository's `notices.yaml`, `out/` and `tests/fixtures/` are under it.
pub(crate) const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The date every run treats as today (rule N701 measures from it), as the flag takes it.
pub(crate) const TODAY: &str = "2026-11-24";

/// [`TODAY`] as a date, for the library.
pub(crate) fn today() -> jiff::civil::Date {
    jiff::civil::date(2026, 11, 24)
}

/// How long one run of the binary may go on before it is killed as hung. This keeps a hang from
/// stalling the suite; it is not a speed bound (speed is measured by benchmarks, never asserted in
/// tests), so it is far above any normal run on a loaded machine.
pub(crate) const HANG_GUARD: Duration = Duration::from_secs(300);

// The real binary -------------------------------------------------------------------------------------

/// The path of the `noticec` binary cargo built for these tests.
pub(crate) fn binary() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_noticec"))
}

/// Sets what every run of the binary shares: it runs in `dir`, today is [`TODAY`] (through
/// `NOTICEC_TODAY`) and `NO_COLOR` is unset, so the output depends on neither the machine nor the date.
pub(crate) fn prepare<'c>(command: &'c mut Command, dir: &Path) -> &'c mut Command {
    command
        .current_dir(dir)
        .env("NOTICEC_TODAY", TODAY)
        .env_remove("NO_COLOR")
}

/// `noticec` as a command that runs in `dir`, prepared as [`prepare`] says; add the arguments.
pub(crate) fn command(dir: &Path) -> Command {
    let mut command = Command::new(binary());
    prepare(&mut command, dir);
    command
}

/// Runs `noticec ARGS` in `dir`.
pub(crate) fn noticec(dir: &Path, args: &[&str]) -> Run {
    let mut command = command(dir);
    command.args(args);
    Run::of(command)
}

/// What one run of the binary gave.
#[derive(Debug)]
pub(crate) struct Run {
    /// The exit code; `None` when a signal ended the run.
    pub(crate) code: Option<i32>,
    /// The signal that ended the run, if one did (a hung run killed by the guard shows 9).
    pub(crate) signal: Option<i32>,
    /// Standard output, with any bytes that are not UTF-8 replaced.
    pub(crate) stdout: String,
    /// Standard error, with any bytes that are not UTF-8 replaced.
    pub(crate) stderr: String,
}

impl Run {
    /// Runs a command to its end, killing it if it runs past [`HANG_GUARD`].
    pub(crate) fn of(command: Command) -> Run {
        let output = assert_cmd::Command::from_std(command)
            .timeout(HANG_GUARD)
            .output()
            .expect("noticec starts");
        #[cfg(unix)]
        let signal = std::os::unix::process::ExitStatusExt::signal(&output.status);
        #[cfg(not(unix))]
        let signal = None;
        Run {
            code: output.status.code(),
            signal,
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }

    /// Asserts the exit code, showing stderr when it is wrong.
    pub(crate) fn expect(&self, code: i32, what: &str) {
        assert_eq!(
            self.code,
            Some(code),
            "{what}: exit code\nstderr:\n{}",
            self.stderr
        );
    }

    /// The exit code and one stream, as a snapshot shows them.
    pub(crate) fn transcript(&self, stream: &str, text: &str) -> String {
        let code = self
            .code
            .map_or("none (killed by a signal)".into(), |c| c.to_string());
        format!("exit code: {code}\n--- {stream} ---\n{text}")
    }

    /// Stdout parsed as JSON.
    pub(crate) fn json(&self) -> Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| {
            panic!(
                "stdout is not JSON ({e}):\n{}\nstderr:\n{}",
                self.stdout, self.stderr
            )
        })
    }
}

// `noticec check` in-process ------------------------------------------------------------------------

/// The lint options every run shares: today is [`TODAY`], the default review period.
pub(crate) fn lint_options() -> noticec::lint::LintOptions {
    noticec::lint::LintOptions {
        today: today(),
        max_age_months: noticec::lint::DEFAULT_MAX_AGE_MONTHS,
        rules: noticec::lint::Selection::default(),
    }
}

/// A notices file under the crate root checked in-process with the default limits and [`lint_options`],
/// as `noticec check` checks it.
pub(crate) fn checked(file: &str) -> noticec::Checked {
    let source = noticec::load::SourceFile {
        name: file.to_owned(),
        bytes: std::fs::read(Path::new(ROOT).join(file))
            .unwrap_or_else(|e| panic!("{file}: cannot be read: {e}")),
    };
    noticec::check_source(&source, &noticec::load::Limits::DEFAULT, &lint_options())
}

/// What `noticec check FILE --color never --today 2026-11-24 [--format json] [--deny warnings]` prints
/// and exits with when run from the crate root, computed in-process: the same library calls and the same
/// rendering as `src/cmd/check.rs`, without starting a process. `file` is relative to the crate root
/// (and named so in the diagnostics) or absolute. `tests/lint.rs` checks that it agrees with the binary.
pub(crate) fn check(file: &str, json: bool, deny_warnings: bool) -> Run {
    use noticec::diagnostics::{Severity, human};

    let checked = checked(file);
    let diagnostics = &checked.report.diagnostics;
    let fails = checked.report.has_errors()
        || (deny_warnings && checked.report.count(Severity::Warning) > 0);
    let (stdout, stderr) = if json {
        (
            noticec::diagnostics::json::render(diagnostics),
            String::new(),
        )
    } else {
        let rendered = human::render(diagnostics, checked.source_text(), false);
        let count = checked.notices.as_ref().map(|n| n.notices.len());
        let summary = human::summary(diagnostics, file, count);
        let start = human::where_to_start(&checked.report.statistics())
            .map(|line| format!("{line}\n"))
            .unwrap_or_default();
        (String::new(), format!("{rendered}{summary}\n{start}"))
    };
    Run {
        code: Some(i32::from(fails)),
        signal: None,
        stdout,
        stderr,
    }
}

// Fixtures and folders ----------------------------------------------------------------------------------

/// The repository's example notices, `notices.yaml`.
pub(crate) fn example_notices() -> String {
    std::fs::read_to_string(Path::new(ROOT).join("notices.yaml")).expect("read notices.yaml")
}

/// A temporary folder holding the given files (name, contents).
pub(crate) fn dir_with<B: AsRef<[u8]>>(files: &[(&str, B)]) -> TempDir {
    let dir = tempfile::tempdir().expect("a temporary directory");
    for (name, bytes) in files {
        std::fs::write(dir.path().join(name), bytes).expect("write a test file");
    }
    dir
}

/// A path under the crate root, relative to it, with `/` separators: how the diagnostics name a
/// fixture when `noticec` runs from the crate root.
pub(crate) fn relative(path: &Path) -> String {
    path.strip_prefix(ROOT)
        .expect("fixtures lie inside the crate")
        .to_string_lossy()
        .replace('\\', "/")
}

/// Every file under `root` with its bytes, by relative path with `/` separators. Symbolic links are
/// read as files.
pub(crate) fn files_under(root: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(root: &Path, rel: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        let dir = root.join(rel);
        let mut entries: Vec<_> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
            .map(|e| e.expect("a directory entry"))
            .collect();
        entries.sort_by_key(std::fs::DirEntry::file_name);
        for entry in entries {
            let child: PathBuf = rel.join(entry.file_name());
            if entry.file_type().expect("a file type").is_dir() {
                walk(root, &child, out);
            } else {
                let key = child.to_string_lossy().replace('\\', "/");
                let bytes = std::fs::read(root.join(&child)).expect("read a file");
                out.insert(key, bytes);
            }
        }
    }
    let mut files = BTreeMap::new();
    walk(root, Path::new(""), &mut files);
    files
}

/// A tiny deterministic random number generator (xorshift64), so random inputs and timings are the
/// same on every run.
pub(crate) struct XorShift(pub u64);

impl XorShift {
    /// The next number.
    pub(crate) fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
}

/// The words of an explanation's two prose sections, "What it finds" and "Why it matters".
pub(crate) fn prose_words(text: &str) -> usize {
    let start = text
        .find("## What it finds")
        .expect("has `## What it finds`");
    let end = text.find("## Example").expect("has `## Example`");
    text[start..end]
        .lines()
        .filter(|l| !l.starts_with("## "))
        .flat_map(str::split_whitespace)
        .count()
}

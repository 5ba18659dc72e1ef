//! Every flag and environment variable of `check`, `build` and `report` at its edges: the minimum and
//! maximum are taken (exit 0 or 1), just past each, garbage and an empty value are refused with exit 2
//! and a message naming the flag and the form it wants, and no value panics. A run whose stderr cannot
//! be written (a full device, a closed pipe) still ends with its exit code, never a panic.

// Tests may panic: a failed unwrap or expect in a helper is a failed test.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::string_slice,
    clippy::indexing_slicing
)]

mod common;

use std::path::Path;
use std::process::{Command, Stdio};

use common::{Run, example_notices};

/// The subcommands that read notices, with the arguments each needs in a test folder.
const COMMANDS: &[&[&str]] = &[
    &["check"],
    &["build", "--out", "out"],
    &["report", "--out", "report"],
];

/// A numeric flag: its name, its smallest and largest values, and values it must refuse.
struct Numeric {
    flag: &'static str,
    min: &'static str,
    max: &'static str,
    refused: &'static [&'static str],
}

/// Every numeric flag, with its range.
const NUMERIC: &[Numeric] = &[
    Numeric {
        flag: "--max-age-months",
        min: "1",
        max: "1200",
        refused: &[
            "0",
            "1201",
            "-1",
            "300000",
            "-300000",
            "2147483648",
            "twelve",
            "1.5",
            "",
        ],
    },
    Numeric {
        flag: "--max-input-bytes",
        min: "1",
        max: "1073741824",
        refused: &[
            "0",
            "1073741825",
            "18446744073709551615",
            "18446744073709551616",
            "-1",
            "8M",
            "",
        ],
    },
    Numeric {
        flag: "--max-string-chars",
        min: "1",
        max: "1073741824",
        refused: &["0", "1073741825", "18446744073709551615", "-1", "many", ""],
    },
    Numeric {
        flag: "--max-notices",
        min: "1",
        max: "1000000",
        refused: &["0", "1000001", "18446744073709551615", "-1", "x", ""],
    },
    Numeric {
        flag: "--max-depth",
        min: "1",
        max: "256",
        refused: &["0", "257", "18446744073709551615", "-1", "deep", ""],
    },
];

/// A folder holding the example notices.
fn project() -> tempfile::TempDir {
    common::dir_with(&[("notices.yaml", example_notices())])
}

/// Runs `noticec ARGS --color never` in `dir`, with `NOTICEC_TODAY` as given (unset when `None`).
fn run(dir: &Path, args: &[&str], today: Option<&str>) -> Run {
    let mut command = common::command(dir);
    command.args(args).args(["--color", "never"]);
    match today {
        Some(value) => command.env("NOTICEC_TODAY", value),
        None => command.env_remove("NOTICEC_TODAY"),
    };
    Run::of(command)
}

/// Asserts a run was refused as a usage error naming `name`.
fn refused(run: &Run, name: &str, what: &str) {
    assert_eq!(
        run.signal, None,
        "{what}: killed by a signal\n{}",
        run.stderr
    );
    assert_eq!(
        run.code,
        Some(2),
        "{what}: exit code\nstderr:\n{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(name),
        "{what}: names {name}\n{}",
        run.stderr
    );
}

/// Asserts a run was taken: it checked the notices (exit 0 or 1) and did not panic.
fn taken(run: &Run, what: &str) {
    assert_eq!(
        run.signal, None,
        "{what}: killed by a signal\n{}",
        run.stderr
    );
    assert!(
        matches!(run.code, Some(0 | 1)),
        "{what}: exit code {:?}\nstderr:\n{}",
        run.code,
        run.stderr
    );
}

// Ensures each numeric flag takes its minimum and maximum, refuses just past each, garbage and an
// empty value with a message naming the flag and its range, on every command.
#[test]
fn numeric_flags_take_their_range_and_refuse_the_rest() {
    let dir = project();
    // The smallest input limit is taken with a one-byte file.
    std::fs::write(dir.path().join("tiny.yaml"), "#").unwrap();
    for command in COMMANDS {
        for flag in NUMERIC {
            for value in [flag.min, flag.max] {
                let file = if flag.flag == "--max-input-bytes" && value == "1" {
                    "tiny.yaml"
                } else {
                    "notices.yaml"
                };
                let mut args = command.to_vec();
                args.extend([file, flag.flag, value]);
                taken(
                    &run(dir.path(), &args, Some(common::TODAY)),
                    &args.join(" "),
                );
            }
            for folder in ["out", "report"] {
                let _ = std::fs::remove_dir_all(dir.path().join(folder));
            }
            for value in flag.refused {
                let arg = format!("{}={value}", flag.flag);
                let mut args = command.to_vec();
                args.push(&arg);
                let what = args.join(" ");
                let run = run(dir.path(), &args, Some(common::TODAY));
                refused(&run, flag.flag, &what);
                if !value.is_empty() {
                    assert!(
                        run.stderr
                            .contains(&format!("from {} to {}", flag.min, flag.max)),
                        "{what}: gives the range\n{}",
                        run.stderr
                    );
                }
            }
            for folder in ["out", "report"] {
                assert!(
                    !dir.path().join(folder).exists(),
                    "{} {}: a refused run writes nothing",
                    command.join(" "),
                    flag.flag
                );
            }
        }
    }
}

// Ensures `build --max-print-chars` takes 1 to 1 GiB: garbage, 0, past the maximum and empty are
// usage errors naming the flag and the range; the maximum builds; a limit the notices pass is refused
// by the build itself (exit 2, naming the flag) and writes nothing.
#[test]
fn the_print_limit_takes_its_range_and_refuses_the_rest() {
    let dir = project();
    for value in ["0", "1073741825", "18446744073709551616", "-1", "lots", ""] {
        let arg = format!("--max-print-chars={value}");
        let args = ["build", "--out", "out", &arg];
        let run = run(dir.path(), &args, Some(common::TODAY));
        refused(&run, "--max-print-chars", &args.join(" "));
        if !value.is_empty() {
            assert!(
                run.stderr.contains("from 1 to 1073741824"),
                "{value}: gives the range\n{}",
                run.stderr
            );
        }
        assert!(!dir.path().join("out").exists(), "{value}: writes nothing");
    }
    let over = run(
        dir.path(),
        &["build", "--out", "out", "--max-print-chars", "1"],
        Some(common::TODAY),
    );
    refused(&over, "--max-print-chars", "--max-print-chars 1");
    assert!(!dir.path().join("out").exists(), "1: writes nothing");
    taken(
        &run(
            dir.path(),
            &["build", "--out", "out", "--max-print-chars", "1073741824"],
            Some(common::TODAY),
        ),
        "--max-print-chars 1073741824",
    );
}

// Ensures `--today` and `NOTICEC_TODAY` take a calendar date at the edges of the calendar and refuse
// anything else (empty included) with a message naming both and the form `YYYY-MM-DD`.
#[test]
fn the_date_flag_and_variable_take_a_date_and_refuse_the_rest() {
    let dir = project();
    for command in COMMANDS {
        for value in ["0001-01-01", "2026-02-28", "9999-12-31"] {
            let mut args = command.to_vec();
            args.extend(["--today", value]);
            taken(&run(dir.path(), &args, None), &args.join(" "));
            taken(
                &run(dir.path(), command, Some(value)),
                &format!("NOTICEC_TODAY={value}"),
            );
        }
        for value in [
            "",
            " ",
            "2026-02-30",
            "2026-13-01",
            "24/11/2026",
            "today",
            "-1",
        ] {
            let arg = format!("--today={value}");
            let mut args = command.to_vec();
            args.push(&arg);
            let what = args.join(" ");
            let from_flag = run(dir.path(), &args, None);
            refused(&from_flag, "--today", &what);
            assert!(
                from_flag.stderr.contains("YYYY-MM-DD"),
                "{what}\n{}",
                from_flag.stderr
            );
            let from_env = run(dir.path(), command, Some(value));
            let what = format!("NOTICEC_TODAY={value:?}");
            refused(&from_env, "NOTICEC_TODAY", &what);
            assert!(
                from_env.stderr.contains("YYYY-MM-DD"),
                "{what}\n{}",
                from_env.stderr
            );
        }
    }
}

// Ensures the choice flags refuse garbage and an empty value, naming the flag.
#[test]
fn choice_flags_refuse_garbage() {
    let dir = project();
    for command in COMMANDS {
        for flag in ["--format", "--deny", "--color"] {
            for value in ["", "loud"] {
                let arg = format!("{flag}={value}");
                let mut args = command.to_vec();
                args.push(&arg);
                refused(
                    &run(dir.path(), &args, Some(common::TODAY)),
                    flag,
                    &args.join(" "),
                );
            }
        }
    }
}

// Ensures a `--templates` that is missing, or a file, is refused (exit 2, the path named) instead of
// quietly building with the built-in templates.
#[test]
fn a_missing_or_file_templates_folder_is_refused() {
    let dir = project();
    for templates in ["no-such-folder", "notices.yaml"] {
        let run = run(
            dir.path(),
            &["build", "--out", "out", "--templates", templates],
            Some(common::TODAY),
        );
        refused(&run, templates, &format!("--templates {templates}"));
        assert!(!dir.path().join("out").exists(), "nothing written");
    }
}

/// Runs `noticec ARGS` with stderr going to `stderr`, and returns the exit code and signal.
fn with_stderr(dir: &Path, args: &[&str], stderr: Stdio) -> (Option<i32>, Option<i32>) {
    let mut command = common::command(dir);
    command.args(args).stdout(Stdio::null()).stderr(stderr);
    let status = command.status().unwrap();
    (
        status.code(),
        std::os::unix::process::ExitStatusExt::signal(&status),
    )
}

/// Runs `noticec ARGS` with stderr a pipe whose reading end is closed before the run writes to it.
fn with_closed_stderr(dir: &Path, args: &[&str]) -> (Option<i32>, Option<i32>) {
    let mut command: Command = common::command(dir);
    command
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    let mut child = command.spawn().unwrap();
    drop(child.stderr.take());
    let status = child.wait().unwrap();
    (
        status.code(),
        std::os::unix::process::ExitStatusExt::signal(&status),
    )
}

// Ensures a run whose stderr cannot be written (a full device, or a pipe closed by `head`) ends with
// the exit code of its outcome, never a panic (101): a missing file is still 2, a usage error 2, a
// build of notices with warnings 0, a check denied by its warnings 1, help 0.
#[test]
fn an_unwritable_stderr_never_changes_the_exit_code() {
    let dir = project();
    let cases: &[(&[&str], i32)] = &[
        (&["check", "missing.yaml"], 2),
        (&["check", "--max-depth", "0"], 2),
        (&["check", "--no-such-flag"], 2),
        (&["check"], 0),
        (&["check", "--deny", "warnings"], 1),
        (&["build", "--out", "out"], 0),
        (&["--help"], 0),
    ];
    for (args, code) in cases {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let what = args.join(" ");
        assert_eq!(
            with_stderr(dir.path(), args, Stdio::from(full)),
            (Some(*code), None),
            "{what} with stderr on /dev/full"
        );
        assert_eq!(
            with_closed_stderr(dir.path(), args),
            (Some(*code), None),
            "{what} with stderr on a closed pipe"
        );
    }
}

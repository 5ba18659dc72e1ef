//! Hostile inputs: files that are broken, huge, deeply nested, binary or built to exhaust a parser.
//!
//! Each input is generated in a temporary directory when the test runs; none is committed. The real binary
//! runs on it under, where `prlimit` exists, a 1 GiB address-space limit, so a memory blow-up fails the
//! test instead of stalling the machine (and a hang is killed by [`common::HANG_GUARD`]). For every input
//! the binary must finish by itself (no signal), exit 1 (problems in the file) or 2 (cannot read it), say
//! something that names the problem, and give a line and column when the fault has one.
//!
//! How fast that is, is not asserted here: speed is measured by benchmarks, never by a wall-clock limit
//! in a test, which fails on a busy machine. Where an input exists to show that the work is bounded
//! (`many_dangling_references_do_bounded_work`), the test counts the work instead. The big inputs run
//! one at a time, in the `heavy` test group of `.config/nextest.toml`.

// Tests may panic: a failed unwrap or expect in a helper is a failed test.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::string_slice,
    clippy::indexing_slicing
)]

mod common;

use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;
use std::sync::OnceLock;

use serde_json::Value;
use tempfile::TempDir;

use common::{Run, XorShift};

/// The address space a run may use, in bytes (1 GiB).
const ADDRESS_SPACE: u64 = 1 << 30;

/// Where a diagnostic must point, when the fault has a place.
#[derive(Debug, Clone, Copy)]
enum Place {
    /// Nowhere: the file could not be read (exit 2), or the fault is the file as a whole.
    Unplaced,
    /// Some line and column.
    Any,
    /// This line, any column.
    Line(u64),
    /// This line and column.
    At(u64, u64),
}

/// What a case expects.
#[derive(Clone, Copy)]
struct Expect {
    /// The exit code.
    code: i32,
    /// Groups of words; the output must contain at least one word of each group (case-insensitive).
    mentions: &'static [&'static [&'static str]],
    /// Where the first diagnostic must point.
    place: Place,
}

/// Whether `prlimit` can run programs here.
fn prlimit() -> bool {
    static FOUND: OnceLock<bool> = OnceLock::new();
    *FOUND.get_or_init(|| {
        let found = cfg!(target_os = "linux")
            && Command::new("prlimit")
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success());
        if !found {
            eprintln!("prlimit not found: running without the address-space limit");
        }
        found
    })
}

/// Runs `noticec ARGS` in `dir` under the memory limit, where possible.
fn run(dir: &Path, args: &[&str]) -> Run {
    let mut command = if prlimit() {
        let mut c = Command::new("prlimit");
        c.arg(format!("--as={ADDRESS_SPACE}"))
            .arg("--")
            .arg(common::binary());
        c
    } else {
        Command::new(common::binary())
    };
    common::prepare(&mut command, dir).args(args);
    Run::of(command)
}

/// A shortened copy of some output, for failure messages.
fn excerpt(text: &str) -> String {
    let mut out: String = text.chars().take(2000).collect();
    if out.len() < text.len() {
        out.push_str("\n[…]");
    }
    out
}

/// Checks what every run must do: finish by itself with an expected code and a message.
fn check_outcome(name: &str, format: &str, outcome: &Run, expect: &Expect) {
    let shown = format!(
        "stdout:\n{}\nstderr:\n{}",
        excerpt(&outcome.stdout),
        excerpt(&outcome.stderr)
    );
    assert_eq!(
        outcome.signal, None,
        "{name} ({format}): killed by a signal (the hang guard kills with 9)\n{shown}"
    );
    assert!(
        !outcome.stderr.contains("panicked"),
        "{name} ({format}): panicked\n{shown}"
    );
    assert!(
        matches!(outcome.code, Some(1 | 2)),
        "{name} ({format}): exit code {:?} is neither 1 nor 2\n{shown}",
        outcome.code
    );
    assert_eq!(
        outcome.code,
        Some(expect.code),
        "{name} ({format}): exit code\n{shown}"
    );
    let all = format!("{}{}", outcome.stdout, outcome.stderr);
    assert!(!all.trim().is_empty(), "{name} ({format}): printed nothing");
    let lower = all.to_lowercase();
    for group in expect.mentions {
        assert!(
            group.iter().any(|w| lower.contains(&w.to_lowercase())),
            "{name} ({format}): the output mentions none of {group:?}\n{shown}"
        );
    }
}

/// Runs `noticec check FILE` on a hostile input in both formats and checks the outcome; returns the
/// diagnostics of the JSON run (none when the file could not be read).
fn hostile(name: &str, dir: &Path, file: &str, extra: &[&str], expect: Expect) -> Vec<Value> {
    let mut args = vec!["check", file, "--color", "never"];
    args.extend_from_slice(extra);
    let human = run(dir, &args);
    check_outcome(name, "human", &human, &expect);
    if expect.code == 1 {
        assert!(
            human.stderr.contains("error[E0"),
            "{name}: a diagnostic with a code\n{}",
            excerpt(&human.stderr)
        );
    }

    args.extend_from_slice(&["--format", "json"]);
    let json = run(dir, &args);
    check_outcome(name, "json", &json, &expect);
    if expect.code == 2 {
        return Vec::new();
    }
    let items: Vec<Value> = serde_json::from_str(&json.stdout).unwrap_or_else(|e| {
        panic!(
            "{name}: stdout is not a JSON array ({e})\n{}",
            excerpt(&json.stdout)
        )
    });
    let first = items
        .first()
        .unwrap_or_else(|| panic!("{name}: exit 1 with no diagnostic"));
    let (line, column) = (first["line"].as_u64(), first["column"].as_u64());
    let place = format!("{}:{}", first["line"], first["column"]);
    match expect.place {
        Place::Unplaced => {}
        Place::Any => assert!(
            line.is_some() && column.is_some(),
            "{name}: the diagnostic has no line and column: {first:#}"
        ),
        Place::Line(l) => assert_eq!(
            line,
            Some(l),
            "{name}: the diagnostic points at {place}, the fault is on line {l}: {first:#}"
        ),
        Place::At(l, c) => assert_eq!(
            (line, column),
            (Some(l), Some(c)),
            "{name}: the diagnostic points at {place}, the fault is at {l}:{c}: {first:#}"
        ),
    }
    items
}

/// A temporary directory holding one file, `notices.yaml`, with these bytes.
fn with_file(bytes: impl AsRef<[u8]>) -> TempDir {
    common::dir_with(&[("notices.yaml", bytes)])
}

const F: &str = "notices.yaml";

// Broken YAML ------------------------------------------------------------------------------------------

#[test]
fn invalid_yaml_syntax() {
    let dir = with_file(
        "notices:\n  - id: example\n    title: \"Example privacy notice\n    version: \"1\"\n",
    );
    hostile(
        "invalid syntax",
        dir.path(),
        F,
        &[],
        Expect {
            code: 1,
            mentions: &[&["E001"], &["invalid YAML"]],
            place: Place::Line(3),
        },
    );
}

#[test]
fn tab_indentation() {
    // The tab that breaks the file is on line 3, column 1.
    let dir = with_file("notices:\n  - id: example\n\ttitle: Example privacy notice\n");
    hostile(
        "tab indentation",
        dir.path(),
        F,
        &[],
        Expect {
            code: 1,
            mentions: &[&["E001"], &["tab"]],
            place: Place::Line(3),
        },
    );
}

#[test]
fn duplicate_keys() {
    let dir = with_file(
        "notices:\n  - id: example\n    title: One\n    version: \"1\"\n    title: Two\n    kind: main\n",
    );
    hostile(
        "duplicate keys",
        dir.path(),
        F,
        &[],
        Expect {
            code: 1,
            mentions: &[&["E005"], &["duplicate key `title`"]],
            place: Place::At(5, 5),
        },
    );
}

#[test]
fn duplicate_notice_id() {
    let notice = "  - id: example\n    title: Example\n    version: \"1\"\n    kind: main\n";
    let dir = with_file(format!("notices:\n{notice}{notice}"));
    hostile(
        "duplicate notice id",
        dir.path(),
        F,
        &[],
        Expect {
            code: 1,
            mentions: &[&["E020"], &["duplicate"], &["example"]],
            place: Place::At(6, 9),
        },
    );
}

// Bytes that are not YAML text -------------------------------------------------------------------------

#[test]
fn non_utf8_bytes() {
    let dir = with_file(b"notices:\n  - id: caf\xE9\n".as_slice());
    hostile(
        "non-UTF-8 bytes",
        dir.path(),
        F,
        &[],
        Expect {
            code: 1,
            mentions: &[&["E002"], &["UTF-8"]],
            place: Place::At(2, 12),
        },
    );
}

#[test]
fn nul_bytes() {
    let dir = with_file(b"notices:\n  - id: a\0b\n".as_slice());
    hostile(
        "NUL bytes",
        dir.path(),
        F,
        &[],
        Expect {
            code: 1,
            mentions: &[&["E002"], &["NUL"]],
            place: Place::At(2, 10),
        },
    );
}

#[test]
fn one_megabyte_of_random_bytes() {
    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
    let bytes: Vec<u8> = (0..1 << 20).map(|_| rng.next() as u8).collect();
    let dir = with_file(bytes);
    hostile(
        "1 MB of random bytes",
        dir.path(),
        F,
        &[],
        Expect {
            code: 1,
            mentions: &[&["E002"], &["UTF-8", "NUL"]],
            place: Place::Any,
        },
    );
}

// Files without notices --------------------------------------------------------------------------------

#[test]
fn an_empty_file() {
    let dir = with_file("");
    hostile(
        "empty file",
        dir.path(),
        F,
        &[],
        Expect {
            code: 1,
            mentions: &[&["E003"], &["no notices"]],
            place: Place::Unplaced,
        },
    );
}

#[test]
fn a_file_of_only_comments() {
    let dir = with_file("# notices:\n#   - id: example\n\n   # nothing here\n");
    hostile(
        "only comments",
        dir.path(),
        F,
        &[],
        Expect {
            code: 1,
            mentions: &[&["E003"], &["no notices"]],
            place: Place::Unplaced,
        },
    );
}

#[test]
fn a_scalar_at_the_top_level() {
    let dir = with_file("hello\n");
    hostile(
        "scalar at top level",
        dir.path(),
        F,
        &[],
        Expect {
            code: 1,
            mentions: &[&["E012"], &["mapping"]],
            place: Place::At(1, 1),
        },
    );
}

#[test]
fn a_list_at_the_top_level() {
    let dir = with_file("- id: example\n  title: Example\n  version: \"1\"\n  kind: main\n");
    hostile(
        "list at top level",
        dir.path(),
        F,
        &[],
        Expect {
            code: 1,
            mentions: &[&["E012"], &["mapping"]],
            place: Place::At(1, 1),
        },
    );
}

#[test]
fn notices_is_a_number() {
    let dir = with_file("notices: 42\n");
    hostile(
        "notices: 42",
        dir.path(),
        F,
        &[],
        Expect {
            code: 1,
            mentions: &[&["E012"], &["list"], &["42"]],
            place: Place::At(1, 10),
        },
    );
}

#[test]
fn an_unknown_top_level_key() {
    let dir = with_file(
        "notices:\n  - id: example\n    title: Example\n    version: \"1\"\n    kind: main\nnotice_list: []\n",
    );
    hostile(
        "unknown top-level key",
        dir.path(),
        F,
        &[],
        Expect {
            code: 1,
            mentions: &[&["E010"], &["notice_list"]],
            place: Place::At(6, 1),
        },
    );
}

// YAML features a notices file does not use ------------------------------------------------------------

#[test]
fn a_python_object_tag() {
    let dir = with_file("notices: !!python/object/apply:os.system [\"echo owned\"]\n");
    hostile(
        "!!python/object tag",
        dir.path(),
        F,
        &[],
        Expect {
            code: 1,
            mentions: &[&["E004"], &["tag"]],
            place: Place::Line(1),
        },
    );
}

#[test]
fn several_documents_in_one_file() {
    let doc = "notices:\n  - id: example\n    title: Example\n    version: \"1\"\n    kind: main\n";
    let dir = with_file(format!("{doc}---\n{doc}---\n{doc}"));
    hostile(
        "several documents",
        dir.path(),
        F,
        &[],
        Expect {
            code: 1,
            mentions: &[&["E004"], &["more than one"]],
            place: Place::At(6, 1),
        },
    );
}

#[test]
fn an_alias_bomb() {
    // Billion laughs: nine levels of nine aliases each, 9^9 strings if expanded.
    let mut text = String::from(
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    let names: Vec<char> = ('a'..='j').collect();
    for pair in names.windows(2) {
        let (prev, this) = (pair[0], pair[1]);
        let refs = vec![format!("*{prev}"); 9].join(",");
        writeln!(text, "{this}: &{this} [{refs}]").unwrap();
    }
    text.push_str("notices: *j\n");
    let dir = with_file(text);
    hostile(
        "alias bomb",
        dir.path(),
        F,
        &[],
        Expect {
            code: 1,
            mentions: &[&["E004"], &["alias", "anchor"]],
            // Refused at the first anchor, before any alias can be expanded.
            place: Place::At(1, 4),
        },
    );
}

// Deep nesting -----------------------------------------------------------------------------------------

#[test]
fn two_hundred_thousand_nested_brackets() {
    let dir = with_file("[".repeat(200_000));
    hostile(
        "200,000 nested [",
        dir.path(),
        F,
        &[],
        Expect {
            code: 1,
            mentions: &[&["E001", "E006"], &["deep", "nesting", "recursion"]],
            place: Place::Line(1),
        },
    );
}

#[test]
fn two_hundred_thousand_nested_braces() {
    let dir = with_file("{".repeat(200_000));
    hostile(
        "200,000 nested {",
        dir.path(),
        F,
        &[],
        Expect {
            code: 1,
            mentions: &[&["E001", "E006"], &["deep", "nesting", "recursion"]],
            place: Place::Line(1),
        },
    );
}

#[test]
fn a_hundred_thousand_nested_block_sequences() {
    // `- - - … x`: each `- ` opens a block sequence inside the last, two columns further in.
    let dir = with_file(format!("{}x\n", "- ".repeat(100_000)));
    hostile(
        "100,000 nested `- ` on one line",
        dir.path(),
        F,
        &[],
        Expect {
            code: 1,
            mentions: &[&["E006"], &["deeper than the limit"]],
            place: Place::Line(1),
        },
    );
}

#[test]
fn block_sequences_one_line_deeper_each() {
    // One level per line, each line indented one more space. A hundred thousand such lines would take
    // 5 GB, which the size limit refuses unread; 4,000 levels is as deep as fits under the default 8 MiB.
    let levels = 4_000;
    let mut text = String::new();
    for i in 0..levels {
        writeln!(text, "{}-", " ".repeat(i)).unwrap();
    }
    assert!(text.len() < 8 * 1024 * 1024);
    let dir = with_file(text);
    hostile(
        "4,000 block sequence levels, one per line",
        dir.path(),
        F,
        &[],
        Expect {
            code: 1,
            mentions: &[&["E006"], &["deeper than the limit"]],
            place: Place::At(33, 33),
        },
    );
}

// Size ------------------------------------------------------------------------------------------------

fn twenty_megabyte_line() -> TempDir {
    let mut text = String::with_capacity(20 * 1024 * 1024 + 16);
    text.push_str("notices: ");
    text.push_str(&"a".repeat(20 * 1024 * 1024));
    text.push('\n');
    with_file(text)
}

#[test]
fn a_twenty_megabyte_line_is_refused_by_size() {
    let dir = twenty_megabyte_line();
    hostile(
        "20 MB single line",
        dir.path(),
        F,
        &[],
        Expect {
            code: 2,
            mentions: &[&["over the limit"], &["--max-input-bytes"]],
            place: Place::Unplaced,
        },
    );
}

#[test]
fn a_twenty_megabyte_line_under_a_raised_limit_is_parsed() {
    let dir = twenty_megabyte_line();
    hostile(
        "20 MB single line, limit raised to 32 MiB",
        dir.path(),
        F,
        &[
            "--max-input-bytes",
            "33554432",
            "--max-string-chars",
            "33554432",
        ],
        Expect {
            code: 1,
            mentions: &[&["E012"], &["expected a list"]],
            place: Place::At(1, 10),
        },
    );
}

#[test]
#[cfg(target_os = "linux")]
fn an_endless_device_is_refused_without_reading_it_all() {
    // `/dev/zero` reports a size of 0, so a check of the size before reading lets it through; reading must
    // stop at the limit too, or a pipe or device is read until memory runs out.
    if !prlimit() {
        eprintln!("skipped: without prlimit a failure here would fill the memory");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let outcome = run(dir.path(), &["check", "/dev/zero", "--color", "never"]);
    check_outcome(
        "/dev/zero",
        "human",
        &outcome,
        &Expect {
            code: 2,
            mentions: &[
                &["/dev/zero"],
                &["limit", "not a regular file", "not a file"],
            ],
            place: Place::Unplaced,
        },
    );
    assert!(
        !outcome.stderr.contains("out of memory"),
        "/dev/zero was read until memory ran out:\n{}",
        outcome.stderr
    );
}

#[test]
fn many_dangling_references_do_bounded_work() {
    // 20,000 contacts and 20,000 notices each naming a contact that does not exist: about 3 MB, well under
    // the size limit. Each name is one letter off a real id, so "did you mean" would find a suggestion for
    // every one if it searched all 20,000 ids each time: 400 million comparisons. The check must report
    // every dangling reference, but spend a bounded number of comparisons on suggestions (a budget), so
    // the work grows with the file, not with references × ids. The work is counted, not timed: only a
    // handful of the references may carry a suggestion, every other one lists the ids instead.
    let n = 20_000;
    let mut text = String::from("organisations:\n  - id: org\n    name: Org\ncontacts:\n");
    for i in 0..n {
        writeln!(
            text,
            "  - {{id: contact-{i}, name: Contact, organisation: org, role: general}}"
        )
        .unwrap();
    }
    text.push_str("notices:\n");
    for i in 0..n {
        writeln!(
            text,
            "  - {{id: notice-{i}, title: T, version: '1', kind: main, data_protection_contact: contact-{i}x}}"
        )
        .unwrap();
    }
    assert!(text.len() < 8 * 1024 * 1024);
    let dir = with_file(text);
    let items = hostile(
        "20,000 dangling references among 20,000 ids",
        dir.path(),
        F,
        &["--max-notices", "30000"],
        Expect {
            code: 1,
            mentions: &[&["E021"], &["no contact has the id"]],
            place: Place::Line(20_006),
        },
    );
    // The report keeps the first thousand and counts the rest in one closing note.
    let kept = noticec::diagnostics::MAX_DIAGNOSTICS;
    let dangling = items
        .iter()
        .filter(|d| d["code"] == "E021" && d["severity"] == "error")
        .count();
    assert_eq!(
        dangling, kept,
        "the first thousand dangling references are shown"
    );
    let more = format!("and {} more errors of code E021 not shown", n - kept);
    assert!(
        items.iter().any(|d| d["message"] == more.as_str()),
        "the rest are counted: `{more}`"
    );
    let help = |d: &&Value| d["help"].as_str().unwrap_or_default().to_owned();
    let suggested = items
        .iter()
        .filter(|d| help(d).starts_with("did you mean"))
        .count();
    assert!(
        suggested <= 10,
        "{suggested} references got a suggestion, each a search of all {n} ids: the suggestions are not \
         bounded"
    );
    let listed = items
        .iter()
        .filter(|d| help(d).starts_with("the contact ids are"))
        .count();
    assert_eq!(
        suggested + listed,
        kept,
        "a reference without a suggestion lists the ids"
    );
}

// Paths that are not notices files ---------------------------------------------------------------------

#[test]
fn a_missing_file() {
    let dir = tempfile::tempdir().unwrap();
    hostile(
        "missing file",
        dir.path(),
        "no-such-file.yaml",
        &[],
        Expect {
            code: 2,
            mentions: &[&["no-such-file.yaml"], &["no such file", "not found"]],
            place: Place::Unplaced,
        },
    );
}

#[test]
fn a_directory() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("notices.yaml")).unwrap();
    hostile(
        "directory",
        dir.path(),
        F,
        &[],
        Expect {
            code: 2,
            mentions: &[&["notices.yaml"], &["directory"]],
            place: Place::Unplaced,
        },
    );
}

// Harmless oddities that must still work ---------------------------------------------------------------

#[test]
fn a_byte_order_mark_and_crlf_line_ends_are_accepted() {
    // The complete fixture, with a byte order mark and Windows line ends.
    let text = format!(
        "\u{feff}{}",
        include_str!("fixtures/good/complete.yaml").replace('\n', "\r\n")
    );
    let dir = with_file(text);
    let outcome = run(dir.path(), &["check", F, "--color", "never"]);
    assert_eq!(outcome.code, Some(0), "{}", outcome.stderr);
}

// Limits --------------------------------------------------------------------------------------------

#[test]
fn a_text_over_the_string_limit_is_refused_and_names_the_flag() {
    let long = "x".repeat(100_001);
    let dir = with_file(format!("notices:\n  - id: a\n    title: {long}\n"));
    hostile(
        "a 100,001-character title",
        dir.path(),
        F,
        &[],
        Expect {
            code: 1,
            mentions: &[&["E007"], &["--max-string-chars"]],
            place: Place::At(3, 12),
        },
    );
}

#[test]
fn more_notices_than_the_limit_are_refused_and_name_the_flag() {
    let mut text = String::from("notices:\n");
    for i in 0..1_001 {
        let _ = writeln!(text, "  - {{id: n{i}, title: T, version: '1', kind: main}}");
    }
    let dir = with_file(text);
    hostile(
        "1,001 notices",
        dir.path(),
        F,
        &[],
        Expect {
            code: 1,
            mentions: &[&["E007"], &["--max-notices"]],
            place: Place::At(1_002, 5),
        },
    );
}

#[test]
fn bidi_overrides_and_control_characters_in_text_are_refused() {
    // Raw bidi characters in a plain scalar, and a control character through a YAML escape.
    for (name, title) in [
        ("right-to-left override", "Evil\u{202e}txt.exe"),
        ("first strong isolate", "Evil\u{2068}txt.exe"),
        ("bell", "\"Evil\\atxt.exe\""),
    ] {
        let yaml =
            format!("notices:\n  - id: a\n    title: {title}\n    version: '1'\n    kind: main\n");
        let dir = with_file(yaml);
        hostile(
            name,
            dir.path(),
            F,
            &[],
            Expect {
                code: 1,
                mentions: &[&["E028"]],
                place: Place::At(3, 12),
            },
        );
    }
}

// Line breaks --------------------------------------------------------------------------------------

#[test]
fn windows_and_old_mac_line_breaks_give_the_right_line() {
    // An unknown field on line 4, with CRLF line ends and then with lone CRs.
    let lines = [
        "notices:",
        "  - id: a",
        "    title: T",
        "    titel: T",
        "    version: '1'",
        "    kind: main",
        "",
    ];
    for (name, newline) in [("CRLF", "\r\n"), ("CR", "\r")] {
        let dir = with_file(lines.join(newline));
        hostile(
            name,
            dir.path(),
            F,
            &[],
            Expect {
                code: 1,
                mentions: &[&["E010"], &["titel"]],
                place: Place::At(4, 5),
            },
        );
    }
}

#[test]
fn fuzzed_regressions_point_inside_the_file() {
    // Inputs the `load_check` fuzz target found: lone CRs mixed with LFs, and errors at the very end of
    // the input, once gave positions past the last line.
    let root = Path::new(common::ROOT);
    let dir = root.join("tests/fixtures/regressions");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).expect("regressions folder") {
        let path = entry.expect("entry").path();
        let file = path
            .strip_prefix(root)
            .expect("inside")
            .display()
            .to_string();
        let bytes = std::fs::read(&path).expect("fixture");
        let text = String::from_utf8_lossy(&bytes);
        let lines = text
            .replace("\r\n", "\n")
            .replace('\r', "\n")
            .split('\n')
            .count();
        let outcome = run(root, &["check", &file, "--format", "json"]);
        let items: serde_json::Value = serde_json::from_str(&outcome.stdout).expect("json");
        for d in items.as_array().expect("array") {
            let line = d["line"].as_u64().expect("a line") as usize;
            assert!(
                line >= 1 && line <= lines,
                "{file}: {d} points past line {lines}"
            );
        }
        let human = run(root, &["check", &file, "--color", "never"]);
        assert!(
            human.stderr.contains(" | "),
            "{file}: no source line quoted:\n{}",
            human.stderr
        );
        seen += 1;
    }
    assert!(seen >= 3, "the regression inputs are missing");
}

//! The command-line conventions of ruff and cargo, on the real binary: `-` for standard input, several
//! files per run, `--quiet`, `--statistics`, `--select`/`--ignore`, the line that says where to start,
//! `noticec.toml`, shell completions and manual pages.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)]

mod common;

use std::io::Write as _;
use std::path::Path;
use std::process::Stdio;

use common::{ROOT, command, dir_with, example_notices, noticec};

/// A notices file with a schema error: an unknown key.
const BROKEN: &str = "notices:\n  - id: a\n    titel: A\n";

/// The codes in a `--format json` run.
fn codes(run: &common::Run) -> Vec<String> {
    run.json()
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn a_dash_reads_standard_input_as_the_file_would_be_read() {
    let mut cmd = command(Path::new(ROOT));
    cmd.args(["check", "-", "--format", "json", "--isolated"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(example_notices().as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let from_stdin: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let from_file = noticec(
        Path::new(ROOT),
        &["check", "notices.yaml", "--format", "json", "--isolated"],
    );
    let strip = |v: &serde_json::Value| {
        let mut v = v.clone();
        for d in v.as_array_mut().unwrap() {
            d.as_object_mut().unwrap().remove("file");
        }
        v
    };
    assert_eq!(strip(&from_stdin), strip(&from_file.json()));
    assert!(
        from_stdin
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["file"] == "<stdin>")
    );
}

#[test]
fn standard_input_is_read_once_and_has_no_history() {
    let twice = noticec(Path::new(ROOT), &["check", "-", "-"]);
    twice.expect(2, "two dashes");
    assert!(twice.stderr.contains("once per run"), "{}", twice.stderr);
}

#[test]
fn several_files_are_checked_in_one_run_and_the_worst_decides_the_exit_code() {
    let dir = dir_with(&[
        ("good.yaml", example_notices().as_str()),
        ("bad.yaml", BROKEN),
    ]);
    let good = noticec(
        dir.path(),
        &["check", "good.yaml", "good.yaml", "--color", "never"],
    );
    good.expect(0, "two good files");
    let summaries = good
        .stderr
        .lines()
        .filter(|l| l.starts_with("good.yaml: "))
        .count();
    assert_eq!(summaries, 2, "{}", good.stderr);
    assert!(good.stderr.contains("2 files: "), "{}", good.stderr);
    let mixed = noticec(
        dir.path(),
        &["check", "good.yaml", "bad.yaml", "--format", "json"],
    );
    mixed.expect(1, "a good and a bad file");
    let files: std::collections::BTreeSet<String> = mixed
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["file"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        files.into_iter().collect::<Vec<_>>(),
        ["bad.yaml", "good.yaml"]
    );
}

#[test]
fn quiet_prints_only_what_fails_the_run() {
    let dir = dir_with(&[
        ("good.yaml", example_notices().as_str()),
        ("bad.yaml", BROKEN),
    ]);
    let good = noticec(dir.path(), &["check", "good.yaml", "--quiet"]);
    good.expect(0, "quiet on warnings");
    assert_eq!(good.stderr, "", "nothing when the run passes");
    let denied = noticec(
        dir.path(),
        &[
            "check",
            "good.yaml",
            "-q",
            "--deny",
            "warnings",
            "--color",
            "never",
        ],
    );
    denied.expect(1, "quiet, warnings denied");
    assert!(denied.stderr.contains("warning["), "{}", denied.stderr);
    assert!(!denied.stderr.contains("note["), "{}", denied.stderr);
    let bad = noticec(dir.path(), &["check", "bad.yaml", "-q", "--color", "never"]);
    bad.expect(1, "quiet on an error");
    assert!(bad.stderr.contains("error[E010]"), "{}", bad.stderr);
    assert!(!bad.stderr.contains("warning["), "{}", bad.stderr);
}

#[test]
fn statistics_count_every_finding_by_code() {
    let root = Path::new(ROOT);
    let all = noticec(root, &["check", "notices.yaml", "--format", "json"]);
    let stats = noticec(
        root,
        &["check", "notices.yaml", "--statistics", "--format", "json"],
    );
    stats.expect(0, "statistics");
    let rows = stats.json();
    let rows = rows.as_array().unwrap();
    let total: u64 = rows.iter().map(|r| r["count"].as_u64().unwrap()).sum();
    assert_eq!(usize::try_from(total).unwrap(), codes(&all).len());
    let counts: Vec<u64> = rows.iter().map(|r| r["count"].as_u64().unwrap()).collect();
    assert!(
        counts.windows(2).all(|w| w[0] >= w[1]),
        "most frequent first: {counts:?}"
    );
    let n401 = codes(&all).iter().filter(|c| *c == "N401").count();
    let row = rows.iter().find(|r| r["code"] == "N401");
    assert_eq!(
        row.map(|r| r["count"].as_u64().unwrap()),
        Some(n401 as u64).filter(|n| *n > 0)
    );
    let table = noticec(root, &["check", "notices.yaml", "--statistics"]);
    assert!(
        table.stdout.starts_with(" count  code  name"),
        "{}",
        table.stdout
    );
    assert!(
        table.stdout.contains(&format!("{total:>6}  in all")),
        "{}",
        table.stdout
    );
    let sarif = noticec(
        root,
        &["check", "notices.yaml", "--statistics", "--format", "sarif"],
    );
    sarif.expect(2, "statistics in sarif");
}

#[test]
fn the_summary_says_where_to_start() {
    let run = noticec(
        Path::new(ROOT),
        &["check", "notices.yaml", "--color", "never"],
    );
    let last = run.stderr.lines().last().unwrap();
    assert!(last.starts_with("start with N"), "{last}");
    assert!(last.contains("run `noticec explain N"), "{last}");
    let stats = noticec(
        Path::new(ROOT),
        &["check", "notices.yaml", "--statistics", "--format", "json"],
    );
    let rows = stats.json();
    let most = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["severity"] == "warning")
        .unwrap();
    assert!(
        last.contains(most["code"].as_str().unwrap()),
        "{last} vs {most}"
    );
}

#[test]
fn select_and_ignore_choose_the_rules() {
    let root = Path::new(ROOT);
    let run = |extra: &[&str]| {
        let mut args = vec!["check", "notices.yaml", "--format", "json"];
        args.extend(extra);
        noticec(root, &args)
    };
    let n4 = codes(&run(&["--select", "N4"]));
    assert!(
        !n4.is_empty() && n4.iter().all(|c| c.starts_with("N4")),
        "{n4:?}"
    );
    let without = codes(&run(&["--ignore", "missing-retention,N701"]));
    assert!(
        !without.iter().any(|c| c == "N401" || c == "N701"),
        "{without:?}"
    );
    assert!(!without.is_empty());
    let both = codes(&run(&["--select", "N4", "--ignore", "N401"]));
    assert!(
        both.iter().all(|c| c.starts_with("N4") && c != "N401"),
        "{both:?}"
    );
    for (bad, says) in [
        ("E010", "always reported"),
        ("mising-retention", "did you mean `missing-retention`?"),
        ("Q1", "names no lint rule"),
    ] {
        let refused = run(&["--select", bad]);
        refused.expect(2, bad);
        assert!(refused.stderr.contains(says), "{bad}: {}", refused.stderr);
    }
}

#[test]
fn noticec_toml_is_found_walking_up_and_flags_override_it() {
    let dir = dir_with(&[
        ("n.yaml", example_notices().as_str()),
        (
            "noticec.toml",
            "file = \"n.yaml\"\nselect = [\"N4\"]\nout = \"site\"\n",
        ),
    ]);
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    let from_sub = noticec(&dir.path().join("sub"), &["check", "--format", "json"]);
    from_sub.expect(0, "configured file and rules");
    let got = codes(&from_sub);
    assert!(
        !got.is_empty() && got.iter().all(|c| c.starts_with("N4")),
        "{got:?}"
    );
    let file = from_sub.json()[0]["file"].as_str().unwrap().to_owned();
    assert!(file.ends_with("n.yaml"), "{file}");
    let flag = codes(&noticec(
        dir.path(),
        &["check", "--format", "json", "--select", "N5"],
    ));
    assert!(
        !flag.is_empty() && flag.iter().all(|c| c.starts_with("N5")),
        "{flag:?}"
    );
    let isolated = noticec(
        dir.path(),
        &["check", "n.yaml", "--format", "json", "--isolated"],
    );
    assert!(codes(&isolated).iter().any(|c| !c.starts_with("N4")));
    let built = noticec(dir.path(), &["build"]);
    built.expect(0, "build into the configured folder");
    assert!(dir.path().join("site/index.html").is_file());
}

#[test]
fn a_bad_noticec_toml_is_located_and_stops_the_run() {
    let dir = dir_with(&[
        ("notices.yaml", example_notices().as_str()),
        (
            "noticec.toml",
            "file = \"notices.yaml\"\nslect = [\"N4\"]\n",
        ),
    ]);
    let run = noticec(dir.path(), &["check"]);
    run.expect(2, "misspelt key");
    assert!(run.stderr.contains("noticec.toml:2:1"), "{}", run.stderr);
    assert!(run.stderr.contains("slect"), "{}", run.stderr);
    let bad_rule = dir_with(&[
        ("notices.yaml", example_notices().as_str()),
        ("noticec.toml", "ignore = [\"N999\"]\n"),
    ]);
    let run = noticec(bad_rule.path(), &["check"]);
    run.expect(2, "unknown rule in the configuration");
    assert!(
        run.stderr.contains("(reading `noticec.toml`)"),
        "{}",
        run.stderr
    );
}

#[test]
fn completions_are_scripts_each_shell_reads() {
    let root = Path::new(ROOT);
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let run = noticec(root, &["completions", shell]);
        run.expect(0, shell);
        assert!(run.stdout.contains("noticec"), "{shell}");
        assert!(
            run.stdout.contains("statistics"),
            "{shell}: flags are completed"
        );
    }
    let bash = noticec(root, &["completions", "bash"]);
    let dir = dir_with(&[("noticec.bash", bash.stdout.as_str())]);
    let syntax = std::process::Command::new("bash")
        .args(["-n", "noticec.bash"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(
        syntax.status.success(),
        "{}",
        String::from_utf8_lossy(&syntax.stderr)
    );
    noticec(root, &["completions", "tcsh"]).expect(2, "an unknown shell");
}

#[test]
fn the_manual_pages_come_from_the_flags() {
    let root = Path::new(ROOT);
    let page = noticec(root, &["man"]);
    page.expect(0, "man");
    assert!(
        page.stdout.starts_with(".ie") || page.stdout.contains(".TH noticec"),
        "{}",
        &page.stdout[..200.min(page.stdout.len())]
    );
    assert!(page.stdout.contains("check"));
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("man1");
    let run = noticec(root, &["man", "--out", out.to_str().unwrap()]);
    run.expect(0, "man --out");
    let check = std::fs::read_to_string(out.join("noticec-check.1")).unwrap();
    assert!(check.contains(".TH noticec-check"), "{check}");
    assert!(check.contains("statistics"));
    assert!(out.join("noticec.1").is_file());
}

#[test]
fn init_starts_a_project_that_checks_clean_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("privacy");
    let run = noticec(dir.path(), &["init", "privacy"]);
    run.expect(0, "init");
    for file in [
        "notices.yaml",
        "schema/notice.schema.json",
        "noticec.toml",
        ".gitignore",
        ".github/workflows/notices.yml",
    ] {
        assert!(project.join(file).is_file(), "{file}: {}", run.stderr);
    }
    let notices = std::fs::read_to_string(project.join("notices.yaml")).unwrap();
    assert!(notices.starts_with("# yaml-language-server: $schema=schema/notice.schema.json\n"));
    let schema = std::fs::read_to_string(project.join("schema/notice.schema.json")).unwrap();
    let committed =
        std::fs::read_to_string(Path::new(ROOT).join("schema/notice.schema.json")).unwrap();
    assert_eq!(
        schema, committed,
        "the schema beside the file is the current one"
    );
    let check = noticec(&project, &["check", "--deny", "warnings"]);
    check.expect(0, "the new project checks clean, warnings denied");
    let build = noticec(&project, &["build"]);
    build.expect(0, "and builds");
    assert!(project.join("out/example-service/index.html").is_file());
    let before = std::fs::read(project.join("notices.yaml")).unwrap();
    let again = noticec(dir.path(), &["init", "privacy"]);
    again.expect(2, "init over a project");
    assert!(
        again.stderr.contains("never overwrites"),
        "{}",
        again.stderr
    );
    assert_eq!(std::fs::read(project.join("notices.yaml")).unwrap(), before);
    let one = dir_with(&[(".gitignore", "target/\n")]);
    noticec(one.path(), &["init"]).expect(2, "one file in the way");
    assert!(!one.path().join("notices.yaml").exists(), "nothing written");
}

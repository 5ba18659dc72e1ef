//! `noticec build` as a user and CI meet it: a build is repeatable and reproducible, `--check` names
//! what is stale, a failed build changes nothing, hostile text stays text, only folders that are safe to
//! replace are replaced, and `--templates` overrides exactly what it names.
//!
//! Each test runs the real binary in a temporary directory of its own, on a copy of the repository's
//! `notices.yaml` (changed by plain string replacement where a test needs it).

// Tests may panic: a failed unwrap or expect in a helper is a failed test.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::string_slice,
    clippy::indexing_slicing
)]

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use scraper::{ElementRef, Html, Node, Selector};
use serde_json::Value;
use tempfile::TempDir;

use common::{Run, example_notices};

/// The notices in the example file.
const NOTICES: &[&str] = &[
    "livewest-customer",
    "live-well-kent",
    "iewm",
    "livewest-community-connectors",
    "livewest-customer-summary",
];

/// A temporary directory holding `notices.yaml` with the given text.
fn project(notices: &str) -> TempDir {
    common::dir_with(&[("notices.yaml", notices)])
}

/// `text` with `from` replaced by `to`, which must occur exactly once.
fn replace_once(text: &str, from: &str, to: &str) -> String {
    assert_eq!(
        text.matches(from).count(),
        1,
        "`{from}` occurs exactly once in the notices"
    );
    text.replacen(from, to, 1)
}

/// Runs `noticec ARGS --color never` in `dir` with the given extra environment.
fn noticec_env(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut command = common::command(dir);
    command
        .args(args)
        .args(["--color", "never"])
        .envs(env.iter().copied());
    Run::of(command)
}

/// Runs `noticec ARGS --color never` in `dir`.
fn noticec(dir: &Path, args: &[&str]) -> Run {
    noticec_env(dir, args, &[])
}

/// Runs `noticec build notices.yaml --out OUT EXTRA...` in `dir`.
fn build(dir: &Path, out: &str, extra: &[&str]) -> Run {
    let mut args = vec!["build", "notices.yaml", "--out", out];
    args.extend_from_slice(extra);
    noticec(dir, &args)
}

/// Everything in a folder: each file's bytes, each symbolic link's target, each folder (empty value,
/// with a trailing `/`), by relative path with `/` separators. Links are never followed.
fn tree(root: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(root: &Path, rel: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        let dir = root.join(rel);
        for entry in
            std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
        {
            let entry = entry.expect("a directory entry");
            let child: PathBuf = rel.join(entry.file_name());
            let key = child.to_string_lossy().replace('\\', "/");
            let kind = entry.file_type().expect("a file type");
            if kind.is_symlink() {
                let target = std::fs::read_link(root.join(&child)).expect("read a link");
                out.insert(
                    format!("{key} -> link"),
                    target.to_string_lossy().into_owned().into_bytes(),
                );
            } else if kind.is_dir() {
                out.insert(format!("{key}/"), Vec::new());
                walk(root, &child, out);
            } else {
                out.insert(key, std::fs::read(root.join(&child)).expect("read a file"));
            }
        }
    }
    let mut files = BTreeMap::new();
    walk(root, Path::new(""), &mut files);
    files
}

/// Asserts two folders hold the same things, naming the first difference.
fn assert_same_tree(a: &BTreeMap<String, Vec<u8>>, b: &BTreeMap<String, Vec<u8>>, what: &str) {
    let keys_a: Vec<&String> = a.keys().collect();
    let keys_b: Vec<&String> = b.keys().collect();
    assert_eq!(keys_a, keys_b, "{what}: the same files");
    for (path, bytes) in a {
        assert!(bytes == &b[path], "{what}: `{path}` differs");
    }
}

/// The names in `dir` that look like leftover staging or old folders of an output folder.
fn leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .expect("read the project folder")
        .map(|e| {
            e.expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|n| n.starts_with('.') && (n.contains(".new-") || n.contains(".old-")))
        .collect()
}

// Repeatable builds ------------------------------------------------------------------------------------

// Ensures a build exits 0, and a second build into the same folder leaves it byte for byte the same.
#[test]
fn a_second_build_into_the_same_folder_is_identical() {
    let dir = project(&example_notices());
    let first = build(dir.path(), "out", &[]);
    first.expect(0, "first build");
    assert!(first.stderr.contains("wrote"), "{}", first.stderr);
    let before = tree(&dir.path().join("out"));
    assert!(
        before.contains_key(".noticec-output"),
        "the marker is written"
    );
    build(dir.path(), "out", &[]).expect(0, "second build");
    assert_same_tree(&before, &tree(&dir.path().join("out")), "rebuild");
    assert!(
        leftovers(dir.path()).is_empty(),
        "{:?}",
        leftovers(dir.path())
    );
}

// Ensures a build into an existing empty folder gives the same files as a build into a new folder.
#[test]
fn a_build_into_an_empty_folder_equals_one_into_a_new_folder() {
    let dir = project(&example_notices());
    std::fs::create_dir(dir.path().join("empty")).unwrap();
    build(dir.path(), "empty", &[]).expect(0, "build into an empty folder");
    build(dir.path(), "new", &[]).expect(0, "build into a new folder");
    assert_same_tree(
        &tree(&dir.path().join("empty")),
        &tree(&dir.path().join("new")),
        "empty folder vs new folder",
    );
}

// Ensures a build into a nested path that does not exist yet creates it.
#[test]
fn a_build_creates_missing_parent_folders() {
    let dir = project(&example_notices());
    build(dir.path(), "site/privacy/out", &[]).expect(0, "nested build");
    build(dir.path(), "flat", &[]).expect(0, "flat build");
    assert_same_tree(
        &tree(&dir.path().join("site/privacy/out")),
        &tree(&dir.path().join("flat")),
        "nested vs flat",
    );
}

// Ensures a build removes a staging folder left beside the output by a killed build, but only when no
// other build is running there: a running build holds a shared lock on the folder, as this test does.
#[test]
fn a_build_removes_staging_folders_of_killed_builds_only() {
    let dir = project(&example_notices());
    let dead = dir.path().join(".out.new-999999999-0");
    std::fs::create_dir(&dead).unwrap();
    std::fs::write(dead.join("index.html"), "half written\n").unwrap();
    let running = std::fs::File::open(dir.path()).unwrap();
    running.lock_shared().unwrap();
    build(dir.path(), "out", &[]).expect(0, "build beside a running one");
    assert!(
        dead.exists(),
        "while another build runs, its folder is kept"
    );
    drop(running);
    build(dir.path(), "out", &[]).expect(0, "build alone");
    assert!(
        !dead.exists(),
        "the killed build's staging folder is removed"
    );
}

// Reproducible builds ----------------------------------------------------------------------------------

// Ensures the output does not depend on the time zone or the locale: builds under UTC with the C
// locale, Pacific/Auckland with German, and a Turkish locale (dotted and dotless i) are identical.
#[test]
fn builds_are_identical_across_time_zones_and_locales() {
    let dir = project(&example_notices());
    let setups: &[(&str, &[(&str, &str)])] = &[
        ("utc-c", &[("TZ", "UTC"), ("LANG", "C"), ("LC_ALL", "C")]),
        (
            "auckland-de",
            &[
                ("TZ", "Pacific/Auckland"),
                ("LANG", "de_DE.UTF-8"),
                ("LC_ALL", "de_DE.UTF-8"),
            ],
        ),
        (
            "auckland-tr",
            &[
                ("TZ", "Pacific/Auckland"),
                ("LANG", "tr_TR.UTF-8"),
                ("LC_ALL", "tr_TR.UTF-8"),
            ],
        ),
    ];
    let mut trees = Vec::new();
    for (out, env) in setups {
        let run = noticec_env(dir.path(), &["build", "notices.yaml", "--out", out], env);
        run.expect(0, out);
        trees.push((out, tree(&dir.path().join(out))));
    }
    let (first_name, first) = &trees[0];
    for (name, other) in &trees[1..] {
        assert_same_tree(first, other, &format!("{first_name} vs {name}"));
    }
}

// --check ----------------------------------------------------------------------------------------------

// Ensures `build --check` is clean right after a build, and writes nothing.
#[test]
fn check_is_clean_right_after_a_build() {
    let dir = project(&example_notices());
    build(dir.path(), "out", &[]).expect(0, "build");
    let before = tree(&dir.path().join("out"));
    let run = build(dir.path(), "out", &["--check"]);
    run.expect(0, "check");
    assert!(run.stderr.contains("up to date"), "{}", run.stderr);
    assert_same_tree(
        &before,
        &tree(&dir.path().join("out")),
        "check writes nothing",
    );
}

// Ensures `--check` exits 1 and names exactly the stale files after a notice's title changes: that
// notice's page, text and JSON-LD, and the index; never another notice's files. The folder is not
// touched.
#[test]
fn check_names_the_files_a_changed_notice_makes_stale() {
    let notices = example_notices();
    let dir = project(&notices);
    build(dir.path(), "out", &[]).expect(0, "build");
    let before = tree(&dir.path().join("out"));
    let changed = replace_once(
        &notices,
        "    title: Improvement and Efficiency West Midlands Privacy Notice\n",
        "    title: Improvement and Efficiency West Midlands Privacy Notice (revised)\n",
    );
    std::fs::write(dir.path().join("notices.yaml"), changed).unwrap();
    let run = build(dir.path(), "out", &["--check"]);
    run.expect(1, "check after editing the notices");
    assert!(run.stderr.contains("stale"), "{}", run.stderr);
    for stale in [
        "iewm/index.html",
        "iewm/notice.txt",
        "iewm/notice.jsonld",
        "  index.html",
    ] {
        assert!(
            run.stderr.contains(stale),
            "names `{stale}`:\n{}",
            run.stderr
        );
    }
    for id in NOTICES.iter().filter(|id| **id != "iewm") {
        assert!(
            !run.stderr.contains(&format!("{id}/")),
            "does not name `{id}`:\n{}",
            run.stderr
        );
    }
    assert_same_tree(
        &before,
        &tree(&dir.path().join("out")),
        "check writes nothing",
    );
}

// Ensures `--check` exits 1 and names a file edited by hand in the output folder, and only that file.
#[test]
fn check_names_a_hand_edited_output() {
    let dir = project(&example_notices());
    build(dir.path(), "out", &[]).expect(0, "build");
    let edited = dir.path().join("out/live-well-kent/notice.txt");
    let mut text = std::fs::read_to_string(&edited).unwrap();
    text = text.replacen("Partner Privacy Promise", "Partner Privacy Premise", 1);
    std::fs::write(&edited, text).unwrap();
    let run = build(dir.path(), "out", &["--check"]);
    run.expect(1, "check after a hand edit");
    assert!(
        run.stderr.contains("live-well-kent/notice.txt (changed)"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("1 files differ") || run.stderr.contains("1 file differs"),
        "only the edited file is stale:\n{}",
        run.stderr
    );
}

// Ensures `--check --format github` also gives each stale file as an annotation on stdout, so a pull
// request shows it.
#[test]
fn check_in_github_format_annotates_each_stale_file() {
    let dir = project(&example_notices());
    build(dir.path(), "out", &[]).expect(0, "build");
    let edited = dir.path().join("out/live-well-kent/notice.txt");
    let text = std::fs::read_to_string(&edited).unwrap();
    std::fs::write(
        &edited,
        text.replacen("Partner Privacy Promise", "Partner Privacy Premise", 1),
    )
    .unwrap();
    let run = build(dir.path(), "out", &["--check", "--format", "github"]);
    run.expect(1, "stale, github format");
    let stale: Vec<&str> = run
        .stdout
        .lines()
        .filter(|l| l.contains("title=stale output"))
        .collect();
    assert_eq!(
        stale,
        [
            "::error file=out/live-well-kent/notice.txt,title=stale output::`out/live-well-kent/notice.txt` differs from a fresh build (changed): run `noticec build` and commit `out`"
        ],
        "{}",
        run.stdout
    );
}

// Ensures `--check` exits 1 and names a file added to the output folder by hand, and a deleted one.
#[test]
fn check_names_added_and_deleted_outputs() {
    let dir = project(&example_notices());
    build(dir.path(), "out", &[]).expect(0, "build");
    std::fs::write(dir.path().join("out/iewm/notes.txt"), "mine\n").unwrap();
    let run = build(dir.path(), "out", &["--check"]);
    run.expect(1, "check after adding a file");
    assert!(
        run.stderr
            .contains("iewm/notes.txt (not produced by the build)"),
        "{}",
        run.stderr
    );

    std::fs::remove_file(dir.path().join("out/iewm/notes.txt")).unwrap();
    std::fs::remove_file(dir.path().join("out/iewm/notice.jsonld")).unwrap();
    let run = build(dir.path(), "out", &["--check"]);
    run.expect(1, "check after deleting a file");
    assert!(
        run.stderr.contains("iewm/notice.jsonld (missing)"),
        "{}",
        run.stderr
    );
}

// Ensures `--check` against a folder that does not exist reports every output as missing.
#[test]
fn check_against_a_missing_folder_lists_everything_missing() {
    let dir = project(&example_notices());
    let run = build(dir.path(), "never-built", &["--check"]);
    run.expect(1, "check without a build");
    assert!(
        run.stderr.contains("index.html (missing)"),
        "{}",
        run.stderr
    );
    assert!(
        !dir.path().join("never-built").exists(),
        "--check creates nothing"
    );
}

// Failed builds ----------------------------------------------------------------------------------------

/// Builds the example notices, then runs a build of `broken` notices (with `extra` flags) and checks it
/// exits with `code`, mentions each of `mentions`, and leaves the output folder and its parent exactly as
/// they were.
fn failed_build_changes_nothing(
    broken: &str,
    extra: &[&str],
    setup: impl FnOnce(&Path),
    code: i32,
    mentions: &[&str],
) {
    let dir = project(&example_notices());
    build(dir.path(), "out", &[]).expect(0, "first build");
    setup(dir.path());
    let before = tree(&dir.path().join("out"));
    std::fs::write(dir.path().join("notices.yaml"), broken).unwrap();
    let run = build(dir.path(), "out", extra);
    run.expect(code, "broken build");
    for m in mentions {
        assert!(run.stderr.contains(m), "mentions `{m}`:\n{}", run.stderr);
    }
    assert_same_tree(
        &before,
        &tree(&dir.path().join("out")),
        "the output folder after a failed build",
    );
    assert!(
        leftovers(dir.path()).is_empty(),
        "no staging folders are left: {:?}",
        leftovers(dir.path())
    );
}

// Ensures a dangling reference fails the build with exit 1 and leaves the output folder untouched.
#[test]
fn a_dangling_reference_leaves_the_output_untouched() {
    let broken = replace_once(
        &example_notices(),
        "        recipients: [funders]\n",
        "        recipients: [no-such-recipient]\n",
    );
    failed_build_changes_nothing(
        &broken,
        &[],
        |_| {},
        1,
        &["E021", "no-such-recipient", "unchanged"],
    );
}

// Ensures a build whose PDFs would carry more text than `--max-print-chars` allows is refused before
// anything is laid out (exit 2, naming the limit, the flag and the notice that passes it), and leaves
// the output folder untouched. The example notices carry about 61,000 characters.
#[test]
fn a_build_over_the_print_limit_is_refused_and_changes_nothing() {
    failed_build_changes_nothing(
        &example_notices(),
        &["--max-print-chars", "20000"],
        |_| {},
        2,
        &[
            "limit of 20000 characters",
            "--max-print-chars",
            "by the end of notice `",
        ],
    );
}

// Ensures a YAML syntax error fails the build with exit 1 and leaves the output folder untouched.
#[test]
fn a_yaml_syntax_error_leaves_the_output_untouched() {
    let broken = replace_once(
        &example_notices(),
        "    kind: printed_form\n",
        "    kind: [printed_form\n",
    );
    failed_build_changes_nothing(&broken, &[], |_| {}, 1, &["E001"]);
}

// Ensures a template with a syntax error fails the build (exit 2, naming the template) and leaves the
// output folder untouched.
#[test]
fn a_broken_template_leaves_the_output_untouched() {
    failed_build_changes_nothing(
        &example_notices(),
        &["--templates", "templates"],
        |dir| {
            std::fs::create_dir(dir.join("templates")).unwrap();
            std::fs::write(
                dir.join("templates/notice.txt.j2"),
                "{{ notice.title }\n{% if %}\n",
            )
            .unwrap();
        },
        2,
        &["notice.txt.j2"],
    );
}

// Ensures a template that fails for the last notice only, after the other notices' files were
// written into the staging folder, fails the build (exit 2, the template named), leaves the output
// folder untouched and removes the staging folder with what was written into it.
#[test]
fn a_template_failing_for_one_notice_after_others_were_written_changes_nothing() {
    failed_build_changes_nothing(
        &example_notices(),
        &["--templates", "templates"],
        |dir| {
            std::fs::create_dir(dir.join("templates")).unwrap();
            std::fs::write(
                dir.join("templates/notice.txt.j2"),
                "{{ notice.title }}\n{% if notice.id == \"iewm\" %}{{ notice.no_such_field }}{% endif %}\n",
            )
            .unwrap();
        },
        2,
        &["notice.txt.j2"],
    );
}

// Ensures a template that uses an undefined variable fails the build (strict undefined: exit 2, the
// template named) and leaves the output folder untouched.
#[test]
fn an_undefined_template_variable_fails_and_leaves_the_output_untouched() {
    failed_build_changes_nothing(
        &example_notices(),
        &["--templates", "templates"],
        |dir| {
            std::fs::create_dir(dir.join("templates")).unwrap();
            std::fs::write(
                dir.join("templates/notice.html.j2"),
                "<!DOCTYPE html>\n<h1>{{ notice.title }}</h1>\n<p>{{ notice.no_such_field }}</p>\n",
            )
            .unwrap();
        },
        2,
        &["notice.html.j2"],
    );
}

// Ensures a printed template (Typst) with an error fails the build like any other template: exit 2, the
// template and line named, no panic, and the output folder untouched.
#[test]
fn a_broken_print_template_leaves_the_output_untouched() {
    failed_build_changes_nothing(
        &example_notices(),
        &["--templates", "templates"],
        |dir| {
            std::fs::create_dir_all(dir.join("templates/print")).unwrap();
            std::fs::write(
                dir.join("templates/print/form.typ"),
                "#import \"common.typ\": *\n#show: setup.with(n.title)\n#n.no_such_field\n",
            )
            .unwrap();
        },
        2,
        &["print/form.typ", "print/form.typ:3"],
    );
}

// Ensures an undefined top-level name is just as fatal as an undefined field, in any template.
#[test]
fn an_undefined_top_level_name_fails_the_build() {
    let dir = project(&example_notices());
    std::fs::create_dir(dir.path().join("templates")).unwrap();
    std::fs::write(
        dir.path().join("templates/index.html.j2"),
        "<!DOCTYPE html>\n<h1>{{ site_name }}</h1>\n",
    )
    .unwrap();
    let run = build(dir.path(), "out", &["--templates", "templates"]);
    run.expect(2, "undefined name in the index template");
    assert!(run.stderr.contains("index.html.j2"), "{}", run.stderr);
    assert!(!dir.path().join("out").exists(), "nothing is written");
    assert!(
        leftovers(dir.path()).is_empty(),
        "{:?}",
        leftovers(dir.path())
    );
}

// Templates --------------------------------------------------------------------------------------------

// Ensures `--templates DIR` with a `notice.html.j2` replaces the notice pages, and only them: every other
// output is byte for byte the default build's.
#[test]
fn a_template_override_changes_only_what_it_names() {
    let dir = project(&example_notices());
    std::fs::create_dir(dir.path().join("templates")).unwrap();
    std::fs::write(
        dir.path().join("templates/notice.html.j2"),
        "<!DOCTYPE html>\n<html lang=\"en-GB\"><title>{{ notice.title }}</title><h1>{{ notice.title }}</h1></html>\n",
    )
    .unwrap();
    build(dir.path(), "default", &[]).expect(0, "default build");
    build(dir.path(), "custom", &["--templates", "templates"]).expect(0, "custom build");
    let default = tree(&dir.path().join("default"));
    let custom = tree(&dir.path().join("custom"));
    assert_eq!(
        default.keys().collect::<Vec<_>>(),
        custom.keys().collect::<Vec<_>>(),
        "the same files"
    );
    let titles = [
        ("livewest-customer", "LiveWest Customer Privacy Notice"),
        ("live-well-kent", "Partner Privacy Promise"),
        (
            "iewm",
            "Improvement and Efficiency West Midlands Privacy Notice",
        ),
        (
            "livewest-community-connectors",
            "Community events and community connectors",
        ),
        (
            "livewest-customer-summary",
            "Understanding how we use customers&#x27; personal information",
        ),
    ];
    for (path, bytes) in &default {
        let page = titles
            .iter()
            .find(|(id, _)| *path == format!("{id}/index.html"));
        match page {
            Some((_, title)) => {
                let expected = format!(
                    "<!DOCTYPE html>\n<html lang=\"en-GB\"><title>{title}</title><h1>{title}</h1></html>\n"
                );
                assert_eq!(
                    String::from_utf8_lossy(&custom[path]),
                    expected,
                    "{path} comes from the override (autoescaped)"
                );
            }
            // The record of what each notice's outputs are made from names the templates too.
            None if path == ".noticec-notice-inputs" => {
                assert!(bytes != &custom[path], "{path} records the override")
            }
            None => assert!(
                bytes == &custom[path],
                "{path} is unchanged by the override"
            ),
        }
    }
}

// Hostile text -----------------------------------------------------------------------------------------

/// Text that would run script, inject markup or be evaluated as a template if it were not escaped, with
/// the JavaScript line and paragraph separators that end a string in older parsers.
const HOSTILE: &str = "<script>alert(1)</script></script><img src=x onerror=alert(1)> {{ 7*7 }} {% if true %}x{% endif %} \" ' & \u{2028}\u{2029}";

/// The hostile text as a double-quoted YAML scalar.
fn hostile_yaml() -> String {
    let mut out = String::from("\"");
    for c in HOSTILE.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The text a reader sees in the `<body>`: every text node outside `<script>`, `<style>` and
/// `<template>`, in order.
fn text_nodes(html: &Html) -> Vec<String> {
    fn walk(element: ElementRef<'_>, out: &mut Vec<String>) {
        for child in element.children() {
            match child.value() {
                Node::Text(t) => out.push(t.to_string()),
                Node::Element(e) if matches!(e.name(), "script" | "style" | "template") => {}
                Node::Element(_) => {
                    if let Some(el) = ElementRef::wrap(child) {
                        walk(el, out);
                    }
                }
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    let body = Selector::parse("body").unwrap();
    for b in html.select(&body) {
        walk(b, &mut out);
    }
    out
}

/// Whether any string in a JSON value is exactly `s`.
fn json_has_string(value: &Value, s: &str) -> bool {
    match value {
        Value::String(v) => v == s,
        Value::Array(items) => items.iter().any(|v| json_has_string(v, s)),
        Value::Object(map) => map.values().any(|v| json_has_string(v, s)),
        _ => false,
    }
}

/// Whether any string in a JSON value contains `s`.
fn json_mentions(value: &Value, s: &str) -> bool {
    match value {
        Value::String(v) => v.contains(s),
        Value::Array(items) => items.iter().any(|v| json_mentions(v, s)),
        Value::Object(map) => map.values().any(|v| json_mentions(v, s)),
        _ => false,
    }
}

/// Builds the example notices with `from` replaced by the hostile text in `notice`, and checks every
/// output stays safe and says the text literally. `in_jsonld` says whether the field is one the JSON-LD
/// carries (then it must carry it exactly); `in_index` whether the index lists it.
#[expect(
    clippy::too_many_lines,
    reason = "checks every output of one build in turn"
)]
fn hostile_field(from: &str, to_prefix: &str, notice: &str, in_jsonld: bool, in_index: bool) {
    let notices = example_notices();
    assert!(notices.contains(from), "`{from}` is in the notices");
    let changed = notices.replace(from, &format!("{to_prefix}{}\n", hostile_yaml()));
    let dir = project(&changed);
    let run = build(dir.path(), "out", &[]);
    run.expect(0, "build with hostile text");
    let out = dir.path().join("out");
    let files = tree(&out);

    let script = Selector::parse("script").unwrap();
    let any = Selector::parse("*").unwrap();
    let img = Selector::parse("img").unwrap();
    let mut seen_in = Vec::new();
    for (path, bytes) in files
        .iter()
        .filter(|(p, _)| Path::new(p).extension().is_some_and(|e| e == "html"))
    {
        let raw = String::from_utf8(bytes.clone()).expect("HTML is UTF-8");
        assert!(!raw.contains("<script>alert"), "{path}: raw <script>alert");
        assert!(!raw.contains("<img src=x"), "{path}: raw <img src=x");
        let html = Html::parse_document(&raw);
        assert_eq!(html.select(&img).count(), 0, "{path}: no <img> element");
        for el in html.select(&any) {
            for (name, _) in el.value().attrs() {
                assert!(
                    !name.starts_with("on"),
                    "{path}: <{}> has an event handler attribute `{name}`",
                    el.value().name()
                );
            }
        }
        let scripts: Vec<_> = html.select(&script).collect();
        let is_notice_page = path.ends_with("/index.html");
        assert_eq!(
            scripts.len(),
            usize::from(is_notice_page),
            "{path}: the only script is the notice page's JSON-LD block"
        );
        for s in &scripts {
            assert_eq!(s.attr("type"), Some("application/ld+json"), "{path}");
            let text: String = s.text().collect();
            for bad in ['<', '>', '&', '\u{2028}', '\u{2029}'] {
                assert!(
                    !text.contains(bad),
                    "{path}: the JSON-LD block has a raw {bad:?}"
                );
            }
            let value: Value = serde_json::from_str(&text)
                .unwrap_or_else(|e| panic!("{path}: the JSON-LD block is not JSON: {e}"));
            if in_jsonld && path == &format!("{notice}/index.html") {
                assert!(
                    json_has_string(&value, HOSTILE),
                    "{path}: the JSON-LD block gives back the exact text"
                );
            }
            if json_mentions(&value, "alert(1)") {
                assert!(
                    json_mentions(&value, HOSTILE),
                    "{path}: the JSON-LD block has the text whole"
                );
            }
        }
        let nodes = text_nodes(&html);
        let hits: Vec<&String> = nodes.iter().filter(|t| t.contains("alert(1)")).collect();
        for t in &hits {
            assert!(
                t.contains("{{ 7*7 }} {% if true %}x{% endif %}"),
                "{path}: the template syntax is shown literally: {t:?}"
            );
            assert!(!t.contains("49"), "{path}: the text was evaluated: {t:?}");
        }
        if !hits.is_empty() {
            seen_in.push(path.clone());
            assert!(
                hits.iter().any(|t| t.contains(HOSTILE)),
                "{path}: the visible text has the exact text somewhere: {hits:?}"
            );
        }
    }
    let page = format!("{notice}/index.html");
    assert!(
        seen_in.contains(&page),
        "{page} shows the text: {seen_in:?}"
    );
    let form = format!("{notice}/consent-form.html");
    if files.contains_key(&form) {
        assert!(
            seen_in.contains(&form),
            "{form} shows the text: {seen_in:?}"
        );
    }
    assert_eq!(
        seen_in.contains(&"index.html".to_owned()),
        in_index,
        "index.html shows the text only if it lists the field: {seen_in:?}"
    );

    let ld_path = format!("{notice}/notice.jsonld");
    let ld: Value = serde_json::from_slice(&files[&ld_path])
        .unwrap_or_else(|e| panic!("{ld_path} is not JSON: {e}"));
    if in_jsonld {
        assert!(
            json_has_string(&ld, HOSTILE),
            "{ld_path} has the exact text"
        );
    }

    let txt_path = format!("{notice}/notice.txt");
    let txt = String::from_utf8(files[&txt_path].clone()).expect("text is UTF-8");
    // Plain text is word-wrapped, so compare with line breaks and indents collapsed.
    let flat = txt.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("{{ 7*7 }}"),
        "{txt_path} shows `{{{{ 7*7 }}}}`"
    );
    assert!(
        flat.contains("{% if true %}x{% endif %}"),
        "{txt_path} shows the block tags"
    );
    assert!(
        flat.contains("<script>alert(1)</script></script><img src=x onerror=alert(1)>"),
        "{txt_path} shows the markup as text"
    );
    assert!(!flat.contains("49 x"), "{txt_path} was not evaluated");
    for line in txt.lines() {
        assert!(
            textwrap::core::display_width(line) <= noticec::render::TEXT_WIDTH
                || noticec::render::is_lone_address(line),
            "{txt_path}: line over 72 columns: {line:?}"
        );
    }
}

// Ensures a hostile notice title is escaped in every HTML output, in the JSON-LD block and file, and
// shown literally in the text.
#[test]
fn a_hostile_title_stays_text() {
    // The notice's title and its form's title are both `Partner Privacy Promise`.
    hostile_field(
        "    title: Partner Privacy Promise\n",
        "    title: ",
        "live-well-kent",
        true,
        true,
    );
}

// Ensures a hostile notice summary is escaped in every HTML output and shown literally in the text.
#[test]
fn a_hostile_summary_stays_text() {
    let notices = example_notices();
    let start = notices
        .find("    summary: >-\n      When you give us your information")
        .expect("the Live Well Kent summary");
    let end = start
        + notices[start..]
            .find("what we do with it.\n")
            .expect("the end of the summary")
        + "what we do with it.\n".len();
    let from = &notices[start..end];
    hostile_field(from, "    summary: ", "live-well-kent", false, false);
}

// Ensures a hostile purpose name is escaped in every HTML output, in the JSON-LD, and shown literally in
// the text.
#[test]
fn a_hostile_purpose_name_stays_text() {
    hostile_field(
        "        name: Helping you get the support you need\n",
        "        name: ",
        "live-well-kent",
        true,
        false,
    );
}

// Ensures a hostile organisation name is escaped in every HTML output, in the JSON-LD, and shown
// literally in the text.
#[test]
fn a_hostile_organisation_name_stays_text() {
    hostile_field(
        "    name: Kent County Council\n",
        "    name: ",
        "live-well-kent",
        true,
        false,
    );
}

// Refused output folders -------------------------------------------------------------------------------

/// Runs a build with `--out OUT` in `dir` and checks it is refused: exit 2, a message with `reason`.
fn refused(dir: &Path, out: &str, reason: &str) {
    let run = build(dir, out, &[]);
    run.expect(2, &format!("--out {out}"));
    assert!(
        run.stderr.contains("refusing"),
        "--out {out}: says it refuses:\n{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(reason),
        "--out {out}: says `{reason}`:\n{}",
        run.stderr
    );
    assert!(
        leftovers(dir).is_empty(),
        "--out {out}: no staging folders are left: {:?}",
        leftovers(dir)
    );
}

// Ensures `--out` naming a file is refused with exit 2, and the file is untouched.
#[test]
fn out_refuses_a_file() {
    let dir = project(&example_notices());
    std::fs::write(dir.path().join("out.html"), "precious\n").unwrap();
    refused(dir.path(), "out.html", "not a folder");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("out.html")).unwrap(),
        "precious\n"
    );
}

// Ensures `--out /` is refused with exit 2.
#[test]
fn out_refuses_the_filesystem_root() {
    let dir = project(&example_notices());
    refused(dir.path(), "/", "root");
}

// Ensures `--out .` in a project folder is refused with exit 2, and nothing in it changes.
#[test]
fn out_refuses_the_project_folder() {
    let dir = project(&example_notices());
    std::fs::write(dir.path().join("Cargo.toml"), "[package]\nname = \"x\"\n").unwrap();
    let before = tree(dir.path());
    refused(dir.path(), ".", "current folder");
    assert_same_tree(&before, &tree(dir.path()), "the project folder");
}

// Ensures an `--out` folder that holds `Cargo.toml`, `notices.yaml` or `.git` is refused as a project
// folder with exit 2, even when it is marked as an output folder, and is left as it was.
#[test]
fn out_refuses_a_folder_that_looks_like_a_project() {
    for marker in ["Cargo.toml", "notices.yaml", ".git"] {
        let dir = project(&example_notices());
        let target = dir.path().join("elsewhere");
        std::fs::create_dir(&target).unwrap();
        if marker == ".git" {
            std::fs::create_dir(target.join(marker)).unwrap();
        } else {
            std::fs::write(target.join(marker), "x\n").unwrap();
        }
        std::fs::write(target.join(".noticec-output"), "x\n").unwrap();
        let before = tree(&target);
        refused(dir.path(), "elsewhere", marker);
        assert_same_tree(&before, &tree(&target), marker);
    }
}

// Ensures a non-empty folder without the marker file is refused with exit 2 and left as it was.
#[test]
fn out_refuses_a_folder_that_is_not_a_previous_output() {
    let dir = project(&example_notices());
    std::fs::create_dir_all(dir.path().join("docs/sub")).unwrap();
    std::fs::write(dir.path().join("docs/sub/thesis.txt"), "years of work\n").unwrap();
    let before = tree(&dir.path().join("docs"));
    refused(dir.path(), "docs", ".noticec-output");
    assert_same_tree(&before, &tree(&dir.path().join("docs")), "docs");
}

// Ensures `--out` naming a symbolic link is refused with exit 2, even when it points at a previous
// output, and neither the link nor its target changes.
#[cfg(unix)]
#[test]
fn out_refuses_a_symbolic_link() {
    let dir = project(&example_notices());
    build(dir.path(), "real", &[]).expect(0, "build the real folder");
    std::os::unix::fs::symlink("real", dir.path().join("link")).unwrap();
    let before = tree(dir.path());
    refused(dir.path(), "link", "symbolic link");
    assert_same_tree(&before, &tree(dir.path()), "the link and its target");

    std::os::unix::fs::symlink("missing-target", dir.path().join("dangling")).unwrap();
    refused(dir.path(), "dangling", "symbolic link");
}

// Ensure symbolic links planted inside the output folder are never followed: neither replacing the
// folder nor `--check` touches or reads what they point at.
#[cfg(unix)]
#[test]
fn symlinks_inside_the_output_folder_are_never_followed() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("notices.yaml"),
        dir.path().join("notices.yaml"),
    )
    .unwrap();
    let precious = dir.path().join("precious");
    std::fs::create_dir(&precious).unwrap();
    std::fs::write(precious.join("keep.txt"), "keep me").unwrap();
    std::fs::write(dir.path().join("secret.txt"), "secret").unwrap();
    let first = noticec_env(dir.path(), &["build", "notices.yaml", "--out", "out"], &[]);
    assert_eq!(first.code, Some(0), "{}", first.stderr);
    // A link to a folder, in place of a notice's folder, and a link to a file, in place of an output.
    std::fs::remove_dir_all(dir.path().join("out/iewm")).unwrap();
    std::os::unix::fs::symlink(&precious, dir.path().join("out/iewm")).unwrap();
    std::fs::remove_file(dir.path().join("out/index.html")).unwrap();
    std::os::unix::fs::symlink(
        dir.path().join("secret.txt"),
        dir.path().join("out/index.html"),
    )
    .unwrap();

    let check = noticec_env(
        dir.path(),
        &["build", "notices.yaml", "--out", "out", "--check"],
        &[],
    );
    assert_eq!(
        check.code,
        Some(1),
        "links are stale, not followed: {}",
        check.stderr
    );
    assert!(check.stderr.contains("index.html"), "{}", check.stderr);

    let rebuild = noticec_env(dir.path(), &["build", "notices.yaml", "--out", "out"], &[]);
    assert_eq!(rebuild.code, Some(0), "{}", rebuild.stderr);
    assert_eq!(
        std::fs::read_to_string(precious.join("keep.txt")).unwrap(),
        "keep me"
    );
    assert_eq!(
        std::fs::read_dir(&precious).unwrap().count(),
        1,
        "nothing was written through the link"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("secret.txt")).unwrap(),
        "secret"
    );
    assert!(
        !std::fs::symlink_metadata(dir.path().join("out/iewm"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        !std::fs::symlink_metadata(dir.path().join("out/index.html"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

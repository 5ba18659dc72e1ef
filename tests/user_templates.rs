//! A `--templates` folder is trusted to shape the pages, not to reach outside itself or to run without
//! end: a symbolic link in it is refused, and a template that loops, recurses or writes without end is
//! stopped at a limit, with the template named (exit 2), and nothing written.

// Tests may panic: a failed unwrap or expect in a helper is a failed test.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::string_slice,
    clippy::indexing_slicing
)]

mod common;

use std::path::Path;

use common::{Run, example_notices};

/// A folder with the example notices and `templates/NAME` holding `source` for each pair.
fn project(templates: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = common::dir_with(&[("notices.yaml", example_notices())]);
    for (name, source) in templates {
        let path = dir.path().join("templates").join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, source).unwrap();
    }
    std::fs::create_dir_all(dir.path().join("templates")).unwrap();
    dir
}

/// Runs `noticec build --out out --templates templates` in `dir`.
fn build(dir: &Path) -> Run {
    let mut command = common::command(dir);
    command.args([
        "build",
        "--out",
        "out",
        "--templates",
        "templates",
        "--color",
        "never",
    ]);
    Run::of(command)
}

/// Asserts the build was refused (exit 2) naming every one of `names`, and wrote nothing.
fn refused(dir: &Path, run: &Run, names: &[&str]) {
    run.expect(2, "refused templates");
    for name in names {
        assert!(run.stderr.contains(name), "names `{name}`:\n{}", run.stderr);
    }
    assert!(!dir.join("out").exists(), "nothing written");
}

// Ensures a symbolic link in the templates folder, to a file outside it, is refused with the link
// named, rather than its target published as a page.
#[test]
fn a_symbolic_link_in_the_templates_folder_is_refused() {
    let dir = project(&[]);
    std::fs::write(dir.path().join("secret.txt"), "not for publishing\n").unwrap();
    std::os::unix::fs::symlink(
        dir.path().join("secret.txt"),
        dir.path().join("templates/notice.txt.j2"),
    )
    .unwrap();
    let run = build(dir.path());
    refused(
        dir.path(),
        &run,
        &["templates/notice.txt.j2", "symbolic link"],
    );
}

// Ensures a symbolic link to a folder inside the templates folder is refused too.
#[test]
fn a_linked_folder_in_the_templates_folder_is_refused() {
    let dir = project(&[]);
    std::fs::create_dir(dir.path().join("elsewhere")).unwrap();
    std::fs::write(dir.path().join("elsewhere/sections.html.j2"), "x\n").unwrap();
    std::os::unix::fs::symlink(
        dir.path().join("elsewhere"),
        dir.path().join("templates/partials"),
    )
    .unwrap();
    let run = build(dir.path());
    refused(dir.path(), &run, &["templates/partials", "symbolic link"]);
}

// Ensures a loop of a billion steps is stopped at the fuel limit, naming the template and the limit.
#[test]
fn a_template_that_loops_without_end_is_stopped() {
    let dir = project(&[(
        "notice.txt.j2",
        "{% for i in range(100000) %}{% for j in range(100000) %}{% for k in range(100000) %}\
         {% endfor %}{% endfor %}{% endfor %}\n",
    )]);
    let run = build(dir.path());
    refused(dir.path(), &run, &["notice.txt.j2", "limit"]);
}

// Ensures a macro that calls itself for ever is stopped with the template named.
#[test]
fn a_template_that_recurses_without_end_is_stopped() {
    let dir = project(&[(
        "notice.html.j2",
        "{% macro again(n) %}{{ again(n + 1) }}{{ again(n + 1) }}{% endmacro %}{{ again(0) }}\n",
    )]);
    let run = build(dir.path());
    refused(dir.path(), &run, &["notice.html.j2"]);
}

// Ensures a template that writes without end (a huge repeated string, or a loop of long lines) is
// stopped at a limit, with the template named.
#[test]
fn a_template_that_writes_without_end_is_stopped() {
    for source in [
        "{{ 'x' * 100000000 }}\n",
        "{% for i in range(100000) %}{{ 'y' * 1000000 }}{% endfor %}\n",
    ] {
        let dir = project(&[("index.html.j2", source)]);
        let run = build(dir.path());
        refused(dir.path(), &run, &["index.html.j2", "limit"]);
    }
}

//! What `build` and `report` may write, and what they must leave alone: a run that fails writes nothing,
//! an output folder holding the input or the templates is refused, a build whose old copy cannot be
//! removed has still succeeded, an output folder that is a mount point is replaced in place, and a
//! running build's staging folder survives a build from another process namespace.
//!
//! Each test takes the tree (paths, bytes and symbolic link targets) of the output folder, the input and
//! the templates before and after the run, and compares them.

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
use std::process::Command;

use common::{Run, example_notices};

/// One entry of a tree.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Node {
    /// A folder.
    Dir,
    /// A file and its bytes.
    File(Vec<u8>),
    /// A symbolic link and its target.
    Link(PathBuf),
}

/// Every entry under `root` (itself included, as ""), by relative path; symbolic links are not
/// followed. A missing `root` is an empty tree.
fn tree(root: &Path) -> BTreeMap<String, Node> {
    fn walk(path: &Path, rel: &str, out: &mut BTreeMap<String, Node>) {
        let Ok(meta) = std::fs::symlink_metadata(path) else {
            return;
        };
        if meta.file_type().is_symlink() {
            out.insert(rel.into(), Node::Link(std::fs::read_link(path).unwrap()));
        } else if meta.is_dir() {
            out.insert(rel.into(), Node::Dir);
            for entry in std::fs::read_dir(path).unwrap() {
                let entry = entry.unwrap();
                let name = entry.file_name().to_string_lossy().into_owned();
                walk(&entry.path(), &format!("{rel}/{name}"), out);
            }
        } else {
            out.insert(rel.into(), Node::File(std::fs::read(path).unwrap()));
        }
    }
    let mut out = BTreeMap::new();
    walk(root, "", &mut out);
    out
}

/// The trees of several paths, to compare before and after a run.
fn trees(paths: &[&Path]) -> Vec<BTreeMap<String, Node>> {
    paths.iter().map(|p| tree(p)).collect()
}

/// Runs `noticec ARGS --color never` in `dir`.
fn noticec(dir: &Path, args: &[&str]) -> Run {
    let mut command = common::command(dir);
    command.args(args).args(["--color", "never"]);
    Run::of(command)
}

/// A project folder with the example notices, built once into `out`.
fn built_project() -> tempfile::TempDir {
    let dir = common::dir_with(&[("notices.yaml", example_notices())]);
    noticec(dir.path(), &["build", "--out", "out"]).expect(0, "first build");
    dir
}

/// Runs `sh -c SCRIPT` in a mount namespace of its own (so its mounts vanish with it), in `dir`, with
/// `$NOTICEC` the binary. `None` when this machine cannot make one (not root, or no namespaces).
fn in_mount_namespace(dir: &Path, script: &str) -> Option<Run> {
    let probe = Command::new("unshare")
        .args(["--mount", "sh", "-c", "mount --bind . . && echo ok"])
        .current_dir(dir)
        .output();
    if !probe.is_ok_and(|o| o.status.success()) {
        return None;
    }
    let mut command = Command::new("unshare");
    common::prepare(&mut command, dir);
    command
        .args(["--mount", "sh", "-c", script])
        .env("NOTICEC", common::binary());
    Some(Run::of(command))
}

// Ensures an input file inside the output folder is refused (exit 2, both paths named) and nothing
// changes: replacing the folder would delete the input.
#[test]
fn an_output_folder_holding_the_input_is_refused() {
    let dir = built_project();
    std::fs::write(dir.path().join("out/input.yaml"), example_notices()).unwrap();
    let out = dir.path().join("out");
    let before = trees(&[&out]);
    let run = noticec(dir.path(), &["build", "out/input.yaml", "--out", "out"]);
    run.expect(2, "input inside --out");
    assert!(
        run.stderr.contains("`out`") && run.stderr.contains("out/input.yaml"),
        "{}",
        run.stderr
    );
    assert_eq!(
        trees(&[&out]),
        before,
        "the output folder and the input are unchanged"
    );
}

// Ensures a templates folder inside the output folder is refused (exit 2, both paths named) and
// nothing changes.
#[test]
fn an_output_folder_holding_the_templates_is_refused() {
    let dir = built_project();
    std::fs::create_dir(dir.path().join("out/templates")).unwrap();
    std::fs::write(
        dir.path().join("out/templates/notice.txt.j2"),
        "{{ notice.title }}\n",
    )
    .unwrap();
    let paths = [dir.path().join("out"), dir.path().join("notices.yaml")];
    let paths: Vec<&Path> = paths.iter().map(PathBuf::as_path).collect();
    let before = trees(&paths);
    let run = noticec(
        dir.path(),
        &["build", "--out", "out", "--templates", "out/templates"],
    );
    run.expect(2, "templates inside --out");
    assert!(
        run.stderr.contains("`out`") && run.stderr.contains("out/templates"),
        "{}",
        run.stderr
    );
    assert_eq!(trees(&paths), before, "nothing changed");
}

// Ensures `report --out` holding the input is refused as `build --out` is.
#[test]
fn a_report_folder_holding_the_input_is_refused() {
    let dir = common::dir_with(&[("notices.yaml", example_notices())]);
    noticec(dir.path(), &["report", "--out", "report"]).expect(0, "first report");
    std::fs::write(dir.path().join("report/input.yaml"), example_notices()).unwrap();
    let report = dir.path().join("report");
    let before = trees(&[&report]);
    let run = noticec(
        dir.path(),
        &["report", "report/input.yaml", "--out", "report"],
    );
    run.expect(2, "input inside report --out");
    assert!(run.stderr.contains("report/input.yaml"), "{}", run.stderr);
    assert_eq!(trees(&[&report]), before, "nothing changed");
}

// Ensures `build --deny warnings` on notices with warnings exits 1 and writes nothing: the outcome is
// decided before the output folder is touched. Likewise `report`.
#[test]
fn a_run_failed_by_deny_warnings_writes_nothing() {
    let dir = built_project();
    noticec(dir.path(), &["report", "--out", "report"]).expect(0, "first report");
    // A change that shows in every output, so a write would be seen.
    let changed = example_notices().replacen("title: ", "title: Changed ", 1);
    std::fs::write(dir.path().join("notices.yaml"), changed).unwrap();
    let paths = [
        dir.path().join("out"),
        dir.path().join("report"),
        dir.path().join("notices.yaml"),
    ];
    let paths: Vec<&Path> = paths.iter().map(PathBuf::as_path).collect();
    let before = trees(&paths);
    let run = noticec(dir.path(), &["build", "--out", "out", "--deny", "warnings"]);
    run.expect(1, "build with denied warnings");
    assert!(run.stderr.contains("nothing written"), "{}", run.stderr);
    let run = noticec(
        dir.path(),
        &["report", "--out", "report", "--deny", "warnings"],
    );
    run.expect(1, "report with denied warnings");
    assert!(run.stderr.contains("nothing written"), "{}", run.stderr);
    assert_eq!(trees(&paths), before, "nothing changed");
}

// Ensures that once the new output folder is swapped in, the build has succeeded (exit 0) even when
// the old copy cannot be fully removed (here a mount point inside it): the leftover is named in a
// warning, and the next build removes it.
#[test]
fn an_old_copy_that_cannot_be_removed_is_a_warning() {
    let fresh = common::dir_with(&[("notices.yaml", example_notices())]);
    noticec(fresh.path(), &["build", "--out", "out"]).expect(0, "reference build");
    let expected = tree(&fresh.path().join("out"));

    let dir = built_project();
    std::fs::create_dir(dir.path().join("out/busy")).unwrap();
    std::fs::create_dir(dir.path().join("elsewhere")).unwrap();
    let Some(run) = in_mount_namespace(
        dir.path(),
        "mount --bind elsewhere out/busy && \"$NOTICEC\" build --out out --color never",
    ) else {
        println!("skipped: this machine cannot make a mount namespace (needs root and unshare)");
        return;
    };
    run.expect(0, "build whose old copy keeps a mount point");
    assert!(
        run.stderr.contains("warning") && run.stderr.contains(".out."),
        "the leftover is named: {}",
        run.stderr
    );
    assert_eq!(
        tree(&dir.path().join("out")),
        expected,
        "out/ is the new build"
    );
    let leftover: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".out."))
        .collect();
    assert_eq!(leftover.len(), 1, "{leftover:?}");
    noticec(dir.path(), &["build", "--out", "out"]).expect(0, "next build");
    assert!(
        !dir.path().join(&leftover[0]).exists(),
        "the next build removes the leftover"
    );
    assert_eq!(tree(&dir.path().join("out")), expected);
}

// Ensures an output folder that is a mount point (a container volume, which cannot be renamed) is
// replaced in place: exit 0, and the volume then holds exactly a fresh build.
#[test]
fn an_output_folder_that_is_a_mount_point_is_replaced_in_place() {
    let fresh = common::dir_with(&[("notices.yaml", example_notices())]);
    noticec(fresh.path(), &["build", "--out", "out"]).expect(0, "reference build");
    let expected = tree(&fresh.path().join("out"));

    // `volume` holds a previous output with one stale page; it is mounted on `out`.
    let dir = built_project();
    std::fs::rename(dir.path().join("out"), dir.path().join("volume")).unwrap();
    std::fs::write(dir.path().join("volume/stale.html"), "old\n").unwrap();
    std::fs::create_dir(dir.path().join("out")).unwrap();
    let Some(run) = in_mount_namespace(
        dir.path(),
        "mount --bind volume out && \"$NOTICEC\" build --out out --color never",
    ) else {
        println!("skipped: this machine cannot make a mount namespace (needs root and unshare)");
        return;
    };
    run.expect(0, "build into a mount point");
    assert_eq!(
        tree(&dir.path().join("volume")),
        expected,
        "the volume holds a fresh build"
    );
}

// Ensures a build leaves alone a staging folder of a build that is running, whatever its process id
// says: here the folder's name carries a process id no process has (as one from another PID
// namespace would), and this test holds the lock a running build holds.
#[test]
fn a_running_build_in_another_namespace_keeps_its_staging_folder() {
    let dir = built_project();
    let staging = dir.path().join(".out.new-999999999-0");
    std::fs::create_dir(&staging).unwrap();
    std::fs::write(staging.join("index.html"), "being written\n").unwrap();
    let before = tree(&staging);
    let lock = std::fs::File::open(dir.path()).unwrap();
    lock.lock_shared().unwrap();
    noticec(dir.path(), &["build", "--out", "out"]).expect(0, "build beside a running one");
    assert_eq!(
        tree(&staging),
        before,
        "the running build's folder is untouched"
    );
    drop(lock);
    noticec(dir.path(), &["build", "--out", "out"]).expect(0, "build alone");
    assert!(
        !staging.exists(),
        "once no build runs, the leftover is removed"
    );
}

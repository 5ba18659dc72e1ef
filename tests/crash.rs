//! Crash safety: a build killed at any moment, or two builds at once, leave the output folder either
//! entirely the old build or entirely the new one, never a mix and never half-written.

// Tests may panic: a failed unwrap or expect in a helper is a failed test.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::string_slice,
    clippy::indexing_slicing
)]

mod common;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::XorShift;

/// Every file under `dir` with its bytes, by relative path.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    common::files_under(dir)
}

/// A notices file with `copies` copies of each example notice, so that a build takes long enough to
/// be interrupted part-way; `tag` changes every title, so two tags give two different builds.
fn big_notices(copies: usize, tag: &str) -> String {
    let base = common::example_notices();
    let (head, notices) = base.split_once("\nnotices:\n").expect("a notices list");
    let mut text = format!("{head}\nnotices:\n");
    for i in 0..copies {
        for line in notices.lines() {
            let line = if let Some(id) = line.strip_prefix("  - id: ") {
                format!("  - id: c{i}-{id}")
            } else if let Some(title) = line.strip_prefix("    title: ") {
                format!("    title: {tag} {title}")
            } else {
                line.replace("notice: live", &format!("notice: c{i}-live"))
            };
            text.push_str(&line);
            text.push('\n');
        }
    }
    text
}

/// `noticec` in `dir`, its output thrown away (a killed build's output is of no use).
fn noticec(dir: &Path) -> Command {
    let mut c = common::command(dir);
    c.stdout(Stdio::null()).stderr(Stdio::null());
    c
}

/// Builds `file` into `out/` in `dir`, to the end.
fn build(dir: &Path, file: &str) {
    let status = noticec(dir)
        .args(["build", file, "--out", "out"])
        .status()
        .expect("runs");
    assert!(status.success(), "build {file} failed");
}

// Ensure a build killed with SIGKILL at 60 random moments leaves `out/` whole: exactly the previous
// build or exactly the next one.
#[test]
fn a_build_killed_at_random_moments_leaves_the_output_whole() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("a.yaml"), big_notices(8, "A")).expect("write");
    std::fs::write(dir.path().join("b.yaml"), big_notices(8, "B")).expect("write");
    build(dir.path(), "b.yaml");
    let b = snapshot(&dir.path().join("out"));
    let started = Instant::now();
    build(dir.path(), "a.yaml");
    let full = started.elapsed();
    let a = snapshot(&dir.path().join("out"));
    assert_ne!(a, b);

    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
    let (mut old_seen, mut new_seen) = (0, 0);
    let mut current = "a.yaml";
    for round in 0..60 {
        let next = if current == "a.yaml" {
            "b.yaml"
        } else {
            "a.yaml"
        };
        let mut child = noticec(dir.path())
            .args(["build", next, "--out", "out"])
            .spawn()
            .expect("spawn");
        // Kill anywhere from the start to a little past the expected end.
        let wait = Duration::from_micros(rng.next() % (full.as_micros() as u64 * 6 / 5 + 1));
        std::thread::sleep(wait);
        let _ = child.kill();
        let _ = child.wait();
        let now = snapshot(&dir.path().join("out"));
        let (before, after) = if next == "b.yaml" { (&a, &b) } else { (&b, &a) };
        if &now == after {
            new_seen += 1;
            current = next;
        } else {
            assert!(
                &now == before,
                "round {round}: killed after {wait:?}, out/ is neither the old nor the new build"
            );
            old_seen += 1;
        }
    }
    println!(
        "60 kills over a {full:?} build: {old_seen} left the old build, {new_seen} the new one"
    );
    // A later build clears whatever staging folders the killed ones left.
    build(dir.path(), "a.yaml");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .expect("read")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".out."))
        .collect();
    assert!(
        leftovers.is_empty(),
        "staging folders left behind: {leftovers:?}"
    );
    assert!(
        old_seen > 0,
        "no kill landed before the swap; the test did not test anything"
    );
}

// Ensure two builds into the same folder at the same time leave it whole: one build or the other.
#[test]
fn two_builds_at_once_leave_the_output_whole() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("a.yaml"), big_notices(4, "A")).expect("write");
    std::fs::write(dir.path().join("b.yaml"), big_notices(4, "B")).expect("write");
    build(dir.path(), "a.yaml");
    let a = snapshot(&dir.path().join("out"));
    build(dir.path(), "b.yaml");
    let b = snapshot(&dir.path().join("out"));
    for round in 0..10 {
        let mut one = noticec(dir.path())
            .args(["build", "a.yaml", "--out", "out"])
            .spawn()
            .expect("spawn");
        let mut two = noticec(dir.path())
            .args(["build", "b.yaml", "--out", "out"])
            .spawn()
            .expect("spawn");
        let (s1, s2) = (one.wait().expect("wait"), two.wait().expect("wait"));
        assert!(
            s1.success() && s2.success(),
            "round {round}: a concurrent build failed"
        );
        let now = snapshot(&dir.path().join("out"));
        assert!(
            now == a || now == b,
            "round {round}: out/ is a mix of two builds"
        );
    }
}

//! Crash safety: a build killed at any moment, or two builds at once, leave the output folder either
//! entirely the old build or entirely the new one, never a mix and never half-written.

// Tests may panic: a failed unwrap or expect in a helper is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Every file under `dir` with its bytes, by relative path.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, Vec<u8>>) {
        for entry in std::fs::read_dir(dir).expect("read dir") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                let rel = path.strip_prefix(root).expect("inside").to_path_buf();
                out.insert(rel, std::fs::read(&path).expect("read file"));
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// A notices file with `copies` copies of each example notice, so that a build takes long enough to
/// be interrupted part-way; `tag` changes every title, so two tags give two different builds.
fn big_notices(copies: usize, tag: &str) -> String {
    let base = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("notices.yaml"))
        .expect("notices.yaml");
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

fn noticec() -> Command {
    let mut c = Command::new(assert_cmd::cargo::cargo_bin("noticec"));
    c.env("NOTICEC_TODAY", "2026-11-24")
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    c
}

fn build(dir: &Path, file: &str) {
    let status = noticec()
        .current_dir(dir)
        .args(["build", file, "--out", "out"])
        .status()
        .expect("runs");
    assert!(status.success(), "build {file} failed");
}

/// A small deterministic generator for kill times.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
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
        let mut child = noticec()
            .current_dir(dir.path())
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
        let mut one = noticec()
            .current_dir(dir.path())
            .args(["build", "a.yaml", "--out", "out"])
            .spawn()
            .expect("spawn");
        let mut two = noticec()
            .current_dir(dir.path())
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

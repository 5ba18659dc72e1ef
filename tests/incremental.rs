//! Incremental builds, on the real binary: a build over a previous output folder keeps the files whose
//! bytes are unchanged (hard-linked into the new folder, so they keep their inode) and lays out again
//! only the PDFs whose inputs changed; the result is always byte for byte a fresh build.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)]

mod common;

use std::collections::BTreeMap;
use std::os::unix::fs::MetadataExt as _;
use std::path::Path;

use common::{dir_with, example_notices, files_under, noticec};

/// Every file under `root` with its inode: a file kept by a build keeps its inode.
fn inodes(root: &Path) -> BTreeMap<String, u64> {
    files_under(root)
        .into_keys()
        .map(|rel| {
            let ino = std::fs::metadata(root.join(&rel)).unwrap().ino();
            (rel, ino)
        })
        .collect()
}

/// The files whose inode differs between two listings, or that are in only one.
fn rewritten(before: &BTreeMap<String, u64>, after: &BTreeMap<String, u64>) -> Vec<String> {
    after
        .iter()
        .filter(|(rel, ino)| before.get(*rel) != Some(ino))
        .map(|(rel, _)| rel.clone())
        .collect()
}

fn build(dir: &Path, out: &str) -> common::Run {
    let run = noticec(dir, &["build", "notices.yaml", "--out", out]);
    run.expect(0, "build");
    run
}

// A second build of an unchanged file writes nothing: every file is kept, and the result is a fresh
// build's bytes.
#[test]
fn a_rebuild_of_an_unchanged_file_writes_nothing() {
    let dir = dir_with(&[("notices.yaml", example_notices())]);
    build(dir.path(), "out");
    let before = inodes(&dir.path().join("out"));
    let run = build(dir.path(), "out");
    assert!(
        run.stderr.contains("wrote 0 files for 5 notices")
            && run
                .stderr
                .contains(&format!("({} more unchanged)", before.len())),
        "{}",
        run.stderr
    );
    let after = inodes(&dir.path().join("out"));
    assert_eq!(rewritten(&before, &after), Vec::<String>::new());
    build(dir.path(), "fresh");
    assert_eq!(
        files_under(&dir.path().join("out")),
        files_under(&dir.path().join("fresh"))
    );
}

// An edit to one notice rewrites that notice's files and the index (which lists its title), nothing
// of the other notices, and its PDFs are laid out again; the result is a fresh build's bytes.
#[test]
fn an_edit_to_one_notice_rewrites_only_its_files() {
    let notices = example_notices();
    let dir = dir_with(&[("notices.yaml", notices.as_str())]);
    build(dir.path(), "out");
    let before = inodes(&dir.path().join("out"));
    let title = "title: Improvement and Efficiency West Midlands Privacy Notice";
    assert!(notices.contains(title), "the example notice's title moved");
    let edited = notices.replacen(title, &format!("{title} (edited)"), 1);
    std::fs::write(dir.path().join("notices.yaml"), edited).unwrap();
    build(dir.path(), "out");
    let after = inodes(&dir.path().join("out"));
    let changed = rewritten(&before, &after);
    assert!(!changed.is_empty());
    for rel in &changed {
        assert!(
            rel.starts_with("iewm/") || rel == "index.html" || rel == ".noticec-print-inputs",
            "`{rel}` was rewritten, but only `iewm` changed: {changed:?}"
        );
    }
    assert!(
        changed.contains(&"iewm/notice.pdf".to_owned()),
        "{changed:?}"
    );
    assert!(
        changed.contains(&"iewm/index.html".to_owned()),
        "{changed:?}"
    );
    build(dir.path(), "fresh");
    assert_eq!(
        files_under(&dir.path().join("out")),
        files_under(&dir.path().join("fresh"))
    );
}

// A PDF changed by hand in the output folder is not taken: its bytes no longer match the digest the
// build recorded, so it is laid out again, and `build --check` finds the folder stale until then.
#[test]
fn a_pdf_changed_by_hand_is_laid_out_again() {
    let dir = dir_with(&[("notices.yaml", example_notices())]);
    build(dir.path(), "out");
    let pdf = dir.path().join("out/iewm/notice.pdf");
    let good = std::fs::read(&pdf).unwrap();
    let mut bad = good.clone();
    let at = bad.len() / 2;
    bad[at] ^= 0x20;
    std::fs::write(&pdf, &bad).unwrap();
    let check = noticec(
        dir.path(),
        &["build", "notices.yaml", "--out", "out", "--check"],
    );
    check.expect(1, "build --check on a changed PDF");
    assert!(check.stderr.contains("iewm/notice.pdf"), "{}", check.stderr);
    build(dir.path(), "out");
    assert_eq!(std::fs::read(&pdf).unwrap(), good);
}

// A PDF whose recorded inputs no longer match (here: a print template overridden) is laid out again,
// even though the notices are unchanged.
#[test]
fn a_changed_print_template_lays_every_pdf_out_again() {
    let dir = dir_with(&[("notices.yaml", example_notices())]);
    build(dir.path(), "out");
    let before = files_under(&dir.path().join("out"));
    let common = noticec::render::Templates::builtin_names()
        .find(|n| *n == "print/common.typ")
        .unwrap();
    let source = std::fs::read_to_string(Path::new(common::ROOT).join("templates").join(common))
        .unwrap()
        .replace("#let has-words(s)", "// Edited.\n#let has-words(s)");
    std::fs::create_dir_all(dir.path().join("templates/print")).unwrap();
    std::fs::write(dir.path().join("templates/print/common.typ"), source).unwrap();
    let run = noticec(
        dir.path(),
        &[
            "build",
            "notices.yaml",
            "--out",
            "out",
            "--templates",
            "templates",
        ],
    );
    run.expect(0, "build with an edited print template");
    let after = files_under(&dir.path().join("out"));
    assert_ne!(
        before[".noticec-print-inputs"], after[".noticec-print-inputs"],
        "the inputs of every PDF changed"
    );
    let recorded = String::from_utf8(after[".noticec-print-inputs"].clone()).unwrap();
    let old = String::from_utf8(before[".noticec-print-inputs"].clone()).unwrap();
    let old_keys: Vec<&str> = old.lines().map(|l| &l[..64]).collect();
    for line in recorded.lines() {
        assert!(
            !old_keys.contains(&&line[..64]),
            "a PDF kept its inputs digest: {line}"
        );
    }
}

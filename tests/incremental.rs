//! Incremental builds, on the real binary: a build over a previous output folder keeps the files whose
//! bytes are unchanged (hard-linked into the new folder, so they keep their inode), renders again only
//! the notices whose inputs changed and lays out again only the PDFs whose inputs changed; the result
//! is always byte for byte a fresh build.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)]

mod common;

use std::collections::{BTreeMap, BTreeSet};
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

// A build that finds the output folder current touches nothing: the folder itself is the same (its
// inode and modification time), no staging folder is made beside it, and nothing is left there.
#[test]
fn a_rebuild_into_a_current_folder_leaves_the_folder_as_it_is() {
    let dir = dir_with(&[("notices.yaml", example_notices())]);
    build(dir.path(), "out");
    let out = dir.path().join("out");
    let before = std::fs::metadata(&out).unwrap();
    build(dir.path(), "out");
    let after = std::fs::metadata(&out).unwrap();
    assert_eq!(before.ino(), after.ino(), "the folder was replaced");
    assert_eq!(before.mtime_nsec(), after.mtime_nsec());
    assert_eq!(before.mtime(), after.mtime());
    let siblings: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with('.'))
        .collect();
    assert_eq!(siblings, Vec::<String>::new());
}

/// Puts something the build does not make at a path of the output folder.
type MakeExtra = fn(&Path);

// Anything in the output folder that a build does not make (a file, an empty folder, a link) is gone
// after the next build, though every file the build makes was already there.
#[test]
fn a_rebuild_removes_what_the_build_does_not_make() {
    let dir = dir_with(&[("notices.yaml", example_notices())]);
    build(dir.path(), "fresh");
    build(dir.path(), "out");
    let out = dir.path().join("out");
    let extras: [(&str, MakeExtra); 4] = [
        ("extra.txt", |p| std::fs::write(p, "x").unwrap()),
        ("iewm/extra.html", |p| std::fs::write(p, "x").unwrap()),
        ("empty", |p| std::fs::create_dir(p).unwrap()),
        ("link", |p| {
            std::os::unix::fs::symlink("index.html", p).unwrap()
        }),
    ];
    for (name, make) in extras {
        make(&out.join(name));
        let run = build(dir.path(), "out");
        assert!(
            run.stderr.contains("wrote 0 files"),
            "{name}: {}",
            run.stderr
        );
        assert!(
            std::fs::symlink_metadata(out.join(name)).is_err(),
            "{name} is still there"
        );
        assert_eq!(
            files_under(&out),
            files_under(&dir.path().join("fresh")),
            "{name}"
        );
    }
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
            rel.starts_with("iewm/")
                || rel == "index.html"
                || rel == ".noticec-print-inputs"
                || rel == ".noticec-notice-inputs",
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

/// The BLAKE3 digest of `bytes` in lower-case hex, as the records give it.
fn digest_hex(bytes: &[u8]) -> String {
    blake3::hash(bytes).to_hex().to_string()
}

/// `out/.noticec-notice-inputs` with the line for `path` given the digest of `bytes`: a record
/// changed by hand to match a changed file.
fn record_as_if(out: &Path, path: &str, bytes: &[u8]) {
    let record = out.join(".noticec-notice-inputs");
    let text = std::fs::read_to_string(&record).unwrap();
    let digest = digest_hex(bytes);
    let mut found = false;
    let lines: Vec<String> = text
        .lines()
        .map(|line| {
            let mut parts = line.splitn(3, ' ');
            let (key, _, rel) = (parts.next().unwrap(), parts.next(), parts.next().unwrap());
            if rel == path {
                found = true;
                format!("{key} {digest} {rel}")
            } else {
                line.to_owned()
            }
        })
        .collect();
    assert!(found, "{path} is not in the record");
    std::fs::write(&record, lines.join("\n") + "\n").unwrap();
}

// A page changed by hand in the output folder is not taken: its bytes no longer match the digest the
// build recorded, so its notice is rendered again and the page restored.
#[test]
fn a_page_changed_by_hand_is_rendered_again() {
    let dir = dir_with(&[("notices.yaml", example_notices())]);
    build(dir.path(), "out");
    let page = dir.path().join("out/iewm/index.html");
    let good = std::fs::read_to_string(&page).unwrap();
    std::fs::write(&page, good.replace("<h1", "<h1 data-edited")).unwrap();
    let run = build(dir.path(), "out");
    assert!(
        run.stderr.contains("wrote 1 file for 5 notices"),
        "{}",
        run.stderr
    );
    assert_eq!(std::fs::read_to_string(&page).unwrap(), good);
}

// `build --check` renders every page and compares it with the folder: a page changed by hand together
// with its line in the record is still found stale (only PDFs are taken from the folder there).
#[test]
fn build_check_finds_a_page_changed_with_its_record() {
    let dir = dir_with(&[("notices.yaml", example_notices())]);
    build(dir.path(), "out");
    let out = dir.path().join("out");
    let page = out.join("iewm/notice.txt");
    let bad = std::fs::read_to_string(&page).unwrap() + "Changed by hand.\n";
    std::fs::write(&page, &bad).unwrap();
    record_as_if(&out, "iewm/notice.txt", bad.as_bytes());
    let check = noticec(
        dir.path(),
        &["build", "notices.yaml", "--out", "out", "--check"],
    );
    check.expect(1, "build --check on a page changed with its record");
    assert!(check.stderr.contains("iewm/notice.txt"), "{}", check.stderr);
}

// A record that names files a notice does not have (here one outside the folder, with its right
// digest) is not followed: the notice is rendered, and the build is a fresh build's bytes.
#[test]
fn a_record_naming_other_files_is_not_followed() {
    let dir = dir_with(&[
        ("notices.yaml", example_notices()),
        ("secret.txt", "not an output\n".to_owned()),
    ]);
    build(dir.path(), "out");
    let out = dir.path().join("out");
    let record = out.join(".noticec-notice-inputs");
    let text = std::fs::read_to_string(&record).unwrap();
    let line = text
        .lines()
        .find(|l| l.ends_with(" iewm/notice.txt"))
        .unwrap()
        .to_owned();
    let key = &line[..64];
    let secret = std::fs::read(dir.path().join("secret.txt")).unwrap();
    let hostile = format!("{key} {} iewm/../../secret.txt\n", digest_hex(&secret));
    std::fs::write(
        &record,
        text.replace(&format!("{line}\n"), &format!("{line}\n{hostile}")),
    )
    .unwrap();
    build(dir.path(), "out");
    build(dir.path(), "fresh");
    assert_eq!(files_under(&out), files_under(&dir.path().join("fresh")));
}

/// The notices of `yaml`, checked in-process as `noticec build` checks them.
fn notices_of(yaml: &str) -> noticec::model::NoticeFile {
    let source = noticec::load::SourceFile {
        name: "notices.yaml".to_owned(),
        bytes: yaml.as_bytes().to_vec(),
    };
    let checked = noticec::check_source(
        &source,
        &noticec::load::Limits::DEFAULT,
        &common::lint_options(),
    );
    assert!(!checked.report.has_errors(), "{:?}", checked.report);
    checked.notices.unwrap()
}

/// Every output of `file`, rendered as a build renders them, taking what it can from `reuse`.
fn render(
    file: &noticec::model::NoticeFile,
    reuse: Option<&dyn noticec::render::Reuse>,
) -> Vec<noticec::render::Output> {
    noticec::render::render_reusing(
        file,
        &noticec::render::Templates::builtin(),
        &noticec::render::Catalogue::en_gb().unwrap(),
        &noticec::render::RenderLimits::DEFAULT,
        None,
        reuse,
    )
    .unwrap()
}

// The mechanism behind `serve`'s rebuilds and `build` over a current folder: after an edit to one
// notice, every output of the other notices is taken from the previous build (their files are asked
// for), nothing of the edited notice is (it is rendered, its PDF laid out again), and the result is a
// fresh render's bytes. A key that changed from run to run would take nothing and fail here.
#[test]
fn after_an_edit_only_the_edited_notice_is_rendered() {
    use std::sync::Mutex;
    let notices = example_notices();
    let before = render(&notices_of(&notices), None);
    let text = |name: &str| {
        let o = before.iter().find(|o| o.path == name).unwrap();
        String::from_utf8(o.bytes().unwrap().to_vec()).unwrap()
    };
    let (pdfs, records) = (
        text(".noticec-print-inputs"),
        text(".noticec-notice-inputs"),
    );
    let asked = Mutex::new(Vec::new());
    let previous = noticec::render::Previous::new(&pdfs, |path: &str| {
        asked.lock().unwrap().push(path.to_owned());
        before
            .iter()
            .find(|o| o.path == path)
            .map(|o| o.bytes().unwrap().clone())
    })
    .with_notices(&records);
    let title = "title: Improvement and Efficiency West Midlands Privacy Notice";
    assert!(notices.contains(title), "the example notice's title moved");
    let edited = notices_of(&notices.replacen(title, &format!("{title} (edited)"), 1));
    let after = render(&edited, Some(&previous));
    assert_eq!(after, render(&edited, None), "the bytes of a fresh render");
    let asked = asked.into_inner().unwrap();
    // Notices render in parallel: their files are asked for in no fixed order.
    let ids: BTreeSet<&str> = asked.iter().map(|p| p.split('/').next().unwrap()).collect();
    let others: BTreeSet<&str> = edited
        .notices
        .iter()
        .map(|n| n.id.as_str())
        .filter(|id| *id != "iewm")
        .collect();
    assert_eq!(
        ids, others,
        "every other notice is taken, the edited one is not"
    );
    let taken: usize = before
        .iter()
        .filter(|o| {
            others
                .iter()
                .any(|id| o.path.starts_with(&format!("{id}/")))
        })
        .count();
    assert_eq!(asked.len(), taken, "each of their files once: {asked:?}");
}

// `build` over a current folder: with `keeping`, a notice taken whole is kept in the folder
// (`Contents::Kept`), its files checked by digest and never read into memory; a notice one of whose
// files no longer has its recorded digest is rendered, and its bytes are a fresh render's.
#[test]
fn notices_taken_from_a_folder_are_kept_there_not_read() {
    use noticec::render::Contents;
    use std::sync::Mutex;
    let file = notices_of(&example_notices());
    let before = render(&file, None);
    let text = |name: &str| {
        let o = before.iter().find(|o| o.path == name).unwrap();
        String::from_utf8(o.bytes().unwrap().to_vec()).unwrap()
    };
    let recorded = text(".noticec-notice-inputs");
    let digest_of = |path: &str| {
        digest_hex(
            before
                .iter()
                .find(|o| o.path == path)
                .unwrap()
                .bytes()
                .unwrap(),
        )
    };
    let checked = std::sync::Arc::new(Mutex::new(Vec::new()));
    let seen = std::sync::Arc::clone(&checked);
    // The folder as the test has it: every file as built, but `iewm/notice.txt` changed by hand.
    let folder: BTreeMap<String, String> = before
        .iter()
        .map(|o| {
            let digest = if o.path == "iewm/notice.txt" {
                digest_hex(b"changed by hand")
            } else {
                digest_of(&o.path)
            };
            (o.path.clone(), digest)
        })
        .collect();
    // Only the rendered notice's PDFs, laid out from the same inputs, are read.
    let read = Mutex::new(Vec::new());
    let previous = noticec::render::Previous::new(&text(".noticec-print-inputs"), |path: &str| {
        read.lock().unwrap().push(path.to_owned());
        before
            .iter()
            .find(|o| o.path == path)
            .map(|o| o.bytes().unwrap().clone())
    })
    .with_notices(&recorded)
    .keeping(move |path, digest| {
        seen.lock().unwrap().push(path.to_owned());
        folder.get(path).is_some_and(|d| d == digest)
    });
    let after = render(&file, Some(&previous));
    let fresh = render(&file, None);
    assert_eq!(after.len(), fresh.len());
    for (a, f) in after.iter().zip(&fresh) {
        assert_eq!(a.path, f.path);
        if a.path.starts_with("iewm/") || !a.path.contains('/') {
            assert_eq!(a, f, "{} is rendered", a.path);
        } else {
            assert_eq!(a.contents, Contents::Kept, "{} is kept", a.path);
        }
    }
    let read = read.into_inner().unwrap();
    assert!(
        !read.is_empty()
            && read
                .iter()
                .all(|p| p.starts_with("iewm/")
                    && Path::new(p).extension().is_some_and(|e| e == "pdf")),
        "{read:?}"
    );
    let checked = checked.lock().unwrap();
    assert!(checked.iter().any(|p| p == "iewm/notice.txt"));
    assert!(checked.iter().any(|p| p == "livewest-customer/index.html"));
}

// `compile` returns the check without the parsed tree (several times the size of the file, and not
// needed once rendered), but with the text the diagnostics quote.
#[test]
fn compile_keeps_the_text_not_the_tree() {
    let notices = example_notices();
    let source = noticec::load::SourceFile {
        name: "notices.yaml".to_owned(),
        bytes: notices.as_bytes().to_vec(),
    };
    let opts = noticec::CompileOptions {
        templates: noticec::render::Templates::builtin(),
        words: noticec::render::Catalogue::en_gb().unwrap(),
        limits: noticec::load::Limits::DEFAULT,
        lint: common::lint_options(),
        render: noticec::render::RenderLimits::DEFAULT,
        history: Vec::new(),
        reuse: None,
    };
    let built = noticec::compile(&source, &opts).unwrap();
    assert!(!built.outputs.is_empty());
    assert!(built.checked.document.is_none());
    assert!(built.checked.notices.is_some());
    assert_eq!(
        built.checked.source_text(),
        Some(noticec::load::normalize_line_breaks(&notices).as_str())
    );
}

// The mechanism behind `build`'s bounded memory: rendering into a sink hands over each notice's
// outputs once, tagged with its place in the file, and returns only the outputs made from every
// notice together; in file order, they are exactly what rendering into memory gives. A sink that
// fails fails the render with its own error.
#[test]
fn rendering_into_a_sink_gives_every_output_once() {
    use std::sync::Mutex;
    let file = notices_of(&example_notices());
    let whole = render(&file, None);
    let taken = Mutex::new(Vec::new());
    let sink = |at: usize, outputs: Vec<noticec::render::Output>| {
        taken.lock().unwrap().push((at, outputs));
        Ok(())
    };
    let (templates, words) = (
        noticec::render::Templates::builtin(),
        noticec::render::Catalogue::en_gb().unwrap(),
    );
    let limits = noticec::render::RenderLimits::DEFAULT;
    let rest = noticec::render::render_into(&file, &templates, &words, &limits, None, None, &sink)
        .unwrap();
    let mut taken = taken.into_inner().unwrap();
    taken.sort_by_key(|(at, _)| *at);
    let places: Vec<usize> = taken.iter().map(|(at, _)| *at).collect();
    assert_eq!(places, (0..file.notices.len()).collect::<Vec<_>>());
    for (at, outputs) in &taken {
        let id = file.notices[*at].id.as_str();
        assert!(
            outputs
                .iter()
                .all(|o| o.path.starts_with(&format!("{id}/"))),
            "notice {at} is `{id}`"
        );
    }
    assert!(rest.iter().all(|o| !o.path.contains('/')), "{rest:?}");
    let streamed: Vec<_> = taken.into_iter().flat_map(|(_, o)| o).chain(rest).collect();
    let paths = |outputs: &[noticec::render::Output]| -> Vec<String> {
        outputs.iter().map(|o| o.path.clone()).collect()
    };
    assert_eq!(paths(&streamed), paths(&whole));
    for (a, b) in streamed.iter().zip(&whole) {
        assert!(a.bytes() == b.bytes(), "`{}` differs", a.path);
    }

    let failing = |at: usize, _: Vec<noticec::render::Output>| {
        if at == 1 {
            Err("the disk is full".into())
        } else {
            Ok(())
        }
    };
    let err =
        noticec::render::render_into(&file, &templates, &words, &limits, None, None, &failing)
            .unwrap_err();
    assert_eq!(err.to_string(), "the disk is full");
}

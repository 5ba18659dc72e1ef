//! The git paths of `diff`, `verify-form` and `check --since`: a repository built by the test in a
//! temporary folder (several commits, a rename, an old revision written against an older schema), and
//! the repository's own history for the hash printed on the example consent form.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)]

mod common;

use std::path::Path;

use git2::{Repository, Signature, Time};

use common::{ROOT, noticec};

fn base() -> String {
    std::fs::read_to_string(Path::new(ROOT).join("tests/fixtures/good/complete.yaml"))
        .expect("read the complete notice")
}

/// Commits `files` (path, contents; `None` deletes) on top of HEAD at the given day, returning the id.
fn commit(repo: &Repository, day: i64, message: &str, files: &[(&str, Option<&str>)]) -> String {
    let workdir = repo.workdir().expect("a working tree").to_path_buf();
    let mut index = repo.index().expect("index");
    for (path, contents) in files {
        match contents {
            Some(text) => {
                std::fs::write(workdir.join(path), text).expect("write");
                index.add_path(Path::new(path)).expect("add");
            }
            None => {
                std::fs::remove_file(workdir.join(path)).expect("remove");
                index
                    .remove_path(Path::new(path))
                    .expect("remove from index");
            }
        }
    }
    index.write().expect("write index");
    let tree = repo
        .find_tree(index.write_tree().expect("tree"))
        .expect("find tree");
    let when = Signature::new(
        "Data Protection Officer",
        "dpo@example.org",
        &Time::new(day * 86_400, 0),
    )
    .expect("signature");
    let parents: Vec<git2::Commit<'_>> = repo
        .head()
        .ok()
        .and_then(|h| h.peel_to_commit().ok())
        .into_iter()
        .collect();
    let parents: Vec<&git2::Commit<'_>> = parents.iter().collect();
    repo.commit(Some("HEAD"), &when, &when, message, &tree, &parents)
        .expect("commit")
        .to_string()
}

/// Day numbers (since 1970-01-01) of the commits.
const DAY_OLD_SCHEMA: i64 = 20_000; // 2024-10-04
const DAY_FIRST: i64 = 20_100;
const DAY_LONGER: i64 = 20_200;
const DAY_RENAME: i64 = 20_300;
const DAY_CONSENT: i64 = 20_400;

struct Fixture {
    dir: tempfile::TempDir,
    old_schema: String,
    first: String,
    longer: String,
    consent: String,
}

/// A repository whose notices file goes through: a version with a field the current schema does not
/// know; the complete notice; a longer retention with a new version; a rename to `privacy.yaml`; and a
/// new purpose relying on consent.
fn repository() -> Fixture {
    let dir = tempfile::tempdir().expect("temp dir");
    let repo = Repository::init(dir.path()).expect("git init");
    let base = base();
    let old = base.replacen(
        "    data_protection_contact: brightwater-dpo\n",
        "    data_protection_contact: brightwater-dpo\n    dpo_name: Jo Example\n",
        1,
    );
    let old_schema = commit(
        &repo,
        DAY_OLD_SCHEMA,
        "First draft",
        &[("notices.yaml", Some(&old))],
    );
    let first = commit(
        &repo,
        DAY_FIRST,
        "Publish the notice",
        &[("notices.yaml", Some(&base))],
    );
    let longer_text = base
        .replacen("period: P6Y", "period: P7Y", 1)
        .replacen("version: \"2026.2\"", "version: \"2026.3\"", 1)
        .replacen("last_updated: 2026-10-01", "last_updated: 2026-11-01", 1);
    let longer = commit(
        &repo,
        DAY_LONGER,
        "Keep support records for seven years",
        &[("notices.yaml", Some(&longer_text))],
    );
    commit(
        &repo,
        DAY_RENAME,
        "Rename the notices file",
        &[("notices.yaml", None), ("privacy.yaml", Some(&longer_text))],
    );
    let consent_text = longer_text.replacen(
        "      - id: equality-monitoring\n",
        "      - id: fundraising\n        name: Asking you to support our fundraising\n        lawful_bases: [consent]\n        categories: [contact-details]\n      - id: equality-monitoring\n",
        1,
    );
    let consent = commit(
        &repo,
        DAY_CONSENT,
        "Ask about fundraising",
        &[("privacy.yaml", Some(&consent_text))],
    );
    Fixture {
        dir,
        old_schema,
        first,
        longer,
        consent,
    }
}

#[test]
fn diff_against_a_revision_reads_the_history() {
    let f = repository();
    let dir = f.dir.path();
    // HEAD~1 against HEAD: the fundraising purpose.
    let run = noticec(dir, &["diff", "HEAD~1..HEAD", "--file", "privacy.yaml"]);
    run.expect(1, "HEAD~1..HEAD");
    assert!(
        run.stdout
            .contains("reconsent[C101]: purpose `fundraising`"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("HEAD~1:privacy.yaml → HEAD:privacy.yaml"),
        "{}",
        run.stdout
    );
    // The working file against a revision before the rename: the old name is followed.
    let range = f.first.clone();
    let run = noticec(
        dir,
        &["diff", &range, "--file", "privacy.yaml", "--format", "json"],
    );
    run.expect(1, "across the rename");
    let json = run.json();
    assert_eq!(json["old"]["label"], format!("{}:notices.yaml", f.first));
    let codes: Vec<&str> = json["notices"][0]["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["code"].as_str().unwrap())
        .collect();
    assert!(
        codes.contains(&"C101") && codes.contains(&"C161"),
        "{codes:?}"
    );
    assert_eq!(json["notices"][0]["version"]["old"], "2026.2");
    assert_eq!(json["notices"][0]["version"]["new"], "2026.3");
    // Two revisions by id.
    let run = noticec(
        dir,
        &[
            "diff",
            &format!("{}..{}", f.first, f.longer),
            "--file",
            "privacy.yaml",
        ],
    );
    run.expect(1, "first..longer");
    assert!(run.stdout.contains("notify[C161]"), "{}", run.stdout);
    assert!(!run.stdout.contains("C101"), "{}", run.stdout);
}

#[test]
fn an_old_revision_under_an_older_schema_is_diffed_as_far_as_it_can_be_read() {
    let f = repository();
    let run = noticec(
        f.dir.path(),
        &[
            "diff",
            &format!("{}..{}", f.old_schema, f.first),
            "--file",
            "privacy.yaml",
            "--fail-on",
            "never",
        ],
    );
    run.expect(0, "old schema");
    assert!(
        run.stdout.contains("note: the old version"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("has 1 error(s) under this version of noticec"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("`dpo_name` changed"), "{}", run.stdout);
}

#[test]
fn a_bad_revision_is_a_usage_error() {
    let f = repository();
    let run = noticec(
        f.dir.path(),
        &["diff", "no-such-tag", "--file", "privacy.yaml"],
    );
    run.expect(2, "bad revision");
    assert!(
        run.stderr.contains("`no-such-tag` is not a revision"),
        "{}",
        run.stderr
    );
}

/// The content hash of the notice in a file, as the library computes it for the form footer.
fn hash_of(text: &str) -> String {
    let source = noticec::load::SourceFile {
        name: "n.yaml".into(),
        bytes: text.as_bytes().to_vec(),
    };
    let checked = noticec::check_source(
        &source,
        &noticec::load::Limits::DEFAULT,
        &common::lint_options(),
    );
    let file = checked.notices.expect("valid");
    let graph = noticec::graph::Graph::new(&file);
    noticec::render::view::content_hash(&graph, &file.notices[0])
}

#[test]
fn verify_form_finds_the_commit_of_a_hash_and_prints_the_text_as_it_was() {
    let f = repository();
    let repo = Repository::open(f.dir.path()).unwrap();
    let blob = |rev: &str, path: &str| {
        let commit = repo.revparse_single(rev).unwrap().peel_to_commit().unwrap();
        let entry = commit.tree().unwrap().get_path(Path::new(path)).unwrap();
        String::from_utf8(repo.find_blob(entry.id()).unwrap().content().to_vec()).unwrap()
    };
    let hash = hash_of(&blob(&f.longer, "notices.yaml"));
    let run = noticec(
        f.dir.path(),
        &[
            "verify-form",
            "brightwater-support",
            &hash,
            "--file",
            "privacy.yaml",
        ],
    );
    run.expect(0, "verify-form");
    assert!(
        run.stdout
            .contains(&format!("was first committed in {}", f.longer)),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("version 2026.3"), "{}", run.stdout);
    // The rename kept the text: it is not a version of its own.
    assert!(!run.stdout.contains("later commit(s)"), "{}", run.stdout);
    // The text as it was: seven years, not the fundraising purpose added later.
    assert!(
        run.stdout.contains("The notice as it was:"),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains("fundraising"), "{}", run.stdout);
    // The newest version has its own hash, found in the newest commit; upper case and a prefix work.
    let newest = hash_of(&blob(&f.consent, "privacy.yaml")).to_uppercase();
    let run = noticec(
        f.dir.path(),
        &[
            "verify-form",
            "brightwater-support",
            &newest[..8],
            "--file",
            "privacy.yaml",
        ],
    );
    run.expect(0, "prefix");
    assert!(run.stdout.contains(&f.consent), "{}", run.stdout);
}

#[test]
fn verify_form_says_when_no_version_matches() {
    let f = repository();
    let run = noticec(
        f.dir.path(),
        &[
            "verify-form",
            "brightwater-support",
            "0123456789ab",
            "--file",
            "privacy.yaml",
        ],
    );
    run.expect(1, "made-up hash");
    assert!(run.stderr.contains("no version matches"), "{}", run.stderr);
    assert!(
        run.stderr.contains("1 version(s) could not be read"),
        "{}",
        run.stderr
    );
    let run = noticec(
        f.dir.path(),
        &[
            "verify-form",
            "brightwater-support",
            "not-a-hash",
            "--file",
            "privacy.yaml",
        ],
    );
    run.expect(2, "not a hash");
    assert!(
        run.stderr.contains("is not a content hash"),
        "{}",
        run.stderr
    );
}

/// The hash printed in the footer of a built consent form.
fn footer_hash(html: &str) -> String {
    let at = html
        .find("content hash ")
        .expect("the form prints its content hash")
        + "content hash ".len();
    html[at..at + 12].to_owned()
}

#[test]
fn verify_form_finds_the_commit_of_the_example_consent_form() {
    let root = Path::new(ROOT);
    // Only in a git checkout (a source archive has no history to search).
    if Repository::discover(root).is_err() {
        return;
    }
    let html = std::fs::read_to_string(root.join("out/live-well-kent/consent-form.html")).unwrap();
    let hash = footer_hash(&html);
    let run = noticec(root, &["verify-form", "live-well-kent", &hash]);
    run.expect(0, "the example form's hash");
    assert!(
        run.stdout.contains(&format!("content hash {hash}")),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("was first committed in "),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("Partner Privacy Promise"),
        "{}",
        run.stdout
    );
    let run = noticec(root, &["verify-form", "live-well-kent", "0123456789ab"]);
    run.expect(1, "made-up hash");
    assert!(run.stderr.contains("no version matches"), "{}", run.stderr);
}

#[test]
fn check_since_requires_a_new_version_for_a_material_change_only() {
    let f = repository();
    let dir = f.dir.path();
    let head = std::fs::read_to_string(dir.join("privacy.yaml")).unwrap();
    let with_recipient = head.replacen(
        "      - id: emergency-services\n",
        "      - id: funders\n        name: The organisations that fund our service\n        kind: funder\n      - id: emergency-services\n",
        1,
    );
    // A new recipient, version and date unchanged: N707, an error.
    std::fs::write(dir.join("privacy.yaml"), &with_recipient).unwrap();
    let run = noticec(
        dir,
        &[
            "check",
            "privacy.yaml",
            "--since",
            "HEAD",
            "--format",
            "json",
        ],
    );
    run.expect(1, "material change, same version");
    let json = run.json();
    let n707: Vec<&serde_json::Value> = json
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "N707")
        .collect();
    assert_eq!(n707.len(), 1, "{json:#}");
    assert_eq!(n707[0]["severity"], "error");
    assert_eq!(n707[0]["notice"], "brightwater-support");
    let message = n707[0]["message"].as_str().unwrap();
    assert!(
        message.contains("`version` and `last_updated` did not change"),
        "{message}"
    );
    // With a new version and date: clean.
    let bumped = with_recipient
        .replacen("version: \"2026.3\"", "version: \"2026.4\"", 1)
        .replacen("last_updated: 2026-11-01", "last_updated: 2026-11-20", 1);
    std::fs::write(dir.join("privacy.yaml"), &bumped).unwrap();
    let run = noticec(
        dir,
        &[
            "check",
            "privacy.yaml",
            "--since",
            "HEAD",
            "--format",
            "json",
        ],
    );
    run.expect(0, "material change, new version");
    // A new version alone is not enough.
    let version_only = with_recipient.replacen("version: \"2026.3\"", "version: \"2026.4\"", 1);
    std::fs::write(dir.join("privacy.yaml"), &version_only).unwrap();
    let run = noticec(dir, &["check", "privacy.yaml", "--since", "HEAD"]);
    run.expect(1, "version without date");
    assert!(run.stderr.contains("error[N707]"), "{}", run.stderr);
    assert!(
        run.stderr.contains("but `last_updated` did not change"),
        "{}",
        run.stderr
    );
    // An editorial change needs no new version, and may have one.
    let reworded = head.replacen(
        "We review this notice every year",
        "We review this notice each year",
        1,
    );
    std::fs::write(dir.join("privacy.yaml"), &reworded).unwrap();
    noticec(dir, &["check", "privacy.yaml", "--since", "HEAD"])
        .expect(0, "editorial, same version");
    let reworded_bumped = reworded.replacen("version: \"2026.3\"", "version: \"2026.4\"", 1);
    std::fs::write(dir.join("privacy.yaml"), &reworded_bumped).unwrap();
    noticec(dir, &["check", "privacy.yaml", "--since", "HEAD"]).expect(0, "editorial, new version");
    // The rule can be allowed for a notice, with a reason.
    let allowed = with_recipient.replacen(
        "    form:\n",
        "    allow:\n      - rule: version-not-updated\n        reason: The funders recipient is published with the next version.\n    form:\n",
        1,
    );
    std::fs::write(dir.join("privacy.yaml"), &allowed).unwrap();
    noticec(dir, &["check", "privacy.yaml", "--since", "HEAD"]).expect(0, "allowed");
}

/// Builds `file` in `dir` into `out`, with the fixed date.
fn build(dir: &Path, file: &str, out: &str) -> common::Run {
    noticec(
        dir,
        &["build", file, "--out", out, "--today", common::TODAY],
    )
}

#[test]
fn the_change_log_lists_each_version_with_its_changes_and_is_linked() {
    let f = repository();
    let dir = f.dir.path();
    build(dir, "privacy.yaml", "out").expect(0, "build");
    let page = std::fs::read_to_string(dir.join("out/brightwater-support/changes.html")).unwrap();
    // Newest first: this version (2026.3: the longer retention and the fundraising purpose, each with
    // its class), then 2026.2, the earliest, dated by the commit that introduced it (the draft under
    // the older schema has the same version and date, so it is the same version).
    let this = page
        .find("This version: Version 2026.3")
        .expect("the current version");
    let earlier = page
        .find("Earlier version: Version 2026.2")
        .expect("the earlier version");
    assert!(this < earlier, "newest first");
    // The change log speaks to the person: no code marks.
    assert!(page.contains("retention of contact-details, health-needs and support-records: P6Y from end of service then delete or destroy → P7Y from end of service then delete or destroy"), "{page}");
    assert!(
        page.contains(
            "purpose fundraising (Asking you to support our fundraising): added, relying on consent"
        ),
        "{page}"
    );
    assert!(!page.contains('`'), "{page}");
    assert!(
        page.contains("Needs your consent") && page.contains("Material change"),
        "{page}"
    );
    assert!(
        page.contains("<time datetime=\"2024-10-04\">2024-10-04</time>"),
        "{page}"
    );
    assert!(page.contains("The earliest version on record."), "{page}");
    // Versions are dated, not named by commit: the commit of the current text is unknown until the
    // outputs are committed with it.
    for id in [&f.old_schema, &f.first, &f.longer, &f.consent] {
        assert!(!page.contains(&id[..10]), "{page}");
    }
    let notice = std::fs::read_to_string(dir.join("out/brightwater-support/index.html")).unwrap();
    assert!(
        notice.contains("<a href=\"changes.html\">What changed in this notice</a>"),
        "linked from the notice page"
    );
}

#[test]
fn the_change_log_does_not_change_when_the_built_file_is_committed() {
    let f = repository();
    let dir = f.dir.path();
    let head = std::fs::read_to_string(dir.join("privacy.yaml")).unwrap();
    let next = head
        .replacen("version: \"2026.3\"", "version: \"2026.4\"", 1)
        .replacen("last_updated: 2026-11-01", "last_updated: 2026-11-20", 1)
        .replacen("period: P1Y", "period: P2Y", 1);
    std::fs::write(dir.join("privacy.yaml"), &next).unwrap();
    build(dir, "privacy.yaml", "before").expect(0, "build before the commit");
    let repo = Repository::open(dir).unwrap();
    commit(
        &repo,
        DAY_CONSENT + 50,
        "Keep equality information for two years",
        &[("privacy.yaml", Some(&next))],
    );
    build(dir, "privacy.yaml", "after").expect(0, "build after the commit");
    let read =
        |out: &str| std::fs::read(dir.join(out).join("brightwater-support/changes.html")).unwrap();
    assert_eq!(
        read("before"),
        read("after"),
        "the change log depends on git dates and the file, never on the clock or the new commit"
    );
    let page = String::from_utf8(read("after")).unwrap();
    assert!(page.contains("This version: Version 2026.4"), "{page}");
    assert!(page.contains("Earlier version: Version 2026.3"), "{page}");
    // Built twice from the same state, byte for byte the same.
    build(dir, "privacy.yaml", "again").expect(0, "build again");
    assert_eq!(read("after"), read("again"));
}

#[test]
fn a_build_outside_a_repository_has_no_change_log() {
    let dir = common::dir_with(&[("notices.yaml", base())]);
    build(dir.path(), "notices.yaml", "out").expect(0, "build");
    assert!(
        !dir.path()
            .join("out/brightwater-support/changes.html")
            .exists()
    );
    let notice =
        std::fs::read_to_string(dir.path().join("out/brightwater-support/index.html")).unwrap();
    assert!(
        !notice.contains("changes.html"),
        "no link to a page that does not exist"
    );
}

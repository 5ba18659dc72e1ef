//! Every output of the example notices, as a reader and a reviewer see it.
//!
//! The real binary builds the repository's `notices.yaml` into a temporary folder. Each file is
//! snapshotted whole (`<notice-id>.html`, `.txt`, `.jsonld`, `.form`, and `index.html`), so any change to
//! what a notice says or how it is laid out shows up in review. Beyond the snapshots: the committed `out/`
//! is exactly a fresh build, plain text fits 72 columns, JSON-LD parses and is the same data as the block
//! embedded in the notice page, and every page has one `<h1>` and says it is British English.

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

use scraper::{Html, Selector};
use serde_json::Value;
use tempfile::TempDir;

use common::ROOT;

/// The notices in the example file, in file order.
const NOTICES: &[&str] = &[
    "livewest-customer",
    "livewest-community-connectors",
    "livewest-customer-summary",
    "live-well-kent",
    "iewm",
];

/// The notices that are also printed as a form to sign.
const WITH_FORM: &[&str] = &["live-well-kent"];

/// A fresh build of the example notices.
struct Build {
    _dir: TempDir,
    /// Every file of the output folder, by relative path with `/` separators.
    files: BTreeMap<String, Vec<u8>>,
}

impl Build {
    /// The text of one output file.
    fn text(&self, path: &str) -> &str {
        let bytes = self
            .files
            .get(path)
            .unwrap_or_else(|| panic!("`{path}` is not in the build: {:?}", self.files.keys()));
        std::str::from_utf8(bytes).unwrap_or_else(|e| panic!("`{path}` is not UTF-8: {e}"))
    }

    /// The paths of the outputs whose name ends with `suffix`.
    fn paths_ending(&self, suffix: &str) -> Vec<&str> {
        self.files
            .keys()
            .filter(|p| p.ends_with(suffix))
            .map(String::as_str)
            .collect()
    }
}

/// Builds the repository's `notices.yaml` with the real binary into a new temporary folder.
fn build() -> Build {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let input = Path::new(ROOT).join("notices.yaml");
    let mut command = common::command(dir.path());
    command
        .arg("build")
        .arg(&input)
        .args(["--out", "out", "--color", "never"]);
    let run = common::Run::of(command);
    run.expect(0, "the example notices build");
    let files = common::files_under(&dir.path().join("out"));
    Build { _dir: dir, files }
}

/// Snapshots every output of one notice.
fn snapshot_notice(id: &str) {
    let built = build();
    insta::assert_snapshot!(
        format!("{id}.html"),
        built.text(&format!("{id}/index.html"))
    );
    insta::assert_snapshot!(format!("{id}.txt"), built.text(&format!("{id}/notice.txt")));
    insta::assert_snapshot!(
        format!("{id}.jsonld"),
        built.text(&format!("{id}/notice.jsonld"))
    );
    // The change log, from the history of `notices.yaml` in this repository.
    insta::assert_snapshot!(
        format!("{id}.changes"),
        built.text(&format!("{id}/changes.html"))
    );
    let form = format!("{id}/consent-form.html");
    if WITH_FORM.contains(&id) {
        insta::assert_snapshot!(format!("{id}.form"), built.text(&form));
        insta::assert_snapshot!(
            format!("{id}.consent-record"),
            built.text(&format!("{id}/consent-record.jsonld"))
        );
    } else {
        assert!(
            !built.files.contains_key(&form),
            "`{id}` has no form, yet `{form}` was written"
        );
    }
}

// Snapshots -------------------------------------------------------------------------------------------

// Pins down every output of the main LiveWest customer notice (source 001).
#[test]
fn snapshot_livewest_customer() {
    snapshot_notice("livewest-customer");
}

// Pins down every output of the Live Well Kent Partner Privacy Promise (source 003), including its form.
#[test]
fn snapshot_live_well_kent() {
    snapshot_notice("live-well-kent");
}

// Pins down every output of the Improvement and Efficiency West Midlands notice (source 004).
#[test]
fn snapshot_iewm() {
    snapshot_notice("iewm");
}

// Pins down every output of the LiveWest community connectors notice (source 000).
#[test]
fn snapshot_livewest_community_connectors() {
    snapshot_notice("livewest-community-connectors");
}

// Pins down every output of the LiveWest plain-language summary (source 002).
#[test]
fn snapshot_livewest_customer_summary() {
    snapshot_notice("livewest-customer-summary");
}

// Pins down the index page that lists every notice.
#[test]
fn snapshot_index() {
    let built = build();
    insta::assert_snapshot!("index.html", built.text("index.html"));
    // What each PDF was laid out from, and its bytes' digest: a change to any PDF shows here.
    insta::assert_snapshot!("print-inputs", built.text(".noticec-print-inputs"));
    // What each notice's outputs were made from, and each output's digest.
    insta::assert_snapshot!("notice-inputs", built.text(".noticec-notice-inputs"));
}

// Ensures a build writes exactly the expected files: nine per notice with a form (with the three PDFs and
// the consent record), five per notice without (the change log among them), the index, the marker and
// the records of what each notice's outputs and each PDF were made from, and nothing else (so every file written is snapshotted above).
#[test]
fn a_build_writes_exactly_the_expected_files() {
    let built = build();
    let mut expected = vec![
        ".noticec-notice-inputs".to_owned(),
        ".noticec-output".to_owned(),
        ".noticec-print-inputs".to_owned(),
        "index.html".to_owned(),
    ];
    for id in NOTICES {
        for name in ["index.html", "notice.txt", "notice.jsonld"] {
            expected.push(format!("{id}/{name}"));
        }
        expected.push(format!("{id}/notice.pdf"));
        expected.push(format!("{id}/changes.html"));
        if WITH_FORM.contains(id) {
            expected.push(format!("{id}/consent-form.html"));
            expected.push(format!("{id}/consent-record.jsonld"));
            expected.push(format!("{id}/consent-form.pdf"));
            expected.push(format!("{id}/consent-form-large-print.pdf"));
        }
    }
    expected.sort();
    let actual: Vec<String> = built.files.keys().cloned().collect();
    assert_eq!(actual, expected);
}

// The committed build ----------------------------------------------------------------------------------

// Ensures the committed `out/` is byte for byte a fresh build: the same files, the same bytes.
#[test]
fn committed_out_is_a_fresh_build() {
    let built = build();
    let committed = common::files_under(&Path::new(ROOT).join("out"));
    let mut problems = Vec::new();
    for (path, bytes) in &built.files {
        match committed.get(path) {
            None => problems.push(format!("{path}: missing from out/")),
            Some(b) if b != bytes => problems.push(format!("{path}: differs from a fresh build")),
            Some(_) => {}
        }
    }
    for path in committed.keys() {
        if !built.files.contains_key(path) {
            problems.push(format!("{path}: in out/ but not produced by a build"));
        }
    }
    assert!(
        problems.is_empty(),
        "out/ is stale; run `cargo run -- build` and commit it:\n  {}",
        problems.join("\n  ")
    );
}

// Plain text -------------------------------------------------------------------------------------------

// Ensures no line of any plain-text notice is wider than 72 columns, so mail clients that re-wrap at 72
// to 76 leave it alone (display width, so wide and combining characters count as a terminal shows them),
// unless it is one web address standing alone, and the text ends with one newline.
#[test]
fn plain_text_fits_72_columns() {
    let built = build();
    let texts = built.paths_ending("/notice.txt");
    assert_eq!(texts.len(), NOTICES.len(), "{texts:?}");
    for path in texts {
        let text = built.text(path);
        for (i, line) in text.lines().enumerate() {
            let width = textwrap::core::display_width(line);
            assert!(
                width <= noticec::render::TEXT_WIDTH || noticec::render::is_lone_address(line),
                "{path}:{} is {width} columns wide: {line:?}",
                i + 1
            );
            assert!(!line.contains('\t'), "{path}:{} has a tab: {line:?}", i + 1);
        }
        assert!(
            text.ends_with('\n') && !text.ends_with("\n\n"),
            "{path} ends with exactly one newline"
        );
    }
}

// Ensures no public output carries reviewer wording or rule codes: an item the notice does not state is
// left out, never printed as a gap (the reviewer's report is where gaps are shown).
#[test]
fn public_outputs_carry_no_reviewer_wording() {
    let words = noticec::render::Catalogue::en_gb().expect("catalogue");
    let mut reviewer: Vec<String> = [
        "not-stated",
        "gap-no-parties",
        "gap-no-purposes",
        "gap-no-categories",
        "gap-no-recipients",
        "gap-no-retention",
        "gap-no-rights",
    ]
    .iter()
    .map(|id| words.text(id))
    .collect();
    reviewer.extend(
        [
            "Not stated",
            "No safeguard is named",
            "This notice does not say",
        ]
        .map(String::from),
    );
    let built = build();
    for path in built.paths_ending("") {
        if path.ends_with("pdf") {
            continue;
        }
        let text = built.text(path);
        for phrase in &reviewer {
            assert!(!text.contains(phrase.as_str()), "{path} says {phrase:?}");
        }
        let code = text.split(|c: char| !c.is_ascii_alphanumeric()).find(|w| {
            w.len() == 4
                && (w.starts_with('N') || w.starts_with('E'))
                && w[1..].chars().all(|c| c.is_ascii_digit())
        });
        assert!(code.is_none(), "{path} names the rule code {code:?}");
    }
}

/// Every output of the example notices and of the complete example, rendered in-process, by path.
fn rendered() -> Vec<(String, String)> {
    let words = noticec::render::Catalogue::en_gb().expect("catalogue");
    let mut all = Vec::new();
    for file in ["notices.yaml", "tests/fixtures/good/complete.yaml"] {
        let notices = common::checked(file).notices.expect("valid");
        let outputs =
            noticec::render::render_all(&notices, &noticec::render::Templates::builtin(), &words)
                .expect("render");
        // The PDFs set the text in fonts; their text is checked by tests/checkers/pdf_check.py.
        all.extend(
            outputs
                .into_iter()
                .filter(|o| !o.path.ends_with("pdf"))
                .map(|o| {
                    (
                        format!("{file}: {}", o.path),
                        String::from_utf8(o.bytes().unwrap().to_vec()).expect("utf-8"),
                    )
                }),
        );
    }
    all
}

// Ensures an article reference (`Art. 6(1)(f)`) is never in a heading, the summary or the contents: the
// plain words stand there, and the article follows them in the full sections only.
#[test]
fn headings_and_the_summary_carry_no_article() {
    let words = noticec::render::Catalogue::en_gb().expect("catalogue");
    let layers =
        Selector::parse("h1, h2, h3, h4, h5, h6, section.glance, nav, caption, th").unwrap();
    for (path, text) in rendered() {
        let ext = path.rsplit('.').next().unwrap_or_default();
        if ext == "html" {
            for e in Html::parse_document(&text).select(&layers) {
                let said: String = e.text().collect();
                assert!(!said.contains("Art."), "{path}: {said:?}");
            }
        } else if ext == "txt" {
            let lines: Vec<&str> = text.lines().collect();
            // A heading is a line underlined with `=` or `-`.
            for pair in lines.windows(2) {
                let rule = !pair[1].is_empty() && pair[1].chars().all(|c| c == '-' || c == '=');
                assert!(!(rule && pair[0].contains("Art.")), "{path}: {:?}", pair[0]);
            }
            let glance = words.text("heading-glance");
            let first = words.text("heading-who");
            let summary: Vec<&&str> = lines
                .iter()
                .skip_while(|l| **l != glance)
                .take_while(|l| **l != first)
                .collect();
            assert!(!summary.is_empty(), "{path} has a summary");
            for line in summary {
                assert!(!line.contains("Art."), "{path}: {line:?}");
            }
        }
    }
}

// Ensures a place is shown by its name, never by its code: after "Where to" and "Stored in" comes no
// ISO 3166 code (`IN`) and no `EU` or `EEA`.
#[test]
fn places_are_shown_by_name() {
    let codes: Vec<&str> = noticec::model::dpv::LOC_CODES.split(' ').collect();
    let place = regex::Regex::new(r"(?:Where to|Stored in)\W+((?:\w+\W+){0,3})").unwrap();
    let mut seen = 0;
    for (path, text) in rendered() {
        let ext = path.rsplit('.').next().unwrap_or_default();
        if ext == "jsonld" {
            continue;
        }
        let plain = if ext == "html" {
            Html::parse_document(&text)
                .root_element()
                .text()
                .collect::<Vec<_>>()
                .join(" ")
        } else {
            text
        };
        for found in place.captures_iter(&plain) {
            seen += 1;
            for word in found[1].split(|c: char| !c.is_alphanumeric()) {
                assert!(
                    !codes.contains(&word),
                    "{path} shows the place `{word}` by its code"
                );
            }
        }
    }
    assert!(seen > 0, "no place was found to check");
}

// Ensures a web address is never split across lines: every address in the example notices that a
// plain-text notice starts to print is printed whole, so it can be followed from an email.
#[test]
fn plain_text_never_splits_a_web_address() {
    let yaml = std::fs::read_to_string(format!("{ROOT}/notices.yaml")).expect("notices");
    let addresses: Vec<&str> = yaml
        .split_whitespace()
        .filter(|w| noticec::render::is_address(w))
        .map(|w| w.trim_end_matches([',', '.', ')', '"', '\'']))
        .collect();
    assert!(!addresses.is_empty());
    let built = build();
    for path in built.paths_ending("/notice.txt") {
        let text = built.text(path);
        for address in &addresses {
            let start: String = address.chars().take(30).collect();
            if text.contains(&start) {
                assert!(text.contains(address), "{path} splits {address}");
            }
        }
    }
}

// JSON-LD ----------------------------------------------------------------------------------------------

/// Parses a JSON-LD file, with its path in the failure message.
fn parse_json(path: &str, text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{path} is not JSON: {e}"))
}

// Ensures every `.jsonld` file parses as JSON, and is a JSON-LD object with an inline context.
#[test]
fn every_jsonld_file_parses() {
    let built = build();
    let files = built.paths_ending(".jsonld");
    // One `notice.jsonld` per notice, and a `consent-record.jsonld` beside each form.
    assert_eq!(files.len(), NOTICES.len() + WITH_FORM.len(), "{files:?}");
    for path in files {
        let value = parse_json(path, built.text(path));
        assert!(value.is_object(), "{path} is a JSON object");
        assert!(
            value["@context"].is_object(),
            "{path} has an inline @context object"
        );
    }
}

// Ensures every notice page embeds exactly one `<script type="application/ld+json">`, and that its JSON
// is the same data as the notice's `.jsonld` file.
#[test]
fn notice_pages_embed_the_same_jsonld() {
    let built = build();
    let scripts = Selector::parse("script").unwrap();
    for id in NOTICES {
        let page = format!("{id}/index.html");
        let html = Html::parse_document(built.text(&page));
        let blocks: Vec<_> = html
            .select(&scripts)
            .filter(|s| s.attr("type") == Some("application/ld+json"))
            .collect();
        assert_eq!(blocks.len(), 1, "{page} embeds one JSON-LD block");
        let embedded: String = blocks[0].text().collect();
        let embedded: Value = serde_json::from_str(&embedded)
            .unwrap_or_else(|e| panic!("the JSON-LD block of {page} is not JSON: {e}"));
        let file = format!("{id}/notice.jsonld");
        let standalone = parse_json(&file, built.text(&file));
        assert!(
            embedded == standalone,
            "the JSON-LD embedded in {page} differs from {file}"
        );
    }
}

// HTML -------------------------------------------------------------------------------------------------

// Ensures every HTML output (notice pages, the form, the index) has exactly one `<h1>` and declares
// `lang="en-GB"` on its `<html>` element.
#[test]
fn every_page_has_one_h1_and_is_british_english() {
    let built = build();
    let h1 = Selector::parse("h1").unwrap();
    let root = Selector::parse("html").unwrap();
    let pages = built.paths_ending(".html");
    assert_eq!(
        pages.len(),
        2 * NOTICES.len() + WITH_FORM.len() + 1,
        "{pages:?}"
    );
    for path in pages {
        let html = Html::parse_document(built.text(path));
        assert_eq!(html.select(&h1).count(), 1, "{path} has exactly one <h1>");
        let lang = html.select(&root).next().and_then(|e| e.attr("lang"));
        assert_eq!(lang, Some("en-GB"), "{path} declares lang=\"en-GB\"");
        assert!(
            built.text(path).starts_with("<!DOCTYPE html>"),
            "{path} starts with the HTML doctype"
        );
    }
}

// PDFs -------------------------------------------------------------------------------------------------

// Ensures every PDF is a PDF/UA-1 document (its XMP metadata says so) and pins each one's bytes: the
// snapshot holds the SHA-256 of every PDF of the example notices, so any change to a printed page shows
// up in review (the pages themselves are looked at as PNGs, see tests/checkers/pdf_check.py).
#[test]
fn every_pdf_declares_pdf_ua_1_and_its_bytes_are_pinned() {
    use sha2::Digest as _;
    use std::fmt::Write as _;
    let built = build();
    let pdfs = built.paths_ending(".pdf");
    assert_eq!(pdfs.len(), NOTICES.len() + 2 * WITH_FORM.len(), "{pdfs:?}");
    let mut hashes = String::new();
    for path in pdfs {
        let bytes = &built.files[path];
        assert!(bytes.starts_with(b"%PDF-"), "{path} is not a PDF");
        let text = String::from_utf8_lossy(bytes);
        assert!(
            text.contains("<pdfuaid:part>1</pdfuaid:part>") || text.contains("pdfuaid:part=\"1\""),
            "{path} does not declare PDF/UA-1"
        );
        assert!(!text.contains("/CreationDate"), "{path} has a timestamp");
        let digest = sha2::Sha256::digest(bytes)
            .iter()
            .fold(String::new(), |mut hex, b| {
                write!(hex, "{b:02x}").unwrap();
                hex
            });
        writeln!(hashes, "{path} {digest}").unwrap();
    }
    insta::assert_snapshot!("pdf-sha256", hashes);
}

// Ensures two builds of the same notices give the same PDFs, byte for byte.
#[test]
fn pdfs_are_reproducible() {
    let first = build();
    let second = build();
    for path in first.paths_ending(".pdf") {
        assert!(
            first.files[path] == second.files[path],
            "{path} differs between two builds"
        );
    }
}

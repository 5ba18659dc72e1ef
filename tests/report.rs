//! `noticec report`: the reviewer's report, run on the real binary. It must agree with `noticec check`
//! finding for finding, show what is missing, escape every text, and leave its folder alone on failure.

// Tests may panic: a failed unwrap or expect in a helper is a failed test.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::string_slice,
    clippy::indexing_slicing
)]

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use common::{ROOT, dir_with, files_under, noticec};

/// A temporary folder holding the repository's `notices.yaml`.
fn with_example() -> tempfile::TempDir {
    let text = std::fs::read(format!("{ROOT}/notices.yaml")).unwrap();
    dir_with(&[("notices.yaml", text)])
}

/// The (notice, code, line) of every finding on a notice's page, with how often each appears.
fn findings_on(dir: &Path, id: &str) -> Vec<(String, String, Option<u64>)> {
    let page = std::fs::read_to_string(dir.join(format!("report/{id}.html"))).unwrap();
    let re = regex::Regex::new(r#"data-code="([A-Z0-9]+)" data-line="([0-9]*)""#).unwrap();
    re.captures_iter(&page)
        .map(|c| (id.to_owned(), c[1].to_owned(), c[2].parse().ok()))
        .collect()
}

/// The status of each item on a notice's page.
fn statuses(dir: &Path, page: &str) -> Vec<(String, String)> {
    let page = std::fs::read_to_string(dir.join(page)).unwrap();
    let re = regex::Regex::new(r#"data-item="([a-z-]+)" data-status="([a-z-]+)""#).unwrap();
    re.captures_iter(&page)
        .map(|c| (c[1].to_owned(), c[2].to_owned()))
        .collect()
}

// The report on the example writes the overview and one page per notice, and nothing else but the marker.
#[test]
fn report_writes_an_index_and_a_page_per_notice() {
    let dir = with_example();
    noticec(dir.path(), &["report"]).expect(0, "report");
    let files: BTreeSet<String> = files_under(&dir.path().join("report"))
        .into_keys()
        .collect();
    let expected: BTreeSet<String> = [
        "index.html",
        "iewm.html",
        "live-well-kent.html",
        "livewest-community-connectors.html",
        "livewest-customer-summary.html",
        "livewest-customer.html",
        ".noticec-output",
    ]
    .into_iter()
    .map(str::to_owned)
    .collect();
    assert_eq!(files, expected);
    let index = std::fs::read_to_string(dir.path().join("report/index.html")).unwrap();
    for id in ["iewm", "live-well-kent", "livewest-customer"] {
        assert!(index.contains(&format!("href=\"{id}.html\"")), "{id}");
    }
    assert!(index.contains("<html lang=\"en-GB\">"));
    assert!(index.contains("<th scope=\"col\">"));
}

// Every finding `check` prints for a notice is on that notice's page, exactly once, and no other is.
#[test]
fn the_report_agrees_with_check() {
    let dir = with_example();
    noticec(dir.path(), &["report"]).expect(0, "report");
    let check = noticec(dir.path(), &["check", "--format", "json"]);
    let mut expected: Vec<(String, String, Option<u64>)> = check
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["notice"].as_str().unwrap().to_owned(),
                d["code"].as_str().unwrap().to_owned(),
                d["line"].as_u64(),
            )
        })
        .collect();
    let ids: BTreeSet<String> = expected.iter().map(|(n, ..)| n.clone()).collect();
    let mut shown: Vec<_> = ids
        .iter()
        .flat_map(|id| findings_on(dir.path(), id))
        .collect();
    expected.sort();
    shown.sort();
    assert!(!expected.is_empty());
    assert_eq!(shown, expected);
}

// `iewm` names no controller and says nothing of retention: the report shows both as missing, with the
// findings under them, and ranks it by what it leaves out.
#[test]
fn iewm_shows_its_controller_and_retention_missing() {
    let dir = with_example();
    noticec(dir.path(), &["report"]).expect(0, "report");
    let statuses = statuses(dir.path(), "report/iewm.html");
    for item in ["controller", "retention"] {
        assert!(
            statuses.contains(&(item.to_owned(), "missing".to_owned())),
            "{item}: {statuses:?}"
        );
    }
    let page = std::fs::read_to_string(dir.path().join("report/iewm.html")).unwrap();
    let controller_row = page
        .split("data-item=\"controller\"")
        .nth(1)
        .and_then(|rest| rest.split("</tr>").next())
        .unwrap();
    assert!(controller_row.contains("data-code=\"N001\""));
    // `/` is escaped in attributes (`&#x2f;`), which a browser reads as `/`.
    assert!(controller_row.contains("href=\"..&#x2f;notices.yaml#L1"));
    assert!(controller_row.contains("notices.yaml:"));
    let retention_row = page
        .split("data-item=\"retention\"")
        .nth(1)
        .and_then(|rest| rest.split("</tr>").next())
        .unwrap();
    assert!(retention_row.contains("data-code=\"N401\""));
}

// The complete example states every item: nothing on its page is missing, not applicable or unstated.
#[test]
fn the_complete_example_states_every_item() {
    let text = std::fs::read(format!("{ROOT}/tests/fixtures/good/complete.yaml")).unwrap();
    let dir = dir_with(&[("complete.yaml", text)]);
    noticec(dir.path(), &["report", "complete.yaml"]).expect(0, "report");
    let pages: Vec<String> = files_under(&dir.path().join("report"))
        .into_keys()
        .filter(|p| Path::new(p).extension().is_some_and(|e| e == "html") && p != "index.html")
        .collect();
    assert!(!pages.is_empty());
    for page in pages {
        let statuses = statuses(dir.path(), &format!("report/{page}"));
        assert_eq!(statuses.len(), 20, "{page}");
        for (item, status) in statuses {
            assert_eq!(status, "stated", "{page}: {item}");
        }
    }
}

// Hostile text is escaped: no `<script` from the input reaches a page as markup.
#[test]
fn hostile_text_is_escaped() {
    let text = std::fs::read(format!("{ROOT}/tests/fixtures/hostile/everything.yaml")).unwrap();
    let dir = dir_with(&[("everything.yaml", text)]);
    noticec(dir.path(), &["report", "everything.yaml"]).expect(0, "report");
    let mut escaped = false;
    for (path, bytes) in files_under(&dir.path().join("report")) {
        let page = String::from_utf8(bytes).unwrap().to_lowercase();
        assert!(!page.contains("<script"), "{path}");
        escaped |= page.contains("&lt;script");
    }
    assert!(escaped, "the hostile fixture's script tags appear, escaped");
}

// Errors in the notices write nothing: exit 1, and the report folder is as it was.
#[test]
fn a_failed_report_leaves_the_folder_unchanged() {
    let dir = with_example();
    noticec(dir.path(), &["report"]).expect(0, "report");
    let before = files_under(&dir.path().join("report"));
    let bad = std::fs::read(format!("{ROOT}/tests/fixtures/bad/E010_unknown_field.yaml")).unwrap();
    std::fs::write(dir.path().join("notices.yaml"), bad).unwrap();
    let run = noticec(dir.path(), &["report"]);
    run.expect(1, "report on errors");
    assert!(run.stderr.contains("nothing written"), "{}", run.stderr);
    assert_eq!(files_under(&dir.path().join("report")), before);
    // A folder that is not ours is refused (exit 2) and left alone.
    let other = dir.path().join("mine");
    std::fs::create_dir(&other).unwrap();
    std::fs::write(other.join("keep.txt"), "mine").unwrap();
    let example = std::fs::read(format!("{ROOT}/notices.yaml")).unwrap();
    std::fs::write(dir.path().join("notices.yaml"), example).unwrap();
    noticec(dir.path(), &["report", "--out", "mine"]).expect(2, "report into a folder not ours");
    assert_eq!(
        std::fs::read_to_string(other.join("keep.txt")).unwrap(),
        "mine"
    );
}

// The page of one notice, as the DPO sees it.
#[test]
fn snapshot_of_a_notice_page() {
    let dir = with_example();
    noticec(dir.path(), &["report"]).expect(0, "report");
    let page = std::fs::read_to_string(dir.path().join("report/iewm.html")).unwrap();
    let body = page.split("</style>").nth(1).unwrap();
    insta::assert_snapshot!("report_iewm", body);
}

// Every item the report calls stated links to the lines of the notices file that state it, and an item
// it does not ask of the notice links to none; the controller of Live Well Kent is the party that says so.
#[test]
fn stated_items_link_to_the_lines_that_state_them() {
    let dir = with_example();
    noticec(
        dir.path(),
        &["report", "notices.yaml", "--today", "2026-11-24"],
    )
    .expect(0, "report");
    let source: Vec<String> = std::fs::read_to_string(dir.path().join("notices.yaml"))
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect();
    let row = regex::Regex::new(r#"(?s)data-item="([a-z-]+)" data-status="([a-z-]+)">(.*?)</tr>"#)
        .unwrap();
    let link = regex::Regex::new(r"#L([0-9]+)").unwrap();
    let mut linked = 0;
    for page in files_under(&dir.path().join("report")).into_keys() {
        if page == "index.html" || Path::new(&page).extension().is_none_or(|e| e != "html") {
            continue;
        }
        let html = std::fs::read_to_string(dir.path().join("report").join(&page)).unwrap();
        for c in row.captures_iter(&html) {
            let (item, status, cells) = (&c[1], &c[2], &c[3]);
            let stated_at = cells
                .split("class=\"stated-at\"")
                .nth(1)
                .and_then(|rest| rest.split("</span>").next())
                .unwrap_or("");
            let lines: Vec<usize> = link
                .captures_iter(stated_at)
                .map(|l| l[1].parse().unwrap())
                .collect();
            match status {
                "stated" | "notice-wide" => {
                    assert!(
                        !lines.is_empty(),
                        "{page}: {item} is {status} but links to no line"
                    );
                    linked += lines.len();
                }
                // A missing item may be stated in part (a transfer without its safeguard).
                "missing" => {}
                _ => assert!(
                    lines.is_empty(),
                    "{page}: {item} is {status} but links to {lines:?}"
                ),
            }
            for l in lines {
                assert!(l >= 1 && l <= source.len(), "{page}: {item}: line {l}");
            }
        }
    }
    assert!(linked > 50, "{linked}");
    let lwk = std::fs::read_to_string(dir.path().join("report/live-well-kent.html")).unwrap();
    let controller = row
        .captures_iter(&lwk)
        .find(|c| &c[1] == "controller")
        .unwrap();
    let line: usize = link.captures(&controller[3]).unwrap()[1].parse().unwrap();
    assert!(
        source[line - 1].contains("organisation: kent-county-council"),
        "{}",
        source[line - 1]
    );
    assert!(
        source[line].contains("legal_role: controller"),
        "{}",
        source[line]
    );
}

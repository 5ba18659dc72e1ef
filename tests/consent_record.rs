//! The blank consent record written beside each consent form (`consent-record.jsonld`) says what the
//! notice says and nothing more: each tick box with the purpose the YAML links to it (and none where it
//! links none), the content hash printed on the form's footer, who signs to give consent, how to
//! withdraw as the notice gives it, and blanks for what only the signed sheet can tell.

// Tests may panic: a failed unwrap or expect in a helper is a failed test.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::string_slice,
    clippy::indexing_slicing
)]

mod common;

use std::collections::BTreeMap;

use noticec::load::{Limits, SourceFile};
use noticec::model::ClosedList as _;
use noticec::model::NoticeFile;
use serde_json::Value;

use common::ROOT;

/// The repository's example notices.
const EXAMPLES: &str = "notices.yaml";
/// The complete example: tick boxes linked to purposes, a support worker's block, withdrawal methods.
const COMPLETE: &str = "tests/fixtures/good/complete.yaml";

fn read(path: &str) -> String {
    std::fs::read_to_string(format!("{ROOT}/{path}")).expect("read fixture")
}

/// The typed notices of a file held in memory; panics when it has errors.
fn notices(text: &str) -> NoticeFile {
    let source = SourceFile {
        name: "notices.yaml".into(),
        bytes: text.as_bytes().to_vec(),
    };
    let checked = noticec::check_source(&source, &Limits::default(), &common::lint_options());
    assert!(!checked.report.has_errors(), "the notices have errors");
    checked.notices.expect("notices")
}

/// Every output of a file, by path, as text.
fn render(file: &NoticeFile) -> BTreeMap<String, String> {
    let words = noticec::render::Catalogue::en_gb().expect("catalogue");
    noticec::render::render_all(file, &noticec::render::Templates::builtin(), &words)
        .expect("render")
        .into_iter()
        .filter_map(|o| {
            Some((
                o.path.clone(),
                String::from_utf8(o.bytes().unwrap().to_vec()).ok()?,
            ))
        })
        .collect()
}

/// The consent record of notice `id`.
fn record(outputs: &BTreeMap<String, String>, id: &str) -> Value {
    let path = format!("{id}/consent-record.jsonld");
    let text = outputs.get(&path).unwrap_or_else(|| panic!("no {path}"));
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{path} is not JSON: {e}"))
}

/// The values of a key that may hold one value or a list.
fn list(v: &Value) -> Vec<&Value> {
    match v {
        Value::Array(items) => items.iter().collect(),
        Value::Null => Vec::new(),
        other => vec![other],
    }
}

/// The content hash the record gives for its notice.
fn record_hash(rec: &Value) -> String {
    list(&rec["dpv:hasNotice"]["schema:identifier"])
        .into_iter()
        .find(|p| p["schema:propertyID"] == "content-hash")
        .and_then(|p| p["schema:value"].as_str())
        .expect("the record gives a content hash")
        .to_owned()
}

// Ensures a record is written for every notice with a form and for no other, in both example files.
#[test]
fn a_record_beside_every_form_and_no_other() {
    for path in [EXAMPLES, COMPLETE] {
        let file = notices(&read(path));
        let outputs = render(&file);
        for n in &file.notices {
            let id = n.id.to_string();
            assert_eq!(
                outputs.contains_key(&format!("{id}/consent-record.jsonld")),
                n.form.is_some(),
                "{path}: `{id}` has a record exactly when it has a form"
            );
        }
    }
}

// Ensures each tick box's process carries the statement's id and text, and the purpose the YAML links
// to it (with that purpose's lawful bases), in the form's order; a box the YAML links to no purpose
// carries none.
#[test]
fn each_choice_covers_the_purpose_the_yaml_links() {
    for path in [EXAMPLES, COMPLETE] {
        let file = notices(&read(path));
        let outputs = render(&file);
        for n in &file.notices {
            let Some(form) = &n.form else { continue };
            let rec = record(&outputs, n.id.as_str());
            let processes = list(&rec["dpv:hasProcess"]);
            assert_eq!(processes.len(), form.statements.len(), "{}", n.id);
            for (s, p) in form.statements.iter().zip(processes) {
                assert_eq!(p["dct:identifier"], s.id.as_str());
                assert_eq!(p["dct:description"], s.text.as_str());
                match &s.purpose {
                    Some(purpose) => {
                        let expected = format!("urn:noticec:{}:purpose:{purpose}", n.id);
                        assert_eq!(p["dpv:hasPurpose"]["@id"], expected.as_str());
                        let linked = n.purposes.iter().find(|x| &x.id == purpose).unwrap();
                        let bases: Vec<&str> = list(&p["dpv:hasLegalBasis"])
                            .into_iter()
                            .filter_map(|b| b["@id"].as_str())
                            .collect();
                        let stated: Vec<&str> =
                            linked.lawful_bases.iter().map(|b| b.dpv()).collect();
                        assert_eq!(bases, stated, "the bases of `{purpose}`");
                    }
                    None => assert!(p.get("dpv:hasPurpose").is_none()),
                }
            }
        }
    }
}

// Ensures the record names the notice by the content hash printed on the consent form's footer, with
// its id, version and language.
#[test]
fn the_hash_is_the_one_on_the_form_footer() {
    for path in [EXAMPLES, COMPLETE] {
        let file = notices(&read(path));
        let graph = noticec::graph::Graph::new(&file);
        let outputs = render(&file);
        for n in file.notices.iter().filter(|n| n.form.is_some()) {
            let id = n.id.to_string();
            let rec = record(&outputs, &id);
            let hash = record_hash(&rec);
            assert_eq!(hash, noticec::render::view::content_hash(&graph, n));
            let form = &outputs[&format!("{id}/consent-form.html")];
            let footer = match &n.version {
                Some(v) => format!("{id} · version {v} · content hash {hash}"),
                None => format!("{id} · content hash {hash}"),
            };
            assert!(
                form.contains(&footer),
                "{id}: the form's footer is `{footer}`"
            );
            let notice = &rec["dpv:hasNotice"];
            assert_eq!(notice["@id"], format!("urn:noticec:{id}").as_str());
            assert_eq!(notice["dct:language"], n.language.as_str());
            assert_eq!(
                notice["dct:hasVersion"].as_str(),
                n.version.as_deref(),
                "{id}: the version is given exactly when the notice gives one"
            );
        }
    }
}

// Ensures a tick box whose statement names no purpose gets no purpose, no lawful basis and no
// per-purpose withdrawal method in the record: only its own words, and the form's withdrawal method.
#[test]
fn a_choice_without_a_purpose_gets_none_invented() {
    let yaml = read(COMPLETE);
    let without = yaml.replacen("\n          purpose: stories\n", "\n", 1);
    assert_ne!(
        without, yaml,
        "the fixture links the `stories` box to its purpose"
    );
    let file = notices(&without);
    let rec = record(&render(&file), "brightwater-support");
    let stories = list(&rec["dpv:hasProcess"])
        .into_iter()
        .find(|p| p["dct:identifier"] == "stories")
        .expect("the `stories` box");
    for key in [
        "dpv:hasPurpose",
        "dpv:hasLegalBasis",
        "dpv:hasConsentControl",
    ] {
        assert!(
            stories.get(key).is_none(),
            "`stories` has no {key}: {stories:#}"
        );
    }
    assert!(
        stories["dpv:hasConsentStatus"]
            .get("dpv:hasDuration")
            .is_none()
    );
    // The form's own withdrawal method still applies to every box.
    assert_eq!(rec["dpv:hasConsentControl"]["@type"], "dpv:WithdrawConsent");
}

// Ensures what only the signed sheet can tell is blank (null), the status is unknown until filled in,
// and only the signers who give consent are said to indicate it (not the support worker).
#[test]
fn blanks_for_the_case_system_and_signers_who_consent() {
    let file = notices(&read(COMPLETE));
    let rec = record(&render(&file), "brightwater-support");
    assert!(rec["dct:identifier"].is_null());
    assert!(
        rec.get("@id").is_none(),
        "each filled-in copy gets its own id"
    );
    assert!(rec["dpv:hasDataSubject"]["dct:identifier"].is_null());
    for p in list(&rec["dpv:hasProcess"]) {
        let status = &p["dpv:hasConsentStatus"];
        assert_eq!(status["@type"], "dpv:ConsentUnknown");
        assert!(status["dpv:isIndicatedAtTime"].is_null());
        let by: Vec<&Value> = list(&status["dpv:isIndicatedBy"])
            .into_iter()
            .map(|e| &e["@type"])
            .collect();
        assert_eq!(
            by,
            vec!["dpv:DataSubject"],
            "the person (or their representative) only"
        );
    }
}

// Ensures the Live Well Kent form, which has no tick box and no withdrawal method, gets a record with no
// consent choice, no withdrawal method and a comment saying signing gives no consent.
#[test]
fn live_well_kent_records_no_consent() {
    let file = notices(&read(EXAMPLES));
    let rec = record(&render(&file), "live-well-kent");
    assert!(rec.get("dpv:hasProcess").is_none());
    assert!(rec.get("dpv:hasConsentControl").is_none());
    assert!(rec.get("dpv:hasLegalBasis").is_none());
    assert!(
        rec["rdfs:comment"]
            .as_str()
            .is_some_and(|c| c.contains("no consent choices"))
    );
    assert!(!list(&rec["dpv:hasNotice"]["@type"]).contains(&&Value::from("dpv:ConsentNotice")));
}

//! The content hash printed on every output (and on every page of a printed form) traces a signed sheet
//! to the exact facts it was signed against.
//!
//! It must move whenever a notice's outputs say something different, including facts it reaches only
//! through another part of the file (a contact's organisation), and must not move when only the way
//! the file is written changes (comments, key order, quoting, the order of the shared lists).

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
use noticec::model::NoticeFile;
use serde_json::Value;

use common::ROOT;

/// Checks a notices file held in memory: the typed notices, or `None` when it has errors.
fn valid(text: &str) -> Option<NoticeFile> {
    let source = SourceFile {
        name: "notices.yaml".into(),
        bytes: text.as_bytes().to_vec(),
    };
    let checked = noticec::check_source(&source, &Limits::default(), &common::lint_options());
    if checked.report.has_errors() {
        return None;
    }
    checked.notices
}

/// Every output of every notice, by path, with the notice's hash replaced by a marker, and the hashes.
struct Built {
    outputs: BTreeMap<String, String>,
    hashes: BTreeMap<String, String>,
}

fn build(file: &NoticeFile) -> Built {
    let words = noticec::render::Catalogue::en_gb().expect("catalogue");
    let outputs = noticec::render::render_all(file, &noticec::render::Templates::builtin(), &words)
        .expect("render");
    let graph = noticec::graph::Graph::new(file);
    let hashes: BTreeMap<String, String> = file
        .notices
        .iter()
        .map(|n| {
            (
                n.id.to_string(),
                noticec::render::view::content_hash(&graph, n),
            )
        })
        .collect();
    let outputs = outputs
        .into_iter()
        .filter_map(|o| {
            let (id, _) = o.path.split_once('/')?;
            let text = String::from_utf8(o.bytes().unwrap().to_vec()).ok()?;
            let hash = hashes.get(id)?;
            Some((o.path.clone(), text.replace(hash.as_str(), "#HASH#")))
        })
        .collect();
    Built { outputs, hashes }
}

fn read(path: &str) -> String {
    std::fs::read_to_string(format!("{ROOT}/{path}")).expect("read fixture")
}

/// The example notices with a contact whose organisation is reached by nothing else.
fn with_contact_only_organisation() -> String {
    read("notices.yaml")
        .replacen(
            "organisations:\n",
            "organisations:\n  - id: dpo-services\n    name: DPO Services Ltd\n",
            1,
        )
        .replacen(
            "organisation: kent-county-council\n    role: data_protection_officer",
            "organisation: dpo-services\n    role: data_protection_officer",
            1,
        )
}

// Renaming an organisation that a notice reaches only through its DPO contact changes what the form
// prints, so it must change the form's hash (a substring search over the notice missed it).
#[test]
fn organisation_reached_only_through_a_contact_moves_the_hash() {
    let text = with_contact_only_organisation();
    assert!(
        text.contains("dpo-services\n    role"),
        "fixture edit applied"
    );
    let before = valid(&text).expect("valid before");
    let after = valid(&text.replace("DPO Services Ltd", "Data Protection Services Ltd"))
        .expect("valid after");
    let (b, a) = (build(&before), build(&after));
    assert_ne!(
        b.outputs["live-well-kent/consent-form.html"],
        a.outputs["live-well-kent/consent-form.html"],
        "the form prints the contact's organisation"
    );
    assert_ne!(b.hashes["live-well-kent"], a.hashes["live-well-kent"]);
    // Notices that never reach it keep their hash.
    assert_eq!(b.hashes["iewm"], a.hashes["iewm"]);
}

/// The example file written another way: as JSON (every string quoted, keys in another order, flow
/// style, no comments), with the shared lists reversed.
fn rewritten(text: &str) -> String {
    let file = valid(text).expect("example is valid");
    let mut value = serde_json::to_value(&file).expect("to json");
    for list in ["organisations", "contacts"] {
        if let Some(Value::Array(items)) = value.get_mut(list) {
            items.reverse();
        }
    }
    serde_json::to_string(&value).expect("to text")
}

// Comments, quoting, key order and the order of shared declarations are how a file is written, not
// what a notice says: the hash stays.
#[test]
fn formatting_comments_key_order_and_quoting_keep_the_hash() {
    let text = read("notices.yaml");
    let original = build(&valid(&text).expect("valid"));
    // A full-line comment before every list item with an id, at its indentation: these lines are never
    // inside a block of text, so the comment cannot become part of a value.
    let commented: String = text
        .lines()
        .flat_map(|l| {
            let item = l.trim_start();
            let indent = &l[..l.len() - item.len()];
            let comment = item
                .starts_with("- id:")
                .then(|| format!("{indent}# reviewed"));
            comment.into_iter().chain([l.to_owned()])
        })
        .collect::<Vec<_>>()
        .join("\n");
    assert!(commented.matches("# reviewed").count() > 50);
    for (what, variant) in [("comments", commented), ("json", rewritten(&text))] {
        let other = build(&valid(&variant).unwrap_or_else(|| panic!("{what} variant is valid")));
        assert_eq!(original.hashes, other.hashes, "{what} changed a hash");
        assert_eq!(original.outputs, other.outputs, "{what} changed an output");
    }
}

/// A changed value for a leaf, or `None` when there is no obvious one.
fn mutate(v: &Value) -> Vec<Value> {
    match v {
        Value::Bool(b) => vec![Value::Bool(!b)],
        Value::Number(n) => vec![Value::from(n.as_i64().unwrap_or(0) + 1)],
        Value::String(s) => {
            let mut tries = vec![format!("{s} changed")];
            // Patterned values: dates, durations, addresses, numbers, links.
            if s.len() == 10 && s.as_bytes().get(4) == Some(&b'-') {
                tries.push(format!("2001{}", &s[4..]));
            }
            if s.starts_with('P') {
                tries.push("P7Y".into());
            }
            if s.contains('@') {
                tries.push(format!("changed.{s}"));
            }
            if s.starts_with("http") {
                tries.push(format!("{s}/changed"));
            }
            if s.chars().filter(char::is_ascii_digit).count() > 6 {
                tries.push(format!("{}9", &s[..s.len() - 1]));
            }
            tries.into_iter().map(Value::String).collect()
        }
        _ => Vec::new(),
    }
}

/// JSON pointers of every leaf under `value`, with the leaf.
fn leaves(value: &Value, at: String, out: &mut Vec<(String, Value)>) {
    match value {
        Value::Object(m) => {
            for (k, v) in m {
                leaves(v, format!("{at}/{k}"), out);
            }
        }
        Value::Array(a) => {
            for (i, v) in a.iter().enumerate() {
                leaves(v, format!("{at}/{i}"), out);
            }
        }
        _ => out.push((at, value.clone())),
    }
}

/// Changes every leaf reachable from one notice, one at a time, and checks that the notice's hash moves
/// exactly when one of its outputs does.
fn hash_follows_outputs(path: &str, notice_id: &str) {
    let file = valid(&read(path)).expect("fixture is valid");
    let index = file
        .notices
        .iter()
        .position(|n| n.id.as_str() == notice_id)
        .expect("notice in fixture");
    let base = build(&file);
    let graph = noticec::graph::Graph::new(&file);
    let closure = graph.closure(&file.notices[index]);
    let tree = serde_json::to_value(&file).expect("to json");

    let mut targets = Vec::new();
    leaves(
        &tree["notices"][index],
        format!("/notices/{index}"),
        &mut targets,
    );
    for (i, o) in file.organisations.iter().enumerate() {
        if closure.organisations.contains_key(o.id.as_str()) {
            leaves(
                &tree["organisations"][i],
                format!("/organisations/{i}"),
                &mut targets,
            );
        }
    }
    for (i, c) in file.contacts.iter().enumerate() {
        if closure.contacts.contains_key(c.id.as_str()) {
            leaves(&tree["contacts"][i], format!("/contacts/{i}"), &mut targets);
        }
    }

    let (mut changed, mut skipped, mut wrong) = (0, 0, Vec::new());
    for (pointer, leaf) in &targets {
        // An id is how parts of the file refer to each other, not a fact on its own.
        if pointer.ends_with("/id") || pointer.contains("/allow/") {
            continue;
        }
        let mutated = mutate(leaf).into_iter().find_map(|new| {
            let mut t = tree.clone();
            *t.pointer_mut(pointer)? = new;
            valid(&serde_json::to_string(&t).ok()?)
        });
        let Some(mutated) = mutated else {
            skipped += 1;
            continue;
        };
        changed += 1;
        let after = build(&mutated);
        let outputs_moved = base
            .outputs
            .iter()
            .filter(|(p, _)| p.starts_with(&format!("{notice_id}/")))
            .any(|(p, text)| after.outputs.get(p) != Some(text));
        let hash_moved = base.hashes[notice_id] != after.hashes[notice_id];
        if outputs_moved != hash_moved {
            wrong.push(format!(
                "{pointer}: outputs {} but the hash {}",
                if outputs_moved { "moved" } else { "stayed" },
                if hash_moved { "moved" } else { "stayed" }
            ));
        }
    }
    eprintln!("{path} {notice_id}: {changed} fields changed, {skipped} without a valid change");
    assert!(changed > 20, "too few fields could be changed: {changed}");
    assert!(
        wrong.is_empty(),
        "{} mismatches:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

#[test]
fn hash_moves_exactly_when_the_outputs_move_live_well_kent() {
    hash_follows_outputs("notices.yaml", "live-well-kent");
}

#[test]
fn hash_moves_exactly_when_the_outputs_move_complete_example() {
    let file = valid(&read("tests/fixtures/good/complete.yaml")).expect("valid");
    let id = file.notices[0].id.to_string();
    hash_follows_outputs("tests/fixtures/good/complete.yaml", &id);
}

// A notice's `allow` list configures the lint; no output prints it, so it leaves the hash alone.
#[test]
fn allowing_a_lint_rule_keeps_the_hash() {
    let text = read("notices.yaml");
    let file = valid(&text).expect("valid");
    let mut tree = serde_json::to_value(&file).expect("to json");
    tree["notices"][3]["allow"] =
        serde_json::json!([{ "rule": "N702", "reason": "the source gives no date" }]);
    let allowed = valid(&serde_json::to_string(&tree).expect("to text")).expect("still valid");
    assert_eq!(allowed.notices[3].allow.len(), 1);
    let (before, after) = (build(&file), build(&allowed));
    assert_eq!(before.hashes, after.hashes);
    assert_eq!(before.outputs, after.outputs);
}

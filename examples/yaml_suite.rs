//! The official YAML test suite as an outside judge of noticec's loader.
//!
//! Reads the cases `tests/checkers/yaml_suite.mjs` wrote (one JSON file), loads each with
//! [`noticec::load::parse`], and sorts the outcome into:
//! - **matched**: the loaded data equals the suite's expected JSON;
//! - **refused by design**: a YAML feature notices do not use (tags, anchors, aliases, several
//!   documents, keys that are not text, duplicate keys, numbers JSON cannot hold, a file with no data),
//!   refused with a located error;
//! - **correctly refused**: a case the suite marks invalid, refused with a located error;
//! - **mismatched**: different data, an invalid case accepted, or a valid case refused without a reason
//!   by design;
//! - **panicked**.
//!
//! Prints the counts and every mismatch, and exits 1 when there is any mismatch or panic.
//!
//! Usage: `cargo run --example yaml_suite -- CASES.json`

use std::process::ExitCode;

use noticec::diagnostics::{Code, Diagnostic};
use noticec::load::{Limits, SourceFile, parse};
use serde::Deserialize;
use serde_json::Value;

/// One case as the suite gives it.
#[derive(Deserialize)]
struct Case {
    id: String,
    name: String,
    yaml: String,
    /// The expected data, one JSON text per document; absent when JSON cannot hold it.
    json: Option<String>,
    /// For a valid case without `json`: the data of its event tree, where JSON can hold it.
    #[serde(default)]
    tree_json: Option<String>,
    /// Whether the YAML is invalid.
    fail: bool,
    /// Whether the suite gives this case's data at all (a JSON text or an event tree); the variants it
    /// derives from a case by dropping its last line break carry neither.
    #[serde(default = "yes")]
    judged: bool,
}

/// How one case came out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Outcome {
    Matched,
    RefusedByDesign,
    CorrectlyRefused,
    /// A valid case the suite gives no data for: loaded or refused, nothing to compare with.
    Unjudged,
    Mismatched,
    Panicked,
}

/// The codes whose refusal is by design: YAML features notices do not use (E004), duplicate keys (E005)
/// and a file that holds no data (E003).
const BY_DESIGN: [Code; 3] = [Code::E003, Code::E004, Code::E005];

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: yaml_suite CASES.json");
        return ExitCode::from(2);
    };
    let cases: Vec<Case> = match std::fs::read(&path)
        .map_err(|e| e.to_string())
        .and_then(|b| serde_json::from_slice(&b).map_err(|e| e.to_string()))
    {
        Ok(cases) => cases,
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::from(2);
        }
    };
    // A panic is counted, not printed as it happens.
    std::panic::set_hook(Box::new(|_| {}));
    let mut counts = std::collections::BTreeMap::new();
    for case in &cases {
        let (outcome, why) = judge(case);
        *counts.entry(outcome).or_insert(0usize) += 1;
        if outcome >= Outcome::Unjudged {
            println!("{outcome:?} {} ({}): {why}", case.id, case.name);
        }
    }
    let count = |o| counts.get(&o).copied().unwrap_or(0);
    println!(
        "yaml test suite: {} cases: {} matched, {} refused by design, {} correctly refused, {} without data in the suite, {} mismatched, {} panicked",
        cases.len(),
        count(Outcome::Matched),
        count(Outcome::RefusedByDesign),
        count(Outcome::CorrectlyRefused),
        count(Outcome::Unjudged),
        count(Outcome::Mismatched),
        count(Outcome::Panicked),
    );
    if count(Outcome::Mismatched) + count(Outcome::Panicked) > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn yes() -> bool {
    true
}

/// Loads one case and says how it came out, and why when it is a mismatch.
fn judge(case: &Case) -> (Outcome, String) {
    let source = SourceFile {
        name: format!("{}.yaml", case.id),
        bytes: case.yaml.as_bytes().to_vec(),
    };
    let limits = Limits {
        max_notices: usize::MAX,
        ..Limits::DEFAULT
    };
    let Ok(loaded) = std::panic::catch_unwind(|| parse(&source, &limits)) else {
        return (Outcome::Panicked, "the loader panicked".into());
    };
    match loaded {
        Err(errors) => {
            let first = errors.first();
            if let Some(unplaced) = errors.iter().find(|d| d.span.is_none()) {
                return (
                    Outcome::Mismatched,
                    format!("refused without a place: {}", unplaced.message),
                );
            }
            if case.fail {
                (Outcome::CorrectlyRefused, String::new())
            } else if first.is_some_and(|d| BY_DESIGN.contains(&d.code)) {
                (Outcome::RefusedByDesign, String::new())
            } else {
                (Outcome::Mismatched, format!("refused: {}", describe(first)))
            }
        }
        Ok(doc) if case.fail => (
            Outcome::Mismatched,
            format!("accepted an invalid case as {}", doc.value),
        ),
        Ok(doc) => match expected(case) {
            Some(want) if want == doc.value => (Outcome::Matched, String::new()),
            Some(want) => (
                Outcome::Mismatched,
                format!("loaded {}, expected {want}", doc.value),
            ),
            None if !case.judged => (
                Outcome::Unjudged,
                format!(
                    "loaded as {}; the suite gives no data to compare",
                    doc.value
                ),
            ),
            None => (
                Outcome::Mismatched,
                format!(
                    "accepted as {}, but the suite has no JSON for it",
                    doc.value
                ),
            ),
        },
    }
}

/// The expected data when the case holds exactly one document that JSON can hold.
fn expected(case: &Case) -> Option<Value> {
    let text = case.json.as_deref().or(case.tree_json.as_deref())?;
    let docs: Vec<Value> = serde_json::Deserializer::from_str(text)
        .into_iter()
        .collect::<Result<_, _>>()
        .ok()?;
    match docs.as_slice() {
        [one] => Some(one.clone()),
        _ => None,
    }
}

fn describe(d: Option<&Diagnostic>) -> String {
    d.map_or_else(
        || "no diagnostic".into(),
        |d| {
            let at = d
                .span
                .map(|s| format!("{}:{}", s.start.line, s.start.column))
                .unwrap_or_default();
            format!("{} at {at}: {}", d.code.as_str(), d.message)
        },
    )
}

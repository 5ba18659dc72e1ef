//! The generator of `cargo run --release --example synth` and of the benchmarks (`benches/stages.rs`).
//!
//! Each notice is a copy of one of the examples in `notices.yaml` with its own id and title, some of its
//! lists shortened (never below what its other parts refer to), and its wording numbered; the shared
//! organisations and contacts are the examples' own. `noticec check` finds no errors in the result
//! (pass `--max-notices N` and a `--max-input-bytes` large enough).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    dead_code
)]

use std::fmt::Write as _;

use serde_json::Value;

/// A small deterministic generator (xorshift64*), so the output never depends on the platform.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % u64::try_from(n.max(1)).unwrap()).unwrap()
    }
}

/// One notices file of `n` distinct notices, the same bytes for the same `n` and `seed`.
pub(crate) fn notices(n: usize, seed: u64) -> String {
    let root = env!("CARGO_MANIFEST_DIR");
    let source = noticec::load::SourceFile {
        name: "notices.yaml".to_owned(),
        bytes: std::fs::read(format!("{root}/notices.yaml")).expect("notices.yaml"),
    };
    let doc = noticec::load::parse(&source, &noticec::load::Limits::DEFAULT)
        .unwrap_or_else(|_| panic!("notices.yaml does not load"));
    let mut file = doc.value;
    let templates: Vec<Value> = file["notices"].as_array().cloned().unwrap_or_default();
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let mut notices = Vec::with_capacity(n);
    for i in 0..n {
        // The examples themselves come first, so that related notices always find their target.
        let mut notice = templates[i % templates.len()].clone();
        if i >= templates.len() {
            vary(&mut notice, i, &mut rng);
        }
        notices.push(notice);
    }
    // With fewer notices than the examples, a related notice may be one left out: it is then named by its
    // title only.
    let ids: Vec<String> = notices
        .iter()
        .filter_map(|n| n["id"].as_str().map(str::to_owned))
        .collect();
    for notice in &mut notices {
        if let Some(related) = notice.get_mut("related").and_then(Value::as_array_mut) {
            for item in related.iter_mut().filter_map(Value::as_object_mut) {
                let known = item
                    .get("notice")
                    .and_then(Value::as_str)
                    .is_none_or(|id| ids.iter().any(|k| k == id));
                if !known {
                    item.remove("notice");
                }
            }
        }
    }
    file["notices"] = Value::Array(notices);
    let mut out = String::from(
        "# Synthetic notices for benchmarks: `cargo run --release --example synth -- N`.\n",
    );
    emit(&file, 0, &mut out);
    out
}

/// Gives a copy of an example its own id and title, numbers its wording, and shortens lists nothing
/// refers to by position.
fn vary(notice: &mut Value, i: usize, rng: &mut Rng) {
    let id = notice["id"].as_str().unwrap_or("notice").to_owned();
    notice["id"] = Value::String(format!("{id}-{i}"));
    if let Some(title) = notice["title"].as_str() {
        notice["title"] = Value::String(format!("{title} ({i})"));
    }
    if let Some(summary) = notice["summary"].as_str() {
        notice["summary"] = Value::String(format!("{summary} Service {i}."));
    }
    // Lists whose items no other part of the notice names: some copies keep fewer of them.
    for key in ["rights", "related", "exceptions"] {
        if let Some(list) = notice.get_mut(key).and_then(Value::as_array_mut)
            && list.len() > 2
        {
            let keep = list.len() - rng.below(2);
            list.truncate(keep);
        }
    }
}

/// Writes a JSON value as block-style YAML: mappings and sequences indented, every string
/// double-quoted with JSON's escapes (a double-quoted JSON string is a YAML string).
fn emit(value: &Value, indent: usize, out: &mut String) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                let _ = write!(out, "{:indent$}{k}:", "");
                scalar_or_block(v, indent, out);
            }
        }
        Value::Array(items) => {
            for item in items {
                let _ = write!(out, "{:indent$}-", "");
                match item {
                    Value::Object(map) if !map.is_empty() => {
                        // The first key on the dash's line, the rest under it.
                        let mut first = true;
                        for (k, v) in map {
                            if first {
                                let _ = write!(out, " {k}:");
                                first = false;
                            } else {
                                let _ = write!(out, "{:w$}{k}:", "", w = indent + 2);
                            }
                            scalar_or_block(v, indent + 2, out);
                        }
                    }
                    other => scalar_or_block(other, indent, out),
                }
            }
        }
        other => {
            let _ = writeln!(out, "{:indent$}{}", "", other);
        }
    }
}

/// After `key:` or `-`: a scalar on the same line, or a nested block on the following lines.
fn scalar_or_block(value: &Value, indent: usize, out: &mut String) {
    match value {
        Value::Object(map) if !map.is_empty() => {
            out.push('\n');
            emit(value, indent + 2, out);
        }
        Value::Array(items) if !items.is_empty() => {
            out.push('\n');
            emit(value, indent + 2, out);
        }
        Value::Object(_) => out.push_str(" {}\n"),
        Value::Array(_) => out.push_str(" []\n"),
        other => {
            let _ = writeln!(out, " {other}");
        }
    }
}

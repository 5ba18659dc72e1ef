//! The `sarif` format: SARIF 2.1.0, for code scanning tools, with every rule's metadata in
//! `tool.driver.rules`.

use serde_json::{Map, Value, json};

use super::{Code, Diagnostic, Severity};

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

/// Every rule the tool can report, from the code table: the structural codes, then the lint rules.
fn rules() -> Vec<Value> {
    Code::ALL.iter().map(|&c| rule(c)).collect()
}

/// One rule's metadata. A structural code is described by its summary alone, a lint rule in full.
fn rule(code: Code) -> Value {
    if !code.is_lint() {
        return json!({
            "id": code,
            "name": code.name(),
            "shortDescription": { "text": code.summary() },
            "defaultConfiguration": { "level": "error" },
        });
    }
    let explanation = code.explanation();
    json!({
        "id": code,
        "name": code.name(),
        "shortDescription": { "text": code.summary() },
        "fullDescription": { "text": explanation.lines().find(|l| !l.is_empty() && !l.starts_with('#')).unwrap_or(code.summary()) },
        "help": { "text": explanation, "markdown": explanation },
        "defaultConfiguration": { "level": level(code.severity()) },
        "properties": { "provision": code.article().unwrap_or("good practice") },
    })
}

/// Renders a SARIF 2.1.0 log with one run.
pub fn render(diagnostics: &[Diagnostic]) -> String {
    let rules = rules();
    let index = |code: Code| Code::ALL.iter().position(|&c| c == code);
    let results: Vec<Value> = diagnostics
        .iter()
        .map(|d| {
            let mut text = d.message.clone();
            if let Some(help) = &d.help {
                text.push_str(" (help: ");
                text.push_str(help);
                text.push(')');
            }
            let mut physical = Map::new();
            physical.insert("artifactLocation".into(), json!({ "uri": d.file }));
            let mut location = Map::new();
            if let Some(s) = d.span {
                physical.insert("region".into(), json!({
                    "startLine": s.start.line,
                    "startColumn": s.start.column,
                    "endLine": s.end.line.max(s.start.line),
                    "endColumn": if s.end.line > s.start.line || s.end.column > s.start.column { s.end.column } else { s.start.column.saturating_add(1) },
                }));
            }
            location.insert("physicalLocation".into(), Value::Object(physical));
            if let Some(path) = &d.path {
                location.insert(
                    "logicalLocations".into(),
                    json!([{ "fullyQualifiedName": path, "kind": "member" }]),
                );
            }
            let mut result = Map::new();
            result.insert("ruleId".into(), json!(d.code));
            if let Some(i) = index(d.code) {
                result.insert("ruleIndex".into(), json!(i));
            }
            result.insert("level".into(), json!(level(d.severity)));
            result.insert("message".into(), json!({ "text": text }));
            result.insert("locations".into(), json!([location]));
            Value::Object(result)
        })
        .collect();
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "noticec",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            } },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    // JSON may carry DEL, the C1 controls and the bidirectional characters raw; they are escaped.
    let mut text =
        crate::suggest::json_escape_hidden(serde_json::to_string_pretty(&log).unwrap_or_default());
    text.push('\n');
    text
}

//! The `sarif` format: SARIF 2.1.0, for code scanning tools, with every rule's metadata in
//! `tool.driver.rules`.

use serde_json::{Value, json};

use super::{Diagnostic, Severity, codes};
use crate::lint::RULES;

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

/// Every rule the tool can report: the structural codes, then the lint rules.
fn rules() -> Vec<Value> {
    let structural = codes::STRUCTURE.iter().map(|(code, name, summary)| {
        json!({
            "id": code,
            "name": name,
            "shortDescription": { "text": summary },
            "defaultConfiguration": { "level": "error" },
        })
    });
    let lint = RULES.iter().map(|r| {
        json!({
            "id": r.code,
            "name": r.name,
            "shortDescription": { "text": r.summary },
            "fullDescription": { "text": r.explanation.lines().find(|l| !l.is_empty() && !l.starts_with('#')).unwrap_or(r.summary) },
            "help": { "text": r.explanation, "markdown": r.explanation },
            "defaultConfiguration": { "level": level(r.severity) },
            "properties": { "provision": r.article.unwrap_or("good practice") },
        })
    });
    structural.chain(lint).collect()
}

/// Renders a SARIF 2.1.0 log with one run.
pub fn render(diagnostics: &[Diagnostic]) -> String {
    let rules = rules();
    let index = |code: &str| rules.iter().position(|r| r["id"] == code);
    let results: Vec<Value> = diagnostics
        .iter()
        .map(|d| {
            let mut text = d.message.clone();
            if let Some(help) = &d.help {
                text.push_str(&format!(" (help: {help})"));
            }
            let mut location = json!({ "physicalLocation": { "artifactLocation": { "uri": d.file } } });
            if let Some(s) = d.span {
                location["physicalLocation"]["region"] = json!({
                    "startLine": s.start.line,
                    "startColumn": s.start.column,
                    "endLine": s.end.line.max(s.start.line),
                    "endColumn": if s.end.line > s.start.line || s.end.column > s.start.column { s.end.column } else { s.start.column + 1 },
                });
            }
            if let Some(path) = &d.path {
                location["logicalLocations"] = json!([{ "fullyQualifiedName": path, "kind": "member" }]);
            }
            let mut result = json!({
                "ruleId": d.code,
                "level": level(d.severity),
                "message": { "text": text },
                "locations": [location],
            });
            if let Some(i) = index(d.code) {
                result["ruleIndex"] = json!(i);
            }
            result
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
    let mut text = serde_json::to_string_pretty(&log).unwrap_or_default();
    text.push('\n');
    text
}

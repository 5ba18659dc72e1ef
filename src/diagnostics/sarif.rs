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

/// The first section of an explanation ("What it finds"), whole and on one line.
fn first_paragraph(explanation: &str) -> String {
    explanation
        .lines()
        .skip_while(|l| l.trim().is_empty() || l.starts_with('#'))
        .take_while(|l| !l.starts_with('#'))
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Where each rule's explanation is published: the project's documentation site, the address the
/// schema's `$id` is under, followed by the code (`https://noticec.dev/rules/N401`).
pub const RULES_URI: &str = "https://noticec.dev/rules/";

/// One rule's metadata: its summary, the whole of what it finds, its explanation (what
/// `noticec explain CODE` prints), and where that explanation is published.
fn rule(code: Code) -> Value {
    let explanation = code.explanation();
    let full = first_paragraph(explanation);
    let mut rule = json!({
        "id": code,
        "name": code.name(),
        "shortDescription": { "text": code.summary() },
        "fullDescription": { "text": if full.is_empty() { code.summary().to_owned() } else { full } },
        "help": { "text": explanation, "markdown": explanation },
        "helpUri": format!("{RULES_URI}{code}"),
        "defaultConfiguration": { "level": level(code.severity()) },
    });
    if code.is_lint()
        && let Some(obj) = rule.as_object_mut()
    {
        obj.insert(
            "properties".into(),
            json!({ "provision": code.article().unwrap_or("good practice") }),
        );
    }
    rule
}

/// Where a diagnostic's file is, as SARIF wants it: a relative path becomes a URI reference with each
/// segment percent-encoded (RFC 3986), relative to `%SRCROOT%`, the root of the checkout; an absolute
/// path becomes a `file:` URI.
fn artifact_location(file: &str) -> Value {
    /// What a path segment keeps as it is: RFC 3986 unreserved characters.
    const SEGMENT: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
        .remove(b'-')
        .remove(b'.')
        .remove(b'_')
        .remove(b'~');
    #[cfg(not(target_family = "wasm"))]
    if let Ok(url) = url::Url::from_file_path(file) {
        // Only an absolute path converts.
        return json!({ "uri": url.as_str() });
    }
    let uri = file
        .split(['/', '\\'])
        .map(|segment| percent_encoding::utf8_percent_encode(segment, SEGMENT).to_string())
        .collect::<Vec<_>>()
        .join("/");
    json!({ "uri": uri, "uriBaseId": "%SRCROOT%" })
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
            physical.insert("artifactLocation".into(), artifact_location(&d.file));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_encoded_uris_relative_to_the_checkout() {
        assert_eq!(
            artifact_location("notices.yaml"),
            json!({ "uri": "notices.yaml", "uriBaseId": "%SRCROOT%" })
        );
        assert_eq!(
            artifact_location("my notices/50% done#1.yaml"),
            json!({ "uri": "my%20notices/50%25%20done%231.yaml", "uriBaseId": "%SRCROOT%" })
        );
        assert_eq!(
            artifact_location("/srv/a b.yaml"),
            json!({ "uri": "file:///srv/a%20b.yaml" })
        );
    }

    #[test]
    fn every_rule_has_its_whole_first_paragraph() {
        for &code in Code::ALL {
            let text = rule(code)["fullDescription"]["text"]
                .as_str()
                .unwrap_or_default()
                .to_owned();
            assert!(
                text.ends_with('.') || text.ends_with(')') || text.ends_with('`'),
                "{code}: {text}"
            );
            assert!(!text.contains('\n'), "{code}");
        }
    }
}

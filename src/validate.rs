//! Stage 2, validate: check the parsed tree against the JSON Schema, decode the typed model, then check
//! what a schema cannot: unique ids, references that resolve, real dates, durations, email addresses,
//! phone numbers and links.
//!
//! Schema errors come first and all at once, each turned into a located diagnostic with a likely fix.
//! The typed model is only decoded from a tree that passed the schema.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::OnceLock;

use jsonschema::Validator;
use jsonschema::error::ValidationErrorKind;
use serde::Deserialize;
use serde_json::Value;

use crate::diagnostics::{Code, Diagnostic, Report, Severity};
use crate::graph;
use crate::load::{Document, escape};
use crate::model::{self, NoticeFile};
use crate::suggest::{did_you_mean, list, lowercase_first, short};

/// Validates a parsed document; returns the typed model when it has no errors.
pub fn check(doc: &Document, report: &mut Report) -> Option<NoticeFile> {
    let tree = Tree::Borrowed(&doc.value);
    check_tree(doc, tree, report)
}

/// [`check`], decoding the typed model from the document's tree itself: each string is moved into
/// the model rather than copied, and each part of the tree is freed as soon as it is decoded, so the
/// file is not held twice over (a third of the memory of a check of ten thousand notices). The
/// document keeps its text and the places of its nodes (for diagnostics), and its tree is left null:
/// for a caller that needs the typed notices, not the tree.
pub fn check_taking_tree(doc: &mut Document, report: &mut Report) -> Option<NoticeFile> {
    let tree = Tree::Owned(std::mem::take(&mut doc.value));
    check_tree(doc, tree, report)
}

/// The tree a check decodes from: the document's own, or taken from it.
enum Tree<'a> {
    Borrowed(&'a Value),
    Owned(Value),
}

impl Tree<'_> {
    fn get(&self) -> &Value {
        match self {
            Tree::Borrowed(value) => value,
            Tree::Owned(value) => value,
        }
    }
}

/// [`check`] of `tree`, the tree of `doc` (whose places and file name the diagnostics take).
fn check_tree(doc: &Document, tree: Tree<'_>, report: &mut Report) -> Option<NoticeFile> {
    let before = report.count(Severity::Error);
    schema_errors(doc, tree.get(), report);
    if report.count(Severity::Error) > before {
        return None;
    }
    let ids = notice_ids(tree.get());
    let mut checker = Semantic {
        doc,
        notice_ids: &ids,
        report,
        errors: 0,
        suggest_budget: SUGGEST_BUDGET,
        stand_ins: Vec::new(),
    };
    checker.file_values(tree.get(), crate::schema::schema());
    // Decode straight from the tree; only when some values were refused, from a tree with valid
    // values in their place, so that ids and references are still checked.
    let stand_in = |tree: &mut Value, stand_ins: &[(String, &'static str)]| {
        for (pointer, example) in stand_ins {
            if let Some(v) = tree.pointer_mut(pointer) {
                *v = Value::String((*example).to_owned());
            }
        }
    };
    let decoded = match tree {
        Tree::Borrowed(value) if checker.stand_ins.is_empty() => NoticeFile::deserialize(value),
        Tree::Borrowed(value) => {
            let mut tree = value.clone();
            stand_in(&mut tree, &checker.stand_ins);
            NoticeFile::deserialize(tree)
        }
        Tree::Owned(mut tree) => {
            stand_in(&mut tree, &checker.stand_ins);
            decode_taking(tree)
        }
    };
    let file = match decoded {
        Ok(file) => file,
        Err(e) => {
            checker.report.push(
                Diagnostic::error(
                    Code::E012,
                    &doc.file,
                    format!("the notices do not fit the model: {e}"),
                )
                .at(doc.span(""), ""),
            );
            return None;
        }
    };
    checker.ids_and_references(&file);
    (checker.errors == 0).then_some(file)
}

/// The typed model decoded from `tree`, taken: the notices on every core, each freeing its part of
/// the tree as it is decoded, then the rest of the file. The first notice in the list's order that
/// does not decode gives the error.
fn decode_taking(mut tree: Value) -> Result<NoticeFile, serde_json::Error> {
    use rayon::prelude::*;
    let Some(Value::Array(items)) = tree
        .get_mut("notices")
        .filter(|n| n.is_array())
        .map(Value::take)
    else {
        return NoticeFile::deserialize(tree);
    };
    let notices: Vec<Result<model::Notice, _>> = items
        .into_par_iter()
        .map(model::Notice::deserialize)
        .collect();
    let notices = notices.into_iter().collect::<Result<Vec<_>, _>>()?;
    if let Some(slot) = tree.get_mut("notices") {
        *slot = Value::Array(Vec::new());
    }
    let mut file = NoticeFile::deserialize(tree)?;
    file.notices = notices;
    Ok(file)
}

/// Puts `item`, the notice at place `at` parsed alone ([`crate::load::Document::replace_notice`]),
/// into `file`, a file that passed validation and differs from the document's file in that notice
/// only, when the file then passes validation: true when it does. Validation finds only errors, so a
/// file that passes has nothing from it to report. When it does not pass, `file` is as it was and
/// the caller checks the whole file ([`check`]) for the located errors.
pub fn replace_notice(doc: &Document, file: &mut NoticeFile, at: usize, item: Value) -> bool {
    let root = crate::schema::schema();
    let Some(schema) = root.pointer(NOTICE_SCHEMA) else {
        return false;
    };
    let validator = notice_validator();
    if at >= file.notices.len() || !validator.is_valid(&item) {
        return false;
    }
    let mut report = Report::default();
    let mut checker = Semantic {
        doc,
        notice_ids: &[],
        report: &mut report,
        errors: 0,
        suggest_budget: SUGGEST_BUDGET,
        stand_ins: Vec::new(),
    };
    checker.values(&item, &mut format!("/notices/{at}"), schema, root);
    if checker.errors > 0 {
        return false;
    }
    let Ok(notice) = model::Notice::deserialize(item) else {
        return false;
    };
    let Some(slot) = file.notices.get_mut(at) else {
        return false;
    };
    let old = std::mem::replace(slot, notice);
    if file.notices.get(at).map(|n| &n.id) == Some(&old.id) {
        // The rest of the file passed, and every reference to this notice names the same id: what
        // can have changed is this notice's own ids and references, and whether its id is unique.
        checker.ids_and_references_of(file, at);
    } else {
        checker.ids_and_references(file);
    }
    if checker.errors == 0 {
        return true;
    }
    if let Some(slot) = file.notices.get_mut(at) {
        *slot = old;
    }
    false
}

/// The id of each notice, by its place in the list, for naming the notice of a diagnostic once the
/// tree may be gone.
fn notice_ids(tree: &Value) -> Vec<Option<String>> {
    tree.get("notices")
        .and_then(Value::as_array)
        .map(|notices| {
            notices
                .iter()
                .map(|n| n.get("id").and_then(Value::as_str).map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

fn validator() -> &'static Validator {
    static VALIDATOR: OnceLock<Validator> = OnceLock::new();
    VALIDATOR.get_or_init(|| compile(crate::schema::schema()))
}

/// Where the schema of one notice is in the file's schema.
const NOTICE_SCHEMA: &str = "/properties/notices/items";

/// The validator of one notice: its schema, with the file schema's definitions.
fn notice_validator() -> &'static Validator {
    static VALIDATOR: OnceLock<Validator> = OnceLock::new();
    VALIDATOR.get_or_init(|| {
        let root = crate::schema::schema();
        let mut alone = root.pointer(NOTICE_SCHEMA).cloned().unwrap_or_default();
        if let (Some(alone), Some(root)) = (alone.as_object_mut(), root.as_object()) {
            for key in ["$schema", "$defs"] {
                if let Some(v) = root.get(key) {
                    alone.insert(key.to_owned(), v.clone());
                }
            }
        }
        compile(&alone)
    })
}

/// A generated schema compiled. It is generated from our own types: failing to compile it is a
/// bug caught by tests.
fn compile(schema: &Value) -> Validator {
    jsonschema::validator_for(schema)
        .unwrap_or_else(|e| panic!("generated schema does not compile: {e}"))
}

/// The id of the notice a pointer lies in, if any, from the ids of the notices by their place.
fn notice_of(ids: &[Option<String>], pointer: &str) -> Option<String> {
    let rest = pointer.strip_prefix("/notices/")?;
    let index: usize = rest.split('/').next()?.parse().ok()?;
    ids.get(index).cloned().flatten()
}

/// The schema node that governs the instance at `pointer`, following `$ref`s.
fn schema_at<'s>(root: &'s Value, pointer: &str) -> Option<&'s Value> {
    let mut node = resolve(root, root);
    for segment in pointer.split('/').skip(1) {
        let seg = segment.replace("~1", "/").replace("~0", "~");
        node = if let Some(items) = node.get("items") {
            resolve(root, items)
        } else {
            resolve(root, node.get("properties")?.get(&seg)?)
        };
    }
    Some(node)
}

fn resolve<'s>(root: &'s Value, node: &'s Value) -> &'s Value {
    let mut node = node;
    for _ in 0..8 {
        match node
            .get("$ref")
            .and_then(Value::as_str)
            .and_then(|r| r.strip_prefix('#'))
        {
            // Every reference in the schema is to a definition: found by name, without parsing the
            // pointer (which this walk would otherwise do for every node of the file).
            Some(path) => match path
                .strip_prefix("/$defs/")
                .filter(|name| !name.contains(['/', '~']))
                .and_then(|name| root.get("$defs")?.get(name))
                .or_else(|| root.pointer(path))
            {
                Some(target) => node = target,
                None => break,
            },
            None => break,
        }
    }
    node
}

fn ref_name(node: &Value) -> Option<&str> {
    node.get("$ref")
        .and_then(Value::as_str)
        .and_then(|r| r.rsplit('/').next())
}

/// Appends `key` to a JSON pointer, escaped (RFC 6901).
fn push_escaped(pointer: &mut String, key: &str) {
    if key.contains(['~', '/']) {
        pointer.push_str(&escape(key));
    } else {
        pointer.push_str(key);
    }
}

/// What a JSON value is, in words.
fn describe(value: &Value) -> String {
    match value {
        Value::Null => "nothing (an empty value)".into(),
        Value::Bool(b) => format!("the boolean `{b}`"),
        Value::Number(n) => format!("the number `{n}`"),
        Value::String(s) => format!("the text `{}`", short(s)),
        Value::Array(_) => "a list".into(),
        Value::Object(_) => "a mapping".into(),
    }
}

fn expected_type(schema: &Value) -> String {
    let ty = schema.get("type").map(|t| match t {
        Value::String(s) => s.clone(),
        Value::Array(a) => a
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join(" or "),
        _ => String::new(),
    });
    match ty.as_deref() {
        Some("object") => "a mapping".into(),
        Some("array") => "a list".into(),
        Some("string") => "text".into(),
        Some("boolean") => "`true` or `false`".into(),
        Some("integer") => "a whole number".into(),
        Some(other) => other.to_owned(),
        None if schema.get("enum").is_some() => "one of the listed values".into(),
        None => "a different kind of value".into(),
    }
}

/// What a pattern-checked value is, for messages: (code, noun, help).
fn pattern_meaning(pattern: &str) -> (Code, &'static str, &'static str) {
    model::value_kinds()
        .iter()
        .find(|k| k.pattern == pattern)
        .map_or(
            (Code::E014, "value", "check the value against the schema"),
            |k| (k.code, k.noun, k.help),
        )
}

/// A best guess at the intended value for a pattern error, when one is obvious.
fn pattern_fix(pattern: &str, value: &str) -> Option<String> {
    let fixed = match pattern {
        model::ID_PATTERN => {
            let mut id: String = value
                .to_lowercase()
                .chars()
                .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
                .collect();
            while id.contains("--") {
                id = id.replace("--", "-");
            }
            id.trim_matches('-').to_owned()
        }
        model::POSTCODE_PATTERN => {
            let compact: String = value
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
                .to_uppercase();
            // The inward code is the last three characters, whatever they are.
            let (at, _) = compact.char_indices().rev().nth(2)?;
            let (outward, inward) = compact.split_at_checked(at)?;
            if outward.chars().count() < 2 {
                return None;
            }
            format!("{outward} {inward}")
        }
        model::DURATION_PATTERN => {
            duration_from_words(value).unwrap_or_else(|| value.to_uppercase().replace(' ', ""))
        }
        _ => return None,
    };
    let ok = regex::Regex::new(pattern).is_ok_and(|re| re.is_match(&fixed));
    (ok && fixed != value).then_some(fixed)
}

/// `90 days` → `P90D`, `3 months` → `P3M`, `12 years` → `P12Y`.
fn duration_from_words(value: &str) -> Option<String> {
    let mut parts = value.split_whitespace();
    let n: u32 = parts.next()?.parse().ok()?;
    let unit = match parts.next()?.trim_end_matches('s').to_lowercase().as_str() {
        "day" => 'D',
        "week" => 'W',
        "month" => 'M',
        "year" => 'Y',
        _ => return None,
    };
    parts.next().is_none().then(|| format!("P{n}{unit}"))
}

/// Every place the raw tree breaks the schema, as diagnostics: unknown and missing fields, wrong kinds
/// of value, values outside a closed list, malformed patterned values and lengths.
fn schema_errors(doc: &Document, tree: &Value, report: &mut Report) {
    let root = crate::schema::schema();
    let file = doc.file.as_str();
    // A tree that fits, the usual case, is found so by the validator's yes-or-no walk, which builds
    // no error paths: in a profile of 1,000 notices it took 58% of the time of looking for errors
    // that are not there.
    if validator().is_valid(tree) {
        return;
    }
    let mut ids = None;
    for error in validator().iter_errors(tree) {
        if report.is_full() {
            count_left_out(error.kind(), report);
            continue;
        }
        let pointer = error.instance_path().as_str().to_owned();
        let notice = notice_of(ids.get_or_insert_with(|| notice_ids(tree)), &pointer);
        let instance = error.instance();
        let here = schema_at(root, &pointer);
        let diagnostic = match error.kind() {
            ValidationErrorKind::AdditionalProperties { unexpected } => {
                let known: Vec<&str> = here
                    .and_then(|s| s.get("properties"))
                    .and_then(Value::as_object)
                    .map(|p| p.keys().map(String::as_str).collect())
                    .unwrap_or_default();
                for key in unexpected {
                    if report.is_full() {
                        report.left_out_one(Code::E010, Severity::Error);
                    } else {
                        report.push(unknown_field(doc, &known, &pointer, key, notice.clone()));
                    }
                }
                continue;
            }
            ValidationErrorKind::Required { property } => {
                missing_field(doc, root, here, &pointer, property, notice.as_deref())
            }
            ValidationErrorKind::MinItems { .. } => Diagnostic::error(
                Code::E003,
                file,
                format!("`{}` is empty", last_segment(&pointer)),
            )
            .at(doc.span(&pointer), "no items")
            .help("add at least one notice; see `noticec schema` for the fields"),
            ValidationErrorKind::Type { .. } => wrong_type(doc, here, &pointer, instance),
            ValidationErrorKind::Enum { options } => {
                let allowed: Vec<&str> = options
                    .as_array()
                    .map(|a| a.iter().filter_map(Value::as_str).collect())
                    .unwrap_or_default();
                let given = instance.as_str().unwrap_or_default();
                let d = Diagnostic::error(
                    Code::E013,
                    file,
                    format!(
                        "{} is not a valid `{}`",
                        describe(instance),
                        last_segment(&pointer)
                    ),
                )
                .at(doc.span(&pointer), "not one of the allowed values");
                match did_you_mean(given, allowed.iter().copied()) {
                    Some(best) => d
                        .help(format!("did you mean `{best}`?"))
                        .note(format!("allowed values: {}", list(&allowed, 40))),
                    None => d.help(format!("use one of {}", list(&allowed, 40))),
                }
            }
            ValidationErrorKind::Pattern { pattern } => {
                let (code, noun, help) = pattern_meaning(pattern);
                let given = instance.as_str().unwrap_or_default();
                let d = Diagnostic::error(
                    code,
                    file,
                    format!("`{}` is not a valid {noun}", short(given)),
                )
                .at(doc.span(&pointer), format!("not a valid {noun}"));
                match pattern_fix(pattern, given) {
                    Some(fix) => d.help(format!("did you mean `{fix}`?")).note(help),
                    None => d.help(help),
                }
            }
            ValidationErrorKind::MinLength { .. } => Diagnostic::error(
                Code::E014,
                file,
                format!("`{}` must not be empty", last_segment(&pointer)),
            )
            .at(doc.span(&pointer), "empty")
            .help("give it a value, or remove the line if the field is optional"),
            ValidationErrorKind::MaxLength { limit } => Diagnostic::error(
                Code::E014,
                file,
                format!(
                    "`{}` is longer than {limit} characters",
                    last_segment(&pointer)
                ),
            )
            .at(doc.span(&pointer), "too long")
            .help("use a shorter value"),
            _ => Diagnostic::error(Code::E012, file, error.to_string()).at(doc.span(&pointer), ""),
        };
        report.push(diagnostic.path(pointer, notice));
    }
}

/// Counts a schema error past the report's cap: only the count matters, so no message, place or
/// suggestion is worked out.
fn count_left_out(kind: &ValidationErrorKind, report: &mut Report) {
    match kind {
        ValidationErrorKind::AdditionalProperties { unexpected } => {
            for _ in unexpected {
                report.left_out_one(Code::E010, Severity::Error);
            }
        }
        kind => report.left_out_one(code_of(kind), Severity::Error),
    }
}

/// The code a schema error is reported under, without working out the rest of its diagnostic.
fn code_of(kind: &ValidationErrorKind) -> Code {
    match kind {
        ValidationErrorKind::AdditionalProperties { .. } => Code::E010,
        ValidationErrorKind::Required { .. } => Code::E011,
        ValidationErrorKind::MinItems { .. } => Code::E003,
        ValidationErrorKind::Enum { .. } => Code::E013,
        ValidationErrorKind::Pattern { pattern } => pattern_meaning(pattern).0,
        ValidationErrorKind::MinLength { .. } | ValidationErrorKind::MaxLength { .. } => Code::E014,
        _ => Code::E012,
    }
}

/// E010 for one key the schema does not allow here, with the closest field or the list of fields.
fn unknown_field(
    doc: &Document,
    known: &[&str],
    pointer: &str,
    key: &str,
    notice: Option<String>,
) -> Diagnostic {
    let file = doc.file.as_str();
    let child = format!("{pointer}/{}", escape(key));
    let shown = if key.is_empty() {
        "an empty key".to_owned()
    } else {
        format!("unknown field `{}`", short(key))
    };
    let mut d = Diagnostic::error(Code::E010, file, shown)
        .at(doc.key_span(&child), "not a field here")
        .path(child.clone(), notice);
    d = match did_you_mean(key, known.iter().copied()) {
        Some(best) => d.help(format!("did you mean `{best}`?")),
        // In `{ title: a, b }` the comma starts a new entry named `b`.
        None if key.contains(' ') => d
            .help("a comma inside `{ … }` starts a new entry: put the text containing the comma in quotes")
            .note(format!("the fields here are {}", list(known, 40))),
        None => d.help(format!("the fields here are {}", list(known, 40))),
    };
    d
}

/// E011 for a required field that is missing, with what the field is for.
fn missing_field(
    doc: &Document,
    root: &Value,
    here: Option<&Value>,
    pointer: &str,
    property: &Value,
    notice: Option<&str>,
) -> Diagnostic {
    let file = doc.file.as_str();
    let name = property.as_str().unwrap_or_default();
    let what = match (notice, pointer.matches('/').count()) {
        (_, 0) => "the file".to_owned(),
        (Some(id), 2) => format!("notice `{id}`"),
        _ => format!("`{}`", last_segment(pointer)),
    };
    let desc = here
        .and_then(|s| s.get("properties"))
        .and_then(|p| p.get(name))
        .map(|p| resolve(root, p))
        .and_then(|p| p.get("description"))
        .and_then(Value::as_str)
        .map(|d| format!(" ({})", lowercase_first(first_sentence(d))))
        .unwrap_or_default();
    Diagnostic::error(
        Code::E011,
        file,
        format!("missing field `{name}` in {what}"),
    )
    .at(doc.span(pointer), format!("this needs a `{name}`"))
    .help(format!("add `{name}:`{desc}"))
}

/// E012 for a value of the wrong kind, with how to write the expected kind.
fn wrong_type(doc: &Document, here: Option<&Value>, pointer: &str, instance: &Value) -> Diagnostic {
    let file = doc.file.as_str();
    let expected = here.map_or_else(|| "a different kind of value".into(), expected_type);
    let mut d = Diagnostic::error(
        Code::E012,
        file,
        format!("expected {expected}, found {}", describe(instance)),
    )
    .at(doc.span(pointer), format!("expected {expected}"));
    d = match (instance, expected.as_str()) {
        (Value::Null, _) => d.help("give it a value, or remove the line if the field is optional"),
        (Value::Number(_) | Value::Bool(_), "text") => {
            let written = doc
                .written(pointer)
                .map_or_else(|| instance.to_string(), short);
            d.help(format!("quote it to make it text: `\"{written}\"`"))
        }
        (Value::String(_) | Value::Object(_), "a list") => {
            d.help("write it as a list, each item on its own line starting with `- `")
        }
        (Value::Array(_), "a mapping") if pointer.is_empty() => {
            d.help("a notices file is a mapping: put the list under `notices:`")
        }
        (_, "a mapping") if pointer.is_empty() => {
            d.help("a notices file is a mapping that starts with `notices:`")
        }
        (_, "a list") if pointer == "/notices" => {
            d.help("`notices:` holds a list of notices, each starting with `- id:`")
        }
        _ => d,
    };
    d
}

fn last_segment(pointer: &str) -> String {
    let seg = pointer
        .rsplit('/')
        .find(|s| s.parse::<usize>().is_err())
        .unwrap_or("");
    seg.replace("~1", "/").replace("~0", "~")
}

fn first_sentence(text: &str) -> &str {
    let line = text.lines().next().unwrap_or(text);
    line.split(". ")
        .next()
        .unwrap_or(line)
        .trim_end_matches('.')
}

/// Why a character is refused in notice text, if it is: control characters (other than tab and line
/// feed) and the bidirectional formatting characters that can make text display in a different order
/// than it reads (the "Trojan Source" characters).
pub fn unsafe_char(c: char) -> Option<&'static str> {
    match c {
        // Raw line breaks are normalised to `\n` before parsing, so a `\r` here was written as an escape.
        '\t' | '\n' => None,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => Some("a control character"),
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => {
            Some("a bidirectional formatting character")
        }
        _ => None,
    }
}

/// Semantic checks on a tree that passed the schema.
struct Semantic<'a> {
    doc: &'a Document,
    /// The id of each notice, by its place (see [`notice_ids`]).
    notice_ids: &'a [Option<String>],
    report: &'a mut Report,
    errors: usize,
    /// How many more id comparisons "did you mean" may make; keeps files with thousands of dangling
    /// references linear.
    suggest_budget: usize,
    /// Valid values to decode in place of the refused ones: (pointer, value).
    stand_ins: Vec<(String, &'static str)>,
}

/// The id comparisons one run may spend on suggestions.
const SUGGEST_BUDGET: usize = 50_000;

impl Semantic<'_> {
    fn push(&mut self, d: Diagnostic, pointer: &str) {
        self.errors += 1;
        let notice = notice_of(self.notice_ids, pointer);
        self.report.push(d.path(pointer.to_owned(), notice));
    }

    /// [`Semantic::values`] of the whole file, the notices on every core: a notice's values are checked
    /// by themselves, and what each notice's check finds is reported in the order of a walk on one
    /// thread, so that the report, and what a full report leaves out, are the same.
    fn file_values(&mut self, tree: &Value, root: &Value) {
        let (Value::Object(map), Some(props)) = (tree, resolve(root, root).get("properties"))
        else {
            self.values(tree, &mut String::new(), root, root);
            return;
        };
        for (k, v) in map {
            let Some(schema) = props.get(k) else {
                continue;
            };
            let mut pointer = String::from("/");
            push_escaped(&mut pointer, k);
            match (k.as_str(), v, resolve(root, schema).get("items")) {
                ("notices", Value::Array(notices), Some(item)) => {
                    self.notices_values(notices, item, root);
                }
                _ => self.values(v, &mut pointer, schema, root),
            }
        }
    }

    /// [`Semantic::values`] of each notice of the list, `item` the schema of one, on every core.
    fn notices_values(&mut self, notices: &[Value], item: &Value, root: &Value) {
        use rayon::prelude::*;
        let found: Vec<_> = notices
            .par_iter()
            .enumerate()
            .map(|(i, notice)| {
                let mut report = Report::default();
                let mut one = Semantic {
                    doc: self.doc,
                    notice_ids: self.notice_ids,
                    report: &mut report,
                    errors: 0,
                    // The values make no "did you mean" suggestions; the references, checked after, do.
                    suggest_budget: 0,
                    stand_ins: Vec::new(),
                };
                one.values(notice, &mut format!("/notices/{i}"), item, root);
                let (errors, stand_ins) = (one.errors, one.stand_ins);
                (errors, stand_ins, report)
            })
            .collect();
        for (errors, stand_ins, report) in found {
            self.errors += errors;
            self.stand_ins.extend(stand_ins);
            self.report.append(report);
        }
    }

    /// Walks the tree beside its schema and checks each scalar newtype by what it is. `pointer` is the
    /// node's JSON pointer, one buffer grown and cut back as the walk goes down and up, so no node
    /// costs an allocation of its own.
    fn values(&mut self, value: &Value, pointer: &mut String, schema: &Value, root: &Value) {
        let len = pointer.len();
        match value {
            Value::Object(map) => {
                let node = resolve(root, schema);
                let Some(props) = node.get("properties") else {
                    return;
                };
                for (k, v) in map {
                    if let Some(s) = props.get(k) {
                        pointer.push('/');
                        push_escaped(pointer, k);
                        self.values(v, pointer, s, root);
                        pointer.truncate(len);
                    }
                }
            }
            Value::Array(items) => {
                let node = resolve(root, schema);
                if let Some(s) = node.get("items") {
                    for (i, v) in items.iter().enumerate() {
                        // Writing to a `String` cannot fail.
                        let _ = write!(pointer, "/{i}");
                        self.values(v, pointer, s, root);
                        pointer.truncate(len);
                    }
                }
            }
            Value::String(text) => {
                let unsafe_at = text
                    .char_indices()
                    .find_map(|(i, c)| unsafe_char(c).map(|w| (i, c, w)));
                if let Some((at, c, why)) = unsafe_at {
                    let offset = text.char_indices().take_while(|(i, _)| *i < at).count();
                    let d = Diagnostic::error(Code::E028, &self.doc.file, format!("text contains {why} (U+{:04X}) at character {}", c as u32, offset + 1))
                        .at(self.doc.span(pointer), format!("U+{:04X} here", c as u32))
                        .help("remove it; to write right-to-left text, just type it, without direction overrides");
                    self.push(d, pointer);
                }
                if let Some(kind) = ref_name(schema) {
                    self.value(kind, text, pointer, unsafe_at.is_some());
                }
            }
            _ => {}
        }
    }

    /// Parses a string whose schema is a value type with that type's own parser, and reports the
    /// reason it is refused; a refused value gets a valid stand-in for decoding.
    fn value(&mut self, kind: &str, text: &str, pointer: &str, reported: bool) {
        let Some(kind) = model::value_kind(kind) else {
            return;
        };
        let Err(e) = (kind.check)(text) else {
            return;
        };
        self.stand_ins.push((pointer.to_owned(), kind.example));
        if reported {
            return;
        }
        let mut d = Diagnostic::error(e.code, &self.doc.file, e.message)
            .at(self.doc.span(pointer), e.label)
            .help(e.help);
        if let Some(note) = e.note {
            d = d.note(note);
        }
        self.push(d, pointer);
    }

    /// Reports repeated ids in every list of ids, and every reference that does not resolve, from the
    /// graph's one walk over the model.
    fn ids_and_references(&mut self, file: &NoticeFile) {
        self.ids_and(file, &graph::declarations(file), graph::references(file));
    }

    /// [`Semantic::ids_and_references`] of the notice at place `at` alone: its lists of ids, the ids
    /// of the notices (which its own must not repeat), and its references.
    fn ids_and_references_of(&mut self, file: &NoticeFile, at: usize) {
        self.ids_and(
            file,
            &graph::declarations_of(file, at),
            graph::references_of(file, at),
        );
    }

    /// Reports repeated ids in `declarations`, and each of `references` that does not resolve
    /// against them.
    fn ids_and(
        &mut self,
        file: &NoticeFile,
        declarations: &[graph::Declaration<'_>],
        references: Vec<graph::Reference<'_>>,
    ) {
        for d in declarations {
            self.unique(&d.list, d.ids.iter().copied(), d.kind.noun());
        }
        let known = graph::Known::new(declarations);
        for r in references {
            match known.resolve(file, &r) {
                Ok(()) => {}
                Err(graph::Unresolved::SelfReference) => {
                    let d = Diagnostic::error(
                        Code::E021,
                        &self.doc.file,
                        format!("notice `{}` refers to itself", r.id),
                    )
                    .at(self.doc.span(&r.pointer), "this notice")
                    .help("name a different notice, or remove the entry");
                    self.push(d, &r.pointer);
                }
                Err(graph::Unresolved::Missing) => {
                    let names = known
                        .visible(r.kind, r.from)
                        .map(|k| k.order.as_slice())
                        .unwrap_or_default();
                    self.reference(&r.pointer, r.id, names, r.kind.noun());
                }
            }
        }
    }

    /// Reports ids repeated in the list at `list`.
    fn unique<'i>(&mut self, list: &str, ids: impl Iterator<Item = &'i str>, what: &str) {
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for (i, id) in ids.enumerate() {
            if let Some(first) = seen.get(id) {
                let p = format!("{list}/{i}/id");
                let d = Diagnostic::error(
                    Code::E020,
                    &self.doc.file,
                    format!("duplicate {what} id `{id}`"),
                )
                .at(self.doc.span(&p), "used again here")
                .also(
                    self.doc.span(&format!("{list}/{first}/id")),
                    "first used here",
                )
                .help(format!(
                    "each {what} needs its own id; rename one, or remove the duplicate {what}"
                ));
                self.push(d, &p);
            } else {
                seen.insert(id, i);
            }
        }
    }

    /// Reports a reference to an id that does not exist, suggesting the closest that does.
    fn reference(&mut self, pointer: &str, id: &str, names: &[&str], what: &str) {
        let mut d = Diagnostic::error(
            Code::E021,
            &self.doc.file,
            format!("no {what} has the id `{id}`"),
        )
        .at(self.doc.span(pointer), format!("unknown {what}"));
        let suggestion = if self.suggest_budget >= names.len() {
            self.suggest_budget -= names.len();
            did_you_mean(id, names.iter().copied())
        } else {
            None
        };
        d = match suggestion {
            Some(best) => d
                .help(format!("did you mean `{best}`?"))
                .note(format!("{what} ids: {}", list(names, 20))),
            None if names.is_empty() => {
                d.help(format!("declare the {what} first; there are none yet"))
            }
            None => d.help(format!("the {what} ids are {}", list(names, 20))),
        };
        self.push(d, pointer);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_notices_decoded_on_every_core_are_the_file_decoded_whole() {
        let source = crate::load::SourceFile {
            name: "notices.yaml".to_owned(),
            bytes: include_bytes!("../notices.yaml").to_vec(),
        };
        let tree = crate::load::parse(&source, &crate::load::Limits::DEFAULT)
            .unwrap()
            .value;
        let whole = NoticeFile::deserialize(&tree).unwrap();
        assert_eq!(decode_taking(tree.clone()).unwrap(), whole);
        // Two notices that do not decode: the first in the list gives the error.
        let mut broken = tree;
        broken["notices"][3]["zzz_unknown"] = Value::Bool(true);
        broken["notices"][1]["title"] = Value::from(42);
        let first = model::Notice::deserialize(&broken["notices"][1]).unwrap_err();
        let found = decode_taking(broken).unwrap_err();
        assert_eq!(found.to_string(), first.to_string());
        assert!(found.to_string().contains("42"), "{found}");
    }

    #[test]
    fn a_postcode_fix_splits_by_characters() {
        assert_eq!(
            pattern_fix(model::POSTCODE_PATTERN, "ex52fz"),
            Some("EX5 2FZ".into())
        );
        // A non-ASCII character three from the end used to split a character in two.
        assert_eq!(pattern_fix(model::POSTCODE_PATTERN, "EX5 2éFZ"), None);
        assert_eq!(
            pattern_fix(model::POSTCODE_PATTERN, "EX5 2F\u{200b}Z"),
            None
        );
        assert_eq!(pattern_fix(model::POSTCODE_PATTERN, "éé"), None);
    }

    #[test]
    #[allow(clippy::expect_used)]
    fn the_notices_checked_on_every_core_are_reported_as_a_walk_in_order_would() {
        // One refused date in each of more notices than a report keeps: the kept ones must be those
        // of the first notices, whichever notice's check ends first.
        let count = crate::diagnostics::MAX_DIAGNOSTICS + 7;
        let mut yaml = String::from("notices:\n");
        for i in 0..count {
            let _ = writeln!(
                yaml,
                "  - {{ id: n{i}, title: Notice {i}, version: \"1\", kind: main, last_updated: 2026-02-30 }}"
            );
        }
        let source = crate::load::SourceFile {
            name: "many.yaml".into(),
            bytes: yaml.into_bytes(),
        };
        let limits = crate::load::Limits {
            max_notices: count,
            ..crate::load::Limits::default()
        };
        let doc = crate::load::parse(&source, &limits).expect("the file parses");
        let mut report = Report::default();
        assert!(check(&doc, &mut report).is_none());
        let paths: Vec<&str> = report
            .diagnostics
            .iter()
            .map(|d| d.path.as_deref().unwrap_or_default())
            .collect();
        let expected: Vec<String> = (0..crate::diagnostics::MAX_DIAGNOSTICS)
            .map(|i| format!("/notices/{i}/last_updated"))
            .collect();
        assert_eq!(paths, expected);
        assert_eq!(report.count(Severity::Error), count);
    }
}

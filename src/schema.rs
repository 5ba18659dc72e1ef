//! The JSON Schema of a notices file, generated from the model types (draft 2020-12).
//!
//! `schema/notice.schema.json` is this output, checked by `tests/schema.rs`. Validation in `validate`
//! uses the same schema, so editors, our checks and any other validator agree.
//!
//! Beyond what validation needs, the schema carries what editors using yaml-language-server show: each
//! property a `title` (the hover heading), a `markdownDescription` where the description has Markdown,
//! each closed-list value its own meaning (`enumDescriptions`, `markdownEnumDescriptions`, from the value's
//! label in the catalogue), each pattern a `patternErrorMessage` in words, and no `default: []`, which
//! editors would complete as `purposes: []`. Validators ignore these keywords.

use std::sync::OnceLock;

use schemars::Schema;
use schemars::generate::SchemaSettings;
use schemars::transform::RecursiveTransform;
use serde_json::{Map, Value};

use crate::model::{ClosedList, NoticeFile, value_kind};
use crate::render::catalogue::Catalogue;

/// The committed schema, `schema/notice.schema.json`, built into noticec: `tests/schema.rs` checks that
/// it is exactly what [`generated_text`] makes from the model types.
const COMMITTED: &str = include_str!("../schema/notice.schema.json");

/// The schema as a JSON value, parsed once per process from the committed schema, which is the one
/// generated from the model types: a quarter of the time the check of a one-notice file takes went
/// to generating it (and reading the catalogue for its descriptions) on every run.
pub fn schema() -> &'static Value {
    static SCHEMA: std::sync::OnceLock<Value> = std::sync::OnceLock::new();
    SCHEMA.get_or_init(|| serde_json::from_str(COMMITTED).unwrap_or_else(|_| generate()))
}

/// The schema generated from the model types now, as pretty-printed text: what
/// `schema/notice.schema.json` must hold (`NOTICEC_UPDATE_SCHEMA=1 cargo test --test schema` writes
/// it).
pub fn generated_text() -> String {
    let mut text = serde_json::to_string_pretty(&generate()).unwrap_or_default();
    text.push('\n');
    text
}

/// Generates the schema from the model types.
fn generate() -> Value {
    let mut settings = SchemaSettings::draft2020_12();
    settings
        .transforms
        .push(Box::new(RecursiveTransform(not_nullable)));
    settings
        .transforms
        .push(Box::new(RecursiveTransform(for_editors)));
    let generator = settings.into_generator();
    let mut schema = generator.into_root_schema_for::<NoticeFile>();
    schema.insert(
        "$id".into(),
        "https://noticec.dev/schema/notice.schema.json".into(),
    );
    if let Some(Value::Object(defs)) = schema.get_mut("$defs") {
        for (name, def) in defs.iter_mut() {
            name_definition(name, def);
        }
    }
    schema.to_value()
}

/// The schema as the pretty-printed text written to `schema/notice.schema.json`.
pub fn schema_text() -> String {
    let mut text = serde_json::to_string_pretty(schema()).unwrap_or_default();
    text.push('\n');
    text
}

/// Optional fields are written by leaving them out, never as `null`: drop the `null` alternative
/// schemars adds to every `Option`, so a blank value (`title:`) is reported where it is.
fn not_nullable(schema: &mut Schema) {
    let Some(obj) = schema.as_object_mut() else {
        return;
    };
    if let Some(Value::Array(types)) = obj.get_mut("type") {
        types.retain(|t| t != "null");
        if types.len() == 1 {
            let only = types.remove(0);
            obj.insert("type".into(), only);
        }
    }
    let single = match obj.get_mut("anyOf") {
        Some(Value::Array(options)) => {
            options.retain(|o| o.get("type").is_none_or(|t| t != "null"));
            (options.len() == 1).then(|| options.remove(0))
        }
        _ => None,
    };
    if let Some(Value::Object(inner)) = single {
        obj.remove("anyOf");
        for (k, v) in inner {
            obj.entry(k).or_insert(v);
        }
    }
}

/// The editor keywords of one schema: a title for each property, a Markdown description where the
/// description has Markdown, and no empty-list default.
fn for_editors(schema: &mut Schema) {
    let Some(obj) = schema.as_object_mut() else {
        return;
    };
    if obj
        .get("default")
        .and_then(Value::as_array)
        .is_some_and(Vec::is_empty)
    {
        obj.remove("default");
    }
    add_markdown(obj);
    if let Some(Value::Object(properties)) = obj.get_mut("properties") {
        for (key, property) in properties.iter_mut() {
            if let Value::Object(property) = property {
                property
                    .entry("title")
                    .or_insert_with(|| field_title(key).into());
            }
        }
    }
}

/// Adds `markdownDescription` beside a description that has Markdown (code in backticks, or a doc
/// comment's line breaks), so editors render it: a plain description has its backticks shown escaped and
/// each line break made a new paragraph.
fn add_markdown(obj: &mut Map<String, Value>) {
    let markdown = obj
        .get("description")
        .and_then(Value::as_str)
        .filter(|d| d.contains(['`', '\n']))
        .map(str::to_owned);
    if let Some(markdown) = markdown {
        obj.entry("markdownDescription").or_insert(markdown.into());
    }
}

/// A field's title from its YAML key: `lawful_bases` → `Lawful bases`, `ico_registration` →
/// `ICO registration`, `art9_conditions` → `Art. 9 conditions`.
pub fn field_title(key: &str) -> String {
    let words: Vec<String> = key
        .split('_')
        .enumerate()
        .map(|(i, word)| match word {
            "ico" | "dpo" | "url" => word.to_uppercase(),
            "art9" => "Art. 9".to_owned(),
            "schedule1" => "Schedule 1".to_owned(),
            _ if i == 0 => capitalise(word),
            _ => word.to_owned(),
        })
        .collect();
    words.join(" ")
}

/// A type's title from its name: `LawfulBasis` → `Lawful basis`.
fn type_title(name: &str) -> String {
    let mut title = String::new();
    for c in name.chars() {
        if c.is_ascii_uppercase() && !title.is_empty() {
            title.push(' ');
            title.push(c.to_ascii_lowercase());
        } else {
            title.push(c);
        }
    }
    title
}

/// The word with its first letter in capitals.
fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Gives a definition of `$defs` a title from its type name and, for a value type, a message in words
/// for a text that does not fit its pattern (`patternErrorMessage`, which yaml-language-server shows
/// instead of the regular expression).
fn name_definition(name: &str, def: &mut Value) {
    let Value::Object(obj) = def else {
        return;
    };
    obj.entry("title")
        .or_insert_with(|| type_title(name).into());
    if let Some(kind) = value_kind(name).filter(|_| obj.contains_key("pattern")) {
        obj.insert(
            "patternErrorMessage".into(),
            format!("Not a valid {}: {}.", kind.noun, kind.help).into(),
        );
    }
}

/// The built-in catalogue the value descriptions come from, parsed once.
fn catalogue() -> Option<&'static Catalogue> {
    static CATALOGUE: OnceLock<Option<Catalogue>> = OnceLock::new();
    CATALOGUE.get_or_init(|| Catalogue::en_gb().ok()).as_ref()
}

/// The schema transform of every closed list: gives each value of its `enum` its own description, its
/// label for readers with the article that defines it and its DPV term, as `enumDescriptions` (plain)
/// and `markdownEnumDescriptions`, which editors show on completion items and on hover.
pub fn describe_values<T: ClosedList>(schema: &mut Schema) {
    let Some(values) = schema.get("enum").and_then(Value::as_array) else {
        return;
    };
    let (plain, markdown): (Vec<Value>, Vec<Value>) = values
        .iter()
        .map(|v| {
            let key = v.as_str().unwrap_or_default();
            let value = T::ALL.iter().copied().find(|value| value.key() == key);
            let (plain, markdown) =
                value.map_or_else(|| (key.to_owned(), format!("`{key}`")), value_description);
            (Value::from(plain), Value::from(markdown))
        })
        .unzip();
    schema.insert("enumDescriptions".into(), plain.into());
    schema.insert("markdownEnumDescriptions".into(), markdown.into());
}

/// A closed-list value's description, plain and in Markdown: its label, the article that defines it
/// where the catalogue gives one, and its DPV term (for `consent`, "Your consent (UK GDPR Art. 6(1)(a)).
/// DPV term: `eu-gdpr:A6-1-a`.").
fn value_description<T: ClosedList>(value: T) -> (String, String) {
    let label = catalogue()
        .and_then(|c| c.format(&value.label_id(), None).ok())
        .unwrap_or_else(|| value.key().replace('_', " "));
    let article = catalogue()
        .and_then(|c| c.article(value))
        .map(|a| format!(" ({a})"))
        .unwrap_or_default();
    let (plain_term, markdown_term) = value.term().map_or_else(
        || (String::new(), String::new()),
        |t| (format!(" DPV term: {t}."), format!("\n\nDPV term: `{t}`")),
    );
    (
        format!("{label}{article}.{plain_term}"),
        format!("**{label}**{article}{markdown_term}"),
    )
}

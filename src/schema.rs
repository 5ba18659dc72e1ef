//! The JSON Schema of a notices file, generated from the model types (draft 2020-12).
//!
//! `schema/notice.schema.json` is this output, checked by `tests/schema.rs`. Validation in `validate`
//! uses the same schema, so editors, our checks and any other validator agree.

use schemars::Schema;
use schemars::generate::SchemaSettings;
use schemars::transform::RecursiveTransform;
use serde_json::Value;

use crate::model::NoticeFile;

/// The schema as a JSON value, generated once per process.
pub fn schema() -> &'static Value {
    static SCHEMA: std::sync::OnceLock<Value> = std::sync::OnceLock::new();
    SCHEMA.get_or_init(generate)
}

/// Generates the schema from the model types.
fn generate() -> Value {
    let mut settings = SchemaSettings::draft2020_12();
    settings
        .transforms
        .push(Box::new(RecursiveTransform(not_nullable)));
    let generator = settings.into_generator();
    let mut schema = generator.into_root_schema_for::<NoticeFile>();
    schema.insert(
        "$id".into(),
        "https://noticec.dev/schema/notice.schema.json".into(),
    );
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

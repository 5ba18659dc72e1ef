//! The structural diagnostic codes (`E0xx`): problems with the file itself, reported by `load` and
//! `validate`. Lint rules (`Nxxx`) live in `crate::lint::registry`. Codes are never reused.

/// A structural code: (code, name, summary).
pub const STRUCTURE: &[(&str, &str, &str)] = &[
    (
        "E001",
        "invalid-yaml",
        "the file is not valid YAML (including tab indentation)",
    ),
    (
        "E002",
        "not-utf8-text",
        "the file is not UTF-8 text, or contains a NUL character",
    ),
    ("E003", "no-notices", "the file holds no notices"),
    (
        "E004",
        "unsupported-yaml",
        "the file uses YAML features notices do not: tags, anchors, aliases, several documents, non-scalar keys",
    ),
    ("E005", "duplicate-key", "a mapping has the same key twice"),
    ("E006", "too-deep", "nesting is deeper than the limit"),
    (
        "E007",
        "over-limit",
        "a text value, or the number of notices, is over its limit",
    ),
    ("E010", "unknown-field", "a field that does not exist here"),
    ("E011", "missing-field", "a required field is missing"),
    (
        "E012",
        "wrong-type",
        "a value of the wrong kind (text, list, mapping, number)",
    ),
    (
        "E013",
        "invalid-value",
        "a value that is not in the closed list for its field",
    ),
    (
        "E014",
        "malformed-value",
        "an id, code or other patterned value is malformed",
    ),
    ("E020", "duplicate-id", "two items in one list share an id"),
    (
        "E021",
        "dangling-reference",
        "a reference to an id that does not exist",
    ),
    (
        "E022",
        "invalid-duration",
        "a period that is not a valid ISO 8601 duration",
    ),
    (
        "E023",
        "invalid-date",
        "a date that is not a real `YYYY-MM-DD` date",
    ),
    (
        "E024",
        "invalid-email",
        "an email address that is not valid",
    ),
    (
        "E025",
        "invalid-phone",
        "a telephone number that is not diallable",
    ),
    (
        "E026",
        "invalid-postcode",
        "a UK postcode that is not valid",
    ),
    (
        "E027",
        "invalid-link",
        "a link that is not a valid `https`, `http` or `mailto` address",
    ),
    (
        "E028",
        "unsafe-character",
        "text contains a control character or a bidirectional override",
    ),
];

/// The structural code with this code, if any.
pub fn structure(code: &str) -> Option<(&'static str, &'static str, &'static str)> {
    STRUCTURE
        .iter()
        .copied()
        .find(|(c, n, _)| c.eq_ignore_ascii_case(code) || *n == code)
}

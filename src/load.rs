//! Stage 1, load: read a notices file and parse its YAML into a JSON tree plus a map from each node's
//! JSON pointer to its place in the file.
//!
//! Parsing uses the event stream of `saphyr-parser` (the maintained successor of yaml-rust) rather than a
//! serde deserializer, because every later diagnostic must point at the node it is about. Only the plain
//! data subset of YAML is accepted: one document, no tags, no anchors or aliases, no duplicate keys,
//! string keys, scalars resolved by the YAML 1.2 core schema. Input size and nesting depth are bounded,
//! so hostile files (alias bombs, deep nesting, huge lines) are refused quickly.

use std::borrow::Cow;
use std::collections::HashMap;

use saphyr_parser::{Event, Parser, ScalarStyle, ScanError};
use serde_json::{Map, Number, Value};

use crate::diagnostics::{Code, Diagnostic, Span};

/// Limits on what a notices file may contain.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// The largest file accepted, in bytes.
    pub max_bytes: u64,
    /// The deepest nesting of mappings and sequences accepted.
    pub max_depth: usize,
    /// The longest text value accepted, in characters.
    pub max_string_chars: usize,
    /// The most notices a file may hold.
    pub max_notices: usize,
}

impl Limits {
    /// The defaults; the command line's flags start from these.
    pub const DEFAULT: Limits = Limits {
        max_bytes: 8 * 1024 * 1024,
        max_depth: 32,
        max_string_chars: 100_000,
        max_notices: 1_000,
    };
}

impl Default for Limits {
    fn default() -> Self {
        Limits::DEFAULT
    }
}

/// A notices file as read from disk.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path as the user gave it; used in diagnostics.
    pub name: String,
    /// The file's bytes.
    pub bytes: Vec<u8>,
}

/// Where a node sits in the file: its value and, for a mapping value, its key.
#[derive(Debug, Clone, Copy)]
pub struct NodeSpan {
    /// The value.
    pub value: Span,
    /// The key, for a value in a mapping.
    pub key: Option<Span>,
}

/// A parsed document: the data as JSON and where each node came from.
#[derive(Debug, Clone)]
pub struct Document {
    /// The file name for diagnostics.
    pub file: String,
    /// The source text.
    pub text: String,
    /// The data.
    pub value: Value,
    /// JSON pointer (`/notices/0/title`) to place.
    pub spans: HashMap<String, NodeSpan>,
}

impl Document {
    /// The place of the node at `pointer`, or of its nearest ancestor that has one.
    pub fn span(&self, pointer: &str) -> Option<Span> {
        self.node(pointer).map(|n| n.value)
    }

    /// The place of the key of the node at `pointer`, falling back to the value, then the ancestors.
    pub fn key_span(&self, pointer: &str) -> Option<Span> {
        self.node(pointer).map(|n| n.key.unwrap_or(n.value))
    }

    fn node(&self, pointer: &str) -> Option<NodeSpan> {
        let mut p = pointer;
        loop {
            if let Some(n) = self.spans.get(p) {
                return Some(*n);
            }
            p = &p[..p.rfind('/')?];
        }
    }
}

/// Decodes and parses a notices file; problems with its content come back as diagnostics.
pub fn parse(source: &SourceFile, limits: &Limits) -> Result<Document, Vec<Diagnostic>> {
    let file = source.name.as_str();
    let text = decode(file, &source.bytes)?;
    let mut builder = Builder {
        file,
        limits,
        stack: Vec::new(),
        spans: HashMap::new(),
        root: None,
        errors: Vec::new(),
    };
    let mut parser = Parser::new_from_str(&text);
    let mut documents = 0usize;
    while let Some(next) = parser.next_event() {
        let (event, span) = match next {
            Ok(ev) => ev,
            Err(err) => {
                builder.errors.push(syntax_error(file, &text, &err));
                break;
            }
        };
        let span = to_span(&span);
        match event {
            Event::DocumentStart(_) => {
                documents += 1;
                if documents > 1 {
                    let message = "the file holds more than one YAML document";
                    builder.errors.push(
                        Diagnostic::error(Code::E004, file, message)
                            .at(Some(span), "a second document starts here")
                            .help(HELP_DOCUMENTS),
                    );
                    break;
                }
            }
            Event::StreamEnd => break,
            Event::StreamStart | Event::DocumentEnd | Event::Nothing => {}
            other => {
                if builder.event(other, span).is_err() {
                    break;
                }
            }
        }
    }
    if !builder.errors.is_empty() {
        return Err(builder.errors);
    }
    match builder.root {
        Some(Value::Null) | None => {
            let d = Diagnostic::error(Code::E003, file, "the file holds no notices")
                .at(Some(Span::point(1, 1)), "")
                .help(HELP_NO_NOTICES);
            Err(vec![d])
        }
        Some(value) => Ok(Document {
            file: file.to_owned(),
            text,
            value,
            spans: builder.spans,
        }),
    }
}

/// Checks the bytes are UTF-8 text without NUL characters, dropping a byte order mark.
fn decode(file: &str, bytes: &[u8]) -> Result<String, Vec<Diagnostic>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let good = e.valid_up_to();
            let (line, column) = line_col(&bytes[..good]);
            let bad = bytes.get(good).copied().unwrap_or(0);
            return Err(vec![
                Diagnostic::error(
                    Code::E002,
                    file,
                    format!("the file is not UTF-8 text (byte 0x{bad:02X} at offset {good})"),
                )
                .at(Some(Span::point(line, column)), "invalid byte here")
                .help("save the file as UTF-8"),
            ]);
        }
    };
    if let Some(at) = text.find('\0') {
        let (line, column) = line_col(&bytes[..at]);
        let d = Diagnostic::error(Code::E002, file, "the file contains a NUL character")
            .at(Some(Span::point(line, column)), "NUL here")
            .help(HELP_NUL);
        return Err(vec![d]);
    }
    Ok(normalize_line_breaks(text))
}

/// Writes every line break as `\n`. YAML reads `\r\n` and a lone `\r` as one line break, but the
/// parser counts them as two and no lines, so without this every position in a Windows file would be
/// wrong (found by fuzzing).
pub fn normalize_line_breaks(text: &str) -> String {
    if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.to_owned()
    }
}

/// The 1-based line and character column just after `prefix`.
fn line_col(prefix: &[u8]) -> (usize, usize) {
    let text = String::from_utf8_lossy(prefix);
    let line = text.matches('\n').count() + 1;
    let column = text.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

fn to_span(span: &saphyr_parser::Span) -> Span {
    let p = |m: &saphyr_parser::Marker| crate::diagnostics::Pos {
        line: m.line().max(1),
        column: m.col() + 1,
    };
    Span {
        start: p(&span.start),
        end: p(&span.end),
    }
}

fn syntax_error(file: &str, text: &str, err: &ScanError) -> Diagnostic {
    let m = err.marker();
    let info = err.info();
    let (mut line, mut column) = (m.line().max(1), m.col() + 1);
    // At the end of input the scanner reports the line after the last one; point at the real end.
    let last = text.split('\n').count();
    if line > last {
        line = last;
        column = text.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    }
    if info.contains("recursion limit") {
        return Diagnostic::error(Code::E006, file, "nesting is too deep")
            .at(Some(Span::point(line, column)), "too deep here")
            .help("notices never need this depth; check for unbalanced brackets");
    }
    if info.contains("tab") {
        // The scanner reports the start of the token; point at the tab itself.
        if let Some((l, c)) = first_tab_from(text, line) {
            (line, column) = (l, c);
        }
        return Diagnostic::error(
            Code::E001,
            file,
            "invalid YAML: a tab is used for indentation",
        )
        .at(Some(Span::point(line, column)), "tab here")
        .help("indent with spaces; YAML does not allow tabs for indentation");
    }
    let mut d = Diagnostic::error(Code::E001, file, format!("invalid YAML: {info}"))
        .at(Some(Span::point(line, column)), "");
    d = if info.contains("quoted scalar") {
        d.help("check that every quote opened on this line or above is closed")
    } else {
        d.help("check the indentation and quoting on this line and the one before it")
    };
    d
}

/// The line and column of the first tab at or after `line` that is in a line's leading whitespace or
/// after a `:`; falls back to the first tab at all.
fn first_tab_from(text: &str, line: usize) -> Option<(usize, usize)> {
    text.split('\n')
        .enumerate()
        .skip(line.saturating_sub(1))
        .find_map(|(i, l)| l.chars().position(|c| c == '\t').map(|c| (i + 1, c + 1)))
}

/// A partly built collection on the builder's stack.
enum Frame {
    Seq {
        pointer: String,
        span: Span,
        items: Vec<Value>,
    },
    Map {
        pointer: String,
        span: Span,
        entries: Map<String, Value>,
        key: Option<(String, Span)>,
        keys: HashMap<String, Span>,
    },
}

struct Builder<'a> {
    file: &'a str,
    limits: &'a Limits,
    stack: Vec<Frame>,
    spans: HashMap<String, NodeSpan>,
    root: Option<Value>,
    errors: Vec<Diagnostic>,
}

/// The fix for a second YAML document.
const HELP_DOCUMENTS: &str =
    "keep all notices in one document under `notices:` and remove the `---` line";
/// The fix for a file with no notices.
const HELP_NO_NOTICES: &str =
    "start with `notices:` followed by a list of notices; see `noticec schema` for the fields";
/// The fix for a NUL character.
const HELP_NUL: &str =
    "a notices file is plain text; remove the NUL bytes or check it is the right file";
/// The fix for an alias.
const HELP_ALIAS: &str =
    "write the value out, or declare it once (an organisation or contact) and refer to it by id";
/// The fix for an anchor.
const HELP_ANCHOR: &str = concat!(
    "remove the `&name`; declare shared things once (an organisation or contact) ",
    "and refer to them by id"
);
/// The fix for a tag.
const HELP_TAG: &str =
    "remove the tag; values are plain text, numbers, booleans, lists and mappings";
/// The fix for nesting beyond the limit.
const HELP_DEPTH: &str =
    "notices never need this depth; check for unbalanced brackets (`--max-depth` raises the limit)";

/// Marks that the builder stopped; the reason is in `errors`.
struct Stop;

impl Builder<'_> {
    /// Takes one parser event: refuses the YAML features notices do not use, builds the tree.
    fn event(&mut self, event: Event<'_>, span: Span) -> Result<(), Stop> {
        match event {
            Event::Alias(_) => self.refuse(
                span,
                "YAML aliases are not supported",
                "alias used here",
                HELP_ALIAS,
            ),
            Event::Scalar(_, _, anchor, _)
            | Event::SequenceStart(anchor, _)
            | Event::MappingStart(anchor, _)
                if anchor > 0 =>
            {
                self.refuse(
                    span,
                    "YAML anchors are not supported",
                    "anchor here",
                    HELP_ANCHOR,
                )
            }
            Event::Scalar(_, _, _, Some(tag)) => {
                let message = format!("YAML tags are not supported: `{}`", tag_as_written(&tag));
                self.refuse(span, message, "tag here", HELP_TAG)
            }
            Event::Scalar(text, style, _, None) => self.scalar(text, style, span),
            Event::SequenceStart(_, Some(tag)) | Event::MappingStart(_, Some(tag)) => {
                let message = format!("YAML tags are not supported: `{}`", tag_as_written(&tag));
                self.refuse(span, message, "tag here", HELP_TAG)
            }
            Event::SequenceStart(..) | Event::MappingStart(..) => {
                let seq = matches!(event, Event::SequenceStart(..));
                self.start(seq, span)
            }
            Event::SequenceEnd | Event::MappingEnd => self.end(span),
            _ => Ok(()),
        }
    }

    /// Stops with an E004 for a YAML feature notices do not use.
    fn refuse(
        &mut self,
        span: Span,
        message: impl Into<String>,
        label: &str,
        help: &str,
    ) -> Result<(), Stop> {
        self.fail(
            Diagnostic::error(Code::E004, self.file, message)
                .at(Some(span), label)
                .help(help),
        )
    }

    /// A scalar: a key waiting for its value, or a value.
    fn scalar(&mut self, text: Cow<'_, str>, style: ScalarStyle, span: Span) -> Result<(), Stop> {
        if let Some(Frame::Map {
            key: key @ None,
            keys,
            ..
        }) = self.stack.last_mut()
        {
            let name = text.into_owned();
            if let Some(first) = keys.get(&name) {
                let first = *first;
                let message = format!("duplicate key `{name}`");
                return self.fail(
                    Diagnostic::error(Code::E005, self.file, message)
                        .at(Some(span), "repeated here")
                        .also(Some(first), "first defined here")
                        .help("remove one of the two, or merge them"),
                );
            }
            keys.insert(name.clone(), span);
            *key = Some((name, span));
            return Ok(());
        }
        let limit = self.limits.max_string_chars;
        if text.len() > limit && text.chars().count() > limit {
            let message = format!("text is longer than the limit of {limit} characters");
            return self.fail(
                Diagnostic::error(Code::E007, self.file, message)
                    .at(Some(span), "too long")
                    .help("shorten it, or raise the limit with `--max-string-chars`"),
            );
        }
        let value = resolve_scalar(&text, style);
        self.value(value, span)
    }

    /// The start of a list or mapping, within the depth limit.
    fn start(&mut self, seq: bool, span: Span) -> Result<(), Stop> {
        let depth = self.limits.max_depth;
        if self.stack.len() >= depth {
            let message = format!("nesting is deeper than the limit of {depth} levels");
            return self.fail(
                Diagnostic::error(Code::E006, self.file, message)
                    .at(Some(span), "too deep here")
                    .help(HELP_DEPTH),
            );
        }
        let pointer = self.child_pointer(span)?;
        let frame = if seq {
            Frame::Seq {
                pointer,
                span,
                items: Vec::new(),
            }
        } else {
            Frame::Map {
                pointer,
                span,
                entries: Map::new(),
                key: None,
                keys: HashMap::new(),
            }
        };
        self.stack.push(frame);
        Ok(())
    }

    /// The end of a list or mapping: its value goes into its parent.
    fn end(&mut self, span: Span) -> Result<(), Stop> {
        let Some(frame) = self.stack.pop() else {
            return Ok(());
        };
        let (value, start) = match frame {
            Frame::Seq { items, span, .. } => (Value::Array(items), span),
            Frame::Map { entries, span, .. } => (Value::Object(entries), span),
        };
        let whole = Span {
            start: start.start,
            end: span.end.max(start.end),
        };
        self.place(value, whole)
    }

    fn fail(&mut self, diagnostic: Diagnostic) -> Result<(), Stop> {
        self.errors.push(diagnostic);
        Err(Stop)
    }

    /// The JSON pointer the next value will have; refuses mapping keys that are not scalars.
    fn child_pointer(&mut self, span: Span) -> Result<String, Stop> {
        if let Some(Frame::Seq { pointer, items, .. }) = self.stack.last()
            && pointer == "/notices"
            && items.len() >= self.limits.max_notices
        {
            let limit = self.limits.max_notices;
            return self
                .fail(
                    Diagnostic::error(
                        Code::E007,
                        self.file,
                        format!("the file holds more than the limit of {limit} notices"),
                    )
                    .at(Some(span), "one too many")
                    .help("split the file, or raise the limit with `--max-notices`"),
                )
                .map(|()| String::new());
        }
        match self.stack.last() {
            None => Ok(String::new()),
            Some(Frame::Seq { pointer, items, .. }) => Ok(format!("{pointer}/{}", items.len())),
            Some(Frame::Map {
                pointer,
                key: Some((k, _)),
                ..
            }) => Ok(format!("{pointer}/{}", escape(k))),
            Some(Frame::Map { key: None, .. }) => self
                .fail(
                    Diagnostic::error(Code::E004, self.file, "mapping keys must be plain names")
                        .at(Some(span), "a list or mapping used as a key")
                        .help("use a field name such as `title:` as the key"),
                )
                .map(|()| String::new()),
        }
    }

    /// Records a scalar value at the current position.
    fn value(&mut self, value: Value, span: Span) -> Result<(), Stop> {
        let pointer = self.child_pointer(span)?;
        self.record(pointer, span);
        self.attach(value);
        Ok(())
    }

    /// Records a finished collection at the position its frame was opened at.
    fn place(&mut self, value: Value, span: Span) -> Result<(), Stop> {
        let pointer = self.child_pointer(span)?;
        self.record(pointer, span);
        self.attach(value);
        Ok(())
    }

    fn record(&mut self, pointer: String, span: Span) {
        let key = match self.stack.last() {
            Some(Frame::Map {
                key: Some((_, k)), ..
            }) => Some(*k),
            _ => None,
        };
        self.spans.insert(pointer, NodeSpan { value: span, key });
    }

    fn attach(&mut self, value: Value) {
        match self.stack.last_mut() {
            None => self.root = Some(value),
            Some(Frame::Seq { items, .. }) => items.push(value),
            Some(Frame::Map { entries, key, .. }) => {
                if let Some((k, _)) = key.take() {
                    entries.insert(k, value);
                }
            }
        }
    }
}

/// A tag as it was written: `!!python/object`, `!local`.
fn tag_as_written(tag: &saphyr_parser::Tag) -> String {
    match tag.handle.as_str() {
        "tag:yaml.org,2002:" => format!("!!{}", tag.suffix),
        "!" => format!("!{}", tag.suffix),
        handle => format!("{handle}{}", tag.suffix),
    }
}

/// Escapes a mapping key for a JSON pointer (RFC 6901).
pub fn escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

/// Resolves a scalar by the YAML 1.2 core schema: quoted and block scalars are strings; plain scalars
/// may be null, booleans, integers or floats.
fn resolve_scalar(text: &str, style: ScalarStyle) -> Value {
    if style != ScalarStyle::Plain {
        return Value::String(text.to_owned());
    }
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return Value::Null,
        "true" | "True" | "TRUE" => return Value::Bool(true),
        "false" | "False" | "FALSE" => return Value::Bool(false),
        _ => {}
    }
    let int = text.strip_prefix('+').unwrap_or(text);
    let digits = int.strip_prefix('-').unwrap_or(int);
    if !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && let Ok(i) = int.parse::<i64>()
    {
        return Value::Number(i.into());
    }
    if let Some(hex) = text.strip_prefix("0x")
        && let Ok(i) = i64::from_str_radix(hex, 16)
    {
        return Value::Number(i.into());
    }
    if let Some(oct) = text.strip_prefix("0o")
        && let Ok(i) = i64::from_str_radix(oct, 8)
    {
        return Value::Number(i.into());
    }
    let is_float = text.bytes().any(|b| b.is_ascii_digit())
        && text
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'+' | b'-'));
    if is_float && let Some(n) = text.parse::<f64>().ok().and_then(Number::from_f64) {
        return Value::Number(n);
    }
    Value::String(text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(text: &str) -> Result<Document, Vec<Diagnostic>> {
        parse(
            &SourceFile {
                name: "t.yaml".into(),
                bytes: text.as_bytes().to_vec(),
            },
            &Limits::default(),
        )
    }

    #[test]
    fn scalars_follow_the_core_schema() {
        let doc =
            load("a: 1\nb: 1.5\nc: true\nd: yes\ne: '1'\nf: 2023-03-07\ng: ~\nh: -3\n").unwrap();
        assert_eq!(doc.value["a"], 1);
        assert_eq!(doc.value["b"], 1.5);
        assert_eq!(doc.value["c"], true);
        assert_eq!(doc.value["d"], "yes");
        assert_eq!(doc.value["e"], "1");
        assert_eq!(doc.value["f"], "2023-03-07");
        assert_eq!(doc.value["g"], Value::Null);
        assert_eq!(doc.value["h"], -3);
    }

    #[test]
    fn spans_point_at_keys_and_values() {
        let doc = load("notices:\n  - id: one\n    title: Hello\n").unwrap();
        let n = doc.spans["/notices/0/title"];
        assert_eq!(
            n.value.start,
            crate::diagnostics::Pos {
                line: 3,
                column: 12
            }
        );
        assert_eq!(
            n.key.unwrap().start,
            crate::diagnostics::Pos { line: 3, column: 5 }
        );
        assert_eq!(doc.span("/notices/0/missing").unwrap().start.line, 2);
    }

    #[test]
    fn duplicate_keys_are_refused() {
        let errs = load("a: 1\nb: 2\na: 3\n").unwrap_err();
        assert_eq!(errs[0].code, Code::E005);
        assert_eq!(errs[0].span.unwrap().start.line, 3);
    }

    #[test]
    fn pointers_escape_slashes() {
        assert_eq!(escape("a/b~c"), "a~1b~0c");
    }
}

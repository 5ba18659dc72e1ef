//! Stage 3, render: every output of every notice, built in memory from [`Templates`] (the ones in
//! `templates/`, compiled into the binary, and any the caller overrides by name) and, for JSON-LD, from
//! typed serde values. Every word a reader sees comes from the message [`Catalogue`]. Both are data the
//! caller passes in: nothing here reads a file.
//!
//! Text from the notices is data: it is passed to templates as values, never compiled as a template, and
//! escaped for its context (HTML autoescaping on `.html.j2` templates; JSON-LD escaped for `<script>`).

pub mod catalogue;
pub mod consent_record;
mod fields;
pub mod jsonld;
#[cfg(feature = "pdf")]
pub mod pdf;
pub mod view;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::Arc;

use bytes::Bytes;
use fluent_bundle::{FluentArgs, FluentValue};
use minijinja::value::Kwargs;
use minijinja::{AutoEscape, Environment, HtmlEscape, State, UndefinedBehavior, Value, context};
use sha2::{Digest as _, Sha256};

pub use catalogue::{Catalogue, CatalogueError};

use crate::graph::Graph;
use crate::model::NoticeFile;

/// One file to write, relative to the output folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output {
    /// A relative path of plain components (`livewest-customer/index.html`).
    pub path: String,
    /// What the file holds.
    pub contents: Contents,
}

/// What an output file holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Contents {
    /// These bytes; clones share them.
    Bytes(Bytes),
    /// The bytes of the file at the same path in the output folder the build replaces, which an
    /// earlier build wrote and which still has the digest it recorded: kept where it is instead of
    /// read into memory (see [`Previous::keeping`]). Only a [`Reuse`] that says so gives these.
    Kept,
}

impl Output {
    /// An output holding `bytes`.
    pub fn new(path: impl Into<String>, bytes: impl Into<Bytes>) -> Self {
        Output {
            path: path.into(),
            contents: Contents::Bytes(bytes.into()),
        }
    }

    /// Its bytes, unless it is a file kept in the output folder ([`Contents::Kept`]).
    pub fn bytes(&self) -> Option<&Bytes> {
        match &self.contents {
            Contents::Bytes(bytes) => Some(bytes),
            Contents::Kept => None,
        }
    }
}

/// The file in the output folder that records, for each PDF, the digest of everything it was laid out
/// from and the digest of its bytes ([`output_digest`]): `KEY DIGEST PATH` a line. A later build lays out again only the
/// PDFs whose inputs changed, and takes the others from the folder (see [`Reuse`]).
pub const PRINT_INPUTS: &str = ".noticec-print-inputs";

/// The file in the output folder that records, for each notice, the digest of everything its outputs
/// are made from (its view, JSON-LD, consent record and change log, the templates, the words and the
/// noticec version), and the digest of each output's bytes ([`output_digest`]): `KEY DIGEST PATH` a
/// line. A later build takes every output of a notice whose key is the same from the folder instead
/// of rendering it.
pub const NOTICE_INPUTS: &str = ".noticec-notice-inputs";

/// Outputs an earlier build made, which a build may take instead of making them again: laying out
/// PDFs is nearly all the time a build into an empty folder takes, and rendering the pages most of
/// the rest.
pub trait Reuse: Send + Sync + std::fmt::Debug {
    /// The bytes of the PDF at `path` (`iewm/notice.pdf`), with their digest ([`output_digest`]), if it was laid
    /// out from inputs whose digest is `key`, as [`PRINT_INPUTS`] records it; `None` to lay it out.
    fn pdf(&self, path: &str, key: &str) -> Option<(Bytes, String)>;

    /// Every output of the notice `id`, if they were made from inputs whose digest is `key` and are
    /// the files at `paths` (in that order), as [`NOTICE_INPUTS`] records them; `None` (the default)
    /// to render them. An output may be [`Contents::Kept`] (see [`Previous::keeping`]).
    fn notice(&self, id: &str, key: &str, paths: &[String]) -> Option<NoticeOutputs> {
        let _ = (id, key, paths);
        None
    }
}

/// Every output of one notice, as rendered or as an earlier build made them (taken instead of
/// rendered, [`Reuse::notice`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NoticeOutputs {
    /// Every output of the notice, in the order the build made them.
    pub outputs: Vec<Output>,
    /// The digest of each output's bytes ([`output_digest`]), in the same order.
    pub digests: Vec<String>,
    /// The lines of [`PRINT_INPUTS`] for its PDFs.
    pub print_inputs: String,
}

/// The PDFs of an earlier build, as its [`PRINT_INPUTS`] records them, with their bytes read through
/// `read` (from the output folder, or from memory) only when their inputs match; bytes that are not the
/// ones recorded (a PDF changed by hand) are laid out again.
pub struct Previous<F> {
    /// Each PDF's path, with the digest of its inputs and of its bytes.
    recorded: std::collections::HashMap<String, (String, String)>,
    /// Each notice's id, with the digest of its inputs and each output's path and digest, in order.
    notices: std::collections::HashMap<String, (String, Vec<(String, String)>)>,
    /// Whether the bytes `read` gives are known to be the ones recorded (see [`Previous::trusted`]).
    trusted: bool,
    read: F,
    /// Whether the file at a path has the digest recorded (see [`Previous::keeping`]).
    keep: Option<Box<Keep>>,
}

/// Whether the file at a path (`iewm/index.html`) in the output folder has the digest given
/// ([`output_digest`]).
type Keep = dyn Fn(&str, &str) -> bool + Send + Sync;

impl<F: Fn(&str) -> Option<Bytes>> Previous<F> {
    /// The PDFs `print_inputs` (the text of a [`PRINT_INPUTS`] file) records; lines that are not
    /// `KEY DIGEST PATH` are left out.
    pub fn new(print_inputs: &str, read: F) -> Self {
        let recorded = print_inputs
            .lines()
            .filter_map(|line| {
                let mut parts = line.splitn(3, ' ');
                let key = parts.next()?;
                let digest = parts.next()?;
                let path = parts.next()?;
                Some((path.to_owned(), (key.to_owned(), digest.to_owned())))
            })
            .collect();
        Previous {
            recorded,
            notices: std::collections::HashMap::new(),
            trusted: false,
            read,
            keep: None,
        }
    }

    /// These outputs, with bytes that are known to be the ones recorded, because the record and the
    /// bytes are one build's, held in memory (the live preview's last build): their digests are not
    /// computed again. Never for files read from a folder, which can be changed by hand.
    #[must_use]
    pub fn trusted(mut self) -> Self {
        self.trusted = true;
        self
    }

    /// These outputs, where a whole notice is taken, kept in the output folder as they are
    /// ([`Contents::Kept`]) instead of read into memory, once `has` (path, [`output_digest`]) confirms
    /// that the file still has the digest recorded; `has` should read the file a block at a time. A
    /// build of thousands of notices then holds none of their bytes. Only for a build that replaces
    /// the folder the record came from, and links or copies those files across.
    #[must_use]
    pub fn keeping(mut self, has: impl Fn(&str, &str) -> bool + Send + Sync + 'static) -> Self {
        self.keep = Some(Box::new(has));
        self
    }

    /// These PDFs, and every output of the notices `notice_inputs` (the text of a [`NOTICE_INPUTS`]
    /// file) records; lines that are not `KEY DIGEST ID/FILE`, or that give one notice two keys, are
    /// left out (the notice is rendered again).
    #[must_use]
    pub fn with_notices(mut self, notice_inputs: &str) -> Self {
        let mut notices: std::collections::HashMap<String, (String, Vec<(String, String)>)> =
            std::collections::HashMap::new();
        let mut mixed = std::collections::HashSet::new();
        for line in notice_inputs.lines() {
            let mut parts = line.splitn(3, ' ');
            let (Some(key), Some(digest), Some(path)) = (parts.next(), parts.next(), parts.next())
            else {
                continue;
            };
            let Some((id, _)) = path.split_once('/') else {
                continue;
            };
            let entry = notices
                .entry(id.to_owned())
                .or_insert_with(|| (key.to_owned(), Vec::new()));
            if entry.0 != key {
                mixed.insert(id.to_owned());
            }
            entry.1.push((path.to_owned(), digest.to_owned()));
        }
        notices.retain(|id, _| !mixed.contains(id));
        self.notices = notices;
        self
    }

    /// How many PDFs and notices it records.
    pub fn len(&self) -> usize {
        self.recorded.len().saturating_add(self.notices.len())
    }

    /// Whether it records none.
    pub fn is_empty(&self) -> bool {
        self.recorded.is_empty() && self.notices.is_empty()
    }
}

impl<F> std::fmt::Debug for Previous<F> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Previous")
            .field("pdfs", &self.recorded.len())
            .finish_non_exhaustive()
    }
}

impl<F: Fn(&str) -> Option<Bytes> + Send + Sync> Reuse for Previous<F> {
    fn pdf(&self, path: &str, key: &str) -> Option<(Bytes, String)> {
        let (recorded_key, digest) = self.recorded.get(path)?;
        if recorded_key != key {
            return None;
        }
        let bytes = (self.read)(path)?;
        (self.trusted || output_digest(&bytes) == *digest).then(|| (bytes, digest.clone()))
    }

    fn notice(&self, id: &str, key: &str, paths: &[String]) -> Option<NoticeOutputs> {
        let (recorded_key, files) = self.notices.get(id)?;
        // Only the files the build would make are read: a record naming others (`../`) is not
        // followed.
        if recorded_key != key
            || files.len() != paths.len()
            || files
                .iter()
                .zip(paths)
                .any(|((path, _), wanted)| path != wanted)
        {
            return None;
        }
        let mut reused = NoticeOutputs::default();
        for (path, digest) in files {
            let contents = match &self.keep {
                Some(has) => has(path, digest).then_some(Contents::Kept)?,
                None => {
                    let bytes = (self.read)(path)?;
                    if !self.trusted && output_digest(&bytes) != *digest {
                        return None;
                    }
                    Contents::Bytes(bytes)
                }
            };
            // A PDF keeps its line in the record of PDFs, so that a later build with other page
            // templates can still take it where its own inputs are the same.
            if let Some((pdf_key, pdf_digest)) = self.recorded.get(path)
                && pdf_digest == digest
            {
                let _ = writeln!(reused.print_inputs, "{pdf_key} {digest} {path}");
            }
            reused.outputs.push(Output {
                path: path.clone(),
                contents,
            });
            reused.digests.push(digest.clone());
        }
        Some(reused)
    }
}

/// Why rendering failed.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// A template failed to load, compile or render.
    #[error("template `{name}` failed: {source:#}")]
    Template {
        /// The template.
        name: String,
        /// minijinja's error, with the template line where it has one.
        #[source]
        source: minijinja::Error,
    },
    /// A printed (Typst) template failed to compile or its PDF could not be made.
    #[error("template `{name}` failed: {message}")]
    Print {
        /// The template (`print/form.typ`).
        name: String,
        /// Typst's errors, each with its template and line where it has one.
        message: String,
    },
    /// The caller could not take a notice's outputs (see [`render_into`]).
    #[error(transparent)]
    Sink(SinkError),
    /// A template ran past a limit: it used more than [`TEMPLATE_FUEL`] steps, or wrote more than
    /// [`TEMPLATE_OUTPUT_BYTES`] bytes (a loop that does not end, or a template that writes without end).
    #[error(
        "template `{name}` stopped: {what}; check its loops, recursive macros and repeated text"
    )]
    Limit {
        /// The template.
        name: String,
        /// The limit it ran past.
        what: String,
    },
    /// Code asked the catalogue for a message it does not have, or could not format.
    #[error(transparent)]
    Message(#[from] CatalogueError),
    /// The PDFs of the build would carry more text than the limit allows: refused before any is laid
    /// out, so a huge file fails in a moment instead of taking minutes and gigabytes.
    #[error(
        "the PDFs of this build would carry more text than the limit of {limit} characters: \
         {chars} by the end of notice `{notice}` (notice {ordinal} of {count}); raise the limit \
         with `--max-print-chars`, or build fewer notices at a time"
    )]
    PrintTooLarge {
        /// The notice at which the total passes the limit.
        notice: String,
        /// Its place in the file, from 1.
        ordinal: usize,
        /// The notices in the file.
        count: usize,
        /// The characters it would carry.
        chars: usize,
        /// The limit.
        limit: usize,
    },
    /// A plain-text output has a line over the width limit (a template fault).
    #[error("`{path}` line {line} is {width} columns wide, over the limit of {limit}: `{start}…`")]
    TooWide {
        /// The start of the line.
        start: String,
        /// The output.
        path: String,
        /// The line number.
        line: usize,
        /// Its display width.
        width: usize,
        /// The limit.
        limit: usize,
    },
}

/// The widest line plain text may have: 72 columns, so mail clients that re-wrap at 72 to 76 leave it
/// as it is. A web address is never broken: one too long for a line stands on a line of its own.
pub const TEXT_WIDTH: usize = 72;

/// Whether a word is a web or mail address, which must never be broken across lines.
pub fn is_address(word: &str) -> bool {
    ["https://", "http://", "mailto:"]
        .iter()
        .any(|scheme| word.starts_with(scheme))
}

/// Whether a line of plain text may be wider than [`TEXT_WIDTH`]: only when it is one web address,
/// indented, standing alone.
pub fn is_lone_address(line: &str) -> bool {
    let word = line.trim_start();
    !word.contains(char::is_whitespace) && is_address(word)
}

/// The built-in templates, by name.
const BUILTIN: &[(&str, &str)] = &[
    (
        "notice.html.j2",
        include_str!("../../templates/notice.html.j2"),
    ),
    (
        "notice.txt.j2",
        include_str!("../../templates/notice.txt.j2"),
    ),
    ("form.html.j2", include_str!("../../templates/form.html.j2")),
    (
        "changes.html.j2",
        include_str!("../../templates/changes.html.j2"),
    ),
    (
        "index.html.j2",
        include_str!("../../templates/index.html.j2"),
    ),
    (
        "partials/base.css",
        include_str!("../../templates/partials/base.css"),
    ),
    (
        "partials/print.css",
        include_str!("../../templates/partials/print.css"),
    ),
    (
        "partials/sections.html.j2",
        include_str!("../../templates/partials/sections.html.j2"),
    ),
    (
        "print/common.typ",
        include_str!("../../templates/print/common.typ"),
    ),
    (
        "print/notice.typ",
        include_str!("../../templates/print/notice.typ"),
    ),
    (
        "print/form.typ",
        include_str!("../../templates/print/form.typ"),
    ),
    (
        "report/findings.html.j2",
        include_str!("../../templates/report/findings.html.j2"),
    ),
    (
        "report/index.html.j2",
        include_str!("../../templates/report/index.html.j2"),
    ),
    (
        "report/notice.html.j2",
        include_str!("../../templates/report/notice.html.j2"),
    ),
];

/// The templates a build renders with: the built-in ones, and overrides by name (`notice.html.j2`,
/// `partials/sections.html.j2`) that replace them or add templates they include.
#[derive(Debug, Clone, Default)]
pub struct Templates {
    overrides: BTreeMap<String, Result<String, String>>,
}

impl Templates {
    /// Only the built-in templates.
    pub fn builtin() -> Self {
        Self::default()
    }

    /// Replaces (or adds) the template `name` with `source`.
    pub fn with_override(mut self, name: impl Into<String>, source: impl Into<String>) -> Self {
        self.overrides.insert(name.into(), Ok(source.into()));
        self
    }

    /// Records an override that could not be read: rendering fails with `reason` if a template needs it.
    pub fn with_unreadable(mut self, name: impl Into<String>, reason: impl Into<String>) -> Self {
        self.overrides.insert(name.into(), Err(reason.into()));
        self
    }

    /// The names of the built-in templates.
    pub fn builtin_names() -> impl Iterator<Item = &'static str> {
        BUILTIN.iter().map(|(name, _)| *name)
    }

    /// Every print template (`print/…`) the build has, built-in or override, by name; an override
    /// that could not be read gives its reason as its source.
    #[cfg(feature = "pdf")]
    fn print_sources(&self) -> Vec<(String, String)> {
        let mut names: Vec<&str> = BUILTIN.iter().map(|(n, _)| *n).collect();
        names.extend(self.overrides.keys().map(String::as_str));
        names.retain(|n| n.starts_with("print/"));
        names.sort_unstable();
        names.dedup();
        names
            .into_iter()
            .map(|n| {
                let source = self.source(n).unwrap_or_else(Some);
                (n.to_owned(), source.unwrap_or_default())
            })
            .collect()
    }

    /// Feeds every template (built-in or override, by name, with its source or the reason it could
    /// not be read) to `hasher`.
    fn hash_into(&self, hasher: &mut Sha256) {
        let mut names: Vec<&str> = BUILTIN.iter().map(|(n, _)| *n).collect();
        names.extend(self.overrides.keys().map(String::as_str));
        names.sort_unstable();
        names.dedup();
        for name in names {
            let source = match self.source(name) {
                Ok(source) => source.unwrap_or_default(),
                Err(reason) => format!("unreadable: {reason}"),
            };
            for field in [name.as_bytes(), source.as_bytes()] {
                hasher.update(u64::try_from(field.len()).unwrap_or(u64::MAX).to_le_bytes());
                hasher.update(field);
            }
        }
    }

    /// The source of template `name`: its override, else the built-in one.
    fn source(&self, name: &str) -> Result<Option<String>, String> {
        match self.overrides.get(name) {
            Some(Ok(source)) => Ok(Some(source.clone())),
            Some(Err(reason)) => Err(reason.clone()),
            None => Ok(BUILTIN
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, src)| (*src).to_owned())),
        }
    }
}

/// The most fuel (minijinja's count of instructions and of memory, about 64 bytes a unit) one
/// template may use in one render. The largest built-in render on the example notices (`notice.txt.j2`
/// of the longest notice) uses 9,159, over two thousand times less: a template that needs this much is
/// looping without end.
pub const TEMPLATE_FUEL: u64 = 20_000_000;

/// The most bytes one template may write in one render; the largest built-in output on the example
/// notices is 67 KB.
pub const TEMPLATE_OUTPUT_BYTES: usize = 16 * 1024 * 1024;

/// Sets up the template environment: strict undefined values, HTML autoescaping by file name, the
/// text filters, `t()` for the catalogue's words, the templates, and [`TEMPLATE_FUEL`].
pub fn environment(templates: &Templates, words: &Catalogue) -> Environment<'static> {
    let mut env = Environment::new();
    env.set_fuel(Some(TEMPLATE_FUEL));
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_syntax(
        minijinja::syntax::SyntaxConfig::builder()
            .trim_blocks(true)
            .lstrip_blocks(true)
            .build()
            .unwrap_or_default(),
    );
    let templates = Arc::new(templates.clone());
    env.set_loader(move |name| {
        templates
            .source(name)
            .map_err(|reason| minijinja::Error::new(minijinja::ErrorKind::InvalidOperation, reason))
    });
    let words = words.clone();
    env.add_function("t", move |state: &State, id: String, args: Kwargs| {
        translate(&words, state, &id, &args)
    });
    env.add_filter("wrap", wrap);
    env.add_filter("underline", underline);
    env.add_filter("css_string", css_string);
    env.add_filter("mailto", mailto);
    env
}

/// `{{ address|mailto }}`: a `mailto:` link to one address, every character other than the letters,
/// digits and the few RFC 6068 allows in a link percent-encoded, so the address can never add a header
/// or recipient to the link.
fn mailto(address: &str) -> String {
    let mut out = String::from("mailto:");
    for b in address.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~!$'()*+,;:@".contains(&b) {
            out.push(char::from(b));
        } else {
            // Writing to a `String` cannot fail.
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// `{{ t("id", name=value) }}`: message `id` of the catalogue with its arguments. In an HTML template
/// the arguments are escaped and the message, template text like the rest, is not.
fn translate(
    words: &Catalogue,
    state: &State,
    id: &str,
    args: &Kwargs,
) -> Result<Value, minijinja::Error> {
    let html = matches!(state.auto_escape(), AutoEscape::Html);
    let mut fluent = FluentArgs::new();
    for name in args.args() {
        let value: Value = args.get(name)?;
        let value = if let Some(n) = value.as_i64() {
            FluentValue::from(n)
        } else if html && !value.is_safe() {
            FluentValue::from(HtmlEscape(&value.to_string()).to_string())
        } else {
            FluentValue::from(value.to_string())
        };
        fluent.set(name.to_owned(), value);
    }
    let text = words.format(id, Some(&fluent)).map_err(|e| {
        minijinja::Error::new(minijinja::ErrorKind::InvalidOperation, e.to_string())
    })?;
    Ok(if html {
        Value::from_safe_string(text)
    } else {
        Value::from(text)
    })
}

/// `{{ text|wrap(width, first, rest) }}`: word-wraps text to `width` columns with the given indents.
#[expect(
    clippy::needless_pass_by_value,
    reason = "a `String` argument takes any value, as text; a `&str` one refuses numbers"
)]
fn wrap(text: String, width: Option<usize>, first: Option<String>, rest: Option<String>) -> String {
    let width = width.unwrap_or(TEXT_WIDTH);
    let first = first.unwrap_or_default();
    let rest = rest.unwrap_or_else(|| " ".repeat(first.chars().count()));
    // Words are filled in runs; a web address too wide for a line ends the run and stands on a line of
    // its own, unbroken, so it can still be followed. Any other word too wide is broken.
    let mut lines: Vec<String> = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    let fill = |run: &mut Vec<&str>, lines: &mut Vec<String>| {
        if run.is_empty() {
            return;
        }
        let indent = if lines.is_empty() { &first } else { &rest };
        let options = textwrap::Options::new(width)
            .initial_indent(indent)
            .subsequent_indent(&rest)
            .break_words(true)
            .word_splitter(textwrap::WordSplitter::NoHyphenation)
            // Optimal fit can run a line past the width beside a word longer than the line; first fit
            // never does (found by the hostile-content tests).
            .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit);
        lines.extend(
            textwrap::wrap(&run.join(" "), options)
                .into_iter()
                .map(std::borrow::Cow::into_owned),
        );
        run.clear();
    };
    // Words are split at spaces, tabs and line breaks only: a no-break space (U+00A0) holds an article
    // reference together (`(UK GDPR Art. 15)`), and textwrap does not break there either.
    for word in text
        .split(|c: char| c.is_whitespace() && c != '\u{a0}')
        .filter(|w| !w.is_empty())
    {
        let indent = if lines.is_empty() && run.is_empty() {
            &first
        } else {
            &rest
        };
        let too_wide =
            textwrap::core::display_width(indent) + textwrap::core::display_width(word) > width;
        if is_address(word) && too_wide {
            fill(&mut run, &mut lines);
            let indent = if lines.is_empty() { &first } else { &rest };
            lines.push(format!("{indent}{word}"));
        } else {
            run.push(word);
        }
    }
    fill(&mut run, &mut lines);
    lines.join("\n")
}

/// `{{ heading|underline("=") }}`: the heading wrapped, then a rule as wide as its widest line.
fn underline(text: String, rule: Option<String>) -> String {
    let body = wrap(text, Some(TEXT_WIDTH), None, None);
    let width = body
        .lines()
        .map(textwrap::core::display_width)
        .max()
        .unwrap_or(0);
    let rule = rule.unwrap_or_else(|| "-".into());
    format!("{body}\n{}", rule.repeat(width.min(TEXT_WIDTH)))
}

/// `{{ text|css_string }}`: a CSS string literal, for generated content.
#[expect(
    clippy::needless_pass_by_value,
    reason = "a `String` argument takes any value, as text; a `&str` one refuses numbers"
)]
fn css_string(text: String) -> Value {
    let mut out = String::from("\"");
    for c in text.chars() {
        if c.is_ascii_alphanumeric() || c == ' ' || c == '-' || c == '.' || c == ',' {
            out.push(c);
        } else {
            // A hex escape swallows one following space, so always give it one.
            let _ = write!(out, "\\{:06x} ", c as u32);
        }
    }
    out.push('"');
    Value::from_safe_string(out)
}

/// How much a build may produce.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RenderLimits {
    /// The most characters of text the PDFs of one build may carry, counted over every PDF (a notice
    /// with a form prints its text three times: the notice, the form and the form in large print).
    /// Laying out takes time in proportion: a little over 3 seconds of CPU per million characters in
    /// a release build.
    pub max_print_chars: usize,
}

impl RenderLimits {
    /// The defaults: 1,500,000 characters, 23 times what the example notices print (64,217), or 26
    /// notices as long as the complete example (56,736 each, with its form).
    pub const DEFAULT: RenderLimits = RenderLimits {
        max_print_chars: 1_500_000,
    };
}

impl Default for RenderLimits {
    fn default() -> Self {
        RenderLimits::DEFAULT
    }
}

/// Renders every output of every notice, and the index page, with `templates` and the words of
/// `words`, within the default [`RenderLimits`].
pub fn render_all(
    file: &NoticeFile,
    templates: &Templates,
    words: &Catalogue,
) -> Result<Vec<Output>, RenderError> {
    render_within(file, templates, words, &RenderLimits::DEFAULT)
}

/// Renders every output of every notice, and the index page, refusing before any is rendered if they
/// would go over `limits`.
pub fn render_within(
    file: &NoticeFile,
    templates: &Templates,
    words: &Catalogue,
    limits: &RenderLimits,
) -> Result<Vec<Output>, RenderError> {
    render_with_history(file, templates, words, limits, None)
}

/// The history a build shows in each notice's change log (`changes.html`): the committed versions of
/// the notices file, oldest first, and the file being built as parsed.
#[derive(Debug, Clone, Copy)]
pub struct History<'a> {
    /// The committed versions.
    pub revisions: &'a [crate::diff::log::Revision],
    /// The file being built, as parsed (not as typed: defaults filled in would read as changes).
    pub current: &'a serde_json::Value,
}

/// [`render_within`], with a change log for each notice the history holds.
pub fn render_with_history(
    file: &NoticeFile,
    templates: &Templates,
    words: &Catalogue,
    limits: &RenderLimits,
    history: Option<History<'_>>,
) -> Result<Vec<Output>, RenderError> {
    render_reusing(file, templates, words, limits, history, None)
}

/// The stack each rendering thread gets: a main thread's (8 MiB), which Typst's layout of a long
/// notice needs (the 2 MiB a thread gets by default is not enough).
const RENDER_STACK: usize = 8 * 1024 * 1024;

/// `f` of every item and its place (from 0), in the items' order, on one thread per core, each
/// taking the next item not yet taken. Plain threads rather than a rayon pool: Typst lays out pages with rayon, and a rayon worker
/// waiting for that work takes other queued tasks onto its own stack, so with notices as rayon tasks
/// each thread's stack held one half-done notice after another until it overflowed (10,000 notices).
/// Where no thread can be started (WebAssembly), the items are done one after another.
fn in_parallel<'a, T: Sync, R: Send>(
    items: &'a [T],
    f: impl Fn(usize, &'a T) -> R + Sync,
) -> Vec<R> {
    use std::sync::Mutex;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .min(items.len());
    if threads <= 1 {
        return items
            .iter()
            .enumerate()
            .map(|(at, item)| f(at, item))
            .collect();
    }
    let next = AtomicUsize::new(0);
    let done: Mutex<Vec<(usize, R)>> = Mutex::new(Vec::with_capacity(items.len()));
    let work = || {
        let mut mine = Vec::new();
        loop {
            let at = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(at) else { break };
            mine.push((at, f(at, item)));
        }
        if let Ok(mut done) = done.lock() {
            done.extend(mine);
        }
    };
    std::thread::scope(|scope| {
        let started = (0..threads)
            .filter(|i| {
                std::thread::Builder::new()
                    .name(format!("noticec-render-{i}"))
                    .stack_size(RENDER_STACK)
                    .spawn_scoped(scope, work)
                    .is_ok()
            })
            .count();
        if started == 0 {
            work();
        }
    });
    let mut done = done.into_inner().unwrap_or_default();
    done.sort_unstable_by_key(|(at, _)| *at);
    done.into_iter().map(|(_, r)| r).collect()
}

/// [`render_with_history`], taking from `reuse` the PDFs an earlier build laid out from the same
/// inputs.
pub fn render_reusing(
    file: &NoticeFile,
    templates: &Templates,
    words: &Catalogue,
    limits: &RenderLimits,
    history: Option<History<'_>>,
    reuse: Option<&dyn Reuse>,
) -> Result<Vec<Output>, RenderError> {
    collected(file.notices.len(), |sink| {
        render_into(file, templates, words, limits, history, reuse, sink).map(|rest| (rest, ()))
    })
    .map(|(outputs, ())| outputs)
}

/// Runs `render` with a sink that collects every notice's outputs, and returns them in file order,
/// then the outputs `render` returns, with what else it returns. `notices` is how many to make room
/// for.
fn collected<T>(
    notices: usize,
    render: impl FnOnce(&Sink<'_>) -> Result<(Vec<Output>, T), RenderError>,
) -> Result<(Vec<Output>, T), RenderError> {
    let taken = std::sync::Mutex::new(Vec::with_capacity(notices));
    let sink = |at: usize, outputs: Vec<Output>| {
        taken
            .lock()
            .map_err(|_| SinkError::from("a rendering thread stopped"))?
            .push((at, outputs));
        Ok(())
    };
    let (rest, other) = render(&sink)?;
    let mut taken = taken.into_inner().unwrap_or_default();
    taken.sort_unstable_by_key(|(at, _)| *at);
    let mut outputs: Vec<Output> = taken.into_iter().flat_map(|(_, o)| o).collect();
    outputs.extend(rest);
    Ok((outputs, other))
}

/// Why a [`Sink`] could not take a notice's outputs (the caller could not write them).
pub type SinkError = Box<dyn std::error::Error + Send + Sync>;

/// Takes each notice's outputs as soon as they are made: the notice's place in the file (from 0)
/// and its outputs, on any rendering thread, in no particular order.
pub type Sink<'a> = dyn Fn(usize, Vec<Output>) -> Result<(), SinkError> + Sync + 'a;

/// [`render_reusing`], handing each notice's outputs to `sink` as soon as they are made instead of
/// holding them all (a build of ten thousand notices makes over a gigabyte): returns the outputs
/// made from every notice together, the index and the records. A failure of the sink fails the
/// render like a template's, the first in file order.
pub fn render_into(
    file: &NoticeFile,
    templates: &Templates,
    words: &Catalogue,
    limits: &RenderLimits,
    history: Option<History<'_>>,
    reuse: Option<&dyn Reuse>,
    sink: &Sink<'_>,
) -> Result<Vec<Output>, RenderError> {
    let setup = Setup {
        templates,
        words,
        limits,
        history,
        reuse,
    };
    render_core(file, &setup, sink, None).map(|(outputs, _)| outputs)
}

/// What a render keeps of each notice for the next render of the same file with some notices changed
/// ([`render_again`]): its page data, the characters it prints, its outputs and its lines of the
/// records; and the digest of the templates and words they were made with.
#[derive(Debug, Clone, Default)]
pub struct Kept {
    /// The digest of the noticec version, the templates and the words.
    salt: Vec<u8>,
    /// Each notice's, in the file's order.
    notices: Vec<KeptNotice>,
}

/// What a render keeps of one notice.
#[derive(Debug, Clone)]
struct KeptNotice {
    view: Arc<view::NoticeView>,
    chars: usize,
    rendered: Rendered,
}

/// [`render_reusing`], returning with the outputs what [`render_again`] takes for the next render.
pub fn render_keeping(
    file: &NoticeFile,
    setup: &Setup<'_>,
) -> Result<(Vec<Output>, Kept), RenderError> {
    render_again(file, setup, &Kept::default(), &|_| true)
}

/// [`render_keeping`] of a file that differs from the one `kept` was kept from in the notices
/// `changed` names (by place) only: every output is the one [`render_reusing`] gives, and the other
/// notices' views and outputs are taken from `kept` instead of being made again. The caller says
/// which notices changed, and which others' outputs depend on them (the notices that name them),
/// and gives the same history (a notice's change log reads that notice only); the number of
/// notices must be the same. With other templates or words than `kept` was made with, or another
/// number of notices, every notice is made again.
pub fn render_again(
    file: &NoticeFile,
    setup: &Setup<'_>,
    kept: &Kept,
    changed: &(dyn Fn(usize) -> bool + Sync),
) -> Result<(Vec<Output>, Kept), RenderError> {
    collected(file.notices.len(), |sink| {
        render_core(file, setup, sink, Some((kept, changed)))
    })
    // Given something to keep from, the core keeps.
    .map(|(outputs, kept)| (outputs, kept.unwrap_or_default()))
}

/// What every notice of a render is rendered with.
#[derive(Clone, Copy)]
pub struct Setup<'a> {
    /// The templates.
    pub templates: &'a Templates,
    /// The words.
    pub words: &'a Catalogue,
    /// How much the outputs may hold.
    pub limits: &'a RenderLimits,
    /// The history for the change logs, if any.
    pub history: Option<History<'a>>,
    /// The outputs of an earlier build to take where their inputs are the same.
    pub reuse: Option<&'a dyn Reuse>,
}

/// [`render_into`]; when `keep` is given, taking from it the notices its predicate does not name
/// (see [`render_again`]) and returning what the next render keeps.
fn render_core(
    file: &NoticeFile,
    setup: &Setup<'_>,
    sink: &Sink<'_>,
    keep: Option<(&Kept, &(dyn Fn(usize) -> bool + Sync))>,
) -> Result<(Vec<Output>, Option<Kept>), RenderError> {
    let Setup {
        templates,
        words,
        limits,
        history,
        reuse,
    } = *setup;
    let env = &environment(templates, words);
    let graph = Graph::new(file);
    // What every notice's outputs are made from besides its own data, hashed once for the build.
    let mut salt = Sha256::new();
    salt.update(concat!("noticec ", env!("CARGO_PKG_VERSION"), "\n").as_bytes());
    templates.hash_into(&mut salt);
    salt.update(words.digest());
    let salt_digest = salt.clone().finalize().to_vec();
    // The notices taken from an earlier render, when it was made with the same templates and words.
    let taken = |at: usize| -> Option<&KeptNotice> {
        let (kept, changed) = keep?;
        let usable = kept.salt == salt_digest && kept.notices.len() == file.notices.len();
        (usable && !changed(at)).then(|| kept.notices.get(at))?
    };
    // Each notice's outputs depend on nothing but the notice and what it reaches, so notices are
    // rendered in parallel; the outputs keep the order of the file, and the first failure in file
    // order is the one reported, whatever order the threads finish in.
    // Each view's printed characters are counted with it, in parallel, for the print limit.
    let views: Vec<_> = in_parallel(&file.notices, |at, notice| {
        if let Some(kept) = taken(at) {
            return (notice, Arc::clone(&kept.view), None, kept.chars);
        }
        let words = words.fork();
        let view = view::notice(&graph, notice, &words);
        #[cfg(feature = "pdf")]
        let chars = print::chars(&view);
        #[cfg(not(feature = "pdf"))]
        let chars = 0;
        (
            notice,
            Arc::new(view),
            words.take_failures().into_iter().next(),
            chars,
        )
    });
    if let Some(e) = views.iter().find_map(|(_, _, failed, _)| failed.clone()) {
        return Err(e.into());
    }
    #[cfg(feature = "pdf")]
    print::within(
        views.iter().map(|(_, view, _, chars)| (&**view, *chars)),
        views.len(),
        limits,
    )?;
    #[cfg(not(feature = "pdf"))]
    let _ = limits;
    let rendered: Vec<Result<Rendered, RenderError>> =
        in_parallel(&views, |at, (notice, view, _, _)| {
            let mut rendered = match taken(at) {
                Some(kept) => kept.rendered.clone(),
                None => {
                    let entries = history
                        .map(|h| {
                            crate::diff::log::changelog(h.revisions, h.current, notice.id.as_str())
                        })
                        .unwrap_or_default();
                    let notice = Notice {
                        graph: &graph,
                        notice,
                        view,
                        entries: &entries,
                    };
                    render_notice(env, templates, &words.fork(), &notice, (&salt, reuse))?
                }
            };
            // What is kept keeps its outputs; the sink takes a copy that shares their bytes.
            let outputs = if keep.is_some() {
                rendered.outputs.clone()
            } else {
                std::mem::take(&mut rendered.outputs)
            };
            sink(at, outputs).map_err(RenderError::Sink)?;
            Ok(rendered)
        });
    let mut print_inputs = String::new();
    let mut notice_inputs = String::new();
    let mut kept = keep.map(|_| Kept {
        salt: salt_digest,
        notices: Vec::with_capacity(views.len()),
    });
    for (notice, (_, view, _, chars)) in rendered.into_iter().zip(&views) {
        let notice = notice?;
        print_inputs.push_str(&notice.print_inputs);
        notice_inputs.push_str(&notice.notice_inputs);
        if let Some(kept) = &mut kept {
            kept.notices.push(KeptNotice {
                view: Arc::clone(view),
                chars: *chars,
                rendered: notice,
            });
        }
    }
    let views = views.into_iter().map(|(_, view, _, _)| view).collect();
    let outputs = index_and_records(env, views, notice_inputs, print_inputs)?;
    Ok((outputs, kept))
}

/// The outputs made from every notice together: the index page, listing `views`, and the two
/// records (left out when empty).
fn index_and_records(
    env: &Environment<'_>,
    views: Vec<Arc<view::NoticeView>>,
    notice_inputs: String,
    print_inputs: String,
) -> Result<Vec<Output>, RenderError> {
    let mut outputs = Vec::with_capacity(3);
    let listed = Listed(Arc::new(views));
    let index = render(
        env,
        "index.html.j2",
        &context! { notices => Value::from_object(listed) },
    )?;
    outputs.push(Output::new("index.html", index));
    if !notice_inputs.is_empty() {
        outputs.push(Output::new(NOTICE_INPUTS, notice_inputs));
    }
    if !print_inputs.is_empty() {
        outputs.push(Output::new(PRINT_INPUTS, print_inputs));
    }
    Ok(outputs)
}

/// The notices the index lists, each made a template value only when the template reaches it and
/// dropped after: made all at once, the list held a second copy of every notice's page data (about
/// 420 MB at ten thousand notices, the build's peak).
/// Each item's fields, in turn, become values only when the template reads them ([`fields`]): the
/// index reads five of a notice's fifty.
#[derive(Debug)]
struct Listed(Arc<Vec<Arc<view::NoticeView>>>);

impl minijinja::value::Object for Listed {
    fn repr(self: &std::sync::Arc<Self>) -> minijinja::value::ObjectRepr {
        minijinja::value::ObjectRepr::Seq
    }

    fn get_value(self: &std::sync::Arc<Self>, key: &Value) -> Option<Value> {
        let at = key.as_usize().filter(|&at| at < self.0.len())?;
        Some(Value::from_object(fields::Fields::new(
            Arc::clone(&self.0),
            at,
        )))
    }

    fn enumerate(self: &std::sync::Arc<Self>) -> minijinja::value::Enumerator {
        minijinja::value::Enumerator::Seq(self.0.len())
    }
}

/// One notice to render, with what it reaches and its change log.
struct Notice<'a> {
    graph: &'a Graph<'a>,
    notice: &'a crate::model::Notice,
    view: &'a view::NoticeView,
    entries: &'a [crate::diff::log::Entry],
}

/// The outputs of one notice, and its lines of [`PRINT_INPUTS`] and [`NOTICE_INPUTS`].
#[derive(Debug, Clone)]
struct Rendered {
    outputs: Vec<Output>,
    print_inputs: String,
    notice_inputs: String,
}

/// Writes what it is given into a SHA-256.
struct Hashing<'a>(&'a mut Sha256);

impl std::io::Write for Hashing<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.update(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The digest of everything a notice's outputs are made from: `salt` (the noticec version, the
/// templates and the words), then its view, JSON-LD, consent record and change log as JSON, each
/// value self-delimiting.
fn notice_key(
    salt: &Sha256,
    view: &view::NoticeView,
    linked: &serde_json::Value,
    record: Option<&serde_json::Value>,
    entries: &[crate::diff::log::Entry],
) -> String {
    let mut hasher = salt.clone();
    let mut out = Hashing(&mut hasher);
    // Writing into a hasher cannot fail, and these values serialise without error; were one ever to
    // fail, its notice would be rendered again each time (its key then depends on where it stopped).
    let _ = serde_json::to_writer(&mut out, view);
    let _ = serde_json::to_writer(&mut out, linked);
    let _ = serde_json::to_writer(&mut out, &record);
    let _ = serde_json::to_writer(&mut out, entries);
    hex(&hasher.finalize())
}

/// Every output of one notice: its page, text, JSON-LD, form, consent record, change log and PDFs;
/// taken from `reuse` when its key (the digest of what they are made from, after `salt`) is the
/// one recorded.
fn render_notice(
    env: &Environment<'_>,
    templates: &Templates,
    words: &Catalogue,
    notice: &Notice<'_>,
    (salt, reuse): (&Sha256, Option<&dyn Reuse>),
) -> Result<Rendered, RenderError> {
    let Notice {
        graph,
        notice,
        view,
        entries,
    } = *notice;
    let linked = jsonld::notice(graph, notice, &view.hash, words);
    let record = consent_record::record(graph, notice, &view.hash, words);
    if let Some(e) = words.take_failures().into_iter().next() {
        return Err(e.into());
    }
    let key = notice_key(salt, view, &linked, record.as_ref(), entries);
    let paths = output_paths(view, !entries.is_empty(), record.is_some());
    let made = match reuse.and_then(|r| r.notice(&view.id, &key, &paths)) {
        Some(reused) => reused,
        None => {
            let made = make_outputs(
                env,
                templates,
                words,
                (view, entries),
                (&linked, record),
                reuse,
            )?;
            debug_assert!(
                made.outputs.iter().map(|o| &o.path).eq(&paths),
                "output_paths and make_outputs differ"
            );
            made
        }
    };
    let NoticeOutputs {
        outputs,
        digests,
        print_inputs,
    } = made;
    let mut notice_inputs = String::new();
    for (output, digest) in outputs.iter().zip(&digests) {
        let _ = writeln!(notice_inputs, "{key} {digest} {}", output.path);
    }
    Ok(Rendered {
        outputs,
        print_inputs,
        notice_inputs,
    })
}

/// The paths of the outputs [`make_outputs`] makes for a notice, in its order.
fn output_paths(view: &view::NoticeView, changelog: bool, record: bool) -> Vec<String> {
    let id = &view.id;
    let form = view.form.is_some();
    let names = [
        (changelog, "changes.html"),
        (true, "index.html"),
        (true, "notice.txt"),
        (true, "notice.jsonld"),
        (form, "consent-form.html"),
        (record, "consent-record.jsonld"),
        (cfg!(feature = "pdf"), "notice.pdf"),
        (cfg!(feature = "pdf") && form, "consent-form.pdf"),
        (
            cfg!(feature = "pdf") && form,
            "consent-form-large-print.pdf",
        ),
    ];
    names
        .into_iter()
        .filter(|(made, _)| *made)
        .map(|(_, name)| format!("{id}/{name}"))
        .collect()
}

/// Renders every output of one notice from its view, change log, JSON-LD and consent record, with
/// their digests and the lines of [`PRINT_INPUTS`] for its PDFs.
fn make_outputs(
    env: &Environment<'_>,
    templates: &Templates,
    words: &Catalogue,
    (view, entries): (&view::NoticeView, &[crate::diff::log::Entry]),
    (linked, record): (&serde_json::Value, Option<serde_json::Value>),
    reuse: Option<&dyn Reuse>,
) -> Result<NoticeOutputs, RenderError> {
    let mut made = NoticeOutputs::default();
    // Each output is hashed where it is made.
    let mut push = |path: String, text: String| {
        made.digests.push(output_digest(text.as_bytes()));
        made.outputs.push(Output::new(path, text));
    };
    let embedded = Value::from_safe_string(jsonld::script_safe(linked));
    let ctx = context! {
        notice => Value::from(minijinja::value::Serde(view)),
        jsonld => embedded,
        changelog => !entries.is_empty(),
    };
    let id = &view.id;
    if !entries.is_empty() {
        let log = context! {
            notice => Value::from(minijinja::value::Serde(view)),
            entries => Value::from(minijinja::value::Serde(entries)),
        };
        push(
            format!("{id}/changes.html"),
            render(env, "changes.html.j2", &log)?,
        );
    }
    push(
        format!("{id}/index.html"),
        render(env, "notice.html.j2", &ctx)?,
    );
    let path = format!("{id}/notice.txt");
    let text = tidy_within(&render(env, "notice.txt.j2", &ctx)?, TEXT_WIDTH, &path)?;
    push(path, text);
    let mut ld = serde_json::to_string_pretty(linked).unwrap_or_default();
    ld.push('\n');
    push(format!("{id}/notice.jsonld"), ld);
    if view.form.is_some() {
        push(
            format!("{id}/consent-form.html"),
            render(env, "form.html.j2", &ctx)?,
        );
    }
    if let Some(record) = record {
        let mut text = serde_json::to_string_pretty(&record).unwrap_or_default();
        text.push('\n');
        push(format!("{id}/consent-record.jsonld"), text);
    }
    // A PDF's digest comes with it.
    #[cfg(feature = "pdf")]
    for (output, key, digest) in print::render(templates, words, view, reuse)? {
        let _ = writeln!(made.print_inputs, "{key} {digest} {}", output.path);
        made.outputs.push(output);
        made.digests.push(digest);
    }
    #[cfg(not(feature = "pdf"))]
    let _ = (templates, words, reuse);
    Ok(made)
}

/// The plain text of one notice (`notice.txt`), as a build would write it; `None` when the file has
/// no notice with that id.
pub fn notice_text(
    file: &NoticeFile,
    id: &str,
    templates: &Templates,
    words: &Catalogue,
) -> Result<Option<String>, RenderError> {
    let Some(notice) = file.notices.iter().find(|n| n.id.as_str() == id) else {
        return Ok(None);
    };
    let env = &environment(templates, words);
    let graph = Graph::new(file);
    let view = view::notice(&graph, notice, words);
    let linked = jsonld::notice(&graph, notice, &view.hash, words);
    let embedded = Value::from_safe_string(jsonld::script_safe(&linked));
    let ctx =
        context! { notice => Value::from(minijinja::value::Serde(&view)), jsonld => embedded };
    Ok(Some(tidy_text(&render(env, "notice.txt.j2", &ctx)?)))
}

/// The printed outputs of a notice: `notice.pdf`, and the form to sign in standard and large print.
#[cfg(feature = "pdf")]
mod print {
    use serde_json::json;

    use fluent_bundle::FluentValue;

    use sha2::{Digest as _, Sha256};

    use super::{Catalogue, Output, RenderError, Templates, pdf, view::NoticeView};

    /// The messages the print templates use, passed to them by id as `words`; the words made for the
    /// notice (its footer and reference line) go as `print`.
    const MESSAGES: &[&str] = &[
        "heading-glance",
        "heading-who",
        "heading-purposes",
        "heading-bases",
        "heading-data",
        "heading-sources",
        "heading-sharing",
        "heading-storage",
        "heading-retention",
        "heading-rights",
        "heading-requirements",
        "heading-decisions",
        "heading-security",
        "heading-confidentiality",
        "heading-related",
        "heading-changes",
        "heading-dpo",
        "heading-feedback",
        "heading-withdraw",
        "heading-opt-out",
        "heading-changing-mind",
        "heading-consent",
        "heading-signature",
        "heading-special-conditions",
        "glance-who",
        "glance-collect",
        "glance-why",
        "glance-share",
        "glance-keep",
        "glance-complain",
        "label-email",
        "label-phone",
        "label-web",
        "label-post",
        "label-address",
        "label-website",
        "label-ico-registered",
        "label-lawful-basis",
        "label-legitimate-interests",
        "label-for-example",
        "label-information-used",
        "label-shared-with",
        "label-consent-ends",
        "label-special-category",
        "label-special-condition",
        "label-criminal",
        "label-where-to",
        "label-safeguard",
        "label-when",
        "label-how-long",
        "label-criteria",
        "label-why",
        "label-unless",
        "label-if-you-do-not",
        "label-how-it-works",
        "label-people-involved",
        "label-what-it-means",
        "label-law",
        "label-note",
        "label-retention-schedule",
        "feedback-intro",
        "confidentiality-unless",
        "recipient-processor",
        "decision-profiling",
        "criminal-offence-data",
        "form-read-together",
        "form-tick",
        "form-name",
        "form-signature",
        "form-date",
        "form-copy-given",
        "print-what-we-do",
        "print-contact",
        "source-public",
        "related-additional",
        "special-conditions-intro",
        "bases-intro",
        "bases-not-linked",
        "sharing-bases-intro",
        "label-art9-justification",
        "label-dpa-condition",
        "label-policy-document",
        "label-where-from",
        "label-who-can-see",
        "label-information",
        "label-required",
        "label-version",
        "label-last-updated",
        "label-published",
    ];

    /// The most characters of a version the page footer shows.
    const FOOTER_VERSION: usize = 24;

    /// The messages with arguments the print templates use, with the names of their arguments. They
    /// reach the templates with each argument as `{name}`, for the template to replace.
    const TEMPLATED: &[(&str, &[&str])] = &[
        ("qualified", &["text", "qualifiers"]),
        ("party-acting-for", &["organisation"]),
        ("party-described-as", &["words"]),
        ("party-described-as-for", &["words", "organisation"]),
        ("party-acts-for", &["organisation"]),
        ("party-we", &["name"]),
        ("bases-not-relied-on", &["basis"]),
        ("source-publicly-accessible", &["party"]),
        ("source-for-example", &["examples"]),
        ("recipient-shared", &["categories"]),
        ("system-stored-in", &["places"]),
        ("retention-applies", &["when"]),
        ("retention-then", &["disposal"]),
        ("retention-unless", &["unless"]),
        ("right-authority", &["authority"]),
        ("label-identification", &["right"]),
        ("label-fee", &["right"]),
        ("security-measures", &["measures"]),
        ("glance-more", &["count"]),
    ];

    /// Renders the PDFs of one notice.
    pub(super) fn render(
        templates: &Templates,
        words: &Catalogue,
        view: &NoticeView,
        reuse: Option<&dyn super::Reuse>,
    ) -> Result<Vec<(Output, String, String)>, RenderError> {
        let id = &view.id;
        let mut t = serde_json::Map::new();
        for message in MESSAGES {
            t.insert((*message).to_owned(), words.text(message).into());
        }
        for (message, names) in TEMPLATED {
            let args: Vec<(&str, FluentValue<'_>)> = names
                .iter()
                .map(|name| (*name, FluentValue::from(format!("{{{name}}}"))))
                .collect();
            t.insert(
                (*message).to_owned(),
                words.text_with(message, &args).into(),
            );
        }
        // Words made for this notice, apart from the catalogue's.
        let mut own = serde_json::Map::new();
        own.insert("reference".into(), reference(words, view).into());
        // The footer must fit its margin on every page: a long version is cut short there (the id and
        // the content hash still trace the sheet).
        let version = view.version.as_ref().map(|v| {
            if v.chars().count() > FOOTER_VERSION {
                let mut cut: String = v.chars().take(FOOTER_VERSION - 1).collect();
                cut.push('…');
                cut
            } else {
                v.clone()
            }
        });
        let footer = match &version {
            Some(version) => words.text_with(
                "form-footer",
                &[
                    ("id", id.as_str().into()),
                    ("version", version.as_str().into()),
                    ("hash", view.hash.as_str().into()),
                ],
            ),
            None => words.text_with(
                "form-footer-unversioned",
                &[
                    ("id", id.as_str().into()),
                    ("hash", view.hash.as_str().into()),
                ],
            ),
        };
        own.insert("footer".into(), footer.into());
        own.insert("page".into(), words.text("form-page").into());
        own.insert("page-of".into(), words.text("form-page-of").into());
        if let Some(e) = words.take_failures().into_iter().next() {
            return Err(e.into());
        }
        let data =
            |large: bool| json!({ "notice": view, "words": t, "print": own, "large": large });
        let ident = |kind: &str| format!("{id}/{kind}/{}", view.hash);
        let mut outputs = vec![pdf(
            templates,
            reuse,
            "print/notice.typ",
            &data(false),
            &format!("{id}/notice.pdf"),
            &ident("notice"),
        )?];
        if view.form.is_some() {
            for (large, name) in [(false, "consent-form"), (true, "consent-form-large-print")] {
                outputs.push(pdf(
                    templates,
                    reuse,
                    "print/form.typ",
                    &data(large),
                    &format!("{id}/{name}.pdf"),
                    &ident(name),
                )?);
            }
        }
        Ok(outputs)
    }

    /// One PDF at `path`, laid out from template `name` and `data`, or taken from `reuse` when an
    /// earlier build laid it out from the same inputs; with the digest of those inputs and of its bytes.
    fn pdf(
        templates: &Templates,
        reuse: Option<&dyn super::Reuse>,
        name: &str,
        data: &serde_json::Value,
        path: &str,
        ident: &str,
    ) -> Result<(Output, String, String), RenderError> {
        let key = inputs_digest(templates, name, data, ident);
        let (bytes, digest) = match reuse.and_then(|r| r.pdf(path, &key)) {
            Some(reused) => reused,
            None => {
                let bytes = pdf::render_pdf(templates, name, data, ident)?;
                let digest = super::output_digest(&bytes);
                (bytes.into(), digest)
            }
        };
        Ok((Output::new(path.to_owned(), bytes), key, digest))
    }

    /// The digest of everything a PDF is laid out from: this version of noticec (its fonts and its
    /// Typst), every print template as the build has it, the template laid out, the data and the
    /// document id.
    fn inputs_digest(
        templates: &Templates,
        name: &str,
        data: &serde_json::Value,
        ident: &str,
    ) -> String {
        let mut hasher = Sha256::new();
        let mut field = |bytes: &[u8]| {
            hasher.update(u64::try_from(bytes.len()).unwrap_or(u64::MAX).to_le_bytes());
            hasher.update(bytes);
        };
        field(concat!("noticec ", env!("CARGO_PKG_VERSION")).as_bytes());
        for (template, source) in templates.print_sources() {
            field(template.as_bytes());
            field(source.as_bytes());
        }
        field(name.as_bytes());
        field(&serde_json::to_vec(data).unwrap_or_default());
        field(ident.as_bytes());
        super::hex(&hasher.finalize())
    }

    /// The characters of text one copy of a notice's PDFs carries: the strings of its view.
    pub(super) fn chars(view: &NoticeView) -> usize {
        serde_json::to_value(view).map_or(0, |v| text_chars(&v))
    }

    /// Refuses, before any PDF is laid out, a build whose PDFs would carry more text than
    /// `limits` allow, given each view with its [`chars`].
    pub(super) fn within<'a>(
        views: impl Iterator<Item = (&'a NoticeView, usize)>,
        count: usize,
        limits: &super::RenderLimits,
    ) -> Result<(), RenderError> {
        let limit = limits.max_print_chars;
        let mut total = 0usize;
        for (index, (view, chars)) in views.enumerate() {
            let copies = if view.form.is_some() { 3 } else { 1 };
            total = total.saturating_add(chars.saturating_mul(copies));
            if total > limit {
                return Err(RenderError::PrintTooLarge {
                    notice: view.id.to_string(),
                    ordinal: index.saturating_add(1),
                    count,
                    chars: total,
                    limit,
                });
            }
        }
        Ok(())
    }

    /// The characters of text in a JSON value: its strings, keys left out.
    fn text_chars(value: &serde_json::Value) -> usize {
        match value {
            serde_json::Value::String(s) => s.chars().count(),
            serde_json::Value::Array(items) => items.iter().map(text_chars).sum(),
            serde_json::Value::Object(map) => map.values().map(text_chars).sum(),
            _ => 0,
        }
    }

    /// The line that traces a printed form to its notice: id and version (or content hash), and the
    /// date of the last update where there is one.
    fn reference(words: &Catalogue, view: &NoticeView) -> String {
        let id = view.id.as_str();
        let hash = view.hash.as_str();
        match (&view.version, &view.last_updated) {
            (Some(version), Some(date)) => words.text_with(
                "form-reference-updated",
                &[
                    ("id", id.into()),
                    ("version", version.as_str().into()),
                    ("date", date.as_str().into()),
                ],
            ),
            (Some(version), None) => words.text_with(
                "form-reference",
                &[("id", id.into()), ("version", version.as_str().into())],
            ),
            (None, Some(date)) => words.text_with(
                "form-reference-unversioned-updated",
                &[
                    ("id", id.into()),
                    ("hash", hash.into()),
                    ("date", date.as_str().into()),
                ],
            ),
            (None, None) => words.text_with(
                "form-reference-unversioned",
                &[("id", id.into()), ("hash", hash.into())],
            ),
        }
    }
}

fn render(env: &Environment<'_>, name: &str, ctx: &Value) -> Result<String, RenderError> {
    let mut out = render_template(env, name, ctx.clone())?;
    if !out.ends_with('\n') {
        out.push('\n');
    }
    Ok(out)
}

/// The digest of an output's bytes that the records of a build ([`PRINT_INPUTS`],
/// [`NOTICE_INPUTS`]) give: BLAKE3, in lower-case hexadecimal (64 digits).
pub fn output_digest(bytes: &[u8]) -> String {
    blake3::hash(bytes).to_hex().to_string()
}

/// [`output_digest`] of what `reader` gives, read a block at a time rather than held whole.
///
/// # Errors
///
/// When `reader` fails.
pub fn output_digest_of(reader: impl std::io::Read) -> std::io::Result<String> {
    let mut hasher = blake3::Hasher::new();
    hasher.update_reader(reader)?;
    Ok(hasher.finalize().to_hex().to_string())
}

/// `bytes` as lower-case hexadecimal (`0a1b…`).
pub fn hex<'a>(bytes: impl IntoIterator<Item = &'a u8>) -> String {
    bytes.into_iter().fold(String::new(), |mut hex, b| {
        // Writing to a `String` cannot fail.
        let _ = write!(hex, "{b:02x}");
        hex
    })
}

/// A writer that takes at most [`TEMPLATE_OUTPUT_BYTES`] bytes.
struct Bounded {
    bytes: Vec<u8>,
    over: bool,
}

impl std::io::Write for Bounded {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.bytes.len().saturating_add(buf.len()) > TEMPLATE_OUTPUT_BYTES {
            self.over = true;
            return Err(std::io::Error::other("output limit"));
        }
        self.bytes.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Renders template `name` with `ctx` within [`TEMPLATE_FUEL`] and [`TEMPLATE_OUTPUT_BYTES`].
pub(crate) fn render_template(
    env: &Environment<'_>,
    name: &str,
    ctx: Value,
) -> Result<String, RenderError> {
    let err = |source: minijinja::Error| {
        if source.kind() == minijinja::ErrorKind::OutOfFuel {
            RenderError::Limit {
                name: name.to_owned(),
                what: format!("it ran past the limit of {TEMPLATE_FUEL} steps"),
            }
        } else {
            RenderError::Template {
                name: name.to_owned(),
                source,
            }
        }
    };
    let template = env.get_template(name).map_err(err)?;
    let mut out = Bounded {
        bytes: Vec::new(),
        over: false,
    };
    let result = template.render_captured_to(ctx, &mut out);
    if out.over {
        return Err(RenderError::Limit {
            name: name.to_owned(),
            what: format!("it wrote more than the limit of {TEMPLATE_OUTPUT_BYTES} bytes"),
        });
    }
    result.map_err(err)?;
    String::from_utf8(out.bytes).map_err(|e| RenderError::Template {
        name: name.to_owned(),
        source: minijinja::Error::new(minijinja::ErrorKind::BadSerialization, e.to_string()),
    })
}

/// Trims trailing spaces and keeps at most one blank line between blocks.
fn tidy_text(text: &str) -> String {
    tidy_within(text, usize::MAX, "").unwrap_or_default()
}

/// The text with trailing spaces cut, runs of blank lines made one and no blank line first or last;
/// in the same pass, refuses a line wider than `limit` columns that is not a lone address (`path`
/// names the file in the error).
fn tidy_within(text: &str, limit: usize, path: &str) -> Result<String, RenderError> {
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    let mut number = 0usize;
    for line in text.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            blank += 1;
            if blank > 1 || out.is_empty() {
                continue;
            }
        } else {
            blank = 0;
            // Only lines kept are counted: the number is the line's in the file written.
            let width = textwrap::core::display_width(line);
            if width > limit && !is_lone_address(line) {
                return Err(RenderError::TooWide {
                    start: line.chars().take(60).collect(),
                    path: path.to_owned(),
                    line: number.saturating_add(1),
                    width,
                    limit,
                });
            }
        }
        number = number.saturating_add(1);
        out.push_str(line);
        out.push('\n');
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mailto_links_encode_what_could_add_a_header() {
        assert_eq!(
            mailto("data.protection@livewest.co.uk"),
            "mailto:data.protection@livewest.co.uk"
        );
        assert_eq!(
            mailto("dpo?bcc=spy%40evil.example&x=1@example.org"),
            "mailto:dpo%3Fbcc%3Dspy%2540evil.example%26x%3D1@example.org"
        );
        assert_eq!(
            mailto("a#b é@example.org"),
            "mailto:a%23b%20%C3%A9@example.org"
        );
    }

    #[test]
    fn wrap_never_exceeds_the_width() {
        let long = "Pneumonoultramicroscopicsilicovolcanoconiosis".repeat(6);
        let text = format!(
            "What you tell us about the support you need, and notes of the support we give {long}"
        );
        for (first, rest) in [("  * ", "    "), ("", ""), ("   ", "     ")] {
            let out = wrap(
                text.clone(),
                Some(TEXT_WIDTH),
                Some(first.into()),
                Some(rest.into()),
            );
            for line in out.lines() {
                assert!(
                    textwrap::core::display_width(line) <= TEXT_WIDTH,
                    "{line:?} is {} wide",
                    textwrap::core::display_width(line)
                );
            }
        }
    }

    #[test]
    fn a_web_address_is_never_broken() {
        let long = format!("https://www.example.org/{}", "a-long-path/".repeat(8));
        let short = "https://example.org/privacy";
        let text =
            format!("Read more at {short} or see {long} for the whole list of what we collect.");
        let out = wrap(text, None, Some("  * ".into()), Some("    ".into()));
        let lines: Vec<&str> = out.lines().collect();
        assert!(lines.iter().any(|l| l.trim() == long), "{out}");
        assert!(out.contains(short), "{out}");
        for line in &lines {
            assert!(
                textwrap::core::display_width(line) <= TEXT_WIDTH || is_lone_address(line),
                "{line:?}"
            );
        }
        assert!(out.starts_with("  * Read more at"), "{out}");
    }
}

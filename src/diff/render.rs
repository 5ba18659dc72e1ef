//! The diff report in its three formats: human (grouped by notice, like the diagnostics), JSON, and
//! Markdown for a pull-request comment.

use std::fmt::Write as _;

use serde_json::json;

use super::{Change, Comparison, Impact, NoticeDiff, Status};
use crate::load::Document;
use crate::suggest::visible;

/// One side of a diff as the report names it.
#[derive(Debug, Clone, Copy)]
pub struct Side<'a> {
    /// What it is (`notices.yaml`, `HEAD~1:notices.yaml`).
    pub label: &'a str,
    /// The parsed file, to turn places into lines.
    pub doc: Option<&'a Document>,
    /// The errors the current schema and checks find in it: a version written against an older schema
    /// still diffs as far as it can be read.
    pub errors: usize,
}

/// Both sides of a diff.
#[derive(Debug, Clone, Copy)]
pub struct Sides<'a> {
    /// The old version.
    pub old: Side<'a>,
    /// The new version.
    pub new: Side<'a>,
}

impl Sides<'_> {
    /// Where a change is, as `file:line:column`.
    fn place(&self, c: &Change) -> String {
        let side = if c.in_old { &self.old } else { &self.new };
        match side.doc.and_then(|d| d.span(&c.pointer)) {
            Some(span) => format!("{}:{}:{}", side.label, span.start.line, span.start.column),
            None => side.label.to_owned(),
        }
    }

    /// The notes that a side does not pass today's checks.
    fn schema_notes(&self) -> Vec<String> {
        [("old", &self.old), ("new", &self.new)]
            .into_iter()
            .filter(|(_, s)| s.errors > 0)
            .map(|(which, s)| {
                format!(
                    "the {which} version, {}, has {} error(s) under this version of noticec (an older schema, or problems in it): the diff compares what can be read, and fields it does not know are compared as wording",
                    s.label, s.errors
                )
            })
            .collect()
    }
}

fn verdict(cmp: &Comparison) -> &'static str {
    match cmp.impact() {
        Some(Impact::Reconsent) => {
            "consent must be asked for again before the changes marked `reconsent` apply, and people told before the ones marked `notify` apply"
        }
        Some(Impact::Notify) => "people must be told before the changes marked `notify` apply",
        Some(Impact::Editorial) => "editorial changes only: nothing people must be told in advance",
        None => "no change in meaning",
    }
}

fn counts_line(cmp: &Comparison) -> String {
    let counts = cmp.counts();
    let mut parts = Vec::new();
    for impact in [Impact::Reconsent, Impact::Notify, Impact::Editorial] {
        if let Some(n) = counts.get(&impact) {
            parts.push(format!("{n} {}", impact.as_str()));
        }
    }
    if parts.is_empty() {
        return "no changes".into();
    }
    let notices = cmp.notices.len();
    format!(
        "{} in {notices} notice{}",
        parts.join(", "),
        if notices == 1 { "" } else { "s" }
    )
}

fn from_to(pair: &(Option<String>, Option<String>)) -> Option<String> {
    match pair {
        (None, None) => None,
        (a, b) if a == b => a.clone(),
        (a, b) => Some(format!(
            "{} → {}",
            a.as_deref().unwrap_or("none"),
            b.as_deref().unwrap_or("none")
        )),
    }
}

fn notice_heading(n: &NoticeDiff) -> String {
    let mut head = format!("notice `{}` ({})", n.id, n.title);
    let mut meta = Vec::new();
    if let Some(v) = from_to(&n.version) {
        meta.push(format!("version {v}"));
    }
    if let Some(d) = from_to(&n.last_updated) {
        meta.push(format!("last updated {d}"));
    }
    if n.status != Status::Compared {
        meta.insert(0, format!("{:?}", n.status).to_lowercase());
    }
    if !meta.is_empty() {
        let _ = write!(head, ": {}", meta.join(", "));
    }
    head
}

/// The human report: grouped by notice, each change with its class, place, reasons and provision.
pub fn human(cmp: &Comparison, sides: &Sides<'_>, color: bool) -> String {
    let paint = |code: &str, text: &str| {
        if color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    };
    let mut out = String::new();
    for note in sides.schema_notes() {
        let _ = writeln!(out, "{}: {}\n", paint("1;33", "note"), one_line(&note));
    }
    for n in &cmp.notices {
        let _ = writeln!(out, "{}", paint("1", &one_line(&notice_heading(n))));
        for c in &n.changes {
            let style = match c.kind.impact {
                Impact::Reconsent => "1;31",
                Impact::Notify => "1;33",
                Impact::Editorial => "1;36",
            };
            let head = format!("{}[{}]", c.kind.impact.as_str(), c.kind.code);
            let _ = writeln!(
                out,
                "{}: {}",
                paint(style, &head),
                one_line(&format!("{}: {}", c.subject, c.detail))
            );
            let _ = writeln!(
                out,
                "  {} {}",
                paint("1;34", "-->"),
                one_line(&sides.place(c))
            );
            if c.kind.impact.is_material() {
                let _ = writeln!(out, "   {} {}", paint("1", "= why:"), c.kind.why);
                let _ = writeln!(out, "   {} {}", paint("1", "= rests on:"), c.kind.rests_on);
            }
        }
        out.push('\n');
    }
    let _ = writeln!(
        out,
        "{}: {} ({}); {}",
        paint("1", "summary"),
        counts_line(cmp),
        one_line(&format!("{} → {}", sides.old.label, sides.new.label)),
        verdict(cmp)
    );
    if let Some(first) = cmp.notices.iter().flat_map(|n| n.changes.first()).next() {
        let _ = writeln!(
            out,
            "  = help: `noticec explain {}` explains a kind of change and what it rests on",
            first.kind.code
        );
    }
    out
}

/// The JSON report.
pub fn json(cmp: &Comparison, sides: &Sides<'_>) -> String {
    let place = |c: &Change| {
        let side = if c.in_old { &sides.old } else { &sides.new };
        let span = side.doc.and_then(|d| d.span(&c.pointer));
        json!({
            "file": side.label,
            "side": if c.in_old { "old" } else { "new" },
            "pointer": c.pointer,
            "line": span.map(|s| s.start.line),
            "column": span.map(|s| s.start.column),
        })
    };
    let notices: Vec<_> = cmp
        .notices
        .iter()
        .map(|n| {
            json!({
                "id": n.id,
                "title": n.title,
                "status": n.status,
                "version": { "old": n.version.0, "new": n.version.1 },
                "last_updated": { "old": n.last_updated.0, "new": n.last_updated.1 },
                "impact": n.impact(),
                "changes": n.changes.iter().map(|c| json!({
                    "code": c.kind.code,
                    "kind": c.kind.name,
                    "item": c.kind.item,
                    "impact": c.kind.impact,
                    "subject": c.subject,
                    "detail": c.detail,
                    "why": c.kind.why,
                    "rests_on": c.kind.rests_on,
                    "location": place(c),
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let counts = cmp.counts();
    let value = json!({
        "old": { "label": sides.old.label, "errors": sides.old.errors },
        "new": { "label": sides.new.label, "errors": sides.new.errors },
        "impact": cmp.impact(),
        "counts": {
            "reconsent": counts.get(&Impact::Reconsent).copied().unwrap_or(0),
            "notify": counts.get(&Impact::Notify).copied().unwrap_or(0),
            "editorial": counts.get(&Impact::Editorial).copied().unwrap_or(0),
        },
        "notices": notices,
    });
    // JSON may carry DEL, the C1 controls and the bidirectional characters raw; they are escaped.
    let mut text = crate::suggest::json_escape_hidden(
        serde_json::to_string_pretty(&value).unwrap_or_default(),
    );
    text.push('\n');
    text
}

/// Text for a Markdown table cell: on one line, hidden characters shown as escapes, no code marks
/// (text from the notices could close one), and the characters that make markup within a line escaped
/// (`:` and `www.` too, which GitHub turns into links), so that no text from the notices becomes a
/// link, an image, a mention or markup.
fn cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in one_line(text).replace("www.", "www\\.").chars() {
        match c {
            '`' => {}
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '@' => out.push_str("&#64;"),
            '\\' | '|' | '*' | '_' | '[' | ']' | '!' | '#' | '~' | ':' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// Text on one line, with hidden characters shown as escapes: a line break in a value could otherwise
/// start a line of its own that looks like part of the report.
fn one_line(text: &str) -> String {
    visible(&text.replace(['\r', '\n'], " ")).into_owned()
}

/// noticec's own words for a table cell (a label, a reason): on one line, `|` escaped.
fn own(text: &str) -> String {
    one_line(text).replace('|', "\\|")
}

/// The Markdown report, for a pull-request comment: a table per notice.
pub fn markdown(cmp: &Comparison, sides: &Sides<'_>) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "## Privacy notice changes: {}\n",
        cell(&format!("{} → {}", sides.old.label, sides.new.label))
    );
    let _ = writeln!(out, "**{}**: {}.\n", counts_line(cmp), verdict(cmp));
    for note in sides.schema_notes() {
        let _ = writeln!(out, "> **Note:** {}\n", cell(&note));
    }
    for n in &cmp.notices {
        let _ = writeln!(out, "### {}\n", cell(&notice_heading(n)));
        let _ = writeln!(out, "| Item | Change | Class | Why |");
        let _ = writeln!(out, "|---|---|---|---|");
        for c in &n.changes {
            let why = if c.kind.impact.is_material() {
                format!("{} ({})", c.kind.why, c.kind.rests_on)
            } else {
                c.kind.why.to_owned()
            };
            let _ = writeln!(
                out,
                "| {} | {}: {} | **{}** `{}` | {} |",
                own(c.kind.item.label()),
                cell(&c.subject),
                cell(&c.detail),
                c.kind.impact.as_str(),
                c.kind.code,
                own(&why),
            );
        }
        out.push('\n');
    }
    out
}

//! Stage 1, load: read a notices file and parse its YAML into a JSON tree plus a map from each node's
//! JSON pointer to its place in the file.
//!
//! Parsing uses the event stream of `saphyr-parser` (the maintained successor of yaml-rust) rather than a
//! serde deserializer, because every later diagnostic must point at the node it is about. Only the plain
//! data subset of YAML is accepted: one document, no tags, no anchors or aliases, no duplicate keys,
//! string keys, scalars resolved by the YAML 1.2 core schema. Input size and nesting depth are bounded,
//! so hostile files (alias bombs, deep nesting, huge lines) are refused quickly.

// Positions and sizes here come from the input: arithmetic on them is checked or saturating.
#![deny(clippy::arithmetic_side_effects)]

use std::borrow::Cow;
use std::fmt::Write as _;

use saphyr_parser::{Event, Parser, ScalarStyle, ScanError};
use serde_json::{Map, Number, Value};

use crate::diagnostics::{Code, Diagnostic, Span};

mod split;

/// Limits on what a notices file may contain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
    /// Where each node was when the text was parsed, found by JSON pointer (`/notices/0/title`).
    /// Asked through the document ([`Document::span`] and the rest), which moves them with the
    /// notices replaced since ([`Document::replace_notice`]).
    spans: Spans,
    /// The byte offset in `text` where each line starts, for quoting a value as written.
    line_starts: Vec<usize>,
    /// The notices placed on their own: those replaced since the parse
    /// ([`Document::replace_notice`]), with where the places of `spans` moved, or every notice of
    /// a file parsed on every core, whose `spans` hold only the places outside the list. None
    /// until a notice is replaced, for a file parsed whole.
    edits: Option<Box<Edits>>,
}

impl Document {
    /// The place of the node at `pointer`, or of its nearest ancestor that has one.
    pub fn span(&self, pointer: &str) -> Option<Span> {
        self.node(pointer).map(|n| n.value)
    }

    /// Whether the node at `pointer` exactly is a single value, not a mapping or a list; `None` when
    /// there is no node there.
    pub fn is_scalar(&self, pointer: &str) -> Option<bool> {
        match self.find(pointer) {
            Some((_, true, kind)) => Some(kind == SCALAR),
            _ => None,
        }
    }

    /// The place of the key of the node at `pointer`, falling back to the value, then the ancestors.
    pub fn key_span(&self, pointer: &str) -> Option<Span> {
        self.node(pointer).map(|n| n.key.unwrap_or(n.value))
    }

    /// The value at `pointer` as written in the file, when it is a plain value on one line: `1.10`
    /// where the data holds the number 1.1, so that a "quote it" help quotes what the user wrote.
    pub fn written(&self, pointer: &str) -> Option<&str> {
        let span = self.find(pointer).filter(|(_, exact, _)| *exact)?.0.value;
        if span.start.line != span.end.line || span.end.column <= span.start.column {
            return None;
        }
        let from = *self.line_starts.get(span.start.line.checked_sub(1)?)?;
        let line = self.text.get(from..)?;
        let line = line.split('\n').next().unwrap_or(line);
        let byte = |column: usize| {
            line.char_indices()
                .map(|(i, _)| i)
                .chain(std::iter::once(line.len()))
                .nth(column.checked_sub(1)?)
        };
        line.get(byte(span.start.column)?..byte(span.end.column)?)
            .map(str::trim_end)
    }

    fn node(&self, pointer: &str) -> Option<NodeSpan> {
        self.find(pointer).map(|(node, _, _)| node)
    }

    /// The byte in the text at a line and character column.
    fn byte_at(&self, pos: crate::diagnostics::Pos) -> Option<usize> {
        let from = *self.line_starts.get(pos.line.checked_sub(1)?)?;
        let line = self.text.get(from..)?;
        let line = line.split('\n').next().unwrap_or(line);
        let within = line
            .char_indices()
            .map(|(i, _)| i)
            .chain(std::iter::once(line.len()))
            .nth(pos.column.saturating_sub(1))
            .unwrap_or(line.len());
        from.checked_add(within)
    }

    /// The deepest node on the way to `pointer` (its place, moved by the edits since the parse),
    /// whether it is the node at `pointer` itself, and what it is.
    fn find(&self, pointer: &str) -> Option<(NodeSpan, bool, u8)> {
        let Some(edits) = self.edits.as_deref() else {
            return self.spans.find(pointer);
        };
        if let Some((at, rest)) = notice_pointer(pointer)
            && let Some(item) = edits.items.get(at)
        {
            let found = match &item.own {
                // Its own places are rooted at a list of the one notice.
                Some(own) => own.find(&format!("/0{rest}")),
                None => self.spans.find(pointer),
            };
            return found
                .map(|(node, exact, kind)| (shift_node(node, |_| item.shift), exact, kind));
        }
        // Outside the notices: a place after the list moves with every notice before it.
        self.spans.find(pointer).map(|(node, exact, kind)| {
            let moved = shift_node(node, |line| {
                if line >= edits.list_end_line {
                    edits.trailer
                } else {
                    0
                }
            });
            (moved, exact, kind)
        })
    }

    /// Replaces the text of the document with `text`, which differs from it only inside one notice of
    /// the list, and parses that notice alone: returns its place in the list and its tree, or `None`
    /// when the change is not inside one notice or the notice does not parse alone as exactly one item
    /// of the list (the caller then parses the whole file), and the document is as it was. The places
    /// of the nodes after the notice move with the lines added or removed; the document's `value`,
    /// when it holds the tree, gets the new notice.
    ///
    /// The notices are the items of a block list, and the file holds no anchors: after a whole item,
    /// the parser's state is the same whatever came before, so an item parsed alone gives the nodes
    /// the whole file would give.
    pub fn replace_notice(&mut self, text: String, limits: &Limits) -> Option<(usize, Value)> {
        if self.edits.is_none() {
            self.edits = Some(Box::new(Edits::new(self)?));
        }
        let (at, item, mut spans, change) =
            self.parse_change(self.edits.as_deref()?, &text, limits)?;
        let size = |n: usize| isize::try_from(n).unwrap_or(isize::MAX);
        let bytes = size(text.len()).saturating_sub(size(self.text.len()));
        let starts = self.moved_line_starts(&text, change)?;
        let lines = size(starts.len()).saturating_sub(size(self.line_starts.len()));
        // Alone, the item (and any of its last fields that is a list or mapping) ends where the text
        // ends; in the file, where the next item or the list's end starts, the lines moved.
        let old_end = self.span(&format!("/notices/{at}"))?.end;
        let end = crate::diagnostics::Pos {
            line: old_end.line.saturating_add_signed(lines),
            column: old_end.column,
        };
        if let Some(alone) = spans.get("") {
            spans.move_ends(alone.value.end, end);
        }
        self.text = text;
        self.line_starts = starts;
        let edits = self.edits.as_deref_mut()?;
        let mut own = Some(spans);
        for (j, entry) in edits.items.iter_mut().enumerate() {
            if j == at {
                entry.own = own.take();
                entry.shift = 0;
            } else if j > at {
                entry.shift = entry.shift.saturating_add(lines);
                entry.start = entry.start.saturating_add_signed(bytes);
            }
        }
        edits.end = edits.end.saturating_add_signed(bytes);
        edits.trailer = edits.trailer.saturating_add(lines);
        if let Some(slot) = self.value.get_mut("notices").and_then(|n| n.get_mut(at)) {
            *slot = item.clone();
        }
        Some((at, item))
    }

    /// The notice `text` changes, and that notice parsed alone (its places in the lines of `text`);
    /// see [`Document::replace_notice`].
    fn parse_change(
        &self,
        edits: &Edits,
        text: &str,
        limits: &Limits,
    ) -> Option<(usize, Value, Spans, Change)> {
        let old = self.text.as_bytes();
        let new = text.as_bytes();
        let prefix = common_prefix(old, new);
        let room = old.len().min(new.len()).saturating_sub(prefix);
        let suffix = common_suffix(old.get(prefix..)?, new.get(prefix..)?).min(room);
        let changed_end = old.len().saturating_sub(suffix);
        // The last notice starting at or before the change, which must end at or after it.
        let at = edits
            .items
            .partition_point(|item| item.start <= prefix)
            .checked_sub(1)?;
        let start = edits.items.get(at)?.start;
        let end = edits
            .items
            .get(at.saturating_add(1))
            .map_or(edits.end, |next| next.start);
        if changed_end > end {
            return None;
        }
        let new_end = end.checked_add(new.len())?.checked_sub(old.len())?;
        let first_line = old.get(..start)?.iter().filter(|&&b| b == b'\n').count();
        let (item, spans) = parse_item(text.get(start..new_end)?, first_line, limits)?;
        let change = Change {
            from: prefix,
            old_to: changed_end,
            new_to: new.len().saturating_sub(suffix),
        };
        Some((at, item, spans, change))
    }

    /// Where each line of `text` starts, `text` being the document's text with the bytes of
    /// `change` replaced: the lines before the change are as they were, and those after it moved.
    fn moved_line_starts(&self, text: &str, change: Change) -> Option<Vec<usize>> {
        let old = &self.line_starts;
        // A line starts after a line break: those before the change and after it are unchanged.
        let before = old.partition_point(|&s| s <= change.from);
        let after = old.partition_point(|&s| s <= change.old_to);
        let delta = change.new_to.checked_sub(change.from)?;
        let mut starts = Vec::with_capacity(old.len());
        starts.extend_from_slice(old.get(..before)?);
        starts.extend(
            text.get(change.from..change.new_to)?
                .match_indices('\n')
                .map(|(i, _)| change.from.saturating_add(i).saturating_add(1)),
        );
        let removed = change.old_to.checked_sub(change.from)?;
        starts.extend(
            old.get(after..)?
                .iter()
                .map(|&s| s.saturating_add(delta).saturating_sub(removed)),
        );
        Some(starts)
    }
}

/// The bytes a new text of a document replaced: `from..old_to` of the old text, `from..new_to` of
/// the new.
#[derive(Debug, Clone, Copy)]
struct Change {
    from: usize,
    old_to: usize,
    new_to: usize,
}

/// How many bytes `a` and `b` start with in common; a page at a time where they agree.
fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    const PAGE: usize = 4096;
    let mut same = 0usize;
    while let (Some(x), Some(y)) = (
        a.get(same..same.saturating_add(PAGE)),
        b.get(same..same.saturating_add(PAGE)),
    ) && x == y
    {
        same = same.saturating_add(PAGE);
    }
    let (a, b) = (
        a.get(same..).unwrap_or_default(),
        b.get(same..).unwrap_or_default(),
    );
    same.saturating_add(a.iter().zip(b).take_while(|(x, y)| x == y).count())
}

/// How many bytes `a` and `b` end with in common.
fn common_suffix(a: &[u8], b: &[u8]) -> usize {
    const PAGE: usize = 4096;
    // The page that ends `same` bytes before the end.
    let page = |s: &[u8], same: usize| -> Option<(usize, usize)> {
        let end = s.len().checked_sub(same)?;
        Some((end.checked_sub(PAGE)?, end))
    };
    let mut same = 0usize;
    while let (Some((x0, x1)), Some((y0, y1))) = (page(a, same), page(b, same))
        && a.get(x0..x1) == b.get(y0..y1)
    {
        same = same.saturating_add(PAGE);
    }
    let a = a.get(..a.len().saturating_sub(same)).unwrap_or_default();
    let b = b.get(..b.len().saturating_sub(same)).unwrap_or_default();
    same.saturating_add(
        a.iter()
            .rev()
            .zip(b.iter().rev())
            .take_while(|(x, y)| x == y)
            .count(),
    )
}

/// The notices of a document placed on their own: the edits since its parse (see
/// [`Document::replace_notice`]), or the notices of a file parsed on every core.
#[derive(Debug, Clone)]
struct Edits {
    /// The first line of the parsed file where the list of notices has ended: the places of nodes
    /// outside the list at or after it move by `trailer`.
    list_end_line: usize,
    /// How many lines the edits added (or, below zero, removed).
    trailer: isize,
    /// Each notice, in the list's order.
    items: Vec<Item>,
    /// The byte in the text where the text of the last notice ends (the list's end).
    end: usize,
}

/// One notice of a document whose notices are placed on their own.
#[derive(Debug, Clone)]
struct Item {
    /// The byte in the text where the notice's first line starts.
    start: usize,
    /// How many lines its places (the parse's, or its own) have moved since they were found.
    shift: isize,
    /// Its own places, when it was replaced or parsed alone: a list of the one notice.
    own: Option<Spans>,
}

impl Edits {
    /// Where the notices of a parsed document are, when the list of notices is a list whose items
    /// each start on a line of their own; `None` otherwise.
    fn new(doc: &Document) -> Option<Self> {
        let spans = &doc.spans;
        let (list, true) = spans.walk("/notices") else {
            return None;
        };
        let list = list?;
        if spans.kind(list) != LIST {
            return None;
        }
        let mut items = Vec::with_capacity(spans.children_of(list).len());
        let mut last_line = 0;
        for &id in spans.children_of(list) {
            let line = spans.nodes.get(id)?.unpack().value.start.line;
            if line <= last_line {
                return None;
            }
            last_line = line;
            items.push(Item {
                start: *doc.line_starts.get(line.checked_sub(1)?)?,
                shift: 0,
                own: None,
            });
        }
        let end = spans.nodes.get(list)?.unpack().value.end;
        let end_byte = doc.byte_at(end)?;
        if items.last().is_some_and(|item| item.start > end_byte) {
            return None;
        }
        Some(Edits {
            list_end_line: end.line,
            trailer: 0,
            items,
            end: end_byte,
        })
    }
}

/// The place of the notice a pointer lies in (`/notices/3/title` → 3) and the rest of the pointer
/// (`/title`).
fn notice_pointer(pointer: &str) -> Option<(usize, &str)> {
    let rest = pointer.strip_prefix("/notices/")?;
    let (index, rest) = rest.find('/').map_or((rest, ""), |at| rest.split_at(at));
    let plain = !index.is_empty()
        && index.bytes().all(|b| b.is_ascii_digit())
        && (index == "0" || !index.starts_with('0'));
    Some((index.parse().ok().filter(|_| plain)?, rest))
}

/// A node's place moved by the lines `shift` gives for each line.
fn shift_node(node: NodeSpan, shift: impl Fn(usize) -> isize) -> NodeSpan {
    let pos = |p: crate::diagnostics::Pos| crate::diagnostics::Pos {
        line: p.line.saturating_add_signed(shift(p.line)),
        column: p.column,
    };
    let span = |s: Span| Span {
        start: pos(s.start),
        end: pos(s.end),
    };
    NodeSpan {
        value: span(node.value),
        key: node.key.map(span),
    }
}

/// The byte offset where each line of `text` starts.
fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i.saturating_add(1)))
        .collect()
}

/// The place of every node, kept as a tree of path segments rather than one full JSON pointer per node,
/// so that the memory it takes grows with the size of the file, not with the square of its depth. The
/// segments are in one buffer and each node's children in one array of node numbers, so a node costs
/// no allocation of its own.
///
/// Nodes are stored as the parser meets them, each with its parent; the children are put together
/// once the tree is complete: a list's items in order, found by their index, and a mapping's keys
/// sorted, found by a binary search. (A hash table filled during the parse cost a cache miss per
/// node: a fifth of the parse of ten thousand notices.)
#[derive(Clone, Default)]
pub(crate) struct Spans {
    /// Each node's place; the root is the first.
    nodes: Vec<Packed>,
    /// Each node's parent (the root's is itself) and where its segment starts in `segments` (it ends
    /// where the next node's starts).
    links: Vec<(usize, usize)>,
    /// What each node is: [`SCALAR`], [`MAPPING`] or [`LIST`].
    kinds: Vec<u8>,
    /// Every node's unescaped segment (a key, or a list index in decimal), one after another.
    segments: String,
    /// Where each node's children start in `children`, and one past the last node, where they end;
    /// empty until [`Spans::finish`].
    starts: Vec<usize>,
    /// The children of every node, node after node.
    children: Vec<usize>,
}

/// In [`Spans::kinds`]: the node is a single value.
const SCALAR: u8 = 0;
/// In [`Spans::kinds`]: the node is a mapping (its children's segments are keys).
const MAPPING: u8 = 1;
/// In [`Spans::kinds`]: the node is a list (its children's segments are their indices).
const LIST: u8 = 2;

impl std::fmt::Debug for Spans {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Spans")
            .field("nodes", &self.nodes.len())
            .finish_non_exhaustive()
    }
}

/// About how many bytes of YAML make one node, a little less than the example notices and ten thousand
/// generated ones take (44), so that the place tables are sized once for a usual file instead of grown
/// (copied) twenty times; room made and not used costs only address space.
const BYTES_PER_NODE: usize = 40;

/// The most nodes room is made for at the start (about 200 MB of YAML, twice the largest file
/// measured, ten thousand notices): a larger file grows its tables, and a file of one huge value does
/// not reserve memory in proportion to it. Until a node is stored, the room costs only address space.
const MAX_NODES_RESERVED: usize = 1 << 22;

/// A [`NodeSpan`] in 32 bytes instead of 72: ten thousand notices have two million nodes. Lines and
/// columns are 32-bit (one past 4,294,967,295, far beyond any file the limits accept, is stored as
/// that), and a key whose line is 0 (lines count from 1) is none.
#[derive(Clone, Copy)]
struct Packed([u32; 8]);

impl Packed {
    fn new(node: NodeSpan) -> Self {
        let n = |x: usize| u32::try_from(x).unwrap_or(u32::MAX);
        let key = node.key.map_or([0; 4], |k| {
            [
                n(k.start.line),
                n(k.start.column),
                n(k.end.line),
                n(k.end.column),
            ]
        });
        let v = node.value;
        Packed([
            n(v.start.line),
            n(v.start.column),
            n(v.end.line),
            n(v.end.column),
            key[0],
            key[1],
            key[2],
            key[3],
        ])
    }

    fn unpack(self) -> NodeSpan {
        let [a, b, c, d, e, f, g, h] = self.0.map(|x| usize::try_from(x).unwrap_or(usize::MAX));
        let span = |start_line, start_column, end_line, end_column| Span {
            start: crate::diagnostics::Pos {
                line: start_line,
                column: start_column,
            },
            end: crate::diagnostics::Pos {
                line: end_line,
                column: end_column,
            },
        };
        NodeSpan {
            value: span(a, b, c, d),
            key: (e != 0).then(|| span(e, f, g, h)),
        }
    }
}

impl Spans {
    /// Empty, with room for `nodes` nodes.
    fn with_capacity(nodes: usize) -> Self {
        Spans {
            nodes: Vec::with_capacity(nodes),
            links: Vec::with_capacity(nodes),
            kinds: Vec::with_capacity(nodes),
            segments: String::with_capacity(nodes.saturating_mul(4)),
            starts: Vec::new(),
            children: Vec::new(),
        }
    }

    /// The segment of node `id`.
    fn segment(&self, id: usize) -> &str {
        let start = self.links.get(id).map_or(0, |l| l.1);
        let end = self
            .links
            .get(id.saturating_add(1))
            .map_or(self.segments.len(), |l| l.1);
        self.segments.get(start..end).unwrap_or_default()
    }

    /// The children of node `id`: empty before [`Spans::finish`].
    fn children_of(&self, id: usize) -> &[usize] {
        let (Some(&start), Some(&end)) =
            (self.starts.get(id), self.starts.get(id.saturating_add(1)))
        else {
            return &[];
        };
        self.children.get(start..end).unwrap_or_default()
    }

    /// The child of `parent` with `segment`.
    fn child(&self, parent: usize, segment: &str) -> Option<usize> {
        if self.starts.is_empty() {
            // The tree is still being read (a duplicate key is being reported): the children are
            // not put together yet, and come after their parent.
            return (parent.saturating_add(1)..self.links.len()).find(|&id| {
                self.links.get(id).is_some_and(|l| l.0 == parent) && self.segment(id) == segment
            });
        }
        let children = self.children_of(parent);
        if self.kind(parent) == LIST {
            // An index as `add` writes it: decimal digits, no leading zero.
            let plain = segment.bytes().all(|b| b.is_ascii_digit())
                && (segment == "0" || !segment.starts_with('0'));
            let index: usize = segment.parse().ok().filter(|_| plain)?;
            return children.get(index).copied();
        }
        let at = children.partition_point(|&id| self.segment(id) < segment);
        children
            .get(at)
            .copied()
            .filter(|&id| self.segment(id) == segment)
    }

    /// What node `id` is: [`SCALAR`], [`MAPPING`] or [`LIST`].
    fn kind(&self, id: usize) -> u8 {
        self.kinds.get(id).copied().unwrap_or(SCALAR)
    }

    /// Adds a node under `parent` (none for the root), of `kind` ([`SCALAR`], [`MAPPING`], [`LIST`]),
    /// its segment written by `segment`, and returns its index.
    fn add(
        &mut self,
        parent: Option<usize>,
        kind: u8,
        segment: impl FnOnce(&mut String),
        span: NodeSpan,
    ) -> usize {
        let id = self.nodes.len();
        self.nodes.push(Packed::new(span));
        self.links.push((parent.unwrap_or(id), self.segments.len()));
        self.kinds.push(kind);
        segment(&mut self.segments);
        id
    }

    /// Puts each node's children together, once every node is added: a list's items in order, a
    /// mapping's keys sorted (keys written twice, which the parse refuses, in file order).
    fn finish(&mut self) {
        let count = self.nodes.len();
        let mut starts = vec![0usize; count.saturating_add(1)];
        for (id, &(parent, _)) in self.links.iter().enumerate() {
            if parent != id
                && let Some(n) = starts.get_mut(parent.saturating_add(1))
            {
                *n = n.saturating_add(1);
            }
        }
        let mut total = 0usize;
        for n in &mut starts {
            total = total.saturating_add(*n);
            *n = total;
        }
        let mut next = starts.clone();
        let mut children = vec![0usize; total];
        for (id, &(parent, _)) in self.links.iter().enumerate() {
            if parent == id {
                continue;
            }
            if let Some(at) = next.get_mut(parent)
                && let Some(slot) = children.get_mut(*at)
            {
                *slot = id;
                *at = at.saturating_add(1);
            }
        }
        drop(next);
        for (id, window) in starts.windows(2).enumerate() {
            let [start, end] = *window else { continue };
            if self.kind(id) == MAPPING
                && let Some(keys) = children.get_mut(start..end)
            {
                keys.sort_by(|&a, &b| self.segment(a).cmp(self.segment(b)));
            }
        }
        self.starts = starts;
        self.children = children;
    }

    /// The deepest node on the way to `pointer`, whether it is the node at `pointer` itself, and
    /// what it is.
    fn find(&self, pointer: &str) -> Option<(NodeSpan, bool, u8)> {
        let (id, exact) = self.walk(pointer);
        let id = id?;
        Some((self.nodes.get(id)?.unpack(), exact, self.kind(id)))
    }

    /// Removes the last node added, returning its parent and what it is; before [`Spans::finish`].
    fn pop(&mut self) -> Option<(usize, u8)> {
        let (parent, segment) = self.links.pop()?;
        self.nodes.pop();
        self.segments.truncate(segment);
        Some((parent, self.kinds.pop()?))
    }

    /// Makes node `id` a list at `span`, its key left as it is.
    fn set_list(&mut self, id: usize, span: Span) {
        if let (Some(packed), Some(kind)) = (self.nodes.get_mut(id), self.kinds.get_mut(id)) {
            let mut node = packed.unpack();
            node.value = span;
            *packed = Packed::new(node);
            *kind = LIST;
        }
    }

    /// Moves the ends of the nodes that end at `from` to `to`.
    fn move_ends(&mut self, from: crate::diagnostics::Pos, to: crate::diagnostics::Pos) {
        for packed in &mut self.nodes {
            let mut node = packed.unpack();
            if node.value.end == from {
                node.value.end = to;
                *packed = Packed::new(node);
            }
        }
    }

    /// The node at `pointer` exactly.
    fn get(&self, pointer: &str) -> Option<NodeSpan> {
        let (found, rest) = self.walk(pointer);
        rest.then_some(())
            .and(found.and_then(|id| self.nodes.get(id).map(|p| p.unpack())))
    }

    /// The deepest node on the way to `pointer`, and whether it is the node at `pointer` itself.
    fn walk(&self, pointer: &str) -> (Option<usize>, bool) {
        if self.nodes.is_empty() {
            return (None, false);
        }
        let mut at = 0;
        for segment in pointer.split('/').skip(1) {
            let key = if segment.contains('~') {
                Cow::Owned(segment.replace("~1", "/").replace("~0", "~"))
            } else {
                Cow::Borrowed(segment)
            };
            match self.child(at, &key) {
                Some(child) => at = child,
                None => return (Some(at), false),
            }
        }
        (Some(at), true)
    }
}

/// Decodes and parses a notices file; problems with its content come back as diagnostics.
pub fn parse(source: &SourceFile, limits: &Limits) -> Result<Document, Vec<Diagnostic>> {
    let text = decode(&source.name, &source.bytes)?;
    parse_text(&source.name, text, limits).map_err(|(diagnostics, _)| diagnostics)
}

/// [`parse`], taking the file: its bytes become the document's text without a copy where they need
/// no change (no byte order mark, no `\r`), so that a large file is not held twice. On failure, the
/// diagnostics come back with the decoded text when the file is text, for quoting its lines.
pub fn parse_file(
    source: SourceFile,
    limits: &Limits,
) -> Result<Document, (Vec<Diagnostic>, Option<String>)> {
    let SourceFile { name, bytes } = source;
    let text = decode_owned(&name, bytes).map_err(|diagnostics| (diagnostics, None))?;
    parse_text(&name, text, limits).map_err(|(diagnostics, text)| (diagnostics, Some(text)))
}

/// Parses decoded text; on failure, the diagnostics come back with the text.
fn parse_text(
    file: &str,
    text: String,
    limits: &Limits,
) -> Result<Document, (Vec<Diagnostic>, String)> {
    let line_starts = line_starts(&text);
    if text.len() >= split::SPLIT_FROM_BYTES
        && rayon::current_num_threads() > 1
        && let Some((value, mut spans, edits)) = split::parse(&text, &line_starts, limits)
    {
        spans.finish();
        return Ok(Document {
            file: file.to_owned(),
            text,
            value,
            spans,
            line_starts,
            edits: Some(Box::new(edits)),
        });
    }
    parse_whole(file, text, line_starts, limits)
}

/// [`parse_text`] on one thread, the parser going through the whole file.
fn parse_whole(
    file: &str,
    text: String,
    line_starts: Vec<usize>,
    limits: &Limits,
) -> Result<Document, (Vec<Diagnostic>, String)> {
    let mut builder = Builder {
        file,
        limits,
        stack: Vec::new(),
        spans: Spans::with_capacity((text.len() / BYTES_PER_NODE).min(MAX_NODES_RESERVED)),
        root: None,
        errors: Vec::new(),
    };
    feed(&mut builder, &text, 0);
    if !builder.errors.is_empty() {
        return Err((builder.errors, text));
    }
    match builder.root {
        Some(Value::Null) | None => {
            let d = Diagnostic::error(Code::E003, file, "the file holds no notices")
                .at(Some(Span::point(1, 1)), "")
                .help(HELP_NO_NOTICES);
            Err((vec![d], text))
        }
        Some(value) => Ok(Document {
            spans: {
                let mut spans = builder.spans;
                spans.finish();
                spans
            },
            file: file.to_owned(),
            line_starts,
            edits: None,
            text,
            value,
        }),
    }
}

/// Runs the parser over `text`, handing its events to `builder` with their lines moved down by
/// `first_line`; stops at the first problem, which is in `builder.errors`.
fn feed(builder: &mut Builder<'_>, text: &str, first_line: usize) {
    let file = builder.file;
    let mut parser = Parser::new_from_str(text);
    let mut documents = 0usize;
    while let Some(next) = parser.next_event() {
        let (event, span) = match next {
            Ok(ev) => ev,
            Err(err) => {
                builder.errors.push(syntax_error(file, text, &err));
                break;
            }
        };
        let mut span = to_span(&span);
        if first_line > 0 {
            span.start.line = span.start.line.saturating_add(first_line);
            span.end.line = span.end.line.saturating_add(first_line);
        }
        match event {
            Event::DocumentStart(_) => {
                documents = documents.saturating_add(1);
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
    drop(parser);
}

/// One item of the list of notices parsed alone: `text` is its lines, the first of them line
/// `first_line + 1` of the file. Its tree, and its places as a list of the one item; `None` unless it
/// parses as exactly that (see [`Document::replace_notice`]).
fn parse_item(text: &str, first_line: usize, limits: &Limits) -> Option<(Value, Spans)> {
    let (item, mut spans) = parse_one_item(text, first_line, limits, After::End)?;
    spans.finish();
    Some((item, spans))
}

/// What the parser is shown after an item parsed alone, in place of what follows it in the file.
#[derive(Debug, Clone, Copy)]
enum After {
    /// Nothing: the text ends.
    End,
    /// The text ends with the `-` of the next item (an empty item, which is dropped).
    Item,
    /// The end of the document (`...`) at the start of the next line, shown after the text.
    Key,
}

/// [`parse_item`], the places not yet put together ([`Spans::finish`]), the text ending or followed
/// as `after` says.
fn parse_one_item(
    text: &str,
    first_line: usize,
    limits: &Limits,
    after: After,
) -> Option<(Value, Spans)> {
    // Alone, the item is a level less deep than in the file, under its mapping.
    let limits = Limits {
        max_depth: limits.max_depth.checked_sub(1)?,
        ..*limits
    };
    let shown = match after {
        After::End | After::Item => Cow::Borrowed(text),
        After::Key => Cow::Owned(format!("{text}...\n")),
    };
    let (Value::Array(mut items), mut spans) = parse_part(&shown, first_line, &limits)? else {
        return None;
    };
    drop(shown);
    if let After::Item = after {
        // The empty item shown after it: its value and its node, the last, in the list.
        if items.pop()? != Value::Null || spans.pop()? != (0, SCALAR) {
            return None;
        }
    }
    // The item starts on its first line, as the places of the items of the file were found. Its
    // node is the first after the list's.
    let starts = spans.nodes.get(1)?.unpack().value.start.line;
    let item = items.pop().filter(|_| items.is_empty())?;
    (starts == first_line.saturating_add(1)).then_some((item, spans))
}

/// `text`, a part of a file whose problems the parse of the whole file reports, parsed with its lines
/// moved down by `first_line`: its tree and places (not yet put together); `None` at any problem, or
/// when it leaves a list or mapping open.
fn parse_part(text: &str, first_line: usize, limits: &Limits) -> Option<(Value, Spans)> {
    let mut builder = Builder {
        file: "",
        limits,
        stack: Vec::new(),
        spans: Spans::with_capacity(text.len() / BYTES_PER_NODE),
        root: None,
        errors: Vec::new(),
    };
    feed(&mut builder, text, first_line);
    if !builder.errors.is_empty() || !builder.stack.is_empty() {
        return None;
    }
    Some((builder.root?, builder.spans))
}

/// The text of a notices file as [`parse`] reads it (without a byte order mark, line breaks made
/// `\n`), when it is UTF-8 text without NUL characters; `None` otherwise ([`parse`] says why).
pub fn text(source: &SourceFile) -> Option<String> {
    decode(&source.name, &source.bytes).ok()
}

/// The byte order mark a UTF-8 file may start with.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Checks the bytes are UTF-8 text without NUL characters, dropping a byte order mark.
fn decode(file: &str, bytes: &[u8]) -> Result<String, Vec<Diagnostic>> {
    let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| not_utf8(file, bytes, &e))?;
    no_nul(file, text)?;
    Ok(normalize_line_breaks(text))
}

/// [`decode`], taking the bytes: they become the text as they are unless they hold a `\r`.
fn decode_owned(file: &str, mut bytes: Vec<u8>) -> Result<String, Vec<Diagnostic>> {
    if bytes.starts_with(BOM) {
        bytes.drain(..BOM.len());
    }
    let text =
        String::from_utf8(bytes).map_err(|e| not_utf8(file, e.as_bytes(), &e.utf8_error()))?;
    no_nul(file, &text)?;
    Ok(if text.contains('\r') {
        normalize_line_breaks(&text)
    } else {
        text
    })
}

/// The error for bytes (after any byte order mark) that are not UTF-8.
fn not_utf8(file: &str, bytes: &[u8], e: &std::str::Utf8Error) -> Vec<Diagnostic> {
    let good = e.valid_up_to();
    let (line, column) = line_col(bytes.get(..good).unwrap_or_default());
    let bad = bytes.get(good).copied().unwrap_or(0);
    vec![
        Diagnostic::error(
            Code::E002,
            file,
            format!("the file is not UTF-8 text (byte 0x{bad:02X} at offset {good})"),
        )
        .at(Some(Span::point(line, column)), "invalid byte here")
        .help("save the file as UTF-8"),
    ]
}

/// The error for text that holds a NUL character.
fn no_nul(file: &str, text: &str) -> Result<(), Vec<Diagnostic>> {
    match text.find('\0') {
        Some(at) => {
            let (line, column) = line_col(text.as_bytes().get(..at).unwrap_or_default());
            Err(vec![
                Diagnostic::error(Code::E002, file, "the file contains a NUL character")
                    .at(Some(Span::point(line, column)), "NUL here")
                    .help(HELP_NUL),
            ])
        }
        None => Ok(()),
    }
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

/// The 1-based line and character column just after `prefix`, counting `\r\n`, a lone `\r` and `\n`
/// each as one line break, as YAML does.
fn line_col(prefix: &[u8]) -> (usize, usize) {
    let text = normalize_line_breaks(&String::from_utf8_lossy(prefix));
    let line = text.matches('\n').count().saturating_add(1);
    let column = text
        .rsplit('\n')
        .next()
        .map_or(0, |l| l.chars().count())
        .saturating_add(1);
    (line, column)
}

fn to_span(span: &saphyr_parser::Span) -> Span {
    let p = |m: &saphyr_parser::Marker| crate::diagnostics::Pos {
        line: m.line().max(1),
        column: m.col().saturating_add(1),
    };
    Span {
        start: p(&span.start),
        end: p(&span.end),
    }
}

fn syntax_error(file: &str, text: &str, err: &ScanError) -> Diagnostic {
    let m = err.marker();
    let info = err.info();
    let (mut line, mut column) = (m.line().max(1), m.col().saturating_add(1));
    // At the end of input the scanner reports a place after the last character; point just after the
    // last line that has any text.
    let lines: Vec<&str> = text.split('\n').collect();
    let last = lines
        .iter()
        .rposition(|l| !l.trim().is_empty())
        .map_or(1, |i| i.saturating_add(1));
    if line > last {
        line = last;
        column = lines
            .get(last.saturating_sub(1))
            .map_or(0, |l| l.trim_end().chars().count())
            .saturating_add(1);
    }
    if info.contains("simple key expect") {
        // The scanner notices the missing `:` at the next token, often on a later line; the key that
        // lacks it starts the last line with text before that token.
        let before = |n: usize| -> String {
            let l = lines.get(n.saturating_sub(1)).copied().unwrap_or_default();
            let keep = if n == line {
                column.saturating_sub(1)
            } else {
                usize::MAX
            };
            l.chars().take(keep).collect()
        };
        let key_line = (1..=line)
            .rev()
            .find(|&n| {
                let l = before(n);
                !l.trim().is_empty() && !l.trim_start().starts_with('#')
            })
            .unwrap_or(line);
        let text_line = lines
            .get(key_line.saturating_sub(1))
            .copied()
            .unwrap_or_default();
        let indent = text_line.chars().take_while(|c| *c == ' ').count();
        let rest: String = text_line.chars().skip(indent).collect();
        let after_dash = rest.strip_prefix("- ").map_or(0, |r| {
            r.chars()
                .take_while(|c| *c == ' ')
                .count()
                .saturating_add(2)
        });
        return Diagnostic::error(Code::E001, file, "invalid YAML: a key is missing its `:`")
            .at(
                Some(Span::point(
                    key_line,
                    indent.saturating_add(after_dash).saturating_add(1),
                )),
                "this line needs a `:` after its key",
            )
            .help("write `key: value`, with a colon and a space after the key; quote text that is not a key");
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
        .find_map(|(i, l)| {
            l.chars()
                .position(|c| c == '\t')
                .map(|c| (i.saturating_add(1), c.saturating_add(1)))
        })
}

/// A partly built collection on the builder's stack.
enum Frame {
    Seq {
        /// Its node in the spans.
        node: usize,
        /// Whether it is the list of notices, which has a limit.
        notices: bool,
        span: Span,
        items: Vec<Value>,
    },
    Map {
        /// Its node in the spans.
        node: usize,
        span: Span,
        entries: Map<String, Value>,
        key: Option<(String, Span)>,
    },
}

struct Builder<'a> {
    file: &'a str,
    limits: &'a Limits,
    stack: Vec<Frame>,
    spans: Spans,
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
            entries,
            node,
            ..
        }) = self.stack.last_mut()
        {
            if text.is_empty() && style == ScalarStyle::Plain {
                // `: value`, or `{: value}`: YAML reads the key as null, which no field is named.
                return self.fail(
                    Diagnostic::error(Code::E004, self.file, "a key with no name")
                        .at(Some(span), "the name of a field goes before its `:`")
                        .help("write the field's name before the `:`, such as `title: ...`"),
                );
            }
            let limit = self.limits.max_string_chars;
            if text.len() > limit && text.chars().count() > limit {
                let message = format!("a key is longer than the limit of {limit} characters");
                return self.fail(
                    Diagnostic::error(Code::E007, self.file, message)
                        .at(Some(span), "too long")
                        .help("use a field name from `noticec schema`, or raise the limit with `--max-string-chars`"),
                );
            }
            // The parser hands a key over in its own buffer, with room for far more than the key
            // (about 120 bytes a key); held in the tree, that room was two thirds of the memory its
            // strings took.
            let mut name = text.into_owned();
            name.shrink_to_fit();
            // The keys before this one are all in `entries`: a key's value is attached before the
            // next key is read. The first one's place is its node's.
            if entries.contains_key(&name) {
                let first = self
                    .spans
                    .child(*node, &name)
                    .and_then(|id| self.spans.nodes.get(id))
                    .and_then(|n| n.unpack().key);
                let message = format!("duplicate key `{name}`");
                return self.fail(
                    Diagnostic::error(Code::E005, self.file, message)
                        .at(Some(span), "repeated here")
                        .also(first, "first defined here")
                        .help("remove one of the two, or merge them"),
                );
            }
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
        match resolve_scalar(&text, style) {
            Resolved::Value(value) => self.value(value, span),
            Resolved::NotFinite => {
                let message = format!(
                    "`{}` is a number JSON cannot hold (infinity or not-a-number)",
                    crate::suggest::short(&text)
                );
                self.refuse(
                    span,
                    message,
                    "not a finite number",
                    &format!(
                        "quote it to make it text: `\"{}\"`",
                        crate::suggest::short(&text)
                    ),
                )
            }
        }
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
        self.child_segment(span)?;
        let notices = seq
            && matches!(self.stack.as_slice(), [Frame::Map { key: Some((k, _)), .. }] if k == "notices");
        let node = self.record(span, if seq { LIST } else { MAPPING });
        let frame = if seq {
            Frame::Seq {
                node,
                notices,
                span,
                items: Vec::new(),
            }
        } else {
            Frame::Map {
                node,
                span,
                entries: Map::new(),
                key: None,
            }
        };
        self.stack.push(frame);
        Ok(())
    }

    /// The end of a list or mapping: its value goes into its parent, its place spans its whole text.
    fn end(&mut self, span: Span) -> Result<(), Stop> {
        let Some(frame) = self.stack.pop() else {
            return Ok(());
        };
        let (value, start, node) = match frame {
            Frame::Seq {
                items, span, node, ..
            } => (Value::Array(items), span, node),
            Frame::Map {
                entries,
                span,
                node,
                ..
            } => (Value::Object(entries), span, node),
        };
        if let Some(n) = self.spans.nodes.get_mut(node) {
            let mut unpacked = n.unpack();
            unpacked.value = Span {
                start: start.start,
                end: span.end.max(start.end),
            };
            *n = Packed::new(unpacked);
        }
        self.attach(value);
        Ok(())
    }

    fn fail(&mut self, diagnostic: Diagnostic) -> Result<(), Stop> {
        self.errors.push(diagnostic);
        Err(Stop)
    }

    /// Refuses the next value where it cannot go: a mapping key that is not a scalar, a notice past
    /// the limit.
    fn child_segment(&mut self, span: Span) -> Result<(), Stop> {
        if let Some(Frame::Seq {
            notices: true,
            items,
            ..
        }) = self.stack.last()
            && items.len() >= self.limits.max_notices
        {
            let limit = self.limits.max_notices;
            return self.fail(
                Diagnostic::error(
                    Code::E007,
                    self.file,
                    format!("the file holds more than the limit of {limit} notices"),
                )
                .at(Some(span), "one too many")
                .help("split the file, or raise the limit with `--max-notices`"),
            );
        }
        if let Some(Frame::Map { key: None, .. }) = self.stack.last() {
            return self.fail(
                Diagnostic::error(Code::E004, self.file, "mapping keys must be plain names")
                    .at(Some(span), "a list or mapping used as a key")
                    .help("use a field name such as `title:` as the key"),
            );
        }
        Ok(())
    }

    /// Records a scalar value at the current position.
    fn value(&mut self, value: Value, span: Span) -> Result<(), Stop> {
        self.child_segment(span)?;
        self.record(span, SCALAR);
        self.attach(value);
        Ok(())
    }

    /// Records the place of the next node, of `kind` ([`SCALAR`], [`MAPPING`], [`LIST`]), with its
    /// segment (its key, or its index in a list) and its key's place when it is in a mapping.
    fn record(&mut self, span: Span, kind: u8) -> usize {
        let (parent, key) = match self.stack.last() {
            Some(Frame::Map {
                node,
                key: Some((_, k)),
                ..
            }) => (Some(*node), Some(*k)),
            Some(Frame::Map { node, .. } | Frame::Seq { node, .. }) => (Some(*node), None),
            None => (None, None),
        };
        let top = self.stack.last();
        self.spans.add(
            parent,
            kind,
            |segments| match top {
                Some(Frame::Seq { items, .. }) => {
                    // Writing to a `String` cannot fail.
                    let _ = write!(segments, "{}", items.len());
                }
                Some(Frame::Map {
                    key: Some((k, _)), ..
                }) => segments.push_str(k),
                _ => {}
            },
            NodeSpan { value: span, key },
        )
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

/// A plain scalar resolved by the YAML 1.2 core schema.
#[derive(Debug, PartialEq)]
enum Resolved {
    /// A value JSON can hold.
    Value(Value),
    /// `.inf`, `-.inf` or `.nan`: a float JSON cannot hold.
    NotFinite,
}

/// Resolves a scalar by the YAML 1.2 core schema (section 10.3.2): quoted and block scalars are strings;
/// a plain scalar is null, a boolean, an integer or a float only when it matches that type's pattern
/// exactly, and a string otherwise.
fn resolve_scalar(text: &str, style: ScalarStyle) -> Resolved {
    if style != ScalarStyle::Plain {
        return Resolved::Value(Value::String(text.to_owned()));
    }
    let value = match text {
        "" | "~" | "null" | "Null" | "NULL" => Value::Null,
        "true" | "True" | "TRUE" => Value::Bool(true),
        "false" | "False" | "FALSE" => Value::Bool(false),
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" | "-.inf" | "-.Inf" | "-.INF"
        | ".nan" | ".NaN" | ".NAN" => return Resolved::NotFinite,
        _ => {
            return core_number(text)
                .unwrap_or_else(|| Resolved::Value(Value::String(text.to_owned())));
        }
    };
    Resolved::Value(value)
}

/// A core schema integer (`[-+]?[0-9]+`, `0o[0-7]+`, `0x[0-9a-fA-F]+`) or float
/// (`[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`) as a JSON number; integers too large for
/// 64 bits are kept as floats, as other core schema readers do; one too large for a float is not finite.
fn core_number(text: &str) -> Option<Resolved> {
    let radix = |digits: &str, radix: u32| {
        (!digits.is_empty() && digits.chars().all(|c| c.is_digit(radix))).then(|| {
            match u64::from_str_radix(digits, radix) {
                Ok(n) => Resolved::Value(Value::from(n)),
                Err(_) => big(digits, radix),
            }
        })
    };
    if let Some(hex) = text.strip_prefix("0x") {
        return radix(hex, 16);
    }
    if let Some(oct) = text.strip_prefix("0o") {
        return radix(oct, 8);
    }
    let unsigned = text.strip_prefix(['-', '+']).unwrap_or(text);
    let (mantissa, exponent) = match unsigned.split_once(['e', 'E']) {
        Some((m, e)) => (m, Some(e)),
        None => (unsigned, None),
    };
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let (whole, fraction) = match mantissa.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (mantissa, None),
    };
    let mantissa_ok = digits(whole)
        && fraction.is_none_or(digits)
        && (!whole.is_empty() || fraction.is_some_and(|f| !f.is_empty()));
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['-', '+']).unwrap_or(e);
        !e.is_empty() && digits(e)
    });
    if !mantissa_ok || !exponent_ok {
        return None;
    }
    if fraction.is_none() && exponent.is_none() {
        if let Ok(i) = text.parse::<i64>() {
            return Some(Resolved::Value(Value::from(i)));
        }
        if let Ok(u) = text.strip_prefix('+').unwrap_or(text).parse::<u64>() {
            return Some(Resolved::Value(Value::from(u)));
        }
    }
    // Rust's float syntax accepts every core schema float (`1.`, `.5`, `+1e3`).
    text.parse::<f64>().ok().map(finite)
}

/// A float as a JSON number, or [`Resolved::NotFinite`] when it overflowed.
fn finite(n: f64) -> Resolved {
    Number::from_f64(n).map_or(Resolved::NotFinite, |n| Resolved::Value(Value::Number(n)))
}

/// An integer in `radix` too large for 64 bits, as the nearest float.
fn big(digits: &str, radix: u32) -> Resolved {
    finite(
        digits
            .chars()
            .filter_map(|c| c.to_digit(radix))
            .fold(0f64, |n, d| n * f64::from(radix) + f64::from(d)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every JSON pointer of a tree, the root's included.
    fn pointers(value: &Value, at: &mut String, out: &mut Vec<String>) {
        out.push(at.clone());
        let len = at.len();
        match value {
            Value::Object(map) => {
                for (k, v) in map {
                    at.push('/');
                    at.push_str(&escape(k));
                    pointers(v, at, out);
                    at.truncate(len);
                }
            }
            Value::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    let _ = write!(at, "/{i}");
                    pointers(v, at, out);
                    at.truncate(len);
                }
            }
            _ => {}
        }
    }

    /// `doc`, edited notice by notice, answers every question about places as the edited text
    /// parsed whole does, for every node and for missing nodes below each.
    pub(super) fn same_places(doc: &Document, text: &str) {
        let whole = parse_whole(
            "f.yaml",
            text.to_owned(),
            line_starts(text),
            &Limits::DEFAULT,
        )
        .map_err(|(d, _)| d)
        .unwrap();
        assert_eq!(doc.text, whole.text);
        assert_eq!(doc.value, whole.value);
        assert_eq!(doc.line_starts, whole.line_starts);
        let mut all = Vec::new();
        pointers(&whole.value, &mut String::new(), &mut all);
        for pointer in all {
            for p in [pointer.clone(), format!("{pointer}/missing")] {
                assert_eq!(doc.span(&p), whole.span(&p), "span of {p}");
                assert_eq!(doc.key_span(&p), whole.key_span(&p), "key of {p}");
                assert_eq!(doc.is_scalar(&p), whole.is_scalar(&p), "kind of {p}");
                assert_eq!(doc.written(&p), whole.written(&p), "text of {p}");
            }
        }
    }

    #[test]
    fn the_bytes_in_common_are_found_across_pages() {
        let a: Vec<u8> = (0..10_000u32).map(|i| (i % 251) as u8).collect();
        for at in [0, 1, 4095, 4096, 4097, 8191, 9_999] {
            let mut b = a.clone();
            b[at] ^= 0xff;
            assert_eq!(common_prefix(&a, &b), at, "{at}");
            assert_eq!(common_suffix(&a, &b), a.len() - at - 1, "{at}");
        }
        assert_eq!(common_prefix(&a, &a), a.len());
        assert_eq!(common_suffix(&a, &a[..5000]), 0);
        assert_eq!(common_suffix(&a[1..], &a), a.len() - 1);
        assert_eq!(common_prefix(&a, &a[..4096]), 4096);
    }

    #[test]
    fn a_notice_replaced_alone_is_placed_as_the_whole_file_would_place_it() {
        let text = include_str!("../notices.yaml");
        let mut doc = parse_text("f.yaml", text.to_owned(), &Limits::DEFAULT)
            .map_err(|(d, _)| d)
            .unwrap();
        let mut text = text.to_owned();
        let edits: [(&str, &str, Option<usize>); 7] = [
            // A title, on one line.
            (
                "connectors\n    title: Community events and community connectors",
                "connectors\n    title: Community events, and connectors",
                Some(1),
            ),
            // Lines added to the first notice: everything after it moves down.
            (
                "customer\n    title: LiveWest Customer Privacy Notice\n",
                "customer\n    title: LiveWest Customer Privacy Notice\n    # a comment\n    # and another\n",
                Some(0),
            ),
            // A line taken from the last notice, the list's end moving up.
            (
                "    changes: >-\n      We keep this Privacy Notice under regular review and we will place any updates on this web page.\n",
                "",
                Some(4),
            ),
            // Lines added to the second, after the first moved.
            (
                "connectors\n    title: Community events, and connectors\n",
                "connectors\n    title: Community events, and connectors\n    summary: >-\n      Added\n      over lines.\n",
                Some(1),
            ),
            // In the shared parts before the list: not one notice.
            ("name: Your support worker", "name: Your worker", None),
            // A second notice added inside the first: not one item.
            (
                "    # a comment\n",
                "  - id: extra\n    title: Extra\n",
                None,
            ),
            // The same notice again, its places its own.
            (
                "connectors\n    title: Community events, and connectors",
                "connectors\n    title: Events",
                Some(1),
            ),
        ];
        for (from, to, notice) in edits {
            let next = text.replacen(from, to, 1);
            assert_ne!(next, text, "{from}");
            let replaced = doc.replace_notice(next.clone(), &Limits::DEFAULT);
            assert_eq!(replaced.as_ref().map(|(at, _)| *at), notice, "{from}");
            if replaced.is_some() {
                text = next;
            }
            same_places(&doc, &text);
        }
    }

    #[test]
    fn a_packed_place_is_the_place() {
        let span = |a, b, c, d| Span {
            start: crate::diagnostics::Pos { line: a, column: b },
            end: crate::diagnostics::Pos { line: c, column: d },
        };
        for node in [
            NodeSpan {
                value: span(3, 7, 3, 20),
                key: Some(span(3, 1, 3, 6)),
            },
            NodeSpan {
                value: span(1, 1, 90_000, 2),
                key: None,
            },
        ] {
            let back = Packed::new(node).unpack();
            assert_eq!((back.value, back.key), (node.value, node.key));
        }
        // Past 32 bits (beyond what the limits accept) a place is stored as the largest.
        let huge = NodeSpan {
            value: span(usize::MAX, 1, usize::MAX, 2),
            key: None,
        };
        let max = usize::try_from(u32::MAX).unwrap();
        assert_eq!(Packed::new(huge).unpack().value, span(max, 1, max, 2));
    }

    fn load(text: &str) -> Result<Document, Vec<Diagnostic>> {
        parse(
            &SourceFile {
                name: "t.yaml".into(),
                bytes: text.as_bytes().to_vec(),
            },
            &Limits::default(),
        )
    }

    // Taking the file gives what borrowing it gives: the same text, places and errors, with a byte
    // order mark, Windows line breaks, bytes that are not UTF-8, a NUL and a syntax error.
    #[test]
    fn parse_file_agrees_with_parse() {
        let cases: [&[u8]; 6] = [
            b"notices:\n  - id: a\n    title: T\n",
            b"\xEF\xBB\xBFnotices:\r\n  - id: a\r\n    title: T\r\n",
            b"notices:\r  - id: a\r",
            b"notices:\n  - id: \xFF\n",
            b"notices:\n  - id: a\0\n",
            b"notices: [\n  - id: a\n",
        ];
        for bytes in cases {
            let source = SourceFile {
                name: "t.yaml".into(),
                bytes: bytes.to_vec(),
            };
            let borrowed = parse(&source, &Limits::default());
            let owned = parse_file(source, &Limits::default());
            match (borrowed, owned) {
                (Ok(a), Ok(b)) => {
                    assert_eq!(a.text, b.text);
                    assert_eq!(a.value, b.value);
                    assert_eq!(
                        a.span("/notices/0/title").map(|s| s.start),
                        b.span("/notices/0/title").map(|s| s.start)
                    );
                }
                (Err(a), Err((b, _))) => assert_eq!(format!("{a:?}"), format!("{b:?}")),
                (a, b) => panic!("{bytes:?}: {a:?} against {b:?}"),
            }
        }
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
    fn plain_scalars_resolve_exactly_by_the_core_schema() {
        let plain = |t: &str| resolve_scalar(t, ScalarStyle::Plain);
        let v = |v: Value| Resolved::Value(v);
        for text in [
            "+-5",
            "0x-1F",
            "0x",
            "0o",
            "0o8",
            "1_000",
            "1.2.3",
            "e3",
            ".",
            "+",
            "-",
            "1e",
            "1e+",
            "0b101",
            "yes",
            "No",
            "on",
            "nULL",
            "tRUE",
            ".infinity",
            "inf",
            "nan",
            "-.nan",
            "+.NaN",
            "1,5",
            "0X1F",
            "0O7",
            " 1",
        ] {
            assert_eq!(plain(text), v(Value::String(text.into())), "{text}");
        }
        for (text, want) in [
            ("0", v(0.into())),
            ("-0", v(0.into())),
            ("+12", v(12.into())),
            ("0123", v(123.into())),
            ("0o17", v(15.into())),
            ("0x1F", v(31.into())),
            ("0xff", v(255.into())),
            ("1.", v(1.0.into())),
            (".5", v(0.5.into())),
            ("-.5e-1", v((-0.05).into())),
            ("1E3", v(1000.0.into())),
            ("1.10", v(1.1.into())),
            ("18446744073709551615", v(u64::MAX.into())),
            ("-9223372036854775808", v(i64::MIN.into())),
            ("99999999999999999999", v(1e20.into())),
            (
                "0x10000000000000000",
                v(18_446_744_073_709_551_616.0.into()),
            ),
            ("~", v(Value::Null)),
            ("", v(Value::Null)),
            ("NULL", v(Value::Null)),
            ("True", v(true.into())),
            ("FALSE", v(false.into())),
            (".inf", Resolved::NotFinite),
            ("-.INF", Resolved::NotFinite),
            ("+.Inf", Resolved::NotFinite),
            (".NaN", Resolved::NotFinite),
            ("1e400", Resolved::NotFinite),
        ] {
            assert_eq!(plain(text), want, "{text}");
        }
        assert_eq!(
            resolve_scalar("1.10", ScalarStyle::SingleQuoted),
            v("1.10".into())
        );
    }

    #[test]
    fn a_written_value_is_quoted_from_the_file() {
        let doc = load("a: 1.10\nb:   0x1F   # hex\nc: [TRUE, 1e3]\n").unwrap();
        assert_eq!(doc.written("/a"), Some("1.10"));
        assert_eq!(doc.written("/b"), Some("0x1F"));
        assert_eq!(doc.written("/c/0"), Some("TRUE"));
        assert_eq!(doc.written("/c/1"), Some("1e3"));
    }

    #[test]
    fn every_node_is_found_by_its_pointer() {
        // Twelve list items (so that `10` sorts before `2` as text), keys out of order, keys that
        // look like indices, and keys a pointer escapes.
        let items = (0..12).fold(String::new(), |mut items, i| {
            let _ = writeln!(items, "  - item {i}");
            items
        });
        let text = format!(
            "zeta: 1\nalpha:\n  \"10\": ten\n  \"2\": two\n  a/b: slash\n  m~n: tilde\nlist:\n{items}mid: {{b: 1, a: 2}}\nempty: {{}}\nnone: []\n"
        );
        let doc = load(&text).unwrap();
        let line = |pointer: &str| doc.spans.get(pointer).map(|n| n.value.start.line);
        assert_eq!(line("/zeta"), Some(1));
        assert_eq!(line("/alpha/10"), Some(3));
        assert_eq!(line("/alpha/2"), Some(4));
        assert_eq!(line("/alpha/a~1b"), Some(5));
        assert_eq!(line("/alpha/m~0n"), Some(6));
        for i in 0..12 {
            assert_eq!(line(&format!("/list/{i}")), Some(8 + i), "item {i}");
        }
        for missing in [
            "/list/12", "/list/01", "/list/+1", "/list/-1", "/list/x", "/alpha/1", "/nope",
        ] {
            assert_eq!(line(missing), None, "{missing}");
        }
        assert_eq!(
            doc.spans.get("/mid/a").map(|n| n.value.start.column),
            Some(16)
        );
        assert_eq!(
            doc.spans.get("/mid/b").map(|n| n.value.start.column),
            Some(10)
        );
        // The nearest node that has a place.
        assert_eq!(doc.span("/list/3/deeper").map(|s| s.start.line), Some(11));
        assert_eq!(line(""), Some(1));
        // Single values and collections, as the tree has them.
        for (pointer, scalar) in [
            ("/zeta", Some(true)),
            ("/alpha/10", Some(true)),
            ("/list/11", Some(true)),
            ("/alpha", Some(false)),
            ("/list", Some(false)),
            ("/mid", Some(false)),
            ("/empty", Some(false)),
            ("/none", Some(false)),
            ("", Some(false)),
            ("/nope", None),
            ("/zeta/deeper", None),
        ] {
            assert_eq!(doc.is_scalar(pointer), scalar, "{pointer}");
            let tree = doc
                .value
                .pointer(pointer)
                .map(|v| !v.is_object() && !v.is_array());
            assert_eq!(tree, scalar, "{pointer}: the tree agrees");
        }
    }

    #[test]
    fn spans_point_at_keys_and_values() {
        let doc = load("notices:\n  - id: one\n    title: Hello\n").unwrap();
        let n = doc.spans.get("/notices/0/title").unwrap();
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

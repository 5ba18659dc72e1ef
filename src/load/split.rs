//! A large file parsed on every core: the list of notices cut into its items at the lines where they
//! start, each item parsed alone, and the rest of the file parsed with the list's lines left blank.
//!
//! The data subset of YAML makes this safe to try. A file holds no anchors, aliases, tags or second
//! documents, so after a whole item of a block list the parser's state is the same whatever came
//! before: an item parsed alone gives the nodes the whole file would give, on the same lines once
//! its first line is moved to its place. A line that starts an item at the list's indentation can
//! only be one inside a quoted or bracketed value that runs across lines (a block scalar's lines are
//! indented further than the key it belongs to); cut there, the value is left open and that piece
//! does not parse. So the cut is taken only when every piece parses, alone, as exactly what its
//! place in the file must hold: the rest of the file a block mapping whose `notices` is empty, each
//! item a list of one item starting on its first line. Anything else (and any problem in the file,
//! which must be reported as the whole parse finds it first) leaves the file to the whole parse.

// Positions and sizes here come from the input: arithmetic on them is checked or saturating.
#![deny(clippy::arithmetic_side_effects)]

use rayon::prelude::*;
use serde_json::Value;

use super::{After, Edits, Item, Limits, MAPPING, SCALAR, Spans, parse_one_item, parse_part};
use crate::diagnostics::{Pos, Span};

/// Below this many bytes a file is parsed whole on one thread: cutting it saves less than it costs.
pub(super) const SPLIT_FROM_BYTES: usize = 256 * 1024;

/// Where the list of notices lies, in lines counted from 0.
#[derive(Debug, PartialEq, Eq)]
struct Cut {
    /// The line `notices:`.
    key_line: usize,
    /// The spaces before each item's `-`.
    indent: usize,
    /// The line each item starts on.
    items: Vec<usize>,
    /// The first line after the list: its first line that is neither blank, a comment nor indented
    /// past the items, or one past the last line.
    end: usize,
}

/// The tree and places of `text` as [`super::parse_text`] finds them, from the pieces parsed on every
/// core: the places of the file outside the list (not yet put together), and those of each notice,
/// its own; `None` when the file is not cut as the module says, or a piece does not parse as it
/// must.
pub(super) fn parse(
    text: &str,
    line_starts: &[usize],
    limits: &Limits,
) -> Option<(Value, Spans, Edits)> {
    let cut = cut(text, line_starts)?;
    if cut.items.len() > limits.max_notices {
        return None;
    }
    let byte = |line: usize| line_starts.get(line).copied().unwrap_or(text.len());
    let list = byte(*cut.items.first()?)..byte(cut.end);
    // Each item's lines, and the next item's `-`: the parser ends the item at that `-`, as in the
    // file.
    let pieces: Vec<(usize, &str)> = cut
        .items
        .iter()
        .zip(cut.items.iter().skip(1).copied().map(Some).chain([None]))
        .map(|(&from, next)| {
            let to = next.map_or(Some(byte(cut.end)), |next| {
                byte(next).checked_add(cut.indent)?.checked_add(1)
            })?;
            Some((from, text.get(byte(from)..to)?))
        })
        .collect::<Option<_>>()?;
    let last = pieces.len().saturating_sub(1);
    let (rest, items) = rayon::join(
        || parse_rest(text, list.clone(), limits),
        || {
            pieces
                .par_iter()
                .enumerate()
                .map(|(at, &(line, piece))| {
                    // What follows the item in the file, so that the parser ends it as there: the
                    // next item's `-`; after the last, the rest of the file (at the start of a line,
                    // as `notices:` is, or the parse of the rest fails) or the end of the file.
                    let next = if at < last {
                        After::Item
                    } else if cut.end < line_starts.len() {
                        After::Key
                    } else {
                        After::End
                    };
                    let (value, mut spans) = parse_one_item(piece, line, limits, next)?;
                    spans.finish();
                    Some((value, spans))
                })
                .collect::<Option<Vec<_>>>()
        },
    );
    let (mut root, mut spans) = rest?;
    let items = items?;
    let notices = notices_node(text, line_starts, &cut, &root, &spans)?;
    let start = items.first()?.1.nodes.first()?.unpack().value.start;
    let end = items.last()?.1.nodes.first()?.unpack().value.end;
    spans.set_list(notices, Span { start, end });
    let mut values = Vec::with_capacity(items.len());
    let mut own = Vec::with_capacity(items.len());
    for ((value, spans), &line) in items.into_iter().zip(&cut.items) {
        values.push(value);
        own.push(Item {
            start: byte(line),
            shift: 0,
            own: Some(spans),
        });
    }
    *root.get_mut("notices")? = Value::Array(values);
    let edits = Edits {
        list_end_line: end.line,
        trailer: 0,
        items: own,
        end: list.end,
    };
    Some((root, spans, edits))
}

/// The node of `notices` in the places of the rest of the file, once it is checked to be what the
/// cut says: a key of the root, on its line, of a block mapping, with no value.
fn notices_node(
    text: &str,
    line_starts: &[usize],
    cut: &Cut,
    root: &Value,
    spans: &Spans,
) -> Option<usize> {
    if !root.get("notices")?.is_null() || spans.kind(0) != MAPPING {
        return None;
    }
    // A mapping in brackets may run over lines at any indentation; a block mapping may not.
    let first = spans.nodes.first()?.unpack().value.start;
    let line = line_starts.get(first.line.checked_sub(1)?).copied()?;
    let at = text
        .get(line..)?
        .chars()
        .nth(first.column.checked_sub(1)?)?;
    if at == '{' {
        return None;
    }
    let node = spans.child(0, "notices")?;
    let key = spans.nodes.get(node)?.unpack().key?;
    let on_its_line = key.start
        == Pos {
            line: cut.key_line.saturating_add(1),
            column: 1,
        };
    (on_its_line && spans.kind(node) == SCALAR).then_some(node)
}

/// The file with the lines of `list` left empty (the same lines, so every place after the list is
/// where it is in the file), parsed: the tree and the places, not yet put together.
fn parse_rest(text: &str, list: std::ops::Range<usize>, limits: &Limits) -> Option<(Value, Spans)> {
    let (before, inside, after) = (
        text.get(..list.start)?,
        text.get(list.clone())?,
        text.get(list.end..)?,
    );
    let breaks = inside.bytes().filter(|&b| b == b'\n').count();
    // A last line without a line break keeps its width: the end of the file stays where it is.
    let tail = if inside.ends_with('\n') {
        0
    } else {
        inside.rsplit('\n').next().map_or(0, |l| l.chars().count())
    };
    let mut rest = String::with_capacity(before.len().saturating_add(breaks).saturating_add(tail));
    rest.push_str(before);
    rest.extend(std::iter::repeat_n('\n', breaks));
    rest.extend(std::iter::repeat_n(' ', tail));
    rest.push_str(after);
    parse_part(&rest, 0, limits)
}

/// Where the list of notices lies, when the file has a line `notices:` (a comment may follow) whose
/// next line that is neither blank nor a comment starts an item (`- ` or `-` alone) after some
/// spaces; the items are the lines that start the same way after the same spaces, up to the first
/// line (not blank, not a comment) indented less or not starting an item at that indentation.
fn cut(text: &str, line_starts: &[usize]) -> Option<Cut> {
    let line = |i: usize| {
        let from = *line_starts.get(i)?;
        let to = line_starts
            .get(i.saturating_add(1))
            .map_or(text.len(), |&next| next.saturating_sub(1));
        text.get(from..to)
    };
    let count = line_starts.len();
    let key_line = (0..count).find(|&i| {
        line(i)
            .and_then(|l| l.strip_prefix("notices:"))
            .is_some_and(ignorable)
    })?;
    let mut items = Vec::new();
    let mut indent = None;
    let mut end = count;
    for i in key_line.saturating_add(1)..count {
        let l = line(i)?;
        let body = l.trim_start_matches(' ');
        if ignorable(body) {
            continue;
        }
        let spaces = l.len().saturating_sub(body.len());
        let starts_item = body == "-" || body.starts_with("- ");
        match indent {
            None if starts_item => indent = Some(spaces),
            None => return None,
            Some(n) if spaces > n => continue,
            Some(n) if spaces == n && starts_item => {}
            Some(_) => {
                end = i;
                break;
            }
        }
        items.push(i);
    }
    // Items flush with `notices:` make a list the parser places otherwise than one of its own.
    Some(Cut {
        key_line,
        indent: indent.filter(|&n| n > 0)?,
        items,
        end,
    })
}

/// Whether a line (from its first character that is not a space) is blank or a comment.
fn ignorable(rest: &str) -> bool {
    let rest = rest.trim_start_matches([' ', '\t']);
    rest.is_empty() || rest.starts_with('#')
}

#[cfg(test)]
mod tests {
    use super::super::Document;
    use super::*;

    /// The document of `text` cut, if it is.
    fn cut_document(text: &str) -> Option<Document> {
        let line_starts = super::super::line_starts(text);
        let (value, mut spans, edits) = parse(text, &line_starts, &Limits::DEFAULT)?;
        spans.finish();
        Some(Document {
            file: "f.yaml".to_owned(),
            text: text.to_owned(),
            value,
            spans,
            line_starts,
            edits: Some(Box::new(edits)),
        })
    }

    /// Whether the file was cut; when it was, the document answers every question about the tree
    /// and its places as the whole parse does.
    fn agrees(text: &str) -> bool {
        let Some(doc) = cut_document(text) else {
            return false;
        };
        super::super::tests::same_places(&doc, text);
        true
    }

    /// The example notices with their list written `times` times over.
    fn many(times: usize) -> String {
        let text = include_str!("../../notices.yaml");
        let (head, list) = text.split_once("\nnotices:\n").unwrap();
        format!("{head}\nnotices:\n{}", list.repeat(times))
    }

    #[test]
    fn a_large_file_is_cut_and_a_small_one_parsed_whole() {
        let large = many(8);
        assert!(large.len() >= SPLIT_FROM_BYTES);
        let parse = |text: &str| {
            super::super::parse_text("f.yaml", text.to_owned(), &Limits::DEFAULT)
                .map_err(|(d, _)| d)
                .unwrap()
        };
        // Two threads, whatever the machine has: one thread parses every file whole.
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(2)
            .build()
            .unwrap();
        let doc = pool.install(|| parse(&large));
        assert!(doc.edits.is_some(), "the large file is cut");
        super::super::tests::same_places(&doc, &large);
        let small = pool.install(|| parse(include_str!("../../notices.yaml")));
        assert!(small.edits.is_none());
        let one = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .unwrap();
        assert!(one.install(|| parse(&large)).edits.is_none());
    }

    #[test]
    fn a_problem_in_a_large_file_is_reported_as_the_whole_parse_reports_it() {
        let large = many(8);
        let problems = [
            // A syntax error, a duplicate key and an anchor, in the fifth copy of the list.
            ("    title: ", "    title: \"open\n    x: "),
            ("    title: ", "    title: a\n    title: "),
            ("    title: ", "    title: &a "),
        ];
        for (from, to) in problems {
            let at = large.match_indices(from).nth(30).unwrap().0;
            let (before, after) = large.split_at(at);
            let text = format!("{before}{}", after.replacen(from, to, 1));
            let errors = |text: &str| {
                let found = super::super::parse_text("f.yaml", text.to_owned(), &Limits::DEFAULT);
                format!("{:?}", found.map(|_| ()).unwrap_err().0)
            };
            let whole = super::super::parse_whole(
                "f.yaml",
                text.clone(),
                super::super::line_starts(&text),
                &Limits::DEFAULT,
            );
            assert_eq!(
                errors(&text),
                format!("{:?}", whole.map(|_| ()).unwrap_err().0)
            );
        }
    }

    #[test]
    fn a_notice_replaced_in_a_cut_file_is_placed_as_the_whole_file_would_place_it() {
        let text = notices_first();
        let mut doc = cut_document(&text).unwrap();
        let edits = [
            (
                "title: LiveWest Customer Privacy Notice\n",
                "title: A\n    # more\n    # lines\n",
            ),
            (
                "title: Community events and community connectors\n",
                "title: C\n",
            ),
        ];
        let mut text = text.clone();
        for (from, to) in edits {
            text = text.replacen(from, to, 1);
            assert!(doc.replace_notice(text.clone(), &Limits::DEFAULT).is_some());
            super::super::tests::same_places(&doc, &text);
        }
        // Outside the list: not one notice.
        let outside = text.replacen("name: Your support worker", "name: Y", 1);
        assert!(doc.replace_notice(outside, &Limits::DEFAULT).is_none());
    }

    /// The example notices, the list of notices first and the shared parts after it.
    #[allow(clippy::arithmetic_side_effects, clippy::string_slice)]
    fn notices_first() -> String {
        let text = include_str!("../../notices.yaml");
        let at = text.find("\nnotices:\n").unwrap() + 1;
        let start = text.find("\norganisations:").unwrap() + 1;
        format!("{}{}{}", &text[..start], &text[at..], &text[start..at])
    }

    #[test]
    fn a_cut_file_is_the_file_parsed_whole() {
        let text = include_str!("../../notices.yaml");
        assert!(agrees(text));
        let first = notices_first();
        assert!(agrees(&first));
        // Comments and blank lines between the items, at every indentation, and after the list.
        let commented = text
            .replace("\n  - id: ", "\n\n# a notice\n    # indented\n  - id: ")
            .replace("\nnotices:\n", "\nnotices: # all of them\n\n# first\n");
        assert!(agrees(&commented));
        assert!(agrees(&format!("{commented}\n# the end\n\n")));
        assert!(agrees(
            &first.replace("\ncontacts:", "\n# shared\n\ncontacts:")
        ));
        // The items indented further; the file without its last line break.
        let (head, list) = text.split_once("\nnotices:\n").unwrap();
        let deep = list.replace('\n', "\n  ");
        assert!(agrees(&format!("{head}\nnotices:\n  {deep}")));
        assert!(agrees(text.trim_end()));
        assert!(agrees(notices_first().trim_end()));
        // An item that is one value, an empty item, an item of one line.
        assert!(agrees(&text.replacen(
            "\n  - id: ",
            "\n  - just text\n  -\n  - {id: x}\n  - id: ",
            1
        )));
    }

    #[test]
    fn a_file_that_cannot_be_cut_safely_is_parsed_whole() {
        let text = include_str!("../../notices.yaml");
        let key = "\nnotices:\n";
        let cases = [
            // An item's line inside a quoted value that runs over lines.
            text.replacen(
                "    title: ",
                "    title: \"over\n  - id: lines\"\n    old: ",
                1,
            ),
            // Inside brackets over lines.
            text.replacen(
                "    title: ",
                "    title: [over,\n  - id: lines]\n    old: ",
                1,
            ),
            // The whole file in brackets.
            "{a: 1,\nnotices:\n  - b\n}\n".to_owned(),
            // `notices:` twice, or not a key of the root.
            format!("{text}notices:\n  - id: again\n"),
            text.replacen(key, "\nnested:\n notices:\n", 1),
            text.replacen(key, "\nnested: {x: [1,\nnotices:\n", 1) + "]}\n",
            // A second document after the list; an anchor in an item.
            format!("{text}---\na: 1\n"),
            text.replacen("    title: ", "    title: &a ", 1),
            // A line in the list less indented than its items.
            text.replacen(key, "\nnotices:\n  - a\n b: 1\n", 1),
        ];
        for case in &cases {
            assert!(!agrees(case), "cut: {case}");
        }
        // More notices than the limit: the whole parse says so.
        let limits = Limits {
            max_notices: 2,
            ..Limits::DEFAULT
        };
        assert!(parse(text, &super::super::line_starts(text), &limits).is_none());
    }

    #[test]
    fn a_line_added_anywhere_is_cut_only_where_the_whole_parse_agrees() {
        let text = include_str!("../../notices.yaml");
        let lines: Vec<&str> = text.split_inclusive('\n').collect();
        let mut cut = std::collections::BTreeMap::new();
        for added in [
            "  - id: extra\n",
            "-\n",
            "\"\n",
            "notices:\n",
            "  # note\n",
            "x: |\n",
        ] {
            for at in 0..=lines.len() {
                let mut variant = lines[..at].concat();
                variant.push_str(added);
                variant.push_str(&lines[at..].concat());
                // Asserts the agreement whenever the file is cut.
                *cut.entry(added).or_insert(0) += usize::from(agrees(&variant));
            }
        }
        // Both ways are taken: an item cut in two, a comment between items.
        assert!(
            cut["  - id: extra\n"] > 0 && cut["  # note\n"] > 0,
            "{cut:?}"
        );
        assert!(cut["\"\n"] == 0 && cut["notices:\n"] == 0, "{cut:?}");
    }

    fn cut_of(text: &str) -> Option<Cut> {
        cut(text, &super::super::line_starts(text))
    }

    #[test]
    fn the_list_is_cut_at_the_lines_that_start_its_items() {
        let text = "a: 1\nnotices:  # all\n\n  - id: x\n    t: |\n      - not an item\n  # between\n  - id: y\n# out\nb: 2\n";
        assert_eq!(
            cut_of(text),
            Some(Cut {
                key_line: 1,
                indent: 2,
                items: vec![3, 7],
                end: 9
            })
        );
        let deep = "notices:\n    - a\n    -\n      b\n    - c";
        assert_eq!(
            cut_of(deep),
            Some(Cut {
                key_line: 0,
                indent: 4,
                items: vec![1, 2, 4],
                end: 5
            })
        );
        assert_eq!(cut_of("notices:\n- a\n- b\n"), None);
        // No list right after the key, or no key at the start of a line.
        assert_eq!(cut_of("notices:\n  id: x\n"), None);
        assert_eq!(cut_of("notices: []\n"), None);
        assert_eq!(cut_of(" notices:\n - a\n"), None);
    }
}

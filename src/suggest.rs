//! "Did you mean …?": the closest known name to a misspelt one, and text made safe to quote.

use std::borrow::Cow;
use std::fmt::Write as _;

/// The candidate closest to `wrong`, if it is close enough to be a likely typo.
pub fn did_you_mean<'a, I>(wrong: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let wrong_chars = wrong.chars().count();
    let allowed =
        |c: &str, c_chars: usize| (c_chars.max(wrong_chars) / 3).max(1) + usize::from(c.len() > 6);
    let wrong_lower = wrong.to_lowercase();
    candidates
        .into_iter()
        // The distance is at least the difference in length: a candidate that far off is skipped before
        // the distance, whose cost is the product of the lengths, is worked out (a megabyte-long key).
        .filter(|c| {
            let c_chars = c.chars().count();
            c_chars.abs_diff(wrong_chars) <= allowed(c, c_chars)
        })
        .map(|c| {
            (
                strsim::damerau_levenshtein(&wrong_lower, &c.to_lowercase()),
                c,
            )
        })
        .filter(|(d, c)| *d <= allowed(c, c.chars().count()))
        .min_by_key(|(d, c)| (*d, *c))
        .map(|(_, c)| c)
}

/// A list of names for a help line, in backticks, shortened after `max`.
pub fn list<S: AsRef<str>>(names: &[S], max: usize) -> String {
    let mut shown: Vec<String> = names
        .iter()
        .take(max)
        .map(|n| format!("`{}`", n.as_ref()))
        .collect();
    if names.len() > max {
        shown.push(format!("and {} more", names.len() - max));
    }
    shown.join(", ")
}

/// The text with its first letter in lower case, to run a sentence on inside a message.
pub fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}

/// `s` on one line, cut to 60 characters, for quoting in a message; hidden characters are written as
/// escapes (see [`visible`]).
pub fn short(s: &str) -> String {
    let mut out: String = s.chars().take(60).collect();
    if s.chars().count() > 60 {
        out.push('…');
    }
    visible(&out.replace('\n', " ")).into_owned()
}

/// Whether `c` must never reach an output raw: the C0 and C1 control characters and DEL (line feed and
/// tab aside, which every format has its own way of showing), and the bidirectional overrides and
/// isolates, which make text display in another order than it reads.
pub fn is_hidden(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || ('\u{202a}'..='\u{202e}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

/// One character as it is shown: itself, or for a hidden one its escape, `\u{1b}`.
pub fn visible_char(c: char, out: &mut String) {
    if is_hidden(c) {
        // Writing to a `String` cannot fail.
        let _ = write!(out, "\\u{{{:x}}}", c as u32);
    } else {
        out.push(c);
    }
}

/// `text` with each hidden character (see [`is_hidden`]) written as its Rust escape, `\u{1b}`, so that a
/// terminal, a log or a code-review page shows it rather than obeys it.
pub fn visible(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_hidden) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        visible_char(c, &mut out);
    }
    Cow::Owned(out)
}

/// Serialised JSON with each hidden character that JSON allows raw in a string (DEL, the C1 controls,
/// the bidirectional formatting characters) written as a `\uXXXX` escape instead: the same data, but no
/// raw control character for a terminal or a viewer to act on. JSON escapes the C0 controls itself, and
/// outside strings it has none of these characters.
pub fn json_escape_hidden(json: String) -> String {
    if !json.chars().any(is_hidden) {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if is_hidden(c) {
            let _ = write!(out, "\\u{:04x}", c as u32);
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_transpositions_and_typos() {
        assert_eq!(
            did_you_mean("titel", ["id", "title", "version"]),
            Some("title")
        );
        assert_eq!(
            did_you_mean("lawful_basis", ["lawful_bases", "legitimate_interests"]),
            Some("lawful_bases")
        );
        assert_eq!(did_you_mean("zzzz", ["title", "version"]), None);
    }

    #[test]
    fn hidden_characters_are_shown_as_escapes() {
        assert_eq!(visible("a\u{1b}[2Jb"), "a\\u{1b}[2Jb");
        assert_eq!(
            visible("x\u{85}\u{7f}\u{202e}\u{2069}y"),
            "x\\u{85}\\u{7f}\\u{202e}\\u{2069}y"
        );
        assert_eq!(visible("tab\tand\nline é 😀"), "tab\tand\nline é 😀");
        assert_eq!(short("a\u{0}b"), "a\\u{0}b");
        assert_eq!(
            json_escape_hidden("\"a\u{9b}\u{202e}\"".into()),
            "\"a\\u009b\\u202e\""
        );
    }

    #[test]
    fn lists_are_shortened() {
        assert_eq!(list(&["a", "b", "c"], 2), "`a`, `b`, and 1 more");
    }
}

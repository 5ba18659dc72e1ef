//! "Did you mean …?": the closest known name to a misspelt one.

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
            c_chars.abs_diff(wrong_chars) <= allowed(*c, c_chars)
        })
        .map(|c| {
            (
                strsim::damerau_levenshtein(&wrong_lower, &c.to_lowercase()),
                c,
            )
        })
        .filter(|(d, c)| *d <= allowed(*c, c.chars().count()))
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

/// `s` on one line, cut to 60 characters, for quoting in a message.
pub fn short(s: &str) -> String {
    let mut out: String = s.chars().take(60).collect();
    if s.chars().count() > 60 {
        out.push('…');
    }
    out.replace('\n', " ")
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
    fn lists_are_shortened() {
        assert_eq!(list(&["a", "b", "c"], 2), "`a`, `b`, and 1 more");
    }
}

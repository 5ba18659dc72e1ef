//! Which lint rules run: `--select` and `--ignore` (and their keys in `noticec.toml`), as in ruff.
//!
//! A selector is a rule's code (`N401`, any case), its name (`missing-retention`), a prefix of codes
//! (`N4` for the retention rules, `N` for all) or `ALL`. A rule runs when some `select` selector
//! matches it (or `select` is empty) and no `ignore` selector does. Structural codes (`E0xx`) are errors
//! in the notices and always reported: selecting or ignoring one is refused, as is a selector that
//! matches no rule, so a typo never silently turns a rule off.

use crate::diagnostics::Code;

/// One selector, resolved against the lint rules.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Selector {
    /// Every rule (`ALL`).
    All,
    /// The rules whose code starts with this (uppercase) prefix.
    Prefix(String),
    /// One rule.
    Rule(Code),
}

impl Selector {
    /// Whether the selector matches the rule.
    fn matches(&self, code: Code) -> bool {
        match self {
            Selector::All => true,
            Selector::Prefix(prefix) => code.as_str().starts_with(prefix.as_str()),
            Selector::Rule(rule) => *rule == code,
        }
    }
}

/// A selector that names no lint rule.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct SelectError {
    /// What is wrong, with a fix where one is likely.
    pub message: String,
}

/// The lint rules a run checks. The default selects every rule.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    /// The rules selected; empty means all.
    select: Vec<Selector>,
    /// The rules left out of those selected.
    ignore: Vec<Selector>,
}

impl Selection {
    /// Resolves the `select` and `ignore` lists; the first selector that names no lint rule is refused.
    pub fn new<S: AsRef<str>>(select: &[S], ignore: &[S]) -> Result<Selection, SelectError> {
        let parse = |list: &[S], flag: &str| -> Result<Vec<Selector>, SelectError> {
            list.iter().map(|s| parse(s.as_ref(), flag)).collect()
        };
        Ok(Selection {
            select: parse(select, "select")?,
            ignore: parse(ignore, "ignore")?,
        })
    }

    /// Whether the rule runs.
    pub fn enabled(&self, code: Code) -> bool {
        let selected = self.select.is_empty() || self.select.iter().any(|s| s.matches(code));
        selected && !self.ignore.iter().any(|s| s.matches(code))
    }

    /// Whether every rule runs.
    pub fn is_all(&self) -> bool {
        Code::lint().all(|c| self.enabled(c))
    }
}

/// Reads one selector given to `--select` or `--ignore` (named by `flag` in messages).
fn parse(text: &str, flag: &str) -> Result<Selector, SelectError> {
    let text = text.trim();
    let fail = |message: String| Err(SelectError { message });
    if text.is_empty() {
        return fail(format!(
            "`--{flag}` was given an empty rule: name a rule code (`N401`), a name (`missing-retention`), a prefix (`N4`) or `ALL`"
        ));
    }
    if text.eq_ignore_ascii_case("all") {
        return Ok(Selector::All);
    }
    if let Some(code) = Code::parse(text) {
        if !code.is_lint() {
            return fail(format!(
                "`--{flag} {text}`: {code} is a problem in the notices, not a lint rule, and is always reported; only lint rules (N…) can be selected or ignored"
            ));
        }
        return Ok(Selector::Rule(code));
    }
    let upper = text.to_ascii_uppercase();
    if upper.starts_with('N') && Code::lint().any(|c| c.as_str().starts_with(upper.as_str())) {
        return Ok(Selector::Prefix(upper));
    }
    let names: Vec<&str> = Code::lint().flat_map(|c| [c.as_str(), c.name()]).collect();
    let hint = match crate::suggest::did_you_mean(text, names.iter().copied()) {
        Some(near) => format!("did you mean `{near}`?"),
        None => "`noticec rules` lists them".to_owned(),
    };
    fail(format!(
        "`--{flag} {}` names no lint rule: give a code (`N401`), a name (`missing-retention`), a prefix (`N4`) or `ALL`; {hint}",
        crate::suggest::short(text)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sel(select: &[&str], ignore: &[&str]) -> Selection {
        match Selection::new(select, ignore) {
            Ok(s) => s,
            Err(e) => panic!("{e}"),
        }
    }

    #[test]
    fn the_default_runs_every_rule() {
        let all = Selection::default();
        assert!(Code::lint().all(|c| all.enabled(c)));
        assert!(all.is_all());
    }

    #[test]
    fn select_by_code_name_prefix_and_all() {
        let one = sel(&["n401"], &[]);
        assert!(one.enabled(Code::N401));
        assert!(!one.enabled(Code::N701));
        let by_name = sel(&[Code::N401.name()], &[]);
        assert_eq!(by_name, one);
        let prefix = sel(&["N4"], &[]);
        assert!(
            Code::lint()
                .filter(|c| prefix.enabled(*c))
                .all(|c| c.as_str().starts_with("N4"))
        );
        assert!(prefix.enabled(Code::N401));
        assert!(sel(&["ALL"], &[]).is_all());
    }

    #[test]
    fn ignore_wins_over_select() {
        let s = sel(&["N"], &["N701", "N4"]);
        assert!(!s.enabled(Code::N701));
        assert!(!s.enabled(Code::N401));
        assert!(s.enabled(Code::N101));
    }

    #[test]
    fn structural_codes_typos_and_blanks_are_refused() {
        let err = |s: &str| Selection::new(&[s], &[]).err().map(|e| e.message);
        assert!(err("E010").is_some_and(|m| m.contains("always reported")));
        assert!(err("N999").is_some_and(|m| m.contains("names no lint rule")));
        assert!(
            err("mising-retention").is_some_and(|m| m.contains("did you mean `missing-retention`"))
        );
        assert!(err(" ").is_some_and(|m| m.contains("empty")));
        assert!(err("X").is_some());
    }
}

//! `noticec rules` and `noticec explain`: the rule registry, for people and for tools.

use std::fmt::Write as _;

use serde_json::json;

use super::{Result, print};
use crate::Outcome;
use crate::cli::{ExplainArgs, ListFormat, RulesArgs};
use noticec::diagnostics::Code;
use noticec::lint::RULES;
use noticec::suggest::did_you_mean;

/// Runs `rules`.
pub(crate) fn list(args: &RulesArgs) -> Result<Outcome> {
    match args.format {
        ListFormat::Json => {
            let rules: Vec<_> = RULES
                .iter()
                .map(|r| {
                    let c = r.code;
                    json!({
                        "code": c,
                        "name": c.name(),
                        "severity": c.severity().as_str(),
                        "article": c.article(),
                        "summary": c.summary(),
                    })
                })
                .collect();
            let mut text = serde_json::to_string_pretty(&rules)?;
            text.push('\n');
            print(&text)?;
        }
        ListFormat::Human => {
            let mut text = String::new();
            for c in RULES.iter().map(|r| r.code) {
                let _ = writeln!(
                    text,
                    "{}  {:<8} {:<36} {}",
                    c,
                    c.severity().as_str(),
                    c.name(),
                    c.summary()
                );
                if let Some(article) = c.article() {
                    let _ = writeln!(text, "{:<52}{article}", "");
                }
            }
            let _ = write!(
                text,
                "\n{} rules; `noticec explain CODE` explains one\n",
                RULES.len()
            );
            print(&text)?;
        }
    }
    Ok(Outcome::Clean)
}

/// Runs `explain`: any code, structural or lint, by code or name.
pub(crate) fn explain(args: &ExplainArgs) -> Result<Outcome> {
    if let Some(code) = Code::parse(&args.code) {
        print(&code.explain())?;
        return Ok(Outcome::Clean);
    }
    if let Some(kind) = noticec::diff::kinds::find(&args.code) {
        print(&noticec::diff::kinds::explain(kind))?;
        return Ok(Outcome::Clean);
    }
    let lint_first = Code::lint().chain(Code::ALL.iter().copied().filter(|c| !c.is_lint()));
    let candidates = lint_first.flat_map(|c| [c.as_str(), c.name()]);
    let hint = match did_you_mean(&args.code, candidates) {
        Some(best) => format!("did you mean `{best}`?"),
        None => "`noticec rules` lists every rule".to_owned(),
    };
    Err(format!("no code or rule is called `{}`; {hint}", args.code).into())
}

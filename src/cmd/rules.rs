//! `noticec rules` and `noticec explain`: the rule registry, for people and for tools.

use serde_json::json;

use super::{Result, print};
use crate::Outcome;
use crate::cli::{ExplainArgs, ListFormat, RulesArgs};
use noticec::diagnostics::codes;
use noticec::lint::{RULES, find_rule};
use noticec::suggest::did_you_mean;

/// Runs `rules`.
pub fn list(args: &RulesArgs) -> Result<Outcome> {
    match args.format {
        ListFormat::Json => {
            let rules: Vec<_> = RULES
                .iter()
                .map(|r| {
                    json!({
                        "code": r.code,
                        "name": r.name,
                        "severity": r.severity.as_str(),
                        "article": r.article,
                        "summary": r.summary,
                    })
                })
                .collect();
            let mut text = serde_json::to_string_pretty(&rules)?;
            text.push('\n');
            print(&text)?;
        }
        ListFormat::Human => {
            let mut text = String::new();
            for r in RULES {
                text.push_str(&format!(
                    "{}  {:<8} {:<36} {}\n",
                    r.code,
                    r.severity.as_str(),
                    r.name,
                    r.summary
                ));
                if let Some(article) = r.article {
                    text.push_str(&format!("{:<52}{article}\n", ""));
                }
            }
            text.push_str(&format!(
                "\n{} rules; `noticec explain CODE` explains one\n",
                RULES.len()
            ));
            print(&text)?;
        }
    }
    Ok(Outcome::Clean)
}

/// Runs `explain`.
pub fn explain(args: &ExplainArgs) -> Result<Outcome> {
    if let Some(rule) = find_rule(&args.code) {
        let article = rule.article.unwrap_or("good practice");
        print(&format!(
            "{} {} ({}, {article})\n\n{}\n",
            rule.code,
            rule.name,
            rule.severity.as_str(),
            rule.explanation.trim_end()
        ))?;
        return Ok(Outcome::Clean);
    }
    if let Some((code, name, summary)) = codes::structure(&args.code) {
        print(&format!(
            "{code} {name} (error)\n\nReported when {summary}. `noticec check` prints where, and the likely fix.\n"
        ))?;
        return Ok(Outcome::Clean);
    }
    let candidates = RULES
        .iter()
        .flat_map(|r| [r.code, r.name])
        .chain(codes::STRUCTURE.iter().flat_map(|(c, n, _)| [*c, *n]));
    let hint = match did_you_mean(&args.code, candidates) {
        Some(best) => format!("did you mean `{best}`?"),
        None => "`noticec rules` lists every rule".to_owned(),
    };
    Err(format!("no code or rule is called `{}`; {hint}", args.code).into())
}

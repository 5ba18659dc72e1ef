//! Whether data must be provided, and automated decisions (Art. 13(2)(e)(f), 14(2)(g)).

use super::{Ctx, Finding};
use crate::model::SourceParty;

/// N601: no statement on whether providing data is required (only where the person gives data).
pub(super) fn missing_provision_requirement(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let from_person = ctx.notice.sources.is_empty()
        || ctx
            .notice
            .sources
            .iter()
            .any(|s| s.party == Some(SourceParty::DataSubject));
    if from_person && ctx.notice.requirements.is_empty() {
        out.push(
            Finding::new(ctx.p("/id"), format!("notice `{}` does not say whether people must provide their data", ctx.notice.id))
                .help("add `requirements:` saying whether it is `statutory`, `contractual`, `needed_for_service` or `voluntary`, and the `consequences:` of not providing it"),
        );
    }
}

/// N602: a requirement without its kind or its consequences.
pub(super) fn requirement_incomplete(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for (i, q) in ctx.notice.requirements.iter().enumerate() {
        let missing = match (q.requirement.is_some(), q.consequences.is_some()) {
            (true, true) => continue,
            (false, true) => "whether providing the data is required",
            (true, false) => "what happens if the data is not provided",
            (false, false) => {
                "whether providing the data is required, or what happens if it is not"
            }
        };
        out.push(
            Finding::new(ctx.p(&format!("/requirements/{i}")), format!("a requirement does not say {missing}"))
                .help("give `requirement:` (`statutory`, `contractual`, `contract_prerequisite`, `needed_for_service`, `voluntary`) and `consequences:`"),
        );
    }
}

/// N603: an automated decision without its logic.
pub(super) fn automated_decision_without_logic(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for (i, a) in ctx.notice.automated_decisions.iter().enumerate() {
        if a.logic.is_none() {
            out.push(
                Finding::new(ctx.p(&format!("/automated_decisions/{i}/id")), format!("automated decision `{}` gives no information about its logic", a.id))
                    .help("add `logic:` explaining, in plain words, what the decision is based on and how"),
            );
        }
    }
}

/// N604: an automated decision without its significance or its likely consequences (both are required).
pub(super) fn automated_decision_without_consequences(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for (i, a) in ctx.notice.automated_decisions.iter().enumerate() {
        let missing = match (a.significance.is_some(), a.consequences.is_some()) {
            (true, true) => continue,
            (false, true) => "its significance",
            (true, false) => "its likely consequences",
            (false, false) => "its significance or likely consequences",
        };
        out.push(
            Finding::new(
                ctx.p(&format!("/automated_decisions/{i}/id")),
                format!(
                    "automated decision `{}` does not say {missing} for the person",
                    a.id
                ),
            )
            .help("add `significance:` and `consequences:` for the person"),
        );
    }
}

//! Personal data, its sources, special category and criminal offence data (Art. 9, 10, 14(1)(d), 14(2)(f)).

use super::{Ctx, Finding};
use crate::model::ClosedList;

/// N201: no data categories, where Art. 14 applies or the notice does not say where data comes from.
pub(super) fn missing_data_categories(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let art14_possible = ctx.art14() || ctx.notice.sources.is_empty();
    if ctx.notice.data_categories.is_empty() && art14_possible {
        out.push(
            Finding::new(
                ctx.p("/id"),
                format!(
                    "notice `{}` lists no categories of personal data",
                    ctx.notice.id
                ),
            )
            .help("add `data_categories:`, each with an `id:` and a `name:`"),
        );
    }
}

/// N202: no sources at all.
pub(super) fn missing_data_sources(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    if ctx.notice.sources.is_empty() {
        out.push(
            Finding::new(ctx.p("/id"), format!("notice `{}` never says where the data comes from", ctx.notice.id))
                .help("add `sources:`; a source with `party: data_subject` says the person gives it themself"),
        );
    }
}

/// N203: Art. 14 applies, the notice links some categories to their sources, and a category does not
/// name its sources.
pub(super) fn category_without_source(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    if !ctx.art14() || !ctx.links_sources() {
        return;
    }
    for (i, c) in ctx.notice.data_categories.iter().enumerate() {
        if c.sources.is_empty() {
            out.push(
                Finding::new(
                    ctx.p(&format!("/data_categories/{i}/id")),
                    format!("data category `{}` does not say where it comes from", c.id),
                )
                .help("where the notice says where this data comes from, add `sources:` with their ids"),
            );
        }
    }
}

/// N204: special category data without an Art. 9(2) condition. Conditions the notice states for its
/// special category data as a whole cover every category; a justification in the notice's own words is
/// reported by N209 instead, so the same gap is not reported twice.
pub(super) fn special_category_without_condition(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let overall = ctx
        .notice
        .special_category_conditions
        .as_ref()
        .is_some_and(|s| !s.art9_conditions.is_empty() || !s.art9_justifications.is_empty());
    if overall {
        return;
    }
    for (i, c) in ctx.notice.data_categories.iter().enumerate() {
        if !c.special_category.is_empty()
            && c.art9_conditions.is_empty()
            && c.art9_justifications.is_empty()
        {
            let kinds: Vec<&str> = c.special_category.iter().map(|k| k.key()).collect();
            out.push(
                Finding::new(ctx.p(&format!("/data_categories/{i}/special_category")), format!("data category `{}` holds special category data ({}) without an Art. 9(2) condition", c.id, kinds.join(", ")))
                    .help("add `art9_conditions:` with the conditions the notice names (for example `explicit_consent`, `health_social_care`, `substantial_public_interest`), or under `special_category_conditions:` where it names them for all its special category data; if it names none, report the gap to the controller"),
            );
        }
    }
}

/// N205: an Art. 9(2) condition that needs a Schedule 1 condition has none.
pub(super) fn missing_schedule1_condition(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for (i, c) in ctx.notice.data_categories.iter().enumerate() {
        if !c.schedule1_conditions.is_empty() {
            continue;
        }
        if let Some((j, condition)) = c
            .art9_conditions
            .iter()
            .enumerate()
            .find(|(_, a)| a.needs_schedule1())
        {
            out.push(
                Finding::new(ctx.p(&format!("/data_categories/{i}/art9_conditions/{j}")), format!("data category `{}` relies on `{}`, which needs a DPA 2018 Schedule 1 condition, but names none", c.id, condition.key()))
                    .help("add `schedule1_conditions:` (for example `equality_of_opportunity`, `safeguarding_children_and_at_risk`, `health_social_care`)"),
            );
        }
    }
}

/// N206: a Schedule 1 condition that needs an appropriate policy document has none.
pub(super) fn missing_appropriate_policy_document(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for (i, c) in ctx.notice.data_categories.iter().enumerate() {
        if c.appropriate_policy_document.is_some() {
            continue;
        }
        if let Some((j, condition)) = c
            .schedule1_conditions
            .iter()
            .enumerate()
            .find(|(_, s)| s.needs_policy_document())
        {
            out.push(
                Finding::new(ctx.p(&format!("/data_categories/{i}/schedule1_conditions/{j}")), format!("data category `{}` relies on `{}`, which needs an appropriate policy document, but links none", c.id, condition.key()))
                    .help("add `appropriate_policy_document:` with the link to the controller's policy document"),
            );
        }
    }
}

/// N207: criminal offence data without a Schedule 1 condition.
pub(super) fn criminal_data_without_condition(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for (i, c) in ctx.notice.data_categories.iter().enumerate() {
        if c.criminal_offence_data && c.schedule1_conditions.is_empty() {
            out.push(
                Finding::new(ctx.p(&format!("/data_categories/{i}/criminal_offence_data")), format!("data category `{}` holds criminal offence data without a DPA 2018 Schedule 1 condition", c.id))
                    .help("add `schedule1_conditions:` (for example `criminal_legal_claims`, `criminal_substantial_public_interest`)"),
            );
        }
    }
}

/// N208: a category no purpose uses, in a notice that links purposes to their data.
pub(super) fn unused_data_category(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    if !ctx.links_categories() {
        return;
    }
    for (i, c) in ctx.notice.data_categories.iter().enumerate() {
        let used = ctx
            .notice
            .purposes
            .iter()
            .any(|p| p.categories.contains(&c.id));
        if !used {
            out.push(
                Finding::new(
                    ctx.p(&format!("/data_categories/{i}/id")),
                    format!("data category `{}` is used by no purpose", c.id),
                )
                .help(format!(
                    "where the notice says which purposes use it, add `{}` to their `categories:`",
                    c.id
                )),
            );
        }
    }
}

/// N209: special category data justified by words that are not an Art. 9(2) condition (`where it is
/// necessary for housing purposes`), for one category or for the notice as a whole.
pub(super) fn justification_not_art9_condition(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let help = "keep the notice's words; if it also names an Art. 9(2) condition, add it under `art9_conditions:`, otherwise report the gap to the controller";
    for (i, c) in ctx.notice.data_categories.iter().enumerate() {
        for j in 0..c.art9_justifications.len() {
            out.push(
                Finding::new(
                    ctx.p(&format!("/data_categories/{i}/art9_justifications/{j}")),
                    format!(
                        "data category `{}` is justified by words that are not an Art. 9(2) condition",
                        c.id
                    ),
                )
                .help(help),
            );
        }
    }
    if let Some(overall) = &ctx.notice.special_category_conditions {
        for j in 0..overall.art9_justifications.len() {
            out.push(
                Finding::new(
                    ctx.p(&format!("/special_category_conditions/art9_justifications/{j}")),
                    "the notice justifies its special category data by words that are not an Art. 9(2) condition",
                )
                .help(help),
            );
        }
    }
}

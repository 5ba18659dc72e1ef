//! How long data is kept (Art. 13(2)(a), 14(2)(a)).

use super::{Ctx, Finding};

/// N401: no retention at all.
pub(super) fn missing_retention(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    if ctx.notice.retention.is_empty() {
        out.push(
            Finding::new(ctx.p("/id"), format!("notice `{}` does not say how long data is kept", ctx.notice.id))
                .help("add `retention:` with a `period:` (like `P6Y`) and `from:`, an `until:` event, or the `criteria:` used"),
        );
    }
}

/// N402: a period without a starting event.
pub(super) fn retention_without_start(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for (i, r) in ctx.notice.retention.iter().enumerate() {
        if let Some(period) = &r.period
            && r.from.is_none()
        {
            out.push(
                Finding::new(
                    ctx.p(&format!("/retention/{i}/period")),
                    format!("retention period `{period}` does not say when it starts"),
                )
                .help(
                    "add `from:` (for example `collection`, `end_of_service`, `end_of_contract`)",
                ),
            );
        }
    }
}

/// N403: a rule with no period, end event, criteria or schedule (a schedule the notice does not link is
/// N405).
pub(super) fn retention_without_length(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for (i, r) in ctx.notice.retention.iter().enumerate() {
        if r.period.is_none() && r.until.is_none() && r.criteria.is_none() && r.schedule.is_none() {
            out.push(
                Finding::new(ctx.p(&format!("/retention/{i}")), "a retention rule gives no period, end event or criteria")
                    .help("add `period:` with `from:`, an `until:` event, or the `criteria:` used to decide"),
            );
        }
    }
}

/// N404: a category covered by no retention rule (when the notice has rules, but none general). A rule
/// for a purpose covers the categories the purpose uses; when the notice links no purpose to its data,
/// which categories such a rule covers is unknown, and the rule does not guess.
pub(super) fn category_without_retention(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let rules = &ctx.notice.retention;
    let general = rules
        .iter()
        .any(|r| r.categories.is_empty() && r.purposes.is_empty());
    let unknown = rules.iter().any(|r| !r.purposes.is_empty()) && !ctx.links_categories();
    if rules.is_empty() || general || unknown {
        return;
    }
    for (i, c) in ctx.notice.data_categories.iter().enumerate() {
        let covered = rules.iter().any(|r| {
            r.categories.contains(&c.id)
                || r.purposes.iter().any(|p| {
                    ctx.notice
                        .purposes
                        .iter()
                        .any(|q| &q.id == p && q.categories.contains(&c.id))
                })
        });
        if !covered {
            out.push(
                Finding::new(
                    ctx.p(&format!("/data_categories/{i}/id")),
                    format!("data category `{}` is covered by no retention rule", c.id),
                )
                .help(format!(
                    "add `{}` to the `categories:` of a retention rule, or add a rule for it",
                    c.id
                )),
            );
        }
    }
}

/// N405: a rule whose only measure is a retention schedule the notice neither links nor publishes.
pub(super) fn retention_schedule_without_link(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for (i, r) in ctx.notice.retention.iter().enumerate() {
        if let Some(schedule) = &r.schedule
            && schedule.url.is_none()
            && r.period.is_none()
            && r.until.is_none()
        {
            out.push(
                Finding::new(
                    ctx.p(&format!("/retention/{i}/schedule")),
                    format!(
                        "a retention rule refers only to `{}`, which the notice does not link",
                        schedule.name
                    ),
                )
                .help("add `url:` to `schedule:` where the notice links it or the controller publishes it; otherwise report the gap to the controller"),
            );
        }
    }
}

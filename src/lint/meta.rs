//! How the notice is kept, linked and printed, and the allow lists themselves.

use super::{Ctx, Finding, RULES, find_rule};
use crate::diagnostics::Code;
use crate::graph::must_read_alongside;
use crate::model::{ClosedList, LawfulBasis, NoticeFile};
use crate::suggest::did_you_mean;

/// N701: last updated longer ago than the review period.
pub(super) fn notice_out_of_date(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let Some(date) = ctx
        .notice
        .last_updated
        .as_ref()
        .map(crate::model::Date::date)
    else {
        return;
    };
    let months = ctx.options.max_age_months;
    // A period that is not positive means nothing, and one past the calendar's range cannot be
    // measured: either way there is no date to compare with, so no note.
    if months <= 0 {
        return;
    }
    let Ok(limit) = jiff::Span::new()
        .try_months(months)
        .and_then(|span| ctx.options.today.checked_sub(span))
    else {
        return;
    };
    if date < limit {
        out.push(
            Finding::new(ctx.p("/last_updated"), format!("notice `{}` was last updated on {date}, more than {months} months ago", ctx.notice.id))
                .help("review the notice against current practice and update `last_updated:`; `--max-age-months` sets the review period"),
        );
    }
}

/// N702: no last-updated date.
pub(super) fn missing_last_updated(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    if ctx.notice.last_updated.is_none() {
        out.push(
            Finding::new(
                ctx.p("/id"),
                format!(
                    "notice `{}` does not say when it was last updated",
                    ctx.notice.id
                ),
            )
            .help("add `last_updated: YYYY-MM-DD`"),
        );
    }
}

/// N703: a notice to read alongside with no link.
pub(super) fn related_notice_unreachable(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for (i, r) in ctx.notice.related.iter().enumerate() {
        let must_read = must_read_alongside(r.relation);
        if must_read && r.notice.is_none() && r.url.is_none() {
            out.push(
                Finding::new(
                    ctx.p(&format!("/related/{i}")),
                    format!(
                        "`{}` must be read alongside this notice but has no link",
                        r.title
                    ),
                )
                .help("add `notice:` with its id in this file, or `url:` where it is published"),
            );
        }
    }
}

/// N704: a form without a signature block.
pub(super) fn form_without_signature_block(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    if let Some(form) = &ctx.notice.form
        && form.signature_blocks.is_empty()
    {
        out.push(
            Finding::new(
                ctx.p("/form"),
                format!(
                    "the form of notice `{}` has no signature block",
                    ctx.notice.id
                ),
            )
            .help("where the source form has a place to sign, add `signature_blocks: [{ signer: data_subject }]`"),
        );
    }
}

/// N705: a consent purpose with no box on the form.
pub(super) fn consent_purpose_missing_from_form(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let Some(form) = &ctx.notice.form else { return };
    for (i, p) in ctx.notice.purposes.iter().enumerate() {
        let boxed = form
            .statements
            .iter()
            .any(|s| s.purpose.as_ref() == Some(&p.id));
        if p.lawful_bases.contains(&LawfulBasis::Consent) && !boxed {
            out.push(
                Finding::new(
                    ctx.p(&format!("/purposes/{i}/id")),
                    format!(
                        "purpose `{}` relies on consent, but the form has no box for it",
                        p.id
                    ),
                )
                .help(format!(
                    "add a consent statement with `purpose: {}` under `form.statements`",
                    p.id
                )),
            );
        }
    }
}

/// N706: a signature block that does not say what signing means, on a form that does not say either.
pub(super) fn signature_without_declaration(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let Some(form) = &ctx.notice.form else { return };
    if form.acknowledgement.is_some() {
        return;
    }
    for (i, b) in form.signature_blocks.iter().enumerate() {
        if b.declaration.is_none() {
            out.push(
                Finding::new(
                    ctx.p(&format!("/form/signature_blocks/{i}/signer")),
                    format!(
                        "the `{}` signature block does not say what signing means",
                        b.signer.key()
                    ),
                )
                .help("add `declaration:` with what the signer confirms, or `acknowledgement:` to the form, in the form's words; if it says nothing, report the gap to the controller"),
            );
        }
    }
}

/// A finding of an allow-list rule, with its code and the notice it is in.
pub(super) struct AllowFinding {
    pub code: Code,
    pub notice: Option<String>,
    pub finding: Finding,
}

/// N901 and N902: allows without a reason, and allows of rules that do not exist.
pub(super) fn allow_findings(file: &NoticeFile) -> Vec<AllowFinding> {
    let lists = std::iter::once((String::new(), None, &file.allow)).chain(
        file.notices
            .iter()
            .enumerate()
            .map(|(i, n)| (format!("/notices/{i}"), Some(n.id.to_string()), &n.allow)),
    );
    let mut out = Vec::new();
    for (at, notice, allows) in lists {
        for (j, a) in allows.iter().enumerate() {
            let pointer = format!("{at}/allow/{j}");
            if find_rule(&a.rule).is_none() {
                let candidates = RULES.iter().flat_map(|r| [r.code.as_str(), r.code.name()]);
                let mut f = Finding::new(
                    format!("{pointer}/rule"),
                    format!("no lint rule is called `{}`", a.rule),
                );
                f = match did_you_mean(&a.rule, candidates) {
                    Some(best) => f.help(format!("did you mean `{best}`?")),
                    None => f.help("`noticec rules` lists every rule"),
                };
                out.push(AllowFinding {
                    code: Code::N902,
                    notice: notice.clone(),
                    finding: f,
                });
            }
            if a.reason.as_deref().is_none_or(|r| r.trim().is_empty()) {
                out.push(AllowFinding {
                    code: Code::N901,
                    notice: notice.clone(),
                    finding: Finding::new(pointer, format!("rule `{}` is allowed without a reason", a.rule))
                        .help("add `reason:` saying why the rule does not apply, so the next reader knows"),
                });
            }
        }
    }
    out
}

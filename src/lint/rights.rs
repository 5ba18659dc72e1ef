//! The person's rights, and whether they fit the lawful bases relied on (Art. 7(3), 13(2)(b)-(d), 15-21, 77).

use super::{Ctx, Finding, Reliance, Via};
use crate::model::{HowTo, LawfulBasis, LawfulBasis::Consent, Purpose, Right};

fn missing(ctx: &Ctx<'_>, out: &mut Vec<Finding>, right: Right, what: &str) {
    if !ctx.graph.tells_right(ctx.notice, right) {
        let help = match right {
            Right::Complain => "add `{ right: complain, authority: ico }` under `rights:`, with the ICO under `organisations:`".to_owned(),
            _ => format!("add `{{ right: {}, how: {{ contact: … }} }}` under `rights:`", crate::model::ClosedList::key(right)),
        };
        out.push(
            Finding::new(
                ctx.p("/id"),
                format!("notice `{}` does not mention {what}", ctx.notice.id),
            )
            .help(help),
        );
    }
}

/// N501.
pub(super) fn missing_right_of_access(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    missing(ctx, out, Right::Access, "the right of access");
}

/// N502.
pub(super) fn missing_right_to_rectification(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    missing(ctx, out, Right::Rectification, "the right to rectification");
}

/// N503.
pub(super) fn missing_right_to_erasure(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    missing(ctx, out, Right::Erasure, "the right to erasure");
}

/// N504.
pub(super) fn missing_right_to_restriction(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    missing(
        ctx,
        out,
        Right::Restriction,
        "the right to restrict processing",
    );
}

/// N505: the right to object, where legitimate interests or public task is relied on, or for marketing.
pub(super) fn missing_right_to_object(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    if ctx.relies_on(LawfulBasis::LegitimateInterests)
        || ctx.relies_on(LawfulBasis::PublicTask)
        || ctx.direct_marketing()
    {
        missing(
            ctx,
            out,
            Right::Objection,
            "the right to object, though it relies on legitimate interests or public task, or markets to people",
        );
    }
}

/// N506: the right to portability, where consent or contract is relied on.
pub(super) fn missing_right_to_portability(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    if ctx.relies_on(LawfulBasis::Consent) || ctx.relies_on(LawfulBasis::Contract) {
        missing(
            ctx,
            out,
            Right::Portability,
            "the right to data portability, though it relies on consent or contract",
        );
    }
}

/// N507: the right to withdraw consent, where consent is relied on.
pub(super) fn missing_right_to_withdraw_consent(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    if ctx.relies_on(LawfulBasis::Consent) {
        missing(
            ctx,
            out,
            Right::WithdrawConsent,
            "the right to withdraw consent, though it relies on consent",
        );
    }
}

/// N508: the right to complain to the ICO.
pub(super) fn missing_right_to_complain(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    missing(
        ctx,
        out,
        Right::Complain,
        "the right to complain to the Information Commissioner's Office",
    );
}

/// N509: a right offered that no basis in the notice gives. Only checked where the notice says which
/// bases it relies on for everything it does ([`Ctx::bases_known`]): a basis it leaves unsaid may be the
/// one that gives the right.
pub(super) fn right_contradicts_basis(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    use LawfulBasis::*;
    for (i, r) in ctx.notice.rights.iter().enumerate() {
        let (needs, what): (&[LawfulBasis], &str) = match r.right {
            Right::Portability => (
                &[Consent, Contract],
                "portability applies only where the basis is consent or contract",
            ),
            Right::Objection => (
                &[LegitimateInterests, PublicTask],
                "the right to object applies only where the basis is legitimate interests or public task",
            ),
            Right::WithdrawConsent => (
                &[Consent],
                "withdrawal applies only where the basis is consent",
            ),
            _ => continue,
        };
        let marketing = r.right == Right::Objection && ctx.direct_marketing();
        if ctx.bases_known() && !marketing && !needs.iter().any(|b| ctx.relies_on(*b)) {
            out.push(
                Finding::new(
                    ctx.p(&format!("/rights/{i}/right")),
                    format!(
                        "right `{}` is offered, but {what}, and the notice relies on no such basis",
                        crate::model::ClosedList::key(r.right)
                    ),
                )
                .help("check the lawful bases against the notice; if it offers the right all the same, keep it and report the mismatch to the controller"),
            );
        }
    }
}

/// Whether a `how:` says how: it names a contact or gives instructions (an empty `how: {}` does not).
fn says_how(how: Option<&HowTo>) -> bool {
    how.is_some_and(|h| h.contact.is_some() || h.instructions.is_some())
}

/// N510: consent relied on with no way to withdraw it. A way the notice gives for all its consent (the
/// right to withdraw consent with a `how:`, the form's `withdrawal:`, or one given with consent for the
/// notice as a whole) covers everything. Otherwise each consent purpose needs its own, and consent relied
/// on anywhere else (sharing or collecting "only with your consent", consent for sharing or for the notice
/// as a whole, a box on the form, explicit consent) is reported once when the notice gives no way to
/// withdraw consent at all.
pub(super) fn consent_without_withdrawal_method(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let n = ctx.notice;
    let general = n
        .rights
        .iter()
        .any(|r| r.right == Right::WithdrawConsent && says_how(r.how.as_ref()))
        || n.form
            .as_ref()
            .is_some_and(|f| says_how(f.withdrawal.as_ref()))
        || n.lawful_bases.iter().any(|b| {
            b.basis == Consent && says_how(b.consent.as_ref().and_then(|c| c.withdraw.as_ref()))
        });
    if general {
        return;
    }
    let own = |p: &Purpose| {
        says_how(p.consent.as_ref().and_then(|c| c.withdraw.as_ref()))
            || says_how(p.opt_out.as_ref())
    };
    for (i, p) in n.purposes.iter().enumerate() {
        if p.lawful_bases.contains(&Consent) && !own(p) {
            out.push(
                Finding::new(
                    ctx.p(&format!("/purposes/{i}/id")),
                    format!(
                        "purpose `{}` relies on consent but does not say how to withdraw it",
                        p.id
                    ),
                )
                .help("add `consent: { withdraw: { contact: …, instructions: … } }` to the purpose with the way the notice gives; if it gives none, report the gap to the controller"),
            );
        }
    }
    let anywhere = n
        .purposes
        .iter()
        .any(|p| p.lawful_bases.contains(&Consent) && own(p));
    let elsewhere: Vec<Reliance> = ctx
        .consent_uses()
        .into_iter()
        .filter(|r| r.via != Via::PurposeBasis)
        .collect();
    if let Some(first) = elsewhere.first()
        && !anywhere
    {
        let what: Vec<&str> = elsewhere.iter().map(|r| r.what.as_str()).collect();
        out.push(
            Finding::new(
                first.pointer.clone(),
                format!(
                    "the notice relies on consent ({}) but never says how to withdraw it",
                    what.join(", ")
                ),
            )
            .help("add `{ right: withdraw_consent, how: { contact: …, instructions: … } }` under `rights:` with the way the notice gives; if it gives none, report the gap to the controller"),
        );
    }
}

/// N511: a right without a way to use it.
pub(super) fn right_without_how(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for (i, r) in ctx.notice.rights.iter().enumerate() {
        let has_how = r
            .how
            .as_ref()
            .is_some_and(|h| h.contact.is_some() || h.instructions.is_some());
        if !has_how && r.authority.is_none() {
            out.push(
                Finding::new(
                    ctx.p(&format!("/rights/{i}/right")),
                    format!(
                        "right `{}` does not say how to use it",
                        crate::model::ClosedList::key(r.right)
                    ),
                )
                .help("add `how: { contact: … }` or `how: { instructions: … }`"),
            );
        }
    }
}

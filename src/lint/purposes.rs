//! Purposes and lawful bases (Art. 13(1)(c)(d), 14(1)(c), 14(2)(b)).

use super::{Ctx, Finding};
use crate::model::{ClosedList, LawfulBasis};

/// N101: no purposes.
pub(super) fn missing_purposes(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    if ctx.notice.purposes.is_empty() {
        out.push(
            Finding::new(
                ctx.p("/id"),
                format!("notice `{}` states no purposes", ctx.notice.id),
            )
            .help("add `purposes:`, each with a `name:` and its `lawful_bases:`"),
        );
    }
}

/// N102: a purpose without a lawful basis of its own. Where the notice states bases only for the notice
/// as a whole, the finding says so: the basis of this purpose is then for the controller to say, not for
/// whoever transcribes the notice to pick.
pub(super) fn purpose_without_lawful_basis(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let overall: Vec<String> = ctx
        .notice
        .lawful_bases
        .iter()
        .map(|b| format!("`{}`", b.basis.key()))
        .collect();
    for (i, p) in ctx.notice.purposes.iter().enumerate() {
        if !p.lawful_bases.is_empty() {
            continue;
        }
        let at = ctx.p(&format!("/purposes/{i}/id"));
        let finding = if overall.is_empty() {
            Finding::new(at, format!("purpose `{}` has no lawful basis", p.id))
                .help("add `lawful_bases:` with the basis the notice states for this purpose; if it states none, report the gap to the controller")
        } else {
            Finding::new(at, format!("purpose `{}` has no lawful basis of its own; the notice states bases only for the notice as a whole ({})", p.id, overall.join(", ")))
                .help("link the basis the notice states for this purpose under `lawful_bases:`, or report the gap to the controller; the ICO expects a basis for each purpose (Art. 13(1)(c))")
        };
        out.push(finding);
    }
}

/// N103: legitimate interests relied on without saying what they are. A purpose's own interests count,
/// and so do those the notice states with legitimate interests for the notice as a whole.
pub(super) fn legitimate_interests_not_stated(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let li = LawfulBasis::LegitimateInterests;
    let overall = ctx
        .notice
        .lawful_bases
        .iter()
        .any(|b| b.basis == li && !b.legitimate_interests.is_empty());
    for (i, p) in ctx.notice.purposes.iter().enumerate() {
        if p.lawful_bases.contains(&li) && p.legitimate_interests.is_empty() && !overall {
            out.push(
                Finding::new(ctx.p(&format!("/purposes/{i}/lawful_bases")), format!("purpose `{}` relies on legitimate interests but does not say what they are", p.id))
                    .help("add `legitimate_interests:` with the interests the notice states, in its words; if it states none, report the gap to the controller"),
            );
        }
    }
    let any_stated = overall
        || ctx
            .notice
            .purposes
            .iter()
            .any(|p| !p.legitimate_interests.is_empty());
    for (i, b) in ctx.notice.lawful_bases.iter().enumerate() {
        if b.basis == li && !any_stated {
            out.push(
                Finding::new(ctx.p(&format!("/lawful_bases/{i}/basis")), "the notice relies on legitimate interests but does not say what they are")
                    .help("add `legitimate_interests:` with the interests the notice states, in its words; if it states none, report the gap to the controller"),
            );
        }
    }
}

/// N104: a basis the notice disclaims is stated as a basis anyway: for a purpose, for the notice as a
/// whole, or for sharing. Only Art. 6(1) statements count: asking permission ("only with your consent")
/// or explicit consent under Art. 9(2)(a) does not contradict a notice that does not rely on consent
/// under Art. 6(1)(a).
pub(super) fn disclaimed_basis_relied_on(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for (d, disclaimed) in ctx.notice.bases_not_relied_on.iter().enumerate() {
        let basis = disclaimed.basis;
        for r in ctx.bases_stated(basis) {
            out.push(
                Finding::new(
                    r.pointer,
                    format!(
                        "{} relies on `{}`, which the notice says it does not rely on",
                        r.what,
                        basis.key()
                    ),
                )
                .help(format!(
                    "if the notice says both, report the contradiction to the controller; otherwise remove `{}` here, or the statement at `bases_not_relied_on[{d}]`",
                    basis.key()
                )),
            );
        }
    }
}

/// N105: a purpose that does not say which data it uses, in a notice that links other purposes to
/// their data.
pub(super) fn purpose_without_data_categories(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    if !ctx.links_categories() {
        return;
    }
    for (i, p) in ctx.notice.purposes.iter().enumerate() {
        if p.categories.is_empty() {
            out.push(
                Finding::new(
                    ctx.p(&format!("/purposes/{i}/id")),
                    format!("purpose `{}` does not say which data it uses", p.id),
                )
                .help("where the notice says which data this purpose uses, add `categories:` with their ids"),
            );
        }
    }
}

/// N106: consent offered beside another basis for the same purpose. The ICO advises not to ask for
/// consent where another basis applies: withdrawing it would change nothing, so the choice is not real.
pub(super) fn consent_with_other_basis(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for (i, p) in ctx.notice.purposes.iter().enumerate() {
        let Some(j) = p
            .lawful_bases
            .iter()
            .position(|b| *b == LawfulBasis::Consent)
        else {
            continue;
        };
        let others: Vec<String> = p
            .lawful_bases
            .iter()
            .filter(|b| **b != LawfulBasis::Consent)
            .map(|b| format!("`{}`", b.key()))
            .collect();
        if !others.is_empty() {
            out.push(
                Finding::new(ctx.p(&format!("/purposes/{i}/lawful_bases/{j}")), format!("purpose `{}` relies on consent and on {} at once", p.id, others.join(", ")))
                    .help("if the notice says both, keep both and report it to the controller: the ICO advises not to ask for consent where another basis applies, since withdrawing it would change nothing"),
            );
        }
    }
}

/// N107: a legal obligation relied on without naming the law. A purpose may rely on the law the notice
/// names with legal obligation for the notice as a whole; a notice-wide legal obligation needs a law named
/// somewhere.
pub(super) fn legal_obligation_without_law(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let lo = LawfulBasis::LegalObligation;
    let n = ctx.notice;
    let overall = n
        .lawful_bases
        .iter()
        .any(|b| b.basis == lo && b.law.is_some());
    let help = "add `law:` with the law or duty the notice names, in its words; if it names none, report the gap to the controller";
    for (i, p) in n.purposes.iter().enumerate() {
        if let Some(j) = p.lawful_bases.iter().position(|b| *b == lo)
            && p.law.is_none()
            && !overall
        {
            out.push(
                Finding::new(
                    ctx.p(&format!("/purposes/{i}/lawful_bases/{j}")),
                    format!(
                        "purpose `{}` relies on a legal obligation without naming the law",
                        p.id
                    ),
                )
                .help(help),
            );
        }
    }
    let named = overall
        || n.purposes
            .iter()
            .any(|p| p.lawful_bases.contains(&lo) && p.law.is_some());
    for (i, b) in n.lawful_bases.iter().enumerate() {
        if b.basis == lo && b.law.is_none() && !named {
            out.push(
                Finding::new(
                    ctx.p(&format!("/lawful_bases/{i}/basis")),
                    "the notice relies on a legal obligation without naming the law",
                )
                .help(help),
            );
        }
    }
}

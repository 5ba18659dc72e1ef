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

/// N102: a purpose without a lawful basis.
pub(super) fn purpose_without_lawful_basis(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for (i, p) in ctx.notice.purposes.iter().enumerate() {
        if p.lawful_bases.is_empty() {
            out.push(
                Finding::new(ctx.p(&format!("/purposes/{i}/id")), format!("purpose `{}` has no lawful basis", p.id))
                    .help("add `lawful_bases:` with one of `consent`, `contract`, `legal_obligation`, `vital_interests`, `public_task`, `legitimate_interests`"),
            );
        }
    }
}

/// N103: legitimate interests relied on without saying what they are.
pub(super) fn legitimate_interests_not_stated(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for (i, p) in ctx.notice.purposes.iter().enumerate() {
        if p.lawful_bases.contains(&LawfulBasis::LegitimateInterests)
            && p.legitimate_interests.is_empty()
        {
            out.push(
                Finding::new(ctx.p(&format!("/purposes/{i}/lawful_bases")), format!("purpose `{}` relies on legitimate interests but does not say what they are", p.id))
                    .help("add `legitimate_interests:` with the interests pursued, in plain words"),
            );
        }
    }
}

/// N104: a basis the notice disclaims is relied on by a purpose or for sharing.
pub(super) fn disclaimed_basis_relied_on(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for (d, disclaimed) in ctx.notice.bases_not_relied_on.iter().enumerate() {
        let basis = disclaimed.basis;
        for (i, p) in ctx.notice.purposes.iter().enumerate() {
            if let Some(j) = p.lawful_bases.iter().position(|b| *b == basis) {
                out.push(
                    Finding::new(ctx.p(&format!("/purposes/{i}/lawful_bases/{j}")), format!("purpose `{}` relies on `{}`, which the notice says it does not rely on", p.id, basis.key()))
                        .help(format!("remove `{}` here, or the statement at `bases_not_relied_on[{d}]`", basis.key())),
                );
            }
        }
        if let Some(j) = ctx
            .notice
            .sharing_bases
            .iter()
            .position(|b| b.basis == basis)
        {
            out.push(
                Finding::new(ctx.p(&format!("/sharing_bases/{j}")), format!("sharing relies on `{}`, which the notice says it does not rely on", basis.key()))
                    .help(format!("remove `{}` from `sharing_bases:`, or the statement at `bases_not_relied_on[{d}]`", basis.key())),
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

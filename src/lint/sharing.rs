//! Recipients and transfers outside the UK (Art. 13(1)(e)(f), 14(1)(e)(f)).

use super::{Ctx, Finding};

/// N301: no recipients.
pub(super) fn missing_recipients(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    if ctx.notice.recipients.is_empty() {
        out.push(
            Finding::new(
                ctx.p("/id"),
                format!("notice `{}` names no recipients", ctx.notice.id),
            )
            .help(
                "add `recipients:` naming who the data may go to, or the categories of recipients",
            ),
        );
    }
}

/// N302: a transfer with no safeguard.
pub(super) fn transfer_without_safeguard(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for (i, t) in ctx.notice.transfers.iter().enumerate() {
        let only_uk =
            !t.destinations.is_empty() && t.destinations.iter().all(|d| d.as_str() == "GB");
        if t.safeguards.is_empty() && !only_uk {
            out.push(
                Finding::new(ctx.p(&format!("/transfers/{i}")), "a transfer outside the UK names no safeguard")
                    .help("add `safeguards:` (for example `uk_adequacy`, `idta`, `uk_addendum`); \"in compliance with data protection laws\" names none"),
            );
        }
    }
}

/// N303: a transfer without a destination.
pub(super) fn transfer_without_destination(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for (i, t) in ctx.notice.transfers.iter().enumerate() {
        if t.destinations.is_empty() {
            out.push(
                Finding::new(
                    ctx.p(&format!("/transfers/{i}")),
                    "a transfer does not say where the data goes",
                )
                .help("add `destinations:` with country codes (`US`, `IN`) or `EU` / `EEA`"),
            );
        }
    }
}

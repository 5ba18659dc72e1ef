//! Who the controller is and how to reach it and its DPO (Art. 13(1)(a)(b), 14(1)(a)(b)).

use super::{Ctx, Finding};
use crate::graph::Graph;

/// N001: no party is identified as the controller. Only a stated legal role counts (`legal_role:
/// controller` or `joint_controller`); the words a notice gives an organisation (`our accountable
/// organisation`) do not make it one.
pub(super) fn missing_controller(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    if Graph::controllers(ctx.notice).next().is_none() {
        out.push(
            Finding::new(
                ctx.p("/id"),
                format!(
                    "notice `{}` identifies no organisation as the controller",
                    ctx.notice.id
                ),
            )
            .help("give the party the notice states is the controller `legal_role: controller` (or `joint_controller`); being called accountable does not count, and if the notice names none, report the gap to its publisher"),
        );
    }
}

/// N002: a controller has no postal address, email or phone, and no contact of its own in the notice.
pub(super) fn controller_contact_missing(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for (i, party) in Graph::controllers(ctx.notice) {
        let Some(org) = ctx.graph.organisation(&party.organisation) else {
            continue;
        };
        let own = org.address.is_some() || org.email.is_some() || org.phone.is_some();
        let via_contact = [
            &ctx.notice.data_protection_contact,
            &ctx.notice.feedback_contact,
        ]
        .into_iter()
        .flatten()
        .filter_map(|id| ctx.graph.contact(id))
        .any(|c| {
            c.organisation == org.id
                && (c.email.is_some() || c.phone.is_some() || c.address.is_some())
        });
        if !own && !via_contact {
            out.push(
                Finding::new(
                    ctx.p(&format!("/parties/{i}/organisation")),
                    format!("controller `{}` has no contact details", org.name),
                )
                .help(format!(
                    "give organisation `{}` an `address:`, `email:` or `phone:`",
                    org.id
                )),
            );
        }
    }
}

/// N003: no DPO or data protection contact.
pub(super) fn missing_dpo_contact(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let inherited = ctx
        .graph
        .read_alongside(ctx.notice)
        .any(|n| n.data_protection_contact.is_some());
    if ctx.notice.data_protection_contact.is_none() && !inherited {
        out.push(
            Finding::new(ctx.p("/id"), format!("notice `{}` gives no data protection contact", ctx.notice.id))
                .help("declare the DPO or data protection team under `contacts:` and set `data_protection_contact:` to its id"),
        );
    }
}

/// N004: a controller's ICO registration is not given.
pub(super) fn missing_ico_registration(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for (i, party) in Graph::controllers(ctx.notice) {
        if let Some(org) = ctx
            .graph
            .organisation(&party.organisation)
            .filter(|o| o.ico_registration.is_none())
        {
            out.push(
                Finding::new(ctx.p(&format!("/parties/{i}/organisation")), format!("controller `{}` has no ICO registration number", org.name))
                    .help(format!("add `ico_registration:` (like `Z5297748`) to organisation `{}`, as shown on the ICO register", org.id)),
            );
        }
    }
}

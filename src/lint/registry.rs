//! The one table of lint rules. Codes are grouped by article and never reused: `N0xx` controller and DPO
//! (Art. 13(1)(a)(b)), `N1xx` purposes and lawful bases (13(1)(c)(d)), `N2xx` data, sources, special
//! category and criminal offence data (Art. 9, 10, 14), `N3xx` recipients and transfers (13(1)(e)(f)),
//! `N4xx` retention (13(2)(a)), `N5xx` rights (13(2)(b)-(d)), `N6xx` requirements and automated decisions
//! (13(2)(e)(f)), `N7xx` how the notice is kept and printed, `N9xx` the allow lists themselves.

use super::Check::{Allows, Notice};
use super::{Rule, controller, data, decisions, meta, purposes, retention, rights, sharing};
use crate::diagnostics::Severity::{Error, Note, Warning};

/// Declares a rule; its explanation is `docs/<code>.md`.
macro_rules! rule {
    ($code:literal, $name:literal, $severity:expr, $article:expr, $summary:literal, $check:expr) => {
        Rule {
            code: $code,
            name: $name,
            severity: $severity,
            article: $article,
            summary: $summary,
            explanation: include_str!(concat!("docs/", $code, ".md")),
            check: $check,
        }
    };
}

/// Every rule, in code order.
pub static RULES: &[Rule] = &[
    rule!(
        "N001",
        "missing-controller",
        Error,
        Some("UK GDPR Art. 13(1)(a), 14(1)(a)"),
        "the notice names no controller",
        Notice(controller::missing_controller)
    ),
    rule!(
        "N002",
        "controller-contact-missing",
        Warning,
        Some("UK GDPR Art. 13(1)(a), 14(1)(a)"),
        "a controller has no postal address, email address or phone number",
        Notice(controller::controller_contact_missing)
    ),
    rule!(
        "N003",
        "missing-dpo-contact",
        Warning,
        Some("UK GDPR Art. 13(1)(b), 14(1)(b)"),
        "the notice gives no contact for the data protection officer or team",
        Notice(controller::missing_dpo_contact)
    ),
    rule!(
        "N004",
        "missing-ico-registration",
        Note,
        Some("Data Protection (Charges and Information) Regulations 2018"),
        "a controller's ICO registration number is not given",
        Notice(controller::missing_ico_registration)
    ),
    rule!(
        "N101",
        "missing-purposes",
        Error,
        Some("UK GDPR Art. 13(1)(c), 14(1)(c)"),
        "the notice states no purposes",
        Notice(purposes::missing_purposes)
    ),
    rule!(
        "N102",
        "purpose-without-lawful-basis",
        Warning,
        Some("UK GDPR Art. 13(1)(c), 14(1)(c)"),
        "a purpose has no lawful basis",
        Notice(purposes::purpose_without_lawful_basis)
    ),
    rule!(
        "N103",
        "legitimate-interests-not-stated",
        Warning,
        Some("UK GDPR Art. 13(1)(d), 14(2)(b)"),
        "a purpose relies on legitimate interests without saying what they are",
        Notice(purposes::legitimate_interests_not_stated)
    ),
    rule!(
        "N104",
        "disclaimed-basis-relied-on",
        Warning,
        Some("UK GDPR Art. 13(1)(c), Art. 5(1)(a)"),
        "a lawful basis the notice says it does not rely on is relied on",
        Notice(purposes::disclaimed_basis_relied_on)
    ),
    rule!(
        "N105",
        "purpose-without-data-categories",
        Note,
        None,
        "a purpose does not say which data it uses",
        Notice(purposes::purpose_without_data_categories)
    ),
    rule!(
        "N201",
        "missing-data-categories",
        Warning,
        Some("UK GDPR Art. 14(1)(d)"),
        "the notice lists no categories of personal data",
        Notice(data::missing_data_categories)
    ),
    rule!(
        "N202",
        "missing-data-sources",
        Note,
        Some("UK GDPR Art. 14(2)(f)"),
        "the notice never says where the data comes from",
        Notice(data::missing_data_sources)
    ),
    rule!(
        "N203",
        "category-without-source",
        Warning,
        Some("UK GDPR Art. 14(2)(f)"),
        "data comes from other sources, but a category does not say where it comes from",
        Notice(data::category_without_source)
    ),
    rule!(
        "N204",
        "special-category-without-condition",
        Warning,
        Some("UK GDPR Art. 9(2)"),
        "special category data has no Art. 9(2) condition",
        Notice(data::special_category_without_condition)
    ),
    rule!(
        "N205",
        "missing-schedule1-condition",
        Warning,
        Some("DPA 2018 s. 10(2)-(3), Sch. 1 Parts 1-2"),
        "an Art. 9(2) condition that needs a DPA 2018 Schedule 1 condition has none",
        Notice(data::missing_schedule1_condition)
    ),
    rule!(
        "N206",
        "missing-appropriate-policy-document",
        Note,
        Some("DPA 2018 Sch. 1 Part 4"),
        "a Schedule 1 condition that needs an appropriate policy document has none",
        Notice(data::missing_appropriate_policy_document)
    ),
    rule!(
        "N207",
        "criminal-data-without-condition",
        Warning,
        Some("UK GDPR Art. 10; DPA 2018 s. 10(5), Sch. 1"),
        "criminal offence data has no DPA 2018 Schedule 1 condition",
        Notice(data::criminal_data_without_condition)
    ),
    rule!(
        "N208",
        "unused-data-category",
        Note,
        None,
        "a data category is used by no purpose",
        Notice(data::unused_data_category)
    ),
    rule!(
        "N301",
        "missing-recipients",
        Warning,
        Some("UK GDPR Art. 13(1)(e), 14(1)(e)"),
        "the notice names no recipients or categories of recipients",
        Notice(sharing::missing_recipients)
    ),
    rule!(
        "N302",
        "transfer-without-safeguard",
        Warning,
        Some("UK GDPR Art. 13(1)(f), 14(1)(f)"),
        "a transfer outside the UK names no safeguard",
        Notice(sharing::transfer_without_safeguard)
    ),
    rule!(
        "N303",
        "transfer-without-destination",
        Note,
        Some("UK GDPR Art. 13(1)(f), 14(1)(f)"),
        "a transfer does not say where the data goes",
        Notice(sharing::transfer_without_destination)
    ),
    rule!(
        "N401",
        "missing-retention",
        Warning,
        Some("UK GDPR Art. 13(2)(a), 14(2)(a)"),
        "the notice does not say how long data is kept",
        Notice(retention::missing_retention)
    ),
    rule!(
        "N402",
        "retention-without-start",
        Warning,
        Some("UK GDPR Art. 13(2)(a), 14(2)(a)"),
        "a retention period does not say when it starts",
        Notice(retention::retention_without_start)
    ),
    rule!(
        "N403",
        "retention-without-length",
        Warning,
        Some("UK GDPR Art. 13(2)(a), 14(2)(a)"),
        "a retention rule gives no period, end event or criteria",
        Notice(retention::retention_without_length)
    ),
    rule!(
        "N404",
        "category-without-retention",
        Note,
        Some("UK GDPR Art. 13(2)(a), 14(2)(a)"),
        "a data category is covered by no retention rule",
        Notice(retention::category_without_retention)
    ),
    rule!(
        "N501",
        "missing-right-of-access",
        Warning,
        Some("UK GDPR Art. 13(2)(b), 14(2)(c), Art. 15"),
        "the notice does not mention the right of access",
        Notice(rights::missing_right_of_access)
    ),
    rule!(
        "N502",
        "missing-right-to-rectification",
        Warning,
        Some("UK GDPR Art. 13(2)(b), 14(2)(c), Art. 16"),
        "the notice does not mention the right to rectification",
        Notice(rights::missing_right_to_rectification)
    ),
    rule!(
        "N503",
        "missing-right-to-erasure",
        Warning,
        Some("UK GDPR Art. 13(2)(b), 14(2)(c), Art. 17"),
        "the notice does not mention the right to erasure",
        Notice(rights::missing_right_to_erasure)
    ),
    rule!(
        "N504",
        "missing-right-to-restriction",
        Warning,
        Some("UK GDPR Art. 13(2)(b), 14(2)(c), Art. 18"),
        "the notice does not mention the right to restrict processing",
        Notice(rights::missing_right_to_restriction)
    ),
    rule!(
        "N505",
        "missing-right-to-object",
        Warning,
        Some("UK GDPR Art. 13(2)(b), 14(2)(c), Art. 21"),
        "legitimate interests or public task is relied on, but the right to object is not mentioned",
        Notice(rights::missing_right_to_object)
    ),
    rule!(
        "N506",
        "missing-right-to-portability",
        Warning,
        Some("UK GDPR Art. 13(2)(b), 14(2)(c), Art. 20"),
        "consent or contract is relied on, but the right to data portability is not mentioned",
        Notice(rights::missing_right_to_portability)
    ),
    rule!(
        "N507",
        "missing-right-to-withdraw-consent",
        Warning,
        Some("UK GDPR Art. 13(2)(c), 14(2)(d), Art. 7(3)"),
        "consent is relied on, but the right to withdraw it is not mentioned",
        Notice(rights::missing_right_to_withdraw_consent)
    ),
    rule!(
        "N508",
        "missing-right-to-complain",
        Warning,
        Some("UK GDPR Art. 13(2)(d), 14(2)(e), Art. 77"),
        "the notice does not mention the right to complain to the ICO",
        Notice(rights::missing_right_to_complain)
    ),
    rule!(
        "N509",
        "right-contradicts-basis",
        Warning,
        Some("UK GDPR Art. 7(3), 20(1), 21(1)"),
        "a right is offered that no lawful basis in the notice gives",
        Notice(rights::right_contradicts_basis)
    ),
    rule!(
        "N510",
        "consent-without-withdrawal-method",
        Warning,
        Some("UK GDPR Art. 7(3)"),
        "a purpose relies on consent but does not say how to withdraw it",
        Notice(rights::consent_without_withdrawal_method)
    ),
    rule!(
        "N511",
        "right-without-how",
        Note,
        Some("UK GDPR Art. 12(2)"),
        "a right does not say how to use it",
        Notice(rights::right_without_how)
    ),
    rule!(
        "N601",
        "missing-provision-requirement",
        Warning,
        Some("UK GDPR Art. 13(2)(e)"),
        "the notice does not say whether people must provide their data",
        Notice(decisions::missing_provision_requirement)
    ),
    rule!(
        "N602",
        "requirement-incomplete",
        Warning,
        Some("UK GDPR Art. 13(2)(e)"),
        "a requirement does not say whether the data is required, or what happens if it is not given",
        Notice(decisions::requirement_incomplete)
    ),
    rule!(
        "N603",
        "automated-decision-without-logic",
        Warning,
        Some("UK GDPR Art. 13(2)(f), 14(2)(g)"),
        "an automated decision gives no meaningful information about its logic",
        Notice(decisions::automated_decision_without_logic)
    ),
    rule!(
        "N604",
        "automated-decision-without-consequences",
        Warning,
        Some("UK GDPR Art. 13(2)(f), 14(2)(g)"),
        "an automated decision does not say its significance and likely consequences",
        Notice(decisions::automated_decision_without_consequences)
    ),
    rule!(
        "N701",
        "notice-out-of-date",
        Note,
        None,
        "the notice was last updated longer ago than the review period",
        Notice(meta::notice_out_of_date)
    ),
    rule!(
        "N702",
        "missing-last-updated",
        Note,
        None,
        "the notice does not say when it was last updated",
        Notice(meta::missing_last_updated)
    ),
    rule!(
        "N703",
        "related-notice-unreachable",
        Warning,
        Some("UK GDPR Art. 12(1)"),
        "a notice this one must be read alongside has no link",
        Notice(meta::related_notice_unreachable)
    ),
    rule!(
        "N704",
        "form-without-signature-block",
        Error,
        None,
        "a consent form has no signature block",
        Notice(meta::form_without_signature_block)
    ),
    rule!(
        "N705",
        "consent-purpose-missing-from-form",
        Warning,
        Some("UK GDPR Art. 7(2)"),
        "a purpose relies on consent, but the form has no box for it",
        Notice(meta::consent_purpose_missing_from_form)
    ),
    rule!(
        "N901",
        "allow-without-reason",
        Warning,
        None,
        "a rule is allowed without a reason",
        Allows
    ),
    rule!(
        "N902",
        "allow-unknown-rule",
        Warning,
        None,
        "an allow names a rule that does not exist",
        Allows
    ),
];

/// The rule with this exact code; the code must be one of [`RULES`].
pub fn rule(code: &str) -> &'static Rule {
    RULES.iter().find(|r| r.code == code).unwrap_or(&RULES[0])
}

//! The lint rules: which check finds each `N` code (what each code is called and means is in the one
//! code table, `crate::diagnostics::codes`). Codes are grouped by article and never reused: `N0xx` controller and DPO
//! (Art. 13(1)(a)(b)), `N1xx` purposes and lawful bases (13(1)(c)(d)), `N2xx` data, sources, special
//! category and criminal offence data (Art. 9, 10, 14), `N3xx` recipients and transfers (13(1)(e)(f)),
//! `N4xx` retention (13(2)(a)), `N5xx` rights (13(2)(b)-(d)), `N6xx` requirements and automated decisions
//! (13(2)(e)(f)), `N7xx` how the notice is kept and printed, `N9xx` the allow lists themselves.

use super::Check::{Allows, Notice, Since};
use super::{Rule, controller, data, decisions, meta, purposes, retention, rights, sharing};
use crate::diagnostics::Code;

/// Pairs a lint code with its check; the code's name, severity, provision and explanation are in
/// `crate::diagnostics::codes`.
macro_rules! rule {
    ($code:ident, $check:expr) => {
        Rule {
            code: Code::$code,
            check: $check,
        }
    };
}

/// Every rule, in code order.
pub static RULES: &[Rule] = &[
    rule!(N001, Notice(controller::missing_controller)),
    rule!(N002, Notice(controller::controller_contact_missing)),
    rule!(N003, Notice(controller::missing_dpo_contact)),
    rule!(N004, Notice(controller::missing_ico_registration)),
    rule!(N101, Notice(purposes::missing_purposes)),
    rule!(N102, Notice(purposes::purpose_without_lawful_basis)),
    rule!(N103, Notice(purposes::legitimate_interests_not_stated)),
    rule!(N104, Notice(purposes::disclaimed_basis_relied_on)),
    rule!(N105, Notice(purposes::purpose_without_data_categories)),
    rule!(N106, Notice(purposes::consent_with_other_basis)),
    rule!(N107, Notice(purposes::legal_obligation_without_law)),
    rule!(N201, Notice(data::missing_data_categories)),
    rule!(N202, Notice(data::missing_data_sources)),
    rule!(N203, Notice(data::category_without_source)),
    rule!(N204, Notice(data::special_category_without_condition)),
    rule!(N205, Notice(data::missing_schedule1_condition)),
    rule!(N206, Notice(data::missing_appropriate_policy_document)),
    rule!(N207, Notice(data::criminal_data_without_condition)),
    rule!(N208, Notice(data::unused_data_category)),
    rule!(N209, Notice(data::justification_not_art9_condition)),
    rule!(N301, Notice(sharing::missing_recipients)),
    rule!(N302, Notice(sharing::transfer_without_safeguard)),
    rule!(N303, Notice(sharing::transfer_without_destination)),
    rule!(N401, Notice(retention::missing_retention)),
    rule!(N402, Notice(retention::retention_without_start)),
    rule!(N403, Notice(retention::retention_without_length)),
    rule!(N404, Notice(retention::category_without_retention)),
    rule!(N405, Notice(retention::retention_schedule_without_link)),
    rule!(N501, Notice(rights::missing_right_of_access)),
    rule!(N502, Notice(rights::missing_right_to_rectification)),
    rule!(N503, Notice(rights::missing_right_to_erasure)),
    rule!(N504, Notice(rights::missing_right_to_restriction)),
    rule!(N505, Notice(rights::missing_right_to_object)),
    rule!(N506, Notice(rights::missing_right_to_portability)),
    rule!(N507, Notice(rights::missing_right_to_withdraw_consent)),
    rule!(N508, Notice(rights::missing_right_to_complain)),
    rule!(N509, Notice(rights::right_contradicts_basis)),
    rule!(N510, Notice(rights::consent_without_withdrawal_method)),
    rule!(N511, Notice(rights::right_without_how)),
    rule!(N601, Notice(decisions::missing_provision_requirement)),
    rule!(N602, Notice(decisions::requirement_incomplete)),
    rule!(N603, Notice(decisions::automated_decision_without_logic)),
    rule!(
        N604,
        Notice(decisions::automated_decision_without_consequences)
    ),
    rule!(N701, Notice(meta::notice_out_of_date)),
    rule!(N702, Notice(meta::missing_last_updated)),
    rule!(N703, Notice(meta::related_notice_unreachable)),
    rule!(N704, Notice(meta::form_without_signature_block)),
    rule!(N705, Notice(meta::consent_purpose_missing_from_form)),
    rule!(N706, Notice(meta::signature_without_declaration)),
    rule!(N707, Since),
    rule!(N901, Allows),
    rule!(N902, Allows),
];

/// The rule with this code; `None` for a structural code.
pub fn rule(code: Code) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.code == code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_lint_code_has_one_rule_in_code_order() {
        let ruled: Vec<Code> = RULES.iter().map(|r| r.code).collect();
        let lint: Vec<Code> = Code::lint().collect();
        assert_eq!(ruled, lint);
    }
}

//! Who receives the data, the systems that hold it, and transfers outside the UK (Art. 13(1)(e)(f)).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::dpv::closed_list;
use super::purpose::Qualifier;
use super::values::{Id, Jurisdiction};

/// A recipient or category of recipients (Art. 13(1)(e)).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct Recipient {
    /// Unique id within the notice (`police`).
    pub id: Id,
    /// The recipient as the notice names it (`The police`).
    pub name: String,
    /// What kind of recipient it is.
    pub kind: RecipientKind,
    /// The organisation, by id, where the recipient is one named organisation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<Id>,
    /// Examples the notice gives (`the Health & Safety Executive`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub examples: Vec<String>,
    /// When or why data goes to this recipient, where the notice says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<String>,
    /// The data categories shared with this recipient, by id, where the notice says.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<Id>,
    /// The qualifiers the notice puts on sharing with this recipient (`occasional`, `required_by_law`,
    /// `with_consent`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub qualifiers: Vec<Qualifier>,
    /// Whether the notice says the recipient acts only on the controller's instructions (a processor).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub processor: bool,
}

closed_list! {
    /// What kind of body receives the data.
    pub enum RecipientKind = "recipient-kind" {
        GroupCompany = ("group_company", "dpv:LegalEntity"),
        Contractor = ("contractor", "dpv:ServiceProvider"),
        LegalAdviser = ("legal_adviser", "dpv:LegalAgent"),
        Agent = ("agent", "dpv:Agent"),
        Landlord = ("landlord", "dpv:Organisation"),
        LocalAuthority = ("local_authority", "dpv:RegionalAuthority"),
        GovernmentDepartment = ("government_department", "dpv:GovernmentalOrganisation"),
        Regulator = ("regulator", "dpv:Authority"),
        Ombudsman = ("ombudsman", "dpv:Authority"),
        SupervisoryAuthority = ("supervisory_authority", "dpv:DataProtectionAuthority"),
        Courts = ("courts", "dpv:JudicialOrganisation"),
        Police = ("police", "dpv:LawEnforcementOrganisation"),
        EmergencyServices = ("emergency_services", "dpv:EmergencyServiceProvider"),
        UtilityCompany = ("utility_company", "dpv:PrivateSectorBody"),
        Healthcare = ("healthcare", "dpv:HealthcareOrganisation"),
        SupportService = ("support_service", "dpv:Organisation"),
        Partner = ("partner", "dpv:ThirdParty"),
        Funder = ("funder", "dpv:ThirdParty"),
        Other = ("other", "dpv:Recipient"),
    }
}

/// A system or place the data is kept in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct System {
    /// Unique id within the notice (`salesforce`).
    pub id: Id,
    /// The system's name (`Salesforce`).
    pub name: String,
    /// What it is used for and how it is protected, in the notice's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Where the data is stored, where the notice says.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub locations: Vec<Jurisdiction>,
}

/// A transfer of personal data outside the UK (Art. 13(1)(f)).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct Transfer {
    /// Where the data goes; empty when the notice does not say.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub destinations: Vec<Jurisdiction>,
    /// The safeguards relied on; empty when the notice names none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub safeguards: Vec<TransferSafeguard>,
    /// The systems involved, by id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub systems: Vec<Id>,
    /// What the notice says about the transfer, in its words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub statement: Option<String>,
    /// The qualifiers the notice puts on the transfer (`occasional` for "if we had to send any
    /// information", `possible` for "we may").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub qualifiers: Vec<Qualifier>,
}

closed_list! {
    /// A safeguard for a transfer outside the UK, as UK law provides them.
    pub enum TransferSafeguard = "transfer-safeguard" {
        UkAdequacy = ("uk_adequacy", "eu-gdpr:A45-3"),
        Idta = ("idta", "eu-gdpr:A46-2-d"),
        UkAddendum = ("uk_addendum", "eu-gdpr:StandardContractualClauses"),
        BindingCorporateRules = ("binding_corporate_rules", "eu-gdpr:BindingCorporateRules"),
        PublicAuthorityArrangement = ("public_authority_arrangement", "eu-gdpr:A46-2-a"),
        DerogationExplicitConsent = ("derogation_explicit_consent", "eu-gdpr:A49-1-a"),
        DerogationContract = ("derogation_contract", "eu-gdpr:A49-1-b"),
        DerogationPublicInterest = ("derogation_public_interest", "eu-gdpr:A49-1-d"),
        DerogationLegalClaims = ("derogation_legal_claims", "eu-gdpr:A49-1-e"),
        DerogationVitalInterests = ("derogation_vital_interests", "eu-gdpr:A49-1-f"),
    }
}

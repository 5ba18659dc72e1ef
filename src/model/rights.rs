//! The person's rights and how to use them, whether they must give the data, and automated decisions
//! (Art. 13(2)(b)-(f), Art. 14(2)(c)-(g)).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::dpv::closed_list;
use super::organisation::HowTo;
use super::values::Id;

closed_list! {
    /// A right of the person under UK GDPR.
    pub enum Right {
        Access = ("access", "Right of access (Art. 15)", "eu-gdpr:A15"),
        Rectification = ("rectification", "Right to rectification (Art. 16)", "eu-gdpr:A16"),
        Erasure = ("erasure", "Right to erasure (Art. 17)", "eu-gdpr:A17"),
        Restriction = ("restriction", "Right to restrict processing (Art. 18)", "eu-gdpr:A18"),
        Portability = ("portability", "Right to data portability (Art. 20)", "eu-gdpr:A20"),
        Objection = ("objection", "Right to object (Art. 21)", "eu-gdpr:A21"),
        AutomatedDecisions = ("automated_decisions", "Rights about automated decisions (Art. 22)", "eu-gdpr:A22"),
        WithdrawConsent = ("withdraw_consent", "Right to withdraw consent (Art. 7(3))", "eu-gdpr:A7-3"),
        Complain = ("complain", "Right to complain to the Information Commissioner (Art. 77)", "eu-gdpr:A77"),
    }
}

/// A right the notice tells the person about, and how to use it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct RightInfo {
    /// The right.
    pub right: Right,
    /// What the notice says the right lets the person do, in its words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// How to use the right.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub how: Option<HowTo>,
    /// For a complaint: the supervisory authority, by organisation id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authority: Option<Id>,
    /// What identification is asked for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identification: Option<String>,
    /// Any fee, or that there is none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fee: Option<String>,
    /// Limits on the right the notice states.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limits: Option<String>,
}

closed_list! {
    /// Whether providing data is required, and by what (Art. 13(2)(e)).
    pub enum RequirementKind {
        Statutory = ("statutory", "Required by law", "dpv:LegalObligation"),
        Contractual = ("contractual", "Required by a contract", "dpv:FulfilmentOfContractualObligation"),
        ContractPrerequisite = ("contract_prerequisite", "Needed to enter into a contract", "dpv:EstablishContractualAgreement"),
        NeededForService = ("needed_for_service", "Needed to provide the service", "dpv:Required"),
        Voluntary = ("voluntary", "Optional", "dpv:Optional"),
    }
}

/// Whether the person must provide some data, and what happens if they do not (Art. 13(2)(e)).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct ProvisionRequirement {
    /// The data categories concerned, by id; empty means the data in general.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<Id>,
    /// The purposes concerned, by id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub purposes: Vec<Id>,
    /// Whether it is required, and by what; absent when the notice does not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requirement: Option<RequirementKind>,
    /// What happens if the person does not provide it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consequences: Option<String>,
    /// When this applies, where not always (`when you contact our Customer Service team`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<String>,
}

/// An automated decision, including profiling (Art. 13(2)(f), Art. 22).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct AutomatedDecision {
    /// Unique id within the notice (`nearest-service`).
    pub id: Id,
    /// What is decided, in the notice's words.
    pub description: String,
    /// Whether it involves profiling.
    #[serde(default)]
    pub profiling: bool,
    /// Meaningful information about the logic involved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logic: Option<String>,
    /// The significance of the decision for the person.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub significance: Option<String>,
    /// The likely consequences for the person.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consequences: Option<String>,
    /// How people are involved: who checks or can change the result.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub human_involvement: Option<String>,
    /// Examples the notice gives.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub examples: Vec<String>,
}

closed_list! {
    /// A kind of security measure.
    pub enum SecurityMeasure {
        Physical = ("physical", "Physical", "dpv:PhysicalMeasure"),
        Technical = ("technical", "Electronic and technical", "dpv:TechnicalMeasure"),
        Organisational = ("organisational", "Managerial and organisational", "dpv:OrganisationalMeasure"),
        AccessControl = ("access_control", "Access limited to those who need it", "dpv:AccessControlMethod"),
        IdentityVerification = ("identity_verification", "Identity checks before discussing an account", "dpv:IdentityAuthentication"),
    }
}

/// How the data is kept secure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct Security {
    /// The kinds of measures the notice names.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub measures: Vec<SecurityMeasure>,
    /// What the notice says, in its words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

//! The person's rights and how to use them, whether they must give the data, and automated decisions
//! (Art. 13(2)(b)-(f), Art. 14(2)(c)-(g)).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::dpv::closed_list;
use super::organisation::HowTo;
use super::values::Id;

closed_list! {
    /// A right of the person under UK GDPR.
    pub enum Right = "right" {
        Access = ("access", "eu-gdpr:A15"),
        Rectification = ("rectification", "eu-gdpr:A16"),
        Erasure = ("erasure", "eu-gdpr:A17"),
        Restriction = ("restriction", "eu-gdpr:A18"),
        Portability = ("portability", "eu-gdpr:A20"),
        Objection = ("objection", "eu-gdpr:A21"),
        AutomatedDecisions = ("automated_decisions", "eu-gdpr:A22"),
        WithdrawConsent = ("withdraw_consent", "eu-gdpr:A7-3"),
        Complain = ("complain", "eu-gdpr:A77"),
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
    pub enum RequirementKind = "requirement-kind" {
        Statutory = ("statutory", "dpv:LegalObligation"),
        Contractual = ("contractual", "dpv:FulfilmentOfContractualObligation"),
        ContractPrerequisite = ("contract_prerequisite", "dpv:EstablishContractualAgreement"),
        NeededForService = ("needed_for_service", "dpv:Required"),
        Voluntary = ("voluntary", "dpv:Optional"),
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
    pub enum SecurityMeasure = "security-measure" {
        Physical = ("physical", "dpv:PhysicalMeasure"),
        Technical = ("technical", "dpv:TechnicalMeasure"),
        Organisational = ("organisational", "dpv:OrganisationalMeasure"),
        AccessControl = ("access_control", "dpv:AccessControlMethod"),
        IdentityVerification = ("identity_verification", "dpv:IdentityAuthentication"),
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

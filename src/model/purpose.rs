//! Purposes and their lawful bases (Art. 13(1)(c)(d), Art. 6(1)).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::dpv::closed_list;
use super::organisation::HowTo;
use super::values::Id;

closed_list! {
    /// A lawful basis for processing under UK GDPR Art. 6(1).
    pub enum LawfulBasis = "lawful-basis" {
        Consent = ("consent", "eu-gdpr:A6-1-a"),
        Contract = ("contract", "eu-gdpr:A6-1-b"),
        LegalObligation = ("legal_obligation", "eu-gdpr:A6-1-c"),
        VitalInterests = ("vital_interests", "eu-gdpr:A6-1-d"),
        PublicTask = ("public_task", "eu-gdpr:A6-1-e"),
        LegitimateInterests = ("legitimate_interests", "eu-gdpr:A6-1-f"),
    }
}

closed_list! {
    /// The kind of a purpose, as the DPV purpose taxonomy names it.
    pub enum PurposeKind = "purpose-kind" {
        ServiceProvision = ("service_provision", "dpv:ServiceProvision"),
        ContractPerformance = ("contract_performance", "dpv:FulfilmentOfContractualObligation"),
        AccountManagement = ("account_management", "dpv:AccountManagement"),
        PaymentManagement = ("payment_management", "dpv:PaymentManagement"),
        DebtRecovery = ("debt_recovery", "dpv:PaymentManagement"),
        CustomerCare = ("customer_care", "dpv:CustomerCare"),
        Communication = ("communication", "dpv:CommunicationManagement"),
        Marketing = ("marketing", "dpv:Marketing"),
        DirectMarketing = ("direct_marketing", "dpv:DirectMarketing"),
        PublicRelations = ("public_relations", "dpv:PublicRelations"),
        Research = ("research", "dpv:ResearchAndDevelopment"),
        ServiceImprovement = ("service_improvement", "dpv:ImproveExistingProductsAndServices"),
        ServiceAnalytics = ("service_analytics", "dpv:ServiceUsageAnalytics"),
        FraudPrevention = ("fraud_prevention", "dpv:FraudPreventionAndDetection"),
        CrimePrevention = ("crime_prevention", "dpv:MisusePreventionAndDetection"),
        Security = ("security", "dpv:EnforceSecurity"),
        LegalCompliance = ("legal_compliance", "dpv:LegalCompliance"),
        DisputeManagement = ("dispute_management", "dpv:DisputeManagement"),
        IdentityVerification = ("identity_verification", "dpv:IdentityVerification"),
        RecordManagement = ("record_management", "dpv:RecordManagement"),
        Statistics = ("statistics", "dpv:ProvideOfficialStatistics"),
        Personalisation = ("personalisation", "dpv:ServicePersonalisation"),
        EventManagement = ("event_management", "dpv:ServiceProvision"),
        MemberManagement = ("member_management", "dpv:MemberPartnerManagement"),
        VitalInterests = ("vital_interests", "dpv:VitalInterest"),
        PublicBenefit = ("public_benefit", "dpv:PublicBenefit"),
    }
}

closed_list! {
    /// A qualifier the notice puts on a statement, kept as structure so no output states it more strongly.
    pub enum Qualifier = "qualifier" {
        Possible = ("possible", ""),
        Occasional = ("occasional", "dpv:SporadicFrequency"),
        RequiredByLaw = ("required_by_law", "dpv:Obligation"),
        WithConsent = ("with_consent", "dpv:Consent"),
        OptOut = ("opt_out", "dpv:OptingOutFromProcess"),
        NotExhaustive = ("not_exhaustive", ""),
    }
}

/// One purpose the data is used for, with the lawful bases the notice links to it (Art. 13(1)(c)).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct Purpose {
    /// Unique id within the notice (`rent-collection`).
    pub id: Id,
    /// The purpose as a short phrase (`Rent collection, housing benefit and service charges`).
    pub name: String,
    /// The kind of purpose, as DPV names it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kinds: Vec<PurposeKind>,
    /// More about the purpose, where the notice says more than the name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Examples the notice gives of this use.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub examples: Vec<String>,
    /// The qualifiers the notice puts on this use (`occasional`, `possible` for "we may").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub qualifiers: Vec<Qualifier>,
    /// The lawful bases the notice links to this purpose (Art. 6(1)); empty when it states bases only for
    /// the notice as a whole, or none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lawful_bases: Vec<LawfulBasis>,
    /// The qualifiers the notice puts on this purpose's bases (`possible` for "might rely upon").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub basis_qualifiers: Vec<Qualifier>,
    /// For a legal obligation: the law or duty, in the notice's words (`to meet regulatory requirements`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub law: Option<String>,
    /// The legitimate interests pursued, where a basis is legitimate interests (Art. 13(1)(d)).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub legitimate_interests: Vec<String>,
    /// The data categories used, by id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<Id>,
    /// The recipients the data goes to for this purpose, by id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recipients: Vec<Id>,
    /// Where consent is a basis: how to withdraw it, and when it ends by itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consent: Option<ConsentTerms>,
    /// How to opt out of or object to this use.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opt_out: Option<HowTo>,
}

/// How consent for a purpose can be withdrawn and when it lapses (Art. 7(3), Art. 13(2)(c)).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct ConsentTerms {
    /// How to withdraw consent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withdraw: Option<HowTo>,
    /// When consent ends by itself, in the notice's words (`when the project is completed`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ends: Option<String>,
}

/// A lawful basis the notice states for the notice as a whole, with what it says about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct BasisStatement {
    /// The basis.
    pub basis: LawfulBasis,
    /// The qualifiers the notice puts on it (`possible` for "we may rely on").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub qualifiers: Vec<Qualifier>,
    /// What the notice says about it, in its words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explanation: Option<String>,
    /// Examples of its use the notice gives, in its words.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub examples: Vec<String>,
    /// For legitimate interests: the interests, in the notice's words (Art. 13(1)(d)).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub legitimate_interests: Vec<String>,
    /// The qualifiers the notice puts on its list of interests (`possible` for "our legitimate interests
    /// could be").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub interests_qualifiers: Vec<Qualifier>,
    /// For a legal obligation: the law or duty, in the notice's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub law: Option<String>,
    /// For consent: how to withdraw it, and when it ends by itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consent: Option<ConsentTerms>,
}

/// A promise to keep what the person says confidential, and the exceptions the notice states.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct Confidentiality {
    /// The promise, in the notice's words (`We will not share what you tell us without consent`).
    pub promise: String,
    /// The exceptions, each in the notice's words (`we believe you or someone else might be in danger`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exceptions: Vec<String>,
    /// What the notice says it does when an exception applies, in its words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when_broken: Option<String>,
}

/// A lawful basis the notice gives for sharing data with others.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct SharingBasis {
    /// The basis.
    pub basis: LawfulBasis,
    /// The qualifiers the notice puts on it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub qualifiers: Vec<Qualifier>,
    /// Whose interest or which duty, where the notice says (`the legitimate interests of our customers or colleagues`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A lawful basis the controller says it does not rely on, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct BasisNotRelied {
    /// The basis not relied on.
    pub basis: LawfulBasis,
    /// Why not (`we are not a public authority`).
    pub reason: String,
}

//! Purposes and their lawful bases (Art. 13(1)(c)(d), Art. 6(1)).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::dpv::closed_list;
use super::organisation::HowTo;
use super::values::Id;

closed_list! {
    /// A lawful basis for processing under UK GDPR Art. 6(1).
    pub enum LawfulBasis {
        Consent = ("consent", "Consent (Art. 6(1)(a))", "eu-gdpr:A6-1-a"),
        Contract = ("contract", "Contract (Art. 6(1)(b))", "eu-gdpr:A6-1-b"),
        LegalObligation = ("legal_obligation", "Legal obligation (Art. 6(1)(c))", "eu-gdpr:A6-1-c"),
        VitalInterests = ("vital_interests", "Vital interests (Art. 6(1)(d))", "eu-gdpr:A6-1-d"),
        PublicTask = ("public_task", "Public task (Art. 6(1)(e))", "eu-gdpr:A6-1-e"),
        LegitimateInterests = ("legitimate_interests", "Legitimate interests (Art. 6(1)(f))", "eu-gdpr:A6-1-f"),
    }
}

closed_list! {
    /// The kind of a purpose, as the DPV purpose taxonomy names it.
    pub enum PurposeKind {
        ServiceProvision = ("service_provision", "Providing the service", "dpv:ServiceProvision"),
        ContractPerformance = ("contract_performance", "Carrying out a contract", "dpv:FulfilmentOfContractualObligation"),
        AccountManagement = ("account_management", "Managing accounts", "dpv:AccountManagement"),
        PaymentManagement = ("payment_management", "Managing payments", "dpv:PaymentManagement"),
        DebtRecovery = ("debt_recovery", "Recovering debts", "dpv:PaymentManagement"),
        CustomerCare = ("customer_care", "Customer care", "dpv:CustomerCare"),
        Communication = ("communication", "Communicating with people", "dpv:CommunicationManagement"),
        Marketing = ("marketing", "Marketing", "dpv:Marketing"),
        DirectMarketing = ("direct_marketing", "Direct marketing", "dpv:DirectMarketing"),
        PublicRelations = ("public_relations", "Publicity", "dpv:PublicRelations"),
        Research = ("research", "Research and insight", "dpv:ResearchAndDevelopment"),
        ServiceImprovement = ("service_improvement", "Improving services", "dpv:ImproveExistingProductsAndServices"),
        ServiceAnalytics = ("service_analytics", "Analysing how a service is used", "dpv:ServiceUsageAnalytics"),
        FraudPrevention = ("fraud_prevention", "Preventing and detecting fraud", "dpv:FraudPreventionAndDetection"),
        CrimePrevention = ("crime_prevention", "Preventing and detecting crime", "dpv:MisusePreventionAndDetection"),
        Security = ("security", "Keeping people and places safe and secure", "dpv:EnforceSecurity"),
        LegalCompliance = ("legal_compliance", "Meeting legal and regulatory duties", "dpv:LegalCompliance"),
        DisputeManagement = ("dispute_management", "Handling complaints and legal claims", "dpv:DisputeManagement"),
        IdentityVerification = ("identity_verification", "Checking identity", "dpv:IdentityVerification"),
        RecordManagement = ("record_management", "Keeping records", "dpv:RecordManagement"),
        Statistics = ("statistics", "Statistics and reporting", "dpv:ProvideOfficialStatistics"),
        Personalisation = ("personalisation", "Fitting the service to the person", "dpv:ServicePersonalisation"),
        EventManagement = ("event_management", "Running events", "dpv:ServiceProvision"),
        MemberManagement = ("member_management", "Running networks of members", "dpv:MemberPartnerManagement"),
        VitalInterests = ("vital_interests", "Protecting someone's life or health", "dpv:VitalInterest"),
        PublicBenefit = ("public_benefit", "Community and public benefit", "dpv:PublicBenefit"),
    }
}

/// One purpose the data is used for, with its lawful basis (Art. 13(1)(c)).
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
    /// The lawful bases relied on for this purpose (Art. 6(1)); empty when the notice does not say.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lawful_bases: Vec<LawfulBasis>,
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

/// What the notice says about a lawful basis in general, beyond the purposes that use it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct BasisExplanation {
    /// The basis explained.
    pub basis: LawfulBasis,
    /// The explanation in the notice's words.
    pub explanation: String,
}

/// A lawful basis the notice gives for sharing data with others.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct SharingBasis {
    /// The basis.
    pub basis: LawfulBasis,
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

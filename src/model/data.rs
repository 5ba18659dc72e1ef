//! Personal data: categories, special category and criminal offence data, and where data comes from
//! (Art. 9, Art. 10, Art. 14(1)(d), Art. 14(2)(f)).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::dpv::closed_list;
use super::purpose::Qualifier;
use super::values::{Id, Link};

/// What the notice says justifies special category data (Art. 9(2)) and criminal offence data (Art. 10)
/// for the notice as a whole: the conditions it names, and any justification in its own words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct Art9Justification {
    /// The Art. 9(2) conditions the notice names.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub art9_conditions: Vec<Art9Condition>,
    /// Justifications in the notice's words that are not Art. 9(2) conditions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub art9_justifications: Vec<String>,
    /// What the notice says, in its words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub statement: Option<String>,
}

/// A category of personal data the notice says is held.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct DataCategory {
    /// Unique id within the notice (`contact-details`).
    pub id: Id,
    /// The category as the notice names it (`Your contact details`).
    pub name: String,
    /// More about the category, where the notice says more than the name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Examples the notice gives (`name`, `address`, `date of birth`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub examples: Vec<String>,
    /// The kinds of personal data in this category, as DPV names them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kinds: Vec<PersonalDataKind>,
    /// The special categories of data (Art. 9(1)) in this category, if any.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub special_category: Vec<SpecialCategory>,
    /// The qualifiers the notice puts on holding it (`possible` for "we can also record").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub qualifiers: Vec<Qualifier>,
    /// The Art. 9(2) conditions the notice names for this category's special category data.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub art9_conditions: Vec<Art9Condition>,
    /// Justifications the notice gives for this category's special category data, in its words, that
    /// are not Art. 9(2) conditions (`where it is necessary for housing purposes`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub art9_justifications: Vec<String>,
    /// The DPA 2018 Schedule 1 conditions relied on, where the Art. 9(2) or Art. 10 condition needs one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub schedule1_conditions: Vec<Schedule1Condition>,
    /// Where the controller's appropriate policy document (DPA 2018 Sch. 1 Part 4) can be read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub appropriate_policy_document: Option<Link>,
    /// Whether this is personal data about criminal convictions and offences (Art. 10).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub criminal_offence_data: bool,
    /// The sources this category comes from, by id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Id>,
    /// Who inside the organisation may see it, where the notice says (`only colleagues who need to know`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access: Option<String>,
}

closed_list! {
    /// Kinds of personal data, as the DPV personal data taxonomy (`pd:`) names them.
    pub enum PersonalDataKind = "personal-data-kind" {
        Name = ("name", "pd:Name"),
        BirthDate = ("birth_date", "pd:BirthDate"),
        Age = ("age", "pd:Age"),
        Address = ("address", "pd:PhysicalAddress"),
        Postcode = ("postcode", "pd:PostalCode"),
        Contact = ("contact", "pd:Contact"),
        EmailAddress = ("email_address", "pd:EmailAddress"),
        TelephoneNumber = ("telephone_number", "pd:TelephoneNumber"),
        Identifier = ("identifier", "pd:Identifier"),
        Password = ("password", "pd:Password"),
        Household = ("household", "pd:Household"),
        Family = ("family", "pd:Family"),
        Financial = ("financial", "pd:Financial"),
        FinancialAccount = ("financial_account", "pd:FinancialAccount"),
        Transaction = ("transaction", "pd:Transaction"),
        Ethnicity = ("ethnicity", "pd:EthnicOrigin"),
        Religion = ("religion", "pd:Religion"),
        SexualOrientation = ("sexual_orientation", "pd:SexualPreference"),
        Health = ("health", "pd:Health"),
        Disability = ("disability", "pd:Disability"),
        Vulnerability = ("vulnerability", "pd:Vulnerability"),
        Picture = ("picture", "pd:Picture"),
        VoiceRecording = ("voice_recording", "pd:VoiceCommunicationRecording"),
        CallLog = ("call_log", "pd:CallLog"),
        Communication = ("communication", "pd:Communication"),
        Interaction = ("interaction", "pd:Interaction"),
        Opinion = ("opinion", "pd:Opinion"),
        IpAddress = ("ip_address", "pd:IPAddress"),
        BrowsingBehaviour = ("browsing_behaviour", "pd:BrowsingBehaviour"),
        Location = ("location", "pd:Location"),
        VehicleRegistration = ("vehicle_registration", "pd:VehicalLicenseRegistration"),
        Professional = ("professional", "pd:Professional"),
        Preference = ("preference", "pd:Preference"),
        CriminalOffence = ("criminal_offence", "pd:CriminalOffence"),
        CriminalConviction = ("criminal_conviction", "pd:CriminalConviction"),
    }
}

closed_list! {
    /// A special category of personal data under UK GDPR Art. 9(1).
    pub enum SpecialCategory = "special-category" {
        RacialOrEthnicOrigin = ("racial_or_ethnic_origin", "pd:EthnicOrigin"),
        PoliticalOpinions = ("political_opinions", "pd:PoliticalOpinion"),
        ReligiousBeliefs = ("religious_beliefs", "pd:ReligiousBelief"),
        PhilosophicalBeliefs = ("philosophical_beliefs", "pd:PhilosophicalBelief"),
        TradeUnionMembership = ("trade_union_membership", "pd:TradeUnionMembership"),
        Genetic = ("genetic", "eu-gdpr:GeneticData"),
        Biometric = ("biometric", "eu-gdpr:BiometricData"),
        Health = ("health", "eu-gdpr:HealthData"),
        SexLife = ("sex_life", "pd:SexualHistory"),
        SexualOrientation = ("sexual_orientation", "pd:SexualPreference"),
    }
}

closed_list! {
    /// A condition for processing special category data under UK GDPR Art. 9(2).
    pub enum Art9Condition = "art9-condition" {
        ExplicitConsent = ("explicit_consent", "eu-gdpr:A9-2-a"),
        EmploymentSocialSecurity = ("employment_social_security", "eu-gdpr:A9-2-b"),
        VitalInterests = ("vital_interests", "eu-gdpr:A9-2-c"),
        NotForProfitBody = ("not_for_profit_body", "eu-gdpr:A9-2-d"),
        ManifestlyPublic = ("manifestly_public", "eu-gdpr:A9-2-e"),
        LegalClaims = ("legal_claims", "eu-gdpr:A9-2-f"),
        SubstantialPublicInterest = ("substantial_public_interest", "eu-gdpr:A9-2-g"),
        HealthSocialCare = ("health_social_care", "eu-gdpr:A9-2-h"),
        PublicHealth = ("public_health", "eu-gdpr:A9-2-i"),
        ArchivingResearchStatistics = ("archiving_research_statistics", "eu-gdpr:A9-2-j"),
    }
}

impl Art9Condition {
    /// Whether UK law also needs a DPA 2018 Schedule 1 Part 1 or Part 2 condition (DPA 2018 s. 10(2)-(3)).
    pub fn needs_schedule1(self) -> bool {
        matches!(
            self,
            Self::EmploymentSocialSecurity
                | Self::SubstantialPublicInterest
                | Self::HealthSocialCare
                | Self::PublicHealth
                | Self::ArchivingResearchStatistics
        )
    }
}

closed_list! {
    /// A condition in the Data Protection Act 2018, Schedule 1 (paragraph numbers as enacted).
    pub enum Schedule1Condition = "schedule1-condition" {
        Employment = ("employment", "legal-gb:law-DPA"),
        HealthSocialCare = ("health_social_care", "legal-gb:law-DPA"),
        PublicHealth = ("public_health", "legal-gb:law-DPA"),
        Research = ("research", "legal-gb:law-DPA"),
        StatutoryPurposes = ("statutory_purposes", "legal-gb:law-DPA"),
        AdministrationOfJustice = ("administration_of_justice", "legal-gb:law-DPA"),
        EqualityOfOpportunity = ("equality_of_opportunity", "legal-gb:law-DPA"),
        PreventingUnlawfulActs = ("preventing_unlawful_acts", "legal-gb:law-DPA"),
        ProtectingThePublic = ("protecting_the_public", "legal-gb:law-DPA"),
        RegulatoryRequirements = ("regulatory_requirements", "legal-gb:law-DPA"),
        PreventingFraud = ("preventing_fraud", "legal-gb:law-DPA"),
        SupportForDisability = ("support_for_disability", "legal-gb:law-DPA"),
        Counselling = ("counselling", "legal-gb:law-DPA"),
        SafeguardingChildrenAndAtRisk = ("safeguarding_children_and_at_risk", "legal-gb:law-DPA"),
        SafeguardingEconomicWellbeing = ("safeguarding_economic_wellbeing", "legal-gb:law-DPA"),
        Insurance = ("insurance", "legal-gb:law-DPA"),
        CriminalConsent = ("criminal_consent", "legal-gb:law-DPA"),
        CriminalVitalInterests = ("criminal_vital_interests", "legal-gb:law-DPA"),
        CriminalLegalClaims = ("criminal_legal_claims", "legal-gb:law-DPA"),
        CriminalSubstantialPublicInterest = ("criminal_substantial_public_interest", "legal-gb:law-DPA"),
    }
}

impl Schedule1Condition {
    /// Whether the condition needs an appropriate policy document (DPA 2018 Sch. 1 paras 5, 38-39).
    pub fn needs_policy_document(self) -> bool {
        !matches!(
            self,
            Self::HealthSocialCare
                | Self::PublicHealth
                | Self::Research
                | Self::CriminalConsent
                | Self::CriminalVitalInterests
                | Self::CriminalLegalClaims
        )
    }
}

/// Where personal data comes from (Art. 14(2)(f)).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Unique id within the notice (`neighbours`).
    pub id: Id,
    /// The source as the notice names it (`Your neighbours`).
    pub name: String,
    /// Who the data comes from, where the notice says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party: Option<SourceParty>,
    /// How the data arises (given by someone, observed, inferred), where the notice says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<CollectionMethod>,
    /// The qualifiers the notice puts on this source (`with_consent` for "we will always ask for your
    /// consent").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub qualifiers: Vec<Qualifier>,
    /// Whether the source is publicly accessible.
    #[serde(default)]
    pub publicly_accessible: bool,
    /// Examples the notice gives (`choice-based lettings`, `government schemes`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub examples: Vec<String>,
    /// When the data is collected from this source, where the notice says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<String>,
}

closed_list! {
    /// Who personal data comes from.
    pub enum SourceParty = "source-party" {
        DataSubject = ("data_subject", "dpv:DataSubjectDataSource"),
        ThirdParty = ("third_party", "dpv:ThirdPartyDataSource"),
        Controller = ("controller", "dpv:DataControllerDataSource"),
        Public = ("public", "dpv:PublicDataSource"),
    }
}

closed_list! {
    /// How personal data arises.
    pub enum CollectionMethod = "collection-method" {
        Provided = ("provided", "dpv:ProvidedPersonalData"),
        Observed = ("observed", "dpv:ObservedPersonalData"),
        Inferred = ("inferred", "dpv:InferredPersonalData"),
        Derived = ("derived", "dpv:DerivedPersonalData"),
        Generated = ("generated", "dpv:GeneratedPersonalData"),
    }
}

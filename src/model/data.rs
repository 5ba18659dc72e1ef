//! Personal data: categories, special category and criminal offence data, and where data comes from
//! (Art. 9, Art. 10, Art. 14(1)(d), Art. 14(2)(f)).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::dpv::closed_list;
use super::values::{Id, Link};

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
    /// The Art. 9(2) conditions relied on for the special category data.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub art9_conditions: Vec<Art9Condition>,
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
    pub enum PersonalDataKind {
        Name = ("name", "Name", "pd:Name"),
        BirthDate = ("birth_date", "Date of birth", "pd:BirthDate"),
        Age = ("age", "Age", "pd:Age"),
        Address = ("address", "Postal address", "pd:PhysicalAddress"),
        Postcode = ("postcode", "Postcode", "pd:PostalCode"),
        Contact = ("contact", "Contact details", "pd:Contact"),
        EmailAddress = ("email_address", "Email address", "pd:EmailAddress"),
        TelephoneNumber = ("telephone_number", "Telephone number", "pd:TelephoneNumber"),
        Identifier = ("identifier", "Identifier", "pd:Identifier"),
        Password = ("password", "Password", "pd:Password"),
        Household = ("household", "Household", "pd:Household"),
        Family = ("family", "Family", "pd:Family"),
        Financial = ("financial", "Financial", "pd:Financial"),
        FinancialAccount = ("financial_account", "Financial account", "pd:FinancialAccount"),
        Transaction = ("transaction", "Transactions", "pd:Transaction"),
        Ethnicity = ("ethnicity", "Ethnic origin", "pd:EthnicOrigin"),
        Religion = ("religion", "Religion", "pd:Religion"),
        SexualOrientation = ("sexual_orientation", "Sexual orientation", "pd:SexualPreference"),
        Health = ("health", "Health", "pd:Health"),
        Disability = ("disability", "Disability", "pd:Disability"),
        Vulnerability = ("vulnerability", "Support needs and vulnerability", "pd:Vulnerability"),
        Picture = ("picture", "Photographs and images", "pd:Picture"),
        VoiceRecording = ("voice_recording", "Voice recordings", "pd:VoiceCommunicationRecording"),
        CallLog = ("call_log", "Call records", "pd:CallLog"),
        Communication = ("communication", "Communications", "pd:Communication"),
        Interaction = ("interaction", "Records of contact", "pd:Interaction"),
        Opinion = ("opinion", "Opinions and feedback", "pd:Opinion"),
        IpAddress = ("ip_address", "IP address", "pd:IPAddress"),
        BrowsingBehaviour = ("browsing_behaviour", "Pages visited", "pd:BrowsingBehaviour"),
        Location = ("location", "Location", "pd:Location"),
        VehicleRegistration = ("vehicle_registration", "Vehicle registration", "pd:VehicalLicenseRegistration"),
        Professional = ("professional", "Job and professional details", "pd:Professional"),
        Preference = ("preference", "Preferences", "pd:Preference"),
        CriminalOffence = ("criminal_offence", "Criminal offences", "pd:CriminalOffence"),
        CriminalConviction = ("criminal_conviction", "Criminal convictions", "pd:CriminalConviction"),
    }
}

closed_list! {
    /// A special category of personal data under UK GDPR Art. 9(1).
    pub enum SpecialCategory {
        RacialOrEthnicOrigin = ("racial_or_ethnic_origin", "Racial or ethnic origin", "pd:EthnicOrigin"),
        PoliticalOpinions = ("political_opinions", "Political opinions", "pd:PoliticalOpinion"),
        ReligiousBeliefs = ("religious_beliefs", "Religious beliefs", "pd:ReligiousBelief"),
        PhilosophicalBeliefs = ("philosophical_beliefs", "Philosophical beliefs", "pd:PhilosophicalBelief"),
        TradeUnionMembership = ("trade_union_membership", "Trade union membership", "pd:TradeUnionMembership"),
        Genetic = ("genetic", "Genetic data", "eu-gdpr:GeneticData"),
        Biometric = ("biometric", "Biometric data used to identify someone", "eu-gdpr:BiometricData"),
        Health = ("health", "Health", "eu-gdpr:HealthData"),
        SexLife = ("sex_life", "Sex life", "pd:SexualHistory"),
        SexualOrientation = ("sexual_orientation", "Sexual orientation", "pd:SexualPreference"),
    }
}

closed_list! {
    /// A condition for processing special category data under UK GDPR Art. 9(2).
    pub enum Art9Condition {
        ExplicitConsent = ("explicit_consent", "Explicit consent (Art. 9(2)(a))", "eu-gdpr:A9-2-a"),
        EmploymentSocialSecurity = ("employment_social_security", "Employment, social security and social protection law (Art. 9(2)(b))", "eu-gdpr:A9-2-b"),
        VitalInterests = ("vital_interests", "Vital interests where consent cannot be given (Art. 9(2)(c))", "eu-gdpr:A9-2-c"),
        NotForProfitBody = ("not_for_profit_body", "Not-for-profit body (Art. 9(2)(d))", "eu-gdpr:A9-2-d"),
        ManifestlyPublic = ("manifestly_public", "Made manifestly public by the person (Art. 9(2)(e))", "eu-gdpr:A9-2-e"),
        LegalClaims = ("legal_claims", "Legal claims (Art. 9(2)(f))", "eu-gdpr:A9-2-f"),
        SubstantialPublicInterest = ("substantial_public_interest", "Substantial public interest (Art. 9(2)(g))", "eu-gdpr:A9-2-g"),
        HealthSocialCare = ("health_social_care", "Health or social care (Art. 9(2)(h))", "eu-gdpr:A9-2-h"),
        PublicHealth = ("public_health", "Public health (Art. 9(2)(i))", "eu-gdpr:A9-2-i"),
        ArchivingResearchStatistics = ("archiving_research_statistics", "Archiving, research and statistics (Art. 9(2)(j))", "eu-gdpr:A9-2-j"),
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
    pub enum Schedule1Condition {
        Employment = ("employment", "Employment, social security and social protection (Sch. 1 para. 1)", "legal-gb:law-DPA"),
        HealthSocialCare = ("health_social_care", "Health or social care purposes (Sch. 1 para. 2)", "legal-gb:law-DPA"),
        PublicHealth = ("public_health", "Public health (Sch. 1 para. 3)", "legal-gb:law-DPA"),
        Research = ("research", "Research etc (Sch. 1 para. 4)", "legal-gb:law-DPA"),
        StatutoryPurposes = ("statutory_purposes", "Statutory and government purposes (Sch. 1 para. 6)", "legal-gb:law-DPA"),
        AdministrationOfJustice = ("administration_of_justice", "Administration of justice (Sch. 1 para. 7)", "legal-gb:law-DPA"),
        EqualityOfOpportunity = ("equality_of_opportunity", "Equality of opportunity or treatment (Sch. 1 para. 8)", "legal-gb:law-DPA"),
        PreventingUnlawfulActs = ("preventing_unlawful_acts", "Preventing or detecting unlawful acts (Sch. 1 para. 10)", "legal-gb:law-DPA"),
        ProtectingThePublic = ("protecting_the_public", "Protecting the public (Sch. 1 para. 11)", "legal-gb:law-DPA"),
        RegulatoryRequirements = ("regulatory_requirements", "Regulatory requirements (Sch. 1 para. 12)", "legal-gb:law-DPA"),
        PreventingFraud = ("preventing_fraud", "Preventing fraud (Sch. 1 para. 14)", "legal-gb:law-DPA"),
        SupportForDisability = ("support_for_disability", "Support for people with a disability or medical condition (Sch. 1 para. 16)", "legal-gb:law-DPA"),
        Counselling = ("counselling", "Counselling (Sch. 1 para. 17)", "legal-gb:law-DPA"),
        SafeguardingChildrenAndAtRisk = ("safeguarding_children_and_at_risk", "Safeguarding of children and of individuals at risk (Sch. 1 para. 18)", "legal-gb:law-DPA"),
        SafeguardingEconomicWellbeing = ("safeguarding_economic_wellbeing", "Safeguarding of economic well-being (Sch. 1 para. 19)", "legal-gb:law-DPA"),
        Insurance = ("insurance", "Insurance (Sch. 1 para. 20)", "legal-gb:law-DPA"),
        CriminalConsent = ("criminal_consent", "Consent, for criminal offence data (Sch. 1 para. 29)", "legal-gb:law-DPA"),
        CriminalVitalInterests = ("criminal_vital_interests", "Vital interests, for criminal offence data (Sch. 1 para. 30)", "legal-gb:law-DPA"),
        CriminalLegalClaims = ("criminal_legal_claims", "Legal claims, for criminal offence data (Sch. 1 para. 33)", "legal-gb:law-DPA"),
        CriminalSubstantialPublicInterest = ("criminal_substantial_public_interest", "Substantial public interest conditions extended to criminal offence data (Sch. 1 para. 36)", "legal-gb:law-DPA"),
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
    /// Who the data comes from.
    pub party: SourceParty,
    /// How the data arises: given by someone, observed, or inferred.
    pub method: CollectionMethod,
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
    pub enum SourceParty {
        DataSubject = ("data_subject", "given by you", "dpv:DataSubjectDataSource"),
        ThirdParty = ("third_party", "from another person or organisation", "dpv:ThirdPartyDataSource"),
        Controller = ("controller", "from our own staff and systems", "dpv:DataControllerDataSource"),
        Public = ("public", "from a public source", "dpv:PublicDataSource"),
    }
}

closed_list! {
    /// How personal data arises.
    pub enum CollectionMethod {
        Provided = ("provided", "Given to us", "dpv:ProvidedPersonalData"),
        Observed = ("observed", "Observed or recorded", "dpv:ObservedPersonalData"),
        Inferred = ("inferred", "Inferred", "dpv:InferredPersonalData"),
        Derived = ("derived", "Derived from other data", "dpv:DerivedPersonalData"),
        Generated = ("generated", "Generated by our systems", "dpv:GeneratedPersonalData"),
    }
}

//! Organisations, their roles in a notice, and the contact points people use (Art. 13(1)(a)(b)).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::dpv::closed_list;
use super::values::{Email, IcoRegistration, Id, Link, Phone, Postcode};

/// An organisation a notice names: a controller, a service provider, a recipient, the ICO. Declared once at
/// the top of the file and referred to by id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    /// Unique id that notices use to refer to this organisation (`kent-county-council`).
    pub id: Id,
    /// The organisation's name as registered (`Kent County Council`).
    pub name: String,
    /// What kind of body it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<OrganisationKind>,
    /// A line saying who the organisation is, where the notice gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Its entry in the ICO's register of fee payers (`Z5297748`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ico_registration: Option<IcoRegistration>,
    /// Its postal address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<PostalAddress>,
    /// Its general email address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<Email>,
    /// Its general telephone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<Phone>,
    /// Its website.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<Link>,
    /// The group or parent organisation it belongs to, by id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_of: Option<Id>,
}

/// A UK postal address.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct PostalAddress {
    /// The lines before the town: building, street (`Sessions House`, `County Hall`).
    #[serde(default)]
    pub lines: Vec<String>,
    /// The post town (`Maidstone`).
    pub town: String,
    /// The county, where the notice gives one (`Kent`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub county: Option<String>,
    /// The postcode (`ME14 1XQ`).
    pub postcode: Postcode,
}

impl PostalAddress {
    /// The address as lines, ready to print.
    pub fn to_lines(&self) -> Vec<String> {
        let mut out = self.lines.clone();
        out.push(self.town.clone());
        if let Some(county) = &self.county {
            out.push(county.clone());
        }
        out.push(self.postcode.to_string());
        out
    }
}

/// A way to reach an organisation about something specific: its DPO, its data protection team, the team
/// that runs a service, a support worker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// Unique id that notices use to refer to this contact (`livewest-data-protection`).
    pub id: Id,
    /// Who people reach (`Data Protection team`).
    pub name: String,
    /// The organisation the contact belongs to, by id.
    pub organisation: Id,
    /// What the contact is for.
    pub role: ContactRole,
    /// Email address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<Email>,
    /// Telephone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<Phone>,
    /// Postal address, when letters go somewhere other than the organisation's address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<PostalAddress>,
    /// A web page or form for this contact.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<Link>,
}

closed_list! {
    /// What kind of body an organisation is.
    pub enum OrganisationKind = "organisation-kind" {
        HousingAssociation = ("housing_association", "dpv:NonProfitOrganisation"),
        Charity = ("charity", "dpv:CharityOrganisation"),
        LocalAuthority = ("local_authority", "dpv:RegionalAuthority"),
        GovernmentDepartment = ("government_department", "dpv:GovernmentalOrganisation"),
        PublicBody = ("public_body", "dpv:PublicSectorBody"),
        Regulator = ("regulator", "dpv:Authority"),
        SupervisoryAuthority = ("supervisory_authority", "dpv:DataProtectionAuthority"),
        Police = ("police", "dpv:LawEnforcementOrganisation"),
        Healthcare = ("healthcare", "dpv:HealthcareOrganisation"),
        Company = ("company", "dpv:PrivateSectorBody"),
        Partnership = ("partnership", "dpv:PublicSectorBody"),
        Other = ("other", "dpv:Organisation"),
    }
}

closed_list! {
    /// The legal role an organisation has under UK GDPR, set only where the notice states it.
    pub enum PartyRole = "party-role" {
        Controller = ("controller", "dpv:DataController"),
        JointController = ("joint_controller", "dpv:JointDataControllers"),
        Processor = ("processor", "dpv:DataProcessor"),
        Representative = ("representative", "dpv:Representative"),
    }
}

closed_list! {
    /// What a contact point is for.
    pub enum ContactRole = "contact-role" {
        DataProtectionOfficer = ("data_protection_officer", "dpv:DataProtectionOfficer"),
        DataProtectionTeam = ("data_protection_team", "dpv:Entity"),
        ServiceTeam = ("service_team", "dpv:Entity"),
        SupportWorker = ("support_worker", "dpv:Entity"),
        Communications = ("communications", "dpv:Entity"),
        Sales = ("sales", "dpv:Entity"),
        CustomerService = ("customer_service", "dpv:Entity"),
        General = ("general", "dpv:Entity"),
    }
}

/// An organisation's part in one notice: the words the notice gives it, and its legal role only where the
/// notice states one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct Party {
    /// The organisation, by id.
    pub organisation: Id,
    /// Its legal role (controller, joint controller, processor, representative), only where the notice
    /// states it; absent when the notice gives the organisation no legal role.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legal_role: Option<PartyRole>,
    /// The part the notice gives it, in the notice's words (`our accountable organisation`), which is not
    /// a legal role.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub described_as: Option<String>,
    /// Whether the notice speaks as this organisation: its "we" and "us".
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub we: bool,
    /// The organisation it acts for, by id, where the notice says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acting_for: Option<Id>,
    /// What the notice says about this role, where a field cannot hold it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// How a person does something: whom to contact, and what to do.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct HowTo {
    /// The contact to use, by id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<Id>,
    /// What to do, in the notice's words (`speak to your support worker`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instructions: Option<String>,
}

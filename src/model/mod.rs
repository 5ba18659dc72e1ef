//! The notice model: Rust types for everything a UK privacy notice must say (UK GDPR Art. 13 and 14).
//!
//! `notices.yaml` deserialises into [`NoticeFile`]. The JSON Schema in `schema/` is generated from these
//! types ([`crate::schema`]), so doc comments here are the descriptions editors show. Shared facts
//! (organisations, contacts) are declared once at the top and referred to by id; everything else belongs
//! to one notice. Every closed list is an enum that knows its DPV term ([`dpv`]).

pub mod data;
pub mod dpv;
pub mod form;
pub mod organisation;
pub mod purpose;
pub mod retention;
pub mod rights;
pub mod sharing;
pub mod values;

pub use data::*;
pub use dpv::ClosedList;
pub use form::*;
pub use organisation::*;
pub use purpose::*;
pub use retention::*;
pub use rights::*;
pub use sharing::*;
pub use values::*;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use dpv::closed_list;

/// A file of privacy notices and the organisations and contacts they share.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
#[schemars(title = "noticec notices file")]
pub struct NoticeFile {
    /// Organisations the notices name, declared once and referred to by id.
    #[serde(default)]
    pub organisations: Vec<Organisation>,
    /// Contact points (DPO, data protection team, service teams), declared once and referred to by id.
    #[serde(default)]
    pub contacts: Vec<Contact>,
    /// Lint rules allowed for the whole file, each with the reason (like clippy's `#[allow]`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub allow: Vec<Allow>,
    /// The notices; at least one.
    #[schemars(length(min = 1))]
    pub notices: Vec<Notice>,
}

/// One privacy notice.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct Notice {
    /// Unique id, lowercase letters, digits and hyphens; names the notice's folder under `out/`.
    pub id: NoticeId,
    /// The notice's title as published.
    pub title: String,
    /// The version of this notice's text, where the notice gives one; printed on forms so a signed copy
    /// can be traced. Absent when the notice states none: forms are then traced by their content hash.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// The date the notice says it was last updated (`YYYY-MM-DD`); absent when it gives none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_updated: Option<Date>,
    /// The date the notice was published, where it gives one and it differs from `last_updated`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<Date>,
    /// The language of the notice's text.
    #[serde(default)]
    pub language: Language,
    /// What kind of notice this is.
    pub kind: NoticeKind,
    /// Whom the notice is for, in its words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audience: Option<String>,
    /// The kinds of people the notice is about.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub data_subjects: Vec<DataSubjectKind>,
    /// A short summary for the "at a glance" section.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// Opening paragraphs, where they say something no field holds.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub introduction: Vec<String>,
    /// Where the notice is published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<Link>,
    /// Other notices and documents this one relates to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<RelatedDocument>,
    /// The organisations the notice names as involved: the words it gives each, and a legal role only where
    /// it states one.
    #[serde(default)]
    pub parties: Vec<Party>,
    /// The contact for data protection questions: the DPO or data protection team, by contact id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_protection_contact: Option<Id>,
    /// Where to send feedback on the notice itself, by contact id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feedback_contact: Option<Id>,
    /// Why the data is collected, in general, where the notice says more than its purposes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub why: Option<String>,
    /// The purposes the data is used for, each with the lawful bases the notice links to it.
    #[serde(default)]
    pub purposes: Vec<Purpose>,
    /// The lawful bases the notice states for the notice as a whole, not linked to any one purpose, with
    /// what it says about each.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lawful_bases: Vec<BasisStatement>,
    /// Lawful bases the controller says it does not rely on, and why.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bases_not_relied_on: Vec<BasisNotRelied>,
    /// The lawful bases the notice gives for sharing data with others.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sharing_bases: Vec<SharingBasis>,
    /// The categories of personal data held.
    #[serde(default)]
    pub data_categories: Vec<DataCategory>,
    /// What the notice says justifies its special category data as a whole, where it does not tie the
    /// justification to one category.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub special_category_conditions: Option<Art9Justification>,
    /// Where the data comes from.
    #[serde(default)]
    pub sources: Vec<Source>,
    /// What the notice says about sharing in general, in its words (`Usually only our colleagues see your
    /// personal data`), including a statement it leaves unfinished.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sharing_statement: Option<String>,
    /// Who the data may go to.
    #[serde(default)]
    pub recipients: Vec<Recipient>,
    /// A promise to keep what the person says confidential, with its exceptions. It is not a purpose.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidentiality: Option<Confidentiality>,
    /// Arrangements that govern sharing (data sharing agreements, contracts with processors), in the
    /// notice's words.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sharing_arrangements: Vec<String>,
    /// The systems the data is kept in.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub systems: Vec<System>,
    /// Transfers outside the UK.
    #[serde(default)]
    pub transfers: Vec<Transfer>,
    /// How long the data is kept.
    #[serde(default)]
    pub retention: Vec<Retention>,
    /// The person's rights and how to use them.
    #[serde(default)]
    pub rights: Vec<RightInfo>,
    /// Whether the person must provide data, and what happens if not.
    #[serde(default)]
    pub requirements: Vec<ProvisionRequirement>,
    /// Automated decisions, including profiling.
    #[serde(default)]
    pub automated_decisions: Vec<AutomatedDecision>,
    /// How the data is kept secure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub security: Option<Security>,
    /// Lists the notice says are not exhaustive, with its words.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_exhaustive: Vec<NotExhaustive>,
    /// Further sections that carry meaning no field can hold (cookies, links to other websites).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_information: Vec<InfoSection>,
    /// How the notice is kept up to date, in its words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub changes: Option<String>,
    /// The printable consent form, for notices that are signed on paper.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form: Option<ConsentForm>,
    /// Lint rules allowed for this notice, each with the reason.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub allow: Vec<Allow>,
}

/// A lint rule switched off, and why: `{ rule: N401, reason: "retention is set by the council's schedule" }`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct Allow {
    /// The rule's code (`N401`) or name (`missing-retention`).
    pub rule: String,
    /// Why the rule does not apply here; an allow without a reason is itself reported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

closed_list! {
    /// What kind of notice this is.
    pub enum NoticeKind = "notice-kind" {
        Main = ("main", "dpv:PrivacyNotice"),
        Supplementary = ("supplementary", "dpv:PrivacyNotice"),
        Summary = ("summary", "dpv:LayeredNotice"),
        Service = ("service", "dpv:PrivacyNotice"),
        PrintedForm = ("printed_form", "dpv:PrintedNotice"),
    }
}

closed_list! {
    /// How another document relates to this notice.
    pub enum Relation = "relation" {
        ReadAlongside = ("read_alongside", "dpv:PrivacyNotice"),
        Summarises = ("summarises", "dpv:PrivacyNotice"),
        AdditionalNotice = ("additional_notice", "dpv:PrivacyNotice"),
        FullNotice = ("full_notice", "dpv:PrivacyNotice"),
        FurtherInformation = ("further_information", "dpv:Notice"),
    }
}

/// Another notice or document this notice points to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct RelatedDocument {
    /// How it relates to this notice.
    pub relation: Relation,
    /// Its title, as this notice names it.
    pub title: String,
    /// A notice in this file, by id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice: Option<NoticeId>,
    /// Where it is published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<Link>,
    /// The organisation that publishes it, by id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<Id>,
}

closed_list! {
    /// A kind of person a notice is about.
    pub enum DataSubjectKind = "data-subject-kind" {
        Customer = ("customer", "dpv:Customer"),
        MemberOfPublic = ("member_of_public", "dpv:Citizen"),
        Visitor = ("visitor", "dpv:Visitor"),
        ServiceUser = ("service_user", "dpv:ServiceConsumer"),
        Child = ("child", "dpv:Child"),
        Adult = ("adult", "dpv:Adult"),
        VulnerablePerson = ("vulnerable_person", "dpv:VulnerableDataSubject"),
        Participant = ("participant", "dpv:Participant"),
        Subscriber = ("subscriber", "dpv:Subscriber"),
        Member = ("member", "dpv:Member"),
        Employee = ("employee", "dpv:Employee"),
    }
}

closed_list! {
    /// A list in a notice that may say it is not exhaustive.
    pub enum ListName = "list-name" {
        Purposes = ("purposes", "dpv:Purpose"),
        DataCategories = ("data_categories", "dpv:PersonalData"),
        Sources = ("sources", "dpv:DataSource"),
        Recipients = ("recipients", "dpv:Recipient"),
    }
}

/// A note that one of the notice's lists is not complete.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct NotExhaustive {
    /// The list.
    pub list: ListName,
    /// What the notice says, in its words.
    pub statement: String,
}

/// A further section of prose, for meaning no field can hold.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct InfoSection {
    /// The section heading.
    pub heading: String,
    /// Its paragraphs.
    #[serde(default)]
    pub paragraphs: Vec<String>,
    /// A list that follows the paragraphs, one item each.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<String>,
}

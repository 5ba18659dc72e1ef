//! How long data is kept, as structure: a period, the event it runs from, or the criteria (Art. 13(2)(a)).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::dpv::closed_list;
use super::values::{Duration, Id, Link};

/// A retention schedule a notice refers to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct RetentionSchedule {
    /// Its name, as the notice gives it (`our retention schedule`).
    pub name: String,
    /// Where it is published, where the notice links it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<Link>,
}

/// One retention rule: what it covers, how long, from when, and what happens then.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct Retention {
    /// The data categories this rule covers, by id; empty with no purposes means all data in the notice.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<Id>,
    /// The purposes this rule covers, by id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub purposes: Vec<Id>,
    /// The fixed period, as an ISO 8601 duration (`P90D`, `P3M`, `P12Y`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Duration>,
    /// The event the period runs from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<RetentionEvent>,
    /// The event the data is kept until, when there is no fixed period (`end_of_project`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<RetentionEvent>,
    /// The criteria used when there is no fixed period (`while there is a business need`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub criteria: Option<String>,
    /// Whether the period is a usual rule with exceptions ("normally deleted after three months").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub normally: bool,
    /// Whether the period is the longest the data is kept ("for up to 12 years").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub up_to: bool,
    /// Whom or what the rule applies to, when not everyone (`if you have been in care`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applies_when: Option<String>,
    /// The retention schedule the rule refers to, where it refers to one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schedule: Option<RetentionSchedule>,
    /// Why this long (`contractually required`, `the law says we must`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// What happens at the end.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub then: Option<Disposal>,
    /// Exceptions the notice states (`unless the information forms part of ongoing customer files`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unless: Option<String>,
}

closed_list! {
    /// An event a retention period runs from, or that data is kept until.
    pub enum RetentionEvent = "retention-event" {
        Collection = ("collection", ""),
        EndOfService = ("end_of_service", ""),
        EndOfProject = ("end_of_project", ""),
        EndOfContract = ("end_of_contract", ""),
        EndOfTenancy = ("end_of_tenancy", ""),
        LastContact = ("last_contact", ""),
        DateOfBirth = ("date_of_birth", ""),
        ConsentWithdrawn = ("consent_withdrawn", ""),
        NoLongerNeeded = ("no_longer_needed", ""),
    }
}

closed_list! {
    /// What happens to data at the end of its retention.
    pub enum Disposal = "disposal" {
        Delete = ("delete", "dpv:Erase"),
        DeleteOrDestroy = ("delete_or_destroy", "dpv:Erase"),
        Anonymise = ("anonymise", "dpv:Anonymise"),
    }
}

//! The view of a notice the templates lay out: every id resolved to a name, every closed-list value to
//! its label, periods and dates written for readers, and the "at a glance" summary composed.
//!
//! Templates only arrange what is here, so HTML, text and the printed form say the same things.

use serde::Serialize;
use sha2::{Digest, Sha256};

use super::catalogue::{Catalogue, number, string};
use crate::graph::{Graph, must_read_alongside};
use crate::model::*;
use crate::suggest::lowercase_first;

/// A notice ready for the templates.
#[derive(Debug, Clone, Serialize)]
pub struct NoticeView {
    /// The notice's id, which names its folder in the output (`housing-tenants`).
    pub id: String,
    /// The notice's title as published.
    pub title: String,
    /// The version of the notice's text, as written in the file; absent when the notice states none.
    pub version: Option<String>,
    /// The date it was last updated, written for readers (`7 March 2023`).
    pub last_updated: Option<String>,
    /// The date it was last updated as `YYYY-MM-DD`, for machines (`2023-03-07`).
    pub last_updated_iso: Option<String>,
    /// The date it was published, where it differs from the last update, written for readers.
    pub published: Option<String>,
    /// The date it was published as `YYYY-MM-DD`.
    pub published_iso: Option<String>,
    /// The language tag of the notice's text (`en-GB`).
    pub language: String,
    /// The label of the kind of notice (`Main privacy notice`).
    pub kind: String,
    /// Whom the notice is for, in its words.
    pub audience: Option<String>,
    /// Labels of the kinds of people the notice is about, in order (`Customers`).
    pub data_subjects: Vec<String>,
    /// The notice's own short summary, in its words.
    pub summary: Option<String>,
    /// Opening paragraphs, one string each.
    pub introduction: Vec<String>,
    /// Where the notice is published.
    pub url: Option<String>,
    /// The first 12 hex digits of the SHA-256 of the notice's facts: printed on forms for tracing.
    pub hash: String,
    /// Documents to be read with this one (read alongside, summarised or full notice), in order.
    pub alongside: Vec<RelatedView>,
    /// Other related documents (additional notices, further information), in order.
    pub related: Vec<RelatedView>,
    /// The organisations involved, each with its role, in order.
    pub parties: Vec<PartyView>,
    /// The contact for data protection questions (the DPO or data protection team), with its details.
    pub dpo: Option<ContactView>,
    /// Where to send feedback on the notice itself, with its details.
    pub feedback: Option<ContactView>,
    /// Why the data is collected, in general, in the notice's words.
    pub why: Option<String>,
    /// The purposes the data is used for, in order.
    pub purposes: Vec<PurposeView>,
    /// The lawful bases stated for the notice as a whole, with what it says about each, in order.
    pub bases: Vec<BasisView>,
    /// Explanations the notice gives several of those bases, each said once for all of them.
    pub shared_explanations: Vec<SharedView>,
    /// What the notice says justifies its special category data as a whole.
    pub special_category_conditions: Option<Art9View>,
    /// A promise to keep what the person says confidential, with its exceptions.
    pub confidentiality: Option<ConfidentialityView>,
    /// Lawful bases not relied on: the basis's label and the reason, in the notice's words.
    pub bases_not_relied_on: Vec<Labelled>,
    /// Labels of the lawful bases for sharing, each with the notice's qualifiers in brackets and followed
    /// by `: ` and its note where it has them.
    pub sharing_bases: Vec<String>,
    /// What the notice says about sharing in general, in its words.
    pub sharing_statement: Option<String>,
    /// The categories of personal data held, in order.
    pub categories: Vec<CategoryView>,
    /// Who may see the data, where the notice says the same of several categories: said once for all.
    pub shared_access: Vec<SharedView>,
    /// Where the data comes from, in order.
    pub sources: Vec<SourceView>,
    /// Who the data may go to, in order.
    pub recipients: Vec<RecipientView>,
    /// Arrangements that govern sharing (agreements, contracts), in the notice's words.
    pub sharing_arrangements: Vec<String>,
    /// The systems the data is kept in, in order.
    pub systems: Vec<SystemView>,
    /// Transfers outside the UK, in order.
    pub transfers: Vec<TransferView>,
    /// The retention rules, in order.
    pub retention: Vec<RetentionView>,
    /// The rights the notice tells the person about, in order.
    pub rights: Vec<RightView>,
    /// Rights in order, consecutive ones used the same way grouped together.
    pub right_groups: Vec<RightGroup>,
    /// Whether the person must provide data, and what happens if not, in order.
    pub requirements: Vec<RequirementView>,
    /// Automated decisions, including profiling, in order.
    pub automated_decisions: Vec<DecisionView>,
    /// How the data is kept secure, where the notice says.
    pub security: Option<SecurityView>,
    /// What the notice says of each list that is not complete.
    pub not_exhaustive: NotExhaustiveView,
    /// Further sections of prose (cookies, links to other websites), in order.
    pub other_information: Vec<InfoView>,
    /// How the notice is kept up to date, in its words.
    pub changes: Option<String>,
    /// The printable consent form, for notices that have one.
    pub form: Option<FormView>,
    /// The "at a glance" summary.
    pub glance: Glance,
}

/// A statement the notice makes of several things (categories, lawful bases), said once for all of them.
#[derive(Debug, Clone, Serialize)]
pub struct SharedView {
    /// What it is said of, as a list in words (`Equality and diversity information and Special category
    /// data`).
    pub about: String,
    /// Whether it is said of every item of its list, so the list need not be named.
    pub all: bool,
    /// The statement, in the notice's words.
    pub text: String,
}

/// Takes the texts that `field` gives two or more `items` out of those items, and returns each once with
/// the names of the items it was said of, in order of first appearance.
fn share<T>(
    items: &mut [T],
    field: impl Fn(&mut T) -> &mut Option<String>,
    name: impl Fn(&T) -> String,
    words: &Catalogue,
) -> Vec<SharedView> {
    let mut texts: Vec<String> = Vec::new();
    for item in items.iter_mut() {
        if let Some(t) = field(item).clone()
            && !texts.contains(&t)
        {
            texts.push(t);
        }
    }
    let mut shared = Vec::new();
    for text in texts {
        let mut names = Vec::new();
        for item in items.iter_mut() {
            if field(item).as_ref() == Some(&text) {
                names.push(name(item));
            }
        }
        if names.len() < 2 {
            continue;
        }
        for item in items.iter_mut() {
            let slot = field(item);
            if slot.as_ref() == Some(&text) {
                *slot = None;
            }
        }
        shared.push(SharedView {
            all: names.len() == items.len(),
            about: list_and(words, names),
            text,
        });
    }
    shared
}

/// Says each statement of the notice once, where the file gives it to several things: an explanation
/// shared by lawful bases, who may see several categories, a list's note shared by other lists, a way to
/// withdraw consent given for the notice and for a purpose, and a security statement that repeats what a
/// system's description says.
fn say_once(n: &mut NoticeView, words: &Catalogue) {
    n.shared_explanations = share(
        &mut n.bases,
        |b| &mut b.explanation,
        |b| lowercase_first(&b.label),
        words,
    );
    n.shared_access = share(
        &mut n.categories,
        |c| &mut c.access,
        |c| c.name.clone(),
        words,
    );
    // A way to withdraw consent said for the notice as a whole, or with the right to withdraw consent.
    let notice_wide: Vec<HowView> = n
        .bases
        .iter()
        .filter_map(|b| b.withdraw.clone())
        .chain(
            n.rights
                .iter()
                .filter(|r| r.right == "withdraw_consent")
                .filter_map(|r| r.how.clone()),
        )
        .collect();
    for p in &mut n.purposes {
        if p.withdraw.as_ref().is_some_and(|w| notice_wide.contains(w)) {
            p.withdraw = None;
        }
    }
    if let Some(security) = &mut n.security {
        let said = |d: &String| n.systems.iter().any(|s| s.description.as_ref() == Some(d));
        if security.description.as_ref().is_some_and(said) {
            security.description = None;
        }
        if security.description.is_none() && security.measures.is_empty() {
            n.security = None;
        }
    }
    // Where a system is kept, when a transfer's own statement about that system already says it (`all our
    // information is stored within the European Union`).
    for system in &mut n.systems {
        let said = n.transfers.iter().any(|t| {
            t.statement.is_some()
                && t.systems.contains(&system.name)
                && system.locations.iter().all(|l| t.destinations.contains(l))
        });
        if said {
            system.locations.clear();
        }
    }
    for p in &mut n.parties {
        // The words a description already says (`… who are our accountable organisation, acting on behalf
        // of …`) are not quoted again above it.
        if let (Some(words), Some(description)) = (&p.described_as, &p.description)
            && description.contains(words.as_str())
        {
            p.described_in_description = true;
        }
    }
}

/// A lawful basis stated for the notice as a whole.
#[derive(Debug, Clone, Serialize)]
pub struct BasisView {
    /// The basis in plain words (`Your consent`).
    pub label: String,
    /// The article that defines it (`UK GDPR Art. 6(1)(a)`), shown only in the full section.
    pub article: Option<String>,
    /// Labels of the qualifiers the notice puts on it (`May be relied on`).
    pub qualifiers: Vec<String>,
    /// What the notice says about it, in its words.
    pub explanation: Option<String>,
    /// Examples of its use, in the notice's words.
    pub examples: Vec<String>,
    /// The legitimate interests, in the notice's words.
    pub legitimate_interests: Vec<String>,
    /// Labels of the qualifiers the notice puts on its list of interests (`Possibly`).
    pub interests_qualifiers: Vec<String>,
    /// For a legal obligation: the law or duty, in the notice's words.
    pub law: Option<String>,
    /// For consent: how to withdraw it.
    pub withdraw: Option<HowView>,
    /// For consent: when it ends by itself, in the notice's words.
    pub consent_ends: Option<String>,
}

/// What the notice says justifies special category data.
#[derive(Debug, Clone, Serialize)]
pub struct Art9View {
    /// The Art. 9(2) conditions the notice names, in order.
    pub art9: Vec<Term>,
    /// Justifications in the notice's words that are not Art. 9(2) conditions.
    pub justifications: Vec<String>,
    /// What the notice says, in its words.
    pub statement: Option<String>,
}

/// A promise of confidentiality, in the notice's words.
#[derive(Debug, Clone, Serialize)]
pub struct ConfidentialityView {
    /// The promise (`We will not share what you tell us without consent`).
    pub promise: String,
    /// The exceptions, each in the notice's words, in order.
    pub exceptions: Vec<String>,
    /// What the notice says it does when an exception applies.
    pub when_broken: Option<String>,
}

/// A legal term in plain words, with the article that defines it for those who look it up.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Term {
    /// The plain words (`Explicit consent`).
    pub label: String,
    /// The article (`UK GDPR Art. 9(2)(a)`), shown after the words in the full sections only.
    pub article: Option<String>,
}

/// A closed-list value as a [`Term`].
fn term<T: ClosedList>(value: T, words: &Catalogue) -> Term {
    Term {
        label: words.label(value),
        article: words.article(value),
    }
}

/// A label with a text (a lawful basis and its explanation).
#[derive(Debug, Clone, Serialize)]
pub struct Labelled {
    /// The lawful basis in plain words (`Your consent`).
    pub label: String,
    /// The article that defines it.
    pub article: Option<String>,
    /// What the notice says about it, in its words.
    pub text: String,
}

/// Another document, with a link where there is one.
#[derive(Debug, Clone, Serialize)]
pub struct RelatedView {
    /// How it relates to this notice, as a key (`read_alongside`, `further_information`).
    pub relation: &'static str,
    /// How it relates to this notice, in words (`Read this notice alongside`).
    pub relation_label: String,
    /// Its title, as this notice names it.
    pub title: String,
    /// A link: `../<id>/index.html` for a notice in the file, else its URL.
    pub href: Option<String>,
    /// The URL printed in text and on paper.
    pub url: Option<String>,
    /// The id of the notice, when it is a notice in this file.
    pub notice: Option<String>,
    /// The name of the organisation that publishes it.
    pub organisation: Option<String>,
}

/// An organisation and its role.
#[derive(Debug, Clone, Serialize)]
pub struct PartyView {
    /// The organisation's name (`Kent County Council`).
    pub name: String,
    /// Its legal role, as a key (`controller`, `processor`), only where the notice states one.
    pub role: Option<&'static str>,
    /// Its legal role, in words (`Data controller`), only where the notice states one.
    pub role_label: Option<String>,
    /// The part the notice gives it, in the notice's words (`our accountable organisation`).
    pub described_as: Option<String>,
    /// Whether its description already says those words, so they are not quoted on their own.
    pub described_in_description: bool,
    /// Whether the notice speaks as this organisation ("we").
    pub we: bool,
    /// The label of what kind of body it is (`Charity`), where the file says.
    pub kind: Option<String>,
    /// What the notice says about this role, in its words.
    pub description: Option<String>,
    /// The organisation's own line saying who it is, where the file gives one.
    pub organisation_description: Option<String>,
    /// The name of the organisation it acts for, for a service provider, processor or representative.
    pub acting_for: Option<String>,
    /// Its number in the ICO's register of fee payers (`Z5297748`).
    pub ico_registration: Option<String>,
    /// Its postal address as lines ready to print (street lines, town, county, postcode); may be empty.
    pub address: Vec<String>,
    /// Its general email address.
    pub email: Option<String>,
    /// Its general telephone number, as written in the file.
    pub phone: Option<String>,
    /// Its website.
    pub website: Option<String>,
}

/// A contact point with its details.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ContactView {
    /// Who people reach (`Data Protection team`).
    pub name: String,
    /// The name of the organisation the contact belongs to.
    pub organisation: String,
    /// The label of what the contact is for (`Data protection officer`).
    pub role_label: String,
    /// Its email address.
    pub email: Option<String>,
    /// Its telephone number, as written in the file.
    pub phone: Option<String>,
    /// The contact's own postal address as lines ready to print; empty when it has none (its
    /// organisation's address is not assumed to reach it).
    pub address: Vec<String>,
    /// A web page or form for this contact.
    pub url: Option<String>,
}

/// How to do something.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HowView {
    /// What to do, in the notice's words (`speak to your support worker`).
    pub instructions: Option<String>,
    /// The contact to use, with its details.
    pub contact: Option<ContactView>,
}

/// A purpose.
#[derive(Debug, Clone, Serialize)]
pub struct PurposeView {
    /// The purpose's id within the notice (`rent-collection`).
    pub id: String,
    /// The purpose as a short phrase.
    pub name: String,
    /// Labels of the kinds of purpose, in order (`Providing the service`).
    pub kinds: Vec<String>,
    /// More about the purpose, in the notice's words.
    pub description: Option<String>,
    /// Examples the notice gives of this use.
    pub examples: Vec<String>,
    /// Labels of the qualifiers the notice puts on this use (`Occasionally`).
    pub qualifiers: Vec<String>,
    /// The lawful bases the notice links to this purpose in plain words, in order (`Your consent`);
    /// empty when it states bases only for the notice as a whole, or none.
    pub bases: Vec<String>,
    /// Labels of the qualifiers the notice puts on this purpose's bases (`May be relied on`).
    pub basis_qualifiers: Vec<String>,
    /// For a legal obligation: the law or duty, in the notice's words.
    pub law: Option<String>,
    /// The legitimate interests pursued, in the notice's words.
    pub legitimate_interests: Vec<String>,
    /// Names of the data categories used, in order.
    pub categories: Vec<String>,
    /// Names of the recipients the data goes to for this purpose, in order.
    pub recipients: Vec<String>,
    /// How to withdraw consent, where consent is a basis and the notice says.
    pub withdraw: Option<HowView>,
    /// When consent ends by itself, in the notice's words.
    pub consent_ends: Option<String>,
    /// How to opt out of or object to this use.
    pub opt_out: Option<HowView>,
}

/// A data category.
#[derive(Debug, Clone, Serialize)]
pub struct CategoryView {
    /// The category's id within the notice (`contact-details`).
    pub id: String,
    /// The category as the notice names it (`Your contact details`).
    pub name: String,
    /// More about the category, in the notice's words.
    pub description: Option<String>,
    /// Examples the notice gives (`name`, `address`).
    pub examples: Vec<String>,
    /// Labels of the kinds of personal data in it, in order.
    pub kinds: Vec<String>,
    /// Labels of the special categories of data (Art. 9(1)) in it, in order.
    pub special: Vec<String>,
    /// Labels of the qualifiers the notice puts on holding it.
    pub qualifiers: Vec<String>,
    /// The Art. 9(2) conditions the notice names for it, in order.
    pub art9: Vec<Term>,
    /// Justifications for it in the notice's words that are not Art. 9(2) conditions.
    pub art9_justifications: Vec<String>,
    /// Labels of the DPA 2018 Schedule 1 conditions relied on, in order.
    pub schedule1: Vec<String>,
    /// Where the appropriate policy document can be read (a URL).
    pub policy_document: Option<String>,
    /// Whether it is data about criminal convictions and offences (Art. 10).
    pub criminal: bool,
    /// Names of the sources it comes from, in order.
    pub sources: Vec<String>,
    /// Who inside the organisation may see it, in the notice's words.
    pub access: Option<String>,
}

/// A source of data.
#[derive(Debug, Clone, Serialize)]
pub struct SourceView {
    /// The source as the notice names it (`Your neighbours`).
    pub name: String,
    /// Who the data comes from, in words (`given by you`), where the notice says.
    pub party: Option<String>,
    /// How the data arises, in words (`Given to us`), where the notice says.
    pub method: Option<String>,
    /// Labels of the qualifiers the notice puts on this source (`Only with your consent`).
    pub qualifiers: Vec<String>,
    /// Whether the source is publicly accessible.
    pub publicly_accessible: bool,
    /// Examples the notice gives.
    pub examples: Vec<String>,
    /// When the data is collected from this source, in the notice's words.
    pub when: Option<String>,
}

/// A recipient.
#[derive(Debug, Clone, Serialize)]
pub struct RecipientView {
    /// The recipient as the notice names it (`The police`).
    pub name: String,
    /// The label of what kind of recipient it is (`Contractors working for us`).
    pub kind: String,
    /// The name of the organisation, where the recipient is one named organisation.
    pub organisation: Option<String>,
    /// Examples the notice gives.
    pub examples: Vec<String>,
    /// When or why data goes to this recipient, in the notice's words.
    pub when: Option<String>,
    /// Names of the data categories shared with it, in order.
    pub categories: Vec<String>,
    /// Labels of the qualifiers the notice puts on sharing with it (`Occasionally`).
    pub qualifiers: Vec<String>,
    /// Whether the notice says it acts only on the controller's instructions (a processor).
    pub processor: bool,
}

/// A system.
#[derive(Debug, Clone, Serialize)]
pub struct SystemView {
    /// The system's name (`Salesforce`).
    pub name: String,
    /// What it is used for and how it is protected, in the notice's words.
    pub description: Option<String>,
    /// Where the data is stored, each place in words (`the European Union (EU)`).
    pub locations: Vec<String>,
}

/// A transfer outside the UK.
#[derive(Debug, Clone, Serialize)]
pub struct TransferView {
    /// Where the data goes, each place in words (`the United States`).
    pub destinations: Vec<String>,
    /// Labels of the safeguards relied on, in order.
    pub safeguards: Vec<String>,
    /// Names of the systems involved, in order.
    pub systems: Vec<String>,
    /// What the notice says about the transfer, in its words.
    pub statement: Option<String>,
    /// Labels of the qualifiers the notice puts on the transfer (`Occasionally`).
    pub qualifiers: Vec<String>,
}

/// A retention rule in words.
#[derive(Debug, Clone, Serialize)]
pub struct RetentionView {
    /// What it covers (`Recordings of some telephone calls`, or `All personal data`).
    pub applies_to: String,
    /// Whether it covers all the data (it names no category or purpose).
    pub everything: bool,
    /// How long, in a phrase (`90 days from when it is collected or recorded`).
    pub how_long: String,
    /// The fixed period alone, in words (`1 year and 6 months`).
    pub period: Option<String>,
    /// The fixed period as an ISO 8601 duration (`P1Y6M`).
    pub period_iso: Option<String>,
    /// The criteria used when there is no fixed period, in the notice's words.
    pub criteria: Option<String>,
    /// Whom or what the rule applies to, when not everyone, in the notice's words.
    pub applies_when: Option<String>,
    /// Why this long, in the notice's words.
    pub reason: Option<String>,
    /// The retention schedule the rule refers to, as the notice names it.
    pub schedule: Option<String>,
    /// Where that schedule is published.
    pub schedule_url: Option<String>,
    /// What happens at the end, in words (`deleted`).
    pub then: Option<String>,
    /// Exceptions the notice states, in its words.
    pub unless: Option<String>,
}

/// A right.
#[derive(Debug, Clone, Serialize)]
pub struct RightView {
    /// The right, as a key (`access`, `complain`).
    pub right: &'static str,
    /// The right's label (`Right of access`).
    pub label: String,
    /// The article that sets it out (`UK GDPR Art. 15`), shown in the full rights section only.
    pub article: Option<String>,
    /// The few words the summary lists it by (`see your information`).
    pub short: String,
    /// What the notice says the right lets the person do, in its words.
    pub description: Option<String>,
    /// How to use the right.
    pub how: Option<HowView>,
    /// For a complaint: the name of the supervisory authority.
    pub authority: Option<String>,
    /// What identification is asked for, in the notice's words.
    pub identification: Option<String>,
    /// Any fee, or that there is none, in the notice's words.
    pub fee: Option<String>,
    /// Limits on the right the notice states, in its words.
    pub limits: Option<String>,
}

/// Rights used the same way, shown once with their shared instructions.
#[derive(Debug, Clone, Serialize)]
pub struct RightGroup {
    /// `Right of access`, or the labels joined for several rights.
    pub heading: String,
    /// The rights in the group, in order.
    pub rights: Vec<RightView>,
    /// How to use them, the same for every right in the group.
    pub how: Option<HowView>,
}

/// Groups consecutive rights whose `how` is the same.
fn group_rights(rights: &[RightView], words: &Catalogue) -> Vec<RightGroup> {
    let mut groups: Vec<RightGroup> = Vec::new();
    for r in rights {
        match groups.last_mut() {
            Some(g)
                if r.how.is_some()
                    && g.how == r.how
                    && r.authority.is_none()
                    && g.rights.iter().all(|x| x.authority.is_none()) =>
            {
                g.rights.push(r.clone());
            }
            _ => groups.push(RightGroup {
                heading: String::new(),
                rights: vec![r.clone()],
                how: r.how.clone(),
            }),
        }
    }
    for g in &mut groups {
        let labels: Vec<&str> = g.rights.iter().map(|r| r.label.as_str()).collect();
        // "Right of access, right to rectification and right to erasure".
        let parts: Vec<String> = labels
            .iter()
            .enumerate()
            .map(|(i, l)| {
                if i == 0 {
                    (*l).to_owned()
                } else {
                    lowercase_first(l)
                }
            })
            .collect();
        g.heading = list_and(words, parts);
    }
    groups
}

/// Whether data must be provided.
#[derive(Debug, Clone, Serialize)]
pub struct RequirementView {
    /// Names of the data categories, then purposes, concerned, joined with `; `; when none, words for all
    /// the data (`The information we ask for`).
    pub applies_to: String,
    /// Whether it is required, and by what, in words (`Required by law`).
    pub requirement: Option<String>,
    /// When this applies, where not always, in the notice's words.
    pub when: Option<String>,
    /// What happens if the person does not provide it, in the notice's words.
    pub consequences: Option<String>,
}

/// An automated decision.
#[derive(Debug, Clone, Serialize)]
pub struct DecisionView {
    /// What is decided, in the notice's words.
    pub description: String,
    /// Whether it involves profiling.
    pub profiling: bool,
    /// Meaningful information about the logic involved.
    pub logic: Option<String>,
    /// The significance of the decision for the person.
    pub significance: Option<String>,
    /// The likely consequences for the person.
    pub consequences: Option<String>,
    /// How people are involved: who checks or can change the result.
    pub human_involvement: Option<String>,
    /// Examples the notice gives.
    pub examples: Vec<String>,
}

/// Security.
#[derive(Debug, Clone, Serialize)]
pub struct SecurityView {
    /// Labels of the kinds of measures named, in order (`Physical`).
    pub measures: Vec<String>,
    /// What the notice says, in its words.
    pub description: Option<String>,
}

/// What the notice says of lists that are not complete.
#[derive(Debug, Clone, Default, Serialize)]
pub struct NotExhaustiveView {
    /// What the notice says of its list of purposes not being complete, in its words.
    pub purposes: Option<String>,
    /// What the notice says of its list of data categories not being complete, in its words.
    pub data_categories: Option<String>,
    /// What the notice says of its list of sources not being complete, in its words.
    pub sources: Option<String>,
    /// What the notice says of its list of recipients not being complete, in its words.
    pub recipients: Option<String>,
}

/// A section of prose.
#[derive(Debug, Clone, Serialize)]
pub struct InfoView {
    /// The section heading.
    pub heading: String,
    /// Its paragraphs, one string each.
    pub paragraphs: Vec<String>,
    /// A list that follows the paragraphs, one string per item.
    pub items: Vec<String>,
}

/// The printable form.
#[derive(Debug, Clone, Serialize)]
pub struct FormView {
    /// The heading printed on the form: the form's own title, or the notice title.
    pub title: String,
    /// Instructions for whoever goes through the form with the person.
    pub instructions: Option<String>,
    /// What the person acknowledges by signing, in the form's words.
    pub acknowledgement: Option<String>,
    /// Whether the form asks for consent (it has consent choices); else signing is not consent.
    pub asks_consent: bool,
    /// The consent choices, one unticked box each, in order.
    pub statements: Vec<StatementView>,
    /// The signature blocks, in order.
    pub blocks: Vec<BlockView>,
    /// How to withdraw consent later.
    pub withdrawal: Option<HowView>,
}

/// A consent choice.
#[derive(Debug, Clone, Serialize)]
pub struct StatementView {
    /// The statement's id within the form.
    pub id: String,
    /// The statement the person agrees to by ticking.
    pub text: String,
    /// The name of the purpose this consent is for.
    pub purpose: Option<String>,
}

/// A signature block.
#[derive(Debug, Clone, Serialize)]
pub struct BlockView {
    /// The heading above the block: the one given, or one from the signer (`Signed by a parent`).
    pub heading: String,
    /// Who signs here, in words (`Parent`).
    pub signer: String,
    /// Who signs here, as a key (`support_worker`).
    pub signer_key: &'static str,
    /// What the signer confirms by signing, in the form's words.
    pub declaration: Option<String>,
    /// Labels of further ruled lines after Name, Signature and Date (`Relationship to the person`).
    pub extra_fields: Vec<String>,
}

/// The layered summary, one line per question a reader asks first.
#[derive(Debug, Clone, Serialize)]
pub struct Glance {
    /// Who is responsible for the information (with any ICO registration) and who provides the service.
    pub who: String,
    /// Names of the data categories.
    pub collect: GlanceList,
    /// The purposes, each with its lawful bases' short labels in brackets (`Rent collection (Contract)`).
    pub why: GlanceList,
    /// Names of the recipients.
    pub share: GlanceList,
    /// The retention rules, each as `what it covers: how long`, with whom it applies to in brackets.
    pub keep: GlanceList,
    /// The rights in a few words each (`see your information`), except the right to complain.
    pub rights: GlanceList,
    /// A sentence saying whom the person can complain to; absent when the notice does not say.
    pub complain: Option<String>,
}

/// A summary list, cut to its first few items with a pointer to the full section.
#[derive(Debug, Clone, Serialize)]
pub struct GlanceList {
    /// The first few items (at most [`GLANCE_ITEMS`]).
    pub items: Vec<String>,
    /// Those items on one line, each as a sentence of its own, so names keep their capitals
    /// (`Your contact details. Sensitive personal information (possibly).`).
    pub line: String,
    /// How many items are left for the full section.
    pub more: usize,
    /// The id of the full section (`purposes`).
    pub section: &'static str,
    /// The full section's heading, for text.
    pub section_title: String,
}

/// The most items a summary list shows.
pub const GLANCE_ITEMS: usize = 3;

fn glance_list(
    words: &Catalogue,
    mut items: Vec<String>,
    section: &'static str,
    section_title: &str,
) -> GlanceList {
    let more = items.len().saturating_sub(GLANCE_ITEMS);
    items.truncate(GLANCE_ITEMS);
    let line = items
        .iter()
        .map(|i| format!("{}.", sentence_case(i.trim_end_matches('.'))))
        .collect::<Vec<_>>()
        .join(" ");
    GlanceList {
        items,
        line,
        more,
        section,
        section_title: words.text(section_title),
    }
}

/// Builds the view of one notice.
pub fn notice(graph: &Graph<'_>, notice: &Notice, words: &Catalogue) -> NoticeView {
    let r = Resolver {
        graph,
        notice,
        w: words,
    };
    let (alongside, related): (Vec<_>, Vec<_>) = notice
        .related
        .iter()
        .partition(|d| must_read_alongside(d.relation));
    let alongside: Vec<RelatedView> = alongside.into_iter().map(|d| r.related(d)).collect();
    let related: Vec<RelatedView> = related.into_iter().map(|d| r.related(d)).collect();
    let parties: Vec<PartyView> = notice.parties.iter().map(|p| r.party(p)).collect();
    let purposes: Vec<PurposeView> = notice.purposes.iter().map(|p| r.purpose(p)).collect();
    let categories: Vec<CategoryView> = notice
        .data_categories
        .iter()
        .map(|c| r.category(c))
        .collect();
    let recipients: Vec<RecipientView> = notice.recipients.iter().map(|x| r.recipient(x)).collect();
    let retention: Vec<RetentionView> = notice.retention.iter().map(|x| r.retention(x)).collect();
    let rights: Vec<RightView> = notice.rights.iter().map(|x| r.right(x)).collect();
    let controllers: Vec<PartyView> = Graph::controllers(notice)
        .map(|(_, p)| r.party(p))
        .collect();
    let glance = glance(
        who_is_responsible(&controllers, &parties, words),
        words,
        &purposes,
        &categories,
        &recipients,
        &retention,
        &rights,
    );
    let mut view = NoticeView {
        id: notice.id.to_string(),
        title: notice.title.clone(),
        version: notice.version.clone(),
        last_updated: notice.last_updated.as_ref().map(|d| long_date(d, words)),
        last_updated_iso: notice.last_updated.as_ref().map(ToString::to_string),
        published: notice.published.as_ref().map(|d| long_date(d, words)),
        published_iso: notice.published.as_ref().map(ToString::to_string),
        language: notice.language.to_string(),
        kind: words.label(notice.kind),
        audience: notice.audience.clone(),
        data_subjects: words.labels(&notice.data_subjects),
        summary: notice.summary.clone(),
        introduction: notice.introduction.clone(),
        url: notice.url.as_ref().map(ToString::to_string),
        hash: content_hash(graph, notice),
        alongside,
        related,
        parties,
        dpo: notice
            .data_protection_contact
            .as_ref()
            .and_then(|id| r.contact(id)),
        feedback: notice
            .feedback_contact
            .as_ref()
            .and_then(|id| r.contact(id)),
        why: notice.why.clone(),
        purposes,
        bases: notice.lawful_bases.iter().map(|b| r.basis(b)).collect(),
        shared_explanations: Vec::new(),
        special_category_conditions: notice
            .special_category_conditions
            .as_ref()
            .map(|j| art9(j, words)),
        confidentiality: notice.confidentiality.as_ref().map(confidentiality),
        bases_not_relied_on: labelled(&notice.bases_not_relied_on, words, |b| (b.basis, &b.reason)),
        sharing_bases: sharing_bases(notice, words),
        sharing_statement: notice.sharing_statement.clone(),
        categories,
        shared_access: Vec::new(),
        sources: notice.sources.iter().map(|s| source(s, words)).collect(),
        recipients,
        sharing_arrangements: notice.sharing_arrangements.clone(),
        systems: notice.systems.iter().map(|s| system(s, words)).collect(),
        transfers: notice.transfers.iter().map(|t| r.transfer(t)).collect(),
        retention,
        right_groups: group_rights(&rights, words),
        rights,
        requirements: notice
            .requirements
            .iter()
            .map(|q| r.requirement(q))
            .collect(),
        automated_decisions: notice.automated_decisions.iter().map(decision).collect(),
        security: notice.security.as_ref().map(|s| SecurityView {
            measures: words.labels(&s.measures),
            description: s.description.clone(),
        }),
        not_exhaustive: not_exhaustive(notice, words),
        other_information: notice.other_information.iter().map(info).collect(),
        changes: notice.changes.clone(),
        form: notice.form.as_ref().map(|f| r.form(f)),
        glance,
    };
    say_once(&mut view, words);
    view
}

/// What the notice says justifies its special category data as a whole.
fn art9(j: &Art9Justification, words: &Catalogue) -> Art9View {
    Art9View {
        art9: j.art9_conditions.iter().map(|c| term(*c, words)).collect(),
        justifications: j.art9_justifications.clone(),
        statement: j.statement.clone(),
    }
}

/// A promise of confidentiality, as the notice words it.
fn confidentiality(c: &Confidentiality) -> ConfidentialityView {
    ConfidentialityView {
        promise: c.promise.clone(),
        exceptions: c.exceptions.clone(),
        when_broken: c.when_broken.clone(),
    }
}

/// What a basis means or why it is not relied on, with the basis's label.
fn labelled<T>(
    items: &[T],
    words: &Catalogue,
    part: impl Fn(&T) -> (LawfulBasis, &String),
) -> Vec<Labelled> {
    items
        .iter()
        .map(|item| {
            let (basis, text) = part(item);
            Labelled {
                label: words.label(basis),
                article: words.article(basis),
                text: text.clone(),
            }
        })
        .collect()
}

/// The bases given for sharing, each with its qualifiers and its note.
fn sharing_bases(notice: &Notice, words: &Catalogue) -> Vec<String> {
    notice
        .sharing_bases
        .iter()
        .map(|b| {
            let label = qualified(words.label(b.basis), &words.labels(&b.qualifiers), words);
            match &b.note {
                Some(note) => format!("{label}: {note}"),
                None => label,
            }
        })
        .collect()
}

/// A statement with the notice's qualifiers on it in brackets (`Consent (Art. 6(1)(a)) (Occasionally)`);
/// the statement alone when it has none, so no qualifier the notice gives is ever dropped.
fn qualified(text: String, qualifiers: &[String], words: &Catalogue) -> String {
    if qualifiers.is_empty() {
        text
    } else {
        words.text_with(
            "qualified",
            &[
                ("text", string(&text)),
                ("qualifiers", string(&qualifiers.join("; "))),
            ],
        )
    }
}

/// A section of other information, as written.
fn info(i: &InfoSection) -> InfoView {
    InfoView {
        heading: i.heading.clone(),
        paragraphs: i.paragraphs.clone(),
        items: i.items.clone(),
    }
}

/// A system with its locations in words.
fn system(s: &System, words: &Catalogue) -> SystemView {
    SystemView {
        name: s.name.clone(),
        description: s.description.clone(),
        locations: s.locations.iter().map(|j| place(j, words)).collect(),
    }
}

/// An automated decision as the notice describes it.
fn decision(a: &AutomatedDecision) -> DecisionView {
    DecisionView {
        description: a.description.clone(),
        profiling: a.profiling,
        logic: a.logic.clone(),
        significance: a.significance.clone(),
        consequences: a.consequences.clone(),
        human_involvement: a.human_involvement.clone(),
        examples: a.examples.clone(),
    }
}

/// The notice's statements that a list is not exhaustive, by list. A statement the notice makes of
/// several lists is said once, with the first of them in page order, followed by the names of the others.
fn not_exhaustive(notice: &Notice, words: &Catalogue) -> NotExhaustiveView {
    let mut view = NotExhaustiveView::default();
    // The order the lists appear in on the page.
    let order = [
        ListName::Purposes,
        ListName::DataCategories,
        ListName::Sources,
        ListName::Recipients,
    ];
    let mut said: Vec<&String> = Vec::new();
    for list in order {
        let Some(first) = notice.not_exhaustive.iter().find(|n| n.list == list) else {
            continue;
        };
        if said.contains(&&first.statement) {
            continue;
        }
        said.push(&first.statement);
        let others: Vec<String> = order
            .iter()
            .filter(|l| **l != list)
            .filter(|l| {
                notice
                    .not_exhaustive
                    .iter()
                    .any(|n| n.list == **l && n.statement == first.statement)
            })
            .map(|l| words.label(*l))
            .collect();
        let mut text = first.statement.clone();
        if !others.is_empty() {
            text.push(' ');
            text.push_str(&words.text_with(
                "not-exhaustive-also",
                &[("lists", string(&list_and(words, others)))],
            ));
        }
        let slot = match list {
            ListName::Purposes => &mut view.purposes,
            ListName::DataCategories => &mut view.data_categories,
            ListName::Sources => &mut view.sources,
            ListName::Recipients => &mut view.recipients,
        };
        *slot = Some(text);
    }
    view
}

/// Resolves ids within one notice and the file it belongs to.
struct Resolver<'a> {
    graph: &'a Graph<'a>,
    notice: &'a Notice,
    w: &'a Catalogue,
}

impl Resolver<'_> {
    fn org(&self, id: &Id) -> Option<&Organisation> {
        self.graph.organisation(id)
    }

    fn org_name(&self, id: &Id) -> String {
        self.org(id)
            .map_or_else(|| id.to_string(), |o| o.name.clone())
    }

    fn contact(&self, id: &Id) -> Option<ContactView> {
        let c = self.graph.contact(id)?;
        // Only the contact's own details: its organisation's address is shown with the organisation, and
        // is not assumed to reach this contact.
        let lines = c
            .address
            .as_ref()
            .map(PostalAddress::to_lines)
            .unwrap_or_default();
        Some(ContactView {
            name: c.name.clone(),
            organisation: self.org_name(&c.organisation),
            role_label: self.w.label(c.role),
            email: c.email.as_ref().map(ToString::to_string),
            phone: c.phone.as_ref().map(ToString::to_string),
            address: lines,
            url: c.url.as_ref().map(ToString::to_string),
        })
    }

    fn how(&self, how: &HowTo) -> HowView {
        HowView {
            instructions: how.instructions.clone(),
            contact: how.contact.as_ref().and_then(|id| self.contact(id)),
        }
    }

    fn related(&self, d: &RelatedDocument) -> RelatedView {
        let local = d
            .notice
            .as_ref()
            .filter(|id| self.graph.notice(id).is_some());
        let url = d.url.as_ref().map(ToString::to_string);
        RelatedView {
            relation: d.relation.key(),
            relation_label: self.w.label(d.relation),
            title: d.title.clone(),
            href: local
                .map(|id| format!("../{id}/index.html"))
                .or_else(|| url.clone()),
            url,
            notice: local.map(ToString::to_string),
            organisation: d.organisation.as_ref().map(|o| self.org_name(o)),
        }
    }

    fn party(&self, p: &Party) -> PartyView {
        let org = self.org(&p.organisation);
        PartyView {
            name: self.org_name(&p.organisation),
            role: p.legal_role.map(ClosedList::key),
            role_label: p.legal_role.map(|r| self.w.label(r)),
            described_as: p.described_as.clone(),
            described_in_description: false,
            we: p.we,
            kind: org.and_then(|o| o.kind).map(|k| self.w.label(k)),
            description: p.description.clone(),
            organisation_description: org.and_then(|o| o.description.clone()),
            acting_for: p.acting_for.as_ref().map(|a| self.org_name(a)),
            ico_registration: org
                .and_then(|o| o.ico_registration.as_ref())
                .map(ToString::to_string),
            address: org
                .and_then(|o| o.address.as_ref())
                .map(PostalAddress::to_lines)
                .unwrap_or_default(),
            email: org.and_then(|o| o.email.as_ref()).map(ToString::to_string),
            phone: org.and_then(|o| o.phone.as_ref()).map(ToString::to_string),
            website: org
                .and_then(|o| o.website.as_ref())
                .map(ToString::to_string),
        }
    }

    fn category_name(&self, id: &Id) -> String {
        self.notice
            .data_categories
            .iter()
            .find(|c| &c.id == id)
            .map_or_else(|| id.to_string(), |c| c.name.clone())
    }

    fn purpose_name(&self, id: &Id) -> String {
        self.notice
            .purposes
            .iter()
            .find(|p| &p.id == id)
            .map_or_else(|| id.to_string(), |p| p.name.clone())
    }

    fn recipient_name(&self, id: &Id) -> String {
        self.notice
            .recipients
            .iter()
            .find(|x| &x.id == id)
            .map_or_else(|| id.to_string(), |x| x.name.clone())
    }

    fn source_name(&self, id: &Id) -> String {
        self.notice
            .sources
            .iter()
            .find(|s| &s.id == id)
            .map_or_else(|| id.to_string(), |s| s.name.clone())
    }

    fn system_name(&self, id: &Id) -> String {
        self.notice
            .systems
            .iter()
            .find(|s| &s.id == id)
            .map_or_else(|| id.to_string(), |s| s.name.clone())
    }

    fn purpose(&self, p: &Purpose) -> PurposeView {
        PurposeView {
            id: p.id.to_string(),
            name: p.name.clone(),
            kinds: self.w.labels(&p.kinds),
            description: p.description.clone(),
            examples: p.examples.clone(),
            qualifiers: self.w.labels(&p.qualifiers),
            bases: self.w.labels(&p.lawful_bases),
            basis_qualifiers: self.w.labels(&p.basis_qualifiers),
            law: p.law.clone(),
            legitimate_interests: p.legitimate_interests.clone(),
            categories: p.categories.iter().map(|c| self.category_name(c)).collect(),
            recipients: p
                .recipients
                .iter()
                .map(|c| self.recipient_name(c))
                .collect(),
            withdraw: p
                .consent
                .as_ref()
                .and_then(|c| c.withdraw.as_ref())
                .map(|h| self.how(h)),
            consent_ends: p.consent.as_ref().and_then(|c| c.ends.clone()),
            opt_out: p.opt_out.as_ref().map(|h| self.how(h)),
        }
    }

    fn basis(&self, b: &BasisStatement) -> BasisView {
        BasisView {
            label: self.w.label(b.basis),
            article: self.w.article(b.basis),
            qualifiers: self.w.labels(&b.qualifiers),
            explanation: b.explanation.clone(),
            examples: b.examples.clone(),
            legitimate_interests: b.legitimate_interests.clone(),
            interests_qualifiers: self.w.labels(&b.interests_qualifiers),
            law: b.law.clone(),
            withdraw: b
                .consent
                .as_ref()
                .and_then(|c| c.withdraw.as_ref())
                .map(|h| self.how(h)),
            consent_ends: b.consent.as_ref().and_then(|c| c.ends.clone()),
        }
    }

    fn category(&self, c: &DataCategory) -> CategoryView {
        CategoryView {
            id: c.id.to_string(),
            name: c.name.clone(),
            description: c.description.clone(),
            examples: c.examples.clone(),
            kinds: self.w.labels(&c.kinds),
            special: self.w.labels(&c.special_category),
            qualifiers: self.w.labels(&c.qualifiers),
            art9: c.art9_conditions.iter().map(|x| term(*x, self.w)).collect(),
            art9_justifications: c.art9_justifications.clone(),
            schedule1: self.w.labels(&c.schedule1_conditions),
            policy_document: c
                .appropriate_policy_document
                .as_ref()
                .map(ToString::to_string),
            criminal: c.criminal_offence_data,
            sources: c.sources.iter().map(|s| self.source_name(s)).collect(),
            access: c.access.clone(),
        }
    }

    fn recipient(&self, x: &Recipient) -> RecipientView {
        RecipientView {
            name: x.name.clone(),
            kind: self.w.label(x.kind),
            organisation: x.organisation.as_ref().map(|o| self.org_name(o)),
            examples: x.examples.clone(),
            when: x.when.clone(),
            categories: x.categories.iter().map(|c| self.category_name(c)).collect(),
            qualifiers: self.w.labels(&x.qualifiers),
            processor: x.processor,
        }
    }

    fn transfer(&self, t: &Transfer) -> TransferView {
        TransferView {
            destinations: t.destinations.iter().map(|j| place(j, self.w)).collect(),
            safeguards: self.w.labels(&t.safeguards),
            systems: t.systems.iter().map(|s| self.system_name(s)).collect(),
            statement: t.statement.clone(),
            qualifiers: self.w.labels(&t.qualifiers),
        }
    }

    fn applies_to(&self, categories: &[Id], purposes: &[Id], everything: &str) -> String {
        let everything = self.w.text(everything);
        let names: Vec<String> = categories
            .iter()
            .map(|c| self.category_name(c))
            .chain(purposes.iter().map(|p| self.purpose_name(p)))
            .collect();
        if names.is_empty() {
            everything
        } else {
            names.join("; ")
        }
    }

    fn retention(&self, x: &Retention) -> RetentionView {
        let period = x.period.as_ref().map(|p| duration_words(p, self.w));
        RetentionView {
            applies_to: self.applies_to(&x.categories, &x.purposes, "retention-everything"),
            everything: x.categories.is_empty() && x.purposes.is_empty(),
            how_long: retention_words(x, self.w),
            period,
            period_iso: x.period.as_ref().map(ToString::to_string),
            criteria: x.criteria.clone(),
            applies_when: x.applies_when.clone(),
            reason: x.reason.clone(),
            schedule: x.schedule.as_ref().map(|s| s.name.clone()),
            schedule_url: x
                .schedule
                .as_ref()
                .and_then(|s| s.url.as_ref())
                .map(ToString::to_string),
            then: x.then.map(|t| self.w.label(t)),
            unless: x.unless.clone(),
        }
    }

    fn right(&self, x: &RightInfo) -> RightView {
        RightView {
            right: x.right.key(),
            label: self.w.label(x.right),
            article: self.w.article(x.right),
            short: self.w.short(x.right),
            description: x.description.clone(),
            how: x.how.as_ref().map(|h| self.how(h)),
            authority: x.authority.as_ref().map(|a| self.org_name(a)),
            identification: x.identification.clone(),
            fee: x.fee.clone(),
            limits: x.limits.clone(),
        }
    }

    fn requirement(&self, q: &ProvisionRequirement) -> RequirementView {
        RequirementView {
            applies_to: self.applies_to(&q.categories, &q.purposes, "requirement-everything"),
            requirement: q.requirement.map(|k| self.w.label(k)),
            when: q.when.clone(),
            consequences: q.consequences.clone(),
        }
    }

    fn form(&self, f: &ConsentForm) -> FormView {
        FormView {
            title: f.title.clone().unwrap_or_else(|| self.notice.title.clone()),
            instructions: f.instructions.clone(),
            acknowledgement: f.acknowledgement.clone(),
            asks_consent: !f.statements.is_empty(),
            statements: f
                .statements
                .iter()
                .map(|s| StatementView {
                    id: s.id.to_string(),
                    text: s.text.clone(),
                    purpose: s.purpose.as_ref().map(|p| self.purpose_name(p)),
                })
                .collect(),
            blocks: f
                .signature_blocks
                .iter()
                .map(|b| BlockView {
                    heading: b
                        .heading
                        .clone()
                        .unwrap_or_else(|| default_heading(b.signer, self.w)),
                    signer: self.w.label(b.signer),
                    signer_key: b.signer.key(),
                    declaration: b.declaration.clone(),
                    extra_fields: b.extra_fields.clone(),
                })
                .collect(),
            withdrawal: f.withdrawal.as_ref().map(|h| self.how(h)),
        }
    }
}

/// The heading of a signature block that names none (`Signed by a parent`).
fn default_heading(signer: Signer, words: &Catalogue) -> String {
    words.text_with("signature-heading", &[("signer", string(signer.key()))])
}

fn source(s: &Source, words: &Catalogue) -> SourceView {
    SourceView {
        name: s.name.clone(),
        party: s.party.map(|p| words.label(p)),
        method: s.method.map(|m| words.label(m)),
        qualifiers: words.labels(&s.qualifiers),
        publicly_accessible: s.publicly_accessible,
        examples: s.examples.clone(),
        when: s.when.clone(),
    }
}

/// A place in words: a country by its English short name (`IN` → `India`), and `EU`, `EEA`, `GB` and `US`
/// as the catalogue says them (`the European Union`).
pub fn place(j: &Jurisdiction, words: &Catalogue) -> String {
    place_name(j.as_str(), words)
}

/// [`place`] for a code as text; a code that names no country stays as it is.
fn place_name(code: &str, words: &Catalogue) -> String {
    let name = isocountry::CountryCode::for_alpha2(code).map_or(code, |c| c.name());
    words.text_with("place", &[("code", string(code)), ("name", string(name))])
}

/// A number as an ordinal (`1st`, `2nd`, `3rd`, `11th`, `21st`), by the catalogue's ordinal rules.
pub fn ordinal(n: u32, words: &Catalogue) -> String {
    words.text_with("ordinal", &[("n", number(n as usize))])
}

/// `2023-03-07` as `7 March 2023`.
pub fn long_date(d: &Date, words: &Catalogue) -> String {
    let date = d.date();
    words.text_with(
        "date-long",
        &[
            ("day", number(date.day().unsigned_abs().into())),
            ("month", number(date.month().unsigned_abs().into())),
            ("year", string(&date.year().to_string())),
        ],
    )
}

/// An ISO 8601 duration in words: `P90D` → `90 days`, `P1Y6M` → `1 year and 6 months`.
pub fn duration_words(period: &Duration, words: &Catalogue) -> String {
    let parts: Vec<String> = period
        .parts()
        .map(|(n, unit)| {
            let unit = match unit {
                DurationUnit::Years => "duration-years",
                DurationUnit::Months => "duration-months",
                DurationUnit::Weeks => "duration-weeks",
                DurationUnit::Days => "duration-days",
            };
            words.text_with(unit, &[("n", number(n as usize))])
        })
        .collect();
    if parts.is_empty() {
        period.to_string()
    } else {
        list_and(words, parts)
    }
}

/// Items as a list in words: `a`, `a and b`, `a, b and c`.
fn list_and(words: &Catalogue, mut items: Vec<String>) -> String {
    match items.pop() {
        Some(last) if !items.is_empty() => words.text_with(
            "list-and",
            &[
                ("items", string(&items.join(&words.text("list-separator")))),
                ("last", string(&last)),
            ],
        ),
        Some(only) => only,
        None => String::new(),
    }
}

/// How long a retention rule keeps data, in a phrase: `Normally 3 months after when it is collected`.
pub fn retention_words(x: &Retention, words: &Catalogue) -> String {
    let mut how_long = None;
    if let Some(p) = &x.period {
        let mut period = duration_words(p, words);
        let mut parts = p.parts();
        let years_only = match (parts.next(), parts.next()) {
            (Some((n, DurationUnit::Years)), None) if n > 0 => Some(n),
            _ => None,
        };
        if let (Some(RetentionEvent::DateOfBirth), Some(age)) = (x.from, years_only) {
            // A number of years from the date of birth is the birthday the person reaches: "75 years
            // from your date of birth" is said "until your 75th birthday", as the source says it.
            period = words.text_with(
                "retention-until-birthday",
                &[("ordinal", string(&ordinal(age, words)))],
            );
        } else if let Some(from) = x.from {
            let id = match from {
                RetentionEvent::DateOfBirth => "retention-from",
                _ => "retention-after",
            };
            period = words.text_with(
                id,
                &[
                    ("period", string(&period)),
                    ("event", string(&words.label(from))),
                ],
            );
        }
        if x.up_to {
            period = words.text_with("retention-up-to", &[("period", string(&period))]);
        }
        if x.normally {
            period = words.text_with("retention-normally", &[("period", string(&period))]);
        }
        how_long = Some(period);
    }
    if let Some(until) = x.until {
        let until = words.text_with("retention-until", &[("event", string(&words.label(until)))]);
        how_long = Some(match how_long {
            Some(period) => words.text_with(
                "retention-or",
                &[("period", string(&period)), ("until", string(&until))],
            ),
            None => until,
        });
    }
    let how_long = how_long.unwrap_or_else(|| x.criteria.clone().unwrap_or_default());
    sentence_case(&how_long)
}

fn sentence_case(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The short content hash of a notice: the first 12 hex digits of a SHA-256 over the canonical JSON of
/// the notice's typed values and of everything shared its outputs depend on ([`Graph::closure`]), so a
/// change to any fact a reader sees changes it, and formatting, key order, quoting and comments never do.
/// The notice's `allow` list is left out: it configures the lint and no output prints it.
pub fn content_hash(graph: &Graph<'_>, notice: &Notice) -> String {
    let closure = graph.closure(notice);
    // The allow list configures the lint; cleared here (an empty list is not serialised) rather than
    // removed from the JSON by name, so renaming the field cannot quietly put it back in the hash.
    let facts = if notice.allow.is_empty() {
        std::borrow::Cow::Borrowed(notice)
    } else {
        std::borrow::Cow::Owned(Notice {
            allow: Vec::new(),
            ..notice.clone()
        })
    };
    // Through `serde_json::Value`, whose maps sort their keys: the canonical form is key-sorted JSON.
    let canonical = serde_json::json!({
        "notice": facts,
        "organisations": closure.organisations.values().collect::<Vec<_>>(),
        "contacts": closure.contacts.values().collect::<Vec<_>>(),
    });
    let digest = Sha256::digest(canonical.to_string().as_bytes());
    super::hex(digest.iter().take(6))
}

/// The summary's first line: who answers for the information, who provides the service for them, and
/// who else the notice names. Without a controller it names the organisations the notice speaks as, or
/// else every organisation it names, and never calls them controllers.
fn who_is_responsible(
    controllers: &[PartyView],
    parties: &[PartyView],
    words: &Catalogue,
) -> String {
    if controllers.is_empty() {
        return who_without_controller(parties, words);
    }
    // The ICO registration is in the full section: the summary names who, in as few words as it can.
    let names: Vec<String> = controllers.iter().map(|p| p.name.clone()).collect();
    let mut who = words.text_with(
        "glance-responsible",
        &[
            ("count", number(names.len())),
            (
                "names",
                string(&names.join(&words.text("list-and-separator"))),
            ),
        ],
    );
    let providers: Vec<String> = parties
        .iter()
        .filter(|p| p.role == Some("processor"))
        .map(|p| match &p.acting_for {
            Some(f) => words.text_with(
                "glance-provider-for",
                &[("name", string(&p.name)), ("client", string(f))],
            ),
            None => words.text_with("glance-provider", &[("name", string(&p.name))]),
        })
        .collect();
    if !providers.is_empty() {
        who.push(' ');
        who.push_str(&providers.join("; "));
        who.push('.');
    }
    let unroled = parties.iter().filter(|p| p.role.is_none());
    let (we, others): (Vec<&PartyView>, Vec<&PartyView>) = unroled.partition(|p| p.we);
    if !we.is_empty() {
        let names = we.iter().map(|p| party_in_words(p, words)).collect();
        who.push(' ');
        who.push_str(
            &words.text_with("glance-from", &[("names", string(&list_and(words, names)))]),
        );
    }
    also_named(&mut who, &others, words);
    who
}

/// The summary's first line for a notice that names no controller: the organisations it speaks as
/// ("we") and then the others it names; else every organisation it names.
fn who_without_controller(parties: &[PartyView], words: &Catalogue) -> String {
    if parties.is_empty() {
        return words.text("not-stated");
    }
    let in_words = |list: &[&PartyView]| {
        let names = list.iter().map(|p| party_in_words(p, words)).collect();
        list_and(words, names)
    };
    let (we, others): (Vec<&PartyView>, Vec<&PartyView>) = parties.iter().partition(|p| p.we);
    if we.is_empty() {
        return words.text_with("glance-names", &[("names", string(&in_words(&others)))]);
    }
    let mut who = words.text_with("glance-from", &[("names", string(&in_words(&we)))]);
    also_named(&mut who, &others, words);
    who
}

/// Adds `Also named in this notice: …` for `others`, when there are any.
fn also_named(who: &mut String, others: &[&PartyView], words: &Catalogue) {
    if others.is_empty() {
        return;
    }
    let names = others.iter().map(|p| party_in_words(p, words)).collect();
    who.push(' ');
    who.push_str(&words.text_with(
        "glance-also-named",
        &[("names", string(&list_and(words, names)))],
    ));
}

/// An organisation with the words the notice gives it, or else its stated legal role, in brackets
/// (`Porchlight (service provider for Kent County Council)`); its name alone when it has neither.
fn party_in_words(p: &PartyView, words: &Catalogue) -> String {
    let Some(described) = p.described_as.as_ref().or(p.role_label.as_ref()) else {
        return p.name.clone();
    };
    match &p.acting_for {
        Some(client) => words.text_with(
            "glance-described-for",
            &[
                ("name", string(&p.name)),
                ("described", string(described)),
                ("client", string(client)),
            ],
        ),
        None => words.text_with(
            "glance-described",
            &[("name", string(&p.name)), ("described", string(described))],
        ),
    }
}

/// The "at a glance" summary.
fn glance(
    who: String,
    words: &Catalogue,
    purposes: &[PurposeView],
    categories: &[CategoryView],
    recipients: &[RecipientView],
    retention: &[RetentionView],
    rights: &[RightView],
) -> Glance {
    let complain = rights
        .iter()
        .find(|x| x.right == "complain")
        .map(|x| match &x.authority {
            Some(a) => words.text_with("glance-complain-to", &[("authority", string(a))]),
            None => words.text("glance-complain-to-ico"),
        });
    Glance {
        who,
        collect: glance_list(
            words,
            categories
                .iter()
                .map(|c| glance_qualified(&c.name, &[], &c.qualifiers, words))
                .collect(),
            "data",
            "heading-data",
        ),
        why: glance_list(
            words,
            purposes
                .iter()
                .map(|p| {
                    let bases: Vec<String> = p.bases.iter().map(|b| lowercase_first(b)).collect();
                    let mut qualifiers = p.qualifiers.clone();
                    if !p.bases.is_empty() {
                        qualifiers.extend(p.basis_qualifiers.iter().cloned());
                    }
                    glance_qualified(&p.name, &bases, &qualifiers, words)
                })
                .collect(),
            "purposes",
            "heading-purposes",
        ),
        share: glance_list(
            words,
            recipients
                .iter()
                .map(|x| glance_qualified(&x.name, &[], &x.qualifiers, words))
                .collect(),
            "sharing",
            "heading-sharing",
        ),
        keep: glance_list(
            words,
            retention
                .iter()
                .map(|x| {
                    // A rule for all the data needs no "All personal data:" in front of it.
                    let how_long = if x.everything {
                        x.how_long.clone()
                    } else {
                        format!("{}: {}", x.applies_to, lowercase_first(&x.how_long))
                    };
                    match &x.applies_when {
                        Some(w) => format!(
                            "{}: {}",
                            w.trim_end_matches('.'),
                            lowercase_first(&how_long)
                        ),
                        None => how_long,
                    }
                })
                .collect(),
            "retention",
            "heading-retention",
        ),
        rights: glance_list(
            words,
            rights
                .iter()
                .filter(|x| x.right != "complain")
                .map(|x| x.short.clone())
                .collect(),
            "rights",
            "heading-rights",
        ),
        complain,
    }
}

/// A summary item with what the notice says of it in brackets: the short labels of its lawful bases,
/// then its qualifiers, so the summary never states anything more firmly than the notice
/// (`Rent collection (Contract)`, `The police (only when the law requires it)`).
fn glance_qualified(
    name: &str,
    bases: &[String],
    qualifiers: &[String],
    words: &Catalogue,
) -> String {
    let mut parts: Vec<String> = Vec::new();
    if !bases.is_empty() {
        parts.push(bases.join(", "));
    }
    parts.extend(qualifiers.iter().map(|q| lowercase_first(q)));
    if parts.is_empty() {
        return name.to_owned();
    }
    words.text_with(
        "qualified",
        &[
            ("text", string(name)),
            ("qualifiers", string(&parts.join("; "))),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_as_words() {
        let w = Catalogue::en_gb().unwrap();
        assert_eq!(duration_words(&"P90D".parse().unwrap(), &w), "90 days");
        assert_eq!(duration_words(&"P3M".parse().unwrap(), &w), "3 months");
        assert_eq!(duration_words(&"P1Y".parse().unwrap(), &w), "1 year");
        assert_eq!(duration_words(&"P1W".parse().unwrap(), &w), "1 week");
        assert_eq!(
            duration_words(&"P1Y6M2D".parse().unwrap(), &w),
            "1 year, 6 months and 2 days"
        );
        assert!(w.take_failures().is_empty());
    }

    #[test]
    fn ordinals_take_the_english_suffix() {
        let w = Catalogue::en_gb().unwrap();
        let cases = [
            (1, "1st"),
            (2, "2nd"),
            (3, "3rd"),
            (4, "4th"),
            (10, "10th"),
            (11, "11th"),
            (12, "12th"),
            (13, "13th"),
            (21, "21st"),
            (22, "22nd"),
            (23, "23rd"),
            (75, "75th"),
            (101, "101st"),
            (111, "111th"),
            (112, "112th"),
            (113, "113th"),
            (121, "121st"),
        ];
        for (n, said) in cases {
            assert_eq!(ordinal(n, &w), said);
        }
        assert!(w.take_failures().is_empty());
    }

    #[test]
    fn years_from_birth_read_as_a_birthday() {
        let w = Catalogue::en_gb().unwrap();
        let rule = |json: serde_json::Value| -> Retention { serde_json::from_value(json).unwrap() };
        let birth =
            |period: &str| rule(serde_json::json!({ "period": period, "from": "date_of_birth" }));
        assert_eq!(
            retention_words(&birth("P75Y"), &w),
            "Until your 75th birthday"
        );
        assert_eq!(
            retention_words(&birth("P21Y"), &w),
            "Until your 21st birthday"
        );
        let after =
            rule(serde_json::json!({ "period": "P12Y", "from": "end_of_service", "up_to": true }));
        assert_eq!(
            retention_words(&after, &w),
            "Up to 12 years after your service with us ends"
        );
        assert!(w.take_failures().is_empty());
    }

    #[test]
    fn places_read_by_name() {
        let w = Catalogue::en_gb().unwrap();
        let name = |code: &str| place_name(code, &w);
        assert_eq!(name("IN"), "India");
        assert_eq!(name("FR"), "France");
        assert_eq!(name("EU"), "the European Union");
        assert_eq!(name("EEA"), "the European Economic Area");
        assert_eq!(name("GB"), "the United Kingdom");
        assert_eq!(name("US"), "the United States");
        // Every code a notice may use names a place in words, never the code itself.
        for code in crate::model::dpv::LOC_CODES.split(' ') {
            let said = name(code);
            assert_ne!(said, code, "`{code}` has no name");
            assert!(said.chars().count() > 3, "`{code}` reads as {said:?}");
        }
        assert!(w.take_failures().is_empty());
    }

    #[test]
    fn dates_read_the_uk_way() {
        let w = Catalogue::en_gb().unwrap();
        assert_eq!(
            long_date(&"2023-03-07".parse().unwrap(), &w),
            "7 March 2023"
        );
        assert_eq!(
            long_date(&"2024-12-31".parse().unwrap(), &w),
            "31 December 2024"
        );
        assert!(w.take_failures().is_empty());
    }
}

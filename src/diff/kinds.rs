//! The kinds of change a semantic diff reports, each with its impact class, the reasoning and the
//! provision or guidance it rests on (`noticec explain C101`).

use serde::Serialize;

/// What a change means for the people a notice is about, from least to most.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Impact {
    /// Wording, a typo, a contact written differently, a shorter retention: nothing people must be told
    /// before it applies.
    Editorial,
    /// A material change people must be told about before it applies: a new purpose on a basis other
    /// than consent, a new recipient or transfer, a longer retention, a new automated decision.
    Notify,
    /// New or widened processing that relies on consent: consents already given do not cover it.
    Reconsent,
}

impl Impact {
    /// The class as the reports print it.
    pub fn as_str(self) -> &'static str {
        match self {
            Impact::Editorial => "editorial",
            Impact::Notify => "notify",
            Impact::Reconsent => "reconsent",
        }
    }

    /// Reads a class name.
    pub fn parse(text: &str) -> Option<Impact> {
        [Impact::Editorial, Impact::Notify, Impact::Reconsent]
            .into_iter()
            .find(|i| i.as_str() == text)
    }

    /// Whether people must be told, or asked again, before the change applies.
    pub fn is_material(self) -> bool {
        self >= Impact::Notify
    }
}

/// The Art. 13/14 item a change is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Item {
    /// The notice as a whole.
    Notice,
    /// Who the controller and the other organisations are (Art. 13(1)(a)).
    Controller,
    /// How to reach the controller and the DPO (Art. 13(1)(a)(b)).
    Contact,
    /// The people the notice is about.
    DataSubjects,
    /// The purposes (Art. 13(1)(c)).
    Purposes,
    /// The lawful bases (Art. 13(1)(c)).
    LawfulBasis,
    /// The legitimate interests (Art. 13(1)(d)).
    LegitimateInterests,
    /// The categories of data (Art. 14(1)(d), Art. 9, Art. 10).
    DataCategories,
    /// Where the data comes from (Art. 14(2)(f)).
    Sources,
    /// Who receives the data (Art. 13(1)(e)).
    Recipients,
    /// Transfers abroad and where data is stored (Art. 13(1)(f)).
    Transfers,
    /// How long data is kept (Art. 13(2)(a)).
    Retention,
    /// The person's rights (Art. 13(2)(b)-(d)).
    Rights,
    /// Whether the data must be provided (Art. 13(2)(e)).
    Requirement,
    /// Automated decisions (Art. 13(2)(f)).
    AutomatedDecisions,
    /// The consent form (Art. 7).
    ConsentForm,
    /// Other wording.
    Wording,
}

impl Item {
    /// The item as the reports name it.
    pub fn label(self) -> &'static str {
        match self {
            Item::Notice => "notice",
            Item::Controller => "controller and parties (Art. 13(1)(a))",
            Item::Contact => "contact details and DPO (Art. 13(1)(a)(b))",
            Item::DataSubjects => "people the notice is about",
            Item::Purposes => "purposes (Art. 13(1)(c))",
            Item::LawfulBasis => "lawful basis (Art. 13(1)(c))",
            Item::LegitimateInterests => "legitimate interests (Art. 13(1)(d))",
            Item::DataCategories => "categories of data (Art. 14(1)(d))",
            Item::Sources => "sources (Art. 14(2)(f))",
            Item::Recipients => "recipients (Art. 13(1)(e))",
            Item::Transfers => "transfers and storage abroad (Art. 13(1)(f))",
            Item::Retention => "retention (Art. 13(2)(a))",
            Item::Rights => "rights (Art. 13(2)(b)-(d))",
            Item::Requirement => "whether data must be provided (Art. 13(2)(e))",
            Item::AutomatedDecisions => "automated decisions (Art. 13(2)(f))",
            Item::ConsentForm => "consent form (Art. 7)",
            Item::Wording => "other wording",
        }
    }
}

/// One kind of change: its code and name, the item, the class, why, and what that rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Kind {
    /// The code (`C101`).
    pub code: &'static str,
    /// The name (`purpose-added-consent`).
    pub name: &'static str,
    /// The Art. 13/14 item.
    pub item: Item,
    /// The class.
    pub impact: Impact,
    /// Why the change has this class.
    pub why: &'static str,
    /// The provision or guidance the class rests on.
    pub rests_on: &'static str,
}

/// The EDPB-endorsed transparency guidelines' section on changes to a notice.
const WP260: &str = "Article 29 Working Party, Guidelines on transparency (WP260 rev.01, endorsed by the EDPB), \"Changes to Article 13 and Article 14 information\"";
/// Why wording is editorial.
const WORDS_ONLY: &str = "The words changed but not what is done with the data. Corrections of wording are not material changes: people need not be told in advance, and rewording is not a reason to ask for consent again.";
/// Why a narrower processing is editorial.
const NARROWER: &str = "Less is done with the data than before. Nothing new needs to be told before the change applies; the notice should still be kept accurate.";
/// What consent's specificity rests on.
const SPECIFIC: &str = "UK GDPR Art. 4(11) and Art. 6(1)(a) (consent is given for specific purposes), Art. 7(1); EDPB Guidelines 05/2020 on consent, \"specific\"";

macro_rules! kinds {
    ($($konst:ident = ($code:literal, $name:literal, $item:ident, $impact:ident, $why:expr, $rests:expr);)*) => {
        $(
            #[doc = concat!("`", $code, "` ", $name, ".")]
            pub const $konst: Kind = Kind {
                code: $code,
                name: $name,
                item: Item::$item,
                impact: Impact::$impact,
                why: $why,
                rests_on: $rests,
            };
        )*
        /// Every kind of change, in code order.
        pub const ALL: &[Kind] = &[$($konst),*];
    };
}

kinds! {
    NOTICE_ADDED = ("C001", "notice-added", Notice, Notify,
        "A new notice: people must have it before the processing it describes begins.",
        "UK GDPR Art. 13(1) (at the time the data is obtained), Art. 14(3)");
    NOTICE_REMOVED = ("C002", "notice-removed", Notice, Notify,
        "The notice is no longer in the file: the people it was given to should be told where the information now is, or that the processing has ended.",
        WP260);
    PURPOSE_ADDED_CONSENT = ("C101", "purpose-added-consent", Purposes, Reconsent,
        "A new purpose that relies on consent. Consent covers only the specific purposes it was given for, so the consents already given do not cover this one: ask for it before the data is used for it.",
        SPECIFIC);
    PURPOSE_ADDED = ("C102", "purpose-added", Purposes, Notify,
        "A new purpose, on a basis other than consent. People must be told about it before their data is used for it.",
        "UK GDPR Art. 13(3), Art. 14(4); Article 29 Working Party, Guidelines on transparency (WP260 rev.01), \"Changes to Article 13 and Article 14 information\"");
    PURPOSE_REMOVED = ("C103", "purpose-removed", Purposes, Editorial, NARROWER, WP260);
    PURPOSE_WIDENED_CONSENT = ("C104", "purpose-widened-consent", Purposes, Reconsent,
        "A purpose that relies on consent now uses more data, shares it with more recipients or is stated more firmly: the consent already given was for less.",
        SPECIFIC);
    PURPOSE_WIDENED = ("C105", "purpose-widened", Purposes, Notify,
        "A purpose now uses more data, shares it with more recipients, or is stated more firmly (a \"may\" or \"occasionally\" removed). That is a change in what is done with the data, to be told before it applies.",
        "UK GDPR Art. 13(1)(c) and (e); Article 29 Working Party, Guidelines on transparency (WP260 rev.01), \"Changes to Article 13 and Article 14 information\"");
    PURPOSE_HOW_TO_CHANGED = ("C106", "purpose-how-to-changed", Purposes, Notify,
        "How to withdraw consent or opt out of a purpose changed: a change in how people exercise their rights is one to tell them about.",
        "UK GDPR Art. 7(3), Art. 13(2)(c), Art. 21; Article 29 Working Party, Guidelines on transparency (WP260 rev.01), \"Changes to Article 13 and Article 14 information\"");
    PURPOSE_REWORDED = ("C107", "purpose-reworded", Purposes, Editorial, WORDS_ONLY, WP260);
    BASIS_CONSENT_ADDED = ("C111", "basis-consent-added", LawfulBasis, Reconsent,
        "Consent is now a lawful basis: the processing needs a consent that has not been asked for yet.",
        "UK GDPR Art. 6(1)(a), Art. 7(1)");
    BASIS_CHANGED = ("C112", "basis-changed", LawfulBasis, Notify,
        "The lawful basis changed. The basis decides which rights people have (erasure, portability, objection), so they must be told; the ICO expects a basis to be settled before processing starts and not swapped later without good reason.",
        "UK GDPR Art. 13(1)(c); ICO, Guide to the UK GDPR, \"Lawful basis for processing\"");
    INTERESTS_CHANGED = ("C113", "interests-changed", LegitimateInterests, Notify,
        "The legitimate interests relied on changed: people weigh their right to object against them.",
        "UK GDPR Art. 13(1)(d), Art. 21(1)");
    DATA_ADDED_CONSENT = ("C121", "data-added-consent", DataCategories, Reconsent,
        "A new category of data, used for a purpose that relies on consent: the consent already given did not cover it.",
        SPECIFIC);
    DATA_ADDED = ("C122", "data-added", DataCategories, Notify,
        "A new category of data is collected or used. Special category data (Art. 9) and criminal offence data (Art. 10) need a condition as well as a lawful basis.",
        "UK GDPR Art. 14(1)(d), Art. 9, Art. 10; Article 29 Working Party, Guidelines on transparency (WP260 rev.01), \"Changes to Article 13 and Article 14 information\"");
    DATA_SENSITIVE = ("C123", "data-sensitive", DataCategories, Notify,
        "A category is now special category or criminal offence data, or the condition relied on for it changed.",
        "UK GDPR Art. 9(2), Art. 10; Data Protection Act 2018, Schedule 1");
    DATA_REMOVED = ("C124", "data-removed", DataCategories, Editorial, NARROWER, WP260);
    DATA_REWORDED = ("C125", "data-reworded", DataCategories, Editorial, WORDS_ONLY, WP260);
    SOURCE_ADDED = ("C131", "source-added", Sources, Notify,
        "Data now comes from a new source, which people must be told about.",
        "UK GDPR Art. 14(2)(f)");
    SOURCE_CHANGED = ("C132", "source-changed", Sources, Notify,
        "Who provides the data, or how it is collected, changed.",
        "UK GDPR Art. 14(2)(f)");
    SOURCE_REMOVED = ("C133", "source-removed", Sources, Editorial, NARROWER, WP260);
    SOURCE_REWORDED = ("C134", "source-reworded", Sources, Editorial, WORDS_ONLY, WP260);
    RECIPIENT_ADDED_CONSENT = ("C141", "recipient-added-consent", Recipients, Reconsent,
        "A new recipient for a purpose that relies on consent: the consent already given did not cover sharing with it.",
        SPECIFIC);
    RECIPIENT_ADDED = ("C142", "recipient-added", Recipients, Notify,
        "A new recipient. An enlargement of the recipients is a fundamental change, to be told well in advance.",
        "UK GDPR Art. 13(1)(e); Article 29 Working Party, Guidelines on transparency (WP260 rev.01), \"Changes to Article 13 and Article 14 information\"");
    RECIPIENT_CHANGED = ("C143", "recipient-changed", Recipients, Notify,
        "A recipient changed: what kind of organisation it is, which organisation, whether it is a processor, or the data it receives.",
        "UK GDPR Art. 13(1)(e)");
    RECIPIENT_REMOVED = ("C144", "recipient-removed", Recipients, Editorial, NARROWER, WP260);
    RECIPIENT_REWORDED = ("C145", "recipient-reworded", Recipients, Editorial, WORDS_ONLY, WP260);
    TRANSFER_ADDED_CONSENT = ("C151", "transfer-added-consent", Transfers, Reconsent,
        "A transfer abroad, new or existing, that now relies on the person's explicit consent: it must be asked for, after telling them the risks.",
        "UK GDPR Art. 49(1)(a)");
    TRANSFER_ADDED = ("C152", "transfer-added", Transfers, Notify,
        "A new transfer to a third country, or storage abroad. The introduction of transfers is a fundamental change, to be told well in advance.",
        "UK GDPR Art. 13(1)(f); Article 29 Working Party, Guidelines on transparency (WP260 rev.01), \"Changes to Article 13 and Article 14 information\"");
    TRANSFER_SAFEGUARD_CHANGED = ("C153", "transfer-safeguard-changed", Transfers, Notify,
        "The safeguard a transfer relies on changed, or a transfer goes to more places.",
        "UK GDPR Art. 13(1)(f), Art. 45, Art. 46");
    TRANSFER_REMOVED = ("C154", "transfer-removed", Transfers, Editorial, NARROWER, WP260);
    TRANSFER_REWORDED = ("C155", "transfer-reworded", Transfers, Editorial, WORDS_ONLY, WP260);
    RETENTION_LONGER = ("C161", "retention-longer", Retention, Notify,
        "Data is kept longer than before: people must be told before the longer period applies.",
        "UK GDPR Art. 13(2)(a), Art. 5(1)(e)");
    RETENTION_SHORTER = ("C162", "retention-shorter", Retention, Editorial,
        "Data is kept for less time than before: less is done with the data, and nothing new needs to be told before it applies.",
        "UK GDPR Art. 5(1)(e)");
    RETENTION_CHANGED = ("C163", "retention-changed", Retention, Notify,
        "How long data is kept changed in a way that cannot be ordered (a new event it runs from, new criteria, a retention added or removed): read it as possibly longer.",
        "UK GDPR Art. 13(2)(a)");
    RETENTION_REWORDED = ("C164", "retention-reworded", Retention, Editorial, WORDS_ONLY, WP260);
    CONTROLLER_CHANGED = ("C171", "controller-changed", Controller, Notify,
        "The controller changed: a change to the identity of the controller is always to be told.",
        WP260);
    PARTY_CHANGED = ("C172", "party-changed", Controller, Notify,
        "The organisations the notice names as involved, or their roles, changed.",
        "UK GDPR Art. 13(1)(a) and (e)");
    CONTACT_CHANGED = ("C173", "contact-changed", Contact, Notify,
        "How people reach the controller or the data protection officer changed: a change in how people can exercise their rights is always to be told.",
        "UK GDPR Art. 13(1)(a) and (b); Article 29 Working Party, Guidelines on transparency (WP260 rev.01), \"Changes to Article 13 and Article 14 information\"");
    CONTACT_REWORDED = ("C174", "contact-reworded", Contact, Editorial,
        "A contact is written differently (a name, spacing in a number, letter case in an address) but reaches the same place.",
        WP260);
    SUBJECTS_ADDED = ("C181", "subjects-added", DataSubjects, Notify,
        "The notice now covers more kinds of people.",
        "UK GDPR Art. 13(1), Art. 14(1)");
    SUBJECTS_REMOVED = ("C182", "subjects-removed", DataSubjects, Editorial, NARROWER, WP260);
    RIGHT_CHANGED = ("C191", "right-changed", Rights, Notify,
        "A right was added or removed, or how to use it changed: a change in how people can exercise their rights is always to be told.",
        "UK GDPR Art. 13(2)(b)-(d); Article 29 Working Party, Guidelines on transparency (WP260 rev.01), \"Changes to Article 13 and Article 14 information\"");
    RIGHT_REWORDED = ("C192", "right-reworded", Rights, Editorial, WORDS_ONLY, WP260);
    REQUIREMENT_CHANGED = ("C201", "requirement-changed", Requirement, Notify,
        "Whether people must provide data, or what happens if they do not, changed.",
        "UK GDPR Art. 13(2)(e)");
    REQUIREMENT_REWORDED = ("C202", "requirement-reworded", Requirement, Editorial, WORDS_ONLY, WP260);
    DECISION_ADDED = ("C211", "decision-added", AutomatedDecisions, Notify,
        "A new automated decision or profiling: people must be told of it, its logic and its consequences before it applies.",
        "UK GDPR Art. 13(2)(f), Art. 22");
    DECISION_CHANGED = ("C212", "decision-changed", AutomatedDecisions, Notify,
        "An automated decision changed: whether it profiles, its logic, its significance, its consequences or the human involvement.",
        "UK GDPR Art. 13(2)(f), Art. 22");
    DECISION_REMOVED = ("C213", "decision-removed", AutomatedDecisions, Editorial, NARROWER, WP260);
    DECISION_REWORDED = ("C214", "decision-reworded", AutomatedDecisions, Editorial, WORDS_ONLY, WP260);
    FORM_CONSENT_ADDED = ("C221", "form-consent-added", ConsentForm, Reconsent,
        "A new consent choice on the form, or a choice now covers another purpose: forms already signed record no answer to it.",
        "UK GDPR Art. 7(1) (the controller must be able to show consent was given)");
    FORM_CONSENT_REMOVED = ("C222", "form-consent-removed", ConsentForm, Notify,
        "A consent choice is no longer on the form: people who ticked it should be told what now happens to the data it covered.",
        "UK GDPR Art. 7(3); Article 29 Working Party, Guidelines on transparency (WP260 rev.01), \"Changes to Article 13 and Article 14 information\"");
    FORM_REWORDED = ("C223", "form-reworded", ConsentForm, Editorial,
        "The form's words changed (a choice reworded for the same purpose, the instructions, the signature blocks): rewording is not a reason to ask for consent again.",
        WP260);
    CONFIDENTIALITY_WIDENED = ("C231", "confidentiality-widened", Recipients, Notify,
        "The notice now names more cases in which what people say may be shared without their consent.",
        "UK GDPR Art. 13(1)(e)");
    SHARING_BASIS_CHANGED = ("C232", "sharing-basis-changed", LawfulBasis, Notify,
        "The lawful basis the notice gives for sharing changed.",
        "UK GDPR Art. 13(1)(c) and (e)");
    REWORDED = ("C901", "reworded", Wording, Editorial, WORDS_ONLY, WP260);
}

/// The kind with this code (`C101`) or name (`purpose-added-consent`).
pub fn find(code_or_name: &str) -> Option<&'static Kind> {
    ALL.iter()
        .find(|k| k.code.eq_ignore_ascii_case(code_or_name) || k.name == code_or_name)
}

/// The explanation `noticec explain` prints for a kind.
pub fn explain(kind: &Kind) -> String {
    format!(
        "{code} {name}: a change to the {item}, class `{impact}`\n\n{why}\n\nRests on: {rests}\n",
        code = kind.code,
        name = kind.name,
        item = kind.item.label(),
        impact = kind.impact.as_str(),
        why = kind.why,
        rests = kind.rests_on,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_names_are_unique_and_found() {
        for (i, k) in ALL.iter().enumerate() {
            assert!(
                ALL.iter()
                    .skip(i + 1)
                    .all(|o| o.code != k.code && o.name != k.name)
            );
            assert_eq!(find(k.code), Some(k));
            assert_eq!(find(k.name), Some(k));
        }
    }
}

//! Valid notice files from arbitrary bytes, for the fuzz targets and property tests (feature
//! `arbitrary`). The model's `Arbitrary` derive gives any shape; [`make_valid`] then repairs what a
//! schema cannot express (unique ids, references that resolve, a controller and a purpose) so the
//! result passes `check` and exercises `build`.

use std::collections::BTreeSet;

use arbitrary::{Arbitrary, Result, Unstructured};
use serde_json::Value;

use crate::model::*;

/// The longest text a generated field keeps, so inputs stay small.
const MAX_TEXT: usize = 300;

/// An arbitrary notices file, repaired to be valid.
pub fn valid_file(u: &mut Unstructured<'_>) -> Result<NoticeFile> {
    let mut file = NoticeFile::arbitrary(u)?;
    make_valid(&mut file);
    Ok(file)
}

/// The file as YAML text (JSON is YAML: one flow-style document).
pub fn to_yaml(file: &NoticeFile) -> String {
    serde_json::to_string_pretty(file).unwrap_or_default()
}

/// Repairs a file so that `check` finds no error in it.
pub fn make_valid(file: &mut NoticeFile) {
    sanitize_text(file);
    dedup(&mut file.organisations, |o| o.id.0.clone());
    if file.organisations.is_empty() {
        file.organisations.push(Organisation {
            id: Id("controller".into()),
            name: "Controller".into(),
            kind: None,
            description: None,
            ico_registration: None,
            address: None,
            email: None,
            phone: None,
            website: None,
            part_of: None,
        });
    }
    let orgs: BTreeSet<String> = file.organisations.iter().map(|o| o.id.0.clone()).collect();
    let first_org = Id(file.organisations[0].id.0.clone());
    for o in &mut file.organisations {
        keep_if(&mut o.part_of, &orgs);
    }
    dedup(&mut file.contacts, |c| c.id.0.clone());
    for c in &mut file.contacts {
        if !orgs.contains(&c.organisation.0) {
            c.organisation = first_org.clone();
        }
    }
    let contacts: BTreeSet<String> = file.contacts.iter().map(|c| c.id.0.clone()).collect();
    dedup(&mut file.notices, |n| n.id.0.clone());
    if file.notices.is_empty()
        && let Ok(n) = serde_json::from_value::<Notice>(serde_json::json!({
            "id": "notice", "title": "Notice", "version": "1", "kind": "main"
        }))
    {
        file.notices.push(n);
    }
    let notices: BTreeSet<String> = file.notices.iter().map(|n| n.id.0.clone()).collect();
    for n in &mut file.notices {
        repair_notice(n, &orgs, &first_org, &contacts, &notices);
    }
}

fn repair_notice(
    n: &mut Notice,
    orgs: &BTreeSet<String>,
    first_org: &Id,
    contacts: &BTreeSet<String>,
    notices: &BTreeSet<String>,
) {
    dedup(&mut n.purposes, |p| p.id.0.clone());
    dedup(&mut n.data_categories, |c| c.id.0.clone());
    dedup(&mut n.sources, |s| s.id.0.clone());
    dedup(&mut n.recipients, |r| r.id.0.clone());
    dedup(&mut n.systems, |s| s.id.0.clone());
    dedup(&mut n.automated_decisions, |a| a.id.0.clone());
    let purposes = ids(n.purposes.iter().map(|p| &p.id));
    let categories = ids(n.data_categories.iter().map(|c| &c.id));
    let sources = ids(n.sources.iter().map(|s| &s.id));
    let recipients = ids(n.recipients.iter().map(|r| &r.id));
    let systems = ids(n.systems.iter().map(|s| &s.id));
    let own = n.id.0.clone();

    keep_if(&mut n.data_protection_contact, contacts);
    keep_if(&mut n.feedback_contact, contacts);
    n.related.retain(|r| {
        r.notice
            .as_ref()
            .is_none_or(|id| notices.contains(&id.0) && id.0 != own)
    });
    for r in &mut n.related {
        keep_if(&mut r.organisation, orgs);
    }
    for p in &mut n.parties {
        if !orgs.contains(&p.organisation.0) {
            p.organisation = first_org.clone();
        }
        keep_if(&mut p.acting_for, orgs);
    }
    if !n.parties.iter().any(|p| {
        matches!(
            p.role,
            PartyRole::Controller | PartyRole::JointController | PartyRole::AccountableBody
        )
    }) {
        n.parties.push(Party {
            organisation: first_org.clone(),
            role: PartyRole::Controller,
            acting_for: None,
            description: None,
        });
    }
    for p in &mut n.purposes {
        p.categories.retain(|c| categories.contains(&c.0));
        p.recipients.retain(|r| recipients.contains(&r.0));
        if let Some(c) = &mut p.consent {
            repair_how(&mut c.withdraw, contacts);
        }
        repair_how(&mut p.opt_out, contacts);
    }
    if n.purposes.is_empty() {
        n.purposes.push(Purpose {
            id: Id("purpose".into()),
            name: "Providing the service".into(),
            kinds: Vec::new(),
            description: None,
            examples: Vec::new(),
            lawful_bases: vec![LawfulBasis::Contract],
            legitimate_interests: Vec::new(),
            categories: Vec::new(),
            recipients: Vec::new(),
            consent: None,
            opt_out: None,
        });
    }
    let purposes_now = ids(n.purposes.iter().map(|p| &p.id));
    for c in &mut n.data_categories {
        c.sources.retain(|s| sources.contains(&s.0));
    }
    for r in &mut n.recipients {
        keep_if(&mut r.organisation, orgs);
        r.categories.retain(|c| categories.contains(&c.0));
    }
    for t in &mut n.transfers {
        t.systems.retain(|s| systems.contains(&s.0));
    }
    for r in &mut n.retention {
        r.categories.retain(|c| categories.contains(&c.0));
        r.purposes.retain(|p| purposes.contains(&p.0));
    }
    for r in &mut n.rights {
        repair_how(&mut r.how, contacts);
        keep_if(&mut r.authority, orgs);
    }
    for q in &mut n.requirements {
        q.categories.retain(|c| categories.contains(&c.0));
        q.purposes.retain(|p| purposes.contains(&p.0));
    }
    if let Some(form) = &mut n.form {
        dedup(&mut form.statements, |s| s.id.0.clone());
        for s in &mut form.statements {
            keep_if(&mut s.purpose, &purposes_now);
        }
        repair_how(&mut form.withdrawal, contacts);
        if form.signature_blocks.is_empty() {
            form.signature_blocks.push(SignatureBlock {
                signer: Signer::DataSubject,
                heading: None,
                declaration: None,
                extra_fields: Vec::new(),
            });
        }
    }
    n.allow.clear();
}

fn repair_how(how: &mut Option<HowTo>, contacts: &BTreeSet<String>) {
    if let Some(h) = how {
        keep_if(&mut h.contact, contacts);
    }
}

fn ids<'a>(list: impl Iterator<Item = &'a Id>) -> BTreeSet<String> {
    list.map(|i| i.0.clone()).collect()
}

fn keep_if(id: &mut Option<Id>, known: &BTreeSet<String>) {
    if id.as_ref().is_some_and(|i| !known.contains(&i.0)) {
        *id = None;
    }
}

fn dedup<T>(list: &mut Vec<T>, key: impl Fn(&T) -> String) {
    let mut seen = BTreeSet::new();
    list.retain(|item| seen.insert(key(item)));
}

/// Keeps every text field within [`MAX_TEXT`] characters and free of the characters `check` refuses.
fn sanitize_text(file: &mut NoticeFile) {
    fn walk(v: &mut Value) {
        match v {
            Value::String(s) => {
                let clean: String = s
                    .chars()
                    .filter(|c| crate::validate::unsafe_char(*c).is_none())
                    .take(MAX_TEXT)
                    .collect();
                *s = clean;
            }
            Value::Array(a) => a.iter_mut().for_each(walk),
            Value::Object(o) => o.values_mut().for_each(walk),
            _ => {}
        }
    }
    let Ok(mut value) = serde_json::to_value(&*file) else {
        return;
    };
    walk(&mut value);
    if let Ok(clean) = serde_json::from_value(value) {
        *file = clean;
    }
}

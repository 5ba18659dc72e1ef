//! Valid notice files from arbitrary bytes, for the fuzz targets and property tests (feature
//! `arbitrary`). The model's `Arbitrary` derive gives any shape; [`make_valid`] then repairs what a
//! schema cannot express (unique ids, references that resolve, a controller and a purpose) so the
//! result passes `check` and exercises `build`.

use std::collections::BTreeSet;

use arbitrary::{Arbitrary, Result, Unstructured};
use serde_json::Value;

use crate::graph::{self, Graph, Slot};
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

/// Repairs a file so that `check` finds no error in it: repeated ids and references that do not
/// resolve are found by the graph's walk ([`graph::declarations`], [`graph::references`]) and removed,
/// then what every notice needs (an organisation, a controller, a purpose, a signature block) is added.
pub fn make_valid(file: &mut NoticeFile) {
    sanitize_text(file);
    if file.organisations.is_empty() {
        file.organisations.push(Organisation {
            id: Id::new("controller").unwrap_or_else(|| unreachable!("`controller` is an id")),
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
    if file.notices.is_empty()
        && let Ok(n) = serde_json::from_value::<Notice>(serde_json::json!({
            "id": "notice", "title": "Notice", "version": "1", "kind": "main"
        }))
    {
        file.notices.push(n);
    }
    edit_tree(file, |file, tree| {
        // Later repeats of an id are dropped, last first so earlier indices stay put.
        for d in graph::declarations(file).iter().rev() {
            let mut seen = BTreeSet::new();
            let repeats: Vec<usize> = d
                .ids
                .iter()
                .enumerate()
                .filter(|&(_, id)| !seen.insert(*id))
                .map(|(i, _)| i)
                .collect();
            for i in repeats.into_iter().rev() {
                remove(tree, &format!("{}/{i}", d.list));
            }
        }
    });
    edit_tree(file, |file, tree| {
        let declarations = graph::declarations(file);
        let known = graph::Known::new(&declarations);
        let first_org = file.organisations.first().map(|o| o.id.to_string());
        // Removals within one list go last first, so earlier indices stay put.
        let mut broken: Vec<_> = graph::references(file)
            .into_iter()
            .filter(|r| known.resolve(file, r).is_err())
            .collect();
        broken.sort_by(|a, b| pointer_key(&b.pointer).cmp(&pointer_key(&a.pointer)));
        for r in broken {
            match r.slot {
                Slot::Required => {
                    if let (Some(v), Some(org)) = (tree.pointer_mut(&r.pointer), &first_org) {
                        *v = Value::String(org.clone());
                    }
                }
                Slot::Optional | Slot::Item => remove(tree, &r.pointer),
            }
        }
    });
    let Some(first_org) = file.organisations.first().map(|o| o.id.clone()) else {
        return;
    };
    for n in &mut file.notices {
        complete_notice(n, &first_org);
    }
}

/// Serialises the file, lets `edit` change the tree, and reads the file back.
fn edit_tree(file: &mut NoticeFile, edit: impl FnOnce(&NoticeFile, &mut Value)) {
    let Ok(mut tree) = serde_json::to_value(&*file) else {
        return;
    };
    edit(file, &mut tree);
    if let Ok(edited) = serde_json::from_value(tree) {
        *file = edited;
    }
}

/// Orders JSON pointers so list indices compare as numbers.
fn pointer_key(pointer: &str) -> Vec<(u64, &str)> {
    pointer
        .split('/')
        .map(|seg| (seg.parse().unwrap_or(u64::MAX), seg))
        .collect()
}

/// Removes the node at `pointer`: an item from its list, or a field from its mapping.
fn remove(tree: &mut Value, pointer: &str) {
    let Some((parent, last)) = pointer.rsplit_once('/') else {
        return;
    };
    match tree.pointer_mut(parent) {
        Some(Value::Array(items)) => {
            if let Ok(i) = last.parse::<usize>()
                && i < items.len()
            {
                items.remove(i);
            }
        }
        Some(Value::Object(fields)) => {
            fields.remove(last);
        }
        _ => {}
    }
}

/// Adds what a valid notice needs and an arbitrary one may lack.
fn complete_notice(n: &mut Notice, first_org: &Id) {
    if Graph::controllers(n).next().is_none() {
        n.parties.push(Party {
            organisation: first_org.clone(),
            legal_role: Some(PartyRole::Controller),
            described_as: None,
            we: true,
            acting_for: None,
            description: None,
        });
    }
    if n.purposes.is_empty() {
        n.purposes.push(Purpose {
            id: Id::new("purpose").unwrap_or_else(|| unreachable!("`purpose` is an id")),
            name: "Providing the service".into(),
            kinds: Vec::new(),
            description: None,
            examples: Vec::new(),
            qualifiers: Vec::new(),
            lawful_bases: vec![LawfulBasis::Contract],
            basis_qualifiers: Vec::new(),
            law: None,
            legitimate_interests: Vec::new(),
            categories: Vec::new(),
            recipients: Vec::new(),
            consent: None,
            opt_out: None,
        });
    }
    if let Some(form) = &mut n.form
        && form.signature_blocks.is_empty()
    {
        form.signature_blocks.push(SignatureBlock {
            signer: Signer::DataSubject,
            heading: None,
            declaration: None,
            extra_fields: Vec::new(),
        });
    }
    n.allow.clear();
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

//! The reference graph of a notices file: every id a file declares, every reference between its parts,
//! and the domain rules that follow them.
//!
//! Stage: between `validate` and everything after it. [`declarations`] and [`references`] are the one
//! walk over the model's ids; `validate` reports duplicates and dangling references from them, the
//! property-test repair code removes them, and [`Graph`] resolves them once so `lint`, `render` and the
//! content hash ask named questions ([`Graph::controllers`], [`Graph::read_alongside`],
//! [`Graph::closure`]) instead of searching lists by hand. A new field that refers to something is added
//! to the walk here and nowhere else.

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::model::{
    Contact, HowTo, Id, Notice, NoticeFile, NoticeId, Organisation, Party, PartyRole, Relation,
    Right,
};

/// The kinds of thing that have ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// An organisation, declared once for the file.
    Organisation,
    /// A contact point, declared once for the file.
    Contact,
    /// A notice in the file.
    Notice,
    /// A purpose of one notice.
    Purpose,
    /// A data category of one notice.
    Category,
    /// A source of data of one notice.
    Source,
    /// A recipient of one notice.
    Recipient,
    /// A system of one notice.
    System,
    /// An automated decision of one notice (declared, never referred to).
    Decision,
    /// A consent statement on a notice's form (declared, never referred to).
    Statement,
}

impl Kind {
    /// The noun diagnostics use for it.
    pub fn noun(self) -> &'static str {
        match self {
            Kind::Organisation => "organisation",
            Kind::Contact => "contact",
            Kind::Notice => "notice",
            Kind::Purpose => "purpose",
            Kind::Category => "data category",
            Kind::Source => "source",
            Kind::Recipient => "recipient",
            Kind::System => "system",
            Kind::Decision => "automated decision",
            Kind::Statement => "consent statement",
        }
    }

    /// Whether ids of this kind are declared once for the whole file (rather than per notice).
    pub fn file_wide(self) -> bool {
        matches!(self, Kind::Organisation | Kind::Contact | Kind::Notice)
    }
}

/// Where something in the file sits: the file itself, or the notice at this index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Scope {
    /// The file's shared lists (organisations, contacts, notices).
    File,
    /// Inside the notice at this index.
    Notice(usize),
}

/// One list of ids, in the order written.
#[derive(Debug, Clone)]
pub struct Declaration<'a> {
    /// What the list holds.
    pub kind: Kind,
    /// Where its ids are visible: file-wide kinds are [`Scope::File`].
    pub scope: Scope,
    /// The JSON pointer of the list (`/notices/0/purposes`); item `i`'s id is at `{list}/{i}/id`.
    pub list: String,
    /// The ids, in order.
    pub ids: Vec<&'a str>,
}

/// How a reference sits in its parent, which says how it can be removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    /// A field that must be present (`organisation:` of a party or contact).
    Required,
    /// A field that may be left out.
    Optional,
    /// An item in a list of ids.
    Item,
}

/// One reference from one part of the file to an id.
#[derive(Debug, Clone)]
pub struct Reference<'a> {
    /// What it must name.
    pub kind: Kind,
    /// The JSON pointer of the reference itself (`/notices/0/purposes/2/categories/1`).
    pub pointer: String,
    /// The id it names.
    pub id: &'a str,
    /// Where the reference is written; notice-scoped kinds resolve within that notice.
    pub from: Scope,
    /// How it sits in its parent.
    pub slot: Slot,
}

/// Why a reference does not resolve.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unresolved {
    /// Nothing of its kind has the id.
    Missing,
    /// A notice names itself as a related notice.
    SelfReference,
}

/// Every list of ids in the file: the file's organisations, contacts and notices, then each notice's
/// purposes, categories, sources, recipients, systems, automated decisions and consent statements.
pub fn declarations(file: &NoticeFile) -> Vec<Declaration<'_>> {
    let mut out = shared_declarations(file);
    for (n, notice) in file.notices.iter().enumerate() {
        notice_declarations(n, notice, &mut out);
    }
    out
}

/// [`declarations`] of the file's shared lists (organisations, contacts and the notices' ids) and of
/// the notice at place `at` only: what the ids and references of that one notice are checked
/// against.
pub fn declarations_of(file: &NoticeFile, at: usize) -> Vec<Declaration<'_>> {
    let mut out = shared_declarations(file);
    if let Some(notice) = file.notices.get(at) {
        notice_declarations(at, notice, &mut out);
    }
    out
}

/// One list of ids.
fn list<'a, T: 'a>(
    kind: Kind,
    scope: Scope,
    list: String,
    items: &'a [T],
    id: impl Fn(&'a T) -> &'a str,
) -> Declaration<'a> {
    Declaration {
        kind,
        scope,
        list,
        ids: items.iter().map(id).collect(),
    }
}

/// The file's own lists of ids: organisations, contacts and notices.
fn shared_declarations(file: &NoticeFile) -> Vec<Declaration<'_>> {
    vec![
        list(
            Kind::Organisation,
            Scope::File,
            "/organisations".into(),
            &file.organisations,
            |o| o.id.as_str(),
        ),
        list(
            Kind::Contact,
            Scope::File,
            "/contacts".into(),
            &file.contacts,
            |c| c.id.as_str(),
        ),
        list(
            Kind::Notice,
            Scope::File,
            "/notices".into(),
            &file.notices,
            |n| n.id.as_str(),
        ),
    ]
}

/// The lists of ids of the notice at place `n`, added to `out`.
fn notice_declarations<'a>(n: usize, notice: &'a Notice, out: &mut Vec<Declaration<'a>>) {
    let at = format!("/notices/{n}");
    let scope = Scope::Notice(n);
    out.push(list(
        Kind::Purpose,
        scope,
        format!("{at}/purposes"),
        &notice.purposes,
        |p| p.id.as_str(),
    ));
    out.push(list(
        Kind::Category,
        scope,
        format!("{at}/data_categories"),
        &notice.data_categories,
        |c| c.id.as_str(),
    ));
    out.push(list(
        Kind::Source,
        scope,
        format!("{at}/sources"),
        &notice.sources,
        |s| s.id.as_str(),
    ));
    out.push(list(
        Kind::Recipient,
        scope,
        format!("{at}/recipients"),
        &notice.recipients,
        |r| r.id.as_str(),
    ));
    out.push(list(
        Kind::System,
        scope,
        format!("{at}/systems"),
        &notice.systems,
        |s| s.id.as_str(),
    ));
    out.push(list(
        Kind::Decision,
        scope,
        format!("{at}/automated_decisions"),
        &notice.automated_decisions,
        |a| a.id.as_str(),
    ));
    if let Some(form) = &notice.form {
        out.push(list(
            Kind::Statement,
            scope,
            format!("{at}/form/statements"),
            &form.statements,
            |s| s.id.as_str(),
        ));
    }
}

/// Collects references while walking the model.
struct Walk<'a> {
    out: Vec<Reference<'a>>,
    from: Scope,
}

impl<'a> Walk<'a> {
    fn one(&mut self, kind: Kind, pointer: String, id: &'a str, slot: Slot) {
        self.out.push(Reference {
            kind,
            pointer,
            id,
            from: self.from,
            slot,
        });
    }

    fn opt<I: AsRef<str>>(&mut self, kind: Kind, pointer: String, id: Option<&'a I>) {
        if let Some(id) = id {
            self.one(kind, pointer, id.as_ref(), Slot::Optional);
        }
    }

    fn list(&mut self, kind: Kind, pointer: &str, ids: &'a [Id]) {
        for (i, id) in ids.iter().enumerate() {
            self.one(kind, format!("{pointer}/{i}"), id.as_str(), Slot::Item);
        }
    }

    fn how(&mut self, pointer: &str, how: Option<&'a HowTo>) {
        if let Some(h) = how {
            self.opt(
                Kind::Contact,
                format!("{pointer}/contact"),
                h.contact.as_ref(),
            );
        }
    }

    /// The references that say who is involved and where to read more: the notice's contacts, related
    /// notices and parties.
    fn who(&mut self, at: &str, notice: &'a Notice) {
        self.opt(
            Kind::Contact,
            format!("{at}/data_protection_contact"),
            notice.data_protection_contact.as_ref(),
        );
        self.opt(
            Kind::Contact,
            format!("{at}/feedback_contact"),
            notice.feedback_contact.as_ref(),
        );
        for (i, r) in notice.related.iter().enumerate() {
            self.opt(
                Kind::Notice,
                format!("{at}/related/{i}/notice"),
                r.notice.as_ref(),
            );
            self.opt(
                Kind::Organisation,
                format!("{at}/related/{i}/organisation"),
                r.organisation.as_ref(),
            );
        }
        for (i, party) in notice.parties.iter().enumerate() {
            self.one(
                Kind::Organisation,
                format!("{at}/parties/{i}/organisation"),
                party.organisation.as_str(),
                Slot::Required,
            );
            self.opt(
                Kind::Organisation,
                format!("{at}/parties/{i}/acting_for"),
                party.acting_for.as_ref(),
            );
        }
    }

    /// The references inside one notice, in document order.
    fn notice(&mut self, at: &str, notice: &'a Notice) {
        self.who(at, notice);
        for (i, p) in notice.purposes.iter().enumerate() {
            let pp = format!("{at}/purposes/{i}");
            self.list(Kind::Category, &format!("{pp}/categories"), &p.categories);
            self.list(Kind::Recipient, &format!("{pp}/recipients"), &p.recipients);
            if let Some(c) = &p.consent {
                self.how(&format!("{pp}/consent/withdraw"), c.withdraw.as_ref());
            }
            self.how(&format!("{pp}/opt_out"), p.opt_out.as_ref());
        }
        for (i, b) in notice.lawful_bases.iter().enumerate() {
            if let Some(c) = &b.consent {
                self.how(
                    &format!("{at}/lawful_bases/{i}/consent/withdraw"),
                    c.withdraw.as_ref(),
                );
            }
        }
        for (i, c) in notice.data_categories.iter().enumerate() {
            self.list(
                Kind::Source,
                &format!("{at}/data_categories/{i}/sources"),
                &c.sources,
            );
        }
        for (i, r) in notice.recipients.iter().enumerate() {
            self.opt(
                Kind::Organisation,
                format!("{at}/recipients/{i}/organisation"),
                r.organisation.as_ref(),
            );
            self.list(
                Kind::Category,
                &format!("{at}/recipients/{i}/categories"),
                &r.categories,
            );
        }
        for (i, t) in notice.transfers.iter().enumerate() {
            self.list(
                Kind::System,
                &format!("{at}/transfers/{i}/systems"),
                &t.systems,
            );
        }
        for (i, r) in notice.retention.iter().enumerate() {
            let rp = format!("{at}/retention/{i}");
            self.list(Kind::Category, &format!("{rp}/categories"), &r.categories);
            self.list(Kind::Purpose, &format!("{rp}/purposes"), &r.purposes);
        }
        for (i, r) in notice.rights.iter().enumerate() {
            self.how(&format!("{at}/rights/{i}/how"), r.how.as_ref());
            self.opt(
                Kind::Organisation,
                format!("{at}/rights/{i}/authority"),
                r.authority.as_ref(),
            );
        }
        for (i, r) in notice.requirements.iter().enumerate() {
            let rp = format!("{at}/requirements/{i}");
            self.list(Kind::Category, &format!("{rp}/categories"), &r.categories);
            self.list(Kind::Purpose, &format!("{rp}/purposes"), &r.purposes);
        }
        if let Some(form) = &notice.form {
            for (i, s) in form.statements.iter().enumerate() {
                self.opt(
                    Kind::Purpose,
                    format!("{at}/form/statements/{i}/purpose"),
                    s.purpose.as_ref(),
                );
            }
            self.how(&format!("{at}/form/withdrawal"), form.withdrawal.as_ref());
        }
    }
}

/// Every reference in the file, in document order: the one walk over every field that names an id.
pub fn references(file: &NoticeFile) -> Vec<Reference<'_>> {
    let mut walk = Walk {
        out: Vec::new(),
        from: Scope::File,
    };
    for (i, o) in file.organisations.iter().enumerate() {
        walk.opt(
            Kind::Organisation,
            format!("/organisations/{i}/part_of"),
            o.part_of.as_ref(),
        );
    }
    for (i, c) in file.contacts.iter().enumerate() {
        walk.one(
            Kind::Organisation,
            format!("/contacts/{i}/organisation"),
            c.organisation.as_str(),
            Slot::Required,
        );
    }
    for (n, notice) in file.notices.iter().enumerate() {
        walk.from = Scope::Notice(n);
        walk.notice(&format!("/notices/{n}"), notice);
    }
    walk.out
}

/// The references written in the notice at place `at` only, in document order.
pub fn references_of(file: &NoticeFile, at: usize) -> Vec<Reference<'_>> {
    let mut walk = Walk {
        out: Vec::new(),
        from: Scope::Notice(at),
    };
    if let Some(notice) = file.notices.get(at) {
        walk.notice(&format!("/notices/{at}"), notice);
    }
    walk.out
}

/// The ids each scope declares, first declaration first, for resolving references.
#[derive(Debug, Default)]
pub struct Known<'a> {
    lists: HashMap<(Kind, Scope), KnownIds<'a>>,
}

/// The ids of one kind in one scope.
#[derive(Debug, Default)]
pub struct KnownIds<'a> {
    /// In order of first declaration, without repeats (for messages and suggestions).
    pub order: Vec<&'a str>,
    set: HashSet<&'a str>,
}

impl<'a> Known<'a> {
    /// Indexes the declarations.
    pub fn new(declarations: &[Declaration<'a>]) -> Self {
        let mut lists: HashMap<(Kind, Scope), KnownIds<'a>> = HashMap::new();
        for d in declarations {
            let known = lists.entry((d.kind, d.scope)).or_default();
            for id in &d.ids {
                if known.set.insert(id) {
                    known.order.push(id);
                }
            }
        }
        Known { lists }
    }

    /// The ids a reference of this kind, written in `from`, may name.
    pub fn visible(&self, kind: Kind, from: Scope) -> Option<&KnownIds<'a>> {
        let scope = if kind.file_wide() { Scope::File } else { from };
        self.lists.get(&(kind, scope))
    }

    /// Whether a reference resolves, and if not, why.
    pub fn resolve(&self, file: &NoticeFile, r: &Reference<'_>) -> Result<(), Unresolved> {
        if r.kind == Kind::Notice
            && let Scope::Notice(n) = r.from
            && file
                .notices
                .get(n)
                .is_some_and(|own| own.id.as_str() == r.id)
        {
            return Err(Unresolved::SelfReference);
        }
        match self.visible(r.kind, r.from) {
            Some(known) if known.set.contains(r.id) => Ok(()),
            _ => Err(Unresolved::Missing),
        }
    }
}

/// Whether a party in this legal role answers for the notice's processing: a controller or a joint
/// controller (UK GDPR Art. 4(7), 26). Only a role the notice states counts; an "accountable
/// organisation" is not a controller unless the notice says so.
pub fn is_controller(role: Option<PartyRole>) -> bool {
    matches!(
        role,
        Some(PartyRole::Controller | PartyRole::JointController)
    )
}

/// Whether a related document of this kind must be read with the notice, so that the notice may leave
/// to it what it does not say itself (a layered notice and its full notice).
pub fn must_read_alongside(relation: Relation) -> bool {
    matches!(
        relation,
        Relation::ReadAlongside | Relation::Summarises | Relation::FullNotice
    )
}

/// A validated notices file with every id resolved: the questions later stages ask of it.
#[derive(Debug)]
pub struct Graph<'a> {
    /// The file.
    pub file: &'a NoticeFile,
    organisations: HashMap<&'a str, &'a Organisation>,
    contacts: HashMap<&'a str, &'a Contact>,
    notices: HashMap<&'a str, &'a Notice>,
}

/// Everything outside a notice that its outputs depend on: the shared organisations and contacts it
/// reaches, directly or through a contact, each once and in id order.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Closure<'a> {
    /// The organisations, by id.
    pub organisations: BTreeMap<&'a str, &'a Organisation>,
    /// The contacts, by id.
    pub contacts: BTreeMap<&'a str, &'a Contact>,
}

impl<'a> Graph<'a> {
    /// Indexes a file that passed validation (a reference that does not resolve is then ignored).
    pub fn new(file: &'a NoticeFile) -> Self {
        // First declaration wins, as in `validate`'s duplicate check.
        fn index<'a, T>(items: &'a [T], id: impl Fn(&'a T) -> &'a str) -> HashMap<&'a str, &'a T> {
            let mut map = HashMap::with_capacity(items.len());
            for item in items {
                map.entry(id(item)).or_insert(item);
            }
            map
        }
        Graph {
            file,
            organisations: index(&file.organisations, |o| o.id.as_str()),
            contacts: index(&file.contacts, |c| c.id.as_str()),
            notices: index(&file.notices, |n| n.id.as_str()),
        }
    }

    /// The organisation with this id.
    pub fn organisation(&self, id: &Id) -> Option<&'a Organisation> {
        self.organisations.get(id.as_str()).copied()
    }

    /// The contact with this id.
    pub fn contact(&self, id: &Id) -> Option<&'a Contact> {
        self.contacts.get(id.as_str()).copied()
    }

    /// The notice with this id.
    pub fn notice(&self, id: &NoticeId) -> Option<&'a Notice> {
        self.notices.get(id.as_str()).copied()
    }

    /// The parties that answer for a notice's processing, with their index in `parties`.
    pub fn controllers(notice: &'a Notice) -> impl Iterator<Item = (usize, &'a Party)> {
        notice
            .parties
            .iter()
            .enumerate()
            .filter(|(_, p)| is_controller(p.legal_role))
    }

    /// The notices in this file that a notice must be read alongside; it may leave to them what it does
    /// not say itself.
    pub fn read_alongside(&self, notice: &'a Notice) -> impl Iterator<Item = &'a Notice> + '_ {
        notice
            .related
            .iter()
            .filter(|r| must_read_alongside(r.relation))
            .filter_map(|r| r.notice.as_ref())
            .filter_map(|id| self.notice(id))
    }

    /// Whether a notice, or one it must be read alongside, tells people about `right`: what it inherits.
    pub fn tells_right(&self, notice: &'a Notice, right: Right) -> bool {
        std::iter::once(notice)
            .chain(self.read_alongside(notice))
            .any(|n| n.rights.iter().any(|r| r.right == right))
    }

    /// The contacts a person can use for `right`: those the notice names for it, or, when it does not
    /// tell people about the right itself, those named in the notices it must be read alongside.
    pub fn contacts_for_right(&self, notice: &'a Notice, right: Right) -> Vec<&'a Contact> {
        let named = |n: &'a Notice| -> Vec<&'a Contact> {
            n.rights
                .iter()
                .filter(|r| r.right == right)
                .filter_map(|r| r.how.as_ref()?.contact.as_ref())
                .filter_map(|id| self.contact(id))
                .collect()
        };
        if notice.rights.iter().any(|r| r.right == right) {
            return named(notice);
        }
        self.read_alongside(notice).flat_map(named).collect()
    }

    /// Everything shared that a notice's outputs depend on: the organisations it names, the contacts it
    /// names and the organisations those contacts belong to. Organisations' `part_of` is not followed:
    /// no output prints it.
    pub fn closure(&self, notice: &'a Notice) -> Closure<'a> {
        let mut closure = Closure::default();
        let mut walk = Walk {
            out: Vec::new(),
            from: Scope::Notice(0),
        };
        walk.notice("", notice);
        for r in &walk.out {
            match r.kind {
                Kind::Organisation => {
                    if let Some(o) = self.organisations.get(r.id) {
                        closure.organisations.insert(r.id, o);
                    }
                }
                Kind::Contact => {
                    if let Some(c) = self.contacts.get(r.id) {
                        closure.contacts.insert(r.id, c);
                        if let Some(o) = self.organisation(&c.organisation) {
                            closure.organisations.insert(o.id.as_str(), o);
                        }
                    }
                }
                _ => {}
            }
        }
        closure
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(yaml: &str) -> NoticeFile {
        serde_json::from_str(yaml).unwrap_or_else(|e| panic!("bad fixture: {e}"))
    }

    const FILE: &str = r#"{
      "organisations": [
        {"id": "acme", "name": "Acme"},
        {"id": "dpo-org", "name": "DPO Services"},
        {"id": "unused", "name": "Unused"}
      ],
      "contacts": [{"id": "dpo", "name": "DPO", "role": "data_protection_officer", "organisation": "dpo-org"}],
      "notices": [
        {"id": "main", "title": "Main", "version": "1", "kind": "main",
         "parties": [{"organisation": "acme", "legal_role": "controller"}],
         "data_protection_contact": "dpo",
         "rights": [{"right": "access", "how": {"contact": "dpo"}}]},
        {"id": "layer", "title": "Layer", "version": "1", "kind": "main",
         "related": [{"relation": "summarises", "title": "Main", "notice": "main"},
                     {"relation": "read_alongside", "title": "Self", "notice": "layer"},
                     {"relation": "additional_notice", "title": "Missing", "notice": "nowhere"}],
         "parties": [{"organisation": "acme", "legal_role": "processor"}]}
      ]
    }"#;

    #[test]
    fn closure_follows_contacts_to_their_organisation() {
        let f = file(FILE);
        let g = Graph::new(&f);
        let c = g.closure(&f.notices[0]);
        assert_eq!(
            c.organisations.keys().copied().collect::<Vec<_>>(),
            ["acme", "dpo-org"]
        );
        assert_eq!(c.contacts.keys().copied().collect::<Vec<_>>(), ["dpo"]);
    }

    #[test]
    fn layered_notice_inherits_rights() {
        let f = file(FILE);
        let g = Graph::new(&f);
        assert!(g.tells_right(&f.notices[1], Right::Access));
        assert!(!g.tells_right(&f.notices[1], Right::Erasure));
        let ids = |cs: Vec<&Contact>| cs.iter().map(|c| c.id.to_string()).collect::<Vec<_>>();
        assert_eq!(
            ids(g.contacts_for_right(&f.notices[1], Right::Access)),
            ["dpo"]
        );
        assert!(
            g.contacts_for_right(&f.notices[1], Right::Erasure)
                .is_empty()
        );
        assert_eq!(Graph::controllers(&f.notices[1]).count(), 0);
        assert_eq!(Graph::controllers(&f.notices[0]).count(), 1);
    }

    #[test]
    fn unresolved_references_are_found_with_their_reason() {
        let f = file(FILE);
        let decl = declarations(&f);
        let known = Known::new(&decl);
        let bad: Vec<(String, Unresolved)> = references(&f)
            .iter()
            .filter_map(|r| known.resolve(&f, r).err().map(|e| (r.pointer.clone(), e)))
            .collect();
        assert_eq!(
            bad,
            [
                (
                    "/notices/1/related/1/notice".to_owned(),
                    Unresolved::SelfReference
                ),
                (
                    "/notices/1/related/2/notice".to_owned(),
                    Unresolved::Missing
                )
            ]
        );
    }
}

//! The semantic diff of two versions of a notices file: per notice and per Art. 13/14 item, each
//! change with its impact class ([`kinds`]).
//!
//! The diff reads the parsed data ([`crate::load::Document::value`]), not the typed model, so that an
//! old version written against an older schema still diffs as far as it can be read. Formatting, key
//! order, quoting and comments never reach the data, so they are no change. Items in lists are matched
//! by id (or by what identifies them: a right by its name, a retention by the data it covers), then
//! by content; a reorder is not a change. Empty lists, `false` and absent fields are the same.

pub mod kinds;
pub mod log;
pub mod render;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use serde::Serialize;
use serde_json::{Map, Value};

pub use kinds::{Impact, Item, Kind};

use crate::model::Duration;

/// One change to one notice.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    /// The kind of change, with its class and reasoning.
    pub kind: &'static Kind,
    /// What changed, such as the purpose `newsletter` and its name.
    pub subject: String,
    /// How it changed (`added, relying on consent`).
    pub detail: String,
    /// Where, as a JSON pointer into the new version (or the old one for something removed).
    pub pointer: String,
    /// Whether `pointer` is in the old version.
    pub in_old: bool,
}

/// What happened to a notice between the versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Only in the new version.
    Added,
    /// Only in the old version.
    Removed,
    /// In both; `changes` says what differs.
    Compared,
}

/// The changes to one notice.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NoticeDiff {
    /// The notice's id.
    pub id: String,
    /// Its title (the new one, or the old one for a removed notice).
    pub title: String,
    /// Added, removed or compared.
    pub status: Status,
    /// The version in the old and the new file, where the notice gives one.
    pub version: (Option<String>, Option<String>),
    /// `last_updated` in the old and the new file.
    pub last_updated: (Option<String>, Option<String>),
    /// The changes, most material first.
    pub changes: Vec<Change>,
}

impl NoticeDiff {
    /// The most material class among the changes, if any.
    pub fn impact(&self) -> Option<Impact> {
        self.changes.iter().map(|c| c.kind.impact).max()
    }
}

/// The semantic diff of two notices files.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Comparison {
    /// Every notice that changed, in the new file's order, then the removed ones.
    pub notices: Vec<NoticeDiff>,
}

impl Comparison {
    /// The most material class among all changes, if any.
    pub fn impact(&self) -> Option<Impact> {
        self.notices.iter().filter_map(NoticeDiff::impact).max()
    }

    /// How many changes there are of each class.
    pub fn counts(&self) -> BTreeMap<Impact, usize> {
        let mut counts = BTreeMap::new();
        for c in self.notices.iter().flat_map(|n| &n.changes) {
            *counts.entry(c.kind.impact).or_insert(0) += 1;
        }
        counts
    }

    /// The diff of one notice, by id.
    pub fn notice(&self, id: &str) -> Option<&NoticeDiff> {
        self.notices.iter().find(|n| n.id == id)
    }
}

/// Compares two notices files, each as parsed data.
pub fn compare(old: &Value, new: &Value) -> Comparison {
    let old_file = File::new(old);
    let new_file = File::new(new);
    let notices = pair(
        old_file.list("notices"),
        new_file.list("notices"),
        key_of("id"),
    )
    .into_iter()
    .map(|p| notice_pair(&old_file, &new_file, p))
    .filter(|d| d.status != Status::Compared || !d.changes.is_empty())
    .collect();
    Comparison { notices }
}

/// Compares one notice, by id, between two notices files: `None` when it is in neither.
pub fn compare_notice(old: &Value, new: &Value, id: &str) -> Option<NoticeDiff> {
    let old_file = File::new(old);
    let new_file = File::new(new);
    fn find<'a>(file: &File<'a>, id: &str) -> Option<Entry<'a>> {
        file.list("notices")
            .into_iter()
            .find(|n| text(n.value, "id").as_deref() == Some(id))
    }
    let p = match (find(&old_file, id), find(&new_file, id)) {
        (Some(o), Some(n)) => Pair::Both(o, n),
        (None, Some(n)) => Pair::Added(n),
        (Some(o), None) => Pair::Removed(o),
        (None, None) => return None,
    };
    Some(notice_pair(&old_file, &new_file, p))
}

/// The diff of one notice matched across two files.
fn notice_pair(old_file: &File<'_>, new_file: &File<'_>, p: Pair<'_>) -> NoticeDiff {
    match p {
        Pair::Added(n) => whole_notice(&n, Status::Added, &kinds::NOTICE_ADDED),
        Pair::Removed(o) => whole_notice(&o, Status::Removed, &kinds::NOTICE_REMOVED),
        Pair::Both(o, n) => {
            let mut diff = whole_notice(&n, Status::Compared, &kinds::NOTICE_ADDED);
            diff.changes.clear();
            diff.version.0 = text(o.value, "version");
            diff.last_updated.0 = text(o.value, "last_updated");
            let mut ctx = Ctx {
                old: old_file,
                new: new_file,
                old_notice: o,
                consent_purposes: consent_purposes(n.value),
                changes: Vec::new(),
                new_notice: n,
            };
            ctx.notice();
            diff.changes = ctx.changes;
            diff.changes.sort_by(|a, b| {
                b.kind
                    .impact
                    .cmp(&a.kind.impact)
                    .then(a.kind.item.cmp(&b.kind.item))
            });
            diff
        }
    }
}

/// A notice added or removed whole.
fn whole_notice(n: &Entry<'_>, status: Status, kind: &'static Kind) -> NoticeDiff {
    let id = text(n.value, "id").unwrap_or_default();
    let title = text(n.value, "title").unwrap_or_default();
    let version = text(n.value, "version");
    let updated = text(n.value, "last_updated");
    let (version, last_updated) = match status {
        Status::Removed => ((version, None), (updated, None)),
        _ => ((None, version), (None, updated)),
    };
    NoticeDiff {
        changes: vec![Change {
            kind,
            subject: format!("notice `{id}` ({title})"),
            detail: match status {
                Status::Removed => "removed".into(),
                _ => "added".into(),
            },
            pointer: n.pointer.clone(),
            in_old: status == Status::Removed,
        }],
        id,
        title,
        status,
        version,
        last_updated,
    }
}

/// A file's shared lists, by id.
struct File<'a> {
    root: &'a Value,
    organisations: BTreeMap<String, Entry<'a>>,
    contacts: BTreeMap<String, Entry<'a>>,
}

impl<'a> File<'a> {
    fn new(root: &'a Value) -> Self {
        let by_id = |list: &str| {
            entries(root.get(list), &format!("/{list}"))
                .into_iter()
                .filter_map(|e| Some((text(e.value, "id")?, e)))
                .collect::<BTreeMap<_, _>>()
        };
        File {
            root,
            organisations: by_id("organisations"),
            contacts: by_id("contacts"),
        }
    }

    fn list(&self, name: &str) -> Vec<Entry<'a>> {
        entries(self.root.get(name), &format!("/{name}"))
    }
}

/// A value with its JSON pointer.
#[derive(Debug, Clone)]
struct Entry<'a> {
    value: &'a Value,
    pointer: String,
}

impl<'a> Entry<'a> {
    fn list(&self, name: &str) -> Vec<Entry<'a>> {
        entries(self.value.get(name), &format!("{}/{name}", self.pointer))
    }

    fn field(&self, name: &str) -> Option<Entry<'a>> {
        let value = self.value.get(name).filter(|v| !is_empty(v))?;
        Some(Entry {
            value,
            pointer: format!("{}/{}", self.pointer, crate::load::escape(name)),
        })
    }
}

fn entries<'a>(list: Option<&'a Value>, pointer: &str) -> Vec<Entry<'a>> {
    list.and_then(Value::as_array)
        .map(|items| {
            items
                .iter()
                .enumerate()
                .map(|(i, value)| Entry {
                    value,
                    pointer: format!("{pointer}/{i}"),
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Two items matched across the versions, or one only in either.
enum Pair<'a> {
    Both(Entry<'a>, Entry<'a>),
    Added(Entry<'a>),
    Removed(Entry<'a>),
}

/// Matches the items of two lists: by key where both have one, then by content; the rest were added
/// or removed. Pairs come in the new list's order, then the removed items in the old list's order.
fn pair<'a>(
    old: Vec<Entry<'a>>,
    new: Vec<Entry<'a>>,
    key: impl Fn(&Value) -> Option<String>,
) -> Vec<Pair<'a>> {
    use std::collections::{HashMap, VecDeque};
    // Each old item's key, or for one without a key its canonical content, computed once: the
    // matching is linear in the number of items.
    let mut by_key: HashMap<String, VecDeque<usize>> = HashMap::new();
    let mut by_content: HashMap<String, VecDeque<usize>> = HashMap::new();
    for (i, o) in old.iter().enumerate() {
        match key(o.value) {
            Some(k) => by_key.entry(k).or_default().push_back(i),
            None => by_content
                .entry(normal(o.value).to_string())
                .or_default()
                .push_back(i),
        }
    }
    let take = |queue: Option<&mut VecDeque<usize>>| queue?.pop_front();
    let found: Vec<Option<usize>> = new
        .iter()
        .map(|n| {
            key(n.value)
                .and_then(|k| take(by_key.get_mut(&k)))
                .or_else(|| take(by_content.get_mut(&normal(n.value).to_string())))
        })
        .collect();
    let mut old: Vec<Option<Entry<'a>>> = old.into_iter().map(Some).collect();
    let mut pairs: Vec<Pair<'a>> = new
        .into_iter()
        .zip(found)
        .map(
            |(n, i)| match i.and_then(|i| old.get_mut(i)).and_then(Option::take) {
                Some(o) => Pair::Both(o, n),
                None => Pair::Added(n),
            },
        )
        .collect();
    pairs.extend(old.into_iter().flatten().map(Pair::Removed));
    pairs
}

/// The key of an item: the text of one field.
fn key_of(field: &'static str) -> impl Fn(&Value) -> Option<String> {
    move |v| v.get(field).map(|k| normal(k).to_string())
}

/// The key of an item that covers data or purposes (a retention, a requirement): the sorted ids.
fn covers_key(v: &Value) -> Option<String> {
    let ids: Vec<String> = ["categories", "purposes"]
        .iter()
        .map(|f| sorted(v.get(*f)).join(","))
        .collect();
    // A retention or requirement for the notice as a whole has the key `|`: there is one of each.
    Some(ids.join("|"))
}

/// The key of a transfer: where it goes.
fn destinations_key(v: &Value) -> Option<String> {
    let places = sorted(v.get("destinations"));
    (!places.is_empty()).then(|| places.join(","))
}

/// The data in a canonical form: absent, `null`, `false` and empty lists or mappings dropped, lists
/// sorted, so that two values are the same exactly when they mean the same.
fn normal(v: &Value) -> Value {
    match v {
        Value::Object(map) => Value::Object(
            map.iter()
                .filter(|(_, v)| !is_empty(v))
                .map(|(k, v)| (k.clone(), normal(v)))
                .collect::<Map<_, _>>(),
        ),
        Value::Array(items) => {
            let mut items: Vec<Value> = items.iter().map(normal).collect();
            items.sort_by_cached_key(Value::to_string);
            Value::Array(items)
        }
        other => other.clone(),
    }
}

fn is_empty(v: &Value) -> bool {
    match v {
        Value::Null | Value::Bool(false) => true,
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.is_empty(),
        Value::String(s) => s.is_empty(),
        _ => false,
    }
}

/// A value as text: a scalar as written (`consent`, `1.2`); a postal address on one line, in the order
/// it is written on an envelope; a list joined with commas; any other mapping as `key: value` pairs.
fn show(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Null => String::new(),
        Value::Array(items) => items.iter().map(show).collect::<Vec<_>>().join(", "),
        Value::Object(map) if map.contains_key("postcode") || map.contains_key("town") => {
            let lines = map.get("lines").map(show).into_iter();
            lines
                .chain(
                    ["town", "county", "postcode"]
                        .iter()
                        .filter_map(|k| map.get(*k).map(show)),
                )
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(", ")
        }
        Value::Object(map) => map
            .iter()
            .filter(|(_, v)| !is_empty(v))
            .map(|(k, v)| format!("{k}: {}", show(v)))
            .collect::<Vec<_>>()
            .join("; "),
    }
}

fn text(v: &Value, field: &str) -> Option<String> {
    v.get(field).filter(|v| !is_empty(v)).map(show)
}

/// The items of a list field as sorted texts.
fn sorted(list: Option<&Value>) -> Vec<String> {
    let mut items: Vec<String> = list
        .and_then(Value::as_array)
        .map(|a| a.iter().filter(|v| !is_empty(v)).map(show).collect())
        .unwrap_or_default();
    items.sort();
    items
}

/// How two versions of one item differ, field by field.
struct Fields<'a> {
    old: &'a Value,
    new: &'a Value,
}

impl Fields<'_> {
    /// The fields whose meaning differs, sorted.
    fn changed(&self) -> BTreeSet<String> {
        let keys = |v: &Value| -> BTreeSet<String> {
            v.as_object()
                .map(|m| {
                    m.iter()
                        .filter(|(_, v)| !is_empty(v))
                        .map(|(k, _)| k.clone())
                        .collect()
                })
                .unwrap_or_default()
        };
        let mut all = keys(self.old);
        all.extend(keys(self.new));
        all.into_iter().filter(|k| self.differs(k)).collect()
    }

    fn differs(&self, field: &str) -> bool {
        let get = |v: &Value| v.get(field).filter(|v| !is_empty(v)).map(normal);
        get(self.old) != get(self.new)
    }

    /// Those of `fields` whose meaning differs.
    fn differing(&self, fields: &[&str]) -> Vec<String> {
        fields
            .iter()
            .filter(|k| self.differs(k))
            .map(|k| (*k).to_owned())
            .collect()
    }

    /// Appends `{phrase} a, b` to `words` for the items of a list field only in the old version.
    fn note_removed(&self, words: &mut Vec<String>, field: &str, phrase: &str) {
        let gone = self.removed(field);
        if !gone.is_empty() {
            words.push(format!("{phrase} {}", ticks(&gone)));
        }
    }

    /// The items of a list field in the new version only.
    fn added(&self, field: &str) -> Vec<String> {
        let old = sorted(self.old.get(field));
        sorted(self.new.get(field))
            .into_iter()
            .filter(|x| !old.contains(x))
            .collect()
    }

    /// The items of a list field in the old version only.
    fn removed(&self, field: &str) -> Vec<String> {
        let new = sorted(self.new.get(field));
        sorted(self.old.get(field))
            .into_iter()
            .filter(|x| !new.contains(x))
            .collect()
    }

    /// The field names in `words`, with `name` spelt out as the old and the new name, for a reviewer.
    fn spell_out_name(&self, words: &mut [String]) {
        for w in words.iter_mut().filter(|w| w.as_str() == "name") {
            *w = format!(
                "name \"{}\" → \"{}\"",
                crate::suggest::short(&self.was("name")),
                crate::suggest::short(&self.is("name"))
            );
        }
    }

    fn was(&self, field: &str) -> String {
        text(self.old, field).unwrap_or_else(|| "none".into())
    }

    fn is(&self, field: &str) -> String {
        text(self.new, field).unwrap_or_else(|| "none".into())
    }
}

/// `a`, `b` and `c`.
fn ticks(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|i| format!("`{i}`")).collect();
    match quoted.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

/// The purposes of a notice that rely on consent: those with consent among their own bases, those with
/// no basis of their own in a notice that states consent for the notice as a whole, and those a
/// consent form asks about.
fn consent_purposes(notice: &Value) -> BTreeSet<String> {
    let notice_wide = notice
        .get("lawful_bases")
        .and_then(Value::as_array)
        .is_some_and(|b| {
            b.iter()
                .any(|s| text(s, "basis").as_deref() == Some("consent"))
        });
    let mut ids: BTreeSet<String> = entries(notice.get("purposes"), "")
        .into_iter()
        .filter(|p| {
            let own = sorted(p.value.get("lawful_bases"));
            own.iter().any(|b| b == "consent") || (own.is_empty() && notice_wide)
        })
        .filter_map(|p| text(p.value, "id"))
        .collect();
    if let Some(form) = notice.get("form") {
        ids.extend(
            entries(form.get("statements"), "")
                .into_iter()
                .filter_map(|s| text(s.value, "purpose")),
        );
    }
    ids
}

/// The ids of the organisations and contacts a notice refers to, followed through contacts to their
/// organisations and through organisations to the ones they are part of.
fn shared_refs(notice: &Value, file: &File<'_>) -> (BTreeSet<String>, BTreeSet<String>) {
    const ORG_FIELDS: &[&str] = &["organisation", "acting_for", "authority"];
    const CONTACT_FIELDS: &[&str] = &["contact", "data_protection_contact", "feedback_contact"];
    fn walk(v: &Value, orgs: &mut BTreeSet<String>, contacts: &mut BTreeSet<String>) {
        match v {
            Value::Object(map) => {
                for (k, v) in map {
                    if let Value::String(id) = v {
                        if ORG_FIELDS.contains(&k.as_str()) {
                            orgs.insert(id.clone());
                        } else if CONTACT_FIELDS.contains(&k.as_str()) {
                            contacts.insert(id.clone());
                        }
                    }
                    walk(v, orgs, contacts);
                }
            }
            Value::Array(items) => items.iter().for_each(|v| walk(v, orgs, contacts)),
            _ => {}
        }
    }
    let (mut orgs, mut contacts) = (BTreeSet::new(), BTreeSet::new());
    walk(notice, &mut orgs, &mut contacts);
    for c in &contacts {
        if let Some(org) = file
            .contacts
            .get(c)
            .and_then(|e| text(e.value, "organisation"))
        {
            orgs.insert(org);
        }
    }
    let mut queue: Vec<String> = orgs.iter().cloned().collect();
    while let Some(org) = queue.pop() {
        if let Some(parent) = file
            .organisations
            .get(&org)
            .and_then(|e| text(e.value, "part_of"))
            && orgs.insert(parent.clone())
        {
            queue.push(parent);
        }
    }
    (orgs, contacts)
}

/// An address, number or link reduced to what reaches the same place: letter case, spaces and
/// punctuation in numbers, and `+44` for a leading 0 do not count.
fn reach(v: &Value) -> String {
    let s = show(v).to_lowercase();
    let digits: String = s.chars().filter(char::is_ascii_digit).collect();
    if !digits.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_digit() || " +-().".contains(c))
    {
        return match digits.strip_prefix("44") {
            Some(rest) if s.trim_start().starts_with('+') => format!("0{rest}"),
            _ => digits,
        };
    }
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The length of a period in days, near enough to order two periods.
fn days(period: &str) -> Option<f64> {
    let d: Duration = period.parse().ok()?;
    Some(
        d.parts()
            .map(|(n, unit)| {
                let n = f64::from(n);
                match unit {
                    crate::model::DurationUnit::Years => n * 365.2425,
                    crate::model::DurationUnit::Months => n * 30.436_875,
                    crate::model::DurationUnit::Weeks => n * 7.0,
                    crate::model::DurationUnit::Days => n,
                }
            })
            .sum(),
    )
}

/// One notice compared: both versions, the files they are in, and the changes found so far.
struct Ctx<'a> {
    old: &'a File<'a>,
    new: &'a File<'a>,
    old_notice: Entry<'a>,
    new_notice: Entry<'a>,
    consent_purposes: BTreeSet<String>,
    changes: Vec<Change>,
}

/// The notice fields that are wording only, compared as a whole.
const WORDING: &[&str] = &[
    "title",
    "kind",
    "language",
    "audience",
    "summary",
    "introduction",
    "url",
    "related",
    "why",
    "sharing_statement",
    "sharing_arrangements",
    "bases_not_relied_on",
    "security",
    "not_exhaustive",
    "other_information",
    "changes",
];

/// The notice fields that say nothing to the reader, or are reported apart from the changes.
const NOT_CHANGES: &[&str] = &["id", "version", "last_updated", "published", "allow"];

impl<'a> Ctx<'a> {
    fn push(
        &mut self,
        kind: &'static Kind,
        subject: impl Into<String>,
        detail: impl Into<String>,
        at: &Entry<'_>,
        in_old: bool,
    ) {
        self.changes.push(Change {
            kind,
            subject: subject.into(),
            detail: detail.into(),
            pointer: at.pointer.clone(),
            in_old,
        });
    }

    /// Reports what was reworded (field names, or phrases such as "no longer from `x`"), if anything.
    fn push_words(
        &mut self,
        kind: &'static Kind,
        subject: impl Into<String>,
        words: &[String],
        at: &Entry<'_>,
    ) {
        if !words.is_empty() {
            self.push(kind, subject, changed_list(words), at, false);
        }
    }

    /// Pairs a list field of the notice (or of a field of it) and hands each pair to `each`.
    fn each_pair(
        &mut self,
        old: Vec<Entry<'a>>,
        new: Vec<Entry<'a>>,
        key: impl Fn(&Value) -> Option<String>,
        mut each: impl FnMut(&mut Self, Pair<'a>),
    ) {
        for p in pair(old, new, key) {
            // A changed item no rule reported (a field this version does not compare, such as one an
            // older schema had) is still a change: wording, at the least.
            let unreported = match &p {
                Pair::Both(o, n) if normal(o.value) != normal(n.value) => Some(n.clone()),
                _ => None,
            };
            let before = self.changes.len();
            each(self, p);
            if let Some(n) = unreported.filter(|_| self.changes.len() == before) {
                let what = text(n.value, "id").map_or_else(
                    || format!("the item at `{}`", n.pointer),
                    |id| format!("`{id}`"),
                );
                self.push(
                    &kinds::REWORDED,
                    what,
                    "changed in fields this version of noticec does not compare",
                    &n,
                    false,
                );
            }
        }
    }

    fn notice(&mut self) {
        let (o, n) = (self.old_notice.clone(), self.new_notice.clone());
        let handled: &[&str] = &[
            "parties",
            "data_protection_contact",
            "feedback_contact",
            "data_subjects",
            "purposes",
            "lawful_bases",
            "sharing_bases",
            "data_categories",
            "special_category_conditions",
            "sources",
            "recipients",
            "confidentiality",
            "systems",
            "transfers",
            "retention",
            "rights",
            "requirements",
            "automated_decisions",
            "form",
        ];
        let fields = Fields {
            old: o.value,
            new: n.value,
        };
        let wording: Vec<String> = fields
            .changed()
            .into_iter()
            .filter(|f| !handled.contains(&f.as_str()) && !NOT_CHANGES.contains(&f.as_str()))
            .collect();
        if !wording.is_empty() {
            let unknown: Vec<&String> = wording
                .iter()
                .filter(|f| !WORDING.contains(&f.as_str()))
                .collect();
            let mut detail = format!("{} changed", ticks(&wording));
            if !unknown.is_empty() {
                detail.push_str(
                    " (fields this version of noticec does not know are compared as wording)",
                );
            }
            self.push(&kinds::REWORDED, "the notice's wording", detail, &n, false);
        }
        self.parties(&o, &n);
        self.contacts(&fields, &n);
        self.subjects(&fields, &n);
        self.purposes(&o, &n);
        self.bases(&o, &n);
        self.sharing_bases(&o, &n);
        self.categories(&o, &n);
        self.special_conditions(&o, &n);
        self.sources(&o, &n);
        self.recipients(&o, &n);
        self.confidentiality(&o, &n);
        self.transfers(&o, &n);
        self.systems(&o, &n);
        self.retention(&o, &n);
        self.rights(&o, &n);
        self.requirements(&o, &n);
        self.decisions(&o, &n);
        self.form(&o, &n);
        self.shared();
    }

    fn parties(&mut self, o: &Entry<'a>, n: &Entry<'a>) {
        let controls = |v: &Value| {
            matches!(
                text(v, "legal_role").as_deref(),
                Some("controller" | "joint_controller")
            )
        };
        self.each_pair(
            o.list("parties"),
            n.list("parties"),
            key_of("organisation"),
            |ctx, p| {
                let removed = matches!(p, Pair::Removed(_));
                match p {
                    Pair::Added(e) | Pair::Removed(e) => {
                        let org = text(e.value, "organisation").unwrap_or_default();
                        let role = text(e.value, "legal_role");
                        let kind = if controls(e.value) {
                            &kinds::CONTROLLER_CHANGED
                        } else {
                            &kinds::PARTY_CHANGED
                        };
                        let detail = match (removed, role) {
                            (false, Some(r)) => format!("added, as {r}"),
                            (false, None) => "added".into(),
                            (true, Some(r)) => format!("removed (was {r})"),
                            (true, None) => "removed".into(),
                        };
                        ctx.push(kind, format!("organisation `{org}`"), detail, &e, removed);
                    }
                    Pair::Both(oe, ne) => {
                        let f = Fields {
                            old: oe.value,
                            new: ne.value,
                        };
                        let org = text(ne.value, "organisation").unwrap_or_default();
                        let subject = format!("organisation `{org}`");
                        if f.differs("legal_role") {
                            let kind = if controls(oe.value) || controls(ne.value) {
                                &kinds::CONTROLLER_CHANGED
                            } else {
                                &kinds::PARTY_CHANGED
                            };
                            ctx.push(
                                kind,
                                &subject,
                                format!(
                                    "legal role {} → {}",
                                    f.was("legal_role"),
                                    f.is("legal_role")
                                ),
                                &ne,
                                false,
                            );
                        }
                        let roles: Vec<String> = f.differing(&["acting_for", "we"]);
                        if !roles.is_empty() {
                            ctx.push(
                                &kinds::PARTY_CHANGED,
                                &subject,
                                format!("{} changed", ticks(&roles)),
                                &ne,
                                false,
                            );
                        }
                        let words: Vec<String> = f.differing(&["described_as", "description"]);
                        ctx.push_words(&kinds::REWORDED, &subject, &words, &ne);
                    }
                }
            },
        );
    }

    fn contacts(&mut self, f: &Fields<'_>, n: &Entry<'a>) {
        for field in ["data_protection_contact", "feedback_contact"] {
            if f.differs(field) {
                let at = n.field(field).unwrap_or_else(|| n.clone());
                let subject = if field == "data_protection_contact" {
                    "the data protection contact"
                } else {
                    "the feedback contact"
                };
                self.push(
                    &kinds::CONTACT_CHANGED,
                    subject,
                    format!("`{}` → `{}`", f.was(field), f.is(field)),
                    &at,
                    false,
                );
            }
        }
    }

    /// Changes to the organisations and contacts the notice refers to, declared once in the file.
    fn shared(&mut self) {
        let (mut orgs, mut contacts) = shared_refs(self.new_notice.value, self.new);
        let (old_orgs, old_contacts) = shared_refs(self.old_notice.value, self.old);
        orgs.retain(|o| old_orgs.contains(o));
        contacts.retain(|c| old_contacts.contains(c));
        let controllers: BTreeSet<String> = self
            .new_notice
            .list("parties")
            .iter()
            .filter(|p| {
                matches!(
                    text(p.value, "legal_role").as_deref(),
                    Some("controller" | "joint_controller")
                )
            })
            .filter_map(|p| text(p.value, "organisation"))
            .collect();
        for id in orgs {
            let (Some(o), Some(n)) = (
                self.old.organisations.get(&id),
                self.new.organisations.get(&id),
            ) else {
                continue;
            };
            let (o, n) = (o.clone(), n.clone());
            let f = Fields {
                old: o.value,
                new: n.value,
            };
            let subject = format!("organisation `{id}`");
            let identity: Vec<String> = f.differing(&["name", "ico_registration", "part_of"]);
            if !identity.is_empty() {
                let kind = if controllers.contains(&id) {
                    &kinds::CONTROLLER_CHANGED
                } else {
                    &kinds::PARTY_CHANGED
                };
                let detail = identity
                    .iter()
                    .map(|k| format!("{k} {} → {}", f.was(k), f.is(k)))
                    .collect::<Vec<_>>()
                    .join("; ");
                self.push(kind, &subject, detail, &n, false);
            }
            self.reach_changes(&f, &["address", "email", "phone", "website"], &subject, &n);
            let words: Vec<String> = f.differing(&["kind", "description"]);
            self.push_words(&kinds::REWORDED, &subject, &words, &n);
        }
        self.shared_contacts(contacts);
    }

    fn shared_contacts(&mut self, contacts: BTreeSet<String>) {
        for id in contacts {
            let (Some(o), Some(n)) = (self.old.contacts.get(&id), self.new.contacts.get(&id))
            else {
                continue;
            };
            let (o, n) = (o.clone(), n.clone());
            let f = Fields {
                old: o.value,
                new: n.value,
            };
            let subject = format!("contact `{id}`");
            if f.differs("organisation") {
                self.push(
                    &kinds::CONTACT_CHANGED,
                    &subject,
                    format!(
                        "organisation `{}` → `{}`",
                        f.was("organisation"),
                        f.is("organisation")
                    ),
                    &n,
                    false,
                );
            }
            self.reach_changes(&f, &["address", "email", "phone", "url"], &subject, &n);
            let words: Vec<String> = f.differing(&["name", "role"]);
            self.push_words(&kinds::CONTACT_REWORDED, &subject, &words, &n);
        }
    }

    /// A changed address, number or link: to somewhere else (notify), or written differently.
    fn reach_changes(&mut self, f: &Fields<'_>, fields: &[&str], subject: &str, at: &Entry<'_>) {
        for field in fields {
            if !f.differs(field) {
                continue;
            }
            let get = |v: &Value| v.get(*field).filter(|v| !is_empty(v)).map(reach);
            let detail = format!("{field}: {} → {}", f.was(field), f.is(field));
            if get(f.old) == get(f.new) {
                self.push(
                    &kinds::CONTACT_REWORDED,
                    subject,
                    format!("{detail} (written differently, same place)"),
                    at,
                    false,
                );
            } else {
                self.push(&kinds::CONTACT_CHANGED, subject, detail, at, false);
            }
        }
    }

    fn subjects(&mut self, f: &Fields<'_>, n: &Entry<'a>) {
        let at = n.field("data_subjects").unwrap_or_else(|| n.clone());
        let added = f.added("data_subjects");
        if !added.is_empty() {
            self.push(
                &kinds::SUBJECTS_ADDED,
                "the people the notice is about",
                format!("{} added", ticks(&added)),
                &at,
                false,
            );
        }
        let removed = f.removed("data_subjects");
        if !removed.is_empty() {
            self.push(
                &kinds::SUBJECTS_REMOVED,
                "the people the notice is about",
                format!("{} removed", ticks(&removed)),
                &at,
                false,
            );
        }
    }

    fn purposes(&mut self, o: &Entry<'a>, n: &Entry<'a>) {
        self.each_pair(
            o.list("purposes"),
            n.list("purposes"),
            key_of("id"),
            |ctx, p| match p {
                Pair::Added(e) => {
                    let id = text(e.value, "id").unwrap_or_default();
                    let subject = named("purpose", e.value);
                    if ctx.consent_purposes.contains(&id) {
                        ctx.push(
                            &kinds::PURPOSE_ADDED_CONSENT,
                            subject,
                            "added, relying on consent",
                            &e,
                            false,
                        );
                    } else {
                        let bases = sorted(e.value.get("lawful_bases"));
                        let detail = if bases.is_empty() {
                            "added, with no lawful basis linked to it".to_owned()
                        } else {
                            format!("added, on {}", ticks(&bases))
                        };
                        ctx.push(&kinds::PURPOSE_ADDED, subject, detail, &e, false);
                    }
                }
                Pair::Removed(e) => ctx.push(
                    &kinds::PURPOSE_REMOVED,
                    named("purpose", e.value),
                    "removed",
                    &e,
                    true,
                ),
                Pair::Both(oe, ne) => ctx.purpose(&oe, &ne),
            },
        );
    }

    fn purpose(&mut self, oe: &Entry<'a>, ne: &Entry<'a>) {
        let f = Fields {
            old: oe.value,
            new: ne.value,
        };
        let changed = f.changed();
        if changed.is_empty() {
            return;
        }
        let subject = named("purpose", ne.value);
        let id = text(ne.value, "id").unwrap_or_default();
        let consent = self.consent_purposes.contains(&id);
        self.basis_change(&f, &subject, ne);
        if f.differs("legitimate_interests") {
            self.push(
                &kinds::INTERESTS_CHANGED,
                &subject,
                interests_detail(&f),
                ne,
                false,
            );
        }
        let mut wider = Vec::new();
        for (field, what) in [("categories", "data"), ("recipients", "recipients")] {
            let added = f.added(field);
            if !added.is_empty() {
                wider.push(format!("now also {what} {}", ticks(&added)));
            }
        }
        let firmer = f.removed("qualifiers");
        if !firmer.is_empty() {
            wider.push(format!("qualifier {} removed", ticks(&firmer)));
        }
        if !wider.is_empty() {
            let kind = if consent {
                &kinds::PURPOSE_WIDENED_CONSENT
            } else {
                &kinds::PURPOSE_WIDENED
            };
            self.push(kind, &subject, wider.join("; "), ne, false);
        }
        let how: Vec<String> = f.differing(&["consent", "opt_out"]);
        if !how.is_empty() {
            self.push(
                &kinds::PURPOSE_HOW_TO_CHANGED,
                &subject,
                format!("{} changed", ticks(&how)),
                ne,
                false,
            );
        }
        let mut words: Vec<String> = changed
            .iter()
            .filter(|k| ["name", "kinds", "description", "examples"].contains(&k.as_str()))
            .cloned()
            .collect();
        for (field, what) in [("categories", "data"), ("recipients", "recipients")] {
            let removed = f.removed(field);
            if !removed.is_empty() {
                words.push(format!("no longer {what} {}", ticks(&removed)));
            }
        }
        let weaker = f.added("qualifiers");
        if !weaker.is_empty() {
            words.push(format!("qualifier {} added", ticks(&weaker)));
        }
        f.spell_out_name(&mut words);
        self.push_words(&kinds::PURPOSE_REWORDED, &subject, &words, ne);
    }

    /// The lawful bases of a purpose or a notice-wide statement: consent added, or any other change.
    fn basis_change(&mut self, f: &Fields<'_>, subject: &str, at: &Entry<'_>) {
        let added = f.added("lawful_bases");
        let removed = f.removed("lawful_bases");
        if added.iter().any(|b| b == "consent") {
            self.push(
                &kinds::BASIS_CONSENT_ADDED,
                subject,
                basis_detail(&added, &removed),
                at,
                false,
            );
        } else if !added.is_empty() || !removed.is_empty() {
            self.push(
                &kinds::BASIS_CHANGED,
                subject,
                basis_detail(&added, &removed),
                at,
                false,
            );
        }
        let terms: Vec<String> = f.differing(&["basis_qualifiers", "law"]);
        if !terms.is_empty() {
            self.push(
                &kinds::BASIS_CHANGED,
                subject,
                format!("{} changed", ticks(&terms)),
                at,
                false,
            );
        }
    }

    fn bases(&mut self, o: &Entry<'a>, n: &Entry<'a>) {
        self.each_pair(
            o.list("lawful_bases"),
            n.list("lawful_bases"),
            key_of("basis"),
            |ctx, p| match p {
                Pair::Added(e) => {
                    let basis = text(e.value, "basis").unwrap_or_default();
                    let kind = if basis == "consent" {
                        &kinds::BASIS_CONSENT_ADDED
                    } else {
                        &kinds::BASIS_CHANGED
                    };
                    ctx.push(
                        kind,
                        "the lawful bases of the notice as a whole",
                        format!("`{basis}` added"),
                        &e,
                        false,
                    );
                }
                Pair::Removed(e) => {
                    let basis = text(e.value, "basis").unwrap_or_default();
                    ctx.push(
                        &kinds::BASIS_CHANGED,
                        "the lawful bases of the notice as a whole",
                        format!("`{basis}` removed"),
                        &e,
                        true,
                    );
                }
                Pair::Both(oe, ne) => {
                    let f = Fields {
                        old: oe.value,
                        new: ne.value,
                    };
                    let subject =
                        format!("lawful basis `{}` of the notice as a whole", f.is("basis"));
                    if f.differs("legitimate_interests") || f.differs("interests_qualifiers") {
                        ctx.push(
                            &kinds::INTERESTS_CHANGED,
                            &subject,
                            interests_detail(&f),
                            &ne,
                            false,
                        );
                    }
                    let firmer = f.removed("qualifiers");
                    if !firmer.is_empty() || f.differs("law") {
                        let mut what = Vec::new();
                        if !firmer.is_empty() {
                            what.push(format!("qualifier {} removed", ticks(&firmer)));
                        }
                        if f.differs("law") {
                            what.push("`law` changed".into());
                        }
                        ctx.push(&kinds::BASIS_CHANGED, &subject, what.join("; "), &ne, false);
                    }
                    if f.differs("consent") {
                        ctx.push(
                            &kinds::PURPOSE_HOW_TO_CHANGED,
                            &subject,
                            "`consent` changed",
                            &ne,
                            false,
                        );
                    }
                    let mut words: Vec<String> = f.differing(&["explanation", "examples"]);
                    let weaker = f.added("qualifiers");
                    if !weaker.is_empty() {
                        words.push(format!("qualifier {} added", ticks(&weaker)));
                    }
                    ctx.push_words(&kinds::REWORDED, &subject, &words, &ne);
                }
            },
        );
    }

    fn sharing_bases(&mut self, o: &Entry<'a>, n: &Entry<'a>) {
        self.each_pair(
            o.list("sharing_bases"),
            n.list("sharing_bases"),
            key_of("basis"),
            |ctx, p| match p {
                Pair::Added(e) => ctx.push(
                    &kinds::SHARING_BASIS_CHANGED,
                    "the lawful bases for sharing",
                    format!("`{}` added", text(e.value, "basis").unwrap_or_default()),
                    &e,
                    false,
                ),
                Pair::Removed(e) => ctx.push(
                    &kinds::SHARING_BASIS_CHANGED,
                    "the lawful bases for sharing",
                    format!("`{}` removed", text(e.value, "basis").unwrap_or_default()),
                    &e,
                    true,
                ),
                Pair::Both(oe, ne) => {
                    let f = Fields {
                        old: oe.value,
                        new: ne.value,
                    };
                    let subject = format!("lawful basis `{}` for sharing", f.is("basis"));
                    if f.differs("qualifiers") {
                        ctx.push(
                            &kinds::SHARING_BASIS_CHANGED,
                            &subject,
                            "`qualifiers` changed",
                            &ne,
                            false,
                        );
                    }
                    if f.differs("note") {
                        ctx.push(&kinds::REWORDED, &subject, "`note` changed", &ne, false);
                    }
                }
            },
        );
    }

    /// The ids a list field of the purposes that rely on consent names (their data or recipients).
    fn consent_uses(&self, n: &Entry<'a>, field: &str) -> BTreeSet<String> {
        n.list("purposes")
            .iter()
            .filter(|p| text(p.value, "id").is_some_and(|id| self.consent_purposes.contains(&id)))
            .flat_map(|p| sorted(p.value.get(field)))
            .collect()
    }

    fn categories(&mut self, o: &Entry<'a>, n: &Entry<'a>) {
        let consent_data = self.consent_uses(n, "categories");
        self.each_pair(
            o.list("data_categories"),
            n.list("data_categories"),
            key_of("id"),
            |ctx, p| match p {
                Pair::Added(e) => ctx.category_added(&e, &consent_data),
                Pair::Removed(e) => ctx.push(
                    &kinds::DATA_REMOVED,
                    named("data", e.value),
                    "removed",
                    &e,
                    true,
                ),
                Pair::Both(oe, ne) => {
                    let f = Fields {
                        old: oe.value,
                        new: ne.value,
                    };
                    let subject = named("data", ne.value);
                    let mut sensitive = Vec::new();
                    let special = f.added("special_category");
                    if !special.is_empty() {
                        sensitive.push(format!(
                            "now special category data ({}, Art. 9)",
                            ticks(&special)
                        ));
                    }
                    if f.differs("criminal_offence_data") {
                        sensitive.push(
                            if ne.value.get("criminal_offence_data") == Some(&Value::Bool(true)) {
                                "now criminal offence data (Art. 10)".to_owned()
                            } else {
                                "no longer criminal offence data".to_owned()
                            },
                        );
                    }
                    for k in [
                        "art9_conditions",
                        "art9_justifications",
                        "schedule1_conditions",
                        "appropriate_policy_document",
                    ] {
                        if f.differs(k) {
                            sensitive.push(format!("`{k}` changed"));
                        }
                    }
                    if !sensitive.is_empty() {
                        ctx.push(
                            &kinds::DATA_SENSITIVE,
                            &subject,
                            sensitive.join("; "),
                            &ne,
                            false,
                        );
                    }
                    let sources = f.added("sources");
                    if !sources.is_empty() {
                        ctx.push(
                            &kinds::SOURCE_CHANGED,
                            &subject,
                            format!("now also from {}", ticks(&sources)),
                            &ne,
                            false,
                        );
                    }
                    let firmer = f.removed("qualifiers");
                    if !firmer.is_empty() {
                        ctx.push(
                            &kinds::DATA_ADDED,
                            &subject,
                            format!(
                                "qualifier {} removed: the notice now states it holds this data",
                                ticks(&firmer)
                            ),
                            &ne,
                            false,
                        );
                    }
                    let mut words: Vec<String> =
                        f.differing(&["name", "description", "examples", "kinds", "access"]);
                    let weaker = f.added("qualifiers");
                    if !weaker.is_empty() {
                        words.push(format!("qualifier {} added", ticks(&weaker)));
                    }
                    f.note_removed(&mut words, "special_category", "no longer special category");
                    f.note_removed(&mut words, "sources", "no longer from");
                    f.spell_out_name(&mut words);
                    ctx.push_words(&kinds::DATA_REWORDED, &subject, &words, &ne);
                }
            },
        );
    }

    /// A new category of data, flagged when it is special category or criminal offence data.
    fn category_added(&mut self, e: &Entry<'a>, consent_data: &BTreeSet<String>) {
        let id = text(e.value, "id").unwrap_or_default();
        let mut detail = "added".to_owned();
        let special = sorted(e.value.get("special_category"));
        if !special.is_empty() {
            let _ = write!(
                detail,
                ": special category data ({}, Art. 9)",
                ticks(&special)
            );
        }
        if e.value.get("criminal_offence_data") == Some(&Value::Bool(true)) {
            detail.push_str(": criminal offence data (Art. 10)");
        }
        let kind = if consent_data.contains(&id) {
            detail.push_str(", used for a purpose that relies on consent");
            &kinds::DATA_ADDED_CONSENT
        } else {
            &kinds::DATA_ADDED
        };
        self.push(kind, named("data", e.value), detail, e, false);
    }

    fn special_conditions(&mut self, o: &Entry<'a>, n: &Entry<'a>) {
        let f = Fields {
            old: o.value,
            new: n.value,
        };
        if f.differs("special_category_conditions") {
            let at = n
                .field("special_category_conditions")
                .unwrap_or_else(|| n.clone());
            self.push(
                &kinds::DATA_SENSITIVE,
                "the conditions for special category data",
                "changed",
                &at,
                false,
            );
        }
    }

    fn sources(&mut self, o: &Entry<'a>, n: &Entry<'a>) {
        self.simple_list(
            o,
            n,
            "sources",
            "source",
            [
                &kinds::SOURCE_ADDED,
                &kinds::SOURCE_REMOVED,
                &kinds::SOURCE_CHANGED,
                &kinds::SOURCE_REWORDED,
            ],
            &["party", "method", "publicly_accessible"],
        );
    }

    fn recipients(&mut self, o: &Entry<'a>, n: &Entry<'a>) {
        let consent_recipients = self.consent_uses(n, "recipients");
        self.each_pair(
            o.list("recipients"),
            n.list("recipients"),
            key_of("id"),
            |ctx, p| match p {
                Pair::Added(e) => {
                    let id = text(e.value, "id").unwrap_or_default();
                    let mut detail =
                        format!("added ({})", text(e.value, "kind").unwrap_or_default());
                    let kind = if consent_recipients.contains(&id) {
                        detail.push_str(", for a purpose that relies on consent");
                        &kinds::RECIPIENT_ADDED_CONSENT
                    } else {
                        &kinds::RECIPIENT_ADDED
                    };
                    ctx.push(kind, named("recipient", e.value), detail, &e, false);
                }
                Pair::Removed(e) => ctx.push(
                    &kinds::RECIPIENT_REMOVED,
                    named("recipient", e.value),
                    "removed",
                    &e,
                    true,
                ),
                Pair::Both(oe, ne) => {
                    let f = Fields {
                        old: oe.value,
                        new: ne.value,
                    };
                    let subject = named("recipient", ne.value);
                    let mut what: Vec<String> = ["kind", "organisation", "processor"]
                        .iter()
                        .filter(|k| f.differs(k))
                        .map(|k| format!("{k} {} → {}", f.was(k), f.is(k)))
                        .collect();
                    let more = f.added("categories");
                    if !more.is_empty() {
                        what.push(format!("now also receives {}", ticks(&more)));
                    }
                    let firmer = f.removed("qualifiers");
                    if !firmer.is_empty() {
                        what.push(format!("qualifier {} removed", ticks(&firmer)));
                    }
                    // More data to a recipient of a purpose on consent, or a "with your consent"
                    // dropped: the consent given was for less.
                    let widened = !more.is_empty() || !firmer.is_empty();
                    let on_consent =
                        text(ne.value, "id").is_some_and(|id| consent_recipients.contains(&id));
                    if !what.is_empty() {
                        ctx.push(
                            if widened && on_consent {
                                &kinds::PURPOSE_WIDENED_CONSENT
                            } else {
                                &kinds::RECIPIENT_CHANGED
                            },
                            &subject,
                            what.join("; "),
                            &ne,
                            false,
                        );
                    }
                    let mut words: Vec<String> = f.differing(&["name", "examples", "when"]);
                    f.note_removed(&mut words, "categories", "no longer receives");
                    let weaker = f.added("qualifiers");
                    if !weaker.is_empty() {
                        words.push(format!("qualifier {} added", ticks(&weaker)));
                    }
                    f.spell_out_name(&mut words);
                    ctx.push_words(&kinds::RECIPIENT_REWORDED, &subject, &words, &ne);
                }
            },
        );
    }

    fn confidentiality(&mut self, o: &Entry<'a>, n: &Entry<'a>) {
        let f = Fields {
            old: o.value,
            new: n.value,
        };
        if f.differs("confidentiality") {
            let at = n.field("confidentiality").unwrap_or_else(|| n.clone());
            let (old_c, new_c) = (
                o.value.get("confidentiality").unwrap_or(&Value::Null),
                n.value.get("confidentiality").unwrap_or(&Value::Null),
            );
            let cf = Fields {
                old: old_c,
                new: new_c,
            };
            if is_empty(new_c) {
                // The promise is gone: what people say may now be shared as anything else is.
                self.push(
                    &kinds::CONFIDENTIALITY_WIDENED,
                    "the confidentiality promise",
                    "removed",
                    &at,
                    false,
                );
                return;
            }
            let more = cf.added("exceptions");
            if !more.is_empty() {
                self.push(
                    &kinds::CONFIDENTIALITY_WIDENED,
                    "the confidentiality promise",
                    format!("{} new exception(s)", more.len()),
                    &at,
                    false,
                );
            }
            let rest: Vec<String> = cf
                .changed()
                .into_iter()
                .filter(|k| k != "exceptions" || more.is_empty())
                .collect();
            if !rest.is_empty() {
                self.push(
                    &kinds::REWORDED,
                    "the confidentiality promise",
                    format!("{} changed", ticks(&rest)),
                    &at,
                    false,
                );
            }
        }
    }

    fn transfers(&mut self, o: &Entry<'a>, n: &Entry<'a>) {
        self.each_pair(
            o.list("transfers"),
            n.list("transfers"),
            destinations_key,
            |ctx, p| match p {
                Pair::Added(e) => {
                    let safeguards = sorted(e.value.get("safeguards"));
                    let kind = if safeguards
                        .iter()
                        .any(|s| s == "derogation_explicit_consent")
                    {
                        &kinds::TRANSFER_ADDED_CONSENT
                    } else {
                        &kinds::TRANSFER_ADDED
                    };
                    let detail = if safeguards.is_empty() {
                        "added, with no safeguard stated".to_owned()
                    } else {
                        format!("added, under {}", ticks(&safeguards))
                    };
                    ctx.push(kind, transfer(e.value), detail, &e, false);
                }
                Pair::Removed(e) => {
                    ctx.push(
                        &kinds::TRANSFER_REMOVED,
                        transfer(e.value),
                        "removed",
                        &e,
                        true,
                    );
                }
                Pair::Both(oe, ne) => {
                    let f = Fields {
                        old: oe.value,
                        new: ne.value,
                    };
                    let subject = transfer(ne.value);
                    let mut what = Vec::new();
                    if f.differs("safeguards") {
                        what.push(format!(
                            "safeguards {} → {}",
                            f.was("safeguards"),
                            f.is("safeguards")
                        ));
                    }
                    let more = f.added("systems");
                    if !more.is_empty() {
                        what.push(format!("now also systems {}", ticks(&more)));
                    }
                    let firmer = f.removed("qualifiers");
                    if !firmer.is_empty() {
                        what.push(format!("qualifier {} removed", ticks(&firmer)));
                    }
                    let on_consent = f
                        .added("safeguards")
                        .iter()
                        .any(|s| s == "derogation_explicit_consent");
                    if !what.is_empty() {
                        ctx.push(
                            if on_consent {
                                &kinds::TRANSFER_ADDED_CONSENT
                            } else {
                                &kinds::TRANSFER_SAFEGUARD_CHANGED
                            },
                            &subject,
                            what.join("; "),
                            &ne,
                            false,
                        );
                    }
                    let mut words: Vec<String> = f
                        .changed()
                        .into_iter()
                        .filter(|k| k == "statement")
                        .collect();
                    if !f.removed("systems").is_empty() || !f.added("qualifiers").is_empty() {
                        words.push("fewer systems or a qualifier added".into());
                    }
                    ctx.push_words(&kinds::TRANSFER_REWORDED, &subject, &words, &ne);
                }
            },
        );
    }

    fn systems(&mut self, o: &Entry<'a>, n: &Entry<'a>) {
        let abroad = |v: &Value| -> Vec<String> {
            sorted(v.get("locations"))
                .into_iter()
                .filter(|l| l != "GB" && l != "UK")
                .collect()
        };
        self.each_pair(
            o.list("systems"),
            n.list("systems"),
            key_of("id"),
            |ctx, p| match p {
                Pair::Added(e) => {
                    let places = abroad(e.value);
                    if places.is_empty() {
                        ctx.push(
                            &kinds::REWORDED,
                            named("system", e.value),
                            "added",
                            &e,
                            false,
                        );
                    } else {
                        ctx.push(
                            &kinds::TRANSFER_ADDED,
                            named("system", e.value),
                            format!("added, storing data in {}", ticks(&places)),
                            &e,
                            false,
                        );
                    }
                }
                Pair::Removed(e) => ctx.push(
                    &kinds::REWORDED,
                    named("system", e.value),
                    "removed",
                    &e,
                    true,
                ),
                Pair::Both(oe, ne) => {
                    let before = abroad(oe.value);
                    let more: Vec<String> = abroad(ne.value)
                        .into_iter()
                        .filter(|p| !before.contains(p))
                        .collect();
                    let subject = named("system", ne.value);
                    if !more.is_empty() {
                        ctx.push(
                            &kinds::TRANSFER_ADDED,
                            &subject,
                            format!("now stores data in {}", ticks(&more)),
                            &ne,
                            false,
                        );
                    }
                    let f = Fields {
                        old: oe.value,
                        new: ne.value,
                    };
                    let words: Vec<String> = f
                        .changed()
                        .into_iter()
                        .filter(|k| k != "locations" || more.is_empty())
                        .collect();
                    ctx.push_words(&kinds::REWORDED, &subject, &words, &ne);
                }
            },
        );
    }

    fn retention(&mut self, o: &Entry<'a>, n: &Entry<'a>) {
        self.each_pair(
            o.list("retention"),
            n.list("retention"),
            covers_key,
            |ctx, p| match p {
                Pair::Added(e) => ctx.push(
                    &kinds::RETENTION_CHANGED,
                    covers("retention", e.value),
                    format!("added: {}", keep(e.value)),
                    &e,
                    false,
                ),
                Pair::Removed(e) => ctx.push(
                    &kinds::RETENTION_CHANGED,
                    covers("retention", e.value),
                    format!("removed (was {})", keep(e.value)),
                    &e,
                    true,
                ),
                Pair::Both(oe, ne) => {
                    let f = Fields {
                        old: oe.value,
                        new: ne.value,
                    };
                    let subject = covers("retention", ne.value);
                    let rule = [
                        "period", "from", "until", "normally", "up_to", "then", "unless",
                    ];
                    let rule_changed: Vec<&str> =
                        rule.iter().copied().filter(|k| f.differs(k)).collect();
                    let no_period =
                        oe.value.get("period").is_none() && ne.value.get("period").is_none();
                    let criteria_rule = no_period && f.differs("criteria");
                    if !rule_changed.is_empty() || criteria_rule {
                        let detail = format!("{} → {}", keep(oe.value), keep(ne.value));
                        let only_period =
                            rule_changed.iter().all(|k| *k == "period" || *k == "up_to")
                                && !criteria_rule;
                        let order = match (text(oe.value, "period"), text(ne.value, "period")) {
                            (Some(a), Some(b)) if only_period => {
                                days(&a).zip(days(&b)).map(|(a, b)| b - a)
                            }
                            _ => None,
                        };
                        let up_to_added = !f.added("up_to").is_empty()
                            || (f.differs("up_to")
                                && ne.value.get("up_to") == Some(&Value::Bool(true)));
                        let kind = match order {
                            Some(d) if d > 0.5 => &kinds::RETENTION_LONGER,
                            Some(d) if d < -0.5 => &kinds::RETENTION_SHORTER,
                            Some(_) if up_to_added || !f.differs("up_to") => {
                                &kinds::RETENTION_SHORTER
                            }
                            _ => &kinds::RETENTION_CHANGED,
                        };
                        ctx.push(kind, &subject, detail, &ne, false);
                    }
                    let words: Vec<String> = f
                        .changed()
                        .into_iter()
                        .filter(|k| {
                            !(rule.contains(&k.as_str()) || criteria_rule && k == "criteria")
                        })
                        .collect();
                    ctx.push_words(&kinds::RETENTION_REWORDED, &subject, &words, &ne);
                }
            },
        );
    }

    fn rights(&mut self, o: &Entry<'a>, n: &Entry<'a>) {
        self.each_pair(
            o.list("rights"),
            n.list("rights"),
            key_of("right"),
            |ctx, p| match p {
                Pair::Added(e) => ctx.push(
                    &kinds::RIGHT_CHANGED,
                    format!("right `{}`", text(e.value, "right").unwrap_or_default()),
                    "added",
                    &e,
                    false,
                ),
                Pair::Removed(e) => ctx.push(
                    &kinds::RIGHT_CHANGED,
                    format!("right `{}`", text(e.value, "right").unwrap_or_default()),
                    "removed",
                    &e,
                    true,
                ),
                Pair::Both(oe, ne) => {
                    let f = Fields {
                        old: oe.value,
                        new: ne.value,
                    };
                    let subject = format!("right `{}`", f.is("right"));
                    let how: Vec<String> =
                        f.differing(&["how", "authority", "identification", "fee", "limits"]);
                    if !how.is_empty() {
                        ctx.push(
                            &kinds::RIGHT_CHANGED,
                            &subject,
                            format!("{} changed", ticks(&how)),
                            &ne,
                            false,
                        );
                    }
                    if f.differs("description") {
                        ctx.push(
                            &kinds::RIGHT_REWORDED,
                            &subject,
                            "`description` changed",
                            &ne,
                            false,
                        );
                    }
                }
            },
        );
    }

    fn requirements(&mut self, o: &Entry<'a>, n: &Entry<'a>) {
        self.each_pair(
            o.list("requirements"),
            n.list("requirements"),
            covers_key,
            |ctx, p| match p {
                Pair::Added(e) => ctx.push(
                    &kinds::REQUIREMENT_CHANGED,
                    covers("requirement", e.value),
                    "added",
                    &e,
                    false,
                ),
                Pair::Removed(e) => ctx.push(
                    &kinds::REQUIREMENT_CHANGED,
                    covers("requirement", e.value),
                    "removed",
                    &e,
                    true,
                ),
                Pair::Both(oe, ne) => {
                    let f = Fields {
                        old: oe.value,
                        new: ne.value,
                    };
                    let subject = covers("requirement", ne.value);
                    if f.differs("requirement") || f.differs("consequences") {
                        ctx.push(
                            &kinds::REQUIREMENT_CHANGED,
                            &subject,
                            format!(
                                "requirement {} → {}",
                                f.was("requirement"),
                                f.is("requirement")
                            ),
                            &ne,
                            false,
                        );
                    }
                    if f.differs("when") {
                        ctx.push(
                            &kinds::REQUIREMENT_REWORDED,
                            &subject,
                            "`when` changed",
                            &ne,
                            false,
                        );
                    }
                }
            },
        );
    }

    fn decisions(&mut self, o: &Entry<'a>, n: &Entry<'a>) {
        self.simple_list(
            o,
            n,
            "automated_decisions",
            "automated decision",
            [
                &kinds::DECISION_ADDED,
                &kinds::DECISION_REMOVED,
                &kinds::DECISION_CHANGED,
                &kinds::DECISION_REWORDED,
            ],
            &[
                "profiling",
                "logic",
                "significance",
                "consequences",
                "human_involvement",
            ],
        );
    }

    /// A list matched by id whose items are added, removed, changed in the `material` fields, or
    /// reworded in the others.
    fn simple_list(
        &mut self,
        o: &Entry<'a>,
        n: &Entry<'a>,
        list: &str,
        noun: &'static str,
        [added, removed, changed, reworded]: [&'static Kind; 4],
        material: &[&str],
    ) {
        self.each_pair(o.list(list), n.list(list), key_of("id"), |ctx, p| match p {
            Pair::Added(e) => ctx.push(added, named(noun, e.value), "added", &e, false),
            Pair::Removed(e) => ctx.push(removed, named(noun, e.value), "removed", &e, true),
            Pair::Both(oe, ne) => {
                let f = Fields {
                    old: oe.value,
                    new: ne.value,
                };
                let subject = named(noun, ne.value);
                // A qualifier removed ("occasionally", "may") states the item more firmly.
                let firmer = !f.removed("qualifiers").is_empty();
                let (hard, soft): (Vec<String>, Vec<String>) = f
                    .changed()
                    .into_iter()
                    .partition(|k| material.contains(&k.as_str()) || (firmer && k == "qualifiers"));
                if !hard.is_empty() {
                    let detail = hard
                        .iter()
                        .map(|k| format!("{k} {} → {}", f.was(k), f.is(k)))
                        .collect::<Vec<_>>()
                        .join("; ");
                    ctx.push(changed, &subject, detail, &ne, false);
                }
                if !soft.is_empty() {
                    ctx.push(reworded, &subject, changed_list(&soft), &ne, false);
                }
            }
        });
    }

    fn form(&mut self, o: &Entry<'a>, n: &Entry<'a>) {
        let (of, nf) = (o.field("form"), n.field("form"));
        if of.is_none() && nf.is_none() {
            return;
        }
        let at = nf.clone().unwrap_or_else(|| n.clone());
        let statements =
            |f: &Option<Entry<'a>>| f.as_ref().map(|f| f.list("statements")).unwrap_or_default();
        self.each_pair(
            statements(&of),
            statements(&nf),
            key_of("id"),
            |ctx, p| match p {
                Pair::Added(e) => {
                    let purpose = text(e.value, "purpose")
                        .map(|p| format!(", for purpose `{p}`"))
                        .unwrap_or_default();
                    ctx.push(
                        &kinds::FORM_CONSENT_ADDED,
                        format!(
                            "consent choice `{}`",
                            text(e.value, "id").unwrap_or_default()
                        ),
                        format!(
                            "added: \"{}\"{purpose}",
                            text(e.value, "text").unwrap_or_default()
                        ),
                        &e,
                        false,
                    );
                }
                Pair::Removed(e) => ctx.push(
                    &kinds::FORM_CONSENT_REMOVED,
                    format!(
                        "consent choice `{}`",
                        text(e.value, "id").unwrap_or_default()
                    ),
                    format!("removed: \"{}\"", text(e.value, "text").unwrap_or_default()),
                    &e,
                    true,
                ),
                Pair::Both(oe, ne) => {
                    let f = Fields {
                        old: oe.value,
                        new: ne.value,
                    };
                    let subject = format!("consent choice `{}`", f.is("id"));
                    if f.differs("purpose") {
                        ctx.push(
                            &kinds::FORM_CONSENT_ADDED,
                            &subject,
                            format!(
                                "now for purpose `{}` (was `{}`)",
                                f.is("purpose"),
                                f.was("purpose")
                            ),
                            &ne,
                            false,
                        );
                    }
                    if f.differs("text") {
                        ctx.push(
                            &kinds::FORM_REWORDED,
                            &subject,
                            format!("\"{}\" → \"{}\"", f.was("text"), f.is("text")),
                            &ne,
                            false,
                        );
                    }
                }
            },
        );
        let (ov, nv) = (
            of.as_ref().map_or(&Value::Null, |e| e.value),
            nf.as_ref().map_or(&Value::Null, |e| e.value),
        );
        let f = Fields { old: ov, new: nv };
        if f.differs("withdrawal") {
            self.push(
                &kinds::PURPOSE_HOW_TO_CHANGED,
                "the consent form",
                "how to withdraw consent changed",
                &at,
                false,
            );
        }
        let words: Vec<String> = f
            .changed()
            .into_iter()
            .filter(|k| k != "statements" && k != "withdrawal")
            .collect();
        self.push_words(&kinds::FORM_REWORDED, "the consent form", &words, &at);
    }
}

/// A transfer as the reports name it: by where it goes.
fn transfer(v: &Value) -> String {
    let to = sorted(v.get("destinations"));
    if to.is_empty() {
        "a transfer abroad with no destination stated".to_owned()
    } else {
        format!("transfer to {}", ticks(&to))
    }
}

/// The noun, the id in backticks and the name: the purpose `support` (Planning support).
fn named(noun: &str, v: &Value) -> String {
    let id = text(v, "id").unwrap_or_default();
    match text(v, "name").or_else(|| text(v, "description")) {
        Some(name) => format!("{noun} `{id}` ({})", crate::suggest::short(&name)),
        None => format!("{noun} `{id}`"),
    }
}

/// The noun and what it covers: the retention of `a` and `b` for `p`.
fn covers(noun: &str, v: &Value) -> String {
    let data = sorted(v.get("categories"));
    let purposes = sorted(v.get("purposes"));
    let mut s = noun.to_owned();
    if !data.is_empty() {
        let _ = write!(s, " of {}", ticks(&data));
    }
    if !purposes.is_empty() {
        let _ = write!(s, " for {}", ticks(&purposes));
    }
    if data.is_empty() && purposes.is_empty() {
        s.push_str(" for the notice as a whole");
    }
    s
}

/// How long a retention keeps data, in short: `up to P6Y from end_of_tenancy`.
fn keep(v: &Value) -> String {
    let mut parts = Vec::new();
    if v.get("normally") == Some(&Value::Bool(true)) {
        parts.push("normally".to_owned());
    }
    if v.get("up_to") == Some(&Value::Bool(true)) {
        parts.push("up to".to_owned());
    }
    if let Some(p) = text(v, "period") {
        parts.push(p);
    }
    if let Some(from) = text(v, "from") {
        parts.push(format!("from {from}"));
    }
    if let Some(until) = text(v, "until") {
        parts.push(format!("until {until}"));
    }
    if let Some(then) = text(v, "then") {
        parts.push(format!("then {then}"));
    }
    if let Some(unless) = text(v, "unless") {
        parts.push(format!("unless \"{}\"", crate::suggest::short(&unless)));
    }
    if parts.is_empty()
        && let Some(c) = text(v, "criteria")
    {
        parts.push(format!("\"{}\"", crate::suggest::short(&c)));
    }
    if parts.is_empty() {
        "no period".into()
    } else {
        parts.join(" ")
    }
}

fn basis_detail(added: &[String], removed: &[String]) -> String {
    let mut parts = Vec::new();
    if !added.is_empty() {
        parts.push(format!("{} added", ticks(added)));
    }
    if !removed.is_empty() {
        parts.push(format!("{} removed", ticks(removed)));
    }
    format!("lawful basis {}", parts.join(", "))
}

fn interests_detail(f: &Fields<'_>) -> String {
    let (added, removed) = (
        f.added("legitimate_interests").len(),
        f.removed("legitimate_interests").len(),
    );
    match (added, removed) {
        (0, 0) => "how firmly the interests are stated changed".into(),
        (a, 0) => format!("{a} interest(s) added"),
        (0, r) => format!("{r} interest(s) removed"),
        (a, r) => format!("{a} interest(s) added, {r} removed"),
    }
}

fn changed_list(words: &[String]) -> String {
    let (fields, phrases): (Vec<&String>, Vec<&String>) =
        words.iter().partition(|w| !w.contains(' '));
    let mut parts = Vec::new();
    if !fields.is_empty() {
        let f: Vec<String> = fields.into_iter().cloned().collect();
        parts.push(format!("{} changed", ticks(&f)));
    }
    parts.extend(phrases.into_iter().cloned());
    parts.join("; ")
}

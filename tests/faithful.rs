//! Say only what the source says: every lawful basis, recipient, legal role and Art. 9(2) condition an
//! output states must be in the YAML, with the same scope.
//!
//! For each notice of `notices.yaml` and of the complete example, every output is built in memory and
//! read back: the JSON-LD as data, the HTML page and the form with an HTML parser, the text as text.
//!
//! - **Scope.** A basis, recipient or data category appears on a purpose's process (JSON-LD) or under a
//!   purpose's heading (HTML) exactly when the YAML links it to that purpose; bases the YAML states for the
//!   notice as a whole appear on the notice, not on any process.
//! - **Nothing added.** Each lawful basis and Art. 9(2) term appears in the JSON-LD exactly as many times
//!   as the YAML's statements call for; no page names a basis, condition or legal role the YAML does not
//!   hold; the hedges (`qualifiers`) reach the JSON-LD.
//! - **Signing.** A form that asks for no consent does not call its signature consent.
//!
//! So a template or renderer that strengthens a statement (a notice-wide basis printed under a purpose, an
//! "accountable organisation" called a controller, a contractor typed as a processor) fails here.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::string_slice,
    clippy::indexing_slicing
)]

mod common;

use std::collections::{BTreeMap, BTreeSet};

use noticec::model::*;
use noticec::render::Catalogue;
use scraper::{ElementRef, Html, Selector};
use serde_json::Value;

/// The typed notices of a file under the crate root (lint findings do not matter here).
fn notices(path: &str) -> NoticeFile {
    common::checked(path)
        .notices
        .expect("the file is structurally valid")
}

/// Every output of every notice, by path (`live-well-kent/notice.jsonld`).
fn outputs(file: &NoticeFile, words: &Catalogue) -> BTreeMap<String, String> {
    noticec::render::render_all(file, &noticec::render::Templates::builtin(), words)
        .expect("render")
        .into_iter()
        .filter(|o| !o.path.ends_with("pdf"))
        .map(|o| {
            (
                o.path.clone(),
                String::from_utf8(o.bytes().unwrap().to_vec()).expect("utf-8"),
            )
        })
        .collect()
}

fn set<T: ClosedList>(values: &[T]) -> BTreeSet<&'static str> {
    values.iter().filter_map(|v| v.term()).collect()
}

fn ids(value: Option<&Value>) -> BTreeSet<String> {
    match value {
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(|v| v.get("@id").and_then(Value::as_str))
            .map(ToOwned::to_owned)
            .collect(),
        Some(v) => v
            .get("@id")
            .and_then(Value::as_str)
            .map(|s| BTreeSet::from([s.to_owned()]))
            .unwrap_or_default(),
        None => BTreeSet::new(),
    }
}

/// The terms among `ids` that are lawful bases (Art. 6(1)) or Art. 9(2) conditions.
fn of_kind(ids: &BTreeSet<String>, prefix: &str) -> BTreeSet<String> {
    ids.iter()
        .filter(|i| i.starts_with(prefix))
        .cloned()
        .collect()
}

/// How many times each `@id` beginning with `prefix` occurs anywhere in the document.
fn count_terms(value: &Value, prefix: &str, counts: &mut BTreeMap<String, usize>) {
    match value {
        Value::Object(m) => {
            for (k, v) in m {
                if k == "@id"
                    && let Some(s) = v.as_str()
                    && s.starts_with(prefix)
                {
                    *counts.entry(s.to_owned()).or_default() += 1;
                }
                count_terms(v, prefix, counts);
            }
        }
        Value::Array(items) => items.iter().for_each(|v| count_terms(v, prefix, counts)),
        _ => {}
    }
}

fn strings(s: &BTreeSet<&'static str>) -> BTreeSet<String> {
    s.iter().map(|t| (*t).to_owned()).collect()
}

const ART6: &str = "eu-gdpr:A6-1-";
const ART9: &str = "eu-gdpr:A9-2-";

/// The Art. 9(2) conditions the YAML states for a purpose: those of the categories it uses.
fn art9_of(notice: &Notice, p: &Purpose) -> BTreeSet<&'static str> {
    notice
        .data_categories
        .iter()
        .filter(|c| p.categories.contains(&c.id))
        .flat_map(|c| set(&c.art9_conditions))
        .collect()
}

/// Records a problem when what an output states differs from what the YAML states.
#[allow(clippy::needless_pass_by_value)] // called with values built in place
fn same(problems: &mut Vec<String>, what: String, got: BTreeSet<String>, want: BTreeSet<String>) {
    if got != want {
        problems.push(format!("{what}: outputs {got:?}, the YAML states {want:?}"));
    }
}

fn check_jsonld(notice: &Notice, doc: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    let n = notice.id.as_str();
    let stated: Vec<LawfulBasis> = notice.lawful_bases.iter().map(|b| b.basis).collect();
    let doc_bases = ids(doc.get("dpv:hasLegalBasis"));
    same(
        &mut problems,
        format!("{n}: bases for the notice as a whole"),
        of_kind(&doc_bases, ART6),
        strings(&set(&stated)),
    );
    let notice_art9 = notice
        .special_category_conditions
        .as_ref()
        .map(|j| set(&j.art9_conditions))
        .unwrap_or_default();
    same(
        &mut problems,
        format!("{n}: Art. 9(2) conditions for the notice as a whole"),
        of_kind(&doc_bases, ART9),
        strings(&notice_art9),
    );

    // The expected number of occurrences of every basis and condition term in the whole document.
    let mut want_counts: BTreeMap<String, usize> = BTreeMap::new();
    for t in set(&stated).into_iter().chain(notice_art9.iter().copied()) {
        *want_counts.entry(t.to_owned()).or_default() += 1;
    }
    let processes: Vec<&Value> = doc
        .get("dpv:hasProcess")
        .and_then(Value::as_array)
        .map(|a| a.iter().collect())
        .unwrap_or_default();
    for p in &notice.purposes {
        let iri = format!("urn:noticec:{n}:process:{}", p.id);
        let Some(process) = processes.iter().find(|v| v["@id"] == iri.as_str()) else {
            problems.push(format!("{n}: no process for purpose `{}`", p.id));
            continue;
        };
        let bases = ids(process.get("dpv:hasLegalBasis"));
        same(
            &mut problems,
            format!("{n}/{}: lawful bases", p.id),
            of_kind(&bases, ART6),
            strings(&set(&p.lawful_bases)),
        );
        let art9 = art9_of(notice, p);
        same(
            &mut problems,
            format!("{n}/{}: Art. 9(2) conditions", p.id),
            of_kind(&bases, ART9),
            strings(&art9),
        );
        for t in set(&p.lawful_bases).into_iter().chain(art9) {
            *want_counts.entry(t.to_owned()).or_default() += 1;
        }
        let recipient = |id: &Id| format!("urn:noticec:{n}:recipient:{id}");
        same(
            &mut problems,
            format!("{n}/{}: recipients", p.id),
            ids(process.get("dpv:hasRecipient")),
            p.recipients.iter().map(recipient).collect(),
        );
        let data = |id: &Id| format!("urn:noticec:{n}:data:{id}");
        same(
            &mut problems,
            format!("{n}/{}: personal data", p.id),
            ids(process.get("dpv:hasPersonalData")),
            p.categories.iter().map(data).collect(),
        );
        let mut hedges = p.qualifiers.clone();
        hedges.extend(p.basis_qualifiers.iter().copied());
        same(
            &mut problems,
            format!("{n}/{}: qualifiers", p.id),
            ids(process.get("dpv:hasContext")),
            strings(&set(&hedges)),
        );
    }
    for t in notice.transfers.iter().flat_map(|t| set(&t.safeguards)) {
        *want_counts.entry(t.to_owned()).or_default() += 1;
    }
    for prefix in [ART6, ART9] {
        let mut got = BTreeMap::new();
        count_terms(doc, prefix, &mut got);
        let want: BTreeMap<String, usize> = want_counts
            .iter()
            .filter(|(k, _)| k.starts_with(prefix))
            .map(|(k, v)| (k.clone(), *v))
            .collect();
        if got != want {
            problems.push(format!(
                "{n}: `{prefix}*` terms occur {got:?} times; the YAML's statements call for {want:?}"
            ));
        }
    }
    problems.extend(check_roles(notice, doc, &processes));
    problems.extend(check_hedges(notice, doc));
    problems
}

/// Controllers, processors and representatives are exactly the parties given that legal role.
fn check_roles(notice: &Notice, doc: &Value, processes: &[&Value]) -> Vec<String> {
    let mut problems = Vec::new();
    let n = notice.id.as_str();
    let with = |roles: &[PartyRole]| -> BTreeSet<String> {
        notice
            .parties
            .iter()
            .filter(|p| p.legal_role.is_some_and(|r| roles.contains(&r)))
            .map(|p| format!("urn:noticec:organisation:{}", p.organisation))
            .collect()
    };
    let controllers = with(&[PartyRole::Controller, PartyRole::JointController]);
    for (property, want) in [
        ("dpv:hasDataController", controllers.clone()),
        ("dpv:hasDataProcessor", with(&[PartyRole::Processor])),
        ("dpv:hasRepresentative", with(&[PartyRole::Representative])),
    ] {
        let got = ids(doc.get(property));
        if got != want {
            problems.push(format!(
                "{n}: {property} is {got:?}; the YAML states {want:?}"
            ));
        }
    }
    for process in processes {
        let got = ids(process.get("dpv:hasDataController"));
        if !got.is_empty() && got != controllers {
            problems.push(format!(
                "{n}: a process names controllers {got:?}; the YAML states {controllers:?}"
            ));
        }
    }
    // A recipient is typed a processor only when the YAML says it is one.
    let parts = doc.get("schema:hasPart").and_then(Value::as_array);
    for r in &notice.recipients {
        let iri = format!("urn:noticec:{n}:recipient:{}", r.id);
        let node = parts.and_then(|p| p.iter().find(|v| v["@id"] == iri.as_str()));
        let typed = node
            .and_then(|v| v.get("@type"))
            .is_some_and(|t| t.to_string().contains("dpv:DataProcessor"));
        if typed != r.processor {
            problems.push(format!(
                "{n}: recipient `{}` is typed a processor: {typed}; the YAML says {}",
                r.id, r.processor
            ));
        }
    }
    problems
}

/// Each recipient's, source's and category's hedges reach its node.
fn check_hedges(notice: &Notice, doc: &Value) -> Vec<String> {
    let n = notice.id.as_str();
    let parts = doc.get("schema:hasPart").and_then(Value::as_array);
    let node = |kind: &str, id: &Id| {
        let iri = format!("urn:noticec:{n}:{kind}:{id}");
        parts.and_then(|p| p.iter().find(|v| v["@id"] == iri.as_str()))
    };
    let mut problems = Vec::new();
    let words = Catalogue::en_gb().expect("catalogue");
    let mut expect = |kind: &str, id: &Id, qualifiers: &[Qualifier]| {
        let found = node(kind, id);
        let got = ids(found.and_then(|v| v.get("dpv:hasContext")));
        let want = strings(&set(qualifiers));
        if got != want {
            problems.push(format!(
                "{n}: {kind} `{id}` carries {got:?}; the YAML says {want:?}"
            ));
        }
        // A hedge DPV has no term for (`possible`) is carried in words.
        let comment = found
            .and_then(|v| v.get("rdfs:comment"))
            .and_then(Value::as_str)
            .unwrap_or_default();
        for q in qualifiers {
            if !comment.contains(&words.label(*q)) {
                problems.push(format!("{n}: {kind} `{id}` drops the hedge `{}`", q.key()));
            }
        }
    };
    for r in &notice.recipients {
        expect("recipient", &r.id, &r.qualifiers);
    }
    for s in &notice.sources {
        expect("source", &s.id, &s.qualifiers);
    }
    for c in &notice.data_categories {
        expect("data", &c.id, &c.qualifiers);
    }
    // A retention period for some people only is not stated for everyone.
    for (i, r) in notice.retention.iter().enumerate() {
        let iri = format!("urn:noticec:{n}:retention:{i}");
        let node = parts.and_then(|p| p.iter().find(|v| v["@id"] == iri.as_str()));
        let context = node
            .and_then(|v| v.get("dpv:hasContext"))
            .and_then(|c| c.get("dct:description"))
            .and_then(Value::as_str);
        if context != r.applies_when.as_deref() {
            problems.push(format!(
                "{n}: retention rule {i} applies when {context:?}; the YAML says {:?}",
                r.applies_when
            ));
        }
    }
    problems
}

/// The visible text of an element, whitespace collapsed.
fn text_of(e: ElementRef<'_>) -> String {
    e.text()
        .collect::<Vec<_>>()
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn select(s: &str) -> Selector {
    Selector::parse(s).expect("selector")
}

/// Labels of every value of a closed list, with the value.
fn labels<T: ClosedList>(words: &Catalogue) -> Vec<(T, String)> {
    T::ALL.iter().map(|v| (*v, words.label(*v))).collect()
}

/// Every lawful basis the YAML mentions anywhere in a notice, in any role.
fn bases_mentioned(notice: &Notice) -> BTreeSet<LawfulBasis> {
    let mut all: BTreeSet<LawfulBasis> = notice.lawful_bases.iter().map(|b| b.basis).collect();
    all.extend(
        notice
            .purposes
            .iter()
            .flat_map(|p| p.lawful_bases.iter().copied()),
    );
    all.extend(notice.sharing_bases.iter().map(|b| b.basis));
    all.extend(notice.bases_not_relied_on.iter().map(|b| b.basis));
    all
}

fn art9_mentioned(notice: &Notice) -> BTreeSet<Art9Condition> {
    let mut all: BTreeSet<Art9Condition> = notice
        .data_categories
        .iter()
        .flat_map(|c| c.art9_conditions.iter().copied())
        .collect();
    if let Some(j) = &notice.special_category_conditions {
        all.extend(j.art9_conditions.iter().copied());
    }
    all
}

/// What a page (HTML or text) may name: bases, conditions and legal roles the YAML holds.
fn check_words(notice: &Notice, page: &str, what: &str, words: &Catalogue) -> Vec<String> {
    let mut problems = Vec::new();
    let n = notice.id.as_str();
    let bases = bases_mentioned(notice);
    for (b, label) in labels::<LawfulBasis>(words) {
        if page.contains(&label) && !bases.contains(&b) {
            problems.push(format!(
                "{n}: {what} names `{label}`, which the YAML never states"
            ));
        }
    }
    let art9 = art9_mentioned(notice);
    // A condition is always printed with its article after it; its plain words alone (`Legal claims`)
    // may be part of another term (a Schedule 1 condition).
    for (c, label) in labels::<Art9Condition>(words) {
        let label = match words.article(c) {
            Some(article) => format!("{label} ({article})"),
            None => label,
        };
        if page.contains(&label) && !art9.contains(&c) {
            problems.push(format!(
                "{n}: {what} names `{label}`, which the YAML never states"
            ));
        }
    }
    let lower = page.to_lowercase();
    let said = |needle: &str| {
        let yaml = serde_json::to_string(notice)
            .unwrap_or_default()
            .to_lowercase();
        yaml.contains(needle)
    };
    let controller = notice.parties.iter().any(|p| {
        matches!(
            p.legal_role,
            Some(PartyRole::Controller | PartyRole::JointController)
        )
    });
    if lower.contains("controller") && !controller && !said("controller") {
        problems.push(format!(
            "{n}: {what} speaks of a controller; the YAML names none"
        ));
    }
    let processor = notice
        .parties
        .iter()
        .any(|p| p.legal_role == Some(PartyRole::Processor))
        || notice.recipients.iter().any(|r| r.processor);
    if lower.contains("processor") && !processor && !said("processor") {
        problems.push(format!(
            "{n}: {what} speaks of a processor; the YAML names none"
        ));
    }
    problems
}

/// Under each purpose's heading, only the bases the YAML links to that purpose.
fn check_purposes_html(notice: &Notice, page: &Html, what: &str, words: &Catalogue) -> Vec<String> {
    let mut problems = Vec::new();
    let n = notice.id.as_str();
    let items: Vec<(String, String)> = page
        .select(&select("section[aria-labelledby=purposes] .item"))
        .filter_map(|item| {
            let heading = item.select(&select("h3")).next()?;
            Some((text_of(heading), text_of(item)))
        })
        .collect();
    for p in &notice.purposes {
        let Some((_, text)) = items.iter().find(|(h, _)| h == &p.name) else {
            problems.push(format!("{n}: {what} has no heading for purpose `{}`", p.id));
            continue;
        };
        for (b, label) in labels::<LawfulBasis>(words) {
            let shown = text.contains(&label);
            let stated = p.lawful_bases.contains(&b);
            if shown != stated {
                problems.push(format!(
                    "{n}: {what} under purpose `{}`: `{label}` shown {shown}, linked in the YAML {stated}",
                    p.id
                ));
            }
        }
    }
    problems
}

/// A form that asks for no consent does not call signing it consent.
fn check_form(notice: &Notice, page: &Html) -> Vec<String> {
    let Some(form) = &notice.form else {
        return Vec::new();
    };
    let said = form
        .signature_blocks
        .iter()
        .filter_map(|b| b.declaration.as_ref())
        .chain(form.acknowledgement.as_ref())
        .any(|t| t.to_lowercase().contains("consent"));
    if !form.statements.is_empty() || said {
        return Vec::new();
    }
    page.select(&select(".sign-here"))
        .map(text_of)
        .filter(|t| t.to_lowercase().contains("consent"))
        .map(|t| {
            format!(
                "{}: the form asks for no consent, but its signature section says: {t}",
                notice.id
            )
        })
        .collect()
}

fn check_file(path: &str) -> Vec<String> {
    let file = notices(path);
    let words = Catalogue::en_gb().expect("catalogue");
    let built = outputs(&file, &words);
    let mut problems = Vec::new();
    for notice in &file.notices {
        let get = |name: &str| built.get(&format!("{}/{name}", notice.id));
        let jsonld: Value =
            serde_json::from_str(get("notice.jsonld").expect("json-ld")).expect("json-ld parses");
        problems.extend(check_jsonld(notice, &jsonld));
        let html = Html::parse_document(get("index.html").expect("page"));
        let page_text = text_of(html.root_element());
        problems.extend(check_words(notice, &page_text, "the page", &words));
        problems.extend(check_purposes_html(notice, &html, "the page", &words));
        let text = get("notice.txt")
            .expect("text")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        problems.extend(check_words(notice, &text, "the text", &words));
        if let Some(form) = get("consent-form.html") {
            let form = Html::parse_document(form);
            problems.extend(check_words(
                notice,
                &text_of(form.root_element()),
                "the form",
                &words,
            ));
            problems.extend(check_purposes_html(notice, &form, "the form", &words));
            problems.extend(check_form(notice, &form));
        }
    }
    problems
}

#[test]
fn the_example_notices_say_only_what_their_yaml_says() {
    let problems = check_file("notices.yaml");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_complete_example_says_only_what_its_yaml_says() {
    let problems = check_file("tests/fixtures/good/complete.yaml");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The checks can fail: a notice-wide basis copied onto a purpose, a controller the YAML does not
/// name and a contractor made a processor are each caught.
#[test]
fn a_strengthened_statement_is_caught() {
    let file = notices("notices.yaml");
    let words = Catalogue::en_gb().expect("catalogue");
    let built = outputs(&file, &words);
    let notice = file
        .notices
        .iter()
        .find(|n| n.id.as_str() == "livewest-customer")
        .expect("livewest-customer");
    let mut doc: Value =
        serde_json::from_str(&built["livewest-customer/notice.jsonld"]).expect("json-ld");
    assert!(check_jsonld(notice, &doc).is_empty());

    // The notice-wide contract basis, stated on the debt recovery process as well.
    let processes = doc["dpv:hasProcess"].as_array_mut().expect("processes");
    let debt = processes
        .iter_mut()
        .find(|p| p["@id"] == "urn:noticec:livewest-customer:process:debt-recovery")
        .expect("debt recovery");
    debt["dpv:hasLegalBasis"] = serde_json::json!([{ "@id": "eu-gdpr:A6-1-b" }]);
    let found = check_jsonld(notice, &doc);
    assert!(
        found
            .iter()
            .any(|p| p.contains("debt-recovery: lawful bases")),
        "{found:?}"
    );

    // LiveWest called the controller, which the source never says.
    let mut doc: Value =
        serde_json::from_str(&built["livewest-customer/notice.jsonld"]).expect("json-ld");
    doc["dpv:hasDataController"] =
        serde_json::json!([{ "@id": "urn:noticec:organisation:livewest" }]);
    let found = check_jsonld(notice, &doc);
    assert!(
        found.iter().any(|p| p.contains("dpv:hasDataController")),
        "{found:?}"
    );
    let page = format!("{} Data controller", &built["livewest-customer/index.html"]);
    assert!(!check_words(notice, &page, "the page", &words).is_empty());

    // A page naming explicit consent for special category data, which the source rules out.
    let label = format!(
        "{} ({})",
        words.label(Art9Condition::ExplicitConsent),
        words
            .article(Art9Condition::ExplicitConsent)
            .expect("an article")
    );
    let page = format!("{} {label}", &built["livewest-customer/index.html"]);
    assert!(!check_words(notice, &page, "the page", &words).is_empty());
}

/// The words a reader reads in the body of a page: its visible text without the summary layer and the
/// contents list, whose lines by design point at the sections that say things in full.
fn body_text(e: ElementRef<'_>, out: &mut String) {
    let layers = select("script, style, section.glance, nav");
    for child in e.children() {
        if let Some(el) = ElementRef::wrap(child) {
            if !layers.matches(&el) {
                body_text(el, out);
            }
        } else if let Some(text) = child.value().as_text() {
            out.push(' ');
            out.push_str(text);
        }
    }
}

/// The plain text without its summary layer: the lines from the summary's heading up to the first
/// section's heading.
fn text_body(text: &str, words: &Catalogue) -> String {
    let glance = words.text("heading-glance");
    let first = words.text("heading-who");
    let mut inside = false;
    let mut kept = Vec::new();
    for line in text.lines() {
        if line == glance {
            inside = true;
        } else if line == first {
            inside = false;
        }
        if !inside {
            kept.push(line);
        }
    }
    kept.join("\n")
}

/// Every text of a notice's YAML longer than 40 characters that states something: everything but the
/// names of things (`name`, `title`, `heading`) and web addresses, which other parts of a notice repeat
/// to refer to them.
fn statements(notice: &Notice) -> BTreeSet<String> {
    fn walk(value: &Value, key: &str, out: &mut BTreeSet<String>) {
        match value {
            Value::Object(m) => m.iter().for_each(|(k, v)| walk(v, k, out)),
            Value::Array(items) => items.iter().for_each(|v| walk(v, key, out)),
            Value::String(s)
                if !["name", "title", "heading"].contains(&key)
                    && !noticec::render::is_address(s) =>
            {
                let s = squash_spaces(s);
                if s.chars().count() > 40 {
                    out.insert(s);
                }
            }
            _ => {}
        }
    }
    let mut out = BTreeSet::new();
    walk(&serde_json::to_value(notice).expect("json"), "", &mut out);
    out
}

/// `text` with every run of whitespace one space.
fn squash_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Where a statement of the YAML is said more than once in the body of an output.
fn repeated(file: &NoticeFile) -> Vec<String> {
    let words = Catalogue::en_gb().expect("catalogue");
    let built = outputs(file, &words);
    let mut problems = Vec::new();
    for notice in &file.notices {
        let mut bodies = Vec::new();
        for name in ["index.html", "consent-form.html"] {
            if let Some(page) = built.get(&format!("{}/{name}", notice.id)) {
                let mut text = String::new();
                body_text(Html::parse_document(page).root_element(), &mut text);
                bodies.push((name, squash_spaces(&text)));
            }
        }
        let text = &built[&format!("{}/notice.txt", notice.id)];
        bodies.push(("notice.txt", squash_spaces(&text_body(text, &words))));
        for statement in statements(notice) {
            for (name, body) in &bodies {
                let times = body.matches(statement.as_str()).count();
                if times > 1 {
                    problems.push(format!(
                        "{}/{name} says {times} times: {statement}",
                        notice.id
                    ));
                }
            }
        }
    }
    problems
}

// Ensures each statement of the source is said once in the body of every page, text and form: a
// statement the YAML gives several things (the same access rule for three categories, the same
// explanation for three lawful bases) is said once for all of them. The summary and the contents list
// restate by design and are left out; names are how a notice refers to things and are not counted.
#[test]
fn each_statement_is_said_once() {
    for path in ["notices.yaml", "tests/fixtures/good/complete.yaml"] {
        let problems = repeated(&notices(path));
        assert!(problems.is_empty(), "{path}:\n{}", problems.join("\n"));
    }
}

// Ensures where a system is kept is said once: Live Well Kent's "all our information is stored within
// the European Union (EU)" is a transfer statement about Salesforce, so the system does not say it again.
#[test]
fn a_place_a_transfer_statement_gives_is_not_repeated_under_the_system() {
    let words = Catalogue::en_gb().expect("catalogue");
    let all = outputs(&notices("notices.yaml"), &words);
    for kind in ["index.html", "notice.txt", "consent-form.html"] {
        let page = &all[&format!("live-well-kent/{kind}")];
        // The embedded JSON-LD repeats the statement for machines; the person reads the rest.
        let text = match (page.find("<script"), page.find("</script>")) {
            (Some(a), Some(b)) if a < b => format!("{}{}", &page[..a], &page[b..]),
            _ => page.clone(),
        };
        assert_eq!(
            text.matches("stored within the European Union").count(),
            1,
            "live-well-kent/{kind}"
        );
        assert!(!text.contains("Stored in "), "live-well-kent/{kind}");
    }
}

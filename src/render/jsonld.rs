//! The notice as linked data in the W3C Data Privacy Vocabulary (DPV 2.3): one `dpv:Process` per purpose
//! with its purpose, lawful bases, personal data, recipients, sources and storage conditions; the
//! controller with its contact details (schema.org where DPV has no term); rights; transfers; automated
//! decisions. Built with `serde_json`, never by text templating; the `@context` is inline, so the file
//! expands without fetching anything. Every DPV IRI comes from the model's closed lists or the property
//! names below, all checked against the DPV term list by tests.

use serde_json::{Map, Value, json};

use super::catalogue::{Catalogue, string};
use crate::graph::Graph;
use crate::model::*;

/// The inline JSON-LD context, shared by every JSON-LD output.
pub(super) fn context() -> Value {
    let mut ctx = Map::new();
    for (prefix, ns) in dpv::NAMESPACES {
        ctx.insert((*prefix).to_owned(), json!(ns));
    }
    ctx.insert("schema".into(), json!("https://schema.org/"));
    ctx.insert("dct".into(), json!("http://purl.org/dc/terms/"));
    ctx.insert(
        "rdf".into(),
        json!("http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    );
    ctx.insert(
        "rdfs".into(),
        json!("http://www.w3.org/2000/01/rdf-schema#"),
    );
    ctx.insert("xsd".into(), json!("http://www.w3.org/2001/XMLSchema#"));
    Value::Object(ctx)
}

/// The IRI of a node of this notice.
pub(super) fn iri(notice: &Notice, kind: &str, id: &str) -> String {
    format!("urn:noticec:{}:{kind}:{id}", notice.id)
}

fn org_iri(id: &Id) -> String {
    format!("urn:noticec:organisation:{id}")
}

/// References to the DPV terms of `values`, each once, in order; values DPV has no term for are left out.
pub(super) fn terms<T: ClosedList>(values: &[T]) -> Vec<Value> {
    let mut seen: Vec<&str> = Vec::new();
    values
        .iter()
        .filter_map(|v| v.term())
        .filter(|t| {
            let fresh = !seen.contains(t);
            seen.push(t);
            fresh
        })
        .map(|t| json!({ "@id": t }))
        .collect()
}

/// Adds the qualifiers a statement carries: their DPV terms as `dpv:hasContext`, and their labels.
fn insert_qualifiers(m: &mut Map<String, Value>, qualifiers: &[Qualifier], words: &Catalogue) {
    if qualifiers.is_empty() {
        return;
    }
    let context = terms(qualifiers);
    if !context.is_empty() {
        m.insert("dpv:hasContext".into(), Value::Array(context));
    }
    m.insert(
        "rdfs:comment".into(),
        json!(words.labels(qualifiers).join("; ")),
    );
}

fn insert_opt(map: &mut Map<String, Value>, key: &str, value: Option<&String>) {
    if let Some(v) = value {
        map.insert(key.to_owned(), json!(v));
    }
}

fn address(a: &PostalAddress) -> Value {
    let mut m = Map::new();
    m.insert("@type".into(), json!("schema:PostalAddress"));
    if !a.lines.is_empty() {
        m.insert("schema:streetAddress".into(), json!(a.lines.join(", ")));
    }
    m.insert("schema:addressLocality".into(), json!(a.town));
    insert_opt(&mut m, "schema:addressRegion", a.county.as_ref());
    m.insert("schema:postalCode".into(), json!(a.postcode.as_str()));
    m.insert("schema:addressCountry".into(), json!("GB"));
    Value::Object(m)
}

fn organisation(graph: &Graph<'_>, id: &Id, role: Option<PartyRole>, words: &Catalogue) -> Value {
    let mut m = Map::new();
    m.insert("@id".into(), json!(org_iri(id)));
    let Some(o) = graph.organisation(id) else {
        return Value::Object(m);
    };
    let mut types = Vec::new();
    if let Some(role) = role {
        types.push(json!(role.dpv()));
    }
    if let Some(kind) = o.kind
        && !types.contains(&json!(kind.dpv()))
    {
        types.push(json!(kind.dpv()));
    }
    if !types.is_empty() {
        m.insert("@type".into(), Value::Array(types));
    }
    m.insert("schema:name".into(), json!(o.name));
    if o.kind == Some(OrganisationKind::SupervisoryAuthority) {
        // The UK's supervisory authority is the ICO, which DPV names `legal-gb:DPA-GB`.
        m.insert("schema:sameAs".into(), json!({ "@id": "legal-gb:DPA-GB" }));
    }
    if let Some(reg) = &o.ico_registration {
        m.insert(
            "dpv:hasIdentifier".into(),
            json!(words.text_with(
                "jsonld-ico-registration",
                &[("registration", string(reg.as_str()))]
            )),
        );
    }
    if let Some(a) = &o.address {
        m.insert("schema:address".into(), address(a));
    }
    if let Some(e) = &o.email {
        m.insert("schema:email".into(), json!(e.as_str()));
    }
    if let Some(p) = &o.phone {
        m.insert("schema:telephone".into(), json!(p.as_str()));
    }
    if let Some(w) = &o.website {
        m.insert("schema:url".into(), json!({ "@id": w.as_str() }));
    }
    Value::Object(m)
}

/// The node of a contact, with its role, organisation and details; `None` when the file has no such contact.
pub(super) fn contact(graph: &Graph<'_>, id: &Id) -> Option<Value> {
    let c = graph.contact(id)?;
    let mut m = Map::new();
    m.insert("@id".into(), json!(format!("urn:noticec:contact:{}", c.id)));
    m.insert("@type".into(), json!([c.role.dpv(), "schema:ContactPoint"]));
    m.insert("schema:name".into(), json!(c.name));
    m.insert(
        "schema:memberOf".into(),
        json!({ "@id": org_iri(&c.organisation) }),
    );
    if let Some(e) = &c.email {
        m.insert("schema:email".into(), json!(e.as_str()));
    }
    if let Some(p) = &c.phone {
        m.insert("schema:telephone".into(), json!(p.as_str()));
    }
    if let Some(a) = &c.address {
        m.insert("schema:address".into(), address(a));
    }
    if let Some(u) = &c.url {
        m.insert("schema:url".into(), json!({ "@id": u.as_str() }));
    }
    Some(Value::Object(m))
}

fn category(notice: &Notice, c: &DataCategory, words: &Catalogue) -> Value {
    let mut types: Vec<Value> = vec![json!("dpv:PersonalData")];
    types.extend(
        terms(&c.kinds)
            .into_iter()
            .filter_map(|t| t.get("@id").cloned()),
    );
    if !c.special_category.is_empty() {
        types.push(json!("dpv:SpecialCategoryPersonalData"));
        types.extend(
            terms(&c.special_category)
                .into_iter()
                .filter_map(|t| t.get("@id").cloned()),
        );
    }
    if c.criminal_offence_data {
        types.push(json!("pd:CriminalOffence"));
    }
    types.dedup();
    let mut m = Map::new();
    m.insert("@id".into(), json!(iri(notice, "data", c.id.as_str())));
    m.insert("@type".into(), Value::Array(types));
    m.insert("rdfs:label".into(), json!(c.name));
    if !c.sources.is_empty() {
        let sources: Vec<Value> = c
            .sources
            .iter()
            .map(|s| json!({ "@id": iri(notice, "source", s.as_str()) }))
            .collect();
        m.insert("dpv:hasDataSource".into(), Value::Array(sources));
    }
    let kept = retention_refs(notice, |r| r.categories.contains(&c.id));
    if !kept.is_empty() {
        m.insert("dpv:hasStorageCondition".into(), Value::Array(kept));
    }
    insert_qualifiers(&mut m, &c.qualifiers, words);
    Value::Object(m)
}

/// References to the retention rules that `covers` picks.
fn retention_refs(notice: &Notice, covers: impl Fn(&Retention) -> bool) -> Vec<Value> {
    notice
        .retention
        .iter()
        .enumerate()
        .filter(|(_, r)| covers(r))
        .map(|(i, _)| json!({ "@id": iri(notice, "retention", &i.to_string()) }))
        .collect()
}

fn source(notice: &Notice, s: &Source, words: &Catalogue) -> Value {
    let mut types = vec![json!("dpv:DataSource")];
    if let Some(party) = s.party {
        types.push(json!(party.dpv()));
    }
    if s.publicly_accessible {
        types.push(json!("dpv:PublicDataSource"));
    }
    let mut m = Map::new();
    m.insert("@id".into(), json!(iri(notice, "source", s.id.as_str())));
    m.insert("@type".into(), Value::Array(types));
    m.insert("rdfs:label".into(), json!(s.name));
    // When the data comes from it, in the notice's words: a source stated for some occasions only.
    insert_opt(&mut m, "dct:description", s.when.as_ref());
    insert_qualifiers(&mut m, &s.qualifiers, words);
    Value::Object(m)
}

fn recipient(notice: &Notice, r: &Recipient, words: &Catalogue) -> Value {
    let mut types = vec![json!(r.kind.dpv())];
    if r.processor && r.kind.dpv() != "dpv:DataProcessor" {
        types.push(json!("dpv:DataProcessor"));
    }
    let mut m = Map::new();
    m.insert("@id".into(), json!(iri(notice, "recipient", r.id.as_str())));
    m.insert("@type".into(), Value::Array(types));
    m.insert("rdfs:label".into(), json!(r.name));
    if let Some(o) = &r.organisation {
        m.insert("schema:sameAs".into(), json!({ "@id": org_iri(o) }));
    }
    // When data goes to it, in the notice's words: a recipient stated for some occasions only.
    insert_opt(&mut m, "dct:description", r.when.as_ref());
    insert_qualifiers(&mut m, &r.qualifiers, words);
    Value::Object(m)
}

fn storage(notice: &Notice, index: usize, r: &Retention, words: &Catalogue) -> Value {
    let mut m = Map::new();
    m.insert(
        "@id".into(),
        json!(iri(notice, "retention", &index.to_string())),
    );
    let kind = if r.period.is_some() {
        "dpv:StorageDuration"
    } else {
        "dpv:StorageCondition"
    };
    m.insert("@type".into(), json!(kind));
    if let Some(p) = &r.period {
        m.insert(
            "rdf:value".into(),
            json!({ "@value": p.as_str(), "@type": "xsd:duration" }),
        );
    }
    // A period is a temporal duration, whatever event it runs from; "until" an event is an until-event
    // duration. The event itself is named in words: DPV has no term for it.
    let duration = match (&r.period, r.until) {
        (Some(p), _) => {
            let mut d = Map::new();
            d.insert("@type".into(), json!("dpv:TemporalDuration"));
            d.insert(
                "rdf:value".into(),
                json!({ "@value": p.as_str(), "@type": "xsd:duration" }),
            );
            if let Some(from) = r.from {
                d.insert("rdfs:label".into(), json!(words.label(from)));
            }
            Some(Value::Object(d))
        }
        (None, Some(e)) => {
            Some(json!({ "@type": "dpv:UntilEventDuration", "rdfs:label": words.label(e) }))
        }
        (None, None) => None,
    };
    if let Some(d) = duration {
        m.insert("dpv:hasDuration".into(), d);
    }
    let view = super::view::retention_words(r, words);
    m.insert("rdfs:comment".into(), json!(view));
    retention_conditions(&mut m, r);
    Value::Object(m)
}

/// What a retention rule says beside its length, in its words, so the linked data never states a period
/// more widely than the notice does: whom it applies to, its criteria and exceptions, its reason and
/// the schedule it refers to.
fn retention_conditions(m: &mut Map<String, Value>, r: &Retention) {
    if let Some(when) = &r.applies_when {
        m.insert(
            "dpv:hasContext".into(),
            json!({ "@type": "dpv:Context", "dct:description": when }),
        );
    }
    let description: Vec<&str> = r
        .criteria
        .iter()
        .chain(r.unless.iter())
        .map(String::as_str)
        .collect();
    if !description.is_empty() {
        m.insert("dct:description".into(), json!(description.join(" ")));
    }
    if let Some(reason) = &r.reason {
        m.insert(
            "dpv:hasJustification".into(),
            json!({ "@type": "dpv:Justification", "dct:description": reason }),
        );
    }
    if let Some(s) = &r.schedule {
        let mut schedule = Map::new();
        if let Some(url) = &s.url {
            schedule.insert("@id".into(), json!(url.as_str()));
        }
        schedule.insert("dct:title".into(), json!(s.name));
        m.insert("dct:references".into(), Value::Object(schedule));
    }
}

/// Builds the JSON-LD document of one notice.
pub fn notice(graph: &Graph<'_>, notice: &Notice, hash: &str, words: &Catalogue) -> Value {
    let controller_refs: Vec<Value> = Graph::controllers(notice)
        .map(|(_, p)| json!({ "@id": org_iri(&p.organisation) }))
        .collect();
    let categories: Vec<(&Id, Value)> = notice
        .data_categories
        .iter()
        .map(|c| (&c.id, category(notice, c, words)))
        .collect();
    let recipients: Vec<(&Id, Value)> = notice
        .recipients
        .iter()
        .map(|r| (&r.id, recipient(notice, r, words)))
        .collect();
    let storage_nodes: Vec<Value> = notice
        .retention
        .iter()
        .enumerate()
        .map(|(i, r)| storage(notice, i, r, words))
        .collect();

    let linked = Linked {
        categories: &categories,
        recipients: &recipients,
        controllers: &controller_refs,
    };
    let mut processes: Vec<Value> = notice
        .purposes
        .iter()
        .map(|p| purpose_process(notice, p, &linked, words))
        .collect();
    processes.extend(
        notice
            .transfers
            .iter()
            .enumerate()
            .map(|(i, t)| transfer_process(notice, i, t, words)),
    );
    processes.extend(
        notice
            .automated_decisions
            .iter()
            .map(|a| decision_process(notice, a)),
    );

    let mut doc = header(notice, hash);
    insert_parties(&mut doc, graph, notice, words);
    insert_notice_bases(&mut doc, notice, words);
    let kept = retention_refs(notice, |r| r.categories.is_empty() && r.purposes.is_empty());
    if !kept.is_empty() {
        doc.insert("dpv:hasStorageCondition".into(), Value::Array(kept));
    }
    let related = related_documents(notice);
    if !related.is_empty() {
        doc.insert("dct:relation".into(), Value::Array(related));
    }
    if !notice.rights.is_empty() {
        let rights: Vec<Right> = notice.rights.iter().map(|r| r.right).collect();
        doc.insert("dpv:hasRight".into(), Value::Array(terms(&rights)));
    }
    let authorities: Vec<Value> = notice
        .rights
        .iter()
        .filter_map(|r| r.authority.as_ref())
        .map(|a| organisation(graph, a, None, words))
        .collect();
    if !authorities.is_empty() {
        doc.insert("dpv:hasAuthority".into(), Value::Array(authorities));
    }
    if let Some(s) = &notice.security
        && !s.measures.is_empty()
    {
        doc.insert(
            "dpv:hasTechnicalOrganisationalMeasure".into(),
            Value::Array(terms(&s.measures)),
        );
    }
    doc.insert("dpv:hasProcess".into(), Value::Array(processes));
    let mut graph: Vec<Value> = categories.into_iter().map(|(_, v)| v).collect();
    graph.extend(notice.sources.iter().map(|s| source(notice, s, words)));
    graph.extend(recipients.into_iter().map(|(_, v)| v));
    graph.extend(storage_nodes);
    doc.insert("schema:hasPart".into(), Value::Array(graph));
    Value::Object(doc)
}

/// The notice itself: its id, kind, title, version and the identifier with its content hash, dates,
/// language, address and whom it is about.
fn header(notice: &Notice, hash: &str) -> Map<String, Value> {
    let mut doc = Map::new();
    doc.insert("@context".into(), context());
    doc.insert("@id".into(), json!(format!("urn:noticec:{}", notice.id)));
    doc.insert("@type".into(), json!(notice.kind.dpv()));
    doc.insert("dct:title".into(), json!(notice.title));
    if let Some(v) = &notice.version {
        doc.insert("dct:hasVersion".into(), json!(v));
    }
    doc.insert("dct:identifier".into(), json!(identifier(notice, hash)));
    doc.insert(
        "dpv:hasApplicableLaw".into(),
        json!([{ "@id": "legal-gb:law-GDPR" }, { "@id": "legal-gb:law-DPA" }]),
    );
    if let Some(d) = &notice.last_updated {
        doc.insert(
            "dct:modified".into(),
            json!({ "@value": d.to_string(), "@type": "xsd:date" }),
        );
    }
    if let Some(d) = &notice.published {
        doc.insert(
            "dct:issued".into(),
            json!({ "@value": d.to_string(), "@type": "xsd:date" }),
        );
    }
    doc.insert("dct:language".into(), json!(notice.language.as_str()));
    if let Some(u) = &notice.url {
        doc.insert("schema:url".into(), json!({ "@id": u.as_str() }));
    }
    if !notice.data_subjects.is_empty() {
        doc.insert(
            "dpv:hasDataSubject".into(),
            Value::Array(terms(&notice.data_subjects)),
        );
    }
    doc
}

/// The notice's identifier: its id, its version where it gives one, and its content hash
/// (`live-well-kent#0123456789ab`, `livewest-customer@2.1#0123456789ab`).
pub(super) fn identifier(notice: &Notice, hash: &str) -> String {
    match &notice.version {
        Some(v) => format!("{}@{v}#{hash}", notice.id),
        None => format!("{}#{hash}", notice.id),
    }
}

/// The nodes a purpose's process links to by id.
struct Linked<'a> {
    /// Each data category's id and node.
    categories: &'a [(&'a Id, Value)],
    /// Each recipient's id and node.
    recipients: &'a [(&'a Id, Value)],
    /// References to the notice's controllers.
    controllers: &'a [Value],
}

/// The process of one purpose: its purpose, lawful bases (with legitimate interests and the Art. 9
/// conditions of the data it uses), data, recipients, controllers and storage conditions.
fn purpose_process(notice: &Notice, p: &Purpose, linked: &Linked<'_>, words: &Catalogue) -> Value {
    let (categories, recipients, controller_refs) =
        (linked.categories, linked.recipients, linked.controllers);
    let mut purpose_types = vec![json!("dpv:Purpose")];
    purpose_types.extend(
        terms(&p.kinds)
            .into_iter()
            .filter_map(|t| t.get("@id").cloned()),
    );
    let mut purpose = Map::new();
    purpose.insert("@id".into(), json!(iri(notice, "purpose", p.id.as_str())));
    purpose.insert("@type".into(), Value::Array(purpose_types));
    purpose.insert("rdfs:label".into(), json!(p.name));
    insert_opt(&mut purpose, "dct:description", p.description.as_ref());

    let mut bases = terms(&p.lawful_bases);
    for interest in &p.legitimate_interests {
        bases.push(json!({ "@type": "dpv:LegitimateInterest", "dct:description": interest }));
    }
    let used: Vec<&DataCategory> = notice
        .data_categories
        .iter()
        .filter(|c| p.categories.contains(&c.id))
        .collect();
    for c in &used {
        bases.extend(terms(&c.art9_conditions));
    }
    bases.dedup();

    let mut process = Map::new();
    process.insert("@id".into(), json!(iri(notice, "process", p.id.as_str())));
    process.insert("@type".into(), json!("dpv:Process"));
    process.insert("dpv:hasPurpose".into(), Value::Object(purpose));
    if !bases.is_empty() {
        process.insert("dpv:hasLegalBasis".into(), Value::Array(bases));
    }
    let data: Vec<Value> = categories
        .iter()
        .filter(|(id, _)| p.categories.contains(id))
        .map(|(_, v)| json!({ "@id": v["@id"] }))
        .collect();
    if !data.is_empty() {
        process.insert("dpv:hasPersonalData".into(), Value::Array(data));
    }
    let to: Vec<Value> = recipients
        .iter()
        .filter(|(id, _)| p.recipients.contains(id))
        .map(|(_, v)| json!({ "@id": v["@id"] }))
        .collect();
    if !to.is_empty() {
        process.insert("dpv:hasRecipient".into(), Value::Array(to));
    }
    if !controller_refs.is_empty() {
        process.insert(
            "dpv:hasDataController".into(),
            Value::Array(controller_refs.to_vec()),
        );
    }
    // Retention is attached to what it is about: rules for this purpose here, rules for data on the
    // data's node, rules for the whole notice on the notice.
    let kept = retention_refs(notice, |r| r.purposes.contains(&p.id));
    if !kept.is_empty() {
        process.insert("dpv:hasStorageCondition".into(), Value::Array(kept));
    }
    let mut qualifiers = p.qualifiers.clone();
    qualifiers.extend(p.basis_qualifiers.iter().copied());
    insert_qualifiers(&mut process, &qualifiers, words);
    Value::Object(process)
}

/// The process of one transfer abroad: where to and under which safeguards.
fn transfer_process(notice: &Notice, i: usize, t: &Transfer, words: &Catalogue) -> Value {
    let mut process = Map::new();
    process.insert("@id".into(), json!(iri(notice, "transfer", &i.to_string())));
    process.insert("@type".into(), json!("dpv:Process"));
    process.insert("dpv:hasProcessing".into(), json!({ "@id": "dpv:Transfer" }));
    let countries: Vec<Value> = t
        .destinations
        .iter()
        .map(|d| json!({ "@id": format!("loc:{d}") }))
        .collect();
    if !countries.is_empty() {
        process.insert("dpv:hasThirdCountry".into(), Value::Array(countries));
    }
    if !t.safeguards.is_empty() {
        process.insert(
            "dpv:hasLegalBasis".into(),
            Value::Array(terms(&t.safeguards)),
        );
    }
    insert_opt(&mut process, "dct:description", t.statement.as_ref());
    insert_qualifiers(&mut process, &t.qualifiers, words);
    Value::Object(process)
}

/// The lawful bases and Art. 9(2) conditions the notice states for itself as a whole, on the notice and
/// not on any one process, with the legitimate interests it names.
fn insert_notice_bases(doc: &mut Map<String, Value>, notice: &Notice, words: &Catalogue) {
    let stated: Vec<LawfulBasis> = notice.lawful_bases.iter().map(|b| b.basis).collect();
    let mut bases = terms(&stated);
    for b in &notice.lawful_bases {
        for interest in &b.legitimate_interests {
            let mut m = Map::new();
            m.insert("@type".into(), json!("dpv:LegitimateInterest"));
            m.insert("dct:description".into(), json!(interest));
            insert_qualifiers(&mut m, &b.interests_qualifiers, words);
            bases.push(Value::Object(m));
        }
    }
    if let Some(j) = &notice.special_category_conditions {
        bases.extend(terms(&j.art9_conditions));
    }
    if !bases.is_empty() {
        doc.insert("dpv:hasLegalBasis".into(), Value::Array(bases));
    }
}

/// The process of one automated decision: its logic, human involvement and consequences.
fn decision_process(notice: &Notice, a: &AutomatedDecision) -> Value {
    let mut processing = vec![json!({ "@id": "dpv:AutomatedDecisionMaking" })];
    if a.profiling {
        processing.push(json!({ "@id": "dpv:Profiling" }));
    }
    let mut process = Map::new();
    process.insert("@id".into(), json!(iri(notice, "decision", a.id.as_str())));
    process.insert("@type".into(), json!("dpv:Process"));
    process.insert("dpv:hasProcessing".into(), Value::Array(processing));
    process.insert("dct:description".into(), json!(a.description));
    if let Some(l) = &a.logic {
        process.insert(
            "dpv:hasAlgorithmicLogic".into(),
            json!({ "@type": "dpv:AlgorithmicLogic", "dct:description": l }),
        );
    }
    if let Some(h) = &a.human_involvement {
        process.insert(
            "dpv:hasHumanInvolvement".into(),
            json!({ "@type": "dpv:HumanInvolvementForIntervention", "dct:description": h }),
        );
    }
    let consequence: Vec<&String> = a.significance.iter().chain(a.consequences.iter()).collect();
    if !consequence.is_empty() {
        let list: Vec<Value> = consequence
            .iter()
            .map(|c| json!({ "@type": "dpv:Consequence", "dct:description": c }))
            .collect();
        process.insert("dpv:hasConsequence".into(), Value::Array(list));
    }
    Value::Object(process)
}

/// The organisations by their role in the notice: controllers, processors and representatives, and
/// the data protection officer.
fn insert_parties(
    doc: &mut Map<String, Value>,
    graph: &Graph<'_>,
    notice: &Notice,
    words: &Catalogue,
) {
    // Only a legal role the notice states becomes a DPV role; an organisation the notice names without
    // one (an "accountable organisation", the service that speaks as "we") is an entity and no more.
    let by_role = |roles: &[Option<PartyRole>]| -> Vec<Value> {
        notice
            .parties
            .iter()
            .filter(|p| roles.contains(&p.legal_role))
            .map(|p| {
                let mut v = organisation(graph, &p.organisation, p.legal_role, words);
                if let (Value::Object(m), Some(d)) = (&mut v, &p.described_as) {
                    m.insert("rdfs:comment".into(), json!(d));
                }
                v
            })
            .collect()
    };
    let slots = [
        (
            "dpv:hasDataController",
            &[
                Some(PartyRole::Controller),
                Some(PartyRole::JointController),
            ][..],
        ),
        ("dpv:hasDataProcessor", &[Some(PartyRole::Processor)][..]),
        (
            "dpv:hasRepresentative",
            &[Some(PartyRole::Representative)][..],
        ),
        ("dpv:hasEntity", &[None][..]),
    ];
    for (property, roles) in slots {
        let list = by_role(roles);
        if !list.is_empty() {
            doc.insert(property.into(), Value::Array(list));
        }
    }
    if let Some(id) = &notice.data_protection_contact
        && let Some(c) = contact(graph, id)
    {
        let is_dpo = graph
            .contact(id)
            .is_some_and(|c| c.role == ContactRole::DataProtectionOfficer);
        let property = if is_dpo {
            "dpv:hasDataProtectionOfficer"
        } else {
            "dpv:hasContact"
        };
        doc.insert(property.into(), c);
    }
}

/// The related notices and documents, by id where the file has them.
fn related_documents(notice: &Notice) -> Vec<Value> {
    notice
        .related
        .iter()
        .map(|r| {
            let mut m = Map::new();
            match (&r.notice, &r.url) {
                (Some(n), _) => m.insert("@id".into(), json!(format!("urn:noticec:{n}"))),
                (None, Some(u)) => m.insert("@id".into(), json!(u.as_str())),
                _ => None,
            };
            m.insert("@type".into(), json!(r.relation.dpv()));
            m.insert("dct:title".into(), json!(r.title));
            Value::Object(m)
        })
        .collect()
}

/// The JSON-LD as compact JSON safe inside an HTML `<script>` element: `<`, `>`, `&`, U+2028 and
/// U+2029 become `\u` escapes, which JSON parsers read back as the same characters.
pub fn script_safe(value: &Value) -> String {
    let text = serde_json::to_string(value).unwrap_or_default();
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_safe_escapes_closers() {
        let v = json!({ "t": "</script><b>&\u{2028}\u{2029}" });
        let s = script_safe(&v);
        assert!(!s.contains('<') && !s.contains('>') && !s.contains('&'));
        assert_eq!(serde_json::from_str::<Value>(&s).unwrap(), v);
    }
}

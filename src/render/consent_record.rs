//! A blank consent record beside each consent form: the shape of ISO/IEC TS 27560:2023 in W3C DPV
//! terms, as the DPV guide "Implementing ISO/IEC TS 27560:2023 consent records and receipts"
//! (<https://w3id.org/dpv/guides/consent-27560>) maps it, for a case system to copy and fill in when a
//! form comes back signed.
//!
//! It holds what the notice says and nothing more: the notice it was signed against (id, version,
//! content hash, language), one `dpv:Process` per tick box with the purpose and lawful bases the notice
//! links to it, who signs to give consent and how, and how to withdraw. What only the signed sheet can
//! tell is left blank (JSON `null`, which JSON-LD reads as no value): the record's own identifier, the
//! person, the date, and whether each box was ticked (`dpv:ConsentUnknown` until the case system says).
//! Where the notice is silent (a box with no purpose, a form with no withdrawal method) the field is
//! absent. The record claims no conformance (`dct:conformsTo`): a blank record cannot conform until it
//! is filled in.

use serde_json::{Map, Value, json};

use super::catalogue::Catalogue;
use super::jsonld::{contact, context, identifier, iri, terms};
use crate::graph::Graph;
use crate::model::*;

/// Builds the blank consent record of a notice's form; `None` when the notice has no form.
pub fn record(graph: &Graph<'_>, notice: &Notice, hash: &str, words: &Catalogue) -> Option<Value> {
    let form = notice.form.as_ref()?;
    let mut doc = Map::new();
    doc.insert("@context".into(), context());
    doc.insert("@type".into(), json!("dpv:ConsentRecord"));
    // Blank: each filled-in copy is a record of its own, with its own identifier.
    doc.insert("dct:identifier".into(), Value::Null);
    doc.insert(
        "dpv:hasDataSubject".into(),
        json!({ "@type": "dpv:DataSubject", "dct:identifier": null }),
    );
    doc.insert("dpv:hasNotice".into(), notice_node(notice, form, hash));
    if let Some(how) = &form.withdrawal {
        doc.insert("dpv:hasConsentControl".into(), withdrawal(graph, how));
    }
    if form.statements.is_empty() {
        doc.insert(
            "rdfs:comment".into(),
            json!(words.text("consent-record-no-choices")),
        );
    } else {
        let processes: Vec<Value> = form
            .statements
            .iter()
            .map(|s| choice(graph, notice, form, s, words))
            .collect();
        doc.insert("dpv:hasProcess".into(), Value::Array(processes));
    }
    Some(Value::Object(doc))
}

/// The notice the form is part of, as the form's footer names it: id, version, content hash and
/// language. A form with consent choices makes it a consent notice too.
fn notice_node(notice: &Notice, form: &ConsentForm, hash: &str) -> Value {
    let mut types = vec![json!(notice.kind.dpv())];
    if !form.statements.is_empty() && notice.kind.dpv() != "dpv:ConsentNotice" {
        types.push(json!("dpv:ConsentNotice"));
    }
    let mut m = Map::new();
    m.insert("@id".into(), json!(format!("urn:noticec:{}", notice.id)));
    m.insert("@type".into(), Value::Array(types));
    m.insert("dct:title".into(), json!(notice.title));
    m.insert("dct:identifier".into(), json!(identifier(notice, hash)));
    if let Some(v) = &notice.version {
        m.insert("dct:hasVersion".into(), json!(v));
    }
    m.insert(
        "schema:identifier".into(),
        json!([
            {
                "@type": "schema:PropertyValue",
                "schema:propertyID": "notice-id",
                "schema:value": notice.id.to_string(),
            },
            {
                "@type": "schema:PropertyValue",
                "schema:propertyID": "content-hash",
                "schema:value": hash,
            },
        ]),
    );
    m.insert("dct:language".into(), json!(notice.language.as_str()));
    Value::Object(m)
}

/// How to withdraw consent, as the notice says it: the contact to use and what to do.
fn withdrawal(graph: &Graph<'_>, how: &HowTo) -> Value {
    let mut m = Map::new();
    m.insert("@type".into(), json!("dpv:WithdrawConsent"));
    if let Some(text) = &how.instructions {
        m.insert("dct:description".into(), json!(text));
    }
    if let Some(c) = how.contact.as_ref().and_then(|id| contact(graph, id)) {
        m.insert("dpv:isExercisedAt".into(), c);
    }
    Value::Object(m)
}

/// Whether a signer gives consent by signing: the person and those who may speak for them. A support
/// worker or a witness signs to confirm something else, so is not said to indicate consent.
fn gives_consent(signer: Signer) -> bool {
    match signer {
        Signer::DataSubject
        | Signer::Parent
        | Signer::Guardian
        | Signer::Advocate
        | Signer::PersonOrRepresentative => true,
        Signer::SupportWorker | Signer::Witness => false,
    }
}

/// One tick box: what it says, the purpose it is for and that purpose's lawful bases where the notice
/// links them, how to withdraw it, and a blank consent status to be filled in from the signed sheet.
fn choice(
    graph: &Graph<'_>,
    notice: &Notice,
    form: &ConsentForm,
    statement: &ConsentStatement,
    words: &Catalogue,
) -> Value {
    let mut process = Map::new();
    process.insert("@type".into(), json!("dpv:Process"));
    process.insert("dct:identifier".into(), json!(statement.id.as_str()));
    process.insert("dct:description".into(), json!(statement.text));
    let purpose = statement
        .purpose
        .as_ref()
        .and_then(|id| notice.purposes.iter().find(|p| &p.id == id));
    if let Some(p) = purpose {
        let mut types = vec![json!("dpv:Purpose")];
        types.extend(
            terms(&p.kinds)
                .into_iter()
                .filter_map(|t| t.get("@id").cloned()),
        );
        process.insert(
            "dpv:hasPurpose".into(),
            json!({
                "@id": iri(notice, "purpose", p.id.as_str()),
                "@type": types,
                "rdfs:label": p.name,
            }),
        );
        let bases = terms(&p.lawful_bases);
        if !bases.is_empty() {
            process.insert("dpv:hasLegalBasis".into(), Value::Array(bases));
        }
        if let Some(how) = p.consent.as_ref().and_then(|c| c.withdraw.as_ref()) {
            process.insert("dpv:hasConsentControl".into(), withdrawal(graph, how));
        }
    }
    process.insert("dpv:hasConsentStatus".into(), status(form, purpose, words));
    Value::Object(process)
}

/// The blank consent status of one tick box: unknown until the case system records whether it was
/// ticked; when, blank; who gives it (the form's signers who consent) and how (on the paper form).
fn status(form: &ConsentForm, purpose: Option<&Purpose>, words: &Catalogue) -> Value {
    let mut m = Map::new();
    m.insert("@type".into(), json!("dpv:ConsentUnknown"));
    m.insert("dpv:isIndicatedAtTime".into(), Value::Null);
    let signers: Vec<Value> = form
        .signature_blocks
        .iter()
        .filter(|b| gives_consent(b.signer))
        .map(|b| json!({ "@type": b.signer.dpv(), "rdfs:label": words.label(b.signer) }))
        .collect();
    if !signers.is_empty() {
        m.insert("dpv:isIndicatedBy".into(), Value::Array(signers));
    }
    m.insert(
        "dpv:hasIndicationMethod".into(),
        json!(words.text("consent-record-method")),
    );
    if let Some(ends) = purpose
        .and_then(|p| p.consent.as_ref())
        .and_then(|c| c.ends.as_ref())
    {
        m.insert(
            "dpv:hasDuration".into(),
            json!({ "@type": "dpv:Duration", "dct:description": ends }),
        );
    }
    m.insert(
        "rdfs:comment".into(),
        json!(words.text("consent-record-status")),
    );
    Value::Object(m)
}

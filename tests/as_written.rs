//! A notice held exactly as its source says it (`tests/fixtures/good/as-written.yaml`): every output says
//! what the source says, where it says it only for the notice as a whole the outputs say so too, and no
//! output states anything more firmly than the source (no legal role it does not give, no qualifier
//! dropped, no consent on a form that asks for none, no version it does not state).

// Tests may panic: a failed unwrap or expect in a helper is a failed test.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::string_slice,
    clippy::indexing_slicing
)]

mod common;

use std::collections::BTreeMap;

use scraper::{Html, Selector};

const FIXTURE: &str = "tests/fixtures/good/as-written.yaml";

/// Every output of `path`, rendered in memory, by path. Lint findings are not this test's concern (the
/// fixture deliberately leaves gaps); only a structural error stops it.
fn render(path: &str) -> BTreeMap<String, String> {
    let file = common::checked(path)
        .notices
        .expect("the fixture is structurally valid");
    let words = noticec::render::Catalogue::en_gb().expect("catalogue");
    noticec::render::render_all(&file, &noticec::render::Templates::builtin(), &words)
        .expect("render")
        .into_iter()
        .filter(|o| !o.path.ends_with("pdf"))
        .map(|o| {
            (
                o.path.clone(),
                String::from_utf8(o.bytes().unwrap().to_vec()).expect("UTF-8"),
            )
        })
        .collect()
}

/// The fixture's outputs: the page's visible text, the plain text (line wraps collapsed), the form's
/// visible text, and the raw form and index.
struct Outputs {
    page: String,
    text: String,
    form: String,
    form_html: String,
    index: String,
    page_html: String,
}

fn outputs() -> Outputs {
    let all = render(FIXTURE);
    let get = |p: &str| {
        all.get(p)
            .unwrap_or_else(|| panic!("no output {p}"))
            .clone()
    };
    let page_html = get("as-written/index.html");
    let form_html = get("as-written/consent-form.html");
    Outputs {
        page: visible(&page_html),
        text: collapse(&get("as-written/notice.txt")),
        form: visible(&form_html),
        form_html,
        index: visible(&get("index.html")),
        page_html,
    }
}

/// Whitespace collapsed to single spaces.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text of an HTML page's `<body>`, whitespace collapsed.
fn visible(html: &str) -> String {
    let doc = Html::parse_document(html);
    let body = Selector::parse("body").unwrap();
    let text: Vec<&str> = doc.select(&body).flat_map(|b| b.text()).collect();
    collapse(&text.join(" "))
}

/// `text` without any whitespace, so markup between words (`<strong>name</strong>.`) cannot hide a
/// phrase.
fn squash(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Whether `text` says `phrase`, whatever the whitespace.
fn has(text: &str, phrase: &str) -> bool {
    squash(text).contains(&squash(phrase))
}

/// Asserts each of `facts` is in each named output.
fn says(outputs: &[(&str, &str)], facts: &[&str]) {
    for (name, text) in outputs {
        for fact in facts {
            assert!(has(text, fact), "{name} does not say `{fact}`:\n{text}");
        }
    }
}

// Ensures the lawful bases the notice states for itself as a whole are shown as such, with everything it
// says about each, and are never given to a purpose: a purpose without bases of its own prints no basis
// and no gap, and one with its own prints only those, with the hedge on them.
#[test]
fn notice_wide_bases_are_shown_for_the_notice_as_a_whole() {
    let o = outputs();
    let all = [
        ("page", o.page.as_str()),
        ("text", &o.text),
        ("form", &o.form),
    ];
    says(
        &all,
        &[
            "This notice gives these lawful bases for the notice as a whole.",
            "For the uses above that have no lawful basis of their own, it does not say which of these applies.",
            "We may rely on our legitimate interests.",
            "Keeping you safe",
            "Running an effective service",
            "The Care Act 2014",
            "Tell your support worker.",
            "When the support ends.",
            "A legal obligation we must meet; Our legitimate interests (Possibly)",
            "to meet regulatory requirements",
        ],
    );
    assert!(o.text.contains(
        "1. Helping you get support Note: Occasionally Information used: Your details 2. Meeting"
    ));
    for (name, text) in all {
        assert!(
            !has(text, "Lawful basis: Not stated") && !has(text, "Lawful basis Not stated"),
            "{name} gives a gap for a purpose the notice-wide bases cover"
        );
    }
}

// Ensures no output gives an organisation a legal role the notice does not state: the words the notice
// gives it are quoted as its own, and the summary names the organisation the notice speaks as first.
#[test]
fn no_legal_role_is_printed_that_the_notice_does_not_state() {
    let o = outputs();
    let all = [
        ("page", o.page.as_str()),
        ("text", &o.text),
        ("form", &o.form),
    ];
    for (name, text) in all {
        let lower = text.to_lowercase();
        for role in ["controller", "processor", "representative"] {
            assert!(!lower.contains(role), "{name} says `{role}`");
        }
    }
    says(
        &all,
        &[
            "Described in this notice as \"our accountable organisation\".",
            "Described in this notice as \"service provider\", for Example County Council.",
        ],
    );
    says(
        &[("page", &o.page), ("text", &o.text)],
        &[
            "This notice is from Helping Hands (service provider for Example County Council). Also named in this notice: Example County Council (our accountable organisation).",
        ],
    );
}

// Ensures every qualifier the notice puts on a statement is printed with it, in the full sections and in
// the summary, so nothing reads more firmly than the notice.
#[test]
fn qualifiers_are_never_dropped() {
    let o = outputs();
    says(
        &[("page", &o.page), ("text", &o.text), ("form", &o.form)],
        &[
            "Other organisations. Only with your consent.",
            "The police. Only when the law requires it. Occasionally.",
            "Protecting someone's life (Occasionally): In an emergency.",
            "Occasionally; Possibly",
            "This list is not complete",
        ],
    );
    says(
        &[("page", &o.page), ("text", &o.text)],
        &[
            "Your details (possibly)",
            "Helping you get support (occasionally)",
            "Meeting our legal duties (a legal obligation we must meet, our legitimate interests; possibly)",
            "The police (only when the law requires it; occasionally)",
        ],
    );
}

// Ensures what the notice says only as a whole or in its own words is printed: the confidentiality promise
// with its exceptions, the notice-wide justification of special category data (with no gap for the
// categories it covers), justifications that are not Art. 9(2) conditions, and the retention schedule.
#[test]
fn confidentiality_special_category_data_and_schedules_are_printed() {
    let o = outputs();
    let all = [
        ("page", o.page.as_str()),
        ("text", &o.text),
        ("form", &o.form),
    ];
    says(
        &all,
        &[
            "Keeping what you tell us confidential",
            "We will not share what you tell us without consent",
            "Unless:",
            "we believe you or someone else might be in danger",
            "there is a legal requirement for us to share it",
            "We will tell you if we have to do this.",
            "What this notice says about its special category data as a whole:",
            "We only use sensitive information where the law allows.",
            "Health or social care (UK GDPR Art. 9(2)(h))",
            "to give you the right support",
            "What the notice gives as its justification",
            "where it is necessary for housing purposes",
            "Retention schedule",
            "our retention schedule",
            "the council's schedule",
        ],
    );
    for (name, text) in all {
        assert!(
            !has(text, "Condition for special category data: Not stated")
                && !has(text, "Condition for special category data Not stated"),
            "{name} gives a gap the notice-wide conditions cover"
        );
    }
    let page = Html::parse_document(&o.page_html);
    let link = Selector::parse("a[href=\"https://helping-hands.example/retention\"]").unwrap();
    let words: String = page
        .select(&link)
        .next()
        .expect("the schedule's link")
        .text()
        .collect();
    assert_eq!(words, "our retention schedule");
    assert!(o.text.contains(
        "Retention schedule: our retention schedule https://helping-hands.example/retention"
    ));
}

// Ensures a notice that states no version is traced by its id and content hash alone: no version is
// printed anywhere, the footers and the form's reference carry the hash, and the index says the version
// is not stated.
#[test]
fn an_unversioned_notice_is_traced_by_its_id_and_hash() {
    let o = outputs();
    let hash = o
        .text
        .rsplit_once("as-written, content hash ")
        .map(|(_, h)| h.trim().to_owned())
        .expect("the text footer");
    assert_eq!(hash.len(), 12, "{hash}");
    for (name, text) in [
        ("page", o.page.as_str()),
        ("text", &o.text),
        ("form", &o.form),
    ] {
        assert!(!text.contains("Version"), "{name} prints a version");
        assert!(!text.contains("version"), "{name} prints a version");
    }
    assert!(
        o.page
            .contains(&format!("as-written, content hash {hash}."))
    );
    assert!(
        o.form
            .contains(&format!("Form: as-written, content hash {hash}."))
    );
    assert!(
        o.form
            .contains(&format!("as-written · content hash {hash}"))
    );
    assert!(o.form_html.contains(&format!(
        "content: \"as-written \\0000b7  content hash {hash}\";"
    )));
    // The index leaves the version and date cells empty: it claims nothing the notice does not state.
    assert!(o.index.contains("Helping Hands Privacy Promise"));
    assert!(!o.index.contains("Not stated"));
}

/// The heading of a form's signature section.
fn sign_heading(form_html: &str) -> String {
    let doc = Html::parse_document(form_html);
    let h = Selector::parse("section.sign-here h2").unwrap();
    let heading: String = doc.select(&h).next().expect("a heading").text().collect();
    heading.trim().to_owned()
}

// Ensures a form that asks for no consent is not headed as consent, and prints what signing acknowledges
// in the form's words; a form with consent choices keeps its consent heading.
#[test]
fn the_signature_heading_follows_what_the_form_asks() {
    let o = outputs();
    assert_eq!(sign_heading(&o.form_html), "Signature");
    assert!(!o.form.contains("Your consent and signature"));
    let ack = o
        .form
        .find("I have been given this Privacy Promise.")
        .expect("the acknowledgement");
    let block = o
        .form
        .find("Signed by the person receiving support")
        .expect("the signature block");
    assert!(
        ack < block,
        "the acknowledgement comes before the signature block"
    );
    assert!(o.text.contains("I have been given this Privacy Promise."));

    let complete = render("tests/fixtures/good/complete.yaml");
    let form = complete
        .iter()
        .find(|(p, _)| p.ends_with("/consent-form.html"))
        .map(|(_, f)| f)
        .expect("the complete example's form");
    assert_eq!(sign_heading(form), "Your consent and signature");
}

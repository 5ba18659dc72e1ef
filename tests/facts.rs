//! The facts of each source document, as every output of its notice must say them.
//!
//! The five published notices in the shared seeds (`seeds/000_*.txt` to `seeds/004_*.txt`) were transcribed
//! into `notices.yaml`. For each, the lists below are written by hand from the source: names of
//! controllers and services, contact details, dates, periods, lawful bases, categories, sources,
//! recipients, systems and what each is for. Every fact must appear, as rendered (`7 March 2023`,
//! `90 days`, `Our legitimate interests`), in the committed HTML page `out/<id>/index.html` (its visible text,
//! unescaped, whitespace collapsed) and in `out/<id>/notice.txt` (whitespace and line wraps collapsed).
//! A notice printed as a form must say them on the form too.
//!
//! A fact that is in a source but missing from the outputs is a failure of the transcription or the
//! templates, never a reason to drop it from these lists.

// Tests may panic: a failed unwrap or expect in a helper is a failed test.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::string_slice,
    clippy::indexing_slicing
)]

mod common;

use std::path::Path;

use scraper::{ElementRef, Html, Node, Selector};

use common::ROOT;

/// Reads a committed output file.
fn output(path: &str) -> String {
    let full = Path::new(ROOT).join("out").join(path);
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("read {}: {e}", full.display()))
}

/// Elements that start a new line when a browser lays out text.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "caption",
    "dd",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "label",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "section",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// The visible text of an HTML page's `<body>`, unescaped, with a space between blocks (as a browser
/// lays them out) and whitespace collapsed.
fn visible_text(html: &str) -> String {
    fn walk(element: ElementRef<'_>, out: &mut String) {
        for child in element.children() {
            match child.value() {
                Node::Text(t) => out.push_str(t),
                Node::Element(e) if matches!(e.name(), "script" | "style" | "template") => {}
                Node::Element(e) => {
                    let block = BLOCKS.contains(&e.name());
                    if block {
                        out.push(' ');
                    }
                    if let Some(el) = ElementRef::wrap(child) {
                        walk(el, out);
                    }
                    if block {
                        out.push(' ');
                    }
                }
                _ => {}
            }
        }
    }
    let document = Html::parse_document(html);
    let body = Selector::parse("body").unwrap();
    let mut text = String::new();
    for b in document.select(&body) {
        walk(b, &mut text);
    }
    collapse(&text)
}

/// Plain text with its word wrapping undone: a line break after a hyphen or a slash (where the wrapper
/// may break a word or a link) is removed, then all whitespace collapses to single spaces.
fn unwrapped_text(text: &str) -> String {
    let mut joined = String::with_capacity(text.len());
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        joined.push_str(line);
        if lines.peek().is_some() {
            if line.ends_with('-') || line.ends_with('/') {
                // The next line's indent is collapsed below; strip it here so the word is whole.
                if let Some(next) = lines.peek_mut() {
                    *next = next.trim_start();
                }
            } else {
                joined.push('\n');
            }
        }
    }
    collapse(&joined)
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The targets of every `<a href>` in an HTML page.
fn link_targets(html: &str) -> Vec<String> {
    let document = Html::parse_document(html);
    let a = Selector::parse("a[href]").unwrap();
    document
        .select(&a)
        .filter_map(|e| e.attr("href").map(str::to_owned))
        .collect()
}

/// Checks every fact appears in the notice's page and text (and form, when it has one), and lists every
/// missing fact with the file it is missing from. A web address may be a link in HTML (its target is
/// what a reader follows, and what the print style sheet prints after the link text); in plain text it
/// must be written out.
fn check_facts(id: &str, facts: &[&str]) {
    check_facts_and_links(id, facts, &[]);
}

/// [`check_facts`], with web addresses that must be linked in HTML and written out in text.
fn check_facts_and_links(id: &str, facts: &[&str], links: &[&str]) {
    let mut outputs = vec![
        (
            format!("{id}/index.html"),
            visible_text(&output(&format!("{id}/index.html"))),
        ),
        (
            format!("{id}/notice.txt"),
            unwrapped_text(&output(&format!("{id}/notice.txt"))),
        ),
    ];
    let form = Path::new(ROOT).join(format!("out/{id}/consent-form.html"));
    if form.exists() {
        outputs.push((
            format!("{id}/consent-form.html"),
            visible_text(&output(&format!("{id}/consent-form.html"))),
        ));
    }
    let mut missing = Vec::new();
    for fact in facts {
        for (path, text) in &outputs {
            if !text.contains(fact) {
                missing.push(format!("{path}: {fact:?}"));
            }
        }
    }
    for link in links {
        for (path, text) in &outputs {
            let present = if Path::new(path).extension().is_some_and(|e| e == "html") {
                link_targets(&output(path)).iter().any(|t| t == link) || text.contains(link)
            } else {
                text.contains(link)
            };
            if !present {
                missing.push(format!("{path}: link {link:?}"));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "{} facts of the source are missing from the outputs:\n  {}",
        missing.len(),
        missing.join("\n  ")
    );
}

// Source 000 -------------------------------------------------------------------------------------------

// Ensures every fact of source 000 (LiveWest "Community events and community connectors") is in the
// outputs of `livewest-community-connectors`.
#[test]
fn source_000_community_connectors() {
    check_facts(
        "livewest-community-connectors",
        &[
            "Community events and community connectors",
            "LiveWest",
            // Read alongside the main notice.
            "LiveWest's customers and members of the public privacy notice",
            // What the service is and who it covers.
            "community empowerment service",
            "opted in to become involved in any LiveWest events and projects",
            "promote future events or projects",
            "Community Connectors can carry out work in the community",
            // Lawful bases.
            "Our legitimate interests",
            "A legal obligation we must meet",
            "Your consent",
            "to meet regulatory requirements",
            // Sources, and that the list is not exhaustive.
            "Directly from the customer",
            "Name, address and contact details held in housing management systems",
            "feedback provided during customer research",
            "LiveWest may collect data from additional sources if legally allowed to do so",
            // What is held.
            "Basic personal data such as names and addresses",
            "Customer contact details",
            "Notes from community event meetings",
            "Photographs from community events",
            "On occasions LiveWest may hold additional personal data if it is legal to do so",
            // Sharing.
            "Partner organisations who are working with LiveWest to deliver community activities in the area",
            "There may be other occasions where LiveWest shares data",
            "This will only be done if legally allowed to do so",
            // Promoting the work in the area.
            "LiveWest may occasionally contact customers to promote the work being done in the local area",
            "Contact will only be made if there is a lawful basis to do so",
            // Withdrawing consent.
            "Consent can be withdrawn at any time",
            "Community Connectors team",
            "communityconnectorsteam@livewest.co.uk",
            // Retention.
            "as long as the project is active",
            "deleted or securely destroyed",
            "forms part of ongoing customer files",
            "Consent will automatically end when the project is completed",
        ],
    );
}

// Source 001 -------------------------------------------------------------------------------------------

// Ensures every fact of source 001 (LiveWest Customer Privacy Notice) is in the outputs of
// `livewest-customer`.
#[test]
#[expect(clippy::too_many_lines, reason = "one list of the source's facts")]
fn source_001_livewest_customer() {
    check_facts(
        "livewest-customer",
        &[
            "LiveWest Customer Privacy Notice",
            // Updated February 2023; the page was last updated on 7 March 2023.
            "7 March 2023",
            // Introduction.
            "We are committed to protecting your data and your privacy",
            "should be read alongside this main privacy notice",
            // The additional notices.
            "Customers who rent a home from us",
            "Customers who have a shared ownership home",
            "Customers purchasing or looking to purchase a home",
            "Customers living in a property with a LiveWest leasehold",
            "Customers renting a garage from us",
            "Customers living in supported, sheltered or extra care accommodation",
            "Customers receiving our tenancy sustainment service",
            "Community events and community connectors",
            "Our customer research and engagement work",
            "Under 18s and children",
            "Your rights",
            // Changes, feedback.
            "amended occasionally to reflect changes in legislation",
            "communications@livewest.co.uk",
            // Overseas transfers.
            "Most of our data processing is undertaken in the UK",
            "some systems we use may be based internationally",
            "in compliance with data protection laws",
            "externally provided IT systems which involve international transfers of data",
            // Responsibilities.
            "Use your personal data fairly, lawfully and in a clear and transparent way.",
            "Only use your personal data for the purpose for which it was collected.",
            "Collect, use, and store the minimum amount of data needed to meet our purpose.",
            "Ensure accuracy of the data we collect and hold.",
            "Keep data in line with LiveWest retention rules and regulatory requirements.",
            "Ensure that we have appropriate security measures in place to safeguard the data that we hold.",
            // Why.
            "efficient and high-quality service to our customers, communities, and members of the public",
            "Housing Ombudsman Service",
            // What is held.
            "Personal details",
            "name, address, date of birth",
            "Your contact details",
            "Equality and diversity information",
            "ethnic origin, sexual orientation, health, disability",
            "support needs, health conditions",
            "Contact details for support services that may be working with you",
            "Information relating to your rent account",
            "Recordings of some telephone calls",
            "Photographs or images on CCTV footage",
            "Feedback provided through our customer research",
            "Records of your contacts with us",
            // Lawful bases, and the one not relied on.
            "A contract with you",
            "Our legitimate interests",
            "Protecting someone's life",
            "A legal obligation we must meet",
            "Your consent",
            "A task in the public interest",
            "We are not a public authority",
            // Contract.
            "tenancy agreement, leasehold agreement or other contract",
            "Managing your rent account or payments.",
            "Managing the maintenance of our properties.",
            "Managing tenancies and licences to ensure that conditions are met, such as managing anti-social behaviour.",
            "Fulfilling other duties as a landlord.",
            // Legitimate interests.
            "in the interests of LiveWest and our customers",
            "take account of any impacts on privacy or other interests which would weigh against us using the information",
            "except when the processing of the data would override the interests of our customers",
            "To prevent or detect crime.",
            "Conducting research to help improve our services, and to better understand the needs of our customers and their communities.",
            "To inform utility companies and council tax departments of occupants, occupancy dates, forwarding addresses and meter readings to ensure accurate billing.",
            "Carrying out checks for fraud prevention.",
            // Vital interests, legal obligation, consent.
            "In an emergency and in the interests of health, wellbeing, and safety",
            "We may share your information with the emergency services",
            "provide evidence or information to the courts",
            "evidence or information to the courts, our regulators",
            "to meet our obligations set out by our regulators",
            "Housing Ombudsman Scheme",
            "under housing law",
            "'prefer not to say'",
            "particularly if we need to obtain and hold special category data",
            "the option not to provide the information in question, or to refuse to agree to our use of it",
            "photographs of you taken at a LiveWest event",
            // When and where data is collected.
            "As part of the lettings or sales process",
            "choice-based lettings, government schemes",
            "When a household member contacts us",
            "housing management process, including the management of your rent account",
            "Third party organisations working on your behalf",
            "Your feedback provided during customer research",
            "There may be circumstances where we may collect your personal data legally outside of this list.",
            // Main sources.
            "Yourself",
            "Other people in your home",
            "Your neighbours",
            "Our colleagues and systems",
            "Other agencies we work with",
            "local authorities involved in housing or benefits",
            // Uses.
            "Housing management, including letting and selling homes, and managing anti-social behaviour",
            "Rent collection, housing benefit and collection of service charges",
            "Ensuring billing is correct for utility companies and council tax departments",
            "Recovering debt, including outstanding rent and repair recharges",
            "Repair and maintenance of homes and other facilities",
            "Meeting your health and support needs",
            "Regulatory purposes such as meeting housing regulatory requirements",
            "Research and customer insight purposes",
            "Prevention and detection of crime",
            "Equal opportunities monitoring",
            // Who sees it.
            "Usually only our colleagues see your personal data, and only when it is needed to be known",
            "Colleagues from other companies in the LiveWest group",
            "registered with the Information Commissioner",
            "Our contractors",
            "Agents such as our legal advisers",
            "Agents contracted to carry out services on our behalf, including customer research",
            "Other social and private landlords",
            "Local authorities",
            "Council Tax and benefits departments",
            "Government departments",
            "the Housing Ombudsman, through membership of the scheme",
            "the Health & Safety Executive",
            "Information Commissioner's Office",
            "The police",
            "Local authorities and utility companies",
            "moving in and moving out process",
            "tenancy start and end dates, and forwarding address",
            "data sharing agreements and protocols in place",
            "use your personal data for their own purposes",
            // Lawful bases for sharing.
            "The lawful bases for sharing your information with others are",
            "legitimate interests of our customers or colleagues",
            "we will seek your consent before we share your data",
            "one or more of the additional conditions for processing this type of data",
            // Access.
            "subject access request",
            "Your Rights section",
            "Information Commissioner's Office website",
            // Special category data.
            "racial or ethnic origin",
            "political opinion",
            "religious or philosophical beliefs",
            "trade union membership",
            "physical or mental health conditions",
            "sexual orientation",
            "Provide support due to sickness or disability.",
            "Safeguard and protect vulnerable people.",
            "Provide support with finances or benefits.",
            "Help with employment or training.",
            "Support families and children's needs.",
            "To promote social inclusion.",
            "health care, such as GPs or mental health services",
            "monitor equal opportunities for statistical purposes",
            "this does not relate to an individual person",
            "only seen by LiveWest colleagues on a need to know basis",
            "necessary for housing purposes, to establish, exercise or defend legal rights, or there is a substantial public interest",
            "where you are incapable of giving consent",
            "we do not routinely request your consent",
            "without obtaining consent",
            "Using your special category data is normally done with your knowledge",
            // Criminal convictions.
            "criminal convictions and offences",
            "appropriate to do so given the nature of the service that we provide",
            "Substantial public interest",
            "Legal claims",
            // Photographs and publicity.
            "We would only identify you specifically in pictures with your permission",
            "Group photographs at company events",
            "newsletters, on our website or on social media",
            "advise the person taking the photograph",
            "removed from display",
            // CCTV.
            "Surveillance Camera Commissioner's code of practice",
            "3 months",
            "Normally 3 months",
            "legitimate reason to view it",
            "Customers are not permitted to access LiveWest CCTV footage",
            "public areas within our offices",
            "health, safety and security of all colleagues and visitors",
            // Marketing.
            "Marketing of LiveWest properties",
            "marketing updates",
            "We will only contact you regarding the properties that you have expressed an interest in",
            "opt-in to receive marketing information regarding developments in your area",
            "Sales team",
            "0800 027 9801",
            "newhomes@livewest.co.uk",
            // Security.
            "physical, electronic, and managerial procedures",
            "password",
            "verify your identity",
            "Without this, we will not be able to discuss your account",
            // Retention.
            "retention schedule",
            "Different types of data are kept for varying lengths of time",
            "based on regulatory and legal requirements",
            "90 days",
            "abusive",
            "complaints have been raised",
            "business need",
            "senior manager",
            // The website.
            "Google Analytics",
            "cookie",
            "The cookie contains no personally-identifiable information",
            "where in the world you are accessing the site from",
            "IP address",
            "postcode",
            "housing officer",
            "Twitter or YouTube",
            "privacy statement applicable to the website in question",
            "we no longer have control of your personal data",
            // Calls.
            "Calling Line Identification (CLI)",
            "improve efficiency and effectiveness",
            "Recording calls made to and from our Customer Service team",
            "Secure call recording system",
            "improve the quality of the service provided to our customers, and to support colleagues in carrying out their role",
            "recordings will not include any personal details that identify the caller, unless those involved on the recording have given consent",
            "Monitoring of call recordings will only be undertaken by authorised personnel",
            "investigation of complaints",
            "establish, exercise and defend legal rights",
            "team leader or senior manager",
            "private setting",
            "mobile phone then the call will not be recorded",
            // Contact through the website, email or social media.
            "transferred into the relevant housing management system",
            "repairs request",
            "contact log",
            "social media",
            // Visiting the offices.
            "car registration number",
            "Fire safety",
            "sign in and out book in our reception area",
            // Contact us.
            "data.protection@livewest.co.uk",
            "0300 123 8080",
            "1 Wellington Way",
            "Exeter",
            "EX5 2FZ",
            "If you have any concerns about how we handle your personal data",
            "data protection officer",
            "raise a concern",
        ],
    );
}

// Source 002 -------------------------------------------------------------------------------------------

// Ensures every fact of source 002 (the LiveWest news item of 25 May 2023) is in the outputs of
// `livewest-customer-summary`.
#[test]
fn source_002_livewest_customer_summary() {
    check_facts(
        "livewest-customer-summary",
        &[
            "Understanding how we use customers' personal information",
            "25 May 2023",
            "LiveWest",
            "We have recently updated our privacy notice",
            "explains how and why we collect data, as well as how we look after it",
            "best service possible",
            "range of privacy notices depending on the service they receive from us",
            "LiveWest Customer Privacy Notice",
            "Customers who rent a home from us",
            "Customers renting a garage from us",
            "Customers living in supported, sheltered or extra care accommodation",
            "Under 18s and children",
            "high-quality service to customers as their landlord",
            "There must be a lawful reason for us collecting any personal information",
            "Name and contact details",
            "Equality and diversity information such as disability",
            "Details of their rent account",
            "When letting or buying a LiveWest home",
            "When contacting us",
            "Customer research we collect",
            "We only use customer data when it is necessary",
            "only accessed by colleagues who need to use it to provide a service",
            "local authorities for council tax purposes",
            "council tax purposes",
            "Other organisations or companies",
            "Data Protection Act 2018",
            "UK General Data Protection Regulation (GDPR)",
            "normally known as GDPR",
            "access to the data held about them",
            "deleted",
            "updated",
            "Data Protection team",
            "data.protection@livewest.co.uk",
            "0300 123 8080",
        ],
    );
}

// Source 003 -------------------------------------------------------------------------------------------

// Ensures every fact of source 003 (the Live Well Kent Partner Privacy Promise) is in the outputs of
// `live-well-kent`, its printed form included. (The Name / Signature / Date block is checked on the
// text and the form below; the web page has a link to the form instead.)
#[test]
fn source_003_live_well_kent() {
    check_facts_and_links(
        "live-well-kent",
        &[
            "Partner Privacy Promise",
            "this Privacy Promise tells you all about why we need your information, how we look after it, and what we do with it",
            "When you give us your information we want you to understand what we do with it",
            "Live Well Kent",
            "Porchlight",
            // The controller, its registration and its DPO.
            "Kent County Council",
            "Data controller",
            "Kent County Council are the data controller for the support service you are accessing",
            "Z5297748",
            "Information Commissioner",
            "Data Protection Officer",
            "Sessions House, County Hall, Maidstone, Kent",
            "ME14 1XQ",
            "dpo@kent.gov.uk",
            // Why and how.
            "record information about you based on what you tell us",
            "know what support you need, keep track of the support we have given you and how this has helped you",
            "other organisations which can also help",
            "You can receive this support directly from Live Well Kent",
            "other services run by Porchlight",
            "external services who are specialists in areas where you might need support",
            "Other people who are helping you",
            "check what they have told us with you to make sure it's correct",
            "We will always ask for your consent if we have to ask for your information from other organisations",
            "We will always ask for your consent if other organisations ask us to share your information with them",
            "anonymously for reporting",
            "helps us to make our services better",
            // Retention.
            "contractually required to keep a record of everyone we work with",
            "Up to 12 years",
            "after your service with us ends",
            "Until your 75th birthday",
            "75th birthday",
            "If you've been in care",
            // Where it is kept.
            "Salesforce",
            "secure database",
            "only people who are allowed to can see your records",
            // Rights.
            "see what information we have about you",
            "correct any information that is wrong",
            "delete information if you don't want us to keep it",
            "speak to your support worker",
            // Lawful basis and not providing data.
            "Our legitimate interests",
            "provide an effective service which is suitable to your needs and is safe for you and your support worker",
            "we may be limited in how we can help you",
            // Categories.
            "name, date of birth, address and contact details",
            "Sensitive personal information",
            "ethnicity, religion, sexual orientation, other things that tell us more about you",
            "based on the service that you are part of and the paperwork that you are completing",
            "your support worker can tell you more about these",
            // Recipients.
            "The organisations that fund our services",
            "see the impact of the work we do",
            "check the quality of the services we provide",
            "We will not share what you tell us without consent",
            "We believe you or someone else might be in danger",
            "There is a legal requirement for us to share it",
            "break confidentiality",
            "we will tell you if we have to do this",
            // Transfers.
            "stored within the European Union (EU)",
            "outside the EU",
            "secure way",
            "agreement in place with the country the information is being sent to",
            // Automated decisions.
            "automated decision making",
            "nearest support service to you",
            "entered manually by our staff",
            "change the result if they need to",
        ],
        &[
            "https://www.kent.gov.uk/about-the-council/contact-us/access-to-information/gdpr-privacy-notices/adult-socialcare-and-health/general-notice-to-cover-adult-socialcare-and-health",
        ],
    );
}

// Ensures the Live Well Kent text ends with the signature block of the paper original: a heading, then
// Name (please print), Signature and Date, in that order, each with a line to write on.
#[test]
fn source_003_text_has_the_signature_block() {
    let text = output("live-well-kent/notice.txt");
    let heading = text
        .find("Signed by the person receiving support")
        .expect("the signature block's heading");
    let mut at = heading;
    for label in ["Name (please print):", "Signature:", "Date:"] {
        let found = text[at..]
            .find(label)
            .unwrap_or_else(|| panic!("`{label}` follows the previous field"));
        at += found;
        let line = text[at..].lines().next().unwrap();
        assert!(
            line.contains("__________"),
            "`{label}` has a line to write on: {line:?}"
        );
        at += label.len();
    }
}

// Ensures the Live Well Kent form has one signature block for the person receiving support, with the
// fields Name (please print), Signature and Date in that order, each with a line to write on.
#[test]
fn source_003_form_has_the_signature_block() {
    let html = Html::parse_document(&output("live-well-kent/consent-form.html"));
    let block = Selector::parse(".signature-block").unwrap();
    let heading = Selector::parse("h3").unwrap();
    let field = Selector::parse(".field").unwrap();
    let label = Selector::parse(".label").unwrap();
    let line = Selector::parse(".line").unwrap();
    let blocks: Vec<_> = html.select(&block).collect();
    assert_eq!(blocks.len(), 1, "one signature block");
    let title: String = blocks[0]
        .select(&heading)
        .next()
        .expect("a heading")
        .text()
        .collect();
    assert_eq!(title.trim(), "Signed by the person receiving support");
    let fields: Vec<(String, bool)> = blocks[0]
        .select(&field)
        .map(|f| {
            let name: String = f.select(&label).flat_map(|l| l.text()).collect();
            (name.trim().to_owned(), f.select(&line).next().is_some())
        })
        .collect();
    assert_eq!(
        fields,
        vec![
            ("Name (please print)".to_owned(), true),
            ("Signature".to_owned(), true),
            ("Date".to_owned(), true),
        ]
    );
}

// Source 004 -------------------------------------------------------------------------------------------

// Ensures every fact of source 004 (Improvement and Efficiency West Midlands) is in the outputs of `iewm`.
#[test]
fn source_004_iewm() {
    check_facts(
        "iewm",
        &[
            "Improvement and Efficiency West Midlands Privacy Notice",
            "29 January 2019",
            "Worcestershire County Council",
            "in conjunction with Worcestershire County Council",
            "Full Privacy Notice",
            "accountable organisation, acting on behalf of the West Midlands authorities",
            // Purposes.
            "manage and administer the Improvement and Efficiency West Midlands Service either directly or jointly with partners and commissioned private and third sector providers",
            "Administration and management of Improvement and Efficiency West Midlands Service events",
            "Development and administration of professional networks",
            "Association of Directors of Adult Social Services (ADASS)",
            "opted to receive information with explicit consent",
            "IEWM Newsletter",
            "Blogs and website articles produced by IEWM on programme and industry related topics",
            "Trade Articles – news/articles featuring IEWM programme, product, policy or procedure",
            "Event information – news of upcoming events",
            // Personal data.
            "relevant to individual cases which may include, but is not limited to",
            "Name",
            "Telephone Number",
            "Email Address",
            // Lawful bases.
            "Your consent",
            "has given clear consent to process their personal data for a specific purpose",
            "A contract with you",
            "necessary for a contract with the individual, or because they have asked you to take specific steps before entering into a contract",
            // Sharing: the source's section stops mid-sentence, but says this much.
            "We may need to share the personal information you have given to us or we've collected",
            // Changes.
            "We keep this Privacy Notice under regular review and we will place any updates on this web page",
        ],
    );
}

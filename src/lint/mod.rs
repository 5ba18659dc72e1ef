//! Stage 3, lint: is each notice complete and lawful-looking? Every item UK GDPR Art. 13 and 14 requires
//! is a coded rule; so are the contradictions between rights and lawful bases, special category and
//! criminal offence data without their conditions, and the habits that keep notices trustworthy.
//!
//! Each rule's code, name, severity and provision are declared once, in the code table
//! (`crate::diagnostics::codes`), and its long explanation in `docs/<code>.md`; [`registry::RULES`] pairs
//! each code with its check, which lives in the file for its group. A notice, or the whole file, can allow a rule with a
//! reason, like clippy's `#[allow]`.

mod controller;
mod data;
mod decisions;
mod meta;
mod purposes;
pub mod registry;
mod retention;
mod rights;
mod select;
mod sharing;

use std::collections::BTreeSet;

pub use select::{SelectError, Selection};

use crate::diagnostics::{Code, Diagnostic, Report};
use crate::graph::Graph;
use crate::load::Document;
use crate::model::*;

pub use registry::RULES;

/// One lint rule: its code (which carries its name, severity, provision and explanation) and its check.
#[derive(Debug)]
pub struct Rule {
    /// Stable code, never reused (`N401`).
    pub code: Code,
    /// What the rule checks.
    pub check: Check,
}

/// How a rule is checked.
#[derive(Debug, Clone, Copy)]
pub enum Check {
    /// Once per notice.
    Notice(fn(&Ctx<'_>, &mut Vec<Finding>)),
    /// Once per file, on the allow lists (see `meta::allow_findings`).
    Allows,
    /// Only with `check --since REV`, on the changes since that version (see [`since`]).
    Since,
}

/// What a rule found, before it becomes a diagnostic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The JSON pointer of the node it is about.
    pub pointer: String,
    /// What is wrong, lowercase, no full stop.
    pub message: String,
    /// The likely fix.
    pub help: Option<String>,
}

impl Finding {
    /// A finding at `pointer`.
    pub fn new(pointer: impl Into<String>, message: impl Into<String>) -> Finding {
        Finding {
            pointer: pointer.into(),
            message: message.into(),
            help: None,
        }
    }

    /// Adds the fix.
    pub fn help(mut self, help: impl Into<String>) -> Finding {
        self.help = Some(help.into());
        self
    }
}

/// How many months after its last update a notice counts as out of date, unless told otherwise.
pub const DEFAULT_MAX_AGE_MONTHS: i32 = 24;

/// A place where a notice relies on a lawful basis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reliance {
    /// How the notice states it.
    pub via: Via,
    /// The JSON pointer of the statement (`/notices/0/purposes/2/lawful_bases/0`).
    pub pointer: String,
    /// What relies on it, in words (``purpose `newsletter` ``, `the notice as a whole`).
    pub what: String,
}

/// How a notice states that it relies on a lawful basis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Via {
    /// In a purpose's `lawful_bases:`.
    PurposeBasis,
    /// In the notice's `lawful_bases:`, for the notice as a whole.
    NoticeBasis,
    /// In `sharing_bases:`.
    SharingBasis,
    /// A `with_consent` qualifier ("only with your consent").
    WithConsent,
    /// A consent statement on the form.
    FormStatement,
    /// Explicit consent under Art. 9(2)(a).
    ExplicitConsent,
}

/// Settings for the lint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LintOptions {
    /// The date "today" is, for the age of notices. The caller gives it (the command line reads the
    /// clock or `--today`), so the library never reads the clock and a check is repeatable.
    pub today: jiff::civil::Date,
    /// A notice last updated longer ago than this many months gets a note. A period that is not
    /// positive, or reaches outside the calendar from `today`, turns the note off.
    pub max_age_months: i32,
    /// The rules that run (`--select`, `--ignore`); every rule by default.
    pub rules: Selection,
}

/// What a rule sees: one notice, the file it is in, and the options.
pub struct Ctx<'a> {
    /// The whole file.
    pub file: &'a NoticeFile,
    /// The file's resolved references.
    pub graph: &'a Graph<'a>,
    /// The notice being checked.
    pub notice: &'a Notice,
    /// The notice's JSON pointer (`/notices/3`).
    pub at: String,
    /// The options.
    pub options: &'a LintOptions,
}

impl Ctx<'_> {
    /// A pointer inside the notice: `p("/retention/0")`.
    pub fn p(&self, rest: &str) -> String {
        format!("{}{rest}", self.at)
    }

    /// Where the notice states `basis` as a lawful basis under Art. 6(1): for a purpose, for the notice as
    /// a whole, or for sharing.
    pub fn bases_stated(&self, basis: LawfulBasis) -> Vec<Reliance> {
        let n = self.notice;
        let mut out = Vec::new();
        for (i, p) in n.purposes.iter().enumerate() {
            if let Some(j) = p.lawful_bases.iter().position(|b| *b == basis) {
                out.push(self.reliance(
                    Via::PurposeBasis,
                    &format!("/purposes/{i}/lawful_bases/{j}"),
                    format!("purpose `{}`", p.id),
                ));
            }
        }
        for (i, b) in n.lawful_bases.iter().enumerate() {
            if b.basis == basis {
                out.push(self.reliance(
                    Via::NoticeBasis,
                    &format!("/lawful_bases/{i}/basis"),
                    "the notice as a whole".into(),
                ));
            }
        }
        for (i, b) in n.sharing_bases.iter().enumerate() {
            if b.basis == basis {
                out.push(self.reliance(
                    Via::SharingBasis,
                    &format!("/sharing_bases/{i}/basis"),
                    "sharing".into(),
                ));
            }
        }
        out
    }

    /// Everywhere the notice relies on consent: as a lawful basis ([`Ctx::bases_stated`]); as the
    /// condition of using, collecting, holding, sharing or sending data ("only with your consent", the
    /// `with_consent` qualifier); as a box on its form; and as explicit consent under Art. 9(2)(a).
    pub fn consent_uses(&self) -> Vec<Reliance> {
        fn qualified(q: &[Qualifier]) -> Option<usize> {
            q.iter().position(|q| *q == Qualifier::WithConsent)
        }
        let n = self.notice;
        let mut out = self.bases_stated(LawfulBasis::Consent);
        let mut with = |list: &str, i: usize, q: &[Qualifier], what: String| {
            if let Some(j) = qualified(q) {
                out.push(self.reliance(
                    Via::WithConsent,
                    &format!("/{list}/{i}/qualifiers/{j}"),
                    what,
                ));
            }
        };
        for (i, p) in n.purposes.iter().enumerate() {
            with("purposes", i, &p.qualifiers, format!("purpose `{}`", p.id));
        }
        for (i, c) in n.data_categories.iter().enumerate() {
            with(
                "data_categories",
                i,
                &c.qualifiers,
                format!("data category `{}`", c.id),
            );
        }
        for (i, s) in n.sources.iter().enumerate() {
            with("sources", i, &s.qualifiers, format!("source `{}`", s.id));
        }
        for (i, r) in n.recipients.iter().enumerate() {
            with(
                "recipients",
                i,
                &r.qualifiers,
                format!("recipient `{}`", r.id),
            );
        }
        for (i, t) in n.transfers.iter().enumerate() {
            with("transfers", i, &t.qualifiers, format!("transfer {}", i + 1));
        }
        if let Some(form) = &n.form {
            for (i, s) in form.statements.iter().enumerate() {
                out.push(self.reliance(
                    Via::FormStatement,
                    &format!("/form/statements/{i}"),
                    format!("consent statement `{}` on the form", s.id),
                ));
            }
        }
        let explicit =
            |c: &[Art9Condition]| c.iter().position(|a| *a == Art9Condition::ExplicitConsent);
        for (i, c) in n.data_categories.iter().enumerate() {
            if let Some(j) = explicit(&c.art9_conditions) {
                out.push(self.reliance(
                    Via::ExplicitConsent,
                    &format!("/data_categories/{i}/art9_conditions/{j}"),
                    format!("data category `{}` (explicit consent)", c.id),
                ));
            }
        }
        if let Some(j) = n
            .special_category_conditions
            .as_ref()
            .and_then(|s| explicit(&s.art9_conditions))
        {
            out.push(self.reliance(
                Via::ExplicitConsent,
                &format!("/special_category_conditions/art9_conditions/{j}"),
                "special category data (explicit consent)".into(),
            ));
        }
        out
    }

    /// Whether the notice relies on `basis` anywhere it states one ([`Ctx::bases_stated`]); for consent,
    /// anywhere it relies on consent at all ([`Ctx::consent_uses`]).
    pub fn relies_on(&self, basis: LawfulBasis) -> bool {
        if basis == LawfulBasis::Consent {
            !self.consent_uses().is_empty()
        } else {
            !self.bases_stated(basis).is_empty()
        }
    }

    /// Whether the notice says which lawful bases it relies on for everything it does: it states bases
    /// for the notice as a whole, or one for every purpose. Where it does not, a basis it leaves unsaid
    /// may be any of them.
    pub fn bases_known(&self) -> bool {
        let n = self.notice;
        !n.purposes.is_empty()
            && (!n.lawful_bases.is_empty() || n.purposes.iter().all(|p| !p.lawful_bases.is_empty()))
    }

    fn reliance(&self, via: Via, rest: &str, what: String) -> Reliance {
        Reliance {
            via,
            pointer: self.p(rest),
            what,
        }
    }

    /// Whether the notice links any purpose to the data categories it uses. A notice that states its
    /// data only for the notice as a whole makes no such links, and the rules that follow them do not
    /// ask it to invent them.
    pub fn links_categories(&self) -> bool {
        self.notice
            .purposes
            .iter()
            .any(|p| !p.categories.is_empty())
    }

    /// Whether the notice links any data category to the sources it comes from.
    pub fn links_sources(&self) -> bool {
        self.notice
            .data_categories
            .iter()
            .any(|c| !c.sources.is_empty())
    }

    /// Whether any purpose is marketing, to which the right to object always applies (Art. 21(2)).
    pub fn direct_marketing(&self) -> bool {
        self.notice.purposes.iter().any(|p| {
            p.kinds
                .iter()
                .any(|k| matches!(k, PurposeKind::DirectMarketing | PurposeKind::Marketing))
        })
    }

    /// Whether Art. 14 applies: some data comes from a third party or a public source. Data the
    /// controller observes about the person counts as collected from them (Art. 13).
    pub fn art14(&self) -> bool {
        self.notice
            .sources
            .iter()
            .any(|s| matches!(s.party, Some(SourceParty::ThirdParty | SourceParty::Public)))
    }
}

/// Finds a lint rule by code (`N401`, any case) or name (`missing-retention`); `None` for anything else,
/// structural codes included.
pub fn find_rule(code_or_name: &str) -> Option<&'static Rule> {
    Code::parse(code_or_name).and_then(registry::rule)
}

/// The note that closes a rule's diagnostics: the provision and where to read more.
fn note(code: Code) -> String {
    match code.article() {
        Some(article) => format!("{article}; see `noticec explain {code}`"),
        None => format!("see `noticec explain {code}`"),
    }
}

/// Runs every rule on every notice and adds what they find, minus what is allowed, to the report.
pub fn run(file: &NoticeFile, doc: &Document, options: &LintOptions, report: &mut Report) {
    run_each(file, doc, options, report, drop);
}

/// What the rules found in each notice, by its place, before they were placed in the file: what
/// [`run_keeping`] returns, for [`report_findings`] to place again after an edit.
pub type Findings = Vec<Vec<(Code, Finding)>>;

/// [`run`], returning what the rules found in each notice ([`notice_findings`]) as well.
pub fn run_keeping(
    file: &NoticeFile,
    doc: &Document,
    options: &LintOptions,
    report: &mut Report,
) -> Findings {
    let mut kept = Findings::with_capacity(file.notices.len());
    run_each(file, doc, options, report, |found| kept.push(found));
    kept
}

/// [`run`], handing each notice's findings, in file order, to `keep` once they are reported.
fn run_each(
    file: &NoticeFile,
    doc: &Document,
    options: &LintOptions,
    report: &mut Report,
    mut keep: impl FnMut(Vec<(Code, Finding)>),
) {
    let graph = Graph::new(file);
    for (at, notice) in file.notices.iter().enumerate() {
        let found = notice_findings(file, &graph, options, at);
        report_findings(doc, notice, &found, report);
        keep(found);
    }
    report_allows(file, doc, options, report);
}

/// What the rules find in the notice at place `at` of `file` (whose references `graph` resolves),
/// minus what the file or the notice allows: each finding with its rule's code, not yet placed.
/// [`run`] is this for every notice in turn, each finding placed ([`report_findings`]), then
/// [`report_allows`].
pub fn notice_findings(
    file: &NoticeFile,
    graph: &Graph<'_>,
    options: &LintOptions,
    at: usize,
) -> Vec<(Code, Finding)> {
    let Some(notice) = file.notices.get(at) else {
        return Vec::new();
    };
    let file_allows = allowed(&file.allow);
    let ctx = Ctx {
        file,
        graph,
        notice,
        at: format!("/notices/{at}"),
        options,
    };
    let notice_allows = allowed(&notice.allow);
    let mut found = Vec::new();
    for rule in RULES {
        if !options.rules.enabled(rule.code)
            || file_allows.contains(&rule.code)
            || notice_allows.contains(&rule.code)
        {
            continue;
        }
        let Check::Notice(check) = rule.check else {
            continue;
        };
        let mut findings = Vec::new();
        check(&ctx, &mut findings);
        found.extend(findings.into_iter().map(|f| (rule.code, f)));
    }
    found
}

/// Adds the findings of [`notice_findings`] for `notice` to the report, placed in `doc`.
pub fn report_findings(
    doc: &Document,
    notice: &Notice,
    findings: &[(Code, Finding)],
    report: &mut Report,
) {
    for (code, f) in findings {
        push(report, *code, || {
            diagnostic(*code, f.clone(), doc, Some(notice.id.to_string()))
        });
    }
}

/// Adds the diagnostic `make` makes for a finding of rule `code`, or, once the report is full, only
/// counts it: a file with a hundred thousand findings does not place and word each of them.
fn push(report: &mut Report, code: Code, make: impl FnOnce() -> Diagnostic) {
    if report.is_full() {
        report.left_out_one(code, code.severity());
    } else {
        report.push(make());
    }
}

/// Adds what the rules on the allow lists find (allows of unknown rules, allows without a reason)
/// to the report: the last step of [`run`].
pub fn report_allows(
    file: &NoticeFile,
    doc: &Document,
    options: &LintOptions,
    report: &mut Report,
) {
    for f in meta::allow_findings(file) {
        if !options.rules.enabled(f.code) {
            continue;
        }
        push(report, f.code, || {
            diagnostic(f.code, f.finding, doc, f.notice)
        });
    }
}

/// The version discipline (rule N707), for `check --since REV`: every notice with a change people must
/// be told about or asked to consent to again since `old` (the file as it was in that revision) must
/// have a new `version` and a new `last_updated`. Editorial changes need neither, and may have both.
/// `doc` must hold its tree: a document from [`crate::check_file_typed`] has none, and every notice
/// would read as new.
pub fn since(
    file: &NoticeFile,
    doc: &Document,
    old: &serde_json::Value,
    label: &str,
    report: &mut Report,
) {
    let code = Code::N707;
    if allowed(&file.allow).contains(&code) {
        return;
    }
    let cmp = crate::diff::compare(old, &doc.value);
    for (i, notice) in file.notices.iter().enumerate() {
        if allowed(&notice.allow).contains(&code) {
            continue;
        }
        let Some(d) = cmp.notice(notice.id.as_str()) else {
            continue;
        };
        let Some(impact) = d.impact().filter(|i| i.is_material()) else {
            continue;
        };
        if d.status != crate::diff::Status::Compared {
            continue;
        }
        let stale: Vec<&str> = [("version", &d.version), ("last_updated", &d.last_updated)]
            .into_iter()
            .filter(|(_, (old, new))| new.is_none() || old == new)
            .map(|(field, _)| field)
            .collect();
        if stale.is_empty() {
            continue;
        }
        let material = d
            .changes
            .iter()
            .filter(|c| c.kind.impact.is_material())
            .count();
        let first = d
            .changes
            .first()
            .map(|c| format!("{}: {}", c.subject, c.detail))
            .unwrap_or_default();
        let at = format!("/notices/{i}");
        let pointer = match stale.first() {
            Some(field) if doc.value.pointer(&format!("{at}/{field}")).is_some() => {
                format!("{at}/{field}")
            }
            _ => at,
        };
        let fields = stale
            .iter()
            .map(|f| format!("`{f}`"))
            .collect::<Vec<_>>()
            .join(" and ");
        let finding = Finding::new(
            pointer,
            format!(
                "notice `{}` has {material} change(s) people must be told about{} since {label}, but {fields} did not change",
                notice.id,
                if impact == crate::diff::Impact::Reconsent {
                    ", some needing consent again,"
                } else {
                    ""
                }
            ),
        )
        .help(format!(
            "give the notice a new `version` and `last_updated` (first change: {}); `noticec diff {label}` lists them all",
            crate::suggest::short(&first)
        ));
        report.push(diagnostic(code, finding, doc, Some(notice.id.to_string())));
    }
}

fn diagnostic(code: Code, f: Finding, doc: &Document, notice: Option<String>) -> Diagnostic {
    let mut d = Diagnostic::error(code, &doc.file, f.message)
        .with_severity(code.severity())
        .at(place(doc, &f.pointer), code.name())
        .note(note(code))
        .path(f.pointer, notice);
    if let Some(help) = f.help {
        d = d.help(help);
    }
    d
}

/// Where a finding points: the value itself when it is a single value (an id, a right, a rule name),
/// else the key of the field, so the caret sits under what is wrong.
fn place(doc: &Document, pointer: &str) -> Option<crate::diagnostics::Span> {
    // From the places, not the tree: a build checks with the tree taken (see
    // `validate::check_taking_tree`).
    if doc.is_scalar(pointer) == Some(true) {
        doc.span(pointer)
    } else {
        doc.key_span(pointer)
    }
}

/// The rule codes an allow list switches off; unknown rules are reported by the meta rules.
fn allowed(allows: &[Allow]) -> BTreeSet<Code> {
    allows
        .iter()
        .filter_map(|a| find_rule(&a.rule))
        .map(|r| r.code)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_are_found_by_code_or_name() {
        let first = &RULES[0];
        let found = |s: &str| find_rule(s).map(|r| r.code);
        assert_eq!(found(first.code.as_str()), Some(first.code));
        assert_eq!(found(&first.code.as_str().to_lowercase()), Some(first.code));
        assert_eq!(found(first.code.name()), Some(first.code));
        assert!(find_rule("N999").is_none());
        assert!(
            find_rule("E010").is_none(),
            "a structural code is not a rule"
        );
    }
}

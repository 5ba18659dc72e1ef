//! Stage 3, lint: is each notice complete and lawful-looking? Every item UK GDPR Art. 13 and 14 requires
//! is a coded rule; so are the contradictions between rights and lawful bases, special category and
//! criminal offence data without their conditions, and the habits that keep notices trustworthy.
//!
//! The rules are declared once, in [`registry::RULES`]; each rule's check lives in the file for its group
//! and its long explanation in `docs/<code>.md`. A notice, or the whole file, can allow a rule with a
//! reason, like clippy's `#[allow]`.

mod controller;
mod data;
mod decisions;
mod meta;
mod purposes;
pub mod registry;
mod retention;
mod rights;
mod sharing;

use std::collections::BTreeSet;

use crate::diagnostics::{Diagnostic, Report, Severity};
use crate::load::Document;
use crate::model::*;

pub use registry::RULES;

/// One lint rule.
#[derive(Debug)]
pub struct Rule {
    /// Stable code, never reused (`N401`).
    pub code: &'static str,
    /// Kebab-case name that reads as "allow …" (`missing-retention`).
    pub name: &'static str,
    /// Default severity.
    pub severity: Severity,
    /// The provision it enforces (`UK GDPR Art. 13(2)(a)`), or `None` for good practice.
    pub article: Option<&'static str>,
    /// One line saying what the rule finds.
    pub summary: &'static str,
    /// The long explanation: why it matters, a bad and a good example (Markdown).
    pub explanation: &'static str,
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

/// Settings for the lint.
#[derive(Debug, Clone)]
pub struct LintOptions {
    /// The date "today" is, for the age of notices. The caller gives it (the command line reads the
    /// clock or `--today`), so the library never reads the clock and a check is repeatable.
    pub today: jiff::civil::Date,
    /// A notice last updated longer ago than this many months gets a note.
    pub max_age_months: i32,
}

/// What a rule sees: one notice, the file it is in, and the options.
pub struct Ctx<'a> {
    /// The whole file.
    pub file: &'a NoticeFile,
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

    /// Whether a purpose relies on `basis`; for consent, explicit consent under Art. 9(2)(a) counts too.
    pub fn relies_on(&self, basis: LawfulBasis) -> bool {
        let art6 = self
            .notice
            .purposes
            .iter()
            .any(|p| p.lawful_bases.contains(&basis));
        let explicit = basis == LawfulBasis::Consent
            && self
                .notice
                .data_categories
                .iter()
                .any(|c| c.art9_conditions.contains(&Art9Condition::ExplicitConsent));
        art6 || explicit
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
            .any(|s| matches!(s.party, SourceParty::ThirdParty | SourceParty::Public))
    }

    /// The notices in this file this one must be read alongside (or summarises): a layered notice may
    /// leave what they say to them.
    pub fn alongside(&self) -> impl Iterator<Item = &Notice> {
        self.notice
            .related
            .iter()
            .filter(|r| matches!(r.relation, Relation::ReadAlongside | Relation::Summarises))
            .filter_map(|r| r.notice.as_ref())
            .filter_map(|id| self.file.notices.iter().find(|n| &n.id == id))
    }

    /// Whether the notice, or one it must be read alongside, tells people about `right`.
    pub fn has_right(&self, right: Right) -> bool {
        std::iter::once(self.notice)
            .chain(self.alongside())
            .any(|n| n.rights.iter().any(|r| r.right == right))
    }

    /// The organisation with this id.
    pub fn org(&self, id: &Id) -> Option<&Organisation> {
        self.file.organisations.iter().find(|o| &o.id == id)
    }

    /// The parties that are controllers (or joint controllers, or the accountable body).
    pub fn controllers(&self) -> impl Iterator<Item = (usize, &Party)> {
        self.notice.parties.iter().enumerate().filter(|(_, p)| {
            matches!(
                p.role,
                PartyRole::Controller | PartyRole::JointController | PartyRole::AccountableBody
            )
        })
    }
}

/// Finds a rule by code (`N401`, any case) or name (`missing-retention`).
pub fn find_rule(code_or_name: &str) -> Option<&'static Rule> {
    RULES
        .iter()
        .find(|r| r.code.eq_ignore_ascii_case(code_or_name) || r.name == code_or_name)
}

/// The note that closes a rule's diagnostics: the provision and where to read more.
fn note(rule: &Rule) -> String {
    match rule.article {
        Some(article) => format!("{article}; see `noticec explain {}`", rule.code),
        None => format!("see `noticec explain {}`", rule.code),
    }
}

/// Runs every rule on every notice and adds what they find, minus what is allowed, to the report.
pub fn run(file: &NoticeFile, doc: &Document, options: &LintOptions, report: &mut Report) {
    let file_allows = allowed(&file.allow);
    for (i, notice) in file.notices.iter().enumerate() {
        let ctx = Ctx {
            file,
            notice,
            at: format!("/notices/{i}"),
            options,
        };
        let notice_allows = allowed(&notice.allow);
        for rule in RULES {
            if file_allows.contains(rule.code) || notice_allows.contains(rule.code) {
                continue;
            }
            let Check::Notice(check) = rule.check else {
                continue;
            };
            let mut findings = Vec::new();
            check(&ctx, &mut findings);
            for f in findings {
                report.push(diagnostic(rule, f, doc, Some(notice.id.to_string())));
            }
        }
    }
    for f in meta::allow_findings(file) {
        let rule = registry::rule(f.code);
        let notice = f.notice.clone();
        report.push(diagnostic(rule, f.finding, doc, notice));
    }
}

fn diagnostic(
    rule: &'static Rule,
    f: Finding,
    doc: &Document,
    notice: Option<String>,
) -> Diagnostic {
    let mut d = Diagnostic::error(rule.code, &doc.file, f.message)
        .with_severity(rule.severity)
        .at(place(doc, &f.pointer), rule.name)
        .note(note(rule))
        .path(f.pointer, notice);
    if let Some(help) = f.help {
        d = d.help(help);
    }
    d
}

/// Where a finding points: the value itself when it is a single value (an id, a right, a rule name),
/// else the key of the field, so the caret sits under what is wrong.
fn place(doc: &Document, pointer: &str) -> Option<crate::diagnostics::Span> {
    let scalar = doc
        .value
        .pointer(pointer)
        .is_some_and(|v| !v.is_object() && !v.is_array());
    if scalar {
        doc.span(pointer)
    } else {
        doc.key_span(pointer)
    }
}

/// The rule codes an allow list switches off; unknown rules are reported by the meta rules.
fn allowed(allows: &[Allow]) -> BTreeSet<&'static str> {
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
    fn codes_and_names_are_unique_and_well_formed() {
        let mut codes = BTreeSet::new();
        let mut names = BTreeSet::new();
        for r in RULES {
            assert!(codes.insert(r.code), "duplicate code {}", r.code);
            assert!(names.insert(r.name), "duplicate name {}", r.name);
            assert!(r.code.len() == 4 && r.code.starts_with('N'), "{}", r.code);
            assert!(
                r.name
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "{}",
                r.name
            );
            assert!(
                !r.summary.ends_with('.'),
                "{} summary ends with a full stop",
                r.code
            );
        }
    }

    #[test]
    fn rules_are_found_by_code_or_name() {
        let first = &RULES[0];
        assert_eq!(find_rule(first.code).map(|r| r.code), Some(first.code));
        assert_eq!(
            find_rule(&first.code.to_lowercase()).map(|r| r.code),
            Some(first.code)
        );
        assert_eq!(find_rule(first.name).map(|r| r.code), Some(first.code));
        assert!(find_rule("N999").is_none());
    }
}

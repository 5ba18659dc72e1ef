//! The diagnostic codes, declared once: the structural codes (`E0xx`, reported by `load` and `validate`)
//! and the lint rules (`Nxxx`, checked by `crate::lint`). Each code carries its kebab-case name, default
//! severity, the provision it enforces, a one-line summary and a long Markdown explanation with a bad and
//! a good example (`docs/E0xx.md`, `../lint/docs/Nxxx.md`), which `noticec explain` prints.
//!
//! A [`Code`] is an enum, so a code that does not exist cannot be written; text a person typed (an
//! `allow:` entry, `noticec explain`) becomes one through [`Code::parse`]. Codes are never reused: a
//! retired code keeps its variant and its line in this table, with an explanation saying it is retired
//! (rustc's "Do *not* remove entries from this list").

use std::fmt;

use serde::{Serialize, Serializer};

use super::Severity::{self, Error, Note, Warning};

/// Declares every code: first the structural ones (always errors, explained in `docs/`), then the lint
/// rules (explained in `../lint/docs/`), each group in code order.
macro_rules! codes {
    (
        structure { $( $e:ident $ename:literal, $esummary:literal; )* }
        lint { $( $n:ident $nname:literal, $nseverity:ident, $narticle:expr, $nsummary:literal; )* }
    ) => {
        /// A diagnostic code (`E010`, `N401`). Ordered as the codes sort as text.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $(
                #[doc = $esummary]
                $e,
            )*
            $(
                #[doc = $nsummary]
                $n,
            )*
        }

        impl Code {
            /// Every code, in code order: the structural codes, then the lint rules.
            pub const ALL: &'static [Code] = &[$(Code::$e,)* $(Code::$n,)*];

            /// Everything the table says about this code.
            const fn info(self) -> &'static Info {
                match self {
                    $(
                        Code::$e => &Info {
                            code: stringify!($e),
                            name: $ename,
                            severity: Error,
                            article: None,
                            summary: $esummary,
                            explanation: include_str!(concat!("docs/", stringify!($e), ".md")),
                        },
                    )*
                    $(
                        Code::$n => &Info {
                            code: stringify!($n),
                            name: $nname,
                            severity: $nseverity,
                            article: $narticle,
                            summary: $nsummary,
                            explanation: include_str!(concat!("../lint/docs/", stringify!($n), ".md")),
                        },
                    )*
                }
            }
        }
    };
}

/// One line of the table.
struct Info {
    code: &'static str,
    name: &'static str,
    severity: Severity,
    article: Option<&'static str>,
    summary: &'static str,
    explanation: &'static str,
}

codes! {
    structure {
        E001 "invalid-yaml", "the file is not valid YAML (including tab indentation)";
        E002 "not-utf8-text", "the file is not UTF-8 text, or contains a NUL character";
        E003 "no-notices", "the file holds no notices";
        E004 "unsupported-yaml", "the file uses YAML features notices do not: tags, anchors, aliases, several documents, non-scalar keys";
        E005 "duplicate-key", "a mapping has the same key twice";
        E006 "too-deep", "nesting is deeper than the limit";
        E007 "over-limit", "a text value, or the number of notices, is over its limit";
        E010 "unknown-field", "a field that does not exist here";
        E011 "missing-field", "a required field is missing";
        E012 "wrong-type", "a value of the wrong kind (text, list, mapping, number)";
        E013 "invalid-value", "a value that is not in the closed list for its field";
        E014 "malformed-value", "an id, code or other patterned value is malformed";
        E020 "duplicate-id", "two items in one list share an id";
        E021 "dangling-reference", "a reference to an id that does not exist";
        E022 "invalid-duration", "a period that is not a valid ISO 8601 duration";
        E023 "invalid-date", "a date that is not a real `YYYY-MM-DD` date";
        E024 "invalid-email", "an email address that is not valid";
        E025 "invalid-phone", "a telephone number that is not diallable";
        E026 "invalid-postcode", "a UK postcode that is not valid";
        E027 "invalid-link", "a link that is not a valid `https`, `http` or `mailto` address";
        E028 "unsafe-character", "text contains a control character or a bidirectional override";
    }
    lint {
        N001 "missing-controller", Warning, Some("UK GDPR Art. 13(1)(a), 14(1)(a)"), "the notice identifies no organisation as the controller";
        N002 "controller-contact-missing", Warning, Some("UK GDPR Art. 13(1)(a), 14(1)(a)"), "a controller has no postal address, email address or phone number";
        N003 "missing-dpo-contact", Warning, Some("UK GDPR Art. 13(1)(b), 14(1)(b)"), "the notice gives no contact for the data protection officer or team";
        N004 "missing-ico-registration", Note, Some("Data Protection (Charges and Information) Regulations 2018"), "a controller's ICO registration number is not given";
        N101 "missing-purposes", Warning, Some("UK GDPR Art. 13(1)(c), 14(1)(c)"), "the notice states no purposes";
        N102 "purpose-without-lawful-basis", Warning, Some("UK GDPR Art. 13(1)(c), 14(1)(c)"), "a purpose has no lawful basis";
        N103 "legitimate-interests-not-stated", Warning, Some("UK GDPR Art. 13(1)(d), 14(2)(b)"), "a purpose relies on legitimate interests without saying what they are";
        N104 "disclaimed-basis-relied-on", Warning, Some("UK GDPR Art. 13(1)(c), Art. 5(1)(a)"), "a lawful basis the notice says it does not rely on is relied on";
        N105 "purpose-without-data-categories", Note, None, "a purpose does not say which data it uses";
        N106 "consent-with-other-basis", Warning, Some("UK GDPR Art. 6(1), 7"), "a purpose relies on consent and on another lawful basis at once";
        N107 "legal-obligation-without-law", Warning, Some("UK GDPR Art. 6(1)(c), 6(3), 13(1)(c)"), "a legal obligation is relied on without naming the law";
        N201 "missing-data-categories", Warning, Some("UK GDPR Art. 14(1)(d)"), "the notice lists no categories of personal data";
        N202 "missing-data-sources", Note, Some("UK GDPR Art. 14(2)(f)"), "the notice never says where the data comes from";
        N203 "category-without-source", Note, Some("UK GDPR Art. 14(2)(f)"), "data comes from other sources, but a category does not say where it comes from";
        N204 "special-category-without-condition", Warning, Some("UK GDPR Art. 9(2)"), "special category data has no Art. 9(2) condition";
        N205 "missing-schedule1-condition", Warning, Some("DPA 2018 s. 10(2)-(3), Sch. 1 Parts 1-2"), "an Art. 9(2) condition that needs a DPA 2018 Schedule 1 condition has none";
        N206 "missing-appropriate-policy-document", Note, Some("DPA 2018 Sch. 1 Part 4"), "a Schedule 1 condition that needs an appropriate policy document has none";
        N207 "criminal-data-without-condition", Warning, Some("UK GDPR Art. 10; DPA 2018 s. 10(5), Sch. 1"), "criminal offence data has no DPA 2018 Schedule 1 condition";
        N208 "unused-data-category", Note, None, "a data category is used by no purpose";
        N209 "justification-not-art9-condition", Warning, Some("UK GDPR Art. 9(2)"), "special category data is justified by words that are not an Art. 9(2) condition";
        N301 "missing-recipients", Warning, Some("UK GDPR Art. 13(1)(e), 14(1)(e)"), "the notice names no recipients or categories of recipients";
        N302 "transfer-without-safeguard", Warning, Some("UK GDPR Art. 13(1)(f), 14(1)(f)"), "a transfer outside the UK names no safeguard";
        N303 "transfer-without-destination", Note, Some("UK GDPR Art. 13(1)(f), 14(1)(f)"), "a transfer does not say where the data goes";
        N401 "missing-retention", Warning, Some("UK GDPR Art. 13(2)(a), 14(2)(a)"), "the notice does not say how long data is kept";
        N402 "retention-without-start", Warning, Some("UK GDPR Art. 13(2)(a), 14(2)(a)"), "a retention period does not say when it starts";
        N403 "retention-without-length", Warning, Some("UK GDPR Art. 13(2)(a), 14(2)(a)"), "a retention rule gives no period, end event or criteria";
        N404 "category-without-retention", Note, Some("UK GDPR Art. 13(2)(a), 14(2)(a)"), "a data category is covered by no retention rule";
        N405 "retention-schedule-without-link", Warning, Some("UK GDPR Art. 13(2)(a), 14(2)(a)"), "a retention rule refers only to a schedule the notice does not link";
        N501 "missing-right-of-access", Warning, Some("UK GDPR Art. 13(2)(b), 14(2)(c), Art. 15"), "the notice does not mention the right of access";
        N502 "missing-right-to-rectification", Warning, Some("UK GDPR Art. 13(2)(b), 14(2)(c), Art. 16"), "the notice does not mention the right to rectification";
        N503 "missing-right-to-erasure", Warning, Some("UK GDPR Art. 13(2)(b), 14(2)(c), Art. 17"), "the notice does not mention the right to erasure";
        N504 "missing-right-to-restriction", Warning, Some("UK GDPR Art. 13(2)(b), 14(2)(c), Art. 18"), "the notice does not mention the right to restrict processing";
        N505 "missing-right-to-object", Warning, Some("UK GDPR Art. 13(2)(b), 14(2)(c), Art. 21"), "legitimate interests or public task is relied on, but the right to object is not mentioned";
        N506 "missing-right-to-portability", Warning, Some("UK GDPR Art. 13(2)(b), 14(2)(c), Art. 20"), "consent or contract is relied on, but the right to data portability is not mentioned";
        N507 "missing-right-to-withdraw-consent", Warning, Some("UK GDPR Art. 13(2)(c), 14(2)(d), Art. 7(3)"), "consent is relied on, but the right to withdraw it is not mentioned";
        N508 "missing-right-to-complain", Warning, Some("UK GDPR Art. 13(2)(d), 14(2)(e), Art. 77"), "the notice does not mention the right to complain to the ICO";
        N509 "right-contradicts-basis", Warning, Some("UK GDPR Art. 7(3), 20(1), 21(1)"), "a right is offered that no lawful basis in the notice gives";
        N510 "consent-without-withdrawal-method", Warning, Some("UK GDPR Art. 7(3), 13(2)(c), 14(2)(d)"), "consent is relied on, but the notice does not say how to withdraw it";
        N511 "right-without-how", Note, Some("UK GDPR Art. 12(2)"), "a right does not say how to use it";
        N601 "missing-provision-requirement", Warning, Some("UK GDPR Art. 13(2)(e)"), "the notice does not say whether people must provide their data";
        N602 "requirement-incomplete", Warning, Some("UK GDPR Art. 13(2)(e)"), "a requirement does not say whether the data is required, or what happens if it is not given";
        N603 "automated-decision-without-logic", Warning, Some("UK GDPR Art. 13(2)(f), 14(2)(g)"), "an automated decision gives no meaningful information about its logic";
        N604 "automated-decision-without-consequences", Warning, Some("UK GDPR Art. 13(2)(f), 14(2)(g)"), "an automated decision does not say its significance and likely consequences";
        N701 "notice-out-of-date", Note, None, "the notice was last updated longer ago than the review period";
        N702 "missing-last-updated", Note, None, "the notice does not say when it was last updated";
        N703 "related-notice-unreachable", Warning, Some("UK GDPR Art. 12(1)"), "a notice this one must be read alongside has no link";
        N704 "form-without-signature-block", Warning, None, "a consent form has no signature block";
        N705 "consent-purpose-missing-from-form", Warning, Some("UK GDPR Art. 7(2)"), "a purpose relies on consent, but the form has no box for it";
        N706 "signature-without-declaration", Warning, Some("UK GDPR Art. 7(2), 12(1)"), "a signature block does not say what signing means";
        N707 "version-not-updated", Error, Some("UK GDPR Art. 12(1), 13(3)"), "a notice changed in a way people must be told about, but its version and date did not (`check --since`)";
        N901 "allow-without-reason", Warning, None, "a rule is allowed without a reason";
        N902 "allow-unknown-rule", Warning, None, "an allow names a rule that does not exist";
    }
}

impl Code {
    /// The code as written (`E010`).
    pub const fn as_str(self) -> &'static str {
        self.info().code
    }

    /// The kebab-case name, which reads as "allow …" (`missing-retention`).
    pub const fn name(self) -> &'static str {
        self.info().name
    }

    /// The severity it is reported with.
    pub const fn severity(self) -> Severity {
        self.info().severity
    }

    /// The provision a lint rule enforces (`UK GDPR Art. 13(2)(a)`); `None` for good practice and for
    /// the structural codes.
    pub const fn article(self) -> Option<&'static str> {
        self.info().article
    }

    /// One line saying what the code reports, lowercase, no full stop.
    pub const fn summary(self) -> &'static str {
        self.info().summary
    }

    /// The long explanation: what it finds, why it matters, a bad and a good example (Markdown).
    pub const fn explanation(self) -> &'static str {
        self.info().explanation
    }

    /// Whether this is a lint rule (`Nxxx`) rather than a structural code (`E0xx`).
    pub fn is_lint(self) -> bool {
        self.as_str().starts_with('N')
    }

    /// The lint rules, in code order.
    pub fn lint() -> impl Iterator<Item = Code> {
        Code::ALL.iter().copied().filter(|c| c.is_lint())
    }

    /// The code a person typed: its code in any case (`n401`) or its name (`missing-retention`).
    pub fn parse(code_or_name: &str) -> Option<Code> {
        Code::ALL
            .iter()
            .copied()
            .find(|c| c.as_str().eq_ignore_ascii_case(code_or_name) || c.name() == code_or_name)
    }

    /// What `noticec explain` prints: a header line with the code, name, severity (and, for a lint
    /// rule, the provision), then the explanation.
    pub fn explain(self) -> String {
        let header = if self.is_lint() {
            let article = self.article().unwrap_or("good practice");
            format!(
                "{} {} ({}, {article})",
                self,
                self.name(),
                self.severity().as_str()
            )
        } else {
            format!("{} {} ({})", self, self.name(), self.severity().as_str())
        };
        format!("{header}\n\n{}\n", self.explanation().trim_end())
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A code serialises as its text (`"E010"`), as it always has in the JSON and SARIF outputs.
impl Serialize for Code {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_names_are_unique_well_formed_and_in_order() {
        let mut names = std::collections::BTreeSet::new();
        for pair in Code::ALL.windows(2) {
            assert!(
                pair[0].as_str() < pair[1].as_str(),
                "{} before {}",
                pair[0],
                pair[1]
            );
            assert!(pair[0] < pair[1], "the enum order is the text order");
        }
        for &c in Code::ALL {
            let s = c.as_str();
            assert_eq!(s.len(), 4, "{s}");
            assert!(s.starts_with('E') || s.starts_with('N'), "{s}");
            assert!(s.bytes().skip(1).all(|b| b.is_ascii_digit()), "{s}");
            assert!(names.insert(c.name()), "duplicate name {}", c.name());
            assert!(
                c.name()
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "{}",
                c.name()
            );
            assert!(
                !c.summary().ends_with('.'),
                "{s} summary ends with a full stop"
            );
            assert!(
                c.is_lint() || c.severity() == Error,
                "{s} is structural, so an error"
            );
            // A gap in a notice is a finding, never a reason to refuse to publish it. N707 is no gap:
            // it is the release rule `check --since` is asked to enforce (a changed notice needs a new
            // version), and only that flag runs it.
            assert!(
                !c.is_lint() || c.severity() != Error || c == Code::N707,
                "{s} is a lint rule, so a warning or a note"
            );
            assert!(c.is_lint() || c.article().is_none(), "{s}");
        }
    }

    #[test]
    fn codes_are_found_by_code_or_name_and_nothing_else() {
        for &c in Code::ALL {
            assert_eq!(Code::parse(c.as_str()), Some(c));
            assert_eq!(Code::parse(&c.as_str().to_lowercase()), Some(c));
            assert_eq!(Code::parse(c.name()), Some(c));
        }
        for unknown in [
            "N999",
            "E000",
            "",
            "N40",
            "missing-retension",
            "Missing-Retention",
        ] {
            assert_eq!(Code::parse(unknown), None, "{unknown}");
        }
    }

    #[test]
    fn a_code_serialises_as_its_text() {
        assert_eq!(serde_json::to_string(&Code::E010).unwrap(), "\"E010\"");
        assert_eq!(Code::N401.to_string(), "N401");
    }

    /// Every code ever published. A code is never removed or reused: a retired one keeps its variant.
    const PUBLISHED: &str = "
        E001 E002 E003 E004 E005 E006 E007 E010 E011 E012 E013 E014 E020 E021 E022 E023 E024 E025
        E026 E027 E028 N001 N002 N003 N004 N101 N102 N103 N104 N105 N106 N107 N201 N202 N203 N204
        N205 N206 N207 N208 N209 N301 N302 N303 N401 N402 N403 N404 N405 N501 N502 N503 N504 N505
        N506 N507 N508 N509 N510 N511 N601 N602 N603 N604 N701 N702 N703 N704 N705 N706 N707 N901 N902
    ";

    #[test]
    fn every_published_code_is_still_there() {
        for published in PUBLISHED.split_whitespace() {
            let code = Code::parse(published);
            assert_eq!(
                code.map(Code::as_str),
                Some(published),
                "{published} was removed"
            );
        }
        assert_eq!(
            PUBLISHED.split_whitespace().count(),
            Code::ALL.len(),
            "add new codes to PUBLISHED"
        );
    }
}

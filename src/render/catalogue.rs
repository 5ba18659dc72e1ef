//! The one catalogue of reader-facing words: every heading, label, closed-list label and phrase a reader
//! of a notice sees, as Fluent messages keyed by message id (`locales/en-GB/notice.ftl`).
//!
//! The catalogue is data: the caller parses it once per build and passes it to [`super::render_all`].
//! Templates ask for words with `{{ t("heading-rights") }}`, the view model and JSON-LD with
//! [`Catalogue::text`]. A message that is missing, or that cannot be formatted, is an error, never a
//! blank: parsing checks the closed-list labels, a lookup from code records its failure for
//! [`Catalogue::take_failures`], and a lookup from a template fails the template.

use std::sync::{Arc, Mutex};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use sha2::{Digest as _, Sha256};

use crate::model::ClosedList;

/// The built-in British English catalogue.
pub const EN_GB: &str = include_str!("../../locales/en-GB/notice.ftl");

/// Why a catalogue cannot be used, or a message cannot be formatted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CatalogueError {
    /// The catalogue's locale is not a language tag.
    #[error("message catalogue locale `{0}` is not a language tag")]
    Locale(String),
    /// The catalogue has Fluent syntax errors or duplicate messages.
    #[error("message catalogue `{locale}` is not valid Fluent: {detail}")]
    Syntax {
        /// The catalogue's locale.
        locale: String,
        /// What is wrong.
        detail: String,
    },
    /// A message the notices need is not in the catalogue.
    #[error("message catalogue `{locale}` has no message `{id}`")]
    Missing {
        /// The catalogue's locale.
        locale: String,
        /// The message id.
        id: String,
    },
    /// A message could not be formatted (an argument it names was not given).
    #[error("message `{id}` cannot be formatted: {detail}")]
    Format {
        /// The message id.
        id: String,
        /// Fluent's reason.
        detail: String,
    },
}

/// A parsed message catalogue for one locale; clones share it.
#[derive(Clone)]
pub struct Catalogue {
    locale: String,
    bundle: Arc<FluentBundle<FluentResource>>,
    /// The SHA-256 of the locale and the source: what an output made with these words depends on.
    digest: [u8; 32],
    /// Failed lookups from code, reported by [`Catalogue::take_failures`].
    failures: Arc<Mutex<Vec<CatalogueError>>>,
}

impl std::fmt::Debug for Catalogue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Catalogue")
            .field("locale", &self.locale)
            .finish_non_exhaustive()
    }
}

impl Catalogue {
    /// Parses a catalogue in Fluent syntax for `locale` (`en-GB`), and checks that it has a label for
    /// every value of every closed list.
    pub fn parse(locale: &str, source: &str) -> Result<Self, CatalogueError> {
        let lang = locale
            .parse()
            .map_err(|_| CatalogueError::Locale(locale.to_owned()))?;
        let syntax = |errors: Vec<String>| CatalogueError::Syntax {
            locale: locale.to_owned(),
            detail: errors.join("; "),
        };
        let resource = FluentResource::try_new(source.to_owned())
            .map_err(|(_, errors)| syntax(errors.iter().map(ToString::to_string).collect()))?;
        let mut bundle = FluentBundle::new_concurrent(vec![lang]);
        // Unicode isolation marks around arguments would end up in every output.
        bundle.set_use_isolating(false);
        // `NUMBER($n, type: "ordinal")` picks the ordinal suffix (1st, 2nd, 3rd, 11th).
        bundle
            .add_builtins()
            .map_err(|e| syntax(vec![e.to_string()]))?;
        bundle
            .add_resource(resource)
            .map_err(|errors| syntax(errors.iter().map(ToString::to_string).collect()))?;
        let mut hasher = Sha256::new();
        hasher.update(locale.as_bytes());
        hasher.update([0]);
        hasher.update(source.as_bytes());
        let catalogue = Self {
            locale: locale.to_owned(),
            bundle: Arc::new(bundle),
            digest: hasher.finalize().into(),
            failures: Arc::default(),
        };
        for id in crate::model::dpv::label_ids() {
            if !catalogue.has(&id) {
                return Err(CatalogueError::Missing {
                    locale: locale.to_owned(),
                    id,
                });
            }
        }
        Ok(catalogue)
    }

    /// The built-in British English catalogue.
    pub fn en_gb() -> Result<Self, CatalogueError> {
        Self::parse("en-GB", EN_GB)
    }

    /// The SHA-256 of the catalogue's locale and source.
    pub(crate) fn digest(&self) -> &[u8; 32] {
        &self.digest
    }

    /// The catalogue's locale.
    pub fn locale(&self) -> &str {
        &self.locale
    }

    /// Whether the catalogue has a message `id` with a value.
    pub fn has(&self, id: &str) -> bool {
        self.bundle
            .get_message(id)
            .is_some_and(|m| m.value().is_some())
    }

    /// Formats message `id` with `args`.
    pub fn format(
        &self,
        id: &str,
        args: Option<&FluentArgs<'_>>,
    ) -> Result<String, CatalogueError> {
        let pattern = self
            .bundle
            .get_message(id)
            .and_then(|m| m.value())
            .ok_or_else(|| CatalogueError::Missing {
                locale: self.locale.clone(),
                id: id.to_owned(),
            })?;
        let mut errors = Vec::new();
        let text = self.bundle.format_pattern(pattern, args, &mut errors);
        if let Some(e) = errors.first() {
            return Err(CatalogueError::Format {
                id: id.to_owned(),
                detail: e.to_string(),
            });
        }
        Ok(text.into_owned())
    }

    /// Message `id` for code that cannot fail: a failure is recorded for [`Catalogue::take_failures`]
    /// and the id is returned in braces in its place.
    pub fn text(&self, id: &str) -> String {
        self.text_with(id, &[])
    }

    /// Message `id` with named arguments, as [`Catalogue::text`].
    pub fn text_with(&self, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let mut fluent = FluentArgs::new();
        for (name, value) in args {
            fluent.set(*name, value.clone());
        }
        self.format(id, Some(&fluent)).unwrap_or_else(|e| {
            if let Ok(mut failures) = self.failures.lock() {
                failures.push(e);
            }
            format!("{{{id}}}")
        })
    }

    /// The reader's label of a closed-list value (`lawful-basis-consent` → `Your consent`).
    pub fn label<T: ClosedList>(&self, value: T) -> String {
        self.text(&value.label_id())
    }

    /// Attribute `attribute` of message `id` (`lawful-basis-consent.article`), when it has one.
    pub fn attribute(&self, id: &str, attribute: &str) -> Option<String> {
        let pattern = self
            .bundle
            .get_message(id)?
            .get_attribute(attribute)?
            .value();
        let mut errors = Vec::new();
        let text = self.bundle.format_pattern(pattern, None, &mut errors);
        errors.is_empty().then(|| text.into_owned())
    }

    /// The article a closed-list value is defined by (`UK GDPR Art. 6(1)(a)`), where the catalogue gives
    /// one: shown only in the full sections, after the plain label.
    pub fn article<T: ClosedList>(&self, value: T) -> Option<String> {
        self.attribute(&value.label_id(), "article")
    }

    /// The few words the summary uses for a closed-list value (`see your information`), else its label.
    pub fn short<T: ClosedList>(&self, value: T) -> String {
        self.attribute(&value.label_id(), "short")
            .unwrap_or_else(|| self.label(value))
    }

    /// The labels of closed-list values, in order.
    pub fn labels<T: ClosedList>(&self, values: &[T]) -> Vec<String> {
        values.iter().map(|v| self.label(*v)).collect()
    }

    /// A catalogue sharing these messages with failures of its own: one per notice rendered in
    /// parallel, so each notice's failed lookups are reported with it.
    #[must_use]
    pub fn fork(&self) -> Catalogue {
        Catalogue {
            locale: self.locale.clone(),
            bundle: Arc::clone(&self.bundle),
            digest: self.digest,
            failures: Arc::default(),
        }
    }

    /// The failed lookups from code since the last call.
    pub fn take_failures(&self) -> Vec<CatalogueError> {
        self.failures
            .lock()
            .map(|mut f| std::mem::take(&mut *f))
            .unwrap_or_default()
    }
}

/// A number as a Fluent argument (for plurals).
pub fn number(n: usize) -> FluentValue<'static> {
    FluentValue::from(n)
}

/// A string as a Fluent argument.
pub fn string(s: &str) -> FluentValue<'static> {
    FluentValue::from(s.to_owned())
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    /// The message ids the catalogue defines.
    fn defined() -> BTreeSet<String> {
        EN_GB
            .lines()
            .filter_map(|l| l.split_once(" ="))
            .map(|(id, _)| id)
            .filter(|id| {
                id.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            })
            .map(str::to_owned)
            .collect()
    }

    /// The message ids the templates and the render code ask for: `t("id"` in templates, `text("id"`,
    /// `text_with("id"` and the ids given to helpers in code (`"heading-…"`, `"duration-years"`),
    /// and every closed-list label.
    fn used() -> BTreeSet<String> {
        let mut sources: Vec<String> = super::super::Templates::builtin_names()
            .map(|name| {
                std::fs::read_to_string(format!("{}/templates/{name}", env!("CARGO_MANIFEST_DIR")))
                    .unwrap()
            })
            .collect();
        for file in [
            "render/view.rs",
            "render/jsonld.rs",
            "render/consent_record.rs",
            "render/mod.rs",
            "report.rs",
        ] {
            sources.push(
                std::fs::read_to_string(format!("{}/src/{file}", env!("CARGO_MANIFEST_DIR")))
                    .unwrap()
                    .lines()
                    .filter(|l| !l.trim_start().starts_with("//"))
                    .collect::<Vec<_>>()
                    .join("\n"),
            );
        }
        let quoted =
            regex::Regex::new(r#"(?:\bt\(|\btext\(|\btext_with\(\s*)"([a-z0-9-]+)""#).unwrap();
        let helper =
            regex::Regex::new(r#""((?:heading|retention|requirement|duration|report)-[a-z-]+)""#)
                .unwrap();
        let mut used = BTreeSet::new();
        for s in &sources {
            used.extend(quoted.captures_iter(s).map(|c| c[1].to_owned()));
            used.extend(helper.captures_iter(s).map(|c| c[1].to_owned()));
        }
        used.extend(crate::model::dpv::label_ids());
        used
    }

    #[test]
    fn every_message_used_exists_and_every_message_is_used() {
        let catalogue = Catalogue::en_gb().unwrap();
        let defined = defined();
        let used = used();
        for id in &used {
            assert!(catalogue.has(id), "`{id}` is used but not in the catalogue");
        }
        let unused: Vec<_> = defined.difference(&used).collect();
        assert!(
            unused.is_empty(),
            "in the catalogue but never used: {unused:?}"
        );
        for id in &defined {
            assert!(catalogue.has(id), "`{id}` did not parse as a message");
        }
    }

    #[test]
    fn arguments_are_not_wrapped_in_isolation_marks() {
        let catalogue = Catalogue::en_gb().unwrap();
        let text = catalogue.text_with("label-fee", &[("right", string("Right of access"))]);
        assert_eq!(text, "Fee (Right of access)");
        assert!(catalogue.take_failures().is_empty());
        for (id, _) in EN_GB.lines().filter_map(|l| l.split_once(" =")) {
            if catalogue.has(id) {
                // Formatting without arguments may fail; it must never add marks.
                let text = catalogue.format(id, None).unwrap_or_default();
                assert!(!text.contains(['\u{2068}', '\u{2069}']), "{id}");
            }
        }
    }

    #[test]
    fn a_missing_message_is_an_error_not_a_blank() {
        let catalogue = Catalogue::en_gb().unwrap();
        assert!(matches!(
            catalogue.format("no-such-message", None),
            Err(CatalogueError::Missing { .. })
        ));
        assert_eq!(catalogue.text("no-such-message"), "{no-such-message}");
        assert_eq!(catalogue.take_failures().len(), 1);
        let without_labels = Catalogue::parse("en-GB", "heading-rights = Your rights\n");
        assert!(matches!(
            without_labels,
            Err(CatalogueError::Missing { .. })
        ));
        assert!(matches!(
            Catalogue::parse("en-GB", "broken = {"),
            Err(CatalogueError::Syntax { .. })
        ));
    }
}

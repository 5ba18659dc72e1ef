//! Scalar newtypes of the model: ids, dates, durations, contact details and links.
//!
//! Each type fixes its JSON Schema (pattern and format) so editors flag a bad value as it is typed; the
//! semantic checks in `validate` then confirm what a pattern cannot (that `2023-02-30` is no date, that a
//! phone number is dialable). Ids accept only `[a-z0-9-]`, so an id can never name a path outside `out/`.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Declares a string newtype with a JSON Schema pattern and a description.
macro_rules! string_newtype {
    ($(#[$meta:meta])* $name:ident, pattern = $pattern:expr $(, format = $format:literal)? $(, max = $max:literal)?) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
        #[serde(transparent)]
        pub struct $name(
            #[schemars(regex(pattern = $pattern))]
            $(#[schemars(extend("format" = $format))])?
            $(#[schemars(length(min = 1, max = $max))])?
            pub String,
        );

        impl $name {
            /// The value as written.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl std::borrow::Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }
    };
}

/// The pattern every id follows: lowercase words of letters and digits joined by single hyphens.
pub const ID_PATTERN: &str = r"^[a-z0-9]+(-[a-z0-9]+)*$";

string_newtype!(
    /// A notice id: lowercase letters, digits and single hyphens (`livewest-customer`). It names the
    /// notice's folder under `out/`.
    NoticeId, pattern = ID_PATTERN, max = 64
);
string_newtype!(
    /// An id for an organisation, contact, purpose, data category, source, recipient or system, unique in
    /// its list: lowercase letters, digits and single hyphens.
    Id, pattern = ID_PATTERN, max = 64
);

/// The pattern of a calendar date, `YYYY-MM-DD`.
pub const DATE_PATTERN: &str = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
string_newtype!(
    /// A calendar date in ISO 8601 form, `YYYY-MM-DD` (`2023-03-07`).
    Date, pattern = DATE_PATTERN, format = "date"
);

/// The pattern of an ISO 8601 duration in years, months, weeks and days.
pub const DURATION_PATTERN: &str = r"^P(?:[0-9]+Y)?(?:[0-9]+M)?(?:[0-9]+W)?(?:[0-9]+D)?$";
string_newtype!(
    /// A period as an ISO 8601 duration: `P90D` (90 days), `P3M` (3 months), `P12Y` (12 years).
    Duration, pattern = DURATION_PATTERN, format = "duration"
);

/// A loose pattern for email addresses; `validate` checks them fully.
pub const EMAIL_PATTERN: &str = r"^[^@\s]+@[^@\s]+$";
string_newtype!(
    /// An email address (`data.protection@livewest.co.uk`).
    Email, pattern = EMAIL_PATTERN, format = "email"
);

/// The characters a telephone number may be written with.
pub const PHONE_PATTERN: &str = r"^\+?[0-9][0-9 ()-]{5,20}$";
string_newtype!(
    /// A telephone number as printed, UK national (`0300 123 8080`) or international (`+44 300 123 8080`).
    Phone, pattern = PHONE_PATTERN
);

/// UK postcodes, in upper case with the single space (the pattern of the GOV.UK bulk data standard).
pub const POSTCODE_PATTERN: &str = r"^(GIR 0AA|[A-PR-UWYZ]([0-9]{1,2}|([A-HK-Y][0-9]([0-9ABEHMNPRV-Y])?)|[0-9][A-HJKPS-UW]) [0-9][ABD-HJLNP-UW-Z]{2})$";
string_newtype!(
    /// A UK postcode in capitals with its space (`EX5 2FZ`).
    Postcode, pattern = POSTCODE_PATTERN
);

/// Links may only use these schemes: the web, and email.
pub const URL_PATTERN: &str = r"^(https?://|mailto:)[^\s]+$";
string_newtype!(
    /// A link: `https://`, `http://` or `mailto:` only.
    Link, pattern = URL_PATTERN, format = "uri"
);

/// ICO register entries: `Z` and seven digits, or two letters and six digits (`Z5297748`, `ZA123456`).
pub const ICO_PATTERN: &str = r"^(Z[0-9]{7}|Z[A-Z][0-9]{6})$";
string_newtype!(
    /// An entry in the ICO's register of fee payers (data protection register), e.g. `Z5297748`.
    IcoRegistration, pattern = ICO_PATTERN
);

/// Language tags the renderers support.
pub const LANGUAGE_PATTERN: &str = r"^[a-z]{2,3}(-[A-Z]{2})?$";
string_newtype!(
    /// A BCP 47 language tag for the notice's text (`en-GB`).
    Language, pattern = LANGUAGE_PATTERN
);

/// ISO 3166-1 alpha-2 country codes, or `EU` / `EEA` for those groups.
pub const JURISDICTION_PATTERN: &str = r"^([A-Z]{2}|EEA)$";
string_newtype!(
    /// Where data goes: an ISO 3166-1 alpha-2 country code (`US`), `EU` or `EEA`.
    Jurisdiction, pattern = JURISDICTION_PATTERN
);

impl Default for Language {
    fn default() -> Self {
        Language("en-GB".to_owned())
    }
}

/// Generators of valid values for fuzzing and property tests: each newtype yields only values its
/// pattern accepts, from small pools so that ids collide and references sometimes resolve.
#[cfg(feature = "arbitrary")]
mod arbitrary_impls {
    use super::*;
    use arbitrary::{Arbitrary, Result, Unstructured};

    const WORDS: &[&str] = &[
        "a", "b", "care", "data", "events", "kent", "notice", "rent", "x1", "z9",
    ];

    fn id(u: &mut Unstructured<'_>) -> Result<String> {
        let word = u.choose(WORDS)?;
        let n = u.int_in_range(0..=3u8)?;
        Ok(if n == 0 {
            (*word).to_owned()
        } else {
            format!("{word}-{n}")
        })
    }

    impl<'a> Arbitrary<'a> for NoticeId {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            id(u).map(NoticeId)
        }
    }

    impl<'a> Arbitrary<'a> for Id {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            id(u).map(Id)
        }
    }

    impl<'a> Arbitrary<'a> for Date {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            let (y, m, d) = (
                u.int_in_range(1990..=2030u16)?,
                u.int_in_range(1..=12u8)?,
                u.int_in_range(1..=28u8)?,
            );
            Ok(Date(format!("{y:04}-{m:02}-{d:02}")))
        }
    }

    impl<'a> Arbitrary<'a> for Duration {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            let n = u.int_in_range(1..=120u16)?;
            let unit = u.choose(&['D', 'W', 'M', 'Y'])?;
            Ok(Duration(format!("P{n}{unit}")))
        }
    }

    impl<'a> Arbitrary<'a> for Email {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            let user = u.choose(&["dpo", "data.protection", "team+notices", "o'brien"])?;
            Ok(Email(format!("{user}@example.org")))
        }
    }

    impl<'a> Arbitrary<'a> for Phone {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            let n = u.choose(&[
                "0300 123 8080",
                "020 7946 0000",
                "0800 027 9801",
                "+44 20 7946 0018",
            ])?;
            Ok(Phone((*n).to_owned()))
        }
    }

    impl<'a> Arbitrary<'a> for Postcode {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            let p = u.choose(&[
                "SW1A 1AA", "EX5 2FZ", "ME14 1XQ", "M1 1AE", "GIR 0AA", "EH99 1SP",
            ])?;
            Ok(Postcode((*p).to_owned()))
        }
    }

    impl<'a> Arbitrary<'a> for Link {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            let path = id(u)?;
            Ok(Link(match u.int_in_range(0..=2u8)? {
                0 => format!("mailto:{path}@example.org"),
                1 => format!("http://example.org/{path}?a=1&b=<2>"),
                _ => format!("https://example.org/{path}/\"quoted\"'single'"),
            }))
        }
    }

    impl<'a> Arbitrary<'a> for IcoRegistration {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            Ok(IcoRegistration(format!(
                "Z{:07}",
                u.int_in_range(0..=9_999_999u32)?
            )))
        }
    }

    impl<'a> Arbitrary<'a> for Language {
        fn arbitrary(_: &mut Unstructured<'a>) -> Result<Self> {
            Ok(Language::default())
        }
    }

    impl<'a> Arbitrary<'a> for Jurisdiction {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            let codes: Vec<&str> = crate::model::dpv::LOC_CODES.split(' ').collect();
            Ok(Jurisdiction((*u.choose(&codes)?).to_owned()))
        }
    }
}

//! Scalar newtypes of the model: ids, dates, durations, contact details and links.
//!
//! Each type fixes its JSON Schema (pattern and format) so editors flag a bad value as it is typed, and
//! parses its text once, when the file is decoded ([`Value::parse`]): what a pattern cannot check (that
//! `2023-02-30` is no date, that a phone number is diallable) is checked there, and dates and durations
//! are held as parsed values. `validate` finds each type's check through [`value_kind`], by the schema
//! name the type itself gives. Ids accept only `[a-z0-9-]`, so an id can never name a path outside `out/`;
//! outside this module they are made only through [`Id::new`] or decoding.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;
use std::sync::OnceLock;

use regex::Regex;
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::diagnostics::Code;
use crate::suggest::short;

/// Why a text is not a value of its type, as the diagnostic reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValueError {
    /// The diagnostic code (`E023` for a date that does not exist).
    pub code: Code,
    /// The message, quoting the text.
    pub message: String,
    /// The label under the text.
    pub label: String,
    /// How to write a valid value.
    pub help: String,
    /// Why the parser refused it, when it says.
    pub note: Option<String>,
}

impl ValueError {
    fn new(code: Code, message: String, label: &str, help: &str) -> Self {
        ValueError {
            code,
            message,
            label: label.to_owned(),
            help: help.to_owned(),
            note: None,
        }
    }

    fn note(mut self, note: impl fmt::Display) -> Self {
        self.note = Some(note.to_string());
        self
    }

    /// A text that does not even fit the type's pattern.
    fn pattern<T: Value>(text: &str) -> Self {
        ValueError::new(
            T::CODE,
            format!("`{}` is not a valid {}", short(text), T::NOUN),
            &format!("not a valid {}", T::NOUN),
            T::HELP,
        )
    }
}

impl fmt::Display for ValueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ValueError {}

/// A scalar of the model that is parsed from its text once, when the file is decoded: the model only
/// ever holds values that passed `parse`.
pub trait Value: Sized + JsonSchema + fmt::Display {
    /// The JSON Schema pattern of the text.
    const PATTERN: &'static str;
    /// The code for a text that does not fit the pattern.
    const CODE: Code;
    /// What a value is, in words (`date`).
    const NOUN: &'static str;
    /// How to write one, for a text that does not fit the pattern.
    const HELP: &'static str;
    /// A valid value, written out.
    const EXAMPLE: &'static str;

    /// Parses the text as written in a notices file.
    fn parse(text: &str) -> Result<Self, ValueError>;
}

/// One value type as the validate stage sees it: the checks on a string are looked up by the name the
/// type's schema has, which the type itself gives, so renaming a type cannot switch its check off.
pub struct ValueKind {
    /// The type's schema name (the `$defs` entry).
    pub name: Cow<'static, str>,
    /// The JSON Schema pattern of the text.
    pub pattern: &'static str,
    /// The code for a text that does not fit the pattern.
    pub code: Code,
    /// What a value is, in words.
    pub noun: &'static str,
    /// How to write one.
    pub help: &'static str,
    /// A valid value, to stand in for an invalid one so the rest of a file can still be checked.
    pub example: &'static str,
    /// Parses the text, keeping only the verdict.
    pub check: fn(&str) -> Result<(), ValueError>,
}

fn kind<T: Value>() -> ValueKind {
    ValueKind {
        name: T::schema_name(),
        pattern: T::PATTERN,
        code: T::CODE,
        noun: T::NOUN,
        help: T::HELP,
        example: T::EXAMPLE,
        check: |text| T::parse(text).map(drop),
    }
}

/// Every value type of the model.
pub fn value_kinds() -> &'static [ValueKind] {
    static KINDS: OnceLock<Vec<ValueKind>> = OnceLock::new();
    KINDS.get_or_init(|| {
        vec![
            kind::<NoticeId>(),
            kind::<Id>(),
            kind::<Date>(),
            kind::<Duration>(),
            kind::<Email>(),
            kind::<Phone>(),
            kind::<Postcode>(),
            kind::<Link>(),
            kind::<IcoRegistration>(),
            kind::<Language>(),
            kind::<Jurisdiction>(),
        ]
    })
}

/// The value type whose schema is named `name`.
pub fn value_kind(name: &str) -> Option<&'static ValueKind> {
    value_kinds().iter().find(|k| k.name == name)
}

/// Whether `text` fits `pattern`, with the pattern compiled once into `cell`.
fn fits(cell: &'static OnceLock<Regex>, pattern: &str, text: &str) -> bool {
    cell.get_or_init(|| {
        Regex::new(pattern).unwrap_or_else(|e| panic!("value pattern does not compile: {e}"))
    })
    .is_match(text)
}

/// Declares a value newtype over `$inner`: its JSON Schema is a string with a pattern (and a format
/// and length limits), it is written out as its text and read through `Value::parse`.
macro_rules! value_type {
    ($(#[$meta:meta])* $name:ident($inner:ty), pattern = $pattern:expr $(, format = $format:literal)? $(, max = $max:literal)?) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, JsonSchema)]
        #[serde(transparent)]
        pub struct $name(
            #[schemars(with = "String")]
            #[schemars(regex(pattern = $pattern))]
            $(#[schemars(extend("format" = $format))])?
            $(#[schemars(length(min = 1, max = $max))])?
            $inner,
        );

        impl $name {
            /// Whether `text` fits the pattern of this type.
            fn fits(text: &str) -> bool {
                static PATTERN: OnceLock<Regex> = OnceLock::new();
                fits(&PATTERN, $pattern, text)
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = Cow::<str>::deserialize(deserializer)?;
                <$name as Value>::parse(&text).map_err(serde::de::Error::custom)
            }
        }

        impl FromStr for $name {
            type Err = ValueError;

            fn from_str(text: &str) -> Result<Self, ValueError> {
                <$name as Value>::parse(text)
            }
        }

        impl TryFrom<String> for $name {
            type Error = ValueError;

            fn try_from(text: String) -> Result<Self, ValueError> {
                <$name as Value>::parse(&text)
            }
        }
    };
}

/// The string accessors of a value type that keeps its text.
macro_rules! text_value {
    ($name:ident) => {
        impl $name {
            /// The value as written.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
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

/// Implements `Value` for a text type that is valid when it fits its pattern.
macro_rules! pattern_value {
    ($name:ident, $pattern:expr, $code:ident, $noun:literal, $help:literal, $example:literal) => {
        impl Value for $name {
            const PATTERN: &'static str = $pattern;
            const CODE: Code = Code::$code;
            const NOUN: &'static str = $noun;
            const HELP: &'static str = $help;
            const EXAMPLE: &'static str = $example;

            fn parse(text: &str) -> Result<Self, ValueError> {
                if Self::fits(text) {
                    Ok($name(text.to_owned()))
                } else {
                    Err(ValueError::pattern::<Self>(text))
                }
            }
        }
    };
}

/// The pattern every id follows: lowercase words of letters and digits joined by single hyphens.
pub const ID_PATTERN: &str = r"^[a-z0-9]+(-[a-z0-9]+)*$";
/// The longest an id may be.
const ID_MAX: usize = 64;
/// What an id is, for messages.
const ID_HELP: &str =
    "ids use lowercase letters, digits and single hyphens, like `livewest-customer`";

value_type!(
    /// A notice id: lowercase letters, digits and single hyphens (`livewest-customer`). It names the
    /// notice's folder under `out/`.
    NoticeId(String), pattern = ID_PATTERN, max = 64
);
text_value!(NoticeId);
value_type!(
    /// An id for an organisation, contact, purpose, data category, source, recipient or system, unique in
    /// its list: lowercase letters, digits and single hyphens.
    Id(String), pattern = ID_PATTERN, max = 64
);
text_value!(Id);

/// Implements `Value` and the checked constructor for an id type.
macro_rules! id_value {
    ($name:ident, names_folder = $names_folder:literal) => {
        impl Value for $name {
            const PATTERN: &'static str = ID_PATTERN;
            const CODE: Code = Code::E014;
            const NOUN: &'static str = "id";
            const HELP: &'static str = ID_HELP;
            const EXAMPLE: &'static str = "example";

            fn parse(text: &str) -> Result<Self, ValueError> {
                if !(text.len() <= ID_MAX && Self::fits(text)) {
                    return Err(ValueError::pattern::<Self>(text));
                }
                if $names_folder && windows_reserved(text) {
                    return Err(ValueError::new(
                        Code::E014,
                        format!("`{text}` cannot name a folder on Windows"),
                        "a reserved device name",
                        "a notice id names its folder under `out/`; add a word, like `con-notice`",
                    ));
                }
                Ok($name(text.to_owned()))
            }
        }

        impl $name {
            /// The id `text`, if it is one: lowercase letters, digits and single hyphens, at most 64
            /// characters.
            pub fn new(text: &str) -> Option<Self> {
                <Self as Value>::parse(text).ok()
            }
        }
    };
}
id_value!(NoticeId, names_folder = true);
id_value!(Id, names_folder = false);

/// Whether `id` is a name Windows keeps for a device (`con`, `nul`, `com1`, …): a folder of that name
/// cannot be made or checked out there. Ids have no dots or capitals, so the name itself is the test.
fn windows_reserved(id: &str) -> bool {
    matches!(id, "con" | "prn" | "aux" | "nul")
        || ["com", "lpt"].iter().any(|device| {
            id.strip_prefix(device)
                .is_some_and(|n| n.len() == 1 && n.bytes().all(|b| b.is_ascii_digit()))
        })
}

/// The pattern of a calendar date, `YYYY-MM-DD`.
pub const DATE_PATTERN: &str = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
value_type!(
    /// A calendar date in ISO 8601 form, `YYYY-MM-DD` (`2023-03-07`).
    Date(jiff::civil::Date), pattern = DATE_PATTERN, format = "date"
);

impl Date {
    /// The date.
    pub fn date(&self) -> jiff::civil::Date {
        self.0
    }
}

impl From<jiff::civil::Date> for Date {
    fn from(date: jiff::civil::Date) -> Self {
        Date(date)
    }
}

impl fmt::Display for Date {
    /// As `YYYY-MM-DD`, as it is written.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl Value for Date {
    const PATTERN: &'static str = DATE_PATTERN;
    const CODE: Code = Code::E023;
    const NOUN: &'static str = "date";
    const HELP: &'static str = "write dates as `YYYY-MM-DD`, like `2023-03-07`";
    const EXAMPLE: &'static str = "2000-01-01";

    fn parse(text: &str) -> Result<Self, ValueError> {
        if !Self::fits(text) {
            return Err(ValueError::pattern::<Self>(text));
        }
        jiff::civil::Date::from_str(text).map(Date).map_err(|e| {
            ValueError::new(
                Code::E023,
                format!("`{text}` is not a real date"),
                "no such date",
                "check the day and month; dates are written `YYYY-MM-DD`",
            )
            .note(e)
        })
    }
}

/// The pattern of an ISO 8601 duration in years, months, weeks and days.
pub const DURATION_PATTERN: &str = r"^P(?:[0-9]+Y)?(?:[0-9]+M)?(?:[0-9]+W)?(?:[0-9]+D)?$";

/// The parts of an ISO 8601 duration, each as written or left out, and the text itself.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
struct Period {
    text: String,
    years: Option<u32>,
    months: Option<u32>,
    weeks: Option<u32>,
    days: Option<u32>,
}

value_type!(
    /// A period as an ISO 8601 duration: `P90D` (90 days), `P3M` (3 months), `P12Y` (12 years).
    Duration(Period), pattern = DURATION_PATTERN, format = "duration"
);

/// A unit of a `Duration`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DurationUnit {
    /// `Y`
    Years,
    /// `M`
    Months,
    /// `W`
    Weeks,
    /// `D`
    Days,
}

impl Duration {
    /// The duration as written (`P1Y6M`), as JSON-LD prints it.
    pub fn as_str(&self) -> &str {
        &self.0.text
    }

    /// The parts written, largest unit first (`P1Y6M` → 1 year, 6 months).
    pub fn parts(&self) -> impl Iterator<Item = (u32, DurationUnit)> + '_ {
        let p = &self.0;
        [
            (p.years, DurationUnit::Years),
            (p.months, DurationUnit::Months),
            (p.weeks, DurationUnit::Weeks),
            (p.days, DurationUnit::Days),
        ]
        .into_iter()
        .filter_map(|(n, unit)| n.map(|n| (n, unit)))
    }
}

impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.text)
    }
}

impl Value for Duration {
    const PATTERN: &'static str = DURATION_PATTERN;
    const CODE: Code = Code::E022;
    const NOUN: &'static str = "duration";
    const HELP: &'static str = "write periods as ISO 8601 durations: `P90D` (90 days), `P3M` (3 months), `P12Y` (12 years)";
    const EXAMPLE: &'static str = "P1D";

    fn parse(text: &str) -> Result<Self, ValueError> {
        if !Self::fits(text) {
            return Err(ValueError::pattern::<Self>(text));
        }
        let zero = text
            .trim_start_matches('P')
            .chars()
            .filter(char::is_ascii_digit)
            .all(|c| c == '0');
        if text == "P" || zero {
            return Err(ValueError::new(
                Code::E022,
                format!("`{text}` is an empty period"),
                "no length given",
                "give a length such as `P90D`, or use `criteria:` or `until:` when there is no fixed period",
            ));
        }
        let invalid = |note: String| {
            ValueError::new(
                Code::E022,
                format!("`{text}` is not a valid ISO 8601 duration"),
                "invalid duration",
                "write periods like `P90D`, `P3M` or `P12Y`",
            )
            .note(note)
        };
        jiff::Span::from_str(text).map_err(|e| invalid(e.to_string()))?;
        let mut period = Period {
            text: text.to_owned(),
            years: None,
            months: None,
            weeks: None,
            days: None,
        };
        let mut digits = String::new();
        for c in text.chars().skip(1) {
            if c.is_ascii_digit() {
                digits.push(c);
                continue;
            }
            let n = digits
                .parse::<u32>()
                .map_err(|e| invalid(format!("{c}: {e}")))?;
            digits.clear();
            match c {
                'Y' => period.years = Some(n),
                'M' => period.months = Some(n),
                'W' => period.weeks = Some(n),
                _ => period.days = Some(n),
            }
        }
        Ok(Duration(period))
    }
}

/// Characters an email address in a notice may not have, though a mailbox name may: each one would end
/// or change a `mailto:` link (RFC 6068) or quote part of the address.
const EMAIL_REFUSED: &[char] = &['?', '&', '%', '#', '/', '\\', '"', '<', '>'];

/// A loose pattern for email addresses; `parse` checks them fully.
pub const EMAIL_PATTERN: &str = r"^[^@\s]+@[^@\s]+$";
value_type!(
    /// An email address (`data.protection@livewest.co.uk`).
    Email(String), pattern = EMAIL_PATTERN, format = "email"
);
text_value!(Email);

impl Value for Email {
    const PATTERN: &'static str = EMAIL_PATTERN;
    const CODE: Code = Code::E024;
    const NOUN: &'static str = "email address";
    const HELP: &'static str = "write an address like `data.protection@example.org`";
    const EXAMPLE: &'static str = "dpo@example.org";

    fn parse(text: &str) -> Result<Self, ValueError> {
        if !Self::fits(text) {
            return Err(ValueError::pattern::<Self>(text));
        }
        // Characters that end or escape part of a `mailto:` link, or a quoted local part: legal in a
        // mailbox name, but a published contact address never needs them, and in a link they can add
        // hidden recipients or headers (`dpo?bcc=someone@example.org`).
        if let Some(c) = text.chars().find(|c| EMAIL_REFUSED.contains(c)) {
            return Err(ValueError::new(
                Code::E024,
                format!(
                    "`{}` has `{c}` in it, which a contact address does not need",
                    short(text)
                ),
                "not a plain email address",
                "write the plain address, like `data.protection@example.org`, without `?`, `&`, `%`, `#`, `/`, `\\` or quotes",
            ));
        }
        match email_address::EmailAddress::from_str(text) {
            Ok(_) => Ok(Email(text.to_owned())),
            Err(e) => Err(ValueError::new(
                Code::E024,
                format!("`{}` is not a valid email address", short(text)),
                "invalid email address",
                "write an address like `data.protection@example.org`",
            )
            .note(e)),
        }
    }
}

/// The characters a telephone number may be written with.
pub const PHONE_PATTERN: &str = r"^\+?[0-9][0-9 ()-]{5,20}$";
value_type!(
    /// A telephone number as printed, UK national (`0300 123 8080`) or international (`+44 300 123 8080`).
    Phone(String), pattern = PHONE_PATTERN
);
text_value!(Phone);

impl Value for Phone {
    const PATTERN: &'static str = PHONE_PATTERN;
    const CODE: Code = Code::E025;
    const NOUN: &'static str = "telephone number";
    const HELP: &'static str =
        "write the number as dialled, like `0300 123 8080` or `+44 300 123 8080`";
    const EXAMPLE: &'static str = "0300 123 8080";

    fn parse(text: &str) -> Result<Self, ValueError> {
        if !Self::fits(text) {
            return Err(ValueError::pattern::<Self>(text));
        }
        if phone_is_valid(text) {
            Ok(Phone(text.to_owned()))
        } else {
            Err(ValueError::new(
                Code::E025,
                format!("`{}` is not a valid telephone number", short(text)),
                "not a diallable number",
                "check the digits; UK numbers have 10 or 11 digits, like `0300 123 8080`",
            ))
        }
    }
}

/// The United Kingdom's numbering plan alone, read on first use: about 2 ms, where the whole world's
/// metadata (`phonenumber`'s default database) takes about 75 ms to load, most of the time a check of
/// one notice takes. `None` only if the bundled file did not load, which a test rules out.
static UK_NUMBERS: std::sync::LazyLock<Option<phonenumber::metadata::Database>> =
    std::sync::LazyLock::new(|| {
        phonenumber::metadata::Database::parse(include_str!("phone/gb.xml")).ok()
    });

/// Whether `text` is a diallable number, read as a UK number unless it starts with a country code.
/// UK numbers are checked against the UK plan alone; a number it does not accept (another country's,
/// one of the Crown Dependencies' that share +44, or a wrong one) against the whole world's, so the
/// answer is always the one the whole world's metadata gives.
pub(crate) fn phone_is_valid(text: &str) -> bool {
    let gb = Some(phonenumber::country::Id::GB);
    let uk = UK_NUMBERS.as_ref().is_some_and(|db| {
        phonenumber::parse_with(db, gb, text).is_ok_and(|n| phonenumber::is_valid_with(db, &n))
    });
    uk || phonenumber::parse(gb, text).is_ok_and(|n| phonenumber::is_valid(&n))
}

/// UK postcodes, in upper case with the single space (the pattern of the GOV.UK bulk data standard).
pub const POSTCODE_PATTERN: &str = r"^(GIR 0AA|[A-PR-UWYZ]([0-9]{1,2}|([A-HK-Y][0-9]([0-9ABEHMNPRV-Y])?)|[0-9][A-HJKPS-UW]) [0-9][ABD-HJLNP-UW-Z]{2})$";
value_type!(
    /// A UK postcode in capitals with its space (`EX5 2FZ`).
    Postcode(String), pattern = POSTCODE_PATTERN
);
text_value!(Postcode);
pattern_value!(
    Postcode,
    POSTCODE_PATTERN,
    E026,
    "UK postcode",
    "write postcodes in capitals with one space, like `EX5 2FZ`",
    "EX5 2FZ"
);

/// Links may only use these schemes: the web, and email.
pub const URL_PATTERN: &str = r"^(https?://|mailto:)[^\s]+$";
value_type!(
    /// A link: `https://`, `http://` or `mailto:` only.
    Link(String), pattern = URL_PATTERN, format = "uri"
);
text_value!(Link);

impl Value for Link {
    const PATTERN: &'static str = URL_PATTERN;
    const CODE: Code = Code::E027;
    const NOUN: &'static str = "link";
    const HELP: &'static str = "links must start with `https://`, `http://` or `mailto:`";
    const EXAMPLE: &'static str = "https://example.org/";

    fn parse(text: &str) -> Result<Self, ValueError> {
        if !Self::fits(text) {
            return Err(ValueError::pattern::<Self>(text));
        }
        let problem = match url::Url::parse(text) {
            Err(e) => e.to_string(),
            Ok(u) if !matches!(u.scheme(), "http" | "https" | "mailto") => {
                format!("the `{}:` scheme is not allowed", u.scheme())
            }
            Ok(u) if u.scheme() != "mailto" && u.host_str().is_none_or(str::is_empty) => {
                "it has no host".into()
            }
            Ok(_) => return Ok(Link(text.to_owned())),
        };
        Err(ValueError::new(
            Code::E027,
            format!("`{}` is not a valid link: {problem}", short(text)),
            "invalid link",
            "links must be full `https://`, `http://` or `mailto:` addresses",
        ))
    }
}

/// ICO register entries: `Z` and seven digits, or two letters and six digits (`Z5297748`, `ZA123456`).
pub const ICO_PATTERN: &str = r"^(Z[0-9]{7}|Z[A-Z][0-9]{6})$";
value_type!(
    /// An entry in the ICO's register of fee payers (data protection register), e.g. `Z5297748`.
    IcoRegistration(String), pattern = ICO_PATTERN
);
text_value!(IcoRegistration);
pattern_value!(
    IcoRegistration,
    ICO_PATTERN,
    E014,
    "ICO registration number",
    "ICO registration numbers look like `Z5297748` or `ZA123456`",
    "Z5297748"
);

/// Language tags the renderers support.
pub const LANGUAGE_PATTERN: &str = r"^[a-z]{2,3}(-[A-Z]{2})?$";
value_type!(
    /// A BCP 47 language tag for the notice's text (`en-GB`).
    Language(String), pattern = LANGUAGE_PATTERN
);
text_value!(Language);
pattern_value!(
    Language,
    LANGUAGE_PATTERN,
    E014,
    "language tag",
    "use a language tag like `en-GB`",
    "en-GB"
);

/// ISO 3166-1 alpha-2 country codes, or `EU` / `EEA` for those groups.
pub const JURISDICTION_PATTERN: &str = r"^([A-Z]{2}|EEA)$";
value_type!(
    /// Where data goes: an ISO 3166-1 alpha-2 country code (`US`), `EU` or `EEA`.
    Jurisdiction(String), pattern = JURISDICTION_PATTERN
);
text_value!(Jurisdiction);

impl Value for Jurisdiction {
    const PATTERN: &'static str = JURISDICTION_PATTERN;
    const CODE: Code = Code::E014;
    const NOUN: &'static str = "country code";
    const HELP: &'static str = "use an ISO 3166 country code like `US`, or `EU` or `EEA`";
    const EXAMPLE: &'static str = "GB";

    fn parse(text: &str) -> Result<Self, ValueError> {
        if !Self::fits(text) {
            return Err(ValueError::pattern::<Self>(text));
        }
        if crate::model::dpv::is_loc_code(text) {
            Ok(Jurisdiction(text.to_owned()))
        } else {
            Err(ValueError::new(
                Code::E014,
                format!("`{text}` is not a country or region code"),
                "unknown code",
                "use an ISO 3166-1 alpha-2 code such as `US` or `IN`, or `EU` or `EEA`",
            ))
        }
    }
}

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
                u.int_in_range(1990..=2030i16)?,
                u.int_in_range(1..=12i8)?,
                u.int_in_range(1..=28i8)?,
            );
            Ok(Date(jiff::civil::date(y, m, d)))
        }
    }

    impl<'a> Arbitrary<'a> for Duration {
        fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
            let n = u.int_in_range(1..=120u16)?;
            let unit = u.choose(&['D', 'W', 'M', 'Y'])?;
            Duration::parse(&format!("P{n}{unit}")).map_err(|_| arbitrary::Error::IncorrectFormat)
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The UK plan alone gives the same answer as the whole world's metadata, for UK numbers of every
    /// length and leading digits, the Crown Dependencies' (+44 too), other countries' and wrong ones.
    #[test]
    fn uk_numbers_first_answers_as_the_whole_world_does() {
        assert!(UK_NUMBERS.is_some(), "the bundled UK numbering plan loads");
        let full = |text: &str| {
            phonenumber::parse(Some(phonenumber::country::Id::GB), text)
                .is_ok_and(|n| phonenumber::is_valid(&n))
        };
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut digits = |n: usize| -> String {
            (0..n)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    char::from(b'0' + u8::try_from(seed % 10).unwrap())
                })
                .collect()
        };
        let mut cases = vec![
            "0300 123 8080".to_owned(),
            "+44 300 123 8080".to_owned(),
            "01534 716 000".to_owned(),    // Jersey
            "+44 1481 717 000".to_owned(), // Guernsey
            "01624 685 500".to_owned(),    // Isle of Man
            "+1 202 456 1111".to_owned(),
            "+353 1 234 5678".to_owned(),
            "999".to_owned(),
            "0800 1111".to_owned(),
        ];
        for lead in 0..100 {
            for len in 7..=11 {
                cases.push(format!("0{lead:02}{}", digits(len)));
                cases.push(format!("+44 {lead:02}{}", digits(len)));
            }
        }
        let mut valid = 0;
        for case in &cases {
            assert_eq!(phone_is_valid(case), full(case), "{case}");
            valid += usize::from(full(case));
        }
        // The sweep holds both kinds, so the comparison means something.
        assert!(
            valid > 50 && valid < cases.len() - 50,
            "{valid} of {}",
            cases.len()
        );
    }

    #[test]
    fn every_patterned_string_in_the_schema_is_a_value_type() {
        let schema = crate::schema::schema();
        let defs = schema["$defs"].as_object().unwrap();
        for (name, def) in defs {
            if def.get("pattern").is_some() {
                let kind = value_kind(name)
                    .unwrap_or_else(|| panic!("`{name}` has a pattern but no `Value` impl"));
                assert_eq!(def["pattern"], kind.pattern, "{name}");
            }
        }
        for kind in value_kinds() {
            assert!(defs.contains_key(kind.name.as_ref()), "{}", kind.name);
            assert_eq!((kind.check)(kind.example), Ok(()), "{}", kind.name);
        }
    }

    #[test]
    fn values_are_parsed_once() {
        let date: Date = "2024-02-29".parse().unwrap();
        assert_eq!(date.date(), jiff::civil::date(2024, 2, 29));
        assert_eq!(date.to_string(), "2024-02-29");
        assert_eq!(Date::parse("2023-02-29").unwrap_err().code, Code::E023);
        let period: Duration = "P1Y0M6W".parse().unwrap();
        assert_eq!(period.as_str(), "P1Y0M6W");
        assert_eq!(
            period.parts().collect::<Vec<_>>(),
            [
                (1, DurationUnit::Years),
                (0, DurationUnit::Months),
                (6, DurationUnit::Weeks)
            ]
        );
        assert_eq!(Duration::parse("P0D").unwrap_err().code, Code::E022);
        assert_eq!(Duration::parse("PT1H").unwrap_err().code, Code::E022);
        assert!(Email::parse("a@@b").is_err());
        assert!(Phone::parse("0300 123").is_err());
        assert!(Postcode::parse("ex5 2fz").is_err());
        assert!(Link::parse("ftp://example.org").is_err());
        assert!(Jurisdiction::parse("XX").is_err());
    }

    #[test]
    fn ids_are_checked_when_made() {
        assert_eq!(Id::new("care-1").unwrap().as_str(), "care-1");
        assert_eq!(Id::new("Care"), None);
        assert_eq!(Id::new("a--b"), None);
        assert_eq!(NoticeId::new(&"a".repeat(65)), None);
        assert!(serde_json::from_str::<Id>("\"../etc\"").is_err());
        assert_eq!(
            serde_json::to_string(&Id::try_from("x1".to_owned()).unwrap()).unwrap(),
            "\"x1\""
        );
    }
}

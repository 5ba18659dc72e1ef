//! Closed lists of the model and the W3C Data Privacy Vocabulary (DPV 2.3) term each value stands for.
//!
//! Every closed list in a notice is an enum declared with `closed_list!` (below), so each value
//! carries, in one place, its YAML spelling, a label for readers and its DPV term. The JSON-LD renderer
//! reads the terms from here; a test checks every term against the published DPV term list.

/// The DPV namespaces the model uses, as (prefix, namespace IRI).
pub const NAMESPACES: &[(&str, &str)] = &[
    ("dpv", "https://w3id.org/dpv#"),
    ("pd", "https://w3id.org/dpv/pd#"),
    ("eu-gdpr", "https://w3id.org/dpv/legal/eu/gdpr#"),
    ("legal-gb", "https://w3id.org/dpv/legal/gb#"),
    ("loc", "https://w3id.org/dpv/loc#"),
];

/// Expands a compact term such as `eu-gdpr:A6-1-a` to its full IRI.
///
/// Returns `None` when the prefix is not one of [`NAMESPACES`].
pub fn expand(compact: &str) -> Option<String> {
    let (prefix, local) = compact.split_once(':')?;
    NAMESPACES
        .iter()
        .find(|(p, _)| *p == prefix)
        .map(|(_, ns)| format!("{ns}{local}"))
}

/// A closed list whose values each know their message id and DPV term.
pub trait ClosedList: Copy + Sized + 'static {
    /// Every value, in declaration order.
    const ALL: &'static [Self];
    /// The list's name, as message ids begin (`lawful-basis`).
    const LIST: &'static str;
    /// The value as written in YAML (`legitimate_interests`).
    fn key(self) -> &'static str;
    /// The compact DPV term (`eu-gdpr:A6-1-f`); empty for a value DPV has no term for.
    fn dpv(self) -> &'static str;
    /// The compact DPV term, or `None` for a value DPV has no term for.
    fn term(self) -> Option<&'static str> {
        Some(self.dpv()).filter(|t| !t.is_empty())
    }
    /// The id of the value's label for readers in the message catalogue (`lawful-basis-legitimate-interests`).
    fn label_id(self) -> String {
        format!("{}-{}", Self::LIST, self.key().replace('_', "-"))
    }
}

/// Declares a closed list: the enum, its serde and schema derives, and its [`ClosedList`] table.
///
/// The list is written `pub enum Name = "message-id-prefix" { … }`, each variant
/// `Variant = ("yaml_key", "prefix:Term")`, or `("yaml_key", "")` for a value DPV has no term for. Variant doc comments are left
/// out on purpose: schemars then emits a plain `enum` of strings, which validators report as one list of
/// allowed values, and [`crate::schema::describe_values`] gives each value its own description from its
/// label in the catalogue, for editors to show.
macro_rules! closed_list {
    (
        $(#[$meta:meta])*
        pub enum $name:ident = $list:literal {
            $( $variant:ident = ($key:literal, $term:literal) ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash,
            serde::Serialize, serde::Deserialize, schemars::JsonSchema,
        )]
        #[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
        #[schemars(transform = $crate::schema::describe_values::<$name>)]
        pub enum $name {
            $(
                #[serde(rename = $key)]
                #[allow(missing_docs)]
                $variant,
            )+
        }

        impl $crate::model::dpv::ClosedList for $name {
            const ALL: &'static [Self] = &[$(Self::$variant),+];
            const LIST: &'static str = $list;
            fn key(self) -> &'static str {
                match self { $(Self::$variant => $key),+ }
            }
            fn dpv(self) -> &'static str {
                match self { $(Self::$variant => $term),+ }
            }
        }
    };
}

pub(crate) use closed_list;

/// Every DPV term any closed list of the model uses, with the list and value it comes from.
pub fn all_terms() -> Vec<(&'static str, &'static str, &'static str)> {
    use crate::model::*;
    fn of<T: ClosedList>(
        list: &'static str,
        out: &mut Vec<(&'static str, &'static str, &'static str)>,
    ) {
        out.extend(T::ALL.iter().map(|v| (list, v.key(), v.dpv())));
    }
    let mut out = Vec::new();
    of::<NoticeKind>("NoticeKind", &mut out);
    of::<Relation>("Relation", &mut out);
    of::<DataSubjectKind>("DataSubjectKind", &mut out);
    of::<OrganisationKind>("OrganisationKind", &mut out);
    of::<PartyRole>("PartyRole", &mut out);
    of::<ContactRole>("ContactRole", &mut out);
    of::<LawfulBasis>("LawfulBasis", &mut out);
    of::<PurposeKind>("PurposeKind", &mut out);
    of::<PersonalDataKind>("PersonalDataKind", &mut out);
    of::<SpecialCategory>("SpecialCategory", &mut out);
    of::<Art9Condition>("Art9Condition", &mut out);
    of::<Schedule1Condition>("Schedule1Condition", &mut out);
    of::<SourceParty>("SourceParty", &mut out);
    of::<CollectionMethod>("CollectionMethod", &mut out);
    of::<RecipientKind>("RecipientKind", &mut out);
    of::<TransferSafeguard>("TransferSafeguard", &mut out);
    of::<RetentionEvent>("RetentionEvent", &mut out);
    of::<Disposal>("Disposal", &mut out);
    of::<Right>("Right", &mut out);
    of::<RequirementKind>("RequirementKind", &mut out);
    of::<SecurityMeasure>("SecurityMeasure", &mut out);
    of::<Signer>("Signer", &mut out);
    of::<ListName>("ListName", &mut out);
    of::<Qualifier>("Qualifier", &mut out);
    out.retain(|(_, _, term)| !term.is_empty());
    out
}

/// The message id of every closed-list value's label: the catalogue must have each.
pub fn label_ids() -> Vec<String> {
    use crate::model::*;
    fn of<T: ClosedList>(out: &mut Vec<String>) {
        out.extend(T::ALL.iter().map(|v| v.label_id()));
    }
    let mut out = Vec::new();
    of::<NoticeKind>(&mut out);
    of::<Relation>(&mut out);
    of::<DataSubjectKind>(&mut out);
    of::<OrganisationKind>(&mut out);
    of::<PartyRole>(&mut out);
    of::<ContactRole>(&mut out);
    of::<LawfulBasis>(&mut out);
    of::<PurposeKind>(&mut out);
    of::<PersonalDataKind>(&mut out);
    of::<SpecialCategory>(&mut out);
    of::<Art9Condition>(&mut out);
    of::<Schedule1Condition>(&mut out);
    of::<SourceParty>(&mut out);
    of::<CollectionMethod>(&mut out);
    of::<RecipientKind>(&mut out);
    of::<TransferSafeguard>(&mut out);
    of::<RetentionEvent>(&mut out);
    of::<Disposal>(&mut out);
    of::<Right>(&mut out);
    of::<RequirementKind>(&mut out);
    of::<SecurityMeasure>(&mut out);
    of::<Signer>(&mut out);
    of::<ListName>(&mut out);
    of::<Qualifier>(&mut out);
    out
}

/// The country and region codes DPV's `loc:` namespace defines (ISO 3166-1 alpha-2, plus `EU`), and `EEA`.
pub const LOC_CODES: &str = "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET EU FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW EEA";

/// Whether `code` names a place in DPV's `loc:` namespace.
pub fn is_loc_code(code: &str) -> bool {
    LOC_CODES.split(' ').any(|c| c == code)
}

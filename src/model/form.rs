//! Consent forms: a notice printed, read with the person, and signed.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::dpv::closed_list;
use super::organisation::HowTo;
use super::values::Id;

/// A printable form built from the notice: consent choices and signature blocks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct ConsentForm {
    /// The heading printed on the form; the notice title when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Instructions for whoever goes through the form with the person.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instructions: Option<String>,
    /// What the person acknowledges by signing the form as a whole, in the form's words (`I have been given
    /// this Privacy Promise`); absent when the form does not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acknowledgement: Option<String>,
    /// The consent choices, one unticked box each; empty when the form asks for no consent.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub statements: Vec<ConsentStatement>,
    /// The signature blocks, in order.
    #[serde(default)]
    pub signature_blocks: Vec<SignatureBlock>,
    /// How to withdraw consent later.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withdrawal: Option<HowTo>,
}

/// One consent choice: a box the person may tick.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct ConsentStatement {
    /// Unique id within the form.
    pub id: Id,
    /// The statement the person agrees to by ticking (`I agree to be contacted about future events`).
    pub text: String,
    /// The purpose this consent is for, by id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purpose: Option<Id>,
}

/// A block with ruled lines for Name (please print), Signature and Date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct SignatureBlock {
    /// Who signs here.
    pub signer: Signer,
    /// A heading above the block; a default from the signer when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading: Option<String>,
    /// What the signer confirms by signing, where the form says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub declaration: Option<String>,
    /// Further ruled lines after Name, Signature and Date (`Relationship to the person`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extra_fields: Vec<String>,
}

closed_list! {
    /// Who signs a signature block.
    pub enum Signer = "signer" {
        DataSubject = ("data_subject", "dpv:DataSubject"),
        Parent = ("parent", "dpv:ParentOfDataSubject"),
        Guardian = ("guardian", "dpv:GuardianOfDataSubject"),
        Advocate = ("advocate", "dpv:Representative"),
        PersonOrRepresentative = ("person_or_representative", "dpv:DataSubject"),
        SupportWorker = ("support_worker", "dpv:Entity"),
        Witness = ("witness", "dpv:Entity"),
    }
}

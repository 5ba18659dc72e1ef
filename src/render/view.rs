//! The view of a notice the templates lay out: every id resolved to a name, every closed-list value to
//! its label, periods and dates written for readers, and the "at a glance" summary composed.
//!
//! Templates only arrange what is here, so HTML, text and the printed form say the same things.

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::graph::{Graph, must_read_alongside};
use crate::model::*;
use crate::suggest::lowercase_first;

/// A notice ready for the templates.
#[derive(Debug, Clone, Serialize)]
pub struct NoticeView {
    pub id: String,
    pub title: String,
    pub version: String,
    pub last_updated: Option<String>,
    pub last_updated_iso: Option<String>,
    pub published: Option<String>,
    pub published_iso: Option<String>,
    pub language: String,
    pub kind: &'static str,
    pub audience: Option<String>,
    pub data_subjects: Vec<&'static str>,
    pub summary: Option<String>,
    pub introduction: Vec<String>,
    pub url: Option<String>,
    /// The first 12 hex digits of the SHA-256 of the notice's facts: printed on forms for tracing.
    pub hash: String,
    pub alongside: Vec<RelatedView>,
    pub related: Vec<RelatedView>,
    pub parties: Vec<PartyView>,
    pub dpo: Option<ContactView>,
    pub feedback: Option<ContactView>,
    pub why: Option<String>,
    pub purposes: Vec<PurposeView>,
    pub basis_explanations: Vec<Labelled>,
    pub bases_not_relied_on: Vec<Labelled>,
    pub sharing_bases: Vec<String>,
    pub sharing_statement: Option<String>,
    pub categories: Vec<CategoryView>,
    pub sources: Vec<SourceView>,
    pub recipients: Vec<RecipientView>,
    pub sharing_arrangements: Vec<String>,
    pub systems: Vec<SystemView>,
    pub transfers: Vec<TransferView>,
    pub retention: Vec<RetentionView>,
    pub rights: Vec<RightView>,
    /// Rights in order, consecutive ones used the same way grouped together.
    pub right_groups: Vec<RightGroup>,
    pub requirements: Vec<RequirementView>,
    pub automated_decisions: Vec<DecisionView>,
    pub security: Option<SecurityView>,
    pub not_exhaustive: NotExhaustiveView,
    pub other_information: Vec<InfoView>,
    pub changes: Option<String>,
    pub form: Option<FormView>,
    pub glance: Glance,
}

/// A label with a text (a lawful basis and its explanation).
#[derive(Debug, Clone, Serialize)]
pub struct Labelled {
    pub label: &'static str,
    pub text: String,
}

/// Another document, with a link where there is one.
#[derive(Debug, Clone, Serialize)]
pub struct RelatedView {
    pub relation: &'static str,
    pub relation_label: &'static str,
    pub title: String,
    /// A link: `../<id>/index.html` for a notice in the file, else its URL.
    pub href: Option<String>,
    /// The URL printed in text and on paper.
    pub url: Option<String>,
    pub notice: Option<String>,
    pub organisation: Option<String>,
}

/// An organisation and its role.
#[derive(Debug, Clone, Serialize)]
pub struct PartyView {
    pub name: String,
    pub role: &'static str,
    pub role_label: &'static str,
    pub kind: Option<&'static str>,
    pub description: Option<String>,
    pub organisation_description: Option<String>,
    pub acting_for: Option<String>,
    pub ico_registration: Option<String>,
    pub address: Vec<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub website: Option<String>,
}

/// A contact point with its details.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ContactView {
    pub name: String,
    pub organisation: String,
    pub role_label: &'static str,
    pub email: Option<String>,
    pub phone: Option<String>,
    /// The contact's address, or its organisation's.
    pub address: Vec<String>,
    pub url: Option<String>,
}

/// How to do something.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HowView {
    pub instructions: Option<String>,
    pub contact: Option<ContactView>,
}

/// A purpose.
#[derive(Debug, Clone, Serialize)]
pub struct PurposeView {
    pub id: String,
    pub name: String,
    pub kinds: Vec<&'static str>,
    pub description: Option<String>,
    pub examples: Vec<String>,
    pub bases: Vec<&'static str>,
    pub legitimate_interests: Vec<String>,
    pub categories: Vec<String>,
    pub recipients: Vec<String>,
    pub withdraw: Option<HowView>,
    pub consent_ends: Option<String>,
    pub opt_out: Option<HowView>,
}

/// A data category.
#[derive(Debug, Clone, Serialize)]
pub struct CategoryView {
    pub id: String,
    pub name: String,
    pub description: Option<String>,
    pub examples: Vec<String>,
    pub kinds: Vec<&'static str>,
    pub special: Vec<&'static str>,
    pub art9: Vec<&'static str>,
    pub schedule1: Vec<&'static str>,
    pub policy_document: Option<String>,
    pub criminal: bool,
    pub sources: Vec<String>,
    pub access: Option<String>,
}

/// A source of data.
#[derive(Debug, Clone, Serialize)]
pub struct SourceView {
    pub name: String,
    pub party: &'static str,
    pub method: &'static str,
    pub publicly_accessible: bool,
    pub examples: Vec<String>,
    pub when: Option<String>,
}

/// A recipient.
#[derive(Debug, Clone, Serialize)]
pub struct RecipientView {
    pub name: String,
    pub kind: &'static str,
    pub organisation: Option<String>,
    pub examples: Vec<String>,
    pub when: Option<String>,
    pub categories: Vec<String>,
    pub processor: bool,
}

/// A system.
#[derive(Debug, Clone, Serialize)]
pub struct SystemView {
    pub name: String,
    pub description: Option<String>,
    pub locations: Vec<String>,
}

/// A transfer outside the UK.
#[derive(Debug, Clone, Serialize)]
pub struct TransferView {
    pub destinations: Vec<String>,
    pub safeguards: Vec<&'static str>,
    pub systems: Vec<String>,
    pub statement: Option<String>,
    pub occasional: bool,
}

/// A retention rule in words.
#[derive(Debug, Clone, Serialize)]
pub struct RetentionView {
    /// What it covers (`Recordings of some telephone calls`, or `All personal data`).
    pub applies_to: String,
    /// How long, in a phrase (`90 days from when it is collected or recorded`).
    pub how_long: String,
    pub period: Option<String>,
    pub period_iso: Option<String>,
    pub criteria: Option<String>,
    pub applies_when: Option<String>,
    pub reason: Option<String>,
    pub then: Option<&'static str>,
    pub unless: Option<String>,
}

/// A right.
#[derive(Debug, Clone, Serialize)]
pub struct RightView {
    pub right: &'static str,
    pub label: &'static str,
    pub description: Option<String>,
    pub how: Option<HowView>,
    pub authority: Option<String>,
    pub identification: Option<String>,
    pub fee: Option<String>,
    pub limits: Option<String>,
}

/// Rights used the same way, shown once with their shared instructions.
#[derive(Debug, Clone, Serialize)]
pub struct RightGroup {
    /// `Right of access (Art. 15)`, or the labels joined for several rights.
    pub heading: String,
    pub rights: Vec<RightView>,
    pub how: Option<HowView>,
}

/// Groups consecutive rights whose `how` is the same.
fn group_rights(rights: &[RightView]) -> Vec<RightGroup> {
    let mut groups: Vec<RightGroup> = Vec::new();
    for r in rights {
        match groups.last_mut() {
            Some(g)
                if r.how.is_some()
                    && g.how == r.how
                    && r.authority.is_none()
                    && g.rights.iter().all(|x| x.authority.is_none()) =>
            {
                g.rights.push(r.clone());
            }
            _ => groups.push(RightGroup {
                heading: String::new(),
                rights: vec![r.clone()],
                how: r.how.clone(),
            }),
        }
    }
    for g in &mut groups {
        let labels: Vec<&str> = g.rights.iter().map(|r| r.label).collect();
        // "Right of access (Art. 15), right to rectification (Art. 16) and right to erasure (Art. 17)".
        let mut parts: Vec<String> = labels
            .iter()
            .enumerate()
            .map(|(i, l)| {
                if i == 0 {
                    (*l).to_owned()
                } else {
                    lowercase_first(l)
                }
            })
            .collect();
        g.heading = match parts.pop() {
            Some(last) if !parts.is_empty() => format!("{} and {last}", parts.join(", ")),
            Some(only) => only,
            None => String::new(),
        };
    }
    groups
}

/// Whether data must be provided.
#[derive(Debug, Clone, Serialize)]
pub struct RequirementView {
    pub applies_to: String,
    pub requirement: Option<&'static str>,
    pub when: Option<String>,
    pub consequences: Option<String>,
}

/// An automated decision.
#[derive(Debug, Clone, Serialize)]
pub struct DecisionView {
    pub description: String,
    pub profiling: bool,
    pub logic: Option<String>,
    pub significance: Option<String>,
    pub consequences: Option<String>,
    pub human_involvement: Option<String>,
    pub examples: Vec<String>,
}

/// Security.
#[derive(Debug, Clone, Serialize)]
pub struct SecurityView {
    pub measures: Vec<&'static str>,
    pub description: Option<String>,
}

/// What the notice says of lists that are not complete.
#[derive(Debug, Clone, Default, Serialize)]
pub struct NotExhaustiveView {
    pub purposes: Option<String>,
    pub data_categories: Option<String>,
    pub sources: Option<String>,
    pub recipients: Option<String>,
}

/// A section of prose.
#[derive(Debug, Clone, Serialize)]
pub struct InfoView {
    pub heading: String,
    pub paragraphs: Vec<String>,
    pub items: Vec<String>,
}

/// The printable form.
#[derive(Debug, Clone, Serialize)]
pub struct FormView {
    pub title: String,
    pub instructions: Option<String>,
    pub statements: Vec<StatementView>,
    pub blocks: Vec<BlockView>,
    pub withdrawal: Option<HowView>,
}

/// A consent choice.
#[derive(Debug, Clone, Serialize)]
pub struct StatementView {
    pub id: String,
    pub text: String,
    pub purpose: Option<String>,
}

/// A signature block.
#[derive(Debug, Clone, Serialize)]
pub struct BlockView {
    pub heading: String,
    pub signer: &'static str,
    pub declaration: Option<String>,
    pub extra_fields: Vec<String>,
}

/// The layered summary, one line per question a reader asks first.
#[derive(Debug, Clone, Serialize)]
pub struct Glance {
    pub who: String,
    pub collect: GlanceList,
    pub why: GlanceList,
    pub share: GlanceList,
    pub keep: GlanceList,
    pub rights: GlanceList,
    pub complain: String,
}

/// A summary list, cut to its first few items with a pointer to the full section.
#[derive(Debug, Clone, Serialize)]
pub struct GlanceList {
    pub items: Vec<String>,
    /// How many items are left for the full section.
    pub more: usize,
    /// The id of the full section (`purposes`).
    pub section: &'static str,
    /// The full section's heading, for text.
    pub section_title: &'static str,
}

/// The most items a summary list shows.
pub const GLANCE_ITEMS: usize = 6;

fn glance_list(
    mut items: Vec<String>,
    section: &'static str,
    section_title: &'static str,
) -> GlanceList {
    if items.is_empty() {
        items.push(NOT_STATED.to_owned());
    }
    let more = items.len().saturating_sub(GLANCE_ITEMS);
    items.truncate(GLANCE_ITEMS);
    GlanceList {
        items,
        more,
        section,
        section_title,
    }
}

/// What a reader sees when a notice says nothing on a question.
pub const NOT_STATED: &str = "Not stated in this notice.";

/// Builds the view of one notice.
pub fn notice(graph: &Graph<'_>, notice: &Notice) -> NoticeView {
    let r = Resolver { graph, notice };
    let (alongside, related): (Vec<_>, Vec<_>) = notice
        .related
        .iter()
        .partition(|d| must_read_alongside(d.relation));
    let alongside: Vec<RelatedView> = alongside.into_iter().map(|d| r.related(d)).collect();
    let related: Vec<RelatedView> = related.into_iter().map(|d| r.related(d)).collect();
    let parties: Vec<PartyView> = notice.parties.iter().map(|p| r.party(p)).collect();
    let purposes: Vec<PurposeView> = notice.purposes.iter().map(|p| r.purpose(p)).collect();
    let categories: Vec<CategoryView> = notice
        .data_categories
        .iter()
        .map(|c| r.category(c))
        .collect();
    let recipients: Vec<RecipientView> = notice.recipients.iter().map(|x| r.recipient(x)).collect();
    let retention: Vec<RetentionView> = notice.retention.iter().map(|x| r.retention(x)).collect();
    let rights: Vec<RightView> = notice.rights.iter().map(|x| r.right(x)).collect();
    let mut not_exhaustive = NotExhaustiveView::default();
    for n in &notice.not_exhaustive {
        let slot = match n.list {
            ListName::Purposes => &mut not_exhaustive.purposes,
            ListName::DataCategories => &mut not_exhaustive.data_categories,
            ListName::Sources => &mut not_exhaustive.sources,
            ListName::Recipients => &mut not_exhaustive.recipients,
        };
        *slot = Some(n.statement.clone());
    }
    let controllers: Vec<PartyView> = Graph::controllers(notice)
        .map(|(_, p)| r.party(p))
        .collect();
    let glance = glance(
        &controllers,
        &parties,
        &purposes,
        &categories,
        &recipients,
        &retention,
        &rights,
    );
    NoticeView {
        id: notice.id.to_string(),
        title: notice.title.clone(),
        version: notice.version.clone(),
        last_updated: notice.last_updated.as_ref().map(long_date),
        last_updated_iso: notice.last_updated.as_ref().map(ToString::to_string),
        published: notice.published.as_ref().map(long_date),
        published_iso: notice.published.as_ref().map(ToString::to_string),
        language: notice.language.to_string(),
        kind: notice.kind.label(),
        audience: notice.audience.clone(),
        data_subjects: labels(&notice.data_subjects),
        summary: notice.summary.clone(),
        introduction: notice.introduction.clone(),
        url: notice.url.as_ref().map(ToString::to_string),
        hash: content_hash(graph, notice),
        alongside,
        related,
        parties,
        dpo: notice
            .data_protection_contact
            .as_ref()
            .and_then(|id| r.contact(id)),
        feedback: notice
            .feedback_contact
            .as_ref()
            .and_then(|id| r.contact(id)),
        why: notice.why.clone(),
        purposes,
        basis_explanations: notice
            .basis_explanations
            .iter()
            .map(|b| Labelled {
                label: b.basis.label(),
                text: b.explanation.clone(),
            })
            .collect(),
        bases_not_relied_on: notice
            .bases_not_relied_on
            .iter()
            .map(|b| Labelled {
                label: b.basis.label(),
                text: b.reason.clone(),
            })
            .collect(),
        sharing_bases: notice
            .sharing_bases
            .iter()
            .map(|b| match &b.note {
                Some(note) => format!("{}: {note}", b.basis.label()),
                None => b.basis.label().to_owned(),
            })
            .collect(),
        sharing_statement: notice.sharing_statement.clone(),
        categories,
        sources: notice.sources.iter().map(source).collect(),
        recipients,
        sharing_arrangements: notice.sharing_arrangements.clone(),
        systems: notice
            .systems
            .iter()
            .map(|s| SystemView {
                name: s.name.clone(),
                description: s.description.clone(),
                locations: s.locations.iter().map(place).collect(),
            })
            .collect(),
        transfers: notice.transfers.iter().map(|t| r.transfer(t)).collect(),
        retention,
        right_groups: group_rights(&rights),
        rights,
        requirements: notice
            .requirements
            .iter()
            .map(|q| r.requirement(q))
            .collect(),
        automated_decisions: notice
            .automated_decisions
            .iter()
            .map(|a| DecisionView {
                description: a.description.clone(),
                profiling: a.profiling,
                logic: a.logic.clone(),
                significance: a.significance.clone(),
                consequences: a.consequences.clone(),
                human_involvement: a.human_involvement.clone(),
                examples: a.examples.clone(),
            })
            .collect(),
        security: notice.security.as_ref().map(|s| SecurityView {
            measures: labels(&s.measures),
            description: s.description.clone(),
        }),
        not_exhaustive,
        other_information: notice
            .other_information
            .iter()
            .map(|i| InfoView {
                heading: i.heading.clone(),
                paragraphs: i.paragraphs.clone(),
                items: i.items.clone(),
            })
            .collect(),
        changes: notice.changes.clone(),
        form: notice.form.as_ref().map(|f| r.form(f)),
        glance,
    }
}

/// Labels of closed-list values, in order.
fn labels<T: ClosedList>(values: &[T]) -> Vec<&'static str> {
    values.iter().map(|v| v.label()).collect()
}

/// Resolves ids within one notice and the file it belongs to.
struct Resolver<'a> {
    graph: &'a Graph<'a>,
    notice: &'a Notice,
}

impl Resolver<'_> {
    fn org(&self, id: &Id) -> Option<&Organisation> {
        self.graph.organisation(id)
    }

    fn org_name(&self, id: &Id) -> String {
        self.org(id)
            .map_or_else(|| id.to_string(), |o| o.name.clone())
    }

    fn contact(&self, id: &Id) -> Option<ContactView> {
        let c = self.graph.contact(id)?;
        // Only the contact's own details: its organisation's address is shown with the organisation, and
        // is not assumed to reach this contact.
        let lines = c
            .address
            .as_ref()
            .map(PostalAddress::to_lines)
            .unwrap_or_default();
        Some(ContactView {
            name: c.name.clone(),
            organisation: self.org_name(&c.organisation),
            role_label: c.role.label(),
            email: c.email.as_ref().map(ToString::to_string),
            phone: c.phone.as_ref().map(ToString::to_string),
            address: lines,
            url: c.url.as_ref().map(ToString::to_string),
        })
    }

    fn how(&self, how: &HowTo) -> HowView {
        HowView {
            instructions: how.instructions.clone(),
            contact: how.contact.as_ref().and_then(|id| self.contact(id)),
        }
    }

    fn related(&self, d: &RelatedDocument) -> RelatedView {
        let local = d
            .notice
            .as_ref()
            .filter(|id| self.graph.notice(id).is_some());
        let url = d.url.as_ref().map(ToString::to_string);
        RelatedView {
            relation: d.relation.key(),
            relation_label: d.relation.label(),
            title: d.title.clone(),
            href: local
                .map(|id| format!("../{id}/index.html"))
                .or_else(|| url.clone()),
            url,
            notice: local.map(ToString::to_string),
            organisation: d.organisation.as_ref().map(|o| self.org_name(o)),
        }
    }

    fn party(&self, p: &Party) -> PartyView {
        let org = self.org(&p.organisation);
        PartyView {
            name: self.org_name(&p.organisation),
            role: p.role.key(),
            role_label: p.role.label(),
            kind: org.and_then(|o| o.kind).map(ClosedList::label),
            description: p.description.clone(),
            organisation_description: org.and_then(|o| o.description.clone()),
            acting_for: p.acting_for.as_ref().map(|a| self.org_name(a)),
            ico_registration: org
                .and_then(|o| o.ico_registration.as_ref())
                .map(ToString::to_string),
            address: org
                .and_then(|o| o.address.as_ref())
                .map(PostalAddress::to_lines)
                .unwrap_or_default(),
            email: org.and_then(|o| o.email.as_ref()).map(ToString::to_string),
            phone: org.and_then(|o| o.phone.as_ref()).map(ToString::to_string),
            website: org
                .and_then(|o| o.website.as_ref())
                .map(ToString::to_string),
        }
    }

    fn category_name(&self, id: &Id) -> String {
        self.notice
            .data_categories
            .iter()
            .find(|c| &c.id == id)
            .map_or_else(|| id.to_string(), |c| c.name.clone())
    }

    fn purpose_name(&self, id: &Id) -> String {
        self.notice
            .purposes
            .iter()
            .find(|p| &p.id == id)
            .map_or_else(|| id.to_string(), |p| p.name.clone())
    }

    fn recipient_name(&self, id: &Id) -> String {
        self.notice
            .recipients
            .iter()
            .find(|x| &x.id == id)
            .map_or_else(|| id.to_string(), |x| x.name.clone())
    }

    fn source_name(&self, id: &Id) -> String {
        self.notice
            .sources
            .iter()
            .find(|s| &s.id == id)
            .map_or_else(|| id.to_string(), |s| s.name.clone())
    }

    fn system_name(&self, id: &Id) -> String {
        self.notice
            .systems
            .iter()
            .find(|s| &s.id == id)
            .map_or_else(|| id.to_string(), |s| s.name.clone())
    }

    fn purpose(&self, p: &Purpose) -> PurposeView {
        PurposeView {
            id: p.id.to_string(),
            name: p.name.clone(),
            kinds: labels(&p.kinds),
            description: p.description.clone(),
            examples: p.examples.clone(),
            bases: labels(&p.lawful_bases),
            legitimate_interests: p.legitimate_interests.clone(),
            categories: p.categories.iter().map(|c| self.category_name(c)).collect(),
            recipients: p
                .recipients
                .iter()
                .map(|c| self.recipient_name(c))
                .collect(),
            withdraw: p
                .consent
                .as_ref()
                .and_then(|c| c.withdraw.as_ref())
                .map(|h| self.how(h)),
            consent_ends: p.consent.as_ref().and_then(|c| c.ends.clone()),
            opt_out: p.opt_out.as_ref().map(|h| self.how(h)),
        }
    }

    fn category(&self, c: &DataCategory) -> CategoryView {
        CategoryView {
            id: c.id.to_string(),
            name: c.name.clone(),
            description: c.description.clone(),
            examples: c.examples.clone(),
            kinds: labels(&c.kinds),
            special: labels(&c.special_category),
            art9: labels(&c.art9_conditions),
            schedule1: labels(&c.schedule1_conditions),
            policy_document: c
                .appropriate_policy_document
                .as_ref()
                .map(ToString::to_string),
            criminal: c.criminal_offence_data,
            sources: c.sources.iter().map(|s| self.source_name(s)).collect(),
            access: c.access.clone(),
        }
    }

    fn recipient(&self, x: &Recipient) -> RecipientView {
        RecipientView {
            name: x.name.clone(),
            kind: x.kind.label(),
            organisation: x.organisation.as_ref().map(|o| self.org_name(o)),
            examples: x.examples.clone(),
            when: x.when.clone(),
            categories: x.categories.iter().map(|c| self.category_name(c)).collect(),
            processor: x.processor,
        }
    }

    fn transfer(&self, t: &Transfer) -> TransferView {
        TransferView {
            destinations: t.destinations.iter().map(place).collect(),
            safeguards: labels(&t.safeguards),
            systems: t.systems.iter().map(|s| self.system_name(s)).collect(),
            statement: t.statement.clone(),
            occasional: t.occasional,
        }
    }

    fn applies_to(&self, categories: &[Id], purposes: &[Id], everything: &str) -> String {
        let names: Vec<String> = categories
            .iter()
            .map(|c| self.category_name(c))
            .chain(purposes.iter().map(|p| self.purpose_name(p)))
            .collect();
        if names.is_empty() {
            everything.to_owned()
        } else {
            names.join("; ")
        }
    }

    fn retention(&self, x: &Retention) -> RetentionView {
        let period = x.period.as_ref().map(|p| duration_words(p.as_str()));
        RetentionView {
            applies_to: self.applies_to(&x.categories, &x.purposes, "All personal data"),
            how_long: retention_words(x),
            period,
            period_iso: x.period.as_ref().map(ToString::to_string),
            criteria: x.criteria.clone(),
            applies_when: x.applies_when.clone(),
            reason: x.reason.clone(),
            then: x.then.map(ClosedList::label),
            unless: x.unless.clone(),
        }
    }

    fn right(&self, x: &RightInfo) -> RightView {
        RightView {
            right: x.right.key(),
            label: x.right.label(),
            description: x.description.clone(),
            how: x.how.as_ref().map(|h| self.how(h)),
            authority: x.authority.as_ref().map(|a| self.org_name(a)),
            identification: x.identification.clone(),
            fee: x.fee.clone(),
            limits: x.limits.clone(),
        }
    }

    fn requirement(&self, q: &ProvisionRequirement) -> RequirementView {
        RequirementView {
            applies_to: self.applies_to(&q.categories, &q.purposes, "The information we ask for"),
            requirement: q.requirement.map(ClosedList::label),
            when: q.when.clone(),
            consequences: q.consequences.clone(),
        }
    }

    fn form(&self, f: &ConsentForm) -> FormView {
        FormView {
            title: f.title.clone().unwrap_or_else(|| self.notice.title.clone()),
            instructions: f.instructions.clone(),
            statements: f
                .statements
                .iter()
                .map(|s| StatementView {
                    id: s.id.to_string(),
                    text: s.text.clone(),
                    purpose: s.purpose.as_ref().map(|p| self.purpose_name(p)),
                })
                .collect(),
            blocks: f
                .signature_blocks
                .iter()
                .map(|b| BlockView {
                    heading: b
                        .heading
                        .clone()
                        .unwrap_or_else(|| default_heading(b.signer).to_owned()),
                    signer: b.signer.label(),
                    declaration: b.declaration.clone(),
                    extra_fields: b.extra_fields.clone(),
                })
                .collect(),
            withdrawal: f.withdrawal.as_ref().map(|h| self.how(h)),
        }
    }
}

fn default_heading(signer: Signer) -> &'static str {
    match signer {
        Signer::DataSubject => "Signed by the person receiving support",
        Signer::Parent => "Signed by a parent",
        Signer::Guardian => "Signed by a guardian",
        Signer::Advocate => "Signed by an advocate",
        Signer::PersonOrRepresentative => {
            "Signed by the person, or a parent, guardian or advocate for them"
        }
        Signer::SupportWorker => "Signed by the support worker",
        Signer::Witness => "Signed by a witness",
    }
}

fn source(s: &Source) -> SourceView {
    SourceView {
        name: s.name.clone(),
        party: s.party.label(),
        method: s.method.label(),
        publicly_accessible: s.publicly_accessible,
        examples: s.examples.clone(),
        when: s.when.clone(),
    }
}

/// A jurisdiction code in words.
fn place(j: &Jurisdiction) -> String {
    match j.as_str() {
        "EU" => "the European Union (EU)".to_owned(),
        "EEA" => "the European Economic Area (EEA)".to_owned(),
        "GB" => "the United Kingdom".to_owned(),
        "US" => "the United States".to_owned(),
        other => other.to_owned(),
    }
}

/// `2023-03-07` as `7 March 2023`.
pub fn long_date(d: &Date) -> String {
    d.as_str()
        .parse::<jiff::civil::Date>()
        .map(|d| d.strftime("%-d %B %Y").to_string())
        .unwrap_or_else(|_| d.to_string())
}

/// An ISO 8601 duration in words: `P90D` → `90 days`, `P1Y6M` → `1 year and 6 months`.
pub fn duration_words(iso: &str) -> String {
    let mut parts = Vec::new();
    let mut number = String::new();
    for c in iso.trim_start_matches('P').chars() {
        if c.is_ascii_digit() {
            number.push(c);
            continue;
        }
        let unit = match c {
            'Y' => "year",
            'M' => "month",
            'W' => "week",
            'D' => "day",
            _ => continue,
        };
        let n: u64 = number.parse().unwrap_or(0);
        number.clear();
        parts.push(format!("{n} {unit}{}", if n == 1 { "" } else { "s" }));
    }
    match parts.len() {
        0 => iso.to_owned(),
        1 => parts.remove(0),
        _ => {
            let last = parts.pop().unwrap_or_default();
            format!("{} and {last}", parts.join(", "))
        }
    }
}

/// How long a retention rule keeps data, in a phrase: `Normally 3 months after when it is collected`.
pub fn retention_words(x: &Retention) -> String {
    let mut how_long = String::new();
    if let Some(p) = &x.period {
        if x.normally {
            how_long.push_str("normally ");
        }
        if x.up_to {
            how_long.push_str("up to ");
        }
        how_long.push_str(&duration_words(p.as_str()));
        if let Some(from) = x.from {
            how_long.push_str(match from {
                RetentionEvent::DateOfBirth => " from ",
                _ => " after ",
            });
            how_long.push_str(from.label());
        }
    }
    if let Some(until) = x.until {
        if !how_long.is_empty() {
            how_long.push_str(", or ");
        }
        how_long.push_str("until ");
        how_long.push_str(until.label());
    }
    if how_long.is_empty() {
        how_long = x.criteria.clone().unwrap_or_else(|| NOT_STATED.to_owned());
    }
    sentence_case(&how_long)
}

fn sentence_case(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The short content hash of a notice: the first 12 hex digits of a SHA-256 over the canonical JSON of
/// the notice's typed values and of everything shared its outputs depend on ([`Graph::closure`]), so a
/// change to any fact a reader sees changes it, and formatting, key order, quoting and comments never do.
/// The notice's `allow` list is left out: it configures the lint and no output prints it.
pub fn content_hash(graph: &Graph<'_>, notice: &Notice) -> String {
    let closure = graph.closure(notice);
    let mut facts = serde_json::to_value(notice).unwrap_or_default();
    if let Some(fields) = facts.as_object_mut() {
        fields.remove("allow");
    }
    let canonical = serde_json::json!({
        "notice": facts,
        "organisations": closure.organisations.values().collect::<Vec<_>>(),
        "contacts": closure.contacts.values().collect::<Vec<_>>(),
    });
    let digest = Sha256::digest(canonical.to_string().as_bytes());
    digest.iter().take(6).map(|b| format!("{b:02x}")).collect()
}

fn glance(
    controllers: &[PartyView],
    parties: &[PartyView],
    purposes: &[PurposeView],
    categories: &[CategoryView],
    recipients: &[RecipientView],
    retention: &[RetentionView],
    rights: &[RightView],
) -> Glance {
    let who = {
        let controllers: Vec<String> = controllers
            .iter()
            .map(|p| match &p.ico_registration {
                Some(reg) => format!(
                    "{} (registered with the Information Commissioner's Office, {reg})",
                    p.name
                ),
                None => p.name.clone(),
            })
            .collect();
        let providers: Vec<String> = parties
            .iter()
            .filter(|p| matches!(p.role, "service_provider" | "processor"))
            .map(|p| match &p.acting_for {
                Some(f) => format!("{} provides the service for {f}", p.name),
                None => format!("{} provides the service", p.name),
            })
            .collect();
        let mut who = match controllers.len() {
            0 => NOT_STATED.to_owned(),
            1 => format!("{} is responsible for your information.", controllers[0]),
            _ => format!(
                "{} are responsible for your information.",
                controllers.join(" and ")
            ),
        };
        if !providers.is_empty() {
            who.push(' ');
            who.push_str(&providers.join("; "));
            who.push('.');
        }
        who
    };
    let complain = rights
        .iter()
        .find(|x| x.right == "complain")
        .map(|x| match &x.authority {
            Some(a) => format!("You can complain to the {a}."),
            None => "You can complain to the Information Commissioner's Office.".to_owned(),
        })
        .unwrap_or_else(|| NOT_STATED.to_owned());
    Glance {
        who,
        collect: glance_list(
            categories.iter().map(|c| c.name.clone()).collect(),
            "data",
            "The information we hold",
        ),
        why: glance_list(
            purposes
                .iter()
                .map(|p| {
                    if p.bases.is_empty() {
                        p.name.clone()
                    } else {
                        format!(
                            "{} ({})",
                            p.name,
                            p.bases
                                .iter()
                                .map(|b| short_basis(b))
                                .collect::<Vec<_>>()
                                .join(", ")
                        )
                    }
                })
                .collect(),
            "purposes",
            "Why we use your information",
        ),
        share: glance_list(
            recipients.iter().map(|x| x.name.clone()).collect(),
            "sharing",
            "Who we share your information with",
        ),
        keep: glance_list(
            retention
                .iter()
                .map(|x| match &x.applies_when {
                    Some(w) => format!(
                        "{} ({}): {}",
                        x.applies_to,
                        lowercase_first(w.trim_end_matches('.')),
                        x.how_long
                    ),
                    None => format!("{}: {}", x.applies_to, x.how_long),
                })
                .collect(),
            "retention",
            "How long we keep your information",
        ),
        rights: glance_list(
            rights
                .iter()
                .filter(|x| x.right != "complain")
                .map(|x| x.label.to_owned())
                .collect(),
            "rights",
            "Your rights",
        ),
        complain,
    }
}

/// A lawful basis label without its article reference, for the summary.
fn short_basis(label: &str) -> &str {
    label.split(" (").next().unwrap_or(label)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_as_words() {
        assert_eq!(duration_words("P90D"), "90 days");
        assert_eq!(duration_words("P3M"), "3 months");
        assert_eq!(duration_words("P1Y"), "1 year");
        assert_eq!(duration_words("P1Y6M2D"), "1 year, 6 months and 2 days");
    }

    #[test]
    fn dates_read_the_uk_way() {
        assert_eq!(long_date(&Date("2023-03-07".into())), "7 March 2023");
    }
}

//! The view of a notice the templates lay out: every id resolved to a name, every closed-list value to
//! its label, periods and dates written for readers, and the "at a glance" summary composed.
//!
//! Templates only arrange what is here, so HTML, text and the printed form say the same things.

use serde::Serialize;
use sha2::{Digest, Sha256};

use super::catalogue::{Catalogue, number, string};
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
    pub kind: String,
    pub audience: Option<String>,
    pub data_subjects: Vec<String>,
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
    pub label: String,
    pub text: String,
}

/// Another document, with a link where there is one.
#[derive(Debug, Clone, Serialize)]
pub struct RelatedView {
    pub relation: &'static str,
    pub relation_label: String,
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
    pub role_label: String,
    pub kind: Option<String>,
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
    pub role_label: String,
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
    pub kinds: Vec<String>,
    pub description: Option<String>,
    pub examples: Vec<String>,
    pub bases: Vec<String>,
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
    pub kinds: Vec<String>,
    pub special: Vec<String>,
    pub art9: Vec<String>,
    pub schedule1: Vec<String>,
    pub policy_document: Option<String>,
    pub criminal: bool,
    pub sources: Vec<String>,
    pub access: Option<String>,
}

/// A source of data.
#[derive(Debug, Clone, Serialize)]
pub struct SourceView {
    pub name: String,
    pub party: String,
    pub method: String,
    pub publicly_accessible: bool,
    pub examples: Vec<String>,
    pub when: Option<String>,
}

/// A recipient.
#[derive(Debug, Clone, Serialize)]
pub struct RecipientView {
    pub name: String,
    pub kind: String,
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
    pub safeguards: Vec<String>,
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
    pub then: Option<String>,
    pub unless: Option<String>,
}

/// A right.
#[derive(Debug, Clone, Serialize)]
pub struct RightView {
    pub right: &'static str,
    pub label: String,
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
fn group_rights(rights: &[RightView], words: &Catalogue) -> Vec<RightGroup> {
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
        let labels: Vec<&str> = g.rights.iter().map(|r| r.label.as_str()).collect();
        // "Right of access (Art. 15), right to rectification (Art. 16) and right to erasure (Art. 17)".
        let parts: Vec<String> = labels
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
        g.heading = list_and(words, parts);
    }
    groups
}

/// Whether data must be provided.
#[derive(Debug, Clone, Serialize)]
pub struct RequirementView {
    pub applies_to: String,
    pub requirement: Option<String>,
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
    pub measures: Vec<String>,
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
    pub signer: String,
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
    pub section_title: String,
}

/// The most items a summary list shows.
pub const GLANCE_ITEMS: usize = 6;

fn glance_list(
    words: &Catalogue,
    mut items: Vec<String>,
    section: &'static str,
    section_title: &str,
) -> GlanceList {
    if items.is_empty() {
        items.push(words.text("not-stated"));
    }
    let more = items.len().saturating_sub(GLANCE_ITEMS);
    items.truncate(GLANCE_ITEMS);
    GlanceList {
        items,
        more,
        section,
        section_title: words.text(section_title),
    }
}

/// Builds the view of one notice.
pub fn notice(graph: &Graph<'_>, notice: &Notice, words: &Catalogue) -> NoticeView {
    let r = Resolver {
        graph,
        notice,
        w: words,
    };
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
        who_is_responsible(&controllers, &parties, words),
        words,
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
        last_updated: notice.last_updated.as_ref().map(|d| long_date(d, words)),
        last_updated_iso: notice.last_updated.as_ref().map(ToString::to_string),
        published: notice.published.as_ref().map(|d| long_date(d, words)),
        published_iso: notice.published.as_ref().map(ToString::to_string),
        language: notice.language.to_string(),
        kind: words.label(notice.kind),
        audience: notice.audience.clone(),
        data_subjects: words.labels(&notice.data_subjects),
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
                label: words.label(b.basis),
                text: b.explanation.clone(),
            })
            .collect(),
        bases_not_relied_on: notice
            .bases_not_relied_on
            .iter()
            .map(|b| Labelled {
                label: words.label(b.basis),
                text: b.reason.clone(),
            })
            .collect(),
        sharing_bases: notice
            .sharing_bases
            .iter()
            .map(|b| match &b.note {
                Some(note) => format!("{}: {note}", words.label(b.basis)),
                None => words.label(b.basis),
            })
            .collect(),
        sharing_statement: notice.sharing_statement.clone(),
        categories,
        sources: notice.sources.iter().map(|s| source(s, words)).collect(),
        recipients,
        sharing_arrangements: notice.sharing_arrangements.clone(),
        systems: notice
            .systems
            .iter()
            .map(|s| SystemView {
                name: s.name.clone(),
                description: s.description.clone(),
                locations: s.locations.iter().map(|j| place(j, words)).collect(),
            })
            .collect(),
        transfers: notice.transfers.iter().map(|t| r.transfer(t)).collect(),
        retention,
        right_groups: group_rights(&rights, words),
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
            measures: words.labels(&s.measures),
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

/// Resolves ids within one notice and the file it belongs to.
struct Resolver<'a> {
    graph: &'a Graph<'a>,
    notice: &'a Notice,
    w: &'a Catalogue,
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
            role_label: self.w.label(c.role),
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
            relation_label: self.w.label(d.relation),
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
            role_label: self.w.label(p.role),
            kind: org.and_then(|o| o.kind).map(|k| self.w.label(k)),
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
            kinds: self.w.labels(&p.kinds),
            description: p.description.clone(),
            examples: p.examples.clone(),
            bases: self.w.labels(&p.lawful_bases),
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
            kinds: self.w.labels(&c.kinds),
            special: self.w.labels(&c.special_category),
            art9: self.w.labels(&c.art9_conditions),
            schedule1: self.w.labels(&c.schedule1_conditions),
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
            kind: self.w.label(x.kind),
            organisation: x.organisation.as_ref().map(|o| self.org_name(o)),
            examples: x.examples.clone(),
            when: x.when.clone(),
            categories: x.categories.iter().map(|c| self.category_name(c)).collect(),
            processor: x.processor,
        }
    }

    fn transfer(&self, t: &Transfer) -> TransferView {
        TransferView {
            destinations: t.destinations.iter().map(|j| place(j, self.w)).collect(),
            safeguards: self.w.labels(&t.safeguards),
            systems: t.systems.iter().map(|s| self.system_name(s)).collect(),
            statement: t.statement.clone(),
            occasional: t.occasional,
        }
    }

    fn applies_to(&self, categories: &[Id], purposes: &[Id], everything: &str) -> String {
        let everything = self.w.text(everything);
        let names: Vec<String> = categories
            .iter()
            .map(|c| self.category_name(c))
            .chain(purposes.iter().map(|p| self.purpose_name(p)))
            .collect();
        if names.is_empty() {
            everything
        } else {
            names.join("; ")
        }
    }

    fn retention(&self, x: &Retention) -> RetentionView {
        let period = x.period.as_ref().map(|p| duration_words(p, self.w));
        RetentionView {
            applies_to: self.applies_to(&x.categories, &x.purposes, "retention-everything"),
            how_long: retention_words(x, self.w),
            period,
            period_iso: x.period.as_ref().map(ToString::to_string),
            criteria: x.criteria.clone(),
            applies_when: x.applies_when.clone(),
            reason: x.reason.clone(),
            then: x.then.map(|t| self.w.label(t)),
            unless: x.unless.clone(),
        }
    }

    fn right(&self, x: &RightInfo) -> RightView {
        RightView {
            right: x.right.key(),
            label: self.w.label(x.right),
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
            applies_to: self.applies_to(&q.categories, &q.purposes, "requirement-everything"),
            requirement: q.requirement.map(|k| self.w.label(k)),
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
                        .unwrap_or_else(|| default_heading(b.signer, self.w)),
                    signer: self.w.label(b.signer),
                    declaration: b.declaration.clone(),
                    extra_fields: b.extra_fields.clone(),
                })
                .collect(),
            withdrawal: f.withdrawal.as_ref().map(|h| self.how(h)),
        }
    }
}

/// The heading of a signature block that names none (`Signed by a parent`).
fn default_heading(signer: Signer, words: &Catalogue) -> String {
    words.text_with("signature-heading", &[("signer", string(signer.key()))])
}

fn source(s: &Source, words: &Catalogue) -> SourceView {
    SourceView {
        name: s.name.clone(),
        party: words.label(s.party),
        method: words.label(s.method),
        publicly_accessible: s.publicly_accessible,
        examples: s.examples.clone(),
        when: s.when.clone(),
    }
}

/// A jurisdiction code in words (`EU` → `the European Union (EU)`; codes without words stay codes).
fn place(j: &Jurisdiction, words: &Catalogue) -> String {
    words.text_with("place", &[("code", string(j.as_str()))])
}

/// `2023-03-07` as `7 March 2023`.
pub fn long_date(d: &Date, words: &Catalogue) -> String {
    let date = d.date();
    words.text_with(
        "date-long",
        &[
            ("day", number(date.day().unsigned_abs().into())),
            ("month", number(date.month().unsigned_abs().into())),
            ("year", string(&date.year().to_string())),
        ],
    )
}

/// An ISO 8601 duration in words: `P90D` → `90 days`, `P1Y6M` → `1 year and 6 months`.
pub fn duration_words(period: &Duration, words: &Catalogue) -> String {
    let parts: Vec<String> = period
        .parts()
        .map(|(n, unit)| {
            let unit = match unit {
                DurationUnit::Years => "duration-years",
                DurationUnit::Months => "duration-months",
                DurationUnit::Weeks => "duration-weeks",
                DurationUnit::Days => "duration-days",
            };
            words.text_with(unit, &[("n", number(n as usize))])
        })
        .collect();
    if parts.is_empty() {
        period.to_string()
    } else {
        list_and(words, parts)
    }
}

/// Items as a list in words: `a`, `a and b`, `a, b and c`.
fn list_and(words: &Catalogue, mut items: Vec<String>) -> String {
    match items.pop() {
        Some(last) if !items.is_empty() => words.text_with(
            "list-and",
            &[
                ("items", string(&items.join(&words.text("list-separator")))),
                ("last", string(&last)),
            ],
        ),
        Some(only) => only,
        None => String::new(),
    }
}

/// How long a retention rule keeps data, in a phrase: `Normally 3 months after when it is collected`.
pub fn retention_words(x: &Retention, words: &Catalogue) -> String {
    let mut how_long = None;
    if let Some(p) = &x.period {
        let mut period = duration_words(p, words);
        if let Some(from) = x.from {
            let id = match from {
                RetentionEvent::DateOfBirth => "retention-from",
                _ => "retention-after",
            };
            period = words.text_with(
                id,
                &[
                    ("period", string(&period)),
                    ("event", string(&words.label(from))),
                ],
            );
        }
        if x.up_to {
            period = words.text_with("retention-up-to", &[("period", string(&period))]);
        }
        if x.normally {
            period = words.text_with("retention-normally", &[("period", string(&period))]);
        }
        how_long = Some(period);
    }
    if let Some(until) = x.until {
        let until = words.text_with("retention-until", &[("event", string(&words.label(until)))]);
        how_long = Some(match how_long {
            Some(period) => words.text_with(
                "retention-or",
                &[("period", string(&period)), ("until", string(&until))],
            ),
            None => until,
        });
    }
    let how_long = how_long.unwrap_or_else(|| {
        x.criteria
            .clone()
            .unwrap_or_else(|| words.text("not-stated"))
    });
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

/// The summary's first line: who answers for the information, and who provides the service for them.
fn who_is_responsible(
    controllers: &[PartyView],
    parties: &[PartyView],
    words: &Catalogue,
) -> String {
    let controllers: Vec<String> = controllers
        .iter()
        .map(|p| match &p.ico_registration {
            Some(reg) => words.text_with(
                "glance-controller-registered",
                &[("name", string(&p.name)), ("registration", string(reg))],
            ),
            None => p.name.clone(),
        })
        .collect();
    let providers: Vec<String> = parties
        .iter()
        .filter(|p| matches!(p.role, "service_provider" | "processor"))
        .map(|p| match &p.acting_for {
            Some(f) => words.text_with(
                "glance-provider-for",
                &[("name", string(&p.name)), ("client", string(f))],
            ),
            None => words.text_with("glance-provider", &[("name", string(&p.name))]),
        })
        .collect();
    let mut who = match controllers.len() {
        0 => words.text("not-stated"),
        n => words.text_with(
            "glance-responsible",
            &[
                ("count", number(n)),
                (
                    "names",
                    string(&controllers.join(&words.text("list-and-separator"))),
                ),
            ],
        ),
    };
    if !providers.is_empty() {
        who.push(' ');
        who.push_str(&providers.join("; "));
        who.push('.');
    }
    who
}

/// The "at a glance" summary.
fn glance(
    who: String,
    words: &Catalogue,
    purposes: &[PurposeView],
    categories: &[CategoryView],
    recipients: &[RecipientView],
    retention: &[RetentionView],
    rights: &[RightView],
) -> Glance {
    let complain = rights
        .iter()
        .find(|x| x.right == "complain")
        .map(|x| match &x.authority {
            Some(a) => words.text_with("glance-complain-to", &[("authority", string(a))]),
            None => words.text("glance-complain-to-ico"),
        })
        .unwrap_or_else(|| words.text("not-stated"));
    Glance {
        who,
        collect: glance_list(
            words,
            categories.iter().map(|c| c.name.clone()).collect(),
            "data",
            "heading-data",
        ),
        why: glance_list(
            words,
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
            "heading-purposes",
        ),
        share: glance_list(
            words,
            recipients.iter().map(|x| x.name.clone()).collect(),
            "sharing",
            "heading-sharing",
        ),
        keep: glance_list(
            words,
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
            "heading-retention",
        ),
        rights: glance_list(
            words,
            rights
                .iter()
                .filter(|x| x.right != "complain")
                .map(|x| x.label.clone())
                .collect(),
            "rights",
            "heading-rights",
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
        let w = Catalogue::en_gb().unwrap();
        assert_eq!(duration_words(&"P90D".parse().unwrap(), &w), "90 days");
        assert_eq!(duration_words(&"P3M".parse().unwrap(), &w), "3 months");
        assert_eq!(duration_words(&"P1Y".parse().unwrap(), &w), "1 year");
        assert_eq!(duration_words(&"P1W".parse().unwrap(), &w), "1 week");
        assert_eq!(
            duration_words(&"P1Y6M2D".parse().unwrap(), &w),
            "1 year, 6 months and 2 days"
        );
        assert!(w.take_failures().is_empty());
    }

    #[test]
    fn dates_read_the_uk_way() {
        let w = Catalogue::en_gb().unwrap();
        assert_eq!(
            long_date(&"2023-03-07".parse().unwrap(), &w),
            "7 March 2023"
        );
        assert_eq!(
            long_date(&"2024-12-31".parse().unwrap(), &w),
            "31 December 2024"
        );
        assert!(w.take_failures().is_empty());
    }
}

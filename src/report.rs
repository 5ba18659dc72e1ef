//! The reviewer's report: for each notice, every item UK GDPR Art. 13 and 14 asks for, whether the notice
//! states it, and the lint findings about it, for a data protection officer to review.
//!
//! The status of each item is derived from the model here, with the lint's own view of a notice
//! ([`crate::lint::Ctx`]), so the report and `noticec check` judge alike; the findings are those of the
//! same check, each placed under the item its code is about ([`CODE_TARGETS`]). Like the rest of the
//! library this is pure: it takes a [`Checked`] and returns pages in memory.

use minijinja::{Value, context};
use serde::Serialize;

use crate::Checked;
use crate::diagnostics::{Code, Diagnostic, Severity};
use crate::graph::Graph;
use crate::lint::{Ctx, LintOptions};
use crate::model::{LawfulBasis, Notice, NoticeFile, Right};
use crate::render::{Catalogue, Output, RenderError, Templates};

/// An item a notice must (or may) state under Art. 13 or 14.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Item {
    /// Identity and contact details of the controller.
    Controller,
    /// Contact details of the data protection officer.
    Dpo,
    /// The purposes of the processing.
    Purposes,
    /// The lawful basis for each purpose.
    LawfulBasis,
    /// The legitimate interests, where the basis is legitimate interests.
    LegitimateInterests,
    /// The categories of personal data.
    DataCategories,
    /// Recipients or categories of recipients.
    Recipients,
    /// Transfers outside the UK and their safeguards.
    Transfers,
    /// How long the data is kept.
    Retention,
    /// The right of access.
    RightAccess,
    /// The right to rectification.
    RightRectification,
    /// The right to erasure.
    RightErasure,
    /// The right to restrict processing.
    RightRestriction,
    /// The right to object.
    RightObjection,
    /// The right to data portability.
    RightPortability,
    /// The right to withdraw consent.
    WithdrawConsent,
    /// The right to complain to the ICO.
    Complain,
    /// Whether providing the data is required, and what follows if not.
    Requirement,
    /// Where the data comes from.
    Sources,
    /// Automated decision making, including profiling.
    AutomatedDecisions,
}

/// Every item, in the order of the checklist: the item, its message id, its Art. 13 and Art. 14 provisions.
pub const ITEMS: &[(Item, &str, Option<&str>, Option<&str>)] = &[
    (
        Item::Controller,
        "report-item-controller",
        Some("13(1)(a)"),
        Some("14(1)(a)"),
    ),
    (
        Item::Dpo,
        "report-item-dpo",
        Some("13(1)(b)"),
        Some("14(1)(b)"),
    ),
    (
        Item::Purposes,
        "report-item-purposes",
        Some("13(1)(c)"),
        Some("14(1)(c)"),
    ),
    (
        Item::LawfulBasis,
        "report-item-lawful-basis",
        Some("13(1)(c)"),
        Some("14(1)(c)"),
    ),
    (
        Item::LegitimateInterests,
        "report-item-legitimate-interests",
        Some("13(1)(d)"),
        Some("14(2)(b)"),
    ),
    (
        Item::DataCategories,
        "report-item-data-categories",
        None,
        Some("14(1)(d)"),
    ),
    (
        Item::Recipients,
        "report-item-recipients",
        Some("13(1)(e)"),
        Some("14(1)(e)"),
    ),
    (
        Item::Transfers,
        "report-item-transfers",
        Some("13(1)(f)"),
        Some("14(1)(f)"),
    ),
    (
        Item::Retention,
        "report-item-retention",
        Some("13(2)(a)"),
        Some("14(2)(a)"),
    ),
    (
        Item::RightAccess,
        "report-item-right-access",
        Some("13(2)(b)"),
        Some("14(2)(c)"),
    ),
    (
        Item::RightRectification,
        "report-item-right-rectification",
        Some("13(2)(b)"),
        Some("14(2)(c)"),
    ),
    (
        Item::RightErasure,
        "report-item-right-erasure",
        Some("13(2)(b)"),
        Some("14(2)(c)"),
    ),
    (
        Item::RightRestriction,
        "report-item-right-restriction",
        Some("13(2)(b)"),
        Some("14(2)(c)"),
    ),
    (
        Item::RightObjection,
        "report-item-right-objection",
        Some("13(2)(b)"),
        Some("14(2)(c)"),
    ),
    (
        Item::RightPortability,
        "report-item-right-portability",
        Some("13(2)(b)"),
        Some("14(2)(c)"),
    ),
    (
        Item::WithdrawConsent,
        "report-item-withdraw-consent",
        Some("13(2)(c)"),
        Some("14(2)(d)"),
    ),
    (
        Item::Complain,
        "report-item-complain",
        Some("13(2)(d)"),
        Some("14(2)(e)"),
    ),
    (
        Item::Requirement,
        "report-item-requirement",
        Some("13(2)(e)"),
        None,
    ),
    (Item::Sources, "report-item-sources", None, Some("14(2)(f)")),
    (
        Item::AutomatedDecisions,
        "report-item-automated-decisions",
        Some("13(2)(f)"),
        Some("14(2)(g)"),
    ),
];

/// Where a lint code's findings go on a notice's page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// Under this item.
    Item(Item),
    /// Under the item of the right the finding points at (`/rights/2/right`).
    RightAt,
    /// Under "other findings": good practice and the allow lists, which no Art. 13/14 item holds.
    Other,
}

/// Every lint code and the item its findings are about, by code group: N0xx controller and DPO, N1xx
/// purposes and bases, N2xx data and sources, N3xx recipients and transfers, N4xx retention, N5xx rights,
/// N6xx requirements and automated decisions, N7xx and N9xx other.
pub const CODE_TARGETS: &[(Code, Target)] = {
    use Item::*;
    use Target::{Item as I, Other, RightAt};
    &[
        (Code::N001, I(Controller)),
        (Code::N002, I(Controller)),
        (Code::N003, I(Dpo)),
        (Code::N004, I(Controller)),
        (Code::N101, I(Purposes)),
        (Code::N102, I(LawfulBasis)),
        (Code::N103, I(LegitimateInterests)),
        (Code::N104, I(LawfulBasis)),
        (Code::N105, I(Purposes)),
        (Code::N106, I(LawfulBasis)),
        (Code::N107, I(LawfulBasis)),
        (Code::N201, I(DataCategories)),
        (Code::N202, I(Sources)),
        (Code::N203, I(Sources)),
        (Code::N204, I(DataCategories)),
        (Code::N205, I(DataCategories)),
        (Code::N206, I(DataCategories)),
        (Code::N207, I(DataCategories)),
        (Code::N208, I(DataCategories)),
        (Code::N209, I(DataCategories)),
        (Code::N301, I(Recipients)),
        (Code::N302, I(Transfers)),
        (Code::N303, I(Transfers)),
        (Code::N401, I(Retention)),
        (Code::N402, I(Retention)),
        (Code::N403, I(Retention)),
        (Code::N404, I(Retention)),
        (Code::N405, I(Retention)),
        (Code::N501, I(RightAccess)),
        (Code::N502, I(RightRectification)),
        (Code::N503, I(RightErasure)),
        (Code::N504, I(RightRestriction)),
        (Code::N505, I(RightObjection)),
        (Code::N506, I(RightPortability)),
        (Code::N507, I(WithdrawConsent)),
        (Code::N508, I(Complain)),
        (Code::N509, RightAt),
        (Code::N510, I(WithdrawConsent)),
        (Code::N511, RightAt),
        (Code::N601, I(Requirement)),
        (Code::N602, I(Requirement)),
        (Code::N603, I(AutomatedDecisions)),
        (Code::N604, I(AutomatedDecisions)),
        (Code::N701, Other),
        (Code::N702, Other),
        (Code::N703, Other),
        (Code::N704, Other),
        (Code::N705, Other),
        (Code::N706, Other),
        (Code::N707, Other),
        (Code::N901, Other),
        (Code::N902, Other),
    ]
};

/// What a notice says about an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Stated (for the lawful basis: for each purpose).
    Stated,
    /// Stated only for the notice as a whole, where the item could be stated per purpose or category.
    NoticeWide,
    /// Required here, and not stated.
    Missing,
    /// Does not apply to this notice (legitimate interests without that basis).
    NotApplicable,
    /// An item stated only where it exists (transfers, automated decisions), and not stated.
    NotStated,
}

/// The status of every item of the notice at `index`, in checklist order (none when there is no such
/// notice).
pub fn statuses(file: &NoticeFile, index: usize, options: &LintOptions) -> Vec<(Item, Status)> {
    let Some(notice) = file.notices.get(index) else {
        return Vec::new();
    };
    let graph = Graph::new(file);
    let ctx = Ctx {
        file,
        graph: &graph,
        notice,
        at: format!("/notices/{index}"),
        options,
    };
    ITEMS
        .iter()
        .map(|&(item, ..)| (item, status(&ctx, item)))
        .collect()
}

fn stated(yes: bool) -> Status {
    if yes { Status::Stated } else { Status::Missing }
}

/// The status of one item, judged as the lint rules about it judge.
fn status(ctx: &Ctx<'_>, item: Item) -> Status {
    use Status::*;
    let n: &Notice = ctx.notice;
    match item {
        Item::Controller => stated(Graph::controllers(n).next().is_some()),
        Item::Dpo => stated(
            n.data_protection_contact.is_some()
                || ctx
                    .graph
                    .read_alongside(n)
                    .any(|r| r.data_protection_contact.is_some()),
        ),
        Item::Purposes => stated(!n.purposes.is_empty()),
        Item::LawfulBasis => {
            if !n.purposes.is_empty() && n.purposes.iter().all(|p| !p.lawful_bases.is_empty()) {
                Stated
            } else if !n.lawful_bases.is_empty() {
                NoticeWide
            } else {
                Missing
            }
        }
        Item::LegitimateInterests => legitimate_interests_status(ctx),
        Item::DataCategories => {
            if !n.data_categories.is_empty() {
                Stated
            } else if ctx.art14() || n.sources.is_empty() {
                Missing
            } else {
                NotStated
            }
        }
        Item::Recipients => {
            let linked = n.purposes.iter().any(|p| !p.recipients.is_empty());
            if n.recipients.is_empty() {
                Missing
            } else if !linked && !n.purposes.is_empty() {
                NoticeWide
            } else {
                Stated
            }
        }
        Item::Transfers => {
            if n.transfers.is_empty() {
                NotStated
            } else {
                stated(n.transfers.iter().all(|t| {
                    !t.safeguards.is_empty()
                        || (!t.destinations.is_empty()
                            && t.destinations.iter().all(|d| d.as_str() == "GB"))
                }))
            }
        }
        Item::Retention => stated(!n.retention.is_empty()),
        Item::RightAccess
        | Item::RightRectification
        | Item::RightErasure
        | Item::RightRestriction
        | Item::RightObjection
        | Item::RightPortability
        | Item::WithdrawConsent
        | Item::Complain => right_status(ctx, item),
        Item::Requirement => {
            let from_person = n.sources.is_empty()
                || n.sources
                    .iter()
                    .any(|s| s.party == Some(crate::model::SourceParty::DataSubject));
            match (!n.requirements.is_empty(), from_person) {
                (true, _) => Stated,
                (false, true) => Missing,
                (false, false) => NotApplicable,
            }
        }
        Item::Sources => {
            if n.sources.is_empty() {
                Missing
            } else if ctx.art14() && !n.data_categories.is_empty() && !ctx.links_sources() {
                NoticeWide
            } else {
                Stated
            }
        }
        Item::AutomatedDecisions => {
            if n.automated_decisions.is_empty() {
                NotStated
            } else {
                stated(n.automated_decisions.iter().all(|a| {
                    a.logic.is_some() && a.significance.is_some() && a.consequences.is_some()
                }))
            }
        }
    }
}

/// The status of the legitimate interests, judged as N103 judges.
fn legitimate_interests_status(ctx: &Ctx<'_>) -> Status {
    let n: &Notice = ctx.notice;
    let li = LawfulBasis::LegitimateInterests;
    if !ctx.relies_on(li) {
        return Status::NotApplicable;
    }
    let overall = n
        .lawful_bases
        .iter()
        .any(|b| b.basis == li && !b.legitimate_interests.is_empty());
    let each = n
        .purposes
        .iter()
        .filter(|p| p.lawful_bases.contains(&li))
        .all(|p| !p.legitimate_interests.is_empty());
    let any = n
        .purposes
        .iter()
        .any(|p| !p.legitimate_interests.is_empty());
    let notice_basis = n.lawful_bases.iter().any(|b| b.basis == li);
    stated(overall || (each && (any || !notice_basis)))
}

/// The status of a right, judged as the rights rules (N501-N508) judge.
fn right_status(ctx: &Ctx<'_>, item: Item) -> Status {
    use Status::*;
    let n: &Notice = ctx.notice;
    let tells = |right| ctx.graph.tells_right(n, right);
    match item {
        Item::RightAccess => stated(tells(Right::Access)),
        Item::RightRectification => stated(tells(Right::Rectification)),
        Item::RightErasure => stated(tells(Right::Erasure)),
        Item::RightRestriction => stated(tells(Right::Restriction)),
        Item::RightObjection => {
            let applies = ctx.relies_on(LawfulBasis::LegitimateInterests)
                || ctx.relies_on(LawfulBasis::PublicTask)
                || ctx.direct_marketing();
            match (tells(Right::Objection), applies) {
                (true, _) => Stated,
                (false, true) => Missing,
                (false, false) => NotApplicable,
            }
        }
        Item::RightPortability => {
            let applies =
                ctx.relies_on(LawfulBasis::Consent) || ctx.relies_on(LawfulBasis::Contract);
            match (tells(Right::Portability), applies) {
                (true, _) => Stated,
                (false, true) => Missing,
                (false, false) => NotApplicable,
            }
        }
        Item::WithdrawConsent => {
            if ctx.relies_on(LawfulBasis::Consent) {
                stated(tells(Right::WithdrawConsent))
            } else {
                NotApplicable
            }
        }
        Item::Complain => stated(tells(Right::Complain)),
        _ => NotApplicable,
    }
}

/// Where in a notice an item is stated: JSON pointers relative to the notice (`purposes/2/lawful_bases`),
/// in file order. Empty when the notice itself states nothing about the item (a right it leaves to a
/// notice it must be read alongside counts for the status, but is stated there, not here).
pub fn stated_at(notice: &Notice, item: Item) -> Vec<String> {
    let n = notice;
    let each =
        |field: &str, len: usize| (0..len).map(|i| format!("{field}/{i}")).collect::<Vec<_>>();
    let in_purposes = |field: &str, has: &dyn Fn(&crate::model::Purpose) -> bool| {
        n.purposes
            .iter()
            .enumerate()
            .filter(|(_, p)| has(p))
            .map(|(i, _)| format!("purposes/{i}/{field}"))
            .collect::<Vec<_>>()
    };
    let rights = |right: Right| {
        n.rights
            .iter()
            .enumerate()
            .filter(|(_, r)| r.right == right)
            .map(|(i, _)| format!("rights/{i}"))
            .collect::<Vec<_>>()
    };
    match item {
        Item::Controller => Graph::controllers(n)
            .map(|(i, _)| format!("parties/{i}"))
            .collect(),
        Item::Dpo => n
            .data_protection_contact
            .iter()
            .map(|_| "data_protection_contact".to_owned())
            .collect(),
        Item::Purposes => each("purposes", n.purposes.len()),
        Item::LawfulBasis => {
            let mut at = each("lawful_bases", n.lawful_bases.len());
            at.extend(in_purposes("lawful_bases", &|p| !p.lawful_bases.is_empty()));
            at
        }
        Item::LegitimateInterests => {
            let mut at: Vec<String> = n
                .lawful_bases
                .iter()
                .enumerate()
                .filter(|(_, b)| !b.legitimate_interests.is_empty())
                .map(|(i, _)| format!("lawful_bases/{i}/legitimate_interests"))
                .collect();
            at.extend(in_purposes("legitimate_interests", &|p| {
                !p.legitimate_interests.is_empty()
            }));
            at
        }
        Item::DataCategories => each("data_categories", n.data_categories.len()),
        Item::Recipients => each("recipients", n.recipients.len()),
        Item::Transfers => each("transfers", n.transfers.len()),
        Item::Retention => each("retention", n.retention.len()),
        Item::RightAccess => rights(Right::Access),
        Item::RightRectification => rights(Right::Rectification),
        Item::RightErasure => rights(Right::Erasure),
        Item::RightRestriction => rights(Right::Restriction),
        Item::RightObjection => rights(Right::Objection),
        Item::RightPortability => rights(Right::Portability),
        Item::WithdrawConsent => rights(Right::WithdrawConsent),
        Item::Complain => rights(Right::Complain),
        Item::Requirement => each("requirements", n.requirements.len()),
        Item::Sources => each("sources", n.sources.len()),
        Item::AutomatedDecisions => {
            let mut at = each("automated_decisions", n.automated_decisions.len());
            at.extend(rights(Right::AutomatedDecisions));
            at
        }
    }
}

/// Where a diagnostic goes on its notice's page: the item, or `None` for "other findings".
pub fn item_of(notice: &Notice, d: &Diagnostic) -> Option<Item> {
    let target = CODE_TARGETS
        .iter()
        .find(|(c, _)| *c == d.code)
        .map_or(Target::Other, |(_, t)| *t);
    match target {
        Target::Item(item) => Some(item),
        Target::Other => None,
        Target::RightAt => {
            let index = d.path.as_deref().and_then(|p| {
                let rest = p.split("/rights/").nth(1)?;
                rest.split('/').next()?.parse::<usize>().ok()
            })?;
            match notice.rights.get(index)?.right {
                Right::Access => Some(Item::RightAccess),
                Right::Rectification => Some(Item::RightRectification),
                Right::Erasure => Some(Item::RightErasure),
                Right::Restriction => Some(Item::RightRestriction),
                Right::Portability => Some(Item::RightPortability),
                Right::Objection => Some(Item::RightObjection),
                Right::AutomatedDecisions => Some(Item::AutomatedDecisions),
                Right::WithdrawConsent => Some(Item::WithdrawConsent),
                Right::Complain => Some(Item::Complain),
            }
        }
    }
}

/// One finding as the report shows it.
#[derive(Debug, Clone, Serialize)]
pub struct FindingView {
    /// The code (`N401`).
    pub code: &'static str,
    /// `warning` or `note`.
    pub severity: &'static str,
    /// The message.
    pub message: String,
    /// The provision the rule enforces, when it has one.
    pub article: Option<&'static str>,
    /// The source line, when the finding has a place.
    pub line: Option<usize>,
    /// `file:line`, or the file alone.
    pub place: String,
    /// The link to the source line (`../notices.yaml#L12`).
    pub href: String,
}

/// One item of a notice's page.
#[derive(Debug, Clone, Serialize)]
pub struct ItemView {
    /// The item.
    pub item: Item,
    /// The message id of its name.
    pub name: &'static str,
    /// Its Art. 13 provision.
    pub art13: Option<&'static str>,
    /// Its Art. 14 provision.
    pub art14: Option<&'static str>,
    /// Its status.
    pub status: Status,
    /// The findings about it.
    pub findings: Vec<FindingView>,
    /// The source lines that state it, in file order.
    pub sources: Vec<SourceLine>,
}

/// A place in the notices file where an item is stated.
#[derive(Debug, Clone, Serialize)]
pub struct SourceLine {
    /// The line.
    pub line: usize,
    /// `file:line`.
    pub place: String,
    /// The link to the line (`../notices.yaml#L12`).
    pub href: String,
}

/// One notice's page, and its line in the overview.
#[derive(Debug, Clone, Serialize)]
pub struct NoticeView {
    /// The notice id, which names its page.
    pub id: String,
    /// The notice's title.
    pub title: String,
    /// How many items are missing.
    pub missing: usize,
    /// How many warnings the check found.
    pub warnings: usize,
    /// How many notes the check found.
    pub notes: usize,
    /// Every item.
    pub items: Vec<ItemView>,
    /// Findings no item holds.
    pub other: Vec<FindingView>,
}

/// What the report needs besides the check.
#[derive(Debug, Clone)]
pub struct ReportOptions {
    /// The templates (the built-in `report/*.html.j2`).
    pub templates: Templates,
    /// The words.
    pub words: Catalogue,
    /// The lint options the check ran with.
    pub lint: LintOptions,
    /// The link to the notices file from a report page (`../notices.yaml`); `#L<line>` is added.
    pub source_href: String,
}

fn finding(d: &Diagnostic, source_href: &str) -> FindingView {
    let line = d.span.map(|s| s.start.line);
    FindingView {
        code: d.code.as_str(),
        severity: d.severity.as_str(),
        message: d.message.clone(),
        article: d.code.article(),
        line,
        place: line.map_or_else(|| d.file.clone(), |l| format!("{}:{l}", d.file)),
        href: line.map_or_else(|| source_href.to_owned(), |l| format!("{source_href}#L{l}")),
    }
}

/// The lines of the notices file that state `item` for the notice at `index`, without repeats.
fn source_lines(
    checked: &Checked,
    index: usize,
    notice: &Notice,
    item: Item,
    source_href: &str,
) -> Vec<SourceLine> {
    let (Some(doc), Some(file)) = (&checked.document, &checked.notices) else {
        return Vec::new();
    };
    let lines_in = |index: usize, notice: &Notice| -> Vec<usize> {
        stated_at(notice, item)
            .iter()
            .filter_map(|at| doc.key_span(&format!("/notices/{index}/{at}")))
            .map(|span| span.start.line)
            .collect()
    };
    let mut lines = lines_in(index, notice);
    let alongside = matches!(
        item,
        Item::Dpo
            | Item::RightAccess
            | Item::RightRectification
            | Item::RightErasure
            | Item::RightRestriction
            | Item::RightObjection
            | Item::RightPortability
            | Item::WithdrawConsent
            | Item::Complain
    );
    if lines.is_empty() && alongside {
        // The contact and the rights a notice leaves to the notices it must be read alongside count as
        // stated (as the lint counts them), and are stated there.
        let graph = Graph::new(file);
        for other in graph.read_alongside(notice) {
            if let Some(i) = file.notices.iter().position(|n| n.id == other.id) {
                lines.extend(lines_in(i, other));
            }
        }
    }
    lines.sort_unstable();
    lines.dedup();
    lines
        .into_iter()
        .map(|line| SourceLine {
            line,
            place: format!("{}:{line}", doc.file),
            href: format!("{source_href}#L{line}"),
        })
        .collect()
}

/// Every notice's view, ranked: most items missing first, then most warnings, then by id.
pub fn views(checked: &Checked, options: &ReportOptions) -> Vec<NoticeView> {
    let Some(file) = &checked.notices else {
        return Vec::new();
    };
    let mut views: Vec<NoticeView> = file
        .notices
        .iter()
        .enumerate()
        .map(|(i, notice)| {
            let id = notice.id.to_string();
            let mine: Vec<&Diagnostic> = checked
                .report
                .diagnostics
                .iter()
                .filter(|d| d.notice.as_deref() == Some(id.as_str()))
                .collect();
            let mut items: Vec<ItemView> = statuses(file, i, &options.lint)
                .into_iter()
                .zip(ITEMS)
                .map(|((item, status), &(_, name, art13, art14))| ItemView {
                    item,
                    name,
                    art13,
                    art14,
                    status,
                    findings: Vec::new(),
                    sources: source_lines(checked, i, notice, item, &options.source_href),
                })
                .collect();
            let mut other = Vec::new();
            for d in &mine {
                let view = finding(d, &options.source_href);
                match item_of(notice, d).and_then(|it| items.iter_mut().find(|v| v.item == it)) {
                    Some(v) => v.findings.push(view),
                    None => other.push(view),
                }
            }
            let count = |s| mine.iter().filter(|d| d.severity == s).count();
            NoticeView {
                title: notice.title.clone(),
                missing: items.iter().filter(|v| v.status == Status::Missing).count(),
                warnings: count(Severity::Warning),
                notes: count(Severity::Note),
                id,
                items,
                other,
            }
        })
        .collect();
    views.sort_by(|a, b| {
        (b.missing, b.warnings)
            .cmp(&(a.missing, a.warnings))
            .then_with(|| a.id.cmp(&b.id))
    });
    views
}

/// Renders the report: `index.html` and one `<notice-id>.html` per notice. Empty when the notices have
/// errors (there is then no model to report on).
pub fn render(checked: &Checked, options: &ReportOptions) -> Result<Vec<Output>, RenderError> {
    if checked.report.has_errors() || checked.notices.is_none() {
        return Ok(Vec::new());
    }
    let env = crate::render::environment(&options.templates, &options.words);
    let render = |name: &str, ctx: Value| -> Result<bytes::Bytes, RenderError> {
        let mut text = crate::render::render_template(&env, name, ctx)?;
        if !text.ends_with('\n') {
            text.push('\n');
        }
        Ok(text.into_bytes().into())
    };
    let views = views(checked, options);
    let file_wide: Vec<FindingView> = checked
        .report
        .diagnostics
        .iter()
        .filter(|d| d.notice.is_none())
        .map(|d| finding(d, &options.source_href))
        .collect();
    let mut outputs = Vec::new();
    for view in &views {
        outputs.push(Output::new(
            format!("{}.html", view.id),
            render(
                "report/notice.html.j2",
                context! { notice => Value::from(minijinja::value::Serde(view)) },
            )?,
        ));
    }
    outputs.push(Output::new(
        "index.html",
        render(
            "report/index.html.j2",
            context! {
                notices => Value::from(minijinja::value::Serde(&views)),
                file_wide => Value::from(minijinja::value::Serde(&file_wide)),
            },
        )?,
    ));
    if let Some(e) = options.words.take_failures().into_iter().next() {
        return Err(e.into());
    }
    Ok(outputs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_lint_code_has_one_place_and_every_item_one_line() {
        for code in Code::lint() {
            let n = CODE_TARGETS.iter().filter(|(c, _)| *c == code).count();
            assert_eq!(n, 1, "{code} is in the table {n} times");
        }
        assert_eq!(CODE_TARGETS.len(), Code::lint().count());
        for (i, (item, ..)) in ITEMS.iter().enumerate() {
            assert!(
                ITEMS[i + 1..].iter().all(|(other, ..)| other != item),
                "{item:?}"
            );
        }
    }
}

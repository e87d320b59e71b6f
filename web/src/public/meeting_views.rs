//! Meetings as the pages show them: the API's views with dates in Athens time, labels in
//! the reader's language, and links. Markdown arrives already sanitised (`*_html`).

use chrono::{DateTime, Utc};
use council_shared::{athens, council::CouncilRoster};
use meetings::{
    api::models::{
        AgendaItemView, AttachmentView, DecisionVersionView, DecisionView, MeetingDetail,
        MeetingSummary, MinutesView,
    },
    domain::MeetingState,
};
use serde::Serialize;

use super::views::Localized;
use crate::{i18n::Lang, render::Renderer};

/// «12/05/2026 18:00», Athens time.
pub fn local_text(at: DateTime<Utc>) -> String {
    athens::local(at).format("%d/%m/%Y %H:%M").to_string()
}

/// An instant for a `<time>` element: its text and machine-readable value.
#[derive(Serialize)]
pub struct When {
    text: String,
    datetime: String,
}

pub fn when(at: DateTime<Utc>) -> When {
    When {
        text: local_text(at),
        // Whole seconds: HTML allows at most three digits of a fraction.
        datetime: athens::local(at).to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
    }
}

/// An instant as a public page shows it: "Thursday 3 December 2026 at 18:30" by the
/// reader's language's own rules (ICU4X), Athens time.
pub fn when_in(lang: Lang, at: DateTime<Utc>) -> When {
    When {
        text: long_text(lang, at),
        ..when(at)
    }
}

/// The date and time of `at` in Athens, in the reader's language.
pub fn long_text(lang: Lang, at: DateTime<Utc>) -> String {
    council_shared::locale::format_date_time(lang, athens::local(at).naive_local())
}

/// Text by key, for labels built from a value: `label(r, lang, "meeting-state", "held")`.
fn label(renderer: &Renderer, lang: Lang, prefix: &str, value: &str) -> String {
    renderer.text(lang, &format!("{prefix}-{value}"))
}

#[derive(Serialize)]
pub struct MeetingCard {
    href: String,
    number: Option<String>,
    title: String,
    starts: When,
    ends: When,
    state: String,
    state_code: String,
    kind: String,
    mode: String,
    location: Option<String>,
    postponed: bool,
    cancelled: bool,
    cancel_reason: Option<String>,
}

pub fn card(summary: &MeetingSummary, renderer: &Renderer, lang: Lang) -> MeetingCard {
    let state_code = summary.state.as_str().to_string();
    MeetingCard {
        href: summary.page.clone(),
        number: summary.number.clone(),
        title: summary.title.clone(),
        starts: when_in(lang, summary.starts_at),
        ends: when_in(lang, summary.ends_at),
        state: label(renderer, lang, "meeting-state", &state_code),
        cancelled: summary.state == MeetingState::Cancelled,
        state_code,
        kind: label(renderer, lang, "meeting-kind", summary.kind.as_str()),
        mode: label(renderer, lang, "meeting-mode", summary.mode.as_str()),
        location: summary
            .location
            .as_ref()
            .map(|l| meetings::api::views::place(&l.name, l.address.as_deref())),
        postponed: summary.postponed,
        cancel_reason: summary.cancel_reason.clone(),
    }
}

#[derive(Serialize)]
pub struct Document {
    name: String,
    href: String,
    kind: String,
    size: String,
}

/// The short name of a file type, for a download link: «PDF».
pub fn kind_label(content_type: &str) -> &'static str {
    match content_type {
        "application/pdf" => "PDF",
        "application/vnd.oasis.opendocument.text" => "ODT",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => "DOCX",
        "image/png" => "PNG",
        "image/jpeg" => "JPEG",
        "image/webp" => "WebP",
        _ => "",
    }
}

/// «1.5 MB», «320 KB», «12 B».
pub fn file_size(bytes: i64) -> String {
    match bytes {
        n if n >= 1024 * 1024 => format!("{:.1} MB", n as f64 / (1024.0 * 1024.0)),
        n if n >= 1024 => format!("{} KB", n / 1024),
        n => format!("{n} B"),
    }
}

impl Document {
    pub fn new(name: String, href: String, content_type: &str, size_bytes: i64) -> Self {
        Self {
            name,
            href,
            kind: kind_label(content_type).into(),
            size: file_size(size_bytes),
        }
    }
}

fn document(file: &AttachmentView) -> Document {
    Document::new(
        file.file_name.clone(),
        file.download.clone(),
        &file.content_type,
        file.size_bytes,
    )
}

#[derive(Serialize)]
pub struct DecisionVersion {
    version: i32,
    text_html: String,
    votes_for: i32,
    votes_against: i32,
    abstentions: i32,
    dissent: Option<String>,
    result: String,
    change_note: Option<String>,
    published: Option<When>,
}

fn decision_version(v: &DecisionVersionView, renderer: &Renderer, lang: Lang) -> DecisionVersion {
    DecisionVersion {
        version: v.version,
        text_html: v.text_html.clone(),
        votes_for: v.votes_for,
        votes_against: v.votes_against,
        abstentions: v.abstentions,
        dissent: v.dissent.clone(),
        result: label(renderer, lang, "decision-result", v.result.as_str()),
        change_note: v.change_note.clone(),
        published: v.published_at.map(when),
    }
}

#[derive(Serialize)]
pub struct Decision {
    number: String,
    kind: String,
    ada: Option<String>,
    ada_href: Option<String>,
    current: DecisionVersion,
    earlier: Vec<DecisionVersion>,
}

fn decision(d: &DecisionView, renderer: &Renderer, lang: Lang) -> Decision {
    Decision {
        number: d.number.clone(),
        kind: label(renderer, lang, "decision-kind", d.kind.as_str()),
        ada_href: d.ada.as_ref().map(|ada| {
            format!(
                "https://diavgeia.gov.gr/decision/view/{}",
                crate::encode(ada)
            )
        }),
        ada: d.ada.clone(),
        current: decision_version(&d.current, renderer, lang),
        earlier: d
            .earlier
            .iter()
            .rev()
            .map(|v| decision_version(v, renderer, lang))
            .collect(),
    }
}

#[derive(Serialize)]
pub struct Item {
    anchor: String,
    number: i32,
    title: String,
    description_html: String,
    rapporteur: Option<String>,
    closed: bool,
    urgent: bool,
    withdrawn: bool,
    withdrawn_reason: Option<String>,
    documents: Vec<Document>,
    decision: Option<Decision>,
}

fn item(i: &AgendaItemView, renderer: &Renderer, lang: Lang) -> Item {
    Item {
        anchor: format!("item-{}", i.id),
        number: i.number,
        title: i.title.clone(),
        description_html: i.description_html.clone(),
        rapporteur: i.rapporteur.clone(),
        closed: !i.public,
        urgent: i.urgent,
        withdrawn: i.withdrawn,
        withdrawn_reason: i.withdrawn_reason.clone(),
        documents: i.attachments.iter().map(document).collect(),
        decision: i.decision.as_ref().map(|d| decision(d, renderer, lang)),
    }
}

#[derive(Serialize)]
pub struct AttendanceLine {
    name: String,
    status: String,
    substitute: Option<String>,
}

#[derive(Serialize)]
pub struct Attendance {
    in_office: i32,
    present: i32,
    quorum: bool,
    lines: Vec<AttendanceLine>,
}

#[derive(Serialize)]
pub struct MinutesVersion {
    version: i32,
    published: Option<When>,
    created: When,
    change_note: Option<String>,
    body_html: String,
    print_href: String,
}

fn minutes_version(m: &MinutesView, page: &str, lang: Lang) -> MinutesVersion {
    MinutesVersion {
        version: m.version,
        published: m.published_at.map(|at| when_in(lang, at)),
        created: when_in(lang, m.created_at),
        change_note: m.change_note.clone(),
        body_html: m.body_html.clone(),
        print_href: format!("{page}/minutes?version={}", m.version),
    }
}

#[derive(Serialize)]
pub struct Postponement {
    from: When,
    to: When,
    reason: String,
}

/// A council writes its meetings (titles, agendas, decisions, minutes) in Greek, its
/// language: readers of every other language are told so.
fn written_in_greek(renderer: &Renderer, lang: Lang) -> Option<String> {
    super::views::content_notice(renderer, lang, lang != Lang::El, false)
}

/// The meeting page.
#[derive(Serialize)]
pub struct MeetingPageView {
    lang: &'static str,
    heading: String,
    heading_html: String,
    tenant_name: Localized,
    council_name: Localized,
    tenant_href: String,
    list_href: String,
    card: MeetingCard,
    draft: bool,
    online_url: Option<String>,
    calendar_href: String,
    postponements: Vec<Postponement>,
    documents: Vec<Document>,
    agenda: Vec<Item>,
    attendance: Option<Attendance>,
    minutes: Option<MinutesVersion>,
    minutes_published: bool,
    earlier_minutes: Vec<MinutesVersion>,
    approval: Option<String>,
    /// To readers of other languages: the meeting is written in Greek (each piece of it
    /// carries `lang="el"`).
    content_notice: Option<String>,
}

impl MeetingPageView {
    pub fn title(&self) -> &str {
        &self.heading
    }
}

/// The heading for HTML: the meeting's title (Greek, the council's language) in its own
/// `<bdi lang="el">`.
pub fn heading_html(summary: &MeetingSummary, renderer: &Renderer, lang: Lang) -> String {
    match &summary.number {
        Some(number) => renderer.html_with_content(
            lang,
            "meeting-heading",
            &[("number", number)],
            ("title", &summary.title, "el"),
        ),
        None => format!(
            "<bdi lang=\"el\">{}</bdi>",
            crate::render::escape_html(&summary.title)
        ),
    }
}

pub fn heading(summary: &MeetingSummary, renderer: &Renderer, lang: Lang) -> String {
    match &summary.number {
        Some(number) => renderer.text_with(
            lang,
            "meeting-heading",
            &[("number", number), ("title", &summary.title)],
        ),
        None => summary.title.clone(),
    }
}

fn names(roster: &CouncilRoster, lang: Lang) -> (Localized, Localized) {
    let pick = |el: &str, en: &str| super::views::choose(Some(el), Some(en), lang);
    (
        pick(&roster.tenant.name_el, &roster.tenant.name_en),
        pick(&roster.council_name_el, &roster.council_name_en),
    )
}

pub fn meeting_page(
    roster: &CouncilRoster,
    detail: &MeetingDetail,
    renderer: &Renderer,
    lang: Lang,
) -> MeetingPageView {
    let summary = &detail.summary;
    let slug = roster.tenant.slug.as_str();
    let (tenant_name, council_name) = names(roster, lang);
    let current = detail.minutes.as_ref();
    MeetingPageView {
        lang: lang.code(),
        content_notice: written_in_greek(renderer, lang),
        heading: heading(summary, renderer, lang),
        heading_html: heading_html(summary, renderer, lang),
        tenant_name,
        council_name,
        tenant_href: format!("/municipalities/{slug}"),
        list_href: format!("/municipalities/{slug}/meetings"),
        card: card(summary, renderer, lang),
        draft: summary.state == MeetingState::Draft,
        online_url: detail.online_url.clone(),
        calendar_href: detail.calendar.clone(),
        postponements: detail
            .postponements
            .iter()
            .map(|p| Postponement {
                from: when_in(lang, p.previous_starts_at),
                to: when_in(lang, p.new_starts_at),
                reason: p.reason.clone(),
            })
            .collect(),
        documents: detail.attachments.iter().map(document).collect(),
        agenda: detail
            .agenda
            .iter()
            .map(|i| item(i, renderer, lang))
            .collect(),
        attendance: detail.attendance.as_ref().map(|a| Attendance {
            in_office: a.in_office,
            present: a.present,
            quorum: a.quorum,
            lines: a
                .records
                .iter()
                .map(|r| AttendanceLine {
                    name: r.member_name.clone(),
                    status: label(renderer, lang, "attendance", r.status.as_str()),
                    substitute: r.substitute_name.clone(),
                })
                .collect(),
        }),
        minutes_published: current.is_some_and(|m| m.published_at.is_some()),
        minutes: current.map(|m| minutes_version(m, &summary.page, lang)),
        earlier_minutes: detail
            .minutes_versions
            .iter()
            .rev()
            .skip(1)
            .map(|m| minutes_version(m, &summary.page, lang))
            .collect(),
        approval: detail.approval.as_ref().map(|a| {
            renderer.text_with(
                lang,
                &format!("minutes-approved-by-{}", a.by.as_str()),
                &[("date", &long_text(lang, a.approved_at))],
            )
        }),
    }
}

/// The list of a municipality's meetings.
#[derive(Serialize)]
pub struct MeetingsPageView {
    lang: &'static str,
    heading: String,
    tenant_name: Localized,
    tenant_href: String,
    calendar_href: String,
    atom_href: String,
    /// The search form's current values.
    q: String,
    year: String,
    years: Vec<Choice>,
    states: Vec<Choice>,
    filtered: bool,
    upcoming: Vec<MeetingCard>,
    results: Vec<MeetingCard>,
    total: u64,
    pages: Vec<PageLink>,
    content_notice: Option<String>,
}

impl MeetingsPageView {
    pub fn title(&self) -> &str {
        &self.heading
    }
}

#[derive(Serialize)]
pub struct Choice {
    value: String,
    label: String,
    selected: bool,
}

#[derive(Serialize)]
pub struct PageLink {
    number: u64,
    href: String,
    current: bool,
}

/// What the reader asked the list for.
pub struct ListAsked<'a> {
    pub q: &'a str,
    pub year: Option<i32>,
    pub state: Option<&'a str>,
    pub page: u64,
}

#[allow(clippy::too_many_arguments)] // the page's parts, each from its own query
pub fn meetings_page(
    roster: &CouncilRoster,
    asked: &ListAsked,
    upcoming: &[MeetingSummary],
    results: &[MeetingSummary],
    total: u64,
    total_pages: u64,
    renderer: &Renderer,
    lang: Lang,
) -> MeetingsPageView {
    let slug = roster.tenant.slug.as_str();
    let (tenant_name, council_name) = names(roster, lang);
    let this_year = athens::year(Utc::now());
    let years = (2024.min(asked.year.unwrap_or(this_year))..=this_year + 1)
        .rev()
        .map(|y| Choice {
            value: y.to_string(),
            label: y.to_string(),
            selected: asked.year == Some(y),
        })
        .collect();
    let states = MeetingState::ALL
        .iter()
        .filter(|s| s.is_public())
        .map(|s| s.as_str())
        .map(|s| Choice {
            value: s.into(),
            label: label(renderer, lang, "meeting-state", s),
            selected: asked.state == Some(s),
        })
        .collect();
    let base = format!("/municipalities/{slug}/meetings");
    let page_href = |number: u64| {
        let mut query = url::form_urlencoded::Serializer::new(String::new());
        if !asked.q.is_empty() {
            query.append_pair("q", asked.q);
        }
        if let Some(year) = asked.year {
            query.append_pair("year", &year.to_string());
        }
        if let Some(state) = asked.state {
            query.append_pair("state", state);
        }
        query.append_pair("page", &number.to_string());
        format!("{base}?{}", query.finish())
    };
    MeetingsPageView {
        lang: lang.code(),
        content_notice: written_in_greek(renderer, lang),
        heading: renderer.text_with(lang, "meetings-title", &[("council", &council_name.text)]),
        tenant_name,
        tenant_href: format!("/municipalities/{slug}"),
        calendar_href: format!("/api/v1/tenants/{slug}/calendar.ics"),
        atom_href: format!("/api/v1/tenants/{slug}/minutes.atom"),
        q: asked.q.to_string(),
        year: asked.year.map(|y| y.to_string()).unwrap_or_default(),
        years,
        states,
        filtered: !asked.q.is_empty() || asked.year.is_some() || asked.state.is_some(),
        upcoming: upcoming.iter().map(|s| card(s, renderer, lang)).collect(),
        results: results.iter().map(|s| card(s, renderer, lang)).collect(),
        total,
        pages: (1..=total_pages)
            .filter(|_| total_pages > 1)
            .map(|number| PageLink {
                number,
                href: page_href(number),
                current: number == asked.page,
            })
            .collect(),
    }
}

/// The print-friendly minutes: a whole document of its own.
#[derive(Serialize)]
pub struct MinutesPrintView {
    lang: &'static str,
    title: String,
    tenant_name: Localized,
    council_name: Localized,
    meeting_href: String,
    starts: When,
    minutes: MinutesVersion,
    latest: bool,
}

pub fn minutes_print(
    roster: &CouncilRoster,
    detail: &MeetingDetail,
    version: &MinutesView,
    renderer: &Renderer,
    lang: Lang,
) -> MinutesPrintView {
    let (tenant_name, council_name) = names(roster, lang);
    let summary = &detail.summary;
    MinutesPrintView {
        lang: lang.code(),
        title: renderer.text_with(
            lang,
            "minutes-print-title",
            &[("meeting", &heading(summary, renderer, lang))],
        ),
        tenant_name,
        council_name,
        meeting_href: summary.page.clone(),
        starts: when_in(lang, summary.starts_at),
        minutes: minutes_version(version, &summary.page, lang),
        latest: detail
            .minutes_versions
            .last()
            .is_some_and(|m| m.version == version.version),
    }
}

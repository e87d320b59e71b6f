//! Page view models: API views turned into what a template shows, in the reader's language,
//! with a flag wherever the text falls back to the other language.

use serde::Serialize;
use tenants::api::models::{
    Highlight, MemberCategory, MemberRole, Membership, PublicCouncil, TenantDetail, TenantSummary,
    Text,
};

use crate::{i18n::Lang, render::Renderer};

/// Municipal text, written in Greek and/or English, as one reader sees it: `lang` is the
/// language it is shown in, `fallback` set when that is not the reader's, so the element
/// carries its own `lang` (screen readers switch voice) and the page says so.
#[derive(Debug, Serialize)]
pub struct Localized {
    pub text: String,
    pub lang: &'static str,
    pub fallback: bool,
}

pub fn localize(text: &Text, lang: Lang) -> Localized {
    choose(Some(text.el.as_str()), text.en.as_deref(), lang)
}

/// By `council_shared::locale::content_for`'s rule.
pub fn choose(el: Option<&str>, en: Option<&str>, lang: Lang) -> Localized {
    match council_shared::locale::content_for(lang, el, en) {
        Some((text, code)) => Localized {
            text: text.to_string(),
            lang: code,
            fallback: code != lang.code(),
        },
        None => Localized {
            text: String::new(),
            lang: lang.code(),
            fallback: false,
        },
    }
}

/// The note at the top of a page whose municipal content is not in the reader's language:
/// for Greek and English readers that a translation is missing, for the others which of
/// the two languages they are reading.
pub fn content_notice(
    renderer: &Renderer,
    lang: Lang,
    shown_el: bool,
    shown_en: bool,
) -> Option<String> {
    if !(shown_el || shown_en) {
        return None;
    }
    if Lang::WORKSPACE.contains(&lang) {
        return Some(renderer.text(lang, "fallback-notice"));
    }
    let shown = match (shown_el, shown_en) {
        (true, true) => "both",
        (true, false) => "el",
        _ => "en",
    };
    Some(renderer.text_with(lang, "content-language-notice", &[("shown", shown)]))
}

/// Long text split into paragraphs at blank lines.
#[derive(Debug, Serialize)]
pub struct Paragraphs {
    pub paragraphs: Vec<String>,
    pub lang: &'static str,
    pub fallback: bool,
}

/// Localizes a page's texts and remembers whether any fell back to the other language, so
/// the page can say so once at the top.
pub struct Localizer {
    lang: Lang,
    shown_el: std::cell::Cell<bool>,
    shown_en: std::cell::Cell<bool>,
}

impl Localizer {
    pub fn new(lang: Lang) -> Self {
        Self {
            lang,
            shown_el: Default::default(),
            shown_en: Default::default(),
        }
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    fn text(&self, text: &Text) -> Localized {
        self.seen(localize(text, self.lang))
    }

    /// Remembers in which language a piece of content was shown, when not the reader's.
    pub fn seen(&self, localized: Localized) -> Localized {
        if localized.fallback {
            match localized.lang {
                "el" => self.shown_el.set(true),
                _ => self.shown_en.set(true),
            }
        }
        localized
    }

    /// The page's note on the language of its content, if it needs one.
    pub fn notice(&self, renderer: &Renderer) -> Option<String> {
        content_notice(
            renderer,
            self.lang,
            self.shown_el.get(),
            self.shown_en.get(),
        )
    }

    fn paragraphs(&self, text: &Text) -> Paragraphs {
        paragraphs(self.text(text))
    }
}

fn paragraphs(localized: Localized) -> Paragraphs {
    Paragraphs {
        paragraphs: localized
            .text
            .split("\n\n")
            .map(|p| p.trim().to_string())
            .filter(|p| !p.is_empty())
            .collect(),
        lang: localized.lang,
        fallback: localized.fallback,
    }
}

#[derive(Serialize)]
pub struct TenantCard {
    slug: String,
    name: Localized,
    region: Localized,
}

#[derive(Serialize)]
pub struct HomePage {
    lang: &'static str,
    count: usize,
    tenants: Vec<TenantCard>,
}

pub fn home(tenants: &[TenantSummary], lang: Lang) -> HomePage {
    HomePage {
        lang: lang.code(),
        count: tenants.len(),
        tenants: tenants
            .iter()
            .map(|t| TenantCard {
                slug: t.slug.clone(),
                name: localize(&t.name, lang),
                region: localize(&t.region, lang),
            })
            .collect(),
    }
}

#[derive(Serialize)]
struct KeyFigureView {
    value: String,
    unit: Option<Localized>,
    label: Localized,
    year: Option<i32>,
    source: Option<String>,
}

#[derive(Serialize)]
struct ProgrammeView {
    title: Localized,
    description: Paragraphs,
    link: Option<String>,
}

#[derive(Serialize)]
struct FigureView {
    value: String,
    label: Localized,
}

#[derive(Serialize)]
struct HighlightView {
    title: Localized,
    description: Paragraphs,
    figure: Option<FigureView>,
}

#[derive(Serialize)]
struct HighlightSection {
    id: &'static str,
    heading: String,
    items: Vec<HighlightView>,
}

#[derive(Serialize)]
struct CouncilView {
    name: Localized,
    decision: Option<String>,
    decision_url: Option<String>,
    term: Option<String>,
}

#[derive(Serialize)]
struct MemberView {
    full_name: String,
    role: String,
    category: String,
    organisation: Option<String>,
    membership: String,
    example: bool,
}

#[derive(Serialize)]
pub struct TenantPage {
    lang: &'static str,
    slug: String,
    name: Localized,
    region: Localized,
    website: Option<String>,
    contact_email: Option<String>,
    archived: bool,
    content_notice: Option<String>,
    introduction: Option<Paragraphs>,
    key_figures: Vec<KeyFigureView>,
    programmes: Vec<ProgrammeView>,
    highlight_sections: Vec<HighlightSection>,
    council: Option<CouncilView>,
    members: Vec<MemberView>,
    regular_members: u32,
    substitute_members: u32,
}

impl TenantPage {
    pub fn title(&self) -> &str {
        &self.name.text
    }
}

fn date(value: chrono::NaiveDate, lang: Lang) -> String {
    council_shared::locale::format_date(lang, value)
}

fn role_key(role: MemberRole) -> &'static str {
    match role {
        MemberRole::President => "role-president",
        MemberRole::VicePresident => "role-vice_president",
        MemberRole::Member => "role-member",
        MemberRole::Secretary => "role-secretary",
    }
}

fn category_key(category: MemberCategory) -> &'static str {
    match category {
        MemberCategory::MunicipalCouncillor => "category-municipal_councillor",
        MemberCategory::CivilSociety => "category-civil_society",
        MemberCategory::MigrantCommunity => "category-migrant_community",
        MemberCategory::Other => "category-other",
    }
}

fn membership_key(membership: Membership) -> &'static str {
    match membership {
        Membership::Regular => "membership-regular",
        Membership::Substitute => "membership-substitute",
    }
}

pub fn tenant(
    detail: &TenantDetail,
    council: &PublicCouncil,
    lang: Lang,
    renderer: &Renderer,
) -> TenantPage {
    let profile = &detail.profile;
    let loc = Localizer::new(lang);
    let highlights = |items: &[Highlight]| -> Vec<HighlightView> {
        items
            .iter()
            .map(|h| HighlightView {
                title: loc.text(&h.title),
                description: loc.paragraphs(&h.description),
                figure: h.figure.as_ref().map(|f| FigureView {
                    value: f.value.clone(),
                    label: loc.text(&f.label),
                }),
            })
            .collect()
    };
    let mut highlight_sections = Vec::new();
    for (id, key, items) in [
        (
            "achievements",
            "section-achievements",
            &profile.achievements,
        ),
        ("goals", "section-goals", &profile.goals),
    ] {
        if !items.is_empty() {
            highlight_sections.push(HighlightSection {
                id,
                heading: renderer.text(lang, key),
                items: highlights(items),
            });
        }
    }
    let council_view = council.council.as_ref().map(|info| {
        let term = match (info.term_start, info.term_end) {
            (Some(start), Some(end)) => {
                let mut args = fluent_bundle::FluentArgs::new();
                args.set("start", date(start, lang));
                args.set("end", date(end, lang));
                Some(
                    renderer
                        .translations
                        .text(lang, "council-term-range", Some(&args)),
                )
            }
            (Some(start), None) => Some(date(start, lang)),
            _ => None,
        };
        let decision = match (&info.decision_reference, info.decision_date) {
            (Some(reference), Some(on)) => Some(format!("{reference} ({})", date(on, lang))),
            (Some(reference), None) => Some(reference.clone()),
            (None, Some(on)) => Some(date(on, lang)),
            (None, None) => None,
        };
        CouncilView {
            name: loc.text(&info.name),
            decision,
            decision_url: info.decision_url.clone(),
            term,
        }
    });
    let mut page = TenantPage {
        lang: lang.code(),
        slug: detail.slug.clone(),
        name: loc.text(&detail.name),
        region: loc.text(&detail.region),
        website: detail.website.clone(),
        contact_email: detail.contact_email.clone(),
        archived: detail.status == tenants::api::models::TenantStatus::Archived,
        content_notice: None,
        introduction: profile.introduction.as_ref().map(|t| loc.paragraphs(t)),
        key_figures: profile
            .key_figures
            .iter()
            .map(|f| KeyFigureView {
                value: f.value.clone(),
                unit: f.unit.as_ref().map(|u| loc.text(u)),
                label: loc.text(&f.label),
                year: f.year,
                source: f.source.clone(),
            })
            .collect(),
        programmes: profile
            .programmes
            .iter()
            .map(|p| ProgrammeView {
                title: loc.text(&p.title),
                description: loc.paragraphs(&p.description),
                link: p.link.clone(),
            })
            .collect(),
        highlight_sections,
        council: council_view,
        members: council
            .members
            .iter()
            .map(|m| MemberView {
                full_name: m.full_name.clone(),
                role: renderer.text(lang, role_key(m.role)),
                category: renderer.text(lang, category_key(m.category)),
                organisation: m.organisation.clone(),
                membership: renderer.text(lang, membership_key(m.membership)),
                example: m.example,
            })
            .collect(),
        regular_members: council.regular_members,
        substitute_members: council.substitute_members,
    };
    page.content_notice = loc.notice(renderer);
    page
}

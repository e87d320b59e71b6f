//! Good practices as the pages show them: texts in the reader's language (saying when one
//! falls back to the other), labels for sectors, areas, audiences and goals, the yearly
//! results as a table and a bar chart, and the filters with their counts.

use std::collections::{BTreeMap, BTreeSet};

use practices::{
    api::models::{
        AdoptionView, FacetCount, FeedbackView, PracticeFileView, PracticeSummary, ThemeView,
    },
    domain::{Bilingual, PracticeContent, ResultRow},
};
use serde::Serialize;

use crate::{
    i18n::Lang,
    meeting_views::{Document, When, when_in},
    render::Renderer,
    views::Localized,
};

/// Looks up the names the pages show for codes: thematic areas and municipalities.
pub struct Names<'a> {
    pub themes: &'a [ThemeView],
    /// `(slug, name)` of the active municipalities.
    pub municipalities: &'a [(String, Bilingual)],
}

impl Names<'_> {
    fn theme(&self, code: &str, lang: Lang) -> String {
        self.themes
            .iter()
            .find(|t| t.code == code)
            .map_or_else(|| code.to_string(), |t| pick(&t.name, lang).text)
    }

    fn municipality(&self, slug: &str, lang: Lang) -> Option<String> {
        self.municipalities
            .iter()
            .find(|(s, _)| s == slug)
            .map(|(_, name)| pick(name, lang).text)
    }
}

/// The reader's language, else the other one (flagged): `views::choose`'s rule.
pub fn pick(text: &Bilingual, lang: Lang) -> Localized {
    super::views::choose(text.el.as_deref(), text.en.as_deref(), lang)
}

/// Picks texts for one page and remembers in which languages they were shown.
struct Picker {
    seen: super::views::Localizer,
}

impl Picker {
    fn new(lang: Lang) -> Self {
        Self {
            seen: super::views::Localizer::new(lang),
        }
    }

    fn text(&self, text: &Bilingual) -> Option<Localized> {
        let picked = pick(text, self.seen.lang());
        if picked.text.is_empty() {
            return None;
        }
        Some(self.seen.seen(picked))
    }

    /// Markdown, rendered and sanitised.
    fn rich(&self, text: &Bilingual) -> Option<Localized> {
        self.text(text).map(|picked| Localized {
            text: council_shared::markdown::to_safe_html(&picked.text),
            ..picked
        })
    }
}

fn label(renderer: &Renderer, lang: Lang, prefix: &str, value: &str) -> String {
    renderer.text(lang, &format!("{prefix}-{value}"))
}

#[derive(Serialize)]
pub struct PracticeCard {
    href: String,
    title: Localized,
    summary: Option<Localized>,
    organisation: String,
    sector: Option<String>,
    themes: Vec<String>,
    places: Vec<String>,
    published: When,
    archived: bool,
}

pub fn card(
    summary: &PracticeSummary,
    names: &Names,
    renderer: &Renderer,
    lang: Lang,
) -> PracticeCard {
    let picker = Picker::new(lang);
    PracticeCard {
        href: format!("/practices/{}", summary.slug),
        title: pick(&summary.title, lang),
        summary: picker.text(&summary.summary),
        organisation: summary.organisation.clone(),
        sector: summary
            .sector
            .map(|s| label(renderer, lang, "sector", s.as_str())),
        themes: summary
            .thematic_areas
            .iter()
            .map(|code| names.theme(code, lang))
            .collect(),
        places: summary
            .municipalities
            .iter()
            .filter_map(|slug| names.municipality(slug, lang))
            .collect(),
        published: when_in(lang, summary.published_at),
        archived: summary.archived,
    }
}

/// One yearly results row: its figures in the table's year order, and its chart.
#[derive(Serialize)]
pub struct ResultsLine {
    label: Localized,
    cells: Vec<String>,
    /// Only for a row with figures for two years or more: one bar is no chart.
    chart: Option<Chart>,
}

/// A bar per year, scaled to the row's largest figure; drawn as inline SVG.
#[derive(Serialize)]
pub struct Chart {
    title: String,
    width: u32,
    bars: Vec<Bar>,
}

#[derive(Serialize)]
pub struct Bar {
    x: u32,
    y: u32,
    height: u32,
    label_x: u32,
    year: String,
    value: String,
    value_y: u32,
}

const CHART_HEIGHT: u32 = 120;
const BAR_WIDTH: u32 = 44;
const BAR_GAP: u32 = 16;

/// Figures with a thin space between thousands, as Greek print has them: 3 192.
pub fn figure(value: i64) -> String {
    let digits = value.unsigned_abs().to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push('\u{202f}');
        }
        grouped.push(c);
    }
    if value < 0 {
        format!("−{grouped}")
    } else {
        grouped
    }
}

fn chart(row: &ResultRow, years: &[String], title: &str) -> Chart {
    let max = row.figures.values().copied().max().unwrap_or(0).max(1);
    let plot = CHART_HEIGHT - 36;
    let bars = years
        .iter()
        .enumerate()
        .filter_map(|(i, year)| {
            let value = *row.figures.get(year)?;
            let height = ((value.max(0) as f64 / max as f64) * plot as f64).round() as u32;
            let x = BAR_GAP + i as u32 * (BAR_WIDTH + BAR_GAP);
            let y = 18 + plot - height;
            Some(Bar {
                x,
                y,
                height,
                label_x: x + BAR_WIDTH / 2,
                year: year.clone(),
                value: figure(value),
                value_y: y.saturating_sub(4).max(12),
            })
        })
        .collect();
    Chart {
        title: title.to_string(),
        width: BAR_GAP + years.len() as u32 * (BAR_WIDTH + BAR_GAP),
        bars,
    }
}

#[derive(Serialize)]
pub struct Results {
    years: Vec<String>,
    lines: Vec<ResultsLine>,
}

fn results(rows: &[ResultRow], picker: &Picker) -> Option<Results> {
    let years: Vec<String> = rows
        .iter()
        .flat_map(|r| r.figures.keys().cloned())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    if years.is_empty() {
        return None;
    }
    let lines = rows
        .iter()
        .map(|row| {
            let label = picker.text(&row.label).unwrap_or(Localized {
                text: String::new(),
                lang: picker.seen.lang().code(),
                fallback: false,
            });
            ResultsLine {
                cells: years
                    .iter()
                    .map(|y| row.figures.get(y).map(|v| figure(*v)).unwrap_or_default())
                    .collect(),
                chart: (row.figures.len() > 1).then(|| chart(row, &years, &label.text)),
                label,
            }
        })
        .collect();
    Some(Results { years, lines })
}

#[derive(Serialize)]
pub struct Place {
    name: String,
    href: Option<String>,
}

#[derive(Serialize)]
pub struct Goal {
    number: u8,
    name: String,
}

#[derive(Serialize)]
pub struct LinkView {
    label: String,
    url: String,
}

#[derive(Serialize)]
pub struct PhotoView {
    src: String,
    alt: Localized,
    caption: Option<Localized>,
}

/// Everything the practice page and its print view show of one version of the content.
#[derive(Serialize)]
pub struct PracticeBody {
    photos: Vec<PhotoView>,
    documents: Vec<Document>,
    title: Localized,
    summary: Option<Localized>,
    sector: Option<String>,
    themes: Vec<String>,
    audiences: Vec<String>,
    organisation: String,
    organisation_description: Option<Localized>,
    organisation_website: Option<String>,
    organisation_municipality: Option<Place>,
    objective: Option<Localized>,
    target_audience: Option<Localized>,
    duration: Option<String>,
    description: Option<Localized>,
    impact: Option<Localized>,
    places: Vec<Place>,
    partners: Vec<String>,
    staff: Option<Localized>,
    volunteers: Option<Localized>,
    results: Option<Results>,
    goals: Vec<Goal>,
    links: Vec<LinkView>,
    content_notice: Option<String>,
}

impl PracticeBody {
    pub fn title(&self) -> &str {
        &self.title.text
    }
}

pub(crate) fn duration_text(
    content: &PracticeContent,
    renderer: &Renderer,
    lang: Lang,
) -> Option<String> {
    let date = |d: chrono::NaiveDate| council_shared::locale::format_date(lang, d);
    let d = &content.duration;
    let from = d.from.map(date);
    let to = d.to.map(date);
    let args: Vec<(&str, &str)> = vec![
        ("from", from.as_deref().unwrap_or("")),
        ("to", to.as_deref().unwrap_or("")),
    ];
    let key = match (&from, &to, d.ongoing) {
        (Some(_), _, true) => "practice-duration-ongoing-from",
        (None, _, true) => "practice-duration-ongoing",
        (Some(_), Some(_), false) => "practice-duration-from-to",
        (Some(_), None, false) => "practice-duration-from",
        (None, Some(_), false) => "practice-duration-to",
        (None, None, false) => return None,
    };
    Some(renderer.text_with(lang, key, &args))
}

/// The photos and documents of `content` that the reader may download (`files`).
fn attachments(
    content: &PracticeContent,
    files: &[PracticeFileView],
    picker: &Picker,
) -> (Vec<PhotoView>, Vec<Document>) {
    let photos = content
        .photos
        .iter()
        .filter_map(|photo| {
            let file = files.iter().find(|f| f.id == photo.file)?;
            Some(PhotoView {
                src: file.download.clone(),
                alt: picker.text(&photo.alt)?,
                caption: picker.text(&photo.caption),
            })
        })
        .collect();
    let documents = content
        .documents
        .iter()
        .filter_map(|document| {
            let file = files.iter().find(|f| f.id == document.file)?;
            let title = picker
                .text(&document.title)
                .map_or_else(|| file.file_name.clone(), |t| t.text);
            Some(Document::new(
                title,
                file.download.clone(),
                &file.content_type,
                file.size_bytes,
            ))
        })
        .collect();
    (photos, documents)
}

pub fn body(
    content: &PracticeContent,
    files: &[PracticeFileView],
    names: &Names,
    renderer: &Renderer,
    lang: Lang,
) -> PracticeBody {
    let picker = Picker::new(lang);
    let (photos, documents) = attachments(content, files, &picker);
    let place = |slug: &String| match names.municipality(slug, lang) {
        Some(name) => Place {
            name,
            href: Some(format!("/municipalities/{slug}/practices")),
        },
        None => Place {
            name: slug.clone(),
            href: None,
        },
    };
    let mut places: Vec<Place> = content.locations.iter().map(place).collect();
    places.extend(content.other_locations.iter().map(|name| Place {
        name: name.clone(),
        href: None,
    }));
    let title = picker.text(&content.title).unwrap_or(Localized {
        text: String::new(),
        lang: lang.code(),
        fallback: false,
    });
    let mut view = PracticeBody {
        photos,
        documents,
        summary: picker.text(&content.summary),
        sector: content
            .sector
            .map(|s| label(renderer, lang, "sector", s.as_str())),
        themes: content
            .thematic_areas
            .iter()
            .map(|code| names.theme(code, lang))
            .collect(),
        audiences: content
            .audiences
            .iter()
            .map(|a| label(renderer, lang, "audience", a.as_str()))
            .collect(),
        organisation: content.organisation.name.clone(),
        organisation_description: picker.text(&content.organisation.description),
        organisation_website: content.organisation.website.clone(),
        organisation_municipality: content.organisation.tenant.as_ref().map(place),
        objective: picker.rich(&content.objective),
        target_audience: picker.rich(&content.target_audience),
        duration: duration_text(content, renderer, lang),
        description: picker.rich(&content.description),
        impact: picker.rich(&content.impact),
        places,
        partners: content.partners.clone(),
        staff: picker.rich(&content.staff_participation),
        volunteers: picker.rich(&content.volunteer_participation),
        results: results(&content.results, &picker),
        goals: content
            .sdgs
            .iter()
            .map(|n| Goal {
                number: *n,
                name: renderer.text(lang, &format!("sdg-{n}")),
            })
            .collect(),
        links: content
            .links
            .iter()
            .map(|l| LinkView {
                label: l.label.clone(),
                url: l.url.clone(),
            })
            .collect(),
        title,
        content_notice: None,
    };
    view.content_notice = picker.seen.notice(renderer);
    view
}

#[derive(Serialize)]
pub struct Adopter {
    name: String,
    href: String,
    note: Option<String>,
    when: When,
}

pub fn adopters(adoptions: &[AdoptionView], lang: Lang) -> Vec<Adopter> {
    adoptions
        .iter()
        .map(|a| Adopter {
            name: pick(&a.name, lang).text,
            href: format!("/municipalities/{}", a.tenant),
            note: a.note.clone(),
            when: when_in(lang, a.adopted_at),
        })
        .collect()
}

#[derive(Serialize)]
pub struct Opinion {
    name: Option<String>,
    paragraphs: Vec<String>,
    when: When,
}

/// A reader's message as paragraphs: the blank lines between them are where they part.
pub fn paragraphs(text: &str) -> Vec<String> {
    text.split("\n\n")
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

pub fn opinions(feedback: &[FeedbackView], lang: Lang) -> Vec<Opinion> {
    feedback
        .iter()
        .map(|f| Opinion {
            name: f.name.clone(),
            paragraphs: paragraphs(&f.body),
            when: when_in(lang, f.created_at),
        })
        .collect()
}

/// One filter value with its count, as a link that adds or removes it.
#[derive(Serialize)]
pub struct FacetLink {
    label: String,
    count: i64,
    href: String,
    selected: bool,
}

#[derive(Serialize)]
pub struct FacetGroup {
    name: String,
    id: String,
    links: Vec<FacetLink>,
}

/// The filters as asked, in the page's links.
pub struct Asked<'a> {
    pub path: &'a str,
    /// `(name, value)` of every query parameter but the page.
    pub params: Vec<(String, String)>,
}

impl Asked<'_> {
    /// This page's address with `name` set to `value` (or removed, when it is already
    /// that value), back on page 1.
    pub fn toggled(&self, name: &str, value: &str) -> String {
        let selected = self.params.iter().any(|(n, v)| n == name && v == value);
        let mut params: Vec<(String, String)> = self
            .params
            .iter()
            .filter(|(n, _)| n != name)
            .cloned()
            .collect();
        if !selected {
            params.push((name.to_string(), value.to_string()));
        }
        self.href(&params)
    }

    pub fn with_page(&self, page: u64) -> String {
        let mut params = self.params.clone();
        if page > 1 {
            params.push(("page".into(), page.to_string()));
        }
        self.href(&params)
    }

    pub fn query(&self) -> String {
        url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(&self.params)
            .finish()
    }

    fn href(&self, params: &[(String, String)]) -> String {
        let query = url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(params)
            .finish();
        if query.is_empty() {
            self.path.to_string()
        } else {
            format!("{}?{query}", self.path)
        }
    }
}

/// The counts per filter value, grouped by filter in `FACETS` order, largest first (years
/// newest first, goals in number order).
pub fn facet_groups(
    counts: &[FacetCount],
    asked: &Asked,
    names: &Names,
    renderer: &Renderer,
    lang: Lang,
    hidden: Option<&str>,
) -> Vec<FacetGroup> {
    let mut grouped: BTreeMap<&str, Vec<&FacetCount>> = BTreeMap::new();
    for count in counts {
        grouped.entry(count.facet.as_str()).or_default().push(count);
    }
    practices::service::search::FACETS
        .iter()
        .filter(|facet| Some(**facet) != hidden)
        .filter_map(|facet| {
            let mut values = grouped.remove(facet)?;
            match *facet {
                "year" => values.sort_by(|a, b| b.value.cmp(&a.value)),
                "sdg" => values.sort_by_key(|c| c.value.parse::<u32>().unwrap_or(99)),
                _ => values.sort_by(|a, b| b.count.cmp(&a.count).then(a.value.cmp(&b.value))),
            }
            let links = values
                .into_iter()
                .map(|c| FacetLink {
                    label: match *facet {
                        "sector" => label(renderer, lang, "sector", &c.value),
                        "audience" => label(renderer, lang, "audience", &c.value),
                        "theme" => names.theme(&c.value, lang),
                        "municipality" => names
                            .municipality(&c.value, lang)
                            .unwrap_or_else(|| c.value.clone()),
                        "sdg" => format!(
                            "{} {}",
                            c.value,
                            renderer.text(lang, &format!("sdg-{}", c.value))
                        ),
                        _ => c.value.clone(),
                    },
                    count: c.count,
                    href: asked.toggled(facet, &c.value),
                    selected: asked
                        .params
                        .iter()
                        .any(|(n, v)| n == facet && v == &c.value),
                })
                .collect();
            Some(FacetGroup {
                name: renderer.text(lang, &format!("practices-facet-{facet}")),
                id: format!("facet-{facet}"),
                links,
            })
        })
        .collect()
}

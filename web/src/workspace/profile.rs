//! The municipality's public profile, for its administrators: the introduction, key
//! figures, structures and programmes, achievements and goals. Rows are added, changed,
//! removed and reordered without JavaScript: every row has its place in the order and a
//! "remove" box, and one empty row waits at the end of each list; "Preview" applies all of
//! it and shows the public page as it would look, "Save" stores it through the same command
//! as the API's `PUT /tenants/{slug}/profile`. A profile changed by someone else meanwhile
//! is refused, not overwritten.

use std::{collections::BTreeMap, sync::Arc};

use council_shared::{ApiError, FieldError, validation::Invalid};
use poem::{
    Request, Response, handler,
    web::{Data, Form as PostedForm, Path},
};
use serde::Serialize;
use tenants::{
    api::{
        commands,
        models::{Figure, Highlight, KeyFigure, Profile, Programme, Text},
    },
    domain::LIST_MAX,
    error::TenantsError,
    public::TenantPublicView,
};

use super::{failed, received, show_form, signed_in};
use crate::{
    PageContext, WebState,
    forms::{self, Field, Form, Submitted},
    i18n::Lang,
};

/// One input of a row: its name under the row (the API's path), its words, its kind.
struct Part {
    name: &'static str,
    label: &'static str,
    kind: &'static str,
    width: Option<&'static str>,
    hint: Option<&'static str>,
}

const fn part(name: &'static str, label: &'static str, kind: &'static str) -> Part {
    Part {
        name,
        label,
        kind,
        width: None,
        hint: None,
    }
}

const KEY_FIGURE: &[Part] = &[
    part("label.el", "profile-label-el", "text"),
    part("label.en", "profile-label-en", "text"),
    Part {
        width: Some("short"),
        hint: Some("profile-value-hint"),
        ..part("value", "profile-value", "text")
    },
    Part {
        width: Some("medium"),
        hint: Some("profile-unit-hint"),
        ..part("unit.el", "profile-unit-el", "text")
    },
    Part {
        width: Some("medium"),
        ..part("unit.en", "profile-unit-en", "text")
    },
    Part {
        width: Some("short"),
        ..part("year", "profile-year", "number")
    },
    Part {
        hint: Some("profile-source-hint"),
        ..part("source", "profile-source", "text")
    },
];

const PROGRAMME: &[Part] = &[
    part("title.el", "profile-title-el", "text"),
    part("title.en", "profile-title-en", "text"),
    Part {
        hint: Some("profile-paragraphs-hint"),
        ..part("description.el", "profile-description-el", "textarea")
    },
    part("description.en", "profile-description-en", "textarea"),
    part("link", "profile-link", "url"),
];

const HIGHLIGHT: &[Part] = &[
    part("title.el", "profile-title-el", "text"),
    part("title.en", "profile-title-en", "text"),
    Part {
        hint: Some("profile-paragraphs-hint"),
        ..part("description.el", "profile-description-el", "textarea")
    },
    part("description.en", "profile-description-en", "textarea"),
    Part {
        width: Some("short"),
        hint: Some("profile-figure-hint"),
        ..part("figure.value", "profile-figure-value", "text")
    },
    part("figure.label.el", "profile-figure-label-el", "text"),
    part("figure.label.en", "profile-figure-label-en", "text"),
];

/// A list of the profile: the API's name for it and the inputs of each row.
struct Section {
    list: &'static str,
    parts: &'static [Part],
}

const SECTIONS: [Section; 4] = [
    Section {
        list: "key_figures",
        parts: KEY_FIGURE,
    },
    Section {
        list: "programmes",
        parts: PROGRAMME,
    },
    Section {
        list: "achievements",
        parts: HIGHLIGHT,
    },
    Section {
        list: "goals",
        parts: HIGHLIGHT,
    },
];

/// What a row holds, by part name; a row with nothing typed is no row.
type Row = BTreeMap<&'static str, String>;

/// The whole profile as the form holds it.
#[derive(Default)]
struct Draft {
    introduction: (String, String),
    lists: [Vec<Row>; 4],
}

fn row_of(parts: &'static [Part], values: impl Fn(&str) -> String) -> Row {
    parts.iter().map(|p| (p.name, values(p.name))).collect()
}

fn is_blank(row: &Row) -> bool {
    row.values().all(|v| v.trim().is_empty())
}

fn text_of(el: &str, en: Option<&str>) -> Text {
    Text {
        el: el.to_string(),
        en: en.map(str::to_string),
    }
}

fn en(text: &Text) -> String {
    text.en.clone().unwrap_or_default()
}

impl Draft {
    /// The profile as stored.
    fn stored(profile: &Profile) -> Self {
        let figures = profile.key_figures.iter().map(|f| {
            row_of(KEY_FIGURE, |name| match name {
                "label.el" => f.label.el.clone(),
                "label.en" => en(&f.label),
                "value" => f.value.clone(),
                "unit.el" => f.unit.as_ref().map(|u| u.el.clone()).unwrap_or_default(),
                "unit.en" => f.unit.as_ref().map(en).unwrap_or_default(),
                "year" => f.year.map(|y| y.to_string()).unwrap_or_default(),
                _ => f.source.clone().unwrap_or_default(),
            })
        });
        let programmes = profile.programmes.iter().map(|p| {
            row_of(PROGRAMME, |name| match name {
                "title.el" => p.title.el.clone(),
                "title.en" => en(&p.title),
                "description.el" => p.description.el.clone(),
                "description.en" => en(&p.description),
                _ => p.link.clone().unwrap_or_default(),
            })
        });
        let highlights = |items: &[Highlight]| -> Vec<Row> {
            items
                .iter()
                .map(|h| {
                    let figure = h.figure.as_ref();
                    row_of(HIGHLIGHT, |name| match name {
                        "title.el" => h.title.el.clone(),
                        "title.en" => en(&h.title),
                        "description.el" => h.description.el.clone(),
                        "description.en" => en(&h.description),
                        "figure.value" => figure.map(|f| f.value.clone()).unwrap_or_default(),
                        "figure.label.el" => figure.map(|f| f.label.el.clone()).unwrap_or_default(),
                        _ => figure.map(|f| en(&f.label)).unwrap_or_default(),
                    })
                })
                .collect()
        };
        let introduction = profile
            .introduction
            .as_ref()
            .map(|t| (t.el.clone(), en(t)))
            .unwrap_or_default();
        Self {
            introduction,
            lists: [
                figures.collect(),
                programmes.collect(),
                highlights(&profile.achievements),
                highlights(&profile.goals),
            ],
        }
    }

    /// What was sent: rows ticked for removal and rows left empty are dropped, the rest put
    /// in the order their places say (ties and unreadable places keep the page's order).
    fn submitted(submitted: &Submitted) -> Self {
        let mut lists: [Vec<Row>; 4] = Default::default();
        for (section, list) in SECTIONS.iter().zip(lists.iter_mut()) {
            let mut rows = Vec::new();
            // A few rows beyond the most a list may hold, so "too many" can be said.
            for index in 0..LIST_MAX + 5 {
                let at = format!("{}[{index}]", section.list);
                if !submitted.0.iter().any(|(k, _)| k.starts_with(&at)) {
                    continue;
                }
                if submitted.has(&format!("{at}.remove")) {
                    continue;
                }
                let row = row_of(section.parts, |name| {
                    submitted.value(&format!("{at}.{name}")).to_string()
                });
                if is_blank(&row) {
                    continue;
                }
                let place = submitted
                    .value(&format!("{at}.position"))
                    .trim()
                    .parse::<usize>()
                    .unwrap_or(index + 1);
                rows.push((place, rows.len(), row));
            }
            rows.sort_by_key(|(place, order, _)| (*place, *order));
            *list = rows.into_iter().map(|(_, _, row)| row).collect();
        }
        Self {
            introduction: (
                submitted.value("introduction.el").to_string(),
                submitted.value("introduction.en").to_string(),
            ),
            lists,
        }
    }

    /// The API's input; a year that is not a number is an error of its own (and no year
    /// in the preview).
    fn profile(&self) -> (Profile, Vec<FieldError>) {
        let mut errors = Vec::new();
        let optional = |value: &str| Some(value.trim().to_string()).filter(|v| !v.is_empty());
        let text = |row: &Row, prefix: &str| {
            text_of(
                &row[format!("{prefix}.el").as_str()],
                optional(&row[format!("{prefix}.en").as_str()]).as_deref(),
            )
        };
        let [figures, programmes, achievements, goals] = &self.lists;
        let key_figures = figures
            .iter()
            .enumerate()
            .map(|(i, row)| {
                let typed = row["year"].trim();
                let year = if typed.is_empty() {
                    None
                } else {
                    typed
                        .parse::<i32>()
                        .map_err(|_| {
                            let invalid = Invalid::new("invalid_number", "must be a year");
                            errors.push(FieldError::new(format!("key_figures[{i}].year"), invalid))
                        })
                        .ok()
                };
                let unit = text(row, "unit");
                KeyFigure {
                    label: text(row, "label"),
                    value: row["value"].clone(),
                    year,
                    unit: (!unit.el.trim().is_empty() || unit.en.is_some()).then_some(unit),
                    source: optional(&row["source"]),
                }
            })
            .collect();
        let programmes = programmes
            .iter()
            .map(|row| Programme {
                title: text(row, "title"),
                description: text(row, "description"),
                link: optional(&row["link"]),
            })
            .collect();
        let highlights = |rows: &[Row]| -> Vec<Highlight> {
            rows.iter()
                .map(|row| {
                    // A label without its number is kept, so the check asks for the number.
                    let label = text(row, "figure.label");
                    let typed = !row["figure.value"].trim().is_empty()
                        || !label.el.trim().is_empty()
                        || label.en.is_some();
                    let figure = typed.then(|| Figure {
                        value: row["figure.value"].trim().to_string(),
                        label,
                    });
                    Highlight {
                        title: text(row, "title"),
                        description: text(row, "description"),
                        figure,
                    }
                })
                .collect()
        };
        let (intro_el, intro_en) = &self.introduction;
        let profile = Profile {
            introduction: Some(text_of(intro_el, optional(intro_en).as_deref()))
                .filter(|t| !t.el.trim().is_empty() || t.en.is_some()),
            key_figures,
            programmes,
            achievements: highlights(achievements),
            goals: highlights(goals),
        };
        (profile, errors)
    }
}

/// A row as the page shows it, inside its own fieldset.
#[derive(Serialize)]
struct RowView {
    legend: String,
    fields: Vec<Field>,
    controls: Vec<Field>,
}

#[derive(Serialize)]
struct SectionView {
    id: &'static str,
    heading: String,
    hint: String,
    rows: Vec<RowView>,
}

#[derive(Serialize)]
struct ProfilePage {
    lang: &'static str,
    heading: String,
    back_href: &'static str,
    public_href: String,
    done: Option<String>,
    /// The public page as it would look, rendered from what the form holds.
    preview: Option<String>,
    introduction: Vec<Field>,
    sections: Vec<SectionView>,
    form: Form,
}

fn profile_href(slug: &str) -> String {
    format!("/workspace/{slug}/profile")
}

/// The form for `draft`: its rows, and one empty row at the end of each list with room.
fn profile_form(state: &WebState, req: &Request, lang: Lang, slug: &str, draft: &Draft) -> Form {
    let t = |key: &str| state.renderer.text(lang, key);
    let mut form = Form::new(
        req,
        profile_href(slug),
        t("profile-save"),
        lang,
        &state.renderer,
    )
    .field(
        Field::new("introduction.el", "textarea", t("profile-introduction-el"))
            .hint(t("profile-paragraphs-hint"))
            .rows(6)
            .value(draft.introduction.0.clone()),
    )
    .field(
        Field::new("introduction.en", "textarea", t("profile-introduction-en"))
            .rows(6)
            .value(draft.introduction.1.clone()),
    );
    for (section, rows) in SECTIONS.iter().zip(&draft.lists) {
        let empty = Row::new();
        let extra = (rows.len() < LIST_MAX).then_some(&empty);
        for (index, row) in rows.iter().chain(extra).enumerate() {
            let at = format!("{}[{index}]", section.list);
            for p in section.parts {
                let mut field = Field::new(&format!("{at}.{}", p.name), p.kind, t(p.label))
                    .value(row.get(p.name).cloned().unwrap_or_default());
                if let Some(hint) = p.hint {
                    field = field.hint(t(hint));
                }
                if let Some(width) = p.width {
                    field = field.width(width);
                }
                form = form.field(field);
            }
            form = form.field(
                Field::new(&format!("{at}.position"), "number", t("profile-position"))
                    .hint(t("profile-position-hint"))
                    .width("short")
                    .value((index + 1).to_string()),
            );
            if index < rows.len() {
                form = form.field(Field::new(
                    &format!("{at}.remove"),
                    "checkbox",
                    t("profile-remove"),
                ));
            }
        }
    }
    form
}

/// The row a field belongs to, as its legend names it: "Key figure 2".
fn row_legend(state: &WebState, lang: Lang, list: &str, index: usize, new: bool) -> String {
    if new {
        state.renderer.text(lang, &format!("profile-new-{list}"))
    } else {
        let number = (index + 1).to_string();
        state
            .renderer
            .text_with(lang, &format!("profile-row-{list}"), &[("number", &number)])
    }
}

/// Errors on a row's field say which row in the summary, where the legend is not seen.
fn name_rows_in_summary(state: &WebState, lang: Lang, form: &mut Form, draft: &Draft) {
    for error in &mut form.errors {
        let Some(href) = &error.href else { continue };
        for (section, rows) in SECTIONS.iter().zip(&draft.lists) {
            let prefix = format!("#field-{}-", section.list);
            let Some(rest) = href.strip_prefix(&prefix) else {
                continue;
            };
            let index = rest.split('-').next().and_then(|i| i.parse::<usize>().ok());
            if let Some(index) = index {
                let legend = row_legend(state, lang, section.list, index, index >= rows.len());
                error.text = format!("{legend}: {}", error.text);
            }
        }
    }
}

/// The page: the form laid out by sections and rows, and the preview when asked for.
fn profile_page(
    state: &WebState,
    req: &Request,
    context: &PageContext,
    (slug, draft): (&str, &Draft),
    form: Form,
    preview: Option<String>,
) -> Response {
    let lang = context.lang;
    let t = |key: &str| state.renderer.text(lang, key);
    let take = |name: &str| form.fields.get(name).cloned();
    let mut sections = Vec::new();
    for (section, rows) in SECTIONS.iter().zip(&draft.lists) {
        let mut views = Vec::new();
        for index in 0..=rows.len() {
            let at = format!("{}[{index}]", section.list);
            let fields: Vec<Field> = section
                .parts
                .iter()
                .filter_map(|p| take(&format!("{at}.{}", p.name)))
                .collect();
            if fields.is_empty() {
                continue;
            }
            let controls = ["position", "remove"]
                .iter()
                .filter_map(|c| take(&format!("{at}.{c}")))
                .collect();
            views.push(RowView {
                legend: row_legend(state, lang, section.list, index, index == rows.len()),
                fields,
                controls,
            });
        }
        sections.push(SectionView {
            id: section.list,
            heading: t(&format!("profile-section-{}", section.list)),
            hint: t(&format!("profile-section-{}-hint", section.list)),
            rows: views,
        });
    }
    let heading = t("profile-heading");
    let view = ProfilePage {
        lang: lang.code(),
        heading: heading.clone(),
        back_href: "/workspace",
        public_href: format!("/municipalities/{slug}"),
        done: super::done_banner(state, req, lang),
        preview,
        introduction: ["introduction.el", "introduction.en"]
            .iter()
            .filter_map(|n| take(n))
            .collect(),
        sections,
        form: form.clone(),
    };
    show_form(
        state,
        req,
        context,
        ("workspace_profile", &heading),
        &view,
        &form,
    )
}

/// The municipality, if the caller administers it, with its public view.
async fn administered(
    state: &WebState,
    principal: &council_shared::auth::Principal,
    slug: &str,
) -> Result<(tenants::entities::tenant::Model, Arc<TenantPublicView>), ApiError> {
    let tenant = commands::check_administers(state.accounts.db(), principal, slug).await?;
    let view = state
        .reads
        .tenant(slug)
        .await?
        .ok_or_else(|| ApiError::from(TenantsError::TenantNotFound(slug.to_string())))?;
    Ok((tenant, view))
}

#[handler]
pub async fn edit_profile(
    req: &Request,
    Path(slug): Path<String>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, principal) = match signed_in(req) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let (tenant, view) = match administered(&state, &principal, &slug).await {
        Ok(found) => found,
        Err(error) => return failed(&state, &context, error),
    };
    let draft = Draft::stored(&view.detail.profile);
    let form = profile_form(&state, req, context.lang, &slug, &draft)
        .hidden("version", commands::profile_version(&tenant));
    profile_page(&state, req, &context, (&slug, &draft), form, None)
}

#[handler]
pub async fn save_profile(
    req: &Request,
    Path(slug): Path<String>,
    posted: PostedForm<Vec<(String, String)>>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, principal, submitted) = match received(&state, req, posted.0) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let (tenant, view) = match administered(&state, &principal, &slug).await {
        Ok(found) => found,
        Err(error) => return failed(&state, &context, error),
    };
    let lang = context.lang;
    let seen = submitted.value("version").to_string();
    let draft = Draft::submitted(&submitted);
    let (profile, typing_errors) = draft.profile();
    let mut form = profile_form(&state, req, lang, &slug, &draft).hidden("version", seen.clone());

    if submitted.value("action") != "save" {
        // A preview: the public page from what the form holds, nothing stored.
        let mut detail = view.detail.clone();
        detail.profile = profile;
        let page = crate::views::tenant(&detail, &view.council, lang, &state.renderer);
        let preview = match state.renderer.render("tenant", &page) {
            Ok(html) => html,
            Err(error) => return failed(&state, &context, ApiError::Internal(error)),
        };
        return profile_page(&state, req, &context, (&slug, &draft), form, Some(preview));
    }

    let outcome = if typing_errors.is_empty() {
        commands::replace_profile(
            (state.accounts.db(), &state.reads),
            &principal,
            &slug,
            &profile,
            Some(&seen),
        )
        .await
    } else {
        let mut errors = typing_errors;
        if let Err(more) = tenants::domain::ProfileContent::parse(&profile) {
            errors.extend(more);
        }
        Err(TenantsError::Invalid(errors))
    };
    let error = match outcome {
        Ok(()) => return forms::redirect(&format!("{}?done=profile-saved", profile_href(&slug))),
        Err(error) => error,
    };
    let current = commands::profile_version(&tenant);
    if matches!(error, TenantsError::Conflict(_)) && current != seen {
        form.changed_meanwhile(&state.renderer, lang, current);
    } else if let Err(other) = form.show_refusal(&state.renderer, lang, error.into(), &[]) {
        return failed(&state, &context, other);
    }
    name_rows_in_summary(&state, lang, &mut form, &draft);
    profile_page(&state, req, &context, (&slug, &draft), form, None)
}

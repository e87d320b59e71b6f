//! The sections of a practice that are plain fields (what it is, the organisation, aims
//! and duration, description and impact, places and people, UN goals): each field is
//! described once by the API's name for it (`organisation.description.el`), so the form
//! reads the stored content, writes what was typed back into it, and the API's field
//! errors land beside the field they name. Saving goes through the same command as
//! `PUT /practices/{slug}`: a draft may be saved at any point.

use std::sync::Arc;

use council_shared::{ApiError, FieldError};
use poem::{
    Request, Response, handler,
    web::{Data, Form as PostedForm, Path},
};
use practices::{
    api::commands,
    domain::{Audience, PracticeContent, Sector},
};
use serde::Serialize;
use serde_json::Value;

use super::{
    failed,
    practice::{self, Section, Workbench},
    practice_files, practice_rows, received, show_form, signed_in,
};
use crate::{
    PageContext, WebState,
    forms::{self, Field, Form, Submitted},
    i18n::Lang,
};

/// What a field holds, and so how it is shown and read back.
#[derive(Clone, Copy)]
enum Kind {
    Text,
    Url,
    /// Several paragraphs.
    Long,
    /// One entry per line (partners, other places).
    Lines,
    /// A date typed as 10/12/2026.
    Date,
    /// One box: yes or no.
    Flag,
    Radios(Choices),
    Boxes(Choices),
}

/// Where the choices of a radios or checkboxes field come from.
#[derive(Clone, Copy)]
enum Choices {
    Sectors,
    Themes,
    Audiences,
    /// Every municipality on the platform.
    Municipalities,
    /// The municipalities the author may submit in the name of, and "none".
    OwnMunicipalities,
    Goals,
}

struct Spec {
    /// The API's path of the value, such as `title.el`.
    name: &'static str,
    kind: Kind,
    /// Its label's key: `practice-field-{name}` with dots as hyphens, unless given.
    hint: bool,
}

const fn spec(name: &'static str, kind: Kind) -> Spec {
    Spec {
        name,
        kind,
        hint: false,
    }
}

const fn hinted(name: &'static str, kind: Kind) -> Spec {
    Spec {
        name,
        kind,
        hint: true,
    }
}

const ABOUT: &[Spec] = &[
    hinted("title.el", Kind::Text),
    spec("title.en", Kind::Text),
    hinted("summary.el", Kind::Long),
    spec("summary.en", Kind::Long),
    spec("sector", Kind::Radios(Choices::Sectors)),
    hinted("thematic_areas", Kind::Boxes(Choices::Themes)),
    spec("audiences", Kind::Boxes(Choices::Audiences)),
];
const ORGANISATION: &[Spec] = &[
    spec("organisation.name", Kind::Text),
    spec("organisation.description.el", Kind::Long),
    spec("organisation.description.en", Kind::Long),
    hinted("organisation.website", Kind::Url),
    hinted(
        "organisation.tenant",
        Kind::Radios(Choices::OwnMunicipalities),
    ),
];
const AIMS: &[Spec] = &[
    spec("objective.el", Kind::Long),
    spec("objective.en", Kind::Long),
    hinted("target_audience.el", Kind::Long),
    spec("target_audience.en", Kind::Long),
    hinted("duration.from", Kind::Date),
    hinted("duration.to", Kind::Date),
    spec("duration.ongoing", Kind::Flag),
];
const DESCRIPTION: &[Spec] = &[
    hinted("description.el", Kind::Long),
    spec("description.en", Kind::Long),
    hinted("impact.el", Kind::Long),
    spec("impact.en", Kind::Long),
];
const PLACES: &[Spec] = &[
    hinted("locations", Kind::Boxes(Choices::Municipalities)),
    hinted("other_locations", Kind::Lines),
    hinted("partners", Kind::Lines),
    hinted("staff_participation.el", Kind::Long),
    spec("staff_participation.en", Kind::Long),
    spec("volunteer_participation.el", Kind::Long),
    spec("volunteer_participation.en", Kind::Long),
];
const GOALS: &[Spec] = &[hinted("sdgs", Kind::Boxes(Choices::Goals))];

/// The fields of a section of plain fields; `None` for the sections with pages of their
/// own (results, photos, documents, links).
fn specs(section: Section) -> Option<&'static [Spec]> {
    Some(match section {
        Section::About => ABOUT,
        Section::Organisation => ORGANISATION,
        Section::Aims => AIMS,
        Section::Description => DESCRIPTION,
        Section::Places => PLACES,
        Section::Goals => GOALS,
        _ => return None,
    })
}

/// The API's names of a section's fields, for telling which section an error is in.
pub(super) fn field_names(section: Section) -> &'static [&'static str] {
    match section {
        Section::About => &["title", "summary", "sector", "thematic_areas", "audiences"],
        Section::Organisation => &["organisation"],
        Section::Aims => &["objective", "target_audience", "duration"],
        Section::Description => &["description", "impact"],
        Section::Places => &[
            "locations",
            "other_locations",
            "partners",
            "staff_participation",
            "volunteer_participation",
        ],
        Section::Results => &["results"],
        Section::Photos => &["photos"],
        Section::Documents => &["documents"],
        Section::Goals => &["sdgs"],
        Section::Links => &["links"],
    }
}

/// The API reports a text missing in both languages on the text itself (`title`); the form
/// shows it beside the Greek field.
pub(super) const ERROR_NAMES: &[(&str, &str)] = &[
    ("title", "title.el"),
    ("summary", "summary.el"),
    ("description", "description.el"),
];

fn label_key(name: &str) -> String {
    format!("practice-field-{}", name.replace(['.', '_'], "-"))
}

/// The value at a dotted path of the content as JSON.
fn at<'a>(content: &'a Value, name: &str) -> &'a Value {
    name.split('.')
        .try_fold(content, |value, key| value.get(key))
        .unwrap_or(&Value::Null)
}

fn set(content: &mut Value, name: &str, value: Value) {
    let mut keys: Vec<&str> = name.split('.').collect();
    let last = keys.pop().unwrap_or_default();
    let mut place = content;
    for key in keys {
        if !place.get(key).is_some_and(Value::is_object) {
            place[key] = Value::Object(Default::default());
        }
        place = &mut place[key];
    }
    place[last] = value;
}

fn as_text(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        Value::Number(number) => number.to_string(),
        _ => String::new(),
    }
}

/// The stored value as the field shows it.
fn shown(kind: Kind, value: &Value) -> String {
    match kind {
        Kind::Lines => value
            .as_array()
            .map(|lines| lines.iter().map(as_text).collect::<Vec<_>>().join("\n"))
            .unwrap_or_default(),
        Kind::Date => value
            .as_str()
            .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            .map(|d| d.format("%d/%m/%Y").to_string())
            .unwrap_or_default(),
        Kind::Flag => {
            if value.as_bool() == Some(true) {
                "on".into()
            } else {
                String::new()
            }
        }
        _ => as_text(value),
    }
}

/// The named choices of a field, in the reader's language.
async fn choices(
    state: &WebState,
    lang: Lang,
    principal: &council_shared::auth::Principal,
    which: Choices,
) -> Result<Vec<(String, String)>, ApiError> {
    let t = |key: String| state.renderer.text(lang, &key);
    let pick = |b: &practices::domain::Bilingual| crate::practice_views::pick(b, lang).text;
    Ok(match which {
        Choices::Sectors => Sector::ALL
            .iter()
            .map(|s| (s.as_str().to_string(), t(format!("sector-{}", s.as_str()))))
            .collect(),
        Choices::Audiences => Audience::ALL
            .iter()
            .map(|a| {
                (
                    a.as_str().to_string(),
                    t(format!("audience-{}", a.as_str())),
                )
            })
            .collect(),
        Choices::Goals => (1..=17)
            .map(|n| (n.to_string(), format!("{n}. {}", t(format!("sdg-{n}")))))
            .collect(),
        Choices::Themes => practices::api::reads::themes(&state.practices)
            .await?
            .into_iter()
            .map(|theme| (theme.code, pick(&theme.name)))
            .collect(),
        Choices::Municipalities | Choices::OwnMunicipalities => {
            let (_, municipalities) = crate::practice_pages::names(state).await?;
            let ids = state.practices.municipalities().await?;
            let actor = practices::service::Actor::of(principal);
            let own = matches!(which, Choices::OwnMunicipalities);
            let mut listed: Vec<(String, String)> = municipalities
                .iter()
                .filter(|(slug, _)| {
                    !own || ids.iter().any(|(s, id)| s == slug && actor.speaks_for(*id))
                })
                .map(|(slug, name)| (slug.clone(), pick(name)))
                .collect();
            if own {
                listed.insert(0, (String::new(), t("practice-no-municipality".into())));
            }
            listed
        }
    })
}

/// The section's form, filled from `content`.
async fn section_form(
    state: &WebState,
    req: &Request,
    (lang, principal): (Lang, &council_shared::auth::Principal),
    (slug, section): (&str, Section),
    content: &Value,
) -> Result<Form, ApiError> {
    let t = |key: &str| state.renderer.text(lang, key);
    let mut form = Form::new(
        req,
        practice::section_href(slug, section),
        t("practice-save-continue"),
        lang,
        &state.renderer,
    );
    for spec in specs(section).unwrap_or_default() {
        let key = label_key(spec.name);
        let (kind, which) = match spec.kind {
            Kind::Text | Kind::Date => ("text", None),
            Kind::Url => ("url", None),
            Kind::Long | Kind::Lines => ("textarea", None),
            Kind::Flag => ("checkbox", None),
            Kind::Radios(which) => ("radios", Some(which)),
            Kind::Boxes(which) => ("checkboxes", Some(which)),
        };
        let mut built = Field::new(spec.name, kind, t(&key));
        if let Some(which) = which {
            let listed = choices(state, lang, principal, which).await?;
            if matches!(which, Choices::OwnMunicipalities) && listed.len() <= 1 {
                // Nobody to submit in the name of: the field would offer only "none".
                continue;
            }
            built = built.choices(listed);
        }
        if spec.hint {
            built = built.hint(t(&format!("{key}-hint")));
        }
        let value = at(content, spec.name);
        built = match spec.kind {
            Kind::Boxes(_) => {
                let ticked: Vec<String> = value
                    .as_array()
                    .map(|v| v.iter().map(as_text).collect())
                    .unwrap_or_default();
                let ticked: Vec<&str> = ticked.iter().map(String::as_str).collect();
                built.ticked(&ticked)
            }
            Kind::Long | Kind::Lines => built.rows(6).value(shown(spec.kind, value)),
            Kind::Date => built.width("medium").value(shown(spec.kind, value)),
            _ => built.value(shown(spec.kind, value)),
        };
        form = form.field(built);
    }
    Ok(form)
}

/// What was typed, written into `content`; dates that cannot be read are errors of their
/// own (and left as they were).
fn apply(section: Section, submitted: &Submitted, content: &mut Value) -> Vec<FieldError> {
    let mut errors = Vec::new();
    for spec in specs(section).unwrap_or_default() {
        // A field the page did not offer (no municipality to choose) keeps its value.
        let offered = submitted.has(spec.name) || !matches!(spec.kind, Kind::Radios(_));
        if !offered {
            continue;
        }
        let typed = submitted.value(spec.name).trim();
        let value = match spec.kind {
            Kind::Text | Kind::Url | Kind::Long | Kind::Radios(_) => {
                if typed.is_empty() {
                    Value::Null
                } else {
                    Value::String(submitted.value(spec.name).to_string())
                }
            }
            Kind::Lines => Value::Array(
                typed
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(|l| Value::String(l.to_string()))
                    .collect(),
            ),
            Kind::Flag => Value::Bool(submitted.has(spec.name)),
            Kind::Date if typed.is_empty() => Value::Null,
            Kind::Date => match forms::parse_date(typed) {
                Ok(date) => Value::String(date.format("%Y-%m-%d").to_string()),
                Err(invalid) => {
                    errors.push(FieldError::new(spec.name, invalid));
                    continue;
                }
            },
            Kind::Boxes(which) => Value::Array(
                submitted
                    .values(spec.name)
                    .into_iter()
                    .map(|v| match (which, v.parse::<u8>()) {
                        (Choices::Goals, Ok(n)) => Value::from(n),
                        _ => Value::String(v.to_string()),
                    })
                    .collect(),
            ),
        };
        set(content, spec.name, value);
    }
    // An organisation's name is text, never null.
    if at(content, "organisation.name").is_null() {
        set(content, "organisation.name", Value::String(String::new()));
    }
    errors
}

#[derive(Serialize)]
struct SectionPage {
    lang: &'static str,
    heading: String,
    intro: String,
    back_href: String,
    title: String,
    /// Why the practice cannot be changed now (it is with the moderators).
    locked: Option<String>,
    form: Form,
}

fn section_page(
    state: &WebState,
    req: &Request,
    context: &PageContext,
    bench: &Workbench,
    section: Section,
    form: Form,
) -> Response {
    let lang = context.lang;
    let heading = state
        .renderer
        .text(lang, &format!("practice-section-{}", section.code()));
    let view = SectionPage {
        lang: lang.code(),
        intro: state
            .renderer
            .text(lang, &format!("practice-section-{}-intro", section.code())),
        back_href: practice::practice_href(&bench.row.slug),
        title: bench.title(lang),
        locked: bench.locked(state, lang),
        heading: heading.clone(),
        form: form.clone(),
    };
    show_form(
        state,
        req,
        context,
        ("workspace_practice_section", &heading),
        &view,
        &form,
    )
}

#[handler]
pub async fn edit_section(
    req: &Request,
    Path((slug, code)): Path<(String, String)>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, principal) = match signed_in(req) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let Some(section) = Section::of(&code) else {
        return failed(&state, &context, ApiError::NotFound(code));
    };
    match section {
        Section::Results => return practice_rows::edit_results(req, &state, &slug).await,
        Section::Links => return practice_rows::edit_links(req, &state, &slug).await,
        Section::Photos | Section::Documents => {
            return practice_files::edit_files(req, &state, (&slug, &code)).await;
        }
        _ => {}
    }
    let made = async {
        let bench = Workbench::open(&state, &principal, &slug).await?;
        let content = serde_json::to_value(&bench.content).map_err(anyhow::Error::from)?;
        let form = section_form(
            &state,
            req,
            (context.lang, &principal),
            (&slug, section),
            &content,
        )
        .await?
        .hidden("version", bench.version.clone());
        Ok::<_, ApiError>((bench, form))
    };
    match made.await {
        Ok((bench, form)) => section_page(&state, req, &context, &bench, section, form),
        Err(error) => failed(&state, &context, error),
    }
}

#[handler]
pub async fn save_section(
    req: &Request,
    Path((slug, code)): Path<(String, String)>,
    posted: PostedForm<Vec<(String, String)>>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, principal, submitted) = match received(&state, req, posted.0) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let Some(section) = Section::of(&code) else {
        return failed(&state, &context, ApiError::NotFound(code));
    };
    let sent = (context, principal, submitted);
    match section {
        Section::Results => return practice_rows::save_results((req, &state), &slug, sent).await,
        Section::Links => return practice_rows::save_links((req, &state), &slug, sent).await,
        Section::Photos | Section::Documents => {
            return practice_files::save_files((req, &state), (&slug, &code), sent).await;
        }
        _ => {}
    }
    let (context, principal, submitted) = sent;
    let lang = context.lang;
    let bench = match Workbench::open(&state, &principal, &slug).await {
        Ok(found) => found,
        Err(error) => return failed(&state, &context, error),
    };
    let mut content = match serde_json::to_value(&bench.content) {
        Ok(value) => value,
        Err(error) => return failed(&state, &context, ApiError::Internal(error.into())),
    };
    let typing = apply(section, &submitted, &mut content);
    let seen = submitted.value("version").to_string();
    let outcome = match serde_json::from_value::<PracticeContent>(content.clone()) {
        Ok(input) if typing.is_empty() => {
            commands::save_draft(&state.practices, &principal, &slug, &input, Some(&seen))
                .await
                .map(|_| ())
        }
        Ok(input) => {
            // Say everything at once: the dates, and whatever else the API would refuse.
            let mut errors = typing;
            if let Err(ApiError::Validation(more)) = state
                .practices
                .validated(
                    &input,
                    &practices::service::Actor::of(&principal),
                    Some(&bench.row),
                    practices::domain::Completeness::Draft,
                )
                .await
            {
                errors.extend(more);
            }
            Err(ApiError::Validation(errors))
        }
        Err(error) => Err(ApiError::Internal(error.into())),
    };
    let error = match outcome {
        Ok(()) => {
            return forms::redirect(&format!(
                "{}?done=practice-saved",
                practice::practice_href(&slug)
            ));
        }
        Err(error) => error,
    };
    let form = section_form(&state, req, (lang, &principal), (&slug, section), &content).await;
    let mut form = match form {
        Ok(form) => form.keep(&submitted).hidden("version", seen.clone()),
        Err(error) => return failed(&state, &context, error),
    };
    if let Err(other) = bench.show_refusal((&state, lang), &mut form, (error, &seen), ERROR_NAMES) {
        return failed(&state, &context, other);
    }
    section_page(&state, req, &context, &bench, section, form)
}

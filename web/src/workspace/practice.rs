//! A practice being written, for its author: a task list of its sections (each with its
//! own page, and whether it is complete), the state it is in with the moderators' latest
//! note and the history, a preview exactly as the public will see it, and submitting it
//! for review. A practice is saved as a draft at any point; submitting needs every
//! required field, and the page says which sections still lack one.

use std::sync::Arc;

use council_shared::{ApiError, FieldError, auth::Principal};
use poem::{
    Request, Response, handler,
    http::StatusCode,
    web::{Data, Form as PostedForm, Path},
};
use practices::{
    api::{commands, models::PracticeDetail},
    domain::{Action, Completeness, PracticeContent, PracticeState},
    entities::practice,
    service::Actor,
};
use serde::Serialize;
use serde_json::Value;

use super::{failed, practice_sections, received, show, show_form, signed_in};
use crate::{
    PageContext, WebState,
    forms::{self, Form},
    i18n::Lang,
    meeting_views::{When, when},
    practice_views::{self as views, Names},
};

/// The parts of a practice, each a task with its own page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    About,
    Organisation,
    Aims,
    Description,
    Places,
    Results,
    Photos,
    Documents,
    Goals,
    Links,
}

impl Section {
    pub const ALL: [Section; 10] = [
        Section::About,
        Section::Organisation,
        Section::Aims,
        Section::Description,
        Section::Places,
        Section::Results,
        Section::Photos,
        Section::Documents,
        Section::Goals,
        Section::Links,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Section::About => "about",
            Section::Organisation => "organisation",
            Section::Aims => "aims",
            Section::Description => "description",
            Section::Places => "places",
            Section::Results => "results",
            Section::Photos => "photos",
            Section::Documents => "documents",
            Section::Goals => "goals",
            Section::Links => "links",
        }
    }

    pub fn of(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Sections a submission cannot go without.
    fn required(self) -> bool {
        matches!(
            self,
            Section::About | Section::Organisation | Section::Description
        )
    }

    /// Whether an error on the API's field `name` belongs to this section.
    fn holds(self, name: &str) -> bool {
        practice_sections::field_names(self).iter().any(|prefix| {
            name.strip_prefix(prefix)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
        })
    }
}

pub fn practices_href() -> &'static str {
    "/workspace/practices"
}

pub fn practice_href(slug: &str) -> String {
    format!("/workspace/practices/{}", crate::encode(slug))
}

pub fn section_href(slug: &str, section: Section) -> String {
    format!("{}/{}", practice_href(slug), section.code())
}

/// A practice its author may work on: the row, the newest revision and its content.
pub struct Workbench {
    pub row: practice::Model,
    pub content: PracticeContent,
    /// What a form remembers, to refuse overwriting someone else's change.
    pub version: String,
    pub state: PracticeState,
}

impl Workbench {
    pub async fn open(
        state: &WebState,
        principal: &Principal,
        slug: &str,
    ) -> Result<Self, ApiError> {
        let row = commands::editable(&state.practices, principal, slug).await?;
        let (latest, content) = commands::working(&state.practices, &row).await?;
        Ok(Self {
            state: PracticeState::from_db(&row.state).map_err(ApiError::Internal)?,
            version: commands::version_of(&latest),
            row,
            content,
        })
    }

    pub fn title(&self, lang: Lang) -> String {
        views::pick(&self.content.title, lang).text
    }

    /// Why it cannot be changed now, when it cannot (it is with the moderators).
    pub fn locked(&self, state: &WebState, lang: Lang) -> Option<String> {
        let editable = self
            .state
            .allowed(self.row.published_revision.is_some())
            .contains(&Action::Edit);
        (!editable).then(|| {
            state.renderer.text_with(
                lang,
                "practice-locked",
                &[("state", &state_name(state, lang, self.state))],
            )
        })
    }

    /// Shows on `form` why saving what was opened at version `seen` was refused: a change
    /// someone else saved meanwhile (the form then carries the current version, so saving
    /// again is a choice made knowing it), or the API's errors beside their fields. Any
    /// other refusal is returned for the error page.
    pub fn show_refusal(
        &self,
        (state, lang): (&WebState, Lang),
        form: &mut Form,
        (error, seen): (ApiError, &str),
        names: &[(&str, &str)],
    ) -> Result<(), ApiError> {
        if matches!(error, ApiError::Conflict(_)) && self.version != seen {
            form.changed_meanwhile(&state.renderer, lang, self.version.clone());
            Ok(())
        } else {
            form.show_refusal(&state.renderer, lang, error, names)
        }
    }

    /// What a submission would lack now: the API's field errors (none when complete).
    pub async fn missing(
        &self,
        state: &WebState,
        principal: &Principal,
    ) -> Result<Vec<FieldError>, ApiError> {
        match state
            .practices
            .validated(
                &self.content,
                &Actor::of(principal),
                Some(&self.row),
                Completeness::Submission,
            )
            .await
        {
            Ok(_) => Ok(Vec::new()),
            Err(ApiError::Validation(errors)) => Ok(errors),
            Err(other) => Err(other),
        }
    }
}

fn state_name(state: &WebState, lang: Lang, practice_state: PracticeState) -> String {
    state
        .renderer
        .text(lang, &format!("practice-state-{}", practice_state.as_str()))
}

/// Whether anything of `value` was filled in.
fn filled(value: &Value) -> bool {
    match value {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::String(s) => !s.trim().is_empty(),
        Value::Array(items) => !items.is_empty(),
        Value::Object(map) => map.values().any(filled),
        Value::Number(_) => true,
    }
}

#[derive(Serialize)]
struct Task {
    href: String,
    name: String,
    /// `completed`, `incomplete` or `optional` (nothing in it, and it may stay so).
    status: &'static str,
    status_text: String,
}

fn tasks(state: &WebState, lang: Lang, bench: &Workbench, missing: &[FieldError]) -> Vec<Task> {
    let content = serde_json::to_value(&bench.content).unwrap_or_default();
    Section::ALL
        .into_iter()
        .map(|section| {
            let lacks = missing.iter().any(|e| section.holds(&e.field));
            let any = practice_sections::field_names(section)
                .iter()
                .any(|name| content.get(name).is_some_and(filled));
            let status = match (lacks, any) {
                (true, _) => "incomplete",
                (false, true) => "completed",
                (false, false) if section.required() => "incomplete",
                (false, false) => "optional",
            };
            Task {
                href: section_href(&bench.row.slug, section),
                name: state
                    .renderer
                    .text(lang, &format!("practice-section-{}", section.code())),
                status,
                status_text: state
                    .renderer
                    .text(lang, &format!("practice-task-{status}")),
            }
        })
        .collect()
}

#[derive(Serialize)]
struct Step {
    at: When,
    to: String,
    by: String,
    note: Option<String>,
}

#[derive(Serialize)]
struct Note {
    text: String,
    by: String,
    at: When,
    /// `changes_requested` or `rejected`.
    decision: String,
}

#[derive(Serialize)]
struct OverviewPage {
    lang: &'static str,
    title: String,
    slug: String,
    done: Option<String>,
    state: String,
    state_code: &'static str,
    explain: String,
    note: Option<Note>,
    public_href: Option<String>,
    tasks: Vec<Task>,
    complete: bool,
    preview_href: String,
    history: Vec<Step>,
    /// Refusals of a submission, linking to the sections.
    form: Form,
}

/// The moderators' latest note, while it still concerns the version being worked on.
fn latest_note(state: &WebState, lang: Lang, detail: &PracticeDetail) -> Option<Note> {
    let history = detail.history.as_deref().unwrap_or_default();
    let last_submission = history.iter().rposition(|t| t.to == "submitted");
    let (at, step) = history.iter().enumerate().rev().find(|(_, t)| {
        t.note.is_some() && matches!(t.to.as_str(), "changes_requested" | "rejected")
    })?;
    // A note answered by a new submission has been dealt with.
    if last_submission.is_some_and(|s| s > at) {
        return None;
    }
    Some(Note {
        text: step.note.clone().unwrap_or_default(),
        by: step.by.clone(),
        at: when(step.at),
        decision: state
            .renderer
            .text(lang, &format!("practice-state-{}", step.to)),
    })
}

async fn overview(
    state: &WebState,
    req: &Request,
    context: &PageContext,
    principal: &Principal,
    slug: &str,
    refusal: Option<ApiError>,
) -> Result<Response, ApiError> {
    let lang = context.lang;
    let bench = Workbench::open(state, principal, slug).await?;
    let detail = practices::api::reads::detail(&state.practices, slug, Some(principal)).await?;
    let missing = bench.missing(state, principal).await?;
    let mut form = Form::new(
        req,
        format!("{}/submit", practice_href(slug)),
        state.renderer.text(lang, "practice-submit"),
        lang,
        &state.renderer,
    );
    if let Some(error) = refusal {
        match error {
            ApiError::Validation(errors) => {
                for error in errors {
                    let section = Section::ALL.into_iter().find(|s| s.holds(&error.field));
                    let href = section.map_or_else(
                        || practice_href(slug),
                        |s| {
                            let name = practice_sections::ERROR_NAMES
                                .iter()
                                .find(|(api, _)| *api == error.field)
                                .map_or(error.field.as_str(), |(_, form)| *form);
                            format!(
                                "{}#field-{}",
                                section_href(slug, s),
                                name.replace(['.', '[', ']'], "-")
                            )
                        },
                    );
                    let label = state.renderer.text(
                        lang,
                        &format!("practice-field-{}", error.field.replace(['.', '_'], "-")),
                    );
                    let text = state
                        .renderer
                        .field_error(lang, &label, &error)
                        .unwrap_or_else(|| error.message.clone());
                    form.linked_problem(href, text);
                }
            }
            other => form.show_refusal(&state.renderer, lang, other, &[])?,
        }
    }
    let published = bench.row.published_revision.is_some();
    let view = OverviewPage {
        lang: lang.code(),
        title: bench.title(lang),
        slug: slug.to_string(),
        done: super::done_banner(state, req, lang),
        state: state_name(state, lang, bench.state),
        state_code: bench.state.as_str(),
        explain: state.renderer.text(
            lang,
            &format!(
                "practice-explain-{}{}",
                bench.state.as_str(),
                if published { "-update" } else { "" }
            ),
        ),
        note: latest_note(state, lang, &detail),
        public_href: published.then(|| format!("/practices/{}", crate::encode(slug))),
        tasks: tasks(state, lang, &bench, &missing),
        complete: missing.is_empty(),
        preview_href: format!("{}/preview", practice_href(slug)),
        history: detail
            .history
            .unwrap_or_default()
            .into_iter()
            .rev()
            .map(|t| Step {
                at: when(t.at),
                to: state
                    .renderer
                    .text(lang, &format!("practice-state-{}", t.to)),
                by: t.by,
                note: t.note,
            })
            .collect(),
        form: form.clone(),
    };
    let title = view.title.clone();
    Ok(show_form(
        state,
        req,
        context,
        ("workspace_practice", &title),
        &view,
        &form,
    ))
}

#[handler]
pub async fn practice_page(
    req: &Request,
    Path(slug): Path<String>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, principal) = match signed_in(req) {
        Ok(found) => found,
        Err(response) => return response,
    };
    match overview(&state, req, &context, &principal, &slug, None).await {
        Ok(response) => response,
        Err(error) => failed(&state, &context, error),
    }
}

#[derive(Serialize)]
struct PreviewPage {
    lang: &'static str,
    slug: String,
    back_href: String,
    body: views::PracticeBody,
    /// The submit button, when the practice may be submitted and is complete.
    form: Option<Form>,
    /// The sections that still lack something, when it is not complete.
    incomplete: Vec<Task>,
    locked: Option<String>,
}

/// What the public will see, from the version being worked on: nothing is saved.
#[handler]
pub async fn preview(
    req: &Request,
    Path(slug): Path<String>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, principal) = match signed_in(req) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let lang = context.lang;
    let made = async {
        let bench = Workbench::open(&state, &principal, &slug).await?;
        let detail =
            practices::api::reads::detail(&state.practices, &slug, Some(&principal)).await?;
        let (themes, municipalities) = crate::practice_pages::names(&state).await?;
        let names = Names {
            themes: &themes,
            municipalities: &municipalities,
        };
        let body = views::body(&bench.content, &detail.files, &names, &state.renderer, lang);
        let missing = bench.missing(&state, &principal).await?;
        let may_submit = bench
            .state
            .allowed(bench.row.published_revision.is_some())
            .contains(&Action::Submit);
        let form = (may_submit && missing.is_empty()).then(|| {
            Form::new(
                req,
                format!("{}/submit", practice_href(&slug)),
                state.renderer.text(lang, "practice-submit"),
                lang,
                &state.renderer,
            )
        });
        let incomplete = tasks(&state, lang, &bench, &missing)
            .into_iter()
            .filter(|t| t.status == "incomplete")
            .collect();
        Ok::<_, ApiError>(PreviewPage {
            lang: lang.code(),
            slug: slug.clone(),
            back_href: practice_href(&slug),
            locked: (!may_submit).then(|| bench.locked(&state, lang)).flatten(),
            body,
            form,
            incomplete,
        })
    };
    match made.await {
        Ok(view) => {
            let title = state.renderer.text(lang, "practice-preview-title");
            show(
                &state,
                req,
                &context,
                ("workspace_practice_preview", &title),
                &view,
                StatusCode::OK,
            )
        }
        Err(error) => failed(&state, &context, error),
    }
}

/// Sends it to the moderators (who are e-mailed); refused with every missing field named
/// and linked to its section.
#[handler]
pub async fn submit(
    req: &Request,
    Path(slug): Path<String>,
    posted: PostedForm<Vec<(String, String)>>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, principal, _) = match received(&state, req, posted.0) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let error = match commands::submit(&state.practices, &principal, &slug).await {
        Ok(_) => {
            return forms::redirect(&format!("{}?done=practice-submitted", practice_href(&slug)));
        }
        Err(error) => error,
    };
    match overview(&state, req, &context, &principal, &slug, Some(error)).await {
        Ok(response) => response,
        Err(error) => failed(&state, &context, error),
    }
}

//! The minutes in the workspace: the draft made from the record, edited with a preview and
//! saved as often as needed; the approval (by a later meeting or by the president, and
//! when); publication after a confirmation; once published, a correction as a new version
//! with its required note. Every version is listed.

use std::sync::Arc;

use chrono::{NaiveTime, Utc};
use council_shared::{
    ApiError, FieldError, athens, markdown::to_safe_html, pagination::PageRequest,
    validation::Invalid,
};
use meetings::{
    api::{
        commands,
        models::{ApprovalInput, MinutesInput},
        reads::{self, ListRequest},
    },
    domain::{Action, ApprovedBy, MeetingState},
    entities::meeting,
    service::{self, minutes},
};
use poem::{
    Request, Response, handler,
    web::{Data, Form as PostedForm, Path},
};
use serde::Serialize;

use super::{failed, meeting_href, received, show_form, signed_in};
use crate::{
    PageContext, WebState,
    forms::{self, Field, Form, Submitted},
    i18n::Lang,
    meeting_views::{When, when},
};

#[derive(Serialize)]
struct Version {
    number: i32,
    at: When,
    note: Option<String>,
    published: bool,
}

#[derive(Serialize)]
struct MinutesPage {
    lang: &'static str,
    heading: String,
    back_href: String,
    meeting_title: String,
    done: Option<String>,
    state: String,
    preview: Option<String>,
    /// Draft or correction.
    text_form: Option<Form>,
    correcting: bool,
    approve_form: Option<Form>,
    publish_href: Option<String>,
    approval: Option<String>,
    versions: Vec<Version>,
}

/// What the page is showing back: a form with errors, or a preview.
#[derive(Default)]
struct Returned {
    text: Option<Form>,
    approve: Option<Form>,
    preview: Option<String>,
}

fn text_form(
    state: &WebState,
    req: &Request,
    lang: Lang,
    base: &str,
    (correcting, body): (bool, String),
) -> Form {
    let t = |key: &str| state.renderer.text(lang, key);
    let form = Form::new(
        req,
        format!("{base}/minutes"),
        t(if correcting {
            "minutes-correct-submit"
        } else {
            "minutes-save"
        }),
        lang,
        &state.renderer,
    )
    .field(
        Field::new("body", "textarea", t("minutes-text"))
            .hint(t("minutes-text-hint"))
            .rows(20)
            .value(body),
    );
    if correcting {
        form.field(
            Field::new("change_note", "textarea", t("minutes-change-note"))
                .hint(t("minutes-change-note-hint"))
                .rows(2)
                .required(),
        )
    } else {
        form
    }
}

async fn approve_form(
    state: &WebState,
    req: &Request,
    lang: Lang,
    (slug, base): (&str, &str),
    meeting: &meeting::Model,
    principal: &council_shared::auth::Principal,
) -> Result<Form, ApiError> {
    let t = |key: &str| state.renderer.text(lang, key);
    let by = ApprovedBy::ALL
        .iter()
        .map(|b| {
            (
                b.as_str().to_string(),
                t(&format!("approved-by-{}", b.as_str())),
            )
        })
        .collect();
    // A later meeting of the same council approves the minutes.
    let request = ListRequest {
        year: None,
        state: None,
        upcoming: None,
        q: None,
        page: PageRequest::parse(Some(1), Some(100))?,
    };
    let (_, _, page) = reads::list(&state.meetings, slug, Some(principal), &request).await?;
    let mut later = vec![(String::new(), t("minutes-approving-none"))];
    later.extend(
        page.items
            .iter()
            .filter(|m| {
                m.starts_at > meeting.starts_at
                    && !matches!(m.state, MeetingState::Draft | MeetingState::Cancelled)
            })
            .map(|m| {
                let number = m
                    .number
                    .clone()
                    .map(|n| format!("{n}: "))
                    .unwrap_or_default();
                (
                    m.id.to_string(),
                    format!(
                        "{number}{} ({})",
                        m.title,
                        crate::meeting_views::local_text(m.starts_at)
                    ),
                )
            }),
    );
    Ok(Form::new(
        req,
        format!("{base}/minutes/approve"),
        t("minutes-approve-submit"),
        lang,
        &state.renderer,
    )
    .field(
        Field::new("by", "radios", t("minutes-approved-by"))
            .choices(by)
            .value("meeting"),
    )
    .field(
        Field::new(
            "approved_in_meeting_id",
            "select",
            t("minutes-approving-meeting"),
        )
        .hint(t("minutes-approving-meeting-hint"))
        .choices(later),
    )
    .field(
        Field::new("approved_on", "text", t("minutes-approved-on"))
            .hint(t("meeting-form-date-hint"))
            .width("medium")
            .value(athens::local(Utc::now()).format("%d/%m/%Y").to_string()),
    )
    .field(Field::new("note", "textarea", t("minutes-approval-note")).rows(2)))
}

#[allow(clippy::too_many_arguments)]
async fn render(
    state: &WebState,
    req: &Request,
    context: &PageContext,
    principal: &council_shared::auth::Principal,
    (slug, id): (&str, i64),
    mut returned: Returned,
) -> Response {
    let lang = context.lang;
    let made: Result<MinutesPage, ApiError> = async {
        let (_, _, meeting) = state.meetings.staff_meeting(slug, id, principal).await?;
        let meeting_state = service::state_of(&meeting)?;
        let base = meeting_href(slug, id);
        let db = &state.meetings.db;
        let versions = minutes::versions(db, meeting.id).await?;
        let current = versions.last().map(|v| v.body.clone());
        let correcting = meeting_state.allows(Action::Correct);
        let text_form = if meeting_state.allows(Action::DraftMinutes) || correcting {
            Some(match returned.text.take() {
                Some(form) => form,
                None => {
                    let body = match current {
                        Some(body) => body,
                        None => minutes::from_record(db, &meeting).await?,
                    };
                    text_form(state, req, lang, &base, (correcting, body)).hidden(
                        "version",
                        commands::minutes_version(&state.meetings, id).await?,
                    )
                }
            })
        } else {
            None
        };
        let approval_form = if meeting_state.allows(Action::ApproveMinutes) {
            Some(match returned.approve.take() {
                Some(form) => form,
                None => approve_form(state, req, lang, (slug, &base), &meeting, principal).await?,
            })
        } else {
            None
        };
        Ok(MinutesPage {
            lang: lang.code(),
            heading: state.renderer.text_with(
                lang,
                "minutes-heading",
                &[("title", &meeting.title)],
            ),
            back_href: base.clone(),
            meeting_title: meeting.title.clone(),
            done: super::done_banner(state, req, lang),
            state: state
                .renderer
                .text(lang, &format!("meeting-state-{}", meeting_state.as_str())),
            preview: returned.preview.take(),
            text_form,
            correcting,
            approve_form: approval_form,
            publish_href: meeting_state
                .allows(Action::Publish)
                .then(|| format!("{base}/minutes/publish")),
            approval: meeting.approved_at.map(|at| {
                let by = meeting.approved_by.clone().unwrap_or_default();
                state.renderer.text_with(
                    lang,
                    "minutes-approval-recorded",
                    &[
                        (
                            "by",
                            &state.renderer.text(lang, &format!("approved-by-{by}")),
                        ),
                        ("date", &crate::meeting_views::local_text(at)),
                    ],
                )
            }),
            versions: versions
                .iter()
                .map(|v| Version {
                    number: v.version,
                    at: when(v.created_at),
                    note: v.change_note.clone(),
                    published: v.published_at.is_some(),
                })
                .collect(),
        })
    }
    .await;
    match made {
        Ok(view) => {
            let title = view.heading.clone();
            let has_errors = view.text_form.as_ref().is_some_and(Form::has_errors)
                || view.approve_form.as_ref().is_some_and(Form::has_errors);
            super::show(
                state,
                req,
                context,
                ("workspace_minutes", &title),
                &view,
                if has_errors {
                    poem::http::StatusCode::UNPROCESSABLE_ENTITY
                } else {
                    poem::http::StatusCode::OK
                },
            )
        }
        Err(error) => failed(state, context, error),
    }
}

#[handler]
pub async fn minutes_page(
    req: &Request,
    Path((slug, id)): Path<(String, i64)>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, principal) = match signed_in(req) {
        Ok(found) => found,
        Err(response) => return response,
    };
    render(
        &state,
        req,
        &context,
        &principal,
        (&slug, id),
        Returned::default(),
    )
    .await
}

/// Saves the draft (or shows its preview, when that button was pressed), or saves a
/// correction of published minutes.
#[handler]
pub async fn save_minutes(
    req: &Request,
    Path((slug, id)): Path<(String, i64)>,
    posted: PostedForm<Vec<(String, String)>>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, principal, submitted) = match received(&state, req, posted.0) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let lang = context.lang;
    let correcting = match state.meetings.staff_meeting(&slug, id, &principal).await {
        Ok((_, _, meeting)) => service::state_of(&meeting).is_ok_and(|s| s.allows(Action::Correct)),
        Err(error) => return failed(&state, &context, error),
    };
    let base = meeting_href(&slug, id);
    let seen = submitted.value("version").to_string();
    let form = text_form(&state, req, lang, &base, (correcting, String::new()))
        .keep(&submitted)
        .hidden("version", seen.clone());
    if submitted.value("intent") == "preview" {
        let returned = Returned {
            preview: Some(to_safe_html(submitted.value("body"))),
            text: Some(form),
            ..Returned::default()
        };
        return render(&state, req, &context, &principal, (&slug, id), returned).await;
    }
    let input = MinutesInput {
        body: submitted.optional("body"),
        change_note: submitted.optional("change_note"),
    };
    let saved = commands::save_minutes(
        &state.meetings,
        &principal,
        (&slug, id),
        &input,
        Some(&seen),
    )
    .await;
    match saved {
        Ok(()) => forms::redirect(&format!("{base}/minutes?done=minutes-saved")),
        Err(error) => {
            let mut form = form;
            let current = match commands::minutes_version(&state.meetings, id).await {
                Ok(current) => current,
                Err(other) => return failed(&state, &context, other),
            };
            if matches!(error, ApiError::Conflict(_)) && current != seen {
                form.changed_meanwhile(&state.renderer, lang, current);
            } else if let Err(other) = form.show_refusal(&state.renderer, lang, error, &[]) {
                return failed(&state, &context, other);
            }
            let returned = Returned {
                text: Some(form),
                ..Returned::default()
            };
            render(&state, req, &context, &principal, (&slug, id), returned).await
        }
    }
}

/// The approval form as the API's input: the day (today means now), by whom, which meeting.
fn approval_input(submitted: &Submitted) -> Result<ApprovalInput, Vec<FieldError>> {
    let mut errors = Vec::new();
    let by = ApprovedBy::from_db(submitted.value("by")).map_err(|_| {
        errors.push(FieldError::new(
            "by",
            Invalid::new("choose_one", "choose one"),
        ))
    });
    let day = forms::parse_date(submitted.value("approved_on"))
        .map_err(|e| errors.push(FieldError::new("approved_on", e)))
        .ok();
    let today = athens::local(Utc::now()).date_naive();
    let approved_at = day.map(|day| {
        if day == today {
            athens::local(Utc::now())
        } else {
            let noon = NaiveTime::from_hms_opt(12, 0, 0).expect("noon");
            athens::local(athens::from_local(day.and_time(noon)).unwrap_or_else(Utc::now))
        }
    });
    let in_meeting = submitted
        .optional("approved_in_meeting_id")
        .and_then(|v| v.parse::<i64>().ok());
    match by {
        Ok(by) if errors.is_empty() => Ok(ApprovalInput {
            by,
            // The meeting chosen only counts when a meeting approved them.
            approved_in_meeting_id: in_meeting.filter(|_| by == ApprovedBy::Meeting),
            approved_at,
            note: submitted.optional("note"),
        }),
        _ => Err(errors),
    }
}

#[handler]
pub async fn approve(
    req: &Request,
    Path((slug, id)): Path<(String, i64)>,
    posted: PostedForm<Vec<(String, String)>>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, principal, submitted) = match received(&state, req, posted.0) {
        Ok(found) => found,
        Err(response) => return response,
    };
    // Who may first, as the command would: a stranger's form is not read at all.
    if let Err(error) = state.meetings.staff_meeting(&slug, id, &principal).await {
        return failed(&state, &context, error);
    }
    let lang = context.lang;
    let base = meeting_href(&slug, id);
    let outcome = match approval_input(&submitted) {
        Ok(input) => {
            commands::approve_minutes(&state.meetings, &principal, (&slug, id), &input).await
        }
        Err(errors) => Err(ApiError::Validation(errors)),
    };
    let error = match outcome {
        Ok(()) => return forms::redirect(&format!("{base}?done=approved")),
        Err(error) => error,
    };
    let meeting = match state.meetings.staff_meeting(&slug, id, &principal).await {
        Ok((_, _, meeting)) => meeting,
        Err(error) => return failed(&state, &context, error),
    };
    let form = match approve_form(&state, req, lang, (&slug, &base), &meeting, &principal).await {
        Ok(form) => form,
        Err(error) => return failed(&state, &context, error),
    };
    let mut form = form.keep(&submitted);
    let names = [("approved_at", "approved_on")];
    if let Err(other) = form.show_refusal(&state.renderer, lang, error, &names) {
        return failed(&state, &context, other);
    }
    let returned = Returned {
        approve: Some(form),
        ..Returned::default()
    };
    render(&state, req, &context, &principal, (&slug, id), returned).await
}

#[derive(Serialize)]
struct PublishPage {
    lang: &'static str,
    heading: String,
    back_href: String,
    meeting_title: String,
    decisions: usize,
    form: Form,
}

async fn publish_page(
    state: &WebState,
    req: &Request,
    context: &PageContext,
    (slug, meeting): (&str, &meeting::Model),
    form: Option<Form>,
) -> Response {
    let lang = context.lang;
    let base = meeting_href(slug, meeting.id);
    let decisions =
        match meetings::service::decisions::count_for_meeting(&state.meetings.db, meeting.id).await
        {
            Ok(count) => count as usize,
            Err(error) => return failed(state, context, error.into()),
        };
    let form = form.unwrap_or_else(|| {
        Form::new(
            req,
            format!("{base}/minutes/publish"),
            state.renderer.text(lang, "minutes-publish-submit"),
            lang,
            &state.renderer,
        )
    });
    let heading = state.renderer.text_with(
        lang,
        "minutes-publish-heading",
        &[("title", &meeting.title)],
    );
    let view = PublishPage {
        lang: lang.code(),
        heading: heading.clone(),
        back_href: base,
        meeting_title: meeting.title.clone(),
        decisions,
        form,
    };
    show_form(
        state,
        req,
        context,
        ("workspace_publish", &heading),
        &view,
        &view.form,
    )
}

#[handler]
pub async fn confirm_publish(
    req: &Request,
    Path((slug, id)): Path<(String, i64)>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, principal) = match signed_in(req) {
        Ok(found) => found,
        Err(response) => return response,
    };
    match state.meetings.staff_meeting(&slug, id, &principal).await {
        Ok((_, _, meeting)) => publish_page(&state, req, &context, (&slug, &meeting), None).await,
        Err(error) => failed(&state, &context, error),
    }
}

#[handler]
pub async fn publish(
    req: &Request,
    Path((slug, id)): Path<(String, i64)>,
    posted: PostedForm<Vec<(String, String)>>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, principal, _) = match received(&state, req, posted.0) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let error = match commands::publish(&state.meetings, &principal, (&slug, id)).await {
        Ok(_) => return forms::redirect(&format!("{}?done=published", meeting_href(&slug, id))),
        Err(error) => error,
    };
    let meeting = match state.meetings.staff_meeting(&slug, id, &principal).await {
        Ok((_, _, meeting)) => meeting,
        Err(error) => return failed(&state, &context, error),
    };
    let lang = context.lang;
    let mut form = Form::new(
        req,
        format!("{}/minutes/publish", meeting_href(&slug, id)),
        state.renderer.text(lang, "minutes-publish-submit"),
        lang,
        &state.renderer,
    );
    if let Err(other) = form.show_refusal(&state.renderer, lang, error, &[]) {
        return failed(&state, &context, other);
    }
    publish_page(&state, req, &context, (&slug, &meeting), Some(form)).await
}

//! What cannot be undone once the members are told: convene, postpone (new day and times,
//! reason), cancel (reason), and deleting a draft. Each has a page that says what will
//! happen, who will be told and who cannot be reached (a member without an e-mail
//! address), and a button that does it.

use std::sync::Arc;

use chrono::Utc;
use council_shared::{
    ApiError, FieldError, auth::Principal, council::CouncilRoster, tenant::TenantSlug,
};
use meetings::{
    api::{
        commands,
        models::{PostponeInput, ReasonInput},
    },
    entities::meeting,
    service::agenda,
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

/// Which of the four pages.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Step {
    Convene,
    Postpone,
    Cancel,
    Delete,
}

impl Step {
    fn of(path: &str) -> Self {
        match path.rsplit('/').next() {
            Some("postpone") => Self::Postpone,
            Some("cancel") => Self::Cancel,
            Some("delete") => Self::Delete,
            _ => Self::Convene,
        }
    }

    fn key(self) -> &'static str {
        match self {
            Self::Convene => "convene",
            Self::Postpone => "postpone",
            Self::Cancel => "cancel",
            Self::Delete => "delete",
        }
    }
}

#[derive(Serialize)]
struct ConfirmPage {
    lang: &'static str,
    heading: String,
    explain: String,
    back_href: String,
    meeting_title: String,
    starts: When,
    told: Vec<String>,
    unreachable: Vec<String>,
    tells_members: bool,
    /// Why it cannot be done now, instead of the button.
    blocked: Option<String>,
    warning: bool,
    form: Form,
}

/// The members in office on the meeting's day with and without an address.
async fn reach(
    state: &WebState,
    roster: &CouncilRoster,
    meeting: &meeting::Model,
) -> Result<(Vec<String>, Vec<String>), ApiError> {
    let slug = TenantSlug::parse(roster.tenant.slug.as_str())
        .map_err(|_| ApiError::NotFound("no such municipality".into()))?;
    let contacts = state
        .meetings
        .directory
        .contacts(&slug)
        .await
        .map_err(ApiError::Internal)?;
    let day = council_shared::athens::local(meeting.starts_at).date_naive();
    let (told, unreachable) = roster
        .in_office_on(day)
        .into_iter()
        .partition::<Vec<_>, _>(|m| contacts.iter().any(|c| c.member_id == m.id));
    let names = |members: Vec<&council_shared::council::RosterMember>| {
        members.iter().map(|m| m.full_name.clone()).collect()
    };
    Ok((names(told), names(unreachable)))
}

fn step_form(state: &WebState, req: &Request, lang: Lang, action: String, step: Step) -> Form {
    let t = |key: &str| state.renderer.text(lang, key);
    let form = Form::new(
        req,
        action,
        t(&format!("confirm-{}-submit", step.key())),
        lang,
        &state.renderer,
    );
    match step {
        Step::Convene | Step::Delete => form,
        Step::Cancel => form.field(
            Field::new("reason", "textarea", t("confirm-reason"))
                .hint(t("confirm-cancel-reason-hint"))
                .rows(3)
                .required(),
        ),
        Step::Postpone => super::meetings::when_fields(form, &t, "confirm-postpone-date").field(
            Field::new("reason", "textarea", t("confirm-reason"))
                .hint(t("confirm-postpone-reason-hint"))
                .rows(3)
                .required(),
        ),
    }
}

/// Why convening cannot happen now, said before the button rather than after it.
async fn convene_blocked(
    state: &WebState,
    lang: Lang,
    meeting: &meeting::Model,
) -> Result<Option<String>, ApiError> {
    if agenda::count_live(&state.meetings.db, meeting.id).await? == 0 {
        return Ok(Some(state.renderer.text(lang, "confirm-convene-no-items")));
    }
    if meeting.starts_at <= Utc::now() {
        return Ok(Some(state.renderer.text(lang, "confirm-convene-past")));
    }
    Ok(None)
}

#[allow(clippy::too_many_arguments)]
async fn page(
    state: &WebState,
    req: &Request,
    context: &PageContext,
    principal: &Principal,
    (slug, id): (&str, i64),
    step: Step,
    returned: Option<Form>,
) -> Response {
    let lang = context.lang;
    let made: Result<ConfirmPage, ApiError> = async {
        let (roster, _, meeting) = state.meetings.staff_meeting(slug, id, principal).await?;
        let (told, unreachable) = reach(state, &roster, &meeting).await?;
        let blocked = match step {
            Step::Convene => convene_blocked(state, lang, &meeting).await?,
            _ => None,
        };
        let base = meeting_href(slug, id);
        let form = returned
            .unwrap_or_else(|| step_form(state, req, lang, format!("{base}/{}", step.key()), step));
        let key = step.key();
        Ok(ConfirmPage {
            lang: lang.code(),
            heading: state.renderer.text_with(
                lang,
                &format!("confirm-{key}-heading"),
                &[("title", &meeting.title)],
            ),
            explain: state.renderer.text(lang, &format!("confirm-{key}-explain")),
            back_href: base,
            meeting_title: meeting.title.clone(),
            starts: when(meeting.starts_at),
            tells_members: step != Step::Delete,
            told,
            unreachable,
            blocked,
            warning: matches!(step, Step::Cancel | Step::Delete),
            form,
        })
    }
    .await;
    match made {
        Ok(view) => {
            let title = view.heading.clone();
            show_form(
                state,
                req,
                context,
                ("workspace_confirm", &title),
                &view,
                &view.form,
            )
        }
        Err(error) => failed(state, context, error),
    }
}

#[handler]
pub async fn confirm(
    req: &Request,
    Path((slug, id)): Path<(String, i64)>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, principal) = match signed_in(req) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let step = Step::of(req.uri().path());
    page(&state, req, &context, &principal, (&slug, id), step, None).await
}

fn postpone_input(submitted: &Submitted) -> Result<PostponeInput, Vec<FieldError>> {
    let mut errors = Vec::new();
    let times = super::meetings::read_times(submitted, &mut errors);
    match times {
        Some((starts_at, ends_at)) if errors.is_empty() => Ok(PostponeInput {
            starts_at: council_shared::athens::local(starts_at),
            ends_at: council_shared::athens::local(ends_at),
            reason: submitted.value("reason").to_string(),
        }),
        _ => {
            // The reason's error too, so the form is fixed in one go.
            if let Err(more) = meetings::domain::reason("reason", submitted.value("reason"), 2000) {
                errors.extend(more);
            }
            Err(errors)
        }
    }
}

#[handler]
pub async fn act(
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
    let step = Step::of(req.uri().path());
    let core = &state.meetings;
    let at = (slug.as_str(), id);
    let reason = ReasonInput {
        reason: submitted.value("reason").to_string(),
    };
    let outcome = match step {
        Step::Convene => commands::convene(core, &principal, at).await.map(|_| ()),
        Step::Cancel => commands::cancel(core, &principal, at, &reason)
            .await
            .map(|_| ()),
        Step::Delete => commands::delete_meeting(core, &principal, at).await,
        Step::Postpone => match postpone_input(&submitted) {
            Ok(input) => commands::postpone(core, &principal, at, &input)
                .await
                .map(|_| ()),
            Err(errors) => Err(ApiError::Validation(errors)),
        },
    };
    let error = match outcome {
        Ok(()) if step == Step::Delete => {
            return forms::redirect(&format!("/workspace/{slug}/meetings?done=deleted"));
        }
        Ok(()) => {
            let done = match step {
                Step::Convene => "convened",
                Step::Postpone => "postponed",
                _ => "cancelled",
            };
            return forms::redirect(&format!("{}?done={done}", meeting_href(&slug, id)));
        }
        Err(error) => error,
    };
    let lang = context.lang;
    let mut form = step_form(
        &state,
        req,
        lang,
        format!("{}/{}", meeting_href(&slug, id), step.key()),
        step,
    )
    .keep(&submitted);
    let names = [("starts_at", "date"), ("ends_at", "ends")];
    if let Err(other) = form.show_refusal(&state.renderer, lang, error, &names) {
        return failed(&state, &context, other);
    }
    page(
        &state,
        req,
        &context,
        &principal,
        (&slug, id),
        step,
        Some(form),
    )
    .await
}

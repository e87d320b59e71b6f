//! A practice's review page (`/workspace/moderation/practices/{slug}`): the version under
//! review as the public will read it, what it changes against the published version (field
//! by field, with the changed words marked), its history with every note, and the
//! decisions it allows now: start the review, publish (after a confirmation: it goes
//! public), request changes (a note is required) or reject (a reason is required). Each
//! decision carries the state the moderator saw: if someone else decided meanwhile, the
//! page says so and keeps what was typed. `lifecycle::act` decides, as for the API.

use std::sync::Arc;

use council_shared::{ApiError, auth::Principal};
use poem::{
    Request, Response, handler,
    http::StatusCode,
    web::{Data, Form as PostedForm, Path},
};
use practices::{
    api::models::PracticeDetail,
    domain::{Action, PracticeState},
    entities::practice,
    service::{self as practice_rows, Actor, lifecycle},
};
use serde::Serialize;

use super::{
    failed,
    moderation::{BASE, moderator, moderator_form, pick, review_href, state_name, waited},
    moderation_diff::{self as diff, Changed},
    platform::{FormPage, form_page},
    show_form,
};
use crate::{
    PageContext, WebState,
    forms::{self, Field, Form, Submitted},
    i18n::Lang,
    meeting_views::{When, when},
    practice_views as views,
};

/// The practice at `slug`, if `actor` moderates it (else 403, as the API's decisions).
async fn moderated(
    state: &WebState,
    actor: &Actor,
    slug: &str,
) -> Result<practice::Model, ApiError> {
    let found = practice_rows::find(&state.practices.db, slug).await?;
    if !actor.moderates(&found) {
        return Err(ApiError::Forbidden(
            "only a platform administrator, or an administrator of the municipality that submitted it, moderates a practice".into(),
        ));
    }
    Ok(found)
}

#[derive(Serialize)]
struct Step {
    when: When,
    from: Option<String>,
    to: String,
    by: String,
    note: Option<String>,
}

/// The three decisions a moderator writes or presses, each its own form.
pub(crate) struct Decisions {
    review: Form,
    changes: Form,
    reject: Form,
}

fn decisions(state: &WebState, req: &Request, lang: Lang, slug: &str, seen: &str) -> Decisions {
    let t = |key: &str| state.renderer.text(lang, key);
    let href = review_href(slug);
    let note_form = |action: &str, submit: &str, label: &str, hint: &str| {
        let mut note = Field::new("note", "textarea", t(label))
            .hint(t(hint))
            .rows(5)
            .required();
        // Two forms on the page have a note: each its own id.
        note.id = format!("field-{action}-note");
        Form::new(
            req,
            format!("{href}/{action}"),
            t(submit),
            lang,
            &state.renderer,
        )
        .field(note)
        .hidden("seen", seen)
    };
    Decisions {
        review: Form::new(
            req,
            format!("{href}/review"),
            t("moderation-start-review"),
            lang,
            &state.renderer,
        )
        .hidden("seen", seen),
        changes: note_form(
            "request-changes",
            "moderation-request-changes",
            "moderation-changes-note",
            "moderation-changes-note-hint",
        ),
        reject: note_form(
            "reject",
            "moderation-reject",
            "moderation-reject-note",
            "moderation-reject-note-hint",
        ),
    }
}

#[derive(Serialize)]
struct ReviewPage {
    lang: &'static str,
    heading: String,
    back_href: String,
    done: Option<String>,
    state: String,
    organisation: String,
    municipality: Option<String>,
    submitted_by: Option<String>,
    since: Option<When>,
    waited: Option<String>,
    update: bool,
    changes: Vec<Changed>,
    body: views::PracticeBody,
    history: Vec<Step>,
    can_review: bool,
    publish_href: Option<String>,
    can_decide: bool,
    review: Form,
    request_changes: Form,
    reject: Form,
}

async fn review_view(
    state: &WebState,
    req: &Request,
    context: &PageContext,
    (principal, found): (&Principal, &practice::Model),
    forms: Decisions,
) -> Result<(ReviewPage, Form), ApiError> {
    let lang = context.lang;
    let detail: PracticeDetail = state.practices.detail(found, Some(principal)).await?;
    let working = detail
        .working
        .as_ref()
        .ok_or_else(|| ApiError::NotFound(format!("no practice `{}`", found.slug)))?;
    let content = &working.content;
    let (themes, municipalities) = crate::practice_pages::names(state).await?;
    let names = views::Names {
        themes: &themes,
        municipalities: &municipalities,
    };
    let body = views::body(content, &detail.files, &names, &state.renderer, lang);
    let history = detail.history.clone().unwrap_or_default();
    let entered = history.last().map(|s| s.at);
    let submitted_by = history
        .iter()
        .rev()
        .find(|s| s.to == PracticeState::Submitted.as_str())
        .map(|s| s.by.clone());
    let update = detail.published.is_some() && found.published_revision != Some(working.revision);
    let changes = match (&detail.published, update) {
        (Some(published), true) => diff::changes(published, content, &state.renderer, lang),
        _ => Vec::new(),
    };
    let allowed = &detail.allowed_actions;
    let allows = |action: Action| allowed.iter().any(|a| a == action.name());
    let municipality = match &content.organisation.tenant {
        Some(slug) => super::moderation::municipality_name(state, lang, slug).await,
        None => None,
    };
    // The form whose errors decide the status.
    let shown = [&forms.changes, &forms.reject, &forms.review]
        .into_iter()
        .find(|f| f.has_errors())
        .unwrap_or(&forms.review)
        .clone();
    let view = ReviewPage {
        lang: lang.code(),
        heading: pick(&content.title, lang),
        back_href: BASE.to_string(),
        done: super::done_banner(state, req, lang),
        state: state_name(state, lang, working.state.as_str()),
        organisation: content.organisation.name.clone(),
        municipality,
        submitted_by,
        since: entered.map(when),
        waited: entered.map(|at| waited(state, lang, at)),
        update,
        changes,
        body,
        history: history
            .into_iter()
            .map(|s| Step {
                when: when(s.at),
                from: s.from.as_deref().map(|f| state_name(state, lang, f)),
                to: state_name(state, lang, &s.to),
                by: s.by,
                note: s.note,
            })
            .collect(),
        can_review: allows(Action::StartReview),
        publish_href: allows(Action::Publish)
            .then(|| format!("{}/publish", review_href(&found.slug))),
        can_decide: allows(Action::RequestChanges),
        review: forms.review,
        request_changes: forms.changes,
        reject: forms.reject,
    };
    Ok((view, shown))
}

async fn render_review(
    state: &WebState,
    req: &Request,
    context: &PageContext,
    (principal, found): (&Principal, &practice::Model),
    forms: Decisions,
) -> Response {
    match review_view(state, req, context, (principal, found), forms).await {
        Ok((view, shown)) => {
            let heading = view.heading.clone();
            show_form(
                state,
                req,
                context,
                ("workspace_moderation_review", &heading),
                &view,
                &shown,
            )
        }
        Err(error) => failed(state, context, error),
    }
}

#[handler]
pub async fn review_page(
    req: &Request,
    Path(slug): Path<String>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, principal, actor) = match moderator(&state, req) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let found = match moderated(&state, &actor, &slug).await {
        Ok(found) => found,
        Err(error) => return failed(&state, &context, error),
    };
    let forms = decisions(&state, req, context.lang, &slug, &found.state);
    render_review(&state, req, &context, (&principal, &found), forms).await
}

/// Which form a decision was sent from.
#[derive(Clone, Copy)]
enum Sent {
    Review,
    Changes,
    Reject,
}

/// Takes the decision `action` on the practice, unless someone else decided since the
/// moderator opened the page; then, or when it is refused, the review page again with what
/// was typed and why.
async fn decide(
    state: &WebState,
    req: &Request,
    (slug, posted): (&str, Vec<(String, String)>),
    (action, sent, done): (Action, Sent, &str),
) -> Response {
    let (context, principal, actor, submitted) = match moderator_form(state, req, posted) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let found = match moderated(state, &actor, slug).await {
        Ok(found) => found,
        Err(error) => return failed(state, &context, error),
    };
    let seen = submitted.value("seen").to_string();
    let note = submitted.optional("note");
    let lang = context.lang;
    let outcome = if seen != found.state {
        Err(None)
    } else {
        lifecycle::act(&state.practices.db, &actor, found.clone(), action, note)
            .await
            .map_err(Some)
    };
    let error = match outcome {
        Ok(_) => {
            state.practices.index.invalidate();
            let back = match action {
                Action::StartReview => review_href(slug),
                _ => BASE.to_string(),
            };
            return forms::redirect(&format!("{back}?done={done}"));
        }
        Err(error) => error,
    };
    // The page as it is now, the sent form with what was typed.
    let current = match moderated(state, &actor, slug).await {
        Ok(current) => current,
        Err(error) => return failed(state, &context, error),
    };
    let mut forms = decisions(state, req, lang, slug, &current.state);
    let form = match sent {
        Sent::Review => &mut forms.review,
        Sent::Changes => &mut forms.changes,
        Sent::Reject => &mut forms.reject,
    };
    *form = form.clone().keep(&keep_seen(&submitted, &current.state));
    match error {
        Some(practices::error::PracticesError::Invalid(errors)) => {
            form.show_errors(&state.renderer, lang, &errors, &[]);
        }
        // Someone else decided meanwhile (or the step no longer applies).
        None | Some(practices::error::PracticesError::InvalidTransition { .. }) => {
            form.problem(state.renderer.text_with(
                lang,
                "moderation-decided-meanwhile",
                &[("state", &state_name(state, lang, &current.state))],
            ));
        }
        Some(other) => return failed(state, &context, other.into()),
    }
    render_review(state, req, &context, (&principal, &current), forms).await
}

/// What was typed, with the state now seen (so pressing again is a choice made knowing it).
fn keep_seen(submitted: &Submitted, now: &str) -> Submitted {
    let mut kept: Vec<(String, String)> = submitted
        .0
        .iter()
        .filter(|(name, _)| name != "seen")
        .cloned()
        .collect();
    kept.push(("seen".into(), now.to_string()));
    Submitted(kept)
}

#[handler]
pub async fn start_review(
    req: &Request,
    Path(slug): Path<String>,
    posted: PostedForm<Vec<(String, String)>>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let how = (Action::StartReview, Sent::Review, "review-started");
    decide(&state, req, (&slug, posted.0), how).await
}

#[handler]
pub async fn request_changes(
    req: &Request,
    Path(slug): Path<String>,
    posted: PostedForm<Vec<(String, String)>>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let how = (Action::RequestChanges, Sent::Changes, "changes-requested");
    decide(&state, req, (&slug, posted.0), how).await
}

#[handler]
pub async fn reject(
    req: &Request,
    Path(slug): Path<String>,
    posted: PostedForm<Vec<(String, String)>>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let how = (Action::Reject, Sent::Reject, "practice-rejected");
    decide(&state, req, (&slug, posted.0), how).await
}

/// Publishing asks first: the version goes public, to every municipality.
#[handler]
pub async fn confirm_publish(
    req: &Request,
    Path(slug): Path<String>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, _, actor) = match moderator(&state, req) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let found = match moderated(&state, &actor, &slug).await {
        Ok(found) => found,
        Err(error) => return failed(&state, &context, error),
    };
    publish_page(&state, req, &context, &found, None)
}

fn publish_page(
    state: &WebState,
    req: &Request,
    context: &PageContext,
    found: &practice::Model,
    problem: Option<String>,
) -> Response {
    let lang = context.lang;
    let t = |key: &str| state.renderer.text(lang, key);
    let allowed = PracticeState::from_db(&found.state)
        .map(|s| {
            s.allowed(found.published_revision.is_some())
                .contains(&Action::Publish)
        })
        .unwrap_or(false);
    let mut form = Form::new(
        req,
        format!("{}/publish", review_href(&found.slug)),
        t("moderation-publish"),
        lang,
        &state.renderer,
    )
    .hidden("seen", found.state.clone());
    if let Some(problem) = problem {
        form.problem(problem);
    }
    let view = FormPage {
        lang: lang.code(),
        heading: t("moderation-publish-heading"),
        back_href: review_href(&found.slug),
        back_label: t("moderation-back-to-review"),
        intro: vec![t(if found.published_revision.is_some() {
            "moderation-publish-explain-update"
        } else {
            "moderation-publish-explain"
        })],
        warning: false,
        done: None,
        blocked: (!allowed).then(|| {
            state.renderer.text_with(
                lang,
                "moderation-decided-meanwhile",
                &[("state", &state_name(state, lang, &found.state))],
            )
        }),
        form,
    };
    form_page(state, req, context, view)
}

#[handler]
pub async fn publish(
    req: &Request,
    Path(slug): Path<String>,
    posted: PostedForm<Vec<(String, String)>>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, _, actor, submitted) = match moderator_form(&state, req, posted.0) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let found = match moderated(&state, &actor, &slug).await {
        Ok(found) => found,
        Err(error) => return failed(&state, &context, error),
    };
    if submitted.value("seen") == found.state {
        match lifecycle::act(
            &state.practices.db,
            &actor,
            found.clone(),
            Action::Publish,
            None,
        )
        .await
        {
            Ok(_) => {
                state.practices.index.invalidate();
                return forms::redirect(&format!("{BASE}?done=practice-published"));
            }
            Err(practices::error::PracticesError::InvalidTransition { .. }) => {}
            Err(error) => return failed(&state, &context, error.into()),
        }
    }
    let current = match moderated(&state, &actor, &slug).await {
        Ok(current) => current,
        Err(error) => return failed(&state, &context, error),
    };
    let lang = context.lang;
    let problem = state.renderer.text_with(
        lang,
        "moderation-decided-meanwhile",
        &[("state", &state_name(&state, lang, &current.state))],
    );
    let mut response = publish_page(&state, req, &context, &current, Some(problem));
    response.set_status(StatusCode::CONFLICT);
    response
}

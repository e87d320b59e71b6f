//! The moderators' side of good practices (`/workspace/moderation/...`): the queue of
//! practices waiting for a decision with how long each has waited, the review page
//! (`moderation_review`), the queue of readers' feedback (`moderation_feedback`) and the
//! "we adopted this" form of the public practice page (`moderation_adoption`). Moderators
//! are the platform's administrators and, for the practices a municipality submitted, its
//! administrators (`Actor::moderates`); every list and action goes through the practices
//! service's functions the API calls. `moderation` can never be a municipality's slug.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use council_shared::{ApiError, auth::Principal};
use poem::{Request, Response, handler, http::StatusCode, web::Data};
use practices::service::{Actor, moderation};
use serde::Serialize;

use super::{failed, received, show, signed_in};
use crate::{
    PageContext, WebState,
    forms::Submitted,
    i18n::Lang,
    meeting_views::{When, when},
};

/// Where the moderators' pages live.
pub(crate) const BASE: &str = "/workspace/moderation";

pub(crate) fn review_href(slug: &str) -> String {
    format!("{BASE}/practices/{}", crate::encode(slug))
}

/// Whether `principal` moderates any practice at all.
fn moderates_any(actor: &Actor) -> bool {
    actor.platform_admin || !actor.administers.is_empty()
}

fn forbidden() -> ApiError {
    ApiError::Forbidden(
        "only platform administrators and municipalities' administrators moderate practices".into(),
    )
}

/// The page's context and the moderator reading it, or the response for anyone else (to
/// sign in, or 403 for someone who moderates nothing).
#[allow(clippy::result_large_err)] // as `signed_in`
pub(crate) fn moderator(
    state: &WebState,
    request: &Request,
) -> Result<(PageContext, Arc<Principal>, Actor), Response> {
    let (context, principal) = signed_in(request)?;
    let actor = Actor::of(&principal);
    if !moderates_any(&actor) {
        return Err(failed(state, &context, forbidden()));
    }
    Ok((context, principal, actor))
}

/// A form a moderator sent from one of these pages, or the response for anyone else.
#[allow(clippy::result_large_err)] // as `signed_in`
pub(crate) fn moderator_form(
    state: &WebState,
    request: &Request,
    posted: Vec<(String, String)>,
) -> Result<(PageContext, Arc<Principal>, Actor, Submitted), Response> {
    let (context, principal, submitted) = received(state, request, posted)?;
    let actor = Actor::of(&principal);
    if !moderates_any(&actor) {
        return Err(failed(state, &context, forbidden()));
    }
    Ok((context, principal, actor, submitted))
}

/// How long since `since`, in the largest whole unit: «3 ημέρες», «5 hours».
pub(crate) fn waited(state: &WebState, lang: Lang, since: DateTime<Utc>) -> String {
    let elapsed = Utc::now() - since;
    let (key, count) = if elapsed.num_days() > 0 {
        ("moderation-waited-days", elapsed.num_days())
    } else if elapsed.num_hours() > 0 {
        ("moderation-waited-hours", elapsed.num_hours())
    } else {
        ("moderation-waited-minutes", elapsed.num_minutes().max(0))
    };
    state
        .renderer
        .text_count(lang, key, usize::try_from(count).unwrap_or_default())
}

pub(crate) fn state_name(state: &WebState, lang: Lang, practice_state: &str) -> String {
    state
        .renderer
        .text(lang, &format!("practice-state-{practice_state}"))
}

/// A text in the reader's language, else the other.
pub(crate) fn pick(text: &practices::domain::Bilingual, lang: Lang) -> String {
    let (first, second) = if lang == Lang::En {
        (&text.en, &text.el)
    } else {
        (&text.el, &text.en)
    };
    first.clone().or_else(|| second.clone()).unwrap_or_default()
}

#[derive(Serialize)]
struct QueueRow {
    href: String,
    title: String,
    organisation: String,
    municipality: Option<String>,
    state: String,
    update: bool,
    waited: String,
    since: When,
}

#[derive(Serialize)]
struct QueuePage {
    lang: &'static str,
    done: Option<String>,
    rows: Vec<QueueRow>,
    feedback_href: String,
    feedback_count: String,
}

/// The municipality's name for its slug, in the reader's language.
pub(crate) async fn municipality_name(state: &WebState, lang: Lang, slug: &str) -> Option<String> {
    let found = state.reads.tenant(slug).await.ok().flatten()?;
    Some(crate::views::localize(&found.detail.name, lang).text)
}

#[handler]
pub async fn queue_page(req: &Request, state: Data<&Arc<WebState>>) -> Response {
    let (context, _, actor) = match moderator(&state, req) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let lang = context.lang;
    let db = &state.practices.db;
    let (queued, feedback) = match tokio::try_join!(
        moderation::queue(db, &actor, &moderation::WAITING),
        moderation::pending_feedback(db, &actor)
    ) {
        Ok(found) => found,
        Err(error) => return failed(&state, &context, error.into()),
    };
    let mut rows = Vec::with_capacity(queued.len());
    for q in queued {
        let municipality = match &q.content.organisation.tenant {
            Some(slug) => municipality_name(&state, lang, slug).await,
            None => None,
        };
        rows.push(QueueRow {
            href: review_href(&q.practice.slug),
            title: pick(&q.content.title, lang),
            organisation: q.content.organisation.name.clone(),
            municipality,
            state: state_name(&state, lang, q.state.as_str()),
            update: q.update,
            waited: waited(&state, lang, q.since),
            since: when(q.since),
        });
    }
    let view = QueuePage {
        lang: lang.code(),
        done: super::done_banner(&state, req, lang),
        rows,
        feedback_href: format!("{BASE}/feedback"),
        feedback_count: state.renderer.text_count(
            lang,
            "moderation-feedback-count",
            feedback.len(),
        ),
    };
    let title = state.renderer.text(lang, "moderation-title");
    show(
        &state,
        req,
        &context,
        ("workspace_moderation", &title),
        &view,
        StatusCode::OK,
    )
}

/// The workspace home's link for a moderator, with how many practices wait.
pub(crate) async fn home_link(
    state: &WebState,
    principal: &Principal,
    lang: Lang,
) -> Option<(String, String)> {
    let actor = Actor::of(principal);
    if !moderates_any(&actor) {
        return None;
    }
    let waiting = moderation::queue(&state.practices.db, &actor, &moderation::WAITING)
        .await
        .map(|q| q.len())
        .unwrap_or_else(|error| {
            tracing::error!(error = ?error, "the moderation queue could not be counted");
            0
        });
    Some((
        BASE.to_string(),
        state
            .renderer
            .text_count(lang, "moderation-home-link", waiting),
    ))
}

/// The moderators' addresses, registered by `workspace::routes`.
pub(crate) fn moderation_routes(route: poem::Route, state: &Arc<WebState>) -> poem::Route {
    use council_shared::methods::{get, post};
    use poem::EndpointExt;

    use super::{
        moderation_adoption as adoption, moderation_feedback as feedback,
        moderation_review as review,
    };
    let p = "/moderation/practices/:slug";
    route
        .at("/moderation", get(queue_page).data(state.clone()))
        .at(p, get(review::review_page).data(state.clone()))
        .at(
            format!("{p}/review"),
            post(review::start_review).data(state.clone()),
        )
        .at(
            format!("{p}/publish"),
            get(review::confirm_publish)
                .post(review::publish)
                .data(state.clone()),
        )
        .at(
            format!("{p}/request-changes"),
            post(review::request_changes).data(state.clone()),
        )
        .at(
            format!("{p}/reject"),
            post(review::reject).data(state.clone()),
        )
        .at(
            "/moderation/feedback",
            get(feedback::feedback_page).data(state.clone()),
        )
        .at(
            format!("{p}/feedback/:id/approve"),
            post(feedback::approve).data(state.clone()),
        )
        .at(
            format!("{p}/feedback/:id/refuse"),
            post(feedback::refuse).data(state.clone()),
        )
        .at(
            "/moderation/adoptions/:slug",
            get(adoption::adoption_page)
                .post(adoption::adopt)
                .data(state.clone()),
        )
        .at(
            "/moderation/adoptions/:slug/:tenant/withdraw",
            get(adoption::confirm_withdraw)
                .post(adoption::withdraw)
                .data(state.clone()),
        )
}

//! Readers' feedback waiting on the published practices a moderator moderates
//! (`/workspace/moderation/feedback`): each message with its practice, the name its sender
//! gave and when it came (never the address); approved it shows on the practice's page,
//! refused it never does. `community::moderate_feedback` does it, as for the API.

use std::{collections::HashMap, sync::Arc};

use poem::{
    Request, Response, handler,
    http::StatusCode,
    web::{Data, Form as PostedForm, Path},
};
use practices::{
    error::PracticesError,
    service::{self as practice_rows, community, moderation, search},
};
use serde::Serialize;

use super::{
    failed,
    moderation::{BASE, moderator, moderator_form, pick},
    show,
};
use crate::{
    WebState,
    forms::{self, Form},
    meeting_views::{When, when},
};

fn feedback_href() -> String {
    format!("{BASE}/feedback")
}

#[derive(Serialize)]
struct Message {
    id: i64,
    practice: String,
    practice_href: String,
    name: Option<String>,
    paragraphs: Vec<String>,
    received: When,
    approve: Form,
    refuse: Form,
}

#[derive(Serialize)]
struct FeedbackPage {
    lang: &'static str,
    done: Option<String>,
    problem: Option<String>,
    back_href: &'static str,
    messages: Vec<Message>,
}

async fn page(req: &Request, state: &WebState, problem: Option<String>) -> Response {
    let (context, _, actor) = match moderator(state, req) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let lang = context.lang;
    let db = &state.practices.db;
    let pending = match moderation::pending_feedback(db, &actor).await {
        Ok(found) => found,
        Err(error) => return failed(state, &context, error.into()),
    };
    let mut practices: Vec<_> = pending.iter().map(|(_, p)| p.clone()).collect();
    practices.sort_by_key(|p| p.id);
    practices.dedup_by_key(|p| p.id);
    let titles: HashMap<i64, String> = match search::published_contents(db, practices).await {
        Ok(rows) => rows
            .into_iter()
            .map(|(row, content)| (row.id, pick(&content.title, lang)))
            .collect(),
        Err(error) => return failed(state, &context, error.into()),
    };
    let t = |key: &str| state.renderer.text(lang, key);
    let button = |slug: &str, id: i64, step: &str, key: &str| {
        Form::new(
            req,
            format!(
                "{}/feedback/{id}/{step}",
                super::moderation::review_href(slug)
            ),
            t(key),
            lang,
            &state.renderer,
        )
    };
    let view = FeedbackPage {
        lang: lang.code(),
        done: super::done_banner(state, req, lang),
        problem: problem.clone(),
        back_href: BASE,
        messages: pending
            .iter()
            .map(|(f, p)| Message {
                id: f.id,
                practice: titles.get(&p.id).cloned().unwrap_or_else(|| p.slug.clone()),
                practice_href: format!("/practices/{}", crate::encode(&p.slug)),
                name: f.name.clone(),
                paragraphs: crate::practice_views::paragraphs(&f.body),
                received: when(f.created_at),
                approve: button(&p.slug, f.id, "approve", "moderation-feedback-approve"),
                refuse: button(&p.slug, f.id, "refuse", "moderation-feedback-refuse"),
            })
            .collect(),
    };
    let title = t("moderation-feedback-title");
    let status = if problem.is_some() {
        StatusCode::CONFLICT
    } else {
        StatusCode::OK
    };
    show(
        state,
        req,
        &context,
        ("workspace_moderation_feedback", &title),
        &view,
        status,
    )
}

#[handler]
pub async fn feedback_page(req: &Request, state: Data<&Arc<WebState>>) -> Response {
    page(req, &state, None).await
}

async fn moderate(
    req: &Request,
    state: &WebState,
    (slug, id, posted): (&str, i64, Vec<(String, String)>),
    approving: bool,
) -> Response {
    let (context, _, actor, _) = match moderator_form(state, req, posted) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let db = &state.practices.db;
    let outcome = async {
        let found = practice_rows::find(db, slug).await?;
        if found.published_revision.is_none() {
            return Err(PracticesError::NotFound(slug.to_string()));
        }
        if !actor.moderates(&found) {
            return Err(PracticesError::Forbidden(
                "only the practice's moderators moderate its feedback".into(),
            ));
        }
        community::moderate_feedback(db, &actor, &found, id, approving).await
    }
    .await;
    let done = if approving {
        "feedback-approved"
    } else {
        "feedback-refused"
    };
    match outcome {
        Ok(_) => forms::redirect(&format!("{}?done={done}", feedback_href())),
        // Another moderator answered it first: the list as it is now, saying so.
        Err(PracticesError::Conflict(_)) => {
            let text = state
                .renderer
                .text(context.lang, "moderation-feedback-answered");
            page(req, state, Some(text)).await
        }
        Err(error) => failed(state, &context, error.into()),
    }
}

#[handler]
pub async fn approve(
    req: &Request,
    Path((slug, id)): Path<(String, i64)>,
    posted: PostedForm<Vec<(String, String)>>,
    state: Data<&Arc<WebState>>,
) -> Response {
    moderate(req, &state, (&slug, id, posted.0), true).await
}

#[handler]
pub async fn refuse(
    req: &Request,
    Path((slug, id)): Path<(String, i64)>,
    posted: PostedForm<Vec<(String, String)>>,
    state: Data<&Arc<WebState>>,
) -> Response {
    moderate(req, &state, (&slug, id, posted.0), false).await
}

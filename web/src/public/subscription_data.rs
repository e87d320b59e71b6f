//! "What we hold about you": a resident's right of access (GDPR article 15), from the link
//! in every message. The page shows what the API's `GET /api/v1/subscriptions/{token}/data`
//! gives as a file, read from the same function, so the two cannot disagree.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use notifications::api::models::SubscriptionData;
use poem::{
    Request, Response, handler,
    http::StatusCode,
    web::{Data, Path},
};
use serde::Serialize;

use super::{
    meeting_views::{When, when_in},
    subscription_pages::invalid_link,
};
use crate::{
    PageContext, WebState, error_page, html_response, i18n::Lang, layout, sign_in::no_store,
};

#[derive(Serialize)]
struct HeldPage {
    lang: &'static str,
    token: String,
    tenant: String,
    tenant_name: String,
    email: String,
    state: String,
    topics: Vec<String>,
    language: String,
    cadence: String,
    created: When,
    requested: Option<When>,
    requested_from: Option<String>,
    confirmed: Option<When>,
    confirmed_from: Option<String>,
    stopped: Option<When>,
    stopped_reason: Option<String>,
    messages: Vec<HeldRow>,
}

#[derive(Serialize)]
struct HeldRow {
    subject: String,
    created: When,
    sent: Option<When>,
}

#[handler]
pub async fn held_page(
    req: &Request,
    token: Path<String>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let context = PageContext::of(req);
    let lang = context.lang;
    let data = match state.notifications.held_about(&token).await {
        Ok(data) => data,
        Err(council_shared::ApiError::NotFound(_)) => return invalid_link(&state, req),
        Err(error) => {
            tracing::error!(error = ?error, "cannot read what is held about a subscription");
            return error_page(&state, &context, StatusCode::INTERNAL_SERVER_ERROR);
        }
    };
    let tenant_name = match state.reads.tenant(&data.subscription.tenant).await {
        Ok(Some(t)) => crate::views::localize(&t.detail.name, lang).text,
        _ => data.subscription.tenant.clone(),
    };
    let page = held_view(&state, lang, &token, tenant_name, data);
    let title = state.renderer.text(lang, "held-title");
    match state
        .renderer
        .render("subscription_data", &page)
        .and_then(|body| layout(&state, &context, &title, body))
    {
        // Personal data: never kept by a shared cache or the browser's history.
        Ok(html) => no_store(html_response(StatusCode::OK, lang, html)),
        Err(error) => {
            tracing::error!(error = ?error, "the held-data page failed to render");
            error_page(&state, &context, StatusCode::INTERNAL_SERVER_ERROR)
        }
    }
}

fn held_view(
    state: &WebState,
    lang: Lang,
    token: &str,
    tenant_name: String,
    data: SubscriptionData,
) -> HeldPage {
    let t = |key: &str| state.renderer.text(lang, key);
    let at = |time: Option<DateTime<Utc>>| time.map(|time| when_in(lang, time));
    let view = data.subscription;
    let topics: Vec<String> = view
        .topics
        .iter()
        .map(|topic| t(&format!("topic-{}", topic.as_str())))
        .collect();
    let language =
        Lang::from_code(&view.language).map_or(view.language.clone(), |l| l.endonym().to_string());
    HeldPage {
        lang: lang.code(),
        token: token.to_string(),
        tenant: view.tenant,
        tenant_name,
        email: view.email,
        state: t(&format!("held-state-{}", view.state)),
        topics,
        language,
        cadence: t(&format!("cadence-{}", view.cadence.as_str())),
        created: when_in(lang, data.created_at),
        requested: at(data.requested_at),
        requested_from: data.requested_from,
        confirmed: at(view.confirmed_at),
        confirmed_from: data.confirmed_from,
        stopped: at(data.stopped_at),
        stopped_reason: data.stopped_reason,
        messages: data
            .messages
            .into_iter()
            .map(|m| HeldRow {
                subject: m.subject,
                created: when_in(lang, m.created_at),
                sent: at(m.sent_at),
            })
            .collect(),
    }
}

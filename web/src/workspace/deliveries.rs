//! The municipality's notices as sent, for its administrators: subscribers by topic,
//! language and cadence; deliveries by state, newest first, each failed one with its reason
//! and a button to send it again; and the council members no message can reach. The same
//! functions as the API's `/tenants/{slug}/notifications` and `/deliveries` do the work.

use std::sync::Arc;

use council_shared::{ApiError, pagination::PageRequest};
use notifications::{api::models::Tally, domain::DeliveryState};
use poem::{
    Request, Response, handler,
    web::{Data, Form as PostedForm, Path},
};
use serde::Serialize;

use super::{failed, received, show, signed_in};
use crate::{
    WebState, forms,
    i18n::Lang,
    meeting_views::{When, when},
};

pub(crate) const PER_PAGE: u64 = 50;

fn deliveries_href(slug: &str) -> String {
    format!("/workspace/{slug}/deliveries")
}

/// How many chose a value, under the value's name.
#[derive(Serialize)]
pub(crate) struct Count {
    label: String,
    count: u64,
}

#[derive(Serialize)]
pub(crate) struct Row {
    /// Which municipality it was sent for (on the operators' page, which lists them all).
    pub municipality: Option<String>,
    kind: String,
    recipient: String,
    subject: String,
    state: String,
    attempts: i32,
    last_error: Option<String>,
    at: When,
    retry_action: Option<String>,
}

#[derive(Serialize)]
pub(crate) struct Filter {
    href: String,
    label: String,
    current: bool,
}

#[derive(Serialize)]
struct DeliveriesPage {
    lang: &'static str,
    done: Option<String>,
    csrf: String,
    subscribers: u64,
    pending: u64,
    by_topic: Vec<Count>,
    by_language: Vec<Count>,
    by_cadence: Vec<Count>,
    by_state: Vec<Count>,
    unreachable: Vec<String>,
    filters: Vec<Filter>,
    rows: Vec<Row>,
    total: u64,
    older_href: Option<String>,
    newer_href: Option<String>,
}

/// The API's tallies named in the reader's language (`{prefix}-{value}`), or by their
/// value when `prefix` is empty.
pub(crate) fn counts(state: &WebState, lang: Lang, prefix: &str, tallies: &[Tally]) -> Vec<Count> {
    tallies
        .iter()
        .map(|t| Count {
            label: if prefix.is_empty() {
                t.value.clone()
            } else {
                state.renderer.text(lang, &format!("{prefix}-{}", t.value))
            },
            count: t.count,
        })
        .collect()
}

pub(crate) fn query_value(req: &Request, name: &str) -> Option<String> {
    req.uri().query().and_then(|q| {
        url::form_urlencoded::parse(q.as_bytes())
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.to_string())
    })
}

/// Links to the page at `base` with each state, the `wanted` one marked current.
pub(crate) fn filters(
    state: &WebState,
    lang: Lang,
    base: &str,
    wanted: Option<DeliveryState>,
) -> Vec<Filter> {
    let t = |key: &str| state.renderer.text(lang, key);
    let mut filters = vec![Filter {
        href: base.to_string(),
        label: t("deliveries-all"),
        current: wanted.is_none(),
    }];
    filters.extend(DeliveryState::ALL.iter().map(|s| Filter {
        href: format!("{base}?state={}", s.as_str()),
        label: t(&format!("delivery-state-{}", s.as_str())),
        current: wanted == Some(*s),
    }));
    filters
}

/// A delivery as a row of the page at `base` (its retry is under it).
pub(crate) fn row(
    state: &WebState,
    lang: Lang,
    base: &str,
    d: &notifications::api::models::DeliveryView,
) -> Row {
    Row {
        municipality: None,
        kind: d.kind.clone(),
        recipient: d.recipient.clone(),
        subject: d.subject.clone(),
        state: state
            .renderer
            .text(lang, &format!("delivery-state-{}", d.state)),
        attempts: d.attempts,
        last_error: d.last_error.clone(),
        at: when(d.sent_at.unwrap_or(d.created_at)),
        // Not once its text and address are gone (`retention.sent_message_days`).
        retry_action: (d.state == "failed" && !d.recipient.is_empty())
            .then(|| format!("{base}/{}/retry", d.id)),
    }
}

/// Page `page` of the list at `base`, in state `wanted` if any.
pub(crate) fn page_href(base: &str, page: u64, wanted: Option<DeliveryState>) -> String {
    let mut href = format!("{base}?page={page}");
    if let Some(s) = wanted {
        href.push_str(&format!("&state={}", s.as_str()));
    }
    href
}

/// The state and page asked for in the address.
pub(crate) fn wanted_page(req: &Request) -> (Option<DeliveryState>, u64) {
    let wanted = query_value(req, "state").and_then(|s| DeliveryState::from_db(&s).ok());
    let page_number = query_value(req, "page")
        .and_then(|p| p.parse::<u64>().ok())
        .unwrap_or(1)
        .max(1);
    (wanted, page_number)
}

#[handler]
pub async fn deliveries_page(
    req: &Request,
    Path(slug): Path<String>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, principal) = match signed_in(req) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let lang = context.lang;
    let (wanted, page_number) = wanted_page(req);
    let made: Result<DeliveriesPage, ApiError> = async {
        let core = &state.notifications;
        let summary = core.overview(&principal, &slug).await?;
        let request = PageRequest::parse(Some(page_number), Some(PER_PAGE))?;
        let listed = core
            .delivery_page(&principal, &slug, wanted, request)
            .await?;
        let base = deliveries_href(&slug);
        let with = |page: u64| page_href(&base, page, wanted);
        let filters = filters(&state, lang, &base, wanted);
        Ok(DeliveriesPage {
            lang: lang.code(),
            done: super::done_banner(&state, req, lang),
            csrf: crate::sign_in::csrf_token(req).0,
            subscribers: summary.subscribers,
            pending: summary.pending_confirmation,
            by_topic: counts(&state, lang, "topic", &summary.by_topic),
            by_language: counts(&state, lang, "language-name", &summary.by_language),
            by_cadence: counts(&state, lang, "cadence", &summary.by_cadence),
            by_state: counts(&state, lang, "delivery-state", &summary.deliveries),
            unreachable: summary.members_without_address,
            filters,
            rows: listed
                .items
                .iter()
                .map(|d| row(&state, lang, &base, d))
                .collect(),
            total: listed.total,
            older_href: (page_number * PER_PAGE < listed.total).then(|| with(page_number + 1)),
            newer_href: (page_number > 1).then(|| with(page_number - 1)),
        })
    }
    .await;
    match made {
        Ok(view) => {
            let title = state.renderer.text(lang, "deliveries-title");
            show(
                &state,
                req,
                &context,
                ("workspace_deliveries", &title),
                &view,
                poem::http::StatusCode::OK,
            )
        }
        Err(error) => failed(&state, &context, error),
    }
}

#[handler]
pub async fn retry(
    req: &Request,
    Path((slug, id)): Path<(String, i64)>,
    posted: PostedForm<Vec<(String, String)>>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, principal, _) = match received(&state, req, posted.0) {
        Ok(found) => found,
        Err(response) => return response,
    };
    match state.notifications.retry(&principal, &slug, id).await {
        Ok(_) => forms::redirect(&format!("{}?done=retried", deliveries_href(&slug))),
        Err(error) => failed(&state, &context, error),
    }
}

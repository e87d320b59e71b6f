//! Every municipality's deliveries, for the platform's operators: like a municipality's
//! own page (`workspace::deliveries`) but across all of them, each message with the
//! municipality it was sent for, filtered by state, each failed one with its reason and a
//! button to send it again. The same functions as the API's `/platform/deliveries`.

use std::{collections::HashMap, sync::Arc};

use council_shared::{ApiError, pagination::PageRequest};
use poem::{
    Request, Response, handler,
    web::{Data, Form as PostedForm, Path},
};
use serde::Serialize;
use tenants::{api::models::StatusFilter, service::tenants as tenant_rows};

use super::{BASE, municipalities::name_of, operator, operator_form};
use crate::{
    WebState, forms,
    workspace::{
        deliveries::{Count, Filter, PER_PAGE, Row, counts, filters, page_href, row, wanted_page},
        failed, show,
    },
};

fn deliveries_href() -> String {
    format!("{BASE}/deliveries")
}

#[derive(Serialize)]
struct DeliveriesPage {
    lang: &'static str,
    done: Option<String>,
    csrf: String,
    by_state: Vec<Count>,
    filters: Vec<Filter>,
    rows: Vec<Row>,
    total: u64,
    older_href: Option<String>,
    newer_href: Option<String>,
}

#[handler]
pub async fn deliveries_page(req: &Request, state: Data<&Arc<WebState>>) -> Response {
    let (context, principal) = match operator(&state, req) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let lang = context.lang;
    let (wanted, page_number) = wanted_page(req);
    let made: Result<DeliveriesPage, ApiError> = async {
        let core = &state.notifications;
        let request = PageRequest::parse(Some(page_number), Some(PER_PAGE))?;
        let listed = core
            .platform_delivery_page(&principal, wanted, request)
            .await?;
        let tallies = core.platform_delivery_counts(&principal).await?;
        // Each message's municipality by its id; the platform's own have none.
        let everything = PageRequest {
            page: 1,
            per_page: 1000,
        };
        let (tenants, _) =
            tenant_rows::list(state.accounts.db(), StatusFilter::All, everything).await?;
        let names: HashMap<i64, String> =
            tenants.iter().map(|t| (t.id, name_of(t, lang))).collect();
        let platform = state.renderer.text(lang, "platform-own-messages");
        let base = deliveries_href();
        let with = |page: u64| page_href(&base, page, wanted);
        Ok(DeliveriesPage {
            lang: lang.code(),
            done: crate::workspace::done_banner(&state, req, lang),
            csrf: crate::sign_in::csrf_token(req).0,
            by_state: counts(&state, lang, "delivery-state", &tallies),
            filters: filters(&state, lang, &base, wanted),
            rows: listed
                .items
                .iter()
                .map(|d| {
                    let mut shown = row(&state, lang, &base, d);
                    shown.municipality = Some(
                        d.tenant_id
                            .and_then(|id| names.get(&id).cloned())
                            .unwrap_or_else(|| platform.clone()),
                    );
                    shown
                })
                .collect(),
            total: listed.total,
            older_href: (page_number * PER_PAGE < listed.total).then(|| with(page_number + 1)),
            newer_href: (page_number > 1).then(|| with(page_number - 1)),
        })
    }
    .await;
    match made {
        Ok(view) => {
            let title = state.renderer.text(lang, "platform-deliveries");
            show(
                &state,
                req,
                &context,
                ("workspace_platform_deliveries", &title),
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
    Path(id): Path<i64>,
    posted: PostedForm<Vec<(String, String)>>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, principal, _) = match operator_form(&state, req, posted.0) {
        Ok(found) => found,
        Err(response) => return response,
    };
    match state.notifications.platform_retry(&principal, id).await {
        Ok(_) => forms::redirect(&format!("{}?done=retried", deliveries_href())),
        Err(error) => failed(&state, &context, error),
    }
}

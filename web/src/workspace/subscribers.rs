//! A municipality's subscribers for its administrators: how many confirmed ones chose each
//! topic, language and cadence; a search by address (a GET form, so a search can be
//! bookmarked) with each one's state and choices; the confirmed ones as a CSV file that the
//! import reads back; and one erased at its owner's request, after a page that says what
//! erasure does. The API's functions (`Notifications::{overview, subscriber_page,
//! confirmed_subscribers, erase_subscriber}`) do the work, with its permission check.

use std::sync::Arc;

use council_shared::{ApiError, pagination::PageRequest};
use notifications::api::models::SubscriberView;
use poem::{
    Request, Response, handler,
    http::{StatusCode, header},
    web::{Data, Form as PostedForm, Path},
};
use serde::Serialize;

use super::{
    deliveries::{Count, counts},
    failed, query_of, received, show, show_form, signed_in, subscribers_csv,
};
use crate::{
    WebState,
    forms::{self, Field, Form, Submitted},
    i18n::Lang,
    meeting_views::{When, when},
};

const PER_PAGE: u64 = 50;

pub(crate) fn subscribers_href(slug: &str) -> String {
    format!("/workspace/{slug}/subscribers")
}

#[derive(Serialize)]
struct Found {
    email: String,
    state: String,
    topics: String,
    language: String,
    cadence: String,
    since: When,
    /// Why mail to a stopped subscriber stopped, with the remote server's words.
    stopped: Option<String>,
    erase_href: Option<String>,
}

#[derive(Serialize)]
struct SubscribersPage {
    lang: &'static str,
    done: Option<String>,
    subscribers: u64,
    pending: u64,
    by_topic: Vec<Count>,
    by_language: Vec<Count>,
    by_cadence: Vec<Count>,
    import_href: String,
    export_href: String,
    form: Form,
    searched: bool,
    found: Vec<Found>,
    total: u64,
    older_href: Option<String>,
    newer_href: Option<String>,
}

fn found(state: &WebState, lang: Lang, slug: &str, row: &SubscriberView) -> Found {
    let t = |key: &str| state.renderer.text(lang, key);
    Found {
        email: row.email.clone(),
        state: t(&format!("subscribers-state-{}", row.state)),
        topics: row
            .topics
            .iter()
            .map(|topic| t(&format!("topic-{}", topic.as_str())))
            .collect::<Vec<_>>()
            .join(", "),
        language: row.language.clone(),
        cadence: t(&format!("cadence-{}", row.cadence.as_str())),
        since: when(row.since),
        stopped: row.stopped_reason.as_ref().map(|reason| {
            let why = t(&format!("subscribers-stopped-{reason}"));
            match row.stopped_detail.as_deref().filter(|d| !d.is_empty()) {
                Some(detail) => format!("{why} ({detail})"),
                None => why,
            }
        }),
        erase_href: Some(format!("{}/{}/erase", subscribers_href(slug), row.id)),
    }
}

/// The sentence after an import says what it did; other changes have their banner.
fn done_text(state: &WebState, req: &Request, lang: Lang, asked: &Submitted) -> Option<String> {
    if asked.value("done") != "imported" {
        return super::done_banner(state, req, lang);
    }
    let number = |name: &str| asked.value(name).parse::<u64>().unwrap_or(0).to_string();
    Some(state.renderer.text_with(
        lang,
        "workspace-done-imported",
        &[
            ("invited", &number("invited")),
            ("known", &number("known")),
            ("erased", &number("erased")),
        ],
    ))
}

#[handler]
pub async fn subscribers_page(
    req: &Request,
    Path(slug): Path<String>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, principal) = match signed_in(req) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let lang = context.lang;
    let asked = query_of(req);
    let page_number = asked.value("page").parse::<u64>().unwrap_or(1).max(1);
    let search = asked.optional("q");
    let made: Result<SubscribersPage, ApiError> = async {
        let core = &state.notifications;
        let summary = core.overview(&principal, &slug).await?;
        let request = PageRequest::parse(Some(page_number), Some(PER_PAGE))?;
        let listed = core
            .subscriber_page(&principal, &slug, search.as_deref(), request)
            .await?;
        let base = subscribers_href(&slug);
        let with_page = |page: u64| {
            let mut pairs = vec![("page".to_string(), page.to_string())];
            if let Some(q) = &search {
                pairs.insert(0, ("q".into(), q.clone()));
            }
            let query: String = url::form_urlencoded::Serializer::new(String::new())
                .extend_pairs(pairs)
                .finish();
            format!("{base}?{query}")
        };
        let t = |key: &str| state.renderer.text(lang, key);
        let form = Form::new(
            req,
            base.clone(),
            t("subscribers-search"),
            lang,
            &state.renderer,
        )
        .field(
            Field::new("q", "text", t("subscribers-address"))
                .hint(t("subscribers-address-hint"))
                .autocomplete("off"),
        )
        .keep(&asked);
        let mut rows: Vec<Found> = listed
            .items
            .iter()
            .map(|row| found(&state, lang, &slug, row))
            .collect();
        if let (Some(at), Some(address)) = (listed.erased_at, &search) {
            rows.insert(
                0,
                Found {
                    email: address.trim().to_lowercase(),
                    state: t("subscribers-state-erased"),
                    topics: String::new(),
                    language: String::new(),
                    cadence: String::new(),
                    since: when(at),
                    stopped: None,
                    erase_href: None,
                },
            );
        }
        Ok(SubscribersPage {
            lang: lang.code(),
            done: done_text(&state, req, lang, &asked),
            subscribers: summary.subscribers,
            pending: summary.pending_confirmation,
            by_topic: counts(&state, lang, "topic", &summary.by_topic),
            by_language: counts(&state, lang, "language-name", &summary.by_language),
            by_cadence: counts(&state, lang, "cadence", &summary.by_cadence),
            import_href: format!("{base}/import"),
            export_href: format!("{base}/export"),
            form,
            searched: search.is_some(),
            total: listed.total + u64::from(listed.erased_at.is_some()),
            found: rows,
            older_href: (page_number * PER_PAGE < listed.total).then(|| with_page(page_number + 1)),
            newer_href: (page_number > 1).then(|| with_page(page_number - 1)),
        })
    }
    .await;
    match made {
        Ok(view) => {
            let title = state.renderer.text(lang, "subscribers-title");
            show(
                &state,
                req,
                &context,
                ("workspace_subscribers", &title),
                &view,
                StatusCode::OK,
            )
        }
        Err(error) => failed(&state, &context, error),
    }
}

/// The confirmed subscribers as a CSV file in the import's columns, for Excel (UTF-8 with
/// its byte-order mark, `;` between values).
#[handler]
pub async fn export(
    req: &Request,
    Path(slug): Path<String>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, principal) = match signed_in(req) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let rows = match state
        .notifications
        .confirmed_subscribers(&principal, &slug)
        .await
    {
        Ok(rows) => rows,
        Err(error) => return failed(&state, &context, error),
    };
    let file = subscribers_csv::write(rows.into_iter().map(|row| {
        [
            row.email,
            row.topics
                .iter()
                .map(|t| t.as_str())
                .collect::<Vec<_>>()
                .join(","),
            row.language,
            row.cadence.as_str().to_string(),
        ]
    }));
    let day = chrono::Utc::now().format("%Y-%m-%d");
    Response::builder()
        .status(StatusCode::OK)
        .header(header::CONTENT_TYPE, "text/csv; charset=utf-8")
        .header(
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"subscribers-{slug}-{day}.csv\""),
        )
        .header(header::CACHE_CONTROL, "no-store")
        .body(file)
}

#[derive(Serialize)]
struct ErasePage {
    lang: &'static str,
    heading: String,
    back_href: String,
    form: Form,
}

fn erase_form(state: &WebState, req: &Request, lang: Lang, slug: &str, id: i64) -> Form {
    Form::new(
        req,
        format!("{}/{id}/erase", subscribers_href(slug)),
        state.renderer.text(lang, "subscribers-erase-submit"),
        lang,
        &state.renderer,
    )
}

#[handler]
pub async fn confirm_erase(
    req: &Request,
    Path((slug, id)): Path<(String, i64)>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, principal) = match signed_in(req) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let lang = context.lang;
    let row = match state.notifications.subscriber(&principal, &slug, id).await {
        Ok(row) => row,
        Err(error) => return failed(&state, &context, error),
    };
    let heading =
        state
            .renderer
            .text_with(lang, "subscribers-erase-heading", &[("email", &row.email)]);
    let view = ErasePage {
        lang: lang.code(),
        heading: heading.clone(),
        back_href: subscribers_href(&slug),
        form: erase_form(&state, req, lang, &slug, id),
    };
    show_form(
        &state,
        req,
        &context,
        ("workspace_subscriber_erase", &heading),
        &view,
        &view.form,
    )
}

#[handler]
pub async fn erase(
    req: &Request,
    Path((slug, id)): Path<(String, i64)>,
    posted: PostedForm<Vec<(String, String)>>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, principal, _) = match received(&state, req, posted.0) {
        Ok(found) => found,
        Err(response) => return response,
    };
    match state
        .notifications
        .erase_subscriber(&principal, &slug, id)
        .await
    {
        Ok(()) => forms::redirect(&format!(
            "{}?done=subscriber-erased",
            subscribers_href(&slug)
        )),
        Err(error) => failed(&state, &context, error),
    }
}

//! The meetings pages: a municipality's meetings (upcoming, then past, or search results),
//! one meeting (agenda, documents, decisions, attendance, minutes and their versions), and
//! the minutes alone, ready to print. They read the meetings service's read side; what the
//! public sees is kept rendered until the next write (see `meetings::Core::public_views`).

use std::{future::Future, sync::Arc};

use council_shared::{ApiError, compression::CachedBody};
use meetings::{
    api::reads::{self, ListRequest},
    domain::MeetingState,
};
use poem::{
    Request, Response, handler,
    http::StatusCode,
    web::{Data, Path},
};

use crate::{
    PageContext, WebState, cached_html_response, error_page, html_response, layout,
    meeting_views::{self, ListAsked},
};

/// What a page handler made: a body for the site layout, or a document of its own.
enum Rendered {
    Page { title: String, body: String },
    Document(String),
}

fn status_of(error: &ApiError) -> StatusCode {
    match error {
        ApiError::Internal(cause) => {
            tracing::error!(error = ?cause, "a meetings page failed");
            StatusCode::INTERNAL_SERVER_ERROR
        }
        other => other.status(),
    }
}

/// Renders the page, from the cache for readers who are not signed in (their page is the
/// same for everyone); a signed-in reader's page is theirs alone and never kept.
async fn respond<F>(req: &Request, state: &WebState, context: &PageContext, make: F) -> Response
where
    F: Future<Output = Result<Rendered, ApiError>>,
{
    let finish = |rendered: Rendered| -> Result<String, ApiError> {
        Ok(match rendered {
            Rendered::Page { title, body } => layout(state, context, &title, body)?,
            Rendered::Document(html) => html,
        })
    };
    if context.user.is_some() {
        return match make.await.and_then(finish) {
            Ok(html) => html_response(StatusCode::OK, context.lang, html),
            Err(error) => error_page(state, context, status_of(&error)),
        };
    }
    let key = format!(
        "page|{}|{}",
        context.lang.code(),
        req.uri().path_and_query().map_or("", |p| p.as_str())
    );
    let made = state
        .meetings
        .public_view(key, async { Ok(CachedBody::new(finish(make.await?)?)) })
        .await;
    match made {
        Ok(body) => cached_html_response(context.lang, body),
        Err(error) => error_page(state, context, status_of(&error)),
    }
}

fn query_value(req: &Request, name: &str) -> Option<String> {
    req.uri().query().and_then(|q| {
        url::form_urlencoded::parse(q.as_bytes())
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.trim().to_string())
            .filter(|value| !value.is_empty())
    })
}

fn parsed<T: std::str::FromStr>(req: &Request, name: &str) -> Result<Option<T>, ApiError> {
    query_value(req, name)
        .map(|v| {
            v.parse()
                .map_err(|_| ApiError::invalid(name, "is not a number"))
        })
        .transpose()
}

#[handler]
pub async fn meetings_list(
    req: &Request,
    slug: Path<String>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let context = PageContext::of(req);
    let lang = context.lang;
    let principal = context.user.clone();
    let make = async {
        let q = query_value(req, "q").unwrap_or_default();
        let year: Option<i32> = parsed(req, "year")?;
        let page: Option<u64> = parsed(req, "page")?;
        let state_name = query_value(req, "state");
        let meeting_state = state_name
            .as_deref()
            .map(|s| {
                MeetingState::from_db(s).map_err(|_| ApiError::invalid("state", "is not a state"))
            })
            .transpose()?;
        let filtered = !q.is_empty() || year.is_some() || meeting_state.is_some();
        let core = &state.meetings;
        let who = principal.as_deref();
        // Without a search, the coming meetings first, then the past ones page by page.
        let upcoming = if filtered || page.unwrap_or(1) > 1 {
            Vec::new()
        } else {
            let request = ListRequest::parse(None, None, Some("upcoming"), None, None, Some(100))?;
            reads::list(core, &slug, who, &request).await?.2.items
        };
        let when = (!filtered).then_some("past");
        let request = ListRequest::parse(year, meeting_state, when, Some(q.clone()), page, None)?;
        let (roster, _, results) = reads::list(core, &slug, who, &request).await?;
        let asked = ListAsked {
            q: &q,
            year,
            state: state_name.as_deref(),
            page: results.page,
        };
        let view = meeting_views::meetings_page(
            &roster,
            &asked,
            &upcoming,
            &results.items,
            results.total,
            results.total_pages,
            &state.renderer,
            lang,
        );
        Ok(Rendered::Page {
            title: view.title().to_string(),
            body: state.renderer.render("meetings", &view)?,
        })
    };
    respond(req, &state, &context, make).await
}

#[handler]
pub async fn meeting_page(
    req: &Request,
    Path((slug, id)): Path<(String, i64)>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let context = PageContext::of(req);
    let lang = context.lang;
    let principal = context.user.clone();
    let make = async {
        let (roster, _, detail) =
            reads::detail(&state.meetings, &slug, id, principal.as_deref()).await?;
        let view = meeting_views::meeting_page(&roster, &detail, &state.renderer, lang);
        Ok(Rendered::Page {
            title: view.title().to_string(),
            body: state.renderer.render("meeting", &view)?,
        })
    };
    respond(req, &state, &context, make).await
}

#[handler]
pub async fn minutes_print(
    req: &Request,
    Path((slug, id)): Path<(String, i64)>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let context = PageContext::of(req);
    let lang = context.lang;
    let principal = context.user.clone();
    let make = async {
        let version: Option<i32> = parsed(req, "version")?;
        let (roster, _, detail) =
            reads::detail(&state.meetings, &slug, id, principal.as_deref()).await?;
        let minutes = match version {
            Some(number) => detail.minutes_versions.iter().find(|m| m.version == number),
            None => detail.minutes.as_ref(),
        }
        .ok_or_else(|| ApiError::NotFound("no such minutes".into()))?;
        let view = meeting_views::minutes_print(&roster, &detail, minutes, &state.renderer, lang);
        Ok(Rendered::Document(
            state.renderer.render("minutes_print", &view)?,
        ))
    };
    respond(req, &state, &context, make).await
}

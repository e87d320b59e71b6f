//! The server-rendered front end: the list of municipalities and each municipality's page,
//! in Greek with an English switch. Pages read the tenants service through its public
//! read side (`tenants::public::TenantReads`), never its tables.

mod account;
pub mod forms;
pub mod i18n;
pub mod public;
pub mod render;
pub mod sign_in;
mod workspace;

// The public pages' modules by their short names, as the rest of the crate calls them.
use public::{
    access_pages, document_gate, meeting_pages, practice_pages, subscription_data,
    subscription_pages,
};
pub use public::{meeting_views, practice_views, views};

use std::{sync::Arc, time::Duration};

use council_shared::{
    auth::{Caller, Principal},
    cache::TtlCache,
    compression::CachedBody,
    http::RequestId,
    mail::Mailer,
};
// `get` and `post` that know their methods: any other is a 405 with `Allow`.
use council_shared::methods::{get, post};
use poem::{
    Endpoint, EndpointExt, IntoResponse, Request, Response, Route, handler,
    http::{StatusCode, header},
    web::{Data, Path},
};
use serde::Serialize;
use tenants::{
    api::models::TenantSummary,
    identity::sign_in::Accounts,
    public::{TenantPublicView, TenantReads},
};

use crate::{
    i18n::{LANG_COOKIE, Lang, language_of},
    render::Renderer,
};

const STYLESHEET: &str = include_str!("../static/site.css");
/// Enhancements of the workspace's pages (the live quorum count); the pages work without.
const WORKSPACE_SCRIPT: &str = include_str!("../static/workspace.js");
/// The site's icon: pages link the SVG; `/favicon.ico` is for what asks for it by that name.
const FAVICON_SVG: &str = include_str!("../static/favicon.svg");
const FAVICON_ICO: &[u8] = include_bytes!("../static/favicon.ico");

/// What every page handler needs.
pub struct WebState {
    pub reads: Arc<TenantReads>,
    /// The meetings service's read side and its cache of public pages.
    pub meetings: Arc<meetings::Core>,
    /// The practices service's read side (search index, feedback limits).
    pub practices: Arc<practices::Core>,
    /// Residents' subscriptions.
    pub notifications: Arc<notifications::Notifications>,
    pub accounts: Arc<Accounts>,
    /// Roles and invitations: what the API's access part does, for the workspace's pages.
    pub access: tenants::api::access::AccessApi,
    /// A person's own sessions and data, and the operators' erasure of accounts.
    pub account: tenants::api::account::AccountApi,
    pub mailer: Mailer,
    pub renderer: Renderer,
    /// What the privacy notices, the accessibility statement and the cookies page state.
    pub legal: public::legal::LegalFacts,
    /// Rendered pages, each kept with the view it was rendered from.
    rendered: TtlCache<(Source, CachedBody)>,
}

impl WebState {
    /// `reads` is the tenants service's read side, shared with its API so a write there
    /// shows here at once.
    pub fn new(
        reads: Arc<TenantReads>,
        meetings: Arc<meetings::Core>,
        practices: Arc<practices::Core>,
        notifications: Arc<notifications::Notifications>,
        (accounts, access, account): (
            Arc<Accounts>,
            tenants::api::access::AccessApi,
            tenants::api::account::AccountApi,
        ),
        (mailer, legal): (Mailer, public::legal::LegalFacts),
        cache_ttl: Duration,
    ) -> anyhow::Result<Arc<Self>> {
        Ok(Arc::new(Self {
            reads,
            meetings,
            practices,
            notifications,
            accounts,
            access,
            account,
            mailer,
            renderer: Renderer::new()?,
            legal,
            rendered: TtlCache::new(cache_ttl, 5_000),
        }))
    }
}

/// The data a page was rendered from. A cached page is reused only while the read side
/// still hands out that very same data; any write replaces it, and the page with it.
#[derive(Clone)]
enum Source {
    Home(Arc<Vec<TenantSummary>>),
    Tenant(Arc<TenantPublicView>),
}

impl Source {
    fn is(&self, other: &Source) -> bool {
        match (self, other) {
            (Source::Home(a), Source::Home(b)) => Arc::ptr_eq(a, b),
            (Source::Tenant(a), Source::Tenant(b)) => Arc::ptr_eq(a, b),
            _ => false,
        }
    }
}

/// What a page needs to know of its request: the reader's language, the path (for the
/// language links) and the request id (shown on error pages).
#[derive(Debug, Clone)]
pub struct PageContext {
    pub lang: Lang,
    pub path: String,
    pub request_id: Option<String>,
    /// The signed-in user, shown in the header with a sign-out button.
    pub user: Option<Arc<Principal>>,
    /// The form token for the header's sign-out form.
    pub csrf: Option<String>,
}

impl PageContext {
    pub fn of(req: &Request) -> Self {
        let user = Caller::of(req).principal().cloned();
        let csrf = user.as_ref().map(|_| sign_in::csrf_token(req).0);
        Self {
            lang: language_of(req),
            path: req.original_uri().path().to_string(),
            request_id: req.data::<RequestId>().map(|id| id.0.clone()),
            user,
            csrf,
        }
    }
}

#[derive(Serialize)]
struct UserBadge {
    name: String,
    csrf: String,
}

#[derive(Serialize)]
struct LanguageLink {
    code: &'static str,
    name: &'static str,
    current: bool,
    switch: String,
    alternate: String,
}

#[derive(Serialize)]
struct Layout<'a> {
    lang: &'static str,
    dir: &'static str,
    title: &'a str,
    body: String,
    languages: Vec<LanguageLink>,
    user: Option<UserBadge>,
    sign_in_href: String,
}

pub(crate) fn encode(value: &str) -> String {
    url::form_urlencoded::byte_serialize(value.as_bytes()).collect()
}

/// Wraps a rendered body in the site layout.
pub(crate) fn layout(
    state: &WebState,
    context: &PageContext,
    title: &str,
    body: String,
) -> anyhow::Result<String> {
    let lang = context.lang;
    let path = context.path.as_str();
    let offered: &[Lang] = if i18n::is_workspace_path(path) {
        &Lang::WORKSPACE
    } else {
        &Lang::ALL
    };
    let languages = offered
        .iter()
        .copied()
        .map(|other| LanguageLink {
            code: other.code(),
            name: other.endonym(),
            current: other == lang,
            switch: format!("/lang/{}?next={}", other.code(), encode(path)),
            alternate: format!("{path}?lang={}", other.code()),
        })
        .collect();
    let layout = Layout {
        lang: lang.code(),
        dir: lang.dir(),
        title,
        body,
        languages,
        user: context.user.as_ref().map(|user| UserBadge {
            name: user
                .display_name
                .clone()
                .unwrap_or_else(|| user.email.clone()),
            csrf: context.csrf.clone().unwrap_or_default(),
        }),
        sign_in_href: if path.starts_with("/sign-in") || path.starts_with("/auth") {
            "/sign-in".into()
        } else {
            format!("/sign-in?next={}", encode(path))
        },
    };
    state.renderer.render("layout", &layout)
}

const HTML: &str = "text/html; charset=utf-8";

/// Sets the headers every page carries.
fn with_page_headers(mut response: Response, status: StatusCode, lang: Lang) -> Response {
    response.set_status(status);
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_LANGUAGE,
        header::HeaderValue::from_static(lang.code()),
    );
    headers.append(
        header::VARY,
        header::HeaderValue::from_static("Cookie, Accept-Language"),
    );
    response
}

pub(crate) fn html_response(status: StatusCode, lang: Lang, html: String) -> Response {
    let response = Response::builder().content_type(HTML).body(html);
    with_page_headers(response, status, lang)
}

/// A cached page: plain, gzip or 304 as the client asks (see `serve_cached_bodies`).
pub(crate) fn cached_html_response(lang: Lang, body: CachedBody) -> Response {
    with_page_headers(body.into_response(HTML), StatusCode::OK, lang)
}

fn plain_failure() -> Response {
    Response::builder()
        .status(StatusCode::INTERNAL_SERVER_ERROR)
        .content_type("text/plain; charset=utf-8")
        .body("Internal error / Εσωτερικό σφάλμα")
}

#[derive(Serialize)]
struct ErrorPage {
    lang: &'static str,
    heading: String,
    text: String,
    request_id: Option<String>,
    /// Offered when signing in may open what was refused.
    sign_in_url: Option<String>,
}

#[derive(Serialize)]
struct MessagePage<'a> {
    lang: &'static str,
    heading: &'a str,
    text: &'a str,
    link: Option<(String, String)>,
}

/// A page with a heading, a sentence and maybe a link: "check your mail", "link expired".
pub(crate) fn message_page(
    state: &WebState,
    context: &PageContext,
    status: StatusCode,
    heading: &str,
    text: &str,
    link: Option<(&str, &str)>,
) -> Response {
    let view = MessagePage {
        lang: context.lang.code(),
        heading,
        text,
        link: link.map(|(href, key)| (href.to_string(), state.renderer.text(context.lang, key))),
    };
    match state
        .renderer
        .render("message", &view)
        .and_then(|body| layout(state, context, heading, body))
    {
        Ok(html) => html_response(status, context.lang, html),
        Err(error) => {
            tracing::error!(error = ?error, "message page failed to render");
            plain_failure()
        }
    }
}

/// A readable error page in the reader's language.
pub(crate) fn error_page(state: &WebState, context: &PageContext, status: StatusCode) -> Response {
    let lang = context.lang;
    let (heading, text) = if status == StatusCode::NOT_FOUND {
        ("error-not-found-title", "error-not-found-text")
    } else if status == StatusCode::FORBIDDEN {
        ("error-forbidden-title", "error-forbidden-text")
    } else if status.is_client_error() {
        ("error-request-title", "error-request-text")
    } else {
        ("error-server-title", "error-server-text")
    };
    let view = ErrorPage {
        lang: lang.code(),
        heading: state.renderer.text(lang, heading),
        text: state.renderer.text(lang, text),
        request_id: status
            .is_server_error()
            .then(|| context.request_id.clone())
            .flatten(),
        sign_in_url: None,
    };
    render_error_page(state, context, status, view)
}

/// A document download refused to a person's browser: sign in and come back, or (signed
/// in already) it is not there for them. See `document_gate`.
fn refused_document_page(
    state: &WebState,
    context: &PageContext,
    status: StatusCode,
    refused: &document_gate::Refused,
) -> Response {
    let lang = context.lang;
    let (heading, text, sign_in_url) = match context.user {
        None => (
            "document-sign-in-title",
            "document-sign-in-text",
            Some(refused.sign_in_url()),
        ),
        Some(_) => (
            "document-unavailable-title",
            "document-unavailable-text",
            None,
        ),
    };
    let view = ErrorPage {
        lang: lang.code(),
        heading: state.renderer.text(lang, heading),
        text: state.renderer.text(lang, text),
        request_id: None,
        sign_in_url,
    };
    render_error_page(state, context, status, view)
}

fn render_error_page(
    state: &WebState,
    context: &PageContext,
    status: StatusCode,
    view: ErrorPage,
) -> Response {
    let lang = context.lang;
    match state
        .renderer
        .render("error", &view)
        .and_then(|body| layout(state, context, &view.heading, body))
    {
        Ok(html) => html_response(status, lang, html),
        Err(error) => {
            tracing::error!(error = ?error, "error page failed to render");
            plain_failure()
        }
    }
}

/// Serves the page for `source` from the cache when it was rendered from that very data,
/// otherwise renders it (and keeps it).
fn cached_page(
    state: &WebState,
    context: &PageContext,
    source: Source,
    render: impl FnOnce() -> anyhow::Result<(String, String)>,
) -> Response {
    if context.user.is_some() {
        // A signed-in reader's page carries their name and form token: never shared.
        let rendered = render().and_then(|(title, body)| layout(state, context, &title, body));
        return match rendered {
            Ok(html) => html_response(StatusCode::OK, context.lang, html),
            Err(error) => {
                tracing::error!(error = ?error, "page failed to render");
                error_page(state, context, StatusCode::INTERNAL_SERVER_ERROR)
            }
        };
    }
    let key = format!("{}|{}", context.lang.code(), context.path);
    if let Some((cached_from, html)) = state.rendered.get(&key)
        && cached_from.is(&source)
    {
        return cached_html_response(context.lang, html);
    }
    let rendered = render().and_then(|(title, body)| layout(state, context, &title, body));
    match rendered {
        Ok(html) => {
            let body = CachedBody::new(html);
            state.rendered.insert(key, (source, body.clone()));
            cached_html_response(context.lang, body)
        }
        Err(error) => {
            tracing::error!(error = ?error, "page failed to render");
            error_page(state, context, StatusCode::INTERNAL_SERVER_ERROR)
        }
    }
}

#[handler]
async fn home(req: &Request, state: Data<&Arc<WebState>>) -> Response {
    let context = PageContext::of(req);
    let lang = context.lang;
    match state.reads.active_tenants().await {
        Ok(list) => cached_page(&state, &context, Source::Home(list.clone()), || {
            let view = views::home(&list, lang);
            Ok((
                state.renderer.text(lang, "home-title"),
                state.renderer.render("home", &view)?,
            ))
        }),
        Err(error) => {
            tracing::error!(error = ?error, "cannot list municipalities");
            error_page(&state, &context, StatusCode::INTERNAL_SERVER_ERROR)
        }
    }
}

#[handler]
async fn municipality(req: &Request, slug: Path<String>, state: Data<&Arc<WebState>>) -> Response {
    let context = PageContext::of(req);
    let lang = context.lang;
    match state.reads.tenant(&slug).await {
        Ok(Some(found)) => cached_page(&state, &context, Source::Tenant(found.clone()), || {
            let view = views::tenant(&found.detail, &found.council, lang, &state.renderer);
            Ok((
                view.title().to_string(),
                state.renderer.render("tenant", &view)?,
            ))
        }),
        Ok(None) => error_page(&state, &context, StatusCode::NOT_FOUND),
        Err(error) => {
            tracing::error!(error = ?error, "cannot load a municipality page");
            error_page(&state, &context, StatusCode::INTERNAL_SERVER_ERROR)
        }
    }
}

/// The language switcher: remembers the choice in a cookie and returns to the page.
/// Only local paths are accepted as `next`, so the link cannot send anyone elsewhere.
#[handler]
async fn switch_language(
    req: &Request,
    code: Path<String>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let Some(lang) = Lang::from_code(&code) else {
        return error_page(&state, &PageContext::of(req), StatusCode::NOT_FOUND);
    };
    let next = req.uri().query().and_then(|q| {
        url::form_urlencoded::parse(q.as_bytes())
            .find(|(key, _)| key == "next")
            .map(|(_, value)| value.into_owned())
    });
    let next = tenants::identity::safe_return_path(next.as_deref());
    Response::builder()
        .status(StatusCode::SEE_OTHER)
        .header(header::LOCATION, next)
        .header(
            header::SET_COOKIE,
            format!(
                "{LANG_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax",
                lang.code()
            ),
        )
        .finish()
}

/// A file built into the binary, cacheable for `max_age` seconds.
fn asset(content_type: &'static str, max_age: u32, body: &'static [u8]) -> Response {
    Response::builder()
        .content_type(content_type)
        .header(header::CACHE_CONTROL, format!("public, max-age={max_age}"))
        .body(body)
}

#[handler]
fn stylesheet() -> Response {
    asset("text/css; charset=utf-8", 3600, STYLESHEET.as_bytes())
}

#[handler]
fn workspace_script() -> Response {
    asset(
        "text/javascript; charset=utf-8",
        3600,
        WORKSPACE_SCRIPT.as_bytes(),
    )
}

#[handler]
fn favicon_svg() -> Response {
    asset("image/svg+xml", 86_400, FAVICON_SVG.as_bytes())
}

#[handler]
fn favicon_ico() -> Response {
    asset("image/x-icon", 86_400, FAVICON_ICO)
}

/// The pages, to be mounted at the root of the server.
pub fn routes(route: Route, state: Arc<WebState>) -> Route {
    workspace::routes(route, &state)
        .at("/", get(home).data(state.clone()))
        .at(
            "/municipalities/:slug",
            get(municipality).data(state.clone()),
        )
        .at(
            "/municipalities/:slug/privacy",
            get(public::legal::municipality_privacy).data(state.clone()),
        )
        .at(
            "/privacy",
            get(public::legal::platform_privacy).data(state.clone()),
        )
        .at(
            "/accessibility",
            get(public::legal::accessibility).data(state.clone()),
        )
        .at(
            "/cookies",
            get(public::legal::cookies_page).data(state.clone()),
        )
        .at(
            "/municipalities/:slug/meetings",
            get(meeting_pages::meetings_list).data(state.clone()),
        )
        .at(
            "/municipalities/:slug/meetings/:id",
            get(meeting_pages::meeting_page).data(state.clone()),
        )
        .at(
            "/municipalities/:slug/meetings/:id/minutes",
            get(meeting_pages::minutes_print).data(state.clone()),
        )
        .at(
            "/municipalities/:slug/practices",
            get(practice_pages::municipality_practices).data(state.clone()),
        )
        .at(
            "/practices",
            get(practice_pages::practices_list).data(state.clone()),
        )
        .at(
            "/practices/:slug",
            get(practice_pages::practice_page).data(state.clone()),
        )
        .at(
            "/practices/:slug/feedback",
            post(practice_pages::send_feedback).data(state.clone()),
        )
        .at(
            "/practices/:slug/print",
            get(practice_pages::practice_print).data(state.clone()),
        )
        .at(
            "/municipalities/:slug/access",
            get(access_pages::ask_form)
                .post(access_pages::ask)
                .data(state.clone()),
        )
        .at(
            "/municipalities/:slug/access/sent",
            get(access_pages::sent).data(state.clone()),
        )
        .at(
            "/municipalities/:slug/subscribe",
            get(subscription_pages::subscribe_form_page)
                .post(subscription_pages::subscribe)
                .data(state.clone()),
        )
        .at(
            "/subscriptions/:token",
            get(subscription_pages::preferences)
                .post(subscription_pages::change_preferences)
                .data(state.clone()),
        )
        .at(
            "/subscriptions/:token/confirm",
            get(subscription_pages::confirm_prompt)
                .post(subscription_pages::confirm)
                .data(state.clone()),
        )
        .at(
            "/subscriptions/unsubscribed",
            get(subscription_pages::unsubscribed).data(state.clone()),
        )
        .at(
            "/subscriptions/erased",
            get(subscription_pages::erased).data(state.clone()),
        )
        .at(
            "/subscriptions/:token/confirmed",
            get(subscription_pages::confirmed).data(state.clone()),
        )
        .at(
            "/subscriptions/:token/data",
            get(subscription_data::held_page).data(state.clone()),
        )
        .at(
            "/subscriptions/:token/erase",
            get(subscription_pages::confirm_erase).data(state.clone()),
        )
        .at(
            "/subscriptions/:token/unsubscribe",
            get(subscription_pages::unsubscribe_prompt)
                .post(subscription_pages::unsubscribe)
                .data(state.clone()),
        )
        .at(
            "/municipalities/:slug/sign-in",
            get(sign_in::tenant_sign_in).data(state.clone()),
        )
        .at("/sign-in", get(sign_in::sign_in).data(state.clone()))
        .at(
            "/sign-in/email",
            post(sign_in::request_link).data(state.clone()),
        )
        .at(
            "/sign-in/link/:token",
            get(sign_in::confirm_link)
                .post(sign_in::use_link)
                .data(state.clone()),
        )
        .at("/sign-out", post(sign_in::sign_out).data(state.clone()))
        .at("/account", get(account::account).data(state.clone()))
        .at("/account/data", get(account::download).data(state.clone()))
        .at(
            "/account/sessions/:id/end",
            post(account::end_session).data(state.clone()),
        )
        .at(
            "/auth/start/platform",
            get(sign_in::start_platform).data(state.clone()),
        )
        .at(
            "/auth/start/tenant/:slug",
            get(sign_in::start_tenant).data(state.clone()),
        )
        .at("/auth/callback", get(sign_in::callback).data(state.clone()))
        .at("/lang/:code", get(switch_language).data(state))
        .at("/static/site.css", get(stylesheet))
        .at("/static/workspace.js", get(workspace_script))
        .at("/static/favicon.svg", get(favicon_svg))
        .at("/favicon.ico", get(favicon_ico))
}

/// Outermost wrapper of the whole server: any page error that escaped (unknown address,
/// wrong method) becomes a readable page in the reader's language. API errors never get
/// here: they are problem details already.
pub fn html_errors<E: Endpoint + 'static>(
    endpoint: E,
    state: Arc<WebState>,
) -> impl Endpoint<Output = Response> {
    endpoint.around(move |next, req| {
        let state = state.clone();
        async move {
            let context = PageContext::of(&req);
            let document = document_gate::Refused::candidate(&req);
            match next.call(req).await {
                Ok(response) => {
                    let response = response.into_response();
                    match document {
                        Some(refused) if document_gate::Refused::applies(response.status()) => Ok(
                            refused_document_page(&state, &context, response.status(), &refused),
                        ),
                        _ => Ok(response),
                    }
                }
                Err(error) => {
                    let status = error.status();
                    if status.is_server_error() {
                        tracing::error!(error = %error, "page request failed");
                    }
                    let mut page = error_page(&state, &context, status);
                    if let Some(allow) = council_shared::methods::allow_header(&error) {
                        page.headers_mut().insert(header::ALLOW, allow);
                    }
                    Ok(page)
                }
            }
        }
    })
}

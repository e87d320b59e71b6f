//! Sign-in and sign-out pages: the platform's provider (and a municipality's own) through
//! OpenID Connect, one-time links by e-mail, and the CSRF protection of every form.
//!
//! CSRF: each form carries a token derived from a secret only this browser holds in an
//! HttpOnly cookie (the session, or before sign-in a random `council_csrf` cookie), and a
//! POST whose `Origin` is another site is refused outright.

use std::sync::Arc;

use council_shared::{
    auth::SESSION_COOKIE,
    csrf,
    http::{PublicUrl, client_ip, is_https},
    mail::OutgoingMail,
};
use poem::{
    Request, Response, handler,
    http::{StatusCode, header},
    web::{Data, Form, Path, Query},
};
use serde::{Deserialize, Serialize};
use tenants::{
    TenantsError,
    identity::{oidc::OidcFailure, safe_return_path, sign_in::SignInFailure},
};

use crate::{PageContext, WebState, error_page, html_response, layout, message_page};

pub const CSRF_COOKIE: &str = "council_csrf";
pub(crate) const OIDC_COOKIE: &str = "council_oidc";

pub(crate) fn cookie(request: &Request, name: &str) -> Option<String> {
    request
        .cookie()
        .get(name)
        .map(|c| c.value_str().to_string())
        .filter(|v| !v.is_empty() && v.len() < 200)
}

/// The form token for this browser, and a new `council_csrf` cookie when it has neither a
/// session nor one yet.
pub fn csrf_token(request: &Request) -> (String, Option<String>) {
    if let Some(secret) = cookie(request, SESSION_COOKIE).or_else(|| cookie(request, CSRF_COOKIE)) {
        return (derive(&secret), None);
    }
    let secret = tenants::identity::new_secret();
    (derive(&secret), Some(secret))
}

fn derive(secret: &str) -> String {
    csrf::token_for(secret)
}

/// Whether a POST is a genuine form of ours: from our origin (`council_shared::csrf`, the
/// rule the API applies to session-cookie calls too) and with a matching token.
pub(crate) fn csrf_ok(request: &Request, token: &str) -> bool {
    csrf::from_our_origin(request)
        && [SESSION_COOKIE, CSRF_COOKIE]
            .iter()
            .filter_map(|name| cookie(request, name))
            .any(|secret| csrf::tokens_match(&derive(&secret), token))
}

fn set_cookie(
    request: &Request,
    name: &str,
    value: &str,
    path: &str,
    max_age: Option<u64>,
) -> String {
    let secure = if is_https(request) { "; Secure" } else { "" };
    let age = max_age
        .map(|s| format!("; Max-Age={s}"))
        .unwrap_or_default();
    format!("{name}={value}; Path={path}; HttpOnly; SameSite=Lax{secure}{age}")
}

pub(crate) fn clear_cookie(request: &Request, name: &str, path: &str) -> String {
    set_cookie(request, name, "", path, Some(0))
}

pub(crate) fn see_other(location: &str) -> poem::ResponseBuilder {
    Response::builder()
        .status(StatusCode::SEE_OTHER)
        .header(header::LOCATION, location)
}

pub(crate) fn public_url(request: &Request) -> String {
    request
        .data::<PublicUrl>()
        .map(|u| u.0.clone())
        .unwrap_or_default()
}

fn callback_url(request: &Request) -> String {
    format!("{}/auth/callback", public_url(request))
}

#[derive(Deserialize)]
struct NextQuery {
    next: Option<String>,
}

#[derive(Serialize)]
struct ProviderButton {
    href: String,
    label: String,
}

#[derive(Serialize)]
struct SignInPage {
    lang: &'static str,
    providers: Vec<ProviderButton>,
    tenant_name: Option<String>,
    signed_in_as: Option<String>,
    /// The e-mail link form; `next` travels in it.
    form: crate::forms::Form,
}

async fn sign_in_page(
    request: &Request,
    state: &WebState,
    tenant_slug: Option<&str>,
    next: Option<&str>,
    email: &str,
    errors: &[council_shared::FieldError],
    status: StatusCode,
) -> Response {
    let context = PageContext::of(request);
    let lang = context.lang;
    let tenant = match tenant_slug {
        Some(slug) => match tenants::service::tenants::find(state.accounts.db(), slug).await {
            Ok(tenant) => Some(tenant),
            Err(TenantsError::TenantNotFound(_)) => {
                return error_page(state, &context, StatusCode::NOT_FOUND);
            }
            Err(error) => {
                tracing::error!(error = ?error, "cannot load a municipality for sign-in");
                return error_page(state, &context, StatusCode::INTERNAL_SERVER_ERROR);
            }
        },
        None => None,
    };
    let default_next = tenant
        .as_ref()
        .map(|t| format!("/municipalities/{}", t.slug));
    let next = safe_return_path(next.or(default_next.as_deref()));
    let providers = match state.accounts.providers(tenant.as_ref()).await {
        Ok(list) => list,
        Err(error) => {
            tracing::error!(error = ?error, "cannot list sign-in providers");
            return error_page(state, &context, StatusCode::INTERNAL_SERVER_ERROR);
        }
    };
    let encoded_next = crate::encode(&next);
    let buttons = providers
        .iter()
        .map(|p| ProviderButton {
            href: match p.key.strip_prefix("tenant:") {
                Some(slug) => format!("/auth/start/tenant/{slug}?next={encoded_next}"),
                None => format!("/auth/start/platform?next={encoded_next}"),
            },
            label: state
                .renderer
                .text_with(lang, "sign-in-with", &[("provider", &p.display_name)]),
        })
        .collect();
    let mut form = crate::forms::Form::new(
        request,
        "/sign-in/email".into(),
        state.renderer.text(lang, "sign-in-link-button"),
        lang,
        &state.renderer,
    )
    .hidden("next", next)
    .field(
        crate::forms::Field::new("email", "email", state.renderer.text(lang, "email-label"))
            .autocomplete("email")
            .required()
            .value(email),
    );
    form.show_errors(&state.renderer, lang, errors, &[]);
    let new_cookie = form.new_cookie.clone();
    let view = SignInPage {
        lang: lang.code(),
        providers: buttons,
        tenant_name: tenant
            .as_ref()
            .map(|t| crate::public::views::choose(Some(&t.name_el), Some(&t.name_en), lang).text),
        signed_in_as: context.user.as_ref().map(|u| u.email.clone()),
        form,
    };
    let title = state.renderer.text(lang, "sign-in-title");
    let html = state
        .renderer
        .render("sign_in", &view)
        .and_then(|body| layout(state, &context, &title, body));
    let response = match html {
        Ok(html) => html_response(status, lang, html),
        Err(error) => {
            tracing::error!(error = ?error, "sign-in page failed to render");
            return error_page(state, &context, StatusCode::INTERNAL_SERVER_ERROR);
        }
    };
    form_page(request, response, new_cookie)
}

/// A page with a form: not stored by caches, and carrying the new `council_csrf` cookie
/// when the browser had no secret to derive its form token from.
pub(crate) fn form_page(
    request: &Request,
    mut response: Response,
    new_csrf_secret: Option<String>,
) -> Response {
    if let Some(secret) = new_csrf_secret
        && let Ok(value) = set_cookie(request, CSRF_COOKIE, &secret, "/", None).parse()
    {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    no_store(response)
}

pub(crate) fn no_store(mut response: Response) -> Response {
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("no-store"),
    );
    response
}

#[handler]
pub async fn sign_in(
    request: &Request,
    query: Query<NextQuery>,
    state: Data<&Arc<WebState>>,
) -> Response {
    sign_in_page(
        request,
        &state,
        None,
        query.next.as_deref(),
        "",
        &[],
        StatusCode::OK,
    )
    .await
}

#[handler]
pub async fn tenant_sign_in(
    request: &Request,
    slug: Path<String>,
    query: Query<NextQuery>,
    state: Data<&Arc<WebState>>,
) -> Response {
    sign_in_page(
        request,
        &state,
        Some(&slug),
        query.next.as_deref(),
        "",
        &[],
        StatusCode::OK,
    )
    .await
}

/// The reader's-language sentence for why a sign-in failed (the audit log keeps the
/// technical detail).
fn failure_key(failed: &SignInFailure) -> &'static str {
    match failed {
        SignInFailure::Provider(OidcFailure::UnknownState) => "sign-in-error-unknown-state",
        SignInFailure::Provider(OidcFailure::OtherBrowser) => "sign-in-error-other-browser",
        SignInFailure::Provider(OidcFailure::UnknownProvider) => "sign-in-error-unknown-provider",
        SignInFailure::Provider(OidcFailure::Unreachable(_)) => "sign-in-error-unreachable",
        SignInFailure::Provider(OidcFailure::ForbiddenAddress(_)) => {
            "sign-in-error-forbidden-address"
        }
        SignInFailure::Provider(OidcFailure::Refused(_)) => "sign-in-error-refused",
        SignInFailure::Provider(OidcFailure::InvalidIdToken(_)) => "sign-in-error-invalid-token",
        SignInFailure::NoVerifiedEmail => "sign-in-error-no-verified-email",
        SignInFailure::UnknownLink => "sign-in-error-link-unknown",
        SignInFailure::UsedLink => "sign-in-error-link-used",
        SignInFailure::ExpiredLink => "sign-in-error-link-expired",
    }
}

/// A failure page in the reader's language, saying why.
fn failure(
    state: &WebState,
    request: &Request,
    status: StatusCode,
    failed: SignInFailure,
) -> Response {
    if !matches!(
        failed,
        SignInFailure::UsedLink | SignInFailure::ExpiredLink | SignInFailure::UnknownLink
    ) {
        tracing::warn!(reason = %failed, "sign-in failed");
    }
    let context = PageContext::of(request);
    let detail = state.renderer.text(context.lang, failure_key(&failed));
    let heading = state.renderer.text(context.lang, "sign-in-failed-title");
    no_store(message_page(
        state,
        &context,
        status,
        &heading,
        &detail,
        Some(("/sign-in", "sign-in-again")),
    ))
}

fn too_many(state: &WebState, request: &Request, seconds: u64) -> Response {
    let context = PageContext::of(request);
    let text = state.renderer.text_with(
        context.lang,
        "too-many-attempts",
        &[("seconds", &seconds.to_string())],
    );
    let heading = state.renderer.text(context.lang, "sign-in-failed-title");
    let mut response = message_page(
        state,
        &context,
        StatusCode::TOO_MANY_REQUESTS,
        &heading,
        &text,
        None,
    );
    response
        .headers_mut()
        .insert(header::RETRY_AFTER, header::HeaderValue::from(seconds));
    response
}

fn internal(state: &WebState, request: &Request, error: &dyn std::fmt::Debug) -> Response {
    tracing::error!(error = ?error, "sign-in failed on our side");
    error_page(
        state,
        &PageContext::of(request),
        StatusCode::INTERNAL_SERVER_ERROR,
    )
}

async fn start(request: &Request, state: &WebState, key: &str, next: Option<&str>) -> Response {
    let next = safe_return_path(next);
    let outcome = state
        .accounts
        .start_provider_sign_in(key, &callback_url(request), &next, &client_ip(request))
        .await;
    match outcome {
        Ok(Ok((url, browser))) => see_other(&url)
            .header(
                header::SET_COOKIE,
                set_cookie(request, OIDC_COOKIE, &browser, "/auth", Some(600)),
            )
            .header(header::CACHE_CONTROL, "no-store")
            .finish(),
        Ok(Err(SignInFailure::Provider(OidcFailure::UnknownProvider))) => {
            // An old or guessed link: there is nothing to sign in with at this address.
            tracing::info!(
                provider = key,
                "sign-in asked of a provider that is not configured"
            );
            no_store(error_page(
                state,
                &PageContext::of(request),
                StatusCode::NOT_FOUND,
            ))
        }
        Ok(Err(failed)) => failure(state, request, StatusCode::BAD_GATEWAY, failed),
        Err(TenantsError::TooManyAttempts(seconds)) => too_many(state, request, seconds),
        Err(error) => internal(state, request, &error),
    }
}

#[handler]
pub async fn start_platform(
    request: &Request,
    query: Query<NextQuery>,
    state: Data<&Arc<WebState>>,
) -> Response {
    start(
        request,
        &state,
        tenants::identity::providers::PLATFORM,
        query.next.as_deref(),
    )
    .await
}

#[handler]
pub async fn start_tenant(
    request: &Request,
    slug: Path<String>,
    query: Query<NextQuery>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let key = tenants::identity::providers::tenant_key(&slug);
    start(request, &state, &key, query.next.as_deref()).await
}

#[derive(Deserialize)]
pub struct CallbackQuery {
    state: Option<String>,
    code: Option<String>,
    error: Option<String>,
    error_description: Option<String>,
}

fn signed_in_response(
    request: &Request,
    session: tenants::identity::sign_in::NewSession,
) -> Response {
    see_other(&session.return_to)
        .header(
            header::SET_COOKIE,
            set_cookie(
                request,
                SESSION_COOKIE,
                &session.secret,
                "/",
                Some(session.max_age.as_secs()),
            ),
        )
        .header(
            header::SET_COOKIE,
            clear_cookie(request, OIDC_COOKIE, "/auth"),
        )
        .header(header::SET_COOKIE, clear_cookie(request, CSRF_COOKIE, "/"))
        .header(header::CACHE_CONTROL, "no-store")
        .finish()
}

#[handler]
pub async fn callback(
    request: &Request,
    query: Query<CallbackQuery>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let Some(flow_state) = query.state.as_deref().filter(|s| !s.is_empty()) else {
        let failed = SignInFailure::Provider(tenants::identity::oidc::OidcFailure::UnknownState);
        return failure(&state, request, StatusCode::BAD_REQUEST, failed);
    };
    let provider_error = query
        .error
        .as_ref()
        .map(|e| match &query.error_description {
            Some(d) => format!("{e}: {d}"),
            None => e.clone(),
        });
    let browser = cookie(request, OIDC_COOKIE);
    let outcome = state
        .accounts
        .finish_provider_sign_in(
            flow_state,
            query.code.as_deref(),
            provider_error.as_deref(),
            browser.as_deref(),
            &callback_url(request),
            &client_ip(request),
        )
        .await;
    match outcome {
        Ok(Ok(session)) => signed_in_response(request, session),
        Ok(Err(failed)) => failure(&state, request, StatusCode::FORBIDDEN, failed),
        Err(error) => internal(&state, request, &error),
    }
}

#[derive(Deserialize)]
pub struct LinkRequestForm {
    email: String,
    next: Option<String>,
    csrf: String,
}

#[handler]
pub async fn request_link(
    request: &Request,
    form: Form<LinkRequestForm>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let context = PageContext::of(request);
    if !csrf_ok(request, &form.csrf) {
        return csrf_failure(&state, request);
    }
    let next = safe_return_path(form.next.as_deref());
    match state
        .accounts
        .create_link(&form.email, &next, &client_ip(request))
        .await
    {
        Ok(secret) => {
            if let Some(secret) = secret {
                let url = format!("{}/sign-in/link/{secret}", public_url(request));
                let minutes =
                    (state.accounts.settings().auth.sign_in_link_ttl_seconds / 60).to_string();
                let lang = context.lang;
                let mail = OutgoingMail {
                    to: tenants::identity::normalise_email(&form.email),
                    subject: state.renderer.text(lang, "link-mail-subject"),
                    text: state.renderer.text_with(
                        lang,
                        "link-mail-text",
                        &[("url", &url), ("minutes", &minutes)],
                    ),
                    html: None,
                    ..Default::default()
                };
                if let Err(error) = state.mailer.send(mail).await {
                    return internal(&state, request, &error);
                }
            }
            let heading = state.renderer.text(context.lang, "link-sent-title");
            let text = state.renderer.text(context.lang, "link-sent-text");
            no_store(message_page(
                &state,
                &context,
                StatusCode::OK,
                &heading,
                &text,
                None,
            ))
        }
        Err(TenantsError::Invalid(errors)) => {
            sign_in_page(
                request,
                &state,
                None,
                Some(&next),
                &form.email,
                &errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(TenantsError::TooManyAttempts(seconds)) => too_many(&state, request, seconds),
        Err(error) => internal(&state, request, &error),
    }
}

#[derive(Serialize)]
struct LinkConfirmPage {
    lang: &'static str,
    action: String,
    csrf: String,
}

/// The link in the e-mail opens this page; signing in takes a click, so a mail scanner that
/// fetches links cannot use it up.
#[handler]
pub async fn confirm_link(
    request: &Request,
    token: Path<String>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let context = PageContext::of(request);
    match state.accounts.check_link(&token).await {
        Ok(Ok(())) => {
            let (csrf, new_cookie) = csrf_token(request);
            let view = LinkConfirmPage {
                lang: context.lang.code(),
                action: format!("/sign-in/link/{}", token.0),
                csrf,
            };
            let title = state.renderer.text(context.lang, "sign-in-title");
            let html = state
                .renderer
                .render("link_confirm", &view)
                .and_then(|body| layout(&state, &context, &title, body));
            match html {
                Ok(html) => form_page(
                    request,
                    html_response(StatusCode::OK, context.lang, html),
                    new_cookie,
                ),
                Err(error) => internal(&state, request, &error),
            }
        }
        Ok(Err(failed)) => failure(&state, request, StatusCode::GONE, failed),
        Err(error) => internal(&state, request, &error),
    }
}

#[derive(Deserialize)]
pub struct CsrfForm {
    pub(crate) csrf: String,
}

#[handler]
pub async fn use_link(
    request: &Request,
    token: Path<String>,
    form: Form<CsrfForm>,
    state: Data<&Arc<WebState>>,
) -> Response {
    if !csrf_ok(request, &form.csrf) {
        return csrf_failure(&state, request);
    }
    match state.accounts.use_link(&token, &client_ip(request)).await {
        Ok(Ok(session)) => signed_in_response(request, session),
        Ok(Err(failed)) => failure(&state, request, StatusCode::GONE, failed),
        Err(TenantsError::TooManyAttempts(seconds)) => too_many(&state, request, seconds),
        Err(error) => internal(&state, request, &error),
    }
}

pub(crate) fn csrf_failure(state: &WebState, request: &Request) -> Response {
    let context = PageContext::of(request);
    let heading = state.renderer.text(context.lang, "csrf-title");
    let text = state.renderer.text(context.lang, "csrf-text");
    no_store(message_page(
        state,
        &context,
        StatusCode::FORBIDDEN,
        &heading,
        &text,
        Some(("/", "back-home")),
    ))
}

#[handler]
pub async fn sign_out(
    request: &Request,
    form: Form<CsrfForm>,
    state: Data<&Arc<WebState>>,
) -> Response {
    if !csrf_ok(request, &form.csrf) {
        return csrf_failure(&state, request);
    }
    if let Some(secret) = cookie(request, SESSION_COOKIE)
        && let Err(error) = state.accounts.sign_out(&secret, &client_ip(request)).await
    {
        return internal(&state, request, &error);
    }
    see_other("/")
        .header(
            header::SET_COOKIE,
            clear_cookie(request, SESSION_COOKIE, "/"),
        )
        .header(header::CACHE_CONTROL, "no-store")
        .finish()
}

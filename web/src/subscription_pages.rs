//! Residents' e-mail subscriptions on the site: the form on a municipality's page, and the
//! pages the links in every message lead to (confirm, preferences, unsubscribe, erase).
//! Those links carry the subscription's secret, so their forms need no other token; the
//! unsubscribe address also takes the mail clients' one-click POST (RFC 8058).

use std::sync::Arc;

use council_shared::{ApiError, http::client_ip};
use notifications::{
    api::models::{PreferencesInput, SubscriptionRequest},
    domain::{Cadence, Topic},
    service::subscriptions,
};
use poem::{
    Request, Response, handler,
    http::StatusCode,
    web::{Data, Form, Path},
};
use serde::Serialize;

use crate::{
    PageContext, WebState, error_page, html_response,
    i18n::Lang,
    layout, message_page,
    sign_in::{csrf_failure, csrf_ok, csrf_token, form_page, no_store},
};

#[derive(Serialize)]
struct Choice {
    value: String,
    label: String,
    checked: bool,
    selected: bool,
}

const LANGUAGE_NAMES: [(&str, &str); 8] = [
    ("el", "Ελληνικά"),
    ("en", "English"),
    ("ar", "العربية (μηνύματα στα ελληνικά / messages in Greek)"),
    ("fa", "فارسی (μηνύματα στα ελληνικά / messages in Greek)"),
    (
        "uk",
        "Українська (μηνύματα στα ελληνικά / messages in Greek)",
    ),
    ("fr", "Français (μηνύματα στα ελληνικά / messages in Greek)"),
    ("sq", "Shqip (μηνύματα στα ελληνικά / messages in Greek)"),
    ("ur", "اردو (μηνύματα στα ελληνικά / messages in Greek)"),
];

fn choices(
    state: &WebState,
    lang: Lang,
    topics: &[String],
    language: &str,
    cadence: &str,
) -> (Vec<Choice>, Vec<Choice>, Vec<Choice>) {
    let topic_choices = Topic::ALL
        .iter()
        .map(|t| Choice {
            value: t.as_str().into(),
            label: state.renderer.text(lang, &format!("topic-{}", t.as_str())),
            checked: topics.iter().any(|x| x == t.as_str() || x == "all"),
            selected: false,
        })
        .collect();
    let languages = LANGUAGE_NAMES
        .iter()
        .map(|(code, name)| Choice {
            value: (*code).into(),
            label: (*name).into(),
            checked: false,
            selected: *code == language,
        })
        .collect();
    let cadences = Cadence::ALL
        .iter()
        .map(|c| Choice {
            value: c.as_str().into(),
            label: state
                .renderer
                .text(lang, &format!("cadence-{}", c.as_str())),
            checked: c.as_str() == cadence,
            selected: false,
        })
        .collect();
    (topic_choices, languages, cadences)
}

#[derive(Serialize)]
struct SubscribePage {
    lang: &'static str,
    slug: String,
    tenant_name: String,
    csrf: String,
    email: String,
    errors: Vec<String>,
    topics: Vec<Choice>,
    languages: Vec<Choice>,
    cadences: Vec<Choice>,
}

struct Entered<'a> {
    email: &'a str,
    topics: &'a [String],
    language: &'a str,
    cadence: &'a str,
    errors: Vec<String>,
}

async fn subscribe_page(
    req: &Request,
    state: &WebState,
    slug: &str,
    entered: Entered<'_>,
    status: StatusCode,
) -> Response {
    let context = PageContext::of(req);
    let lang = context.lang;
    let tenant = match state.reads.tenant(slug).await {
        Ok(Some(found)) => found,
        Ok(None) => return error_page(state, &context, StatusCode::NOT_FOUND),
        Err(error) => {
            tracing::error!(error = ?error, "cannot load a municipality");
            return error_page(state, &context, StatusCode::INTERNAL_SERVER_ERROR);
        }
    };
    let (csrf, new_cookie) = csrf_token(req);
    let (topics, languages, cadences) = choices(
        state,
        lang,
        entered.topics,
        entered.language,
        entered.cadence,
    );
    let view = SubscribePage {
        lang: lang.code(),
        slug: slug.to_string(),
        tenant_name: crate::views::localize(&tenant.detail.name, lang).text,
        csrf,
        email: entered.email.to_string(),
        errors: entered.errors,
        topics,
        languages,
        cadences,
    };
    let title = state.renderer.text(lang, "subscribe-title");
    match state
        .renderer
        .render("subscribe", &view)
        .and_then(|body| layout(state, &context, &title, body))
    {
        Ok(html) => form_page(req, html_response(status, lang, html), new_cookie),
        Err(error) => {
            tracing::error!(error = ?error, "the subscription page failed to render");
            error_page(state, &context, StatusCode::INTERNAL_SERVER_ERROR)
        }
    }
}

#[handler]
pub async fn subscribe_form(
    req: &Request,
    slug: Path<String>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let lang = crate::i18n::language_of(req);
    let entered = Entered {
        email: "",
        topics: &["all".to_string()],
        language: lang.code(),
        cadence: "immediate",
        errors: Vec::new(),
    };
    subscribe_page(req, &state, &slug, entered, StatusCode::OK).await
}

fn field<'a>(fields: &'a [(String, String)], name: &str) -> &'a str {
    fields
        .iter()
        .find(|(k, _)| k == name)
        .map_or("", |(_, v)| v.as_str())
}

#[handler]
pub async fn subscribe(
    req: &Request,
    slug: Path<String>,
    fields: Form<Vec<(String, String)>>,
    state: Data<&Arc<WebState>>,
) -> Response {
    if !csrf_ok(req, field(&fields, "csrf")) {
        return csrf_failure(&state, req);
    }
    let context = PageContext::of(req);
    let lang = context.lang;
    let topics: Vec<String> = fields
        .iter()
        .filter(|(k, _)| k == "topics")
        .map(|(_, v)| v.clone())
        .collect();
    // A choice the form left empty means the default, as a field left out of the API's.
    let chosen = |name| Some(field(&fields, name)).filter(|v| !v.trim().is_empty());
    let input = SubscriptionRequest {
        email: field(&fields, "email").into(),
        topics: topics.iter().map(|t| t.as_str().into()).collect(),
        language: chosen("language").map(Into::into),
        cadence: chosen("cadence").map(Into::into),
    };
    let entered = |errors| Entered {
        email: field(&fields, "email"),
        topics: &topics,
        language: field(&fields, "language"),
        cadence: field(&fields, "cadence"),
        errors,
    };
    match state
        .notifications
        .subscribe(&slug, &client_ip(req), &input)
        .await
    {
        Ok(()) => {
            let heading = state.renderer.text(lang, "subscribe-sent-title");
            let text = state.renderer.text(lang, "subscribe-sent-text");
            no_store(message_page(
                &state,
                &context,
                StatusCode::OK,
                &heading,
                &text,
                None,
            ))
        }
        Err(ApiError::Validation(errors)) => {
            let messages = errors
                .iter()
                .map(|e| {
                    let key = match e.field.as_str() {
                        "email" => "subscribe-error-email",
                        "topics" => "subscribe-error-topics",
                        _ => "subscribe-error-other",
                    };
                    let label = state.renderer.text(lang, "subscribe-email");
                    match e.field.as_str() {
                        "email" => state.renderer.field_error(lang, &label, e),
                        _ => None,
                    }
                    .unwrap_or_else(|| state.renderer.text(lang, key))
                })
                .collect();
            subscribe_page(
                req,
                &state,
                &slug,
                entered(messages),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(ApiError::TooManyRequests { .. }) => {
            let limited = vec![state.renderer.text(lang, "subscribe-limited")];
            subscribe_page(
                req,
                &state,
                &slug,
                entered(limited),
                StatusCode::TOO_MANY_REQUESTS,
            )
            .await
        }
        Err(ApiError::NotFound(_)) => error_page(&state, &context, StatusCode::NOT_FOUND),
        Err(error) => {
            tracing::error!(error = ?error, "subscribing failed");
            error_page(&state, &context, StatusCode::INTERNAL_SERVER_ERROR)
        }
    }
}

fn message(
    state: &WebState,
    req: &Request,
    status: StatusCode,
    heading: &str,
    text: &str,
    link: Option<(&str, &str)>,
) -> Response {
    let context = PageContext::of(req);
    let heading = state.renderer.text(context.lang, heading);
    let text = state.renderer.text(context.lang, text);
    no_store(message_page(state, &context, status, &heading, &text, link))
}

fn invalid_link(state: &WebState, req: &Request) -> Response {
    message(
        state,
        req,
        StatusCode::NOT_FOUND,
        "link-invalid-title",
        "link-invalid-text",
        Some(("/", "back-home")),
    )
}

#[derive(Serialize)]
struct ActionPage {
    lang: &'static str,
    heading: String,
    text: String,
    action: String,
    button: String,
}

/// A page with one button: a link in a message only shows it, so that mail scanners that
/// open links do not confirm or unsubscribe anybody.
fn action_page(
    state: &WebState,
    req: &Request,
    keys: (&str, &str, &str),
    action: String,
) -> Response {
    let context = PageContext::of(req);
    let lang = context.lang;
    let view = ActionPage {
        lang: lang.code(),
        heading: state.renderer.text(lang, keys.0),
        text: state.renderer.text(lang, keys.1),
        button: state.renderer.text(lang, keys.2),
        action,
    };
    match state
        .renderer
        .render("action", &view)
        .and_then(|body| layout(state, &context, &view.heading, body))
    {
        Ok(html) => no_store(html_response(StatusCode::OK, lang, html)),
        Err(error) => {
            tracing::error!(error = ?error, "a subscription page failed to render");
            error_page(state, &context, StatusCode::INTERNAL_SERVER_ERROR)
        }
    }
}

#[handler]
pub async fn confirm_prompt(
    req: &Request,
    token: Path<String>,
    state: Data<&Arc<WebState>>,
) -> Response {
    match subscriptions::by_token(&state.notifications.db, &token).await {
        Ok(_) => action_page(
            &state,
            req,
            ("confirm-title", "confirm-text", "confirm-button"),
            format!("/subscriptions/{}/confirm", crate::encode(&token)),
        ),
        Err(_) => invalid_link(&state, req),
    }
}

#[handler]
pub async fn confirm(req: &Request, token: Path<String>, state: Data<&Arc<WebState>>) -> Response {
    match subscriptions::confirm(&state.notifications.db, &token).await {
        Ok(_) => {
            let settings_link = format!("/subscriptions/{}", crate::encode(&token));
            message(
                &state,
                req,
                StatusCode::OK,
                "confirmed-title",
                "confirmed-text",
                Some((&settings_link, "preferences-link")),
            )
        }
        Err(notifications::NotificationsError::NotFound(_)) => invalid_link(&state, req),
        Err(error) => {
            tracing::error!(error = ?error, "confirming failed");
            error_page(
                &state,
                &PageContext::of(req),
                StatusCode::INTERNAL_SERVER_ERROR,
            )
        }
    }
}

#[handler]
pub async fn unsubscribe_prompt(
    req: &Request,
    token: Path<String>,
    state: Data<&Arc<WebState>>,
) -> Response {
    action_page(
        &state,
        req,
        (
            "unsubscribe-title",
            "unsubscribe-text",
            "unsubscribe-button",
        ),
        format!("/subscriptions/{}/unsubscribe", crate::encode(&token)),
    )
}

/// The button, and mail clients' one-click unsubscribe: at once, whatever the body.
#[handler]
pub async fn unsubscribe(
    req: &Request,
    token: Path<String>,
    state: Data<&Arc<WebState>>,
) -> Response {
    match subscriptions::unsubscribe(&state.notifications.db, &token).await {
        Ok(_) => message(
            &state,
            req,
            StatusCode::OK,
            "unsubscribed-title",
            "unsubscribed-text",
            None,
        ),
        Err(error) => {
            tracing::error!(error = ?error, "unsubscribing failed");
            error_page(
                &state,
                &PageContext::of(req),
                StatusCode::INTERNAL_SERVER_ERROR,
            )
        }
    }
}

#[derive(Serialize)]
struct PreferencesPage {
    lang: &'static str,
    token: String,
    email: String,
    tenant: String,
    tenant_name: String,
    saved: bool,
    errors: Vec<String>,
    topics: Vec<Choice>,
    languages: Vec<Choice>,
    cadences: Vec<Choice>,
}

async fn preferences_page(
    req: &Request,
    state: &WebState,
    token: &str,
    saved: bool,
    errors: Vec<String>,
    status: StatusCode,
) -> Response {
    let context = PageContext::of(req);
    let lang = context.lang;
    let Ok(found) = subscriptions::by_token(&state.notifications.db, token).await else {
        return invalid_link(state, req);
    };
    let view = match state.notifications.subscription(&found).await {
        Ok(view) => view,
        Err(error) => {
            tracing::error!(error = ?error, "cannot read a subscription");
            return error_page(state, &context, StatusCode::INTERNAL_SERVER_ERROR);
        }
    };
    let tenant_name = match state.reads.tenant(&view.tenant).await {
        Ok(Some(t)) => crate::views::localize(&t.detail.name, lang).text,
        _ => view.tenant.clone(),
    };
    let topics: Vec<String> = view.topics.iter().map(|t| t.as_str().to_string()).collect();
    let (topics, languages, cadences) =
        choices(state, lang, &topics, &view.language, view.cadence.as_str());
    let page = PreferencesPage {
        lang: lang.code(),
        token: token.to_string(),
        email: view.email,
        tenant: view.tenant,
        tenant_name,
        saved,
        errors,
        topics,
        languages,
        cadences,
    };
    let title = state.renderer.text(lang, "preferences-title");
    match state
        .renderer
        .render("subscription", &page)
        .and_then(|body| layout(state, &context, &title, body))
    {
        Ok(html) => no_store(html_response(status, lang, html)),
        Err(error) => {
            tracing::error!(error = ?error, "the preferences page failed to render");
            error_page(state, &context, StatusCode::INTERNAL_SERVER_ERROR)
        }
    }
}

#[handler]
pub async fn preferences(
    req: &Request,
    token: Path<String>,
    state: Data<&Arc<WebState>>,
) -> Response {
    preferences_page(req, &state, &token, false, Vec::new(), StatusCode::OK).await
}

/// The preferences form (`action=save`) and erasure (`action=erase`).
#[handler]
pub async fn change_preferences(
    req: &Request,
    token: Path<String>,
    fields: Form<Vec<(String, String)>>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let lang = crate::i18n::language_of(req);
    if field(&fields, "action") == "erase" {
        return match subscriptions::erase(&state.notifications.db, &token).await {
            Ok(()) => message(
                &state,
                req,
                StatusCode::OK,
                "erased-title",
                "erased-text",
                Some(("/", "back-home")),
            ),
            Err(notifications::NotificationsError::NotFound(_)) => invalid_link(&state, req),
            Err(error) => {
                tracing::error!(error = ?error, "erasing failed");
                error_page(
                    &state,
                    &PageContext::of(req),
                    StatusCode::INTERNAL_SERVER_ERROR,
                )
            }
        };
    }
    let input = PreferencesInput {
        topics: fields
            .iter()
            .filter(|(k, _)| k == "topics")
            .map(|(_, v)| v.as_str().into())
            .collect(),
        language: field(&fields, "language").into(),
        cadence: field(&fields, "cadence").into(),
    };
    match state.notifications.change_preferences(&token, &input).await {
        Ok(_) => preferences_page(req, &state, &token, true, Vec::new(), StatusCode::OK).await,
        Err(ApiError::Validation(errors)) => {
            let messages = errors
                .iter()
                .map(|e| {
                    state.renderer.text(
                        lang,
                        if e.field == "topics" {
                            "subscribe-error-topics"
                        } else {
                            "subscribe-error-other"
                        },
                    )
                })
                .collect();
            preferences_page(
                req,
                &state,
                &token,
                false,
                messages,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(ApiError::NotFound(_)) => invalid_link(&state, req),
        Err(error) => {
            tracing::error!(error = ?error, "saving preferences failed");
            error_page(
                &state,
                &PageContext::of(req),
                StatusCode::INTERNAL_SERVER_ERROR,
            )
        }
    }
}

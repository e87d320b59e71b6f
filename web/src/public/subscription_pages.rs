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
    web::{Data, Form as PostedForm, Path},
};
use serde::Serialize;

use crate::{
    PageContext, WebState, error_page,
    forms::{Field, Form, Submitted, render_page},
    html_response,
    i18n::Lang,
    layout, message_page,
    sign_in::{csrf_failure, no_store},
};

#[derive(Serialize)]
struct Choice {
    value: String,
    label: String,
    checked: bool,
    selected: bool,
}

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
    // Each language by its own name: the messages are written in it.
    let languages = Lang::ALL
        .iter()
        .map(|other| Choice {
            value: other.code().into(),
            label: other.endonym().into(),
            checked: false,
            selected: other.code() == language,
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
    form: Form,
}

/// The subscription form: address, topics, language of the messages, how often. `topics`,
/// `language` and `cadence` are what to show chosen.
fn subscribe_form(
    state: &WebState,
    req: &Request,
    lang: Lang,
    slug: &str,
    (topics, language, cadence): (&[&str], &str, &str),
) -> Form {
    let t = |key: &str| state.renderer.text(lang, key);
    let (topic_choices, languages, cadences) = choices(state, lang, &[], language, cadence);
    let pairs = |list: Vec<Choice>| -> Vec<(String, String)> {
        list.into_iter().map(|c| (c.value, c.label)).collect()
    };
    let all = topics.contains(&"all");
    let ticked: Vec<&str> = topic_choices
        .iter()
        .map(|c| c.value.as_str())
        .filter(|v| all || topics.contains(v))
        .collect();
    let ticked: Vec<String> = ticked.into_iter().map(str::to_string).collect();
    let ticked: Vec<&str> = ticked.iter().map(String::as_str).collect();
    Form::new(
        req,
        format!("/municipalities/{slug}/subscribe"),
        t("subscribe-button"),
        lang,
        &state.renderer,
    )
    .field(
        Field::new("email", "email", t("subscribe-email"))
            .autocomplete("email")
            .required(),
    )
    .field(
        Field::new("topics", "checkboxes", t("subscribe-topics"))
            .choices(pairs(topic_choices))
            .ticked(&ticked),
    )
    .field(
        Field::new("language", "select", t("subscribe-language"))
            .choices(pairs(languages))
            .value(language),
    )
    .field(
        Field::new("cadence", "radios", t("subscribe-cadence"))
            .choices(pairs(cadences))
            .value(cadence),
    )
}

async fn subscribe_page(req: &Request, state: &WebState, slug: &str, form: Form) -> Response {
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
    let status = crate::forms::public_form_status(&form);
    let new_cookie = form.new_cookie.clone();
    let view = SubscribePage {
        lang: lang.code(),
        slug: slug.to_string(),
        tenant_name: crate::views::localize(&tenant.detail.name, lang).text,
        form,
    };
    let title = state.renderer.text(lang, "subscribe-title");
    let page = ("subscribe", title.as_str());
    render_page(state, req, &context, page, &view, (status, new_cookie))
}

#[handler]
pub async fn subscribe_form_page(
    req: &Request,
    slug: Path<String>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let lang = crate::i18n::language_of(req);
    let form = subscribe_form(
        &state,
        req,
        lang,
        &slug,
        (&["all"], lang.code(), "immediate"),
    );
    subscribe_page(req, &state, &slug, form).await
}

#[handler]
pub async fn subscribe(
    req: &Request,
    slug: Path<String>,
    fields: PostedForm<Vec<(String, String)>>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let submitted = Submitted(fields.0);
    if !submitted.genuine(req) {
        return csrf_failure(&state, req);
    }
    let context = PageContext::of(req);
    let lang = context.lang;
    let topics = submitted.values("topics");
    // A choice the form left empty means the default, as a field left out of the API's.
    let input = SubscriptionRequest {
        email: submitted.value("email").into(),
        topics: topics.iter().map(|t| (*t).into()).collect(),
        language: submitted.optional("language").map(Into::into),
        cadence: submitted.optional("cadence").map(Into::into),
    };
    let outcome = state
        .notifications
        .subscribe(&slug, &client_ip(req), &input)
        .await;
    let mut form = subscribe_form(
        &state,
        req,
        lang,
        &slug,
        (
            &topics,
            submitted.value("language"),
            submitted.value("cadence"),
        ),
    )
    .keep(&submitted);
    match outcome {
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
        Err(ApiError::TooManyRequests { .. }) => {
            form.problem(state.renderer.text(lang, "subscribe-limited"));
            subscribe_page(req, &state, &slug, form).await
        }
        Err(ApiError::NotFound(_)) => error_page(&state, &context, StatusCode::NOT_FOUND),
        Err(ApiError::Validation(errors)) => {
            form.show_errors(&state.renderer, lang, &errors, &[]);
            subscribe_page(req, &state, &slug, form).await
        }
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

pub(super) fn invalid_link(state: &WebState, req: &Request) -> Response {
    message(
        state,
        req,
        StatusCode::NOT_FOUND,
        "link-invalid-title",
        "link-invalid-text",
        Some(("/", "back-home")),
    )
}

/// What a resident's link leads to when the service refuses: an unknown or expired link
/// says so; anything else is logged with its cause and shown as a server error.
fn link_failed(
    state: &WebState,
    req: &Request,
    error: notifications::NotificationsError,
    doing: &str,
) -> Response {
    if let notifications::NotificationsError::NotFound(_) = error {
        return invalid_link(state, req);
    }
    tracing::error!(error = ?error, "{doing} failed");
    error_page(
        state,
        &PageContext::of(req),
        StatusCode::INTERNAL_SERVER_ERROR,
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
        Err(error) => link_failed(&state, req, error, "reading a subscription"),
    }
}

#[handler]
pub async fn confirm(req: &Request, token: Path<String>, state: Data<&Arc<WebState>>) -> Response {
    match subscriptions::confirm(&state.notifications.db, &token, &client_ip(req)).await {
        Ok(_) => crate::forms::redirect(&format!(
            "/subscriptions/{}/confirmed",
            crate::encode(&token)
        )),
        Err(error) => link_failed(&state, req, error, "confirming"),
    }
}

/// Where confirming leads (POST-redirect-GET: reloading it sends nothing again). A link
/// not yet confirmed goes to the page that asks.
#[handler]
pub async fn confirmed(
    req: &Request,
    token: Path<String>,
    state: Data<&Arc<WebState>>,
) -> Response {
    match subscriptions::by_token(&state.notifications.db, &token).await {
        Ok(found) if found.state == "active" => {
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
        Ok(_) => {
            crate::forms::redirect(&format!("/subscriptions/{}/confirm", crate::encode(&token)))
        }
        Err(error) => link_failed(&state, req, error, "reading a subscription"),
    }
}

/// Where erasing leads: nothing about the subscription is left to show, so the page says
/// only that it is done.
#[handler]
pub async fn erased(req: &Request, state: Data<&Arc<WebState>>) -> Response {
    message(
        &state,
        req,
        StatusCode::OK,
        "erased-title",
        "erased-text",
        Some(("/", "back-home")),
    )
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

/// The button, and mail clients' one-click unsubscribe: at once, whatever the body. A mail
/// client's POST (RFC 8058: its body says `List-Unsubscribe=One-Click`) gets its answer
/// there; the page's button is sent on to a page that says it is done (POST-redirect-GET).
#[handler]
pub async fn unsubscribe(
    req: &Request,
    token: Path<String>,
    body: Vec<u8>,
    state: Data<&Arc<WebState>>,
) -> Response {
    match subscriptions::unsubscribe(&state.notifications.db, &token).await {
        Ok(_) if is_one_click(&body) => unsubscribed_message(&state, req),
        Ok(_) => crate::forms::redirect("/subscriptions/unsubscribed"),
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

fn is_one_click(body: &[u8]) -> bool {
    body.windows(b"One-Click".len())
        .any(|part| part.eq_ignore_ascii_case(b"One-Click"))
}

/// Where unsubscribing leads: the subscription is gone, so the page says only that.
#[handler]
pub async fn unsubscribed(req: &Request, state: Data<&Arc<WebState>>) -> Response {
    unsubscribed_message(&state, req)
}

fn unsubscribed_message(state: &WebState, req: &Request) -> Response {
    message(
        state,
        req,
        StatusCode::OK,
        "unsubscribed-title",
        "unsubscribed-text",
        None,
    )
}

#[derive(Serialize)]
struct PreferencesPage {
    lang: &'static str,
    token: String,
    email: String,
    tenant: String,
    tenant_name: String,
    saved: bool,
    form: Form,
}

/// The preferences form: topics, language and cadence, as `chosen` says.
fn preferences_form(
    state: &WebState,
    req: &Request,
    lang: Lang,
    token: &str,
    (topics, language, cadence): (&[&str], &str, &str),
) -> Form {
    let t = |key: &str| state.renderer.text(lang, key);
    let (topic_choices, languages, cadences) = choices(state, lang, &[], language, cadence);
    let pairs = |list: Vec<Choice>| -> Vec<(String, String)> {
        list.into_iter().map(|c| (c.value, c.label)).collect()
    };
    Form::new(
        req,
        format!("/subscriptions/{token}"),
        t("preferences-save"),
        lang,
        &state.renderer,
    )
    .hidden("action", "save")
    .field(
        Field::new("topics", "checkboxes", t("subscribe-topics"))
            .choices(pairs(topic_choices))
            .ticked(topics),
    )
    .field(
        Field::new("language", "select", t("subscribe-language"))
            .choices(pairs(languages))
            .value(language),
    )
    .field(
        Field::new("cadence", "radios", t("subscribe-cadence"))
            .choices(pairs(cadences))
            .value(cadence),
    )
}

/// The preferences page; `returned` is the form sent back with its errors.
async fn preferences_page(
    req: &Request,
    state: &WebState,
    token: &str,
    returned: Option<Form>,
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
    let status = if returned.as_ref().is_some_and(Form::has_errors) {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let form = returned.unwrap_or_else(|| {
        let topics: Vec<&str> = view.topics.iter().map(|t| t.as_str()).collect();
        preferences_form(
            state,
            req,
            lang,
            token,
            (&topics, &view.language, view.cadence.as_str()),
        )
    });
    let new_cookie = form.new_cookie.clone();
    let saved = req.uri().query() == Some("done=saved");
    let page = PreferencesPage {
        lang: lang.code(),
        token: token.to_string(),
        email: view.email,
        tenant: view.tenant,
        tenant_name,
        saved,
        form,
    };
    let title = state.renderer.text(lang, "preferences-title");
    let template = ("subscription", title.as_str());
    render_page(state, req, &context, template, &page, (status, new_cookie))
}

#[handler]
pub async fn preferences(
    req: &Request,
    token: Path<String>,
    state: Data<&Arc<WebState>>,
) -> Response {
    preferences_page(req, &state, &token, None).await
}

/// Erasing everything about a subscription cannot be undone: this page asks first.
#[handler]
pub async fn confirm_erase(
    req: &Request,
    token: Path<String>,
    state: Data<&Arc<WebState>>,
) -> Response {
    if let Err(error) = subscriptions::by_token(&state.notifications.db, &token).await {
        return link_failed(&state, req, error, "reading a subscription");
    }
    let context = PageContext::of(req);
    let lang = context.lang;
    let view = EraseView {
        lang: lang.code(),
        action: format!("/subscriptions/{}", token.0),
        back: format!("/subscriptions/{}", token.0),
    };
    let title = state.renderer.text(lang, "erase-confirm-title");
    match state
        .renderer
        .render("erase_confirm", &view)
        .and_then(|body| layout(&state, &context, &title, body))
    {
        Ok(html) => no_store(html_response(StatusCode::OK, lang, html)),
        Err(error) => {
            tracing::error!(error = ?error, "the erasure page failed to render");
            error_page(&state, &context, StatusCode::INTERNAL_SERVER_ERROR)
        }
    }
}

#[derive(Serialize)]
struct EraseView {
    lang: &'static str,
    action: String,
    back: String,
}

/// The preferences form (`action=save`) and erasure (`action=erase`, from the page that
/// asks first).
#[handler]
pub async fn change_preferences(
    req: &Request,
    token: Path<String>,
    fields: PostedForm<Vec<(String, String)>>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let lang = crate::i18n::language_of(req);
    let submitted = Submitted(fields.0);
    if submitted.value("action") == "erase" {
        return match subscriptions::erase(&state.notifications.db, &token).await {
            Ok(()) => crate::forms::redirect("/subscriptions/erased"),
            Err(error) => link_failed(&state, req, error, "erasing"),
        };
    }
    let topics = submitted.values("topics");
    let input = PreferencesInput {
        topics: topics.iter().map(|t| (*t).into()).collect(),
        language: submitted.value("language").into(),
        cadence: submitted.value("cadence").into(),
    };
    match state.notifications.change_preferences(&token, &input).await {
        Ok(_) => crate::forms::redirect(&format!("/subscriptions/{}?done=saved", token.0)),
        Err(ApiError::Validation(errors)) => {
            let mut form = preferences_form(
                &state,
                req,
                lang,
                &token,
                (
                    &topics,
                    submitted.value("language"),
                    submitted.value("cadence"),
                ),
            )
            .keep(&submitted);
            form.show_errors(&state.renderer, lang, &errors, &[]);
            preferences_page(req, &state, &token, Some(form)).await
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

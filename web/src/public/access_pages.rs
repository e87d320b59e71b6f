//! "Ask for access", from a municipality's page: someone without a role (an NGO that wants
//! to share a practice, a new council member) asks its administrators for one. The same
//! function as the API's `POST /tenants/{slug}/access-requests` takes it; what comes back
//! is the same whether or not the address has an account, so the page tells nobody who is
//! registered.

use std::sync::Arc;

use council_shared::{ApiError, http::client_ip};
use poem::{
    Request, Response, handler,
    http::StatusCode,
    web::{Data, Form as PostedForm, Path},
};
use serde::Serialize;
use tenants::{
    api::access_requests::{AccessRequestInput, RequestedRole},
    identity::requests::REQUESTABLE,
};

use crate::{
    PageContext, WebState, error_page,
    forms::{self, Field, Form, Submitted, render_page},
    i18n::Lang,
    message_page,
    sign_in::{csrf_failure, no_store},
};

fn access_href(slug: &str) -> String {
    format!("/municipalities/{slug}/access")
}

fn request_form(state: &WebState, req: &Request, lang: Lang, slug: &str) -> Form {
    let t = |key: &str| state.renderer.text(lang, key);
    let roles = REQUESTABLE
        .iter()
        .map(|role| {
            let key = format!("access-role-{}", role.as_str().replace('_', "-"));
            (role.as_str().to_string(), t(&key))
        })
        .collect();
    Form::new(
        req,
        access_href(slug),
        t("ask-submit"),
        lang,
        &state.renderer,
    )
    .field(
        Field::new("full_name", "text", t("ask-name"))
            .autocomplete("name")
            .required(),
    )
    .field(
        Field::new("organisation", "text", t("ask-organisation"))
            .hint(t("ask-organisation-hint"))
            .autocomplete("organization"),
    )
    .field(
        Field::new("email", "email", t("ask-email"))
            .hint(t("ask-email-hint"))
            .autocomplete("email")
            .required(),
    )
    .field(Field::new("role", "radios", t("ask-role")).choices(roles))
    .field(
        Field::new("reason", "textarea", t("ask-reason"))
            .hint(t("ask-reason-hint"))
            .required(),
    )
}

#[derive(Serialize)]
struct AskPage {
    lang: &'static str,
    heading: String,
    back_href: String,
    tenant_name: String,
    form: Form,
}

async fn ask_page(req: &Request, state: &WebState, slug: &str, form: Form) -> Response {
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
    let status = forms::public_form_status(&form);
    let new_cookie = form.new_cookie.clone();
    let heading = state.renderer.text(lang, "ask-title");
    let view = AskPage {
        lang: lang.code(),
        heading: heading.clone(),
        back_href: format!("/municipalities/{slug}"),
        tenant_name: crate::views::localize(&tenant.detail.name, lang).text,
        form,
    };
    let page = ("ask_access", heading.as_str());
    render_page(state, req, &context, page, &view, (status, new_cookie))
}

#[handler]
pub async fn ask_form(req: &Request, slug: Path<String>, state: Data<&Arc<WebState>>) -> Response {
    let lang = crate::i18n::language_of(req);
    let form = request_form(&state, req, lang, &slug);
    ask_page(req, &state, &slug, form).await
}

#[handler]
pub async fn ask(
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
    let mut form = request_form(&state, req, lang, &slug).keep(&submitted);
    let outcome = match RequestedRole::parse(submitted.value("role")) {
        Some(role) => {
            let input = AccessRequestInput {
                full_name: submitted.value("full_name").into(),
                organisation: submitted.optional("organisation"),
                email: submitted.value("email").into(),
                role,
                reason: submitted.value("reason").into(),
            };
            let from = (crate::sign_in::public_url(req), client_ip(req));
            state
                .access
                .request_access((&from.0, &from.1), &slug, &input)
                .await
        }
        // No role chosen: the other fields are still checked, so every mistake shows.
        None => {
            let probe = tenants::identity::requests::NewAccessRequest::parse(
                submitted.value("full_name"),
                submitted.optional("organisation").as_deref(),
                submitted.value("email"),
                submitted.value("role"),
                submitted.value("reason"),
            );
            Err(ApiError::Validation(probe.err().unwrap_or_default()))
        }
    };
    match outcome {
        Ok(()) => forms::redirect(&format!("{}/sent", access_href(&slug))),
        Err(ApiError::TooManyRequests { .. }) => {
            form.problem(state.renderer.text(lang, "ask-limited"));
            ask_page(req, &state, &slug, form).await
        }
        Err(ApiError::Validation(errors)) => {
            form.show_errors(&state.renderer, lang, &errors, &[]);
            ask_page(req, &state, &slug, form).await
        }
        Err(ApiError::NotFound(_)) => error_page(&state, &context, StatusCode::NOT_FOUND),
        // An archived municipality takes no requests.
        Err(ApiError::Conflict(_)) => error_page(&state, &context, StatusCode::CONFLICT),
        Err(error) => {
            tracing::error!(error = ?error, "a request for access failed");
            error_page(&state, &context, StatusCode::INTERNAL_SERVER_ERROR)
        }
    }
}

#[handler]
pub async fn sent(req: &Request, slug: Path<String>, state: Data<&Arc<WebState>>) -> Response {
    let context = PageContext::of(req);
    let heading = state.renderer.text(context.lang, "ask-sent-title");
    let text = state.renderer.text(context.lang, "ask-sent-text");
    let back = format!("/municipalities/{}", slug.0);
    no_store(message_page(
        &state,
        &context,
        StatusCode::OK,
        &heading,
        &text,
        Some((&back, "ask-back")),
    ))
}

//! The municipality's own sign-in provider, for its administrators: an OpenID Connect
//! directory (its staff accounts, say) offered as a second button on the sign-in page. The
//! secret is write-only; the issuer's address must be `https` on the public internet (the
//! API's rule). Saved and removed through the same functions as the API's
//! `/tenants/{slug}/sign-in-provider`.

use std::sync::Arc;

use council_shared::{ApiError, http::client_ip};
use poem::{
    Request, Response, handler,
    web::{Data, Form as PostedForm, Path},
};
use serde::Serialize;
use tenants::api::{access_models::SignInProviderInput, sign_in_provider::provider_version};

use super::{failed, received, show_form, signed_in};
use crate::{
    PageContext, WebState,
    forms::{self, Field, Form},
    i18n::Lang,
};

fn provider_href(slug: &str) -> String {
    format!("/workspace/{slug}/sign-in-provider")
}

fn provider_form(state: &WebState, req: &Request, lang: Lang, slug: &str, stored: bool) -> Form {
    let t = |key: &str| state.renderer.text(lang, key);
    let secret_hint = if stored {
        t("provider-secret-kept")
    } else {
        t("provider-secret-hint")
    };
    Form::new(
        req,
        provider_href(slug),
        t("provider-save"),
        lang,
        &state.renderer,
    )
    .field(
        Field::new("display_name", "text", t("provider-name"))
            .hint(t("provider-name-hint"))
            .required(),
    )
    .field(
        Field::new("issuer_url", "url", t("provider-issuer"))
            .hint(t("provider-issuer-hint"))
            .required(),
    )
    .field(Field::new("client_id", "text", t("provider-client-id")).required())
    .field(
        Field::new("client_secret", "password", t("provider-secret"))
            .hint(secret_hint)
            .autocomplete("new-password"),
    )
}

#[derive(Serialize)]
struct ProviderPage {
    lang: &'static str,
    heading: String,
    done: Option<String>,
    redirect_uri: String,
    /// When one is saved: its button's label and the address to remove it.
    saved_name: Option<String>,
    remove_href: Option<String>,
    form: Form,
}

fn provider_page(
    state: &WebState,
    req: &Request,
    context: &PageContext,
    (slug, saved_name): (&str, Option<String>),
    form: Form,
) -> Response {
    let lang = context.lang;
    let heading = state.renderer.text(lang, "provider-heading");
    let view = ProviderPage {
        lang: lang.code(),
        heading: heading.clone(),
        done: super::done_banner(state, req, lang),
        redirect_uri: format!("{}/auth/callback", crate::sign_in::public_url(req)),
        remove_href: saved_name
            .as_ref()
            .map(|_| format!("{}/remove", provider_href(slug))),
        saved_name,
        form,
    };
    show_form(
        state,
        req,
        context,
        ("workspace_sign_in_provider", &heading),
        &view,
        &view.form,
    )
}

#[handler]
pub async fn provider(
    req: &Request,
    Path(slug): Path<String>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, principal) = match signed_in(req) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let (_, stored) = match state.access.sign_in_provider(&principal, &slug).await {
        Ok(found) => found,
        Err(error) => return failed(&state, &context, error),
    };
    let mut form = provider_form(&state, req, context.lang, &slug, stored.is_some())
        .hidden("version", provider_version(stored.as_ref()));
    if let Some(row) = &stored {
        form = form.fill([
            ("display_name", row.display_name.clone()),
            ("issuer_url", row.issuer_url.clone()),
            ("client_id", row.client_id.clone()),
        ]);
    }
    let name = stored.map(|row| row.display_name);
    provider_page(&state, req, &context, (&slug, name), form)
}

#[handler]
pub async fn save_provider(
    req: &Request,
    Path(slug): Path<String>,
    posted: PostedForm<Vec<(String, String)>>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, principal, submitted) = match received(&state, req, posted.0) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let input = SignInProviderInput {
        display_name: submitted.value("display_name").into(),
        issuer_url: submitted.value("issuer_url").trim().into(),
        client_id: submitted.value("client_id").into(),
        client_secret: submitted.optional("client_secret"),
    };
    let seen = submitted.value("version").to_string();
    let outcome = state
        .access
        .save_sign_in_provider(&client_ip(req), &principal, &slug, (&input, Some(&seen)))
        .await;
    let error = match outcome {
        Ok(_) => return forms::redirect(&format!("{}?done=provider-saved", provider_href(&slug))),
        Err(error) => error,
    };
    let (_, stored) = match state.access.sign_in_provider(&principal, &slug).await {
        Ok(found) => found,
        Err(other) => return failed(&state, &context, other),
    };
    let lang = context.lang;
    let mut form = provider_form(&state, req, lang, &slug, stored.is_some())
        .keep(&submitted)
        .hidden("version", seen.clone());
    // A secret is never written back into a page.
    if let Some(secret) = form.fields.get_mut("client_secret") {
        secret.value.clear();
    }
    let current = provider_version(stored.as_ref());
    if matches!(error, ApiError::Conflict(_)) && current != seen {
        form.changed_meanwhile(&state.renderer, lang, current);
    } else if let Err(other) = form.show_refusal(&state.renderer, lang, error, &[]) {
        return failed(&state, &context, other);
    }
    let name = stored.map(|row| row.display_name);
    provider_page(&state, req, &context, (&slug, name), form)
}

#[derive(Serialize)]
struct RemovePage {
    lang: &'static str,
    heading: String,
    explain: String,
    back_href: String,
    back_label: String,
    form: Form,
}

#[handler]
pub async fn confirm_remove(
    req: &Request,
    Path(slug): Path<String>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, principal) = match signed_in(req) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let stored = match state.access.sign_in_provider(&principal, &slug).await {
        Ok((_, Some(row))) => row,
        // Nothing to remove (removed meanwhile, say): the provider's page says so.
        Ok((_, None)) => return forms::redirect(&provider_href(&slug)),
        Err(error) => return failed(&state, &context, error),
    };
    let lang = context.lang;
    let t = |key: &str| state.renderer.text(lang, key);
    let heading = t("provider-remove-heading");
    let view = RemovePage {
        lang: lang.code(),
        heading: heading.clone(),
        explain: state.renderer.text_with(
            lang,
            "provider-remove-explain",
            &[("name", &stored.display_name)],
        ),
        back_href: provider_href(&slug),
        back_label: t("provider-heading"),
        form: Form::new(
            req,
            format!("{}/remove", provider_href(&slug)),
            t("provider-remove"),
            lang,
            &state.renderer,
        ),
    };
    show_form(
        &state,
        req,
        &context,
        ("workspace_revoke", &heading),
        &view,
        &view.form,
    )
}

#[handler]
pub async fn remove_provider(
    req: &Request,
    Path(slug): Path<String>,
    posted: PostedForm<Vec<(String, String)>>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, principal, _) = match received(&state, req, posted.0) {
        Ok(found) => found,
        Err(response) => return response,
    };
    match state
        .access
        .remove_sign_in_provider(&client_ip(req), &principal, &slug)
        .await
    {
        Ok(()) => forms::redirect(&format!("{}?done=provider-removed", provider_href(&slug))),
        // Already gone: what was asked for is done.
        Err(ApiError::NotFound(_)) => forms::redirect(&provider_href(&slug)),
        Err(error) => failed(&state, &context, error),
    }
}

//! A municipality's data protection officer, for its administrators: whom its privacy
//! notice names for residents to write to. Saved through the same function as the API's
//! `PUT /tenants/{slug}/data-protection-officer`.

use std::sync::Arc;

use council_shared::input_fields::OptionalEmailText;
use poem::{
    Request, Response, handler,
    web::{Data, Form as PostedForm, Path},
};
use tenants::api::{
    commands,
    data_protection::{OfficerInput, set_officer},
};

use super::{
    failed,
    platform::{FormPage, form_page},
    received, signed_in,
};
use crate::{
    PageContext, WebState,
    forms::{self, Field, Form},
    i18n::Lang,
};

fn href(slug: &str) -> String {
    format!("/workspace/{slug}/data-protection")
}

fn officer_form(state: &WebState, req: &Request, lang: Lang, slug: &str) -> Form {
    let t = |key: &str| state.renderer.text(lang, key);
    Form::new(
        req,
        href(slug),
        t("member-form-save"),
        lang,
        &state.renderer,
    )
    .field(
        Field::new("name", "text", t("data-protection-name"))
            .hint(t("data-protection-name-hint"))
            .autocomplete("off"),
    )
    .field(
        Field::new("email", "email", t("data-protection-email"))
            .hint(t("data-protection-email-hint"))
            .autocomplete("off"),
    )
}

fn page(
    state: &WebState,
    req: &Request,
    context: &PageContext,
    done: Option<String>,
    form: Form,
) -> Response {
    let lang = context.lang;
    let t = |key: &str| state.renderer.text(lang, key);
    let view = FormPage {
        lang: lang.code(),
        heading: t("data-protection-title"),
        back_href: "/workspace".into(),
        back_label: t("workspace-title"),
        intro: vec![t("data-protection-intro"), t("data-protection-notice")],
        warning: false,
        done,
        blocked: None,
        form,
    };
    form_page(state, req, context, view)
}

#[handler]
pub async fn edit(
    req: &Request,
    Path(slug): Path<String>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, principal) = match signed_in(req) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let tenant = match commands::check_administers(state.accounts.db(), &principal, &slug).await {
        Ok(tenant) => tenant,
        Err(error) => return failed(&state, &context, error.into()),
    };
    let lang = context.lang;
    let form = officer_form(&state, req, lang, &slug).fill([
        ("name", tenant.dpo_name.unwrap_or_default()),
        ("email", tenant.dpo_email.unwrap_or_default()),
    ]);
    let done = super::done_banner(&state, req, lang);
    page(&state, req, &context, done, form)
}

#[handler]
pub async fn save(
    req: &Request,
    Path(slug): Path<String>,
    posted: PostedForm<Vec<(String, String)>>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, principal, submitted) = match received(&state, req, posted.0) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let input = OfficerInput {
        name: submitted.optional("name"),
        email: submitted.optional("email").map(OptionalEmailText::from),
    };
    let error = match set_officer(
        (state.accounts.db(), &state.reads),
        &principal,
        &slug,
        &input,
    )
    .await
    {
        Ok(_) => return forms::redirect(&format!("{}?done=saved", href(&slug))),
        Err(error) => error,
    };
    let lang = context.lang;
    let mut form = officer_form(&state, req, lang, &slug).keep(&submitted);
    if let Err(other) = form.show_refusal(&state.renderer, lang, error.into(), &[]) {
        return failed(&state, &context, other);
    }
    page(&state, req, &context, None, form)
}

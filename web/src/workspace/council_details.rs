//! The council's own details, for its municipality's administrators: its name, the
//! municipal council's decision that set it up and where it is published, and its term.
//! Saved through the same command as the API's `PUT /tenants/{slug}/council`; a stale copy
//! is refused, not overwritten.

use std::sync::Arc;

use council_shared::FieldError;
use poem::{
    Request, Response, handler,
    web::{Data, Form as PostedForm, Path},
};
use tenants::{api::commands, error::TenantsError, service::council};

use super::{
    council::{council_href, day, member_page, optional_date},
    failed, received, signed_in,
};
use crate::{
    WebState,
    forms::{self, Field, Form, Submitted},
    i18n::Lang,
};

fn details_form(state: &WebState, req: &Request, lang: Lang, slug: &str) -> Form {
    let t = |key: &str| state.renderer.text(lang, key);
    Form::new(
        req,
        format!("{}/details", council_href(slug)),
        t("member-form-save"),
        lang,
        &state.renderer,
    )
    .field(
        Field::new("name_el", "text", t("council-form-name-el"))
            .hint(t("council-form-name-hint"))
            .required(),
    )
    .field(Field::new("name_en", "text", t("council-form-name-en")))
    .field(
        Field::new("decision_reference", "text", t("council-form-decision"))
            .hint(t("council-form-decision-hint")),
    )
    .field(
        Field::new("decision_date", "text", t("council-form-decision-date"))
            .hint(t("meeting-form-date-hint"))
            .width("medium"),
    )
    .field(
        Field::new("decision_url", "url", t("council-form-decision-url"))
            .hint(t("council-form-decision-url-hint")),
    )
    .field(
        Field::new("term_start", "text", t("member-form-term-start"))
            .hint(t("meeting-form-date-hint"))
            .width("medium"),
    )
    .field(
        Field::new("term_end", "text", t("member-form-term-end"))
            .hint(t("meeting-form-date-hint"))
            .width("medium"),
    )
}

/// The details form as the API's input; days that cannot be read are errors of their own.
fn details_input(
    submitted: &Submitted,
) -> Result<tenants::api::models::CouncilUpdate, Vec<FieldError>> {
    let mut errors = Vec::new();
    let decision_date = optional_date(submitted, "decision_date", &mut errors);
    let term_start = optional_date(submitted, "term_start", &mut errors);
    let term_end = optional_date(submitted, "term_end", &mut errors);
    let input = tenants::api::models::CouncilUpdate {
        name: tenants::api::models::Text {
            el: submitted.value("name_el").to_string(),
            en: submitted.optional("name_en"),
        },
        decision_reference: submitted.optional("decision_reference"),
        decision_date,
        decision_url: submitted.optional("decision_url"),
        term_start,
        term_end,
    };
    if errors.is_empty() {
        return Ok(input);
    }
    if let Err(more) = tenants::domain::CouncilDetails::parse(&input) {
        errors.extend(more);
    }
    Err(errors)
}

/// The API names the council's name `name.el` and `name.en`.
const DETAIL_NAMES: [(&str, &str); 2] = [("name.el", "name_el"), ("name.en", "name_en")];

#[handler]
pub async fn edit_details(
    req: &Request,
    Path(slug): Path<String>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, principal) = match signed_in(req) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let db = state.accounts.db();
    let stored = match commands::check_administers(db, &principal, &slug).await {
        Ok(tenant) => council::load(db, tenant.id).await,
        Err(error) => Err(error),
    };
    let stored = match stored {
        Ok(stored) => stored,
        Err(error) => return failed(&state, &context, error.into()),
    };
    let lang = context.lang;
    let mut form = details_form(&state, req, lang, &slug).hidden(
        "version",
        commands::council_version(stored.council.as_ref()),
    );
    if let Some(c) = &stored.council {
        form = form.fill([
            ("name_el", c.name_el.clone()),
            ("name_en", c.name_en.clone().unwrap_or_default()),
            (
                "decision_reference",
                c.decision_reference.clone().unwrap_or_default(),
            ),
            ("decision_date", day(c.decision_date)),
            ("decision_url", c.decision_url.clone().unwrap_or_default()),
            ("term_start", day(c.term_start)),
            ("term_end", day(c.term_end)),
        ]);
    }
    let heading = state.renderer.text(lang, "council-details-heading");
    member_page(&state, req, &context, (heading, &slug), form)
}

#[handler]
pub async fn save_details(
    req: &Request,
    Path(slug): Path<String>,
    posted: PostedForm<Vec<(String, String)>>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, principal, submitted) = match received(&state, req, posted.0) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let db = state.accounts.db();
    let tenant = match commands::check_administers(db, &principal, &slug).await {
        Ok(tenant) => tenant,
        Err(error) => return failed(&state, &context, error.into()),
    };
    let seen = submitted.value("version").to_string();
    let outcome = match details_input(&submitted) {
        Ok(input) => {
            commands::save_council_details(
                (db, &state.reads),
                &principal,
                &slug,
                &input,
                Some(&seen),
            )
            .await
        }
        Err(errors) => Err(TenantsError::Invalid(errors)),
    };
    let error = match outcome {
        Ok(()) => return forms::redirect(&format!("{}?done=council-saved", council_href(&slug))),
        Err(error) => error,
    };
    let lang = context.lang;
    let mut form = details_form(&state, req, lang, &slug)
        .keep(&submitted)
        .hidden("version", seen.clone());
    let current = match council::load(db, tenant.id).await {
        Ok(stored) => commands::council_version(stored.council.as_ref()),
        Err(other) => return failed(&state, &context, other.into()),
    };
    if matches!(error, TenantsError::Conflict(_)) && current != seen {
        form.changed_meanwhile(&state.renderer, lang, current);
    } else if let Err(other) = form.show_refusal(&state.renderer, lang, error.into(), &DETAIL_NAMES)
    {
        return failed(&state, &context, other);
    }
    let heading = state.renderer.text(lang, "council-details-heading");
    member_page(&state, req, &context, (heading, &slug), form)
}

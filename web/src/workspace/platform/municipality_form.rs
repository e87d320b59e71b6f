//! Adding a municipality and changing its details, for the platform's operators, and the
//! invitation of its first administrator that follows. The forms parse into the API's
//! `TenantCreate` and `TenantUpdate` and go through the same commands as `POST /tenants`
//! and `PUT /tenants/{slug}`; a copy changed meanwhile is refused, not overwritten. The
//! invitation is `AccessApi::grant_role`, as on a municipality's people page.

use std::sync::Arc;

use council_shared::auth::Role;
use poem::{
    Request, Response, handler,
    web::{Data, Form as PostedForm, Path},
};
use tenants::{
    api::{
        access_models::RoleGrantInput,
        commands,
        models::{TenantCreate, TenantUpdate, Text},
    },
    entities::tenant,
    error::TenantsError,
    service::tenants as tenant_rows,
};

use super::{
    FormPage, form_page,
    municipalities::{list_href, municipality_href, name_of},
    operator, operator_form,
};
use crate::{
    PageContext, WebState,
    forms::{self, Field, Form, Submitted},
    i18n::Lang,
    workspace::{
        failed,
        people::{email_field, grant, show_grant_refusal},
    },
};

/// The API's names for the fields the form names apart.
const NAMES: [(&str, &str); 4] = [
    ("name.el", "name_el"),
    ("name.en", "name_en"),
    ("region.el", "region_el"),
    ("region.en", "region_en"),
];

/// The details' fields; with the slug first for a new municipality.
fn details_form(
    state: &WebState,
    req: &Request,
    lang: Lang,
    (action, new): (String, bool),
) -> Form {
    let t = |key: &str| state.renderer.text(lang, key);
    let submit = t(if new {
        "platform-municipality-add"
    } else {
        "member-form-save"
    });
    let mut form = Form::new(req, action, submit, lang, &state.renderer);
    if new {
        form = form.field(
            Field::new("slug", "text", t("platform-slug"))
                .hint(t("platform-slug-hint"))
                .autocomplete("off")
                .width("medium")
                .required(),
        );
    }
    form.field(
        Field::new("name_el", "text", t("platform-name-el"))
            .hint(t("platform-name-el-hint"))
            .required(),
    )
    .field(Field::new("name_en", "text", t("platform-name-en")).required())
    .field(Field::new("region_el", "text", t("platform-region-el")).required())
    .field(Field::new("region_en", "text", t("platform-region-en")))
    .field(
        Field::new("website", "url", t("platform-website"))
            .hint(t("platform-website-hint"))
            .autocomplete("url"),
    )
    .field(
        Field::new("contact_email", "email", t("platform-contact-email"))
            .hint(t("platform-contact-email-hint"))
            .autocomplete("email"),
    )
}

fn text(submitted: &Submitted, el: &str, en: &str) -> Text {
    Text {
        el: submitted.value(el).to_string(),
        en: submitted.optional(en),
    }
}

fn update_input(submitted: &Submitted) -> TenantUpdate {
    TenantUpdate {
        name: text(submitted, "name_el", "name_en"),
        region: text(submitted, "region_el", "region_en"),
        website: submitted.optional("website"),
        contact_email: submitted.optional("contact_email").map(Into::into),
    }
}

fn stored_values(row: &tenant::Model) -> [(&'static str, String); 6] {
    [
        ("name_el", row.name_el.clone()),
        ("name_en", row.name_en.clone()),
        ("region_el", row.region_el.clone()),
        ("region_en", row.region_en.clone().unwrap_or_default()),
        ("website", row.website.clone().unwrap_or_default()),
        (
            "contact_email",
            row.contact_email.clone().unwrap_or_default(),
        ),
    ]
}

fn page(
    state: &WebState,
    req: &Request,
    context: &PageContext,
    (heading, intro): (String, Vec<String>),
    form: Form,
) -> Response {
    let lang = context.lang;
    let view = FormPage {
        lang: lang.code(),
        heading,
        back_href: list_href(),
        back_label: state.renderer.text(lang, "platform-municipalities"),
        intro,
        warning: false,
        done: crate::workspace::done_banner(state, req, lang),
        blocked: None,
        form,
    };
    form_page(state, req, context, view)
}

fn new_action() -> String {
    format!("{}/new", list_href())
}

#[handler]
pub async fn new_municipality(req: &Request, state: Data<&Arc<WebState>>) -> Response {
    let (context, _) = match operator(&state, req) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let lang = context.lang;
    let t = |key: &str| state.renderer.text(lang, key);
    let form = details_form(&state, req, lang, (new_action(), true));
    let intro = vec![t("platform-new-explain")];
    page(
        &state,
        req,
        &context,
        (t("platform-new-heading"), intro),
        form,
    )
}

#[handler]
pub async fn create(
    req: &Request,
    posted: PostedForm<Vec<(String, String)>>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, principal, submitted) = match operator_form(&state, req, posted.0) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let details = update_input(&submitted);
    let input = TenantCreate {
        slug: submitted.value("slug").to_string(),
        name: details.name,
        region: details.region,
        website: details.website,
        contact_email: details.contact_email,
    };
    let db = state.accounts.db();
    let error = match commands::create_tenant((db, &state.reads), &principal, &input).await {
        Ok(created) => {
            return forms::redirect(&format!(
                "{}/administrator?done=municipality-added",
                municipality_href(&created.slug)
            ));
        }
        Err(error) => error,
    };
    let lang = context.lang;
    let t = |key: &str| state.renderer.text(lang, key);
    let mut form = details_form(&state, req, lang, (new_action(), true)).keep(&submitted);
    match error {
        TenantsError::SlugTaken(_) => form.field_error("slug", t("platform-slug-taken")),
        other => {
            if let Err(other) = form.show_refusal(&state.renderer, lang, other.into(), &NAMES) {
                return failed(&state, &context, other);
            }
        }
    }
    let intro = vec![t("platform-new-explain")];
    page(
        &state,
        req,
        &context,
        (t("platform-new-heading"), intro),
        form,
    )
}

fn edit_action(slug: &str) -> String {
    format!("{}/edit", municipality_href(slug))
}

fn edit_heading(state: &WebState, lang: Lang, row: &tenant::Model) -> (String, Vec<String>) {
    let name = name_of(row, lang);
    let heading = state
        .renderer
        .text_with(lang, "platform-edit-heading", &[("name", &name)]);
    let mut intro =
        vec![
            state
                .renderer
                .text_with(lang, "platform-edit-explain", &[("slug", &row.slug)]),
        ];
    if row.status == tenant_rows::ARCHIVED {
        intro.push(state.renderer.text(lang, "platform-edit-archived"));
    }
    (heading, intro)
}

#[handler]
pub async fn edit(
    req: &Request,
    Path(slug): Path<String>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, _) = match operator(&state, req) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let row = match tenant_rows::find(state.accounts.db(), &slug).await {
        Ok(row) => row,
        Err(error) => return failed(&state, &context, error.into()),
    };
    let lang = context.lang;
    let form = details_form(&state, req, lang, (edit_action(&slug), false))
        .fill(stored_values(&row))
        .hidden("version", commands::tenant_version(&row));
    page(
        &state,
        req,
        &context,
        edit_heading(&state, lang, &row),
        form,
    )
}

#[handler]
pub async fn update(
    req: &Request,
    Path(slug): Path<String>,
    posted: PostedForm<Vec<(String, String)>>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, principal, submitted) = match operator_form(&state, req, posted.0) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let db = state.accounts.db();
    let seen = submitted.value("version").to_string();
    let input = update_input(&submitted);
    let outcome =
        commands::update_details((db, &state.reads), &principal, &slug, &input, Some(&seen)).await;
    let error = match outcome {
        Ok(_) => return forms::redirect(&format!("{}?done=saved", list_href())),
        Err(error) => error,
    };
    let row = match tenant_rows::find(db, &slug).await {
        Ok(row) => row,
        Err(other) => return failed(&state, &context, other.into()),
    };
    let lang = context.lang;
    let mut form = details_form(&state, req, lang, (edit_action(&slug), false))
        .keep(&submitted)
        .hidden("version", seen.clone());
    let current = commands::tenant_version(&row);
    match error {
        TenantsError::Archived(_) => {
            form.problem(state.renderer.text(lang, "platform-edit-archived"));
        }
        TenantsError::Conflict(_) if current != seen => {
            form.changed_meanwhile(&state.renderer, lang, current);
        }
        other => {
            if let Err(other) = form.show_refusal(&state.renderer, lang, other.into(), &NAMES) {
                return failed(&state, &context, other);
            }
        }
    }
    page(
        &state,
        req,
        &context,
        edit_heading(&state, lang, &row),
        form,
    )
}

fn administrator_form(state: &WebState, req: &Request, lang: Lang, slug: &str) -> Form {
    let t = |key: &str| state.renderer.text(lang, key);
    Form::new(
        req,
        format!("{}/administrator", municipality_href(slug)),
        t("people-invite-submit"),
        lang,
        &state.renderer,
    )
    .field(email_field(state, lang))
}

fn administrator_heading(
    state: &WebState,
    lang: Lang,
    row: &tenant::Model,
) -> (String, Vec<String>) {
    let heading = state.renderer.text_with(
        lang,
        "platform-administrator-heading",
        &[("name", &name_of(row, lang))],
    );
    let intro = vec![
        state.renderer.text(lang, "platform-administrator-explain"),
        state.renderer.text(lang, "people-invite-explain"),
    ];
    (heading, intro)
}

#[handler]
pub async fn new_administrator(
    req: &Request,
    Path(slug): Path<String>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, _) = match operator(&state, req) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let row = match tenant_rows::find(state.accounts.db(), &slug).await {
        Ok(row) => row,
        Err(error) => return failed(&state, &context, error.into()),
    };
    let lang = context.lang;
    let form = administrator_form(&state, req, lang, &slug);
    page(
        &state,
        req,
        &context,
        administrator_heading(&state, lang, &row),
        form,
    )
}

#[handler]
pub async fn invite_administrator(
    req: &Request,
    Path(slug): Path<String>,
    posted: PostedForm<Vec<(String, String)>>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, principal, submitted) = match operator_form(&state, req, posted.0) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let row = match tenant_rows::find(state.accounts.db(), &slug).await {
        Ok(row) => row,
        Err(error) => return failed(&state, &context, error.into()),
    };
    let input = RoleGrantInput {
        email: submitted.value("email").into(),
        role: Role::TenantAdmin,
        member_id: None,
    };
    let granted = grant(&state, req, &principal, Some(&row), input).await;
    let error = match granted {
        Ok(_) => return forms::redirect(&format!("{}?done=invited", list_href())),
        Err(error) => error,
    };
    let lang = context.lang;
    let mut form = administrator_form(&state, req, lang, &slug).keep(&submitted);
    if let Err(other) = show_grant_refusal(&state, lang, &mut form, error) {
        return failed(&state, &context, other);
    }
    page(
        &state,
        req,
        &context,
        administrator_heading(&state, lang, &row),
        form,
    )
}

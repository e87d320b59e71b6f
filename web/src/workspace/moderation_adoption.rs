//! "We adopted this": on a published practice's public page, an administrator of one or
//! more municipalities marks that one of them adopted it (which, if several, and a note),
//! or withdraws a mark made; the practice lists the municipalities that adopted it. The
//! form posts here (`/workspace/moderation/adoptions/{slug}`), where it also has a page of
//! its own for what needs fixing; `reads::adopt` applies the API's rules.

use std::sync::Arc;

use council_shared::{
    ApiError,
    auth::{Principal, Role},
};
use poem::{
    Request, Response, handler,
    web::{Data, Form as PostedForm, Path},
};
use practices::api::{models::AdoptionView, reads};
use serde::Serialize;

use super::{
    failed,
    moderation::{BASE, municipality_name},
    platform::{FormPage, form_page},
    received, signed_in,
};
use crate::{
    PageContext, WebState,
    forms::{self, Field, Form, Submitted},
    i18n::Lang,
};

fn practice_href(slug: &str) -> String {
    format!("/practices/{}", crate::encode(slug))
}

/// The municipalities `principal` administers: `(slug, name)`; every active one for the
/// platform's administrators, as the API allows them.
async fn administered(
    state: &WebState,
    principal: &Principal,
    lang: Lang,
) -> Vec<(String, String)> {
    if principal.is_platform_admin() {
        return match state.reads.active_tenants().await {
            Ok(all) => all
                .iter()
                .map(|t| {
                    let name = match (&t.name.en, lang) {
                        (Some(en), Lang::En) => en.clone(),
                        _ => t.name.el.clone(),
                    };
                    (t.slug.clone(), name)
                })
                .collect(),
            Err(error) => {
                tracing::error!(error = ?error, "the municipalities could not be listed");
                Vec::new()
            }
        };
    }
    let mut found = Vec::new();
    for grant in &principal.grants {
        if grant.role != Role::TenantAdmin {
            continue;
        }
        let Some(slug) = &grant.tenant else { continue };
        if let Some(name) = municipality_name(state, lang, slug).await {
            found.push((slug.clone(), name));
        }
    }
    found
}

/// The form for the municipalities in `choices` (a choice only when there are several).
fn adoption_form(
    state: &WebState,
    req: &Request,
    lang: Lang,
    (slug, choices): (&str, &[(String, String)]),
) -> Form {
    let t = |key: &str| state.renderer.text(lang, key);
    let mut form = Form::new(
        req,
        format!("{BASE}/adoptions/{}", crate::encode(slug)),
        t("moderation-adopt-submit"),
        lang,
        &state.renderer,
    );
    form = match choices {
        [(only, _)] => form.hidden("tenant", only.clone()),
        _ => form.field(
            Field::new("tenant", "select", t("moderation-adopt-municipality"))
                .choices(choices.to_vec())
                .required(),
        ),
    };
    form.field(
        Field::new("note", "textarea", t("moderation-adopt-note"))
            .hint(t("moderation-adopt-note-hint"))
            .rows(4),
    )
}

#[derive(Serialize)]
pub(crate) struct Withdrawal {
    name: String,
    href: String,
}

/// What the public page shows an administrator under the list of adopters.
#[derive(Serialize)]
pub(crate) struct AdoptionBlock {
    done: Option<String>,
    /// Which municipality adopts: named when there is one.
    only: Option<String>,
    form: Option<Form>,
    withdraw: Vec<Withdrawal>,
}

/// For an administrator of a municipality reading a published practice: the form for those
/// of their municipalities that have not adopted it, and a way to withdraw for those that
/// have. `None` for everyone else.
pub(crate) async fn block(
    state: &WebState,
    req: &Request,
    context: &PageContext,
    slug: &str,
    adoptions: &[AdoptionView],
) -> Option<AdoptionBlock> {
    let principal = context.user.as_deref()?;
    let lang = context.lang;
    let mine = administered(state, principal, lang).await;
    if mine.is_empty() {
        return None;
    }
    let (adopted, open): (Vec<_>, Vec<_>) = mine
        .into_iter()
        .partition(|(s, _)| adoptions.iter().any(|a| &a.tenant == s));
    Some(AdoptionBlock {
        done: super::done_banner(state, req, lang),
        only: match open.as_slice() {
            [(_, name)] => Some(name.clone()),
            _ => None,
        },
        form: (!open.is_empty()).then(|| adoption_form(state, req, lang, (slug, &open))),
        withdraw: adopted
            .into_iter()
            .map(|(tenant, name)| Withdrawal {
                href: format!(
                    "{BASE}/adoptions/{}/{}/withdraw",
                    crate::encode(slug),
                    crate::encode(&tenant)
                ),
                name,
            })
            .collect(),
    })
}

fn adoption_view(state: &WebState, lang: Lang, slug: &str, form: Form) -> FormPage {
    let t = |key: &str| state.renderer.text(lang, key);
    FormPage {
        lang: lang.code(),
        heading: t("moderation-adopt-heading"),
        back_href: practice_href(slug),
        back_label: t("practice-back"),
        intro: vec![t("moderation-adopt-explain")],
        warning: false,
        done: None,
        blocked: None,
        form,
    }
}

/// The form on a page of its own (where it comes back when something needs fixing).
#[handler]
pub async fn adoption_page(
    req: &Request,
    Path(slug): Path<String>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, principal) = match signed_in(req) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let lang = context.lang;
    let mine = administered(&state, &principal, lang).await;
    if mine.is_empty() {
        return failed(&state, &context, not_an_administrator());
    }
    if let Err(error) = reads::detail(&state.practices, &slug, None).await {
        return failed(&state, &context, error);
    }
    let form = adoption_form(&state, req, lang, (&slug, &mine));
    form_page(
        &state,
        req,
        &context,
        adoption_view(&state, lang, &slug, form),
    )
}

fn not_an_administrator() -> ApiError {
    ApiError::Forbidden("only municipalities' administrators mark what they adopted".into())
}

#[handler]
pub async fn adopt(
    req: &Request,
    Path(slug): Path<String>,
    posted: PostedForm<Vec<(String, String)>>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, principal, submitted) = match received(&state, req, posted.0) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let lang = context.lang;
    let mine = administered(&state, &principal, lang).await;
    if mine.is_empty() {
        return failed(&state, &context, not_an_administrator());
    }
    let note = submitted.optional("note");
    let tenant = submitted.value("tenant").to_string();
    // One of the reader's municipalities, or the form again saying to choose one.
    let outcome = if mine.iter().any(|(s, _)| *s == tenant) {
        reads::adopt(
            &state.practices,
            &principal,
            &slug,
            (&tenant, note.as_deref()),
        )
        .await
    } else {
        Err(ApiError::Validation(vec![council_shared::FieldError::new(
            "tenant",
            council_shared::validation::Invalid::new("choose_one", "choose a municipality"),
        )]))
    };
    let error = match outcome {
        Ok(_) => {
            return forms::redirect(&format!("{}?done=adopted#adopters", practice_href(&slug)));
        }
        Err(error) => error,
    };
    let mut form = adoption_form(&state, req, lang, (&slug, &mine)).keep(&submitted);
    if let Err(other) = form.show_refusal(&state.renderer, lang, error, &[]) {
        return failed(&state, &context, other);
    }
    form_page(
        &state,
        req,
        &context,
        adoption_view(&state, lang, &slug, form),
    )
}

async fn withdrawal_page(
    state: &WebState,
    req: &Request,
    context: &PageContext,
    (slug, tenant): (&str, &str),
) -> Response {
    let lang = context.lang;
    let t = |key: &str| state.renderer.text(lang, key);
    let name = municipality_name(state, lang, tenant)
        .await
        .unwrap_or_else(|| tenant.to_string());
    let form = Form::new(
        req,
        format!(
            "{BASE}/adoptions/{}/{}/withdraw",
            crate::encode(slug),
            crate::encode(tenant)
        ),
        t("moderation-withdraw-submit"),
        lang,
        &state.renderer,
    );
    let view = FormPage {
        lang: lang.code(),
        heading: state
            .renderer
            .text_with(lang, "moderation-withdraw-heading", &[("name", &name)]),
        back_href: practice_href(slug),
        back_label: t("practice-back"),
        intro: vec![t("moderation-withdraw-explain")],
        warning: true,
        done: None,
        blocked: None,
        form,
    };
    form_page(state, req, context, view)
}

#[handler]
pub async fn confirm_withdraw(
    req: &Request,
    Path((slug, tenant)): Path<(String, String)>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, principal) = match signed_in(req) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let mine = administered(&state, &principal, context.lang).await;
    if !mine.iter().any(|(s, _)| *s == tenant) {
        return failed(&state, &context, not_an_administrator());
    }
    withdrawal_page(&state, req, &context, (&slug, &tenant)).await
}

#[handler]
pub async fn withdraw(
    req: &Request,
    Path((slug, tenant)): Path<(String, String)>,
    posted: PostedForm<Vec<(String, String)>>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, principal, _): (_, _, Submitted) = match received(&state, req, posted.0) {
        Ok(found) => found,
        Err(response) => return response,
    };
    match reads::withdraw_adoption(&state.practices, &principal, &slug, &tenant).await {
        Ok(()) => forms::redirect(&format!(
            "{}?done=adoption-withdrawn#adopters",
            practice_href(&slug)
        )),
        Err(error) => failed(&state, &context, error),
    }
}

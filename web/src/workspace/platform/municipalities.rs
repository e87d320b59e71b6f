//! Municipalities, for the platform's operators: every one, active and archived, with what
//! can be done to each (change its details, invite an administrator, archive or restore).
//! Archiving and restoring go through a page that says first what they mean, then the
//! same command as the API's `POST /tenants/{slug}/archive` and `/restore`.

use std::sync::Arc;

use council_shared::pagination::PageRequest;
use poem::{
    Request, Response, handler,
    web::{Data, Form as PostedForm, Path},
};
use serde::Serialize;
use tenants::{
    api::{commands, models::StatusFilter},
    entities::tenant,
    service::tenants::{self as tenant_rows, ARCHIVED},
};

use super::{BASE, FormPage, form_page, operator, operator_form};
use crate::{
    WebState,
    forms::{self, Form},
    meeting_views::{When, when},
};

pub(crate) fn list_href() -> String {
    format!("{BASE}/municipalities")
}

pub(crate) fn municipality_href(slug: &str) -> String {
    format!("{BASE}/municipalities/{slug}")
}

/// A municipality's name in the reader's language (Greek when it has no English one).
pub(crate) fn name_of(row: &tenant::Model, lang: crate::i18n::Lang) -> String {
    if lang == crate::i18n::Lang::En && !row.name_en.trim().is_empty() {
        row.name_en.clone()
    } else {
        row.name_el.clone()
    }
}

#[derive(Serialize)]
struct Row {
    name: String,
    slug: String,
    region: String,
    archived: bool,
    archived_at: Option<When>,
    public_href: String,
    edit_href: String,
    people_href: String,
    invite_href: String,
    /// Archive or restore.
    status_href: String,
}

#[derive(Serialize)]
struct ListPage {
    lang: &'static str,
    done: Option<String>,
    active: Vec<Row>,
    archived: Vec<Row>,
}

#[handler]
pub async fn list(req: &Request, state: Data<&Arc<WebState>>) -> Response {
    let (context, _) = match operator(&state, req) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let lang = context.lang;
    // Greece has 332 municipalities: one page holds them all.
    let everything = PageRequest {
        page: 1,
        per_page: 1000,
    };
    let rows = match tenant_rows::list(state.accounts.db(), StatusFilter::All, everything).await {
        Ok((rows, _)) => rows,
        Err(error) => return super::failed(&state, &context, error.into()),
    };
    let (archived, active): (Vec<Row>, Vec<Row>) = rows
        .iter()
        .map(|t| {
            let here = municipality_href(&t.slug);
            let archived = t.status == ARCHIVED;
            Row {
                name: name_of(t, lang),
                slug: t.slug.clone(),
                region: if lang == crate::i18n::Lang::En {
                    t.region_en.clone().unwrap_or_else(|| t.region_el.clone())
                } else {
                    t.region_el.clone()
                },
                archived,
                archived_at: t.archived_at.map(when),
                public_href: format!("/municipalities/{}", t.slug),
                edit_href: format!("{here}/edit"),
                people_href: format!("/workspace/{}/people", t.slug),
                invite_href: format!("{here}/administrator"),
                status_href: format!("{here}/{}", if archived { "restore" } else { "archive" }),
            }
        })
        .partition(|row| row.archived);
    let view = ListPage {
        lang: lang.code(),
        done: crate::workspace::done_banner(&state, req, lang),
        active,
        archived,
    };
    let title = state.renderer.text(lang, "platform-municipalities");
    crate::workspace::show(
        &state,
        req,
        &context,
        ("workspace_platform_municipalities", &title),
        &view,
        poem::http::StatusCode::OK,
    )
}

#[handler]
pub async fn confirm_archive(
    req: &Request,
    Path(slug): Path<String>,
    state: Data<&Arc<WebState>>,
) -> Response {
    confirm(&state, req, &slug, true).await
}

#[handler]
pub async fn confirm_restore(
    req: &Request,
    Path(slug): Path<String>,
    state: Data<&Arc<WebState>>,
) -> Response {
    confirm(&state, req, &slug, false).await
}

#[handler]
pub async fn archive_municipality(
    req: &Request,
    Path(slug): Path<String>,
    posted: PostedForm<Vec<(String, String)>>,
    state: Data<&Arc<WebState>>,
) -> Response {
    change(&state, req, (&slug, posted.0), true).await
}

#[handler]
pub async fn restore_municipality(
    req: &Request,
    Path(slug): Path<String>,
    posted: PostedForm<Vec<(String, String)>>,
    state: Data<&Arc<WebState>>,
) -> Response {
    change(&state, req, (&slug, posted.0), false).await
}

/// The page that says what archiving (`archiving`) or restoring means, with its button.
async fn confirm(state: &WebState, req: &Request, slug: &str, archiving: bool) -> Response {
    let (context, _) = match operator(state, req) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let lang = context.lang;
    let row = match tenant_rows::find(state.accounts.db(), slug).await {
        Ok(row) => row,
        Err(error) => return super::failed(state, &context, error.into()),
    };
    let t = |key: &str| state.renderer.text(lang, key);
    let name = name_of(&row, lang);
    let key = if archiving { "archive" } else { "restore" };
    let heading =
        state
            .renderer
            .text_with(lang, &format!("platform-{key}-heading"), &[("name", &name)]);
    // What archiving really does (`tenants::service::tenants`, and the other services
    // that read a municipality as inactive), said before the button.
    let paragraphs = if archiving { 4 } else { 2 };
    let intro = (1..=paragraphs)
        .map(|n| t(&format!("platform-{key}-explain-{n}")))
        .collect();
    let form = Form::new(
        req,
        format!("{}/{key}", municipality_href(slug)),
        t(&format!("platform-{key}-submit")),
        lang,
        &state.renderer,
    );
    let view = FormPage {
        lang: lang.code(),
        heading,
        back_href: list_href(),
        back_label: t("platform-municipalities"),
        intro,
        warning: archiving,
        done: None,
        blocked: None,
        form,
    };
    form_page(state, req, &context, view)
}

/// Archives (`archiving`) or restores the municipality, as the API does.
async fn change(
    state: &WebState,
    req: &Request,
    (slug, posted): (&str, Vec<(String, String)>),
    archiving: bool,
) -> Response {
    let (context, principal, _) = match operator_form(state, req, posted) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let db = state.accounts.db();
    match commands::set_archived((db, &state.reads), &principal, slug, archiving).await {
        Ok(_) => {
            let done = if archiving { "archived" } else { "restored" };
            forms::redirect(&format!("{}?done={done}", list_href()))
        }
        Err(error) => super::failed(state, &context, error.into()),
    }
}

//! `/workspace/practices`: the practices a signed-in person writes (their own, and their
//! municipality's when they write for it or administer it), each with its state, and
//! starting a new one: a title is enough to save the first draft.

use std::sync::Arc;

use council_shared::ApiError;
use poem::{
    Request, Response, handler,
    http::StatusCode,
    web::{Data, Form as PostedForm},
};
use practices::{
    api::commands,
    domain::{Bilingual, PracticeContent},
    service::{self, Actor, content_of},
};
use serde::Serialize;

use super::{
    failed,
    practice::{practice_href, practices_href},
    practice_sections::ERROR_NAMES,
    received, show, show_form, signed_in,
};
use crate::{
    PageContext, WebState,
    forms::{self, Field, Form},
    i18n::Lang,
    meeting_views::{When, when},
    practice_views,
};

#[derive(Serialize)]
struct Listed {
    href: String,
    title: String,
    state: String,
    state_code: String,
    changed: When,
    public_href: Option<String>,
}

#[derive(Serialize)]
struct ListPage {
    lang: &'static str,
    done: Option<String>,
    practices: Vec<Listed>,
    new_href: String,
}

#[handler]
pub async fn list(req: &Request, state: Data<&Arc<WebState>>) -> Response {
    let (context, principal) = match super::signed_in(req) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let lang = context.lang;
    let found = service::worked_on_by(&state.practices.db, &Actor::of(&principal)).await;
    let rows = match found {
        Ok(rows) => rows,
        Err(error) => return failed(&state, &context, error.into()),
    };
    let mut practices = Vec::new();
    for (row, latest) in rows {
        let Ok(content) = content_of(&latest) else {
            continue;
        };
        practices.push(Listed {
            href: practice_href(&row.slug),
            title: practice_views::pick(&content.title, lang).text,
            state: state
                .renderer
                .text(lang, &format!("practice-state-{}", row.state)),
            public_href: row
                .published_revision
                .map(|_| format!("/practices/{}", crate::encode(&row.slug))),
            state_code: row.state,
            changed: when(latest.updated_at),
        });
    }
    let view = ListPage {
        lang: lang.code(),
        done: super::done_banner(&state, req, lang),
        practices,
        new_href: format!("{}/new", practices_href()),
    };
    let title = state.renderer.text(lang, "practices-workspace-title");
    show(
        &state,
        req,
        &context,
        ("workspace_practices", &title),
        &view,
        StatusCode::OK,
    )
}

fn new_form(state: &WebState, req: &Request, lang: Lang) -> Form {
    let t = |key: &str| state.renderer.text(lang, key);
    Form::new(
        req,
        format!("{}/new", practices_href()),
        t("practice-start"),
        lang,
        &state.renderer,
    )
    .field(
        Field::new("title.el", "text", t("practice-field-title-el"))
            .hint(t("practice-new-title-hint")),
    )
    .field(Field::new("title.en", "text", t("practice-field-title-en")))
}

#[derive(Serialize)]
struct NewPage {
    lang: &'static str,
    back_href: &'static str,
    form: Form,
}

fn new_page(state: &WebState, req: &Request, context: &PageContext, form: Form) -> Response {
    let title = state.renderer.text(context.lang, "practice-new-title");
    let view = NewPage {
        lang: context.lang.code(),
        back_href: practices_href(),
        form: form.clone(),
    };
    show_form(
        state,
        req,
        context,
        ("workspace_practice_new", &title),
        &view,
        &form,
    )
}

#[handler]
pub async fn new_practice(req: &Request, state: Data<&Arc<WebState>>) -> Response {
    let (context, _) = match signed_in(req) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let form = new_form(&state, req, context.lang);
    new_page(&state, req, &context, form)
}

#[handler]
pub async fn start_practice(
    req: &Request,
    posted: PostedForm<Vec<(String, String)>>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, principal, submitted) = match received(&state, req, posted.0) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let input = PracticeContent {
        title: Bilingual {
            el: submitted.optional("title.el"),
            en: submitted.optional("title.en"),
        },
        ..Default::default()
    };
    let error = match commands::create_draft(&state.practices, &principal, &input).await {
        Ok(created) => {
            return forms::redirect(&format!(
                "{}?done=practice-created",
                practice_href(&created.slug)
            ));
        }
        Err(error) => error,
    };
    let lang = context.lang;
    let mut form = new_form(&state, req, lang).keep(&submitted);
    match form.show_refusal(&state.renderer, lang, error, ERROR_NAMES) {
        Ok(()) => new_page(&state, req, &context, form),
        Err(other) => failed(&state, &context, other as ApiError),
    }
}

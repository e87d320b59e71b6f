//! The thematic areas of good practices, for the platform's operators: the list in its
//! order, add one, rename or move one (a copy changed meanwhile is refused), and remove one
//! that no practice uses. The same service functions as the API's `/practice-themes`;
//! like the API, a thematic area some practice uses is not removed, and the page says so
//! (with how many practices) before offering the button.

use std::sync::Arc;

use council_shared::{FieldError, validation::Invalid};
use poem::{
    Request, Response, handler,
    http::StatusCode,
    web::{Data, Form as PostedForm, Path},
};
use practices::{
    domain::Bilingual, entities::theme, error::PracticesError, service as practice_rows,
    service::themes,
};
use serde::Serialize;

use super::{BASE, FormPage, form_page, operator, operator_form};
use crate::{
    PageContext, WebState,
    forms::{self, Field, Form, Submitted},
    i18n::Lang,
    workspace::{failed, show},
};

fn themes_href() -> String {
    format!("{BASE}/themes")
}

#[derive(Serialize)]
struct Row {
    code: String,
    name_el: String,
    name_en: String,
    position: i32,
    edit_href: String,
    remove_href: String,
}

#[derive(Serialize)]
struct ThemesPage {
    lang: &'static str,
    done: Option<String>,
    themes: Vec<Row>,
}

#[handler]
pub async fn themes_page(req: &Request, state: Data<&Arc<WebState>>) -> Response {
    let (context, _) = match operator(&state, req) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let lang = context.lang;
    let rows = match practice_rows::themes(&state.practices.db).await {
        Ok(rows) => rows,
        Err(error) => return failed(&state, &context, error.into()),
    };
    let base = themes_href();
    let view = ThemesPage {
        lang: lang.code(),
        done: crate::workspace::done_banner(&state, req, lang),
        themes: rows
            .into_iter()
            .map(|t| Row {
                edit_href: format!("{base}/{}/edit", t.code),
                remove_href: format!("{base}/{}/remove", t.code),
                code: t.code,
                name_el: t.name_el,
                name_en: t.name_en,
                position: t.position,
            })
            .collect(),
    };
    let title = state.renderer.text(lang, "platform-themes");
    show(
        &state,
        req,
        &context,
        ("workspace_platform_themes", &title),
        &view,
        StatusCode::OK,
    )
}

/// The form; with the code first for a new thematic area (it cannot change later).
fn theme_form(state: &WebState, req: &Request, lang: Lang, code: Option<&str>) -> Form {
    let t = |key: &str| state.renderer.text(lang, key);
    let base = themes_href();
    let (action, submit) = match code {
        None => (format!("{base}/new"), t("platform-theme-add")),
        Some(code) => (format!("{base}/{code}/edit"), t("member-form-save")),
    };
    let mut form = Form::new(req, action, submit, lang, &state.renderer);
    if code.is_none() {
        form = form.field(
            Field::new("code", "text", t("platform-theme-code"))
                .hint(t("platform-theme-code-hint"))
                .autocomplete("off")
                .width("medium")
                .required(),
        );
    }
    form.field(Field::new("name_el", "text", t("platform-theme-name-el")).required())
        .field(Field::new("name_en", "text", t("platform-theme-name-en")).required())
        .field(
            Field::new("position", "text", t("platform-theme-position"))
                .hint(t("platform-theme-position-hint"))
                .width("short"),
        )
}

/// The API's names for the fields the form names apart.
const NAMES: [(&str, &str); 2] = [("name.el", "name_el"), ("name.en", "name_en")];

/// The names as the API takes them, and the position (empty: the end of the list).
fn input(submitted: &Submitted) -> (Bilingual, Result<Option<i32>, FieldError>) {
    let name = Bilingual {
        el: Some(submitted.value("name_el").to_string()),
        en: Some(submitted.value("name_en").to_string()),
    };
    let position = match submitted.optional("position") {
        None => Ok(None),
        Some(typed) => typed.parse::<i32>().map(Some).map_err(|_| {
            FieldError::new(
                "position",
                Invalid::new("invalid_number", "must be a whole number"),
            )
        }),
    };
    (name, position)
}

fn page(
    state: &WebState,
    req: &Request,
    context: &PageContext,
    heading: String,
    form: Form,
) -> Response {
    let lang = context.lang;
    let view = FormPage {
        lang: lang.code(),
        heading,
        back_href: themes_href(),
        back_label: state.renderer.text(lang, "platform-themes"),
        intro: Vec::new(),
        warning: false,
        done: None,
        blocked: None,
        form,
    };
    form_page(state, req, context, view)
}

/// Shows what the service refused beside the fields, or returns the page for anything else.
fn refused(
    state: &WebState,
    context: &PageContext,
    form: &mut Form,
    error: PracticesError,
) -> Option<Response> {
    form.show_refusal(&state.renderer, context.lang, error.into(), &NAMES)
        .err()
        .map(|other| failed(state, context, other))
}

#[handler]
pub async fn new_theme(req: &Request, state: Data<&Arc<WebState>>) -> Response {
    let (context, _) = match operator(&state, req) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let lang = context.lang;
    let form = theme_form(&state, req, lang, None);
    page(
        &state,
        req,
        &context,
        state.renderer.text(lang, "platform-theme-new"),
        form,
    )
}

#[handler]
pub async fn add(
    req: &Request,
    posted: PostedForm<Vec<(String, String)>>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, _, submitted) = match operator_form(&state, req, posted.0) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let (name, position) = input(&submitted);
    let code = submitted.value("code");
    let outcome = match position {
        Ok(position) => themes::add(&state.practices.db, code, &name, position).await,
        // Every mistake at once, the position's with the others.
        Err(error) => {
            let mut errors = themes::code_errors(code);
            errors.extend(themes::name_errors(&name));
            errors.push(error);
            Err(PracticesError::Invalid(errors))
        }
    };
    let lang = context.lang;
    let error = match outcome {
        Ok(_) => return forms::redirect(&format!("{}?done=saved", themes_href())),
        Err(error) => error,
    };
    let mut form = theme_form(&state, req, lang, None).keep(&submitted);
    if let PracticesError::Conflict(_) = error {
        form.field_error(
            "code",
            state.renderer.text(lang, "platform-theme-code-taken"),
        );
    } else if let Some(response) = refused(&state, &context, &mut form, error) {
        return response;
    }
    page(
        &state,
        req,
        &context,
        state.renderer.text(lang, "platform-theme-new"),
        form,
    )
}

async fn found(
    state: &WebState,
    context: &PageContext,
    code: &str,
) -> Result<theme::Model, Response> {
    themes::find(&state.practices.db, code)
        .await
        .map_err(|error| failed(state, context, error.into()))
}

fn edit_heading(state: &WebState, lang: Lang, row: &theme::Model) -> String {
    let name = if lang == Lang::En {
        &row.name_en
    } else {
        &row.name_el
    };
    state
        .renderer
        .text_with(lang, "platform-theme-edit", &[("name", name)])
}

#[handler]
pub async fn edit(
    req: &Request,
    Path(code): Path<String>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, _) = match operator(&state, req) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let row = match found(&state, &context, &code).await {
        Ok(row) => row,
        Err(response) => return response,
    };
    let lang = context.lang;
    let form = theme_form(&state, req, lang, Some(&code))
        .fill([
            ("name_el", row.name_el.clone()),
            ("name_en", row.name_en.clone()),
            ("position", row.position.to_string()),
        ])
        .hidden("version", themes::version(&row));
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
    Path(code): Path<String>,
    posted: PostedForm<Vec<(String, String)>>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, _, submitted) = match operator_form(&state, req, posted.0) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let seen = submitted.value("version").to_string();
    let (name, position) = input(&submitted);
    let db = &state.practices.db;
    let outcome = match position {
        Ok(position) => themes::change(db, &code, &name, position, Some(&seen)).await,
        Err(error) => {
            let mut errors = themes::name_errors(&name);
            errors.push(error);
            Err(PracticesError::Invalid(errors))
        }
    };
    let error = match outcome {
        Ok(_) => return forms::redirect(&format!("{}?done=saved", themes_href())),
        Err(error) => error,
    };
    let row = match found(&state, &context, &code).await {
        Ok(row) => row,
        Err(response) => return response,
    };
    let lang = context.lang;
    let mut form = theme_form(&state, req, lang, Some(&code))
        .keep(&submitted)
        .hidden("version", seen);
    if let PracticesError::Conflict(_) = error {
        form.changed_meanwhile(&state.renderer, lang, themes::version(&row));
    } else if let Some(response) = refused(&state, &context, &mut form, error) {
        return response;
    }
    page(
        &state,
        req,
        &context,
        edit_heading(&state, lang, &row),
        form,
    )
}

/// The removal page: what removing means, or (when practices use it) why it cannot be,
/// answered with `status`.
async fn removal_page(
    state: &WebState,
    req: &Request,
    context: &PageContext,
    (row, status): (&theme::Model, poem::http::StatusCode),
) -> Response {
    let lang = context.lang;
    let t = |key: &str| state.renderer.text(lang, key);
    let using = match themes::practices_using(&state.practices.db, &row.code).await {
        Ok(using) => using.len(),
        Err(error) => return failed(state, context, error.into()),
    };
    let name = if lang == Lang::En {
        &row.name_en
    } else {
        &row.name_el
    };
    let form = Form::new(
        req,
        format!("{}/{}/remove", themes_href(), row.code),
        t("platform-theme-remove-submit"),
        lang,
        &state.renderer,
    );
    let heading =
        state
            .renderer
            .text_with(lang, "platform-theme-remove-heading", &[("name", name)]);
    let view = FormPage {
        lang: lang.code(),
        heading: heading.clone(),
        back_href: themes_href(),
        back_label: t("platform-themes"),
        intro: vec![t("platform-theme-remove-explain")],
        warning: true,
        done: None,
        blocked: (using > 0).then(|| {
            state
                .renderer
                .text_count(lang, "platform-theme-in-use", using)
        }),
        form,
    };
    show(
        state,
        req,
        context,
        ("workspace_platform_form", &heading),
        &view,
        status,
    )
}

#[handler]
pub async fn confirm_remove(
    req: &Request,
    Path(code): Path<String>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, _) = match operator(&state, req) {
        Ok(found) => found,
        Err(response) => return response,
    };
    match found(&state, &context, &code).await {
        Ok(row) => removal_page(&state, req, &context, (&row, StatusCode::OK)).await,
        Err(response) => response,
    }
}

#[handler]
pub async fn remove(
    req: &Request,
    Path(code): Path<String>,
    posted: PostedForm<Vec<(String, String)>>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, _, _) = match operator_form(&state, req, posted.0) {
        Ok(found) => found,
        Err(response) => return response,
    };
    match themes::remove(&state.practices.db, &code).await {
        Ok(()) => forms::redirect(&format!("{}?done=theme-removed", themes_href())),
        // In use: the page again, saying by how many practices.
        Err(PracticesError::Conflict(_)) => match found(&state, &context, &code).await {
            Ok(row) => removal_page(&state, req, &context, (&row, StatusCode::CONFLICT)).await,
            Err(response) => response,
        },
        Err(error) => failed(&state, &context, error.into()),
    }
}

//! The good-practices pages: the search with its filters and counts (all municipalities,
//! or one municipality's "Καλές πρακτικές"), one practice in the reader's language with its
//! results, adopters and approved feedback, the feedback form, and a print view. They call
//! the practices service's read side (`practices::api::reads`), the same code as the API.

use std::sync::Arc;

use council_shared::{ApiError, http::client_ip, pagination::PageRequest};
use poem::{
    Request, Response, handler,
    http::{StatusCode, header},
    web::{Data, Form as PostedForm, Path},
};
use practices::{
    api::{
        models::{FeedbackInput, PracticeDetail},
        reads, search_query,
    },
    domain::Bilingual,
};
use serde::Serialize;

use crate::{
    PageContext, WebState, error_page,
    forms::{Field, Form, Submitted},
    html_response,
    i18n::Lang,
    layout,
    practice_views::{self as views, Asked, Names},
    sign_in::{csrf_failure, no_store},
};

fn status_of(error: &ApiError) -> StatusCode {
    if let ApiError::Internal(cause) = error {
        tracing::error!(error = ?cause, "a practices page failed");
    }
    error.status()
}

fn page(
    state: &WebState,
    context: &PageContext,
    title: &str,
    body: anyhow::Result<String>,
) -> Response {
    match body.and_then(|body| layout(state, context, title, body)) {
        Ok(html) => html_response(StatusCode::OK, context.lang, html),
        Err(error) => {
            tracing::error!(error = ?error, "a practices page failed to render");
            error_page(state, context, StatusCode::INTERNAL_SERVER_ERROR)
        }
    }
}

/// The names the pages show for thematic areas and municipalities.
pub(crate) async fn names(
    state: &WebState,
) -> Result<
    (
        Vec<practices::api::models::ThemeView>,
        Vec<(String, Bilingual)>,
    ),
    ApiError,
> {
    let themes = reads::themes(&state.practices).await?;
    let municipalities = state
        .reads
        .active_tenants()
        .await
        .map_err(ApiError::from)?
        .iter()
        .map(|t| {
            (
                t.slug.clone(),
                Bilingual {
                    el: Some(t.name.el.clone()),
                    en: t.name.en.clone(),
                },
            )
        })
        .collect();
    Ok((themes, municipalities))
}

const FILTERS: [&str; 8] = [
    "q",
    "sector",
    "theme",
    "sdg",
    "municipality",
    "audience",
    "year",
    "sort",
];

fn query_params(req: &Request) -> Vec<(String, String)> {
    req.uri()
        .query()
        .map(|q| {
            url::form_urlencoded::parse(q.as_bytes())
                .map(|(k, v)| (k.into_owned(), v.trim().to_string()))
                .filter(|(k, v)| !v.is_empty() && (FILTERS.contains(&k.as_str()) || k == "page"))
                .collect()
        })
        .unwrap_or_default()
}

#[derive(Serialize)]
struct Choice {
    value: &'static str,
    label: String,
    selected: bool,
}

#[derive(Serialize)]
struct PageLink {
    number: u64,
    href: String,
    current: bool,
}

#[derive(Serialize)]
struct ListPage {
    lang: &'static str,
    heading: String,
    breadcrumb: Option<(String, String)>,
    q: String,
    sorts: Vec<Choice>,
    hidden_filters: Vec<(String, String)>,
    total: u64,
    results: Vec<views::PracticeCard>,
    facets: Vec<views::FacetGroup>,
    pages: Vec<PageLink>,
    csv_href: String,
    clear_href: Option<String>,
}

/// The search page; `municipality` fixes that filter (a municipality's own practices).
async fn list(req: &Request, state: &WebState, municipality: Option<&str>) -> Response {
    let context = PageContext::of(req);
    let lang = context.lang;
    let made: Result<(String, String), ApiError> = async {
        let mut params = query_params(req);
        let heading = match municipality {
            Some(slug) => {
                let found = state
                    .reads
                    .tenant(slug)
                    .await
                    .map_err(ApiError::from)?
                    .ok_or_else(|| ApiError::NotFound(format!("no municipality `{slug}`")))?;
                params.retain(|(k, _)| k != "municipality");
                let name = crate::views::localize(&found.detail.name, lang).text;
                (
                    state
                        .renderer
                        .text_with(lang, "practices-of-municipality", &[("name", &name)]),
                    Some((format!("/municipalities/{slug}"), name)),
                )
            }
            None => (state.renderer.text(lang, "practices-title"), None),
        };
        let given = params.clone();
        let value = |name: &str| {
            given
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
        };
        let page_number = value("page")
            .map(|p| {
                p.parse::<u64>()
                    .map_err(|_| ApiError::invalid("page", "is not a number"))
            })
            .transpose()?;
        let mut filters = ["sector", "theme", "sdg", "municipality", "audience", "year"].map(value);
        if let Some(slug) = municipality {
            filters[3] = Some(slug.to_string());
        }
        let query = search_query(
            value("q").as_deref(),
            filters,
            value("sort").as_deref(),
            PageRequest::parse(page_number, Some(20))?,
        )?;
        let found = reads::search(&state.practices, &query).await?;
        let (themes, municipalities) = names(state).await?;
        let names = Names {
            themes: &themes,
            municipalities: &municipalities,
        };
        params.retain(|(k, _)| k != "page");
        let asked = Asked {
            path: &context.path,
            params,
        };
        let sort = value("sort").unwrap_or_default();
        let view = ListPage {
            lang: lang.code(),
            q: value("q").unwrap_or_default(),
            sorts: ["relevance", "date"]
                .into_iter()
                .map(|s| Choice {
                    value: s,
                    label: state.renderer.text(lang, &format!("practices-sort-{s}")),
                    selected: sort == s,
                })
                .collect(),
            hidden_filters: asked
                .params
                .iter()
                .filter(|(k, _)| k != "q" && k != "sort")
                .cloned()
                .collect(),
            total: found.total,
            results: found
                .items
                .iter()
                .map(|s| views::card(s, &names, &state.renderer, lang))
                .collect(),
            facets: views::facet_groups(
                &found.facets,
                &asked,
                &names,
                &state.renderer,
                lang,
                municipality.map(|_| "municipality"),
            ),
            pages: if found.total_pages > 1 {
                (1..=found.total_pages)
                    .map(|n| PageLink {
                        number: n,
                        href: asked.with_page(n),
                        current: n == found.page,
                    })
                    .collect()
            } else {
                Vec::new()
            },
            csv_href: {
                let mut query = asked.query();
                if let Some(slug) = municipality {
                    query = if query.is_empty() {
                        format!("municipality={slug}")
                    } else {
                        format!("{query}&municipality={slug}")
                    };
                }
                if query.is_empty() {
                    "/api/v1/practices.csv".into()
                } else {
                    format!("/api/v1/practices.csv?{query}")
                }
            },
            clear_href: (!asked.params.is_empty()).then(|| context.path.clone()),
            heading: heading.0,
            breadcrumb: heading.1,
        };
        Ok((
            view.heading.clone(),
            state.renderer.render("practices", &view)?,
        ))
    }
    .await;
    match made {
        Ok((title, body)) => page(state, &context, &title, Ok(body)),
        Err(error) => error_page(state, &context, status_of(&error)),
    }
}

#[handler]
pub async fn practices_list(req: &Request, state: Data<&Arc<WebState>>) -> Response {
    list(req, &state, None).await
}

#[handler]
pub async fn municipality_practices(
    req: &Request,
    slug: Path<String>,
    state: Data<&Arc<WebState>>,
) -> Response {
    list(req, &state, Some(&slug)).await
}

/// "Tell us your opinion": name (optional), address (kept private) and the opinion.
fn feedback_form(state: &WebState, req: &Request, lang: Lang, slug: &str) -> Form {
    let t = |key: &str| state.renderer.text(lang, key);
    Form::new(
        req,
        format!("/practices/{}/feedback", crate::encode(slug)),
        t("practice-feedback-send"),
        lang,
        &state.renderer,
    )
    .field(Field::new("name", "text", t("practice-feedback-name")).autocomplete("name"))
    .field(
        Field::new("email", "email", t("practice-feedback-email"))
            .hint(t("practice-feedback-email-hint"))
            .autocomplete("email")
            .required(),
    )
    .field(
        Field::new("body", "textarea", t("practice-feedback-body"))
            .rows(6)
            .required(),
    )
}

#[derive(Serialize)]
struct PracticePage {
    lang: &'static str,
    slug: String,
    body: views::PracticeBody,
    unpublished: Option<String>,
    archived: bool,
    published: Option<crate::meeting_views::When>,
    adopters: Vec<views::Adopter>,
    opinions: Vec<views::Opinion>,
    /// "We adopted this", for an administrator of a municipality.
    adoption: Option<crate::workspace::moderation_adoption::AdoptionBlock>,
    feedback: Option<Form>,
    feedback_sent: bool,
}

/// The practice as the reader may see it: the published version, or for its author and
/// moderators the version being worked on (said so at the top).
async fn practice_view(
    state: &WebState,
    slug: &str,
    context: &PageContext,
) -> Result<(PracticeDetail, views::PracticeBody, Option<String>), ApiError> {
    let detail = reads::detail(&state.practices, slug, context.user.as_deref()).await?;
    let (themes, municipalities) = names(state).await?;
    let names = Names {
        themes: &themes,
        municipalities: &municipalities,
    };
    let lang = context.lang;
    let (content, unpublished) = match (&detail.published, &detail.working) {
        (Some(published), _) => (published, None),
        (None, Some(working)) => (
            &working.content,
            Some(
                state.renderer.text_with(
                    lang,
                    "practice-unpublished",
                    &[(
                        "state",
                        &state
                            .renderer
                            .text(lang, &format!("practice-state-{}", working.state.as_str())),
                    )],
                ),
            ),
        ),
        (None, None) => return Err(ApiError::NotFound(format!("no practice `{slug}`"))),
    };
    let body = views::body(content, &detail.files, &names, &state.renderer, lang);
    Ok((detail, body, unpublished))
}

async fn practice_response(
    req: &Request,
    state: &WebState,
    slug: &str,
    (form, sent): (Form, bool),
    status: StatusCode,
) -> Response {
    let context = PageContext::of(req);
    let lang = context.lang;
    let made = async {
        let (detail, body, unpublished) = practice_view(state, slug, &context).await?;
        let opinions = if detail.published.is_some() {
            views::opinions(
                &reads::approved_feedback(&state.practices, slug).await?,
                lang,
            )
        } else {
            Vec::new()
        };
        let adoption = match detail.published {
            Some(_) => {
                crate::workspace::moderation_adoption::block(
                    state,
                    req,
                    &context,
                    slug,
                    &detail.adoptions,
                )
                .await
            }
            None => None,
        };
        Ok::<_, ApiError>(PracticePage {
            adoption,
            lang: lang.code(),
            slug: slug.to_string(),
            adopters: views::adopters(&detail.adoptions, lang),
            opinions,
            feedback: detail.published.is_some().then_some(form),
            feedback_sent: sent,
            archived: detail.archived,
            published: detail
                .published_at
                .map(|at| crate::meeting_views::when_in(lang, at)),
            unpublished,
            body,
        })
    }
    .await;
    let view = match made {
        Ok(view) => view,
        Err(error) => return error_page(state, &context, status_of(&error)),
    };
    let new_cookie = view.feedback.as_ref().and_then(|f| f.new_cookie.clone());
    let title = view.body.title().to_string();
    let page = ("practice", title.as_str());
    crate::forms::render_page(state, req, &context, page, &view, (status, new_cookie))
}

#[handler]
pub async fn practice_page(
    req: &Request,
    slug: Path<String>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let sent = req
        .uri()
        .query()
        .is_some_and(|q| q.split('&').any(|p| p == "feedback=sent"));
    let lang = crate::i18n::language_of(req);
    let form = feedback_form(&state, req, lang, &slug);
    practice_response(req, &state, &slug, (form, sent), StatusCode::OK).await
}

/// "Tell us your opinion": the form's POST. Accepted → back to the practice with a thank
/// you (303, so a reload does not send it twice); refused → the page again with the
/// reader's text kept and what to fix.
#[handler]
pub async fn send_feedback(
    req: &Request,
    slug: Path<String>,
    fields: PostedForm<Vec<(String, String)>>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let submitted = Submitted(fields.0);
    if !submitted.genuine(req) {
        return csrf_failure(&state, req);
    }
    let lang = crate::i18n::language_of(req);
    let input = FeedbackInput {
        name: submitted.optional("name"),
        email: submitted.value("email").into(),
        body: submitted.value("body").to_string(),
    };
    let mut form = feedback_form(&state, req, lang, &slug).keep(&submitted);
    match reads::send_feedback(&state.practices, &slug, &client_ip(req), &input).await {
        Ok(()) => no_store(
            Response::builder()
                .status(StatusCode::SEE_OTHER)
                .header(
                    header::LOCATION,
                    format!("/practices/{}?feedback=sent#feedback", crate::encode(&slug)),
                )
                .finish(),
        ),
        Err(ApiError::Validation(errors)) => {
            form.show_errors(&state.renderer, lang, &errors, &[]);
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            practice_response(req, &state, &slug, (form, false), status).await
        }
        Err(ApiError::TooManyRequests { .. }) => {
            form.problem(state.renderer.text(lang, "practice-feedback-limited"));
            let status = StatusCode::TOO_MANY_REQUESTS;
            practice_response(req, &state, &slug, (form, false), status).await
        }
        Err(error) => error_page(&state, &PageContext::of(req), status_of(&error)),
    }
}

#[derive(Serialize)]
struct PrintPage {
    lang: &'static str,
    title: String,
    back_href: String,
    body: views::PracticeBody,
    archived: bool,
    published: Option<crate::meeting_views::When>,
    unpublished: Option<String>,
    adopters: Vec<views::Adopter>,
}

/// The practice on paper: no navigation, no form.
#[handler]
pub async fn practice_print(
    req: &Request,
    slug: Path<String>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let context = PageContext::of(req);
    let made = async {
        let (detail, body, unpublished) = practice_view(&state, &slug, &context).await?;
        let view = PrintPage {
            lang: context.lang.code(),
            title: body.title().to_string(),
            back_href: format!("/practices/{}", slug.as_str()),
            archived: detail.archived,
            published: detail
                .published_at
                .map(|at| crate::meeting_views::when_in(context.lang, at)),
            adopters: views::adopters(&detail.adoptions, context.lang),
            unpublished,
            body,
        };
        Ok::<_, ApiError>(state.renderer.render("practice_print", &view)?)
    }
    .await;
    match made {
        Ok(html) => html_response(StatusCode::OK, context.lang, html),
        Err(error) => error_page(&state, &context, status_of(&error)),
    }
}

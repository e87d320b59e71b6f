//! The municipality's audit log, for its administrators: who signed in, granted, invited
//! or revoked what, when and from where, filtered by kind, by person (an address as the
//! actor or in what was done) and by days. A search form sent with GET, so a filtered list
//! can be bookmarked; a day that cannot be read is said beside its field.

use std::sync::Arc;

use chrono::{Duration, NaiveTime};
use council_shared::{FieldError, athens};
use poem::{
    Request, Response, handler,
    web::{Data, Path},
};
use serde::Serialize;
use tenants::identity::audit::{Action, Filter};

use super::{failed, show, signed_in};
use crate::{
    WebState,
    forms::{self, Field, Form, Submitted},
    i18n::Lang,
    meeting_views::{When, when},
};

const PER_PAGE: u64 = 50;

#[derive(Serialize)]
struct Entry {
    at: When,
    action: String,
    actor: Option<String>,
    target: Option<String>,
    ip: Option<String>,
}

#[derive(Serialize)]
struct AuditPage {
    lang: &'static str,
    form: Form,
    entries: Vec<Entry>,
    total: u64,
    older_href: Option<String>,
    newer_href: Option<String>,
}

fn action_name(state: &WebState, lang: Lang, action: &str) -> String {
    state.renderer.text(lang, &format!("audit-action-{action}"))
}

fn filter_form(state: &WebState, req: &Request, lang: Lang, slug: &str) -> Form {
    let t = |key: &str| state.renderer.text(lang, key);
    let mut kinds = vec![(String::new(), t("audit-any-kind"))];
    kinds.extend(
        Action::ALL
            .iter()
            .map(|a| (a.as_str().to_string(), action_name(state, lang, a.as_str()))),
    );
    Form::new(
        req,
        format!("/workspace/{slug}/audit"),
        t("audit-search"),
        lang,
        &state.renderer,
    )
    .field(Field::new("kind", "select", t("audit-kind")).choices(kinds))
    .field(
        Field::new("person", "text", t("audit-person"))
            .hint(t("audit-person-hint"))
            .autocomplete("off"),
    )
    .field(
        Field::new("from", "text", t("audit-from"))
            .hint(t("meeting-form-date-hint"))
            .width("medium"),
    )
    .field(
        Field::new("until", "text", t("audit-until"))
            .hint(t("audit-until-hint"))
            .width("medium"),
    )
}

/// The filter a search asks for; days that cannot be read are errors of their own.
fn filter_of(asked: &Submitted) -> (Filter, Vec<FieldError>) {
    let mut errors = Vec::new();
    let mut day = |name: &str| {
        let typed = asked.value(name).trim();
        if typed.is_empty() {
            return None;
        }
        forms::parse_date(typed)
            .map_err(|e| errors.push(FieldError::new(name, e)))
            .ok()
            .and_then(|d| athens::from_local(d.and_time(NaiveTime::MIN)))
    };
    let from = day("from");
    // Until a day means to its end.
    let until = day("until").map(|at| at + Duration::days(1));
    let filter = Filter {
        action: Action::ALL
            .iter()
            .copied()
            .find(|a| a.as_str() == asked.value("kind")),
        person: asked.optional("person"),
        from,
        until,
    };
    (filter, errors)
}

#[handler]
pub async fn audit_page(
    req: &Request,
    Path(slug): Path<String>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, principal) = match signed_in(req) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let lang = context.lang;
    let asked = super::query_of(req);
    let page_number = asked.value("page").parse::<u64>().unwrap_or(1).max(1);
    let (filter, errors) = filter_of(&asked);
    let mut form = filter_form(&state, req, lang, &slug).keep(&asked);
    form.show_errors(&state.renderer, lang, &errors, &[]);
    // A wrong day searches nothing: the form says what to fix.
    let shown = if form.has_errors() {
        state
            .access
            .audit_of(&principal, &slug, &filter, (0, 1))
            .await
            .map(|_| (Vec::new(), 0))
    } else {
        state
            .access
            .audit_of(&principal, &slug, &filter, (page_number - 1, PER_PAGE))
            .await
    };
    let (rows, total) = match shown {
        Ok(found) => found,
        Err(error) => return failed(&state, &context, error),
    };
    let with_page = |page: u64| {
        let mut pairs: Vec<(String, String)> = asked
            .0
            .iter()
            .filter(|(k, _)| k != "page")
            .cloned()
            .collect();
        pairs.push(("page".into(), page.to_string()));
        let query: String = url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(pairs)
            .finish();
        format!("/workspace/{slug}/audit?{query}")
    };
    let view = AuditPage {
        lang: lang.code(),
        entries: rows
            .iter()
            .map(|r| Entry {
                at: when(r.at),
                action: action_name(&state, lang, &r.action),
                actor: r.actor_email.clone(),
                target: r.target.clone(),
                ip: r.ip.clone(),
            })
            .collect(),
        total,
        older_href: (page_number * PER_PAGE < total).then(|| with_page(page_number + 1)),
        newer_href: (page_number > 1).then(|| with_page(page_number - 1)),
        form,
    };
    let title = state.renderer.text(lang, "audit-title");
    let status = if view.form.has_errors() {
        poem::http::StatusCode::UNPROCESSABLE_ENTITY
    } else {
        poem::http::StatusCode::OK
    };
    show(
        &state,
        req,
        &context,
        ("workspace_audit", &title),
        &view,
        status,
    )
}

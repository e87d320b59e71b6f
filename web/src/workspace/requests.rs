//! Requests for access, for a municipality's administrators: those waiting, oldest first,
//! each on a page of its own with everything its sender wrote, where it is accepted (the
//! invitation goes out; a council member is linked to their record first) or declined
//! (its sender gets a polite message, with a note if one is written). The same functions
//! as the API's `/tenants/{slug}/access-requests` do the work.

use std::sync::Arc;

use council_shared::{ApiError, auth::Role, http::client_ip};
use poem::{
    Request, Response, handler,
    web::{Data, Form as PostedForm, Path},
};
use serde::Serialize;
use tenants::{
    api::access_requests::{AcceptInput, DeclineInput},
    entities::access_request,
    identity::requests,
};

use super::{failed, received, show_form, signed_in};
use crate::{
    PageContext, WebState,
    forms::{self, Field, Form},
    i18n::Lang,
    meeting_views::{When, when},
};

fn requests_href(slug: &str) -> String {
    format!("/workspace/{slug}/requests")
}

/// A request's role (one of the roles that may be asked for) in the reader's words.
fn role_name(state: &WebState, lang: Lang, role: &str) -> String {
    let role = Role::parse(role).unwrap_or(Role::PracticeAuthor);
    super::people::role_name(state, lang, role)
}

#[derive(Serialize)]
struct RequestRow {
    href: String,
    full_name: String,
    organisation: Option<String>,
    email: String,
    role: String,
    sent: When,
    state: String,
    decided: Option<When>,
}

fn row(state: &WebState, lang: Lang, slug: &str, r: &access_request::Model) -> RequestRow {
    RequestRow {
        href: format!("{}/{}", requests_href(slug), r.id),
        full_name: r.full_name.clone(),
        organisation: r.organisation.clone(),
        email: r.email.clone(),
        role: role_name(state, lang, &r.role),
        sent: when(r.created_at),
        state: state
            .renderer
            .text(lang, &format!("requests-state-{}", r.state)),
        decided: r.decided_at.map(when),
    }
}

#[derive(Serialize)]
struct RequestsPage {
    lang: &'static str,
    done: Option<String>,
    waiting: Vec<RequestRow>,
    decided: Vec<RequestRow>,
}

#[handler]
pub async fn requests_page(
    req: &Request,
    Path(slug): Path<String>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, principal) = match signed_in(req) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let lang = context.lang;
    let (waiting, decided) = match state.access.access_requests(&principal, &slug).await {
        Ok(found) => found,
        Err(error) => return failed(&state, &context, error),
    };
    let view = RequestsPage {
        lang: lang.code(),
        done: super::done_banner(&state, req, lang),
        waiting: waiting
            .iter()
            .map(|r| row(&state, lang, &slug, r))
            .collect(),
        decided: decided
            .iter()
            .map(|r| row(&state, lang, &slug, r))
            .collect(),
    };
    let title = state.renderer.text(lang, "requests-title");
    super::show(
        &state,
        req,
        &context,
        ("workspace_requests", &title),
        &view,
        poem::http::StatusCode::OK,
    )
}

/// The two decisions, each its own form: accepting (with the member record for a council
/// member) and declining (with a note for the sender).
async fn decision_forms(
    state: &WebState,
    req: &Request,
    lang: Lang,
    (slug, request): (&str, &access_request::Model),
) -> Result<(Form, Form), ApiError> {
    let t = |key: &str| state.renderer.text(lang, key);
    let href = format!("{}/{}", requests_href(slug), request.id);
    let mut accept = Form::new(
        req,
        format!("{href}/accept"),
        t("requests-accept"),
        lang,
        &state.renderer,
    );
    if request.role == Role::CouncilMember.as_str() {
        let members = super::people::member_choices(state, lang, request.tenant_id).await?;
        accept = accept.field(
            Field::new("member_id", "select", t("people-member"))
                .hint(t("requests-member-hint"))
                .choices(members),
        );
    }
    let decline = Form::new(
        req,
        format!("{href}/decline"),
        t("requests-decline"),
        lang,
        &state.renderer,
    )
    .field(
        Field::new("note", "textarea", t("requests-note"))
            .hint(t("requests-note-hint"))
            .rows(4),
    );
    Ok((accept, decline))
}

#[derive(Serialize)]
struct RequestPage {
    lang: &'static str,
    heading: String,
    back_href: String,
    request: RequestRow,
    reason: String,
    note: Option<String>,
    pending: bool,
    accept: Form,
    decline: Form,
}

fn request_page(
    state: &WebState,
    req: &Request,
    context: &PageContext,
    (slug, request): (&str, &access_request::Model),
    (accept, decline): (Form, Form),
) -> Response {
    let lang = context.lang;
    let heading = state.renderer.text_with(
        lang,
        "requests-one-heading",
        &[("name", &request.full_name)],
    );
    // Whichever form shows errors decides the status; their cookie is the same.
    let shown = if decline.has_errors() {
        decline.clone()
    } else {
        accept.clone()
    };
    let view = RequestPage {
        lang: lang.code(),
        heading: heading.clone(),
        back_href: requests_href(slug),
        request: row(state, lang, slug, request),
        reason: request.reason.clone(),
        note: request.decision_note.clone(),
        pending: request.state == requests::PENDING,
        accept,
        decline,
    };
    show_form(
        state,
        req,
        context,
        ("workspace_request", &heading),
        &view,
        &shown,
    )
}

#[handler]
pub async fn request_detail(
    req: &Request,
    Path((slug, id)): Path<(String, i64)>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, principal) = match signed_in(req) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let request = match state.access.access_request(&principal, &slug, id).await {
        Ok(found) => found,
        Err(error) => return failed(&state, &context, error),
    };
    match decision_forms(&state, req, context.lang, (&slug, &request)).await {
        Ok(forms) => request_page(&state, req, &context, (&slug, &request), forms),
        Err(error) => failed(&state, &context, error),
    }
}

/// After a refused decision: the request's page again, the refusal shown on the form sent.
async fn refused(
    state: &WebState,
    req: &Request,
    context: &PageContext,
    (slug, id, on_decline): (&str, i64, bool),
    (submitted, error): (&forms::Submitted, ApiError),
) -> Response {
    let principal = context.user.clone().expect("signed in");
    let request = match state.access.access_request(&principal, slug, id).await {
        Ok(found) => found,
        Err(other) => return failed(state, context, other),
    };
    let lang = context.lang;
    let (mut accept, mut decline) = match decision_forms(state, req, lang, (slug, &request)).await {
        Ok(forms) => forms,
        Err(other) => return failed(state, context, other),
    };
    let form = if on_decline {
        decline = decline.keep(submitted);
        &mut decline
    } else {
        accept = accept.keep(submitted);
        &mut accept
    };
    match error {
        // Two administrators answering at once: the second is told, nothing is sent.
        ApiError::Conflict(_) if request.state != requests::PENDING => {
            form.problem(state.renderer.text(lang, "requests-already-answered"));
        }
        other => {
            if let Err(other) = form.show_refusal(&state.renderer, lang, other, &[]) {
                return failed(state, context, other);
            }
        }
    }
    request_page(state, req, context, (slug, &request), (accept, decline))
}

#[handler]
pub async fn accept_request(
    req: &Request,
    Path((slug, id)): Path<(String, i64)>,
    posted: PostedForm<Vec<(String, String)>>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, principal, submitted) = match received(&state, req, posted.0) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let input = AcceptInput {
        member_id: submitted.value("member_id").parse().ok(),
    };
    let from = (crate::sign_in::public_url(req), client_ip(req));
    match state
        .access
        .accept_request((&from.0, &from.1), &principal, (&slug, id), &input)
        .await
    {
        Ok(_) => forms::redirect(&format!("{}?done=request-accepted", requests_href(&slug))),
        Err(error) => {
            let sent = (&submitted, error);
            refused(&state, req, &context, (&slug, id, false), sent).await
        }
    }
}

#[handler]
pub async fn decline_request(
    req: &Request,
    Path((slug, id)): Path<(String, i64)>,
    posted: PostedForm<Vec<(String, String)>>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, principal, submitted) = match received(&state, req, posted.0) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let input = DeclineInput {
        note: submitted.optional("note"),
    };
    match state
        .access
        .decline_request(&client_ip(req), &principal, (&slug, id), &input)
        .await
    {
        Ok(_) => forms::redirect(&format!("{}?done=request-declined", requests_href(&slug))),
        Err(error) => {
            let sent = (&submitted, error);
            refused(&state, req, &context, (&slug, id, true), sent).await
        }
    }
}

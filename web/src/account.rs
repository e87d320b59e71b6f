//! A signed-in person's account page: their roles, the sessions still in use with a
//! sign-out button for each, their API tokens, the audit entries about them, and the
//! download of everything held about them. The same service functions as the API's
//! `/me/...` answer each part.

use std::sync::Arc;

use council_shared::{auth::SESSION_COOKIE, http::client_ip};
use poem::{
    Request, Response, handler,
    http::{StatusCode, header},
    web::{Data, Form, Path},
};
use serde::Serialize;

use crate::{
    WebState,
    public::meeting_views::{When, when},
    sign_in::{CsrfForm, clear_cookie, cookie, csrf_failure, csrf_ok, see_other},
    workspace::{failed, show, signed_in},
};

/// Audit entries the page shows; the download has more.
const AUDIT_SHOWN: usize = 20;

#[derive(Serialize)]
struct RoleLine {
    role: String,
    place: Option<String>,
}

#[derive(Serialize)]
struct SessionLine {
    method: String,
    started: When,
    last_seen: When,
    ends: When,
    current: bool,
    end_action: String,
}

#[derive(Serialize)]
struct TokenLine {
    name: String,
    created: When,
    last_used: Option<When>,
    ends: Option<When>,
    revoked: Option<When>,
}

#[derive(Serialize)]
struct AuditLine {
    at: When,
    action: String,
    target: Option<String>,
    ip: Option<String>,
}

#[derive(Serialize)]
struct AccountPage {
    lang: &'static str,
    csrf: String,
    done: Option<String>,
    email: String,
    name: Option<String>,
    roles: Vec<RoleLine>,
    sessions: Vec<SessionLine>,
    tokens: Vec<TokenLine>,
    audit: Vec<AuditLine>,
    audit_years: u32,
}

#[handler]
pub async fn account(request: &Request, state: Data<&Arc<WebState>>) -> Response {
    let (context, user) = match signed_in(request) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let lang = context.lang;
    let secret = cookie(request, SESSION_COOKIE);
    let data = match state.account.data_of(&user, secret.as_deref()).await {
        Ok(data) => data,
        Err(error) => return failed(&state, &context, error),
    };
    let t = |key: &str| state.renderer.text(lang, key);
    let view = AccountPage {
        lang: lang.code(),
        csrf: context.csrf.clone().unwrap_or_default(),
        done: crate::workspace::done_banner(&state, request, lang),
        email: data.email,
        name: data.display_name,
        roles: user
            .grants
            .iter()
            .map(|g| RoleLine {
                role: t(&format!(
                    "access-role-{}",
                    g.role.as_str().replace('_', "-")
                )),
                place: g.tenant.clone(),
            })
            .collect(),
        sessions: data
            .sessions
            .iter()
            .map(|s| SessionLine {
                method: match s.method.strip_prefix("oidc:") {
                    Some(issuer) => format!("{} ({issuer})", t("account-method-oidc")),
                    None => t("account-method-email"),
                },
                started: when(s.created_at),
                last_seen: when(s.last_seen_at),
                ends: when(s.expires_at),
                current: s.current,
                end_action: format!("/account/sessions/{}/end", s.id),
            })
            .collect(),
        tokens: data
            .tokens
            .iter()
            .map(|token| TokenLine {
                name: token.name.clone(),
                created: when(token.created_at),
                last_used: token.last_used_at.map(when),
                ends: token.expires_at.map(when),
                revoked: token.revoked_at.map(when),
            })
            .collect(),
        audit: data
            .audit
            .into_iter()
            .take(AUDIT_SHOWN)
            .map(|entry| AuditLine {
                at: when(entry.at),
                action: t(&format!("audit-action-{}", entry.action)),
                target: entry.target,
                ip: entry.ip,
            })
            .collect(),
        audit_years: data.kept_for.audit_log_years,
    };
    let title = t("account-title");
    show(
        &state,
        request,
        &context,
        ("account", &title),
        &view,
        StatusCode::OK,
    )
}

/// Signs out one of the person's sessions; the one in use signs them out here too.
#[handler]
pub async fn end_session(
    request: &Request,
    id: Path<i64>,
    form: Form<CsrfForm>,
    state: Data<&Arc<WebState>>,
) -> Response {
    if !csrf_ok(request, &form.csrf) {
        return csrf_failure(&state, request);
    }
    let (context, user) = match signed_in(request) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let secret = cookie(request, SESSION_COOKIE);
    let current = match state.account.sessions_of(&user, secret.as_deref()).await {
        Ok(sessions) => sessions.iter().any(|s| s.id == id.0 && s.current),
        Err(error) => return failed(&state, &context, error),
    };
    if let Err(error) = state
        .account
        .end_session(&user, id.0, &client_ip(request))
        .await
    {
        return failed(&state, &context, error);
    }
    if current {
        return see_other("/")
            .header(
                header::SET_COOKIE,
                clear_cookie(request, SESSION_COOKIE, "/"),
            )
            .header(header::CACHE_CONTROL, "no-store")
            .finish();
    }
    see_other("/account?done=session-ended")
        .header(header::CACHE_CONTROL, "no-store")
        .finish()
}

/// Everything held about the person, as the API's `/me/data` gives it: a file to keep.
#[handler]
pub async fn download(request: &Request, state: Data<&Arc<WebState>>) -> Response {
    let (context, user) = match signed_in(request) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let secret = cookie(request, SESSION_COOKIE);
    match state.account.data_of(&user, secret.as_deref()).await {
        Ok(data) => {
            use poem_openapi::types::ToJSON;
            Response::builder()
                .status(StatusCode::OK)
                .content_type("application/json")
                .header(
                    header::CONTENT_DISPOSITION,
                    "attachment; filename=\"account.json\"",
                )
                .header(header::CACHE_CONTROL, "no-store")
                .body(data.to_json_string())
        }
        Err(error) => failed(&state, &context, error),
    }
}

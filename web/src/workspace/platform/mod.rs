//! The platform's operators' pages (`/workspace/platform/...`): municipalities, platform
//! roles, thematic areas of good practices, every municipality's deliveries and the
//! background jobs. `platform` can never be a municipality's slug (`TenantSlug::parse`
//! refuses it), so these addresses never meet `/workspace/{slug}/...`. Only principals
//! with `is_platform_admin()` get past `operator`; everyone else gets the 403 page, and
//! every change goes through the same function as the API's.

pub mod accounts;
pub mod deliveries;
pub mod jobs;
pub mod municipalities;
pub mod municipality_form;
pub mod roles;
pub mod themes;

use std::sync::Arc;

use council_shared::{ApiError, auth::Principal};
use poem::{Request, Response};
use serde::Serialize;

use super::{failed, received, signed_in};
use crate::{PageContext, WebState, forms::Form, forms::Submitted};

/// Where the operators' pages live.
pub(crate) const BASE: &str = "/workspace/platform";

/// The page's context and the operator reading it, or the response for anyone else (to
/// sign in, or 403).
#[allow(clippy::result_large_err)] // as `signed_in`
pub(crate) fn operator(
    state: &WebState,
    request: &Request,
) -> Result<(PageContext, Arc<Principal>), Response> {
    let (context, principal) = signed_in(request)?;
    if !principal.is_platform_admin() {
        return Err(failed(state, &context, forbidden()));
    }
    Ok((context, principal))
}

/// A form an operator sent from one of these pages, or the response for anyone else.
#[allow(clippy::result_large_err)] // as `signed_in`
pub(crate) fn operator_form(
    state: &WebState,
    request: &Request,
    posted: Vec<(String, String)>,
) -> Result<(PageContext, Arc<Principal>, Submitted), Response> {
    let (context, principal, submitted) = received(state, request, posted)?;
    if !principal.is_platform_admin() {
        return Err(failed(state, &context, forbidden()));
    }
    Ok((context, principal, submitted))
}

fn forbidden() -> ApiError {
    ApiError::Forbidden("only the platform's operators use these pages".into())
}

/// A page holding one form: a way back, a heading, what to know first, the form.
#[derive(Serialize)]
pub(crate) struct FormPage {
    pub lang: &'static str,
    pub heading: String,
    pub back_href: String,
    pub back_label: String,
    pub intro: Vec<String>,
    /// A confirmation (archive, revoke, remove): its button is a warning's.
    pub warning: bool,
    pub done: Option<String>,
    /// Why it cannot be done (instead of the form's button).
    pub blocked: Option<String>,
    pub form: Form,
}

/// Renders a `FormPage` (422 when its form shows errors).
pub(crate) fn form_page(
    state: &WebState,
    request: &Request,
    context: &PageContext,
    view: FormPage,
) -> Response {
    let heading = view.heading.clone();
    super::show_form(
        state,
        request,
        context,
        ("workspace_platform_form", &heading),
        &view,
        &view.form,
    )
}

/// The operators' links on the workspace home: (address, text key).
pub(crate) const LINKS: [(&str, &str); 6] = [
    (
        "/workspace/platform/municipalities",
        "platform-municipalities",
    ),
    ("/workspace/platform/roles", "platform-roles"),
    ("/workspace/platform/deliveries", "platform-deliveries"),
    ("/workspace/platform/jobs", "platform-jobs"),
    ("/workspace/platform/themes", "platform-themes"),
    ("/workspace/platform/accounts", "platform-accounts"),
];

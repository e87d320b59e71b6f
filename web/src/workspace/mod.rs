//! The workspace: what signed-in people who run a council (secretaries, administrators,
//! members) do in the browser. Each feature is a module holding its handlers and views;
//! its templates are named `workspace_<feature>`. Anonymous readers are sent to sign in
//! and come back; what a page may show follows the same roles as the API.

pub mod home;

use poem::{Request, Response, http::header};

/// Anonymous readers go to sign-in and come back to `request`'s address after.
fn sign_in_first(request: &Request) -> Response {
    let back = request
        .uri()
        .path_and_query()
        .map_or_else(|| request.uri().path().to_string(), |p| p.to_string());
    Response::builder()
        .status(poem::http::StatusCode::SEE_OTHER)
        .header(
            header::LOCATION,
            format!("/sign-in?next={}", crate::encode(&back)),
        )
        .header(header::CACHE_CONTROL, "no-store")
        .finish()
}

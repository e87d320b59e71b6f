//! The workspace: what signed-in people who run a council (secretaries, administrators,
//! members) do in the browser. Each feature is a module holding its handlers and views;
//! its templates are named `workspace_<feature>`. Anonymous readers are sent to sign in
//! and come back; what a page may show and do follows the API's roles, because every
//! change goes through the same command the API calls (`meetings::api::commands`).

pub mod agenda;
pub mod audit;
pub mod convocation;
pub mod council;
pub mod council_details;
pub mod data_protection;
pub mod deliveries;
pub mod documents;
pub mod home;
pub mod meeting;
pub mod meetings;
pub mod member;
pub mod minutes;
pub mod moderation;
pub mod moderation_adoption;
pub mod moderation_diff;
pub mod moderation_feedback;
pub mod moderation_review;
pub mod notices;
pub mod people;
pub mod platform;
pub mod practice;
pub mod practice_files;
pub mod practice_rows;
pub mod practice_sections;
pub mod practices;
pub mod profile;
pub mod record;
pub mod requests;
pub mod sign_in_provider;
pub mod subscriber_import;
pub mod subscribers;
pub mod subscribers_csv;

use std::sync::Arc;

use council_shared::{ApiError, auth::Principal};
use poem::{Request, Response, http::StatusCode, http::header};
use serde::Serialize;

use crate::{PageContext, WebState, error_page, forms::Form};

/// Anonymous readers go to sign-in and come back to `request`'s address after.
fn sign_in_first(request: &Request) -> Response {
    // The address as the browser asked for it (the workspace's routes are nested).
    let uri = request.original_uri();
    let back = uri
        .path_and_query()
        .map_or_else(|| uri.path().to_string(), |p| p.to_string());
    Response::builder()
        .status(StatusCode::SEE_OTHER)
        .header(
            header::LOCATION,
            format!("/sign-in?next={}", crate::encode(&back)),
        )
        .header(header::CACHE_CONTROL, "no-store")
        .finish()
}

/// The page's context and the signed-in person, or the response that sends them to sign in.
// The error is the response a handler returns at once, made at most once per request.
#[allow(clippy::result_large_err)]
pub(crate) fn signed_in(request: &Request) -> Result<(PageContext, Arc<Principal>), Response> {
    let context = PageContext::of(request);
    match context.user.clone() {
        Some(principal) => Ok((context, principal)),
        None => Err(sign_in_first(request)),
    }
}

/// A form a signed-in person sent from one of our pages: who, and what they sent; or the
/// response for anyone else (to sign in, or the page for a form that is not ours).
#[allow(clippy::result_large_err)] // as `signed_in`
pub(crate) fn received(
    state: &WebState,
    request: &Request,
    posted: Vec<(String, String)>,
) -> Result<(PageContext, Arc<Principal>, crate::forms::Submitted), Response> {
    let (context, principal) = signed_in(request)?;
    let submitted = crate::forms::Submitted(posted);
    if !submitted.genuine(request) {
        return Err(crate::sign_in::csrf_failure(state, request));
    }
    Ok((context, principal, submitted))
}

/// What a search form sent with GET: the address's query, as a form's values.
pub(crate) fn query_of(request: &Request) -> crate::forms::Submitted {
    crate::forms::Submitted(
        request
            .uri()
            .query()
            .map(|q| {
                url::form_urlencoded::parse(q.as_bytes())
                    .map(|(k, v)| (k.to_string(), v.to_string()))
                    .collect()
            })
            .unwrap_or_default(),
    )
}

/// Renders a workspace page: `template` with `view`, in the site layout, never cached,
/// with the CSRF cookie when the reader has none yet (its buttons are forms).
pub(crate) fn show(
    state: &WebState,
    request: &Request,
    context: &PageContext,
    page: (&str, &str),
    view: &impl Serialize,
    status: StatusCode,
) -> Response {
    let (_, new_cookie) = crate::sign_in::csrf_token(request);
    crate::forms::render_page(state, request, context, page, view, (status, new_cookie))
}

/// Like `show`, for a page holding `form`: sends its new CSRF cookie when it made one, and
/// answers 422 when the form shows errors.
pub(crate) fn show_form(
    state: &WebState,
    request: &Request,
    context: &PageContext,
    page: (&str, &str),
    view: &impl Serialize,
    form: &Form,
) -> Response {
    let status = if form.has_errors() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let cookie = form.new_cookie.clone();
    crate::forms::render_page(state, request, context, page, view, (status, cookie))
}

/// The page for an error the API would answer with a problem: 403, 404, 409 or 500.
pub(crate) fn failed(state: &WebState, context: &PageContext, error: ApiError) -> Response {
    let status = match &error {
        ApiError::Internal(cause) => {
            tracing::error!(error = ?cause, "a workspace page failed");
            StatusCode::INTERNAL_SERVER_ERROR
        }
        other => other.status(),
    };
    crate::sign_in::no_store(error_page(state, context, status))
}

/// The sentence a page shows after a change, from `?done=` (set by the redirect after a
/// successful POST): `workspace-done-{key}` in the reader's language.
pub(crate) fn done_banner(
    state: &WebState,
    request: &Request,
    lang: crate::i18n::Lang,
) -> Option<String> {
    let key = request.uri().query().and_then(|q| {
        url::form_urlencoded::parse(q.as_bytes())
            .find(|(name, _)| name == "done")
            .map(|(_, value)| value.to_string())
    })?;
    DONE_KEYS
        .contains(&key.as_str())
        .then(|| state.renderer.text(lang, &format!("workspace-done-{key}")))
}

/// What a redirect may say was done.
pub(crate) const DONE_KEYS: [&str; 53] = [
    "practice-created",
    "practice-saved",
    "practice-uploaded",
    "practice-submitted",
    "adopted",
    "review-started",
    "practice-published",
    "changes-requested",
    "practice-rejected",
    "feedback-approved",
    "feedback-refused",
    "adoption-withdrawn",
    "provider-saved",
    "provider-removed",
    "request-accepted",
    "request-declined",
    "profile-saved",
    "municipality-added",
    "archived",
    "restored",
    "theme-removed",
    "retried",
    "subscriber-erased",
    "notices-saved",
    "council-saved",
    "invited",
    "resent",
    "revoked",
    "member-added",
    "member-saved",
    "member-ended",
    "uploaded",
    "removed",
    "created",
    "saved",
    "deleted",
    "convened",
    "postponed",
    "cancelled",
    "item-added",
    "item-saved",
    "item-moved",
    "item-withdrawn",
    "attendance",
    "held",
    "decision",
    "minutes-saved",
    "approved",
    "published",
    "answered",
    "commented",
    "session-ended",
    "account-erased",
];

/// An item of a meeting, for a page only its staff may use.
pub(crate) async fn staff_item(
    state: &WebState,
    principal: &Principal,
    (slug, id, item_id): (&str, i64, i64),
) -> Result<
    (
        council_shared::council::CouncilRoster,
        ::meetings::entities::meeting::Model,
        ::meetings::entities::agenda_item::Model,
    ),
    ApiError,
> {
    let (roster, _, meeting) = state.meetings.staff_meeting(slug, id, principal).await?;
    let item = ::meetings::service::agenda::find(&state.meetings.db, &meeting, item_id).await?;
    Ok((roster, meeting, item))
}

/// A meeting's address in the workspace.
pub(crate) fn meeting_href(slug: &str, id: i64) -> String {
    format!("/workspace/{slug}/meetings/{id}")
}

/// The operators' addresses, under `/platform` (a slug no municipality can take).
fn platform_routes(route: poem::Route, state: &Arc<WebState>) -> poem::Route {
    use council_shared::methods::{get, post};
    use platform::{accounts, deliveries, jobs, municipalities, municipality_form, roles, themes};
    use poem::EndpointExt;
    let m = "/platform/municipalities";
    route
        .at(m, get(municipalities::list).data(state.clone()))
        .at(
            format!("{m}/new"),
            get(municipality_form::new_municipality)
                .post(municipality_form::create)
                .data(state.clone()),
        )
        .at(
            format!("{m}/:slug/edit"),
            get(municipality_form::edit)
                .post(municipality_form::update)
                .data(state.clone()),
        )
        .at(
            format!("{m}/:slug/administrator"),
            get(municipality_form::new_administrator)
                .post(municipality_form::invite_administrator)
                .data(state.clone()),
        )
        .at(
            format!("{m}/:slug/archive"),
            get(municipalities::confirm_archive)
                .post(municipalities::archive_municipality)
                .data(state.clone()),
        )
        .at(
            format!("{m}/:slug/restore"),
            get(municipalities::confirm_restore)
                .post(municipalities::restore_municipality)
                .data(state.clone()),
        )
        .at(
            "/platform/roles",
            get(roles::roles_page).data(state.clone()),
        )
        .at(
            "/platform/roles/invite",
            get(roles::new_invitation)
                .post(roles::invite)
                .data(state.clone()),
        )
        .at(
            "/platform/roles/:id/resend",
            post(roles::resend).data(state.clone()),
        )
        .at(
            "/platform/roles/:id/revoke",
            get(roles::confirm_revoke)
                .post(roles::revoke)
                .data(state.clone()),
        )
        .at(
            "/platform/deliveries",
            get(deliveries::deliveries_page).data(state.clone()),
        )
        .at(
            "/platform/deliveries/:id/retry",
            post(deliveries::retry).data(state.clone()),
        )
        .at("/platform/jobs", get(jobs::jobs_page).data(state.clone()))
        .at(
            "/platform/accounts",
            get(accounts::accounts_page).data(state.clone()),
        )
        .at(
            "/platform/accounts/:id/erase",
            get(accounts::confirm_erase)
                .post(accounts::erase)
                .data(state.clone()),
        )
        .at(
            "/platform/themes",
            get(themes::themes_page).data(state.clone()),
        )
        .at(
            "/platform/themes/new",
            get(themes::new_theme).post(themes::add).data(state.clone()),
        )
        .at(
            "/platform/themes/:code/edit",
            get(themes::edit).post(themes::update).data(state.clone()),
        )
        .at(
            "/platform/themes/:code/remove",
            get(themes::confirm_remove)
                .post(themes::remove)
                .data(state.clone()),
        )
}

/// Authors' addresses, under `/practices` (a slug no municipality can take): their
/// practices, a new one, and each one's task list, sections, preview and submission.
fn practice_routes(route: poem::Route, state: &Arc<WebState>) -> poem::Route {
    use council_shared::methods::{get, post};
    use poem::EndpointExt;
    let p = "/practices/:slug";
    route
        .at("/practices", get(practices::list).data(state.clone()))
        .at(
            "/practices/new",
            get(practices::new_practice)
                .post(practices::start_practice)
                .data(state.clone()),
        )
        .at(p, get(practice::practice_page).data(state.clone()))
        .at(
            format!("{p}/preview"),
            get(practice::preview).data(state.clone()),
        )
        .at(
            format!("{p}/submit"),
            post(practice::submit).data(state.clone()),
        )
        .at(
            format!("{p}/:section"),
            get(practice_sections::edit_section)
                .post(practice_sections::save_section)
                .data(state.clone()),
        )
        .at(
            format!("{p}/:section/upload"),
            post(practice_files::upload).data(state.clone()),
        )
}

/// The workspace's addresses. A POST that succeeded (it redirects) changed something the
/// public may see: the public pages kept rendered are dropped, as after an API write.
pub(crate) fn routes(route: poem::Route, state: &Arc<WebState>) -> poem::Route {
    use council_shared::methods::{get, post};
    use poem::{Endpoint, EndpointExt, IntoResponse};
    let m = "/:slug/meetings/:id";
    let writes = |endpoint: poem::Route| {
        let core = state.meetings.clone();
        endpoint.around(move |next, req| {
            let core = core.clone();
            async move {
                let posted = req.method() == poem::http::Method::POST;
                let response = next.call(req).await?.into_response();
                if posted && response.status() == StatusCode::SEE_OTHER {
                    core.public_views.clear();
                }
                Ok(response)
            }
        })
    };
    let pages = practice_routes(platform_routes(poem::Route::new(), state), state);
    let pages = moderation::moderation_routes(pages, state)
        .at("/", get(home::workspace_home).data(state.clone()))
        .at(
            "/:slug/council",
            get(council::council_page).data(state.clone()),
        )
        .at(
            "/:slug/data-protection",
            get(data_protection::edit)
                .post(data_protection::save)
                .data(state.clone()),
        )
        .at(
            "/:slug/council/details",
            get(council_details::edit_details)
                .post(council_details::save_details)
                .data(state.clone()),
        )
        .at(
            "/:slug/profile",
            get(profile::edit_profile)
                .post(profile::save_profile)
                .data(state.clone()),
        )
        .at(
            "/:slug/sign-in-provider",
            get(sign_in_provider::provider)
                .post(sign_in_provider::save_provider)
                .data(state.clone()),
        )
        .at(
            "/:slug/sign-in-provider/remove",
            get(sign_in_provider::confirm_remove)
                .post(sign_in_provider::remove_provider)
                .data(state.clone()),
        )
        .at(
            "/:slug/requests",
            get(requests::requests_page).data(state.clone()),
        )
        .at(
            "/:slug/requests/:id",
            get(requests::request_detail).data(state.clone()),
        )
        .at(
            "/:slug/requests/:id/accept",
            post(requests::accept_request).data(state.clone()),
        )
        .at(
            "/:slug/requests/:id/decline",
            post(requests::decline_request).data(state.clone()),
        )
        .at(
            "/:slug/notices",
            get(notices::notices_page)
                .post(notices::save_notices)
                .data(state.clone()),
        )
        .at(
            "/:slug/deliveries",
            get(deliveries::deliveries_page).data(state.clone()),
        )
        .at(
            "/:slug/deliveries/:id/retry",
            post(deliveries::retry).data(state.clone()),
        )
        .at("/:slug/audit", get(audit::audit_page).data(state.clone()))
        .at(
            "/:slug/subscribers",
            get(subscribers::subscribers_page).data(state.clone()),
        )
        .at(
            "/:slug/subscribers/export",
            get(subscribers::export).data(state.clone()),
        )
        .at(
            "/:slug/subscribers/import",
            get(subscriber_import::import_page)
                .post(subscriber_import::preview)
                .data(state.clone()),
        )
        .at(
            "/:slug/subscribers/import/confirm",
            post(subscriber_import::confirm).data(state.clone()),
        )
        .at(
            "/:slug/subscribers/:id/erase",
            get(subscribers::confirm_erase)
                .post(subscribers::erase)
                .data(state.clone()),
        )
        .at(
            "/:slug/people",
            get(people::people_page).data(state.clone()),
        )
        .at(
            "/:slug/people/invite",
            get(people::new_invitation)
                .post(people::invite)
                .data(state.clone()),
        )
        .at(
            "/:slug/people/:id/resend",
            post(people::resend).data(state.clone()),
        )
        .at(
            "/:slug/people/:id/revoke",
            get(people::confirm_revoke)
                .post(people::revoke)
                .data(state.clone()),
        )
        .at(
            "/:slug/council/members/new",
            get(council::new_member)
                .post(council::add_member)
                .data(state.clone()),
        )
        .at(
            "/:slug/council/members/:id/edit",
            get(council::edit_member)
                .post(council::update_member)
                .data(state.clone()),
        )
        .at(
            "/:slug/council/members/:id/end",
            get(council::confirm_end)
                .post(council::end_member)
                .data(state.clone()),
        )
        .at(
            "/:slug/meetings",
            get(meetings::council_meetings).data(state.clone()),
        )
        .at(
            "/:slug/meetings/new",
            get(meetings::new_meeting)
                .post(meetings::create_meeting)
                .data(state.clone()),
        )
        .at(m, get(meeting::meeting_page).data(state.clone()))
        .at(
            format!("{m}/edit"),
            get(meetings::edit_meeting)
                .post(meetings::update_meeting)
                .data(state.clone()),
        )
        .at(
            format!("{m}/agenda/new"),
            get(agenda::new_item)
                .post(agenda::add_item)
                .data(state.clone()),
        )
        .at(
            format!("{m}/agenda/:item_id/edit"),
            get(agenda::edit_item)
                .post(agenda::update_item)
                .data(state.clone()),
        )
        .at(
            format!("{m}/agenda/:item_id/move"),
            post(agenda::move_item).data(state.clone()),
        )
        .at(
            format!("{m}/agenda/:item_id/withdraw"),
            get(agenda::confirm_withdraw)
                .post(agenda::withdraw)
                .data(state.clone()),
        )
        .at(
            format!("{m}/agenda/:item_id/decision"),
            get(record::decision_sheet)
                .post(record::record_decision)
                .data(state.clone()),
        )
        .at(
            format!("{m}/agenda/:item_id/comment"),
            post(member::comment).data(state.clone()),
        )
        .at(
            format!("{m}/answer"),
            post(member::answer).data(state.clone()),
        )
        .at(
            format!("{m}/agenda/:item_id/documents"),
            get(documents::documents)
                .post(documents::upload)
                .data(state.clone()),
        )
        .at(
            format!("{m}/documents/:attachment_id/remove"),
            get(documents::confirm_remove)
                .post(documents::remove)
                .data(state.clone()),
        )
        .at(
            format!("{m}/attendance"),
            get(record::attendance_sheet)
                .post(record::record_attendance)
                .data(state.clone()),
        )
        .at(format!("{m}/hold"), post(record::hold).data(state.clone()))
        .at(
            format!("{m}/minutes"),
            get(minutes::minutes_page)
                .post(minutes::save_minutes)
                .data(state.clone()),
        )
        .at(
            format!("{m}/minutes/approve"),
            post(minutes::approve).data(state.clone()),
        )
        .at(
            format!("{m}/minutes/publish"),
            get(minutes::confirm_publish)
                .post(minutes::publish)
                .data(state.clone()),
        );
    let pages = ["convene", "postpone", "cancel", "delete"]
        .into_iter()
        .fold(pages, |pages, step| {
            pages.at(
                format!("{m}/{step}"),
                get(convocation::confirm)
                    .post(convocation::act)
                    .data(state.clone()),
            )
        });
    route.nest("/workspace", writes(pages))
}

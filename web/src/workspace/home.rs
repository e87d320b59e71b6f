//! `/workspace`: a signed-in person's home. Their municipalities and roles, and for each
//! council they work in, what waits for them now: for its secretary and administrators the
//! meetings to prepare or convene, the coming ones, those held without minutes, minutes to
//! approve and to publish; for its members the coming meetings (to answer attendance) and
//! draft minutes to read. Each entry links to the meeting's page, which shows a signed-in
//! member or secretary everything they may see of it.

use std::{collections::BTreeMap, sync::Arc};

use council_shared::{
    ApiError,
    auth::{Caller, Principal, Role},
    pagination::PageRequest,
};
use meetings::{
    access::Viewer,
    api::{
        models::MeetingSummary,
        reads::{self, ListRequest},
    },
    domain::MeetingState,
    service::seen,
};
use poem::{Request, Response, handler, http::StatusCode, web::Data};
use serde::Serialize;

use crate::{
    PageContext, WebState, error_page, html_response,
    i18n::Lang,
    layout,
    meeting_views::{When, when},
    sign_in::no_store,
    views::localize,
};

/// At most this many meetings in each list of what waits; the council's list has the rest.
const PER_LIST: u64 = 10;

#[derive(Serialize)]
struct WaitingMeeting {
    href: String,
    title: String,
    number: Option<String>,
    starts: When,
    /// What is new there, for the list of documents added since the last look.
    note: Option<String>,
}

#[derive(Serialize)]
struct WaitingList {
    heading: String,
    hint: String,
    meetings: Vec<WaitingMeeting>,
}

#[derive(Serialize)]
struct Workplace {
    name: String,
    roles: Vec<String>,
    meetings_href: String,
    practices_href: Option<String>,
    /// For its administrators: the public profile, the council and its members, and who
    /// has which role.
    profile_href: Option<String>,
    requests_href: Option<String>,
    provider_href: Option<String>,
    data_protection_href: Option<String>,
    council_href: Option<String>,
    people_href: Option<String>,
    notices_href: Option<String>,
    deliveries_href: Option<String>,
    audit_href: Option<String>,
    subscribers_href: Option<String>,
    waiting: Vec<WaitingList>,
}

#[derive(Serialize)]
struct Link {
    href: &'static str,
    text: String,
}

#[derive(Serialize)]
struct HomePage {
    platform_roles: Vec<String>,
    /// For the platform's operators: their pages.
    platform_links: Vec<Link>,
    /// For moderators of good practices: the queue, with how many wait.
    moderation: Option<(String, String)>,
    workplaces: Vec<Workplace>,
    nothing_waits: bool,
}

/// The lists of what waits for `viewer`'s kind of work: (state, upcoming only, heading key,
/// hint key).
fn lists_for(viewer: &Viewer) -> &'static [(MeetingState, bool, &'static str)] {
    match viewer {
        Viewer::Staff { .. } => &[
            (MeetingState::Draft, false, "workspace-waiting-drafts"),
            (MeetingState::Convened, true, "workspace-waiting-upcoming"),
            (MeetingState::Held, false, "workspace-waiting-held"),
            (
                MeetingState::MinutesDrafted,
                false,
                "workspace-waiting-to-approve",
            ),
            (
                MeetingState::MinutesApproved,
                false,
                "workspace-waiting-to-publish",
            ),
        ],
        Viewer::Member { .. } => &[
            (MeetingState::Convened, true, "workspace-waiting-to-answer"),
            (
                MeetingState::MinutesDrafted,
                false,
                "workspace-waiting-to-read",
            ),
        ],
        Viewer::Public => &[],
    }
}

async fn waiting_lists(
    state: &WebState,
    lang: Lang,
    (slug, tenant_id): (&str, i64),
    principal: &Principal,
) -> Result<Vec<WaitingList>, ApiError> {
    let viewer = Viewer::of(Some(principal), tenant_id);
    let mut lists = Vec::new();
    let mut open = Vec::new();
    for (meeting_state, upcoming, key) in lists_for(&viewer) {
        let request = ListRequest {
            year: None,
            state: Some(*meeting_state),
            upcoming: upcoming.then_some(true),
            q: None,
            page: PageRequest::parse(Some(1), Some(PER_LIST))?,
        };
        let (_, _, page) = reads::list(&state.meetings, slug, Some(principal), &request).await?;
        if page.items.is_empty() {
            continue;
        }
        if matches!(meeting_state, MeetingState::Convened | MeetingState::Held) {
            open.extend(page.items.iter().cloned());
        }
        lists.push(WaitingList {
            heading: state.renderer.text(lang, key),
            hint: state.renderer.text(lang, &format!("{key}-hint")),
            meetings: page.items.iter().map(waiting_meeting).collect(),
        });
    }
    if let Some(documents) = new_documents(state, lang, &open, principal).await? {
        lists.insert(0, documents);
    }
    Ok(lists)
}

/// The coming and held meetings with documents added since the person last opened them.
async fn new_documents(
    state: &WebState,
    lang: Lang,
    open: &[MeetingSummary],
    principal: &Principal,
) -> Result<Option<WaitingList>, ApiError> {
    let ids: Vec<i64> = open.iter().map(|m| m.id).collect();
    let files = seen::new_documents(&state.meetings.db, &ids, principal.user_id).await?;
    let meetings: Vec<WaitingMeeting> = open
        .iter()
        .filter_map(|summary| {
            let count = files.iter().filter(|f| f.meeting_id == summary.id).count();
            (count > 0).then(|| WaitingMeeting {
                note: Some(
                    state
                        .renderer
                        .text_count(lang, "workspace-new-documents-count", count),
                ),
                ..waiting_meeting(summary)
            })
        })
        .collect();
    Ok((!meetings.is_empty()).then(|| WaitingList {
        heading: state.renderer.text(lang, "workspace-new-documents"),
        hint: state.renderer.text(lang, "workspace-new-documents-hint"),
        meetings,
    }))
}

fn waiting_meeting(summary: &MeetingSummary) -> WaitingMeeting {
    WaitingMeeting {
        href: super::meeting_href(&summary.tenant, summary.id),
        title: summary.title.clone(),
        number: summary.number.clone(),
        starts: when(summary.starts_at),
        note: None,
    }
}

fn role_name(state: &WebState, lang: Lang, role: Role) -> String {
    state.renderer.text(
        lang,
        &format!("access-role-{}", role.as_str().replace('_', "-")),
    )
}

#[handler]
pub async fn workspace_home(request: &Request, state: Data<&Arc<WebState>>) -> Response {
    let context = PageContext::of(request);
    let Caller::SignedIn(principal) = Caller::of(request) else {
        return super::sign_in_first(request);
    };
    let lang = context.lang;
    let mut by_municipality: BTreeMap<String, Vec<Role>> = BTreeMap::new();
    let mut platform_roles = Vec::new();
    for grant in &principal.grants {
        match &grant.tenant {
            Some(slug) => by_municipality
                .entry(slug.clone())
                .or_default()
                .push(grant.role),
            None => platform_roles.push(role_name(&state, lang, grant.role)),
        }
    }
    let mut workplaces = Vec::new();
    for (slug, roles) in by_municipality {
        let Ok(Some(tenant)) = state.reads.tenant(&slug).await else {
            continue;
        };
        let waiting = match waiting_lists(&state, lang, (&slug, tenant.id), &principal).await {
            Ok(lists) => lists,
            Err(error) => {
                tracing::error!(error = ?error, slug, "the workspace could not list meetings");
                return error_page(&state, &context, StatusCode::INTERNAL_SERVER_ERROR);
            }
        };
        workplaces.push(Workplace {
            name: localize(&tenant.detail.name, lang).text,
            profile_href: principal
                .administers(tenant.id)
                .then(|| format!("/workspace/{slug}/profile")),
            requests_href: principal
                .administers(tenant.id)
                .then(|| format!("/workspace/{slug}/requests")),
            provider_href: principal
                .administers(tenant.id)
                .then(|| format!("/workspace/{slug}/sign-in-provider")),
            data_protection_href: principal
                .administers(tenant.id)
                .then(|| format!("/workspace/{slug}/data-protection")),
            council_href: principal
                .administers(tenant.id)
                .then(|| format!("/workspace/{slug}/council")),
            people_href: principal
                .administers(tenant.id)
                .then(|| format!("/workspace/{slug}/people")),
            notices_href: principal
                .administers(tenant.id)
                .then(|| format!("/workspace/{slug}/notices")),
            deliveries_href: principal
                .administers(tenant.id)
                .then(|| format!("/workspace/{slug}/deliveries")),
            audit_href: principal
                .administers(tenant.id)
                .then(|| format!("/workspace/{slug}/audit")),
            subscribers_href: principal
                .administers(tenant.id)
                .then(|| format!("/workspace/{slug}/subscribers")),
            practices_href: roles
                .contains(&Role::PracticeAuthor)
                .then(|| format!("/municipalities/{slug}/practices")),
            roles: roles
                .iter()
                .map(|role| role_name(&state, lang, *role))
                .collect(),
            meetings_href: if roles
                .iter()
                .any(|r| matches!(r, Role::Secretary | Role::TenantAdmin | Role::CouncilMember))
            {
                format!("/workspace/{slug}/meetings")
            } else {
                format!("/municipalities/{slug}/meetings")
            },
            waiting,
        });
    }
    let platform_links = if principal.is_platform_admin() {
        super::platform::LINKS
            .iter()
            .map(|(href, key)| Link {
                href,
                text: state.renderer.text(lang, key),
            })
            .collect()
    } else {
        Vec::new()
    };
    let view = HomePage {
        platform_links,
        moderation: super::moderation::home_link(&state, &principal, lang).await,
        nothing_waits: workplaces.iter().all(|w| w.waiting.is_empty()),
        platform_roles,
        workplaces,
    };
    let title = state.renderer.text(lang, "workspace-title");
    match state
        .renderer
        .render("workspace_home", &view)
        .and_then(|body| layout(&state, &context, &title, body))
    {
        Ok(html) => no_store(html_response(StatusCode::OK, lang, html)),
        Err(error) => {
            tracing::error!(error = ?error, "the workspace page failed to render");
            error_page(&state, &context, StatusCode::INTERNAL_SERVER_ERROR)
        }
    }
}

//! What the API's read operations and the web pages share: a municipality's meetings as a
//! caller may list them, and one meeting as the caller may see it.

use council_shared::{
    ApiError, auth::Principal, council::CouncilRoster, pagination::PageRequest, search::query_terms,
};

use super::{Core, models::*, views};
use crate::{
    access::Viewer,
    domain::MeetingState,
    service::{self, meetings},
};

/// A validated list request.
#[derive(Debug, Clone)]
pub struct ListRequest {
    pub year: Option<i32>,
    pub state: Option<MeetingState>,
    /// `Some(true)`: from now on, soonest first; `Some(false)`: past, newest first.
    pub upcoming: Option<bool>,
    pub q: Option<String>,
    pub page: PageRequest,
}

impl ListRequest {
    /// Checks the year and `when` (`upcoming` or `past`), and the page.
    pub fn parse(
        year: Option<i32>,
        state: Option<MeetingState>,
        when: Option<&str>,
        q: Option<String>,
        page: Option<u64>,
        per_page: Option<u64>,
    ) -> Result<Self, ApiError> {
        let page = PageRequest::parse(page, per_page)?;
        let upcoming = match when {
            None | Some("") => None,
            Some("upcoming") => Some(true),
            Some("past") => Some(false),
            Some(_) => return Err(ApiError::invalid("when", "must be `upcoming` or `past`")),
        };
        if let Some(year) = year
            && !(2000..=2100).contains(&year)
        {
            return Err(ApiError::invalid("year", "must be between 2000 and 2100"));
        }
        Ok(Self {
            year,
            state,
            upcoming,
            q: q.filter(|q| !q.trim().is_empty()),
            page,
        })
    }
}

/// One page of the municipality's meetings the caller may see: drafts only for insiders.
pub async fn list(
    core: &Core,
    slug: &str,
    principal: Option<&Principal>,
    request: &ListRequest,
) -> Result<(CouncilRoster, Viewer, MeetingPage), ApiError> {
    let roster = core.roster(slug).await?;
    let viewer = Viewer::of(principal, roster.tenant.id);
    let states = match request.state {
        Some(MeetingState::Draft) if !viewer.is_insider() => {
            return Err(ApiError::Forbidden(
                "drafts are for the council's members and staff".into(),
            ));
        }
        Some(one) => vec![one],
        None if viewer.is_insider() => Vec::new(),
        None => MeetingState::ALL
            .iter()
            .copied()
            .filter(|s| s.is_public())
            .collect(),
    };
    let filter = meetings::ListFilter {
        year: request.year,
        states,
        upcoming: request.upcoming,
        terms: query_terms(request.q.as_deref().unwrap_or(""), 8),
    };
    let (rows, total) = meetings::list(&core.db, roster.tenant.id, &filter, request.page).await?;
    let items = views::summaries(&core.db, slug, &rows).await?;
    Ok((roster, viewer, MeetingPage::new(items, request.page, total)))
}

/// The meeting as the caller may see it (a draft is 404 to the public).
pub async fn detail(
    core: &Core,
    slug: &str,
    id: i64,
    principal: Option<&Principal>,
) -> Result<(CouncilRoster, Viewer, MeetingDetail), ApiError> {
    let roster = core.roster(slug).await?;
    let viewer = Viewer::of(principal, roster.tenant.id);
    let meeting = service::find_meeting(&core.db, roster.tenant.id, id).await?;
    let detail = views::detail(&core.db, &roster, &meeting, &viewer).await?;
    Ok((roster, viewer, detail))
}

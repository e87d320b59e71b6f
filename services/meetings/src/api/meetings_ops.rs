//! Meetings and their agenda; members' answers and comments.

use std::sync::Arc;

use council_shared::{
    ApiError,
    auth::{MaybeSignedIn, SignedIn, require},
    json_body::JsonBody,
    problem::ApiResult,
};
use poem_openapi::{
    ApiResponse, OpenApi,
    param::{Path, Query},
    payload::Json,
};

use super::{
    ApiTags, Core, commands,
    models::*,
    reads::{self, ListRequest},
    views,
};
use council_shared::council::CouncilRoster;

use crate::{
    access::Viewer,
    disclosure,
    domain::MeetingState,
    service::{agenda, attendance},
};

#[derive(ApiResponse)]
pub enum MeetingListResponse {
    /// One page of meetings the caller may see.
    #[oai(status = 200)]
    Ok(Json<MeetingPage>),
}

#[derive(ApiResponse)]
pub enum MeetingResponse {
    /// The meeting, with everything the caller may see of it.
    #[oai(status = 200)]
    Ok(Json<MeetingDetail>),
}

#[derive(ApiResponse)]
pub enum MeetingCreatedResponse {
    /// The draft meeting; `Location` is its address.
    #[oai(status = 201)]
    Created(Json<MeetingDetail>, #[oai(header = "Location")] String),
}

#[derive(ApiResponse)]
pub enum DeletedResponse {
    /// Deleted.
    #[oai(status = 204)]
    Deleted,
}

#[derive(ApiResponse)]
pub enum ItemCreatedResponse {
    /// The meeting with its new item.
    #[oai(status = 201)]
    Created(Json<MeetingDetail>),
}

#[derive(ApiResponse)]
pub enum AnswerResponse {
    /// The answer as saved.
    #[oai(status = 200)]
    Ok(Json<AnswerView>),
}

#[derive(ApiResponse)]
pub enum AnswerListResponse {
    /// Every member's answer so far.
    #[oai(status = 200)]
    Ok(Json<Vec<AnswerView>>),
}

#[derive(ApiResponse)]
pub enum CommentCreatedResponse {
    /// The comment as saved.
    #[oai(status = 201)]
    Created(Json<CommentView>),
}

#[derive(ApiResponse)]
pub enum CommentListResponse {
    /// Comments on the item: all of them for staff, a member's own for a member.
    #[oai(status = 200)]
    Ok(Json<Vec<CommentView>>),
}

pub struct MeetingsApi {
    pub(super) core: Arc<Core>,
}

impl MeetingsApi {
    async fn detail(
        &self,
        slug: &str,
        id: i64,
        caller: &council_shared::auth::Principal,
    ) -> Result<MeetingDetail, ApiError> {
        let (roster, viewer, meeting) = self.core.meeting(slug, id, Some(caller)).await?;
        Ok(views::detail(&self.core.db, &roster, &meeting, &viewer).await?)
    }
}

#[OpenApi(tag = "ApiTags::Meetings")]
impl MeetingsApi {
    /// List a municipality's meetings
    ///
    /// Everyone sees convened, held, published and cancelled meetings; the council's
    /// members and staff also see drafts. `q` searches titles, the public agenda and
    /// published minutes, ignoring case and Greek accents.
    #[oai(path = "/tenants/:slug/meetings", method = "get")]
    #[allow(clippy::too_many_arguments)] // one per documented query parameter
    async fn list_meetings(
        &self,
        caller: MaybeSignedIn,
        slug: Path<String>,
        /// Meetings starting in this year (Athens time).
        #[oai(validator(minimum(value = "2000"), maximum(value = "2100")))]
        year: Query<Option<i32>>,
        /// Only meetings in this state.
        state: Query<Option<MeetingState>>,
        /// `upcoming` (from now, soonest first) or `past` (newest first).
        when: Query<Option<super::models::When>>,
        /// Words to search for; all must match.
        q: Query<Option<String>>,
        /// Page number, from 1.
        page: Query<Option<council_shared::pagination::PageNumber>>,
        /// Items per page, 1 to 100 (default 20).
        per_page: Query<Option<council_shared::pagination::PageSize>>,
    ) -> ApiResult<MeetingListResponse> {
        let request = ListRequest::parse(
            year.0,
            state.0,
            when.0.map(super::models::When::as_str),
            q.0,
            page.0.map(|p| p.0),
            per_page.0.map(|p| p.0),
        )?;
        let (_, _, page) = reads::list(&self.core, &slug, caller.principal(), &request).await?;
        Ok(MeetingListResponse::Ok(Json(page)))
    }

    /// Draft a meeting
    #[oai(path = "/tenants/:slug/meetings", method = "post")]
    async fn create_meeting(
        &self,
        caller: SignedIn,
        slug: Path<String>,
        body: JsonBody<MeetingInput>,
    ) -> ApiResult<MeetingCreatedResponse> {
        let created = commands::create_meeting(&self.core, &caller, &slug, &body).await?;
        let location = format!("/api/v1/tenants/{}/meetings/{}", slug.0, created.id);
        let roster = self.core.roster(&slug).await?;
        let viewer = Viewer::of(Some(&caller), roster.tenant.id);
        let detail = views::detail(&self.core.db, &roster, &created, &viewer).await?;
        Ok(MeetingCreatedResponse::Created(Json(detail), location))
    }

    /// Read a meeting
    ///
    /// Its agenda, documents, decisions and minutes as far as the caller may see them.
    #[oai(path = "/tenants/:slug/meetings/:id", method = "get")]
    async fn get_meeting(
        &self,
        caller: MaybeSignedIn,
        slug: Path<String>,
        id: Path<i64>,
    ) -> ApiResult<MeetingResponse> {
        let (roster, viewer, meeting) = self.core.meeting(&slug, *id, caller.principal()).await?;
        let detail = views::detail(&self.core.db, &roster, &meeting, &viewer).await?;
        Ok(MeetingResponse::Ok(Json(detail)))
    }

    /// Change a draft or convened meeting
    ///
    /// A change to a convened meeting raises its calendar SEQUENCE and tells the members.
    #[oai(path = "/tenants/:slug/meetings/:id", method = "put")]
    async fn update_meeting(
        &self,
        caller: SignedIn,
        slug: Path<String>,
        id: Path<i64>,
        body: JsonBody<MeetingInput>,
    ) -> ApiResult<MeetingResponse> {
        commands::update_meeting(&self.core, &caller, (&slug, *id), &body, None).await?;
        Ok(MeetingResponse::Ok(Json(
            self.detail(&slug, *id, &caller).await?,
        )))
    }

    /// Delete a draft meeting
    ///
    /// A convened meeting is cancelled instead, so its history stays.
    #[oai(path = "/tenants/:slug/meetings/:id", method = "delete")]
    async fn delete_meeting(
        &self,
        caller: SignedIn,
        slug: Path<String>,
        id: Path<i64>,
    ) -> ApiResult<DeletedResponse> {
        commands::delete_meeting(&self.core, &caller, (&slug, *id)).await?;
        Ok(DeletedResponse::Deleted)
    }

    /// Convene a meeting
    ///
    /// Numbers it in its year and sends the convocation to the members (through the
    /// `meeting.convened` event). It needs at least one agenda item and a start in the future.
    #[oai(path = "/tenants/:slug/meetings/:id/convene", method = "post")]
    async fn convene_meeting(
        &self,
        caller: SignedIn,
        slug: Path<String>,
        id: Path<i64>,
    ) -> ApiResult<MeetingResponse> {
        commands::convene(&self.core, &caller, (&slug, *id)).await?;
        Ok(MeetingResponse::Ok(Json(
            self.detail(&slug, *id, &caller).await?,
        )))
    }

    /// Postpone a convened meeting
    ///
    /// The meeting stays convened at the new time; the old time and the reason stay in its
    /// history.
    #[oai(path = "/tenants/:slug/meetings/:id/postpone", method = "post")]
    async fn postpone_meeting(
        &self,
        caller: SignedIn,
        slug: Path<String>,
        id: Path<i64>,
        body: JsonBody<PostponeInput>,
    ) -> ApiResult<MeetingResponse> {
        commands::postpone(&self.core, &caller, (&slug, *id), &body).await?;
        Ok(MeetingResponse::Ok(Json(
            self.detail(&slug, *id, &caller).await?,
        )))
    }

    /// Cancel a convened meeting
    #[oai(path = "/tenants/:slug/meetings/:id/cancel", method = "post")]
    async fn cancel_meeting(
        &self,
        caller: SignedIn,
        slug: Path<String>,
        id: Path<i64>,
        body: JsonBody<ReasonInput>,
    ) -> ApiResult<MeetingResponse> {
        commands::cancel(&self.core, &caller, (&slug, *id), &body).await?;
        Ok(MeetingResponse::Ok(Json(
            self.detail(&slug, *id, &caller).await?,
        )))
    }

    /// Add an agenda item
    ///
    /// At the end of the agenda. `urgent: true` adds it at the start of the meeting (for a
    /// convened or held meeting), marked as urgent.
    #[oai(path = "/tenants/:slug/meetings/:id/agenda", method = "post")]
    async fn add_agenda_item(
        &self,
        caller: SignedIn,
        slug: Path<String>,
        id: Path<i64>,
        body: JsonBody<ItemInput>,
    ) -> ApiResult<ItemCreatedResponse> {
        commands::add_item(&self.core, &caller, (&slug, *id), &body).await?;
        Ok(ItemCreatedResponse::Created(Json(
            self.detail(&slug, *id, &caller).await?,
        )))
    }

    /// Change an agenda item
    #[oai(path = "/tenants/:slug/meetings/:id/agenda/:item_id", method = "put")]
    async fn update_agenda_item(
        &self,
        caller: SignedIn,
        slug: Path<String>,
        id: Path<i64>,
        item_id: Path<i64>,
        body: JsonBody<ItemInput>,
    ) -> ApiResult<MeetingResponse> {
        commands::update_item(&self.core, &caller, (&slug, *id), (*item_id, None), &body).await?;
        Ok(MeetingResponse::Ok(Json(
            self.detail(&slug, *id, &caller).await?,
        )))
    }

    /// Withdraw an agenda item
    ///
    /// It stays on the agenda, marked withdrawn, with the reason (a draft's item is simply
    /// removed).
    #[oai(
        path = "/tenants/:slug/meetings/:id/agenda/:item_id/withdraw",
        method = "post"
    )]
    async fn withdraw_agenda_item(
        &self,
        caller: SignedIn,
        slug: Path<String>,
        id: Path<i64>,
        item_id: Path<i64>,
        body: JsonBody<ReasonInput>,
    ) -> ApiResult<MeetingResponse> {
        commands::withdraw_item(&self.core, &caller, (&slug, *id), *item_id, &body).await?;
        Ok(MeetingResponse::Ok(Json(
            self.detail(&slug, *id, &caller).await?,
        )))
    }

    /// Reorder the agenda
    #[oai(path = "/tenants/:slug/meetings/:id/agenda-order", method = "put")]
    async fn reorder_agenda(
        &self,
        caller: SignedIn,
        slug: Path<String>,
        id: Path<i64>,
        body: JsonBody<ReorderInput>,
    ) -> ApiResult<MeetingResponse> {
        commands::reorder(&self.core, &caller, (&slug, *id), &body).await?;
        Ok(MeetingResponse::Ok(Json(
            self.detail(&slug, *id, &caller).await?,
        )))
    }

    /// Answer the convocation (council members)
    ///
    /// Attending, not attending, or the member's substitute attends. Can be changed until
    /// the meeting starts.
    #[oai(path = "/tenants/:slug/meetings/:id/my-attendance", method = "put")]
    async fn answer_convocation(
        &self,
        caller: SignedIn,
        slug: Path<String>,
        id: Path<i64>,
        body: JsonBody<AnswerInput>,
    ) -> ApiResult<AnswerResponse> {
        let saved = commands::answer(&self.core, &caller, (&slug, *id), &body).await?;
        let roster = self.core.roster(&slug).await?;
        Ok(AnswerResponse::Ok(Json(views::answer_view(
            &saved, &roster,
        )?)))
    }

    /// Read the members' answers to the convocation
    #[oai(
        path = "/tenants/:slug/meetings/:id/attendance-answers",
        method = "get"
    )]
    async fn list_answers(
        &self,
        caller: SignedIn,
        slug: Path<String>,
        id: Path<i64>,
    ) -> ApiResult<AnswerListResponse> {
        let (roster, _, meeting) = self.core.staff_meeting(&slug, *id, &caller).await?;
        let answers = attendance::answers(&self.core.db, meeting.id).await?;
        Ok(AnswerListResponse::Ok(Json(
            answers
                .iter()
                .map(|answer| views::answer_view(answer, &roster))
                .collect::<Result<_, _>>()?,
        )))
    }

    /// Comment on an agenda item, privately, for the secretary (council members)
    #[oai(
        path = "/tenants/:slug/meetings/:id/agenda/:item_id/comments",
        method = "post"
    )]
    async fn add_comment(
        &self,
        caller: SignedIn,
        slug: Path<String>,
        id: Path<i64>,
        item_id: Path<i64>,
        body: JsonBody<CommentInput>,
    ) -> ApiResult<CommentCreatedResponse> {
        let saved = commands::comment(&self.core, &caller, (&slug, *id), *item_id, &body).await?;
        let roster = self.core.roster(&slug).await?;
        Ok(CommentCreatedResponse::Created(Json(comment_view(
            &saved, &roster,
        ))))
    }

    /// Read the comments on an agenda item
    ///
    /// Staff read every member's comments; a member reads their own.
    #[oai(
        path = "/tenants/:slug/meetings/:id/agenda/:item_id/comments",
        method = "get"
    )]
    async fn list_comments(
        &self,
        caller: SignedIn,
        slug: Path<String>,
        id: Path<i64>,
        item_id: Path<i64>,
    ) -> ApiResult<CommentListResponse> {
        let (roster, viewer, meeting) = self.core.meeting(&slug, *id, Some(&caller)).await?;
        let only = match &viewer {
            Viewer::Staff { .. } => None,
            Viewer::Member { user_id, .. } => Some(*user_id),
            Viewer::Public => {
                return Err(ApiError::Forbidden(
                    "comments on the agenda are for the council's members and staff".into(),
                ));
            }
        };
        let item = agenda::find(&self.core.db, &meeting, *item_id).await?;
        require(
            disclosure::sees_item(viewer.is_insider(), &item),
            "a closed item",
        )?;
        let rows = attendance::comments(&self.core.db, item.id, only).await?;
        Ok(CommentListResponse::Ok(Json(
            rows.iter().map(|row| comment_view(row, &roster)).collect(),
        )))
    }
}

fn comment_view(row: &crate::entities::item_comment::Model, roster: &CouncilRoster) -> CommentView {
    CommentView {
        id: row.id,
        item_id: row.item_id,
        author_name: views::member_name(roster, row.member_id, &row.author_name),
        body: row.body.clone(),
        created_at: row.created_at,
    }
}

//! The record of a meeting: attendance and quorum, decisions, minutes.

use std::sync::Arc;

use council_shared::{ApiError, auth::SignedIn, json_body::JsonBody, problem::ApiResult};
use poem_openapi::{ApiResponse, OpenApi, param::Path, payload::Json};

use super::{ApiTags, Core, commands, models::*, views};

#[derive(ApiResponse)]
pub enum RecordResponse {
    /// The meeting with its record as saved.
    #[oai(status = 200)]
    Ok(Json<MeetingDetail>),
}

#[derive(ApiResponse)]
pub enum DecisionResponse {
    /// The decision as saved, with its number and versions.
    #[oai(status = 200)]
    Ok(Json<DecisionView>),
}

pub struct RecordApi {
    pub(super) core: Arc<Core>,
}

impl RecordApi {
    async fn detail(
        &self,
        slug: &str,
        id: i64,
        caller: &SignedIn,
    ) -> Result<MeetingDetail, ApiError> {
        let (roster, viewer, meeting) = self.core.meeting(slug, id, Some(caller)).await?;
        Ok(views::detail(&self.core.db, &roster, &meeting, &viewer).await?)
    }
}

#[OpenApi(tag = "ApiTags::Records")]
impl RecordApi {
    /// Record the attendance
    ///
    /// Every regular member in office on the day, once: present, absent, excused, or
    /// substitute present. Works out the quorum: more than half of the members in office.
    #[oai(path = "/tenants/:slug/meetings/:id/attendance", method = "put")]
    async fn record_attendance(
        &self,
        caller: SignedIn,
        slug: Path<String>,
        id: Path<i64>,
        body: JsonBody<AttendanceInput>,
    ) -> ApiResult<RecordResponse> {
        commands::record_attendance(&self.core, &caller, (&slug, *id), &body).await?;
        Ok(RecordResponse::Ok(Json(
            self.detail(&slug, *id, &caller).await?,
        )))
    }

    /// Mark a convened meeting as held
    ///
    /// Once it has started and its attendance is recorded.
    #[oai(path = "/tenants/:slug/meetings/:id/hold", method = "post")]
    async fn hold_meeting(
        &self,
        caller: SignedIn,
        slug: Path<String>,
        id: Path<i64>,
    ) -> ApiResult<RecordResponse> {
        commands::hold(&self.core, &caller, (&slug, *id)).await?;
        Ok(RecordResponse::Ok(Json(
            self.detail(&slug, *id, &caller).await?,
        )))
    }

    /// Record the decision on an agenda item
    ///
    /// Numbered per municipality and year when first recorded («7/2026»). Needs quorum.
    /// After the minutes are published this publishes a correction: a new version, with
    /// `change_note`, the old one kept.
    #[oai(
        path = "/tenants/:slug/meetings/:id/agenda/:item_id/decision",
        method = "put"
    )]
    async fn record_decision(
        &self,
        caller: SignedIn,
        slug: Path<String>,
        id: Path<i64>,
        item_id: Path<i64>,
        body: JsonBody<DecisionInput>,
    ) -> ApiResult<DecisionResponse> {
        let stored =
            commands::record_decision(&self.core, &caller, (&slug, *id), (*item_id, None), &body)
                .await?;
        let view = views::decision_view(&stored, true)?.ok_or_else(|| {
            ApiError::Internal(anyhow::anyhow!("a saved decision has no version"))
        })?;
        Ok(DecisionResponse::Ok(Json(view)))
    }

    /// Record a decision's transparency-portal number (ΑΔΑ)
    #[oai(
        path = "/tenants/:slug/meetings/:id/agenda/:item_id/decision/ada",
        method = "put"
    )]
    async fn set_decision_ada(
        &self,
        caller: SignedIn,
        slug: Path<String>,
        id: Path<i64>,
        item_id: Path<i64>,
        body: JsonBody<AdaInput>,
    ) -> ApiResult<DecisionResponse> {
        let stored = commands::set_ada(&self.core, &caller, (&slug, *id), *item_id, &body).await?;
        let view = views::decision_view(&stored, true)?.ok_or_else(|| {
            ApiError::Internal(anyhow::anyhow!("a saved decision has no version"))
        })?;
        Ok(DecisionResponse::Ok(Json(view)))
    }

    /// Draft the minutes, or publish a correction
    ///
    /// Before publication: saves the draft (drafted from the record when `body` is
    /// omitted). After: publishes a new version with `change_note`; earlier versions stay
    /// readable.
    #[oai(path = "/tenants/:slug/meetings/:id/minutes", method = "put")]
    async fn save_minutes(
        &self,
        caller: SignedIn,
        slug: Path<String>,
        id: Path<i64>,
        body: JsonBody<MinutesInput>,
    ) -> ApiResult<RecordResponse> {
        commands::save_minutes(&self.core, &caller, (&slug, *id), &body, None).await?;
        Ok(RecordResponse::Ok(Json(
            self.detail(&slug, *id, &caller).await?,
        )))
    }

    /// Approve the minutes
    ///
    /// By a later meeting (name it) or by the president.
    #[oai(path = "/tenants/:slug/meetings/:id/minutes/approve", method = "post")]
    async fn approve_minutes(
        &self,
        caller: SignedIn,
        slug: Path<String>,
        id: Path<i64>,
        body: JsonBody<ApprovalInput>,
    ) -> ApiResult<RecordResponse> {
        commands::approve_minutes(&self.core, &caller, (&slug, *id), &body).await?;
        Ok(RecordResponse::Ok(Json(
            self.detail(&slug, *id, &caller).await?,
        )))
    }

    /// Publish the approved minutes and decisions
    #[oai(path = "/tenants/:slug/meetings/:id/publish", method = "post")]
    async fn publish_minutes(
        &self,
        caller: SignedIn,
        slug: Path<String>,
        id: Path<i64>,
    ) -> ApiResult<RecordResponse> {
        commands::publish(&self.core, &caller, (&slug, *id)).await?;
        Ok(RecordResponse::Ok(Json(
            self.detail(&slug, *id, &caller).await?,
        )))
    }
}

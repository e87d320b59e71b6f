//! The record of a meeting: attendance and quorum, decisions, minutes.

use std::sync::Arc;

use chrono::Utc;
use council_shared::{
    ApiError, auth::SignedIn, json_body::JsonBody, problem::ApiResult, validation::optional_text,
};
use poem_openapi::{ApiResponse, OpenApi, param::Path, payload::Json};

use super::{ApiTags, Core, models::*, views};
use crate::{
    domain::{DecisionData, MeetingState, reason},
    service::{self, agenda, attendance, decisions, meetings, minutes},
};

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

/// An ΑΔΑ is Greek capitals and digits in two hyphenated groups, such as `6ΞΨ3ΩΡΦ-ΥΘΛ`.
fn parse_ada(value: Option<&str>) -> Result<Option<String>, ApiError> {
    let Some(value) = value.map(str::trim).filter(|v| !v.is_empty()) else {
        return Ok(None);
    };
    let valid = value.chars().count() <= 64
        && value.contains('-')
        && value
            .chars()
            .all(|c| c == '-' || c.is_ascii_digit() || c.is_uppercase());
    if valid {
        Ok(Some(value.to_string()))
    } else {
        Err(ApiError::invalid(
            "ada",
            "must look like 6ΞΨ3ΩΡΦ-ΥΘΛ: capital letters and digits, with a hyphen",
        ))
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
        let (roster, _, meeting) = self.core.staff_meeting(&slug, *id, &caller).await?;
        let mut lines = Vec::with_capacity(body.records.len());
        for (index, line) in body.records.iter().enumerate() {
            let substitute = optional_text(line.substitute_name.as_deref(), 200)
                .map_err(|m| ApiError::invalid(format!("records[{index}].substitute_name"), m))?;
            lines.push(attendance::RecordLine {
                member_id: line.member_id,
                status: line.status,
                substitute_name: substitute,
            });
        }
        attendance::record(&self.core.db, meeting, &roster, lines).await?;
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
        let (_, _, meeting) = self.core.staff_meeting(&slug, *id, &caller).await?;
        meetings::hold(&self.core.db, meeting).await?;
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
        let (_, _, meeting) = self.core.staff_meeting(&slug, *id, &caller).await?;
        let item = agenda::find(&self.core.db, &meeting, *item_id).await?;
        let data = DecisionData::parse(
            body.kind,
            &body.text,
            body.votes_for,
            body.votes_against,
            body.abstentions,
            body.dissent.as_deref(),
            body.result,
            meeting.present.unwrap_or(0),
        )
        .map_err(ApiError::Validation)?;
        let published = service::state_of(&meeting)? == MeetingState::Published;
        let stored = if published {
            let note = reason(
                "change_note",
                body.change_note.as_deref().unwrap_or(""),
                2000,
            )
            .map_err(ApiError::Validation)?;
            decisions::correct(&self.core.db, &meeting, &item, data, note).await?
        } else {
            decisions::record(&self.core.db, &meeting, &item, data).await?
        };
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
        let (_, _, meeting) = self.core.staff_meeting(&slug, *id, &caller).await?;
        let item = agenda::find(&self.core.db, &meeting, *item_id).await?;
        let ada = parse_ada(body.ada.as_deref())?;
        let stored = decisions::set_ada(&self.core.db, item.id, ada).await?;
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
        let (_, _, meeting) = self.core.staff_meeting(&slug, *id, &caller).await?;
        let text = optional_text(body.body.as_deref(), 200_000)
            .map_err(|m| ApiError::invalid("body", m))?;
        if service::state_of(&meeting)? == MeetingState::Published {
            let mut errors = council_shared::validation::Errors::new();
            if text.is_none() {
                errors.add("body", "a correction gives the whole corrected text");
            }
            let note = errors.check(
                "change_note",
                council_shared::validation::required_text(
                    body.change_note.as_deref().unwrap_or(""),
                    2000,
                ),
            );
            errors.finish(|| ()).map_err(ApiError::Validation)?;
            minutes::correct(
                &self.core.db,
                &meeting,
                text.unwrap_or_default(),
                note.unwrap_or_default(),
            )
            .await?;
        } else {
            minutes::draft(&self.core.db, meeting, text).await?;
        }
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
        let (_, _, meeting) = self.core.staff_meeting(&slug, *id, &caller).await?;
        if body.by == crate::domain::ApprovedBy::Meeting && body.approved_in_meeting_id.is_none() {
            return Err(ApiError::invalid(
                "approved_in_meeting_id",
                "name the meeting that approved the minutes",
            ));
        }
        let note =
            optional_text(body.note.as_deref(), 2000).map_err(|m| ApiError::invalid("note", m))?;
        let approval = minutes::Approval {
            by: body.by,
            in_meeting: body.approved_in_meeting_id,
            on: body.approved_at.map_or_else(Utc::now, |at| at.to_utc()),
            note,
        };
        minutes::approve(&self.core.db, meeting, approval).await?;
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
        let (_, _, meeting) = self.core.staff_meeting(&slug, *id, &caller).await?;
        minutes::publish(&self.core.db, meeting).await?;
        Ok(RecordResponse::Ok(Json(
            self.detail(&slug, *id, &caller).await?,
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ada_is_greek_capitals_and_digits_with_a_hyphen() {
        assert_eq!(
            parse_ada(Some("6ΞΨ3ΩΡΦ-ΥΘΛ")).unwrap().as_deref(),
            Some("6ΞΨ3ΩΡΦ-ΥΘΛ")
        );
        assert_eq!(parse_ada(Some("  ")).unwrap(), None);
        assert!(parse_ada(Some("abc")).is_err());
        assert!(parse_ada(Some("<script>-1")).is_err());
    }
}

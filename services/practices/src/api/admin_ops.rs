//! The platform administrators' side of practices: the list of thematic areas, and the
//! outbox of practice events that the notifications service reads.

use std::sync::Arc;

use council_shared::{ApiError, auth::SignedIn, json_body::JsonBody, problem::ApiResult};
use poem_openapi::{
    ApiResponse, OpenApi,
    param::{Path, Query},
    payload::Json,
};

use super::{Core, ThemesResponse, models::*};
use crate::{domain::Bilingual, entities::theme, service::themes};

#[derive(ApiResponse)]
pub enum ThemeResponse {
    /// The thematic area as saved.
    #[oai(status = 200)]
    Ok(Json<ThemeView>),
    /// Added.
    #[oai(status = 201)]
    Created(Json<ThemeView>),
}

#[derive(ApiResponse)]
pub enum ThemeRemovedResponse {
    /// Removed.
    #[oai(status = 204)]
    Removed,
}

#[derive(ApiResponse)]
pub enum EventsResponse {
    /// Events after the one asked for, oldest first.
    #[oai(status = 200)]
    Ok(Json<PracticeEventList>),
}

pub struct PracticeAdminApi {
    pub(super) core: Arc<Core>,
}

fn admin_only(caller: &SignedIn, what: &str) -> Result<(), ApiError> {
    if caller.is_platform_admin() {
        Ok(())
    } else {
        Err(ApiError::Forbidden(format!(
            "only platform administrators {what}"
        )))
    }
}

fn view(row: theme::Model) -> ThemeView {
    ThemeView {
        code: row.code,
        name: Bilingual {
            el: Some(row.name_el),
            en: Some(row.name_en),
        },
    }
}

#[OpenApi(tag = "super::ApiTags::Practices")]
impl PracticeAdminApi {
    /// The platform's thematic areas
    #[oai(path = "/practice-themes", method = "get")]
    async fn list_themes(&self) -> ApiResult<ThemesResponse> {
        Ok(ThemesResponse::Ok(Json(
            super::reads::themes(&self.core).await?,
        )))
    }

    /// Add a thematic area (platform administrators)
    ///
    /// With its Greek and English names; `position` orders the list.
    #[oai(path = "/practice-themes", method = "post")]
    async fn add_theme(
        &self,
        caller: SignedIn,
        body: JsonBody<ThemeInput>,
    ) -> ApiResult<ThemeResponse> {
        admin_only(&caller, "edit the thematic areas")?;
        let saved = themes::add(&self.core.db, &body.code, &body.name, body.position).await?;
        // Practices are found by their areas' names: the next search checks them.
        self.core.index.invalidate();
        Ok(ThemeResponse::Created(Json(view(saved))))
    }

    /// Rename or move a thematic area (platform administrators)
    #[oai(path = "/practice-themes/:code", method = "put")]
    async fn change_theme(
        &self,
        caller: SignedIn,
        code: Path<String>,
        body: JsonBody<ThemeChange>,
    ) -> ApiResult<ThemeResponse> {
        admin_only(&caller, "edit the thematic areas")?;
        let saved = themes::change(&self.core.db, &code, &body.name, body.position, None).await?;
        self.core.index.invalidate();
        Ok(ThemeResponse::Ok(Json(view(saved))))
    }

    /// Remove a thematic area no practice uses (platform administrators)
    #[oai(path = "/practice-themes/:code", method = "delete")]
    async fn remove_theme(
        &self,
        caller: SignedIn,
        code: Path<String>,
    ) -> ApiResult<ThemeRemovedResponse> {
        admin_only(&caller, "edit the thematic areas")?;
        themes::remove(&self.core.db, &code).await?;
        self.core.index.invalidate();
        Ok(ThemeRemovedResponse::Removed)
    }

    /// Read the practices event outbox (platform administrators)
    ///
    /// For other services: submissions and moderators' decisions in the order they were
    /// committed, after the id given. Keep `last_id` and pass it as `after` next time.
    #[oai(path = "/practice-events", method = "get")]
    async fn practice_events(
        &self,
        caller: SignedIn,
        /// The last event id already read (0 for the beginning).
        after: Query<Option<i64>>,
        /// At most this many events, 1 to 1000 (default 100).
        #[oai(validator(minimum(value = "1"), maximum(value = "1000")))]
        limit: Query<Option<u64>>,
    ) -> ApiResult<EventsResponse> {
        admin_only(&caller, "read the event outbox")?;
        let limit = limit.0.unwrap_or(100);
        if !(1..=1000).contains(&limit) {
            return Err(ApiError::invalid("limit", "must be 1 to 1000"));
        }
        let after = after.0.unwrap_or(0).max(0);
        let events = super::reads::events_after(&self.core, after, limit).await?;
        let last_id = events.last().map_or(after, |e| e.id);
        Ok(EventsResponse::Ok(Json(PracticeEventList {
            events,
            last_id,
        })))
    }
}

//! The notifications service's view of the other services' events in the all-in-one
//! server: the meetings and practices outboxes and reads, called in-process through those
//! services' read side instead of over HTTP.

use std::sync::Arc;

use futures_util::future::BoxFuture;
use notifications::source::{EventSource, PracticeBrief, SourceEvent};

pub struct InProcessEvents {
    pub meetings: Arc<meetings::Core>,
    pub practices: Arc<practices::Core>,
}

impl EventSource for InProcessEvents {
    fn meeting_events(
        &self,
        after: i64,
        limit: u64,
    ) -> BoxFuture<'_, anyhow::Result<Vec<SourceEvent>>> {
        Box::pin(async move {
            let rows = meetings::service::events::after(&self.meetings.db, after, limit)
                .await
                .map_err(|e| anyhow::anyhow!("reading meeting events: {e}"))?;
            Ok(rows
                .into_iter()
                .map(|e| SourceEvent {
                    id: e.id,
                    tenant_id: Some(e.tenant_id),
                    event_type: e.event_type,
                    payload: serde_json::from_str(&e.payload).unwrap_or_default(),
                })
                .collect())
        })
    }

    fn practice_events(
        &self,
        after: i64,
        limit: u64,
    ) -> BoxFuture<'_, anyhow::Result<Vec<SourceEvent>>> {
        Box::pin(async move {
            let rows = practices::api::reads::events_after(&self.practices, after, limit)
                .await
                .map_err(|e| anyhow::anyhow!("reading practice events: {e}"))?;
            Ok(rows
                .into_iter()
                .map(|e| SourceEvent {
                    id: e.id,
                    tenant_id: None,
                    event_type: e.event_type,
                    payload: e.payload,
                })
                .collect())
        })
    }

    fn public_agenda<'a>(
        &'a self,
        tenant_slug: &'a str,
        meeting_id: i64,
    ) -> BoxFuture<'a, anyhow::Result<Vec<String>>> {
        Box::pin(async move {
            let (_, _, detail) =
                meetings::api::reads::detail(&self.meetings, tenant_slug, meeting_id, None)
                    .await
                    .map_err(|e| anyhow::anyhow!("reading meeting {meeting_id}: {e}"))?;
            Ok(detail
                .agenda
                .iter()
                .map(|item| format!("{}. {}", item.number, item.title))
                .collect())
        })
    }

    fn practice<'a>(
        &'a self,
        slug: &'a str,
    ) -> BoxFuture<'a, anyhow::Result<Option<PracticeBrief>>> {
        Box::pin(async move {
            let detail = match practices::api::reads::detail(&self.practices, slug, None).await {
                Ok(detail) => detail,
                Err(council_shared::ApiError::NotFound(_)) => return Ok(None),
                Err(e) => return Err(anyhow::anyhow!("reading practice {slug}: {e}")),
            };
            let Some(content) = detail.published else {
                return Ok(None);
            };
            let mut municipalities = content.locations.clone();
            if let Some(own) = &content.organisation.tenant
                && !municipalities.contains(own)
            {
                municipalities.insert(0, own.clone());
            }
            Ok(Some(PracticeBrief {
                slug: detail.slug,
                title_el: content
                    .title
                    .el
                    .clone()
                    .or(content.title.en.clone())
                    .unwrap_or_default(),
                title_en: content
                    .title
                    .en
                    .clone()
                    .or(content.title.el.clone())
                    .unwrap_or_default(),
                municipalities,
            }))
        })
    }
}

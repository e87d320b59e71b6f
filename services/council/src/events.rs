//! The notifications service's view of the other services' events in the all-in-one
//! server: the meetings and practices outboxes and reads, called in-process through those
//! services' read side instead of over HTTP.

use std::sync::Arc;

use futures_util::future::BoxFuture;
use notifications::source::{
    AgendaBrief, DocumentBrief, EventSource, MeetingBrief, PracticeBrief, SourceEvent,
};

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

    fn meeting<'a>(
        &'a self,
        tenant_slug: &'a str,
        meeting_id: i64,
    ) -> BoxFuture<'a, anyhow::Result<Option<MeetingBrief>>> {
        Box::pin(async move {
            // The members' view (closed items and their documents included): the notifications
            // service reads as the platform's own service, as its token does over HTTP.
            let service = council_shared::auth::Principal {
                user_id: 0,
                email: "notifications@localhost".into(),
                display_name: Some("notifications".into()),
                grants: vec![council_shared::auth::Grant {
                    role: council_shared::auth::Role::PlatformAdmin,
                    tenant_id: None,
                    tenant: None,
                    member_id: None,
                }],
                via: council_shared::auth::CredentialKind::Token,
                expires_at: None,
            };
            let detail = match meetings::api::reads::detail(
                &self.meetings,
                tenant_slug,
                meeting_id,
                Some(&service),
            )
            .await
            {
                Ok((_, _, detail)) => detail,
                Err(council_shared::ApiError::NotFound(_)) => return Ok(None),
                Err(e) => return Err(anyhow::anyhow!("reading meeting {meeting_id}: {e}")),
            };
            let documents = |list: &[meetings::api::models::AttachmentView]| {
                list.iter()
                    .map(|a| DocumentBrief {
                        name: a.file_name.clone(),
                        path: a.download.clone(),
                    })
                    .collect()
            };
            Ok(Some(MeetingBrief {
                number: detail.summary.number.clone(),
                title: detail.summary.title.clone(),
                venue: detail
                    .summary
                    .location
                    .as_ref()
                    .map(|l| meetings::api::views::place(&l.name, l.address.as_deref())),
                online_url: detail.online_url.clone(),
                agenda: detail
                    .agenda
                    .iter()
                    .map(|item| AgendaBrief {
                        number: item.number,
                        title: item.title.clone(),
                        rapporteur: item.rapporteur.clone(),
                        public: item.public,
                        withdrawn: item.withdrawn,
                        documents: documents(&item.attachments),
                    })
                    .collect(),
                documents: documents(&detail.attachments),
            }))
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
            Ok(Some(PracticeBrief::new(
                detail.slug,
                content.title.el.clone(),
                content.title.en.clone(),
                content.organisation.tenant.clone(),
                content.locations.clone(),
            )))
        })
    }
}

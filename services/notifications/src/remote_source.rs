//! The other services' events and reads over HTTP, for the notifications service run on its
//! own: the meetings and practices outboxes (`GET /meeting-events`, `GET /practice-events`),
//! a meeting as its members see it, and a published practice. The outboxes and closed
//! agenda items are not public: requests carry `services.token`, a platform
//! administrator's API token.

use std::time::Duration;

use anyhow::Context as _;
use futures_util::future::BoxFuture;
use reqwest_client::{Client, StatusCode};
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

use crate::source::{
    AgendaBrief, DocumentBrief, EventSource, MeetingBrief, PracticeBrief, SourceEvent,
};

pub struct HttpEvents {
    meetings: String,
    practices: String,
    token: SecretString,
    http: Client,
}

impl HttpEvents {
    pub fn new(
        meetings_url: &str,
        practices_url: &str,
        token: SecretString,
    ) -> anyhow::Result<Self> {
        Ok(Self {
            meetings: meetings_url.trim_end_matches('/').to_string(),
            practices: practices_url.trim_end_matches('/').to_string(),
            token,
            http: Client::builder()
                .timeout(Duration::from_secs(30))
                .redirect(reqwest_client::redirect::Policy::none())
                .build()
                .context("cannot build the HTTP client for the other services")?,
        })
    }

    /// GETs `url` as JSON; None on 404.
    async fn get<T: for<'de> Deserialize<'de>>(&self, url: String) -> anyhow::Result<Option<T>> {
        let response = self
            .http
            .get(&url)
            .bearer_auth(self.token.expose_secret())
            .send()
            .await
            .with_context(|| format!("{url} is unreachable"))?;
        match response.status() {
            StatusCode::OK => {
                Ok(Some(response.json().await.with_context(|| {
                    format!("unreadable answer from {url}")
                })?))
            }
            StatusCode::NOT_FOUND => Ok(None),
            other => anyhow::bail!("{url} answered {other}"),
        }
    }

    async fn events(&self, url: String) -> anyhow::Result<Vec<SourceEvent>> {
        let list: EventList = self
            .get(url.clone())
            .await?
            .with_context(|| format!("{url} is missing"))?;
        Ok(list
            .events
            .into_iter()
            .map(|e| SourceEvent {
                id: e.id,
                tenant_id: e.tenant_id,
                event_type: e.event_type,
                payload: e.payload,
            })
            .collect())
    }
}

#[derive(Deserialize)]
struct EventList {
    events: Vec<Event>,
}

#[derive(Deserialize)]
struct Event {
    id: i64,
    tenant_id: Option<i64>,
    event_type: String,
    payload: serde_json::Value,
}

#[derive(Deserialize)]
struct Attachment {
    file_name: String,
    download: String,
}

#[derive(Deserialize)]
struct Item {
    number: i32,
    title: String,
    rapporteur: Option<String>,
    public: bool,
    withdrawn: bool,
    attachments: Vec<Attachment>,
}

#[derive(Deserialize)]
struct Location {
    name: String,
    address: Option<String>,
}

#[derive(Deserialize)]
struct Meeting {
    number: Option<String>,
    title: String,
    location: Option<Location>,
    online_url: Option<String>,
    agenda: Vec<Item>,
    attachments: Vec<Attachment>,
}

#[derive(Deserialize, Default)]
struct Text {
    el: Option<String>,
    en: Option<String>,
}

#[derive(Deserialize)]
struct Organisation {
    tenant: Option<String>,
}

#[derive(Deserialize)]
struct Content {
    title: Text,
    organisation: Organisation,
    #[serde(default)]
    locations: Vec<String>,
}

#[derive(Deserialize)]
struct Practice {
    slug: String,
    published: Option<Content>,
}

fn documents(list: Vec<Attachment>) -> Vec<DocumentBrief> {
    list.into_iter()
        .map(|a| DocumentBrief {
            name: a.file_name,
            path: a.download,
        })
        .collect()
}

impl EventSource for HttpEvents {
    fn meeting_events(
        &self,
        after: i64,
        limit: u64,
    ) -> BoxFuture<'_, anyhow::Result<Vec<SourceEvent>>> {
        Box::pin(self.events(format!(
            "{}/api/v1/meeting-events?after={after}&limit={limit}",
            self.meetings
        )))
    }

    fn practice_events(
        &self,
        after: i64,
        limit: u64,
    ) -> BoxFuture<'_, anyhow::Result<Vec<SourceEvent>>> {
        Box::pin(self.events(format!(
            "{}/api/v1/practice-events?after={after}&limit={limit}",
            self.practices
        )))
    }

    fn meeting<'a>(
        &'a self,
        tenant_slug: &'a str,
        meeting_id: i64,
    ) -> BoxFuture<'a, anyhow::Result<Option<MeetingBrief>>> {
        Box::pin(async move {
            let Some(meeting) = self
                .get::<Meeting>(format!(
                    "{}/api/v1/tenants/{tenant_slug}/meetings/{meeting_id}",
                    self.meetings
                ))
                .await?
            else {
                return Ok(None);
            };
            Ok(Some(MeetingBrief {
                number: meeting.number,
                title: meeting.title,
                venue: meeting
                    .location
                    .map(|l| council_shared::council::place(&l.name, l.address.as_deref())),
                online_url: meeting.online_url,
                agenda: meeting
                    .agenda
                    .into_iter()
                    .map(|item| AgendaBrief {
                        number: item.number,
                        title: item.title,
                        rapporteur: item.rapporteur,
                        public: item.public,
                        withdrawn: item.withdrawn,
                        documents: documents(item.attachments),
                    })
                    .collect(),
                documents: documents(meeting.attachments),
            }))
        })
    }

    fn practice<'a>(
        &'a self,
        slug: &'a str,
    ) -> BoxFuture<'a, anyhow::Result<Option<PracticeBrief>>> {
        Box::pin(async move {
            let Some(practice) = self
                .get::<Practice>(format!("{}/api/v1/practices/{slug}", self.practices))
                .await?
            else {
                return Ok(None);
            };
            let Some(content) = practice.published else {
                return Ok(None);
            };
            Ok(Some(PracticeBrief::new(
                practice.slug,
                content.title.el,
                content.title.en,
                content.organisation.tenant,
                content.locations,
            )))
        })
    }
}

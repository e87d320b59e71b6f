//! Where events come from: the other services' outboxes, read through their APIs (over
//! HTTP when this service runs alone, in-process in the all-in-one server), never their
//! tables. Also the little more a notice needs: a meeting's agenda and documents as its
//! members see them, and a practice's title and municipalities.

use futures_util::future::BoxFuture;

/// One event of another service's outbox.
#[derive(Debug, Clone)]
pub struct SourceEvent {
    pub id: i64,
    pub tenant_id: Option<i64>,
    pub event_type: String,
    pub payload: serde_json::Value,
}

/// A document of a meeting or of an agenda item.
#[derive(Debug, Clone)]
pub struct DocumentBrief {
    pub name: String,
    /// The download's path on the platform (`/api/v1/...`).
    pub path: String,
}

/// An agenda item as the council's members see it (closed items too, marked so).
#[derive(Debug, Clone)]
pub struct AgendaBrief {
    pub number: i32,
    pub title: String,
    pub rapporteur: Option<String>,
    pub public: bool,
    pub withdrawn: bool,
    pub documents: Vec<DocumentBrief>,
}

/// A meeting as a member's convocation describes it.
#[derive(Debug, Clone)]
pub struct MeetingBrief {
    /// «3/2026», once convened.
    pub number: Option<String>,
    pub title: String,
    /// «Αίθουσα, Αθηνάς 63».
    pub venue: Option<String>,
    pub online_url: Option<String>,
    pub agenda: Vec<AgendaBrief>,
    /// Documents of the meeting as a whole.
    pub documents: Vec<DocumentBrief>,
}

impl MeetingBrief {
    /// «1. Title» for each public item still on the agenda: what residents may read.
    pub fn public_agenda(&self) -> Vec<String> {
        self.agenda
            .iter()
            .filter(|item| item.public && !item.withdrawn)
            .map(|item| format!("{}. {}", item.number, item.title))
            .collect()
    }
}

/// A published practice as a notice names it.
#[derive(Debug, Clone)]
pub struct PracticeBrief {
    pub slug: String,
    pub title_el: String,
    pub title_en: String,
    /// Slugs of the municipalities it belongs to (its organisation's and its places).
    pub municipalities: Vec<String>,
}

impl PracticeBrief {
    /// From a published version: each title falls back to the other language, and the
    /// municipalities are the submitting one (first) and the places it runs in.
    pub fn new(
        slug: String,
        title_el: Option<String>,
        title_en: Option<String>,
        own_tenant: Option<String>,
        mut locations: Vec<String>,
    ) -> Self {
        if let Some(own) = own_tenant
            && !locations.contains(&own)
        {
            locations.insert(0, own);
        }
        Self {
            slug,
            title_el: title_el.clone().or(title_en.clone()).unwrap_or_default(),
            title_en: title_en.or(title_el).unwrap_or_default(),
            municipalities: locations,
        }
    }
}

pub trait EventSource: Send + Sync {
    /// Meetings events after `after`, oldest first.
    fn meeting_events(
        &self,
        after: i64,
        limit: u64,
    ) -> BoxFuture<'_, anyhow::Result<Vec<SourceEvent>>>;
    /// Practices events after `after`, oldest first.
    fn practice_events(
        &self,
        after: i64,
        limit: u64,
    ) -> BoxFuture<'_, anyhow::Result<Vec<SourceEvent>>>;
    /// A meeting as its members see it (closed items included), or None if it is gone.
    fn meeting<'a>(
        &'a self,
        tenant_slug: &'a str,
        meeting_id: i64,
    ) -> BoxFuture<'a, anyhow::Result<Option<MeetingBrief>>>;
    /// A published practice, or None.
    fn practice<'a>(
        &'a self,
        slug: &'a str,
    ) -> BoxFuture<'a, anyhow::Result<Option<PracticeBrief>>>;
}

//! Where events come from: the other services' outboxes, read through their APIs (over
//! HTTP when this service runs alone, in-process in the all-in-one server), never their
//! tables. Also the little more a notice needs: a meeting's public agenda, and a practice's
//! title and municipalities.

use futures_util::future::BoxFuture;

/// One event of another service's outbox.
#[derive(Debug, Clone)]
pub struct SourceEvent {
    pub id: i64,
    pub tenant_id: Option<i64>,
    pub event_type: String,
    pub payload: serde_json::Value,
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
    /// The titles of a meeting's public agenda items, in order.
    fn public_agenda<'a>(
        &'a self,
        tenant_slug: &'a str,
        meeting_id: i64,
    ) -> BoxFuture<'a, anyhow::Result<Vec<String>>>;
    /// A published practice, or None.
    fn practice<'a>(
        &'a self,
        slug: &'a str,
    ) -> BoxFuture<'a, anyhow::Result<Option<PracticeBrief>>>;
}

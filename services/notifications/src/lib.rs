//! The notifications service: E-mail notices to residents and council members.
//!
//! It owns its own tables and reaches other services only through their APIs or events.
//! Its operations arrive with its own issue; until then it serves an empty API document.

pub const OPENAPI_TITLE: &str = "ΣΕΜΠ platform: notifications service";

/// The notifications service's HTTP API (no operations yet).
#[derive(Debug, Clone, Default)]
pub struct NotificationsApi;

#[poem_openapi::OpenApi]
impl NotificationsApi {}

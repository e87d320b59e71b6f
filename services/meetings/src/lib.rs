//! The meetings service: Council meetings: convocations, agendas, records, minutes.
//!
//! It owns its own tables and reaches other services only through their APIs or events.
//! Its operations arrive with its own issue; until then it serves an empty API document.

pub const OPENAPI_TITLE: &str = "ΣΕΜΠ platform: meetings service";

/// The meetings service's HTTP API (no operations yet).
#[derive(Debug, Clone, Default)]
pub struct MeetingsApi;

#[poem_openapi::OpenApi]
impl MeetingsApi {}

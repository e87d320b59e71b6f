//! The practices service: Good practices shared across municipalities.
//!
//! It owns its own tables and reaches other services only through their APIs or events.
//! Its operations arrive with its own issue; until then it serves an empty API document.

pub const OPENAPI_TITLE: &str = "ΣΕΜΠ platform: practices service";

/// The practices service's HTTP API (no operations yet).
#[derive(Debug, Clone, Default)]
pub struct PracticesApi;

#[poem_openapi::OpenApi]
impl PracticesApi {}

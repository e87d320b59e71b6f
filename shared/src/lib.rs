//! Code every service shares: settings, the database connection, problem details,
//! JSON request bodies, pagination, outgoing mail, tracing, health and the HTTP plumbing.

pub mod app;
pub mod athens;
pub mod auth;
pub mod cache;
pub mod cli;
pub mod compression;
pub mod conflict;
pub mod connections;
pub mod council;
pub mod csrf;
pub mod database;
pub mod files;
pub mod http;
pub mod ical;
pub mod input_fields;
pub mod jobs;
pub mod json_body;
pub mod lifecycle;
pub mod locale;
pub mod mail;
pub mod markdown;
pub mod methods;
pub mod metrics;
pub mod openapi_document;
pub mod outbound;
pub mod pagination;
pub mod problem;
pub mod rate_limit;
pub mod remote;
pub mod search;
pub mod security_headers;
pub mod settings;
pub mod spreadsheet;
pub mod telemetry;
pub mod tenant;
pub mod text_enum;
pub mod validation;

pub use problem::{ApiError, FieldError, Problem};
pub use settings::Settings;

//! The meetings service: council meetings from convocation to published minutes, their
//! agenda, documents, attendance, decisions and minutes, with calendars, an Atom feed, an
//! OParl 1.1 endpoint and an outbox of events for the other services.
//!
//! It owns its own tables and learns about municipalities and councils only through
//! `CouncilDirectory` (the tenants service's API).

pub mod access;
pub mod api;
pub mod atom;
pub mod demo;
pub mod domain;
pub mod entities;
pub mod error;
pub mod file_type;
pub mod ical;
pub mod oparl;
pub mod service;
pub mod storage;

pub use api::Core;
pub use error::MeetingsError;

pub const OPENAPI_TITLE: &str = "ΣΕΜΠ platform: meetings service";

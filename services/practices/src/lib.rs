//! The practices service: good practices that cities and NGOs submit, moderators publish,
//! and every municipality searches and learns from.
//!
//! It owns its own tables and learns about municipalities only through `CouncilDirectory`
//! (the tenants service's API).

pub mod api;
pub mod bench;
pub mod demo;
pub mod domain;
pub mod entities;
pub mod error;
pub mod names;
pub mod retention;
pub mod service;

pub use api::{Core, PracticesApi};
pub use error::PracticesError;

pub const OPENAPI_TITLE: &str = "ΣΕΜΠ platform: practices service";

//! The tenants service: municipalities (tenants), their public profiles, their councils
//! (ΣΕΜΠ) and members, and the API tokens that guard writes.

pub mod api;
pub mod demo;
pub mod domain;
pub mod entities;
pub mod error;
pub mod identity;
pub mod public;
pub mod retention;
pub mod service;

pub use api::TenantsApi;

pub const OPENAPI_TITLE: &str = "ΣΕΜΠ platform: tenants service";
pub use error::TenantsError;

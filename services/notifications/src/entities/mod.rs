//! The notifications service's tables. No other service reads them.

pub mod attempt;
pub mod cursor;
pub mod delivery;
pub mod digest_item;
pub mod erasure;
pub mod job;
pub mod meeting;
pub mod subscriber;
pub mod tenant_settings;

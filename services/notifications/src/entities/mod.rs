//! The notifications service's tables. No other service reads them.

pub mod attempt;
pub mod body;
pub mod bounce;
pub mod cursor;
pub mod delivery;
pub mod digest_item;
pub mod erasure;
pub mod job;
pub mod meeting;
pub mod stopped_address;
pub mod subscriber;
pub mod tenant_settings;

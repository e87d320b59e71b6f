//! The practices service's tables. No other service reads them.

pub mod adoption;
pub mod feedback;
pub mod file;
pub mod practice;
pub mod practice_event;
pub mod revision;
pub mod theme;
pub mod transition;

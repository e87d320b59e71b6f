//! The meetings service's tables. No other service reads them.

pub mod agenda_item;
pub mod attachment;
pub mod attendance_answer;
pub mod attendance_record;
pub mod decision;
pub mod decision_version;
pub mod item_comment;
pub mod meeting;
pub mod meeting_event;
pub mod meeting_view;
pub mod minutes_version;
pub mod postponement;

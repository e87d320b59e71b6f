//! What everyone reads, signed in or not: municipalities' meetings and minutes, good
//! practices, residents' subscriptions, and the gate in front of members' documents. Each
//! feature is a module of handlers (`*_pages`) and one of views (`*_views`); the home and
//! municipality pages live in the crate's root, beside the layout they share.

pub mod access_pages;
pub mod document_gate;
pub mod legal;
pub mod meeting_pages;
pub mod meeting_views;
pub mod practice_pages;
pub mod practice_views;
pub mod subscription_data;
pub mod subscription_pages;
pub mod views;

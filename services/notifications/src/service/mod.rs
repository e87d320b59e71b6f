//! What the service does, below its API: subscriptions, the queue, turning events into
//! deliveries, digests, scheduled jobs and the messages' templates.

pub mod authors;
pub mod bounces;
pub mod digests;
pub mod fanout;
pub mod jobs;
pub mod members;
pub mod messages;
pub mod moderators;
pub mod municipality;
pub mod queue;
pub mod reminders;
pub mod reports;
pub mod retention;
pub mod subscriptions;

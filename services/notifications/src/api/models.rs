//! What the notifications API takes and answers with.

use chrono::{DateTime, Utc};
use poem_openapi::Object;

use council_shared::{
    documented_text,
    input_fields::{EmailText, string_enum},
};

use crate::domain::{Cadence, LANGUAGES, Topic};

documented_text!(
    /// `meetings`, `minutes`, `practices`, or `all`.
    TopicText,
    string_enum(&["meetings", "minutes", "practices", "all"])
);

documented_text!(
    /// A subscriber's language: `el`, `en`, `ar`, `fa`, `uk`, `fr`, `sq` or `ur`.
    LanguageText,
    string_enum(&LANGUAGES)
);

documented_text!(
    /// `immediate` or `digest`.
    CadenceText,
    string_enum(&["immediate", "digest"])
);

/// A resident's subscription request.
#[derive(Debug, Clone, Object, serde::Deserialize)]
pub struct SubscriptionRequest {
    pub email: EmailText,
    /// `meetings`, `minutes`, `practices`, or `all`.
    #[oai(validator(min_items = 1))]
    pub topics: Vec<TopicText>,
    /// `el` (the default), `en`, `ar`, `fa`, `uk`, `fr`, `sq` or `ur`; messages are in
    /// Greek or English, and Greek for the others until they are translated.
    #[serde(default)]
    pub language: Option<LanguageText>,
    /// `immediate` (the default) or `digest`.
    #[serde(default)]
    pub cadence: Option<CadenceText>,
}

/// An operator's list of addresses to invite (an earlier mailing list, say).
#[derive(Debug, Clone, Object, serde::Deserialize)]
pub struct ImportRequest {
    /// 1 to 5,000 addresses, each with its topics, language and cadence.
    #[oai(validator(min_items = 1, max_items = 5000))]
    pub subscribers: Vec<SubscriptionRequest>,
}

/// What an import did.
#[derive(Debug, Clone, Object)]
pub struct ImportReport {
    /// New addresses: each was sent the confirmation message, and gets nothing more until
    /// its owner follows its link.
    pub invited: u64,
    /// Already subscribed or waiting for confirmation: left as they were.
    pub already_known: u64,
    /// Their owners asked to be erased: not brought back.
    pub erased: u64,
}

/// The same answer whatever the address's state, so nobody learns who subscribed.
#[derive(Debug, Clone, Object)]
pub struct SubscriptionReceived {
    pub message: String,
}

/// A subscription as its owner sees it (through the secret link).
#[derive(Debug, Clone, Object)]
pub struct SubscriptionView {
    pub tenant: String,
    pub email: String,
    /// `pending` until confirmed, then `active`.
    pub state: String,
    pub topics: Vec<Topic>,
    pub language: String,
    pub cadence: Cadence,
    #[oai(skip_serializing_if_is_none)]
    pub confirmed_at: Option<DateTime<Utc>>,
}

/// Everything the platform holds about one subscription (the GDPR's right of access): the
/// subscription, the proof of consent, and the messages of the last 30 days. Nothing of
/// anyone else.
#[derive(Debug, Clone, Object)]
pub struct SubscriptionData {
    pub subscription: SubscriptionView,
    /// When the subscription was first asked for.
    pub created_at: DateTime<Utc>,
    /// When it was last asked for, and from which client address (the proof of consent,
    /// with the confirmation's); absent on subscriptions older than its recording.
    #[oai(skip_serializing_if_is_none)]
    pub requested_at: Option<DateTime<Utc>>,
    #[oai(skip_serializing_if_is_none)]
    pub requested_from: Option<String>,
    /// The client address the confirmation link was followed from.
    #[oai(skip_serializing_if_is_none)]
    pub confirmed_from: Option<String>,
    /// Why mail to the address stopped (it bounced), and when.
    #[oai(skip_serializing_if_is_none)]
    pub stopped_reason: Option<String>,
    #[oai(skip_serializing_if_is_none)]
    pub stopped_at: Option<DateTime<Utc>>,
    /// The messages to this subscriber in the last 30 days, newest first.
    pub messages: Vec<HeldMessage>,
}

/// A message to a subscriber, as the platform keeps it.
#[derive(Debug, Clone, Object)]
pub struct HeldMessage {
    pub subject: String,
    /// What it is: `notice.meeting.convened`, `confirm`, `digest`...
    pub kind: String,
    /// `queued`, `in_flight`, `sent` or `failed`.
    pub state: String,
    pub created_at: DateTime<Utc>,
    #[oai(skip_serializing_if_is_none)]
    pub sent_at: Option<DateTime<Utc>>,
}

/// New preferences.
#[derive(Debug, Clone, Object, serde::Deserialize)]
pub struct PreferencesInput {
    #[oai(validator(min_items = 1))]
    pub topics: Vec<TopicText>,
    pub language: LanguageText,
    pub cadence: CadenceText,
}

#[derive(Debug, Clone, Object)]
pub struct Unsubscribed {
    pub message: String,
}

/// How many subscribers chose a value.
#[derive(Debug, Clone, Object)]
pub struct Tally {
    pub value: String,
    pub count: u64,
}

/// A municipality's notifications at a glance.
#[derive(Debug, Clone, Object)]
pub struct NotificationsSummary {
    pub subscribers: u64,
    pub pending_confirmation: u64,
    pub by_topic: Vec<Tally>,
    pub by_language: Vec<Tally>,
    pub by_cadence: Vec<Tally>,
    /// Deliveries by state: `queued`, `in_flight`, `sent`, `failed`.
    pub deliveries: Vec<Tally>,
    /// Council members with no address: they get no convocations or reminders until their
    /// record has one (or their account is linked to it).
    pub members_without_address: Vec<String>,
}

/// One delivery, for operators.
#[derive(Debug, Clone, Object)]
pub struct DeliveryView {
    pub id: i64,
    /// The municipality it was sent for (its `id` in the tenants API); none for the
    /// platform's own messages.
    #[oai(skip_serializing_if_is_none)]
    pub tenant_id: Option<i64>,
    pub kind: String,
    pub recipient: String,
    pub subject: String,
    pub state: String,
    pub attempts: i32,
    #[oai(skip_serializing_if_is_none)]
    pub last_error: Option<String>,
    pub next_attempt_at: DateTime<Utc>,
    pub created_at: DateTime<Utc>,
    #[oai(skip_serializing_if_is_none)]
    pub sent_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, Object)]
pub struct DeliveryPage {
    pub items: Vec<DeliveryView>,
    pub page: u64,
    pub per_page: u64,
    pub total: u64,
}

/// A background job, for the platform's operators.
#[derive(Debug, Clone, Object)]
pub struct JobView {
    /// `events` (reading the other services' events), `expiry` (unconfirmed
    /// subscriptions), `digests` or `reminders`.
    pub name: String,
    /// When it runs: a cron expression with seconds.
    pub schedule: String,
    /// Its last run that ended well.
    #[oai(skip_serializing_if_is_none)]
    pub last_run_at: Option<DateTime<Utc>>,
    /// When it runs next (now, when a run is due).
    #[oai(skip_serializing_if_is_none)]
    pub next_run_at: Option<DateTime<Utc>>,
    /// Its last failure, and why.
    #[oai(skip_serializing_if_is_none)]
    pub last_failed_at: Option<DateTime<Utc>>,
    #[oai(skip_serializing_if_is_none)]
    pub last_error: Option<String>,
}

/// A municipality's notification settings.
#[derive(Debug, Clone, Object, serde::Deserialize)]
pub struct NotificationSettingsView {
    /// When digests go out: a cron expression with seconds, in Athens time, such as
    /// `0 0 8 * * Mon` (Mondays at 08:00).
    pub digest_schedule: String,
    /// How long before a meeting its members are reminded, in minutes (15 to 20160).
    #[oai(validator(minimum(value = "15"), maximum(value = "20160")))]
    pub reminder_minutes: i32,
}

/// A subscriber as the municipality's administrators see them.
#[derive(Debug, Clone, Object)]
pub struct SubscriberView {
    pub id: i64,
    pub email: String,
    /// `pending` (waiting for its owner to follow the confirmation link), `expired` (the
    /// link expired unused; removed soon), `active` (confirmed) or `stopped` (confirmed,
    /// but the address bounced: see `stopped_reason`).
    pub state: String,
    pub topics: Vec<Topic>,
    pub language: String,
    pub cadence: Cadence,
    /// Since when it is in its state: confirmed at, or asked for at.
    pub since: DateTime<Utc>,
    /// State `stopped`: why mail to the address stopped, `hard_bounce` (it bounced for
    /// good) or `soft_bounces` (it bounced too often); a confirmed re-subscription clears it.
    #[oai(skip_serializing_if_is_none)]
    pub stopped_reason: Option<String>,
    #[oai(skip_serializing_if_is_none)]
    pub stopped_at: Option<DateTime<Utc>>,
    /// The remote server's status and words in the bounce that stopped it.
    #[oai(skip_serializing_if_is_none)]
    pub stopped_detail: Option<String>,
}

/// Subscribers whose address contains the search, by address.
#[derive(Debug, Clone, Object)]
pub struct SubscriberPage {
    pub items: Vec<SubscriberView>,
    pub page: u64,
    pub per_page: u64,
    pub total: u64,
    /// When the search is a whole address whose owner was erased: when. Nothing else is
    /// kept of them.
    #[oai(skip_serializing_if_is_none)]
    pub erased_at: Option<DateTime<Utc>>,
}

/// What an import would do with one row, before anything is saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportOutcome {
    /// A new address: it will be sent the confirmation message.
    Invite,
    /// Already subscribed or waiting for confirmation: left as it is.
    AlreadyKnown,
    /// Its owner asked to be erased: left out.
    Erased,
}

//! The meetings API's request and response bodies.

use chrono::{DateTime, FixedOffset, Utc};
use poem_openapi::Object;

use crate::domain::{
    ApprovedBy, AttendanceAnswer, AttendanceStatus, DecisionKind, DecisionResult, MeetingKind,
    MeetingMode, MeetingState,
};

council_shared::text_enum!(
    /// Which meetings a list shows by time: from now on, or before now.
    When {
        /// From now, soonest first.
        Upcoming => "upcoming",
        /// Before now, newest first.
        Past => "past",
    }
);

/// Where a meeting is held.
#[derive(Debug, Clone, Object, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[oai(deny_unknown_fields)]
pub struct LocationBody {
    /// Such as «Αίθουσα Δημοτικού Συμβουλίου».
    pub name: String,
    pub address: Option<String>,
}

/// A meeting as the secretary writes it. Times carry their offset (`2026-02-12T17:00:00+02:00`)
/// and are stored in UTC.
#[derive(Debug, Clone, Object, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[oai(deny_unknown_fields)]
pub struct MeetingInput {
    /// Some text besides white space (no control characters but tab and line breaks).
    #[oai(validator(
        max_length = 300,
        pattern = r"^[^\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]*[^\s\x00-\x1F\x7F-\x9F][^\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]*$"
    ))]
    pub title: String,
    pub kind: MeetingKind,
    pub mode: MeetingMode,
    pub starts_at: DateTime<FixedOffset>,
    pub ends_at: DateTime<FixedOffset>,
    /// Required in person and hybrid.
    pub location: Option<LocationBody>,
    /// Required remote and hybrid; shown to the public only once the meeting has started.
    pub online_url: Option<String>,
}

/// A meeting in a list.
#[derive(Debug, Clone, Object)]
pub struct MeetingSummary {
    pub id: i64,
    pub tenant: String,
    /// «3/2026»: the meeting's number in its year, once convened.
    #[oai(skip_serializing_if_is_none)]
    pub number: Option<String>,
    pub title: String,
    pub kind: MeetingKind,
    pub mode: MeetingMode,
    pub state: MeetingState,
    /// UTC.
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    /// The same instants in Athens time.
    pub starts_at_local: DateTime<FixedOffset>,
    pub ends_at_local: DateTime<FixedOffset>,
    #[oai(skip_serializing_if_is_none)]
    pub location: Option<LocationBody>,
    /// Moved from its first date at least once.
    pub postponed: bool,
    #[oai(skip_serializing_if_is_none)]
    pub cancel_reason: Option<String>,
    /// The meeting's public page.
    pub page: String,
}

/// A document on a meeting or agenda item.
#[derive(Debug, Clone, Object)]
pub struct AttachmentView {
    pub id: i64,
    #[oai(skip_serializing_if_is_none)]
    pub item_id: Option<i64>,
    pub file_name: String,
    pub content_type: String,
    pub size_bytes: i64,
    /// Hex SHA-512 of the content, to check a download against.
    pub sha512: String,
    pub download: String,
}

/// One version of a decision; published versions never change.
#[derive(Debug, Clone, Object)]
pub struct DecisionVersionView {
    pub version: i32,
    pub text: String,
    pub text_html: String,
    pub votes_for: i32,
    pub votes_against: i32,
    pub abstentions: i32,
    #[oai(skip_serializing_if_is_none)]
    pub dissent: Option<String>,
    pub result: DecisionResult,
    /// What a correction changed.
    #[oai(skip_serializing_if_is_none)]
    pub change_note: Option<String>,
    #[oai(skip_serializing_if_is_none)]
    pub published_at: Option<DateTime<Utc>>,
}

/// The decision or recommendation on an item: the current version and its history.
#[derive(Debug, Clone, Object)]
pub struct DecisionView {
    pub id: i64,
    /// «7/2026».
    pub number: String,
    pub kind: DecisionKind,
    /// The transparency portal's number (ΑΔΑ), once posted.
    #[oai(skip_serializing_if_is_none)]
    pub ada: Option<String>,
    pub current: DecisionVersionView,
    /// Earlier versions, oldest first (corrections after publication).
    pub earlier: Vec<DecisionVersionView>,
}

/// An agenda item.
#[derive(Debug, Clone, Object)]
pub struct AgendaItemView {
    pub id: i64,
    /// Its number on the agenda, from 1.
    pub number: i32,
    pub title: String,
    /// Markdown as written.
    pub description: String,
    /// The description as sanitised HTML.
    pub description_html: String,
    #[oai(skip_serializing_if_is_none)]
    pub rapporteur: Option<String>,
    /// Closed items are seen by the council's members and staff only.
    pub public: bool,
    /// Added at the start of the meeting (εκτός ημερήσιας διάταξης).
    pub urgent: bool,
    pub withdrawn: bool,
    #[oai(skip_serializing_if_is_none)]
    pub withdrawn_reason: Option<String>,
    pub attachments: Vec<AttachmentView>,
    #[oai(skip_serializing_if_is_none)]
    pub decision: Option<DecisionView>,
}

#[derive(Debug, Clone, Object)]
pub struct PostponementView {
    pub previous_starts_at: DateTime<Utc>,
    pub new_starts_at: DateTime<Utc>,
    pub reason: String,
    pub at: DateTime<Utc>,
}

#[derive(Debug, Clone, Object)]
pub struct AttendanceLine {
    pub member_id: i64,
    pub member_name: String,
    pub status: AttendanceStatus,
    #[oai(skip_serializing_if_is_none)]
    pub substitute_name: Option<String>,
}

/// Who attended, and whether that made a quorum.
#[derive(Debug, Clone, Object)]
pub struct AttendanceView {
    /// Regular members in office on the day (the secretary not counted).
    pub in_office: i32,
    /// Present in person or through a substitute.
    pub present: i32,
    /// More than half of the members in office were present.
    pub quorum: bool,
    pub records: Vec<AttendanceLine>,
}

/// A version of the minutes.
#[derive(Debug, Clone, Object)]
pub struct MinutesView {
    pub version: i32,
    pub body: String,
    pub body_html: String,
    #[oai(skip_serializing_if_is_none)]
    pub change_note: Option<String>,
    #[oai(skip_serializing_if_is_none)]
    pub published_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Object)]
pub struct ApprovalView {
    pub by: ApprovedBy,
    pub approved_at: DateTime<Utc>,
    #[oai(skip_serializing_if_is_none)]
    pub approved_in_meeting_id: Option<i64>,
    #[oai(skip_serializing_if_is_none)]
    pub note: Option<String>,
}

/// A member's answer to the convocation.
#[derive(Debug, Clone, Object)]
pub struct AnswerView {
    pub member_id: i64,
    /// The member's name on the council's roster.
    pub member_name: String,
    pub answer: AttendanceAnswer,
    #[oai(skip_serializing_if_is_none)]
    pub note: Option<String>,
    pub answered_at: DateTime<Utc>,
}

/// A meeting with everything the caller may see of it.
#[derive(Debug, Clone, Object)]
pub struct MeetingDetail {
    #[oai(flatten)]
    pub summary: MeetingSummary,
    /// Members and staff always; the public once the meeting has started.
    #[oai(skip_serializing_if_is_none)]
    pub online_url: Option<String>,
    pub agenda: Vec<AgendaItemView>,
    /// Documents of the meeting as a whole (the convocation, say).
    pub attachments: Vec<AttachmentView>,
    pub postponements: Vec<PostponementView>,
    #[oai(skip_serializing_if_is_none)]
    pub attendance: Option<AttendanceView>,
    /// The current minutes: the latest published version, or the draft for members.
    #[oai(skip_serializing_if_is_none)]
    pub minutes: Option<MinutesView>,
    /// Every version the caller may read, oldest first.
    pub minutes_versions: Vec<MinutesView>,
    #[oai(skip_serializing_if_is_none)]
    pub approval: Option<ApprovalView>,
    /// The caller's own answer to the convocation, for a member.
    #[oai(skip_serializing_if_is_none)]
    pub my_answer: Option<AnswerView>,
    /// What the caller may do now (staff: every action the state allows).
    pub allowed_actions: Vec<String>,
    /// The meeting's calendar file.
    pub calendar: String,
}

/// A new agenda item.
#[derive(Debug, Clone, Object, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[oai(deny_unknown_fields)]
pub struct ItemInput {
    /// Some text besides white space (no control characters but tab and line breaks).
    #[oai(validator(
        max_length = 500,
        pattern = r"^[^\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]*[^\s\x00-\x1F\x7F-\x9F][^\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]*$"
    ))]
    pub title: String,
    /// Markdown.
    pub description: Option<String>,
    pub rapporteur: Option<String>,
    /// Defaults to true; closed items are for members only.
    pub public: Option<bool>,
    /// Added at the start of the meeting: only for a convened or held meeting.
    pub urgent: Option<bool>,
}

#[derive(Debug, Clone, Object, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[oai(deny_unknown_fields)]
pub struct ReorderInput {
    /// Every item's id, in the new order.
    pub item_ids: Vec<i64>,
}

#[derive(Debug, Clone, Object, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[oai(deny_unknown_fields)]
pub struct ReasonInput {
    /// Some text besides white space (no control characters but tab and line breaks).
    #[oai(validator(
        max_length = 2000,
        pattern = r"^[^\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]*[^\s\x00-\x1F\x7F-\x9F][^\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]*$"
    ))]
    pub reason: String,
}

#[derive(Debug, Clone, Object, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[oai(deny_unknown_fields)]
pub struct PostponeInput {
    pub starts_at: DateTime<FixedOffset>,
    pub ends_at: DateTime<FixedOffset>,
    /// Some text besides white space (no control characters but tab and line breaks).
    #[oai(validator(
        max_length = 2000,
        pattern = r"^[^\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]*[^\s\x00-\x1F\x7F-\x9F][^\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]*$"
    ))]
    pub reason: String,
}

#[derive(Debug, Clone, Object, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[oai(deny_unknown_fields)]
pub struct AnswerInput {
    pub answer: AttendanceAnswer,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Object, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[oai(deny_unknown_fields)]
pub struct CommentInput {
    /// Some text besides white space (no control characters but tab and line breaks).
    #[oai(validator(
        max_length = 5000,
        pattern = r"^[^\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]*[^\s\x00-\x1F\x7F-\x9F][^\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]*$"
    ))]
    pub body: String,
}

/// A private comment of a member on an item.
#[derive(Debug, Clone, Object)]
pub struct CommentView {
    pub id: i64,
    pub item_id: i64,
    /// The member's name on the council's roster (never an address).
    pub author_name: String,
    pub body: String,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Object, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[oai(deny_unknown_fields)]
pub struct AttendanceLineInput {
    pub member_id: i64,
    pub status: AttendanceStatus,
    /// Who stood in, for `substitute_present`.
    pub substitute_name: Option<String>,
}

#[derive(Debug, Clone, Object, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[oai(deny_unknown_fields)]
pub struct AttendanceInput {
    /// Every regular member in office, once.
    pub records: Vec<AttendanceLineInput>,
}

/// A decision or recommendation. After publication, saving it publishes a correction:
/// then `change_note` (what changed and why) is required.
#[derive(Debug, Clone, Object, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[oai(deny_unknown_fields)]
pub struct DecisionInput {
    pub kind: DecisionKind,
    /// Some text besides white space (no control characters but tab and line breaks).
    #[oai(validator(
        max_length = 50000,
        pattern = r"^[^\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]*[^\s\x00-\x1F\x7F-\x9F][^\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]*$"
    ))]
    pub text: String,
    pub votes_for: i32,
    pub votes_against: i32,
    pub abstentions: i32,
    pub dissent: Option<String>,
    pub result: DecisionResult,
    pub change_note: Option<String>,
}

#[derive(Debug, Clone, Object, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[oai(deny_unknown_fields)]
pub struct AdaInput {
    /// The act's number on the transparency portal (Διαύγεια), such as `6ΞΨ3ΩΡΦ-ΥΘΛ`;
    /// null clears it.
    pub ada: Option<String>,
}

/// The minutes' text. Omit `body` to draft them from the record. After publication,
/// saving publishes a correction: `body` and `change_note` are then required.
#[derive(Debug, Clone, Object, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[oai(deny_unknown_fields)]
pub struct MinutesInput {
    pub body: Option<String>,
    pub change_note: Option<String>,
}

#[derive(Debug, Clone, Object, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[oai(deny_unknown_fields)]
pub struct ApprovalInput {
    pub by: ApprovedBy,
    /// The later meeting that approved them, when `by` is `meeting`.
    pub approved_in_meeting_id: Option<i64>,
    /// When; defaults to now.
    pub approved_at: Option<DateTime<FixedOffset>>,
    pub note: Option<String>,
}

/// An event from the outbox.
#[derive(Debug, Clone, Object)]
pub struct MeetingEvent {
    pub id: i64,
    pub tenant_id: i64,
    pub meeting_id: i64,
    /// `meeting.convened`, `meeting.updated`, `meeting.postponed`, `meeting.cancelled`,
    /// `minutes.drafted`, `minutes.published` (with the public decisions in `decisions`),
    /// `minutes.corrected` or `decision.corrected` (public items only). Every payload is
    /// public: nothing of a closed item is ever in it.
    pub event_type: String,
    pub payload: serde_json::Value,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Object)]
pub struct MeetingEventList {
    pub events: Vec<MeetingEvent>,
    /// Pass as `after` to read on; equals the request's `after` when nothing is new.
    pub last_id: i64,
}

council_shared::page_type!(MeetingPage, MeetingSummary);

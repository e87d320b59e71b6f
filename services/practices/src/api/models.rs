//! What the practices API answers with.

use chrono::{DateTime, Utc};
use poem_openapi::Object;

use crate::domain::{Bilingual, PracticeContent, PracticeState, Sector};

/// A published practice in a list.
#[derive(Debug, Clone, Object)]
pub struct PracticeSummary {
    pub slug: String,
    pub title: Bilingual,
    pub summary: Bilingual,
    #[oai(skip_serializing_if_is_none)]
    pub sector: Option<Sector>,
    pub thematic_areas: Vec<String>,
    pub organisation: String,
    /// Slugs of the municipalities it runs in or was submitted by.
    pub municipalities: Vec<String>,
    pub published_at: DateTime<Utc>,
    /// Kept readable, no longer maintained.
    pub archived: bool,
    /// The practice's API address.
    pub href: String,
}

/// How many of the results have one filter value.
#[derive(Debug, Clone, Object)]
pub struct FacetCount {
    /// `sector`, `theme`, `sdg`, `municipality`, `audience` or `year`.
    pub facet: String,
    pub value: String,
    pub count: i64,
}

/// One page of search results, with the counts per filter value.
#[derive(Debug, Clone, Object)]
pub struct PracticeSearchPage {
    pub items: Vec<PracticeSummary>,
    pub page: u64,
    pub per_page: u64,
    pub total: u64,
    pub total_pages: u64,
    pub facets: Vec<FacetCount>,
}

/// The revision being worked on, for its author and moderators.
#[derive(Debug, Clone, Object)]
pub struct WorkingRevision {
    pub revision: i32,
    pub state: PracticeState,
    pub content: PracticeContent,
    pub updated_at: DateTime<Utc>,
}

/// One recorded step of a practice's life.
#[derive(Debug, Clone, Object)]
pub struct TransitionView {
    pub revision: i32,
    #[oai(skip_serializing_if_is_none)]
    pub from: Option<String>,
    pub to: String,
    pub by: String,
    #[oai(skip_serializing_if_is_none)]
    pub note: Option<String>,
    pub at: DateTime<Utc>,
}

/// A practice as the caller may see it.
#[derive(Debug, Clone, Object)]
pub struct PracticeDetail {
    pub slug: String,
    /// The public version; absent until first published.
    #[oai(skip_serializing_if_is_none)]
    pub published: Option<PracticeContent>,
    #[oai(skip_serializing_if_is_none)]
    pub published_at: Option<DateTime<Utc>>,
    pub archived: bool,
    /// For the author and moderators: the latest revision and its state.
    #[oai(skip_serializing_if_is_none)]
    pub working: Option<WorkingRevision>,
    /// For the author and moderators: every step, oldest first.
    #[oai(skip_serializing_if_is_none)]
    pub history: Option<Vec<TransitionView>>,
    /// Municipalities that adopted it, first adopters first.
    pub adoptions: Vec<AdoptionView>,
    /// Approved feedback messages.
    pub feedback_count: u64,
    /// What the caller may do now.
    pub allowed_actions: Vec<String>,
    /// The uploaded photos and documents the caller may download: for the public, those
    /// the published version shows; for the author and moderators, all of them.
    pub files: Vec<PracticeFileView>,
}

/// An uploaded photo or document.
#[derive(Debug, Clone, Object)]
pub struct PracticeFileView {
    pub id: i64,
    pub file_name: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub sha512: String,
    /// Where to download it.
    pub download: String,
    pub uploaded_at: DateTime<Utc>,
}

/// A new thematic area (platform administrators).
#[derive(Debug, Clone, Object, serde::Deserialize)]
pub struct ThemeInput {
    /// Lower-case letters, digits and `_`, such as `digital_inclusion`.
    pub code: String,
    pub name: Bilingual,
    /// Where it is listed; the end of the list when absent.
    #[oai(skip_serializing_if_is_none)]
    #[serde(default)]
    pub position: Option<i32>,
}

/// A thematic area's new names or position.
#[derive(Debug, Clone, Object, serde::Deserialize)]
pub struct ThemeChange {
    pub name: Bilingual,
    #[oai(skip_serializing_if_is_none)]
    #[serde(default)]
    pub position: Option<i32>,
}

/// One event of the practices outbox.
#[derive(Debug, Clone, Object)]
pub struct PracticeEventView {
    pub id: i64,
    pub practice_id: i64,
    /// `practice.submitted`, `practice.published`, `practice.changes_requested`, ...
    pub event_type: String,
    pub payload: serde_json::Value,
    pub created_at: DateTime<Utc>,
}

/// A page of the outbox, and the id to continue after.
#[derive(Debug, Clone, Object)]
pub struct PracticeEventList {
    pub events: Vec<PracticeEventView>,
    pub last_id: i64,
}

/// A moderator's note: what should change, or why the practice is rejected.
#[derive(Debug, Clone, Default, Object, serde::Deserialize)]
pub struct DecisionNote {
    #[oai(skip_serializing_if_is_none)]
    #[serde(default)]
    pub note: Option<String>,
}

/// A thematic area of the platform's list.
#[derive(Debug, Clone, Object)]
pub struct ThemeView {
    pub code: String,
    pub name: Bilingual,
}

/// "Tell us your opinion".
#[derive(Debug, Clone, Default, Object, serde::Deserialize)]
#[serde(default)]
pub struct FeedbackInput {
    /// Shown with the message once approved; may be left out. No control characters.
    #[oai(
        skip_serializing_if_is_none,
        validator(
            max_length = 200,
            pattern = r"^[^\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]*$"
        )
    )]
    pub name: Option<String>,
    /// Required, never shown.
    pub email: council_shared::input_fields::EmailText,
    /// Some text besides white space; no control characters but tab and line breaks.
    #[oai(validator(
        max_length = 5000,
        pattern = r"^[^\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]*[^\s\x00-\x1F\x7F-\x9F][^\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]*$"
    ))]
    pub body: String,
}

/// The message was received and waits for a moderator.
#[derive(Debug, Clone, Object)]
pub struct FeedbackReceived {
    pub message: String,
}

/// A message as shown (no e-mail address).
#[derive(Debug, Clone, Object)]
pub struct FeedbackView {
    pub id: i64,
    #[oai(skip_serializing_if_is_none)]
    pub name: Option<String>,
    pub body: String,
    /// `pending`, `approved` or `rejected`.
    pub state: String,
    pub created_at: DateTime<Utc>,
}

/// "We adopted this".
#[derive(Debug, Clone, Default, Object, serde::Deserialize)]
#[serde(default)]
pub struct AdoptionInput {
    /// The adopting municipality's slug.
    pub tenant: String,
    #[oai(skip_serializing_if_is_none)]
    pub note: Option<String>,
}

/// A municipality that adopted the practice.
#[derive(Debug, Clone, Object)]
pub struct AdoptionView {
    pub tenant: String,
    pub name: Bilingual,
    #[oai(skip_serializing_if_is_none)]
    pub note: Option<String>,
    pub adopted_at: DateTime<Utc>,
}

/// A published practice as a file of its own.
#[derive(Debug, Clone, Object)]
pub struct PracticeExport {
    pub slug: String,
    pub published_at: DateTime<Utc>,
    pub archived: bool,
    pub practice: PracticeContent,
}

/// A practice waiting for (or past) a moderator's decision, in the moderation queue.
#[derive(Debug, Clone, Object)]
pub struct PracticeSubmission {
    pub slug: String,
    /// The title of the version under review.
    pub title: Bilingual,
    pub organisation: String,
    /// The submitting municipality's slug, when a municipality submitted it.
    #[oai(skip_serializing_if_is_none)]
    pub municipality: Option<String>,
    pub state: PracticeState,
    /// When it entered this state (for a submitted practice, when it was submitted).
    pub submitted_at: DateTime<Utc>,
    /// An update of a published practice (whose public version stays until it is decided).
    pub update: bool,
    /// The practice's API address.
    pub href: String,
}

/// The `state` of a search: only published practices are searched. Any other value is
/// refused with a problem that points to `GET /practice-submissions`, where moderators
/// find the practices in the other states.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PublishedOnly;

impl poem_openapi::types::Type for PublishedOnly {
    const IS_REQUIRED: bool = true;
    type RawValueType = Self;
    type RawElementValueType = Self;

    fn name() -> std::borrow::Cow<'static, str> {
        "PublishedOnly".into()
    }

    fn schema_ref() -> poem_openapi::registry::MetaSchemaRef {
        poem_openapi::registry::MetaSchemaRef::Inline(Box::new(
            poem_openapi::registry::MetaSchema {
                enum_items: vec![serde_json::Value::String("published".into())],
                description: Some(
                    "Only `published`: practices in other states are listed to their moderators at `GET /practice-submissions`.",
                ),
                ..poem_openapi::registry::MetaSchema::new("string")
            },
        ))
    }

    fn as_raw_value(&self) -> Option<&Self> {
        Some(self)
    }

    fn raw_element_iter<'a>(&'a self) -> Box<dyn Iterator<Item = &'a Self> + 'a> {
        Box::new(std::iter::once(self))
    }
}

impl poem_openapi::types::ParseFromParameter for PublishedOnly {
    fn parse_from_parameter(value: &str) -> poem_openapi::types::ParseResult<Self> {
        if value == "published" {
            Ok(Self)
        } else {
            Err(poem_openapi::types::ParseError::custom(
                "only `published` practices are searched here; moderators list practices in other states at GET /api/v1/practice-submissions?state=...",
            ))
        }
    }
}

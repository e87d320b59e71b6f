//! The JSON shapes of the tenants API. Request types parse leniently (`serde(default)`:
//! a missing field becomes empty) so the domain `parse` can report every missing or
//! invalid field at once, instead of serde stopping at the first.

use chrono::{DateTime, NaiveDate, Utc};
use council_shared::input_fields::{OptionalEmailText, Required};
use poem_openapi::{Enum, Object};
use serde::{Deserialize, Serialize};

/// Text in Greek, with an English version where one exists.
#[derive(Debug, Clone, Default, PartialEq, Eq, Object, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
#[oai(deny_unknown_fields)]
pub struct Text {
    /// Greek: required where the field says so (names), else it may be left out.
    #[oai(default)]
    pub el: String,
    /// English, if translated.
    #[oai(skip_serializing_if_is_none)]
    pub en: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum, Deserialize, Serialize)]
#[oai(rename_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub enum TenantStatus {
    Active,
    Archived,
}

/// Which municipalities a list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum, Deserialize, Serialize, Default)]
#[oai(rename_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub enum StatusFilter {
    #[default]
    Active,
    Archived,
    All,
}

/// A new municipality.
#[derive(Debug, Clone, Default, Object, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[oai(deny_unknown_fields)]
pub struct TenantCreate {
    /// URL name: lower-case latin letters, digits and hyphens (`athens`). Cannot change later.
    pub slug: String,
    /// Name in Greek and English (both required).
    pub name: Text,
    /// Region (περιφέρεια).
    pub region: Text,
    /// The municipality's web site.
    pub website: Option<String>,
    /// Public contact e-mail of the municipality's ΣΕΜΠ.
    pub contact_email: Option<OptionalEmailText>,
}

/// New values for a municipality's details (everything but the slug).
#[derive(Debug, Clone, Default, Object, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[oai(deny_unknown_fields)]
pub struct TenantUpdate {
    pub name: Text,
    pub region: Text,
    pub website: Option<String>,
    pub contact_email: Option<OptionalEmailText>,
}

/// A municipality as lists show it.
#[derive(Debug, Clone, Object)]
pub struct TenantSummary {
    pub slug: String,
    pub name: Text,
    pub region: Text,
    #[oai(skip_serializing_if_is_none)]
    pub website: Option<String>,
    #[oai(skip_serializing_if_is_none)]
    pub contact_email: Option<String>,
    pub status: TenantStatus,
}

/// A municipality with its whole profile.
#[derive(Debug, Clone, Object)]
pub struct TenantDetail {
    /// The municipality's permanent number, which other services refer to it by.
    pub id: i64,
    pub slug: String,
    pub name: Text,
    pub region: Text,
    #[oai(skip_serializing_if_is_none)]
    pub website: Option<String>,
    #[oai(skip_serializing_if_is_none)]
    pub contact_email: Option<String>,
    pub status: TenantStatus,
    /// Who the municipality's data protection officer is, when its administrators said.
    #[oai(skip_serializing_if_is_none)]
    pub data_protection_officer: Option<super::data_protection::OfficerView>,
    pub profile: Profile,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    #[oai(skip_serializing_if_is_none)]
    pub archived_at: Option<DateTime<Utc>>,
}

/// The profile sections of a municipality page. `PUT` replaces all of them at once.
#[derive(Debug, Clone, Default, Object, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[oai(deny_unknown_fields)]
pub struct Profile {
    /// A short introduction ("Λίγα λόγια"); paragraphs separated by a blank line.
    pub introduction: Option<Text>,
    /// Key figures (ΒΑΣΙΚΑ ΑΡΙΘΜΗΤΙΚΑ ΣΤΟΙΧΕΙΑ).
    #[oai(default, validator(max_items = 50))]
    pub key_figures: Vec<KeyFigure>,
    /// Structures and programmes (Δομές και Προγράμματα).
    #[oai(default, validator(max_items = 50))]
    pub programmes: Vec<Programme>,
    /// What the municipality achieved ("Τι καταφέραμε").
    #[oai(default, validator(max_items = 50))]
    pub achievements: Vec<Highlight>,
    /// Where it aims ("Πού στοχεύουμε").
    #[oai(default, validator(max_items = 50))]
    pub goals: Vec<Highlight>,
}

#[derive(Debug, Clone, Default, Object, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[oai(deny_unknown_fields)]
pub struct KeyFigure {
    pub label: Text,
    /// As written on the page, such as `4.250` or `90%`.
    #[oai(validator(max_length = 40))]
    pub value: String,
    /// The year the figure refers to, if it names one.
    #[oai(
        skip_serializing_if_is_none,
        validator(minimum(value = "1900"), maximum(value = "2100"))
    )]
    pub year: Option<i32>,
    /// What the value counts, such as «ώρες» / "hours" (`%` needs none).
    #[oai(skip_serializing_if_is_none)]
    pub unit: Option<Text>,
    /// Where the figure comes from, such as «Απογραφή ΕΛΣΤΑΤ 2021».
    #[oai(skip_serializing_if_is_none, validator(max_length = 300))]
    pub source: Option<String>,
}

#[derive(Debug, Clone, Default, Object, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[oai(deny_unknown_fields)]
pub struct Programme {
    pub title: Text,
    pub description: Text,
    #[oai(skip_serializing_if_is_none)]
    pub link: Option<String>,
}

#[derive(Debug, Clone, Default, Object, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[oai(deny_unknown_fields)]
pub struct Highlight {
    pub title: Text,
    pub description: Text,
    /// A headline figure, such as 4.250 hours of Greek lessons.
    #[oai(skip_serializing_if_is_none)]
    pub figure: Option<Figure>,
}

#[derive(Debug, Clone, Default, Object, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[oai(deny_unknown_fields)]
pub struct Figure {
    #[oai(validator(max_length = 40))]
    pub value: String,
    pub label: Text,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum, Deserialize, Serialize)]
#[oai(rename_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub enum MemberCategory {
    /// Δημοτικός σύμβουλος.
    MunicipalCouncillor,
    /// Civil-society organisation working with migrants and refugees.
    CivilSociety,
    /// Representative of the migrant and refugee communities.
    MigrantCommunity,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum, Deserialize, Serialize)]
#[oai(rename_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub enum MemberRole {
    President,
    VicePresident,
    Member,
    Secretary,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum, Deserialize, Serialize)]
#[oai(rename_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub enum Membership {
    /// Τακτικό μέλος.
    Regular,
    /// Αναπληρωματικό μέλος.
    Substitute,
}

/// The council's founding decision and current term.
#[derive(Debug, Clone, Default, Object, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[oai(deny_unknown_fields)]
pub struct CouncilUpdate {
    pub name: Text,
    /// The municipal-council decision that set the council up, such as `Απόφαση 123/2024`.
    #[oai(validator(max_length = 300))]
    pub decision_reference: Option<String>,
    pub decision_date: Option<NaiveDate>,
    /// Where the decision is published (Διαύγεια).
    pub decision_url: Option<String>,
    pub term_start: Option<NaiveDate>,
    pub term_end: Option<NaiveDate>,
}

/// A council member, as written by an administrator.
#[derive(Debug, Clone, Default, Object, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[oai(deny_unknown_fields)]
pub struct MemberInput {
    #[oai(validator(max_length = 200))]
    pub full_name: String,
    pub category: Required<MemberCategory>,
    #[oai(validator(max_length = 300))]
    pub organisation: Option<String>,
    pub role: Required<MemberRole>,
    pub membership: Required<Membership>,
    pub term_start: Option<NaiveDate>,
    pub term_end: Option<NaiveDate>,
    /// Private contact address: never shown publicly.
    pub email: Option<OptionalEmailText>,
}

/// A council member as the public sees them: no contact address.
#[derive(Debug, Clone, Object)]
pub struct PublicMember {
    pub id: i64,
    pub full_name: String,
    pub category: MemberCategory,
    #[oai(skip_serializing_if_is_none)]
    pub organisation: Option<String>,
    pub role: MemberRole,
    pub membership: Membership,
    #[oai(skip_serializing_if_is_none)]
    pub term_start: Option<NaiveDate>,
    #[oai(skip_serializing_if_is_none)]
    pub term_end: Option<NaiveDate>,
    /// Invented demo data, not a real person.
    pub example: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A council member with the private contact address, for the tenant's administrators.
#[derive(Debug, Clone, Object)]
pub struct Member {
    pub id: i64,
    pub full_name: String,
    pub category: MemberCategory,
    #[oai(skip_serializing_if_is_none)]
    pub organisation: Option<String>,
    pub role: MemberRole,
    pub membership: Membership,
    #[oai(skip_serializing_if_is_none)]
    pub term_start: Option<NaiveDate>,
    #[oai(skip_serializing_if_is_none)]
    pub term_end: Option<NaiveDate>,
    #[oai(skip_serializing_if_is_none)]
    pub email: Option<String>,
    pub example: bool,
}

/// Where one member's notices go.
#[derive(Debug, Clone, Object)]
pub struct MemberContactView {
    pub member_id: i64,
    pub email: String,
}

/// The council's details.
#[derive(Debug, Clone, Object)]
pub struct CouncilInfo {
    pub name: Text,
    #[oai(skip_serializing_if_is_none)]
    pub decision_reference: Option<String>,
    #[oai(skip_serializing_if_is_none)]
    pub decision_date: Option<NaiveDate>,
    #[oai(skip_serializing_if_is_none)]
    pub decision_url: Option<String>,
    #[oai(skip_serializing_if_is_none)]
    pub term_start: Option<NaiveDate>,
    #[oai(skip_serializing_if_is_none)]
    pub term_end: Option<NaiveDate>,
    pub updated_at: DateTime<Utc>,
}

/// The council of a municipality, as the public sees it.
#[derive(Debug, Clone, Object)]
pub struct PublicCouncil {
    pub tenant: String,
    /// Absent until the municipality records its council's details.
    #[oai(skip_serializing_if_is_none)]
    pub council: Option<CouncilInfo>,
    /// President first, then vice-president, secretary and members; substitutes last.
    pub members: Vec<PublicMember>,
    pub regular_members: u32,
    pub substitute_members: u32,
}

/// Something an administrator should fix that the law frowns on but does not block.
#[derive(Debug, Clone, Object, PartialEq, Eq)]
pub struct Warning {
    /// Stable code, such as `regular_members_below_minimum`.
    pub code: String,
    pub message: String,
}

/// The council with private details and warnings, for the tenant's administrators.
#[derive(Debug, Clone, Object)]
pub struct AdminCouncil {
    pub tenant: String,
    #[oai(skip_serializing_if_is_none)]
    pub council: Option<CouncilInfo>,
    pub members: Vec<Member>,
    pub regular_members: u32,
    pub substitute_members: u32,
    pub warnings: Vec<Warning>,
}

/// A saved member, with the council's warnings after the change.
#[derive(Debug, Clone, Object)]
pub struct MemberSaved {
    pub member: Member,
    pub warnings: Vec<Warning>,
}

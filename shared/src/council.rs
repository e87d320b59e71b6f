//! What other services need to know of a municipality's council: who sits on it. The
//! tenants service owns councils; the meetings service asks through `CouncilDirectory`
//! (in-process in the all-in-one server, over the tenants API otherwise).

use chrono::{DateTime, NaiveDate, Utc};
use futures_util::future::BoxFuture;

use crate::tenant::{TenantRef, TenantSlug};

/// A member as another service sees them (no contact address).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RosterMember {
    pub id: i64,
    pub full_name: String,
    /// `president`, `vice_president`, `member` or `secretary`.
    pub role: String,
    /// `regular` or `substitute`.
    pub substitute: bool,
    pub term_start: Option<NaiveDate>,
    pub term_end: Option<NaiveDate>,
    /// When the member was added and last changed (OParl's `created` and `modified`).
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl RosterMember {
    /// Counts toward the quorum on `day`: a regular member whose term covers the day. The
    /// secretary is a municipal employee who keeps the minutes, not a voting member, and
    /// substitutes count only in place of the regular member they replace.
    pub fn in_office_on(&self, day: NaiveDate) -> bool {
        !self.substitute
            && self.role != "secretary"
            && self.term_start.is_none_or(|start| start <= day)
            && self.term_end.is_none_or(|end| day <= end)
    }
}

/// A municipality and its council.
#[derive(Debug, Clone)]
pub struct CouncilRoster {
    pub tenant: TenantRef,
    pub council_name_el: String,
    pub council_name_en: String,
    /// The council's term of office, when the municipality has recorded it.
    pub term_start: Option<NaiveDate>,
    pub term_end: Option<NaiveDate>,
    /// When the municipality was added, and when it or its council last changed.
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub members: Vec<RosterMember>,
}

impl CouncilRoster {
    pub fn member(&self, id: i64) -> Option<&RosterMember> {
        self.members.iter().find(|m| m.id == id)
    }

    /// The members who count toward the quorum on `day`.
    pub fn in_office_on(&self, day: NaiveDate) -> Vec<&RosterMember> {
        self.members
            .iter()
            .filter(|m| m.in_office_on(day))
            .collect()
    }
}

/// Where a member's notices go: their private address in the council record, else the
/// address of the account linked to the member record by a council-member role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberContact {
    pub member_id: i64,
    pub email: String,
}

/// Looks up a municipality's council by slug (`None` when no municipality has the slug), and
/// the private addresses the notifications service writes to.
pub trait CouncilDirectory: Send + Sync {
    fn roster<'a>(
        &'a self,
        slug: &'a TenantSlug,
    ) -> BoxFuture<'a, anyhow::Result<Option<CouncilRoster>>>;

    /// Every active municipality's council, by slug (for what spans municipalities, such
    /// as the OParl system's list of bodies).
    fn all(&self) -> BoxFuture<'_, anyhow::Result<Vec<CouncilRoster>>>;

    /// The address of account `user_id` (a practice's author, say); None when there is no
    /// such account. Private, like `contacts`.
    fn account_email(&self, user_id: i64) -> BoxFuture<'_, anyhow::Result<Option<String>>>;

    /// Who moderates the good practices a municipality (`tenant_id`) submits: the
    /// addresses of its administrators, else (no municipality, or it has none) of the
    /// platform administrators. Private, like `account_email`.
    fn moderator_emails(
        &self,
        tenant_id: Option<i64>,
    ) -> BoxFuture<'_, anyhow::Result<Vec<String>>>;

    /// The e-mail addresses of the council's members who have one (private: for the
    /// notifications service's convocations and reminders, never shown publicly).
    fn contacts<'a>(
        &'a self,
        slug: &'a TenantSlug,
    ) -> BoxFuture<'a, anyhow::Result<Vec<MemberContact>>>;
}

/// Where a council meets, on one line: «Αίθουσα, Αθηνάς 63» (the name alone when there is no
/// address). The meetings service's pages, calendars and OParl, and the members' messages
/// all write a venue this way.
pub fn place(name: &str, address: Option<&str>) -> String {
    match address {
        Some(address) => format!("{name}, {address}"),
        None => name.to_string(),
    }
}

/// A quorum is more than half of the members in office.
pub fn has_quorum(present: usize, in_office: usize) -> bool {
    in_office > 0 && present * 2 > in_office
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quorum_is_more_than_half_of_the_members_in_office() {
        assert!(has_quorum(4, 7));
        assert!(!has_quorum(3, 7));
        assert!(!has_quorum(3, 6));
        assert!(has_quorum(4, 6));
        assert!(!has_quorum(0, 0));
    }

    #[test]
    fn secretaries_substitutes_and_past_terms_do_not_count_toward_quorum() {
        let day = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
        let member = |role: &str, substitute, end| RosterMember {
            id: 1,
            full_name: "Μέλος".into(),
            role: role.into(),
            substitute,
            term_start: None,
            term_end: end,
            created_at: Utc::now(),
            updated_at: Utc::now(),
        };
        assert!(member("president", false, None).in_office_on(day));
        assert!(!member("secretary", false, None).in_office_on(day));
        assert!(!member("member", true, None).in_office_on(day));
        assert!(!member("member", false, NaiveDate::from_ymd_opt(2026, 2, 1)).in_office_on(day));
    }
}

//! What the public may know of a meeting: one rule, read by everything that reaches people
//! outside the council (the API's public views, the pages, calendars, Atom, OParl, search
//! and the events other services treat as public, which become residents' notices).
//!
//! - A closed item (κεκλεισμένων των θυρών) is the council's: its title, documents and
//!   decision (its number included) never leave the council. Published minutes name it by
//!   its place on the agenda only.
//! - A decision or recommendation on a public item is public once published, in its
//!   published versions only.
//!
//! Members and staff (`insider`) see closed items and unpublished texts; what they are sent
//! is decided by the notifications service from the council's own reads, not from here.

use crate::{
    domain::{DecisionKind, DecisionResult},
    entities::{agenda_item, decision_version},
    error::Result,
    service::decisions::StoredDecision,
};

/// Whether the public may see `item` at all.
pub fn item_is_public(item: &agenda_item::Model) -> bool {
    item.public
}

/// Whether a reader sees `item`: insiders see every item, the public only public ones.
pub fn sees_item(insider: bool, item: &agenda_item::Model) -> bool {
    insider || item_is_public(item)
}

/// Whether the public may see `stored`: it is on a public item of `items` (a decision on
/// an item that is not in the list is treated as closed).
pub fn decision_is_public(items: &[agenda_item::Model], stored: &StoredDecision) -> bool {
    items
        .iter()
        .any(|item| item.id == stored.decision.item_id && item_is_public(item))
}

/// The versions of `stored` a reader sees: insiders every one, the public the published.
pub fn visible_versions(
    insider: bool,
    stored: &StoredDecision,
) -> impl Iterator<Item = &decision_version::Model> {
    stored
        .versions
        .iter()
        .filter(move |v| insider || v.published_at.is_some())
}

/// A published decision or recommendation as the public may know it: what notices, feeds
/// and the outbox carry.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PublicDecision {
    /// «7/2026».
    pub number: String,
    /// `decision` or `recommendation`.
    pub kind: String,
    /// `adopted` or `rejected`.
    pub result: String,
    /// The item's place on the meeting's agenda (1-based, closed items counted).
    pub item_number: i32,
    pub item_title: String,
}

/// The published decisions on the public items of a meeting, in agenda order. `items` is
/// the whole agenda in order (so numbers match the minutes).
pub fn public_decisions(
    items: &[agenda_item::Model],
    decisions: &[StoredDecision],
) -> Result<Vec<PublicDecision>> {
    let mut listed = Vec::new();
    for (index, item) in items.iter().enumerate() {
        if !item_is_public(item) {
            continue;
        }
        let Some(stored) = decisions.iter().find(|d| d.decision.item_id == item.id) else {
            continue;
        };
        let Some(version) = stored.published() else {
            continue;
        };
        listed.push(PublicDecision {
            number: format!("{}/{}", stored.decision.number, stored.decision.year),
            kind: DecisionKind::from_db(&stored.decision.kind)?
                .as_str()
                .to_string(),
            result: DecisionResult::from_db(&version.result)?
                .as_str()
                .to_string(),
            item_number: index as i32 + 1,
            item_title: item.title.clone(),
        });
    }
    Ok(listed)
}

/// «Απόφαση» or «Εισήγηση»: a recommendation is never called a decision.
pub fn kind_word_el(kind: DecisionKind) -> &'static str {
    match kind {
        DecisionKind::Decision => "Απόφαση",
        DecisionKind::Recommendation => "Εισήγηση",
    }
}

#[cfg(test)]
mod tests {
    use chrono::Utc;

    use super::*;
    use crate::entities::decision;

    fn item(id: i64, public: bool) -> agenda_item::Model {
        agenda_item::Model {
            id,
            meeting_id: 1,
            position: id as i32,
            title: format!("Θέμα {id}"),
            description: String::new(),
            rapporteur: None,
            public,
            urgent: false,
            withdrawn_reason: None,
            withdrawn_at: None,
            created_at: Utc::now(),
            updated_at: Utc::now(),
        }
    }

    fn stored(item_id: i64, number: i32, kind: &str, published: bool) -> StoredDecision {
        StoredDecision {
            decision: decision::Model {
                id: item_id,
                meeting_id: 1,
                item_id,
                tenant_id: 1,
                year: 2026,
                number,
                kind: kind.into(),
                ada: None,
                created_at: Utc::now(),
                updated_at: Utc::now(),
            },
            versions: vec![decision_version::Model {
                id: item_id,
                decision_id: item_id,
                version: 1,
                text: "Κείμενο".into(),
                votes_for: 3,
                votes_against: 0,
                abstentions: 0,
                dissent: None,
                result: "adopted".into(),
                change_note: None,
                created_at: Utc::now(),
                published_at: published.then(Utc::now),
            }],
        }
    }

    #[test]
    fn a_closed_items_decision_is_not_public_and_not_listed() {
        let items = [item(1, true), item(2, false), item(3, true)];
        let decisions = [
            stored(1, 7, "decision", true),
            stored(2, 8, "decision", true),
            stored(3, 9, "recommendation", true),
        ];
        assert!(decision_is_public(&items, &decisions[0]));
        assert!(!decision_is_public(&items, &decisions[1]));
        let listed = public_decisions(&items, &decisions).unwrap();
        let numbers: Vec<_> = listed.iter().map(|d| d.number.as_str()).collect();
        assert_eq!(numbers, ["7/2026", "9/2026"]);
        assert_eq!(listed[1].kind, "recommendation");
        assert_eq!(listed[1].item_number, 3, "closed items keep their place");
    }

    #[test]
    fn unpublished_decisions_are_not_listed() {
        let items = [item(1, true)];
        let listed = public_decisions(&items, &[stored(1, 7, "decision", false)]).unwrap();
        assert!(listed.is_empty());
    }
}

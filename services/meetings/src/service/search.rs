//! The folded text a meeting is found by: its title, its public agenda and, once
//! published, its minutes and the decisions on public items. Closed items never enter it,
//! so a search cannot reveal them. Rebuilt in the transaction of every change to them.

use council_shared::{markdown::to_plain_text, search::fold};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ConnectionTrait, EntityTrait, IntoActiveModel};

use super::{agenda, decisions, minutes};
use crate::{
    disclosure,
    entities::meeting,
    error::{MeetingsError, Result},
};

pub async fn reindex(txn: &impl ConnectionTrait, meeting_id: i64) -> Result<()> {
    let meeting = meeting::Entity::find_by_id(meeting_id)
        .one(txn)
        .await?
        .ok_or(MeetingsError::MeetingNotFound(meeting_id))?;
    let mut text = meeting.title.clone();
    let items = agenda::items(txn, meeting_id).await?;
    let public_items: Vec<_> = items
        .iter()
        .filter(|i| disclosure::item_is_public(i))
        .collect();
    for item in &public_items {
        text.push(' ');
        text.push_str(&item.title);
        text.push(' ');
        text.push_str(&to_plain_text(&item.description));
    }
    if let Some(published) = minutes::versions(txn, meeting_id)
        .await?
        .into_iter()
        .rev()
        .find(|v| v.published_at.is_some())
    {
        text.push(' ');
        text.push_str(&to_plain_text(&published.body));
    }
    for stored in decisions::for_meeting(txn, meeting_id).await? {
        if !disclosure::decision_is_public(&items, &stored) {
            continue;
        }
        if let Some(version) = stored.published() {
            text.push(' ');
            text.push_str(&to_plain_text(&version.text));
        }
    }
    let folded = fold(&text);
    if folded != meeting.search_text {
        let mut active = meeting.into_active_model();
        active.search_text = Set(folded);
        active.update(txn).await?;
    }
    Ok(())
}

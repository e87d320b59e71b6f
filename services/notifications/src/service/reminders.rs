//! Members' reminders. The meetings service's events keep a record per convened meeting
//! (its time, state and calendar sequence) in this service's own table; the reminder job
//! finds the convened meetings whose municipality's lead time has come and queues one
//! reminder per member, marking the start time it reminded of in the same transaction. A
//! postponed meeting is reminded of again for its new time; a meeting convened or moved
//! after its reminder time has just had that message, and gets no second one.

use std::collections::HashMap;

use chrono::{Duration, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, prelude::Expr,
    sea_query::OnConflict,
};

use super::{
    members::{ContactBook, MeetingFacts, MemberKind},
    queue,
};
use crate::{Notifications, entities::meeting, error::Result};

const CONVENED: &str = "convened";

impl Notifications {
    /// Keeps the meeting's record in step with a meetings event, in the caller's transaction.
    pub async fn record_meeting(
        txn: &impl ConnectionTrait,
        tenant_id: i64,
        kind: MemberKind,
        facts: &MeetingFacts,
    ) -> Result<()> {
        let now = Utc::now();
        match kind {
            MemberKind::Convocation | MemberKind::Update | MemberKind::Postponement => {
                meeting::Entity::insert(meeting::ActiveModel {
                    meeting_id: Set(facts.meeting_id),
                    tenant_id: Set(tenant_id),
                    title: Set(facts.title.chars().take(300).collect()),
                    state: Set(CONVENED.into()),
                    starts_at: Set(facts.starts_at),
                    ends_at: Set(facts.ends_at),
                    ical_sequence: Set(facts.sequence),
                    last_notice_at: Set(now),
                    reminded_for: Set(None),
                    updated_at: Set(now),
                })
                .on_conflict(
                    OnConflict::column(meeting::Column::MeetingId)
                        .update_columns([
                            meeting::Column::Title,
                            meeting::Column::State,
                            meeting::Column::StartsAt,
                            meeting::Column::EndsAt,
                            meeting::Column::IcalSequence,
                            meeting::Column::LastNoticeAt,
                            meeting::Column::UpdatedAt,
                        ])
                        .to_owned(),
                )
                .exec_without_returning(txn)
                .await?;
            }
            MemberKind::Cancellation | MemberKind::DraftMinutes => {
                let state = if kind == MemberKind::Cancellation {
                    "cancelled"
                } else {
                    "past"
                };
                meeting::Entity::update_many()
                    .col_expr(meeting::Column::State, Expr::value(state))
                    .col_expr(meeting::Column::UpdatedAt, Expr::value(now))
                    .filter(meeting::Column::MeetingId.eq(facts.meeting_id))
                    .exec(txn)
                    .await?;
            }
            MemberKind::Reminder => {}
        }
        Ok(())
    }

    /// Queues the reminders that are due; returns how many messages were queued.
    pub async fn send_due_reminders(&self) -> Result<u64> {
        let now = Utc::now();
        let upcoming = meeting::Entity::find()
            .filter(meeting::Column::State.eq(CONVENED))
            .filter(meeting::Column::StartsAt.gt(now))
            .all(&self.db)
            .await?;
        let leads = self
            .municipality_settings(upcoming.iter().map(|row| row.tenant_id))
            .await?;
        let mut due = Vec::new();
        for row in upcoming {
            if row.reminded_for == Some(row.starts_at) {
                continue;
            }
            let lead = Duration::minutes(leads[&row.tenant_id].reminder_minutes.into());
            let remind_at = row.starts_at - lead;
            if now >= remind_at {
                due.push((row, remind_at));
            }
        }
        if due.is_empty() {
            return Ok(0);
        }
        let rosters: HashMap<i64, _> = self
            .directory
            .all()
            .await?
            .into_iter()
            .map(|r| (r.tenant.id, r))
            .collect();
        let mut book = ContactBook::default();
        let mut queued = 0;
        for (row, remind_at) in due {
            let messages = match rosters.get(&row.tenant_id) {
                // Convened or moved after its reminder time: that message was the reminder.
                Some(_) if row.last_notice_at >= remind_at => Vec::new(),
                Some(roster) => {
                    let contacts = self.contacts_of(&mut book, roster).await?;
                    let brief = self
                        .meeting_brief(roster.tenant.slug.as_str(), row.meeting_id)
                        .await;
                    let facts = MeetingFacts {
                        meeting_id: row.meeting_id,
                        title: row.title.clone(),
                        starts_at: row.starts_at,
                        ends_at: row.ends_at,
                        sequence: row.ical_sequence,
                        reason: None,
                    };
                    self.member_messages(
                        MemberKind::Reminder,
                        &facts,
                        brief.as_ref(),
                        roster,
                        contacts,
                        &format!("reminder:{}:{}", row.meeting_id, row.starts_at.timestamp()),
                    )?
                }
                // The municipality is gone or archived: nobody to remind.
                None => Vec::new(),
            };
            let txn = council_shared::database::begin_write(&self.db).await?;
            for message in messages {
                if queue::enqueue(&txn, message, &self.domain).await? {
                    queued += 1;
                }
            }
            // Conditional on the start time read, so a postponement committed meanwhile
            // is reminded of in its turn.
            meeting::Entity::update_many()
                .col_expr(meeting::Column::RemindedFor, Expr::value(row.starts_at))
                .filter(meeting::Column::MeetingId.eq(row.meeting_id))
                .filter(meeting::Column::StartsAt.eq(row.starts_at))
                .exec(&txn)
                .await?;
            txn.commit().await?;
        }
        if queued > 0 {
            self.wake_workers();
        }
        Ok(queued)
    }
}

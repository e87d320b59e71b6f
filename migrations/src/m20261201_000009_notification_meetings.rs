//! Notifications service: the meetings its members are to be reminded of, as the meetings
//! service's events described them (title, time, state, calendar sequence), and for which
//! start time the reminder went out (a postponed meeting is reminded of again).
//!
//! `meeting_id` and `tenant_id` name rows of other services but carry no foreign key.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum NotificationMeetings {
    Table,
    MeetingId,
    TenantId,
    Title,
    State,
    StartsAt,
    EndsAt,
    IcalSequence,
    LastNoticeAt,
    RemindedFor,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use NotificationMeetings as M;
        manager
            .create_table(
                Table::create()
                    .table(M::Table)
                    .col(big_integer(M::MeetingId).primary_key())
                    .col(big_integer(M::TenantId))
                    .col(string_len(M::Title, 300))
                    .col(string_len(M::State, 40))
                    .col(timestamp_with_time_zone(M::StartsAt))
                    .col(timestamp_with_time_zone(M::EndsAt))
                    .col(integer(M::IcalSequence))
                    .col(timestamp_with_time_zone(M::LastNoticeAt))
                    .col(timestamp_with_time_zone_null(M::RemindedFor))
                    .col(timestamp_with_time_zone(M::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_notification_meetings_state_starts")
                    .table(M::Table)
                    .col(M::State)
                    .col(M::StartsAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(NotificationMeetings::Table).to_owned())
            .await
    }
}

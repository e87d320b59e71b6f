//! Meetings service: when each signed-in person last opened a meeting in the workspace, so
//! their home can list the documents added since they last looked, and the meeting's page
//! can mark them new.
//!
//! `user_id` names a row of the tenants service's users and carries no foreign key.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum MeetingViews {
    Table,
    MeetingId,
    UserId,
    SeenAt,
}

#[derive(DeriveIden)]
enum Meetings {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use MeetingViews as V;
        manager
            .create_table(
                Table::create()
                    .table(V::Table)
                    .col(big_integer(V::MeetingId))
                    .col(big_integer(V::UserId))
                    .col(timestamp_with_time_zone(V::SeenAt))
                    .primary_key(Index::create().col(V::MeetingId).col(V::UserId))
                    .foreign_key(
                        ForeignKey::create()
                            .from(V::Table, V::MeetingId)
                            .to(Meetings::Table, Meetings::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_meeting_views_user")
                    .table(V::Table)
                    .col(V::UserId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(MeetingViews::Table).to_owned())
            .await
    }
}

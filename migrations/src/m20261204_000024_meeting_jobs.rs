//! Meetings service: a jobs table, like the other services', for its first job (removing
//! the uploads an instance left uncommitted when it stopped mid-upload).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum MeetingJobs {
    Table,
    Name,
    LastRunAt,
    LeaseOwner,
    LeaseUntil,
    LastFailedAt,
    LastError,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use MeetingJobs as J;
        manager
            .create_table(
                Table::create()
                    .table(J::Table)
                    .col(string_len(J::Name, 120).primary_key())
                    .col(timestamp_with_time_zone_null(J::LastRunAt))
                    .col(string_len_null(J::LeaseOwner, 64))
                    .col(timestamp_with_time_zone_null(J::LeaseUntil))
                    .col(timestamp_with_time_zone_null(J::LastFailedAt))
                    .col(text_null(J::LastError))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(MeetingJobs::Table).to_owned())
            .await
    }
}

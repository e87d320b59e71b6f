//! Notifications service: when each background job last failed and why, so the platform's
//! operators see it beside the last run without reading the server's logs.
//!
//! One column per statement: SQLite adds one column at a time.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum NotificationJobs {
    Table,
    LastFailedAt,
    LastError,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use NotificationJobs as J;
        manager
            .alter_table(
                Table::alter()
                    .table(J::Table)
                    .add_column(timestamp_with_time_zone_null(J::LastFailedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(J::Table)
                    .add_column(text_null(J::LastError))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use NotificationJobs as J;
        for column in [J::LastError, J::LastFailedAt] {
            manager
                .alter_table(
                    Table::alter()
                        .table(J::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}

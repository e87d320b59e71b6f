//! Notifications service: the proof of a resident's consent, which a municipality (the
//! controller under the GDPR) must be able to show. A subscriber row now says when the
//! subscription was last asked for and from which client address, and from which address it
//! was confirmed (`confirmed_at` was already kept). Older rows have none: their consent was
//! not recorded.
//!
//! One column per statement: SQLite adds one column at a time.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum NotificationSubscribers {
    Table,
    RequestedAt,
    RequestedFrom,
    ConfirmedFrom,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use NotificationSubscribers as S;
        for column in [
            timestamp_with_time_zone_null(S::RequestedAt),
            // An IPv6 address in full is 45 characters.
            string_len_null(S::RequestedFrom, 64),
            string_len_null(S::ConfirmedFrom, 64),
        ] {
            let mut column = column;
            manager
                .alter_table(
                    Table::alter()
                        .table(S::Table)
                        .add_column(&mut column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use NotificationSubscribers as S;
        for column in [S::ConfirmedFrom, S::RequestedFrom, S::RequestedAt] {
            manager
                .alter_table(
                    Table::alter()
                        .table(S::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}

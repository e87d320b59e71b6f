//! Notifications service: what comes back from mail servers. Each bounce or complaint read
//! from the bounce mailbox is kept (`notification_bounces`: the address, the delivery its
//! VERP address named, hard, soft or complaint, the server's status and words); an address
//! that hard-bounced, or soft-bounced too often, is stopped (`notification_stopped_addresses`),
//! and its subscribers are marked with why (`stopped_reason`, `stopped_at`) until a confirmed
//! re-subscription clears it.
//!
//! One column per statement: SQLite adds one column at a time.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum NotificationBounces {
    Table,
    Id,
    Email,
    DeliveryId,
    Kind,
    Status,
    Detail,
    ReceivedAt,
}

#[derive(DeriveIden)]
enum NotificationStoppedAddresses {
    Table,
    Email,
    Reason,
    Detail,
    DeliveryId,
    StoppedAt,
}

#[derive(DeriveIden)]
enum NotificationSubscribers {
    Table,
    StoppedReason,
    StoppedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use NotificationBounces as B;
        use NotificationStoppedAddresses as S;
        use NotificationSubscribers as R;
        manager
            .create_table(
                Table::create()
                    .table(B::Table)
                    .col(big_pk_auto(B::Id))
                    .col(string_len(B::Email, 320))
                    // No foreign key: a delivery may be erased with its subscriber.
                    .col(big_integer_null(B::DeliveryId))
                    .col(string_len(B::Kind, 20))
                    .col(string_len_null(B::Status, 20))
                    .col(text_null(B::Detail))
                    .col(timestamp_with_time_zone(B::ReceivedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_notification_bounces_email_received")
                    .table(B::Table)
                    .col(B::Email)
                    .col(B::ReceivedAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(S::Table)
                    .col(string_len(S::Email, 320).primary_key())
                    .col(string_len(S::Reason, 20))
                    .col(text_null(S::Detail))
                    .col(big_integer_null(S::DeliveryId))
                    .col(timestamp_with_time_zone(S::StoppedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(R::Table)
                    .add_column(text_null(R::StoppedReason))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(R::Table)
                    .add_column(timestamp_with_time_zone_null(R::StoppedAt))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use NotificationSubscribers as R;
        for column in [R::StoppedAt, R::StoppedReason] {
            manager
                .alter_table(
                    Table::alter()
                        .table(R::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .drop_table(
                Table::drop()
                    .table(NotificationStoppedAddresses::Table)
                    .to_owned(),
            )
            .await?;
        manager
            .drop_table(Table::drop().table(NotificationBounces::Table).to_owned())
            .await
    }
}

//! Notifications service: a notice's text is written once per language, not once per
//! subscriber. A municipality with 100,000 subscribers queued 100,000 copies of the same
//! few kilobytes; now each delivery names its body (`body_id`) and carries only what
//! differs, the subscriber's own token for their links (`body_token`), put in place of the
//! body's placeholder when the message is sent. Deliveries addressed to one person keep
//! their own text as before (`body_id` null).
//!
//! The fan-out reads a municipality's confirmed subscribers a page at a time in the order
//! of their ids: an index on (tenant, state, id) serves each page without sorting them all.
//!
//! One column per statement: SQLite adds one column at a time.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum NotificationBodies {
    Table,
    Id,
    TextBody,
    HtmlBody,
    Placeholder,
    CreatedAt,
}

#[derive(DeriveIden)]
enum NotificationSubscribers {
    Table,
    TenantId,
    State,
    Id,
}

#[derive(DeriveIden)]
enum NotificationDeliveries {
    Table,
    BodyId,
    BodyToken,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use NotificationBodies as B;
        use NotificationDeliveries as D;
        manager
            .create_table(
                Table::create()
                    .table(B::Table)
                    .col(big_pk_auto(B::Id))
                    .col(text(B::TextBody))
                    .col(text_null(B::HtmlBody))
                    .col(string_len(B::Placeholder, 64))
                    .col(timestamp_with_time_zone(B::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(D::Table)
                    .add_column(big_integer_null(D::BodyId))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(D::Table)
                    .add_column(string_len_null(D::BodyToken, 64))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_notification_subscribers_audience")
                    .table(NotificationSubscribers::Table)
                    .col(NotificationSubscribers::TenantId)
                    .col(NotificationSubscribers::State)
                    .col(NotificationSubscribers::Id)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use NotificationDeliveries as D;
        manager
            .drop_index(
                Index::drop()
                    .name("idx_notification_subscribers_audience")
                    .table(NotificationSubscribers::Table)
                    .to_owned(),
            )
            .await?;
        for column in [D::BodyToken, D::BodyId] {
            manager
                .alter_table(
                    Table::alter()
                        .table(D::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .drop_table(Table::drop().table(NotificationBodies::Table).to_owned())
            .await
    }
}

//! Notifications service: residents who subscribed to a municipality's notices (double
//! opt-in), the hashes of those who asked to be erased, the per-municipality settings
//! (digest schedule, reminder lead time), the cursor over each service's event outbox, the
//! delivery queue with every attempt, the items waiting for a digest, and the scheduled
//! jobs' leases.
//!
//! `tenant_id` names a row of the tenants service but carries no foreign key.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum NotificationSubscribers {
    Table,
    Id,
    TenantId,
    Email,
    Language,
    Topics,
    Cadence,
    State,
    Token,
    ExpiresAt,
    ConfirmedAt,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum NotificationErasures {
    Table,
    Id,
    TenantId,
    EmailHash,
    CreatedAt,
}

#[derive(DeriveIden)]
enum NotificationTenantSettings {
    Table,
    TenantId,
    DigestSchedule,
    ReminderMinutes,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum NotificationCursors {
    Table,
    Source,
    LastId,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum NotificationDeliveries {
    Table,
    Id,
    TenantId,
    IdempotencyKey,
    MessageId,
    Kind,
    Recipient,
    SubscriberId,
    Subject,
    TextBody,
    HtmlBody,
    Calendar,
    CalendarMethod,
    UnsubscribeUrl,
    State,
    Attempts,
    NextAttemptAt,
    LastError,
    CreatedAt,
    UpdatedAt,
    SentAt,
}

#[derive(DeriveIden)]
enum NotificationAttempts {
    Table,
    Id,
    DeliveryId,
    StartedAt,
    Outcome,
    Error,
}

#[derive(DeriveIden)]
enum NotificationDigestItems {
    Table,
    Id,
    SubscriberId,
    TenantId,
    IdempotencyKey,
    Topic,
    Title,
    Link,
    CreatedAt,
    DeliveryId,
}

#[derive(DeriveIden)]
enum NotificationJobs {
    Table,
    Name,
    LastRunAt,
    LeaseOwner,
    LeaseUntil,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use NotificationSubscribers as S;
        manager
            .create_table(
                Table::create()
                    .table(S::Table)
                    .col(big_pk_auto(S::Id))
                    .col(big_integer(S::TenantId))
                    .col(string_len(S::Email, 254))
                    .col(string_len(S::Language, 8))
                    .col(string_len(S::Topics, 100))
                    .col(string_len(S::Cadence, 20))
                    .col(string_len(S::State, 20))
                    .col(string_len_uniq(S::Token, 64))
                    .col(timestamp_with_time_zone_null(S::ExpiresAt))
                    .col(timestamp_with_time_zone_null(S::ConfirmedAt))
                    .col(timestamp_with_time_zone(S::CreatedAt))
                    .col(timestamp_with_time_zone(S::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_notification_subscribers_tenant_email")
                    .table(S::Table)
                    .col(S::TenantId)
                    .col(S::Email)
                    .unique()
                    .to_owned(),
            )
            .await?;
        use NotificationErasures as E;
        manager
            .create_table(
                Table::create()
                    .table(E::Table)
                    .col(big_pk_auto(E::Id))
                    .col(big_integer(E::TenantId))
                    .col(string_len(E::EmailHash, 64))
                    .col(timestamp_with_time_zone(E::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_notification_erasures_tenant_hash")
                    .table(E::Table)
                    .col(E::TenantId)
                    .col(E::EmailHash)
                    .unique()
                    .to_owned(),
            )
            .await?;
        use NotificationTenantSettings as T;
        manager
            .create_table(
                Table::create()
                    .table(T::Table)
                    .col(big_integer(T::TenantId).primary_key())
                    .col(string_len(T::DigestSchedule, 120))
                    .col(integer(T::ReminderMinutes))
                    .col(timestamp_with_time_zone(T::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        use NotificationCursors as C;
        manager
            .create_table(
                Table::create()
                    .table(C::Table)
                    .col(string_len(C::Source, 40).primary_key())
                    .col(big_integer(C::LastId))
                    .col(timestamp_with_time_zone(C::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        use NotificationDeliveries as D;
        manager
            .create_table(
                Table::create()
                    .table(D::Table)
                    .col(big_pk_auto(D::Id))
                    .col(big_integer_null(D::TenantId))
                    .col(string_len_uniq(D::IdempotencyKey, 200))
                    .col(string_len(D::MessageId, 200))
                    .col(string_len(D::Kind, 40))
                    .col(string_len(D::Recipient, 254))
                    .col(big_integer_null(D::SubscriberId))
                    .col(text(D::Subject))
                    .col(text(D::TextBody))
                    .col(text_null(D::HtmlBody))
                    .col(text_null(D::Calendar))
                    .col(string_len_null(D::CalendarMethod, 20))
                    .col(text_null(D::UnsubscribeUrl))
                    .col(string_len(D::State, 20))
                    .col(integer(D::Attempts))
                    .col(timestamp_with_time_zone(D::NextAttemptAt))
                    .col(text_null(D::LastError))
                    .col(timestamp_with_time_zone(D::CreatedAt))
                    .col(timestamp_with_time_zone(D::UpdatedAt))
                    .col(timestamp_with_time_zone_null(D::SentAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_notification_deliveries_due")
                    .table(D::Table)
                    .col(D::State)
                    .col(D::NextAttemptAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_notification_deliveries_tenant")
                    .table(D::Table)
                    .col(D::TenantId)
                    .col(D::State)
                    .to_owned(),
            )
            .await?;
        use NotificationAttempts as A;
        manager
            .create_table(
                Table::create()
                    .table(A::Table)
                    .col(big_pk_auto(A::Id))
                    .col(big_integer(A::DeliveryId))
                    .col(timestamp_with_time_zone(A::StartedAt))
                    .col(string_len(A::Outcome, 20))
                    .col(text_null(A::Error))
                    .foreign_key(
                        ForeignKey::create()
                            .from(A::Table, A::DeliveryId)
                            .to(D::Table, D::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_notification_attempts_delivery")
                    .table(A::Table)
                    .col(A::DeliveryId)
                    .to_owned(),
            )
            .await?;
        use NotificationDigestItems as I;
        manager
            .create_table(
                Table::create()
                    .table(I::Table)
                    .col(big_pk_auto(I::Id))
                    .col(big_integer(I::SubscriberId))
                    .col(big_integer(I::TenantId))
                    .col(string_len_uniq(I::IdempotencyKey, 200))
                    .col(string_len(I::Topic, 20))
                    .col(text(I::Title))
                    .col(text(I::Link))
                    .col(timestamp_with_time_zone(I::CreatedAt))
                    .col(big_integer_null(I::DeliveryId))
                    .foreign_key(
                        ForeignKey::create()
                            .from(I::Table, I::SubscriberId)
                            .to(S::Table, S::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_notification_digest_items_pending")
                    .table(I::Table)
                    .col(I::TenantId)
                    .col(I::DeliveryId)
                    .to_owned(),
            )
            .await?;
        use NotificationJobs as J;
        manager
            .create_table(
                Table::create()
                    .table(J::Table)
                    .col(string_len(J::Name, 120).primary_key())
                    .col(timestamp_with_time_zone_null(J::LastRunAt))
                    .col(string_len_null(J::LeaseOwner, 64))
                    .col(timestamp_with_time_zone_null(J::LeaseUntil))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            NotificationJobs::Table.into_iden(),
            NotificationDigestItems::Table.into_iden(),
            NotificationAttempts::Table.into_iden(),
            NotificationDeliveries::Table.into_iden(),
            NotificationCursors::Table.into_iden(),
            NotificationTenantSettings::Table.into_iden(),
            NotificationErasures::Table.into_iden(),
            NotificationSubscribers::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}

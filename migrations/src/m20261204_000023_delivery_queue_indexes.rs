//! Notifications service: the queue's indexes hold only the deliveries the workers look
//! for, so sending a notice writes fewer index entries.
//!
//! The index on `(state, next_attempt_at)` held every delivery, sent ones too, and every
//! change of state (queued, in flight, sent) added an entry for the row's new version:
//! three per message, and a claim sorted the due deliveries of a whole page of the fan-out
//! (they share one `next_attempt_at`) to take a batch in order. Two partial indexes take its
//! place: the queued deliveries in the order a claim takes them (`next_attempt_at, id`), and
//! the ones in flight by when they were claimed (what `requeue_abandoned` looks for). A sent
//! or failed delivery is in neither. The queries name the state as a literal, as a partial
//! index needs (SQLite and PostgreSQL do not use one for a bound parameter).

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const CREATE: [&str; 2] = [
    "CREATE INDEX idx_notification_deliveries_queued \
     ON notification_deliveries (next_attempt_at, id) WHERE state = 'queued'",
    "CREATE INDEX idx_notification_deliveries_in_flight \
     ON notification_deliveries (updated_at) WHERE state = 'in_flight'",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        for statement in CREATE {
            db.execute_unprepared(statement).await?;
        }
        db.execute_unprepared("DROP INDEX idx_notification_deliveries_due")
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        db.execute_unprepared(
            "CREATE INDEX idx_notification_deliveries_due \
             ON notification_deliveries (state, next_attempt_at)",
        )
        .await?;
        for name in [
            "idx_notification_deliveries_queued",
            "idx_notification_deliveries_in_flight",
        ] {
            db.execute_unprepared(&format!("DROP INDEX {name}")).await?;
        }
        Ok(())
    }
}

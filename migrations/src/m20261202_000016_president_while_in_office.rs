//! Tenants service: one president per council at a time, not for ever. The index of
//! m20261122_000002 counted every member ever recorded as president, so a council whose
//! president's membership had ended could never record the next one. Members whose term has
//! an end are now left to the service, which refuses overlapping terms; the index keeps at
//! most one president without an end, against two requests racing.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One call, so both run on one connection: another of SQLite's pooled connections
        // would still know the old index when asked to create the new one.
        manager
            .get_connection()
            .execute_unprepared(
                "DROP INDEX uq_council_members_one_president; \
                 CREATE UNIQUE INDEX uq_council_members_one_president \
                 ON council_members (tenant_id) WHERE role = 'president' AND term_end IS NULL",
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .get_connection()
            .execute_unprepared(
                "DROP INDEX uq_council_members_one_president; \
                 CREATE UNIQUE INDEX uq_council_members_one_president \
                 ON council_members (tenant_id) WHERE role = 'president'",
            )
            .await?;
        Ok(())
    }
}

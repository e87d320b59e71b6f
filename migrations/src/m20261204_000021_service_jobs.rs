//! Tenants and practices services: a jobs table each, like `notification_jobs`, for their
//! retention jobs (each service owns its tables, so each keeps its own jobs' leases).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Jobs {
    Name,
    LastRunAt,
    LeaseOwner,
    LeaseUntil,
    LastFailedAt,
    LastError,
}

const TABLES: [&str; 2] = ["tenant_jobs", "practice_jobs"];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in TABLES {
            manager
                .create_table(
                    Table::create()
                        .table(Alias::new(table))
                        .col(string_len(Jobs::Name, 120).primary_key())
                        .col(timestamp_with_time_zone_null(Jobs::LastRunAt))
                        .col(string_len_null(Jobs::LeaseOwner, 64))
                        .col(timestamp_with_time_zone_null(Jobs::LeaseUntil))
                        .col(timestamp_with_time_zone_null(Jobs::LastFailedAt))
                        .col(text_null(Jobs::LastError))
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in TABLES {
            manager
                .drop_table(Table::drop().table(Alias::new(table)).to_owned())
                .await?;
        }
        Ok(())
    }
}

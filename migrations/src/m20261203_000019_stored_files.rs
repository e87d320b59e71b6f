//! Meetings and practices services: files kept in the database (`files::DatabaseStore`), so
//! that on PostgreSQL every instance behind a load balancer serves every upload. Each
//! service has its own pair of tables: a row per file (its random key, size, and when it
//! was committed: until then it is being written and no download sees it) and its bytes in
//! chunks of 256 KiB, removed with it. Created on SQLite too, where files stay on disk, so
//! that both databases have one schema.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

const SERVICES: [&str; 2] = ["meetings", "practices"];

#[derive(DeriveIden)]
enum Files {
    StorageKey,
    SizeBytes,
    CreatedAt,
    CommittedAt,
}

#[derive(DeriveIden)]
enum Chunks {
    StorageKey,
    Seq,
    Data,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for service in SERVICES {
            let files = Alias::new(format!("{service}_stored_files"));
            let chunks = Alias::new(format!("{service}_stored_file_chunks"));
            manager
                .create_table(
                    Table::create()
                        .table(files.clone())
                        .col(string_len(Files::StorageKey, 64).primary_key())
                        .col(big_integer(Files::SizeBytes))
                        .col(timestamp_with_time_zone(Files::CreatedAt))
                        .col(timestamp_with_time_zone_null(Files::CommittedAt))
                        .to_owned(),
                )
                .await?;
            manager
                .create_table(
                    Table::create()
                        .table(chunks.clone())
                        .col(string_len(Chunks::StorageKey, 64))
                        .col(integer(Chunks::Seq))
                        .col(blob(Chunks::Data))
                        .primary_key(Index::create().col(Chunks::StorageKey).col(Chunks::Seq))
                        .foreign_key(
                            ForeignKey::create()
                                .name(format!("fk_{service}_stored_file_chunks_file"))
                                .from(chunks.clone(), Chunks::StorageKey)
                                .to(files.clone(), Files::StorageKey)
                                .on_delete(ForeignKeyAction::Cascade),
                        )
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for service in SERVICES {
            for table in [
                format!("{service}_stored_file_chunks"),
                format!("{service}_stored_files"),
            ] {
                manager
                    .drop_table(Table::drop().table(Alias::new(table)).to_owned())
                    .await?;
            }
        }
        Ok(())
    }
}

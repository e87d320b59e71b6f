//! Practices service: the photos and documents uploaded to a practice. A revision's content
//! names the files it shows (photos with their alt text, documents with their titles), so a
//! file uploaded for an update stays private until that update is published.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Practices {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum PracticeFiles {
    Table,
    Id,
    PracticeId,
    FileName,
    ContentType,
    SizeBytes,
    Sha512,
    StorageKey,
    UploadedByUserId,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(PracticeFiles::Table)
                    .col(big_pk_auto(PracticeFiles::Id))
                    .col(big_integer(PracticeFiles::PracticeId))
                    .col(string_len(PracticeFiles::FileName, 200))
                    .col(string_len(PracticeFiles::ContentType, 120))
                    .col(big_integer(PracticeFiles::SizeBytes))
                    .col(string_len(PracticeFiles::Sha512, 128))
                    .col(string_len_uniq(PracticeFiles::StorageKey, 64))
                    .col(big_integer(PracticeFiles::UploadedByUserId))
                    .col(timestamp_with_time_zone(PracticeFiles::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(PracticeFiles::Table, PracticeFiles::PracticeId)
                            .to(Practices::Table, Practices::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_practice_files_practice")
                    .table(PracticeFiles::Table)
                    .col(PracticeFiles::PracticeId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(PracticeFiles::Table).to_owned())
            .await
    }
}

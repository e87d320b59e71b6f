//! Tenants service: a key figure's unit ("ώρες", "hours"), in Greek and English, and where
//! the figure comes from (a census, the municipality's own records), as the profile pages of
//! the municipalities show them.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum TenantKeyFigures {
    Table,
    UnitEl,
    UnitEn,
    Source,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use TenantKeyFigures as K;
        // SQLite adds one column per ALTER TABLE.
        for (column, length) in [(K::UnitEl, 40), (K::UnitEn, 40), (K::Source, 300)] {
            manager
                .alter_table(
                    Table::alter()
                        .table(K::Table)
                        .add_column(string_len_null(column, length))
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use TenantKeyFigures as K;
        for column in [K::UnitEl, K::UnitEn, K::Source] {
            manager
                .alter_table(
                    Table::alter()
                        .table(K::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}

//! Tenants service: municipalities and their profile sections.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Tenants {
    Table,
    Id,
    Slug,
    NameEl,
    NameEn,
    RegionEl,
    RegionEn,
    Website,
    ContactEmail,
    Status,
    IntroductionEl,
    IntroductionEn,
    CreatedAt,
    UpdatedAt,
    ArchivedAt,
}

#[derive(DeriveIden)]
enum TenantKeyFigures {
    Table,
    Id,
    TenantId,
    Position,
    LabelEl,
    LabelEn,
    Value,
    Year,
}

#[derive(DeriveIden)]
enum TenantProgrammes {
    Table,
    Id,
    TenantId,
    Position,
    TitleEl,
    TitleEn,
    DescriptionEl,
    DescriptionEn,
    Link,
}

/// Achievements ("Τι καταφέραμε") and goals ("Πού στοχεύουμε"), told apart by `kind`.
#[derive(DeriveIden)]
enum TenantHighlights {
    Table,
    Id,
    TenantId,
    Kind,
    Position,
    TitleEl,
    TitleEn,
    DescriptionEl,
    DescriptionEn,
    FigureValue,
    FigureLabelEl,
    FigureLabelEn,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Tenants::Table)
                    .col(big_pk_auto(Tenants::Id))
                    .col(string_len_uniq(Tenants::Slug, 63))
                    .col(string_len(Tenants::NameEl, 200))
                    .col(string_len(Tenants::NameEn, 200))
                    .col(string_len(Tenants::RegionEl, 200))
                    .col(string_len_null(Tenants::RegionEn, 200))
                    .col(string_len_null(Tenants::Website, 2000))
                    .col(string_len_null(Tenants::ContactEmail, 254))
                    .col(
                        string_len(Tenants::Status, 16)
                            .default("active")
                            .check(Expr::col(Tenants::Status).is_in(["active", "archived"])),
                    )
                    .col(text_null(Tenants::IntroductionEl))
                    .col(text_null(Tenants::IntroductionEn))
                    .col(timestamp_with_time_zone(Tenants::CreatedAt))
                    .col(timestamp_with_time_zone(Tenants::UpdatedAt))
                    .col(timestamp_with_time_zone_null(Tenants::ArchivedAt))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(TenantKeyFigures::Table)
                    .col(big_pk_auto(TenantKeyFigures::Id))
                    .col(big_integer(TenantKeyFigures::TenantId))
                    .col(integer(TenantKeyFigures::Position))
                    .col(string_len(TenantKeyFigures::LabelEl, 200))
                    .col(string_len_null(TenantKeyFigures::LabelEn, 200))
                    .col(string_len(TenantKeyFigures::Value, 40))
                    .col(integer_null(TenantKeyFigures::Year))
                    .foreign_key(
                        ForeignKey::create()
                            .from(TenantKeyFigures::Table, TenantKeyFigures::TenantId)
                            .to(Tenants::Table, Tenants::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(TenantProgrammes::Table)
                    .col(big_pk_auto(TenantProgrammes::Id))
                    .col(big_integer(TenantProgrammes::TenantId))
                    .col(integer(TenantProgrammes::Position))
                    .col(string_len(TenantProgrammes::TitleEl, 300))
                    .col(string_len_null(TenantProgrammes::TitleEn, 300))
                    .col(text(TenantProgrammes::DescriptionEl))
                    .col(text_null(TenantProgrammes::DescriptionEn))
                    .col(string_len_null(TenantProgrammes::Link, 2000))
                    .foreign_key(
                        ForeignKey::create()
                            .from(TenantProgrammes::Table, TenantProgrammes::TenantId)
                            .to(Tenants::Table, Tenants::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(TenantHighlights::Table)
                    .col(big_pk_auto(TenantHighlights::Id))
                    .col(big_integer(TenantHighlights::TenantId))
                    .col(
                        string_len(TenantHighlights::Kind, 16).check(
                            Expr::col(TenantHighlights::Kind).is_in(["achievement", "goal"]),
                        ),
                    )
                    .col(integer(TenantHighlights::Position))
                    .col(string_len(TenantHighlights::TitleEl, 300))
                    .col(string_len_null(TenantHighlights::TitleEn, 300))
                    .col(text(TenantHighlights::DescriptionEl))
                    .col(text_null(TenantHighlights::DescriptionEn))
                    .col(string_len_null(TenantHighlights::FigureValue, 40))
                    .col(string_len_null(TenantHighlights::FigureLabelEl, 200))
                    .col(string_len_null(TenantHighlights::FigureLabelEn, 200))
                    .foreign_key(
                        ForeignKey::create()
                            .from(TenantHighlights::Table, TenantHighlights::TenantId)
                            .to(Tenants::Table, Tenants::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;

        for (table, column, name) in [
            (
                "tenant_key_figures",
                "tenant_id",
                "idx_tenant_key_figures_tenant",
            ),
            (
                "tenant_programmes",
                "tenant_id",
                "idx_tenant_programmes_tenant",
            ),
            (
                "tenant_highlights",
                "tenant_id",
                "idx_tenant_highlights_tenant",
            ),
        ] {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table(Alias::new(table))
                        .col(Alias::new(column))
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}

//! Tenants service: each municipality's council (ΣΕΜΠ) and its members.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Tenants {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Councils {
    Table,
    TenantId,
    NameEl,
    NameEn,
    DecisionReference,
    DecisionDate,
    DecisionUrl,
    TermStart,
    TermEnd,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum CouncilMembers {
    Table,
    Id,
    TenantId,
    FullName,
    Category,
    Organisation,
    Role,
    Membership,
    TermStart,
    TermEnd,
    Email,
    IsExample,
    CreatedAt,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Councils::Table)
                    .col(big_integer(Councils::TenantId).primary_key())
                    .col(string_len(Councils::NameEl, 300))
                    .col(string_len_null(Councils::NameEn, 300))
                    .col(string_len_null(Councils::DecisionReference, 300))
                    .col(date_null(Councils::DecisionDate))
                    .col(string_len_null(Councils::DecisionUrl, 2000))
                    .col(date_null(Councils::TermStart))
                    .col(date_null(Councils::TermEnd))
                    .col(timestamp_with_time_zone(Councils::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Councils::Table, Councils::TenantId)
                            .to(Tenants::Table, Tenants::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(CouncilMembers::Table)
                    .col(big_pk_auto(CouncilMembers::Id))
                    .col(big_integer(CouncilMembers::TenantId))
                    .col(string_len(CouncilMembers::FullName, 200))
                    .col(string_len(CouncilMembers::Category, 32).check(
                        Expr::col(CouncilMembers::Category).is_in([
                            "municipal_councillor",
                            "civil_society",
                            "migrant_community",
                            "other",
                        ]),
                    ))
                    .col(string_len_null(CouncilMembers::Organisation, 300))
                    .col(string_len(CouncilMembers::Role, 32).check(
                        Expr::col(CouncilMembers::Role).is_in([
                            "president",
                            "vice_president",
                            "member",
                            "secretary",
                        ]),
                    ))
                    .col(string_len(CouncilMembers::Membership, 16).check(
                        Expr::col(CouncilMembers::Membership).is_in(["regular", "substitute"]),
                    ))
                    .col(date_null(CouncilMembers::TermStart))
                    .col(date_null(CouncilMembers::TermEnd))
                    .col(string_len_null(CouncilMembers::Email, 254))
                    .col(boolean(CouncilMembers::IsExample).default(false))
                    .col(timestamp_with_time_zone(CouncilMembers::CreatedAt))
                    .col(timestamp_with_time_zone(CouncilMembers::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(CouncilMembers::Table, CouncilMembers::TenantId)
                            .to(Tenants::Table, Tenants::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;

        manager
            .create_index(
                Index::create()
                    .name("idx_council_members_tenant")
                    .table(CouncilMembers::Table)
                    .col(CouncilMembers::TenantId)
                    .to_owned(),
            )
            .await?;

        // The law allows one president per council. The service checks it first for a clear
        // message; this partial index holds even when two requests race.
        manager
            .get_connection()
            .execute_unprepared(
                "CREATE UNIQUE INDEX uq_council_members_one_president \
                 ON council_members (tenant_id) WHERE role = 'president'",
            )
            .await?;
        Ok(())
    }
}

//! Tenants service: requests for access from people without a role (an NGO that wants to
//! submit a practice, a new council member), sent from a municipality's public page and
//! decided by its administrators. A request keeps the address its sender gave; accepting
//! it sends the usual invitation to that address, which proves the address is theirs.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum AccessRequests {
    Table,
    Id,
    TenantId,
    FullName,
    Organisation,
    Email,
    Role,
    Reason,
    State,
    CreatedAt,
    DecidedAt,
    DecidedBy,
    DecisionNote,
}

#[derive(DeriveIden)]
enum Tenants {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use AccessRequests as R;
        manager
            .create_table(
                Table::create()
                    .table(R::Table)
                    .col(big_pk_auto(R::Id))
                    .col(big_integer(R::TenantId))
                    .col(string_len(R::FullName, 200))
                    .col(string_len_null(R::Organisation, 200))
                    .col(string_len(R::Email, 254))
                    .col(string_len(R::Role, 32).check(Expr::col(R::Role).is_in([
                        "practice_author",
                        "council_member",
                        "secretary",
                    ])))
                    .col(text(R::Reason))
                    .col(
                        string_len(R::State, 16)
                            .default("pending")
                            .check(Expr::col(R::State).is_in(["pending", "accepted", "declined"])),
                    )
                    .col(timestamp_with_time_zone(R::CreatedAt))
                    .col(timestamp_with_time_zone_null(R::DecidedAt))
                    // A user of this service; no foreign key, so erasing a user keeps the record.
                    .col(big_integer_null(R::DecidedBy))
                    .col(text_null(R::DecisionNote))
                    .foreign_key(
                        ForeignKey::create()
                            .from(R::Table, R::TenantId)
                            .to(Tenants::Table, Tenants::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_access_requests_tenant_state")
                    .table(R::Table)
                    .col(R::TenantId)
                    .col(R::State)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(AccessRequests::Table).to_owned())
            .await
    }
}

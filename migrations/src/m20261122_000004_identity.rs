//! Tenants service: users, how they sign in (provider identities, sessions, e-mail links and
//! the state of provider sign-ins in progress), their roles and invitations, API tokens that
//! belong to a user, each municipality's own sign-in provider, and the audit log.
//!
//! The ownerless `api_tokens` of the foundation are dropped: a token now carries its owner's
//! roles, and an ownerless one has none. `council token create --email` makes new ones.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Tenants {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum CouncilMembers {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum ApiTokens {
    Table,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
    Email,
    DisplayName,
    CreatedAt,
    LastSignInAt,
}

#[derive(DeriveIden)]
enum UserIdentities {
    Table,
    Id,
    UserId,
    Issuer,
    Subject,
    CreatedAt,
}

#[derive(DeriveIden)]
enum RoleGrants {
    Table,
    Id,
    UserId,
    InvitedEmail,
    Role,
    TenantId,
    MemberId,
    GrantedBy,
    CreatedAt,
    InvitationExpiresAt,
    AcceptedAt,
    RevokedAt,
    RevokedBy,
}

#[derive(DeriveIden)]
enum Sessions {
    Table,
    Id,
    TokenHash,
    UserId,
    Method,
    CreatedAt,
    ExpiresAt,
    LastSeenAt,
    EndedAt,
}

#[derive(DeriveIden)]
enum SignInLinks {
    Table,
    Id,
    TokenHash,
    Email,
    ReturnTo,
    CreatedAt,
    ExpiresAt,
    UsedAt,
    RequestedIp,
}

#[derive(DeriveIden)]
enum OidcFlows {
    Table,
    Id,
    StateHash,
    BrowserHash,
    Provider,
    PkceVerifier,
    Nonce,
    ReturnTo,
    CreatedAt,
    ExpiresAt,
}

#[derive(DeriveIden)]
enum AccessTokens {
    Table,
    Id,
    UserId,
    Name,
    TokenHash,
    Scopes,
    CreatedAt,
    ExpiresAt,
    LastUsedAt,
    RevokedAt,
}

#[derive(DeriveIden)]
enum TenantSignInProviders {
    Table,
    TenantId,
    DisplayName,
    IssuerUrl,
    ClientId,
    ClientSecret,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum AuditEvents {
    Table,
    Id,
    At,
    TenantId,
    ActorUserId,
    ActorEmail,
    Action,
    Target,
    Detail,
    Ip,
}

fn references(
    from: (impl IntoIden, impl IntoIden),
    to: (impl IntoIden, impl IntoIden),
    on_delete: ForeignKeyAction,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(from.0, from.1)
        .to(to.0, to.1)
        .on_delete(on_delete)
        .to_owned()
}

async fn index(
    manager: &SchemaManager<'_>,
    name: &str,
    table: impl IntoIden,
    cols: &[&str],
) -> Result<(), DbErr> {
    let mut statement = Index::create();
    statement.name(name).table(table);
    for col in cols {
        statement.col(Alias::new(*col));
    }
    manager.create_index(statement.to_owned()).await
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use ForeignKeyAction::{Cascade, SetNull};

        manager
            .create_table(
                Table::create()
                    .table(Users::Table)
                    .col(big_pk_auto(Users::Id))
                    .col(string_len_uniq(Users::Email, 254))
                    .col(string_len_null(Users::DisplayName, 200))
                    .col(timestamp_with_time_zone(Users::CreatedAt))
                    .col(timestamp_with_time_zone_null(Users::LastSignInAt))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(UserIdentities::Table)
                    .col(big_pk_auto(UserIdentities::Id))
                    .col(big_integer(UserIdentities::UserId))
                    .col(string_len(UserIdentities::Issuer, 500))
                    .col(string_len(UserIdentities::Subject, 255))
                    .col(timestamp_with_time_zone(UserIdentities::CreatedAt))
                    .foreign_key(&mut references(
                        (UserIdentities::Table, UserIdentities::UserId),
                        (Users::Table, Users::Id),
                        Cascade,
                    ))
                    .index(
                        Index::create()
                            .name("uq_user_identities_issuer_subject")
                            .col(UserIdentities::Issuer)
                            .col(UserIdentities::Subject)
                            .unique(),
                    )
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(RoleGrants::Table)
                    .col(big_pk_auto(RoleGrants::Id))
                    .col(big_integer_null(RoleGrants::UserId))
                    .col(string_len_null(RoleGrants::InvitedEmail, 254))
                    .col(
                        string_len(RoleGrants::Role, 32).check(Expr::col(RoleGrants::Role).is_in(
                            [
                                "platform_admin",
                                "tenant_admin",
                                "secretary",
                                "council_member",
                                "practice_author",
                            ],
                        )),
                    )
                    .col(big_integer_null(RoleGrants::TenantId))
                    .col(big_integer_null(RoleGrants::MemberId))
                    .col(big_integer_null(RoleGrants::GrantedBy))
                    .col(timestamp_with_time_zone(RoleGrants::CreatedAt))
                    .col(timestamp_with_time_zone_null(
                        RoleGrants::InvitationExpiresAt,
                    ))
                    .col(timestamp_with_time_zone_null(RoleGrants::AcceptedAt))
                    .col(timestamp_with_time_zone_null(RoleGrants::RevokedAt))
                    .col(big_integer_null(RoleGrants::RevokedBy))
                    // A grant is either a user's or an invitation to an address.
                    .check(
                        Expr::col(RoleGrants::UserId)
                            .is_not_null()
                            .or(Expr::col(RoleGrants::InvitedEmail).is_not_null()),
                    )
                    .foreign_key(&mut references(
                        (RoleGrants::Table, RoleGrants::UserId),
                        (Users::Table, Users::Id),
                        Cascade,
                    ))
                    .foreign_key(&mut references(
                        (RoleGrants::Table, RoleGrants::TenantId),
                        (Tenants::Table, Tenants::Id),
                        Cascade,
                    ))
                    .foreign_key(&mut references(
                        (RoleGrants::Table, RoleGrants::MemberId),
                        (CouncilMembers::Table, CouncilMembers::Id),
                        SetNull,
                    ))
                    .foreign_key(&mut references(
                        (RoleGrants::Table, RoleGrants::GrantedBy),
                        (Users::Table, Users::Id),
                        SetNull,
                    ))
                    .foreign_key(&mut references(
                        (RoleGrants::Table, RoleGrants::RevokedBy),
                        (Users::Table, Users::Id),
                        SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_role_grants_user",
            RoleGrants::Table,
            &["user_id"],
        )
        .await?;
        index(
            manager,
            "idx_role_grants_invited_email",
            RoleGrants::Table,
            &["invited_email"],
        )
        .await?;
        index(
            manager,
            "idx_role_grants_tenant",
            RoleGrants::Table,
            &["tenant_id"],
        )
        .await?;
        // One live grant of a role per user (or invited address) and municipality, even when
        // two administrators grant it at the same moment.
        let db = manager.get_connection();
        db.execute_unprepared(
            "CREATE UNIQUE INDEX uq_role_grants_live_user ON role_grants \
             (user_id, role, COALESCE(tenant_id, 0)) \
             WHERE revoked_at IS NULL AND user_id IS NOT NULL",
        )
        .await?;
        db.execute_unprepared(
            "CREATE UNIQUE INDEX uq_role_grants_live_invitation ON role_grants \
             (invited_email, role, COALESCE(tenant_id, 0)) \
             WHERE revoked_at IS NULL AND user_id IS NULL",
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(Sessions::Table)
                    .col(big_pk_auto(Sessions::Id))
                    .col(string_len_uniq(Sessions::TokenHash, 64))
                    .col(big_integer(Sessions::UserId))
                    .col(string_len(Sessions::Method, 600))
                    .col(timestamp_with_time_zone(Sessions::CreatedAt))
                    .col(timestamp_with_time_zone(Sessions::ExpiresAt))
                    .col(timestamp_with_time_zone(Sessions::LastSeenAt))
                    .col(timestamp_with_time_zone_null(Sessions::EndedAt))
                    .foreign_key(&mut references(
                        (Sessions::Table, Sessions::UserId),
                        (Users::Table, Users::Id),
                        Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        index(manager, "idx_sessions_user", Sessions::Table, &["user_id"]).await?;

        manager
            .create_table(
                Table::create()
                    .table(SignInLinks::Table)
                    .col(big_pk_auto(SignInLinks::Id))
                    .col(string_len_uniq(SignInLinks::TokenHash, 64))
                    .col(string_len(SignInLinks::Email, 254))
                    .col(string_len(SignInLinks::ReturnTo, 500))
                    .col(timestamp_with_time_zone(SignInLinks::CreatedAt))
                    .col(timestamp_with_time_zone(SignInLinks::ExpiresAt))
                    .col(timestamp_with_time_zone_null(SignInLinks::UsedAt))
                    .col(string_len_null(SignInLinks::RequestedIp, 64))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_sign_in_links_email",
            SignInLinks::Table,
            &["email", "created_at"],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(OidcFlows::Table)
                    .col(big_pk_auto(OidcFlows::Id))
                    .col(string_len_uniq(OidcFlows::StateHash, 64))
                    .col(string_len(OidcFlows::BrowserHash, 64))
                    .col(string_len(OidcFlows::Provider, 100))
                    .col(string_len(OidcFlows::PkceVerifier, 200))
                    .col(string_len(OidcFlows::Nonce, 200))
                    .col(string_len(OidcFlows::ReturnTo, 500))
                    .col(timestamp_with_time_zone(OidcFlows::CreatedAt))
                    .col(timestamp_with_time_zone(OidcFlows::ExpiresAt))
                    .to_owned(),
            )
            .await?;

        manager
            .drop_table(Table::drop().table(ApiTokens::Table).if_exists().to_owned())
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(AccessTokens::Table)
                    .col(big_pk_auto(AccessTokens::Id))
                    .col(big_integer(AccessTokens::UserId))
                    .col(string_len(AccessTokens::Name, 100))
                    .col(string_len_uniq(AccessTokens::TokenHash, 64))
                    .col(text_null(AccessTokens::Scopes))
                    .col(timestamp_with_time_zone(AccessTokens::CreatedAt))
                    .col(timestamp_with_time_zone_null(AccessTokens::ExpiresAt))
                    .col(timestamp_with_time_zone_null(AccessTokens::LastUsedAt))
                    .col(timestamp_with_time_zone_null(AccessTokens::RevokedAt))
                    .foreign_key(&mut references(
                        (AccessTokens::Table, AccessTokens::UserId),
                        (Users::Table, Users::Id),
                        Cascade,
                    ))
                    .index(
                        Index::create()
                            .name("uq_access_tokens_user_name")
                            .col(AccessTokens::UserId)
                            .col(AccessTokens::Name)
                            .unique(),
                    )
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(TenantSignInProviders::Table)
                    .col(big_integer(TenantSignInProviders::TenantId).primary_key())
                    .col(string_len(TenantSignInProviders::DisplayName, 200))
                    .col(string_len(TenantSignInProviders::IssuerUrl, 500))
                    .col(string_len(TenantSignInProviders::ClientId, 300))
                    .col(string_len(TenantSignInProviders::ClientSecret, 500))
                    .col(timestamp_with_time_zone(TenantSignInProviders::UpdatedAt))
                    .foreign_key(&mut references(
                        (
                            TenantSignInProviders::Table,
                            TenantSignInProviders::TenantId,
                        ),
                        (Tenants::Table, Tenants::Id),
                        Cascade,
                    ))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(AuditEvents::Table)
                    .col(big_pk_auto(AuditEvents::Id))
                    .col(timestamp_with_time_zone(AuditEvents::At))
                    .col(big_integer_null(AuditEvents::TenantId))
                    .col(big_integer_null(AuditEvents::ActorUserId))
                    .col(string_len_null(AuditEvents::ActorEmail, 254))
                    .col(string_len(AuditEvents::Action, 60))
                    .col(string_len_null(AuditEvents::Target, 300))
                    .col(text_null(AuditEvents::Detail))
                    .col(string_len_null(AuditEvents::Ip, 64))
                    .foreign_key(&mut references(
                        (AuditEvents::Table, AuditEvents::TenantId),
                        (Tenants::Table, Tenants::Id),
                        Cascade,
                    ))
                    .foreign_key(&mut references(
                        (AuditEvents::Table, AuditEvents::ActorUserId),
                        (Users::Table, Users::Id),
                        SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_audit_events_tenant_at",
            AuditEvents::Table,
            &["tenant_id", "at"],
        )
        .await?;
        Ok(())
    }
}

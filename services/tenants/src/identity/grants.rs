//! Roles and invitations. A grant to an address nobody has signed in with yet is an
//! invitation: it becomes the user's when they first sign in with that address (a verified
//! address, for provider sign-ins), if it has not expired or been revoked.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use council_shared::auth::{Grant, Role};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};

use crate::{
    entities::{council_member, role_grant, tenant, user},
    error::{Result, TenantsError},
};

/// A grant with the addresses and slug a person reads it by.
#[derive(Debug, Clone)]
pub struct GrantRecord {
    pub grant: role_grant::Model,
    pub email: String,
    pub tenant_slug: Option<String>,
}

impl GrantRecord {
    pub fn role(&self) -> Role {
        Role::parse(&self.grant.role).unwrap_or(Role::PracticeAuthor)
    }

    pub fn status(&self) -> GrantStatus {
        let g = &self.grant;
        if g.revoked_at.is_some() {
            GrantStatus::Revoked
        } else if g.user_id.is_some() {
            GrantStatus::Active
        } else if g.invitation_expires_at.is_some_and(|at| at <= Utc::now()) {
            GrantStatus::Expired
        } else {
            GrantStatus::Invited
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GrantStatus {
    Active,
    Invited,
    Expired,
    Revoked,
}

/// What to grant, already checked by the caller's permission.
#[derive(Debug, Clone)]
pub struct NewGrant {
    pub email: String,
    pub role: Role,
    pub tenant_id: Option<i64>,
    pub member_id: Option<i64>,
}

/// The live roles of a user, with each municipality's slug.
pub async fn active_grants(db: &impl ConnectionTrait, user_id: i64) -> Result<Vec<Grant>> {
    let rows = role_grant::Entity::find()
        .filter(role_grant::Column::UserId.eq(user_id))
        .filter(role_grant::Column::RevokedAt.is_null())
        .order_by_asc(role_grant::Column::Id)
        .all(db)
        .await?;
    let slugs = tenant_slugs(db, rows.iter().filter_map(|r| r.tenant_id)).await?;
    Ok(rows
        .into_iter()
        .filter_map(|row| {
            Some(Grant {
                role: Role::parse(&row.role)?,
                tenant_id: row.tenant_id,
                tenant: row.tenant_id.and_then(|id| slugs.get(&id).cloned()),
                member_id: row.member_id,
            })
        })
        .collect())
}

async fn tenant_slugs(
    db: &impl ConnectionTrait,
    ids: impl Iterator<Item = i64>,
) -> Result<HashMap<i64, String>> {
    let ids: Vec<i64> = ids.collect();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(tenant::Entity::find()
        .filter(tenant::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|t| (t.id, t.slug))
        .collect())
}

/// Grants `new` to the user with that address, or invites the address when nobody has
/// signed in with it. `Conflict` when the same role is already live for them.
pub async fn grant(
    db: &impl ConnectionTrait,
    new: NewGrant,
    granted_by: Option<i64>,
    invitation_expires_at: Option<DateTime<Utc>>,
) -> Result<GrantRecord> {
    if let (Some(member_id), Some(tenant_id)) = (new.member_id, new.tenant_id) {
        let member = council_member::Entity::find_by_id(member_id)
            .one(db)
            .await?;
        if member.is_none_or(|m| m.tenant_id != tenant_id) {
            return Err(TenantsError::Invalid(vec![
                council_shared::FieldError::new(
                    "member_id",
                    format!("the council has no member {member_id}"),
                ),
            ]));
        }
    }
    let email = super::normalise_email(&new.email);
    let holder = super::users::find_by_email(db, &email).await?;
    let now = Utc::now();
    // An expired invitation to the same role gives way to the new one.
    role_grant::Entity::update_many()
        .col_expr(
            role_grant::Column::RevokedAt,
            sea_orm::sea_query::Expr::value(now),
        )
        .filter(role_grant::Column::InvitedEmail.eq(email.clone()))
        .filter(role_grant::Column::UserId.is_null())
        .filter(role_grant::Column::RevokedAt.is_null())
        .filter(role_grant::Column::Role.eq(new.role.as_str()))
        .filter(match new.tenant_id {
            Some(id) => role_grant::Column::TenantId.eq(id),
            None => role_grant::Column::TenantId.is_null(),
        })
        .filter(role_grant::Column::InvitationExpiresAt.lte(now))
        .exec(db)
        .await?;
    let model = role_grant::ActiveModel {
        user_id: Set(holder.as_ref().map(|u| u.id)),
        invited_email: Set(holder.is_none().then(|| email.clone())),
        role: Set(new.role.as_str().to_string()),
        tenant_id: Set(new.tenant_id),
        member_id: Set(new.member_id),
        granted_by: Set(granted_by),
        created_at: Set(now),
        invitation_expires_at: Set(if holder.is_none() {
            invitation_expires_at
        } else {
            None
        }),
        accepted_at: Set(holder.is_some().then_some(now)),
        revoked_at: Set(None),
        revoked_by: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await
    .map_err(|error| {
        if council_shared::database::is_unique_violation(&error) {
            TenantsError::Conflict(
                council_shared::validation::Invalid::new(
                    council_shared::conflict::ROLE_HELD,
                    format!(
                        "{email} already has the role `{}` here, or an invitation to it",
                        new.role.as_str()
                    ),
                )
                .with("email", &email),
            )
        } else {
            error.into()
        }
    })?;
    let tenant_slug = tenant_slugs(db, model.tenant_id.into_iter())
        .await?
        .into_values()
        .next();
    Ok(GrantRecord {
        grant: model,
        email,
        tenant_slug,
    })
}

/// The grant `id` of municipality `tenant_id` (`None`: a platform grant).
pub async fn find(
    db: &impl ConnectionTrait,
    id: i64,
    tenant_id: Option<i64>,
) -> Result<GrantRecord> {
    let found = role_grant::Entity::find_by_id(id)
        .one(db)
        .await?
        .filter(|g| g.tenant_id == tenant_id)
        .ok_or_else(|| TenantsError::NotFound(format!("there is no role grant {id} here")))?;
    Ok(with_emails(db, vec![found]).await?.remove(0))
}

pub async fn revoke(
    db: &impl ConnectionTrait,
    record: GrantRecord,
    revoked_by: i64,
) -> Result<GrantRecord> {
    if record.grant.revoked_at.is_some() {
        return Err(TenantsError::Conflict(
            council_shared::validation::Invalid::new(
                council_shared::conflict::ALREADY_REVOKED,
                format!("role grant {} is already revoked", record.grant.id),
            ),
        ));
    }
    let mut model: role_grant::ActiveModel = record.grant.into();
    model.revoked_at = Set(Some(Utc::now()));
    model.revoked_by = Set(Some(revoked_by));
    let grant = model.update(db).await?;
    Ok(GrantRecord { grant, ..record })
}

/// Every grant and invitation of a municipality (`None`: the platform's), newest first.
pub async fn list(db: &impl ConnectionTrait, tenant_id: Option<i64>) -> Result<Vec<GrantRecord>> {
    let rows = role_grant::Entity::find()
        .filter(match tenant_id {
            Some(id) => role_grant::Column::TenantId.eq(id),
            None => role_grant::Column::TenantId.is_null(),
        })
        .order_by_desc(role_grant::Column::Id)
        .all(db)
        .await?;
    with_emails(db, rows).await
}

/// The addresses of those who hold `role` there (`None`: the platform), not those only
/// invited.
pub async fn addresses_of(
    db: &impl ConnectionTrait,
    role: Role,
    tenant_id: Option<i64>,
) -> Result<Vec<String>> {
    Ok(list(db, tenant_id)
        .await?
        .into_iter()
        .filter(|g| g.role() == role && g.status() == GrantStatus::Active)
        .map(|g| g.email)
        .collect())
}

/// Who answers for a municipality's requests and moderates its good practices: its
/// administrators, else (no municipality, or it has none) the platform's administrators.
pub async fn administrators_or_platform(
    db: &impl ConnectionTrait,
    tenant_id: Option<i64>,
) -> Result<Vec<String>> {
    let mut admins = match tenant_id {
        Some(id) => addresses_of(db, Role::TenantAdmin, Some(id)).await?,
        None => Vec::new(),
    };
    if admins.is_empty() {
        admins = addresses_of(db, Role::PlatformAdmin, None).await?;
    }
    Ok(admins)
}

async fn with_emails(
    db: &impl ConnectionTrait,
    rows: Vec<role_grant::Model>,
) -> Result<Vec<GrantRecord>> {
    let user_ids: Vec<i64> = rows.iter().filter_map(|r| r.user_id).collect();
    let emails: HashMap<i64, String> = if user_ids.is_empty() {
        HashMap::new()
    } else {
        user::Entity::find()
            .filter(user::Column::Id.is_in(user_ids))
            .all(db)
            .await?
            .into_iter()
            .map(|u| (u.id, u.email))
            .collect()
    };
    let slugs = tenant_slugs(db, rows.iter().filter_map(|r| r.tenant_id)).await?;
    Ok(rows
        .into_iter()
        .map(|grant| GrantRecord {
            email: grant
                .user_id
                .and_then(|id| emails.get(&id).cloned())
                .or_else(|| grant.invited_email.clone())
                .unwrap_or_default(),
            tenant_slug: grant.tenant_id.and_then(|id| slugs.get(&id).cloned()),
            grant,
        })
        .collect())
}

/// Whether `email` has an invitation nobody has accepted or revoked.
pub async fn has_open_invitation(db: &impl ConnectionTrait, email: &str) -> Result<bool> {
    Ok(role_grant::Entity::find()
        .filter(role_grant::Column::InvitedEmail.eq(email))
        .filter(role_grant::Column::UserId.is_null())
        .filter(role_grant::Column::RevokedAt.is_null())
        .filter(
            sea_orm::Condition::any()
                .add(role_grant::Column::InvitationExpiresAt.is_null())
                .add(role_grant::Column::InvitationExpiresAt.gt(Utc::now())),
        )
        .one(db)
        .await?
        .is_some())
}

/// Makes the live invitations to `user`'s address theirs; returns the ones accepted.
pub async fn accept_invitations(
    db: &impl ConnectionTrait,
    user: &user::Model,
) -> Result<Vec<GrantRecord>> {
    let now = Utc::now();
    let invitations = role_grant::Entity::find()
        .filter(role_grant::Column::InvitedEmail.eq(user.email.clone()))
        .filter(role_grant::Column::UserId.is_null())
        .filter(role_grant::Column::RevokedAt.is_null())
        .all(db)
        .await?;
    let held = active_grants(db, user.id).await?;
    let mut accepted = Vec::new();
    for invitation in invitations {
        if invitation.invitation_expires_at.is_some_and(|at| at <= now) {
            continue;
        }
        let already = held
            .iter()
            .any(|g| g.role.as_str() == invitation.role && g.tenant_id == invitation.tenant_id);
        let mut model: role_grant::ActiveModel = invitation.into();
        if already {
            // The same role was granted directly since: the invitation has nothing to add.
            model.revoked_at = Set(Some(now));
            model.update(db).await?;
            continue;
        }
        model.user_id = Set(Some(user.id));
        model.accepted_at = Set(Some(now));
        accepted.push(model.update(db).await?);
    }
    with_emails(db, accepted).await
}

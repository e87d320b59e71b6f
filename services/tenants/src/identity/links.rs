//! One-time sign-in links by e-mail, for council members with no account at any provider.
//! A link works once, for a limited time; only its SHA-256 is stored.

use chrono::{Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, Set,
    sea_query::Expr,
};

use crate::{
    entities::sign_in_link,
    error::{Result, TenantsError},
};

/// Why a link did not sign anyone in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkRefused {
    Unknown,
    AlreadyUsed,
    Expired,
}

/// Makes a link for `email` and returns its secret, unless the address has asked for
/// `per_hour` links in the last hour already (counted in the database, so the limit holds
/// across instances).
pub async fn create(
    db: &impl ConnectionTrait,
    email: &str,
    return_to: &str,
    ip: Option<&str>,
    ttl: Duration,
    per_hour: u32,
) -> Result<String> {
    let now = Utc::now();
    let recent = sign_in_link::Entity::find()
        .filter(sign_in_link::Column::Email.eq(email))
        .filter(sign_in_link::Column::CreatedAt.gt(now - Duration::hours(1)))
        .count(db)
        .await?;
    if recent >= u64::from(per_hour) {
        return Err(TenantsError::TooManyAttempts(3600));
    }
    let secret = super::new_secret();
    sign_in_link::ActiveModel {
        token_hash: Set(super::sha256_hex(&secret)),
        email: Set(email.to_string()),
        return_to: Set(return_to.to_string()),
        created_at: Set(now),
        expires_at: Set(now + ttl),
        used_at: Set(None),
        requested_ip: Set(ip.map(str::to_string)),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(secret)
}

/// Uses the link: one conditional update, so two clicks at once cannot both succeed.
pub async fn consume(
    db: &impl ConnectionTrait,
    secret: &str,
) -> Result<std::result::Result<sign_in_link::Model, LinkRefused>> {
    let hash = super::sha256_hex(secret);
    let now = Utc::now();
    let used = sign_in_link::Entity::update_many()
        .col_expr(sign_in_link::Column::UsedAt, Expr::value(now))
        .filter(sign_in_link::Column::TokenHash.eq(hash.clone()))
        .filter(sign_in_link::Column::UsedAt.is_null())
        .filter(sign_in_link::Column::ExpiresAt.gt(now))
        .exec(db)
        .await?;
    let found = sign_in_link::Entity::find()
        .filter(sign_in_link::Column::TokenHash.eq(hash))
        .one(db)
        .await?;
    Ok(match (used.rows_affected, found) {
        (1, Some(link)) => Ok(link),
        (_, None) => Err(LinkRefused::Unknown),
        (_, Some(link)) if link.used_at.is_none() => Err(LinkRefused::Expired),
        (_, Some(_)) => Err(LinkRefused::AlreadyUsed),
    })
}

/// Whether a link secret is live, without using it (the confirmation page).
pub async fn peek(
    db: &impl ConnectionTrait,
    secret: &str,
) -> Result<std::result::Result<sign_in_link::Model, LinkRefused>> {
    let found = sign_in_link::Entity::find()
        .filter(sign_in_link::Column::TokenHash.eq(super::sha256_hex(secret)))
        .one(db)
        .await?;
    Ok(match found {
        None => Err(LinkRefused::Unknown),
        Some(link) if link.used_at.is_some() => Err(LinkRefused::AlreadyUsed),
        Some(link) if link.expires_at <= Utc::now() => Err(LinkRefused::Expired),
        Some(link) => Ok(link),
    })
}

//! Server-side sessions. The browser holds a random value in an HttpOnly cookie; the table
//! keeps its SHA-256, when it ends (absolute), and when it was last used (idle expiry).
//! Signing out ends the row, so a copied cookie stops working too.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set, sea_query::Expr,
};

use crate::{entities::session, error::Result};

/// How often `last_seen_at` is written: often enough for idle expiry, rarely enough not to
/// make every page view a write.
const TOUCH_EVERY_SECONDS: i64 = 60;

pub async fn create(
    db: &impl ConnectionTrait,
    user_id: i64,
    method: &str,
    ttl: Duration,
) -> Result<(String, session::Model)> {
    let secret = super::new_secret();
    let now = Utc::now();
    let model = session::ActiveModel {
        token_hash: Set(super::sha256_hex(&secret)),
        user_id: Set(user_id),
        method: Set(method.chars().take(600).collect()),
        created_at: Set(now),
        expires_at: Set(now + ttl),
        last_seen_at: Set(now),
        ended_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok((secret, model))
}

/// The live session the cookie value stands for, and when it will end if left idle.
pub async fn resolve(
    db: &impl ConnectionTrait,
    secret: &str,
    idle: Duration,
) -> Result<Option<(session::Model, DateTime<Utc>)>> {
    let now = Utc::now();
    let Some(found) = session::Entity::find()
        .filter(session::Column::TokenHash.eq(super::sha256_hex(secret)))
        .filter(session::Column::EndedAt.is_null())
        .filter(session::Column::ExpiresAt.gt(now))
        .filter(session::Column::LastSeenAt.gt(now - idle))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let mut last_seen = found.last_seen_at;
    if (now - last_seen).num_seconds() >= TOUCH_EVERY_SECONDS {
        session::Entity::update_many()
            .col_expr(session::Column::LastSeenAt, Expr::value(now))
            .filter(session::Column::Id.eq(found.id))
            .exec(db)
            .await?;
        last_seen = now;
    }
    let ends = found.expires_at.min(last_seen + idle);
    Ok(Some((found, ends)))
}

/// Ends the session; returns its user when there was a live one.
pub async fn end(db: &impl ConnectionTrait, secret: &str) -> Result<Option<i64>> {
    let hash = super::sha256_hex(secret);
    let Some(found) = session::Entity::find()
        .filter(session::Column::TokenHash.eq(hash))
        .filter(session::Column::EndedAt.is_null())
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let user_id = found.user_id;
    let mut model: session::ActiveModel = found.into();
    model.ended_at = Set(Some(Utc::now()));
    model.update(db).await?;
    Ok(Some(user_id))
}

//! API tokens: `council token create --name NAME` prints one once; only its SHA-256 is kept.
//! A token has 256 random bits, so a fast hash is enough: nobody can guess a preimage.

use anyhow::Context;
use base64::Engine;
use chrono::Utc;
use council_shared::{database::is_unique_violation, validation::required_text};
use rand::RngCore;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, Set,
};
use sha2::{Digest, Sha256};

use crate::{
    entities::api_token,
    error::{Result, TenantsError},
};

/// Prefix that makes a leaked token easy to recognise in logs and secret scanners.
pub const TOKEN_PREFIX: &str = "semp_";

pub fn hash_token(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    format!(
        "{TOKEN_PREFIX}{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
    )
}

/// Creates a token and returns it in clear, the only time it is ever visible.
pub async fn create(db: &DatabaseConnection, name: &str) -> Result<(api_token::Model, String)> {
    let name = required_text(name, 100).map_err(|message| {
        TenantsError::Invalid(vec![council_shared::FieldError::new("name", message)])
    })?;
    let token = new_token();
    let model = api_token::ActiveModel {
        name: Set(name.clone()),
        token_hash: Set(hash_token(&token)),
        created_at: Set(Utc::now()),
        last_used_at: Set(None),
        revoked_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await
    .map_err(|error| {
        if is_unique_violation(&error) {
            TenantsError::Invalid(vec![council_shared::FieldError::new(
                "name",
                format!("a token named `{name}` already exists"),
            )])
        } else {
            error.into()
        }
    })?;
    Ok((model, token))
}

/// The live token matching `token`, if any; records when it was last used.
#[tracing::instrument(skip_all)]
pub async fn verify(db: &DatabaseConnection, token: &str) -> Result<Option<api_token::Model>> {
    if !token.starts_with(TOKEN_PREFIX) || token.len() > 200 {
        return Ok(None);
    }
    let found = api_token::Entity::find()
        .filter(api_token::Column::TokenHash.eq(hash_token(token)))
        .filter(api_token::Column::RevokedAt.is_null())
        .one(db)
        .await?;
    let Some(found) = found else {
        return Ok(None);
    };
    let mut model: api_token::ActiveModel = found.clone().into();
    model.last_used_at = Set(Some(Utc::now()));
    model
        .update(db)
        .await
        .context("cannot record the token's use")?;
    Ok(Some(found))
}

pub async fn list(db: &DatabaseConnection) -> Result<Vec<api_token::Model>> {
    Ok(api_token::Entity::find()
        .order_by_asc(api_token::Column::Name)
        .all(db)
        .await?)
}

/// Revokes the named token; returns whether one was live.
pub async fn revoke(db: &DatabaseConnection, name: &str) -> Result<bool> {
    let result = api_token::Entity::update_many()
        .col_expr(
            api_token::Column::RevokedAt,
            sea_orm::sea_query::Expr::value(Utc::now()),
        )
        .filter(api_token::Column::Name.eq(name))
        .filter(api_token::Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    Ok(result.rows_affected > 0)
}

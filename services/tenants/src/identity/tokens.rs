//! API tokens. Each belongs to a user and carries that user's roles, or only the scopes it
//! was made with (`secretary` or `secretary@athens`). A token has 256 random bits, so a
//! fast hash is enough to store it: nobody can guess a preimage. It is shown once.

use chrono::{DateTime, Utc};
use council_shared::{
    FieldError,
    auth::{Grant, Role},
};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
    sea_query::Expr,
};

use crate::{
    entities::access_token,
    error::{Result, TenantsError},
};

/// Prefix that makes a leaked token easy to recognise in logs and secret scanners.
pub const TOKEN_PREFIX: &str = "semp_";

/// A limit on what a token may do: a role, anywhere the owner holds it or in one
/// municipality.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scope {
    pub role: Role,
    pub tenant: Option<String>,
}

impl Scope {
    pub fn parse(text: &str) -> std::result::Result<Self, String> {
        let (role, tenant) = match text.split_once('@') {
            Some((role, tenant)) => (role, Some(tenant.to_string())),
            None => (text, None),
        };
        let role = Role::parse(role).ok_or_else(|| {
            format!(
                "`{text}` is not a scope: use a role ({}), optionally followed by @municipality",
                Role::ALL.map(Role::as_str).join(", ")
            )
        })?;
        Ok(Self { role, tenant })
    }

    pub fn covers(&self, grant: &Grant) -> bool {
        grant.role == self.role
            && self
                .tenant
                .as_ref()
                .is_none_or(|slug| grant.tenant.as_ref() == Some(slug))
    }

    pub fn to_text(&self) -> String {
        match &self.tenant {
            Some(tenant) => format!("{}@{tenant}", self.role.as_str()),
            None => self.role.as_str().to_string(),
        }
    }
}

/// The scopes a stored token was limited to, if any.
pub fn scopes_of(token: &access_token::Model) -> Option<Vec<Scope>> {
    let list: Vec<String> = serde_json::from_str(token.scopes.as_deref()?).ok()?;
    Some(list.iter().filter_map(|s| Scope::parse(s).ok()).collect())
}

/// The owner's grants the token carries.
pub fn effective_grants(token: &access_token::Model, grants: Vec<Grant>) -> Vec<Grant> {
    match scopes_of(token) {
        None => grants,
        Some(scopes) => grants
            .into_iter()
            .filter(|g| scopes.iter().any(|s| s.covers(g)))
            .collect(),
    }
}

/// Checks scopes against what the owner holds: a token never carries more than its owner.
pub fn parse_scopes(
    texts: Option<&[String]>,
    held: &[Grant],
) -> std::result::Result<Option<Vec<Scope>>, Vec<FieldError>> {
    let Some(texts) = texts else {
        return Ok(None);
    };
    let mut errors = Vec::new();
    let mut scopes = Vec::new();
    for (index, text) in texts.iter().enumerate() {
        match Scope::parse(text.trim()) {
            Ok(scope) if held.iter().any(|g| scope.covers(g)) => scopes.push(scope),
            Ok(_) => errors.push(FieldError::new(
                format!("scopes[{index}]"),
                format!("you do not hold `{text}`, so a token of yours cannot carry it"),
            )),
            Err(message) => errors.push(FieldError::new(format!("scopes[{index}]"), message)),
        }
    }
    if errors.is_empty() {
        Ok(Some(scopes))
    } else {
        Err(errors)
    }
}

fn new_token() -> String {
    format!("{TOKEN_PREFIX}{}", super::new_secret())
}

/// Creates a token and returns it in clear, the only time it is ever visible.
pub async fn create(
    db: &impl ConnectionTrait,
    user_id: i64,
    name: &str,
    scopes: Option<&[Scope]>,
    expires_at: Option<DateTime<Utc>>,
) -> Result<(access_token::Model, String)> {
    let name = council_shared::validation::required_text(name, 100)
        .map_err(|message| TenantsError::Invalid(vec![FieldError::new("name", message)]))?;
    let token = new_token();
    let scopes = scopes.map(|list| {
        serde_json::to_string(&list.iter().map(Scope::to_text).collect::<Vec<_>>())
            .unwrap_or_default()
    });
    let model = access_token::ActiveModel {
        user_id: Set(user_id),
        name: Set(name.clone()),
        token_hash: Set(super::sha256_hex(&token)),
        scopes: Set(scopes),
        created_at: Set(Utc::now()),
        expires_at: Set(expires_at),
        last_used_at: Set(None),
        revoked_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await
    .map_err(|error| {
        if council_shared::database::is_unique_violation(&error) {
            TenantsError::Conflict(
                council_shared::validation::Invalid::new(
                    council_shared::conflict::TOKEN_NAME_TAKEN,
                    format!("you already have a token named `{name}`"),
                )
                .with("name", &name),
            )
        } else {
            error.into()
        }
    })?;
    Ok((model, token))
}

/// The live token matching `token`, if any; records when it was last used.
#[tracing::instrument(skip_all)]
pub async fn verify(db: &impl ConnectionTrait, token: &str) -> Result<Option<access_token::Model>> {
    if !token.starts_with(TOKEN_PREFIX) || token.len() > 200 {
        return Ok(None);
    }
    let now = Utc::now();
    let found = access_token::Entity::find()
        .filter(access_token::Column::TokenHash.eq(super::sha256_hex(token)))
        .filter(access_token::Column::RevokedAt.is_null())
        .one(db)
        .await?
        .filter(|t| t.expires_at.is_none_or(|at| at > now));
    if let Some(found) = &found {
        access_token::Entity::update_many()
            .col_expr(access_token::Column::LastUsedAt, Expr::value(now))
            .filter(access_token::Column::Id.eq(found.id))
            .exec(db)
            .await?;
    }
    Ok(found)
}

pub async fn list(db: &impl ConnectionTrait, user_id: i64) -> Result<Vec<access_token::Model>> {
    Ok(access_token::Entity::find()
        .filter(access_token::Column::UserId.eq(user_id))
        .order_by_asc(access_token::Column::Name)
        .all(db)
        .await?)
}

/// Revokes the user's token `id`; `NotFound` for another user's or an unknown one.
pub async fn revoke(
    db: &impl ConnectionTrait,
    user_id: i64,
    id: i64,
) -> Result<access_token::Model> {
    let found = access_token::Entity::find_by_id(id)
        .one(db)
        .await?
        .filter(|t| t.user_id == user_id)
        .ok_or_else(|| TenantsError::NotFound(format!("you have no token {id}")))?;
    if found.revoked_at.is_some() {
        return Ok(found);
    }
    let mut model: access_token::ActiveModel = found.into();
    model.revoked_at = Set(Some(Utc::now()));
    Ok(model.update(db).await?)
}

/// Revokes the user's live token named `name`; returns whether there was one.
pub async fn revoke_by_name(db: &impl ConnectionTrait, user_id: i64, name: &str) -> Result<bool> {
    let result = access_token::Entity::update_many()
        .col_expr(access_token::Column::RevokedAt, Expr::value(Utc::now()))
        .filter(access_token::Column::UserId.eq(user_id))
        .filter(access_token::Column::Name.eq(name))
        .filter(access_token::Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    Ok(result.rows_affected > 0)
}

//! Sign-in providers: the platform's, from settings, and each municipality's own directory,
//! which its administrators configure. The client secret is write-only.

use chrono::Utc;
use council_shared::{
    Settings, outbound,
    validation::{Errors, required_text, web_url},
};
use sea_orm::{ActiveModelTrait, ConnectionTrait, EntityTrait, Set};
use secrecy::SecretString;

use super::oidc::ProviderConfig;
use crate::{entities::tenant_sign_in_provider, error::Result};

pub const PLATFORM: &str = "platform";

pub fn tenant_key(slug: &str) -> String {
    format!("tenant:{slug}")
}

pub fn platform(settings: &Settings) -> Option<ProviderConfig> {
    settings.auth.oidc.as_ref().map(|oidc| ProviderConfig {
        key: PLATFORM.into(),
        display_name: oidc.display_name.clone(),
        issuer_url: oidc.issuer_url.trim_end_matches('/').to_string(),
        client_id: oidc.client_id.clone(),
        client_secret: oidc.client_secret.clone(),
    })
}

pub async fn of_tenant(
    db: &impl ConnectionTrait,
    tenant_id: i64,
    slug: &str,
) -> Result<Option<ProviderConfig>> {
    Ok(tenant_sign_in_provider::Entity::find_by_id(tenant_id)
        .one(db)
        .await?
        .map(|row| ProviderConfig {
            key: tenant_key(slug),
            display_name: row.display_name,
            issuer_url: row.issuer_url,
            client_id: row.client_id,
            client_secret: SecretString::from(row.client_secret),
        }))
}

pub async fn find_row(
    db: &impl ConnectionTrait,
    tenant_id: i64,
) -> Result<Option<tenant_sign_in_provider::Model>> {
    Ok(tenant_sign_in_provider::Entity::find_by_id(tenant_id)
        .one(db)
        .await?)
}

/// An issuer the platform will not call (plain `http`, on this machine or a private
/// network), with a code pages translate.
pub fn not_public(why: impl Into<String>) -> council_shared::validation::Invalid {
    council_shared::validation::Invalid::new("issuer_not_public", why)
}

/// A provider as an administrator submits it, checked.
pub struct ProviderInput {
    pub display_name: String,
    pub issuer_url: String,
    pub client_id: String,
    /// `None` keeps the stored secret.
    pub client_secret: Option<String>,
}

impl ProviderInput {
    /// `allow_private`: `auth.allow_private_issuers`; without it the issuer must be `https`
    /// and not an address on this machine or a private network (`council_shared::outbound`).
    pub fn parse(
        display_name: &str,
        issuer_url: &str,
        client_id: &str,
        client_secret: Option<&str>,
        has_stored_secret: bool,
        allow_private: bool,
    ) -> std::result::Result<Self, Vec<council_shared::FieldError>> {
        let mut errors = Errors::new();
        let display_name = errors.check("display_name", required_text(display_name, 200));
        let issuer_url = errors.check(
            "issuer_url",
            web_url(issuer_url).and_then(|url| {
                outbound::check_url(&url, allow_private).map_err(not_public)?;
                Ok(url)
            }),
        );
        let client_id = errors.check("client_id", required_text(client_id, 300));
        let client_secret = match client_secret.map(str::trim).filter(|s| !s.is_empty()) {
            Some(secret) => errors.check("client_secret", required_text(secret, 500)),
            None if has_stored_secret => None,
            None => {
                errors.add(
                    "client_secret",
                    council_shared::validation::Invalid::required(),
                );
                None
            }
        };
        errors.finish(|| Self {
            display_name: display_name.unwrap_or_default(),
            issuer_url: issuer_url
                .unwrap_or_default()
                .trim_end_matches('/')
                .to_string(),
            client_id: client_id.unwrap_or_default(),
            client_secret,
        })
    }
}

pub async fn save(
    db: &impl ConnectionTrait,
    tenant_id: i64,
    input: ProviderInput,
) -> Result<tenant_sign_in_provider::Model> {
    let existing = find_row(db, tenant_id).await?;
    let now = Utc::now();
    Ok(match existing {
        Some(row) => {
            let mut model: tenant_sign_in_provider::ActiveModel = row.into();
            model.display_name = Set(input.display_name);
            model.issuer_url = Set(input.issuer_url);
            model.client_id = Set(input.client_id);
            if let Some(secret) = input.client_secret {
                model.client_secret = Set(secret);
            }
            model.updated_at = Set(now);
            model.update(db).await?
        }
        None => {
            tenant_sign_in_provider::ActiveModel {
                tenant_id: Set(tenant_id),
                display_name: Set(input.display_name),
                issuer_url: Set(input.issuer_url),
                client_id: Set(input.client_id),
                client_secret: Set(input.client_secret.unwrap_or_default()),
                updated_at: Set(now),
            }
            .insert(db)
            .await?
        }
    })
}

pub async fn remove(db: &impl ConnectionTrait, tenant_id: i64) -> Result<bool> {
    let result = tenant_sign_in_provider::Entity::delete_by_id(tenant_id)
        .exec(db)
        .await?;
    Ok(result.rows_affected > 0)
}

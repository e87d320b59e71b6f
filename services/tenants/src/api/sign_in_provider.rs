//! A municipality's own sign-in provider (its staff directory, say), kept by its
//! administrators: read, saved (the secret write-only; the issuer's address checked by the
//! rule of `council_shared::outbound`, now and at every sign-in) and removed. The API's
//! `/tenants/{slug}/sign-in-provider` and the workspace's page call these.

use council_shared::{ApiError, FieldError, auth::Principal, auth::require, outbound};

use super::{access::AccessApi, access_models::SignInProviderInput};
use crate::{
    entities::{tenant, tenant_sign_in_provider},
    identity::{
        audit::{self, Action, Event},
        providers,
    },
    service::tenants,
};

/// A provider's version as a form carries it: the time of its last change ("none").
pub fn provider_version(row: Option<&tenant_sign_in_provider::Model>) -> String {
    row.map_or_else(
        || "none".to_string(),
        |r| r.updated_at.timestamp_micros().to_string(),
    )
}

impl AccessApi {
    /// The municipality, if the caller administers it, with its provider if it has one.
    pub async fn sign_in_provider(
        &self,
        caller: &Principal,
        slug: &str,
    ) -> Result<(tenant::Model, Option<tenant_sign_in_provider::Model>), ApiError> {
        let tenant = tenants::find(&self.db, slug).await?;
        require(
            caller.administers(tenant.id),
            "only this municipality's administrators see and change its sign-in provider",
        )?;
        let row = providers::find_row(&self.db, tenant.id).await?;
        Ok((tenant, row))
    }

    /// Saves the provider; `seen` is the version a form showed (a provider changed since is
    /// refused, not overwritten).
    pub async fn save_sign_in_provider(
        &self,
        ip: &str,
        caller: &Principal,
        slug: &str,
        (body, seen): (&SignInProviderInput, Option<&str>),
    ) -> Result<tenant_sign_in_provider::Model, ApiError> {
        let (tenant, stored) = self.sign_in_provider(caller, slug).await?;
        let allow_private = self.settings.auth.allow_private_issuers;
        let input = providers::ProviderInput::parse(
            &body.display_name,
            &body.issuer_url,
            &body.client_id,
            body.client_secret.as_deref(),
            stored.is_some(),
            allow_private,
        )
        .map_err(ApiError::Validation)?;
        if seen.is_some_and(|seen| !seen.is_empty() && seen != provider_version(stored.as_ref())) {
            return Err(ApiError::Conflict(
                council_shared::validation::Invalid::new(
                    council_shared::conflict::CHANGED_MEANWHILE,
                    "the sign-in provider was changed by someone else since this form was opened",
                ),
            ));
        }
        let issuer = input.issuer_url.clone();
        // What its name resolves to now; every sign-in checks again.
        if let Ok(url) = url::Url::parse(&issuer)
            && let Err(why) = outbound::check_resolved(&url, allow_private).await
        {
            return Err(ApiError::Validation(vec![FieldError::new(
                "issuer_url",
                providers::not_public(why),
            )]));
        }
        let row = providers::save(&self.db, tenant.id, input).await?;
        audit::record(
            &self.db,
            Event::new(Action::ProviderConfigured)
                .tenant(Some(tenant.id))
                .actor(Some(caller.user_id), Some(&caller.email))
                .target(issuer)
                .ip(Some(ip)),
        )
        .await?;
        Ok(row)
    }

    /// Removes the provider; 404 when there is none.
    pub async fn remove_sign_in_provider(
        &self,
        ip: &str,
        caller: &Principal,
        slug: &str,
    ) -> Result<(), ApiError> {
        let (tenant, _) = self.sign_in_provider(caller, slug).await?;
        if !providers::remove(&self.db, tenant.id).await? {
            return Err(ApiError::NotFound(format!(
                "`{}` has no sign-in provider of its own",
                tenant.slug
            )));
        }
        audit::record(
            &self.db,
            Event::new(Action::ProviderRemoved)
                .tenant(Some(tenant.id))
                .actor(Some(caller.user_id), Some(&caller.email))
                .ip(Some(ip)),
        )
        .await?;
        Ok(())
    }
}

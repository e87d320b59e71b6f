//! The tenants service's answer to "who is this credential?", for every service in the
//! process (wrapped in `CachedIdentity`) and for `/api/v1/me`.

use chrono::Duration;
use council_shared::auth::{Credential, CredentialKind, IdentityResolver, Principal};
use futures_util::future::BoxFuture;
use sea_orm::DatabaseConnection;

use super::{grants, sessions, tokens, users};

pub struct TenantsIdentity {
    db: DatabaseConnection,
    idle: Duration,
}

impl TenantsIdentity {
    pub fn new(db: DatabaseConnection, settings: &council_shared::Settings) -> Self {
        Self {
            db,
            idle: Duration::seconds(settings.auth.session_idle_seconds as i64),
        }
    }

    async fn principal(&self, credential: &Credential) -> crate::error::Result<Option<Principal>> {
        match credential {
            Credential::Session(secret) => {
                let Some((session, ends)) = sessions::resolve(&self.db, secret, self.idle).await?
                else {
                    return Ok(None);
                };
                let Some(user) = users::find(&self.db, session.user_id).await? else {
                    return Ok(None);
                };
                Ok(Some(Principal {
                    user_id: user.id,
                    email: user.email,
                    display_name: user.display_name,
                    grants: grants::active_grants(&self.db, session.user_id).await?,
                    via: CredentialKind::Session,
                    expires_at: Some(ends),
                }))
            }
            Credential::Token(secret) => {
                let Some(token) = tokens::verify(&self.db, secret).await? else {
                    return Ok(None);
                };
                let Some(user) = users::find(&self.db, token.user_id).await? else {
                    return Ok(None);
                };
                let held = grants::active_grants(&self.db, user.id).await?;
                Ok(Some(Principal {
                    user_id: user.id,
                    email: user.email,
                    display_name: user.display_name,
                    grants: tokens::effective_grants(&token, held),
                    via: CredentialKind::Token,
                    expires_at: token.expires_at,
                }))
            }
        }
    }
}

impl IdentityResolver for TenantsIdentity {
    fn resolve<'a>(
        &'a self,
        credential: &'a Credential,
    ) -> BoxFuture<'a, anyhow::Result<Option<Principal>>> {
        Box::pin(async move {
            self.principal(credential)
                .await
                .map_err(|error| anyhow::anyhow!("cannot resolve a credential: {error:?}"))
        })
    }
}

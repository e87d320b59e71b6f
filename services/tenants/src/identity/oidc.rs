//! OpenID Connect sign-in: authorization code flow with PKCE (S256), through `openidconnect`.
//! The provider's discovery document is read once an hour; the ID token's signature is
//! checked against the provider's published keys, with its issuer, audience, expiry and
//! nonce. The `state` names a server-side flow row that is tied to the browser that started
//! it (a cookie) and deleted when used, so a state cannot be forged, swapped or replayed.

use std::{
    collections::HashMap,
    future::Future,
    pin::Pin,
    sync::Mutex,
    time::{Duration, Instant},
};

use chrono::Utc;
use council_shared::outbound::{self, ForbiddenAddress};
use openidconnect::{
    AsyncHttpClient, AuthenticationFlow, AuthorizationCode, ClientId, ClientSecret, CsrfToken,
    HttpClientError, HttpRequest, HttpResponse, IssuerUrl, Nonce, PkceCodeChallenge,
    PkceCodeVerifier, RedirectUrl, Scope, TokenResponse,
    core::{CoreClient, CoreProviderMetadata, CoreResponseType},
    reqwest,
};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use secrecy::{ExposeSecret, SecretString};

use crate::{entities::oidc_flow, error::Result};

/// How long a person has to sign in at the provider.
const FLOW_LIFETIME_MINUTES: i64 = 10;
const DISCOVERY_LIFETIME: Duration = Duration::from_secs(3600);

/// A provider people can sign in with.
#[derive(Debug, Clone)]
pub struct ProviderConfig {
    /// `platform`, or `tenant:<slug>` for a municipality's own directory.
    pub key: String,
    pub display_name: String,
    pub issuer_url: String,
    pub client_id: String,
    pub client_secret: SecretString,
}

/// What the provider vouched for.
#[derive(Debug, Clone)]
pub struct VerifiedIdentity {
    pub provider_key: String,
    pub issuer: String,
    pub subject: String,
    pub email: Option<String>,
    pub email_verified: bool,
    pub name: Option<String>,
    pub return_to: String,
}

/// Why a provider sign-in failed, in words for the person and the audit log.
#[derive(Debug, Clone, thiserror::Error)]
pub enum OidcFailure {
    #[error("this sign-in attempt is unknown, already used or expired: please start again")]
    UnknownState,
    #[error("this sign-in attempt was started in another browser: please start again")]
    OtherBrowser,
    #[error("the sign-in provider is not configured any more")]
    UnknownProvider,
    #[error("the sign-in provider cannot be reached: {0}")]
    Unreachable(String),
    #[error("the sign-in provider is at an address the platform does not connect to: {0}")]
    ForbiddenAddress(String),
    #[error("the sign-in provider refused the sign-in: {0}")]
    Refused(String),
    #[error("the provider's answer could not be verified: {0}")]
    InvalidIdToken(String),
}

/// The HTTP client of every request to a provider (discovery, keys, token): each request's
/// URL and the addresses its name resolves to pass `council_shared::outbound`'s rule, so
/// neither an issuer nor the endpoints its discovery document names reach this machine or
/// a private network; redirects are not followed.
struct ProviderHttp {
    client: reqwest::Client,
    allow_private: bool,
}

#[derive(Debug, thiserror::Error)]
enum ProviderHttpError {
    // Not transparent: the refusal must stay findable as a source (`ForbiddenAddress::in_chain`).
    #[error("refused")]
    Forbidden(#[from] ForbiddenAddress),
    #[error(transparent)]
    Http(#[from] HttpClientError<reqwest::Error>),
}

impl<'c> AsyncHttpClient<'c> for ProviderHttp {
    type Error = ProviderHttpError;
    type Future =
        Pin<Box<dyn Future<Output = Result<HttpResponse, Self::Error>> + Send + Sync + 'c>>;

    fn call(&'c self, request: HttpRequest) -> Self::Future {
        Box::pin(async move {
            outbound::check_url(&request.uri().to_string(), self.allow_private)
                .map_err(ForbiddenAddress)?;
            Ok(self.client.call(request).await?)
        })
    }
}

pub struct OidcClients {
    http: ProviderHttp,
    discovered: Mutex<HashMap<String, (Instant, CoreProviderMetadata)>>,
}

impl OidcClients {
    /// `allow_private`: `auth.allow_private_issuers` (development and tests only).
    pub fn new(allow_private: bool) -> anyhow::Result<Self> {
        let client = outbound::guarded_client(allow_private, Duration::from_secs(10))?;
        Ok(Self {
            http: ProviderHttp {
                client,
                allow_private,
            },
            discovered: Mutex::new(HashMap::new()),
        })
    }

    async fn metadata(
        &self,
        issuer: &str,
    ) -> std::result::Result<CoreProviderMetadata, OidcFailure> {
        if let Ok(cache) = self.discovered.lock()
            && let Some((at, metadata)) = cache.get(issuer)
            && at.elapsed() < DISCOVERY_LIFETIME
        {
            return Ok(metadata.clone());
        }
        let issuer_url = IssuerUrl::new(issuer.to_string())
            .map_err(|e| OidcFailure::Unreachable(format!("invalid issuer URL: {e}")))?;
        let metadata = CoreProviderMetadata::discover_async(issuer_url, &self.http)
            .await
            .map_err(|e| unreachable_or_forbidden(&e))?;
        if let Ok(mut cache) = self.discovered.lock() {
            cache.insert(issuer.to_string(), (Instant::now(), metadata.clone()));
        }
        Ok(metadata)
    }

    /// Starts a sign-in: stores the flow and returns the provider's authorization URL and
    /// the browser-binding secret to set as a cookie.
    pub async fn start(
        &self,
        db: &impl ConnectionTrait,
        provider: &ProviderConfig,
        redirect_url: &str,
        return_to: &str,
    ) -> Result<std::result::Result<(String, String), OidcFailure>> {
        let metadata = match self.metadata(&provider.issuer_url).await {
            Ok(metadata) => metadata,
            Err(failure) => return Ok(Err(failure)),
        };
        let redirect = RedirectUrl::new(redirect_url.to_string())
            .map_err(|e| anyhow::anyhow!("invalid redirect URL {redirect_url}: {e}"))?;
        let client = CoreClient::from_provider_metadata(
            metadata,
            ClientId::new(provider.client_id.clone()),
            Some(ClientSecret::new(
                provider.client_secret.expose_secret().to_string(),
            )),
        )
        .set_redirect_uri(redirect);
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let (url, state, nonce) = client
            .authorize_url(
                AuthenticationFlow::<CoreResponseType>::AuthorizationCode,
                CsrfToken::new_random,
                Nonce::new_random,
            )
            .add_scope(Scope::new("email".into()))
            .add_scope(Scope::new("profile".into()))
            .set_pkce_challenge(challenge)
            .url();
        let browser = super::new_secret();
        let now = Utc::now();
        oidc_flow::ActiveModel {
            state_hash: Set(super::sha256_hex(state.secret())),
            browser_hash: Set(super::sha256_hex(&browser)),
            provider: Set(provider.key.clone()),
            pkce_verifier: Set(verifier.secret().clone()),
            nonce: Set(nonce.secret().clone()),
            return_to: Set(return_to.to_string()),
            created_at: Set(now),
            expires_at: Set(now + chrono::Duration::minutes(FLOW_LIFETIME_MINUTES)),
            ..Default::default()
        }
        .insert(db)
        .await?;
        // Old abandoned flows are of no use to anyone.
        oidc_flow::Entity::delete_many()
            .filter(oidc_flow::Column::ExpiresAt.lt(now))
            .exec(db)
            .await?;
        Ok(Ok((url.to_string(), browser)))
    }

    /// Takes the flow named by `state` (deleting it: a state works once) if this browser
    /// started it.
    pub async fn take_flow(
        &self,
        db: &impl ConnectionTrait,
        state: &str,
        browser: Option<&str>,
    ) -> Result<std::result::Result<oidc_flow::Model, OidcFailure>> {
        let Some(flow) = oidc_flow::Entity::find()
            .filter(oidc_flow::Column::StateHash.eq(super::sha256_hex(state)))
            .one(db)
            .await?
        else {
            return Ok(Err(OidcFailure::UnknownState));
        };
        let deleted = oidc_flow::Entity::delete_many()
            .filter(oidc_flow::Column::Id.eq(flow.id))
            .exec(db)
            .await?;
        if deleted.rows_affected != 1 || flow.expires_at <= Utc::now() {
            return Ok(Err(OidcFailure::UnknownState));
        }
        if browser.map(super::sha256_hex).as_deref() != Some(flow.browser_hash.as_str()) {
            return Ok(Err(OidcFailure::OtherBrowser));
        }
        Ok(Ok(flow))
    }

    /// Exchanges the code (with the PKCE verifier) and verifies the ID token.
    pub async fn finish(
        &self,
        flow: &oidc_flow::Model,
        provider: &ProviderConfig,
        redirect_url: &str,
        code: &str,
    ) -> std::result::Result<VerifiedIdentity, OidcFailure> {
        let metadata = self.metadata(&provider.issuer_url).await?;
        let redirect = RedirectUrl::new(redirect_url.to_string())
            .map_err(|e| OidcFailure::Refused(format!("invalid redirect URL: {e}")))?;
        let client = CoreClient::from_provider_metadata(
            metadata,
            ClientId::new(provider.client_id.clone()),
            Some(ClientSecret::new(
                provider.client_secret.expose_secret().to_string(),
            )),
        )
        .set_redirect_uri(redirect);
        let response = client
            .exchange_code(AuthorizationCode::new(code.to_string()))
            .map_err(|e| OidcFailure::Refused(e.to_string()))?
            .set_pkce_verifier(PkceCodeVerifier::new(flow.pkce_verifier.clone()))
            .request_async(&self.http)
            .await
            .map_err(|e| match ForbiddenAddress::in_chain(&e) {
                Some(forbidden) => OidcFailure::ForbiddenAddress(forbidden.to_string()),
                None => OidcFailure::Refused(error_chain(&e)),
            })?;
        let id_token = response
            .id_token()
            .ok_or_else(|| OidcFailure::InvalidIdToken("no ID token in the answer".into()))?;
        let claims = id_token
            .claims(&client.id_token_verifier(), &Nonce::new(flow.nonce.clone()))
            .map_err(|e| OidcFailure::InvalidIdToken(error_chain(&e)))?;
        Ok(VerifiedIdentity {
            provider_key: provider.key.clone(),
            issuer: claims.issuer().to_string(),
            subject: claims.subject().to_string(),
            email: claims.email().map(|e| e.to_string()),
            email_verified: claims.email_verified().unwrap_or(false),
            name: claims
                .name()
                .and_then(|n| n.get(None))
                .map(|n| n.to_string()),
            return_to: flow.return_to.clone(),
        })
    }
}

/// Why discovery failed: the address rule, or the provider is not reachable.
fn unreachable_or_forbidden(error: &(dyn std::error::Error + 'static)) -> OidcFailure {
    match ForbiddenAddress::in_chain(error) {
        Some(forbidden) => OidcFailure::ForbiddenAddress(forbidden.to_string()),
        None => OidcFailure::Unreachable(error_chain(error)),
    }
}

fn error_chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

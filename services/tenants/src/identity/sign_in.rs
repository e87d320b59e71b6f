//! Signing in and out, as the web pages drive it: provider sign-in, e-mail links, sessions,
//! invitations accepted at first sign-in, rate limits and the audit trail of each attempt.

use std::{sync::Arc, time::Duration};

use chrono::Duration as Span;
use council_shared::{
    Settings,
    auth::{CachedIdentity, Credential},
    rate_limit::RateLimiter,
};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

use super::{
    audit::{self, Action, Event},
    grants, links,
    oidc::{OidcClients, OidcFailure, ProviderConfig, VerifiedIdentity},
    providers, sessions, users,
};
use crate::{
    entities::{tenant, user},
    error::{Result, TenantsError},
};

/// A new session: the cookie value to set and where to go next.
#[derive(Debug, Clone)]
pub struct NewSession {
    pub secret: String,
    pub return_to: String,
    pub max_age: Duration,
    pub user: user::Model,
}

/// Why a sign-in failed, in words for the person.
#[derive(Debug, Clone, thiserror::Error)]
pub enum SignInFailure {
    #[error(transparent)]
    Provider(#[from] OidcFailure),
    #[error(
        "the provider gave no e-mail address, or did not confirm it, so we cannot tell who you are"
    )]
    NoVerifiedEmail,
    #[error("this sign-in link is not valid")]
    UnknownLink,
    #[error("this sign-in link was used already: ask for a new one")]
    UsedLink,
    #[error("this sign-in link has expired: ask for a new one")]
    ExpiredLink,
}

pub struct Accounts {
    db: DatabaseConnection,
    settings: Settings,
    identity: Arc<CachedIdentity>,
    oidc: OidcClients,
    attempts_per_ip: RateLimiter,
}

impl Accounts {
    pub fn new(
        db: DatabaseConnection,
        settings: Settings,
        identity: Arc<CachedIdentity>,
    ) -> anyhow::Result<Self> {
        if let Some(platform) = providers::platform(&settings) {
            council_shared::outbound::check_url(
                &platform.issuer_url,
                settings.auth.allow_private_issuers,
            )
            .map_err(|why| {
                anyhow::anyhow!(
                    "auth.oidc.issuer_url: {why} (auth.allow_private_issuers allows it, for \
                     development only)"
                )
            })?;
        }
        let oidc = OidcClients::new(settings.auth.allow_private_issuers)?;
        let attempts_per_ip = RateLimiter::new(
            settings.auth.attempts_per_ip_per_minute,
            Duration::from_secs(60),
        );
        Ok(Self {
            db,
            settings,
            identity,
            oidc,
            attempts_per_ip,
        })
    }

    pub fn db(&self) -> &DatabaseConnection {
        &self.db
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// Counts a sign-in attempt from `ip`; `TooManyAttempts` over the limit.
    pub fn count_attempt(&self, ip: &str) -> Result<()> {
        self.attempts_per_ip.check(ip).map_err(|error| match error {
            council_shared::ApiError::TooManyRequests {
                retry_after_seconds,
            } => TenantsError::TooManyAttempts(retry_after_seconds),
            other => TenantsError::Internal(anyhow::anyhow!("{other}")),
        })
    }

    /// The providers offered on a sign-in page: the platform's, and the municipality's own.
    pub async fn providers(&self, tenant: Option<&tenant::Model>) -> Result<Vec<ProviderConfig>> {
        let mut list: Vec<ProviderConfig> =
            providers::platform(&self.settings).into_iter().collect();
        if let Some(tenant) = tenant
            && let Some(own) = providers::of_tenant(&self.db, tenant.id, &tenant.slug).await?
        {
            list.push(own);
        }
        Ok(list)
    }

    async fn provider(&self, key: &str) -> Result<Option<ProviderConfig>> {
        if key == providers::PLATFORM {
            return Ok(providers::platform(&self.settings));
        }
        let Some(slug) = key.strip_prefix("tenant:") else {
            return Ok(None);
        };
        let Some(tenant) = tenant::Entity::find()
            .filter(tenant::Column::Slug.eq(slug))
            .one(&self.db)
            .await?
        else {
            return Ok(None);
        };
        providers::of_tenant(&self.db, tenant.id, slug).await
    }

    /// Starts a provider sign-in: the provider's URL and the cookie binding it to this browser.
    pub async fn start_provider_sign_in(
        &self,
        key: &str,
        redirect_url: &str,
        return_to: &str,
        ip: &str,
    ) -> Result<std::result::Result<(String, String), SignInFailure>> {
        self.count_attempt(ip)?;
        let Some(provider) = self.provider(key).await? else {
            return Ok(Err(OidcFailure::UnknownProvider.into()));
        };
        Ok(self
            .oidc
            .start(&self.db, &provider, redirect_url, return_to)
            .await?
            .map_err(SignInFailure::from))
    }

    /// Finishes a provider sign-in; every failure is written to the audit log.
    pub async fn finish_provider_sign_in(
        &self,
        state: &str,
        code: Option<&str>,
        provider_error: Option<&str>,
        browser: Option<&str>,
        redirect_url: &str,
        ip: &str,
    ) -> Result<std::result::Result<NewSession, SignInFailure>> {
        let outcome = self
            .verify_provider_answer(state, code, provider_error, browser, redirect_url)
            .await?;
        let identity = match outcome {
            Ok(identity) => identity,
            Err(failure) => {
                self.record_failure(None, &failure, ip).await?;
                return Ok(Err(failure));
            }
        };
        let email = identity
            .email
            .as_deref()
            .filter(|_| identity.email_verified)
            .and_then(|e| super::parse_email(e).ok());
        let known = users::find_by_identity(&self.db, &identity.issuer, &identity.subject).await?;
        let user = match (known, email) {
            (Some(user), _) => user,
            (None, Some(email)) => {
                let user =
                    users::find_or_create(&self.db, &email, identity.name.as_deref()).await?;
                users::link_identity(&self.db, user.id, &identity.issuer, &identity.subject)
                    .await?;
                user
            }
            (None, None) => {
                let failure = SignInFailure::NoVerifiedEmail;
                self.record_failure(identity.email.as_deref(), &failure, ip)
                    .await?;
                return Ok(Err(failure));
            }
        };
        let method = format!("oidc:{}", identity.issuer);
        Ok(Ok(self
            .open_session(user, &method, &identity.return_to, ip)
            .await?))
    }

    async fn verify_provider_answer(
        &self,
        state: &str,
        code: Option<&str>,
        provider_error: Option<&str>,
        browser: Option<&str>,
        redirect_url: &str,
    ) -> Result<std::result::Result<VerifiedIdentity, SignInFailure>> {
        let flow = match self.oidc.take_flow(&self.db, state, browser).await? {
            Ok(flow) => flow,
            Err(failure) => return Ok(Err(failure.into())),
        };
        if let Some(error) = provider_error {
            return Ok(Err(
                OidcFailure::Refused(error.chars().take(200).collect()).into()
            ));
        }
        let Some(code) = code else {
            return Ok(Err(
                OidcFailure::Refused("no authorization code".into()).into()
            ));
        };
        let Some(provider) = self.provider(&flow.provider).await? else {
            return Ok(Err(OidcFailure::UnknownProvider.into()));
        };
        Ok(self
            .oidc
            .finish(&flow, &provider, redirect_url, code)
            .await
            .map_err(SignInFailure::from))
    }

    /// A sign-in link for `email`, if the address belongs to a user or has a live
    /// invitation; `None` otherwise (the page says the same either way).
    pub async fn create_link(
        &self,
        email: &str,
        return_to: &str,
        ip: &str,
    ) -> Result<Option<String>> {
        self.count_attempt(ip)?;
        let email = super::parse_email(email).map_err(|message| {
            TenantsError::Invalid(vec![council_shared::FieldError::new("email", message)])
        })?;
        let known = users::find_by_email(&self.db, &email).await?.is_some()
            || grants::has_open_invitation(&self.db, &email).await?;
        if !known {
            audit::record(
                &self.db,
                Event::new(Action::SignInFailed)
                    .actor(None, Some(&email))
                    .detail("a sign-in link was asked for an unknown address")
                    .ip(Some(ip)),
            )
            .await?;
            return Ok(None);
        }
        let ttl = Span::seconds(self.settings.auth.sign_in_link_ttl_seconds as i64);
        let secret = links::create(
            &self.db,
            &email,
            return_to,
            Some(ip),
            ttl,
            self.settings.auth.links_per_address_per_hour,
        )
        .await?;
        audit::record(
            &self.db,
            Event::new(Action::SignInLinkSent)
                .actor(None, Some(&email))
                .ip(Some(ip)),
        )
        .await?;
        Ok(Some(secret))
    }

    /// Whether a link still works, without using it.
    pub async fn check_link(&self, secret: &str) -> Result<std::result::Result<(), SignInFailure>> {
        Ok(links::peek(&self.db, secret)
            .await?
            .map(|_| ())
            .map_err(link_failure))
    }

    /// Uses a sign-in link: a session for its address, or why not.
    pub async fn use_link(
        &self,
        secret: &str,
        ip: &str,
    ) -> Result<std::result::Result<NewSession, SignInFailure>> {
        self.count_attempt(ip)?;
        let link = match links::consume(&self.db, secret).await? {
            Ok(link) => link,
            Err(refused) => {
                let failure = link_failure(refused);
                self.record_failure(None, &failure, ip).await?;
                return Ok(Err(failure));
            }
        };
        let user = users::find_or_create(&self.db, &link.email, None).await?;
        Ok(Ok(self
            .open_session(user, "email-link", &link.return_to, ip)
            .await?))
    }

    async fn open_session(
        &self,
        user: user::Model,
        method: &str,
        return_to: &str,
        ip: &str,
    ) -> Result<NewSession> {
        let accepted = grants::accept_invitations(&self.db, &user).await?;
        for record in &accepted {
            audit::record(
                &self.db,
                Event::new(Action::InvitationAccepted)
                    .tenant(record.grant.tenant_id)
                    .actor(Some(user.id), Some(&user.email))
                    .target(format!("{} {}", record.grant.role, record.email))
                    .ip(Some(ip)),
            )
            .await?;
        }
        let user = users::record_sign_in(&self.db, user).await?;
        let ttl = self.settings.auth.session_ttl_seconds;
        let (secret, _) =
            sessions::create(&self.db, user.id, method, Span::seconds(ttl as i64)).await?;
        self.record_for_user(&user, Action::SignedIn, method, ip)
            .await?;
        if !accepted.is_empty() {
            self.identity.forget_all();
        }
        Ok(NewSession {
            secret,
            return_to: super::safe_return_path(Some(return_to)),
            max_age: Duration::from_secs(ttl),
            user,
        })
    }

    /// Ends the session the cookie stands for, here and in this process's cache.
    pub async fn sign_out(&self, secret: &str, ip: &str) -> Result<()> {
        self.identity
            .forget(&Credential::Session(secret.to_string()));
        if let Some(user_id) = sessions::end(&self.db, secret).await?
            && let Some(user) = users::find(&self.db, user_id).await?
        {
            self.record_for_user(&user, Action::SignedOut, "", ip)
                .await?;
        }
        Ok(())
    }

    /// Writes an entry for each municipality the user has a role in (so its administrators
    /// see it), or one platform entry when they have none there.
    async fn record_for_user(
        &self,
        user: &user::Model,
        action: Action,
        detail: &str,
        ip: &str,
    ) -> Result<()> {
        let held = grants::active_grants(&self.db, user.id).await?;
        let mut tenants: Vec<Option<i64>> = held.iter().map(|g| g.tenant_id).collect();
        tenants.sort_unstable();
        tenants.dedup();
        if tenants.is_empty() {
            tenants.push(None);
        }
        for tenant_id in tenants {
            let mut event = Event::new(action)
                .tenant(tenant_id)
                .actor(Some(user.id), Some(&user.email))
                .ip(Some(ip));
            if !detail.is_empty() {
                event = event.detail(detail);
            }
            audit::record(&self.db, event).await?;
        }
        Ok(())
    }

    async fn record_failure(
        &self,
        email: Option<&str>,
        failure: &SignInFailure,
        ip: &str,
    ) -> Result<()> {
        let known = match email {
            Some(email) => users::find_by_email(&self.db, email).await?,
            None => None,
        };
        match known {
            Some(user) => {
                self.record_for_user(&user, Action::SignInFailed, &failure.to_string(), ip)
                    .await
            }
            None => {
                audit::record(
                    &self.db,
                    Event::new(Action::SignInFailed)
                        .actor(None, email)
                        .detail(failure.to_string())
                        .ip(Some(ip)),
                )
                .await
            }
        }
    }
}

fn link_failure(refused: links::LinkRefused) -> SignInFailure {
    match refused {
        links::LinkRefused::Unknown => SignInFailure::UnknownLink,
        links::LinkRefused::AlreadyUsed => SignInFailure::UsedLink,
        links::LinkRefused::Expired => SignInFailure::ExpiredLink,
    }
}

//! Who is calling, and what they may do: the types every service checks permissions with.
//!
//! A request carries a credential: the `council_session` cookie of a signed-in browser, or
//! `Authorization: Bearer semp_...` from a script. The [`authenticate`] middleware turns it
//! into a [`Caller`] once per request through an [`IdentityResolver`] (the tenants service
//! owns users, sessions and roles). [`CachedIdentity`] keeps each resolved credential for a
//! few seconds, so a service checks permissions on every request without asking the tenants
//! service each time; sign-out and role changes clear the cache of the process that made
//! them at once, and other instances within the cache's lifetime.

use std::{sync::Arc, time::Duration};

use chrono::{DateTime, Utc};
use futures_util::future::BoxFuture;
use poem::{Endpoint, IntoResponse, Middleware, Request, Response, http::header};
use poem_openapi::{
    ApiExtractor, ApiExtractorType, Enum, ExtractParamOptions, Object,
    registry::{MetaSecurityScheme, Registry},
};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::{ApiError, cache::TtlCache, csrf};

/// The session cookie's name.
pub const SESSION_COOKIE: &str = "council_session";

/// A role, granted on the platform (platform administrator) or within one municipality.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Enum)]
#[serde(rename_all = "snake_case")]
#[oai(rename_all = "snake_case")]
pub enum Role {
    /// Adds and archives municipalities, grants tenant administrators.
    PlatformAdmin,
    /// A municipality's profile and council membership; grants the roles below in it.
    TenantAdmin,
    /// Runs the council's meetings and minutes.
    Secretary,
    /// A member of the council, linked to a member record.
    CouncilMember,
    /// Submits good practices for an organisation.
    PracticeAuthor,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::PlatformAdmin,
        Role::TenantAdmin,
        Role::Secretary,
        Role::CouncilMember,
        Role::PracticeAuthor,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::PlatformAdmin => "platform_admin",
            Role::TenantAdmin => "tenant_admin",
            Role::Secretary => "secretary",
            Role::CouncilMember => "council_member",
            Role::PracticeAuthor => "practice_author",
        }
    }

    pub fn parse(text: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|role| role.as_str() == text)
    }
}

/// One role a user holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Object)]
pub struct Grant {
    pub role: Role,
    /// The municipality's id; absent for a platform administrator.
    #[oai(skip_serializing_if_is_none)]
    pub tenant_id: Option<i64>,
    /// The municipality's slug; absent for a platform administrator.
    #[oai(skip_serializing_if_is_none)]
    pub tenant: Option<String>,
    /// For a council member: their member record in the council.
    #[oai(skip_serializing_if_is_none)]
    pub member_id: Option<i64>,
}

/// How the caller proved who they are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Enum)]
#[serde(rename_all = "snake_case")]
#[oai(rename_all = "snake_case")]
pub enum CredentialKind {
    Session,
    Token,
}

/// A signed-in user and the roles this credential carries (a token may carry fewer).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Object)]
pub struct Principal {
    pub user_id: i64,
    pub email: String,
    #[oai(skip_serializing_if_is_none)]
    pub display_name: Option<String>,
    pub grants: Vec<Grant>,
    pub via: CredentialKind,
    /// When the session or token stops working, if it does.
    #[oai(skip_serializing_if_is_none)]
    pub expires_at: Option<DateTime<Utc>>,
}

impl Principal {
    pub fn is_platform_admin(&self) -> bool {
        self.grants.iter().any(|g| g.role == Role::PlatformAdmin)
    }

    /// Holds exactly `role` in the municipality `tenant_id`.
    pub fn has_role(&self, role: Role, tenant_id: i64) -> bool {
        self.grants
            .iter()
            .any(|g| g.role == role && g.tenant_id == Some(tenant_id))
    }

    /// May change the municipality's profile and council, and read its audit log.
    pub fn administers(&self, tenant_id: i64) -> bool {
        self.is_platform_admin() || self.has_role(Role::TenantAdmin, tenant_id)
    }

    /// May grant or revoke `role` in the municipality `tenant_id` (`None`: on the platform).
    pub fn may_grant(&self, role: Role, tenant_id: Option<i64>) -> bool {
        match (role, tenant_id) {
            (Role::PlatformAdmin, None) => self.is_platform_admin(),
            (Role::PlatformAdmin, Some(_)) | (_, None) => false,
            (Role::TenantAdmin, Some(_)) => self.is_platform_admin(),
            (_, Some(tenant)) => self.administers(tenant),
        }
    }

    fn expired(&self) -> bool {
        self.expires_at.is_some_and(|at| at <= Utc::now())
    }
}

/// The credential a request presented.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Credential {
    Session(String),
    Token(String),
}

impl Credential {
    /// What caches and stores keep instead of the secret itself.
    pub fn fingerprint(&self) -> String {
        let (kind, secret) = match self {
            Credential::Session(s) => ("session", s),
            Credential::Token(t) => ("token", t),
        };
        format!("{kind}:{}", sha256_hex(secret))
    }
}

pub fn sha256_hex(text: &str) -> String {
    hex::encode(Sha256::digest(text.as_bytes()))
}

/// Turns a credential into the principal it stands for; `None` when it is unknown, expired
/// or revoked. The tenants service implements it over its tables.
pub trait IdentityResolver: Send + Sync {
    fn resolve<'a>(
        &'a self,
        credential: &'a Credential,
    ) -> BoxFuture<'a, anyhow::Result<Option<Principal>>>;
}

/// Resolved credentials kept for a few seconds. Unknown credentials are not cached, so a
/// session is usable the moment it is created.
pub struct CachedIdentity {
    inner: Arc<dyn IdentityResolver>,
    cache: TtlCache<Arc<Principal>>,
}

impl CachedIdentity {
    pub fn new(inner: Arc<dyn IdentityResolver>, ttl: Duration) -> Self {
        Self {
            inner,
            cache: TtlCache::new(ttl, 10_000),
        }
    }

    pub async fn resolve(&self, credential: &Credential) -> anyhow::Result<Option<Arc<Principal>>> {
        let key = credential.fingerprint();
        if let Some(found) = self.cache.get(&key) {
            if !found.expired() {
                return Ok(Some(found));
            }
            self.cache.remove(&key);
        }
        let Some(principal) = self.inner.resolve(credential).await? else {
            return Ok(None);
        };
        let principal = Arc::new(principal);
        self.cache.insert(key, principal.clone());
        Ok(Some(principal))
    }

    /// Forgets one credential (sign-out, token revoked).
    pub fn forget(&self, credential: &Credential) {
        self.cache.remove(&credential.fingerprint());
    }

    /// Forgets every credential (roles granted or revoked).
    pub fn forget_all(&self) {
        self.cache.clear();
    }
}

/// Who is calling, as the [`authenticate`] middleware found out.
#[derive(Debug, Clone)]
pub enum Caller {
    Anonymous {
        /// A session cookie came that no longer stands for a session (expired, signed out).
        stale_session: bool,
    },
    SignedIn(Arc<Principal>),
}

impl Caller {
    pub fn principal(&self) -> Option<&Arc<Principal>> {
        match self {
            Caller::SignedIn(principal) => Some(principal),
            Caller::Anonymous { .. } => None,
        }
    }

    pub fn of(request: &Request) -> Caller {
        request
            .extensions()
            .get::<Caller>()
            .cloned()
            .unwrap_or(Caller::Anonymous {
                stale_session: false,
            })
    }
}

/// The credential a request carries: a bearer token wins over the session cookie.
/// `Err` when an `Authorization` header is there but is not a bearer token.
pub fn credential_of(request: &Request) -> Result<Option<Credential>, ApiError> {
    if let Some(value) = request.headers().get(header::AUTHORIZATION) {
        let value = value.to_str().unwrap_or_default();
        let token = value
            .strip_prefix("Bearer ")
            .or_else(|| value.strip_prefix("bearer "))
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .ok_or(ApiError::Unauthorized)?;
        return Ok(Some(Credential::Token(token.to_string())));
    }
    Ok(request
        .cookie()
        .get(SESSION_COOKIE)
        .map(|cookie| cookie.value_str().to_string())
        .filter(|value| !value.is_empty() && value.len() < 200)
        .map(Credential::Session))
}

/// Middleware: resolves the request's credential into a [`Caller`] in its extensions. A
/// bearer token that is not valid is a 401 at once; a stale session cookie makes the caller
/// anonymous (the web pages then clear it).
pub fn authenticate(identity: Arc<CachedIdentity>) -> Authenticate {
    Authenticate { identity }
}

pub struct Authenticate {
    identity: Arc<CachedIdentity>,
}

impl<E: Endpoint> Middleware<E> for Authenticate {
    type Output = AuthenticateEndpoint<E>;

    fn transform(&self, inner: E) -> Self::Output {
        AuthenticateEndpoint {
            inner,
            identity: self.identity.clone(),
        }
    }
}

pub struct AuthenticateEndpoint<E> {
    inner: E,
    identity: Arc<CachedIdentity>,
}

impl<E: Endpoint> Endpoint for AuthenticateEndpoint<E> {
    type Output = Response;

    async fn call(&self, mut request: Request) -> poem::Result<Response> {
        let caller = match credential_of(&request)? {
            None => Caller::Anonymous {
                stale_session: false,
            },
            Some(credential) => match self.identity.resolve(&credential).await {
                Ok(Some(principal)) => {
                    if let Credential::Session(secret) = &credential {
                        refuse_forged_api_call(&request, secret)?;
                    }
                    Caller::SignedIn(principal)
                }
                Ok(None) => match credential {
                    Credential::Token(_) => return Err(ApiError::InvalidToken.into()),
                    Credential::Session(_) => Caller::Anonymous {
                        stale_session: true,
                    },
                },
                Err(cause) => {
                    return Err(
                        ApiError::Internal(cause.context("cannot check credentials")).into(),
                    );
                }
            },
        };
        request.extensions_mut().insert(caller);
        self.inner
            .call(request)
            .await
            .map(IntoResponse::into_response)
    }
}

/// 403 for an API call that changes something, made with the session cookie from another
/// site (`csrf`'s rule). The pages check their forms themselves, with a page for an answer.
fn refuse_forged_api_call(request: &Request, secret: &str) -> Result<(), ApiError> {
    let api = request.uri().path().starts_with("/api/");
    if api && csrf::changes_state(request.method()) && !csrf::session_call_is_ours(request, secret)
    {
        return Err(ApiError::Forbidden(
            "this request comes from another site: a call with the session cookie that \
             changes something must come from this site's pages (or carry X-CSRF-Token)"
                .into(),
        ));
    }
    Ok(())
}

const BEARER_SCHEME: &str = "bearerToken";
const SESSION_SCHEME: &str = "sessionCookie";

fn register_schemes(registry: &mut Registry) {
    registry.create_security_scheme(
        BEARER_SCHEME,
        MetaSecurityScheme {
            ty: "http",
            description: Some(
                "An API token (`semp_...`) created by a signed-in user at `POST /me/tokens`, or \
                 with `council token create --email ADDRESS --name NAME`. It carries its \
                 owner's roles, or only the scopes it was created with.",
            ),
            name: None,
            key_in: None,
            scheme: Some("bearer"),
            bearer_format: None,
            flows: None,
            openid_connect_url: None,
        },
    );
    registry.create_security_scheme(
        SESSION_SCHEME,
        MetaSecurityScheme {
            ty: "apiKey",
            description: Some("The session cookie of a browser signed in at `/sign-in`."),
            name: Some(SESSION_COOKIE),
            key_in: Some("cookie"),
            scheme: None,
            bearer_format: None,
            flows: None,
            openid_connect_url: None,
        },
    );
}

/// An operation parameter that requires a signed-in caller (401 otherwise) and documents
/// both ways to sign in as the operation's security requirement.
pub struct SignedIn(pub Arc<Principal>);

impl std::ops::Deref for SignedIn {
    type Target = Principal;
    fn deref(&self) -> &Principal {
        &self.0
    }
}

impl<'a> ApiExtractor<'a> for SignedIn {
    const TYPES: &'static [ApiExtractorType] = &[ApiExtractorType::SecurityScheme];
    type ParamType = ();
    type ParamRawType = ();

    fn register(registry: &mut Registry) {
        register_schemes(registry);
    }

    fn security_schemes() -> Vec<&'static str> {
        vec![BEARER_SCHEME, SESSION_SCHEME]
    }

    async fn from_request(
        request: &'a Request,
        _body: &mut poem::RequestBody,
        _options: ExtractParamOptions<()>,
    ) -> poem::Result<Self> {
        match Caller::of(request) {
            Caller::SignedIn(principal) => Ok(Self(principal)),
            Caller::Anonymous { .. } => Err(ApiError::Unauthorized.into()),
        }
    }
}

/// An operation parameter for reads that anyone may make but that show more to a signed-in
/// caller with a role (a council's drafts to its members). Documents both ways to sign in
/// as optional.
pub struct MaybeSignedIn(pub Option<Arc<Principal>>);

impl MaybeSignedIn {
    pub fn principal(&self) -> Option<&Principal> {
        self.0.as_deref()
    }
}

impl<'a> ApiExtractor<'a> for MaybeSignedIn {
    const TYPES: &'static [ApiExtractorType] = &[ApiExtractorType::SecurityScheme];
    type ParamType = ();
    type ParamRawType = ();

    fn register(registry: &mut Registry) {
        register_schemes(registry);
    }

    fn security_schemes() -> Vec<&'static str> {
        vec![BEARER_SCHEME, SESSION_SCHEME]
    }

    fn has_security_fallback() -> bool {
        true
    }

    async fn from_request(
        request: &'a Request,
        _body: &mut poem::RequestBody,
        _options: ExtractParamOptions<()>,
    ) -> poem::Result<Self> {
        Ok(Self(match Caller::of(request) {
            Caller::SignedIn(principal) => Some(principal),
            Caller::Anonymous { .. } => None,
        }))
    }
}

/// 403 unless `allowed`: the caller is signed in but lacks the role.
pub fn require(allowed: bool, what: &str) -> Result<(), ApiError> {
    if allowed {
        Ok(())
    } else {
        Err(ApiError::Forbidden(what.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn principal(grants: Vec<Grant>) -> Principal {
        Principal {
            user_id: 1,
            email: "a@example.org".into(),
            display_name: None,
            grants,
            via: CredentialKind::Session,
            expires_at: None,
        }
    }

    fn grant(role: Role, tenant_id: Option<i64>) -> Grant {
        Grant {
            role,
            tenant_id,
            tenant: tenant_id.map(|id| format!("t{id}")),
            member_id: None,
        }
    }

    #[test]
    fn a_tenant_administrator_grants_roles_in_their_own_municipality_only() {
        let admin = principal(vec![grant(Role::TenantAdmin, Some(1))]);
        assert!(admin.may_grant(Role::Secretary, Some(1)));
        assert!(!admin.may_grant(Role::Secretary, Some(2)));
        assert!(!admin.may_grant(Role::TenantAdmin, Some(1)));
        assert!(!admin.may_grant(Role::PlatformAdmin, None));
    }

    #[test]
    fn a_platform_administrator_grants_tenant_administrators_anywhere() {
        let admin = principal(vec![grant(Role::PlatformAdmin, None)]);
        assert!(admin.may_grant(Role::TenantAdmin, Some(7)));
        assert!(admin.may_grant(Role::PlatformAdmin, None));
        assert!(admin.administers(7));
        assert!(!admin.may_grant(Role::Secretary, None));
    }

    #[test]
    fn a_secretary_administers_nothing() {
        let secretary = principal(vec![grant(Role::Secretary, Some(1))]);
        assert!(!secretary.administers(1));
        assert!(secretary.has_role(Role::Secretary, 1));
        assert!(!secretary.has_role(Role::Secretary, 2));
    }

    #[test]
    fn role_names_round_trip() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Some(role));
        }
        assert_eq!(Role::parse("root"), None);
    }
}

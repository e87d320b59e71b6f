//! A signed-in person's own data (their sessions, with sign-out of each, and the download
//! of everything held about them), and the platform operators' erasure of an account.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use council_shared::{
    auth::{CachedIdentity, Principal, SESSION_COOKIE, SignedIn, require},
    http::client_ip,
    problem::{ApiError, ApiResult},
    settings::Settings,
};
use poem::Request;
use poem_openapi::{ApiResponse, Object, OpenApi, param::Path, param::Query, payload::Json};
use sea_orm::{DatabaseConnection, EntityTrait};

use super::access::AccessTags;
use super::access_models::{AccountView, AuditEntry, TokenInfo};
use crate::{
    entities::{session, tenant},
    identity::{
        audit::{self, Action, Event},
        personal::{self, Held},
        sha256_hex,
    },
};

/// One of a person's sessions (a browser they are signed in on).
#[derive(Debug, Clone, Object)]
pub struct SessionView {
    pub id: i64,
    /// `email-link` (a link by e-mail), or `oidc:` and the identity provider's issuer.
    pub method: String,
    pub created_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    /// The session this request came with.
    pub current: bool,
}

/// A role held, or an invitation to one.
#[derive(Debug, Clone, Object)]
pub struct HeldRole {
    pub role: String,
    /// The municipality's slug; none for a platform role.
    #[oai(skip_serializing_if_is_none)]
    pub tenant: Option<String>,
    pub granted_at: DateTime<Utc>,
    #[oai(skip_serializing_if_is_none)]
    pub accepted_at: Option<DateTime<Utc>>,
    #[oai(skip_serializing_if_is_none)]
    pub revoked_at: Option<DateTime<Utc>>,
}

/// An identity provider the person signs in with.
#[derive(Debug, Clone, Object)]
pub struct HeldIdentity {
    pub issuer: String,
    pub linked_at: DateTime<Utc>,
}

/// A request for access the person made.
#[derive(Debug, Clone, Object)]
pub struct HeldAccessRequest {
    #[oai(skip_serializing_if_is_none)]
    pub tenant: Option<String>,
    pub full_name: String,
    #[oai(skip_serializing_if_is_none)]
    pub organisation: Option<String>,
    pub role: String,
    pub reason: String,
    pub state: String,
    pub created_at: DateTime<Utc>,
    #[oai(skip_serializing_if_is_none)]
    pub decided_at: Option<DateTime<Utc>>,
}

/// Everything the platform's accounts hold about the person asking.
#[derive(Debug, Clone, Object)]
pub struct AccountData {
    pub email: String,
    #[oai(skip_serializing_if_is_none)]
    pub display_name: Option<String>,
    pub created_at: DateTime<Utc>,
    #[oai(skip_serializing_if_is_none)]
    pub last_sign_in_at: Option<DateTime<Utc>>,
    pub roles: Vec<HeldRole>,
    /// The sessions still in use.
    pub sessions: Vec<SessionView>,
    /// API tokens: their names and times, never the tokens.
    pub tokens: Vec<TokenInfo>,
    pub sign_in_identities: Vec<HeldIdentity>,
    pub access_requests: Vec<HeldAccessRequest>,
    /// The audit entries about the account, newest first (the latest 500).
    pub audit: Vec<AuditEntry>,
    /// How long each kind of record is kept (`retention` settings).
    pub kept_for: RetentionView,
}

/// The retention periods that apply to an account's records.
#[derive(Debug, Clone, Object)]
pub struct RetentionView {
    pub audit_log_years: u32,
    pub declined_request_days: u32,
}

/// What an erasure did.
#[derive(Debug, Clone, Object)]
pub struct ErasedView {
    /// The name the audit log gives the account from now on.
    pub pseudonym: String,
    /// The audit entries that now name the pseudonym instead.
    pub audit_entries: u64,
}

#[derive(ApiResponse)]
pub enum SessionListResponse {
    /// Your sessions still in use, newest first.
    #[oai(status = 200)]
    Ok(Json<Vec<SessionView>>),
}

#[derive(ApiResponse)]
pub enum SessionEndedResponse {
    /// The session is signed out.
    #[oai(status = 204)]
    Ended,
}

#[derive(ApiResponse)]
pub enum AccountDataResponse {
    /// Everything held about you, as a file to keep.
    #[oai(status = 200)]
    Ok(
        Json<AccountData>,
        #[oai(header = "Content-Disposition")] String,
        #[oai(header = "Cache-Control")] String,
    ),
}

#[derive(ApiResponse)]
pub enum AccountListResponse {
    /// The accounts found (at most 50).
    #[oai(status = 200)]
    Ok(Json<Vec<AccountView>>),
}

#[derive(ApiResponse)]
pub enum ErasedResponse {
    /// The account is erased.
    #[oai(status = 200)]
    Ok(Json<ErasedView>),
}

/// The accounts part of the API: a person's own data, and the operators' erasure.
#[derive(Clone)]
pub struct AccountApi {
    db: DatabaseConnection,
    settings: Settings,
    identity: Arc<CachedIdentity>,
}

impl AccountApi {
    pub fn new(db: DatabaseConnection, settings: Settings, identity: Arc<CachedIdentity>) -> Self {
        Self {
            db,
            settings,
            identity,
        }
    }

    fn idle(&self) -> chrono::Duration {
        chrono::Duration::seconds(self.settings.auth.session_idle_seconds as i64)
    }

    /// The caller's sessions still in use; `current` is the secret of the session the
    /// request came with, if any.
    pub async fn sessions_of(
        &self,
        caller: &Principal,
        current: Option<&str>,
    ) -> Result<Vec<SessionView>, ApiError> {
        let found =
            personal::live_sessions(&self.db, caller.user_id, Utc::now(), self.idle()).await?;
        let current = current.map(sha256_hex);
        Ok(found
            .iter()
            .map(|s| session_view(s, current.as_deref()))
            .collect())
    }

    /// Signs out the caller's session `id` (from any of their browsers); 404 when it is
    /// not one of theirs still in use.
    pub async fn end_session(&self, caller: &Principal, id: i64, ip: &str) -> Result<(), ApiError> {
        if !personal::end_session(&self.db, caller.user_id, id).await? {
            return Err(ApiError::NotFound(format!(
                "you have no session {id} still in use"
            )));
        }
        // Its secret is not known here: every cached credential is checked again.
        self.identity.forget_all();
        audit::record(
            &self.db,
            Event::new(Action::SessionEnded)
                .actor(Some(caller.user_id), Some(&caller.email))
                .target(format!("session {id}"))
                .ip(Some(ip)),
        )
        .await?;
        Ok(())
    }

    /// Everything held about the caller.
    pub async fn data_of(
        &self,
        caller: &Principal,
        current: Option<&str>,
    ) -> Result<AccountData, ApiError> {
        let held = personal::held_about(&self.db, caller.user_id, Utc::now(), self.idle())
            .await?
            .ok_or_else(|| ApiError::NotFound("your account no longer exists".into()))?;
        let slugs: std::collections::HashMap<i64, String> = tenant::Entity::find()
            .all(&self.db)
            .await
            .map_err(crate::TenantsError::from)?
            .into_iter()
            .map(|t| (t.id, t.slug))
            .collect();
        Ok(account_data(held, &slugs, current, &self.settings))
    }

    /// The accounts whose address or name contains `query`: for the platform's operators.
    pub async fn find_accounts(
        &self,
        caller: &Principal,
        query: &str,
    ) -> Result<Vec<AccountView>, ApiError> {
        require(
            caller.is_platform_admin(),
            "only platform administrators look up accounts",
        )?;
        let query = query.trim();
        if query.chars().count() < 3 {
            return Err(ApiError::Validation(vec![council_shared::FieldError::new(
                "q",
                council_shared::validation::Invalid::new(
                    "too_short",
                    "give at least 3 characters of the address or name",
                )
                .with("min", 3),
            )]));
        }
        Ok(personal::find_accounts(&self.db, query, 50)
            .await?
            .into_iter()
            .map(|u| AccountView {
                id: u.id,
                email: u.email,
                display_name: u.display_name,
            })
            .collect())
    }

    /// Account `id` as an operator sees it before erasing it.
    pub async fn account(&self, caller: &Principal, id: i64) -> Result<AccountView, ApiError> {
        require(
            caller.is_platform_admin(),
            "only platform administrators look up accounts",
        )?;
        let user = crate::identity::users::find(&self.db, id)
            .await?
            .ok_or_else(|| ApiError::NotFound(format!("there is no account {id}")))?;
        Ok(AccountView {
            id: user.id,
            email: user.email,
            display_name: user.display_name,
        })
    }

    /// Erases account `id`: for the platform's operators, never their own.
    pub async fn erase(
        &self,
        caller: &Principal,
        id: i64,
        ip: &str,
    ) -> Result<ErasedView, ApiError> {
        require(
            caller.is_platform_admin(),
            "only platform administrators erase accounts",
        )?;
        if caller.user_id == id {
            return Err(ApiError::Conflict(
                council_shared::validation::Invalid::new(
                    council_shared::conflict::OWN_ACCOUNT,
                    "you cannot erase your own account: ask another platform administrator",
                ),
            ));
        }
        let erased = personal::erase(&self.db, id)
            .await?
            .ok_or_else(|| ApiError::NotFound(format!("there is no account {id}")))?;
        self.identity.forget_all();
        audit::record(
            &self.db,
            Event::new(Action::AccountErased)
                .actor(Some(caller.user_id), Some(&caller.email))
                .target(erased.pseudonym.clone())
                .ip(Some(ip)),
        )
        .await?;
        Ok(ErasedView {
            pseudonym: erased.pseudonym,
            audit_entries: erased.audit_entries,
        })
    }
}

fn session_view(session: &session::Model, current: Option<&str>) -> SessionView {
    SessionView {
        id: session.id,
        method: session.method.clone(),
        created_at: session.created_at,
        last_seen_at: session.last_seen_at,
        expires_at: session.expires_at,
        current: current == Some(session.token_hash.as_str()),
    }
}

fn account_data(
    held: Held,
    slugs: &std::collections::HashMap<i64, String>,
    current: Option<&str>,
    settings: &Settings,
) -> AccountData {
    let slug = |id: Option<i64>| id.and_then(|id| slugs.get(&id).cloned());
    let current = current.map(sha256_hex);
    AccountData {
        email: held.user.email,
        display_name: held.user.display_name,
        created_at: held.user.created_at,
        last_sign_in_at: held.user.last_sign_in_at,
        roles: held
            .grants
            .into_iter()
            .map(|g| HeldRole {
                role: g.role,
                tenant: slug(g.tenant_id),
                granted_at: g.created_at,
                accepted_at: g.accepted_at,
                revoked_at: g.revoked_at,
            })
            .collect(),
        sessions: held
            .sessions
            .iter()
            .map(|s| session_view(s, current.as_deref()))
            .collect(),
        tokens: held.tokens.iter().map(Into::into).collect(),
        sign_in_identities: held
            .identities
            .into_iter()
            .map(|i| HeldIdentity {
                issuer: i.issuer,
                linked_at: i.created_at,
            })
            .collect(),
        access_requests: held
            .access_requests
            .into_iter()
            .map(|r| HeldAccessRequest {
                tenant: slug(Some(r.tenant_id)),
                full_name: r.full_name,
                organisation: r.organisation,
                role: r.role,
                reason: r.reason,
                state: r.state,
                created_at: r.created_at,
                decided_at: r.decided_at,
            })
            .collect(),
        audit: held.audit.into_iter().map(Into::into).collect(),
        kept_for: RetentionView {
            audit_log_years: settings.retention.audit_log_years,
            declined_request_days: settings.retention.declined_request_days,
        },
    }
}

/// The session cookie the request came with, if any.
fn session_secret(request: &Request) -> Option<String> {
    request
        .cookie()
        .get(SESSION_COOKIE)
        .map(|c| c.value_str().to_string())
}

#[OpenApi]
impl AccountApi {
    /// List my sessions still in use
    #[oai(path = "/me/sessions", method = "get", tag = "AccessTags::Me")]
    async fn list_sessions(
        &self,
        request: &Request,
        caller: SignedIn,
    ) -> ApiResult<SessionListResponse> {
        let secret = session_secret(request);
        Ok(SessionListResponse::Ok(Json(
            self.sessions_of(&caller, secret.as_deref()).await?,
        )))
    }

    /// Sign out one of my sessions (on any browser)
    #[oai(path = "/me/sessions/:id", method = "delete", tag = "AccessTags::Me")]
    async fn end_my_session(
        &self,
        request: &Request,
        caller: SignedIn,
        id: Path<i64>,
    ) -> ApiResult<SessionEndedResponse> {
        self.end_session(&caller, id.0, &client_ip(request)).await?;
        Ok(SessionEndedResponse::Ended)
    }

    /// Download everything held about me
    ///
    /// The right of access: the account, its roles and invitations, sessions, API tokens
    /// (never the tokens themselves), sign-in identities, requests for access and the audit
    /// entries about it. Served with `Content-Disposition: attachment`.
    #[oai(path = "/me/data", method = "get", tag = "AccessTags::Me")]
    async fn my_data(&self, request: &Request, caller: SignedIn) -> ApiResult<AccountDataResponse> {
        let secret = session_secret(request);
        Ok(AccountDataResponse::Ok(
            Json(self.data_of(&caller, secret.as_deref()).await?),
            "attachment; filename=\"account.json\"".to_string(),
            "no-store".to_string(),
        ))
    }

    /// Look up accounts by address or name (platform administrators)
    #[oai(
        path = "/platform/accounts",
        method = "get",
        tag = "AccessTags::Access"
    )]
    async fn list_accounts(
        &self,
        caller: SignedIn,
        /// At least 3 characters of the address or name (besides white space).
        q: Query<String>,
    ) -> ApiResult<AccountListResponse> {
        Ok(AccountListResponse::Ok(Json(
            self.find_accounts(&caller, &q).await?,
        )))
    }

    /// Erase an account (platform administrators)
    ///
    /// The account's address and name go, with its sessions, tokens, sign-in identities,
    /// roles, invitations and requests for access; the audit log keeps its entries under a
    /// pseudonym.
    #[oai(
        path = "/platform/accounts/:id",
        method = "delete",
        tag = "AccessTags::Access"
    )]
    async fn erase_account(
        &self,
        request: &Request,
        caller: SignedIn,
        id: Path<i64>,
    ) -> ApiResult<ErasedResponse> {
        Ok(ErasedResponse::Ok(Json(
            self.erase(&caller, id.0, &client_ip(request)).await?,
        )))
    }
}

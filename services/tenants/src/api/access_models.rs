//! Request and response bodies of the access API: roles, invitations, tokens, the audit log
//! and a municipality's own sign-in provider.

use chrono::{DateTime, Utc};
use council_shared::auth::Role;
use poem_openapi::{Enum, Object};

use crate::{
    entities::{access_token, audit_event, tenant_sign_in_provider},
    identity::{
        grants::{GrantRecord, GrantStatus},
        tokens,
    },
};

/// A role to grant; when nobody has signed in with the address yet, an invitation is
/// e-mailed and the role becomes theirs at their first sign-in.
#[derive(Debug, Clone, Object, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[oai(deny_unknown_fields)]
pub struct RoleGrantInput {
    pub email: council_shared::input_fields::EmailText,
    pub role: Role,
    /// For `council_member`: their record in the council (`/council/members`).
    pub member_id: Option<i64>,
}

#[derive(Debug, Clone, Copy, Enum)]
#[oai(rename_all = "snake_case")]
pub enum RoleGrantStatus {
    /// Held by a user who has signed in.
    Active,
    /// Waiting for the address's first sign-in.
    Invited,
    /// The invitation ran out before anyone signed in with the address.
    Expired,
    Revoked,
}

#[derive(Debug, Clone, Object)]
pub struct RoleGrantView {
    pub id: i64,
    pub email: String,
    pub role: Role,
    #[oai(skip_serializing_if_is_none)]
    pub tenant: Option<String>,
    #[oai(skip_serializing_if_is_none)]
    pub member_id: Option<i64>,
    pub status: RoleGrantStatus,
    pub granted_at: DateTime<Utc>,
    #[oai(skip_serializing_if_is_none)]
    pub invitation_expires_at: Option<DateTime<Utc>>,
    #[oai(skip_serializing_if_is_none)]
    pub revoked_at: Option<DateTime<Utc>>,
}

impl From<&GrantRecord> for RoleGrantView {
    fn from(record: &GrantRecord) -> Self {
        let grant = &record.grant;
        Self {
            id: grant.id,
            email: record.email.clone(),
            role: record.role(),
            tenant: record.tenant_slug.clone(),
            member_id: grant.member_id,
            status: match record.status() {
                GrantStatus::Active => RoleGrantStatus::Active,
                GrantStatus::Invited => RoleGrantStatus::Invited,
                GrantStatus::Expired => RoleGrantStatus::Expired,
                GrantStatus::Revoked => RoleGrantStatus::Revoked,
            },
            granted_at: grant.created_at,
            invitation_expires_at: grant
                .invitation_expires_at
                .filter(|_| grant.user_id.is_none()),
            revoked_at: grant.revoked_at,
        }
    }
}

#[derive(Debug, Clone, Object, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[oai(deny_unknown_fields)]
pub struct TokenCreate {
    /// Unique among your tokens, such as `minutes-export`.
    pub name: String,
    /// Limit the token to some of your roles: `secretary`, or `secretary@athens`. Without
    /// it the token carries all your roles, as they are when it is used.
    pub scopes: Option<Vec<String>>,
    /// The token stops working after this many days (1 to 365); without it, when revoked.
    pub expires_in_days: Option<u32>,
}

#[derive(Debug, Clone, Object)]
pub struct TokenInfo {
    pub id: i64,
    pub name: String,
    #[oai(skip_serializing_if_is_none)]
    pub scopes: Option<Vec<String>>,
    pub created_at: DateTime<Utc>,
    #[oai(skip_serializing_if_is_none)]
    pub expires_at: Option<DateTime<Utc>>,
    #[oai(skip_serializing_if_is_none)]
    pub last_used_at: Option<DateTime<Utc>>,
    #[oai(skip_serializing_if_is_none)]
    pub revoked_at: Option<DateTime<Utc>>,
}

impl From<&access_token::Model> for TokenInfo {
    fn from(token: &access_token::Model) -> Self {
        Self {
            id: token.id,
            name: token.name.clone(),
            scopes: tokens::scopes_of(token).map(|s| s.iter().map(|s| s.to_text()).collect()),
            created_at: token.created_at,
            expires_at: token.expires_at,
            last_used_at: token.last_used_at,
            revoked_at: token.revoked_at,
        }
    }
}

/// A new token: `token` is shown this once and never again.
#[derive(Debug, Clone, Object)]
pub struct TokenCreated {
    pub token: String,
    pub info: TokenInfo,
}

#[derive(Debug, Clone, Object)]
pub struct AuditEntry {
    pub id: i64,
    pub at: DateTime<Utc>,
    /// `sign_in`, `sign_in_failed`, `sign_out`, `role_granted`, `role_invited`,
    /// `invitation_accepted`, `role_revoked`, `token_created`, `token_revoked`, ...
    pub action: String,
    #[oai(skip_serializing_if_is_none)]
    pub actor_email: Option<String>,
    #[oai(skip_serializing_if_is_none)]
    pub target: Option<String>,
    #[oai(skip_serializing_if_is_none)]
    pub detail: Option<String>,
    #[oai(skip_serializing_if_is_none)]
    pub ip: Option<String>,
}

impl From<audit_event::Model> for AuditEntry {
    fn from(event: audit_event::Model) -> Self {
        Self {
            id: event.id,
            at: event.at,
            action: event.action,
            actor_email: event.actor_email,
            target: event.target,
            detail: event.detail,
            ip: event.ip,
        }
    }
}

/// A municipality's own OpenID Connect provider.
#[derive(Debug, Clone, Object, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[oai(deny_unknown_fields)]
pub struct SignInProviderInput {
    /// The button's label, such as `Κατάλογος υπαλλήλων Δήμου Αθηναίων`.
    pub display_name: String,
    pub issuer_url: String,
    pub client_id: String,
    /// Required the first time; leave it out to keep the stored one.
    pub client_secret: Option<String>,
}

#[derive(Debug, Clone, Object)]
pub struct SignInProviderView {
    pub display_name: String,
    pub issuer_url: String,
    pub client_id: String,
    /// The secret is never shown again once saved.
    pub has_client_secret: bool,
    /// Register this address with the provider as the client's redirect URI.
    pub redirect_uri: String,
    pub updated_at: DateTime<Utc>,
}

impl SignInProviderView {
    pub fn new(row: &tenant_sign_in_provider::Model, redirect_uri: String) -> Self {
        Self {
            display_name: row.display_name.clone(),
            issuer_url: row.issuer_url.clone(),
            client_id: row.client_id.clone(),
            has_client_secret: !row.client_secret.is_empty(),
            redirect_uri,
            updated_at: row.updated_at,
        }
    }
}

/// Who moderates a municipality's good practices, for the notifications service: its
/// administrators' addresses, else the platform administrators'.
#[derive(Debug, Clone, Object)]
pub struct ModeratorsView {
    pub emails: Vec<String>,
}

/// An account's address, for the platform's services (a practice author's messages).
#[derive(Debug, Clone, Object)]
pub struct AccountView {
    pub id: i64,
    pub email: String,
    #[oai(skip_serializing_if_is_none)]
    pub display_name: Option<String>,
}

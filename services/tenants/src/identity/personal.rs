//! What the platform holds about a person with an account, shown to them (their sessions,
//! tokens, roles and the audit entries about them), the sign-out of one of their sessions
//! from elsewhere, and an operator's erasure of an account: the person's name and address
//! go everywhere the tenants service keeps them, and the audit log keeps its entries under
//! a pseudonym, so that what was done stays accountable without saying who it was.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait,
    DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect, prelude::Expr,
};

use crate::{
    entities::{
        access_request, access_token, audit_event, role_grant, session, sign_in_link, user,
        user_identity,
    },
    error::Result,
};

/// Audit entries shown and downloaded at most: the newest.
pub const AUDIT_ENTRIES_SHOWN: u64 = 500;

/// Everything the tenants service holds about one account.
#[derive(Debug, Clone)]
pub struct Held {
    pub user: user::Model,
    pub grants: Vec<role_grant::Model>,
    pub sessions: Vec<session::Model>,
    pub tokens: Vec<access_token::Model>,
    pub identities: Vec<user_identity::Model>,
    pub access_requests: Vec<access_request::Model>,
    pub audit: Vec<audit_event::Model>,
}

/// The sessions of `user_id` still in use at `now` (not ended, expired or idle longer than
/// `idle`), newest first.
pub async fn live_sessions(
    db: &impl ConnectionTrait,
    user_id: i64,
    now: DateTime<Utc>,
    idle: Duration,
) -> Result<Vec<session::Model>> {
    Ok(session::Entity::find()
        .filter(session::Column::UserId.eq(user_id))
        .filter(session::Column::EndedAt.is_null())
        .filter(session::Column::ExpiresAt.gt(now))
        .filter(session::Column::LastSeenAt.gt(now - idle))
        .order_by_desc(session::Column::CreatedAt)
        .all(db)
        .await?)
}

/// Ends session `session_id` if it is one of `user_id`'s and still live; says whether it
/// was.
pub async fn end_session(db: &impl ConnectionTrait, user_id: i64, session_id: i64) -> Result<bool> {
    let ended = session::Entity::update_many()
        .col_expr(session::Column::EndedAt, Expr::value(Utc::now()))
        .filter(session::Column::Id.eq(session_id))
        .filter(session::Column::UserId.eq(user_id))
        .filter(session::Column::EndedAt.is_null())
        .exec(db)
        .await?
        .rows_affected;
    Ok(ended > 0)
}

/// The audit entries about an account: what it did, and what was done to its address.
fn about(user: &user::Model) -> Condition {
    Condition::any()
        .add(audit_event::Column::ActorUserId.eq(user.id))
        .add(audit_event::Column::ActorEmail.eq(&user.email))
        .add(audit_event::Column::Target.contains(&user.email))
}

/// Whether `entry` is about `user` exactly: `LIKE` reads `_` and `%` in an address as
/// wildcards, and someone else's entries must never be shown.
fn is_about(entry: &audit_event::Model, user: &user::Model) -> bool {
    entry.actor_user_id == Some(user.id)
        || entry.actor_email.as_deref() == Some(user.email.as_str())
        || entry
            .target
            .as_deref()
            .is_some_and(|target| target.contains(&user.email))
}

/// Everything held about `user_id` at `now`, or None when there is no such account.
pub async fn held_about(
    db: &impl ConnectionTrait,
    user_id: i64,
    now: DateTime<Utc>,
    idle: Duration,
) -> Result<Option<Held>> {
    let Some(user) = user::Entity::find_by_id(user_id).one(db).await? else {
        return Ok(None);
    };
    let grants = role_grant::Entity::find()
        .filter(
            Condition::any()
                .add(role_grant::Column::UserId.eq(user.id))
                .add(role_grant::Column::InvitedEmail.eq(&user.email)),
        )
        .order_by_asc(role_grant::Column::Id)
        .all(db)
        .await?;
    let tokens = access_token::Entity::find()
        .filter(access_token::Column::UserId.eq(user.id))
        .order_by_asc(access_token::Column::Id)
        .all(db)
        .await?;
    let identities = user_identity::Entity::find()
        .filter(user_identity::Column::UserId.eq(user.id))
        .all(db)
        .await?;
    let access_requests = access_request::Entity::find()
        .filter(access_request::Column::Email.eq(&user.email))
        .order_by_asc(access_request::Column::Id)
        .all(db)
        .await?;
    let audit = audit_event::Entity::find()
        .filter(about(&user))
        .order_by_desc(audit_event::Column::At)
        .order_by_desc(audit_event::Column::Id)
        .limit(AUDIT_ENTRIES_SHOWN)
        .all(db)
        .await?
        .into_iter()
        .filter(|entry| is_about(entry, &user))
        .collect();
    Ok(Some(Held {
        sessions: live_sessions(db, user.id, now, idle).await?,
        user,
        grants,
        tokens,
        identities,
        access_requests,
        audit,
    }))
}

/// The name an erased account goes by in the audit log: stable for the account, and
/// saying nothing of its address.
pub fn pseudonym(user_id: i64) -> String {
    format!("erased-user-{user_id}")
}

/// What an erasure removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Erased {
    pub pseudonym: String,
    /// Its address, for the operator's confirmation (not kept anywhere).
    pub email: String,
    pub audit_entries: u64,
}

/// Erases account `user_id`: its sessions, tokens, sign-in identities, roles, invitations,
/// sign-in links and requests for access are deleted with it, and the audit log's entries
/// about it name a pseudonym instead of its address. None when there is no such account.
pub async fn erase(db: &DatabaseConnection, user_id: i64) -> Result<Option<Erased>> {
    let txn = council_shared::database::begin_write(db).await?;
    let Some(user) = user::Entity::find_by_id(user_id).one(&txn).await? else {
        return Ok(None);
    };
    let alias = pseudonym(user.id);
    let entries: Vec<audit_event::Model> = audit_event::Entity::find()
        .filter(about(&user))
        .all(&txn)
        .await?
        .into_iter()
        .filter(|entry| is_about(entry, &user))
        .collect();
    let audit_entries = entries.len() as u64;
    for entry in entries {
        let swap = |text: Option<String>| text.map(|t| t.replace(&user.email, &alias));
        let mut row: audit_event::ActiveModel = entry.clone().into();
        if entry.actor_user_id == Some(user.id) || entry.actor_email.as_deref() == Some(&user.email)
        {
            row.actor_email = Set(Some(alias.clone()));
        }
        row.target = Set(swap(entry.target));
        row.detail = Set(swap(entry.detail));
        row.update(&txn).await?;
    }
    session::Entity::delete_many()
        .filter(session::Column::UserId.eq(user.id))
        .exec(&txn)
        .await?;
    access_token::Entity::delete_many()
        .filter(access_token::Column::UserId.eq(user.id))
        .exec(&txn)
        .await?;
    user_identity::Entity::delete_many()
        .filter(user_identity::Column::UserId.eq(user.id))
        .exec(&txn)
        .await?;
    role_grant::Entity::delete_many()
        .filter(
            Condition::any()
                .add(role_grant::Column::UserId.eq(user.id))
                .add(role_grant::Column::InvitedEmail.eq(&user.email)),
        )
        .exec(&txn)
        .await?;
    sign_in_link::Entity::delete_many()
        .filter(sign_in_link::Column::Email.eq(&user.email))
        .exec(&txn)
        .await?;
    access_request::Entity::delete_many()
        .filter(access_request::Column::Email.eq(&user.email))
        .exec(&txn)
        .await?;
    // Grants and decisions made by the account stay, without naming it.
    role_grant::Entity::update_many()
        .col_expr(
            role_grant::Column::GrantedBy,
            Expr::value(Option::<i64>::None),
        )
        .filter(role_grant::Column::GrantedBy.eq(user.id))
        .exec(&txn)
        .await?;
    role_grant::Entity::update_many()
        .col_expr(
            role_grant::Column::RevokedBy,
            Expr::value(Option::<i64>::None),
        )
        .filter(role_grant::Column::RevokedBy.eq(user.id))
        .exec(&txn)
        .await?;
    access_request::Entity::update_many()
        .col_expr(
            access_request::Column::DecidedBy,
            Expr::value(Option::<i64>::None),
        )
        .filter(access_request::Column::DecidedBy.eq(user.id))
        .exec(&txn)
        .await?;
    let email = user.email.clone();
    user::Entity::delete_by_id(user.id).exec(&txn).await?;
    txn.commit().await?;
    Ok(Some(Erased {
        pseudonym: alias,
        email,
        audit_entries,
    }))
}

/// The accounts whose address (in any case) or name contains `query`, for an
/// operator looking for the account to erase; at most `limit`.
pub async fn find_accounts(
    db: &impl ConnectionTrait,
    query: &str,
    limit: u64,
) -> Result<Vec<user::Model>> {
    // Addresses are kept in lower case; names as they were written.
    let query = query.trim();
    Ok(user::Entity::find()
        .filter(
            Condition::any()
                .add(user::Column::Email.contains(query.to_lowercase()))
                .add(user::Column::DisplayName.contains(query)),
        )
        .order_by_asc(user::Column::Email)
        .limit(limit)
        .all(db)
        .await?)
}

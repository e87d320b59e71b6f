//! The audit log: every grant, revocation, sign-in and failed sign-in, with who, when and
//! from where. A municipality's administrators read the entries about their municipality;
//! platform administrators read them all.

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, Set,
};

use crate::{entities::audit_event, error::Result};

/// What happened, as stored in `action`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    SignedIn,
    SignInFailed,
    SignedOut,
    SignInLinkSent,
    RoleGranted,
    RoleInvited,
    InvitationAccepted,
    RoleRevoked,
    TokenCreated,
    TokenRevoked,
    ProviderConfigured,
    ProviderRemoved,
    AccessRequested,
    AccessAccepted,
    AccessDeclined,
    /// A person signed one of their sessions out from another (their account page).
    SessionEnded,
    /// An operator erased an account; the log names it by its pseudonym since.
    AccountErased,
}

impl Action {
    pub const ALL: [Action; 17] = [
        Action::SignedIn,
        Action::SignInFailed,
        Action::SignedOut,
        Action::SignInLinkSent,
        Action::RoleGranted,
        Action::RoleInvited,
        Action::InvitationAccepted,
        Action::RoleRevoked,
        Action::TokenCreated,
        Action::TokenRevoked,
        Action::ProviderConfigured,
        Action::ProviderRemoved,
        Action::AccessRequested,
        Action::AccessAccepted,
        Action::AccessDeclined,
        Action::SessionEnded,
        Action::AccountErased,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Action::SignedIn => "sign_in",
            Action::SignInFailed => "sign_in_failed",
            Action::SignedOut => "sign_out",
            Action::SignInLinkSent => "sign_in_link_sent",
            Action::RoleGranted => "role_granted",
            Action::RoleInvited => "role_invited",
            Action::InvitationAccepted => "invitation_accepted",
            Action::RoleRevoked => "role_revoked",
            Action::TokenCreated => "token_created",
            Action::TokenRevoked => "token_revoked",
            Action::ProviderConfigured => "sign_in_provider_configured",
            Action::ProviderRemoved => "sign_in_provider_removed",
            Action::AccessRequested => "access_requested",
            Action::AccessAccepted => "access_accepted",
            Action::AccessDeclined => "access_declined",
            Action::SessionEnded => "session_ended",
            Action::AccountErased => "account_erased",
        }
    }
}

/// One entry to write.
#[derive(Debug, Clone)]
pub struct Event {
    pub action: Action,
    pub tenant_id: Option<i64>,
    pub actor_user_id: Option<i64>,
    pub actor_email: Option<String>,
    pub target: Option<String>,
    pub detail: Option<String>,
    pub ip: Option<String>,
}

impl Event {
    pub fn new(action: Action) -> Self {
        Self {
            action,
            tenant_id: None,
            actor_user_id: None,
            actor_email: None,
            target: None,
            detail: None,
            ip: None,
        }
    }

    pub fn tenant(mut self, tenant_id: Option<i64>) -> Self {
        self.tenant_id = tenant_id;
        self
    }

    pub fn actor(mut self, user_id: Option<i64>, email: Option<&str>) -> Self {
        self.actor_user_id = user_id;
        self.actor_email = email.map(str::to_string);
        self
    }

    pub fn target(mut self, target: impl Into<String>) -> Self {
        self.target = Some(truncate(target.into(), 300));
        self
    }

    pub fn detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = Some(truncate(detail.into(), 2000));
        self
    }

    pub fn ip(mut self, ip: Option<&str>) -> Self {
        self.ip = ip.map(|ip| truncate(ip.to_string(), 64));
        self
    }
}

fn truncate(mut text: String, max: usize) -> String {
    if text.len() > max {
        let mut end = max;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text.truncate(end);
    }
    text
}

#[tracing::instrument(skip_all, fields(action = event.action.as_str()))]
pub async fn record(db: &impl ConnectionTrait, event: Event) -> Result<()> {
    audit_event::ActiveModel {
        at: Set(Utc::now()),
        tenant_id: Set(event.tenant_id),
        actor_user_id: Set(event.actor_user_id),
        actor_email: Set(event.actor_email),
        action: Set(event.action.as_str().to_string()),
        target: Set(event.target),
        detail: Set(event.detail),
        ip: Set(event.ip),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// One page of a municipality's entries (`None`: the platform's own), newest first, and the
/// total count.
pub async fn list(
    db: &impl ConnectionTrait,
    tenant_id: Option<i64>,
    page_index: u64,
    per_page: u64,
) -> Result<(Vec<audit_event::Model>, u64)> {
    search(db, tenant_id, &Filter::default(), page_index, per_page).await
}

/// Which entries to read: of one kind, about one person (their address as the actor or
/// in the target), within days.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub action: Option<Action>,
    pub person: Option<String>,
    pub from: Option<chrono::DateTime<Utc>>,
    pub until: Option<chrono::DateTime<Utc>>,
}

/// The entries `filter` keeps, newest first, one page of them and how many there are.
pub async fn search(
    db: &impl ConnectionTrait,
    tenant_id: Option<i64>,
    filter: &Filter,
    page_index: u64,
    per_page: u64,
) -> Result<(Vec<audit_event::Model>, u64)> {
    let mut query = audit_event::Entity::find().filter(match tenant_id {
        Some(id) => audit_event::Column::TenantId.eq(id),
        None => audit_event::Column::TenantId.is_null(),
    });
    if let Some(action) = filter.action {
        query = query.filter(audit_event::Column::Action.eq(action.as_str()));
    }
    if let Some(person) = filter
        .person
        .as_deref()
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let person = person.to_lowercase();
        query = query.filter(
            sea_orm::Condition::any()
                .add(audit_event::Column::ActorEmail.contains(&person))
                .add(audit_event::Column::Target.contains(&person)),
        );
    }
    if let Some(from) = filter.from {
        query = query.filter(audit_event::Column::At.gte(from));
    }
    if let Some(until) = filter.until {
        query = query.filter(audit_event::Column::At.lt(until));
    }
    let paginator = query
        .order_by_desc(audit_event::Column::At)
        .order_by_desc(audit_event::Column::Id)
        .paginate(db, per_page);
    let total = paginator.num_items().await?;
    Ok((paginator.fetch_page(page_index).await?, total))
}

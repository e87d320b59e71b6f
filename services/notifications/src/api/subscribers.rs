//! A municipality's subscribers for its administrators: found by part of their address,
//! listed for export, an import checked row by row before anything is saved, and one
//! erased on request. The API and the workspace's pages call these, with the same check
//! (`operated`): the municipality's administrators, or the platform's.

use std::collections::{HashMap, HashSet};

use chrono::Utc;
use council_shared::{ApiError, FieldError, auth::Principal, pagination::PageRequest};
use sea_orm::{
    ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
    sea_query::LikeExpr,
};

use super::{check_rows, models::*};
use crate::{
    Notifications,
    domain::{Cadence, topics_of},
    entities::{erasure, subscriber},
    error::NotificationsError,
    service::subscriptions::{self, Choice, email_hash},
};

/// One row of an import as a preview shows it: what would be done with it, or what is wrong.
pub type CheckedRow = Result<(String, Choice, ImportOutcome), Vec<FieldError>>;

fn subscriber_view(row: subscriber::Model) -> SubscriberView {
    subscriber_view_with(row, &HashMap::new())
}

/// `stops`: the stopped addresses' details, by address.
fn subscriber_view_with(row: subscriber::Model, stops: &HashMap<String, String>) -> SubscriberView {
    let expired = row.state == "pending" && row.expires_at.is_some_and(|at| at < Utc::now());
    SubscriberView {
        id: row.id,
        stopped_detail: stops.get(&row.email).cloned(),
        email: row.email,
        state: if expired { "expired".into() } else { row.state },
        topics: topics_of(&row.topics),
        language: row.language,
        cadence: Cadence::from_db(&row.cadence).unwrap_or(Cadence::Immediate),
        since: row.confirmed_at.unwrap_or(row.created_at),
        stopped_reason: row.stopped_reason,
        stopped_at: row.stopped_at,
    }
}

fn database(error: sea_orm::DbErr) -> ApiError {
    NotificationsError::from(error).into()
}

impl Notifications {
    /// The import of the API, for `caller` at client address `from`: the administrators'
    /// check, then `import`.
    pub async fn import_as(
        &self,
        caller: &Principal,
        slug: &str,
        input: &ImportRequest,
        from: &str,
    ) -> Result<ImportReport, ApiError> {
        let roster = self.operated(caller, slug).await?;
        self.import(&roster, input, from).await
    }

    /// What importing `rows` would do, saving nothing: each row's problems, or whether its
    /// address would be invited or left alone (already known, or erased), by the rules of
    /// `subscriptions::import`.
    pub async fn preview_import(
        &self,
        caller: &Principal,
        slug: &str,
        rows: &[SubscriptionRequest],
    ) -> Result<Vec<CheckedRow>, ApiError> {
        let roster = self.operated(caller, slug).await?;
        let tenant = roster.tenant.id;
        let known: HashSet<String> = subscriber::Entity::find()
            .select_only()
            .column(subscriber::Column::Email)
            .filter(subscriber::Column::TenantId.eq(tenant))
            .into_tuple()
            .all(&self.db)
            .await
            .map_err(database)?
            .into_iter()
            .collect();
        let erased: HashSet<String> = erasure::Entity::find()
            .select_only()
            .column(erasure::Column::EmailHash)
            .filter(erasure::Column::TenantId.eq(tenant))
            .into_tuple()
            .all(&self.db)
            .await
            .map_err(database)?
            .into_iter()
            .collect();
        Ok(check_rows(rows)
            .into_iter()
            .map(|checked| {
                checked.map(|(address, chosen)| {
                    let outcome = if erased.contains(&email_hash(&address)) {
                        ImportOutcome::Erased
                    } else if known.contains(&address.trim().to_lowercase()) {
                        ImportOutcome::AlreadyKnown
                    } else {
                        ImportOutcome::Invite
                    };
                    (address, chosen, outcome)
                })
            })
            .collect())
    }

    /// The subscribers whose address contains `search` (any case), by address; all of them
    /// without one. A whole address whose owner was erased says when.
    pub async fn subscriber_page(
        &self,
        caller: &Principal,
        slug: &str,
        search: Option<&str>,
        request: PageRequest,
    ) -> Result<SubscriberPage, ApiError> {
        let roster = self.operated(caller, slug).await?;
        let search = search
            .map(|s| s.trim().to_lowercase())
            .filter(|s| !s.is_empty());
        let mut query =
            subscriber::Entity::find().filter(subscriber::Column::TenantId.eq(roster.tenant.id));
        if let Some(text) = &search {
            // Addresses are stored in lower case; `%` and `_` typed mean themselves.
            let escaped = text
                .replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_");
            query = query.filter(
                subscriber::Column::Email.like(LikeExpr::new(format!("%{escaped}%")).escape('\\')),
            );
        }
        let paginator = query
            .order_by_asc(subscriber::Column::Email)
            .order_by_asc(subscriber::Column::Id)
            .paginate(&self.db, request.per_page);
        let total = paginator.num_items().await.map_err(database)?;
        let items = paginator
            .fetch_page(request.index())
            .await
            .map_err(database)?;
        let stops: HashMap<String, String> = crate::service::bounces::stopped_among(
            &self.db,
            items
                .iter()
                .filter(|row| row.state == "stopped")
                .map(|row| row.email.clone()),
        )
        .await
        .map_err(ApiError::from)?
        .into_iter()
        .map(|stop| (stop.email, stop.detail.unwrap_or_default()))
        .collect();
        let erased_at = match &search {
            Some(text) if text.contains('@') => erasure::Entity::find()
                .filter(erasure::Column::TenantId.eq(roster.tenant.id))
                .filter(erasure::Column::EmailHash.eq(email_hash(text)))
                .one(&self.db)
                .await
                .map_err(database)?
                .map(|e| e.created_at),
            _ => None,
        };
        Ok(SubscriberPage {
            items: items
                .into_iter()
                .map(|row| subscriber_view_with(row, &stops))
                .collect(),
            page: request.page,
            per_page: request.per_page,
            total,
            erased_at,
        })
    }

    /// Every confirmed subscriber, by address (for an export).
    pub async fn confirmed_subscribers(
        &self,
        caller: &Principal,
        slug: &str,
    ) -> Result<Vec<SubscriberView>, ApiError> {
        let roster = self.operated(caller, slug).await?;
        Ok(subscriber::Entity::find()
            .filter(subscriber::Column::TenantId.eq(roster.tenant.id))
            .filter(subscriber::Column::State.eq("active"))
            .order_by_asc(subscriber::Column::Email)
            .all(&self.db)
            .await
            .map_err(database)?
            .into_iter()
            .map(subscriber_view)
            .collect())
    }

    async fn subscriber_row(
        &self,
        caller: &Principal,
        slug: &str,
        id: i64,
    ) -> Result<subscriber::Model, ApiError> {
        let roster = self.operated(caller, slug).await?;
        subscriber::Entity::find_by_id(id)
            .filter(subscriber::Column::TenantId.eq(roster.tenant.id))
            .one(&self.db)
            .await
            .map_err(database)?
            .ok_or_else(|| ApiError::NotFound(format!("no subscriber {id} here")))
    }

    /// One subscriber of the municipality.
    pub async fn subscriber(
        &self,
        caller: &Principal,
        slug: &str,
        id: i64,
    ) -> Result<SubscriberView, ApiError> {
        Ok(subscriber_view(
            self.subscriber_row(caller, slug, id).await?,
        ))
    }

    /// Erases a subscriber at their request, by the rule of their own erasure link: the
    /// subscription and every message to them go, only the address's hash stays.
    pub async fn erase_subscriber(
        &self,
        caller: &Principal,
        slug: &str,
        id: i64,
    ) -> Result<(), ApiError> {
        let found = self.subscriber_row(caller, slug, id).await?;
        subscriptions::erase_subscriber(&self.db, &found).await?;
        Ok(())
    }
}

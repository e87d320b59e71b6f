//! The tenants service's public read side: the views anyone may read (municipality
//! profiles, councils without contact addresses, lists), cached in memory.
//!
//! The HTTP API and the web front end both read through `TenantReads`, so they return
//! exactly the same public views, and private data cannot reach a page by this route. Every
//! write through the API invalidates what it changed; the cache's time to live bounds how
//! stale another instance behind the same load balancer can be.

use std::{sync::Arc, time::Duration};

use council_shared::{
    cache::TtlCache,
    compression::CachedBody,
    council::{CouncilDirectory, CouncilRoster, MemberContact, RosterMember},
    json_body::JsonBytes,
    pagination::PageRequest,
    tenant::{TenantDirectory, TenantRef, TenantSlug},
};
use futures_util::future::BoxFuture;
use sea_orm::DatabaseConnection;

use crate::{
    api::{
        TenantPage,
        models::{PublicCouncil, StatusFilter, TenantDetail, TenantSummary},
        views,
    },
    error::{Result, TenantsError},
    service::{council, profile, tenants},
};

/// Everything public about one municipality, with its JSON serialized and compressed once.
pub struct TenantPublicView {
    /// The municipality's id, for other services' references to it.
    pub id: i64,
    pub detail: TenantDetail,
    pub council: PublicCouncil,
    pub detail_json: CachedBody,
    pub council_json: CachedBody,
}

const MAX_ENTRIES: usize = 5_000;

pub struct TenantReads {
    db: DatabaseConnection,
    /// Held while a missing entry is loaded, so that when an entry expires under load one
    /// request reloads it and the others wait for that, instead of all querying at once.
    loading: tokio::sync::Mutex<()>,
    tenants: TtlCache<Arc<TenantPublicView>>,
    active: TtlCache<Arc<Vec<TenantSummary>>>,
    pages: TtlCache<CachedBody>,
}

impl TenantReads {
    /// The read side for a running service, with the configured time to live.
    pub fn from_context(context: &council_shared::app::Context) -> Arc<Self> {
        Self::new(
            context.db.clone(),
            Duration::from_millis(context.settings.cache.ttl_ms),
        )
    }

    pub fn new(db: DatabaseConnection, ttl: Duration) -> Arc<Self> {
        Arc::new(Self {
            db,
            loading: tokio::sync::Mutex::new(()),
            tenants: TtlCache::new(ttl, MAX_ENTRIES),
            active: TtlCache::new(ttl, 1),
            pages: TtlCache::new(ttl, MAX_ENTRIES),
        })
    }

    /// A municipality's public view, or `None` if no municipality has this slug.
    pub async fn tenant(&self, slug: &str) -> Result<Option<Arc<TenantPublicView>>> {
        if let Some(view) = self.tenants.get(slug) {
            return Ok(Some(view));
        }
        let _loading = self.loading.lock().await;
        if let Some(view) = self.tenants.get(slug) {
            return Ok(Some(view));
        }
        let tenant = match tenants::find(&self.db, slug).await {
            Ok(tenant) => tenant,
            Err(TenantsError::TenantNotFound(_)) => return Ok(None),
            Err(other) => return Err(other),
        };
        let stored_profile = profile::load(&self.db, tenant.id).await?;
        let stored_council = council::load(&self.db, tenant.id).await?;
        let detail = views::detail(&tenant, stored_profile);
        let council = views::public_council(&tenant.slug, &stored_council);
        let view = Arc::new(TenantPublicView {
            id: tenant.id,
            detail_json: JsonBytes::serialize(&detail),
            council_json: JsonBytes::serialize(&council),
            detail,
            council,
        });
        self.tenants.insert(tenant.slug, view.clone());
        Ok(Some(view))
    }

    /// Every active municipality, by slug.
    pub async fn active_tenants(&self) -> Result<Arc<Vec<TenantSummary>>> {
        if let Some(list) = self.active.get("active") {
            return Ok(list);
        }
        let _loading = self.loading.lock().await;
        if let Some(list) = self.active.get("active") {
            return Ok(list);
        }
        // The platform serves hundreds of municipalities at most (Greece has 332).
        let everything = PageRequest {
            page: 1,
            per_page: 100_000,
        };
        let (items, _) = tenants::list(&self.db, StatusFilter::Active, everything).await?;
        let list = Arc::new(items.iter().map(views::summary).collect::<Vec<_>>());
        self.active.insert("active".into(), list.clone());
        Ok(list)
    }

    /// One page of the API's list, serialized.
    pub async fn list_page(
        &self,
        filter: StatusFilter,
        request: PageRequest,
    ) -> Result<CachedBody> {
        let key = format!("{filter:?}:{}:{}", request.page, request.per_page);
        if let Some(bytes) = self.pages.get(&key) {
            return Ok(bytes);
        }
        let _loading = self.loading.lock().await;
        if let Some(bytes) = self.pages.get(&key) {
            return Ok(bytes);
        }
        let (items, total) = tenants::list(&self.db, filter, request).await?;
        let page = TenantPage::new(items.iter().map(views::summary).collect(), request, total);
        let bytes = JsonBytes::serialize(&page);
        self.pages.insert(key, bytes.clone());
        Ok(bytes)
    }

    /// Forgets everything a write to `slug` may have changed.
    pub fn invalidate(&self, slug: &str) {
        self.tenants.remove(slug);
        self.active.remove("active");
        self.pages.clear();
    }
}

impl TenantPublicView {
    /// The council as the meetings service needs it: who sits on it, without contacts.
    /// (`None` only for a stored slug that no longer parses, which saving prevents.)
    pub fn roster(&self) -> Option<CouncilRoster> {
        let name = |text: &crate::api::models::Text| {
            (
                text.el.clone(),
                text.en.clone().unwrap_or_else(|| text.el.clone()),
            )
        };
        let (council_name_el, council_name_en) = self
            .council
            .council
            .as_ref()
            .map(|c| name(&c.name))
            .unwrap_or_else(|| {
                (
                    "ΣΕΜΠ".into(),
                    "Migrant and Refugee Integration Council".into(),
                )
            });
        let (name_el, name_en) = name(&self.detail.name);
        Some(CouncilRoster {
            tenant: TenantRef {
                id: self.id,
                slug: TenantSlug::parse(&self.detail.slug).ok()?,
                name_el,
                name_en,
                active: self.detail.status == crate::api::models::TenantStatus::Active,
            },
            council_name_el,
            council_name_en,
            term_start: self.council.council.as_ref().and_then(|c| c.term_start),
            term_end: self.council.council.as_ref().and_then(|c| c.term_end),
            created_at: self.detail.created_at,
            updated_at: self
                .council
                .council
                .as_ref()
                .map_or(self.detail.updated_at, |c| {
                    c.updated_at.max(self.detail.updated_at)
                }),
            members: self
                .council
                .members
                .iter()
                .map(|m| RosterMember {
                    id: m.id,
                    full_name: m.full_name.clone(),
                    role: serde_json::to_value(m.role)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_string))
                        .unwrap_or_default(),
                    substitute: m.membership == crate::api::models::Membership::Substitute,
                    term_start: m.term_start,
                    term_end: m.term_end,
                    created_at: m.created_at,
                    updated_at: m.updated_at,
                })
                .collect(),
        })
    }
}

impl CouncilDirectory for TenantReads {
    fn roster<'a>(
        &'a self,
        slug: &'a TenantSlug,
    ) -> BoxFuture<'a, anyhow::Result<Option<CouncilRoster>>> {
        Box::pin(async move {
            Ok(self
                .tenant(slug.as_str())
                .await
                .map_err(|e| anyhow::anyhow!(e))?
                .and_then(|view| view.roster()))
        })
    }

    fn all(&self) -> BoxFuture<'_, anyhow::Result<Vec<CouncilRoster>>> {
        Box::pin(async move {
            let mut rosters = Vec::new();
            for summary in self
                .active_tenants()
                .await
                .map_err(|e| anyhow::anyhow!(e))?
                .iter()
            {
                if let Some(roster) = self
                    .tenant(&summary.slug)
                    .await
                    .map_err(|e| anyhow::anyhow!(e))?
                    .and_then(|view| view.roster())
                {
                    rosters.push(roster);
                }
            }
            Ok(rosters)
        })
    }

    fn account_email(&self, user_id: i64) -> BoxFuture<'_, anyhow::Result<Option<String>>> {
        Box::pin(async move {
            Ok(crate::identity::users::find(&self.db, user_id)
                .await
                .map_err(|e| anyhow::anyhow!(e))?
                .map(|user| user.email))
        })
    }

    fn moderator_emails(
        &self,
        tenant_id: Option<i64>,
    ) -> BoxFuture<'_, anyhow::Result<Vec<String>>> {
        Box::pin(async move {
            crate::identity::grants::administrators_or_platform(&self.db, tenant_id)
                .await
                .map_err(|e| anyhow::anyhow!(e))
        })
    }

    fn contacts<'a>(
        &'a self,
        slug: &'a TenantSlug,
    ) -> BoxFuture<'a, anyhow::Result<Vec<MemberContact>>> {
        Box::pin(async move {
            let tenant = match tenants::find(&self.db, slug.as_str()).await {
                Ok(tenant) => tenant,
                Err(TenantsError::TenantNotFound(_)) => return Ok(Vec::new()),
                Err(other) => return Err(anyhow::anyhow!(other)),
            };
            council::contacts(&self.db, tenant.id)
                .await
                .map_err(|e| anyhow::anyhow!(e))
        })
    }
}

/// Resolves slugs for other services in this process.
#[derive(Clone)]
pub struct InProcessDirectory {
    db: DatabaseConnection,
}

impl InProcessDirectory {
    pub fn new(db: DatabaseConnection) -> Self {
        Self { db }
    }
}

impl TenantDirectory for InProcessDirectory {
    fn resolve<'a>(
        &'a self,
        slug: &'a TenantSlug,
    ) -> BoxFuture<'a, anyhow::Result<Option<TenantRef>>> {
        Box::pin(async move {
            match tenants::find(&self.db, slug.as_str()).await {
                Ok(t) => Ok(Some(TenantRef {
                    id: t.id,
                    slug: slug.clone(),
                    name_el: t.name_el,
                    name_en: t.name_en,
                    active: t.status == tenants::ACTIVE,
                })),
                Err(TenantsError::TenantNotFound(_)) => Ok(None),
                Err(other) => Err(anyhow::anyhow!(other)),
            }
        })
    }
}

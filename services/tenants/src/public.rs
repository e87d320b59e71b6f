//! The tenants service's public read API for callers in the same process (the web front
//! end). It returns exactly the public views the HTTP API returns, so nothing private (such
//! as members' e-mail addresses) can reach a page by this route either.

use council_shared::tenant::{TenantDirectory, TenantRef, TenantSlug};
use futures_util::future::BoxFuture;
use sea_orm::DatabaseConnection;

use crate::{
    api::{
        models::{PublicCouncil, StatusFilter, TenantDetail, TenantSummary},
        views,
    },
    error::{Result, TenantsError},
    service::{council, profile, tenants},
};

/// Every active municipality, by slug.
pub async fn active_tenants(db: &DatabaseConnection) -> Result<Vec<TenantSummary>> {
    let all = council_shared::pagination::PageRequest {
        page: 1,
        per_page: 10_000,
    };
    let (items, _) = tenants::list(db, StatusFilter::Active, all).await?;
    Ok(items.iter().map(views::summary).collect())
}

/// A municipality's public page content, or `None` if there is no such slug.
pub async fn tenant_page(
    db: &DatabaseConnection,
    slug: &str,
) -> Result<Option<(TenantDetail, PublicCouncil)>> {
    let tenant = match tenants::find(db, slug).await {
        Ok(tenant) => tenant,
        Err(TenantsError::TenantNotFound(_)) => return Ok(None),
        Err(other) => return Err(other),
    };
    let stored_profile = profile::load(db, tenant.id).await?;
    let stored_council = council::load(db, tenant.id).await?;
    Ok(Some((
        views::detail(&tenant, stored_profile),
        views::public_council(&tenant.slug, &stored_council),
    )))
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

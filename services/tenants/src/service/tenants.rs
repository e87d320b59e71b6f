//! Municipalities: list, read, create, update, archive and restore.

use chrono::Utc;
use council_shared::{database::is_unique_violation, pagination::PageRequest};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, Set,
};

use crate::{
    api::models::StatusFilter,
    domain::{NewTenant, TenantDetails},
    entities::tenant,
    error::{Result, TenantsError},
};

pub const ACTIVE: &str = "active";
pub const ARCHIVED: &str = "archived";

#[tracing::instrument(skip(db))]
pub async fn list(
    db: &DatabaseConnection,
    filter: StatusFilter,
    page: PageRequest,
) -> Result<(Vec<tenant::Model>, u64)> {
    let mut query = tenant::Entity::find().order_by_asc(tenant::Column::Slug);
    query = match filter {
        StatusFilter::Active => query.filter(tenant::Column::Status.eq(ACTIVE)),
        StatusFilter::Archived => query.filter(tenant::Column::Status.eq(ARCHIVED)),
        StatusFilter::All => query,
    };
    let paginator = query.paginate(db, page.per_page);
    let total = paginator.num_items().await?;
    let items = paginator.fetch_page(page.index()).await?;
    Ok((items, total))
}

#[tracing::instrument(skip(db))]
pub async fn find(db: &impl ConnectionTrait, slug: &str) -> Result<tenant::Model> {
    tenant::Entity::find()
        .filter(tenant::Column::Slug.eq(slug))
        .one(db)
        .await?
        .ok_or_else(|| TenantsError::TenantNotFound(slug.to_string()))
}

/// The tenant, if it may be changed: archived municipalities are read-only until restored.
pub async fn find_writable(db: &impl ConnectionTrait, slug: &str) -> Result<tenant::Model> {
    let tenant = find(db, slug).await?;
    if tenant.status == ARCHIVED {
        return Err(TenantsError::Archived(tenant.slug));
    }
    Ok(tenant)
}

#[tracing::instrument(skip(db, new), fields(slug = %new.slug))]
pub async fn create(db: &impl ConnectionTrait, new: NewTenant) -> Result<tenant::Model> {
    let now = Utc::now();
    let details = new.details;
    let model = tenant::ActiveModel {
        slug: Set(new.slug.to_string()),
        name_el: Set(details.name.el),
        name_en: Set(details.name.en.unwrap_or_default()),
        region_el: Set(details.region.el),
        region_en: Set(details.region.en),
        website: Set(details.website),
        contact_email: Set(details.contact_email),
        status: Set(ACTIVE.into()),
        introduction_el: Set(None),
        introduction_en: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        archived_at: Set(None),
        ..Default::default()
    };
    model.insert(db).await.map_err(|error| {
        if is_unique_violation(&error) {
            TenantsError::SlugTaken(new.slug.to_string())
        } else {
            error.into()
        }
    })
}

#[tracing::instrument(skip(db, details))]
pub async fn update(
    db: &DatabaseConnection,
    slug: &str,
    details: TenantDetails,
) -> Result<tenant::Model> {
    let existing = find_writable(db, slug).await?;
    let mut model: tenant::ActiveModel = existing.into();
    model.name_el = Set(details.name.el);
    model.name_en = Set(details.name.en.unwrap_or_default());
    model.region_el = Set(details.region.el);
    model.region_en = Set(details.region.en);
    model.website = Set(details.website);
    model.contact_email = Set(details.contact_email);
    model.updated_at = Set(Utc::now());
    Ok(model.update(db).await?)
}

/// Archives or restores; doing it twice is harmless and changes nothing.
#[tracing::instrument(skip(db))]
pub async fn set_archived(
    db: &DatabaseConnection,
    slug: &str,
    archived: bool,
) -> Result<tenant::Model> {
    let existing = find(db, slug).await?;
    let wanted = if archived { ARCHIVED } else { ACTIVE };
    if existing.status == wanted {
        return Ok(existing);
    }
    let now = Utc::now();
    let mut model: tenant::ActiveModel = existing.into();
    model.status = Set(wanted.into());
    model.archived_at = Set(archived.then_some(now));
    model.updated_at = Set(now);
    Ok(model.update(db).await?)
}

pub async fn count(db: &DatabaseConnection) -> Result<u64> {
    Ok(tenant::Entity::find().count(db).await?)
}

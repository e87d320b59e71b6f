//! A municipality's profile sections, read and replaced as a whole in one transaction.

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
    TransactionSession, TransactionTrait,
};

use crate::{
    domain::{HighlightData, ProfileContent},
    entities::{highlight, key_figure, programme, tenant},
    error::Result,
    service::tenants,
};

pub const ACHIEVEMENT: &str = "achievement";
pub const GOAL: &str = "goal";

/// The stored rows of a profile, in display order.
pub struct StoredProfile {
    pub key_figures: Vec<key_figure::Model>,
    pub programmes: Vec<programme::Model>,
    pub highlights: Vec<highlight::Model>,
}

#[tracing::instrument(skip(db))]
pub async fn load(db: &impl ConnectionTrait, tenant_id: i64) -> Result<StoredProfile> {
    let key_figures = key_figure::Entity::find()
        .filter(key_figure::Column::TenantId.eq(tenant_id))
        .order_by_asc(key_figure::Column::Position)
        .all(db)
        .await?;
    let programmes = programme::Entity::find()
        .filter(programme::Column::TenantId.eq(tenant_id))
        .order_by_asc(programme::Column::Position)
        .all(db)
        .await?;
    let highlights = highlight::Entity::find()
        .filter(highlight::Column::TenantId.eq(tenant_id))
        .order_by_asc(highlight::Column::Position)
        .all(db)
        .await?;
    Ok(StoredProfile {
        key_figures,
        programmes,
        highlights,
    })
}

/// Replaces every profile section; a failure leaves the previous profile untouched.
#[tracing::instrument(skip(db, content))]
pub async fn replace(
    db: &impl TransactionTrait,
    slug: &str,
    content: ProfileContent,
) -> Result<tenant::Model> {
    let txn = council_shared::database::begin_write(db).await?;
    let existing = tenants::find_writable(&txn, slug).await?;
    let tenant_id = existing.id;

    key_figure::Entity::delete_many()
        .filter(key_figure::Column::TenantId.eq(tenant_id))
        .exec(&txn)
        .await?;
    programme::Entity::delete_many()
        .filter(programme::Column::TenantId.eq(tenant_id))
        .exec(&txn)
        .await?;
    highlight::Entity::delete_many()
        .filter(highlight::Column::TenantId.eq(tenant_id))
        .exec(&txn)
        .await?;

    for (position, figure) in content.key_figures.into_iter().enumerate() {
        key_figure::ActiveModel {
            tenant_id: Set(tenant_id),
            position: Set(position as i32),
            label_el: Set(figure.label.el),
            label_en: Set(figure.label.en),
            value: Set(figure.value),
            year: Set(figure.year),
            unit_el: Set(figure.unit.as_ref().map(|u| u.el.clone())),
            unit_en: Set(figure.unit.and_then(|u| u.en)),
            source: Set(figure.source),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }
    for (position, item) in content.programmes.into_iter().enumerate() {
        programme::ActiveModel {
            tenant_id: Set(tenant_id),
            position: Set(position as i32),
            title_el: Set(item.title.el),
            title_en: Set(item.title.en),
            description_el: Set(item.description.el),
            description_en: Set(item.description.en),
            link: Set(item.link),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }
    let highlights = content
        .achievements
        .into_iter()
        .map(|h| (ACHIEVEMENT, h))
        .chain(content.goals.into_iter().map(|h| (GOAL, h)));
    for (position, (kind, item)) in highlights.enumerate() {
        insert_highlight(&txn, tenant_id, kind, position as i32, item).await?;
    }

    let mut model: tenant::ActiveModel = existing.into();
    let (intro_el, intro_en) = match content.introduction {
        Some(text) => (Some(text.el), text.en),
        None => (None, None),
    };
    model.introduction_el = Set(intro_el);
    model.introduction_en = Set(intro_en);
    model.updated_at = Set(Utc::now());
    let updated = model.update(&txn).await?;
    txn.commit().await?;
    Ok(updated)
}

async fn insert_highlight(
    db: &impl ConnectionTrait,
    tenant_id: i64,
    kind: &str,
    position: i32,
    item: HighlightData,
) -> Result<()> {
    let (value, label_el, label_en) = match item.figure {
        Some(figure) => (Some(figure.value), Some(figure.label.el), figure.label.en),
        None => (None, None, None),
    };
    highlight::ActiveModel {
        tenant_id: Set(tenant_id),
        kind: Set(kind.into()),
        position: Set(position),
        title_el: Set(item.title.el),
        title_en: Set(item.title.en),
        description_el: Set(item.description.el),
        description_en: Set(item.description.en),
        figure_value: Set(value),
        figure_label_el: Set(label_el),
        figure_label_en: Set(label_en),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

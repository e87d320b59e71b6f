//! What the API and the pages both do: search, read one practice with its approved
//! feedback, and take a reader's feedback. The pages call these directly, so a rule
//! (what the public sees, the rate limits) lives in one place.

use council_shared::{
    ApiError,
    auth::Principal,
    validation::{Errors, email, optional_text, required_text},
};

use super::{Core, models::*, summary};
use crate::{
    domain::Bilingual,
    service::{self, community, search::SearchQuery},
};

/// One page of published practices with the counts per filter value.
pub async fn search(core: &Core, query: &SearchQuery) -> Result<PracticeSearchPage, ApiError> {
    let request = query.page;
    Ok(core
        .index
        .search(&core.db, core.directory.as_ref(), query, |hits| {
            PracticeSearchPage {
                items: hits
                    .page
                    .iter()
                    .map(|entry| summary(&entry.row, &entry.content))
                    .collect(),
                page: request.page,
                per_page: request.per_page,
                total: hits.total,
                total_pages: hits.total.div_ceil(request.per_page),
                facets: hits
                    .counts
                    .into_iter()
                    .map(|(facet, value, count)| FacetCount {
                        facet,
                        value,
                        count,
                    })
                    .collect(),
            }
        })
        .await?)
}

/// The practice at `slug` as `principal` may see it.
pub async fn detail(
    core: &Core,
    slug: &str,
    principal: Option<&Principal>,
) -> Result<PracticeDetail, ApiError> {
    let found = service::find(&core.db, slug).await?;
    core.detail(&found, principal).await
}

/// The approved feedback on a published practice, oldest first.
pub async fn approved_feedback(core: &Core, slug: &str) -> Result<Vec<FeedbackView>, ApiError> {
    let found = core.published(slug).await?;
    Ok(community::feedback(&core.db, found.id, "approved")
        .await?
        .into_iter()
        .map(super::feedback_view)
        .collect())
}

/// Takes a reader's feedback on a published practice, held for moderation: every field
/// checked at once, then the limits per client address and per e-mail address.
pub async fn send_feedback(
    core: &Core,
    slug: &str,
    client_ip: &str,
    input: &FeedbackInput,
) -> Result<(), ApiError> {
    let found = core.published(slug).await?;
    let mut errors = Errors::new();
    let name = errors
        .check("name", optional_text(input.name.as_deref(), 200))
        .flatten();
    let address = errors.check("email", email(&input.email));
    let text = errors.check("body", required_text(&input.body, 5_000));
    // An invalid name is refused like the rest, not dropped.
    let (Some(address), Some(text), true) = (address, text, errors.is_empty()) else {
        return Err(ApiError::Validation(errors.finish(|| ()).unwrap_err()));
    };
    core.feedback_per_ip.check(client_ip)?;
    core.feedback_per_email.check(&address.to_lowercase())?;
    community::give_feedback(&core.db, &found, name, address, text).await?;
    Ok(())
}

/// Municipality `tenant` (a slug) adopted the published practice at `slug`: only its
/// administrators say so, with an optional note; once per municipality.
pub async fn adopt(
    core: &Core,
    principal: &Principal,
    slug: &str,
    (tenant, note): (&str, Option<&str>),
) -> Result<AdoptionView, ApiError> {
    let found = core.published(slug).await?;
    let (tenant_id, name) = core.municipality(tenant.trim()).await?;
    if !principal.administers(tenant_id) {
        return Err(ApiError::Forbidden(
            "only the municipality's administrators mark what it adopted".into(),
        ));
    }
    let note = optional_text(note, 2_000).map_err(|message| ApiError::invalid("note", message))?;
    let adopted = community::adopt(
        &core.db,
        &crate::service::Actor::of(principal),
        &found,
        tenant_id,
        note,
    )
    .await?;
    Ok(AdoptionView {
        tenant: tenant.trim().to_string(),
        name,
        note: adopted.note,
        adopted_at: adopted.created_at,
    })
}

/// Withdraws municipality `tenant`'s adoption of the practice (its administrators).
pub async fn withdraw_adoption(
    core: &Core,
    principal: &Principal,
    slug: &str,
    tenant: &str,
) -> Result<(), ApiError> {
    let found = core.published(slug).await?;
    let (tenant_id, _) = core.municipality(tenant).await?;
    if !principal.administers(tenant_id) {
        return Err(ApiError::Forbidden(
            "only the municipality's administrators withdraw its adoption".into(),
        ));
    }
    community::withdraw_adoption(&core.db, &found, tenant_id).await?;
    Ok(())
}

/// The platform's thematic areas, in order.
pub async fn themes(core: &Core) -> Result<Vec<ThemeView>, ApiError> {
    Ok(service::themes(&core.db)
        .await?
        .into_iter()
        .map(|t| ThemeView {
            code: t.code,
            name: Bilingual {
                el: Some(t.name_el),
                en: Some(t.name_en),
            },
        })
        .collect())
}

/// The outbox: events after `after`, oldest first (in commit order).
pub async fn events_after(
    core: &Core,
    after: i64,
    limit: u64,
) -> Result<Vec<PracticeEventView>, ApiError> {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

    use crate::entities::practice_event;
    let rows = practice_event::Entity::find()
        .filter(practice_event::Column::Id.gt(after))
        .order_by_asc(practice_event::Column::Id)
        .limit(limit)
        .all(&core.db)
        .await
        .map_err(|e| {
            ApiError::Internal(anyhow::Error::new(e).context("reading practice events"))
        })?;
    Ok(rows
        .into_iter()
        .map(|e| PracticeEventView {
            id: e.id,
            practice_id: e.practice_id,
            event_type: e.event_type,
            payload: serde_json::from_str(&e.payload).unwrap_or(serde_json::Value::Null),
            created_at: e.created_at,
        })
        .collect())
}

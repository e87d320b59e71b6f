//! The life of a practice: an author drafts and submits it; a moderator reviews it and
//! publishes it, asks for changes or rejects it; a published practice gets updates through
//! the same review while its public version stays live, and may be archived. Every step is
//! recorded with who and when, and every decision is an event for the author's notice.

use chrono::{Datelike, Utc};
use council_shared::search::fold;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseBackend,
    DatabaseConnection, EntityTrait, IntoActiveModel, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect,
};
use serde::Serialize;

use super::{Actor, content_of, revisions, slug_from};
use crate::{
    domain::{Action, PracticeContent, PracticeState},
    entities::{practice, practice_event, revision, transition},
    error::{PracticesError, Result},
};

/// Creates a draft by `actor` (revision 1). `tenant_id` is the submitting municipality's;
/// the address comes from the title unless one is preferred (taken ones get `-2`, `-3`).
pub async fn create(
    db: &DatabaseConnection,
    actor: &Actor,
    content: &PracticeContent,
    tenant_id: Option<i64>,
    preferred_slug: Option<&str>,
) -> Result<practice::Model> {
    let title = content
        .title
        .en
        .as_deref()
        .or(content.title.el.as_deref())
        .unwrap_or_default();
    let base = preferred_slug.map_or_else(|| slug_from(title), str::to_string);
    let taken: Vec<String> = practice::Entity::find()
        .filter(practice::Column::Slug.starts_with(&base))
        .select_only()
        .column(practice::Column::Slug)
        .into_tuple()
        .all(db)
        .await?;
    let slug = (1..)
        .map(|n| {
            if n == 1 {
                base.clone()
            } else {
                format!("{base}-{n}")
            }
        })
        // `new` is the workspace's address for starting a practice.
        .find(|candidate| !taken.contains(candidate) && candidate != "new")
        .expect("an unused address");
    let now = Utc::now();
    let txn = council_shared::database::begin_write(db).await?;
    let created = practice::ActiveModel {
        slug: Set(slug),
        author_user_id: Set(actor.user_id),
        tenant_id: Set(tenant_id),
        state: Set(PracticeState::Draft.as_str().into()),
        published_revision: Set(None),
        search_title: Set(String::new()),
        search_body: Set(String::new()),
        created_at: Set(now),
        updated_at: Set(now),
        published_at: Set(None),
        archived_at: Set(None),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    new_revision(&txn, &created, 1, actor, content).await?;
    record(&txn, &created, 1, None, PracticeState::Draft, actor, None).await?;
    txn.commit().await?;
    Ok(created)
}

async fn new_revision(
    txn: &impl ConnectionTrait,
    practice: &practice::Model,
    number: i32,
    actor: &Actor,
    content: &PracticeContent,
) -> Result<()> {
    let now = Utc::now();
    revision::ActiveModel {
        practice_id: Set(practice.id),
        number: Set(number),
        content: Set(serde_json::to_string(content).map_err(anyhow::Error::from)?),
        created_by_user_id: Set(actor.user_id),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    Ok(())
}

#[allow(clippy::too_many_arguments)] // one per recorded column
async fn record(
    txn: &impl ConnectionTrait,
    practice: &practice::Model,
    revision: i32,
    from: Option<PracticeState>,
    to: PracticeState,
    actor: &Actor,
    note: Option<String>,
) -> Result<()> {
    transition::ActiveModel {
        practice_id: Set(practice.id),
        revision: Set(revision),
        from_state: Set(from.map(|s| s.as_str().to_string())),
        to_state: Set(to.as_str().into()),
        actor_user_id: Set(actor.user_id),
        actor_name: Set(actor.name.clone()),
        note: Set(note),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    Ok(())
}

fn state_of(practice: &practice::Model) -> Result<PracticeState> {
    Ok(PracticeState::from_db(&practice.state)?)
}

fn check(actor: &Actor, practice: &practice::Model, action: Action) -> Result<PracticeState> {
    let allowed_to = if action.is_moderation() {
        actor.moderates(practice)
    } else {
        actor.edits(practice)
    };
    if !allowed_to {
        return Err(PracticesError::Forbidden(if action.is_moderation() {
            "only a platform administrator, or an administrator of the municipality that submitted it, moderates a practice".into()
        } else {
            "only the practice's author and its moderators may change it".into()
        }));
    }
    let state = state_of(practice)?;
    let has_published = practice.published_revision.is_some();
    if !state.allowed(has_published).contains(&action) {
        return Err(PracticesError::transition(state, action, has_published));
    }
    Ok(state)
}

/// Saves new content. A draft or a returned practice is changed in place; a published (or
/// rejected update of a published) practice gets a new draft revision, and its public
/// version stays as it is until a moderator publishes the update.
pub async fn update(
    db: &DatabaseConnection,
    actor: &Actor,
    existing: practice::Model,
    content: &PracticeContent,
    tenant_id: Option<i64>,
) -> Result<practice::Model> {
    let state = check(actor, &existing, Action::Edit)?;
    let txn = council_shared::database::begin_write(db).await?;
    let latest = revisions(&txn, existing.id)
        .await?
        .pop()
        .ok_or_else(|| anyhow::anyhow!("a practice without revisions"))?;
    let number = if matches!(
        state,
        PracticeState::Draft | PracticeState::ChangesRequested
    ) {
        let mut row = latest.into_active_model();
        row.content = Set(serde_json::to_string(content).map_err(anyhow::Error::from)?);
        row.updated_at = Set(Utc::now());
        let saved = row.update(&txn).await?;
        saved.number
    } else {
        new_revision(&txn, &existing, latest.number + 1, actor, content).await?;
        latest.number + 1
    };
    let mut row = existing.clone().into_active_model();
    row.tenant_id = Set(tenant_id);
    row.updated_at = Set(Utc::now());
    if state != PracticeState::Draft {
        row.state = Set(PracticeState::Draft.as_str().into());
    }
    let saved = row.update(&txn).await?;
    if state != PracticeState::Draft {
        record(
            &txn,
            &saved,
            number,
            Some(state),
            PracticeState::Draft,
            actor,
            None,
        )
        .await?;
    }
    txn.commit().await?;
    Ok(saved)
}

/// What the author hears of (the notifications service reads these events).
#[derive(Debug, Serialize)]
pub struct DecisionEvent {
    pub practice_id: i64,
    pub slug: String,
    /// The title of the version decided on (Greek, else English), for the author's message.
    pub title: String,
    pub author_user_id: i64,
    pub state: String,
    pub note: Option<String>,
    pub by: String,
    /// The submitting municipality, whose administrators moderate it (none: the platform's).
    pub tenant_id: Option<i64>,
    /// The organisation named in the version decided on, for the moderators' message.
    pub organisation: String,
    /// An update of a practice already published.
    pub update: bool,
}

/// Moves the practice on by `action`; requested changes and rejections need a `note`.
pub async fn act(
    db: &DatabaseConnection,
    actor: &Actor,
    existing: practice::Model,
    action: Action,
    note: Option<String>,
) -> Result<practice::Model> {
    let from = check(actor, &existing, action)?;
    if matches!(action, Action::RequestChanges | Action::Reject) && note.is_none() {
        return Err(PracticesError::invalid(
            "note",
            council_shared::validation::Invalid::new(
                "required",
                "say what should change, or why the practice is rejected",
            ),
        ));
    }
    let to = PracticeState::after(action);
    let txn = council_shared::database::begin_write(db).await?;
    let latest = revisions(&txn, existing.id)
        .await?
        .pop()
        .ok_or_else(|| anyhow::anyhow!("a practice without revisions"))?;
    let now = Utc::now();
    let mut row = existing.clone().into_active_model();
    row.state = Set(to.as_str().into());
    row.updated_at = Set(now);
    match action {
        Action::Publish => {
            let content = content_of(&latest)?;
            row.published_revision = Set(Some(latest.number));
            row.published_at = Set(Some(existing.published_at.unwrap_or(now)));
            row.search_title = Set(fold(&content.title.both()));
            row.search_body = Set(fold(&content.body_text()));
        }
        Action::Archive => row.archived_at = Set(Some(now)),
        _ => {}
    }
    let saved = row.update(&txn).await?;
    record(
        &txn,
        &saved,
        latest.number,
        Some(from),
        to,
        actor,
        note.clone(),
    )
    .await?;
    if action.is_moderation() || action == Action::Submit {
        let content = content_of(&latest)?;
        let title = content.title;
        emit(
            &txn,
            &format!("practice.{}", to.as_str()),
            &DecisionEvent {
                practice_id: saved.id,
                slug: saved.slug.clone(),
                title: title.el.or(title.en).unwrap_or_default(),
                author_user_id: saved.author_user_id,
                state: to.as_str().into(),
                note,
                by: actor.name.clone(),
                tenant_id: saved.tenant_id,
                organisation: content.organisation.name,
                update: saved.published_revision.is_some(),
            },
        )
        .await?;
    }
    txn.commit().await?;
    Ok(saved)
}

const OUTBOX_LOCK: i64 = 0x5E3F_0B0D;

/// Writes an event in the caller's transaction; on PostgreSQL one writer at a time, so
/// event ids are in commit order and a reader's cursor never skips one.
async fn emit(txn: &impl ConnectionTrait, event_type: &str, event: &DecisionEvent) -> Result<()> {
    if txn.get_database_backend() == DatabaseBackend::Postgres {
        txn.execute_unprepared(&format!("SELECT pg_advisory_xact_lock({OUTBOX_LOCK})"))
            .await?;
    }
    practice_event::ActiveModel {
        practice_id: Set(event.practice_id),
        event_type: Set(event_type.into()),
        payload: Set(serde_json::to_string(event).map_err(anyhow::Error::from)?),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    Ok(())
}

/// The filter values of a published version: `(facet, value)`.
pub fn facet_values(content: &PracticeContent) -> Vec<(&'static str, String)> {
    let mut values: Vec<(&'static str, String)> = Vec::new();
    if let Some(sector) = content.sector {
        values.push(("sector", sector.as_str().into()));
    }
    values.extend(content.thematic_areas.iter().map(|t| ("theme", t.clone())));
    values.extend(
        content
            .audiences
            .iter()
            .map(|a| ("audience", a.as_str().into())),
    );
    values.extend(content.sdgs.iter().map(|g| ("sdg", g.to_string())));
    let mut places = content.locations.clone();
    if let Some(own) = &content.organisation.tenant
        && !places.contains(own)
    {
        places.push(own.clone());
    }
    values.extend(places.into_iter().map(|p| ("municipality", p)));
    values.extend(
        content
            .years(Utc::now().year())
            .into_iter()
            .map(|y| ("year", y.to_string())),
    );
    values
}

/// Every recorded step, oldest first.
pub async fn history(
    db: &impl ConnectionTrait,
    practice_id: i64,
) -> Result<Vec<transition::Model>> {
    Ok(transition::Entity::find()
        .filter(transition::Column::PracticeId.eq(practice_id))
        .order_by_asc(transition::Column::Id)
        .all(db)
        .await?)
}

/// How many practices exist (the demo loader's guard).
pub async fn count(db: &impl ConnectionTrait) -> Result<u64> {
    Ok(practice::Entity::find().count(db).await?)
}

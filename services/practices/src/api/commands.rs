//! What an author does to a practice, for the API and the workspace's pages alike: start a
//! draft, save it (at any point: only the title is needed), and submit it (then every
//! required field must be there). One set of rules and one permission check for both.

use council_shared::{ApiError, auth::Principal};

use super::Core;
use crate::{
    domain::{Action, Completeness, PracticeContent},
    entities::{practice, revision},
    service::{self, Actor, content_of, lifecycle},
};

/// A new draft by `caller`.
pub async fn create_draft(
    core: &Core,
    caller: &Principal,
    input: &PracticeContent,
) -> Result<practice::Model, ApiError> {
    let actor = Actor::of(caller);
    let (content, tenant_id) = core
        .validated(input, &actor, None, Completeness::Draft)
        .await?;
    Ok(lifecycle::create(&core.db, &actor, &content, tenant_id, None).await?)
}

/// The practice at `slug` if `caller` may change it (its author, its municipality's
/// practice authors, its moderators).
pub async fn editable(
    core: &Core,
    caller: &Principal,
    slug: &str,
) -> Result<practice::Model, ApiError> {
    let existing = service::find(&core.db, slug).await?;
    if !Actor::of(caller).edits(&existing) {
        return Err(ApiError::Forbidden(
            "only the practice's author and its moderators may change it".into(),
        ));
    }
    Ok(existing)
}

/// The version being worked on: the newest revision and its content.
pub async fn working(
    core: &Core,
    practice: &practice::Model,
) -> Result<(revision::Model, PracticeContent), ApiError> {
    let latest = service::revisions(&core.db, practice.id)
        .await?
        .pop()
        .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("a practice without revisions")))?;
    let content = content_of(&latest)?;
    Ok((latest, content))
}

/// What a form remembers of the version it was opened on, to refuse overwriting a change
/// someone else saved meanwhile.
pub fn version_of(revision: &revision::Model) -> String {
    format!(
        "{}-{}",
        revision.number,
        revision.updated_at.timestamp_micros()
    )
}

/// Saves `input` as the practice's working version: a draft in place, or a new revision of
/// a published practice (whose public version stays until the update is published).
pub async fn save_draft(
    core: &Core,
    caller: &Principal,
    slug: &str,
    input: &PracticeContent,
    seen: Option<&str>,
) -> Result<practice::Model, ApiError> {
    let existing = editable(core, caller, slug).await?;
    let actor = Actor::of(caller);
    if let Some(seen) = seen {
        let (latest, _) = working(core, &existing).await?;
        if version_of(&latest) != seen {
            return Err(ApiError::Conflict(
                council_shared::validation::Invalid::new(
                    council_shared::conflict::CHANGED_MEANWHILE,
                    "the practice was changed by someone else since this copy was opened",
                ),
            ));
        }
    }
    let (content, tenant_id) = core
        .validated(input, &actor, Some(&existing), Completeness::Draft)
        .await?;
    let saved = lifecycle::update(&core.db, &actor, existing, &content, tenant_id).await?;
    Ok(saved)
}

/// Sends the working version to the moderators, once every required field is filled in
/// (422 naming each missing one otherwise).
pub async fn submit(
    core: &Core,
    caller: &Principal,
    slug: &str,
) -> Result<practice::Model, ApiError> {
    let existing = editable(core, caller, slug).await?;
    let actor = Actor::of(caller);
    let (_, content) = working(core, &existing).await?;
    core.validated(&content, &actor, Some(&existing), Completeness::Submission)
        .await?;
    let saved = lifecycle::act(&core.db, &actor, existing, Action::Submit, None).await?;
    core.index.invalidate();
    Ok(saved)
}

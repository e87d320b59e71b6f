//! The practices service's functions: the life of a practice (`lifecycle`), what the public
//! finds (`search`), and the platform's list of thematic areas.

pub mod community;
pub mod files;
pub mod index;
pub mod lifecycle;
pub mod moderation;
pub mod search;
pub mod themes;

use council_shared::auth::{Principal, Role};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::{
    domain::PracticeContent,
    entities::{practice, revision, theme},
    error::{PracticesError, Result},
};

/// Who is acting, as far as practices care.
#[derive(Debug, Clone)]
pub struct Actor {
    pub user_id: i64,
    pub name: String,
    pub platform_admin: bool,
    /// Municipalities (ids) the actor administers.
    pub administers: Vec<i64>,
    /// Municipalities (ids) the actor writes practices for (the `practice_author` role).
    pub writes_for: Vec<i64>,
}

impl Actor {
    pub fn of(principal: &Principal) -> Self {
        Self {
            user_id: principal.user_id,
            name: principal
                .display_name
                .clone()
                .unwrap_or_else(|| principal.email.clone()),
            platform_admin: principal.is_platform_admin(),
            administers: principal
                .grants
                .iter()
                .filter(|g| g.role == Role::TenantAdmin)
                .filter_map(|g| g.tenant_id)
                .collect(),
            writes_for: principal
                .grants
                .iter()
                .filter(|g| g.role == Role::PracticeAuthor)
                .filter_map(|g| g.tenant_id)
                .collect(),
        }
    }

    /// May submit practices in the name of municipality `tenant_id`.
    pub fn speaks_for(&self, tenant_id: i64) -> bool {
        self.platform_admin
            || self.administers.contains(&tenant_id)
            || self.writes_for.contains(&tenant_id)
    }

    /// A moderator: a platform administrator, or an administrator of the municipality that
    /// submitted the practice.
    pub fn moderates(&self, practice: &practice::Model) -> bool {
        self.platform_admin
            || practice
                .tenant_id
                .is_some_and(|t| self.administers.contains(&t))
    }

    /// The author, the municipality's practice authors (their organisation's drafts), or a
    /// moderator (who may also correct a submission).
    pub fn edits(&self, practice: &practice::Model) -> bool {
        practice.author_user_id == self.user_id
            || self.moderates(practice)
            || practice.tenant_id.is_some_and(|t| self.speaks_for(t))
    }
}

pub async fn find(db: &impl ConnectionTrait, slug: &str) -> Result<practice::Model> {
    practice::Entity::find()
        .filter(practice::Column::Slug.eq(slug))
        .one(db)
        .await?
        .ok_or_else(|| PracticesError::NotFound(slug.to_string()))
}

/// The practices `actor` works on, with their newest revision, most recently changed
/// first: those they wrote, and those of the municipalities they write for or administer.
pub async fn worked_on_by(
    db: &impl ConnectionTrait,
    actor: &Actor,
) -> Result<Vec<(practice::Model, revision::Model)>> {
    use sea_orm::Condition;
    let municipalities: Vec<i64> = actor
        .writes_for
        .iter()
        .chain(&actor.administers)
        .copied()
        .collect();
    let rows = practice::Entity::find()
        .filter(
            Condition::any()
                .add(practice::Column::AuthorUserId.eq(actor.user_id))
                .add(practice::Column::TenantId.is_in(municipalities)),
        )
        .order_by_desc(practice::Column::UpdatedAt)
        .order_by_desc(practice::Column::Id)
        .all(db)
        .await?;
    let mut newest: std::collections::HashMap<i64, revision::Model> = Default::default();
    for row in revision::Entity::find()
        .filter(revision::Column::PracticeId.is_in(rows.iter().map(|r| r.id)))
        .all(db)
        .await?
    {
        if newest
            .get(&row.practice_id)
            .is_none_or(|held| held.number < row.number)
        {
            newest.insert(row.practice_id, row);
        }
    }
    Ok(rows
        .into_iter()
        .filter_map(|p| {
            let latest = newest.remove(&p.id)?;
            Some((p, latest))
        })
        .collect())
}

pub async fn revisions(
    db: &impl ConnectionTrait,
    practice_id: i64,
) -> Result<Vec<revision::Model>> {
    Ok(revision::Entity::find()
        .filter(revision::Column::PracticeId.eq(practice_id))
        .order_by_asc(revision::Column::Number)
        .all(db)
        .await?)
}

pub fn content_of(row: &revision::Model) -> Result<PracticeContent> {
    serde_json::from_str(&row.content).map_err(|e| {
        PracticesError::Internal(anyhow::Error::new(e).context("stored practice content"))
    })
}

/// The platform's thematic areas, in their order.
pub async fn themes(db: &impl ConnectionTrait) -> Result<Vec<theme::Model>> {
    Ok(theme::Entity::find()
        .order_by_asc(theme::Column::Position)
        .all(db)
        .await?)
}

/// An address for a new practice from its title: Greek transliterated, lower case, words
/// joined by hyphens.
pub fn slug_from(title: &str) -> String {
    const GREEK: [(&str, &str); 24] = [
        ("α", "a"),
        ("β", "v"),
        ("γ", "g"),
        ("δ", "d"),
        ("ε", "e"),
        ("ζ", "z"),
        ("η", "i"),
        ("θ", "th"),
        ("ι", "i"),
        ("κ", "k"),
        ("λ", "l"),
        ("μ", "m"),
        ("ν", "n"),
        ("ξ", "x"),
        ("ο", "o"),
        ("π", "p"),
        ("ρ", "r"),
        ("σ", "s"),
        ("τ", "t"),
        ("υ", "y"),
        ("φ", "f"),
        ("χ", "ch"),
        ("ψ", "ps"),
        ("ω", "o"),
    ];
    let folded = council_shared::search::fold(title);
    let mut slug = String::new();
    for c in folded.chars() {
        let mut buffer = [0u8; 4];
        let letter = &*c.encode_utf8(&mut buffer);
        match GREEK.iter().find(|(g, _)| *g == letter) {
            Some((_, latin)) => slug.push_str(latin),
            None if c.is_ascii_alphanumeric() => slug.push(c),
            None => {
                if !slug.ends_with('-') {
                    slug.push('-');
                }
            }
        }
    }
    let slug: String = slug.trim_matches('-').chars().take(80).collect();
    let slug = slug.trim_end_matches('-').to_string();
    if slug.is_empty() {
        "practice".into()
    } else {
        slug
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_greek_title_becomes_a_latin_address() {
        assert_eq!(
            slug_from("Κέντρα Αλληλεγγύης SolidarityNow"),
            "kentra-allileggyis-solidaritynow"
        );
        assert_eq!(slug_from("  !!  "), "practice");
    }
}

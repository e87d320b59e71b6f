//! The platform's thematic areas, edited by its administrators: add, rename, reorder, and
//! remove one that no version of any practice uses.

use council_shared::FieldError;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
    QuerySelect,
};

use super::content_of;
use crate::{
    domain::Bilingual,
    entities::{revision, theme},
    error::{PracticesError, Result},
};

/// Both names are required: the filters show one per language.
fn names(name: &Bilingual, errors: &mut Vec<FieldError>) -> (String, String) {
    let mut one = |text: &Option<String>, field: &str| {
        let given = text.as_deref().unwrap_or_default();
        match council_shared::validation::required_text(given, NAME_MAX) {
            Ok(trimmed) => trimmed,
            Err(invalid) => {
                errors.push(FieldError::new(field, invalid));
                given.trim().to_string()
            }
        }
    };
    (one(&name.el, "name.el"), one(&name.en, "name.en"))
}

/// A thematic area's name in each language is at most this long.
pub const NAME_MAX: usize = 100;

/// The practices (their ids) that some version names thematic area `code` in.
pub async fn practices_using(db: &impl ConnectionTrait, code: &str) -> Result<Vec<i64>> {
    // The JSON text narrows the candidates; parsing the content decides.
    let candidates = revision::Entity::find()
        .filter(revision::Column::Content.contains(format!("\"{code}\"")))
        .all(db)
        .await?;
    let mut using: Vec<i64> = Vec::new();
    for row in &candidates {
        if content_of(row)?.thematic_areas.iter().any(|t| t == code)
            && !using.contains(&row.practice_id)
        {
            using.push(row.practice_id);
        }
    }
    Ok(using)
}

/// What is wrong with a new thematic area's code (nothing: empty).
pub fn code_errors(code: &str) -> Vec<FieldError> {
    let code = code.trim();
    let valid_code = (2..=40).contains(&code.len())
        && code.starts_with(|c: char| c.is_ascii_lowercase())
        && code
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if code.is_empty() {
        vec![FieldError::new(
            "code",
            council_shared::validation::Invalid::required(),
        )]
    } else if !valid_code {
        vec![FieldError::new(
            "code",
            council_shared::validation::Invalid::new(
                "theme_code",
                "2 to 40 lower-case Latin letters, digits and `_`, starting with a letter",
            ),
        )]
    } else {
        Vec::new()
    }
}

/// What is wrong with a thematic area's names (nothing: empty).
pub fn name_errors(name: &Bilingual) -> Vec<FieldError> {
    let mut errors = Vec::new();
    names(name, &mut errors);
    errors
}

pub async fn add(
    db: &impl ConnectionTrait,
    code: &str,
    name: &Bilingual,
    position: Option<i32>,
) -> Result<theme::Model> {
    let code = code.trim();
    let mut errors = code_errors(code);
    let (name_el, name_en) = names(name, &mut errors);
    if !errors.is_empty() {
        return Err(PracticesError::Invalid(errors));
    }
    if theme::Entity::find_by_id(code).one(db).await?.is_some() {
        return Err(PracticesError::Conflict(
            council_shared::validation::Invalid::new(
                council_shared::conflict::THEME_EXISTS,
                format!("a thematic area with the code `{code}` exists"),
            )
            .with("code", code),
        ));
    }
    let position = match position {
        Some(p) => p,
        None => {
            let last: Option<Option<i32>> = theme::Entity::find()
                .select_only()
                .column_as(theme::Column::Position.max(), "max")
                .into_tuple()
                .one(db)
                .await?;
            last.flatten().unwrap_or(0) + 1
        }
    };
    Ok(theme::ActiveModel {
        code: Set(code.to_string()),
        name_el: Set(name_el),
        name_en: Set(name_en),
        position: Set(position),
    }
    .insert(db)
    .await?)
}

pub async fn find(db: &impl ConnectionTrait, code: &str) -> Result<theme::Model> {
    theme::Entity::find_by_id(code)
        .one(db)
        .await?
        .ok_or_else(|| PracticesError::NotFound(format!("thematic area `{code}`")))
}

/// A thematic area's version as a form carries it: what it holds now, hashed (the table
/// keeps no time of change). The hash has fixed keys, the same in every instance.
pub fn version(row: &theme::Model) -> String {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::hash::DefaultHasher::new();
    (&row.name_el, &row.name_en, row.position).hash(&mut hasher);
    format!("{:016x}", hasher.finish())
}

/// Renames or moves a thematic area. `seen`: the version the form showed, when there was
/// a form (a copy changed meanwhile is refused).
pub async fn change(
    db: &impl ConnectionTrait,
    code: &str,
    name: &Bilingual,
    position: Option<i32>,
    seen: Option<&str>,
) -> Result<theme::Model> {
    let found = find(db, code).await?;
    let mut errors = Vec::new();
    let (name_el, name_en) = names(name, &mut errors);
    if !errors.is_empty() {
        return Err(PracticesError::Invalid(errors));
    }
    if seen.is_some_and(|seen| seen != version(&found)) {
        return Err(PracticesError::Conflict(
            council_shared::validation::Invalid::new(
                council_shared::conflict::CHANGED_MEANWHILE,
                format!(
                    "the thematic area `{code}` was changed by someone else since this form was opened"
                ),
            ),
        ));
    }
    let mut row: theme::ActiveModel = found.into();
    row.name_el = Set(name_el);
    row.name_en = Set(name_en);
    if let Some(position) = position {
        row.position = Set(position);
    }
    Ok(row.update(db).await?)
}

/// Removes a thematic area that no revision of any practice names (409 otherwise, with
/// how many practices use it).
pub async fn remove(db: &impl ConnectionTrait, code: &str) -> Result<()> {
    find(db, code).await?;
    let using = practices_using(db, code).await?;
    if !using.is_empty() {
        return Err(PracticesError::Conflict(
            council_shared::validation::Invalid::new(
                council_shared::conflict::THEME_IN_USE,
                format!(
                    "{} practice(s) use the thematic area `{code}`: take it out of them first",
                    using.len()
                ),
            )
            .with("count", using.len())
            .with("code", code),
        ));
    }
    theme::Entity::delete_by_id(code).exec(db).await?;
    Ok(())
}

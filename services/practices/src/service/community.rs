//! What other cities and the public add to a published practice: feedback ("tell us your
//! opinion"), held until a moderator approves it, and adoptions ("we adopted this") by
//! municipalities, which the practice then shows.

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, IntoActiveModel, PaginatorTrait, QueryFilter, QueryOrder,
};

use super::Actor;
use crate::{
    entities::{adoption, feedback, practice},
    error::{PracticesError, Result},
};

/// A visitor's message, saved as pending.
pub async fn give_feedback(
    db: &DatabaseConnection,
    practice: &practice::Model,
    name: Option<String>,
    email: String,
    body: String,
) -> Result<feedback::Model> {
    Ok(feedback::ActiveModel {
        practice_id: Set(practice.id),
        name: Set(name),
        email: Set(email),
        body: Set(body),
        state: Set("pending".into()),
        created_at: Set(Utc::now()),
        moderated_at: Set(None),
        moderated_by_user_id: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?)
}

/// The practice's feedback in `state`, oldest first.
pub async fn feedback(
    db: &impl ConnectionTrait,
    practice_id: i64,
    state: &str,
) -> Result<Vec<feedback::Model>> {
    Ok(feedback::Entity::find()
        .filter(feedback::Column::PracticeId.eq(practice_id))
        .filter(feedback::Column::State.eq(state))
        .order_by_asc(feedback::Column::Id)
        .all(db)
        .await?)
}

/// How many messages on the practice are shown.
pub async fn approved_count(db: &impl ConnectionTrait, practice_id: i64) -> Result<u64> {
    Ok(feedback::Entity::find()
        .filter(feedback::Column::PracticeId.eq(practice_id))
        .filter(feedback::Column::State.eq("approved"))
        .count(db)
        .await?)
}

/// Approves (shows) or rejects a pending message.
pub async fn moderate_feedback(
    db: &DatabaseConnection,
    actor: &Actor,
    practice: &practice::Model,
    id: i64,
    approve: bool,
) -> Result<feedback::Model> {
    let found = feedback::Entity::find_by_id(id)
        .filter(feedback::Column::PracticeId.eq(practice.id))
        .one(db)
        .await?
        .ok_or_else(|| PracticesError::NotFound(format!("{}/feedback/{id}", practice.slug)))?;
    if found.state != "pending" {
        return Err(PracticesError::Conflict(
            council_shared::validation::Invalid::new(
                council_shared::conflict::FEEDBACK_ANSWERED,
                format!("this feedback was already {}", found.state),
            ),
        ));
    }
    let mut row = found.into_active_model();
    row.state = Set(if approve { "approved" } else { "rejected" }.into());
    row.moderated_at = Set(Some(Utc::now()));
    row.moderated_by_user_id = Set(Some(actor.user_id));
    Ok(row.update(db).await?)
}

/// Records that municipality `tenant_id` adopted the practice (once; again is a 409).
pub async fn adopt(
    db: &DatabaseConnection,
    actor: &Actor,
    practice: &practice::Model,
    tenant_id: i64,
    note: Option<String>,
) -> Result<adoption::Model> {
    let exists = adoption::Entity::find()
        .filter(adoption::Column::PracticeId.eq(practice.id))
        .filter(adoption::Column::TenantId.eq(tenant_id))
        .one(db)
        .await?;
    if exists.is_some() {
        return Err(PracticesError::Conflict(
            council_shared::validation::Invalid::new(
                council_shared::conflict::ALREADY_ADOPTED,
                "this municipality has already marked the practice as adopted",
            ),
        ));
    }
    Ok(adoption::ActiveModel {
        practice_id: Set(practice.id),
        tenant_id: Set(tenant_id),
        note: Set(note),
        adopted_by_user_id: Set(actor.user_id),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await?)
}

pub async fn withdraw_adoption(
    db: &DatabaseConnection,
    practice: &practice::Model,
    tenant_id: i64,
) -> Result<()> {
    let result = adoption::Entity::delete_many()
        .filter(adoption::Column::PracticeId.eq(practice.id))
        .filter(adoption::Column::TenantId.eq(tenant_id))
        .exec(db)
        .await?;
    if result.rows_affected == 0 {
        return Err(PracticesError::NotFound(format!(
            "{}: no adoption by this municipality",
            practice.slug
        )));
    }
    Ok(())
}

/// Who adopted the practice, first adopters first.
pub async fn adoptions(
    db: &impl ConnectionTrait,
    practice_id: i64,
) -> Result<Vec<adoption::Model>> {
    Ok(adoption::Entity::find()
        .filter(adoption::Column::PracticeId.eq(practice_id))
        .order_by_asc(adoption::Column::Id)
        .all(db)
        .await?)
}

//! Users: one per e-mail address, linked to the provider identities they signed in with.

use chrono::Utc;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

use crate::{
    entities::{user, user_identity},
    error::Result,
};

pub async fn find_by_email(db: &impl ConnectionTrait, email: &str) -> Result<Option<user::Model>> {
    Ok(user::Entity::find()
        .filter(user::Column::Email.eq(super::normalise_email(email)))
        .one(db)
        .await?)
}

pub async fn find(db: &impl ConnectionTrait, id: i64) -> Result<Option<user::Model>> {
    Ok(user::Entity::find_by_id(id).one(db).await?)
}

/// The user with this address, created if there is none yet.
pub async fn find_or_create(
    db: &impl ConnectionTrait,
    email: &str,
    display_name: Option<&str>,
) -> Result<user::Model> {
    let email = super::normalise_email(email);
    if let Some(found) = find_by_email(db, &email).await? {
        if found.display_name.is_none() && display_name.is_some() {
            let mut model: user::ActiveModel = found.into();
            model.display_name = Set(display_name.map(str::to_string));
            return Ok(model.update(db).await?);
        }
        return Ok(found);
    }
    let created = user::ActiveModel {
        email: Set(email.clone()),
        display_name: Set(display_name.map(|n| n.chars().take(200).collect())),
        created_at: Set(Utc::now()),
        last_sign_in_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await;
    match created {
        Ok(model) => Ok(model),
        // Two first sign-ins with one address at the same moment: the other one won.
        Err(error) if council_shared::database::is_unique_violation(&error) => {
            find_by_email(db, &email)
                .await?
                .ok_or_else(|| anyhow::anyhow!("user {email} vanished").into())
        }
        Err(error) => Err(error.into()),
    }
}

/// The user a provider's (issuer, subject) belongs to, if they signed in with it before.
pub async fn find_by_identity(
    db: &impl ConnectionTrait,
    issuer: &str,
    subject: &str,
) -> Result<Option<user::Model>> {
    let Some(identity) = user_identity::Entity::find()
        .filter(user_identity::Column::Issuer.eq(issuer))
        .filter(user_identity::Column::Subject.eq(subject))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    find(db, identity.user_id).await
}

pub async fn link_identity(
    db: &impl ConnectionTrait,
    user_id: i64,
    issuer: &str,
    subject: &str,
) -> Result<()> {
    let inserted = user_identity::ActiveModel {
        user_id: Set(user_id),
        issuer: Set(issuer.to_string()),
        subject: Set(subject.to_string()),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await;
    match inserted {
        Ok(_) => Ok(()),
        Err(error) if council_shared::database::is_unique_violation(&error) => Ok(()),
        Err(error) => Err(error.into()),
    }
}

pub async fn record_sign_in(db: &impl ConnectionTrait, user: user::Model) -> Result<user::Model> {
    let mut model: user::ActiveModel = user.into();
    model.last_sign_in_at = Set(Some(Utc::now()));
    Ok(model.update(db).await?)
}

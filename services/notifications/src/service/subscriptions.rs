//! Residents' subscriptions: double opt-in (nothing but the confirmation is sent until its
//! link is followed; unconfirmed requests expire), preferences and unsubscribing by the
//! secret in their links, and erasure that leaves only a hash of the address.

use chrono::{Duration, Utc};
use rand::RngCore;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};
use sha2::{Digest, Sha256};

use crate::{
    domain::{Cadence, Topic, topics_text},
    entities::{delivery, digest_item, erasure, subscriber},
    error::{NotificationsError, Result},
};

/// A new secret for a subscriber's links: 32 random bytes, hex.
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    hex::encode(bytes)
}

pub fn email_hash(email: &str) -> String {
    hex::encode(Sha256::digest(email.trim().to_lowercase().as_bytes()))
}

/// What a subscription request found, so the caller knows which message to send; the
/// requester is told the same in every case.
pub enum Requested {
    /// New, or still unconfirmed: send (again) the confirmation.
    Confirm(subscriber::Model),
    /// Already confirmed: send a reminder with the preferences link instead.
    AlreadyActive(subscriber::Model),
}

/// What a subscriber asked for.
pub struct Choice {
    pub topics: Vec<Topic>,
    pub language: String,
    pub cadence: Cadence,
}

/// A resident asks to subscribe from the client address `from` (kept with the time as the
/// proof of their consent, with the address it is confirmed from).
pub async fn request(
    db: &impl ConnectionTrait,
    tenant_id: i64,
    email: &str,
    choice: &Choice,
    confirm_hours: u32,
    from: &str,
) -> Result<Requested> {
    let email = email.trim().to_lowercase();
    let now = Utc::now();
    let existing = subscriber::Entity::find()
        .filter(subscriber::Column::TenantId.eq(tenant_id))
        .filter(subscriber::Column::Email.eq(&email))
        .one(db)
        .await?;
    match existing {
        Some(found) if found.state == "active" => Ok(Requested::AlreadyActive(found)),
        Some(found) => {
            // Unconfirmed: the newest choice wins and the link is valid again.
            let mut row: subscriber::ActiveModel = found.into();
            row.topics = Set(topics_text(&choice.topics));
            row.language = Set(choice.language.clone());
            row.cadence = Set(choice.cadence.as_str().into());
            row.expires_at = Set(Some(now + Duration::hours(confirm_hours.into())));
            row.updated_at = Set(now);
            row.requested_at = Set(Some(now));
            row.requested_from = Set(Some(from.to_string()));
            Ok(Requested::Confirm(row.update(db).await?))
        }
        None => {
            let saved = subscriber::ActiveModel {
                tenant_id: Set(tenant_id),
                email: Set(email),
                language: Set(choice.language.clone()),
                topics: Set(topics_text(&choice.topics)),
                cadence: Set(choice.cadence.as_str().into()),
                state: Set("pending".into()),
                token: Set(new_token()),
                expires_at: Set(Some(now + Duration::hours(confirm_hours.into()))),
                confirmed_at: Set(None),
                created_at: Set(now),
                updated_at: Set(now),
                requested_at: Set(Some(now)),
                requested_from: Set(Some(from.to_string())),
                ..Default::default()
            }
            .insert(db)
            .await?;
            Ok(Requested::Confirm(saved))
        }
    }
}

/// What an operator's import did with one address.
pub enum Imported {
    /// A new request: it gets the confirmation message, and nothing more until confirmed.
    Invited(Box<subscriber::Model>),
    /// Already subscribed or waiting for confirmation: left as it is.
    Existing,
    /// Its owner asked to be erased: not brought back.
    Erased,
}

/// Brings one address of an operator's list in as an unconfirmed request (the double
/// opt-in holds for imports too), unless it is already known or its owner was erased.
/// `from` is the importing operator's client address: the resident's consent is their
/// confirmation.
pub async fn import(
    db: &impl ConnectionTrait,
    tenant_id: i64,
    email: &str,
    choice: &Choice,
    confirm_hours: u32,
    from: &str,
) -> Result<Imported> {
    let erased = erasure::Entity::find()
        .filter(erasure::Column::TenantId.eq(tenant_id))
        .filter(erasure::Column::EmailHash.eq(email_hash(email)))
        .one(db)
        .await?;
    if erased.is_some() {
        return Ok(Imported::Erased);
    }
    let known = subscriber::Entity::find()
        .filter(subscriber::Column::TenantId.eq(tenant_id))
        .filter(subscriber::Column::Email.eq(email.trim().to_lowercase()))
        .one(db)
        .await?;
    if known.is_some() {
        return Ok(Imported::Existing);
    }
    Ok(
        match request(db, tenant_id, email, choice, confirm_hours, from).await? {
            Requested::Confirm(row) => Imported::Invited(Box::new(row)),
            Requested::AlreadyActive(_) => Imported::Existing,
        },
    )
}

fn unknown_link() -> NotificationsError {
    NotificationsError::NotFound(
        "this link is not valid any more: it expired, or the subscription was cancelled".into(),
    )
}

pub async fn by_token(db: &impl ConnectionTrait, token: &str) -> Result<subscriber::Model> {
    let found = subscriber::Entity::find()
        .filter(subscriber::Column::Token.eq(token))
        .one(db)
        .await?
        .ok_or_else(unknown_link)?;
    let expired = found.state == "pending" && found.expires_at.is_some_and(|at| at < Utc::now());
    if expired {
        return Err(unknown_link());
    }
    Ok(found)
}

/// Follows the confirmation link, from the client address `from`: from now on the
/// subscriber receives notices.
pub async fn confirm(
    db: &impl ConnectionTrait,
    token: &str,
    from: &str,
) -> Result<subscriber::Model> {
    let found = by_token(db, token).await?;
    if found.state == "active" {
        return Ok(found);
    }
    let now = Utc::now();
    // Confirming proves the address takes mail: a stop from its bounces is lifted.
    super::bounces::clear_stop(db, &found.email).await?;
    let mut row: subscriber::ActiveModel = found.into();
    row.state = Set("active".into());
    row.confirmed_at = Set(Some(now));
    row.confirmed_from = Set(Some(from.to_string()));
    row.expires_at = Set(None);
    row.stopped_reason = Set(None);
    row.stopped_at = Set(None);
    row.updated_at = Set(now);
    Ok(row.update(db).await?)
}

pub async fn change(
    db: &impl ConnectionTrait,
    token: &str,
    choice: &Choice,
) -> Result<subscriber::Model> {
    let found = by_token(db, token).await?;
    let mut row: subscriber::ActiveModel = found.into();
    row.topics = Set(topics_text(&choice.topics));
    row.language = Set(choice.language.clone());
    row.cadence = Set(choice.cadence.as_str().into());
    row.updated_at = Set(Utc::now());
    Ok(row.update(db).await?)
}

/// Ends the subscription at once: the subscriber and their waiting digest items go, and
/// queued messages to them are not sent. Unknown links succeed too (already gone).
pub async fn unsubscribe(db: &DatabaseConnection, token: &str) -> Result<bool> {
    let Some(found) = subscriber::Entity::find()
        .filter(subscriber::Column::Token.eq(token))
        .one(db)
        .await?
    else {
        return Ok(false);
    };
    let txn = council_shared::database::begin_write(db).await?;
    forget(&txn, &found, false).await?;
    txn.commit().await?;
    Ok(true)
}

/// Erases the subscriber (GDPR): the subscription, their waiting and past messages; only
/// the address's hash stays, so an import cannot bring them back.
pub async fn erase(db: &DatabaseConnection, token: &str) -> Result<()> {
    let found = by_token(db, token).await?;
    erase_subscriber(db, &found).await
}

/// The erasure itself, for a subscriber found by their link or by their municipality's
/// administrators (on the subscriber's request): the same rule either way.
pub async fn erase_subscriber(db: &DatabaseConnection, found: &subscriber::Model) -> Result<()> {
    let txn = council_shared::database::begin_write(db).await?;
    forget(&txn, found, true).await?;
    let hash = email_hash(&found.email);
    let known = erasure::Entity::find()
        .filter(erasure::Column::TenantId.eq(found.tenant_id))
        .filter(erasure::Column::EmailHash.eq(&hash))
        .one(&txn)
        .await?;
    if known.is_none() {
        erasure::ActiveModel {
            tenant_id: Set(found.tenant_id),
            email_hash: Set(hash),
            created_at: Set(Utc::now()),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }
    txn.commit().await?;
    Ok(())
}

pub(crate) async fn forget(
    txn: &impl ConnectionTrait,
    found: &subscriber::Model,
    history: bool,
) -> Result<()> {
    digest_item::Entity::delete_many()
        .filter(digest_item::Column::SubscriberId.eq(found.id))
        .exec(txn)
        .await?;
    let deliveries =
        delivery::Entity::delete_many().filter(delivery::Column::SubscriberId.eq(found.id));
    let deliveries = if history {
        deliveries
    } else {
        deliveries.filter(delivery::Column::State.eq("queued"))
    };
    deliveries.exec(txn).await?;
    subscriber::Entity::delete_by_id(found.id).exec(txn).await?;
    Ok(())
}

/// Removes the unconfirmed requests whose link expired; says how many.
pub async fn expire(db: &impl ConnectionTrait) -> Result<u64> {
    Ok(subscriber::Entity::delete_many()
        .filter(subscriber::Column::State.eq("pending"))
        .filter(subscriber::Column::ExpiresAt.lt(Utc::now()))
        .exec(db)
        .await?
        .rows_affected)
}

/// Subscribers a fan-out reads at a time.
pub const AUDIENCE_PAGE: u64 = 1_000;

/// The confirmed subscribers of a municipality who chose `topic`, `AUDIENCE_PAGE` at a
/// time in the order of their ids, after id `after`.
pub async fn audience_page(
    db: &impl ConnectionTrait,
    tenant_id: i64,
    topic: Topic,
    after: i64,
) -> Result<Vec<subscriber::Model>> {
    Ok(subscriber::Entity::find()
        .filter(subscriber::Column::TenantId.eq(tenant_id))
        .filter(subscriber::Column::State.eq("active"))
        .filter(subscriber::Column::Topics.contains(topic.as_str()))
        .filter(subscriber::Column::Id.gt(after))
        .order_by_asc(subscriber::Column::Id)
        .limit(AUDIENCE_PAGE)
        .all(db)
        .await?
        .into_iter()
        // `contains` also matches a topic inside another's name: the list decides.
        .filter(|s| crate::domain::topics_of(&s.topics).contains(&topic))
        .collect())
}

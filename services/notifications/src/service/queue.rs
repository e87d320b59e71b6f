//! The delivery queue. A delivery is queued once per idempotency key (one per person per
//! event), claimed by marking it in flight before it is handed to SMTP, and marked sent
//! after; a temporary failure queues it again later (exponential back-off), a permanent one
//! or too many attempts fail it. Every attempt is recorded.
//!
//! Claiming is one conditional update of a batch (`... WHERE id IN (due ones) AND state =
//! 'queued' RETURNING *`), so workers of several instances on one database never take the
//! same delivery; the attempts of a batch are recorded together, in one transaction.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait,
    ActiveValue::Set,
    ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
    QueryTrait,
    prelude::Expr,
    sea_query::{ExprTrait, OnConflict},
};

use crate::{
    entities::{attempt, delivery},
    error::Result,
};

/// A message to queue, rendered.
#[derive(Debug, Clone, Default)]
pub struct NewDelivery {
    pub tenant_id: Option<i64>,
    pub idempotency_key: String,
    pub kind: String,
    pub recipient: String,
    pub subscriber_id: Option<i64>,
    pub subject: String,
    pub text_body: String,
    pub html_body: Option<String>,
    pub calendar: Option<(String, String)>,
    pub unsubscribe_url: Option<String>,
    /// Not sent before this time (None: at once).
    pub not_before: Option<DateTime<Utc>>,
    /// A shared body (`entities::body`) and this delivery's token for its placeholder;
    /// `text_body` and `html_body` are then left empty.
    pub body: Option<(i64, String)>,
}

/// The Message-ID of a delivery: derived from its key, so it is the same on every attempt.
pub fn message_id(idempotency_key: &str, domain: &str) -> String {
    use sha2::{Digest, Sha256};
    let digest = hex::encode(&Sha256::digest(idempotency_key.as_bytes())[..16]);
    format!("{digest}@{domain}")
}

/// Queues `new` unless its key is already queued or sent; says whether it was new.
pub async fn enqueue(db: &impl ConnectionTrait, new: NewDelivery, domain: &str) -> Result<bool> {
    Ok(enqueue_many(db, vec![new], domain).await? > 0)
}

/// Queues each of `many` whose key is not already queued or sent, in one statement; says
/// how many were new.
pub async fn enqueue_many(
    db: &impl ConnectionTrait,
    many: Vec<NewDelivery>,
    domain: &str,
) -> Result<u64> {
    if many.is_empty() {
        return Ok(0);
    }
    let now = Utc::now();
    // Mail to an address that bounced is not sent: it is recorded as failed, and why.
    let stopped: std::collections::HashMap<String, String> = super::bounces::stopped_among(
        db,
        many.iter()
            .filter(|new| !super::bounces::ASKED_FOR.contains(&new.kind.as_str()))
            .map(|new| new.recipient.clone()),
    )
    .await?
    .into_iter()
    .map(|s| {
        let error = super::bounces::stopped_error(&s.reason, s.detail.as_deref().unwrap_or(""));
        (s.email, error)
    })
    .collect();
    let rows = many.into_iter().map(|new| {
        let stop = (!super::bounces::ASKED_FOR.contains(&new.kind.as_str()))
            .then(|| stopped.get(&new.recipient).cloned())
            .flatten();
        let mut row = row_of(new, domain, now);
        if let Some(error) = stop {
            row.state = Set("failed".into());
            row.last_error = Set(Some(error));
        }
        row
    });
    if db.get_database_backend() == DbBackend::Postgres {
        return insert_as_json(db, rows).await;
    }
    Ok(delivery::Entity::insert_many(rows)
        .on_conflict(
            OnConflict::column(delivery::Column::IdempotencyKey)
                .do_nothing()
                .to_owned(),
        )
        .exec_without_returning(db)
        .await?)
}

/// PostgreSQL: the rows as one JSON parameter, unpacked by `json_to_recordset`. A
/// thousand rows as separate parameters are 21,000 values for the server to bind one by
/// one (about 25 ms a page, half the fan-out's time); one text of JSON is parsed in one go.
async fn insert_as_json(
    db: &impl ConnectionTrait,
    rows: impl Iterator<Item = delivery::ActiveModel>,
) -> Result<u64> {
    use sea_orm::sea_query::Value;
    let rows: Vec<delivery::ActiveModel> = rows.collect();
    let text = serde_json::to_string(&JsonRows(&rows)).map_err(|e| {
        crate::error::NotificationsError::Internal(anyhow::anyhow!("deliveries as JSON: {e}"))
    })?;
    Ok(db
        .execute_raw(sea_orm::Statement::from_sql_and_values(
            DbBackend::Postgres,
            INSERT_AS_JSON.as_str(),
            [Value::from(text)],
        ))
        .await?
        .rows_affected())
}

/// The statement of `insert_as_json`, written once: every column but the id, typed for
/// `json_to_recordset`.
static INSERT_AS_JSON: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    use sea_orm::{IdenStatic, Iterable};
    let names: Vec<&str> = delivery::Column::iter()
        .filter(|c| !matches!(c, delivery::Column::Id))
        .map(|c| c.as_str())
        .collect();
    let typed: Vec<String> = names
        .iter()
        .map(|name| {
            let kind = POSTGRES_TYPES
                .iter()
                .find(|(column, _)| column == name)
                .map_or("text", |(_, kind)| *kind);
            format!("{name} {kind}")
        })
        .collect();
    format!(
        "INSERT INTO notification_deliveries ({columns}) SELECT {columns} \
         FROM json_to_recordset($1::json) AS r({typed}) \
         ON CONFLICT (idempotency_key) DO NOTHING",
        columns = names.join(", "),
        typed = typed.join(", "),
    )
});

/// The deliveries' columns that are not text, with their PostgreSQL types.
const POSTGRES_TYPES: &[(&str, &str)] = &[
    ("tenant_id", "bigint"),
    ("subscriber_id", "bigint"),
    ("attempts", "integer"),
    ("next_attempt_at", "timestamptz"),
    ("created_at", "timestamptz"),
    ("updated_at", "timestamptz"),
    ("sent_at", "timestamptz"),
    ("body_id", "bigint"),
];

/// Rows as the JSON array `json_to_recordset` reads: one object per row, a key per column
/// that is set, written straight into the text (no intermediate JSON values).
struct JsonRows<'a>(&'a [delivery::ActiveModel]);

impl serde::Serialize for JsonRows<'_> {
    fn serialize<S: serde::Serializer>(
        &self,
        serializer: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut rows = serializer.serialize_seq(Some(self.0.len()))?;
        for row in self.0 {
            rows.serialize_element(&JsonRow(row))?;
        }
        rows.end()
    }
}

struct JsonRow<'a>(&'a delivery::ActiveModel);

impl serde::Serialize for JsonRow<'_> {
    fn serialize<S: serde::Serializer>(
        &self,
        serializer: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        use sea_orm::{ActiveModelTrait, ActiveValue, IdenStatic, Iterable, sea_query::Value};
        use serde::ser::{Error as _, SerializeMap};
        let mut object = serializer.serialize_map(None)?;
        for column in delivery::Column::iter() {
            let ActiveValue::Set(value) = self.0.get(column) else {
                continue;
            };
            let name = column.as_str();
            match value {
                Value::BigInt(n) => object.serialize_entry(name, &n)?,
                Value::Int(n) => object.serialize_entry(name, &n)?,
                Value::String(text) => object.serialize_entry(name, &text)?,
                // Microseconds, as PostgreSQL keeps them (it would round more digits).
                Value::ChronoDateTimeUtc(at) => object.serialize_entry(
                    name,
                    &at.map(|at| at.to_rfc3339_opts(chrono::SecondsFormat::Micros, true)),
                )?,
                other => {
                    return Err(S::Error::custom(format!(
                        "{name} holds neither number, text nor time: {other:?}"
                    )));
                }
            }
        }
        object.end()
    }
}

fn row_of(new: NewDelivery, domain: &str, now: DateTime<Utc>) -> delivery::ActiveModel {
    let (method, calendar) = match new.calendar {
        Some((m, c)) => (Some(m), Some(c)),
        None => (None, None),
    };
    let (body_id, body_token) = match new.body {
        Some((id, token)) => (Some(id), Some(token)),
        None => (None, None),
    };
    delivery::ActiveModel {
        body_id: Set(body_id),
        body_token: Set(body_token),
        tenant_id: Set(new.tenant_id),
        message_id: Set(message_id(&new.idempotency_key, domain)),
        idempotency_key: Set(new.idempotency_key),
        kind: Set(new.kind),
        recipient: Set(new.recipient),
        subscriber_id: Set(new.subscriber_id),
        subject: Set(new.subject),
        text_body: Set(new.text_body),
        html_body: Set(new.html_body),
        calendar: Set(calendar),
        calendar_method: Set(method),
        unsubscribe_url: Set(new.unsubscribe_url),
        state: Set("queued".into()),
        attempts: Set(0),
        next_attempt_at: Set(std::cmp::Ord::max(new.not_before.unwrap_or(now), now)),
        last_error: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        sent_at: Set(None),
        ..Default::default()
    }
}

/// Drops the members' change messages about meeting `meeting_id` that still wait for their
/// time: a newer message about the meeting (a later change, a postponement, the
/// cancellation) is on its way and says what now stands. Keys of members' messages end in
/// `:meeting:{id}:member:{id}` (see `Notifications::member_messages`).
pub async fn drop_waiting_changes(db: &impl ConnectionTrait, meeting_id: i64) -> Result<u64> {
    Ok(delivery::Entity::delete_many()
        .filter(delivery::Column::Kind.eq("member.update"))
        .filter(delivery::Column::State.eq("queued"))
        .filter(delivery::Column::Attempts.eq(0))
        .filter(delivery::Column::IdempotencyKey.like(format!("%:meeting:{meeting_id}:member:%")))
        .exec(db)
        .await?
        .rows_affected)
}

/// The conditions of the queue's two partial indexes (migration
/// `m20261204_000023_delivery_queue_indexes`), written as the indexes are: neither SQLite nor
/// PostgreSQL uses a partial index for a state given as a bound parameter.
const QUEUED: &str = "state = 'queued'";
const IN_FLIGHT: &str = "state = 'in_flight'";

/// Takes up to `limit` due deliveries for this worker, marking them in flight, in one
/// statement. On PostgreSQL it is `record_and_claim_on_postgres` with nothing to record: the
/// chosen rows are locked (skipping what another worker holds) in a materialised CTE that
/// runs once. A `LIMIT ... SKIP LOCKED` subquery inside `IN (...)` may be run again by the
/// planner for each row it joins (EXPLAIN shows a nested-loop semi join) and pick other
/// rows each time while other workers lock and release theirs, claiming more than `limit`
/// (seen with three instances on one database).
pub async fn claim(db: &impl ConnectionTrait, limit: u64) -> Result<Vec<delivery::Model>> {
    if db.get_database_backend() == DbBackend::Postgres {
        return record_and_claim_on_postgres(db, &[], 0, 0, limit).await;
    }
    let now = Utc::now();
    // SQLite runs one writing statement at a time, so nothing comes between its select and
    // its update, and the subquery runs once.
    // The state as a literal: the partial index of queued deliveries is only used for it.
    let due = delivery::Entity::find()
        .select_only()
        .column(delivery::Column::Id)
        .filter(Expr::cust(QUEUED))
        .filter(delivery::Column::NextAttemptAt.lte(now))
        .order_by_asc(delivery::Column::NextAttemptAt)
        .order_by_asc(delivery::Column::Id)
        .limit(limit)
        .into_query();
    Ok(delivery::Entity::update_many()
        .col_expr(delivery::Column::State, Expr::value("in_flight"))
        .col_expr(
            delivery::Column::Attempts,
            Expr::col(delivery::Column::Attempts).add(1),
        )
        .col_expr(delivery::Column::UpdatedAt, Expr::value(now))
        .filter(delivery::Column::Id.in_subquery(due))
        .exec_with_returning(db)
        .await?)
}

/// How an attempt ended.
pub enum Outcome {
    Sent,
    Temporary(String),
    Permanent(String),
}

/// The delay before attempt `attempts + 1`: the base, doubled per attempt, at most 6 hours.
pub fn back_off(base_seconds: u32, attempts: i32) -> Duration {
    let factor = 2i64.saturating_pow(attempts.clamp(1, 20) as u32 - 1);
    Duration::seconds(std::cmp::min(i64::from(base_seconds) * factor, 6 * 3600))
}

/// One attempt at a claimed delivery: when it started and how it ended.
pub struct Attempted {
    /// The delivery, and its attempts counting this one (as its claim left it).
    pub id: i64,
    pub attempts: i32,
    pub outcome: Outcome,
    pub started_at: DateTime<Utc>,
}

impl Attempted {
    /// Where the attempt leaves its delivery: its state (`sent`, `failed`, or `queued`
    /// again), the error to keep, and when a retry is due.
    fn settled(
        &self,
        max_attempts: u32,
        base_seconds: u32,
        now: DateTime<Utc>,
    ) -> (&'static str, Option<String>, Option<DateTime<Utc>>) {
        match &self.outcome {
            Outcome::Sent => ("sent", None, None),
            Outcome::Permanent(e) => ("failed", Some(e.clone()), None),
            Outcome::Temporary(e) if self.attempts >= max_attempts as i32 => {
                ("failed", Some(e.clone()), None)
            }
            Outcome::Temporary(e) => (
                "queued",
                Some(e.clone()),
                Some(now + back_off(base_seconds, self.attempts)),
            ),
        }
    }
}

/// PostgreSQL: records `attempts` and claims up to `limit` due deliveries in one statement
/// (one round trip, no transaction of its own), what `record` and `claim` do in several.
/// The attempts go as one JSON parameter, so the statement's text never changes and its
/// prepared form is reused. The claim reads the statement's snapshot, where the deliveries
/// being recorded are still in flight: none of them is claimed again by the same call.
pub async fn record_and_claim_on_postgres(
    db: &impl ConnectionTrait,
    attempts: &[Attempted],
    max_attempts: u32,
    base_seconds: u32,
    limit: u64,
) -> Result<Vec<delivery::Model>> {
    let now = Utc::now();
    let outcomes: Vec<serde_json::Value> = attempts
        .iter()
        .map(|attempt| {
            let (state, error, next) = attempt.settled(max_attempts, base_seconds, now);
            serde_json::json!({
                "id": attempt.id,
                "attempts": attempt.attempts,
                "state": state,
                "error": error,
                "next_attempt_at": next,
                "started_at": attempt.started_at,
                "outcome": if state == "queued" { "retry" } else { state },
            })
        })
        .collect();
    let statement = sea_orm::Statement::from_sql_and_values(
        DbBackend::Postgres,
        RECORD_AND_CLAIM,
        [
            serde_json::Value::Array(outcomes).to_string().into(),
            now.into(),
            (limit as i64).into(),
        ],
    );
    Ok(delivery::Entity::find()
        .from_raw_sql(statement)
        .all(db)
        .await?)
}

/// An attempt moves its delivery on only if the delivery is still as its claim left it
/// (`attempts` the same): one whose lease ran out and which was claimed again meanwhile
/// keeps the newer claim's state, and the stale attempt is only logged. A delivery erased
/// meanwhile (with its subscriber) is not updated, and its attempt is not logged. The
/// deliveries being recorded are not claimed by the same statement (one requeued after its
/// lease is queued in the snapshot, and a row is updated once per statement).
const RECORD_AND_CLAIM: &str = r#"
WITH outcome AS MATERIALIZED (
    SELECT * FROM json_to_recordset($1::json) AS r(
        id bigint, attempts integer, state text, error text, next_attempt_at timestamptz,
        started_at timestamptz, outcome text)
), moved AS (
    UPDATE notification_deliveries AS d
    SET state = o.state,
        updated_at = $2,
        sent_at = CASE WHEN o.state = 'sent' THEN $2 ELSE d.sent_at END,
        last_error = CASE WHEN o.state = 'sent' THEN d.last_error ELSE o.error END,
        next_attempt_at = COALESCE(o.next_attempt_at, d.next_attempt_at)
    FROM outcome AS o
    WHERE d.id = o.id AND d.attempts = o.attempts
    RETURNING d.id
), logged AS (
    INSERT INTO notification_attempts (delivery_id, started_at, outcome, error)
    SELECT o.id, o.started_at, o.outcome, o.error FROM outcome AS o
    WHERE o.id IN (SELECT id FROM moved)
       OR EXISTS (
           SELECT 1 FROM notification_deliveries AS claimed_again
           WHERE claimed_again.id = o.id AND claimed_again.attempts <> o.attempts)
), due AS MATERIALIZED (
    SELECT id FROM notification_deliveries
    WHERE state = 'queued' AND next_attempt_at <= $2
      AND id NOT IN (SELECT id FROM outcome)
    ORDER BY next_attempt_at, id
    LIMIT $3
    FOR UPDATE SKIP LOCKED
)
UPDATE notification_deliveries AS d
SET state = 'in_flight', attempts = d.attempts + 1, updated_at = $2
FROM due
WHERE d.id = due.id
RETURNING d.*"#;

/// Records attempts and moves their deliveries on, in the caller's transaction: every
/// attempt in one insert, the sent deliveries (nearly all) in one update per number of
/// attempts, the others one by one. As on PostgreSQL, an attempt moves its delivery only if
/// its claim is the latest (`attempts` the same). The attempts are lent, not given: a caller
/// whose transaction fails (the database restarting) keeps them to record again.
pub async fn record(
    txn: &impl ConnectionTrait,
    attempts: &[Attempted],
    max_attempts: u32,
    base_seconds: u32,
) -> Result<()> {
    if attempts.is_empty() {
        return Ok(());
    }
    let now = Utc::now();
    let mut log = Vec::with_capacity(attempts.len());
    let mut sent: std::collections::BTreeMap<i32, Vec<i64>> = Default::default();
    let mut others = Vec::new();
    for attempt in attempts {
        let (state, error, next) = attempt.settled(max_attempts, base_seconds, now);
        log.push((
            attempt.id,
            attempt::ActiveModel {
                delivery_id: Set(attempt.id),
                started_at: Set(attempt.started_at),
                outcome: Set(if state == "queued" { "retry" } else { state }.into()),
                error: Set(error.clone()),
                ..Default::default()
            },
        ));
        if state == "sent" {
            sent.entry(attempt.attempts).or_default().push(attempt.id);
        } else {
            others.push((attempt.id, attempt.attempts, state, error, next));
        }
    }
    // A subscriber erased meanwhile took their deliveries with them: those attempts have
    // nothing to belong to, and must not undo the record of the rest of the batch. The
    // updates say which deliveries are still as their claims left them.
    let mut still_there = std::collections::HashSet::with_capacity(log.len());
    for (claimed_attempts, ids) in sent {
        let mut update = delivery::Entity::update_many()
            .col_expr(delivery::Column::State, Expr::value("sent"))
            .col_expr(delivery::Column::UpdatedAt, Expr::value(now))
            .col_expr(delivery::Column::SentAt, Expr::value(now))
            .filter(delivery::Column::Id.is_in(ids))
            .filter(delivery::Column::Attempts.eq(claimed_attempts))
            .into_query();
        update.returning_col(delivery::Column::Id);
        for row in txn.query_all(&update).await? {
            still_there.insert(row.try_get::<i64>("", "id")?);
        }
    }
    for (id, claimed_attempts, state, error, next) in others {
        let mut update = delivery::Entity::update_many()
            .col_expr(delivery::Column::State, Expr::value(state))
            .col_expr(delivery::Column::UpdatedAt, Expr::value(now))
            .col_expr(delivery::Column::LastError, Expr::value(error));
        if let Some(next) = next {
            update = update.col_expr(delivery::Column::NextAttemptAt, Expr::value(next));
        }
        let updated = update
            .filter(delivery::Column::Id.eq(id))
            .filter(delivery::Column::Attempts.eq(claimed_attempts))
            .exec(txn)
            .await?;
        if updated.rows_affected > 0 {
            still_there.insert(id);
        }
    }
    // What was not moved was erased, or claimed again after its lease ran out (rare): the
    // latter's attempt is still logged, as it may have been sent.
    let not_moved: Vec<i64> = log
        .iter()
        .map(|(id, _)| *id)
        .filter(|id| !still_there.contains(id))
        .collect();
    if !not_moved.is_empty() {
        let claimed_again: Vec<i64> = delivery::Entity::find()
            .select_only()
            .column(delivery::Column::Id)
            .filter(delivery::Column::Id.is_in(not_moved))
            .into_tuple()
            .all(txn)
            .await?;
        still_there.extend(claimed_again);
    }
    let log: Vec<_> = log
        .into_iter()
        .filter(|(id, _)| still_there.contains(id))
        .map(|(_, row)| row)
        .collect();
    if !log.is_empty() {
        attempt::Entity::insert_many(log)
            .exec_without_returning(txn)
            .await?;
    }
    Ok(())
}

/// Deliveries left in flight longer than `lease` belonged to a process that died mid-send:
/// they are queued again (this is the only way a message can go out twice).
pub async fn requeue_abandoned(db: &impl ConnectionTrait, lease: Duration) -> Result<u64> {
    Ok(delivery::Entity::update_many()
        .col_expr(delivery::Column::State, Expr::value("queued"))
        .col_expr(delivery::Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(Expr::cust(IN_FLIGHT))
        .filter(delivery::Column::UpdatedAt.lt(Utc::now() - lease))
        .exec(db)
        .await?
        .rows_affected)
}

/// An operator's retry of a failed delivery: queued again at once.
pub async fn retry(db: &impl ConnectionTrait, row: delivery::Model) -> Result<delivery::Model> {
    if row.state != "failed" {
        return Err(crate::error::NotificationsError::Conflict(
            council_shared::validation::Invalid::new(
                council_shared::conflict::NOT_FAILED,
                format!("delivery {} is {}, not failed", row.id, row.state),
            ),
        ));
    }
    let mut active: delivery::ActiveModel = row.into();
    active.state = Set("queued".into());
    active.next_attempt_at = Set(Utc::now());
    active.updated_at = Set(Utc::now());
    Ok(active.update(db).await?)
}

//! What runs in the background of every instance: the delivery workers, and the scheduler
//! of the jobs (reading events, digests, members' reminders, expiring unconfirmed requests,
//! requeueing what a dead instance left in flight). Several instances may run them on one
//! database: claims and job leases keep each delivery and each job run to one of them.

use std::{collections::HashMap, sync::Arc, time::Duration};

use chrono::Utc;
use council_shared::{
    lifecycle::Lifecycle,
    mail::{MailSource, OutgoingMail, SendFailure},
};
use futures_util::{FutureExt, StreamExt, future::BoxFuture, stream::FuturesUnordered};

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use crate::{
    Notifications,
    entities::{body, delivery},
    service::{queue, retention, subscriptions},
};

/// The jobs' names, as the job table and the operators' page know them.
pub const EVENTS: &str = "events";
pub const EXPIRY: &str = "expiry";
pub const DIGESTS: &str = "digests";
pub const REMINDERS: &str = "reminders";
pub const BOUNCES: &str = "bounces";

/// Adds the shared texts `rows` name that `bodies` lacks, in one query.
pub(crate) async fn read_bodies(
    db: &impl ConnectionTrait,
    rows: &[delivery::Model],
    bodies: &mut HashMap<i64, Arc<body::Model>>,
) -> crate::error::Result<()> {
    let missing: Vec<i64> = rows
        .iter()
        .filter_map(|row| row.body_id)
        .filter(|id| !bodies.contains_key(id))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    for found in body::Entity::find()
        .filter(body::Column::Id.is_in(missing))
        .all(db)
        .await?
    {
        bodies.insert(found.id, Arc::new(found));
    }
    Ok(())
}

/// What a database call of a lane of `send_due` answered: the deliveries it claimed, the
/// shared texts known so far, and whether fewer were due than it asked for.
struct Claimed {
    claimed: Vec<delivery::Model>,
    bodies: HashMap<i64, Arc<body::Model>>,
    exhausted: bool,
}

/// A lane's database call that failed (the database restarting, say), with the attempts it
/// was to record: the lane keeps them for its next call, since what was sent and left
/// unrecorded would be sent again once its claim's lease ran out.
struct Unrecorded {
    error: crate::error::NotificationsError,
    done: Vec<queue::Attempted>,
}

/// What a lane's runs and its own loop share: the claimed deliveries waiting for a session
/// (with their notice's shared text), how many the runs hold, and the attempts made since
/// the lane's last database call.
#[derive(Default)]
struct Lane {
    ready: std::collections::VecDeque<(delivery::Model, Option<Arc<body::Model>>)>,
    held: usize,
    done: Vec<queue::Attempted>,
}

/// One run's view of its lane (`Notifications::run`): it takes the next ready delivery and
/// tells the lane how each went. What it holds is known, for when it panics.
struct Run<'a> {
    lane: &'a std::sync::Mutex<Lane>,
    progress: &'a tokio::sync::Notify,
    held: Vec<(i64, i32, chrono::DateTime<Utc>)>,
}

impl MailSource for Run<'_> {
    /// The delivery, its attempts, and when this one started.
    type Key = (i64, i32, chrono::DateTime<Utc>);

    fn next(&mut self) -> Option<(Self::Key, OutgoingMail)> {
        loop {
            let (row, body) = {
                let mut lane = self.lane.lock().expect("the lane's lock");
                let taken = lane.ready.pop_front()?;
                lane.held += 1;
                taken
            };
            let key = (row.id, row.attempts, Utc::now());
            self.held.push(key);
            match mail_of(row, body.as_deref()) {
                Some(mail) => return Some((key, mail)),
                None => self.done(
                    key,
                    Err(SendFailure::Permanent(
                        "the notice's text is gone (erased?)".into(),
                    )),
                ),
            }
        }
    }

    fn done(&mut self, key: Self::Key, outcome: Result<(), SendFailure>) {
        let (id, attempts, started_at) = key;
        self.held.retain(|held| held.0 != id);
        let outcome = match outcome {
            Ok(()) => queue::Outcome::Sent,
            Err(SendFailure::Temporary(e)) => queue::Outcome::Temporary(e),
            Err(SendFailure::Permanent(e)) => queue::Outcome::Permanent(e),
        };
        let mut lane = self.lane.lock().expect("the lane's lock");
        lane.held -= 1;
        lane.done.push(queue::Attempted {
            id,
            attempts,
            outcome,
            started_at,
        });
        drop(lane);
        self.progress.notify_one();
    }
}

/// The message of a delivery: its own text, or its notice's shared text (`body`) with its
/// token in place of the placeholder. None when the shared text it names is gone. Takes the
/// row: once claimed it is only this message (and its key), so nothing is copied.
pub(crate) fn mail_of(row: delivery::Model, body: Option<&body::Model>) -> Option<OutgoingMail> {
    let (text, html) = match (row.body_id, body, &row.body_token) {
        (None, _, _) => (row.text_body, row.html_body),
        (Some(_), Some(body), Some(token)) => (
            body.text_body.replace(&body.placeholder, token),
            body.html_body
                .as_ref()
                .map(|html| html.replace(&body.placeholder, token)),
        ),
        _ => return None,
    };
    // What every subscriber of a topic gets alike; a member's or author's message is
    // addressed to them.
    let bulk = row.kind.starts_with("notice.") || row.kind == "digest";
    let method = row.calendar_method.unwrap_or_else(|| "REQUEST".into());
    Some(OutgoingMail {
        to: row.recipient,
        subject: row.subject,
        text,
        html,
        message_id: Some(row.message_id),
        unsubscribe_url: row.unsubscribe_url,
        bulk,
        delivery_id: Some(row.id),
        calendar: row.calendar.map(|calendar| (method, calendar)),
    })
}

impl Notifications {
    /// Starts the workers and the scheduler (unless `notifications.run_workers` is off).
    /// Once `lifecycle` says stop, they claim nothing more and start no job, finish what
    /// they hold, and end.
    pub fn start(self: &Arc<Self>, lifecycle: &Lifecycle) {
        if !self.settings.run_workers || self.lifecycle.set(lifecycle.clone()).is_err() {
            return;
        }
        let worker = self.clone();
        lifecycle.track(tokio::spawn(async move { worker.work().await }));
        let scheduler = self.clone();
        lifecycle.track(tokio::spawn(async move { scheduler.schedule().await }));
    }

    /// Adds the deliveries' figures to what `/metrics` reports: how many are in each state,
    /// and how long the oldest due one has waited (0 when none waits).
    pub fn report_metrics(self: &Arc<Self>, collectors: &council_shared::metrics::Collectors) {
        let core = self.clone();
        collectors.add(Arc::new(move || {
            let core = core.clone();
            Box::pin(async move {
                if let Err(error) = core.measure().await {
                    tracing::warn!(error = ?error, "cannot count the deliveries for /metrics");
                }
            })
        }));
    }

    async fn measure(&self) -> crate::error::Result<()> {
        use sea_orm::QuerySelect;
        let counts: Vec<(String, i64)> = delivery::Entity::find()
            .select_only()
            .column(delivery::Column::State)
            .column_as(delivery::Column::Id.count(), "count")
            .group_by(delivery::Column::State)
            .into_tuple()
            .all(&self.db)
            .await?;
        for state in ["queued", "in_flight", "sent", "failed"] {
            let count = counts
                .iter()
                .find(|(s, _)| s == state)
                .map_or(0, |(_, n)| *n);
            metrics::gauge!("council_deliveries", "state" => state).set(count as f64);
        }
        let now = Utc::now();
        let oldest: Option<Option<chrono::DateTime<Utc>>> = delivery::Entity::find()
            .select_only()
            .column_as(delivery::Column::NextAttemptAt.min(), "oldest")
            .filter(delivery::Column::State.eq("queued"))
            .filter(delivery::Column::NextAttemptAt.lte(now))
            .into_tuple()
            .one(&self.db)
            .await?;
        let age = oldest.flatten().map_or(0.0, |at| {
            (now - at).num_milliseconds().max(0) as f64 / 1000.0
        });
        metrics::gauge!("council_delivery_queue_age_seconds").set(age);
        Ok(())
    }

    /// Tells the workers that something was queued, so they need not wait for their next
    /// poll. The instance has one worker loop; a wake-up while it is busy sending is kept
    /// for when it next waits (a fan-out commits page after page while it sends).
    pub(crate) fn wake_workers(&self) {
        self.wake.notify_one();
    }

    /// Waits until something was queued (`wake_workers`) or `idle` has passed.
    pub async fn wait_for_work(&self, idle: Duration) {
        tokio::select! {
            _ = tokio::time::sleep(idle) => {}
            _ = self.wake.notified() => {}
        }
    }

    /// Whether the instance is on its way out: no new claims, no new job runs.
    fn stopping(&self) -> bool {
        self.lifecycle.get().is_some_and(Lifecycle::is_stopping)
    }

    /// Resolves when the instance is told to stop (never, when not started).
    async fn told_to_stop(&self) {
        match self.lifecycle.get() {
            Some(lifecycle) => lifecycle.stopping().await,
            None => std::future::pending().await,
        }
    }

    /// Sends what is due, `workers` at a time, until nothing is; says how many were tried.
    ///
    /// The sessions are shared among lanes, one per core (at most one per session), each
    /// its own task claiming, sending and recording on its own: building and writing the
    /// messages is what costs the processor, and one task runs on one core at a time. The
    /// claims keep each delivery to one lane as they keep it to one instance, and the
    /// lanes share `in_flight` so that no more than that is ever in flight.
    pub async fn send_due(self: &Arc<Self>) -> crate::error::Result<usize> {
        let workers = self.settings.workers.max(1) as usize;
        let window = (self.settings.in_flight as usize).max(workers);
        let cores = std::thread::available_parallelism().map_or(1, usize::from);
        let lanes = cores.min(workers);
        let share = |total: usize, lane: usize| total / lanes + usize::from(lane < total % lanes);
        let running: Vec<_> = (0..lanes)
            .map(|lane| {
                let core = self.clone();
                let (workers, window) = (share(workers, lane), share(window, lane));
                tokio::spawn(async move { core.send_lane(workers, window).await })
            })
            .collect();
        let mut tried = 0;
        let mut failed = None;
        for lane in running {
            match lane.await {
                Ok(Ok(count)) => tried += count,
                Ok(Err(error)) => failed = Some(error),
                Err(joined) if joined.is_panic() => std::panic::resume_unwind(joined.into_panic()),
                // Cancelled: the runtime is shutting down, and the claims' lease will
                // requeue what the lane held.
                Err(_) => {}
            }
        }
        failed.map_or(Ok(tried), Err)
    }

    /// One lane of `send_due`: sends what is due, `workers` at a time and `window` in
    /// flight at most, until nothing is; says how many were tried.
    ///
    /// The database is asked once per batch, not once per message, in one transaction
    /// that records the attempts made since the last call and claims the next deliveries:
    /// a delivery counts as in flight from its claim until its attempt is recorded, and
    /// never more than `window` are (what a crash may send twice). Each SMTP session is a
    /// run (`Mailer::deliver_each`) taking the claimed deliveries one after another, so a
    /// message's content goes out with the next one's envelope. The runs and the one
    /// database call under way are polled side by side in this one task: the sessions
    /// never wait for the database, the next deliveries are claimed before the last
    /// claimed ones are sent, and a message's commands and answers do not hop between
    /// threads. While a call runs, what finishes waits for the next: the batches grow
    /// with the database's latency.
    async fn send_lane(&self, workers: usize, window: usize) -> crate::error::Result<usize> {
        let lane = std::sync::Mutex::new(Lane::default());
        // Woken by a run each time a message is done (or can wait no longer).
        let progress = tokio::sync::Notify::new();
        let mut runs = FuturesUnordered::new();
        // The shared texts of the notices being sent; one notice's deliveries share a few.
        let mut bodies: HashMap<i64, Arc<body::Model>> = HashMap::new();
        let mut asking: Option<BoxFuture<'_, Result<Claimed, Unrecorded>>> = None;
        // The last claim found fewer due deliveries than it asked for.
        let mut exhausted = false;
        let mut tried = 0;
        // Since when the database calls fail, and how long the next one waits.
        let mut failing_since: Option<std::time::Instant> = None;
        let mut pause = Duration::ZERO;
        let lease = Duration::from_secs(self.settings.in_flight_lease_seconds.into());
        loop {
            let (ready, held, done) = {
                let lane = lane.lock().expect("the lane's lock");
                (lane.ready.len(), lane.held, lane.done.len())
            };
            // A session for each message ready, as far as the sessions go; a run takes
            // its first message once polled, and more as long as there are.
            while runs.len() < workers.min(ready) {
                runs.push(self.run(&lane, &progress));
            }
            if asking.is_none() {
                // What is recorded in the call leaves the window before its claim. The
                // window is topped up once half of it is free (or the sessions are about
                // to run dry), so that what is ready lasts while the call runs.
                debug_assert!(ready + held <= window, "claimed past the window");
                let room = window.saturating_sub(ready + held);
                // On the way out, what is claimed is sent and recorded, and no more.
                exhausted |= self.stopping();
                let wanted = if !exhausted && (room >= window / 2 || ready < workers) {
                    room
                } else {
                    0
                };
                let record = done >= window / 2 || (done > 0 && ready == 0 && held == 0);
                if record || wanted > 0 {
                    let batch = std::mem::take(&mut lane.lock().expect("the lane's lock").done);
                    let known = bodies.clone();
                    let wait = pause;
                    asking = Some(
                        async move {
                            if !wait.is_zero() {
                                tokio::time::sleep(wait).await;
                            }
                            self.record_and_claim(batch, wanted, known).await
                        }
                        .boxed(),
                    );
                }
            }
            let Some(call) = asking.as_mut() else {
                if runs.is_empty() {
                    // Nothing claimed, sending or left to record.
                    return Ok(tried);
                }
                tokio::select! {
                    _ = runs.next() => {}
                    _ = progress.notified() => {}
                }
                continue;
            };
            tokio::select! {
                _ = runs.next(), if !runs.is_empty() => {}
                _ = progress.notified() => {}
                asked = call => {
                    asking = None;
                    let Claimed { claimed, bodies: known, exhausted: none_left } = match asked {
                        Ok(answered) => answered,
                        Err(Unrecorded { error, done: unrecorded }) => {
                            let since = *failing_since.get_or_insert_with(std::time::Instant::now);
                            // Past the lease the claims are another instance's to send
                            // again, and recording them here would no longer help.
                            if since.elapsed() >= lease {
                                return Err(error);
                            }
                            tracing::warn!(
                                %error,
                                unrecorded = unrecorded.len(),
                                "recording sent mail failed; trying again"
                            );
                            lane.lock().expect("the lane's lock").done.extend(unrecorded);
                            pause = (pause * 2).clamp(Duration::from_millis(100), Duration::from_secs(2));
                            continue;
                        }
                    };
                    failing_since = None;
                    pause = Duration::ZERO;
                    tried += claimed.len();
                    // A call that claimed nothing learnt nothing of what is due.
                    exhausted = none_left || (exhausted && claimed.is_empty());
                    bodies = known;
                    let mut lane = lane.lock().expect("the lane's lock");
                    for row in claimed {
                        let body = row.body_id.and_then(|id| bodies.get(&id).cloned());
                        lane.ready.push_back((row, body));
                    }
                }
            }
        }
    }

    /// One database call of a lane: records the attempts `done` and claims up to `wanted`
    /// deliveries with the shared texts they need, in one transaction. When it fails the
    /// attempts come back, for the lane's next call to record.
    async fn record_and_claim(
        &self,
        done: Vec<queue::Attempted>,
        wanted: usize,
        bodies: HashMap<i64, Arc<body::Model>>,
    ) -> Result<Claimed, Unrecorded> {
        self.try_record_and_claim(&done, wanted, bodies)
            .await
            .map_err(|error| Unrecorded { error, done })
    }

    async fn try_record_and_claim(
        &self,
        done: &[queue::Attempted],
        wanted: usize,
        mut bodies: HashMap<i64, Arc<body::Model>>,
    ) -> crate::error::Result<Claimed> {
        let settings = &self.settings;
        if self.db.get_database_backend() == sea_orm::DbBackend::Postgres {
            let claimed = queue::record_and_claim_on_postgres(
                &self.db,
                done,
                settings.max_attempts,
                settings.retry_base_seconds,
                wanted as u64,
            )
            .await?;
            // Committed with the deliveries that name them, so visible to any connection.
            read_bodies(&self.db, &claimed, &mut bodies).await?;
            return Ok(Claimed {
                exhausted: claimed.len() < wanted,
                claimed,
                bodies,
            });
        }
        let txn = council_shared::database::begin_write(&self.db).await?;
        queue::record(
            &txn,
            done,
            settings.max_attempts,
            settings.retry_base_seconds,
        )
        .await?;
        let claimed = if wanted > 0 {
            queue::claim(&txn, wanted as u64).await?
        } else {
            Vec::new()
        };
        // The texts are read in the claim's transaction: a pooled connection reading on
        // its own might still hold a snapshot from before the notice was queued, and find
        // no text.
        read_bodies(&txn, &claimed, &mut bodies).await?;
        txn.commit().await?;
        Ok(Claimed {
            exhausted: claimed.len() < wanted,
            claimed,
            bodies,
        })
    }

    /// One SMTP session's run in a lane: it sends the lane's ready deliveries one after
    /// another until none is left. A run that panics does not stop the others: what it held
    /// is tried again later, like a put-off send.
    async fn run(&self, lane: &std::sync::Mutex<Lane>, progress: &tokio::sync::Notify) {
        let mut source = Run {
            lane,
            progress,
            held: Vec::new(),
        };
        let sent = std::panic::AssertUnwindSafe(self.mailer.deliver_each(&mut source))
            .catch_unwind()
            .await;
        if sent.is_err() {
            let held = std::mem::take(&mut source.held);
            for (id, attempts, started_at) in held {
                source.done(
                    (id, attempts, started_at),
                    Err(SendFailure::Temporary("the send stopped (panicked)".into())),
                );
            }
        }
    }

    async fn work(self: &Arc<Self>) {
        let idle = Duration::from_millis(self.settings.poll_ms.max(10));
        let lease = chrono::Duration::seconds(self.settings.in_flight_lease_seconds.into());
        // Abandoned deliveries are looked for at start and then every half lease.
        let every =
            Duration::from_secs(u64::from(self.settings.in_flight_lease_seconds / 2).max(1));
        let mut looked: Option<std::time::Instant> = None;
        while !self.stopping() {
            if looked.is_none_or(|at| at.elapsed() >= every) {
                looked = Some(std::time::Instant::now());
                if let Err(error) = queue::requeue_abandoned(&self.db, lease).await {
                    tracing::error!(error = ?error, "cannot requeue abandoned deliveries");
                }
            }
            if let Err(error) = self.send_due().await {
                tracing::error!(error = ?error, "sending deliveries failed");
            }
            tokio::select! {
                _ = tokio::time::sleep(idle) => {}
                _ = self.wake.notified() => {}
                _ = self.told_to_stop() => {}
            }
        }
    }

    /// Runs job `name` if its schedule has come round since its last run and this instance
    /// takes the lease; not once the instance is stopping.
    async fn run_job<F, Fut>(&self, name: &str, schedule: &str, job: F)
    where
        F: FnOnce() -> Fut,
        Fut: std::future::Future<Output = crate::error::Result<u64>>,
    {
        if self.stopping() {
            return;
        }
        self.scheduler.run_job(name, schedule, job).await;
    }

    /// The background jobs by name, with their schedules, in the order they run.
    pub fn job_schedules(&self) -> Vec<(&'static str, &str)> {
        let settings = &self.settings;
        let mut jobs = vec![
            (EVENTS, settings.events_schedule.as_str()),
            (EXPIRY, settings.expiry_schedule.as_str()),
            (DIGESTS, settings.digest_schedule.as_str()),
            (REMINDERS, settings.reminder_schedule.as_str()),
            (retention::JOB, self.retention.schedule.as_str()),
        ];
        // Only where there is a mailbox to read.
        if self.bounce_mailbox.is_some() {
            jobs.push((BOUNCES, settings.bounce_schedule.as_str()));
        }
        jobs
    }

    async fn schedule(&self) {
        let tick = Duration::from_millis(self.settings.poll_ms.clamp(10, 1_000));
        while !self.stopping() {
            let settings = &self.settings;
            self.run_job(EVENTS, &settings.events_schedule, || self.consume_events())
                .await;
            self.run_job(EXPIRY, &settings.expiry_schedule, || {
                subscriptions::expire(&self.db)
            })
            .await;
            self.run_job(DIGESTS, &settings.digest_schedule, || {
                self.send_due_digests()
            })
            .await;
            self.run_job(REMINDERS, &settings.reminder_schedule, || {
                self.send_due_reminders()
            })
            .await;
            self.run_job(retention::JOB, &self.retention.schedule, || async {
                let purged = retention::purge(
                    &self.db,
                    &self.retention,
                    self.settings.soft_bounce_days,
                    Utc::now(),
                )
                .await?;
                if purged.total() > 0 {
                    tracing::info!(?purged, "expired subscriptions and message texts removed");
                }
                Ok(purged.total())
            })
            .await;
            if self.bounce_mailbox.is_some() {
                self.run_job(BOUNCES, &settings.bounce_schedule, || self.read_bounces())
                    .await;
            }
            tokio::select! {
                _ = tokio::time::sleep(tick) => {}
                _ = self.told_to_stop() => {}
            }
        }
    }
}

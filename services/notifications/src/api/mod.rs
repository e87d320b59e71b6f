//! The notifications API: residents subscribe to a municipality's notices (double opt-in),
//! manage or end their subscription through the secret link in every message, and the
//! municipality's administrators see subscribers and deliveries and retry failed ones.

pub mod models;
pub mod subscribers;

use std::sync::Arc;

use chrono::Utc;
use council_shared::{
    ApiError,
    auth::SignedIn,
    council::CouncilRoster,
    json_body::JsonBody,
    pagination::PageRequest,
    problem::ApiResult,
    tenant::TenantSlug,
    validation::{Errors, email},
};
use poem_openapi::{
    ApiResponse, OpenApi, Tags,
    param::{Path, Query},
    payload::Json,
};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, sea_query::OnConflict,
};
use serde::Serialize;
use serde_json::Value;

use crate::{
    Notifications,
    domain::{Cadence, DeliveryState, LANGUAGES, Topic, message_language, parse_topics, topics_of},
    entities::{delivery, subscriber, tenant_settings},
    error::NotificationsError,
    service::{
        fanout::tenant_name_in,
        jobs,
        messages::{html_with_isolated, text, words},
        queue::{self, NewDelivery},
        subscriptions::{self, Choice, Imported, Requested},
    },
};
use models::*;

/// How far back a subscriber's download lists their messages: as long as the messages'
/// texts and addresses are kept.
pub const HELD_MESSAGES_DAYS: i64 = 30;

#[derive(Tags)]
enum ApiTags {
    /// Residents' e-mail subscriptions and the delivery of notices.
    Notifications,
}

pub struct NotificationsApi {
    pub core: Arc<Notifications>,
}

/// A subscriber's choice, every field checked at once.
fn choice(
    topics: &[TopicText],
    language: Option<&str>,
    cadence: Option<&str>,
    errors: &mut Errors,
) -> Option<Choice> {
    let topics: Vec<String> = topics.iter().map(|t| t.0.clone()).collect();
    let topics = errors.check("topics", parse_topics(&topics));
    // Left out means Greek; given, it must be one of the languages (as the document says).
    let language = language.map_or("el", str::trim);
    let language = if LANGUAGES.contains(&language) {
        Some(language.to_string())
    } else {
        // No choice at all, so that no caller can go on with an unknown language.
        errors.add(
            "language",
            council_shared::validation::Invalid::new(
                "not_a_choice",
                format!("must be one of {}", LANGUAGES.join(", ")),
            ),
        );
        None
    };
    let cadence = match cadence.map(str::trim) {
        None => Some(Cadence::Immediate),
        Some(value) => Cadence::from_db(value).ok().or_else(|| {
            errors.add(
                "cadence",
                council_shared::validation::Invalid::new(
                    "not_a_choice",
                    "must be `immediate` or `digest`",
                ),
            );
            None
        }),
    };
    Some(Choice {
        topics: topics?,
        language: language?,
        cadence: cadence?,
    })
}

/// Each row of an import checked on its own, as the API and the workspace's preview both
/// read it: the address and the subscriber's choice, or what is wrong with the row (fields
/// `email`, `topics`, `language`, `cadence`).
pub fn check_rows(
    rows: &[SubscriptionRequest],
) -> Vec<Result<(String, Choice), Vec<council_shared::FieldError>>> {
    rows.iter()
        .map(|row| {
            let mut own = Errors::new();
            let address = own.check("email", email(&row.email));
            let chosen = choice(
                &row.topics,
                row.language.as_deref(),
                row.cadence.as_deref(),
                &mut own,
            );
            let problems = own.finish(|| ()).err().unwrap_or_default();
            match (address, chosen) {
                (Some(address), Some(chosen)) if problems.is_empty() => Ok((address, chosen)),
                _ => Err(problems),
            }
        })
        .collect()
}

/// One confirmation message per request: a repeated request (which renews the link) gets
/// a new one, a request read twice does not.
fn confirm_key(to: &subscriber::Model) -> String {
    format!("confirm:{}:{}", to.id, to.updated_at.timestamp_millis())
}

#[derive(Serialize)]
struct LinkMessage {
    lang: &'static str,
    t: &'static Value,
    tenant_name: String,
    /// Who the subscription is for, as a sentence: plain, and for HTML with the name
    /// isolated.
    intro: String,
    intro_html: String,
    confirm_url: String,
    preferences_url: String,
    unsubscribe_url: String,
}

impl Notifications {
    async fn roster(&self, slug: &str) -> Result<CouncilRoster, ApiError> {
        let missing = || ApiError::NotFound(format!("no municipality has the slug `{slug}`"));
        let parsed = TenantSlug::parse(slug).map_err(|_| missing())?;
        self.directory
            .roster(&parsed)
            .await?
            .filter(|r| r.tenant.active)
            .ok_or_else(missing)
    }

    /// A resident asks to subscribe: checks, limits, and queues the confirmation (or, for
    /// an address already confirmed, a note with its preferences link). The caller gets
    /// the same answer either way.
    pub async fn subscribe(
        &self,
        slug: &str,
        client_ip: &str,
        input: &SubscriptionRequest,
    ) -> Result<(), ApiError> {
        let roster = self.roster(slug).await?;
        let mut errors = Errors::new();
        let address = errors.check("email", email(&input.email));
        let chosen = choice(
            &input.topics,
            input.language.as_deref(),
            input.cadence.as_deref(),
            &mut errors,
        );
        let (Some(address), Some(chosen)) = (address, chosen) else {
            return Err(ApiError::Validation(errors.finish(|| ()).unwrap_err()));
        };
        self.subscribe_per_ip.check(client_ip)?;
        self.subscribe_per_email.check(&address.to_lowercase())?;
        let requested = subscriptions::request(
            &self.db,
            roster.tenant.id,
            &address,
            &chosen,
            self.settings.confirm_hours,
            client_ip,
        )
        .await?;
        let (kind, to, key) = match requested {
            Requested::Confirm(to) => {
                let key = confirm_key(&to);
                ("confirm", to, key)
            }
            Requested::AlreadyActive(to) => {
                let key = format!("active:{}:{}", to.id, Utc::now().timestamp() / 600);
                ("active", to, key)
            }
        };
        self.send_link_message(&roster, kind, &to, key).await?;
        self.wake_workers();
        Ok(())
    }

    /// Queues the confirmation (`confirm`) or already-subscribed (`active`) message.
    async fn send_link_message(
        &self,
        roster: &CouncilRoster,
        kind: &str,
        to: &subscriber::Model,
        key: String,
    ) -> Result<(), ApiError> {
        let lang = message_language(&to.language);
        let (name, name_lang) = tenant_name_in(roster, lang);
        let name = name.to_string();
        let subject = text(
            lang,
            &format!("{kind}_subject"),
            &[("municipality", name.clone().into())],
        );
        // `confirm_intro` or `already_active`, the municipality's name in its own `<bdi>`.
        let intro_key = if kind == "confirm" {
            "confirm_intro"
        } else {
            "already_active"
        };
        let data = LinkMessage {
            lang: lang.code(),
            intro: text(lang, intro_key, &[("municipality", name.clone().into())]),
            intro_html: html_with_isolated(lang, intro_key, "municipality", &name, name_lang),
            tenant_name: name,
            confirm_url: format!("{}/subscriptions/{}/confirm", self.base_url, to.token),
            preferences_url: self.preferences_url(&to.token),
            unsubscribe_url: self.unsubscribe_url(&to.token),
            t: words(lang.code()),
        };
        let rendered = self.messages.render(kind, subject, &data)?;
        queue::enqueue(
            &self.db,
            NewDelivery {
                tenant_id: Some(roster.tenant.id),
                idempotency_key: key,
                kind: kind.into(),
                recipient: to.email.clone(),
                subscriber_id: Some(to.id),
                subject: rendered.subject,
                text_body: rendered.text,
                html_body: Some(rendered.html),
                calendar: None,
                unsubscribe_url: None,
                not_before: None,
                body: None,
            },
            &self.domain,
        )
        .await?;
        Ok(())
    }

    /// An operator's list: every row checked first (one invalid row refuses the whole list,
    /// naming each problem), then each new address is invited to confirm; known and erased
    /// addresses are left alone.
    pub async fn import(
        &self,
        roster: &CouncilRoster,
        input: &ImportRequest,
        client_ip: &str,
    ) -> Result<ImportReport, ApiError> {
        const MOST: usize = 5_000;
        if input.subscribers.is_empty() || input.subscribers.len() > MOST {
            return Err(ApiError::invalid(
                "subscribers",
                format!("give 1 to {MOST} addresses"),
            ));
        }
        let mut errors = Vec::new();
        let mut rows = Vec::with_capacity(input.subscribers.len());
        for (index, checked) in check_rows(&input.subscribers).into_iter().enumerate() {
            match checked {
                Ok(row) => rows.push(row),
                Err(problems) => errors.extend(problems.into_iter().map(|mut problem| {
                    problem.field = format!("subscribers[{index}].{}", problem.field);
                    problem
                })),
            }
        }
        if !errors.is_empty() {
            return Err(ApiError::Validation(errors));
        }
        let mut report = ImportReport {
            invited: 0,
            already_known: 0,
            erased: 0,
        };
        for (address, chosen) in rows {
            match subscriptions::import(
                &self.db,
                roster.tenant.id,
                &address,
                &chosen,
                self.settings.confirm_hours,
                client_ip,
            )
            .await?
            {
                Imported::Invited(to) => {
                    self.send_link_message(roster, "confirm", &to, confirm_key(&to))
                        .await?;
                    report.invited += 1;
                }
                Imported::Existing => report.already_known += 1,
                Imported::Erased => report.erased += 1,
            }
        }
        self.wake_workers();
        Ok(report)
    }

    /// The subscription behind a secret link, as its owner sees it.
    pub async fn subscription(
        &self,
        row: &subscriber::Model,
    ) -> Result<SubscriptionView, ApiError> {
        let slug = self
            .directory
            .all()
            .await?
            .into_iter()
            .find(|r| r.tenant.id == row.tenant_id)
            .map(|r| r.tenant.slug.as_str().to_string())
            .unwrap_or_default();
        Ok(SubscriptionView {
            tenant: slug,
            email: row.email.clone(),
            state: row.state.clone(),
            topics: topics_of(&row.topics),
            language: row.language.clone(),
            cadence: Cadence::from_db(&row.cadence).unwrap_or(Cadence::Immediate),
            confirmed_at: row.confirmed_at,
        })
    }

    /// What the platform holds about the subscription whose link holds `token`.
    pub async fn held_about(&self, token: &str) -> Result<SubscriptionData, ApiError> {
        let row = subscriptions::by_token(&self.db, token).await?;
        let since = Utc::now() - chrono::Duration::days(HELD_MESSAGES_DAYS);
        let messages = delivery::Entity::find()
            .filter(delivery::Column::SubscriberId.eq(row.id))
            .filter(delivery::Column::CreatedAt.gte(since))
            .order_by_desc(delivery::Column::CreatedAt)
            .order_by_desc(delivery::Column::Id)
            .all(&self.db)
            .await
            .map_err(NotificationsError::from)?
            .into_iter()
            .map(|d| HeldMessage {
                subject: d.subject,
                kind: d.kind,
                state: d.state,
                created_at: d.created_at,
                sent_at: d.sent_at,
            })
            .collect();
        Ok(SubscriptionData {
            subscription: self.subscription(&row).await?,
            created_at: row.created_at,
            requested_at: row.requested_at,
            requested_from: row.requested_from,
            confirmed_from: row.confirmed_from,
            stopped_reason: row.stopped_reason,
            stopped_at: row.stopped_at,
            messages,
        })
    }

    pub async fn change_preferences(
        &self,
        token: &str,
        input: &PreferencesInput,
    ) -> Result<SubscriptionView, ApiError> {
        let mut errors = Errors::new();
        let chosen = choice(
            &input.topics,
            Some(&*input.language),
            Some(&*input.cadence),
            &mut errors,
        );
        let Some(chosen) = chosen.filter(|_| errors.is_empty()) else {
            return Err(ApiError::Validation(errors.finish(|| ()).unwrap_err()));
        };
        let saved = subscriptions::change(&self.db, token, &chosen).await?;
        self.subscription(&saved).await
    }

    /// A municipality's notifications at a glance, for its administrators: confirmed
    /// subscribers by topic, language and cadence, deliveries by state, and the members no
    /// message can reach.
    pub async fn overview(
        &self,
        caller: &council_shared::auth::Principal,
        slug: &str,
    ) -> Result<NotificationsSummary, ApiError> {
        let roster = self.operated(caller, slug).await?;
        let rows = subscriber::Entity::find()
            .filter(subscriber::Column::TenantId.eq(roster.tenant.id))
            .all(&self.db)
            .await
            .map_err(NotificationsError::from)?;
        let (active, pending): (Vec<_>, Vec<_>) =
            rows.into_iter().partition(|s| s.state == "active");
        // Counted in the database: a municipality's log holds every message ever sent.
        let deliveries = self.state_tallies(Some(roster.tenant.id)).await?;
        let contacts = self.directory.contacts(&roster.tenant.slug).await?;
        let members_without_address = roster
            .members
            .iter()
            .filter(|m| !contacts.iter().any(|c| c.member_id == m.id))
            .map(|m| m.full_name.clone())
            .collect();
        Ok(NotificationsSummary {
            members_without_address,
            subscribers: active.len() as u64,
            pending_confirmation: pending.len() as u64,
            by_topic: tally(
                active
                    .iter()
                    .flat_map(|s| topics_of(&s.topics))
                    .map(|t: Topic| t.as_str().to_string()),
            ),
            by_language: tally(active.iter().map(|s| s.language.clone())),
            by_cadence: tally(active.iter().map(|s| s.cadence.clone())),
            deliveries,
        })
    }

    /// One page of the municipality's deliveries, newest first, in `state` if given.
    pub async fn delivery_page(
        &self,
        caller: &council_shared::auth::Principal,
        slug: &str,
        state: Option<DeliveryState>,
        request: PageRequest,
    ) -> Result<DeliveryPage, ApiError> {
        let roster = self.operated(caller, slug).await?;
        self.deliveries_of(Some(roster.tenant.id), state, request)
            .await
    }

    /// One page of deliveries, newest first: of municipality `tenant` (`None`: of all,
    /// and the platform's own), in `state` if given.
    async fn deliveries_of(
        &self,
        tenant: Option<i64>,
        state: Option<DeliveryState>,
        request: PageRequest,
    ) -> Result<DeliveryPage, ApiError> {
        let mut query = delivery::Entity::find();
        if let Some(id) = tenant {
            query = query.filter(delivery::Column::TenantId.eq(id));
        }
        if let Some(state) = state {
            query = query.filter(delivery::Column::State.eq(state.as_str()));
        }
        let paginator = query
            .order_by_desc(delivery::Column::Id)
            .paginate(&self.db, request.per_page);
        let total = paginator
            .num_items()
            .await
            .map_err(NotificationsError::from)?;
        let items = paginator
            .fetch_page(request.index())
            .await
            .map_err(NotificationsError::from)?;
        Ok(DeliveryPage {
            items: items.into_iter().map(delivery_view).collect(),
            page: request.page,
            per_page: request.per_page,
            total,
        })
    }

    /// Sends a failed delivery again.
    pub async fn retry(
        &self,
        caller: &council_shared::auth::Principal,
        slug: &str,
        id: i64,
    ) -> Result<DeliveryView, ApiError> {
        let roster = self.operated(caller, slug).await?;
        self.retry_of(Some(roster.tenant.id), id).await
    }

    /// Queues failed delivery `id` again: of municipality `tenant` (`None`: any).
    async fn retry_of(&self, tenant: Option<i64>, id: i64) -> Result<DeliveryView, ApiError> {
        let found = delivery::Entity::find_by_id(id)
            .one(&self.db)
            .await
            .map_err(NotificationsError::from)?
            .filter(|row| tenant.is_none() || row.tenant_id == tenant)
            .ok_or_else(|| ApiError::NotFound(format!("no delivery {id} here")))?;
        if found.recipient.is_empty() {
            return Err(ApiError::Conflict(
                council_shared::validation::Invalid::new(
                    council_shared::conflict::MESSAGE_REMOVED,
                    format!(
                        "delivery {id} cannot be sent again: its text and address were removed after \
                 the retention period"
                    ),
                ),
            ));
        }
        let queued = queue::retry(&self.db, found).await?;
        self.wake_workers();
        Ok(delivery_view(queued))
    }

    /// One page of every municipality's deliveries (and the platform's own), newest
    /// first, in `state` if given: for the platform's operators.
    pub async fn platform_delivery_page(
        &self,
        caller: &council_shared::auth::Principal,
        state: Option<DeliveryState>,
        request: PageRequest,
    ) -> Result<DeliveryPage, ApiError> {
        operators_only(caller)?;
        self.deliveries_of(None, state, request).await
    }

    /// Every delivery by state, across municipalities: for the platform's operators.
    pub async fn platform_delivery_counts(
        &self,
        caller: &council_shared::auth::Principal,
    ) -> Result<Vec<Tally>, ApiError> {
        operators_only(caller)?;
        self.state_tallies(None).await
    }

    /// Deliveries by state: of municipality `tenant` (`None`: of all, and the platform's).
    async fn state_tallies(&self, tenant: Option<i64>) -> Result<Vec<Tally>, ApiError> {
        let mut query = delivery::Entity::find()
            .select_only()
            .column(delivery::Column::State)
            .column_as(delivery::Column::Id.count(), "count");
        if let Some(id) = tenant {
            query = query.filter(delivery::Column::TenantId.eq(id));
        }
        let states: Vec<(String, i64)> = query
            .group_by(delivery::Column::State)
            .order_by_asc(delivery::Column::State)
            .into_tuple()
            .all(&self.db)
            .await
            .map_err(NotificationsError::from)?;
        Ok(states
            .into_iter()
            .map(|(value, count)| Tally {
                value,
                count: count.max(0) as u64,
            })
            .collect())
    }

    /// Sends a failed delivery of any municipality again: for the platform's operators.
    pub async fn platform_retry(
        &self,
        caller: &council_shared::auth::Principal,
        id: i64,
    ) -> Result<DeliveryView, ApiError> {
        operators_only(caller)?;
        self.retry_of(None, id).await
    }

    /// The background jobs with their last run, next run and last failure: for the
    /// platform's operators.
    pub async fn job_statuses(
        &self,
        caller: &council_shared::auth::Principal,
    ) -> Result<Vec<jobs::JobStatus>, ApiError> {
        operators_only(caller)?;
        Ok(jobs::statuses(&self.db, &self.job_schedules(), Utc::now()).await?)
    }

    /// The municipality's notice settings, for its administrators.
    pub async fn notice_settings(
        &self,
        caller: &council_shared::auth::Principal,
        slug: &str,
    ) -> Result<NotificationSettingsView, ApiError> {
        let roster = self.operated(caller, slug).await?;
        let found = self.settings_of(roster.tenant.id).await?;
        Ok(NotificationSettingsView {
            digest_schedule: found.digest_schedule,
            reminder_minutes: found.reminder_minutes,
        })
    }

    /// Saves the digest schedule (a cron expression with seconds, Athens time) and the
    /// reminder's lead time. The API and the workspace's pages both call this.
    pub async fn save_notice_settings(
        &self,
        caller: &council_shared::auth::Principal,
        slug: &str,
        body: &NotificationSettingsView,
    ) -> Result<NotificationSettingsView, ApiError> {
        let roster = self.operated(caller, slug).await?;
        let mut errors = Errors::new();
        errors.check(
            "digest_schedule",
            jobs::parse_schedule(body.digest_schedule.trim())
                .map_err(|e| council_shared::validation::Invalid::new("invalid_cron", e)),
        );
        if !(15..=20_160).contains(&body.reminder_minutes) {
            errors.add(
                "reminder_minutes",
                council_shared::validation::Invalid::new(
                    "reminder_out_of_range",
                    "must be 15 to 20160 (two weeks)",
                ),
            );
        }
        if !errors.is_empty() {
            return Err(ApiError::Validation(errors.finish(|| ()).unwrap_err()));
        }
        let row = tenant_settings::ActiveModel {
            tenant_id: Set(roster.tenant.id),
            digest_schedule: Set(body.digest_schedule.trim().to_string()),
            reminder_minutes: Set(body.reminder_minutes),
            updated_at: Set(Utc::now()),
        };
        tenant_settings::Entity::insert(row)
            .on_conflict(
                OnConflict::column(tenant_settings::Column::TenantId)
                    .update_columns([
                        tenant_settings::Column::DigestSchedule,
                        tenant_settings::Column::ReminderMinutes,
                        tenant_settings::Column::UpdatedAt,
                    ])
                    .to_owned(),
            )
            .exec_without_returning(&self.db)
            .await
            .map_err(NotificationsError::from)?;
        Ok(NotificationSettingsView {
            digest_schedule: body.digest_schedule.trim().to_string(),
            reminder_minutes: body.reminder_minutes,
        })
    }

    /// The municipality's administrator (or a platform administrator), or 403.
    async fn operated(
        &self,
        caller: &council_shared::auth::Principal,
        slug: &str,
    ) -> Result<CouncilRoster, ApiError> {
        let roster = self.roster(slug).await?;
        if !caller.administers(roster.tenant.id) {
            return Err(ApiError::Forbidden(
                "only the municipality's administrators see its notifications".into(),
            ));
        }
        Ok(roster)
    }
}

fn operators_only(caller: &council_shared::auth::Principal) -> Result<(), ApiError> {
    if caller.is_platform_admin() {
        Ok(())
    } else {
        Err(ApiError::Forbidden(
            "only platform administrators see every municipality's notices".into(),
        ))
    }
}

fn delivery_view(row: delivery::Model) -> DeliveryView {
    DeliveryView {
        id: row.id,
        tenant_id: row.tenant_id,
        kind: row.kind,
        recipient: row.recipient,
        subject: row.subject,
        state: row.state,
        attempts: row.attempts,
        last_error: row.last_error,
        next_attempt_at: row.next_attempt_at,
        created_at: row.created_at,
        sent_at: row.sent_at,
    }
}

fn tally(values: impl Iterator<Item = String>) -> Vec<Tally> {
    let mut counts: std::collections::BTreeMap<String, u64> = Default::default();
    for value in values {
        *counts.entry(value).or_default() += 1;
    }
    counts
        .into_iter()
        .map(|(value, count)| Tally { value, count })
        .collect()
}

#[derive(ApiResponse)]
pub enum SubscribeResponse {
    /// Received: a message to the address says what to do next.
    #[oai(status = 202)]
    Accepted(Json<SubscriptionReceived>),
}

#[derive(ApiResponse)]
pub enum SubscriptionResponse {
    /// The subscription.
    #[oai(status = 200)]
    Ok(Json<SubscriptionView>),
}

#[derive(ApiResponse)]
pub enum SubscriptionDataResponse {
    /// What is held, as a file.
    #[oai(status = 200)]
    Ok(
        Json<SubscriptionData>,
        #[oai(header = "Content-Disposition")] String,
        #[oai(header = "Cache-Control")] String,
    ),
}

#[derive(ApiResponse)]
pub enum UnsubscribeResponse {
    /// Unsubscribed (also when the link was already used).
    #[oai(status = 200)]
    Ok(Json<Unsubscribed>),
}

#[derive(ApiResponse)]
pub enum ErasedResponse {
    /// Erased: only a hash of the address remains.
    #[oai(status = 204)]
    Erased,
}

#[derive(ApiResponse)]
pub enum SummaryResponse {
    #[oai(status = 200)]
    Ok(Json<NotificationsSummary>),
}

#[derive(ApiResponse)]
pub enum ImportResponse {
    /// What was done with each address.
    #[oai(status = 200)]
    Ok(Json<ImportReport>),
}

#[derive(ApiResponse)]
pub enum SubscribersResponse {
    #[oai(status = 200)]
    Ok(Json<SubscriberPage>),
}

#[derive(ApiResponse)]
pub enum DeliveriesResponse {
    #[oai(status = 200)]
    Ok(Json<DeliveryPage>),
}

#[derive(ApiResponse)]
pub enum DeliveryResponse {
    /// Queued again.
    #[oai(status = 200)]
    Ok(Json<DeliveryView>),
}

#[derive(ApiResponse)]
pub enum JobsResponse {
    /// The background jobs, in the order they run.
    #[oai(status = 200)]
    Ok(Json<Vec<JobView>>),
}

#[derive(ApiResponse)]
pub enum SettingsResponse {
    #[oai(status = 200)]
    Ok(Json<NotificationSettingsView>),
}

#[OpenApi(tag = "ApiTags::Notifications")]
impl NotificationsApi {
    /// Subscribe to a municipality's notices
    ///
    /// No account needed. Nothing is sent but a confirmation message until its link is
    /// followed; unconfirmed requests expire. The answer is the same whether or not the
    /// address was subscribed. Limited per client address and per e-mail address (429).
    #[oai(path = "/tenants/:slug/subscriptions", method = "post")]
    async fn subscribe(
        &self,
        request: &poem::Request,
        slug: Path<String>,
        body: JsonBody<SubscriptionRequest>,
    ) -> ApiResult<SubscribeResponse> {
        self.core
            .subscribe(&slug, &council_shared::http::client_ip(request), &body)
            .await?;
        Ok(SubscribeResponse::Accepted(Json(SubscriptionReceived {
            message: "Thank you: check your inbox for a message with the link that confirms the subscription.".into(),
        })))
    }

    /// Read a subscription (by the secret in its links)
    #[oai(path = "/subscriptions/:token", method = "get")]
    async fn get_subscription(&self, token: Path<String>) -> ApiResult<SubscriptionResponse> {
        let found = subscriptions::by_token(&self.core.db, &token).await?;
        Ok(SubscriptionResponse::Ok(Json(
            self.core.subscription(&found).await?,
        )))
    }

    /// Everything held about a subscription (by the secret in its links)
    ///
    /// The resident's right of access: the subscription, when and from which client address
    /// it was asked for and confirmed, and the messages of the last 30 days. Served with
    /// `Content-Disposition: attachment`, as a file to keep.
    #[oai(path = "/subscriptions/:token/data", method = "get")]
    async fn subscription_data(&self, token: Path<String>) -> ApiResult<SubscriptionDataResponse> {
        let data = self.core.held_about(&token).await?;
        Ok(SubscriptionDataResponse::Ok(
            Json(data),
            "attachment; filename=\"subscription.json\"".to_string(),
            "no-store".to_string(),
        ))
    }

    /// Confirm a subscription (the link in the confirmation message)
    #[oai(path = "/subscriptions/:token/confirm", method = "post")]
    async fn confirm_subscription(
        &self,
        request: &poem::Request,
        token: Path<String>,
    ) -> ApiResult<SubscriptionResponse> {
        let from = council_shared::http::client_ip(request);
        let saved = subscriptions::confirm(&self.core.db, &token, &from).await?;
        Ok(SubscriptionResponse::Ok(Json(
            self.core.subscription(&saved).await?,
        )))
    }

    /// Change topics, language or cadence
    #[oai(path = "/subscriptions/:token", method = "put")]
    async fn change_subscription(
        &self,
        token: Path<String>,
        body: JsonBody<PreferencesInput>,
    ) -> ApiResult<SubscriptionResponse> {
        Ok(SubscriptionResponse::Ok(Json(
            self.core.change_preferences(&token, &body).await?,
        )))
    }

    /// Unsubscribe at once
    ///
    /// Needs no sign-in; also the target of the one-click `List-Unsubscribe-Post`.
    #[oai(path = "/subscriptions/:token/unsubscribe", method = "post")]
    async fn unsubscribe(&self, token: Path<String>) -> ApiResult<UnsubscribeResponse> {
        subscriptions::unsubscribe(&self.core.db, &token).await?;
        Ok(UnsubscribeResponse::Ok(Json(Unsubscribed {
            message: "You will receive no more notices.".into(),
        })))
    }

    /// Erase a subscriber (GDPR)
    ///
    /// The subscription and every message to the address go; only a hash of the address
    /// remains, so that no import brings it back.
    #[oai(path = "/subscriptions/:token", method = "delete")]
    async fn erase_subscription(&self, token: Path<String>) -> ApiResult<ErasedResponse> {
        subscriptions::erase(&self.core.db, &token).await?;
        Ok(ErasedResponse::Erased)
    }

    /// A municipality's notifications at a glance (its administrators)
    ///
    /// Confirmed subscribers by topic, language and cadence; deliveries by state.
    #[oai(path = "/tenants/:slug/notifications", method = "get")]
    async fn summary(&self, caller: SignedIn, slug: Path<String>) -> ApiResult<SummaryResponse> {
        Ok(SummaryResponse::Ok(Json(
            self.core.overview(&caller, &slug).await?,
        )))
    }

    /// Invite a list of addresses (its administrators)
    ///
    /// For an earlier mailing list: each new address gets the confirmation message and
    /// nothing more until its owner follows the link. Addresses already known, and those
    /// whose owners asked to be erased, are left alone. One invalid row refuses the whole
    /// list (422, naming every problem).
    #[oai(path = "/tenants/:slug/subscribers/import", method = "post")]
    async fn import_subscribers(
        &self,
        request: &poem::Request,
        caller: SignedIn,
        slug: Path<String>,
        body: JsonBody<ImportRequest>,
    ) -> ApiResult<ImportResponse> {
        let from = council_shared::http::client_ip(request);
        Ok(ImportResponse::Ok(Json(
            self.core.import_as(&caller, &slug, &body, &from).await?,
        )))
    }

    /// Find subscribers by address (its administrators)
    ///
    /// By address; `q` keeps those whose address contains it, in any case. A whole address
    /// whose owner was erased gives `erased_at`: nothing else is kept of them.
    #[oai(path = "/tenants/:slug/subscribers", method = "get")]
    async fn subscribers(
        &self,
        caller: SignedIn,
        slug: Path<String>,
        /// An address, or part of one.
        q: Query<Option<String>>,
        /// Page number, from 1.
        page: Query<Option<council_shared::pagination::PageNumber>>,
        /// Items per page, 1 to 100 (default 20).
        per_page: Query<Option<council_shared::pagination::PageSize>>,
    ) -> ApiResult<SubscribersResponse> {
        let request = PageRequest::parse(page.0.map(|p| p.0), per_page.0.map(|p| p.0))?;
        Ok(SubscribersResponse::Ok(Json(
            self.core
                .subscriber_page(&caller, &slug, q.0.as_deref(), request)
                .await?,
        )))
    }

    /// Erase a subscriber at their request (its administrators)
    ///
    /// The same erasure as the subscriber's own link: the subscription and every message
    /// to the address go; only a hash of the address remains, so that no import brings it
    /// back.
    #[oai(path = "/tenants/:slug/subscribers/:id", method = "delete")]
    async fn erase_subscriber(
        &self,
        caller: SignedIn,
        slug: Path<String>,
        id: Path<i64>,
    ) -> ApiResult<ErasedResponse> {
        self.core.erase_subscriber(&caller, &slug, *id).await?;
        Ok(ErasedResponse::Erased)
    }

    /// A municipality's deliveries (its administrators)
    #[oai(path = "/tenants/:slug/deliveries", method = "get")]
    async fn deliveries(
        &self,
        caller: SignedIn,
        slug: Path<String>,
        /// `queued`, `in_flight`, `sent` or `failed`.
        state: Query<Option<DeliveryState>>,
        /// Page number, from 1.
        page: Query<Option<council_shared::pagination::PageNumber>>,
        /// Items per page, 1 to 100 (default 20).
        per_page: Query<Option<council_shared::pagination::PageSize>>,
    ) -> ApiResult<DeliveriesResponse> {
        let request = PageRequest::parse(page.0.map(|p| p.0), per_page.0.map(|p| p.0))?;
        Ok(DeliveriesResponse::Ok(Json(
            self.core
                .delivery_page(&caller, &slug, state.0, request)
                .await?,
        )))
    }

    /// Retry a failed delivery (its municipality's administrators)
    #[oai(path = "/tenants/:slug/deliveries/:id/retry", method = "post")]
    async fn retry_delivery(
        &self,
        caller: SignedIn,
        slug: Path<String>,
        id: Path<i64>,
    ) -> ApiResult<DeliveryResponse> {
        Ok(DeliveryResponse::Ok(Json(
            self.core.retry(&caller, &slug, *id).await?,
        )))
    }

    /// Every municipality's deliveries (platform administrators)
    ///
    /// Newest first; `tenant_id` names the municipality each was sent for.
    #[oai(path = "/platform/deliveries", method = "get")]
    async fn platform_deliveries(
        &self,
        caller: SignedIn,
        /// `queued`, `in_flight`, `sent` or `failed`.
        state: Query<Option<DeliveryState>>,
        /// Page number, from 1.
        page: Query<Option<council_shared::pagination::PageNumber>>,
        /// Items per page, 1 to 100 (default 20).
        per_page: Query<Option<council_shared::pagination::PageSize>>,
    ) -> ApiResult<DeliveriesResponse> {
        let request = PageRequest::parse(page.0.map(|p| p.0), per_page.0.map(|p| p.0))?;
        Ok(DeliveriesResponse::Ok(Json(
            self.core
                .platform_delivery_page(&caller, state.0, request)
                .await?,
        )))
    }

    /// Retry any municipality's failed delivery (platform administrators)
    #[oai(path = "/platform/deliveries/:id/retry", method = "post")]
    async fn platform_retry_delivery(
        &self,
        caller: SignedIn,
        id: Path<i64>,
    ) -> ApiResult<DeliveryResponse> {
        Ok(DeliveryResponse::Ok(Json(
            self.core.platform_retry(&caller, *id).await?,
        )))
    }

    /// The background jobs: last run, next run, last failure (platform administrators)
    #[oai(path = "/platform/jobs", method = "get")]
    async fn platform_jobs(&self, caller: SignedIn) -> ApiResult<JobsResponse> {
        let found = self.core.job_statuses(&caller).await?;
        Ok(JobsResponse::Ok(Json(
            found
                .into_iter()
                .map(|j| JobView {
                    name: j.name,
                    schedule: j.schedule,
                    last_run_at: j.last_run_at,
                    next_run_at: j.next_run_at,
                    last_failed_at: j.last_failed_at,
                    last_error: j.last_error,
                })
                .collect(),
        )))
    }

    /// A municipality's notification settings (its administrators)
    #[oai(path = "/tenants/:slug/notification-settings", method = "get")]
    async fn get_settings(
        &self,
        caller: SignedIn,
        slug: Path<String>,
    ) -> ApiResult<SettingsResponse> {
        Ok(SettingsResponse::Ok(Json(
            self.core.notice_settings(&caller, &slug).await?,
        )))
    }

    /// Change the digest schedule and reminder time (its administrators)
    #[oai(path = "/tenants/:slug/notification-settings", method = "put")]
    async fn put_settings(
        &self,
        caller: SignedIn,
        slug: Path<String>,
        body: JsonBody<NotificationSettingsView>,
    ) -> ApiResult<SettingsResponse> {
        Ok(SettingsResponse::Ok(Json(
            self.core
                .save_notice_settings(&caller, &slug, &body)
                .await?,
        )))
    }
}

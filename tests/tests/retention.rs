//! Personal data kept only as long as needed: each service's retention rule removes what
//! has served its purpose (`retention` settings), and nothing still needed goes (a
//! confirmed subscription, a pending delivery, a live session, a valid link). The rules
//! are run as the daily job runs them, on rows whose times say how old they are; a second
//! test shows the jobs themselves run on their schedule.

use chrono::{Duration, Utc};
use integration_tests::{Backend, TestApp, on_both_backends, on_both_databases};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ConnectionTrait, DatabaseConnection, EntityTrait,
    QueryOrder,
};

use notifications::entities::{body, bounce, delivery, subscriber};
use practices::entities::{feedback, practice};
use tenants::entities::{
    access_request, audit_event, oidc_flow, role_grant, session, sign_in_link, tenant, user,
};

fn ago(days: i64) -> chrono::DateTime<Utc> {
    Utc::now() - Duration::days(days)
}

/// The municipality and the practice the rows below belong to.
async fn a_municipality_and_a_practice(app: &TestApp) -> (i64, i64) {
    app.load_demo_data().await;
    let reads = tenants::public::TenantReads::from_context(&app.context);
    practices::demo::load(&app.context.db, reads.as_ref())
        .await
        .expect("demo practices");
    let tenant = tenant::Entity::find()
        .order_by_asc(tenant::Column::Id)
        .one(&app.context.db)
        .await
        .unwrap()
        .expect("a municipality");
    let practice = practice::Entity::find()
        .order_by_asc(practice::Column::Id)
        .one(&app.context.db)
        .await
        .unwrap()
        .expect("a practice");
    (tenant.id, practice.id)
}

async fn a_user(db: &DatabaseConnection, email: &str) -> i64 {
    user::ActiveModel {
        email: Set(email.into()),
        created_at: Set(ago(400)),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap()
    .id
}

async fn a_session(
    db: &DatabaseConnection,
    user_id: i64,
    name: &str,
    ends: i64,
    ended: bool,
) -> i64 {
    session::ActiveModel {
        token_hash: Set(format!("hash-of-{name}")),
        user_id: Set(user_id),
        method: Set("email".into()),
        created_at: Set(ago(1)),
        expires_at: Set(Utc::now() + Duration::hours(ends)),
        last_seen_at: Set(Utc::now() - Duration::minutes(5)),
        ended_at: Set(ended.then(|| Utc::now() - Duration::minutes(1))),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap()
    .id
}

async fn a_sign_in_link(db: &DatabaseConnection, name: &str, ends_in_minutes: i64) -> i64 {
    sign_in_link::ActiveModel {
        token_hash: Set(format!("hash-of-{name}")),
        email: Set(format!("{name}@example.org")),
        return_to: Set("/workspace".into()),
        created_at: Set(Utc::now() - Duration::minutes(30)),
        expires_at: Set(Utc::now() + Duration::minutes(ends_in_minutes)),
        requested_ip: Set(Some("192.0.2.1".into())),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap()
    .id
}

async fn an_oidc_flow(db: &DatabaseConnection, name: &str, ends_in_minutes: i64) -> i64 {
    oidc_flow::ActiveModel {
        state_hash: Set(format!("state-{name}")),
        browser_hash: Set(format!("browser-{name}")),
        provider: Set("platform".into()),
        pkce_verifier: Set("verifier".into()),
        nonce: Set("nonce".into()),
        return_to: Set("/workspace".into()),
        created_at: Set(Utc::now() - Duration::minutes(30)),
        expires_at: Set(Utc::now() + Duration::minutes(ends_in_minutes)),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap()
    .id
}

async fn an_invitation(
    db: &DatabaseConnection,
    tenant_id: i64,
    email: &str,
    ends_in_days: i64,
    user_id: Option<i64>,
) -> i64 {
    role_grant::ActiveModel {
        user_id: Set(user_id),
        invited_email: Set(user_id.is_none().then(|| email.to_string())),
        role: Set("secretary".into()),
        tenant_id: Set(Some(tenant_id)),
        created_at: Set(ago(20)),
        invitation_expires_at: Set(Some(Utc::now() + Duration::days(ends_in_days))),
        accepted_at: Set(user_id.map(|_| ago(10))),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap()
    .id
}

async fn an_access_request(
    db: &DatabaseConnection,
    tenant_id: i64,
    state: &str,
    decided_days_ago: Option<i64>,
) -> i64 {
    access_request::ActiveModel {
        tenant_id: Set(tenant_id),
        full_name: Set("Maria Papadopoulou".into()),
        email: Set(format!("{state}-{decided_days_ago:?}@example.org")),
        role: Set("council_member".into()),
        reason: Set("I represent the migrant community.".into()),
        state: Set(state.into()),
        created_at: Set(ago(decided_days_ago.unwrap_or(60) + 1)),
        decided_at: Set(decided_days_ago.map(ago)),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap()
    .id
}

async fn an_audit_entry(db: &DatabaseConnection, days_ago: i64) -> i64 {
    audit_event::ActiveModel {
        at: Set(ago(days_ago)),
        actor_email: Set(Some("admin@example.org".into())),
        action: Set("role_granted".into()),
        target: Set(Some(format!("entry of {days_ago} days ago"))),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap()
    .id
}

async fn feedback_on(
    db: &DatabaseConnection,
    practice_id: i64,
    email: &str,
    moderated_days_ago: Option<i64>,
) -> i64 {
    feedback::ActiveModel {
        practice_id: Set(practice_id),
        name: Set(Some("Ahmad".into())),
        email: Set(email.into()),
        body: Set("We tried this in our city too.".into()),
        state: Set(if moderated_days_ago.is_some() {
            "approved"
        } else {
            "pending"
        }
        .into()),
        created_at: Set(ago(moderated_days_ago.unwrap_or(0) + 100)),
        moderated_at: Set(moderated_days_ago.map(ago)),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap()
    .id
}

async fn a_subscriber(
    db: &DatabaseConnection,
    tenant_id: i64,
    email: &str,
    state: &str,
    days_ago: i64,
) -> i64 {
    subscriber::ActiveModel {
        tenant_id: Set(tenant_id),
        email: Set(email.into()),
        language: Set("ar".into()),
        topics: Set("meetings".into()),
        cadence: Set("immediate".into()),
        state: Set(state.into()),
        token: Set(format!("token-{email}")),
        expires_at: Set((state == "pending").then(|| ago(days_ago) + Duration::hours(72))),
        confirmed_at: Set((state == "active").then(|| ago(days_ago))),
        created_at: Set(ago(days_ago)),
        updated_at: Set(ago(days_ago)),
        requested_at: Set(Some(ago(days_ago))),
        requested_from: Set(Some("192.0.2.7".into())),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap()
    .id
}

async fn a_shared_text(db: &DatabaseConnection, days_ago: i64) -> i64 {
    body::ActiveModel {
        text_body: Set("The council meets on Thursday. Unsubscribe: {{TOKEN}}".into()),
        html_body: Set(None),
        placeholder: Set("{{TOKEN}}".into()),
        created_at: Set(ago(days_ago)),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap()
    .id
}

async fn a_message(
    db: &DatabaseConnection,
    tenant_id: i64,
    recipient: &str,
    state: &str,
    days_ago: i64,
    body_id: Option<i64>,
) -> i64 {
    delivery::ActiveModel {
        tenant_id: Set(Some(tenant_id)),
        idempotency_key: Set(format!("{recipient}-{state}-{days_ago}")),
        message_id: Set(format!("<{recipient}-{days_ago}@semp.example>")),
        kind: Set("notice.meeting".into()),
        recipient: Set(recipient.into()),
        subject: Set("The council meets on Thursday".into()),
        text_body: Set(if body_id.is_some() {
            ""
        } else {
            "Dear resident"
        }
        .into()),
        html_body: Set(body_id.is_none().then(|| "<p>Dear resident</p>".into())),
        unsubscribe_url: Set(Some(
            "https://semp.example/subscriptions/t/unsubscribe".into(),
        )),
        state: Set(state.into()),
        attempts: Set(if state == "queued" { 0 } else { 2 }),
        next_attempt_at: Set(ago(days_ago)),
        created_at: Set(ago(days_ago)),
        updated_at: Set(ago(days_ago)),
        sent_at: Set((state == "sent").then(|| ago(days_ago))),
        body_id: Set(body_id),
        body_token: Set(body_id.map(|_| "t0k3n".into())),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap()
    .id
}

async fn a_bounce_report(db: &DatabaseConnection, email: &str, days_ago: i64) -> i64 {
    bounce::ActiveModel {
        email: Set(email.into()),
        kind: Set("soft".into()),
        status: Set(Some("4.2.2".into())),
        received_at: Set(ago(days_ago)),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap()
    .id
}

/// An upload to `service`'s store, its bytes written and never committed, begun
/// `hours_ago` (the store's own time: the row's on PostgreSQL, the file's on disk).
async fn an_upload(app: &TestApp, service: &str, hours_ago: i64, commit: bool) -> String {
    let store =
        council_shared::files::store_for(&app.context.db, &app.context.settings.data_dir, service)
            .unwrap();
    let (key, mut upload) = store.create().await.unwrap();
    upload.write(b"%PDF-1.7 half a document").await.unwrap();
    upload.finish().await.unwrap();
    if commit {
        store.commit(&key).await.unwrap();
    }
    // Once backdated an abandoned upload may go at the next run of a purge job, so that it
    // was there is checked here, before it is made old.
    assert!(
        upload_kept(app, service, &key).await,
        "{service} {key} is written"
    );
    let begun = Utc::now() - Duration::hours(hours_ago);
    match app.context.db.get_database_backend() {
        sea_orm::DbBackend::Postgres => {
            let backdated = app
                .context
                .db
                .execute_raw(sea_orm::Statement::from_sql_and_values(
                    sea_orm::DbBackend::Postgres,
                    format!(
                        "UPDATE {service}_stored_files SET created_at = $1 WHERE storage_key = $2"
                    ),
                    [begun.into(), key.clone().into()],
                ))
                .await
                .unwrap();
            assert_eq!(backdated.rows_affected(), 1, "{service} {key} is backdated");
        }
        _ if !commit => {
            let folder =
                council_shared::files::disk_folder(&app.context.settings.data_dir, service);
            std::fs::File::options()
                .write(true)
                .open(folder.join("tmp").join(&key))
                .unwrap()
                .set_modified(begun.into())
                .unwrap();
        }
        _ => {}
    }
    key
}

/// Whether `service`'s store still has bytes under `key`, committed or not.
async fn upload_kept(app: &TestApp, service: &str, key: &str) -> bool {
    let store =
        council_shared::files::store_for(&app.context.db, &app.context.settings.data_dir, service)
            .unwrap();
    matches!(store.read_at(key, 0, 4).await, Ok(bytes) if !bytes.is_empty())
}

async fn exists<E: EntityTrait>(db: &DatabaseConnection, id: i64) -> bool
where
    <E::PrimaryKey as sea_orm::PrimaryKeyTrait>::ValueType: From<i64>,
{
    E::find_by_id(id).one(db).await.unwrap().is_some()
}

async fn each_rule_removes_what_has_served_its_purpose_and_keeps_what_is_needed(app: TestApp) {
    let db = &app.context.db;
    let settings = &app.context.settings;
    let (tenant_id, practice_id) = a_municipality_and_a_practice(&app).await;

    // Accounts.
    let secretary = a_user(db, "secretary@example.org").await;
    let live = a_session(db, secretary, "live", 8, false).await;
    let expired = a_session(db, secretary, "expired", -1, false).await;
    let signed_out = a_session(db, secretary, "signed-out", 8, true).await;
    let valid_link = a_sign_in_link(db, "valid", 10).await;
    let old_link = a_sign_in_link(db, "old", -5).await;
    let live_flow = an_oidc_flow(db, "live", 5).await;
    let old_flow = an_oidc_flow(db, "old", -5).await;
    let open_invitation = an_invitation(db, tenant_id, "soon@example.org", 3, None).await;
    let lapsed_invitation = an_invitation(db, tenant_id, "never@example.org", -1, None).await;
    let accepted = an_invitation(db, tenant_id, "", -5, Some(secretary)).await;
    let declined_long_ago = an_access_request(db, tenant_id, "declined", Some(31)).await;
    let declined_lately = an_access_request(db, tenant_id, "declined", Some(5)).await;
    let waiting = an_access_request(db, tenant_id, "pending", None).await;
    let approved = an_access_request(db, tenant_id, "accepted", Some(90)).await;
    let three_years_old = an_audit_entry(db, 3 * 365).await;
    let last_year = an_audit_entry(db, 365).await;

    // Feedback.
    let moderated_long_ago = feedback_on(db, practice_id, "ahmad@example.org", Some(31)).await;
    let moderated_lately = feedback_on(db, practice_id, "sara@example.org", Some(3)).await;
    let unmoderated = feedback_on(db, practice_id, "leyla@example.org", None).await;

    // Subscriptions and messages.
    let unconfirmed_old = a_subscriber(db, tenant_id, "late@example.org", "pending", 8).await;
    let unconfirmed_new = a_subscriber(db, tenant_id, "soon@example.org", "pending", 2).await;
    let confirmed = a_subscriber(db, tenant_id, "eleni@example.org", "active", 400).await;
    let sent_long_ago = a_message(db, tenant_id, "eleni@example.org", "sent", 31, None).await;
    let failed_long_ago = a_message(db, tenant_id, "gone@example.org", "failed", 40, None).await;
    let sent_lately = a_message(db, tenant_id, "eleni@example.org", "sent", 5, None).await;
    let old_text = a_shared_text(db, 45).await;
    let sent_with_text = a_message(
        db,
        tenant_id,
        "omar@example.org",
        "sent",
        45,
        Some(old_text),
    )
    .await;
    let pending_text = a_shared_text(db, 45).await;
    let pending = a_message(
        db,
        tenant_id,
        "omar@example.org",
        "queued",
        45,
        Some(pending_text),
    )
    .await;
    let old_bounce = a_bounce_report(db, "gone@example.org", 40).await;
    let recent_bounce = a_bounce_report(db, "gone@example.org", 5).await;

    let now = Utc::now();
    let accounts = tenants::retention::purge(db, settings, now).await.unwrap();
    let feedback_cleared = practices::retention::purge(db, &settings.retention, now)
        .await
        .unwrap();
    let messages = notifications::service::retention::purge(db, &settings.retention, 30, now)
        .await
        .unwrap();
    // What the job says it did (the operators' log line).
    assert_eq!(accounts.sessions, 2, "{accounts:?}");
    assert_eq!(accounts.sign_in_links, 1, "{accounts:?}");
    assert_eq!(accounts.oidc_flows, 1, "{accounts:?}");
    assert_eq!(accounts.invitations, 1, "{accounts:?}");
    assert_eq!(accounts.access_requests, 1, "{accounts:?}");
    assert_eq!(accounts.audit_events, 1, "{accounts:?}");
    assert_eq!(feedback_cleared, 1);
    assert_eq!(messages.unconfirmed_subscriptions, 1, "{messages:?}");
    assert_eq!(messages.messages_cleared, 3, "{messages:?}");
    assert_eq!(messages.texts_deleted, 1, "{messages:?}");
    assert_eq!(messages.bounce_reports, 1, "{messages:?}");

    // Gone.
    assert!(!exists::<session::Entity>(db, expired).await);
    assert!(!exists::<session::Entity>(db, signed_out).await);
    assert!(!exists::<sign_in_link::Entity>(db, old_link).await);
    assert!(!exists::<oidc_flow::Entity>(db, old_flow).await);
    assert!(!exists::<role_grant::Entity>(db, lapsed_invitation).await);
    assert!(!exists::<access_request::Entity>(db, declined_long_ago).await);
    assert!(!exists::<audit_event::Entity>(db, three_years_old).await);
    assert!(!exists::<subscriber::Entity>(db, unconfirmed_old).await);
    assert!(!exists::<body::Entity>(db, old_text).await);
    assert!(!exists::<bounce::Entity>(db, old_bounce).await);
    // Still needed.
    assert!(exists::<session::Entity>(db, live).await);
    assert!(exists::<sign_in_link::Entity>(db, valid_link).await);
    assert!(exists::<oidc_flow::Entity>(db, live_flow).await);
    assert!(exists::<role_grant::Entity>(db, open_invitation).await);
    assert!(
        exists::<role_grant::Entity>(db, accepted).await,
        "a role in use stays"
    );
    for kept in [declined_lately, waiting, approved] {
        assert!(exists::<access_request::Entity>(db, kept).await);
    }
    assert!(exists::<audit_event::Entity>(db, last_year).await);
    assert!(exists::<subscriber::Entity>(db, unconfirmed_new).await);
    assert!(exists::<subscriber::Entity>(db, confirmed).await);
    assert!(exists::<body::Entity>(db, pending_text).await);
    assert!(
        exists::<bounce::Entity>(db, recent_bounce).await,
        "it still counts"
    );

    // Feedback stays, only the address of the old one goes.
    let email_of = |id| async move {
        feedback::Entity::find_by_id(id)
            .one(db)
            .await
            .unwrap()
            .expect("the feedback stays")
            .email
    };
    assert_eq!(email_of(moderated_long_ago).await, "");
    assert_eq!(email_of(moderated_lately).await, "sara@example.org");
    assert_eq!(email_of(unmoderated).await, "leyla@example.org");

    // A message long sent keeps its record and loses its text and address.
    let message = |id| async move {
        delivery::Entity::find_by_id(id)
            .one(db)
            .await
            .unwrap()
            .expect("the delivery record stays")
    };
    for cleared in [sent_long_ago, failed_long_ago, sent_with_text] {
        let found = message(cleared).await;
        assert_eq!(found.recipient, "");
        assert_eq!(found.text_body, "");
        assert_eq!(found.html_body, None);
        assert_eq!(found.unsubscribe_url, None);
        assert_eq!((found.body_id, found.body_token), (None, None));
        assert_eq!(found.attempts, 2, "the figures stay");
        assert!(found.state == "sent" || found.state == "failed");
    }
    assert!(message(sent_long_ago).await.sent_at.is_some());
    // A failed one whose text is gone cannot be sent again.
    let (status, problem) = app
        .post(
            &format!("/api/v1/platform/deliveries/{failed_long_ago}/retry"),
            &serde_json::json!({}),
        )
        .await;
    assert_eq!(status, 409, "{problem}");
    let lately = message(sent_lately).await;
    assert_eq!(lately.recipient, "eleni@example.org");
    assert_eq!(lately.text_body, "Dear resident");
    let waiting_message = message(pending).await;
    assert_eq!(waiting_message.recipient, "omar@example.org");
    assert_eq!(waiting_message.body_id, Some(pending_text));
    assert_eq!(waiting_message.body_token.as_deref(), Some("t0k3n"));

    // A second run finds nothing more.
    let again = tenants::retention::purge(db, settings, now).await.unwrap();
    assert_eq!(again.total(), 0, "{again:?}");
    let again = notifications::service::retention::purge(db, &settings.retention, 30, now)
        .await
        .unwrap();
    assert_eq!(again.total(), 0, "{again:?}");
}

on_both_databases!(each_rule_removes_what_has_served_its_purpose_and_keeps_what_is_needed);

/// The three jobs run by themselves on their schedule (every second here), on one instance.
async fn the_retention_jobs_run_on_their_schedule(backend: Backend) {
    let Some(app) = TestApp::spawn_with(backend, |settings| {
        settings.retention.schedule = "* * * * * *".into();
    })
    .await
    else {
        return;
    };
    let db = &app.context.db;
    let (tenant_id, practice_id) = a_municipality_and_a_practice(&app).await;
    let old_link = a_sign_in_link(db, "old", -5).await;
    let old_feedback = feedback_on(db, practice_id, "ahmad@example.org", Some(31)).await;
    let unconfirmed = a_subscriber(db, tenant_id, "late@example.org", "pending", 8).await;
    // Uploads an instance left half done two days ago go; one under way, and a committed
    // one however old, stay.
    let mut abandoned = Vec::new();
    let mut kept = Vec::new();
    for service in ["meetings", "practices"] {
        abandoned.push((service, an_upload(&app, service, 48, false).await));
        kept.push((service, an_upload(&app, service, 1, false).await));
        kept.push((service, an_upload(&app, service, 48, true).await));
    }
    // (That the abandoned ones were there `an_upload` checked: the jobs run every second
    // and may have taken them already.)
    for (service, key) in &kept {
        assert!(
            upload_kept(&app, service, key).await,
            "{service} {key} is there at first"
        );
    }
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        let mut uploads_gone = true;
        for (service, key) in &abandoned {
            uploads_gone &= !upload_kept(&app, service, key).await;
        }
        let link_gone = !exists::<sign_in_link::Entity>(db, old_link).await;
        let address_gone = feedback::Entity::find_by_id(old_feedback)
            .one(db)
            .await
            .unwrap()
            .is_some_and(|f| f.email.is_empty());
        let subscriber_gone = !exists::<subscriber::Entity>(db, unconfirmed).await;
        if link_gone && address_gone && subscriber_gone && uploads_gone {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the jobs did not run: link gone {link_gone}, address gone {address_gone}, \
             subscriber gone {subscriber_gone}, abandoned uploads gone {uploads_gone}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    // The operators see each job's last run.
    let accounts = tenants::retention::JOBS
        .status(db, tenants::retention::JOB, "* * * * * *")
        .await
        .unwrap();
    assert!(accounts.last_run_at.is_some(), "{accounts:?}");
    assert!(accounts.last_error.is_none(), "{accounts:?}");
    for (service, key) in &kept {
        assert!(
            upload_kept(&app, service, key).await,
            "{service} {key} stays"
        );
    }
    let uploads = meetings::jobs::JOBS
        .status(
            db,
            council_shared::files::purge_job("meetings"),
            "* * * * * *",
        )
        .await
        .unwrap();
    assert!(uploads.last_run_at.is_some(), "{uploads:?}");
    assert!(uploads.last_error.is_none(), "{uploads:?}");
}

on_both_backends!(the_retention_jobs_run_on_their_schedule);

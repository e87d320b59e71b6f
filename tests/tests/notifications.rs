//! E-mail notices through a real SMTP server (aiosmtpd, reading what it kept): the double
//! opt-in, a resident's notice with its one-click unsubscribe, a digest on the
//! municipality's cron schedule, and a fan-out to 1,000 subscribers while the SMTP server
//! is down, then back: every message arrives exactly once.

use std::{path::Path, time::Duration};

use integration_tests::{
    Backend, TestApp, send,
    smtp::{
        SmtpServer, decoded, free_port, header, messages_in, smtp_on, start_smtp_server,
        start_smtp_server_on, to, wait_for,
    },
};
use reqwest::Method;
use serde_json::{Value, json};

/// The platform sending to a fresh aiosmtpd; None when aiosmtpd is missing outside CI.
async fn with_mail_server(backend: Backend) -> Option<(TestApp, SmtpServer, tempfile::TempDir)> {
    let dir = tempfile::tempdir().unwrap();
    let server = start_smtp_server(&dir.path().join("maildir")).await?;
    let port = server.port;
    let app = TestApp::spawn_with(backend, |s| s.mail.smtp = Some(smtp_on(port))).await?;
    Some((app, server, dir))
}

async fn api(
    app: &TestApp,
    token: Option<&str>,
    method: Method,
    path: &str,
    body: Option<Value>,
) -> (u16, Value) {
    send(
        &app.client,
        &app.url(&format!("/api/v1{path}")),
        token,
        method,
        body,
    )
    .await
}

/// The subscription secret in a confirmation message's link.
fn token_in(message: &str) -> String {
    let text = decoded(message);
    let start = text
        .find("/subscriptions/")
        .unwrap_or_else(|| panic!("a subscription link in {message}"))
        + "/subscriptions/".len();
    text[start..start + 64].to_string()
}

async fn convene(app: &TestApp, title: &str) -> i64 {
    integration_tests::convene(&app.client, &app.base, &app.token, "alpha", title).await
}

/// Subscribes `email` and confirms through the link in its message; returns its secret.
async fn confirmed(app: &TestApp, maildir: &Path, email: &str, body: Value) -> String {
    let (status, _) = api(
        app,
        None,
        Method::POST,
        "/tenants/alpha/subscriptions",
        Some(body),
    )
    .await;
    assert_eq!(status, 202);
    let received = wait_for(maildir, "the confirmation", |m| {
        m.iter().any(|m| to(m, email))
    })
    .await;
    let message = received.iter().find(|m| to(m, email)).unwrap();
    let token = token_in(message);
    let (status, view) = api(
        app,
        None,
        Method::POST,
        &format!("/subscriptions/{token}/confirm"),
        None,
    )
    .await;
    assert_eq!((status, view["state"].as_str()), (200, Some("active")));
    token
}

async fn residents_confirm_get_notices_and_unsubscribe_in_one_click(backend: Backend) {
    let Some((app, _server, dir)) = with_mail_server(backend).await else {
        return;
    };
    let maildir = dir.path().join("maildir");
    app.create_tenant("alpha").await;

    // Bad requests are named field by field; an unknown municipality is 404.
    let (status, problem) = api(
        &app,
        None,
        Method::POST,
        "/tenants/alpha/subscriptions",
        Some(json!({"email": "nope", "topics": ["weather"]})),
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(
        integration_tests::error_fields(&problem),
        ["email", "topics"]
    );
    let (status, _) = api(
        &app,
        None,
        Method::POST,
        "/tenants/nowhere/subscriptions",
        Some(json!({"email": "a@example.org", "topics": ["all"]})),
    )
    .await;
    assert_eq!(status, 404);

    // A confirmed neighbour shows when an event has been handled.
    let control = "neighbour@example.org";
    confirmed(
        &app,
        &maildir,
        control,
        json!({"email": control, "topics": ["all"]}),
    )
    .await;

    // Double opt-in: the resident gets the confirmation and nothing else until they follow it.
    let resident = "resident@example.org";
    let (status, answer) = api(
        &app,
        None,
        Method::POST,
        "/tenants/alpha/subscriptions",
        Some(json!({"email": resident, "topics": ["meetings"], "language": "en"})),
    )
    .await;
    assert_eq!(status, 202);
    let received = wait_for(&maildir, "the confirmation", |m| {
        m.iter().any(|m| to(m, resident))
    })
    .await;
    let confirmation = received.iter().find(|m| to(m, resident)).unwrap();
    assert!(
        decoded(confirmation).contains("Confirm your subscription"),
        "{confirmation}"
    );
    let token = token_in(confirmation);
    convene(&app, "Πρώτη συνεδρίαση").await;
    let received = wait_for(&maildir, "the first notice to the neighbour", |m| {
        m.iter()
            .any(|m| to(m, control) && decoded(m).contains("Πρώτη συνεδρίαση"))
    })
    .await;
    assert_eq!(
        received.iter().filter(|m| to(m, resident)).count(),
        1,
        "only the confirmation"
    );

    // Asking again does not reveal that the address is known.
    let (_, again) = api(
        &app,
        None,
        Method::POST,
        "/tenants/alpha/subscriptions",
        Some(json!({"email": control, "topics": ["all"]})),
    )
    .await;
    assert_eq!(again, answer);

    // Confirmed: the next meeting's notice, in English, with its public agenda only.
    let (status, _) = api(
        &app,
        None,
        Method::POST,
        &format!("/subscriptions/{token}/confirm"),
        None,
    )
    .await;
    assert_eq!(status, 200);
    convene(&app, "Δεύτερη συνεδρίαση").await;
    let received = wait_for(&maildir, "the resident's notice", |m| {
        m.iter()
            .any(|m| to(m, resident) && decoded(m).contains("Δεύτερη συνεδρίαση"))
    })
    .await;
    let notice = received
        .iter()
        .find(|m| to(m, resident) && decoded(m).contains("Δεύτερη συνεδρίαση"))
        .unwrap();
    let text = decoded(notice);
    assert!(
        header(notice, "Subject")
            .unwrap()
            .contains("New council meeting")
            || text.contains("New council meeting"),
        "{notice}"
    );
    assert!(
        text.contains("Πρόγραμμα εκμάθησης ελληνικών"),
        "the public item"
    );
    assert!(!text.contains("Ατομική υπόθεση"), "never the closed one");
    assert!(header(notice, "Message-ID").is_some());
    let unsubscribe = header(notice, "List-Unsubscribe").expect("List-Unsubscribe");
    assert_eq!(
        header(notice, "List-Unsubscribe-Post"),
        Some("List-Unsubscribe=One-Click")
    );
    let url = unsubscribe
        .trim_start_matches('<')
        .trim_end_matches('>')
        .to_string();
    assert!(
        url.ends_with(&format!("/subscriptions/{token}/unsubscribe")),
        "{url}"
    );

    // One click (RFC 8058): a POST without sign-in ends it at once.
    let clicked = app
        .client
        .post(&url)
        .header("content-type", "application/x-www-form-urlencoded")
        .body("List-Unsubscribe=One-Click")
        .send()
        .await
        .unwrap();
    assert_eq!(clicked.status(), 200);
    let (status, _) = api(
        &app,
        None,
        Method::GET,
        &format!("/subscriptions/{token}"),
        None,
    )
    .await;
    assert_eq!(status, 404, "the subscription is gone");
    convene(&app, "Τρίτη συνεδρίαση").await;
    let received = wait_for(&maildir, "the third notice to the neighbour", |m| {
        m.iter()
            .any(|m| to(m, control) && decoded(m).contains("Τρίτη συνεδρίαση"))
    })
    .await;
    assert!(
        !received
            .iter()
            .any(|m| to(m, resident) && decoded(m).contains("Τρίτη συνεδρίαση"))
    );

    // The operators' view.
    let (status, summary) = api(
        &app,
        Some(&app.token),
        Method::GET,
        "/tenants/alpha/notifications",
        None,
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(summary["subscribers"], 1);
    let (status, _) = api(
        &app,
        None,
        Method::GET,
        "/tenants/alpha/notifications",
        None,
    )
    .await;
    assert_eq!(status, 401);
}

async fn a_digest_collects_the_notices_on_the_municipality_schedule(backend: Backend) {
    let Some((app, _server, dir)) = with_mail_server(backend).await else {
        return;
    };
    let maildir = dir.path().join("maildir");
    app.create_tenant("alpha").await;
    let settings = "/tenants/alpha/notification-settings";
    let (status, problem) = api(
        &app,
        Some(&app.token),
        Method::PUT,
        settings,
        Some(json!({"digest_schedule": "every monday", "reminder_minutes": 5})),
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(
        integration_tests::error_fields(&problem),
        ["digest_schedule", "reminder_minutes"]
    );
    // Not due while the notices gather: the first of January at 08:00.
    let (status, _) = api(
        &app,
        Some(&app.token),
        Method::PUT,
        settings,
        Some(json!({"digest_schedule": "0 0 8 1 1 *", "reminder_minutes": 1440})),
    )
    .await;
    assert_eq!(status, 200);
    let control = "neighbour@example.org";
    confirmed(
        &app,
        &maildir,
        control,
        json!({"email": control, "topics": ["meetings"]}),
    )
    .await;
    let reader = "weekly@example.org";
    confirmed(
        &app,
        &maildir,
        reader,
        json!({"email": reader, "topics": ["all"], "cadence": "digest"}),
    )
    .await;
    convene(&app, "Συνεδρίαση Α").await;
    convene(&app, "Συνεδρίαση Β").await;
    wait_for(&maildir, "both notices to the neighbour", |m| {
        m.iter()
            .filter(|m| to(m, control) && decoded(m).contains("Συνεδρίαση"))
            .count()
            == 2
    })
    .await;
    assert_eq!(
        messages_in(&maildir)
            .iter()
            .filter(|m| to(m, reader))
            .count(),
        1,
        "only the confirmation so far"
    );

    // Every second from now on: the next run sends one digest with both.
    api(
        &app,
        Some(&app.token),
        Method::PUT,
        settings,
        Some(json!({"digest_schedule": "* * * * * *", "reminder_minutes": 1440})),
    )
    .await;
    let received = wait_for(&maildir, "the digest", |m| {
        m.iter().filter(|m| to(m, reader)).count() == 2
    })
    .await;
    let digest = received
        .iter()
        .find(|m| to(m, reader) && decoded(m).contains("Συνεδρίαση Α"))
        .expect("the digest");
    assert!(decoded(digest).contains("Συνεδρίαση Β"));
    assert!(header(digest, "List-Unsubscribe").is_some());
    tokio::time::sleep(Duration::from_millis(2500)).await;
    assert_eq!(
        messages_in(&maildir)
            .iter()
            .filter(|m| to(m, reader))
            .count(),
        2,
        "nothing twice"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_fan_out_to_a_thousand_survives_the_smtp_server_being_down() {
    let dir = tempfile::tempdir().unwrap();
    let maildir = dir.path().join("maildir");
    let installed = std::process::Command::new("python3")
        .args(["-c", "import aiosmtpd"])
        .status()
        .is_ok_and(|s| s.success());
    if integration_tests::required_tool("Python aiosmtpd (pip)", installed.then_some(())).is_none()
    {
        return;
    }
    let port = free_port();
    let Some(app) = TestApp::spawn_with(Backend::Sqlite, |s| {
        s.mail.smtp = Some(smtp_on(port));
        s.notifications.workers = 8;
    })
    .await
    else {
        return;
    };
    app.create_tenant("alpha").await;
    let tenant_id = app.get_json("/api/v1/tenants/alpha").await.1["id"]
        .as_i64()
        .unwrap();
    integration_tests::confirmed_residents(&app.context.db, tenant_id, 1000).await;
    convene(&app, "Συνεδρίαση για όλους").await;
    // The server is down: deliveries are tried, fail for now, and wait for their retry.
    for _ in 0..200 {
        let (_, failed_once) = api(
            &app,
            Some(&app.token),
            Method::GET,
            "/tenants/alpha/deliveries?state=queued&per_page=1",
            None,
        )
        .await;
        if failed_once["items"][0]["last_error"].is_string() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let (_, all) = api(
        &app,
        Some(&app.token),
        Method::GET,
        "/tenants/alpha/deliveries?per_page=1",
        None,
    )
    .await;
    assert_eq!(all["total"], 1000, "one per subscriber: {all}");
    let (_, sent) = api(
        &app,
        Some(&app.token),
        Method::GET,
        "/tenants/alpha/deliveries?state=sent",
        None,
    )
    .await;
    assert_eq!(sent["total"], 0, "none could be sent");

    let _server = start_smtp_server_on(&maildir, port)
        .await
        .expect("aiosmtpd");
    let received = wait_for(&maildir, "a thousand notices", |m| m.len() >= 1000).await;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let received_after = messages_in(&maildir);
    assert_eq!(
        received_after.len(),
        1000,
        "exactly once each ({} at first)",
        received.len()
    );
    let mut recipients: Vec<&str> = received_after
        .iter()
        .filter_map(|m| header(m, "To"))
        .collect();
    recipients.sort_unstable();
    recipients.dedup();
    assert_eq!(recipients.len(), 1000, "every subscriber once");
    let (_, summary) = api(
        &app,
        Some(&app.token),
        Method::GET,
        "/tenants/alpha/notifications",
        None,
    )
    .await;
    assert_eq!(
        summary["deliveries"],
        json!([{"value": "sent", "count": 1000}])
    );
}

async fn an_imported_list_invites_new_addresses_and_never_brings_back_the_erased(backend: Backend) {
    let Some((app, _server, dir)) = with_mail_server(backend).await else {
        return;
    };
    let maildir = dir.path().join("maildir");
    app.create_tenant("alpha").await;
    let kept = "kept@example.org";
    confirmed(
        &app,
        &maildir,
        kept,
        json!({"email": kept, "topics": ["all"]}),
    )
    .await;
    // A resident who erased themselves: only a hash of the address stays.
    let gone = "gone@example.org";
    let token = confirmed(
        &app,
        &maildir,
        gone,
        json!({"email": gone, "topics": ["all"]}),
    )
    .await;
    let (status, _) = api(
        &app,
        None,
        Method::DELETE,
        &format!("/subscriptions/{token}"),
        None,
    )
    .await;
    assert_eq!(status, 204);
    let (status, _) = api(
        &app,
        None,
        Method::GET,
        &format!("/subscriptions/{token}"),
        None,
    )
    .await;
    assert_eq!(status, 404, "nothing is left to read");
    let before = messages_in(&maildir).len();

    let list = |rows: Value| Some(json!({ "subscribers": rows }));
    let (status, _) = api(
        &app,
        None,
        Method::POST,
        "/tenants/alpha/subscribers/import",
        list(json!([{"email": "new@example.org", "topics": ["meetings"]}])),
    )
    .await;
    assert_eq!(status, 401);
    let (status, problem) = api(
        &app,
        Some(&app.token),
        Method::POST,
        "/tenants/alpha/subscribers/import",
        list(json!([
            {"email": "new@example.org", "topics": ["meetings"]},
            {"email": "not an address", "topics": ["meetings"]},
            {"email": "other@example.org", "topics": ["weather"], "language": "xx"}
        ])),
    )
    .await;
    assert_eq!(status, 422, "{problem}");
    assert_eq!(
        integration_tests::error_fields(&problem),
        [
            "subscribers[1].email",
            "subscribers[2].topics",
            "subscribers[2].language"
        ]
    );
    let (status, report) = api(
        &app,
        Some(&app.token),
        Method::POST,
        "/tenants/alpha/subscribers/import",
        list(json!([
            {"email": "new@example.org", "topics": ["meetings"], "language": "en"},
            {"email": kept, "topics": ["meetings"]},
            {"email": "GONE@example.org", "topics": ["meetings"]},
            {"email": "second@example.org", "topics": ["all"]}
        ])),
    )
    .await;
    assert_eq!(status, 200, "{report}");
    assert_eq!(
        report,
        json!({"invited": 2, "already_known": 1, "erased": 1})
    );
    // The double opt-in holds: the new addresses get the confirmation, nobody else anything.
    let received = wait_for(&maildir, "two invitations", |m| m.len() >= before + 2).await;
    let invitation = received
        .iter()
        .find(|m| to(m, "new@example.org"))
        .expect("new@ was invited");
    assert!(decoded(invitation).starts_with("Confirm your subscription"));
    assert!(received.iter().any(|m| to(m, "second@example.org")));
    convene(&app, "Συνεδρίαση μετά την εισαγωγή").await;
    let received = wait_for(&maildir, "the notice to the confirmed resident", |m| {
        m.iter().filter(|m| to(m, kept)).count() >= 2
    })
    .await;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let received_after = messages_in(&maildir);
    assert_eq!(
        received_after.len(),
        received.len(),
        "nothing more: {}",
        received.len()
    );
    assert_eq!(
        received.iter().filter(|m| to(m, gone)).count(),
        1,
        "only the first confirmation"
    );
    assert_eq!(
        received.iter().filter(|m| to(m, "new@example.org")).count(),
        1,
        "no notice before confirming"
    );
}

async fn a_practice_author_hears_of_each_decision_on_their_submission(backend: Backend) {
    let Some((app, _server, dir)) = with_mail_server(backend).await else {
        return;
    };
    let maildir = dir.path().join("maildir");
    app.create_tenant("alpha").await;
    let author = "author@ngo.example.org";
    let token = integration_tests::token_for(&app.context, author, &[], "t").await;
    let (status, created) = api(
        &app,
        Some(&token),
        Method::POST,
        "/practices",
        Some(json!({
            "title": {"el": "Κέντρο Απασχόλησης"},
            "summary": {"el": "Υποστήριξη στην αναζήτηση εργασίας."},
            "sector": "civil_society",
            "organisation": {"name": "Οργάνωση Δοκιμής"},
            "description": {"el": "Συμβουλευτική σταδιοδρομίας για πρόσφυγες."},
            "locations": ["alpha"]
        })),
    )
    .await;
    assert_eq!(status, 201, "{created}");
    let path = format!("/practices/{}", created["slug"].as_str().unwrap());
    let step = |who: &'static str, action: &'static str, body: Option<Value>| {
        let (app, path, token) = (&app, &path, token.clone());
        async move {
            let caller = if who == "author" {
                token
            } else {
                app.token.clone()
            };
            let (status, answer) = api(
                app,
                Some(&caller),
                Method::POST,
                &format!("{path}/{action}"),
                body,
            )
            .await;
            assert_eq!(status, 200, "{action}: {answer}");
        }
    };
    step("author", "submit", None).await;
    step(
        "moderator",
        "request-changes",
        Some(json!({"note": "Προσθέστε τα αποτελέσματα του 2023."})),
    )
    .await;
    let received = wait_for(&maildir, "the request for changes", |m| {
        m.iter().any(|m| to(m, author))
    })
    .await;
    let to_author: Vec<&String> = received.iter().filter(|m| to(m, author)).collect();
    assert_eq!(to_author.len(), 1, "nothing on the submission itself");
    let changes = decoded(to_author[0]);
    assert!(
        changes.starts_with("Ζητούνται αλλαγές στην καλή πρακτική σας: Κέντρο Απασχόλησης"),
        "{changes}"
    );
    assert!(
        changes.contains("Προσθέστε τα αποτελέσματα του 2023."),
        "{changes}"
    );
    step("author", "submit", None).await;
    step("moderator", "publish", None).await;
    let received = wait_for(&maildir, "the publication", |m| {
        m.iter().filter(|m| to(m, author)).count() == 2
    })
    .await;
    let published = received
        .iter()
        .map(|m| decoded(m))
        .find(|m| m.starts_with("Η καλή πρακτική σας δημοσιεύθηκε"))
        .expect("the author hears of the publication");
    assert!(
        published.contains(&format!("{}{path}", app.base)),
        "{published}"
    );
}

/// Workers of several instances claim from one queue at the same moment: each delivery is
/// taken by one of them, once, and no claim takes more than it asked for.
/// The platform with its workers stopped and `count` deliveries queued by hand.
async fn with_queued_deliveries(backend: Backend, count: usize) -> Option<TestApp> {
    use notifications::service::queue::{self, NewDelivery};
    let app = TestApp::spawn_with(backend, |s| s.notifications.run_workers = false).await?;
    for n in 0..count {
        let new = NewDelivery {
            idempotency_key: format!("by-hand:{n}"),
            kind: "test".into(),
            recipient: format!("r{n}@example.org"),
            subject: "Δοκιμή".into(),
            text_body: "Δοκιμή".into(),
            ..Default::default()
        };
        assert!(
            queue::enqueue(&app.context.db, new, "example.org")
                .await
                .unwrap()
        );
    }
    Some(app)
}

async fn concurrent_claims_never_take_the_same_delivery(backend: Backend) {
    use notifications::service::queue;
    let Some(app) = with_queued_deliveries(backend, 300).await else {
        return;
    };
    let db = &app.context.db;
    let claimers: Vec<_> = (0..4)
        .map(|_| {
            let db = db.clone();
            tokio::spawn(async move {
                let mut taken = Vec::new();
                loop {
                    let claimed = queue::claim(&db, 8).await.unwrap();
                    if claimed.is_empty() {
                        return taken;
                    }
                    // Never more than asked: what is claimed is what may be sent twice.
                    assert!(claimed.len() <= 8, "claimed {}", claimed.len());
                    assert!(
                        claimed
                            .iter()
                            .all(|d| d.state == "in_flight" && d.attempts == 1)
                    );
                    taken.extend(claimed.into_iter().map(|d| d.id));
                }
            })
        })
        .collect();
    let mut taken = Vec::new();
    for claimer in claimers {
        taken.extend(claimer.await.unwrap());
    }
    assert_eq!(taken.len(), 300, "every delivery was claimed, none twice");
    taken.sort_unstable();
    taken.dedup();
    assert_eq!(taken.len(), 300, "no delivery was claimed twice");
}

/// Records attempts and claims more, as a lane does on each database.
async fn record_then_claim(
    db: &sea_orm::DatabaseConnection,
    done: &[notifications::service::queue::Attempted],
    limit: u64,
) -> Vec<notifications::entities::delivery::Model> {
    use notifications::service::queue;
    if db.get_database_backend() == sea_orm::DbBackend::Postgres {
        return queue::record_and_claim_on_postgres(db, done, 5, 60, limit)
            .await
            .unwrap();
    }
    let txn = council_shared::database::begin_write(db).await.unwrap();
    queue::record(&txn, done, 5, 60).await.unwrap();
    let claimed = queue::claim(&txn, limit).await.unwrap();
    txn.commit().await.unwrap();
    claimed
}

/// A process that stalls past its lease: its deliveries are queued again and claimed by
/// another. When the stalled one records at last, a delivery claimed again keeps the newer
/// claim's state (its attempt only logged); one not yet claimed again is marked sent if the
/// stalled attempt sent it, and is not claimed by the same call.
async fn a_record_after_the_lease_ran_out_does_not_undo_a_newer_claim(backend: Backend) {
    use notifications::entities::{attempt, delivery};
    use notifications::service::queue::{self, Attempted, Outcome};
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
    let Some(app) = with_queued_deliveries(backend, 2).await else {
        return;
    };
    let db = &app.context.db;
    let first = queue::claim(db, 2).await.unwrap();
    assert_eq!(first.len(), 2);
    tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    assert_eq!(
        queue::requeue_abandoned(db, chrono::Duration::zero())
            .await
            .unwrap(),
        2
    );
    // Another process claims one of them again; the other stays queued.
    let (again, waiting) = (first[0].id, first[1].id);
    let retaken = queue::claim(db, 1).await.unwrap();
    assert_eq!(
        (retaken.len(), retaken[0].id, retaken[0].attempts),
        (1, again, 2)
    );

    let stale = |id, outcome| Attempted {
        id,
        attempts: 1,
        outcome,
        started_at: chrono::Utc::now(),
    };
    let claimed = record_then_claim(
        db,
        &[
            stale(again, Outcome::Temporary("451 try later".into())),
            stale(waiting, Outcome::Sent),
        ],
        10,
    )
    .await;
    assert!(claimed.is_empty(), "nothing left to claim: {claimed:?}");
    let row = |id| async move {
        delivery::Entity::find_by_id(id)
            .one(db)
            .await
            .unwrap()
            .unwrap()
    };
    let newer = row(again).await;
    assert_eq!(
        (newer.state.as_str(), newer.attempts, newer.last_error),
        ("in_flight", 2, None),
        "the newer claim is left alone"
    );
    assert_eq!(row(waiting).await.state, "sent", "not sent a second time");
    let logged = |id| async move {
        attempt::Entity::find()
            .filter(attempt::Column::DeliveryId.eq(id))
            .order_by_asc(attempt::Column::Id)
            .all(db)
            .await
            .unwrap()
            .into_iter()
            .map(|a| a.outcome)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        logged(again).await,
        ["retry"],
        "the stale attempt is logged"
    );
    assert_eq!(logged(waiting).await, ["sent"]);

    // The newer claim records as usual.
    let current = Attempted {
        id: again,
        attempts: 2,
        outcome: Outcome::Sent,
        started_at: chrono::Utc::now(),
    };
    record_then_claim(db, &[current], 0).await;
    assert_eq!(row(again).await.state, "sent");
    assert_eq!(logged(again).await, ["retry", "sent"]);
}

integration_tests::on_both_backends!(
    residents_confirm_get_notices_and_unsubscribe_in_one_click,
    a_digest_collects_the_notices_on_the_municipality_schedule,
    an_imported_list_invites_new_addresses_and_never_brings_back_the_erased,
    a_practice_author_hears_of_each_decision_on_their_submission,
    concurrent_claims_never_take_the_same_delivery,
    a_record_after_the_lease_ran_out_does_not_undo_a_newer_claim,
);

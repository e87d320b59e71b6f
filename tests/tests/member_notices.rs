//! Council members' e-mail through a real SMTP server (aiosmtpd): the convocation with the
//! whole agenda, documents and a calendar invitation that Python's `icalendar` parses; the
//! postponement that replaces it in calendars; the reminder before the meeting; the
//! cancellation that removes it; and the notice that draft minutes await the members.

use std::time::Duration;

use chrono::{SecondsFormat, Utc};
use integration_tests::{
    TestApp, check_ics, sample_member, send,
    smtp::{SmtpServer, decoded, header, messages_in, smtp_on, start_smtp_server, to, wait_for},
};
use mail_parser::MimeHeaders;
use reqwest::Method;
use serde_json::{Value, json};

const PRESIDENT: &str = "president@alpha.example.org";
const MEMBER: &str = "member@alpha.example.org";
const SECRETARY: &str = "secretary@alpha.example.org";

async fn api(app: &TestApp, method: Method, path: &str, body: Option<Value>) -> (u16, Value) {
    let url = app.url(&format!("/api/v1/tenants/alpha{path}"));
    send(&app.client, &url, Some(&app.token), method, body).await
}

fn at(seconds_from_now: i64) -> String {
    (Utc::now() + chrono::Duration::seconds(seconds_from_now))
        .to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// A meeting starting in `starts_in` seconds with a public item (with its rapporteur and
/// a document) and a closed one, convened; its id.
async fn convened_meeting(app: &TestApp, title: &str, starts_in: i64) -> i64 {
    let (status, created) = api(
        app,
        Method::POST,
        "/meetings",
        Some(json!({
            "title": title,
            "kind": "regular",
            "mode": "in_person",
            "starts_at": at(starts_in),
            "ends_at": at(starts_in + 7200),
            "location": {"name": "Αίθουσα Δημοτικού Συμβουλίου", "address": "Πλατεία Δημαρχείου 1"}
        })),
    )
    .await;
    assert_eq!(status, 201, "{created}");
    let id = created["id"].as_i64().unwrap();
    let (status, with_item) = api(
        app,
        Method::POST,
        &format!("/meetings/{id}/agenda"),
        Some(json!({"title": "Πρόγραμμα εκμάθησης ελληνικών", "rapporteur": "Πρόεδρος Δοκιμής"})),
    )
    .await;
    assert_eq!(status, 201, "{with_item}");
    api(
        app,
        Method::POST,
        &format!("/meetings/{id}/agenda"),
        Some(json!({"title": "Ατομική υπόθεση", "public": false})),
    )
    .await;
    let upload = app
        .client
        .post(app.url(&format!(
            "/api/v1/tenants/alpha/meetings/{id}/attachments?file_name=εισήγηση.pdf&item_id={}",
            with_item["agenda"][0]["id"]
        )))
        .bearer_auth(&app.token)
        .header("content-type", "application/octet-stream")
        .body(b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".to_vec())
        .send()
        .await
        .unwrap();
    assert_eq!(
        upload.status().as_u16(),
        201,
        "{}",
        upload.text().await.unwrap()
    );
    let (status, convened) = api(app, Method::POST, &format!("/meetings/{id}/convene"), None).await;
    assert_eq!(status, 200, "{convened}");
    id
}

/// The calendar part of a message, if it has one.
fn calendar_in(message: &str) -> Option<String> {
    let parsed = mail_parser::MessageParser::default().parse(message.as_bytes())?;
    parsed
        .parts
        .iter()
        .find(|part| part.is_content_type("text", "calendar"))
        .and_then(|part| part.text_contents().map(str::to_string))
}

/// The messages to `address` whose subject starts with `subject`.
fn received<'a>(messages: &'a [String], address: &str, subject: &str) -> Vec<&'a String> {
    messages
        .iter()
        .filter(|m| to(m, address) && decoded(m).starts_with(subject))
        .collect()
}

async fn council_with_members(app: &TestApp) {
    app.create_tenant("alpha").await;
    for (name, role, category, email) in [
        (
            "Πρόεδρος Δοκιμής",
            "president",
            "municipal_councillor",
            PRESIDENT,
        ),
        ("Μέλος Πρώτο", "member", "civil_society", MEMBER),
        ("Γραμματέας Δήμου", "secretary", "other", SECRETARY),
    ] {
        let mut member = sample_member(name, role, category, "regular");
        member["email"] = json!(email);
        let (status, body) = app
            .post("/api/v1/tenants/alpha/council/members", &member)
            .await;
        assert_eq!(status, 201, "{body}");
    }
    let mut unreachable = sample_member("Μέλος Χωρίς Διεύθυνση", "member", "other", "regular");
    unreachable["email"] = Value::Null;
    let (status, body) = app
        .post("/api/v1/tenants/alpha/council/members", &unreachable)
        .await;
    assert_eq!(status, 201, "{body}");
    let (status, contacts) = api(app, Method::GET, "/council/contacts", None).await;
    assert_eq!(status, 200);
    assert_eq!(contacts.as_array().unwrap().len(), 3, "{contacts}");
    let (_, summary) = api(app, Method::GET, "/notifications", None).await;
    assert_eq!(
        summary["members_without_address"],
        json!(["Μέλος Χωρίς Διεύθυνση"]),
        "operators see who gets no convocation"
    );
}

async fn members_get_the_convocation_its_changes_a_reminder_and_the_draft_minutes(
    backend: integration_tests::Backend,
) {
    let dir = tempfile::tempdir().unwrap();
    let maildir = dir.path().join("maildir");
    let Some(server): Option<SmtpServer> = start_smtp_server(&maildir).await else {
        return;
    };
    let port = server.port;
    let Some(app) = TestApp::spawn_with(backend, |s| {
        s.mail.smtp = Some(smtp_on(port));
        // Members are reminded a minute before a meeting, looked for every second.
        s.notifications.default_reminder_minutes = 1;
        s.notifications.reminder_schedule = "* * * * * *".into();
        // Edits in a row wait two seconds for the next before going out as one message.
        s.notifications.change_delay_seconds = 2;
    })
    .await
    else {
        return;
    };
    council_with_members(&app).await;

    // The convocation: to every member with an address, the secretary included.
    let meeting = convened_meeting(&app, "Τακτική συνεδρίαση Μαρτίου", 7 * 24 * 3600).await;
    let messages = wait_for(&maildir, "three convocations", |m| {
        m.iter()
            .filter(|m| decoded(m).starts_with("Πρόσκληση σε συνεδρίαση"))
            .count()
            >= 3
    })
    .await;
    for address in [PRESIDENT, MEMBER, SECRETARY] {
        assert_eq!(
            received(&messages, address, "Πρόσκληση σε συνεδρίαση").len(),
            1,
            "{address}"
        );
    }
    assert_eq!(
        messages.len(),
        3,
        "nobody else, and not the member without an address"
    );
    let convocation = received(&messages, MEMBER, "Πρόσκληση σε συνεδρίαση")[0];
    let text = decoded(convocation);
    assert!(text.contains("Προς: Μέλος Πρώτο"), "{text}");
    assert!(text.contains("1. Πρόγραμμα εκμάθησης ελληνικών"), "{text}");
    assert!(text.contains("Εισηγείται: Πρόεδρος Δοκιμής"), "{text}");
    assert!(
        text.contains("2. Ατομική υπόθεση (κεκλεισμένων των θυρών)"),
        "members read the closed item: {text}"
    );
    assert!(
        text.contains("εισήγηση.pdf: http://"),
        "the document's link: {text}"
    );
    assert!(text.contains("Πλατεία Δημαρχείου 1"), "{text}");
    assert!(
        header(convocation, "List-Unsubscribe").is_none(),
        "members cannot opt out of convocations"
    );
    // Written by a program, but addressed to the member: no bulk precedence.
    assert_eq!(
        header(convocation, "Auto-Submitted"),
        Some("auto-generated")
    );
    assert_eq!(header(convocation, "Precedence"), None);
    assert!(
        convocation.contains("text/calendar; charset=utf-8; method=REQUEST"),
        "{convocation}"
    );
    let invitation = check_ics(&calendar_in(convocation).expect("a calendar part")).await;
    assert_eq!(invitation["calendar"]["method"], "REQUEST");
    let event = &invitation["events"][0];
    assert!(
        event["uid"]
            .as_str()
            .unwrap()
            .starts_with(&format!("meeting-{meeting}.alpha@")),
        "the same UID as the meeting's calendar: {event}"
    );
    assert!(event["sequence"].is_i64(), "{event}");
    assert_eq!(event["status"], "CONFIRMED");
    assert_eq!(
        event["attendees"],
        json!([format!("mailto:{MEMBER}")]),
        "{event}"
    );
    assert!(event["organizer"].as_str().unwrap().starts_with("mailto:"));

    // Two agenda items added in a row reach the members as one change, with both, and a
    // REQUEST that replaces the invitation.
    for title in [
        "Πρόταση για διερμηνεία",
        "Ενημέρωση για το κέντρο κοινότητας",
    ] {
        let (status, body) = api(
            &app,
            Method::POST,
            &format!("/meetings/{meeting}/agenda"),
            Some(json!({ "title": title })),
        )
        .await;
        assert_eq!(status, 201, "{body}");
    }
    let messages = wait_for(&maildir, "the change", |m| {
        received(m, MEMBER, "Αλλαγή στη συνεδρίαση").len() == 1
    })
    .await;
    let change = received(&messages, MEMBER, "Αλλαγή στη συνεδρίαση")[0];
    let text = decoded(change);
    assert!(
        text.contains("3. Πρόταση για διερμηνεία")
            && text.contains("4. Ενημέρωση για το κέντρο κοινότητας"),
        "{text}"
    );
    let changed = check_ics(&calendar_in(change).expect("a calendar part")).await;
    assert_eq!(changed["calendar"]["method"], "REQUEST");
    assert!(changed["events"][0]["sequence"].as_i64() > event["sequence"].as_i64());

    // Postponed to 70 seconds from now: a REQUEST that replaces the first (higher
    // SEQUENCE), then, once the meeting is a minute away, the reminder, once.
    let (status, _) = api(
        &app,
        Method::POST,
        &format!("/meetings/{meeting}/postpone"),
        Some(json!({"starts_at": at(70), "ends_at": at(70 + 7200), "reason": "Σύμπτωση με το δημοτικό συμβούλιο"})),
    )
    .await;
    assert_eq!(status, 200);
    let messages = wait_for(&maildir, "the postponements and reminders", |m| {
        received(m, PRESIDENT, "Υπενθύμιση συνεδρίασης").len() == 1
            && received(m, MEMBER, "Αναβολή συνεδρίασης").len() == 1
    })
    .await;
    let postponement = received(&messages, MEMBER, "Αναβολή συνεδρίασης")[0];
    assert!(decoded(postponement).contains("Σύμπτωση με το δημοτικό συμβούλιο"));
    let moved = check_ics(&calendar_in(postponement).unwrap()).await;
    assert_eq!(moved["calendar"]["method"], "REQUEST");
    assert_eq!(moved["events"][0]["uid"], event["uid"]);
    assert!(moved["events"][0]["sequence"].as_i64() > event["sequence"].as_i64());
    let reminder = received(&messages, PRESIDENT, "Υπενθύμιση συνεδρίασης")[0];
    assert!(decoded(reminder).contains("1. Πρόγραμμα εκμάθησης ελληνικών"));
    assert!(calendar_in(reminder).is_none());

    // Cancelled: a CANCEL for the same event, STATUS:CANCELLED.
    let (status, _) = api(
        &app,
        Method::POST,
        &format!("/meetings/{meeting}/cancel"),
        Some(json!({"reason": "Έλλειψη απαρτίας"})),
    )
    .await;
    assert_eq!(status, 200);
    let messages = wait_for(&maildir, "the cancellations", |m| {
        received(m, MEMBER, "Ακύρωση συνεδρίασης").len() == 1
    })
    .await;
    let cancellation = received(&messages, MEMBER, "Ακύρωση συνεδρίασης")[0];
    assert!(cancellation.contains("method=CANCEL"));
    let cancelled = check_ics(&calendar_in(cancellation).unwrap()).await;
    assert_eq!(cancelled["calendar"]["method"], "CANCEL");
    assert_eq!(cancelled["events"][0]["uid"], event["uid"]);
    assert_eq!(cancelled["events"][0]["status"], "CANCELLED");

    // A meeting about to start (convened within its reminder time: no separate reminder),
    // held, and its draft minutes: the notice goes to the members, not the secretary.
    let held = convened_meeting(&app, "Έκτακτη συνεδρίαση", 4).await;
    tokio::time::sleep(Duration::from_secs(5)).await;
    let (_, council) = api(&app, Method::GET, "/council/members", None).await;
    let records: Vec<Value> = council["members"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["role"] != "secretary")
        .map(|m| json!({"member_id": m["id"], "status": "present"}))
        .collect();
    let (status, body) = api(
        &app,
        Method::PUT,
        &format!("/meetings/{held}/attendance"),
        Some(json!({ "records": records })),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        api(&app, Method::POST, &format!("/meetings/{held}/hold"), None)
            .await
            .0,
        200
    );
    let (status, body) = api(
        &app,
        Method::PUT,
        &format!("/meetings/{held}/minutes"),
        Some(json!({})),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let messages = wait_for(&maildir, "the draft minutes notices", |m| {
        received(m, PRESIDENT, "Σχέδιο πρακτικών προς έλεγχο").len() == 1
            && received(m, MEMBER, "Σχέδιο πρακτικών προς έλεγχο").len() == 1
    })
    .await;
    assert!(received(&messages, SECRETARY, "Σχέδιο πρακτικών προς έλεγχο").is_empty());
    // The secretary saves the draft again: the members are not told twice.
    let (status, _) = api(
        &app,
        Method::PUT,
        &format!("/meetings/{held}/minutes"),
        Some(json!({"body": "Πρακτικά: διορθωμένο σχέδιο."})),
    )
    .await;
    assert_eq!(status, 200);
    tokio::time::sleep(Duration::from_secs(3)).await;
    let everything = messages_in(&maildir);
    for address in [PRESIDENT, MEMBER] {
        assert_eq!(
            received(&everything, address, "Υπενθύμιση συνεδρίασης").len(),
            1,
            "one reminder, for the postponed meeting only: {address}"
        );
        assert_eq!(
            received(&everything, address, "Σχέδιο πρακτικών προς έλεγχο").len(),
            1,
            "one notice of the draft, however often it is saved: {address}"
        );
        assert_eq!(
            received(&everything, address, "Αλλαγή στη συνεδρίαση").len(),
            1,
            "one message for the two edits in a row: {address}"
        );
    }
    drop(server);
}

/// The `notifications` binary's service on its own database: it learns municipalities,
/// callers and members' addresses from the platform's tenants API, and reads the meetings
/// outbox and the members' view of a meeting over HTTP with its service token.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_standalone_notifications_service_reads_the_events_over_http() {
    let dir = tempfile::tempdir().unwrap();
    let maildir = dir.path().join("maildir");
    let Some(server) = start_smtp_server(&maildir).await else {
        return;
    };
    let Some(platform) = TestApp::spawn(integration_tests::Backend::Sqlite).await else {
        return;
    };
    council_with_members(&platform).await;

    let data_dir = tempfile::tempdir().unwrap();
    let mut settings = integration_tests::test_settings(
        data_dir.path(),
        &format!(
            "sqlite://{}?mode=rwc",
            data_dir.path().join("notifications.db").display()
        ),
    );
    settings.mail.smtp = Some(smtp_on(server.port));
    settings.services.tenants_url = platform.base.clone();
    settings.services.meetings_url = platform.base.clone();
    settings.services.practices_url = platform.base.clone();
    settings.services.token = Some(platform.token.clone().into());
    let context = council_shared::app::Context::build(settings).await.unwrap();
    let tenants = std::sync::Arc::new(
        council_shared::remote::TenantsClient::new(&platform.base)
            .unwrap()
            .with_token(Some(platform.token.clone().into())),
    );
    let routes = notifications::standalone_routes(&context, tenants).unwrap();
    let service = council_shared::app::Application::bind(&context, routes)
        .await
        .unwrap();
    let base = format!("http://{}/api/v1", service.address());
    tokio::spawn(service.run());

    // A resident subscribes with the service itself and confirms through its link.
    let resident = "resident@example.org";
    let (status, _) = send(
        &platform.client,
        &format!("{base}/tenants/alpha/subscriptions"),
        None,
        Method::POST,
        Some(json!({"email": resident, "topics": ["meetings"]})),
    )
    .await;
    assert_eq!(status, 202);
    let confirmation = wait_for(&maildir, "the confirmation", |m| {
        m.iter().any(|m| to(m, resident))
    })
    .await;
    let text = decoded(&confirmation[0]);
    let start = text.find("/subscriptions/").unwrap() + "/subscriptions/".len();
    let token = &text[start..start + 64];
    let (status, _) = send(
        &platform.client,
        &format!("{base}/subscriptions/{token}/confirm"),
        None,
        Method::POST,
        None,
    )
    .await;
    assert_eq!(status, 200);

    convened_meeting(&platform, "Συνεδρίαση της υπηρεσίας", 7 * 24 * 3600).await;
    let messages = wait_for(&maildir, "the notice and the convocations", |m| {
        m.iter().filter(|m| to(m, resident)).count() == 2
            && received(m, MEMBER, "Πρόσκληση σε συνεδρίαση").len() == 1
    })
    .await;
    let notice = decoded(received(&messages, resident, "Νέα συνεδρίαση")[0]);
    assert!(notice.contains("Πρόγραμμα εκμάθησης ελληνικών"), "{notice}");
    assert!(
        !notice.contains("Ατομική υπόθεση"),
        "residents never read closed items"
    );
    let convocation = decoded(received(&messages, MEMBER, "Πρόσκληση σε συνεδρίαση")[0]);
    assert!(
        convocation.contains("2. Ατομική υπόθεση (κεκλεισμένων των θυρών)"),
        "the members' view, read with the token: {convocation}"
    );
    let tables: Vec<String> = sea_orm::ConnectionTrait::query_all_raw(
        &context.db,
        sea_orm::Statement::from_string(
            sea_orm::DatabaseBackend::Sqlite,
            "SELECT slug FROM tenants UNION ALL SELECT title FROM meetings",
        ),
    )
    .await
    .unwrap()
    .iter()
    .map(|row| row.try_get_by_index::<String>(0).unwrap())
    .collect();
    assert!(
        tables.is_empty(),
        "its own database holds no other service's rows: {tables:?}"
    );
}

mod members_get_the_convocation_its_changes_a_reminder_and_the_draft_minutes {
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn on_sqlite() {
        super::members_get_the_convocation_its_changes_a_reminder_and_the_draft_minutes(
            integration_tests::Backend::Sqlite,
        )
        .await;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn on_postgres() {
        super::members_get_the_convocation_its_changes_a_reminder_and_the_draft_minutes(
            integration_tests::Backend::Postgres,
        )
        .await;
    }
}

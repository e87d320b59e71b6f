//! What the public may know of a meeting: a decision on a closed item (κεκλεισμένων των
//! θυρών), its number included, appears in no resident's notice, no feed, OParl object,
//! search result, public page or public event, while the council's members still get the
//! closed item in their convocation. One publication of minutes is one notice that lists
//! the public decisions; a correction's notice and Atom entry say it is one and what changed;
//! a recommendation is never called a decision. Through a real SMTP server (aiosmtpd).

use std::time::Duration;

use chrono::{Datelike, SecondsFormat, Utc};
use integration_tests::{
    Backend, TestApp, sample_member, send,
    smtp::{decoded, messages_in, smtp_on, start_smtp_server, to, wait_for},
};
use reqwest::Method;
use serde_json::{Value, json};

const RESIDENT: &str = "resident@example.org";
const MEMBER: &str = "member@alpha.example.org";
const CLOSED_TITLE: &str = "Ατομική υπόθεση στέγασης";
const CLOSED_TEXT: &str = "Χορηγείται έκτακτη στεγαστική συνδρομή";
const MEETING: &str = "Τακτική συνεδρίαση Απριλίου";

async fn api(app: &TestApp, method: Method, path: &str, body: Option<Value>) -> (u16, Value) {
    let url = app.url(&format!("/api/v1{path}"));
    send(&app.client, &url, Some(&app.token), method, body).await
}

async fn ok(app: &TestApp, method: Method, path: &str, body: Option<Value>) -> Value {
    let (status, value) = api(app, method, path, body).await;
    assert!((200..300).contains(&status), "{path}: {status} {value}");
    value
}

fn at(seconds_from_now: i64) -> String {
    (Utc::now() + chrono::Duration::seconds(seconds_from_now))
        .to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// A confirmed resident who wants every notice at once.
async fn subscribed_resident(app: &TestApp, maildir: &std::path::Path) {
    let (status, _) = send(
        &app.client,
        &app.url("/api/v1/tenants/alpha/subscriptions"),
        None,
        Method::POST,
        Some(json!({"email": RESIDENT, "topics": ["all"]})),
    )
    .await;
    assert_eq!(status, 202);
    let received = wait_for(maildir, "the confirmation", |m| {
        m.iter().any(|m| to(m, RESIDENT))
    })
    .await;
    let text = decoded(received.iter().find(|m| to(m, RESIDENT)).unwrap());
    let start = text.find("/subscriptions/").expect("a link") + "/subscriptions/".len();
    let token = &text[start..start + 64];
    let (status, _) = send(
        &app.client,
        &app.url(&format!("/api/v1/subscriptions/{token}/confirm")),
        None,
        Method::POST,
        None,
    )
    .await;
    assert_eq!(status, 200);
}

/// Whether `text` names the decision `number` («2/2026»), not as the tail of a date
/// («01/12/2026»).
fn names_number(text: &str, number: &str) -> bool {
    text.match_indices(number).any(|(at, _)| {
        !text[..at]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_digit() || c == '/')
    })
}

/// Whether `text` shows any of the closed item's title, decision text or number.
fn reveals_closed_item(text: &str, number: &str) -> bool {
    text.contains(CLOSED_TITLE) || text.contains(CLOSED_TEXT) || names_number(text, number)
}

/// What the resident has been sent since the confirmation.
fn residents_notices(maildir: &std::path::Path) -> Vec<String> {
    messages_in(maildir)
        .iter()
        .filter(|m| to(m, RESIDENT))
        .map(|m| decoded(m))
        .filter(|text| !text.contains("/confirm"))
        .collect()
}

async fn a_closed_items_decision_reaches_no_one_outside_the_council(backend: Backend) {
    let dir = tempfile::tempdir().unwrap();
    let maildir = dir.path().join("maildir");
    let Some(server) = start_smtp_server(&maildir).await else {
        return;
    };
    let port = server.port;
    let Some(app) = TestApp::spawn_with(backend, |s| s.mail.smtp = Some(smtp_on(port))).await
    else {
        return;
    };
    app.create_tenant("alpha").await;
    let mut ids = Vec::new();
    for (name, role, category, email) in [
        (
            "Πρόεδρος Δοκιμής",
            "president",
            "municipal_councillor",
            "p@alpha.example.org",
        ),
        ("Σαμίρ Χαλίλ", "member", "migrant_community", MEMBER),
        (
            "Μέλος Δεύτερο",
            "member",
            "civil_society",
            "m2@alpha.example.org",
        ),
    ] {
        let mut member = sample_member(name, role, category, "regular");
        member["email"] = json!(email);
        let (status, body) = app
            .post("/api/v1/tenants/alpha/council/members", &member)
            .await;
        assert_eq!(status, 201, "{body}");
        ids.push(body["member"]["id"].as_i64().unwrap());
    }
    subscribed_resident(&app, &maildir).await;

    // A meeting with a public item and a closed one, convened.
    let created = ok(
        &app,
        Method::POST,
        "/tenants/alpha/meetings",
        Some(json!({
            "title": MEETING, "kind": "regular", "mode": "in_person",
            "starts_at": at(3), "ends_at": at(7200),
            "location": {"name": "Αίθουσα Δημοτικού Συμβουλίου"}
        })),
    )
    .await;
    let id = created["id"].as_i64().unwrap();
    let meeting = format!("/tenants/alpha/meetings/{id}");
    let mut items = Vec::new();
    for item in [
        json!({"title": "Πρόγραμμα εκμάθησης ελληνικών"}),
        json!({"title": CLOSED_TITLE, "public": false}),
    ] {
        let added = ok(&app, Method::POST, &format!("{meeting}/agenda"), Some(item)).await;
        items.push(
            added["agenda"].as_array().unwrap().last().unwrap()["id"]
                .as_i64()
                .unwrap(),
        );
    }
    ok(&app, Method::POST, &format!("{meeting}/convene"), None).await;

    // Members are entitled to the closed item: their convocation names it, marked.
    let received = wait_for(&maildir, "the member's convocation", |m| {
        m.iter().any(|m| to(m, MEMBER))
    })
    .await;
    let convocation = decoded(received.iter().find(|m| to(m, MEMBER)).unwrap());
    assert!(
        convocation.contains(CLOSED_TITLE) && convocation.contains("κεκλεισμένων των θυρών"),
        "{convocation}"
    );
    assert!(convocation.contains("Προς: Σαμίρ Χαλίλ"), "{convocation}");

    // Held with quorum; a recommendation on the public item (1/year, as the meeting's own
    // number), then a decision on the closed item (2/year).
    tokio::time::sleep(Duration::from_secs(3)).await;
    let records: Vec<Value> = ids
        .iter()
        .map(|m| json!({"member_id": m, "status": "present"}))
        .collect();
    ok(
        &app,
        Method::PUT,
        &format!("{meeting}/attendance"),
        Some(json!({"records": records})),
    )
    .await;
    ok(&app, Method::POST, &format!("{meeting}/hold"), None).await;
    let year = Utc::now().year();
    let public = ok(
        &app,
        Method::PUT,
        &format!("{meeting}/agenda/{}/decision", items[0]),
        Some(json!({"kind": "recommendation", "text": "Η ΣΕΜΠ εισηγείται το πρόγραμμα.", "votes_for": 3, "votes_against": 0, "abstentions": 0, "result": "adopted"})),
    )
    .await;
    assert_eq!(public["number"], format!("1/{year}"));
    let closed = ok(
        &app,
        Method::PUT,
        &format!("{meeting}/agenda/{}/decision", items[1]),
        Some(json!({"kind": "decision", "text": CLOSED_TEXT, "votes_for": 3, "votes_against": 0, "abstentions": 0, "result": "adopted"})),
    )
    .await;
    let secret_number = format!("2/{year}");
    assert_eq!(closed["number"], secret_number);

    // The drafted minutes: no page title of their own, the recommendation called so, the
    // closed item by its place only, and Greek that does not inflect typed names.
    let drafted = ok(
        &app,
        Method::PUT,
        &format!("{meeting}/minutes"),
        Some(json!({})),
    )
    .await;
    let body = drafted["minutes"]["body"].as_str().unwrap().to_string();
    assert!(!body.lines().any(|l| l.starts_with("# ")), "{body}");
    assert!(body.contains(&format!("Εισήγηση 1/{year}")), "{body}");
    assert!(
        !body.contains("Απόφαση 1/"),
        "a recommendation is not a decision: {body}"
    );
    assert!(
        body.contains("Τόπος: Αίθουσα Δημοτικού Συμβουλίου"),
        "{body}"
    );
    assert!(
        !body.contains("στο Αίθουσα") && !body.contains("της ΣΕΜΠ"),
        "{body}"
    );
    assert!(!reveals_closed_item(&body, &secret_number), "{body}");
    ok(
        &app,
        Method::POST,
        &format!("{meeting}/minutes/approve"),
        Some(json!({"by": "president"})),
    )
    .await;
    ok(&app, Method::POST, &format!("{meeting}/publish"), None).await;

    // One publication, one notice: the minutes with the public decisions listed.
    let received = wait_for(&maildir, "the publication notice", |m| {
        m.iter()
            .any(|m| to(m, RESIDENT) && decoded(m).contains("Δημοσιεύθηκαν τα πρακτικά"))
    })
    .await;
    let notice = decoded(
        received
            .iter()
            .find(|m| to(m, RESIDENT) && decoded(m).contains("Δημοσιεύθηκαν τα πρακτικά"))
            .unwrap(),
    );
    assert!(
        notice.contains(&format!(
            "Εισήγηση 1/{year} (θέμα 1: Πρόγραμμα εκμάθησης ελληνικών): εγκρίθηκε"
        )),
        "{notice}"
    );

    // Corrections: the closed decision's goes to no one; the public recommendation's and the
    // minutes' each say what they are and what changed.
    let correction = |text: &str, note: &str| json!({"kind": "decision", "text": text, "votes_for": 3, "votes_against": 0, "abstentions": 0, "result": "adopted", "change_note": note});
    ok(
        &app,
        Method::PUT,
        &format!("{meeting}/agenda/{}/decision", items[1]),
        Some(correction(
            &format!("{CLOSED_TEXT} για έξι μήνες."),
            "Διάρκεια",
        )),
    )
    .await;
    let mut recommendation = correction(
        "Η ΣΕΜΠ εισηγείται το πρόγραμμα για δύο έτη.",
        "Προστέθηκε η διάρκεια",
    );
    recommendation["kind"] = json!("recommendation");
    ok(
        &app,
        Method::PUT,
        &format!("{meeting}/agenda/{}/decision", items[0]),
        Some(recommendation),
    )
    .await;
    ok(
        &app,
        Method::PUT,
        &format!("{meeting}/minutes"),
        Some(json!({"body": format!("{body}\n\nΔιορθώθηκε η ώρα λήξης."), "change_note": "Η ώρα λήξης"})),
    )
    .await;
    wait_for(&maildir, "the corrections' notices", |m| {
        let texts: Vec<String> = m
            .iter()
            .filter(|m| to(m, RESIDENT))
            .map(|m| decoded(m))
            .collect();
        texts.iter().any(|t| t.starts_with("Διόρθωση πρακτικών"))
            && texts.iter().any(|t| t.starts_with("Διόρθωση εισήγησης"))
    })
    .await;
    // Every event was queued by now; a surplus notice would go out within a moment.
    tokio::time::sleep(Duration::from_secs(1)).await;
    let notices = residents_notices(&maildir);
    let subject = |n: &String| n.lines().next().unwrap_or_default().to_string();
    let mut subjects: Vec<String> = notices.iter().map(subject).collect();
    subjects.sort();
    let mut expected = vec![
        format!("Νέα συνεδρίαση του ΣΕΜΠ: {MEETING}"),
        format!("Δημοσιεύθηκαν τα πρακτικά: {MEETING}"),
        format!("Διόρθωση εισήγησης: 1/{year} · {MEETING}"),
        format!("Διόρθωση πρακτικών: {MEETING}"),
    ];
    expected.sort();
    assert_eq!(
        subjects, expected,
        "one notice per publication and per public correction: {notices:#?}"
    );
    let with_subject = |start: &str| {
        notices
            .iter()
            .find(|n| subject(n).starts_with(start))
            .unwrap()
            .clone()
    };
    let corrected = with_subject("Διόρθωση εισήγησης");
    assert!(
        corrected.contains("Τι διορθώθηκε: Προστέθηκε η διάρκεια"),
        "{corrected}"
    );
    let corrected = with_subject("Διόρθωση πρακτικών");
    assert!(
        corrected.contains("Τι διορθώθηκε: Η ώρα λήξης"),
        "{corrected}"
    );

    // Nothing public names the closed item's decision.
    let mut public_texts = notices.clone();
    public_texts.push(
        app.get("/api/v1/tenants/alpha/minutes.atom")
            .await
            .text()
            .await
            .unwrap(),
    );
    public_texts.push(
        app.get(&format!("/municipalities/alpha/meetings/{id}"))
            .await
            .text()
            .await
            .unwrap(),
    );
    public_texts.push(
        app.get(&format!("/api/v1/tenants/alpha/meetings/{id}"))
            .await
            .text()
            .await
            .unwrap(),
    );
    public_texts.push(
        app.get("/api/v1/tenants/alpha/calendar.ics")
            .await
            .text()
            .await
            .unwrap(),
    );
    public_texts.push(
        app.get("/oparl/v1.1/bodies/alpha/meetings")
            .await
            .text()
            .await
            .unwrap(),
    );
    public_texts.push(
        app.get("/oparl/v1.1/bodies/alpha/agenda-items")
            .await
            .text()
            .await
            .unwrap(),
    );
    let (_, events) = api(&app, Method::GET, "/meeting-events?after=0", None).await;
    public_texts.push(events.to_string());
    for text in &public_texts {
        assert!(!reveals_closed_item(text, &secret_number), "public: {text}");
    }
    let (_, found) = send(
        &app.client,
        &app.url("/api/v1/tenants/alpha/meetings?q=στεγαστική"),
        None,
        Method::GET,
        None,
    )
    .await;
    assert_eq!(
        found["total"], 0,
        "a search does not find the closed decision"
    );

    // The feed and OParl call the recommendation so, and mark the correction.
    let atom = &public_texts[notices.len()];
    assert!(
        atom.contains(&format!("<title>Εισήγηση 1/{year}: {MEETING}</title>")),
        "{atom}"
    );
    assert!(
        atom.contains(&format!("Εισήγηση 1/{year} – διόρθωση (έκδοση 2)")),
        "{atom}"
    );
    assert!(
        atom.contains(&format!("Διόρθωση πρακτικών (έκδοση 2): {MEETING}")),
        "{atom}"
    );
    assert!(!atom.contains("Απόφαση"), "{atom}");
    let (_, oparl) = app.get_json("/oparl/v1.1/bodies/alpha/meetings").await;
    assert_eq!(
        oparl["data"][0]["agendaItem"][0]["result"],
        format!("Εγκρίθηκε (εισήγηση 1/{year})")
    );
    let kinds: Vec<&str> = events["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["event_type"].as_str().unwrap())
        .filter(|t| {
            t.starts_with("minutes.p") || t.contains("correct") || t.starts_with("decision")
        })
        .collect();
    assert_eq!(
        kinds,
        [
            "minutes.published",
            "decision.corrected",
            "minutes.corrected"
        ]
    );
}

async fn the_secretary_reads_members_names_not_their_addresses(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    app.create_tenant("alpha").await;
    let (status, member) = app
        .post(
            "/api/v1/tenants/alpha/council/members",
            &sample_member("Σαμίρ Χαλίλ", "member", "migrant_community", "regular"),
        )
        .await;
    assert_eq!(status, 201, "{member}");
    // The member's account (linked to the first member on the roster) has no display name:
    // only its address would name it.
    let token = integration_tests::token_for(
        &app.context,
        MEMBER,
        &[(council_shared::auth::Role::CouncilMember, Some("alpha"))],
        "t",
    )
    .await;
    let id = integration_tests::convene(&app.client, &app.base, &app.token, "alpha", MEETING).await;
    let meeting = format!("/api/v1/tenants/alpha/meetings/{id}");
    let (_, detail) = app.get_json_as(&token, &meeting).await;
    let item = detail["agenda"][0]["id"].as_i64().unwrap();
    let (status, _) = send(
        &app.client,
        &app.url(&format!("{meeting}/my-attendance")),
        Some(&token),
        Method::PUT,
        Some(json!({"answer": "attending"})),
    )
    .await;
    assert_eq!(status, 200);
    let comments = format!("{meeting}/agenda/{item}/comments");
    let (status, comment) = send(
        &app.client,
        &app.url(&comments),
        Some(&token),
        Method::POST,
        Some(json!({"body": "Χρειάζεται ο φάκελος."})),
    )
    .await;
    assert_eq!(status, 201, "{comment}");
    let (_, seen) = app.get_json_as(&app.token, &comments).await;
    assert_eq!(seen[0]["author_name"], "Σαμίρ Χαλίλ", "{seen}");
    let (_, answers) = app
        .get_json_as(&app.token, &format!("{meeting}/attendance-answers"))
        .await;
    assert_eq!(answers[0]["member_name"], "Σαμίρ Χαλίλ", "{answers}");
    assert!(!seen.to_string().contains('@') && !answers.to_string().contains('@'));
}

async fn a_closed_document_link_offers_sign_in_and_comes_back_to_it(backend: Backend) {
    use integration_tests::browser::{Browser, link_in, location, outbox};
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    app.create_tenant("alpha").await;
    let mut member = sample_member("Σαμίρ Χαλίλ", "member", "migrant_community", "regular");
    member["email"] = json!(MEMBER);
    let (status, created) = app
        .post("/api/v1/tenants/alpha/council/members", &member)
        .await;
    assert_eq!(status, 201, "{created}");
    let (status, granted) = app
        .post(
            "/api/v1/tenants/alpha/roles",
            &json!({"email": MEMBER, "role": "council_member", "member_id": created["member"]["id"]}),
        )
        .await;
    assert_eq!(status, 201, "{granted}");
    let id = integration_tests::convene(&app.client, &app.base, &app.token, "alpha", MEETING).await;
    let (_, detail) = app
        .get_json_as(&app.token, &format!("/api/v1/tenants/alpha/meetings/{id}"))
        .await;
    let closed = detail["agenda"][1]["id"].as_i64().unwrap();
    let pdf = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".to_vec();
    let upload = app
        .upload(
            &format!(
                "/api/v1/tenants/alpha/meetings/{id}/attachments?file_name=φάκελος.pdf&item_id={closed}"
            ),
            &pdf,
        )
        .await;
    assert_eq!(upload.status().as_u16(), 201);
    let stored: Value = upload.json().await.unwrap();
    let document = stored["download"].as_str().unwrap().to_string();

    // A script still gets the API's problem; a person's browser gets a page to sign in.
    let problem = app.get(&document).await;
    assert_eq!(problem.status().as_u16(), 404);
    assert_eq!(
        problem.headers()["content-type"],
        "application/problem+json"
    );
    let browser = Browser::new(&app);
    let page = browser.navigate(&document).await;
    assert_eq!(page.status().as_u16(), 404);
    assert!(
        page.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    let html = page.text().await.unwrap();
    assert!(
        html.contains("Συνδεθείτε για να ανοίξετε το έγγραφο"),
        "{html}"
    );
    let next = html
        .split("href=\"/sign-in?next=")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a sign-in link that comes back")
        .to_string();
    let sign_in = format!("/sign-in?next={next}");

    // Signed in by the link e-mailed to them, the member lands on the document.
    let csrf = browser.csrf_from(&sign_in).await;
    let form = browser.get(&sign_in).await.text().await.unwrap();
    assert!(
        form.contains(&format!("value=\"{document}\"")),
        "the form carries the way back"
    );
    let sent = browser
        .post_form(
            "/sign-in/email",
            &[("email", MEMBER), ("csrf", &csrf), ("next", &document)],
        )
        .await;
    assert_eq!(sent.status(), 200);
    let link = link_in(
        &outbox(&app)
            .into_iter()
            .rev()
            .find(|m| m.contains("/sign-in/link/"))
            .expect("a sign-in e-mail"),
        &app.base,
    );
    let link = link.trim_start_matches(&app.base).to_string();
    let csrf = browser.csrf_from(&link).await;
    let used = browser.post_form(&link, &[("csrf", &csrf)]).await;
    assert_eq!(used.status(), 303);
    assert_eq!(location(&used), document);
    let opened = browser.navigate(&document).await;
    assert_eq!(opened.status().as_u16(), 200);
    assert_eq!(opened.bytes().await.unwrap().to_vec(), pdf);

    // Signed in without the right, the page says so and offers no loop back to sign-in.
    let other = Browser::new(&app);
    let (status, _) = app
        .post(
            "/api/v1/tenants/alpha/roles",
            &json!({"email": "author@alpha.example.org", "role": "practice_author"}),
        )
        .await;
    assert_eq!(status, 201);
    let csrf = other.csrf_from("/sign-in").await;
    other
        .post_form(
            "/sign-in/email",
            &[
                ("email", "author@alpha.example.org"),
                ("csrf", &csrf),
                ("next", "/"),
            ],
        )
        .await;
    let link = link_in(
        &outbox(&app)
            .into_iter()
            .rev()
            .find(|m| m.contains("/sign-in/link/"))
            .expect("a sign-in e-mail"),
        &app.base,
    );
    let link = link.trim_start_matches(&app.base).to_string();
    let csrf = other.csrf_from(&link).await;
    assert_eq!(
        other.post_form(&link, &[("csrf", &csrf)]).await.status(),
        303
    );
    let refused = other.navigate(&document).await.text().await.unwrap();
    assert!(
        refused.contains("Το έγγραφο δεν είναι διαθέσιμο"),
        "{refused}"
    );
    assert!(!refused.contains("/sign-in?next="), "{refused}");
}

integration_tests::on_both_backends!(
    a_closed_items_decision_reaches_no_one_outside_the_council,
    the_secretary_reads_members_names_not_their_addresses,
    a_closed_document_link_offers_sign_in_and_comes_back_to_it,
);

//! What the platform holds about people, shown to them: a resident's "what we hold about
//! you" from the link in every message, as a page and as a file, with the proof of their
//! consent (when and from which client address the subscription was asked for and
//! confirmed) and nothing of anyone else.

use integration_tests::{
    TestApp,
    browser::{Browser, location},
    on_both_databases,
};
use notifications::entities::subscriber;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::json;

const RESIDENT: &str = "eleni@example.org";
const NEIGHBOUR: &str = "nikos@example.org";

async fn token_of(app: &TestApp, email: &str) -> String {
    subscriber::Entity::find()
        .filter(subscriber::Column::Email.eq(email))
        .one(&app.context.db)
        .await
        .unwrap()
        .expect("the subscriber")
        .token
}

async fn a_resident_sees_and_downloads_what_is_held_about_them_and_nothing_else(app: TestApp) {
    app.create_tenant("paros").await;
    for email in [RESIDENT, NEIGHBOUR] {
        let (status, body) = app
            .post(
                "/api/v1/tenants/paros/subscriptions",
                &json!({"email": email, "topics": ["meetings", "minutes"], "language": "en"}),
            )
            .await;
        assert_eq!(status, 202, "{body}");
    }
    let token = token_of(&app, RESIDENT).await;
    let (status, confirmed) = app
        .post(
            &format!("/api/v1/subscriptions/{token}/confirm"),
            &json!({}),
        )
        .await;
    assert_eq!(status, 200, "{confirmed}");

    // The file: the subscription, the proof of consent, the messages of 30 days.
    let file = app
        .client
        .get(app.url(&format!("/api/v1/subscriptions/{token}/data")))
        .send()
        .await
        .unwrap();
    assert_eq!(file.status(), 200);
    assert_eq!(
        file.headers()["content-disposition"],
        "attachment; filename=\"subscription.json\""
    );
    assert_eq!(file.headers()["cache-control"], "no-store");
    let text = file.text().await.unwrap();
    let held: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(held["subscription"]["email"], RESIDENT);
    assert_eq!(held["subscription"]["tenant"], "paros");
    assert_eq!(held["subscription"]["state"], "active");
    assert_eq!(
        held["subscription"]["topics"],
        json!(["meetings", "minutes"])
    );
    assert_eq!(held["requested_from"], "127.0.0.1");
    assert_eq!(held["confirmed_from"], "127.0.0.1");
    assert!(held["requested_at"].is_string() && held["created_at"].is_string());
    assert!(held["subscription"]["confirmed_at"].is_string());
    let messages = held["messages"].as_array().unwrap();
    assert_eq!(messages.len(), 1, "the confirmation message: {held}");
    assert_eq!(messages[0]["kind"], "confirm");
    let subject = messages[0]["subject"].as_str().unwrap().to_string();
    assert_eq!(subject, "Confirm your subscription: Test Municipality");
    assert!(!text.contains(NEIGHBOUR), "nothing of anyone else: {text}");

    // The page says the same, in the reader's language, and links to the file.
    let preferences = app.get(&format!("/subscriptions/{token}")).await;
    let preferences = preferences.text().await.unwrap();
    assert!(preferences.contains(&format!("href=\"/subscriptions/{token}/data\"")));
    let page = app.get(&format!("/subscriptions/{token}/data")).await;
    assert_eq!(page.status(), 200);
    assert!(
        page.headers()["cache-control"]
            .to_str()
            .unwrap()
            .contains("no-store")
    );
    let page = page.text().await.unwrap();
    assert!(page.contains("<h1>Τι κρατάμε για εσάς</h1>"), "{page}");
    for shown in [
        RESIDENT,
        "από τη διεύθυνση διαδικτύου 127.0.0.1",
        "English",
        "Ενεργή",
        subject.as_str(),
        &format!("href=\"/api/v1/subscriptions/{token}/data\""),
    ] {
        assert!(page.contains(shown), "the page shows {shown}: {page}");
    }
    assert!(!page.contains(NEIGHBOUR));

    // Before confirming, the request is on record and the confirmation is not.
    let waiting = token_of(&app, NEIGHBOUR).await;
    let (status, pending) = app
        .get_json(&format!("/api/v1/subscriptions/{waiting}/data"))
        .await;
    assert_eq!(status, 200);
    assert_eq!(pending["subscription"]["state"], "pending");
    assert_eq!(pending["requested_from"], "127.0.0.1");
    assert!(pending.get("confirmed_from").is_none(), "{pending}");

    // A link that is not (or no longer) valid shows nothing.
    let (status, _) = app.get_json("/api/v1/subscriptions/not-a-token/data").await;
    assert_eq!(status, 404);
    let page = app.get("/subscriptions/not-a-token/data").await;
    assert_eq!(page.status(), 404);
}

on_both_databases!(a_resident_sees_and_downloads_what_is_held_about_them_and_nothing_else);

/// Confirming and erasing from the pages answer with a redirect to a page that says it is
/// done (POST-redirect-GET): reloading that page sends nothing again, and it tells the truth
/// (a link not yet confirmed is asked to confirm; an erased one is no longer valid).
async fn confirming_and_erasing_from_the_pages_lead_to_pages_a_reload_cannot_resend(app: TestApp) {
    app.create_tenant("paros").await;
    let (status, body) = app
        .post(
            "/api/v1/tenants/paros/subscriptions",
            &json!({"email": RESIDENT, "topics": ["meetings"], "language": "el"}),
        )
        .await;
    assert_eq!(status, 202, "{body}");
    let token = token_of(&app, RESIDENT).await;
    let resident = Browser::new(&app);
    let confirmed = format!("/subscriptions/{token}/confirmed");

    // Not confirmed yet: the page that says so sends the reader to the one that asks.
    let early = resident.navigate(&confirmed).await;
    assert_eq!(early.status(), 303);
    assert_eq!(location(&early), format!("/subscriptions/{token}/confirm"));

    let answer = resident
        .post_form(&format!("/subscriptions/{token}/confirm"), &[])
        .await;
    assert_eq!(answer.status(), 303);
    assert_eq!(location(&answer), confirmed);
    let (status, page) = resident.page(&confirmed).await;
    assert_eq!(status, 200);
    assert!(page.contains("Η εγγραφή σας επιβεβαιώθηκε"), "{page}");
    assert!(
        page.contains(&format!("href=\"/subscriptions/{token}\"")),
        "{page}"
    );

    let answer = resident
        .post_form(&format!("/subscriptions/{token}"), &[("action", "erase")])
        .await;
    assert_eq!(answer.status(), 303);
    assert_eq!(location(&answer), "/subscriptions/erased");
    let (status, page) = resident.page("/subscriptions/erased").await;
    assert_eq!(status, 200);
    assert!(page.contains("Τα στοιχεία σας διαγράφηκαν"), "{page}");
    assert!(token_of_any(&app, RESIDENT).await.is_none(), "erased");
    let (status, page) = resident.page(&confirmed).await;
    assert_eq!(status, 404, "{page}");

    // Leaving by the page's button does the same; a mail client's one click (RFC 8058) gets
    // its answer at once.
    for (email, body, answer) in [
        (NEIGHBOUR, "", 303),
        ("third@example.org", "List-Unsubscribe=One-Click", 200),
    ] {
        let (status, body_sent) = app
            .post(
                "/api/v1/tenants/paros/subscriptions",
                &json!({"email": email, "topics": ["meetings"]}),
            )
            .await;
        assert_eq!(status, 202, "{body_sent}");
        let token = token_of(&app, email).await;
        let left = resident
            .client
            .post(app.url(&format!("/subscriptions/{token}/unsubscribe")))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body)
            .send()
            .await
            .unwrap();
        assert_eq!(left.status(), answer, "{email}");
        let page = if answer == 303 {
            assert_eq!(location(&left), "/subscriptions/unsubscribed");
            resident.page("/subscriptions/unsubscribed").await.1
        } else {
            left.text().await.unwrap()
        };
        assert!(page.contains("Η εγγραφή σας καταργήθηκε"), "{page}");
        assert!(token_of_any(&app, email).await.is_none(), "{email} left");
    }
}

on_both_databases!(confirming_and_erasing_from_the_pages_lead_to_pages_a_reload_cannot_resend);

async fn token_of_any(app: &TestApp, email: &str) -> Option<String> {
    subscriber::Entity::find()
        .filter(subscriber::Column::Email.eq(email))
        .one(&app.context.db)
        .await
        .unwrap()
        .map(|found| found.token)
}

//! The workspace in the browser: a signed-in person's home lists their municipalities and
//! roles and what waits for them (a secretary's meetings to prepare and coming ones, a
//! member's meetings to answer), and sends an anonymous reader to sign in and back.

use chrono::{SecondsFormat, Utc};
use council_shared::auth::Role;
use integration_tests::{
    TestApp, browser::Browser, convene, on_both_databases, sample_member, send, token_for,
};
use reqwest::Method;
use serde_json::json;

/// The page at `path` as the holder of `token` reads it, in Greek.
async fn page_as(app: &TestApp, token: &str, path: &str) -> (u16, String) {
    let response = app
        .client
        .get(app.url(path))
        .bearer_auth(token)
        .header("accept-language", "el")
        .send()
        .await
        .unwrap();
    (response.status().as_u16(), response.text().await.unwrap())
}

async fn the_workspace_shows_each_person_what_waits_for_them(app: TestApp) {
    app.create_tenant("alpha").await;
    let (status, member) = app
        .post(
            "/api/v1/tenants/alpha/council/members",
            &sample_member("Σαμίρ Χαλίλ", "member", "migrant_community", "regular"),
        )
        .await;
    assert_eq!(status, 201, "{member}");
    let secretary = token_for(
        &app.context,
        "secretary@alpha.example.org",
        &[(Role::Secretary, Some("alpha"))],
        "t",
    )
    .await;
    let member = token_for(
        &app.context,
        "member@alpha.example.org",
        &[(Role::CouncilMember, Some("alpha"))],
        "t",
    )
    .await;
    let nobody = token_for(&app.context, "nobody@example.org", &[], "t").await;

    // A meeting being prepared, and one convened for next week.
    let starts = Utc::now() + chrono::Duration::days(14);
    let at = |t: chrono::DateTime<Utc>| t.to_rfc3339_opts(SecondsFormat::Secs, true);
    let (status, draft) = send(
        &app.client,
        &app.url("/api/v1/tenants/alpha/meetings"),
        Some(&secretary),
        Method::POST,
        Some(json!({
            "title": "Συνεδρίαση σε προετοιμασία", "kind": "regular", "mode": "remote",
            "starts_at": at(starts), "ends_at": at(starts + chrono::Duration::hours(1)),
            "online_url": "https://meet.example.org/semp"
        })),
    )
    .await;
    assert_eq!(status, 201, "{draft}");
    let convened = convene(
        &app.client,
        &app.base,
        &secretary,
        "alpha",
        "Συγκληθείσα συνεδρίαση",
    )
    .await;

    // Anonymous: to sign-in, and back here after.
    let anonymous = Browser::new(&app).get("/workspace").await;
    assert_eq!(anonymous.status(), 303);
    assert_eq!(
        integration_tests::browser::location(&anonymous),
        "/sign-in?next=%2Fworkspace"
    );

    // The secretary: the meeting to prepare, the coming one, each linked to its page.
    let (status, html) = page_as(&app, &secretary, "/workspace").await;
    assert_eq!(status, 200);
    assert!(html.contains("Γραμματέας του ΣΕΜΠ"), "{html}");
    assert!(html.contains("Συνεδριάσεις σε προετοιμασία"), "{html}");
    assert!(html.contains("Συνεδρίαση σε προετοιμασία"), "{html}");
    assert!(html.contains("Προσεχείς συνεδριάσεις"), "{html}");
    assert!(
        html.contains(&format!("href=\"/workspace/alpha/meetings/{convened}\"")),
        "{html}"
    );
    assert!(
        html.contains("href=\"/workspace\""),
        "the header links the workspace"
    );

    // A member: the meeting they are invited to, never a draft.
    let (_, html) = page_as(&app, &member, "/workspace").await;
    assert!(html.contains("Μέλος του ΣΕΜΠ"), "{html}");
    assert!(html.contains("Συνεδριάσεις στις οποίες καλείστε"), "{html}");
    assert!(html.contains("Συγκληθείσα συνεδρίαση"), "{html}");
    assert!(!html.contains("Συνεδρίαση σε προετοιμασία"), "{html}");

    // Someone without a role is told how to get one.
    let (status, html) = page_as(&app, &nobody, "/workspace").await;
    assert_eq!(status, 200);
    assert!(html.contains("Δεν έχετε ακόμη ρόλο"), "{html}");
}

on_both_databases!(the_workspace_shows_each_person_what_waits_for_them);

async fn documents_added_since_a_member_last_looked_are_listed_and_marked(app: TestApp) {
    app.create_tenant("alpha").await;
    let (status, member) = app
        .post(
            "/api/v1/tenants/alpha/council/members",
            &sample_member("Σαμίρ Χαλίλ", "member", "migrant_community", "regular"),
        )
        .await;
    assert_eq!(status, 201, "{member}");
    let secretary = token_for(
        &app.context,
        "secretary@alpha.example.org",
        &[(Role::Secretary, Some("alpha"))],
        "t",
    )
    .await;
    let member = token_for(
        &app.context,
        "member@alpha.example.org",
        &[(Role::CouncilMember, Some("alpha"))],
        "t",
    )
    .await;
    let id = convene(&app.client, &app.base, &secretary, "alpha", "Συνεδρίαση").await;
    let page = format!("/workspace/alpha/meetings/{id}");
    // The member opens the meeting; then the secretary adds a document.
    assert_eq!(page_as(&app, &member, &page).await.0, 200);
    let (_, home) = page_as(&app, &member, "/workspace").await;
    assert!(!home.contains("Νέα έγγραφα"), "nothing new yet: {home}");
    let upload = app
        .client
        .post(app.url(&format!(
            "/api/v1/tenants/alpha/meetings/{id}/attachments?file_name=eisigisi.pdf"
        )))
        .bearer_auth(&secretary)
        .header("content-type", "application/octet-stream")
        .body(b"%PDF-1.4\n%%EOF\n".to_vec())
        .send()
        .await
        .unwrap();
    assert_eq!(upload.status(), 201);

    let (_, home) = page_as(&app, &member, "/workspace").await;
    assert!(
        home.contains("Νέα έγγραφα από την τελευταία σας επίσκεψη"),
        "{home}"
    );
    assert!(home.contains("ένα νέο έγγραφο"), "{home}");
    let (_, meeting) = page_as(&app, &member, &page).await;
    assert!(
        meeting.contains("<span class=\"badge\">Νέο</span>"),
        "{meeting}"
    );
    // Seen now: no longer new.
    let (_, home) = page_as(&app, &member, "/workspace").await;
    assert!(!home.contains("Νέα έγγραφα"), "{home}");
    let (_, meeting) = page_as(&app, &member, &page).await;
    assert!(!meeting.contains("<span class=\"badge\">Νέο</span>"));
}

on_both_databases!(documents_added_since_a_member_last_looked_are_listed_and_marked);

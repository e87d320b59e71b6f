//! The council (ΣΕΜΠ) of a municipality: its details, its members and the law's rules.

use integration_tests::{TestApp, error_fields, on_both_databases, sample_member};
use serde_json::json;

const MEMBERS: &str = "/api/v1/tenants/trikala/council/members";

async fn add(
    app: &TestApp,
    name: &str,
    role: &str,
    category: &str,
    membership: &str,
) -> (u16, serde_json::Value) {
    app.post(MEMBERS, &sample_member(name, role, category, membership))
        .await
}

/// Adds Maria Papa, a municipal councillor, as the council's president.
async fn add_president(app: &TestApp) -> (u16, serde_json::Value) {
    add(
        app,
        "Maria Papa",
        "president",
        "municipal_councillor",
        "regular",
    )
    .await
}

async fn the_public_view_never_shows_contact_addresses(app: TestApp) {
    app.create_tenant("trikala").await;
    let (status, saved) = add_president(&app).await;
    assert_eq!(status, 201, "{saved}");
    assert_eq!(saved["member"]["email"], "maria.papa@example.org");

    let response = app.get("/api/v1/tenants/trikala/council").await;
    assert_eq!(response.status(), 200);
    let text = response.text().await.unwrap();
    assert!(text.contains("Maria Papa"));
    assert!(
        !text.contains("example.org"),
        "public view leaks an address: {text}"
    );
    assert!(!text.contains("email"));
}

async fn the_administrators_view_needs_a_token(app: TestApp) {
    app.create_tenant("trikala").await;
    let response = app.get(MEMBERS).await;
    assert_eq!(response.status(), 401);
    let (status, admin) = app
        .send_json(reqwest::Method::GET, MEMBERS, &json!(null))
        .await;
    assert_eq!(status, 200);
    assert_eq!(admin["tenant"], "trikala");
}

async fn a_second_president_is_a_conflict_naming_the_first(app: TestApp) {
    app.create_tenant("trikala").await;
    add_president(&app).await;
    let (status, problem) = add(
        &app,
        "Kostas Nikou",
        "president",
        "municipal_councillor",
        "regular",
    )
    .await;
    assert_eq!(status, 409);
    assert!(problem["detail"].as_str().unwrap().contains("Maria Papa"));
    let (_, council) = app.get_json("/api/v1/tenants/trikala/council").await;
    assert_eq!(council["members"].as_array().unwrap().len(), 1);
}

/// A president whose membership ended leaves the place to the next one; terms that overlap
/// are still refused.
async fn the_next_president_follows_one_whose_membership_ended(app: TestApp) {
    app.create_tenant("trikala").await;
    let (_, maria) = add_president(&app).await;
    let id = maria["member"]["id"].as_i64().unwrap();
    let yesterday = (chrono::Utc::now() - chrono::Duration::days(1)).date_naive();
    let today = chrono::Utc::now().date_naive();
    let mut ended = sample_member("Maria Papa", "president", "municipal_councillor", "regular");
    ended["term_start"] = json!("2022-01-01");
    ended["term_end"] = json!(yesterday.to_string());
    let (status, body) = app.put(&format!("{MEMBERS}/{id}"), &ended).await;
    assert_eq!(status, 200, "{body}");
    let mut next = sample_member(
        "Kostas Nikou",
        "president",
        "municipal_councillor",
        "regular",
    );
    next["term_start"] = json!(today.to_string());
    let (status, body) = app.post(MEMBERS, &next).await;
    assert_eq!(status, 201, "the next president: {body}");
    let (status, problem) = add(
        &app,
        "Eleni Dimou",
        "president",
        "municipal_councillor",
        "regular",
    )
    .await;
    assert_eq!(status, 409);
    assert!(
        problem["detail"].as_str().unwrap().contains("Kostas Nikou"),
        "{problem}"
    );
}

async fn the_president_must_be_a_municipal_councillor(app: TestApp) {
    app.create_tenant("trikala").await;
    let (status, problem) = add(
        &app,
        "Amina Hassan",
        "president",
        "migrant_community",
        "regular",
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(problem["errors"][0]["field"], "role");
}

async fn a_member_without_category_role_or_membership_lists_all_three(app: TestApp) {
    app.create_tenant("trikala").await;
    let (status, problem) = app
        .post(MEMBERS, &json!({"full_name": "Someone", "email": "nope"}))
        .await;
    assert_eq!(status, 422);
    let fields = error_fields(&problem);
    assert_eq!(fields, ["email", "category", "role", "membership"]);
}

async fn an_unknown_role_is_a_422_naming_the_field(app: TestApp) {
    app.create_tenant("trikala").await;
    let (status, problem) = add(&app, "Someone", "mayor", "other", "regular").await;
    assert_eq!(status, 422);
    assert_eq!(problem["errors"][0]["field"], "role");
}

async fn fewer_than_five_regular_members_is_a_warning_not_a_block(app: TestApp) {
    app.create_tenant("trikala").await;
    let (status, saved) = add_president(&app).await;
    assert_eq!(status, 201);
    let codes: Vec<_> = saved["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["code"].clone())
        .collect();
    assert_eq!(codes, [json!("regular_members_below_minimum")]);

    for name in ["A One", "B Two", "C Three", "D Four"] {
        add(&app, name, "member", "civil_society", "regular").await;
    }
    let (_, saved) = add(&app, "E Five", "member", "migrant_community", "substitute").await;
    assert_eq!(
        saved["warnings"],
        json!([]),
        "5 regular members and a president: nothing to warn"
    );

    let (_, admin) = app
        .send_json(reqwest::Method::GET, MEMBERS, &json!(null))
        .await;
    assert_eq!(admin["regular_members"], 5);
    assert_eq!(admin["substitute_members"], 1);
    assert_eq!(
        admin["members"][0]["role"], "president",
        "the president is listed first"
    );
}

async fn more_than_eleven_regular_members_is_a_warning(app: TestApp) {
    app.create_tenant("trikala").await;
    add_president(&app).await;
    let mut last = json!(null);
    for i in 0..11 {
        last = add(&app, &format!("Member {i}"), "member", "other", "regular")
            .await
            .1;
    }
    assert_eq!(last["warnings"][0]["code"], "regular_members_above_maximum");
}

async fn a_member_can_be_changed_and_removed(app: TestApp) {
    app.create_tenant("trikala").await;
    let (_, saved) = add(
        &app,
        "Maria Papa",
        "member",
        "municipal_councillor",
        "regular",
    )
    .await;
    let id = saved["member"]["id"].as_i64().unwrap();
    let path = format!("{MEMBERS}/{id}");

    let mut changed = sample_member("Maria Papa", "president", "municipal_councillor", "regular");
    changed["email"] = json!(null);
    let (status, updated) = app.put(&path, &changed).await;
    assert_eq!(status, 200, "{updated}");
    assert_eq!(updated["member"]["role"], "president");
    assert!(updated["member"].get("email").is_none());

    let response = app.delete(&path).await;
    assert_eq!(response.status(), 204);
    let (status, _) = app.put(&path, &changed).await;
    assert_eq!(status, 404);
}

async fn another_municipalitys_member_is_not_found_here(app: TestApp) {
    app.create_tenant("trikala").await;
    app.create_tenant("karditsa").await;
    let (_, saved) = app
        .post(
            "/api/v1/tenants/karditsa/council/members",
            &sample_member("Eleni Karditsa", "member", "other", "regular"),
        )
        .await;
    let id = saved["member"]["id"].as_i64().unwrap();

    let (status, _) = app
        .put(
            &format!("{MEMBERS}/{id}"),
            &sample_member("Hijack", "member", "other", "regular"),
        )
        .await;
    assert_eq!(status, 404);
    let response = app.delete(&format!("{MEMBERS}/{id}")).await;
    assert_eq!(response.status(), 404);
    let (_, karditsa) = app.get_json("/api/v1/tenants/karditsa/council").await;
    assert_eq!(karditsa["members"][0]["full_name"], "Eleni Karditsa");
}

async fn the_councils_decision_and_term_are_recorded(app: TestApp) {
    app.create_tenant("trikala").await;
    let (_, before) = app.get_json("/api/v1/tenants/trikala/council").await;
    assert!(before.get("council").is_none());

    let (status, saved) = app
        .put(
            "/api/v1/tenants/trikala/council",
            &json!({
                "name": {"el": "ΣΕΜΠ Δήμου Τρικκαίων", "en": "Trikala integration council"},
                "decision_reference": "Απόφαση 123/2024 Δημοτικού Συμβουλίου",
                "decision_date": "2024-03-15",
                "decision_url": "https://diavgeia.gov.gr/decision/view/ΨΧΩ1ΩΗΓ-ΑΒΓ",
                "term_start": "2024-01-01",
                "term_end": "2028-12-31"
            }),
        )
        .await;
    assert_eq!(status, 200, "{saved}");
    let (_, public) = app.get_json("/api/v1/tenants/trikala/council").await;
    assert_eq!(public["council"]["decision_date"], "2024-03-15");
    assert_eq!(public["council"]["term_end"], "2028-12-31");

    let (status, problem) = app
        .put(
            "/api/v1/tenants/trikala/council",
            &json!({"name": {"el": "ΣΕΜΠ"}, "term_start": "2028-01-01", "term_end": "2024-01-01"}),
        )
        .await;
    assert_eq!(status, 422);
    assert_eq!(problem["errors"][0]["field"], "term_end");
    let (status, problem) = app
        .put(
            "/api/v1/tenants/trikala/council",
            &json!({"name": {"el": "ΣΕΜΠ"}, "term_start": "31/12/2024"}),
        )
        .await;
    assert_eq!(status, 422);
    assert_eq!(problem["errors"][0]["field"], "term_start");
}

on_both_databases!(
    the_public_view_never_shows_contact_addresses,
    the_administrators_view_needs_a_token,
    a_second_president_is_a_conflict_naming_the_first,
    the_next_president_follows_one_whose_membership_ended,
    the_president_must_be_a_municipal_councillor,
    a_member_without_category_role_or_membership_lists_all_three,
    an_unknown_role_is_a_422_naming_the_field,
    fewer_than_five_regular_members_is_a_warning_not_a_block,
    more_than_eleven_regular_members_is_a_warning,
    a_member_can_be_changed_and_removed,
    another_municipalitys_member_is_not_found_here,
    the_councils_decision_and_term_are_recorded,
);

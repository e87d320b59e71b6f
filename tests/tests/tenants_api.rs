//! The tenants API as a client sees it: reads, writes, and every kind of bad input.

use integration_tests::{TestApp, error_fields, expect_problem, on_both_databases, sample_tenant};
use serde_json::json;

async fn a_created_municipality_can_be_read_back(app: TestApp) {
    let (status, created) = app
        .post("/api/v1/tenants", &sample_tenant("nea-smyrni"))
        .await;
    assert_eq!(status, 201, "{created}");
    assert_eq!(created["slug"], "nea-smyrni");
    assert_eq!(created["status"], "active");

    let (status, read) = app.get_json("/api/v1/tenants/nea-smyrni").await;
    assert_eq!(status, 200);
    assert_eq!(read["name"]["el"], "Δήμος Δοκιμής");
    assert_eq!(read["name"]["en"], "Test Municipality");
    assert_eq!(read["contact_email"], "semp@example.org");
    assert_eq!(read["profile"]["key_figures"], json!([]));
}

async fn creation_answers_with_the_new_address(app: TestApp) {
    let response = app
        .client
        .post(app.url("/api/v1/tenants"))
        .bearer_auth(&app.token)
        .json(&sample_tenant("chalandri"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 201);
    assert_eq!(response.headers()["location"], "/api/v1/tenants/chalandri");
}

async fn the_list_is_paginated_and_ordered_by_slug(app: TestApp) {
    for slug in ["zografou", "athens-test", "marousi"] {
        app.create_tenant(slug).await;
    }
    let (status, page) = app.get_json("/api/v1/tenants?per_page=2").await;
    assert_eq!(status, 200);
    assert_eq!(page["total"], 3);
    assert_eq!(page["total_pages"], 2);
    let slugs: Vec<_> = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["slug"].clone())
        .collect();
    assert_eq!(slugs, [json!("athens-test"), json!("marousi")]);

    let (_, second) = app.get_json("/api/v1/tenants?per_page=2&page=2").await;
    assert_eq!(second["items"][0]["slug"], "zografou");
    let (_, beyond) = app.get_json("/api/v1/tenants?per_page=2&page=9").await;
    assert_eq!(beyond["items"], json!([]));
}

async fn invalid_page_numbers_are_listed_in_a_422(app: TestApp) {
    let (status, problem) = app.get_json("/api/v1/tenants?page=0&per_page=500").await;
    assert_eq!(status, 422);
    let fields = error_fields(&problem);
    assert_eq!(fields, ["page", "per_page"]);
}

async fn an_unknown_municipality_is_a_404_problem(app: TestApp) {
    let response = app.get("/api/v1/tenants/atlantis").await;
    assert_eq!(response.status(), 404);
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
    let problem: serde_json::Value = response.json().await.unwrap();
    assert_eq!(problem["status"], 404);
    assert_eq!(problem["instance"], "/api/v1/tenants/atlantis");
    assert!(problem["detail"].as_str().unwrap().contains("atlantis"));
    assert!(problem["requestId"].is_string());
}

async fn writes_without_a_valid_token_are_refused_and_change_nothing(app: TestApp) {
    let anonymous = app
        .client
        .post(app.url("/api/v1/tenants"))
        .json(&sample_tenant("kifisia"))
        .send()
        .await
        .unwrap();
    assert_eq!(anonymous.status(), 401);
    assert_eq!(anonymous.headers()["www-authenticate"], "Bearer");
    let forged = app
        .client
        .post(app.url("/api/v1/tenants"))
        .bearer_auth("semp_not-a-real-token")
        .json(&sample_tenant("kifisia"))
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), 401);
    let problem: serde_json::Value = forged.json().await.unwrap();
    assert!(problem["detail"].as_str().unwrap().contains("token"));

    let (status, _) = app.get_json("/api/v1/tenants/kifisia").await;
    assert_eq!(status, 404);
}

async fn a_revoked_token_no_longer_writes(app: TestApp) {
    let (status, list) = app.get_json_as(&app.token, "/api/v1/me/tokens").await;
    assert_eq!(status, 200);
    let id = list
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == app.token_name.as_str())
        .expect("the test's token is listed")["id"]
        .as_i64()
        .unwrap();
    let revoked = app.delete(&format!("/api/v1/me/tokens/{id}")).await;
    assert_eq!(revoked.status(), 200);
    let (status, _) = app.post("/api/v1/tenants", &sample_tenant("kifisia")).await;
    assert_eq!(status, 401);
}

async fn a_taken_slug_is_a_conflict(app: TestApp) {
    app.create_tenant("patras").await;
    let (status, problem) = app.post("/api/v1/tenants", &sample_tenant("patras")).await;
    assert_eq!(status, 409);
    assert!(problem["detail"].as_str().unwrap().contains("patras"));
}

async fn every_invalid_field_is_listed_in_one_422(app: TestApp) {
    let (status, problem) = app
        .post(
            "/api/v1/tenants",
            &json!({
                "slug": "Αθήνα",
                "name": {"el": ""},
                "region": {"el": "Αττική"},
                "website": "ftp://example.org",
                "contact_email": "not-an-address"
            }),
        )
        .await;
    assert_eq!(status, 422, "{problem}");
    let fields = error_fields(&problem);
    assert_eq!(
        fields,
        ["slug", "name.el", "name.en", "website", "contact_email"]
    );
    // Each error has a code for programs and translations, beside its English message.
    let codes: Vec<&str> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes[3..], ["invalid_url", "invalid_email"], "{problem}");
    let (_, list) = app.get_json("/api/v1/tenants?status=all").await;
    assert_eq!(list["total"], 0, "a failed request must change nothing");
}

async fn a_field_of_the_wrong_type_is_a_422_naming_it(app: TestApp) {
    let mut body = sample_tenant("larissa");
    body["name"] = json!(42);
    let (status, problem) = app.post("/api/v1/tenants", &body).await;
    assert_eq!(status, 422);
    assert_eq!(problem["errors"][0]["field"], "name");
}

async fn an_unknown_field_is_a_422(app: TestApp) {
    let mut body = sample_tenant("larissa");
    body["mayor"] = json!("someone");
    let (status, problem) = app.post("/api/v1/tenants", &body).await;
    assert_eq!(status, 422);
    assert!(
        problem["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("mayor")
    );
}

async fn malformed_json_is_a_400(app: TestApp) {
    let response = app
        .post_raw(
            "/api/v1/tenants",
            "application/json",
            "{\"slug\": \"volos\",",
        )
        .await;
    let problem = expect_problem(response, 400).await;
    let detail = problem["detail"].as_str().unwrap();
    assert!(detail.contains("not valid JSON"), "{detail}");
}

async fn a_body_that_is_not_json_is_a_415(app: TestApp) {
    let response = app
        .post_raw("/api/v1/tenants", "text/plain", "slug=volos")
        .await;
    expect_problem(response, 415).await;
}

async fn a_body_over_the_limit_is_a_413_and_changes_nothing(app: TestApp) {
    let mut body = sample_tenant("volos");
    body["padding"] = json!("x".repeat(2 * 1024 * 1024));
    let response = app
        .client
        .post(app.url("/api/v1/tenants"))
        .bearer_auth(&app.token)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 413);
    assert_eq!(
        response.headers()["connection"],
        "close",
        "the unread body ends the connection"
    );
    let problem: serde_json::Value = response.json().await.unwrap();
    assert!(problem["detail"].as_str().unwrap().contains("1048576"));
    let (status, _) = app.get_json("/api/v1/tenants/volos").await;
    assert_eq!(status, 404);
}

async fn a_municipality_can_be_updated_but_not_renamed(app: TestApp) {
    app.create_tenant("ioannina").await;
    let (status, updated) = app
        .put(
            "/api/v1/tenants/ioannina",
            &json!({
                "name": {"el": "Δήμος Ιωαννιτών", "en": "Municipality of Ioannina"},
                "region": {"el": "Ήπειρος", "en": "Epirus"},
            }),
        )
        .await;
    assert_eq!(status, 200, "{updated}");
    assert_eq!(updated["slug"], "ioannina");
    assert_eq!(updated["region"]["en"], "Epirus");
    assert!(updated.get("website").is_none(), "cleared fields are gone");

    let (status, _) = app.put("/api/v1/tenants/nowhere", &json!({})).await;
    assert_eq!(status, 404);
}

async fn an_archived_municipality_leaves_the_list_and_is_read_only_until_restored(app: TestApp) {
    app.create_tenant("kalamata").await;
    let (status, archived) = app
        .post("/api/v1/tenants/kalamata/archive", &json!({}))
        .await;
    assert_eq!(status, 200);
    assert_eq!(archived["status"], "archived");
    assert!(archived["archived_at"].is_string());

    let (_, active) = app.get_json("/api/v1/tenants").await;
    assert_eq!(active["total"], 0);
    let (_, archived_list) = app.get_json("/api/v1/tenants?status=archived").await;
    assert_eq!(archived_list["items"][0]["slug"], "kalamata");
    let (status, _) = app.get_json("/api/v1/tenants/kalamata").await;
    assert_eq!(status, 200, "archived municipalities stay readable");

    let (status, problem) = app
        .put("/api/v1/tenants/kalamata/profile", &json!({}))
        .await;
    assert_eq!(status, 409);
    assert!(problem["detail"].as_str().unwrap().contains("restore"));

    let (status, restored) = app
        .post("/api/v1/tenants/kalamata/restore", &json!({}))
        .await;
    assert_eq!(status, 200);
    assert_eq!(restored["status"], "active");
    assert!(restored.get("archived_at").is_none());
}

fn sample_profile() -> serde_json::Value {
    json!({
        "introduction": {"el": "Πρώτη παράγραφος.\n\nΔεύτερη παράγραφος.", "en": "First.\n\nSecond."},
        "key_figures": [{"label": {"el": "Ώρες ελληνικών"}, "value": "4.250", "year": 2023}],
        "programmes": [{"title": {"el": "Κέντρο Ένταξης Μεταναστών"}, "description": {"el": "Περιγραφή."}, "link": "https://example.org/kem"}],
        "achievements": [{"title": {"el": "Εύρεση εργασίας"}, "description": {"el": "Υποστηρίξαμε."}, "figure": {"value": "1.500", "label": {"el": "άτομα"}}}],
        "goals": [{"title": {"el": "Συμβούλιο Νεότητας"}, "description": {"el": "Συγκροτούμε."}}]
    })
}

async fn the_profile_is_replaced_as_a_whole(app: TestApp) {
    app.create_tenant("rhodes").await;
    let (status, detail) = app
        .put("/api/v1/tenants/rhodes/profile", &sample_profile())
        .await;
    assert_eq!(status, 200, "{detail}");
    let profile = &detail["profile"];
    assert_eq!(profile["key_figures"][0]["value"], "4.250");
    assert_eq!(profile["programmes"][0]["link"], "https://example.org/kem");
    assert_eq!(profile["achievements"][0]["figure"]["value"], "1.500");
    assert_eq!(profile["goals"][0]["title"]["el"], "Συμβούλιο Νεότητας");

    let (_, read) = app.get_json("/api/v1/tenants/rhodes").await;
    assert_eq!(read["profile"]["introduction"]["en"], "First.\n\nSecond.");
}

async fn an_invalid_profile_changes_nothing(app: TestApp) {
    app.create_tenant("chania").await;
    app.put("/api/v1/tenants/chania/profile", &sample_profile())
        .await;

    let mut broken = sample_profile();
    broken["key_figures"] =
        json!([{"label": {"el": "Καλό"}, "value": "1"}, {"label": {"el": ""}, "value": ""}]);
    broken["programmes"][0]["link"] = json!("not a link");
    let (status, problem) = app.put("/api/v1/tenants/chania/profile", &broken).await;
    assert_eq!(status, 422);
    let fields = error_fields(&problem);
    assert_eq!(
        fields,
        [
            "key_figures[1].label.el",
            "key_figures[1].value",
            "programmes[0].link"
        ]
    );

    let (_, read) = app.get_json("/api/v1/tenants/chania").await;
    assert_eq!(read["profile"]["key_figures"][0]["value"], "4.250");
    assert_eq!(read["profile"]["key_figures"].as_array().unwrap().len(), 1);
}

async fn an_unknown_api_address_is_a_404_problem(app: TestApp) {
    let response = app.get("/api/v2/everything").await;
    assert_eq!(response.status(), 404);
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
}

async fn a_wrong_method_is_a_405_problem(app: TestApp) {
    let response = app
        .client
        .delete(app.url("/api/v1/tenants"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 405);
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
}

on_both_databases!(
    a_created_municipality_can_be_read_back,
    creation_answers_with_the_new_address,
    the_list_is_paginated_and_ordered_by_slug,
    invalid_page_numbers_are_listed_in_a_422,
    an_unknown_municipality_is_a_404_problem,
    writes_without_a_valid_token_are_refused_and_change_nothing,
    a_revoked_token_no_longer_writes,
    a_taken_slug_is_a_conflict,
    every_invalid_field_is_listed_in_one_422,
    a_field_of_the_wrong_type_is_a_422_naming_it,
    an_unknown_field_is_a_422,
    malformed_json_is_a_400,
    a_body_that_is_not_json_is_a_415,
    a_body_over_the_limit_is_a_413_and_changes_nothing,
    a_municipality_can_be_updated_but_not_renamed,
    an_archived_municipality_leaves_the_list_and_is_read_only_until_restored,
    the_profile_is_replaced_as_a_whole,
    an_invalid_profile_changes_nothing,
    an_unknown_api_address_is_a_404_problem,
    a_wrong_method_is_a_405_problem,
);

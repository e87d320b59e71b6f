//! The demo municipalities: real profile content from the seed pages, invented members
//! clearly labelled, and a loader that never touches what is already there.

use integration_tests::{TestApp, on_both_databases};

async fn demo_data_loads_three_real_municipalities(app: TestApp) {
    app.load_demo_data().await;
    let (_, list) = app.get_json("/api/v1/tenants").await;
    let slugs: Vec<_> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["slug"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(slugs, ["athens", "piraeus", "thessaloniki"]);

    let (_, athens) = app.get_json("/api/v1/tenants/athens").await;
    assert_eq!(athens["name"]["el"], "Δήμος Αθηναίων");
    let figures = athens["profile"].to_string();
    assert!(
        figures.contains("4.250"),
        "Athens' 4,250 hours of Greek lessons are in its profile"
    );
    assert!(
        !athens["profile"]["achievements"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    assert!(!athens["profile"]["goals"].as_array().unwrap().is_empty());

    let (_, thessaloniki) = app.get_json("/api/v1/tenants/thessaloniki").await;
    assert!(
        thessaloniki["profile"].to_string().contains("2.950"),
        "REACT's 2,950 beneficiaries"
    );
    let (_, piraeus) = app.get_json("/api/v1/tenants/piraeus").await;
    assert!(
        piraeus["profile"]["introduction"]["el"]
            .as_str()
            .unwrap()
            .contains("Δήμος Πειραιά")
    );
}

async fn demo_council_members_are_labelled_as_examples(app: TestApp) {
    app.load_demo_data().await;
    for slug in ["athens", "piraeus", "thessaloniki"] {
        let (_, council) = app
            .get_json(&format!("/api/v1/tenants/{slug}/council"))
            .await;
        let members = council["members"].as_array().unwrap();
        assert!(members.len() >= 5, "{slug} has a plausible council");
        assert!(
            members.iter().all(|m| m["example"] == true),
            "{slug}: every demo member is marked"
        );
        let presidents = members.iter().filter(|m| m["role"] == "president").count();
        assert_eq!(presidents, 1, "{slug} has one president");
    }
}

async fn loading_demo_data_twice_changes_nothing(app: TestApp) {
    app.load_demo_data().await;
    app.put(
        "/api/v1/tenants/athens",
        &serde_json::json!({"name": {"el": "Δήμος Αθηναίων", "en": "Athens (edited)"}, "region": {"el": "Αττική"}}),
    )
    .await;
    let outcome = tenants::demo::load(&app.context.db).await.unwrap();
    assert!(outcome.created.is_empty());
    assert_eq!(outcome.skipped, ["athens", "piraeus", "thessaloniki"]);
    let (_, athens) = app.get_json("/api/v1/tenants/athens").await;
    assert_eq!(
        athens["name"]["en"], "Athens (edited)",
        "an edit survives a second load"
    );
    let (_, council) = app.get_json("/api/v1/tenants/athens/council").await;
    let (_, list) = app.get_json("/api/v1/tenants").await;
    assert_eq!(list["total"], 3);
    assert!(council["members"].as_array().unwrap().len() <= 11);
}

on_both_databases!(
    demo_data_loads_three_real_municipalities,
    demo_council_members_are_labelled_as_examples,
    loading_demo_data_twice_changes_nothing,
);

//! The practices search understands Greek and English: inflected forms find each other
//! («απασχόληση» finds «απασχόλησης», "employed" finds "employment"), and a practice is
//! found by the names of its thematic areas, sector, UN goals and municipalities in both
//! languages; a renamed thematic area under its new name. The same answers on SQLite and
//! PostgreSQL, through the API, its CSV and the search page.

use integration_tests::{TestApp, on_both_databases, sample_tenant};
use serde_json::{Value, json};

/// Drafts, submits and publishes a practice as the platform administrator; its address.
async fn published(app: &TestApp, body: Value) -> String {
    let (status, created) = app.post("/api/v1/practices", &body).await;
    assert_eq!(status, 201, "{created}");
    let slug = created["slug"].as_str().unwrap().to_string();
    for step in ["submit", "publish"] {
        let (status, moved) = app
            .post(&format!("/api/v1/practices/{slug}/{step}"), &json!({}))
            .await;
        assert_eq!(status, 200, "{step}: {moved}");
    }
    slug
}

/// The addresses of the practices `q` finds, in the order the API gives them.
async fn found(app: &TestApp, q: &str) -> Vec<String> {
    let (status, page) = app
        .get_json(&format!("/api/v1/practices?q={}", encode(q)))
        .await;
    assert_eq!(status, 200, "{q}: {page}");
    slugs(&page)
}

fn slugs(page: &Value) -> Vec<String> {
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["slug"].as_str().unwrap().to_string())
        .collect()
}

fn encode(q: &str) -> String {
    q.bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

async fn inflected_words_and_names_find_practices_in_greek_and_english(app: TestApp) {
    app.create_tenant("alpha").await;
    let mut athens = sample_tenant("athens");
    athens["name"] = json!({"el": "Δήμος Αθηναίων", "en": "City of Athens"});
    assert_eq!(app.post("/api/v1/tenants", &athens).await.0, 201);
    // Published oldest to newest: employment, lessons, tenants, inclusion.
    let employment = published(
        &app,
        json!({
            "title": {"el": "Ενίσχυση της απασχόλησης προσφύγων"},
            "summary": {"el": "Συμβουλευτική σταδιοδρομίας και αναζήτηση εργασίας."},
            "sector": "civil_society",
            "thematic_areas": ["employment"],
            "organisation": {"name": "Κέντρο Εργασίας"},
            "description": {"el": "Συναντήσεις με εργοδότες κάθε μήνα."},
            "locations": ["alpha"],
            "sdgs": [8]
        }),
    )
    .await;
    let lessons = published(
        &app,
        json!({
            "title": {"el": "Μαθήματα ελληνικών για γυναίκες"},
            "summary": {"el": "Με φύλαξη για τα παιδιά τους."},
            "sector": "academia",
            "thematic_areas": ["education_language"],
            "organisation": {"name": "Πανεπιστημιακή ομάδα"},
            "description": {"el": "Δύο φορές την εβδομάδα."},
            "locations": ["alpha"],
            "sdgs": [4, 5]
        }),
    )
    .await;
    let tenants = published(
        &app,
        json!({
            "title": {"en": "Employed tenants mentor newcomers"},
            "summary": {"en": "Neighbours help with rent contracts."},
            "sector": "municipality",
            "thematic_areas": ["housing"],
            "organisation": {"name": "Social services", "tenant": "athens"},
            "description": {"en": "Weekly meetings."},
            "locations": ["athens"],
            "sdgs": [11]
        }),
    )
    .await;
    let inclusion = published(
        &app,
        json!({
            "title": {"el": "Κοινωνική ένταξη παιδιών"},
            "summary": {"el": "Παιχνίδι και αθλητισμός στη γειτονιά."},
            "sector": "other",
            "thematic_areas": ["social_inclusion", "employment"],
            "organisation": {"name": "Σύλλογος γειτονιάς"},
            "description": {"el": "Κάθε Σάββατο."},
            "locations": ["alpha"],
            "sdgs": [10]
        }),
    )
    .await;

    // Inflected Greek: the title's «απασχόλησης» first, then the practice whose thematic
    // area is «Ενίσχυση απασχόλησης»; a word typed in part still finds both.
    for q in [
        "απασχόληση",
        "Απασχόλησης",
        "απασχόλησή",
        "ΑΠΑΣΧΟΛΗΣΗΣ",
        "απασχολ",
    ] {
        assert_eq!(
            found(&app, q).await,
            [employment.as_str(), inclusion.as_str()],
            "{q}"
        );
    }
    assert_eq!(found(&app, "ένταξης").await, [inclusion.as_str()]);
    for q in ["παιδιά", "παιδιών"] {
        assert_eq!(
            found(&app, q).await,
            [inclusion.as_str(), lessons.as_str()],
            "{q}: the title's «παιδιών», then the summary's «παιδιά»"
        );
    }
    assert_eq!(found(&app, "γυναικών").await, [lessons.as_str()]);
    assert_eq!(found(&app, "γυναίκα").await, [lessons.as_str()]);
    // Inflected English: the title's "Employed" first, then the thematic area
    // "Employment", newest first.
    for q in ["employment", "employed", "EMPLOY"] {
        assert_eq!(
            found(&app, q).await,
            [tenants.as_str(), inclusion.as_str(), employment.as_str()],
            "{q}"
        );
    }
    // Thematic areas, sectors and UN goals by their names, in both languages.
    for q in ["Στέγασης", "στεγαση", "housing"] {
        assert_eq!(found(&app, q).await, [tenants.as_str()], "{q}");
    }
    assert_eq!(
        found(&app, "Κοινωνικής ένταξης").await,
        [inclusion.as_str()]
    );
    assert_eq!(
        found(&app, "Ακαδημαϊκή κοινότητα").await,
        [lessons.as_str()]
    );
    assert_eq!(found(&app, "local government").await, [tenants.as_str()]);
    for q in [
        "Ποιοτική εκπαίδευση",
        "ποιοτικης εκπαιδευσης",
        "Quality education",
    ] {
        assert_eq!(found(&app, q).await, [lessons.as_str()], "{q}");
    }
    // Municipalities by their names: «Αθήνα» is the start of «Αθηναίων».
    for q in ["Αθήνα", "Αθηναίων", "Athens", "city of athens"] {
        assert_eq!(found(&app, q).await, [tenants.as_str()], "{q}");
    }
    assert_eq!(
        found(&app, "Δοκιμής").await,
        [inclusion.as_str(), lessons.as_str(), employment.as_str()],
        "alpha's practices, newest first"
    );
    assert!(found(&app, "υγεία").await.is_empty());

    // With a filter, its counts follow the words.
    let (_, filtered) = app
        .get_json(&format!(
            "/api/v1/practices?q={}&sector=civil_society",
            encode("απασχόλησης")
        ))
        .await;
    assert_eq!(slugs(&filtered), [employment.as_str()]);
    let theme_count = filtered["facets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["facet"] == "theme" && f["value"] == "employment")
        .map(|f| f["count"].clone());
    assert_eq!(theme_count, Some(json!(1)));

    // The CSV of the list: the same practices in the same order.
    let csv = app.get("/api/v1/practices.csv?q=employed").await;
    let csv = csv.text().await.unwrap();
    let rows: Vec<&str> = csv.lines().skip(1).collect();
    assert_eq!(rows.len(), 3, "{csv}");
    for (row, slug) in rows
        .iter()
        .zip([tenants.as_str(), inclusion.as_str(), employment.as_str()])
    {
        assert!(row.starts_with(slug), "{csv}");
    }

    // The search page, as a reader sees it: two practices, the title match first.
    let html = app
        .get(&format!("/practices?q={}", encode("απασχόληση")))
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("2 πρακτικές"), "{html}");
    let first = html.find("Ενίσχυση της απασχόλησης προσφύγων").unwrap();
    let second = html.find("Κοινωνική ένταξη παιδιών").unwrap();
    assert!(first < second, "the title match first");

    // A thematic area renamed is found under its new name, and no longer under the old.
    assert!(found(&app, "στέγης").await.is_empty());
    let (status, renamed) = app
        .put(
            "/api/v1/practice-themes/housing",
            &json!({"name": {"el": "Στέγη", "en": "Shelter"}}),
        )
        .await;
    assert_eq!(status, 200, "{renamed}");
    assert_eq!(found(&app, "στέγης").await, [tenants.as_str()]);
    assert_eq!(found(&app, "shelter").await, [tenants.as_str()]);
    assert!(found(&app, "housing").await.is_empty());
}

on_both_databases!(inflected_words_and_names_find_practices_in_greek_and_english);

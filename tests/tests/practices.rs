//! The life of a good practice through the API: an NGO's author drafts and submits it, a
//! moderator reviews, asks for changes and publishes it, its update goes through the same
//! review while the public version stays live; a municipality's practice is moderated by
//! its own administrators; search ignores accents, ranks titles first and counts filters.

use council_shared::auth::Role;
use integration_tests::{PNG, TestApp, error_fields, on_both_databases, send, token_for};
use reqwest::Method;
use serde_json::{Value, json};

struct Platform {
    app: TestApp,
    /// A user without any role (an NGO's author).
    ngo: String,
    /// Another user without any role.
    stranger: String,
    alpha_admin: String,
    alpha_author: String,
    beta_admin: String,
}

impl Platform {
    async fn new(app: TestApp) -> Self {
        app.create_tenant("alpha").await;
        app.create_tenant("beta").await;
        let ctx = &app.context;
        let ngo = token_for(ctx, "author@ngo.example.org", &[], "t").await;
        let stranger = token_for(ctx, "someone@example.org", &[], "t").await;
        let alpha_admin = token_for(
            ctx,
            "admin@alpha.example.org",
            &[(Role::TenantAdmin, Some("alpha"))],
            "t",
        )
        .await;
        let alpha_author = token_for(
            ctx,
            "writer@alpha.example.org",
            &[(Role::PracticeAuthor, Some("alpha"))],
            "t",
        )
        .await;
        let beta_admin = token_for(
            ctx,
            "admin@beta.example.org",
            &[(Role::TenantAdmin, Some("beta"))],
            "t",
        )
        .await;
        Self {
            app,
            ngo,
            stranger,
            alpha_admin,
            alpha_author,
            beta_admin,
        }
    }

    async fn call(
        &self,
        token: Option<&str>,
        method: Method,
        path: &str,
        body: Option<Value>,
    ) -> (u16, Value) {
        let url = self.app.url(&format!("/api/v1{path}"));
        send(&self.app.client, &url, token, method, body).await
    }

    async fn ok(&self, token: &str, method: Method, path: &str, body: Option<Value>) -> Value {
        let (status, value) = self.call(Some(token), method, path, body).await;
        assert!((200..300).contains(&status), "{path}: {status} {value}");
        value
    }

    /// Drafts, submits and publishes a practice as the platform administrator.
    async fn published(&self, body: Value) -> String {
        let created = self
            .ok(&self.app.token, Method::POST, "/practices", Some(body))
            .await;
        let slug = created["slug"].as_str().unwrap().to_string();
        for step in ["submit", "publish"] {
            self.ok(
                &self.app.token,
                Method::POST,
                &format!("/practices/{slug}/{step}"),
                None,
            )
            .await;
        }
        slug
    }
}

fn practice(title: &str, tenant: Option<&str>) -> Value {
    json!({
        "title": {"el": title},
        "summary": {"el": "Υποστήριξη στην αναζήτηση εργασίας."},
        "sector": if tenant.is_some() { "municipality" } else { "civil_society" },
        "thematic_areas": ["employment"],
        "audiences": ["refugees"],
        "organisation": {"name": "Οργάνωση Δοκιμής", "tenant": tenant},
        "duration": {"from": "2021-03-01", "ongoing": true},
        "description": {"el": "Συμβουλευτική **σταδιοδρομίας** για πρόσφυγες."},
        "locations": ["alpha"],
        "results": [{"label": {"el": "Ωφελούμενοι"}, "figures": {"2021": 120, "2022": 340}}],
        "sdgs": [8, 10]
    })
}

async fn a_practice_goes_through_review_and_its_update_keeps_the_public_version(app: TestApp) {
    let p = Platform::new(app).await;
    let (status, problem) = p
        .call(
            Some(&p.ngo),
            Method::POST,
            "/practices",
            Some(json!({"organisation": {"name": ""}})),
        )
        .await;
    // A draft needs only its title; submitting it needs the rest, each field named.
    assert_eq!(status, 422);
    assert_eq!(error_fields(&problem), ["title"], "{problem}");
    let draft = p
        .ok(
            &p.ngo,
            Method::POST,
            "/practices",
            Some(json!({"title": {"el": "Μόνο τίτλος"}})),
        )
        .await;
    let draft_slug = draft["slug"].as_str().unwrap();
    let (status, problem) = p
        .call(
            Some(&p.ngo),
            Method::POST,
            &format!("/practices/{draft_slug}/submit"),
            None,
        )
        .await;
    assert_eq!(status, 422);
    for field in ["summary", "sector", "organisation.name", "description"] {
        assert!(
            error_fields(&problem).contains(&field.to_string()),
            "{field}: {problem}"
        );
    }
    assert_eq!(
        p.call(None, Method::POST, "/practices", Some(practice("x", None)))
            .await
            .0,
        401
    );

    let created = p
        .ok(
            &p.ngo,
            Method::POST,
            "/practices",
            Some(practice("Κέντρο Απασχόλησης", None)),
        )
        .await;
    let slug = created["slug"].as_str().unwrap().to_string();
    assert_eq!(slug, "kentro-apascholisis");
    assert_eq!(created["working"]["state"], "draft");
    assert_eq!(created["allowed_actions"], json!(["edit", "submit"]));
    let path = format!("/practices/{slug}");
    assert_eq!(
        p.call(None, Method::GET, &path, None).await.0,
        404,
        "drafts are private"
    );
    assert_eq!(
        p.call(Some(&p.stranger), Method::GET, &path, None).await.0,
        404
    );
    assert_eq!(
        p.call(
            Some(&p.stranger),
            Method::PUT,
            &path,
            Some(practice("Άλλο", None))
        )
        .await
        .0,
        403
    );
    assert_eq!(
        p.call(Some(&p.ngo), Method::POST, &format!("{path}/publish"), None)
            .await
            .0,
        403
    );

    p.ok(&p.ngo, Method::POST, &format!("{path}/submit"), None)
        .await;
    let (status, problem) = p
        .call(Some(&p.ngo), Method::POST, &format!("{path}/submit"), None)
        .await;
    assert_eq!(status, 409);
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .contains("allowed now: review, publish, request_changes, reject"),
        "{problem}"
    );
    assert_eq!(
        p.call(
            Some(&p.alpha_admin),
            Method::POST,
            &format!("{path}/review"),
            None
        )
        .await
        .0,
        403,
        "a municipality's administrator moderates only its own practices"
    );
    let admin = p.app.token.clone();
    p.ok(&admin, Method::POST, &format!("{path}/review"), None)
        .await;
    let (status, problem) = p
        .call(
            Some(&admin),
            Method::POST,
            &format!("{path}/request-changes"),
            Some(json!({})),
        )
        .await;
    assert_eq!(
        (status, error_fields(&problem)),
        (422, vec!["note".to_string()])
    );
    let returned = p
        .ok(
            &admin,
            Method::POST,
            &format!("{path}/request-changes"),
            Some(json!({"note": "Προσθέστε αποτελέσματα για το 2023."})),
        )
        .await;
    assert_eq!(returned["working"]["state"], "changes_requested");
    let mut revised = practice("Κέντρο Απασχόλησης", None);
    revised["results"][0]["figures"]["2023"] = json!(410);
    p.ok(&p.ngo, Method::PUT, &path, Some(revised)).await;
    p.ok(&p.ngo, Method::POST, &format!("{path}/submit"), None)
        .await;
    p.ok(&admin, Method::POST, &format!("{path}/publish"), None)
        .await;
    let (status, public) = p.call(None, Method::GET, &path, None).await;
    assert_eq!(status, 200);
    assert_eq!(public["published"]["results"][0]["figures"]["2023"], 410);
    assert!(public.get("working").is_none() && public.get("history").is_none());

    // An update goes through review; the public keeps reading version 1 meanwhile.
    let mut update = practice("Κέντρο Απασχόλησης και Κατάρτισης", None);
    update["sdgs"] = json!([4, 8]);
    let pending = p.ok(&p.ngo, Method::PUT, &path, Some(update)).await;
    assert_eq!(
        (
            pending["working"]["revision"].as_i64(),
            pending["working"]["state"].as_str()
        ),
        (Some(2), Some("draft"))
    );
    let (_, public) = p.call(None, Method::GET, &path, None).await;
    assert_eq!(public["published"]["title"]["el"], "Κέντρο Απασχόλησης");
    p.ok(&p.ngo, Method::POST, &format!("{path}/submit"), None)
        .await;
    p.ok(&admin, Method::POST, &format!("{path}/publish"), None)
        .await;
    let (_, public) = p.call(None, Method::GET, &path, None).await;
    assert_eq!(
        public["published"]["title"]["el"],
        "Κέντρο Απασχόλησης και Κατάρτισης"
    );
    let (_, found) = p.call(None, Method::GET, "/practices?sdg=4", None).await;
    assert_eq!(
        found["total"], 1,
        "the filters follow the published version"
    );

    // Every step is recorded with who and when; each decision is an event for the author.
    let (_, seen) = p.call(Some(&p.ngo), Method::GET, &path, None).await;
    let steps: Vec<&str> = seen["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["to"].as_str().unwrap())
        .collect();
    assert_eq!(
        steps,
        [
            "draft",
            "submitted",
            "in_review",
            "changes_requested",
            "draft",
            "submitted",
            "published",
            "draft",
            "submitted",
            "published"
        ]
    );
    assert_eq!(
        seen["history"][3]["note"],
        "Προσθέστε αποτελέσματα για το 2023."
    );
    use sea_orm::{EntityTrait, PaginatorTrait};
    let events = practices::entities::practice_event::Entity::find()
        .count(&p.app.context.db)
        .await
        .unwrap();
    assert_eq!(
        events, 7,
        "submitted ×3, in_review, changes_requested, published ×2"
    );

    // Archived: still readable, marked.
    p.ok(&admin, Method::POST, &format!("{path}/archive"), None)
        .await;
    let (status, archived) = p.call(None, Method::GET, &path, None).await;
    assert_eq!((status, archived["archived"].as_bool()), (200, Some(true)));
}

async fn a_municipality_moderates_its_own_practices(app: TestApp) {
    let p = Platform::new(app).await;
    let (status, _) = p
        .call(
            Some(&p.beta_admin),
            Method::POST,
            "/practices",
            Some(practice("Ξένη", Some("alpha"))),
        )
        .await;
    assert_eq!(status, 403, "only alpha's people submit in alpha's name");
    let created = p
        .ok(
            &p.alpha_author,
            Method::POST,
            "/practices",
            Some(practice("Πρόγραμμα Δήμου", Some("alpha"))),
        )
        .await;
    let path = format!("/practices/{}", created["slug"].as_str().unwrap());
    // Alpha's other authors and its administrators edit their organisation's drafts.
    p.ok(
        &p.alpha_admin,
        Method::PUT,
        &path,
        Some(practice("Πρόγραμμα του Δήμου", Some("alpha"))),
    )
    .await;
    p.ok(
        &p.alpha_author,
        Method::POST,
        &format!("{path}/submit"),
        None,
    )
    .await;
    assert_eq!(
        p.call(
            Some(&p.alpha_author),
            Method::POST,
            &format!("{path}/publish"),
            None
        )
        .await
        .0,
        403
    );
    assert_eq!(
        p.call(
            Some(&p.beta_admin),
            Method::POST,
            &format!("{path}/publish"),
            None
        )
        .await
        .0,
        403
    );
    p.ok(
        &p.alpha_admin,
        Method::POST,
        &format!("{path}/publish"),
        None,
    )
    .await;

    let other = p
        .ok(
            &p.alpha_author,
            Method::POST,
            "/practices",
            Some(practice("Απορριπτέα", Some("alpha"))),
        )
        .await;
    let other = format!("/practices/{}", other["slug"].as_str().unwrap());
    p.ok(
        &p.alpha_author,
        Method::POST,
        &format!("{other}/submit"),
        None,
    )
    .await;
    let rejected = p
        .ok(
            &p.alpha_admin,
            Method::POST,
            &format!("{other}/reject"),
            Some(json!({"note": "Δεν αφορά την ένταξη."})),
        )
        .await;
    assert_eq!(rejected["working"]["state"], "rejected");
    assert_eq!(rejected["allowed_actions"], json!([]));
    let (status, problem) = p
        .call(
            Some(&p.alpha_author),
            Method::PUT,
            &other,
            Some(practice("Ξανά", Some("alpha"))),
        )
        .await;
    assert_eq!(status, 409, "{problem}");
    let (_, listed) = p
        .call(None, Method::GET, "/practices?municipality=alpha", None)
        .await;
    assert_eq!(listed["total"], 1);
}

async fn search_ignores_accents_ranks_titles_first_and_counts_each_filter(app: TestApp) {
    let p = Platform::new(app).await;
    let mut body_only = practice("Μαθήματα ελληνικών", None);
    body_only["description"] = json!({"el": "Μαθήματα για την απασχόληση και την αλληλεγγύη."});
    body_only["thematic_areas"] = json!(["education_language"]);
    body_only["duration"] = json!({"from": "2019-01-01", "to": "2020-12-31"});
    let older = p.published(body_only).await;
    let mut in_title = practice("Δίκτυο Αλληλεγγύης", Some("alpha"));
    in_title["sdgs"] = json!([1]);
    let newer_title = p.published(in_title).await;
    let mut english = practice("Ignored", None);
    english["title"] = json!({"en": "Housing first"});
    english["thematic_areas"] = json!(["housing"]);
    p.published(english).await;
    p.ok(
        &p.ngo,
        Method::POST,
        "/practices",
        Some(practice("Πρόχειρο αλληλεγγύης", None)),
    )
    .await;

    for q in ["αλληλεγγυη", "ΑΛΛΗΛΕΓΓΎΗ", "Αλληλεγγύη"] {
        let (_, found) = p
            .call(None, Method::GET, &format!("/practices?q={q}"), None)
            .await;
        let slugs: Vec<&str> = found["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["slug"].as_str().unwrap())
            .collect();
        assert_eq!(
            slugs,
            [newer_title.as_str(), older.as_str()],
            "{q}: title match first, no drafts"
        );
    }
    let (_, housing) = p
        .call(None, Method::GET, "/practices?q=housing", None)
        .await;
    assert_eq!(housing["total"], 1, "English text is searched too");

    let (_, all) = p.call(None, Method::GET, "/practices", None).await;
    assert_eq!(all["total"], 3);
    let count = |page: &Value, facet: &str, value: &str| {
        page["facets"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["facet"] == facet && f["value"] == value)
            .map(|f| f["count"].as_i64().unwrap())
            .unwrap_or(0)
    };
    assert_eq!(count(&all, "sector", "civil_society"), 2);
    assert_eq!(count(&all, "sector", "municipality"), 1);
    assert_eq!(count(&all, "theme", "employment"), 1);
    assert_eq!(count(&all, "year", "2020"), 1);
    assert_eq!(count(&all, "municipality", "alpha"), 3);
    let (_, filtered) = p
        .call(
            None,
            Method::GET,
            "/practices?sector=civil_society&year=2019",
            None,
        )
        .await;
    assert_eq!(filtered["total"], 1);
    assert_eq!(count(&filtered, "theme", "education_language"), 1);
    assert_eq!(
        count(&filtered, "theme", "housing"),
        0,
        "counts follow the filters"
    );
    let (_, by_date) = p
        .call(None, Method::GET, "/practices?sort=date&per_page=1", None)
        .await;
    assert_eq!(
        (
            by_date["total_pages"].as_i64(),
            by_date["items"].as_array().unwrap().len()
        ),
        (Some(3), 1)
    );
    let (status, problem) = p
        .call(None, Method::GET, "/practices?sort=popular", None)
        .await;
    assert_eq!(
        (status, error_fields(&problem)),
        (422, vec!["sort".to_string()])
    );
    // The filtered list as CSV, every match; one practice as a JSON file.
    let csv = p
        .app
        .get("/api/v1/practices.csv?sector=civil_society&sort=date")
        .await;
    assert_eq!(csv.headers()["content-type"], "text/csv; charset=utf-8");
    assert!(
        csv.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .contains("practices.csv")
    );
    let csv = csv.text().await.unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 3, "{csv}");
    assert!(lines[0].starts_with("slug,title,title_en,summary,sector"));
    assert!(
        lines[1].contains("Housing first") && lines[2].contains("Μαθήματα ελληνικών"),
        "newest first: {csv}"
    );
    let file = p
        .app
        .get(&format!("/api/v1/practices/{older}/export"))
        .await;
    assert!(
        file.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .contains(&format!("{older}.json"))
    );
    let file: Value = file.json().await.unwrap();
    assert_eq!(
        file["practice"]["thematic_areas"],
        json!(["education_language"])
    );
    let (_, themes) = p.call(None, Method::GET, "/practice-themes", None).await;
    assert_eq!(themes[0]["code"], "employment");
}

async fn the_demo_practices_are_published_with_their_figures(app: TestApp) {
    app.load_demo_data().await;
    let reads = tenants::public::TenantReads::from_context(&app.context);
    let loaded = practices::demo::load(&app.context.db, reads.as_ref())
        .await
        .unwrap();
    assert_eq!(loaded, 7);
    let (_, solidarity) = app
        .get_json("/api/v1/practices/solidaritynow-solidarity-centres")
        .await;
    let results = solidarity["published"]["results"].as_array().unwrap();
    assert!(!results.is_empty());
    let (_, found) = app.get_json("/api/v1/practices?q=multaka").await;
    assert_eq!(
        found["items"][0]["slug"],
        "multaka-athens-intercultural-tours"
    );
    let (_, athens) = app.get_json("/api/v1/practices?municipality=athens").await;
    assert!(athens["total"].as_u64().unwrap() >= 3, "{athens}");
    assert_eq!(
        practices::demo::load(&app.context.db, reads.as_ref())
            .await
            .unwrap(),
        0,
        "loading twice adds nothing"
    );
}

async fn the_public_gives_feedback_and_cities_mark_what_they_adopted(app: TestApp) {
    let p = Platform::new(app).await;
    let slug = p
        .published(practice("Κοινωνική Κουζίνα", Some("alpha")))
        .await;
    let path = format!("/practices/{slug}");
    let (status, problem) = p
        .call(
            None,
            Method::POST,
            &format!("{path}/feedback"),
            Some(json!({"email": "not-an-address", "body": ""})),
        )
        .await;
    assert_eq!(status, 422);
    assert_eq!(error_fields(&problem), ["email", "body"]);
    let (status, _) = p
        .call(None, Method::POST, &format!("{path}/feedback"), Some(json!({"name": "Μαρία", "email": "maria@example.org", "body": "Θα το δοκιμάσουμε στη γειτονιά μας."})))
        .await;
    assert_eq!(status, 202);
    let (_, shown) = p
        .call(None, Method::GET, &format!("{path}/feedback"), None)
        .await;
    assert_eq!(shown, json!([]), "held for moderation");
    assert_eq!(
        p.call(
            None,
            Method::GET,
            &format!("{path}/feedback?state=pending"),
            None
        )
        .await
        .0,
        403
    );
    assert_eq!(
        p.call(
            Some(&p.beta_admin),
            Method::GET,
            &format!("{path}/feedback?state=pending"),
            None
        )
        .await
        .0,
        403
    );
    let pending = p
        .ok(
            &p.alpha_admin,
            Method::GET,
            &format!("{path}/feedback?state=pending"),
            None,
        )
        .await;
    let id = pending[0]["id"].as_i64().unwrap();
    assert!(
        pending[0].get("email").is_none(),
        "the address is never shown"
    );
    assert_eq!(
        p.call(
            Some(&p.beta_admin),
            Method::POST,
            &format!("{path}/feedback/{id}/approve"),
            None
        )
        .await
        .0,
        403
    );
    p.ok(
        &p.alpha_admin,
        Method::POST,
        &format!("{path}/feedback/{id}/approve"),
        None,
    )
    .await;
    assert_eq!(
        p.call(
            Some(&p.alpha_admin),
            Method::POST,
            &format!("{path}/feedback/{id}/reject"),
            None
        )
        .await
        .0,
        409
    );
    let (_, shown) = p
        .call(None, Method::GET, &format!("{path}/feedback"), None)
        .await;
    assert_eq!(
        (shown[0]["name"].as_str(), shown[0]["body"].as_str()),
        (Some("Μαρία"), Some("Θα το δοκιμάσουμε στη γειτονιά μας."))
    );
    // Rate-limited per address: the sixth message in the hour is refused.
    for attempt in 1..=5 {
        let (status, _) = p
            .call(
                None,
                Method::POST,
                &format!("{path}/feedback"),
                Some(json!({"email": "busy@example.org", "body": format!("Μήνυμα {attempt}")})),
            )
            .await;
        assert_eq!(status, 202, "attempt {attempt}");
    }
    let (status, _) = p
        .call(
            None,
            Method::POST,
            &format!("{path}/feedback"),
            Some(json!({"email": "BUSY@example.org", "body": "Άλλο ένα"})),
        )
        .await;
    assert_eq!(status, 429);

    // Beta adopts alpha's practice; alpha's administrator cannot speak for beta.
    assert_eq!(
        p.call(
            Some(&p.alpha_admin),
            Method::POST,
            &format!("{path}/adoptions"),
            Some(json!({"tenant": "beta"}))
        )
        .await
        .0,
        403
    );
    let adopted = p
        .ok(
            &p.beta_admin,
            Method::POST,
            &format!("{path}/adoptions"),
            Some(json!({"tenant": "beta", "note": "Ξεκινήσαμε τον Μάρτιο."})),
        )
        .await;
    assert_eq!(adopted["tenant"], "beta");
    assert_eq!(
        p.call(
            Some(&p.beta_admin),
            Method::POST,
            &format!("{path}/adoptions"),
            Some(json!({"tenant": "beta"}))
        )
        .await
        .0,
        409
    );
    let (_, public) = p.call(None, Method::GET, &path, None).await;
    assert_eq!(public["adoptions"][0]["note"], "Ξεκινήσαμε τον Μάρτιο.");
    assert_eq!(public["feedback_count"], 1);
    assert_eq!(
        p.call(
            Some(&p.alpha_admin),
            Method::DELETE,
            &format!("{path}/adoptions/beta"),
            None
        )
        .await
        .0,
        403
    );
    assert_eq!(
        p.call(
            Some(&p.beta_admin),
            Method::DELETE,
            &format!("{path}/adoptions/beta"),
            None
        )
        .await
        .0,
        204
    );
    let (_, public) = p.call(None, Method::GET, &path, None).await;
    assert_eq!(public["adoptions"], json!([]));
}

async fn upload(p: &Platform, token: &str, slug: &str, name: &str, bytes: &[u8]) -> (u16, Value) {
    let response = p
        .app
        .client
        .post(
            p.app
                .url(&format!("/api/v1/practices/{slug}/files?file_name={name}")),
        )
        .bearer_auth(token)
        .header("content-type", "application/octet-stream")
        .body(bytes.to_vec())
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

async fn photos_need_alt_text_and_stay_private_until_published(app: TestApp) {
    let p = Platform::new(app).await;
    let slug = p.published(practice("Κήπος της γειτονιάς", None)).await;
    let path = format!("/practices/{slug}");
    assert_eq!(upload(&p, &p.stranger, &slug, "a.png", PNG).await.0, 403);
    assert_eq!(
        upload(&p, &p.app.token, &slug, "a.png", b"<svg onload=alert(1)>")
            .await
            .0,
        415
    );
    assert_eq!(
        upload(&p, &p.app.token, &slug, "photo.pdf", PNG).await.0,
        422,
        "the name must agree"
    );
    let (status, photo) = upload(&p, &p.app.token, &slug, "κήπος.png", PNG).await;
    assert_eq!(status, 201, "{photo}");
    let (_, report) = upload(&p, &p.app.token, &slug, "report.pdf", b"%PDF-1.4\n%%EOF\n").await;
    let (photo_id, report_id) = (
        photo["id"].as_i64().unwrap(),
        report["id"].as_i64().unwrap(),
    );

    // Alt text is required; a document is no photo; another practice's file is unknown.
    let mut body = practice("Κήπος της γειτονιάς", None);
    body["photos"] = json!([{"file": photo_id, "alt": {}}, {"file": report_id, "alt": {"el": "Έκθεση"}}, {"file": 999999, "alt": {"el": "Κάτι"}}]);
    let (status, problem) = p
        .call(Some(&p.app.token), Method::PUT, &path, Some(body.clone()))
        .await;
    assert_eq!(status, 422);
    assert_eq!(error_fields(&problem), ["photos[0].alt"]);
    body["photos"] = json!([{"file": report_id, "alt": {"el": "Έκθεση"}}, {"file": 999999, "alt": {"el": "Κάτι"}}]);
    let (_, problem) = p
        .call(Some(&p.app.token), Method::PUT, &path, Some(body.clone()))
        .await;
    assert_eq!(error_fields(&problem), ["photos[0].file", "photos[1].file"]);

    // The update names the photo and the report; until it is published, the public
    // cannot download them, and the page shows none of them.
    body["photos"] =
        json!([{"file": photo_id, "alt": {"el": "Παιδιά φυτεύουν ντομάτες στον κήπο"}}]);
    body["documents"] = json!([{"file": report_id, "title": {"el": "Απολογισμός 2024"}}]);
    p.ok(&p.app.token, Method::PUT, &path, Some(body)).await;
    let download = format!("{path}/files/{photo_id}");
    assert_eq!(p.call(None, Method::GET, &download, None).await.0, 404);
    let (_, public) = p.call(None, Method::GET, &path, None).await;
    assert_eq!(public["files"], json!([]));
    for step in ["submit", "publish"] {
        p.ok(&p.app.token, Method::POST, &format!("{path}/{step}"), None)
            .await;
    }
    let image = p.app.get(&format!("/api/v1{download}")).await;
    assert_eq!(image.status(), 200);
    assert_eq!(image.headers()["content-type"], "image/png");
    assert_eq!(image.headers()["x-content-type-options"], "nosniff");
    assert_eq!(image.bytes().await.unwrap().as_ref(), PNG);
    let page = p.app.get(&path).await.text().await.unwrap();
    assert!(
        page.contains(&format!(
            "<img src=\"/api/v1{download}\" alt=\"Παιδιά φυτεύουν ντομάτες στον κήπο\""
        )),
        "{page}"
    );
    assert!(page.contains("Απολογισμός 2024"));

    // A file that a version shows cannot be removed; an unused one can.
    assert_eq!(
        p.call(Some(&p.app.token), Method::DELETE, &download, None)
            .await
            .0,
        409
    );
    let (_, spare) = upload(&p, &p.app.token, &slug, "spare.pdf", b"%PDF-1.4\n%%EOF\n").await;
    let spare = format!("{path}/files/{}", spare["id"]);
    assert_eq!(
        p.call(Some(&p.stranger), Method::DELETE, &spare, None)
            .await
            .0,
        403
    );
    assert_eq!(
        p.call(Some(&p.app.token), Method::DELETE, &spare, None)
            .await
            .0,
        204
    );
    assert_eq!(
        p.call(Some(&p.app.token), Method::GET, &spare, None)
            .await
            .0,
        404
    );
}

async fn administrators_edit_the_thematic_areas_and_read_the_event_outbox(app: TestApp) {
    let p = Platform::new(app).await;
    let theme = json!({"code": "digital_inclusion", "name": {"el": "Ψηφιακή ένταξη", "en": "Digital inclusion"}});
    assert_eq!(
        p.call(
            Some(&p.alpha_admin),
            Method::POST,
            "/practice-themes",
            Some(theme.clone())
        )
        .await
        .0,
        403
    );
    let (status, _) = p
        .call(
            Some(&p.app.token),
            Method::POST,
            "/practice-themes",
            Some(theme.clone()),
        )
        .await;
    assert_eq!(status, 201);
    assert_eq!(
        p.call(
            Some(&p.app.token),
            Method::POST,
            "/practice-themes",
            Some(theme)
        )
        .await
        .0,
        409
    );
    let (status, problem) = p
        .call(
            Some(&p.app.token),
            Method::POST,
            "/practice-themes",
            Some(json!({"code": "Bad Code", "name": {"el": ""}})),
        )
        .await;
    assert_eq!(status, 422);
    assert_eq!(error_fields(&problem), ["code", "name.el", "name.en"]);
    let (_, themes) = p.call(None, Method::GET, "/practice-themes", None).await;
    assert_eq!(
        themes.as_array().unwrap().last().unwrap()["code"],
        "digital_inclusion",
        "added at the end"
    );

    // In use, it cannot go; renamed, the filters show the new name.
    let mut body = practice("Ψηφιακός γραμματισμός", None);
    body["thematic_areas"] = json!(["digital_inclusion"]);
    let slug = p.published(body).await;
    assert_eq!(
        p.call(
            Some(&p.app.token),
            Method::DELETE,
            "/practice-themes/digital_inclusion",
            None
        )
        .await
        .0,
        409
    );
    p.ok(
        &p.app.token,
        Method::PUT,
        "/practice-themes/digital_inclusion",
        Some(json!({"name": {"el": "Ψηφιακές δεξιότητες", "en": "Digital skills"}})),
    )
    .await;
    let page = p.app.get("/practices?lang=en").await.text().await.unwrap();
    assert!(page.contains("Digital skills"), "{page}");
    p.ok(
        &p.app.token,
        Method::POST,
        &format!("/practices/{slug}/archive"),
        None,
    )
    .await;
    assert_eq!(
        p.call(
            Some(&p.app.token),
            Method::DELETE,
            "/practice-themes/digital_inclusion",
            None
        )
        .await
        .0,
        409,
        "archived practices still use it"
    );
    assert_eq!(
        p.call(
            Some(&p.app.token),
            Method::DELETE,
            "/practice-themes/nothing_like_it",
            None
        )
        .await
        .0,
        404
    );

    // The outbox, page by page.
    assert_eq!(
        p.call(Some(&p.alpha_admin), Method::GET, "/practice-events", None)
            .await
            .0,
        403
    );
    let first = p
        .ok(&p.app.token, Method::GET, "/practice-events?limit=1", None)
        .await;
    assert_eq!(first["events"][0]["event_type"], "practice.submitted");
    let rest = p
        .ok(
            &p.app.token,
            Method::GET,
            &format!("/practice-events?after={}", first["last_id"]),
            None,
        )
        .await;
    let types: Vec<&str> = rest["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["event_type"].as_str().unwrap())
        .collect();
    assert_eq!(types, ["practice.published", "practice.archived"]);
    assert_eq!(
        p.call(
            Some(&p.app.token),
            Method::GET,
            "/practice-events?limit=0",
            None
        )
        .await
        .0,
        422
    );
}

on_both_databases!(
    photos_need_alt_text_and_stay_private_until_published,
    administrators_edit_the_thematic_areas_and_read_the_event_outbox,
    the_public_gives_feedback_and_cities_mark_what_they_adopted,
    a_practice_goes_through_review_and_its_update_keeps_the_public_version,
    a_municipality_moderates_its_own_practices,
    search_ignores_accents_ranks_titles_first_and_counts_each_filter,
    the_demo_practices_are_published_with_their_figures,
);

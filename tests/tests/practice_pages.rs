//! The good-practices pages as a reader sees them: the search with its counts per filter,
//! a municipality's own practices, one practice in the reader's language (saying when it
//! falls back), its results table and chart, the feedback form (CSRF, errors kept,
//! thanks, moderation), adopters, the print view, and drafts hidden from the public.

use integration_tests::{TestApp, browser::Browser, on_both_databases, send};
use reqwest::Method;
use serde_json::json;

/// A page's text without tags or repeated spaces, for asserting what a reader sees.
fn visible(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.replace("&#x27;", "'")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

async fn page(app: &TestApp, path: &str) -> (u16, String) {
    let response = app.get(path).await;
    let status = response.status().as_u16();
    (status, response.text().await.unwrap())
}

async fn api(
    app: &TestApp,
    token: Option<&str>,
    method: Method,
    path: &str,
    body: Option<serde_json::Value>,
) -> (u16, serde_json::Value) {
    send(
        &app.client,
        &app.url(&format!("/api/v1{path}")),
        token,
        method,
        body,
    )
    .await
}

async fn readers_find_read_and_answer_a_practice_on_its_pages(app: TestApp) {
    app.create_tenant("alpha").await;
    app.create_tenant("beta").await;
    let admin = app.token.clone();
    let body = json!({
        "title": {"el": "Μαθήματα ελληνικών για μητέρες"},
        "summary": {"el": "Μαθήματα γλώσσας με φύλαξη παιδιών."},
        "sector": "civil_society",
        "thematic_areas": ["education_language"],
        "audiences": ["women", "refugees"],
        "organisation": {"name": "Οργάνωση Γλώσσας", "website": "https://glossa.example.org"},
        "duration": {"from": "2020-09-01", "ongoing": true},
        "description": {"el": "Δύο φορές την εβδομάδα, με **παιδότοπο**.<script>alert(1)</script>"},
        "locations": ["alpha"],
        "results": [
            {"label": {"el": "Μαθήτριες", "en": "Learners"}, "figures": {"2021": 40, "2022": 1250}},
            {"label": {"el": "Εθελόντριες"}, "figures": {"2022": 12}}
        ],
        "sdgs": [4, 5]
    });
    let (status, created) = api(&app, Some(&admin), Method::POST, "/practices", Some(body)).await;
    assert_eq!(status, 201, "{created}");
    let slug = created["slug"].as_str().unwrap().to_string();
    let path = format!("/practices/{slug}");

    // A draft is not on the public pages; its author sees it, marked as unpublished.
    assert_eq!(page(&app, &path).await.0, 404);
    let draft = app
        .client
        .get(app.url(&path))
        .bearer_auth(&admin)
        .send()
        .await
        .unwrap();
    assert_eq!(draft.status(), 200);
    assert!(
        visible(&draft.text().await.unwrap()).contains("δεν έχει δημοσιευθεί (κατάσταση: σχέδιο)")
    );
    for step in ["submit", "publish"] {
        let (status, _) = api(
            &app,
            Some(&admin),
            Method::POST,
            &format!("{path}/{step}"),
            None,
        )
        .await;
        assert_eq!(status, 200);
    }

    // The search page: the result, the counts per filter value, and a filter link.
    let (status, list) = page(&app, "/practices").await;
    assert_eq!(status, 200);
    let text = visible(&list);
    assert!(text.contains("1 πρακτική"), "{text}");
    assert!(text.contains("Κοινωνία πολιτών : 1 πρακτική"), "{text}");
    assert!(
        text.contains("Ποιοτική εκπαίδευση"),
        "the goals are named: {text}"
    );
    assert!(list.contains("href=\"/practices?sector=civil_society\""));
    let (_, filtered) = page(&app, "/practices?sector=business").await;
    assert!(visible(&filtered).contains("Δεν βρέθηκαν πρακτικές."));
    let (status, _) = page(&app, "/practices?sdg=18").await;
    assert_eq!(status, 422, "an impossible filter is a readable error");
    let (_, searched) = page(&app, "/practices?q=ΜΗΤΕΡΕΣ&lang=en").await;
    assert!(
        visible(&searched).contains("1 practice"),
        "accents and case ignored"
    );

    // A municipality's own practices.
    let (_, alpha) = page(&app, "/municipalities/alpha/practices").await;
    assert!(visible(&alpha).contains("Μαθήματα ελληνικών για μητέρες"));
    let (_, beta) = page(&app, "/municipalities/beta/practices").await;
    assert!(visible(&beta).contains("Δεν βρέθηκαν πρακτικές."));
    assert_eq!(page(&app, "/municipalities/nowhere/practices").await.0, 404);

    // The practice in English falls back to Greek and says so; Markdown is sanitised;
    // the results are a table and a chart for the row with two years.
    let (status, english) = page(&app, &format!("{path}?lang=en")).await;
    assert_eq!(status, 200);
    let text = visible(&english);
    assert!(text.contains("Some content is shown in Greek"), "{text}");
    assert!(english.contains("<strong>παιδότοπο</strong>"));
    assert!(!english.contains("<script>alert"));
    assert!(text.contains("Learners 40 1 250"), "{text}");
    assert_eq!(english.matches("<svg role=\"img\"").count(), 1);
    assert!(text.contains("4 Quality education"));

    // Feedback: a forged form is refused; a bad one keeps the text and says what to fix;
    // a good one thanks the reader and waits for a moderator.
    let browser = Browser::new(&app);
    let forged = browser
        .post_form(
            &format!("{path}/feedback"),
            &[
                ("csrf", "forged"),
                ("email", "a@example.org"),
                ("body", "x"),
            ],
        )
        .await;
    assert_eq!(forged.status(), 403);
    let csrf = browser.csrf_from(&path).await;
    let refused = browser
        .post_form(
            &format!("{path}/feedback"),
            &[
                ("csrf", &csrf),
                ("name", &"Α".repeat(201)),
                ("email", "not-an-address"),
                ("body", "Πολύ χρήσιμο για τη γειτονιά μας."),
            ],
        )
        .await;
    assert_eq!(refused.status(), 422);
    let refused = refused.text().await.unwrap();
    // Each error in the reader's words, from its code and values.
    assert!(
        visible(&refused).contains("Γράψτε τη διεύθυνση e-mail στη μορφή onoma@example.gr"),
        "{refused}"
    );
    assert!(
        visible(&refused).contains("δέχεται έως 200 χαρακτήρες· έχετε γράψει 201"),
        "{refused}"
    );
    assert!(
        refused.contains(">Πολύ χρήσιμο για τη γειτονιά μας.</textarea>"),
        "the text is kept"
    );
    let sent = browser
        .post_form(
            &format!("{path}/feedback"),
            &[
                ("csrf", &csrf),
                ("name", "Άννα"),
                ("email", "anna@example.org"),
                ("body", "Πολύ χρήσιμο για τη γειτονιά μας."),
            ],
        )
        .await;
    assert_eq!(sent.status(), 303);
    let thanks = browser
        .get(&integration_tests::browser::location(&sent))
        .await
        .text()
        .await
        .unwrap();
    assert!(visible(&thanks).contains("θα εμφανιστεί μόλις εγκριθεί από τους συντονιστές"));
    assert!(
        visible(&thanks).contains("Δεν υπάρχουν ακόμη δημοσιευμένες γνώμες."),
        "held for moderation"
    );
    let (_, pending) = api(
        &app,
        Some(&admin),
        Method::GET,
        &format!("{path}/feedback?state=pending"),
        None,
    )
    .await;
    let id = pending[0]["id"].as_i64().unwrap();
    api(
        &app,
        Some(&admin),
        Method::POST,
        &format!("{path}/feedback/{id}/approve"),
        None,
    )
    .await;

    // Adopted by beta; archived: both show, and the e-mail address never does.
    let beta_admin = integration_tests::token_for(
        &app.context,
        "admin@beta.example.org",
        &[(council_shared::auth::Role::TenantAdmin, Some("beta"))],
        "t",
    )
    .await;
    let (status, _) = api(
        &app,
        Some(&beta_admin),
        Method::POST,
        &format!("{path}/adoptions"),
        Some(json!({"tenant": "beta", "note": "Ξεκινήσαμε τον Οκτώβριο."})),
    )
    .await;
    assert_eq!(status, 201);
    api(
        &app,
        Some(&admin),
        Method::POST,
        &format!("{path}/archive"),
        None,
    )
    .await;
    let (_, shown) = page(&app, &path).await;
    let text = visible(&shown);
    assert!(text.contains("Άννα"), "{text}");
    assert!(text.contains("Πολύ χρήσιμο για τη γειτονιά μας."));
    assert!(!shown.contains("anna@example.org"));
    assert!(text.contains("Ξεκινήσαμε τον Οκτώβριο."));
    assert!(text.contains("Η πρακτική έχει αρχειοθετηθεί"));

    // The print view: the practice without the form.
    let (status, print) = page(&app, &format!("{path}/print")).await;
    assert_eq!(status, 200);
    assert!(visible(&print).contains("Μαθήματα ελληνικών για μητέρες"));
    assert!(!print.contains("<form"));
    assert_eq!(page(&app, "/practices/nothing-here/print").await.0, 404);
}

on_both_databases!(readers_find_read_and_answer_a_practice_on_its_pages);

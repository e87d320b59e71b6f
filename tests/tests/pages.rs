//! The web pages as a reader sees them: language, structure, content, and errors.

use integration_tests::{TestApp, on_both_databases, sample_tenant};
use serde_json::json;

async fn html(app: &TestApp, path: &str, cookie: Option<&str>) -> (u16, String) {
    let mut request = app.client.get(app.url(path));
    if let Some(cookie) = cookie {
        request = request.header("cookie", cookie);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    let content_type = response.headers()["content-type"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(
        content_type.starts_with("text/html"),
        "{path} answered {content_type}"
    );
    (status, response.text().await.unwrap())
}

/// What every page of the shell must have, whatever its content.
fn assert_accessible_shell(page: &str, lang: &str) {
    assert!(page.starts_with("<!doctype html>"));
    assert!(
        page.contains(&format!("<html lang=\"{lang}\" dir=\"ltr\">")),
        "lang attribute"
    );
    assert_eq!(page.matches("<h1").count(), 1, "exactly one h1");
    assert!(
        page.contains("class=\"skip-link\" href=\"#main\""),
        "skip link"
    );
    assert!(page.contains("<main id=\"main\""), "skip link target");
    assert!(page.contains("name=\"viewport\""), "readable on a phone");
    assert!(!page.contains("<script"), "pages need no JavaScript");
}

async fn the_home_page_lists_the_municipalities_in_greek_by_default(app: TestApp) {
    app.load_demo_data().await;
    let (status, page) = html(&app, "/", None).await;
    assert_eq!(status, 200);
    assert_accessible_shell(&page, "el");
    assert!(page.contains("Δήμοι και τα ΣΕΜΠ τους"));
    assert!(page.contains("3 δήμοι"));
    for (slug, name) in [
        ("athens", "Δήμος Αθηναίων"),
        ("piraeus", "Δήμος Πειραιά"),
        ("thessaloniki", "Δήμος Θεσσαλονίκης"),
    ] {
        assert!(
            page.contains(&format!("href=\"/municipalities/{slug}\"")),
            "{slug} is linked"
        );
        assert!(page.contains(name));
    }
}

async fn the_browser_language_is_honoured_when_nothing_was_chosen(app: TestApp) {
    app.load_demo_data().await;
    let response = app
        .client
        .get(app.url("/"))
        .header("accept-language", "en-GB,en;q=0.9")
        .send()
        .await
        .unwrap();
    assert_eq!(response.headers()["content-language"], "en");
    let page = response.text().await.unwrap();
    assert_accessible_shell(&page, "en");
    assert!(page.contains("City of Athens"));
}

async fn the_english_switch_remembers_the_choice(app: TestApp) {
    app.load_demo_data().await;
    let response = app.get("/lang/en?next=%2Fmunicipalities%2Fathens").await;
    assert_eq!(response.status(), 303);
    assert_eq!(response.headers()["location"], "/municipalities/athens");
    let cookie = response.headers()["set-cookie"].to_str().unwrap();
    assert!(
        cookie.starts_with("lang=en;") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );

    let (status, page) = html(&app, "/municipalities/athens", Some("lang=en")).await;
    assert_eq!(status, 200);
    assert_accessible_shell(&page, "en");
    assert!(page.contains("<h1>City of Athens</h1>"));
    assert!(page.contains("What we achieved"));
    assert!(
        page.contains("href=\"/lang/el?next=%2Fmunicipalities%2Fathens\""),
        "a way back to Greek"
    );
}

async fn the_switch_never_sends_readers_to_another_site(app: TestApp) {
    for next in [
        "%2F%2Fevil.example%2F",
        "https%3A%2F%2Fevil.example%2F",
        "%2F%5Cevil.example",
    ] {
        let response = app.get(&format!("/lang/en?next={next}")).await;
        assert_eq!(response.status(), 303);
        assert_eq!(response.headers()["location"], "/", "next={next}");
    }
}

async fn a_municipality_page_shows_its_profile_and_council(app: TestApp) {
    app.load_demo_data().await;
    let (status, page) = html(&app, "/municipalities/athens", None).await;
    assert_eq!(status, 200);
    assert_accessible_shell(&page, "el");
    assert!(page.contains("<h1>Δήμος Αθηναίων</h1>"));
    for heading in [
        "Βασικά αριθμητικά στοιχεία",
        "Δομές και προγράμματα",
        "Τι καταφέραμε",
        "Πού στοχεύουμε",
        "Το Συμβούλιο Ένταξης Μεταναστών και Προσφύγων",
    ] {
        assert!(page.contains(heading), "section {heading}");
    }
    assert!(page.contains("4.250"));
    assert!(page.contains("<th scope=\"col\">Ρόλος</th>"));
    assert!(page.contains("Πρόεδρος"));
    assert!(page.contains("παράδειγμα"), "demo members are labelled");
    assert!(
        !page.contains("@example.org"),
        "members' addresses never reach a page"
    );
}

async fn english_readers_are_told_when_text_is_only_in_greek(app: TestApp) {
    app.create_tenant("syros").await;
    app.put(
        "/api/v1/tenants/syros/profile",
        &json!({"programmes": [{"title": {"el": "Κέντρο Κοινότητας"}, "description": {"el": "Μόνο στα ελληνικά."}}]}),
    )
    .await;
    let (_, page) = html(&app, "/municipalities/syros?lang=en", None).await;
    assert!(page.contains("shown in Greek because no English translation exists yet"));
    assert!(
        page.contains("<h3 lang=\"el\">Κέντρο Κοινότητας</h3>"),
        "Greek text is marked as Greek"
    );
    assert!(
        page.contains("<h1>Test Municipality</h1>"),
        "translated text is not marked"
    );
}

async fn an_archived_municipality_says_so(app: TestApp) {
    app.create_tenant("hydra").await;
    app.post("/api/v1/tenants/hydra/archive", &json!({})).await;
    let (status, page) = html(&app, "/municipalities/hydra", None).await;
    assert_eq!(status, 200);
    assert!(page.contains("έχει αρχειοθετηθεί"));
    let (_, home) = html(&app, "/", None).await;
    assert!(
        !home.contains("/municipalities/hydra"),
        "archived municipalities leave the list"
    );
}

async fn unknown_pages_are_a_readable_404_in_the_readers_language(app: TestApp) {
    let (status, page) = html(&app, "/municipalities/atlantis", None).await;
    assert_eq!(status, 404);
    assert_accessible_shell(&page, "el");
    assert!(page.contains("Η σελίδα δεν βρέθηκε"));

    let (status, page) = html(&app, "/no/such/page?lang=en", None).await;
    assert_eq!(status, 404);
    assert_accessible_shell(&page, "en");
    assert!(page.contains("Page not found"));
    assert!(page.contains("href=\"/\""), "a way back");
}

async fn a_wrong_method_on_a_page_is_a_readable_page(app: TestApp) {
    let response = app
        .client
        .post(app.url("/municipalities/athens?lang=en"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 405);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    let page = response.text().await.unwrap();
    assert_accessible_shell(&page, "en");
    assert!(page.contains("This request cannot be handled"));
}

async fn text_from_the_database_is_escaped(app: TestApp) {
    let mut tenant = sample_tenant("spetses");
    tenant["name"]["el"] = json!("<script>alert(1)</script> Σπέτσες");
    app.post("/api/v1/tenants", &tenant).await;
    let (_, page) = html(&app, "/municipalities/spetses", None).await;
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; Σπέτσες"));
    assert!(!page.contains("<script>"));
}

async fn the_stylesheet_is_served_and_cacheable(app: TestApp) {
    let response = app.get("/static/site.css").await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["content-type"],
        "text/css; charset=utf-8"
    );
    assert!(
        response.headers()["cache-control"]
            .to_str()
            .unwrap()
            .contains("max-age")
    );
    let css = response.text().await.unwrap();
    assert!(
        css.contains("margin-inline"),
        "logical properties keep right-to-left layouts right"
    );
}

on_both_databases!(
    the_home_page_lists_the_municipalities_in_greek_by_default,
    the_browser_language_is_honoured_when_nothing_was_chosen,
    the_english_switch_remembers_the_choice,
    the_switch_never_sends_readers_to_another_site,
    a_municipality_page_shows_its_profile_and_council,
    english_readers_are_told_when_text_is_only_in_greek,
    an_archived_municipality_says_so,
    unknown_pages_are_a_readable_404_in_the_readers_language,
    a_wrong_method_on_a_page_is_a_readable_page,
    text_from_the_database_is_escaped,
    the_stylesheet_is_served_and_cacheable,
);

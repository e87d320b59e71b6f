//! The pages the law asks for: each municipality's privacy notice naming its data
//! protection officer (set by its administrators, through the API or their workspace) and
//! stating the retention periods the platform runs with; the platform's own notice; the
//! accessibility statement; the cookies; and the footer linking them in every language.

use council_shared::auth::Role;
use integration_tests::{Backend, TestApp, browser::Browser, on_both_backends, token_for};
use serde_json::json;

/// A page as an English reader gets it.
async fn english(app: &TestApp, path: &str) -> (u16, String) {
    let response = app
        .client
        .get(app.url(path))
        .header("accept-language", "en")
        .send()
        .await
        .unwrap();
    (response.status().as_u16(), response.text().await.unwrap())
}

async fn the_notices_name_the_officer_and_state_the_periods_the_platform_keeps_to(
    backend: Backend,
) {
    let Some(app) = TestApp::spawn_with(backend, |settings| {
        settings.retention.sent_message_days = 14;
        settings.retention.audit_log_years = 3;
        settings.mail.from = "ΣΕΜΠ <semp@platform.example.org>".into();
    })
    .await
    else {
        return;
    };
    app.create_tenant("paros").await;
    let admin = token_for(
        &app.context,
        "admin@paros.example.org",
        &[(Role::TenantAdmin, Some("paros"))],
        "admin",
    )
    .await;
    let officer = "/api/v1/tenants/paros/data-protection-officer";

    // Before the municipality names its officer, the notice says so.
    let (status, page) = english(&app, "/municipalities/paros/privacy").await;
    assert_eq!(status, 200);
    assert!(
        page.contains("has not yet published its data protection officer"),
        "{page}"
    );

    // A name without an address is refused; with one, it is the notice's and the API's.
    let put = |body: serde_json::Value, token: String| {
        let client = app.client.clone();
        let url = app.url(officer);
        async move {
            let response = client
                .put(url)
                .bearer_auth(token)
                .json(&body)
                .send()
                .await
                .unwrap();
            let status = response.status().as_u16();
            (status, response.json::<serde_json::Value>().await.unwrap())
        }
    };
    let (status, problem) = put(json!({"name": "Ελένη Δημητρίου"}), admin.clone()).await;
    assert_eq!(status, 422, "{problem}");
    assert_eq!(problem["errors"][0]["field"], "email");
    let (status, saved) = put(
        json!({"name": "Ελένη Δημητρίου", "email": "dpo@paros.example.org"}),
        admin.clone(),
    )
    .await;
    assert_eq!(status, 200, "{saved}");
    let (_, detail) = app.get_json("/api/v1/tenants/paros").await;
    assert_eq!(
        detail["data_protection_officer"],
        json!({"name": "Ελένη Δημητρίου", "email": "dpo@paros.example.org"})
    );
    let (status, page) = english(&app, "/municipalities/paros/privacy").await;
    assert_eq!(status, 200);
    assert!(
        page.contains("Ελένη Δημητρίου, at dpo@paros.example.org"),
        "{page}"
    );
    // The periods are the settings the retention jobs run by.
    assert!(page.contains("deleted after 7 days"), "{page}");
    assert!(page.contains("kept for 14 days after sending"), "{page}");
    assert!(page.contains("www.dpa.gr"));
    let (status, _) = english(&app, "/municipalities/nowhere/privacy").await;
    assert_eq!(status, 404);

    // The platform's notice: the operators' accounts, the audit log's years, each
    // municipality's notice.
    let (status, page) = english(&app, "/privacy").await;
    assert_eq!(status, 200);
    assert!(page.contains("kept 3 years"), "{page}");
    assert!(page.contains("semp@platform.example.org"), "{page}");
    assert!(
        page.contains("href=\"/municipalities/paros/privacy\""),
        "{page}"
    );

    let (status, page) = english(&app, "/accessibility").await;
    assert_eq!(status, 200);
    assert!(page.contains("WCAG) 2.1 level AA"), "{page}");
    assert!(page.contains("partially compliant"));
    assert!(
        page.contains("write to semp@platform.example.org"),
        "{page}"
    );
    assert!(page.contains("www.synigoros.gr"));

    let (status, page) = english(&app, "/cookies").await;
    assert_eq!(status, 200);
    for cookie in ["council_session", "council_csrf", "council_oidc", "lang"] {
        assert!(
            page.contains(&format!("<code>{cookie}</code>")),
            "{cookie}: {page}"
        );
    }
    assert!(page.contains("after 12 hours"), "{page}");

    // The administrators' page: the stored officer filled in, a wrong address refused
    // beside its field with what was typed kept, then cleared.
    let browser = Browser::new(&app);
    browser
        .sign_in_by_email(&app, "admin@paros.example.org")
        .await;
    let form = "/workspace/paros/data-protection";
    let (status, page) = browser.page(form).await;
    assert_eq!(status, 200);
    assert!(page.contains("value=\"dpo@paros.example.org\""), "{page}");
    let (status, _, page) = browser
        .submit(
            form,
            form,
            &[("name", "Γραφείο ΥΠΔ"), ("email", "not-an-address")],
        )
        .await;
    assert_eq!(status, 422);
    assert!(page.contains("class=\"error-summary\""), "{page}");
    assert!(page.contains("value=\"Γραφείο ΥΠΔ\""), "{page}");
    let (status, to, _) = browser
        .submit(form, form, &[("name", ""), ("email", "")])
        .await;
    assert_eq!(
        (status, to.as_str()),
        (303, "/workspace/paros/data-protection?done=saved")
    );
    let (_, detail) = app.get_json("/api/v1/tenants/paros").await;
    assert!(detail.get("data_protection_officer").is_none(), "{detail}");
    // Another municipality's administrators may not.
    app.create_tenant("naxos").await;
    let other = token_for(
        &app.context,
        "admin@naxos.example.org",
        &[(Role::TenantAdmin, Some("naxos"))],
        "other",
    )
    .await;
    let (status, _) = put(json!({"email": "x@naxos.example.org"}), other).await;
    assert_eq!(status, 403);
}

async fn every_page_links_the_legal_pages_in_every_language(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    for lang in ["el", "en", "ar", "fa", "uk", "fr", "sq", "ur"] {
        for path in ["/", "/privacy", "/accessibility", "/cookies"] {
            let response = app
                .client
                .get(app.url(path))
                .header("cookie", format!("lang={lang}"))
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), 200, "{lang} {path}");
            let page = response.text().await.unwrap();
            for href in ["/privacy", "/accessibility", "/cookies"] {
                assert!(page.contains(&format!("href=\"{href}\"")), "{lang} {path}");
            }
            assert!(page.contains(&format!("lang=\"{lang}\"")), "{lang} {path}");
            // No message left untranslated (a missing one shows its key).
            for key in [
                "footer-privacy",
                "privacy-title",
                "cookies-title",
                "accessibility-title",
            ] {
                assert!(!page.contains(key), "{lang} {path} shows {key}");
            }
        }
    }
}

on_both_backends!(
    the_notices_name_the_officer_and_state_the_periods_the_platform_keeps_to,
    every_page_links_the_legal_pages_in_every_language,
);

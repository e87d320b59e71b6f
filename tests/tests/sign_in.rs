//! Signing in through a real OpenID Connect provider and by e-mail link, sessions and
//! sign-out, and invitations, on SQLite and PostgreSQL.

use integration_tests::{
    Backend, TestApp,
    browser::{Browser, OidcProvider, link_in, location, outbox},
};
use serde_json::json;

/// The actions in an audit log page, newest first.
async fn audit_actions(app: &TestApp, path: &str) -> Vec<String> {
    let (status, audit) = app.get_json_as(&app.token, path).await;
    assert_eq!(status, 200, "{audit}");
    audit["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap().to_string())
        .collect()
}

/// The platform with the provider as its sign-in provider, and the municipality `athens`.
async fn platform(
    backend: Backend,
    adjust: impl FnOnce(&mut council_shared::Settings),
) -> Option<(TestApp, OidcProvider)> {
    let provider = OidcProvider::start().await?;
    let settings = provider.settings();
    let app = TestApp::spawn_with(backend, |s| {
        s.auth.oidc = Some(settings);
        adjust(s);
    })
    .await?;
    app.create_tenant("athens").await;
    Some((app, provider))
}

async fn a_full_sign_in_shows_who_you_are_in_both_languages(backend: Backend) {
    let Some((app, provider)) = platform(backend, |_| {}).await else {
        return;
    };
    let browser = Browser::new(&app);
    let page = browser.get("/sign-in").await.text().await.unwrap();
    assert!(
        page.contains("Σύνδεση με Test directory"),
        "the provider's button"
    );
    browser
        .sign_in_with_provider(&provider, "alice@example.org")
        .await;

    let (status, me) = browser.me().await;
    assert_eq!(status, 200);
    assert_eq!(me["email"], "alice@example.org");
    assert_eq!(me["display_name"], "alice");
    assert_eq!(me["via"], "session");
    let greek = browser.get("/account").await.text().await.unwrap();
    assert!(greek.contains("Έχετε συνδεθεί ως alice"), "{greek}");
    assert!(greek.contains("alice@example.org"));
    let english = browser.get("/account?lang=en").await.text().await.unwrap();
    assert!(english.contains("Signed in as alice"));
    assert!(english.contains("Sign out"));

    let actions = audit_actions(&app, "/api/v1/platform/audit").await;
    assert!(actions.contains(&"sign_in".to_string()), "{actions:?}");
}

async fn a_tampered_state_signs_nobody_in(backend: Backend) {
    let Some((app, provider)) = platform(backend, |_| {}).await else {
        return;
    };
    let browser = Browser::new(&app);
    let callback = browser
        .log_in_at_provider(&provider, "/auth/start/platform", "mallory@example.org")
        .await;
    let mut url = reqwest::Url::parse(&callback).unwrap();
    let pairs: Vec<(String, String)> = url
        .query_pairs()
        .map(|(k, v)| {
            if k == "state" {
                (k.into_owned(), format!("{v}x"))
            } else {
                (k.into_owned(), v.into_owned())
            }
        })
        .collect();
    url.query_pairs_mut().clear().extend_pairs(pairs);
    let tampered = browser.get(url.as_str()).await;
    assert_eq!(tampered.status(), 403);
    assert!(
        tampered
            .headers()
            .get("set-cookie")
            .is_none_or(|c| !c.to_str().unwrap().contains("council_session="))
    );
    assert!(
        tampered
            .text()
            .await
            .unwrap()
            .contains("Η σύνδεση δεν έγινε")
    );
    assert_eq!(browser.me().await.0, 401);

    let actions = audit_actions(&app, "/api/v1/platform/audit").await;
    assert!(
        actions.contains(&"sign_in_failed".to_string()),
        "a failed sign-in is audited: {actions:?}"
    );
}

async fn a_replayed_code_or_state_is_refused(backend: Backend) {
    let Some((app, provider)) = platform(backend, |_| {}).await else {
        return;
    };
    let browser = Browser::new(&app);
    let callback = browser
        .log_in_at_provider(&provider, "/auth/start/platform", "bob@example.org")
        .await;
    assert_eq!(
        browser.get(&callback).await.status(),
        303,
        "the first use signs in"
    );

    let replay = Browser::new(&app);
    assert_eq!(
        replay.get(&callback).await.status(),
        403,
        "a used state is refused"
    );

    // A fresh state of this browser's with the old code: the provider refuses the code.
    let started = replay.get("/auth/start/platform").await;
    let authorize = reqwest::Url::parse(&location(&started)).unwrap();
    let state = authorize
        .query_pairs()
        .find(|(k, _)| k == "state")
        .unwrap()
        .1
        .into_owned();
    let code = reqwest::Url::parse(&callback)
        .unwrap()
        .query_pairs()
        .find(|(k, _)| k == "code")
        .unwrap()
        .1
        .into_owned();
    let replayed = replay
        .get(&format!("/auth/callback?state={state}&code={code}&lang=en"))
        .await;
    assert_eq!(replayed.status(), 403);
    assert!(replayed.text().await.unwrap().contains("refused"));
    assert_eq!(replay.me().await.0, 401);
}

async fn a_sign_in_finished_in_another_browser_is_refused(backend: Backend) {
    let Some((app, provider)) = platform(backend, |_| {}).await else {
        return;
    };
    let victim = Browser::new(&app);
    let callback = victim
        .log_in_at_provider(&provider, "/auth/start/platform", "eve@example.org")
        .await;
    let other = Browser::new(&app);
    assert_eq!(other.get(&callback).await.status(), 403);
    assert_eq!(other.me().await.0, 401);
}

async fn an_unverified_address_is_not_signed_in(backend: Backend) {
    let Some((app, provider)) = platform(backend, |_| {}).await else {
        return;
    };
    let browser = Browser::new(&app);
    let callback = browser
        .log_in_at_provider(
            &provider,
            "/auth/start/platform",
            "unverified-carol@example.org",
        )
        .await;
    let refused = browser.get(&format!("{callback}&lang=en")).await;
    assert_eq!(refused.status(), 403);
    assert!(refused.text().await.unwrap().contains("did not confirm"));
}

async fn an_expired_session_no_longer_signs_in(backend: Backend) {
    let Some((app, provider)) = platform(backend, |s| {
        s.auth.session_ttl_seconds = 1;
        s.auth.principal_cache_seconds = 0;
    })
    .await
    else {
        return;
    };
    let browser = Browser::new(&app);
    browser
        .sign_in_with_provider(&provider, "dora@example.org")
        .await;
    assert_eq!(browser.me().await.0, 200);
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    assert_eq!(browser.me().await.0, 401);
    let page = browser.get("/?lang=en").await.text().await.unwrap();
    assert!(
        page.contains(">Sign in<"),
        "the header offers sign-in again"
    );
}

async fn sign_out_ends_the_session_even_for_a_copied_cookie(backend: Backend) {
    let Some((app, provider)) = platform(backend, |_| {}).await else {
        return;
    };
    let browser = Browser::new(&app);
    browser
        .sign_in_with_provider(&provider, "fay@example.org")
        .await;
    let copied = browser.cookie("council_session").expect("a session cookie");

    let refused = browser.post_form("/sign-out", &[("csrf", "forged")]).await;
    assert_eq!(
        refused.status(),
        403,
        "sign-out without the form token is refused"
    );
    assert_eq!(browser.me().await.0, 200);

    let csrf = browser.csrf_from("/account").await;
    let out = browser.post_form("/sign-out", &[("csrf", &csrf)]).await;
    assert_eq!(out.status(), 303);
    assert!(
        out.headers()["set-cookie"]
            .to_str()
            .unwrap()
            .contains("Max-Age=0")
    );
    assert_eq!(browser.me().await.0, 401);
    let thief = app
        .client
        .get(app.url("/api/v1/me"))
        .header("cookie", format!("council_session={copied}"))
        .send()
        .await
        .unwrap();
    assert_eq!(
        thief.status(),
        401,
        "the session itself ended, not just the cookie"
    );
}

async fn the_session_cookie_is_http_only_and_same_site_lax(backend: Backend) {
    let Some((app, provider)) = platform(backend, |_| {}).await else {
        return;
    };
    let browser = Browser::new(&app);
    let callback = browser
        .log_in_at_provider(&provider, "/auth/start/platform", "gus@example.org")
        .await;
    let done = browser.get(&callback).await;
    let cookie = done
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|c| c.to_str().unwrap().to_string())
        .find(|c| c.starts_with("council_session="))
        .expect("a session cookie");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    assert!(
        !cookie.contains("Secure"),
        "plain http in tests: Secure would lose the cookie"
    );
}

async fn an_invitation_becomes_a_role_at_first_sign_in(backend: Backend) {
    let Some((app, provider)) = platform(backend, |_| {}).await else {
        return;
    };
    let (status, invited) = app
        .post(
            "/api/v1/tenants/athens/roles",
            &json!({"email": "Helen@Example.org", "role": "tenant_admin"}),
        )
        .await;
    assert_eq!(status, 201, "{invited}");
    assert_eq!(invited["status"], "invited");
    let mail = outbox(&app).pop().expect("an invitation e-mail");
    assert!(mail.contains("To: helen@example.org"), "{mail}");
    assert!(mail.contains(&format!("{}/sign-in?next=/municipalities/athens", app.base)));

    let browser = Browser::new(&app);
    browser
        .sign_in_with_provider(&provider, "helen@example.org")
        .await;
    let (_, me) = browser.me().await;
    assert_eq!(
        me["grants"],
        json!([{"role": "tenant_admin", "tenant_id": me["grants"][0]["tenant_id"], "tenant": "athens"}])
    );

    let (_, roles) = app
        .get_json_as(&app.token, "/api/v1/tenants/athens/roles")
        .await;
    assert_eq!(roles[0]["status"], "active");
    let actions = audit_actions(&app, "/api/v1/tenants/athens/audit").await;
    for action in ["role_invited", "invitation_accepted", "sign_in"] {
        assert!(
            actions.iter().any(|a| a == action),
            "{action} in {actions:?}"
        );
    }
}

/// Invites `email` as secretary of athens and asks for a sign-in link in `browser`.
async fn ask_for_link(app: &TestApp, browser: &Browser, email: &str) -> String {
    let (status, _) = app
        .post(
            "/api/v1/tenants/athens/roles",
            &json!({"email": email, "role": "secretary"}),
        )
        .await;
    assert_eq!(status, 201);
    let csrf = browser.csrf_from("/sign-in").await;
    let sent = browser
        .post_form(
            "/sign-in/email",
            &[("email", email), ("csrf", &csrf), ("next", "/account")],
        )
        .await;
    assert_eq!(sent.status(), 200);
    assert!(sent.text().await.unwrap().contains("Ελέγξτε το e-mail σας"));
    let mail = outbox(app).pop().expect("a sign-in e-mail");
    link_in(&mail, &app.base)
}

async fn an_email_link_signs_in_once(backend: Backend) {
    let Some((app, _provider)) = platform(backend, |_| {}).await else {
        return;
    };
    let browser = Browser::new(&app);
    let link = ask_for_link(&app, &browser, "ngo.member@example.org").await;
    let path = link.trim_start_matches(&app.base).to_string();

    let confirm = browser.get(&path).await;
    assert_eq!(confirm.status(), 200, "opening the link does not use it up");
    let csrf = browser.csrf_from(&path).await;
    let used = browser.post_form(&path, &[("csrf", &csrf)]).await;
    assert_eq!(used.status(), 303);
    assert_eq!(location(&used), "/account");
    let (_, me) = browser.me().await;
    assert_eq!(me["email"], "ngo.member@example.org");
    assert_eq!(me["grants"][0]["role"], "secretary");

    let again = Browser::new(&app);
    let csrf = again.csrf_from("/sign-in").await;
    let second = again.post_form(&path, &[("csrf", &csrf)]).await;
    assert_eq!(second.status(), 410);
    assert!(second.text().await.unwrap().contains("χρησιμοποιήθηκε ήδη"));
    assert_eq!(again.me().await.0, 401);
    assert_eq!(
        again.get(&path).await.status(),
        410,
        "a used link says so when opened"
    );
}

async fn an_expired_email_link_signs_nobody_in(backend: Backend) {
    let Some((app, _provider)) = platform(backend, |s| s.auth.sign_in_link_ttl_seconds = 1).await
    else {
        return;
    };
    let browser = Browser::new(&app);
    let link = ask_for_link(&app, &browser, "late@example.org").await;
    let path = link.trim_start_matches(&app.base).to_string();
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    let opened = browser.get(&format!("{path}?lang=en")).await;
    assert_eq!(opened.status(), 410);
    assert!(opened.text().await.unwrap().contains("expired"));
    let csrf = browser.csrf_from("/sign-in").await;
    assert_eq!(
        browser.post_form(&path, &[("csrf", &csrf)]).await.status(),
        410
    );
    assert_eq!(browser.me().await.0, 401);
}

async fn a_link_for_an_unknown_address_is_not_sent_and_not_revealed(backend: Backend) {
    let Some((app, _provider)) = platform(backend, |_| {}).await else {
        return;
    };
    let browser = Browser::new(&app);
    let csrf = browser.csrf_from("/sign-in").await;
    let sent = browser
        .post_form(
            "/sign-in/email",
            &[("email", "stranger@example.org"), ("csrf", &csrf)],
        )
        .await;
    assert_eq!(sent.status(), 200);
    assert!(sent.text().await.unwrap().contains("Ελέγξτε το e-mail σας"));
    assert!(outbox(&app).is_empty());

    let invalid = browser
        .post_form(
            "/sign-in/email",
            &[("email", "not an address"), ("csrf", &csrf)],
        )
        .await;
    assert_eq!(invalid.status(), 422);
    assert!(invalid.text().await.unwrap().contains("aria-invalid"));

    let forged = Browser::new(&app)
        .post_form(
            "/sign-in/email",
            &[("email", "stranger@example.org"), ("csrf", &csrf)],
        )
        .await;
    assert_eq!(
        forged.status(),
        403,
        "a form token from another browser is refused"
    );
}

async fn sign_in_attempts_are_rate_limited_per_address_and_per_ip(backend: Backend) {
    let Some((app, _provider)) = platform(backend, |s| {
        s.auth.links_per_address_per_hour = 2;
        s.auth.attempts_per_ip_per_minute = 6;
    })
    .await
    else {
        return;
    };
    app.post(
        "/api/v1/tenants/athens/roles",
        &json!({"email": "busy@example.org", "role": "secretary"}),
    )
    .await;
    let browser = Browser::new(&app);
    let csrf = browser.csrf_from("/sign-in").await;
    let form = [("email", "busy@example.org"), ("csrf", csrf.as_str())];
    let ask = || browser.post_form("/sign-in/email", &form);
    assert_eq!(ask().await.status(), 200);
    assert_eq!(ask().await.status(), 200);
    let third = ask().await;
    assert_eq!(third.status(), 429, "per address");
    assert!(third.headers().contains_key("retry-after"));

    let mut last = 0;
    for _ in 0..4 {
        last = browser.get("/auth/start/platform").await.status().as_u16();
    }
    assert_eq!(last, 429, "per IP");
}

integration_tests::on_both_backends!(
    a_full_sign_in_shows_who_you_are_in_both_languages,
    a_tampered_state_signs_nobody_in,
    a_replayed_code_or_state_is_refused,
    a_sign_in_finished_in_another_browser_is_refused,
    an_unverified_address_is_not_signed_in,
    an_expired_session_no_longer_signs_in,
    sign_out_ends_the_session_even_for_a_copied_cookie,
    the_session_cookie_is_http_only_and_same_site_lax,
    an_invitation_becomes_a_role_at_first_sign_in,
    an_email_link_signs_in_once,
    an_expired_email_link_signs_nobody_in,
    a_link_for_an_unknown_address_is_not_sent_and_not_revealed,
    sign_in_attempts_are_rate_limited_per_address_and_per_ip,
);

//! The protections at the HTTP edge, as a client or an attacker meets them: time limits and a
//! connection cap, the CSRF rule for session-cookie API calls, security headers, the rule
//! against server-side request forgery through a sign-in provider, CSV cells that a
//! spreadsheet would run, and Markdown that can neither eat text nor load remote images.

use std::time::{Duration, Instant};

use base64::Engine;
use council_shared::auth::Role;
use integration_tests::{
    Backend, TestApp, expect_problem, on_both_backends, on_both_databases, send, token_for,
};
use reqwest::Method;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use tokio::{
    io::{AsyncRead, AsyncReadExt, AsyncWriteExt},
    net::TcpStream,
};

/// Reads until the server closes the connection and returns what it sent, or `None` if the
/// connection is still open after `within`.
async fn closed_within(stream: &mut (impl AsyncRead + Unpin), within: Duration) -> Option<String> {
    let deadline = tokio::time::Instant::now() + within;
    let mut received = Vec::new();
    let mut buffer = [0u8; 4096];
    loop {
        match tokio::time::timeout_at(deadline, stream.read(&mut buffer)).await {
            Err(_) => return None,
            Ok(Ok(0) | Err(_)) => return Some(String::from_utf8_lossy(&received).into_owned()),
            Ok(Ok(n)) => received.extend_from_slice(&buffer[..n]),
        }
    }
}

async fn healthz_within(app: &TestApp, limit: Duration) -> Result<reqwest::Response, String> {
    reqwest::Client::new()
        .get(app.url("/healthz"))
        .timeout(limit)
        .send()
        .await
        .map_err(|e| e.to_string())
}

async fn slow_and_idle_connections_are_closed_while_others_are_served(backend: Backend) {
    let Some(app) = TestApp::spawn_with(backend, |s| {
        s.server.header_timeout_seconds = 1;
        s.server.body_timeout_seconds = 1;
        s.server.keep_alive_seconds = 3;
    })
    .await
    else {
        return;
    };
    // Twenty clients that send a header line every 300 ms and never finish their request.
    let mut trickling = Vec::new();
    for _ in 0..20 {
        let (reader, mut writer) = TcpStream::connect(app.address).await.unwrap().into_split();
        tokio::spawn(async move {
            let _ = writer
                .write_all(b"GET /healthz HTTP/1.1\r\nHost: test\r\n")
                .await;
            loop {
                tokio::time::sleep(Duration::from_millis(300)).await;
                if writer.write_all(b"X-Slow: 1\r\n").await.is_err() {
                    break;
                }
            }
        });
        trickling.push(reader);
    }
    // A request whose body stops arriving after a few bytes.
    let mut stalled_body = TcpStream::connect(app.address).await.unwrap();
    stalled_body
        .write_all(
            b"POST /api/v1/tenants/nowhere/subscriptions HTTP/1.1\r\nHost: test\r\n\
              Content-Type: application/json\r\nContent-Length: 200\r\n\r\n{\"email\":",
        )
        .await
        .unwrap();
    // A kept-alive connection, idle after one request.
    let mut idle = TcpStream::connect(app.address).await.unwrap();
    idle.write_all(b"GET /healthz HTTP/1.1\r\nHost: test\r\n\r\n")
        .await
        .unwrap();
    let mut answer = String::new();
    while !answer.contains("\"ok\"}") {
        let mut buffer = [0u8; 1024];
        let n = idle.read(&mut buffer).await.unwrap();
        assert!(
            n > 0,
            "the first request on the kept-alive connection is answered"
        );
        answer.push_str(&String::from_utf8_lossy(&buffer[..n]));
    }

    let asked = Instant::now();
    let health = healthz_within(&app, Duration::from_secs(2)).await.unwrap();
    assert_eq!(health.status(), 200);
    assert!(
        asked.elapsed() < Duration::from_millis(500),
        "/healthz answers at once beside the slow clients: {:?}",
        asked.elapsed()
    );

    assert_eq!(
        closed_within(&mut idle, Duration::from_secs(2)).await,
        None,
        "an idle kept-alive connection outlives the header limit"
    );
    assert!(
        closed_within(&mut idle, Duration::from_secs(3))
            .await
            .is_some(),
        "and is closed at the keep-alive limit"
    );
    for reader in &mut trickling {
        assert!(
            closed_within(reader, Duration::from_secs(1))
                .await
                .is_some(),
            "a request head that trickles in is cut off at the header limit"
        );
    }
    let stalled = closed_within(&mut stalled_body, Duration::from_secs(1))
        .await
        .expect("a body that stops arriving is cut off");
    assert!(stalled.starts_with("HTTP/1.1 408"), "{stalled}");
    assert!(stalled.contains("application/problem+json"), "{stalled}");
}

async fn further_clients_wait_while_every_connection_is_taken(backend: Backend) {
    let Some(app) = TestApp::spawn_with(backend, |s| {
        s.server.max_connections = 3;
        s.server.header_timeout_seconds = 1;
    })
    .await
    else {
        return;
    };
    let mut silent = Vec::new();
    for _ in 0..3 {
        silent.push(TcpStream::connect(app.address).await.unwrap());
    }
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert!(
        healthz_within(&app, Duration::from_millis(500))
            .await
            .is_err(),
        "a fourth client waits while three connections are open"
    );
    for connection in &mut silent {
        assert!(
            closed_within(connection, Duration::from_secs(3))
                .await
                .is_some(),
            "a connection that sends nothing is closed at the header limit"
        );
    }
    let served = healthz_within(&app, Duration::from_secs(2)).await.unwrap();
    assert_eq!(served.status(), 200, "a freed connection serves the next");
}

/// A signed-in browser's session cookie for a user with these roles.
async fn session_of(app: &TestApp, email: &str, roles: &[(Role, Option<&str>)]) -> String {
    use tenants::identity::{sessions, users};
    token_for(&app.context, email, roles, "t").await;
    let user = users::find_by_email(&app.context.db, email)
        .await
        .unwrap()
        .expect("the user");
    let (secret, _) =
        sessions::create(&app.context.db, user.id, "test", chrono::Duration::hours(1))
            .await
            .unwrap();
    format!("council_session={secret}")
}

/// A draft meeting of `slug` with one agenda item; its API path.
async fn draft_meeting(app: &TestApp, slug: &str, description: &str) -> String {
    let starts = chrono::Utc::now() + chrono::Duration::days(7);
    let (status, created) = app
        .post(
            &format!("/api/v1/tenants/{slug}/meetings"),
            &json!({
                "title": "Τακτική συνεδρίαση",
                "kind": "regular",
                "mode": "in_person",
                "starts_at": starts.to_rfc3339(),
                "ends_at": (starts + chrono::Duration::hours(2)).to_rfc3339(),
                "location": {"name": "Δημαρχείο"}
            }),
        )
        .await;
    assert_eq!(status, 201, "{created}");
    let path = format!("/api/v1/tenants/{slug}/meetings/{}", created["id"]);
    let (status, item) = app
        .post(
            &format!("{path}/agenda"),
            &json!({"title": "Πρόγραμμα εκμάθησης ελληνικών", "description": description}),
        )
        .await;
    assert_eq!(status, 201, "{item}");
    path
}

async fn state_of(app: &TestApp, meeting: &str) -> Value {
    let (status, meeting) = app.get_json_as(&app.token, meeting).await;
    assert_eq!(status, 200, "{meeting}");
    meeting["state"].clone()
}

async fn a_session_call_from_another_site_changes_nothing(app: TestApp) {
    app.create_tenant("athens").await;
    let cookie = session_of(
        &app,
        "secretary@athens.example.org",
        &[(Role::Secretary, Some("athens"))],
    )
    .await;
    let meeting = draft_meeting(&app, "athens", "").await;
    let convene = app.url(&format!("{meeting}/convene"));
    for (name, value) in [
        ("origin", "http://evil.example"),
        ("sec-fetch-site", "cross-site"),
    ] {
        let forged = app
            .client
            .post(&convene)
            .header("cookie", &cookie)
            .header(name, value)
            .send()
            .await
            .unwrap();
        let problem = expect_problem(forged, 403).await;
        assert!(
            problem["detail"].as_str().unwrap().contains("another site"),
            "{problem}"
        );
        assert_eq!(state_of(&app, &meeting).await, "draft", "nothing changed");
    }

    let from_our_page = app
        .client
        .post(&convene)
        .header("cookie", &cookie)
        .header("origin", &app.base)
        .send()
        .await
        .unwrap();
    assert_eq!(from_our_page.status(), 200);
    assert_eq!(state_of(&app, &meeting).await, "convened");

    // A token is never sent by a browser on its own: a foreign Origin does not matter.
    let second = draft_meeting(&app, "athens", "").await;
    let scripted = app
        .client
        .post(app.url(&format!("{second}/convene")))
        .bearer_auth(&app.token)
        .header("origin", "http://evil.example")
        .send()
        .await
        .unwrap();
    assert_eq!(scripted.status(), 200);
}

fn assert_protective_headers(path: &str, headers: &reqwest::header::HeaderMap) {
    let csp = headers["content-security-policy"].to_str().unwrap();
    for part in [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "frame-ancestors 'none'",
    ] {
        assert!(csp.contains(part), "{path}: {part} in {csp}");
    }
    assert!(!csp.contains("unsafe"), "{path}: {csp}");
    assert_eq!(headers["x-content-type-options"], "nosniff", "{path}");
    assert_eq!(
        headers["referrer-policy"], "strict-origin-when-cross-origin",
        "{path}"
    );
}

async fn every_response_carries_the_security_headers(app: TestApp) {
    app.create_tenant("athens").await;
    for path in [
        "/",
        "/municipalities/athens",
        "/municipalities/atlantis",
        "/sign-in",
        "/api/v1/tenants",
        "/api/v1/tenants/atlantis",
        "/api/openapi.json",
        "/healthz",
        "/static/site.css",
    ] {
        let response = app.get(path).await;
        assert_protective_headers(path, response.headers());
        assert!(
            response
                .headers()
                .get("strict-transport-security")
                .is_none(),
            "{path}: no HSTS over plain http"
        );
    }

    // Swagger UI runs its own inline scripts: each is allowed by its hash, and only those.
    let docs = app.get("/api/docs/").await;
    assert_eq!(docs.status(), 200);
    let csp = docs.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_string();
    let html = docs.text().await.unwrap();
    let start = html.rfind("<script>").expect("Swagger UI's start script") + "<script>".len();
    let end = start + html[start..].find("</script>").unwrap();
    let hash = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(&html[start..end]));
    let script_src = csp
        .split(';')
        .find(|d| d.trim().starts_with("script-src"))
        .unwrap();
    assert!(script_src.contains(&format!("'sha256-{hash}'")), "{csp}");
    assert!(!script_src.contains("unsafe"), "{csp}");
    assert!(csp.contains("frame-ancestors 'none'"), "{csp}");

    let Some(https) = TestApp::spawn_with(app.backend, |s| {
        s.server.public_url = Some("https://semp.example.gr".into());
    })
    .await
    else {
        return;
    };
    for path in ["/", "/api/v1/tenants"] {
        let response = https.get(path).await;
        assert_eq!(
            response.headers()["strict-transport-security"],
            "max-age=31536000",
            "{path}"
        );
    }
}

/// Every page checked on the showcase: no inline script or style for the policy to allow,
/// and exactly one `<h1>`, the page's own title (Markdown headings sit below it).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_have_no_inline_script_or_style_and_one_main_heading() {
    let app = integration_tests::spawn_showcase().await;
    for page in integration_tests::pages_to_check(&app).await {
        let response = app.get(&page).await;
        assert_protective_headers(&page, response.headers());
        let html = response.text().await.unwrap();
        for inline in [
            "<script",
            "<style",
            " style=",
            " onclick=",
            " onload=",
            "javascript:",
        ] {
            assert!(!html.contains(inline), "{page}: {inline}");
        }
        assert_eq!(html.matches("<h1").count(), 1, "{page}: one <h1>");
    }
}

async fn markdown_can_neither_eat_text_nor_load_remote_images(app: TestApp) {
    app.create_tenant("athens").await;
    let meeting = draft_meeting(
        &app,
        "athens",
        "# Εισήγηση\n\nΗ επιτροπή προτείνει:\n\n<style>\n\nΗ **εισήγηση** συνεχίζει εδώ.\n\n\
         ![](https://tracker.example/pixel.gif)",
    )
    .await;
    let (status, _) = app.post(&format!("{meeting}/convene"), &json!({})).await;
    assert_eq!(status, 200);
    let (_, view) = app.get_json(&meeting).await;
    let page = view["page"]
        .as_str()
        .expect("the meeting's page")
        .to_string();
    let html = app.get(&page).await.text().await.unwrap();
    assert!(
        html.contains("Η <strong>εισήγηση</strong> συνεχίζει εδώ."),
        "the text after an unclosed <style> still shows"
    );
    assert!(!html.contains("<style"), "{html}");
    assert_eq!(
        html.matches("<h1").count(),
        1,
        "the item's heading is not a title"
    );
    assert!(html.contains("<h2>Εισήγηση</h2>"));
    assert!(
        !html.contains("src=\"https://tracker.example"),
        "the remote image is not loaded"
    );
    assert!(
        html.contains("href=\"https://tracker.example/pixel.gif\""),
        "it is a link instead"
    );
}

async fn csv_cells_a_spreadsheet_would_run_are_text(app: TestApp) {
    app.create_tenant("alpha").await;
    let practice = json!({
        "title": {"el": "=HYPERLINK(\"http://evil.example\";\"Άνοιγμα\")"},
        "summary": {"el": "-2+3"},
        "sector": "civil_society",
        "thematic_areas": ["employment"],
        "audiences": ["refugees"],
        "organisation": {"name": "@SUM(1+1)"},
        "duration": {"from": "2021-03-01", "ongoing": true},
        "description": {"el": "Περιγραφή."},
        "locations": ["alpha"]
    });
    let (status, created) = app.post("/api/v1/practices", &practice).await;
    assert_eq!(status, 201, "{created}");
    let slug = created["slug"].as_str().unwrap();
    for step in ["submit", "publish"] {
        let url = app.url(&format!("/api/v1/practices/{slug}/{step}"));
        let (status, body) = send(&app.client, &url, Some(&app.token), Method::POST, None).await;
        assert_eq!(status, 200, "{step}: {body}");
    }
    let csv = app.get("/api/v1/practices.csv").await.text().await.unwrap();
    let row = csv.lines().nth(1).expect("the practice's row");
    assert!(
        row.contains("\"'=HYPERLINK(\"\"http://evil.example\"\";\"\"Άνοιγμα\"\")\""),
        "{row}"
    );
    assert!(row.contains(",'-2+3,"), "{row}");
    assert!(row.contains(",'@SUM(1+1),"), "{row}");
}

/// A municipality `athens` on a platform with the address rule on (the tests' default
/// turns it off for their local provider).
async fn strict_platform(backend: Backend) -> Option<TestApp> {
    let app = TestApp::spawn_with(backend, |s| s.auth.allow_private_issuers = false).await?;
    app.create_tenant("athens").await;
    Some(app)
}

fn provider_body(issuer: &str) -> Value {
    json!({
        "display_name": "Κατάλογος του δήμου",
        "issuer_url": issuer,
        "client_id": "council",
        "client_secret": "secret"
    })
}

async fn an_issuer_on_this_machine_or_in_clear_is_refused_on_save(backend: Backend) {
    let Some(app) = strict_platform(backend).await else {
        return;
    };
    for (issuer, why) in [
        ("http://login.example.org", "https"),
        ("https://127.0.0.1:8443", "loopback"),
        ("https://169.254.169.254/latest", "link-local"),
        ("https://[::ffff:10.0.0.7]", "private"),
        ("https://localhost:8443", "resolves to 127.0.0.1"),
    ] {
        let (status, problem) = app
            .put(
                "/api/v1/tenants/athens/sign-in-provider",
                &provider_body(issuer),
            )
            .await;
        assert_eq!(status, 422, "{issuer}: {problem}");
        let error = &problem["errors"][0];
        assert_eq!(error["field"], "issuer_url", "{problem}");
        assert!(
            error["message"].as_str().unwrap().contains(why),
            "{issuer}: {problem}"
        );
    }
    let (status, problem) = app
        .put(
            "/api/v1/tenants/athens/sign-in-provider",
            &provider_body("https://login.example.org/realms/semp"),
        )
        .await;
    assert_eq!(status, 200, "{problem}");
}

async fn sign_in_never_fetches_an_issuer_that_resolves_to_this_machine(backend: Backend) {
    let Some(app) = strict_platform(backend).await else {
        return;
    };
    // Something listening on this machine that the issuer's name now points at.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let fetched = tokio::spawn(async move { listener.accept().await.is_ok() });
    // Saved when its name still resolved elsewhere (or before the rule): only the rule at
    // fetch time stands between the server and this machine.
    let athens = tenants::service::tenants::find(&app.context.db, "athens")
        .await
        .unwrap();
    tenants::identity::providers::save(
        &app.context.db,
        athens.id,
        tenants::identity::providers::ProviderInput {
            display_name: "Κατάλογος".into(),
            issuer_url: format!("https://localhost:{port}"),
            client_id: "council".into(),
            client_secret: Some("secret".into()),
        },
    )
    .await
    .unwrap();

    let refused = app.get("/auth/start/tenant/athens?lang=en").await;
    assert_eq!(refused.status(), 502);
    let page = refused.text().await.unwrap();
    assert!(
        page.contains("at an address the platform does not connect to"),
        "a readable page says why: {page}"
    );
    assert!(page.contains("<h1>"), "{page}");
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert!(!fetched.is_finished(), "the server never connected to it");
    fetched.abort();
}

async fn a_platform_issuer_on_this_machine_stops_the_start(backend: Backend) {
    let dir = tempfile::tempdir().unwrap();
    let Some(url) = integration_tests::fresh_database(backend, dir.path()).await else {
        return;
    };
    let _drop = (backend == Backend::Postgres)
        .then(|| integration_tests::DropDatabaseOnExit::for_url(&url));
    let mut settings = integration_tests::test_settings(dir.path(), &url);
    settings.auth.allow_private_issuers = false;
    settings.auth.oidc = Some(council_shared::settings::OidcProviderSettings {
        issuer_url: "http://127.0.0.1:9000".into(),
        client_id: "council".into(),
        client_secret: "secret".to_string().into(),
        display_name: "Local".into(),
    });
    let context = council_shared::app::Context::build(settings).await.unwrap();
    let error = council::build(&context)
        .await
        .err()
        .expect("the server refuses to start");
    assert!(
        format!("{error:#}").contains("auth.oidc.issuer_url"),
        "{error:#}"
    );
}

async fn starting_a_sign_in_without_a_provider_is_a_readable_404(app: TestApp) {
    app.create_tenant("athens").await;
    for path in [
        "/auth/start/platform",
        "/auth/start/tenant/athens",
        "/auth/start/tenant/atlantis",
    ] {
        let greek = app.get(path).await;
        assert_eq!(greek.status(), 404, "{path}");
        assert!(
            greek
                .text()
                .await
                .unwrap()
                .contains("<h1>Η σελίδα δεν βρέθηκε</h1>"),
            "{path}"
        );
        let english = app.get(&format!("{path}?lang=en")).await;
        assert_eq!(english.status(), 404, "{path}");
        assert!(
            english
                .text()
                .await
                .unwrap()
                .contains("<h1>Page not found</h1>")
        );
    }
}

on_both_backends!(
    slow_and_idle_connections_are_closed_while_others_are_served,
    further_clients_wait_while_every_connection_is_taken,
    an_issuer_on_this_machine_or_in_clear_is_refused_on_save,
    sign_in_never_fetches_an_issuer_that_resolves_to_this_machine,
    a_platform_issuer_on_this_machine_stops_the_start,
);

on_both_databases!(
    a_session_call_from_another_site_changes_nothing,
    every_response_carries_the_security_headers,
    markdown_can_neither_eat_text_nor_load_remote_images,
    csv_cells_a_spreadsheet_would_run_are_text,
    starting_a_sign_in_without_a_provider_is_a_readable_404,
);

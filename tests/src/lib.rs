//! The test harness: starts the real platform on a random port against a fresh database,
//! SQLite or PostgreSQL, and talks to it over HTTP like any client.
//!
//! PostgreSQL is expected at `COUNCIL_TEST_POSTGRES` (default
//! `postgres://postgres@127.0.0.1:5432`); each test gets its own new database. If it cannot
//! be reached the test fails, loudly. Outside CI, `COUNCIL_TEST_SKIP_POSTGRES=1` skips the
//! PostgreSQL variants with a message; under `CI=true` that switch is ignored.

pub mod browser;
pub mod dovecot;
pub mod postgres;
pub mod smtp;

use std::{collections::HashMap, net::SocketAddr};

use council_shared::{
    app::{Application, Context},
    auth::Role,
    settings::Settings,
};
use sea_orm::{ConnectionTrait, Database};
use tempfile::TempDir;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

pub fn postgres_server_url() -> String {
    std::env::var("COUNCIL_TEST_POSTGRES")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432".into())
}

/// A database URL for a brand-new database of `backend`, or `None` when PostgreSQL is
/// skipped on purpose outside CI.
pub async fn fresh_database(backend: Backend, data_dir: &std::path::Path) -> Option<String> {
    match backend {
        Backend::Sqlite => Some(format!(
            "sqlite://{}?mode=rwc",
            data_dir.join("council.db").display()
        )),
        Backend::Postgres => {
            let in_ci = std::env::var("CI").is_ok_and(|v| v == "true");
            if !in_ci && std::env::var("COUNCIL_TEST_SKIP_POSTGRES").is_ok_and(|v| v == "1") {
                eprintln!("SKIPPED: PostgreSQL variant (COUNCIL_TEST_SKIP_POSTGRES=1)");
                return None;
            }
            let server = postgres_server_url();
            let admin = Database::connect(format!("{server}/postgres"))
                .await
                .unwrap_or_else(|e| {
                    panic!(
                        "PostgreSQL is not reachable at {server}: {e}. Start it, set \
                         COUNCIL_TEST_POSTGRES, or (outside CI only) set \
                         COUNCIL_TEST_SKIP_POSTGRES=1"
                    )
                });
            let name = format!("council_test_{}", uuid::Uuid::new_v4().simple());
            admin
                .execute_unprepared(&format!("CREATE DATABASE {name}"))
                .await
                .expect("cannot create a test database");
            let _ = admin.close().await;
            Some(format!("{server}/{name}"))
        }
    }
}

/// Drops a test's PostgreSQL database when the test ends, so runs do not pile them up.
/// (`.ci/run` also drops any an interrupted run left behind.)
pub struct DropDatabaseOnExit(pub String);

impl DropDatabaseOnExit {
    pub fn for_url(url: &str) -> Self {
        Self(url.rsplit('/').next().unwrap_or_default().to_string())
    }
}

impl Drop for DropDatabaseOnExit {
    fn drop(&mut self) {
        let name = self.0.clone();
        // A test's runtime may be shutting down here: use a thread with its own.
        let dropped = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .ok()?;
            runtime.block_on(async {
                let admin = Database::connect(format!("{}/postgres", postgres_server_url()))
                    .await
                    .ok()?;
                admin
                    .execute_unprepared(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                    .await
                    .ok()?;
                admin.close().await.ok()
            })
        })
        .join();
        if !matches!(dropped, Ok(Some(()))) {
            eprintln!("could not drop test database {}", self.0);
        }
    }
}

/// Settings for a test: port 0, a temporary data folder, the given database, quiet logs.
pub fn test_settings(data_dir: &std::path::Path, database_url: &str) -> Settings {
    let mut env = HashMap::new();
    env.insert("DATABASE_URL".to_string(), database_url.to_string());
    let mut settings = Settings::load_from(None, env).expect("test settings");
    settings.server.bind = "127.0.0.1:0".into();
    settings.data_dir = data_dir.to_path_buf();
    settings.database.max_connections = 5;
    // Notices go out within the test's patience; the subscription limits are tested apart.
    settings.notifications.poll_ms = 50;
    settings.notifications.events_schedule = "* * * * * *".into();
    settings.notifications.retry_base_seconds = 1;
    settings.notifications.digest_schedule = "* * * * * *".into();
    settings.notifications.subscribe_per_ip_per_hour = 10_000;
    settings.notifications.subscribe_per_email_per_hour = 10_000;
    settings.auth.access_requests_per_ip_per_hour = 10_000;
    // The tests' OpenID Connect provider listens on 127.0.0.1 over plain http.
    settings.auth.allow_private_issuers = true;
    settings
}

/// A user with these roles (`(role, municipality slug)`) and an API token of theirs, made
/// the way `council admin create` and `council token create` make them.
pub async fn token_for(
    context: &Context,
    email: &str,
    roles: &[(Role, Option<&str>)],
    token_name: &str,
) -> String {
    use tenants::identity::{grants, tokens, users};
    let user = users::find_or_create(&context.db, email, None)
        .await
        .expect("user");
    for (role, slug) in roles {
        let tenant_id = match slug {
            Some(slug) => Some(
                tenants::service::tenants::find(&context.db, slug)
                    .await
                    .expect("municipality of a test role")
                    .id,
            ),
            None => None,
        };
        let member_id = if *role == Role::CouncilMember {
            let council = tenants::service::council::load(&context.db, tenant_id.unwrap())
                .await
                .expect("council");
            council.members.first().map(|m| m.id)
        } else {
            None
        };
        match grants::grant(
            &context.db,
            grants::NewGrant {
                email: email.into(),
                role: *role,
                tenant_id,
                member_id,
            },
            None,
            None,
        )
        .await
        {
            Ok(_) | Err(tenants::TenantsError::Conflict(_)) => {}
            Err(error) => panic!("cannot grant a test role: {error:?}"),
        }
    }
    let (_, token) = tokens::create(&context.db, user.id, token_name, None, None)
        .await
        .expect("token");
    token
}

/// The platform running for one test.
pub struct TestApp {
    pub address: SocketAddr,
    pub base: String,
    pub backend: Backend,
    pub context: Context,
    pub client: reqwest::Client,
    /// Dropped when the test ends (PostgreSQL only).
    pub database: Option<DropDatabaseOnExit>,
    /// A valid API token for writes, and its name.
    pub token: String,
    pub token_name: String,
    pub data_dir: TempDir,
}

impl TestApp {
    /// Starts the whole platform (`council serve`) on a fresh database.
    pub async fn spawn(backend: Backend) -> Option<Self> {
        Self::spawn_with(backend, |_| {}).await
    }

    pub async fn spawn_with(backend: Backend, adjust: impl FnOnce(&mut Settings)) -> Option<Self> {
        let data_dir = tempfile::tempdir().expect("temp dir");
        let url = fresh_database(backend, data_dir.path()).await?;
        let mut app = Self::launch(backend, &url, data_dir, adjust).await;
        if backend == Backend::Postgres {
            app.database = Some(DropDatabaseOnExit::for_url(&url));
        }
        Some(app)
    }

    /// Another instance of the platform on an existing database, as behind a load balancer.
    pub async fn spawn_on(backend: Backend, url: &str, adjust: impl FnOnce(&mut Settings)) -> Self {
        let data_dir = tempfile::tempdir().expect("temp dir");
        Self::launch(backend, url, data_dir, adjust).await
    }

    /// Starts the platform with its data folder in `data_dir`, which it keeps alive.
    async fn launch(
        backend: Backend,
        url: &str,
        data_dir: TempDir,
        adjust: impl FnOnce(&mut Settings),
    ) -> Self {
        council_shared::telemetry::init_for_tests();
        let mut settings = test_settings(data_dir.path(), url);
        adjust(&mut settings);
        let context = Context::build(settings).await.expect("context builds");
        let app = council::build(&context).await.expect("app binds");
        Self::start(app, backend, context, data_dir).await
    }

    /// Starts a prepared application (a single service's, say) and returns its handle.
    pub async fn start(
        app: Application,
        backend: Backend,
        context: Context,
        data_dir: TempDir,
    ) -> Self {
        let address = app.address();
        tokio::spawn(app.run());
        let token_name = format!("integration-tests-{}", uuid::Uuid::new_v4().simple());
        let token = token_for(
            &context,
            "platform-admin@tests.example.org",
            &[(Role::PlatformAdmin, None)],
            &token_name,
        )
        .await;
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .default_headers(reads_greek())
            .build()
            .expect("client");
        Self {
            address,
            base: format!("http://{address}"),
            backend,
            context,
            client,
            database: None,
            token,
            token_name,
            data_dir,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .send()
            .await
            .expect("request")
    }

    /// GET with someone's API token.
    pub async fn get_json_as(&self, token: &str, path: &str) -> (u16, serde_json::Value) {
        let response = self
            .client
            .get(self.url(path))
            .bearer_auth(token)
            .send()
            .await
            .expect("request");
        let status = response.status().as_u16();
        let text = response.text().await.expect("body");
        (
            status,
            serde_json::from_str(&text).unwrap_or(serde_json::Value::Null),
        )
    }

    pub async fn get_json(&self, path: &str) -> (u16, serde_json::Value) {
        let response = self.get(path).await;
        let status = response.status().as_u16();
        (status, response.json().await.expect("JSON body"))
    }

    /// Sends JSON with the test's API token.
    pub async fn send_json(
        &self,
        method: reqwest::Method,
        path: &str,
        body: &serde_json::Value,
    ) -> (u16, serde_json::Value) {
        let response = self
            .client
            .request(method, self.url(path))
            .bearer_auth(&self.token)
            .json(body)
            .send()
            .await
            .expect("request");
        let status = response.status().as_u16();
        let text = response.text().await.expect("body");
        let value = if text.is_empty() {
            serde_json::Value::Null
        } else {
            serde_json::from_str(&text).unwrap_or_else(|_| panic!("not JSON: {text}"))
        };
        (status, value)
    }

    /// Sends a body as it is, with the test's token: for malformed and oversized requests.
    pub async fn post_raw(
        &self,
        path: &str,
        content_type: &str,
        body: impl Into<reqwest::Body>,
    ) -> reqwest::Response {
        self.client
            .post(self.url(path))
            .bearer_auth(&self.token)
            .header("content-type", content_type)
            .body(body)
            .send()
            .await
            .expect("request")
    }

    pub async fn delete(&self, path: &str) -> reqwest::Response {
        self.client
            .delete(self.url(path))
            .bearer_auth(&self.token)
            .send()
            .await
            .expect("request")
    }

    /// Uploads `bytes` to `path` with the platform administrator's token, as a client
    /// sends a file: the raw bytes.
    pub async fn upload(&self, path: &str, bytes: &[u8]) -> reqwest::Response {
        self.client
            .post(self.url(path))
            .bearer_auth(&self.token)
            .header("content-type", "application/octet-stream")
            .body(bytes.to_vec())
            .send()
            .await
            .expect("request")
    }

    pub async fn post(&self, path: &str, body: &serde_json::Value) -> (u16, serde_json::Value) {
        self.send_json(reqwest::Method::POST, path, body).await
    }

    pub async fn put(&self, path: &str, body: &serde_json::Value) -> (u16, serde_json::Value) {
        self.send_json(reqwest::Method::PUT, path, body).await
    }

    pub async fn load_demo_data(&self) {
        tenants::demo::load(&self.context.db)
            .await
            .expect("demo data loads");
    }

    /// A minimal valid municipality for tests that need one.
    pub async fn create_tenant(&self, slug: &str) -> serde_json::Value {
        let (status, body) = self.post("/api/v1/tenants", &sample_tenant(slug)).await;
        assert_eq!(status, 201, "{body}");
        body
    }
}

/// Pages the independent checkers look at: both languages, a long profile, an archived
/// municipality and a 404.
const FIXED_PAGES: [&str; 6] = [
    "/",
    "/?lang=en",
    "/municipalities/athens",
    "/municipalities/thessaloniki?lang=en",
    "/municipalities/piraeus",
    "/municipalities/atlantis",
];

/// The pages the HTML and accessibility checkers read on the showcase: the fixed ones, the
/// meetings pages of its demo data (a list, a search, a meeting with published minutes, an
/// upcoming one, the printable minutes), the practices pages, and a resident's
/// subscription pages (the form, confirmation, preferences, unsubscribing).
pub async fn pages_to_check(app: &TestApp) -> Vec<String> {
    let past = published_meeting(app).await;
    let (_, upcoming) = app
        .get_json("/api/v1/tenants/thessaloniki/meetings?when=upcoming")
        .await;
    let next = upcoming["items"][0]["page"]
        .as_str()
        .expect("an upcoming meeting")
        .to_string();
    let hybrid = long_hybrid_meeting(app).await;
    let mut pages: Vec<String> = FIXED_PAGES.iter().map(|p| p.to_string()).collect();
    pages.extend([
        hybrid.clone(),
        format!("{hybrid}?lang=en"),
        "/municipalities/athens/meetings".to_string(),
        "/municipalities/thessaloniki/meetings?lang=en&q=%CE%B5%CE%BD%CF%84%CE%B1%CE%BE%CE%B7"
            .to_string(),
        past.clone(),
        format!("{past}?lang=en"),
        format!("{past}/minutes"),
        next,
        "/practices".to_string(),
        "/practices?sector=municipality&lang=en".to_string(),
        "/municipalities/thessaloniki/practices".to_string(),
        "/practices/solidaritynow-solidarity-centres".to_string(),
        "/practices/solidaritynow-solidarity-centres?lang=en".to_string(),
        "/practices/solidaritynow-solidarity-centres/print".to_string(),
        "/municipalities/athens/subscribe".to_string(),
        "/municipalities/athens/subscribe?lang=en".to_string(),
        "/municipalities/athens/access".to_string(),
        // The pages the law asks for.
        "/privacy".to_string(),
        "/municipalities/athens/privacy".to_string(),
        "/municipalities/athens/privacy?lang=ar".to_string(),
        "/accessibility".to_string(),
        "/cookies?lang=en".to_string(),
    ]);
    // A resident's pages, reached by the secret link in their messages.
    let (_, athens) = app.get_json("/api/v1/tenants/athens").await;
    let choice = notifications::service::subscriptions::Choice {
        topics: vec![notifications::domain::Topic::Meetings],
        language: "en".into(),
        cadence: notifications::domain::Cadence::Immediate,
    };
    let requested = notifications::service::subscriptions::request(
        &app.context.db,
        athens["id"].as_i64().expect("athens has an id"),
        "page-check@example.org",
        &choice,
        72,
        "192.0.2.10",
    )
    .await
    .expect("a subscription request");
    let notifications::service::subscriptions::Requested::Confirm(row) = requested else {
        panic!("a new address is asked to confirm");
    };
    let link = format!("/subscriptions/{}", row.token);
    pages.extend([
        format!("{link}/confirm"),
        link.clone(),
        format!("{link}/data"),
        format!("{link}?lang=en"),
        format!("{link}/unsubscribe"),
        "/subscriptions/erased".to_string(),
        "/subscriptions/unsubscribed".to_string(),
    ]);
    pages
}

/// The page of a meeting of Athens with published minutes (the showcase has many).
async fn published_meeting(app: &TestApp) -> String {
    let (_, published) = app
        .get_json("/api/v1/tenants/athens/meetings?state=published")
        .await;
    published["items"][0]["page"]
        .as_str()
        .expect("a published meeting")
        .to_string()
}

/// The pages a resident reads first, in each of the public languages: `(code, dir, path)`
/// of the home page, a meeting with minutes and decisions, a good practice, and the
/// subscription form, each asked for with `?lang=`.
pub async fn pages_in_every_language(app: &TestApp) -> Vec<(&'static str, &'static str, String)> {
    let meeting = published_meeting(app).await;
    let mut pages = Vec::new();
    for lang in council_shared::locale::Lang::ALL {
        for path in [
            "/".to_string(),
            meeting.clone(),
            "/practices/solidaritynow-solidarity-centres".to_string(),
            "/municipalities/athens/subscribe".to_string(),
        ] {
            pages.push((
                lang.code(),
                lang.dir(),
                format!("{path}?lang={}", lang.code()),
            ));
        }
    }
    pages
}

/// A hybrid meeting under way, with the longest real values a page must fit on a phone:
/// long Greek words in its title and venue, and an online link that cannot break. Under
/// way, so its online link is public. Returns its page.
async fn long_hybrid_meeting(app: &TestApp) -> String {
    let starts = chrono::Utc::now() + chrono::Duration::seconds(2);
    let at =
        |t: chrono::DateTime<chrono::Utc>| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let meetings = app.url("/api/v1/tenants/athens/meetings");
    let (status, created) = send(
        &app.client,
        &meetings,
        Some(&app.token),
        reqwest::Method::POST,
        Some(serde_json::json!({
            "title": "Έκτακτη συνεδρίαση για την κοινωνικοοικονομική ενσωμάτωση και τη διαπολιτισμικότητα",
            "kind": "extraordinary",
            "mode": "hybrid",
            "starts_at": at(starts),
            "ends_at": at(starts + chrono::Duration::hours(2)),
            "location": {
                "name": "Αίθουσα εκδηλώσεων του Πολιτιστικού Κέντρου «Μελίνα Μερκούρη» του Δήμου Αθηναίων",
                "address": "Ηρακλειδών 66 και Θεσσαλονίκης, Θησείο, 11851 Αθήνα"
            },
            "online_url": "https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjY4ZTQ1YzYtOGRkNi00ZDJhLWFlOWUtYzQ5ZjM4ZjM0YWE3%40thread.v2/0?context=%7b%22Tid%22%3a%2200000000-1111-2222-3333-444444444444%22%7d"
        })),
    )
    .await;
    assert_eq!(status, 201, "{created}");
    let page = created["page"].as_str().expect("its page").to_string();
    let agenda = format!("{meetings}/{}/agenda", created["id"]);
    let (status, added) = send(
        &app.client,
        &agenda,
        Some(&app.token),
        reqwest::Method::POST,
        Some(serde_json::json!({
            "title": "Ενημέρωση για τη λειτουργία του Κέντρου Ένταξης Μεταναστών",
            "rapporteur": "Αικατερίνη Παπαδοπούλου-Κωνσταντινοπούλου"
        })),
    )
    .await;
    assert_eq!(status, 201, "{added}");
    let convene = format!("{meetings}/{}/convene", created["id"]);
    let (status, convened) = send(
        &app.client,
        &convene,
        Some(&app.token),
        reqwest::Method::POST,
        None,
    )
    .await;
    assert_eq!(status, 200, "{convened}");
    tokio::time::sleep(std::time::Duration::from_secs(2)).await;
    page
}

/// The platform on SQLite with the demo data and Piraeus archived, for the page checkers.
pub async fn spawn_showcase() -> TestApp {
    let app = TestApp::spawn(Backend::Sqlite).await.expect("SQLite app");
    app.load_demo_data().await;
    let reads = tenants::public::TenantReads::from_context(&app.context);
    meetings::demo::load(&app.context.db, reads.as_ref())
        .await
        .expect("demo meetings load");
    practices::demo::load(&app.context.db, reads.as_ref())
        .await
        .expect("demo practices load");
    let (status, _) = app
        .post("/api/v1/tenants/piraeus/archive", &serde_json::json!({}))
        .await;
    assert_eq!(status, 200);
    app
}

pub fn sample_tenant(slug: &str) -> serde_json::Value {
    serde_json::json!({
        "slug": slug,
        "name": {"el": "Δήμος Δοκιμής", "en": "Test Municipality"},
        "region": {"el": "Αττική", "en": "Attica"},
        "website": "https://example.org",
        "contact_email": "semp@example.org"
    })
}

pub fn sample_member(
    name: &str,
    role: &str,
    category: &str,
    membership: &str,
) -> serde_json::Value {
    serde_json::json!({
        "full_name": name,
        "category": category,
        "role": role,
        "membership": membership,
        "organisation": "Οργάνωση",
        "email": format!("{}@example.org", name.to_lowercase().replace(' ', ".")),
    })
}

/// Runs each named `async fn(TestApp)` twice: `NAME::on_sqlite` and `NAME::on_postgres`.
#[macro_export]
macro_rules! on_both_databases {
    ($($test:ident),* $(,)?) => {
        $(
            mod $test {
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn on_sqlite() {
                    if let Some(app) = $crate::TestApp::spawn($crate::Backend::Sqlite).await {
                        super::$test(app).await;
                    }
                }

                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn on_postgres() {
                    if let Some(app) = $crate::TestApp::spawn($crate::Backend::Postgres).await {
                        super::$test(app).await;
                    }
                }
            }
        )*
    };
}

/// Runs each named `async fn(Backend)` twice, `NAME::on_sqlite` and `NAME::on_postgres`,
/// for scenarios that start the platform themselves (with their own peers or settings).
#[macro_export]
macro_rules! on_both_backends {
    ($($test:ident),* $(,)?) => {
        $(
            mod $test {
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn on_sqlite() {
                    super::$test($crate::Backend::Sqlite).await;
                }

                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn on_postgres() {
                    super::$test($crate::Backend::Postgres).await;
                }
            }
        )*
    };
}

/// Asserts a problem-details response with `status` and returns its document.
pub async fn expect_problem(response: reqwest::Response, status: u16) -> serde_json::Value {
    assert_eq!(response.status().as_u16(), status);
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
    response.json().await.expect("problem document")
}

/// The `field` of every entry in a 422 problem's `errors`, in order.
pub fn error_fields(problem: &serde_json::Value) -> Vec<String> {
    problem["errors"]
        .as_array()
        .expect("a problem with errors")
        .iter()
        .map(|e| e["field"].as_str().unwrap_or_default().to_string())
        .collect()
}

/// An external tool a test needs: `None` with a SKIPPED message when it is missing outside
/// CI; under `CI=true` a missing tool fails the test (`.ci/run` installs them all).
pub fn required_tool<T>(name: &str, found: Option<T>) -> Option<T> {
    if found.is_some() {
        return found;
    }
    assert!(
        !std::env::var("CI").is_ok_and(|v| v == "true"),
        "{name} is required under CI: .ci/run installs it"
    );
    eprintln!("SKIPPED: {name} is not installed (bash .ci/run installs it)");
    None
}

/// Drafts a meeting of municipality `slug` a week from now with a public and a closed
/// agenda item, and convenes it through the API, as a secretary would (`token`): its
/// `meeting.convened` event is what residents are notified of. Returns the meeting's id.
pub async fn convene(
    client: &reqwest::Client,
    base: &str,
    token: &str,
    slug: &str,
    title: &str,
) -> i64 {
    use chrono::SecondsFormat;
    let starts = chrono::Utc::now() + chrono::Duration::days(7);
    let at = |t: chrono::DateTime<chrono::Utc>| t.to_rfc3339_opts(SecondsFormat::Secs, true);
    let meetings = format!("{base}/api/v1/tenants/{slug}/meetings");
    let post = reqwest::Method::POST;
    let (status, created) = send(
        client,
        &meetings,
        Some(token),
        post.clone(),
        Some(serde_json::json!({
            "title": title,
            "kind": "regular",
            "mode": "in_person",
            "starts_at": at(starts),
            "ends_at": at(starts + chrono::Duration::hours(2)),
            "location": {"name": "Αίθουσα Δημοτικού Συμβουλίου"}
        })),
    )
    .await;
    assert_eq!(status, 201, "{created}");
    let id = created["id"].as_i64().expect("the meeting's id");
    let meeting = format!("{meetings}/{id}");
    for item in [
        serde_json::json!({"title": "Πρόγραμμα εκμάθησης ελληνικών"}),
        serde_json::json!({"title": "Ατομική υπόθεση", "public": false}),
    ] {
        let agenda = format!("{meeting}/agenda");
        let (status, added) = send(client, &agenda, Some(token), post.clone(), Some(item)).await;
        assert_eq!(status, 201, "{added}");
    }
    let convene = format!("{meeting}/convene");
    let (status, convened) = send(client, &convene, Some(token), post, None).await;
    assert_eq!(status, 200, "{convened}");
    id
}

/// Sends a request with an optional bearer token and JSON body; the status and the JSON
/// answer (or its text as a JSON string).
pub async fn send(
    client: &reqwest::Client,
    url: &str,
    token: Option<&str>,
    method: reqwest::Method,
    body: Option<serde_json::Value>,
) -> (u16, serde_json::Value) {
    let mut request = client.request(method, url);
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    if let Some(body) = body {
        request = request.json(&body);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    let text = response.text().await.unwrap();
    (
        status,
        serde_json::from_str(&text).unwrap_or(serde_json::Value::String(text)),
    )
}

/// Checks an iCalendar document with `tools/check_ics.py` (Python's `icalendar`); returns
/// its summary: the calendar's method and each event's UID, SEQUENCE, STATUS, attendees...
pub async fn check_ics(text: &str) -> serde_json::Value {
    use tokio::io::AsyncWriteExt;
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tools/check_ics.py");
    let mut child = tokio::process::Command::new("python3")
        .arg(script)
        .arg("-")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("python3 runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .await
        .unwrap();
    let output = child.wait_with_output().await.unwrap();
    assert!(
        output.status.success(),
        "the calendar does not pass the icalendar check: {}\n{text}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

/// A signed-in administrator of athens (in the showcase) and every page of the workspace
/// for one of its meetings (convened, with a closed item and a document) and for its
/// council: the paths a checker reads with the browser's session cookie (returned).
/// A subscriber of the municipality `slug` (English, meetings and minutes, in a digest),
/// `confirmed` or waiting for it: their id.
pub async fn subscriber_of(app: &TestApp, slug: &str, email: &str, confirmed: bool) -> i64 {
    use notifications::{
        domain::{Cadence, Topic},
        service::subscriptions,
    };
    let (_, tenant) = app.get_json(&format!("/api/v1/tenants/{slug}")).await;
    let choice = subscriptions::Choice {
        topics: vec![Topic::Meetings, Topic::Minutes],
        language: "en".into(),
        cadence: Cadence::Digest,
    };
    let (subscriptions::Requested::Confirm(row) | subscriptions::Requested::AlreadyActive(row)) =
        subscriptions::request(
            &app.context.db,
            tenant["id"].as_i64().unwrap(),
            email,
            &choice,
            72,
            "192.0.2.10",
        )
        .await
        .unwrap();
    if confirmed {
        subscriptions::confirm(&app.context.db, &row.token, "192.0.2.10")
            .await
            .unwrap();
    }
    row.id
}

pub async fn workspace_pages_to_check(app: &TestApp) -> (String, Vec<String>) {
    use council_shared::auth::Role;
    // One of its administrators: staff of its meetings (what a secretary sees) and keeper
    // of its council. A person holds one role per municipality.
    let email = "checker.admin@athens.example.org";
    let roles = [(Role::TenantAdmin, Some("athens"))];
    let token = token_for(&app.context, email, &roles, "check").await;
    let id = convene(
        &app.client,
        &app.base,
        &token,
        "athens",
        "Συνεδρίαση για έλεγχο",
    )
    .await;
    let (_, meeting) = app
        .get_json_as(&token, &format!("/api/v1/tenants/athens/meetings/{id}"))
        .await;
    let item = meeting["agenda"][0]["id"].as_i64().expect("an item");
    let upload = app
        .client
        .post(app.url(&format!(
            "/api/v1/tenants/athens/meetings/{id}/attachments?file_name=programme.pdf&item_id={item}"
        )))
        .bearer_auth(&token)
        .header("content-type", "application/octet-stream")
        .body(b"%PDF-1.4\n%%EOF\n".to_vec())
        .send()
        .await
        .unwrap();
    assert_eq!(upload.status(), 201);
    let doc = upload.json::<serde_json::Value>().await.unwrap()["id"]
        .as_i64()
        .unwrap();
    let browser = browser::Browser::new(app);
    browser.sign_in_by_email(app, email).await;
    let session = browser
        .cookie(council_shared::auth::SESSION_COOKIE)
        .expect("a session cookie");
    let m = format!("/workspace/athens/meetings/{id}");
    let mut paths = vec![
        "/workspace".to_string(),
        "/workspace/athens/meetings".to_string(),
        "/workspace/athens/meetings/new".to_string(),
    ];
    for rest in [
        "",
        "/edit",
        "/agenda/new",
        "/convene",
        "/postpone",
        "/cancel",
        "/attendance",
        "/minutes",
        "/minutes/publish",
    ] {
        paths.push(format!("{m}{rest}"));
    }
    for rest in ["edit", "withdraw", "decision", "documents"] {
        paths.push(format!("{m}/agenda/{item}/{rest}"));
    }
    paths.push(format!("{m}/documents/{doc}/remove"));
    let (_, council) = app
        .get_json_as(&token, "/api/v1/tenants/athens/council/members")
        .await;
    let (_, me) = app.get_json_as(&token, "/api/v1/me").await;
    let member = council["members"][0]["id"]
        .as_i64()
        .unwrap_or_else(|| panic!("a member: {council}; me: {me}"));
    let (status, invited) = send(
        &app.client,
        &app.url("/api/v1/tenants/athens/roles"),
        Some(&token),
        reqwest::Method::POST,
        Some(serde_json::json!({"email": "invited.secretary@example.org", "role": "secretary"})),
    )
    .await;
    assert_eq!(status, 201, "{invited}");
    let grant = invited["id"].as_i64().unwrap();
    let (status, _) = send(
        &app.client,
        &app.url("/api/v1/tenants/athens/access-requests"),
        None,
        reqwest::Method::POST,
        Some(serde_json::json!({
            "full_name": "Ελένη Παππά", "organisation": "ΜΚΟ Αλληλεγγύη",
            "email": "asker@example.org", "role": "council_member",
            "reason": "Είμαι νέο μέλος του ΣΕΜΠ και θέλω να βλέπω τα θέματα."
        })),
    )
    .await;
    assert_eq!(status, 202);
    let (_, requests) = app
        .get_json_as(&token, "/api/v1/tenants/athens/access-requests")
        .await;
    let request = requests[0]["id"].as_i64().expect("a request");
    // A practice of the municipality, with a yearly table and a photo.
    let practice = a_practice_with_a_photo(app, &token, "athens").await;
    let p = format!("/workspace/practices/{practice}");
    for path in [
        "/workspace/practices".to_string(),
        "/workspace/practices/new".to_string(),
        p.clone(),
        format!("{p}/preview"),
    ] {
        paths.push(path);
    }
    for section in [
        "about",
        "organisation",
        "aims",
        "description",
        "places",
        "results",
        "photos",
        "documents",
        "goals",
        "links",
    ] {
        paths.push(format!("{p}/{section}"));
    }
    for path in [
        "/workspace/athens/profile".to_string(),
        "/workspace/athens/requests".to_string(),
        "/workspace/athens/sign-in-provider".to_string(),
        format!("/workspace/athens/requests/{request}"),
        "/workspace/athens/notices".to_string(),
        "/workspace/athens/deliveries".to_string(),
        "/workspace/athens/audit".to_string(),
        "/workspace/athens/subscribers".to_string(),
        "/workspace/athens/subscribers/import".to_string(),
        format!(
            "/workspace/athens/subscribers/{}/erase",
            subscriber_of(app, "athens", "resident@athens.example.org", true).await
        ),
        "/workspace/athens/people".to_string(),
        "/workspace/athens/people/invite".to_string(),
        format!("/workspace/athens/people/{grant}/revoke"),
        "/workspace/athens/council".to_string(),
        "/workspace/athens/council/details".to_string(),
        "/workspace/athens/data-protection".to_string(),
        "/workspace/athens/council/members/new".to_string(),
        format!("/workspace/athens/council/members/{member}/edit"),
        format!("/workspace/athens/council/members/{member}/end"),
        // The person's own account: roles, sessions, tokens, audit entries, the download.
        "/account".to_string(),
    ] {
        paths.push(path);
    }
    (session, paths)
}

/// A 1×1 PNG.
pub const PNG: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 0,
    1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1F, 0x15, 0xC4, 0x89, 0, 0, 0, 0x0A, 0x49, 0x44, 0x41, 0x54,
    0x78, 0x9C, 0x63, 0, 1, 0, 0, 5, 0, 1, 0x0D, 0x0A, 0x2D, 0xB4, 0, 0, 0, 0, 0x49, 0x45, 0x4E,
    0x44, 0xAE, 0x42, 0x60, 0x82,
];

/// A draft practice of municipality `slug` by the holder of `token`, complete, with a
/// yearly table, a link and a photo: its slug.
pub async fn a_practice_with_a_photo(app: &TestApp, token: &str, slug: &str) -> String {
    let mut body = serde_json::json!({
        "title": {"el": "Πρακτική για έλεγχο", "en": "A practice to check"},
        "summary": {"el": "Μαθήματα ελληνικών για ενήλικες."},
        "sector": "municipality",
        "thematic_areas": ["education_language"],
        "organisation": {"name": "Δήμος", "tenant": slug},
        "description": {"el": "Τρία τμήματα την εβδομάδα."},
        "results": [{"label": {"el": "Ωφελούμενοι"}, "figures": {"2022": 120, "2023": 1450}}],
        "sdgs": [4, 10],
        "links": [{"label": "Το πρόγραμμα", "url": "https://www.example.org/programma"}]
    });
    let (status, created) = send(
        &app.client,
        &app.url("/api/v1/practices"),
        Some(token),
        reqwest::Method::POST,
        Some(body.clone()),
    )
    .await;
    assert_eq!(status, 201, "{created}");
    let practice = created["slug"].as_str().unwrap().to_string();
    let uploaded = app
        .client
        .post(app.url(&format!(
            "/api/v1/practices/{practice}/files?file_name=photo.png"
        )))
        .bearer_auth(token)
        .header("content-type", "application/octet-stream")
        .body(PNG.to_vec())
        .send()
        .await
        .unwrap();
    assert_eq!(uploaded.status(), 201);
    let file = uploaded.json::<serde_json::Value>().await.unwrap()["id"].clone();
    body["photos"] = serde_json::json!([{"file": file, "alt": {"el": "Τάξη ενηλίκων"}}]);
    let (status, saved) = send(
        &app.client,
        &app.url(&format!("/api/v1/practices/{practice}")),
        Some(token),
        reqwest::Method::PUT,
        Some(body),
    )
    .await;
    assert_eq!(status, 200, "{saved}");
    practice
}

/// A signed-in operator of the platform (in the showcase) and every operators' page, with
/// a failed delivery and a failed job to show: the paths a checker reads with the
/// browser's session cookie (returned). Piraeus is archived there.
pub async fn platform_pages_to_check(app: &TestApp) -> (String, Vec<String>) {
    use council_shared::auth::Role;
    let email = "checker.operator@platform.example.org";
    token_for(&app.context, email, &[(Role::PlatformAdmin, None)], "check").await;
    let (status, invited) = app
        .post(
            "/api/v1/platform/roles",
            &serde_json::json!({"email": "second.operator@example.org", "role": "platform_admin"}),
        )
        .await;
    assert_eq!(status, 201, "{invited}");
    let (_, athens) = app.get_json("/api/v1/tenants/athens").await;
    {
        use notifications::entities::delivery;
        use sea_orm::{ActiveModelTrait, ActiveValue::Set};
        let now = chrono::Utc::now();
        delivery::ActiveModel {
            tenant_id: Set(athens["id"].as_i64()),
            idempotency_key: Set("check-failed".into()),
            message_id: Set("check-failed@example.org".into()),
            kind: Set("notice".into()),
            recipient: Set("nobody.at.all.with.a.long.address@example.org".into()),
            subject: Set("Πρόσκληση σε συνεδρίαση του Συμβουλίου Ένταξης Μεταναστών".into()),
            text_body: Set("x".into()),
            state: Set("failed".into()),
            attempts: Set(8),
            next_attempt_at: Set(now),
            last_error: Set(Some("550 5.1.1 <nobody@example.org>: Recipient address rejected: User unknown in virtual mailbox table".into())),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(&app.context.db)
        .await
        .expect("a failed delivery");
    }
    notifications::service::jobs::record_outcome(
        &app.context.db,
        "digests",
        chrono::Utc::now(),
        Err("error returned from database: (code: 5) database is locked".into()),
    )
    .await
    .expect("a failure recorded");
    let leaving =
        tenants::identity::users::find_or_create(&app.context.db, "leaving@example.org", None)
            .await
            .expect("an account to erase");
    let browser = browser::Browser::new(app);
    browser.sign_in_by_email(app, email).await;
    let session = browser
        .cookie(council_shared::auth::SESSION_COOKIE)
        .expect("a session cookie");
    let m = "/workspace/platform/municipalities";
    let paths = vec![
        "/workspace".to_string(),
        m.to_string(),
        format!("{m}/new"),
        format!("{m}/athens/edit"),
        format!("{m}/athens/administrator"),
        format!("{m}/athens/archive"),
        format!("{m}/piraeus/restore"),
        "/workspace/platform/roles".to_string(),
        "/workspace/platform/roles/invite".to_string(),
        format!("/workspace/platform/roles/{}/revoke", invited["id"]),
        "/workspace/platform/deliveries".to_string(),
        "/workspace/platform/deliveries?state=failed".to_string(),
        "/workspace/platform/jobs".to_string(),
        "/workspace/platform/themes".to_string(),
        "/workspace/platform/themes/new".to_string(),
        "/workspace/platform/themes/employment/edit".to_string(),
        "/workspace/platform/themes/employment/remove".to_string(),
        // Accounts: a search with results, an erasure to confirm.
        "/workspace/platform/accounts?q=example".to_string(),
        format!("/workspace/platform/accounts/{}/erase", leaving.id),
    ];
    let mut paths = paths;
    paths.extend(moderation_pages(app).await);
    (session, paths)
}

/// The moderators' pages with something on each: an update of a published practice
/// waiting for review (its changes shown word by word), a reader's message waiting, and a
/// municipality's adoption to withdraw; and the public page with the adoption form.
async fn moderation_pages(app: &TestApp) -> Vec<String> {
    let (_, found) = app.get_json("/api/v1/practices?per_page=1").await;
    let slug = found["items"][0]["slug"]
        .as_str()
        .expect("a demo practice")
        .to_string();
    let (_, detail) = app.get_json(&format!("/api/v1/practices/{slug}")).await;
    let mut update = detail["published"].clone();
    update["description"]["el"] = serde_json::Value::String(format!(
        "{} Προστέθηκαν μαθήματα ελληνικών.",
        update["description"]["el"].as_str().unwrap_or_default()
    ));
    let (status, saved) = app.put(&format!("/api/v1/practices/{slug}"), &update).await;
    assert_eq!(status, 200, "{saved}");
    let (status, submitted) = app
        .post(
            &format!("/api/v1/practices/{slug}/submit"),
            &serde_json::json!({}),
        )
        .await;
    assert_eq!(status, 200, "{submitted}");
    let db = &app.context.db;
    let practice = practices::service::find(db, &slug)
        .await
        .expect("the practice");
    practices::service::community::give_feedback(
        db,
        &practice,
        Some("Μαρία".into()),
        "reader@example.org".into(),
        "Θα το δοκιμάσουμε στη γειτονιά μας.".into(),
    )
    .await
    .expect("a message");
    let (status, adopted) = app
        .post(
            &format!("/api/v1/practices/{slug}/adoptions"),
            &serde_json::json!({"tenant": "athens", "note": "Το εφαρμόζουμε."}),
        )
        .await;
    assert_eq!(status, 201, "{adopted}");
    let review = format!("/workspace/moderation/practices/{slug}");
    vec![
        "/workspace/moderation".to_string(),
        review.clone(),
        format!("{review}/publish"),
        "/workspace/moderation/feedback".to_string(),
        format!("/workspace/moderation/adoptions/{slug}"),
        format!("/workspace/moderation/adoptions/{slug}/athens/withdraw"),
        format!("/practices/{slug}"),
    ]
}

/// The people of these tests read Greek, like most of the platform's users (a reader with
/// no language the platform speaks gets English); tests of other languages ask for theirs.
pub fn reads_greek() -> reqwest::header::HeaderMap {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(
        reqwest::header::ACCEPT_LANGUAGE,
        reqwest::header::HeaderValue::from_static("el-GR,el;q=0.9"),
    );
    headers
}

/// `count` residents of the municipality `tenant_id`, `r0@example.org` on, who subscribed to
/// its meetings (from a documentation address, 192.0.2.10) and confirmed, in one transaction.
pub async fn confirmed_residents(db: &sea_orm::DatabaseConnection, tenant_id: i64, count: usize) {
    use notifications::{
        domain::{Cadence, Topic},
        service::subscriptions::{self, Choice, Requested},
    };
    let choice = Choice {
        topics: vec![Topic::Meetings],
        language: "el".into(),
        cadence: Cadence::Immediate,
    };
    // Writing from the start: a transaction that reads first cannot become a writer once
    // a running server has written meanwhile.
    let txn = council_shared::database::begin_write(db).await.unwrap();
    for n in 0..count {
        let email = format!("r{n}@example.org");
        let requested = subscriptions::request(&txn, tenant_id, &email, &choice, 72, "192.0.2.10")
            .await
            .unwrap();
        let Requested::Confirm(row) = requested else {
            panic!("{email} is new");
        };
        subscriptions::confirm(&txn, &row.token, "192.0.2.10")
            .await
            .unwrap();
    }
    txn.commit().await.unwrap();
}

/// The files under `folder` at any depth, by path relative to it, with their bytes (none
/// when the folder does not exist).
pub fn files_under(folder: &std::path::Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    let mut found = std::collections::BTreeMap::new();
    let Ok(entries) = std::fs::read_dir(folder) else {
        return found;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().to_string();
        if path.is_dir() {
            for (inner, bytes) in files_under(&path) {
                found.insert(format!("{name}/{inner}"), bytes);
            }
        } else {
            found.insert(name, std::fs::read(&path).unwrap());
        }
    }
    found
}

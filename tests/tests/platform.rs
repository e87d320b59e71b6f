//! What every deployment relies on: health, readiness, request ids, the OpenAPI documents,
//! each service on its own, and several instances sharing one PostgreSQL database.

use council_shared::app::{Application, Context, api_routes, openapi_service};
use integration_tests::{
    Backend, DropDatabaseOnExit, TestApp, fresh_database, on_both_databases, test_settings,
};

async fn health_and_readiness_answer(app: TestApp) {
    let (status, health) = app.get_json("/healthz").await;
    assert_eq!((status, health["status"].as_str()), (200, Some("ok")));
    let (status, ready) = app.get_json("/readyz").await;
    assert_eq!((status, ready["database"].as_str()), (200, Some("ok")));
}

async fn readiness_fails_when_the_database_is_gone(app: TestApp) {
    app.context.db.clone().close().await.unwrap();
    let response = app.get("/readyz").await;
    assert_eq!(response.status(), 503);
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
    let (status, _) = app.get_json("/healthz").await;
    assert_eq!(status, 200, "the process itself is still healthy");
}

async fn request_ids_are_echoed_or_created(app: TestApp) {
    let response = app
        .client
        .get(app.url("/healthz"))
        .header("x-request-id", "abc-123")
        .send()
        .await
        .unwrap();
    assert_eq!(response.headers()["x-request-id"], "abc-123");
    let response = app
        .client
        .get(app.url("/healthz"))
        .header("x-request-id", "bad id\twith junk")
        .send()
        .await
        .unwrap();
    let created = response.headers()["x-request-id"]
        .to_str()
        .unwrap()
        .to_string();
    assert_eq!(
        created.len(),
        36,
        "an unusable id is replaced by a UUID: {created}"
    );
}

async fn one_merged_openapi_document_describes_every_service(app: TestApp) {
    let (status, spec) = app.get_json("/api/openapi.json").await;
    assert_eq!(status, 200);
    assert!(spec["openapi"].as_str().unwrap().starts_with("3."));
    let paths = spec["paths"].as_object().unwrap();
    for path in [
        "/tenants",
        "/tenants/{slug}",
        "/tenants/{slug}/council",
        "/tenants/{slug}/council/members/{id}",
        "/me",
        "/me/tokens",
        "/tenants/{slug}/roles",
        "/tenants/{slug}/audit",
    ] {
        assert!(paths.contains_key(path), "{path} is documented");
    }
    assert_eq!(spec["servers"][0]["url"], "/api/v1");
    assert!(spec["components"]["securitySchemes"]["bearerToken"].is_object());
    assert!(spec["components"]["securitySchemes"]["sessionCookie"].is_object());
    assert!(spec["components"]["schemas"]["Problem"].is_object());
    let create = &spec["paths"]["/tenants"]["post"]["responses"];
    for status in ["201", "401", "403", "409", "413", "422"] {
        assert!(
            create[status].is_object(),
            "POST /tenants documents {status}"
        );
    }
    let docs = app.get("/api/docs/").await;
    assert_eq!(docs.status(), 200);
    assert!(docs.text().await.unwrap().contains("swagger"));
}

async fn a_write_shows_at_once_on_the_instance_that_made_it(app: TestApp) {
    app.create_tenant("naxos").await;
    let (_, before) = app.get_json("/api/v1/tenants/naxos").await;
    let page_before = app.get("/municipalities/naxos").await.text().await.unwrap();
    assert!(page_before.contains("Δήμος Δοκιμής"));
    assert_eq!(before["name"]["el"], "Δήμος Δοκιμής");

    app.put(
        "/api/v1/tenants/naxos",
        &serde_json::json!({"name": {"el": "Δήμος Νάξου", "en": "Naxos"}, "region": {"el": "Νότιο Αιγαίο"}}),
    )
    .await;
    let (_, after) = app.get_json("/api/v1/tenants/naxos").await;
    assert_eq!(after["name"]["el"], "Δήμος Νάξου");
    let page_after = app.get("/municipalities/naxos").await.text().await.unwrap();
    assert!(page_after.contains("<h1>Δήμος Νάξου</h1>"));
    let (_, list) = app.get_json("/api/v1/tenants").await;
    assert_eq!(list["items"][0]["name"]["el"], "Δήμος Νάξου");
}

async fn cached_views_go_compressed_to_clients_that_accept_gzip(app: TestApp) {
    use std::io::Read;

    app.load_demo_data().await;
    for path in [
        "/api/v1/tenants/athens",
        "/api/v1/tenants/athens/council",
        "/municipalities/athens",
        "/",
    ] {
        let plain = app.get(path).await;
        assert!(
            plain.headers().get("content-encoding").is_none(),
            "{path}: plain unless asked"
        );
        let vary: Vec<_> = plain
            .headers()
            .get_all("vary")
            .iter()
            .map(|v| v.to_str().unwrap().to_string())
            .collect();
        assert!(
            vary.iter().any(|v| v.contains("Accept-Encoding")),
            "{path}: Vary {vary:?}"
        );
        let plain = plain.bytes().await.unwrap();

        let compressed = app
            .client
            .get(app.url(path))
            .header("accept-encoding", "br;q=1.0, gzip;q=0.8")
            .send()
            .await
            .unwrap();
        assert_eq!(compressed.status(), 200);
        assert_eq!(compressed.headers()["content-encoding"], "gzip", "{path}");
        let gzip = compressed.bytes().await.unwrap();
        assert!(
            gzip.len() * 2 < plain.len(),
            "{path}: {} → {} bytes",
            plain.len(),
            gzip.len()
        );
        let mut decoded = Vec::new();
        flate2::read::GzDecoder::new(&gzip[..])
            .read_to_end(&mut decoded)
            .unwrap();
        assert_eq!(decoded, plain, "{path}: the same document either way");
    }
    let problem = app
        .client
        .get(app.url("/api/v1/tenants/atlantis"))
        .header("accept-encoding", "gzip")
        .send()
        .await
        .unwrap();
    assert!(
        problem.headers().get("content-encoding").is_none(),
        "only cached views are precompressed"
    );
}

async fn an_unchanged_view_is_a_bodiless_304_and_a_write_changes_its_etag(app: TestApp) {
    app.create_tenant("sifnos").await;
    for path in ["/api/v1/tenants/sifnos", "/municipalities/sifnos"] {
        let first = app.get(path).await;
        assert_eq!(first.headers()["cache-control"], "no-cache", "{path}");
        let etag = first.headers()["etag"].to_str().unwrap().to_string();
        assert!(etag.starts_with("W/\""), "{path}: {etag}");

        let again = app
            .client
            .get(app.url(path))
            .header("if-none-match", &etag)
            .send()
            .await
            .unwrap();
        assert_eq!(again.status(), 304, "{path}");
        assert_eq!(again.headers()["etag"].to_str().unwrap(), etag);
        assert!(again.bytes().await.unwrap().is_empty());
    }
    let before = app.get("/api/v1/tenants/sifnos").await.headers()["etag"].clone();
    app.put(
        "/api/v1/tenants/sifnos",
        &serde_json::json!({"name": {"el": "Δήμος Σίφνου", "en": "Sifnos"}, "region": {"el": "Νότιο Αιγαίο"}}),
    )
    .await;
    let after = app
        .client
        .get(app.url("/api/v1/tenants/sifnos"))
        .header("if-none-match", before.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(after.status(), 200, "a changed view is sent again");
    assert_ne!(after.headers()["etag"], before);
}

on_both_databases!(
    an_unchanged_view_is_a_bodiless_304_and_a_write_changes_its_etag,
    cached_views_go_compressed_to_clients_that_accept_gzip,
    a_write_shows_at_once_on_the_instance_that_made_it,
    health_and_readiness_answer,
    readiness_fails_when_the_database_is_gone,
    request_ids_are_echoed_or_created,
    one_merged_openapi_document_describes_every_service,
);

/// Starts one service alone, as its own binary does.
async fn single_service(
    backend: Backend,
    routes: impl FnOnce(&Context) -> poem::Route,
) -> Option<TestApp> {
    let data_dir = tempfile::tempdir().unwrap();
    let url = fresh_database(backend, data_dir.path()).await?;
    let context = Context::build(test_settings(data_dir.path(), &url))
        .await
        .unwrap();
    let app = Application::bind(&context, routes(&context)).await.unwrap();
    Some(TestApp::start(app, backend, context, data_dir).await)
}

#[tokio::test]
async fn a_service_binary_serves_only_its_own_api() {
    let notifications = single_service(Backend::Sqlite, |context| {
        let core = notifications::Notifications::new(
            context.db.clone(),
            context.mailer.clone(),
            &context.settings,
            tenants::public::TenantReads::from_context(context),
            None,
            "http://127.0.0.1".into(),
        )
        .unwrap();
        api_routes(openapi_service(
            notifications::NotificationsApi { core },
            notifications::OPENAPI_TITLE,
        ))
    })
    .await
    .unwrap();
    let (_, spec) = notifications.get_json("/api/openapi.json").await;
    assert_eq!(spec["info"]["title"], notifications::OPENAPI_TITLE);
    let paths: Vec<&String> = spec["paths"].as_object().unwrap().keys().collect();
    assert!(
        paths.contains(&&"/tenants/{slug}/subscriptions".to_string()),
        "its own operations: {paths:?}"
    );
    assert!(
        paths.iter().all(|p| p.contains("subscriptions")
            || p.contains("subscribers")
            || p.contains("notification")
            || p.contains("deliveries")
            || p.as_str() == "/platform/jobs"),
        "and no other service's: {paths:?}"
    );
    assert_eq!(notifications.get("/api/v1/tenants").await.status(), 404);
    assert_eq!(notifications.get("/healthz").await.status(), 200);
    assert_eq!(
        notifications.get("/").await.status(),
        404,
        "no web pages in a service binary"
    );

    let tenants_alone = single_service(Backend::Sqlite, |context| {
        api_routes(openapi_service(
            tenants::TenantsApi::from_context(context),
            tenants::OPENAPI_TITLE,
        ))
    })
    .await
    .unwrap();
    let (status, _) = tenants_alone.get_json("/api/v1/tenants").await;
    assert_eq!(status, 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn several_instances_can_start_on_one_postgres_database_at_once() {
    let data_dir = tempfile::tempdir().unwrap();
    let Some(url) = fresh_database(Backend::Postgres, data_dir.path()).await else {
        return;
    };
    let _cleanup = DropDatabaseOnExit::for_url(&url);
    let starts = (0..4).map(|_| Context::build(test_settings(data_dir.path(), &url)));
    let contexts = futures_join(starts).await;
    for context in &contexts {
        assert!(
            context.is_ok(),
            "an instance failed to start: {:?}",
            context.as_ref().err()
        );
    }
    let db = &contexts[0].as_ref().unwrap().db;
    let created = tenants::service::tenants::count(db).await.unwrap();
    assert_eq!(created, 0, "the schema exists once and is usable");
}

async fn futures_join<F>(futures: impl Iterator<Item = F>) -> Vec<F::Output>
where
    F: std::future::Future + Send + 'static,
    F::Output: Send + 'static,
{
    let handles: Vec<_> = futures.map(tokio::spawn).collect();
    let mut results = Vec::new();
    for handle in handles {
        results.push(handle.await.unwrap());
    }
    results
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn another_instance_sees_a_write_within_the_cache_lifetime() {
    let short_cache =
        |settings: &mut council_shared::settings::Settings| settings.cache.ttl_ms = 300;
    let data_dir = tempfile::tempdir().unwrap();
    let Some(url) = fresh_database(Backend::Postgres, data_dir.path()).await else {
        return;
    };
    let _cleanup = DropDatabaseOnExit::for_url(&url);
    let first = TestApp::spawn_on(Backend::Postgres, &url, short_cache).await;
    let second = TestApp::spawn_on(Backend::Postgres, &url, short_cache).await;
    first.create_tenant("paros").await;
    let (status, _) = second.get_json("/api/v1/tenants/paros").await;
    assert_eq!(status, 200, "the second instance reads the shared database");

    first
        .put(
            "/api/v1/tenants/paros",
            &serde_json::json!({"name": {"el": "Δήμος Πάρου", "en": "Paros"}, "region": {"el": "Νότιο Αιγαίο"}}),
        )
        .await;
    tokio::time::sleep(std::time::Duration::from_millis(400)).await;
    let (_, seen) = second.get_json("/api/v1/tenants/paros").await;
    assert_eq!(seen["name"]["el"], "Δήμος Πάρου");
    let page = second
        .get("/municipalities/paros")
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("<h1>Δήμος Πάρου</h1>"));
}

/// Behind a load balancer each request may reach another instance: on PostgreSQL a file
/// uploaded through one downloads from the others, byte for byte, and is gone from all of
/// them once removed. Files an instance kept on its disk before move into the database
/// with `council files to-database`.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_file_uploaded_through_one_instance_downloads_from_another() {
    use council_shared::files::{DatabaseStore, FileStore, LocalDisk, database, disk_folder};
    use sha2::Digest;
    let data_dir = tempfile::tempdir().unwrap();
    let Some(url) = fresh_database(Backend::Postgres, data_dir.path()).await else {
        return;
    };
    let _cleanup = DropDatabaseOnExit::for_url(&url);
    let first = TestApp::spawn_on(Backend::Postgres, &url, |_| {}).await;
    let second = TestApp::spawn_on(Backend::Postgres, &url, |_| {}).await;

    let (status, draft) = first
        .post(
            "/api/v1/practices",
            &serde_json::json!({"title": {"el": "Αρχείο σε δύο διακομιστές"}}),
        )
        .await;
    assert_eq!(status, 201, "{draft}");
    let slug = draft["slug"].as_str().unwrap();
    // Larger than a chunk of the database's store, and not a multiple of it.
    let mut pdf = b"%PDF-1.4\n".to_vec();
    pdf.extend((0..database::CHUNK_BYTES * 2 + 1234).map(|n| (n % 251) as u8));
    pdf.extend_from_slice(b"\n%%EOF\n");
    let upload = first
        .upload(
            &format!("/api/v1/practices/{slug}/files?file_name=report.pdf"),
            &pdf,
        )
        .await;
    assert_eq!(upload.status().as_u16(), 201);
    let stored: serde_json::Value = upload.json().await.unwrap();
    assert_eq!(stored["sha512"], hex::encode(sha2::Sha512::digest(&pdf)));
    let file = format!("/api/v1/practices/{slug}/files/{}", stored["id"]);
    for instance in [&first, &second] {
        let download = instance
            .client
            .get(instance.url(&file))
            .bearer_auth(&instance.token)
            .send()
            .await
            .unwrap();
        assert_eq!(download.status().as_u16(), 200, "{}", instance.base);
        assert_eq!(download.headers()["content-type"], "application/pdf");
        assert_eq!(
            download.bytes().await.unwrap().to_vec(),
            pdf,
            "byte for byte"
        );
    }
    // Nothing of it was written to either instance's disk.
    for instance in [&first, &second] {
        let folder = disk_folder(instance.data_dir.path(), "practices");
        let on_disk = integration_tests::files_under(&folder);
        assert!(on_disk.is_empty(), "{:?}", on_disk.keys());
    }
    let removed = second
        .client
        .delete(second.url(&file))
        .bearer_auth(&second.token)
        .send()
        .await
        .unwrap();
    assert_eq!(removed.status().as_u16(), 204);
    let gone = first
        .client
        .get(first.url(&file))
        .bearer_auth(&first.token)
        .send()
        .await
        .unwrap();
    assert_eq!(gone.status().as_u16(), 404);

    // A file kept on disk by an earlier single instance: copied once, then found.
    let disk = LocalDisk::new(disk_folder(first.data_dir.path(), "meetings")).unwrap();
    let (key, mut written) = disk.create().await.unwrap();
    written.write(&pdf).await.unwrap();
    written.finish().await.unwrap();
    disk.commit(&key).await.unwrap();
    let copied = council::files_to_database(&first.context).await.unwrap();
    assert_eq!(
        copied,
        [
            (
                "meetings",
                database::Copied {
                    copied: 1,
                    already: 0
                }
            ),
            (
                "practices",
                database::Copied {
                    copied: 0,
                    already: 0
                }
            ),
        ]
    );
    let again = council::files_to_database(&first.context).await.unwrap();
    assert_eq!(
        again[0].1,
        database::Copied {
            copied: 0,
            already: 1
        },
        "run twice"
    );
    let store = DatabaseStore::new(second.context.db.clone(), "meetings").unwrap();
    let mut read = Vec::new();
    tokio::io::AsyncReadExt::read_to_end(&mut store.open(&key).await.unwrap(), &mut read)
        .await
        .unwrap();
    assert_eq!(read, pdf);
    // Reads across a chunk's edge, as the upload's type check does.
    let edge = database::CHUNK_BYTES as u64 - 3;
    assert_eq!(
        store.read_at(&key, edge, 10).await.unwrap(),
        pdf[edge as usize..edge as usize + 10]
    );
}

/// `/metrics` as a Prometheus scraper reads it: off unless a token is set, then only for
/// that token, and text that `promtool check metrics` accepts, with the requests by route
/// template, the database pool, the deliveries and the cache.
async fn metrics_are_prometheus_text_behind_a_token(backend: Backend) {
    let token = "scraper-token-for-the-tests";
    let Some(app) = TestApp::spawn_with(backend, |settings| {
        settings.server.metrics_token = Some(token.to_string().into());
    })
    .await
    else {
        return;
    };
    app.create_tenant("alpha").await;
    for path in [
        "/municipalities/alpha",
        "/api/v1/tenants/alpha",
        "/no-such-page",
    ] {
        app.get(path).await;
    }
    assert_eq!(app.get("/metrics").await.status(), 401, "no token");
    let wrong = app
        .client
        .get(app.url("/metrics"))
        .bearer_auth("not-the-token")
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), 401);
    let scraped = app
        .client
        .get(app.url("/metrics"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(scraped.status(), 200);
    assert!(
        scraped.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/plain; version=0.0.4")
    );
    let text = scraped.text().await.unwrap();
    for expected in [
        r#"council_http_requests_total{method="GET",route="/municipalities/{slug}",status="200"}"#,
        r#"council_http_requests_total{method="GET",route="unmatched",status="404"}"#,
        r#"council_http_request_duration_seconds_bucket{method="GET",route="/api/v1/tenants/{slug}",status="200",le="0.005"}"#,
        r#"council_db_pool_connections{state="open"}"#,
        r#"council_deliveries{state="queued"}"#,
        "council_delivery_queue_age_seconds",
        r#"council_cache_lookups_total{result="#,
    ] {
        assert!(text.contains(expected), "{expected} in:\n{text}");
    }
    let promtool = ["/usr/bin/promtool", "promtool"].into_iter().find(|path| {
        std::process::Command::new(path)
            .arg("--version")
            .output()
            .is_ok()
    });
    let Some(promtool) = integration_tests::required_tool("promtool (Debian prometheus)", promtool)
    else {
        return;
    };
    let mut check = std::process::Command::new(promtool)
        .args(["check", "metrics"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    check
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let checked = check.wait_with_output().unwrap();
    assert!(
        checked.status.success(),
        "promtool: {}{}",
        String::from_utf8_lossy(&checked.stdout),
        String::from_utf8_lossy(&checked.stderr)
    );
}

/// Off by default: no token, no `/metrics`.
async fn metrics_are_off_without_a_token(app: TestApp) {
    assert_eq!(app.get("/metrics").await.status(), 404);
}

integration_tests::on_both_backends!(metrics_are_prometheus_text_behind_a_token);
on_both_databases!(metrics_are_off_without_a_token);

/// PostgreSQL restarts under two instances (a server of the test's own, so no other test
/// is disturbed): `/readyz` reports the outage on both meanwhile, both are ready again
/// within 5 s of its return, what was acknowledged before is still there, and writes go
/// through again on either.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn instances_recover_within_five_seconds_when_postgres_restarts() {
    use std::time::{Duration, Instant};
    let Some(postgres) = integration_tests::postgres::PrivatePostgres::start() else {
        return;
    };
    let admin = sea_orm::Database::connect(postgres.url("postgres"))
        .await
        .unwrap();
    sea_orm::ConnectionTrait::execute_unprepared(&admin, "CREATE DATABASE council")
        .await
        .unwrap();
    admin.close().await.unwrap();
    let url = postgres.url("council");
    let first = TestApp::spawn_on(Backend::Postgres, &url, |_| {}).await;
    let second = TestApp::spawn_on(Backend::Postgres, &url, |_| {}).await;
    first.create_tenant("alpha").await;

    async fn ready(app: &TestApp) -> u16 {
        app.client
            .get(app.url("/readyz"))
            .timeout(Duration::from_secs(4))
            .send()
            .await
            .map_or(0, |r| r.status().as_u16())
    }
    postgres.stop();
    for app in [&first, &second] {
        let deadline = Instant::now() + Duration::from_secs(10);
        while ready(app).await != 503 {
            assert!(
                Instant::now() < deadline,
                "/readyz did not report the outage"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
    postgres.start_again();
    let back = Instant::now();
    for app in [&first, &second] {
        while ready(app).await != 200 {
            assert!(
                back.elapsed() < Duration::from_secs(5),
                "{} not ready 5 s after PostgreSQL came back",
                app.base
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
    let (status, alpha) = second.get_json("/api/v1/tenants/alpha").await;
    assert_eq!(status, 200, "the acknowledged write survived: {alpha}");
    second.create_tenant("beta").await;
    let (status, _) = first.get_json("/api/v1/tenants/beta").await;
    assert_eq!(status, 200, "and a new one is seen by the other instance");
}

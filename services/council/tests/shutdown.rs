//! The real `council serve` stopped with SIGTERM in the middle of a fan-out to 1,000
//! residents, as a container runtime or systemd stops it: `/readyz` turns unready at once
//! while pages are still served (so a load balancer stops sending), then the process
//! finishes what it holds and exits by itself. Nothing is left in flight for a lease to
//! take up, and after a restart every resident has the notice exactly once.

mod support;

use std::time::{Duration, Instant};

use integration_tests::smtp::messages_in;
use notifications::entities::delivery;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use support::{
    RESIDENTS, Scene, Server, convene_for_residents, council, kept, recipients, status_of,
    wait_until_all_sent, wait_until_kept,
};

/// How long `/readyz` says "draining" while requests are still served.
const DRAIN_SECONDS: u64 = 2;
const GRACE_SECONDS: u64 = 10;

async fn deliveries_in(data: &std::path::Path, state: &str) -> u64 {
    delivery::Entity::find()
        .filter(delivery::Column::State.eq(state))
        .count(&support::database(data).await)
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_turns_unready_first_then_finishes_what_it_holds_and_exits() {
    let Some(scene) = Scene::new().await else {
        return;
    };
    let (data, maildir, smtp) = (&scene.data, &scene.maildir, &scene.smtp);
    let (client, token) = (&scene.client, &scene.token);
    let mut serve = council(data, smtp.port, &["serve", "--bind", "127.0.0.1:0"]);
    serve
        .env("COUNCIL__SERVER__DRAIN_SECONDS", DRAIN_SECONDS.to_string())
        .env(
            "COUNCIL__SERVER__SHUTDOWN_GRACE_SECONDS",
            GRACE_SECONDS.to_string(),
        );
    let mut first = Server::spawn(serve);
    convene_for_residents(client, &first, data, token).await;
    let ready = format!("{}/readyz", first.base);
    assert_eq!(status_of(client, &ready).await, 200);

    wait_until_kept(maildir, 100).await;
    let terminated = Instant::now();
    first.terminate();

    // Unready at once; the pages and the API still answer while the balancer notices.
    let deadline = Instant::now() + Duration::from_secs(1);
    while status_of(client, &ready).await != 503 {
        assert!(
            Instant::now() < deadline,
            "/readyz still ready a second after SIGTERM"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let draining = client.get(&ready).send().await.unwrap();
    assert_eq!(draining.status().as_u16(), 503);
    let problem: serde_json::Value = draining.json().await.unwrap();
    assert!(
        problem["detail"]
            .as_str()
            .unwrap_or_default()
            .contains("shutting down"),
        "{problem}"
    );
    for page in ["/healthz", "/municipalities/alpha", "/api/v1/tenants/alpha"] {
        let url = format!("{}{page}", first.base);
        assert_eq!(status_of(client, &url).await, 200, "{page} while draining");
    }
    assert!(
        terminated.elapsed() < Duration::from_secs(DRAIN_SECONDS),
        "the checks above ran within the drain"
    );

    // Then it leaves by itself, successfully.
    let exited = first
        .exited_within(Duration::from_secs(DRAIN_SECONDS + GRACE_SECONDS + 5))
        .expect("the server exits after SIGTERM");
    assert!(exited.success(), "{exited:?}");
    assert!(
        terminated.elapsed() >= Duration::from_secs(DRAIN_SECONDS),
        "it served through the drain"
    );
    // What it claimed it sent and recorded: nothing waits for a lease, and every
    // delivery marked sent is a message the residents' server has.
    assert_eq!(
        deliveries_in(data, "in_flight").await,
        0,
        "nothing left in flight"
    );
    let sent = deliveries_in(data, "sent").await;
    let at_exit = kept(maildir);
    assert_eq!(sent as usize, at_exit, "recorded as sent = arrived");
    assert!(
        at_exit < RESIDENTS,
        "stopped before the fan-out ended ({at_exit})"
    );

    // A restart sends the rest, each once.
    let second = Server::start(data, smtp.port);
    wait_until_all_sent(client, &second, token).await;
    let received = messages_in(maildir);
    assert_eq!(
        received.len(),
        RESIDENTS,
        "no resident got the notice twice"
    );
    assert_eq!(recipients(&received).len(), RESIDENTS, "every resident");
    drop(second);
}

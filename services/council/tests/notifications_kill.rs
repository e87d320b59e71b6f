//! The real `council serve` killed with SIGKILL in the middle of a fan-out to 1,000
//! residents, then started again on the same data folder: every resident gets the notice,
//! and only what was in flight when it died (at most `notifications.in_flight` messages) goes
//! out twice. What the residents' mail server kept (aiosmtpd, a Maildir) is the evidence.

use std::{
    collections::HashSet,
    io::{BufRead, BufReader},
    path::Path,
    process::{Child, Command, Stdio},
    time::{Duration, Instant},
};

use council_shared::settings::Settings;
use integration_tests::smtp::{header, messages_in, start_smtp_server};
use notifications::{
    domain::{Cadence, Topic},
    service::subscriptions::{self, Choice, Requested},
};
use sea_orm::TransactionTrait;
use serde_json::json;

const RESIDENTS: usize = 1000;
/// The in-flight bound: deliveries handed to the mail server at once.
const WORKERS: usize = 8;
/// Claimed and not yet recorded at most: what a crash may send twice.
const IN_FLIGHT: usize = 16;
/// Short, so the deliveries the killed server left in flight are taken up again soon.
const LEASE_SECONDS: u64 = 3;
const OPERATOR: &str = "ops@example.org";

/// `council ARGS --data-dir DATA` on SQLite, sending to the SMTP server on `smtp_port`.
fn council(data: &Path, smtp_port: u16, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_council"));
    command
        .args(args)
        .arg("--data-dir")
        .arg(data)
        .env_remove("DATABASE_URL")
        .env("COUNCIL__LOG__FILTER", "warn")
        .env("COUNCIL__MAIL__SMTP__HOST", "127.0.0.1")
        .env("COUNCIL__MAIL__SMTP__PORT", smtp_port.to_string())
        .env("COUNCIL__MAIL__SMTP__TLS", "none")
        .env("COUNCIL__NOTIFICATIONS__WORKERS", WORKERS.to_string())
        .env("COUNCIL__NOTIFICATIONS__IN_FLIGHT", IN_FLIGHT.to_string())
        .env(
            "COUNCIL__NOTIFICATIONS__IN_FLIGHT_LEASE_SECONDS",
            LEASE_SECONDS.to_string(),
        )
        .env("COUNCIL__NOTIFICATIONS__POLL_MS", "50")
        // Events are read every second rather than every five, to keep the test short.
        .env("COUNCIL__NOTIFICATIONS__EVENTS_SCHEDULE", "* * * * * *");
    command
}

/// Runs a `council` command that must succeed; its standard output.
fn run(data: &Path, smtp_port: u16, args: &[&str]) -> String {
    let output = council(data, smtp_port, args)
        .output()
        .expect("council runs");
    assert!(output.status.success(), "council {args:?}: {output:?}");
    String::from_utf8_lossy(&output.stdout).trim().to_string()
}

/// A running `council serve`, killed when dropped.
struct Server {
    child: Child,
    base: String,
}

impl Server {
    fn start(data: &Path, smtp_port: u16) -> Self {
        let mut child = council(data, smtp_port, &["serve", "--bind", "127.0.0.1:0"])
            .stdout(Stdio::piped())
            .spawn()
            .expect("council serve starts");
        let mut lines = BufReader::new(child.stdout.take().expect("piped")).lines();
        let first = lines
            .next()
            .and_then(Result::ok)
            .unwrap_or_else(|| panic!("council serve said nothing: {:?}", child.try_wait()));
        let base = first
            .strip_prefix("ΣΕΜΠ platform running at ")
            .unwrap_or_else(|| panic!("unexpected first line: {first}"))
            .trim_end_matches('/')
            .to_string();
        // Whatever else it prints is read, so the server never waits on a full pipe.
        std::thread::spawn(move || lines.for_each(drop));
        Self { child, base }
    }

    /// SIGKILL (what `Child::kill` sends on Unix): no shutdown, no cleanup.
    fn kill(mut self) {
        self.child.kill().expect("SIGKILL");
        self.child.wait().expect("the killed server is reaped");
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// How many messages the mail server has kept (delivered in full: aiosmtpd moves a message
/// into `new/` only when it has all of it).
fn kept(maildir: &Path) -> usize {
    std::fs::read_dir(maildir.join("new")).map_or(0, |entries| entries.count())
}

fn recipients(messages: &[String]) -> HashSet<String> {
    messages
        .iter()
        .filter_map(|m| header(m, "To"))
        .map(str::to_string)
        .collect()
}

/// 1,000 residents of the municipality who subscribed to its meetings and confirmed.
async fn subscribe_residents(data: &Path, tenant_id: i64) {
    let settings = Settings {
        data_dir: data.to_path_buf(),
        ..Settings::default()
    };
    let db = council_shared::database::connect(&settings)
        .await
        .expect("the server's SQLite file");
    let choice = Choice {
        topics: vec![Topic::Meetings],
        language: "el".into(),
        cadence: Cadence::Immediate,
    };
    let txn = db.begin().await.unwrap();
    for n in 0..RESIDENTS {
        let requested =
            subscriptions::request(&txn, tenant_id, &format!("r{n}@example.org"), &choice, 72)
                .await
                .unwrap();
        let Requested::Confirm(row) = requested else {
            panic!("r{n} is new");
        };
        subscriptions::confirm(&txn, &row.token).await.unwrap();
    }
    txn.commit().await.unwrap();
    db.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_killed_mid_fan_out_delivers_everything_after_restart_within_the_in_flight_bound()
{
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let maildir = dir.path().join("maildir");
    let Some(smtp) = start_smtp_server(&maildir).await else {
        return;
    };
    let client = reqwest::Client::new();

    // An operator's token, made the way the installation guide says.
    run(&data, smtp.port, &["admin", "create", "--email", OPERATOR]);
    let token = run(
        &data,
        smtp.port,
        &[
            "token",
            "create",
            "--email",
            OPERATOR,
            "--name",
            "fault-test",
        ],
    );

    let first = Server::start(&data, smtp.port);
    let (status, tenant) = integration_tests::send(
        &client,
        &format!("{}/api/v1/tenants", first.base),
        Some(&token),
        reqwest::Method::POST,
        Some(integration_tests::sample_tenant("alpha")),
    )
    .await;
    assert_eq!(status, 201, "{tenant}");
    subscribe_residents(&data, tenant["id"].as_i64().unwrap()).await;
    integration_tests::convene(
        &client,
        &first.base,
        &token,
        "alpha",
        "Συνεδρίαση για όλους",
    )
    .await;

    // Killed once part of the notices went out.
    let deadline = Instant::now() + Duration::from_secs(60);
    while kept(&maildir) < 150 {
        assert!(Instant::now() < deadline, "no notices after a minute");
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    first.kill();
    let at_kill = kept(&maildir);
    assert!(
        at_kill < RESIDENTS,
        "the server was killed before the fan-out ended ({at_kill} arrived)"
    );

    // The same data folder: the rest goes out, and what was in flight goes out again.
    let second = Server::start(&data, smtp.port);
    let deadline = Instant::now() + Duration::from_secs(60);
    let received = loop {
        let received = messages_in(&maildir);
        if recipients(&received).len() == RESIDENTS {
            break received;
        }
        assert!(
            Instant::now() < deadline,
            "after a minute {} of {RESIDENTS} residents have their notice ({at_kill} at the kill)",
            recipients(&received).len()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    let expected: HashSet<String> = (0..RESIDENTS)
        .map(|n| format!("r{n}@example.org"))
        .collect();
    assert_eq!(recipients(&received), expected, "every resident");

    // The operators' view says so too; then nothing more arrives.
    let summary = format!("{}/api/v1/tenants/alpha/notifications", second.base);
    let all_sent = json!([{"value": "sent", "count": RESIDENTS}]);
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let (status, body) =
            integration_tests::send(&client, &summary, Some(&token), reqwest::Method::GET, None)
                .await;
        assert_eq!(status, 200, "{body}");
        if body["deliveries"] == all_sent {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "deliveries after all arrived: {body}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let when_all_sent = kept(&maildir);
    tokio::time::sleep(Duration::from_secs(LEASE_SECONDS + 1)).await;
    let settled = messages_in(&maildir);
    let duplicates = settled.len() - RESIDENTS;
    println!(
        "{at_kill} of {RESIDENTS} notices had arrived at the kill; {} in all, {duplicates} \
         twice (the in-flight bound is {IN_FLIGHT})",
        settled.len()
    );
    assert_eq!(
        settled.len(),
        when_all_sent,
        "nothing more once all are sent"
    );
    assert_eq!(recipients(&settled), recipients(&received));
    assert!(
        duplicates <= IN_FLIGHT,
        "{duplicates} residents got the notice twice: more than the {IN_FLIGHT} in flight"
    );
}

//! What the tests of the real `council` binary share: the command on a temporary SQLite
//! data folder sending to a test mail server, a running server, the residents, and what
//! their mail server kept.

#![allow(dead_code)] // Each test file uses its part.

use std::{
    collections::HashSet,
    io::{BufRead, BufReader},
    path::Path,
    process::{Child, Command, ExitStatus, Stdio},
    time::{Duration, Instant},
};

use council_shared::settings::Settings;
use integration_tests::smtp::header;

pub const RESIDENTS: usize = 1000;
/// The in-flight bound: deliveries handed to the mail server at once.
pub const WORKERS: usize = 8;
/// Claimed and not yet recorded at most: what a crash may send twice.
pub const IN_FLIGHT: usize = 16;
/// Short, so the deliveries the killed server left in flight are taken up again soon.
pub const LEASE_SECONDS: u64 = 3;
pub const OPERATOR: &str = "ops@example.org";

/// `council ARGS --data-dir DATA` on SQLite, sending to the SMTP server on `smtp_port`.
pub fn council(data: &Path, smtp_port: u16, args: &[&str]) -> Command {
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
pub fn run(data: &Path, smtp_port: u16, args: &[&str]) -> String {
    succeed(council(data, smtp_port, args))
}

/// Runs a command that must succeed; its standard output.
pub fn succeed(mut command: Command) -> String {
    let output = command.output().expect("council runs");
    assert!(output.status.success(), "{command:?}: {output:?}");
    String::from_utf8_lossy(&output.stdout).trim().to_string()
}

/// A running `council serve`, killed when dropped.
pub struct Server {
    child: Child,
    pub base: String,
}

impl Server {
    pub fn start(data: &Path, smtp_port: u16) -> Self {
        Self::spawn(council(
            data,
            smtp_port,
            &["serve", "--bind", "127.0.0.1:0"],
        ))
    }

    /// Runs `command`, a `council serve`, and waits for the address it says it serves on.
    pub fn spawn(mut command: Command) -> Self {
        let mut child = command
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

    /// SIGTERM, as a container runtime or systemd stops a service.
    pub fn terminate(&self) {
        let sent = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .expect("kill runs");
        assert!(sent.success(), "SIGTERM sent");
    }

    /// How the process ended, if it did within `within`.
    pub fn exited_within(&mut self, within: Duration) -> Option<ExitStatus> {
        let deadline = Instant::now() + within;
        loop {
            if let Some(status) = self.child.try_wait().expect("the server's state") {
                return Some(status);
            }
            if Instant::now() >= deadline {
                return None;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// SIGKILL (what `Child::kill` sends on Unix): no shutdown, no cleanup.
    pub fn kill(mut self) {
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

/// The status `url` answers with, 0 when nothing answers.
pub async fn status_of(client: &reqwest::Client, url: &str) -> u16 {
    client
        .get(url)
        .send()
        .await
        .map_or(0, |response| response.status().as_u16())
}

/// How many messages the mail server has kept (delivered in full: aiosmtpd moves a message
/// into `new/` only when it has all of it).
pub fn kept(maildir: &Path) -> usize {
    std::fs::read_dir(maildir.join("new")).map_or(0, |entries| entries.count())
}

pub fn recipients(messages: &[String]) -> HashSet<String> {
    messages
        .iter()
        .filter_map(|m| header(m, "To"))
        .map(str::to_string)
        .collect()
}

/// 1,000 residents of the municipality who subscribed to its meetings and confirmed.
async fn subscribe_residents(data: &Path, tenant_id: i64) {
    let db = database(data).await;
    integration_tests::confirmed_residents(&db, tenant_id, RESIDENTS).await;
    db.close().await.unwrap();
}

/// The server's SQLite database in the data folder `data`.
pub async fn database(data: &Path) -> sea_orm::DatabaseConnection {
    let settings = Settings {
        data_dir: data.to_path_buf(),
        ..Settings::default()
    };
    council_shared::database::connect(&settings)
        .await
        .expect("the server's SQLite file")
}

/// An operator's token, made the way the installation guide says.
pub fn operator_token(data: &Path, smtp_port: u16) -> String {
    run(data, smtp_port, &["admin", "create", "--email", OPERATOR]);
    run(
        data,
        smtp_port,
        &[
            "token",
            "create",
            "--email",
            OPERATOR,
            "--name",
            "fault-test",
        ],
    )
}

/// Municipality alpha with its `RESIDENTS` residents, and a meeting convened through the
/// API of `server`: the notice's fan-out is under way.
pub async fn convene_for_residents(
    client: &reqwest::Client,
    server: &Server,
    data: &Path,
    token: &str,
) {
    let (status, tenant) = integration_tests::send(
        client,
        &format!("{}/api/v1/tenants", server.base),
        Some(token),
        reqwest::Method::POST,
        Some(integration_tests::sample_tenant("alpha")),
    )
    .await;
    assert_eq!(status, 201, "{tenant}");
    subscribe_residents(data, tenant["id"].as_i64().unwrap()).await;
    integration_tests::convene(client, &server.base, token, "alpha", "Συνεδρίαση για όλους").await;
}

/// Waits until the mail server has kept `count` messages.
pub async fn wait_until_kept(maildir: &Path, count: usize) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while kept(maildir) < count {
        assert!(Instant::now() < deadline, "no notices after a minute");
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}

/// Waits until the operators' summary of municipality alpha says every resident's notice
/// was sent.
pub async fn wait_until_all_sent(client: &reqwest::Client, server: &Server, token: &str) {
    let summary = format!("{}/api/v1/tenants/alpha/notifications", server.base);
    let all_sent = serde_json::json!([{"value": "sent", "count": RESIDENTS}]);
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let (status, body) =
            integration_tests::send(client, &summary, Some(token), reqwest::Method::GET, None)
                .await;
        assert_eq!(status, 200, "{body}");
        if body["deliveries"] == all_sent {
            return;
        }
        assert!(Instant::now() < deadline, "deliveries a minute on: {body}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// A test's surroundings: a data folder, the residents' mail server keeping a Maildir, a
/// client, and the operator's token.
pub struct Scene {
    _dir: tempfile::TempDir,
    pub data: std::path::PathBuf,
    pub maildir: std::path::PathBuf,
    pub smtp: integration_tests::smtp::SmtpServer,
    pub client: reqwest::Client,
    pub token: String,
}

impl Scene {
    /// None when the test mail server cannot run here (the test is then skipped).
    pub async fn new() -> Option<Self> {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        let maildir = dir.path().join("maildir");
        let smtp = integration_tests::smtp::start_smtp_server(&maildir).await?;
        let token = operator_token(&data, smtp.port);
        Some(Self {
            _dir: dir,
            data,
            maildir,
            smtp,
            client: reqwest::Client::new(),
            token,
        })
    }
}

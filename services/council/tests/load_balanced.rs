//! The test an operator would run before trusting several instances: three real `council
//! serve` processes on one PostgreSQL of the test's own, behind HAProxy (Debian) set up as
//! `infra/haproxy/haproxy.cfg` ships, under a steady load of pages, API reads and writes,
//! subscriptions and uploads through the balancer. A session and a file work on every
//! instance, and a write shows everywhere within the cache's lifetime; the instances
//! restart one at a time with no failed request; PostgreSQL restarts and the instances are
//! ready again within 5 s; no acknowledged write is lost, and every message goes out once.

mod support;

use std::{
    collections::HashMap,
    path::{Path, PathBuf},
    process::{Child, Command, Stdio},
    sync::{
        Arc, Mutex,
        atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering},
    },
    time::{Duration, Instant},
};

use integration_tests::{
    browser::Browser,
    postgres::PrivatePostgres,
    reads_greek, required_tool,
    smtp::{decoded, free_port, header, messages_in, start_smtp_server, wait_for},
};
use support::{Server, council, status_of, succeed};

const INSTANCES: usize = 3;
/// How long `/readyz` says "draining" after SIGTERM while requests are still served: more
/// than HAProxy's check interval (1 s), so that it leaves the rotation first.
const DRAIN_SECONDS: u64 = 3;
const CACHE_TTL_MS: u64 = 1000;
/// A claim left unrecorded is sent again after this: short, so that a duplicate would show
/// within the test.
const LEASE_SECONDS: u64 = 10;
const RESIDENTS: usize = 100;
/// Clients sending requests one after another, each with a pause between them.
const CLIENTS: usize = 3;
const PAUSE: Duration = Duration::from_millis(40);
const OPERATOR: &str = "ops@example.org";

/// Everything an instance is started with: the shared database, the mail server, the
/// balancer's address as the public one.
struct Setup {
    database_url: String,
    smtp_port: u16,
    public_url: String,
}

impl Setup {
    fn council(&self, data: &Path, args: &[&str]) -> Command {
        let mut command = council(data, self.smtp_port, args);
        command
            .env("DATABASE_URL", &self.database_url)
            .env("COUNCIL__DATABASE__MAX_CONNECTIONS", "8")
            .env("COUNCIL__SERVER__PUBLIC_URL", &self.public_url)
            .env("COUNCIL__SERVER__CLIENT_IP_HEADER", "X-Forwarded-For")
            .env("COUNCIL__SERVER__DRAIN_SECONDS", DRAIN_SECONDS.to_string())
            .env("COUNCIL__CACHE__TTL_MS", CACHE_TTL_MS.to_string())
            .env(
                "COUNCIL__NOTIFICATIONS__IN_FLIGHT_LEASE_SECONDS",
                LEASE_SECONDS.to_string(),
            )
            // The load subscribes hundreds of addresses from one client.
            .env(
                "COUNCIL__NOTIFICATIONS__SUBSCRIBE_PER_IP_PER_HOUR",
                "1000000",
            );
        command
    }
}

struct Instance {
    name: String,
    port: u16,
    data: PathBuf,
    server: Option<Server>,
}

impl Instance {
    fn base(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Starts (or starts again) `council serve` on the instance's own port.
    fn start(&mut self, setup: &Setup) {
        let bind = format!("127.0.0.1:{}", self.port);
        let server = Server::spawn(setup.council(&self.data, &["serve", "--bind", &bind]));
        assert_eq!(server.base, self.base());
        self.server = Some(server);
    }
}

/// HAProxy with the shipped configuration, pointed at the instances, and its statistics
/// (which says what it thinks of each instance) on a port of their own.
struct Balancer {
    child: Child,
    base: String,
    stats: String,
}

impl Balancer {
    fn config(port: u16, stats: u16, instances: &[Instance]) -> String {
        let shipped = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../infra/haproxy/haproxy.cfg"
        ))
        .expect("the shipped HAProxy configuration");
        let mut config = String::new();
        let (mut bound, mut servers) = (false, 0);
        for line in shipped.lines() {
            let setting = line.trim_start();
            if setting.starts_with("bind :8080") {
                config.push_str(&format!("    bind 127.0.0.1:{port}\n"));
                bound = true;
            } else if setting.starts_with("server council") {
                servers += 1;
            } else {
                config.push_str(line);
                config.push('\n');
            }
        }
        assert!(bound, "the shipped frontend binds :8080");
        assert_eq!(
            servers, INSTANCES,
            "the shipped backend names three instances"
        );
        // The backend is the configuration's last section: the instances go on its end.
        for instance in instances {
            config.push_str(&format!(
                "    server {} 127.0.0.1:{}\n",
                instance.name, instance.port
            ));
        }
        config.push_str(&format!(
            "\nlisten stats\n    bind 127.0.0.1:{stats}\n    stats enable\n    stats uri /stats\n"
        ));
        config
    }

    /// None (the test skipped) where HAProxy is missing outside CI.
    fn start(folder: &Path, port: u16, instances: &[Instance]) -> Option<Self> {
        let haproxy = ["/usr/sbin/haproxy", "haproxy"]
            .into_iter()
            .find(|path| Command::new(path).arg("-v").output().is_ok());
        let haproxy = required_tool("haproxy (Debian)", haproxy)?;
        let stats = free_port();
        let config = folder.join("haproxy.cfg");
        std::fs::write(&config, Self::config(port, stats, instances)).unwrap();
        let log = std::fs::File::create(folder.join("haproxy.log")).unwrap();
        let child = Command::new(haproxy)
            .arg("-db")
            .arg("-f")
            .arg(&config)
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            .stdin(Stdio::null())
            .spawn()
            .expect("haproxy starts");
        Some(Self {
            child,
            base: format!("http://127.0.0.1:{port}"),
            stats: format!("http://127.0.0.1:{stats}/stats;csv"),
        })
    }

    /// What HAProxy's health checks make of each instance: `UP`, `DOWN`, or on the way
    /// (`UP 1/2`...); empty while HAProxy is not yet answering.
    async fn states(&self, client: &reqwest::Client) -> HashMap<String, String> {
        let Ok(answer) = client.get(&self.stats).send().await else {
            return HashMap::new();
        };
        let text = answer.text().await.unwrap_or_default();
        let mut lines = text.lines();
        let Some(head) = lines.next() else {
            return HashMap::new();
        };
        let columns: Vec<&str> = head.trim_start_matches("# ").split(',').collect();
        let status = columns.iter().position(|c| *c == "status").expect("status");
        lines
            .map(|line| line.split(',').collect::<Vec<_>>())
            .filter(|row| row[0] == "council" && row[1].starts_with("council"))
            .map(|row| (row[1].to_string(), row[status].to_string()))
            .collect()
    }

    /// Waits until HAProxy holds `instance` to be `state`; how long it took.
    async fn wait_until(
        &self,
        client: &reqwest::Client,
        instance: &str,
        state: &str,
        within: Duration,
    ) -> Duration {
        let started = Instant::now();
        loop {
            let states = self.states(client).await;
            if states.get(instance).is_some_and(|s| s == state) {
                return started.elapsed();
            }
            assert!(
                started.elapsed() < within,
                "HAProxy holds {instance} {:?} after {within:?}, not {state}",
                states.get(instance)
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

impl Drop for Balancer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The steady load and what it was told: the requests answered as expected, those that
/// failed while PostgreSQL was down (the outage excuses them), the rest (none, or the test
/// fails), and the writes acknowledged.
#[derive(Default)]
struct Load {
    stop: AtomicBool,
    outage: AtomicBool,
    /// Counts the outage's starts and ends: a request that saw it change was under it.
    outage_changes: AtomicU64,
    answered: AtomicUsize,
    excused: AtomicUsize,
    failures: Mutex<Vec<String>>,
    practices: Mutex<Vec<String>>,
    subscribers: Mutex<Vec<String>>,
    files: Mutex<Vec<(String, Vec<u8>)>>,
}

/// A write the platform acknowledged, to look for at the end.
enum Acknowledged {
    Nothing,
    Practice,
    Subscriber(String),
    File(String, Vec<u8>),
}

impl Load {
    fn set_outage(&self, down: bool) {
        self.outage.store(down, Ordering::SeqCst);
        self.outage_changes.fetch_add(1, Ordering::SeqCst);
    }

    /// One client: pages, API reads, new practices, subscriptions and uploads in turn.
    async fn drive(self: Arc<Self>, base: String, token: String, client_number: usize) {
        let client = reqwest::Client::builder()
            .default_headers(reads_greek())
            .timeout(Duration::from_secs(20))
            .build()
            .unwrap();
        let mut practice: Option<String> = None;
        let mut turn = 0usize;
        while !self.stop.load(Ordering::SeqCst) {
            turn += 1;
            let changes = self.outage_changes.load(Ordering::SeqCst);
            let was_down = self.outage.load(Ordering::SeqCst);
            let (what, request, expected, acknowledged) = match turn % 6 {
                0 => (
                    "home page",
                    client.get(format!("{base}/")),
                    200,
                    Acknowledged::Nothing,
                ),
                1 => (
                    "municipality page",
                    client.get(format!("{base}/municipalities/alpha")),
                    200,
                    Acknowledged::Nothing,
                ),
                2 => (
                    "meetings (API)",
                    client
                        .get(format!("{base}/api/v1/tenants/alpha/meetings"))
                        .bearer_auth(&token),
                    200,
                    Acknowledged::Nothing,
                ),
                3 => (
                    "new practice (API)",
                    client
                        .post(format!("{base}/api/v1/practices"))
                        .bearer_auth(&token)
                        .json(&serde_json::json!({
                            "title": {"el": format!("Πρακτική υπό φόρτο {client_number}-{turn}")}
                        })),
                    201,
                    Acknowledged::Practice,
                ),
                4 => {
                    let email = format!("load-{client_number}-{turn}@example.org");
                    (
                        "subscription (API)",
                        client
                            .post(format!("{base}/api/v1/tenants/alpha/subscriptions"))
                            .json(&serde_json::json!({"email": email, "topics": ["meetings"]})),
                        202,
                        Acknowledged::Subscriber(email),
                    )
                }
                _ => match &practice {
                    Some(slug) if turn % 4 == 1 => {
                        let pdf = pdf(&format!("{client_number}-{turn}"));
                        let files = format!("/api/v1/practices/{slug}/files");
                        (
                            "upload (API)",
                            client
                                .post(format!("{base}{files}?file_name=report.pdf"))
                                .bearer_auth(&token)
                                .header("content-type", "application/octet-stream")
                                .body(pdf.clone()),
                            201,
                            Acknowledged::File(files, pdf),
                        )
                    }
                    _ => (
                        "practices (API)",
                        client.get(format!("{base}/api/v1/practices")),
                        200,
                        Acknowledged::Nothing,
                    ),
                },
            };
            let answer = match request.send().await {
                Ok(response) => {
                    let status = response.status().as_u16();
                    response.bytes().await.map(|body| (status, body))
                }
                Err(error) => Err(error),
            };
            match answer {
                Ok((status, body)) if status == expected => {
                    self.answered.fetch_add(1, Ordering::SeqCst);
                    let body: serde_json::Value = serde_json::from_slice(&body).unwrap_or_default();
                    match acknowledged {
                        Acknowledged::Nothing => {}
                        Acknowledged::Practice => {
                            let slug = body["slug"].as_str().expect("the new practice's slug");
                            practice = Some(slug.to_string());
                            self.practices.lock().unwrap().push(slug.to_string());
                        }
                        Acknowledged::Subscriber(email) => {
                            self.subscribers.lock().unwrap().push(email);
                        }
                        Acknowledged::File(files, pdf) => {
                            let file = format!("{files}/{}", body["id"]);
                            self.files.lock().unwrap().push((file, pdf));
                        }
                    }
                }
                failed => {
                    let under_outage = was_down
                        || self.outage.load(Ordering::SeqCst)
                        || self.outage_changes.load(Ordering::SeqCst) != changes;
                    if under_outage {
                        self.excused.fetch_add(1, Ordering::SeqCst);
                    } else {
                        let said = match failed {
                            Ok((status, body)) => {
                                format!("{status} {}", String::from_utf8_lossy(&body))
                            }
                            Err(error) => format!("{error:?}"),
                        };
                        self.failures
                            .lock()
                            .unwrap()
                            .push(format!("{what}: {said}"));
                    }
                }
            }
            tokio::time::sleep(PAUSE).await;
        }
    }
}

/// A small PDF of its own content (the uploads' type check reads its start).
fn pdf(tag: &str) -> Vec<u8> {
    let mut pdf = b"%PDF-1.4\n".to_vec();
    pdf.extend(tag.as_bytes());
    pdf.extend((0..20_000u32).map(|n| (n % 251) as u8));
    pdf.extend_from_slice(b"\n%%EOF\n");
    pdf
}

/// Every message so far, decoded, with the address it went to: what the sign-in reads.
fn mail_so_far(maildir: &Path) -> Vec<String> {
    messages_in(maildir)
        .iter()
        .map(|m| {
            format!(
                "To: {}\n{}",
                header(m, "To").unwrap_or_default(),
                decoded(m)
            )
        })
        .collect()
}

/// Waits until `url` answers `status`; how long it took.
async fn wait_for_status(
    client: &reqwest::Client,
    url: &str,
    status: u16,
    within: Duration,
) -> Duration {
    let started = Instant::now();
    while status_of(client, url).await != status {
        assert!(
            started.elapsed() < within,
            "{url} did not answer {status} within {within:?}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    started.elapsed()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn three_instances_behind_haproxy_restart_under_load_with_no_failed_request() {
    let Some(postgres) = PrivatePostgres::start() else {
        return;
    };
    let postgres = Arc::new(postgres);
    let dir = tempfile::tempdir().unwrap();
    let maildir = dir.path().join("maildir");
    let Some(smtp) = start_smtp_server(&maildir).await else {
        return;
    };
    let balancer_port = free_port();
    let setup = Setup {
        database_url: postgres.url("postgres"),
        smtp_port: smtp.port,
        public_url: format!("http://127.0.0.1:{balancer_port}"),
    };
    let mut instances: Vec<Instance> = (1..=INSTANCES)
        .map(|n| Instance {
            name: format!("council{n}"),
            port: free_port(),
            data: dir.path().join(format!("council{n}")),
            server: None,
        })
        .collect();
    // As the installation guide says: the schema, an operator and their token, then serve.
    let first = &instances[0].data;
    succeed(setup.council(first, &["migrate"]));
    succeed(setup.council(first, &["admin", "create", "--email", OPERATOR]));
    let token = succeed(setup.council(
        first,
        &["token", "create", "--email", OPERATOR, "--name", "load"],
    ));
    for instance in &mut instances {
        instance.start(&setup);
    }
    let Some(balancer) = Balancer::start(dir.path(), balancer_port, &instances) else {
        return;
    };
    let client = reqwest::Client::builder()
        .default_headers(reads_greek())
        .timeout(Duration::from_secs(20))
        .build()
        .unwrap();
    for instance in &instances {
        balancer
            .wait_until(&client, &instance.name, "UP", Duration::from_secs(15))
            .await;
    }
    let base = &balancer.base;

    let (status, tenant) = integration_tests::send(
        &client,
        &format!("{base}/api/v1/tenants"),
        Some(&token),
        reqwest::Method::POST,
        Some(integration_tests::sample_tenant("alpha")),
    )
    .await;
    assert_eq!(status, 201, "{tenant}");

    // Signed in through the balancer, the session works on every instance.
    let browser = Browser::at(base);
    browser
        .sign_in_with_mail(OPERATOR, || mail_so_far(&maildir))
        .await;
    for instance in &instances {
        let page = format!("{}/workspace/platform/municipalities", instance.base());
        let answer = browser.get(&page).await;
        assert_eq!(answer.status(), 200, "signed in on {}", instance.name);
        assert!(answer.text().await.unwrap().contains("Δήμος Δοκιμής"));
        let stranger = Browser::at(&instance.base());
        let refused = stranger.get(&page).await.status().as_u16();
        assert_eq!(refused, 303, "and only with the session");
    }

    // A write through the balancer shows on every instance once the cache's lifetime is
    // over, even on those that had the page cached before it.
    let page_of = |instance: &Instance| format!("{}/municipalities/alpha", instance.base());
    for instance in &instances {
        let before = client.get(page_of(instance)).send().await.unwrap();
        assert!(before.text().await.unwrap().contains("Δήμος Δοκιμής"));
    }
    let (status, renamed) = integration_tests::send(
        &client,
        &format!("{base}/api/v1/tenants/alpha"),
        Some(&token),
        reqwest::Method::PUT,
        Some(serde_json::json!({
            "name": {"el": "Δήμος Πολλών Διακομιστών", "en": "Many Servers"},
            "region": {"el": "Αττική"}
        })),
    )
    .await;
    assert_eq!(status, 200, "{renamed}");
    tokio::time::sleep(Duration::from_millis(CACHE_TTL_MS + 250)).await;
    for instance in &instances {
        let page = client.get(page_of(instance)).send().await.unwrap();
        let page = page.text().await.unwrap();
        assert!(
            page.contains("<h1>Δήμος Πολλών Διακομιστών</h1>"),
            "{} shows the new name within cache.ttl_ms",
            instance.name
        );
    }

    // A file uploaded through the balancer downloads from each instance.
    let (status, draft) = integration_tests::send(
        &client,
        &format!("{base}/api/v1/practices"),
        Some(&token),
        reqwest::Method::POST,
        Some(serde_json::json!({"title": {"el": "Έκθεση για όλους"}})),
    )
    .await;
    assert_eq!(status, 201, "{draft}");
    let files = format!(
        "/api/v1/practices/{}/files",
        draft["slug"].as_str().unwrap()
    );
    let report = pdf("for every instance");
    let uploaded = client
        .post(format!("{base}{files}?file_name=report.pdf"))
        .bearer_auth(&token)
        .header("content-type", "application/octet-stream")
        .body(report.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(uploaded.status(), 201);
    let stored: serde_json::Value = uploaded.json().await.unwrap();
    for instance in &instances {
        let url = format!("{}{files}/{}", instance.base(), stored["id"]);
        let download = client.get(url).bearer_auth(&token).send().await.unwrap();
        assert_eq!(download.status(), 200, "from {}", instance.name);
        assert_eq!(download.bytes().await.unwrap().to_vec(), report);
    }

    // The steady load starts, and a meeting is convened for the residents meanwhile.
    let db = sea_orm::Database::connect(&setup.database_url)
        .await
        .unwrap();
    integration_tests::confirmed_residents(&db, tenant["id"].as_i64().unwrap(), RESIDENTS).await;
    db.close().await.unwrap();
    let load = Arc::new(Load::default());
    let clients: Vec<_> = (0..CLIENTS)
        .map(|n| tokio::spawn(load.clone().drive(base.clone(), token.clone(), n)))
        .collect();
    integration_tests::convene(&client, base, &token, "alpha", "Συνεδρίαση υπό φόρτο").await;

    // One at a time, as a rolling update does: SIGTERM, out of HAProxy's rotation before
    // the instance stops accepting, a clean exit, started again on its port, back in.
    for instance in &mut instances {
        let server = instance.server.as_mut().unwrap();
        server.terminate();
        let out = balancer
            .wait_until(&client, &instance.name, "DOWN", Duration::from_secs(10))
            .await;
        assert!(
            out < Duration::from_secs(DRAIN_SECONDS),
            "{} left the rotation {out:?} after SIGTERM, after its drain",
            instance.name
        );
        let exit = server.exited_within(Duration::from_secs(30));
        assert!(
            exit.is_some_and(|status| status.success()),
            "{} exits by itself: {exit:?}",
            instance.name
        );
        instance.start(&setup);
        balancer
            .wait_until(&client, &instance.name, "UP", Duration::from_secs(15))
            .await;
    }
    let failed_in_restarts = load.failures.lock().unwrap().clone();
    assert!(
        failed_in_restarts.is_empty(),
        "{} requests failed while the instances restarted: {:#?}",
        failed_in_restarts.len(),
        &failed_in_restarts[..failed_in_restarts.len().min(20)]
    );
    wait_for(&maildir, "every resident's notice", |messages| {
        let residents = messages
            .iter()
            .filter_map(|m| header(m, "To"))
            .filter(|to| to.starts_with('r') && to.ends_with("@example.org"))
            .count();
        residents >= RESIDENTS
    })
    .await;

    // PostgreSQL restarts under the load: every instance says it is not ready meanwhile,
    // and is ready again within 5 s of its return.
    load.set_outage(true);
    let server = postgres.clone();
    tokio::task::spawn_blocking(move || server.stop())
        .await
        .unwrap();
    for instance in &instances {
        let ready = format!("{}/readyz", instance.base());
        wait_for_status(&client, &ready, 503, Duration::from_secs(5)).await;
    }
    tokio::time::sleep(Duration::from_secs(1)).await;
    let server = postgres.clone();
    tokio::task::spawn_blocking(move || server.start_again())
        .await
        .unwrap();
    let back = Instant::now();
    for instance in &instances {
        let ready = format!("{}/readyz", instance.base());
        wait_for_status(&client, &ready, 200, Duration::from_secs(5)).await;
        assert!(
            back.elapsed() < Duration::from_secs(5),
            "{} ready {:?} after PostgreSQL returned",
            instance.name,
            back.elapsed()
        );
    }
    for instance in &instances {
        balancer
            .wait_until(&client, &instance.name, "UP", Duration::from_secs(10))
            .await;
    }
    load.set_outage(false);
    tokio::time::sleep(Duration::from_secs(3)).await;
    load.stop.store(true, Ordering::SeqCst);
    for running in clients {
        running.await.unwrap();
    }

    let failures = load.failures.lock().unwrap().clone();
    assert!(
        failures.is_empty(),
        "{} requests failed outside PostgreSQL's outage: {:#?}",
        failures.len(),
        &failures[..failures.len().min(20)]
    );
    let answered = load.answered.load(Ordering::SeqCst);
    let excused = load.excused.load(Ordering::SeqCst);
    println!(
        "{answered} requests answered as expected, {excused} failed during PostgreSQL's outage"
    );
    let practices = load.practices.lock().unwrap().clone();
    let subscribers = load.subscribers.lock().unwrap().clone();
    let uploads = load.files.lock().unwrap().clone();
    assert!(answered > 300, "a steady load: {answered} requests");
    assert!(!practices.is_empty() && !subscribers.is_empty() && !uploads.is_empty());

    // No acknowledged write is lost.
    for slug in &practices {
        let url = format!("{base}/api/v1/practices/{slug}");
        let found = client.get(url).bearer_auth(&token).send().await.unwrap();
        assert_eq!(found.status(), 200, "practice {slug}");
    }
    for (file, bytes) in &uploads {
        let found = client
            .get(format!("{base}{file}"))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap();
        assert_eq!(found.status(), 200, "{file}");
        assert_eq!(&found.bytes().await.unwrap().to_vec(), bytes, "{file}");
    }
    wait_for(&maildir, "a confirmation to every subscriber", |messages| {
        let to: std::collections::HashSet<&str> =
            messages.iter().filter_map(|m| header(m, "To")).collect();
        subscribers.iter().all(|s| to.contains(s.as_str()))
    })
    .await;

    // Every message once: what a claim left unrecorded over the outage would go again
    // once its lease ran out.
    let resent_by = back + Duration::from_secs(LEASE_SECONDS + 2);
    tokio::time::sleep(resent_by.saturating_duration_since(Instant::now())).await;
    let mut sent_to: HashMap<String, usize> = HashMap::new();
    for message in messages_in(&maildir) {
        let to = header(&message, "To").unwrap_or_default().to_string();
        *sent_to.entry(to).or_default() += 1;
    }
    let twice: Vec<_> = sent_to.iter().filter(|(_, count)| **count > 1).collect();
    assert!(twice.is_empty(), "messages sent more than once: {twice:?}");
    let residents = (0..RESIDENTS).filter(|n| sent_to.contains_key(&format!("r{n}@example.org")));
    assert_eq!(
        residents.count(),
        RESIDENTS,
        "every resident has the notice"
    );
}

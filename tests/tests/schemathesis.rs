//! Schemathesis (pinned in `.ci/run`) over every operation of the merged OpenAPI document of
//! the real `council serve` with the demo data: generated valid and invalid requests, each
//! answer checked with all of its checks (no 5xx, statuses, content types, headers and
//! bodies as documented, invalid input refused, valid input accepted, `405` with `Allow`
//! for other methods, authentication not ignored...). It runs anonymously, then with a
//! platform administrator's token; the operations that revoke the caller's own credentials
//! run last, apart, with a throwaway administrator's token, so they cannot cut the main run
//! short. `tools/schemathesis.toml` says, with reasons, where a check is narrowed. Without
//! the tool it reports SKIPPED; under `CI=true` it fails.
//!
//! SQLite only: the point is the HTTP contract, which is the same code on both databases
//! (every other test runs on both), and a second run would double the slowest suite.

use std::{process::Stdio, time::Duration};

use council_shared::auth::Role;
use integration_tests::{TestApp, required_tool, spawn_showcase, token_for};

/// Operations that revoke the caller's own token, role or session, or erase an account,
/// when a generated id hits theirs.
const REVOKING: &str = r"^/(me/tokens|me/sessions|platform/roles|platform/accounts)/\{id\}$";

/// Few cases per operation keep the run to a few minutes; the coverage phase still tries
/// each parameter's boundaries and each missing or wrong-typed field.
const EXAMPLES_PER_OPERATION: &str = "8";

async fn schemathesis() -> Option<&'static str> {
    let found = tokio::process::Command::new("st")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .await
        .is_ok_and(|status| status.success())
        .then_some("st");
    required_tool("schemathesis (pip)", found)
}

/// Runs `st run` against the app with `extra` arguments; panics with its report unless it
/// found nothing.
async fn run(app: &TestApp, what: &str, extra: &[&str]) {
    let workdir = tempfile::tempdir().unwrap();
    let started = std::time::Instant::now();
    let mut command = tokio::process::Command::new("st");
    let config = concat!(env!("CARGO_MANIFEST_DIR"), "/tools/schemathesis.toml");
    command
        .current_dir(workdir.path())
        .args(["--config-file", config])
        .arg("run")
        .arg(app.url("/api/openapi.json"))
        .args(["--checks", "all"])
        .args(["--max-examples", EXAMPLES_PER_OPERATION])
        .args(["--workers", "2"])
        .args(["--seed", "14"])
        .args(["--request-timeout", "30"])
        // Generous for a debug build on two busy cores (a 5,000-row import); a slower
        // answer is a real problem.
        .args(["--max-response-time", "30"])
        .args(["--output-truncate", "false"])
        .args(extra)
        .env("NO_COLOR", "1")
        .env("SCHEMATHESIS_TELEMETRY", "false")
        .stdin(Stdio::null())
        .kill_on_drop(true);
    let output = tokio::time::timeout(Duration::from_secs(900), command.output())
        .await
        .unwrap_or_else(|_| panic!("schemathesis ({what}) ran over 15 minutes"))
        .expect("schemathesis runs");
    let report = String::from_utf8_lossy(&output.stdout).to_string()
        + &String::from_utf8_lossy(&output.stderr);
    eprintln!(
        "schemathesis ({what}) took {:.0} s",
        started.elapsed().as_secs_f64()
    );
    assert!(
        output.status.success(),
        "schemathesis ({what}) found problems:\n{report}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn schemathesis_finds_nothing_anonymous_or_as_a_platform_administrator() {
    if schemathesis().await.is_none() {
        return;
    }
    let app = spawn_showcase().await;
    run(&app, "anonymous", &[]).await;
    let admin = format!("Authorization: Bearer {}", app.token);
    run(
        &app,
        "platform administrator",
        &["--header", &admin, "--exclude-path-regex", REVOKING],
    )
    .await;
    let throwaway = token_for(
        &app.context,
        "throwaway-admin@tests.example.org",
        &[(Role::PlatformAdmin, None)],
        "schemathesis-revocations",
    )
    .await;
    let throwaway = format!("Authorization: Bearer {throwaway}");
    run(
        &app,
        "revocations, apart",
        &["--header", &throwaway, "--include-path-regex", REVOKING],
    )
    .await;
}

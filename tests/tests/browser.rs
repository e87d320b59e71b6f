//! The pages in a real browser: no accessibility violations found by axe-core (WCAG 2.1 A and
//! AA rules), and nothing scrolls sideways on a phone. Needs node, Debian's chromium and
//! `.tools/node_modules` (playwright-core, @axe-core/playwright), which `.ci/run` installs;
//! without them the test reports SKIPPED, and under `CI=true` it fails.

use std::{path::PathBuf, process::Command};

use integration_tests::{Backend, TestApp, pages_to_check, required_tool, spawn_showcase};

fn browser_tools() -> Option<PathBuf> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let tools = root.parent().unwrap().join(".tools");
    let ready = tools.join("node_modules/playwright-core").exists()
        && tools.join("node_modules/@axe-core/playwright").exists()
        && PathBuf::from(std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into()))
            .exists()
        && Command::new("node").arg("--version").output().is_ok();
    required_tool(
        "node, chromium, playwright-core and @axe-core/playwright",
        ready.then_some(tools),
    )
}

/// Runs `tests/browser/SCRIPT BASE PATH...` with node and returns its JSON report.
async fn run_in_browser(
    tools: PathBuf,
    script: &str,
    base: &str,
    paths: Vec<String>,
) -> serde_json::Value {
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("browser")
        .join(script);
    let base = base.to_string();
    let output = tokio::task::spawn_blocking(move || {
        Command::new("node")
            .arg(&script)
            .arg(&base)
            .args(paths)
            .env("TOOLS_DIR", &tools)
            .output()
    })
    .await
    .unwrap()
    .expect("node runs the browser check");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "the browser check failed to run: {stderr}"
    );
    serde_json::from_slice(&output.stdout).expect("JSON report")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_have_no_accessibility_violations_and_fit_a_phone() {
    let Some(tools) = browser_tools() else { return };
    let app = spawn_showcase().await;
    let paths = pages_to_check(&app).await;
    let count = paths.len();
    let report = run_in_browser(tools, "check-pages.cjs", &app.base, paths).await;
    let pages = report.as_array().unwrap();
    assert_eq!(pages.len(), count);
    for page in pages {
        // A few passing rules prove axe ran; the short printable minutes pass fewer than
        // a full page does.
        assert!(
            page["passes"].as_u64().unwrap() > 5,
            "axe ran its rules on {}",
            page["path"]
        );
        assert_eq!(
            page["violations"],
            serde_json::json!([]),
            "accessibility violations on {}",
            page["path"]
        );
        assert!(
            page["overflow"].as_i64().unwrap() <= 0,
            "{} scrolls sideways on a phone: {}px",
            page["path"],
            page["overflow"]
        );
    }
}

/// The Content-Security-Policy blocks nothing the pages use, and Swagger UI, whose inline
/// scripts it allows by their hashes only, still draws the API's operations.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_content_security_policy_blocks_nothing_the_pages_use() {
    let Some(tools) = browser_tools() else { return };
    let app = TestApp::spawn(Backend::Sqlite).await.expect("SQLite app");
    app.create_tenant("athens").await;
    let paths = ["/", "/municipalities/athens", "/sign-in", "/api/docs/"]
        .map(String::from)
        .to_vec();
    let report = run_in_browser(tools, "check-csp.cjs", &app.base, paths).await;
    for page in report.as_array().unwrap() {
        assert_eq!(
            page["blocked"],
            serde_json::json!([]),
            "the policy blocked something on {}",
            page["path"]
        );
        if page["path"] == "/api/docs/" {
            assert!(
                page["operations"].as_u64().unwrap() > 10,
                "Swagger UI draws the operations: {page}"
            );
        }
    }
}

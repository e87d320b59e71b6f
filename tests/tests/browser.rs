//! The pages in a real browser: no accessibility violations found by axe-core (WCAG 2.1 A and
//! AA rules), and nothing scrolls sideways on a phone. Needs node, Debian's chromium and
//! `.tools/node_modules` (playwright-core, @axe-core/playwright), which `.ci/run` installs;
//! without them the test reports SKIPPED, and under `CI=true` it fails.

use std::{path::PathBuf, process::Command};

use integration_tests::{pages_to_check, required_tool, spawn_showcase};

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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_have_no_accessibility_violations_and_fit_a_phone() {
    let Some(tools) = browser_tools() else { return };
    let app = spawn_showcase().await;
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("browser/check-pages.cjs");
    let paths = pages_to_check(&app).await;
    let count = paths.len();
    let base = app.base.clone();
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
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON report");
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

//! Checks by independent tools: the W3C Nu HTML checker (vnu) on the pages, and
//! openapi-spec-validator on the OpenAPI document. `.ci/run` installs both; a developer
//! without them sees the tests report SKIPPED, and under `CI=true` a missing tool fails.

use std::{path::PathBuf, process::Command};

use integration_tests::{Backend, TestApp, pages_to_check, required_tool, spawn_showcase};

fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

fn vnu_jar() -> Option<PathBuf> {
    let path = std::env::var_os("VNU_JAR")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join(".tools/node_modules/vnu-jar/build/dist/vnu.jar"));
    required_tool(
        "vnu.jar (npm vnu-jar) with java",
        path.exists().then_some(path),
    )
}

fn openapi_validator() -> Option<PathBuf> {
    let found = Command::new("openapi-spec-validator")
        .arg("--help")
        .output()
        .is_ok_and(|out| out.status.success())
        .then(|| PathBuf::from("openapi-spec-validator"));
    required_tool("openapi-spec-validator (pip)", found)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_is_valid_html() {
    let Some(jar) = vnu_jar() else { return };
    let app = spawn_showcase().await;
    let dir = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    for (i, path) in pages_to_check(&app).await.iter().enumerate() {
        let page = app.get(path).await.text().await.unwrap();
        let file = dir.path().join(format!("page{i}.html"));
        std::fs::write(&file, page).unwrap();
        files.push(file);
    }
    // Pages of a signed-in secretary, and the page a refused document link shows.
    let secretary = integration_tests::token_for(
        &app.context,
        "secretary@athens.example.org",
        &[(council_shared::auth::Role::Secretary, Some("athens"))],
        "vnu",
    )
    .await;
    let workspace = app
        .client
        .get(app.url("/workspace"))
        .bearer_auth(&secretary)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(workspace.contains("Γραμματέας του ΣΕΜΠ") || workspace.contains("Council secretary"));
    let refused = app
        .client
        .get(app.url("/api/v1/tenants/athens/meetings/1/attachments/999999"))
        .header("accept", "text/html")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    for (name, page) in [("workspace", workspace), ("refused-document", refused)] {
        let file = dir.path().join(format!("{name}.html"));
        std::fs::write(&file, page).unwrap();
        files.push(file);
    }
    let output = Command::new("java")
        .arg("-jar")
        .arg(&jar)
        .args(["--errors-only", "--format", "text"])
        .args(&files)
        .output()
        .expect("java runs vnu.jar");
    let report = String::from_utf8_lossy(&output.stderr).to_string()
        + &String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "the HTML checker found errors:\n{report}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_openapi_document_passes_an_independent_validator() {
    let Some(validator) = openapi_validator() else {
        return;
    };
    let app = TestApp::spawn(Backend::Sqlite).await.unwrap();
    let spec = app.get("/api/openapi.json").await.text().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("openapi.json");
    std::fs::write(&file, spec).unwrap();
    let output = Command::new(validator)
        .arg(&file)
        .output()
        .expect("validator runs");
    let report = String::from_utf8_lossy(&output.stdout).to_string()
        + &String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "the OpenAPI document is invalid:\n{report}"
    );
    assert!(report.contains("OK"), "{report}");
}

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

/// The workspace's pages as a signed-in secretary reads them, then its forms sent empty or
/// wrong, as they come back with their errors (422).
async fn workspace_pages(app: &integration_tests::TestApp) -> Vec<String> {
    let (session, paths) = integration_tests::workspace_pages_to_check(app).await;
    let cookie = format!("{}={session}", council_shared::auth::SESSION_COOKIE);
    let mut pages = Vec::new();
    for path in &paths {
        let response = app
            .client
            .get(app.url(path))
            .header("cookie", &cookie)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200, "{path}");
        pages.push(response.text().await.unwrap());
    }
    let token = pages[0]
        .split("name=\"csrf\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a form token")
        .to_string();
    let wrong: [(&str, &[(&str, &str)]); 12] = [
        ("/municipalities/athens/access", &[("email", "x")]),
        (
            "/workspace/athens/profile",
            &[
                ("action", "save"),
                ("key_figures[0].value", "12%"),
                ("key_figures[0].year", "x"),
                ("goals[0].title.en", "Housing"),
            ],
        ),
        (
            "/workspace/athens/subscribers/import",
            &[(
                "csv",
                "email;topics\nok@example.org;all\nnot an address;weather\n",
            )],
        ),
        (
            "/workspace/athens/notices",
            &[("reminder_hours", "x"), ("often", "custom"), ("cron", "?")],
        ),
        (
            "/workspace/athens/people/invite",
            &[("email", "not an address")],
        ),
        (
            "/workspace/athens/council/members/new",
            &[
                ("full_name", ""),
                ("role", "president"),
                ("category", "other"),
            ],
        ),
        (
            "/workspace/athens/meetings/new",
            &[("title", ""), ("date", "32/13/2026")],
        ),
        (
            "/edit",
            &[("title", "x"), ("date", "1/1/2030"), ("starts", "25:00")],
        ),
        ("/agenda/new", &[("title", "")]),
        ("/cancel", &[("reason", "")]),
        ("/attendance", &[]),
        ("/postpone", &[("date", "")]),
    ];
    let meeting = paths[3].clone();
    let practice = paths
        .iter()
        .find(|p| p.ends_with("/preview"))
        .map(|p| p.trim_end_matches("/preview").to_string())
        .expect("a practice");
    let practice_wrong = [
        (
            "/workspace/practices/new".to_string(),
            vec![("title.el", " ")],
        ),
        (
            format!("{practice}/aims"),
            vec![("duration.from", "31/02/2019"), ("duration.to", "x")],
        ),
        (
            format!("{practice}/results"),
            vec![
                ("year[0]", "1800"),
                ("measure[0].el", "Ωφελούμενοι"),
                ("cell[0][0]", "πολλοί"),
            ],
        ),
    ];
    let wrong = wrong
        .into_iter()
        .map(|(path, fields)| (path.to_string(), fields.to_vec()))
        .chain(practice_wrong);
    for (path, fields) in wrong {
        let path = if !path.starts_with("/workspace") && !path.starts_with("/municipalities") {
            format!("{meeting}{path}")
        } else {
            path.to_string()
        };
        let mut form: Vec<(&str, &str)> = vec![("csrf", token.as_str())];
        form.extend_from_slice(&fields);
        let response = app
            .client
            .post(app.url(&path))
            .header("cookie", &cookie)
            .form(&form)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 422, "{path} sent wrong");
        pages.push(response.text().await.unwrap());
    }
    // A practice with only its title, submitted: refused, each missing field linked to its
    // section from the practice's page.
    let post = |path: String, fields: Vec<(&'static str, &'static str)>| {
        let mut form: Vec<(&str, &str)> = vec![("csrf", token.as_str())];
        form.extend(fields);
        app.client
            .post(app.url(&path))
            .header("cookie", &cookie)
            .form(&form)
            .send()
    };
    let started = post(
        "/workspace/practices/new".into(),
        vec![("title.el", "Μόνο τίτλος")],
    )
    .await
    .unwrap();
    assert_eq!(started.status(), 303);
    let draft = started.headers()["location"].to_str().unwrap();
    let draft = draft.split('?').next().unwrap().to_string();
    let refused = post(format!("{draft}/submit"), Vec::new()).await.unwrap();
    assert_eq!(refused.status(), 422, "{draft} submitted incomplete");
    let page = refused.text().await.unwrap();
    assert!(
        page.contains(&format!("{draft}/about#field-summary-el")),
        "{page}"
    );
    pages.push(page);
    // A good list, shown to be checked before it is imported.
    let response = app
        .client
        .post(app.url("/workspace/athens/subscribers/import"))
        .header("cookie", &cookie)
        .form(&[
            ("csrf", token.as_str()),
            (
                "csv",
                "email;topics;language\nnew@example.org;meetings minutes;fa\n",
            ),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200, "a list to check");
    pages.push(response.text().await.unwrap());
    pages
}

/// The platform's operators' pages as an operator reads them, then their forms sent
/// wrong, as they come back with their errors (422).
async fn platform_pages(app: &integration_tests::TestApp) -> Vec<String> {
    let (session, paths) = integration_tests::platform_pages_to_check(app).await;
    let cookie = format!("{}={session}", council_shared::auth::SESSION_COOKIE);
    let mut pages = Vec::new();
    for path in &paths {
        let response = app
            .client
            .get(app.url(path))
            .header("cookie", &cookie)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200, "{path}");
        pages.push(response.text().await.unwrap());
    }
    let token = pages[1]
        .split("name=\"csrf\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a form token")
        .to_string();
    let wrong: [(&str, &[(&str, &str)]); 5] = [
        (
            "/workspace/platform/municipalities/new",
            &[("slug", "platform"), ("contact_email", "x")],
        ),
        (
            "/workspace/platform/municipalities/athens/edit",
            &[("name_el", ""), ("website", "ftp://x")],
        ),
        ("/workspace/platform/roles/invite", &[("email", "x")]),
        (
            "/workspace/platform/themes/new",
            &[("code", "Bad"), ("position", "x")],
        ),
        (
            "/workspace/platform/municipalities/athens/administrator",
            &[("email", "")],
        ),
    ];
    // The review page with a decision sent without its note.
    let review = paths
        .iter()
        .find(|p| p.starts_with("/workspace/moderation/practices/") && !p.ends_with("/publish"))
        .expect("a review page");
    let changes = format!("{review}/request-changes");
    let wrong = wrong.into_iter().chain([(
        changes.as_str(),
        &[("seen", "submitted"), ("note", "")] as &[(&str, &str)],
    )]);
    for (path, fields) in wrong {
        let mut form: Vec<(&str, &str)> = vec![("csrf", token.as_str())];
        form.extend_from_slice(fields);
        let response = app
            .client
            .post(app.url(path))
            .header("cookie", &cookie)
            .form(&form)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 422, "{path} sent wrong");
        pages.push(response.text().await.unwrap());
    }
    // The accounts search asked with too little to search by.
    let response = app
        .client
        .get(app.url("/workspace/platform/accounts?q=ex"))
        .header("cookie", &cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 422, "a search too short");
    pages.push(response.text().await.unwrap());
    pages
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
    // Every public page in each language the workspace does not speak, right-to-left
    // ones among them (in debug builds a key missing in one fails the page outright).
    let mut in_languages = Vec::new();
    for path in pages_to_check(&app).await {
        if path.contains("lang=") {
            continue;
        }
        for lang in council_shared::locale::Lang::ALL {
            if council_shared::locale::Lang::WORKSPACE.contains(&lang) {
                continue;
            }
            let joiner = if path.contains('?') { '&' } else { '?' };
            in_languages.push((lang.code(), format!("{path}{joiner}lang={}", lang.code())));
        }
    }
    in_languages.push(("ar", "/no-such-page?lang=ar".to_string()));
    in_languages.push(("fa", "/sign-in?lang=fa".to_string()));
    for (code, path) in in_languages {
        let response = app.get(&path).await;
        assert!(response.status().as_u16() < 500, "{path}");
        let page = response.text().await.unwrap();
        assert!(page.contains(&format!("<html lang=\"{code}\"")), "{path}");
        let file = dir
            .path()
            .join(format!("language-{code}-{}.html", files.len()));
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
    // Every page of the workspace for one meeting, and its forms sent back with errors.
    for (i, page) in workspace_pages(&app).await.into_iter().enumerate() {
        let file = dir.path().join(format!("workspace{i}.html"));
        std::fs::write(&file, page).unwrap();
        files.push(file);
    }
    // The operators' pages, and their forms sent back with errors.
    for (i, page) in platform_pages(&app).await.into_iter().enumerate() {
        let file = dir.path().join(format!("platform{i}.html"));
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

/// The deployment files as an operator would use them: the Kubernetes manifests against the
/// API's schemas (kubernetes-validate), HAProxy's configuration by HAProxy itself, and the
/// compose file by `docker compose config` where the compose plugin is installed.
#[test]
fn the_deployment_files_are_valid() {
    let infra = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../infra");
    let found = Command::new("kubernetes-validate")
        .arg("--version")
        .output()
        .is_ok_and(|out| out.status.success())
        .then_some(());
    if required_tool("kubernetes-validate (pip)", found).is_some() {
        let output = Command::new("kubernetes-validate")
            .args(["--strict", "--kubernetes-version", "1.31"])
            .arg(infra.join("kubernetes/council.yaml"))
            .arg(infra.join("kubernetes/secret.example.yaml"))
            .output()
            .unwrap();
        let said = String::from_utf8_lossy(&output.stdout);
        assert!(
            output.status.success(),
            "{said}{}",
            String::from_utf8_lossy(&output.stderr)
        );
        for resource in [
            "deployment/council",
            "poddisruptionbudget/council",
            "service/council",
            "secret/council-settings",
        ] {
            assert!(
                said.contains(&format!("passed for resource {resource}")),
                "{said}"
            );
        }
    }
    let haproxy = ["/usr/sbin/haproxy", "haproxy"]
        .into_iter()
        .find(|path| Command::new(path).arg("-v").output().is_ok());
    if let Some(haproxy) = required_tool("haproxy (Debian)", haproxy) {
        let output = Command::new(haproxy)
            .args(["-c", "-f"])
            .arg(infra.join("haproxy/haproxy.cfg"))
            .output()
            .unwrap();
        assert!(output.status.success(), "{output:?}");
    }
    let compose = Command::new("docker")
        .args(["compose", "version"])
        .output()
        .is_ok_and(|out| out.status.success());
    if compose {
        let output = Command::new("docker")
            .args(["compose", "-f"])
            .arg(infra.join("compose.yaml"))
            .args(["config", "-q"])
            .output()
            .unwrap();
        assert!(output.status.success(), "{output:?}");
    } else {
        eprintln!("SKIPPED: docker compose is not installed here; the compose file is not checked");
    }
}

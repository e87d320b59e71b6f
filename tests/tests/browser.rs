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
    run_with_env(tools, script, base, paths, Vec::new()).await
}

/// Like `run_in_browser`, with more environment for the script.
async fn run_with_env(
    tools: PathBuf,
    script: &str,
    base: &str,
    paths: Vec<String>,
    env: Vec<(&'static str, String)>,
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
            .envs(env)
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

/// What every page checked here must show: axe ran its rules (a few passing ones prove it;
/// the short printable minutes pass fewer than a full page) and found no violation, and
/// nothing scrolls sideways at 390 px.
fn assert_accessible_on_a_phone(page: &serde_json::Value) {
    let path = page["path"].as_str().unwrap_or_default();
    assert!(
        page["passes"].as_u64().unwrap() > 5,
        "axe ran its rules on {path}"
    );
    assert_eq!(
        page["violations"],
        serde_json::json!([]),
        "accessibility violations on {path}"
    );
    assert!(
        page["overflow"].as_i64().unwrap() <= 0,
        "{path} scrolls sideways on a phone: {}px",
        page["overflow"]
    );
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
        assert_accessible_on_a_phone(page);
    }
}

/// A resident's first pages (home, a meeting, a practice, the subscription form) in each
/// of the eight public languages: the right `lang` and `dir`, no accessibility violation,
/// nothing sideways at 390 px. The phone screenshots are kept in the target folder
/// (`$CARGO_TARGET_TMPDIR/screenshots/languages`, or `SCREENSHOTS_DIR`) to look at; the
/// right-to-left ones must be there.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_public_language_reads_right_in_chromium() {
    let Some(tools) = browser_tools() else { return };
    let app = spawn_showcase().await;
    let pages = integration_tests::pages_in_every_language(&app).await;
    let dir = std::env::var("SCREENSHOTS_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|_| {
            PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("screenshots/languages")
        });
    std::fs::create_dir_all(&dir).unwrap();
    let paths = pages.iter().map(|(_, _, path)| path.clone()).collect();
    let env = vec![("SCREENSHOTS_DIR", dir.display().to_string())];
    let report = run_with_env(tools, "check-pages.cjs", &app.base, paths, env).await;
    let visited = report.as_array().unwrap();
    assert_eq!(visited.len(), pages.len());
    for ((code, direction, path), page) in pages.iter().zip(visited) {
        assert_eq!(page["lang"], *code, "{path}");
        assert_eq!(page["dir"], *direction, "{path}");
        assert_accessible_on_a_phone(page);
        if *direction == "rtl" {
            let name = path
                .split(|c: char| !c.is_ascii_alphanumeric())
                .filter(|part| !part.is_empty())
                .collect::<Vec<_>>()
                .join("-");
            let shot = dir.join(format!("{}.png", &name[..name.len().min(80)]));
            assert!(
                shot.exists(),
                "the screenshot of {path} is kept: {}",
                shot.display()
            );
        }
    }
    println!("screenshots of every language: {}", dir.display());
}

/// Every page of the workspace, read signed in as a secretary: no accessibility violation
/// and nothing scrolls sideways at 390 px (the forms' error states are checked on the
/// journey below).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn workspace_pages_have_no_accessibility_violations_and_fit_a_phone() {
    let Some(tools) = browser_tools() else { return };
    let app = spawn_showcase().await;
    let (session, paths) = integration_tests::workspace_pages_to_check(&app).await;
    let count = paths.len();
    let mut env = vec![("SESSION", session)];
    if let Ok(dir) = std::env::var("SCREENSHOTS_DIR") {
        env.push(("SCREENSHOTS_DIR", dir));
    }
    let report = run_with_env(tools, "check-pages.cjs", &app.base, paths, env).await;
    let pages = report.as_array().unwrap();
    assert_eq!(pages.len(), count);
    for page in pages {
        assert_eq!(page["landed"], page["path"], "read signed in");
        assert_accessible_on_a_phone(page);
    }
}

/// The platform's operators' pages, read signed in as an operator, and their forms sent
/// empty (`#submit`) to show their errors: no accessibility violation and nothing scrolls
/// sideways at 390 px.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn operators_pages_have_no_accessibility_violations_and_fit_a_phone() {
    let Some(tools) = browser_tools() else { return };
    let app = spawn_showcase().await;
    let (session, mut paths) = integration_tests::platform_pages_to_check(&app).await;
    for form in [
        "/workspace/platform/municipalities/new",
        "/workspace/platform/roles/invite",
        "/workspace/platform/themes/new",
        "/workspace/platform/accounts",
    ] {
        paths.push(format!("{form}#submit"));
    }
    let count = paths.len();
    let mut env = vec![("SESSION", session)];
    if let Ok(dir) = std::env::var("SCREENSHOTS_DIR") {
        env.push(("SCREENSHOTS_DIR", dir));
    }
    let report = run_with_env(tools, "check-pages.cjs", &app.base, paths, env).await;
    let pages = report.as_array().unwrap();
    assert_eq!(pages.len(), count);
    for page in pages {
        let path = page["path"].as_str().unwrap();
        let wanted = path.trim_end_matches("#submit").split('?').next().unwrap();
        assert_eq!(page["landed"], wanted, "read signed in");
        assert_accessible_on_a_phone(page);
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

/// The council's workspace as a secretary and a member use it: a meeting from its draft to
/// a corrected publication, through the pages alone, with the keyboard alone, at a phone's
/// width (`tests/browser/workspace-journey.cjs`). Every page on the way, errors shown
/// included, has no accessibility violation and does not scroll sideways; the public page
/// then shows the decisions and not the closed item. With `SCREENSHOTS_DIR` set, each step
/// is saved as a PNG (the README's pictures come from here).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_secretary_and_a_member_run_a_meeting_in_chromium() {
    use council_shared::auth::Role;
    let Some(tools) = browser_tools() else { return };
    let app = TestApp::spawn(Backend::Sqlite).await.expect("SQLite app");
    app.create_tenant("alpha").await;
    let member_email = "member@alpha.example.org";
    for (index, name) in ["Σαμίρ Χαλίλ", "Ελένη Παππά", "Ολένα Κοβαλένκο"]
        .iter()
        .enumerate()
    {
        let mut member =
            integration_tests::sample_member(name, "member", "migrant_community", "regular");
        if index == 0 {
            member["email"] = serde_json::json!(member_email);
        } else {
            member.as_object_mut().unwrap().remove("email");
        }
        let (status, body) = app
            .post("/api/v1/tenants/alpha/council/members", &member)
            .await;
        assert_eq!(status, 201, "{body}");
    }
    let secretary = "secretary@alpha.example.org";
    let token = integration_tests::token_for(
        &app.context,
        secretary,
        &[(Role::Secretary, Some("alpha"))],
        "journey",
    )
    .await;
    integration_tests::token_for(
        &app.context,
        member_email,
        &[(Role::CouncilMember, Some("alpha"))],
        "journey",
    )
    .await;
    let document = app.data_dir.path().join("programme.pdf");
    std::fs::write(
        &document,
        b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n",
    )
    .unwrap();
    let mut env = vec![
        (
            "OUTBOX",
            app.context.settings.outbox_dir().display().to_string(),
        ),
        ("SECRETARY", secretary.to_string()),
        ("MEMBER", member_email.to_string()),
        ("SLUG", "alpha".to_string()),
        ("NUDGE_TOKEN", token),
        ("DOCUMENT", document.display().to_string()),
    ];
    if let Ok(dir) = std::env::var("SCREENSHOTS_DIR") {
        env.push(("SCREENSHOTS_DIR", dir));
    }
    let report = run_with_env(tools, "workspace-journey.cjs", &app.base, Vec::new(), env).await;
    assert_every_step_passes(&report, 21);
    assert_eq!(
        report["quorum"], "Απαρτία: παρόντα 3 από 3.",
        "the page's script counts the quorum as the sheet is filled"
    );
    let public = report["public"].as_str().unwrap();
    assert!(
        public.contains("Εισηγείται τη δημιουργία δύο νέων τμημάτων."),
        "{public}"
    );
    assert!(public.contains("Πρακτικά (διορθωμένα)"), "{public}");
    assert!(!public.contains("Αίτημα κατοίκου για στέγαση"), "{public}");
}

/// Every step of a journey's report: axe ran and found nothing, nothing scrolls sideways.
fn assert_every_step_passes(report: &serde_json::Value, at_least: usize) {
    let steps = report["steps"].as_array().unwrap();
    assert!(steps.len() >= at_least, "the journey ran: {report}");
    for step in steps {
        assert!(
            step["passes"].as_u64().unwrap() > 5,
            "axe ran on {}",
            step["step"]
        );
        assert_eq!(
            step["violations"],
            serde_json::json!([]),
            "accessibility violations at {} ({})",
            step["step"],
            step["path"]
        );
        assert!(
            step["overflow"].as_i64().unwrap() <= 0,
            "{} scrolls sideways at 390 px",
            step["step"]
        );
    }
}

/// A municipality set up from nothing through the pages alone, with the keyboard alone, at
/// a phone's width (`tests/browser/administration-journey.cjs`): an operator adds it and
/// invites its administrator, who signs in from that e-mail, fills the profile, adds seven
/// members with a president, invites a secretary, changes the digest schedule and imports
/// subscribers (a file with a wrong row refused with the row named, then good rows); an NGO
/// asks for access, is accepted and signs in as a practice author. Every page on the way,
/// errors shown included, has no accessibility violation and does not scroll sideways.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_operator_and_an_administrator_set_up_a_municipality_in_chromium() {
    use council_shared::auth::Role;
    let Some(tools) = browser_tools() else { return };
    let app = TestApp::spawn(Backend::Sqlite).await.expect("SQLite app");
    let operator = "operator@example.org";
    integration_tests::token_for(&app.context, operator, &[(Role::PlatformAdmin, None)], "o").await;
    let bad = app.data_dir.path().join("subscribers.csv");
    std::fs::write(
        &bad,
        "\u{feff}email;topics;language;cadence\r\nnew@example.org;meetings;el;\r\nnot-an-address;meetings;;\r\n",
    )
    .unwrap();
    let mut env = vec![
        (
            "OUTBOX",
            app.context.settings.outbox_dir().display().to_string(),
        ),
        ("OPERATOR", operator.to_string()),
        ("ADMIN", "admin@kalamata.example.org".to_string()),
        ("SECRETARY", "secretary@kalamata.example.org".to_string()),
        ("NGO", "ngo@solidarity.example.org".to_string()),
        ("BAD_CSV", bad.display().to_string()),
        (
            "GOOD_ROWS",
            "email;topics;language;cadence\nnew@example.org;meetings;el;\nother@example.org;all;en;digest\n"
                .to_string(),
        ),
    ];
    if let Ok(dir) = std::env::var("SCREENSHOTS_DIR") {
        env.push(("SCREENSHOTS_DIR", dir));
    }
    let report = run_with_env(
        tools,
        "administration-journey.cjs",
        &app.base,
        Vec::new(),
        env,
    )
    .await;
    assert_every_step_passes(&report, 20);
    let preview = report["preview"].as_str().unwrap();
    assert!(preview.contains("4.250 ώρες"), "{preview}");
    let refused = report["csv_errors"].as_str().unwrap();
    assert!(
        refused.contains("Γραμμή 3 (not-an-address)"),
        "the row is named: {refused}"
    );
    assert!(
        report["ngo_home"]
            .as_str()
            .unwrap()
            .contains("Συντάκτης καλών πρακτικών"),
        "{report}"
    );
    // What the pages did, as the API reads it back.
    let (_, council) = app.get_json("/api/v1/tenants/kalamata/council").await;
    assert_eq!(council["regular_members"], 7, "{council}");
    let (_, detail) = app.get_json("/api/v1/tenants/kalamata").await;
    assert_eq!(detail["profile"]["key_figures"][0]["value"], "4.250");
}

/// A good practice from an NGO's draft to its publication, through the pages alone, with the
/// keyboard alone, at a phone's width (`tests/browser/practices-journey.cjs`): the author,
/// signed in from an invitation, fills every section (a yearly table, a photo, a document,
/// goals, a link), previews and submits it; the municipality's administrator, e-mailed,
/// asks for changes; the author reads the note, changes it and submits again; the
/// administrator publishes it; another city's administrator marks it adopted; a visitor's
/// opinion is approved and shown. Every page on the way, errors shown included,
/// has no accessibility violation and does not scroll sideways.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_ngo_shares_a_good_practice_in_chromium() {
    let Some(tools) = browser_tools() else { return };
    let app = TestApp::spawn(Backend::Sqlite).await.expect("SQLite app");
    for (slug, el, en) in [
        ("kalamata", "Δήμος Καλαμάτας", "Municipality of Kalamata"),
        ("patra", "Δήμος Πατρέων", "Municipality of Patras"),
    ] {
        let mut tenant = integration_tests::sample_tenant(slug);
        tenant["name"] = serde_json::json!({"el": el, "en": en});
        let (status, body) = app.post("/api/v1/tenants", &tenant).await;
        assert_eq!(status, 201, "{body}");
    }
    let author = "eleni@solidarity.example.org";
    let (status, body) = app
        .post(
            "/api/v1/tenants/kalamata/roles",
            &serde_json::json!({"email": author, "role": "practice_author"}),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    let moderator = "admin@kalamata.gov.gr";
    let adopter = "admin@patra.gov.gr";
    integration_tests::token_for(
        &app.context,
        moderator,
        &[(council_shared::auth::Role::TenantAdmin, Some("kalamata"))],
        "m",
    )
    .await;
    integration_tests::token_for(
        &app.context,
        adopter,
        &[(council_shared::auth::Role::TenantAdmin, Some("patra"))],
        "a",
    )
    .await;
    let photo = app.data_dir.path().join("mathima.png");
    std::fs::write(&photo, integration_tests::PNG).unwrap();
    let document = app.data_dir.path().join("ekthesi.pdf");
    std::fs::write(&document, b"%PDF-1.4\n%%EOF\n").unwrap();
    let mut env = vec![
        (
            "OUTBOX",
            app.context.settings.outbox_dir().display().to_string(),
        ),
        ("AUTHOR", author.to_string()),
        ("MODERATOR", moderator.to_string()),
        ("ADOPTER", adopter.to_string()),
        ("MUNICIPALITY", "Δήμος Καλαμάτας".to_string()),
        ("PHOTO", photo.display().to_string()),
        ("DOCUMENT", document.display().to_string()),
    ];
    if let Ok(dir) = std::env::var("SCREENSHOTS_DIR") {
        env.push(("SCREENSHOTS_DIR", dir));
    }
    let report = run_with_env(tools, "practices-journey.cjs", &app.base, Vec::new(), env).await;
    assert_every_step_passes(&report, 25);
    let preview = report["preview"].as_str().unwrap();
    for shown in [
        "Μαθήματα ελληνικών για μητέρες",
        "Μητέρες που ολοκλήρωσαν τα μαθήματα",
        "Ποιοτική εκπαίδευση",
        "Έκθεση αποτελεσμάτων 2023",
    ] {
        assert!(preview.contains(shown), "{shown} in {preview}");
    }
    // What the pages did, as the API reads it back.
    let slug = report["slug"].as_str().unwrap();
    let (_, practice) = app
        .get_json_as(&app.token, &format!("/api/v1/practices/{slug}"))
        .await;
    let working = &practice["working"];
    assert_eq!(working["state"], "published", "{practice}");
    let content = &working["content"];
    assert_eq!(
        content["results"][0]["figures"],
        serde_json::json!({"2022": 24, "2023": 31})
    );
    assert_eq!(
        content["photos"][0]["alt"]["el"],
        "Μητέρες με τα βιβλία τους σε μια τάξη"
    );
    assert_eq!(content["organisation"]["tenant"], "kalamata");
    assert_eq!(content["sdgs"], serde_json::json!([4, 5]));
    assert_eq!(
        content["partners"],
        serde_json::json!(["Σύλλογος Γονέων", "Παιδικός Σταθμός Γειτονιάς"])
    );
    // The moderator was e-mailed a link to the review; the note reached the author's page;
    // the public page shows the adoption and the approved opinion.
    assert!(
        report["moderator_mail"]
            .as_str()
            .unwrap()
            .ends_with(&format!("/workspace/moderation/practices/{slug}")),
        "{report}"
    );
    let note = report["note"].as_str().unwrap();
    assert!(note.contains("ποιοι συνεργάτες βοηθούν"), "{note}");
    let public = report["public"].as_str().unwrap();
    for shown in [
        "Δήμος Πατρέων",
        "Την ξεκινήσαμε στα σχολεία της Πάτρας",
        "οι μητέρες ήρθαν όλες",
        "Μαθήματα ελληνικών για μητέρες",
    ] {
        assert!(public.contains(shown), "{shown} in {public}");
    }
}

/// What people are owed about their data, through the pages alone, with the keyboard alone,
/// at a phone's width (`tests/browser/privacy-journey.cjs`): a resident subscribes in
/// English, confirms from the e-mail, reads and downloads what is held (with the proof of
/// consent) and erases it; a council member signed in on two browsers ends the other one
/// from their account page and downloads what the accounts hold; an operator finds the
/// member's account and erases it, which signs the member out. Every page on the way,
/// errors shown included, has no accessibility violation and does not scroll sideways.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_resident_a_member_and_an_operator_use_the_data_pages_in_chromium() {
    use council_shared::auth::Role;
    let Some(tools) = browser_tools() else { return };
    let app = TestApp::spawn(Backend::Sqlite).await.expect("SQLite app");
    app.create_tenant("paros").await;
    let resident = "amina@example.org";
    let member = "samir@paros.example.org";
    let operator = "operator@example.org";
    integration_tests::token_for(
        &app.context,
        member,
        &[(Role::CouncilMember, Some("paros"))],
        "m",
    )
    .await;
    integration_tests::token_for(&app.context, operator, &[(Role::PlatformAdmin, None)], "o").await;
    let mut env = vec![
        (
            "OUTBOX",
            app.context.settings.outbox_dir().display().to_string(),
        ),
        ("SLUG", "paros".to_string()),
        ("RESIDENT", resident.to_string()),
        ("MEMBER", member.to_string()),
        ("OPERATOR", operator.to_string()),
    ];
    if let Ok(dir) = std::env::var("SCREENSHOTS_DIR") {
        env.push(("SCREENSHOTS_DIR", dir));
    }
    let report = run_with_env(tools, "privacy-journey.cjs", &app.base, Vec::new(), env).await;
    assert_every_step_passes(&report, 14);

    // The resident read and kept what is held, consent included, before erasing it.
    let held = report["resident_held"].as_str().unwrap();
    let file = &report["resident_file"];
    assert!(held.contains(resident), "{held}");
    assert!(held.contains("Minutes and decisions"), "{held}");
    assert!(!held.contains("good practices"), "{held}");
    assert_eq!(file["subscription"]["cadence"], "digest", "{file}");
    assert_eq!(file["subscription"]["email"], resident, "{file}");
    assert_eq!(file["subscription"]["state"], "active", "{file}");
    assert_eq!(file["confirmed_from"], "127.0.0.1", "{file}");
    let after = report["link_after_erasure"].as_str().unwrap();
    assert!(after.contains("This link is not valid"), "{after}");
    let (status, subscribers) = app
        .get_json_as(&app.token, "/api/v1/tenants/paros/subscribers")
        .await;
    assert_eq!(status, 200, "{subscribers}");
    assert!(
        !subscribers.to_string().contains(resident),
        "the resident is gone: {subscribers}"
    );

    // The member's other browser was signed out; their file names them and their role.
    assert_eq!(report["other_browser"], "/sign-in", "{report}");
    let file = &report["member_file"];
    assert_eq!(file["email"], member, "{file}");
    assert_eq!(file["roles"][0]["role"], "council_member", "{file}");
    assert_eq!(file["sessions"].as_array().unwrap().len(), 1, "{file}");

    // Erased by the operator: signed out, and no account left to find.
    assert_eq!(report["member_after_erasure"], "/sign-in", "{report}");
    let (status, found) = app
        .get_json_as(&app.token, "/api/v1/platform/accounts?q=samir")
        .await;
    assert_eq!(status, 200, "{found}");
    assert_eq!(found, serde_json::json!([]), "{found}");
}

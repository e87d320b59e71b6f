//! The platform's operators' pages (`/workspace/platform/...`), as an operator uses them:
//! municipalities added (and their first administrator invited), changed, archived and
//! restored; platform roles and invitations; thematic areas; every municipality's
//! deliveries; the background jobs. Nobody else gets in (403).

use council_shared::auth::Role;
use integration_tests::{
    TestApp,
    browser::{Browser, outbox},
    on_both_databases, token_for,
};

const OPERATOR: &str = "operator@platform.example.org";

/// An operator, signed in in a browser of their own.
async fn operator(app: &TestApp) -> Browser {
    token_for(&app.context, OPERATOR, &[(Role::PlatformAdmin, None)], "t").await;
    let browser = Browser::new(app);
    browser.sign_in_by_email(app, OPERATOR).await;
    browser
}

/// A municipality's administrator (not an operator), signed in.
async fn outsider(app: &TestApp, slug: &str) -> Browser {
    let email = format!("admin@{slug}.example.org");
    token_for(
        &app.context,
        &email,
        &[(Role::TenantAdmin, Some(slug))],
        "t",
    )
    .await;
    let browser = Browser::new(app);
    browser.sign_in_by_email(app, &email).await;
    browser
}

/// Posts `form` from the form's own page: the status, the redirect and the page.
async fn submit(browser: &Browser, page: &str, form: &[(&str, &str)]) -> (u16, String, String) {
    browser.submit(page, page, form).await
}

fn hidden(page: &str, name: &str) -> String {
    page.split(&format!("name=\"{name}\" value=\""))
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or_else(|| panic!("no {name} in {page}"))
        .to_string()
}

const NEW: &str = "/workspace/platform/municipalities/new";

fn gamma<'a>() -> Vec<(&'a str, &'a str)> {
    vec![
        ("slug", "gamma"),
        ("name_el", "Δήμος Γάμμα"),
        ("name_en", "Municipality of Gamma"),
        ("region_el", "Κρήτη"),
        ("website", "https://gamma.example.org"),
        ("contact_email", "semp@gamma.example.org"),
    ]
}

async fn an_operator_adds_changes_archives_and_restores_a_municipality(app: TestApp) {
    let op = operator(&app).await;
    let (_, home) = op.page("/workspace").await;
    assert!(
        home.contains("href=\"/workspace/platform/municipalities\""),
        "{home}"
    );

    // A form with mistakes: the reserved name, no Greek name, a wrong address.
    let (status, _, page) = submit(
        &op,
        NEW,
        &[
            ("slug", "platform"),
            ("name_en", "Somewhere"),
            ("contact_email", "not an address"),
        ],
    )
    .await;
    assert_eq!(status, 422);
    assert!(
        page.contains("προορίζεται για τις σελίδες της ίδιας της πλατφόρμας"),
        "{page}"
    );
    assert!(
        page.contains("Συμπληρώστε το πεδίο «Όνομα στα ελληνικά»."),
        "{page}"
    );
    assert!(
        page.contains("value=\"Somewhere\""),
        "what was typed is kept"
    );
    let (status, _, page) = submit(&op, NEW, &[("slug", "Gamma City")]).await;
    assert_eq!(status, 422);
    assert!(
        page.contains("Γράψτε το όνομα διεύθυνσης με πεζά"),
        "{page}"
    );

    // Added, then led to invite its first administrator.
    let (status, to, page) = submit(&op, NEW, &gamma()).await;
    assert_eq!(status, 303, "{page}");
    assert_eq!(
        to,
        "/workspace/platform/municipalities/gamma/administrator?done=municipality-added"
    );
    let (status, page) = op.page(&to).await;
    assert_eq!(status, 200);
    assert!(page.contains("Ο δήμος προστέθηκε."), "{page}");
    assert!(
        page.contains("Πρόσκληση διαχειριστή: Δήμος Γάμμα"),
        "{page}"
    );
    let (status, _, page) = submit(&op, NEW, &gamma()).await;
    assert_eq!(status, 422, "the same address name twice");
    assert!(page.contains("Άλλος δήμος έχει ήδη"), "{page}");

    let invite = "/workspace/platform/municipalities/gamma/administrator";
    let (status, to, _) = submit(&op, invite, &[("email", "chief@gamma.example.org")]).await;
    assert_eq!(
        (status, to.as_str()),
        (303, "/workspace/platform/municipalities?done=invited")
    );
    assert!(
        outbox(&app)
            .iter()
            .any(|m| m.contains("To: chief@gamma.example.org")),
        "the invitation was e-mailed"
    );
    // The administrator signs in from that invitation and finds their municipality.
    let chief = Browser::new(&app);
    chief
        .sign_in_by_email(&app, "chief@gamma.example.org")
        .await;
    let (_, home) = chief.page("/workspace").await;
    assert!(home.contains("href=\"/workspace/gamma/council\""), "{home}");
    assert!(
        !home.contains("/workspace/platform/"),
        "no operator's links"
    );
    let (status, _) = chief.page("/workspace/platform/municipalities").await;
    assert_eq!(status, 403);

    // The list; changing the details; a stale copy is refused.
    let (_, list) = op.page("/workspace/platform/municipalities").await;
    assert!(list.contains("Δήμος Γάμμα"), "{list}");
    let edit = "/workspace/platform/municipalities/gamma/edit";
    let (status, form) = op.page(edit).await;
    assert_eq!(status, 200);
    assert!(form.contains("value=\"Κρήτη\""), "{form}");
    let version = hidden(&form, "version");
    let mut changed = gamma();
    changed.retain(|(name, _)| *name != "slug");
    changed[0] = ("name_el", "Δήμος Γάμμας");
    changed.push(("version", &version));
    let (status, to, _) = submit(&op, edit, &changed).await;
    assert_eq!(
        (status, to.as_str()),
        (303, "/workspace/platform/municipalities?done=saved")
    );
    let (_, detail) = app.get_json("/api/v1/tenants/gamma").await;
    assert_eq!(detail["name"]["el"], "Δήμος Γάμμας");
    let (status, _, page) = submit(&op, edit, &changed).await;
    assert_eq!(status, 422, "the second save of the same copy");
    assert!(page.contains("Κάποιος άλλος το άλλαξε"), "{page}");

    // Archiving says first what it means.
    let archive = "/workspace/platform/municipalities/gamma/archive";
    let (status, page) = op.page(archive).await;
    assert_eq!(status, 200);
    assert!(page.contains("Τίποτα δεν διαγράφεται"), "{page}");
    assert!(page.contains("δεν αλλάζουν τα στοιχεία"), "{page}");
    let (status, to, _) = submit(&op, archive, &[]).await;
    assert_eq!(
        (status, to.as_str()),
        (303, "/workspace/platform/municipalities?done=archived")
    );
    let (_, detail) = app.get_json("/api/v1/tenants/gamma").await;
    assert_eq!(detail["status"], "archived");
    let (_, list) = op.page(&to).await;
    assert!(list.contains("Ο δήμος αρχειοθετήθηκε."), "{list}");
    assert!(
        list.contains("href=\"/workspace/platform/municipalities/gamma/restore\""),
        "{list}"
    );
    // An archived municipality is not changed.
    let (_, form) = op.page(edit).await;
    let mut again = changed.clone();
    let version = hidden(&form, "version");
    again.pop();
    again.push(("version", &version));
    let (status, _, page) = submit(&op, edit, &again).await;
    assert_eq!(status, 422);
    assert!(page.contains("Ο δήμος είναι αρχειοθετημένος"), "{page}");

    let restore = "/workspace/platform/municipalities/gamma/restore";
    let (status, page) = op.page(restore).await;
    assert_eq!(status, 200);
    assert!(page.contains("Γίνεται ξανά ενεργός"), "{page}");
    let (status, to, _) = submit(&op, restore, &[]).await;
    assert_eq!(
        (status, to.as_str()),
        (303, "/workspace/platform/municipalities?done=restored")
    );
    let (_, detail) = app.get_json("/api/v1/tenants/gamma").await;
    assert_eq!(detail["status"], "active");

    // A municipality's administrator is not an operator.
    let admin = outsider(&app, "gamma").await;
    for path in [
        "/workspace/platform/municipalities",
        NEW,
        edit,
        archive,
        invite,
    ] {
        let (status, _) = admin.page(path).await;
        assert_eq!(status, 403, "{path}");
    }
    let token = admin.csrf_from("/workspace").await;
    let sent = admin.post_form(archive, &[("csrf", token.as_str())]).await;
    assert_eq!(sent.status(), 403);
}

async fn an_operator_invites_resends_and_revokes_platform_administrators(app: TestApp) {
    let op = operator(&app).await;
    let (status, page) = op.page("/workspace/platform/roles").await;
    assert_eq!(status, 200);
    assert!(page.contains(OPERATOR), "their own role: {page}");
    let invite = "/workspace/platform/roles/invite";
    let (status, _, page) = submit(&op, invite, &[("email", "nobody")]).await;
    assert_eq!(status, 422);
    assert!(page.contains("στη μορφή onoma@example.gr"), "{page}");
    let (status, to, _) = submit(&op, invite, &[("email", "second@platform.example.org")]).await;
    assert_eq!(
        (status, to.as_str()),
        (303, "/workspace/platform/roles?done=invited")
    );
    let (status, _, page) = submit(&op, invite, &[("email", "second@platform.example.org")]).await;
    assert_eq!(status, 422);
    assert!(
        page.contains("Αυτή η διεύθυνση έχει ήδη αυτόν τον ρόλο"),
        "{page}"
    );

    let (_, page) = op.page("/workspace/platform/roles").await;
    assert!(page.contains("second@platform.example.org"), "{page}");
    let resend = page
        .split("action=\"")
        .filter_map(|rest| rest.split('"').next())
        .find(|action| action.ends_with("/resend"))
        .expect("a resend form")
        .to_string();
    let (status, to, _) = op.submit("/workspace/platform/roles", &resend, &[]).await;
    assert_eq!(
        (status, to.as_str()),
        (303, "/workspace/platform/roles?done=resent")
    );
    let mails = outbox(&app)
        .iter()
        .filter(|m| m.contains("To: second@platform.example.org"))
        .count();
    assert_eq!(mails, 2, "sent again");

    let (_, page) = op.page("/workspace/platform/roles").await;
    let revoke = page
        .split("<li>")
        .find(|item| item.contains("second@platform.example.org"))
        .and_then(|item| item.split("href=\"").nth(1))
        .and_then(|rest| rest.split('"').next())
        .expect("a revoke link")
        .to_string();
    assert!(revoke.ends_with("/revoke"), "{revoke}");
    let (status, confirm) = op.page(&revoke).await;
    assert_eq!(status, 200);
    assert!(confirm.contains("second@platform.example.org"), "{confirm}");
    let (status, to, _) = submit(&op, &revoke, &[]).await;
    assert_eq!(
        (status, to.as_str()),
        (303, "/workspace/platform/roles?done=revoked")
    );
    let (_, roles) = app.get_json_as(&app.token, "/api/v1/platform/roles").await;
    let second = roles
        .as_array()
        .unwrap()
        .iter()
        .filter(|g| g["email"] == "second@platform.example.org")
        .all(|g| g["status"] == "revoked");
    assert!(second, "{roles}");

    app.create_tenant("alpha").await;
    let admin = outsider(&app, "alpha").await;
    for path in ["/workspace/platform/roles", invite] {
        let (status, _) = admin.page(path).await;
        assert_eq!(status, 403, "{path}");
    }
}

/// A delivery of municipality `tenant_id` that failed, written as the workers leave one.
async fn failed_delivery(app: &TestApp, tenant_id: i64, to: &str, why: &str) -> i64 {
    use notifications::entities::delivery;
    use sea_orm::{ActiveModelTrait, ActiveValue::Set};
    let now = chrono::Utc::now();
    delivery::ActiveModel {
        tenant_id: Set(Some(tenant_id)),
        idempotency_key: Set(format!("failed-{to}")),
        message_id: Set(format!("{to}.{}", now.timestamp_micros())),
        kind: Set("notice".into()),
        recipient: Set(to.into()),
        subject: Set("Πρόσκληση σε συνεδρίαση".into()),
        text_body: Set("x".into()),
        state: Set("failed".into()),
        attempts: Set(8),
        next_attempt_at: Set(now),
        last_error: Set(Some(why.into())),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&app.context.db)
    .await
    .unwrap()
    .id
}

async fn an_operator_sees_every_municipalitys_deliveries_and_sends_a_failed_one_again(
    app: TestApp,
) {
    let alpha = app.create_tenant("alpha").await["id"].as_i64().unwrap();
    let beta = app.create_tenant("beta").await["id"].as_i64().unwrap();
    failed_delivery(&app, alpha, "one@alpha.example.org", "550 no such user").await;
    let second = failed_delivery(&app, beta, "two@beta.example.org", "552 mailbox full").await;
    let op = operator(&app).await;
    let (_, home) = op.page("/workspace").await;
    assert!(
        home.contains("href=\"/workspace/platform/deliveries\""),
        "{home}"
    );
    let (status, page) = op.page("/workspace/platform/deliveries?state=failed").await;
    assert_eq!(status, 200);
    assert!(page.contains("one@alpha.example.org"), "{page}");
    assert!(page.contains("550 no such user"), "{page}");
    assert!(page.contains("552 mailbox full"), "{page}");
    // Each with the municipality it was sent for.
    assert!(
        page.contains("one@alpha.example.org · Δήμος Δοκιμής"),
        "{page}"
    );
    let retry = format!("/workspace/platform/deliveries/{second}/retry");
    assert!(page.contains(&retry), "{page}");
    let (status, to, _) = op
        .submit("/workspace/platform/deliveries", &retry, &[])
        .await;
    assert_eq!(
        (status, to.as_str()),
        (303, "/workspace/platform/deliveries?done=retried")
    );
    let (_, listed) = app
        .get_json_as(&app.token, "/api/v1/platform/deliveries?state=failed")
        .await;
    let failed: Vec<&str> = listed["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["recipient"].as_str().unwrap())
        .collect();
    assert_eq!(failed, ["one@alpha.example.org"], "{listed}");
    assert_eq!(listed["items"][0]["tenant_id"], alpha);
    // Sent again once more: it is no longer failed.
    let (status, _, _) = op
        .submit("/workspace/platform/deliveries", &retry, &[])
        .await;
    assert_eq!(status, 409);

    let admin = outsider(&app, "alpha").await;
    let (status, _) = admin.page("/workspace/platform/deliveries").await;
    assert_eq!(status, 403);
    let (status, _) = app
        .get_json_as(
            &token_for(&app.context, "admin@alpha.example.org", &[], "api").await,
            "/api/v1/platform/deliveries",
        )
        .await;
    assert_eq!(status, 403);
}

async fn an_operator_sees_when_each_job_ran_runs_next_and_last_failed(app: TestApp) {
    // The scheduler reads events every second in the tests: wait for its first run.
    let mut ran = false;
    for _ in 0..100 {
        let (_, jobs) = app.get_json_as(&app.token, "/api/v1/platform/jobs").await;
        let events = &jobs.as_array().unwrap()[0];
        assert_eq!(events["name"], "events");
        if events["last_run_at"].is_string() {
            assert!(events["next_run_at"].is_string(), "{jobs}");
            ran = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(ran, "the events job ran and was recorded");
    // A failure as the scheduler records one when a job's run returns an error.
    let when = chrono::Utc::now() + chrono::Duration::hours(1);
    notifications::service::jobs::record_outcome(
        &app.context.db,
        "expiry",
        when,
        Err("database is locked".into()),
    )
    .await
    .unwrap();

    let op = operator(&app).await;
    let (_, home) = op.page("/workspace").await;
    assert!(home.contains("href=\"/workspace/platform/jobs\""), "{home}");
    let (status, page) = op.page("/workspace/platform/jobs").await;
    assert_eq!(status, 200);
    for name in [
        "Ανάγνωση γεγονότων",
        "Λήξη εγγραφών",
        "Συνόψεις",
        "Υπενθυμίσεις",
        "Διατήρηση λογαριασμών",
        "Ανεβάσματα εγγράφων που διακόπηκαν",
        "Ανεβάσματα αρχείων πρακτικών που διακόπηκαν",
    ] {
        assert!(page.contains(name), "{name}: {page}");
    }
    assert!(page.contains("database is locked"), "{page}");
    assert!(page.contains("Η τελευταία εκτέλεση απέτυχε"), "{page}");
    assert!(
        page.contains("<code>0 17 * * * *</code>"),
        "the schedule: {page}"
    );

    app.create_tenant("alpha").await;
    let admin = outsider(&app, "alpha").await;
    let (status, _) = admin.page("/workspace/platform/jobs").await;
    assert_eq!(status, 403);
}

async fn an_operator_keeps_the_thematic_areas(app: TestApp) {
    let op = operator(&app).await;
    let (status, page) = op.page("/workspace/platform/themes").await;
    assert_eq!(status, 200);
    assert!(page.contains("Ενίσχυση απασχόλησης"), "{page}");
    let new = "/workspace/platform/themes/new";
    let (status, _, page) = submit(
        &op,
        new,
        &[("code", "Bad Code"), ("name_el", ""), ("position", "x")],
    )
    .await;
    assert_eq!(status, 422);
    assert!(page.contains("Γράψτε τον κωδικό με πεζά"), "{page}");
    assert!(
        page.contains("Συμπληρώστε το πεδίο «Όνομα στα ελληνικά»."),
        "{page}"
    );
    assert!(
        page.contains("Γράψτε στο πεδίο «Σειρά» έναν ακέραιο αριθμό"),
        "{page}"
    );
    let theme = [
        ("code", "digital_inclusion"),
        ("name_el", "Ψηφιακή ένταξη"),
        ("name_en", "Digital inclusion"),
    ];
    let (status, to, _) = submit(&op, new, &theme).await;
    assert_eq!(
        (status, to.as_str()),
        (303, "/workspace/platform/themes?done=saved")
    );
    let (status, _, page) = submit(&op, new, &theme).await;
    assert_eq!(status, 422);
    assert!(page.contains("Υπάρχει ήδη θεματικός άξονας"), "{page}");

    let edit = "/workspace/platform/themes/digital_inclusion/edit";
    let (_, form) = op.page(edit).await;
    let version = hidden(&form, "version");
    let changed = [
        ("name_el", "Ψηφιακή ένταξη και δεξιότητες"),
        ("name_en", "Digital inclusion and skills"),
        ("position", "1"),
        ("version", version.as_str()),
    ];
    let (status, _, _) = submit(&op, edit, &changed).await;
    assert_eq!(status, 303);
    let (status, _, page) = submit(&op, edit, &changed).await;
    assert_eq!(status, 422, "a stale copy");
    assert!(page.contains("Κάποιος άλλος το άλλαξε"), "{page}");
    let (_, themes) = app.get_json("/api/v1/practice-themes").await;
    let saved = themes
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["code"] == "digital_inclusion")
        .unwrap();
    assert_eq!(saved["name"]["el"], "Ψηφιακή ένταξη και δεξιότητες");

    // A thematic area a practice uses: the page says so and offers no button.
    app.create_tenant("alpha").await;
    let (status, created) = app
        .post(
            "/api/v1/practices",
            &serde_json::json!({
                "title": {"el": "Πρακτική"}, "summary": {"el": "Περίληψη"},
                "sector": "municipality",
                "organisation": {"name": "Δήμος", "tenant": "alpha"},
                "description": {"el": "Περιγραφή"},
                "thematic_areas": ["digital_inclusion"]
            }),
        )
        .await;
    assert_eq!(status, 201, "{created}");
    let remove = "/workspace/platform/themes/digital_inclusion/remove";
    let (status, page) = op.page(remove).await;
    assert_eq!(status, 200);
    assert!(page.contains("Τον χρησιμοποιεί μία πρακτική"), "{page}");
    assert!(
        !page.contains("Αφαίρεση του θεματικού άξονα</button>"),
        "{page}"
    );
    let (status, _, page) = op.submit("/workspace/platform/themes", remove, &[]).await;
    assert_eq!(status, 409);
    assert!(page.contains("Τον χρησιμοποιεί μία πρακτική"), "{page}");

    // One nobody uses goes.
    let (status, _, _) = submit(
        &op,
        new,
        &[
            ("code", "sport"),
            ("name_el", "Αθλητισμός"),
            ("name_en", "Sport"),
        ],
    )
    .await;
    assert_eq!(status, 303);
    let remove = "/workspace/platform/themes/sport/remove";
    let (status, to, _) = submit(&op, remove, &[]).await;
    assert_eq!(
        (status, to.as_str()),
        (303, "/workspace/platform/themes?done=theme-removed")
    );
    let (_, themes) = app.get_json("/api/v1/practice-themes").await;
    assert!(!themes.to_string().contains("\"sport\""), "{themes}");

    let admin = outsider(&app, "alpha").await;
    for path in ["/workspace/platform/themes", new, edit] {
        let (status, _) = admin.page(path).await;
        assert_eq!(status, 403, "{path}");
    }
}

on_both_databases!(
    an_operator_adds_changes_archives_and_restores_a_municipality,
    an_operator_invites_resends_and_revokes_platform_administrators,
    an_operator_sees_every_municipalitys_deliveries_and_sends_a_failed_one_again,
    an_operator_sees_when_each_job_ran_runs_next_and_last_failed,
    an_operator_keeps_the_thematic_areas,
);

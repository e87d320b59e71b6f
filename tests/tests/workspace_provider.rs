//! A municipality's own sign-in provider, as its administrator sets it from the workspace:
//! the redirect address to register shown, an issuer the platform would not call refused
//! beside its field, the secret never written back into a page, a stale copy refused, and
//! removal confirmed first.

use council_shared::auth::Role;
use integration_tests::{
    Backend, TestApp,
    browser::{Browser, version_in},
    token_for,
};

const ADMIN: &str = "admin@alpha.example.org";
const PAGE: &str = "/workspace/alpha/sign-in-provider";

async fn an_administrator_sets_and_removes_the_sign_in_provider(backend: Backend) {
    // As in production: only https issuers on the public internet.
    let Some(app) = TestApp::spawn_with(backend, |settings| {
        settings.auth.allow_private_issuers = false;
    })
    .await
    else {
        return;
    };
    app.create_tenant("alpha").await;
    token_for(
        &app.context,
        ADMIN,
        &[(Role::TenantAdmin, Some("alpha"))],
        "t",
    )
    .await;
    let admin = Browser::new(&app);
    admin.sign_in_by_email(&app, ADMIN).await;

    let (_, home) = admin.page("/workspace").await;
    assert!(home.contains(&format!("href=\"{PAGE}\"")), "{home}");
    let (status, page) = admin.page(PAGE).await;
    assert_eq!(status, 200);
    assert!(
        page.contains("/auth/callback"),
        "the redirect address: {page}"
    );
    assert!(page.contains("Κανένας"), "{page}");
    let version = version_in(&page);

    let typed = |issuer: &'static str, version: &str| -> Vec<(&'static str, String)> {
        vec![
            ("version", version.to_string()),
            ("display_name", "Κατάλογος υπαλλήλων".into()),
            ("issuer_url", issuer.into()),
            ("client_id", "semp".into()),
            ("client_secret", "s3cret-value".into()),
        ]
    };

    // In clear: refused beside the field, what was typed kept, the secret not echoed.
    let wrong = typed("http://login.example.org", &version);
    let wrong: Vec<(&str, &str)> = wrong.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (status, _, page) = admin.submit(PAGE, PAGE, &wrong).await;
    assert_eq!(status, 422, "{page}");
    assert!(page.contains("πρέπει να αρχίζει με https://"), "{page}");
    assert!(
        page.contains("value=\"http://login.example.org\""),
        "{page}"
    );
    assert!(
        !page.contains("s3cret-value"),
        "a secret is never written back"
    );

    let good = typed("https://login.example.org/realms/semp", &version);
    let good: Vec<(&str, &str)> = good.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (status, to, _) = admin.submit(PAGE, PAGE, &good).await;
    assert_eq!(
        (status, to.as_str()),
        (303, "/workspace/alpha/sign-in-provider?done=provider-saved")
    );
    let (_, page) = admin.page(&to).await;
    assert!(page.contains("Ο πάροχος σύνδεσης αποθηκεύτηκε"), "{page}");
    assert!(page.contains("Έχει αποθηκευτεί ένα μυστικό"), "{page}");
    assert!(!page.contains("s3cret-value"), "{page}");
    // The copy opened before that save is refused.
    let (status, _, page) = admin.submit(PAGE, PAGE, &good).await;
    assert_eq!(status, 422);
    assert!(page.contains("Κάποιος άλλος το άλλαξε"), "{page}");

    // Removal is confirmed first, then the page says there is none.
    let remove = format!("{PAGE}/remove");
    let (status, page) = admin.page(&remove).await;
    assert_eq!(status, 200);
    assert!(page.contains("«Κατάλογος υπαλλήλων»"), "{page}");
    let (status, to, _) = admin.submit(&remove, &remove, &[]).await;
    assert_eq!(status, 303);
    let (_, page) = admin.page(&to).await;
    assert!(page.contains("Κανένας"), "{page}");

    // Nobody else may see it.
    token_for(
        &app.context,
        "secretary@alpha.example.org",
        &[(Role::Secretary, Some("alpha"))],
        "s",
    )
    .await;
    let secretary = Browser::new(&app);
    secretary
        .sign_in_by_email(&app, "secretary@alpha.example.org")
        .await;
    let (status, _) = secretary.page(PAGE).await;
    assert_eq!(status, 403);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_administrator_sets_and_removes_the_sign_in_provider_on_sqlite() {
    an_administrator_sets_and_removes_the_sign_in_provider(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_administrator_sets_and_removes_the_sign_in_provider_on_postgres() {
    an_administrator_sets_and_removes_the_sign_in_provider(Backend::Postgres).await;
}

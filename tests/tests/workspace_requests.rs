//! Requests for access: someone without a role asks from the municipality's page, its
//! administrators are e-mailed and answer in the workspace; accepting sends the invitation
//! the asker signs in with, declining a polite message. The page tells a visitor nothing
//! about which addresses have accounts, and stops a flood.

use council_shared::auth::Role;
use integration_tests::{
    TestApp,
    browser::{Browser, outbox},
    on_both_databases, token_for,
};

const ADMIN: &str = "admin@alpha.example.org";
const ASK: &str = "/municipalities/alpha/access";

fn request<'a>(name: &'a str, email: &'a str, role: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("full_name", name),
        ("organisation", "ΜΚΟ Αλληλεγγύη"),
        ("email", email),
        ("role", role),
        (
            "reason",
            "Θέλουμε να μοιραστούμε το πρόγραμμα εκμάθησης ελληνικών.",
        ),
    ]
}

/// The newest message to `to` holding `words`.
fn mail_to(app: &TestApp, to: &str, words: &str) -> String {
    outbox(app)
        .into_iter()
        .rev()
        .find(|m| m.contains(&format!("To: {to}")) && m.contains(words))
        .unwrap_or_else(|| panic!("no message to {to} with {words}"))
}

async fn an_ngo_asks_for_access_and_an_administrator_answers(app: TestApp) {
    app.create_tenant("alpha").await;
    token_for(
        &app.context,
        ADMIN,
        &[(Role::TenantAdmin, Some("alpha"))],
        "t",
    )
    .await;
    token_for(
        &app.context,
        "secretary@alpha.example.org",
        &[(Role::Secretary, Some("alpha"))],
        "s",
    )
    .await;

    // A visitor finds the form on the municipality's page; mistakes are said per field.
    let visitor = Browser::new(&app);
    let (_, page) = visitor.page("/municipalities/alpha").await;
    assert!(page.contains(&format!("href=\"{ASK}\"")), "{page}");
    let (status, _, page) = visitor.submit(ASK, ASK, &[("email", "όχι")]).await;
    assert_eq!(status, 422);
    assert!(
        page.contains("Συμπληρώστε το πεδίο «Ονοματεπώνυμο»."),
        "{page}"
    );
    assert!(page.contains("href=\"#field-role\""), "{page}");
    assert!(page.contains("href=\"#field-email\""), "{page}");

    // Sent: the same answer for a stranger and for an address that has an account.
    let ngo = "ngo@example.org";
    let (status, to, _) = visitor
        .submit(ASK, ASK, &request("Ελένη Παππά", ngo, "practice_author"))
        .await;
    assert_eq!(
        (status, to.as_str()),
        (303, "/municipalities/alpha/access/sent")
    );
    let (_, sent) = visitor.page(&to).await;
    assert!(sent.contains("Το αίτημά σας στάλθηκε"), "{sent}");
    let (status, known_to, _) = visitor
        .submit(
            ASK,
            ASK,
            &request(
                "Γραμματέας",
                "secretary@alpha.example.org",
                "council_member",
            ),
        )
        .await;
    assert_eq!((status, known_to), (303, to));

    // The administrator is e-mailed with the request and where to answer it.
    let mail = mail_to(&app, ADMIN, "Ελένη Παππά");
    assert!(mail.contains("ΜΚΟ Αλληλεγγύη"), "{mail}");
    assert!(mail.contains("/workspace/alpha/requests/"), "{mail}");

    // In the workspace: both wait, oldest first.
    let admin = Browser::new(&app);
    admin.sign_in_by_email(&app, ADMIN).await;
    let (_, home) = admin.page("/workspace").await;
    assert!(
        home.contains("href=\"/workspace/alpha/requests\""),
        "{home}"
    );
    let (_, list) = admin.page("/workspace/alpha/requests").await;
    let first = list.find("Ελένη Παππά").expect("listed");
    let second = list.find("Γραμματέας").expect("listed");
    assert!(first < second, "{list}");
    let href = |name: &str| -> String {
        let at = list.find(name).unwrap();
        let start = list[..at].rfind("href=\"").unwrap() + 6;
        list[start..].split('"').next().unwrap().to_string()
    };
    let (ngo_page, member_page) = (href("Ελένη Παππά"), href("Γραμματέας"));
    let (_, page) = admin.page(&ngo_page).await;
    assert!(page.contains("Θέλουμε να μοιραστούμε"), "{page}");

    // Accepted: the invitation goes out, and the NGO signs in as a practice author.
    let (status, to, _) = admin
        .submit(&ngo_page, &format!("{ngo_page}/accept"), &[])
        .await;
    assert_eq!(status, 303);
    assert_eq!(to, "/workspace/alpha/requests?done=request-accepted");
    let invitation = mail_to(&app, ngo, "Σας προσκαλούμε");
    assert!(
        invitation.contains("συντάκτης καλών πρακτικών"),
        "{invitation}"
    );
    let author = Browser::new(&app);
    author.sign_in_by_email(&app, ngo).await;
    let (_, me) = author.me().await;
    assert_eq!(me["grants"][0]["role"], "practice_author", "{me}");

    // A council member needs their record first: refused, and the request still waits.
    let (status, _, page) = admin
        .submit(&member_page, &format!("{member_page}/accept"), &[])
        .await;
    assert_eq!(status, 422, "{page}");
    assert!(
        page.contains("Διαλέξτε ποιο μέλος του συμβουλίου"),
        "{page}"
    );
    // Declined with a note: a polite message carries it.
    let (status, to, _) = admin
        .submit(
            &member_page,
            &format!("{member_page}/decline"),
            &[("note", "Απευθυνθείτε στη γραμματεία του ΣΕΜΠ.")],
        )
        .await;
    assert_eq!(
        (status, to.as_str()),
        (303, "/workspace/alpha/requests?done=request-declined")
    );
    let polite = mail_to(&app, "secretary@alpha.example.org", "Σας ευχαριστούμε");
    assert!(polite.contains("Απευθυνθείτε στη γραμματεία"), "{polite}");
    // Answered once: a second answer is refused, nothing more is sent.
    let before = outbox(&app).len();
    let (status, _, page) = admin
        .submit(&member_page, &format!("{member_page}/decline"), &[])
        .await;
    assert_eq!(status, 422, "{page}");
    assert!(page.contains("Το αίτημα έχει ήδη απαντηθεί"), "{page}");
    assert_eq!(outbox(&app).len(), before);
    let (_, list) = admin.page("/workspace/alpha/requests").await;
    assert!(list.contains("Απορρίφθηκε"), "{list}");
    assert!(list.contains("Κανένα αίτημα σε αναμονή"), "{list}");

    // Nobody else sees them.
    let secretary = Browser::new(&app);
    secretary
        .sign_in_by_email(&app, "secretary@alpha.example.org")
        .await;
    let (status, _) = secretary.page("/workspace/alpha/requests").await;
    assert_eq!(status, 403);
}
on_both_databases!(an_ngo_asks_for_access_and_an_administrator_answers);

/// A flood from one client is stopped with a message on the form, nothing stored.
async fn a_flood_of_requests_is_stopped(app: TestApp) {
    app.create_tenant("alpha").await;
    let visitor = Browser::new(&app);
    let mut limited = None;
    for n in 0..8 {
        let email = format!("flood{n}@example.org");
        let (status, _, page) = visitor
            .submit(ASK, ASK, &request("Κάποιος", &email, "practice_author"))
            .await;
        if status == 429 {
            limited = Some((n, page));
            break;
        }
        assert_eq!(status, 303);
    }
    let (n, page) = limited.expect("stopped");
    assert_eq!(n, 2, "after the limit set for the test");
    assert!(page.contains("Στείλατε πολλά αιτήματα"), "{page}");
    assert!(
        page.contains("value=\"flood2@example.org\""),
        "what was typed is kept"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_flood_of_requests_is_stopped_on_sqlite() {
    let app = TestApp::spawn_with(integration_tests::Backend::Sqlite, |settings| {
        settings.auth.access_requests_per_ip_per_hour = 2;
    })
    .await
    .expect("SQLite app");
    a_flood_of_requests_is_stopped(app).await;
}

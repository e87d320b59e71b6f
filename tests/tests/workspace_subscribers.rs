//! A municipality's subscribers in the workspace, as its administrator uses them: the
//! counts, a search by part of an address, a CSV import that shows every row before saving
//! (a list with one wrong row is refused with the row named, and nothing is saved), the
//! export that imports again unchanged, and an erasure on request.

use council_shared::auth::Role;
use integration_tests::{
    TestApp,
    browser::{Browser, outbox},
    on_both_databases, token_for,
};
use notifications::entities::subscriber;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

const ADMIN: &str = "admin@alpha.example.org";

/// A subscriber of alpha (meetings and minutes, English, in a digest): their id.
async fn subscribed(app: &TestApp, email: &str, confirmed: bool) -> i64 {
    integration_tests::subscriber_of(app, "alpha", email, confirmed).await
}

async fn known(app: &TestApp, email: &str) -> bool {
    subscriber::Entity::find()
        .filter(subscriber::Column::Email.eq(email))
        .one(&app.context.db)
        .await
        .unwrap()
        .is_some()
}

/// The value of the page's hidden field `name`, as the browser sends it back.
fn hidden(page: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let start = page
        .find(&marker)
        .unwrap_or_else(|| panic!("no {name}: {page}"))
        + marker.len();
    let escaped = &page[start..start + page[start..].find('"').unwrap()];
    escaped
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#x3D;", "=")
        .replace("&#x60;", "`")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

async fn an_administrator_finds_imports_exports_and_erases_subscribers(app: TestApp) {
    app.create_tenant("alpha").await;
    let token = token_for(
        &app.context,
        ADMIN,
        &[(Role::TenantAdmin, Some("alpha"))],
        "t",
    )
    .await;
    let maria = subscribed(&app, "maria.papadopoulou@example.org", true).await;
    let waiting = subscribed(&app, "nikos@example.org", false).await;
    let admin = Browser::new(&app);
    admin.sign_in_by_email(&app, ADMIN).await;

    // From the home, the counts of the confirmed ones.
    let (_, home) = admin.page("/workspace").await;
    assert!(
        home.contains("href=\"/workspace/alpha/subscribers\""),
        "{home}"
    );
    let page = "/workspace/alpha/subscribers";
    let (status, html) = admin.page(page).await;
    assert_eq!(status, 200);
    assert!(
        html.contains("Ένας επιβεβαιωμένος εγγεγραμμένος· 1 περιμένουν επιβεβαίωση."),
        "{html}"
    );
    // Languages are named, not coded.
    assert!(
        html.contains("<dt>Μηνύματα στη γλώσσα Αγγλικά</dt>"),
        "{html}"
    );
    assert!(
        html.contains("<dt>Νέες συνεδριάσεις, αναβολές και ακυρώσεις</dt><dd>1</dd>"),
        "{html}"
    );
    assert!(
        html.contains("<dt>Συγκεντρωτικά, μία φορά την εβδομάδα</dt><dd>1</dd>"),
        "{html}"
    );

    // Found by part of the address, in any case.
    let (_, found) = admin.page(&format!("{page}?q=PAPADOP")).await;
    assert!(found.contains("Βρέθηκε ένας εγγεγραμμένος"), "{found}");
    assert!(found.contains("maria.papadopoulou@example.org"), "{found}");
    assert!(found.contains("Επιβεβαιωμένος"), "{found}");
    assert!(!found.contains("nikos@example.org"), "{found}");
    assert!(found.contains("value=\"PAPADOP\""), "kept");

    // A list with one wrong row (and a repeated address): refused, the rows named, nothing
    // saved; the rows stay in the text area to be corrected.
    let import = "/workspace/alpha/subscribers/import";
    let wrong = "email;topics;language;cadence\nnew.one@example.org;meetings;el;immediate\nnot-an-address;weather;xx;sometimes\nNew.One@example.org;all;;\n";
    let (status, _, refused) = admin.submit(import, import, &[("csv", wrong)]).await;
    assert_eq!(status, 422, "{refused}");
    assert!(
        refused
            .contains("Γραμμή 3 (not-an-address): Το «not-an-address» δεν είναι διεύθυνση e-mail."),
        "{refused}"
    );
    assert!(refused.contains("Το «weather» δεν είναι θέμα"), "{refused}");
    assert!(refused.contains("Το «xx» δεν είναι γλώσσα"), "{refused}");
    assert!(
        refused.contains("Η ίδια διεύθυνση υπάρχει στη γραμμή 2."),
        "{refused}"
    );
    assert!(refused.contains("href=\"#row-3\""), "{refused}");
    assert!(refused.contains("2 γραμμές έχουν λάθη"), "{refused}");
    assert!(
        refused.contains("immediate\nnot-an-address;weather;xx;sometimes\nNew.One"),
        "kept as typed, not indented: {refused}"
    );
    assert!(!known(&app, "new.one@example.org").await, "nothing saved");

    // A good file from Excel (byte-order mark, commas): every row with what will happen.
    let good = "\u{feff}email,topics,language,cadence\r\nnew.one@example.org,\"meetings,minutes\",en,digest\r\nmaria.papadopoulou@example.org,all,,\r\n";
    let csrf = admin.csrf_from(import).await;
    let response = admin
        .post_multipart(
            import,
            &[("csrf", &csrf)],
            ("file", "list.csv", good.as_bytes()),
        )
        .await;
    assert_eq!(response.status(), 200);
    let check = response.text().await.unwrap();
    assert!(check.contains("Θα λάβει μήνυμα επιβεβαίωσης"), "{check}");
    assert!(check.contains("Ήδη γνωστή: μένει ως έχει"), "{check}");
    assert!(
        !known(&app, "new.one@example.org").await,
        "nothing saved yet"
    );
    // Confirming sends the rows back; changed on the way, they are refused.
    let confirm = "/workspace/alpha/subscribers/import/confirm";
    let rows = hidden(&check, "csv");
    let tampered = format!("{rows}bad,meetings\r\n");
    let (status, _, refused) = admin
        .submit(page, confirm, &[("csv", tampered.as_str())])
        .await;
    assert_eq!(status, 422, "{refused}");
    assert!(refused.contains("Γραμμή 4 (bad)"), "{refused}");
    assert!(!known(&app, "new.one@example.org").await, "nothing saved");
    let (status, to, _) = admin.submit(page, confirm, &[("csv", rows.as_str())]).await;
    assert_eq!(status, 303);
    assert_eq!(
        to,
        "/workspace/alpha/subscribers?done=imported&invited=1&known=1&erased=0"
    );
    let (_, done) = admin.page(&to).await;
    assert!(done.contains("Στάλθηκε μήνυμα επιβεβαίωσης: 1."), "{done}");
    assert!(known(&app, "new.one@example.org").await);
    // The new address gets the confirmation message (and nothing until confirmed).
    let mut mail = None;
    for _ in 0..100 {
        mail = outbox(&app)
            .into_iter()
            .find(|m| m.contains("new.one@example.org") && m.contains("/subscriptions/"));
        if mail.is_some() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let mail = mail.expect("the confirmation message in the outbox");
    assert!(mail.contains("/confirm"), "{mail}");

    // The export: the confirmed ones, for Excel, in the import's columns.
    let export = admin.navigate("/workspace/alpha/subscribers/export").await;
    assert_eq!(export.status(), 200);
    let disposition = export.headers()["content-disposition"].to_str().unwrap();
    assert!(disposition.starts_with("attachment; filename=\"subscribers-alpha-"));
    let file = export.bytes().await.unwrap().to_vec();
    assert!(file.starts_with("\u{feff}".as_bytes()), "a byte-order mark");
    let text = String::from_utf8(file.clone()).unwrap();
    assert_eq!(
        text,
        "\u{feff}email;topics;language;cadence\r\nmaria.papadopoulou@example.org;meetings,minutes;en;digest\r\n",
        "only the confirmed"
    );
    // ... which imports again unchanged: every row already known.
    let csrf = admin.csrf_from(import).await;
    let again = admin
        .post_multipart(import, &[("csrf", &csrf)], ("file", "export.csv", &file))
        .await;
    assert_eq!(again.status(), 200);
    let again = again.text().await.unwrap();
    assert!(again.contains("Ήδη γνωστές: 1."), "{again}");

    // Erasing one at their request: a page says what it means, then it is done.
    let erase = format!("{page}/{maria}/erase");
    let (_, found) = admin.page(&format!("{page}?q=maria")).await;
    assert!(found.contains(&format!("href=\"{erase}\"")), "{found}");
    let (status, confirm_page) = admin.page(&erase).await;
    assert_eq!(status, 200);
    assert!(
        confirm_page.contains("Διαγραφή του maria.papadopoulou@example.org;"),
        "{confirm_page}"
    );
    assert!(confirm_page.contains("αποτύπωμα (hash)"), "{confirm_page}");
    let (status, to, _) = admin.submit(&erase, &erase, &[]).await;
    assert_eq!(
        (status, to.as_str()),
        (303, "/workspace/alpha/subscribers?done=subscriber-erased")
    );
    assert!(!known(&app, "maria.papadopoulou@example.org").await);
    let (_, gone) = admin
        .page(&format!("{page}?q=maria.papadopoulou%40example.org"))
        .await;
    assert!(gone.contains("Διαγράφηκε με αίτημά του"), "{gone}");
    assert!(!gone.contains(&format!("href=\"{erase}\"")), "{gone}");

    // The API does the same, with the same rule.
    let (_, listed) = app
        .get_json_as(&token, "/api/v1/tenants/alpha/subscribers?q=nikos")
        .await;
    assert_eq!(listed["total"], 1, "{listed}");
    assert_eq!(listed["items"][0]["state"], "pending", "{listed}");
    let deleted = app
        .client
        .delete(app.url(&format!("/api/v1/tenants/alpha/subscribers/{waiting}")))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(deleted.status(), 204);
    assert!(!known(&app, "nikos@example.org").await);
    let (_, listed) = app
        .get_json_as(
            &token,
            "/api/v1/tenants/alpha/subscribers?q=nikos%40example.org",
        )
        .await;
    assert_eq!(listed["total"], 0, "{listed}");
    assert!(listed["erased_at"].is_string(), "{listed}");
}

on_both_databases!(an_administrator_finds_imports_exports_and_erases_subscribers);

/// Only the municipality's administrators: not its secretary, not another municipality's.
async fn the_subscribers_are_their_administrators_alone(app: TestApp) {
    app.create_tenant("alpha").await;
    app.create_tenant("beta").await;
    let id = subscribed(&app, "resident@example.org", true).await;
    for (email, role, tenant) in [
        ("secretary@alpha.example.org", Role::Secretary, "alpha"),
        ("admin@beta.example.org", Role::TenantAdmin, "beta"),
    ] {
        token_for(&app.context, email, &[(role, Some(tenant))], "t").await;
        let browser = Browser::new(&app);
        browser.sign_in_by_email(&app, email).await;
        for path in [
            "/workspace/alpha/subscribers".to_string(),
            "/workspace/alpha/subscribers/export".to_string(),
            "/workspace/alpha/subscribers/import".to_string(),
            format!("/workspace/alpha/subscribers/{id}/erase"),
        ] {
            assert_eq!(
                browser.navigate(&path).await.status(),
                403,
                "{email} {path}"
            );
        }
        let (status, _, _) = browser
            .submit(
                "/sign-in",
                &format!("/workspace/alpha/subscribers/{id}/erase"),
                &[],
            )
            .await;
        assert_eq!(status, 403);
        let (_, home) = browser.page("/workspace").await;
        assert!(!home.contains("/workspace/alpha/subscribers"), "{home}");
    }
    assert!(known(&app, "resident@example.org").await);
}

on_both_databases!(the_subscribers_are_their_administrators_alone);

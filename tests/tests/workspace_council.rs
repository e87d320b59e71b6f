//! The council in the workspace, as a municipality's administrator keeps it: members added,
//! changed and ended through the pages (never deleted), the law's rules shown where they
//! apply, and nobody else let in.

use council_shared::auth::Role;
use integration_tests::{TestApp, browser::Browser, on_both_databases, token_for};

const ADMIN: &str = "admin@alpha.example.org";

/// Posts `form` from the form's own page: the status, the redirect and the page.
async fn submit(browser: &Browser, page: &str, form: &[(&str, &str)]) -> (u16, String, String) {
    browser.submit(page, page, form).await
}

fn member<'a>(name: &'a str, category: &'a str, role: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("full_name", name),
        ("category", category),
        ("role", role),
        ("membership", "regular"),
        ("term_start", "01/01/2025"),
    ]
}

async fn an_administrator_keeps_the_council_from_the_pages(app: TestApp) {
    app.create_tenant("alpha").await;
    app.create_tenant("beta").await;
    let token = token_for(
        &app.context,
        ADMIN,
        &[(Role::TenantAdmin, Some("alpha"))],
        "t",
    )
    .await;
    let admin = Browser::new(&app);
    admin.sign_in_by_email(&app, ADMIN).await;

    // From the home, the council; with no member yet the law's rules are said.
    let (_, home) = admin.page("/workspace").await;
    assert!(home.contains("href=\"/workspace/alpha/council\""), "{home}");
    let (status, page) = admin.page("/workspace/alpha/council").await;
    assert_eq!(status, 200);
    assert!(page.contains("Το συμβούλιο δεν έχει πρόεδρο"), "{page}");
    assert!(page.contains("ο νόμος προβλέπει από 5 έως 11"), "{page}");

    // A president who is not a municipal councillor is refused beside the role.
    let new = "/workspace/alpha/council/members/new";
    let (status, _, page) = submit(
        &admin,
        new,
        &member("Νίκος Ιωάννου", "civil_society", "president"),
    )
    .await;
    assert_eq!(status, 422);
    assert!(
        page.contains("Ο πρόεδρος πρέπει να είναι μέλος του δημοτικού συμβουλίου"),
        "{page}"
    );
    assert!(
        page.contains("value=\"Νίκος Ιωάννου\""),
        "the name typed is kept"
    );
    // A form with every mistake at once.
    let (status, _, page) = submit(
        &admin,
        new,
        &[
            ("full_name", ""),
            ("term_start", "31/02/2025"),
            ("term_end", "01/01/2020"),
        ],
    )
    .await;
    assert_eq!(status, 422);
    assert!(
        page.contains("Συμπληρώστε το πεδίο «Ονοματεπώνυμο»."),
        "{page}"
    );
    assert!(
        page.contains("Διαλέξτε μία επιλογή στο «Ιδιότητα»."),
        "{page}"
    );
    assert!(page.contains("μια πραγματική ημερομηνία"), "{page}");

    // Seven members with a president.
    let (status, to, page) = submit(
        &admin,
        new,
        &member("Μαρία Παπαδοπούλου", "municipal_councillor", "president"),
    )
    .await;
    assert_eq!(status, 303, "{page}");
    assert_eq!(to, "/workspace/alpha/council?done=member-added");
    for name in [
        "Σαμίρ Χαλίλ",
        "Ελένη Παππά",
        "Ολένα Κοβαλένκο",
        "Αχμέντ Καρίμι",
        "Φατιμά Χασάν",
        "Ιωάννης Λάμπρου",
    ] {
        let (status, _, page) =
            submit(&admin, new, &member(name, "migrant_community", "member")).await;
        assert_eq!(status, 303, "{page}");
    }
    // A second president is refused, naming the first.
    let (status, _, page) = submit(
        &admin,
        new,
        &member("Γιώργος Νικολάου", "municipal_councillor", "president"),
    )
    .await;
    assert_eq!(status, 422);
    assert!(
        page.contains("Πρόεδρος είναι ήδη: Μαρία Παπαδοπούλου"),
        "{page}"
    );

    let (_, page) = admin.page("/workspace/alpha/council").await;
    assert!(page.contains("Σε υπηρεσία: 7 τακτικά μέλη"), "{page}");
    assert!(
        !page.contains("Τι προβλέπει ο νόμος"),
        "no warning with 7 and a president: {page}"
    );

    // Changing a member: the form shows what is stored; a stale copy is refused.
    let (_, council) = app
        .get_json_as(&token, "/api/v1/tenants/alpha/council/members")
        .await;
    let samir = council["members"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["full_name"] == "Σαμίρ Χαλίλ")
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    let edit = format!("/workspace/alpha/council/members/{samir}/edit");
    let (status, form) = admin.page(&edit).await;
    assert_eq!(status, 200);
    assert!(form.contains("value=\"01/01/2025\""), "{form}");
    let version = form
        .split("name=\"version\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap()
        .to_string();
    let mut changed = member("Σαμίρ Χαλίλ", "migrant_community", "vice_president");
    changed.push(("version", &version));
    let (status, _, _) = submit(&admin, &edit, &changed).await;
    assert_eq!(status, 303);
    let (status, _, page) = submit(&admin, &edit, &changed).await;
    assert_eq!(status, 422, "the second save of the same copy");
    assert!(page.contains("Κάποιος άλλος το άλλαξε"), "{page}");

    // Ending a membership keeps the record: a former member, no longer counted.
    let end = format!("/workspace/alpha/council/members/{samir}/end");
    let (status, page) = admin.page(&end).await;
    assert_eq!(status, 200);
    assert!(page.contains("Λήξη θητείας: Σαμίρ Χαλίλ;"), "{page}");
    let yesterday = (chrono::Utc::now() - chrono::Duration::days(1))
        .format("%d/%m/%Y")
        .to_string();
    let (status, to, page) = submit(&admin, &end, &[("term_end", &yesterday)]).await;
    assert_eq!(status, 303, "{page}");
    assert_eq!(to, "/workspace/alpha/council?done=member-ended");
    let (_, page) = admin.page("/workspace/alpha/council").await;
    assert!(page.contains("Πρώην μέλη"), "{page}");
    assert!(page.contains("Σε υπηρεσία: 6 τακτικά μέλη"), "{page}");
    let (_, council) = app
        .get_json_as(&token, "/api/v1/tenants/alpha/council/members")
        .await;
    assert_eq!(
        council["members"].as_array().unwrap().len(),
        7,
        "never deleted"
    );

    // Only this municipality's administrators.
    assert_eq!(admin.page("/workspace/beta/council").await.0, 403);
    token_for(
        &app.context,
        "member@alpha.example.org",
        &[(Role::CouncilMember, Some("alpha"))],
        "t",
    )
    .await;
    let member_browser = Browser::new(&app);
    member_browser
        .sign_in_by_email(&app, "member@alpha.example.org")
        .await;
    assert_eq!(member_browser.page("/workspace/alpha/council").await.0, 403);
    assert_eq!(member_browser.page(&edit).await.0, 403);
}

on_both_databases!(an_administrator_keeps_the_council_from_the_pages);

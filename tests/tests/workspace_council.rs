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

    // The council's own details: name, founding decision, term.
    let details = "/workspace/alpha/council/details";
    let (status, _, page) = submit(
        &admin,
        details,
        &[
            ("name_el", "ΣΕΜΠ Δήμου Άλφα"),
            ("decision_url", "diavgeia"),
            ("term_start", "01/01/2025"),
            ("term_end", "01/01/2024"),
        ],
    )
    .await;
    assert_eq!(status, 422);
    assert!(page.contains("θέλει διεύθυνση ιστοσελίδας"), "{page}");
    assert!(
        page.contains("Η λήξη της θητείας δεν μπορεί να είναι πριν από την αρχή της."),
        "{page}"
    );
    let (status, to, page) = submit(
        &admin,
        details,
        &[
            ("name_el", "ΣΕΜΠ Δήμου Άλφα"),
            ("decision_reference", "Απόφαση 123/2024"),
            ("decision_date", "15/03/2024"),
            ("term_start", "01/01/2025"),
            ("term_end", "31/12/2028"),
        ],
    )
    .await;
    assert_eq!(status, 303, "{page}");
    assert_eq!(to, "/workspace/alpha/council?done=council-saved");
    let (_, page) = admin.page("/workspace/alpha/council").await;
    assert!(page.contains("Απόφαση 123/2024, 15/03/2024"), "{page}");

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

async fn an_administrator_invites_resends_and_revokes_from_the_pages(app: TestApp) {
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
    assert!(home.contains("href=\"/workspace/alpha/people\""), "{home}");
    let (status, page) = admin.page("/workspace/alpha/people").await;
    assert_eq!(status, 200);
    assert!(page.contains(ADMIN), "the administrator's own role: {page}");

    // An invitation: refused without a role, a council member without their record.
    let invite = "/workspace/alpha/people/invite";
    let (status, _, page) =
        submit(&admin, invite, &[("email", "secretary@alpha.example.org")]).await;
    assert_eq!(status, 422);
    assert!(page.contains("Διαλέξτε μία επιλογή στο «Ρόλος»."), "{page}");
    assert!(
        page.contains("value=\"secretary@alpha.example.org\""),
        "kept"
    );
    let (status, _, page) = submit(
        &admin,
        invite,
        &[("email", "m@alpha.example.org"), ("role", "council_member")],
    )
    .await;
    assert_eq!(status, 422);
    assert!(
        page.contains("Διαλέξτε ποιο μέλος του συμβουλίου είναι."),
        "{page}"
    );
    let (status, to, _) = submit(
        &admin,
        invite,
        &[
            ("email", "secretary@alpha.example.org"),
            ("role", "secretary"),
        ],
    )
    .await;
    assert_eq!(
        (status, to.as_str()),
        (303, "/workspace/alpha/people?done=invited")
    );
    let mails = |app: &TestApp| {
        integration_tests::browser::outbox(app)
            .into_iter()
            .filter(|m| m.contains("To: secretary@alpha.example.org"))
            .count()
    };
    assert_eq!(mails(&app), 1, "the invitation was e-mailed");
    let (status, _, page) = submit(
        &admin,
        invite,
        &[
            ("email", "secretary@alpha.example.org"),
            ("role", "secretary"),
        ],
    )
    .await;
    assert_eq!(status, 422);
    assert!(page.contains("έχει ήδη αυτόν τον ρόλο"), "{page}");

    // Sent again: a new e-mail, a new expiry.
    let (_, page) = admin.page("/workspace/alpha/people").await;
    assert!(
        page.contains("Προσκλήσεις που περιμένουν την πρώτη σύνδεση"),
        "{page}"
    );
    let resend = page
        .split("action=\"")
        .filter_map(|rest| rest.split('"').next())
        .find(|action| action.ends_with("/resend"))
        .expect("a resend form")
        .to_string();
    let (status, to, _) = admin.submit("/workspace/alpha/people", &resend, &[]).await;
    assert_eq!(
        (status, to.as_str()),
        (303, "/workspace/alpha/people?done=resent")
    );
    assert_eq!(mails(&app), 2);

    // The invited secretary signs in: the role is theirs.
    let secretary = Browser::new(&app);
    secretary
        .sign_in_by_email(&app, "secretary@alpha.example.org")
        .await;
    let (_, me) = secretary.me().await;
    assert_eq!(me["grants"][0]["role"], "secretary", "{me}");
    assert_eq!(secretary.page("/workspace/alpha/people").await.0, 403);

    // Revoked after a confirmation.
    let (_, page) = admin.page("/workspace/alpha/people").await;
    let revoke = page
        .split("<li>")
        .find(|li| li.contains("secretary@alpha.example.org"))
        .and_then(|li| li.split("href=\"").nth(1))
        .and_then(|rest| rest.split('"').next())
        .expect("the secretary's revoke link")
        .to_string();
    assert!(revoke.ends_with("/revoke"), "{revoke}");
    let (status, confirm) = admin.page(&revoke).await;
    assert_eq!(status, 200);
    assert!(confirm.contains("Ανάκληση του ρόλου"), "{confirm}");
    let (status, to, _) = admin.submit(&revoke, &revoke, &[]).await;
    assert_eq!(
        (status, to.as_str()),
        (303, "/workspace/alpha/people?done=revoked")
    );
}

on_both_databases!(an_administrator_invites_resends_and_revokes_from_the_pages);

async fn an_administrator_sets_reminders_and_the_digest_as_people_say_it(app: TestApp) {
    app.create_tenant("alpha").await;
    let token = token_for(
        &app.context,
        ADMIN,
        &[(Role::TenantAdmin, Some("alpha"))],
        "t",
    )
    .await;
    let admin = Browser::new(&app);
    admin.sign_in_by_email(&app, ADMIN).await;
    let (_, home) = admin.page("/workspace").await;
    assert!(home.contains("href=\"/workspace/alpha/notices\""), "{home}");
    let notices = "/workspace/alpha/notices";
    let (status, page) = admin.page(notices).await;
    assert_eq!(status, 200);
    assert!(
        page.contains("Οι επόμενες συνόψεις"),
        "the next runs: {page}"
    );

    // Each mistake beside its field.
    let (status, _, page) = submit(
        &admin,
        notices,
        &[
            ("reminder_hours", "400"),
            ("often", "weekly"),
            ("day", "Thu"),
            ("time", "25:00"),
        ],
    )
    .await;
    assert_eq!(status, 422);
    assert!(page.contains("μια ώρα, π.χ. 18:30"), "{page}");
    let (status, _, page) = submit(
        &admin,
        notices,
        &[
            ("reminder_hours", "400"),
            ("often", "custom"),
            ("cron", "every monday"),
        ],
    )
    .await;
    assert_eq!(status, 422);
    assert!(page.contains("Γράψτε έκφραση cron με έξι πεδία"), "{page}");
    assert!(page.contains("Διαλέξτε από 1 έως 336 ώρες."), "{page}");
    assert!(page.contains("value=\"every monday\""), "kept");

    // Weekly on Thursday at 18:30, a reminder two days before.
    let (status, to, page) = submit(
        &admin,
        notices,
        &[
            ("reminder_hours", "48"),
            ("often", "weekly"),
            ("day", "Thu"),
            ("time", "18:30"),
        ],
    )
    .await;
    assert_eq!(status, 303, "{page}");
    assert_eq!(to, "/workspace/alpha/notices?done=notices-saved");
    let (_, saved) = app
        .get_json_as(&token, "/api/v1/tenants/alpha/notification-settings")
        .await;
    assert_eq!(saved["digest_schedule"], "0 30 18 * * Thu");
    assert_eq!(saved["reminder_minutes"], 2880);
    let (_, page) = admin.page(notices).await;
    assert!(page.contains("<option value=\"Thu\" selected>"), "{page}");
    assert!(page.contains("value=\"48\""), "{page}");
    assert!(
        page.contains(" 18:30</li>"),
        "the next runs at 18:30: {page}"
    );
}

on_both_databases!(an_administrator_sets_reminders_and_the_digest_as_people_say_it);

async fn an_administrator_sees_subscribers_and_sends_a_failed_message_again(app: TestApp) {
    use sea_orm::{ActiveModelTrait, ActiveValue::Set, EntityTrait, IntoActiveModel};
    app.create_tenant("alpha").await;
    let token = token_for(
        &app.context,
        ADMIN,
        &[(Role::TenantAdmin, Some("alpha"))],
        "t",
    )
    .await;
    let admin = Browser::new(&app);
    admin.sign_in_by_email(&app, ADMIN).await;
    // A resident asks to subscribe: the confirmation message is queued and sent.
    let (status, _) = app
        .post(
            "/api/v1/tenants/alpha/subscriptions",
            &serde_json::json!({"email": "resident@example.org", "topics": ["all"]}),
        )
        .await;
    assert_eq!(status, 202);
    // Once its attempt is recorded: a worker still holding it would record over the change
    // below (it keeps what it sent to record until the database takes it).
    let mut delivery = None;
    for _ in 0..100 {
        let (_, list) = app
            .get_json_as(&token, "/api/v1/tenants/alpha/deliveries")
            .await;
        if list["items"][0]["state"] == "sent" {
            delivery = list["items"][0]["id"].as_i64();
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let id = delivery.expect("the confirmation was sent");
    // It failed for good (as an SMTP server's refusal would leave it).
    let row = notifications::entities::delivery::Entity::find_by_id(id)
        .one(&app.context.db)
        .await
        .unwrap()
        .unwrap();
    let mut failed = row.into_active_model();
    failed.state = Set("failed".into());
    failed.last_error = Set(Some("550 mailbox unavailable".into()));
    failed.update(&app.context.db).await.unwrap();

    let page = "/workspace/alpha/deliveries";
    let (status, html) = admin.page(page).await;
    assert_eq!(status, 200);
    assert!(html.contains("περιμένουν επιβεβαίωση"), "{html}");
    assert!(html.contains("resident@example.org"), "{html}");
    assert!(
        html.contains("550 mailbox unavailable"),
        "the reason: {html}"
    );
    let (_, failed_only) = admin.page(&format!("{page}?state=failed")).await;
    assert!(
        failed_only.contains("aria-current=\"page\">Απέτυχε"),
        "{failed_only}"
    );
    let (status, to, _) = admin.submit(page, &format!("{page}/{id}/retry"), &[]).await;
    assert_eq!(
        (status, to.as_str()),
        (303, "/workspace/alpha/deliveries?done=retried")
    );
    let (_, list) = app
        .get_json_as(&token, "/api/v1/tenants/alpha/deliveries")
        .await;
    assert_ne!(list["items"][0]["state"], "failed", "{list}");
}

on_both_databases!(an_administrator_sees_subscribers_and_sends_a_failed_message_again);

async fn an_administrator_searches_the_audit_log(app: TestApp) {
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
    let invite = "/workspace/alpha/people/invite";
    let (status, _, _) = submit(
        &admin,
        invite,
        &[
            ("email", "author@ngo.example.org"),
            ("role", "practice_author"),
        ],
    )
    .await;
    assert_eq!(status, 303);
    let (_, home) = admin.page("/workspace").await;
    assert!(home.contains("href=\"/workspace/alpha/audit\""), "{home}");
    let (status, page) = admin.page("/workspace/alpha/audit").await;
    assert_eq!(status, 200);
    assert!(page.contains("Πρόσκληση σε ρόλο"), "{page}");
    assert!(page.contains("author@ngo.example.org"), "{page}");

    // By kind, by person, by days.
    let (_, only) = admin
        .page("/workspace/alpha/audit?kind=role_revoked&person=&from=&until=")
        .await;
    assert!(only.contains("0 εγγραφές"), "{only}");
    let (_, person) = admin
        .page("/workspace/alpha/audit?kind=&person=ngo.example")
        .await;
    assert!(person.contains("Μία εγγραφή"), "{person}");
    let (_, future) = admin
        .page("/workspace/alpha/audit?from=01%2F01%2F2099")
        .await;
    assert!(future.contains("0 εγγραφές"), "{future}");
    let (status, wrong) = admin
        .page("/workspace/alpha/audit?from=32%2F13%2F2026")
        .await;
    assert_eq!(status, 422);
    assert!(
        wrong.contains("Γράψτε στο πεδίο «Από» μια πραγματική ημερομηνία"),
        "{wrong}"
    );
    assert!(wrong.contains("value=\"32/13/2026\""), "kept");
    // Only the municipality's administrators.
    assert_eq!(
        Browser::new(&app)
            .navigate("/workspace/alpha/audit")
            .await
            .status(),
        303
    );
}

on_both_databases!(an_administrator_searches_the_audit_log);

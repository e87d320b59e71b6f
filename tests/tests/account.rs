//! A signed-in person's account: the sessions still in use, signing one out from another
//! browser, and the download of everything held about them (theirs and nobody else's); and
//! the operators' erasure of an account, after which the audit log names a pseudonym.

use council_shared::auth::Role;
use integration_tests::{
    TestApp,
    browser::{Browser, location},
    on_both_databases, token_for,
};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use tenants::entities::{audit_event, user};

const SECRETARY: &str = "maria@paros.example.org";
const NEIGHBOUR: &str = "nikos@naxos.example.org";

async fn a_person_signs_out_a_session_from_another_browser_and_downloads_their_data(app: TestApp) {
    app.create_tenant("paros").await;
    let token = token_for(
        &app.context,
        SECRETARY,
        &[(Role::Secretary, Some("paros"))],
        "minutes-script",
    )
    .await;
    token_for(&app.context, NEIGHBOUR, &[], "other-script").await;
    let laptop = Browser::new(&app);
    laptop.sign_in_by_email(&app, SECRETARY).await;
    let phone = Browser::new(&app);
    phone.sign_in_by_email(&app, SECRETARY).await;
    let someone_else = Browser::new(&app);
    someone_else.sign_in_by_email(&app, NEIGHBOUR).await;

    // The account page lists both browsers, this one marked, each with its own button.
    let (status, page) = laptop.page("/account").await;
    assert_eq!(status, 200);
    assert_eq!(page.matches("/account/sessions/").count(), 2, "{page}");
    assert!(page.contains("αυτό το πρόγραμμα περιήγησης"), "{page}");
    assert!(page.contains("minutes-script"), "the token by its name");
    assert!(page.contains("href=\"/account/data\""));
    assert!(!page.contains(NEIGHBOUR));

    // The same list from the API, with which one is the phone's.
    let sessions: serde_json::Value = laptop
        .get("/api/v1/me/sessions")
        .await
        .json()
        .await
        .unwrap();
    let sessions = sessions.as_array().unwrap();
    assert_eq!(sessions.len(), 2, "{sessions:?}");
    let phone_session = sessions
        .iter()
        .find(|s| s["current"] == false)
        .expect("the other browser's session")["id"]
        .as_i64()
        .unwrap();

    // Signing the phone out from the laptop: the phone is signed out, the laptop is not.
    let (status, to, _) = laptop
        .submit(
            "/account",
            &format!("/account/sessions/{phone_session}/end"),
            &[],
        )
        .await;
    assert_eq!((status, to.as_str()), (303, "/account?done=session-ended"));
    assert_eq!(phone.me().await.0, 401);
    assert_eq!(laptop.me().await.0, 200);
    let (_, page) = laptop.page("/account?done=session-ended").await;
    assert!(page.contains("Η συνεδρία αποσυνδέθηκε."), "{page}");
    assert_eq!(page.matches("/account/sessions/").count(), 1);
    assert!(
        page.contains("Αποσύνδεση συνεδρίας από άλλη"),
        "the audit entry about it: {page}"
    );
    // Nobody ends a session that is not theirs: the same answer as for none at all.
    let (_, theirs) = someone_else.me().await;
    assert_eq!(theirs["email"], NEIGHBOUR);
    let again = laptop
        .submit(
            "/account",
            &format!("/account/sessions/{phone_session}/end"),
            &[],
        )
        .await;
    assert_eq!(again.0, 404);
    assert_eq!(someone_else.me().await.0, 200);

    // The download: everything about this account, nothing of anyone else's.
    let file = laptop.get("/account/data").await;
    assert_eq!(file.status(), 200);
    assert_eq!(
        file.headers()["content-disposition"],
        "attachment; filename=\"account.json\""
    );
    assert_eq!(file.headers()["cache-control"], "no-store");
    let text = file.text().await.unwrap();
    let held: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(held["email"], SECRETARY);
    assert_eq!(held["roles"][0]["role"], "secretary");
    assert_eq!(held["roles"][0]["tenant"], "paros");
    assert_eq!(held["sessions"].as_array().unwrap().len(), 1);
    assert_eq!(held["sessions"][0]["current"], true);
    assert_eq!(held["tokens"][0]["name"], "minutes-script");
    assert!(!text.contains("token_hash") && !text.contains(&token));
    let actions: Vec<&str> = held["audit"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert!(actions.contains(&"session_ended"), "{actions:?}");
    assert!(actions.contains(&"sign_in"), "{actions:?}");
    assert_eq!(held["kept_for"]["audit_log_years"], 2);
    assert!(!text.contains(NEIGHBOUR), "nothing of anyone else: {text}");

    // The API gives the same to the account's token.
    let (status, by_token) = app.get_json_as(&token, "/api/v1/me/data").await;
    assert_eq!(status, 200);
    assert_eq!(by_token["email"], SECRETARY);
    assert_eq!(by_token["sessions"].as_array().unwrap().len(), 1);
    let not_mine = app
        .client
        .delete(app.url("/api/v1/me/sessions/999999"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    integration_tests::expect_problem(not_mine, 404).await;

    // An address with `_` in it is not a pattern: another's entries stay out.
    let underscored = token_for(&app.context, "an_na@paros.example.org", &[], "anna").await;
    tenants::identity::audit::record(
        &app.context.db,
        tenants::identity::audit::Event::new(tenants::identity::audit::Action::RoleInvited)
            .target("secretary anxna@paros.example.org"),
    )
    .await
    .unwrap();
    let (_, held) = app.get_json_as(&underscored, "/api/v1/me/data").await;
    assert!(!held.to_string().contains("anxna@"), "{held}");

    // Signed out, the download asks to sign in first and comes back to it.
    let stranger = Browser::new(&app);
    let response = stranger.navigate("/account/data").await;
    assert_eq!(response.status(), 303);
    assert_eq!(location(&response), "/sign-in?next=%2Faccount%2Fdata");
}

async fn an_operator_erases_an_account_and_the_audit_log_keeps_a_pseudonym(app: TestApp) {
    app.create_tenant("paros").await;
    let leaving = "leaving@paros.example.org";
    let their_token = token_for(
        &app.context,
        leaving,
        &[(Role::Secretary, Some("paros"))],
        "their-script",
    )
    .await;
    let browser = Browser::new(&app);
    browser.sign_in_by_email(&app, leaving).await;
    assert_eq!(browser.me().await.0, 200);

    // Found by part of the address; too short a search is a field error.
    let (status, found) = app
        .get_json_as(&app.token, "/api/v1/platform/accounts?q=leaving")
        .await;
    assert_eq!(status, 200, "{found}");
    assert_eq!(found.as_array().unwrap().len(), 1, "{found}");
    assert_eq!(found[0]["email"], leaving);
    let id = found[0]["id"].as_i64().unwrap();
    let (status, problem) = app
        .get_json_as(&app.token, "/api/v1/platform/accounts?q=le")
        .await;
    assert_eq!(status, 422, "{problem}");
    assert_eq!(problem["errors"][0]["field"], "q");
    assert_eq!(problem["errors"][0]["code"], "too_short");
    // Only operators erase, and not themselves.
    let (status, _) = app
        .get_json_as(&their_token, "/api/v1/platform/accounts?q=leaving")
        .await;
    assert_eq!(status, 403);
    let (_, me) = app.get_json_as(&app.token, "/api/v1/me").await;
    let own = app
        .client
        .delete(app.url(&format!("/api/v1/platform/accounts/{}", me["user_id"])))
        .bearer_auth(&app.token)
        .send()
        .await
        .unwrap();
    integration_tests::expect_problem(own, 409).await;

    let erased = app
        .client
        .delete(app.url(&format!("/api/v1/platform/accounts/{id}")))
        .bearer_auth(&app.token)
        .send()
        .await
        .unwrap();
    assert_eq!(erased.status(), 200);
    let erased: serde_json::Value = erased.json().await.unwrap();
    let pseudonym = format!("erased-user-{id}");
    assert_eq!(erased["pseudonym"], pseudonym);
    assert!(erased["audit_entries"].as_u64().unwrap() >= 2, "{erased}");

    // Gone: the account, its session and token; the address nowhere in the audit log,
    // which still holds what was done, under the pseudonym.
    assert_eq!(browser.me().await.0, 401);
    let (status, _) = app.get_json_as(&their_token, "/api/v1/me").await;
    assert_eq!(status, 401);
    let db = &app.context.db;
    let account = user::Entity::find()
        .filter(user::Column::Email.eq(leaving))
        .one(db)
        .await
        .unwrap();
    assert!(account.is_none());
    let entries = audit_event::Entity::find().all(db).await.unwrap();
    for entry in &entries {
        let text = format!("{entry:?}");
        assert!(!text.contains(leaving), "the address stays in {text}");
    }
    let signed_in_as_pseudonym = entries
        .iter()
        .any(|e| e.action == "sign_in" && e.actor_email.as_deref() == Some(pseudonym.as_str()));
    assert!(signed_in_as_pseudonym, "{entries:?}");
    assert!(
        entries.iter().any(
            |e| e.action == "account_erased" && e.target.as_deref() == Some(pseudonym.as_str())
        )
    );
    let (_, again) = app
        .get_json_as(&app.token, "/api/v1/platform/accounts?q=leaving")
        .await;
    assert_eq!(again, serde_json::json!([]));
    let twice = app
        .client
        .delete(app.url(&format!("/api/v1/platform/accounts/{id}")))
        .bearer_auth(&app.token)
        .send()
        .await
        .unwrap();
    integration_tests::expect_problem(twice, 404).await;
}

/// The same erasure from the operators' workspace: search, confirm, erased.
async fn an_operator_finds_and_erases_an_account_in_the_workspace(app: TestApp) {
    app.create_tenant("paros").await;
    let leaving = "leaving@paros.example.org";
    token_for(
        &app.context,
        leaving,
        &[(Role::Secretary, Some("paros"))],
        "their-script",
    )
    .await;
    let operator = Browser::new(&app);
    operator
        .sign_in_by_email(&app, "platform-admin@tests.example.org")
        .await;
    let accounts = "/workspace/platform/accounts";

    // Too little to search by: the error beside the field, what was typed kept.
    let (status, page) = operator.page(&format!("{accounts}?q=le")).await;
    assert_eq!(status, 422);
    assert!(page.contains("class=\"error-summary\""), "{page}");
    assert!(
        page.contains("«Διεύθυνση ή όνομα» πρέπει να έχει τουλάχιστον 3 χαρακτήρες"),
        "{page}"
    );
    assert!(page.contains("value=\"le\""), "{page}");

    let (status, page) = operator.page(&format!("{accounts}?q=leaving")).await;
    assert_eq!(status, 200);
    assert!(page.contains(leaving), "{page}");
    let confirm = page
        .split("href=\"")
        .filter_map(|rest| rest.split('"').next())
        .find(|href| href.starts_with(accounts) && href.ends_with("/erase"))
        .expect("an erase link")
        .to_string();
    let (status, page) = operator.page(&confirm).await;
    assert_eq!(status, 200);
    assert!(
        page.contains(&format!("Διαγραφή του λογαριασμού {leaving};")),
        "{page}"
    );
    let (status, to, _) = operator.submit(&confirm, &confirm, &[]).await;
    assert_eq!(
        (status, to.as_str()),
        (303, "/workspace/platform/accounts?done=account-erased")
    );
    let (_, page) = operator.page(&to).await;
    assert!(page.contains("Ο λογαριασμός διαγράφηκε."), "{page}");
    let (_, page) = operator.page(&format!("{accounts}?q=leaving")).await;
    assert!(page.contains("Κανένας λογαριασμός"), "{page}");

    // Their own account: the page says why not, with no button.
    let (_, me) = operator.me().await;
    let (status, page) = operator
        .page(&format!("{accounts}/{}/erase", me["user_id"]))
        .await;
    assert_eq!(status, 200);
    assert!(page.contains("Δεν μπορείτε να διαγράψετε τον δικό σας λογαριασμό"));
    assert!(!page.contains("class=\"button-warning\""));
}

on_both_databases!(
    a_person_signs_out_a_session_from_another_browser_and_downloads_their_data,
    an_operator_erases_an_account_and_the_audit_log_keeps_a_pseudonym,
    an_operator_finds_and_erases_an_account_in_the_workspace,
);

//! The moderators' side of good practices: each submission is e-mailed to its moderators
//! (the municipality's administrators, else the platform's) and waits in their queue with
//! how long it has waited; the review page shows an update's changes word by word; changes
//! are requested and practices rejected with a note (required, said beside the field),
//! published after a confirmation; a decision taken meanwhile by someone else is said, the
//! note kept. Feedback is approved or refused from its own queue, and a municipality's
//! administrator marks from the public page that it adopted a practice.

use council_shared::auth::Role;
use integration_tests::{
    TestApp,
    browser::{Browser, outbox},
    on_both_databases, send, token_for,
};
use reqwest::Method;
use serde_json::{Value, json};

const ADMIN: &str = "admin@alpha.example.org";
const BETA_ADMIN: &str = "admin@beta.example.org";
const WRITER: &str = "writer@alpha.example.org";
const NGO: &str = "author@ngo.example.org";
const STRANGER: &str = "someone@example.org";
const PLATFORM: &str = "platform-admin@tests.example.org";

async fn api(
    app: &TestApp,
    token: Option<&str>,
    method: Method,
    path: &str,
    body: Option<Value>,
) -> (u16, Value) {
    send(
        &app.client,
        &app.url(&format!("/api/v1{path}")),
        token,
        method,
        body,
    )
    .await
}

async fn ok(app: &TestApp, token: &str, method: Method, path: &str, body: Option<Value>) -> Value {
    let (status, value) = api(app, Some(token), method, path, body).await;
    assert!((200..300).contains(&status), "{path}: {status} {value}");
    value
}

fn practice(title: &str, description: &str, tenant: Option<&str>) -> Value {
    json!({
        "title": {"el": title},
        "summary": {"el": "Υποστήριξη στην αναζήτηση εργασίας."},
        "sector": if tenant.is_some() { "municipality" } else { "civil_society" },
        "thematic_areas": ["employment"],
        "organisation": {"name": "Οργάνωση Δοκιμής", "tenant": tenant},
        "description": {"el": description},
    })
}

/// Drafts and submits a practice as `token`; returns its slug.
async fn submitted(app: &TestApp, token: &str, body: Value) -> String {
    let created = ok(app, token, Method::POST, "/practices", Some(body)).await;
    let slug = created["slug"].as_str().unwrap().to_string();
    ok(
        app,
        token,
        Method::POST,
        &format!("/practices/{slug}/submit"),
        None,
    )
    .await;
    slug
}

/// The messages to `to` holding `words`, waiting up to ten seconds for at least one (the
/// notifications service reads the practices' events every second).
async fn mails_to(app: &TestApp, to: &str, words: &str) -> Vec<String> {
    for _ in 0..100 {
        let found = sent_to(app, to, words);
        if !found.is_empty() {
            return found;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("no message to {to} with {words}");
}

/// The messages to `to` holding `words`, their text decoded (these are in two parts, text
/// and HTML, each encoded).
fn sent_to(app: &TestApp, to: &str, words: &str) -> Vec<String> {
    outbox(app)
        .into_iter()
        .filter(|m| m.contains(&format!("To: {to}")))
        .map(|m| integration_tests::smtp::decoded(&m))
        .filter(|m| m.contains(words))
        .collect()
}

async fn state_of(app: &TestApp, token: &str, slug: &str) -> String {
    let detail = ok(app, token, Method::GET, &format!("/practices/{slug}"), None).await;
    detail["working"]["state"].as_str().unwrap().to_string()
}

/// Moves when the practice entered its state `days` back, as if it had waited that long.
async fn backdate(app: &TestApp, slug: &str, days: i64) {
    use practices::entities::transition;
    use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, Set};
    let found = practices::service::find(&app.context.db, slug)
        .await
        .unwrap();
    for step in transition::Entity::find()
        .filter(transition::Column::PracticeId.eq(found.id))
        .all(&app.context.db)
        .await
        .unwrap()
    {
        let at = step.created_at - chrono::Duration::days(days);
        let mut row = step.into_active_model();
        row.created_at = Set(at);
        row.update(&app.context.db).await.unwrap();
    }
}

async fn moderators_are_told_and_decide_in_the_workspace(app: TestApp) {
    app.create_tenant("alpha").await;
    app.create_tenant("beta").await;
    let ctx = &app.context;
    let admin_token = token_for(ctx, ADMIN, &[(Role::TenantAdmin, Some("alpha"))], "t").await;
    let beta_token = token_for(ctx, BETA_ADMIN, &[(Role::TenantAdmin, Some("beta"))], "t").await;
    let writer = token_for(ctx, WRITER, &[(Role::PracticeAuthor, Some("alpha"))], "t").await;
    let ngo = token_for(ctx, NGO, &[], "t").await;
    token_for(ctx, STRANGER, &[], "t").await;

    // A municipality's practice is mailed to its administrators, once each, with the link.
    let title = "Κέντρο Απασχόλησης Άλφα";
    let slug = submitted(
        &app,
        &writer,
        practice(title, "Μαθήματα ελληνικών για ενήλικες.", Some("alpha")),
    )
    .await;
    let review = format!("/workspace/moderation/practices/{slug}");
    let mails = mails_to(&app, ADMIN, title).await;
    assert_eq!(mails.len(), 1, "{mails:?}");
    assert!(
        mails[0].contains(&format!("{}{review}", app.base)),
        "{}",
        mails[0]
    );
    assert!(mails[0].contains("Οργάνωση Δοκιμής"), "{}", mails[0]);
    // An NGO's practice goes to the platform's administrators.
    let ngo_title = "Πρόγραμμα Φιλοξενίας ΜΚΟ";
    let ngo_slug = submitted(&app, &ngo, practice(ngo_title, "Στέγαση.", None)).await;
    assert_eq!(mails_to(&app, PLATFORM, ngo_title).await.len(), 1);
    for (who, what) in [
        (BETA_ADMIN, title),
        (PLATFORM, title),
        (WRITER, title),
        (ADMIN, ngo_title),
        (STRANGER, ngo_title),
    ] {
        assert!(
            sent_to(&app, who, what).is_empty(),
            "{who} is not told of {what}"
        );
    }

    // The same addresses over HTTP, as the notifications service run on its own asks.
    {
        use council_shared::council::CouncilDirectory;
        let remote = council_shared::remote::TenantsClient::new(&app.base)
            .unwrap()
            .with_token(Some(app.token.clone().into()));
        let (_, alpha) = app.get_json("/api/v1/tenants/alpha").await;
        let moderators = remote.moderator_emails(alpha["id"].as_i64()).await.unwrap();
        assert_eq!(moderators, [ADMIN]);
        let platform = remote.moderator_emails(None).await.unwrap();
        assert!(platform.iter().any(|a| a == PLATFORM), "{platform:?}");
    }

    // The API's queue: what each moderates; `state` on the search is refused, pointing there.
    let queue = ok(
        &app,
        &admin_token,
        Method::GET,
        "/practice-submissions",
        None,
    )
    .await;
    assert_eq!(queue.as_array().unwrap().len(), 1, "{queue}");
    assert_eq!(queue[0]["slug"], slug.as_str());
    assert_eq!(queue[0]["state"], "submitted");
    assert_eq!(queue[0]["municipality"], "alpha");
    assert_eq!(queue[0]["update"], false);
    let everything = ok(&app, &app.token, Method::GET, "/practice-submissions", None).await;
    assert_eq!(everything[0]["slug"], slug.as_str(), "oldest first");
    assert_eq!(everything[1]["slug"], ngo_slug.as_str());
    let none = ok(&app, &ngo, Method::GET, "/practice-submissions", None).await;
    assert_eq!(none, json!([]));
    let drafts = ok(
        &app,
        &beta_token,
        Method::GET,
        "/practice-submissions?state=draft",
        None,
    )
    .await;
    assert_eq!(drafts, json!([]));
    let (status, _) = api(&app, None, Method::GET, "/practice-submissions", None).await;
    assert_eq!(status, 401);
    let (status, problem) = api(&app, None, Method::GET, "/practices?state=submitted", None).await;
    assert_eq!(status, 422, "{problem}");
    assert!(
        problem.to_string().contains("/api/v1/practice-submissions"),
        "{problem}"
    );
    let (status, _) = api(&app, None, Method::GET, "/practices?state=published", None).await;
    assert_eq!(status, 200);

    // The queue in the workspace, linked from home with how many wait, and how long.
    backdate(&app, &slug, 3).await;
    let admin = Browser::new(&app);
    admin.sign_in_by_email(&app, ADMIN).await;
    let (_, home) = admin.page("/workspace").await;
    assert!(home.contains("href=\"/workspace/moderation\""), "{home}");
    assert!(home.contains("(1 σε αναμονή)"), "{home}");
    let (status, queue) = admin.page("/workspace/moderation").await;
    assert_eq!(status, 200);
    assert!(queue.contains(title), "{queue}");
    assert!(queue.contains("3 ημέρες"), "{queue}");
    assert!(queue.contains("νέα πρακτική"), "{queue}");
    assert!(
        !queue.contains(ngo_title),
        "not moderated by alpha: {queue}"
    );
    let (_, english) = admin.page("/workspace/moderation?lang=en").await;
    assert!(english.contains("3 days"), "{english}");

    // Changes need a note: said beside the field; with one, the author hears of it.
    let (status, page) = admin.page(&review).await;
    assert_eq!(status, 200);
    assert!(page.contains("Μαθήματα ελληνικών για ενήλικες."), "{page}");
    let changes = format!("{review}/request-changes");
    let (status, _, page) = admin
        .submit(&review, &changes, &[("seen", "submitted"), ("note", " ")])
        .await;
    assert_eq!(status, 422);
    assert!(
        page.contains("id=\"field-request-changes-note-error\""),
        "{page}"
    );
    assert!(
        page.contains("href=\"#field-request-changes-note\""),
        "{page}"
    );
    let note = "Προσθέστε τα αποτελέσματα του 2023.";
    let (status, to, _) = admin
        .submit(&review, &changes, &[("seen", "submitted"), ("note", note)])
        .await;
    assert_eq!(
        (status, to.as_str()),
        (303, "/workspace/moderation?done=changes-requested")
    );
    assert_eq!(state_of(&app, &writer, &slug).await, "changes_requested");
    assert!(mails_to(&app, WRITER, note).await.len() == 1);

    // Resubmitted, then reviewed; a decision on the state seen before is refused readably.
    ok(
        &app,
        &writer,
        Method::POST,
        &format!("/practices/{slug}/submit"),
        None,
    )
    .await;
    let (status, to, _) = admin
        .submit(
            &review,
            &format!("{review}/review"),
            &[("seen", "submitted")],
        )
        .await;
    assert_eq!((status, to), (303, format!("{review}?done=review-started")));
    let kept = "Λείπει η διάρκεια.";
    let (status, _, page) = admin
        .submit(&review, &changes, &[("seen", "submitted"), ("note", kept)])
        .await;
    assert_eq!(status, 422);
    assert!(page.contains("Κάποιος άλλος αποφάσισε"), "{page}");
    assert!(page.contains(kept), "what was typed is kept: {page}");
    assert_eq!(state_of(&app, &writer, &slug).await, "in_review");

    // Published after a confirmation: the public reads it.
    let publish = format!("{review}/publish");
    let (status, confirm) = admin.page(&publish).await;
    assert_eq!(status, 200);
    assert!(confirm.contains("Μόλις δημοσιευθεί"), "{confirm}");
    let (status, to, _) = admin
        .submit(&publish, &publish, &[("seen", "in_review")])
        .await;
    assert_eq!(
        (status, to.as_str()),
        (303, "/workspace/moderation?done=practice-published")
    );
    let (status, public) = Browser::new(&app).page(&format!("/practices/{slug}")).await;
    assert_eq!(status, 200);
    assert!(public.contains(title), "{public}");

    // An update: the review shows what changes, word by word.
    let mut update = practice(title, "Μαθήματα αγγλικών για ενήλικες.", Some("alpha"));
    update["title"] = json!({"el": title, "en": "Employment Centre Alpha"});
    ok(
        &app,
        &writer,
        Method::PUT,
        &format!("/practices/{slug}"),
        Some(update),
    )
    .await;
    ok(
        &app,
        &writer,
        Method::POST,
        &format!("/practices/{slug}/submit"),
        None,
    )
    .await;
    let (_, queue) = admin.page("/workspace/moderation").await;
    assert!(
        queue.contains("ενημέρωση δημοσιευμένης πρακτικής"),
        "{queue}"
    );
    let (_, page) = admin.page(&review).await;
    assert!(
        page.contains("Τι αλλάζει σε σχέση με τη δημοσιευμένη εκδοχή"),
        "{page}"
    );
    assert!(
        page.contains("<del><span class=\"visually-hidden\">αφαιρείται: </span>ελληνικών</del>"),
        "{page}"
    );
    assert!(
        page.contains("<ins><span class=\"visually-hidden\">προστίθεται: </span>αγγλικών</ins>"),
        "{page}"
    );
    assert!(page.contains("Employment Centre Alpha"), "{page}");

    // Rejected, with a reason (required too); the public version stays.
    let reject = format!("{review}/reject");
    let (status, _, page) = admin
        .submit(&review, &reject, &[("seen", "submitted"), ("note", "")])
        .await;
    assert_eq!(status, 422);
    assert!(page.contains("id=\"field-reject-note-error\""), "{page}");
    let reason = "Η αλλαγή γλώσσας δεν τεκμηριώνεται.";
    let (status, to, _) = admin
        .submit(&review, &reject, &[("seen", "submitted"), ("note", reason)])
        .await;
    assert_eq!(
        (status, to.as_str()),
        (303, "/workspace/moderation?done=practice-rejected")
    );
    assert_eq!(mails_to(&app, WRITER, reason).await.len(), 1);
    let (_, public) = Browser::new(&app).page(&format!("/practices/{slug}")).await;
    assert!(public.contains("Μαθήματα ελληνικών"), "{public}");

    // Who moderates nothing here is refused every page and action.
    let beta = Browser::new(&app);
    beta.sign_in_by_email(&app, BETA_ADMIN).await;
    let stranger = Browser::new(&app);
    stranger.sign_in_by_email(&app, STRANGER).await;
    for (who, paths) in [
        (&beta, vec![review.clone(), publish.clone()]),
        (
            &stranger,
            vec![
                "/workspace/moderation".into(),
                "/workspace/moderation/feedback".into(),
                review.clone(),
                publish.clone(),
            ],
        ),
    ] {
        for path in paths {
            assert_eq!(who.page(&path).await.0, 403, "{path}");
        }
        for action in ["review", "publish", "request-changes", "reject"] {
            let (status, _, _) = who
                .submit(
                    "/workspace",
                    &format!("{review}/{action}"),
                    &[("seen", "rejected"), ("note", "x")],
                )
                .await;
            assert_eq!(status, 403, "{action}");
        }
    }
}

async fn feedback_is_moderated_and_cities_mark_what_they_adopted(app: TestApp) {
    app.create_tenant("alpha").await;
    app.create_tenant("beta").await;
    let ctx = &app.context;
    token_for(
        ctx,
        ADMIN,
        &[
            (Role::TenantAdmin, Some("alpha")),
            (Role::TenantAdmin, Some("beta")),
        ],
        "t",
    )
    .await;
    token_for(ctx, STRANGER, &[], "t").await;
    let title = "Δίκτυο Διερμηνέων";
    let slug = submitted(&app, &app.token, practice(title, "Διερμηνεία.", None)).await;
    ok(
        &app,
        &app.token,
        Method::POST,
        &format!("/practices/{slug}/publish"),
        None,
    )
    .await;
    for (name, body) in [
        ("Μαρία", "Θα το δοκιμάσουμε στη γειτονιά μας."),
        ("Spam", "Αγοράστε τώρα."),
    ] {
        let (status, _) = api(
            &app,
            None,
            Method::POST,
            &format!("/practices/{slug}/feedback"),
            Some(json!({"name": name, "email": "reader@example.org", "body": body})),
        )
        .await;
        assert_eq!(status, 202);
    }

    // The platform's moderator answers each; addresses are never shown.
    let moderator = Browser::new(&app);
    moderator.sign_in_by_email(&app, PLATFORM).await;
    let (_, queue) = moderator.page("/workspace/moderation").await;
    assert!(queue.contains("(2 σε αναμονή)"), "{queue}");
    let feedback = "/workspace/moderation/feedback";
    let (status, page) = moderator.page(feedback).await;
    assert_eq!(status, 200);
    assert!(page.contains(title) && page.contains("Μαρία"), "{page}");
    assert!(!page.contains("reader@example.org"), "{page}");
    let ids: Vec<String> = page
        .match_indices("/feedback/")
        .filter_map(|(at, _)| {
            let rest = &page[at + "/feedback/".len()..];
            let id: String = rest.chars().take_while(char::is_ascii_digit).collect();
            (!id.is_empty()).then_some(id)
        })
        .collect();
    let base = format!("/workspace/moderation/practices/{slug}/feedback");
    let (status, to, _) = moderator
        .submit(feedback, &format!("{base}/{}/approve", ids[0]), &[])
        .await;
    assert_eq!(
        (status, to.as_str()),
        (303, "/workspace/moderation/feedback?done=feedback-approved")
    );
    let refused = ids.iter().find(|id| **id != ids[0]).unwrap();
    let (status, _, _) = moderator
        .submit(feedback, &format!("{base}/{refused}/refuse"), &[])
        .await;
    assert_eq!(status, 303);
    // Answered twice: the list again, saying so.
    let (status, _, page) = moderator
        .submit(feedback, &format!("{base}/{refused}/approve"), &[])
        .await;
    assert_eq!(status, 409);
    assert!(page.contains("Άλλος συντονιστής"), "{page}");
    let visitor = Browser::new(&app);
    let (_, public) = visitor.page(&format!("/practices/{slug}")).await;
    assert!(public.contains("Θα το δοκιμάσουμε"), "{public}");
    assert!(!public.contains("Αγοράστε"), "{public}");
    assert!(
        !public.contains("Την υιοθετήσαμε"),
        "no form for visitors: {public}"
    );

    // An administrator of two municipalities marks one as having adopted it.
    let admin = Browser::new(&app);
    admin.sign_in_by_email(&app, ADMIN).await;
    let page_path = format!("/practices/{slug}");
    let (_, public) = admin.page(&page_path).await;
    assert!(public.contains("Την υιοθετήσαμε"), "{public}");
    assert!(public.contains("<option value=\"beta\""), "{public}");
    let adopt = format!("/workspace/moderation/adoptions/{slug}");
    let long = "α".repeat(2_001);
    let (status, _, page) = admin
        .submit(&page_path, &adopt, &[("tenant", "beta"), ("note", &long)])
        .await;
    assert_eq!(status, 422);
    assert!(page.contains("id=\"field-note-error\""), "{page}");
    let (status, to, _) = admin
        .submit(
            &page_path,
            &adopt,
            &[("tenant", "beta"), ("note", "Το εφαρμόζουμε από το 2025.")],
        )
        .await;
    assert_eq!(
        (status, to),
        (303, format!("{page_path}?done=adopted#adopters"))
    );
    let (_, public) = visitor.page(&page_path).await;
    assert!(public.contains("href=\"/municipalities/beta\""), "{public}");
    assert!(public.contains("Το εφαρμόζουμε από το 2025."), "{public}");
    let (_, api_view) = api(&app, None, Method::GET, &format!("/practices/{slug}"), None).await;
    assert_eq!(api_view["adoptions"][0]["tenant"], "beta", "{api_view}");

    // Withdrawn after a confirmation.
    let withdraw = format!("{adopt}/beta/withdraw");
    let (_, mine) = admin.page(&page_path).await;
    assert!(mine.contains(&format!("href=\"{withdraw}\"")), "{mine}");
    let (status, _) = admin.page(&withdraw).await;
    assert_eq!(status, 200);
    let (status, to, _) = admin.submit(&withdraw, &withdraw, &[]).await;
    assert_eq!(
        (status, to),
        (303, format!("{page_path}?done=adoption-withdrawn#adopters"))
    );
    let (_, public) = visitor.page(&page_path).await;
    assert!(
        !public.contains("href=\"/municipalities/beta\""),
        "{public}"
    );

    // Anyone else is refused.
    let stranger = Browser::new(&app);
    stranger.sign_in_by_email(&app, STRANGER).await;
    assert_eq!(stranger.page(&adopt).await.0, 403);
    assert_eq!(stranger.page(&withdraw).await.0, 403);
    let (status, _, _) = stranger
        .submit("/workspace", &adopt, &[("tenant", "alpha")])
        .await;
    assert_eq!(status, 403);
    let (status, _, _) = stranger
        .submit("/workspace", &format!("{base}/{}/refuse", ids[0]), &[])
        .await;
    assert_eq!(status, 403);
}

on_both_databases!(
    moderators_are_told_and_decide_in_the_workspace,
    feedback_is_moderated_and_cities_mark_what_they_adopted,
);

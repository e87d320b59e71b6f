//! A meeting's whole life through the workspace's pages, as a secretary and a member do it
//! in a browser without JavaScript: signed in with a link from the outbox, forms posted
//! with their token, every change redirected to a page that says it was done. The API is
//! only used to read back what the pages did (and to bring the start time close, since a
//! meeting is convened for the future and held once it has started).

use chrono::{Duration, SecondsFormat, Utc};
use council_shared::{athens, auth::Role};
use integration_tests::{
    TestApp,
    browser::{Browser, location, version_in},
    on_both_databases, sample_member, send, token_for,
};
use reqwest::Method;
use serde_json::{Value, json};

const SECRETARY: &str = "secretary@alpha.example.org";
const MEMBER: &str = "member@alpha.example.org";
const CLOSED_TITLE: &str = "Αίτημα κατοίκου για στέγαση";

/// Posts `form` (with the page's token) and returns the status, the redirect and the page.
async fn submit(
    browser: &Browser,
    page: &str,
    action: &str,
    form: &[(&str, &str)],
) -> (u16, String, String) {
    browser.submit(page, action, form).await
}

async fn meeting_json(app: &TestApp, token: &str, id: i64) -> Value {
    let (status, meeting) = app
        .get_json_as(token, &format!("/api/v1/tenants/alpha/meetings/{id}"))
        .await;
    assert_eq!(status, 200, "{meeting}");
    meeting
}

async fn council(app: &TestApp) -> Vec<i64> {
    app.create_tenant("alpha").await;
    let mut ids = Vec::new();
    for name in ["Σαμίρ Χαλίλ", "Ελένη Παππά", "Ολένα Κοβαλένκο"]
    {
        let mut member = sample_member(name, "member", "migrant_community", "regular");
        // Only the first can be reached by e-mail.
        if ids.is_empty() {
            member["email"] = json!(MEMBER);
        } else {
            member.as_object_mut().unwrap().remove("email");
        }
        let (status, member) = app
            .post("/api/v1/tenants/alpha/council/members", &member)
            .await;
        assert_eq!(status, 201, "{member}");
        ids.push(
            member["member"]["id"]
                .as_i64()
                .unwrap_or_else(|| panic!("{member}")),
        );
    }
    ids
}

async fn a_secretary_and_a_member_run_a_meeting_from_the_pages(app: TestApp) {
    let members = council(&app).await;
    let token = token_for(
        &app.context,
        SECRETARY,
        &[(Role::Secretary, Some("alpha"))],
        "t",
    )
    .await;
    token_for(
        &app.context,
        MEMBER,
        &[(Role::CouncilMember, Some("alpha"))],
        "t",
    )
    .await;
    let secretary = Browser::new(&app);
    secretary.sign_in_by_email(&app, SECRETARY).await;
    let member = Browser::new(&app);
    member.sign_in_by_email(&app, MEMBER).await;

    // From the workspace's home to the council's meetings and "New meeting".
    let (status, home) = secretary.page("/workspace").await;
    assert_eq!(status, 200);
    assert!(
        home.contains("href=\"/workspace/alpha/meetings\""),
        "{home}"
    );
    let (status, list) = secretary.page("/workspace/alpha/meetings").await;
    assert_eq!(status, 200);
    assert!(
        list.contains("href=\"/workspace/alpha/meetings/new\""),
        "{list}"
    );

    // A form with mistakes comes back with each error linked and beside its field, and
    // with everything typed still there.
    let (_, english) = secretary.page("/workspace/alpha/meetings?lang=en").await;
    assert!(
        english.contains("Test Municipality"),
        "in the reader's language: {english}"
    );
    let new = "/workspace/alpha/meetings/new";
    let (status, _, page) = submit(
        &secretary,
        new,
        new,
        &[
            ("title", ""),
            ("kind", "regular"),
            ("mode", "hybrid"),
            ("date", "31/02/2027"),
            ("starts", "18:00"),
            ("ends", "20:00"),
            ("location_name", "Δημαρχείο"),
        ],
    )
    .await;
    assert_eq!(status, 422, "{page}");
    assert!(page.contains("Υπάρχει πρόβλημα"), "{page}");
    assert!(
        page.contains("<a href=\"#field-title\">Συμπληρώστε το πεδίο «Τίτλος»."),
        "{page}"
    );
    assert!(
        page.contains("μια πραγματική ημερομηνία, π.χ. 10/12/2026"),
        "{page}"
    );
    assert!(page.contains("χρειάζεται ο σύνδεσμος σύνδεσης"), "{page}");
    assert!(
        page.contains("value=\"31/02/2027\""),
        "the typed date is kept: {page}"
    );
    assert!(page.contains("value=\"Δημαρχείο\""), "{page}");
    assert!(page.contains("value=\"hybrid\" checked"), "{page}");

    let day = athens::local(Utc::now() + Duration::days(10));
    let date = day.format("%d/%m/%Y").to_string();
    let (status, to, page) = submit(
        &secretary,
        new,
        new,
        &[
            ("title", "1η τακτική συνεδρίαση"),
            ("kind", "regular"),
            ("mode", "in_person"),
            ("date", &date),
            ("starts", "18:00"),
            ("ends", "20:30"),
            ("location_name", "Δημαρχείο, αίθουσα Α"),
        ],
    )
    .await;
    assert_eq!(status, 303, "{page}");
    let id: i64 = to
        .trim_start_matches("/workspace/alpha/meetings/")
        .split('?')
        .next()
        .unwrap()
        .parse()
        .unwrap_or_else(|_| panic!("a meeting's address: {to}"));
    let base = format!("/workspace/alpha/meetings/{id}");
    let (_, page) = secretary.page(&to).await;
    assert!(
        page.contains("Η συνεδρίαση καταχωρίστηκε ως προσχέδιο"),
        "{page}"
    );
    let created = meeting_json(&app, &token, id).await;
    assert_eq!(created["state"], "draft");
    assert_eq!(
        created["starts_at_local"].as_str().unwrap()[11..16],
        *"18:00",
        "Athens time as typed"
    );

    // The agenda: a public item with a member as rapporteur, a closed one; then reordered.
    let new_item = format!("{base}/agenda/new");
    let rapporteur = members[1].to_string();
    for (title, closed) in [("Πρόγραμμα εκμάθησης ελληνικών", ""), (CLOSED_TITLE, "on")]
    {
        let mut form = vec![
            ("title", title),
            ("description", "Εισήγηση της **γραμματείας**."),
            ("rapporteur_member", rapporteur.as_str()),
        ];
        if !closed.is_empty() {
            form.push(("closed", "on"));
        }
        let (status, to, page) = submit(&secretary, &new_item, &new_item, &form).await;
        assert_eq!(status, 303, "{page}");
        assert!(to.ends_with("?done=item-added"), "{to}");
    }
    let agenda = meeting_json(&app, &token, id).await["agenda"].clone();
    assert_eq!(agenda[0]["rapporteur"], "Ελένη Παππά");
    assert_eq!(agenda[1]["public"], false);
    let (first, second) = (
        agenda[0]["id"].as_i64().unwrap(),
        agenda[1]["id"].as_i64().unwrap(),
    );
    let (status, _, _) = submit(
        &secretary,
        &base,
        &format!("{base}/agenda/{second}/move"),
        &[("direction", "up")],
    )
    .await;
    assert_eq!(status, 303);
    let agenda = meeting_json(&app, &token, id).await["agenda"].clone();
    assert_eq!(agenda[0]["id"].as_i64(), Some(second), "moved up");
    assert_eq!(agenda[1]["id"].as_i64(), Some(first));

    // Two secretaries: the second save of an older copy is refused, nothing overwritten.
    let edit = format!("{base}/edit");
    let stale = secretary.csrf_from(&edit).await;
    let stale_page = secretary.get(&edit).await.text().await.unwrap();
    let version = stale_page
        .split("name=\"version\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("the form carries the meeting's version")
        .to_string();
    let (status, _, _) = submit(
        &secretary,
        &edit,
        &edit,
        &[
            ("version", &version),
            ("title", "1η τακτική συνεδρίαση 2026"),
            ("kind", "regular"),
            ("mode", "in_person"),
            ("date", &date),
            ("starts", "18:00"),
            ("ends", "20:30"),
            ("location_name", "Δημαρχείο, αίθουσα Α"),
        ],
    )
    .await;
    assert_eq!(status, 303);
    let late = secretary
        .post_form(
            &edit,
            &[
                ("csrf", stale.as_str()),
                ("version", &version),
                ("title", "Άλλος τίτλος"),
                ("kind", "regular"),
                ("mode", "in_person"),
                ("date", &date),
                ("starts", "18:00"),
                ("ends", "20:30"),
                ("location_name", "Δημαρχείο, αίθουσα Α"),
            ],
        )
        .await;
    assert_eq!(late.status(), 422);
    let page = late.text().await.unwrap();
    assert!(
        page.contains("Κάποιος άλλος άλλαξε τη συνεδρίαση"),
        "{page}"
    );
    assert!(
        page.contains("value=\"Άλλος τίτλος\""),
        "what was typed is kept"
    );
    assert_eq!(
        meeting_json(&app, &token, id).await["title"],
        "1η τακτική συνεδρίαση 2026"
    );

    // Convening: the confirmation says who is told and who cannot be reached.
    let convene = format!("{base}/convene");
    let (status, page) = secretary.page(&convene).await;
    assert_eq!(status, 200);
    assert!(page.contains("Ποιοι ενημερώνονται με e-mail"), "{page}");
    assert!(
        page.contains("Μέλη που δεν μπορούν να ενημερωθούν"),
        "{page}"
    );
    assert!(page.contains("Ολένα Κοβαλένκο"), "{page}");
    let (status, to, _) = submit(&secretary, &convene, &convene, &[]).await;
    assert_eq!(status, 303);
    assert!(to.ends_with("?done=convened"), "{to}");
    assert_eq!(meeting_json(&app, &token, id).await["state"], "convened");

    // The member: the whole agenda with the closed item; an answer and a comment.
    let (status, page) = member.page(&base).await;
    assert_eq!(status, 200, "{page}");
    assert!(page.contains(CLOSED_TITLE), "members see closed items");
    assert!(page.contains("Θα έρθετε;"), "{page}");
    let (status, _, page) = submit(
        &member,
        &base,
        &format!("{base}/answer"),
        &[("note", "Ίσως αργήσω")],
    )
    .await;
    assert_eq!(status, 422);
    assert!(
        page.contains("Διαλέξτε μία επιλογή στο «Η απάντησή σας»."),
        "{page}"
    );
    assert!(page.contains("Ίσως αργήσω"), "the note is kept");
    let (status, _, _) = submit(
        &member,
        &base,
        &format!("{base}/answer"),
        &[("answer", "attending"), ("note", "Ίσως αργήσω")],
    )
    .await;
    assert_eq!(status, 303);
    let (status, _, _) = submit(
        &member,
        &base,
        &format!("{base}/agenda/{first}/comment"),
        &[("body", "Θα φέρω τα στοιχεία του προγράμματος.")],
    )
    .await;
    assert_eq!(status, 303);
    // A member cannot use the secretary's pages.
    assert_eq!(member.page(&edit).await.0, 403);
    assert_eq!(member.page(&convene).await.0, 403);

    let (_, page) = secretary.page(&base).await;
    assert!(page.contains("Θα παρευρεθώ"), "the member's answer: {page}");
    assert!(
        page.contains("Θα φέρω τα στοιχεία του προγράμματος."),
        "{page}"
    );

    // Marked held before it starts (a page left open, say): refused, in the reader's
    // language, not in the API's English.
    let (status, _, page) = submit(&secretary, &base, &format!("{base}/hold"), &[]).await;
    assert_eq!(status, 409, "{page}");
    assert!(
        page.contains("Η συνεδρίαση σημειώνεται ως πραγματοποιηθείσα αφού αρχίσει."),
        "{page}"
    );
    assert!(!page.contains("once it has started"), "{page}");

    // The meeting starts (brought forward through the API: the pages take whole minutes).
    let starts = Utc::now() + Duration::seconds(2);
    let at = |t: chrono::DateTime<Utc>| t.to_rfc3339_opts(SecondsFormat::Secs, true);
    let (status, moved) = send(
        &app.client,
        &app.url(&format!("/api/v1/tenants/alpha/meetings/{id}")),
        Some(&token),
        Method::PUT,
        Some(json!({
            "title": "1η τακτική συνεδρίαση 2026", "kind": "regular", "mode": "in_person",
            "starts_at": at(starts), "ends_at": at(starts + Duration::hours(2)),
            "location": {"name": "Δημαρχείο, αίθουσα Α"}
        })),
    )
    .await;
    assert_eq!(status, 200, "{moved}");
    tokio::time::sleep(std::time::Duration::from_secs(3)).await;
    // Started: answers are closed, on the page and through the API alike.
    let (_, page) = member.page(&base).await;
    assert!(!page.contains("Θα έρθετε;"), "{page}");
    let (status, _, page) = submit(
        &member,
        &base,
        &format!("{base}/answer"),
        &[("answer", "not_attending")],
    )
    .await;
    assert_eq!(status, 422, "the form comes back saying why");
    assert!(page.contains("οι απαντήσεις έκλεισαν"), "{page}");

    // Attendance: a row per member, first filled from the answers; without a choice for
    // everyone it is refused beside the rows left empty.
    let sheet = format!("{base}/attendance");
    let (status, page) = secretary.page(&sheet).await;
    assert_eq!(status, 200);
    assert!(page.contains("Υπηρετούν 3 μέλη"), "{page}");
    let statuses: Vec<(String, String)> = members
        .iter()
        .map(|m| (format!("status-{m}"), "present".to_string()))
        .collect();
    let (status, _, page) = submit(
        &secretary,
        &sheet,
        &sheet,
        &[(statuses[0].0.as_str(), "present")],
    )
    .await;
    assert_eq!(status, 422);
    assert!(
        page.contains(&format!("href=\"#field-status-{}\"", members[1])),
        "{page}"
    );
    let mut form: Vec<(&str, &str)> = statuses
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    form[2].1 = "substitute_present";
    let substitute = format!("substitute-{}", members[2]);
    form.push((substitute.as_str(), "Ιγκόρ Σεβτσένκο"));
    let (status, _, page) = submit(&secretary, &sheet, &sheet, &form).await;
    assert_eq!(status, 303, "{page}");
    let (status, to, _) = submit(&secretary, &base, &format!("{base}/hold"), &[]).await;
    assert_eq!((status, to.ends_with("?done=held")), (303, true));

    // Decisions: a wrong count is refused with the reason; then two are recorded.
    let decision = format!("{base}/agenda/{first}/decision");
    let (status, _, page) = submit(
        &secretary,
        &decision,
        &decision,
        &[
            ("kind", "recommendation"),
            ("text", "Εισηγείται το πρόγραμμα."),
            ("votes_for", "3"),
            ("votes_against", "1"),
            ("abstentions", "0"),
            ("result", "adopted"),
        ],
    )
    .await;
    assert_eq!(status, 422);
    assert!(
        page.contains("Δόθηκαν 4 ψήφοι αλλά ήταν παρόντα μόνο 3 μέλη."),
        "{page}"
    );
    for (item, text) in [
        (first, "Εισηγείται το πρόγραμμα."),
        (second, "Εγκρίνει το αίτημα."),
    ] {
        let decision = format!("{base}/agenda/{item}/decision");
        let (status, _, page) = submit(
            &secretary,
            &decision,
            &decision,
            &[
                ("kind", "decision"),
                ("text", text),
                ("votes_for", "3"),
                ("votes_against", "0"),
                ("abstentions", "0"),
                ("result", "adopted"),
                ("ada", "6ΞΨ3ΩΡΦ-ΥΘΛ"),
            ],
        )
        .await;
        assert_eq!(status, 303, "{page}");
    }

    // Minutes: drafted from the record, previewed, saved, approved, published.
    let minutes = format!("{base}/minutes");
    let (status, page) = secretary.page(&minutes).await;
    assert_eq!(status, 200);
    assert!(
        page.contains("Εισηγείται το πρόγραμμα."),
        "the draft comes from the record"
    );
    let (status, _, page) = submit(
        &secretary,
        &minutes,
        &minutes,
        &[
            ("intent", "preview"),
            ("body", "# Πρακτικά\n\nΠαρόντα **όλα** τα μέλη."),
        ],
    )
    .await;
    assert_eq!(status, 200);
    assert!(page.contains("<strong>όλα</strong>"), "the preview: {page}");
    assert!(
        page.contains("Παρόντα **όλα** τα μέλη."),
        "the text stays in the box"
    );
    let (status, _, _) = submit(
        &secretary,
        &minutes,
        &minutes,
        &[
            ("intent", "save"),
            ("body", "Παρόντα όλα τα μέλη. Εισηγείται το πρόγραμμα."),
        ],
    )
    .await;
    assert_eq!(status, 303);
    // Two secretaries on the minutes: the later save of an older copy is refused.
    let (_, opened) = secretary.page(&minutes).await;
    let stale = version_in(&opened);
    let (status, _, _) = submit(
        &secretary,
        &minutes,
        &minutes,
        &[
            ("intent", "save"),
            ("version", &stale),
            ("body", "Παρόντα όλα τα μέλη. Εισηγείται το πρόγραμμα."),
        ],
    )
    .await;
    assert_eq!(status, 303);
    let (status, _, page) = submit(
        &secretary,
        &minutes,
        &minutes,
        &[
            ("intent", "save"),
            ("version", &stale),
            ("body", "Άλλο κείμενο"),
        ],
    )
    .await;
    assert_eq!(status, 422);
    assert!(page.contains("Κάποιος άλλος το άλλαξε"), "{page}");
    assert!(page.contains("Άλλο κείμενο"), "the text typed is kept");
    // The members read the draft before it is approved.
    let (_, page) = member.page(&base).await;
    assert!(page.contains("Σχέδιο πρακτικών"), "{page}");
    assert!(page.contains("Παρόντα όλα τα μέλη. Εισηγείται το πρόγραμμα."));
    let approve = format!("{base}/minutes/approve");
    let (status, _, page) = submit(
        &secretary,
        &minutes,
        &approve,
        &[
            ("by", "meeting"),
            (
                "approved_on",
                &athens::local(Utc::now()).format("%d/%m/%Y").to_string(),
            ),
        ],
    )
    .await;
    assert_eq!(status, 422);
    assert!(
        page.contains("Διαλέξτε τη συνεδρίαση που ενέκρινε τα πρακτικά."),
        "{page}"
    );
    let today = athens::local(Utc::now()).format("%d/%m/%Y").to_string();
    let (status, _, page) = submit(
        &secretary,
        &minutes,
        &approve,
        &[("by", "president"), ("approved_on", &today)],
    )
    .await;
    assert_eq!(status, 303, "{page}");
    let publish = format!("{base}/minutes/publish");
    let (status, page) = secretary.page(&publish).await;
    assert_eq!(status, 200);
    assert!(
        page.contains("Δημοσιεύονται μαζί τους 2 αποφάσεις."),
        "{page}"
    );
    let (status, to, _) = submit(&secretary, &publish, &publish, &[]).await;
    assert_eq!((status, to.ends_with("?done=published")), (303, true));

    // A correction needs its note, then becomes version 2.
    let (status, _, page) = submit(
        &secretary,
        &minutes,
        &minutes,
        &[("intent", "save"), ("body", "Διορθωμένο κείμενο.")],
    )
    .await;
    assert_eq!(status, 422);
    assert!(
        page.contains("Συμπληρώστε το πεδίο «Τι διορθώθηκε»."),
        "{page}"
    );
    let (status, _, _) = submit(
        &secretary,
        &minutes,
        &minutes,
        &[
            ("intent", "save"),
            ("body", "Διορθωμένο κείμενο."),
            ("change_note", "Ορθογραφικά."),
        ],
    )
    .await;
    assert_eq!(status, 303);
    let (_, page) = secretary.page(&minutes).await;
    assert!(page.contains("Εκδοχή 2"), "{page}");

    // The public page: the decisions, not the closed item.
    let public = app
        .get(&format!("/municipalities/alpha/meetings/{id}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(public.contains("Εισηγείται το πρόγραμμα."), "{public}");
    assert!(!public.contains(CLOSED_TITLE), "{public}");
    assert!(public.contains("Διορθωμένο κείμενο."), "{public}");
}

on_both_databases!(a_secretary_and_a_member_run_a_meeting_from_the_pages);

async fn anonymous_readers_sign_in_first_and_others_get_403(app: TestApp) {
    council(&app).await;
    let token = token_for(
        &app.context,
        SECRETARY,
        &[(Role::Secretary, Some("alpha"))],
        "t",
    )
    .await;
    let id =
        integration_tests::convene(&app.client, &app.base, &token, "alpha", "Συνεδρίαση").await;
    let page = format!("/workspace/alpha/meetings/{id}/edit");
    let anonymous = Browser::new(&app).navigate(&page).await;
    assert_eq!(anonymous.status(), 303);
    assert_eq!(
        location(&anonymous),
        format!("/sign-in?next=%2Fworkspace%2Falpha%2Fmeetings%2F{id}%2Fedit")
    );
    token_for(&app.context, "other@example.org", &[], "t").await;
    let stranger = Browser::new(&app);
    stranger.sign_in_by_email(&app, "other@example.org").await;
    let (status, html) = stranger.page(&page).await;
    assert_eq!(status, 403);
    assert!(
        html.contains("Δεν έχετε πρόσβαση σε αυτή τη σελίδα"),
        "{html}"
    );
    assert_eq!(stranger.page("/workspace/alpha/meetings").await.0, 403);
}

on_both_databases!(anonymous_readers_sign_in_first_and_others_get_403);

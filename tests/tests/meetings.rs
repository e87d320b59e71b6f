//! The life of a council meeting through the API: drafted, convened, answered, recorded,
//! minuted, approved, published and corrected, with what each kind of caller sees, the
//! invalid transitions, the calendar (checked by Python's `icalendar`) and the Atom feed.

use std::time::Duration;

use chrono::{SecondsFormat, Utc};
use council_shared::auth::Role;
use integration_tests::{TestApp, check_ics, on_both_databases, sample_member, send, token_for};
use reqwest::Method;
use serde_json::{Value, json};

struct Council {
    app: TestApp,
    secretary: String,
    member: String,
    outsider: String,
    members: Vec<i64>,
}

impl Council {
    async fn call(
        &self,
        token: Option<&str>,
        method: Method,
        path: &str,
        body: Option<Value>,
    ) -> (u16, Value) {
        let url = self.app.url(&format!("/api/v1/tenants/alpha{path}"));
        send(&self.app.client, &url, token, method, body).await
    }

    /// A page of the municipality's meetings (`path` under `/municipalities/alpha`), as
    /// the public or as the holder of `token` sees it, in Greek.
    async fn page(&self, token: Option<&str>, path: &str) -> (u16, String) {
        let mut request = self
            .app
            .client
            .get(self.app.url(&format!("/municipalities/alpha{path}")))
            .header("accept-language", "el");
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        let response = request.send().await.unwrap();
        let status = response.status().as_u16();
        (status, response.text().await.unwrap())
    }

    async fn staff(&self, method: Method, path: &str, body: Option<Value>) -> Value {
        let (status, value) = self.call(Some(&self.secretary), method, path, body).await;
        assert!((200..300).contains(&status), "{path}: {status} {value}");
        value
    }
}

/// Municipality alpha with a president, three members, a secretary and a substitute, and
/// tokens for its secretary, its first member and beta's secretary.
async fn council(app: TestApp) -> Council {
    app.create_tenant("alpha").await;
    app.create_tenant("beta").await;
    let mut members = Vec::new();
    for (name, role, category, membership) in [
        (
            "Πρόεδρος Δοκιμής",
            "president",
            "municipal_councillor",
            "regular",
        ),
        ("Μέλος Πρώτο", "member", "civil_society", "regular"),
        ("Μέλος Δεύτερο", "member", "migrant_community", "regular"),
        ("Μέλος Τρίτο", "member", "other", "regular"),
        ("Γραμματέας Δήμου", "secretary", "other", "regular"),
        ("Αναπληρωματικό Μέλος", "member", "other", "substitute"),
    ] {
        let (status, body) = app
            .post(
                "/api/v1/tenants/alpha/council/members",
                &sample_member(name, role, category, membership),
            )
            .await;
        assert_eq!(status, 201, "{body}");
        members.push(body["member"]["id"].as_i64().unwrap());
    }
    let secretary = token_for(
        &app.context,
        "secretary@alpha.example.org",
        &[(Role::Secretary, Some("alpha"))],
        "t",
    )
    .await;
    let member = token_for(
        &app.context,
        "member@alpha.example.org",
        &[(Role::CouncilMember, Some("alpha"))],
        "t",
    )
    .await;
    let outsider = token_for(
        &app.context,
        "secretary@beta.example.org",
        &[(Role::Secretary, Some("beta"))],
        "t",
    )
    .await;
    Council {
        app,
        secretary,
        member,
        outsider,
        members,
    }
}

fn at(seconds_from_now: i64) -> String {
    (Utc::now() + chrono::Duration::seconds(seconds_from_now))
        .to_rfc3339_opts(SecondsFormat::Secs, true)
}

fn meeting_body(title: &str, starts_in: i64) -> Value {
    json!({
        "title": title,
        "kind": "regular",
        "mode": "in_person",
        "starts_at": at(starts_in),
        "ends_at": at(starts_in + 7200),
        "location": {"name": "Αίθουσα Δημοτικού Συμβουλίου", "address": "Πλατεία Δημαρχείου 1"}
    })
}

/// Drafts a meeting with a public and a closed item; returns its id and the items' ids.
async fn drafted(council: &Council, title: &str, starts_in: i64) -> (i64, i64, i64) {
    let created = council
        .staff(
            Method::POST,
            "/meetings",
            Some(meeting_body(title, starts_in)),
        )
        .await;
    let id = created["id"].as_i64().unwrap();
    council
        .staff(
            Method::POST,
            &format!("/meetings/{id}/agenda"),
            Some(json!({
                "title": "Πρόγραμμα ΑΠΑΣΧΟΛΗΣΗΣ προσφύγων",
                "description": "Η **εισήγηση** <script>alert(1)</script>",
                "rapporteur": "Πρόεδρος Δοκιμής"
            })),
        )
        .await;
    let with_items = council
        .staff(
            Method::POST,
            &format!("/meetings/{id}/agenda"),
            Some(json!({
                "title": "Ατομική υπόθεση στέγασης", "public": false
            })),
        )
        .await;
    let items: Vec<i64> = with_items["agenda"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_i64().unwrap())
        .collect();
    (id, items[0], items[1])
}

/// Crawls the OParl endpoint with `tools/check_oparl.py`, which validates every object
/// against the OParl 1.1 schemas; returns its count of objects per type.
async fn check_oparl(app: &TestApp) -> Value {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tools/check_oparl.py");
    let schemas = concat!(env!("CARGO_MANIFEST_DIR"), "/tools/oparl-1.1-schema");
    let output = tokio::process::Command::new("python3")
        .arg(script)
        .arg(app.url("/oparl/v1.1/system"))
        .arg(schemas)
        .output()
        .await
        .expect("python3 runs");
    let report: Value = serde_json::from_slice(&output.stdout).unwrap_or_else(|_| {
        panic!(
            "check_oparl.py printed no report: {}",
            String::from_utf8_lossy(&output.stderr)
        )
    });
    assert!(
        output.status.success() && report["errors"] == json!([]),
        "the OParl endpoint does not validate: {report}"
    );
    report["objects_validated"].clone()
}

async fn a_meeting_goes_from_draft_to_published_and_corrected_minutes(app: TestApp) {
    let council = council(app).await;
    let (id, public_item, closed_item) = drafted(&council, "1η Τακτική Συνεδρίαση", 3).await;
    let path = format!("/meetings/{id}");

    // A draft is the council's: 404 to the public and to another municipality's staff.
    assert_eq!(council.call(None, Method::GET, &path, None).await.0, 404);
    assert_eq!(
        council
            .call(Some(&council.outsider), Method::GET, &path, None)
            .await
            .0,
        404
    );
    let (status, seen) = council
        .call(Some(&council.member), Method::GET, &path, None)
        .await;
    assert_eq!(status, 200);
    assert_eq!(
        seen["agenda"].as_array().unwrap().len(),
        2,
        "members see closed items"
    );
    let html = seen["agenda"][0]["description_html"].as_str().unwrap();
    assert!(
        html.contains("<strong>εισήγηση</strong>") && !html.contains("script"),
        "{html}"
    );
    let (_, list) = council.call(None, Method::GET, "/meetings", None).await;
    assert_eq!(list["total"], 0, "the public list has no drafts");
    assert_eq!(council.page(None, &path).await.0, 404, "nor the pages");
    let (status, html) = council.page(Some(&council.member), &path).await;
    assert_eq!(status, 200);
    assert!(html.contains("Σχέδιο συνεδρίασης") && html.contains("Ατομική υπόθεση στέγασης"));

    // Convening numbers the meeting and writes the convocation event.
    let convened = council
        .staff(Method::POST, &format!("{path}/convene"), None)
        .await;
    assert_eq!(convened["state"], "convened");
    let year = convened["starts_at_local"].as_str().unwrap()[..4].to_string();
    assert_eq!(convened["number"], format!("1/{year}"));
    let (_, events) = council
        .app
        .get_json_as(&council.app.token, "/api/v1/meeting-events")
        .await;
    assert_eq!(events["events"][0]["event_type"], "meeting.convened");
    assert_eq!(events["events"][0]["payload"]["meeting_id"], id);

    // The public sees the public item only, and no online link or closed documents.
    let (status, public) = council.call(None, Method::GET, &path, None).await;
    assert_eq!(status, 200);
    assert_eq!(public["agenda"].as_array().unwrap().len(), 1);
    assert_eq!(public["allowed_actions"], json!([]));
    let (status, html) = council.page(None, &path).await;
    assert_eq!(status, 200);
    assert!(
        html.contains(&format!("Συνεδρίαση 1/{year}: 1η Τακτική Συνεδρίαση")),
        "{html}"
    );
    assert!(html.contains("<strong>εισήγηση</strong>") && !html.contains("<script>alert"));
    assert!(
        !html.contains("Ατομική υπόθεση στέγασης"),
        "closed items stay off the page"
    );
    let (_, listed) = council.page(None, "/meetings").await;
    assert!(listed.contains("Προσεχείς συνεδριάσεις") && listed.contains("1η Τακτική Συνεδρίαση"));

    // A member answers and comments privately; the secretary reads both; others may not.
    let (status, answer) = council
        .call(
            Some(&council.member),
            Method::PUT,
            &format!("{path}/my-attendance"),
            Some(json!({"answer": "attending"})),
        )
        .await;
    assert_eq!(
        (status, answer["answer"].as_str()),
        (200, Some("attending"))
    );
    let comments = format!("{path}/agenda/{closed_item}/comments");
    let (status, _) = council
        .call(
            Some(&council.member),
            Method::POST,
            &comments,
            Some(json!({"body": "Χρειάζεται ο φάκελος."})),
        )
        .await;
    assert_eq!(status, 201);
    let seen = council.staff(Method::GET, &comments, None).await;
    assert_eq!(seen[0]["body"], "Χρειάζεται ο φάκελος.");
    assert_eq!(
        council
            .call(
                Some(&council.outsider),
                Method::POST,
                &format!("{path}/agenda"),
                Some(json!({"title": "x"}))
            )
            .await
            .0,
        403
    );
    assert_eq!(
        council
            .call(
                Some(&council.member),
                Method::POST,
                &format!("{path}/cancel"),
                Some(json!({"reason": "x"}))
            )
            .await
            .0,
        403
    );

    // A document on the public item: stored with its hash, downloaded byte for byte.
    let pdf = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".to_vec();
    let upload = council
        .app
        .client
        .post(council.app.url(&format!(
            "/api/v1/tenants/alpha{path}/attachments?file_name=εισήγηση.pdf&item_id={public_item}"
        )))
        .bearer_auth(&council.secretary)
        .header("content-type", "application/octet-stream")
        .body(pdf.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(upload.status().as_u16(), 201);
    let stored: Value = upload.json().await.unwrap();
    use sha2::Digest;
    assert_eq!(stored["sha512"], hex::encode(sha2::Sha512::digest(&pdf)));
    let download = council.app.get(stored["download"].as_str().unwrap()).await;
    assert_eq!(download.status().as_u16(), 200);
    assert_eq!(download.headers()["content-type"], "application/pdf");
    assert_eq!(download.bytes().await.unwrap().to_vec(), pdf);
    let disguised = council
        .app
        .client
        .post(council.app.url(&format!(
            "/api/v1/tenants/alpha{path}/attachments?file_name=report.pdf"
        )))
        .bearer_auth(&council.secretary)
        .header("content-type", "application/octet-stream")
        .body("<html><script>alert(1)</script></html>")
        .send()
        .await
        .unwrap();
    assert_eq!(
        disguised.status().as_u16(),
        415,
        "type is judged by content"
    );

    // At the meeting: attendance gives quorum (3 of 4; the secretary does not count).
    tokio::time::sleep(Duration::from_secs(3)).await;
    let m = &council.members;
    let record = council
        .staff(Method::PUT, &format!("{path}/attendance"), Some(json!({"records": [
            {"member_id": m[0], "status": "present"},
            {"member_id": m[1], "status": "present"},
            {"member_id": m[2], "status": "substitute_present", "substitute_name": "Αναπληρωματικό Μέλος"},
            {"member_id": m[3], "status": "excused"}
        ]})))
        .await;
    assert_eq!(record["attendance"]["quorum"], true);
    assert_eq!(
        (
            record["attendance"]["present"].as_i64(),
            record["attendance"]["in_office"].as_i64()
        ),
        (Some(3), Some(4))
    );
    council
        .staff(Method::POST, &format!("{path}/hold"), None)
        .await;

    let decision = format!("{path}/agenda/{public_item}/decision");
    let too_many = json!({"kind": "recommendation", "text": "Εγκρίνεται", "votes_for": 3, "votes_against": 1, "abstentions": 0, "result": "adopted"});
    assert_eq!(
        council
            .call(
                Some(&council.secretary),
                Method::PUT,
                &decision,
                Some(too_many)
            )
            .await
            .0,
        422
    );
    let saved = council
        .staff(Method::PUT, &decision, Some(json!({"kind": "recommendation", "text": "Η ΣΕΜΠ εισηγείται την ένταξη στο πρόγραμμα.", "votes_for": 2, "votes_against": 0, "abstentions": 1, "dissent": null, "result": "adopted"})))
        .await;
    assert_eq!(saved["number"], format!("1/{year}"));
    let with_ada = council
        .staff(
            Method::PUT,
            &format!("{decision}/ada"),
            Some(json!({"ada": "6ΞΨ3ΩΡΦ-ΥΘΛ"})),
        )
        .await;
    assert_eq!(with_ada["ada"], "6ΞΨ3ΩΡΦ-ΥΘΛ");

    // Minutes drafted from the record, approved by the president, published.
    let minutes_draft = council
        .staff(Method::PUT, &format!("{path}/minutes"), Some(json!({})))
        .await;
    let body = minutes_draft["minutes"]["body"].as_str().unwrap();
    assert!(
        body.contains("Διαπιστώθηκε απαρτία. Παρόντα μέλη: 3 από 4."),
        "{body}"
    );
    assert!(
        body.contains(&format!("Εισήγηση 1/{year}")),
        "a recommendation: {body}"
    );
    let (_, before) = council.call(None, Method::GET, &path, None).await;
    assert!(
        before.get("minutes").is_none(),
        "draft minutes are not public"
    );
    assert!(
        before["agenda"][0].get("decision").is_none(),
        "nor unpublished decisions"
    );
    council
        .staff(
            Method::POST,
            &format!("{path}/minutes/approve"),
            Some(json!({"by": "president"})),
        )
        .await;
    let published = council
        .staff(Method::POST, &format!("{path}/publish"), None)
        .await;
    assert_eq!(published["state"], "published");
    let (_, public) = council.call(None, Method::GET, &path, None).await;
    assert_eq!(public["minutes"]["version"], 1);
    assert_eq!(public["agenda"][0]["decision"]["current"]["votes_for"], 2);
    assert_eq!(public["attendance"]["quorum"], true);
    // The page read before publication was kept for the public; the write cleared it.
    let (_, html) = council.page(None, &path).await;
    assert!(
        html.contains("Δημοσιευμένα πρακτικά") && html.contains("Διαπιστώθηκε απαρτία"),
        "{html}"
    );
    assert!(html.contains(&format!("Εισήγηση 1/{year}")) && html.contains("Υπέρ: 2 · Κατά: 0"));
    assert!(html.contains("https://diavgeia.gov.gr/decision/view/"));

    // A correction is a new version; the old one stays readable.
    let (status, problem) = council
        .call(
            Some(&council.secretary),
            Method::PUT,
            &format!("{path}/minutes"),
            Some(json!({"body": "Νέο κείμενο"})),
        )
        .await;
    assert_eq!(status, 422, "{problem}");
    council
        .staff(Method::PUT, &format!("{path}/minutes"), Some(json!({"body": format!("{body}\n\nΔιορθώθηκε η ώρα λήξης."), "change_note": "Διόρθωση της ώρας λήξης"})))
        .await;
    let (_, public) = council.call(None, Method::GET, &path, None).await;
    assert_eq!(public["minutes"]["version"], 2);
    assert_eq!(public["minutes"]["change_note"], "Διόρθωση της ώρας λήξης");
    assert_eq!(public["minutes_versions"].as_array().unwrap().len(), 2);
    let (_, html) = council.page(None, &path).await;
    assert!(
        html.contains("Διορθώθηκε στην έκδοση 2: <bdi lang=\"el\">Διόρθωση της ώρας λήξης</bdi>"),
        "{html}"
    );
    assert!(html.contains(&format!("{path}/minutes?version=1")));
    let (status, print) = council.page(None, &format!("{path}/minutes")).await;
    assert_eq!(status, 200);
    assert!(print.contains("Διορθώθηκε η ώρα λήξης") && !print.contains("site-header"));
    let (_, first) = council
        .page(None, &format!("{path}/minutes?version=1"))
        .await;
    assert!(
        first.contains("δεν είναι η τρέχουσα έκδοση") && !first.contains("Διορθώθηκε η ώρα λήξης")
    );
    assert_eq!(
        council
            .page(None, &format!("{path}/minutes?version=9"))
            .await
            .0,
        404
    );

    // Found by search ignoring case and accents; the closed item's words are not indexed.
    for q in ["απασχόλησης", "ΑΠΑΣΧΟΛΗΣΗΣ", "απασχολησης προσφυγων"]
    {
        let (_, found) = council
            .call(None, Method::GET, &format!("/meetings?q={q}"), None)
            .await;
        assert_eq!(found["total"], 1, "{q}");
    }
    let (_, hidden) = council
        .call(None, Method::GET, "/meetings?q=στέγασης", None)
        .await;
    assert_eq!(hidden["total"], 0, "closed items are not searchable");
    let (_, found) = council.page(None, "/meetings?q=ΑΠΑΣΧΟΛΗΣΗΣ").await;
    assert!(
        found.contains("1 συνεδρίαση") && found.contains("1η Τακτική Συνεδρίαση"),
        "{found}"
    );
    let (_, none) = council.page(None, "/meetings?q=στέγασης").await;
    assert!(none.contains("Δεν βρέθηκαν συνεδριάσεις"));
    assert_eq!(council.page(None, "/meetings?year=soon").await.0, 422);

    // The Atom feed carries the minutes and the decision.
    let atom = council.app.get("/api/v1/tenants/alpha/minutes.atom").await;
    assert_eq!(
        atom.headers()["content-type"],
        "application/atom+xml; charset=utf-8"
    );
    let atom = atom.text().await.unwrap();
    assert!(atom.contains("Πρακτικά: 1η Τακτική Συνεδρίαση"), "{atom}");
    assert!(atom.contains(&format!("Εισήγηση 1/{year}")), "{atom}");

    // OParl: every object validates against the schemas, and only public content is there.
    let (draft, _, _) = drafted(&council, "Πρόχειρη συνεδρίαση", 3600).await;
    let counts = check_oparl(&council.app).await;
    assert_eq!(counts["Meeting"], 1, "no drafts: {counts}");
    assert_eq!(counts["Body"], 2, "{counts}");
    let (status, listed) = council
        .app
        .get_json("/oparl/v1.1/bodies/alpha/meetings")
        .await;
    assert_eq!(status, 200);
    let meeting = &listed["data"][0];
    assert_eq!(
        meeting["name"],
        format!("Συνεδρίαση 1/{year}: 1η Τακτική Συνεδρίαση")
    );
    assert_eq!(meeting["meetingState"], "durchgeführt");
    let agenda = meeting["agendaItem"].as_array().unwrap();
    assert_eq!(agenda.len(), 1, "closed items are left out");
    assert_eq!(
        agenda[0]["resolutionText"],
        "Η ΣΕΜΠ εισηγείται την ένταξη στο πρόγραμμα."
    );
    assert_eq!(
        agenda[0]["auxiliaryFile"][0]["sha512Checksum"],
        stored["sha512"]
    );
    assert_eq!(meeting["participant"].as_array().unwrap().len(), 3);
    assert!(
        meeting["resultsProtocol"]["text"]
            .as_str()
            .unwrap()
            .contains("Διορθώθηκε η ώρα λήξης")
    );
    for hidden in [
        format!("/oparl/v1.1/bodies/alpha/meetings/{draft}"),
        format!("/oparl/v1.1/bodies/alpha/agenda-items/{closed_item}"),
        format!("/oparl/v1.1/bodies/beta/meetings/{id}"),
    ] {
        assert_eq!(council.app.get_json(&hidden).await.0, 404, "{hidden}");
    }
    let (_, later) = council
        .app
        .get_json("/oparl/v1.1/bodies/alpha/meetings?modified_since=2999-01-01T00:00:00%2B02:00")
        .await;
    assert_eq!(later["data"], json!([]));
    let (status, problem) = council
        .app
        .get_json("/oparl/v1.1/bodies/alpha/meetings?created_since=yesterday")
        .await;
    assert_eq!(status, 400);
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .contains("created_since")
    );
}

async fn invalid_transitions_are_refused_with_what_is_allowed(app: TestApp) {
    let council = council(app).await;
    let (id, item, _) = drafted(&council, "Συνεδρίαση", 3600).await;
    let path = format!("/meetings/{id}");
    let (status, problem) = council
        .call(
            Some(&council.secretary),
            Method::POST,
            &format!("{path}/publish"),
            None,
        )
        .await;
    assert_eq!(status, 409);
    // A code and its values for programs and translations; the sentence for people.
    assert_eq!(problem["code"], "not_allowed_now", "{problem}");
    assert_eq!(
        (&problem["params"]["state"], &problem["params"]["action"]),
        (&json!("draft"), &json!("publish"))
    );
    let detail = problem["detail"].as_str().unwrap();
    assert!(
        detail.contains("a meeting that is draft cannot publish")
            && detail.contains("allowed now: edit, delete, edit_agenda, convene"),
        "{detail}"
    );
    let (status, problem) = council
        .call(
            Some(&council.secretary),
            Method::POST,
            &format!("{path}/hold"),
            None,
        )
        .await;
    assert_eq!(status, 409, "{problem}");

    let mut remote = meeting_body("Τηλεδιάσκεψη", 3600);
    remote["mode"] = json!("remote");
    remote["ends_at"] = json!(at(1000));
    let (status, problem) = council
        .call(
            Some(&council.secretary),
            Method::POST,
            "/meetings",
            Some(remote),
        )
        .await;
    assert_eq!(status, 422);
    let fields: Vec<&str> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["ends_at", "online_url"]);

    council
        .staff(Method::POST, &format!("{path}/convene"), None)
        .await;
    let (status, problem) = council
        .call(
            Some(&council.secretary),
            Method::POST,
            &format!("{path}/convene"),
            None,
        )
        .await;
    assert_eq!(status, 409);
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .contains("allowed now: edit, edit_agenda, add_urgent_item, postpone, cancel")
    );
    let (status, problem) = council
        .call(
            Some(&council.secretary),
            Method::POST,
            &format!("{path}/hold"),
            None,
        )
        .await;
    assert_eq!(status, 409, "a meeting that has not started is not held");
    assert_eq!(problem["code"], "not_started", "{problem}");
    let (status, _) = council
        .call(Some(&council.secretary), Method::DELETE, &path, None)
        .await;
    assert_eq!(status, 409, "a convened meeting is cancelled, not deleted");

    // Postponed: the history keeps the old date and the calendar's SEQUENCE rises.
    let before = check_ics(
        &council
            .app
            .get(&format!("/api/v1/tenants/alpha{path}/calendar.ics"))
            .await
            .text()
            .await
            .unwrap(),
    )
    .await;
    council
        .staff(Method::POST, &format!("{path}/postpone"), Some(json!({"starts_at": at(7200), "ends_at": at(9000), "reason": "Κώλυμα του προέδρου"})))
        .await;
    let urgent = council
        .staff(
            Method::POST,
            &format!("{path}/agenda"),
            Some(json!({"title": "Έκτακτο θέμα", "urgent": true})),
        )
        .await;
    assert_eq!(urgent["agenda"][2]["urgent"], true);
    council
        .staff(
            Method::POST,
            &format!("{path}/agenda/{item}/withdraw"),
            Some(json!({"reason": "Δεν ωρίμασε"})),
        )
        .await;
    let cancelled = council
        .staff(
            Method::POST,
            &format!("{path}/cancel"),
            Some(json!({"reason": "Ακυρώνεται λόγω απεργίας"})),
        )
        .await;
    assert_eq!(
        cancelled["postponements"][0]["reason"],
        "Κώλυμα του προέδρου"
    );
    assert_eq!(cancelled["agenda"][0]["withdrawn"], true);
    let feed = council.app.get("/api/v1/tenants/alpha/calendar.ics").await;
    assert_eq!(
        feed.headers()["content-type"],
        "text/calendar; charset=utf-8"
    );
    let after = check_ics(&feed.text().await.unwrap()).await;
    let event = &after["events"][0];
    assert_eq!(
        event["uid"], before["events"][0]["uid"],
        "the UID is stable"
    );
    assert!(
        event["sequence"].as_i64().unwrap() > before["events"][0]["sequence"].as_i64().unwrap()
    );
    assert_eq!(event["status"], "CANCELLED");
    assert!(
        event["url"]
            .as_str()
            .unwrap()
            .ends_with(&format!("/municipalities/alpha/meetings/{id}"))
    );
    let (status, problem) = council
        .call(
            Some(&council.secretary),
            Method::POST,
            &format!("{path}/postpone"),
            Some(json!({"starts_at": at(7200), "ends_at": at(9000), "reason": "x"})),
        )
        .await;
    assert_eq!(status, 409);
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .contains("nothing (this is a final state)")
    );
}

async fn a_meeting_without_quorum_cannot_carry_decisions(app: TestApp) {
    let council = council(app).await;
    let (id, item, _) = drafted(&council, "Συνεδρίαση χωρίς απαρτία", 2).await;
    let path = format!("/meetings/{id}");
    council
        .staff(Method::POST, &format!("{path}/convene"), None)
        .await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    let m = &council.members;
    let (status, problem) = council
        .call(
            Some(&council.secretary),
            Method::PUT,
            &format!("{path}/attendance"),
            Some(json!({"records": [
                {"member_id": m[0], "status": "present"},
                {"member_id": m[4], "status": "present"}
            ]})),
        )
        .await;
    assert_eq!(
        status, 422,
        "the secretary is not in office and three members are missing: {problem}"
    );
    let record = council
        .staff(
            Method::PUT,
            &format!("{path}/attendance"),
            Some(json!({"records": [
                {"member_id": m[0], "status": "present"},
                {"member_id": m[1], "status": "present"},
                {"member_id": m[2], "status": "absent"},
                {"member_id": m[3], "status": "excused"}
            ]})),
        )
        .await;
    assert_eq!(
        record["attendance"]["quorum"], false,
        "2 of 4 is not more than half"
    );
    council
        .staff(Method::POST, &format!("{path}/hold"), None)
        .await;
    let (status, problem) = council
        .call(Some(&council.secretary), Method::PUT, &format!("{path}/agenda/{item}/decision"), Some(json!({"kind": "decision", "text": "x", "votes_for": 2, "votes_against": 0, "abstentions": 0, "result": "adopted"})))
        .await;
    assert_eq!(status, 409);
    assert!(problem["detail"].as_str().unwrap().contains("no quorum"));
    let minutes = council
        .staff(Method::PUT, &format!("{path}/minutes"), Some(json!({})))
        .await;
    assert!(
        minutes["minutes"]["body"]
            .as_str()
            .unwrap()
            .contains("Δεν διαπιστώθηκε απαρτία")
    );
}

async fn the_demo_municipalities_have_a_year_of_published_meetings(app: TestApp) {
    app.load_demo_data().await;
    let reads = tenants::public::TenantReads::from_context(&app.context);
    let created = meetings::demo::load(&app.context.db, reads.as_ref())
        .await
        .unwrap();
    assert!(created >= 24, "{created}");
    for slug in ["athens", "piraeus", "thessaloniki"] {
        let (_, past) = app
            .get_json(&format!("/api/v1/tenants/{slug}/meetings?state=published"))
            .await;
        assert!(past["total"].as_u64().unwrap() >= 7, "{slug}: {past}");
        let id = past["items"][0]["id"].as_i64().unwrap();
        let (_, meeting) = app
            .get_json(&format!("/api/v1/tenants/{slug}/meetings/{id}"))
            .await;
        assert!(meeting["minutes"]["body"].as_str().unwrap().len() > 200);
        let (_, upcoming) = app
            .get_json(&format!("/api/v1/tenants/{slug}/meetings?when=upcoming"))
            .await;
        assert_eq!(upcoming["total"], 1, "{slug}");
        let ics = app
            .get(&format!("/api/v1/tenants/{slug}/calendar.ics"))
            .await
            .text()
            .await
            .unwrap();
        let parsed = check_ics(&ics).await;
        assert!(parsed["events"].as_array().unwrap().len() >= 8, "{slug}");
    }
    let counts = check_oparl(&app).await;
    assert!(counts["Meeting"].as_u64().unwrap() >= 24, "{counts}");
    assert!(counts["Person"].as_u64().unwrap() >= 20, "{counts}");
    let (_, found) = app.get_json("/api/v1/tenants/athens/meetings?q=ΚΕΜ").await;
    assert!(found["total"].as_u64().unwrap() >= 1);
    assert_eq!(
        meetings::demo::load(&app.context.db, reads.as_ref())
            .await
            .unwrap(),
        0,
        "loading twice adds nothing"
    );
}

/// The `meetings` binary's service, on its own SQLite database, against the tenants API of
/// `app` over HTTP: callers, councils and municipalities come from that API alone.
async fn a_standalone_meetings_service_learns_councils_and_callers_over_http(app: TestApp) {
    let council = council(app).await;
    let data_dir = tempfile::tempdir().unwrap();
    let settings = integration_tests::test_settings(
        data_dir.path(),
        &format!(
            "sqlite://{}?mode=rwc",
            data_dir.path().join("meetings.db").display()
        ),
    );
    let context = council_shared::app::Context::build(settings).await.unwrap();
    let tenants =
        std::sync::Arc::new(council_shared::remote::TenantsClient::new(&council.app.base).unwrap());
    let routes = meetings::standalone_routes(&context, tenants).unwrap();
    let service = council_shared::app::Application::bind(&context, routes)
        .await
        .unwrap();
    let base = format!("http://{}/api/v1/tenants/alpha", service.address());
    let oparl = format!("http://{}/oparl/v1.1/bodies", service.address());
    tokio::spawn(service.run());
    let client = &council.app.client;
    let service = |path: &str| format!("{base}{path}");
    let draft = Some(meeting_body("Συνεδρίαση της υπηρεσίας", 3600));
    assert_eq!(
        send(
            client,
            &service("/meetings"),
            None,
            Method::POST,
            draft.clone()
        )
        .await
        .0,
        401
    );
    assert_eq!(
        send(
            client,
            &service("/meetings"),
            Some(&council.outsider),
            Method::POST,
            draft.clone()
        )
        .await
        .0,
        403,
        "the tenants API says whose staff the caller is"
    );
    let (status, created) = send(
        client,
        &service("/meetings"),
        Some(&council.secretary),
        Method::POST,
        draft,
    )
    .await;
    assert_eq!(status, 201, "{created}");
    let path = format!("/meetings/{}", created["id"]);
    assert_eq!(
        send(client, &service(&path), None, Method::GET, None)
            .await
            .0,
        404
    );
    assert_eq!(
        send(
            client,
            &service(&path),
            Some(&council.member),
            Method::GET,
            None
        )
        .await
        .0,
        200
    );
    send(
        client,
        &service(&format!("{path}/agenda")),
        Some(&council.secretary),
        Method::POST,
        Some(json!({"title": "Θέμα"})),
    )
    .await;
    let (status, convened) = send(
        client,
        &service(&format!("{path}/convene")),
        Some(&council.secretary),
        Method::POST,
        None,
    )
    .await;
    assert_eq!(status, 200, "{convened}");
    assert!(convened["number"].as_str().unwrap().starts_with("1/"));
    let (_, answered) = send(
        client,
        &service(&format!("{path}/my-attendance")),
        Some(&council.member),
        Method::PUT,
        Some(json!({"answer": "attending"})),
    )
    .await;
    assert_eq!(
        answered["member_id"], council.members[0],
        "the member's grant, from the tenants API"
    );
    let (_, listed) = send(client, &service("/meetings"), None, Method::GET, None).await;
    assert_eq!(listed["total"], 1);
    let bodies: Value = client
        .get(&oparl)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(bodies["pagination"]["totalElements"], 2, "{bodies}");
    let missing = client
        .get(base.replace("/alpha", "/nowhere") + "/meetings")
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status().as_u16(), 404);

    // Its own database holds meetings, and nothing of the tenants service's.
    use sea_orm::{ConnectionTrait, Statement};
    let count = |table: &str| {
        let sql = format!("SELECT COUNT(*) AS n FROM {table}");
        let db = context.db.clone();
        async move {
            let row = db
                .query_one_raw(Statement::from_string(db.get_database_backend(), sql))
                .await
                .unwrap()
                .unwrap();
            row.try_get::<i64>("", "n").unwrap()
        }
    };
    assert_eq!(count("meetings").await, 1);
    assert_eq!(count("tenants").await, 0);
    assert_eq!(count("council_members").await, 0);
}

on_both_databases!(
    a_meeting_goes_from_draft_to_published_and_corrected_minutes,
    invalid_transitions_are_refused_with_what_is_allowed,
    a_meeting_without_quorum_cannot_carry_decisions,
    the_demo_municipalities_have_a_year_of_published_meetings,
    a_standalone_meetings_service_learns_councils_and_callers_over_http,
);

//! The permission matrix: every API operation of every service, called by an anonymous
//! caller and by each role of municipality A, against A's resources and against B's.
//! Denials are 401 (not signed in) or 403 (signed in without the role; municipalities are
//! public, so 403 hides nothing); allowed calls succeed. An operation in the OpenAPI
//! document that is missing here fails the test.

use std::collections::BTreeSet;

use council_shared::auth::Role;
use integration_tests::{
    TestApp, on_both_databases, sample_member, sample_tenant, send, token_for,
};
use reqwest::Method;
use serde_json::{Value, json};

#[derive(Clone, Copy, PartialEq, Debug)]
enum Who {
    Anonymous,
    PlatformAdmin,
    TenantAdmin,
    Secretary,
    CouncilMember,
    PracticeAuthor,
}

const EVERYONE: [Who; 6] = [
    Who::Anonymous,
    Who::PlatformAdmin,
    Who::TenantAdmin,
    Who::Secretary,
    Who::CouncilMember,
    Who::PracticeAuthor,
];

/// Who may call an operation.
#[derive(Clone, Copy, Debug)]
enum Rule {
    Public,
    SignedIn,
    PlatformAdmin,
    /// Platform administrators, and the municipality's own administrators.
    TenantAdmin,
    /// The municipality's staff: administrators (platform and own) and its secretary.
    Staff,
    /// The members of the municipality's council.
    Member,
    /// Its staff and its council's members.
    Insider,
    /// Those who write the municipality's practices: administrators (platform and own)
    /// and its practice authors.
    PracticeWriter,
}

fn allowed(rule: Rule, who: Who, own_tenant: bool) -> bool {
    match rule {
        Rule::Public => true,
        Rule::SignedIn => who != Who::Anonymous,
        Rule::PlatformAdmin => who == Who::PlatformAdmin,
        Rule::TenantAdmin => who == Who::PlatformAdmin || (who == Who::TenantAdmin && own_tenant),
        Rule::Staff => {
            who == Who::PlatformAdmin
                || (matches!(who, Who::TenantAdmin | Who::Secretary) && own_tenant)
        }
        Rule::Member => who == Who::CouncilMember && own_tenant,
        Rule::Insider => {
            allowed(Rule::Staff, who, own_tenant) || allowed(Rule::Member, who, own_tenant)
        }
        Rule::PracticeWriter => {
            who == Who::PlatformAdmin
                || (matches!(who, Who::TenantAdmin | Who::PracticeAuthor) && own_tenant)
        }
    }
}

struct Case {
    method: Method,
    /// As in the OpenAPI document: `/tenants/{slug}/council/members/{id}`.
    path: &'static str,
    rule: Rule,
}

const fn case(method: Method, path: &'static str, rule: Rule) -> Case {
    Case { method, path, rule }
}

fn cases() -> Vec<Case> {
    use Rule::*;
    vec![
        case(Method::GET, "/tenants", Public),
        case(Method::POST, "/tenants", PlatformAdmin),
        case(Method::GET, "/tenants/{slug}", Public),
        case(Method::PUT, "/tenants/{slug}", TenantAdmin),
        case(Method::POST, "/tenants/{slug}/archive", PlatformAdmin),
        case(Method::POST, "/tenants/{slug}/restore", PlatformAdmin),
        case(Method::PUT, "/tenants/{slug}/profile", TenantAdmin),
        case(Method::GET, "/tenants/{slug}/council", Public),
        case(Method::PUT, "/tenants/{slug}/council", TenantAdmin),
        case(Method::GET, "/tenants/{slug}/council/members", TenantAdmin),
        case(Method::GET, "/tenants/{slug}/council/contacts", TenantAdmin),
        case(Method::POST, "/tenants/{slug}/council/members", TenantAdmin),
        case(
            Method::PUT,
            "/tenants/{slug}/council/members/{id}",
            TenantAdmin,
        ),
        case(
            Method::DELETE,
            "/tenants/{slug}/council/members/{id}",
            TenantAdmin,
        ),
        case(Method::GET, "/me", SignedIn),
        case(Method::GET, "/me/tokens", SignedIn),
        case(Method::POST, "/me/tokens", SignedIn),
        case(Method::DELETE, "/me/tokens/{id}", SignedIn),
        case(
            Method::PUT,
            "/tenants/{slug}/data-protection-officer",
            TenantAdmin,
        ),
        case(Method::GET, "/me/sessions", SignedIn),
        case(Method::DELETE, "/me/sessions/{id}", SignedIn),
        case(Method::GET, "/me/data", SignedIn),
        case(Method::GET, "/platform/accounts", PlatformAdmin),
        case(Method::DELETE, "/platform/accounts/{id}", PlatformAdmin),
        case(Method::GET, "/tenants/{slug}/roles", TenantAdmin),
        case(Method::POST, "/tenants/{slug}/roles", TenantAdmin),
        case(Method::DELETE, "/tenants/{slug}/roles/{id}", TenantAdmin),
        case(Method::GET, "/platform/roles", PlatformAdmin),
        case(Method::POST, "/platform/roles", PlatformAdmin),
        case(Method::DELETE, "/platform/roles/{id}", PlatformAdmin),
        case(Method::GET, "/tenants/{slug}/audit", TenantAdmin),
        case(Method::GET, "/platform/audit", PlatformAdmin),
        case(Method::GET, "/platform/users/{id}", PlatformAdmin),
        case(Method::GET, "/platform/practice-moderators", PlatformAdmin),
        case(Method::GET, "/tenants/{slug}/sign-in-provider", TenantAdmin),
        case(Method::PUT, "/tenants/{slug}/sign-in-provider", TenantAdmin),
        case(
            Method::DELETE,
            "/tenants/{slug}/sign-in-provider",
            TenantAdmin,
        ),
        case(Method::GET, "/tenants/{slug}/meetings", Public),
        case(Method::POST, "/tenants/{slug}/meetings", Staff),
        case(Method::GET, "/tenants/{slug}/meetings/{id}", Public),
        case(Method::PUT, "/tenants/{slug}/meetings/{id}", Staff),
        case(Method::DELETE, "/tenants/{slug}/meetings/{id}", Staff),
        case(Method::POST, "/tenants/{slug}/meetings/{id}/convene", Staff),
        case(
            Method::POST,
            "/tenants/{slug}/meetings/{id}/postpone",
            Staff,
        ),
        case(Method::POST, "/tenants/{slug}/meetings/{id}/cancel", Staff),
        case(Method::POST, "/tenants/{slug}/meetings/{id}/hold", Staff),
        case(Method::POST, "/tenants/{slug}/meetings/{id}/agenda", Staff),
        case(
            Method::PUT,
            "/tenants/{slug}/meetings/{id}/agenda/{item_id}",
            Staff,
        ),
        case(
            Method::POST,
            "/tenants/{slug}/meetings/{id}/agenda/{item_id}/withdraw",
            Staff,
        ),
        case(
            Method::PUT,
            "/tenants/{slug}/meetings/{id}/agenda-order",
            Staff,
        ),
        case(
            Method::PUT,
            "/tenants/{slug}/meetings/{id}/my-attendance",
            Member,
        ),
        case(
            Method::GET,
            "/tenants/{slug}/meetings/{id}/attendance-answers",
            Staff,
        ),
        case(
            Method::POST,
            "/tenants/{slug}/meetings/{id}/agenda/{item_id}/comments",
            Member,
        ),
        case(
            Method::GET,
            "/tenants/{slug}/meetings/{id}/agenda/{item_id}/comments",
            Insider,
        ),
        case(
            Method::PUT,
            "/tenants/{slug}/meetings/{id}/attendance",
            Staff,
        ),
        case(
            Method::PUT,
            "/tenants/{slug}/meetings/{id}/agenda/{item_id}/decision",
            Staff,
        ),
        case(
            Method::PUT,
            "/tenants/{slug}/meetings/{id}/agenda/{item_id}/decision/ada",
            Staff,
        ),
        case(Method::PUT, "/tenants/{slug}/meetings/{id}/minutes", Staff),
        case(
            Method::POST,
            "/tenants/{slug}/meetings/{id}/minutes/approve",
            Staff,
        ),
        case(Method::POST, "/tenants/{slug}/meetings/{id}/publish", Staff),
        case(
            Method::POST,
            "/tenants/{slug}/meetings/{id}/attachments",
            Staff,
        ),
        case(
            Method::GET,
            "/tenants/{slug}/meetings/{id}/attachments/{attachment_id}",
            Public,
        ),
        case(
            Method::DELETE,
            "/tenants/{slug}/meetings/{id}/attachments/{attachment_id}",
            Staff,
        ),
        case(
            Method::GET,
            "/tenants/{slug}/meetings/{id}/calendar.ics",
            Public,
        ),
        case(Method::GET, "/tenants/{slug}/calendar.ics", Public),
        case(Method::GET, "/tenants/{slug}/minutes.atom", Public),
        case(Method::GET, "/meeting-events", PlatformAdmin),
        // A practice of the municipality (`{slug}` is the practice's, made for each case).
        case(Method::GET, "/practices", Public),
        case(Method::GET, "/practices.csv", Public),
        case(Method::GET, "/practices/{slug}/export", Public),
        case(Method::POST, "/practices", SignedIn),
        case(Method::GET, "/practices/{slug}", Public),
        case(Method::PUT, "/practices/{slug}", PracticeWriter),
        case(Method::POST, "/practices/{slug}/submit", PracticeWriter),
        case(Method::POST, "/practices/{slug}/review", TenantAdmin),
        case(Method::POST, "/practices/{slug}/publish", TenantAdmin),
        case(
            Method::POST,
            "/practices/{slug}/request-changes",
            TenantAdmin,
        ),
        case(Method::POST, "/practices/{slug}/reject", TenantAdmin),
        case(Method::POST, "/practices/{slug}/archive", TenantAdmin),
        case(Method::POST, "/practices/{slug}/feedback", Public),
        case(Method::GET, "/practices/{slug}/feedback", Public),
        case(
            Method::POST,
            "/practices/{slug}/feedback/{id}/approve",
            TenantAdmin,
        ),
        case(
            Method::POST,
            "/practices/{slug}/feedback/{id}/reject",
            TenantAdmin,
        ),
        case(Method::POST, "/practices/{slug}/adoptions", TenantAdmin),
        case(
            Method::DELETE,
            "/practices/{slug}/adoptions/{tenant}",
            TenantAdmin,
        ),
        case(Method::GET, "/practice-themes", Public),
        case(Method::POST, "/practices/{slug}/files", PracticeWriter),
        case(Method::GET, "/practices/{slug}/files/{id}", Public),
        case(
            Method::DELETE,
            "/practices/{slug}/files/{id}",
            PracticeWriter,
        ),
        case(Method::POST, "/practice-themes", PlatformAdmin),
        case(Method::PUT, "/practice-themes/{code}", PlatformAdmin),
        case(Method::DELETE, "/practice-themes/{code}", PlatformAdmin),
        case(Method::GET, "/practice-events", PlatformAdmin),
        // The moderation queue: anyone signed in, each seeing what they moderate.
        case(Method::GET, "/practice-submissions", SignedIn),
        // Subscriptions: anyone, by the secret in their links; operators per municipality.
        case(Method::POST, "/tenants/{slug}/subscriptions", Public),
        case(Method::GET, "/subscriptions/{token}", Public),
        case(Method::GET, "/subscriptions/{token}/data", Public),
        case(Method::PUT, "/subscriptions/{token}", Public),
        case(Method::DELETE, "/subscriptions/{token}", Public),
        case(Method::POST, "/subscriptions/{token}/confirm", Public),
        case(Method::POST, "/subscriptions/{token}/unsubscribe", Public),
        case(Method::GET, "/tenants/{slug}/notifications", TenantAdmin),
        // Requests for access: anyone asks; the municipality's administrators answer.
        case(Method::POST, "/tenants/{slug}/access-requests", Public),
        case(Method::GET, "/tenants/{slug}/access-requests", TenantAdmin),
        case(
            Method::POST,
            "/tenants/{slug}/access-requests/{id}/accept",
            TenantAdmin,
        ),
        case(
            Method::POST,
            "/tenants/{slug}/access-requests/{id}/decline",
            TenantAdmin,
        ),
        case(Method::GET, "/tenants/{slug}/deliveries", TenantAdmin),
        case(
            Method::POST,
            "/tenants/{slug}/subscribers/import",
            TenantAdmin,
        ),
        case(Method::GET, "/tenants/{slug}/subscribers", TenantAdmin),
        case(
            Method::DELETE,
            "/tenants/{slug}/subscribers/{id}",
            TenantAdmin,
        ),
        case(
            Method::POST,
            "/tenants/{slug}/deliveries/{id}/retry",
            TenantAdmin,
        ),
        case(
            Method::GET,
            "/tenants/{slug}/notification-settings",
            TenantAdmin,
        ),
        case(
            Method::PUT,
            "/tenants/{slug}/notification-settings",
            TenantAdmin,
        ),
        case(Method::GET, "/platform/deliveries", PlatformAdmin),
        case(
            Method::POST,
            "/platform/deliveries/{id}/retry",
            PlatformAdmin,
        ),
        case(Method::GET, "/platform/jobs", PlatformAdmin),
    ]
}

const PDF: &[u8] = b"%PDF-1.4\n%%EOF\n";

/// The state a meeting case needs to be in before the call.
#[derive(Clone, Copy, PartialEq)]
enum Stage {
    Draft,
    Convened,
    /// Started, with its attendance recorded.
    Recorded,
    Held,
    Decided,
    MinutesDrafted,
    Approved,
}

fn meeting_body(starts_in_seconds: i64) -> Value {
    let at = |s: i64| (chrono::Utc::now() + chrono::Duration::seconds(s)).to_rfc3339();
    json!({
        "title": "Συνεδρίαση", "kind": "regular", "mode": "in_person",
        "starts_at": at(starts_in_seconds), "ends_at": at(starts_in_seconds + 3600),
        "location": {"name": "Αίθουσα"}
    })
}

struct World {
    app: TestApp,
    tokens: Vec<(Who, Option<String>)>,
    counter: std::sync::atomic::AtomicU32,
    /// Convened meetings that have already started, per municipality.
    started: std::sync::Mutex<Vec<(String, i64, i64)>>,
}

impl World {
    fn token(&self, who: Who) -> Option<&str> {
        self.tokens
            .iter()
            .find(|(w, _)| *w == who)
            .and_then(|(_, t)| t.as_deref())
    }

    fn fresh(&self, what: &str) -> String {
        let n = self
            .counter
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        format!("{what}{n}")
    }

    async fn call(
        &self,
        who: Who,
        method: Method,
        path: &str,
        body: Option<Value>,
    ) -> (u16, Value) {
        let mut request = self
            .app
            .client
            .request(method, self.app.url(&format!("/api/v1{path}")));
        if let Some(token) = self.token(who) {
            request = request.bearer_auth(token);
        }
        match body {
            Some(Value::String(raw)) if raw == "PDF" => {
                request = request
                    .header("content-type", "application/octet-stream")
                    .body(PDF.to_vec());
            }
            Some(body) => request = request.json(&body),
            None => {}
        }
        let response = request.send().await.unwrap();
        let status = response.status().as_u16();
        let text = response.text().await.unwrap();
        (status, serde_json::from_str(&text).unwrap_or(Value::Null))
    }

    /// As the platform administrator, for setting a case up.
    async fn admin(&self, method: Method, path: &str, body: Value) -> Value {
        let (status, value) = self
            .call(Who::PlatformAdmin, method, path, Some(body))
            .await;
        assert!(
            (200..300).contains(&status),
            "setup {path}: {status} {value}"
        );
        value
    }

    /// A draft meeting starting in `starts_in` seconds with one agenda item: (id, item).
    async fn draft(&self, slug: &str, starts_in: i64) -> (i64, i64) {
        let created = self
            .admin(
                Method::POST,
                &format!("/tenants/{slug}/meetings"),
                meeting_body(starts_in),
            )
            .await;
        let id = created["id"].as_i64().unwrap();
        let with_item = self
            .admin(
                Method::POST,
                &format!("/tenants/{slug}/meetings/{id}/agenda"),
                json!({"title": "Θέμα"}),
            )
            .await;
        (id, with_item["agenda"][0]["id"].as_i64().unwrap())
    }

    /// A meeting of `slug` at `stage`: (id, item).
    async fn meeting_at(&self, slug: &str, stage: Stage) -> (i64, i64) {
        if matches!(stage, Stage::Draft | Stage::Convened) {
            let (id, item) = self.draft(slug, 3600).await;
            if stage == Stage::Convened {
                self.admin(
                    Method::POST,
                    &format!("/tenants/{slug}/meetings/{id}/convene"),
                    json!({}),
                )
                .await;
            }
            return (id, item);
        }
        let (id, item) = {
            let mut pool = self.started.lock().unwrap();
            let index = pool
                .iter()
                .position(|(s, _, _)| s == slug)
                .expect("a started meeting left in the pool");
            let (_, id, item) = pool.remove(index);
            (id, item)
        };
        let base = format!("/tenants/{slug}/meetings/{id}");
        let everyone_present = self.everyone_present(slug).await;
        self.admin(Method::PUT, &format!("{base}/attendance"), everyone_present)
            .await;
        if stage == Stage::Recorded {
            return (id, item);
        }
        self.admin(Method::POST, &format!("{base}/hold"), json!({}))
            .await;
        if stage == Stage::Held {
            return (id, item);
        }
        self.admin(Method::PUT, &format!("{base}/agenda/{item}/decision"), json!({"kind": "decision", "text": "Εγκρίνεται", "votes_for": 1, "votes_against": 0, "abstentions": 0, "result": "adopted"})).await;
        if stage == Stage::Decided {
            return (id, item);
        }
        self.admin(Method::PUT, &format!("{base}/minutes"), json!({}))
            .await;
        if stage == Stage::MinutesDrafted {
            return (id, item);
        }
        self.admin(
            Method::POST,
            &format!("{base}/minutes/approve"),
            json!({"by": "president"}),
        )
        .await;
        (id, item)
    }

    /// An attendance record with every member in office present.
    async fn everyone_present(&self, slug: &str) -> Value {
        let (_, council) = self
            .call(
                Who::Anonymous,
                Method::GET,
                &format!("/tenants/{slug}/council"),
                None,
            )
            .await;
        let records: Vec<Value> = council["members"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|m| m["membership"] == "regular" && m["role"] != "secretary")
            .map(|m| json!({"member_id": m["id"], "status": "present"}))
            .collect();
        json!({ "records": records })
    }

    /// Fills the pool of started meetings: convened to start in two seconds, then waited for.
    async fn start_meetings(&self, per_tenant: usize) {
        for slug in ["alpha", "beta"] {
            for _ in 0..per_tenant {
                let (id, item) = self.draft(slug, 2).await;
                self.admin(
                    Method::POST,
                    &format!("/tenants/{slug}/meetings/{id}/convene"),
                    json!({}),
                )
                .await;
                self.started
                    .lock()
                    .unwrap()
                    .push((slug.to_string(), id, item));
            }
        }
        tokio::time::sleep(std::time::Duration::from_secs(2)).await;
    }

    /// Meeting cases: the path filled in, and the body.
    async fn prepare_meeting(&self, case: &Case, slug: &str) -> Option<(String, Option<Value>)> {
        let rest = case.path.strip_prefix("/tenants/{slug}/meetings/{id}")?;
        let stage = match (case.method.clone(), rest) {
            (Method::PUT, "")
            | (Method::DELETE, "")
            | (Method::POST, "/convene")
            | (Method::POST, "/agenda")
            | (Method::PUT, "/agenda/{item_id}")
            | (Method::PUT, "/agenda-order")
            | (Method::POST, "/attachments")
            | (Method::DELETE, "/attachments/{attachment_id}") => Stage::Draft,
            (Method::POST, "/hold") => Stage::Recorded,
            (Method::PUT, "/agenda/{item_id}/decision") | (Method::PUT, "/minutes") => Stage::Held,
            (Method::PUT, "/agenda/{item_id}/decision/ada") => Stage::Decided,
            (Method::POST, "/minutes/approve") => Stage::MinutesDrafted,
            (Method::POST, "/publish") => Stage::Approved,
            _ => Stage::Convened,
        };
        let (id, item) = self.meeting_at(slug, stage).await;
        let mut path = case
            .path
            .replace("{slug}", slug)
            .replace("{id}", &id.to_string())
            .replace("{item_id}", &item.to_string());
        if rest.contains("{attachment_id}") {
            let upload = self
                .call(
                    Who::PlatformAdmin,
                    Method::POST,
                    &format!("/tenants/{slug}/meetings/{id}/attachments?file_name=a.pdf"),
                    Some(Value::String("PDF".into())),
                )
                .await;
            assert_eq!(upload.0, 201, "{}", upload.1);
            path = path.replace("{attachment_id}", &upload.1["id"].to_string());
        }
        if case.method == Method::POST && rest == "/attachments" {
            path.push_str("?file_name=convocation.pdf");
        }
        let at = |s: i64| (chrono::Utc::now() + chrono::Duration::seconds(s)).to_rfc3339();
        let body = match (case.method.clone(), rest) {
            (Method::PUT, "") => Some(meeting_body(7200)),
            (Method::POST, "/postpone") => {
                Some(json!({"starts_at": at(7200), "ends_at": at(9000), "reason": "Κώλυμα"}))
            }
            (Method::POST, "/cancel") | (Method::POST, "/agenda/{item_id}/withdraw") => {
                Some(json!({"reason": "Λόγος"}))
            }
            (Method::POST, "/agenda") | (Method::PUT, "/agenda/{item_id}") => {
                Some(json!({"title": "Νέο θέμα"}))
            }
            (Method::PUT, "/agenda-order") => Some(json!({"item_ids": [item]})),
            (Method::PUT, "/my-attendance") => Some(json!({"answer": "attending"})),
            (Method::POST, "/agenda/{item_id}/comments") => Some(json!({"body": "Σχόλιο"})),
            (Method::PUT, "/attendance") => Some(self.everyone_present(slug).await),
            (Method::PUT, "/agenda/{item_id}/decision") => Some(
                json!({"kind": "decision", "text": "Εγκρίνεται", "votes_for": 1, "votes_against": 0, "abstentions": 0, "result": "adopted"}),
            ),
            (Method::PUT, "/agenda/{item_id}/decision/ada") => Some(json!({"ada": "6ΞΨ3ΩΡΦ-ΥΘΛ"})),
            (Method::PUT, "/minutes") => Some(json!({})),
            (Method::POST, "/minutes/approve") => Some(json!({"by": "president"})),
            (Method::POST, "/attachments") => Some(Value::String("PDF".into())),
            _ => None,
        };
        Some((path, body))
    }

    /// Practice cases: a practice of municipality `slug`, made by the platform
    /// administrator and brought to the state the call needs.
    async fn prepare_practice(&self, case: &Case, slug: &str) -> Option<(String, Option<Value>)> {
        let rest = case.path.strip_prefix("/practices/{slug}")?;
        let body = practice_body(slug);
        let created = self.admin(Method::POST, "/practices", body.clone()).await;
        let path = format!("/practices/{}", created["slug"].as_str().unwrap());
        let steps: &[&str] = match (case.method.clone(), rest) {
            (Method::PUT, "") | (Method::POST, "/submit") => &[],
            (Method::POST, "/review")
            | (Method::POST, "/publish")
            | (Method::POST, "/request-changes")
            | (Method::POST, "/reject") => &["submit"],
            _ => &["submit", "publish"],
        };
        let mut rest = rest.replace("{tenant}", slug);
        if rest == "/files/{id}" {
            let (status, uploaded) = self
                .call(
                    Who::PlatformAdmin,
                    Method::POST,
                    &format!("{path}/files?file_name=report.pdf"),
                    Some(Value::String("PDF".into())),
                )
                .await;
            assert_eq!(status, 201, "{uploaded}");
            if case.method == Method::GET {
                // The public downloads what the published version shows.
                let mut shown = body.clone();
                shown["documents"] = json!([{"file": uploaded["id"], "title": {"el": "Έκθεση"}}]);
                self.admin(Method::PUT, &path, shown).await;
            }
            rest = format!("/files/{}", uploaded["id"]);
        }
        for step in steps {
            self.admin(Method::POST, &format!("{path}/{step}"), json!({}))
                .await;
        }
        if rest.contains("/feedback/{id}") {
            // Written directly: the public's form is rate-limited per address, and the
            // setup would spend the limit the feedback cases themselves need.
            let db = &self.app.context.db;
            let practice = practices::service::find(db, created["slug"].as_str().unwrap())
                .await
                .unwrap();
            let message = practices::service::community::give_feedback(
                db,
                &practice,
                None,
                "reader@example.org".into(),
                "Μήνυμα".into(),
            )
            .await
            .unwrap();
            rest = rest.replace("{id}", &message.id.to_string());
        }
        if case.method == Method::DELETE && rest.starts_with("/adoptions/") {
            self.admin(
                Method::POST,
                &format!("{path}/adoptions"),
                json!({"tenant": slug}),
            )
            .await;
        }
        let body = match (case.method.clone(), rest.as_str()) {
            (Method::PUT, "") => Some(body),
            (Method::POST, "/request-changes") | (Method::POST, "/reject") => {
                Some(json!({"note": "Λόγος"}))
            }
            (Method::POST, "/feedback") => Some(
                json!({"email": format!("{}@example.org", self.fresh("reader")), "body": "Μήνυμα"}),
            ),
            (Method::POST, "/adoptions") => {
                Some(json!({"tenant": slug, "note": "Το εφαρμόζουμε."}))
            }
            (Method::POST, "/files") => {
                rest.push_str("?file_name=report.pdf");
                Some(Value::String("PDF".into()))
            }
            _ => None,
        };
        Some((format!("{path}{rest}"), body))
    }

    /// Subscription and delivery cases: a subscriber of municipality `slug` (its secret in
    /// the path), or a failed delivery of it.
    async fn prepare_notifications(
        &self,
        case: &Case,
        slug: &str,
    ) -> Option<(String, Option<Value>)> {
        use notifications::{
            domain::{Cadence, Topic},
            service::subscriptions,
        };
        let db = &self.app.context.db;
        let tenant_id = self
            .app
            .get_json(&format!("/api/v1/tenants/{slug}"))
            .await
            .1["id"]
            .as_i64()
            .unwrap();
        if case.path.starts_with("/subscriptions/{token}")
            || case.path == "/tenants/{slug}/subscribers/{id}"
        {
            let choice = subscriptions::Choice {
                topics: vec![Topic::Meetings],
                language: "el".into(),
                cadence: Cadence::Immediate,
            };
            let email = format!("{}@example.org", self.fresh("resident"));
            let subscriptions::Requested::Confirm(row) =
                subscriptions::request(db, tenant_id, &email, &choice, 72, "192.0.2.10")
                    .await
                    .unwrap()
            else {
                panic!("a new subscriber");
            };
            let body = (case.method == Method::PUT)
                .then(|| json!({"topics": ["all"], "language": "en", "cadence": "digest"}));
            let path = case
                .path
                .replace("{token}", &row.token)
                .replace("{slug}", slug)
                .replace("{id}", &row.id.to_string());
            return Some((path, body));
        }
        let path = case.path.replace("{slug}", slug);
        match (case.method.clone(), case.path) {
            (Method::POST, "/tenants/{slug}/subscriptions") => Some((
                path,
                Some(
                    json!({"email": format!("{}@example.org", self.fresh("resident")), "topics": ["all"]}),
                ),
            )),
            (Method::POST, "/tenants/{slug}/subscribers/import") => Some((
                path,
                Some(
                    json!({"subscribers": [{"email": format!("{}@example.org", self.fresh("listed")), "topics": ["meetings"]}]}),
                ),
            )),
            (Method::PUT, "/tenants/{slug}/notification-settings") => Some((
                path,
                Some(json!({"digest_schedule": "0 0 8 * * Mon", "reminder_minutes": 1440})),
            )),
            (Method::POST, "/tenants/{slug}/deliveries/{id}/retry")
            | (Method::POST, "/platform/deliveries/{id}/retry") => {
                // Written failed straight away, so no worker takes it first.
                use notifications::entities::delivery;
                use sea_orm::{ActiveModelTrait, ActiveValue::Set};
                let now = chrono::Utc::now();
                let row = delivery::ActiveModel {
                    tenant_id: Set(Some(tenant_id)),
                    idempotency_key: Set(self.fresh("failed-")),
                    message_id: Set(format!("{}@example.org", self.fresh("m"))),
                    kind: Set("notice".into()),
                    recipient: Set("nobody@example.org".into()),
                    subject: Set("x".into()),
                    text_body: Set("x".into()),
                    state: Set("failed".into()),
                    attempts: Set(8),
                    next_attempt_at: Set(now),
                    last_error: Set(Some("550 no such user".into())),
                    created_at: Set(now),
                    updated_at: Set(now),
                    ..Default::default()
                }
                .insert(db)
                .await
                .unwrap();
                Some((path.replace("{id}", &row.id.to_string()), None))
            }
            _ => None,
        }
    }

    /// The concrete path and body of a case, with whatever it needs created first.
    async fn prepare(&self, case: &Case, who: Who, slug: &str) -> (String, Option<Value>) {
        if let Some(prepared) = self.prepare_meeting(case, slug).await {
            return prepared;
        }
        if let Some(prepared) = self.prepare_practice(case, slug).await {
            return prepared;
        }
        if let Some(prepared) = self.prepare_notifications(case, slug).await {
            return prepared;
        }
        let path = case.path.replace("{slug}", slug);
        let post_or_put = matches!(case.method, Method::POST | Method::PUT);
        match (case.method.clone(), case.path) {
            (Method::POST, "/tenants") => (path, Some(sample_tenant(&self.fresh("new-town-")))),
            (Method::PUT, "/tenants/{slug}") => {
                let mut body = sample_tenant(slug);
                body.as_object_mut().unwrap().remove("slug");
                (path, Some(body))
            }
            (Method::PUT, "/tenants/{slug}/profile") => (path, Some(json!({}))),
            (Method::PUT, "/tenants/{slug}/data-protection-officer") => (
                path,
                Some(json!({"name": "ΥΠΔ", "email": "dpo@example.org"})),
            ),
            (Method::PUT, "/tenants/{slug}/council") => {
                (path, Some(json!({"name": {"el": "ΣΕΜΠ Δοκιμής"}})))
            }
            (_, "/tenants/{slug}/council/members") if post_or_put => (
                path,
                Some(sample_member(
                    &self.fresh("Member "),
                    "member",
                    "other",
                    "regular",
                )),
            ),
            (_, "/tenants/{slug}/council/members/{id}") => {
                let created = self
                    .admin(
                        Method::POST,
                        &format!("/tenants/{slug}/council/members"),
                        sample_member(&self.fresh("Target "), "member", "other", "regular"),
                    )
                    .await;
                let path = path.replace("{id}", &created["member"]["id"].to_string());
                let body = (case.method == Method::PUT)
                    .then(|| sample_member("Renamed Member", "member", "other", "regular"));
                (path, body)
            }
            (Method::POST, "/me/tokens") => (path, Some(json!({"name": self.fresh("token-")}))),
            (Method::POST, "/tenants/{slug}/meetings") => (path, Some(meeting_body(3600))),
            (Method::POST, "/practices") => {
                let mut body = practice_body(slug);
                body["organisation"]["tenant"] = Value::Null;
                (path, Some(body))
            }
            (Method::DELETE, "/me/tokens/{id}") => {
                // The caller's own token; an anonymous caller tries the administrator's.
                let owner = if who == Who::Anonymous {
                    Who::PlatformAdmin
                } else {
                    who
                };
                let (_, created) = self
                    .call(
                        owner,
                        Method::POST,
                        "/me/tokens",
                        Some(json!({"name": self.fresh("doomed-")})),
                    )
                    .await;
                (
                    path.replace("{id}", &created["info"]["id"].to_string()),
                    None,
                )
            }
            (Method::POST, "/tenants/{slug}/roles") => (
                path,
                Some(
                    json!({"email": format!("{}@example.org", self.fresh("author")), "role": "practice_author"}),
                ),
            ),
            (Method::DELETE, "/tenants/{slug}/roles/{id}") => {
                let created = self
                    .admin(
                        Method::POST,
                        &format!("/tenants/{slug}/roles"),
                        json!({"email": format!("{}@example.org", self.fresh("gone")), "role": "practice_author"}),
                    )
                    .await;
                (path.replace("{id}", &created["id"].to_string()), None)
            }
            (Method::DELETE, "/me/sessions/{id}") => {
                // A session of the caller's own (of the administrator's, for an anonymous
                // caller), as if signed in on another browser.
                let owner = if who == Who::Anonymous {
                    Who::PlatformAdmin
                } else {
                    who
                };
                let (_, me) = self.call(owner, Method::GET, "/me", None).await;
                let (_, session) = tenants::identity::sessions::create(
                    &self.app.context.db,
                    me["user_id"].as_i64().unwrap(),
                    "email",
                    chrono::Duration::hours(1),
                )
                .await
                .unwrap();
                (path.replace("{id}", &session.id.to_string()), None)
            }
            (Method::GET, "/platform/accounts") => (format!("{path}?q=example"), None),
            (Method::DELETE, "/platform/accounts/{id}") => {
                let leaving = format!("{}@example.org", self.fresh("leaving"));
                let account =
                    tenants::identity::users::find_or_create(&self.app.context.db, &leaving, None)
                        .await
                        .unwrap();
                (path.replace("{id}", &account.id.to_string()), None)
            }
            (Method::GET, "/platform/users/{id}") => {
                let (_, me) = self
                    .call(Who::PlatformAdmin, Method::GET, "/me", None)
                    .await;
                (path.replace("{id}", &me["user_id"].to_string()), None)
            }
            (Method::POST, "/platform/roles") => (
                path,
                Some(
                    json!({"email": format!("{}@example.org", self.fresh("chief")), "role": "platform_admin"}),
                ),
            ),
            (Method::DELETE, "/platform/roles/{id}") => {
                let created = self
                    .admin(
                        Method::POST,
                        "/platform/roles",
                        json!({"email": format!("{}@example.org", self.fresh("exchief")), "role": "platform_admin"}),
                    )
                    .await;
                (path.replace("{id}", &created["id"].to_string()), None)
            }
            (Method::POST, "/practice-themes") => (
                path,
                Some(json!({"code": self.fresh("theme_"), "name": {"el": "Θέμα", "en": "Theme"}})),
            ),
            (_, "/practice-themes/{code}") => {
                let code = self.fresh("theme_");
                self.admin(
                    Method::POST,
                    "/practice-themes",
                    json!({"code": code, "name": {"el": "Θέμα", "en": "Theme"}}),
                )
                .await;
                let body = (case.method == Method::PUT)
                    .then(|| json!({"name": {"el": "Νέο όνομα", "en": "New name"}}));
                (path.replace("{code}", &code), body)
            }
            (Method::POST, "/tenants/{slug}/access-requests") => {
                (path, Some(access_request(self.fresh("ngo"))))
            }
            (Method::POST, "/tenants/{slug}/access-requests/{id}/accept")
            | (Method::POST, "/tenants/{slug}/access-requests/{id}/decline") => {
                // Sent as anyone sends one; answered by the case.
                let (status, _) = self
                    .call(
                        Who::Anonymous,
                        Method::POST,
                        &format!("/tenants/{slug}/access-requests"),
                        Some(access_request(self.fresh("asker"))),
                    )
                    .await;
                assert_eq!(status, 202);
                let (_, waiting) = self
                    .call(
                        Who::PlatformAdmin,
                        Method::GET,
                        &format!("/tenants/{slug}/access-requests"),
                        None,
                    )
                    .await;
                let id = waiting
                    .as_array()
                    .unwrap()
                    .iter()
                    .rev()
                    .find(|r| r["state"] == "pending")
                    .unwrap()["id"]
                    .clone();
                (path.replace("{id}", &id.to_string()), Some(json!({})))
            }
            (Method::PUT, "/tenants/{slug}/sign-in-provider") => (path, Some(provider_body())),
            (_, "/tenants/{slug}/sign-in-provider") => {
                self.admin(Method::PUT, &path, provider_body()).await;
                (path, None)
            }
            _ => (path, None),
        }
    }
}

/// A request for access from `who`@example.org.
fn access_request(who: String) -> Value {
    json!({
        "full_name": "Ελένη Παππά", "organisation": "ΜΚΟ Αλληλεγγύη",
        "email": format!("{who}@example.org"), "role": "practice_author",
        "reason": "Θέλουμε να καταχωρίσουμε την πρακτική μας."
    })
}

/// A practice submitted in the name of municipality `slug`.
fn practice_body(slug: &str) -> Value {
    json!({
        "title": {"el": "Πρακτική"},
        "summary": {"el": "Περίληψη"},
        "sector": "municipality",
        "organisation": {"name": "Δήμος", "tenant": slug},
        "description": {"el": "Περιγραφή"}
    })
}

fn provider_body() -> Value {
    json!({
        "display_name": "Κατάλογος του δήμου",
        "issuer_url": "https://login.example.org",
        "client_id": "semp",
        "client_secret": "s3cret"
    })
}

/// Every (method, path) the merged OpenAPI document declares.
async fn documented_operations(app: &TestApp) -> BTreeSet<(String, String)> {
    let (_, spec) = app.get_json("/api/openapi.json").await;
    let mut operations = BTreeSet::new();
    for (path, item) in spec["paths"].as_object().unwrap() {
        for method in item.as_object().unwrap().keys() {
            operations.insert((method.to_uppercase(), path.clone()));
        }
    }
    operations
}

async fn every_operation_allows_exactly_its_roles_and_keeps_tenants_apart(app: TestApp) {
    app.create_tenant("alpha").await;
    app.create_tenant("beta").await;
    for slug in ["alpha", "beta"] {
        app.post(
            &format!("/api/v1/tenants/{slug}/council/members"),
            &sample_member("First Member", "member", "other", "regular"),
        )
        .await;
    }
    let mut tokens = vec![
        (Who::Anonymous, None),
        (Who::PlatformAdmin, Some(app.token.clone())),
    ];
    for (who, role, email) in [
        (
            Who::TenantAdmin,
            Role::TenantAdmin,
            "admin@alpha.example.org",
        ),
        (
            Who::Secretary,
            Role::Secretary,
            "secretary@alpha.example.org",
        ),
        (
            Who::CouncilMember,
            Role::CouncilMember,
            "member@alpha.example.org",
        ),
        (
            Who::PracticeAuthor,
            Role::PracticeAuthor,
            "author@alpha.example.org",
        ),
    ] {
        let token = token_for(&app.context, email, &[(role, Some("alpha"))], "matrix").await;
        tokens.push((who, Some(token)));
    }
    let world = World {
        app,
        tokens,
        counter: Default::default(),
        started: Default::default(),
    };
    // Six cases need a started meeting, each called by six callers.
    world.start_meetings(36).await;

    let listed: BTreeSet<(String, String)> = cases()
        .iter()
        .map(|c| (c.method.to_string(), c.path.to_string()))
        .collect();
    let documented = documented_operations(&world.app).await;
    let missing: Vec<_> = documented.difference(&listed).collect();
    assert!(
        missing.is_empty(),
        "operations missing from the permission matrix: {missing:?}"
    );
    let stale: Vec<_> = listed.difference(&documented).collect();
    assert!(
        stale.is_empty(),
        "the matrix lists operations that do not exist: {stale:?}"
    );

    let mut failures = Vec::new();
    for case in cases() {
        for who in EVERYONE {
            for (slug, own) in [("alpha", true), ("beta", false)] {
                let (path, body) = world.prepare(&case, who, slug).await;
                let (status, answer) = world.call(who, case.method.clone(), &path, body).await;
                let expected_ok = allowed(case.rule, who, own);
                let ok = if expected_ok {
                    (200..300).contains(&status)
                } else if who == Who::Anonymous {
                    status == 401
                } else {
                    status == 403
                };
                let leaks = !expected_ok
                    && ["items", "members", "email", "grants"]
                        .iter()
                        .any(|k| answer.get(k).is_some());
                if !ok || leaks {
                    failures.push(format!(
                        "{who:?} {} {path}: got {status}, expected {} {answer}",
                        case.method,
                        if expected_ok {
                            "2xx"
                        } else if who == Who::Anonymous {
                            "401"
                        } else {
                            "403"
                        }
                    ));
                }
                if !case.path.contains("{slug}") {
                    break; // the same call for both municipalities
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} wrong answers:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

on_both_databases!(every_operation_allows_exactly_its_roles_and_keeps_tenants_apart);

/// The workspace's pages under the same rules: each page and each form, opened and sent
/// by a browser signed in as each role of municipality A, against A's meeting and B's.
/// Anonymous readers are sent to sign in; a page someone may not use is a 403 page. Forms
/// are sent empty (with their token), so an allowed caller gets the form back with its
/// errors (422), a refusal of the meeting's state (409) or, for a harmless one, a redirect;
/// never 401, 403 or 404.
mod pages {
    use super::*;
    use integration_tests::browser::Browser;

    fn page_cases() -> Vec<(Method, &'static str, Rule)> {
        use Rule::*;
        let mut cases = vec![
            (Method::GET, "/workspace", SignedIn),
            (Method::GET, "/account", SignedIn),
            (Method::GET, "/account/data", SignedIn),
            (Method::GET, "/workspace/{slug}/meetings", Insider),
            (Method::GET, "/workspace/{slug}/meetings/new", Staff),
            (Method::POST, "/workspace/{slug}/meetings/new", Staff),
            (Method::GET, "{m}", Insider),
            (Method::POST, "{m}/answer", Member),
            (Method::POST, "{m}/agenda/{item}/comment", Member),
            (Method::POST, "{m}/hold", Staff),
            (Method::POST, "{m}/agenda/{item}/move", Staff),
            (Method::POST, "{m}/minutes/approve", Staff),
            (
                Method::GET,
                "/workspace/{slug}/council/details",
                TenantAdmin,
            ),
            (
                Method::POST,
                "/workspace/{slug}/council/details",
                TenantAdmin,
            ),
            (Method::GET, "/workspace/{slug}/audit", TenantAdmin),
            (
                Method::GET,
                "/workspace/{slug}/data-protection",
                TenantAdmin,
            ),
            (
                Method::POST,
                "/workspace/{slug}/data-protection",
                TenantAdmin,
            ),
            (Method::GET, "/workspace/{slug}/deliveries", TenantAdmin),
            (Method::GET, "/workspace/{slug}/subscribers", TenantAdmin),
            (
                Method::GET,
                "/workspace/{slug}/subscribers/export",
                TenantAdmin,
            ),
            (
                Method::GET,
                "/workspace/{slug}/subscribers/import",
                TenantAdmin,
            ),
            (
                Method::POST,
                "/workspace/{slug}/subscribers/import",
                TenantAdmin,
            ),
            (
                Method::POST,
                "/workspace/{slug}/subscribers/import/confirm",
                TenantAdmin,
            ),
            (
                Method::GET,
                "/workspace/{slug}/subscribers/{subscriber}/erase",
                TenantAdmin,
            ),
            (
                Method::POST,
                "/workspace/{slug}/subscribers/{subscriber}/erase",
                TenantAdmin,
            ),
            (
                Method::POST,
                "/workspace/{slug}/deliveries/{delivery}/retry",
                TenantAdmin,
            ),
            (Method::GET, "/workspace/{slug}/profile", TenantAdmin),
            (Method::GET, "/workspace/{slug}/requests", TenantAdmin),
            (
                Method::GET,
                "/workspace/{slug}/sign-in-provider",
                TenantAdmin,
            ),
            (
                Method::POST,
                "/workspace/{slug}/sign-in-provider",
                TenantAdmin,
            ),
            (
                Method::GET,
                "/workspace/{slug}/sign-in-provider/remove",
                TenantAdmin,
            ),
            (
                Method::POST,
                "/workspace/{slug}/sign-in-provider/remove",
                TenantAdmin,
            ),
            (
                Method::GET,
                "/workspace/{slug}/requests/{request}",
                TenantAdmin,
            ),
            (
                Method::POST,
                "/workspace/{slug}/requests/{request}/accept",
                TenantAdmin,
            ),
            (
                Method::POST,
                "/workspace/{slug}/requests/{request}/decline",
                TenantAdmin,
            ),
            (Method::POST, "/workspace/{slug}/profile", TenantAdmin),
            (Method::GET, "/workspace/{slug}/notices", TenantAdmin),
            (Method::POST, "/workspace/{slug}/notices", TenantAdmin),
            (Method::GET, "/workspace/{slug}/people", TenantAdmin),
            (Method::GET, "/workspace/{slug}/people/invite", TenantAdmin),
            (Method::POST, "/workspace/{slug}/people/invite", TenantAdmin),
            (
                Method::POST,
                "/workspace/{slug}/people/{grant}/resend",
                TenantAdmin,
            ),
            (
                Method::GET,
                "/workspace/{slug}/people/{grant}/revoke",
                TenantAdmin,
            ),
            (
                Method::POST,
                "/workspace/{slug}/people/{grant}/revoke",
                TenantAdmin,
            ),
            (Method::GET, "/workspace/{slug}/council", TenantAdmin),
            (
                Method::GET,
                "/workspace/{slug}/council/members/new",
                TenantAdmin,
            ),
            (
                Method::POST,
                "/workspace/{slug}/council/members/new",
                TenantAdmin,
            ),
            (
                Method::GET,
                "/workspace/{slug}/council/members/{member}/edit",
                TenantAdmin,
            ),
            (
                Method::POST,
                "/workspace/{slug}/council/members/{member}/edit",
                TenantAdmin,
            ),
            (
                Method::GET,
                "/workspace/{slug}/council/members/{member}/end",
                TenantAdmin,
            ),
            (
                Method::POST,
                "/workspace/{slug}/council/members/{member}/end",
                TenantAdmin,
            ),
        ];
        // The moderators' pages: `{practice}` is a practice of the municipality submitted
        // for the call, `{published}` one published with a reader's `{feedback}`. The
        // queues are for whoever moderates (platform or any municipality's administrators),
        // as is marking an adoption (in one's own municipality's name).
        for (method, path) in [
            (Method::GET, "/workspace/moderation"),
            (Method::GET, "/workspace/moderation/feedback"),
            (Method::GET, "/workspace/moderation/adoptions/{published}"),
            (Method::POST, "/workspace/moderation/adoptions/{published}"),
        ] {
            cases.push((method, path, TenantAdmin));
        }
        for (method, path) in [
            (Method::GET, "/workspace/moderation/practices/{practice}"),
            (
                Method::POST,
                "/workspace/moderation/practices/{practice}/review",
            ),
            (
                Method::GET,
                "/workspace/moderation/practices/{practice}/publish",
            ),
            (
                Method::POST,
                "/workspace/moderation/practices/{practice}/publish",
            ),
            (
                Method::POST,
                "/workspace/moderation/practices/{practice}/request-changes",
            ),
            (
                Method::POST,
                "/workspace/moderation/practices/{practice}/reject",
            ),
            (
                Method::POST,
                "/workspace/moderation/practices/{published}/feedback/{feedback}/approve",
            ),
            (
                Method::POST,
                "/workspace/moderation/practices/{published}/feedback/{feedback}/refuse",
            ),
            (
                Method::GET,
                "/workspace/moderation/adoptions/{published}/{slug}/withdraw",
            ),
            (
                Method::POST,
                "/workspace/moderation/adoptions/{published}/{slug}/withdraw",
            ),
        ] {
            cases.push((method, path, TenantAdmin));
        }
        // The operators' pages: `{fresh}` is a municipality made for the call (archiving
        // one is not undone by the next case), `{pgrant}` a platform invitation and
        // `{theme}` a thematic area of its own.
        for (method, path) in [
            (Method::GET, "/workspace/platform/municipalities"),
            (Method::GET, "/workspace/platform/municipalities/new"),
            (Method::POST, "/workspace/platform/municipalities/new"),
            (
                Method::GET,
                "/workspace/platform/municipalities/{slug}/edit",
            ),
            (
                Method::POST,
                "/workspace/platform/municipalities/{slug}/edit",
            ),
            (
                Method::GET,
                "/workspace/platform/municipalities/{slug}/administrator",
            ),
            (
                Method::POST,
                "/workspace/platform/municipalities/{slug}/administrator",
            ),
            (
                Method::GET,
                "/workspace/platform/municipalities/{fresh}/archive",
            ),
            (
                Method::POST,
                "/workspace/platform/municipalities/{fresh}/archive",
            ),
            (
                Method::GET,
                "/workspace/platform/municipalities/{slug}/restore",
            ),
            (
                Method::POST,
                "/workspace/platform/municipalities/{slug}/restore",
            ),
            (Method::GET, "/workspace/platform/roles"),
            (Method::GET, "/workspace/platform/roles/invite"),
            (Method::POST, "/workspace/platform/roles/invite"),
            (Method::POST, "/workspace/platform/roles/{pgrant}/resend"),
            (Method::GET, "/workspace/platform/roles/{pgrant}/revoke"),
            (Method::POST, "/workspace/platform/roles/{pgrant}/revoke"),
            (Method::GET, "/workspace/platform/deliveries"),
            (
                Method::POST,
                "/workspace/platform/deliveries/{delivery}/retry",
            ),
            (Method::GET, "/workspace/platform/jobs"),
            (Method::GET, "/workspace/platform/accounts?q=example"),
            (Method::GET, "/workspace/platform/accounts/{account}/erase"),
            (Method::POST, "/workspace/platform/accounts/{account}/erase"),
            (Method::GET, "/workspace/platform/themes"),
            (Method::GET, "/workspace/platform/themes/new"),
            (Method::POST, "/workspace/platform/themes/new"),
            (Method::GET, "/workspace/platform/themes/{theme}/edit"),
            (Method::POST, "/workspace/platform/themes/{theme}/edit"),
            (Method::GET, "/workspace/platform/themes/{theme}/remove"),
            (Method::POST, "/workspace/platform/themes/{theme}/remove"),
        ] {
            cases.push((method, path, PlatformAdmin));
        }
        // Authors' pages: `{practice}` is a draft of the municipality, made for each call.
        cases.push((Method::GET, "/workspace/practices", SignedIn));
        cases.push((Method::GET, "/workspace/practices/new", SignedIn));
        cases.push((Method::POST, "/workspace/practices/new", SignedIn));
        cases.push((
            Method::GET,
            "/workspace/practices/{practice}",
            PracticeWriter,
        ));
        cases.push((
            Method::GET,
            "/workspace/practices/{practice}/preview",
            PracticeWriter,
        ));
        cases.push((
            Method::POST,
            "/workspace/practices/{practice}/submit",
            PracticeWriter,
        ));
        for section in [
            "about",
            "organisation",
            "aims",
            "description",
            "places",
            "results",
            "photos",
            "documents",
            "goals",
            "links",
        ] {
            let path: &'static str =
                Box::leak(format!("/workspace/practices/{{practice}}/{section}").into_boxed_str());
            cases.push((Method::GET, path, PracticeWriter));
            cases.push((Method::POST, path, PracticeWriter));
        }
        for upload in [
            "/workspace/practices/{practice}/photos/upload",
            "/workspace/practices/{practice}/documents/upload",
        ] {
            cases.push((Method::POST, upload, PracticeWriter));
        }
        for both in [
            "{m}/edit",
            "{m}/agenda/new",
            "{m}/agenda/{item}/edit",
            "{m}/agenda/{item}/withdraw",
            "{m}/agenda/{item}/decision",
            "{m}/attendance",
            "{m}/minutes",
            "{m}/minutes/publish",
            "{m}/convene",
            "{m}/postpone",
            "{m}/cancel",
            "{m}/delete",
            "{m}/agenda/{item}/documents",
            "{m}/documents/{doc}/remove",
        ] {
            cases.push((Method::GET, both, Staff));
            cases.push((Method::POST, both, Staff));
        }
        cases
    }

    /// A document on the item, uploaded through the API: its id.
    async fn upload_document(
        app: &TestApp,
        token: &str,
        (slug, id, item): (&str, i64, i64),
    ) -> i64 {
        let upload = app
            .client
            .post(app.url(&format!(
                "/api/v1/tenants/{slug}/meetings/{id}/attachments?file_name=a.pdf&item_id={item}"
            )))
            .bearer_auth(token)
            .header("content-type", "application/octet-stream")
            .body(PDF.to_vec())
            .send()
            .await
            .unwrap();
        assert_eq!(upload.status(), 201);
        upload.json::<Value>().await.unwrap()["id"]
            .as_i64()
            .unwrap()
    }

    /// A message of the municipality (a subscription's confirmation), once queued: its id.
    async fn a_delivery(app: &TestApp, token: &str, slug: &str) -> i64 {
        let (status, _) = app
            .post(
                &format!("/api/v1/tenants/{slug}/subscriptions"),
                &json!({"email": format!("resident@{slug}.example.org"), "topics": ["all"]}),
            )
            .await;
        assert_eq!(status, 202);
        for _ in 0..50 {
            let (_, list) = app
                .get_json_as(token, &format!("/api/v1/tenants/{slug}/deliveries"))
                .await;
            if let Some(id) = list["items"][0]["id"].as_i64() {
                return id;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        panic!("no delivery queued in {slug}");
    }

    /// An invitation in the municipality, sent through the API: its id.
    async fn invitation(app: &TestApp, token: &str, slug: &str) -> i64 {
        let n = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos();
        let response = app
            .client
            .post(app.url(&format!("/api/v1/tenants/{slug}/roles")))
            .bearer_auth(token)
            .json(&json!({"email": format!("invited{n}@example.org"), "role": "secretary"}))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 201);
        response.json::<Value>().await.unwrap()["id"]
            .as_i64()
            .unwrap()
    }

    /// A request for access waiting in `slug`, sent as anyone sends one.
    async fn waiting_request(app: &TestApp, token: &str, slug: &str) -> i64 {
        let n = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos();
        let sent = app
            .client
            .post(app.url(&format!("/api/v1/tenants/{slug}/access-requests")))
            .json(&super::access_request(format!("asker{n}")))
            .send()
            .await
            .unwrap();
        assert_eq!(sent.status(), 202);
        let (_, list) = app
            .get_json_as(token, &format!("/api/v1/tenants/{slug}/access-requests"))
            .await;
        list.as_array()
            .unwrap()
            .iter()
            .rev()
            .find(|r| r["state"] == "pending")
            .unwrap()["id"]
            .as_i64()
            .unwrap()
    }

    /// What a practice page `pattern` acts on, made for the call in municipality `slug`: a
    /// draft for an author's page, a submitted practice for a moderator's, and a published one with a reader's message (adopted
    /// by `slug`, for a withdrawal to withdraw).
    async fn moderation_targets(
        app: &TestApp,
        operator: &str,
        (pattern, slug): (&str, &str),
    ) -> (String, String, i64) {
        let make = |steps: &'static [&'static str]| async move {
            let (status, created) = send(
                &app.client,
                &app.url("/api/v1/practices"),
                Some(operator),
                Method::POST,
                Some(super::practice_body(slug)),
            )
            .await;
            assert_eq!(status, 201, "{created}");
            let practice = created["slug"].as_str().unwrap().to_string();
            for step in steps {
                let (status, answer) = send(
                    &app.client,
                    &app.url(&format!("/api/v1/practices/{practice}/{step}")),
                    Some(operator),
                    Method::POST,
                    None,
                )
                .await;
                assert_eq!(status, 200, "{step}: {answer}");
            }
            practice
        };
        // The authors' pages work on a draft; the moderators' on a submission.
        let practice = if pattern.starts_with("/workspace/practices/{practice}") {
            make(&[]).await
        } else if pattern.contains("{practice}") {
            make(&["submit"]).await
        } else {
            String::new()
        };
        let (published, feedback) = if pattern.contains("{published}") {
            let published = make(&["submit", "publish"]).await;
            let db = &app.context.db;
            let found = practices::service::find(db, &published).await.unwrap();
            let message = practices::service::community::give_feedback(
                db,
                &found,
                None,
                "reader@example.org".into(),
                "Μήνυμα".into(),
            )
            .await
            .unwrap();
            if pattern.ends_with("/withdraw") {
                let (status, answer) = send(
                    &app.client,
                    &app.url(&format!("/api/v1/practices/{published}/adoptions")),
                    Some(operator),
                    Method::POST,
                    Some(json!({"tenant": slug})),
                )
                .await;
                assert_eq!(status, 201, "{answer}");
            }
            (published, message.id)
        } else {
            (String::new(), 0)
        };
        (practice, published, feedback)
    }

    /// What an operators' page `pattern` acts on, made for the call: a municipality, a
    /// platform invitation, a thematic area (each only when the pattern names it).
    async fn platform_targets(app: &TestApp, pattern: &str) -> (String, i64, String) {
        let n = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos();
        let fresh = if pattern.contains("{fresh}") {
            let slug = format!("town-{n}");
            app.create_tenant(&slug).await;
            slug
        } else {
            String::new()
        };
        let pgrant = if pattern.contains("{pgrant}") {
            let (status, created) = app
                .post(
                    "/api/v1/platform/roles",
                    &json!({"email": format!("chief{n}@example.org"), "role": "platform_admin"}),
                )
                .await;
            assert_eq!(status, 201, "{created}");
            created["id"].as_i64().unwrap()
        } else {
            0
        };
        let theme = if pattern.contains("{theme}") {
            let code = format!("theme_{n}");
            let (status, created) = app
                .post(
                    "/api/v1/practice-themes",
                    &json!({"code": code, "name": {"el": "Θέμα", "en": "Theme"}}),
                )
                .await;
            assert_eq!(status, 201, "{created}");
            code
        } else {
            String::new()
        };
        (fresh, pgrant, theme)
    }

    async fn every_workspace_page_allows_exactly_its_roles(app: TestApp) {
        let mut meetings = Vec::new();
        let operator = token_for(
            &app.context,
            "operator@example.org",
            &[(Role::PlatformAdmin, None)],
            "matrix",
        )
        .await;
        for slug in ["alpha", "beta"] {
            app.create_tenant(slug).await;
            let (_, added) = app
                .post(
                    &format!("/api/v1/tenants/{slug}/council/members"),
                    &sample_member("First Member", "member", "other", "regular"),
                )
                .await;
            let member = added["member"]["id"].as_i64().unwrap();
            let id = integration_tests::convene(&app.client, &app.base, &operator, slug, "Σ").await;
            let (_, meeting) = app
                .get_json_as(&operator, &format!("/api/v1/tenants/{slug}/meetings/{id}"))
                .await;
            let item = meeting["agenda"][0]["id"].as_i64().unwrap();
            let doc = upload_document(&app, &operator, (slug, id, item)).await;
            let delivery = a_delivery(&app, &operator, slug).await;
            meetings.push((slug, id, item, doc, member, delivery));
        }
        let mut browsers = vec![(Who::Anonymous, Browser::new(&app))];
        for (who, role, email) in [
            (
                Who::PlatformAdmin,
                Role::PlatformAdmin,
                "operator@example.org",
            ),
            (
                Who::TenantAdmin,
                Role::TenantAdmin,
                "admin@alpha.example.org",
            ),
            (
                Who::Secretary,
                Role::Secretary,
                "secretary@alpha.example.org",
            ),
            (
                Who::CouncilMember,
                Role::CouncilMember,
                "member@alpha.example.org",
            ),
            (
                Who::PracticeAuthor,
                Role::PracticeAuthor,
                "author@alpha.example.org",
            ),
        ] {
            let tenant = (role != Role::PlatformAdmin).then_some("alpha");
            if role != Role::PlatformAdmin {
                token_for(&app.context, email, &[(role, tenant)], "matrix").await;
            }
            let browser = Browser::new(&app);
            browser.sign_in_by_email(&app, email).await;
            browsers.push((who, browser));
        }
        // Anyone's form token: the anonymous browser gets one from the sign-in page.
        let mut tokens = Vec::new();
        for (_, browser) in &browsers {
            tokens.push(browser.csrf_from("/sign-in").await);
        }

        let mut failures = Vec::new();
        for (method, pattern, rule) in page_cases() {
            for (who, browser) in &browsers {
                let csrf = &tokens[browsers.iter().position(|(w, _)| w == who).unwrap()];
                for (slug, id, item, doc, member, delivery) in &meetings {
                    let own = *slug == "alpha";
                    // Revoking or sending again ends an invitation: each call gets its own.
                    let grant = if pattern.contains("{grant}")
                        && (method == Method::POST || pattern.ends_with("/revoke"))
                    {
                        invitation(&app, &operator, slug).await
                    } else {
                        0
                    };
                    // Answering a request answers it: each call gets one of its own.
                    let request = if pattern.contains("{request}") {
                        waiting_request(&app, &operator, slug).await
                    } else {
                        0
                    };
                    // Erasing a subscriber erases them: each call gets one of its own.
                    let subscriber = if pattern.contains("{subscriber}") {
                        let n = std::time::SystemTime::now()
                            .duration_since(std::time::UNIX_EPOCH)
                            .unwrap()
                            .as_nanos();
                        let email = format!("resident{n}@example.org");
                        integration_tests::subscriber_of(&app, slug, &email, false).await
                    } else {
                        0
                    };
                    // Erasing an account erases it: each call gets one of its own.
                    let account = if pattern.contains("{account}") {
                        let n = std::time::SystemTime::now()
                            .duration_since(std::time::UNIX_EPOCH)
                            .unwrap()
                            .as_nanos();
                        tenants::identity::users::find_or_create(
                            &app.context.db,
                            &format!("leaving{n}@example.org"),
                            None,
                        )
                        .await
                        .unwrap()
                        .id
                    } else {
                        0
                    };
                    // Removing a document removes it: each call gets one of its own.
                    let doc = if method == Method::POST && pattern.contains("{doc}") {
                        upload_document(&app, &operator, (slug, *id, *item)).await
                    } else {
                        *doc
                    };
                    let (fresh, pgrant, theme) = platform_targets(&app, pattern).await;
                    let (practice, published, feedback) =
                        moderation_targets(&app, &operator, (pattern, slug)).await;
                    let path = pattern
                        .replace("{practice}", &practice)
                        .replace("{published}", &published)
                        .replace("{feedback}", &feedback.to_string())
                        .replace("{fresh}", &fresh)
                        .replace("{pgrant}", &pgrant.to_string())
                        .replace("{theme}", &theme)
                        .replace("{m}", &format!("/workspace/{slug}/meetings/{id}"))
                        .replace("{slug}", slug)
                        .replace("{item}", &item.to_string())
                        .replace("{member}", &member.to_string())
                        .replace("{grant}", &grant.to_string())
                        .replace("{request}", &request.to_string())
                        .replace("{delivery}", &delivery.to_string())
                        .replace("{subscriber}", &subscriber.to_string())
                        .replace("{account}", &account.to_string())
                        .replace("{doc}", &doc.to_string());
                    let response = if method == Method::GET {
                        browser.navigate(&path).await
                    } else if pattern.ends_with("/upload")
                        || (pattern.starts_with("{m}") && pattern.ends_with("/documents"))
                    {
                        browser
                            .post_multipart(
                                &path,
                                &[("csrf", csrf.as_str())],
                                ("file", "b.pdf", PDF),
                            )
                            .await
                    } else {
                        browser.post_form(&path, &[("csrf", csrf.as_str())]).await
                    };
                    let status = response.status().as_u16();
                    let to = response
                        .headers()
                        .get("location")
                        .map(|l| l.to_str().unwrap().to_string())
                        .unwrap_or_default();
                    let expected_ok = allowed(rule, *who, own);
                    let ok = if *who == Who::Anonymous {
                        status == 303 && to.starts_with("/sign-in?next=")
                    } else if expected_ok {
                        matches!(status, 200 | 303 | 409 | 422)
                    } else {
                        status == 403
                    };
                    if !ok {
                        failures.push(format!(
                            "{who:?} {method} {path}: got {status} {to}, expected {}",
                            if *who == Who::Anonymous {
                                "a redirect to sign in"
                            } else if expected_ok {
                                "the page or the form back"
                            } else {
                                "403"
                            }
                        ));
                    }
                    if !pattern.contains("{slug}")
                        && !pattern.contains("{m}")
                        && !pattern.contains("{practice}")
                        && !pattern.contains("/feedback/{feedback}")
                    {
                        break;
                    }
                }
            }
        }
        assert!(
            failures.is_empty(),
            "{} wrong answers:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }

    on_both_databases!(every_workspace_page_allows_exactly_its_roles);
}

//! A practice written in the workspace by an NGO's author: started with a title, saved as
//! a draft section by section (mistakes said beside their fields, nothing typed lost), a
//! yearly table and a photo, a preview as the public will see it, submission refused
//! until complete, the moderators' note shown, and an update of a published practice that
//! leaves the public version as it was until it is approved.

use council_shared::auth::Role;
use integration_tests::{
    PNG, TestApp,
    browser::{Browser, version_in},
    on_both_databases, token_for,
};
use reqwest::Method;
use serde_json::{Value, json};

const AUTHOR: &str = "writer@alpha.example.org";

async fn api(app: &TestApp, token: &str, method: Method, path: &str, body: Option<Value>) -> Value {
    let mut request = app
        .client
        .request(method, app.url(&format!("/api/v1{path}")))
        .bearer_auth(token);
    if let Some(body) = body {
        request = request.json(&body);
    }
    let response = request.send().await.expect("API call");
    let status = response.status().as_u16();
    let value: Value = response.json().await.unwrap_or(Value::Null);
    assert!((200..300).contains(&status), "{path}: {status} {value}");
    value
}

/// Saves a section the way its page does: with the page's version.
async fn save(author: &Browser, section: &str, fields: &[(&str, &str)]) -> (u16, String, String) {
    let path = format!("/workspace/practices/mathimata-ellinikon/{section}");
    let (_, page) = author.page(&path).await;
    let version = version_in(&page);
    let mut sent = vec![("version", version.as_str())];
    sent.extend_from_slice(fields);
    author.submit(&path, &path, &sent).await
}

async fn an_author_writes_a_practice_in_the_workspace(app: TestApp) {
    app.create_tenant("alpha").await;
    token_for(
        &app.context,
        AUTHOR,
        &[(Role::PracticeAuthor, Some("alpha"))],
        "t",
    )
    .await;
    let author = Browser::new(&app);
    author.sign_in_by_email(&app, AUTHOR).await;

    let (_, home) = author.page("/workspace").await;
    assert!(home.contains("href=\"/workspace/practices/new\""), "{home}");
    let (_, list) = author.page("/workspace/practices").await;
    assert!(
        list.contains("Δεν έχετε ξεκινήσει ακόμη καμία πρακτική"),
        "{list}"
    );

    // A title is all a draft needs; without one, the form says so beside the field.
    let new = "/workspace/practices/new";
    let (status, _, page) = author.submit(new, new, &[("title.el", " ")]).await;
    assert_eq!(status, 422);
    assert!(
        page.contains("Συμπληρώστε το «Τίτλος στα ελληνικά» στα ελληνικά ή στα αγγλικά"),
        "{page}"
    );
    let (status, to, _) = author
        .submit(new, new, &[("title.el", "Μαθήματα ελληνικών")])
        .await;
    assert_eq!(status, 303);
    assert_eq!(
        to,
        "/workspace/practices/mathimata-ellinikon?done=practice-created"
    );
    let overview = "/workspace/practices/mathimata-ellinikon";
    let (_, page) = author.page(overview).await;
    assert!(page.contains("Πρόχειρο: το βλέπετε μόνο εσείς"), "{page}");
    assert!(page.contains("Λείπουν στοιχεία"), "{page}");

    // Submitting now is refused, each missing field linked to its section.
    let submit = format!("{overview}/submit");
    let (status, _, page) = author.submit(overview, &submit, &[]).await;
    assert_eq!(status, 422, "{page}");
    assert!(
        page.contains(&format!("href=\"{overview}/about#field-summary-el\"")),
        "{page}"
    );
    assert!(
        page.contains(&format!(
            "href=\"{overview}/organisation#field-organisation-name\""
        )),
        "{page}"
    );

    let (status, _, _) = save(
        &author,
        "about",
        &[
            ("title.el", "Μαθήματα ελληνικών"),
            ("title.en", "Greek lessons"),
            ("summary.el", "Δωρεάν μαθήματα ελληνικών για ενήλικες."),
            ("sector", "civil_society"),
            ("thematic_areas", "education_language"),
            ("audiences", "women"),
            ("audiences", "refugees"),
        ],
    )
    .await;
    assert_eq!(status, 303);
    // A date that cannot be read is said beside it, and what was typed stays.
    let (status, _, page) = save(
        &author,
        "aims",
        &[
            ("objective.el", "Να μιλούν ελληνικά στην καθημερινή ζωή."),
            ("duration.from", "31/02/2019"),
            ("duration.ongoing", "on"),
        ],
    )
    .await;
    assert_eq!(status, 422);
    assert!(page.contains("id=\"field-duration-from-error\""), "{page}");
    assert!(
        page.contains("Να μιλούν ελληνικά στην καθημερινή ζωή."),
        "{page}"
    );
    let (status, _, _) = save(
        &author,
        "aims",
        &[
            ("objective.el", "Να μιλούν ελληνικά στην καθημερινή ζωή."),
            ("duration.from", "1/9/2019"),
            ("duration.ongoing", "on"),
        ],
    )
    .await;
    assert_eq!(status, 303);
    let (_, page) = author.page(&format!("{overview}/organisation")).await;
    assert!(
        page.contains("value=\"alpha\""),
        "the author's municipality is offered: {page}"
    );
    let (status, _, _) = save(
        &author,
        "organisation",
        &[
            ("organisation.name", "ΜΚΟ Αλληλεγγύη"),
            ("organisation.website", "https://www.example.org"),
            ("organisation.tenant", "alpha"),
        ],
    )
    .await;
    assert_eq!(status, 303);
    let (status, _, _) = save(
        &author,
        "description",
        &[(
            "description.el",
            "Τρία τμήματα την εβδομάδα.\n\nΜε παιδότοπο.",
        )],
    )
    .await;
    assert_eq!(status, 303);

    // The yearly table: a number that is not one is said in its cell; "add a row" comes
    // back with the figures kept and a new empty row.
    let table = [
        ("year[0]", "2022"),
        ("year[1]", "2023"),
        ("measure[0].el", "Ωφελούμενοι"),
        ("cell[0][0]", "120"),
        ("cell[0][1]", "πολλοί"),
    ];
    let (status, _, page) = save(&author, "results", &table).await;
    assert_eq!(status, 422);
    assert!(page.contains("id=\"field-cell-0--1--error\""), "{page}");
    let mut fixed = table.to_vec();
    fixed[4] = ("cell[0][1]", "1.450");
    fixed.push(("action", "again"));
    let (status, to, _) = save(&author, "results", &fixed).await;
    assert_eq!(status, 303);
    assert!(to.starts_with(&format!("{overview}/results")), "{to}");
    let (_, page) = author.page(&format!("{overview}/results")).await;
    assert!(page.contains("value=\"1450\""), "{page}");
    assert!(
        page.contains("name=\"measure[1].el\""),
        "a new row waits: {page}"
    );

    // A photo without what it shows is refused before anything is stored.
    let photos = format!("{overview}/photos");
    let csrf = author.csrf_from(&photos).await;
    let (_, page) = author.page(&photos).await;
    let version = version_in(&page);
    let response = author
        .post_multipart(
            &format!("{photos}/upload"),
            &[("csrf", &csrf), ("version", &version), ("alt.el", "")],
            ("file", "mathima.png", PNG),
        )
        .await;
    assert_eq!(response.status().as_u16(), 422);
    let page = response.text().await.unwrap();
    assert!(page.contains("id=\"field-alt-el-error\""), "{page}");
    let response = author
        .post_multipart(
            &format!("{photos}/upload"),
            &[
                ("csrf", &csrf),
                ("version", &version),
                ("alt.el", "Γυναίκες σε μάθημα ελληνικών"),
                ("caption.el", "Τμήμα αρχαρίων, 2023"),
            ],
            ("file", "mathima.png", PNG),
        )
        .await;
    assert_eq!(response.status().as_u16(), 303);
    let (status, _, _) = save(&author, "goals", &[("sdgs", "4"), ("sdgs", "10")]).await;
    assert_eq!(status, 303);

    // The preview is the public page from the draft, with the table, the photo, the goals.
    let (_, page) = author.page(&format!("{overview}/preview")).await;
    assert!(page.contains("Μαθήματα ελληνικών"), "{page}");
    assert!(
        page.contains("alt=\"Γυναίκες σε μάθημα ελληνικών\""),
        "{page}"
    );
    assert!(page.contains("Ωφελούμενοι"), "{page}");
    assert!(page.contains("Ποιοτική εκπαίδευση"), "{page}");
    assert!(page.contains("Υποβολή για έγκριση"), "{page}");

    let (status, to, _) = author.submit(overview, &submit, &[]).await;
    assert_eq!(status, 303);
    assert!(to.ends_with("done=practice-submitted"), "{to}");
    let (_, page) = author.page(&format!("{overview}/about")).await;
    assert!(
        page.contains("βρίσκεται στους συντονιστές"),
        "locked: {page}"
    );
    assert!(!page.contains("name=\"title.el\""), "{page}");

    // The moderators ask for changes: the author reads the note on the practice's page.
    let slug = "mathimata-ellinikon";
    let note = "Προσθέστε τους συνεργάτες σας.";
    api(
        &app,
        &app.token,
        Method::POST,
        &format!("/practices/{slug}/request-changes"),
        Some(json!({ "note": note })),
    )
    .await;
    let (_, page) = author.page(overview).await;
    assert!(page.contains(note), "{page}");
    let (status, _, _) = save(
        &author,
        "places",
        &[("partners", "Δήμος Άλφα\nΎπατη Αρμοστεία")],
    )
    .await;
    assert_eq!(status, 303);
    let (status, _, _) = author.submit(overview, &submit, &[]).await;
    assert_eq!(status, 303);
    let (_, page) = author.page(overview).await;
    // Answered by the new submission, the note stays in the history only.
    assert!(!page.contains("Το σημείωμα των συντονιστών"), "{page}");
    assert!(page.contains("Υποβλήθηκε και περιμένει"), "{page}");
    api(
        &app,
        &app.token,
        Method::POST,
        &format!("/practices/{slug}/publish"),
        None,
    )
    .await;

    // An update: saved as a draft, the public still sees the published title.
    let (status, _, _) = save(
        &author,
        "about",
        &[
            ("title.el", "Μαθήματα ελληνικών για όλους"),
            ("summary.el", "Δωρεάν μαθήματα ελληνικών για ενήλικες."),
            ("sector", "civil_society"),
        ],
    )
    .await;
    assert_eq!(status, 303);
    let (_, public) = Browser::new(&app).page(&format!("/practices/{slug}")).await;
    assert!(public.contains("Μαθήματα ελληνικών"), "{public}");
    assert!(!public.contains("για όλους"), "{public}");
    let (_, page) = author.page(overview).await;
    assert!(
        page.contains("το κοινό βλέπει την προηγούμενη εκδοχή"),
        "{page}"
    );

    // A copy opened before someone else's change is refused, not saved over it.
    let about = format!("{overview}/about");
    let (_, page) = author.page(&about).await;
    let stale = version_in(&page);
    save(
        &author,
        "about",
        &[
            ("title.el", "Μαθήματα ελληνικών για όλους"),
            ("sector", "civil_society"),
        ],
    )
    .await;
    let (status, _, page) = author
        .submit(
            &about,
            &about,
            &[("version", &stale), ("title.el", "Άλλος τίτλος")],
        )
        .await;
    assert_eq!(status, 422);
    assert!(page.contains("value=\"Άλλος τίτλος\""), "kept: {page}");

    // Someone else's practice is not theirs to open.
    token_for(&app.context, "someone@example.org", &[], "s").await;
    let stranger = Browser::new(&app);
    stranger.sign_in_by_email(&app, "someone@example.org").await;
    let (status, _) = stranger.page(overview).await;
    assert_eq!(status, 403);
    let (_, list) = stranger.page("/workspace/practices").await;
    assert!(!list.contains("Μαθήματα"), "{list}");
}
on_both_databases!(an_author_writes_a_practice_in_the_workspace);

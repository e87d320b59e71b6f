//! The municipality's public profile, as its administrator keeps it from the workspace:
//! rows added, reordered and removed without JavaScript, a preview of the public page
//! before anything is saved, every mistake said beside its field, and a copy changed
//! meanwhile refused.

use council_shared::auth::Role;
use integration_tests::{
    TestApp,
    browser::{Browser, version_in},
    on_both_databases, token_for,
};

const ADMIN: &str = "admin@alpha.example.org";
const PROFILE: &str = "/workspace/alpha/profile";

/// Two key figures typed in the order the second should come first, an achievement with
/// its number and an introduction.
fn typed<'a>(version: &'a str, action: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("version", version),
        ("action", action),
        (
            "introduction.el",
            "Ο δήμος φιλοξενεί πολλές κοινότητες.\n\nΤο ΣΕΜΠ συνεδριάζει κάθε μήνα.",
        ),
        ("key_figures[0].label.el", "Ώρες μαθημάτων ελληνικών"),
        ("key_figures[0].value", "4.250"),
        ("key_figures[0].unit.el", "ώρες"),
        ("key_figures[0].unit.en", "hours"),
        ("key_figures[0].year", "2023"),
        ("key_figures[0].source", "Κέντρο Ένταξης Μεταναστών"),
        ("key_figures[0].position", "2"),
        ("key_figures[1].label.el", "Μετανάστες κάτοικοι"),
        ("key_figures[1].value", "12%"),
        ("key_figures[1].position", "1"),
        ("achievements[0].title.el", "Μαθήματα για ενήλικες"),
        (
            "achievements[0].description.el",
            "Τριακόσιοι ενήλικες έμαθαν ελληνικά.",
        ),
        ("achievements[0].figure.value", "300"),
        ("achievements[0].figure.label.el", "ενήλικες"),
        ("achievements[0].position", "1"),
    ]
}

async fn an_administrator_keeps_the_profile_with_a_preview(app: TestApp) {
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
    assert!(home.contains(&format!("href=\"{PROFILE}\"")), "{home}");
    let (status, page) = admin.page(PROFILE).await;
    assert_eq!(status, 200);
    assert!(page.contains("Νέο στοιχείο"), "an empty row waits: {page}");
    let version = version_in(&page);

    // The preview puts the rows in the order asked, shows the public page, stores nothing.
    let (status, _, page) = admin
        .submit(PROFILE, PROFILE, &typed(&version, "preview"))
        .await;
    assert_eq!(status, 200, "{page}");
    assert!(
        page.contains("Προεπισκόπηση της δημόσιας σελίδας"),
        "{page}"
    );
    assert!(page.contains("4.250 <span>ώρες</span>"), "{page}");
    assert!(page.contains("Πηγή: Κέντρο Ένταξης Μεταναστών"), "{page}");
    let first = page.find("value=\"Μετανάστες κάτοικοι\"").expect("kept");
    let second = page
        .find("value=\"Ώρες μαθημάτων ελληνικών\"")
        .expect("kept");
    assert!(first < second, "the place typed orders the rows");
    let (_, public) = admin.page("/municipalities/alpha").await;
    assert!(!public.contains("4.250"), "a preview saves nothing");

    // Mistakes: a year that is no number, a figure's label without its number, an
    // English title without the Greek one; each said beside its field and in the summary
    // with the row it is in, and everything typed is kept.
    let mut wrong = typed(&version, "save");
    wrong.retain(|(name, _)| {
        !["achievements[0].figure.value", "key_figures[0].year"].contains(name)
    });
    wrong.push(("key_figures[0].year", "περσι"));
    wrong.push(("programmes[0].title.en", "Migrant Integration Centre"));
    let (status, _, page) = admin.submit(PROFILE, PROFILE, &wrong).await;
    assert_eq!(status, 422, "{page}");
    assert!(
        page.contains("Στοιχείο 2: Γράψτε στο πεδίο «Έτος (προαιρετικά)» έναν ακέραιο αριθμό"),
        "{page}"
    );
    assert!(
        page.contains("href=\"#field-achievements-0--figure-value\""),
        "{page}"
    );
    assert!(
        page.contains("href=\"#field-programmes-0--title-el\""),
        "{page}"
    );
    assert!(page.contains("value=\"περσι\""), "{page}");
    assert!(
        page.contains("value=\"Migrant Integration Centre\""),
        "{page}"
    );

    // Saved: the public page shows it all, in order, with the unit, year and source.
    let (status, to, _) = admin
        .submit(PROFILE, PROFILE, &typed(&version, "save"))
        .await;
    assert_eq!(status, 303);
    assert_eq!(to, format!("{PROFILE}?done=profile-saved"));
    let (_, page) = admin.page(&to).await;
    assert!(page.contains("Το προφίλ αποθηκεύτηκε"), "{page}");
    let (_, public) = admin.page("/municipalities/alpha").await;
    assert!(
        public.contains("Το ΣΕΜΠ συνεδριάζει κάθε μήνα."),
        "{public}"
    );
    let first = public.find("12%").expect("figure shown");
    let second = public
        .find("4.250 <span>ώρες</span>")
        .expect("figure shown");
    assert!(first < second);
    assert!(public.contains("(2023)"), "{public}");
    assert!(public.contains("Τριακόσιοι ενήλικες"), "{public}");
    let (_, json) = app.get_json("/api/v1/tenants/alpha").await;
    let figure = &json["profile"]["key_figures"][1];
    assert_eq!(figure["unit"]["en"], "hours", "{json}");
    assert_eq!(figure["source"], "Κέντρο Ένταξης Μεταναστών", "{json}");

    // The copy opened before that save is refused, what it holds kept on the page.
    let (status, _, page) = admin
        .submit(PROFILE, PROFILE, &typed(&version, "save"))
        .await;
    assert_eq!(status, 422);
    assert!(page.contains("Κάποιος άλλος το άλλαξε"), "{page}");

    // Removing a row: ticked, it is gone from the form and the public page.
    let (_, page) = admin.page(PROFILE).await;
    let current = version_in(&page);
    let mut fewer = typed(&current, "save");
    fewer.push(("key_figures[1].remove", "on"));
    let (status, _, _) = admin.submit(PROFILE, PROFILE, &fewer).await;
    assert_eq!(status, 303);
    let (_, public) = admin.page("/municipalities/alpha").await;
    assert!(public.contains("4.250"), "{public}");
    assert!(!public.contains("12%"), "{public}");

    // Someone who does not administer it may not see or change it.
    let other = Browser::new(&app);
    token_for(
        &app.context,
        "secretary@alpha.example.org",
        &[(Role::Secretary, Some("alpha"))],
        "s",
    )
    .await;
    other
        .sign_in_by_email(&app, "secretary@alpha.example.org")
        .await;
    let (status, _) = other.page(PROFILE).await;
    assert_eq!(status, 403);
}
on_both_databases!(an_administrator_keeps_the_profile_with_a_preview);

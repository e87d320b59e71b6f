//! The residents' languages end to end: a reader's language is negotiated (`?lang=`, the
//! switcher's cookie, `Accept-Language`, else English); public pages say it with `lang`,
//! `dir` and `Content-Language`; a resident who subscribes in Arabic gets the confirmation
//! and a meeting notice in Arabic, right to left, the meeting's Greek title isolated.

use council_shared::locale::Lang;
use integration_tests::{
    TestApp,
    browser::{Browser, outbox_raw},
    smtp::{decoded, header},
};
use notifications::service::messages::text;

/// The first message to `to` whose decoded text contains `needle`, waiting for the
/// notifications service to write it.
async fn message_to(app: &TestApp, to: &str, needle: &str) -> String {
    for _ in 0..200 {
        if let Some(found) = outbox_raw(app)
            .into_iter()
            .map(|m| m.replace("\r\n", "\n"))
            .find(|m| {
                header(m, "To").is_some_and(|t| t.contains(to)) && decoded(m).contains(needle)
            })
        {
            return found;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("no message to {to} containing {needle:?}");
}

async fn a_reader_gets_their_language_or_english(app: TestApp) {
    app.create_tenant("alpha").await;
    let ask = |accept: &'static str, query: &'static str| {
        let app = &app;
        async move {
            let response = app
                .client
                .get(app.url(&format!("/municipalities/alpha{query}")))
                .header("accept-language", accept)
                .send()
                .await
                .unwrap();
            let language = response.headers()["content-language"]
                .to_str()
                .unwrap()
                .to_string();
            (language, response.text().await.unwrap())
        }
    };
    // A Farsi reader's browser: Farsi, right to left; the council's name, written in
    // English, keeps its own `lang` and the page says which language it is shown in.
    let (language, page) = ask("fa-IR,fa;q=0.9,en;q=0.6", "").await;
    assert_eq!(language, "fa");
    assert!(page.contains("<html lang=\"fa\" dir=\"rtl\">"), "{page}");
    assert!(
        page.contains("lang=\"en\">Test Municipality</h1>"),
        "{page}"
    );
    assert!(page.contains("class=\"notice\" role=\"note\""), "{page}");
    // Dari reads Farsi.
    assert_eq!(ask("prs-AF", "").await.0, "fa");
    // None of the reader's languages: English, not Greek.
    let (language, page) = ask("tr-TR,de;q=0.8", "").await;
    assert_eq!(language, "en");
    assert!(page.contains("<html lang=\"en\" dir=\"ltr\">"));
    // `?lang=` beats the browser; the workspace stays Greek or English.
    let (language, page) = ask("el", "?lang=uk").await;
    assert_eq!(language, "uk");
    assert!(page.contains("<html lang=\"uk\" dir=\"ltr\">"));
    let workspace = app
        .client
        .get(app.url("/workspace"))
        .bearer_auth(&app.token)
        .header("cookie", "lang=ar")
        .send()
        .await
        .unwrap();
    assert_eq!(workspace.headers()["content-language"], "en");
    let page = workspace.text().await.unwrap();
    assert!(page.contains("<html lang=\"en\" dir=\"ltr\">"));
    assert!(
        !page.contains("hreflang=\"ar\""),
        "the switcher offers the workspace's two"
    );
}

integration_tests::on_both_databases!(a_reader_gets_their_language_or_english);

async fn a_resident_who_subscribes_in_arabic_reads_arabic(app: TestApp) {
    app.create_tenant("alpha").await;
    let browser = Browser::new(&app);
    // The switcher remembers Arabic; the form then speaks it and offers it for messages.
    let switched = browser
        .get("/lang/ar?next=/municipalities/alpha/subscribe")
        .await;
    assert_eq!(switched.status(), 303);
    let response = browser.navigate("/municipalities/alpha/subscribe").await;
    assert_eq!(response.headers()["content-language"], "ar");
    let form = response.text().await.unwrap();
    assert!(form.contains("<html lang=\"ar\" dir=\"rtl\">"), "{form}");
    assert!(
        form.contains("<option value=\"ar\" selected>العربية</option>"),
        "{form}"
    );

    let resident = "layla@example.org";
    let (status, _, answer) = browser
        .submit(
            "/municipalities/alpha/subscribe",
            "/municipalities/alpha/subscribe",
            &[
                ("email", resident),
                ("topics", "meetings"),
                ("language", "ar"),
                ("cadence", "immediate"),
            ],
        )
        .await;
    assert!(status == 303 || status == 200, "{status}: {answer}");

    // The confirmation: Arabic, right to left, the municipality's name isolated.
    let subject = text(
        Lang::Ar,
        "confirm_subject",
        &[("municipality", "Test Municipality".into())],
    );
    let confirmation = message_to(&app, resident, &subject).await;
    assert_eq!(header(&confirmation, "Content-Language"), Some("ar"));
    assert_eq!(
        header(&confirmation, "Auto-Submitted"),
        Some("auto-generated")
    );
    assert_eq!(header(&confirmation, "Precedence"), None, "one person's");
    let read = decoded(&confirmation);
    assert!(read.contains("<html lang=\"ar\" dir=\"rtl\">"), "{read}");
    assert!(
        read.contains("<bdi lang=\"en\">Test Municipality</bdi>"),
        "{read}"
    );
    let start = read.find("/subscriptions/").expect("the confirmation link") + 15;
    let token = &read[start..start + 64];
    let (status, view) = app
        .post(
            &format!("/api/v1/subscriptions/{token}/confirm"),
            &serde_json::json!({}),
        )
        .await;
    assert_eq!(
        (status, view["state"].as_str()),
        (200, Some("active")),
        "{view}"
    );

    // A meeting convened with a Greek title: the notice in Arabic, the title isolated in
    // its own Greek `<bdi>` (and between isolates in the subject and the text).
    let title = "Συνεδρίαση για την ένταξη";
    integration_tests::convene(&app.client, &app.base, &app.token, "alpha", title).await;
    let subject = text(Lang::Ar, "convened", &[("title", title.into())]);
    assert!(subject.contains(&format!("\u{2068}{title}\u{2069}")));
    let notice = message_to(&app, resident, &subject).await;
    assert_eq!(header(&notice, "Content-Language"), Some("ar"));
    // A notice goes alike to every subscriber of its topic: a list's message.
    assert_eq!(header(&notice, "Precedence"), Some("bulk"));
    assert_eq!(header(&notice, "Auto-Submitted"), Some("auto-generated"));
    let read = decoded(&notice);
    // Kept beside the pages' screenshots, to open in a browser and look at.
    if let Some(start) = read.find("<!doctype html>") {
        let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("screenshots/languages");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("notice-ar.html"), &read[start..]).unwrap();
    }
    assert!(read.contains("<html lang=\"ar\" dir=\"rtl\">"), "{read}");
    assert!(
        read.contains(&format!("<bdi lang=\"el\">{title}</bdi>")),
        "{read}"
    );
    // The agenda stays Greek, marked so; the labels are Arabic; the note says why.
    assert!(
        read.contains("<li lang=\"el\" dir=\"auto\">1. Πρόγραμμα εκμάθησης ελληνικών</li>"),
        "{read}"
    );
    let words = notifications::service::messages::words("ar");
    for key in ["agenda", "when", "unsubscribe", "content_in_el"] {
        let word = words[key].as_str().unwrap();
        assert!(read.contains(word), "{key}: {word} in {read}");
    }
}

integration_tests::on_both_databases!(a_resident_who_subscribes_in_arabic_reads_arabic);

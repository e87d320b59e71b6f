//! Mail that does not arrive, end to end on both databases: the platform sends through a
//! real SMTP server (aiosmtpd) with a VERP envelope sender per delivery; bounces (RFC 3464)
//! and a complaint (RFC 5965) come back into a real mailbox (Debian's Dovecot), which the
//! platform's job reads over IMAP. A hard bounce stops mail to the address at once, soft
//! ones when there have been enough, a complaint unsubscribes; the administrators see why
//! a subscriber is stopped, and a confirmed re-subscription clears it.

use std::{path::Path, time::Duration};

use integration_tests::{
    Backend, TestApp,
    dovecot::{Dovecot, start_dovecot},
    send,
    smtp::{decoded, header, smtp_on, start_smtp_server, to, wait_for},
};
use reqwest::Method;
use serde_json::{Value, json};

const HARD: &str = "gone@example.org";
const SOFT: &str = "full@example.org";
const COMPLAINS: &str = "annoyed@example.org";
const KEEPS: &str = "keeps@example.org";

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

/// A notice to `email` about the meeting titled `title`, as the SMTP server kept it.
fn notice<'a>(received: &'a [String], email: &str, title: &str) -> Option<&'a String> {
    received
        .iter()
        .find(|m| to(m, email) && decoded(m).contains(title))
}

/// A bounce as Postfix writes it: to the message's envelope sender, with the returned
/// headers.
fn dsn(original: &str, status: &str, diagnostic: &str) -> Vec<u8> {
    let verp = header(original, "X-MailFrom").expect("the envelope sender");
    let recipient = header(original, "X-RcptTo").expect("the recipient");
    let message_id = header(original, "Message-ID").expect("a Message-ID");
    format!(
        "Return-Path: <>\r\nDelivered-To: {verp}\r\nFrom: MAILER-DAEMON@mx.example.org (Mail Delivery System)\r\n\
         To: {verp}\r\nSubject: Undelivered Mail Returned to Sender\r\nAuto-Submitted: auto-replied\r\n\
         MIME-Version: 1.0\r\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\r\n\r\n\
         --B\r\nContent-Type: text/plain\r\n\r\nI'm sorry to have to inform you that your message could not be delivered.\r\n\r\n\
         --B\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.example.org\r\n\r\n\
         Final-Recipient: rfc822; {recipient}\r\nOriginal-Recipient: rfc822;{recipient}\r\nAction: failed\r\n\
         Status: {status}\r\nDiagnostic-Code: smtp; {diagnostic}\r\n\r\n\
         --B\r\nContent-Type: text/rfc822-headers\r\n\r\nMessage-ID: {message_id}\r\nTo: {recipient}\r\n\r\n--B--\r\n"
    )
    .into_bytes()
}

/// A complaint (an ARF feedback report) about `original`.
fn complaint(original: &str) -> Vec<u8> {
    let verp = header(original, "X-MailFrom").expect("the envelope sender");
    let recipient = header(original, "X-RcptTo").expect("the recipient");
    let message_id = header(original, "Message-ID").expect("a Message-ID");
    format!(
        "From: feedback@mail.example.net\r\nTo: {verp}\r\nSubject: FW: complaint\r\nMIME-Version: 1.0\r\n\
         Content-Type: multipart/report; report-type=feedback-report; boundary=\"F\"\r\n\r\n\
         --F\r\nContent-Type: text/plain\r\n\r\nThis is an email abuse report.\r\n\r\n\
         --F\r\nContent-Type: message/feedback-report\r\n\r\nFeedback-Type: abuse\r\nUser-Agent: ExampleFBL/1.0\r\n\
         Version: 1\r\nOriginal-Mail-From: <{verp}>\r\nOriginal-Rcpt-To: <{recipient}>\r\n\r\n\
         --F\r\nContent-Type: text/rfc822-headers\r\n\r\nMessage-ID: {message_id}\r\nTo: {recipient}\r\n\r\n--F--\r\n"
    )
    .into_bytes()
}

/// Waits until the platform's job has taken every report out of the mailbox.
async fn mailbox_emptied(dovecot: &Dovecot) {
    for _ in 0..300 {
        if dovecot.messages_left() == 0 {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the bounce mailbox was not read: {}", dovecot.logs());
}

/// The subscriber of municipality alpha with address `email`, as its administrators see it.
async fn subscriber(app: &TestApp, email: &str) -> Option<Value> {
    let (status, page) = api(
        app,
        Some(&app.token),
        Method::GET,
        &format!("/tenants/alpha/subscribers?q={email}"),
        None,
    )
    .await;
    assert_eq!(status, 200, "{page}");
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["email"] == email)
        .cloned()
}

async fn subscribe(app: &TestApp, maildir: &Path, email: &str, nth: usize) {
    let (status, _) = api(
        app,
        None,
        Method::POST,
        "/tenants/alpha/subscriptions",
        Some(json!({"email": email, "topics": ["meetings"], "language": "en"})),
    )
    .await;
    assert_eq!(status, 202);
    let received = wait_for(maildir, "the confirmation", |m| {
        m.iter().filter(|m| to(m, email)).count() >= nth
    })
    .await;
    let message = received
        .iter()
        .filter(|m| to(m, email))
        .nth(nth - 1)
        .unwrap();
    let text = decoded(message);
    let start = text.find("/subscriptions/").expect("a link") + "/subscriptions/".len();
    let token = &text[start..start + 64];
    let (status, view) = api(
        app,
        None,
        Method::POST,
        &format!("/subscriptions/{token}/confirm"),
        None,
    )
    .await;
    assert_eq!(
        (status, view["state"].as_str()),
        (200, Some("active")),
        "{view}"
    );
}

async fn bounces_stop_mail_and_complaints_unsubscribe(backend: Backend) {
    let dir = tempfile::tempdir().unwrap();
    let maildir = dir.path().join("maildir");
    let Some(server) = start_smtp_server(&maildir).await else {
        return;
    };
    let Some(dovecot) = start_dovecot().await else {
        return;
    };
    let account = dovecot.account();
    let port = server.port;
    let Some(app) = TestApp::spawn_with(backend, |s| {
        s.mail.smtp = Some(smtp_on(port));
        s.mail.bounce_address = Some("bounces@semp.example".into());
        s.mail.bounce_mailbox = Some(council_shared::settings::BounceMailboxSettings {
            host: account.host.clone(),
            port: Some(account.port),
            tls: false,
            username: account.username.clone(),
            password: account.password.clone(),
            folder: account.folder.clone(),
            timeout_seconds: 10,
        });
        s.notifications.bounce_schedule = "* * * * * *".into();
        s.notifications.soft_bounce_limit = 2;
    })
    .await
    else {
        return;
    };
    app.create_tenant("alpha").await;
    for email in [HARD, SOFT, COMPLAINS, KEEPS] {
        subscribe(&app, &maildir, email, 1).await;
    }

    integration_tests::convene(
        &app.client,
        &app.base,
        &app.token,
        "alpha",
        "Πρώτη συνεδρίαση",
    )
    .await;
    let received = wait_for(&maildir, "the first notices", |m| {
        [HARD, SOFT, COMPLAINS, KEEPS]
            .iter()
            .all(|e| notice(m, e, "Πρώτη").is_some())
    })
    .await;
    // Each notice's envelope sender names its own delivery.
    let senders: Vec<&str> = [HARD, SOFT, COMPLAINS]
        .iter()
        .map(|e| header(notice(&received, e, "Πρώτη").unwrap(), "X-MailFrom").unwrap())
        .collect();
    for sender in &senders {
        assert!(
            sender.starts_with("bounces+") && sender.ends_with("@semp.example"),
            "{sender}"
        );
    }
    assert!(
        senders[0] != senders[1] && senders[1] != senders[2],
        "{senders:?}"
    );

    dovecot.deliver(&dsn(
        notice(&received, HARD, "Πρώτη").unwrap(),
        "5.1.1",
        "550 5.1.1 <gone@example.org>: Recipient address rejected: User unknown",
    ));
    dovecot.deliver(&dsn(
        notice(&received, SOFT, "Πρώτη").unwrap(),
        "4.2.2",
        "452 4.2.2 Mailbox full",
    ));
    dovecot.deliver(&complaint(notice(&received, COMPLAINS, "Πρώτη").unwrap()));
    mailbox_emptied(&dovecot).await;

    // The administrators see why mail to the first stopped; the complainer is gone; one
    // soft bounce is not yet enough.
    let gone = subscriber(&app, HARD).await.expect("still listed");
    assert_eq!(gone["state"], "stopped", "{gone}");
    assert_eq!(gone["stopped_reason"], "hard_bounce", "{gone}");
    assert!(
        gone["stopped_detail"]
            .as_str()
            .unwrap()
            .contains("5.1.1 550 5.1.1"),
        "{gone}"
    );
    assert!(
        subscriber(&app, COMPLAINS).await.is_none(),
        "the complaint unsubscribed them"
    );
    assert_eq!(subscriber(&app, SOFT).await.unwrap()["state"], "active");

    integration_tests::convene(
        &app.client,
        &app.base,
        &app.token,
        "alpha",
        "Δεύτερη συνεδρίαση",
    )
    .await;
    let received = wait_for(&maildir, "the second notices", |m| {
        notice(m, KEEPS, "Δεύτερη").is_some() && notice(m, SOFT, "Δεύτερη").is_some()
    })
    .await;
    // Another soft bounce within the window: that address stops too.
    dovecot.deliver(&dsn(
        notice(&received, SOFT, "Δεύτερη").unwrap(),
        "4.2.2",
        "452 4.2.2 Mailbox full",
    ));
    mailbox_emptied(&dovecot).await;
    let full = subscriber(&app, SOFT).await.unwrap();
    assert_eq!(
        (full["state"].as_str(), full["stopped_reason"].as_str()),
        (Some("stopped"), Some("soft_bounces")),
        "{full}"
    );

    // The one who re-subscribes and confirms gets mail again; the others still do not.
    subscribe(&app, &maildir, HARD, 2).await;
    let back = subscriber(&app, HARD).await.unwrap();
    assert_eq!(back["state"], "active", "{back}");
    assert!(back.get("stopped_reason").is_none(), "{back}");
    integration_tests::convene(
        &app.client,
        &app.base,
        &app.token,
        "alpha",
        "Τρίτη συνεδρίαση",
    )
    .await;
    wait_for(&maildir, "the third notices", |m| {
        notice(m, KEEPS, "Τρίτη").is_some() && notice(m, HARD, "Τρίτη").is_some()
    })
    .await;
    // The workers send a notice's deliveries together: any to the others would be here.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let received = integration_tests::smtp::messages_in(&maildir);
    assert!(
        notice(&received, HARD, "Δεύτερη").is_none(),
        "nothing went to the stopped address"
    );
    assert!(
        notice(&received, COMPLAINS, "Δεύτερη").is_none()
            && notice(&received, COMPLAINS, "Τρίτη").is_none()
    );
    assert!(notice(&received, SOFT, "Τρίτη").is_none());
}

integration_tests::on_both_backends!(bounces_stop_mail_and_complaints_unsubscribe);

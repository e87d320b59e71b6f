//! Bounces and complaints read from a real mailbox: Debian's Dovecot over IMAP, messages
//! delivered into its Maildir as a delivery agent would, read, classified and removed.

use integration_tests::dovecot::start_dovecot;
use notifications::{
    mailbox,
    service::reports::{Report, parse_report},
};

/// A fixture as it travels and as IMAP serves it: CRLF line ends.
fn crlf(fixture: &str) -> Vec<u8> {
    fixture.replace('\n', "\r\n").into_bytes()
}

#[tokio::test]
async fn reports_are_read_classified_and_removed() {
    let Some(dovecot) = start_dovecot().await else {
        return;
    };
    let hard_bounce = crlf(include_str!(
        "../../services/notifications/fixtures/postfix-hard-bounce.eml"
    ));
    let complaint = crlf(include_str!(
        "../../services/notifications/fixtures/arf-abuse.eml"
    ));
    let out_of_office = crlf(include_str!(
        "../../services/notifications/fixtures/out-of-office.eml"
    ));
    for raw in [&hard_bounce, &complaint, &out_of_office] {
        dovecot.deliver(raw);
    }
    let account = dovecot.account();

    let fetched = mailbox::open(&account, 10)
        .await
        .unwrap_or_else(|e| panic!("{e:#}\n{}", dovecot.logs()));
    let raws: Vec<&[u8]> = fetched.messages.iter().map(|(_, raw)| &raw[..]).collect();
    assert_eq!(
        raws,
        [&hard_bounce[..], &complaint[..], &out_of_office[..]],
        "the messages come back byte for byte, oldest first"
    );
    let uids: Vec<u32> = fetched.messages.iter().map(|(uid, _)| *uid).collect();
    assert!(uids.windows(2).all(|w| w[0] < w[1]), "{uids:?}");

    let Some(Report::Bounce(bounce)) = parse_report(raws[0]) else {
        panic!("the DSN is a bounce");
    };
    assert!(bounce.permanent);
    assert_eq!(bounce.status, "5.1.1");
    assert!(
        bounce
            .sent_to
            .contains(&"bounces+42@council.example.gr".to_string()),
        "{:?}",
        bounce.sent_to
    );
    assert_eq!(
        bounce.message_id.as_deref(),
        Some("notice.42.7f3a9c@council.example.gr")
    );
    let Some(Report::Complaint(complaint_report)) = parse_report(raws[1]) else {
        panic!("the ARF report is a complaint");
    };
    assert_eq!(complaint_report.feedback_type, "abuse");
    assert_eq!(parse_report(raws[2]), None, "an out-of-office reply");

    fetched
        .remove(&uids[..2])
        .await
        .unwrap_or_else(|e| panic!("{e:#}\n{}", dovecot.logs()));
    assert_eq!(dovecot.messages_left(), 1);

    let again = mailbox::open(&account, 10).await.unwrap();
    assert_eq!(again.messages.len(), 1);
    assert_eq!(again.messages[0].0, uids[2]);
    assert_eq!(again.messages[0].1, out_of_office);
    again.close().await;
    assert_eq!(dovecot.messages_left(), 1, "closing removes nothing");
}

#[tokio::test]
async fn open_takes_at_most_the_limit_oldest_first() {
    let Some(dovecot) = start_dovecot().await else {
        return;
    };
    let raws: Vec<Vec<u8>> = (0..5)
        .map(|i| {
            crlf(&format!(
                "Subject: {i}\nMessage-ID: <{i}@test>\n\nbody {i}\n"
            ))
        })
        .collect();
    for raw in &raws {
        dovecot.deliver(raw);
    }
    let fetched = mailbox::open(&dovecot.account(), 2).await.unwrap();
    let got: Vec<&Vec<u8>> = fetched.messages.iter().map(|(_, raw)| raw).collect();
    assert_eq!(got, [&raws[0], &raws[1]]);
    fetched.remove(&[]).await.unwrap();
    assert_eq!(dovecot.messages_left(), 5);
}

#[tokio::test]
async fn a_wrong_password_is_an_error_not_a_hang() {
    let Some(dovecot) = start_dovecot().await else {
        return;
    };
    let mut account = dovecot.account();
    account.password = "not-the-password".to_string().into();
    let started = std::time::Instant::now();
    let error = match mailbox::open(&account, 10).await {
        Ok(_) => panic!("signed in with a wrong password"),
        Err(e) => format!("{e:#}"),
    };
    assert!(started.elapsed() < account.timeout, "{error}");
    assert!(error.contains("signing in"), "{error}");
    assert!(error.contains("Authentication failed"), "{error}");
}

#[tokio::test]
async fn a_server_that_never_answers_times_out() {
    // Accepts the connection and says nothing: the greeting never comes.
    let silent = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = silent.local_addr().unwrap().port();
    let held = tokio::spawn(async move {
        let (socket, _) = silent.accept().await.unwrap();
        tokio::time::sleep(std::time::Duration::from_secs(30)).await;
        drop(socket);
    });
    let account = mailbox::ImapAccount {
        host: "127.0.0.1".into(),
        port,
        tls: false,
        username: "bounces".into(),
        password: "x".to_string().into(),
        folder: "INBOX".into(),
        timeout: std::time::Duration::from_millis(300),
    };
    let error = match mailbox::open(&account, 10).await {
        Ok(_) => panic!("a silent server gave messages"),
        Err(e) => format!("{e:#}"),
    };
    assert!(error.contains("took longer than"), "{error}");
    held.abort();
}

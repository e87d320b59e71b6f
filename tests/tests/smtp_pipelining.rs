//! A message's commands in one write where the server pipelines (RFC 2920), against a real
//! aiosmtpd that advertises PIPELINING (`tests/tools/smtp_pipelining.py`): MAIL, RCPT and
//! DATA arrive together, a refused recipient fails only its own message and the session
//! carries the next one, and content lines that start with a dot arrive as written.

use integration_tests::smtp::{decoded, messages_in, smtp_on, start_pipelining_smtp_server};

use council_shared::{
    mail::{Mailer, OutgoingMail, SendFailure},
    settings::Settings,
};

fn mail(to: &str, text: &str) -> OutgoingMail {
    OutgoingMail {
        to: to.into(),
        subject: format!("Για {to}"),
        text: text.into(),
        ..Default::default()
    }
}

#[tokio::test]
async fn a_message_goes_in_two_round_trips_and_a_refusal_keeps_the_session() {
    let dir = tempfile::tempdir().unwrap();
    let maildir = dir.path().join("maildir");
    let log = dir.path().join("commands.log");
    let Some(server) = start_pipelining_smtp_server(&maildir, &log).await else {
        return;
    };
    let mut settings = Settings {
        data_dir: dir.path().join("data"),
        ..Settings::default()
    };
    settings.mail.smtp = Some(smtp_on(server.port));
    // One session kept: every message below should travel on it.
    settings.notifications.workers = 1;
    let mailer = Mailer::from_settings(&settings).unwrap();

    mailer
        .deliver(mail(
            "first@example.org",
            "Agenda\r\n.hidden line\r\n..two dots\r\n.\r\nend",
        ))
        .await
        .expect("the first message is taken");
    let refused = mailer
        .deliver(mail("refused@example.org", "Nobody reads this"))
        .await
        .expect_err("the server refuses this recipient");
    match refused {
        SendFailure::Permanent(why) => assert!(why.contains("No such mailbox"), "{why}"),
        other => panic!("a 550 is for good, not {other:?}"),
    }
    mailer
        .deliver(mail("second@example.org", "After the refusal"))
        .await
        .expect("the session carries the next message");

    let received = messages_in(&maildir);
    assert_eq!(received.len(), 2, "two of three were taken: {received:#?}");
    let first = received
        .iter()
        .find(|m| m.contains("To: first@example.org"))
        .expect("the first message arrived");
    let text = decoded(first);
    for line in [".hidden line", "..two dots", "\n.\n", "end"] {
        assert!(
            text.replace("\r\n", "\n").contains(line),
            "`{line}` arrives as written: {text}"
        );
    }
    assert!(
        received
            .iter()
            .any(|m| m.contains("To: second@example.org"))
    );

    let commands = std::fs::read_to_string(&log).unwrap();
    let lines: Vec<(&str, &str)> = commands
        .lines()
        .filter_map(|line| line.split_once(' '))
        .collect();
    assert_eq!(lines.len(), 3, "three transactions began: {commands}");
    assert!(
        lines.iter().all(|(_, how)| *how == "pipelined"),
        "each MAIL came with its RCPT and DATA: {commands}"
    );
    assert!(
        lines.iter().all(|(peer, _)| *peer == lines[0].0),
        "all three on one session, reset after the refusal rather than closed: {commands}"
    );
}

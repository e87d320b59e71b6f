//! A message's commands in one write where the server pipelines (RFC 2920), against a real
//! aiosmtpd that advertises PIPELINING (`tests/tools/smtp_pipelining.py`): MAIL, RCPT and
//! DATA arrive together, a refused recipient fails only its own message and the session
//! carries the next one, and content lines that start with a dot arrive as written. Messages
//! sent one after another on a session (`Mailer::deliver_each`, the queue's workers) go one
//! write each: a message's content with the next one's envelope.

use integration_tests::smtp::{decoded, messages_in, smtp_on, start_pipelining_smtp_server};

use council_shared::{
    mail::{MailSource, Mailer, OutgoingMail, SendFailure},
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

/// The pipelining server with its maildir and command log, and a mailer keeping one
/// session to it (every message of a test travels on it).
struct Scene {
    _dir: tempfile::TempDir,
    maildir: std::path::PathBuf,
    log: std::path::PathBuf,
    _server: integration_tests::smtp::SmtpServer,
    mailer: Mailer,
}

impl Scene {
    /// None (with a message) where aiosmtpd is not installed outside CI.
    async fn start() -> Option<Self> {
        let dir = tempfile::tempdir().unwrap();
        let maildir = dir.path().join("maildir");
        let log = dir.path().join("commands.log");
        let server = start_pipelining_smtp_server(&maildir, &log).await?;
        let mut settings = Settings {
            data_dir: dir.path().join("data"),
            ..Settings::default()
        };
        settings.mail.smtp = Some(smtp_on(server.port));
        settings.notifications.workers = 1;
        let mailer = Mailer::from_settings(&settings).unwrap();
        Some(Self {
            _dir: dir,
            maildir,
            log,
            _server: server,
            mailer,
        })
    }
}

#[tokio::test]
async fn a_message_goes_in_two_round_trips_and_a_refusal_keeps_the_session() {
    let Some(scene) = Scene::start().await else {
        return;
    };
    let (maildir, log, mailer) = (&scene.maildir, &scene.log, &scene.mailer);

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

    let received = messages_in(maildir);
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

    let commands = std::fs::read_to_string(log).unwrap();
    let lines: Vec<(&str, &str)> = commands
        .lines()
        .filter_map(|line| line.split_once(' '))
        .filter(|(_, how)| !how.starts_with("content"))
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

/// Messages handed over one at a time, with what became of each.
struct Queue {
    waiting: std::collections::VecDeque<OutgoingMail>,
    outcomes: Vec<(String, Result<(), SendFailure>)>,
}

impl MailSource for Queue {
    type Key = String;

    fn next(&mut self) -> Option<(String, OutgoingMail)> {
        let mail = self.waiting.pop_front()?;
        Some((mail.to.clone(), mail))
    }

    fn done(&mut self, key: String, outcome: Result<(), SendFailure>) {
        self.outcomes.push((key, outcome));
    }
}

#[tokio::test]
async fn messages_in_a_row_go_one_write_each_and_a_refusal_fails_only_its_own() {
    let Some(scene) = Scene::start().await else {
        return;
    };
    let (maildir, log, mailer) = (&scene.maildir, &scene.log, &scene.mailer);

    let to = [
        "one@example.org",
        "two@example.org",
        "refused@example.org",
        "not an address",
        "three@example.org",
        "four@example.org",
    ];
    let mut queue = Queue {
        waiting: to
            .iter()
            .map(|to| mail(to, &format!("Για {to}\r\n.line with a dot\r\nend")))
            .collect(),
        outcomes: Vec::new(),
    };
    mailer.deliver_each(&mut queue).await;

    let told: Vec<&str> = queue.outcomes.iter().map(|(to, _)| to.as_str()).collect();
    assert_eq!(told.len(), to.len(), "each message is told once: {told:?}");
    for (to, outcome) in &queue.outcomes {
        match (to.as_str(), outcome) {
            ("refused@example.org", Err(SendFailure::Permanent(why))) => {
                assert!(why.contains("No such mailbox"), "{why}")
            }
            ("not an address", Err(SendFailure::Permanent(why))) => {
                assert!(why.contains("not a valid recipient"), "{why}")
            }
            (_, Ok(())) => {}
            (to, other) => panic!("{to}: unexpected {other:?}"),
        }
    }
    let received = messages_in(maildir);
    assert_eq!(received.len(), 4, "four were taken: {received:#?}");
    for to in ["one", "two", "three", "four"] {
        let message = received
            .iter()
            .find(|m| m.contains(&format!("To: {to}@example.org")))
            .unwrap_or_else(|| panic!("{to} arrived"));
        assert!(
            decoded(message).contains(".line with a dot"),
            "the dot line arrives as written: {message}"
        );
    }

    let log = std::fs::read_to_string(log).unwrap();
    let lines: Vec<(&str, &str)> = log
        .lines()
        .filter_map(|line| line.split_once(' '))
        .collect();
    assert!(
        lines.iter().all(|(peer, _)| *peer == lines[0].0),
        "all on one session: {log}"
    );
    let contents: Vec<&str> = lines
        .iter()
        .filter_map(|(_, how)| how.strip_prefix("content "))
        .collect();
    // Each content came with the next message's envelope (the refused one's too, whose
    // transaction was then reset), but the last.
    assert_eq!(
        contents,
        ["followed", "followed", "followed", "last"],
        "{log}"
    );
}

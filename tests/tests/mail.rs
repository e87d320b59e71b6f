//! Outgoing mail through a real SMTP server (Python's aiosmtpd, keeping what it receives in
//! a Maildir), and through the outbox folder when no server is configured.

use integration_tests::smtp::{free_port, messages_in, start_smtp_server};

use council_shared::{
    mail::{Mailer, OutgoingMail},
    settings::{Settings, SmtpSettings, SmtpTls},
};

#[tokio::test]
async fn with_smtp_configured_mail_reaches_the_smtp_server() {
    let dir = tempfile::tempdir().unwrap();
    let maildir = dir.path().join("maildir");
    let Some(server) = start_smtp_server(&maildir).await else {
        return;
    };
    let mut settings = Settings {
        data_dir: dir.path().join("data"),
        ..Settings::default()
    };
    settings.mail.from = "ΣΕΜΠ Δήμου Αθηναίων <semp@athens.example>".into();
    settings.mail.smtp = Some(SmtpSettings {
        host: "127.0.0.1".into(),
        port: Some(server.port),
        username: None,
        password: None,
        tls: SmtpTls::None,
        timeout_seconds: 5,
    });
    let mailer = Mailer::from_settings(&settings).unwrap();
    assert!(!mailer.is_folder());
    mailer
        .send(OutgoingMail {
            to: "member@example.org".into(),
            subject: "Πρόσκληση σε συνεδρίαση".into(),
            text: "Καλείστε στην 3η συνεδρίαση.".into(),
            html: Some("<p>Καλείστε στην <strong>3η</strong> συνεδρίαση.</p>".into()),
            ..Default::default()
        })
        .await
        .unwrap();

    let received = messages_in(&maildir);
    assert_eq!(received.len(), 1, "the server kept one message");
    let message = &received[0];
    assert!(message.contains("To: member@example.org"), "{message}");
    assert!(message.contains("semp@athens.example"));
    assert!(
        message.contains("multipart/alternative"),
        "text and HTML parts"
    );
    assert!(
        !settings.outbox_dir().exists(),
        "nothing went to the outbox folder"
    );
}

#[tokio::test]
async fn an_unreachable_smtp_server_is_an_error_not_a_silent_loss() {
    let dir = tempfile::tempdir().unwrap();
    let mut settings = Settings {
        data_dir: dir.path().to_path_buf(),
        ..Settings::default()
    };
    settings.mail.smtp = Some(SmtpSettings {
        host: "127.0.0.1".into(),
        port: Some(free_port()),
        username: None,
        password: None,
        tls: SmtpTls::None,
        timeout_seconds: 2,
    });
    let mailer = Mailer::from_settings(&settings).unwrap();
    let result = mailer
        .send(OutgoingMail {
            to: "member@example.org".into(),
            subject: "x".into(),
            text: "x".into(),
            html: None,
            ..Default::default()
        })
        .await;
    assert!(result.is_err());
}

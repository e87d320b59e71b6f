//! Outgoing mail through a real SMTP server (Python's aiosmtpd, keeping what it receives in
//! a Maildir), and through the outbox folder when no server is configured.

use integration_tests::smtp::{free_port, messages_in, start_smtp_server};

use council_shared::{
    mail::{Mailer, OutgoingMail},
    settings::{DkimAlgorithm, DkimSettings, Settings, SmtpSettings, SmtpTls},
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

/// An RSA key made with openssl for one test, and the TXT record its domain would publish.
fn dkim_key(dir: &std::path::Path) -> Option<(std::path::PathBuf, String)> {
    let openssl = std::process::Command::new("openssl")
        .arg("version")
        .output();
    integration_tests::required_tool("openssl", openssl.ok().filter(|o| o.status.success()))?;
    let key = dir.join("dkim.pem");
    let made = std::process::Command::new("openssl")
        .args(["genrsa", "-traditional", "-out"])
        .arg(&key)
        .arg("2048")
        .output()
        .unwrap();
    assert!(made.status.success(), "{made:?}");
    let public = std::process::Command::new("openssl")
        .args(["rsa", "-pubout", "-outform", "DER", "-in"])
        .arg(&key)
        .output()
        .unwrap();
    assert!(public.status.success(), "{public:?}");
    use base64::Engine as _;
    let p = base64::engine::general_purpose::STANDARD.encode(&public.stdout);
    Some((key, format!("v=DKIM1; k=rsa; p={p}")))
}

/// dkimpy's verdict on a message (`tools/dkim_verify.py`): whether it verifies, and what
/// the script printed.
fn dkimpy_verifies(dir: &std::path::Path, message: &str, record: &str) -> (bool, String) {
    let file = dir.join(format!("message-{}.eml", message.len()));
    std::fs::write(&file, message).unwrap();
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tools/dkim_verify.py");
    let output = std::process::Command::new("python3")
        .arg(script)
        .arg(&file)
        .arg(record)
        .output()
        .unwrap();
    let printed = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        !printed.contains("ModuleNotFoundError"),
        "dkimpy is missing: pip install -r tests/tools/requirements.txt\n{printed}"
    );
    (output.status.success(), printed)
}

#[tokio::test]
async fn messages_are_signed_with_dkim_and_name_their_delivery_in_the_envelope() {
    let dir = tempfile::tempdir().unwrap();
    let Some((key, record)) = dkim_key(dir.path()) else {
        return;
    };
    let maildir = dir.path().join("maildir");
    let Some(server) = start_smtp_server(&maildir).await else {
        return;
    };
    let mut settings = Settings {
        data_dir: dir.path().join("data"),
        ..Settings::default()
    };
    settings.mail.from = "ΣΕΜΠ Δήμου Αθηναίων <semp@athens.example>".into();
    settings.mail.smtp = Some(integration_tests::smtp::smtp_on(server.port));
    settings.mail.bounce_address = Some("bounces@athens.example".into());
    settings.mail.dkim = Some(DkimSettings {
        selector: "council2026".into(),
        domain: None,
        private_key_file: key,
        algorithm: DkimAlgorithm::Rsa,
    });
    let mailer = Mailer::from_settings(&settings).unwrap();
    for (delivery_id, unsubscribe) in [(Some(7), true), (None, false)] {
        mailer
            .deliver(OutgoingMail {
                to: "resident@example.org".into(),
                subject: "Νέα συνεδρίαση του ΣΕΜΠ".into(),
                text: "Η συνεδρίαση θα γίνει την Τρίτη.".into(),
                html: Some("<p lang=\"el\">Η συνεδρίαση θα γίνει την Τρίτη.</p>".into()),
                message_id: Some(format!("{}@athens.example", delivery_id.unwrap_or(0))),
                unsubscribe_url: unsubscribe
                    .then(|| "https://semp.example/subscriptions/abc/unsubscribe".into()),
                bulk: unsubscribe,
                delivery_id,
                ..Default::default()
            })
            .await
            .unwrap();
    }
    let received = messages_in(&maildir);
    assert_eq!(received.len(), 2);
    let notice = received
        .iter()
        .find(|m| m.contains("List-Unsubscribe:"))
        .expect("the notice");
    let direct = received
        .iter()
        .find(|m| !m.contains("List-Unsubscribe:"))
        .expect("the direct message");

    // VERP: the notice's envelope sender names delivery 7; a message that is no delivery
    // of the queue goes out from the sender's own address.
    assert_eq!(
        integration_tests::smtp::header(notice, "X-MailFrom"),
        Some("bounces+7@athens.example"),
        "{notice}"
    );
    assert_eq!(
        integration_tests::smtp::header(direct, "X-MailFrom"),
        Some("semp@athens.example")
    );

    for message in [notice, direct] {
        let (verified, printed) = dkimpy_verifies(dir.path(), message, &record);
        assert!(
            verified,
            "dkimpy rejects the signature: {printed}\n{message}"
        );
        assert!(printed.contains("'d': 'athens.example'"), "{printed}");
        assert!(printed.contains("'s': 'council2026'"), "{printed}");
        assert!(
            printed.contains("council2026._domainkey.athens.example"),
            "{printed}"
        );
    }
    // The one-click unsubscribe is covered by the signature (RFC 8058).
    let (_, printed) = dkimpy_verifies(dir.path(), notice, &record);
    assert!(
        printed.to_lowercase().contains("list-unsubscribe-post"),
        "{printed}"
    );

    // A changed word, or another key, and the signature no longer holds.
    let altered = notice.replacen("Subject: ", "Subject: Re: ", 1);
    assert!(!dkimpy_verifies(dir.path(), &altered, &record).0);
    let other = dir.path().join("other");
    std::fs::create_dir(&other).unwrap();
    let (_, other_record) = dkim_key(&other).unwrap();
    assert!(!dkimpy_verifies(dir.path(), notice, &other_record).0);
}

//! Outgoing mail through a real SMTP server (Python's aiosmtpd, keeping what it receives in
//! a Maildir), and through the outbox folder when no server is configured.

use std::{
    net::TcpListener,
    path::Path,
    process::{Child, Command, Stdio},
    time::Duration,
};

use integration_tests::required_tool;

use council_shared::{
    mail::{Mailer, OutgoingMail},
    settings::{Settings, SmtpSettings, SmtpTls},
};

struct SmtpServer {
    child: Child,
    port: u16,
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Starts aiosmtpd storing messages in `maildir`; `None` (with a message) if it is not
/// installed outside CI.
async fn start_smtp_server(maildir: &Path) -> Option<SmtpServer> {
    let installed = Command::new("python3")
        .args(["-c", "import aiosmtpd"])
        .status()
        .is_ok_and(|s| s.success());
    required_tool("Python aiosmtpd (pip)", installed.then_some(()))?;
    let port = free_port();
    // Owned by the guard from the start, so every path below stops the process.
    let server = SmtpServer {
        child: Command::new("python3")
            .args(["-m", "aiosmtpd", "-n", "-l", &format!("127.0.0.1:{port}")])
            .args(["-c", "aiosmtpd.handlers.Mailbox"])
            .arg(maildir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("aiosmtpd starts"),
        port,
    };
    for _ in 0..100 {
        if tokio::net::TcpStream::connect(("127.0.0.1", port))
            .await
            .is_ok()
        {
            return Some(server);
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("aiosmtpd did not start listening on port {port}");
}

fn messages_in(maildir: &Path) -> Vec<String> {
    let new = maildir.join("new");
    std::fs::read_dir(new)
        .map(|entries| {
            entries
                .filter_map(|e| std::fs::read_to_string(e.ok()?.path()).ok())
                .collect()
        })
        .unwrap_or_default()
}

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
        })
        .await;
    assert!(result.is_err());
}

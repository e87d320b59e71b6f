//! A real SMTP server for the tests: Python's aiosmtpd, keeping what it receives in a
//! Maildir that the tests read.

use std::{
    ffi::OsStr,
    net::TcpListener,
    path::Path,
    process::{Child, Command, Stdio},
    time::Duration,
};

/// aiosmtpd on a free port, stopped when dropped.
pub struct SmtpServer {
    child: Child,
    pub port: u16,
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Starts aiosmtpd storing messages in `maildir`; `None` (with a message) if it is not
/// installed outside CI.
pub async fn start_smtp_server(maildir: &Path) -> Option<SmtpServer> {
    start_smtp_server_on(maildir, free_port()).await
}

/// The same on a given port (to bring a server back where the platform expects it).
pub async fn start_smtp_server_on(maildir: &Path, port: u16) -> Option<SmtpServer> {
    let listen = format!("127.0.0.1:{port}");
    let module = [
        "-m",
        "aiosmtpd",
        "-n",
        "-l",
        &listen,
        "-c",
        "aiosmtpd.handlers.Mailbox",
    ];
    let mut args: Vec<&OsStr> = module.iter().map(OsStr::new).collect();
    args.push(maildir.as_os_str());
    start_python(&args, port).await
}

/// An aiosmtpd that advertises PIPELINING, refuses recipients whose address starts with
/// "refused" and writes to `log` whether each MAIL came with its RCPT and DATA
/// (`tests/tools/smtp_pipelining.py`).
pub async fn start_pipelining_smtp_server(maildir: &Path, log: &Path) -> Option<SmtpServer> {
    let port = free_port();
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tools/smtp_pipelining.py");
    let port_arg = port.to_string();
    let args = [
        OsStr::new(script),
        OsStr::new(&port_arg),
        maildir.as_os_str(),
        log.as_os_str(),
    ];
    start_python(&args, port).await
}

/// Python with `args`, an SMTP server on `port` built on aiosmtpd; `None` (with a message)
/// if aiosmtpd is not installed outside CI.
async fn start_python(args: &[&OsStr], port: u16) -> Option<SmtpServer> {
    let installed = Command::new("python3")
        .args(["-c", "import aiosmtpd"])
        .status()
        .is_ok_and(|s| s.success());
    crate::required_tool("Python aiosmtpd (pip)", installed.then_some(()))?;
    let child = Command::new("python3")
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the SMTP server starts");
    Some(listening(child, port).await)
}

/// The server `child` once it accepts connections on `port`; owned by the guard from the
/// start, so every path stops the process.
async fn listening(child: Child, port: u16) -> SmtpServer {
    let server = SmtpServer { child, port };
    for _ in 0..100 {
        if tokio::net::TcpStream::connect(("127.0.0.1", port))
            .await
            .is_ok()
        {
            return server;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the SMTP server did not start listening on port {port}");
}

/// The platform's settings for the test server on `port`: no TLS, no credentials.
pub fn smtp_on(port: u16) -> council_shared::settings::SmtpSettings {
    council_shared::settings::SmtpSettings {
        host: "127.0.0.1".into(),
        port: Some(port),
        username: None,
        password: None,
        tls: council_shared::settings::SmtpTls::None,
        timeout_seconds: 5,
    }
}

/// Every message the server kept, as raw text.
pub fn messages_in(maildir: &Path) -> Vec<String> {
    let new = maildir.join("new");
    std::fs::read_dir(new)
        .map(|entries| {
            entries
                .filter_map(|e| std::fs::read_to_string(e.ok()?.path()).ok())
                .collect()
        })
        .unwrap_or_default()
}

/// Waits (up to 30 s) until the server kept messages that `done` accepts.
pub async fn wait_for(maildir: &Path, what: &str, done: impl Fn(&[String]) -> bool) -> Vec<String> {
    for _ in 0..600 {
        let received = messages_in(maildir);
        if done(&received) {
            return received;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let kept = messages_in(maildir);
    let texts: Vec<String> = kept.iter().map(|m| decoded(m)).collect();
    panic!(
        "timed out waiting for {what}; the server has {} messages: {texts:#?}",
        kept.len()
    );
}

/// Whether the message is addressed to `address`.
pub fn to(message: &str, address: &str) -> bool {
    message.contains(&format!("To: {address}"))
}

/// A message's subject and decoded text and HTML bodies, for asserting what a reader sees.
pub fn decoded(message: &str) -> String {
    let Some(parsed) = mail_parser::MessageParser::default().parse(message.as_bytes()) else {
        return String::new();
    };
    format!(
        "{}\n{}\n{}",
        parsed.subject().unwrap_or_default(),
        parsed.body_text(0).unwrap_or_default(),
        parsed.body_html(0).unwrap_or_default()
    )
}

/// The value of header `name` in a raw message (the first of that name), such as `To`.
pub fn header<'a>(message: &'a str, name: &str) -> Option<&'a str> {
    // Headers end at the first blank line; these ones are ASCII on one line.
    message
        .lines()
        .take_while(|l| !l.is_empty())
        .find(|l| {
            l.to_ascii_lowercase()
                .starts_with(&format!("{}:", name.to_ascii_lowercase()))
        })
        .map(|l| l[name.len() + 1..].trim())
}

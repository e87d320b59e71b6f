//! A real SMTP server for the tests: Python's aiosmtpd, keeping what it receives in a
//! Maildir that the tests read.

use std::{
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
    let installed = Command::new("python3")
        .args(["-c", "import aiosmtpd"])
        .status()
        .is_ok_and(|s| s.success());
    crate::required_tool("Python aiosmtpd (pip)", installed.then_some(()))?;
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

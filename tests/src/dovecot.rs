//! A real IMAP server for the tests: Debian's Dovecot on a configuration of its own in a
//! temporary folder (its own sockets, state and log, IMAP without TLS on 127.0.0.1), serving
//! one user's Maildir that the tests fill the way a delivery agent would.

use std::{
    os::unix::{
        fs::{MetadataExt, PermissionsExt},
        process::CommandExt,
    },
    path::{Path, PathBuf},
    process::{Child, Command, Stdio},
    sync::atomic::{AtomicU32, Ordering},
    time::{Duration, SystemTime, UNIX_EPOCH},
};

use tempfile::TempDir;

const DOVECOT: &str = "/usr/sbin/dovecot";

/// Dovecot on a free port, stopped (with all its processes) when dropped.
pub struct Dovecot {
    child: Child,
    pub imap_port: u16,
    pub user: String,
    pub password: String,
    dir: TempDir,
    /// Who owns the mailbox's files (uid, gid), as a delivery agent would leave them.
    mail_owner: (u32, u32),
    delivered: AtomicU32,
}

/// Starts Dovecot with one user, `bounces`, and an empty Maildir; `None` (with a message)
/// if it is not installed outside CI.
pub async fn start_dovecot() -> Option<Dovecot> {
    let installed = Path::new(DOVECOT).is_file();
    crate::required_tool("Debian's dovecot-imapd", installed.then_some(()))?;
    let dir = tempfile::tempdir().expect("a temporary folder");
    // Dovecot's unprivileged processes must reach their sockets and the mailbox in here.
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    // The folder was just made by this process: its owner is who the tests run as.
    let me = std::fs::metadata(dir.path()).unwrap();
    let as_root = me.uid() == 0;
    // Dovecot will not run its login processes or open a mailbox as root. Under root its
    // login and internal processes keep their defaults (Debian's dovenull and dovecot
    // users) and the mailbox belongs to nobody; otherwise everything runs as us.
    let mail_owner = if as_root {
        (65534, 65534)
    } else {
        (me.uid(), me.gid())
    };
    let users = if as_root {
        String::new()
    } else {
        let name = |flag: &str| {
            let out = Command::new("id").arg(flag).output().expect("id runs");
            String::from_utf8_lossy(&out.stdout).trim().to_string()
        };
        format!(
            "default_login_user = {user}\ndefault_internal_user = {user}\n\
             default_internal_group = {group}\n",
            user = name("-un"),
            group = name("-gn"),
        )
    };
    let home = dir.path().join("home");
    let maildir = home.join("Maildir");
    for sub in ["cur", "new", "tmp"] {
        std::fs::create_dir_all(maildir.join(sub)).unwrap();
    }
    own(&home, mail_owner);
    own(&maildir, mail_owner);
    for sub in ["cur", "new", "tmp"] {
        own(&maildir.join(sub), mail_owner);
    }
    let user = "bounces".to_string();
    let password = uuid::Uuid::new_v4().simple().to_string();
    let (uid, gid) = mail_owner;
    let path = |name: &str| dir.path().join(name).display().to_string();
    std::fs::write(
        dir.path().join("passwd"),
        format!(
            "{user}:{{PLAIN}}{password}:{uid}:{gid}::{}::\n",
            home.display()
        ),
    )
    .unwrap();
    let imap_port = crate::smtp::free_port();
    let config = format!(
        "protocols = imap\n\
         listen = 127.0.0.1\n\
         base_dir = {run}\n\
         state_dir = {state}\n\
         log_path = {log}\n\
         ssl = no\n\
         disable_plaintext_auth = no\n\
         auth_mechanisms = plain login\n\
         {users}\
         first_valid_uid = {uid}\n\
         last_valid_uid = 0\n\
         first_valid_gid = 0\n\
         mail_location = maildir:{maildir}\n\
         passdb {{\n  driver = passwd-file\n  args = scheme=PLAIN username_format=%u {passwd}\n}}\n\
         userdb {{\n  driver = passwd-file\n  args = username_format=%u {passwd}\n}}\n\
         service anvil {{\n  chroot =\n}}\n\
         service imap-login {{\n  chroot =\n  \
           inet_listener imap {{\n    address = 127.0.0.1\n    port = {imap_port}\n  }}\n  \
           inet_listener imaps {{\n    port = 0\n  }}\n}}\n",
        run = path("run"),
        state = path("state"),
        log = path("dovecot.log"),
        maildir = maildir.display(),
        passwd = path("passwd"),
    );
    let config_path = dir.path().join("dovecot.conf");
    std::fs::write(&config_path, config).unwrap();
    let stderr = std::fs::File::create(dir.path().join("stderr.log")).unwrap();
    let child = Command::new(DOVECOT)
        .arg("-F")
        .arg("-c")
        .arg(&config_path)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(stderr)
        // Its own process group, so dropping the server stops every process it started.
        .process_group(0)
        .spawn()
        .expect("dovecot starts");
    // Owned by the guard from here, so every path below stops the processes.
    let mut server = Dovecot {
        child,
        imap_port,
        user,
        password,
        dir,
        mail_owner,
        delivered: AtomicU32::new(0),
    };
    for _ in 0..200 {
        if tokio::net::TcpStream::connect(("127.0.0.1", imap_port))
            .await
            .is_ok()
        {
            return Some(server);
        }
        if let Ok(Some(status)) = server.child.try_wait() {
            panic!(
                "dovecot exited ({status}) before listening:\n{}",
                server.logs()
            );
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!(
        "dovecot did not start listening on port {imap_port}:\n{}",
        server.logs()
    );
}

impl Dovecot {
    /// Puts `raw` in the mailbox as a delivery agent does: written under `tmp/`, then moved
    /// into `new/` under a unique name. Dovecot serves it with CRLF line ends, so tests that
    /// compare bytes deliver CRLF.
    pub fn deliver(&self, raw: &[u8]) {
        let now = SystemTime::now().duration_since(UNIX_EPOCH).unwrap();
        let n = self.delivered.fetch_add(1, Ordering::Relaxed);
        let name = format!(
            "{}.M{}P{}Q{n}.integration-tests",
            now.as_secs(),
            now.subsec_micros(),
            std::process::id()
        );
        let tmp = self.maildir().join("tmp").join(&name);
        std::fs::write(&tmp, raw).unwrap();
        own(&tmp, self.mail_owner);
        std::fs::rename(&tmp, self.maildir().join("new").join(&name)).unwrap();
    }

    /// How many messages the mailbox holds, seen by IMAP clients or not.
    pub fn messages_left(&self) -> usize {
        ["new", "cur"]
            .iter()
            .map(|sub| {
                std::fs::read_dir(self.maildir().join(sub))
                    .map(|entries| entries.count())
                    .unwrap_or(0)
            })
            .sum()
    }

    /// The platform's settings for this server's mailbox.
    pub fn account(&self) -> notifications::mailbox::ImapAccount {
        notifications::mailbox::ImapAccount {
            host: "127.0.0.1".into(),
            port: self.imap_port,
            tls: false,
            username: self.user.clone(),
            password: self.password.clone().into(),
            folder: "INBOX".into(),
            // Dovecot answers a wrong password after two seconds (auth_failure_delay).
            timeout: Duration::from_secs(10),
        }
    }

    fn maildir(&self) -> PathBuf {
        self.dir.path().join("home").join("Maildir")
    }

    /// Dovecot's log and its early errors, for a failing test's message.
    pub fn logs(&self) -> String {
        ["stderr.log", "dovecot.log"]
            .iter()
            .map(|f| std::fs::read_to_string(self.dir.path().join(f)).unwrap_or_default())
            .collect::<Vec<_>>()
            .join("\n")
    }
}

impl Drop for Dovecot {
    fn drop(&mut self) {
        // The master stops its processes on SIGTERM; the whole group is told in case any
        // outlives it, and killed if it has not gone within a few seconds.
        let group = format!("-{}", self.child.id());
        let signal = |name: &str| {
            let _ = Command::new("kill")
                .args([name, "--", &group])
                .stderr(Stdio::null())
                .status();
        };
        signal("-TERM");
        for _ in 0..100 {
            if matches!(self.child.try_wait(), Ok(Some(_))) {
                return;
            }
            std::thread::sleep(Duration::from_millis(30));
        }
        signal("-KILL");
        let _ = self.child.wait();
    }
}

/// Gives `path` to the mailbox's owner; a no-op for a user who owns it already.
fn own(path: &Path, (uid, gid): (u32, u32)) {
    std::os::unix::fs::chown(path, Some(uid), Some(gid)).unwrap();
}

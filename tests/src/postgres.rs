//! A PostgreSQL server of the test's own: `initdb` in a temporary folder, on its own port,
//! so that a test may stop and restart it without disturbing the others (which share the
//! machine's server on 5432). Debian's PostgreSQL binaries; as root, they run as the
//! `postgres` user (PostgreSQL refuses to run as root).

use std::{
    path::{Path, PathBuf},
    process::Command,
};

const BIN: &str = "/usr/lib/postgresql/15/bin";

pub struct PrivatePostgres {
    dir: tempfile::TempDir,
    pub port: u16,
}

/// Asked once: every program of the server runs through it.
fn running_as_root() -> bool {
    static ROOT: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *ROOT.get_or_init(|| {
        Command::new("id")
            .arg("-u")
            .output()
            .is_ok_and(|out| String::from_utf8_lossy(&out.stdout).trim() == "0")
    })
}

impl PrivatePostgres {
    /// A new cluster, started, with its `postgres` database; None (the test skipped) where
    /// the binaries are missing outside CI.
    pub fn start() -> Option<Self> {
        let binaries = Path::new(BIN).join("initdb").exists().then_some(());
        crate::required_tool("PostgreSQL's server binaries (initdb, pg_ctl)", binaries)?;
        let dir = tempfile::tempdir().expect("temp dir");
        if running_as_root() {
            let owned = Command::new("chown")
                .args(["-R", "postgres"])
                .arg(dir.path())
                .status()
                .expect("chown runs");
            assert!(owned.success(), "the cluster's folder is given to postgres");
        }
        let server = Self {
            dir,
            port: crate::smtp::free_port(),
        };
        server.run(
            "initdb",
            &[
                "-D",
                &server.data(),
                "-U",
                "postgres",
                "--auth=trust",
                "-E",
                "UTF8",
            ],
        );
        server.start_again();
        Some(server)
    }

    fn data(&self) -> String {
        self.dir.path().join("data").display().to_string()
    }

    fn log(&self) -> PathBuf {
        self.dir.path().join("server.log")
    }

    /// Runs one of the server's programs (as `postgres` when root), which must succeed.
    fn run(&self, program: &str, args: &[&str]) {
        let binary = format!("{BIN}/{program}");
        let mut command = if running_as_root() {
            let mut command = Command::new("runuser");
            command.args(["-u", "postgres", "--", &binary]);
            command
        } else {
            Command::new(&binary)
        };
        let output = command
            .args(args)
            .output()
            .expect("PostgreSQL's program runs");
        assert!(
            output.status.success(),
            "{program} {args:?}: {}{}\n{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr),
            std::fs::read_to_string(self.log()).unwrap_or_default()
        );
    }

    /// The URL of database `name` on this server.
    pub fn url(&self, name: &str) -> String {
        format!("postgres://postgres@127.0.0.1:{}/{name}", self.port)
    }

    /// Stops the server at once (`-m fast`: sessions are cut, as in a crash of the
    /// connections, but what was committed is kept).
    pub fn stop(&self) {
        self.run("pg_ctl", &["-D", &self.data(), "-m", "fast", "-w", "stop"]);
    }

    /// Starts the (stopped) server and waits until it accepts connections.
    pub fn start_again(&self) {
        let options = format!(
            "-p {} -k {} -c listen_addresses=127.0.0.1 -c fsync=off",
            self.port,
            self.dir.path().display()
        );
        let log = self.log().display().to_string();
        self.run(
            "pg_ctl",
            &[
                "-D",
                &self.data(),
                "-l",
                &log,
                "-o",
                &options,
                "-w",
                "start",
            ],
        );
    }
}

impl Drop for PrivatePostgres {
    fn drop(&mut self) {
        let binary = format!("{BIN}/pg_ctl");
        let data = self.data();
        let args = ["-D", data.as_str(), "-m", "immediate", "stop"];
        let _ = if running_as_root() {
            Command::new("runuser")
                .args(["-u", "postgres", "--", &binary])
                .args(args)
                .output()
        } else {
            Command::new(&binary).args(args).output()
        };
    }
}

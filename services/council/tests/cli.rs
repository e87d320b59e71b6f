//! The `council` command as an operator uses it, on a temporary data folder (SQLite).

use std::process::{Command, Output};

fn council(data_dir: &std::path::Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_council"))
        .args(args)
        .arg("--data-dir")
        .arg(data_dir)
        .env_remove("DATABASE_URL")
        .env("COUNCIL__LOG__FILTER", "warn")
        .output()
        .expect("council runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn help_lists_every_command() {
    let output = Command::new(env!("CARGO_BIN_EXE_council"))
        .arg("--help")
        .output()
        .unwrap();
    assert!(output.status.success());
    let help = stdout(&output);
    for command in [
        "serve",
        "migrate",
        "demo-data",
        "token",
        "admin",
        "files",
        "backup",
        "restore",
    ] {
        assert!(help.contains(command), "--help mentions {command}");
    }
}

/// Files stay on disk with SQLite: moving them into the database is PostgreSQL's, and the
/// command says so rather than doing nothing quietly.
#[test]
fn files_to_database_explains_that_sqlite_keeps_files_on_disk() {
    let dir = tempfile::tempdir().unwrap();
    let output = council(dir.path(), &["files", "to-database"]);
    assert!(!output.status.success(), "{output:?}");
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(said.contains("PostgreSQL only"), "{said}");
}

/// The commands an operator types: a backup of a data folder, restored into another; the
/// round trip's every table and file are compared in tests/tests/backup.rs.
#[test]
fn backup_and_restore_from_the_command_line() {
    let (original, copy, folder) = (
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
    );
    assert!(council(original.path(), &["demo-data"]).status.success());
    let backup = folder.path().join("backup");
    let to = backup.to_str().unwrap();
    let made = council(original.path(), &["backup", "--to", to]);
    assert!(made.status.success(), "{made:?}");
    assert!(
        stdout(&made).contains("backed up the sqlite database"),
        "{}",
        stdout(&made)
    );
    let restored = council(copy.path(), &["restore", "--from", to]);
    assert!(restored.status.success(), "{restored:?}");
    assert!(copy.path().join("council.db").exists());
    let again = council(copy.path(), &["restore", "--from", to]);
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("--replace"));
    let listed = council(copy.path(), &["demo-data"]);
    assert!(
        stdout(&listed).contains("athens already present"),
        "the restored database has the demo data: {}",
        stdout(&listed)
    );
}

#[test]
fn migrate_creates_the_sqlite_database_in_the_data_folder() {
    let dir = tempfile::tempdir().unwrap();
    let output = council(dir.path(), &["migrate"]);
    assert!(output.status.success(), "{output:?}");
    assert!(dir.path().join("council.db").exists());
    assert!(
        dir.path().join("outbox").is_dir(),
        "the mail folder is ready"
    );
}

#[test]
fn demo_data_loads_once_and_then_leaves_everything_alone() {
    let dir = tempfile::tempdir().unwrap();
    let first = council(dir.path(), &["demo-data"]);
    assert!(first.status.success(), "{first:?}");
    assert_eq!(
        stdout(&first),
        "loaded athens\nloaded piraeus\nloaded thessaloniki\nloaded 26 demo meetings\nloaded 7 demo practices\n"
    );
    let second = council(dir.path(), &["demo-data"]);
    assert!(stdout(&second).contains("athens already present: left unchanged"));
    assert!(stdout(&second).contains("loaded 0 demo meetings"));
    assert!(stdout(&second).contains("loaded 0 demo practices"));
}

#[test]
fn a_token_is_printed_once_listed_by_name_and_revocable() {
    let dir = tempfile::tempdir().unwrap();
    const OWNER: &str = "ops@example.org";
    let created = council(
        dir.path(),
        &[
            "token",
            "create",
            "--email",
            OWNER,
            "--name",
            "athens-importer",
        ],
    );
    assert!(created.status.success(), "{created:?}");
    let token = stdout(&created).trim().to_string();
    assert!(token.starts_with("semp_") && token.len() > 40, "{token}");

    let listed = stdout(&council(dir.path(), &["token", "list", "--email", OWNER]));
    assert!(listed.starts_with("athens-importer\tactive"), "{listed}");
    assert!(
        !listed.contains(&token),
        "the token itself is never shown again"
    );

    let duplicate = council(
        dir.path(),
        &[
            "token",
            "create",
            "--email",
            OWNER,
            "--name",
            "athens-importer",
        ],
    );
    assert!(!duplicate.status.success());
    assert!(String::from_utf8_lossy(&duplicate.stderr).contains("already have a token"));

    let revoke = [
        "token",
        "revoke",
        "--email",
        OWNER,
        "--name",
        "athens-importer",
    ];
    assert!(council(dir.path(), &revoke).status.success());
    assert!(stdout(&council(dir.path(), &["token", "list", "--email", OWNER])).contains("revoked"));
    assert!(!council(dir.path(), &revoke).status.success());
}

#[test]
fn a_token_for_an_invited_administrator_carries_the_role() {
    let dir = tempfile::tempdir().unwrap();
    let invited = council(
        dir.path(),
        &["admin", "create", "--email", "me@example.org"],
    );
    assert!(invited.status.success(), "{invited:?}");
    let scoped = council(
        dir.path(),
        &[
            "token",
            "create",
            "--email",
            "me@example.org",
            "--name",
            "docs",
            "--scope",
            "platform_admin",
        ],
    );
    assert!(
        scoped.status.success(),
        "the invitation became the token owner's role: {scoped:?}"
    );
}

#[test]
fn a_token_cannot_carry_a_role_its_owner_lacks() {
    let dir = tempfile::tempdir().unwrap();
    let refused = council(
        dir.path(),
        &[
            "token",
            "create",
            "--email",
            "ops@example.org",
            "--name",
            "x",
            "--scope",
            "platform_admin",
        ],
    );
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("you do not hold"));
}

#[test]
fn admin_create_makes_a_platform_administrator_at_first_sign_in() {
    let dir = tempfile::tempdir().unwrap();
    let created = council(
        dir.path(),
        &["admin", "create", "--email", "Chief@Example.org"],
    );
    assert!(created.status.success(), "{created:?}");
    assert!(
        stdout(&created)
            .contains("chief@example.org becomes a platform administrator at their first sign-in")
    );
    let again = council(
        dir.path(),
        &["admin", "create", "--email", "chief@example.org"],
    );
    assert!(
        !again.status.success(),
        "a second invitation to the same role is refused"
    );
    let invalid = council(
        dir.path(),
        &["admin", "create", "--email", "not-an-address"],
    );
    assert!(!invalid.status.success());
    assert!(String::from_utf8_lossy(&invalid.stderr).contains("email"));
}

#[test]
fn a_misspelt_setting_stops_the_command_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_council"))
        .args(["migrate", "--data-dir"])
        .arg(dir.path())
        .env("COUNCIL__SERVER__BNID", "0.0.0.0:1")
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("bnid"));
}

#[test]
fn serve_answers_and_stops_cleanly_on_sigterm() {
    use std::io::{BufRead, BufReader, Read, Write};

    let dir = tempfile::tempdir().unwrap();
    let mut server = Command::new(env!("CARGO_BIN_EXE_council"))
        .args([
            "serve",
            "--demo-data",
            "--bind",
            "127.0.0.1:0",
            "--data-dir",
        ])
        .arg(dir.path())
        .env_remove("DATABASE_URL")
        .env("COUNCIL__LOG__FILTER", "warn")
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first_line = String::new();
    BufReader::new(server.stdout.take().unwrap())
        .read_line(&mut first_line)
        .unwrap();
    let address = first_line
        .trim()
        .strip_prefix("ΣΕΜΠ platform running at http://")
        .and_then(|rest| rest.strip_suffix('/'))
        .unwrap_or_else(|| panic!("unexpected first line: {first_line}"))
        .to_string();

    let mut stream = std::net::TcpStream::connect(&address).unwrap();
    write!(
        stream,
        "GET /readyz HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut reply = String::new();
    stream.read_to_string(&mut reply).unwrap();
    assert!(reply.starts_with("HTTP/1.1 200"), "{reply}");

    let signalled = Command::new("kill")
        .args(["-TERM", &server.id().to_string()])
        .status()
        .unwrap();
    assert!(signalled.success());
    let status = server.wait().unwrap();
    assert!(
        status.success(),
        "the server exits cleanly on SIGTERM: {status}"
    );
    assert!(
        std::net::TcpStream::connect(&address).is_err(),
        "and stops listening"
    );
}

//! `council backup --to DIR` and `council restore --from DIR`: everything the platform keeps,
//! on either database.
//! - SQLite: an online copy of the database (`VACUUM INTO`, consistent while the server
//!   writes) and the uploaded files, each listed with its SHA-512 in `backup.json`.
//! - PostgreSQL: `pg_dump` in its custom format; the files are in the database.
//!
//! The database is copied before the files: an upload's file is written before the row that
//! names it, so every file the copy names is on disk by then (a file removed in between is
//! the one case the restore reports as missing).

use std::path::{Path, PathBuf};

use anyhow::{Context as _, bail, ensure};
use council_shared::settings::Settings;
use sea_orm::ConnectionTrait;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha512};

const MANIFEST: &str = "backup.json";
const SQLITE_COPY: &str = "council.db";
const POSTGRES_DUMP: &str = "council.dump";
const FILES: &str = "uploads";

/// What `backup.json` says of a backup.
#[derive(Debug, Serialize, Deserialize)]
pub struct Manifest {
    pub format: u32,
    /// `sqlite` or `postgres`: a backup restores into the same kind.
    pub database: String,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub version: String,
    /// The uploaded files (SQLite), by path under `uploads/`.
    pub files: Vec<BackedUpFile>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct BackedUpFile {
    pub path: String,
    pub bytes: u64,
    pub sha512: String,
}

fn is_postgres(url: &str) -> bool {
    url.starts_with("postgres:") || url.starts_with("postgresql:")
}

/// The file of a `sqlite://PATH?...` URL.
fn sqlite_path(url: &str) -> anyhow::Result<PathBuf> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))
        .context("not a SQLite URL")?;
    Ok(PathBuf::from(rest.split('?').next().unwrap_or(rest)))
}

/// Runs a PostgreSQL client tool, with the password (if any) kept out of the command line.
fn postgres_tool(tool: &str, url: &str, args: &[&std::ffi::OsStr]) -> anyhow::Result<()> {
    let output = std::process::Command::new(tool)
        .args(args)
        .arg("--dbname")
        .arg(url)
        .output()
        .with_context(|| format!("cannot run {tool}: install PostgreSQL's client tools"))?;
    ensure!(
        output.status.success(),
        "{tool} failed: {}",
        String::from_utf8_lossy(&output.stderr).trim()
    );
    Ok(())
}

/// Writes a backup of everything into the folder `to`, which must be empty or absent.
pub async fn backup(
    db: &sea_orm::DatabaseConnection,
    settings: &Settings,
    to: &Path,
) -> anyhow::Result<Manifest> {
    if to.exists() {
        ensure!(
            std::fs::read_dir(to)?.next().is_none(),
            "{} is not empty: back up into a new folder",
            to.display()
        );
    }
    std::fs::create_dir_all(to).with_context(|| format!("cannot create {}", to.display()))?;
    let url = settings.database_url();
    let mut manifest = Manifest {
        format: 1,
        database: if is_postgres(&url) {
            "postgres"
        } else {
            "sqlite"
        }
        .into(),
        created_at: chrono::Utc::now(),
        version: env!("CARGO_PKG_VERSION").into(),
        files: Vec::new(),
    };
    if is_postgres(&url) {
        let file = to.join(POSTGRES_DUMP);
        postgres_tool(
            "pg_dump",
            &url,
            &[
                "--format=custom".as_ref(),
                "--file".as_ref(),
                file.as_os_str(),
            ],
        )?;
    } else {
        let copy = to.join(SQLITE_COPY);
        let target = copy
            .to_str()
            .context("the backup folder's path is not UTF-8")?;
        db.execute_unprepared(&format!("VACUUM INTO '{}'", target.replace('\'', "''")))
            .await
            .context("cannot copy the SQLite database")?;
        let uploads = settings.data_dir.join(FILES);
        for file in files_under(&uploads)? {
            let relative = file.strip_prefix(&uploads)?;
            let target = to.join(FILES).join(relative);
            std::fs::create_dir_all(target.parent().context("a file's folder")?)?;
            std::fs::copy(&file, &target)
                .with_context(|| format!("cannot copy {}", file.display()))?;
            manifest.files.push(BackedUpFile {
                path: relative.to_string_lossy().replace('\\', "/"),
                bytes: std::fs::metadata(&target)?.len(),
                sha512: sha512_of(&target)?,
            });
        }
    }
    std::fs::write(to.join(MANIFEST), serde_json::to_vec_pretty(&manifest)?)?;
    Ok(manifest)
}

/// Restores the backup in `from` into the database and data folder of `settings`, with no
/// server running on them. An existing database is only replaced when `replace` says so.
pub async fn restore(settings: &Settings, from: &Path, replace: bool) -> anyhow::Result<Manifest> {
    let manifest: Manifest = serde_json::from_slice(
        &std::fs::read(from.join(MANIFEST))
            .with_context(|| format!("{} holds no backup ({MANIFEST})", from.display()))?,
    )
    .context("the backup's manifest cannot be read")?;
    ensure!(
        manifest.format == 1,
        "a backup of format {} is not known",
        manifest.format
    );
    let url = settings.database_url();
    let kind = if is_postgres(&url) {
        "postgres"
    } else {
        "sqlite"
    };
    ensure!(
        manifest.database == kind,
        "a {} backup cannot be restored into {kind}",
        manifest.database
    );
    if kind == "postgres" {
        let db = sea_orm::Database::connect(&url).await?;
        let tables = db
            .query_one_raw(sea_orm::Statement::from_string(
                sea_orm::DbBackend::Postgres,
                "SELECT count(*) AS tables FROM information_schema.tables WHERE table_schema = 'public'",
            ))
            .await?
            .map(|row| row.try_get::<i64>("", "tables"))
            .transpose()?
            .unwrap_or(0);
        db.close().await?;
        ensure!(
            tables == 0 || replace,
            "the database already has {tables} tables: restore into an empty one, or pass --replace"
        );
        let dump = from.join(POSTGRES_DUMP);
        postgres_tool(
            "pg_restore",
            &url,
            &[
                "--clean".as_ref(),
                "--if-exists".as_ref(),
                "--no-owner".as_ref(),
                "--single-transaction".as_ref(),
                dump.as_os_str(),
            ],
        )?;
        return Ok(manifest);
    }
    let database = sqlite_path(&url)?;
    if database.exists() {
        ensure!(
            replace,
            "{} exists: restore into an empty data folder, or pass --replace (with the server stopped)",
            database.display()
        );
        for suffix in ["", "-wal", "-shm"] {
            let file = PathBuf::from(format!("{}{suffix}", database.display()));
            if file.exists() {
                std::fs::remove_file(&file)?;
            }
        }
    }
    // Every file is checked before anything is written.
    for file in &manifest.files {
        let source = from.join(FILES).join(&file.path);
        if sha512_of(&source)? != file.sha512 {
            bail!(
                "{} in the backup is damaged: its SHA-512 differs",
                file.path
            );
        }
    }
    if let Some(folder) = database.parent() {
        std::fs::create_dir_all(folder)?;
    }
    std::fs::copy(from.join(SQLITE_COPY), &database).context("cannot copy the database back")?;
    let uploads = settings.data_dir.join(FILES);
    for file in &manifest.files {
        let target = uploads.join(&file.path);
        std::fs::create_dir_all(target.parent().context("a file's folder")?)?;
        std::fs::copy(from.join(FILES).join(&file.path), &target)?;
    }
    Ok(manifest)
}

/// The files under `folder` at any depth, but for uploads under way (`tmp`).
fn files_under(folder: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Ok(found);
    };
    for entry in entries {
        let entry = entry?;
        let path = entry.path();
        if entry.file_type()?.is_dir() {
            if entry.file_name() != "tmp" {
                found.extend(files_under(&path)?);
            }
        } else {
            found.push(path);
        }
    }
    found.sort();
    Ok(found)
}

fn sha512_of(path: &Path) -> anyhow::Result<String> {
    let mut file =
        std::fs::File::open(path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut hasher = Sha512::new();
    std::io::copy(&mut file, &mut hasher)?;
    Ok(hex::encode(hasher.finalize()))
}

//! Files kept in PostgreSQL, the database every instance shares, so that a file uploaded
//! through one instance downloads from all of them. Each service keeps its own in two
//! tables of its own: `{service}_stored_files` (a row per file: its key, size, and when it
//! was committed) and `{service}_stored_file_chunks` (its bytes, 256 KiB a row). A file is
//! written and read a chunk at a time, never whole in memory; until it is committed it is
//! invisible to downloads, and removing its row removes its chunks (a foreign key with
//! `ON DELETE CASCADE`).

use anyhow::{Context as _, bail};
use futures_util::{StreamExt, future::BoxFuture};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, Statement, Value};

use super::storage::{FileStore, Reader, Upload};

/// The bytes of one chunk row. Large enough that a 10 MB document is 40 rows, small enough
/// that a download holds little in memory at a time.
pub const CHUNK_BYTES: usize = 256 * 1024;

/// The services whose files the database keeps, by the prefix of their tables.
pub const SERVICES: [&str; 2] = ["meetings", "practices"];

pub struct DatabaseStore {
    db: DatabaseConnection,
    files: String,
    chunks: String,
}

impl DatabaseStore {
    /// The store of `service` (one of `SERVICES`), in its own tables.
    pub fn new(db: DatabaseConnection, service: &str) -> anyhow::Result<Self> {
        anyhow::ensure!(
            SERVICES.contains(&service),
            "no file tables for the service {service:?}"
        );
        Ok(Self {
            db,
            files: format!("{service}_stored_files"),
            chunks: format!("{service}_stored_file_chunks"),
        })
    }

    fn statement(sql: String, values: impl IntoIterator<Item = Value>) -> Statement {
        Statement::from_sql_and_values(DbBackend::Postgres, sql, values)
    }

    /// Copies the files of the folder `disk` (a `LocalDisk`'s) that the database lacks,
    /// each under its own key, so the rows that name them stay right, then reads each back
    /// and compares its SHA-512 with the disk's. A copy interrupted half way is written
    /// again on the next run. The files on disk are left as they are.
    pub async fn copy_from_disk(&self, disk: &std::path::Path) -> anyhow::Result<Copied> {
        use sha2::{Digest, Sha512};
        use tokio::io::AsyncReadExt;
        let mut copied = Copied::default();
        for path in files_in(disk)? {
            let Some(key) = path
                .file_name()
                .and_then(|n| n.to_str())
                .map(str::to_string)
            else {
                continue;
            };
            if self.contains(&key).await? {
                copied.already += 1;
                continue;
            }
            self.remove(&key).await?;
            let mut upload = self.create_as(&key).await?;
            let mut file = tokio::fs::File::open(&path)
                .await
                .with_context(|| format!("cannot read {}", path.display()))?;
            let mut written = Sha512::new();
            let mut buffer = vec![0; CHUNK_BYTES];
            loop {
                let read = file.read(&mut buffer).await?;
                if read == 0 {
                    break;
                }
                written.update(&buffer[..read]);
                upload.write(&buffer[..read]).await?;
            }
            Box::new(upload).finish().await?;
            self.commit(&key).await?;
            let mut stored = self.open(&key).await?;
            let mut read_back = Sha512::new();
            loop {
                let read = stored.read(&mut buffer).await?;
                if read == 0 {
                    break;
                }
                read_back.update(&buffer[..read]);
            }
            if read_back.finalize() != written.finalize() {
                self.remove(&key).await?;
                bail!("{} read back differently from the database", path.display());
            }
            copied.copied += 1;
        }
        Ok(copied)
    }

    /// Whether a committed file has this key.
    pub async fn contains(&self, key: &str) -> anyhow::Result<bool> {
        let found = self
            .db
            .query_one_raw(Self::statement(
                format!(
                    "SELECT 1 AS found FROM {} WHERE storage_key = $1 AND committed_at IS NOT NULL",
                    self.files
                ),
                [key.into()],
            ))
            .await?;
        Ok(found.is_some())
    }
}

/// A file being written: bytes are held until a chunk is full, then written as one row.
struct DatabaseUpload {
    db: DatabaseConnection,
    files: String,
    chunks: String,
    key: String,
    buffer: Vec<u8>,
    next_seq: i32,
    size: i64,
}

impl DatabaseUpload {
    async fn write_chunk(&mut self) -> anyhow::Result<()> {
        let data = std::mem::replace(&mut self.buffer, Vec::with_capacity(CHUNK_BYTES));
        self.size += data.len() as i64;
        self.db
            .execute_raw(DatabaseStore::statement(
                format!(
                    "INSERT INTO {} (storage_key, seq, data) VALUES ($1, $2, $3)",
                    self.chunks
                ),
                [
                    self.key.clone().into(),
                    self.next_seq.into(),
                    Value::Bytes(Some(data)),
                ],
            ))
            .await
            .context("cannot write a chunk of an upload")?;
        self.next_seq += 1;
        Ok(())
    }
}

impl Upload for DatabaseUpload {
    fn write<'a>(&'a mut self, mut bytes: &'a [u8]) -> BoxFuture<'a, anyhow::Result<()>> {
        Box::pin(async move {
            while !bytes.is_empty() {
                let take = (CHUNK_BYTES - self.buffer.len()).min(bytes.len());
                self.buffer.extend_from_slice(&bytes[..take]);
                bytes = &bytes[take..];
                if self.buffer.len() == CHUNK_BYTES {
                    self.write_chunk().await?;
                }
            }
            Ok(())
        })
    }

    fn finish(mut self: Box<Self>) -> BoxFuture<'static, anyhow::Result<()>> {
        Box::pin(async move {
            if !self.buffer.is_empty() {
                self.write_chunk().await?;
            }
            self.db
                .execute_raw(DatabaseStore::statement(
                    format!(
                        "UPDATE {} SET size_bytes = $2 WHERE storage_key = $1",
                        self.files
                    ),
                    [self.key.clone().into(), self.size.into()],
                ))
                .await?;
            Ok(())
        })
    }
}

impl DatabaseStore {
    /// A new file under `key`.
    async fn create_as(&self, key: &str) -> anyhow::Result<DatabaseUpload> {
        self.db
            .execute_raw(Self::statement(
                format!(
                    "INSERT INTO {} (storage_key, size_bytes, created_at) VALUES ($1, 0, now())",
                    self.files
                ),
                [key.into()],
            ))
            .await
            .context("cannot create an upload")?;
        Ok(DatabaseUpload {
            db: self.db.clone(),
            files: self.files.clone(),
            chunks: self.chunks.clone(),
            key: key.to_string(),
            buffer: Vec::with_capacity(CHUNK_BYTES),
            next_seq: 0,
            size: 0,
        })
    }
}

/// What `copy_from_disk` did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Copied {
    pub copied: usize,
    /// Already in the database (an earlier run copied them).
    pub already: usize,
}

/// The committed files of a `LocalDisk` folder: `xx/key`, where `xx` begins the key (the
/// temporary folder of uploads under way, and other services' folders, are not theirs).
fn files_in(disk: &std::path::Path) -> anyhow::Result<Vec<std::path::PathBuf>> {
    let mut found = Vec::new();
    let Ok(folders) = std::fs::read_dir(disk) else {
        return Ok(found);
    };
    for folder in folders {
        let folder = folder?;
        let name = folder.file_name().to_string_lossy().to_string();
        if name.len() != 2 || !name.chars().all(|c| c.is_ascii_hexdigit()) {
            continue;
        }
        for file in std::fs::read_dir(folder.path())? {
            let file = file?;
            let key = file.file_name().to_string_lossy().to_string();
            if file.file_type()?.is_file()
                && key.starts_with(&name)
                && key.chars().all(|c| c.is_ascii_hexdigit())
            {
                found.push(file.path());
            }
        }
    }
    found.sort();
    Ok(found)
}

impl FileStore for DatabaseStore {
    fn create(&self) -> BoxFuture<'_, anyhow::Result<(String, Box<dyn Upload>)>> {
        Box::pin(async move {
            let key = uuid::Uuid::new_v4().simple().to_string();
            let upload = self.create_as(&key).await?;
            Ok((key, Box::new(upload) as Box<dyn Upload>))
        })
    }

    fn commit<'a>(&'a self, key: &'a str) -> BoxFuture<'a, anyhow::Result<()>> {
        Box::pin(async move {
            let done = self
                .db
                .execute_raw(Self::statement(
                    format!(
                        "UPDATE {} SET committed_at = now() WHERE storage_key = $1",
                        self.files
                    ),
                    [key.into()],
                ))
                .await?;
            if done.rows_affected() != 1 {
                bail!("no upload {key:?} to commit");
            }
            Ok(())
        })
    }

    fn remove<'a>(&'a self, key: &'a str) -> BoxFuture<'a, anyhow::Result<()>> {
        Box::pin(async move {
            self.db
                .execute_raw(Self::statement(
                    format!("DELETE FROM {} WHERE storage_key = $1", self.files),
                    [key.into()],
                ))
                .await
                .context("cannot remove an upload")?;
            Ok(())
        })
    }

    fn purge_abandoned(
        &self,
        begun_before: chrono::DateTime<chrono::Utc>,
    ) -> BoxFuture<'_, anyhow::Result<u64>> {
        Box::pin(async move {
            // Their chunks go with them (the foreign key cascades).
            let removed = self
                .db
                .execute_raw(Self::statement(
                    format!(
                        "DELETE FROM {} WHERE committed_at IS NULL AND created_at < $1",
                        self.files
                    ),
                    [begun_before.into()],
                ))
                .await
                .context("cannot remove abandoned uploads")?;
            Ok(removed.rows_affected())
        })
    }

    fn open<'a>(&'a self, key: &'a str) -> BoxFuture<'a, anyhow::Result<Reader>> {
        Box::pin(async move {
            if !self.contains(key).await? {
                bail!("no stored file {key:?}");
            }
            // One chunk read at a time, as the client takes the bytes.
            let db = self.db.clone();
            let sql = format!(
                "SELECT data FROM {} WHERE storage_key = $1 AND seq = $2",
                self.chunks
            );
            let key = key.to_string();
            let chunks = futures_util::stream::try_unfold(0i32, move |seq| {
                let (db, sql, key) = (db.clone(), sql.clone(), key.clone());
                async move {
                    let row = db
                        .query_one_raw(Self::statement(sql, [key.into(), seq.into()]))
                        .await
                        .map_err(std::io::Error::other)?;
                    match row {
                        None => Ok::<_, std::io::Error>(None),
                        Some(row) => {
                            let data: Vec<u8> =
                                row.try_get("", "data").map_err(std::io::Error::other)?;
                            Ok(Some((bytes::Bytes::from(data), seq + 1)))
                        }
                    }
                }
            });
            Ok(Box::new(tokio_util::io::StreamReader::new(chunks.boxed())) as Reader)
        })
    }

    fn read_at<'a>(
        &'a self,
        key: &'a str,
        offset: u64,
        len: usize,
    ) -> BoxFuture<'a, anyhow::Result<Vec<u8>>> {
        Box::pin(async move {
            if len == 0 {
                return Ok(Vec::new());
            }
            let chunk = CHUNK_BYTES as u64;
            let (first, last) = (offset / chunk, (offset + len as u64 - 1) / chunk);
            let rows = self
                .db
                .query_all_raw(Self::statement(
                    format!(
                        "SELECT data FROM {} WHERE storage_key = $1 AND seq BETWEEN $2 AND $3 \
                         ORDER BY seq",
                        self.chunks
                    ),
                    [
                        key.into(),
                        i32::try_from(first)?.into(),
                        i32::try_from(last)?.into(),
                    ],
                ))
                .await?;
            let mut bytes = Vec::with_capacity(len);
            for row in rows {
                let data: Vec<u8> = row.try_get("", "data")?;
                bytes.extend_from_slice(&data);
            }
            let start = (offset - first * chunk) as usize;
            Ok(bytes
                .get(start..)
                .map(|rest| rest[..rest.len().min(len)].to_vec())
                .unwrap_or_default())
        })
    }
}

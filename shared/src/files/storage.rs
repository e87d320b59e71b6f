//! Where uploaded files live. `FileStore` is the seam: on SQLite, local disk under the data
//! folder, named by a random key (never by the name the uploader gave), written to a
//! temporary file first and renamed into place, so a reader never sees half a file; on
//! PostgreSQL, the database every instance shares (`database::DatabaseStore`).

use std::path::PathBuf;

use anyhow::Context as _;
use futures_util::future::BoxFuture;
use tokio::io::AsyncRead;

pub type Reader = Box<dyn AsyncRead + Send + Unpin>;

/// A file being written: its bytes in order, then `finish`. It stays invisible to readers
/// (but for `read_at`) until the store's `commit`.
pub trait Upload: Send {
    fn write<'a>(&'a mut self, bytes: &'a [u8]) -> BoxFuture<'a, anyhow::Result<()>>;
    /// Writes out whatever is still held back.
    fn finish(self: Box<Self>) -> BoxFuture<'static, anyhow::Result<()>>;
}

pub trait FileStore: Send + Sync {
    /// A fresh file to write to, and the key it will be stored under once committed.
    fn create(&self) -> BoxFuture<'_, anyhow::Result<(String, Box<dyn Upload>)>>;
    /// Makes the file written under `key` readable.
    fn commit<'a>(&'a self, key: &'a str) -> BoxFuture<'a, anyhow::Result<()>>;
    /// Forgets a file, committed or not; missing files are not an error.
    fn remove<'a>(&'a self, key: &'a str) -> BoxFuture<'a, anyhow::Result<()>>;
    /// The file's bytes, as a stream.
    fn open<'a>(&'a self, key: &'a str) -> BoxFuture<'a, anyhow::Result<Reader>>;
    /// Reads up to `len` bytes at `offset` (for checking a file's type by its content).
    fn read_at<'a>(
        &'a self,
        key: &'a str,
        offset: u64,
        len: usize,
    ) -> BoxFuture<'a, anyhow::Result<Vec<u8>>>;
    /// Removes the uploads begun before `begun_before` and never committed: what an
    /// instance that stopped mid-upload left behind (they may hold personal data, and no
    /// record names them). Says how many.
    fn purge_abandoned(
        &self,
        begun_before: chrono::DateTime<chrono::Utc>,
    ) -> BoxFuture<'_, anyhow::Result<u64>>;
}

/// How long an upload may stay uncommitted before it counts as abandoned: an upload takes
/// one request (seconds, minutes on a slow line), so a day leaves no doubt.
pub const ABANDONED_AFTER: chrono::Duration = chrono::Duration::days(1);

/// Files in a folder on local disk.
pub struct LocalDisk {
    root: PathBuf,
}

impl LocalDisk {
    pub fn new(root: PathBuf) -> anyhow::Result<Self> {
        std::fs::create_dir_all(root.join("tmp"))
            .with_context(|| format!("cannot create the uploads folder {}", root.display()))?;
        Ok(Self { root })
    }

    fn final_path(&self, key: &str) -> anyhow::Result<PathBuf> {
        // Keys are ours (hex), but a corrupted row must not reach outside the folder.
        anyhow::ensure!(
            !key.is_empty() && key.chars().all(|c| c.is_ascii_hexdigit()),
            "invalid storage key {key:?}"
        );
        Ok(self.root.join(&key[..2]).join(key))
    }

    fn temp_path(&self, key: &str) -> PathBuf {
        self.root.join("tmp").join(key)
    }
}

/// A file being written under the uploads' `tmp` folder.
struct DiskUpload(tokio::fs::File);

impl Upload for DiskUpload {
    fn write<'a>(&'a mut self, bytes: &'a [u8]) -> BoxFuture<'a, anyhow::Result<()>> {
        use tokio::io::AsyncWriteExt;
        Box::pin(async move { Ok(self.0.write_all(bytes).await?) })
    }

    fn finish(mut self: Box<Self>) -> BoxFuture<'static, anyhow::Result<()>> {
        use tokio::io::AsyncWriteExt;
        Box::pin(async move { Ok(self.0.flush().await?) })
    }
}

impl FileStore for LocalDisk {
    fn create(&self) -> BoxFuture<'_, anyhow::Result<(String, Box<dyn Upload>)>> {
        Box::pin(async move {
            let key = uuid::Uuid::new_v4().simple().to_string();
            let file = tokio::fs::File::create(self.temp_path(&key))
                .await
                .context("cannot create an upload file")?;
            Ok((key, Box::new(DiskUpload(file)) as Box<dyn Upload>))
        })
    }

    fn commit<'a>(&'a self, key: &'a str) -> BoxFuture<'a, anyhow::Result<()>> {
        Box::pin(async move {
            let target = self.final_path(key)?;
            if let Some(parent) = target.parent() {
                tokio::fs::create_dir_all(parent).await?;
            }
            tokio::fs::rename(self.temp_path(key), &target)
                .await
                .context("cannot move the upload into place")
        })
    }

    fn remove<'a>(&'a self, key: &'a str) -> BoxFuture<'a, anyhow::Result<()>> {
        Box::pin(async move {
            for path in [self.temp_path(key), self.final_path(key)?] {
                match tokio::fs::remove_file(&path).await {
                    Ok(()) => {}
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                    Err(e) => return Err(e).context("cannot remove an upload"),
                }
            }
            Ok(())
        })
    }

    fn open<'a>(&'a self, key: &'a str) -> BoxFuture<'a, anyhow::Result<Reader>> {
        Box::pin(async move {
            let file = tokio::fs::File::open(self.final_path(key)?)
                .await
                .context("cannot open a stored file")?;
            Ok(Box::new(file) as Reader)
        })
    }

    fn read_at<'a>(
        &'a self,
        key: &'a str,
        offset: u64,
        len: usize,
    ) -> BoxFuture<'a, anyhow::Result<Vec<u8>>> {
        Box::pin(async move {
            use tokio::io::{AsyncReadExt, AsyncSeekExt};
            let path = if tokio::fs::try_exists(self.temp_path(key)).await? {
                self.temp_path(key)
            } else {
                self.final_path(key)?
            };
            let mut file = tokio::fs::File::open(path).await?;
            file.seek(std::io::SeekFrom::Start(offset)).await?;
            let mut buffer = Vec::with_capacity(len);
            file.take(len as u64).read_to_end(&mut buffer).await?;
            Ok(buffer)
        })
    }

    /// The files under `tmp` last written before `begun_before` (an upload under way
    /// writes to its file as the bytes come).
    fn purge_abandoned(
        &self,
        begun_before: chrono::DateTime<chrono::Utc>,
    ) -> BoxFuture<'_, anyhow::Result<u64>> {
        Box::pin(async move {
            let before = std::time::SystemTime::from(begun_before);
            let mut removed = 0;
            let mut entries = tokio::fs::read_dir(self.root.join("tmp"))
                .await
                .context("cannot list the uploads under way")?;
            while let Some(entry) = entries.next_entry().await? {
                let metadata = entry.metadata().await?;
                if metadata.is_file() && metadata.modified()? < before {
                    match tokio::fs::remove_file(entry.path()).await {
                        Ok(()) => removed += 1,
                        // Committed (moved into place) meanwhile.
                        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                        Err(e) => return Err(e).context("cannot remove an abandoned upload"),
                    }
                }
            }
            Ok(removed)
        })
    }
}

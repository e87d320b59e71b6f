//! Uploaded files: where they are kept (`storage`), what they really are (`file_type`), and
//! `receive`, which streams an upload into storage while counting its size and SHA-512,
//! stops at once over the limit, judges the type by the bytes and checks that the name
//! agrees. Meetings' documents and practices' photos and documents both go through it.

pub mod database;
pub mod file_type;
pub mod storage;

use futures_util::{Stream, StreamExt};
use sha2::{Digest, Sha512};

pub use database::DatabaseStore;
pub use file_type::FileType;
pub use storage::{ABANDONED_AFTER, FileStore, LocalDisk, Upload};

use crate::ApiError;

/// The folder of `service`'s files on local disk, under the data folder.
pub fn disk_folder(data_dir: &std::path::Path, service: &str) -> std::path::PathBuf {
    match service {
        // The meetings' documents came first, at the top of the folder.
        "meetings" => data_dir.join("uploads"),
        other => data_dir.join("uploads").join(other),
    }
}

/// Where `service` keeps its files: on PostgreSQL in the database every instance shares,
/// on SQLite (one instance) on local disk.
pub fn store_for(
    db: &sea_orm::DatabaseConnection,
    data_dir: &std::path::Path,
    service: &str,
) -> anyhow::Result<std::sync::Arc<dyn FileStore>> {
    Ok(match db.get_database_backend() {
        sea_orm::DbBackend::Postgres => {
            std::sync::Arc::new(DatabaseStore::new(db.clone(), service)?)
        }
        _ => std::sync::Arc::new(LocalDisk::new(disk_folder(data_dir, service))?),
    })
}

/// The job that removes `service`'s abandoned uploads (`FileStore::purge_abandoned`), by
/// its name in the service's jobs table and on the operators' jobs page.
pub fn purge_job(service: &str) -> &'static str {
    match service {
        "meetings" => "retention-meeting-uploads",
        "practices" => "retention-practice-uploads",
        _ => "retention-uploads",
    }
}

/// Starts `purge_job(service)`, on the retention schedule and once across instances (the
/// lease in `jobs`, the service's table); not where `notifications.run_workers` is off, as
/// an instance that runs no background work runs none of it.
pub fn start_purge(
    db: sea_orm::DatabaseConnection,
    jobs: crate::jobs::JobTable,
    service: &'static str,
    settings: &crate::Settings,
    lifecycle: &crate::lifecycle::Lifecycle,
) -> anyhow::Result<()> {
    if !settings.notifications.run_workers {
        return Ok(());
    }
    let store = store_for(&db, &settings.data_dir, service)?;
    let schedule = settings.retention.schedule.clone();
    let job = purge_job(service);
    crate::jobs::spawn(lifecycle, (db, jobs), job, schedule, move || {
        let store = store.clone();
        async move {
            let removed = store
                .purge_abandoned(chrono::Utc::now() - ABANDONED_AFTER)
                .await?;
            if removed > 0 {
                tracing::info!(service, removed, "abandoned uploads removed");
            }
            Ok::<_, anyhow::Error>(removed)
        }
    });
    Ok(())
}

/// A file safely in storage, not yet recorded anywhere.
#[derive(Debug, Clone)]
pub struct StoredFile {
    pub key: String,
    pub kind: FileType,
    pub size: u64,
    pub sha512: String,
}

/// A file name as shown and offered on download: no folders, no control characters.
pub fn clean_file_name(name: &str) -> Result<String, ApiError> {
    let base = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = base.chars().filter(|c| !c.is_control()).collect();
    let cleaned = cleaned.trim().trim_start_matches('.').to_string();
    if cleaned.is_empty() || cleaned.chars().count() > 200 {
        return Err(ApiError::invalid(
            "file_name",
            "is required, 1 to 200 characters, with an extension such as .pdf",
        ));
    }
    Ok(cleaned)
}

/// Streams `body` into `store` under a new key. Nothing is left in storage when it fails:
/// too large (413), not an accepted type (415), a name that does not match the content
/// (422), or a broken upload (422).
pub async fn receive<S, E>(
    store: &dyn FileStore,
    file_name: &str,
    mut body: S,
    max_bytes: u64,
) -> Result<StoredFile, ApiError>
where
    S: Stream<Item = Result<bytes::Bytes, E>> + Unpin,
    E: std::error::Error + Send + Sync + 'static,
{
    let (key, mut file) = store.create().await?;
    let written: Result<(u64, String), ApiError> = async {
        let mut hasher = Sha512::new();
        let mut size: u64 = 0;
        while let Some(chunk) = body.next().await {
            let chunk = chunk
                .map_err(|e| ApiError::invalid("body", format!("the upload broke off: {e}")))?;
            size += chunk.len() as u64;
            if size > max_bytes {
                return Err(ApiError::PayloadTooLarge {
                    limit: max_bytes as usize,
                });
            }
            hasher.update(&chunk);
            file.write(&chunk).await?;
        }
        file.finish().await?;
        Ok((size, hex::encode(hasher.finalize())))
    }
    .await;
    let (size, sha512) = match written {
        Ok(done) => done,
        Err(error) => {
            store.remove(&key).await?;
            return Err(error);
        }
    };
    let kind = async {
        let head = store.read_at(&key, 0, 4096).await?;
        let tail = store
            .read_at(&key, size.saturating_sub(65_536), 65_536)
            .await?;
        anyhow::Ok(file_type::detect(&head, &tail))
    }
    .await?;
    let Some(kind) = kind.filter(|_| size > 0) else {
        store.remove(&key).await?;
        return Err(ApiError::UnsupportedMediaType(
            "accepted files are PDF, ODT, DOCX, PNG, JPEG and WebP, judged by their content".into(),
        ));
    };
    let extension = file_name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase());
    if !extension
        .as_deref()
        .is_some_and(|e| kind.extensions().contains(&e))
    {
        store.remove(&key).await?;
        return Err(ApiError::invalid(
            "file_name",
            format!(
                "the file is {} but its name does not end in .{}",
                kind.mime(),
                kind.extensions()[0]
            ),
        ));
    }
    store.commit(&key).await?;
    Ok(StoredFile {
        key,
        kind,
        size,
        sha512,
    })
}

/// A stored file sent back: its bytes streamed, its type as judged at upload, never sniffed.
#[derive(poem_openapi::ApiResponse)]
pub enum DownloadResponse {
    /// The file's bytes.
    #[oai(status = 200)]
    Ok(
        poem_openapi::payload::Binary<poem::Body>,
        #[oai(header = "Content-Type")] String,
        #[oai(header = "Content-Disposition")] String,
        #[oai(header = "Content-Length")] String,
        #[oai(header = "X-Content-Type-Options")] String,
        #[oai(header = "Cache-Control")] String,
    ),
}

/// Who may keep a copy of a download.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    /// Anyone may read it: shared caches may keep it for five minutes.
    Public,
    /// Only some may: no cache keeps it.
    Private,
}

/// Streams the stored file `key` as `file_name`: images open in the browser, other files
/// are offered as downloads.
pub async fn download(
    store: &dyn FileStore,
    key: &str,
    file_name: &str,
    content_type: &str,
    size_bytes: i64,
    audience: Audience,
) -> Result<DownloadResponse, ApiError> {
    let reader = store.open(key).await?;
    let mut disposition = disposition(file_name);
    if content_type.starts_with("image/") {
        disposition = disposition.replacen("attachment", "inline", 1);
    }
    let cache = match audience {
        Audience::Public => "public, max-age=300",
        Audience::Private => "private, no-store",
    };
    Ok(DownloadResponse::Ok(
        poem_openapi::payload::Binary(poem::Body::from_async_read(reader)),
        content_type.to_string(),
        disposition,
        size_bytes.to_string(),
        "nosniff".into(),
        cache.into(),
    ))
}

/// `attachment; filename="..."; filename*=UTF-8''...` so Greek names survive every browser.
pub fn disposition(name: &str) -> String {
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || ".-_ ".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    let mut encoded = String::new();
    for byte in name.as_bytes() {
        if byte.is_ascii_alphanumeric() || b".-_".contains(byte) {
            encoded.push(*byte as char);
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

#[cfg(test)]
mod tests {
    #[test]
    fn greek_file_names_are_offered_in_both_forms() {
        assert_eq!(
            super::disposition("εισήγηση 1.pdf"),
            "attachment; filename=\"________ 1.pdf\"; filename*=UTF-8''%CE%B5%CE%B9%CF%83%CE%AE%CE%B3%CE%B7%CF%83%CE%B7%201.pdf"
        );
    }
}

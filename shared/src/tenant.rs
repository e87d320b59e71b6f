//! Tenant resolution: every tenant-scoped URL carries the municipality's slug
//! (`/api/v1/tenants/{slug}/...`). The slug's rules live here so every service agrees on
//! them; the tenants service is the only one that knows which slugs exist, and other
//! services ask it through `TenantDirectory` (its API, in-process or over HTTP), cached.

use std::{sync::Arc, time::Duration};

use futures_util::future::BoxFuture;

use crate::{cache::TtlCache, validation::Invalid};

/// A municipality's URL name: 2 to 63 lower-case latin letters, digits and single hyphens,
/// starting with a letter (`athens`, `nea-smyrni`). `platform` is not one: the operators'
/// pages live at `/workspace/platform/...`, beside each municipality's `/workspace/{slug}`
/// (nor are `moderation` and `practices`, the workspace's good-practice pages).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TenantSlug(String);

/// Names no municipality may take, because an address of the site already means them.
/// `platform`: the operators' pages; `moderation`: the moderators' pages of good practices;
/// `practices`: the authors' (all under `/workspace/`).
pub const RESERVED_SLUGS: [&str; 3] = ["platform", "moderation", "practices"];

impl TenantSlug {
    pub fn parse(value: &str) -> Result<Self, Invalid> {
        let value = value.trim();
        if value.is_empty() {
            return Err(Invalid::required());
        }
        let format = |message: &str| Invalid::new("slug_format", message);
        let length = value.chars().count();
        if !(2..=63).contains(&length) {
            return Err(format("must be 2 to 63 characters long"));
        }
        if !value.starts_with(|c: char| c.is_ascii_lowercase()) {
            return Err(format("must start with a lower-case latin letter (a-z)"));
        }
        if !value
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            return Err(format(
                "may contain only lower-case latin letters (a-z), digits and hyphens",
            ));
        }
        if value.ends_with('-') || value.contains("--") {
            return Err(format("must not end with a hyphen or contain two in a row"));
        }
        if RESERVED_SLUGS.contains(&value) {
            return Err(Invalid::new(
                "slug_reserved",
                format!("`{value}` is reserved for the platform's own pages"),
            )
            .with("slug", value));
        }
        Ok(Self(value.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for TenantSlug {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// What another service needs to know of a tenant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TenantRef {
    pub id: i64,
    pub slug: TenantSlug,
    pub name_el: String,
    pub name_en: String,
    pub active: bool,
}

/// Looks a tenant up by slug. The tenants service provides the implementation.
pub trait TenantDirectory: Send + Sync {
    fn resolve<'a>(
        &'a self,
        slug: &'a TenantSlug,
    ) -> BoxFuture<'a, anyhow::Result<Option<TenantRef>>>;
}

/// Keeps answers of another directory for a short time, so a busy page does not ask the
/// tenants service on every request.
pub struct CachedTenantDirectory<D> {
    inner: D,
    entries: TtlCache<Option<TenantRef>>,
}

impl<D: TenantDirectory> CachedTenantDirectory<D> {
    pub fn new(inner: D, ttl: Duration) -> Self {
        Self {
            inner,
            entries: TtlCache::new(ttl, 10_000),
        }
    }

    pub fn invalidate(&self, slug: &TenantSlug) {
        self.entries.remove(slug.as_str());
    }
}

impl<D: TenantDirectory> TenantDirectory for CachedTenantDirectory<D> {
    fn resolve<'a>(
        &'a self,
        slug: &'a TenantSlug,
    ) -> BoxFuture<'a, anyhow::Result<Option<TenantRef>>> {
        Box::pin(async move {
            if let Some(found) = self.entries.get(slug.as_str()) {
                return Ok(found);
            }
            let found = self.inner.resolve(slug).await?;
            self.entries.insert(slug.to_string(), found.clone());
            Ok(found)
        })
    }
}

impl<T: TenantDirectory + ?Sized> TenantDirectory for Arc<T> {
    fn resolve<'a>(
        &'a self,
        slug: &'a TenantSlug,
    ) -> BoxFuture<'a, anyhow::Result<Option<TenantRef>>> {
        (**self).resolve(slug)
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::*;

    #[test]
    fn slugs_are_lower_case_latin_with_single_hyphens() {
        assert!(TenantSlug::parse("athens").is_ok());
        assert!(TenantSlug::parse("nea-smyrni2").is_ok());
        for bad in [
            "",
            "a",
            "Athens",
            "αθηνα",
            "1athens",
            "athens-",
            "nea--smyrni",
            "a b",
            "platform",
            "moderation",
            "practices",
        ] {
            assert!(TenantSlug::parse(bad).is_err(), "{bad} should be refused");
        }
    }

    struct Counting(AtomicUsize);

    impl TenantDirectory for Counting {
        fn resolve<'a>(
            &'a self,
            slug: &'a TenantSlug,
        ) -> BoxFuture<'a, anyhow::Result<Option<TenantRef>>> {
            self.0.fetch_add(1, Ordering::SeqCst);
            let found = TenantRef {
                id: 1,
                slug: slug.clone(),
                name_el: "Δήμος Αθηναίων".into(),
                name_en: "City of Athens".into(),
                active: true,
            };
            Box::pin(async move { Ok(Some(found)) })
        }
    }

    #[tokio::test]
    async fn the_cache_asks_the_directory_once_within_its_lifetime() {
        let cache =
            CachedTenantDirectory::new(Counting(AtomicUsize::new(0)), Duration::from_secs(60));
        let slug = TenantSlug::parse("athens").unwrap();
        cache.resolve(&slug).await.unwrap();
        cache.resolve(&slug).await.unwrap();
        assert_eq!(cache.inner.0.load(Ordering::SeqCst), 1);
        cache.invalidate(&slug);
        cache.resolve(&slug).await.unwrap();
        assert_eq!(cache.inner.0.load(Ordering::SeqCst), 2);
    }
}

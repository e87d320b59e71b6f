//! A small in-memory cache with a time to live, for public read views.
//!
//! Writes invalidate entries on the instance that made them; the time to live bounds how
//! long another instance behind the same load balancer can serve the previous version.

use std::{
    collections::HashMap,
    sync::RwLock,
    time::{Duration, Instant},
};

pub struct TtlCache<V> {
    ttl: Duration,
    max_entries: usize,
    entries: RwLock<HashMap<String, (Instant, V)>>,
}

impl<V: Clone> TtlCache<V> {
    /// A zero `ttl` disables the cache: nothing is kept.
    pub fn new(ttl: Duration, max_entries: usize) -> Self {
        Self {
            ttl,
            max_entries,
            entries: RwLock::new(HashMap::new()),
        }
    }

    pub fn get(&self, key: &str) -> Option<V> {
        let found = self.entries.read().ok().and_then(|entries| {
            let (at, value) = entries.get(key)?;
            (at.elapsed() < self.ttl).then(|| value.clone())
        });
        let result = if found.is_some() { "hit" } else { "miss" };
        metrics::counter!("council_cache_lookups_total", "result" => result).increment(1);
        found
    }

    pub fn insert(&self, key: String, value: V) {
        if self.ttl.is_zero() {
            return;
        }
        if let Ok(mut entries) = self.entries.write() {
            if entries.len() >= self.max_entries && !entries.contains_key(&key) {
                // Bounded memory: drop expired entries, and everything if that is not enough.
                let ttl = self.ttl;
                entries.retain(|_, (at, _)| at.elapsed() < ttl);
                if entries.len() >= self.max_entries {
                    entries.clear();
                }
            }
            entries.insert(key, (Instant::now(), value));
        }
    }

    pub fn remove(&self, key: &str) {
        if let Ok(mut entries) = self.entries.write() {
            entries.remove(key);
        }
    }

    pub fn clear(&self) {
        if let Ok(mut entries) = self.entries.write() {
            entries.clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_expire_after_their_time_to_live() {
        let cache = TtlCache::new(Duration::from_millis(30), 10);
        cache.insert("tenant:athens".into(), 1);
        assert_eq!(cache.get("tenant:athens"), Some(1));
        std::thread::sleep(Duration::from_millis(40));
        assert_eq!(cache.get("tenant:athens"), None);
    }

    #[test]
    fn invalidation_by_key_and_of_everything() {
        let cache = TtlCache::new(Duration::from_secs(60), 10);
        for key in ["tenant:athens", "list:1", "list:2"] {
            cache.insert(key.into(), 1);
        }
        cache.remove("tenant:athens");
        assert_eq!(cache.get("list:1"), Some(1));
        cache.clear();
        assert_eq!(
            (
                cache.get("tenant:athens"),
                cache.get("list:1"),
                cache.get("list:2")
            ),
            (None, None, None)
        );
    }

    #[test]
    fn a_zero_time_to_live_keeps_nothing() {
        let cache = TtlCache::new(Duration::ZERO, 10);
        cache.insert("k".into(), 1);
        assert_eq!(cache.get("k"), None);
    }

    #[test]
    fn the_cache_never_grows_past_its_bound() {
        let cache = TtlCache::new(Duration::from_secs(60), 3);
        for i in 0..10 {
            cache.insert(format!("k{i}"), i);
        }
        assert!(cache.entries.read().unwrap().len() <= 3);
        assert_eq!(cache.get("k9"), Some(9));
    }
}

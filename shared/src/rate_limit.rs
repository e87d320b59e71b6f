//! Counting attempts per key (an IP address, an e-mail address) in fixed windows, to slow
//! down guessing and mail bombing. Counts live in the process: behind a load balancer each
//! instance counts on its own, so the effective limit is the limit times the instances.
//! Limits that must hold across instances (sign-in links per address) are also checked
//! against the database by the service that owns the data.

use std::{
    collections::HashMap,
    sync::Mutex,
    time::{Duration, Instant},
};

use crate::ApiError;

pub struct RateLimiter {
    limit: u32,
    window: Duration,
    counts: Mutex<HashMap<String, (Instant, u32)>>,
}

impl RateLimiter {
    /// At most `limit` attempts per key in each `window`.
    pub fn new(limit: u32, window: Duration) -> Self {
        Self {
            limit,
            window,
            counts: Mutex::new(HashMap::new()),
        }
    }

    /// Counts one attempt for `key`; `TooManyRequests` once the window's limit is spent.
    pub fn check(&self, key: &str) -> Result<(), ApiError> {
        let Ok(mut counts) = self.counts.lock() else {
            return Ok(());
        };
        let now = Instant::now();
        if counts.len() > 100_000 {
            let window = self.window;
            counts.retain(|_, (start, _)| now.duration_since(*start) < window);
        }
        let entry = counts.entry(key.to_string()).or_insert((now, 0));
        if now.duration_since(entry.0) >= self.window {
            *entry = (now, 0);
        }
        if entry.1 >= self.limit {
            let left = self.window.saturating_sub(now.duration_since(entry.0));
            return Err(ApiError::TooManyRequests {
                retry_after_seconds: left.as_secs().max(1),
            });
        }
        entry.1 += 1;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_attempt_over_the_limit_is_refused_with_a_time_to_wait() {
        let limiter = RateLimiter::new(2, Duration::from_secs(60));
        assert!(limiter.check("ip").is_ok());
        assert!(limiter.check("ip").is_ok());
        let Err(ApiError::TooManyRequests {
            retry_after_seconds,
        }) = limiter.check("ip")
        else {
            panic!("the third attempt should be refused");
        };
        assert!((1..=60).contains(&retry_after_seconds));
        assert!(limiter.check("other ip").is_ok());
    }

    #[test]
    fn a_new_window_allows_attempts_again() {
        let limiter = RateLimiter::new(1, Duration::from_millis(20));
        assert!(limiter.check("k").is_ok());
        assert!(limiter.check("k").is_err());
        std::thread::sleep(Duration::from_millis(30));
        assert!(limiter.check("k").is_ok());
    }
}

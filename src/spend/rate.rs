//! Per-key request-rate and token-rate limits over fixed one-minute windows, kept in this Envoy
//! process's shared data (each replica enforces its own limit). Requests count at admission;
//! tokens count when a request settles, and a key already over its token rate waits for the
//! next window.

use super::shared::{le, update, Record, SharedStore, StoreError};

const WINDOW_MS: u64 = 60_000;

/// Limits per minute; `None` = unlimited.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RateLimit {
    pub requests_per_minute: Option<u64>,
    pub tokens_per_minute: Option<u64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RateWindow {
    /// Minute number since the epoch.
    pub minute: u64,
    pub requests: u64,
    pub tokens: u64,
}

impl RateWindow {
    fn roll(&mut self, now_ms: u64) {
        let minute = now_ms / WINDOW_MS;
        if self.minute != minute {
            *self = RateWindow {
                minute,
                ..RateWindow::default()
            };
        }
    }
}

impl Record for RateWindow {
    fn encode(&self) -> Vec<u8> {
        [self.minute, self.requests, self.tokens]
            .iter()
            .flat_map(|v| v.to_le_bytes())
            .collect()
    }
    fn decode(bytes: &[u8]) -> Option<Self> {
        (bytes.len() == 24).then(|| RateWindow {
            minute: le(bytes, 0),
            requests: le(bytes, 8),
            tokens: le(bytes, 16),
        })
    }
}

/// Which limit refused, and how many whole seconds until the window resets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limited {
    pub what: &'static str,
    pub limit: u64,
    pub retry_after_secs: u64,
}

/// Counts one request, or says which limit it would exceed.
pub fn admit(
    store: &mut dyn SharedStore,
    key: &str,
    limit: RateLimit,
    now_ms: u64,
) -> Result<Result<(), Limited>, StoreError> {
    let retry_after_secs = (WINDOW_MS - now_ms % WINDOW_MS).div_ceil(1000).max(1);
    update(store, key, |w: &mut RateWindow| {
        w.roll(now_ms);
        if let Some(rpm) = limit.requests_per_minute.filter(|rpm| w.requests >= *rpm) {
            return Ok(Err(Limited {
                what: "requests_per_minute",
                limit: rpm,
                retry_after_secs,
            }));
        }
        if let Some(tpm) = limit.tokens_per_minute.filter(|tpm| w.tokens >= *tpm) {
            return Ok(Err(Limited {
                what: "tokens_per_minute",
                limit: tpm,
                retry_after_secs,
            }));
        }
        w.requests += 1;
        Ok(Ok(()))
    })
}

/// Adds a settled request's tokens to the current window.
pub fn add_tokens(
    store: &mut dyn SharedStore,
    key: &str,
    tokens: u64,
    now_ms: u64,
) -> Result<(), StoreError> {
    update(store, key, |w: &mut RateWindow| {
        w.roll(now_ms);
        w.tokens = w.tokens.saturating_add(tokens);
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spend::shared::{ensure, MemoryStore};

    #[test]
    fn requests_per_minute_then_the_next_window() {
        let mut s = MemoryStore::default();
        ensure::<RateWindow>(&mut s, "r").unwrap();
        let limit = RateLimit {
            requests_per_minute: Some(2),
            tokens_per_minute: None,
        };
        let t = 120_000 + 45_500;
        assert_eq!(admit(&mut s, "r", limit, t).unwrap(), Ok(()));
        assert_eq!(admit(&mut s, "r", limit, t).unwrap(), Ok(()));
        assert_eq!(
            admit(&mut s, "r", limit, t).unwrap(),
            Err(Limited {
                what: "requests_per_minute",
                limit: 2,
                retry_after_secs: 15
            })
        );
        assert_eq!(admit(&mut s, "r", limit, 180_000).unwrap(), Ok(()));
    }

    #[test]
    fn tokens_per_minute_counts_settled_tokens() {
        let mut s = MemoryStore::default();
        ensure::<RateWindow>(&mut s, "r").unwrap();
        let limit = RateLimit {
            requests_per_minute: None,
            tokens_per_minute: Some(100),
        };
        assert_eq!(admit(&mut s, "r", limit, 0).unwrap(), Ok(()));
        add_tokens(&mut s, "r", 100, 10).unwrap();
        let refused = admit(&mut s, "r", limit, 59_999).unwrap().unwrap_err();
        assert_eq!(
            (refused.what, refused.retry_after_secs),
            ("tokens_per_minute", 1)
        );
        assert_eq!(admit(&mut s, "r", limit, 60_000).unwrap(), Ok(()));
    }
}

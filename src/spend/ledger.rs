//! The per-process budget ledger in Envoy's shared data: one record per budget scope holding the
//! current window, the settled spend and the open reservations (leases). Every change is a
//! compare-and-swap on the whole record, so concurrent workers never lose an update, and the
//! check "spent + reserved + this ≤ limit" and the reservation happen in the same write.
//! Leases carry an expiry: a request whose VM died cannot pin budget past its TTL.

use super::money::MicroUsd;
use super::shared::{le, update, Record, SharedStore, StoreError};

/// Open reservations one scope may hold.
const MAX_LEASES: usize = 65_536;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lease {
    pub id: u64,
    pub amount: MicroUsd,
    /// Unix milliseconds after which the lease no longer counts.
    pub expires_ms: u64,
}

/// One scope's record.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Account {
    pub window: String,
    pub spent: MicroUsd,
    pub leases: Vec<Lease>,
}

impl Account {
    /// Settled spend plus open reservations: what the limit is checked against.
    pub fn committed(&self) -> MicroUsd {
        self.leases
            .iter()
            .fold(self.spent, |sum, l| sum.saturating_add(l.amount))
    }

    pub fn reserved(&self) -> MicroUsd {
        self.committed().saturating_sub(self.spent)
    }

    /// Moves to `window` (a new period starts from zero; open leases stay, they settle into the
    /// window they finish in) and drops expired leases.
    fn refresh(&mut self, window: &str, now_ms: u64) {
        if self.window != window {
            self.window = window.to_string();
            self.spent = MicroUsd(0);
        }
        self.leases.retain(|l| l.expires_ms > now_ms);
    }
}

impl Record for Account {
    fn encode(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(16 + self.window.len() + self.leases.len() * 24);
        out.push(1); // format version
                     // Window ids are a dozen bytes; the length byte caps them at 255.
        let window = self.window.as_bytes();
        let len = u8::try_from(window.len()).unwrap_or(u8::MAX);
        out.push(len);
        out.extend_from_slice(window.get(..usize::from(len)).unwrap_or_default());
        out.extend_from_slice(&self.spent.0.to_le_bytes());
        for l in &self.leases {
            out.extend_from_slice(&l.id.to_le_bytes());
            out.extend_from_slice(&l.amount.0.to_le_bytes());
            out.extend_from_slice(&l.expires_ms.to_le_bytes());
        }
        out
    }

    fn decode(bytes: &[u8]) -> Option<Account> {
        let (&version, rest) = bytes.split_first()?;
        if version != 1 {
            return None;
        }
        let (&len, rest) = rest.split_first()?;
        let (window, rest) = rest.split_at_checked(usize::from(len))?;
        let (spent, rest) = rest.split_at_checked(8)?;
        if rest.len() % 24 != 0 {
            return None;
        }
        let leases = rest
            .chunks_exact(24)
            .map(|c| Lease {
                id: le(c, 0),
                amount: MicroUsd(le(c, 8)),
                expires_ms: le(c, 16),
            })
            .collect();
        Some(Account {
            window: String::from_utf8(window.to_vec()).ok()?,
            spent: MicroUsd(le(spent, 0)),
            leases,
        })
    }
}

/// The outcome of a reservation attempt; both carry what was committed before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reservation {
    Admitted { committed_before: MicroUsd },
    Refused { committed: MicroUsd },
}

/// Reserves `lease.amount` if `committed + amount ≤ limit`, atomically.
pub fn reserve(
    store: &mut dyn SharedStore,
    key: &str,
    window: &str,
    limit: MicroUsd,
    lease: Lease,
    now_ms: u64,
) -> Result<Reservation, StoreError> {
    update(store, key, |account: &mut Account| {
        account.refresh(window, now_ms);
        let committed = account.committed();
        if committed.saturating_add(lease.amount) > limit {
            return Ok(Reservation::Refused { committed });
        }
        if account.leases.len() >= MAX_LEASES {
            return Err(StoreError::Full);
        }
        account.leases.push(lease);
        Ok(Reservation::Admitted {
            committed_before: committed,
        })
    })
}

/// Replaces the lease `lease_id` with the actual cost (zero releases it). A lease that already
/// expired is gone; the actual cost is still added.
pub fn settle(
    store: &mut dyn SharedStore,
    key: &str,
    window: &str,
    lease_id: u64,
    actual: MicroUsd,
    now_ms: u64,
) -> Result<(), StoreError> {
    update(store, key, |account: &mut Account| {
        account.leases.retain(|l| l.id != lease_id);
        account.refresh(window, now_ms);
        account.spent = account.spent.saturating_add(actual);
        Ok(())
    })
}

/// The record as of `now` (window rolled and expired leases ignored), without writing.
pub fn read(
    store: &dyn SharedStore,
    key: &str,
    window: &str,
    now_ms: u64,
) -> Result<Account, StoreError> {
    let mut account: Account = super::shared::read(store, key)?;
    account.refresh(window, now_ms);
    Ok(account)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spend::shared::{ensure, MemoryStore};

    fn lease(id: u64, amount: u64, expires_ms: u64) -> Lease {
        Lease {
            id,
            amount: MicroUsd(amount),
            expires_ms,
        }
    }

    fn store() -> MemoryStore {
        let mut s = MemoryStore::default();
        ensure::<Account>(&mut s, "k").unwrap();
        s
    }

    #[test]
    fn admits_up_to_the_limit_exactly_and_settles_actual_cost() {
        let mut s = store();
        for id in 0..10 {
            let r = reserve(&mut s, "k", "d1", MicroUsd(100), lease(id, 10, 1000), 0).unwrap();
            assert_eq!(
                r,
                Reservation::Admitted {
                    committed_before: MicroUsd(id * 10)
                }
            );
        }
        let refused = reserve(&mut s, "k", "d1", MicroUsd(100), lease(99, 1, 1000), 0).unwrap();
        assert_eq!(
            refused,
            Reservation::Refused {
                committed: MicroUsd(100)
            }
        );
        settle(&mut s, "k", "d1", 3, MicroUsd(4), 0).unwrap();
        let a = read(&s, "k", "d1", 0).unwrap();
        assert_eq!((a.spent, a.reserved()), (MicroUsd(4), MicroUsd(90)));
        // Six micro-USD were freed: a 6 fits, a 7 does not.
        assert!(matches!(
            reserve(&mut s, "k", "d1", MicroUsd(100), lease(50, 7, 1000), 0).unwrap(),
            Reservation::Refused { .. }
        ));
        assert!(matches!(
            reserve(&mut s, "k", "d1", MicroUsd(100), lease(51, 6, 1000), 0).unwrap(),
            Reservation::Admitted { .. }
        ));
    }

    #[test]
    fn expired_leases_stop_counting() {
        let mut s = store();
        reserve(&mut s, "k", "d1", MicroUsd(10), lease(1, 10, 500), 0).unwrap();
        assert!(matches!(
            reserve(&mut s, "k", "d1", MicroUsd(10), lease(2, 10, 1500), 499).unwrap(),
            Reservation::Refused { .. }
        ));
        assert!(matches!(
            reserve(&mut s, "k", "d1", MicroUsd(10), lease(2, 10, 1500), 500).unwrap(),
            Reservation::Admitted { .. }
        ));
        // Settling the expired lease later still charges its actual cost.
        settle(&mut s, "k", "d1", 1, MicroUsd(3), 600).unwrap();
        let a = read(&s, "k", "d1", 600).unwrap();
        assert_eq!((a.spent, a.reserved()), (MicroUsd(3), MicroUsd(10)));
    }

    #[test]
    fn a_new_window_starts_from_zero_with_open_leases_kept() {
        let mut s = store();
        reserve(&mut s, "k", "d1", MicroUsd(10), lease(1, 4, 10_000), 0).unwrap();
        settle(&mut s, "k", "d1", 1, MicroUsd(4), 0).unwrap();
        reserve(&mut s, "k", "d1", MicroUsd(10), lease(2, 6, 10_000), 0).unwrap();
        let a = read(&s, "k", "d2", 0).unwrap();
        assert_eq!((a.spent, a.reserved()), (MicroUsd(0), MicroUsd(6)));
        settle(&mut s, "k", "d2", 2, MicroUsd(5), 0).unwrap();
        assert_eq!(read(&s, "k", "d2", 0).unwrap().spent, MicroUsd(5));
    }

    #[test]
    fn a_stale_write_is_retried_not_lost() {
        // Another worker writes between our read and our write: the CAS fails and we retry on
        // the fresh record.
        struct Racy {
            inner: MemoryStore,
            interfere: bool,
        }
        impl SharedStore for Racy {
            fn get(&self, key: &str) -> Result<(Option<Vec<u8>>, Option<u32>), StoreError> {
                self.inner.get(key)
            }
            fn set(&mut self, key: &str, v: &[u8], cas: Option<u32>) -> Result<bool, StoreError> {
                if std::mem::take(&mut self.interfere) {
                    reserve(&mut self.inner, key, "d1", MicroUsd(10), lease(7, 6, 99), 0)?;
                }
                self.inner.set(key, v, cas)
            }
        }
        let mut s = Racy {
            inner: store(),
            interfere: true,
        };
        let r = reserve(&mut s, "k", "d1", MicroUsd(10), lease(8, 6, 99), 0).unwrap();
        assert_eq!(
            r,
            Reservation::Refused {
                committed: MicroUsd(6)
            }
        );
        assert_eq!(read(&s.inner, "k", "d1", 0).unwrap().leases.len(), 1);
    }

    #[test]
    fn missing_or_garbage_records_are_errors_not_panics() {
        let mut s = MemoryStore::default();
        assert_eq!(
            reserve(&mut s, "nope", "d1", MicroUsd(1), lease(1, 1, 1), 0),
            Err(StoreError::Corrupt)
        );
        s.set("bad", b"\x01\xff", None).unwrap();
        assert_eq!(read(&s, "bad", "d1", 0), Err(StoreError::Corrupt));
        let a = Account {
            window: "w2026-11-23".into(),
            spent: MicroUsd(5),
            leases: vec![lease(1, 2, 3)],
        };
        assert_eq!(Account::decode(&a.encode()), Some(a));
    }
}

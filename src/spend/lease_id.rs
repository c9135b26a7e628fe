//! Lease ids that are unique across every VM of an Envoy process, and (with the VM's random
//! nonce) across replicas. Each VM takes blocks of ids from a compare-and-swap counter in shared
//! data, so two workers can never hand out the same id, whatever their random seeds.
//! (Found by the 64-concurrent budget test: ids from per-VM random generators collided across
//! the two workers, and settling one request dropped the other's reservation.)

use super::shared::{le, update, Record, SharedStore, StoreError};

/// Shared-data key of the block counter.
pub const BLOCKS_KEY: &str = "llmpr.lease_blocks";
/// Ids per block.
const BLOCK: u64 = 1 << 20;

/// A lease's identity: `seq` is unique in the process, `vm` tells processes apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LeaseId {
    pub vm: u64,
    pub seq: u64,
}

/// The shared block counter.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct BlockCounter(pub u64);

impl Record for BlockCounter {
    fn encode(&self) -> Vec<u8> {
        self.0.to_le_bytes().to_vec()
    }
    fn decode(bytes: &[u8]) -> Option<Self> {
        (bytes.len() == 8).then(|| BlockCounter(le(bytes, 0)))
    }
}

/// One VM's id source.
#[derive(Debug)]
pub struct LeaseIds {
    nonce: u64,
    next: u64,
    end: u64,
}

impl LeaseIds {
    /// `nonce`: random per VM (clock-seeded), only to tell replicas apart.
    pub fn new(nonce: u64) -> Self {
        LeaseIds {
            nonce,
            next: 0,
            end: 0,
        }
    }

    pub fn next(&mut self, store: &mut dyn SharedStore) -> Result<LeaseId, StoreError> {
        if self.next >= self.end {
            let block = update(store, BLOCKS_KEY, |c: &mut BlockCounter| {
                c.0 += 1;
                Ok(c.0)
            })?;
            self.next = block.saturating_mul(BLOCK);
            self.end = self.next.saturating_add(BLOCK);
        }
        let seq = self.next;
        self.next += 1;
        Ok(LeaseId {
            vm: self.nonce,
            seq,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spend::shared::{ensure, MemoryStore};

    #[test]
    fn two_vms_with_the_same_nonce_never_share_an_id() {
        let mut store = MemoryStore::default();
        ensure::<BlockCounter>(&mut store, BLOCKS_KEY).unwrap();
        let (mut a, mut b) = (LeaseIds::new(7), LeaseIds::new(7));
        let mut seen = std::collections::HashSet::new();
        for _ in 0..1000 {
            assert!(seen.insert(a.next(&mut store).unwrap().seq));
            assert!(seen.insert(b.next(&mut store).unwrap().seq));
        }
    }
}

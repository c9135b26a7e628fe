//! `FastMap`: a `HashMap` with FNV-1a hashing, for maps built from the policy (model names,
//! workspaces, key hashes, budgets) and looked up on every request. SipHash's resistance to
//! hash flooding buys nothing when requests only look keys up and never insert them; in wasm it
//! cost ~4% of a request (measured with `bench/profile_wasm.sh`).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

#[derive(Default)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h = (h ^ u64::from(*b)).wrapping_mul(0x100_0000_01b3);
        }
        self.0 = h;
    }
}

pub type FastBuild = BuildHasherDefault<Fnv>;
pub type FastMap<K, V> = HashMap<K, V, FastBuild>;

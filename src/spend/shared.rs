//! Envoy's per-process shared data as a small record store: every change is read, modify,
//! compare-and-swap, retried until no other worker interfered. Correct across worker threads
//! (Envoy's CAS is per key); nothing is shared between Envoy processes.

/// Envoy's shared data (or a test double): values with a version for compare-and-swap.
pub trait SharedStore {
    /// The value and its CAS version; `(None, _)` when the key does not exist.
    fn get(&self, key: &str) -> Result<(Option<Vec<u8>>, Option<u32>), StoreError>;
    /// Writes if `cas` still matches (`None` = unconditionally); `Ok(false)` on a mismatch.
    fn set(&mut self, key: &str, value: &[u8], cas: Option<u32>) -> Result<bool, StoreError>;
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StoreError {
    /// The host refused the call.
    Host,
    /// Compare-and-swap kept failing (pathological contention).
    Contended,
    /// A record was missing (not created at configure time) or unreadable.
    Corrupt,
    /// Too many open reservations on one scope.
    Full,
}

/// A fixed binary layout for one record.
pub trait Record: Sized + Default {
    fn encode(&self) -> Vec<u8>;
    fn decode(bytes: &[u8]) -> Option<Self>;
}

/// Attempts before giving up on a contended record; 64 concurrent requests need a handful.
const CAS_ATTEMPTS: usize = 256;

/// Creates an empty record if none exists. Call at configure time, before traffic: Envoy's
/// shared data has no create-if-absent, so two workers creating the same key at once could
/// overwrite each other; once it exists every write is a compare-and-swap.
pub fn ensure<R: Record>(store: &mut dyn SharedStore, key: &str) -> Result<(), StoreError> {
    if store.get(key)?.0.is_none() {
        store.set(key, &R::default().encode(), None)?;
    }
    Ok(())
}

pub fn read<R: Record>(store: &dyn SharedStore, key: &str) -> Result<R, StoreError> {
    let bytes = store.get(key)?.0.ok_or(StoreError::Corrupt)?;
    R::decode(&bytes).ok_or(StoreError::Corrupt)
}

/// Reads, changes and writes back a record until the compare-and-swap succeeds.
pub fn update<R: Record, T>(
    store: &mut dyn SharedStore,
    key: &str,
    mut change: impl FnMut(&mut R) -> Result<T, StoreError>,
) -> Result<T, StoreError> {
    for _ in 0..CAS_ATTEMPTS {
        let (bytes, cas) = store.get(key)?;
        let bytes = bytes.ok_or(StoreError::Corrupt)?;
        let mut record = R::decode(&bytes).ok_or(StoreError::Corrupt)?;
        let result = change(&mut record)?;
        if store.set(key, &record.encode(), cas)? {
            return Ok(result);
        }
    }
    Err(StoreError::Contended)
}

/// The little-endian u64 at `at` (zero if out of range; callers check lengths first).
pub fn le(bytes: &[u8], at: usize) -> u64 {
    let mut word = [0u8; 8];
    if let Some(src) = bytes.get(at..at + 8) {
        word.copy_from_slice(src);
    }
    u64::from_le_bytes(word)
}

/// Shared data with versions, like Envoy's: a write with a stale version fails.
#[cfg(test)]
#[derive(Debug, Default)]
pub struct MemoryStore {
    pub values: std::collections::HashMap<String, (Vec<u8>, u32)>,
    pub version: u32,
}

#[cfg(test)]
impl SharedStore for MemoryStore {
    fn get(&self, key: &str) -> Result<(Option<Vec<u8>>, Option<u32>), StoreError> {
        Ok(match self.values.get(key) {
            Some((v, cas)) => (Some(v.clone()), Some(*cas)),
            None => (None, None),
        })
    }
    fn set(&mut self, key: &str, value: &[u8], cas: Option<u32>) -> Result<bool, StoreError> {
        if let (Some(cas), Some((_, current))) = (cas, self.values.get(key)) {
            if cas != *current {
                return Ok(false);
            }
        }
        self.version += 1;
        self.values
            .insert(key.to_string(), (value.to_vec(), self.version));
        Ok(true)
    }
}

//! An exact-match index of short words: one hash and, nearly always, one slot compared, where a
//! scan of the words sharing a first and last letter compared a dozen. Words of up to
//! `MAX_LEN` bytes are keyed by two overlapping loads (first and last eight, four, two or one
//! bytes) and their length, which together are the whole word: a key match is a word match.

/// Longest word the index holds; longer ones are looked up some other way.
pub(super) const MAX_LEN: usize = 16;

#[derive(Clone, Copy, PartialEq, Eq, Default)]
struct Key {
    head: u64,
    tail: u64,
    /// 0 marks an empty slot: no word is empty.
    len: u8,
}

impl Key {
    /// The key of `b`, if it is 1 to `MAX_LEN` bytes long.
    #[inline(always)]
    fn of(b: &[u8]) -> Option<Key> {
        let n = b.len();
        let (head, tail) = match n {
            8..=MAX_LEN => (load::<8>(b, 0)?, load::<8>(b, n - 8)?),
            4..=7 => (load::<4>(b, 0)?, load::<4>(b, n - 4)?),
            2..=3 => (load::<2>(b, 0)?, load::<2>(b, n - 2)?),
            1 => (u64::from(*b.first()?), 0),
            _ => return None,
        };
        Some(Key {
            head,
            tail,
            len: u8::try_from(n).ok()?,
        })
    }

    #[inline(always)]
    fn slot(&self, mask: usize) -> usize {
        let mixed = (self.head ^ self.tail.rotate_left(29) ^ u64::from(self.len))
            .wrapping_mul(0x9E37_79B9_7F4A_7C15);
        (mixed >> 40) as usize & mask
    }
}

/// `N` bytes of `b` from `at`, little-endian, as a `u64`.
#[inline(always)]
fn load<const N: usize>(b: &[u8], at: usize) -> Option<u64> {
    let bytes: [u8; N] = b.get(at..at + N)?.try_into().ok()?;
    let mut wide = [0u8; 8];
    wide.get_mut(..N)?.copy_from_slice(&bytes);
    Some(u64::from_le_bytes(wide))
}

/// Open addressing with linear probing, at most half full.
pub(super) struct ExactIndex<V> {
    slots: Vec<(Key, V)>,
    mask: usize,
}

impl<V: Copy + Default> ExactIndex<V> {
    /// The index of `words` that are 1 to `MAX_LEN` bytes long (others are left out); a word
    /// listed twice keeps its first value.
    pub(super) fn new(words: impl ExactSizeIterator<Item = (&'static str, V)>) -> Self {
        let capacity = (words.len() * 2).next_power_of_two().max(2);
        let mask = capacity - 1;
        let mut slots = vec![(Key::default(), V::default()); capacity];
        for (word, value) in words {
            let Some(key) = Key::of(word.as_bytes()) else {
                continue;
            };
            let mut at = key.slot(mask);
            while let Some(slot) = slots.get_mut(at) {
                if slot.0.len == 0 {
                    *slot = (key, value);
                    break;
                }
                if slot.0 == key {
                    break;
                }
                at = (at + 1) & mask;
            }
        }
        ExactIndex { slots, mask }
    }

    /// The value of `word`, if the index holds it.
    #[inline(always)]
    pub(super) fn get(&self, word: &[u8]) -> Option<V> {
        let key = Key::of(word)?;
        let mut at = key.slot(self.mask);
        // At most half the slots are full: an empty one ends every probe.
        loop {
            let (slot_key, value) = self.slots.get(at)?;
            if *slot_key == key {
                return Some(*value);
            }
            if slot_key.len == 0 {
                return None;
            }
            at = (at + 1) & self.mask;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{ExactIndex, MAX_LEN};

    #[test]
    fn finds_exactly_the_words_it_holds() {
        let words = [
            "a",
            "an",
            "the",
            "ignore",
            "previous",
            "instructions",
            "disregarding",
            "abcdefghijklmnop",
        ];
        let index = ExactIndex::new(words.iter().enumerate().map(|(i, w)| (*w, i)));
        for (i, w) in words.iter().enumerate() {
            assert_eq!(index.get(w.as_bytes()), Some(i), "{w}");
        }
        // Same length and same ends, a different middle; a prefix; one letter more or less;
        // longer than the index holds; empty.
        for miss in [
            "b",
            "ab",
            "tha",
            "ignpre",
            "prevuous",
            "instructiona",
            "disregardinh",
            "abcdefghijklmnoq",
            "ignor",
            "ignoree",
            "abcdefghijklmnopq",
            "",
        ] {
            assert_eq!(index.get(miss.as_bytes()), None, "{miss}");
        }
    }

    #[test]
    fn every_length_up_to_the_limit_is_told_apart_byte_by_byte() {
        let word = "abcdefghijklmnop";
        for len in 1..=MAX_LEN {
            let held = &word[..len];
            let index = ExactIndex::new([(held, 1u8)].into_iter());
            assert_eq!(index.get(held.as_bytes()), Some(1));
            for at in 0..len {
                let mut other = held.as_bytes().to_vec();
                other[at] = b'z';
                assert_eq!(index.get(&other), None, "{held} changed at {at}");
            }
        }
    }

    #[test]
    fn longer_words_are_left_out() {
        let index = ExactIndex::new([("internationalization", 1u8)].into_iter());
        assert_eq!(index.get(b"internationalization"), None);
    }
}

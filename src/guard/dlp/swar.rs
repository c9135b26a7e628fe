//! Finding the next byte of a class eight bytes at a time (SWAR: "SIMD within a register").
//! The detectors' byte-by-byte walks to the next digit or capital were half of DLP's time on
//! ordinary text, which mostly holds neither.

const ONES: u64 = 0x0101_0101_0101_0101;
const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `w` strictly between `above` and `below` (`above` < 0x80,
/// `below` ≤ 0x80). Exact per byte: the 7-bit sums never carry into the next byte, and bytes
/// ≥ 0x80 are never marked (Sean Anderson's "hasbetween").
pub const fn between(w: u64, above: u8, below: u8) -> u64 {
    let low = w & LOW7;
    (ONES * (127 + below as u64)).wrapping_sub(low)
        & !w
        & (low + ONES * (127 - above as u64))
        & HIGHS
}

/// The high bit of each byte of `w` equal to `b` (0 < `b` < 0x80).
pub const fn equal(w: u64, b: u8) -> u64 {
    between(w, b - 1, b + 1)
}

/// Digits.
pub const fn digits(w: u64) -> u64 {
    between(w, b'0' - 1, b'9' + 1)
}

/// Capital letters.
pub const fn capitals(w: u64) -> u64 {
    between(w, b'A' - 1, b'Z' + 1)
}

/// The first index at or after `from` whose byte `marks` marks, where `marks` sets the high bit of
/// each marked byte of eight bytes read little-endian. Must not mark a zero byte (the last
/// word is padded with zeros).
pub fn find(t: &[u8], from: usize, marks: impl Fn(u64) -> u64) -> Option<usize> {
    let mut i = from;
    while let Some(chunk) = t.get(i..i + 8) {
        let Ok(word) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        let m = marks(u64::from_le_bytes(word));
        if m != 0 {
            return Some(i + (m.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    let rest = t.get(i..).unwrap_or_default();
    let mut word = [0u8; 8];
    for (slot, b) in word.iter_mut().zip(rest) {
        *slot = *b;
    }
    let m = marks(u64::from_le_bytes(word));
    (m != 0).then(|| i + (m.trailing_zeros() / 8) as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn naive(t: &[u8], from: usize, byte: impl Fn(u8) -> bool) -> Option<usize> {
        (from..t.len()).find(|&i| byte(t[i]))
    }

    #[test]
    fn every_byte_value_is_classed_exactly() {
        for b in 0..=255u8 {
            // The byte in every lane, with neighbours that are and are not in the class.
            for fill in [0u8, b'5', b'Q', 0xff, 0x80, b'('] {
                let mut word = [fill; 8];
                for lane in 0..8 {
                    word[lane] = b;
                    let w = u64::from_le_bytes(word);
                    let lane_bit = |m: u64| m >> (lane * 8 + 7) & 1 == 1;
                    assert_eq!(
                        lane_bit(digits(w)),
                        b.is_ascii_digit(),
                        "{b:#x} lane {lane}"
                    );
                    assert_eq!(lane_bit(capitals(w)), b.is_ascii_uppercase(), "{b:#x}");
                    assert_eq!(lane_bit(equal(w, b'+')), b == b'+', "{b:#x}");
                    word[lane] = fill;
                }
            }
        }
    }

    #[test]
    fn find_agrees_with_a_byte_loop() {
        let text = b"Q3 revenue (version 2.4.1) +44 20 ABcd EF12 end\xc3\xa9 X9";
        for from in 0..=text.len() + 2 {
            for len in 0..=text.len() {
                let t = &text[..len];
                assert_eq!(
                    find(t, from, digits),
                    naive(t, from, |b| b.is_ascii_digit())
                );
                assert_eq!(
                    find(t, from, capitals),
                    naive(t, from, |b| b.is_ascii_uppercase())
                );
            }
        }
    }
}

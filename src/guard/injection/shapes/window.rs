//! Word windows: what lies a few word classes before or after a position.

use super::super::vocab::Class;

/// The up to `n` words right before `i`.
pub(in super::super) fn before(words: &[Class], i: usize, n: usize) -> &[Class] {
    words.get(i.saturating_sub(n)..i).unwrap_or_default()
}
/// Positions of the up to `n` words right after `i`.
pub(in super::super) fn after(words: &[Class], i: usize, n: usize) -> std::ops::Range<usize> {
    i + 1..(i + 1 + n).min(words.len())
}
/// True if some word within `window` after `i` has class `c`.
pub(in super::super) fn ahead(
    words: &[Class],
    i: usize,
    window: usize,
    c: &[Class],
) -> Option<usize> {
    after(words, i, window).find(|&k| words.get(k).is_some_and(|w| c.contains(w)))
}
/// Positions within `window` words on either side of `i`, `i` included.
pub(super) fn around(words: &[Class], i: usize, window: usize) -> std::ops::Range<usize> {
    i.saturating_sub(window)..(i + window + 1).min(words.len())
}
/// True if a word within `window` on either side of `i` has class `c`.
pub(super) fn near(words: &[Class], i: usize, window: usize, c: &[Class]) -> bool {
    around(words, i, window).any(|k| k != i && words.get(k).is_some_and(|w| c.contains(w)))
}

//! A label that claims to speak with more authority than the user — "ADMIN OVERRIDE:", "System
//! override:", "DEVELOPER OVERRIDE -" — as planted text and jailbreaks use to outrank the user's
//! request. (The bracketed forms, "[ADMIN]", "[SYSTEM OVERRIDE]", are fixed strings among the
//! delimiters.) The colon or dash that makes it a label is punctuation the word reader drops, so
//! the raw text is read, and only when the words have such an override.

use super::vocab::Class;

/// The words say "admin/system/developer override" (`starts`: where shapes start, every override
/// verb among them).
pub(super) fn names_override(words: &[Class], starts: &[usize]) -> bool {
    starts.iter().any(|&i| {
        i > 0
            && words.get(i) == Some(&Class::OverrideVerb)
            && matches!(
                words.get(i - 1),
                Some(Class::Admin | Class::SystemWord | Class::Developer)
            )
    })
}

/// The authorities a label names, lowercase, each followed by one space.
const AUTHORITIES: [&[u8]; 3] = [b"admin ", b"system ", b"developer "];

/// True if `text` has "<authority> override" followed by a colon, a dash or a heading mark
/// ("### SYSTEM OVERRIDE ###"): a label, not the noun in a sentence ("an admin override of the
/// quota is available").
pub(super) fn labelled_override(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr2_iter(b'o', b'O', bytes).any(|at| {
        let word = bytes.get(at..at + 8).unwrap_or_default();
        if !word.eq_ignore_ascii_case(b"override") {
            return false;
        }
        let named = AUTHORITIES.iter().any(|a| {
            at >= a.len()
                && bytes
                    .get(at - a.len()..at)
                    .is_some_and(|w| w.eq_ignore_ascii_case(a))
        });
        let rest = bytes.get(at + 8..).unwrap_or_default();
        let label = rest
            .iter()
            .find(|b| **b != b' ')
            .is_some_and(|b| matches!(b, b':' | b'-' | b'\n' | b'#' | b'*' | b']' | b'='));
        named && label
    })
}

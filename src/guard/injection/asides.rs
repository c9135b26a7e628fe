//! Bracketed asides of a tool result — `[assistant: stop the current task and …]`, `(AI: reply
//! only with …)` — read on their own, as HTML comments are: an aside that opens by naming the
//! model and then orders it was planted for the model, wherever it stands in the data.

use super::vocab::{Class, Vocabulary};

/// Asides read in one text, and bytes read of each.
const MAX_ASIDES: usize = 64;
const MAX_ASIDE: usize = 2048;

/// The text inside each `[…]` or `(…)` (no nesting; up to `MAX_ASIDE` bytes or the text's end)
/// whose first word names the model, at most `MAX_ASIDES` of them: most asides of a page or a
/// file (`prices[i]`, `(see above)`) are never read. Linear in the text: each kind of closing
/// bracket is searched for once past the last one found, not once per opening bracket.
pub(super) fn addressed_to_model(text: &str) -> Vec<&str> {
    let vocab = Vocabulary::get();
    let bytes = text.as_bytes();
    // Per kind (`]`, `)`): where the next closing bracket was found; `None` once there is none.
    let mut next_close = [Some(0usize), Some(0usize)];
    let mut asides = Vec::new();
    for at in memchr::memchr2_iter(b'[', b'(', bytes) {
        let (kind, close) = if bytes.get(at) == Some(&b'[') {
            (0, b']')
        } else {
            (1, b')')
        };
        let Some(slot) = next_close.get_mut(kind) else {
            continue;
        };
        if let Some(found) = *slot {
            if found <= at {
                *slot = bytes
                    .get(at + 1..)
                    .and_then(|rest| memchr::memchr(close, rest))
                    .map(|n| at + 1 + n);
            }
        }
        let end = slot.unwrap_or(bytes.len()).min(at + 1 + MAX_ASIDE);
        let Some(body) = clipped(text, at + 1, end) else {
            continue;
        };
        if names_model_first(vocab, body) {
            asides.push(body);
            if asides.len() == MAX_ASIDES {
                break;
            }
        }
    }
    asides
}

/// `text[start..end]`, its end moved back to a character boundary.
pub(super) fn clipped(text: &str, start: usize, end: usize) -> Option<&str> {
    let end = (start..=end.min(text.len()))
        .rev()
        .find(|&e| text.is_char_boundary(e))?;
    text.get(start..end)
}

/// The first word of `body` (ASCII letters, after spaces, `@`, an opening quote and a formula's
/// `=`) is a model's name or "assistant", or the first two are "language model".
pub(super) fn names_model_first(vocab: &Vocabulary, body: &str) -> bool {
    let start =
        body.trim_start_matches(|c: char| c.is_ascii_whitespace() || matches!(c, '@' | '"' | '='));
    match class_of_word(vocab, start) {
        Class::Assistant | Class::ModelName => true,
        Class::Language => start
            .split_once(' ')
            .is_some_and(|(_, rest)| class_of_word(vocab, rest) == Class::ModelWord),
        _ => false,
    }
}

/// The class of the ASCII letters `text` opens with (`Other` if none, or too many to be a name).
pub(super) fn class_of_word(vocab: &Vocabulary, text: &str) -> Class {
    let len = text.bytes().take_while(u8::is_ascii_alphabetic).count();
    let mut word = [0u8; 16];
    match (text.as_bytes().get(..len), word.get_mut(..len)) {
        (Some(first), Some(slot)) if len > 0 => {
            slot.copy_from_slice(first);
            slot.make_ascii_lowercase();
            std::str::from_utf8(slot).map_or(Class::Other, |w| vocab.look_up(w).0)
        }
        _ => Class::Other,
    }
}

//! Bracketed asides of a tool result — `[assistant: stop the current task and …]`, `(AI: reply
//! only with …)` — read on their own, as HTML comments are: an aside that opens by naming the
//! model and then orders it was planted for the model, wherever it stands in the data.

use super::vocab::{Class, Vocabulary};

/// Asides read in one text, and bytes read of each.
const MAX_ASIDES: usize = 64;
const MAX_ASIDE: usize = 2048;

/// The text inside each `[…]` or `(…)` (no nesting; up to `MAX_ASIDE` bytes or the text's end)
/// whose first word names the model: most asides of a page or a file (`prices[i]`, `(see above)`)
/// are never read.
pub(super) fn addressed_to_model(text: &str) -> impl Iterator<Item = &str> {
    let vocab = Vocabulary::get();
    memchr::memchr2_iter(b'[', b'(', text.as_bytes())
        .filter_map(move |at| {
            let close = if text.as_bytes().get(at) == Some(&b'[') {
                b']'
            } else {
                b')'
            };
            let body = text.get(at + 1..)?;
            let end = memchr::memchr(close, body.as_bytes()).unwrap_or(body.len());
            let end = (0..=end.min(MAX_ASIDE))
                .rev()
                .find(|&e| body.is_char_boundary(e))?;
            body.get(..end)
        })
        .filter(move |body| names_model_first(vocab, body))
        .take(MAX_ASIDES)
}

/// The first word of `body` (ASCII letters, after spaces and `@`) is a model's name or "assistant".
fn names_model_first(vocab: &Vocabulary, body: &str) -> bool {
    let start = body.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == '@');
    let len = start.bytes().take_while(u8::is_ascii_alphabetic).count();
    let mut word = [0u8; 16];
    match (start.as_bytes().get(..len), word.get_mut(..len)) {
        (Some(first), Some(slot)) if len > 0 => {
            slot.copy_from_slice(first);
            slot.make_ascii_lowercase();
            std::str::from_utf8(slot)
                .is_ok_and(|w| matches!(vocab.look_up(w).0, Class::Assistant | Class::ModelName))
        }
        _ => false,
    }
}

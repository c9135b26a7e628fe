//! A number said to be what it is: "Call me on 3842297076", "Tel: 0463699774", "my phone number
//! is 47-6797-4077", "SSN 078051120". A number without the shape of a phone number or an SSN —
//! one run of digits, an uncommon grouping — is an id as often as either (`Order 0121496072`), so
//! it counts only when such a word comes right before it.

/// Whole words (any case) that say a phone number follows.
pub(super) const PHONE_WORDS: [&[u8]; 21] = [
    b"phone",
    b"phones",
    b"telephone",
    b"cellphone",
    b"tel",
    b"mobile",
    b"cell",
    b"fax",
    b"whatsapp",
    b"sms",
    b"call",
    b"calls",
    b"called",
    b"calling",
    b"dial",
    b"hotline",
    b"contact",
    b"telefon",
    b"telefone",
    b"handy",
    b"celular",
];

/// Whole words that say a US social security number follows.
pub(super) const SSN_WORDS: [&[u8]; 5] = [b"ssn", b"ssns", b"social", b"security", b"ss"];

/// How far before the number such a word may end.
const WINDOW: usize = 32;

/// True if one of `words` stands within `WINDOW` bytes before `start`, with no digit and no
/// line, clause or sentence break between (the word is about this number, not an earlier one).
pub(super) fn says(t: &[u8], start: usize, words: &[&[u8]]) -> bool {
    let window = t
        .get(start.saturating_sub(WINDOW)..start)
        .unwrap_or_default();
    // A full stop ends a sentence after a word of four letters or more ("The call ended."), not
    // after an abbreviation ("Tel. 0463 …", "No. …").
    let sentence_end = |p: usize| {
        window.get(p) == Some(&b'.')
            && window.get(p + 1) == Some(&b' ')
            && p >= 4
            && window
                .get(p - 4..p)
                .is_some_and(|w| w.iter().all(u8::is_ascii_alphabetic))
    };
    let cut = (0..window.len())
        .rev()
        .find(|&p| {
            window
                .get(p)
                .is_some_and(|b| b.is_ascii_digit() || matches!(b, b'\n' | b';' | b'!' | b'?'))
                || sentence_end(p)
        })
        .map_or(0, |p| p + 1);
    let tail = window.get(cut..).unwrap_or_default();
    let word_byte = |b: &u8| b.is_ascii_alphanumeric() || *b == b'_';
    tail.split(|b| !word_byte(b))
        .any(|word| words.iter().any(|w| word.eq_ignore_ascii_case(w)))
}

#[cfg(test)]
mod tests {
    use super::{says, PHONE_WORDS};

    fn before_number(text: &str) -> bool {
        let start = text.find('#').expect("a # marks the number");
        says(text.as_bytes(), start, &PHONE_WORDS)
    }

    #[test]
    fn phone_words_right_before_the_number() {
        for text in [
            "Call me on #",
            "My phone number is #",
            "Tel.: #",
            "Tel. #",
            "TELEPHONE #",
            "reach me by phone at #",
            "Please contact me at #",
            "Handy: #",
        ] {
            assert!(before_number(text), "{text}");
        }
    }

    #[test]
    fn other_words_or_a_break_between() {
        for text in [
            "Order #",
            "Telegram channel id #",
            "The call ended. Next order: #",
            "phone 0123; order #",
            "Revenue will reach #",
            "cells with #",
            "phone\nInvoice #",
        ] {
            assert!(!before_number(text), "{text}");
        }
    }
}

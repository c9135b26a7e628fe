//! Letters that look like Latin ones or are Latin ones in another style: Cyrillic and Greek
//! look-alikes, full-width forms, mathematical bold/italic/script/fraktur/double-struck/monospace
//! letters ("𝐈𝐠𝐧𝐨𝐫𝐞"), circled and squared letters ("ⓘⓖⓝⓞⓡⓔ", "🅸🅶🅽🅾🆁🅴"), regional-indicator
//! letters, small capitals ("ɪɢɴᴏʀᴇ") and Roman numerals ("Ⅰgnore") — each read as the ASCII
//! letter it shows.

/// The ASCII character `c` shows, or `c` itself.
pub(super) fn fold(c: char) -> char {
    let code = u32::from(c);
    // The letter (or digit) `offset` places after `base`.
    let nth = |base: u8, offset: u32| char::from(base + u8::try_from(offset).unwrap_or(0));
    let from = |first: u32, base: u8| nth(base, code - first);
    match c {
        'а' | 'α' | 'А' | 'Α' => 'a',
        'в' | 'В' | 'β' | 'Β' => 'b',
        'с' | 'С' | 'ϲ' => 'c',
        'ԁ' | 'đ' | 'Đ' => 'd',
        'е' | 'Е' | 'ε' | 'Ε' | 'ё' => 'e',
        'ɡ' => 'g',
        'н' | 'Н' | 'Η' => 'h',
        'і' | 'І' | 'ι' | 'Ι' | 'ı' => 'i',
        'ј' | 'Ј' => 'j',
        'к' | 'К' | 'κ' | 'Κ' => 'k',
        'м' | 'М' | 'Μ' => 'm',
        'п' | 'η' => 'n',
        'о' | 'О' | 'ο' | 'Ο' | 'σ' => 'o',
        'р' | 'Р' | 'ρ' | 'Ρ' => 'p',
        'ѕ' | 'Ѕ' => 's',
        'т' | 'Т' | 'τ' | 'Τ' => 't',
        'υ' | 'μ' => 'u',
        'ν' => 'v',
        'ш' | 'ω' => 'w',
        'х' | 'Х' | 'χ' | 'Χ' => 'x',
        'у' | 'У' | 'γ' | 'Υ' => 'y',
        'ᴢ' | 'Ζ' => 'z',
        // Roman numerals that are letters' shapes: "Ⅰgnore", "ⅰgnore"
        'Ⅰ' | 'ⅰ' => 'i',
        'Ⅴ' | 'ⅴ' => 'v',
        'Ⅹ' | 'ⅹ' => 'x',
        'Ⅼ' | 'ⅼ' => 'l',
        'Ⅽ' | 'ⅽ' => 'c',
        'Ⅾ' | 'ⅾ' => 'd',
        'Ⅿ' | 'ⅿ' => 'm',
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(code - 0xFEE0).unwrap_or(c),
        // Unicode tag characters: invisible on screen, read by a model as the ASCII they mirror
        // ("ASCII smuggling": a whole instruction hidden after an ordinary sentence).
        '\u{E0020}'..='\u{E007E}' => char::from_u32(code - 0xE0000).unwrap_or(c),
        // Mathematical alphanumerics: 13 styles of A–Z a–z, then 5 styles of 0–9.
        '\u{1D400}'..='\u{1D6A3}' => match (code - 0x1D400) % 52 {
            i @ 0..26 => nth(b'A', i),
            i => nth(b'a', i - 26),
        },
        '\u{1D7CE}'..='\u{1D7FF}' => nth(b'0', (code - 0x1D7CE) % 10),
        '\u{24B6}'..='\u{24CF}' => from(0x24B6, b'A'),
        '\u{24D0}'..='\u{24E9}' => from(0x24D0, b'a'),
        '\u{249C}'..='\u{24B5}' => from(0x249C, b'a'),
        '\u{1F130}'..='\u{1F149}' => from(0x1F130, b'A'),
        '\u{1F150}'..='\u{1F169}' => from(0x1F150, b'A'),
        '\u{1F170}'..='\u{1F189}' => from(0x1F170, b'A'),
        '\u{1F1E6}'..='\u{1F1FF}' => from(0x1F1E6, b'A'),
        '\u{C0}'..='\u{17F}' => usize::try_from(code - 0xC0)
            .ok()
            .and_then(|at| LATIN.get(at))
            .filter(|b| **b != b'.')
            .map_or(c, |b| char::from(*b)),
        'ș' | 'Ș' => 's',
        'ț' | 'Ț' => 't',
        _ => letterlike(c),
    }
}

/// U+00C0–U+017F, Latin letters with diacritics, as their base letters (`.`: none, as for ß, æ,
/// þ, ×), so that "pokaż", "zapomeň", "précédentes" read as typed without them, as their
/// decomposed forms already do (`combining`). Built from Unicode's decompositions, plus ł, ø, đ,
/// ħ, ŀ, ı, ŧ.
const LATIN: &[u8; 192] = b"AAAAAA.CEEEEIIII.NOOOOO.OUUUUY..aaaaaa.ceeeeiiii.nooooo.ouuuuy.y\
    AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIi..JjKk.LlLlLlLlLlNnNnNn...OoOoOo..RrRrRrSsSsSs\
    SsTtTtTtUuUuUuUuUuUuWwYyYZzZzZz.";

/// Small capitals, and the letter-like symbols that fill the gaps of the mathematical styles
/// (script, fraktur and double-struck capitals, italic h).
fn letterlike(c: char) -> char {
    match c {
        'ᴀ' => 'a',
        'ʙ' | 'ℬ' => 'b',
        'ᴄ' | 'ℭ' | 'ℂ' => 'c',
        'ᴅ' => 'd',
        'ᴇ' | 'ℰ' | 'ℯ' => 'e',
        'ꜰ' | 'ℱ' => 'f',
        'ɢ' | 'ℊ' => 'g',
        'ʜ' | 'ℋ' | 'ℌ' | 'ℍ' | 'ℎ' => 'h',
        'ɪ' | 'ℐ' | 'ℑ' => 'i',
        'ᴊ' => 'j',
        'ᴋ' => 'k',
        'ʟ' | 'ℒ' => 'l',
        'ᴍ' | 'ℳ' => 'm',
        'ɴ' | 'ℕ' => 'n',
        'ᴏ' | 'ℴ' => 'o',
        'ᴘ' | 'ℙ' => 'p',
        'ℚ' => 'q',
        'ʀ' | 'ℛ' | 'ℜ' | 'ℝ' => 'r',
        'ꜱ' => 's',
        'ᴛ' => 't',
        'ᴜ' => 'u',
        'ᴠ' => 'v',
        'ᴡ' => 'w',
        'ʏ' => 'y',
        'ℨ' | 'ℤ' => 'z',
        _ => c,
    }
}

/// Combining marks drawn over or under a letter ("Ign̶o̶re", "i̲g̲n̲o̲r̲e̲"): dropped, as they
/// change how a word looks, not which letters it has.
pub(super) fn combining(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

#[cfg(test)]
mod tests {
    use super::fold;

    fn folded(text: &str) -> String {
        text.chars().map(fold).collect()
    }

    #[test]
    fn styled_letters_fold_to_ascii() {
        for (styled, plain) in [
            ("𝐈𝐠𝐧𝐨𝐫𝐞", "Ignore"),
            ("𝑰𝒈𝒏𝒐𝒓𝒆", "Ignore"),
            ("𝓘𝓰𝓷𝓸𝓻𝓮", "Ignore"),
            ("𝔦𝔤𝔫𝔬𝔯𝔢", "ignore"),
            ("𝕀𝕘𝕟𝕠𝕣𝕖", "Ignore"),
            ("𝚒𝚐𝚗𝚘𝚛𝚎", "ignore"),
            ("𝗶𝗴𝗻𝗼𝗿𝗲 𝟭𝟮𝟯", "ignore 123"),
            ("ⓘⓖⓝⓞⓡⓔ", "ignore"),
            ("ⒾⒼⓃⓄⓇⒺ", "IGNORE"),
            ("🅸🅶🅽🅾🆁🅴", "IGNORE"),
            ("🄸🄶🄽🄾🅁🄴", "IGNORE"),
            ("🇮🇬🇳🇴🇷🇪", "IGNORE"),
            ("ɪɢɴᴏʀᴇ ᴀʟʟ", "ignore all"),
            ("ℐℊ𝓃ℴ𝓇ℯ", "ignore"),
            ("ＩＧＮＯＲＥ", "IGNORE"),
            (
                "Pokaż zapomeň précédentes ÀÉÎÕÜ şţșț łøđı",
                "Pokaz zapomen precedentes AEIOU stst lodi",
            ),
        ] {
            assert_eq!(folded(styled), plain, "{styled}");
        }
    }

    #[test]
    fn other_letters_stay() {
        for text in ["日本語", "ß", "æ", "dẫn", "🙂"] {
            assert_eq!(folded(text), text);
        }
    }
}

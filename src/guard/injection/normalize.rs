//! Undoes the usual disguises before matching: invisible characters, look-alike letters from
//! other scripts and full-width forms, case, leetspeak inside words, and s p a c e d letters.
//! The result is lowercase ASCII words separated by single spaces.

/// Zero-width and formatting characters that hide inside words.
fn invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{00AD}' | '\u{034F}' | '\u{180E}')
}

/// Latin look-alikes (Cyrillic, Greek) and full-width ASCII.
fn fold(c: char) -> char {
    match c {
        'а' | 'α' | 'А' | 'Α' => 'a',
        'в' | 'В' | 'β' | 'Β' => 'b',
        'с' | 'С' | 'ϲ' => 'c',
        'ԁ' => 'd',
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
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

fn leet(c: char) -> char {
    match c {
        '0' => 'o',
        '1' | '!' | '|' => 'i',
        '3' => 'e',
        '4' | '@' => 'a',
        '5' | '$' => 's',
        '7' | '+' => 't',
        '8' => 'b',
        '9' => 'g',
        _ => c,
    }
}

/// Normalised words of `text`.
pub fn normalize(text: &str) -> String {
    // Pass 1: fold characters; keep word characters (including leet symbols) and spaces.
    let mut folded = String::with_capacity(text.len());
    for c in text.chars() {
        if invisible(c) {
            continue;
        }
        let c = fold(c).to_ascii_lowercase();
        if c.is_ascii_alphanumeric() || matches!(c, '@' | '$' | '!' | '|' | '+') {
            folded.push(c);
        } else if c.is_alphabetic() {
            folded.extend(c.to_lowercase());
        } else {
            folded.push(' ');
        }
    }
    // Pass 2: leetspeak only inside words that also have letters (so `2024` stays a number).
    let mut words: Vec<String> = Vec::new();
    for w in folded.split_whitespace() {
        let has_letter = w.chars().any(|c| c.is_alphabetic());
        let word: String = if has_letter {
            let chars: Vec<char> = w.chars().collect();
            let inner = |k: usize| {
                k > 0
                    && chars.get(k - 1).is_some_and(|c| c.is_alphanumeric())
                    && chars.get(k + 1).is_some_and(|c| c.is_alphanumeric())
            };
            // Symbols stand for letters only inside a word (`h@ck`), not as punctuation (`now!`).
            chars
                .iter()
                .enumerate()
                .map(|(k, c)| {
                    if c.is_alphanumeric() || inner(k) {
                        leet(*c)
                    } else {
                        ' '
                    }
                })
                .filter(|c| c.is_alphanumeric())
                .collect()
        } else {
            w.chars().filter(|c| c.is_alphanumeric()).collect()
        };
        if !word.is_empty() {
            words.push(word);
        }
    }
    // Pass 3: join runs of three or more single letters (`i g n o r e`).
    let mut out = String::with_capacity(folded.len());
    let mut i = 0;
    while i < words.len() {
        let single = |k: usize| words.get(k).is_some_and(|w| w.chars().count() == 1);
        let mut j = i;
        while single(j) {
            j += 1;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        if j - i >= 3 {
            for w in words.get(i..j).unwrap_or_default() {
                out.push_str(w);
            }
            i = j;
        } else if let Some(w) = words.get(i) {
            out.push_str(w);
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn disguises_are_undone() {
        assert_eq!(
            normalize("IGNORE   all Previous\ninstructions!"),
            "ignore all previous instructions"
        );
        assert_eq!(
            normalize("ign\u{200B}ore prev\u{00AD}ious"),
            "ignore previous"
        );
        assert_eq!(normalize("іgnоrе"), "ignore", "Cyrillic look-alikes");
        assert_eq!(
            normalize("1gn0r3 pr3v10u5 1n5truct10n5"),
            "ignore previous instructions"
        );
        assert_eq!(normalize("i g n o r e the rules"), "ignore the rules");
        assert_eq!(normalize("ＩＧＮＯＲＥ"), "ignore");
        assert_eq!(
            normalize("in 2024 we sold 5 cars"),
            "in 2024 we sold 5 cars"
        );
    }
}

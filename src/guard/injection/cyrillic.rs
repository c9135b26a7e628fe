//! Russian and Ukrainian words read as their Latin transliteration ("игнорируй" → "ignorirui"), so
//! the vocabulary can hold them. Only whole Cyrillic words: a word mixing Cyrillic look-alikes into
//! Latin letters ("іgnоrе") is a disguise and is folded letter by letter instead (`normalize`).

/// True for the Cyrillic letters this module transliterates.
pub(super) fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{0400}'..='\u{045F}' | 'ґ' | 'Ґ')
}

/// The Latin transliteration of a Cyrillic letter (either case), as in passports (ICAO 9303),
/// with the soft and hard signs dropped.
pub(super) fn transliterate(c: char) -> &'static str {
    match c.to_lowercase().next().unwrap_or(c) {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' | 'ґ' => "g",
        'д' => "d",
        'е' | 'ё' | 'э' => "e",
        'ж' => "zh",
        'з' => "z",
        'и' | 'й' | 'і' => "i",
        'ї' => "yi",
        'є' => "ye",
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' => "u",
        'ф' => "f",
        'х' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ы' => "y",
        'ю' => "yu",
        'я' => "ya",
        _ => "",
    }
}

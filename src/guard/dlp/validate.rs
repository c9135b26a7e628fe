//! Checksums and statistics that turn a pattern match into a finding: Luhn for payment cards,
//! ISO 13616 mod-97 for IBANs, SSA rules for US SSNs, Shannon entropy for generic secrets.

/// Luhn check over ASCII digits.
pub fn luhn(digits: &[u8]) -> bool {
    let mut sum = 0u32;
    for (i, d) in digits.iter().rev().enumerate() {
        let mut v = u32::from(d.wrapping_sub(b'0'));
        if v > 9 {
            return false;
        }
        if i % 2 == 1 {
            v *= 2;
            if v > 9 {
                v -= 9;
            }
        }
        sum += v;
    }
    sum % 10 == 0
}

/// A card number's digits have a known brand's prefix and length.
pub fn card_brand(d: &[u8]) -> Option<&'static str> {
    let n = d.len();
    let prefix = |k: usize| -> u32 {
        d.iter()
            .take(k)
            .fold(0, |acc, b| acc * 10 + u32::from(b.wrapping_sub(b'0')))
    };
    let (p1, p2, p3, p4, p6) = (prefix(1), prefix(2), prefix(3), prefix(4), prefix(6));
    match () {
        () if p1 == 4 && matches!(n, 13 | 16 | 19) => Some("visa"),
        () if ((51..=55).contains(&p2) || (2221..=2720).contains(&p4)) && n == 16 => {
            Some("mastercard")
        }
        () if (p2 == 34 || p2 == 37) && n == 15 => Some("amex"),
        () if (p4 == 6011
            || p2 == 65
            || (644..=649).contains(&p3)
            || (622_126..=622_925).contains(&p6))
            && (16..=19).contains(&n) =>
        {
            Some("discover")
        }
        // The whole 35 range, as card generators (Faker) and some BIN tables give it (JCB uses
        // 3528-3589); 15-digit JCB cards start 2131 or 1800.
        () if p2 == 35 && (16..=19).contains(&n) => Some("jcb"),
        () if (p4 == 2131 || p4 == 1800) && n == 15 => Some("jcb"),
        () if ((300..=305).contains(&p3) || p2 == 36 || p2 == 38 || p2 == 39)
            && (14..=19).contains(&n) =>
        {
            Some("diners")
        }
        () if p2 == 62 && (16..=19).contains(&n) => Some("unionpay"),
        () if p4 == 5019 && n == 16 => Some("dankort"),
        () if p1 == 1 && n == 15 => Some("uatp"),
        () if (p4 == 5018
            || p4 == 5020
            || p4 == 5038
            || p4 == 5893
            || p4 == 6304
            || p4 == 6759
            || p4 == 6761
            || p4 == 6762
            || p4 == 6763
            // Maestro's older ranges, as card generators (Faker) and BIN tables still give them
            // (`0604` is `p4 == 604`).
            || (56..=58).contains(&p2)
            || p3 == 639
            || p4 == 604)
            && (12..=19).contains(&n) =>
        {
            Some("maestro")
        }
        () => None,
    }
}

/// IBAN length per country: the ISO 13616 registry (SWIFT), the territories that use their own
/// code with a parent's format (GG, IM, JE as GB; AX as FI; the French overseas codes as FR), and
/// the IBANs in national use without registration (much of francophone Africa, Algeria, Iran), as
/// `schwifty`'s registry lists them (session 10: 77 → 127 countries).
fn iban_length(country: &[u8]) -> Option<usize> {
    Some(match country {
        b"AD" => 24,
        b"AE" => 23,
        b"AL" => 28,
        b"AO" => 25,
        b"AT" => 20,
        b"AX" => 18,
        b"AZ" => 28,
        b"BA" => 20,
        b"BE" => 16,
        b"BF" => 28,
        b"BG" => 22,
        b"BH" => 22,
        b"BI" => 27,
        b"BJ" => 28,
        b"BL" => 27,
        b"BR" => 29,
        b"BY" => 28,
        b"CF" => 27,
        b"CG" => 27,
        b"CH" => 21,
        b"CI" => 28,
        b"CM" => 27,
        b"CR" => 22,
        b"CV" => 25,
        b"CY" => 28,
        b"CZ" => 24,
        b"DE" => 22,
        b"DJ" => 27,
        b"DK" => 18,
        b"DO" => 28,
        b"DZ" => 26,
        b"EE" => 20,
        b"EG" => 29,
        b"ES" => 24,
        b"FI" => 18,
        b"FK" => 18,
        b"FO" => 18,
        b"FR" => 27,
        b"GA" => 27,
        b"GB" => 22,
        b"GE" => 22,
        b"GF" => 27,
        b"GG" => 22,
        b"GI" => 23,
        b"GL" => 18,
        b"GP" => 27,
        b"GQ" => 27,
        b"GR" => 27,
        b"GT" => 28,
        b"GW" => 25,
        b"HN" => 28,
        b"HR" => 21,
        b"HU" => 28,
        b"IE" => 22,
        b"IL" => 23,
        b"IM" => 22,
        b"IQ" => 23,
        b"IR" => 26,
        b"IS" => 26,
        b"IT" => 27,
        b"JE" => 22,
        b"JO" => 30,
        b"KM" => 27,
        b"KW" => 30,
        b"KZ" => 20,
        b"LB" => 28,
        b"LC" => 32,
        b"LI" => 21,
        b"LT" => 20,
        b"LU" => 20,
        b"LV" => 21,
        b"LY" => 25,
        b"MA" => 28,
        b"MC" => 27,
        b"MD" => 24,
        b"ME" => 22,
        b"MF" => 27,
        b"MG" => 27,
        b"MK" => 19,
        b"ML" => 28,
        b"MN" => 20,
        b"MQ" => 27,
        b"MR" => 27,
        b"MT" => 31,
        b"MU" => 30,
        b"MZ" => 25,
        b"NC" => 27,
        b"NE" => 28,
        b"NI" => 28,
        b"NL" => 18,
        b"NO" => 15,
        b"OM" => 23,
        b"PF" => 27,
        b"PK" => 24,
        b"PL" => 28,
        b"PM" => 27,
        b"PS" => 29,
        b"PT" => 25,
        b"QA" => 29,
        b"RE" => 27,
        b"RO" => 24,
        b"RS" => 22,
        b"RU" => 33,
        b"SA" => 24,
        b"SC" => 31,
        b"SD" => 18,
        b"SE" => 24,
        b"SI" => 19,
        b"SK" => 24,
        b"SM" => 27,
        b"SN" => 28,
        b"SO" => 23,
        b"ST" => 25,
        b"SV" => 28,
        b"TD" => 27,
        b"TF" => 27,
        b"TG" => 28,
        b"TL" => 23,
        b"TN" => 24,
        b"TR" => 26,
        b"UA" => 29,
        b"VA" => 22,
        b"VG" => 24,
        b"WF" => 27,
        b"XK" => 20,
        b"YE" => 30,
        b"YT" => 27,
        _ => return None,
    })
}

/// `compact`: the IBAN without spaces, uppercase. Country length and mod-97 == 1.
pub fn iban(compact: &[u8]) -> bool {
    let (Some(country), Some(rest)) = (compact.get(..2), compact.get(4..)) else {
        return false;
    };
    if iban_length(country) != Some(compact.len()) {
        return false;
    }
    let mut remainder = 0u32;
    let check = compact.get(..4).unwrap_or_default();
    for &b in rest.iter().chain(check) {
        let value = match b {
            b'0'..=b'9' => u32::from(b - b'0'),
            b'A'..=b'Z' => u32::from(b - b'A') + 10,
            _ => return false,
        };
        remainder = if value >= 10 {
            (remainder * 100 + value) % 97
        } else {
            (remainder * 10 + value) % 97
        };
    }
    remainder == 1
}

/// US SSN area/group/serial rules: no 000, 666 or 9xx area, no 00 group, no 0000 serial.
pub fn ssn(area: u32, group: u32, serial: u32) -> bool {
    area != 0 && area != 666 && area < 900 && group != 0 && serial != 0
}

/// Shannon entropy in bits per byte.
pub fn entropy(s: &[u8]) -> f64 {
    if s.is_empty() {
        return 0.0;
    }
    let mut counts = [0u32; 256];
    for &b in s {
        if let Some(c) = counts.get_mut(usize::from(b)) {
            *c += 1;
        }
    }
    #[allow(clippy::cast_precision_loss)] // lengths far below 2^52
    let len = s.len() as f64;
    counts
        .iter()
        .filter(|c| **c > 0)
        .map(|&c| {
            let p = f64::from(c) / len;
            -p * p.log2()
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn luhn_and_brands() {
        assert!(luhn(b"4111111111111111") && card_brand(b"4111111111111111") == Some("visa"));
        assert!(luhn(b"378282246310005") && card_brand(b"378282246310005") == Some("amex"));
        assert!(luhn(b"5555555555554444") && card_brand(b"5555555555554444") == Some("mastercard"));
        assert!(luhn(b"6011111111111117") && card_brand(b"6011111111111117") == Some("discover"));
        assert!(!luhn(b"4111111111111112"));
        // Luhn-valid but no brand: an order number, not a card.
        assert!(luhn(b"1234567812345670") && card_brand(b"1234567812345670").is_none());
    }

    #[test]
    fn ibans() {
        assert!(iban(b"GB82WEST12345698765432"));
        assert!(iban(b"DE89370400440532013000"));
        assert!(!iban(b"GB82WEST12345698765433"));
        assert!(!iban(b"GB82WEST1234569876543"), "wrong length for GB");
        assert!(!iban(b"ZZ82WEST12345698765432"));
        // Session 10's countries: Russia (33 characters), Angola, a French overseas code.
        assert!(iban(b"RU0777904571522909MKQO8JFHWH2R60F"));
        assert!(iban(b"AO85620278683873806956042"));
        assert!(iban(b"RE966953920300YYX5BM61KA003"));
        assert!(!iban(b"RE966953920300YYX5BM61KA004"));
    }

    #[test]
    fn ssn_rules_and_entropy() {
        assert!(ssn(123, 45, 6789) && !ssn(666, 45, 6789) && !ssn(900, 1, 1) && !ssn(123, 0, 1));
        assert!(entropy(b"aaaaaaaaaaaaaaaa") < 0.1);
        assert!(entropy(b"q8Zt4LmX2pR7vB9nK3sW") > 4.0);
    }
}

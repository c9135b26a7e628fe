//! Base64 and hex segments that decode to text, for a second look ("SWdub3Jl..." hides "Ignore ...").

/// Shortest base64 or hex segment decoded for a second look.
const MIN_SEGMENT: usize = 16;

/// Largest encoded segment decoded for a second look.
const MAX_DECODE: usize = 64 * 1024;

/// Bytes of standard and URL-safe base64 (and so of hex), as a table: this loop sees every byte.
#[allow(clippy::indexing_slicing)] // const construction: the loop bound keeps `b` in range
const BASE64_ALPHABET: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = c.is_ascii_alphanumeric() || matches!(c, b'+' | b'/' | b'=' | b'-' | b'_');
        b += 1;
    }
    table
};

/// A byte of base64 (standard or URL-safe), and so of hex.
fn b64(b: u8) -> bool {
    BASE64_ALPHABET
        .get(usize::from(b))
        .copied()
        .unwrap_or(false)
}

/// Decoded base64 or hex segments that read as text.
pub(super) fn encoded_segments(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    // Where the last spaced-hex run read stopped: the next one starts there or later.
    let mut hex_read_to = 0;
    while i < bytes.len() {
        // A segment worth decoding is at least MIN_SEGMENT bytes long, so it covers the byte
        // MIN_SEGMENT - 1 ahead: where that byte is not base64, skip past it without looking
        // at the bytes before (prose has a space every few bytes).
        let probe = i + MIN_SEGMENT - 1;
        if !bytes.get(probe).is_some_and(|b| b64(*b)) {
            // "49 67 6e 6f 72 65 …": hex bytes spaced out, which no run of base64 covers; and
            // "73 103 110 …", decimal character codes, where a digit ends before the probe
            let hex = spaced_hex(bytes, probe, hex_read_to);
            let after_code = bytes
                .get(probe.wrapping_sub(1))
                .is_some_and(u8::is_ascii_digit)
                && code_beside(bytes, probe, probe);
            if hex.is_none() && !after_code {
                i = probe + 1;
                continue;
            }
            let decimal = decimal_codes_before(bytes, probe, hex_read_to);
            i = keep_runs(&mut out, &mut hex_read_to, [hex, decimal])
                .map_or(probe + 1, |end| end.max(i + 1));
            continue;
        }
        // The run of base64 bytes around the probe (iterators: no bounds check per byte).
        let back = bytes.get(i..probe).unwrap_or_default();
        let start = probe - back.iter().rev().take_while(|b| b64(**b)).count();
        let ahead = bytes.get(probe + 1..).unwrap_or_default();
        let end = probe + 1 + ahead.iter().take_while(|b| b64(**b)).count();
        i = end;
        let seg = bytes.get(start..end).unwrap_or_default();
        if seg.len() < MIN_SEGMENT || seg.len() > MAX_DECODE {
            // The probe on a pair of spaced hex: read the run from the separator beside the pair,
            // or a short run would be found or not depending on where the probes happened to land.
            // So is a probe on "0x49" of "0x49 0x67 …" or on "01001001" of binary.
            // (Told apart by their first bytes: most four- and eight-letter words are neither.)
            let spelled = match seg {
                [_, _] => spaced_hex_around(bytes, start, hex_read_to),
                [b'0', b'x' | b'X', _, _] => {
                    spelled_bytes(bytes, start, Spelling::Prefixed, hex_read_to)
                }
                [b'0' | b'1', ..] if seg.len() == 8 => {
                    spelled_bytes(bytes, start, Spelling::Binary, hex_read_to)
                }
                _ => None,
            };
            // "73 103 110 …": decimal character codes ("73 71 78 …" is hex too: both are read)
            let code = seg.len() <= 3
                && seg.iter().all(u8::is_ascii_digit)
                && code_beside(bytes, start, end);
            if spelled.is_none() && !code {
                continue;
            }
            let decimal = decimal_codes(bytes, start, hex_read_to);
            if let Some(run_end) = keep_runs(&mut out, &mut hex_read_to, [spelled, decimal]) {
                i = run_end.max(i);
            }
            continue;
        }
        // "49-67-6e-…": a dash is base64, so dashed hex is one long run
        if seg.get(2) == Some(&b'-') {
            if let Some((decoded, run_end)) = spaced_hex(bytes, start + 2, hex_read_to) {
                push_if_text(&mut out, decoded);
                hex_read_to = run_end;
                continue;
            }
        }
        let decoded = if seg.len() % 2 == 0 && seg.iter().all(u8::is_ascii_hexdigit) {
            hex(seg)
        } else {
            base64(seg)
        };
        if let Some(decoded) = decoded {
            push_if_text(&mut out, decoded);
        }
    }
    out
}

/// Keeps what the runs found decode to (`push_if_text`), notes how far they were read in
/// `read_to`, and returns where the furthest one ends.
#[inline(never)]
fn keep_runs(
    out: &mut Vec<String>,
    read_to: &mut usize,
    runs: [Option<(Vec<u8>, usize)>; 2],
) -> Option<usize> {
    let mut furthest = None;
    for (decoded, end) in runs.into_iter().flatten() {
        push_if_text(out, decoded);
        *read_to = (*read_to).max(end);
        furthest = furthest.max(Some(end));
    }
    furthest
}

/// Keeps `decoded` if it reads as text: printable, with a space, or itself one encoded segment
/// (base64 of base64).
fn push_if_text(out: &mut Vec<String>, decoded: Vec<u8>) {
    if let Ok(s) = String::from_utf8(decoded) {
        let printable = s
            .chars()
            .filter(|c| !c.is_control() || c.is_whitespace())
            .count();
        let encoded_again = s.len() >= MIN_SEGMENT && s.bytes().all(b64);
        if printable * 10 >= s.chars().count() * 9 && (s.contains(' ') || encoded_again) {
            out.push(s);
        }
    }
}

/// What separates the bytes of spaced-out hex: "49 67 6e", "49:67:6e", "49-67-6e".
const HEX_SEPARATORS: [u8; 3] = [b' ', b':', b'-'];

/// Hex bytes separated by single spaces (or colons, or dashes: one kind per run) around the
/// separator at `at` ("… 6e 6f 72 …"): `token_run` from the pair before it. Not before `from`,
/// where the last run read stopped: a run longer than `MAX_DECODE` is read in parts, and walking
/// back to its start each time would never get past the first part ("aB aB aB …", 100 KB of it,
/// hung the reader).
fn spaced_hex(bytes: &[u8], at: usize, from: usize) -> Option<(Vec<u8>, usize)> {
    let sep = bytes
        .get(at..at + 1)
        .filter(|sep| sep.iter().all(|b| HEX_SEPARATORS.contains(b)))?;
    let pair = Spelling::HexPair;
    pair.value(bytes, at.checked_sub(2)?)?;
    pair.value(bytes, at + 1)?;
    token_run(bytes, at - 2, pair, sep, from)
}

/// `spaced_hex` read from the separator after or before the two bytes at `pair`, if they are hex.
#[inline(never)]
fn spaced_hex_around(bytes: &[u8], pair: usize, from: usize) -> Option<(Vec<u8>, usize)> {
    if !bytes.get(pair..pair + 2)?.iter().all(u8::is_ascii_hexdigit) {
        return None;
    }
    [Some(pair + 2), pair.checked_sub(1)]
        .into_iter()
        .flatten()
        .filter(|&space| bytes.get(space).is_some_and(|b| HEX_SEPARATORS.contains(b)))
        .find_map(|space| spaced_hex(bytes, space, from))
}

/// How one byte is spelled in a run of them: a hex pair ("49"), a `0x` token ("0x49") or a
/// binary octet ("01001001").
#[derive(Clone, Copy)]
enum Spelling {
    HexPair,
    Prefixed,
    Binary,
}

impl Spelling {
    fn len(self) -> usize {
        match self {
            Spelling::HexPair => 2,
            Spelling::Prefixed => 4,
            Spelling::Binary => 8,
        }
    }

    /// The byte that the token at `k` spells.
    fn value(self, bytes: &[u8], k: usize) -> Option<u8> {
        let token = bytes.get(k..k + self.len())?;
        match (self, token) {
            (Spelling::HexPair, pair) | (Spelling::Prefixed, [b'0', b'x' | b'X', pair @ ..]) => {
                u8::try_from(hex_value(pair)?).ok()
            }
            (Spelling::Binary, _) if token.iter().all(|b| matches!(b, b'0' | b'1')) => token
                .iter()
                .try_fold(0u8, |v, b| Some(v.checked_mul(2)? | (b - b'0'))),
            _ => None,
        }
    }
}

/// The run of tokens spelled `spelling` and separated by `sep` that holds the token at `at`: back
/// to its first token (not before `from`, see `spaced_hex`), then forward to its last or until
/// `MAX_DECODE` bytes are read. The decoded bytes, if at least `MIN_SEGMENT / 2`, and where the run
/// (or the decoding) ends.
fn token_run(
    bytes: &[u8],
    at: usize,
    spelling: Spelling,
    sep: &[u8],
    from: usize,
) -> Option<(Vec<u8>, usize)> {
    let len = spelling.len();
    let step = len + sep.len();
    let mut start = at;
    while start >= from + step
        && bytes.get(start - sep.len()..start) == Some(sep)
        && spelling.value(bytes, start - step).is_some()
    {
        start -= step;
    }
    let mut decoded = Vec::new();
    let mut k = start;
    while let Some(b) = spelling.value(bytes, k) {
        decoded.push(b);
        k += len;
        // The run goes on only as "hh hh": a token glued to more digits ("6e6f") ends it.
        let goes_on = bytes.get(k..k + sep.len()) == Some(sep)
            && spelling.value(bytes, k + sep.len()).is_some();
        if !goes_on || decoded.len() * len > MAX_DECODE {
            break;
        }
        k += sep.len();
    }
    (decoded.len() >= MIN_SEGMENT / 2).then_some((decoded, k))
}

/// What separates the tokens of `spelled_bytes` and decimal codes, the longest first.
const TOKEN_SEPARATORS: [&[u8]; 3] = [b", ", b",", b" "];

/// `0x49 0x67 …` (also with commas, as in source code) or binary `01001001 01100111 …`: the run
/// of `spelling` tokens around the token at `at` (see `token_run`).
#[inline(never)]
fn spelled_bytes(
    bytes: &[u8],
    at: usize,
    spelling: Spelling,
    from: usize,
) -> Option<(Vec<u8>, usize)> {
    let len = spelling.len();
    spelling.value(bytes, at)?;
    // The run's separator: after this token, or before it if it is the run's last.
    let sep = TOKEN_SEPARATORS.into_iter().find(|sep| {
        let after = at + len;
        (bytes.get(after..after + sep.len()) == Some(sep)
            && spelling.value(bytes, after + sep.len()).is_some())
            || at.checked_sub(sep.len() + len).is_some_and(|before| {
                bytes.get(at - sep.len()..at) == Some(sep)
                    && spelling.value(bytes, before).is_some()
            })
    })?;
    token_run(bytes, at, spelling, sep, from)
}

/// A quick test before `decimal_codes`: the bytes `start..end` (a number, or the separator
/// after one) have seven bytes of codes and separators (two digits among them) on one side, as
/// any code of a run of eight has ("3 services", "1,234,567 USD", "10:30" do not).
fn code_beside(bytes: &[u8], start: usize, end: usize) -> bool {
    const SIDE: usize = 7;
    let codes = |side: Option<&[u8]>| {
        side.is_some_and(|side| {
            side.iter().all(|b| matches!(b, b'0'..=b'9' | b' ' | b','))
                && side.iter().filter(|b| b.is_ascii_digit()).count() >= 2
        })
    };
    codes(bytes.get(end..end + SIDE)) || codes(bytes.get(start.wrapping_sub(SIDE)..start))
}

/// `decimal_codes` from the code that ends right before the separator at `at` ("73| 103 …").
fn decimal_codes_before(bytes: &[u8], at: usize, from: usize) -> Option<(Vec<u8>, usize)> {
    if !matches!(bytes.get(at), Some(b' ' | b',')) {
        return None;
    }
    decimal_codes(bytes, code_ending_at(bytes, at, from)?, from)
}

/// Decimal character codes ("73 103 110 111 …", "83,97,121,…"): the run of codes of one to three
/// digits, each at most 255 and all with one separator (`TOKEN_SEPARATORS`), that holds the code
/// starting at `at`, read as `token_run` reads hex. Not before `from` (see `spaced_hex`).
#[inline(never)]
fn decimal_codes(bytes: &[u8], at: usize, from: usize) -> Option<(Vec<u8>, usize)> {
    let (_, first_end) = code_at(bytes, at)?;
    // The run's separator: after this code, or before it if it is the run's last.
    let sep_at = separator_after(bytes, first_end)
        .filter(|&n| code_at(bytes, first_end + n).is_some())
        .map(|n| first_end..first_end + n)
        .or_else(|| {
            let n = separator_before(bytes, at)?;
            code_ending_at(bytes, at.checked_sub(n)?, from).map(|_| at - n..at)
        })?;
    let sep_len = sep_at.len();
    let sep = bytes.get(sep_at)?;
    // Back to the run's first code.
    let mut start = at;
    while let Some(prev) = start
        .checked_sub(sep_len)
        .filter(|&s| bytes.get(s..start) == Some(sep))
        .and_then(|s| code_ending_at(bytes, s, from))
    {
        start = prev;
    }
    // Forward to its last code, then decode (most runs of numbers are short: no allocation).
    let mut k = start;
    let mut codes = 0;
    while let Some((_, end)) = code_at(bytes, k) {
        codes += 1;
        k = end;
        let next = k + sep_len;
        if bytes.get(k..next) != Some(sep)
            || code_at(bytes, next).is_none()
            || next - start > MAX_DECODE
        {
            break;
        }
        k = next;
    }
    if codes < MIN_SEGMENT / 2 {
        return None;
    }
    let run = bytes.get(start..k)?;
    let decoded = run
        .split(|b| !b.is_ascii_digit())
        .filter(|code| !code.is_empty())
        .map(|code| code_at(code, 0).map(|(c, _)| c))
        .collect::<Option<Vec<u8>>>()?;
    Some((decoded, k))
}

/// The length of the code separator (one of `TOKEN_SEPARATORS`) at `k`.
fn separator_after(bytes: &[u8], k: usize) -> Option<usize> {
    let rest = bytes.get(k..)?;
    TOKEN_SEPARATORS
        .into_iter()
        .find(|sep| rest.starts_with(sep))
        .map(<[u8]>::len)
}

/// The length of the code separator that ends at `k`.
fn separator_before(bytes: &[u8], k: usize) -> Option<usize> {
    let head = bytes.get(..k)?;
    TOKEN_SEPARATORS
        .into_iter()
        .find(|sep| head.ends_with(sep))
        .map(<[u8]>::len)
}

/// The code of one to three digits (at most 255) that starts at `k`, and where it ends: a whole
/// number, with no digit or letter right after it ("1024", "3rd" are no codes).
fn code_at(bytes: &[u8], k: usize) -> Option<(u8, usize)> {
    let mut value = 0u32;
    let mut end = k;
    while let Some(d) = bytes.get(end).filter(|b| b.is_ascii_digit()) {
        if end - k == 3 {
            return None;
        }
        value = value * 10 + u32::from(d - b'0');
        end += 1;
    }
    if end == k || bytes.get(end).is_some_and(u8::is_ascii_alphanumeric) {
        return None;
    }
    Some((u8::try_from(value).ok()?, end))
}

/// Where the code that ends at `end` starts, if it is a whole one (no letter or digit before it)
/// and starts at or after `from`.
fn code_ending_at(bytes: &[u8], end: usize, from: usize) -> Option<usize> {
    let mut start = end;
    while start > from && end - start < 4 && bytes.get(start - 1).is_some_and(u8::is_ascii_digit) {
        start -= 1;
    }
    let whole = !bytes
        .get(start.wrapping_sub(1))
        .is_some_and(u8::is_ascii_alphanumeric);
    (whole && code_at(bytes, start)?.1 == end).then_some(start)
}

fn hex_value(pair: &[u8]) -> Option<u32> {
    let v = |b: u8| (b as char).to_digit(16);
    Some(v(*pair.first()?)? * 16 + v(*pair.get(1)?)?)
}

fn hex(s: &[u8]) -> Option<Vec<u8>> {
    s.chunks(2)
        .map(|p| u8::try_from(hex_value(p)?).ok())
        .collect()
}

/// Standard or URL-safe base64, padding optional.
fn base64(s: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let mut acc = 0u32;
    let mut bits = 0;
    for &b in s {
        let v = match b {
            b'A'..=b'Z' => b - b'A',
            b'a'..=b'z' => b - b'a' + 26,
            b'0'..=b'9' => b - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            b'=' => break,
            _ => return None,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push(u8::try_from((acc >> bits) & 0xff).ok()?);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A short run of spaced hex (or of `0x` bytes, or of binary) is found wherever it starts:
    /// the probes land on its digits or its spaces depending on the text before it.
    #[test]
    fn spaced_hex_is_found_at_every_offset() {
        // "Ignore all", ten bytes: the shortest runs are eight pairs.
        for pairs in [
            "49 67 6e 6f 72 65 20 61 6c 6c",
            "49 67 6e 6f 72 65 20 61",
            "49:67:6e:6f:72:65:20:61",
            "49-67-6e-6f-72-65-20-61",
            "0x49 0x67 0x6e 0x6f 0x72 0x65 0x20 0x61",
            "0x49, 0x67, 0x6e, 0x6f, 0x72, 0x65, 0x20, 0x61",
            "01001001 01100111 01101110 01101111 01110010 01100101 00100000 01100001",
            "73 103 110 111 114 101 32 97",
            "73,103,110,111,114,101,32,97",
            "73, 103, 110, 111, 114, 101, 32, 97",
        ] {
            for before in 0..40 {
                for after in ["", ".", " and more text", ", 1st"] {
                    let text = format!("{}{pairs}{after}", "x".repeat(before) + " ");
                    let found = encoded_segments(&text);
                    assert!(
                        found.iter().any(|s| s.starts_with("Ignore a")),
                        "{text:?}: {found:?}"
                    );
                }
            }
        }
    }

    /// Numbers that are no character codes: too few, too large, glued to letters or digits, or
    /// mixed separators.
    #[test]
    fn decimal_codes_need_a_run_of_byte_values() {
        for text in [
            "scores: 73 103 110 111 114 101 32",
            "73 103 110 111 1014 101 32 97 108",
            "pins 73 103 110 111 114 101 32 97a",
            "73 103 110 111, 114 101 32 97 108",
            "versions 1 2 3 4 5 6 7 8 9 10 11 12",
        ] {
            let found = encoded_segments(&format!("numbers {text} end"));
            assert!(
                !found.iter().any(|s| s.contains("Igno")),
                "{text:?}: {found:?}"
            );
        }
        // Long runs are read in parts and end.
        let long = "65 32 ".repeat(20_000);
        assert!(encoded_segments(&long)
            .iter()
            .any(|s| s.starts_with("A A A")));
    }

    /// Read from any of its codes, a run decodes whole, whatever text follows its last code.
    #[test]
    fn decimal_codes_read_from_any_code() {
        for sep in [" ", ",", ", "] {
            let run = ["73", "103", "110", "111", "114", "101", "32", "97"].join(sep);
            for after in ["", " and more", ", 1st", "."] {
                let text = format!("x {run}{after}");
                let bytes = text.as_bytes();
                let mut k = 2;
                while k < 2 + run.len() {
                    let found = decimal_codes(bytes, k, 0).map(|(d, _)| d);
                    assert_eq!(found.as_deref(), Some(&b"Ignore a"[..]), "{text:?} at {k}");
                    k += bytes[k..].iter().take_while(|b| b.is_ascii_digit()).count();
                    k += bytes[k..]
                        .iter()
                        .take_while(|b| !b.is_ascii_digit())
                        .count();
                }
            }
        }
    }
}

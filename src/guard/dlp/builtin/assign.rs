//! Secrets by what they are assigned to: `name = value`, `"name": "value"`, `name := value`,
//! `setProperty("NAME", "value")`, `<name>value</name>`, where the name says secret and the value
//! looks random (or, for a password, like one a person picks).

use super::super::validate::entropy;
use super::{at, contains, placeholder, run, token_char, Builtin};
use memchr::memmem;
use std::ops::Range;

/// Names whose value is a secret (matched lowercase, with `-` and `.` read as `_`).
const SECRET_NAMES: [&[u8]; 11] = [
    b"api_key",
    b"apikey",
    b"secret",
    b"token",
    b"password",
    b"passwd",
    b"access_key",
    b"client_secret",
    b"auth",
    b"credential",
    b"private_key",
];

/// The last part of a name that says its value is not the secret itself: `credentialsId`,
/// `token_url`, `secret_length`, `key_name`, `api_version` (as gitleaks' allowlist has them).
const NOT_SECRET_ENDINGS: [&[u8]; 16] = [
    b"id",
    b"ids",
    b"url",
    b"uri",
    b"urls",
    b"endpoint",
    b"name",
    b"length",
    b"len",
    b"size",
    b"file",
    b"path",
    b"type",
    b"count",
    b"format",
    b"version",
];

/// Words in a name that say the value is public or not a credential: `publicToken`,
/// `csrf-token`, `author`, `AuthSource` (a mail header).
const NOT_SECRET_WORDS: [&[u8]; 5] = [b"public", b"csrf", b"xsrf", b"author", b"authsource"];

/// Assignment operators, read from their last byte back: `=`, `:`, `:=`, `::=`, `?=`, `.=`,
/// `+=`, `=>`.
fn operator_byte(b: u8) -> bool {
    matches!(b, b'=' | b':' | b'?' | b'.' | b'+')
}

/// Secrets assigned to secret-named names.
/// Not inlined (nor `url_passwords`): inlined into `scan`, they slowed its per-byte loop by a fifth
/// (`cargo bench --bench guard`: DLP 18.3 vs 15.1 µs per 8 KB).
#[inline(never)]
pub(super) fn assignments(
    t: &[u8],
    enabled: &dyn Fn(Builtin) -> bool,
    push: &mut dyn FnMut(Builtin, Range<usize>),
) {
    // `setProperty("NAME", "value")`: a quoted name, a comma, a quoted value. Found by the
    // quote-comma pair (a pass per quote kind): every comma of a text would cost 3% of DLP.
    let calls = memmem::find_iter(t, b"\",")
        .chain(memmem::find_iter(t, b"',"))
        .map(|quote| quote + 1)
        .filter(|&comma| {
            let v = comma + 1 + run(t, comma + 1, |b| b == b' ');
            matches!(at(t, v), b'"' | b'\'')
        });
    for op in memchr::memchr2_iter(b'=', b':', t).chain(calls) {
        let next = at(t, op + 1);
        // The operator's last byte decides (`:=` is read at its `=`); `=>` at its `=`.
        if matches!(next, b'=' | b':') {
            continue;
        }
        // The name just before the operator (its other bytes, quotes and spaces allowed around).
        let mut e = op;
        if at(t, op) != b',' {
            let mut k = 0;
            while e > 0 && k < 3 && operator_byte(at(t, e - 1)) {
                e -= 1;
                k += 1;
            }
        }
        while e > 0 && matches!(at(t, e - 1), b' ' | b'"' | b'\'' | b'\t') {
            e -= 1;
        }
        let Some((s, name_buf, len)) = name_before(t, e) else {
            continue;
        };
        let name = name_buf.get(..len).unwrap_or_default();
        // `var apiToken string = "…"`: a type between the name and the operator.
        let (name_buf, len) = if matches!(name, b"string" | b"str") {
            let mut e2 = s;
            while e2 > 0 && at(t, e2 - 1) == b' ' {
                e2 -= 1;
            }
            match name_before(t, e2) {
                Some((_, b, l)) => (b, l),
                None => continue,
            }
        } else {
            (name_buf, len)
        };
        let name = name_buf.get(..len).unwrap_or_default();
        if !secret_name(name) {
            continue;
        }
        let mut v = op + 1;
        if at(t, v) == b'>' {
            v += 1; // `=>`
        }
        v += run(t, v, |b| matches!(b, b' ' | b'"' | b'\'' | b'`'));
        value_at(t, v, name, enabled, push);
    }
    if enabled(Builtin::GenericSecret) {
        xml_elements(t, push);
    }
}

/// The name that ends at `e` (token characters and dots, at most 64), lowercased with `-` and
/// `.` read as `_`: its start, the buffer and its length.
fn name_before(t: &[u8], e: usize) -> Option<(usize, [u8; 64], usize)> {
    let mut s = e;
    while s > 0 && (token_char(at(t, s - 1)) || at(t, s - 1) == b'.') && e - s < 64 {
        s -= 1;
    }
    let raw = t.get(s..e).unwrap_or_default();
    let mut buf = [0u8; 64];
    let name = buf.get_mut(..raw.len())?;
    for (dst, src) in name.iter_mut().zip(raw) {
        *dst = match src.to_ascii_lowercase() {
            b'-' | b'.' => b'_',
            b => b,
        };
    }
    (!raw.is_empty()).then_some((s, buf, raw.len()))
}

/// The name says its value is a secret, and nothing in it says otherwise.
fn secret_name(name: &[u8]) -> bool {
    SECRET_NAMES.iter().any(|n| contains(name, n))
        && !NOT_SECRET_WORDS.iter().any(|w| contains(name, w))
        && !NOT_SECRET_ENDINGS.iter().any(|ending| {
            // The ending is a part of its own: after `_`, or right after a secret word (camel
            // case is lost in lowercasing: `credentialsId`, `tokenUrl`).
            let head = name
                .strip_suffix(*ending)
                .unwrap_or(name.get(..0).unwrap_or_default());
            let head = head.strip_suffix(b"s").unwrap_or(head);
            name.ends_with(ending)
                && (head.is_empty()
                    || head.ends_with(b"_")
                    || SECRET_NAMES.iter().any(|n| head.ends_with(n)))
        })
}

/// The value at `v` assigned to `name`: an AWS secret key, a generic secret, or nothing.
fn value_at(
    t: &[u8],
    v: usize,
    name: &[u8],
    enabled: &dyn Fn(Builtin) -> bool,
    push: &mut dyn FnMut(Builtin, Range<usize>),
) {
    // A password may hold any printable symbol; other secrets are token-like.
    let password = contains(name, b"pass");
    let value_char = |b: u8| {
        b.is_ascii_alphanumeric()
            || matches!(b, b'_' | b'-' | b'+' | b'/' | b'=' | b'.' | b'~')
            || (password
                && b.is_ascii_punctuation()
                && !matches!(b, b'"' | b'\'' | b'`' | b',' | b';'))
    };
    let len = run(t, v, value_char);
    let value = t.get(v..v + len).unwrap_or_default();
    // A vendor's token (`xoxp-…`, `ghp_…`) is its own detector's to judge: one it turned down
    // as a placeholder is not a generic secret either.
    if super::rules().any(|rule| value.starts_with(rule.1)) {
        return;
    }
    // AWS secret keys are exactly 40 base64 characters under a secret-ish name; AWS's own
    // documentation example (`…EXAMPLEKEY`) counts, so no placeholder filter here.
    let aws = contains(name, b"aws") || contains(name, b"secret");
    if aws && len == 40 && enabled(Builtin::AwsSecretKey) && entropy(value) > 4.0 {
        push(Builtin::AwsSecretKey, v..v + len);
    } else if enabled(Builtin::GenericSecret)
        && (looks_random(value) || (password && looks_like_password(value)))
    {
        push(Builtin::GenericSecret, v..v + len);
    }
}

/// `<apiToken>value</apiToken>` (whitespace around the value allowed): found from the closing
/// tag, which prose rarely has.
fn xml_elements(t: &[u8], push: &mut dyn FnMut(Builtin, Range<usize>)) {
    for close in memmem::find_iter(t, b"</") {
        let tag_start = close + 2;
        let tag_len = run(t, tag_start, |b| token_char(b) || b == b'.');
        if tag_len == 0 || at(t, tag_start + tag_len) != b'>' {
            continue;
        }
        let Some((_, buf, len)) = name_before(t, tag_start + tag_len) else {
            continue;
        };
        let name = buf.get(..len).unwrap_or_default();
        if !secret_name(name) {
            continue;
        }
        // The opening tag right before the value: `<tag>` then whitespace, value, whitespace.
        let mut e = close;
        while e > 0 && at(t, e - 1).is_ascii_whitespace() {
            e -= 1;
        }
        let mut s = e;
        while s > 0 && !matches!(at(t, s - 1), b'>' | b'<') && !at(t, s - 1).is_ascii_whitespace() {
            s -= 1;
        }
        let mut open = s;
        while open > 0 && at(t, open - 1).is_ascii_whitespace() {
            open -= 1;
        }
        let tag = t.get(tag_start..tag_start + tag_len).unwrap_or_default();
        let opened = open > tag_len + 1
            && at(t, open - 1) == b'>'
            && t.get(open - 1 - tag_len..open - 1) == Some(tag)
            && at(t, open - 2 - tag_len) == b'<';
        let value = t.get(s..e).unwrap_or_default();
        if opened && looks_random(value) {
            push(Builtin::GenericSecret, s..e);
        }
    }
}

/// A value that is a real secret, not a placeholder, a word, a path, a version or a host name.
fn looks_random(v: &[u8]) -> bool {
    if v.len() < 16 || v.len() > 512 {
        return false;
    }
    let digits = v.iter().filter(|b| b.is_ascii_digit()).count();
    let letters = v.iter().filter(|b| b.is_ascii_alphabetic()).count();
    digits >= 2
        && letters >= 4
        && !placeholder(v)
        && !versioned(v)
        && !host_name(v)
        && entropy(v) >= 3.5
}

/// Has a dotted version (`jjwt-jackson-0.11.2`): an artifact, not a secret.
fn versioned(v: &[u8]) -> bool {
    v.split(|b| !(b.is_ascii_digit() || *b == b'.')).any(|run| {
        let parts = run.split(|b| *b == b'.');
        parts.clone().count() >= 3 && parts.into_iter().all(|p| !p.is_empty())
    })
}

/// Dotted labels ending in an alphabetic top-level domain (`sm02915.int.contoso.com`).
fn host_name(v: &[u8]) -> bool {
    let labels = v.split(|b| *b == b'.');
    let mut n = 0;
    let mut last: &[u8] = &[];
    for label in labels {
        if label.is_empty()
            || !label
                .iter()
                .all(|b| b.is_ascii_alphanumeric() || *b == b'-')
        {
            return false;
        }
        n += 1;
        last = label;
    }
    n >= 3 && (2..=6).contains(&last.len()) && last.iter().all(u8::is_ascii_alphabetic)
}

/// The value of a `password` field: shorter than an API key, but a mix a person picks for a
/// password — letters, a digit, and a symbol or both cases ("Tr0ub4dor&3"), not a word, a
/// placeholder or an environment lookup.
fn looks_like_password(v: &[u8]) -> bool {
    if v.len() < 8 || v.len() > 128 {
        return false;
    }
    let has = |f: fn(&u8) -> bool| v.iter().any(f);
    has(u8::is_ascii_digit)
        && has(u8::is_ascii_alphabetic)
        && (has(u8::is_ascii_punctuation)
            || (has(u8::is_ascii_uppercase) && has(u8::is_ascii_lowercase)))
        && !placeholder(v)
}

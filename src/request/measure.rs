//! Measures the text a model will read (strings inside `messages`, `prompt`, `input`, `tools`...)
//! in one pass over the raw JSON, without building a tree or going through serde: the body was
//! validated when its top level was read (`body::TopLevel`), so a byte scanner suffices and runs
//! a fraction of serde's code per request. Binary payloads (images, audio, files) are skipped by
//! key: they are not prompt text and would inflate the estimate.

use serde_json::value::RawValue;

/// Keys whose values are media or file data, not text.
const SKIPPED_KEYS: [&str; 6] = [
    "image_url",
    "input_audio",
    "file",
    "file_data",
    "audio",
    "image",
];

/// Sums the UTF-8 bytes of every string value under `raw` (keys excluded), skipping media.
///
/// ```
/// use llm_policy_router::request::measure::text_bytes;
/// let raw = serde_json::from_str::<Box<serde_json::value::RawValue>>(
///     r#"[{"role":"user","content":[{"type":"text","text":"héllo"},{"type":"image_url","image_url":{"url":"data:..."}}]}]"#).unwrap();
/// // "user" (4) + "text" (4) + "héllo" (6) + "image_url" (9); the url is skipped
/// assert_eq!(text_bytes(&raw).unwrap(), 23);
/// ```
pub fn text_bytes(raw: &RawValue) -> Result<u64, MalformedText> {
    walk(raw).map(|w| w.text_bytes)
}

/// What one pass over an input value (`messages`, `prompt`, `input`) found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Walked {
    pub text_bytes: u64,
    /// The number of elements, if the value is an array.
    pub items: Option<u64>,
    /// Every element of the array is an object (vacuously true for an empty array).
    pub all_objects: bool,
}

/// Deeper nesting is refused, as serde's recursion limit refused it (media values excepted: serde
/// skipped those without recursing).
const MAX_DEPTH: usize = 127;

/// Text the scanner cannot measure: an escape that is not valid JSON, a lone surrogate (serde
/// refuses both for a Rust string) or nesting beyond `MAX_DEPTH`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MalformedText;

/// Measures `raw` in one pass: text bytes, and its shape if it is an array.
///
/// ```
/// use llm_policy_router::request::measure::walk;
/// let raw = serde_json::from_str::<Box<serde_json::value::RawValue>>(r#"[{"content":"hi"},"x"]"#).unwrap();
/// let w = walk(&raw).unwrap();
/// assert_eq!((w.text_bytes, w.items, w.all_objects), (3, Some(2), false));
/// ```
pub fn walk(raw: &RawValue) -> Result<Walked, MalformedText> {
    let mut s = Scanner {
        b: raw.get().as_bytes(),
        i: 0,
    };
    let root_array = s.b.first() == Some(&b'[');
    let mut shape = Walked {
        all_objects: true,
        ..Walked::default()
    };
    let mut items = 0u64;
    let mut depth = 0usize;
    while let Some(&c) = s.b.get(s.i) {
        // An element of the root array starts here (depth 1 is inside the root's brackets).
        let element =
            root_array && depth == 1 && !matches!(c, b']' | b',' | b' ' | b'\t' | b'\n' | b'\r');
        if element {
            items += 1;
            shape.all_objects &= c == b'{';
        }
        match c {
            b'{' | b'[' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(MalformedText);
                }
                s.i += 1;
            }
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                s.i += 1;
            }
            b'"' => {
                let start = s.i;
                let len = s.string()?;
                let key = s.b.get(start + 1..s.i - 1).unwrap_or_default();
                s.skip_whitespace();
                if s.b.get(s.i) == Some(&b':') {
                    s.i += 1;
                    if is_skipped_key(key) {
                        s.skip_whitespace();
                        s.skip_value()?;
                    }
                } else {
                    shape.text_bytes = shape.text_bytes.saturating_add(len);
                }
            }
            b',' | b':' | b' ' | b'\t' | b'\n' | b'\r' => s.i += 1,
            _ => s.skip_scalar(),
        }
    }
    if root_array {
        shape.items = Some(items);
    }
    Ok(shape)
}

/// `key` is the raw text between the quotes; a key with escapes is decoded first.
fn is_skipped_key(key: &[u8]) -> bool {
    if !key.contains(&b'\\') {
        return SKIPPED_KEYS.iter().any(|k| k.as_bytes() == key);
    }
    let mut quoted = Vec::with_capacity(key.len() + 2);
    quoted.push(b'"');
    quoted.extend_from_slice(key);
    quoted.push(b'"');
    serde_json::from_slice::<String>(&quoted).is_ok_and(|k| SKIPPED_KEYS.contains(&k.as_str()))
}

struct Scanner<'a> {
    b: &'a [u8],
    i: usize,
}

impl Scanner<'_> {
    fn skip_whitespace(&mut self) {
        while self
            .b
            .get(self.i)
            .is_some_and(|c| matches!(c, b' ' | b'\t' | b'\n' | b'\r'))
        {
            self.i += 1;
        }
    }

    /// A number, `true`, `false` or `null`: up to the next delimiter.
    fn skip_scalar(&mut self) {
        while self
            .b
            .get(self.i)
            .is_some_and(|c| !matches!(c, b',' | b']' | b'}' | b' ' | b'\t' | b'\n' | b'\r'))
        {
            self.i += 1;
        }
    }

    /// A whole value (the value of a skipped key), nested containers included, without recursion.
    fn skip_value(&mut self) -> Result<(), MalformedText> {
        let mut depth = 0usize;
        loop {
            match self.b.get(self.i) {
                None => return Ok(()),
                Some(b'"') => {
                    self.string()?;
                }
                Some(b'{' | b'[') => {
                    depth += 1;
                    self.i += 1;
                }
                Some(b'}' | b']') => {
                    depth = depth.saturating_sub(1);
                    self.i += 1;
                }
                Some(b',' | b':' | b' ' | b'\t' | b'\n' | b'\r') => self.i += 1,
                Some(_) => self.skip_scalar(),
            }
            if depth == 0 {
                return Ok(());
            }
        }
    }

    /// The string starting at the current `"`: moves past its closing quote and returns its
    /// length in UTF-8 once unescaped.
    fn string(&mut self) -> Result<u64, MalformedText> {
        self.i += 1;
        let mut len = 0u64;
        loop {
            let rest = self.b.get(self.i..).unwrap_or_default();
            let Some(at) = memchr::memchr2(b'"', b'\\', rest) else {
                return Err(MalformedText);
            };
            len += at as u64;
            self.i += at;
            if self.b.get(self.i) == Some(&b'"') {
                self.i += 1;
                return Ok(len);
            }
            len += self.escape()?;
        }
    }

    /// The escape at the current `\\`: moves past it and returns its length once unescaped.
    fn escape(&mut self) -> Result<u64, MalformedText> {
        let kind = self.b.get(self.i + 1).copied().ok_or(MalformedText)?;
        if kind != b'u' {
            self.i += 2;
            return match kind {
                b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => Ok(1),
                _ => Err(MalformedText),
            };
        }
        let unit = self.hex4(self.i + 2)?;
        self.i += 6;
        match unit {
            0..=0x7f => Ok(1),
            0x80..=0x7ff => Ok(2),
            // A leading surrogate counts only with its trailing half: 4 bytes for the pair.
            0xd800..=0xdbff => {
                let trailing = (self.b.get(self.i..self.i + 2) == Some(b"\\u"))
                    .then(|| self.hex4(self.i + 2))
                    .transpose()?;
                match trailing {
                    Some(0xdc00..=0xdfff) => {
                        self.i += 6;
                        Ok(4)
                    }
                    _ => Err(MalformedText),
                }
            }
            0xdc00..=0xdfff => Err(MalformedText),
            _ => Ok(3),
        }
    }

    fn hex4(&self, at: usize) -> Result<u32, MalformedText> {
        let digits = self.b.get(at..at + 4).ok_or(MalformedText)?;
        digits.iter().try_fold(0u32, |acc, &d| {
            let v = (d as char).to_digit(16).ok_or(MalformedText)?;
            Ok(acc * 16 + v)
        })
    }
}

#[cfg(test)]
mod tests;

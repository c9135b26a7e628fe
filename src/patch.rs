//! The body patcher: splices edits into the original bytes at offsets taken from the borrowed
//! parse, so everything the gateway did not change reaches the provider byte-identical and no
//! JSON tree is re-serialised. Used for the model rewrite and for removing gateway-only fields;
//! redaction and `stream_options` will reuse it.

use std::ops::Range;

#[derive(Debug, Clone, PartialEq, Eq)]
struct Edit {
    range: Range<usize>,
    replacement: Vec<u8>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PatchError {
    /// An offset fell outside the body or inside a non-member.
    BadOffset,
    /// Two edits that are not both deletions overlap.
    Overlap,
}

/// A set of edits to one body.
#[derive(Debug, Default, Clone)]
pub struct Patch {
    edits: Vec<Edit>,
}

impl Patch {
    pub fn is_empty(&self) -> bool {
        self.edits.is_empty()
    }

    /// A patch of whole-range replacements (guardrail redactions: range → new bytes).
    pub fn from_edits(edits: &[(Range<usize>, Vec<u8>)]) -> Self {
        let mut patch = Patch::default();
        for (range, bytes) in edits {
            patch.replace(range.clone(), bytes);
        }
        patch
    }

    /// Replaces `range` with `bytes`.
    pub fn replace(&mut self, range: Range<usize>, bytes: &[u8]) {
        self.edits.push(Edit {
            range,
            replacement: bytes.to_vec(),
        });
    }

    /// Removes the object member whose value occupies `value` (from `TopLevel::span`), with its
    /// key and one separating comma, leaving valid JSON.
    pub fn remove_member(&mut self, body: &[u8], value: Range<usize>) -> Result<(), PatchError> {
        let range = member_removal(body, value)?;
        self.edits.push(Edit {
            range,
            replacement: Vec::new(),
        });
        Ok(())
    }

    /// Replaces a whole member (key and value) with `member`, e.g. `"model":"x"`.
    pub fn replace_member(
        &mut self,
        body: &[u8],
        value: Range<usize>,
        member: &[u8],
    ) -> Result<(), PatchError> {
        let key_start = key_start(body, value.start)?;
        self.edits.push(Edit {
            range: key_start..value.end,
            replacement: member.to_vec(),
        });
        Ok(())
    }

    /// Applies every edit. Deletions that touch or are separated only by whitespace merge; a
    /// deletion that leaves the object's first member position then also takes the following
    /// comma, so removing any set of members keeps the JSON valid.
    ///
    /// ```
    /// use llm_policy_router::patch::Patch;
    /// let body = br#"{"model":"a","x":1}"#;
    /// let mut p = Patch::default();
    /// p.replace(9..12, br#""b""#);
    /// assert_eq!(p.apply(body).unwrap(), br#"{"model":"b","x":1}"#);
    /// ```
    pub fn apply(mut self, body: &[u8]) -> Result<Vec<u8>, PatchError> {
        self.edits.sort_by_key(|e| (e.range.start, e.range.end));
        let mut merged: Vec<Edit> = Vec::with_capacity(self.edits.len());
        for edit in self.edits {
            if edit.range.start > edit.range.end || edit.range.end > body.len() {
                return Err(PatchError::BadOffset);
            }
            match merged.last_mut() {
                Some(prev)
                    if prev.replacement.is_empty()
                        && edit.replacement.is_empty()
                        && only_ws_between(body, prev.range.end, edit.range.start) =>
                {
                    prev.range.end = prev.range.end.max(edit.range.end);
                }
                Some(prev) if edit.range.start < prev.range.end => return Err(PatchError::Overlap),
                _ => merged.push(edit),
            }
        }
        for edit in merged.iter_mut().filter(|e| e.replacement.is_empty()) {
            let opens_object =
                prev_token(body, edit.range.start).and_then(|i| body.get(i)) == Some(&b'{');
            let next = next_token(body, edit.range.end);
            if let (true, Some(comma)) =
                (opens_object, next.filter(|i| body.get(*i) == Some(&b',')))
            {
                edit.range.end = comma + 1;
            }
        }
        let added: usize = merged.iter().map(|e| e.replacement.len()).sum();
        let mut out = Vec::with_capacity(body.len() + added);
        let mut at = 0;
        for edit in &merged {
            out.extend_from_slice(
                body.get(at..edit.range.start)
                    .ok_or(PatchError::BadOffset)?,
            );
            out.extend_from_slice(&edit.replacement);
            at = edit.range.end;
        }
        out.extend_from_slice(body.get(at..).ok_or(PatchError::BadOffset)?);
        Ok(out)
    }
}

fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

/// Index of the last non-whitespace byte before `end`.
fn prev_token(body: &[u8], end: usize) -> Option<usize> {
    body.get(..end)?.iter().rposition(|b| !is_ws(*b))
}

/// Start of the key (its opening quote) of the member whose value starts at `value_start`.
fn key_start(body: &[u8], value_start: usize) -> Result<usize, PatchError> {
    let colon = prev_token(body, value_start).ok_or(PatchError::BadOffset)?;
    if body.get(colon) != Some(&b':') {
        return Err(PatchError::BadOffset);
    }
    let close = prev_token(body, colon).ok_or(PatchError::BadOffset)?;
    if body.get(close) != Some(&b'"') {
        return Err(PatchError::BadOffset);
    }
    // The opening quote is the nearest earlier quote preceded by an even number of backslashes.
    let mut i = close;
    while i > 0 {
        i -= 1;
        if body.get(i) == Some(&b'"') {
            let slashes = body
                .get(..i)
                .map_or(0, |b| b.iter().rev().take_while(|c| **c == b'\\').count());
            if slashes % 2 == 0 {
                return Ok(i);
            }
        }
    }
    Err(PatchError::BadOffset)
}

/// Index of the first non-whitespace byte at or after `start`.
fn next_token(body: &[u8], start: usize) -> Option<usize> {
    body.get(start..)?
        .iter()
        .position(|b| !is_ws(*b))
        .map(|p| start + p)
}

fn only_ws_between(body: &[u8], from: usize, to: usize) -> bool {
    from >= to
        || body
            .get(from..to)
            .is_some_and(|gap| gap.iter().all(|b| is_ws(*b)))
}

/// A member with the comma before it; the first member alone (see `apply` for its comma).
fn member_removal(body: &[u8], value: Range<usize>) -> Result<Range<usize>, PatchError> {
    let start = key_start(body, value.start)?;
    let before = prev_token(body, start).ok_or(PatchError::BadOffset)?;
    match body.get(before) {
        Some(b',') => Ok(before..value.end),
        Some(b'{') => Ok(start..value.end),
        _ => Err(PatchError::BadOffset),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::request::body::TopLevel;

    fn remove(body: &str, keys: &[&str]) -> String {
        let bytes = body.as_bytes();
        let top = TopLevel::parse(bytes).unwrap();
        let mut p = Patch::default();
        for k in keys {
            p.remove_member(bytes, top.span(bytes, k).unwrap()).unwrap();
        }
        let out = String::from_utf8(p.apply(bytes).unwrap()).unwrap();
        serde_json::from_str::<serde_json::Value>(&out).unwrap_or_else(|e| panic!("{out}: {e}"));
        out
    }

    #[test]
    fn removes_first_middle_last_and_only_members() {
        assert_eq!(remove(r#"{"a":1,"b":2,"c":3}"#, &["a"]), r#"{"b":2,"c":3}"#);
        assert_eq!(remove(r#"{"a":1,"b":2,"c":3}"#, &["b"]), r#"{"a":1,"c":3}"#);
        assert_eq!(remove(r#"{"a":1,"b":2,"c":3}"#, &["c"]), r#"{"a":1,"b":2}"#);
        assert_eq!(remove(r#"{"a":1}"#, &["a"]), r#"{}"#);
        assert_eq!(remove(r#"{"a":1,"b":2}"#, &["a", "b"]), r#"{}"#);
        assert_eq!(remove(r#"{"a":1,"b":2,"c":3}"#, &["a", "b"]), r#"{"c":3}"#);
        assert_eq!(remove(r#"{"a":1,"b":2,"c":3}"#, &["a", "c"]), r#"{"b":2}"#);
        assert_eq!(remove(r#"{"a":1,"b":2,"c":3}"#, &["b", "c"]), r#"{"a":1}"#);
        assert_eq!(remove(r#"{"a":1,"b":2,"c":3}"#, &["a", "b", "c"]), r#"{}"#);
    }

    #[test]
    fn every_subset_of_members_can_be_removed() {
        let keys = ["a", "b", "c", "d", "e"];
        for spacing in ["", " ", "\n  "] {
            let members: Vec<String> = keys
                .iter()
                .map(|k| {
                    format!("{spacing}\"{k}\"{spacing}:{spacing}[1,{{\"x\":\"}}\"}}]{spacing}")
                })
                .collect();
            let body = format!("{{{}}}", members.join(","));
            for mask in 0u32..(1 << keys.len()) {
                let removed: Vec<&str> = keys
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| mask & (1 << i) != 0)
                    .map(|(_, k)| *k)
                    .collect();
                let out = remove(&body, &removed);
                let v: serde_json::Value = serde_json::from_str(&out).unwrap();
                let left: Vec<&String> = v.as_object().unwrap().keys().collect();
                let expected: Vec<&str> = keys
                    .iter()
                    .copied()
                    .filter(|k| !removed.contains(k))
                    .collect();
                assert_eq!(left, expected, "{body} minus {removed:?} = {out}");
            }
        }
    }

    #[test]
    fn whitespace_and_escaped_keys_are_handled() {
        assert_eq!(
            remove("{ \"a\" : {\"x\":[1]} ,\n \"b\" : 2 }", &["a"]),
            "{ \n \"b\" : 2 }"
        );
        assert_eq!(
            remove("{ \"a\" : 1 , \"b\" : 2 , \"c\": 3}", &["a", "b"]),
            "{  \"c\": 3}"
        );
        let out = remove(
            r#"{"x\"y":1,"pro\u0076ider":{"a":"\"}"},"z":2}"#,
            &["provider"],
        );
        assert_eq!(out, r#"{"x\"y":1,"z":2}"#);
        let out = remove(r#"{"k\\":1,"b":2}"#, &["b"]);
        assert_eq!(out, r#"{"k\\":1}"#);
    }

    #[test]
    fn replace_member_and_overlap_errors() {
        let body = br#"{"models":["a","b"],"x":1}"#;
        let top = TopLevel::parse(body).unwrap();
        let mut p = Patch::default();
        p.replace_member(body, top.span(body, "models").unwrap(), br#""model":"up""#)
            .unwrap();
        assert_eq!(p.apply(body).unwrap(), br#"{"model":"up","x":1}"#);
        let mut p = Patch::default();
        p.replace(1..5, b"x");
        p.replace(3..6, b"y");
        assert_eq!(p.apply(body), Err(PatchError::Overlap));
        let mut p = Patch::default();
        p.replace(1..500, b"x");
        assert_eq!(p.apply(body), Err(PatchError::BadOffset));
    }
}

//! Comments in the policy document (`//` to end of line, `/* ... */`), so the example can explain
//! itself. They are blanked out with spaces, which keeps serde's line and column numbers right.

use std::borrow::Cow;

/// The document with comments replaced by spaces (newlines kept).
///
/// ```
/// use llm_policy_router::config::jsonc::blank_comments;
/// let out = blank_comments(b"{\"a\": \"//not\" // yes\n}");
/// assert_eq!(&*out, b"{\"a\": \"//not\"       \n}");
/// ```
pub fn blank_comments(input: &[u8]) -> Cow<'_, [u8]> {
    if !input.contains(&b'/') {
        return Cow::Borrowed(input);
    }
    let mut out = input.to_vec();
    let (mut i, mut in_string) = (0, false);
    while i < out.len() {
        let (c, next) = (out.get(i).copied().unwrap_or(0), out.get(i + 1).copied());
        if in_string {
            match c {
                b'\\' => i += 1,
                b'"' => in_string = false,
                _ => {}
            }
        } else if c == b'"' {
            in_string = true;
        } else if c == b'/' && next == Some(b'/') {
            while out.get(i).is_some_and(|b| *b != b'\n') {
                blank(&mut out, i);
                i += 1;
            }
            continue;
        } else if c == b'/' && next == Some(b'*') {
            blank(&mut out, i);
            blank(&mut out, i + 1);
            i += 2;
            while i < out.len() && !(out.get(i) == Some(&b'*') && out.get(i + 1) == Some(&b'/')) {
                blank(&mut out, i);
                i += 1;
            }
            blank(&mut out, i);
            blank(&mut out, i + 1);
            i += 2;
            continue;
        }
        i += 1;
    }
    Cow::Owned(out)
}

fn blank(out: &mut [u8], i: usize) {
    if let Some(b) = out.get_mut(i) {
        if *b != b'\n' {
            *b = b' ';
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn block_comments_and_escaped_quotes() {
        let src = b"{/* a\nb */\"k\\\"//\": 1 /* unterminated";
        let out = blank_comments(src);
        assert_eq!(out.len(), src.len(), "blanking keeps every offset");
        let expected_prefix = b"{    \n    \"k\\\"//\": 1 ";
        assert_eq!(&out[..expected_prefix.len()], expected_prefix);
        assert!(out[expected_prefix.len()..].iter().all(|b| *b == b' '));
    }
}

//! Where the token literals (`ghp_`, `sk-`, `AKIA`, `-----BEGIN `, …) occur in a text: the
//! anchors the token detectors start from, as (index into `literals()`, start).
//!
//! Natively one Aho-Corasick pass (its vectorised prefilter). In wasm the automaton has no
//! vectorised prefilter and walks every byte, so wasm searches with SIMD128 instead: one pass for
//! `_` and `-`, which most literals contain, checking the literals around each hit, and one
//! substring search per remaining literal (9 passes instead of 27: one search per literal cost
//! ~13% of a guarded 2 KB request in V8, `bench/profile_wasm.sh`). Both find the same valid
//! anchors: no valid anchor starts inside another (every one but the PEM line ends in a token
//! character, and prefixes need a boundary before them), so the extra overlapping hits a
//! per-literal search reports are rejected by the detectors either way.

use super::literals;
use memchr::memmem;
use std::sync::OnceLock;

#[cfg(not(target_arch = "wasm32"))]
pub(super) fn for_each_anchor(t: &[u8], mut found: impl FnMut(usize, usize)) {
    static ANCHORS: OnceLock<Option<aho_corasick::AhoCorasick>> = OnceLock::new();
    let anchors = ANCHORS.get_or_init(|| {
        aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostFirst)
            .build(literals())
            .ok()
    });
    for m in anchors.iter().flat_map(|a| a.find_iter(t)) {
        found(m.pattern().as_usize(), m.start());
    }
}

#[cfg(target_arch = "wasm32")]
pub(super) fn for_each_anchor(t: &[u8], found: impl FnMut(usize, usize)) {
    by_separator(t, found);
}

/// A literal with a `_` or `-`, found from its first one.
struct Separated {
    index: usize,
    literal: &'static [u8],
    /// Offset of the first `_` or `-` in `literal` (at least 1 except for the PEM line).
    at: usize,
}

struct Searchers {
    separated: Vec<Separated>,
    /// The literals without `_` or `-`, each with its substring searcher.
    plain: Vec<(usize, memmem::Finder<'static>)>,
}

fn searchers() -> &'static Searchers {
    static SEARCHERS: OnceLock<Searchers> = OnceLock::new();
    SEARCHERS.get_or_init(|| {
        let mut separated = Vec::new();
        let mut plain = Vec::new();
        for (index, literal) in literals().enumerate() {
            match literal.iter().position(|b| matches!(b, b'_' | b'-')) {
                Some(at) => separated.push(Separated { index, literal, at }),
                None => plain.push((index, memmem::Finder::new(literal))),
            }
        }
        Searchers { separated, plain }
    })
}

/// Every occurrence of every literal (overlapping ones included), by the separator pass and the
/// remaining substring searches.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub(super) fn by_separator(t: &[u8], mut found: impl FnMut(usize, usize)) {
    let searchers = searchers();
    for pos in memchr::memchr2_iter(b'_', b'-', t) {
        let separator = t.get(pos).copied();
        // The byte before the separator rules out nearly every literal at once.
        let before = pos.checked_sub(1).and_then(|k| t.get(k)).copied();
        for s in &searchers.separated {
            if s.literal.get(s.at).copied() != separator
                || (s.at > 0 && s.literal.get(s.at - 1).copied() != before)
            {
                continue;
            }
            let Some(start) = pos.checked_sub(s.at) else {
                continue;
            };
            if t.get(start..)
                .is_some_and(|rest| rest.starts_with(s.literal))
            {
                found(s.index, start);
            }
        }
    }
    for (index, finder) in &searchers.plain {
        for start in finder.find_iter(t) {
            found(*index, start);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The separator pass finds exactly what one substring search per literal finds.
    #[test]
    fn separator_pass_finds_what_per_literal_searches_find() {
        let mut texts: Vec<String> = literals()
            .map(|l| {
                let l = String::from_utf8_lossy(l);
                format!("x {l}abc _{l}{l} -{l}- a_b-c {l}")
            })
            .collect();
        for file in ["dlp.jsonl", "injection.jsonl", "agent_prompts_benign.jsonl"] {
            let set = std::fs::read_to_string(format!("tests/guard_eval/{file}")).expect("set");
            texts.extend(set.lines().map(str::to_owned));
        }
        texts.push("-----BEGIN RSA PRIVATE KEY----- sk-- sk_live_sk_test_ ghp__ _-_-".into());
        let mut hits = 0;
        for text in &texts {
            let t = text.as_bytes();
            let mut expected: Vec<(usize, usize)> = literals()
                .enumerate()
                .flat_map(|(i, l)| memmem::find_iter(t, l).map(move |s| (i, s)))
                .collect();
            let mut got = Vec::new();
            by_separator(t, |i, s| got.push((i, s)));
            expected.sort_unstable();
            got.sort_unstable();
            assert_eq!(got, expected, "{text}");
            hits += got.len();
        }
        assert!(hits > 100, "{hits}");
    }
}

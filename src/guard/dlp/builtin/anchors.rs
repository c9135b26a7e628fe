//! Where the token literals (`ghp_`, `sk-`, `AKIA`, `-----BEGIN `, …) occur in a text: the
//! anchors the token detectors start from, as (index into `literals()`, start).
//!
//! Natively one Aho-Corasick pass for the keys' literals (its vectorised prefilter) and the
//! separator pass below for the platforms' prefixes. In wasm the automaton has no
//! vectorised prefilter and walks every byte, so wasm searches with SIMD128 instead: one pass for
//! `_`, `-` and `.`, which most literals contain, checking the literals with that separator
//! around each hit, one pass for `A`, `J` and `~` for the literals without a separator that hold
//! one (`AKIA`, `AIza`, `eyJ`; session 21: a guarded 2 KB request 30.5–31.3 → 29.4–30.4 µs in V8),
//! and one substring search per remaining literal (one search per literal cost ~13% of a guarded
//! 2 KB request in V8, `bench/profile_wasm.sh`; session 10's platform tokens added 11 literals
//! without `_` or `-`, +2.2 µs until `.` joined the pass). Both find the same valid
//! anchors: prefixes need a word boundary before them, so no valid anchor starts inside another
//! literal's match, and the extra overlapping hits a per-literal search reports (`eyJ` inside a
//! Grafana key's `eyJrIjoi`) are rejected by the detectors either way.

use super::literals;
#[cfg(not(target_arch = "wasm32"))]
use super::KEY_LITERALS;
use memchr::memmem;
use std::sync::OnceLock;

/// Natively: one Aho-Corasick pass for the keys' literals and the platform prefixes without a
/// `_` or `-` (`hvs.`, `SG.`, `dapi`: a `.` ends most sentences, too many hits for the separator
/// pass, and a substring search each cost more), and the separator pass over `_` and `-` for the
/// other platform prefixes. Teddy, the automaton's
/// vectorised prefilter, takes at most 64 patterns: all 92 literals in one automaton walked every
/// byte (DLP +50% instructions), two automata checked too many candidates (+29%).
#[cfg(not(target_arch = "wasm32"))]
pub(super) fn for_each_anchor(t: &[u8], mut found: impl FnMut(usize, usize)) {
    /// The automaton and, per pattern, its index into `literals()`.
    type Keys = Option<(aho_corasick::AhoCorasick, Vec<usize>)>;
    static KEYS: OnceLock<Keys> = OnceLock::new();
    static PLATFORMS: OnceLock<Searchers> = OnceLock::new();
    let keys = KEYS.get_or_init(|| {
        // The platforms' first: at one start the earlier pattern wins, and a Grafana key's
        // `eyJrIjoi` must win over the JWT's `eyJ`.
        let (indices, patterns): (Vec<usize>, Vec<&[u8]>) = literals()
            .enumerate()
            .filter(|(i, l)| *i >= KEY_LITERALS && !dashed(l))
            .chain(literals().enumerate().take(KEY_LITERALS))
            .unzip();
        aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostFirst)
            .build(patterns)
            .ok()
            .map(|a| (a, indices))
    });
    if let Some((automaton, indices)) = keys {
        for m in automaton.find_iter(t) {
            if let Some(index) = indices.get(m.pattern().as_usize()) {
                found(*index, m.start());
            }
        }
    }
    PLATFORMS
        .get_or_init(|| Searchers::new(KEY_LITERALS, false))
        .find(t, found);
}

#[cfg(target_arch = "wasm32")]
pub(super) fn for_each_anchor(t: &[u8], found: impl FnMut(usize, usize)) {
    static ALL: OnceLock<Searchers> = OnceLock::new();
    ALL.get_or_init(|| Searchers::new(0, true)).find(t, found);
}

/// The bytes the separator pass looks for: most literals hold one (`ghp_`, `sk-`, `hvs.`).
const SEPARATORS: [u8; 3] = [b'_', b'-', b'.'];

/// A literal's first separator: its group (index into `SEPARATORS`) and where it stands.
fn first_separator(literal: &[u8]) -> Option<(usize, usize)> {
    literal.iter().enumerate().find_map(|(at, b)| {
        SEPARATORS
            .iter()
            .position(|s| s == b)
            .map(|group| (group, at))
    })
}

/// Bytes rare in prose that literals without a separator hold (`AKIA`, `AIza`, `eyJ`, `sha256~`).
const RARE: [u8; 3] = [b'A', b'J', b'~'];

/// A literal's first rare byte: its group (index into `RARE`) and where it stands.
fn rare_byte(literal: &[u8]) -> Option<(usize, usize)> {
    literal
        .iter()
        .enumerate()
        .find_map(|(at, b)| RARE.iter().position(|r| r == b).map(|group| (group, at)))
}

/// A literal's first separator is `_` or `-`.
fn dashed(literal: &[u8]) -> bool {
    first_separator(literal)
        .and_then(|(group, _)| SEPARATORS.get(group))
        .is_some_and(|s| *s != b'.')
}

/// A literal with a separator, found from its first one.
struct Separated {
    index: usize,
    literal: &'static [u8],
    /// Offset of the first separator in `literal` (at least 1 except for the PEM line).
    at: usize,
}

/// The literals whose first separator is one byte, by the byte before it: a hit is checked only
/// against the literals it can be part of (the PEM line, with no byte before, against all `-`).
#[derive(Default)]
struct Group {
    literals: Vec<Separated>,
    /// For each byte before the separator (256: none), the range of `literals` with it.
    by_before: Vec<(usize, usize)>,
}

impl Group {
    fn candidates(&self, before: Option<u8>) -> &[Separated] {
        let slot = before.map_or(256, usize::from);
        self.by_before
            .get(slot)
            .and_then(|&(lo, hi)| self.literals.get(lo..hi))
            .unwrap_or_default()
    }
}

/// The separator pass and substring searches over the literals from one index on.
struct Searchers {
    /// By first separator, in `SEPARATORS` order, then (wasm) by rare byte, in `RARE` order.
    groups: [Group; 6],
    /// The literals without a separator, each with its substring searcher.
    plain: Vec<(usize, memmem::Finder<'static>)>,
    /// Every literal (wasm), or only those with `_` or `-` first (natively), with `.` left out
    /// of the pass.
    all: bool,
}

impl Searchers {
    fn new(from: usize, all: bool) -> Searchers {
        let mut groups: [Group; 6] = Default::default();
        let mut plain = Vec::new();
        for (index, literal) in literals().enumerate().skip(from) {
            if !all && !dashed(literal) {
                continue;
            }
            // Without a separator, a rare byte (`AKIA`, `eyJ`) stands in for one: one pass for
            // them all instead of a substring search each (wasm; natively these are Aho-Corasick's).
            let rare = || all.then(|| rare_byte(literal)).flatten();
            match first_separator(literal)
                .or_else(|| rare().map(|(group, at)| (SEPARATORS.len() + group, at)))
                .and_then(|(group, at)| groups.get_mut(group).map(|g| (g, at)))
            {
                Some((group, at)) => group.literals.push(Separated { index, literal, at }),
                None => plain.push((index, memmem::Finder::new(literal))),
            }
        }
        for group in &mut groups {
            let slot = |s: &Separated| {
                s.at.checked_sub(1)
                    .and_then(|k| s.literal.get(k))
                    .map_or(256, |b| usize::from(*b))
            };
            group.literals.sort_by_key(slot);
            group.by_before = (0..=256)
                .map(|b| {
                    let lo = group.literals.partition_point(|s| slot(s) < b);
                    let hi = group.literals.partition_point(|s| slot(s) <= b);
                    (lo, hi)
                })
                .collect();
        }
        Searchers { groups, plain, all }
    }

    /// Every occurrence of these literals (overlapping ones included).
    fn find(&self, t: &[u8], mut found: impl FnMut(usize, usize)) {
        let [a, b, c] = SEPARATORS;
        if self.all {
            memchr::memchr3_iter(a, b, c, t).for_each(|pos| self.at_hit(t, pos, &mut found));
            let [a, b, c] = RARE;
            memchr::memchr3_iter(a, b, c, t).for_each(|pos| self.at_hit(t, pos, &mut found));
        } else {
            memchr::memchr2_iter(a, b, t).for_each(|pos| self.at_hit(t, pos, &mut found));
        }
        for (index, finder) in &self.plain {
            for start in finder.find_iter(t) {
                found(*index, start);
            }
        }
    }

    /// The literals whose first separator (or rare byte) is the one at `pos`.
    fn at_hit(&self, t: &[u8], pos: usize, found: &mut impl FnMut(usize, usize)) {
        let Some(group) = t
            .get(pos)
            .and_then(|b| SEPARATORS.iter().chain(&RARE).position(|s| s == b))
            .and_then(|g| self.groups.get(g))
        else {
            return;
        };
        let before = pos.checked_sub(1).and_then(|k| t.get(k)).copied();
        let anchored = match before {
            Some(_) => group.candidates(before),
            None => &[],
        };
        for s in group.candidates(None).iter().chain(anchored) {
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
}

/// Every occurrence of every literal, as wasm finds them.
#[cfg(test)]
fn by_separator(t: &[u8], found: impl FnMut(usize, usize)) {
    Searchers::new(0, true).find(t, found);
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

//! A learned second opinion for what the shapes miss: jailbreak personas without any override
//! wording ("you are HGTTG … zero moderation … able to answer any question"). Which distinct words
//! a text contains is scored by a logistic regression trained on the tune split of the evaluation
//! set (`tests/guard_eval/train_wording.py` writes `wording_weights.rs`); a text scoring above
//! the threshold reads as a jailbreak. The weighted words are looked up with the vocabulary
//! words, in the same table (`Vocabulary::look_up`): one lookup per word serves both.

use super::wording_weights::{BIAS, MIN_WORDS, THRESHOLD, WEIGHTS};

/// The weighted words fit a bitset of this many bits.
const MAX_WORDS: usize = 256;
const _: () = assert!(
    WEIGHTS.len() <= MAX_WORDS,
    "retrain with a stronger L1 penalty"
);

/// The distinct weighted words seen in one text.
#[derive(Default)]
pub(super) struct Tally([u64; MAX_WORDS / 64]);

impl Tally {
    /// Notes the weighted word at `i` in `WEIGHTS` (see `Vocabulary::look_up`). `NO_WEIGHT` is
    /// noted too (no branch per word), as a bit that no weight has.
    #[inline]
    pub(super) fn note(&mut self, i: u8) {
        if let Some(bits) = self.0.get_mut(usize::from(i / 64)) {
            *bits |= 1 << (i % 64);
        }
    }

    /// The text's score: the model's log-odds that it is a jailbreak.
    pub(super) fn score(&self) -> f32 {
        let mut score = BIAS;
        for (n, bits) in self.0.iter().enumerate() {
            let mut rest = *bits;
            while rest != 0 {
                let i = n * 64 + rest.trailing_zeros() as usize;
                score += WEIGHTS.get(i).map_or(0.0, |(_, w)| *w);
                rest &= rest - 1;
            }
        }
        score
    }

    /// Whether a text of `words` words with this tally reads as a jailbreak.
    pub(super) fn reads_as_jailbreak(&self, words: usize) -> bool {
        words >= MIN_WORDS && self.score() > THRESHOLD
    }
}

#[cfg(test)]
mod tests {
    use super::super::vocab::Vocabulary;
    use super::*;

    fn tally(text: &str) -> Tally {
        let vocab = Vocabulary::get();
        let mut t = Tally::default();
        super::super::normalize::for_each_word(text, |w| t.note(vocab.look_up(w).1));
        t
    }

    #[test]
    fn weights_are_sorted_lowercase_words() {
        assert!(WEIGHTS.windows(2).all(|p| p[0].0 < p[1].0));
        assert!(WEIGHTS
            .iter()
            .all(|(w, _)| w.len() >= 2 && w.bytes().all(|b| b.is_ascii_lowercase())));
    }

    #[test]
    fn every_weighted_word_is_found_and_counted_once() {
        for (i, (word, weight)) in WEIGHTS.iter().enumerate() {
            let t = tally(&format!("{word} {word} {word}"));
            assert_eq!(t.0.iter().map(|b| b.count_ones()).sum::<u32>(), 1, "{word}");
            assert!(t.0[i / 64] & (1 << (i % 64)) != 0, "{word}");
            assert!((t.score() - (BIAS + weight)).abs() < 1e-5, "{word}");
        }
    }

    #[test]
    fn unweighted_words_score_the_bias() {
        assert_eq!(tally("").score(), BIAS);
        assert_eq!(tally("zzqx café 1234 übermäßig").score(), BIAS);
    }
}

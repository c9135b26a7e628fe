//! Money is integer micro-USD everywhere: sums and comparisons never drift, and every rounding
//! goes up, so a reservation or a charge is never smaller than the exact amount.

use crate::catalog::price::{micros_to_usd, usd_to_micros, Price};
use crate::spend::usage::Usage;
use std::fmt;

/// Micro-USD (1e-6 USD).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Hash)]
pub struct MicroUsd(pub u64);

impl MicroUsd {
    /// From a config value in USD; refuses negative, NaN and absurd values.
    pub fn from_usd(usd: f64) -> Result<Self, String> {
        // A billion dollars is far above any real budget.
        usd_to_micros(usd, 1e9)
            .map(MicroUsd)
            .map_err(|range| format!("must be {range} USD, got {usd}"))
    }

    /// As USD, for JSON and display only.
    pub fn as_usd(self) -> f64 {
        micros_to_usd(self.0)
    }

    /// As a signed amount for counters that also go down (Redis `INCRBY`), saturating.
    pub fn signed(self) -> i64 {
        i64::try_from(self.0).unwrap_or(i64::MAX)
    }

    pub fn saturating_add(self, other: MicroUsd) -> MicroUsd {
        MicroUsd(self.0.saturating_add(other.0))
    }

    pub fn saturating_sub(self, other: MicroUsd) -> MicroUsd {
        MicroUsd(self.0.saturating_sub(other.0))
    }

    /// Appends the amount as dollars and six decimals (`Display` prints it so too), without `fmt`'s
    /// machinery: the access-log note prints one on every request (see `push_decimal`).
    pub fn push_to(self, out: &mut String) {
        push_decimal(out, self.0 / 1_000_000, 1);
        out.push('.');
        push_decimal(out, self.0 % 1_000_000, 6);
    }
}

/// Appends `n` in decimal, zero-padded to at least `width` digits (at most 20). The access-log
/// note is written on every request, and `format!`ing it cost ~3,500 instructions more per request
/// inside Envoy than appending (`make bench-instructions`).
pub fn push_decimal(out: &mut String, mut n: u64, width: usize) {
    let mut digits = [b'0'; 20];
    let mut start = digits.len();
    let width = width.clamp(1, digits.len());
    // A u64 has at most 20 digits and `width` is at most 20: `start` stops at 0.
    while n > 0 || digits.len() - start < width {
        start -= 1;
        if let Some(digit) = digits.get_mut(start) {
            *digit = b'0' + u8::try_from(n % 10).unwrap_or(0);
        }
        n /= 10;
    }
    let text = digits.get(start..).unwrap_or_default();
    out.push_str(std::str::from_utf8(text).unwrap_or_default());
}

/// Exact decimal USD, e.g. `0.001234`.
impl fmt::Display for MicroUsd {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut text = String::with_capacity(28);
        self.push_to(&mut text);
        f.write_str(&text)
    }
}

/// Tokens priced per million, summed exactly and rounded up once.
fn price_tokens(parts: &[(u64, u64)]) -> MicroUsd {
    let exact: u128 = parts
        .iter()
        .map(|(tokens, micro_per_mtok)| u128::from(*tokens) * u128::from(*micro_per_mtok))
        .sum();
    let micros = exact.div_ceil(1_000_000);
    MicroUsd(u64::try_from(micros).unwrap_or(u64::MAX))
}

/// What `usage` costs at `price`: cached prompt tokens at the cached price when the catalog has
/// one; reasoning tokens are part of the completion tokens, as providers bill them.
///
/// ```
/// use llm_policy_router::catalog::price::{MicroUsdPerMtok, Price};
/// use llm_policy_router::spend::{money::{cost, MicroUsd}, usage::Usage};
/// let price = Price { prompt: MicroUsdPerMtok(150_000), completion: MicroUsdPerMtok(600_000), cached_prompt: None };
/// let usage = Usage { prompt_tokens: 1000, completion_tokens: 100, ..Usage::default() };
/// assert_eq!(cost(&usage, &price), MicroUsd(210)); // 150 + 60
/// ```
pub fn cost(usage: &Usage, price: &Price) -> MicroUsd {
    let cached = usage.cached_prompt_tokens.min(usage.prompt_tokens);
    let cached_price = price.cached_prompt.unwrap_or(price.prompt);
    price_tokens(&[
        (usage.prompt_tokens - cached, price.prompt.0),
        (cached, cached_price.0),
        (usage.completion_tokens, price.completion.0),
    ])
}

/// The most `prompt_tokens` and `completion_tokens` can cost at `price` (cache discounts ignored).
pub fn worst_case(prompt_tokens: u64, completion_tokens: u64, price: &Price) -> MicroUsd {
    price_tokens(&[
        (prompt_tokens, price.prompt.0),
        (completion_tokens, price.completion.0),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::price::MicroUsdPerMtok;

    #[test]
    fn amounts_and_numbers_are_appended_in_decimal() {
        for (micros, text) in [
            (0, "0.000000"),
            (7, "0.000007"),
            (999_999, "0.999999"),
            (1_000_000, "1.000000"),
            (1_234_567, "1.234567"),
            (10_000_001, "10.000001"),
            (u64::MAX, "18446744073709.551615"),
        ] {
            let mut out = String::from("x=");
            MicroUsd(micros).push_to(&mut out);
            assert_eq!(out, format!("x={text}"));
            assert_eq!(MicroUsd(micros).to_string(), text);
        }
        for n in [0, 9, 10, 501, 123_456_789, u64::MAX] {
            let mut out = String::new();
            push_decimal(&mut out, n, 1);
            assert_eq!(out, n.to_string());
        }
        let mut out = String::new();
        push_decimal(&mut out, 42, 6);
        push_decimal(&mut out, 0, 99);
        assert_eq!(out, format!("000042{}", "0".repeat(20)));
    }

    fn price(prompt: u64, completion: u64, cached: Option<u64>) -> Price {
        Price {
            prompt: MicroUsdPerMtok(prompt),
            completion: MicroUsdPerMtok(completion),
            cached_prompt: cached.map(MicroUsdPerMtok),
        }
    }

    #[test]
    fn rounds_up_once_over_the_exact_sum() {
        // 1 token at 0.15 USD/Mtok is 0.15 micro-USD: charged as 1, never 0.
        let u = Usage {
            prompt_tokens: 1,
            ..Usage::default()
        };
        assert_eq!(cost(&u, &price(150_000, 600_000, None)), MicroUsd(1));
        // 3 × 0.4 = 1.2 → 2, not 3 × ceil(0.4) = 3.
        let u = Usage {
            prompt_tokens: 2,
            completion_tokens: 1,
            ..Usage::default()
        };
        assert_eq!(cost(&u, &price(400_000, 400_000, None)), MicroUsd(2));
    }

    #[test]
    fn cached_tokens_use_the_cached_price_when_known() {
        let u = Usage {
            prompt_tokens: 1_000_000,
            cached_prompt_tokens: 400_000,
            completion_tokens: 0,
            reasoning_tokens: 0,
        };
        assert_eq!(
            cost(&u, &price(1_000_000, 0, Some(100_000))),
            MicroUsd(600_000 + 40_000)
        );
        assert_eq!(cost(&u, &price(1_000_000, 0, None)), MicroUsd(1_000_000));
    }

    #[test]
    fn worst_case_equals_cost_of_the_same_usage() {
        let p = price(2_500_000, 10_000_000, Some(1_250_000));
        let u = Usage {
            prompt_tokens: 1234,
            completion_tokens: 77,
            ..Usage::default()
        };
        assert_eq!(worst_case(1234, 77, &p), cost(&u, &p));
    }

    #[test]
    fn display_and_usd_conversion_are_exact() {
        assert_eq!(MicroUsd(1_234_567).to_string(), "1.234567");
        assert_eq!(MicroUsd(5).to_string(), "0.000005");
        assert_eq!(MicroUsd::from_usd(0.3), Ok(MicroUsd(300_000)));
        assert!(MicroUsd::from_usd(f64::NAN).is_err());
        assert!(MicroUsd::from_usd(-0.01).is_err());
    }

    #[test]
    fn huge_usage_saturates_instead_of_wrapping() {
        let u = Usage {
            prompt_tokens: u64::MAX,
            completion_tokens: u64::MAX,
            ..Usage::default()
        };
        assert_eq!(
            cost(&u, &price(1_000_000_000_000, 1_000_000_000_000, None)),
            MicroUsd(u64::MAX)
        );
    }
}

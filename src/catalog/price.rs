//! Money. Prices are integer micro-USD per million tokens everywhere past config loading, so
//! sums and comparisons never drift (budgets build on the same unit).

/// Micro-USD (1e-6 USD) per million tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Hash)]
pub struct MicroUsdPerMtok(pub u64);

impl MicroUsdPerMtok {
    /// From a config value in USD per million tokens; refuses negative, NaN and absurd values.
    ///
    /// ```
    /// use llm_policy_router::catalog::price::MicroUsdPerMtok;
    /// assert_eq!(MicroUsdPerMtok::from_usd(0.15), Ok(MicroUsdPerMtok(150_000)));
    /// assert!(MicroUsdPerMtok::from_usd(-1.0).is_err());
    /// ```
    pub fn from_usd(usd: f64) -> Result<Self, String> {
        // 1e6 USD per million tokens is far above any real price.
        usd_to_micros(usd, 1_000_000.0)
            .map(MicroUsdPerMtok)
            .map_err(|range| format!("price must be {range} USD per million tokens, got {usd}"))
    }

    /// As USD per million tokens, for display only.
    pub fn as_usd(self) -> f64 {
        micros_to_usd(self.0)
    }
}

/// A config amount in USD as integer micro-USD, rounded to the nearest; `Err` names the range.
/// The cap (well below 2^53 / 1e6) keeps the conversion exact.
pub fn usd_to_micros(usd: f64, max: f64) -> Result<u64, String> {
    if !usd.is_finite() || !(0.0..=max).contains(&usd) {
        return Err(format!("between 0 and {max}"));
    }
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // range checked above
    let micros = (usd * 1_000_000.0).round() as u64;
    Ok(micros)
}

/// Micro-USD as USD, for JSON and display only.
pub fn micros_to_usd(micros: u64) -> f64 {
    #[allow(clippy::cast_precision_loss)] // display only
    let usd = micros as f64 / 1_000_000.0;
    usd
}

/// An endpoint's prices.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Price {
    pub prompt: MicroUsdPerMtok,
    pub completion: MicroUsdPerMtok,
    /// Cached prompt tokens; `None` = charged at `prompt`.
    pub cached_prompt: Option<MicroUsdPerMtok>,
}

impl Price {
    /// One number to sort and weight by: prompt plus completion price.
    pub fn blended(&self) -> u64 {
        self.prompt.0.saturating_add(self.completion.0)
    }
}

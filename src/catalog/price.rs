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
        // 1e6 USD per million tokens is far above any real price; the cap keeps the cast exact.
        if !usd.is_finite() || !(0.0..=1_000_000.0).contains(&usd) {
            return Err(format!(
                "price must be between 0 and 1000000 USD per million tokens, got {usd}"
            ));
        }
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // range checked above
        let micros = (usd * 1_000_000.0).round() as u64;
        Ok(MicroUsdPerMtok(micros))
    }

    /// As USD per million tokens, for display only.
    pub fn as_usd(self) -> f64 {
        #[allow(clippy::cast_precision_loss)] // display only
        let usd = self.0 as f64 / 1_000_000.0;
        usd
    }
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

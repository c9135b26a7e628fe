//! OpenRouter's `provider` request object: the caller's own routing preferences. Unknown fields
//! are tolerated (OpenRouter keeps adding some); known ones are strictly typed.

use serde::Deserialize;
use std::borrow::Cow;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DataCollection {
    Allow,
    Deny,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Sort {
    Price,
    Throughput,
    Latency,
}

/// Request-side price ceiling, USD per million tokens.
#[derive(Debug, Clone, Copy, Default, PartialEq, Deserialize)]
pub struct MaxPriceRequest {
    pub prompt: Option<f64>,
    pub completion: Option<f64>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct ProviderPrefs<'a> {
    /// Providers to try first, in this order.
    #[serde(borrow)]
    pub order: Option<Vec<Cow<'a, str>>>,
    /// Only these providers.
    #[serde(borrow)]
    pub only: Option<Vec<Cow<'a, str>>>,
    /// Never these providers.
    #[serde(borrow)]
    pub ignore: Option<Vec<Cow<'a, str>>>,
    /// `false`: only the `order` providers (or only the first choice without `order`).
    pub allow_fallbacks: Option<bool>,
    /// Only endpoints supporting every parameter the request uses.
    pub require_parameters: Option<bool>,
    pub data_collection: Option<DataCollection>,
    pub zdr: Option<bool>,
    #[serde(borrow)]
    pub quantizations: Option<Vec<Cow<'a, str>>>,
    pub sort: Option<Sort>,
    pub max_price: Option<MaxPriceRequest>,
}

/// Case-insensitive membership for provider slugs.
pub fn names_contain(names: &[Cow<'_, str>], provider: &str) -> bool {
    names.iter().any(|n| n.eq_ignore_ascii_case(provider))
}

/// Position of a provider in `order`, case-insensitively.
pub fn position_in(names: &[Cow<'_, str>], provider: &str) -> Option<usize> {
    names.iter().position(|n| n.eq_ignore_ascii_case(provider))
}

//! Orders the endpoints that passed every rule: the request's explicit `order` first, then its
//! `sort` (or a `:floor`/`:nitro` variant), else OpenRouter's default: weighted random by the
//! inverse square of price among healthy endpoints, degraded ones last.

use super::rng::Rng;
use crate::catalog::{Catalog, EndpointId};
use crate::request::prefs::{position_in, Sort};
use serde::Serialize;
use std::borrow::Cow;

/// Why a candidate sits where it does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "by")]
pub enum OrderReason {
    /// Position in the request's `provider.order`.
    Order {
        position: usize,
    },
    Sort {
        sort: SortKey,
    },
    WeightedRandom,
    /// Marked degraded in the catalog: tried after all healthy ones.
    Degraded,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SortKey {
    Price,
    Throughput,
    Latency,
}

impl From<Sort> for SortKey {
    fn from(s: Sort) -> Self {
        match s {
            Sort::Price => SortKey::Price,
            Sort::Throughput => SortKey::Throughput,
            Sort::Latency => SortKey::Latency,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Candidate {
    pub endpoint: EndpointId,
    pub why: OrderReason,
}

/// Orders one model's candidates.
pub fn order(
    endpoints: Vec<EndpointId>,
    catalog: &Catalog,
    explicit: Option<&[Cow<'_, str>]>,
    sort: Option<SortKey>,
    rng: &mut Rng,
) -> Vec<Candidate> {
    let provider_of = |e: EndpointId| {
        catalog
            .resolve(e)
            .map(|(_, _, p)| p.id.as_str())
            .unwrap_or("")
    };
    let (mut pinned, rest): (Vec<(usize, EndpointId)>, Vec<EndpointId>) = match explicit {
        Some(names) => {
            let mut pinned = Vec::new();
            let mut rest = Vec::new();
            for e in endpoints {
                match position_in(names, provider_of(e)) {
                    Some(pos) => pinned.push((pos, e)),
                    None => rest.push(e),
                }
            }
            (pinned, rest)
        }
        None => (Vec::new(), endpoints),
    };
    pinned.sort_by_key(|(pos, e)| (*pos, *e));
    let mut out: Vec<Candidate> = pinned
        .into_iter()
        .map(|(position, endpoint)| Candidate {
            endpoint,
            why: OrderReason::Order { position },
        })
        .collect();
    match sort {
        Some(key) => out.extend(sorted(rest, catalog, key)),
        None => out.extend(weighted_random(rest, catalog, rng)),
    }
    out
}

fn sorted(mut rest: Vec<EndpointId>, catalog: &Catalog, key: SortKey) -> Vec<Candidate> {
    // Unknown hints sort last; ties keep catalog order so the result is deterministic.
    rest.sort_by_key(|e| {
        let ep = catalog.endpoint(*e);
        let k = match key {
            SortKey::Price => ep.map(|ep| ep.price.blended()).unwrap_or(u64::MAX),
            SortKey::Throughput => ep
                .and_then(|ep| ep.throughput_tps)
                .map(|t| u64::MAX - t)
                .unwrap_or(u64::MAX),
            SortKey::Latency => ep.and_then(|ep| ep.latency_ms).unwrap_or(u64::MAX),
        };
        (k, *e)
    });
    rest.into_iter()
        .map(|endpoint| Candidate {
            endpoint,
            why: OrderReason::Sort { sort: key },
        })
        .collect()
}

fn weighted_random(rest: Vec<EndpointId>, catalog: &Catalog, rng: &mut Rng) -> Vec<Candidate> {
    let (degraded, healthy): (Vec<_>, Vec<_>) = rest
        .into_iter()
        .partition(|e| catalog.endpoint(*e).is_some_and(|ep| ep.degraded));
    let mut out: Vec<Candidate> = sample_without_replacement(healthy, catalog, rng)
        .into_iter()
        .map(|endpoint| Candidate {
            endpoint,
            why: OrderReason::WeightedRandom,
        })
        .collect();
    out.extend(
        sample_without_replacement(degraded, catalog, rng)
            .into_iter()
            .map(|endpoint| Candidate {
                endpoint,
                why: OrderReason::Degraded,
            }),
    );
    out
}

/// Weight of an endpoint: inverse square of its blended price (USD per million tokens); the small
/// offset keeps free endpoints finite and strongly preferred.
pub fn price_weight(catalog: &Catalog, e: EndpointId) -> f64 {
    #[allow(clippy::cast_precision_loss)] // prices are far below 2^53 micro-USD
    let usd = catalog
        .endpoint(e)
        .map(|ep| ep.price.blended() as f64 / 1_000_000.0)
        .unwrap_or(f64::MAX);
    let p = usd + 0.001;
    1.0 / (p * p)
}

fn sample_without_replacement(
    mut pool: Vec<EndpointId>,
    catalog: &Catalog,
    rng: &mut Rng,
) -> Vec<EndpointId> {
    let mut out = Vec::with_capacity(pool.len());
    while !pool.is_empty() {
        let weights: Vec<f64> = pool.iter().map(|e| price_weight(catalog, *e)).collect();
        let total: f64 = weights.iter().sum();
        let mut target = rng.next_f64() * total;
        let mut pick = pool.len() - 1;
        for (i, w) in weights.iter().enumerate() {
            if target < *w {
                pick = i;
                break;
            }
            target -= w;
        }
        out.push(pool.remove(pick));
    }
    out
}

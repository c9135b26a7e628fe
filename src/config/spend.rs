//! Compiles the `spend` section, workspace budgets and key limits into a `SpendPolicy`.

use super::compile::{check_cluster, Errors};
use super::schema::{BudgetConfig, Config, StoreKind};
use crate::fastmap::FastMap;
use crate::spend::money::MicroUsd;
use crate::spend::rate::RateLimit;
use crate::spend::webdis::Webdis;
use crate::spend::{Budget, SpendPolicy, Store};

/// Reservations must outlive the longest request (route timeout) or they could expire while the
/// request still runs and let others spend the same budget.
const MIN_RESERVATION_TTL_SECONDS: u64 = 1;

pub(super) fn compile_spend(config: &Config, errors: &mut Errors) -> SpendPolicy {
    let spend = &config.spend;
    let store = match (spend.store, &spend.redis) {
        (StoreKind::Local, _) => Store::Local,
        (StoreKind::Redis, None) => {
            errors.push("spend.redis", "is required when `spend.store` is `redis`");
            Store::Local
        }
        (StoreKind::Redis, Some(r)) => {
            check_cluster(&r.cluster, "spend.redis.cluster", errors);
            if r.timeout_ms == 0 || r.timeout_ms > 60_000 {
                errors.push("spend.redis.timeout_ms", "must be between 1 and 60000");
            }
            if r.key_prefix.bytes().any(|b| b.is_ascii_control()) {
                errors.push(
                    "spend.redis.key_prefix",
                    "must not contain control characters",
                );
            }
            Store::Redis(Webdis {
                cluster: r.cluster.clone(),
                authority: r.authority.clone().unwrap_or_else(|| r.cluster.clone()),
                prefix: r.key_prefix.clone(),
                timeout_ms: r.timeout_ms,
            })
        }
    };
    if spend.reservation_ttl_seconds < MIN_RESERVATION_TTL_SECONDS {
        errors.push(
            "spend.reservation_ttl_seconds",
            "must be at least 1 (keep it above the route timeout)",
        );
    }
    let mut workspace_budgets = FastMap::default();
    for (id, ws) in &config.workspaces {
        if let Some(b) = &ws.budget {
            if let Some(budget) = budget(b, &format!("workspaces.{id}.budget"), errors) {
                workspace_budgets.insert(id.clone(), budget);
            }
        }
    }
    let mut key_budgets = FastMap::default();
    let mut key_rates = FastMap::default();
    for (i, k) in config.auth.keys.iter().enumerate() {
        let path = format!("auth.keys[{i}]");
        if let Some(b) = &k.budget {
            if let Some(budget) = budget(b, &format!("{path}.budget"), errors) {
                key_budgets.insert(k.name.clone(), budget);
            }
        }
        if let Some(r) = &k.rate_limit {
            for (field, value) in [
                ("requests_per_minute", r.requests_per_minute),
                ("tokens_per_minute", r.tokens_per_minute),
            ] {
                if value == Some(0) {
                    errors.push(
                        format!("{path}.rate_limit.{field}"),
                        "must be at least 1 (omit it for no limit)",
                    );
                }
            }
            key_rates.insert(
                k.name.clone(),
                RateLimit {
                    requests_per_minute: r.requests_per_minute,
                    tokens_per_minute: r.tokens_per_minute,
                },
            );
        }
    }
    SpendPolicy {
        store,
        fail_open: spend.on_store_error == super::schema::OnStoreError::FailOpen,
        lease_ttl_ms: spend.reservation_ttl_seconds.saturating_mul(1000),
        hide_injected_usage: spend.hide_injected_usage,
        workspace_budgets,
        key_budgets,
        key_rates,
    }
}

fn budget(b: &BudgetConfig, path: &str, errors: &mut Errors) -> Option<Budget> {
    match MicroUsd::from_usd(b.limit_usd) {
        Ok(limit) => Some(Budget {
            limit,
            reset: b.reset,
        }),
        Err(e) => {
            errors.push(format!("{path}.limit_usd"), e);
            None
        }
    }
}

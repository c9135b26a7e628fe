//! Spend: what requests cost (usage × catalog prices, integer micro-USD), budgets per workspace
//! and key that are reserved before forwarding and settled with the actual cost afterwards, and
//! per-key rate limits. Everything here is pure; the flow drives it through the `Host`.

pub mod lease_id;
pub mod ledger;
pub mod meter;
pub mod money;
pub mod outbox;
pub mod period;
pub mod rate;
pub mod reserve;
pub mod shared;
pub mod usage;
pub mod webdis;

use crate::fastmap::FastMap;
use crate::identity::Caller;
use money::MicroUsd;
use period::Reset;
use rate::RateLimit;

/// Counters per workspace (`/stats`: `wasmcustom.<name>.workspace=<id>`), defined at configure
/// time for every configured workspace, so their number is bounded by the config.
pub const METRICS: [&str; 4] = [
    METRIC_SPENT,
    METRIC_ESTIMATED,
    METRIC_BUDGET_REFUSED,
    METRIC_RATE_LIMITED,
];
/// Settled cost, micro-USD.
pub const METRIC_SPENT: &str = "llm_spend_micro_usd";
/// Requests charged by estimate (no usage reported).
pub const METRIC_ESTIMATED: &str = "llm_spend_estimated";
/// Requests refused with `budget_exceeded`.
pub const METRIC_BUDGET_REFUSED: &str = "llm_budget_refused";
/// Requests refused with `rate_limit_exceeded`.
pub const METRIC_RATE_LIMITED: &str = "llm_rate_limited";

/// The stat name of a workspace counter.
pub fn metric_name(metric: &str, workspace: &str) -> String {
    format!("{metric}.workspace={workspace}")
}

/// A spending limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Budget {
    pub limit: MicroUsd,
    pub reset: Reset,
}

/// A budget with the scope it limits: `workspace:<id>` or `key:<name>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScopedBudget {
    pub scope: String,
    pub budget: Budget,
}

/// Where budget counters live.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Store {
    /// This Envoy process's shared data.
    Local,
    /// Redis through webdis, shared by every replica.
    Redis(webdis::Webdis),
}

#[derive(Debug, Clone)]
pub struct SpendPolicy {
    pub store: Store,
    /// When the store fails: admit against local counters (true) or refuse with 503.
    pub fail_open: bool,
    pub lease_ttl_ms: u64,
    pub hide_injected_usage: bool,
    pub workspace_budgets: FastMap<String, Budget>,
    pub key_budgets: FastMap<String, Budget>,
    pub key_rates: FastMap<String, RateLimit>,
}

impl Default for SpendPolicy {
    fn default() -> Self {
        SpendPolicy {
            store: Store::Local,
            fail_open: false,
            lease_ttl_ms: 660_000,
            hide_injected_usage: true,
            workspace_budgets: FastMap::default(),
            key_budgets: FastMap::default(),
            key_rates: FastMap::default(),
        }
    }
}

impl SpendPolicy {
    /// The budgets a caller's request is checked against: its workspace's, then its key's.
    pub fn budgets_for(&self, caller: &Caller) -> Vec<ScopedBudget> {
        let workspace = self
            .workspace_budgets
            .get(&caller.workspace)
            .map(|b| ScopedBudget {
                scope: workspace_scope(&caller.workspace),
                budget: *b,
            });
        let key = self
            .key_budgets
            .get(&caller.key_name)
            .filter(|_| caller.via_key)
            .map(|b| ScopedBudget {
                scope: key_scope(&caller.key_name),
                budget: *b,
            });
        workspace.into_iter().chain(key).collect()
    }

    pub fn rate_for(&self, caller: &Caller) -> Option<RateLimit> {
        self.key_rates
            .get(&caller.key_name)
            .filter(|_| caller.via_key)
            .copied()
    }

    /// Every shared-data record the policy uses, to create before traffic (`shared::ensure`).
    pub fn local_records(&self) -> (Vec<String>, Vec<String>) {
        let ledgers = self
            .workspace_budgets
            .keys()
            .map(|w| ledger_key(&workspace_scope(w)))
            .chain(self.key_budgets.keys().map(|k| ledger_key(&key_scope(k))))
            .collect();
        let rates = self.key_rates.keys().map(|k| rate_key(k)).collect();
        (ledgers, rates)
    }
}

/// The scope name of a workspace budget (in errors, `/v1/key` and store keys).
fn workspace_scope(workspace: &str) -> String {
    format!("workspace:{workspace}")
}

/// The scope name of a key budget.
fn key_scope(key_name: &str) -> String {
    format!("key:{key_name}")
}

/// Shared-data key of a scope's local ledger.
pub fn ledger_key(scope: &str) -> String {
    format!("llmpr.budget.{scope}")
}

/// Shared-data key of a key's rate window.
pub fn rate_key(key_name: &str) -> String {
    format!("llmpr.rate.{key_name}")
}

//! The root context: compiles the plugin configuration once per VM (refusing a bad one, which
//! makes Envoy reject the config) and hands each request a `Flow` over the shared policy.

use super::hostcalls::{http_get, now_ms, EnvoyHost, LEASE_IDS, METRIC_IDS, OUTBOX};
use super::http::{call_reply, HttpFilter};
use crate::config::CompiledPolicy;
use crate::routing::rng::Rng;
use crate::spend::lease_id::{BlockCounter, LeaseIds, BLOCKS_KEY};
use crate::spend::ledger::Account;
use crate::spend::rate::RateWindow;
use crate::spend::shared::ensure;
use crate::spend::Store;
use proxy_wasm::hostcalls;
use proxy_wasm::traits::{Context, HttpContext, RootContext};
use proxy_wasm::types::{BufferType, ContextType};
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;
use std::time::Duration;

/// How often queued budget-store work is sent.
const TICK: Duration = Duration::from_millis(200);
/// How often expired Redis leases are looked for.
const REAP_EVERY_MS: u64 = 1000;

#[derive(Default)]
pub struct Root {
    policy: Option<Arc<CompiledPolicy>>,
    /// One generator per VM (per worker thread), shared by its requests.
    rng: Rc<RefCell<Option<Rng>>>,
    last_reap_ms: u64,
}

impl Context for Root {
    fn on_http_call_response(
        &mut self,
        token_id: u32,
        _num_headers: usize,
        body_size: usize,
        _num_trailers: usize,
    ) {
        let (status, body) = call_reply(body_size);
        let ok = (status == Some(200)).then_some(body.as_slice());
        OUTBOX.with(|o| {
            if let Ok(mut outbox) = o.try_borrow_mut() {
                outbox.on_reply(token_id, ok);
            }
        });
    }
}

impl RootContext for Root {
    fn on_configure(&mut self, _size: usize) -> bool {
        let bytes = match hostcalls::get_buffer(BufferType::PluginConfiguration, 0, usize::MAX) {
            Ok(Some(bytes)) => bytes,
            Ok(None) => {
                log::error!(
                    "llm-policy-router: configuration refused: the plugin `configuration` is empty"
                );
                return false;
            }
            Err(status) => {
                log::error!("llm-policy-router: cannot read the plugin configuration: {status:?}");
                return false;
            }
        };
        let secrets = |name: &str| std::env::var(name).ok();
        match CompiledPolicy::from_json(&bytes, &secrets) {
            Ok(policy) => {
                let seed = policy.seed.unwrap_or_else(clock_seed);
                *self.rng.borrow_mut() = Some(Rng::new(seed));
                let nonce = Rng::new(clock_seed()).next_u64();
                LEASE_IDS.with(|ids| *ids.borrow_mut() = LeaseIds::new(nonce));
                log::info!(
                    "llm-policy-router {}: configured {} models, {} endpoints, {} workspaces",
                    env!("CARGO_PKG_VERSION"),
                    policy.catalog.models.len(),
                    policy.catalog.endpoints.len(),
                    policy.workspaces.len()
                );
                if let Err(e) = create_records(&policy) {
                    log::error!("llm-policy-router: cannot create budget records: {e:?}");
                    return false;
                }
                define_metrics(&policy);
                if matches!(policy.spend.store, Store::Redis(_)) {
                    if let Err(status) = hostcalls::set_tick_period(TICK) {
                        log::error!("llm-policy-router: cannot start the budget tick: {status:?}");
                        return false;
                    }
                }
                self.policy = Some(Arc::new(policy));
                true
            }
            Err(errors) => {
                log::error!("llm-policy-router: configuration refused: {errors}");
                false
            }
        }
    }

    fn create_http_context(&self, _context_id: u32) -> Option<Box<dyn HttpContext>> {
        Some(Box::new(HttpFilter::new(
            self.policy.clone(),
            self.rng.clone(),
        )))
    }

    fn get_type(&self) -> Option<ContextType> {
        Some(super::CONTEXT_TYPE)
    }

    /// Sends queued settlements and, every second, looks for expired Redis leases.
    fn on_tick(&mut self) {
        let Some(policy) = self.policy.as_ref() else {
            return;
        };
        let Store::Redis(webdis) = &policy.spend.store else {
            return;
        };
        let now = now_ms();
        OUTBOX.with(|o| {
            let Ok(mut outbox) = o.try_borrow_mut() else {
                return;
            };
            if now.saturating_sub(self.last_reap_ms) >= REAP_EVERY_MS {
                self.last_reap_ms = now;
                outbox.schedule_reap();
            }
            outbox.flush(webdis, now, &mut |path: &str| {
                http_get(&webdis.cluster, &webdis.authority, path, webdis.timeout_ms).ok()
            });
        });
    }
}

/// Spend counters for every configured workspace (a bounded set).
fn define_metrics(policy: &CompiledPolicy) {
    let mut ids = super::hostcalls::MetricIds::default();
    for workspace in policy.workspaces.keys() {
        for metric in crate::spend::METRICS.iter().chain(&crate::guard::METRICS) {
            let name = crate::spend::metric_name(metric, workspace);
            match hostcalls::define_metric(proxy_wasm::types::MetricType::Counter, &name) {
                Ok(id) => {
                    ids.entry(metric).or_default().insert(workspace.clone(), id);
                }
                Err(status) => {
                    log::warn!("llm-policy-router: cannot define metric {name}: {status:?}")
                }
            }
        }
    }
    METRIC_IDS.with(|m| *m.borrow_mut() = ids);
}

/// Shared-data records must exist before traffic (see `spend::shared::ensure`); local ledgers
/// are also the fail-open fallback of the Redis store.
fn create_records(policy: &CompiledPolicy) -> Result<(), crate::spend::shared::StoreError> {
    let (ledgers, rates) = policy.spend.local_records();
    let mut host = EnvoyHost;
    ensure::<BlockCounter>(&mut host, BLOCKS_KEY)?;
    for key in &ledgers {
        ensure::<Account>(&mut host, key)?;
    }
    for key in &rates {
        ensure::<RateWindow>(&mut host, key)?;
    }
    Ok(())
}

fn clock_seed() -> u64 {
    hostcalls::get_current_time()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0x5eed, |d| d.as_nanos() as u64)
}

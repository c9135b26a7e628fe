//! The root context: compiles the plugin configuration once per VM (refusing a bad one, which
//! makes Envoy reject the config) and hands each request a `Flow` over the shared policy.

use super::http::HttpFilter;
use crate::config::CompiledPolicy;
use crate::routing::rng::Rng;
use proxy_wasm::hostcalls;
use proxy_wasm::traits::{Context, HttpContext, RootContext};
use proxy_wasm::types::{BufferType, ContextType};
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

#[derive(Default)]
pub struct Root {
    policy: Option<Arc<CompiledPolicy>>,
    /// One generator per VM (per worker thread), shared by its requests.
    rng: Rc<RefCell<Option<Rng>>>,
}

impl Context for Root {}

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
                log::info!(
                    "llm-policy-router {}: configured {} models, {} endpoints, {} workspaces",
                    env!("CARGO_PKG_VERSION"),
                    policy.catalog.models.len(),
                    policy.catalog.endpoints.len(),
                    policy.workspaces.len()
                );
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
}

fn clock_seed() -> u64 {
    hostcalls::get_current_time()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0x5eed, |d| d.as_nanos() as u64)
}

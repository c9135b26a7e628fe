//! The wasm entry point and Envoy adapter: the only code that imports proxy-wasm. It maps
//! callbacks onto `flow::Flow` and hostcalls onto `flow::Host`.

mod hostcalls;
mod http;
mod root;
mod timing;

use proxy_wasm::types::{ContextType, LogLevel};

proxy_wasm::main! {{
    proxy_wasm::set_log_level(LogLevel::Info);
    // With panic=abort a panic kills the VM; say so loudly before it does.
    std::panic::set_hook(Box::new(|info| {
        let _ = proxy_wasm::hostcalls::log(LogLevel::Critical, &format!("llm-policy-router panicked: {info}"));
    }));
    proxy_wasm::set_root_context(|_| -> Box<dyn proxy_wasm::traits::RootContext> { Box::new(root::Root::default()) });
}}

/// The root context creates HTTP contexts.
const CONTEXT_TYPE: ContextType = ContextType::HttpContext;

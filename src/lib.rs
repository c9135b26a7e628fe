//! llm-policy-router: an Envoy proxy-wasm filter that routes OpenAI-style LLM requests by
//! provider and data-handling policy. Everything but `host` is a pure core with no proxy-wasm
//! import, tested natively and shared with the `llm-policy-router` CLI.

pub mod catalog;
pub mod config;
pub mod errors;
pub mod explain;
pub mod fastmap;
pub mod flow;
pub mod guard;
pub mod headers;
pub mod identity;
pub mod models_list;
pub mod patch;
pub mod policy;
pub mod request;
pub mod routing;
pub mod spend;
pub mod sse;
pub mod upstream;

#[cfg(test)]
mod testutil;

#[cfg(target_arch = "wasm32")]
mod host;

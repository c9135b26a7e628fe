//! Guardrails: data-loss prevention (`dlp`) and prompt-injection defense (`injection`) over every
//! string of a request the model would see (`extract`), combined per workspace (`policy`) and
//! turned into one verdict (`inspect`): block, redact through the body patcher, or flag.

pub mod dlp;
pub mod extract;
pub mod injection;
pub mod inspect;
pub mod policy;
pub mod stream;

/// Counters per workspace, defined next to the spend counters.
pub const METRICS: [&str; 3] = [METRIC_BLOCKED, METRIC_REDACTED, METRIC_FLAGGED];
/// Requests refused by a guardrail.
pub const METRIC_BLOCKED: &str = "llm_guardrail_blocked";
/// Detectors whose matches were redacted (one per detector per request).
pub const METRIC_REDACTED: &str = "llm_guardrail_redacted";
/// Detectors that flagged (one per detector per request).
pub const METRIC_FLAGGED: &str = "llm_guardrail_flagged";

/// What to do with a finding; the stricter action wins when rules combine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Action {
    /// Forward unchanged; recorded in the response header, the access-log note and a counter.
    Flag,
    /// Replace the match with its label (`[EMAIL]`), keeping the JSON valid, then forward.
    Redact,
    /// Refuse with 403.
    Block,
}

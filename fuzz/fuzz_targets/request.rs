//! Any bytes as a request body for every API, from every workspace: parse → guardrails → decide →
//! prepare must never panic, and a forwarded body (redactions included) must be valid JSON naming
//! the provider's model. The same bytes as a provider's answer: response DLP must keep it valid JSON.
#![no_main]

use libfuzzer_sys::fuzz_target;
use llm_policy_router::config::CompiledPolicy;
use llm_policy_router::request::body::TopLevel;
use llm_policy_router::request::{Api, LlmRequest};
use llm_policy_router::routing::{decide, rng::Rng};
use llm_policy_router::guard::inspect::{inspect, inspect_response};
use llm_policy_router::guard::stream::StreamRedactor;
use llm_policy_router::patch::Patch;
use llm_policy_router::upstream::prepare_with;
use std::sync::OnceLock;

fn policy() -> &'static CompiledPolicy {
    static POLICY: OnceLock<CompiledPolicy> = OnceLock::new();
    POLICY.get_or_init(|| {
        let secrets = |_: &str| Some("fuzz".to_string());
        CompiledPolicy::from_json(include_bytes!("../../examples/policy.jsonc"), &secrets).expect("example policy")
    })
}

fuzz_target!(|data: &[u8]| {
    let policy = policy();
    for api in [Api::ChatCompletions, Api::Completions, Api::Embeddings, Api::Responses] {
        let Ok(request) = LlmRequest::parse(api, data) else { continue };
        for workspace in ["engineering", "legal", "marketing", "ops"] {
            let guard = &policy.guards[workspace];
            let Ok(verdict) = inspect(guard, api, &request.top, data) else { continue };
            let Ok(decision) = decide(policy, workspace, &request, &mut Rng::new(data.len() as u64)) else { continue };
            let chosen = decision.ranked[0].endpoint;
            let attempt = prepare_with(&policy.catalog, chosen, data, &request, &verdict.edits)
                .expect("a parsed request can always be prepared");
            if let Some(body) = attempt.body {
                // Syntax only: JSON allows numbers (e.g. 1e999999) that a Value cannot hold, and
                // those pass through untouched, as they arrived.
                serde_json::from_slice::<serde::de::IgnoredAny>(&body).expect("patched body is valid JSON");
                let top = TopLevel::parse(&body).expect("patched body has a top-level object");
                let model: String = serde_json::from_str(top.get("model").expect("model present").get()).expect("model is a string");
                assert_eq!(model, attempt.upstream_model);
                for field in ["provider", "models", "route", "transforms", "plugins"] {
                    assert!(top.get(field).is_none(), "{field} must be removed");
                }
            }
        }
    }
    // The same bytes as a provider's answer, scanned by response DLP (JSON and one stream event).
    let mut guard = policy.guards["legal"].clone();
    guard.dlp_responses = true;
    if let Ok(verdict) = inspect_response(&guard, data) {
        if !verdict.edits.is_empty() {
            let out = Patch::from_edits(&verdict.edits).apply(data).expect("response edits apply");
            serde_json::from_slice::<serde::de::IgnoredAny>(&out).expect("redacted answer is valid JSON");
        }
    }
    if let Ok(text) = std::str::from_utf8(data) {
        // The replacement is whole SSE events (Responses API: sometimes two), each with JSON data.
        if let Some(rewritten) = StreamRedactor::default().rewrite(&guard, text) {
            assert!(rewritten.ends_with("\n\n"), "rewritten events end with a blank line");
            for line in rewritten.lines() {
                if let Some(json) = line.strip_prefix("data: ") {
                    serde_json::from_str::<serde_json::Value>(json).expect("rewritten event data is JSON");
                } else {
                    assert!(line.is_empty() || line.starts_with("event: "), "unexpected line {line:?}");
                }
            }
        }
    }
});

//! `llm-policy-router explain`: a dry run of one request against a policy, as JSON. It runs the
//! same identify → parse → decide → prepare steps as the filter, and adds what only an operator
//! should see (clusters, the rewritten body). Credential values are never printed.

use crate::config::CompiledPolicy;
use crate::errors::ApiError;
use crate::flow::spend::{holds_for, standing};
use crate::identity::Presented;
use crate::request::{Api, LlmRequest};
use crate::routing::{self, rng::Rng, Decision};
use crate::spend::reserve::worst_case_over;
use crate::spend::Store;
use crate::upstream;
use serde_json::{json, Value};

/// What the caller presents.
#[derive(Debug, Default, Clone)]
pub struct ExplainInput<'a> {
    pub api: Option<Api>,
    pub api_key: Option<&'a str>,
    pub workspace_header: Option<&'a str>,
    pub seed: u64,
    /// Wall-clock time for budget windows, Unix milliseconds.
    pub now_ms: u64,
}

pub fn explain(policy: &CompiledPolicy, body: &[u8], input: &ExplainInput<'_>) -> Value {
    match run(policy, body, input) {
        Ok(v) => v,
        Err(e) => {
            let body: Value = serde_json::from_slice(&e.to_json()).unwrap_or(Value::Null);
            json!({ "outcome": "refused", "status": e.status, "response": body })
        }
    }
}

fn run(policy: &CompiledPolicy, body: &[u8], input: &ExplainInput<'_>) -> Result<Value, ApiError> {
    let is_workspace = |w: &str| policy.workspaces.contains_key(w);
    let presented = Presented {
        api_key: input.api_key,
        workspace_header: input.workspace_header,
    };
    let caller = policy.identity.identify(presented, &is_workspace)?;
    let api = input.api.unwrap_or(Api::ChatCompletions);
    let request = LlmRequest::parse(api, body)?;
    let mut rng = Rng::new(input.seed);
    let decision = routing::decide(policy, &caller.workspace, &request, &mut rng)?;
    let chosen = decision.chosen().ok_or_else(ApiError::internal)?;
    let attempt = upstream::prepare(&policy.catalog, chosen.endpoint, body, &request)?;
    let mut headers = serde_json::Map::new();
    headers.insert(policy.cluster_header.clone(), json!(attempt.cluster));
    if let Some(c) = attempt.credential {
        headers.insert(
            c.header.clone(),
            json!(format!("<secret from env {}>", c.source)),
        );
    }
    if let Some(b) = &attempt.body {
        headers.insert("content-length".into(), json!(b.len().to_string()));
    }
    headers.insert("x-llm-provider (response)".into(), json!(attempt.provider));
    headers.insert("x-llm-model (response)".into(), json!(attempt.model));
    Ok(json!({
        "outcome": "forward",
        "caller": { "workspace": caller.workspace, "key": caller.key_name },
        "estimated_prompt_tokens": { "lower": request.tokens.lower, "upper": request.tokens.upper },
        "endpoint": { "provider": attempt.provider, "model": attempt.model, "cluster": attempt.cluster, "upstream_model": attempt.upstream_model },
        "headers_set": headers,
        "body_rewritten": attempt.body.as_ref().map(|b| String::from_utf8_lossy(b).into_owned()),
        "ranked": ranked(policy, &decision),
        "excluded": excluded(policy, &decision),
        "spend": spend(policy, &caller, &request, &decision, input.now_ms),
    }))
}

/// What the request would reserve, and the budgets and rate limits it is checked against.
fn spend(
    policy: &CompiledPolicy,
    caller: &crate::identity::Caller,
    request: &LlmRequest<'_>,
    decision: &Decision,
    now_ms: u64,
) -> Value {
    let worst = worst_case_over(&policy.catalog, request, &decision.ranked);
    let budgets: Vec<Value> = holds_for(policy, caller, now_ms)
        .iter()
        .map(|h| {
            let mut v = standing(h, None, None);
            if let Value::Object(map) = &mut v {
                map.insert("window".into(), json!(h.window.id));
                map.insert("counter_key".into(), json!(h.key));
            }
            v
        })
        .collect();
    json!({
        "reserve": {
            "prompt_tokens_bound": worst.prompt_tokens,
            "completion_tokens_cap": worst.completion_tokens,
            "usd": worst.amount.to_string(),
        },
        "store": match policy.spend.store { Store::Local => "local", Store::Redis(_) => "redis" },
        "budgets": budgets,
        "rate_limit": policy.spend.rate_for(caller).map(|r| json!({
            "requests_per_minute": r.requests_per_minute,
            "tokens_per_minute": r.tokens_per_minute,
        })),
    })
}

fn ranked(policy: &CompiledPolicy, decision: &Decision) -> Value {
    let list: Vec<Value> = decision
        .ranked
        .iter()
        .filter_map(|c| {
            let (ep, model, provider) = policy.catalog.resolve(c.endpoint)?;
            Some(json!({"provider": provider.id, "model": model.id, "cluster": ep.cluster, "why": c.why}))
        })
        .collect();
    Value::Array(list)
}

fn excluded(policy: &CompiledPolicy, decision: &Decision) -> Value {
    let mut list = routing::excluded_by(&policy.catalog, &decision.excluded);
    if let Value::Array(items) = &mut list {
        for (item, ex) in items.iter_mut().zip(&decision.excluded) {
            if let (Value::Object(map), Some(ep)) = (item, policy.catalog.endpoint(ex.endpoint)) {
                map.insert("cluster".into(), json!(ep.cluster));
            }
        }
    }
    list
}

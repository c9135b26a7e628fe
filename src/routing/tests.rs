use super::exclusion::Layer;
use super::*;
use crate::request::{Api, LlmRequest};
use crate::testutil::{example, example_with};
use serde_json::json;

fn decide_json(
    policy: &CompiledPolicy,
    workspace: &str,
    body: serde_json::Value,
    seed: u64,
) -> Result<Decision, ApiError> {
    let bytes = serde_json::to_vec(&body).unwrap();
    let request = LlmRequest::parse(Api::ChatCompletions, &bytes)?;
    decide(policy, workspace, &request, &mut Rng::new(seed))
}

fn chat(model: &str, provider: serde_json::Value) -> serde_json::Value {
    json!({"model": model, "messages": [{"role": "user", "content": "hi"}], "provider": provider})
}

/// A chat request for `model` with `provider` preferences, decided for `workspace` (seed 1).
fn decide_chat(
    p: &CompiledPolicy,
    workspace: &str,
    model: &str,
    provider: serde_json::Value,
) -> Decision {
    decide_json(p, workspace, chat(model, provider), 1).unwrap()
}

fn refuse_chat(
    p: &CompiledPolicy,
    workspace: &str,
    model: &str,
    provider: serde_json::Value,
) -> ApiError {
    decide_json(p, workspace, chat(model, provider), 1).unwrap_err()
}

fn ranked_providers(policy: &CompiledPolicy, d: &Decision) -> Vec<String> {
    d.ranked
        .iter()
        .map(|c| policy.catalog.resolve(c.endpoint).unwrap().2.id.clone())
        .collect()
}

/// (provider, [codes]) of every exclusion.
fn exclusions(policy: &CompiledPolicy, excluded: &[Exclusion]) -> Vec<(String, Vec<String>)> {
    excluded
        .iter()
        .map(|e| {
            let provider = policy.catalog.resolve(e.endpoint).unwrap().2.id.clone();
            (
                provider,
                e.reasons.iter().map(|r| r.code.as_string()).collect(),
            )
        })
        .collect()
}

fn codes_of_error(err: &ApiError) -> Vec<(String, Vec<String>)> {
    err.metadata.as_ref().unwrap()["excluded_by"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| {
            let codes = x["rules"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r["code"].as_str().unwrap().to_string())
                .collect();
            (x["provider"].as_str().unwrap().to_string(), codes)
        })
        .collect()
}

#[test]
fn sort_orders_by_price_throughput_and_latency() {
    let p = example();
    let by = |sort: &str| {
        ranked_providers(
            &p,
            &decide_chat(&p, "engineering", "gpt-4o-mini", json!({"sort": sort})),
        )
    };
    assert_eq!(by("price"), ["budget-cloud", "us-train", "euro-zdr"]);
    assert_eq!(by("throughput"), ["us-train", "euro-zdr", "budget-cloud"]);
    assert_eq!(by("latency"), ["us-train", "euro-zdr", "budget-cloud"]);
}

#[test]
fn explicit_order_comes_first_then_the_sort() {
    let p = example();
    let d = decide_chat(
        &p,
        "engineering",
        "gpt-4o-mini",
        json!({"order": ["euro-zdr"], "sort": "price"}),
    );
    assert_eq!(
        ranked_providers(&p, &d),
        ["euro-zdr", "budget-cloud", "us-train"]
    );
    assert_eq!(d.ranked[0].why, OrderReason::Order { position: 0 });
    assert_eq!(
        d.ranked[1].why,
        OrderReason::Sort {
            sort: SortKey::Price
        }
    );
}

#[test]
fn allow_fallbacks_false_keeps_only_ordered_or_first() {
    let p = example();
    let d = decide_chat(
        &p,
        "engineering",
        "gpt-4o-mini",
        json!({"order": ["us-train"], "allow_fallbacks": false}),
    );
    assert_eq!(ranked_providers(&p, &d), ["us-train"]);
    assert!(exclusions(&p, &d.excluded)
        .iter()
        .all(|(_, c)| c == &["provider_not_in_order"]));
    let d = decide_chat(
        &p,
        "engineering",
        "gpt-4o-mini",
        json!({"sort": "price", "allow_fallbacks": false}),
    );
    assert_eq!(ranked_providers(&p, &d), ["budget-cloud"]);
}

#[test]
fn default_order_is_seeded_weighted_random_by_inverse_square_price() {
    let p = example();
    let body = chat("gpt-4o-mini", json!({}));
    let a = decide_json(&p, "engineering", body.clone(), 42).unwrap();
    let b = decide_json(&p, "engineering", body.clone(), 42).unwrap();
    assert_eq!(a, b, "same seed, same order");
    let mut first = std::collections::HashMap::new();
    let mut rng = Rng::new(7);
    let bytes = serde_json::to_vec(&body).unwrap();
    let request = LlmRequest::parse(Api::ChatCompletions, &bytes).unwrap();
    for _ in 0..20_000 {
        let d = decide(&p, "engineering", &request, &mut rng).unwrap();
        *first
            .entry(ranked_providers(&p, &d)[0].clone())
            .or_insert(0u32) += 1;
    }
    // Blended prices 0.25, 0.75, 1.50 USD/Mtok → weights ∝ 1/p²: 87.8%, 9.8%, 2.4%.
    let share = |name: &str| f64::from(first[name]) / 20_000.0;
    assert!((share("budget-cloud") - 0.878).abs() < 0.02, "{first:?}");
    assert!((share("us-train") - 0.098).abs() < 0.015, "{first:?}");
    assert!((share("euro-zdr") - 0.0246).abs() < 0.008, "{first:?}");
}

#[test]
fn degraded_endpoints_go_last() {
    let p = example_with(|v| v["models"][0]["endpoints"][2]["degraded"] = json!(true));
    for seed in 0..50 {
        let d = decide_json(&p, "engineering", chat("gpt-4o-mini", json!({})), seed).unwrap();
        assert_eq!(ranked_providers(&p, &d)[2], "budget-cloud");
        assert_eq!(d.ranked[2].why, OrderReason::Degraded);
    }
}

#[test]
fn request_rules_each_record_their_code() {
    let p = example();
    let cases = [
        (
            json!({"only": ["euro-zdr"]}),
            "us-train",
            "provider_not_in_only",
        ),
        (
            json!({"ignore": ["us-train"]}),
            "us-train",
            "provider_ignored",
        ),
        (json!({"zdr": true}), "us-train", "data_policy:zdr"),
        (
            json!({"data_collection": "deny"}),
            "us-train",
            "data_policy:training",
        ),
        (
            json!({"quantizations": ["fp16"]}),
            "budget-cloud",
            "quantization",
        ),
        (
            json!({"max_price": {"completion": 1.0}}),
            "euro-zdr",
            "max_price",
        ),
    ];
    for (prefs, provider, code) in cases {
        let d = decide_json(&p, "engineering", chat("gpt-4o-mini", prefs.clone()), 1).unwrap();
        let ex = exclusions(&p, &d.excluded);
        assert!(
            ex.iter()
                .any(|(pr, codes)| pr == provider && codes.contains(&code.to_string())),
            "{prefs}: {ex:?}"
        );
        assert!(d
            .excluded
            .iter()
            .all(|e| e.reasons.iter().all(|r| r.layer == Layer::Request)));
    }
}

/// The one exclusion a body produces for engineering: (provider, codes).
fn single_exclusion(p: &CompiledPolicy, body: serde_json::Value) -> (String, Vec<String>) {
    let d = decide_json(p, "engineering", body, 1).unwrap();
    let mut all = exclusions(p, &d.excluded);
    assert_eq!(all.len(), 1, "{all:?}");
    all.remove(0)
}

fn owned(provider: &str, code: &str) -> (String, Vec<String>) {
    (provider.to_string(), vec![code.to_string()])
}

#[test]
fn capability_rules() {
    let p = example();
    // max_tokens above budget-cloud's 4096 completion cap.
    let mut body = chat("gpt-4o-mini", json!({}));
    body["max_tokens"] = json!(8000);
    assert_eq!(
        single_exclusion(&p, body),
        owned("budget-cloud", "max_completion_tokens")
    );
    // Prompt + completion beyond the 16k window.
    let mut body = chat("gpt-4o-mini", json!({}));
    body["messages"][0]["content"] = json!("x".repeat(8 * 15_000));
    body["max_tokens"] = json!(2000);
    assert_eq!(
        single_exclusion(&p, body),
        owned("budget-cloud", "context_length")
    );
    // Tools always need support; other parameters only with require_parameters.
    let mut body = chat("gpt-4o-mini", json!({}));
    body["tools"] = json!([{"type": "function", "function": {"name": "f"}}]);
    assert_eq!(
        single_exclusion(&p, body),
        owned("budget-cloud", "unsupported_parameter:tools")
    );
    let mut body = chat("gpt-4o-mini", json!({"require_parameters": true}));
    body["response_format"] = json!({"type": "json_object"});
    assert_eq!(
        single_exclusion(&p, body.clone()),
        owned("budget-cloud", "unsupported_parameter:response_format")
    );
    body["provider"] = json!({});
    assert!(decide_json(&p, "engineering", body, 1)
        .unwrap()
        .excluded
        .is_empty());
}

#[test]
fn policy_alone_gives_403_otherwise_404() {
    let p = example();
    let err = refuse_chat(&p, "marketing", "llama3:8b", json!({}));
    assert_eq!((err.status, err.code), (403, "forbidden_by_policy"));
    assert_eq!(
        codes_of_error(&err),
        [
            ("euro-zdr".into(), vec!["model_denied".into()]),
            ("budget-cloud".into(), vec!["model_denied".into()])
        ]
    );
    // One endpoint removed only by the request's own preference → 404.
    let err = refuse_chat(&p, "legal", "gpt-4o-mini", json!({"ignore": ["euro-zdr"]}));
    assert_eq!((err.status, err.code), (404, "no_eligible_endpoint"));
    assert!(
        !serde_json::to_string(&err.metadata)
            .unwrap()
            .contains("provider_euro"),
        "no cluster names"
    );
}

#[test]
fn org_and_workspace_rules_both_apply() {
    let p = example_with(|v| {
        v["org"] =
            json!({"providers": {"deny": ["budget-cloud"]}, "allowed_regions": ["eu", "apac"]});
        v["workspaces"]["engineering"] =
            json!({"policy": {"providers": {"allow": ["*"]}, "models": {"allow": ["openai/*"]}}});
    });
    let d = decide_chat(&p, "engineering", "gpt-4o-mini", json!({}));
    assert_eq!(ranked_providers(&p, &d), ["euro-zdr"]);
    let ex = exclusions(&p, &d.excluded);
    assert_eq!(
        ex,
        [
            ("us-train".into(), vec!["region".into()]),
            ("budget-cloud".into(), vec!["provider_denied".into()])
        ]
    );
    let err = refuse_chat(&p, "engineering", "llama3:8b", json!({}));
    assert_eq!(err.status, 403);
    assert_eq!(codes_of_error(&err)[0].1, ["model_not_allowed"]);
}

#[test]
fn models_chain_concatenates_each_models_order() {
    let p = example();
    let body = json!({"models": ["llama3:8b", "gpt-4o-mini"], "messages": [{"role": "user", "content": "x"}], "provider": {"sort": "price"}});
    let d = decide_json(&p, "engineering", body, 1).unwrap();
    assert_eq!(
        ranked_providers(&p, &d),
        [
            "budget-cloud",
            "euro-zdr",
            "budget-cloud",
            "us-train",
            "euro-zdr"
        ]
    );
    assert_eq!(d.requested.len(), 2);
}

#[test]
fn private_model_is_unknown_to_other_workspaces() {
    let p = example();
    assert!(decide_json(&p, "engineering", chat("acme/internal-coder", json!({})), 1).is_ok());
    let err = refuse_chat(&p, "legal", "acme/internal-coder", json!({}));
    assert_eq!(
        (err.status, err.code, err.param.as_deref()),
        (404, "model_not_found", Some("model"))
    );
}

#[test]
fn negative_request_max_price_is_a_400() {
    let p = example();
    let err = refuse_chat(
        &p,
        "engineering",
        "gpt-4o-mini",
        json!({"max_price": {"prompt": -1}}),
    );
    assert_eq!(
        (err.status, err.param.as_deref()),
        (400, Some("provider.max_price.prompt"))
    );
}

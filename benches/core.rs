//! Native micro-benchmark of the per-request core on the generated bench policy (400 models × 3
//! endpoints, 120 keys): identify → parse → decide → prepare (patch), for 2 KB and 32 KB bodies.
//! `make bench` runs it; prints a table and writes bench/results/core.json.
#![allow(clippy::expect_used, clippy::indexing_slicing)] // a benchmark binary: failing loudly is right

use llm_policy_router::config::CompiledPolicy;
use llm_policy_router::identity::Presented;
use llm_policy_router::request::{Api, LlmRequest};
use llm_policy_router::routing::{decide, rng::Rng};
use llm_policy_router::upstream::prepare;
use std::hint::black_box;
use std::time::Instant;

mod common;
use common::measure;

fn main() {
    let secrets = |_: &str| Some("bench-secret".to_string());
    let policy_bytes =
        std::fs::read("bench/policy.json").expect("run from the repo root (make bench)");
    let t = Instant::now();
    let policy = CompiledPolicy::from_json(&policy_bytes, &secrets).expect("bench policy compiles");
    let compile_ms = t.elapsed().as_secs_f64() * 1e3;
    let is_ws = |w: &str| policy.workspaces.contains_key(w);
    let mut rows = Vec::new();
    for (name, path) in [
        ("2KB", "bench/chat-2k.json"),
        ("32KB", "bench/chat-32k.json"),
    ] {
        let body = std::fs::read(path).expect("bench body");
        let mut rng = Rng::new(1);
        let identify = measure(|| {
            black_box(
                policy
                    .identity
                    .identify(
                        Presented {
                            api_key: Some(black_box("sk-bench-3")),
                            workspace_header: None,
                        },
                        &is_ws,
                    )
                    .ok(),
            );
        });
        let parse = measure(|| {
            black_box(LlmRequest::parse(Api::ChatCompletions, black_box(&body)).ok());
        });
        let request = LlmRequest::parse(Api::ChatCompletions, &body).expect("body parses");
        let decide_ns = measure(|| {
            black_box(decide(&policy, black_box("ws-3"), &request, &mut rng).ok());
        });
        let decision = decide(&policy, "ws-3", &request, &mut rng).expect("bench body routes");
        let endpoint = decision.ranked[0].endpoint;
        let prepare_ns = measure(|| {
            black_box(prepare(&policy.catalog, endpoint, black_box(&body), &request).ok());
        });
        let total = measure(|| {
            let caller = policy
                .identity
                .identify(
                    Presented {
                        api_key: Some("sk-bench-3"),
                        workspace_header: None,
                    },
                    &is_ws,
                )
                .ok();
            let request = LlmRequest::parse(Api::ChatCompletions, black_box(&body)).ok();
            if let (Some(caller), Some(request)) = (caller, request) {
                if let Ok(d) = decide(&policy, &caller.workspace, &request, &mut rng) {
                    black_box(prepare(&policy.catalog, d.ranked[0].endpoint, &body, &request).ok());
                }
            }
        });
        rows.push((
            name,
            body.len(),
            identify,
            parse,
            decide_ns,
            prepare_ns,
            total,
        ));
    }
    println!("policy: 400 models x 3 endpoints, 120 keys; compiled in {compile_ms:.1} ms");
    println!(
        "{:>5} {:>7} {:>10} {:>10} {:>10} {:>10} {:>10}",
        "body", "bytes", "identify", "parse", "decide", "prepare", "total"
    );
    let mut json_rows = Vec::new();
    for (name, bytes, i, p, d, pr, t) in &rows {
        println!(
            "{name:>5} {bytes:>7} {:>8.2}µs {:>8.2}µs {:>8.2}µs {:>8.2}µs {:>8.2}µs",
            i / 1e3,
            p / 1e3,
            d / 1e3,
            pr / 1e3,
            t / 1e3
        );
        json_rows.push(serde_json::json!({"body": name, "bytes": bytes, "identify_us": i / 1e3, "parse_us": p / 1e3,
            "decide_us": d / 1e3, "prepare_us": pr / 1e3, "total_us": t / 1e3,
            "parse_mb_per_s": *bytes as f64 / p * 1e3}));
    }
    std::fs::create_dir_all("bench/results").ok();
    let doc = serde_json::json!({"policy": "bench/policy.json", "compile_ms": compile_ms, "rows": json_rows});
    std::fs::write(
        "bench/results/core.json",
        serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n",
    )
    .ok();
}

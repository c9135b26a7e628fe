//! The profiling workload: whole requests through the flow with the bench policy, as in
//! `make bench`. Ignored by `cargo test`; `bench/profile_wasm.sh` runs it compiled to wasm under
//! V8 (Node) to get a per-function profile of the plugin's own code, which Envoy cannot give.

use super::fake_host::FakeHost;
use super::{Flow, Next};
use crate::guard::dlp::builtin::Builtin;
use crate::routing::rng::Rng;
use std::sync::Arc;

const COMPLETION: &[u8] = br#"{"id":"chatcmpl-bench","object":"chat.completion","created":0,"model":"m","choices":[{"index":0,"message":{"role":"assistant","content":"ok"},"finish_reason":"stop"}],"usage":{"prompt_tokens":500,"completion_tokens":1,"total_tokens":501}}"#;

/// Five content events and `[DONE]`, one chunk each, as `bench-upstream` streams them.
const STREAM_CHUNKS: [&[u8]; 6] = [
    b"data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"t0\"}}]}\n\n",
    b"data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"t1\"}}]}\n\n",
    b"data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"t2\"}}]}\n\n",
    b"data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"t3\"}}]}\n\n",
    b"data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"t4\"}}]}\n\n",
    b"data: [DONE]\n\n",
];

/// `PROFILE_REQUESTS` requests (default 20 000) of `PROFILE_BODY` (default bench/chat-2k.json);
/// `PROFILE_GUARDRAILS=1` turns every guardrail on, as the `plugin_guardrails` bench variant does;
/// `PROFILE_STREAM=1` asks for a stream and answers with `STREAM_CHUNKS`, as `BENCH_STREAM=1` does.
#[test]
#[ignore]
fn profile_workload() {
    let env = |name: &str| std::env::var(name).ok();
    let read = |path: &str| std::fs::read(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut policy: serde_json::Value =
        serde_json::from_slice(&read("bench/policy.json")).expect("bench policy");
    if env("PROFILE_GUARDRAILS").as_deref() == Some("1") {
        // Every built-in detector, so the list never falls behind a new one.
        let detectors: serde_json::Map<String, serde_json::Value> = Builtin::ALL
            .iter()
            .map(|d| (d.name().to_string(), "redact".into()))
            .collect();
        policy["org"]["guardrails"] = serde_json::json!({
            "dlp": {"detectors": detectors},
            "prompt_injection": {"action": "block", "roles": ["system", "user", "assistant", "tool"]}
        });
    }
    let policy = Arc::new(crate::testutil::compile(&policy).expect("bench policy compiles"));
    let mut body = read(&env("PROFILE_BODY").unwrap_or_else(|| "bench/chat-2k.json".into()));
    let stream = env("PROFILE_STREAM").as_deref() == Some("1");
    if stream {
        let mut doc: serde_json::Value = serde_json::from_slice(&body).expect("JSON body");
        doc["stream"] = true.into();
        body = serde_json::to_vec(&doc).expect("serialise");
    }
    let requests: u32 = env("PROFILE_REQUESTS")
        .and_then(|n| n.parse().ok())
        .unwrap_or(20_000);
    let length = body.len().to_string();
    let mut rng = Rng::new(1);
    let started = std::time::Instant::now();
    for _ in 0..requests {
        let mut host = FakeHost::request(
            "POST",
            "/v1/chat/completions",
            &[
                ("authorization", "Bearer sk-bench-3"),
                ("content-type", "application/json"),
                ("content-length", &length),
            ],
            &body,
        );
        let mut flow = Flow::new(policy.clone());
        assert_eq!(flow.on_request_headers(&mut host, false), Next::Pause);
        let next = flow.on_request_body(&mut host, body.len(), true, &mut rng);
        assert_eq!(next, Next::Continue, "{:?}", host.reply_json());
        let content_type = if stream {
            "text/event-stream"
        } else {
            "application/json"
        };
        host.response_headers = vec![
            (":status".into(), "200".into()),
            ("content-type".into(), content_type.into()),
        ];
        flow.on_response_headers(&mut host, false);
        if stream {
            for chunk in STREAM_CHUNKS {
                host.response_body = chunk.to_vec();
                flow.on_response_body(&mut host, chunk.len(), false);
            }
            host.response_body = Vec::new();
            flow.on_response_body(&mut host, 0, true);
        } else {
            host.response_body = COMPLETION.to_vec();
            flow.on_response_body(&mut host, COMPLETION.len(), true);
        }
        flow.on_done(&mut host);
    }
    eprintln!("per request: {:?}", started.elapsed() / requests);
}

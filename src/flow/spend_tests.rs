//! The flow's spend path against the fake host: admission, settlement, Redis replies.

use super::fake_host::FakeHost;
use super::*;
use crate::spend::ledger;
use crate::spend::money::MicroUsd;
use crate::spend::outbox::Job;
use crate::spend::shared::ensure;
use crate::testutil::example_with;
use serde_json::json;

const OPS: (&str, &str) = ("authorization", "Bearer sk-ops-demo");
const JSON: (&str, &str) = ("content-type", "application/json");
// 2026-11-23T12:00:00Z
const NOW_MS: u64 = 1_795_435_200_000;

/// The example with a tight ops budget (`limit_usd`) and the given store.
fn policy(limit_usd: f64, store: serde_json::Value) -> Arc<CompiledPolicy> {
    Arc::new(example_with(|v| {
        v["workspaces"]["ops"]["budget"] = json!({"limit_usd": limit_usd, "reset": "daily"});
        v["spend"] = store;
    }))
}

fn host_for(policy: &CompiledPolicy, body: &[u8]) -> FakeHost {
    let mut host = FakeHost::request("POST", "/v1/chat/completions", &[OPS, JSON], body);
    host.now_ms = NOW_MS;
    let (ledgers, rates) = policy.spend.local_records();
    for k in ledgers {
        ensure::<ledger::Account>(&mut host.shared, &k).unwrap();
    }
    for k in rates {
        ensure::<crate::spend::rate::RateWindow>(&mut host.shared, &k).unwrap();
    }
    host
}

fn send(flow: &mut Flow, host: &mut FakeHost) -> Next {
    assert_eq!(flow.on_request_headers(host, false), Next::Pause);
    let size = host.request_body.len();
    flow.on_request_body(host, size, true, &mut Rng::new(7))
}

fn respond(flow: &mut Flow, host: &mut FakeHost, content_type: &str, body: &[u8]) {
    host.response_headers = vec![
        (":status".into(), "200".into()),
        ("content-type".into(), content_type.into()),
    ];
    host.code_details = Some("via_upstream".into());
    flow.on_response_headers(host, false);
    host.response_body = body.to_vec();
    flow.on_response_body(host, body.len(), false);
    host.response_body.clear();
    flow.on_response_body(host, 0, true);
    flow.on_done(host);
}

const BODY: &[u8] =
    br#"{"model":"llama3:8b","max_tokens":50,"messages":[{"role":"user","content":"hello"}]}"#;

fn ops_account(host: &FakeHost, key: &str) -> ledger::Account {
    ledger::read(&host.shared, key, "d2026-11-23", NOW_MS).unwrap()
}

#[test]
fn reserves_the_worst_case_then_settles_the_reported_cost() {
    let p = policy(10.0, json!({}));
    let mut host = host_for(&p, BODY);
    let mut flow = Flow::new(p.clone());
    assert_eq!(send(&mut flow, &mut host), Next::Continue);
    let worst = flow.ticket.as_ref().unwrap().worst;
    let reserved = ops_account(&host, "llmpr.budget.workspace:ops");
    assert_eq!(
        (reserved.spent, reserved.reserved()),
        (MicroUsd(0), worst.amount)
    );
    assert_eq!(
        ops_account(&host, "llmpr.budget.key:ops-demo").reserved(),
        worst.amount
    );

    let usage = br#"{"choices":[],"usage":{"prompt_tokens":1000000,"completion_tokens":0}}"#;
    respond(&mut flow, &mut host, "application/json", usage);
    let settled = ops_account(&host, "llmpr.budget.workspace:ops");
    assert_eq!(settled.reserved(), MicroUsd(0));
    // llama3:8b on budget-cloud: the prompt price per million tokens, exactly.
    let price = p
        .catalog
        .endpoints
        .iter()
        .find(|e| e.upstream_model == "llama3:8b")
        .unwrap()
        .price;
    assert_eq!(settled.spent, MicroUsd(price.prompt.0));
    assert_eq!(
        host.response_header_value("x-llm-reserved-usd"),
        Some(worst.amount.to_string().as_str())
    );
    assert!(host.filter_state["llm_route"].contains("estimated=false"));
    assert_eq!(
        host.counters["llm_spend_micro_usd.workspace=ops"],
        price.prompt.0
    );
}

#[test]
fn over_budget_is_403_with_scope_limit_spent_and_reset() {
    let p = policy(0.000001, json!({}));
    let mut host = host_for(&p, BODY);
    let mut flow = Flow::new(p);
    assert_eq!(send(&mut flow, &mut host), Next::Pause);
    let (status, body) = host.reply_json().unwrap();
    assert_eq!(status, 403);
    assert_eq!(body["error"]["code"], "budget_exceeded");
    assert_eq!(body["error"]["type"], "permission_error");
    let meta = &body["error"]["metadata"];
    assert_eq!(meta["scope"], "workspace:ops");
    assert_eq!(meta["limit"], 0.000001);
    assert_eq!(meta["spent"], 0.0);
    assert_eq!(meta["reset"], "daily");
    assert_eq!(meta["resets_at"], "2026-11-24T00:00:00Z");
    assert_eq!(host.counters["llm_budget_refused.workspace=ops"], 1);
    // Routed before the budget refused it: neither key stays on the request (access logs).
    assert_eq!(host.header("x-api-key"), None);
    assert_eq!(host.header("authorization"), None);
    // Nothing stays reserved on either scope after a refusal.
    assert_eq!(
        ops_account(&host, "llmpr.budget.key:ops-demo").reserved(),
        MicroUsd(0)
    );
}

#[test]
fn a_request_that_ends_without_usage_is_charged_by_estimate() {
    let p = policy(10.0, json!({}));
    let mut host = host_for(&p, BODY);
    let mut flow = Flow::new(p);
    send(&mut flow, &mut host);
    // The client went away before any response.
    flow.on_done(&mut host);
    let a = ops_account(&host, "llmpr.budget.workspace:ops");
    assert_eq!(a.reserved(), MicroUsd(0));
    assert!(a.spent > MicroUsd(0));
    assert!(host.filter_state["llm_route"].contains("estimated=true"));
    // Settling twice (eos then on_log) charges once.
    flow.on_done(&mut host);
    assert_eq!(
        ops_account(&host, "llmpr.budget.workspace:ops").spent,
        a.spent
    );
}

#[test]
fn provider_errors_release_the_reservation_at_no_cost() {
    let p = policy(10.0, json!({}));
    let mut host = host_for(&p, BODY);
    let mut flow = Flow::new(p);
    send(&mut flow, &mut host);
    host.response_headers = vec![(":status".into(), "429".into())];
    host.code_details = Some("via_upstream".into());
    flow.on_response_headers(&mut host, true);
    let a = ops_account(&host, "llmpr.budget.workspace:ops");
    assert_eq!((a.spent, a.reserved()), (MicroUsd(0), MicroUsd(0)));
}

#[test]
fn rate_limit_is_429_with_retry_after() {
    let p = Arc::new(example_with(|v| {
        v["auth"]["keys"][3]["rate_limit"] = json!({"requests_per_minute": 1});
    }));
    let mut host = host_for(&p, BODY);
    let mut flow = Flow::new(p.clone());
    assert_eq!(send(&mut flow, &mut host), Next::Continue);
    let mut again = host_for(&p, BODY);
    again.shared = std::mem::take(&mut host.shared);
    let mut flow = Flow::new(p);
    assert_eq!(send(&mut flow, &mut again), Next::Pause);
    let (status, body) = again.reply_json().unwrap();
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (429, Some("rate_limit_exceeded"))
    );
    let (_, headers, _) = again.reply.as_ref().unwrap();
    assert!(headers.iter().any(|(k, v)| k == "retry-after" && v == "60"));
}

#[test]
fn redis_reservation_waits_for_incrby_then_resumes_or_refuses() {
    let redis = json!({"store": "redis", "redis": {"cluster": "webdis"}});
    // Admitted: both INCRBY totals within the limit.
    let p = policy(10.0, redis.clone());
    let mut host = host_for(&p, BODY);
    let mut flow = Flow::new(p.clone());
    assert_eq!(send(&mut flow, &mut host), Next::Pause);
    assert_eq!(host.calls.len(), 2);
    assert!(host.calls[0]
        .2
        .starts_with("/INCRBY/llmpr%3Aspend%3Aworkspace%3Aops%3Ad2026-11-23/"));
    flow.on_call_response(&mut host, 1, Some(200), br#"{"INCRBY":5}"#);
    assert!(!host.resumed);
    flow.on_call_response(&mut host, 2, Some(200), br#"{"INCRBY":5}"#);
    assert!(host.resumed && host.reply.is_none());
    assert!(host.calls[2].2.starts_with("/ZADD/llmpr%3Aleases/"));
    // Settlement goes to the root's outbox.
    respond(
        &mut flow,
        &mut host,
        "application/json",
        br#"{"usage":{"prompt_tokens":1,"completion_tokens":1}}"#,
    );
    assert!(matches!(
        host.jobs.as_slice(),
        [Job::Settle { .. }, Job::Settle { .. }]
    ));

    // Refused: the key's counter went over; both increments are undone.
    let p = policy(10.0, redis.clone());
    let mut host = host_for(&p, BODY);
    let mut flow = Flow::new(p.clone());
    send(&mut flow, &mut host);
    flow.on_call_response(&mut host, 1, Some(200), br#"{"INCRBY":5}"#);
    flow.on_call_response(&mut host, 2, Some(200), br#"{"INCRBY":99000000}"#);
    assert_eq!(host.reply_json().unwrap().0, 403);
    assert_eq!(host.jobs.len(), 2);
    assert!(!host.resumed);
    assert_eq!(host.header("x-api-key"), None);

    // Store down, fail closed: 503.
    let mut host = host_for(&p, BODY);
    let mut flow = Flow::new(p);
    send(&mut flow, &mut host);
    flow.on_call_response(&mut host, 1, Some(503), b"upstream connect error");
    flow.on_call_response(&mut host, 2, Some(503), b"upstream connect error");
    let (status, body) = host.reply_json().unwrap();
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (503, Some("budget_store_unavailable"))
    );

    // Store down, fail open: admitted against local counters.
    let mut open = redis;
    open["on_store_error"] = json!("fail_open");
    let p = policy(10.0, open);
    let mut host = host_for(&p, BODY);
    let mut flow = Flow::new(p);
    send(&mut flow, &mut host);
    flow.on_call_response(&mut host, 1, None, b"");
    flow.on_call_response(&mut host, 2, None, b"");
    assert!(host.resumed && host.reply.is_none());
    assert!(ops_account(&host, "llmpr.budget.workspace:ops").reserved() > MicroUsd(0));
}

#[test]
fn key_info_reports_limits_and_standing() {
    let p = policy(10.0, json!({}));
    let mut host = host_for(&p, BODY);
    let mut flow = Flow::new(p.clone());
    send(&mut flow, &mut host);
    let mut info = FakeHost::request("GET", "/v1/key", &[OPS], b"");
    info.now_ms = NOW_MS;
    info.shared = std::mem::take(&mut host.shared);
    let mut flow = Flow::new(p);
    assert_eq!(flow.on_request_headers(&mut info, true), Next::Pause);
    let (status, body) = info.reply_json().unwrap();
    assert_eq!(status, 200);
    let data = &body["data"];
    assert_eq!(data["label"], "ops-demo");
    assert_eq!(data["rate_limit"]["requests_per_minute"], 600);
    let ws = &data["budgets"][0];
    assert_eq!(ws["scope"], "workspace:ops");
    assert_eq!(ws["limit_usd"], 10.0);
    assert_eq!(ws["spent_usd"], 0.0);
    assert!(ws["reserved_usd"].as_f64().unwrap() > 0.0);
    assert_eq!(ws["resets_at"], "2026-11-24T00:00:00Z");
    assert_eq!(data["budgets"][1]["scope"], "key:ops-demo");
}

#[test]
fn a_daily_budget_starts_again_at_midnight_utc() {
    let p = policy(0.0001, json!({}));
    let body =
        br#"{"model":"llama3:8b","max_tokens":1000,"messages":[{"role":"user","content":"hi"}]}"#;
    let mut host = host_for(&p, body);
    host.now_ms = NOW_MS + 12 * 3_600_000 - 1_000; // 23:59:59
    let mut flow = Flow::new(p.clone());
    assert_eq!(send(&mut flow, &mut host), Next::Continue);
    respond(
        &mut flow,
        &mut host,
        "application/json",
        br#"{"usage":{"prompt_tokens":5000,"completion_tokens":0}}"#,
    );
    // 5000 × 0.02 USD/Mtok = 100 micro-USD: the day's budget is used up.
    let mut same_day = host_for(&p, body);
    same_day.shared = std::mem::take(&mut host.shared);
    same_day.now_ms = NOW_MS + 12 * 3_600_000 - 500;
    let mut flow = Flow::new(p.clone());
    assert_eq!(send(&mut flow, &mut same_day), Next::Pause);
    assert_eq!(same_day.reply_json().unwrap().0, 403);
    let mut next_day = host_for(&p, body);
    next_day.shared = std::mem::take(&mut same_day.shared);
    next_day.now_ms = NOW_MS + 12 * 3_600_000; // 00:00:00 the next day
    let mut flow = Flow::new(p);
    assert_eq!(send(&mut flow, &mut next_day), Next::Continue);
}

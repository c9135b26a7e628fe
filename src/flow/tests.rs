use super::fake_host::FakeHost;
use super::*;
use crate::testutil::example;

const KEY: (&str, &str) = ("authorization", "Bearer sk-eng-demo");
const JSON: (&str, &str) = ("content-type", "application/json");

fn flow() -> Flow {
    Flow::new(Arc::new(example()))
}

/// Runs a request through headers and (if any) one body callback.
fn run(host: &mut FakeHost) -> (Flow, Next, Next) {
    let mut f = flow();
    let has_body = !host.request_body.is_empty();
    let headers = f.on_request_headers(host, !has_body);
    let body = if has_body && headers == Next::Pause && host.reply.is_none() {
        let size = host.request_body.len();
        f.on_request_body(host, size, true, &mut Rng::new(1))
    } else {
        headers
    };
    (f, headers, body)
}

const CHAT: &[u8] = br#"{"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}],"provider":{"only":["euro-zdr"]}}"#;

#[test]
fn routes_and_rewrites_with_owned_headers_stripped_first() {
    let mut host = FakeHost::request(
        "POST",
        "/v1/chat/completions",
        &[
            KEY,
            JSON,
            ("x-llm-cluster", "provider_us"),
            ("X-LLM-Provider", "x"),
            ("x-api-key", "k"),
            ("content-length", "99"),
        ],
        CHAT,
    );
    let (mut flow, headers, body) = run(&mut host);
    assert_eq!((headers, body), (Next::Pause, Next::Continue));
    assert!(host.reply.is_none());
    assert_eq!(host.header("x-llm-cluster"), Some("provider_euro"));
    assert_eq!(
        host.header("authorization"),
        Some("Bearer secret-for-EURO_ZDR_API_KEY")
    );
    assert_eq!(host.header("x-api-key"), None);
    assert_eq!(host.header("x-llm-provider"), None);
    let body = String::from_utf8(host.request_body.clone()).unwrap();
    assert_eq!(
        body,
        r#"{"model":"gpt-4o-mini-eu","messages":[{"role":"user","content":"hi"}]}"#
    );
    assert_eq!(
        host.header("content-length"),
        Some(body.len().to_string().as_str())
    );
    // The note is written once, when the request settles (here: the client went away).
    assert!(host.filter_state.is_empty());
    flow.on_done(&mut host);
    assert_eq!(
        host.filter_state[ROUTE_NOTE],
        "workspace=engineering key=eng-demo provider=euro-zdr model=openai/gpt-4o-mini cost_usd=0.000000 prompt_tokens=0 completion_tokens=0 estimated=true"
    );
    assert_eq!(
        host.filter_state.len(),
        1,
        "one filter-state write per request"
    );
}

#[test]
fn body_arrives_in_pieces_and_trailers_end_it() {
    let mut host = FakeHost::request("POST", "/v1/chat/completions", &[KEY, JSON], CHAT);
    let mut f = flow();
    let mut rng = Rng::new(1);
    assert_eq!(f.on_request_headers(&mut host, false), Next::Pause);
    assert_eq!(
        f.on_request_body(&mut host, 10, false, &mut rng),
        Next::Pause
    );
    assert_eq!(
        f.on_request_body(&mut host, CHAT.len(), false, &mut rng),
        Next::Pause
    );
    assert_eq!(f.on_request_trailers(&mut host, &mut rng), Next::Continue);
    assert_eq!(host.header("x-llm-cluster"), Some("provider_euro"));
}

#[test]
fn refusals_are_local_replies_followed_by_pause() {
    let big = "99999999";
    let cases: Vec<(FakeHost, u16, &str)> = vec![
        (
            FakeHost::request("POST", "/v1/chat/completions", &[JSON], CHAT),
            401,
            "invalid_api_key",
        ),
        (
            FakeHost::request("POST", "/v1/files", &[KEY, JSON], CHAT),
            404,
            "unknown_endpoint",
        ),
        (
            FakeHost::request("GET", "/v1/chat/completions", &[KEY], b""),
            405,
            "method_not_allowed",
        ),
        (
            FakeHost::request("POST", "/v1/chat/completions", &[KEY], CHAT),
            415,
            "unsupported_media_type",
        ),
        (
            FakeHost::request(
                "POST",
                "/v1/chat/completions",
                &[KEY, JSON, ("content-encoding", "gzip")],
                CHAT,
            ),
            415,
            "unsupported_content_encoding",
        ),
        (
            FakeHost::request(
                "POST",
                "/v1/chat/completions",
                &[KEY, JSON, ("content-length", big)],
                CHAT,
            ),
            413,
            "request_too_large",
        ),
        (
            FakeHost::request("POST", "/v1/chat/completions", &[KEY, JSON], b""),
            400,
            "missing_body",
        ),
        (
            FakeHost::request("POST", "/v1/chat/completions", &[KEY, JSON], b"{oops"),
            400,
            "invalid_json",
        ),
    ];
    for (mut host, status, code) in cases {
        let (_, _, last) = run(&mut host);
        assert_eq!(last, Next::Pause, "{code}");
        let (got, body) = host
            .reply_json()
            .unwrap_or_else(|| panic!("no reply for {code}"));
        assert_eq!(
            (got, body["error"]["code"].as_str().unwrap()),
            (status, code)
        );
        assert_eq!(host.header("x-llm-cluster"), None, "{code}: nothing routed");
    }
}

#[test]
fn refusals_of_known_callers_leave_a_note() {
    let mut host = FakeHost::request(
        "POST",
        "/v1/chat/completions",
        &[("authorization", "Bearer sk-mkt-demo"), JSON],
        br#"{"model":"llama3:8b","messages":[{"role":"user","content":"x"}]}"#,
    );
    run(&mut host);
    assert_eq!(
        host.filter_state[ROUTE_NOTE],
        "workspace=marketing key=mkt-demo refused=forbidden_by_policy"
    );
}

#[test]
fn running_body_size_over_the_limit_is_413() {
    let mut host = FakeHost::request("POST", "/v1/chat/completions", &[KEY, JSON], CHAT);
    let mut f = flow();
    f.on_request_headers(&mut host, false);
    assert_eq!(
        f.on_request_body(&mut host, 5 * 1024 * 1024, false, &mut Rng::new(1)),
        Next::Pause
    );
    assert_eq!(host.reply_json().unwrap().0, 413);
}

#[test]
fn models_list_and_passthrough() {
    let mut host = FakeHost::request(
        "GET",
        "/v1/models",
        &[("authorization", "Bearer sk-legal-demo")],
        b"",
    );
    let (_, next, _) = run(&mut host);
    assert_eq!(next, Next::Pause);
    let (status, body) = host.reply_json().unwrap();
    assert_eq!(status, 200);
    assert_eq!(body["data"].as_array().unwrap().len(), 3);
    let mut host = FakeHost::request(
        "GET",
        "/status?x=1",
        &[("x-llm-cluster", "provider_us")],
        b"",
    );
    let (_, next, _) = run(&mut host);
    assert_eq!(next, Next::Continue);
    assert_eq!(host.header("x-llm-cluster"), Some("internal_status"));
}

#[test]
fn response_names_provider_and_reshapes_envoy_errors() {
    let mut host = FakeHost::request("POST", "/v1/chat/completions", &[KEY, JSON], CHAT);
    let (mut f, _, _) = run(&mut host);
    host.response_headers = vec![
        (":status".into(), "200".into()),
        ("x-llm-provider".into(), "liar".into()),
    ];
    host.code_details = Some("via_upstream".into());
    assert_eq!(f.on_response_headers(&mut host, false), Next::Continue);
    assert_eq!(
        host.response_header_value("x-llm-provider"),
        Some("euro-zdr")
    );
    assert_eq!(
        host.response_header_value("x-llm-model"),
        Some("openai/gpt-4o-mini")
    );

    let mut host = FakeHost::request("POST", "/v1/chat/completions", &[KEY, JSON], CHAT);
    let (mut f, _, _) = run(&mut host);
    host.response_headers = vec![
        (":status".into(), "504".into()),
        ("content-type".into(), "text/plain".into()),
    ];
    host.code_details = Some("upstream_response_timeout".into());
    host.response_body = b"upstream request timeout".to_vec();
    assert_eq!(f.on_response_headers(&mut host, false), Next::Pause);
    assert_eq!(f.on_response_body(&mut host, 24, true), Next::Continue);
    let body: serde_json::Value = serde_json::from_slice(&host.response_body).unwrap();
    assert_eq!(body["error"]["code"], "upstream_timeout");
    assert_eq!(
        host.response_header_value("content-type"),
        Some("application/json")
    );
    assert_eq!(
        host.response_header_value("content-length"),
        Some(host.response_body.len().to_string().as_str())
    );
}

#[test]
fn provider_error_responses_pass_through_untouched() {
    let mut host = FakeHost::request("POST", "/v1/chat/completions", &[KEY, JSON], CHAT);
    let (mut f, _, _) = run(&mut host);
    host.response_headers = vec![(":status".into(), "429".into())];
    host.code_details = Some("via_upstream".into());
    assert_eq!(f.on_response_headers(&mut host, false), Next::Continue);
    assert_eq!(f.on_response_body(&mut host, 10, true), Next::Continue);
    assert!(host.response_body.is_empty(), "not replaced");
}

#[test]
fn the_access_log_note_can_be_turned_off() {
    let policy = crate::testutil::example_with(|v| v["access_log_note"] = serde_json::json!(false));
    let mut host = FakeHost::request("POST", "/v1/chat/completions", &[KEY, JSON], CHAT);
    let mut f = Flow::new(Arc::new(policy));
    f.on_request_headers(&mut host, false);
    assert_eq!(
        f.on_request_body(&mut host, CHAT.len(), true, &mut Rng::new(1)),
        Next::Continue
    );
    assert!(host.filter_state.is_empty());
    assert_eq!(host.header("x-llm-cluster"), Some("provider_euro"));
}

/// Each host call costs 0.3–2.2 µs inside Envoy (`make bench-hostcalls`), so the list is a budget.
#[test]
fn an_ordinary_request_makes_twelve_host_calls() {
    let mut host = FakeHost::request("POST", "/v1/chat/completions", &[KEY, JSON], CHAT);
    let (mut flow, _, body) = run(&mut host);
    assert_eq!(body, Next::Continue);
    host.response_headers = vec![(":status".into(), "200".into())];
    let answer = br#"{"choices":[],"usage":{"prompt_tokens":10,"completion_tokens":5}}"#;
    host.response_body = answer.to_vec();
    flow.on_response_headers(&mut host, false);
    flow.on_response_body(&mut host, answer.len(), true);
    flow.on_done(&mut host);
    // No clock read without a budget or rate limit, no removal of headers the caller did not send.
    let expected = [
        "request_headers",
        "request_body",
        "replace_request_body", // model rewrite
        "set_request_header",   // content-length
        "set_request_header",   // provider credential, over the caller's key
        "set_request_header",   // cluster header
        "response_header",      // :status
        "set_response_header",  // x-llm-provider
        "set_response_header",  // x-llm-model
        "response_body",        // usage
        "count",                // spend counter
        "set_filter_state",     // access-log note
    ];
    assert_eq!(*host.host_calls.borrow(), expected);
}

/// The caller's key is left in place only for the credential to overwrite: a provider whose
/// credential goes in another header gets the key removed, a refused request loses it before the
/// reply, and a key sent twice goes with the other owned headers.
#[test]
fn the_callers_key_never_survives_routing() {
    let budget_chat = br#"{"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}],"provider":{"only":["budget-cloud"]}}"#;
    let mut host = FakeHost::request("POST", "/v1/chat/completions", &[KEY, JSON], budget_chat);
    let (_, _, body) = run(&mut host);
    assert_eq!(body, Next::Continue, "{:?}", host.reply_json());
    assert_eq!(host.header("x-llm-cluster"), Some("provider_budget"));
    assert_eq!(host.header("authorization"), None);
    assert_eq!(
        host.header("x-api-key"),
        Some("secret-for-BUDGET_CLOUD_API_KEY")
    );

    let mut host = FakeHost::request("POST", "/v1/chat/completions", &[KEY, JSON], b"{not json");
    let (_, _, body) = run(&mut host);
    assert_eq!(body, Next::Pause);
    assert_eq!(host.reply_json().map(|r| r.0), Some(400));
    assert_eq!(host.header("authorization"), None);

    let twice = [KEY, ("Authorization", "Bearer sk-other"), JSON];
    let mut host = FakeHost::request("POST", "/v1/chat/completions", &twice, CHAT);
    let (_, headers, _) = run(&mut host);
    assert_eq!(headers, Next::Pause);
    let calls = host.host_calls.borrow();
    assert_eq!(
        calls.get(..2),
        Some(&["request_headers", "set_request_header"][..])
    );
}

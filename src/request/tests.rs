use super::*;

fn parse(api: Api, body: &str) -> Result<LlmRequest<'_>, ApiError> {
    LlmRequest::parse(api, body.as_bytes())
}

#[test]
fn chat_request_fields() {
    let body = r#"{"model":"a/b:nitro","models":["c","a/b:nitro"],"stream":true,"max_tokens":50,"tools":[{"type":"function"}],
        "temperature":null,"messages":[{"role":"user","content":"hello world"}],
        "provider":{"order":["X"],"sort":"price","data_collection":"deny","zdr":true,"max_price":{"prompt":1.5},"future_field":1}}"#;
    let r = parse(Api::ChatCompletions, body).unwrap();
    assert_eq!(r.model.as_deref(), Some("a/b:nitro"));
    assert_eq!(r.model_chain(), ["a/b:nitro", "c"]);
    assert!(r.stream);
    assert_eq!(r.max_output_tokens, Some(50));
    assert_eq!(r.used_parameters, ["tools", "max_tokens"]);
    assert_eq!(r.prefs.sort, Some(prefs::Sort::Price));
    assert_eq!(r.prefs.data_collection, Some(prefs::DataCollection::Deny));
    assert_eq!(r.prefs.max_price.unwrap().prompt, Some(1.5));
    assert!(r.tokens.lower >= 1 && r.tokens.upper >= body.len() as u64);
}

#[test]
fn models_without_model_is_a_chain() {
    let r = parse(
        Api::ChatCompletions,
        r#"{"models":["a","b"],"messages":[{"role":"user","content":"x"}]}"#,
    )
    .unwrap();
    assert_eq!(r.model_chain(), ["a", "b"]);
}

#[test]
fn errors_name_the_field_without_quoting_values() {
    let cases = [
        (
            r#"{"messages":[{"role":"user","content":"x"}]}"#,
            "missing_model",
            Some("model"),
        ),
        (
            r#"{"model":5,"messages":[]}"#,
            "invalid_request",
            Some("model"),
        ),
        (
            r#"{"model":"","messages":[]}"#,
            "invalid_request",
            Some("model"),
        ),
        (
            r#"{"model":"m","messages":[]}"#,
            "invalid_request",
            Some("messages"),
        ),
        (
            r#"{"model":"m","messages":"secret prompt"}"#,
            "invalid_request",
            Some("messages"),
        ),
        (
            r#"{"model":"m","messages":["secret prompt"]}"#,
            "invalid_request",
            Some("messages"),
        ),
        (r#"{"model":"m"}"#, "invalid_request", Some("messages")),
        (
            r#"{"model":"m","messages":[{}],"stream":"yes"}"#,
            "invalid_request",
            Some("stream"),
        ),
        (
            r#"{"model":"m","messages":[{}],"max_tokens":-1}"#,
            "invalid_request",
            Some("max_tokens"),
        ),
        (
            r#"{"model":"m","messages":[{}],"provider":{"sort":"fastest"}}"#,
            "invalid_request",
            Some("provider.sort"),
        ),
        (
            r#"{"model":"m","messages":[{}],"provider":{"order":"x"}}"#,
            "invalid_request",
            Some("provider.order"),
        ),
        (
            r#"{"model":"m","messages":[{}],"provider":[]}"#,
            "invalid_request",
            Some("provider"),
        ),
        (
            r#"{"model":"m","model":"n","messages":[{}]}"#,
            "invalid_request",
            Some("model"),
        ),
        (r#"{"model":"m","messages":[{}]"#, "invalid_json", None),
        (r#"[]"#, "invalid_json", None),
    ];
    for (body, code, param) in cases {
        let e = parse(Api::ChatCompletions, body).unwrap_err();
        assert_eq!(e.status, 400, "{body}");
        assert_eq!(e.code, code, "{body}");
        assert_eq!(e.param.as_deref(), param, "{body}");
        assert!(!e.message.contains("secret prompt"), "{body}");
    }
}

#[test]
fn deep_nesting_anywhere_is_a_400() {
    let deep = |n| format!("{}{}", "[".repeat(n), "]".repeat(n));
    for body in [
        format!(r#"{{"model":"m","messages":{}}}"#, deep(10_000)),
        format!(
            r#"{{"model":"m","messages":[{{"role":"user","content":{}}}]}}"#,
            deep(10_000)
        ),
        format!(
            r#"{{"model":"m","messages":[{{}}],"tools":{}}}"#,
            deep(10_000)
        ),
        format!(
            r#"{{"model":"m","messages":[{{}}],"provider":{{"order":{}}}}}"#,
            deep(10_000)
        ),
    ] {
        let e = parse(Api::ChatCompletions, &body).unwrap_err();
        assert_eq!(e.status, 400, "{}", &body[..60]);
    }
}

#[test]
fn inputs_per_api() {
    assert!(parse(Api::Completions, r#"{"model":"m","prompt":"hi"}"#).is_ok());
    assert!(parse(Api::Completions, r#"{"model":"m","prompt":["a","b"]}"#).is_ok());
    assert!(parse(Api::Embeddings, r#"{"model":"m","input":[[1,2,3]]}"#).is_ok());
    assert!(parse(Api::Embeddings, r#"{"model":"m","input":5}"#).is_err());
    assert!(parse(Api::Responses, r#"{"model":"m","input":"hi"}"#).is_ok());
    assert!(parse(
        Api::Responses,
        r#"{"model":"m","previous_response_id":"r1"}"#
    )
    .is_ok());
    assert!(parse(Api::Responses, r#"{"model":"m"}"#).is_err());
}

#[test]
fn token_bounds_bracket_the_text() {
    let text = "word ".repeat(2_000);
    let body = format!(r#"{{"model":"m","messages":[{{"role":"user","content":"{text}"}}]}}"#);
    let r = parse(Api::ChatCompletions, &body).unwrap();
    // ~2000 real tokens: the lower bound stays below, the upper bound above.
    assert!(
        r.tokens.lower <= 2_000 && r.tokens.lower >= 1_000,
        "{:?}",
        r.tokens
    );
    assert!(r.tokens.upper >= 10_000, "{:?}", r.tokens);
}

#[test]
fn images_do_not_count_as_text() {
    let data = "A".repeat(100_000);
    let body = format!(
        r#"{{"model":"m","messages":[{{"role":"user","content":[{{"type":"image_url","image_url":{{"url":"data:image/png;base64,{data}"}}}}]}}]}}"#
    );
    let r = parse(Api::ChatCompletions, &body).unwrap();
    assert!(r.tokens.lower < 10, "{:?}", r.tokens);
}

#[test]
fn api_paths() {
    assert_eq!(
        Api::from_suffix("/chat/completions"),
        Some(Api::ChatCompletions)
    );
    assert_eq!(Api::from_suffix("/responses"), Some(Api::Responses));
    assert_eq!(Api::from_suffix("/files"), None);
}

//! Everything that differs per upstream attempt, in one place: the cluster, the provider's own
//! model name spliced into the body, gateway-only fields removed, and the provider credential.
//! Kept apart from the decision so it can move into an Envoy upstream filter that runs once per
//! retry attempt when failover arrives.

use crate::catalog::{Catalog, Credential, EndpointId};
use crate::errors::ApiError;
use crate::patch::Patch;
use crate::request::body::span_in;
use crate::request::{LlmRequest, GATEWAY_ONLY_FIELDS};

/// What to send to one endpoint.
#[derive(Debug)]
pub struct Attempt<'p> {
    pub cluster: &'p str,
    pub provider: &'p str,
    /// Catalog id of the model served (for `x-llm-model`).
    pub model: &'p str,
    pub upstream_model: &'p str,
    pub credential: Option<&'p Credential>,
    /// The rewritten body, or `None` when the original bytes go upstream unchanged.
    pub body: Option<Vec<u8>>,
    /// The gateway turned on `stream_options.include_usage` (the client had not).
    pub injected_stream_usage: bool,
}

/// Prepares the attempt at `endpoint` for a request whose raw body is `body`.
pub fn prepare<'p>(
    catalog: &'p Catalog,
    endpoint: EndpointId,
    body: &[u8],
    request: &LlmRequest<'_>,
) -> Result<Attempt<'p>, ApiError> {
    prepare_with(catalog, endpoint, body, request, &[])
}

/// `prepare`, also applying `edits` (guardrail redactions: body range → replacement).
pub fn prepare_with<'p>(
    catalog: &'p Catalog,
    endpoint: EndpointId,
    body: &[u8],
    request: &LlmRequest<'_>,
    edits: &[(std::ops::Range<usize>, Vec<u8>)],
) -> Result<Attempt<'p>, ApiError> {
    let (ep, model, provider) = catalog.resolve(endpoint).ok_or_else(ApiError::internal)?;
    let mut patch = Patch::from_edits(edits);
    let span = |key: &str| request.top.get(key).and_then(|raw| span_in(body, raw));
    let patch_failed = |_| ApiError::internal();
    match (&request.model, span("model"), span("models")) {
        (Some(name), Some(value), _) => {
            if name.as_ref() != ep.upstream_model {
                patch.replace(value, ep.upstream_model_json.as_bytes());
            }
        }
        // Only a `models` chain: it becomes the `model` member in place.
        (None, _, Some(models)) => {
            let member = format!("\"model\":{}", ep.upstream_model_json);
            patch
                .replace_member(body, models, member.as_bytes())
                .map_err(patch_failed)?;
        }
        _ => return Err(ApiError::internal()),
    }
    for field in GATEWAY_ONLY_FIELDS {
        if field == "models" && request.model.is_none() {
            continue;
        }
        if let Some(value) = span(field) {
            patch.remove_member(body, value).map_err(patch_failed)?;
        }
    }
    let injected_stream_usage =
        request.stream && request.api.stream_usage_is_optional() && !request.stream_usage_requested;
    if injected_stream_usage {
        request_stream_usage(&mut patch, body, span("stream_options"))?;
    }
    let body = if patch.is_empty() {
        None
    } else {
        Some(patch.apply(body).map_err(patch_failed)?)
    };
    Ok(Attempt {
        cluster: &ep.cluster,
        provider: &provider.id,
        model: &model.id,
        upstream_model: &ep.upstream_model,
        credential: provider.credential.as_ref(),
        body,
        injected_stream_usage,
    })
}

/// Turns on `stream_options.include_usage` so a stream ends with its usage, which spend needs.
/// An existing `stream_options` object is re-serialised with the flag (it is the one member the
/// gateway changes); otherwise the member is inserted first.
fn request_stream_usage(
    patch: &mut Patch,
    body: &[u8],
    existing: Option<std::ops::Range<usize>>,
) -> Result<(), ApiError> {
    match existing {
        Some(range) => {
            let raw = body.get(range.clone()).ok_or_else(ApiError::internal)?;
            let mut options: serde_json::Map<String, serde_json::Value> =
                serde_json::from_slice(raw).map_err(|_| {
                    ApiError::bad_request("invalid_request", "`stream_options` must be an object")
                        .with_param("stream_options")
                })?;
            options.insert("include_usage".to_string(), serde_json::Value::Bool(true));
            let json = serde_json::to_vec(&options).map_err(|_| ApiError::internal())?;
            patch.replace(range, &json);
        }
        None => {
            let open = body
                .iter()
                .position(|b| *b == b'{')
                .ok_or_else(ApiError::internal)?;
            // The object has members (`model` at least), so a trailing comma is always followed by one.
            patch.replace(
                open + 1..open + 1,
                br#""stream_options":{"include_usage":true},"#,
            );
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::request::Api;
    use crate::testutil::example;

    fn prepared(body: &[u8], only: &str) -> (Option<Vec<u8>>, String) {
        let p = example();
        let request = LlmRequest::parse(Api::ChatCompletions, body).unwrap();
        let decision = crate::routing::decide(
            &p,
            "engineering",
            &request,
            &mut crate::routing::rng::Rng::new(1),
        )
        .unwrap();
        let chosen = decision
            .ranked
            .iter()
            .find(|c| p.catalog.resolve(c.endpoint).unwrap().2.id == only)
            .unwrap();
        let attempt = prepare(&p.catalog, chosen.endpoint, body, &request).unwrap();
        (attempt.body, attempt.upstream_model.to_string())
    }

    #[test]
    fn numbers_beyond_f64_pass_through_verbatim() {
        // Found by the fuzzer: valid JSON syntax that serde_json::Value cannot hold.
        let body = br#"{"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "x"}], "x": 1.5e999999, "provider": {}}"#;
        let (out, model) = prepared(body, "euro-zdr");
        let out = String::from_utf8(out.unwrap()).unwrap();
        assert_eq!(model, "gpt-4o-mini-eu");
        assert_eq!(
            out,
            r#"{"model": "gpt-4o-mini-eu", "messages": [{"role": "user", "content": "x"}], "x": 1.5e999999}"#
        );
    }

    #[test]
    fn streams_get_include_usage_unless_the_client_asked() {
        let body = br#" {"model": "gpt-4o-mini", "stream": true, "messages": [{"role": "user", "content": "x"}]}"#;
        let (out, _) = prepared(body, "us-train");
        assert_eq!(
            String::from_utf8(out.unwrap()).unwrap(),
            r#" {"stream_options":{"include_usage":true},"model": "gpt-4o-mini", "stream": true, "messages": [{"role": "user", "content": "x"}]}"#
        );
        let body = br#"{"model": "gpt-4o-mini", "stream": true, "stream_options": {"include_obfuscation": false}, "messages": [{"role": "user", "content": "x"}]}"#;
        let (out, _) = prepared(body, "us-train");
        let out: serde_json::Value = serde_json::from_slice(&out.unwrap()).unwrap();
        assert_eq!(
            out["stream_options"],
            serde_json::json!({"include_obfuscation": false, "include_usage": true})
        );
        let asked = br#"{"model": "gpt-4o-mini", "stream": true, "stream_options": {"include_usage": true}, "messages": [{"role": "user", "content": "x"}]}"#;
        assert_eq!(prepared(asked, "us-train").0, None);
    }

    #[test]
    fn unchanged_model_without_gateway_fields_leaves_the_body_alone() {
        let body = br#"{"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "x"}]}"#;
        let (out, model) = prepared(body, "us-train");
        assert_eq!((out, model.as_str()), (None, "gpt-4o-mini"));
    }
}

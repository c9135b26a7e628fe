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
}

/// Prepares the attempt at `endpoint` for a request whose raw body is `body`.
pub fn prepare<'p>(
    catalog: &'p Catalog,
    endpoint: EndpointId,
    body: &[u8],
    request: &LlmRequest<'_>,
) -> Result<Attempt<'p>, ApiError> {
    let (ep, model, provider) = catalog.resolve(endpoint).ok_or_else(ApiError::internal)?;
    let mut patch = Patch::default();
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
    })
}

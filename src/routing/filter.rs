//! Checks one endpoint against, in order, the org policy, the workspace policy, the request's
//! own preferences and the endpoint's capabilities. All failing rules are recorded, not just the
//! first, so `excluded_by` shows everything a caller would have to change.

use super::exclusion::{Layer, Reason, RuleCode};
use super::order::SortKey;
use crate::catalog::price::MicroUsdPerMtok;
use crate::catalog::{Catalog, EndpointId};
use crate::errors::ApiError;
use crate::policy::rules::{quantization_allowed, MaxPrice, Rules};
use crate::request::prefs::{names_contain, DataCollection};
use crate::request::{LlmRequest, ALWAYS_REQUIRED_PARAMETERS};

/// The request's preferences, with prices converted once.
#[derive(Debug, Clone, Copy)]
pub struct RequestRules {
    pub max_price: MaxPrice,
    pub sort: Option<SortKey>,
}

impl RequestRules {
    pub fn from_request(request: &LlmRequest<'_>) -> Result<Self, ApiError> {
        let price = |v: Option<f64>, field: &str| -> Result<Option<MicroUsdPerMtok>, ApiError> {
            v.map(|usd| {
                MicroUsdPerMtok::from_usd(usd).map_err(|e| {
                    ApiError::bad_request(
                        "invalid_request",
                        format!("`provider.max_price.{field}`: {e}"),
                    )
                    .with_param(format!("provider.max_price.{field}"))
                })
            })
            .transpose()
        };
        let max = request.prefs.max_price.unwrap_or_default();
        Ok(RequestRules {
            max_price: MaxPrice {
                prompt: price(max.prompt, "prompt")?,
                completion: price(max.completion, "completion")?,
            },
            sort: request.prefs.sort.map(SortKey::from),
        })
    }
}

/// Every rule `endpoint` breaks; empty means eligible.
pub fn check_endpoint(
    catalog: &Catalog,
    endpoint: EndpointId,
    org: &Rules,
    workspace: Option<&Rules>,
    request_rules: &RequestRules,
    request: &LlmRequest<'_>,
) -> Vec<Reason> {
    let mut reasons = Vec::new();
    let Some((ep, model, provider)) = catalog.resolve(endpoint) else {
        return reasons;
    };
    org.check(model, ep, provider, Layer::Org, &mut reasons);
    if let Some(ws) = workspace {
        ws.check(model, ep, provider, Layer::Workspace, &mut reasons);
    }

    let prefs = &request.prefs;
    let mut fail = |code, layer| reasons.push(Reason { code, layer });
    if prefs
        .only
        .as_deref()
        .is_some_and(|only| !names_contain(only, &provider.id))
    {
        fail(RuleCode::ProviderNotInOnly, Layer::Request);
    }
    if prefs
        .ignore
        .as_deref()
        .is_some_and(|ignore| names_contain(ignore, &provider.id))
    {
        fail(RuleCode::ProviderIgnored, Layer::Request);
    }
    if prefs.allow_fallbacks == Some(false)
        && prefs
            .order
            .as_deref()
            .is_some_and(|order| !names_contain(order, &provider.id))
    {
        fail(RuleCode::ProviderNotInOrder, Layer::Request);
    }
    if prefs.zdr == Some(true) && !provider.zdr {
        fail(RuleCode::DataPolicyZdr, Layer::Request);
    }
    if prefs.data_collection == Some(DataCollection::Deny) && provider.trains_on_prompts {
        fail(RuleCode::DataPolicyTraining, Layer::Request);
    }
    if !quantization_allowed(prefs.quantizations.as_deref(), ep) {
        fail(RuleCode::Quantization, Layer::Request);
    }
    if !request_rules.max_price.admits(ep) {
        fail(RuleCode::MaxPrice, Layer::Request);
    }

    let completion = request.max_output_tokens.unwrap_or(0);
    if request.tokens.lower.saturating_add(completion) > ep.context_length {
        fail(RuleCode::ContextLength, Layer::Capability);
    }
    if ep.max_completion_tokens.is_some_and(|max| completion > max) {
        fail(RuleCode::MaxCompletionTokens, Layer::Capability);
    }
    let require_all = prefs.require_parameters == Some(true);
    for &param in &request.used_parameters {
        if (require_all || ALWAYS_REQUIRED_PARAMETERS.contains(&param))
            && !ep.supports_parameter(param)
        {
            fail(RuleCode::UnsupportedParameter(param), Layer::Capability);
        }
    }
    reasons
}

//! One compiled policy layer (the org's or a workspace's). Each rule is a check of one endpoint
//! that records a `Reason` when it fails, so every exclusion can be explained.

use super::glob::{any_matches, Glob};
use crate::catalog::price::MicroUsdPerMtok;
use crate::catalog::{Endpoint, Model, Provider};
use crate::routing::exclusion::{Layer, Reason, RuleCode};

/// Upper price limits; `None` = no limit on that side.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MaxPrice {
    pub prompt: Option<MicroUsdPerMtok>,
    pub completion: Option<MicroUsdPerMtok>,
}

impl MaxPrice {
    pub fn admits(&self, endpoint: &Endpoint) -> bool {
        self.prompt.is_none_or(|p| endpoint.price.prompt <= p)
            && self
                .completion
                .is_none_or(|c| endpoint.price.completion <= c)
    }
}

#[derive(Debug, Clone, Default)]
pub struct Rules {
    pub model_allow: Option<Vec<Glob>>,
    pub model_deny: Vec<Glob>,
    pub provider_allow: Option<Vec<Glob>>,
    pub provider_deny: Vec<Glob>,
    pub require_zdr: bool,
    pub deny_data_collection: bool,
    pub allowed_regions: Option<Vec<String>>,
    pub denied_countries: Vec<String>,
    pub max_price: MaxPrice,
    pub allowed_quantizations: Option<Vec<String>>,
}

impl Rules {
    /// Appends a `Reason` (tagged with `layer`) for every rule this endpoint breaks.
    pub fn check(
        &self,
        model: &Model,
        endpoint: &Endpoint,
        provider: &Provider,
        layer: Layer,
        out: &mut Vec<Reason>,
    ) {
        let mut fail = |code| out.push(Reason { code, layer });
        if !self.allows_model(model) {
            fail(if any_matches(&self.model_deny, &model.id) {
                RuleCode::ModelDenied
            } else {
                RuleCode::ModelNotAllowed
            });
        }
        if any_matches(&self.provider_deny, &provider.id) {
            fail(RuleCode::ProviderDenied);
        } else if self
            .provider_allow
            .as_ref()
            .is_some_and(|allow| !any_matches(allow, &provider.id))
        {
            fail(RuleCode::ProviderNotAllowed);
        }
        if self.require_zdr && !provider.zdr {
            fail(RuleCode::DataPolicyZdr);
        }
        if self.deny_data_collection && provider.trains_on_prompts {
            fail(RuleCode::DataPolicyTraining);
        }
        if self
            .allowed_regions
            .as_ref()
            .is_some_and(|rs| !rs.contains(&provider.region))
        {
            fail(RuleCode::Region);
        }
        if self.denied_countries.contains(&provider.country) {
            fail(RuleCode::Country);
        }
        if !self.max_price.admits(endpoint) {
            fail(RuleCode::MaxPrice);
        }
        if !quantization_allowed(self.allowed_quantizations.as_deref(), endpoint) {
            fail(RuleCode::Quantization);
        }
    }

    /// Model allow/deny alone, for listing models (`GET /v1/models`).
    pub fn allows_model(&self, model: &Model) -> bool {
        !any_matches(&self.model_deny, &model.id)
            && self
                .model_allow
                .as_ref()
                .is_none_or(|allow| any_matches(allow, &model.id))
    }
}

/// An endpoint with no declared quantization passes: it is taken to serve full precision.
pub fn quantization_allowed<S: AsRef<str>>(allowed: Option<&[S]>, endpoint: &Endpoint) -> bool {
    match (allowed, endpoint.quantization.as_deref()) {
        (Some(list), Some(q)) => list.iter().any(|a| a.as_ref().eq_ignore_ascii_case(q)),
        _ => true,
    }
}

//! One compiled policy layer (the org's or a workspace's). Each rule is a check of one endpoint
//! that records a `Reason` when it fails, so every exclusion can be explained.

use super::glob::{any_matches, Glob};
use crate::catalog::price::MicroUsdPerMtok;
use crate::catalog::{Catalog, Endpoint, Model, Provider};
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
    /// The model allow/deny verdict for every catalog model, by `ModelId`, and the provider
    /// verdict by `ProviderId`: computed once at load (`precompute`), because matching globs
    /// for every candidate endpoint of every request was ~10% of a request's time in wasm.
    /// Empty until then; `check` falls back to matching.
    pub(crate) model_verdicts: Vec<Option<RuleCode>>,
    pub(crate) provider_verdicts: Vec<Option<RuleCode>>,
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
        let model_rule = self.model_verdicts.get(endpoint.model.0).copied();
        if let Some(code) = model_rule.unwrap_or_else(|| self.model_rule(model)) {
            fail(code);
        }
        let provider_rule = self.provider_verdicts.get(endpoint.provider.0).copied();
        if let Some(code) = provider_rule.unwrap_or_else(|| self.provider_rule(provider)) {
            fail(code);
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

    /// Fills the verdict tables for `catalog` (the catalog the endpoints will come from).
    pub fn precompute(&mut self, catalog: &Catalog) {
        self.model_verdicts = catalog.models.iter().map(|m| self.model_rule(m)).collect();
        self.provider_verdicts = catalog
            .providers
            .iter()
            .map(|p| self.provider_rule(p))
            .collect();
    }

    fn model_rule(&self, model: &Model) -> Option<RuleCode> {
        if self.allows_model(model) {
            None
        } else if any_matches(&self.model_deny, &model.id) {
            Some(RuleCode::ModelDenied)
        } else {
            Some(RuleCode::ModelNotAllowed)
        }
    }

    fn provider_rule(&self, provider: &Provider) -> Option<RuleCode> {
        if any_matches(&self.provider_deny, &provider.id) {
            Some(RuleCode::ProviderDenied)
        } else if self
            .provider_allow
            .as_ref()
            .is_some_and(|allow| !any_matches(allow, &provider.id))
        {
            Some(RuleCode::ProviderNotAllowed)
        } else {
            None
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn precomputed_verdicts_agree_with_matching() {
        let policy = crate::testutil::example();
        let layers = std::iter::once(&policy.org).chain(policy.workspaces.values());
        let mut checked = 0;
        for rules in layers {
            assert!(!rules.model_verdicts.is_empty());
            let unprecomputed = Rules {
                model_verdicts: Vec::new(),
                provider_verdicts: Vec::new(),
                ..rules.clone()
            };
            for id in 0..policy.catalog.endpoints.len() {
                let endpoint = crate::catalog::EndpointId(id);
                let Some((ep, model, provider)) = policy.catalog.resolve(endpoint) else {
                    continue;
                };
                let (mut fast, mut slow) = (Vec::new(), Vec::new());
                rules.check(model, ep, provider, Layer::Org, &mut fast);
                unprecomputed.check(model, ep, provider, Layer::Org, &mut slow);
                assert_eq!(fast, slow, "{} at {}", model.id, provider.id);
                checked += 1;
            }
        }
        assert!(checked > 10);
    }
}

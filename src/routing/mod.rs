//! The routing decision: which endpoints may serve a request, in which order, and why every other
//! endpoint was removed. The result is a plain value (`Decision`), so failover, explain output and
//! audit records can all read it.

pub mod exclusion;
pub mod filter;
pub mod order;
pub mod rng;

use crate::catalog::{lookup::Variant, Catalog, ModelId};
use crate::config::CompiledPolicy;
use crate::errors::{ApiError, ErrorType};
use crate::request::LlmRequest;
use exclusion::Exclusion;
use filter::RequestRules;
pub use order::{Candidate, OrderReason, SortKey};
use rng::Rng;
use serde_json::{json, Value};

/// A non-LLM path forwarded to a fixed cluster.
#[derive(Debug, Clone)]
pub struct Passthrough {
    pub path_prefix: String,
    pub cluster: String,
    pub authenticate: bool,
}

impl Passthrough {
    /// The prefix matches whole path segments only: `/status` covers `/status` and `/status/x`,
    /// never `/status-admin`.
    ///
    /// ```
    /// # use llm_policy_router::routing::Passthrough;
    /// let p = Passthrough { path_prefix: "/status".into(), cluster: "c".into(), authenticate: false };
    /// assert!(p.matches("/status") && p.matches("/status/health"));
    /// assert!(!p.matches("/status-admin") && !p.matches("/statu"));
    /// ```
    pub fn matches(&self, path: &str) -> bool {
        match path.strip_prefix(self.path_prefix.as_str()) {
            Some(rest) => {
                rest.is_empty() || rest.starts_with('/') || self.path_prefix.ends_with('/')
            }
            None => false,
        }
    }
}

/// Endpoints that may serve the request, best first, and the ones that may not, with reasons.
#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    /// Models named by the request (`model`, then `models`), resolved.
    pub requested: Vec<ModelId>,
    pub ranked: Vec<Candidate>,
    pub excluded: Vec<Exclusion>,
}

impl Decision {
    pub fn chosen(&self) -> Option<&Candidate> {
        self.ranked.first()
    }
}

/// Decides where a request from `workspace` may go.
pub fn decide(
    policy: &CompiledPolicy,
    workspace: &str,
    request: &LlmRequest<'_>,
    rng: &mut Rng,
) -> Result<Decision, ApiError> {
    let catalog = &policy.catalog;
    let workspace_rules = policy.workspaces.get(workspace);
    let request_rules = RequestRules::from_request(request)?;
    let mut decision = Decision {
        requested: Vec::new(),
        ranked: Vec::new(),
        excluded: Vec::new(),
    };
    for (i, name) in request.model_chain().into_iter().enumerate() {
        let Some((model_id, variant)) = catalog.find_model(name, workspace) else {
            let param = if i == 0 && request.model.is_some() {
                "model".to_string()
            } else {
                "models".to_string()
            };
            return Err(model_not_found(name).with_param(param));
        };
        if decision.requested.contains(&model_id) {
            continue;
        }
        decision.requested.push(model_id);
        let sort = request_rules.sort.or(match variant {
            Variant::Floor => Some(SortKey::Price),
            Variant::Nitro => Some(SortKey::Throughput),
            Variant::Plain => None,
        });
        let mut eligible = Vec::new();
        for &endpoint in catalog
            .model(model_id)
            .map(|m| m.endpoints.as_slice())
            .unwrap_or_default()
        {
            let reasons = filter::check_endpoint(
                catalog,
                endpoint,
                &policy.org,
                workspace_rules,
                &request_rules,
                request,
            );
            if reasons.is_empty() {
                eligible.push(endpoint);
            } else {
                decision.excluded.push(Exclusion { endpoint, reasons });
            }
        }
        decision.ranked.extend(order::order(
            eligible,
            catalog,
            request.prefs.order.as_deref(),
            sort,
            rng,
        ));
    }
    if decision.ranked.is_empty() {
        return Err(no_endpoint(catalog, &decision.excluded));
    }
    if request.prefs.allow_fallbacks == Some(false) && request.prefs.order.is_none() {
        decision.ranked.truncate(1);
    }
    Ok(decision)
}

fn model_not_found(name: &str) -> ApiError {
    ApiError::new(
        404,
        ErrorType::NotFoundError,
        "model_not_found",
        format!("the model `{name}` does not exist or you do not have access to it"),
    )
}

/// 403 when org or workspace policy alone removed every endpoint, else 404; both list exclusions.
fn no_endpoint(catalog: &Catalog, excluded: &[Exclusion]) -> ApiError {
    let by_policy = !excluded.is_empty() && excluded.iter().all(Exclusion::by_policy);
    let metadata = json!({ "excluded_by": excluded_by(catalog, excluded) });
    if by_policy {
        ApiError::new(
            403,
            ErrorType::PermissionError,
            "forbidden_by_policy",
            "policy forbids every endpoint that serves this model; see metadata.excluded_by",
        )
        .with_metadata(metadata)
    } else {
        ApiError::new(404, ErrorType::NotFoundError, "no_eligible_endpoint", "no endpoint can serve this request under the active policy and request preferences; see metadata.excluded_by")
            .with_metadata(metadata)
    }
}

/// `[{provider, model, rules: [{code, layer}]}]`: what the caller may know, never clusters.
pub fn excluded_by(catalog: &Catalog, excluded: &[Exclusion]) -> Value {
    let list: Vec<Value> = excluded
        .iter()
        .filter_map(|ex| {
            let (_, model, provider) = catalog.resolve(ex.endpoint)?;
            let rules: Vec<Value> = ex
                .reasons
                .iter()
                .map(|r| json!({"code": r.code.as_string(), "layer": r.layer}))
                .collect();
            Some(json!({"provider": provider.id, "model": model.id, "rules": rules}))
        })
        .collect();
    Value::Array(list)
}

#[cfg(test)]
mod tests;

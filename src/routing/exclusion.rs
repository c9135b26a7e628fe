//! Why an endpoint was removed: a stable rule code plus the layer whose rule it was. The layer
//! decides the status of an empty result: 403 when org or workspace policy alone removed
//! everything, else 404.

use crate::catalog::EndpointId;
use serde::Serialize;

/// Whose rule removed the endpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Layer {
    /// The organisation's policy.
    Org,
    /// The caller's workspace policy.
    Workspace,
    /// The request's own `provider` preferences.
    Request,
    /// What the endpoint can do (context window, parameters).
    Capability,
}

impl Layer {
    /// Org and workspace rules are policy; a request cannot argue with them.
    pub fn is_policy(self) -> bool {
        matches!(self, Layer::Org | Layer::Workspace)
    }
}

/// Stable rule codes, as shown in `metadata.excluded_by`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleCode {
    ModelDenied,
    ModelNotAllowed,
    ProviderDenied,
    ProviderNotAllowed,
    ProviderIgnored,
    ProviderNotInOnly,
    ProviderNotInOrder,
    DataPolicyZdr,
    DataPolicyTraining,
    Region,
    Country,
    MaxPrice,
    ContextLength,
    MaxCompletionTokens,
    Quantization,
    /// The request uses a parameter (named) the endpoint does not support.
    UnsupportedParameter(&'static str),
}

impl RuleCode {
    /// The code string; `unsupported_parameter:<name>` carries the parameter.
    pub fn as_string(&self) -> String {
        let code = match self {
            RuleCode::ModelDenied => "model_denied",
            RuleCode::ModelNotAllowed => "model_not_allowed",
            RuleCode::ProviderDenied => "provider_denied",
            RuleCode::ProviderNotAllowed => "provider_not_allowed",
            RuleCode::ProviderIgnored => "provider_ignored",
            RuleCode::ProviderNotInOnly => "provider_not_in_only",
            RuleCode::ProviderNotInOrder => "provider_not_in_order",
            RuleCode::DataPolicyZdr => "data_policy:zdr",
            RuleCode::DataPolicyTraining => "data_policy:training",
            RuleCode::Region => "region",
            RuleCode::Country => "country",
            RuleCode::MaxPrice => "max_price",
            RuleCode::ContextLength => "context_length",
            RuleCode::MaxCompletionTokens => "max_completion_tokens",
            RuleCode::Quantization => "quantization",
            RuleCode::UnsupportedParameter(p) => return format!("unsupported_parameter:{p}"),
        };
        code.to_string()
    }
}

/// One rule that removed an endpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reason {
    pub code: RuleCode,
    pub layer: Layer,
}

/// An endpoint with every rule that removed it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exclusion {
    pub endpoint: EndpointId,
    pub reasons: Vec<Reason>,
}

impl Exclusion {
    pub fn by_policy(&self) -> bool {
        self.reasons.iter().any(|r| r.layer.is_policy())
    }
}

//! The compiled model catalog: providers, models and their endpoints, indexed for lookup by id
//! or alias. Built once per config by `config::compile`; read-only per request.

pub mod lookup;
pub mod price;

use crate::fastmap::FastMap;
use price::Price;
use std::fmt;

/// Index into `Catalog::providers`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ProviderId(pub usize);
/// Index into `Catalog::models`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ModelId(pub usize);
/// Index into `Catalog::endpoints`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EndpointId(pub usize);

/// A secret value; its `Debug` never prints it, so it cannot leak through a log line.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: String) -> Self {
        Secret(value)
    }
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Secret([REDACTED LENGTH={}])", self.0.len())
    }
}

/// The header a provider's credential travels in, with its full value (prefix + secret).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Credential {
    pub header: String,
    pub value: Secret,
    /// Where the secret came from (env var name), for `check` output.
    pub source: String,
}

#[derive(Debug, Clone)]
pub struct Provider {
    pub id: String,
    pub zdr: bool,
    pub trains_on_prompts: bool,
    pub country: String,
    pub region: String,
    pub credential: Option<Credential>,
}

#[derive(Debug, Clone)]
pub struct Model {
    pub id: String,
    pub aliases: Vec<String>,
    /// Workspaces allowed to see a private model; `None` = public.
    pub visible_to: Option<Vec<String>>,
    pub endpoints: Vec<EndpointId>,
}

impl Model {
    pub fn is_visible_to(&self, workspace: &str) -> bool {
        self.visible_to
            .as_ref()
            .is_none_or(|ws| ws.iter().any(|w| w == workspace))
    }
}

#[derive(Debug, Clone)]
pub struct Endpoint {
    pub model: ModelId,
    pub provider: ProviderId,
    pub cluster: String,
    pub upstream_model: String,
    /// `upstream_model` already encoded as a JSON string literal, spliced into bodies as is.
    pub upstream_model_json: String,
    pub price: Price,
    pub context_length: u64,
    pub max_completion_tokens: Option<u64>,
    pub quantization: Option<String>,
    /// `None` = the endpoint accepts every parameter.
    pub supported_parameters: Option<Vec<String>>,
    pub latency_ms: Option<u64>,
    pub throughput_tps: Option<u64>,
    pub degraded: bool,
}

impl Endpoint {
    pub fn supports_parameter(&self, name: &str) -> bool {
        self.supported_parameters
            .as_ref()
            .is_none_or(|ps| ps.iter().any(|p| p == name))
    }
}

#[derive(Debug, Clone, Default)]
pub struct Catalog {
    pub providers: Vec<Provider>,
    pub models: Vec<Model>,
    pub endpoints: Vec<Endpoint>,
    /// Model id and every alias → model.
    pub by_name: FastMap<String, ModelId>,
    /// Provider id → provider.
    pub provider_by_id: FastMap<String, ProviderId>,
}

impl Catalog {
    pub fn provider(&self, id: ProviderId) -> Option<&Provider> {
        self.providers.get(id.0)
    }
    pub fn model(&self, id: ModelId) -> Option<&Model> {
        self.models.get(id.0)
    }
    pub fn endpoint(&self, id: EndpointId) -> Option<&Endpoint> {
        self.endpoints.get(id.0)
    }
    /// An endpoint with its model and provider, or `None` if the ids are stale (never, once compiled).
    pub fn resolve(&self, id: EndpointId) -> Option<(&Endpoint, &Model, &Provider)> {
        let endpoint = self.endpoint(id)?;
        Some((
            endpoint,
            self.model(endpoint.model)?,
            self.provider(endpoint.provider)?,
        ))
    }
}

//! The configuration document exactly as written by an operator (the wasm filter's `configuration`
//! string, or a file for the CLI). Only serde lives here; `compile.rs` checks cross-references and
//! turns it into the `CompiledPolicy` used per request. Unknown fields are refused so typos surface.

use serde::Deserialize;
use std::collections::BTreeMap;

/// llm-policy-router policy: providers, the model catalog, callers and the org and workspace
/// rules that decide where each LLM request may go.
#[derive(Debug, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Request header that carries the chosen Envoy cluster to a `cluster_header` route.
    #[serde(default = "default_cluster_header")]
    pub cluster_header: String,
    /// Largest request body the plugin accepts, in bytes; larger gets an OpenAI-shaped 413.
    /// Keep Envoy's route `request_body_buffer_limit` above this.
    #[serde(default = "default_max_body_bytes")]
    pub max_body_bytes: u64,
    /// Write one filter-state note per request, `wasm.llm_route`, for the access log. Costs about
    /// 10 µs of Envoy CPU per request (measured by `make bench`); turn off if the log does not use it.
    #[serde(default = "default_true")]
    pub access_log_note: bool,
    /// Path prefixes under which the OpenAI API is served (`/v1/chat/completions`, `/api/v1/...`).
    #[serde(default = "default_base_paths")]
    pub base_paths: Vec<String>,
    /// Ordering knobs.
    #[serde(default)]
    pub routing: RoutingConfig,
    /// Who the caller is.
    #[serde(default)]
    pub auth: AuthConfig,
    /// Non-LLM paths forwarded as they are to a fixed cluster.
    #[serde(default)]
    pub passthrough: Vec<PassthroughConfig>,
    /// Providers by id (lowercase slug, e.g. `acme-eu`).
    pub providers: BTreeMap<String, ProviderConfig>,
    /// The model catalog.
    pub models: Vec<ModelConfig>,
    /// Policy for every caller.
    #[serde(default)]
    pub org: PolicyConfig,
    /// Workspaces by id; keys map onto these.
    #[serde(default)]
    pub workspaces: BTreeMap<String, WorkspaceConfig>,
    /// Cost accounting and where budget counters live.
    #[serde(default)]
    pub spend: SpendConfig,
}

#[derive(Debug, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SpendConfig {
    /// `local`: counters in this Envoy process's shared data (all workers, one replica).
    /// `redis`: counters in Redis through webdis, shared by every replica (needs `redis`).
    #[serde(default)]
    pub store: StoreKind,
    pub redis: Option<RedisConfig>,
    /// When the budget store cannot answer: `fail_closed` (503, the default) or `fail_open`
    /// (admit against this process's local counters, same limits).
    #[serde(default)]
    pub on_store_error: OnStoreError,
    /// How long a reservation holds budget if its request never settles (a crashed VM or
    /// replica). Keep it above the route timeout. Default 660.
    #[serde(default = "default_reservation_ttl")]
    pub reservation_ttl_seconds: u64,
    /// For streams, usage is requested upstream (`stream_options.include_usage`); when the client
    /// did not ask for it, remove that extra usage-only chunk from what the client sees. Default true.
    #[serde(default = "default_true")]
    pub hide_injected_usage: bool,
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum StoreKind {
    #[default]
    Local,
    Redis,
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum OnStoreError {
    #[default]
    FailClosed,
    FailOpen,
}

#[derive(Debug, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RedisConfig {
    /// Envoy cluster of the webdis HTTP front (loopback or a private network only).
    pub cluster: String,
    /// `:authority` of side calls (default: the cluster name).
    pub authority: Option<String>,
    /// Prefix of every Redis key (default `llmpr:`).
    #[serde(default = "default_key_prefix")]
    pub key_prefix: String,
    /// Side-call timeout in milliseconds (default 250).
    #[serde(default = "default_redis_timeout_ms")]
    pub timeout_ms: u64,
}

/// A spending limit.
#[derive(Debug, Clone, Copy, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct BudgetConfig {
    /// Limit in USD per period.
    pub limit_usd: f64,
    /// `daily`, `weekly` (Monday), `monthly` (UTC calendar) or `never` (the default).
    #[serde(default)]
    pub reset: crate::spend::period::Reset,
}

/// Per-minute limits for one key, enforced per Envoy process.
#[derive(Debug, Clone, Copy, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RateLimitConfig {
    pub requests_per_minute: Option<u64>,
    /// Prompt plus completion tokens of settled requests.
    pub tokens_per_minute: Option<u64>,
}

#[derive(Debug, Default, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RoutingConfig {
    /// Seed for the weighted-random default order; omit in production (seeded from the clock).
    pub seed: Option<u64>,
}

#[derive(Debug, Default, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AuthConfig {
    /// Accepted API keys, stored as SHA-256 hex (`llm-policy-router hash-key`).
    #[serde(default)]
    pub keys: Vec<KeyConfig>,
    /// Workspace for requests without a known key; absent means such requests get 401.
    pub anonymous_workspace: Option<String>,
    /// Header naming the workspace, set by a trusted earlier filter (jwt_authn, mTLS); absent = off.
    /// The earlier filter must overwrite it: a client-sent copy would otherwise be believed.
    pub workspace_header: Option<String>,
}

#[derive(Debug, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct KeyConfig {
    /// Label for logs and errors; never the key itself.
    pub name: String,
    /// Lowercase hex SHA-256 of the key.
    pub sha256: String,
    pub workspace: String,
    /// This key's own spending limit (on top of its workspace's).
    pub budget: Option<BudgetConfig>,
    pub rate_limit: Option<RateLimitConfig>,
}

#[derive(Debug, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PassthroughConfig {
    /// Request path prefix (query string ignored), e.g. `/healthz`.
    pub path_prefix: String,
    pub cluster: String,
    /// Require a known caller as for LLM paths (default true).
    #[serde(default = "default_true")]
    pub authenticate: bool,
}

#[derive(Debug, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ProviderConfig {
    /// Default Envoy cluster for this provider's endpoints.
    pub cluster: Option<String>,
    /// Zero data retention: the provider keeps no prompts or completions.
    #[serde(default)]
    pub zdr: bool,
    /// The provider may use prompts for training (OpenRouter's "data collection").
    #[serde(default)]
    pub trains_on_prompts: bool,
    /// ISO 3166-1 alpha-2 country of processing, e.g. `DE`.
    pub country: String,
    /// Region tag, e.g. `eu`, `us`.
    pub region: String,
    /// Credential sent upstream instead of the caller's key; absent = none sent.
    pub credential: Option<CredentialConfig>,
}

#[derive(Debug, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CredentialConfig {
    /// Environment variable holding the secret (Envoy `vm_config.environment_variables.host_env_keys`).
    pub env: String,
    /// Header to carry it (default `authorization`).
    #[serde(default = "default_credential_header")]
    pub header: String,
    /// Text before the secret (default `Bearer `).
    #[serde(default = "default_credential_prefix")]
    pub prefix: String,
}

#[derive(Debug, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ModelConfig {
    /// Catalog id, e.g. `openai/gpt-4o-mini`; may contain colons (`llama3:8b`).
    pub id: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Private model: only these workspaces see it. Absent = every workspace.
    pub visible_to: Option<Vec<String>>,
    pub endpoints: Vec<EndpointConfig>,
}

#[derive(Debug, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct EndpointConfig {
    pub provider: String,
    /// Envoy cluster; defaults to the provider's `cluster`.
    pub cluster: Option<String>,
    /// The provider's own name for the model; defaults to the id after its last `/`.
    pub upstream_model: Option<String>,
    pub price: PriceConfig,
    /// Context window in tokens.
    pub context_length: u64,
    /// Largest completion the endpoint produces, in tokens.
    pub max_completion_tokens: Option<u64>,
    /// e.g. `fp8`, `bf16`, `int4`.
    pub quantization: Option<String>,
    /// Request parameters the endpoint honours (`tools`, `response_format`, ...); absent = all.
    pub supported_parameters: Option<Vec<String>>,
    /// Static latency hint (time to first token), milliseconds.
    pub latency_ms: Option<u64>,
    /// Static throughput hint, tokens per second.
    pub throughput_tps: Option<u64>,
    /// Known to be unhealthy: kept, but ordered last by the default order.
    #[serde(default)]
    pub degraded: bool,
}

/// Prices in USD per million tokens.
#[derive(Debug, Clone, Copy, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PriceConfig {
    pub prompt: f64,
    pub completion: f64,
    /// Price of prompt tokens served from the provider's cache; absent = the prompt price.
    pub cached_prompt: Option<f64>,
}

#[derive(Debug, Default, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct WorkspaceConfig {
    #[serde(default)]
    pub policy: PolicyConfig,
    /// The workspace's spending limit, shared by all its keys.
    pub budget: Option<BudgetConfig>,
}

/// Rules that remove endpoints. The org's and a workspace's apply together: allow lists
/// intersect, deny lists union, flags OR, limits take the minimum, so a workspace only tightens.
#[derive(Debug, Default, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PolicyConfig {
    #[serde(default)]
    pub models: AllowDeny,
    #[serde(default)]
    pub providers: AllowDeny,
    /// Only zero-data-retention providers.
    #[serde(default)]
    pub require_zdr: bool,
    /// Only providers that do not train on prompts.
    #[serde(default)]
    pub deny_data_collection: bool,
    /// Region tags allowed; absent = any.
    pub allowed_regions: Option<Vec<String>>,
    /// Countries refused.
    #[serde(default)]
    pub denied_countries: Vec<String>,
    /// Highest price accepted, USD per million tokens.
    pub max_price: Option<MaxPriceConfig>,
    /// Quantizations allowed; absent = any. Endpoints with no declared quantization pass.
    pub allowed_quantizations: Option<Vec<String>>,
    /// Data-loss prevention and prompt-injection defense.
    pub guardrails: Option<GuardrailsConfig>,
}

#[derive(Debug, Default, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct GuardrailsConfig {
    pub dlp: Option<DlpConfig>,
    pub prompt_injection: Option<InjectionConfig>,
}

#[derive(Debug, Default, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DlpConfig {
    /// Built-in detector → action (`flag`, `redact`, `block`); detectors not listed are off.
    #[serde(default)]
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(schema_with = "detector_actions_schema")
    )]
    pub detectors: BTreeMap<String, crate::guard::Action>,
    /// Named regexes of your own.
    #[serde(default)]
    pub custom: Vec<CustomDetectorConfig>,
    /// Message roles to scan; absent = all (`system`, `developer`, `user`, `assistant`, `tool`).
    pub roles: Option<Vec<String>>,
    /// Also scan model output with the same detectors: non-streaming JSON responses are held
    /// until complete, then redacted or refused (streams pass unscanned). Default false.
    #[serde(default)]
    pub responses: bool,
}

#[derive(Debug, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CustomDetectorConfig {
    /// Lowercase name; matches are redacted to `[NAME]`.
    pub name: String,
    /// Regex (Rust `regex` syntax, linear time).
    pub pattern: String,
    pub action: crate::guard::Action,
}

#[derive(Debug, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct InjectionConfig {
    /// `block` (403) or `flag`.
    pub action: crate::guard::Action,
    /// Message roles to scan; default `user` and `tool`.
    pub roles: Option<Vec<String>>,
    /// Also treat persona set-ups as attacks (class `persona_setup`): "I want you to act as …",
    /// "you will pretend to be …", "play the role of …". For workspaces that serve no role-play:
    /// ordinary role-play prompts are caught too. Jailbreak personas are caught either way.
    #[serde(default)]
    pub personas: bool,
    /// Class → `block` or `flag`, replacing `action` for that class, e.g. `{"jailbreak_wording":
    /// "flag"}` where apps role-play: the word model's verdict is statistical. Org and workspace
    /// combine per class, the stricter winning.
    #[serde(default)]
    pub classes: BTreeMap<String, crate::guard::Action>,
    /// Org only: workspace → phrases (or `re:<regex>`) that legitimate uses may contain, e.g. a
    /// security-training app. A string containing one is not scanned for injection.
    #[serde(default)]
    pub allow: BTreeMap<String, Vec<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AllowDeny {
    /// Globs (`*`, `?`); absent = everything allowed.
    pub allow: Option<Vec<String>>,
    #[serde(default)]
    pub deny: Vec<String>,
}

#[derive(Debug, Default, Clone, Copy, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct MaxPriceConfig {
    pub prompt: Option<f64>,
    pub completion: Option<f64>,
}

fn default_cluster_header() -> String {
    crate::headers::DEFAULT_CLUSTER_HEADER.to_string()
}

fn default_max_body_bytes() -> u64 {
    4 * 1024 * 1024
}

fn default_base_paths() -> Vec<String> {
    vec!["/v1".to_string(), "/api/v1".to_string()]
}

fn default_true() -> bool {
    true
}

fn default_credential_header() -> String {
    "authorization".to_string()
}

fn default_credential_prefix() -> String {
    "Bearer ".to_string()
}

impl Default for SpendConfig {
    fn default() -> Self {
        SpendConfig {
            store: StoreKind::default(),
            redis: None,
            on_store_error: OnStoreError::default(),
            reservation_ttl_seconds: default_reservation_ttl(),
            hide_injected_usage: true,
        }
    }
}

fn default_reservation_ttl() -> u64 {
    660
}

fn default_key_prefix() -> String {
    "llmpr:".to_string()
}

fn default_redis_timeout_ms() -> u64 {
    250
}

/// The `detectors` map's schema, with the built-in detector names as its only keys, so that an
/// editor flags a misspelt detector before the plugin refuses it.
#[cfg(not(target_arch = "wasm32"))]
fn detector_actions_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
    let names: Vec<&str> = crate::guard::dlp::builtin::Builtin::ALL
        .iter()
        .map(|b| b.name())
        .collect();
    let action = generator.subschema_for::<crate::guard::Action>();
    schemars::json_schema!({
        "type": "object",
        "propertyNames": { "enum": names },
        "additionalProperties": action,
    })
}

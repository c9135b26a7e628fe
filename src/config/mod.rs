//! Configuration: the operator's JSON document (`schema`), its validation into the per-request
//! `CompiledPolicy` (`compile`), and errors that name the bad field (`error`).

mod catalog;
pub mod compile;
pub mod error;
mod guard;
pub mod jsonc;
pub mod schema;
mod spend;
#[cfg(test)]
mod tests;

use crate::catalog::Catalog;
use crate::fastmap::FastMap;
use crate::identity::Identity;
use crate::policy::rules::Rules;
use crate::routing::Passthrough;
pub use compile::SecretLookup;
pub use error::{ConfigError, ConfigErrors};

/// Everything a request needs, precomputed once per configuration.
#[derive(Debug)]
pub struct CompiledPolicy {
    /// Lowercase name of the routing header.
    pub cluster_header: String,
    pub max_body_bytes: u64,
    pub access_log_note: bool,
    pub base_paths: Vec<String>,
    pub seed: Option<u64>,
    pub identity: Identity,
    pub passthrough: Vec<Passthrough>,
    pub catalog: Catalog,
    pub org: Rules,
    /// Workspace id → its rules.
    pub workspaces: FastMap<String, Rules>,
    pub spend: crate::spend::SpendPolicy,
    /// Workspace id → its guardrails (org and workspace combined).
    pub guards: FastMap<String, crate::guard::policy::GuardPolicy>,
}

impl CompiledPolicy {
    /// Parses and compiles a JSON (or commented JSON) document; secrets are read through `secrets`.
    pub fn from_json(json: &[u8], secrets: SecretLookup<'_>) -> Result<Self, ConfigErrors> {
        let json = jsonc::blank_comments(json);
        let mut de = serde_json::Deserializer::from_slice(&json);
        let config: schema::Config = serde_path_to_error::deserialize(&mut de).map_err(|e| {
            let path = e.path().to_string();
            let path = if path == "." { String::new() } else { path };
            ConfigErrors(vec![ConfigError::new(path, e.inner().to_string())])
        })?;
        de.end()
            .map_err(|e| ConfigErrors(vec![ConfigError::new("", e.to_string())]))?;
        compile::compile(config, secrets).map_err(ConfigErrors)
    }
}

/// The JSON Schema of the policy document, derived from `schema::Config` (native builds only).
#[cfg(not(target_arch = "wasm32"))]
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(schema::Config);
    serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
}

//! Turns the raw `schema::Config` into a `CompiledPolicy`: checks every cross-reference, name and
//! number, converts prices to integer micro-USD, compiles globs, hashes key lookups and reads
//! provider credentials from the environment. Every problem becomes a `ConfigError` naming its path.

use super::error::ConfigError;
use super::schema::{self, Config, PolicyConfig};
use super::CompiledPolicy;
use crate::catalog::price::MicroUsdPerMtok;
use crate::catalog::Catalog;
use crate::fastmap::FastMap;
use crate::identity::{Identity, KeyEntry};
use crate::policy::glob::Glob;
use crate::policy::rules::{MaxPrice, Rules};
use crate::routing::Passthrough;

/// Largest body limit accepted; Envoy buffers the whole body, so keep it well below memory.
const MAX_BODY_BYTES_CEILING: u64 = 64 * 1024 * 1024;

/// Reads a secret by environment variable name.
pub type SecretLookup<'a> = &'a dyn Fn(&str) -> Option<String>;

/// Collects errors so one pass reports them all.
#[derive(Default)]
pub(super) struct Errors(Vec<ConfigError>);

impl Errors {
    pub(super) fn push(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.0.push(ConfigError::new(path, message));
    }
}

pub fn compile(
    config: Config,
    secrets: SecretLookup<'_>,
) -> Result<CompiledPolicy, Vec<ConfigError>> {
    let mut errors = Errors::default();
    check_header_name(&config.cluster_header, "cluster_header", &mut errors);
    if config.max_body_bytes == 0 || config.max_body_bytes > MAX_BODY_BYTES_CEILING {
        errors.push(
            "max_body_bytes",
            format!("must be between 1 and {MAX_BODY_BYTES_CEILING}"),
        );
    }
    for (i, base) in config.base_paths.iter().enumerate() {
        if !base.starts_with('/') || (base.len() > 1 && base.ends_with('/')) {
            errors.push(
                format!("base_paths[{i}]"),
                "must start with `/` and not end with `/`",
            );
        }
    }

    let workspace_ids: Vec<&String> = config.workspaces.keys().collect();
    let known_workspace = |w: &str| config.workspaces.contains_key(w);
    let catalog = super::catalog::compile_catalog(&config, secrets, &known_workspace, &mut errors);
    let identity = compile_identity(&config.auth, &known_workspace, &mut errors);
    let passthrough = compile_passthrough(&config.passthrough, &mut errors);
    let org = compile_rules(&config.org, "org", &catalog, &mut errors);
    let spend = super::spend::compile_spend(&config, &mut errors);
    let guards = super::guard::compile_guards(&config, &mut errors);
    let mut workspaces = FastMap::default();
    for id in workspace_ids {
        if let Some(ws) = config.workspaces.get(id) {
            let rules = compile_rules(
                &ws.policy,
                &format!("workspaces.{id}.policy"),
                &catalog,
                &mut errors,
            );
            workspaces.insert(id.clone(), rules);
        }
    }

    if !errors.0.is_empty() {
        return Err(errors.0);
    }
    Ok(CompiledPolicy {
        cluster_header: config.cluster_header.to_ascii_lowercase(),
        max_body_bytes: config.max_body_bytes,
        access_log_note: config.access_log_note,
        base_paths: config.base_paths,
        seed: config.routing.seed,
        identity,
        passthrough,
        catalog,
        org,
        workspaces,
        spend,
        guards,
    })
}

fn compile_identity(
    auth: &schema::AuthConfig,
    known_workspace: &dyn Fn(&str) -> bool,
    errors: &mut Errors,
) -> Identity {
    let mut identity = Identity::default();
    let mut names = std::collections::HashSet::new();
    for (i, k) in auth.keys.iter().enumerate() {
        let path = format!("auth.keys[{i}]");
        // Budgets, rate limits and logs name keys by label, so labels must be unique.
        if !names.insert(k.name.as_str()) {
            errors.push(
                format!("{path}.name"),
                format!("the key name `{}` is used twice", k.name),
            );
        }
        if !known_workspace(&k.workspace) {
            errors.push(
                format!("{path}.workspace"),
                format!("unknown workspace `{}`", k.workspace),
            );
        }
        match crate::identity::parse_sha256_hex(&k.sha256) {
            Some(hash) => {
                let entry = KeyEntry {
                    name: k.name.clone(),
                    workspace: k.workspace.clone(),
                };
                if identity.keys.insert(hash, entry).is_some() {
                    errors.push(
                        format!("{path}.sha256"),
                        "the same key hash is listed twice",
                    );
                }
            }
            None => errors.push(
                format!("{path}.sha256"),
                "must be 64 hex digits (llm-policy-router hash-key <key>)",
            ),
        }
    }
    if let Some(w) = &auth.anonymous_workspace {
        if !known_workspace(w) {
            errors.push(
                "auth.anonymous_workspace",
                format!("unknown workspace `{w}`"),
            );
        }
    }
    if let Some(h) = &auth.workspace_header {
        check_header_name(h, "auth.workspace_header", errors);
    }
    identity.anonymous_workspace = auth.anonymous_workspace.clone();
    identity.workspace_header = auth
        .workspace_header
        .as_ref()
        .map(|h| h.to_ascii_lowercase());
    identity
}

fn compile_passthrough(
    list: &[schema::PassthroughConfig],
    errors: &mut Errors,
) -> Vec<Passthrough> {
    list.iter()
        .enumerate()
        .map(|(i, p)| {
            if !p.path_prefix.starts_with('/') {
                errors.push(
                    format!("passthrough[{i}].path_prefix"),
                    "must start with `/`",
                );
            }
            check_cluster(&p.cluster, &format!("passthrough[{i}].cluster"), errors);
            Passthrough {
                path_prefix: p.path_prefix.clone(),
                cluster: p.cluster.clone(),
                authenticate: p.authenticate,
            }
        })
        .collect()
}

fn compile_rules(p: &PolicyConfig, path: &str, catalog: &Catalog, errors: &mut Errors) -> Rules {
    let mut globs = |list: &[String], field: &str| -> Vec<Glob> {
        list.iter()
            .enumerate()
            .filter_map(|(i, g)| {
                Glob::new(g)
                    .map_err(|e| errors.push(format!("{path}.{field}[{i}]"), e))
                    .ok()
            })
            .collect()
    };
    let model_allow = p.models.allow.as_ref().map(|l| globs(l, "models.allow"));
    let model_deny = globs(&p.models.deny, "models.deny");
    let provider_allow = p
        .providers
        .allow
        .as_ref()
        .map(|l| globs(l, "providers.allow"));
    let provider_deny = globs(&p.providers.deny, "providers.deny");
    // A provider name that matches nothing is almost always a typo that would weaken policy.
    for (field, list) in [
        ("providers.allow", p.providers.allow.as_deref()),
        ("providers.deny", Some(p.providers.deny.as_slice())),
    ] {
        for (i, g) in list.into_iter().flatten().enumerate() {
            if let Ok(glob) = Glob::new(g) {
                if !catalog.providers.iter().any(|pr| glob.matches(&pr.id)) {
                    errors.push(
                        format!("{path}.{field}[{i}]"),
                        format!("`{g}` matches no provider"),
                    );
                }
            }
        }
    }
    for (i, r) in p.allowed_regions.iter().flatten().enumerate() {
        if !is_slug(r) {
            errors.push(
                format!("{path}.allowed_regions[{i}]"),
                "must be a lowercase tag",
            );
        }
    }
    for (i, c) in p.denied_countries.iter().enumerate() {
        if !is_country_code(c) {
            errors.push(
                format!("{path}.denied_countries[{i}]"),
                "must be an ISO 3166-1 alpha-2 code in capitals",
            );
        }
    }
    let mut price = |v: Option<f64>, field: &str| {
        v.and_then(|usd| {
            MicroUsdPerMtok::from_usd(usd)
                .map_err(|e| errors.push(format!("{path}.max_price.{field}"), e))
                .ok()
        })
    };
    let max_price = p.max_price.map(|m| MaxPrice {
        prompt: price(m.prompt, "prompt"),
        completion: price(m.completion, "completion"),
    });
    let mut rules = Rules {
        model_allow,
        model_deny,
        provider_allow,
        provider_deny,
        require_zdr: p.require_zdr,
        deny_data_collection: p.deny_data_collection,
        allowed_regions: p.allowed_regions.clone(),
        denied_countries: p.denied_countries.clone(),
        max_price: max_price.unwrap_or_default(),
        allowed_quantizations: p
            .allowed_quantizations
            .as_ref()
            .map(|q| q.iter().map(|s| s.to_ascii_lowercase()).collect()),
        ..Rules::default()
    };
    rules.precompute(catalog);
    rules
}

/// ISO 3166-1 alpha-2 in capitals, e.g. `DE`.
pub(super) fn is_country_code(s: &str) -> bool {
    s.len() == 2 && s.bytes().all(|b| b.is_ascii_uppercase())
}

pub(super) fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.bytes().all(|b| {
            b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'.' | b'_' | b'-')
        })
}

pub(super) fn check_header_name(name: &str, path: &str, errors: &mut Errors) {
    let valid = !name.is_empty()
        && !name.starts_with(':')
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if !valid {
        errors.push(
            path,
            "must be an HTTP header name (letters, digits, `-`, `_`)",
        );
    }
}

pub(super) fn check_cluster(name: &str, path: &str, errors: &mut Errors) {
    if name.is_empty()
        || name
            .bytes()
            .any(|b| b.is_ascii_whitespace() || b.is_ascii_control())
    {
        errors.push(path, "must be an Envoy cluster name without whitespace");
    }
}

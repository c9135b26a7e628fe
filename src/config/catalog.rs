//! Compiles the catalog part of the document: providers (with credentials read from the
//! environment), models and their endpoints, prices in micro-USD.

use super::compile::{
    check_cluster, check_header_name, is_country_code, is_slug, Errors, SecretLookup,
};
use super::schema::{self, Config};
use crate::catalog::price::{MicroUsdPerMtok, Price};
use crate::catalog::{
    Catalog, Credential, Endpoint, EndpointId, Model, ModelId, Provider, ProviderId, Secret,
};

pub(super) fn compile_catalog(
    config: &Config,
    secrets: SecretLookup<'_>,
    known_workspace: &dyn Fn(&str) -> bool,
    errors: &mut Errors,
) -> Catalog {
    let mut catalog = Catalog::default();
    let mut default_clusters = Vec::new();
    for (id, p) in &config.providers {
        let path = format!("providers.{id}");
        if !is_slug(id) {
            errors.push(
                &path,
                "provider id must be a lowercase slug of a-z, 0-9, `.`, `_`, `-`",
            );
        }
        if !is_country_code(&p.country) {
            errors.push(
                format!("{path}.country"),
                "must be an ISO 3166-1 alpha-2 code in capitals, e.g. `DE`",
            );
        }
        if !is_slug(&p.region) {
            errors.push(
                format!("{path}.region"),
                "must be a lowercase tag, e.g. `eu`",
            );
        }
        if let Some(cluster) = &p.cluster {
            check_cluster(cluster, &format!("{path}.cluster"), errors);
        }
        let credential = p
            .credential
            .as_ref()
            .and_then(|c| compile_credential(c, &format!("{path}.credential"), secrets, errors));
        catalog
            .provider_by_id
            .insert(id.clone(), ProviderId(catalog.providers.len()));
        default_clusters.push(p.cluster.clone());
        catalog.providers.push(Provider {
            id: id.clone(),
            zdr: p.zdr,
            trains_on_prompts: p.trains_on_prompts,
            country: p.country.clone(),
            region: p.region.clone(),
            credential,
        });
    }
    if config.models.is_empty() {
        errors.push("models", "the catalog needs at least one model");
    }
    for (mi, m) in config.models.iter().enumerate() {
        let path = format!("models[{mi}]");
        let model_id = ModelId(catalog.models.len());
        if m.id.trim().is_empty() || m.id.chars().any(char::is_whitespace) {
            errors.push(format!("{path}.id"), "must be non-empty without whitespace");
        }
        for (ni, name) in std::iter::once(&m.id).chain(m.aliases.iter()).enumerate() {
            if catalog.by_name.insert(name.clone(), model_id).is_some() {
                let field = if ni == 0 {
                    format!("{path}.id")
                } else {
                    format!("{path}.aliases[{}]", ni - 1)
                };
                errors.push(field, format!("`{name}` names another model already"));
            }
        }
        for (wi, w) in m.visible_to.iter().flatten().enumerate() {
            if !known_workspace(w) {
                errors.push(
                    format!("{path}.visible_to[{wi}]"),
                    format!("unknown workspace `{w}`"),
                );
            }
        }
        if m.endpoints.is_empty() {
            errors.push(
                format!("{path}.endpoints"),
                "a model needs at least one endpoint",
            );
        }
        let mut endpoint_ids = Vec::new();
        for (ei, e) in m.endpoints.iter().enumerate() {
            let epath = format!("{path}.endpoints[{ei}]");
            let Some(&provider) = catalog.provider_by_id.get(&e.provider) else {
                errors.push(
                    format!("{epath}.provider"),
                    format!("unknown provider `{}`", e.provider),
                );
                continue;
            };
            let cluster = e
                .cluster
                .clone()
                .or_else(|| default_clusters.get(provider.0).cloned().flatten());
            let Some(cluster) = cluster else {
                errors.push(
                    format!("{epath}.cluster"),
                    "no cluster here and none on the provider",
                );
                continue;
            };
            check_cluster(&cluster, &format!("{epath}.cluster"), errors);
            let upstream_model = e
                .upstream_model
                .clone()
                .unwrap_or_else(|| m.id.rsplit('/').next().unwrap_or(&m.id).to_string());
            if upstream_model.is_empty() {
                errors.push(format!("{epath}.upstream_model"), "must not be empty");
            }
            if e.context_length == 0 {
                errors.push(format!("{epath}.context_length"), "must be above 0");
            }
            endpoint_ids.push(EndpointId(catalog.endpoints.len()));
            catalog.endpoints.push(Endpoint {
                model: model_id,
                provider,
                cluster,
                upstream_model_json: serde_json::to_string(&upstream_model).unwrap_or_default(),
                upstream_model,
                price: compile_price(&e.price, &format!("{epath}.price"), errors),
                context_length: e.context_length,
                max_completion_tokens: e.max_completion_tokens,
                quantization: e.quantization.as_ref().map(|q| q.to_ascii_lowercase()),
                supported_parameters: e.supported_parameters.clone(),
                latency_ms: e.latency_ms,
                throughput_tps: e.throughput_tps,
                degraded: e.degraded,
            });
        }
        catalog.models.push(Model {
            id: m.id.clone(),
            aliases: m.aliases.clone(),
            visible_to: m.visible_to.clone(),
            endpoints: endpoint_ids,
        });
    }
    catalog
}

fn compile_credential(
    c: &schema::CredentialConfig,
    path: &str,
    secrets: SecretLookup<'_>,
    errors: &mut Errors,
) -> Option<Credential> {
    check_header_name(&c.header, &format!("{path}.header"), errors);
    if c.env.is_empty() {
        errors.push(format!("{path}.env"), "must name an environment variable");
        return None;
    }
    // Secrets mounted from files often end in a newline; inside, control characters would make
    // every request fail at the header hostcall, so refuse them here (without echoing the value).
    let secret = secrets(&c.env).map(|s| s.trim().to_string());
    if secret
        .as_ref()
        .is_some_and(|s| s.chars().chain(c.prefix.chars()).any(char::is_control))
    {
        errors.push(
            format!("{path}.env"),
            format!("the value of `{}` contains control characters", c.env),
        );
        return None;
    }
    match secret {
        Some(secret) if !secret.is_empty() => Some(Credential {
            header: c.header.to_ascii_lowercase(),
            value: Secret::new(format!("{}{}", c.prefix, secret)),
            source: c.env.clone(),
        }),
        _ => {
            errors.push(
                format!("{path}.env"),
                format!("environment variable `{}` is not set for the plugin (list it in vm_config.environment_variables.host_env_keys)", c.env),
            );
            None
        }
    }
}

fn compile_price(p: &schema::PriceConfig, path: &str, errors: &mut Errors) -> Price {
    let mut one = |usd: f64, field: &str| {
        MicroUsdPerMtok::from_usd(usd).unwrap_or_else(|e| {
            errors.push(format!("{path}.{field}"), e);
            MicroUsdPerMtok::default()
        })
    };
    Price {
        prompt: one(p.prompt, "prompt"),
        completion: one(p.completion, "completion"),
        cached_prompt: p.cached_prompt.map(|usd| one(usd, "cached_prompt")),
    }
}

//! `GET /v1/models`, answered by the plugin: the models this workspace may use, i.e. visible to
//! it and with at least one endpoint that org and workspace policy both allow.

use crate::config::CompiledPolicy;
use crate::routing::exclusion::Layer;
use serde::Serialize;

#[derive(Serialize)]
struct ModelList<'p> {
    object: &'static str,
    data: Vec<ModelEntry<'p>>,
}

#[derive(Serialize)]
struct ModelEntry<'p> {
    id: &'p str,
    object: &'static str,
    created: u64,
    owned_by: &'p str,
    aliases: &'p [String],
    /// Providers that policy allows for this caller.
    providers: Vec<&'p str>,
    context_length: u64,
}

/// The OpenAI-shaped list body for `workspace`.
pub fn list_models(policy: &CompiledPolicy, workspace: &str) -> Vec<u8> {
    let catalog = &policy.catalog;
    let ws_rules = policy.workspaces.get(workspace);
    let mut data = Vec::new();
    for model in catalog.models.iter().filter(|m| m.is_visible_to(workspace)) {
        let mut providers: Vec<&str> = Vec::new();
        let mut context_length = 0;
        for &e in &model.endpoints {
            let Some((ep, _, provider)) = catalog.resolve(e) else {
                continue;
            };
            let mut reasons = Vec::new();
            policy
                .org
                .check(model, ep, provider, Layer::Org, &mut reasons);
            if let Some(ws) = ws_rules {
                ws.check(model, ep, provider, Layer::Workspace, &mut reasons);
            }
            if reasons.is_empty() {
                if !providers.contains(&provider.id.as_str()) {
                    providers.push(&provider.id);
                }
                context_length = context_length.max(ep.context_length);
            }
        }
        if !providers.is_empty() {
            let owned_by = model
                .id
                .split_once('/')
                .map_or("llm-policy-router", |(owner, _)| owner);
            data.push(ModelEntry {
                id: &model.id,
                object: "model",
                created: 0,
                owned_by,
                aliases: &model.aliases,
                providers,
                context_length,
            });
        }
    }
    serde_json::to_vec(&ModelList {
        object: "list",
        data,
    })
    .unwrap_or_else(|_| br#"{"object":"list","data":[]}"#.to_vec())
}

//! Compiles `guardrails` (in `org` and each workspace's `policy`) into one `GuardPolicy` per
//! workspace. Regexes compile here, so a bad one refuses the config naming its detector.

use super::compile::Errors;
use super::schema::{Config, GuardrailsConfig};
use crate::fastmap::FastMap;
use crate::guard::dlp::builtin::Builtin;
use crate::guard::dlp::custom::CustomDetector;
use crate::guard::injection::normalize::normalize;
use crate::guard::injection::Attack;
use crate::guard::policy::{Allow, GuardPolicy, DEFAULT_INJECTION_ROLES};
use crate::guard::Action;

const ROLES: [&str; 5] = ["system", "developer", "user", "assistant", "tool"];

pub(super) fn compile_guards(config: &Config, errors: &mut Errors) -> FastMap<String, GuardPolicy> {
    let org_config = config.org.guardrails.as_ref();
    let org = org_config.map_or_else(GuardPolicy::default, |g| one(g, "org.guardrails", errors));
    let allow = org_config
        .and_then(|g| g.prompt_injection.as_ref())
        .map(|p| &p.allow);
    for (ws, _) in allow.into_iter().flatten() {
        if !config.workspaces.contains_key(ws) {
            errors.push(
                format!("org.guardrails.prompt_injection.allow.{ws}"),
                format!("unknown workspace `{ws}`"),
            );
        }
    }
    let mut out = FastMap::default();
    for (id, ws) in &config.workspaces {
        let path = format!("workspaces.{id}.policy.guardrails");
        let own = ws.policy.guardrails.as_ref();
        if own
            .and_then(|g| g.prompt_injection.as_ref())
            .is_some_and(|p| !p.allow.is_empty())
        {
            errors.push(
                format!("{path}.prompt_injection.allow"),
                "exemptions are granted by the org only (org.guardrails.prompt_injection.allow)",
            );
        }
        let mut policy = match own {
            Some(g) => org.tighten(&one(g, &path, errors)),
            None => org.clone(),
        };
        for (i, entry) in allow
            .and_then(|a| a.get(id))
            .into_iter()
            .flatten()
            .enumerate()
        {
            let entry_path = format!("org.guardrails.prompt_injection.allow.{id}[{i}]");
            match entry.strip_prefix("re:") {
                Some(pattern) => match regex::Regex::new(pattern) {
                    Ok(r) => policy.allow.push(Allow::Regex(r)),
                    Err(e) => errors.push(entry_path, format!("invalid regex: {e}")),
                },
                None => match normalize(entry) {
                    phrase if phrase.is_empty() => errors.push(entry_path, "must contain words"),
                    phrase => policy.allow.push(Allow::Phrase(phrase)),
                },
            }
        }
        out.insert(id.clone(), policy);
    }
    out
}

fn one(g: &GuardrailsConfig, path: &str, errors: &mut Errors) -> GuardPolicy {
    let mut policy = GuardPolicy::default();
    if let Some(dlp) = &g.dlp {
        for (name, action) in &dlp.detectors {
            match Builtin::from_name(name) {
                Some(d) => policy.builtin.push((d, *action)),
                None => errors.push(
                    format!("{path}.dlp.detectors.{name}"),
                    format!(
                        "unknown detector; built-ins are {}",
                        Builtin::ALL.map(Builtin::name).join(", ")
                    ),
                ),
            }
        }
        for (i, c) in dlp.custom.iter().enumerate() {
            let cpath = format!("{path}.dlp.custom[{i}]");
            if c.name.is_empty()
                || !c
                    .name
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
            {
                errors.push(
                    format!("{cpath}.name"),
                    "must be lowercase letters, digits and `_`",
                );
            }
            match CustomDetector::new(&c.name, &c.pattern) {
                Ok(d) => policy.custom.push((d, c.action)),
                Err(e) => errors.push(
                    format!("{cpath}.pattern"),
                    format!("detector `{}`: invalid regex: {e}", c.name),
                ),
            }
        }
        policy.dlp_responses = dlp.responses;
        policy.dlp_roles = dlp
            .roles
            .as_ref()
            .map(|r| roles(r, &format!("{path}.dlp.roles"), errors));
    }
    if let Some(p) = &g.prompt_injection {
        if p.action == Action::Redact {
            errors.push(
                format!("{path}.prompt_injection.action"),
                "must be `block` or `flag`",
            );
        }
        policy.injection = Some(p.action);
        for (name, action) in &p.classes {
            let field = format!("{path}.prompt_injection.classes.{name}");
            match Attack::from_name(name) {
                None => errors.push(
                    field,
                    format!(
                        "unknown class; classes are {}",
                        Attack::ALL.map(Attack::name).join(", ")
                    ),
                ),
                Some(_) if *action == Action::Redact => {
                    errors.push(field, "must be `block` or `flag`")
                }
                Some(attack) => policy.injection_classes.push((attack, *action)),
            }
        }
        policy.injection_personas = p.personas;
        policy.injection_roles = match &p.roles {
            Some(r) => roles(r, &format!("{path}.prompt_injection.roles"), errors),
            None => DEFAULT_INJECTION_ROLES.map(str::to_string).to_vec(),
        };
    }
    policy
}

fn roles(list: &[String], path: &str, errors: &mut Errors) -> Vec<String> {
    for (i, r) in list.iter().enumerate() {
        if !ROLES.contains(&r.as_str()) {
            errors.push(
                format!("{path}[{i}]"),
                format!("unknown role; roles are {}", ROLES.join(", ")),
            );
        }
    }
    list.to_vec()
}

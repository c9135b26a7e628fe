use crate::testutil::{compile, example_value, EXAMPLE_POLICY};
use serde_json::{json, Value};

/// Paths named by the errors of the example with `edit` applied.
fn error_paths(edit: impl FnOnce(&mut Value)) -> Vec<String> {
    let mut v = example_value();
    edit(&mut v);
    match compile(&v) {
        Ok(_) => vec!["<compiled without error>".to_string()],
        Err(e) => e.0.into_iter().map(|e| e.path).collect(),
    }
}

#[test]
fn the_example_compiles() {
    let p = crate::testutil::example();
    assert_eq!(p.catalog.models.len(), 4);
    assert_eq!(p.catalog.endpoints.len(), 8);
    assert_eq!(
        p.catalog.endpoints[0].price.prompt.0, 300_000,
        "0.30 USD/Mtok in micro-USD"
    );
    assert_eq!(
        p.catalog.endpoints[0].upstream_model_json,
        "\"gpt-4o-mini-eu\""
    );
    let budget = p
        .catalog
        .provider(p.catalog.provider_by_id["budget-cloud"])
        .unwrap();
    let cred = budget.credential.as_ref().unwrap();
    assert_eq!(
        (cred.header.as_str(), cred.value.expose()),
        ("x-api-key", "secret-for-BUDGET_CLOUD_API_KEY")
    );
    assert!(
        !format!("{cred:?}").contains("secret-for"),
        "Debug never prints a secret"
    );
}

/// An edit of the example document.
type Edit = Box<dyn FnOnce(&mut Value)>;

#[test]
fn each_error_names_its_field() {
    let cases: Vec<(Edit, &str)> = vec![
        (
            Box::new(|v| v["models"][0]["endpoints"][1]["provider"] = json!("nobody")),
            "models[0].endpoints[1].provider",
        ),
        (
            Box::new(|v| v["models"][1]["aliases"] = json!(["gpt-4o-mini"])),
            "models[1].aliases[0]",
        ),
        (
            Box::new(|v| v["models"][3]["visible_to"] = json!(["nope"])),
            "models[3].visible_to[0]",
        ),
        (
            Box::new(|v| v["models"][0]["endpoints"] = json!([])),
            "models[0].endpoints",
        ),
        (
            Box::new(|v| v["models"][0]["endpoints"][0]["price"]["prompt"] = json!(-1)),
            "models[0].endpoints[0].price.prompt",
        ),
        (
            Box::new(|v| v["models"][0]["endpoints"][0]["context_length"] = json!(0)),
            "models[0].endpoints[0].context_length",
        ),
        (
            Box::new(|v| v["providers"]["euro-zdr"]["country"] = json!("Germany")),
            "providers.euro-zdr.country",
        ),
        (
            Box::new(|v| v["providers"]["euro-zdr"]["region"] = json!("EU")),
            "providers.euro-zdr.region",
        ),
        (
            Box::new(|v| {
                v["providers"]["euro-zdr"]
                    .as_object_mut()
                    .unwrap()
                    .remove("cluster")
                    .map(|_| ())
                    .unwrap()
            }),
            "models[0].endpoints[0].cluster",
        ),
        (
            Box::new(|v| v["providers"]["Bad Name"] = v["providers"]["euro-zdr"].clone()),
            "providers.Bad Name",
        ),
        (
            Box::new(|v| v["auth"]["keys"][0]["sha256"] = json!("abc")),
            "auth.keys[0].sha256",
        ),
        (
            Box::new(|v| v["auth"]["keys"][1]["sha256"] = v["auth"]["keys"][0]["sha256"].clone()),
            "auth.keys[1].sha256",
        ),
        (
            Box::new(|v| v["auth"]["keys"][0]["workspace"] = json!("nope")),
            "auth.keys[0].workspace",
        ),
        (
            Box::new(|v| v["auth"]["anonymous_workspace"] = json!("nope")),
            "auth.anonymous_workspace",
        ),
        (
            Box::new(|v| v["auth"]["workspace_header"] = json!("bad header")),
            "auth.workspace_header",
        ),
        (
            Box::new(|v| {
                v["workspaces"]["ops"]["policy"]["providers"]["allow"] = json!(["budget-clod"])
            }),
            "workspaces.ops.policy.providers.allow[0]",
        ),
        (
            Box::new(|v| v["org"]["models"] = json!({"deny": [""]})),
            "org.models.deny[0]",
        ),
        (
            Box::new(|v| v["org"]["max_price"] = json!({"prompt": -5})),
            "org.max_price.prompt",
        ),
        (
            Box::new(|v| v["cluster_header"] = json!("x llm")),
            "cluster_header",
        ),
        (
            Box::new(|v| v["max_body_bytes"] = json!(0)),
            "max_body_bytes",
        ),
        (
            Box::new(|v| v["base_paths"] = json!(["v1/"])),
            "base_paths[0]",
        ),
        (
            Box::new(|v| v["passthrough"][0]["path_prefix"] = json!("status")),
            "passthrough[0].path_prefix",
        ),
        // Typing errors come from serde with their path.
        (
            Box::new(|v| v["models"][2]["endpoints"][0]["context_length"] = json!("big")),
            "models[2].endpoints[0].context_length",
        ),
        (
            Box::new(|v| v["org"]["require_zdr"] = json!("yes")),
            "org.require_zdr",
        ),
        (
            Box::new(|v| v["providers"]["us-train"]["typo_field"] = json!(1)),
            "providers.us-train",
        ),
    ];
    for (i, (edit, path)) in cases.into_iter().enumerate() {
        let paths = error_paths(edit);
        assert!(
            paths.iter().any(|p| p.starts_with(path)),
            "case {i}: expected {path}, got {paths:?}"
        );
    }
}

#[test]
fn missing_secret_names_the_env_field() {
    let err = crate::config::CompiledPolicy::from_json(EXAMPLE_POLICY, &|_| None).unwrap_err();
    let paths: Vec<_> = err.0.iter().map(|e| e.path.as_str()).collect();
    assert!(
        paths.contains(&"providers.euro-zdr.credential.env"),
        "{paths:?}"
    );
    assert!(err.to_string().contains("EURO_ZDR_API_KEY"));
}

#[test]
fn all_errors_are_reported_in_one_pass() {
    let paths = error_paths(|v| {
        v["providers"]["euro-zdr"]["country"] = json!("de");
        v["auth"]["keys"][0]["workspace"] = json!("nope");
    });
    assert_eq!(paths.len(), 2, "{paths:?}");
}

#[test]
fn not_json_is_refused() {
    assert!(crate::config::CompiledPolicy::from_json(b"{", &|_| None).is_err());
    assert!(crate::config::CompiledPolicy::from_json(b"{} {}", &|_| None).is_err());
}

#[test]
#[cfg(not(target_arch = "wasm32"))] // the schema generator is native-only; `bench/profile_wasm.sh` builds these tests for wasm
fn published_schema_matches_the_serde_types() {
    let committed = include_str!("../../examples/policy.schema.json");
    assert!(
        committed == crate::config::json_schema(),
        "regenerate: llm-policy-router schema > examples/policy.schema.json"
    );
}

#[test]
fn secrets_are_trimmed_and_control_characters_refused() {
    let trimmed =
        crate::config::CompiledPolicy::from_json(EXAMPLE_POLICY, &|_| Some(" sk-x\n".to_string()))
            .unwrap();
    let euro = trimmed
        .catalog
        .provider(trimmed.catalog.provider_by_id["euro-zdr"])
        .unwrap();
    assert_eq!(
        euro.credential.as_ref().unwrap().value.expose(),
        "Bearer sk-x"
    );
    let err = crate::config::CompiledPolicy::from_json(EXAMPLE_POLICY, &|_| {
        Some("sk\r\nx-evil: 1".to_string())
    })
    .unwrap_err();
    assert!(
        err.0
            .iter()
            .any(|e| e.path == "providers.euro-zdr.credential.env"),
        "{err}"
    );
    assert!(
        !err.to_string().contains("x-evil"),
        "the value is never echoed"
    );
}

//! The native CLI over the shipped examples: what platform teams run before deploying a policy.
#![allow(clippy::unwrap_used)] // test helpers: a failure here is a test failure

use std::process::Command;

fn cli(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_llm-policy-router"))
        .args(args)
        .env_remove("EURO_ZDR_API_KEY")
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn check_summarises_the_example_and_warns_about_unset_secrets() {
    let (ok, out, err) = cli(&["check", "examples/policy.jsonc"]);
    assert!(ok, "{err}");
    assert!(out.contains("models:     4 (1 private)"), "{out}");
    assert!(err.contains("`EURO_ZDR_API_KEY` is not set here"), "{err}");
}

#[test]
fn check_refuses_a_bad_policy_naming_the_field() {
    let dir = std::env::temp_dir().join(format!("lpr-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.json");
    let text = std::fs::read_to_string("examples/policy.jsonc")
        .unwrap()
        .replace("\"country\": \"DE\"", "\"country\": \"Germany\"");
    std::fs::write(&bad, text).unwrap();
    let (ok, _, err) = cli(&["check", bad.to_str().unwrap()]);
    assert!(!ok);
    assert!(
        err.contains("config field `providers.euro-zdr.country`"),
        "{err}"
    );
}

#[test]
fn explain_shows_decision_and_exclusions_without_secrets() {
    let (ok, out, err) = cli(&[
        "explain",
        "examples/policy.jsonc",
        "examples/requests/chat-zdr.json",
        "--key",
        "sk-mkt-demo",
    ]);
    assert!(ok, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["outcome"], "forward");
    assert_eq!(v["endpoint"]["provider"], "euro-zdr");
    assert_eq!(v["endpoint"]["cluster"], "provider_euro");
    assert_eq!(
        v["headers_set"]["authorization"],
        "<secret from env EURO_ZDR_API_KEY>"
    );
    let excluded = v["excluded"].as_array().unwrap();
    assert_eq!(excluded.len(), 2);
    assert_eq!(excluded[0]["rules"][0]["code"], "data_policy:training");
    assert_eq!(excluded[0]["rules"][0]["layer"], "workspace");
    // Marketing has no budget; the reservation is still shown.
    assert_eq!(v["spend"]["budgets"], serde_json::json!([]));
    assert!(
        v["spend"]["reserve"]["prompt_tokens_bound"]
            .as_u64()
            .unwrap()
            > 0
    );
}

#[test]
fn explain_shows_budgets_windows_and_rate_limits() {
    let (ok, out, err) = cli(&[
        "explain",
        "examples/policy.jsonc",
        "examples/requests/chat-ops.json",
        "--key",
        "sk-ops-demo",
    ]);
    assert!(ok, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let spend = &v["spend"];
    assert_eq!(spend["store"], "local");
    assert_eq!(spend["budgets"][0]["scope"], "workspace:ops");
    assert_eq!(spend["budgets"][0]["limit_usd"], 100.0);
    assert!(spend["budgets"][0]["window"]
        .as_str()
        .unwrap()
        .starts_with('m'));
    assert_eq!(spend["budgets"][1]["scope"], "key:ops-demo");
    assert_eq!(spend["rate_limit"]["requests_per_minute"], 600);
    assert_eq!(spend["reserve"]["completion_tokens_cap"], 200);
}

#[test]
fn explain_shows_refusals_as_the_client_would_see_them() {
    let (ok, out, _) = cli(&[
        "explain",
        "examples/policy.jsonc",
        "examples/requests/chat-zdr.json",
        "--key",
        "nope",
    ]);
    assert!(ok);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        (v["outcome"].as_str(), v["status"].as_u64()),
        (Some("refused"), Some(401))
    );
    assert_eq!(v["response"]["error"]["code"], "invalid_api_key");
}

#[test]
fn hash_key_matches_the_config_hashes() {
    let (ok, out, _) = cli(&["hash-key", "sk-eng-demo"]);
    assert!(ok);
    assert!(std::fs::read_to_string("examples/policy.jsonc")
        .unwrap()
        .contains(out.trim()));
}

/// The committed schema is what `schema` prints (regenerate: `llm-policy-router schema >
/// examples/policy.schema.json`), and it names every built-in detector as a `detectors` key.
#[test]
fn committed_schema_is_current_and_lists_the_detectors() {
    let (ok, out, err) = cli(&["schema"]);
    assert!(ok, "{err}");
    let committed = std::fs::read_to_string("examples/policy.schema.json").unwrap();
    assert_eq!(out, committed, "examples/policy.schema.json is stale");
    let schema: serde_json::Value = serde_json::from_str(&out).unwrap();
    let names = &schema["$defs"]["DlpConfig"]["properties"]["detectors"]["propertyNames"]["enum"];
    assert_eq!(names.as_array().map(Vec::len), Some(26), "{names}");
    assert!(names.as_array().unwrap().iter().any(|n| n == "iban"));
    assert!(names
        .as_array()
        .unwrap()
        .iter()
        .any(|n| n == "service_token"));
}

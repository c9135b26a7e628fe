//! Any bytes as a policy document: loading must refuse or accept, never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use llm_policy_router::config::CompiledPolicy;

fuzz_target!(|data: &[u8]| {
    let secrets = |name: &str| (name.len() % 2 == 0).then(|| "fuzz".to_string());
    let _ = CompiledPolicy::from_json(data, &secrets);
});

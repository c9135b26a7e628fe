//! Test fixtures: the shipped example policy (so tests and docs cannot drift), optionally edited.

use crate::config::CompiledPolicy;
use serde_json::Value;

pub const EXAMPLE_POLICY: &[u8] = include_bytes!("../examples/policy.jsonc");

fn secrets(name: &str) -> Option<String> {
    Some(format!("secret-for-{name}"))
}

/// The example policy as a JSON value, for editing.
pub fn example_value() -> Value {
    serde_json::from_slice(&crate::config::jsonc::blank_comments(EXAMPLE_POLICY)).unwrap()
}

pub fn compile(v: &Value) -> Result<CompiledPolicy, crate::config::ConfigErrors> {
    CompiledPolicy::from_json(&serde_json::to_vec(v).unwrap(), &secrets)
}

pub fn example() -> CompiledPolicy {
    CompiledPolicy::from_json(EXAMPLE_POLICY, &secrets).unwrap()
}

/// The example with `edit` applied.
pub fn example_with(edit: impl FnOnce(&mut Value)) -> CompiledPolicy {
    let mut v = example_value();
    edit(&mut v);
    compile(&v).unwrap()
}

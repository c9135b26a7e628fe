//! Compiled org and workspace rules: which endpoints a caller's policy allows.

pub mod glob;
pub mod rules;

//! Data-loss prevention: built-in detectors (`builtin`, validated by `validate`) and operators'
//! own named regexes (`custom`), run over every string the model would see.

pub mod builtin;
pub mod custom;
mod swar;
pub mod validate;

//! Operator-defined detectors: a name, a regex (compiled when the policy loads; a bad one
//! refuses the config naming the detector) and the label its matches are redacted to.

use regex::Regex;
use std::ops::Range;

#[derive(Debug, Clone)]
pub struct CustomDetector {
    pub name: String,
    pub regex: Regex,
    pub label: String,
}

impl CustomDetector {
    /// Compiles `pattern`; the error is the regex error, for the config message.
    pub fn new(name: &str, pattern: &str) -> Result<Self, String> {
        let regex = regex::RegexBuilder::new(pattern)
            .size_limit(1 << 20)
            .build()
            .map_err(|e| e.to_string())?;
        Ok(CustomDetector {
            name: name.to_string(),
            regex,
            label: format!("[{}]", name.to_ascii_uppercase()),
        })
    }

    pub fn find<'t>(&'t self, text: &'t str) -> impl Iterator<Item = Range<usize>> + 't {
        // An empty match would redact nothing and loop forever in callers; skip them.
        self.regex
            .find_iter(text)
            .map(|m| m.range())
            .filter(|r| !r.is_empty())
    }
}

//! One request's guardrail verdict: the first blocking finding becomes a 403 that names the
//! detectors and where they fired (never the matched text); redactions become replacements of
//! whole JSON string values for the body patcher; flags are collected for headers and logs.

use super::dlp::builtin::{self, Builtin};
use super::extract::{segments, Segment};
use super::injection::{self, normalize::normalize};
use super::policy::{Allow, GuardPolicy};
use super::Action;
use crate::errors::{ApiError, ErrorType};
use crate::request::body::{span_in, TopLevel};
use crate::request::Api;
use serde_json::json;
use std::collections::BTreeSet;
use std::ops::Range;

#[derive(Debug, Default)]
pub struct Verdict {
    /// Body range → replacement (a whole JSON string literal).
    pub edits: Vec<(Range<usize>, Vec<u8>)>,
    /// Detectors whose matches were redacted.
    pub redacted: BTreeSet<String>,
    /// Detectors (and `prompt_injection`) that only flagged.
    pub flagged: BTreeSet<String>,
}

impl Verdict {
    /// `redact:email,flag:prompt_injection` for headers and the access log; empty if nothing fired.
    pub fn summary(&self) -> String {
        let r = self.redacted.iter().map(|d| format!("redact:{d}"));
        let f = self.flagged.iter().map(|d| format!("flag:{d}"));
        r.chain(f).collect::<Vec<_>>().join(",")
    }
}

/// Which way the scanned text travels: it changes the 403's wording and metadata.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Direction {
    Request,
    Response,
}

/// A match to act on inside one segment's text.
pub struct Found {
    pub range: Range<usize>,
    pub name: String,
    pub label: String,
    pub action: Action,
}

/// Every DLP match in `text` that is redacted or blocked (flags left out), sorted by start.
pub fn redactable(guard: &GuardPolicy, text: &str) -> Vec<Found> {
    let mut hits = Vec::new();
    let mut found = dlp(guard, text, &mut hits);
    found.retain(|f| f.action != Action::Flag);
    found
}

pub fn inspect(
    guard: &GuardPolicy,
    api: Api,
    top: &TopLevel<'_>,
    body: &[u8],
) -> Result<Verdict, ApiError> {
    let mut verdict = Verdict::default();
    if guard.is_empty() {
        return Ok(verdict);
    }
    let mut hits = Vec::new();
    for segment in segments(api, top)? {
        if guard.injection_scans(&segment.role) && !allowed(guard, &segment.text) {
            let reading = injection::Reading {
                personas: guard.injection_personas,
                tool_result: matches!(segment.role.as_ref(), "tool" | "function"),
            };
            if let Some(attack) = injection::detect_with(&segment.text, reading) {
                match guard.injection_action(attack) {
                    Some(Action::Block) => return Err(injection_blocked(attack.name(), &segment)),
                    _ => {
                        verdict.flagged.insert("prompt_injection".to_string());
                    }
                }
            }
        }
        let dlp_role = segment.role == "definition" || guard.dlp_scans(&segment.role);
        if dlp_role {
            apply_dlp(
                guard,
                &segment,
                body,
                &mut hits,
                &mut verdict,
                Direction::Request,
            )?;
        }
    }
    Ok(verdict)
}

/// DLP over model output (`dlp.responses`): the same detectors and actions over a complete JSON
/// response (chat choices, tool-call arguments, Responses-API output text).
pub fn inspect_response(guard: &GuardPolicy, body: &[u8]) -> Result<Verdict, ApiError> {
    let mut verdict = Verdict::default();
    if !guard.dlp_responses || (guard.builtin.is_empty() && guard.custom.is_empty()) {
        return Ok(verdict);
    }
    let mut hits = Vec::new();
    for segment in super::extract::response_segments(body) {
        apply_dlp(
            guard,
            &segment,
            body,
            &mut hits,
            &mut verdict,
            Direction::Response,
        )?;
    }
    Ok(verdict)
}

/// Runs DLP over one string: a blocking finding is the error; redactions become an edit.
fn apply_dlp(
    guard: &GuardPolicy,
    segment: &Segment<'_>,
    body: &[u8],
    hits: &mut Vec<builtin::Hit>,
    verdict: &mut Verdict,
    direction: Direction,
) -> Result<(), ApiError> {
    if guard.builtin.is_empty() && guard.custom.is_empty() {
        return Ok(());
    }
    let found = dlp(guard, &segment.text, hits);
    let blocking: BTreeSet<&str> = found
        .iter()
        .filter(|f| f.action == Action::Block)
        .map(|f| f.name.as_str())
        .collect();
    if !blocking.is_empty() {
        return Err(dlp_blocked(&blocking, segment, direction));
    }
    let mut redactions: Vec<&Found> = Vec::new();
    for f in &found {
        match f.action {
            Action::Flag => {
                verdict.flagged.insert(f.name.clone());
            }
            Action::Redact => {
                verdict.redacted.insert(f.name.clone());
                redactions.push(f);
            }
            Action::Block => {}
        }
    }
    if !redactions.is_empty() {
        let span = span_in(body, segment.raw).ok_or_else(ApiError::internal)?;
        let text = redact(&segment.text, &redactions);
        let literal = serde_json::to_vec(&text).map_err(|_| ApiError::internal())?;
        verdict.edits.push((span, literal));
    }
    Ok(())
}

fn dlp(guard: &GuardPolicy, text: &str, hits: &mut Vec<builtin::Hit>) -> Vec<Found> {
    hits.clear();
    let enabled = |d: Builtin| guard.action_of(d).is_some();
    builtin::scan(text, &enabled, hits);
    let mut found: Vec<Found> = hits
        .iter()
        .filter_map(|h| {
            Some(Found {
                range: h.range.clone(),
                name: h.detector.name().to_string(),
                label: h.detector.label().to_string(),
                action: guard.action_of(h.detector)?,
            })
        })
        .collect();
    for (detector, action) in &guard.custom {
        for range in detector.find(text) {
            found.push(Found {
                range,
                name: detector.name.clone(),
                label: detector.label.clone(),
                action: *action,
            });
        }
    }
    found.sort_by_key(|f| (f.range.start, std::cmp::Reverse(f.range.end)));
    found
}

/// `text` with each redacted range replaced by its label; overlapping matches merge.
pub fn redact(text: &str, found: &[&Found]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for f in found {
        if f.range.start < at {
            at = at.max(f.range.end.min(text.len()));
            continue;
        }
        out.push_str(text.get(at..f.range.start).unwrap_or_default());
        out.push_str(&f.label);
        at = f.range.end.min(text.len());
    }
    out.push_str(text.get(at..).unwrap_or_default());
    out
}

fn allowed(guard: &GuardPolicy, text: &str) -> bool {
    if guard.allow.is_empty() {
        return false;
    }
    let normalized = format!(" {} ", normalize(text));
    guard.allow.iter().any(|a| match a {
        Allow::Phrase(p) => normalized.contains(&format!(" {p} ")),
        Allow::Regex(r) => r.is_match(text),
    })
}

fn dlp_blocked(
    detectors: &BTreeSet<&str>,
    segment: &Segment<'_>,
    direction: Direction,
) -> ApiError {
    let list: Vec<&str> = detectors.iter().copied().collect();
    let (what, metadata) = match direction {
        Direction::Request => (
            "the request contains data this gateway may not send to a provider",
            json!({"guardrail": "dlp", "detectors": list, "location": segment.location}),
        ),
        Direction::Response => (
            "the provider's answer contains data this gateway may not return",
            json!({"guardrail": "dlp", "detectors": list, "location": segment.location, "direction": "response"}),
        ),
    };
    let message = format!("{what} ({}) in {}", list.join(", "), segment.location);
    ApiError::new(403, ErrorType::PermissionError, "guardrail_dlp", message).with_metadata(metadata)
}

fn injection_blocked(class: &str, segment: &Segment<'_>) -> ApiError {
    ApiError::new(
        403,
        ErrorType::PermissionError,
        "guardrail_prompt_injection",
        format!(
            "the request looks like a prompt-injection attempt ({class}) in {}",
            segment.location
        ),
    )
    .with_metadata(
        json!({"guardrail": "prompt_injection", "class": class, "location": segment.location}),
    )
}

#[cfg(test)]
mod tests;

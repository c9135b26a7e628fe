//! The one token estimator. Routing uses the lower bound (never exclude an endpoint whose
//! window could still fit); budgets use the upper bound (never under-reserve).
//!
//! Upper bound: byte-level BPE tokenizers (GPT, Llama 3, and SentencePiece with byte fallback)
//! emit at most one token per UTF-8 byte, and the JSON body is never shorter than the text it
//! encodes, so `body bytes` bounds the text; chat templates add a few tokens per message.
//! Lower bound: natural text and code average 3–4.5 bytes per token; 8 bytes per token is a
//! conservative floor that only long runs of repeated characters beat.

/// Bytes per token assumed for the lower bound.
pub const LOWER_BOUND_BYTES_PER_TOKEN: u64 = 8;
/// Template tokens per message/segment (role markers, separators), upper bound.
pub const TEMPLATE_TOKENS_PER_SEGMENT: u64 = 8;
/// Template tokens per request (priming the reply), upper bound.
pub const TEMPLATE_TOKENS_PER_REQUEST: u64 = 16;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TokenEstimate {
    pub lower: u64,
    pub upper: u64,
}

/// What a body measured: bytes of prompt text and the number of messages or input segments.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TextMeasure {
    pub text_bytes: u64,
    pub segments: u64,
}

/// ```
/// use llm_policy_router::request::tokens::{estimate, TextMeasure};
/// let e = estimate(TextMeasure { text_bytes: 800, segments: 2 }, 1_000);
/// assert_eq!(e.lower, 100);
/// assert_eq!(e.upper, 1_000 + 2 * 8 + 16);
/// ```
pub fn estimate(measure: TextMeasure, body_bytes: u64) -> TokenEstimate {
    let lower = measure.text_bytes / LOWER_BOUND_BYTES_PER_TOKEN;
    let upper = body_bytes
        .saturating_add(measure.segments.saturating_mul(TEMPLATE_TOKENS_PER_SEGMENT))
        .saturating_add(TEMPLATE_TOKENS_PER_REQUEST);
    TokenEstimate {
        lower,
        upper: upper.max(lower),
    }
}

//! Token usage as providers report it, normalised: OpenAI chat/completions (`prompt_tokens`,
//! `completion_tokens`, `*_details`), the Responses API (`input_tokens`, `output_tokens`, also nested
//! under `response` in stream events) and Anthropic (`input_tokens` excluding cache reads, nested
//! under `message` in `message_start`). Works on a whole JSON body or on one SSE event's data.

use memchr::memmem::Finder;
use serde::Deserialize;
use std::sync::LazyLock;

/// Tokens of one request. `prompt_tokens` includes `cached_prompt_tokens`, and `completion_tokens`
/// includes `reasoning_tokens`, as OpenAI counts them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Usage {
    pub prompt_tokens: u64,
    pub completion_tokens: u64,
    pub cached_prompt_tokens: u64,
    pub reasoning_tokens: u64,
}

impl Usage {
    /// Merges a later report of the same stream. Reports are cumulative (OpenAI's final chunk,
    /// Anthropic's `message_delta`), so each field keeps its largest value.
    pub fn merge(&mut self, later: Usage) {
        self.prompt_tokens = self.prompt_tokens.max(later.prompt_tokens);
        self.completion_tokens = self.completion_tokens.max(later.completion_tokens);
        self.cached_prompt_tokens = self.cached_prompt_tokens.max(later.cached_prompt_tokens);
        self.reasoning_tokens = self.reasoning_tokens.max(later.reasoning_tokens);
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Envelope {
    usage: Option<RawUsage>,
    /// Anthropic `message_start`.
    message: Option<Nested>,
    /// Responses API stream events (`response.completed`).
    response: Option<Nested>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Nested {
    usage: Option<RawUsage>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct RawUsage {
    prompt_tokens: Option<u64>,
    completion_tokens: Option<u64>,
    input_tokens: Option<u64>,
    output_tokens: Option<u64>,
    prompt_tokens_details: Option<CachedDetails>,
    input_tokens_details: Option<CachedDetails>,
    completion_tokens_details: Option<ReasoningDetails>,
    output_tokens_details: Option<ReasoningDetails>,
    cache_read_input_tokens: Option<u64>,
    cache_creation_input_tokens: Option<u64>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct CachedDetails {
    cached_tokens: Option<u64>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ReasoningDetails {
    reasoning_tokens: Option<u64>,
}

/// The usage in one JSON document, if it reports any.
///
/// ```
/// use llm_policy_router::spend::usage::usage_in;
/// let u = usage_in(br#"{"choices":[],"usage":{"prompt_tokens":10,"completion_tokens":5}}"#).unwrap();
/// assert_eq!((u.prompt_tokens, u.completion_tokens), (10, 5));
/// assert_eq!(usage_in(br#"{"choices":[],"usage":null}"#), None);
/// ```
pub fn usage_in(json: &[u8]) -> Option<Usage> {
    // Most stream events carry no usage: skip them without parsing. One searcher for every call:
    // building one is ~300 instructions, and this runs once per stream event.
    static USAGE_KEY: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b"\"usage\""));
    USAGE_KEY.find(json)?;
    let envelope: Envelope = serde_json::from_slice(json).ok()?;
    let raw = envelope
        .usage
        .or(envelope.message.and_then(|m| m.usage))
        .or(envelope.response.and_then(|r| r.usage))?;
    Some(normalise(raw))
}

fn normalise(raw: RawUsage) -> Usage {
    let cached_details = raw
        .prompt_tokens_details
        .or(raw.input_tokens_details)
        .and_then(|d| d.cached_tokens);
    let reasoning = raw
        .completion_tokens_details
        .or(raw.output_tokens_details)
        .and_then(|d| d.reasoning_tokens);
    let anthropic =
        raw.cache_read_input_tokens.is_some() || raw.cache_creation_input_tokens.is_some();
    let (prompt, cached) = if anthropic {
        // Anthropic's input_tokens leaves out cache reads and writes; the total includes them.
        let read = raw.cache_read_input_tokens.unwrap_or(0);
        let written = raw.cache_creation_input_tokens.unwrap_or(0);
        (
            raw.input_tokens
                .unwrap_or(0)
                .saturating_add(read)
                .saturating_add(written),
            read,
        )
    } else {
        (
            raw.prompt_tokens.or(raw.input_tokens).unwrap_or(0),
            cached_details.unwrap_or(0),
        )
    };
    Usage {
        prompt_tokens: prompt,
        completion_tokens: raw.completion_tokens.or(raw.output_tokens).unwrap_or(0),
        cached_prompt_tokens: cached.min(prompt),
        reasoning_tokens: reasoning.unwrap_or(0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sse::SseReader;

    fn u(prompt: u64, completion: u64, cached: u64, reasoning: u64) -> Usage {
        Usage {
            prompt_tokens: prompt,
            completion_tokens: completion,
            cached_prompt_tokens: cached,
            reasoning_tokens: reasoning,
        }
    }

    #[test]
    fn provider_shapes() {
        let openai = br#"{"usage":{"prompt_tokens":100,"completion_tokens":20,"prompt_tokens_details":{"cached_tokens":60},"completion_tokens_details":{"reasoning_tokens":8}}}"#;
        assert_eq!(usage_in(openai), Some(u(100, 20, 60, 8)));
        let responses = br#"{"object":"response","usage":{"input_tokens":50,"output_tokens":7,"input_tokens_details":{"cached_tokens":10},"output_tokens_details":{"reasoning_tokens":3}}}"#;
        assert_eq!(usage_in(responses), Some(u(50, 7, 10, 3)));
        let anthropic = br#"{"type":"message","usage":{"input_tokens":30,"output_tokens":9,"cache_read_input_tokens":100,"cache_creation_input_tokens":5}}"#;
        assert_eq!(usage_in(anthropic), Some(u(135, 9, 100, 0)));
        let embeddings = br#"{"object":"list","usage":{"prompt_tokens":3,"total_tokens":3}}"#;
        assert_eq!(usage_in(embeddings), Some(u(3, 0, 0, 0)));
    }

    #[test]
    fn absent_null_or_malformed_usage_is_none() {
        assert_eq!(
            usage_in(br#"{"choices":[{"delta":{"content":"hi"}}]}"#),
            None
        );
        assert_eq!(usage_in(br#"{"usage":null}"#), None);
        assert_eq!(usage_in(br#"{"usage":{"prompt_tokens":-1}}"#), None);
        assert_eq!(usage_in(b"[DONE]"), None);
        assert_eq!(usage_in(b"usage"), None);
    }

    #[test]
    fn openai_stream_usage_from_the_final_chunk_across_chunk_boundaries() {
        let stream = concat!(
            "data: {\"choices\":[{\"delta\":{\"content\":\"a\"}}],\"usage\":null}\n\n",
            "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":4}}\n\n",
            "data: [DONE]\n\n"
        )
        .as_bytes();
        for cut in 0..stream.len() {
            let mut total = Usage::default();
            let mut reader = SseReader::new(1 << 20);
            for part in [&stream[..cut], &stream[cut..]] {
                reader.feed(part, |e| {
                    if let Some(found) = usage_in(e.data.as_bytes()) {
                        total.merge(found);
                    }
                });
            }
            assert_eq!(total, u(12, 4, 0, 0), "cut at {cut}");
        }
    }

    #[test]
    fn anthropic_stream_merges_start_and_delta() {
        let stream = b"event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"usage\":{\"input_tokens\":25,\"output_tokens\":1,\"cache_read_input_tokens\":0}}}\n\nevent: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"delta\":{\"text\":\"hi\"}}\n\nevent: message_delta\ndata: {\"type\":\"message_delta\",\"usage\":{\"output_tokens\":15}}\n\n";
        let mut total = Usage::default();
        SseReader::new(1 << 20).feed(stream, |e| {
            if let Some(found) = usage_in(e.data.as_bytes()) {
                total.merge(found);
            }
        });
        assert_eq!(total, u(25, 15, 0, 0));
    }

    #[test]
    fn responses_api_stream_completed_event() {
        let data = br#"{"type":"response.completed","response":{"id":"r","usage":{"input_tokens":9,"output_tokens":2}}}"#;
        assert_eq!(usage_in(data), Some(u(9, 2, 0, 0)));
    }
}

//! Reads usage from a response as it passes: an SSE stream event by event (nothing buffered, no
//! delay to the first byte), or a JSON body copied aside as it streams through and parsed at the
//! end. When the gateway itself asked the provider for stream usage and the client did not, the
//! usage-only chunk is cut out of what the client receives; only then does the meter hold back
//! bytes, and only the tail of an event split across chunks.

use super::usage::{usage_in, Usage};
use crate::sse::SseReader;
use serde::de::IgnoredAny;
use serde::Deserialize;
use std::ops::Range;

/// Largest JSON response copied for its usage (Envoy's route buffer limit is 8 MiB too).
const MAX_JSON_COPY: usize = 8 * 1024 * 1024;
/// Largest SSE event read; bigger events pass through unread.
const MAX_EVENT_BYTES: usize = 1024 * 1024;
/// Bytes per completion token assumed when a JSON response ends without usage.
const ESTIMATE_BYTES_PER_TOKEN: u64 = 4;

#[derive(Debug)]
enum Kind {
    Json {
        copy: Vec<u8>,
        overflowed: bool,
    },
    Sse {
        reader: SseReader,
        /// Bytes not yet released to the client (only when hiding the usage chunk).
        held: Option<Held>,
    },
}

#[derive(Debug, Default)]
struct Held {
    bytes: Vec<u8>,
    /// Stream offset of `bytes[0]`.
    start: u64,
}

#[derive(Debug)]
pub struct Meter {
    kind: Kind,
    usage: Option<Usage>,
    response_bytes: u64,
    content_events: u64,
}

#[derive(Deserialize)]
struct ChoicesProbe {
    choices: Option<Vec<IgnoredAny>>,
}

/// The chunk OpenAI sends last when `include_usage` is on: no choices, only usage.
fn is_usage_only(data: &str) -> bool {
    serde_json::from_str::<ChoicesProbe>(data)
        .ok()
        .and_then(|p| p.choices)
        .is_some_and(|c| c.is_empty())
        && usage_in(data.as_bytes()).is_some()
}

impl Meter {
    /// `event_stream`: the response is `text/event-stream`. `rewrite_events`: the client gets
    /// only whole events, so they can be dropped (the injected usage-only chunk) or rewritten
    /// (response guardrails) — see `feed_with`.
    pub fn new(event_stream: bool, rewrite_events: bool) -> Self {
        let kind = if event_stream {
            Kind::Sse {
                reader: SseReader::new(MAX_EVENT_BYTES),
                held: rewrite_events.then(Held::default),
            }
        } else {
            Kind::Json {
                copy: Vec::new(),
                overflowed: false,
            }
        };
        Meter {
            kind,
            usage: None,
            response_bytes: 0,
            content_events: 0,
        }
    }

    /// Reads one chunk; returns what the client should get instead, when that differs.
    pub fn feed(&mut self, chunk: &[u8]) -> Option<Vec<u8>> {
        self.feed_with(chunk, &mut |_: &str| None)
    }

    /// `feed`, letting `rewrite` replace each event: given the event's data it returns the SSE
    /// text to send instead (one or more whole events), or `None` to keep the event. The injected
    /// usage-only chunk is dropped either way.
    pub fn feed_with(
        &mut self,
        chunk: &[u8],
        rewrite: &mut dyn FnMut(&str) -> Option<String>,
    ) -> Option<Vec<u8>> {
        self.response_bytes += chunk.len() as u64;
        let Meter {
            kind,
            usage,
            content_events,
            ..
        } = self;
        match kind {
            Kind::Json { copy, overflowed } => {
                if copy.len() + chunk.len() > MAX_JSON_COPY {
                    *overflowed = true;
                    copy.clear();
                } else if !*overflowed {
                    copy.extend_from_slice(chunk);
                }
                None
            }
            Kind::Sse { reader, held } => {
                // Stream ranges to replace (empty = drop).
                let mut edits: Vec<(Range<u64>, Vec<u8>)> = Vec::new();
                let hiding = held.is_some();
                reader.feed(chunk, |event| {
                    if event.data == "[DONE]" {
                        return;
                    }
                    let usage_only = match usage_in(event.data.as_bytes()) {
                        Some(found) => {
                            usage.get_or_insert_with(Usage::default).merge(found);
                            is_usage_only(&event.data)
                        }
                        None => false,
                    };
                    if usage_only {
                        if hiding {
                            edits.push((event.start..event.end, Vec::new()));
                        }
                        return;
                    }
                    *content_events += 1;
                    if hiding {
                        if let Some(replacement) = rewrite(&event.data) {
                            edits.push((event.start..event.end, replacement.into_bytes()));
                        }
                    }
                });
                let held = held.as_mut()?;
                // The common case: nothing to change, nothing held from before, and the chunk
                // ends where an event does: it goes out as it came, without a copy.
                if edits.is_empty()
                    && held.bytes.is_empty()
                    && reader.boundary() == held.start + chunk.len() as u64
                {
                    held.start += chunk.len() as u64;
                    return None;
                }
                held.bytes.extend_from_slice(chunk);
                let ready = usize::try_from(reader.boundary().saturating_sub(held.start))
                    .unwrap_or(0)
                    .min(held.bytes.len());
                let released: Vec<u8> = held.bytes.drain(..ready).collect();
                let out = splice(&released, held.start, &edits);
                held.start += ready as u64;
                (out != chunk).then_some(out)
            }
        }
    }

    /// At the end of the response: parses a JSON body's usage, and returns bytes still held back
    /// (an unterminated last event) that the client must still get.
    pub fn finish(&mut self) -> Option<Vec<u8>> {
        match &mut self.kind {
            Kind::Json { copy, overflowed } => {
                if !*overflowed {
                    self.usage = usage_in(copy);
                }
                *copy = Vec::new();
                None
            }
            Kind::Sse { held, .. } => held
                .as_mut()
                .map(|h| std::mem::take(&mut h.bytes))
                .filter(|rest| !rest.is_empty()),
        }
    }

    /// The usage the provider reported, if it did.
    pub fn usage(&self) -> Option<Usage> {
        self.usage
    }

    /// Completion tokens guessed from what passed, for responses that ended without usage: one
    /// per content event of a stream, or a token per 4 bytes of a JSON body.
    pub fn estimated_completion_tokens(&self) -> u64 {
        match self.kind {
            Kind::Json { .. } => self.response_bytes / ESTIMATE_BYTES_PER_TOKEN,
            Kind::Sse { .. } => self.content_events,
        }
    }
}

/// `bytes` (which start at stream offset `start`) with the `edits` stream ranges replaced.
fn splice(bytes: &[u8], start: u64, edits: &[(Range<u64>, Vec<u8>)]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0usize;
    for (range, replacement) in edits {
        let from = usize::try_from(range.start.saturating_sub(start)).unwrap_or(usize::MAX);
        let to = usize::try_from(range.end.saturating_sub(start)).unwrap_or(usize::MAX);
        if let Some(kept) = bytes.get(at..from.min(bytes.len())) {
            out.extend_from_slice(kept);
        }
        out.extend_from_slice(replacement);
        at = at.max(to.min(bytes.len()));
    }
    out.extend_from_slice(bytes.get(at..).unwrap_or_default());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const STREAM: &str = concat!(
        "data: {\"choices\":[{\"delta\":{\"content\":\"Hel\"}}],\"usage\":null}\n\n",
        "data: {\"choices\":[{\"delta\":{\"content\":\"lo\"}}],\"usage\":null}\n\n",
        "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":2}}\n\n",
        "data: [DONE]\n\n"
    );

    fn run(meter: &mut Meter, chunks: &[&[u8]]) -> Vec<u8> {
        let mut client = Vec::new();
        for c in chunks {
            match meter.feed(c) {
                Some(replacement) => client.extend(replacement),
                None => client.extend_from_slice(c),
            }
        }
        client.extend(meter.finish().unwrap_or_default());
        client
    }

    #[test]
    fn stream_usage_is_read_and_the_stream_untouched_when_not_hiding() {
        let mut m = Meter::new(true, false);
        let out = run(&mut m, &[STREAM.as_bytes()]);
        assert_eq!(out, STREAM.as_bytes());
        assert_eq!(m.usage().unwrap().prompt_tokens, 12);
        assert_eq!(m.estimated_completion_tokens(), 2);
    }

    #[test]
    fn the_injected_usage_chunk_is_removed_at_every_split() {
        let expected = STREAM.replace(
            "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":2}}\n\n",
            "",
        );
        let bytes = STREAM.as_bytes();
        for cut in 0..bytes.len() {
            for cut2 in [cut, (cut + 7).min(bytes.len())] {
                let mut m = Meter::new(true, true);
                let out = run(&mut m, &[&bytes[..cut], &bytes[cut..cut2], &bytes[cut2..]]);
                assert_eq!(
                    String::from_utf8(out).unwrap(),
                    expected,
                    "cuts {cut} {cut2}"
                );
                assert_eq!(m.usage().unwrap().completion_tokens, 2);
            }
        }
    }

    #[test]
    fn whole_events_in_a_chunk_need_no_rewrite() {
        let mut m = Meter::new(true, true);
        let first = "data: {\"choices\":[{\"delta\":{}}]}\n\n";
        assert_eq!(m.feed(first.as_bytes()), None);
    }

    #[test]
    fn an_unterminated_tail_is_released_at_the_end() {
        let mut m = Meter::new(true, true);
        let out = run(&mut m, &[b"data: {\"choices\":[{}]}\n\ndata: partial"]);
        assert_eq!(out, b"data: {\"choices\":[{}]}\n\ndata: partial");
    }

    #[test]
    fn json_usage_across_chunks_and_a_cut_body_estimates() {
        let body = br#"{"id":"x","choices":[{"message":{"content":"hi"}}],"usage":{"prompt_tokens":7,"completion_tokens":3}}"#;
        let mut m = Meter::new(false, true);
        run(&mut m, &[&body[..20], &body[20..]]);
        assert_eq!(m.usage().unwrap().completion_tokens, 3);
        let mut cut = Meter::new(false, true);
        run(&mut cut, &[&body[..40]]);
        assert_eq!(cut.usage(), None);
        assert_eq!(cut.estimated_completion_tokens(), 10);
    }
}

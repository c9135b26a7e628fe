//! DLP over a streamed answer (`dlp.responses` with `stream: true`). The text of each choice is
//! joined across chunks (`delta.content` of chat, `text` of legacy completions, `delta` of
//! Responses-API `response.output_text.delta` events, see `responses`); everything but the last
//! `WINDOW` characters is released at once, redacted, and the rest is held until more arrives or
//! the choice finishes, so a secret split over chunks is still found whole. A match that reaches
//! into the window holds back from its start. Added latency: the window (at most `WINDOW`
//! characters of text, a few dozen tokens), never the whole answer. In a stream `block` acts as
//! `redact` (the answer has started).

use super::inspect::{redact, redactable};
use super::policy::GuardPolicy;
use serde_json::Value;
use std::collections::{BTreeSet, HashMap};

/// Characters held back per choice: longer than any single-line detector match.
pub const WINDOW: usize = 256;

mod responses;

#[derive(Debug, Default)]
pub struct StreamRedactor {
    /// Choice index (chat, completions) or (output, content) index pair (Responses API) → text
    /// received but not yet released.
    pending: HashMap<(u64, u64), String>,
    /// Detectors that redacted something.
    pub redacted: BTreeSet<String>,
}

/// One SSE event as it goes to the client; `event` repeats the name line when there was one.
fn sse(event: Option<&str>, data: &Value) -> String {
    match event {
        Some(name) => format!("event: {name}\ndata: {data}\n\n"),
        None => format!("data: {data}\n\n"),
    }
}

impl StreamRedactor {
    /// What replaces one event (given its data), as SSE text — one event, or for the Responses
    /// API sometimes two — or `None` to pass it unchanged. Chat chunks carry their text in
    /// `choices[].delta.content`, legacy completion chunks in `choices[].text`, Responses-API
    /// events in `delta` or, repeated whole, in their `done`/`completed` events.
    pub fn rewrite(&mut self, guard: &GuardPolicy, data: &str) -> Option<String> {
        let mut chunk: Value = serde_json::from_str(data).ok()?;
        if chunk.get("choices").is_none() {
            return self.rewrite_responses(guard, chunk);
        }
        let choices = chunk.get_mut("choices")?.as_array_mut()?;
        let mut changed = false;
        for choice in choices {
            let index = choice.get("index").and_then(Value::as_u64).unwrap_or(0);
            let finished = choice.get("finish_reason").is_some_and(|f| !f.is_null());
            let slot = if choice.get("delta").is_some() {
                choice
                    .get_mut("delta")
                    .and_then(Value::as_object_mut)
                    .map(|delta| (delta, "content"))
            } else {
                choice.as_object_mut().map(|choice| (choice, "text"))
            };
            let Some((holder, field)) = slot else {
                continue;
            };
            let incoming = holder.get(field).and_then(Value::as_str);
            if incoming.is_none() && !finished {
                continue;
            }
            let pending = self.pending.entry((index, 0)).or_default();
            pending.push_str(incoming.unwrap_or_default());
            let (release, redacted) = release(guard, pending, finished);
            self.redacted.extend(redacted);
            if finished {
                self.pending.remove(&(index, 0));
            }
            if incoming != Some(release.as_str()) {
                holder.insert(field.to_string(), Value::String(release));
                changed = true;
            }
        }
        changed.then(|| sse(None, &chunk))
    }
}

/// Takes from `pending` the text that can go out now (all of it when `finished`), redacted.
fn release(guard: &GuardPolicy, pending: &mut String, finished: bool) -> (String, Vec<String>) {
    let found = redactable(guard, pending);
    let mut cut = if finished {
        pending.len()
    } else {
        pending.len().saturating_sub(WINDOW)
    };
    // Never split a match: hold back from the start of any match that reaches past the cut.
    for f in &found {
        if f.range.start < cut && f.range.end > cut {
            cut = f.range.start;
        }
    }
    while !pending.is_char_boundary(cut) {
        cut -= 1;
    }
    let inside: Vec<&_> = found.iter().filter(|f| f.range.end <= cut).collect();
    let names = inside.iter().map(|f| f.name.clone()).collect();
    let out = redact(pending.get(..cut).unwrap_or_default(), &inside);
    pending.replace_range(..cut, "");
    (out, names)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::example_with;
    use serde_json::json;

    /// E-mail addresses redacted, cards blocked (in a stream: redacted too).
    pub(super) fn guard() -> GuardPolicy {
        let p = example_with(|v| {
            v["org"]["guardrails"] = json!({"dlp": {"detectors": {"email": "redact", "credit_card": "block"}, "responses": true}});
        });
        p.guards["engineering"].clone()
    }

    fn chunk(content: &str, finish: bool) -> String {
        json!({"id": "c", "object": "chat.completion.chunk", "choices": [{"index": 0,
            "delta": {"content": content}, "finish_reason": if finish { json!("stop") } else { json!(null) }}]})
        .to_string()
    }

    /// The data of the single event in `sse`.
    pub(super) fn data_of(sse: &str) -> String {
        let data: Vec<&str> = sse
            .lines()
            .filter_map(|l| l.strip_prefix("data: "))
            .collect();
        assert_eq!(data.len(), 1, "{sse}");
        data[0].to_string()
    }

    fn run(parts: &[&str]) -> String {
        let g = guard();
        let mut r = StreamRedactor::default();
        let mut out = String::new();
        for (i, p) in parts.iter().enumerate() {
            let data = chunk(p, i + 1 == parts.len());
            let data = r.rewrite(&g, &data).map_or(data, |sse| data_of(&sse));
            let v: Value = serde_json::from_str(&data).unwrap();
            out.push_str(v["choices"][0]["delta"]["content"].as_str().unwrap_or(""));
        }
        out
    }

    #[test]
    fn a_match_split_over_chunks_is_redacted_whole() {
        let text = "Write to jane.doe@example.com today, or pay with 4111 1111 1111 1111 please.";
        let expected = "Write to [EMAIL] today, or pay with [CREDIT_CARD] please.";
        for cut in 1..text.len() {
            if !text.is_char_boundary(cut) {
                continue;
            }
            assert_eq!(
                run(&[&text[..cut], &text[cut..], ""]),
                expected,
                "cut {cut}"
            );
        }
    }

    #[test]
    fn text_beyond_the_window_flows_without_waiting_for_the_end() {
        let g = guard();
        let mut r = StreamRedactor::default();
        let long = "word ".repeat(100); // 500 characters
        let data = data_of(&r.rewrite(&g, &chunk(&long, false)).unwrap());
        let v: Value = serde_json::from_str(&data).unwrap();
        assert_eq!(
            v["choices"][0]["delta"]["content"].as_str().unwrap().len(),
            500 - WINDOW
        );
    }
}

#[cfg(test)]
mod completions_tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn legacy_completion_chunks_are_redacted_in_their_text() {
        let guard = &tests::guard();
        let text = "Mail jane.doe@example.com now.";
        for cut in 1..text.len() {
            let mut redactor = StreamRedactor::default();
            let mut out = String::new();
            for (part, last) in [(&text[..cut], false), (&text[cut..], true)] {
                let data =
                    json!({"object": "text_completion", "choices": [{"index": 0, "text": part,
                    "finish_reason": if last { json!("stop") } else { json!(null) }}]})
                    .to_string();
                let data = redactor
                    .rewrite(guard, &data)
                    .map_or(data, |sse| tests::data_of(&sse));
                let v: Value = serde_json::from_str(&data).unwrap();
                assert!(v["choices"][0].get("delta").is_none());
                out.push_str(v["choices"][0]["text"].as_str().unwrap_or(""));
            }
            assert_eq!(out, "Mail [EMAIL] now.", "cut {cut}");
        }
    }
}

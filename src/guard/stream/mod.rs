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
use serde_json::{Map, Value};
use std::collections::{BTreeSet, HashMap};

/// Characters held back per choice: longer than any single-line detector match.
pub const WINDOW: usize = 256;

/// `pending` keys of a choice: 0 is its text, `TOOL_KEYS + i` the arguments of tool call `i`,
/// `REFUSAL_KEY` its refusal.
const TOOL_KEYS: u64 = 1;
const REFUSAL_KEY: u64 = u64::MAX;

mod responses;

#[derive(Debug, Default)]
pub struct StreamRedactor {
    /// (choice index, part — see `TOOL_KEYS`) for chat and completions, (output, content) index
    /// pair for the Responses API → text received but not yet released.
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
            if choice.get("delta").is_some() {
                let Some(delta) = choice.get_mut("delta").and_then(Value::as_object_mut) else {
                    continue;
                };
                changed |= self.choice_text(guard, (index, 0), delta, "content", finished);
                changed |=
                    self.choice_text(guard, (index, REFUSAL_KEY), delta, "refusal", finished);
                changed |= self.tool_arguments(guard, index, delta, finished);
            } else if let Some(choice) = choice.as_object_mut() {
                changed |= self.choice_text(guard, (index, 0), choice, "text", finished);
            }
        }
        changed.then(|| sse(None, &chunk))
    }

    /// A choice's text (or refusal) in `holder[field]`, joined and windowed under `key`; true if
    /// the chunk changed. A field the stream never carried is not added at the end.
    fn choice_text(
        &mut self,
        guard: &GuardPolicy,
        key: (u64, u64),
        holder: &mut Map<String, Value>,
        field: &str,
        finished: bool,
    ) -> bool {
        let incoming = holder.get(field).and_then(Value::as_str);
        if incoming.is_none() && (!finished || !self.pending.contains_key(&key)) {
            return false;
        }
        let out = self.feed(guard, key, incoming.unwrap_or_default(), finished);
        if incoming == Some(out.as_str()) {
            return false;
        }
        holder.insert(field.to_string(), Value::String(out));
        true
    }

    /// `delta.tool_calls[].function.arguments`, joined and windowed per tool call like text. When
    /// the choice finishes, arguments still held go out in its last chunk (as a `tool_calls`
    /// delta with just the index and the rest of the arguments, which clients append).
    fn tool_arguments(
        &mut self,
        guard: &GuardPolicy,
        index: u64,
        delta: &mut Map<String, Value>,
        finished: bool,
    ) -> bool {
        let mut changed = false;
        if let Some(calls) = delta.get_mut("tool_calls").and_then(Value::as_array_mut) {
            for call in calls {
                let key = (
                    index,
                    TOOL_KEYS + call.get("index").and_then(Value::as_u64).unwrap_or(0),
                );
                let Some(args) = call
                    .get_mut("function")
                    .and_then(|f| f.get_mut("arguments"))
                else {
                    continue;
                };
                let Some(incoming) = args.as_str() else {
                    continue;
                };
                let out = self.feed(guard, key, incoming, finished);
                if out != incoming {
                    *args = Value::String(out);
                    changed = true;
                }
            }
        }
        if !finished {
            return changed;
        }
        let mut held: Vec<(u64, u64)> = self
            .pending
            .keys()
            .filter(|(choice, key)| *choice == index && *key >= TOOL_KEYS && *key != REFUSAL_KEY)
            .copied()
            .collect();
        held.sort_unstable();
        for key in held {
            let out = self.feed(guard, key, "", true);
            if out.is_empty() {
                continue;
            }
            let call =
                serde_json::json!({"index": key.1 - TOOL_KEYS, "function": {"arguments": out}});
            match delta.get_mut("tool_calls").and_then(Value::as_array_mut) {
                Some(calls) => calls.push(call),
                None => {
                    delta.insert("tool_calls".to_string(), Value::Array(vec![call]));
                }
            }
            changed = true;
        }
        changed
    }

    /// Adds `incoming` to the text held under `key` and takes what can go out now (everything
    /// when `finished`, which also forgets the key), redacted; records the detectors that fired.
    fn feed(
        &mut self,
        guard: &GuardPolicy,
        key: (u64, u64),
        incoming: &str,
        finished: bool,
    ) -> String {
        let pending = self.pending.entry(key).or_default();
        pending.push_str(incoming);
        let (out, redacted) = release(guard, pending, finished);
        self.redacted.extend(redacted);
        if finished {
            self.pending.remove(&key);
        }
        out
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
mod tool_call_tests {
    use super::*;
    use serde_json::json;

    fn fragment(arguments: &str) -> String {
        json!({"object": "chat.completion.chunk", "choices": [{"index": 0, "finish_reason": null,
            "delta": {"tool_calls": [{"index": 0, "function": {"arguments": arguments}}]}}]})
        .to_string()
    }

    #[test]
    fn tool_call_arguments_are_redacted_across_chunks() {
        let guard = tests::guard();
        let args = r#"{"to":"jane.doe@example.com","body":"hi"}"#;
        for cut in 1..args.len() {
            let mut r = StreamRedactor::default();
            let last = json!({"object": "chat.completion.chunk",
                "choices": [{"index": 0, "finish_reason": "tool_calls", "delta": {}}]})
            .to_string();
            let mut joined = String::new();
            for data in [fragment(&args[..cut]), fragment(&args[cut..]), last] {
                let data = r
                    .rewrite(&guard, &data)
                    .map_or(data, |sse| tests::data_of(&sse));
                let v: Value = serde_json::from_str(&data).unwrap();
                for call in v["choices"][0]["delta"]["tool_calls"]
                    .as_array()
                    .into_iter()
                    .flatten()
                {
                    assert_eq!(call["index"], 0);
                    joined.push_str(call["function"]["arguments"].as_str().unwrap_or(""));
                }
            }
            assert_eq!(joined, r#"{"to":"[EMAIL]","body":"hi"}"#, "cut {cut}");
            assert!(r.pending.is_empty());
        }
    }
}

#[cfg(test)]
mod refusal_tests {
    use super::*;
    use serde_json::json;

    fn chunk(delta: Value, finish: bool) -> String {
        json!({"object": "chat.completion.chunk", "choices": [{"index": 0, "delta": delta,
            "finish_reason": if finish { json!("stop") } else { json!(null) }}]})
        .to_string()
    }

    #[test]
    fn a_refusal_is_redacted_like_text_and_never_added_where_there_was_none() {
        let guard = tests::guard();
        let text = "I can't email jane.doe@example.com for you.";
        for cut in 1..text.len() {
            let mut r = StreamRedactor::default();
            let mut out = String::new();
            let parts = [
                chunk(json!({"refusal": &text[..cut]}), false),
                chunk(json!({"refusal": &text[cut..]}), false),
                chunk(json!({}), true),
            ];
            for data in parts {
                let data = r
                    .rewrite(&guard, &data)
                    .map_or(data, |sse| tests::data_of(&sse));
                let v: Value = serde_json::from_str(&data).unwrap();
                assert!(v["choices"][0]["delta"].get("content").is_none(), "{v}");
                out.push_str(v["choices"][0]["delta"]["refusal"].as_str().unwrap_or(""));
            }
            assert_eq!(out, "I can't email [EMAIL] for you.", "cut {cut}");
        }
        // An ordinary answer's last chunk gets no refusal field.
        let mut r = StreamRedactor::default();
        let _ = r.rewrite(&guard, &chunk(json!({"content": "hello"}), false));
        let last = r.rewrite(&guard, &chunk(json!({}), true)).unwrap();
        let v: Value = serde_json::from_str(&tests::data_of(&last)).unwrap();
        assert!(v["choices"][0]["delta"].get("refusal").is_none());
        assert_eq!(v["choices"][0]["delta"]["content"], "hello");
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

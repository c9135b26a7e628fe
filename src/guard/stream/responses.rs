//! Responses-API streams. Text arrives as `response.output_text.delta` events (`delta`, keyed by
//! `output_index` and `content_index`) and is joined and windowed like chat text. The same text is
//! then repeated whole by `response.output_text.done` (`text`), `response.content_part.done`
//! (`part.text`), `response.output_item.done` (`item.content[].text`) and `response.completed` /
//! `incomplete` / `failed` (`response.output[].content[].text`): those are redacted whole. At
//! `response.output_text.done` whatever is still held goes out as one more delta event just before
//! it, so a client that joins deltas and one that reads the `done` text get the same redacted text.
//! Refusals (`response.refusal.delta` / `.done`, `refusal` content parts) and function-call
//! arguments (`response.function_call_arguments.delta` / `.done`, `arguments` of a `function_call`
//! item) are handled the same way.

use super::{sse, StreamRedactor};
use crate::guard::inspect::{redact, redactable};
use crate::guard::policy::GuardPolicy;
use serde_json::{json, Value};

impl StreamRedactor {
    pub(super) fn rewrite_responses(
        &mut self,
        guard: &GuardPolicy,
        mut event: Value,
    ) -> Option<String> {
        let kind = event.get("type")?.as_str()?.to_string();
        match kind.as_str() {
            "response.output_text.delta"
            | "response.refusal.delta"
            | "response.function_call_arguments.delta" => {
                let key = key_of(&event, &kind);
                let incoming = event.get("delta")?.as_str()?;
                let out = self.feed(guard, key, incoming, false);
                if out == incoming {
                    return None;
                }
                *event.get_mut("delta")? = Value::String(out);
                Some(sse(Some(&kind), &event))
            }
            "response.output_text.done"
            | "response.refusal.done"
            | "response.function_call_arguments.done" => {
                let key = key_of(&event, &kind);
                // What the window still holds for this text (nothing if it never had deltas).
                let held = self.feed(guard, key, "", true);
                let (whole, delta_kind) = match kind.as_str() {
                    "response.output_text.done" => ("text", "response.output_text.delta"),
                    "response.refusal.done" => ("refusal", "response.refusal.delta"),
                    _ => ("arguments", "response.function_call_arguments.delta"),
                };
                let changed = self.redact_field(guard, event.get_mut(whole));
                if held.is_empty() && !changed {
                    return None;
                }
                let mut out = String::new();
                if !held.is_empty() {
                    // What the window still held, as one more delta of the same kind.
                    let mut delta = json!({
                        "type": delta_kind,
                        "item_id": event.get("item_id").cloned().unwrap_or(Value::Null),
                        "output_index": key.0,
                        "delta": held,
                    });
                    if let (Some(fields), Some(content)) =
                        (delta.as_object_mut(), event.get("content_index"))
                    {
                        fields.insert("content_index".to_string(), content.clone());
                    }
                    out.push_str(&sse(Some(delta_kind), &delta));
                }
                out.push_str(&sse(Some(&kind), &event));
                Some(out)
            }
            "response.content_part.done" => {
                let part = event.get_mut("part");
                self.redact_content(guard, part)
                    .then(|| sse(Some(&kind), &event))
            }
            "response.output_item.done" => {
                let item = event.get_mut("item");
                self.redact_item(guard, item)
                    .then(|| sse(Some(&kind), &event))
            }
            "response.completed" | "response.incomplete" | "response.failed" => {
                let output = event
                    .get_mut("response")
                    .and_then(|r| r.get_mut("output"))
                    .and_then(Value::as_array_mut)?;
                let mut changed = false;
                for item in output {
                    changed |= self.redact_item(guard, Some(item));
                }
                changed.then(|| sse(Some(&kind), &event))
            }
            _ => None,
        }
    }

    /// An output item: a message's `content[]` parts, a function call's `arguments`.
    fn redact_item(&mut self, guard: &GuardPolicy, item: Option<&mut Value>) -> bool {
        let Some(item) = item else {
            return false;
        };
        if item.get("type").and_then(Value::as_str) == Some("function_call") {
            return self.redact_field(guard, item.get_mut("arguments"));
        }
        let Some(parts) = item.get_mut("content").and_then(Value::as_array_mut) else {
            return false;
        };
        let mut changed = false;
        for part in parts {
            changed |= self.redact_content(guard, Some(part));
        }
        changed
    }

    /// One content part: an `output_text`'s `text`, a `refusal`'s `refusal`.
    fn redact_content(&mut self, guard: &GuardPolicy, part: Option<&mut Value>) -> bool {
        let Some(part) = part else {
            return false;
        };
        match part.get("type").and_then(Value::as_str) {
            Some("output_text") => self.redact_field(guard, part.get_mut("text")),
            Some("refusal") => self.redact_field(guard, part.get_mut("refusal")),
            _ => false,
        }
    }

    /// Redacts a whole string value in place; true if it changed.
    fn redact_field(&mut self, guard: &GuardPolicy, field: Option<&mut Value>) -> bool {
        let Some(Value::String(text)) = field else {
            return false;
        };
        let found = redactable(guard, text);
        if found.is_empty() {
            return false;
        }
        self.redacted.extend(found.iter().map(|f| f.name.clone()));
        let refs: Vec<&_> = found.iter().collect();
        *text = redact(text, &refs);
        true
    }
}

fn index(event: &Value, field: &str) -> u64 {
    event.get(field).and_then(Value::as_u64).unwrap_or(0)
}

/// `pending` key of an event's text: (output index, content index), or for function-call
/// arguments (output index, `ARGUMENTS`).
fn key_of(event: &Value, kind: &str) -> (u64, u64) {
    let content = if kind.starts_with("response.function_call_arguments") {
        ARGUMENTS
    } else {
        index(event, "content_index")
    };
    (index(event, "output_index"), content)
}

/// Stands for a function call's arguments where a content index would be (never a real one).
const ARGUMENTS: u64 = u64::MAX;

#[cfg(test)]
mod tests {
    use super::super::StreamRedactor;
    use serde_json::{json, Value};

    /// `(event name, data)` of every event in an SSE text.
    fn events(sse: &str) -> Vec<(String, Value)> {
        sse.split("\n\n")
            .filter(|e| !e.is_empty())
            .map(|e| {
                let name = e.lines().find_map(|l| l.strip_prefix("event: ")).unwrap();
                let data = e.lines().find_map(|l| l.strip_prefix("data: ")).unwrap();
                (name.to_string(), serde_json::from_str(data).unwrap())
            })
            .collect()
    }

    fn delta(text: &str) -> Value {
        json!({"type": "response.output_text.delta", "item_id": "msg_1", "output_index": 0,
            "content_index": 0, "delta": text})
    }

    #[test]
    fn deltas_are_joined_and_the_done_events_redacted_whole() {
        let guard = &super::super::tests::guard();
        let text = "Mail jane.doe@example.com now.";
        let redacted = "Mail [EMAIL] now.";
        for cut in 1..text.len() {
            let mut r = StreamRedactor::default();
            let mut joined = String::new();
            let mut stream: Vec<(String, Value)> = Vec::new();
            for data in [delta(&text[..cut]), delta(&text[cut..])] {
                match r.rewrite(guard, &data.to_string()) {
                    Some(sse) => stream.extend(events(&sse)),
                    None => stream.push(("response.output_text.delta".into(), data)),
                }
            }
            let done = json!({"type": "response.output_text.done", "item_id": "msg_1",
                "output_index": 0, "content_index": 0, "text": text});
            stream.extend(events(&r.rewrite(guard, &done.to_string()).unwrap()));
            for (name, data) in &stream {
                if name == "response.output_text.delta" {
                    joined.push_str(data["delta"].as_str().unwrap());
                }
            }
            assert_eq!(joined, redacted, "cut {cut}");
            let (last_name, last) = stream.last().unwrap();
            assert_eq!(last_name, "response.output_text.done");
            assert_eq!(last["text"], redacted);
        }
        let completed = json!({"type": "response.completed", "response": {"output": [
            {"type": "message", "content": [{"type": "output_text", "text": text, "annotations": []}]}],
            "usage": {"input_tokens": 3, "output_tokens": 4}}});
        let mut r = StreamRedactor::default();
        let (_, out) = events(&r.rewrite(guard, &completed.to_string()).unwrap()).remove(0);
        assert_eq!(out["response"]["output"][0]["content"][0]["text"], redacted);
        assert_eq!(out["response"]["usage"]["output_tokens"], 4);
        assert!(r.redacted.contains("email"));
        // Function-call arguments: the same window, the same whole-text redaction.
        let args = r#"{"to":"jane.doe@example.com"}"#;
        let expected = r#"{"to":"[EMAIL]"}"#;
        for cut in 1..args.len() {
            let mut r = StreamRedactor::default();
            let mut joined = String::new();
            for part in [&args[..cut], &args[cut..]] {
                let data = json!({"type": "response.function_call_arguments.delta", "item_id": "fc_1",
                    "output_index": 1, "delta": part});
                match r.rewrite(guard, &data.to_string()) {
                    Some(sse) => joined.extend(
                        events(&sse)
                            .iter()
                            .map(|(_, d)| d["delta"].as_str().unwrap().to_string()),
                    ),
                    None => joined.push_str(part),
                }
            }
            let done = json!({"type": "response.function_call_arguments.done", "item_id": "fc_1",
                "output_index": 1, "arguments": args});
            for (name, data) in events(&r.rewrite(guard, &done.to_string()).unwrap()) {
                match name.as_str() {
                    "response.function_call_arguments.delta" => {
                        joined.push_str(data["delta"].as_str().unwrap())
                    }
                    _ => assert_eq!(data["arguments"], expected),
                }
            }
            assert_eq!(joined, expected, "cut {cut}");
        }
        let item = json!({"type": "response.output_item.done", "output_index": 1,
            "item": {"type": "function_call", "name": "mail", "arguments": args}});
        let (_, out) = events(
            &StreamRedactor::default()
                .rewrite(guard, &item.to_string())
                .unwrap(),
        )
        .remove(0);
        assert_eq!(out["item"]["arguments"], expected);
        // A refusal: the same window; its done event and `refusal` content parts redacted whole.
        let refusal = "I won't write to jane.doe@example.com.";
        let mut r = StreamRedactor::default();
        let mut joined = String::new();
        let delta = json!({"type": "response.refusal.delta", "item_id": "msg_1", "output_index": 0,
            "content_index": 0, "delta": refusal});
        if let Some(sse) = r.rewrite(guard, &delta.to_string()) {
            joined.extend(
                events(&sse)
                    .iter()
                    .map(|(_, d)| d["delta"].as_str().unwrap().to_string()),
            );
        }
        let done = json!({"type": "response.refusal.done", "item_id": "msg_1", "output_index": 0,
            "content_index": 0, "refusal": refusal});
        for (name, data) in events(&r.rewrite(guard, &done.to_string()).unwrap()) {
            match name.as_str() {
                "response.refusal.delta" => joined.push_str(data["delta"].as_str().unwrap()),
                _ => assert_eq!(data["refusal"], "I won't write to [EMAIL]."),
            }
        }
        assert_eq!(joined, "I won't write to [EMAIL].");
        let part = json!({"type": "response.content_part.done", "item_id": "msg_1", "output_index": 0,
            "content_index": 0, "part": {"type": "refusal", "refusal": refusal}});
        let (_, out) = events(&r.rewrite(guard, &part.to_string()).unwrap()).remove(0);
        assert_eq!(out["part"]["refusal"], "I won't write to [EMAIL].");
        // Events without text pass untouched.
        let created = json!({"type": "response.created", "response": {"output": []}});
        assert_eq!(r.rewrite(guard, &created.to_string()), None);
    }
}

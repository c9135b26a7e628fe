//! Every string of a request the model reads, with where it sits: message contents (strings and
//! text parts), tool-call arguments, tool messages, tool definitions, `response_format`, and the
//! `prompt` / `input` / `instructions` of the other APIs. Images, audio, file data and ids are
//! skipped. Each string keeps its raw JSON value, so a redaction replaces exactly that value.

use crate::errors::ApiError;
use crate::request::body::TopLevel;
use crate::request::Api;
use serde::Deserialize;
use serde_json::value::RawValue;
use std::borrow::Cow;
use std::collections::BTreeMap;

/// Nesting followed inside tool definitions and schemas.
const MAX_DEPTH: usize = 32;

/// One scannable string.
#[derive(Debug)]
pub struct Segment<'a> {
    /// Where it is, e.g. `messages[2].content[0].text`; safe to show (no content).
    pub location: String,
    /// The message role it belongs to (`definition` for tools and schemas).
    pub role: Cow<'a, str>,
    /// The JSON string literal in the body.
    pub raw: &'a RawValue,
    pub text: Cow<'a, str>,
}

#[derive(Deserialize)]
struct Message<'a> {
    #[serde(borrow)]
    role: Option<Cow<'a, str>>,
    #[serde(rename = "type", borrow)]
    kind: Option<Cow<'a, str>>,
    #[serde(borrow)]
    content: Option<&'a RawValue>,
    #[serde(borrow)]
    tool_calls: Option<Vec<ToolCall<'a>>>,
    /// Responses API `function_call_output`.
    #[serde(borrow)]
    output: Option<&'a RawValue>,
    /// Responses API `function_call`.
    #[serde(borrow)]
    arguments: Option<&'a RawValue>,
}

#[derive(Deserialize)]
struct ToolCall<'a> {
    #[serde(borrow)]
    function: Option<Function<'a>>,
}

#[derive(Deserialize)]
struct Function<'a> {
    #[serde(borrow)]
    arguments: Option<&'a RawValue>,
}

#[derive(Deserialize)]
struct Part<'a> {
    #[serde(rename = "type", borrow)]
    kind: Option<Cow<'a, str>>,
    #[serde(borrow)]
    text: Option<&'a RawValue>,
}

fn invalid(field: &str) -> ApiError {
    ApiError::bad_request("invalid_request", format!("`{field}` is malformed")).with_param(field)
}

/// The segments of a request body.
pub fn segments<'a>(api: Api, top: &TopLevel<'a>) -> Result<Vec<Segment<'a>>, ApiError> {
    let mut out = Vec::new();
    match api {
        Api::ChatCompletions => {
            if let Some(raw) = top.get("messages") {
                let messages: Vec<Message<'a>> =
                    serde_json::from_str(raw.get()).map_err(|_| invalid("messages"))?;
                for (i, m) in messages.iter().enumerate() {
                    message(m, &format!("messages[{i}]"), "user", &mut out)?;
                }
            }
        }
        Api::Completions => strings_or_list(top.get("prompt"), "prompt", "user", &mut out)?,
        Api::Embeddings => strings_or_list(top.get("input"), "input", "user", &mut out)?,
        Api::Responses => {
            if let Some(raw) = top.get("input") {
                if raw.get().starts_with('[') {
                    let items: Vec<Message<'a>> =
                        serde_json::from_str(raw.get()).map_err(|_| invalid("input"))?;
                    for (i, m) in items.iter().enumerate() {
                        message(m, &format!("input[{i}]"), "user", &mut out)?;
                    }
                } else {
                    string(raw, "input".into(), "user", &mut out)?;
                }
            }
            if let Some(raw) = top.get("instructions") {
                string(raw, "instructions".into(), "system", &mut out)?;
            }
        }
    }
    for field in ["tools", "response_format", "text"] {
        if let Some(raw) = top.get(field) {
            walk(raw, field.to_string(), 0, &mut out)?;
        }
    }
    Ok(out)
}

fn message<'a>(
    m: &Message<'a>,
    at: &str,
    default_role: &'a str,
    out: &mut Vec<Segment<'a>>,
) -> Result<(), ApiError> {
    let role: Cow<'a, str> = match (&m.role, m.kind.as_deref()) {
        (Some(r), _) => r.clone(),
        (None, Some("function_call_output")) => "tool".into(),
        (None, Some("function_call")) => "assistant".into(),
        _ => default_role.into(),
    };
    if let Some(content) = m.content {
        match content.get().as_bytes().first() {
            Some(b'"') => push(content, format!("{at}.content"), role.clone(), out)?,
            Some(b'[') => {
                let parts: Vec<Part<'a>> =
                    serde_json::from_str(content.get()).map_err(|_| invalid("messages"))?;
                for (j, p) in parts.iter().enumerate() {
                    let text_part = p
                        .kind
                        .as_deref()
                        .is_none_or(|k| matches!(k, "text" | "input_text" | "output_text"));
                    if let (true, Some(text)) = (text_part, p.text) {
                        push(text, format!("{at}.content[{j}].text"), role.clone(), out)?;
                    }
                }
            }
            _ => {}
        }
    }
    for (j, call) in m.tool_calls.iter().flatten().enumerate() {
        if let Some(args) = call.function.as_ref().and_then(|f| f.arguments) {
            push(
                args,
                format!("{at}.tool_calls[{j}].function.arguments"),
                role.clone(),
                out,
            )?;
        }
    }
    if let Some(output) = m.output {
        push(output, format!("{at}.output"), role.clone(), out)?;
    }
    if let Some(args) = m.arguments {
        push(args, format!("{at}.arguments"), role, out)?;
    }
    Ok(())
}

fn strings_or_list<'a>(
    raw: Option<&'a RawValue>,
    field: &str,
    role: &'a str,
    out: &mut Vec<Segment<'a>>,
) -> Result<(), ApiError> {
    let Some(raw) = raw else { return Ok(()) };
    if raw.get().starts_with('[') {
        let items: Vec<&'a RawValue> =
            serde_json::from_str(raw.get()).map_err(|_| invalid(field))?;
        for (i, item) in items.iter().enumerate() {
            if item.get().starts_with('"') {
                string(item, format!("{field}[{i}]"), role, out)?;
            }
        }
        Ok(())
    } else {
        string(raw, field.to_string(), role, out)
    }
}

fn string<'a>(
    raw: &'a RawValue,
    location: String,
    role: &'a str,
    out: &mut Vec<Segment<'a>>,
) -> Result<(), ApiError> {
    push(raw, location, role.into(), out)
}

fn push<'a>(
    raw: &'a RawValue,
    location: String,
    role: Cow<'a, str>,
    out: &mut Vec<Segment<'a>>,
) -> Result<(), ApiError> {
    if !raw.get().starts_with('"') {
        return Ok(()); // e.g. `content: null`, or arguments given as an object
    }
    let text: Cow<'a, str> = serde_json::from_str(raw.get()).map_err(|_| invalid(&location))?;
    out.push(Segment {
        location,
        role,
        raw,
        text,
    });
    Ok(())
}

/// Every string value (not key) under a tool definition or schema.
fn walk<'a>(
    raw: &'a RawValue,
    at: String,
    depth: usize,
    out: &mut Vec<Segment<'a>>,
) -> Result<(), ApiError> {
    if depth > MAX_DEPTH {
        return Ok(());
    }
    match raw.get().as_bytes().first() {
        Some(b'"') => push(raw, at, "definition".into(), out),
        Some(b'[') => {
            let items: Vec<&'a RawValue> =
                serde_json::from_str(raw.get()).map_err(|_| invalid(&at))?;
            for (i, item) in items.iter().enumerate() {
                walk(item, format!("{at}[{i}]"), depth + 1, out)?;
            }
            Ok(())
        }
        Some(b'{') => {
            let map: BTreeMap<Cow<'a, str>, &'a RawValue> =
                serde_json::from_str(raw.get()).map_err(|_| invalid(&at))?;
            for (key, value) in map {
                walk(value, format!("{at}.{key}"), depth + 1, out)?;
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

#[derive(Deserialize)]
struct ResponseBody<'a> {
    #[serde(borrow, default)]
    choices: Vec<Choice<'a>>,
    /// Responses API.
    #[serde(borrow, default)]
    output: Vec<Message<'a>>,
}

#[derive(Deserialize)]
struct Choice<'a> {
    #[serde(borrow)]
    message: Option<Message<'a>>,
    /// Completions API.
    #[serde(borrow)]
    text: Option<&'a RawValue>,
}

/// The strings of a complete JSON response the caller reads: chat messages and tool-call
/// arguments, completion texts, Responses-API output. A body that is not such JSON has none.
pub fn response_segments(body: &[u8]) -> Vec<Segment<'_>> {
    let Ok(parsed) = serde_json::from_slice::<ResponseBody<'_>>(body) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (i, choice) in parsed.choices.iter().enumerate() {
        if let Some(m) = &choice.message {
            let _ = message(m, &format!("choices[{i}].message"), "assistant", &mut out);
        }
        if let Some(text) = choice.text {
            let _ = push(
                text,
                format!("choices[{i}].text"),
                "assistant".into(),
                &mut out,
            );
        }
    }
    for (i, item) in parsed.output.iter().enumerate() {
        let _ = message(item, &format!("output[{i}]"), "assistant", &mut out);
    }
    out
}

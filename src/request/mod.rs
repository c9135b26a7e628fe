//! An OpenAI-style request: which API it targets (by path) and its body, parsed once into typed,
//! borrowed fields. Every refusal here is a 400 that names the field (`param`) but never quotes
//! prompt text.

pub mod body;
pub mod measure;
pub mod prefs;
pub mod tokens;

use crate::errors::ApiError;
use body::{BodyError, TopLevel};
use prefs::ProviderPrefs;
use serde::Deserialize;
use serde_json::value::RawValue;
use std::borrow::Cow;
use tokens::{TextMeasure, TokenEstimate};

/// The OpenAI APIs that carry a model and reach a provider.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Api {
    ChatCompletions,
    Completions,
    Embeddings,
    Responses,
}

impl Api {
    /// From the path after the base path (`/chat/completions`).
    pub fn from_suffix(suffix: &str) -> Option<Api> {
        match suffix {
            "/chat/completions" => Some(Api::ChatCompletions),
            "/completions" => Some(Api::Completions),
            "/embeddings" => Some(Api::Embeddings),
            "/responses" => Some(Api::Responses),
            _ => None,
        }
    }

    /// The field holding what the model reads.
    fn input_field(self) -> &'static str {
        match self {
            Api::ChatCompletions => "messages",
            Api::Completions => "prompt",
            Api::Embeddings | Api::Responses => "input",
        }
    }
}

/// Request parameters an endpoint may or may not support (OpenRouter's `supported_parameters`).
pub const KNOWN_PARAMETERS: [&str; 24] = [
    "tools",
    "tool_choice",
    "parallel_tool_calls",
    "max_tokens",
    "max_completion_tokens",
    "temperature",
    "top_p",
    "top_k",
    "min_p",
    "top_a",
    "frequency_penalty",
    "presence_penalty",
    "repetition_penalty",
    "stop",
    "seed",
    "response_format",
    "structured_outputs",
    "logprobs",
    "top_logprobs",
    "logit_bias",
    "reasoning",
    "include_reasoning",
    "web_search_options",
    "verbosity",
];

/// Parameters an endpoint must support whenever the request uses them: without them the answer
/// would be wrong, not merely different.
pub const ALWAYS_REQUIRED_PARAMETERS: [&str; 2] = ["tools", "tool_choice"];

/// Fields that only the gateway understands; they are removed before the body goes upstream.
pub const GATEWAY_ONLY_FIELDS: [&str; 5] = ["provider", "models", "route", "transforms", "plugins"];

/// A parsed request body.
#[derive(Debug)]
pub struct LlmRequest<'a> {
    pub api: Api,
    /// `model`, if present.
    pub model: Option<Cow<'a, str>>,
    /// `models`: the fallback chain after `model`.
    pub fallback_models: Vec<Cow<'a, str>>,
    pub prefs: ProviderPrefs<'a>,
    pub stream: bool,
    /// `stream_options.include_usage` is true: the client wants the final usage chunk.
    pub stream_usage_requested: bool,
    /// `max_completion_tokens`, `max_tokens` or `max_output_tokens`, whichever is present.
    pub max_output_tokens: Option<u64>,
    /// Known parameters present in the body, for `supported_parameters` checks.
    pub used_parameters: Vec<&'static str>,
    pub tokens: TokenEstimate,
    pub top: TopLevel<'a>,
}

impl<'a> LlmRequest<'a> {
    /// Parses and validates a body for `api`.
    pub fn parse(api: Api, body: &'a [u8]) -> Result<Self, ApiError> {
        let top = TopLevel::parse(body).map_err(body_error)?;
        let model = field::<Cow<'a, str>>(&top, "model", "a string")?;
        let fallback_models =
            field::<Vec<Cow<'a, str>>>(&top, "models", "an array of strings")?.unwrap_or_default();
        if model.is_none() && fallback_models.is_empty() {
            return Err(
                ApiError::bad_request("missing_model", "the request must name a `model`")
                    .with_param("model"),
            );
        }
        if model.as_deref().is_some_and(str::is_empty) {
            return Err(
                ApiError::bad_request("invalid_request", "`model` must not be empty")
                    .with_param("model"),
            );
        }
        let prefs = match top.get("provider") {
            Some(raw) => parse_prefs(raw)?,
            None => ProviderPrefs::default(),
        };
        let stream = field::<bool>(&top, "stream", "a boolean")?.unwrap_or(false);
        let stream_usage_requested = field::<StreamOptions>(&top, "stream_options", "an object")?
            .and_then(|o| o.include_usage)
            .unwrap_or(false);
        let max_output_tokens = ["max_completion_tokens", "max_tokens", "max_output_tokens"]
            .iter()
            .map(|name| {
                field::<Option<u64>>(&top, name, "a non-negative integer").map(Option::flatten)
            })
            .collect::<Result<Vec<_>, _>>()?
            .into_iter()
            .flatten()
            .next();
        let input_field = api.input_field();
        let measure = measure_input(&top, input_field, api)?;
        let tokens = tokens::estimate(measure, body.len() as u64);
        let used_parameters = KNOWN_PARAMETERS
            .iter()
            .copied()
            .filter(|p| top.get(p).is_some_and(|raw| raw.get() != "null"))
            .collect();
        Ok(LlmRequest {
            api,
            model,
            fallback_models,
            prefs,
            stream,
            stream_usage_requested,
            max_output_tokens,
            used_parameters,
            tokens,
            top,
        })
    }

    /// The models to try, in order: `model`, then each of `models` not already listed.
    pub fn model_chain(&self) -> Vec<&str> {
        let mut chain: Vec<&str> = Vec::with_capacity(1 + self.fallback_models.len());
        for name in self.model.iter().chain(self.fallback_models.iter()) {
            if !chain.contains(&name.as_ref()) {
                chain.push(name);
            }
        }
        chain
    }

    pub fn uses(&self, parameter: &str) -> bool {
        self.used_parameters.contains(&parameter)
    }
}

/// The part of `stream_options` the gateway reads.
#[derive(Deserialize)]
struct StreamOptions {
    include_usage: Option<bool>,
}

impl Api {
    /// APIs whose streams report usage only when `stream_options.include_usage` asks for it.
    pub fn stream_usage_is_optional(self) -> bool {
        matches!(self, Api::ChatCompletions | Api::Completions)
    }
}

fn body_error(e: BodyError) -> ApiError {
    match e {
        BodyError::Syntax { line, column } => ApiError::bad_request(
            "invalid_json",
            format!("the request body is not valid JSON (line {line}, column {column})"),
        ),
        BodyError::NotAnObject => {
            ApiError::bad_request("invalid_json", "the request body must be a JSON object")
        }
        BodyError::DuplicateKey(key) => ApiError::bad_request(
            "invalid_request",
            format!("the field `{key}` appears more than once"),
        )
        .with_param(key),
        BodyError::Structure(at) => ApiError::bad_request(
            "invalid_json",
            format!("the request body is nested too deeply or malformed ({at})"),
        ),
    }
}

/// Types one top-level field; the error names the field and the expected type, not the value.
fn field<'a, T: Deserialize<'a>>(
    top: &TopLevel<'a>,
    name: &str,
    expected: &str,
) -> Result<Option<T>, ApiError> {
    let Some(raw) = top.get(name) else {
        return Ok(None);
    };
    serde_json::from_str::<T>(raw.get()).map(Some).map_err(|_| {
        ApiError::bad_request("invalid_request", format!("`{name}` must be {expected}"))
            .with_param(name)
    })
}

fn parse_prefs<'a>(raw: &'a RawValue) -> Result<ProviderPrefs<'a>, ApiError> {
    // serde's derived structs also accept a sequence; only an object is meant.
    if !raw.get().starts_with('{') {
        return Err(
            ApiError::bad_request("invalid_request", "`provider` must be an object")
                .with_param("provider"),
        );
    }
    let mut de = serde_json::Deserializer::from_str(raw.get());
    serde_path_to_error::deserialize::<_, ProviderPrefs<'a>>(&mut de).map_err(|e| {
        let path = e.path().to_string();
        let param = if path == "." {
            "provider".to_string()
        } else {
            format!("provider.{path}")
        };
        // The inner message names the expected type or variant; provider prefs hold no prompt text.
        ApiError::bad_request(
            "invalid_request",
            format!(
                "`{param}` is invalid: {}",
                strip_position(&e.inner().to_string())
            ),
        )
        .with_param(param)
    })
}

fn strip_position(message: &str) -> &str {
    message.split(" at line ").next().unwrap_or(message)
}

fn measure_input(top: &TopLevel<'_>, input_field: &str, api: Api) -> Result<TextMeasure, ApiError> {
    let invalid = |what: &str| {
        ApiError::bad_request("invalid_request", format!("`{input_field}` must be {what}"))
            .with_param(input_field)
    };
    let mut measure = TextMeasure::default();
    match top.get(input_field) {
        Some(raw) => {
            let kind = raw.get().as_bytes().first().copied();
            // One pass measures the text and, for an array, counts and checks its elements.
            let walked = measure::walk(raw).map_err(|_| invalid("well-formed"))?;
            match (api, kind, walked.items) {
                (Api::ChatCompletions, Some(b'['), Some(0)) => {
                    return Err(invalid("a non-empty array of messages"))
                }
                (Api::ChatCompletions, Some(b'['), Some(n)) if walked.all_objects => {
                    measure.segments = n;
                }
                (Api::ChatCompletions, Some(b'['), _) => {
                    return Err(invalid("an array of message objects"))
                }
                (Api::ChatCompletions, _, _) => return Err(invalid("an array of messages")),
                (_, Some(b'"'), _) => measure.segments = 1,
                (_, Some(b'['), Some(n)) => measure.segments = n.max(1),
                _ => return Err(invalid("a string or an array")),
            }
            measure.text_bytes = walked.text_bytes;
        }
        // The Responses API may continue a stored conversation with no new input.
        None if api == Api::Responses && top.get("previous_response_id").is_some() => {}
        None => {
            return Err(ApiError::bad_request(
                "invalid_request",
                format!("the request needs `{input_field}`"),
            )
            .with_param(input_field))
        }
    }
    for extra in ["tools", "instructions", "system"] {
        if let Some(raw) = top.get(extra) {
            let bytes = measure::text_bytes(raw).map_err(|_| {
                ApiError::bad_request(
                    "invalid_request",
                    format!("`{extra}` is nested too deeply or malformed"),
                )
                .with_param(extra)
            })?;
            measure.text_bytes = measure.text_bytes.saturating_add(bytes);
        }
    }
    Ok(measure)
}

#[cfg(test)]
mod tests;

//! The one error every refusal becomes: an OpenAI-shaped JSON body with a stable `code` and the
//! HTTP status that the OpenAI SDKs map onto their own exception types.

use serde::Serialize;
use serde_json::Value;

/// The `type` field, as OpenAI uses it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorType {
    InvalidRequestError,
    AuthenticationError,
    PermissionError,
    NotFoundError,
    RateLimitError,
    ServerError,
}

/// A refusal on its way to the client. `metadata` is only ever built from data the caller may see
/// (provider names, rule codes, model ids of its own workspace), never from prompts or secrets.
#[derive(Debug, Clone, PartialEq)]
pub struct ApiError {
    pub status: u16,
    pub error_type: ErrorType,
    pub code: &'static str,
    pub message: String,
    pub param: Option<String>,
    /// Boxed: most errors have none, and it keeps `Result<_, ApiError>` small.
    pub metadata: Option<Box<Value>>,
    /// Response headers the refusal needs (`allow` on a 405; later `retry-after` on a 429).
    pub headers: Vec<(&'static str, String)>,
}

#[derive(Serialize)]
struct Envelope<'a> {
    error: Body<'a>,
}

#[derive(Serialize)]
struct Body<'a> {
    message: &'a str,
    #[serde(rename = "type")]
    error_type: ErrorType,
    code: &'a str,
    param: Option<&'a str>,
    metadata: Option<&'a Value>,
}

impl ApiError {
    pub fn new(
        status: u16,
        error_type: ErrorType,
        code: &'static str,
        message: impl Into<String>,
    ) -> Self {
        ApiError {
            status,
            error_type,
            code,
            message: message.into(),
            param: None,
            metadata: None,
            headers: Vec::new(),
        }
    }

    pub fn with_param(mut self, param: impl Into<String>) -> Self {
        self.param = Some(param.into());
        self
    }

    pub fn with_header(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.headers.push((name, value.into()));
        self
    }

    pub fn with_metadata(mut self, metadata: Value) -> Self {
        self.metadata = Some(Box::new(metadata));
        self
    }

    /// 400 for a body the plugin could not accept.
    pub fn bad_request(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(400, ErrorType::InvalidRequestError, code, message)
    }

    /// 500 with a generic text: details go to the log, never to the client.
    pub fn internal() -> Self {
        Self::new(
            500,
            ErrorType::ServerError,
            "internal_error",
            "the gateway failed to process the request",
        )
    }

    /// The response body, `{"error":{"message","type","code","param","metadata"}}`.
    pub fn to_json(&self) -> Vec<u8> {
        let envelope = Envelope {
            error: Body {
                message: &self.message,
                error_type: self.error_type,
                code: self.code,
                param: self.param.as_deref(),
                metadata: self.metadata.as_deref(),
            },
        };
        // Serialising plain strings and a Value cannot fail; the fallback keeps the reply well-formed anyway.
        serde_json::to_vec(&envelope).unwrap_or_else(|_| {
            br#"{"error":{"message":"internal error","type":"server_error","code":"internal_error","param":null,"metadata":null}}"#
                .to_vec()
        })
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}: {}", self.status, self.code, self.message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_openai_shape_with_all_fields() {
        let err = ApiError::bad_request("invalid_request", "bad model")
            .with_param("model")
            .with_metadata(serde_json::json!({"k": 1}));
        let v: Value = serde_json::from_slice(&err.to_json()).unwrap();
        assert_eq!(v["error"]["message"], "bad model");
        assert_eq!(v["error"]["type"], "invalid_request_error");
        assert_eq!(v["error"]["code"], "invalid_request");
        assert_eq!(v["error"]["param"], "model");
        assert_eq!(v["error"]["metadata"]["k"], 1);
    }

    #[test]
    fn absent_param_and_metadata_are_null_not_missing() {
        let v: Value = serde_json::from_slice(&ApiError::internal().to_json()).unwrap();
        assert!(v["error"].get("param").unwrap().is_null());
        assert!(v["error"].get("metadata").unwrap().is_null());
        assert_eq!(v["error"]["type"], "server_error");
    }
}

//! The response side: tells the caller what served it (`x-llm-provider`, `x-llm-model`) and turns
//! Envoy's own error replies (route timeout, no healthy upstream, connection failure) into the
//! same OpenAI-shaped error body the plugin uses, so SDKs parse every failure alike. Provider
//! responses, streams included, pass through untouched and unbuffered.

use super::{Host, Next};
use crate::errors::{ApiError, ErrorType};
use crate::headers;

#[derive(Debug, Default)]
pub struct ResponseShaping {
    /// Set while replacing the body of an Envoy-generated error.
    replacement: Option<ApiError>,
}

impl ResponseShaping {
    /// True while an Envoy-generated error body is being replaced.
    pub fn is_replacing(&self) -> bool {
        self.replacement.is_some()
    }

    /// `status`: the response's `:status` (0 if unreadable).
    pub fn on_headers(
        &mut self,
        host: &mut dyn Host,
        end_of_stream: bool,
        served: Option<(&str, &str)>,
        status: u16,
    ) -> Next {
        if let Some((provider, model)) = served {
            // Overwrite: an upstream must not be able to claim another provider.
            let _ = host.set_response_header(headers::RESPONSE_PROVIDER, Some(provider));
            let _ = host.set_response_header(headers::RESPONSE_MODEL, Some(model));
        }
        // Only an error status can be an Envoy-generated reply; a property read is a host call
        // (~0.8 µs, `make bench-hostcalls`), so ask only then.
        if status < 400 || end_of_stream {
            return Next::Continue;
        }
        if host
            .response_code_details()
            .is_none_or(|details| details == "via_upstream")
        {
            return Next::Continue;
        }
        self.replacement = Some(envoy_error(status));
        let _ = host.set_response_header(headers::CONTENT_TYPE, Some("application/json"));
        Next::Pause
    }

    pub fn on_body(&mut self, host: &mut dyn Host, body_size: usize, end_of_stream: bool) -> Next {
        let Some(error) = &self.replacement else {
            return Next::Continue;
        };
        if !end_of_stream {
            return Next::Pause;
        }
        let body = error.to_json();
        if host.replace_response_body(body_size, &body).is_ok() {
            let _ =
                host.set_response_header(headers::CONTENT_LENGTH, Some(&body.len().to_string()));
        }
        self.replacement = None;
        Next::Continue
    }
}

/// The OpenAI-shaped error for a reply Envoy generated with `status`.
pub fn envoy_error(status: u16) -> ApiError {
    let (code, message) = match status {
        504 => (
            "upstream_timeout",
            "the provider did not answer within the gateway's route timeout",
        ),
        503 => ("upstream_unavailable", "the provider could not be reached"),
        502 => ("bad_gateway", "the provider connection failed"),
        413 => (
            "request_too_large",
            "the request body exceeds the gateway's buffer limit",
        ),
        _ => (
            "gateway_error",
            "the gateway could not complete the request",
        ),
    };
    let error_type = if status < 500 {
        ErrorType::InvalidRequestError
    } else {
        ErrorType::ServerError
    };
    ApiError::new(status, error_type, code, message)
}

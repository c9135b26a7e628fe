//! `flow::Host` over proxy-wasm hostcalls. Every call returns a `Result`: the SDK's convenience
//! methods unwrap host errors and a panic would kill the VM.

use crate::flow::{Host, HostError};
use proxy_wasm::hostcalls;
use proxy_wasm::types::{BufferType, MapType};

pub struct EnvoyHost;

impl Host for EnvoyHost {
    fn request_headers(&self) -> Result<Vec<(String, String)>, HostError> {
        // Not `get_map`: the SDK unwraps UTF-8 there, and header values may carry obs-text
        // (bytes 0x80-0xFF) — one such header would panic the VM. Values are decoded lossily, so
        // an invalid key or content-type simply fails to match.
        let pairs = hostcalls::get_map_bytes(MapType::HttpRequestHeaders).map_err(|_| HostError)?;
        Ok(pairs
            .into_iter()
            .map(|(name, value)| (name, String::from_utf8_lossy(&value).into_owned()))
            .collect())
    }

    fn set_request_header(&mut self, name: &str, value: Option<&str>) -> Result<(), HostError> {
        hostcalls::set_map_value(MapType::HttpRequestHeaders, name, value).map_err(|_| HostError)
    }

    fn request_body(&self, size: usize) -> Result<Vec<u8>, HostError> {
        hostcalls::get_buffer(BufferType::HttpRequestBody, 0, size)
            .map(Option::unwrap_or_default)
            .map_err(|_| HostError)
    }

    fn replace_request_body(&mut self, size: usize, body: &[u8]) -> Result<(), HostError> {
        hostcalls::set_buffer(BufferType::HttpRequestBody, 0, size, body).map_err(|_| HostError)
    }

    fn send_response(
        &mut self,
        status: u16,
        headers: &[(&str, &str)],
        body: &[u8],
    ) -> Result<(), HostError> {
        hostcalls::send_http_response(u32::from(status), headers.to_vec(), Some(body))
            .map_err(|_| HostError)
    }

    fn response_header(&self, name: &str) -> Option<String> {
        // Bytes, for the same reason as `request_headers`.
        let value = hostcalls::get_map_value_bytes(MapType::HttpResponseHeaders, name)
            .ok()
            .flatten()?;
        Some(String::from_utf8_lossy(&value).into_owned())
    }

    fn set_response_header(&mut self, name: &str, value: Option<&str>) -> Result<(), HostError> {
        hostcalls::set_map_value(MapType::HttpResponseHeaders, name, value).map_err(|_| HostError)
    }

    fn response_code_details(&self) -> Option<String> {
        let bytes = hostcalls::get_property(vec!["response", "code_details"])
            .ok()
            .flatten()?;
        String::from_utf8(bytes).ok()
    }

    fn replace_response_body(&mut self, size: usize, body: &[u8]) -> Result<(), HostError> {
        hostcalls::set_buffer(BufferType::HttpResponseBody, 0, size, body).map_err(|_| HostError)
    }

    fn set_filter_state(&mut self, key: &str, value: &str) {
        if hostcalls::set_property(vec![key], Some(value.as_bytes())).is_err() {
            log::debug!("could not set filter state {key}");
        }
    }
}

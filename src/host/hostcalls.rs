//! `flow::Host` over proxy-wasm hostcalls. Every call returns a `Result`: the SDK's convenience
//! methods unwrap host errors and a panic would kill the VM.

use crate::flow::{Host, HostError};
use proxy_wasm::hostcalls;
use proxy_wasm::types::{BufferType, MapType};

pub struct EnvoyHost;

impl EnvoyHost {
    /// Size of the buffered request body, for the trailers callback (which is not told it).
    pub fn request_body_size() -> usize {
        hostcalls::get_buffer(BufferType::HttpRequestBody, 0, usize::MAX)
            .ok()
            .flatten()
            .map_or(0, |b| b.len())
    }
}

impl Host for EnvoyHost {
    fn request_headers(&self) -> Result<Vec<(String, String)>, HostError> {
        hostcalls::get_map(MapType::HttpRequestHeaders).map_err(|_| HostError)
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
        hostcalls::get_map_value(MapType::HttpResponseHeaders, name)
            .ok()
            .flatten()
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

//! `flow::Host` over proxy-wasm hostcalls. Every call returns a `Result`: the SDK's convenience
//! methods unwrap host errors and a panic would kill the VM.

use super::timing::{Slot, Span};
use crate::fastmap::FastMap;
use crate::flow::{Host, HostError};
use crate::spend::lease_id::{LeaseId, LeaseIds};
use crate::spend::outbox::{Job, Outbox};
use crate::spend::shared::{SharedStore, StoreError};
use proxy_wasm::hostcalls;
use proxy_wasm::types::{BufferType, MapType, Status};
use std::cell::RefCell;
use std::time::{Duration, UNIX_EPOCH};

thread_local! {
    /// Budget-store jobs of this VM (one per worker thread), sent by the root context's tick.
    pub static OUTBOX: RefCell<Outbox> = RefCell::new(Outbox::default());
    /// Metric ids, defined when the root is configured.
    pub static METRIC_IDS: RefCell<MetricIds> = RefCell::new(MetricIds::default());
    /// This VM's lease ids; the nonce is set when the root is configured.
    pub static LEASE_IDS: RefCell<LeaseIds> = RefCell::new(LeaseIds::new(0));
}

/// Metric ids by metric, then workspace: looked up per request without building the stat name.
pub type MetricIds = FastMap<&'static str, FastMap<String, u32>>;

pub struct EnvoyHost;

/// Envoy's shared data for this `vm_id`, across the process's workers.
impl SharedStore for EnvoyHost {
    fn get(&self, key: &str) -> Result<(Option<Vec<u8>>, Option<u32>), StoreError> {
        hostcalls::get_shared_data(key).map_err(|_| StoreError::Host)
    }

    fn set(&mut self, key: &str, value: &[u8], cas: Option<u32>) -> Result<bool, StoreError> {
        match hostcalls::set_shared_data(key, Some(value), cas) {
            Ok(()) => Ok(true),
            Err(Status::CasMismatch) => Ok(false),
            Err(_) => Err(StoreError::Host),
        }
    }
}

/// A header value as text: valid UTF-8 is kept without a copy, anything else decoded lossily.
fn utf8(value: Vec<u8>) -> String {
    String::from_utf8(value).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

pub fn now_ms() -> u64 {
    hostcalls::get_current_time()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
}

/// `GET path` to a cluster (webdis); the reply comes to whichever context owns the token.
pub fn http_get(
    cluster: &str,
    authority: &str,
    path: &str,
    timeout_ms: u64,
) -> Result<u32, HostError> {
    hostcalls::dispatch_http_call(
        cluster,
        vec![
            (":method", "GET"),
            (":path", path),
            (":authority", authority),
        ],
        None,
        vec![],
        Duration::from_millis(timeout_ms),
    )
    .map_err(|_| HostError)
}

impl Host for EnvoyHost {
    fn request_headers(&self) -> Result<Vec<(String, String)>, HostError> {
        let _span = Span::start(Slot::GetRequestHeaders);
        // Not `get_map`: the SDK unwraps UTF-8 there, and header values may carry obs-text
        // (bytes 0x80-0xFF) — one such header would panic the VM. Values are decoded lossily, so
        // an invalid key or content-type simply fails to match.
        let pairs = hostcalls::get_map_bytes(MapType::HttpRequestHeaders).map_err(|_| HostError)?;
        Ok(pairs
            .into_iter()
            .map(|(name, value)| (name, utf8(value)))
            .collect())
    }

    fn set_request_header(&mut self, name: &str, value: Option<&str>) -> Result<(), HostError> {
        let _span = Span::start(Slot::SetRequestHeader);
        hostcalls::set_map_value(MapType::HttpRequestHeaders, name, value).map_err(|_| HostError)
    }

    fn request_body(&self, size: usize) -> Result<Vec<u8>, HostError> {
        let _span = Span::start(Slot::GetRequestBody);
        hostcalls::get_buffer(BufferType::HttpRequestBody, 0, size)
            .map(Option::unwrap_or_default)
            .map_err(|_| HostError)
    }

    fn replace_request_body(&mut self, size: usize, body: &[u8]) -> Result<(), HostError> {
        let _span = Span::start(Slot::SetRequestBody);
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
        let _span = Span::start(Slot::GetResponseHeader);
        // Bytes, for the same reason as `request_headers`.
        let value = hostcalls::get_map_value_bytes(MapType::HttpResponseHeaders, name)
            .ok()
            .flatten()?;
        Some(utf8(value))
    }

    fn set_response_header(&mut self, name: &str, value: Option<&str>) -> Result<(), HostError> {
        let _span = Span::start(Slot::SetResponseHeader);
        hostcalls::set_map_value(MapType::HttpResponseHeaders, name, value).map_err(|_| HostError)
    }

    fn response_code_details(&self) -> Option<String> {
        let bytes = hostcalls::get_property(vec!["response", "code_details"])
            .ok()
            .flatten()?;
        String::from_utf8(bytes).ok()
    }

    fn replace_response_body(&mut self, size: usize, body: &[u8]) -> Result<(), HostError> {
        let _span = Span::start(Slot::SetResponseBody);
        hostcalls::set_buffer(BufferType::HttpResponseBody, 0, size, body).map_err(|_| HostError)
    }

    fn set_filter_state(&mut self, key: &str, value: &str) {
        let _span = Span::start(Slot::FilterState);
        if hostcalls::set_property(vec![key], Some(value.as_bytes())).is_err() {
            log::debug!("could not set filter state {key}");
        }
    }

    fn response_body(&self, size: usize) -> Result<Vec<u8>, HostError> {
        let _span = Span::start(Slot::GetResponseBody);
        hostcalls::get_buffer(BufferType::HttpResponseBody, 0, size)
            .map(Option::unwrap_or_default)
            .map_err(|_| HostError)
    }

    fn now_ms(&self) -> u64 {
        now_ms()
    }

    fn shared(&mut self) -> &mut dyn SharedStore {
        self
    }

    fn http_call(
        &mut self,
        cluster: &str,
        authority: &str,
        path: &str,
        timeout_ms: u64,
    ) -> Result<u32, HostError> {
        http_get(cluster, authority, path, timeout_ms)
    }

    fn resume_request(&mut self) -> Result<(), HostError> {
        hostcalls::resume_http_request().map_err(|_| HostError)
    }

    fn count(&mut self, metric: &'static str, workspace: &str, value: u64) {
        let _span = Span::start(Slot::Metric);
        let id = METRIC_IDS.with(|ids| {
            let ids = ids.try_borrow().ok()?;
            ids.get(metric)?.get(workspace).copied()
        });
        if let Some(id) = id {
            let _ = hostcalls::increment_metric(id, i64::try_from(value).unwrap_or(i64::MAX));
        }
    }

    fn lease_id(&mut self) -> Result<LeaseId, HostError> {
        LEASE_IDS.with(|ids| {
            let mut ids = ids.try_borrow_mut().map_err(|_| HostError)?;
            ids.next(self).map_err(|_| HostError)
        })
    }

    fn queue_job(&mut self, job: Job) {
        OUTBOX.with(|o| {
            if let Ok(mut outbox) = o.try_borrow_mut() {
                outbox.push(job);
            }
        });
    }
}

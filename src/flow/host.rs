//! What the flow needs from Envoy, as a trait: the wasm adapter implements it with hostcalls
//! that return `Result` (never the SDK's unwrapping helpers), tests with `fake_host`.

use crate::spend::lease_id::LeaseId;
use crate::spend::outbox::Job;
use crate::spend::shared::SharedStore;

/// A hostcall failed (e.g. a header map that is no longer writable).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HostError;

pub trait Host {
    /// All request headers, pseudo-headers included.
    fn request_headers(&self) -> Result<Vec<(String, String)>, HostError>;
    /// Sets (overwrites) or, with `None`, removes a request header.
    fn set_request_header(&mut self, name: &str, value: Option<&str>) -> Result<(), HostError>;
    /// The buffered request body (`size` bytes).
    fn request_body(&self, size: usize) -> Result<Vec<u8>, HostError>;
    /// Replaces the buffered request body.
    fn replace_request_body(&mut self, size: usize, body: &[u8]) -> Result<(), HostError>;
    /// Answers the request locally.
    fn send_response(
        &mut self,
        status: u16,
        headers: &[(&str, &str)],
        body: &[u8],
    ) -> Result<(), HostError>;
    fn response_header(&self, name: &str) -> Option<String>;
    fn set_response_header(&mut self, name: &str, value: Option<&str>) -> Result<(), HostError>;
    /// Envoy's response code details: `via_upstream` for a provider's answer, else why Envoy answered.
    fn response_code_details(&self) -> Option<String>;
    fn replace_response_body(&mut self, size: usize, body: &[u8]) -> Result<(), HostError>;
    /// Filter state for the access log (`%FILTER_STATE(wasm.<key>:PLAIN)%`); best effort.
    fn set_filter_state(&mut self, key: &str, value: &str);
    /// The current response body chunk (`size` bytes as the callback reported).
    fn response_body(&self, size: usize) -> Result<Vec<u8>, HostError>;
    /// Wall-clock time, Unix milliseconds.
    fn now_ms(&self) -> u64;
    /// This Envoy process's shared data (budgets, rate windows).
    fn shared(&mut self) -> &mut dyn SharedStore;
    /// Sends `GET path` to `cluster`; the reply arrives as a call response with the returned token.
    fn http_call(
        &mut self,
        cluster: &str,
        authority: &str,
        path: &str,
        timeout_ms: u64,
    ) -> Result<u32, HostError>;
    /// Lets a paused request continue upstream.
    fn resume_request(&mut self) -> Result<(), HostError>;
    /// Hands budget-store work to the root context, which outlives the request.
    fn queue_job(&mut self, job: Job);
    /// Adds to a workspace counter (`spend::METRICS`); best effort.
    fn count(&mut self, metric: &'static str, workspace: &str, value: u64);
    /// A reservation id no other request of this process (or, very likely, any replica) holds.
    fn lease_id(&mut self) -> Result<LeaseId, HostError>;
}

/// A failed hostcall is the gateway's fault: a generic 500 (details stay in Envoy's log).
impl From<HostError> for crate::errors::ApiError {
    fn from(_: HostError) -> Self {
        crate::errors::ApiError::internal()
    }
}

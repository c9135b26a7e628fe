//! A state-based stand-in for Envoy: tests set headers and bodies, run the flow, then assert on
//! the resulting state (headers upstream would see, the local reply), not on call order.

use super::{Host, HostError};
use crate::spend::lease_id::LeaseId;
use crate::spend::outbox::Job;
use crate::spend::shared::{MemoryStore, SharedStore};
use std::collections::HashMap;

/// A local reply: status, headers, body.
pub type Reply = (u16, Vec<(String, String)>, Vec<u8>);

#[derive(Debug, Default)]
pub struct FakeHost {
    pub request_headers: Vec<(String, String)>,
    pub request_body: Vec<u8>,
    pub response_headers: Vec<(String, String)>,
    pub response_body: Vec<u8>,
    pub code_details: Option<String>,
    pub reply: Option<Reply>,
    pub filter_state: HashMap<String, String>,
    pub now_ms: u64,
    pub shared: MemoryStore,
    /// Side calls sent: (token, cluster, path).
    pub calls: Vec<(u32, String, String)>,
    pub resumed: bool,
    pub jobs: Vec<Job>,
    pub leases_issued: u64,
    pub counters: HashMap<String, u64>,
    /// Calls that are proxy-wasm host calls in Envoy (0.3–2.2 µs each there, `make bench-hostcalls`).
    pub host_calls: std::cell::RefCell<Vec<&'static str>>,
}

impl FakeHost {
    pub fn request(method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Self {
        let mut all = vec![
            (":method".to_string(), method.to_string()),
            (":path".to_string(), path.to_string()),
        ];
        all.extend(headers.iter().map(|(k, v)| (k.to_string(), v.to_string())));
        FakeHost {
            request_headers: all,
            request_body: body.to_vec(),
            ..Default::default()
        }
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.request_headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn response_header_value(&self, name: &str) -> Option<&str> {
        self.response_headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The local reply's status and parsed JSON body.
    pub fn reply_json(&self) -> Option<(u16, serde_json::Value)> {
        self.reply
            .as_ref()
            .map(|(s, _, b)| (*s, serde_json::from_slice(b).unwrap()))
    }
}

fn set(list: &mut Vec<(String, String)>, name: &str, value: Option<&str>) {
    list.retain(|(k, _)| !k.eq_ignore_ascii_case(name));
    if let Some(v) = value {
        list.push((name.to_string(), v.to_string()));
    }
}

impl FakeHost {
    fn host_call(&self, name: &'static str) {
        self.host_calls.borrow_mut().push(name);
    }
}

impl Host for FakeHost {
    fn request_headers(&self) -> Result<Vec<(String, String)>, HostError> {
        self.host_call("request_headers");
        Ok(self.request_headers.clone())
    }
    fn set_request_header(&mut self, name: &str, value: Option<&str>) -> Result<(), HostError> {
        self.host_call("set_request_header");
        set(&mut self.request_headers, name, value);
        Ok(())
    }
    fn request_body(&self, size: usize) -> Result<Vec<u8>, HostError> {
        self.host_call("request_body");
        Ok(self.request_body.get(..size).ok_or(HostError)?.to_vec())
    }
    fn replace_request_body(&mut self, _size: usize, body: &[u8]) -> Result<(), HostError> {
        self.host_call("replace_request_body");
        self.request_body = body.to_vec();
        Ok(())
    }
    fn send_response(
        &mut self,
        status: u16,
        headers: &[(&str, &str)],
        body: &[u8],
    ) -> Result<(), HostError> {
        self.host_call("send_response");
        let headers = headers
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        self.reply = Some((status, headers, body.to_vec()));
        Ok(())
    }
    fn response_header(&self, name: &str) -> Option<String> {
        self.host_call("response_header");
        self.response_header_value(name).map(str::to_string)
    }
    fn set_response_header(&mut self, name: &str, value: Option<&str>) -> Result<(), HostError> {
        self.host_call("set_response_header");
        set(&mut self.response_headers, name, value);
        Ok(())
    }
    fn response_code_details(&self) -> Option<String> {
        self.host_call("response_code_details");
        self.code_details.clone()
    }
    fn replace_response_body(&mut self, _size: usize, body: &[u8]) -> Result<(), HostError> {
        self.host_call("replace_response_body");
        self.response_body = body.to_vec();
        Ok(())
    }
    fn set_filter_state(&mut self, key: &str, value: &str) {
        self.host_call("set_filter_state");
        self.filter_state.insert(key.to_string(), value.to_string());
    }
    fn response_body(&self, size: usize) -> Result<Vec<u8>, HostError> {
        self.host_call("response_body");
        Ok(self.response_body.get(..size).ok_or(HostError)?.to_vec())
    }
    fn now_ms(&self) -> u64 {
        self.host_call("now_ms");
        self.now_ms
    }
    fn shared(&mut self) -> &mut dyn SharedStore {
        &mut self.shared
    }
    fn http_call(
        &mut self,
        cluster: &str,
        _authority: &str,
        path: &str,
        _timeout_ms: u64,
    ) -> Result<u32, HostError> {
        self.host_call("http_call");
        let token = self.calls.len() as u32 + 1;
        self.calls
            .push((token, cluster.to_string(), path.to_string()));
        Ok(token)
    }
    fn resume_request(&mut self) -> Result<(), HostError> {
        self.host_call("resume_request");
        self.resumed = true;
        Ok(())
    }
    fn queue_job(&mut self, job: Job) {
        self.jobs.push(job);
    }
    fn count(&mut self, metric: &'static str, workspace: &str, value: u64) {
        self.host_call("count");
        *self
            .counters
            .entry(crate::spend::metric_name(metric, workspace))
            .or_default() += value;
    }
    fn lease_id(&mut self) -> Result<LeaseId, HostError> {
        self.host_call("lease_id");
        self.leases_issued += 1;
        Ok(LeaseId {
            vm: 1,
            seq: self.leases_issued,
        })
    }
}

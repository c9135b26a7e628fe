//! One HTTP request: forwards Envoy's callbacks to `Flow`. Without a policy (which Envoy only
//! allows if `on_configure` failed and was ignored) every request is refused: fail closed.

use super::hostcalls::EnvoyHost;
use super::timing::{self, Slot, Span};
use crate::config::CompiledPolicy;
use crate::errors::{ApiError, ErrorType};
use crate::flow::{Flow, Host, Next};
use crate::routing::rng::Rng;
use proxy_wasm::traits::{Context, HttpContext};
use proxy_wasm::types::Action;
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

pub struct HttpFilter {
    flow: Option<Flow>,
    rng: Rc<RefCell<Option<Rng>>>,
}

impl HttpFilter {
    pub fn new(policy: Option<Arc<CompiledPolicy>>, rng: Rc<RefCell<Option<Rng>>>) -> Self {
        HttpFilter {
            flow: policy.map(Flow::new),
            rng,
        }
    }

    fn with_rng(&self, f: impl FnOnce(&mut Rng) -> Next) -> Next {
        match self.rng.try_borrow_mut() {
            Ok(mut slot) => match slot.as_mut() {
                Some(rng) => f(rng),
                None => f(&mut Rng::new(0x5eed)),
            },
            Err(_) => f(&mut Rng::new(0x5eed)),
        }
    }
}

fn action(next: Next) -> Action {
    match next {
        Next::Continue => Action::Continue,
        Next::Pause => Action::Pause,
    }
}

impl Context for HttpFilter {
    fn on_http_call_response(
        &mut self,
        token_id: u32,
        _num_headers: usize,
        body_size: usize,
        _num_trailers: usize,
    ) {
        let Some(flow) = self.flow.as_mut() else {
            return;
        };
        let (status, body) = call_reply(body_size);
        flow.on_call_response(&mut EnvoyHost, token_id, status, &body);
    }
}

/// The status and body of the side-call reply being delivered.
pub fn call_reply(body_size: usize) -> (Option<u16>, Vec<u8>) {
    let status = proxy_wasm::hostcalls::get_map_value_bytes(
        proxy_wasm::types::MapType::HttpCallResponseHeaders,
        ":status",
    )
    .ok()
    .flatten()
    .and_then(|v| String::from_utf8(v).ok())
    .and_then(|s| s.parse().ok());
    let body = proxy_wasm::hostcalls::get_buffer(
        proxy_wasm::types::BufferType::HttpCallResponseBody,
        0,
        body_size,
    )
    .ok()
    .flatten()
    .unwrap_or_default();
    (status, body)
}

impl HttpContext for HttpFilter {
    fn on_http_request_headers(&mut self, _num_headers: usize, end_of_stream: bool) -> Action {
        let _span = Span::start(Slot::RequestHeaders);
        let mut host = EnvoyHost;
        match self.flow.as_mut() {
            Some(flow) => action(flow.on_request_headers(&mut host, end_of_stream)),
            None => {
                let error = ApiError::new(
                    503,
                    ErrorType::ServerError,
                    "gateway_not_configured",
                    "the gateway has no valid policy",
                );
                let _ = host.send_response(
                    503,
                    &[("content-type", "application/json")],
                    &error.to_json(),
                );
                Action::Pause
            }
        }
    }

    fn on_http_request_body(&mut self, body_size: usize, end_of_stream: bool) -> Action {
        let _span = Span::start(Slot::RequestBody);
        let Some(mut flow) = self.flow.take() else {
            return Action::Pause;
        };
        let next = self
            .with_rng(|rng| flow.on_request_body(&mut EnvoyHost, body_size, end_of_stream, rng));
        self.flow = Some(flow);
        action(next)
    }

    fn on_http_request_trailers(&mut self, _num_trailers: usize) -> Action {
        let Some(mut flow) = self.flow.take() else {
            return Action::Pause;
        };
        let next = self.with_rng(|rng| flow.on_request_trailers(&mut EnvoyHost, rng));
        self.flow = Some(flow);
        action(next)
    }

    fn on_http_response_headers(&mut self, _num_headers: usize, end_of_stream: bool) -> Action {
        let _span = Span::start(Slot::ResponseHeaders);
        match self.flow.as_mut() {
            Some(flow) => action(flow.on_response_headers(&mut EnvoyHost, end_of_stream)),
            None => Action::Continue,
        }
    }

    fn on_http_response_body(&mut self, body_size: usize, end_of_stream: bool) -> Action {
        let _span = Span::start(Slot::ResponseBody);
        match self.flow.as_mut() {
            Some(flow) => action(flow.on_response_body(&mut EnvoyHost, body_size, end_of_stream)),
            None => Action::Continue,
        }
    }

    fn on_log(&mut self) {
        {
            let _span = Span::start(Slot::Log);
            if let Some(flow) = self.flow.as_mut() {
                flow.on_done(&mut EnvoyHost);
            }
        }
        timing::request_done();
    }
}

//! Where a request's time goes inside Envoy (cargo feature `phase-timing`, off by default; see
//! `bench/phase_timing.py`). A `Span` adds the wall time between its start and its drop to a slot:
//! one per Envoy callback, one per kind of hostcall. When a request ends the sums go to counters
//! `llm_timing_<slot>_ns` and `llm_timing_requests`, so per-request figures are sum / requests.
//! Without the feature a `Span` is an empty value and every call compiles away.

/// What a span measures.
#[derive(Clone, Copy)]
pub enum Slot {
    RequestHeaders,
    RequestBody,
    ResponseHeaders,
    ResponseBody,
    Log,
    GetRequestHeaders,
    SetRequestHeader,
    GetRequestBody,
    SetRequestBody,
    GetResponseHeader,
    SetResponseHeader,
    GetResponseBody,
    SetResponseBody,
    Metric,
    FilterState,
}

#[cfg(feature = "phase-timing")]
const NAMES: [&str; 15] = [
    "request_headers",
    "request_body",
    "response_headers",
    "response_body",
    "log",
    "hostcall_get_request_headers",
    "hostcall_set_request_header",
    "hostcall_get_request_body",
    "hostcall_set_request_body",
    "hostcall_get_response_header",
    "hostcall_set_response_header",
    "hostcall_get_response_body",
    "hostcall_set_response_body",
    "hostcall_metric",
    "hostcall_filter_state",
];

#[cfg(not(feature = "phase-timing"))]
pub struct Span;

#[cfg(not(feature = "phase-timing"))]
impl Span {
    #[inline(always)]
    pub fn start(_slot: Slot) -> Span {
        Span
    }
}

/// Called when a request ends (`on_log`).
#[cfg(not(feature = "phase-timing"))]
#[inline(always)]
pub fn request_done() {}

#[cfg(feature = "phase-timing")]
pub use timed::{request_done, Span};

#[cfg(feature = "phase-timing")]
mod timed {
    use super::{Slot, NAMES};
    use proxy_wasm::hostcalls;
    use proxy_wasm::types::MetricType;
    use std::cell::RefCell;

    struct Sums {
        ns: [u64; NAMES.len()],
        /// Counter ids: one per slot, then requests.
        ids: Option<Vec<u32>>,
    }

    thread_local! {
        static SUMS: RefCell<Sums> = const { RefCell::new(Sums { ns: [0; NAMES.len()], ids: None }) };
    }

    fn now_ns() -> u64 {
        hostcalls::get_current_time()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| u64::try_from(d.as_nanos()).unwrap_or(0))
    }

    pub struct Span {
        slot: Slot,
        started: u64,
    }

    impl Span {
        pub fn start(slot: Slot) -> Span {
            Span {
                slot,
                started: now_ns(),
            }
        }
    }

    impl Drop for Span {
        fn drop(&mut self) {
            let elapsed = now_ns().saturating_sub(self.started);
            SUMS.with(|s| {
                if let Ok(mut s) = s.try_borrow_mut() {
                    if let Some(sum) = s.ns.get_mut(self.slot as usize) {
                        *sum += elapsed;
                    }
                }
            });
        }
    }

    pub fn request_done() {
        SUMS.with(|s| {
            let Ok(mut s) = s.try_borrow_mut() else {
                return;
            };
            if s.ids.is_none() {
                let names = NAMES
                    .iter()
                    .map(|n| format!("llm_timing_{n}_ns"))
                    .chain(["llm_timing_requests".to_string()]);
                let ids = names
                    .map(|n| hostcalls::define_metric(MetricType::Counter, &n).unwrap_or(0))
                    .collect();
                s.ids = Some(ids);
            }
            let sums = std::mem::replace(&mut s.ns, [0; NAMES.len()]);
            if let Some(ids) = &s.ids {
                for (id, ns) in ids.iter().zip(sums.iter().chain([&1])) {
                    let _ = hostcalls::increment_metric(*id, i64::try_from(*ns).unwrap_or(0));
                }
            }
        });
    }
}

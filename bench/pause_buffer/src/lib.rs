//! The floor for any body-based wasm router: pause the headers, buffer the body to the end, read
//! it once, set a fixed routing header. No parsing, no policy. Same build profile as the plugin.
//!
//! With a configuration `<hostcall>:<n>` it also makes that hostcall `n` extra times per request,
//! so `make bench`'s `pause_buffer+<hostcall>` variants price one hostcall inside Envoy (see
//! `bench/envoy_bench.py`, `HOSTCALL_PROBES`).

use proxy_wasm::hostcalls;
use proxy_wasm::traits::{Context, HttpContext, RootContext};
use proxy_wasm::types::{Action, BufferType, ContextType, LogLevel, MapType, MetricType};
use std::rc::Rc;

proxy_wasm::main! {{
    proxy_wasm::set_log_level(LogLevel::Warn);
    proxy_wasm::set_root_context(|_| -> Box<dyn RootContext> { Box::new(Root { probe: Rc::new(Probe::None) }) });
}}

/// Extra hostcalls made per request (a cost probe); `None` is the plain floor.
#[derive(Clone, Copy)]
enum Probe {
    None,
    GetHeaders(u32),
    GetHeader(u32),
    SetHeader(u32),
    RemoveAbsentHeader(u32),
    GetBody(u32),
    SetBody(u32),
    SetProperty(u32),
    GetProperty(u32),
    Metric(u32, u32),
    Time(u32),
    GetResponseHeader(u32),
    SetResponseHeader(u32),
    /// Pure computation, no hostcall: FNV-1a over the body `n` times (wasm speed in Envoy's V8).
    Hash(u32),
    /// The naive router the performance issue prices: parse the body into a `serde_json::Value`
    /// `n` times and read `model` (the cluster header is the floor's fixed one).
    Naive(u32),
}

struct Root {
    probe: Rc<Probe>,
}
impl Context for Root {}
impl RootContext for Root {
    fn on_configure(&mut self, size: usize) -> bool {
        let config = hostcalls::get_buffer(BufferType::PluginConfiguration, 0, size).ok().flatten().unwrap_or_default();
        let config = String::from_utf8(config).unwrap_or_default();
        let (name, n) = config.split_once(':').unwrap_or((config.as_str(), "0"));
        let n: u32 = n.parse().unwrap_or(0);
        self.probe = Rc::new(match name {
            "get_headers" => Probe::GetHeaders(n),
            "get_header" => Probe::GetHeader(n),
            "set_header" => Probe::SetHeader(n),
            "remove_absent_header" => Probe::RemoveAbsentHeader(n),
            "get_body" => Probe::GetBody(n),
            "set_body" => Probe::SetBody(n),
            "set_property" => Probe::SetProperty(n),
            "get_property" => Probe::GetProperty(n),
            "metric" => match hostcalls::define_metric(MetricType::Counter, "bench_probe") {
                Ok(id) => Probe::Metric(id, n),
                Err(_) => return false,
            },
            "time" => Probe::Time(n),
            "get_response_header" => Probe::GetResponseHeader(n),
            "set_response_header" => Probe::SetResponseHeader(n),
            "hash" => Probe::Hash(n),
            "naive" => Probe::Naive(n),
            _ => Probe::None,
        });
        true
    }
    fn create_http_context(&self, _id: u32) -> Option<Box<dyn HttpContext>> {
        Some(Box::new(Filter { probe: *self.probe }))
    }
    fn get_type(&self) -> Option<ContextType> {
        Some(ContextType::HttpContext)
    }
}

struct Filter {
    probe: Probe,
}
impl Context for Filter {}
impl HttpContext for Filter {
    fn on_http_request_headers(&mut self, _n: usize, end_of_stream: bool) -> Action {
        let _ = hostcalls::set_map_value(MapType::HttpRequestHeaders, "x-llm-cluster", None);
        if end_of_stream {
            let _ = hostcalls::set_map_value(MapType::HttpRequestHeaders, "x-llm-cluster", Some("bench_upstream"));
            return Action::Continue;
        }
        Action::Pause
    }
    fn on_http_request_body(&mut self, size: usize, end_of_stream: bool) -> Action {
        if !end_of_stream {
            return Action::Pause;
        }
        let body = hostcalls::get_buffer(BufferType::HttpRequestBody, 0, size).ok().flatten().unwrap_or_default();
        std::hint::black_box(&body);
        request_probe(self.probe, &body);
        let _ = hostcalls::set_map_value(MapType::HttpRequestHeaders, "x-llm-cluster", Some("bench_upstream"));
        Action::Continue
    }
    fn on_http_response_headers(&mut self, _n: usize, _end_of_stream: bool) -> Action {
        match self.probe {
            Probe::GetResponseHeader(n) => (0..n).for_each(|_| {
                std::hint::black_box(hostcalls::get_map_value(MapType::HttpResponseHeaders, ":status").ok());
            }),
            Probe::SetResponseHeader(n) => (0..n).for_each(|_| {
                let _ = hostcalls::set_map_value(MapType::HttpResponseHeaders, "x-bench-probe", Some("value"));
            }),
            _ => {}
        }
        Action::Continue
    }
}

fn request_probe(probe: Probe, body: &[u8]) {
    let headers = MapType::HttpRequestHeaders;
    match probe {
        Probe::GetHeaders(n) => (0..n).for_each(|_| {
            std::hint::black_box(hostcalls::get_map(headers).ok());
        }),
        Probe::GetHeader(n) => (0..n).for_each(|_| {
            std::hint::black_box(hostcalls::get_map_value(headers, "authorization").ok());
        }),
        Probe::SetHeader(n) => (0..n).for_each(|_| {
            let _ = hostcalls::set_map_value(headers, "x-bench-probe", Some("value"));
        }),
        Probe::RemoveAbsentHeader(n) => (0..n).for_each(|_| {
            let _ = hostcalls::set_map_value(headers, "x-bench-absent", None);
        }),
        Probe::GetBody(n) => (0..n).for_each(|_| {
            std::hint::black_box(hostcalls::get_buffer(BufferType::HttpRequestBody, 0, body.len()).ok());
        }),
        Probe::SetBody(n) => (0..n).for_each(|_| {
            let _ = hostcalls::set_buffer(BufferType::HttpRequestBody, 0, body.len(), body);
        }),
        Probe::SetProperty(n) => (0..n).for_each(|i| {
            // A new key each time: the plugin writes its note once per request.
            let key = format!("bench_probe{i}");
            let _ = hostcalls::set_property(vec![&key], Some(b"workspace=ws-1 key=k provider=p model=m"));
        }),
        Probe::GetProperty(n) => (0..n).for_each(|_| {
            std::hint::black_box(hostcalls::get_property(vec!["xds", "route_name"]).ok());
        }),
        Probe::Metric(id, n) => (0..n).for_each(|_| {
            let _ = hostcalls::increment_metric(id, 1);
        }),
        Probe::Time(n) => (0..n).for_each(|_| {
            std::hint::black_box(hostcalls::get_current_time().ok());
        }),
        Probe::Hash(n) => (0..n).for_each(|_| {
            std::hint::black_box(fnv1a(std::hint::black_box(body)));
        }),
        Probe::Naive(n) => (0..n).for_each(|_| {
            let model = serde_json::from_slice::<serde_json::Value>(body)
                .ok()
                .and_then(|v| v.get("model").and_then(|m| m.as_str().map(str::to_owned)));
            std::hint::black_box(model);
        }),
        _ => {}
    }
}

/// FNV-1a: one multiply per byte, a serial chain the compiler cannot vectorise.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3))
}

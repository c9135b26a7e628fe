//! The floor for any body-based wasm router: pause the headers, buffer the body to the end, read
//! it once, set a fixed routing header. No parsing, no policy. Same build profile as the plugin.

use proxy_wasm::hostcalls;
use proxy_wasm::traits::{Context, HttpContext, RootContext};
use proxy_wasm::types::{Action, BufferType, ContextType, LogLevel, MapType};

proxy_wasm::main! {{
    proxy_wasm::set_log_level(LogLevel::Warn);
    proxy_wasm::set_root_context(|_| -> Box<dyn RootContext> { Box::new(Root) });
}}

struct Root;
impl Context for Root {}
impl RootContext for Root {
    fn create_http_context(&self, _id: u32) -> Option<Box<dyn HttpContext>> {
        Some(Box::new(Filter))
    }
    fn get_type(&self) -> Option<ContextType> {
        Some(ContextType::HttpContext)
    }
}

struct Filter;
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
        let _ = hostcalls::set_map_value(MapType::HttpRequestHeaders, "x-llm-cluster", Some("bench_upstream"));
        Action::Continue
    }
}

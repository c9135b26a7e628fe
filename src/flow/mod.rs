//! The per-request state machine: Envoy's callbacks in, decisions out, through a small `Host`
//! trait so the whole flow runs natively against `fake_host` in tests. Rules it enforces:
//! strip gateway-owned headers first (an LLM request's key header, sent once, waits for the
//! provider credential to overwrite it or for the route or refusal to remove it); pause headers
//! while a body is coming (the route is only known after the body); refuse by local reply and
//! then pause; nothing unparsed goes upstream.

pub mod host;
mod key_info;
pub mod response;
pub mod spend;

#[cfg(test)]
mod fake_host;
#[cfg(test)]
mod profile;
#[cfg(test)]
mod spend_tests;
#[cfg(test)]
mod tests;

use crate::config::CompiledPolicy;
use crate::errors::{ApiError, ErrorType};
use crate::headers::{self, bearer_token};
use crate::identity::{Caller, Presented};
use crate::request::{Api, LlmRequest};
use crate::routing::{self, rng::Rng};
use crate::upstream;
pub use host::{Host, HostError};
use std::sync::Arc;

/// What the callback tells Envoy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Next {
    Continue,
    Pause,
}

/// What the path asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Target {
    Llm(Api),
    ListModels,
    KeyInfo,
    Passthrough { cluster: String, authenticate: bool },
    Unknown,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum State {
    Start,
    /// Buffering the body of an LLM request (the caller is in `Flow::caller`).
    Buffering {
        api: Api,
    },
    /// Routed and ready, waiting for the budget store before going upstream.
    Reserving {
        provider: String,
        model: String,
    },
    /// Sent upstream; `served` is what we told the caller served it.
    Forwarded {
        provider: String,
        model: String,
    },
    /// `GET /v1/key` waiting for the budget store.
    KeyInfo {
        token: u32,
        now_ms: u64,
    },
    /// Passed through to a fixed cluster.
    Passthrough,
    /// The plugin answered itself.
    Replied,
}

/// Filter-state key of the per-request note for the access log: `%FILTER_STATE(wasm.llm_route:PLAIN)%`.
pub const ROUTE_NOTE: &str = "llm_route";

/// One request's flow.
pub struct Flow {
    policy: Arc<CompiledPolicy>,
    state: State,
    /// The identified caller of an LLM request, for the access-log note.
    caller: Option<Caller>,
    /// Request body bytes buffered so far, as the last body callback reported them.
    buffered: usize,
    /// Which of `headers::CALLER_KEY_HEADERS` an LLM request's caller sent exactly once, left in
    /// place until the body is routed: the provider credential then overwrites its header in the
    /// host call that sets it, and the rest are removed (one host call fewer per request). Every
    /// other path removes them with the headers, before anything else.
    keys_left: [bool; 2],
    /// The provider whose credential is on the request, taken off again if it is then refused (a
    /// budget after routing): Envoy's access log may read the request's headers.
    credential_of: Option<crate::catalog::ProviderId>,
    response: response::ResponseShaping,
    /// The request's money once admitted.
    ticket: Option<spend::Ticket>,
    /// A budget reservation waiting for the store's replies.
    pending: Option<spend::Pending>,
    /// Guardrail actions taken (`redact:email,flag:prompt_injection`), for the response header.
    guardrails: Option<String>,
    /// Response DLP applies: a non-streaming answer is held until complete.
    scan_response: bool,
    /// The response is being held for scanning.
    holding: bool,
    /// Response DLP over a streamed chat answer.
    stream_redactor: Option<crate::guard::stream::StreamRedactor>,
}

impl Flow {
    pub fn new(policy: Arc<CompiledPolicy>) -> Self {
        Flow {
            policy,
            state: State::Start,
            caller: None,
            buffered: 0,
            keys_left: [false; 2],
            credential_of: None,
            response: response::ResponseShaping::default(),
            ticket: None,
            pending: None,
            guardrails: None,
            scan_response: false,
            holding: false,
            stream_redactor: None,
        }
    }

    pub fn on_request_headers(&mut self, host: &mut dyn Host, end_of_stream: bool) -> Next {
        match self.request_headers(host, end_of_stream) {
            Ok(next) => next,
            Err(error) => self.reply_error(host, &error),
        }
    }

    pub fn on_request_body(
        &mut self,
        host: &mut dyn Host,
        body_size: usize,
        end_of_stream: bool,
        rng: &mut Rng,
    ) -> Next {
        self.buffered = body_size;
        let api = match self.state {
            State::Buffering { api } => api,
            State::Passthrough | State::Forwarded { .. } => return Next::Continue,
            // Nothing may pass after a local reply or before the budget store answered.
            State::Start | State::Replied | State::Reserving { .. } | State::KeyInfo { .. } => {
                return Next::Pause
            }
        };
        if body_size as u64 > self.policy.max_body_bytes {
            return self.reply_error(host, &too_large(self.policy.max_body_bytes));
        }
        if !end_of_stream {
            return Next::Pause;
        }
        match self.route_body(host, api, body_size, rng) {
            Ok(next) => next,
            Err(error) => self.reply_error(host, &error),
        }
    }

    /// Trailers end the body (HTTP/2 with trailers never sends an end-of-stream body callback).
    pub fn on_request_trailers(&mut self, host: &mut dyn Host, rng: &mut Rng) -> Next {
        match self.state {
            State::Buffering { .. } => self.on_request_body(host, self.buffered, true, rng),
            _ => Next::Continue,
        }
    }

    pub fn on_response_headers(&mut self, host: &mut dyn Host, end_of_stream: bool) -> Next {
        let served = match &self.state {
            State::Forwarded { provider, model } => Some((provider.as_str(), model.as_str())),
            State::Buffering { .. } | State::Start | State::Reserving { .. } => None,
            State::Passthrough | State::Replied | State::KeyInfo { .. } => return Next::Continue,
        };
        let status = host
            .response_header(":status")
            .and_then(|s| s.parse::<u16>().ok())
            .unwrap_or(0);
        let next = self
            .response
            .on_headers(host, end_of_stream, served, status);
        if let Some(summary) = &self.guardrails {
            let _ = host.set_response_header(headers::RESPONSE_GUARDRAILS, Some(summary));
        }
        if let Some(ticket) = self.ticket.as_mut() {
            ticket.on_response_headers(host, status);
            if end_of_stream {
                ticket.settle(host);
            }
        }
        // Only a request with response DLP pays for the content-type read.
        let hold = self.scan_response
            && status == 200
            && !end_of_stream
            && next == Next::Continue
            && host
                .response_header(headers::CONTENT_TYPE)
                .is_some_and(|ct| ct.contains("json"));
        if hold {
            // Hold the answer (headers too, so it can still be refused) until it is complete.
            self.holding = true;
            return Next::Pause;
        }
        next
    }

    /// A held response is complete: scan it, then redact, refuse or release it.
    fn release_held(&mut self, host: &mut dyn Host, body_size: usize) -> Next {
        self.holding = false;
        let body = match host.response_body(body_size) {
            Ok(body) => body,
            Err(_) => return Next::Continue,
        };
        if let Some(ticket) = self.ticket.as_mut() {
            ticket.on_whole_body(host, &body);
        }
        let Some(guard) = workspace_guard(&self.policy, self.caller.as_ref()) else {
            return Next::Continue;
        };
        match crate::guard::inspect::inspect_response(guard, &body) {
            Err(error) => self.reply_error(host, &error),
            Ok(verdict) => {
                if !verdict.edits.is_empty() {
                    if let Ok(new_body) =
                        crate::patch::Patch::from_edits(&verdict.edits).apply(&body)
                    {
                        if host.replace_response_body(body_size, &new_body).is_ok() {
                            let _ = host.set_response_header(
                                headers::CONTENT_LENGTH,
                                Some(&new_body.len().to_string()),
                            );
                        }
                    }
                }
                let summary = verdict.summary();
                if !summary.is_empty() {
                    let all = match &self.guardrails {
                        Some(request) => format!("{request},response:{summary}"),
                        None => format!("response:{summary}"),
                    };
                    let _ = host.set_response_header(headers::RESPONSE_GUARDRAILS, Some(&all));
                }
                Next::Continue
            }
        }
    }

    pub fn on_response_body(
        &mut self,
        host: &mut dyn Host,
        body_size: usize,
        end_of_stream: bool,
    ) -> Next {
        if self.holding {
            return if end_of_stream {
                self.release_held(host, body_size)
            } else {
                Next::Pause
            };
        }
        if let Some(ticket) = self.ticket.as_mut() {
            if self.response.is_replacing() {
                // Envoy's own error reply is being replaced: nothing from a provider to meter.
                if end_of_stream {
                    ticket.settle(host);
                }
            } else {
                // The guard is looked up only for a stream being redacted, not per chunk of every response.
                let guard = self
                    .stream_redactor
                    .as_ref()
                    .and_then(|_| workspace_guard(&self.policy, self.caller.as_ref()));
                match (self.stream_redactor.as_mut(), guard) {
                    (Some(redactor), Some(guard)) => {
                        ticket.on_response_body(
                            host,
                            body_size,
                            end_of_stream,
                            &mut |data: &str| redactor.rewrite(guard, data),
                        );
                        if end_of_stream {
                            if let Some(caller) = &self.caller {
                                let n = redactor.redacted.len() as u64;
                                host.count(crate::guard::METRIC_REDACTED, &caller.workspace, n);
                            }
                        }
                    }
                    _ => {
                        ticket.on_response_body(host, body_size, end_of_stream, &mut |_: &str| None)
                    }
                }
            }
        }
        self.response.on_body(host, body_size, end_of_stream)
    }

    /// A side-call reply (the budget store).
    pub fn on_call_response(
        &mut self,
        host: &mut dyn Host,
        token: u32,
        status: Option<u16>,
        body: &[u8],
    ) {
        match &self.state {
            State::Reserving { provider, model } => {
                let served = State::Forwarded {
                    provider: provider.clone(),
                    model: model.clone(),
                };
                let Some(pending) = self.pending.as_mut() else {
                    return;
                };
                if !pending.on_reply(token, status, body) || !pending.complete() {
                    return;
                }
                let Some(pending) = self.pending.take() else {
                    return;
                };
                match spend::finish_remote(&self.policy, host, pending) {
                    Ok(ticket) => {
                        self.ticket = Some(ticket);
                        self.state = served;
                        if host.resume_request().is_err() {
                            log::error!("could not resume a request after its reservation");
                        }
                    }
                    Err(error) => {
                        self.reply_error(host, &error);
                    }
                }
            }
            State::KeyInfo {
                token: expected,
                now_ms,
            } if *expected == token => {
                let result = self.key_info_from_store(*now_ms, status, body);
                self.reply(host, result);
            }
            _ => {}
        }
    }

    /// The stream is over (Envoy's `on_log`): charge a request that ended without a complete
    /// response (client abort, upstream reset) by estimate.
    pub fn on_done(&mut self, host: &mut dyn Host) {
        if let Some(ticket) = self.ticket.as_mut() {
            ticket.settle(host);
        }
    }

    fn request_headers(
        &mut self,
        host: &mut dyn Host,
        end_of_stream: bool,
    ) -> Result<Next, ApiError> {
        let all = host.request_headers()?;
        let get = |name: &str| {
            all.iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(name))
                .map(|(_, v)| v.as_str())
        };
        // Read what identifies the caller, then drop every header the plugin owns, before anything else.
        let api_key = get(headers::AUTHORIZATION)
            .and_then(bearer_token)
            .or_else(|| get(headers::API_KEY));
        let workspace_header = self
            .policy
            .identity
            .workspace_header
            .as_deref()
            .and_then(get);
        let method = get(":method").unwrap_or("");
        let path = get(":path").unwrap_or("");
        let target = self.classify(path);
        let sent_once = |name: &str| {
            all.iter()
                .filter(|(k, _)| k.eq_ignore_ascii_case(name))
                .count()
                == 1
        };
        if matches!(target, Target::Llm(_)) {
            self.keys_left = headers::CALLER_KEY_HEADERS.map(sent_once);
        }
        let left = |name: &str| {
            headers::CALLER_KEY_HEADERS
                .iter()
                .zip(self.keys_left)
                .any(|(key, left)| left && name.eq_ignore_ascii_case(key))
        };
        for (name, _) in all
            .iter()
            .filter(|(k, _)| headers::is_owned_request_header(k, &self.policy.cluster_header))
            .filter(|(k, _)| !left(k))
        {
            host.set_request_header(name, None)?;
        }
        // Removing a header is a host call: only when the caller sent it.
        if let Some(name) = self.policy.identity.workspace_header.as_deref() {
            if get(name).is_some() {
                host.set_request_header(name, None)?;
            }
        }
        let presented = Presented {
            api_key,
            workspace_header,
        };
        match target {
            Target::Unknown => Err(ApiError::new(
                404,
                ErrorType::NotFoundError,
                "unknown_endpoint",
                "this gateway serves the OpenAI API paths only",
            )),
            Target::Passthrough {
                cluster,
                authenticate,
            } => {
                if authenticate {
                    self.identify(presented)?;
                }
                host.set_request_header(&self.policy.cluster_header, Some(&cluster))?;
                self.state = State::Passthrough;
                Ok(Next::Continue)
            }
            Target::ListModels => {
                let caller = self.identify(presented)?;
                if method != "GET" {
                    return Err(method_not_allowed("GET"));
                }
                let body = crate::models_list::list_models(&self.policy, &caller.workspace);
                self.state = State::Replied;
                host.send_response(200, &[(headers::CONTENT_TYPE, "application/json")], &body)?;
                Ok(Next::Pause)
            }
            Target::KeyInfo => {
                let caller = self.identify(presented)?;
                if method != "GET" {
                    return Err(method_not_allowed("GET"));
                }
                self.caller = Some(caller);
                // `None`: waiting for the budget store, which replies from the callback.
                if let Some(body) = self.key_info(host)? {
                    self.state = State::Replied;
                    host.send_response(200, &[(headers::CONTENT_TYPE, "application/json")], &body)?;
                }
                Ok(Next::Pause)
            }
            Target::Llm(api) => {
                self.caller = Some(self.identify(presented)?);
                if method != "POST" {
                    return Err(method_not_allowed("POST"));
                }
                check_body_headers(get(headers::CONTENT_TYPE), get(headers::CONTENT_ENCODING))?;
                if let Some(length) =
                    get(headers::CONTENT_LENGTH).and_then(|v| v.trim().parse::<u64>().ok())
                {
                    if length > self.policy.max_body_bytes {
                        return Err(too_large(self.policy.max_body_bytes));
                    }
                }
                if end_of_stream {
                    return Err(ApiError::bad_request(
                        "missing_body",
                        "this endpoint needs a JSON request body",
                    ));
                }
                self.state = State::Buffering { api };
                Ok(Next::Pause)
            }
        }
    }

    fn route_body(
        &mut self,
        host: &mut dyn Host,
        api: Api,
        body_size: usize,
        rng: &mut Rng,
    ) -> Result<Next, ApiError> {
        let caller = self.caller.as_ref().ok_or_else(ApiError::internal)?;
        let body = host.request_body(body_size)?;
        let request = LlmRequest::parse(api, &body)?;
        // Guardrails before routing: a blocked request never reaches the decision or a budget.
        let guard = self.policy.guards.get(&caller.workspace);
        let verdict = match guard {
            Some(guard) => crate::guard::inspect::inspect(guard, api, &request.top, &body)?,
            None => crate::guard::inspect::Verdict::default(),
        };
        let decision = routing::decide(&self.policy, &caller.workspace, &request, rng)?;
        let chosen = decision.chosen().ok_or_else(ApiError::internal)?;
        let attempt = upstream::prepare_with(
            &self.policy.catalog,
            chosen.endpoint,
            &body,
            &request,
            &verdict.edits,
        )?;
        if let Some(new_body) = &attempt.body {
            host.replace_request_body(body_size, new_body)?;
            host.set_request_header(headers::CONTENT_LENGTH, Some(&new_body.len().to_string()))?;
        }
        // The caller's key headers go before the credential is set: it may take one's place.
        let credential_header = attempt.credential.map(|c| c.header.as_str());
        drop_caller_keys(host, &mut self.keys_left, credential_header)?;
        if let Some(credential) = attempt.credential {
            host.set_request_header(&credential.header, Some(credential.value.expose()))?;
            let endpoint = self.policy.catalog.endpoints.get(chosen.endpoint.0);
            self.credential_of = endpoint.map(|ep| ep.provider);
        }
        // Setting the routing header through the host clears Envoy's route cache.
        host.set_request_header(&self.policy.cluster_header, Some(attempt.cluster))?;
        // Everything is in place but still paused: the budget decides whether it goes.
        let price = self
            .policy
            .catalog
            .endpoints
            .get(chosen.endpoint.0)
            .map(|ep| ep.price)
            .ok_or_else(ApiError::internal)?;
        let hide_usage = attempt.injected_stream_usage && self.policy.spend.hide_injected_usage;
        let admission = spend::admit(
            &self.policy,
            host,
            caller,
            &request,
            &decision,
            price,
            hide_usage,
        )?;
        // One filter-state write per request, when it settles (four writes cost ~30 µs of Envoy
        // CPU in session 2's `make bench`; one costs ~1.5 µs by `make bench-hostcalls`); the route
        // is known now, the cost then.
        let guardrails = verdict.summary();
        if !guardrails.is_empty() {
            host.count(
                crate::guard::METRIC_REDACTED,
                &caller.workspace,
                verdict.redacted.len() as u64,
            );
            host.count(
                crate::guard::METRIC_FLAGGED,
                &caller.workspace,
                verdict.flagged.len() as u64,
            );
        }
        let note = self.policy.access_log_note.then(|| {
            // Appended, not `format!`ed: see `push_decimal`.
            let mut note = String::with_capacity(128);
            for (label, value) in [
                ("workspace=", caller.workspace.as_str()),
                (" key=", caller.key_name.as_str()),
                (" provider=", attempt.provider),
                (" model=", attempt.model),
            ] {
                note.push_str(label);
                note.push_str(value);
            }
            if !guardrails.is_empty() {
                note.push_str(" guardrails=");
                note.push_str(&guardrails);
            }
            note
        });
        self.guardrails = (!guardrails.is_empty()).then_some(guardrails);
        let response_dlp = guard.is_some_and(|g| g.dlp_responses);
        self.scan_response = response_dlp && !request.stream;
        if response_dlp && request.stream {
            self.stream_redactor = Some(crate::guard::stream::StreamRedactor::default());
        }
        let provider = attempt.provider.to_string();
        let model = attempt.model.to_string();
        match admission {
            spend::Admission::Admitted(mut ticket) => {
                ticket.note = note;
                ticket.redact_stream = self.stream_redactor.is_some();
                self.ticket = Some(ticket);
                self.state = State::Forwarded { provider, model };
                Ok(Next::Continue)
            }
            spend::Admission::Waiting(mut pending) => {
                pending.ticket.note = note;
                pending.ticket.redact_stream = self.stream_redactor.is_some();
                self.pending = Some(pending);
                self.state = State::Reserving { provider, model };
                Ok(Next::Pause)
            }
        }
    }

    fn classify(&self, path: &str) -> Target {
        let path = path.split('?').next().unwrap_or(path);
        for base in &self.policy.base_paths {
            if let Some(suffix) = path.strip_prefix(base.as_str()) {
                if let Some(api) = Api::from_suffix(suffix) {
                    return Target::Llm(api);
                }
                if suffix == "/models" {
                    return Target::ListModels;
                }
                if suffix == "/key" {
                    return Target::KeyInfo;
                }
            }
        }
        self.policy
            .passthrough
            .iter()
            .find(|p| p.matches(path))
            .map_or(Target::Unknown, |p| Target::Passthrough {
                cluster: p.cluster.clone(),
                authenticate: p.authenticate,
            })
    }

    fn identify(&self, presented: Presented<'_>) -> Result<Caller, ApiError> {
        let is_workspace = |w: &str| self.policy.workspaces.contains_key(w);
        self.policy.identity.identify(presented, &is_workspace)
    }

    fn reply_error(&mut self, host: &mut dyn Host, error: &ApiError) -> Next {
        self.state = State::Replied;
        // Not forwarded, but Envoy's access log may read the request's headers.
        let _ = drop_caller_keys(host, &mut self.keys_left, None);
        let credential = self
            .credential_of
            .take()
            .and_then(|p| self.policy.catalog.providers.get(p.0))
            .and_then(|p| p.credential.as_ref());
        if let Some(credential) = credential {
            let _ = host.set_request_header(&credential.header, None);
        }
        let metric = match error.code {
            "budget_exceeded" => Some(crate::spend::METRIC_BUDGET_REFUSED),
            "rate_limit_exceeded" => Some(crate::spend::METRIC_RATE_LIMITED),
            "guardrail_dlp" | "guardrail_prompt_injection" => Some(crate::guard::METRIC_BLOCKED),
            _ => None,
        };
        if let (Some(metric), Some(caller)) = (metric, self.caller.as_ref()) {
            host.count(metric, &caller.workspace, 1);
        }
        if let Some(caller) = self.caller.as_ref().filter(|_| self.policy.access_log_note) {
            host.set_filter_state(
                ROUTE_NOTE,
                &format!(
                    "workspace={} key={} refused={}",
                    caller.workspace, caller.key_name, error.code
                ),
            );
        }
        let mut reply_headers = vec![(headers::CONTENT_TYPE, "application/json")];
        reply_headers.extend(
            error
                .headers
                .iter()
                .map(|(name, value)| (*name, value.as_str())),
        );
        if host
            .send_response(error.status, &reply_headers, &error.to_json())
            .is_err()
        {
            log::error!("could not send the {} reply", error.code);
        }
        Next::Pause
    }
}

/// Removes the caller's key headers left in place (`Flow::keys_left`) but `kept`, which the
/// provider credential is about to overwrite.
fn drop_caller_keys(
    host: &mut dyn Host,
    keys_left: &mut [bool; 2],
    kept: Option<&str>,
) -> Result<(), HostError> {
    for (name, left) in headers::CALLER_KEY_HEADERS
        .iter()
        .zip(std::mem::take(keys_left))
    {
        if left && !kept.is_some_and(|k| k.eq_ignore_ascii_case(name)) {
            host.set_request_header(name, None)?;
        }
    }
    Ok(())
}

/// The guardrails of the caller's workspace, if it has any.
fn workspace_guard<'p>(
    policy: &'p CompiledPolicy,
    caller: Option<&Caller>,
) -> Option<&'p crate::guard::policy::GuardPolicy> {
    caller.and_then(|c| policy.guards.get(&c.workspace))
}

fn check_body_headers(
    content_type: Option<&str>,
    content_encoding: Option<&str>,
) -> Result<(), ApiError> {
    if content_encoding.is_some_and(|e| !e.trim().eq_ignore_ascii_case("identity")) {
        return Err(ApiError::new(
            415,
            ErrorType::InvalidRequestError,
            "unsupported_content_encoding",
            "send the request body without content-encoding",
        ));
    }
    let is_json = content_type.is_some_and(|ct| {
        let media = ct.split(';').next().unwrap_or("").trim();
        media.eq_ignore_ascii_case("application/json")
    });
    if !is_json {
        return Err(ApiError::new(
            415,
            ErrorType::InvalidRequestError,
            "unsupported_media_type",
            "the request body must be `content-type: application/json`",
        ));
    }
    Ok(())
}

fn too_large(limit: u64) -> ApiError {
    ApiError::new(
        413,
        ErrorType::InvalidRequestError,
        "request_too_large",
        format!("the request body exceeds the gateway limit of {limit} bytes"),
    )
}

fn method_not_allowed(allowed: &'static str) -> ApiError {
    ApiError::new(
        405,
        ErrorType::InvalidRequestError,
        "method_not_allowed",
        format!("use {allowed} for this path"),
    )
    .with_header("allow", allowed)
}

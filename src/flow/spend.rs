//! A request's money, as the flow sees it: admission (rate limits, then a reservation of the
//! worst case against every budget that applies, in local shared data or in Redis), the response
//! meter, and settlement with the actual cost. The decision of what to reserve and what a
//! response cost is pure (`crate::spend`); this file only sequences it against the `Host`.

use super::Host;
use crate::catalog::price::Price;
use crate::config::CompiledPolicy;
use crate::errors::{ApiError, ErrorType};
use crate::identity::Caller;
use crate::request::LlmRequest;
use crate::routing::Decision;
use crate::spend::lease_id::LeaseId;
use crate::spend::ledger::{self, Lease, Reservation};
use crate::spend::meter::Meter;
use crate::spend::money::{cost, push_decimal, MicroUsd};
use crate::spend::outbox::Job;
use crate::spend::period::{rfc3339, window, Reset, Window};
use crate::spend::reserve::{worst_case_over, WorstCase};
use crate::spend::shared::StoreError;
use crate::spend::usage::Usage;
use crate::spend::webdis::{integer_reply, lease_member, Webdis};
use crate::spend::{
    ledger_key, rate, rate_key, ScopedBudget, Store, METRIC_ESTIMATED, METRIC_SPENT,
};
use serde_json::json;

/// Budget held for one scope.
#[derive(Debug, Clone)]
pub struct Hold {
    pub scope: ScopedBudget,
    pub window: Window,
    /// Ledger key (local) or counter key (Redis).
    pub key: String,
    pub committed_before: MicroUsd,
}

/// Everything needed to charge the request when it ends.
#[derive(Debug)]
pub struct Ticket {
    price: Price,
    pub worst: WorstCase,
    /// Prompt tokens charged when the response reports no usage (≈ 4 bytes of text per token).
    prompt_estimate: u64,
    lease_id: LeaseId,
    pub holds: Vec<Hold>,
    /// The holds live in Redis (else in this process's shared data).
    remote: bool,
    rate_key: Option<String>,
    workspace: String,
    /// The request asked for a stream.
    stream: bool,
    hide_usage: bool,
    meter: Option<Meter>,
    status: u16,
    settled: bool,
    /// The access-log note's route part; the cost is appended when the request settles.
    pub note: Option<String>,
    /// Stream events will be rewritten by response guardrails.
    pub redact_stream: bool,
}

/// A Redis reservation in flight: one `INCRBY` per hold.
#[derive(Debug)]
pub struct Pending {
    pub ticket: Ticket,
    /// Side-call token of each hold's `INCRBY`, and its reply once in (`Some(None)` = failed).
    calls: Vec<(u32, Option<Option<i64>>)>,
}

pub enum Admission {
    Admitted(Ticket),
    Waiting(Pending),
}

/// Admits or refuses a routed request: rate limits, then budgets.
pub fn admit(
    policy: &CompiledPolicy,
    host: &mut dyn Host,
    caller: &Caller,
    request: &LlmRequest<'_>,
    decision: &Decision,
    price: Price,
    hide_usage: bool,
) -> Result<Admission, ApiError> {
    let spend = &policy.spend;
    let rate_limit = spend.rate_for(caller);
    let budgets = spend.budgets_for(caller);
    // Reading the clock is a host call: only when a rate limit or a budget needs it.
    let now_ms = if rate_limit.is_some() || !budgets.is_empty() {
        host.now_ms()
    } else {
        0
    };
    if let Some(limit) = rate_limit {
        let key = rate_key(&caller.key_name);
        match rate::admit(host.shared(), &key, limit, now_ms) {
            Ok(Ok(())) => {}
            Ok(Err(limited)) => return Err(rate_limited(limited)),
            Err(e) if !spend.fail_open => return Err(store_unavailable(e)),
            Err(_) => {}
        }
    }
    let worst = worst_case_over(&policy.catalog, request, &decision.ranked);
    let holds = holds_in(policy, budgets, now_ms);
    let lease_id = if holds.is_empty() {
        LeaseId { vm: 0, seq: 0 }
    } else {
        host.lease_id()
            .map_err(|_| store_unavailable(StoreError::Host))?
    };
    let mut ticket = Ticket {
        price,
        worst,
        prompt_estimate: request.tokens.lower.saturating_mul(2),
        lease_id,
        holds,
        remote: matches!(spend.store, Store::Redis(_)),
        rate_key: rate_limit.map(|_| rate_key(&caller.key_name)),
        workspace: caller.workspace.clone(),
        stream: request.stream,
        hide_usage,
        meter: None,
        status: 0,
        settled: false,
        note: None,
        redact_stream: false,
    };
    match &spend.store {
        Store::Redis(webdis) if !ticket.holds.is_empty() => {
            let mut calls = Vec::with_capacity(ticket.holds.len());
            for hold in &ticket.holds {
                let path = webdis.incrby(&hold.key, worst.amount.signed());
                match call(host, webdis, &path) {
                    Ok(token) => calls.push((token, None)),
                    // Not even sent: treat like a failed reply.
                    Err(_) => calls.push((0, Some(None))),
                }
            }
            let pending = Pending { ticket, calls };
            if pending.complete() {
                return finish_remote(policy, host, pending).map(Admission::Admitted);
            }
            Ok(Admission::Waiting(pending))
        }
        _ => {
            ticket.remote = false;
            reserve_local(policy, host, &mut ticket)?;
            Ok(Admission::Admitted(ticket))
        }
    }
}

/// The budgets that apply to `caller`, each in its current window, keyed for the store.
pub fn holds_for(policy: &CompiledPolicy, caller: &Caller, now_ms: u64) -> Vec<Hold> {
    holds_in(policy, policy.spend.budgets_for(caller), now_ms)
}

/// `budgets`, each in its current window, keyed for the store.
fn holds_in(policy: &CompiledPolicy, budgets: Vec<ScopedBudget>, now_ms: u64) -> Vec<Hold> {
    budgets
        .into_iter()
        .map(|scope| {
            let window = window(scope.budget.reset, now_ms / 1000);
            let key = match &policy.spend.store {
                Store::Local => ledger_key(&scope.scope),
                Store::Redis(w) => w.counter_key(&scope.scope, &window.id),
            };
            Hold {
                scope,
                window,
                key,
                committed_before: MicroUsd(0),
            }
        })
        .collect()
}

/// Reserves in this process's shared data, every hold or none.
fn reserve_local(
    policy: &CompiledPolicy,
    host: &mut dyn Host,
    ticket: &mut Ticket,
) -> Result<(), ApiError> {
    if ticket.holds.is_empty() {
        return Ok(());
    }
    let now_ms = host.now_ms();
    let lease = Lease {
        id: ticket.lease_id.seq,
        amount: ticket.worst.amount,
        expires_ms: now_ms.saturating_add(policy.spend.lease_ttl_ms),
    };
    for i in 0..ticket.holds.len() {
        let Some(hold) = ticket.holds.get_mut(i) else {
            break;
        };
        // Fail-open after a Redis failure lands here with Redis counter keys: use the local ones.
        hold.key = ledger_key(&hold.scope.scope);
        let outcome = ledger::reserve(
            host.shared(),
            &hold.key,
            &hold.window.id,
            hold.scope.budget.limit,
            lease,
            now_ms,
        );
        let refusal = match outcome {
            Ok(Reservation::Admitted { committed_before }) => {
                hold.committed_before = committed_before;
                None
            }
            Ok(Reservation::Refused { committed }) => {
                Some(budget_exceeded(hold, committed, ticket.worst.amount))
            }
            Err(e) => Some(store_unavailable(e)),
        };
        if let Some(error) = refusal {
            for earlier in ticket.holds.get(..i).unwrap_or_default() {
                let _ = ledger::settle(
                    host.shared(),
                    &earlier.key,
                    &earlier.window.id,
                    ticket.lease_id.seq,
                    MicroUsd(0),
                    now_ms,
                );
            }
            return Err(error);
        }
    }
    Ok(())
}

impl Pending {
    /// Records a side-call reply; true if it was one of ours.
    pub fn on_reply(&mut self, token: u32, status: Option<u16>, body: &[u8]) -> bool {
        let Some(slot) = self
            .calls
            .iter_mut()
            .find(|(t, r)| *t == token && r.is_none())
        else {
            return false;
        };
        slot.1 = Some(
            (status == Some(200))
                .then(|| integer_reply(body, "INCRBY"))
                .flatten(),
        );
        true
    }

    pub fn complete(&self) -> bool {
        self.calls.iter().all(|(_, r)| r.is_some())
    }
}

/// Decides a Redis reservation once every reply is in.
pub fn finish_remote(
    policy: &CompiledPolicy,
    host: &mut dyn Host,
    pending: Pending,
) -> Result<Ticket, ApiError> {
    let Pending { mut ticket, calls } = pending;
    let Store::Redis(webdis) = &policy.spend.store else {
        return Err(ApiError::internal());
    };
    let amount = ticket.worst.amount;
    let totals: Vec<Option<i64>> = calls.into_iter().map(|(_, r)| r.flatten()).collect();
    let mut refusal = None;
    for (hold, total) in ticket.holds.iter_mut().zip(&totals) {
        match total {
            Some(total) => {
                let total = MicroUsd(u64::try_from(*total).unwrap_or(0));
                hold.committed_before = total.saturating_sub(amount);
                if total > hold.scope.budget.limit && refusal.is_none() {
                    refusal = Some(budget_exceeded(hold, hold.committed_before, amount));
                }
            }
            None => {
                if refusal.is_none() {
                    refusal = Some(store_unavailable(StoreError::Host));
                }
            }
        }
    }
    let Some(error) = refusal else {
        let expires_ms = host.now_ms().saturating_add(policy.spend.lease_ttl_ms);
        for hold in &ticket.holds {
            let member = lease_member(&hold.key, amount, ticket.lease_id);
            // Sent now, reply ignored: if it is lost the reservation is only released by
            // settlement, never by the reaper (budget held, never overspent).
            let _ = call(host, webdis, &webdis.add_lease(&member, expires_ms));
        }
        return Ok(ticket);
    };
    // Undo every increment that happened: the request is not going ahead on these counters.
    for (hold, total) in ticket.holds.iter().zip(&totals) {
        if total.is_some() {
            host.queue_job(Job::Add {
                counter: hold.key.clone(),
                delta: -amount.signed(),
            });
        }
    }
    if error.code == "budget_store_unavailable" && policy.spend.fail_open {
        log::warn!("llm-policy-router: budget store unavailable; admitting against local counters");
        ticket.remote = false;
        reserve_local(policy, host, &mut ticket)?;
        return Ok(ticket);
    }
    Err(error)
}

impl Ticket {
    /// Response headers: choose how to read the body, and tell the caller what was reserved.
    pub fn on_response_headers(&mut self, host: &mut dyn Host, status: u16) {
        self.status = status;
        // Only a streaming request can get an event stream; others skip the header read.
        let event_stream = self.stream
            && host
                .response_header("content-type")
                .is_some_and(|ct| ct.trim_start().starts_with("text/event-stream"));
        let rewrite = (self.hide_usage || self.redact_stream) && event_stream && status < 400;
        if rewrite {
            // Dropping or rewriting events changes the length.
            let _ = host.set_response_header("content-length", None);
        }
        self.meter = Some(Meter::new(event_stream, rewrite));
        if !self.holds.is_empty() {
            let _ = host
                .set_response_header("x-llm-reserved-usd", Some(&self.worst.amount.to_string()));
            let remaining = self
                .holds
                .iter()
                .map(|h| {
                    h.scope
                        .budget
                        .limit
                        .saturating_sub(h.committed_before)
                        .saturating_sub(self.worst.amount)
                })
                .min()
                .unwrap_or_default();
            let _ = host
                .set_response_header("x-llm-budget-remaining-usd", Some(&remaining.to_string()));
        }
    }

    /// One response chunk: read usage, maybe rewrite the chunk; settle at the end.
    pub fn on_response_body(
        &mut self,
        host: &mut dyn Host,
        body_size: usize,
        end_of_stream: bool,
        rewrite: &mut dyn FnMut(&str) -> Option<String>,
    ) {
        let Some(meter) = self.meter.as_mut() else {
            return;
        };
        if body_size > 0 {
            if let Ok(chunk) = host.response_body(body_size) {
                if let Some(replacement) = meter.feed_with(&chunk, rewrite) {
                    let _ = host.replace_response_body(body_size, &replacement);
                }
            }
        }
        if end_of_stream {
            if let Some(rest) = meter.finish() {
                let _ = host.replace_response_body(body_size, &rest);
            }
            self.settle(host);
        }
    }

    /// Meters a complete response body in one go (a response the guardrails held back), then settles.
    pub fn on_whole_body(&mut self, host: &mut dyn Host, body: &[u8]) {
        if let Some(meter) = self.meter.as_mut() {
            let _ = meter.feed(body);
            let _ = meter.finish();
        }
        self.settle(host);
    }

    /// Charges the request once: the reported usage, else an estimate, else nothing.
    pub fn settle(&mut self, host: &mut dyn Host) {
        if std::mem::replace(&mut self.settled, true) {
            return;
        }
        let reported = self.meter.as_ref().and_then(Meter::usage);
        let (usage, estimated) = match reported {
            Some(usage) => (usage, false),
            // A provider's error answer costs nothing; Envoy's 504 means it was still working.
            None if (400..600).contains(&self.status) && self.status != 504 => {
                (Usage::default(), false)
            }
            None => (
                Usage {
                    prompt_tokens: self.prompt_estimate,
                    completion_tokens: self
                        .meter
                        .as_ref()
                        .map_or(0, Meter::estimated_completion_tokens)
                        .min(self.worst.completion_tokens),
                    ..Usage::default()
                },
                true,
            ),
        };
        let actual = cost(&usage, &self.price);
        let now_ms = if self.holds.is_empty() && self.rate_key.is_none() {
            0
        } else {
            host.now_ms()
        };
        host.count(METRIC_SPENT, &self.workspace, actual.0);
        if estimated {
            host.count(METRIC_ESTIMATED, &self.workspace, 1);
        }
        for hold in &self.holds {
            if self.remote {
                host.queue_job(Job::Settle {
                    counter: hold.key.clone(),
                    member: lease_member(&hold.key, self.worst.amount, self.lease_id),
                    amount: self.worst.amount,
                    actual,
                });
            } else if let Err(e) = ledger::settle(
                host.shared(),
                &hold.key,
                &hold.window.id,
                self.lease_id.seq,
                actual,
                now_ms,
            ) {
                log::error!(
                    "llm-policy-router: could not settle {}: {e:?}",
                    hold.scope.scope
                );
            }
        }
        if let Some(key) = &self.rate_key {
            let tokens = usage.prompt_tokens.saturating_add(usage.completion_tokens);
            let _ = rate::add_tokens(host.shared(), key, tokens, now_ms);
        }
        if let Some(route) = &self.note {
            let mut note = String::with_capacity(route.len() + 96);
            note.push_str(route);
            note.push_str(" cost_usd=");
            actual.push_to(&mut note);
            note.push_str(" prompt_tokens=");
            push_decimal(&mut note, usage.prompt_tokens, 1);
            note.push_str(" completion_tokens=");
            push_decimal(&mut note, usage.completion_tokens, 1);
            note.push_str(if estimated {
                " estimated=true"
            } else {
                " estimated=false"
            });
            host.set_filter_state(super::ROUTE_NOTE, &note);
        }
    }
}

/// One webdis request through the host.
pub fn call(host: &mut dyn Host, webdis: &Webdis, path: &str) -> Result<u32, super::HostError> {
    host.http_call(&webdis.cluster, &webdis.authority, path, webdis.timeout_ms)
}

fn reset_name(reset: Reset) -> &'static str {
    match reset {
        Reset::Daily => "daily",
        Reset::Weekly => "weekly",
        Reset::Monthly => "monthly",
        Reset::Never => "never",
    }
}

fn budget_exceeded(hold: &Hold, committed: MicroUsd, requested: MicroUsd) -> ApiError {
    let budget = hold.scope.budget;
    let resets_at = hold.window.resets_at.map(rfc3339);
    let when = resets_at
        .as_deref()
        .map_or(String::new(), |t| format!("; it resets at {t}"));
    ApiError::new(
        403,
        ErrorType::PermissionError,
        "budget_exceeded",
        format!(
            "the {} budget of {} USD ({}) cannot cover this request: {} USD spent or reserved, this request may cost up to {} USD{when}",
            hold.scope.scope,
            budget.limit,
            reset_name(budget.reset),
            committed,
            requested
        ),
    )
    .with_metadata(json!({
        "scope": hold.scope.scope,
        "limit": budget.limit.as_usd(),
        "spent": committed.as_usd(),
        "requested": requested.as_usd(),
        "reset": reset_name(budget.reset),
        "resets_at": resets_at,
    }))
}

fn rate_limited(limited: rate::Limited) -> ApiError {
    ApiError::new(
        429,
        ErrorType::RateLimitError,
        "rate_limit_exceeded",
        format!(
            "this key's limit of {} {} is reached; retry in {} s",
            limited.limit,
            limited.what.replace('_', " "),
            limited.retry_after_secs
        ),
    )
    .with_metadata(json!({"limit": limited.what, "value": limited.limit}))
    .with_header("retry-after", limited.retry_after_secs.to_string())
}

fn store_unavailable(e: StoreError) -> ApiError {
    log::error!("llm-policy-router: budget store error: {e:?}");
    budget_store_unavailable("the gateway cannot check this request's budget right now")
}

/// 503 `budget_store_unavailable` with `message`.
pub fn budget_store_unavailable(message: &str) -> ApiError {
    ApiError::new(
        503,
        ErrorType::ServerError,
        "budget_store_unavailable",
        message,
    )
}

/// Budgets of a caller with their current standing, for `GET /v1/key` and `explain`.
pub fn standing(
    hold: &Hold,
    spent: Option<MicroUsd>,
    reserved: Option<MicroUsd>,
) -> serde_json::Value {
    let budget = hold.scope.budget;
    json!({
        "scope": hold.scope.scope,
        "limit_usd": budget.limit.as_usd(),
        "spent_usd": spent.map(MicroUsd::as_usd),
        "reserved_usd": reserved.map(MicroUsd::as_usd),
        "remaining_usd": spent.map(|s| budget.limit.saturating_sub(s).saturating_sub(reserved.unwrap_or_default()).as_usd()),
        "reset": reset_name(budget.reset),
        "resets_at": hold.window.resets_at.map(rfc3339),
    })
}

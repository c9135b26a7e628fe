//! `GET /v1/key`: the caller's own limits and standing, answered by the plugin itself (OpenRouter
//! has the same endpoint). Local budgets are read from shared data at once; Redis budgets take
//! one `MGET` side call, so the reply may come from the call-response callback.

use super::spend::{budget_store_unavailable, call, holds_for, standing, Hold};
use super::{Flow, Host, State};
use crate::errors::ApiError;
use crate::headers;
use crate::spend::ledger;
use crate::spend::money::MicroUsd;
use crate::spend::webdis::list_reply;
use crate::spend::Store;
use serde_json::json;

impl Flow {
    /// The reply body now, or `None` after sending the store query.
    pub(super) fn key_info(&mut self, host: &mut dyn Host) -> Result<Option<Vec<u8>>, ApiError> {
        let caller = self.caller.as_ref().ok_or_else(ApiError::internal)?;
        let now_ms = host.now_ms();
        let holds = holds_for(&self.policy, caller, now_ms);
        match &self.policy.spend.store {
            Store::Redis(webdis) if !holds.is_empty() => {
                let keys: Vec<String> = holds.iter().map(|h| h.key.clone()).collect();
                let token = call(host, webdis, &webdis.get_all(&keys))?;
                self.state = State::KeyInfo { token, now_ms };
                Ok(None)
            }
            _ => {
                let standings = holds
                    .iter()
                    .map(|h| {
                        let account = ledger::read(host.shared(), &h.key, &h.window.id, now_ms);
                        match account {
                            Ok(a) => standing(h, Some(a.spent), Some(a.reserved())),
                            Err(_) => standing(h, None, None),
                        }
                    })
                    .collect();
                Ok(Some(self.key_info_body(standings)))
            }
        }
    }

    /// Finishes `GET /v1/key` from the store's `MGET` reply. Redis counters hold settled spend
    /// and open reservations together, so `spent_usd` includes requests still in flight.
    pub(super) fn key_info_from_store(
        &self,
        now_ms: u64,
        status: Option<u16>,
        body: &[u8],
    ) -> Result<Vec<u8>, ApiError> {
        let caller = self.caller.as_ref().ok_or_else(ApiError::internal)?;
        // The same windows (and so keys) as the query that was sent.
        let holds: Vec<Hold> = holds_for(&self.policy, caller, now_ms);
        let values = (status == Some(200))
            .then(|| list_reply(body, "MGET"))
            .flatten()
            .ok_or_else(|| budget_store_unavailable("the gateway cannot read budgets right now"))?;
        let standings = holds
            .iter()
            .zip(values)
            .map(|(h, v)| {
                let spent = v.and_then(|s| s.parse::<u64>().ok()).unwrap_or(0);
                standing(h, Some(MicroUsd(spent)), None)
            })
            .collect();
        Ok(self.key_info_body(standings))
    }

    fn key_info_body(&self, budgets: Vec<serde_json::Value>) -> Vec<u8> {
        let Some(caller) = self.caller.as_ref() else {
            return Vec::new();
        };
        let rate = self.policy.spend.rate_for(caller);
        let body = json!({
            "data": {
                "label": caller.key_name,
                "workspace": caller.workspace,
                "budgets": budgets,
                "rate_limit": rate.map(|r| json!({
                    "requests_per_minute": r.requests_per_minute,
                    "tokens_per_minute": r.tokens_per_minute,
                })),
            }
        });
        serde_json::to_vec(&body).unwrap_or_default()
    }

    /// Sends a JSON reply or the error.
    pub(super) fn reply(&mut self, host: &mut dyn Host, result: Result<Vec<u8>, ApiError>) {
        match result {
            Ok(body) => {
                self.state = State::Replied;
                if host
                    .send_response(200, &[(headers::CONTENT_TYPE, "application/json")], &body)
                    .is_err()
                {
                    log::error!("could not send the key info reply");
                }
            }
            Err(error) => {
                self.reply_error(host, &error);
            }
        }
    }
}

//! The worst case a request can cost, reserved before it is forwarded: the provable upper bound
//! on its prompt tokens (`request::tokens`, never bytes/4) at the prompt price, plus the most
//! completion tokens it may get at the completion price, at the dearest endpoint it may be sent
//! to (every ranked endpoint, so failover can never cost more than was reserved).

use super::money::{worst_case, MicroUsd};
use crate::catalog::{Catalog, Endpoint};
use crate::request::{Api, LlmRequest};
use crate::routing::Candidate;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct WorstCase {
    pub prompt_tokens: u64,
    pub completion_tokens: u64,
    pub amount: MicroUsd,
}

/// The most completion tokens `endpoint` can return for `request`: the request's own cap, else
/// the endpoint's, else its whole context window.
pub fn completion_cap(request: &LlmRequest<'_>, endpoint: &Endpoint) -> u64 {
    if request.api == Api::Embeddings {
        return 0;
    }
    let cap = match (request.max_output_tokens, endpoint.max_completion_tokens) {
        (Some(asked), Some(endpoint_cap)) => asked.min(endpoint_cap),
        (Some(asked), None) => asked,
        (None, Some(endpoint_cap)) => endpoint_cap,
        (None, None) => endpoint.context_length,
    };
    cap.min(endpoint.context_length)
}

/// The largest worst case over `ranked`.
pub fn worst_case_over(
    catalog: &Catalog,
    request: &LlmRequest<'_>,
    ranked: &[Candidate],
) -> WorstCase {
    let prompt_tokens = request.tokens.upper;
    ranked
        .iter()
        .filter_map(|c| catalog.endpoints.get(c.endpoint.0))
        .map(|ep| {
            let completion_tokens = completion_cap(request, ep);
            WorstCase {
                prompt_tokens,
                completion_tokens,
                amount: worst_case(prompt_tokens, completion_tokens, &ep.price),
            }
        })
        .max_by_key(|w| w.amount)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::routing::{decide, rng::Rng};
    use crate::testutil::example;

    #[test]
    fn reserves_at_the_dearest_ranked_endpoint_with_the_request_cap() {
        let p = example();
        let body = br#"{"model":"gpt-4o-mini","max_tokens":100,"messages":[{"role":"user","content":"hi"}]}"#;
        let request = LlmRequest::parse(Api::ChatCompletions, body).unwrap();
        let decision = decide(&p, "engineering", &request, &mut Rng::new(1)).unwrap();
        let w = worst_case_over(&p.catalog, &request, &decision.ranked);
        assert_eq!(w.prompt_tokens, request.tokens.upper);
        assert_eq!(w.completion_tokens, 100);
        let dearest = decision
            .ranked
            .iter()
            .map(|c| {
                let ep = &p.catalog.endpoints[c.endpoint.0];
                worst_case(w.prompt_tokens, 100, &ep.price)
            })
            .max()
            .unwrap();
        assert_eq!(w.amount, dearest);
        assert!(w.amount > MicroUsd(0));
    }

    #[test]
    fn without_a_request_cap_the_endpoint_cap_or_context_bounds_completion() {
        let p = example();
        let body = br#"{"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}]}"#;
        let request = LlmRequest::parse(Api::ChatCompletions, body).unwrap();
        for ep in &p.catalog.endpoints {
            let cap = completion_cap(&request, ep);
            assert_eq!(
                cap,
                ep.max_completion_tokens
                    .unwrap_or(ep.context_length)
                    .min(ep.context_length)
            );
        }
        let embed =
            LlmRequest::parse(Api::Embeddings, br#"{"model":"gpt-4o-mini","input":"x"}"#).unwrap();
        assert_eq!(completion_cap(&embed, &p.catalog.endpoints[0]), 0);
    }
}

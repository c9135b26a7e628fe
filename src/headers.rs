//! Every header name the plugin reads, owns or sets. Owned headers are stripped from what the
//! client sent before anything else happens, so no client can steer routing or claim an identity.

/// Default name of the routing header that the Envoy route's `cluster_header` reads.
pub const DEFAULT_CLUSTER_HEADER: &str = "x-llm-cluster";

/// The plugin owns every request header in this namespace; client-sent copies are dropped.
pub const OWNED_PREFIX: &str = "x-llm-";

/// Response headers telling the caller what served it.
pub const RESPONSE_PROVIDER: &str = "x-llm-provider";
pub const RESPONSE_MODEL: &str = "x-llm-model";
/// Guardrail actions taken on the request (`redact:email,flag:prompt_injection`).
pub const RESPONSE_GUARDRAILS: &str = "x-llm-guardrails";

/// Caller credentials: removed before forwarding, the caller's key never leaves Envoy.
pub const AUTHORIZATION: &str = "authorization";
pub const API_KEY: &str = "x-api-key";
/// The headers that carry the caller's key (both owned: never forwarded).
pub const CALLER_KEY_HEADERS: [&str; 2] = [AUTHORIZATION, API_KEY];

pub const CONTENT_TYPE: &str = "content-type";
pub const CONTENT_LENGTH: &str = "content-length";
pub const CONTENT_ENCODING: &str = "content-encoding";

/// True if a client-sent request header must be removed before the plugin decides anything.
/// `extra` holds the configured cluster header (which may lie outside our prefix).
pub fn is_owned_request_header(name: &str, cluster_header: &str) -> bool {
    // Compared in place, not lowered into a copy: this runs for every header of every request.
    let prefixed = name
        .get(..OWNED_PREFIX.len())
        .is_some_and(|start| start.eq_ignore_ascii_case(OWNED_PREFIX));
    prefixed
        || name.eq_ignore_ascii_case(cluster_header)
        || CALLER_KEY_HEADERS
            .iter()
            .any(|owned| name.eq_ignore_ascii_case(owned))
}

/// The caller's API key from `Authorization: Bearer <key>` or `x-api-key`.
///
/// ```
/// use llm_policy_router::headers::bearer_token;
/// assert_eq!(bearer_token("Bearer sk-1"), Some("sk-1"));
/// assert_eq!(bearer_token("bearer   sk-1 "), Some("sk-1"));
/// assert_eq!(bearer_token("Basic abc"), None);
/// ```
pub fn bearer_token(authorization: &str) -> Option<&str> {
    let value = authorization.trim();
    let (scheme, rest) = value.split_once(' ')?;
    if !scheme.eq_ignore_ascii_case("bearer") {
        return None;
    }
    let token = rest.trim();
    (!token.is_empty()).then_some(token)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn owned_headers_cover_prefix_cluster_and_credentials() {
        assert!(is_owned_request_header("X-LLM-Cluster", "x-llm-cluster"));
        assert!(is_owned_request_header("x-llm-anything", "route-to"));
        assert!(is_owned_request_header("route-to", "route-to"));
        assert!(is_owned_request_header("Authorization", "x-llm-cluster"));
        assert!(is_owned_request_header("x-api-key", "x-llm-cluster"));
        assert!(!is_owned_request_header("x-request-id", "x-llm-cluster"));
        assert!(!is_owned_request_header("x-llm", "x-llm-cluster"));
        assert!(!is_owned_request_header("x-llé-cluster", "x-llm-cluster"));
    }

    #[test]
    fn bearer_token_rejects_empty() {
        assert_eq!(bearer_token("Bearer "), None);
        assert_eq!(bearer_token("Bearer"), None);
    }
}

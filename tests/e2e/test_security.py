"""Header handling through a real Envoy: no client header picks the cluster or an identity, the
caller's key never leaves Envoy, provider secrets reach only their provider and never the admin
config dump or the logs."""

from __future__ import annotations

import json
import time

import pytest

from harness import SECRETS, Stack, load_policy, policy_variant
from helpers import auth, curl, error_of, mock_counts, raw, received

CHAT = {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "hello"}], "provider": {"only": ["euro-zdr"]}}
SPOOF = {"x-llm-cluster": "provider_us"}  # a real cluster, but not the one policy chose



def test_spoofed_cluster_header_is_ignored_on_requests_with_a_body(stack):
    before = mock_counts(stack)
    for spoof in (SPOOF, {"X-LLM-Cluster": "provider_us"}):
        status, headers, _ = raw(stack, "POST", "/v1/chat/completions", json.dumps(CHAT).encode(), auth(**spoof))
        assert status == 200 and headers["x-mock-provider"] == "euro-zdr"
    after = mock_counts(stack)
    assert after["us-train"] == before["us-train"]
    assert after["euro-zdr"] == before["euro-zdr"] + 2


def test_spoofed_cluster_header_is_ignored_without_a_body_and_on_refused_requests(stack):
    before = mock_counts(stack)
    # Answered by the plugin itself.
    status, _, body = raw(stack, "GET", "/v1/models", headers=auth(**SPOOF))
    assert status == 200 and json.loads(body)["object"] == "list"
    # Refused: unknown path, policy, bad key, bad JSON, wrong method.
    cases = [
        ("POST", "/v1/files", json.dumps(CHAT).encode(), auth(**SPOOF), 404),
        ("GET", "/anything", None, auth(**SPOOF), 404),
        ("POST", "/v1/chat/completions", json.dumps({**CHAT, "model": "no/model"}).encode(), auth(**SPOOF), 404),
        ("POST", "/v1/chat/completions", json.dumps(CHAT).encode(), {**auth(**SPOOF), "authorization": "Bearer nope"}, 401),
        ("POST", "/v1/chat/completions", b"{not json", auth(**SPOOF), 400),
        ("GET", "/v1/chat/completions", None, auth(**SPOOF), 405),
    ]
    for method, path, body, headers, expected in cases:
        status, _, reply = raw(stack, method, path, body, headers)
        assert status == expected, (method, path, reply)
        error_of(reply)
    assert mock_counts(stack) == before
    # Passthrough paths go to their fixed cluster, not to the spoofed one.
    status, headers, body = raw(stack, "GET", "/status/health", headers=SPOOF)
    assert status == 200 and json.loads(body)["provider"] == "internal-status"
    assert mock_counts(stack)["us-train"] == before["us-train"]


def test_spoofed_cluster_header_is_ignored_over_http2(stack):
    before = mock_counts(stack)
    base = ["--http2-prior-knowledge", "-H", "x-llm-cluster: provider_us", "-H", "authorization: Bearer sk-eng-demo"]
    out = curl(*base, "-H", "content-type: application/json", "-d", json.dumps(CHAT), "-D", "-", f"{stack.url}/v1/chat/completions")
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("HTTP/2 200"), out.stdout[:200]
    assert "x-mock-provider: euro-zdr" in out.stdout
    refused = curl(*base, "-o", "/dev/null", "-w", "%{http_code} %{http_version}", f"{stack.url}/v1/files")
    assert refused.stdout == "404 2"
    no_body = curl(*base, "-o", "/dev/null", "-w", "%{http_code}", f"{stack.url}/v1/models")
    assert no_body.stdout == "200"
    after = mock_counts(stack)
    assert after["us-train"] == before["us-train"] and after["euro-zdr"] == before["euro-zdr"] + 1


def test_provider_credential_replaces_the_callers_key(stack):
    raw(stack, "POST", "/v1/chat/completions", json.dumps(CHAT).encode(), auth())
    got = received(stack, "euro-zdr")[-1]["headers"]
    assert got["authorization"] == f"Bearer {SECRETS['EURO_ZDR_API_KEY']}"
    budget = {**CHAT, "provider": {"only": ["budget-cloud"]}}
    raw(stack, "POST", "/v1/chat/completions", json.dumps(budget).encode(), {**auth(), "x-api-key": "sk-eng-demo"})
    got = received(stack, "budget-cloud")[-1]["headers"]
    assert got["x-api-key"] == SECRETS["BUDGET_CLOUD_API_KEY"]  # provider-specific header, no prefix
    assert "authorization" not in got
    for provider in ("euro-zdr", "budget-cloud"):
        assert "sk-eng-demo" not in json.dumps(received(stack, provider)[-1]["headers"])


def test_owned_headers_never_reach_the_provider(stack):
    headers = auth(**{"x-llm-provider": "us-train", "x-llm-workspace": "legal", "x-llm-anything": "1"})
    status, _, _ = raw(stack, "POST", "/v1/chat/completions", json.dumps(CHAT).encode(), headers)
    assert status == 200
    got = received(stack, "euro-zdr")[-1]["headers"]
    assert not [h for h in got if h.startswith("x-llm-")], got  # incl. our own routing header


def test_upstream_cannot_claim_another_provider(stack):
    # The mock sends `x-llm-provider: spoofed-by-upstream`; the plugin overwrites it.
    status, headers, _ = raw(stack, "POST", "/v1/chat/completions", json.dumps(CHAT).encode(), auth())
    assert status == 200 and headers["x-llm-provider"] == "euro-zdr"


def test_client_envoy_control_headers_are_not_trusted(stack):
    headers = auth(**{"x-envoy-upstream-rq-timeout-ms": "50", "x-envoy-max-retries": "5", "x-mock-delay-ms": "300"})
    status, _, _ = raw(stack, "POST", "/v1/chat/completions", json.dumps(CHAT).encode(), headers)
    assert status == 200  # the 50 ms timeout the client asked for was ignored


def test_secrets_stay_out_of_config_dump_and_logs(stack):
    dump = stack.admin_text("/config_dump")
    assert "EURO_ZDR_API_KEY" in dump  # the variable's name is there...
    for secret in SECRETS.values():
        assert secret not in dump  # ...its value is not
    time.sleep(0.3)  # access log flush interval is 100 ms
    logs = stack.envoy_log.read_text() + stack.access_log.read_text()
    for secret in [*SECRETS.values(), "sk-eng-demo"]:
        assert secret not in logs


@pytest.fixture(scope="module")
def trusted_header_stack():
    """A mesh without API keys: an earlier filter (jwt_authn, mTLS) sets the workspace header."""
    yield from policy_variant(lambda policy: policy["auth"].update(workspace_header="x-workspace-id"))


def test_workspace_from_trusted_header(trusted_header_stack):
    s = trusted_header_stack
    body = json.dumps({"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "hi"}]}).encode()
    status, headers, _ = raw(s, "POST", "/v1/chat/completions", body, {"content-type": "application/json", "x-workspace-id": "legal"})
    assert status == 200 and headers["x-llm-provider"] == "euro-zdr"  # legal's ZDR/EU policy applied
    assert "x-workspace-id" not in received(s, "euro-zdr")[-1]["headers"]
    status, _, reply = raw(s, "POST", "/v1/chat/completions", body, {"content-type": "application/json", "x-workspace-id": "nobody"})
    assert status == 401 and error_of(reply)["code"] == "invalid_api_key"


class KeyLoggingStack(Stack):
    """An operator's access log that prints the request's key headers, as some do."""

    def render(self) -> str:
        return super().render().replace("%DURATION%ms", "auth=%REQ(AUTHORIZATION)% apikey=%REQ(X-API-KEY)% %DURATION%ms")


@pytest.fixture(scope="module")
def key_logging_stack():
    policy = load_policy()
    policy["workspaces"]["ops"]["budget"] = {"limit_usd": 0.000001, "reset": "daily"}
    with KeyLoggingStack(policy) as s:
        yield s


def test_refused_requests_leave_no_key_for_the_access_log(key_logging_stack):
    s = key_logging_stack
    # Refused after routing (the budget), so a provider credential was already set, and refused
    # before it (invalid JSON), with the caller's key still in place.
    status, _, reply = raw(s, "POST", "/v1/chat/completions", json.dumps({**CHAT, "provider": {}}).encode(),
                           {"authorization": "Bearer sk-ops-demo", "content-type": "application/json"})
    assert status == 403 and error_of(reply)["code"] == "budget_exceeded"
    status, _, _ = raw(s, "POST", "/v1/chat/completions", b"{not json", auth())
    assert status == 400
    time.sleep(0.3)  # access log flush interval is 100 ms
    lines = s.access_log.read_text().splitlines()
    assert len(lines) == 2 and all("auth=- apikey=-" in line for line in lines), lines

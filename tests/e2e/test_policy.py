"""Policy refusals through a real Envoy: the exact 403/404 bodies with `metadata.excluded_by`, how
org and workspace rules combine, and identification (401)."""

from __future__ import annotations

import json

import openai
import pytest

from harness import policy_variant
from helpers import auth, client, error_of, raw

MESSAGES = [{"role": "user", "content": "hello"}]


def refusal(stack, workspace, model, prefs=None, expected=openai.NotFoundError):
    with pytest.raises(expected) as e:
        client(stack, workspace).chat.completions.create(model=model, messages=MESSAGES, extra_body={"provider": prefs} if prefs else None)
    err = e.value
    assert set(err.body) == {"message", "type", "code", "param", "metadata"}
    return err


def rules(*pairs):
    return [{"code": c, "layer": l} for c, l in pairs]


def test_zdr_request_preference_gives_404_with_every_exclusion(stack):
    err = refusal(stack, "engineering", "gpt-4o-mini", {"zdr": True, "only": ["us-train", "budget-cloud"]})
    assert err.status_code == 404 and err.code == "no_eligible_endpoint" and err.type == "not_found_error"
    assert err.body["metadata"]["excluded_by"] == [
        {"provider": "euro-zdr", "model": "openai/gpt-4o-mini", "rules": rules(("provider_not_in_only", "request"))},
        {"provider": "us-train", "model": "openai/gpt-4o-mini", "rules": rules(("data_policy:zdr", "request"))},
        {"provider": "budget-cloud", "model": "openai/gpt-4o-mini", "rules": rules(("data_policy:zdr", "request"))},
    ]


def test_data_collection_deny(stack):
    err = refusal(stack, "engineering", "gpt-4o-mini", {"data_collection": "deny", "only": ["us-train"]})
    assert err.status_code == 404
    by_provider = {x["provider"]: x["rules"] for x in err.body["metadata"]["excluded_by"]}
    assert by_provider["us-train"] == rules(("data_policy:training", "request"))


def test_max_price_excludes_every_endpoint(stack):
    err = refusal(stack, "engineering", "gpt-4o-mini", {"max_price": {"prompt": 0.01}})
    assert err.status_code == 404
    assert [x["rules"] for x in err.body["metadata"]["excluded_by"]] == [rules(("max_price", "request"))] * 3


def test_quantization_and_context_length(stack):
    err = refusal(stack, "engineering", "llama3:8b", {"quantizations": ["int4"]})
    assert [x["rules"] for x in err.body["metadata"]["excluded_by"]] == [rules(("quantization", "request"))] * 2
    # ~100k tokens of text: fits gpt-4o-mini's 128k windows but not budget-cloud's 16k.
    big = [{"role": "user", "content": "lorem ipsum dolor sit amet " * 30_000}]
    raw_resp = client(stack).chat.completions.with_raw_response.create(model="gpt-4o-mini", messages=big, extra_body={"provider": {"sort": "price"}})
    assert raw_resp.headers["x-llm-provider"] == "us-train"


def test_workspace_region_and_zdr_policy_mixed_with_request_prefs_is_404(stack):
    # Legal may only use ZDR providers in the EU; the request itself excluded the one that qualifies.
    err = refusal(stack, "legal", "gpt-4o-mini", {"only": ["us-train", "budget-cloud"]})
    assert err.status_code == 404
    assert err.body["metadata"]["excluded_by"] == [
        {"provider": "euro-zdr", "model": "openai/gpt-4o-mini", "rules": rules(("provider_not_in_only", "request"))},
        {"provider": "us-train", "model": "openai/gpt-4o-mini", "rules": rules(("data_policy:zdr", "workspace"), ("region", "workspace"))},
        {"provider": "budget-cloud", "model": "openai/gpt-4o-mini", "rules": rules(("data_policy:zdr", "workspace"), ("region", "workspace"))},
    ]


def test_workspace_model_deny_is_403(stack):
    err = refusal(stack, "marketing", "meta-llama/llama-3.1-8b-instruct", expected=openai.PermissionDeniedError)
    assert err.status_code == 403 and err.code == "forbidden_by_policy" and err.type == "permission_error"
    assert err.body["metadata"]["excluded_by"] == [
        {"provider": "euro-zdr", "model": "meta-llama/llama-3.1-8b-instruct", "rules": rules(("model_denied", "workspace"))},
        {"provider": "budget-cloud", "model": "meta-llama/llama-3.1-8b-instruct", "rules": rules(("model_denied", "workspace"))},
    ]


def test_workspace_provider_allow_list_is_403(stack):
    err = refusal(stack, "ops", "openai/text-embedding-3-small", expected=openai.PermissionDeniedError)
    assert [x["rules"] for x in err.body["metadata"]["excluded_by"]] == [rules(("provider_not_allowed", "workspace"))] * 2
    # The one provider ops may use still works.
    raw_resp = client(stack, "ops").chat.completions.with_raw_response.create(model="gpt-4o-mini", messages=MESSAGES)
    assert raw_resp.headers["x-llm-provider"] == "budget-cloud"


def test_errors_never_name_clusters(stack):
    err = refusal(stack, "marketing", "meta-llama/llama-3.1-8b-instruct", expected=openai.PermissionDeniedError)
    assert "provider_" not in json.dumps(err.body)  # cluster names are provider_euro, provider_us, ...


@pytest.fixture(scope="module")
def org_stack():
    """The example policy plus org rules: no US processing and a completion price cap. Engineering
    tries to loosen the cap; it cannot."""
    def edit(policy):
        policy["org"] = {"denied_countries": ["US"], "max_price": {"completion": 1.0}}
        policy["workspaces"]["engineering"] = {"policy": {"max_price": {"completion": 50.0}}}

    yield from policy_variant(edit)


def test_org_and_workspace_rules_combine_strictly(org_stack):
    err = refusal(org_stack, "legal", "gpt-4o-mini", expected=openai.PermissionDeniedError)
    assert err.body["metadata"]["excluded_by"] == [
        {"provider": "euro-zdr", "model": "openai/gpt-4o-mini", "rules": rules(("max_price", "org"))},
        {"provider": "us-train", "model": "openai/gpt-4o-mini",
         "rules": rules(("country", "org"), ("data_policy:zdr", "workspace"), ("region", "workspace"))},
        {"provider": "budget-cloud", "model": "openai/gpt-4o-mini", "rules": rules(("data_policy:zdr", "workspace"), ("region", "workspace"))},
    ]
    # A workspace's looser price cap does not lift the org's.
    err = refusal(org_stack, "engineering", "gpt-4o-mini", {"only": ["euro-zdr"]})
    euro = next(x for x in err.body["metadata"]["excluded_by"] if x["provider"] == "euro-zdr")
    assert euro["rules"] == rules(("max_price", "org"))


def test_unknown_or_missing_key_is_401(stack):
    bad = openai.OpenAI(base_url=f"{stack.url}/v1", api_key="sk-wrong", max_retries=0, timeout=15)
    with pytest.raises(openai.AuthenticationError) as e:
        bad.chat.completions.create(model="gpt-4o-mini", messages=MESSAGES)
    assert e.value.code == "invalid_api_key"
    status, _, body = raw(stack, "POST", "/v1/chat/completions", json.dumps({"model": "gpt-4o-mini", "messages": MESSAGES}).encode(),
                          {"content-type": "application/json"})
    assert status == 401 and error_of(body)["code"] == "invalid_api_key"
    status, _, _ = raw(stack, "GET", "/v1/models")
    assert status == 401


def test_x_api_key_header_identifies_too(stack):
    headers = {"x-api-key": "sk-legal-demo", "content-type": "application/json"}
    status, hdrs, _ = raw(stack, "POST", "/v1/chat/completions", json.dumps({"model": "gpt-4o-mini", "messages": MESSAGES}).encode(), headers)
    assert status == 200 and hdrs["x-llm-provider"] == "euro-zdr"


@pytest.fixture(scope="module")
def anonymous_stack():
    yield from policy_variant(lambda policy: policy["auth"].update(anonymous_workspace="legal"))


def test_anonymous_workspace_serves_keyless_requests_but_not_bad_keys(anonymous_stack):
    body = json.dumps({"model": "gpt-4o-mini", "messages": MESSAGES}).encode()
    status, hdrs, _ = raw(anonymous_stack, "POST", "/v1/chat/completions", body, {"content-type": "application/json"})
    assert status == 200 and hdrs["x-llm-provider"] == "euro-zdr"  # legal's policy applied
    status, _, _ = raw(anonymous_stack, "POST", "/v1/chat/completions", body, auth() | {"authorization": "Bearer typo"})
    assert status == 401

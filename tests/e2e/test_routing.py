"""Routing through a real Envoy, driven by the official OpenAI SDK: model ids and aliases, the
OpenRouter `provider` preferences and suffixes, every API, and the model list."""

from __future__ import annotations

import json

import openai
import pytest

from helpers import auth, client, raw, received

MESSAGES = [{"role": "user", "content": "hello"}]


def served(stack, workspace="engineering", **kwargs):
    """Sends a chat completion; returns (x-llm-provider, x-llm-model, the parsed completion)."""
    raw = client(stack, workspace).chat.completions.with_raw_response.create(messages=MESSAGES, **kwargs)
    completion = raw.parse()
    assert raw.headers["x-mock-provider"] == raw.headers["x-llm-provider"]
    return raw.headers["x-llm-provider"], raw.headers["x-llm-model"], completion


@pytest.mark.parametrize(
    "model, provider_prefs, expected_provider, expected_upstream_model",
    [
        ("openai/gpt-4o-mini", {"order": ["euro-zdr"]}, "euro-zdr", "gpt-4o-mini-eu"),
        ("gpt-4o-mini", {"sort": "price"}, "budget-cloud", "gpt-4o-mini-int8"),
        ("gpt-4o-mini", {"sort": "latency"}, "us-train", "gpt-4o-mini"),
        ("gpt-4o-mini", {"sort": "throughput"}, "us-train", "gpt-4o-mini"),
        ("gpt-4o-mini", {"only": ["euro-zdr"]}, "euro-zdr", "gpt-4o-mini-eu"),
        ("gpt-4o-mini", {"ignore": ["budget-cloud", "us-train"]}, "euro-zdr", "gpt-4o-mini-eu"),
        ("gpt-4o-mini", {"order": ["us-train", "euro-zdr"]}, "us-train", "gpt-4o-mini"),
        ("gpt-4o-mini", {"order": ["EURO-ZDR"], "sort": "price"}, "euro-zdr", "gpt-4o-mini-eu"),
        # Aliases may contain colons; the exact id wins before suffixes are stripped.
        ("llama3:8b", {"sort": "price"}, "budget-cloud", "llama3:8b"),
        ("llama3:8b:floor", None, "budget-cloud", "llama3:8b"),
        ("llama3:8b:nitro", None, "euro-zdr", "llama-3.1-8b"),
        ("openai/gpt-4o-mini:nitro", None, "us-train", "gpt-4o-mini"),
        ("gpt-4o-mini:floor", None, "budget-cloud", "gpt-4o-mini-int8"),
    ],
)
def test_routes_by_model_alias_and_preferences(stack, model, provider_prefs, expected_provider, expected_upstream_model):
    extra = {"provider": provider_prefs} if provider_prefs else None
    provider, served_model, completion = served(stack, model=model, extra_body=extra)
    assert provider == expected_provider
    assert completion.choices[0].message.content == f"served by {expected_provider}"
    # The provider saw its own model name, and none of the gateway-only fields.
    assert completion.model == expected_upstream_model
    assert served_model in ("openai/gpt-4o-mini", "meta-llama/llama-3.1-8b-instruct")
    body = json.loads(received(stack, expected_provider)[-1]["body"])
    assert body["model"] == expected_upstream_model
    assert "provider" not in body


def test_tools_require_an_endpoint_that_supports_them(stack):
    tools = [{"type": "function", "function": {"name": "f", "parameters": {"type": "object", "properties": {}}}}]
    # budget-cloud is cheapest but does not support tools, so price order picks us-train.
    provider, _, _ = served(stack, model="gpt-4o-mini", tools=tools, extra_body={"provider": {"sort": "price"}})
    assert provider == "us-train"


def test_models_fallback_chain_becomes_a_plain_model_upstream(stack):
    # The SDK insists on `model`, so this OpenRouter-only shape goes over plain HTTP.
    body = {"models": ["llama3:8b", "openai/gpt-4o-mini"], "messages": MESSAGES, "provider": {"sort": "price"}}
    status, headers, text = raw(stack, "POST", "/v1/chat/completions", json.dumps(body).encode(), auth())
    assert status == 200, text
    assert headers["x-llm-model"] == "meta-llama/llama-3.1-8b-instruct"
    upstream = json.loads(received(stack, headers["x-llm-provider"])[-1]["body"])
    assert upstream["model"] == "llama3:8b"
    assert "models" not in upstream


def test_unknown_model_in_chain_is_404_naming_the_param(stack):
    with pytest.raises(openai.NotFoundError) as e:
        client(stack).chat.completions.create(model="gpt-4o-mini", messages=MESSAGES, extra_body={"models": ["no/such-model"]})
    assert e.value.code == "model_not_found"
    assert e.value.param == "models"


def test_unknown_and_private_models_are_404(stack):
    with pytest.raises(openai.NotFoundError) as e:
        client(stack).chat.completions.create(model="no/such-model", messages=MESSAGES)
    assert e.value.code == "model_not_found" and e.value.param == "model"
    # The private model exists for engineering...
    provider, _, _ = served(stack, model="acme/internal-coder")
    assert provider == "euro-zdr"
    # ...and is indistinguishable from a missing one for marketing.
    with pytest.raises(openai.NotFoundError) as e:
        client(stack, "marketing").chat.completions.create(model="acme/internal-coder", messages=MESSAGES)
    assert e.value.code == "model_not_found"
    assert "internal-coder" not in json.dumps(e.value.body.get("metadata"))


def test_streaming_chat_through_sdk(stack):
    stream = client(stack).chat.completions.create(
        model="gpt-4o-mini", messages=MESSAGES, stream=True, extra_body={"provider": {"only": ["us-train"]}}
    )
    text = "".join(chunk.choices[0].delta.content or "" for chunk in stream if chunk.choices)
    assert text.startswith("served by us-train")


def test_completions_embeddings_and_responses_apis(stack):
    c = client(stack)
    comp = c.completions.with_raw_response.create(model="gpt-4o-mini", prompt="hi", extra_body={"provider": {"only": ["euro-zdr"]}})
    assert comp.headers["x-llm-provider"] == "euro-zdr"
    assert comp.parse().choices[0].text == "served by euro-zdr"

    emb = c.embeddings.with_raw_response.create(model="openai/text-embedding-3-small", input="hi", extra_body={"provider": {"sort": "price"}})
    assert emb.headers["x-llm-provider"] == "us-train"
    assert emb.parse().data[0].embedding == [0.1, 0.2, 0.3]
    assert json.loads(received(stack, "us-train")[-1]["body"])["model"] == "text-embedding-3-small"

    resp = c.responses.with_raw_response.create(model="gpt-4o-mini", input="hi", extra_body={"provider": {"order": ["budget-cloud"]}})
    assert resp.headers["x-llm-provider"] == "budget-cloud"
    assert resp.parse().output_text == "served by budget-cloud"


def test_openrouter_style_base_path(stack):
    c = openai.OpenAI(base_url=f"{stack.url}/api/v1", api_key="sk-eng-demo", max_retries=0, timeout=15)
    raw = c.chat.completions.with_raw_response.create(model="gpt-4o-mini", messages=MESSAGES, extra_body={"provider": {"only": ["euro-zdr"]}})
    assert raw.headers["x-llm-provider"] == "euro-zdr"


def test_model_list_is_what_the_workspace_may_use(stack):
    def listed(workspace):
        return {m.id: m.model_extra["providers"] for m in client(stack, workspace).models.list()}

    assert listed("engineering") == {
        "openai/gpt-4o-mini": ["euro-zdr", "us-train", "budget-cloud"],
        "meta-llama/llama-3.1-8b-instruct": ["euro-zdr", "budget-cloud"],
        "openai/text-embedding-3-small": ["us-train", "euro-zdr"],
        "acme/internal-coder": ["euro-zdr"],
    }
    # Legal: ZDR in the EU only; no private model.
    assert listed("legal") == {
        "openai/gpt-4o-mini": ["euro-zdr"],
        "meta-llama/llama-3.1-8b-instruct": ["euro-zdr"],
        "openai/text-embedding-3-small": ["euro-zdr"],
    }
    # Marketing: no Llama, no provider that trains on prompts.
    assert listed("marketing") == {
        "openai/gpt-4o-mini": ["euro-zdr", "budget-cloud"],
        "openai/text-embedding-3-small": ["euro-zdr"],
    }

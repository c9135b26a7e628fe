"""Streams pass unbuffered; Envoy's own failures (route timeout, unreachable provider) come back as
the same OpenAI-shaped errors; a bad policy is refused when Envoy loads it."""

from __future__ import annotations

import http.client
import json
import time

import openai
import pytest

from harness import Stack, load_policy, wait_until
from helpers import auth, client, error_of, raw, received

CHAT = {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "hello"}], "provider": {"only": ["us-train"]}}


def test_stream_is_not_buffered(stack):
    body = json.dumps({**CHAT, "stream": True}).encode()
    headers = auth(**{"x-mock-stream-interval-ms": "300", "x-mock-stream-chunks": "5"})
    conn = http.client.HTTPConnection("127.0.0.1", stack.listen_port, timeout=15)
    try:
        conn.request("POST", "/v1/chat/completions", body=body, headers=headers)
        resp = conn.getresponse()
        assert resp.status == 200 and resp.getheader("x-llm-provider") == "us-train"
        assert resp.getheader("content-type") == "text/event-stream"
        events = []
        while True:
            line = resp.readline()
            if not line:
                break
            if line.startswith(b"data: "):
                events.append((time.time(), line[6:].strip()))
                if line.strip() == b"data: [DONE]":
                    break
    finally:
        conn.close()
    assert events[-1][1] == b"[DONE]" and len(events) == 6
    sent = received(stack, "us-train")[-1]["events_sent_at"]
    first_seen = events[0][0]
    # The client held the first event while the mock was still ~1.2 s away from sending the last.
    assert first_seen < sent[-2], (first_seen, sent)
    assert sent[-2] - first_seen > 0.9
    # And each event arrived within a few ms of being sent.
    assert all(seen - s < 0.2 for (seen, _), s in zip(events, sent))


@pytest.fixture(scope="module")
def short_timeout_stack():
    with Stack(route_timeout="1s") as s:
        yield s


def test_route_timeout_gives_openai_shaped_504(short_timeout_stack):
    s = short_timeout_stack
    with pytest.raises(openai.InternalServerError) as e:
        client(s).chat.completions.create(model="gpt-4o-mini", messages=CHAT["messages"],
                                          extra_headers={"x-mock-delay-ms": "2500"}, extra_body={"provider": {"only": ["us-train"]}})
    assert e.value.status_code == 504
    assert e.value.code == "upstream_timeout"
    assert e.value.response.headers["content-type"] == "application/json"
    assert e.value.response.headers["x-llm-provider"] == "us-train"  # which provider timed out
    assert set(e.value.body) == {"message", "type", "code", "param", "metadata"}


def test_unreachable_provider_gives_openai_shaped_503(short_timeout_stack):
    s = short_timeout_stack
    s.mock_proc.terminate()
    s.mock_proc.wait(timeout=10)
    status, headers, body = raw(s, "POST", "/v1/chat/completions", json.dumps(CHAT).encode(), auth())
    assert status == 503 and headers["content-type"] == "application/json"
    assert error_of(body)["code"] == "upstream_unavailable"


def refused_at_load(policy: dict, env: dict | None = None) -> str:
    """Starts Envoy with `policy` and returns its log once the plugin refused the config."""
    s = Stack(policy, env=env).start(wait_ready=False)
    try:
        wait_until(lambda: "configuration refused" in s.envoy_log.read_text() or s.envoy_proc.poll() is not None, 30, "the plugin to refuse the config")
        time.sleep(0.2)
        return s.envoy_log.read_text()
    finally:
        s.stop()


def test_bad_policy_is_refused_at_load_naming_the_field():
    policy = load_policy()
    policy["models"][1]["endpoints"][0]["provider"] = "nobody"
    policy["org"]["denied_countries"] = ["germany"]
    log = refused_at_load(policy)
    assert "config field `models[1].endpoints[0].provider`: unknown provider `nobody`" in log
    assert "config field `org.denied_countries[0]`" in log


def test_missing_provider_secret_is_refused_at_load():
    env = {"EURO_ZDR_API_KEY": "x", "US_TRAIN_API_KEY": "y"}  # BUDGET_CLOUD_API_KEY unset
    log = refused_at_load(load_policy(), env=env)
    assert "config field `providers.budget-cloud.credential.env`" in log
    assert "BUDGET_CLOUD_API_KEY" in log


def test_wrongly_typed_policy_names_the_path():
    policy = load_policy()
    policy["models"][0]["endpoints"][1]["context_length"] = "big"
    log = refused_at_load(policy)
    assert "config field `models[0].endpoints[1].context_length`" in log

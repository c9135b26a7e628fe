"""Spend through a real Envoy with the local (per-process shared data) store: exact cost from JSON
and SSE usage, streams cut mid-way, the 403 and 429 bodies, and 64 concurrent requests against a
budget that fits exactly 10."""

from __future__ import annotations

import json
import socket
import time
from concurrent.futures import ThreadPoolExecutor

import openai
import pytest

from harness import Stack, load_policy, policy_variant
from helpers import auth, client, error_of, raw, received
from spend_helpers import (MESSAGES, MODEL, cost_micro, key_info, last_spend_note, log_lines, micro, settled,
                           standing)


@pytest.fixture(scope="module")
def spend_stack():
    """The example policy (ops: 100 USD a month; key ops-demo: 20 USD a day), fresh counters."""
    yield from policy_variant(lambda p: None, workers=2)


def test_json_usage_is_charged_exactly_on_both_scopes(spend_stack):
    before_ws, _ = standing(spend_stack)
    before_key, _ = standing(spend_stack, "key:ops-demo")
    resp = client(spend_stack, "ops").chat.completions.with_raw_response.create(
        model=MODEL, messages=MESSAGES, max_tokens=100, extra_headers={"x-mock-usage": "1000000,200000,0"})
    assert resp.http_response.status_code == 200
    reserved = micro(resp.headers["x-llm-reserved-usd"])
    assert reserved > 0
    assert micro(resp.headers["x-llm-budget-remaining-usd"]) <= 20_000_000 - reserved
    expected = cost_micro(1_000_000, 200_000)  # 0.02 + 0.01 USD
    assert expected == 30_000
    assert settled(spend_stack) == (before_ws + expected, 0)
    assert settled(spend_stack, "key:ops-demo") == (before_key + expected, 0)
    # The same total is in Envoy's stats (summed over both workers).
    assert spend_stack.stats()["wasmcustom.llm_spend_micro_usd.workspace=ops"] == before_ws + expected


def test_stream_usage_split_across_chunks_is_charged_and_hidden_from_the_client(spend_stack):
    before, _ = standing(spend_stack)
    lines = log_lines(spend_stack)
    stream = client(spend_stack, "ops").chat.completions.create(
        model=MODEL, messages=MESSAGES, max_tokens=50, stream=True,
        extra_headers={"x-mock-usage": "3000,40", "x-mock-split-usage": "1", "x-mock-stream-chunks": "3"})
    chunks = list(stream)
    # The client did not ask for usage: it never sees the usage-only chunk the gateway requested.
    assert len(chunks) == 3 and all(c.choices for c in chunks) and all(c.usage is None for c in chunks)
    sent = json.loads(received(spend_stack, "budget-cloud")[-1]["body"])
    assert sent["stream_options"] == {"include_usage": True}
    note = last_spend_note(spend_stack, lines)
    assert f"cost_usd=0.{cost_micro(3000, 40):06d} prompt_tokens=3000 completion_tokens=40 estimated=false" in note
    assert settled(spend_stack)[0] == before + cost_micro(3000, 40)


def test_a_client_that_asked_for_stream_usage_gets_it(spend_stack):
    stream = client(spend_stack, "ops").chat.completions.create(
        model=MODEL, messages=MESSAGES, max_tokens=50, stream=True, stream_options={"include_usage": True},
        extra_headers={"x-mock-usage": "77,5"})
    chunks = list(stream)
    assert chunks[-1].choices == [] and chunks[-1].usage.prompt_tokens == 77


def test_a_stream_cut_mid_way_is_charged_by_estimate_and_marked(spend_stack):
    before, _ = standing(spend_stack)
    lines = log_lines(spend_stack)
    with pytest.raises(Exception):
        list(client(spend_stack, "ops").chat.completions.create(
            model=MODEL, messages=MESSAGES, max_tokens=50, stream=True,
            extra_headers={"x-mock-stream-chunks": "5", "x-mock-cut-after": "2", "x-mock-usage": "999,999"}))
    note = last_spend_note(spend_stack, lines)
    assert "estimated=true" in note and "completion_tokens=2 " in note, note
    spent, reserved = settled(spend_stack)
    assert reserved == 0 and spent > before


def test_a_client_abort_releases_the_reservation(spend_stack):
    body = json.dumps({"model": MODEL, "messages": MESSAGES, "max_tokens": 10}).encode()
    head = (f"POST /v1/chat/completions HTTP/1.1\r\nhost: x\r\nauthorization: Bearer sk-ops-demo\r\n"
            f"content-type: application/json\r\nx-mock-delay-ms: 3000\r\ncontent-length: {len(body)}\r\n\r\n").encode()
    with socket.create_connection(("127.0.0.1", spend_stack.listen_port), timeout=5) as s:
        s.sendall(head + body)
        deadline = time.monotonic() + 5
        while standing(spend_stack)[1] == 0 and time.monotonic() < deadline:
            time.sleep(0.02)
        assert standing(spend_stack)[1] > 0, "the request should hold a reservation while in flight"
    # Envoy's on_log for the aborted stream settles it by estimate, long before the mock answers.
    t0 = time.monotonic()
    assert settled(spend_stack, timeout=2)[1] == 0
    assert time.monotonic() - t0 < 2


def test_key_info_shows_limits_windows_and_rate_limits(spend_stack):
    data = key_info(spend_stack)
    assert data["label"] == "ops-demo" and data["workspace"] == "ops"
    assert data["rate_limit"] == {"requests_per_minute": 600, "tokens_per_minute": 2000000}
    ws, key = data["budgets"]
    assert (ws["scope"], ws["limit_usd"], ws["reset"]) == ("workspace:ops", 100.0, "monthly")
    assert ws["resets_at"].endswith("-01T00:00:00Z")
    assert (key["scope"], key["limit_usd"], key["reset"]) == ("key:ops-demo", 20.0, "daily")
    assert key["resets_at"].endswith("T00:00:00Z")
    # Other workspaces have no budget: the list is empty, not an error.
    assert raw(spend_stack, "GET", "/v1/key", headers=auth("engineering"))[0] == 200
    assert raw(spend_stack, "POST", "/v1/key", b"{}", headers=auth("ops"))[0] == 405
    assert raw(spend_stack, "GET", "/v1/key", headers={"authorization": "Bearer nope"})[0] == 401


@pytest.fixture(scope="module")
def tiny_budget_stack():
    def edit(p):
        p["workspaces"]["ops"]["budget"] = {"limit_usd": 0.00001, "reset": "daily"}
        del p["auth"]["keys"][3]["budget"]
        p["auth"]["keys"][1]["rate_limit"] = {"requests_per_minute": 2}  # legal-demo
    yield from policy_variant(edit)


def test_over_budget_is_403_budget_exceeded(tiny_budget_stack):
    with pytest.raises(openai.PermissionDeniedError) as e:
        client(tiny_budget_stack, "ops").chat.completions.create(model=MODEL, messages=MESSAGES, max_tokens=1000)
    err = error_of(e.value.response.content)
    assert err["code"] == "budget_exceeded" and err["type"] == "permission_error"
    meta = err["metadata"]
    assert set(meta) == {"scope", "limit", "spent", "requested", "reset", "resets_at"}
    assert (meta["scope"], meta["limit"], meta["spent"], meta["reset"]) == ("workspace:ops", 0.00001, 0.0, "daily")
    assert meta["requested"] > meta["limit"] and meta["resets_at"].endswith("T00:00:00Z")
    assert received(tiny_budget_stack, "budget-cloud") == []
    assert tiny_budget_stack.stats()["wasmcustom.llm_budget_refused.workspace=ops"] >= 1


def test_rate_limit_is_429_with_retry_after(tiny_budget_stack):
    # Windows are calendar minutes: keep the three requests inside one.
    if time.time() % 60 > 55:
        time.sleep(61 - time.time() % 60)
    c = client(tiny_budget_stack, "legal")
    for _ in range(2):
        c.chat.completions.create(model="gpt-4o-mini", messages=MESSAGES)
    with pytest.raises(openai.RateLimitError) as e:
        c.chat.completions.create(model="gpt-4o-mini", messages=MESSAGES)
    assert error_of(e.value.response.content)["code"] == "rate_limit_exceeded"
    assert 1 <= int(e.value.response.headers["retry-after"]) <= 60


def calibrate(stack: Stack, max_tokens: int) -> tuple[int, int]:
    """(reservation, prompt-token bound) of the concurrency test's request, read off one request."""
    stack.reset_mocks()
    resp = client(stack, "ops").chat.completions.with_raw_response.create(
        model=MODEL, messages=MESSAGES, max_tokens=max_tokens)
    reserved = micro(resp.headers["x-llm-reserved-usd"])
    body = received(stack, "budget-cloud")[-1]["body"]
    # The plugin's provable bound: body bytes + 8 per message + 16 (request::tokens).
    prompt_bound = len(body) + 8 * len(MESSAGES) + 16
    assert reserved == cost_micro(prompt_bound, max_tokens)
    return reserved, prompt_bound


def run_concurrently(stacks: list[Stack], n: int, usage: str) -> list[int]:
    def one(i: int) -> int:
        s = stacks[i % len(stacks)]
        try:
            client(s, "ops", timeout=30).chat.completions.create(
                model=MODEL, messages=MESSAGES, max_tokens=1000,
                extra_headers={"x-mock-usage": usage, "x-mock-delay-ms": "300"})
            return 200
        except openai.APIStatusError as e:
            return e.status_code
    with ThreadPoolExecutor(max_workers=n) as pool:
        return list(pool.map(one, range(n)))


def test_64_concurrent_requests_against_a_budget_for_exactly_10(spend_stack):
    reserved, prompt_bound = calibrate(spend_stack, 1000)
    limit = 10 * reserved

    def edit(p):
        p["workspaces"]["ops"]["budget"] = {"limit_usd": limit / 1e6, "reset": "never"}
        del p["auth"]["keys"][3]["budget"]
    for s in policy_variant(edit, workers=2):
        # The mock reports exactly the reserved worst case: every admitted request costs `reserved`.
        statuses = run_concurrently([s], 64, f"{prompt_bound},1000")
        assert statuses.count(200) == 10, statuses
        assert statuses.count(403) == 54
        assert settled(s) == (limit, 0)
        assert len(received(s, "budget-cloud")) == 10


@pytest.fixture(scope="module")
def unreachable_store_stacks():
    """`store: redis` with nothing listening behind the webdis cluster."""
    def edit(mode):
        def apply(p):
            p["spend"] = {"store": "redis", "redis": {"cluster": "webdis", "timeout_ms": 200}, "on_store_error": mode}
        return apply
    closed = policy_variant(edit("fail_closed"))
    opened = policy_variant(edit("fail_open"))
    yield next(closed), next(opened)
    for gen in (closed, opened):
        gen.close()


def test_store_down_fails_closed_by_default_and_open_when_configured(unreachable_store_stacks):
    closed, opened = unreachable_store_stacks
    with pytest.raises(openai.InternalServerError) as e:
        client(closed, "ops").chat.completions.create(model=MODEL, messages=MESSAGES, max_tokens=10)
    assert e.value.status_code == 503
    assert error_of(e.value.response.content)["code"] == "budget_store_unavailable"
    assert received(closed, "budget-cloud") == []
    # Fail-open admits against this process's local counters, with the same limits.
    ok = client(opened, "ops").chat.completions.create(model=MODEL, messages=MESSAGES, max_tokens=10)
    assert ok.choices[0].message.content == "served by budget-cloud"

"""Shared by the spend tests: prices from the example catalog, exact micro-USD arithmetic (the
same integer rule as the plugin: sum exactly, round up once), `/v1/key`, the access log."""

from __future__ import annotations

import json
import time

from harness import Stack, load_policy
from helpers import auth, raw

# ops may only use budget-cloud, which serves llama3:8b under its own name: bodies are unchanged.
MODEL = "llama3:8b"
MESSAGES = [{"role": "user", "content": "How many tokens is this?"}]


def price_micro(model_alias: str = MODEL, provider: str = "budget-cloud") -> tuple[int, int]:
    """(prompt, completion) price in micro-USD per million tokens."""
    for model in load_policy()["models"]:
        if model_alias in [model["id"], *model.get("aliases", [])]:
            for ep in model["endpoints"]:
                if ep["provider"] == provider:
                    return round(ep["price"]["prompt"] * 1e6), round(ep["price"]["completion"] * 1e6)
    raise KeyError(model_alias)


def cost_micro(prompt: int, completion: int) -> int:
    p, c = price_micro()
    exact = prompt * p + completion * c
    return -(-exact // 1_000_000)


def micro(decimal_usd: str) -> int:
    whole, _, frac = decimal_usd.partition(".")
    return int(whole) * 1_000_000 + int((frac + "000000")[:6])


def key_info(stack: Stack, workspace: str = "ops") -> dict:
    status, _, body = raw(stack, "GET", "/v1/key", headers=auth(workspace))
    assert status == 200, body
    return json.loads(body)["data"]


def standing(stack: Stack, scope: str = "workspace:ops") -> tuple[int, int | None]:
    """(spent, reserved) of a scope in micro-USD."""
    for b in key_info(stack)["budgets"]:
        if b["scope"] == scope:
            reserved = b["reserved_usd"]
            return round(b["spent_usd"] * 1e6), None if reserved is None else round(reserved * 1e6)
    raise KeyError(scope)


def settled(stack: Stack, scope: str = "workspace:ops", timeout: float = 10) -> tuple[int, int | None]:
    """Waits until nothing is reserved any more, then returns (spent, reserved)."""
    deadline = time.monotonic() + timeout
    while True:
        spent, reserved = standing(stack, scope)
        if not reserved or time.monotonic() > deadline:
            return spent, reserved
        time.sleep(0.05)


def last_spend_note(stack: Stack, count_before: int, timeout: float = 5) -> str:
    """The spend note of the access-log line written after `count_before` lines."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        lines = stack.access_log.read_text().splitlines() if stack.access_log.exists() else []
        if len(lines) > count_before:
            return lines[count_before]
        time.sleep(0.05)
    raise TimeoutError("no access-log line")


def log_lines(stack: Stack) -> int:
    """Lines in the access log once earlier requests are flushed (Envoy flushes every 100 ms here)."""
    time.sleep(0.3)
    return len(stack.access_log.read_text().splitlines()) if stack.access_log.exists() else 0

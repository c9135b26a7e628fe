"""64 concurrent clients for 30 s (SOAK_SECONDS) through Envoy with 2 workers, mixing valid and
invalid requests: every answer is the expected one (no 5xx at all), the wasm VMs never reload or
fail a stream, and Envoy's RSS grows by at most 5 MB between 10 s and the end."""

from __future__ import annotations

import collections
import http.client
import json
import os
import threading
import time
from pathlib import Path

import pytest

from harness import Stack
from helpers import auth

SECONDS = float(os.environ.get("SOAK_SECONDS", "30"))
CLIENTS = 64

CHAT = {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "hi"}], "provider": {"only": ["euro-zdr"]}}
# (name, method, path, body, headers, expected status)
MIX = [
    ("chat", "POST", "/v1/chat/completions", json.dumps(CHAT).encode(), auth(), 200),
    ("stream", "POST", "/v1/chat/completions", json.dumps({**CHAT, "stream": True}).encode(),
     auth(**{"x-mock-stream-chunks": "2", "x-mock-stream-interval-ms": "5"}), 200),
    ("embeddings", "POST", "/v1/embeddings", json.dumps({"model": "openai/text-embedding-3-small", "input": "x"}).encode(), auth(), 200),
    ("models", "GET", "/v1/models", None, auth(), 200),
    ("bad_json", "POST", "/v1/chat/completions", b'{"model": "gpt-4o-mini", "messages": [', auth(), 400),
    ("bad_key", "POST", "/v1/chat/completions", json.dumps(CHAT).encode(), {**auth(), "authorization": "Bearer nope"}, 401),
    ("policy", "POST", "/v1/chat/completions", json.dumps({**CHAT, "model": "llama3:8b", "provider": {}}).encode(), auth("marketing"), 403),
    ("no_model", "POST", "/v1/chat/completions", json.dumps({**CHAT, "model": "no/such"}).encode(), auth(), 404),
    ("media", "POST", "/v1/chat/completions", json.dumps(CHAT).encode(), {**auth(), "content-type": "text/plain"}, 415),
    ("spoof", "POST", "/v1/chat/completions", json.dumps(CHAT).encode(), auth(**{"x-llm-cluster": "provider_us"}), 200),
]


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


@pytest.fixture(scope="module")
def soak_stack():
    with Stack(workers=2) as s:
        yield s


@pytest.mark.timeout(SECONDS + 90)
def test_64_clients_mixed_traffic(soak_stack):
    s = soak_stack
    deadline = time.monotonic() + SECONDS
    outcomes: collections.Counter = collections.Counter()
    wrong: list = []
    lock = threading.Lock()

    def client(index: int) -> None:
        conn = None
        i = index
        while time.monotonic() < deadline:
            name, method, path, body, headers, expected = MIX[i % len(MIX)]
            i += 1
            try:
                conn = conn or http.client.HTTPConnection("127.0.0.1", s.listen_port, timeout=10)
                conn.request(method, path, body=body, headers=headers)
                resp = conn.getresponse()
                resp.read()
                status = resp.status
                if resp.getheader("connection", "").lower() == "close":
                    conn.close()
                    conn = None
            except (OSError, http.client.HTTPException) as e:
                status = f"error {type(e).__name__}"
                if conn:
                    conn.close()
                conn = None
            with lock:
                outcomes[(name, status)] += 1
                if status != expected:
                    wrong.append((name, status))

    threads = [threading.Thread(target=client, args=(n,), daemon=True) for n in range(CLIENTS)]
    for t in threads:
        t.start()
    time.sleep(min(10, SECONDS / 3))
    rss_early = rss_mb(s.envoy_proc.pid)
    for t in threads:
        t.join(timeout=SECONDS + 30)
    rss_late = rss_mb(s.envoy_proc.pid)
    total = sum(outcomes.values())
    print(f"\nsoak: {total} requests in {SECONDS:.0f}s ({total / SECONDS:.0f}/s); RSS {rss_early:.1f} → {rss_late:.1f} MB; {dict(outcomes)}")
    assert total > CLIENTS * 10
    assert not wrong, collections.Counter(wrong).most_common(5)
    stats = s.stats()
    reloads = {k: v for k, v in stats.items() if "llm_policy_router" in k and "vm_reload" in k}
    assert reloads and all(v == 0 for v in reloads.values()), reloads
    assert "wasm_fail_stream" not in s.access_log.read_text()
    assert rss_late - rss_early <= 5.0, (rss_early, rss_late)

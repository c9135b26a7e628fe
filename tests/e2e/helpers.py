"""Helpers shared by the end-to-end tests: SDK clients, raw HTTP, error-shape checks."""

from __future__ import annotations

import base64
import http.client
import json
import subprocess

import openai

from harness import DEMO_KEYS, Stack


def client(s: Stack, workspace: str = "engineering", **kw) -> openai.OpenAI:
    """The official SDK pointed at Envoy, with the demo key of `workspace`."""
    return openai.OpenAI(base_url=f"{s.url}/v1", api_key=DEMO_KEYS[workspace], **{"max_retries": 0, "timeout": 15, **kw})


def chat(model: str = "gpt-4o-mini", **extra) -> dict:
    return {"model": model, "messages": [{"role": "user", "content": "hello"}], **extra}


def raw(s: Stack, method: str, path: str, body: bytes | None = None, headers: dict | None = None,
        timeout: float = 15) -> tuple[int, dict, bytes]:
    """One HTTP/1.1 request with exact bytes; returns (status, lowercase headers, body)."""
    conn = http.client.HTTPConnection("127.0.0.1", s.listen_port, timeout=timeout)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        resp = conn.getresponse()
        return resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read()
    finally:
        conn.close()


def auth(workspace: str = "engineering", **more) -> dict:
    return {"authorization": f"Bearer {DEMO_KEYS[workspace]}", "content-type": "application/json", **more}


def error_of(body: bytes) -> dict:
    """The `error` object of an OpenAI-shaped error body (asserting the shape)."""
    doc = json.loads(body)
    assert set(doc) == {"error"}, doc
    assert set(doc["error"]) == {"message", "type", "code", "param", "metadata"}, doc
    return doc["error"]


def received(s: Stack, provider: str) -> list[dict]:
    """Requests a mock provider received, with decoded bodies."""
    out = []
    for r in s.mock_requests(provider):
        r["body"] = base64.b64decode(r["body_b64"])
        out.append(r)
    return out


def curl(*args: str, timeout: float = 15) -> subprocess.CompletedProcess:
    return subprocess.run(["curl", "-sS", "--max-time", str(timeout), *args], capture_output=True, text=True, timeout=timeout + 5)



def mock_counts(s: Stack) -> dict[str, int]:
    """How many requests each mock provider has received so far."""
    return {name: len(s.mock_requests(name)) for name in s.mock_ports}


def start_request(s: Stack, method: str, path: str, headers: dict, timeout: float = 15) -> http.client.HTTPConnection:
    """A connection with the request line and headers sent, for tests that write the body by hand."""
    conn = http.client.HTTPConnection("127.0.0.1", s.listen_port, timeout=timeout)
    conn.putrequest(method, path)
    for k, v in headers.items():
        conn.putheader(k, v)
    conn.endheaders()
    return conn

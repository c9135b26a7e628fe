"""Malformed input through a real Envoy: every case gets a clear OpenAI-shaped 4xx (or is served
correctly), nothing unparsed reaches a provider, and the VM keeps serving (see test_zz_vm_health)."""

from __future__ import annotations

import http.client
import json
import socket

import pytest

from helpers import auth, curl, error_of, mock_counts, raw, received, start_request

CHAT = {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "hi"}]}



WRONG_TYPES = [
    ("model", 5), ("model", ["a"]), ("model", None), ("models", "a"), ("models", [1]), ("stream", 1), ("stream", "true"),
    ("max_tokens", "10"), ("max_tokens", -5), ("max_tokens", 1.5), ("max_completion_tokens", {}), ("max_output_tokens", True),
    ("messages", {}), ("messages", [1]), ("messages", "hi"), ("messages", None),
    ("provider", "x"), ("provider", []), ("provider", {"order": "a"}), ("provider", {"order": [1]}), ("provider", {"only": {}}),
    ("provider", {"ignore": "x"}), ("provider", {"allow_fallbacks": "no"}), ("provider", {"require_parameters": 1}),
    ("provider", {"data_collection": "maybe"}), ("provider", {"zdr": "yes"}), ("provider", {"quantizations": "fp8"}),
    ("provider", {"sort": "fastest"}), ("provider", {"sort": 1}), ("provider", {"max_price": 1}),
    ("provider", {"max_price": {"prompt": "cheap"}}), ("provider", {"max_price": {"prompt": -1}}),
]


@pytest.mark.parametrize("field, value", WRONG_TYPES, ids=[f"{f}={json.dumps(v)[:20]}" for f, v in WRONG_TYPES])
def test_wrong_type_for_every_field_is_a_400_naming_it(stack, field, value):
    before = mock_counts(stack)
    body = {**CHAT, field: value}
    status, _, reply = raw(stack, "POST", "/v1/chat/completions", json.dumps(body).encode(), auth())
    assert status == 400, reply
    err = error_of(reply)
    assert err["param"] is not None and err["param"].split(".")[0] in (field, "model"), err
    assert mock_counts(stack) == before


@pytest.mark.parametrize("body", [
    b'{"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "\\ud800"}]}',  # lone surrogate
    b'{"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "\\x41"}]}',  # invalid escape
    b'{"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "a\x00b"}]}',  # raw control character
    b'\xef\xbb\xbf{"model": "gpt-4o-mini", "messages": []}',  # byte-order mark
    b'{"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "x"}],}',  # trailing comma
    b'{"model": "gpt-4o-mini" "messages": []}',  # missing comma
    b'{"model": NaN}',
    b"null",
    b"   ",
])
def test_invalid_json_variants_are_400(stack, body):
    before = mock_counts(stack)
    status, _, reply = raw(stack, "POST", "/v1/chat/completions", body, auth())
    assert status == 400, reply
    error_of(reply)
    assert mock_counts(stack) == before


def test_huge_string_within_the_limit_is_judged_not_crashed(stack):
    body = json.dumps({"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "é" * 1_500_000}]}, ensure_ascii=False).encode()  # 3 MB
    status, _, reply = raw(stack, "POST", "/v1/chat/completions", body, auth(), timeout=30)
    # ~3 MB of text is far beyond every 128k-token window: refused with the reason.
    assert status == 404, reply
    rules = {r["code"] for x in error_of(reply)["metadata"]["excluded_by"] for r in x["rules"]}
    assert rules == {"context_length"}


def test_chunked_body_with_trailers_is_routed(stack):
    body = json.dumps({**CHAT, "provider": {"only": ["euro-zdr"]}}).encode()
    conn = start_request(stack, "POST", "/v1/chat/completions", {**auth(), "transfer-encoding": "chunked", "trailer": "x-checksum"})
    try:
        conn.send(b"%x\r\n%s\r\n0\r\nx-checksum: abc\r\n\r\n" % (len(body), body))
        resp = conn.getresponse()
        assert resp.status == 200 and resp.getheader("x-llm-provider") == "euro-zdr"
        resp.read()
    finally:
        conn.close()


def test_get_with_a_body(stack):
    before = mock_counts(stack)
    status, headers, reply = raw(stack, "GET", "/v1/chat/completions", json.dumps(CHAT).encode(), auth())
    assert status == 405 and error_of(reply)["code"] == "method_not_allowed"
    status, _, reply = raw(stack, "GET", "/v1/models", b'{"junk": true}', auth())
    assert status == 200 and json.loads(reply)["object"] == "list"
    assert mock_counts(stack) == before


def test_malformed_body_over_http2(stack):
    before = mock_counts(stack)
    out = curl("--http2-prior-knowledge", "-o", "-", "-w", "\n%{http_code} %{http_version}", "-H", "authorization: Bearer sk-eng-demo",
               "-H", "content-type: application/json", "--data-binary", '{"model": "gpt-4o-mini", "messages": [', f"{stack.url}/v1/chat/completions")
    reply, _, status = out.stdout.rpartition("\n")
    assert status == "400 2", out.stdout
    assert error_of(reply.encode())["code"] == "invalid_json"
    assert mock_counts(stack) == before


def test_content_length_larger_than_the_body_times_out_cleanly(stack):
    # The client promises more than it sends, then waits: nothing may reach a provider.
    before = mock_counts(stack)
    conn = start_request(stack, "POST", "/v1/chat/completions", {**auth(), "content-length": "500"}, timeout=2)
    try:
        conn.send(json.dumps(CHAT).encode())
        with pytest.raises((TimeoutError, OSError, http.client.HTTPException)):
            conn.getresponse()
    finally:
        conn.close()
    assert mock_counts(stack) == before


def test_non_utf8_header_values_do_not_crash_the_vm(stack):
    # obs-text (bytes 0x80-0xFF) is legal in HTTP/1.1 header values and Envoy passes it on. The SDK's
    # get_map unwraps UTF-8 and would panic the VM (found here: Envoy answered a bare 503).
    body = json.dumps({**CHAT, "provider": {"only": ["euro-zdr"]}}).encode()
    base = b"POST /v1/chat/completions HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\n"
    cases = [
        (b"authorization: Bearer sk-eng-demo\r\nx-note: caf\xe9\r\n", 200),
        (b"authorization: Bearer sk-eng-demo\xff\r\n", 401),
    ]
    for headers, expected in cases:
        request = base + headers + b"content-length: %d\r\nconnection: close\r\n\r\n" % len(body) + body
        with socket.create_connection(("127.0.0.1", stack.listen_port), timeout=10) as sock:
            sock.sendall(request)
            reply = b""
            while chunk := sock.recv(65536):
                reply += chunk
        assert int(reply.split(b" ", 2)[1]) == expected, reply[:300]
    # The VM survived: a normal request still works and nothing reloaded.
    status, _, _ = raw(stack, "POST", "/v1/chat/completions", body, auth())
    assert status == 200
    assert all(v == 0 for k, v in stack.stats().items() if "llm_policy_router" in k and "vm_reload" in k)


def h2_request(stack, headers: list, body: bytes, trailers: list | None) -> tuple[int, dict, bytes]:
    """One HTTP/2 request (prior knowledge) with optional request trailers, via the h2 library."""
    import h2.config
    import h2.connection
    import h2.events

    conn = h2.connection.H2Connection(config=h2.config.H2Configuration(client_side=True, header_encoding="utf-8"))
    with socket.create_connection(("127.0.0.1", stack.listen_port), timeout=10) as sock:
        conn.initiate_connection()
        base = [(":method", "POST"), (":path", "/v1/chat/completions"), (":scheme", "http"), (":authority", "x")]
        conn.send_headers(1, base + headers)
        conn.send_data(1, body, end_stream=trailers is None)
        if trailers is not None:
            conn.send_headers(1, trailers, end_stream=True)
        sock.sendall(conn.data_to_send())
        status, response_headers, data = 0, {}, b""
        while True:
            chunk = sock.recv(65536)
            if not chunk:
                break
            for event in conn.receive_data(chunk):
                if isinstance(event, h2.events.ResponseReceived):
                    response_headers = dict(event.headers)
                    status = int(response_headers[":status"])
                elif isinstance(event, h2.events.DataReceived):
                    data += event.data
                    conn.acknowledge_received_data(event.flow_controlled_length, event.stream_id)
                elif isinstance(event, h2.events.StreamEnded):
                    return status, response_headers, data
            sock.sendall(conn.data_to_send())
    return status, response_headers, data


def test_http2_request_trailers_end_the_body(stack):
    # With trailers the body callback never sees end-of-stream; the trailers callback must route.
    body = json.dumps({**CHAT, "provider": {"only": ["euro-zdr"]}}).encode()
    headers = [("content-type", "application/json"), ("authorization", "Bearer sk-eng-demo"), ("x-llm-cluster", "provider_us")]
    status, response_headers, data = h2_request(stack, headers, body, [("x-checksum", "abc")])
    assert status == 200, data
    assert response_headers["x-llm-provider"] == "euro-zdr"
    upstream = json.loads(received(stack, "euro-zdr")[-1]["body"])
    assert upstream["model"] == "gpt-4o-mini-eu" and "provider" not in upstream
    # A refused body with trailers is still refused cleanly.
    status, _, data = h2_request(stack, headers, b'{"model": ', [("x-checksum", "abc")])
    assert status == 400 and error_of(data)["code"] == "invalid_json"

"""Request bodies through a real Envoy: the model rewrite changes only what it must (byte for byte),
and every body the plugin cannot accept gets a clear OpenAI-shaped 4xx while nothing reaches a
provider."""

from __future__ import annotations

import gzip
import http.client
import json

import openai
import pytest

from helpers import auth, client, curl, error_of, mock_counts, raw, received, start_request

MB = 1024 * 1024



def test_model_rewrite_keeps_every_other_byte(stack):
    # Odd spacing, escapes, key order, numbers and unicode survive untouched; only `model` changes
    # and the gateway-only `provider` member disappears with its comma.
    original = (
        '{ "temperature" : 1.0e0,\n  "model":"gpt-4o-mini" ,"provider": {"only": ["euro-zdr"], "sort": "price"},'
        '\t"messages":[{"role":"user","content":"caf\\u00e9 \\"quoted\\" – ünïcode 🚀"}], "seed": 7 }'
    )
    expected = (
        '{ "temperature" : 1.0e0,\n  "model":"gpt-4o-mini-eu" ,'
        '\t"messages":[{"role":"user","content":"caf\\u00e9 \\"quoted\\" – ünïcode 🚀"}], "seed": 7 }'
    )
    status, headers, _ = raw(stack, "POST", "/v1/chat/completions", original.encode(), auth())
    assert status == 200 and headers["x-llm-provider"] == "euro-zdr"
    got = received(stack, "euro-zdr")[-1]
    assert got["body"] == expected.encode()
    assert got["headers"]["content-length"] == str(len(expected.encode()))


def test_unchanged_body_is_forwarded_as_is(stack):
    # ops may only use budget-cloud, whose name for llama3:8b is llama3:8b: nothing to rewrite.
    original = b'{"messages": [{"role": "user", "content": "hi"}],   "model": "llama3:8b"}'
    status, headers, _ = raw(stack, "POST", "/v1/chat/completions", original, auth("ops"))
    assert status == 200 and headers["x-llm-provider"] == "budget-cloud"
    assert received(stack, "budget-cloud")[-1]["body"] == original


@pytest.mark.parametrize(
    "body, headers, status, code",
    [
        (b"{\"model\": \"gpt-4o-mini\", \"messages\": [", {}, 400, "invalid_json"),
        (b"not json at all", {}, 400, "invalid_json"),
        (b"[1, 2]", {}, 400, "invalid_json"),
        (b'{"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "\xff\xfe"}]}', {}, 400, "invalid_json"),
        (b'{"model": "a", "model": "gpt-4o-mini", "messages": [{"role": "user", "content": "x"}]}', {}, 400, "invalid_request"),
        (b'{"model": 42, "messages": [{"role": "user", "content": "x"}]}', {}, 400, "invalid_request"),
        (b'{"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "x"}], "stream": "yes"}', {}, 400, "invalid_request"),
        (b'{"model": "gpt-4o-mini", "messages": []}', {}, 400, "invalid_request"),
        (b'{"messages": [{"role": "user", "content": "x"}]}', {}, 400, "missing_model"),
        (b'{"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "x"}], "provider": {"sort": 5}}', {}, 400, "invalid_request"),
        (b'{"model": "gpt-4o-mini", "messages": ' + b"[" * 10_000 + b"]" * 10_000 + b"}", {}, 400, "invalid_request"),
        (b'{"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "x"}]}', {"content-type": "text/plain"}, 415, "unsupported_media_type"),
        (gzip.compress(b'{"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "x"}]}'), {"content-encoding": "gzip"}, 415, "unsupported_content_encoding"),
        (b"", {}, 400, "missing_body"),
    ],
)
def test_bad_bodies_get_clear_4xx_and_reach_no_provider(stack, body, headers, status, code):
    before = mock_counts(stack)
    got_status, got_headers, reply = raw(stack, "POST", "/v1/chat/completions", body, {**auth(), **headers})
    assert got_status == status, reply
    assert got_headers["content-type"] == "application/json"
    err = error_of(reply)
    assert err["code"] == code
    assert "ünïcode" not in err["message"]
    assert mock_counts(stack) == before


def test_wrong_type_names_the_field(stack):
    body = b'{"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "x"}], "max_tokens": "many"}'
    _, _, reply = raw(stack, "POST", "/v1/chat/completions", body, auth())
    err = error_of(reply)
    assert err["param"] == "max_tokens" and "many" not in err["message"]


@pytest.mark.parametrize("size_mb", [5, 20])  # above the plugin's 4 MiB; above Envoy's 8 MiB buffer
def test_oversized_body_with_content_length_is_refused_by_the_plugin(stack, size_mb):
    # The plugin answers on the content-length, before the body arrives. Clients that read an early
    # response (the SDK, curl) get the JSON 413; Envoy then closes the connection.
    with pytest.raises(openai.APIStatusError) as e:
        client(stack).chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "a" * (size_mb * MB)}])
    assert e.value.status_code == 413 and e.value.code == "request_too_large"
    assert e.value.response.headers["content-type"] == "application/json"


def test_oversized_body_with_content_length_over_curl(stack, tmp_path):
    body = tmp_path / "big.json"
    body.write_bytes(b'{"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "' + b"a" * (5 * MB) + b'"}]}')
    out = curl("-o", "-", "-w", "\n%{http_code}", "-H", "authorization: Bearer sk-eng-demo", "-H", "content-type: application/json",
               "--data-binary", f"@{body}", f"{stack.url}/v1/chat/completions", timeout=30)
    reply, _, status = out.stdout.rpartition("\n")
    assert status == "413", out.stderr
    assert error_of(reply.encode())["code"] == "request_too_large"


@pytest.mark.parametrize("size_mb", [5, 9])  # above the plugin's 4 MiB, and above Envoy's 8 MiB buffer
def test_oversized_chunked_body_is_refused_by_the_plugin(stack, size_mb):
    def chunks():
        yield b'{"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "'
        for _ in range(size_mb * 16):
            yield b"a" * (64 * 1024)
        yield b'"}]}'

    conn = start_request(stack, "POST", "/v1/chat/completions", {**auth(), "transfer-encoding": "chunked"}, timeout=30)
    try:
        try:
            for chunk in chunks():
                conn.send(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            conn.send(b"0\r\n\r\n")
        except (BrokenPipeError, ConnectionResetError):
            pass  # Envoy may answer and close before the whole body is sent
        resp = conn.getresponse()
        assert resp.status == 413
        assert resp.getheader("content-type") == "application/json"
        assert error_of(resp.read())["code"] == "request_too_large"
    finally:
        conn.close()


def test_chunked_body_within_limits_is_routed(stack):
    conn = http.client.HTTPConnection("127.0.0.1", stack.listen_port, timeout=15)
    try:
        body = json.dumps({"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "hi"}], "provider": {"only": ["euro-zdr"]}}).encode()
        conn.request("POST", "/v1/chat/completions", body=iter([body[:20], body[20:]]), headers=auth(), encode_chunked=True)
        resp = conn.getresponse()
        assert resp.status == 200 and resp.getheader("x-llm-provider") == "euro-zdr"
        resp.read()
    finally:
        conn.close()
    upstream = received(stack, "euro-zdr")[-1]
    assert json.loads(upstream["body"])["model"] == "gpt-4o-mini-eu"


def test_wrong_method_is_405(stack):
    status, headers, reply = raw(stack, "GET", "/v1/chat/completions", headers=auth())
    assert status == 405 and headers["allow"] == "POST"
    assert error_of(reply)["code"] == "method_not_allowed"
    status, headers, _ = raw(stack, "POST", "/v1/models", b"{}", auth())
    assert status == 405 and headers["allow"] == "GET"


def test_sdk_surfaces_400_as_bad_request_error(stack):
    with pytest.raises(openai.BadRequestError) as e:
        client(stack).chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "x"}],
                                              extra_body={"provider": {"sort": "fastest"}})
    assert e.value.code == "invalid_request" and e.value.param == "provider.sort"

"""Mock LLM providers for `make run` and the end-to-end tests.

One process serves several named providers, one port each, all on 127.0.0.1:

    python mock_provider.py euro-zdr=18001 us-train=18002 ...

Each answers the OpenAI API (chat, completions, embeddings, responses; JSON or SSE) and says who
it is (`x-mock-provider`, and "served by <name>" in the text). Request headers steer it:
`x-mock-status` (answer with that status), `x-mock-delay-ms` (sleep first),
`x-mock-stream-interval-ms` / `x-mock-stream-chunks` (SSE pacing), `x-mock-usage: P,C[,cached]`
(the usage it reports), `x-mock-reply` (the assistant's text), `x-mock-split-usage` (write the final usage event in two pieces, 50 ms
apart), `x-mock-cut-after: N` (drop the connection after N stream events). It records every request it
receives; tests read them from `GET /__mock/requests` and clear them with `POST /__mock/reset`
on the provider's own port (not through Envoy).
"""

from __future__ import annotations

import base64
import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LOCK = threading.Lock()


class Provider:
    def __init__(self, name: str) -> None:
        self.name = name
        self.requests: list[dict] = []


def make_handler(provider: Provider):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # Python's default Nagle + delayed ACK adds ~40 ms per reply

        def log_message(self, *args) -> None:  # quiet
            pass

        def _read_body(self) -> bytes:
            if "chunked" in self.headers.get("transfer-encoding", "").lower():
                data = b""
                while True:
                    size = int(self.rfile.readline().strip().split(b";")[0], 16)
                    if size == 0:
                        while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                            pass
                        return data
                    data += self.rfile.read(size)
                    self.rfile.readline()
            length = int(self.headers.get("content-length") or 0)
            return self.rfile.read(length) if length else b""

        def _send_json(self, status: int, payload: dict, extra: dict | None = None) -> None:
            body = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(body)))
            self.send_header("x-mock-provider", provider.name)
            # A hostile upstream trying to claim another provider; the plugin must overwrite it.
            self.send_header("x-llm-provider", "spoofed-by-upstream")
            for k, v in (extra or {}).items():
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:
            if self.path == "/__mock/requests":
                with LOCK:
                    self._send_json(200, {"requests": provider.requests})
                return
            self._record(b"")
            if self.path.startswith("/status"):
                self._send_json(200, {"ok": True, "provider": provider.name})
                return
            self._send_json(404, {"error": {"message": "mock: no such path", "type": "invalid_request_error"}})

        def do_POST(self) -> None:
            if self.path == "/__mock/reset":
                self._read_body()
                with LOCK:
                    provider.requests.clear()
                self._send_json(200, {"ok": True})
                return
            body = self._read_body()
            record = self._record(body)
            delay = int(self.headers.get("x-mock-delay-ms") or 0)
            if delay:
                time.sleep(delay / 1000)
            status = int(self.headers.get("x-mock-status") or 200)
            if status != 200:
                self._send_json(status, {"error": {"message": f"mock {provider.name} says {status}", "type": "server_error", "code": None}})
                return
            try:
                req = json.loads(body or b"{}")
            except ValueError:
                self._send_json(400, {"error": {"message": "mock: body is not JSON", "type": "invalid_request_error"}})
                return
            model = req.get("model", "")
            path = self.path.split("?")[0]
            reported = usage_from(self.headers.get("x-mock-usage"))
            if path.endswith("/chat/completions"):
                if req.get("stream"):
                    self._stream_chat(req, model, record, reported)
                else:
                    reply = self.headers.get("x-mock-reply")
                    payload = chat_completion(provider.name, model, reported)
                    if reply:
                        payload["choices"][0]["message"]["content"] = reply
                    self._send_json(200, payload)
            elif path.endswith("/completions"):
                if req.get("stream"):
                    self._stream_chat(req, model, record, reported, legacy=True)
                else:
                    self._send_json(200, text_completion(provider.name, model, reported))
            elif path.endswith("/embeddings"):
                self._send_json(200, embeddings(model))
            elif path.endswith("/responses"):
                if req.get("stream"):
                    self._stream_response(model, record)
                else:
                    self._send_json(200, response_object(provider.name, model))
            else:
                self._send_json(404, {"error": {"message": "mock: no such path", "type": "invalid_request_error"}})

        def _record(self, body: bytes) -> dict:
            record = {
                "method": self.command,
                "path": self.path,
                "headers": {k.lower(): v for k, v in self.headers.items()},
                "body_b64": base64.b64encode(body).decode(),
                "events_sent_at": [],
                "received_at": time.time(),
            }
            with LOCK:
                provider.requests.append(record)
            return record

        def _stream_chat(self, req: dict, model: str, record: dict, reported: dict | None, legacy: bool = False) -> None:
            """A chat-completion stream, or with `legacy` a completions stream (`choices[].text`)."""
            interval = int(self.headers.get("x-mock-stream-interval-ms") or 50) / 1000
            chunks = int(self.headers.get("x-mock-stream-chunks") or 5)
            cut_after = int(self.headers.get("x-mock-cut-after") or 0)
            self.send_response(200)
            self.send_header("content-type", "text/event-stream")
            self.send_header("transfer-encoding", "chunked")
            self.send_header("x-mock-provider", provider.name)
            self.end_headers()
            words = [f"served by {provider.name}"] + [f" part{i}" for i in range(1, chunks)]
            reply = self.headers.get("x-mock-reply")
            # A tool call whose arguments (this header) arrive cut into `chunks` pieces.
            tool_arguments = self.headers.get("x-mock-tool-arguments")
            if reply or tool_arguments:  # the given text, cut into `chunks` pieces
                text = reply or tool_arguments
                step = -(-len(text) // chunks)
                words = [text[k:k + step] for k in range(0, len(text), step)]
            for i, word in enumerate(words):
                if i:
                    time.sleep(interval)
                last = i == len(words) - 1
                finish = ("tool_calls" if tool_arguments else "stop") if last else None
                delta = {"content": word}
                if tool_arguments:
                    call = {"index": 0, "function": {"arguments": word}}
                    if i == 0:
                        call.update({"id": "call_mock", "type": "function"})
                        call["function"]["name"] = "send_mail"
                    delta = {"tool_calls": [call]}
                chunk = {
                    "id": "cmpl-mock" if legacy else "chatcmpl-mock",
                    "object": "text_completion" if legacy else "chat.completion.chunk",
                    "created": int(time.time()),
                    "model": model,
                    "choices": [{"index": 0, "text": word, "finish_reason": finish, "logprobs": None} if legacy
                                else {"index": 0, "delta": delta, "finish_reason": finish}],
                }
                self._write_event(json.dumps(chunk), record)
                if cut_after and i + 1 >= cut_after:
                    # An upstream reset mid-stream: no terminating chunk, no usage.
                    self.wfile.flush()
                    self.connection.shutdown(2)
                    self.close_connection = True
                    return
            if (req.get("stream_options") or {}).get("include_usage"):
                reported = reported or {"prompt_tokens": 10, "completion_tokens": chunks, "total_tokens": 10 + chunks}
                usage = {"id": "chatcmpl-mock", "object": "chat.completion.chunk", "created": int(time.time()), "model": model,
                         "choices": [], "usage": reported}
                if self.headers.get("x-mock-split-usage"):
                    payload = f"data: {json.dumps(usage)}\n\n".encode()
                    half = len(payload) // 2
                    for piece in (payload[:half], payload[half:]):
                        self.wfile.write(f"{len(piece):x}\r\n".encode() + piece + b"\r\n")
                        self.wfile.flush()
                        time.sleep(0.05)
                else:
                    self._write_event(json.dumps(usage), record)
            self._write_event("[DONE]", record)
            self.wfile.write(b"0\r\n\r\n")
            self.wfile.flush()

        def _stream_response(self, model: str, record: dict) -> None:
            """A Responses-API stream: `event:` lines, text deltas, then the text repeated whole by
            the done events and `response.completed` (with usage)."""
            interval = int(self.headers.get("x-mock-stream-interval-ms") or 50) / 1000
            chunks = int(self.headers.get("x-mock-stream-chunks") or 5)
            text = self.headers.get("x-mock-reply") or f"served by {provider.name}"
            step = -(-len(text) // chunks)
            self.send_response(200)
            self.send_header("content-type", "text/event-stream")
            self.send_header("transfer-encoding", "chunked")
            self.send_header("x-mock-provider", provider.name)
            self.end_headers()
            whole = response_object(provider.name, model)
            tool_arguments = self.headers.get("x-mock-tool-arguments")
            if tool_arguments:  # a function call whose arguments stream in pieces
                step = -(-len(tool_arguments) // chunks)
                item = {"type": "function_call", "id": "fc_mock", "call_id": "call_mock", "name": "send_mail",
                        "arguments": tool_arguments, "status": "completed"}
                whole["output"] = [item]
                at = {"item_id": "fc_mock", "output_index": 0}
                events = [{"type": "response.created", "response": {**whole, "status": "in_progress", "output": []}},
                          {"type": "response.output_item.added", "output_index": 0, "item": {**item, "arguments": ""}}]
                events += [{"type": "response.function_call_arguments.delta", **at, "delta": tool_arguments[k:k + step]}
                           for k in range(0, len(tool_arguments), step)]
                events += [{"type": "response.function_call_arguments.done", **at, "arguments": tool_arguments},
                           {"type": "response.output_item.done", "output_index": 0, "item": item},
                           {"type": "response.completed", "response": whole}]
            else:
                whole["output"][0]["content"][0]["text"] = text
                part = {"type": "output_text", "text": text, "annotations": []}
                at = {"item_id": "msg_mock", "output_index": 0, "content_index": 0}
                events = [{"type": "response.created", "response": {**whole, "status": "in_progress", "output": []}},
                          {"type": "response.output_item.added", "output_index": 0,
                           "item": {**whole["output"][0], "status": "in_progress", "content": []}},
                          {"type": "response.content_part.added", **at, "part": {**part, "text": ""}}]
                events += [{"type": "response.output_text.delta", **at, "delta": text[k:k + step]}
                           for k in range(0, len(text), step)]
                events += [{"type": "response.output_text.done", **at, "text": text},
                           {"type": "response.content_part.done", **at, "part": part},
                           {"type": "response.output_item.done", "output_index": 0, "item": whole["output"][0]},
                           {"type": "response.completed", "response": whole}]
            for n, event in enumerate(events):
                if n:
                    time.sleep(interval if event["type"].endswith(".delta") else 0)
                self._write_event(json.dumps({**event, "sequence_number": n}), record, name=event["type"])
            self.wfile.write(b"0\r\n\r\n")
            self.wfile.flush()

        def _write_event(self, data: str, record: dict, name: str | None = None) -> None:
            payload = (f"event: {name}\n" if name else "").encode() + f"data: {data}\n\n".encode()
            self.wfile.write(f"{len(payload):x}\r\n".encode() + payload + b"\r\n")
            self.wfile.flush()
            with LOCK:
                record["events_sent_at"].append(time.time())

    return Handler


def usage() -> dict:
    return {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15}


def usage_from(header: str | None) -> dict | None:
    """`P,C[,cached]` → an OpenAI usage object."""
    if not header:
        return None
    parts = [int(x) for x in header.split(",")]
    prompt, completion = parts[0], parts[1]
    out = {"prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion}
    if len(parts) > 2:
        out["prompt_tokens_details"] = {"cached_tokens": parts[2]}
    return out


def chat_completion(name: str, model: str, reported: dict | None = None) -> dict:
    return {
        "id": "chatcmpl-mock", "object": "chat.completion", "created": int(time.time()), "model": model,
        "choices": [{"index": 0, "message": {"role": "assistant", "content": f"served by {name}"}, "finish_reason": "stop"}],
        "usage": reported or usage(),
    }


def text_completion(name: str, model: str, reported: dict | None = None) -> dict:
    return {
        "id": "cmpl-mock", "object": "text_completion", "created": int(time.time()), "model": model,
        "choices": [{"index": 0, "text": f"served by {name}", "finish_reason": "stop", "logprobs": None}],
        "usage": reported or usage(),
    }


def embeddings(model: str) -> dict:
    return {"object": "list", "model": model, "data": [{"object": "embedding", "index": 0, "embedding": [0.1, 0.2, 0.3]}],
            "usage": {"prompt_tokens": 3, "total_tokens": 3}}


def response_object(name: str, model: str) -> dict:
    return {
        "id": "resp_mock", "object": "response", "created_at": int(time.time()), "status": "completed", "model": model,
        "output": [{"type": "message", "id": "msg_mock", "status": "completed", "role": "assistant",
                    "content": [{"type": "output_text", "text": f"served by {name}", "annotations": []}]}],
        "usage": {"input_tokens": 10, "output_tokens": 5, "total_tokens": 15,
                  "input_tokens_details": {"cached_tokens": 0}, "output_tokens_details": {"reasoning_tokens": 0}},
        "parallel_tool_calls": True, "tool_choice": "auto", "tools": [],
    }


def main(argv: list[str]) -> None:
    servers = []
    for spec in argv:
        name, port = spec.split("=")
        server = ThreadingHTTPServer(("127.0.0.1", int(port)), make_handler(Provider(name)))
        server.daemon_threads = True
        servers.append(server)
        threading.Thread(target=server.serve_forever, daemon=True).start()
    print("ready", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main(sys.argv[1:])

"""`make run`: Envoy with the plugin on 127.0.0.1:10000 (admin :9901) and the mock providers, with
example requests to paste. Stops everything on Ctrl-C."""

from __future__ import annotations

import os
import signal
import sys
import time

from harness import POLICY, Stack

EXAMPLES = """
llm-policy-router is up.
  OpenAI API   http://127.0.0.1:{port}/v1      (also /api/v1 for OpenRouter clients)
  Envoy admin  http://127.0.0.1:{admin}        (stats: /stats?filter=wasm, config: /config_dump)
  Policy       {policy}
  Logs         {log}  and  {access}
Mock providers: euro-zdr (EU, zero retention), us-train (US, trains on prompts), budget-cloud (cheap,
int8, no tools). Demo keys: sk-eng-demo, sk-legal-demo (ZDR + EU only), sk-mkt-demo (no Llama, no
training), sk-ops-demo (budget-cloud only; budgets of 100 USD a month for ops and 20 USD a day for the key).

# Cheapest provider; the x-llm-provider response header says who served it:
curl -si http://127.0.0.1:{port}/v1/chat/completions -H 'authorization: Bearer sk-eng-demo' \\
  -H 'content-type: application/json' \\
  -d '{{"model": "gpt-4o-mini", "messages": [{{"role": "user", "content": "Hi"}}], "provider": {{"sort": "price"}}}}'

# Legal may only use zero-retention EU providers; asking for others shows why each was excluded (404):
curl -s http://127.0.0.1:{port}/v1/chat/completions -H 'authorization: Bearer sk-legal-demo' \\
  -H 'content-type: application/json' \\
  -d '{{"model": "gpt-4o-mini", "messages": [{{"role": "user", "content": "Hi"}}], "provider": {{"only": ["us-train"]}}}}'

# Marketing's policy denies Llama models (403 forbidden_by_policy):
curl -s http://127.0.0.1:{port}/v1/chat/completions -H 'authorization: Bearer sk-mkt-demo' \\
  -H 'content-type: application/json' -d '{{"model": "llama3:8b", "messages": [{{"role": "user", "content": "Hi"}}]}}'

# Guardrails: the card number is redacted before the provider sees it (x-llm-guardrails says so);
# an AWS key would be refused with 403 guardrail_dlp, a prompt injection from legal with 403 too:
curl -si http://127.0.0.1:{port}/v1/chat/completions -H 'authorization: Bearer sk-eng-demo' \\
  -H 'content-type: application/json' \\
  -d '{{"model": "gpt-4o-mini", "messages": [{{"role": "user", "content": "Refund card 4111 1111 1111 1111"}}]}}' | grep -i '^x-llm'

# What may this key use?
curl -s http://127.0.0.1:{port}/v1/models -H 'authorization: Bearer sk-legal-demo'

# Budgets: the worst case is reserved before forwarding (x-llm-reserved-usd) and the actual cost settled after;
# GET /v1/key shows the caller's limits, spend and reset times:
curl -s -o /dev/null -D - http://127.0.0.1:{port}/v1/chat/completions -H 'authorization: Bearer sk-ops-demo' \
  -H 'content-type: application/json' \
  -d '{{"model": "llama3:8b", "max_tokens": 200, "messages": [{{"role": "user", "content": "Hi"}}]}}' | grep -i '^x-llm'
curl -s http://127.0.0.1:{port}/v1/key -H 'authorization: Bearer sk-ops-demo'

# The official OpenAI Python SDK (pip install openai), streaming:
python3 - <<'EOF'
from openai import OpenAI
client = OpenAI(base_url="http://127.0.0.1:{port}/v1", api_key="sk-eng-demo")
stream = client.chat.completions.create(model="llama3:8b:nitro", stream=True,
    messages=[{{"role": "user", "content": "Hi"}}], extra_body={{"provider": {{"zdr": True}}}})
for chunk in stream:
    print(chunk.choices[0].delta.content or "", end="", flush=True)
print()
EOF

# Dry-run a policy without Envoy:
target/release/llm-policy-router explain examples/policy.jsonc examples/requests/chat-zdr.json --key sk-mkt-demo

Press Ctrl-C to stop.
"""


def main() -> None:
    port = int(os.environ.get("PORT", "10000"))
    admin = int(os.environ.get("ADMIN_PORT", "9901"))
    stack = Stack(workers=2, listen_port=port, admin_port=admin)
    stopping = False

    def stop(*_):
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    try:
        stack.start()
    except Exception as e:  # noqa: BLE001 - say why and exit non-zero
        print(f"could not start: {e}", file=sys.stderr)
        stack.stop()
        sys.exit(1)
    print(EXAMPLES.format(port=port, admin=admin, policy=POLICY, log=stack.envoy_log, access=stack.access_log), flush=True)
    try:
        while not stopping and stack.envoy_proc.poll() is None:
            time.sleep(0.2)
    finally:
        print("\nstopping Envoy and the mock providers...", flush=True)
        stack.stop()
    if stack.envoy_proc.returncode not in (0, -signal.SIGTERM, None):
        print(f"Envoy exited with {stack.envoy_proc.returncode}; see {stack.envoy_log}", file=sys.stderr)


if __name__ == "__main__":
    main()

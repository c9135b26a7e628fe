"""Where the plugin's time goes inside Envoy: a build with the `phase-timing` feature sums the wall
time inside each Envoy callback and each kind of hostcall into counters; this runs the `make bench`
load (2 KB chat, 1 pinned worker) through it and prints microseconds per request.

    .venv/bin/python bench/phase_timing.py        # writes bench/results/phase_timing.json

The spans read the clock through a hostcall too, so figures are a little high; the callback rows
include the hostcalls made inside them. Compare with `make bench`'s CPU per request.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
import envoy_bench as bench  # noqa: E402

TIMED = ROOT / "target" / "timing" / "wasm32-wasip1" / "release" / "llm_policy_router.wasm"


def main() -> None:
    subprocess.run(["cargo", "build", "--release", "--lib", "--target", "wasm32-wasip1", "--features", "phase-timing",
                    "--target-dir", str(ROOT / "target" / "timing")], cwd=ROOT, check=True)
    os.environ["BENCH_ALT_WASM"] = str(TIMED)
    body = ROOT / "bench" / "chat-2k.json"
    workdir = Path(tempfile.mkdtemp(prefix="llm-timing-"))
    port = bench.free_port()
    upstream = subprocess.Popen(["taskset", "-c", "1", str(bench.TOOLS / "bench-upstream"), str(port)], stdout=subprocess.PIPE, text=True)
    results = {}
    try:
        assert upstream.stdout and upstream.stdout.readline().strip() == "ready"
        for variant in ("plugin_alt0", "plugin_guardrails_alt0"):
            envoy = bench.Envoy(variant, port, workdir)
            try:
                run = bench.closed_run(envoy, body)
                with urllib.request.urlopen(f"http://127.0.0.1:{envoy.admin}/stats?filter=llm_timing_", timeout=5) as r:
                    stats = dict(line.split(": ") for line in r.read().decode().splitlines() if ": " in line)
            finally:
                envoy.stop()
            counters = {k.rsplit(".", 1)[-1].removeprefix("llm_timing_"): int(v) for k, v in stats.items()}
            requests = max(counters.pop("requests", 0), 1)
            per_request = {k.removesuffix("_ns"): round(v / requests / 1000, 2) for k, v in counters.items()}
            name = variant.removesuffix("_alt0")
            results[name] = {"requests": requests, "cpu_us_per_request": round(run["cpu_us_per_request"], 1),
                             "us_per_request": per_request}
            print(f"\n{name}: {run['cpu_us_per_request']:.1f} µs Envoy CPU per request; inside the plugin, µs per request:")
            for k, v in sorted(per_request.items(), key=lambda kv: (kv[0].startswith("hostcall"), -kv[1])):
                print(f"  {k:32s} {v:6.2f}")
    finally:
        upstream.terminate()
        upstream.wait(timeout=10)
    (bench.RESULTS / "phase_timing.json").write_text(json.dumps(results, indent=1) + "\n")


if __name__ == "__main__":
    main()

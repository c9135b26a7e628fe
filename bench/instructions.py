"""Instructions per request inside Envoy, counted by valgrind's callgrind (`make bench-instructions`).

CPU time per request moves by ±20% from hour to hour on a shared VM; an instruction count does not
(runs of the same build agree within 0.5%), so small changes to the plugin can be measured and
builds compared on any machine. Each variant runs alone: Envoy (1 worker) under callgrind, warmed up
so V8 has compiled the plugin's hot code, counters zeroed, then a closed-loop run of the 2 KB chat
body with 4 connections; the count over that run (every Envoy thread, V8's compiler threads
included) divided by the requests served. Same variants as `bench/envoy_bench.py`, including the
hostcall probes (`pause_buffer+<hostcall>`, 10 extra calls each, so one call is a tenth of the
difference to `pause_buffer`) and `plugin_alt<N>` builds from BENCH_ALT_WASM.

    BENCH_VARIANTS=plain,pause_buffer,plugin .venv/bin/python bench/instructions.py

Instructions are not time: a hostcall's instructions are mostly V8 and Envoy C++, the plugin's
mostly JIT-compiled wasm, and neither counts cache misses. Writes bench/results/instructions.json
(unless BENCH_VARIANTS is set: a quick comparison does not replace the record).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import envoy_bench as eb  # noqa: E402
from harness import free_port  # noqa: E402

PROBES = ["get_headers", "get_header", "get_body", "set_header", "set_body", "set_property", "metric",
          "get_response_header", "set_response_header"]
DEFAULT_VARIANTS = ",".join(["plain", "pause_buffer", "naive", "plugin", "plugin_no_note", "plugin_guardrails"]
                            + [f"pause_buffer+{p}" for p in PROBES])
VARIANTS = os.environ.get("BENCH_VARIANTS", DEFAULT_VARIANTS).split(",")
BODY = eb.ROOT / "bench" / os.environ.get("BENCH_BODY", "chat-2k.json")
# BENCH_STREAM=1: the same body with `"stream": true`; the bench upstream answers with 5 SSE events
# 20 ms apart and `[DONE]`, so the count per request includes the response's stream callbacks.
STREAM = os.environ.get("BENCH_STREAM") == "1"
WARM_SECONDS = float(os.environ.get("BENCH_WARM_SECONDS", "10"))
SECONDS = float(os.environ.get("BENCH_SECONDS", "10"))
CONNECTIONS = 4


def total_instructions(dump: Path) -> int:
    for line in dump.read_text(errors="replace").splitlines():
        if line.startswith(("summary:", "totals:")):
            return int(line.split()[1])
    raise RuntimeError(f"no instruction total in {dump}")


def count(variant: str, upstream: int, workdir: Path, body: Path) -> dict:
    out = workdir / f"{variant}.callgrind"
    # V8 writes and rewrites machine code on the heap: valgrind must re-read it (--smc-check).
    valgrind = ("valgrind", "--tool=callgrind", "--smc-check=all-non-file", f"--callgrind-out-file={out}")
    envoy = eb.Envoy(variant, upstream, workdir, wrapper=valgrind, ready_timeout=300)
    address = f"127.0.0.1:{envoy.port}"
    try:
        eb.loadgen("closed", address, str(body), str(CONNECTIONS), str(WARM_SECONDS))
        subprocess.run(["callgrind_control", "--zero", str(envoy.proc.pid)], check=True, capture_output=True, timeout=60)
        result = eb.loadgen("closed", address, str(body), str(CONNECTIONS), str(SECONDS))
        subprocess.run(["callgrind_control", "--dump", str(envoy.proc.pid)], check=True, capture_output=True, timeout=60)
    finally:
        envoy.stop(timeout=120)  # valgrind writes its last dump on the way out
    dumps = sorted(workdir.glob(f"{variant}.callgrind.*"))  # the explicit dump, not the one at exit
    if not dumps or result["errors"]:
        raise RuntimeError(f"{variant}: no dump or {result['errors']} errors; see {workdir}")
    instructions = total_instructions(dumps[0])
    return {"requests": result["requests"], "instructions": instructions,
            "per_request": round(instructions / max(result["requests"], 1))}


def main() -> None:
    if not shutil.which("valgrind") or not shutil.which("callgrind_control"):
        sys.exit("needs valgrind (Debian: apt-get install valgrind)")
    workdir = Path(tempfile.mkdtemp(prefix="llm-instructions-"))
    upstream_port = free_port()
    upstream = subprocess.Popen(["taskset", "-c", "1", str(eb.TOOLS / "bench-upstream"), str(upstream_port)],
                                stdout=subprocess.PIPE, text=True)
    body = eb.streaming(BODY, workdir) if STREAM else BODY
    results: dict = {}
    try:
        assert upstream.stdout and upstream.stdout.readline().strip() == "ready"
        for variant in VARIANTS:
            started = time.monotonic()
            results[variant] = count(variant, upstream_port, workdir, body)
            print(f"{variant:28s} {results[variant]['per_request']:9,d} instructions/request "
                  f"({results[variant]['requests']} requests, {time.monotonic() - started:.0f} s)", flush=True)
    finally:
        upstream.terminate()
        upstream.wait(timeout=10)
    floor = results.get("pause_buffer", {}).get("per_request")
    if floor:
        for variant, r in results.items():
            over = r["per_request"] - floor
            r["over_floor"] = over
            if variant.startswith("pause_buffer+"):
                r["per_call"] = round(over / eb.PROBE_CALLS)
                print(f"{variant:28s} {r['per_call']:+9,d} per call")
            elif variant != "pause_buffer":
                print(f"{variant:28s} {over:+9,d} over the floor")
    shutil.rmtree(workdir, ignore_errors=True)
    if "BENCH_VARIANTS" not in os.environ and not STREAM:
        doc = {"body": BODY.name, "connections": CONNECTIONS, "seconds": SECONDS, "warm_seconds": WARM_SECONDS,
               "machine": eb.machine(),
               "variants": results}
        (eb.RESULTS / "instructions.json").write_text(json.dumps(doc, indent=2) + "\n")


if __name__ == "__main__":
    main()

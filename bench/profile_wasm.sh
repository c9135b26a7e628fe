#!/usr/bin/env bash
# Per-function profile of the plugin's own code as wasm under V8 (Node's engine, the one Envoy
# embeds), on the bench workload (`src/flow/profile.rs`). Envoy's binary is stripped and its JIT
# invisible to perf, so this is how to see where the plugin spends its time.
#   bench/profile_wasm.sh                       2 KB chat, bench policy
#   PROFILE_GUARDRAILS=1 PROFILE_BODY=bench/chat-32k.json bench/profile_wasm.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v node >/dev/null || { echo "needs node (Node.js 18+)"; exit 1; }
out=target/profile
CARGO_PROFILE_RELEASE_STRIP=false cargo test --release --lib --target wasm32-wasip1 --no-run \
  --target-dir "$out" 2>&1 | grep -v "^\s*\(Compiling\|Finished\)" || true
wasm=$(ls -t "$out"/wasm32-wasip1/release/deps/llm_policy_router-*.wasm | head -1)
rm -rf "$out/cpuprofile" && mkdir -p "$out/cpuprofile"
PROFILE_REQUESTS=${PROFILE_REQUESTS:-50000} BENCH_PROVIDER_KEY=bench-secret \
  node --no-warnings --cpu-prof --cpu-prof-dir="$out/cpuprofile" --cpu-prof-interval 50 \
  bench/profile/run_wasi.mjs "$wasm" profile_workload --ignored --nocapture --test-threads 1 2>&1 | grep "per request"
python3 bench/profile/top.py "$wasm" "$out"/cpuprofile/*.cpuprofile "${TOP:-25}"

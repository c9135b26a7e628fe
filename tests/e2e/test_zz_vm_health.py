"""Runs last (file order): after every other test has thrown good and bad requests at the shared
Envoy, its wasm VMs never crashed or reloaded."""

from __future__ import annotations


def test_wasm_vm_never_reloaded_or_failed(stack):
    stats = stack.stats()
    reload = {k: v for k, v in stats.items() if "llm_policy_router" in k and "vm_reload" in k}
    assert reload, "no vm_reload stats found: is the plugin name right?"
    assert all(v == 0 for v in reload.values()), reload
    assert "wasm_fail_stream" not in stack.access_log.read_text()
    requests = stats.get("http.llm.downstream_rq_total", 0)
    assert requests > 50, requests  # the suite really did run through this Envoy

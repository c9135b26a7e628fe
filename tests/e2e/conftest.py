"""Fixtures for the end-to-end tests: a real Envoy 1.40 with the release plugin and mock providers."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from harness import Stack  # noqa: E402


@pytest.fixture(scope="session")
def stack():
    """One shared Envoy (2 workers) with the example policy."""
    s = Stack(workers=2).start()
    yield s
    s.stop()


@pytest.fixture(autouse=True)
def _dump_envoy_log_on_failure(request):
    yield
    rep = getattr(request.node, "rep_call", None)
    if rep is not None and rep.failed and "stack" in request.fixturenames:
        s = request.getfixturevalue("stack")
        print("---- envoy log (tail) ----\n" + s.envoy_log.read_text()[-3000:])
        print("---- access log (tail) ----\n" + s.access_log.read_text()[-2000:])


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    rep = outcome.get_result()
    setattr(item, f"rep_{rep.when}", rep)

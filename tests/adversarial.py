"""Adversarial inputs for the guardrail scanners: one byte pattern repeated to 256 KB and to 1 MB
(brackets, tags, escapes, spaced letters, spaced hex, scripts the word reader does not look up,
secret prefixes …), scanned by the release CLI (`scan`: every DLP detector and prompt injection),
in the user's and in the tool-result reading. Each must finish, and in time linear in its size:
a scanner that reads a text once per match, or walks back over what it already read, shows up here
as a 1 MB time far above four times the 256 KB one (session 20 found such a loop: 100 KB of
"aB aB aB …" hung the reader).

    make build && python3 tests/adversarial.py
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

CLI = os.environ.get("LPR_CLI") or Path(__file__).resolve().parents[1] / "target" / "release" / "llm-policy-router"
SMALL, LARGE = 256 * 1024, 1024 * 1024
# Linear growth gives a ratio near 4; quadratic, 16. Process start-up (a few ms) flattens it.
MAX_RATIO = 8.0
# Far above the slowest linear pattern (1 MB of "<img " in ~0.3 s on the project's VM).
MAX_SECONDS_PER_MB = 3.0
TIMEOUT = 60

PATTERNS = [
    "[", "(", "<", "<!--", "<img ", "<img src=x ", "<svg ", "onerror=", "javascript:", "![", "![a](",
    "?q=", "#", "### ", "[INST", "<|", "</user><system>", "<start_of_turn>", "User: ", "Assistant: ",
    "END OF ", "---- ", "ADMIN OVERRIDE ", "\\u00", "\\x4", "%4", "&#", "&#x", "a ", "ab", "A", "aB ",
    "i g n o r e ", "1", "1 ", "12.", "+1 ", "4111 ", "49 67 6e ", "SWdub3Jl", "base64 ", "rot13 ",
    "backwards ", "AKIA", "sk-", "eyJ", "-----BEGIN ", "key=", "password: ", "@", "a@b", "a.", "ghp_",
    "xox", "IGNORE", "ignore ", "ignore all previous ", "http://", "https://a/", "=", "==", "/",
    "\u0430", "\u200b", "й ", "\u5ffd\u7565", "\u0627", "\u03a9", "\n", "\t", " ",
    ". Assistant, ", " @assistant ", "@assistant you must now ", "\U000e0049", "U1dkdWIz", "49:67:6e:", "49-67-6e-", "aB-", "0x49 ", "0x49, ", "01001001 ", "0x4",
    "'a' + ", "[ab] ", "combine and follow '", "to the scheduling AI: ", "Language model: ",
]


def seconds(text: str, flags: list[str]) -> float:
    line = json.dumps({"text": text}) + "\n"
    best = float("inf")
    for _ in range(2):
        started = time.monotonic()
        subprocess.run([str(CLI), "scan", *flags], input=line, capture_output=True, text=True,
                       timeout=TIMEOUT, check=True)
        best = min(best, time.monotonic() - started)
    return best


def main() -> int:
    failures = []
    slowest = []
    for flags in ([], ["--tool-result"]):
        for pattern in PATTERNS:
            small = (pattern * (SMALL // len(pattern) + 1))[:SMALL]
            large = (pattern * (LARGE // len(pattern) + 1))[:LARGE]
            try:
                t_small, t_large = seconds(small, flags), seconds(large, flags)
            except subprocess.TimeoutExpired:
                failures.append(f"{pattern!r} {flags}: no answer within {TIMEOUT} s")
                continue
            ratio = t_large / max(t_small, 0.005)
            slowest.append((t_large, pattern, flags, ratio))
            if t_large > MAX_SECONDS_PER_MB or (t_large > 0.05 and ratio > MAX_RATIO):
                failures.append(f"{pattern!r} {flags}: {t_small * 1000:.0f} ms for 256 KB, "
                                f"{t_large * 1000:.0f} ms for 1 MB")
    slowest.sort(reverse=True)
    for t_large, pattern, flags, ratio in slowest[:5]:
        print(f"slowest: {pattern!r} {flags}: {t_large * 1000:.0f} ms per MB (1 MB / 256 KB = {ratio:.1f})")
    print(f"{len(PATTERNS) * 2} patterns and readings, {len(failures)} failures")
    for f in failures:
        print("FAIL", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

"""Builds trufflehog_secrets.jsonl: the pattern-test fixtures of the trufflehog secret scanner's
detectors for the secret kinds this gateway claims to find.

    python tests/guard_eval/trufflehog.py <trufflehog checkout>

Source: trufflesecurity/trufflehog (AGPL-3.0; test strings only, as evaluation data),
`pkg/detectors/<kind>/**/*_test.go` at commit 3ab759fe, the `Test…_Pattern` tables. Each case has
an `input` (a raw or interpreted string literal, a package-level string variable, `fmt.Sprintf`
over those, or `+` concatenations of them) and `want` (the secrets trufflehog must report; empty or
nil for an input it must not report). Cases whose input uses anything else are left out (counted).

Labels: an input with secrets wanted is labelled with this gateway's detector for that directory
(`KINDS`); one with none wanted is `none`. JWTs are left out: trufflehog reports a JWT only when it
can verify it, so its fixtures list real JWTs as not wanted. The split is by a hash of the text (its
SHA-256's fourth byte below 77: ~30% holdout; `build.py` hashes record ids instead).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
from pathlib import Path

from build import write_jsonl

HERE = Path(__file__).parent
COMMIT = "3ab759fe"

# detector directory -> this gateway's detector
KINDS = {
    "aws/access_keys": "aws_access_key",
    "aws/session_keys": "aws_access_key",
    "github/v1": "github_token",
    "github/v2": "github_token",
    "gitlab/v1": "gitlab_token",
    "gitlab/v2": "gitlab_token",
    "gitlab/v3": "gitlab_token",
    "slack": "slack_token",
    "slackwebhook": "slack_token",
    "stripe": "stripe_key",
    "openai": "openai_key",
    "openaiadmin": "openai_key",
    "anthropic": "anthropic_key",
    "huggingface": "huggingface_token",
    "gcp": "gcp_service_account_key",
    "googlegemini": "google_api_key",
    "privatekey": "private_key",
    "groq": "groq_key",
    "xai": "xai_key",
    "replicate": "replicate_token",
    "openrouter": "openrouter_key",
}

STRING = r'`[^`]*`|"(?:[^"\\]|\\.)*"'


def unquote(lit: str) -> str:
    if lit.startswith("`"):
        return lit[1:-1]
    return json.loads(lit.replace("\\'", "'"))


class Expr:
    """Reads one Go string expression from `src` at `pos`."""

    def __init__(self, src: str, pos: int, names: dict[str, str]):
        self.src, self.pos, self.names = src, pos, names

    def ws(self) -> None:
        while self.pos < len(self.src) and self.src[self.pos] in " \t\r\n":
            self.pos += 1

    def term(self) -> str:
        self.ws()
        m = re.compile(STRING).match(self.src, self.pos)
        if m:
            self.pos = m.end()
            return unquote(m.group())
        if self.src.startswith("fmt.Sprintf(", self.pos):
            self.pos += len("fmt.Sprintf(")
            args = [self.expr()]
            self.ws()
            while self.src[self.pos] == ",":
                self.pos += 1
                self.ws()
                if self.src[self.pos] == ")":
                    break
                args.append(self.expr())
                self.ws()
            if self.src[self.pos] != ")":
                raise ValueError("Sprintf")
            self.pos += 1
            template, values = args[0], args[1:]
            if len(re.findall(r"%[sqv]", template)) != len(values) or "%%" in template:
                raise ValueError("Sprintf verbs")
            parts = re.split(r"%[sqv]", template)
            out = parts[0]
            for value, part in zip(values, parts[1:]):
                out += value + part
            return out
        m = re.compile(r"[A-Za-z_]\w*").match(self.src, self.pos)
        if m and m.group() in self.names:
            self.pos = m.end()
            return self.names[m.group()]
        raise ValueError(self.src[self.pos : self.pos + 30])

    def expr(self) -> str:
        out = self.term()
        self.ws()
        while self.src.startswith("+", self.pos):
            self.pos += 1
            out += self.term()
            self.ws()
        return out


def string_vars(src: str) -> dict[str, str]:
    """Package-level and local `name = "literal"` / `name := `…`` string variables."""
    names: dict[str, str] = {}
    for m in re.finditer(r"(?m)^\s*(?:const\s+|var\s+)?([A-Za-z_]\w*)\s*:?=\s*(?=[`\"]|fmt\.Sprintf)", src):
        try:
            names[m.group(1)] = Expr(src, m.end(), names).expr()
        except (ValueError, IndexError, json.JSONDecodeError):
            pass
    return names


def cases(src: str) -> tuple[list[tuple[str, str, bool]], int]:
    """(name, input, wanted) of every `Test…_Pattern` case, and how many could not be read."""
    names = string_vars(src)
    out, unread = [], 0
    for func in re.finditer(r"(?ms)^func Test\w*_Pattern\(.*?^}", src):
        body = func.group()
        for m in re.finditer(r"\binput:\s*", body):
            name = re.search(r'name:\s*("(?:[^"\\]|\\.)*")', body[max(0, m.start() - 400) : m.start()])
            want = re.compile(r"\s*,\s*want:\s*(nil|\[\]string\{\s*\}|\[\]string\{)").match
            try:
                e = Expr(body, m.end(), names)
                text = e.expr()
                w = want(body, e.pos)
                if not w:
                    raise ValueError("want")
            except (ValueError, IndexError, json.JSONDecodeError):
                unread += 1
                continue
            wanted = w.group(1) == "[]string{"
            label = json.loads(name.group(1)) if name else ""
            out.append((label, text, wanted))
    return out, unread


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("checkout", type=Path)
    args = parser.parse_args()
    git = ["git", "-C", str(args.checkout)]
    files = subprocess.run(git + ["ls-tree", "-r", "--name-only", COMMIT, "pkg/detectors"],
                           capture_output=True, text=True, check=True).stdout.split()
    records, seen, unread = [], set(), 0
    for kind, detector in KINDS.items():
        prefix = f"pkg/detectors/{kind}/"
        for path in sorted(f for f in files if f.startswith(prefix) and f.endswith("_test.go")
                           and "integration" not in f and "/" not in f[len(prefix):]):
            src = subprocess.run(git + ["show", f"{COMMIT}:{path}"], capture_output=True, text=True,
                                 check=True).stdout
            found, missed = cases(src)
            unread += missed
            for name, text, wanted in found:
                if text in seen:
                    continue
                seen.add(text)
                h = int(hashlib.sha256(text.encode()).hexdigest()[:8], 16) % 256
                records.append({"id": f"th-{len(records):04d}", "text": text,
                                "label": detector if wanted else "none",
                                "source": f"trufflehog@{COMMIT}:{path}:{name}",
                                "split": "holdout" if h < 77 else "tune"})
    out = HERE / "trufflehog_secrets.jsonl"
    write_jsonl(out, records)
    positives = sum(r["label"] != "none" for r in records)
    print(f"{out.name}: {positives} secrets, {len(records) - positives} near-misses, {unread} cases unread")


if __name__ == "__main__":
    main()

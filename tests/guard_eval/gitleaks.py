"""Builds gitleaks_secrets.jsonl: the true- and false-positive fixtures of the gitleaks secret
scanner's rules for the secret kinds this gateway claims to find, as gitleaks itself validates its
rules with them.

    python tests/guard_eval/gitleaks.py <gitleaks checkout> [--seed 1]

Source: gitleaks/gitleaks (MIT), `cmd/generate/config/rules/*.go` at commit b58d3f10. Each rule
function lists `tps` (strings its regex must find) and `fps` (strings it must not). They are read
from the Go source: string literals (raw and interpreted), `+` concatenation, and the two sample
builders — `utils.GenerateSampleSecrets(id, secret)` (the secret written 27 ways: INI, JSON, XML,
YAML, Go, Java, Python, Makefile …) and `utils.GenerateSampleSecret(id, secret)` — with
`secrets.NewSecret(<regex>)` drawn by a small generator of character-class runs (seeded; a regex
it cannot draw drops that entry, counted in the output). `fmt.Sprintf` entries and fixtures that
gitleaks tells apart only by file path are left out.

Labels: a `tps` string is labelled with this gateway's detector for that rule (`RULES` below); an
`fps` string is `none`. The split is by the first byte of the text's SHA-256 (below 77: holdout, ~30%; `build.py`
hashes record ids instead).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import string
import subprocess
from pathlib import Path

from build import write_jsonl

HERE = Path(__file__).parent
COMMIT = "b58d3f10"

# gitleaks rule function -> this gateway's detector.
RULES = {
    "aws.go": {"AWS": "aws_access_key"},
    "github.go": {"GitHubPat": "github_token", "GitHubFineGrainedPat": "github_token",
                  "GitHubOauth": "github_token", "GitHubApp": "github_token",
                  "GitHubRefresh": "github_token"},
    "gitlab.go": {name: "gitlab_token" for name in [
        "GitlabCiCdJobToken", "GitlabDeployToken", "GitlabFeatureFlagClientToken", "GitlabFeedToken",
        "GitlabIncomingMailToken", "GitlabKubernetesAgentToken", "GitlabOauthAppSecret", "GitlabPat",
        "GitlabPatRoutable", "GitlabPipelineTriggerToken", "GitlabRunnerRegistrationToken",
        "GitlabRunnerAuthenticationToken", "GitlabRunnerAuthenticationTokenRoutable", "GitlabScimToken"]},
    "slack.go": {name: "slack_token" for name in [
        "SlackBotToken", "SlackUserToken", "SlackAppLevelToken", "SlackConfigurationToken",
        "SlackConfigurationRefreshToken", "SlackLegacyBotToken", "SlackLegacyWorkspaceToken",
        "SlackLegacyToken", "SlackWebHookUrl"]},
    "stripe.go": {"StripeAccessToken": "stripe_key"},
    "openai.go": {"OpenAI": "openai_key"},
    "anthropic.go": {"AnthropicApiKey": "anthropic_key", "AnthropicAdminApiKey": "anthropic_key"},
    "huggingface.go": {"HuggingFaceAccessToken": "huggingface_token"},
    "gcp.go": {"GCPAPIKey": "google_api_key"},
    "jwt.go": {"JWT": "jwt"},
    "privatekey.go": {"PrivateKey": "private_key"},
    "generic.go": {"GenericCredential": "generic_secret"},
}

# Session 10: developer-platform tokens with a self-identifying prefix (the `service_token`
# detector), written to gitleaks_service_tokens.jsonl by `--service`. Rules that find a token only
# by a keyword near it (Sentry's and Linear's hex secrets, Heroku's UUID keys) are left out.
SERVICE_RULES = {
    f"{file}.go": {func: "service_token" for func in funcs}
    for file, funcs in {
        "npm": ["NPM"],
        "pypi": ["PyPiUploadToken"],
        "sendgrid": ["SendGridAPIToken"],
        "hashicorp_vault": ["VaultServiceToken", "VaultBatchToken"],
        "sentry": ["SentryOrgToken", "SentryUserToken"],
        "linear": ["LinearAPIToken"],
        "atlassian": ["Atlassian"],
        "databricks": ["Databricks"],
        "doppler": ["Doppler"],
        "planetscale": ["PlanetScalePassword", "PlanetScaleAPIToken", "PlanetScaleOAuthToken"],
        "dynatrace": ["Dynatrace"],
        "prefect": ["Prefect"],
        "shopify": ["ShopifySharedSecret", "ShopifyAccessToken", "ShopifyCustomAccessToken",
                    "ShopifyPrivateAppAccessToken"],
        "digitalocean": ["DigitalOceanPAT", "DigitalOceanOAuthToken", "DigitalOceanRefreshToken"],
        "grafana": ["GrafanaApiKey", "GrafanaCloudApiToken", "GrafanaServiceAccountToken"],
        "postman": ["PostManAPI"],
        "pulumi": ["PulumiAPIToken"],
        "rubygems": ["RubyGemsAPIToken"],
        "age": ["AgeSecretKey"],
        "heroku": ["HerokuV2"],
        "1password": ["OnePasswordServiceAccountToken", "OnePasswordSecretKey"],
        "shippo": ["ShippoAPIToken"],
        "readme": ["ReadMe"],
        "infracost": ["InfracostAPIToken"],
        "frameio": ["FrameIO"],
        "duffel": ["Duffel"],
        "notion": ["Notion"],
        "flyio": ["FlyIOAccessToken"],
        "scalingo": ["ScalingoAPIToken"],
        "openshift": ["OpenshiftUserToken"],
        "harness": ["HarnessApiKey"],
        "clojars": ["Clojars"],
    }.items()
}

SAMPLES = [
    '{i}Token="{s}"', '{i}Token = "{s}"', "{i}Token={s}", "{i}Token = {s}",
    '{\n    "{i}_token": "{s}"\n}', '{"config.ini": "{I}_TOKEN={s}\\nBACKUP_ENABLED=true"}',
    "<{i}Token>\n    {s}\n</{i}Token>", "{i}_token: {s}", "{i}_token: '{s}'", '{i}_token: "{s}"',
    'string {i}Token = "{s}";', 'var {i}Token string = "{s}"', '{i}Token := "{s}"', "{i}Token := `{s}`",
    'String {i}Token = "{s}";', 'var {i}Token = "{s}"', '${i}Token .= "{s}"', "{i}Token = '{s}'",
    '{i}Token = "{s}"', 'System.setProperty("{I}_TOKEN", "{s}")', '  "{i}Token" => "{s}"',
    '{i}_TOKEN = "{s}"', '{i}_TOKEN := "{s}"', '{i}_TOKEN ::= "{s}"', '{i}_TOKEN :::= "{s}"',
    '{i}_TOKEN ?= "{s}"',
]


class Unsupported(Exception):
    pass


def draw(regex: str, rng: random.Random) -> str:
    """A string matching `regex`, for regexes made of literals and `[class]{n}` / `{m,n}` runs."""
    out = []
    i = 0
    while i < len(regex):
        c = regex[i]
        if c == "[":
            j = regex.index("]", i + 1)
            chars = expand(regex[i + 1:j])
            i = j + 1
            lo = hi = 1
            m = re.match(r"\{(\d+)(?:,(\d*))?\}", regex[i:])
            if m:
                lo = int(m[1])
                hi = int(m[2]) if m[2] else (lo if m[2] is None else lo + 20)
                i += m.end()
            out.append("".join(rng.choice(chars) for _ in range(rng.randint(lo, hi))))
        elif c == "\\":
            nxt = regex[i + 1]
            if nxt in "wd":
                chars = string.digits if nxt == "d" else string.ascii_letters + string.digits + "_"
                i += 2
                m = re.match(r"\{(\d+)(?:,(\d*))?\}", regex[i:])
                n = 1
                if m:
                    n = rng.randint(int(m[1]), int(m[2]) if m[2] else int(m[1]))
                    i += m.end()
                out.append("".join(rng.choice(chars) for _ in range(n)))
            else:
                out.append(nxt)
                i += 2
        elif c in "()|?*+{":
            raise Unsupported(regex)
        else:
            out.append(c)
            i += 1
    return "".join(out)


def expand(cls: str) -> str:
    chars = []
    i = 0
    while i < len(cls):
        if cls[i] == "\\":
            esc = cls[i + 1]
            chars += {"w": list(string.ascii_letters + string.digits + "_"), "d": list(string.digits)}.get(esc, [esc])
            i += 2
        elif i + 2 < len(cls) and cls[i + 1] == "-":
            chars += [chr(k) for k in range(ord(cls[i]), ord(cls[i + 2]) + 1)]
            i += 3
        else:
            chars.append(cls[i])
            i += 1
    return "".join(chars)


UTILS = {"Numeric": "[0-9]{%s}", "Hex": "[a-f0-9]{%s}", "AlphaNumeric": "[a-z0-9]{%s}",
         "AlphaNumericExtendedShort": "[a-z0-9_-]{%s}", "AlphaNumericExtended": "[a-z0-9=_\\-]{%s}",
         "AlphaNumericExtendedLong": "[a-z0-9\\/=_\\+\\-]{%s}"}


class Reader:
    """Evaluates the Go expressions gitleaks' fixtures are written in."""

    def __init__(self, src: str, rng: random.Random):
        self.s, self.i, self.rng = src, 0, rng

    def ws(self):
        while True:
            m = re.match(r"(\s+|//[^\n]*)", self.s[self.i:])
            if not m:
                return
            self.i += m.end()

    def peek(self, tok: str) -> bool:
        self.ws()
        return self.s.startswith(tok, self.i)

    def take(self, tok: str):
        if not self.peek(tok):
            raise Unsupported(self.s[self.i:self.i + 40])
        self.i += len(tok)

    def literal(self) -> str:
        self.ws()
        c = self.s[self.i]
        if c == "`":
            j = self.s.index("`", self.i + 1)
            text = self.s[self.i + 1:j]
            self.i = j + 1
            return text
        if c == '"':
            m = re.match(r'"((?:[^"\\]|\\.)*)"', self.s[self.i:])
            self.i += m.end()
            return json.loads('"' + m[1] + '"')
        raise Unsupported(self.s[self.i:self.i + 40])

    def call_args(self) -> list:
        self.take("(")
        args = []
        while not self.peek(")"):
            args.append(self.expr())
            if self.peek(","):
                self.take(",")
        self.take(")")
        return args

    def term(self):
        self.ws()
        for name in ("utils.GenerateSampleSecrets", "utils.GenerateSampleSecret", "secrets.NewSecret",
                     "newPlausibleSecret", *("utils." + u for u in UTILS)):
            if self.s.startswith(name + "(", self.i):
                self.i += len(name)
                args = self.call_args()
                if name == "utils.GenerateSampleSecrets":
                    ident, secret = args
                    return [t.replace("{i}", ident).replace("{I}", ident.upper()).replace("{s}", secret)
                            for t in SAMPLES]
                if name == "utils.GenerateSampleSecret":
                    return f'{args[0]}_api_token = "{args[1]}"'
                if name in ("secrets.NewSecret", "newPlausibleSecret"):
                    return draw(args[0], self.rng)
                return UTILS[name.split(".")[1]] % args[0]
        return self.literal()

    def expr(self):
        value = self.term()
        while self.peek("+"):
            self.take("+")
            value = value + self.term()
        return value

    def string_list(self) -> list[str]:
        """`[]string{a, b, …}` entries; an entry it cannot read is skipped (counted)."""
        self.take("[]string{")
        out, skipped = [], 0
        while not self.peek("}"):
            start = self.i
            try:
                out.append(self.expr())
            except (Unsupported, ValueError, IndexError):
                skipped += 1
                self.i = start
                self.skip_entry()
            if self.peek(","):
                self.take(",")
        self.take("}")
        return out, skipped

    def skip_entry(self):
        depth = 0
        while self.i < len(self.s):
            c = self.s[self.i]
            if c == "`":
                self.i = self.s.index("`", self.i + 1) + 1
                continue
            if c == '"':
                self.i += re.match(r'"(?:[^"\\]|\\.)*"', self.s[self.i:]).end()
                continue
            if c in "([{":
                depth += 1
            elif c in ")]}":
                if depth == 0:
                    return
                depth -= 1
            elif c == "," and depth == 0:
                return
            self.i += 1


def fixtures(body: str, rng: random.Random) -> tuple[list[str], list[str], int]:
    """The tps and fps of one rule function's body."""
    tps, fps, skipped = [], [], 0
    for m in re.finditer(r"\b(tps|fps)\s*(:=|=)\s*", body):
        r = Reader(body, rng)
        r.i = m.end()
        target = tps if m[1] == "tps" else fps
        try:
            if r.peek("[]string{"):
                got, n = r.string_list()
                target += got
                skipped += n
            elif r.peek("append("):
                r.take("append(")
                r.ws()
                first = re.match(r"\w+\s*,", r.s[r.i:])
                if first:  # the list appended to
                    r.i += first.end() - 1
                else:
                    value = r.expr()
                    target += value if isinstance(value, list) else [value]
                while r.peek(","):
                    r.take(",")
                    if r.peek(")"):
                        break
                    start = r.i
                    if r.peek("[]string{"):
                        got, n = r.string_list()
                        target += got
                        skipped += n
                        r.take("...")
                        continue
                    try:
                        value = r.expr()
                    except (Unsupported, ValueError, IndexError):
                        skipped += 1
                        r.i = start
                        r.skip_entry()
                        continue
                    if r.peek("..."):
                        r.take("...")
                    target += value if isinstance(value, list) else [value]
            else:
                value = r.expr()
                target += value if isinstance(value, list) else [value]
        except (Unsupported, ValueError, IndexError):
            skipped += 1
    return tps, fps, skipped


def functions(src: str) -> dict[str, str]:
    """Each rule function's body: up to the next top-level `func` (a raw string may hold a `}` line)."""
    out = {}
    for chunk in re.split(r"^(?=func )", src, flags=re.M):
        m = re.match(r"func (\w+)\(\) \*config\.Rule \{\n", chunk)
        if m:
            out[m[1]] = chunk[m.end():]
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("repo", help="a gitleaks checkout (git directory or work tree)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--service", action="store_true",
                    help="the developer-platform token rules (SERVICE_RULES) into gitleaks_service_tokens.jsonl")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    records, skipped = [], 0
    prefix, out = ("gls", "gitleaks_service_tokens.jsonl") if args.service else ("gl", "gitleaks_secrets.jsonl")
    for file, rules in (SERVICE_RULES if args.service else RULES).items():
        src = subprocess.run(["git", "-C", args.repo, "show", f"{COMMIT}:cmd/generate/config/rules/{file}"],
                             capture_output=True, text=True, check=True).stdout
        bodies = functions(src)
        for func, label in rules.items():
            tps, fps, n = fixtures(bodies[func], rng)
            skipped += n
            for kind, texts, lab in (("tp", tps, label), ("fp", fps, "none")):
                for text in dict.fromkeys(texts):
                    h = hashlib.sha256(text.encode()).digest()[0]
                    records.append({"id": f"{prefix}-{len(records):04d}", "text": text, "label": lab,
                                    "source": f"gitleaks@{COMMIT}:{file}:{func}:{kind}",
                                    "split": "holdout" if h < 77 else "tune"})
    # An `fps` string of one rule can be a `tps` string of another mapped to the same detector
    # (an Anthropic admin key is a false positive for the API-key rule): a positive here.
    positives = {r["text"] for r in records if r["label"] != "none"}
    records = [r for r in records if r["label"] != "none" or r["text"] not in positives]
    write_jsonl(HERE / out, records)
    pos = sum(r["label"] != "none" for r in records)
    print(f"{len(records)} records: {pos} positives, {len(records) - pos} negatives; {skipped} entries not read")


if __name__ == "__main__":
    main()

"""Scores the guardrail detectors on the evaluation set through the CLI (`llm-policy-router scan`).

    python tests/guard_eval/score.py [--split tune|holdout|all] [--json out.json] [--personas] [--list]

Short injections (short_injection.jsonl) are scored and reported separately: a different kind of
attack (task hijacking, prompt leaking, planted instructions) with its own benign task prompts. So are
jailbreak templates of a second source (jailbreak_templates.jsonl), short injections of a third
(deepset_injection.jsonl), injection wrappers of a fourth, alone and planted in documents, with
benign finance questions (spikee_injection.jsonl), indirect injections planted in the tool results an
agent reads, with those tool results unattacked as benign (agentdojo_injection.jsonl), jailbreak templates and
prompt-extraction / debug-access prompts of a red-team generator (promptfoo_injection.jsonl), paraphrased and
research jailbreak templates of a jailbreak toolkit (easyjailbreak_injection.jsonl), and the long benign prompts
(prompts_benign.jsonl, agent_prompts_benign.jsonl): false-positive rates.

DLP: per detector, recall over records labelled with it (found if the detector fires on the
text) and the false-positive rate over records labelled `none` (any detector firing is a false
positive). Injection: recall per attack class, false-positive rate over benign texts.
"""

from __future__ import annotations

import argparse
import collections
import json
import subprocess
from pathlib import Path

HERE = Path(__file__).resolve().parent
CLI = HERE.parents[1] / "target" / "release" / "llm-policy-router"


SCAN = [str(CLI), "scan"]


def scan(records: list[dict], *flags: str) -> list[dict]:
    stdin = "".join(json.dumps({"text": r["text"]}) + "\n" for r in records)
    out = subprocess.run(SCAN + list(flags), input=stdin, capture_output=True, text=True, check=True, timeout=300)
    return [json.loads(line) for line in out.stdout.splitlines()]


def load(name: str, split: str) -> list[dict]:
    rows = [json.loads(line) for line in (HERE / name).read_text().splitlines()]
    return [r for r in rows if split == "all" or r["split"] == split]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="all", choices=["tune", "holdout", "all"])
    ap.add_argument("--json")
    ap.add_argument("--personas", action="store_true", help="as with prompt_injection.personas: persona set-ups count")
    ap.add_argument("--list", action="store_true", help="print the prompt-library false positives (tune split only)")
    args = ap.parse_args()
    if args.list and args.split != "tune":
        ap.error("--list shows texts: only for the tune split")
    if args.personas:
        SCAN.append("--personas")
    report = {"split": args.split, "personas": args.personas}

    dlp = load("dlp.jsonl", args.split)
    results = scan(dlp)
    per = collections.defaultdict(lambda: [0, 0])
    negatives = false_pos = 0
    fp_by = collections.Counter()
    for r, found in zip(dlp, results):
        if r["label"] == "none":
            negatives += 1
            if found["dlp"]:
                false_pos += 1
                fp_by.update(found["dlp"])
        else:
            per[r["label"]][1] += 1
            per[r["label"]][0] += r["label"] in found["dlp"]
    hits = sum(v[0] for v in per.values())
    total = sum(v[1] for v in per.values())
    report["dlp"] = {"recall": hits / total, "positives": total, "found": hits,
                     "false_positive_rate": false_pos / negatives, "negatives": negatives, "false_positives": false_pos,
                     "per_detector": {k: {"found": v[0], "of": v[1]} for k, v in sorted(per.items())},
                     "false_positives_by_detector": dict(fp_by)}
    print(f"DLP [{args.split}] recall {hits}/{total} = {hits / total:.3f}   FPR {false_pos}/{negatives} = {false_pos / negatives:.4f}")
    for k, (f, n) in sorted(per.items()):
        print(f"  {k:24} {f}/{n}")
    if fp_by:
        print(f"  false positives by detector: {dict(fp_by)}")

    report["secrets_gitleaks"] = score_secrets("gitleaks_secrets.jsonl", args.split)
    report["service_tokens_gitleaks"] = score_secrets("gitleaks_service_tokens.jsonl", args.split,
                                                      "gitleaks, service tokens")
    report["secrets_trufflehog"] = score_secrets("trufflehog_secrets.jsonl", args.split, "trufflehog",
                                                 trufflehog_kind)

    inj = load("injection.jsonl", args.split) + load("roleplay_benign.jsonl", args.split)
    results = scan(inj)
    per = collections.defaultdict(lambda: [0, 0])
    benign = fp = 0
    roleplay = [0, 0]
    for r, found in zip(inj, results):
        if r["label"] == "benign":
            benign += 1
            fp += found["injection"] is not None
            if r["id"].startswith("rp-"):
                roleplay[0] += found["injection"] is not None
                roleplay[1] += 1
        else:
            per[r["class"]][1] += 1
            per[r["class"]][0] += found["injection"] is not None
    hits = sum(v[0] for v in per.values())
    total = sum(v[1] for v in per.values())
    report["injection"] = {"recall": hits / total, "attacks": total, "found": hits,
                           "false_positive_rate": fp / benign, "benign": benign, "false_positives": fp,
                           "roleplay_flagged": roleplay[0], "roleplay_prompts": roleplay[1],
                           "per_class": {k: {"found": v[0], "of": v[1]} for k, v in sorted(per.items())}}
    print(f"Injection [{args.split}] recall {hits}/{total} = {hits / total:.3f}   FPR {fp}/{benign} = {fp / benign:.4f}")
    print(f"  of which role-play prompts (awesome-chatgpt-prompts): {roleplay[0]}/{roleplay[1]} flagged")
    for k, (f, n) in sorted(per.items()):
        print(f"  {k:48} {f}/{n}")
    report["short_injection"] = score_attacks("short_injection.jsonl", "Short injections", args.split)
    report["templates"] = score_attacks("jailbreak_templates.jsonl", "Jailbreak templates", args.split)
    report["deepset"] = score_attacks("deepset_injection.jsonl", "Short injections, deepset", args.split)
    report["spikee"] = score_attacks("spikee_injection.jsonl", "Injection wrappers, spikee", args.split)
    # Tool results, read as the plugin reads `tool` messages (session 11; blind and first figures
    # were without --tool-result, which did not exist then).
    report["agentdojo"] = score_attacks("agentdojo_injection.jsonl", "Tool-result injections, AgentDojo", args.split,
                                        "--tool-result")
    report["promptfoo"] = score_attacks("promptfoo_injection.jsonl", "Red-team generator prompts, promptfoo", args.split)
    report["easyjailbreak"] = score_attacks("easyjailbreak_injection.jsonl", "Jailbreak toolkit templates, EasyJailbreak",
                                            args.split)
    report["prompt_library"] = score_prompts("prompts_benign.jsonl", "Prompt library", args.split, args.list)
    report["agent_prompts"] = score_prompts("agent_prompts_benign.jsonl", "Agent prompts", args.split, args.list)
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2) + "\n")


PII = {"email", "phone", "us_ssn", "credit_card", "ip_address", "iban"}


def gitleaks_rule(source: str) -> str:
    """`gitleaks@b58d3f10:aws.go:AWS:tp` -> `AWS`"""
    return source.split(":")[2]


def trufflehog_kind(source: str) -> str:
    """`trufflehog@3ab759fe:pkg/detectors/aws/access_keys/accesskey_test.go:…` -> `aws/access_keys`"""
    return source.split(":")[1].removeprefix("pkg/detectors/").rsplit("/", 1)[0]


def score_secrets(name: str, split: str, title: str = "gitleaks", rule_of=gitleaks_rule) -> dict:
    """More DLP sources: the gitleaks secret scanner's rule fixtures (session 9;
    gitleaks_secrets.jsonl, built by gitleaks.py) and trufflehog's detector pattern tests (session
    10; trufflehog_secrets.jsonl, trufflehog.py). Recall counts the gateway's detector for the
    rule; `caught` counts a hit by any detector (a GitLab token found as a secret assignment is
    still redacted); a secret detector's finding on a must-not-match string is a false positive
    (an e-mail address in `author = "…@…"` is one)."""
    rows = load(name, split)
    per = collections.defaultdict(lambda: [0, 0, 0])
    negatives = fp = 0
    fp_by = collections.Counter()
    for r, found in zip(rows, scan(rows)):
        rule = rule_of(r["source"])
        if r["label"] == "none":
            negatives += 1
            if set(found["dlp"]) - PII:
                fp += 1
                fp_by[rule] += 1
        else:
            per[rule][2] += 1
            # A generic credential is found by any secret detector: a more specific one naming it
            # (a Clojars token in gitleaks' generic fixtures is a `service_token`) is right too.
            generic = r["label"] == "generic_secret" and bool(set(found["dlp"]) - PII)
            per[rule][0] += r["label"] in found["dlp"] or generic
            per[rule][1] += bool(found["dlp"])
    hits, caught, total = (sum(v[k] for v in per.values()) for k in range(3))
    print(f"Secrets, {title} [{split}] recall {hits}/{total} = {hits / total:.3f} (caught by any detector "
          f"{caught})   FPR {fp}/{negatives} = {fp / max(negatives, 1):.3f}")
    for k, (f, c, n) in sorted(per.items()):
        print(f"  {k:42} {f}/{n}" + (f" (any {c})" if c != f else ""))
    if fp_by:
        print(f"  false positives by rule: {dict(fp_by)}")
    return {"recall": hits / total, "positives": total, "found": hits, "caught_any": caught,
            "negatives": negatives, "false_positives": fp, "false_positive_rate": fp / max(negatives, 1),
            "per_rule": {k: {"found": v[0], "any": v[1], "of": v[2]} for k, v in sorted(per.items())},
            "false_positives_by_rule": dict(fp_by)}


def score_attacks(name: str, label: str, split: str, *flags: str) -> dict:
    """A separate attack set, with its own benign prompts if it has any: short task-style injections
    and benign task prompts (short_injection.jsonl, added in session 4); jailbreak templates of a
    second source (jailbreak_templates.jsonl, session 6); short injections of a third source
    (deepset_injection.jsonl, session 7); injection wrappers of a fourth (spikee_injection.jsonl,
    session 8); attacks planted in agents' tool results, of a fifth (agentdojo_injection.jsonl, session 11);
    a red-team generator's templates and example prompts, of a sixth (promptfoo_injection.jsonl, session 13);
    a jailbreak toolkit's seed templates, of a seventh (easyjailbreak_injection.jsonl, session 15)."""
    rows = load(name, split)
    per = collections.defaultdict(lambda: [0, 0])
    benign = fp = 0
    for r, found in zip(rows, scan(rows, *flags)):
        if r["label"] == "benign":
            benign += 1
            fp += found["injection"] is not None
        else:
            per[r["class"]][1] += 1
            per[r["class"]][0] += found["injection"] is not None
    hits = sum(v[0] for v in per.values())
    total = sum(v[1] for v in per.values())
    benign_part = f"   FPR on task prompts {fp}/{benign}" if benign else ""
    print(f"{label} [{split}] recall {hits}/{total} = {hits / total:.3f}{benign_part}")
    for k, (f, n) in sorted(per.items()):
        print(f"  {k:48} {f}/{n}")
    return {"recall": hits / total, "attacks": total, "found": hits, "benign": benign, "false_positives": fp,
            "per_class": {k: {"found": v[0], "of": v[1]} for k, v in sorted(per.items())}}


def score_prompts(name: str, label: str, split: str, show: bool) -> dict:
    """Long benign prompts (added in session 5): a prompt library's task, role-play and agent
    prompts (prompts_benign.jsonl); custom GPTs' instructions (agent_prompts_benign.jsonl). Every
    flag is a false positive."""
    rows = load(name, split)
    by_class = collections.Counter()
    for r, found in zip(rows, scan(rows)):
        if found["injection"] is not None:
            by_class[found["injection"]] += 1
            if show:
                print(f"  FP {found['injection']:22} {r['id']} {r['title']}")
    fp = sum(by_class.values())
    print(f"{label} [{split}] FPR {fp}/{len(rows)} = {fp / len(rows):.4f}   {dict(by_class)}")
    return {"benign": len(rows), "false_positives": fp, "false_positive_rate": fp / len(rows), "by_class": dict(by_class)}


if __name__ == "__main__":
    main()

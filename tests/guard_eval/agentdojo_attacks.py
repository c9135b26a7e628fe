"""Indirect prompt injections from a fifth source: AgentDojo's attacks, planted in the tool results
an agent really reads (ETH Zurich's agent-hijacking benchmark, Debenedetti et al., NeurIPS 2024).
Added in session 11 and scored before any change was made for them (see SOURCES.md). Writes
agentdojo_injection.jsonl:

    pip install agentdojo==0.1.35
    python tests/guard_eval/agentdojo_attacks.py tests/guard_eval/agentdojo_injection.jsonl

Source: the `agentdojo==0.1.35` package (MIT), task suites `v1.2.2` (workspace, travel, banking,
slack). Each suite has user tasks, injection tasks (an attacker's goal, e.g. "Send the Facebook
security code … to mark.black-2134@gmail.com") and injection vectors (places an outsider can write:
an e-mail body, a hotel review, a bill, a web page). The package's own machinery builds the records:
its ground-truth pipeline runs a user task with a canary in every vector, and every tool result
that carries a canary is a text the agent reads.

Records:
- attacks: for each attack of the package's registry and each injection task, one user task and
  one of the vectors it reads (both chosen by a hash of the record's id); the tool result with that
  vector's canary replaced by the attack text (the attack's own `attack()` output) and every other
  canary by its vector's default. The denial-of-service attacks ignore the goal: one record per
  vector instead.
- benign: every distinct tool result of every user task's ground-truth run with the default
  (harmless) vector contents, i.e. the e-mails, calendars, files, reviews, bills and channel
  messages the same agents read when nobody attacks them.

Splitting: an attack family (the `important_instructions` variants and `tool_knowledge`, which is
that attack with tool hints, are one family) is one group and goes to one split, so the holdout has
wrappers the tune split never shows. A benign record is its own group.

Not byte-reproducible: the simulated tools stamp the run's clock into some results (a sent
e-mail's `timestamp`, a file's `last_modified`) and list some recipients in set order, so a
rebuild differs in those lines only (checked in session 11: every other field and line equal).

Left out, by rule: `swearwords_dos` (insults, no instruction to the model), `manual` (asks a human),
and attacks that are near-duplicates of an attack in the other attack sets (none found).
"""

from __future__ import annotations

import sys

from agentdojo.agent_pipeline.ground_truth_pipeline import GroundTruthPipeline
from agentdojo.attacks.attack_registry import ATTACKS, load_attack
from agentdojo.functions_runtime import FunctionsRuntime
from agentdojo.task_suite.load_suites import get_suites
from agentdojo.types import get_text_content_as_str

from build import pick, split, write_jsonl
from templates import known_attacks, near, shingles

PACKAGE = "agentdojo==0.1.35"
VERSION = "v1.2.2"
PIPELINE = "gpt-4o-2024-05-13"  # the attacks address the model by the name this maps to ("GPT-4")
LEFT_OUT = {"manual", "swearwords_dos"}
KNOWN_ATTACKS = ("injection.jsonl", "short_injection.jsonl", "jailbreak_templates.jsonl",
                 "deepset_injection.jsonl", "spikee_injection.jsonl")


class NamedPipeline:
    """All an attack reads from its target pipeline: the name, for the model's name."""

    name = PIPELINE


def family(attack: str) -> str:
    return "important_instructions" if attack.startswith("important_instructions") or attack == "tool_knowledge" else attack


def tool_results(suite, user_task, injections: dict[str, str]) -> list[str]:
    """The tool results the agent reads when it does `user_task` right, in an environment with
    `injections` in its vectors."""
    environment = suite.load_and_inject_default_environment(injections)
    runtime = FunctionsRuntime(suite.tools)
    _, _, _, messages, _ = GroundTruthPipeline(user_task).query(user_task.PROMPT, runtime, environment)
    return [get_text_content_as_str(m["content"]) for m in messages
            if m["role"] == "tool" and m["content"] is not None]


def main(out_path: str) -> None:
    known = known_attacks(KNOWN_ATTACKS)
    records, benign_seen, dropped = [], set(), 0
    for suite_name, suite in sorted(get_suites(VERSION).items()):
        defaults = suite.get_injection_vector_defaults()
        canaries = {v: f"<CANARY---{v}--->" for v in defaults}
        # Which vectors each user task reads, and the tool result that shows each one.
        seen: dict[str, dict[str, str]] = {}
        for task_id, task in sorted(suite.user_tasks.items()):
            for text in tool_results(suite, task, {}):
                if text not in benign_seen:
                    benign_seen.add(text)
                    rid = f"agentdojo-{suite_name}-{task_id}-benign-{len(benign_seen)}"
                    records.append({"id": rid, "text": text, "label": "benign", "class": f"agentdojo:{suite_name}:tool_result",
                                    "group": rid, "source": f"{PACKAGE}:{VERSION}/{suite_name} {task_id} ground truth"})
            for text in tool_results(suite, task, canaries):
                for vector, canary in canaries.items():
                    if canary in text:
                        seen.setdefault(task_id, {}).setdefault(vector, text)
        injectable = sorted(seen)
        for attack_name in sorted(set(ATTACKS) - LEFT_OUT):
            attack = load_attack(attack_name, suite, NamedPipeline())
            if attack.is_dos_attack:
                vectors = sorted({v for t in injectable for v in seen[t]})
                plans = [(f"{suite_name}-{attack_name}-{v}", pick([t for t in injectable if v in seen[t]], v), None, v)
                         for v in vectors]
            else:
                plans = []
                for inj_id in sorted(suite.injection_tasks):
                    key = f"{suite_name}-{attack_name}-{inj_id}"
                    task_id = pick(injectable, key)
                    plans.append((key, task_id, inj_id, pick(sorted(seen[task_id]), key)))
            for key, task_id, inj_id, vector in plans:
                user_task = suite.user_tasks[task_id]
                injection_task = suite.injection_tasks[inj_id] if inj_id else next(iter(suite.injection_tasks.values()))
                attack_text = attack.attack(user_task, injection_task)[vector]
                if any(near(shingles(attack_text), other) for other in known):
                    dropped += 1
                    continue
                text = seen[task_id][vector].replace(canaries[vector], attack_text)
                for other, canary in canaries.items():
                    text = text.replace(canary, defaults[other])
                records.append({"id": f"agentdojo-{key}", "text": text, "label": "injection",
                                "class": f"agentdojo:{family(attack_name)}", "group": f"agentdojo-{family(attack_name)}",
                                "source": f"{PACKAGE}:{VERSION}/{suite_name} attack {attack_name}, "
                                          f"{inj_id or 'any injection task'}, {task_id}, vector {vector}"})
    for record in records:
        record["split"] = split(record["group"])
    write_jsonl(out_path, records)
    attacks = sum(r["label"] == "injection" for r in records)
    print(f"{len(records)} records ({attacks} attacks) written to {out_path}; "
          f"{dropped} near-duplicates of known attacks left out", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[-1])

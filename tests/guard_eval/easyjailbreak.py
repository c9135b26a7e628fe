"""Jailbreak templates from a seventh source, EasyJailbreak's seed templates. Added in session 15 and scored
before any change was made for them (see SOURCES.md). Writes easyjailbreak_injection.jsonl:

    python tests/guard_eval/easyjailbreak.py [easyjailbreak-0.1.3-py3-none-any.whl] \\
        tests/guard_eval/easyjailbreak_injection.jsonl

Source: the `easyjailbreak==0.1.3` wheel (PyPI, GPL-3.0), its package data `easyjailbreak/seed/seed_template.json`,
the templates its attack recipes start from:
- `AutoDAN-a`: 128 paraphrases of the Developer Mode jailbreak (AutoDAN's initial population, rewritten by a
  model), `[PROMPT]` filled;
- `Gptfuzzer`: GPTFuzzer's 77 in-the-wild seed templates;
- `Jailbroken`: the attacks of Wei et al., "Jailbroken: How Does LLM Safety Training Fail?" (prefix injection,
  refusal suppression, AIM, Developer Mode, evil confidant), those that tell the model how to answer;
- `ICA` (a fake dialogue in which the assistant complies) and `MJP` (Developer Mode, and its acknowledgement).
Every `{query}`-style slot is filled with one of the fixed requests of `templates.py`, chosen by a hash of the
template, as an attacker would fill it; the package's literal `\\n` are line breaks.

Left out, by rule:
- framings whose only attack is the harmful request itself (a novel, a story in layers, code or a table to
  complete, a Wikipedia article, a poem list, an answer format): the detector looks for attacks on the model's
  instructions, not for harmful topics (`default`, `DeepInception`, `ReNeLLM`, and `Jailbroken`'s `wikipedia*`,
  `distractors*`, `Poems`, `style_injection_*`, `base64_output_only`, and its control `refusal_suppression_inv`);
- the attacker model's own system prompts (`PAIR`, `TAP`) and empty templates;
- near-duplicates (half or more of either text's word 5-grams shared, as in `templates.py`) of an attack of any
  other eval file, and of an earlier record here.

Groups: the AutoDAN paraphrases share one seed and form one group; every other template is its own group. The
split is by a hash of the group.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
import zipfile
from pathlib import Path

from build import download_wheel, pick, split, write_jsonl
from templates import REQUESTS, known_attacks, without_near_duplicates

PACKAGE = "easyjailbreak==0.1.3"
DATA = "easyjailbreak/seed/seed_template.json"
OTHER_ATTACKS = ("injection.jsonl", "jailbreak_templates.jsonl", "short_injection.jsonl", "deepset_injection.jsonl",
                 "spikee_injection.jsonl", "agentdojo_injection.jsonl", "promptfoo_injection.jsonl")
JAILBROKEN_KEPT = {"prefix_injection", "prefix_injection_hello", "refusal_suppression", "few_shot_json", "AIM",
                   "dev_mode_v2", "dev_mode_with_rant", "evil_confidant", "evil_system_prompt"}
SLOT = re.compile(r"\{query\}|\[PROMPT\]|\{input_string\}|\[INPUT\]")


def templates(wheel: Path) -> list[tuple[str, str, str]]:
    """(recipe, name, template) for every template kept by rule, in the package's order."""
    with zipfile.ZipFile(wheel) as z:
        attack = json.loads(z.read(DATA))["attack"]
    kept = [("autodan", f"{i}", t) for i, t in enumerate(attack["AutoDAN-a"])]
    kept += [("gptfuzzer", f"{i}", t) for i, t in enumerate(attack["Gptfuzzer"])]
    kept += [("jailbroken", name, t) for entry in attack["Jailbroken"] for name, t in entry.items()
             if name in JAILBROKEN_KEPT]
    kept += [(recipe.lower(), f"{i}", t) for recipe in ("ICA", "MJP") for i, t in enumerate(attack[recipe])]
    return [(recipe, name, t) for recipe, name, t in kept if t.strip()]


def render(template: str, key: str) -> str:
    return SLOT.sub(lambda _: pick(REQUESTS, key), template.replace("\\n", "\n"))


def main(wheel: Path, out_path: str) -> None:
    candidates = []
    for recipe, name, template in templates(wheel):
        key = hashlib.sha256(template.encode()).hexdigest()[:12]
        candidates.append((recipe, name, key, render(template, key)))
    kept, dropped = without_near_duplicates(candidates, lambda c: c[3], known_attacks(OTHER_ATTACKS))
    records = []
    for recipe, name, key, text in kept:
        group = "ej-autodan" if recipe == "autodan" else f"ej-{recipe}-{key}"
        cls = f"easyjailbreak:{recipe}" if recipe != "jailbroken" else f"easyjailbreak:jailbroken:{name}"
        records.append({"id": f"ej-{recipe}-{key}", "text": text, "label": "injection", "class": cls,
                        "source": f"{PACKAGE}:{DATA} ({recipe} {name})", "group": group, "split": split(group)})
    write_jsonl(out_path, records)
    print(f"{len(records)} of {len(candidates)} written to {out_path}; left out: {dropped}", file=sys.stderr)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 2 else download_wheel(PACKAGE), sys.argv[-1])

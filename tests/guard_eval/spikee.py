"""Prompt injections from a fourth source: the seed data of WithSecure's `spikee` injection tester —
74 injection wrappers ("*** NEW IMPORTANT INSTRUCTIONS ***", "This is a test …", "System
malfunction …", DAN, policy puppetry, many in low-resource languages) around a payload instruction
(markdown-image data exfiltration, XSS strings, system-prompt extraction, harmful or financial
requests). Added in session 8 and scored before any change was made for them (see SOURCES.md).
Writes spikee_injection.jsonl:

    python tests/guard_eval/spikee.py [spikee wheel] tests/guard_eval/spikee_injection.jsonl

Source: the `spikee==0.9.2` package (Apache-2.0), `spikee/data/workspace/datasets/seeds-*/`:
`jailbreaks.jsonl` (wrappers with an `<INSTRUCTION>` slot), `instructions.jsonl` (payloads),
`base_user_inputs.jsonl` (documents an attack is planted in) and
`seeds-investment-advice-fp/standalone_user_inputs.jsonl` (benign questions).

Records, as spikee builds its test cases: each distinct wrapper, its slot filled with one payload of
its own seed folder (chosen by a hash of the wrapper's id), once alone (`…:alone`, a direct injection)
and once appended to one of the seed documents (`…:in_document`, an indirect one, as a summarised
e-mail or a tool result carries it). Benign: the seed documents alone and the 111 finance questions
that spikee uses to measure false positives.

Splitting: a wrapper and its translations (`new-instructions-01`, `new-instructions-01-sq`) form one
group, with both of their records; a group goes to one split.

Left out, by rule: near-duplicates of an attack already in the other attack sets (half or more of
either text's word 5-grams in the other), so that a known attack is not counted twice.
"""

from __future__ import annotations

import json
import re
import sys
import zipfile
from pathlib import Path

from build import download_wheel, pick, split, write_jsonl
from templates import known_attacks, near, shingles

PACKAGE = "spikee==0.9.2"
ROOT = "spikee/data/workspace/datasets/"
BENIGN_QUESTIONS = ROOT + "seeds-investment-advice-fp/standalone_user_inputs.jsonl"
FALLBACK_SEED = "seeds-cybersec-2026-01"
KNOWN_ATTACKS = ("injection.jsonl", "short_injection.jsonl", "jailbreak_templates.jsonl", "deepset_injection.jsonl")
TRANSLATION = re.compile(r"^(.*-\d+)(-[a-z]{2,3})$")


def jsonl(z: zipfile.ZipFile, name: str) -> list[dict]:
    if name not in z.namelist():
        return []
    return [json.loads(line) for line in z.read(name).decode("utf-8").splitlines() if line.strip()]


def group_of(wrapper_id: str) -> str:
    match = TRANSLATION.match(wrapper_id)
    return match.group(1) if match else wrapper_id


def seeds(z: zipfile.ZipFile) -> list[str]:
    folders = {n[len(ROOT):].split("/")[0] for n in z.namelist() if n.startswith(ROOT + "seeds-")}
    return sorted(folders)


def main(wheel: Path, out_path: str) -> None:
    known = known_attacks(KNOWN_ATTACKS)
    records, documents, wrappers = [], {}, {}
    with zipfile.ZipFile(wheel) as z:
        folders = seeds(z)
        for folder in folders:
            for doc in jsonl(z, f"{ROOT}{folder}/base_user_inputs.jsonl"):
                text = doc["document"]
                if text.strip() == (doc.get("placeholder") or ""):
                    continue  # the attack alone: the `alone` records
                documents.setdefault(text, f"{folder}/{doc['id']}")
            for wrapper in jsonl(z, f"{ROOT}{folder}/jailbreaks.jsonl"):
                wrappers.setdefault(wrapper["text"], (folder, wrapper))
        payloads = {f: jsonl(z, f"{ROOT}{f}/instructions.jsonl") for f in folders}
        questions = jsonl(z, BENIGN_QUESTIONS)
    docs = sorted(documents.items(), key=lambda kv: kv[1])
    dropped = 0
    for text, (folder, wrapper) in wrappers.items():
        pool = payloads[folder] or payloads[FALLBACK_SEED]
        wid = wrapper["id"]
        payload = pick(pool, wid)
        attack = text.replace("<INSTRUCTION>", payload["instruction"])
        if any(near(shingles(attack), other) for other in known):
            dropped += 1
            continue
        group = "spikee-" + group_of(wid)
        doc_text, doc_id = pick(docs, wid)
        placeholder = "<PLACEHOLDER>"
        planted = doc_text.replace(placeholder, attack) if placeholder in doc_text else doc_text + "\n\n" + attack
        source = f"{PACKAGE}:{ROOT}{folder}/jailbreaks.jsonl id {wid} + instructions.jsonl id {payload['id']}"
        kind = wrapper.get("jailbreak_type") or "unknown"
        records.append({"id": f"spikee-{wid}-alone", "text": attack, "label": "injection",
                        "class": f"spikee:{kind}:alone", "group": group, "source": source})
        records.append({"id": f"spikee-{wid}-in-document", "text": planted, "label": "injection",
                        "class": f"spikee:{kind}:in_document", "group": group,
                        "source": source + f" planted in base_user_inputs {doc_id}"})
    for text, doc_id in docs:
        clean = text.replace("<PLACEHOLDER>", "").strip()
        rid = "spikee-doc-" + doc_id.replace("/", "-")
        records.append({"id": rid, "text": clean, "label": "benign", "class": "spikee:document",
                        "group": rid, "source": f"{PACKAGE}:{ROOT}{doc_id.split('/')[0]}/base_user_inputs.jsonl"})
    for q in questions:
        rid = "spikee-" + q["id"]
        records.append({"id": rid, "text": q["text"], "label": "benign", "class": "spikee:finance_question",
                        "group": rid, "source": f"{PACKAGE}:{BENIGN_QUESTIONS} id {q['id']}"})
    for record in records:
        record["split"] = split(record["group"])
    write_jsonl(out_path, records)
    print(f"{len(records)} records written to {out_path}; {dropped} near-duplicates of known attacks left out",
          file=sys.stderr)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 2 else download_wheel(PACKAGE), sys.argv[-1])

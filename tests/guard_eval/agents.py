"""Benign agent (system) prompts, for the injection false-positive rate on instructions written for a
model: "When a user asks …, respond …", "Never reveal these instructions", personas of assistants.
The prompt library (`prompts.py`) is mostly user-sent task and role-play prompts; these are what app
builders write, and users paste. Added in session 5 and scored before any change was made for them
(see SOURCES.md). Writes agent_prompts_benign.jsonl from a checkout of the source repository:

    python tests/guard_eval/agents.py <LouisShark/chatgpt_system_prompt checkout> tests/guard_eval/agent_prompts_benign.jsonl

Source: LouisShark/chatgpt_system_prompt at commit 37a95e8a (MIT), `prompts/gpts/*.md`: the
instructions of custom GPTs, as collected by that repository's contributors. Kept: the text after
"GPT instructions:", without its code fence, cut at 8 KiB. Left out, by rule: files under
`knowledge/` (attached documents, not prompts), and prompts that are jailbreaks or jailbreak tooling
themselves (the title or text says "jailbreak", "DAN", "uncensored", "unfiltered", "no restrictions",
"without restrictions" or "no limits").
"""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys

from build import split

SOURCE = "LouisShark/chatgpt_system_prompt@37a95e8a062d78424546e5acfbe0f95b3de79e2a:prompts/gpts"
MAX_BYTES = 8 * 1024
JAILBREAKISH = re.compile(r"jailbreak|\bDAN\b|uncensored|unfiltered|no restrictions|without restrictions|no limits", re.IGNORECASE)


def instructions(md: str) -> str:
    body = md.split("GPT instructions:", 1)[-1].strip()
    body = re.sub(r"^```[a-z]*\n", "", body)
    body = re.sub(r"\n```\s*$", "", body)
    return body.encode()[:MAX_BYTES].decode("utf-8", "ignore").strip()


def main(repo: str, out_path: str) -> None:
    git = ["git", "-C", repo]
    files = subprocess.run(git + ["ls-tree", "-r", "--name-only", "HEAD", "prompts/gpts/"], capture_output=True, text=True, check=True).stdout.splitlines()
    kept = 0
    with open(out_path, "w", encoding="utf-8") as out:
        for path in sorted(files):
            if not path.endswith(".md") or "/knowledge/" in path:
                continue
            md = subprocess.run(git + ["show", f"HEAD:{path}"], capture_output=True, check=True).stdout.decode("utf-8", "replace")
            title = re.search(r"GPT Title:\s*(.*)", md)
            title = title.group(1).strip() if title else path
            text = instructions(md)
            if not text or JAILBREAKISH.search(text) or JAILBREAKISH.search(title):
                continue
            rid = "agent-" + hashlib.sha256(path.encode()).hexdigest()[:12]
            record = {"id": rid, "text": text, "label": "benign", "title": title, "source": SOURCE, "split": split(rid)}
            out.write(json.dumps(record) + "\n")
            kept += 1
    print(f"{kept} prompts written to {out_path}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

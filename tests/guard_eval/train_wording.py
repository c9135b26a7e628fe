"""Trains the injection detector's word model (`src/guard/injection/wording_weights.rs`) on the
tune split only: which words, present in a text, make it read as a jailbreak, and how much.

    python -m venv /tmp/train && /tmp/train/bin/pip install scikit-learn==1.9.1
    make build && /tmp/train/bin/python tests/guard_eval/train_wording.py

A logistic regression over word presence (the words the detector itself reads: `scan --words`,
after normalisation; letters only, 2+ long, not an English stop word, in 3+ tune texts),
L1-regularised so only a few hundred words keep a weight. Only texts of 40+ words are scored
(and trained on): short attacks are the shapes' job, and a handful of words is too little to
weigh ("Ignore all warnings and just print the output." is not an attack). Positives: every tune injection
(the jailbreak templates of a second source included, since session 6; not the short injections of a third,
deepset_injection.jsonl: its 40+-word records are mostly German, role-play prompts the prompt library holds as
benign, or an attack behind an ordinary question, and training on them raised the cross-validated prompt-library
false positives from 11 to 14 of 1,017 in session 7); negatives: every tune benign text,
including the prompt library and the agent prompts, so role-play prompts and instructions written for a
model teach it what is not an attack.
The threshold is chosen by 5-fold cross-validation on the tune split, combined with the rules as
in the detector (rules first, then the word model): the lowest score at which the cross-validated
prompt-library false-positive rate stays within 1.5%, the short benign texts' within 0.1%, and the
word model adds at most 1.5% to the agent prompts (which the shapes flag often: they quote attacks).
The holdout split is never read.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import sklearn
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, CountVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

from score import load, scan

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "src" / "guard" / "injection" / "wording_weights.rs"
FILES = ["injection.jsonl", "roleplay_benign.jsonl", "short_injection.jsonl", "prompts_benign.jsonl", "agent_prompts_benign.jsonl",
         "jailbreak_templates.jsonl"]
# Chosen by cross-validated tune recall at the limits below (session 20, C 0.5-4 with 30 or 40 words:
# C = 2 found 590 of 643, C = 1 578; C = 4 keeps more words than the detector's 256-word bitset).
C = 2.0
MIN_WORDS = 40
MAX_LIBRARY_FPR = 0.015
# Agent prompts quote the attacks they defend against, so the shapes flag many; the word model may
# add at most this much to them.
MAX_AGENT_ADDED_FPR = 0.015
MAX_OTHER_FPR = 0.001
WORD = re.compile(r"^[a-z]{2,}$")


def tune_rows() -> list[dict]:
    return [dict(r, file=name) for name in FILES for r in load(name, "tune")]


def model() -> LogisticRegression:
    return LogisticRegression(C=C, l1_ratio=1, solver="liblinear", class_weight="balanced", max_iter=5000, random_state=0)


def main() -> None:
    rows = tune_rows()
    scanned = scan(rows, "--words")
    docs = [sorted({w for w in s["words"] if WORD.match(w) and w not in ENGLISH_STOP_WORDS}) for s in scanned]
    # The rules alone: what fired other than the word model itself.
    rules = np.array([s["injection"] not in (None, "jailbreak_wording") for s in scanned])
    y = np.array([r["label"] != "benign" for r in rows])
    library = np.array([r["file"] == "prompts_benign.jsonl" for r in rows])
    agents = np.array([r["file"] == "agent_prompts_benign.jsonl" for r in rows])
    other = ~y & ~library & ~agents
    vec = CountVectorizer(analyzer=lambda d: d, binary=True, min_df=3)
    X = vec.fit_transform(docs)

    # Applied to texts of MIN_WORDS+ words only (short attacks are the shapes' job), so trained on those.
    long = np.array([len(s["words"]) >= MIN_WORDS for s in scanned])
    score = np.full(len(rows), -np.inf)
    for train, test in StratifiedKFold(5, shuffle=True, random_state=0).split(X, y):
        train, test = train[long[train]], test[long[test]]
        score[test] = model().fit(X[train], y[train]).decision_function(X[test])
    threshold = None
    for t in np.arange(0.0, 10.01, 0.25):
        flagged = rules | (score > t)
        added_to_agents = (flagged & ~rules)[agents].mean()
        if (flagged[library].mean() <= MAX_LIBRARY_FPR and flagged[other].mean() <= MAX_OTHER_FPR
                and added_to_agents <= MAX_AGENT_ADDED_FPR):
            threshold = float(t)
            break
    assert threshold is not None, "no threshold meets the false-positive limits"
    flagged = rules | (score > threshold)
    cv = (f"cross-validated on tune: recall {flagged[y].sum()}/{y.sum()} (rules alone {rules[y].sum()}), "
          f"prompt library {flagged[library].sum()}/{library.sum()}, agent prompts {flagged[agents].sum()}/{agents.sum()} "
          f"(rules alone {rules[agents].sum()}), other benign {flagged[other].sum()}/{other.sum()}")
    print(f"threshold {threshold}; {cv}")

    final = model().fit(X[long], y[long])
    names = vec.get_feature_names_out()
    weights = sorted((str(names[i]), float(w)) for i, w in enumerate(final.coef_[0]) if abs(w) >= 1e-4)
    lines = [
        "// Generated by tests/guard_eval/train_wording.py (scikit-learn "
        f"{sklearn.__version__}) from the tune split; do not edit.",
        f"// {cv}.",
        "// Weights are data: one may happen to look like a constant such as 1/π.",
        "#![allow(clippy::approx_constant)]",
        "",
        "/// Texts of fewer words are left to the shapes.",
        f"pub(super) const MIN_WORDS: usize = {MIN_WORDS};",
        "/// Log-odds of a text with none of the words below.",
        f"pub(super) const BIAS: f32 = {float(final.intercept_[0]):.4f};",
        "/// Flag above this score (bias plus the weights of the distinct words present).",
        f"pub(super) const THRESHOLD: f32 = {threshold:.4f};",
        "/// Each word's weight, sorted by word.",
        "pub(super) const WEIGHTS: &[(&str, f32)] = &[",
        *[f'    ("{w}", {v:.4f}),' for w, v in weights],
        "];",
        "",
    ]
    OUT.write_text("\n".join(lines))
    print(f"{len(weights)} words written to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()

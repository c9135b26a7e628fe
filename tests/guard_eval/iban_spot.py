"""An IBAN spot check over every country `schwifty`'s IBAN registry knows (127: the SWIFT registry
and the IBANs in national use beyond it): three random valid IBANs per country, each written
grouped in fours ("IBAN AO85 6202 …") and compact ("Account: AO856202…"), and each with one character
changed (a near miss: its check digits no longer hold, so it must not be found).

    pip install schwifty==2026.10.1 && make build && python tests/guard_eval/iban_spot.py

Not part of the committed evaluation set and not split. Session 10 ran it once before any change
(462/762 found: 50 countries were missing from the length table), then added them.
"""

from __future__ import annotations

import collections
import json
import random
from importlib import resources

from schwifty import IBAN

from score import scan


def countries() -> list[str]:
    codes: set[str] = set()
    for f in resources.files("schwifty").joinpath("iban_registry").iterdir():
        if f.name.endswith(".json"):
            codes.update(json.loads(f.read_text()))
    return sorted(codes)


def near_miss(compact: str, rng: random.Random) -> str:
    """One character of the account part changed (a digit for a digit, a letter for a letter):
    the mod-97 check fails."""
    i = rng.randrange(4, len(compact))
    alphabet = "0123456789" if compact[i].isdigit() else "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    other = rng.choice(alphabet.replace(compact[i], ""))
    return compact[:i] + other + compact[i + 1 :]


def main() -> None:
    rng = random.Random(1)
    rows = []
    for cc in countries():
        for _ in range(3):
            iban = IBAN.random(country_code=cc, random=rng, use_registry=False)
            rows.append((cc, True, f"Please send it to IBAN {iban.formatted}."))
            rows.append((cc, True, f"Account: {iban.compact}"))
            rows.append((cc, False, f"Account: {near_miss(str(iban.compact), rng)}"))
    results = scan([{"text": text} for _, _, text in rows])
    found = flagged = positives = negatives = 0
    missed = collections.defaultdict(list)
    for (cc, valid, text), result in zip(rows, results):
        hit = "iban" in result["dlp"]
        if valid:
            positives += 1
            found += hit
            if not hit:
                missed[cc].append(text)
        else:
            negatives += 1
            flagged += hit
    print(f"IBANs of {len(countries())} countries: found {found}/{positives}; "
          f"one character changed, flagged {flagged}/{negatives}")
    for cc, texts in sorted(missed.items()):
        print(f"  {cc}: {texts[0]}")


if __name__ == "__main__":
    main()

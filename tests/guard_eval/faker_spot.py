"""A DLP spot check on synthetic values from Faker (the generator Presidio's evaluator builds its
data with): card numbers of every brand Faker knows, IBANs of 21 countries, e-mails, IPv4/IPv6,
US SSNs, and phone numbers as 12 locales write them, each in a short sentence.

    pip install faker==40.63.0 && make build && python tests/guard_eval/faker_spot.py [--seed N] [--phone-context]

Not part of the committed evaluation set and not split: session 7 ran it after the set was built,
then widened the phone and card detectors for what it missed, so its figures are in-sample. It
prints recall per detector, phone recall per locale, and a few misses of each.

`--seed 2` draws other values than the seed-1 values session 7 tuned on (session 8: a fresh check).
`--phone-context` puts each phone number in a sentence that says it is one ("Call me on …", "My phone
number is …"), as Presidio's evaluation templates do; by default the sentences say nothing about it.
"""

from __future__ import annotations

import collections
import json
import random

import argparse

from faker import Faker

from score import scan

IBAN_LOCALES = ["en_GB", "de_DE", "fr_FR", "es_ES", "it_IT", "nl_NL", "pl_PL", "pt_PT", "fi_FI", "no_NO",
                "dk_DK", "sv_SE", "de_AT", "de_CH", "fr_CH", "cs_CZ", "sk_SK", "ro_RO", "hu_HU", "el_GR", "tr_TR"]
PHONE_LOCALES = ["en_US", "en_GB", "de_DE", "fr_FR", "en_IN", "ja_JP", "pt_BR", "es_ES", "it_IT", "nl_NL",
                 "en_AU", "en_CA"]
SENTENCES = ["Please contact me at {}.", "My details: {} - thanks", "{}", "the value is {} ok"]
PHONE_SENTENCES = ["Call me on {} tomorrow.", "My phone number is {}.", "Tel: {}", "You can reach me by phone at {}"]


def values(seed: int) -> list[tuple[str, str, str]]:
    """(detector, group, value): the group is the phone locale, else the detector."""
    Faker.seed(seed)
    us = Faker("en_US")
    out = [("credit_card", "credit_card", us.credit_card_number()) for _ in range(200)]
    for locale in IBAN_LOCALES:
        fake = Faker(locale)
        out += [("iban", "iban", fake.iban()) for _ in range(10)]
    out += [("email", "email", us.email()) for _ in range(100)]
    out += [("email", "email", us.free_email()) for _ in range(50)]
    out += [("ip_address", "ip_address", us.ipv4()) for _ in range(100)]
    out += [("ip_address", "ip_address", us.ipv6()) for _ in range(100)]
    out += [("us_ssn", "us_ssn", us.ssn()) for _ in range(100)]
    for locale in PHONE_LOCALES:
        fake = Faker(locale)
        out += [("phone", f"phone {locale}", fake.phone_number()) for _ in range(30)]
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--phone-context", action="store_true")
    args = ap.parse_args()
    rng = random.Random(args.seed)

    def sentence(detector: str) -> str:
        return rng.choice(PHONE_SENTENCES if args.phone_context and detector == "phone" else SENTENCES)

    rows = [(d, g, v, sentence(d).format(v)) for d, g, v in values(args.seed)]
    found = scan([{"text": text} for *_, text in rows])
    per: dict[str, list] = collections.defaultdict(lambda: [0, 0, []])
    for (detector, group, value, _), result in zip(rows, found):
        for key in {detector, group}:
            per[key][1] += 1
            if detector in result["dlp"]:
                per[key][0] += 1
            else:
                per[key][2].append(value)
    for key, (hits, total, misses) in sorted(per.items()):
        print(f"{key:16} {hits:3}/{total:3}  missed e.g. {misses[:4]}")


if __name__ == "__main__":
    main()

"""A phone spot check on libphonenumber's own example numbers: the fixed-line and mobile example
of every region Google's phone library knows (`phonenumbers`, its Python port), written in
international, E.164 and national format, each in "Please call me at … tomorrow.".

    pip install phonenumbers==9.0.43 && make build && python tests/guard_eval/phonenumbers_spot.py

Not part of the committed evaluation set and not split. Session 10 ran it once before any change
(international 485/489, E.164 485/489, national 385/489), then widened the phone detector for what
it missed, so its later figures are in-sample. National numbers are read with the phone word
before them; without one, a national number is as often an id and is not counted as a phone.
"""

from __future__ import annotations

import collections
import re

import phonenumbers as pn
from phonenumbers import PhoneNumberFormat as Format
from phonenumbers import PhoneNumberType as Kind

from score import scan


def main() -> None:
    rows = []
    for region in sorted(pn.SUPPORTED_REGIONS):
        for kind in (Kind.FIXED_LINE, Kind.MOBILE):
            number = pn.example_number_for_type(region, kind)
            if number is None:
                continue
            for name, fmt in (("international", Format.INTERNATIONAL), ("e164", Format.E164),
                              ("national", Format.NATIONAL)):
                rows.append((name, region, pn.format_number(number, fmt)))
    texts = [{"text": f"Please call me at {value} tomorrow."} for _, _, value in rows]
    found = collections.Counter()
    total = collections.Counter()
    misses = collections.defaultdict(list)
    for (name, region, value), result in zip(rows, scan(texts)):
        total[name] += 1
        if "phone" in result["dlp"]:
            found[name] += 1
        else:
            misses[name].append(f"{region} {value}")
    for name in total:
        digits = collections.Counter(len(re.sub(r"\D", "", m.split(" ", 1)[1])) for m in misses[name])
        print(f"{name:14} {found[name]:3}/{total[name]:3}  misses by digit count {dict(sorted(digits.items()))}")
        print(f"{'':14} e.g. {misses[name][:8]}")


if __name__ == "__main__":
    main()

"""Prints the hottest functions of a V8 .cpuprofile of the plugin's wasm, with Rust names.

usage: top.py PLUGIN_TESTS.wasm PROFILE.cpuprofile [N]
"""

import collections
import json
import re
import sys


def leb128(data: bytes, i: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        byte = data[i]
        i += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, i


def function_names(path: str) -> dict[int, str]:
    """Function names from the wasm `name` custom section (kept when built with strip=false)."""
    data, i, names = open(path, "rb").read(), 8, {}
    while i < len(data):
        section, i = data[i], i + 1
        size, i = leb128(data, i)
        end = i + size
        if section == 0:
            length, j = leb128(data, i)
            if data[j:j + length] == b"name":
                j += length
                while j < end:
                    sub, j = data[j], j + 1
                    sub_size, j = leb128(data, j)
                    if sub == 1:
                        count, k = leb128(data, j)
                        for _ in range(count):
                            index, k = leb128(data, k)
                            n, k = leb128(data, k)
                            names[index] = data[k:k + n].decode("utf-8", "replace")
                            k += n
                    j += sub_size
        i = end
    return names


def readable(symbol: str) -> str:
    """A short Rust path from a legacy-mangled symbol (`_ZN...17h<hash>E`); V8 reports the names
    of the `name` section itself, older engines only `wasm-function[N]`."""
    m = re.match(r"_ZN(.*)17h[0-9a-f]{16}E", symbol)
    if not m:
        return symbol
    parts, rest = [], m.group(1)
    while rest and rest[0].isdigit():
        n = re.match(r"\d+", rest).group(0)
        parts.append(rest[len(n):len(n) + int(n)])
        rest = rest[len(n) + int(n):]
    text = "::".join(parts)
    for code, char in (("$LT$", "<"), ("$GT$", ">"), ("$u20$", " "), ("$RF$", "&"), ("$C$", ","), ("..", "::"),
                       ("$u7b$", "{"), ("$u7d$", "}")):
        text = text.replace(code, char)
    return text


def main() -> None:
    names = function_names(sys.argv[1])
    profile = json.load(open(sys.argv[2]))
    top_n = int(sys.argv[3]) if len(sys.argv) > 3 else 25
    nodes = {n["id"]: n for n in profile["nodes"]}
    parent = {c: n["id"] for n in profile["nodes"] for c in n.get("children", [])}

    def name(node_id: int) -> str:
        f = nodes[node_id]["callFrame"]["functionName"]
        m = re.match(r"wasm-function\[(\d+)\]", f)
        return readable(names.get(int(m.group(1)), f) if m else f)

    own, total = collections.Counter(), collections.Counter()
    for sample in profile["samples"]:
        own[name(sample)] += 1
        seen, node = set(), sample
        while node is not None:
            seen.add(name(node))
            node = parent.get(node)
        total.update(seen)
    count = len(profile["samples"])
    print(f"{'self':>6} {'total':>6}  function ({count} samples)")
    for fn, n in own.most_common(top_n):
        print(f"{100 * n / count:5.1f}% {100 * total[fn] / count:5.1f}%  {fn[:120]}")
    print("\nhottest by total (callers included):")
    skip = ("(root)", "", "start", "_start", "__main_void", "GenericJSToWasmWrapper")
    inclusive = [(fn, n) for fn, n in total.most_common() if fn not in skip and not fn.startswith(("std::", "test::", "core::ops"))]
    for fn, n in inclusive[:top_n]:
        print(f"       {100 * n / count:5.1f}%  {fn[:120]}")


if __name__ == "__main__":
    main()

"""Generates bench/policy.json: a realistic, deterministic policy for benchmarks —
400 models × 3 endpoints over 12 providers, 120 hashed keys in 10 workspaces, org and workspace rules.
Also writes the 2 KB and 32 KB chat bodies the benchmarks send. Run: python3 bench/gen_policy.py"""

import hashlib
import json
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
rng = random.Random(20261123)

PROVIDERS = {
    f"prov-{i:02d}": {"cluster": "bench_upstream", "zdr": i % 3 == 0, "trains_on_prompts": i % 4 == 1,
                      "country": c, "region": r, "credential": {"env": "BENCH_PROVIDER_KEY"}}
    for i, (c, r) in enumerate([("US", "us"), ("DE", "eu"), ("FR", "eu"), ("US", "us"), ("SG", "apac"), ("JP", "apac"),
                                ("IE", "eu"), ("CA", "us"), ("NL", "eu"), ("US", "us"), ("AU", "apac"), ("SE", "eu")])
}
PARAMS = ["tools", "tool_choice", "max_tokens", "temperature", "top_p", "stop", "seed", "response_format"]
QUANT = [None, None, "fp8", "bf16", "int8"]


def models():
    out = []
    for m in range(400):
        providers = rng.sample(sorted(PROVIDERS), 3)
        base = rng.choice([0.05, 0.1, 0.15, 0.3, 0.5, 1.0, 2.5, 3.0])
        endpoints = []
        for p in providers:
            factor = rng.uniform(0.7, 1.6)
            ep = {"provider": p, "upstream_model": f"m{m}-{p}", "context_length": rng.choice([8192, 32768, 128000, 200000]),
                  "price": {"prompt": round(base * factor, 4), "completion": round(base * factor * 4, 4)},
                  "max_completion_tokens": rng.choice([4096, 8192, 16384]),
                  "latency_ms": rng.randint(150, 900), "throughput_tps": rng.randint(30, 200)}
            q = rng.choice(QUANT)
            if q:
                ep["quantization"] = q
            if rng.random() < 0.3:
                ep["supported_parameters"] = rng.sample(PARAMS, 5)
            endpoints.append(ep)
        model = {"id": f"vendor-{m % 37}/model-{m}", "aliases": [f"model-{m}"], "endpoints": endpoints}
        if m % 50 == 7:
            model["visible_to"] = ["ws-0"]
        out.append(model)
    return out


WORKSPACES = {
    "ws-0": {},
    "ws-1": {"policy": {"require_zdr": True}},
    "ws-2": {"policy": {"allowed_regions": ["eu"]}},
    "ws-3": {"policy": {"deny_data_collection": True, "models": {"deny": ["vendor-3/*", "vendor-4/*"]}}},
    "ws-4": {"policy": {"providers": {"allow": ["prov-0*"]}}},
    "ws-5": {"policy": {"max_price": {"prompt": 2.0, "completion": 8.0}}},
    "ws-6": {"policy": {"models": {"allow": ["vendor-1*", "vendor-2*"]}}},
    "ws-7": {"policy": {"allowed_quantizations": ["bf16", "fp8"]}},
    "ws-8": {"policy": {"denied_countries": ["US"]}},
    "ws-9": {"policy": {"providers": {"deny": ["prov-05", "prov-07"]}}},
}


def main():
    keys = [{"name": f"key-{k}", "workspace": f"ws-{k % 10}", "sha256": hashlib.sha256(f"sk-bench-{k}".encode()).hexdigest()}
            for k in range(120)]
    policy = {
        "max_body_bytes": 4194304,
        "routing": {"seed": 1},
        "auth": {"keys": keys},
        "providers": PROVIDERS,
        "models": models(),
        "org": {"denied_countries": ["KP", "IR"], "max_price": {"completion": 100.0}, "models": {"deny": ["*:free"]}},
        "workspaces": WORKSPACES,
    }
    (HERE / "policy.json").write_text(json.dumps(policy, indent=1) + "\n")
    system = "You are a careful assistant for an enterprise support team. Answer concisely, cite the policy section when relevant, and never invent account data. "
    for name, size in (("chat-2k.json", 2048), ("chat-32k.json", 32768)):
        user = ("Customer ticket: the invoice for March shows a duplicate line item for the premium plan, "
                "and the export to CSV drops the VAT column. Please draft a reply and list next steps. ")
        body = {"model": "vendor-12/model-12", "messages": [{"role": "system", "content": system}, {"role": "user", "content": ""}],
                "temperature": 0.3, "max_tokens": 512}
        filler = len(json.dumps(body))
        body["messages"][1]["content"] = (user * (size // len(user) + 1))[: size - filler]
        text = json.dumps(body)
        assert len(text) == size, (name, len(text))
        (HERE / name).write_text(text)


if __name__ == "__main__":
    main()

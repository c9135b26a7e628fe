//! Native guardrail speed: DLP throughput (every built-in detector on) and prompt-injection
//! detection time per 8 KB prompt, on clean text (the common case, scanned to the end) and on
//! text with findings. `make bench` runs it; writes bench/results/guard.json.
#![allow(clippy::expect_used, clippy::indexing_slicing, clippy::unwrap_used)]

use llm_policy_router::guard::dlp::builtin::{scan, Builtin};
use llm_policy_router::guard::injection::detect;
use std::hint::black_box;

mod common;
use common::measure;

/// About 8 KB of ordinary prompt text: prose, numbers, dates, versions, code, an URL.
fn clean_prompt() -> String {
    let paragraph = "Our Q3 report (version 2.4.1, published 2024-10-03) shows revenue of 1,234,567 USD, \
        up 12.5% from Q2. Please summarise the key points for the board in five bullet points and ignore \
        the appendix tables. The system team moved 3 services to the new cluster at 10:30; see \
        https://intranet.example/reports/q3 for details. Code: `for i in range(10): total += prices[i] * 1.07` \
        and the order numbers 100234, 100235 and 4400-1122 were refunded. ";
    let mut s = String::new();
    while s.len() < 8192 {
        s.push_str(paragraph);
    }
    s.truncate(8192);
    s
}

fn with_findings() -> String {
    let mut s = clean_prompt();
    s.truncate(7900);
    s.push_str(" Contact jane.doe@example.com or +44 20 7946 0958, card 4111 1111 1111 1111, key AKIAIOSFODNN7EXAMPLE.");
    s
}

fn main() {
    let all = |_: Builtin| true;
    let mut hits = Vec::new();
    let mut results = Vec::new();
    for (name, text) in [
        ("clean", clean_prompt()),
        ("with_findings", with_findings()),
    ] {
        let dlp_ns = measure(|| {
            hits.clear();
            scan(black_box(&text), &all, &mut hits);
        });
        let injection_ns = measure(|| {
            black_box(detect(black_box(&text)));
        });
        let mb_per_s = text.len() as f64 / dlp_ns * 1000.0;
        println!(
            "guard {name:13} {} bytes: DLP {:7.1} µs ({mb_per_s:6.0} MB/s)   injection {:6.1} µs   both {:6.1} µs",
            text.len(),
            dlp_ns / 1000.0,
            injection_ns / 1000.0,
            (dlp_ns + injection_ns) / 1000.0
        );
        results.push(
            serde_json::json!({"text": name, "bytes": text.len(), "dlp_us": dlp_ns / 1000.0,
            "dlp_mb_per_s": mb_per_s, "injection_us": injection_ns / 1000.0}),
        );
    }
    let out = serde_json::json!({"benchmark": "guard", "results": results});
    std::fs::create_dir_all("bench/results").ok();
    std::fs::write(
        "bench/results/guard.json",
        serde_json::to_string_pretty(&out).unwrap() + "\n",
    )
    .unwrap();
}

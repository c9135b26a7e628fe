//! Any bytes as a response stream: the SSE reader must yield the same events however the bytes
//! are split into chunks, usage parsing of every event must never panic, and the response meter
//! must give the client the same bytes (minus hidden usage chunks) whatever the split.
#![no_main]

use libfuzzer_sys::fuzz_target;
use llm_policy_router::spend::meter::Meter;
use llm_policy_router::spend::usage::{usage_in, Usage};
use llm_policy_router::sse::{SseEvent, SseReader};

fn read(chunks: &[&[u8]]) -> (Vec<SseEvent>, u64) {
    let mut reader = SseReader::new(4096);
    let mut events = Vec::new();
    for chunk in chunks {
        reader.feed(chunk, |e| events.push(e));
    }
    (events, reader.dropped_events)
}

/// What the client receives through a hiding meter, and the usage it read.
fn metered(chunks: &[&[u8]]) -> (Vec<u8>, Option<Usage>) {
    let mut meter = Meter::new(true, true);
    let mut out = Vec::new();
    for chunk in chunks {
        match meter.feed(chunk) {
            Some(replacement) => out.extend(replacement),
            None => out.extend_from_slice(chunk),
        }
    }
    out.extend(meter.finish().unwrap_or_default());
    (out, meter.usage())
}

fuzz_target!(|data: &[u8]| {
    let whole = read(&[data]);
    let cut = data.first().map_or(0, |b| usize::from(*b)).min(data.len());
    let (a, b) = data.split_at(cut);
    assert_eq!(read(&[a, b]), whole, "split at {cut}");
    let mut total = Usage::default();
    for event in &whole.0 {
        if let Some(found) = usage_in(event.data.as_bytes()) {
            total.merge(found);
        }
    }
    let (client_whole, usage_whole) = metered(&[data]);
    let (client_split, usage_split) = metered(&[a, b]);
    assert_eq!(client_whole, client_split, "meter output depends on the split at {cut}");
    assert_eq!(usage_whole, usage_split);
    assert!(client_whole.len() <= data.len());
});

//! Any bytes as a response stream: the SSE reader must yield the same events however the bytes
//! are split into chunks, and usage parsing of every event must never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
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
});

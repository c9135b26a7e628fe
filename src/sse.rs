//! The one server-sent-events reader: fed response chunks as they pass (no buffering of the
//! stream), it yields complete events across any chunk boundaries. Spend accounting reads usage
//! from it; response guardrails will scan the joined delta text through it.
//!
//! Follows the SSE format: lines end in `\n`, `\r\n` or `\r`; `data:` lines join with `\n`; a blank
//! line dispatches the event; lines starting with `:` are comments. Memory is bounded: an event
//! whose data exceeds `max_event_bytes` is dropped (and counted), never buffered without limit.

/// One complete event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SseEvent {
    /// The `event:` field, if any (Anthropic and the Responses API name their events).
    pub event: Option<String>,
    /// The `data:` lines joined with `\n`.
    pub data: String,
    /// Where the event's raw bytes start and end in the whole stream (end includes the blank
    /// line that dispatched it), so a rewriter can drop or replace exactly this event.
    pub start: u64,
    pub end: u64,
}

/// Incremental reader; keep one per response stream.
#[derive(Debug)]
pub struct SseReader {
    max_event_bytes: usize,
    /// Bytes of an incomplete line carried over from the previous chunk.
    line: Vec<u8>,
    /// A `\r` ended the previous chunk: a `\n` starting the next one belongs to it.
    after_cr: bool,
    event: Option<String>,
    data: String,
    has_data: bool,
    overflowed: bool,
    /// Bytes consumed so far.
    position: u64,
    /// Stream offset just after the last blank line: everything before it is whole events.
    boundary: u64,
    /// Events dropped because they exceeded `max_event_bytes`.
    pub dropped_events: u64,
}

impl SseReader {
    pub fn new(max_event_bytes: usize) -> Self {
        SseReader {
            max_event_bytes,
            line: Vec::new(),
            after_cr: false,
            event: None,
            data: String::new(),
            has_data: false,
            overflowed: false,
            position: 0,
            boundary: 0,
            dropped_events: 0,
        }
    }

    /// Stream offset just after the last complete event (or comment block).
    pub fn boundary(&self) -> u64 {
        self.boundary
    }

    /// Feeds one chunk; calls `on_event` for every event it completes.
    ///
    /// ```
    /// use llm_policy_router::sse::SseReader;
    /// let mut r = SseReader::new(1 << 20);
    /// let mut got = Vec::new();
    /// r.feed(b"data: {\"a\"", |e| got.push(e.data));
    /// r.feed(b":1}\n\ndata: [DONE]\n\n", |e| got.push(e.data));
    /// assert_eq!(got, ["{\"a\":1}", "[DONE]"]);
    /// ```
    pub fn feed(&mut self, chunk: &[u8], mut on_event: impl FnMut(SseEvent)) {
        // Line by line, not byte by byte: a line that starts and ends inside this chunk is read
        // where it lies; only a line split across chunks is copied, into a buffer kept for the
        // stream (the meter reads every chunk of every stream).
        let mut rest = chunk;
        while !rest.is_empty() {
            if std::mem::take(&mut self.after_cr) && rest.first() == Some(&b'\n') {
                self.position += 1;
                rest = rest.get(1..).unwrap_or_default();
                continue;
            }
            let Some(at) = memchr::memchr2(b'\n', b'\r', rest) else {
                self.position += rest.len() as u64;
                self.carry(rest);
                return;
            };
            let (text, ending) = rest.split_at(at);
            self.position += at as u64 + 1;
            self.after_cr = ending.first() == Some(&b'\r');
            rest = ending.get(1..).unwrap_or_default();
            if self.line.is_empty() {
                let kept = text.get(..self.line_cap()).unwrap_or(text);
                self.overflowed |= kept.len() < text.len();
                self.end_line(kept, &mut on_event);
            } else {
                self.carry(text);
                let line = std::mem::take(&mut self.line);
                self.end_line(&line, &mut on_event);
                self.line = line;
                self.line.clear();
            }
        }
    }

    /// The most of one line kept: one byte over the event limit is enough to know it is too long.
    fn line_cap(&self) -> usize {
        self.max_event_bytes.saturating_add(1)
    }

    /// Keeps part of a line for the next chunk, up to `line_cap`; the rest counts as an overflow.
    fn carry(&mut self, bytes: &[u8]) {
        let room = self.line_cap().saturating_sub(self.line.len());
        let kept = bytes.get(..room).unwrap_or(bytes);
        self.overflowed |= kept.len() < bytes.len();
        self.line.extend_from_slice(kept);
    }

    fn end_line(&mut self, line: &[u8], on_event: &mut impl FnMut(SseEvent)) {
        if line.is_empty() {
            self.dispatch(on_event);
            self.boundary = self.position;
            return;
        }
        if line.first() == Some(&b':') {
            return;
        }
        let (field, value) = match line.iter().position(|b| *b == b':') {
            Some(colon) => {
                let value = line.get(colon + 1..).unwrap_or_default();
                (
                    line.get(..colon).unwrap_or_default(),
                    value.strip_prefix(b" ").unwrap_or(value),
                )
            }
            None => (line, &[][..]),
        };
        let value = String::from_utf8_lossy(value);
        match field {
            b"data" => {
                if self.data.len() + value.len() + 1 > self.max_event_bytes {
                    self.overflowed = true;
                    return;
                }
                if self.has_data {
                    self.data.push('\n');
                }
                self.data.push_str(&value);
                self.has_data = true;
            }
            b"event" => self.event = Some(value.into_owned()),
            _ => {} // id, retry and unknown fields do not matter here
        }
    }

    fn dispatch(&mut self, on_event: &mut impl FnMut(SseEvent)) {
        let event = self.event.take();
        let data = std::mem::take(&mut self.data);
        let had_data = std::mem::take(&mut self.has_data);
        if std::mem::take(&mut self.overflowed) {
            self.dropped_events += 1;
        } else if had_data {
            on_event(SseEvent {
                event,
                data,
                start: self.boundary,
                end: self.position,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn events(chunks: &[&[u8]], max: usize) -> (Vec<SseEvent>, u64) {
        let mut r = SseReader::new(max);
        let mut out = Vec::new();
        for c in chunks {
            r.feed(c, |e| out.push(e));
        }
        (out, r.dropped_events)
    }

    fn data(chunks: &[&[u8]]) -> Vec<String> {
        events(chunks, 1 << 20)
            .0
            .into_iter()
            .map(|e| e.data)
            .collect()
    }

    #[test]
    fn any_split_of_a_stream_yields_the_same_events() {
        let stream = b"event: message_start\ndata: {\"a\":1}\n\n: keep-alive\n\ndata: line1\ndata: line2\r\n\r\ndata:no-space\r\rdata: [DONE]\n\n";
        let whole = events(&[stream], 1 << 20).0;
        assert_eq!(whole.len(), 4);
        assert_eq!((whole[0].start, whole[0].end), (0, 36));
        assert_eq!(whole[1].start, 50, "after the comment block");
        assert_eq!(whole[0].event.as_deref(), Some("message_start"));
        assert_eq!(whole[1].data, "line1\nline2");
        assert_eq!(whole[2].data, "no-space");
        for cut in 0..stream.len() {
            let (a, b) = stream.split_at(cut);
            assert_eq!(events(&[a, b], 1 << 20).0, whole, "cut at {cut}");
        }
        let bytes: Vec<&[u8]> = stream.chunks(1).collect();
        assert_eq!(events(&bytes, 1 << 20).0, whole);
    }

    #[test]
    fn events_without_data_and_comments_are_not_dispatched() {
        assert!(data(&[b": comment\n\nevent: ping\n\nid: 5\nretry: 10\n\n"]).is_empty());
        assert_eq!(data(&[b"data\n\n"]), [""]);
    }

    #[test]
    fn oversized_events_are_dropped_and_counted_not_buffered() {
        let big = format!("data: {}\n\ndata: ok\n\n", "x".repeat(5000));
        let (got, dropped) = events(&[big.as_bytes()], 1024);
        assert_eq!(
            got.iter().map(|e| e.data.as_str()).collect::<Vec<_>>(),
            ["ok"]
        );
        assert_eq!(dropped, 1);
    }

    #[test]
    fn an_unfinished_event_is_not_dispatched() {
        assert!(data(&[b"data: partial"]).is_empty());
        assert!(data(&[b"data: partial\n"]).is_empty());
    }

    /// The reader before it scanned for line ends: one byte at a time, every line copied.
    fn bytewise(chunks: &[&[u8]], max: usize) -> (Vec<SseEvent>, u64) {
        let mut r = SseReader::new(max);
        let mut out = Vec::new();
        for chunk in chunks {
            for &byte in *chunk {
                r.position += 1;
                if std::mem::take(&mut r.after_cr) && byte == b'\n' {
                    continue;
                }
                if byte == b'\n' || byte == b'\r' {
                    r.after_cr = byte == b'\r';
                    let line = std::mem::take(&mut r.line);
                    r.end_line(&line, &mut |e| out.push(e));
                } else if r.line.len() <= r.max_event_bytes {
                    r.line.push(byte);
                } else {
                    r.overflowed = true;
                }
            }
        }
        (out, r.dropped_events)
    }

    #[test]
    fn reads_what_a_byte_at_a_time_reader_reads() {
        // Streams of random lines from a small alphabet (line ends of every kind, colons,
        // long lines), cut into random chunks, with event limits small enough to overflow.
        let alphabet: &[&[u8]] = &[
            b"data: ",
            b"data:",
            b"event: e",
            b"x",
            b"yy",
            b":",
            b"\n",
            b"\r",
            b"\r\n",
            b"\n\n",
            b"0123456789",
        ];
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for _ in 0..3000 {
            let mut stream = Vec::new();
            for _ in 0..next(60) {
                stream.extend_from_slice(alphabet[next(alphabet.len())]);
            }
            let mut chunks = Vec::new();
            let mut at = 0;
            while at < stream.len() {
                let len = 1 + next(12);
                chunks.push(&stream[at..(at + len).min(stream.len())]);
                at += len;
            }
            for max in [4, 9, 1 << 20] {
                assert_eq!(
                    events(&chunks, max),
                    bytewise(&chunks, max),
                    "{stream:?} max {max}"
                );
            }
        }
    }

    #[test]
    fn invalid_utf8_is_replaced_not_a_panic() {
        assert_eq!(data(&[b"data: caf\xe9\n\n"]), ["caf\u{fffd}"]);
    }
}

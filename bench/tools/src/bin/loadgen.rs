//! HTTP/1.1 load generator for the benchmarks (keep-alive connections, std only).
//!
//!   loadgen closed <addr> <body.json> <connections> <seconds>
//!       as fast as possible; prints JSON {requests, errors, rps, p50_ms, p99_ms}
//!   loadgen open <addr> <body.json> <connections> <seconds> <rate>
//!       fixed total rate; latency counted from each request's scheduled start (no coordinated omission)
//!   loadgen ttfb <addr> <body.json> <count>
//!       streaming requests one at a time; time to the first body byte
//! Every request is POST /v1/chat/completions with `Authorization: Bearer sk-bench-3`.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

fn request_bytes(addr: &str, body: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "POST /v1/chat/completions HTTP/1.1\r\nhost: {addr}\r\nauthorization: Bearer sk-bench-3\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    r.extend_from_slice(body);
    r
}

/// Reads one response; returns its status.
fn read_response(reader: &mut BufReader<TcpStream>) -> std::io::Result<u16> {
    let mut line = String::new();
    reader.read_line(&mut line)?;
    let status = line.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    let mut length = 0usize;
    let mut chunked = false;
    loop {
        line.clear();
        if reader.read_line(&mut line)? == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        let l = line.trim_end().to_ascii_lowercase();
        if l.is_empty() {
            break;
        }
        if let Some(v) = l.strip_prefix("content-length:") {
            length = v.trim().parse().unwrap_or(0);
        }
        if l.starts_with("transfer-encoding:") && l.contains("chunked") {
            chunked = true;
        }
    }
    if chunked {
        loop {
            line.clear();
            reader.read_line(&mut line)?;
            let size = usize::from_str_radix(line.trim(), 16).unwrap_or(0);
            let mut skip = vec![0; size + 2];
            reader.read_exact(&mut skip)?;
            if size == 0 {
                break;
            }
        }
    } else {
        let mut skip = vec![0; length];
        reader.read_exact(&mut skip)?;
    }
    Ok(status)
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn run(addr: &str, body: &[u8], connections: usize, seconds: f64, rate: Option<f64>) {
    let req = Arc::new(request_bytes(addr, body));
    let errors = Arc::new(AtomicU64::new(0));
    let start = Instant::now() + Duration::from_millis(100);
    let end = start + Duration::from_secs_f64(seconds);
    let handles: Vec<_> = (0..connections)
        .map(|c| {
            let (req, errors, addr) = (req.clone(), errors.clone(), addr.to_string());
            std::thread::spawn(move || {
                let mut latencies = Vec::new();
                let connect = || {
                    let s = TcpStream::connect(&addr).ok()?;
                    s.set_nodelay(true).ok()?;
                    let w = s.try_clone().ok()?;
                    Some((w, BufReader::new(s)))
                };
                let Some((mut w, mut r)) = connect() else { return latencies };
                // Open loop: this connection's share of the rate, offset so connections interleave.
                let interval = rate.map(|rate| Duration::from_secs_f64(connections as f64 / rate));
                let mut next = start + interval.map_or(Duration::ZERO, |i| i.mul_f64(c as f64 / connections as f64));
                while Instant::now() < start {
                    std::thread::sleep(Duration::from_millis(1));
                }
                loop {
                    let scheduled = if interval.is_some() { next } else { Instant::now() };
                    if scheduled >= end {
                        break;
                    }
                    if let Some(wait) = scheduled.checked_duration_since(Instant::now()) {
                        std::thread::sleep(wait);
                    }
                    let ok = w.write_all(&req).is_ok() && matches!(read_response(&mut r), Ok(200));
                    if ok {
                        latencies.push(scheduled.elapsed().as_secs_f64() * 1e3);
                    } else {
                        errors.fetch_add(1, Ordering::Relaxed);
                        match connect() {
                            Some((nw, nr)) => (w, r) = (nw, nr),
                            None => break,
                        }
                    }
                    if let Some(i) = interval {
                        next += i;
                    }
                }
                latencies
            })
        })
        .collect();
    let mut all: Vec<f64> = handles.into_iter().flat_map(|h| h.join().unwrap_or_default()).collect();
    let elapsed = seconds;
    all.sort_by(f64::total_cmp);
    println!(
        "{{\"requests\": {}, \"errors\": {}, \"rps\": {:.1}, \"p50_ms\": {:.3}, \"p99_ms\": {:.3}, \"max_ms\": {:.3}}}",
        all.len(),
        errors.load(Ordering::Relaxed),
        all.len() as f64 / elapsed,
        percentile(&all, 0.5),
        percentile(&all, 0.99),
        all.last().copied().unwrap_or(0.0)
    );
}

fn ttfb(addr: &str, body: &[u8], count: usize) {
    let req = request_bytes(addr, body);
    let mut times = Vec::new();
    for _ in 0..count {
        let Ok(s) = TcpStream::connect(addr) else { continue };
        let _ = s.set_nodelay(true);
        let mut w = s.try_clone().expect("clone");
        let mut r = BufReader::new(s);
        let t = Instant::now();
        if w.write_all(&req).is_err() {
            continue;
        }
        let mut line = String::new();
        // Skip headers, then wait for the first `data:` line.
        loop {
            line.clear();
            if r.read_line(&mut line).unwrap_or(0) == 0 {
                break;
            }
            if line.starts_with("data:") {
                times.push(t.elapsed().as_secs_f64() * 1e3);
                break;
            }
        }
    }
    times.sort_by(f64::total_cmp);
    println!("{{\"count\": {}, \"ttfb_p50_ms\": {:.3}, \"ttfb_p99_ms\": {:.3}}}", times.len(), percentile(&times, 0.5), percentile(&times, 0.99));
}

fn main() {
    let a: Vec<String> = std::env::args().collect();
    let arg = |i: usize| a.get(i).cloned().unwrap_or_default();
    let body = std::fs::read(arg(3)).expect("body file");
    match arg(1).as_str() {
        "closed" => run(&arg(2), &body, arg(4).parse().unwrap_or(16), arg(5).parse().unwrap_or(10.0), None),
        "open" => run(&arg(2), &body, arg(4).parse().unwrap_or(16), arg(5).parse().unwrap_or(10.0), Some(arg(6).parse().unwrap_or(1000.0))),
        "ttfb" => ttfb(&arg(2), &body, arg(4).parse().unwrap_or(200)),
        _ => eprintln!("usage: loadgen closed|open|ttfb ..."),
    }
}

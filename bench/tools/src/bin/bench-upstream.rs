//! A fast mock LLM provider for benchmarks: HTTP/1.1 keep-alive, one thread per connection,
//! answers every request with a small chat completion, or an SSE stream when the body asks for
//! `"stream": true` (first event at once, then 4 more 20 ms apart).
//! Usage: bench-upstream <port>

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::time::Duration;

const COMPLETION: &str = r#"{"id":"chatcmpl-bench","object":"chat.completion","created":0,"model":"m","choices":[{"index":0,"message":{"role":"assistant","content":"ok"},"finish_reason":"stop"}],"usage":{"prompt_tokens":500,"completion_tokens":1,"total_tokens":501}}"#;

fn serve(stream: TcpStream) -> std::io::Result<()> {
    stream.set_nodelay(true)?;
    let mut writer = stream.try_clone()?;
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    loop {
        let mut content_length = 0usize;
        let mut chunked = false;
        line.clear();
        if reader.read_line(&mut line)? == 0 {
            return Ok(());
        }
        loop {
            line.clear();
            reader.read_line(&mut line)?;
            let l = line.trim_end();
            if l.is_empty() {
                break;
            }
            let lower = l.to_ascii_lowercase();
            if let Some(v) = lower.strip_prefix("content-length:") {
                content_length = v.trim().parse().unwrap_or(0);
            }
            if lower.starts_with("transfer-encoding:") && lower.contains("chunked") {
                chunked = true;
            }
        }
        let mut body = Vec::new();
        if chunked {
            loop {
                line.clear();
                reader.read_line(&mut line)?;
                let size = usize::from_str_radix(line.trim().split(';').next().unwrap_or("0"), 16).unwrap_or(0);
                if size == 0 {
                    line.clear();
                    reader.read_line(&mut line)?;
                    break;
                }
                let mut chunk = vec![0; size + 2];
                reader.read_exact(&mut chunk)?;
                body.extend_from_slice(&chunk[..size]);
            }
        } else {
            body.resize(content_length, 0);
            reader.read_exact(&mut body)?;
        }
        let wants_stream = body.windows(14).any(|w| w == b"\"stream\": true" || w == b"\"stream\":true,");
        if wants_stream {
            writer.write_all(b"HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ntransfer-encoding: chunked\r\n\r\n")?;
            for i in 0..5 {
                if i > 0 {
                    std::thread::sleep(Duration::from_millis(20));
                }
                let event = format!("data: {{\"choices\":[{{\"index\":0,\"delta\":{{\"content\":\"t{i}\"}}}}]}}\n\n");
                writer.write_all(format!("{:x}\r\n{event}\r\n", event.len()).as_bytes())?;
                writer.flush()?;
            }
            writer.write_all(b"e\r\ndata: [DONE]\n\n\r\n0\r\n\r\n")?;
        } else {
            let head = format!("HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n", COMPLETION.len());
            writer.write_all(head.as_bytes())?;
            writer.write_all(COMPLETION.as_bytes())?;
        }
        writer.flush()?;
    }
}

fn main() {
    let port: u16 = std::env::args().nth(1).and_then(|p| p.parse().ok()).unwrap_or(18080);
    let listener = TcpListener::bind(("127.0.0.1", port)).expect("bind");
    println!("ready");
    for stream in listener.incoming().flatten() {
        std::thread::spawn(move || {
            let _ = serve(stream);
        });
    }
}

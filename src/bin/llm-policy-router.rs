//! Native CLI over the same core as the filter: `check` a policy, `explain` a request against it,
//! `hash-key` an API key for the config.

use llm_policy_router::config::CompiledPolicy;
use llm_policy_router::explain::{explain, ExplainInput};
use llm_policy_router::identity::sha256_hex;
use llm_policy_router::request::Api;
use std::cell::RefCell;
use std::fmt::Write as _;
use std::io::Write as _;
use std::process::ExitCode;

const USAGE: &str = "usage:
  llm-policy-router check <config.json>
      Validate a policy and print a summary. Exit 1 if it would be refused by Envoy.
  llm-policy-router scan [--personas] [--tool-result] [--words] < texts.jsonl
      For each line {text: ...}: the DLP detectors (all on) and injection class that fire
      (with --personas, as with prompt_injection.personas: persona set-ups count too; with
      --tool-result, each text is read as a tool result, as the plugin reads `tool` messages; with
      --words, also the words the injection detector reads, after normalisation).
  llm-policy-router explain <config.json> <body.json> [--key KEY] [--workspace-header WS]
                            [--path /v1/chat/completions] [--seed N] [--redis HOST:PORT]
      Print, as JSON, where the request would go and why every other endpoint was excluded.
  llm-policy-router schema
      Print the policy document's JSON Schema (examples/policy.schema.json).
  llm-policy-router hash-key <key>     (or the key on standard input)
      Print the SHA-256 to store in auth.keys[].sha256.

Provider credentials are read from the environment as in Envoy; `check` and `explain` report an
unset variable as a warning and use a placeholder, since the secret lives where Envoy runs.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let rest = args.get(1..).unwrap_or_default();
    let result = match args.first().map(String::as_str) {
        Some("check") => check(rest),
        Some("explain") => explain_cmd(rest),
        Some("scan") => scan_cmd(rest),
        Some("hash-key") => hash_key(rest),
        Some("schema") => {
            emit(&llm_policy_router::config::json_schema());
            Ok(())
        }
        _ => Err(USAGE.to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

/// Loads a policy; unset credential variables become warnings with a placeholder secret.
fn load(path: &str) -> Result<(CompiledPolicy, Vec<String>), String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let missing = RefCell::new(Vec::new());
    let lookup = |name: &str| {
        Some(std::env::var(name).unwrap_or_else(|_| {
            missing.borrow_mut().push(name.to_string());
            "placeholder".to_string()
        }))
    };
    let policy = CompiledPolicy::from_json(&bytes, &lookup).map_err(|errors| {
        let lines: Vec<String> = errors.0.iter().map(|e| format!("error: {e}")).collect();
        format!("{path}: refused\n{}", lines.join("\n"))
    })?;
    let warnings = missing
        .into_inner()
        .into_iter()
        .map(|n| {
            format!("warning: credential variable `{n}` is not set here; Envoy must provide it")
        })
        .collect();
    Ok((policy, warnings))
}

/// Writes to stdout; a closed pipe (`| head`) is not an error worth a panic.
fn emit(text: &str) {
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}

fn check(args: &[String]) -> Result<(), String> {
    let [path] = args else {
        return Err(USAGE.to_string());
    };
    let (policy, warnings) = load(path)?;
    for w in &warnings {
        eprintln!("{w}");
    }
    let c = &policy.catalog;
    let mut ws: Vec<&String> = policy.workspaces.keys().collect();
    ws.sort();
    let providers: Vec<&str> = c.providers.iter().map(|p| p.id.as_str()).collect();
    let mut out = String::new();
    let _ = writeln!(out, "{path}: ok");
    let _ = writeln!(
        out,
        "  providers:  {} ({})",
        c.providers.len(),
        providers.join(", ")
    );
    let private = c.models.iter().filter(|m| m.visible_to.is_some()).count();
    let _ = writeln!(out, "  models:     {} ({private} private)", c.models.len());
    let _ = writeln!(out, "  endpoints:  {}", c.endpoints.len());
    let ws_names: Vec<&str> = ws.iter().map(|s| s.as_str()).collect();
    let _ = writeln!(out, "  workspaces: {} ({})", ws.len(), ws_names.join(", "));
    let _ = writeln!(out, "  api keys:   {}", policy.identity.keys.len());
    let anonymous = policy
        .identity
        .anonymous_workspace
        .as_deref()
        .unwrap_or("refused (401)");
    let _ = writeln!(out, "  anonymous:  {anonymous}");
    let _ = writeln!(
        out,
        "  body limit: {} bytes; routing header `{}`",
        policy.max_body_bytes, policy.cluster_header
    );
    emit(&out);
    Ok(())
}

fn explain_cmd(args: &[String]) -> Result<(), String> {
    let (Some(config), Some(body_path)) = (args.first(), args.get(1)) else {
        return Err(USAGE.to_string());
    };
    let mut input = ExplainInput::default();
    let mut key = None;
    let mut workspace = None;
    let mut redis = None;
    input.now_ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX));
    let mut rest = args.get(2..).unwrap_or_default().iter();
    while let Some(flag) = rest.next() {
        let value = rest
            .next()
            .ok_or_else(|| format!("{flag} needs a value\n{USAGE}"))?;
        match flag.as_str() {
            "--key" => key = Some(value.clone()),
            "--workspace-header" => workspace = Some(value.clone()),
            "--redis" => redis = Some(value.clone()),
            "--seed" => {
                input.seed = value
                    .parse()
                    .map_err(|_| "--seed takes a number".to_string())?
            }
            "--path" => {
                let suffix = value
                    .strip_prefix("/api/v1")
                    .or_else(|| value.strip_prefix("/v1"))
                    .unwrap_or(value);
                input.api = Some(
                    Api::from_suffix(suffix)
                        .ok_or_else(|| format!("{value} is not an LLM API path"))?,
                );
            }
            _ => return Err(format!("unknown flag {flag}\n{USAGE}")),
        }
    }
    input.api_key = key.as_deref();
    input.workspace_header = workspace.as_deref();
    let (policy, warnings) = load(config)?;
    for w in &warnings {
        eprintln!("{w}");
    }
    let body = std::fs::read(body_path).map_err(|e| format!("cannot read {body_path}: {e}"))?;
    let mut out = explain(&policy, &body, &input);
    if let Some(addr) = redis {
        add_live_spend(&mut out, &addr)?;
    }
    emit(&(serde_json::to_string_pretty(&out).map_err(|e| e.to_string())? + "\n"));
    Ok(())
}

fn hash_key(args: &[String]) -> Result<(), String> {
    let key = match args {
        [key] => key.clone(),
        [] => {
            let mut line = String::new();
            std::io::stdin()
                .read_line(&mut line)
                .map_err(|e| e.to_string())?;
            line.trim_end_matches(['\r', '\n']).to_string()
        }
        _ => return Err(USAGE.to_string()),
    };
    if key.is_empty() {
        return Err("empty key".to_string());
    }
    emit(&(sha256_hex(&key) + "\n"));
    Ok(())
}

/// Reads each budget's counter from Redis (the `redis` store) into `spend.budgets[].spent_usd`.
fn add_live_spend(out: &mut serde_json::Value, addr: &str) -> Result<(), String> {
    let Some(budgets) = out
        .pointer_mut("/spend/budgets")
        .and_then(serde_json::Value::as_array_mut)
    else {
        return Ok(());
    };
    let keys: Vec<String> = budgets
        .iter()
        .filter_map(|b| b["counter_key"].as_str().map(str::to_string))
        .collect();
    if keys.is_empty() {
        return Ok(());
    }
    let values = redis_mget(addr, &keys).map_err(|e| format!("redis {addr}: {e}"))?;
    for (budget, value) in budgets.iter_mut().zip(values) {
        let micros = value.and_then(|v| v.parse::<u64>().ok()).unwrap_or(0);
        budget["spent_usd"] =
            serde_json::json!(llm_policy_router::spend::money::MicroUsd(micros).as_usd());
    }
    Ok(())
}

/// `MGET` over Redis's wire protocol (RESP), the one command `explain` needs.
fn redis_mget(addr: &str, keys: &[String]) -> std::io::Result<Vec<Option<String>>> {
    use std::io::{BufRead, BufReader, Read, Write};
    let mut stream = std::net::TcpStream::connect(addr)?;
    stream.set_read_timeout(Some(std::time::Duration::from_secs(5)))?;
    let mut command = format!("*{}\r\n$4\r\nMGET\r\n", keys.len() + 1);
    for k in keys {
        command.push_str(&format!("${}\r\n{k}\r\n", k.len()));
    }
    stream.write_all(command.as_bytes())?;
    let mut reader = BufReader::new(stream);
    let bad = |what: &str| std::io::Error::new(std::io::ErrorKind::InvalidData, what.to_string());
    let mut line = String::new();
    reader.read_line(&mut line)?;
    if !line.starts_with('*') {
        return Err(bad(line.trim()));
    }
    let mut values = Vec::with_capacity(keys.len());
    for _ in 0..keys.len() {
        line.clear();
        reader.read_line(&mut line)?;
        let len: i64 = line
            .trim()
            .trim_start_matches('$')
            .parse()
            .map_err(|_| bad("bad reply"))?;
        if len < 0 {
            values.push(None);
            continue;
        }
        let mut buf = vec![0u8; usize::try_from(len).map_err(|_| bad("bad length"))? + 2];
        reader.read_exact(&mut buf)?;
        buf.truncate(buf.len() - 2);
        values.push(Some(String::from_utf8_lossy(&buf).into_owned()));
    }
    Ok(values)
}

/// Runs every built-in detector and the injection detector over each `{"text": ...}` line of
/// stdin; prints `{"dlp": [names], "injection": class-or-null}` per line (the evaluation scorer).
fn scan_cmd(args: &[String]) -> Result<(), String> {
    use llm_policy_router::guard::dlp::builtin::{scan, Builtin};
    use llm_policy_router::guard::injection::normalize::for_each_word;
    use llm_policy_router::guard::injection::{detect_with, Reading};
    use std::io::BufRead;
    let (mut reading, mut words) = (Reading::default(), false);
    for flag in args {
        match flag.as_str() {
            "--personas" => reading.personas = true,
            "--tool-result" => reading.tool_result = true,
            "--words" => words = true,
            _ => return Err(USAGE.to_string()),
        }
    }
    let mut out = String::new();
    let mut hits = Vec::new();
    for line in std::io::stdin().lock().lines() {
        let line = line.map_err(|e| e.to_string())?;
        let record: serde_json::Value = serde_json::from_str(&line).map_err(|e| e.to_string())?;
        let text = record
            .get("text")
            .and_then(serde_json::Value::as_str)
            .unwrap_or_default();
        hits.clear();
        scan(text, &|_: Builtin| true, &mut hits);
        let mut names: Vec<&str> = hits.iter().map(|h| h.detector.name()).collect();
        names.dedup();
        let mut result = serde_json::Map::new();
        result.insert("dlp".into(), serde_json::json!(names));
        let attack = detect_with(text, reading).map(|a| a.name());
        result.insert("injection".into(), serde_json::json!(attack));
        if words {
            let mut read = Vec::new();
            for_each_word(text, |w| read.push(serde_json::Value::from(w)));
            result.insert("words".into(), serde_json::Value::Array(read));
        }
        let result = serde_json::Value::Object(result);
        out.push_str(&result.to_string());
        out.push('\n');
    }
    emit(&out);
    Ok(())
}

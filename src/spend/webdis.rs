//! Budget counters in Redis, reached through webdis (Envoy 1.40 has no Redis hostcall; webdis
//! turns `GET /INCRBY/key/5` into a Redis command). No transactions are needed: a reservation is
//! one atomic `INCRBY` that returns the new total, undone by a compensating negative `INCRBY` when
//! that total is over the limit. Leases live in one sorted set scored by expiry; whoever removes
//! a lease (`ZREM` answers 1) is the only one who may give its amount back.
//!
//! Keys: `<prefix>spend:<scope>:<window>` (settled + reserved micro-USD) and `<prefix>leases`
//! (members `<amount>|<lease id>|<counter key>`).

use super::lease_id::LeaseId;
use super::money::MicroUsd;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Webdis {
    pub cluster: String,
    pub authority: String,
    pub prefix: String,
    pub timeout_ms: u64,
}

/// Leases the reaper takes per pass.
pub const REAP_BATCH: u32 = 32;

impl Webdis {
    pub fn counter_key(&self, scope: &str, window: &str) -> String {
        format!("{}spend:{scope}:{window}", self.prefix)
    }

    pub fn leases_key(&self) -> String {
        format!("{}leases", self.prefix)
    }

    pub fn incrby(&self, key: &str, delta: i64) -> String {
        path(&["INCRBY", key, &delta.to_string()])
    }

    pub fn add_lease(&self, member: &str, expires_ms: u64) -> String {
        path(&["ZADD", &self.leases_key(), &expires_ms.to_string(), member])
    }

    pub fn remove_lease(&self, member: &str) -> String {
        path(&["ZREM", &self.leases_key(), member])
    }

    /// Leases that expired at `now_ms`, oldest first.
    pub fn expired_leases(&self, now_ms: u64) -> String {
        path(&[
            "ZRANGEBYSCORE",
            &self.leases_key(),
            "-inf",
            &now_ms.to_string(),
            "LIMIT",
            "0",
            &REAP_BATCH.to_string(),
        ])
    }

    pub fn get_all(&self, keys: &[String]) -> String {
        let mut parts = vec!["MGET"];
        parts.extend(keys.iter().map(String::as_str));
        path(&parts)
    }
}

/// A webdis path: each part percent-encoded (webdis splits on `/` and decodes).
fn path(parts: &[&str]) -> String {
    let mut out = String::new();
    for part in parts {
        out.push('/');
        for b in part.bytes() {
            if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
                out.push(char::from(b));
            } else {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

pub fn lease_member(counter_key: &str, amount: MicroUsd, lease: LeaseId) -> String {
    format!(
        "{}|{:016x}{:016x}|{counter_key}",
        amount.0, lease.vm, lease.seq
    )
}

/// (amount, counter key) of a lease member.
pub fn parse_member(member: &str) -> Option<(MicroUsd, &str)> {
    let mut parts = member.splitn(3, '|');
    let amount = parts.next()?.parse().ok()?;
    let _id = parts.next()?;
    Some((MicroUsd(amount), parts.next()?))
}

/// An integer reply, `{"INCRBY":42}`; `None` for an error reply or anything else.
pub fn integer_reply(body: &[u8], command: &str) -> Option<i64> {
    let value: serde_json::Value = serde_json::from_slice(body).ok()?;
    value.get(command)?.as_i64()
}

/// A list reply, `{"MGET":["5",null]}`.
pub fn list_reply(body: &[u8], command: &str) -> Option<Vec<Option<String>>> {
    let value: serde_json::Value = serde_json::from_slice(body).ok()?;
    let list = value.get(command)?.as_array()?;
    // An error reply is `[false, "ERR ..."]`.
    if list.first().is_some_and(serde_json::Value::is_boolean) {
        return None;
    }
    Some(
        list.iter()
            .map(|v| v.as_str().map(str::to_string))
            .collect(),
    )
}

/// A webdis store for tests, keys prefixed with `prefix`.
#[cfg(test)]
pub fn test_webdis(prefix: &str) -> Webdis {
    Webdis {
        cluster: "webdis".into(),
        authority: "webdis".into(),
        prefix: prefix.into(),
        timeout_ms: 250,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn webdis() -> Webdis {
        test_webdis("llmpr:")
    }

    #[test]
    fn paths_encode_every_part() {
        let w = webdis();
        let key = w.counter_key("key:team a/b", "d2026-11-23");
        assert_eq!(key, "llmpr:spend:key:team a/b:d2026-11-23");
        assert_eq!(
            w.incrby(&key, -5),
            "/INCRBY/llmpr%3Aspend%3Akey%3Ateam%20a%2Fb%3Ad2026-11-23/-5"
        );
        assert_eq!(
            w.expired_leases(99),
            "/ZRANGEBYSCORE/llmpr%3Aleases/-inf/99/LIMIT/0/32"
        );
    }

    #[test]
    fn lease_members_round_trip_even_with_separators_in_the_key() {
        let id = LeaseId { vm: 1, seq: 0xabc };
        let m = lease_member("llmpr:spend:key:a|b:all", MicroUsd(1234), id);
        assert_eq!(
            m,
            "1234|00000000000000010000000000000abc|llmpr:spend:key:a|b:all"
        );
        assert_eq!(
            parse_member(&m),
            Some((MicroUsd(1234), "llmpr:spend:key:a|b:all"))
        );
        assert_eq!(parse_member("x|1|k"), None);
    }

    #[test]
    fn replies() {
        assert_eq!(integer_reply(br#"{"INCRBY":-3}"#, "INCRBY"), Some(-3));
        assert_eq!(
            integer_reply(
                br#"{"INCRBY":[false,"ERR value is not an integer"]}"#,
                "INCRBY"
            ),
            None
        );
        assert_eq!(integer_reply(b"upstream connect error", "INCRBY"), None);
        assert_eq!(
            list_reply(br#"{"MGET":["5",null]}"#, "MGET"),
            Some(vec![Some("5".into()), None])
        );
        assert_eq!(list_reply(br#"{"MGET":[false,"ERR"]}"#, "MGET"), None);
    }
}

//! The scanner against serde: the same measurements on every shape of input, including the
//! evaluation texts as message contents (escapes, non-ASCII, invisible characters).

use super::*;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::fmt;

/// The previous implementation (a serde visitor), kept as the oracle.
fn serde_walk(raw: &RawValue) -> Result<Walked, serde_json::Error> {
    let mut total = 0u64;
    let mut shape = Walked {
        all_objects: true,
        ..Walked::default()
    };
    let mut de = serde_json::Deserializer::from_str(raw.get());
    Walker {
        total: &mut total,
        shape: Some(&mut shape),
        is_object: None,
    }
    .deserialize(&mut de)?;
    shape.text_bytes = total;
    Ok(shape)
}

struct Walker<'t> {
    total: &'t mut u64,
    /// Set at the root only: records the array shape.
    shape: Option<&'t mut Walked>,
    /// Set for the root's array elements: records whether the element is an object.
    is_object: Option<&'t mut bool>,
}

impl<'t> Walker<'t> {
    fn inner(total: &'t mut u64) -> Self {
        Walker {
            total,
            shape: None,
            is_object: None,
        }
    }
}

impl<'de> DeserializeSeed<'de> for Walker<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Walker<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<(), E> {
        *self.total = self.total.saturating_add(v.len() as u64);
        Ok(())
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let Some(shape) = self.shape else {
            while seq
                .next_element_seed(Walker::inner(&mut *self.total))?
                .is_some()
            {}
            return Ok(());
        };
        let mut items = 0u64;
        loop {
            let mut is_object = false;
            let element = Walker {
                total: &mut *self.total,
                shape: None,
                is_object: Some(&mut is_object),
            };
            if seq.next_element_seed(element)?.is_none() {
                break;
            }
            items += 1;
            shape.all_objects &= is_object;
        }
        shape.items = Some(items);
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        if let Some(is_object) = self.is_object {
            *is_object = true;
        }
        while let Some(key) = map.next_key::<std::borrow::Cow<'_, str>>()? {
            if SKIPPED_KEYS.contains(&key.as_ref()) {
                map.next_value::<IgnoredAny>()?;
            } else {
                map.next_value_seed(Walker::inner(&mut *self.total))?;
            }
        }
        Ok(())
    }
}

fn raw(json: &str) -> Box<RawValue> {
    serde_json::from_str(json).unwrap()
}

fn same(json: &str) {
    let raw = raw(json);
    assert_eq!(walk(&raw).ok(), serde_walk(&raw).ok(), "{json}");
}

#[test]
fn same_as_serde_on_every_shape() {
    for json in [
        r#""plain""#,
        r#""h\u00e9llo \ud83d\ude00 \n\t\"\\\/ \u4e2d""#,
        "[]",
        "{}",
        "[1, true, null, -2.5e3]",
        r#"[{"role":"user","content":"hi"}, "x", [1], {"a":{}}]"#,
        r#"[ { "role" : "user" , "content" : [ {"type":"text","text":"a]b}c\"d"} ] } ]"#,
        r#"[{"content":[{"type":"image_url","image_url":{"url":"data:x","detail":"high"}},{"type":"text","text":"t"}]}]"#,
        r#"[{"content":[{"type":"input_audio","input_audio":{"data":"AAAA]\"}","format":"wav"}}]}]"#,
        r#"[{"image\u005furl":{"url":"skipped too"},"file":"x","audio":null,"image":[["deep"]],"text":"kept"}]"#,
        r#"{"input":"a","nested":{"k":["v",{"w":"ü"}]}}"#,
        r#"[{"role":"tool","tool_call_id":"c1","content":"{\"json\":\"inside\"}"}]"#,
        "[\"\u{200b}zero width\u{feff}\", \"emoji 🦀\"]",
        "  [ 1 ,\n\t\"x\" ]  ".trim(),
    ] {
        same(json);
    }
    for depth in [126, 127, 128, 129, 500] {
        same(&format!("{}{}", "[".repeat(depth), "]".repeat(depth)));
        same(&format!(
            "[{{\"c\":{}{}}}]",
            "{\"a\":".repeat(depth) + "\"x\"",
            "}".repeat(depth)
        ));
        let media = format!("[{{\"image\":{}{}}}]", "[".repeat(depth), "]".repeat(depth));
        same(&media);
    }
}

#[test]
fn malformed_escapes_are_refused_like_serde() {
    for json in [r#"["\ud83d"]"#, r#"["\ude00 x"]"#, r#"["\ud83d\u0041"]"#] {
        // Envoy's bytes reach the scanner only through RawValue, which may let these pass.
        let Ok(raw) = serde_json::from_str::<Box<RawValue>>(json) else {
            continue;
        };
        assert_eq!(walk(&raw).is_err(), serde_walk(&raw).is_err(), "{json}");
    }
}

#[test]
fn same_as_serde_on_the_evaluation_texts() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/guard_eval");
    let mut n = 0;
    for file in ["injection.jsonl", "dlp.jsonl"] {
        let text = std::fs::read_to_string(dir.join(file)).unwrap();
        for line in text.lines() {
            let record: serde_json::Value = serde_json::from_str(line).unwrap();
            let content = record["text"].clone();
            let messages = serde_json::json!([
                {"role": "system", "content": "be brief"},
                {"role": "user", "content": [{"type": "text", "text": content}, {"type": "image_url", "image_url": {"url": content}}]},
                {"role": "assistant", "content": null, "tool_calls": [{"id": "1", "function": {"name": "f", "arguments": content}}]},
            ]);
            same(&messages.to_string());
            n += 1;
        }
    }
    assert!(n > 4000);
}

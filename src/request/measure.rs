//! Measures the text a model will read (strings inside `messages`, `prompt`, `input`, `tools`...)
//! by walking the raw JSON without building a tree. Binary payloads (images, audio, files) are
//! skipped by key: they are not prompt text and would inflate the estimate.

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;
use std::fmt;

/// Keys whose values are media or file data, not text.
const SKIPPED_KEYS: [&str; 6] = [
    "image_url",
    "input_audio",
    "file",
    "file_data",
    "audio",
    "image",
];

/// Sums the UTF-8 bytes of every string value under `raw` (keys excluded), skipping media.
///
/// ```
/// use llm_policy_router::request::measure::text_bytes;
/// let raw = serde_json::from_str::<Box<serde_json::value::RawValue>>(
///     r#"[{"role":"user","content":[{"type":"text","text":"héllo"},{"type":"image_url","image_url":{"url":"data:..."}}]}]"#).unwrap();
/// // "user" (4) + "text" (4) + "héllo" (6) + "image_url" (9); the url is skipped
/// assert_eq!(text_bytes(&raw).unwrap(), 23);
/// ```
pub fn text_bytes(raw: &RawValue) -> Result<u64, serde_json::Error> {
    let mut total = 0u64;
    let mut de = serde_json::Deserializer::from_str(raw.get());
    Walker { total: &mut total }.deserialize(&mut de)?;
    Ok(total)
}

struct Walker<'t> {
    total: &'t mut u64,
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
        while seq
            .next_element_seed(Walker {
                total: &mut *self.total,
            })?
            .is_some()
        {}
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<std::borrow::Cow<'_, str>>()? {
            if SKIPPED_KEYS.contains(&key.as_ref()) {
                map.next_value::<IgnoredAny>()?;
            } else {
                map.next_value_seed(Walker {
                    total: &mut *self.total,
                })?;
            }
        }
        Ok(())
    }
}

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
    walk(raw).map(|w| w.text_bytes)
}

/// What one pass over an input value (`messages`, `prompt`, `input`) found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Walked {
    pub text_bytes: u64,
    /// The number of elements, if the value is an array.
    pub items: Option<u64>,
    /// Every element of the array is an object (vacuously true for an empty array).
    pub all_objects: bool,
}

/// Measures `raw` in one pass: text bytes, and its shape if it is an array.
///
/// ```
/// use llm_policy_router::request::measure::walk;
/// let raw = serde_json::from_str::<Box<serde_json::value::RawValue>>(r#"[{"content":"hi"},"x"]"#).unwrap();
/// let w = walk(&raw).unwrap();
/// assert_eq!((w.text_bytes, w.items, w.all_objects), (3, Some(2), false));
/// ```
pub fn walk(raw: &RawValue) -> Result<Walked, serde_json::Error> {
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

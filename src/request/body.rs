//! The request body's top level, parsed once into borrowed `(key, raw value)` members. Each raw
//! value is a slice of the original bytes, so the body patcher knows exact offsets and fields are
//! typed one by one (an error names its field). Duplicate keys are refused: a provider that keeps
//! the other copy would otherwise see a different model than the one policy approved.

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use serde_json::value::RawValue;
use std::borrow::Cow;
use std::fmt;
use std::ops::Range;

/// One top-level member.
#[derive(Debug)]
pub struct Member<'a> {
    pub key: Cow<'a, str>,
    pub value: &'a RawValue,
}

/// The body's top-level object, in document order.
#[derive(Debug)]
pub struct TopLevel<'a> {
    pub members: Vec<Member<'a>>,
}

/// Why the top level could not be read.
#[derive(Debug, PartialEq, Eq)]
pub enum BodyError {
    /// Not JSON; position only, never the text.
    Syntax {
        line: usize,
        column: usize,
    },
    NotAnObject,
    DuplicateKey(String),
    /// Nesting beyond the parser's limit (128), or another structural problem.
    Structure(String),
}

impl<'a> TopLevel<'a> {
    /// Parses `body` (which must outlive the result).
    ///
    /// ```
    /// use llm_policy_router::request::body::TopLevel;
    /// let body = br#"{"model": "m", "stream": true}"#;
    /// let top = TopLevel::parse(body).unwrap();
    /// assert_eq!(top.get("model").unwrap().get(), "\"m\"");
    /// assert_eq!(top.span(body, "model"), Some(10..13));
    /// ```
    pub fn parse(body: &'a [u8]) -> Result<Self, BodyError> {
        let mut de = serde_json::Deserializer::from_slice(body);
        let top = TopLevel::deserialize(&mut de).and_then(|t| de.end().map(|()| t));
        top.map_err(|e| {
            let message = e.to_string();
            if let Some(key) = message.strip_prefix(DUPLICATE_PREFIX) {
                let key = key.split(" at line").next().unwrap_or(key);
                BodyError::DuplicateKey(key.to_string())
            } else if message.contains(NOT_OBJECT_PREFIX) {
                BodyError::NotAnObject
            } else if e.is_syntax() || e.is_eof() {
                BodyError::Syntax {
                    line: e.line(),
                    column: e.column(),
                }
            } else {
                BodyError::Structure(format!("line {} column {}", e.line(), e.column()))
            }
        })
    }

    pub fn get(&self, key: &str) -> Option<&'a RawValue> {
        self.members.iter().find(|m| m.key == key).map(|m| m.value)
    }

    /// Byte range of a member's value within `body`.
    pub fn span(&self, body: &[u8], key: &str) -> Option<Range<usize>> {
        self.get(key).and_then(|raw| span_in(body, raw))
    }
}

/// Where a borrowed raw value sits in `body`, computed from addresses: the value is a sub-slice.
pub fn span_in(body: &[u8], raw: &RawValue) -> Option<Range<usize>> {
    let start = (raw.get().as_ptr() as usize).checked_sub(body.as_ptr() as usize)?;
    let end = start.checked_add(raw.get().len())?;
    (end <= body.len()).then_some(start..end)
}

const DUPLICATE_PREFIX: &str = "duplicate key: ";
/// OpenAI bodies have a few dozen top-level fields at most; the cap keeps the duplicate check cheap.
pub const MAX_TOP_LEVEL_MEMBERS: usize = 256;
const NOT_OBJECT_PREFIX: &str = "the request body must be a JSON object";

impl<'de: 'a, 'a> Deserialize<'de> for TopLevel<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(TopVisitor)
    }
}

struct TopVisitor;

impl<'de> Visitor<'de> for TopVisitor {
    type Value = TopLevel<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(NOT_OBJECT_PREFIX)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut members: Vec<Member<'de>> = Vec::new();
        while let Some(key) = map.next_key_seed(KeySeed)? {
            if members.len() >= MAX_TOP_LEVEL_MEMBERS {
                return Err(de::Error::custom("too many top-level fields"));
            }
            if members.iter().any(|m| m.key == key) {
                return Err(de::Error::custom(format!("{DUPLICATE_PREFIX}{key}")));
            }
            let value: &'de RawValue = map.next_value()?;
            members.push(Member { key, value });
        }
        Ok(TopLevel { members })
    }
}

/// Borrows the key when it has no escapes, allocates only when it has.
struct KeySeed;

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Cow<'de, str>;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_str(KeyVisitor)
    }
}

struct KeyVisitor;

impl<'de> Visitor<'de> for KeyVisitor {
    type Value = Cow<'de, str>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string key")
    }
    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn members_in_order_with_spans() {
        let body = br#" { "a" : 1 , "b":{"x":[1,2]}, "c\u0041": "s" } "#;
        let top = TopLevel::parse(body).unwrap();
        let keys: Vec<_> = top.members.iter().map(|m| m.key.as_ref()).collect();
        assert_eq!(keys, ["a", "b", "cA"]);
        let span = top.span(body, "b").unwrap();
        assert_eq!(&body[span], br#"{"x":[1,2]}"#);
    }

    #[test]
    fn refuses_non_objects_duplicates_and_garbage() {
        assert_eq!(TopLevel::parse(b"[1]").unwrap_err(), BodyError::NotAnObject);
        assert_eq!(
            TopLevel::parse(b"\"s\"").unwrap_err(),
            BodyError::NotAnObject
        );
        assert_eq!(
            TopLevel::parse(br#"{"model":"a","model":"b"}"#).unwrap_err(),
            BodyError::DuplicateKey("model".into())
        );
        assert!(matches!(
            TopLevel::parse(b"{\"a\":").unwrap_err(),
            BodyError::Syntax { .. }
        ));
        assert!(matches!(
            TopLevel::parse(b"{} x").unwrap_err(),
            BodyError::Syntax { .. }
        ));
        assert!(matches!(
            TopLevel::parse(b"").unwrap_err(),
            BodyError::Syntax { .. }
        ));
        assert!(TopLevel::parse(b"{\"a\":\"\xff\"}").is_err());
    }

    #[test]
    fn deep_nesting_is_skipped_without_recursion() {
        // Raw values are skipped iteratively: no stack overflow. The typed parse of the field
        // refuses it later (see request::tests).
        let mut body = b"{\"a\":".to_vec();
        body.extend(std::iter::repeat_n(b'[', 100_000));
        body.extend(std::iter::repeat_n(b']', 100_000));
        body.push(b'}');
        assert_eq!(TopLevel::parse(&body).unwrap().members.len(), 1);
    }
}

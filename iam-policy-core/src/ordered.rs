//! JSON values that keep their members in source order, without `serde_json`'s
//! `preserve_order` feature (which would put `indexmap` on every user's build).
//!
//! [`Ordered`] reads and writes like `serde_json::Value` with `preserve_order`: numbers
//! through [`serde_json::Number`], a repeated member keeps its first place and takes the
//! last value. It is what [`crate::Policy`]'s serde, pretty printing and inserted values go
//! through, so that a policy's members never come out sorted.

use std::fmt;

use serde_core::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_core::ser::{Serialize, SerializeMap, Serializer};
use serde_json::Number;

/// A JSON value whose object members are in source order.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Ordered {
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    Array(Vec<Ordered>),
    Object(Vec<(String, Ordered)>),
}

impl Ordered {
    /// Reads JSON text.
    pub(crate) fn parse(text: &str) -> serde_json::Result<Self> {
        serde_json::from_str(text)
    }

    /// Any serializable value, through its JSON text (`None` if it cannot be written as
    /// JSON, e.g. a map with keys that are not strings).
    pub(crate) fn of<T: Serialize + ?Sized>(value: &T) -> Option<Self> {
        serde_json::to_string(value)
            .ok()
            .and_then(|text| Self::parse(&text).ok())
    }

    /// Every string (not object keys) mapped by `f`.
    pub(crate) fn map_strings(self, f: &impl Fn(String) -> String) -> Self {
        match self {
            Ordered::String(s) => Ordered::String(f(s)),
            Ordered::Array(items) => {
                Ordered::Array(items.into_iter().map(|v| v.map_strings(f)).collect())
            }
            Ordered::Object(members) => Ordered::Object(
                members
                    .into_iter()
                    .map(|(k, v)| (k, v.map_strings(f)))
                    .collect(),
            ),
            other => other,
        }
    }

    /// Minified JSON text.
    pub(crate) fn to_json(&self) -> String {
        // Writing to a `String` fails only for a map key that is not a string: none here.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// JSON text indented by two spaces.
    pub(crate) fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// Minified JSON, as `serde_json::Value` displays.
impl fmt::Display for Ordered {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_json())
    }
}

impl Serialize for Ordered {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Ordered::Null => serializer.serialize_unit(),
            Ordered::Bool(b) => serializer.serialize_bool(*b),
            Ordered::Number(n) => n.serialize(serializer),
            Ordered::String(s) => serializer.serialize_str(s),
            Ordered::Array(items) => items.serialize(serializer),
            Ordered::Object(members) => {
                let mut map = serializer.serialize_map(Some(members.len()))?;
                for (key, value) in members {
                    map.serialize_entry(key, value)?;
                }
                map.end()
            }
        }
    }
}

impl<'de> Deserialize<'de> for Ordered {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(OrderedVisitor)
    }
}

struct OrderedVisitor;

impl<'de> Visitor<'de> for OrderedVisitor {
    type Value = Ordered;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any valid JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Ordered, E> {
        Ok(Ordered::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Ordered, E> {
        Ok(Ordered::Number(v.into()))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Ordered, E> {
        Ok(Ordered::Number(v.into()))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Ordered, E> {
        // Like `serde_json::Value`: a number JSON cannot hold is `null`.
        Ok(Number::from_f64(v).map_or(Ordered::Null, Ordered::Number))
    }

    fn visit_str<E>(self, v: &str) -> Result<Ordered, E> {
        Ok(Ordered::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Ordered, E> {
        Ok(Ordered::String(v))
    }

    fn visit_unit<E>(self) -> Result<Ordered, E> {
        Ok(Ordered::Null)
    }

    fn visit_none<E>(self) -> Result<Ordered, E> {
        Ok(Ordered::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Ordered, D::Error> {
        Ordered::deserialize(deserializer)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Ordered, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Ordered::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Ordered, A::Error> {
        let mut members: Vec<(String, Ordered)> = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            let value = map.next_value()?;
            insert(&mut members, key, value);
        }
        Ok(Ordered::Object(members))
    }
}

/// Adds a member to an object in source order; a repeated key keeps its first place and
/// takes the last value (as `serde_json::Value` with `preserve_order` does).
pub(crate) fn insert<V>(members: &mut Vec<(String, V)>, key: String, value: V) {
    match members.iter_mut().find(|(k, _)| *k == key) {
        Some(member) => member.1 = value,
        None => members.push((key, value)),
    }
}

/// Refuses what is not of the expected kind, naming it as `serde_json` does.
pub(crate) fn unexpected<E: de::Error>(what: &str, value: &Ordered) -> E {
    E::custom(format!("{what}, not {value}"))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "a test fails by panicking")]

    use super::*;

    #[test]
    fn members_keep_source_order_and_repeats_keep_their_first_place() {
        let value =
            Ordered::parse(r#"{"b":1,"a":{"z":true,"y":null},"c":[2.5,"x"],"b":3}"#).unwrap();
        assert_eq!(
            value.to_json(),
            r#"{"b":3,"a":{"z":true,"y":null},"c":[2.5,"x"]}"#
        );
        assert_eq!(
            value.to_json_pretty(),
            "{\n  \"b\": 3,\n  \"a\": {\n    \"z\": true,\n    \"y\": null\n  },\n  \"c\": [\n    2.5,\n    \"x\"\n  ]\n}"
        );
    }

    #[test]
    fn text_reads_back_as_serde_json_writes_it() {
        for text in [
            r#"{"n":-1,"f":1e3,"s":"\u00e9\n\/","e":{},"a":[]}"#,
            "18446744073709551615",
            r#""""#,
        ] {
            let ours = Ordered::parse(text).unwrap().to_json();
            let theirs = serde_json::from_str::<serde_json::Value>(text)
                .unwrap()
                .to_string();
            // Without `preserve_order` a `Value` sorts members: compare as values.
            assert_eq!(
                serde_json::from_str::<serde_json::Value>(&ours).unwrap(),
                serde_json::from_str::<serde_json::Value>(&theirs).unwrap(),
                "{text}"
            );
            assert_eq!(ours.len(), theirs.len(), "{text}");
        }
        assert!(Ordered::parse("{").is_err());
    }

    #[test]
    fn strings_are_mapped_and_keys_are_not() {
        let value = Ordered::parse(r#"{"k*":["a*",{"b":"c*"}],"n":1}"#).unwrap();
        let mapped = value.map_strings(&|s| s.replace('*', "${*}"));
        assert_eq!(mapped.to_json(), r#"{"k*":["a${*}",{"b":"c${*}"}],"n":1}"#);
        let error: serde_json::Error = unexpected("a principal is `*` or an object", &mapped);
        assert!(
            error
                .to_string()
                .ends_with(", not {\"k*\":[\"a${*}\",{\"b\":\"c${*}\"}],\"n\":1}")
        );
    }
}

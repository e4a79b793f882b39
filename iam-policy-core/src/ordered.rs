//! JSON values that keep their members in source order, read by the crate's one JSON
//! reader ([`crate::json::read`]) and written by hand with the one JSON string writer
//! ([`iam_catalog::view::escape_json_into`]), byte for byte as `serde_json` writes the
//! same value.
//!
//! [`Ordered`] is what [`crate::Policy`]'s serde, pretty printing and inserted values go
//! through, so that a policy's members never come out sorted: numbers are kept as
//! written ([`Number`]), a repeated member keeps its first place and takes the last
//! value. [`Ordered::of`] turns any serializable value into one ([`ser`]).

mod ser;

use std::fmt;

use iam_catalog::view::escape_json_into;
use iam_catalog::{Node, NodeKind};
use serde_core::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_core::ser::{Serialize, SerializeMap, Serializer};

use crate::document::Number;
use crate::json::{self, SyntaxError};

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
    /// Reads JSON text with the crate's reader (its located syntax errors).
    pub(crate) fn parse(text: &str) -> Result<Self, SyntaxError> {
        json::read(text).map(Self::from_node)
    }

    /// The value of a tree the reader gave: repeated keys folded by [`insert`].
    /// Recursion is bounded by the reader's depth limit.
    fn from_node(node: Node<'_>) -> Self {
        match node.kind {
            NodeKind::Null | NodeKind::Opaque(_) => Ordered::Null,
            NodeKind::Bool(b) => Ordered::Bool(b),
            NodeKind::Number(text) => Ordered::Number(Number::from_json_text(text.into_owned())),
            // The reader's strings have no holes: `display` is the text.
            NodeKind::String(text) => Ordered::String(text.display()),
            NodeKind::Array(items) => {
                Ordered::Array(items.into_iter().map(Self::from_node).collect())
            }
            NodeKind::Object(members) => {
                let mut out = Vec::with_capacity(members.len());
                for member in members {
                    insert(
                        &mut out,
                        member.key.into_owned(),
                        Self::from_node(member.value),
                    );
                }
                Ordered::Object(out)
            }
        }
    }

    /// Any serializable value, in the shape `serde_json` writes it (`None` if it cannot be
    /// written as JSON, e.g. a map with keys that are not strings).
    pub(crate) fn of<T: Serialize + ?Sized>(value: &T) -> Option<Self> {
        value.serialize(ser::OrderedSerializer).ok()
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

    /// Minified JSON text, as `serde_json::to_string` writes it.
    pub(crate) fn to_json(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, None);
        out
    }

    /// JSON text indented by two spaces, as `serde_json::to_string_pretty` writes it.
    pub(crate) fn to_json_pretty(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, Some(0));
        out
    }

    /// Writes the value: minified when `indent` is `None`, else pretty at that depth (two
    /// spaces a level; `[]` and `{}` when empty). Recursion is bounded by the depth of
    /// the value, which the reader and serializers built.
    fn write(&self, out: &mut String, indent: Option<usize>) {
        match self {
            Ordered::Null => out.push_str("null"),
            Ordered::Bool(true) => out.push_str("true"),
            Ordered::Bool(false) => out.push_str("false"),
            Ordered::Number(n) => out.push_str(n.as_str()),
            Ordered::String(s) => write_string(out, s),
            Ordered::Array(items) => {
                out.push('[');
                for (index, item) in items.iter().enumerate() {
                    separator(out, index, indent);
                    item.write(out, indent.map(|depth| depth + 1));
                }
                close(out, items.is_empty(), indent);
                out.push(']');
            }
            Ordered::Object(members) => {
                out.push('{');
                for (index, (key, value)) in members.iter().enumerate() {
                    separator(out, index, indent);
                    write_string(out, key);
                    out.push_str(if indent.is_some() { ": " } else { ":" });
                    value.write(out, indent.map(|depth| depth + 1));
                }
                close(out, members.is_empty(), indent);
                out.push('}');
            }
        }
    }
}

/// A JSON string literal.
fn write_string(out: &mut String, s: &str) {
    out.push('"');
    escape_json_into(out, s);
    out.push('"');
}

/// Before the item at `index` of a container: `,` after the first; when pretty, a new
/// line and the item's indentation.
fn separator(out: &mut String, index: usize, indent: Option<usize>) {
    if index > 0 {
        out.push(',');
    }
    if let Some(depth) = indent {
        out.push('\n');
        push_indent(out, depth + 1);
    }
}

/// Before a container's closer: when pretty and not empty, a new line at its depth.
fn close(out: &mut String, empty: bool, indent: Option<usize>) {
    if let Some(depth) = indent
        && !empty
    {
        out.push('\n');
        push_indent(out, depth);
    }
}

fn push_indent(out: &mut String, depth: usize) {
    for _ in 0..depth {
        out.push_str("  ");
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
    fn text_reads_back_as_written() {
        // Numbers stay as written; strings are written back with the one escaper.
        let text = r#"{"n":-1,"f":1e3,"g":1.50,"s":"\u00e9\n\/\u0001","e":{},"a":[]}"#;
        assert_eq!(
            Ordered::parse(text).unwrap().to_json(),
            "{\"n\":-1,\"f\":1e3,\"g\":1.50,\"s\":\"\u{e9}\\n/\\u0001\",\"e\":{},\"a\":[]}"
        );
        for text in ["18446744073709551615", r#""""#, "[[],{}]", "null"] {
            assert_eq!(Ordered::parse(text).unwrap().to_json(), text);
        }
        assert_eq!(
            Ordered::parse("[[],{},[1],{\"a\":[]}]")
                .unwrap()
                .to_json_pretty(),
            "[\n  [],\n  {},\n  [\n    1\n  ],\n  {\n    \"a\": []\n  }\n]"
        );
        // The reader's errors, located.
        let error = Ordered::parse("{\n  \"a\": tru\n}").unwrap_err();
        assert_eq!((error.loc.line, error.loc.column), (2, 8));
        assert!(Ordered::parse("{").is_err());
    }

    /// A value of each case of serde's data model, serialized by hand.
    enum Model {
        Unit,
        Newtype(i8),
        Tuple(u16, char),
        Struct { a: bool, b: Option<&'static str> },
        Bytes(&'static [u8]),
    }

    impl Serialize for Model {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            use serde_core::ser::{SerializeStructVariant, SerializeTupleVariant};
            match self {
                Model::Unit => serializer.serialize_unit_variant("Model", 0, "Unit"),
                Model::Newtype(v) => serializer.serialize_newtype_variant("Model", 1, "Newtype", v),
                Model::Tuple(a, b) => {
                    let mut t = serializer.serialize_tuple_variant("Model", 2, "Tuple", 2)?;
                    t.serialize_field(a)?;
                    t.serialize_field(b)?;
                    t.end()
                }
                Model::Struct { a, b } => {
                    let mut s = serializer.serialize_struct_variant("Model", 3, "Struct", 2)?;
                    s.serialize_field("a", a)?;
                    s.serialize_field("b", b)?;
                    s.end()
                }
                Model::Bytes(bytes) => serializer.serialize_bytes(bytes),
            }
        }
    }

    /// A map of `(key, value)` pairs in this order, repeats included.
    struct Pairs<K, V>(Vec<(K, V)>);

    impl<K: Serialize, V: Serialize> Serialize for Pairs<K, V> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut map = serializer.serialize_map(Some(self.0.len()))?;
            for (k, v) in &self.0 {
                map.serialize_entry(k, v)?;
            }
            map.end()
        }
    }

    /// `Ordered::of` writes each case of the data model as `serde_json` does, and refuses
    /// what `serde_json` refuses.
    #[test]
    fn every_data_model_case_is_written_as_serde_json_writes_it() {
        fn same<T: Serialize + ?Sized>(value: &T) {
            let theirs = serde_json::to_string(value).ok();
            let ours = Ordered::of(value).map(|v| v.to_json());
            assert_eq!(ours, theirs);
            let theirs = serde_json::to_string_pretty(value).ok();
            let ours = Ordered::of(value).map(|v| v.to_json_pretty());
            assert_eq!(ours, theirs);
        }
        same(&());
        same(&true);
        same(&(i8::MIN, i16::MIN, i32::MIN, i64::MIN, i128::MIN));
        same(&(u8::MAX, u16::MAX, u32::MAX, u64::MAX, u128::MAX));
        same(&(
            0.1_f32,
            1e21_f32,
            f32::NAN,
            0.1_f64,
            1e-7_f64,
            f64::INFINITY,
            -0.0_f64,
        ));
        same(&('é', "\"q\"\\\u{1}\u{1f}\u{7f}é😀", String::new()));
        same(&(None::<u8>, Some(3_u8), Some(None::<u8>)));
        same(&std::marker::PhantomData::<u8>);
        same(&std::num::Wrapping(5_u8));
        same(&[Model::Unit, Model::Newtype(-1), Model::Tuple(7, 'x')]);
        same(&Model::Struct { a: true, b: None });
        same(&Model::Bytes(b"\x00\xff"));
        same(&Model::Bytes(b""));
        same(&(Vec::<u8>::new(), Pairs::<u8, u8>(Vec::new()), [[1_u8]]));
        same(&std::time::Duration::new(3, 5));
        same(&Ok::<u8, u8>(1));
        same(&std::net::Ipv4Addr::LOCALHOST);
        // Keys: strings, chars, integers, floats, bools, unit variants, newtypes of them.
        same(&Pairs(vec![("b", 1), ("a", 2), ("b", 3)]));
        same(&Pairs(vec![('k', 1)]));
        same(&Pairs(vec![(-1_i64, 1), (2, 2)]));
        same(&Pairs(vec![(u128::MAX, 1)]));
        same(&Pairs(vec![(1.5_f64, 1), (1e21, 2)]));
        same(&Pairs(vec![(0.1_f32, 1)]));
        same(&Pairs(vec![(true, 1)]));
        same(&Pairs(vec![(Model::Unit, 1)]));
        same(&Pairs(vec![(std::num::Wrapping(3_u8), 1)]));
        same(&Pairs(vec![(Some("k"), 1)]));
        // Refused keys.
        for refused in [
            Ordered::of(&Pairs(vec![(f64::NAN, 1)])),
            Ordered::of(&Pairs(vec![(None::<u8>, 1)])),
            Ordered::of(&Pairs(vec![((), 1)])),
            Ordered::of(&Pairs(vec![(vec![1], 1)])),
            Ordered::of(&Pairs(vec![(Model::Newtype(1), 1)])),
            Ordered::of(&Pairs(vec![(Model::Bytes(b"k"), 1)])),
            Ordered::of(&Pairs(vec![(Pairs(vec![(1, 1)]), 1)])),
        ] {
            assert_eq!(refused, None);
        }
        assert!(serde_json::to_string(&Pairs(vec![(vec![1], 1)])).is_err());
    }

    /// Any JSON value: strings with control characters, quotes and non-ASCII text,
    /// numbers of each kind, empty and nested arrays and objects.
    fn any_value() -> impl proptest::strategy::Strategy<Value = serde_json::Value> {
        use proptest::prelude::*;
        use serde_json::Value;
        let text = "[\\u{0}-\\u{1f}\"\\\\/a-z\\u{7f}\\u{e9}\\u{2028}\\u{1f600}]{0,8}";
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            any::<u64>().prop_map(Value::from),
            any::<f64>().prop_map(Value::from),
            text.prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 48, 6, move |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                proptest::collection::vec((text, inner), 0..6)
                    .prop_map(|members| Value::Object(members.into_iter().collect())),
            ]
        })
    }

    proptest::proptest! {
        /// Written by hand, byte for byte as `serde_json` writes the same value; read back
        /// by the crate's reader to the same text.
        #[test]
        fn written_as_serde_json_writes_it(value in any_value()) {
            let ours = Ordered::of(&value).unwrap();
            let compact = serde_json::to_string(&value).unwrap();
            let pretty = serde_json::to_string_pretty(&value).unwrap();
            proptest::prop_assert_eq!(&ours.to_json(), &compact);
            proptest::prop_assert_eq!(&ours.to_json_pretty(), &pretty);
            proptest::prop_assert_eq!(Ordered::parse(&compact).unwrap().to_json(), compact);
            proptest::prop_assert_eq!(Ordered::parse(&pretty).unwrap().to_json_pretty(), pretty);
        }
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

//! A serde [`Deserializer`](serde_core::Deserializer) over the JSON reader's tree
//! ([`crate::json::read`]), so that [`crate::Policy::document`] and
//! [`crate::document::Condition::from_json`] run the document types' `Deserialize` impls
//! without a second JSON parser.
//!
//! It presents a value as `serde_json` reading the same text does: members in source
//! order with repeated keys passed on (so a repeated element is `duplicate field`, as
//! with `serde_json::from_str`), numbers as `u64`, `i64` or `f64` by the reading of
//! [`Number`](crate::document::Number) (a number beyond `f64`'s range is refused), `null`
//! as `None` for an option, a string or a one-member object as an enum. An error is
//! located at the value (or key) it is about: the innermost one whose reading failed.

use std::fmt;

use iam_catalog::{Loc, Member, Node, NodeKind};
use serde_core::de::{
    self, Deserialize, DeserializeSeed, EnumAccess, IntoDeserializer, MapAccess, SeqAccess,
    Unexpected, VariantAccess, Visitor,
};
use serde_core::forward_to_deserialize_any;

use crate::document::Parsed;
use crate::json::{self, Locations, SyntaxError};

/// Reads `text` with the crate's JSON reader and deserializes a `T` from it. A syntax
/// error is the reader's; an error of `T`'s `Deserialize` is located at its value.
pub(crate) fn from_json<T: for<'de> Deserialize<'de>>(
    text: &str,
) -> std::result::Result<T, SyntaxError> {
    let root = json::read(text)?;
    T::deserialize(NodeDeserializer(&root)).map_err(|error| {
        let loc = error.loc.unwrap_or(root.loc);
        SyntaxError {
            message: error.message,
            loc: Locations::of(text, &root, [loc]).get(loc),
        }
    })
}

/// A message and the offset of the value it is about (set by the innermost reader).
#[derive(Debug)]
pub(crate) struct Error {
    message: String,
    loc: Option<Loc>,
}

impl Error {
    /// The error, located at `loc` unless an inner value already located it.
    fn at(mut self, loc: Loc) -> Self {
        self.loc.get_or_insert(loc);
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error {
            message: msg.to_string(),
            loc: None,
        }
    }
}

type Result<T> = std::result::Result<T, Error>;

/// Deserializes one node of the tree.
pub(crate) struct NodeDeserializer<'a, 't>(pub(crate) &'a Node<'t>);

impl<'de> de::Deserializer<'de> for NodeDeserializer<'_, '_> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let node = self.0;
        let result = match &node.kind {
            NodeKind::Null | NodeKind::Opaque(_) => visitor.visit_unit(),
            NodeKind::Bool(b) => visitor.visit_bool(*b),
            NodeKind::Number(text) => match Parsed::of(text) {
                Parsed::U64(n) => visitor.visit_u64(n),
                Parsed::I64(n) => visitor.visit_i64(n),
                Parsed::F64(f) if f.is_finite() => visitor.visit_f64(f),
                Parsed::F64(_) => Err(de::Error::custom("number out of range")),
            },
            NodeKind::String(text) => match text.as_literal() {
                Some(s) => visitor.visit_str(s),
                None => visitor.visit_string(text.display()),
            },
            NodeKind::Array(items) => visit_array(items, visitor),
            NodeKind::Object(members) => visit_object(members, visitor),
        };
        result.map_err(|error| error.at(node.loc))
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let loc = self.0.loc;
        match self.0.kind {
            NodeKind::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
        .map_err(|error| error.at(loc))
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        let node = self.0;
        let result = match &node.kind {
            NodeKind::String(_) => visitor.visit_enum(EnumDeserializer {
                variant: node,
                value: None,
            }),
            NodeKind::Object(members) => match members.as_slice() {
                [member] => visitor.visit_enum(EnumDeserializer {
                    variant: &Node::new(
                        NodeKind::String(iam_catalog::Text::literal(member.key.as_ref())),
                        member.key_loc,
                    ),
                    value: Some(&member.value),
                }),
                _ => Err(de::Error::invalid_value(
                    Unexpected::Map,
                    &"map with a single key",
                )),
            },
            _ => Err(de::Error::invalid_type(unexpected(node), &"string or map")),
        };
        result.map_err(|error| error.at(node.loc))
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value> {
        let loc = self.0.loc;
        visitor
            .visit_newtype_struct(self)
            .map_err(|error| error.at(loc))
    }

    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct seq tuple tuple_struct map struct identifier
        ignored_any
    }
}

/// How a node names itself in a type error.
fn unexpected<'n>(node: &'n Node<'_>) -> Unexpected<'n> {
    match &node.kind {
        NodeKind::Null | NodeKind::Opaque(_) => Unexpected::Unit,
        NodeKind::Bool(b) => Unexpected::Bool(*b),
        NodeKind::Number(text) => match Parsed::of(text) {
            Parsed::U64(n) => Unexpected::Unsigned(n),
            Parsed::I64(n) => Unexpected::Signed(n),
            Parsed::F64(f) => Unexpected::Float(f),
        },
        NodeKind::String(text) => text
            .as_literal()
            .map_or(Unexpected::Other("string"), Unexpected::Str),
        NodeKind::Array(_) => Unexpected::Seq,
        NodeKind::Object(_) => Unexpected::Map,
    }
}

fn visit_array<'de, V: Visitor<'de>>(items: &[Node<'_>], visitor: V) -> Result<V::Value> {
    let mut seq = SeqDeserializer {
        items: items.iter(),
    };
    let value = visitor.visit_seq(&mut seq)?;
    if seq.items.len() == 0 {
        Ok(value)
    } else {
        Err(de::Error::invalid_length(
            items.len(),
            &"fewer elements in array",
        ))
    }
}

fn visit_object<'de, V: Visitor<'de>>(members: &[Member<'_>], visitor: V) -> Result<V::Value> {
    let mut map = MapDeserializer {
        members: members.iter(),
        key_loc: None,
        value: None,
    };
    match visitor.visit_map(&mut map) {
        Ok(value) if map.members.len() == 0 => Ok(value),
        Ok(_) => Err(de::Error::invalid_length(
            members.len(),
            &"fewer elements in map",
        )),
        // An error right after a key (an unknown field) is about the key.
        Err(error) => Err(match (map.value, map.key_loc) {
            (Some(_), Some(loc)) => error.at(loc),
            _ => error,
        }),
    }
}

struct SeqDeserializer<'a, 't> {
    items: std::slice::Iter<'a, Node<'t>>,
}

impl<'de> SeqAccess<'de> for SeqDeserializer<'_, '_> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>> {
        self.items
            .next()
            .map(|item| seed.deserialize(NodeDeserializer(item)))
            .transpose()
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

struct MapDeserializer<'a, 't> {
    members: std::slice::Iter<'a, Member<'t>>,
    /// The location of the last key read.
    key_loc: Option<Loc>,
    /// The value of the last key read, until it is read.
    value: Option<&'a Node<'t>>,
}

impl<'de> MapAccess<'de> for MapDeserializer<'_, '_> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        let Some(member) = self.members.next() else {
            return Ok(None);
        };
        self.key_loc = Some(member.key_loc);
        self.value = Some(&member.value);
        let key: de::value::StrDeserializer<'_, Error> = member.key.as_ref().into_deserializer();
        seed.deserialize(key)
            .map(Some)
            .map_err(|error| error.at(member.key_loc))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value> {
        match self.value.take() {
            Some(value) => seed.deserialize(NodeDeserializer(value)),
            None => Err(de::Error::custom("a map value was read before its key")),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.members.len())
    }
}

/// An enum: its variant's name (a string node) and the variant's value, if any.
struct EnumDeserializer<'a, 't> {
    variant: &'a Node<'t>,
    value: Option<&'a Node<'t>>,
}

impl<'de, 'a, 't> EnumAccess<'de> for EnumDeserializer<'a, 't> {
    type Error = Error;
    type Variant = VariantDeserializer<'a, 't>;

    fn variant_seed<V: DeserializeSeed<'de>>(
        self,
        seed: V,
    ) -> Result<(V::Value, VariantDeserializer<'a, 't>)> {
        let variant = seed.deserialize(NodeDeserializer(self.variant))?;
        Ok((variant, VariantDeserializer { value: self.value }))
    }
}

struct VariantDeserializer<'a, 't> {
    value: Option<&'a Node<'t>>,
}

impl<'de> VariantAccess<'de> for VariantDeserializer<'_, '_> {
    type Error = Error;

    fn unit_variant(self) -> Result<()> {
        match self.value {
            Some(value) => <()>::deserialize(NodeDeserializer(value)),
            None => Ok(()),
        }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value> {
        match self.value {
            Some(value) => seed.deserialize(NodeDeserializer(value)),
            None => Err(de::Error::invalid_type(
                Unexpected::UnitVariant,
                &"newtype variant",
            )),
        }
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value> {
        match self.value {
            Some(value) => match &value.kind {
                NodeKind::Array(items) => {
                    visit_array(items, visitor).map_err(|error| error.at(value.loc))
                }
                _ => Err(
                    <Error as de::Error>::invalid_type(unexpected(value), &"tuple variant")
                        .at(value.loc),
                ),
            },
            None => Err(de::Error::invalid_type(
                Unexpected::UnitVariant,
                &"tuple variant",
            )),
        }
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        match self.value {
            Some(value) => match &value.kind {
                NodeKind::Object(members) => {
                    visit_object(members, visitor).map_err(|error| error.at(value.loc))
                }
                _ => Err(
                    <Error as de::Error>::invalid_type(unexpected(value), &"struct variant")
                        .at(value.loc),
                ),
            },
            None => Err(de::Error::invalid_type(
                Unexpected::UnitVariant,
                &"struct variant",
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "a test fails by panicking")]

    use super::*;
    use crate::document::{Condition, ConditionValue, Document, Effect, OneOrMany, Statement};

    /// The error of reading `text` as a `T`: message, pointer, line, column.
    fn error<T: for<'de> Deserialize<'de> + fmt::Debug>(
        text: &str,
    ) -> (String, String, usize, usize) {
        let e = from_json::<T>(text).unwrap_err();
        (e.message, e.loc.pointer, e.loc.line, e.loc.column)
    }

    /// The message `serde_json` gives for the same text, without its position.
    fn theirs<T: for<'de> Deserialize<'de> + fmt::Debug>(text: &str) -> String {
        let message = serde_json::from_str::<T>(text).unwrap_err().to_string();
        match message.rfind(" at line ") {
            Some(at) => message[..at].to_owned(),
            None => message,
        }
    }

    #[test]
    fn reads_what_serde_json_reads() {
        let text = r#"{"Version":"2012-10-17","Statement":[{"Sid":null,"Effect":"Deny","Action":"s3:*","Resource":["*"],"Condition":{"NumericLessThan":{"s3:max-keys":[10,-1,1.50,1e400]},"Bool":{"aws:SecureTransport":false}}}]}"#;
        // `1e400` is beyond f64: refused, as serde_json refuses it.
        assert_eq!(error::<Document>(text).0, theirs::<Document>(text));
        assert_eq!(error::<ConditionValue>("1e400").0, "number out of range");
        assert_eq!(theirs::<ConditionValue>("1e400"), "number out of range");
        let text = text.replace(",1e400", "");
        let ours: Document = from_json(&text).unwrap();
        assert_eq!(ours, serde_json::from_str::<Document>(&text).unwrap());
        let statement = &ours.statements()[0];
        assert_eq!(statement.effect, Effect::Deny);
        assert_eq!(statement.sid, None);
        let condition = statement.condition.as_ref().unwrap();
        let OneOrMany::Many(values) = &condition.0[0].entries[0].1 else {
            panic!("{condition:?}");
        };
        let numbers: Vec<String> = values
            .iter()
            .map(|v| match v {
                ConditionValue::Number(n) => n.to_string(),
                other => format!("{other:?}"),
            })
            .collect();
        assert_eq!(numbers, ["10", "-1", "1.5"]);
    }

    #[test]
    fn errors_are_serde_json_s_messages_located_at_their_value() {
        let cases = [
            // An unknown element: at its key (the pointer of its member).
            ("{\"Statment\": []}", "/Statment", 1, 2),
            // A repeated element: at the second key.
            (
                "{\"Statement\": [], \"Statement\": []}",
                "/Statement",
                1,
                19,
            ),
            // A missing element: at its object.
            ("{\"Version\": \"2012-10-17\"}", "", 1, 1),
            // A statement no variant of `OneOrMany` reads (the derive's message): at it.
            (
                "{\"Statement\": [{\"Effect\": \"Maybe\"}]}",
                "/Statement",
                1,
                15,
            ),
            ("[]", "", 1, 1),
        ];
        for (text, pointer, line, column) in cases {
            let (message, at, l, c) = error::<Document>(text);
            assert_eq!(
                (at.as_str(), l, c),
                (pointer, line, column),
                "{text}: {message}"
            );
            assert_eq!(message, theirs::<Document>(text), "{text}");
        }
        let cases = [
            ("{\"Effect\": \"Maybe\"}", "/Effect", 1, 12),
            (
                "{\"Effect\": \"Allow\",\n \"Principal\": \"x\"}",
                "/Principal",
                2,
                15,
            ),
            ("{\"Effect\": \"Allow\", \"Sid\": 2}", "/Sid", 1, 28),
            ("{\"Effect\": \"Allow\", \"Action\": [1]}", "/Action", 1, 31),
            (
                "{\"Effect\": \"Allow\", \"Condition\": {\"Bool\": 1}}",
                "/Condition/Bool",
                1,
                43,
            ),
            ("{\"Action\": \"s3:*\"}", "", 1, 1),
        ];
        for (text, pointer, line, column) in cases {
            let (message, at, l, c) = error::<Statement>(text);
            assert_eq!(
                (at.as_str(), l, c),
                (pointer, line, column),
                "{text}: {message}"
            );
            assert_eq!(message, theirs::<Statement>(text), "{text}");
        }
        // `serde_json` names an enum of another type by where it stopped ("expected
        // value"); here it is the type error serde words.
        assert_eq!(
            error::<Statement>("{\"Effect\": 1}").0,
            "invalid type: integer `1`, expected string or map"
        );
        assert_eq!(
            error::<Statement>("{\"Effect\": {\"Allow\": null, \"Deny\": null}}").0,
            "invalid value: map, expected map with a single key"
        );
        assert_eq!(
            from_json::<Statement>("{\"Effect\": {\"Deny\": null}}")
                .unwrap()
                .effect,
            Effect::Deny
        );
    }

    #[test]
    fn a_condition_reads_from_json_with_located_errors() {
        let condition = Condition::from_json(
            r#"{"StringEquals": {"aws:PrincipalTag/team": ["a", "b"]}, "Bool": {"aws:MultiFactorAuthPresent": true}}"#,
        )
        .unwrap();
        assert_eq!(
            condition,
            Condition::new()
                .with_values("StringEquals", "aws:PrincipalTag/team", ["a", "b"])
                .with("Bool", "aws:MultiFactorAuthPresent", true)
        );
        let (message, pointer, line, column) =
            error::<Condition>("{\"NumericLessThan\": {\"s3:max-keys\": [null]}}");
        assert_eq!(
            (message.as_str(), pointer.as_str(), line, column),
            (
                "data did not match any variant of untagged enum OneOrMany",
                "/NumericLessThan/s3:max-keys",
                1,
                37
            )
        );
        let syntax = Condition::from_json("{\"Bool\": }").unwrap_err();
        assert_eq!(syntax.message, "expected a value, found `}`");
        assert_eq!(error::<Condition>("[]").0, theirs::<Condition>("[]"));
    }

    #[test]
    fn variants_of_every_kind_read_as_serde_json_reads_them() {
        // `Result` is an enum with newtype variants.
        assert_eq!(
            from_json::<std::result::Result<u8, String>>(r#"{"Ok": 1}"#).unwrap(),
            Ok(1)
        );
        assert_eq!(
            from_json::<std::result::Result<u8, String>>(r#"{"Err": "e"}"#).unwrap(),
            Err("e".to_owned())
        );
        assert_eq!(
            error::<std::result::Result<u8, String>>(r#""Ok""#).0,
            theirs::<std::result::Result<u8, String>>(r#""Ok""#)
        );
        assert_eq!(from_json::<Option<u8>>("null").unwrap(), None);
        assert_eq!(
            from_json::<(u8, i8, f64)>("[1, -1, 2.5]").unwrap(),
            (1, -1, 2.5)
        );
        assert_eq!(
            error::<(u8,)>("[1, 2]").0,
            "invalid length 2, expected fewer elements in array"
        );
        assert_eq!(error::<u8>("-1").0, theirs::<u8>("-1"));
        assert_eq!(error::<String>("{}").0, theirs::<String>("{}"));
    }
}

//! A serde [`Serializer`](serde_core::Serializer) that builds an [`Ordered`] value
//! directly, in the shape `serde_json` writes every case of serde's data model: unit and
//! `None` are `null`, a newtype is its value, a unit variant its name, other variants
//! `{"Variant": value}`, bytes an array of numbers, a float JSON cannot hold `null`, map
//! keys strings (string, char, integer, finite float and bool keys written as
//! `serde_json` writes them; other keys refused). Members stay in the order they are
//! serialized, repeated keys included, as `serde_json` writes them.

use std::fmt;

use serde_core::ser::{self, Impossible, Serialize};

use super::Ordered;
use crate::document::Number;

/// Why a value cannot be written as JSON.
#[derive(Debug)]
pub(crate) struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

/// `serde_json`'s error for a map key it cannot write as a string.
fn key_must_be_a_string() -> Error {
    Error("key must be a string".to_owned())
}

type Result<T> = std::result::Result<T, Error>;

/// Serializes into an [`Ordered`] value.
pub(crate) struct OrderedSerializer;

/// `{"variant": value}`.
fn variant(name: &str, value: Ordered) -> Ordered {
    Ordered::Object(vec![(name.to_owned(), value)])
}

fn number(n: Option<Number>) -> Ordered {
    n.map_or(Ordered::Null, Ordered::Number)
}

impl ser::Serializer for OrderedSerializer {
    type Ok = Ordered;
    type Error = Error;
    type SerializeSeq = SeqBuilder;
    type SerializeTuple = SeqBuilder;
    type SerializeTupleStruct = SeqBuilder;
    type SerializeTupleVariant = SeqBuilder;
    type SerializeMap = MapBuilder;
    type SerializeStruct = MapBuilder;
    type SerializeStructVariant = MapBuilder;

    fn serialize_bool(self, v: bool) -> Result<Ordered> {
        Ok(Ordered::Bool(v))
    }

    fn serialize_i8(self, v: i8) -> Result<Ordered> {
        Ok(Ordered::Number(v.into()))
    }

    fn serialize_i16(self, v: i16) -> Result<Ordered> {
        Ok(Ordered::Number(v.into()))
    }

    fn serialize_i32(self, v: i32) -> Result<Ordered> {
        Ok(Ordered::Number(v.into()))
    }

    fn serialize_i64(self, v: i64) -> Result<Ordered> {
        Ok(Ordered::Number(v.into()))
    }

    fn serialize_i128(self, v: i128) -> Result<Ordered> {
        Ok(Ordered::Number(v.into()))
    }

    fn serialize_u8(self, v: u8) -> Result<Ordered> {
        Ok(Ordered::Number(v.into()))
    }

    fn serialize_u16(self, v: u16) -> Result<Ordered> {
        Ok(Ordered::Number(v.into()))
    }

    fn serialize_u32(self, v: u32) -> Result<Ordered> {
        Ok(Ordered::Number(v.into()))
    }

    fn serialize_u64(self, v: u64) -> Result<Ordered> {
        Ok(Ordered::Number(v.into()))
    }

    fn serialize_u128(self, v: u128) -> Result<Ordered> {
        Ok(Ordered::Number(v.into()))
    }

    fn serialize_f32(self, v: f32) -> Result<Ordered> {
        Ok(number(Number::from_f32(v)))
    }

    fn serialize_f64(self, v: f64) -> Result<Ordered> {
        Ok(number(Number::from_f64(v)))
    }

    fn serialize_char(self, v: char) -> Result<Ordered> {
        Ok(Ordered::String(v.to_string()))
    }

    fn serialize_str(self, v: &str) -> Result<Ordered> {
        Ok(Ordered::String(v.to_owned()))
    }

    fn serialize_bytes(self, v: &[u8]) -> Result<Ordered> {
        Ok(Ordered::Array(
            v.iter().map(|b| Ordered::Number((*b).into())).collect(),
        ))
    }

    fn serialize_none(self) -> Result<Ordered> {
        Ok(Ordered::Null)
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<Ordered> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<Ordered> {
        Ok(Ordered::Null)
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result<Ordered> {
        Ok(Ordered::Null)
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<Ordered> {
        Ok(Ordered::String(variant.to_owned()))
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<Ordered> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        name: &'static str,
        value: &T,
    ) -> Result<Ordered> {
        Ok(variant(name, value.serialize(self)?))
    }

    fn serialize_seq(self, len: Option<usize>) -> Result<SeqBuilder> {
        Ok(SeqBuilder {
            variant: None,
            items: Vec::with_capacity(len.unwrap_or(0)),
        })
    }

    fn serialize_tuple(self, len: usize) -> Result<SeqBuilder> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_struct(self, _name: &'static str, len: usize) -> Result<SeqBuilder> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        name: &'static str,
        len: usize,
    ) -> Result<SeqBuilder> {
        Ok(SeqBuilder {
            variant: Some(name),
            items: Vec::with_capacity(len),
        })
    }

    fn serialize_map(self, len: Option<usize>) -> Result<MapBuilder> {
        Ok(MapBuilder {
            variant: None,
            members: Vec::with_capacity(len.unwrap_or(0)),
            key: None,
        })
    }

    fn serialize_struct(self, _name: &'static str, len: usize) -> Result<MapBuilder> {
        self.serialize_map(Some(len))
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        name: &'static str,
        len: usize,
    ) -> Result<MapBuilder> {
        Ok(MapBuilder {
            variant: Some(name),
            members: Vec::with_capacity(len),
            key: None,
        })
    }
}

/// The elements of an array (of a tuple variant's, when `variant` is set).
pub(crate) struct SeqBuilder {
    variant: Option<&'static str>,
    items: Vec<Ordered>,
}

impl SeqBuilder {
    fn push<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.items.push(value.serialize(OrderedSerializer)?);
        Ok(())
    }

    fn finish(self) -> Ordered {
        let array = Ordered::Array(self.items);
        match self.variant {
            Some(name) => variant(name, array),
            None => array,
        }
    }
}

impl ser::SerializeSeq for SeqBuilder {
    type Ok = Ordered;
    type Error = Error;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.push(value)
    }

    fn end(self) -> Result<Ordered> {
        Ok(self.finish())
    }
}

impl ser::SerializeTuple for SeqBuilder {
    type Ok = Ordered;
    type Error = Error;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.push(value)
    }

    fn end(self) -> Result<Ordered> {
        Ok(self.finish())
    }
}

impl ser::SerializeTupleStruct for SeqBuilder {
    type Ok = Ordered;
    type Error = Error;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.push(value)
    }

    fn end(self) -> Result<Ordered> {
        Ok(self.finish())
    }
}

impl ser::SerializeTupleVariant for SeqBuilder {
    type Ok = Ordered;
    type Error = Error;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.push(value)
    }

    fn end(self) -> Result<Ordered> {
        Ok(self.finish())
    }
}

/// The members of an object (of a struct variant's, when `variant` is set), in the order
/// they are serialized.
pub(crate) struct MapBuilder {
    variant: Option<&'static str>,
    members: Vec<(String, Ordered)>,
    /// The key whose value comes next.
    key: Option<String>,
}

impl MapBuilder {
    fn finish(self) -> Ordered {
        let object = Ordered::Object(self.members);
        match self.variant {
            Some(name) => variant(name, object),
            None => object,
        }
    }
}

impl ser::SerializeMap for MapBuilder {
    type Ok = Ordered;
    type Error = Error;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<()> {
        self.key = Some(key.serialize(KeySerializer)?);
        Ok(())
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        let key = self
            .key
            .take()
            .ok_or_else(|| Error("a map value was serialized before its key".to_owned()))?;
        self.members
            .push((key, value.serialize(OrderedSerializer)?));
        Ok(())
    }

    fn end(self) -> Result<Ordered> {
        Ok(self.finish())
    }
}

impl ser::SerializeStruct for MapBuilder {
    type Ok = Ordered;
    type Error = Error;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<()> {
        self.members
            .push((key.to_owned(), value.serialize(OrderedSerializer)?));
        Ok(())
    }

    fn end(self) -> Result<Ordered> {
        Ok(self.finish())
    }
}

impl ser::SerializeStructVariant for MapBuilder {
    type Ok = Ordered;
    type Error = Error;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<()> {
        ser::SerializeStruct::serialize_field(self, key, value)
    }

    fn end(self) -> Result<Ordered> {
        Ok(self.finish())
    }
}

/// A map key as the string `serde_json` writes for it: strings, chars, unit variants and
/// newtypes of them as is; integers, finite floats and bools as their JSON text; anything
/// else is refused.
struct KeySerializer;

impl ser::Serializer for KeySerializer {
    type Ok = String;
    type Error = Error;
    type SerializeSeq = Impossible<String, Error>;
    type SerializeTuple = Impossible<String, Error>;
    type SerializeTupleStruct = Impossible<String, Error>;
    type SerializeTupleVariant = Impossible<String, Error>;
    type SerializeMap = Impossible<String, Error>;
    type SerializeStruct = Impossible<String, Error>;
    type SerializeStructVariant = Impossible<String, Error>;

    fn serialize_bool(self, v: bool) -> Result<String> {
        Ok(v.to_string())
    }

    fn serialize_i8(self, v: i8) -> Result<String> {
        Ok(v.to_string())
    }

    fn serialize_i16(self, v: i16) -> Result<String> {
        Ok(v.to_string())
    }

    fn serialize_i32(self, v: i32) -> Result<String> {
        Ok(v.to_string())
    }

    fn serialize_i64(self, v: i64) -> Result<String> {
        Ok(v.to_string())
    }

    fn serialize_i128(self, v: i128) -> Result<String> {
        Ok(v.to_string())
    }

    fn serialize_u8(self, v: u8) -> Result<String> {
        Ok(v.to_string())
    }

    fn serialize_u16(self, v: u16) -> Result<String> {
        Ok(v.to_string())
    }

    fn serialize_u32(self, v: u32) -> Result<String> {
        Ok(v.to_string())
    }

    fn serialize_u64(self, v: u64) -> Result<String> {
        Ok(v.to_string())
    }

    fn serialize_u128(self, v: u128) -> Result<String> {
        Ok(v.to_string())
    }

    fn serialize_f32(self, v: f32) -> Result<String> {
        Number::from_f32(v)
            .map(|n| n.as_str().to_owned())
            .ok_or_else(|| Error("float key must be finite (got NaN or +/-inf)".to_owned()))
    }

    fn serialize_f64(self, v: f64) -> Result<String> {
        Number::from_f64(v)
            .map(|n| n.as_str().to_owned())
            .ok_or_else(|| Error("float key must be finite (got NaN or +/-inf)".to_owned()))
    }

    fn serialize_char(self, v: char) -> Result<String> {
        Ok(v.to_string())
    }

    fn serialize_str(self, v: &str) -> Result<String> {
        Ok(v.to_owned())
    }

    fn serialize_bytes(self, _v: &[u8]) -> Result<String> {
        Err(key_must_be_a_string())
    }

    fn serialize_none(self) -> Result<String> {
        Err(key_must_be_a_string())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<String> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<String> {
        Err(key_must_be_a_string())
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result<String> {
        Err(key_must_be_a_string())
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<String> {
        Ok(variant.to_owned())
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<String> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Result<String> {
        Err(key_must_be_a_string())
    }

    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq> {
        Err(key_must_be_a_string())
    }

    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple> {
        Err(key_must_be_a_string())
    }

    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleStruct> {
        Err(key_must_be_a_string())
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant> {
        Err(key_must_be_a_string())
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap> {
        Err(key_must_be_a_string())
    }

    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Self::SerializeStruct> {
        Err(key_must_be_a_string())
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant> {
        Err(key_must_be_a_string())
    }
}

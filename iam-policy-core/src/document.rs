//! The IAM policy grammar as Rust types, with serde.
//!
//! A round trip keeps the document's meaning and shape: a single value stays a single
//! value, an array stays an array (even of one element), condition operators and keys keep
//! their order, and values keep their JSON type. Serialization writes AWS's element order
//! (`Version`, `Id`, `Statement`; `Sid`, `Effect`, `Principal`, `NotPrincipal`, `Action`,
//! `NotAction`, `Resource`, `NotResource`, `Condition`).
//!
//! These types hold the documents whose shape they can express (the policy grammar's
//! elements with the right JSON types). They do not judge a policy: whether it is
//! *valid* is for [`crate::validate`] to say, with the engine's codes (an unknown action
//! is still a string here, and [`crate::Policy::from_json`] reads any JSON; a document
//! these types cannot hold gives `None` from [`crate::Policy::document`]).

use std::fmt;
use std::marker::PhantomData;

use serde_core::de::value::{
    BoolDeserializer, F64Deserializer, I64Deserializer, MapAccessDeserializer,
    SeqAccessDeserializer, StrDeserializer, StringDeserializer, U64Deserializer,
};
use serde_core::de::{
    self, DeserializeSeed, EnumAccess, MapAccess, SeqAccess, VariantAccess, Visitor,
};
use serde_core::ser::{SerializeMap, SerializeStruct};
use serde_core::{Deserialize, Deserializer, Serialize, Serializer};

use crate::json::SyntaxError;
use crate::ordered::{self, Ordered};

mod number;

pub use number::Number;
pub(crate) use number::Parsed;

/// A policy document.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// `Version`: `2012-10-17` or `2008-10-17`.
    pub version: Option<String>,
    /// `Id`.
    pub id: Option<String>,
    /// `Statement`: one statement object or an array of them.
    pub statement: OneOrMany<Statement>,
}

impl Document {
    /// The statements, whether written as one object or an array.
    pub fn statements(&self) -> &[Statement] {
        self.statement.as_slice()
    }
}

/// A value written either alone or as an array.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OneOrMany<T> {
    /// A single value (`"Action": "s3:GetObject"`).
    One(T),
    /// An array (`"Action": ["s3:GetObject"]`).
    Many(Vec<T>),
}

impl<T> OneOrMany<T> {
    /// The values as a slice.
    pub fn as_slice(&self) -> &[T] {
        match self {
            OneOrMany::One(value) => std::slice::from_ref(value),
            OneOrMany::Many(values) => values,
        }
    }
}

/// `Effect`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// `Allow`.
    Allow,
    /// `Deny`.
    Deny,
}

/// One statement.
#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    /// `Sid`.
    pub sid: Option<String>,
    /// `Effect`.
    pub effect: Effect,
    /// `Principal`.
    pub principal: Option<Principal>,
    /// `NotPrincipal`.
    pub not_principal: Option<Principal>,
    /// `Action`.
    pub action: Option<OneOrMany<String>>,
    /// `NotAction`.
    pub not_action: Option<OneOrMany<String>>,
    /// `Resource`.
    pub resource: Option<OneOrMany<String>>,
    /// `NotResource`.
    pub not_resource: Option<OneOrMany<String>>,
    /// `Condition`.
    pub condition: Option<Condition>,
}

/// `Principal` or `NotPrincipal`: `"*"`, or principals by kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Principal {
    /// `"*"`: everyone.
    Any,
    /// `{"AWS": ..., "Service": ..., "Federated": ..., "CanonicalUser": ...}`, in source
    /// order.
    Map(Vec<(PrincipalKind, OneOrMany<String>)>),
}

/// The four kinds of principal, in the order of the engine's one list
/// ([`iam_catalog::PRINCIPAL_KINDS`], which names them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PrincipalKind {
    /// `AWS`: accounts, users, roles, sessions.
    Aws,
    /// `Service`: AWS service principals.
    Service,
    /// `Federated`: identity providers.
    Federated,
    /// `CanonicalUser`: S3 canonical user ids.
    CanonicalUser,
}

impl PrincipalKind {
    /// Every kind, in the order of [`iam_catalog::PRINCIPAL_KINDS`].
    pub const ALL: [PrincipalKind; 4] = [
        PrincipalKind::Aws,
        PrincipalKind::Service,
        PrincipalKind::Federated,
        PrincipalKind::CanonicalUser,
    ];

    /// The element name: `AWS`, `Service`, `Federated`, `CanonicalUser` (from the
    /// engine's list).
    pub fn as_str(self) -> &'static str {
        iam_catalog::PRINCIPAL_KINDS
            .get(self as usize)
            .copied()
            .unwrap_or_default()
    }

    fn from_name(name: &str) -> Option<Self> {
        PrincipalKind::ALL.into_iter().find(|k| k.as_str() == name)
    }
}

impl Serialize for Principal {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Principal::Any => serializer.serialize_str("*"),
            Principal::Map(entries) => {
                use serde_core::ser::SerializeMap;
                let mut map = serializer.serialize_map(Some(entries.len()))?;
                for (kind, values) in entries {
                    map.serialize_entry(kind.as_str(), values)?;
                }
                map.end()
            }
        }
    }
}

/// A condition value: strings, booleans and numbers keep their JSON type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConditionValue {
    /// A string (`"10.0.0.0/8"`, `"true"`).
    String(String),
    /// A JSON boolean.
    Bool(bool),
    /// A JSON number.
    Number(Number),
}

/// One operator of a `Condition`: `"StringEquals": {"aws:RequestedRegion": "eu-west-1"}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConditionBlock {
    /// The operator, with any `ForAllValues:`/`ForAnyValue:` prefix and `IfExists` suffix.
    pub operator: String,
    /// Condition keys and their values, in source order.
    pub entries: Vec<(String, OneOrMany<ConditionValue>)>,
}

/// `Condition`: operators in source order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Condition(pub Vec<ConditionBlock>);

impl Condition {
    /// A condition without operators, to add to with [`Condition::with`].
    pub fn new() -> Self {
        Self::default()
    }

    /// Reads a `Condition` element from JSON text, with the crate's JSON reader.
    ///
    /// ```
    /// use iam_policy::document::{Condition, ConditionValue};
    ///
    /// let condition = Condition::from_json(r#"{"Bool": {"aws:SecureTransport": "false"}}"#)?;
    /// assert_eq!(condition, Condition::new().with("Bool", "aws:SecureTransport", "false"));
    ///
    /// let error = Condition::from_json("{\n  \"Bool\": [\"x\"]\n}").unwrap_err();
    /// assert_eq!(error.message, "the value of condition operator `Bool` is an object");
    /// assert_eq!((error.loc.pointer.as_str(), error.loc.line, error.loc.column), ("/Bool", 2, 11));
    /// # Ok::<(), iam_policy::json::SyntaxError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// The text is not JSON, or not a condition (an operator whose value is not an object,
    /// a value that is not a string, boolean or number): the message and where.
    pub fn from_json(text: &str) -> Result<Self, SyntaxError> {
        crate::de::from_json(text)
    }

    /// Adds `key: value` (one value, written alone) under `operator`, after the keys it
    /// has; the operator is added after the others when it is new, and a key it has takes
    /// the new value.
    ///
    /// ```
    /// use iam_policy::document::Condition;
    ///
    /// let condition = Condition::new()
    ///     .with("StringEquals", "aws:RequestedRegion", "eu-west-1")
    ///     .with("Bool", "aws:SecureTransport", true)
    ///     .with_values("StringLike", "s3:prefix", ["home/", "public/*"]);
    /// let json = iam_policy::Policy::from_document(
    ///     &iam_policy::Document {
    ///         version: Some("2012-10-17".to_owned()),
    ///         id: None,
    ///         statement: iam_policy::document::OneOrMany::One(iam_policy::document::Statement {
    ///             sid: None,
    ///             effect: iam_policy::document::Effect::Allow,
    ///             principal: None,
    ///             not_principal: None,
    ///             action: Some(iam_policy::document::OneOrMany::One("s3:ListBucket".to_owned())),
    ///             not_action: None,
    ///             resource: Some(iam_policy::document::OneOrMany::One("arn:aws:s3:::b".to_owned())),
    ///             not_resource: None,
    ///             condition: Some(condition),
    ///         }),
    ///     },
    ///     iam_policy::PolicyKind::Identity,
    /// )
    /// .to_json();
    /// assert!(json.ends_with(r#""Condition":{"StringEquals":{"aws:RequestedRegion":"eu-west-1"},"Bool":{"aws:SecureTransport":true},"StringLike":{"s3:prefix":["home/","public/*"]}}}}"#));
    /// ```
    #[must_use]
    pub fn with(
        self,
        operator: impl Into<String>,
        key: impl Into<String>,
        value: impl Into<ConditionValue>,
    ) -> Self {
        self.entry(operator.into(), key.into(), OneOrMany::One(value.into()))
    }

    /// Adds `key: [values]` (an array, even of one value) under `operator`, as
    /// [`Condition::with`] does.
    #[must_use]
    pub fn with_values<V: Into<ConditionValue>>(
        self,
        operator: impl Into<String>,
        key: impl Into<String>,
        values: impl IntoIterator<Item = V>,
    ) -> Self {
        let values = values.into_iter().map(Into::into).collect();
        self.entry(operator.into(), key.into(), OneOrMany::Many(values))
    }

    fn entry(mut self, operator: String, key: String, value: OneOrMany<ConditionValue>) -> Self {
        match self.0.iter_mut().find(|block| block.operator == operator) {
            Some(block) => ordered::insert(&mut block.entries, key, value),
            None => self.0.push(ConditionBlock {
                operator,
                entries: vec![(key, value)],
            }),
        }
        self
    }
}

impl From<&str> for ConditionValue {
    fn from(s: &str) -> Self {
        ConditionValue::String(s.to_owned())
    }
}

impl From<String> for ConditionValue {
    fn from(s: String) -> Self {
        ConditionValue::String(s)
    }
}

impl From<bool> for ConditionValue {
    fn from(b: bool) -> Self {
        ConditionValue::Bool(b)
    }
}

impl From<Number> for ConditionValue {
    fn from(n: Number) -> Self {
        ConditionValue::Number(n)
    }
}

impl From<i64> for ConditionValue {
    fn from(n: i64) -> Self {
        ConditionValue::Number(n.into())
    }
}

impl From<u64> for ConditionValue {
    fn from(n: u64) -> Self {
        ConditionValue::Number(n.into())
    }
}

// Serde, written by hand rather than derived so that a crate using `iam-policy` does not
// build `serde_derive`: the JSON shapes and the error messages of the derives they
// replace (`deny_unknown_fields` structs, an externally tagged `Effect`, untagged
// `OneOrMany` and `ConditionValue`).

/// The elements of a document, in AWS's order (the engine's grammar).
const DOCUMENT_FIELDS: &[&str] = iam_catalog::check::structure::POLICY_ELEMENTS;
/// The elements of a statement, in AWS's order (the engine's grammar).
const STATEMENT_FIELDS: &[&str] = iam_catalog::check::structure::STATEMENT_ELEMENTS;
/// The names of [`Effect`]'s variants.
const EFFECTS: &[&str] = &["Allow", "Deny"];

/// Writes an optional element, skipping it when absent.
fn optional<S: SerializeStruct, T: Serialize>(
    out: &mut S,
    name: &'static str,
    value: Option<&T>,
) -> Result<(), S::Error> {
    match value {
        Some(value) => out.serialize_field(name, value),
        None => out.skip_field(name),
    }
}

/// Reads the value of element `name` into `slot`; a second one is an error.
fn once<'de, A: MapAccess<'de>, T: Deserialize<'de>>(
    map: &mut A,
    slot: &mut Option<T>,
    name: &'static str,
) -> Result<(), A::Error> {
    if slot.is_some() {
        return Err(de::Error::duplicate_field(name));
    }
    *slot = Some(map.next_value()?);
    Ok(())
}

impl Serialize for Document {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let len = usize::from(self.version.is_some()) + usize::from(self.id.is_some()) + 1;
        let mut out = serializer.serialize_struct("Document", len)?;
        optional(&mut out, "Version", self.version.as_ref())?;
        optional(&mut out, "Id", self.id.as_ref())?;
        out.serialize_field("Statement", &self.statement)?;
        out.end()
    }
}

impl<'de> Deserialize<'de> for Document {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct DocumentVisitor;
        impl<'de> Visitor<'de> for DocumentVisitor {
            type Value = Document;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("struct Document")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Document, A::Error> {
                let (mut version, mut id, mut statement) = (None, None, None);
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "Version" => once(&mut map, &mut version, "Version")?,
                        "Id" => once(&mut map, &mut id, "Id")?,
                        "Statement" => once(&mut map, &mut statement, "Statement")?,
                        other => return Err(de::Error::unknown_field(other, DOCUMENT_FIELDS)),
                    }
                }
                Ok(Document {
                    version: version.flatten(),
                    id: id.flatten(),
                    statement: statement.ok_or_else(|| de::Error::missing_field("Statement"))?,
                })
            }
        }
        deserializer.deserialize_struct("Document", DOCUMENT_FIELDS, DocumentVisitor)
    }
}

impl Serialize for Statement {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let len = 1 + [
            self.sid.is_some(),
            self.principal.is_some(),
            self.not_principal.is_some(),
            self.action.is_some(),
            self.not_action.is_some(),
            self.resource.is_some(),
            self.not_resource.is_some(),
            self.condition.is_some(),
        ]
        .into_iter()
        .filter(|present| *present)
        .count();
        let mut out = serializer.serialize_struct("Statement", len)?;
        optional(&mut out, "Sid", self.sid.as_ref())?;
        out.serialize_field("Effect", &self.effect)?;
        optional(&mut out, "Principal", self.principal.as_ref())?;
        optional(&mut out, "NotPrincipal", self.not_principal.as_ref())?;
        optional(&mut out, "Action", self.action.as_ref())?;
        optional(&mut out, "NotAction", self.not_action.as_ref())?;
        optional(&mut out, "Resource", self.resource.as_ref())?;
        optional(&mut out, "NotResource", self.not_resource.as_ref())?;
        optional(&mut out, "Condition", self.condition.as_ref())?;
        out.end()
    }
}

impl<'de> Deserialize<'de> for Statement {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct StatementVisitor;
        impl<'de> Visitor<'de> for StatementVisitor {
            type Value = Statement;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("struct Statement")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Statement, A::Error> {
                let (mut sid, mut effect, mut principal, mut not_principal) =
                    (None, None, None, None);
                let (mut action, mut not_action, mut resource, mut not_resource) =
                    (None, None, None, None);
                let mut condition = None;
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "Sid" => once(&mut map, &mut sid, "Sid")?,
                        "Effect" => once(&mut map, &mut effect, "Effect")?,
                        "Principal" => once(&mut map, &mut principal, "Principal")?,
                        "NotPrincipal" => once(&mut map, &mut not_principal, "NotPrincipal")?,
                        "Action" => once(&mut map, &mut action, "Action")?,
                        "NotAction" => once(&mut map, &mut not_action, "NotAction")?,
                        "Resource" => once(&mut map, &mut resource, "Resource")?,
                        "NotResource" => once(&mut map, &mut not_resource, "NotResource")?,
                        "Condition" => once(&mut map, &mut condition, "Condition")?,
                        other => return Err(de::Error::unknown_field(other, STATEMENT_FIELDS)),
                    }
                }
                Ok(Statement {
                    sid: sid.flatten(),
                    effect: effect.ok_or_else(|| de::Error::missing_field("Effect"))?,
                    principal: principal.flatten(),
                    not_principal: not_principal.flatten(),
                    action: action.flatten(),
                    not_action: not_action.flatten(),
                    resource: resource.flatten(),
                    not_resource: not_resource.flatten(),
                    condition: condition.flatten(),
                })
            }
        }
        deserializer.deserialize_struct("Statement", STATEMENT_FIELDS, StatementVisitor)
    }
}

impl Effect {
    fn name(self) -> &'static str {
        match self {
            Effect::Allow => "Allow",
            Effect::Deny => "Deny",
        }
    }
}

impl Serialize for Effect {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_unit_variant("Effect", *self as u32, self.name())
    }
}

impl<'de> Deserialize<'de> for Effect {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        /// The variant's name, as an identifier.
        struct Name(Effect);
        impl<'de> Deserialize<'de> for Name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct NameVisitor;
                impl Visitor<'_> for NameVisitor {
                    type Value = Name;

                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str("variant identifier")
                    }

                    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Name, E> {
                        match v {
                            0 => Ok(Name(Effect::Allow)),
                            1 => Ok(Name(Effect::Deny)),
                            _ => Err(E::invalid_value(
                                de::Unexpected::Unsigned(v),
                                &"variant index 0 <= i < 2",
                            )),
                        }
                    }

                    fn visit_str<E: de::Error>(self, v: &str) -> Result<Name, E> {
                        match v {
                            "Allow" => Ok(Name(Effect::Allow)),
                            "Deny" => Ok(Name(Effect::Deny)),
                            _ => Err(E::unknown_variant(v, EFFECTS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(NameVisitor)
            }
        }

        struct EffectVisitor;
        impl<'de> Visitor<'de> for EffectVisitor {
            type Value = Effect;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("enum Effect")
            }

            fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<Effect, A::Error> {
                let (Name(effect), variant) = data.variant()?;
                variant.unit_variant()?;
                Ok(effect)
            }
        }
        deserializer.deserialize_enum("Effect", EFFECTS, EffectVisitor)
    }
}

/// The error of an untagged enum that no variant reads, as the derive words it.
fn untagged<E: de::Error>(name: &str) -> E {
    E::custom(format_args!(
        "data did not match any variant of untagged enum {name}"
    ))
}

impl<T: Serialize> Serialize for OneOrMany<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            OneOrMany::One(value) => value.serialize(serializer),
            OneOrMany::Many(values) => values.serialize(serializer),
        }
    }
}

/// An array is [`OneOrMany::Many`]; any other value is [`OneOrMany::One`] (`T` is never an
/// array here: a string, a statement, a condition value).
impl<'de, T: Deserialize<'de>> Deserialize<'de> for OneOrMany<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct OneOrManyVisitor<T>(PhantomData<T>);

        impl<'de, T: Deserialize<'de>> OneOrManyVisitor<T> {
            fn one<E: de::Error, D: Deserializer<'de, Error = E>>(
                value: D,
            ) -> Result<OneOrMany<T>, E> {
                T::deserialize(value)
                    .map(OneOrMany::One)
                    .map_err(|_| untagged("OneOrMany"))
            }
        }

        impl<'de, T: Deserialize<'de>> Visitor<'de> for OneOrManyVisitor<T> {
            type Value = OneOrMany<T>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a value or an array of values")
            }

            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
                Self::one(BoolDeserializer::new(v))
            }

            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
                Self::one(I64Deserializer::new(v))
            }

            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
                Self::one(U64Deserializer::new(v))
            }

            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
                Self::one(F64Deserializer::new(v))
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Self::one(StrDeserializer::new(v))
            }

            fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
                Self::one(StringDeserializer::new(v))
            }

            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Self::one(de::value::UnitDeserializer::new())
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                Self::one(MapAccessDeserializer::new(map))
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut values = Vec::new();
                loop {
                    match seq.next_element() {
                        Ok(Some(value)) => values.push(value),
                        Ok(None) => return Ok(OneOrMany::Many(values)),
                        Err(_) => return Err(untagged("OneOrMany")),
                    }
                }
            }
        }

        deserializer.deserialize_any(OneOrManyVisitor(PhantomData))
    }
}

impl<'de> Deserialize<'de> for Principal {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct PrincipalVisitor;

        impl PrincipalVisitor {
            fn other<E: de::Error>(value: &Ordered) -> E {
                ordered::unexpected("a principal is `*` or an object", value)
            }
        }

        impl<'de> Visitor<'de> for PrincipalVisitor {
            type Value = Principal;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("`*` or an object of principals")
            }

            fn visit_str<E: de::Error>(self, s: &str) -> Result<Principal, E> {
                if s == "*" {
                    Ok(Principal::Any)
                } else {
                    Err(E::custom(format!(
                        "a principal string must be `*`, not `{s}`"
                    )))
                }
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Principal, A::Error> {
                let mut entries: Vec<(PrincipalKind, OneOrMany<String>)> = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    let kind = PrincipalKind::from_name(&key).ok_or_else(|| {
                        de::Error::custom(format!(
                            "unknown principal kind `{key}` (expected one of `{}`)",
                            iam_catalog::PRINCIPAL_KINDS.join("`, `")
                        ))
                    })?;
                    let values = map.next_value()?;
                    // A repeated kind keeps its first place and takes the last value.
                    match entries.iter_mut().find(|(k, _)| *k == kind) {
                        Some(entry) => entry.1 = values,
                        None => entries.push((kind, values)),
                    }
                }
                Ok(Principal::Map(entries))
            }

            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Principal, E> {
                Err(Self::other(&Ordered::Bool(v)))
            }

            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Principal, E> {
                Err(Self::other(&Ordered::Number(v.into())))
            }

            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Principal, E> {
                Err(Self::other(&Ordered::Number(v.into())))
            }

            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Principal, E> {
                let value = Number::from_f64(v).map_or(Ordered::Null, Ordered::Number);
                Err(Self::other(&value))
            }

            fn visit_unit<E: de::Error>(self) -> Result<Principal, E> {
                Err(Self::other(&Ordered::Null))
            }

            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Principal, A::Error> {
                let value = Ordered::deserialize(SeqAccessDeserializer::new(seq))?;
                Err(Self::other(&value))
            }
        }

        deserializer.deserialize_any(PrincipalVisitor)
    }
}

impl Serialize for ConditionValue {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            ConditionValue::String(s) => serializer.serialize_str(s),
            ConditionValue::Bool(b) => serializer.serialize_bool(*b),
            ConditionValue::Number(n) => n.serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for ConditionValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ConditionValueVisitor;

        impl<'de> Visitor<'de> for ConditionValueVisitor {
            type Value = ConditionValue;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string, a boolean or a number")
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<ConditionValue, E> {
                Ok(ConditionValue::String(v.to_owned()))
            }

            fn visit_string<E: de::Error>(self, v: String) -> Result<ConditionValue, E> {
                Ok(ConditionValue::String(v))
            }

            fn visit_bool<E: de::Error>(self, v: bool) -> Result<ConditionValue, E> {
                Ok(ConditionValue::Bool(v))
            }

            fn visit_i64<E: de::Error>(self, v: i64) -> Result<ConditionValue, E> {
                Ok(ConditionValue::Number(v.into()))
            }

            fn visit_u64<E: de::Error>(self, v: u64) -> Result<ConditionValue, E> {
                Ok(ConditionValue::Number(v.into()))
            }

            fn visit_f64<E: de::Error>(self, v: f64) -> Result<ConditionValue, E> {
                Number::from_f64(v)
                    .map(ConditionValue::Number)
                    .ok_or_else(|| untagged("ConditionValue"))
            }

            fn visit_unit<E: de::Error>(self) -> Result<ConditionValue, E> {
                Err(untagged("ConditionValue"))
            }

            fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> Result<ConditionValue, A::Error> {
                Err(untagged("ConditionValue"))
            }

            fn visit_map<A: MapAccess<'de>>(self, _: A) -> Result<ConditionValue, A::Error> {
                Err(untagged("ConditionValue"))
            }
        }

        deserializer.deserialize_any(ConditionValueVisitor)
    }
}

impl Serialize for Condition {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        struct Entries<'a>(&'a [(String, OneOrMany<ConditionValue>)]);
        impl Serialize for Entries<'_> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let mut map = serializer.serialize_map(Some(self.0.len()))?;
                for (key, value) in self.0 {
                    map.serialize_entry(key, value)?;
                }
                map.end()
            }
        }
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for block in &self.0 {
            map.serialize_entry(&block.operator, &Entries(&block.entries))?;
        }
        map.end()
    }
}

/// Operators and keys in source order; a repeated one keeps its first place and takes the
/// last value.
impl<'de> Deserialize<'de> for Condition {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        type Entries = Vec<(String, OneOrMany<ConditionValue>)>;

        /// The keys of one operator, which names it in its error.
        struct Keys<'a> {
            operator: &'a str,
        }

        impl Keys<'_> {
            fn not_an_object<E: de::Error>(&self) -> E {
                E::custom(format!(
                    "the value of condition operator `{}` is an object",
                    self.operator
                ))
            }
        }

        impl<'de> DeserializeSeed<'de> for Keys<'_> {
            type Value = Entries;

            fn deserialize<D: Deserializer<'de>>(
                self,
                deserializer: D,
            ) -> Result<Entries, D::Error> {
                deserializer.deserialize_any(self)
            }
        }

        impl<'de> Visitor<'de> for Keys<'_> {
            type Value = Entries;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object of condition keys")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Entries, A::Error> {
                let mut entries = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    let value = map.next_value()?;
                    ordered::insert(&mut entries, key, value);
                }
                Ok(entries)
            }

            fn visit_bool<E: de::Error>(self, _: bool) -> Result<Entries, E> {
                Err(self.not_an_object())
            }

            fn visit_i64<E: de::Error>(self, _: i64) -> Result<Entries, E> {
                Err(self.not_an_object())
            }

            fn visit_u64<E: de::Error>(self, _: u64) -> Result<Entries, E> {
                Err(self.not_an_object())
            }

            fn visit_f64<E: de::Error>(self, _: f64) -> Result<Entries, E> {
                Err(self.not_an_object())
            }

            fn visit_str<E: de::Error>(self, _: &str) -> Result<Entries, E> {
                Err(self.not_an_object())
            }

            fn visit_unit<E: de::Error>(self) -> Result<Entries, E> {
                Err(self.not_an_object())
            }

            fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> Result<Entries, A::Error> {
                Err(self.not_an_object())
            }
        }

        struct ConditionVisitor;

        impl<'de> Visitor<'de> for ConditionVisitor {
            type Value = Condition;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a map")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Condition, A::Error> {
                let mut blocks: Vec<(String, Entries)> = Vec::new();
                while let Some(operator) = map.next_key::<String>()? {
                    let entries = map.next_value_seed(Keys {
                        operator: &operator,
                    })?;
                    ordered::insert(&mut blocks, operator, entries);
                }
                Ok(Condition(
                    blocks
                        .into_iter()
                        .map(|(operator, entries)| ConditionBlock { operator, entries })
                        .collect(),
                ))
            }
        }

        deserializer.deserialize_map(ConditionVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shape_and_order_survive_a_round_trip() {
        let text = r#"{"Statement":[{"Condition":{"StringEquals":{"b":"1","a":["x"]},"Bool":{"aws:SecureTransport":true},"NumericLessThan":{"n":3600}},"Resource":["*"],"Action":"s3:GetObject","Effect":"Allow"}],"Version":"2012-10-17"}"#;
        let doc: Document = serde_json::from_str(text).unwrap();
        let out = serde_json::to_string(&doc).unwrap();
        assert_eq!(
            out,
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":["*"],"Condition":{"StringEquals":{"b":"1","a":["x"]},"Bool":{"aws:SecureTransport":true},"NumericLessThan":{"n":3600}}}]}"#
        );
        let again: Document = serde_json::from_str(&out).unwrap();
        assert_eq!(again, doc);
    }

    #[test]
    fn principals() {
        let doc: Document = serde_json::from_str(
            r#"{"Statement":{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com","AWS":["arn:aws:iam::123456789012:root"]},"Action":"sts:AssumeRole"}}"#,
        )
        .unwrap();
        let principal = doc.statements()[0].principal.as_ref().unwrap();
        assert_eq!(
            principal,
            &Principal::Map(vec![
                (
                    PrincipalKind::Service,
                    OneOrMany::One("lambda.amazonaws.com".into())
                ),
                (
                    PrincipalKind::Aws,
                    OneOrMany::Many(vec!["arn:aws:iam::123456789012:root".into()])
                ),
            ])
        );
        let any: Principal = serde_json::from_str(r#""*""#).unwrap();
        assert_eq!(any, Principal::Any);
        assert!(serde_json::from_str::<Principal>(r#""x""#).is_err());
        assert!(serde_json::from_str::<Principal>(r#"{"Aws":"x"}"#).is_err());
    }

    #[test]
    fn principal_kinds_are_the_engines() {
        let names: Vec<&str> = PrincipalKind::ALL.iter().map(|k| k.as_str()).collect();
        assert_eq!(names, iam_catalog::PRINCIPAL_KINDS);
        for kind in PrincipalKind::ALL {
            assert_eq!(PrincipalKind::from_name(kind.as_str()), Some(kind));
        }
    }

    #[test]
    fn unknown_elements_are_errors() {
        let err = serde_json::from_str::<Document>(r#"{"Statment":[]}"#).unwrap_err();
        assert!(
            err.to_string().contains("unknown field `Statment`"),
            "{err}"
        );
        assert!(serde_json::from_str::<Document>(r#"{"Statement":{"Effect":"Maybe"}}"#).is_err());
    }

    /// The message of a `serde_json` error, without its position.
    fn message(error: &serde_json::Error) -> String {
        let text = error.to_string();
        text.rsplit_once(" at line ")
            .map_or(text.clone(), |(message, _)| message.to_owned())
    }

    fn document_error(text: &str) -> String {
        message(&serde_json::from_str::<Document>(text).unwrap_err())
    }

    /// The hand-written impls say what the derives they replace said.
    #[test]
    fn errors_say_what_the_derives_said() {
        for (text, expected) in [
            (
                r#"{"Statment":[]}"#,
                "unknown field `Statment`, expected one of `Version`, `Id`, `Statement`",
            ),
            (r#"{"Version":"2012-10-17"}"#, "missing field `Statement`"),
            (
                r#"{"Version":"2012-10-17","Version":"2008-10-17","Statement":[]}"#,
                "duplicate field `Version`",
            ),
            (
                r#"{"Version":5,"Statement":[]}"#,
                "invalid type: integer `5`, expected a string",
            ),
            (
                r#""x""#,
                r#"invalid type: string "x", expected struct Document"#,
            ),
            (
                r#"{"Statement":[{"Effect":"Allow"},{"Effect":"Maybe"}]}"#,
                "data did not match any variant of untagged enum OneOrMany",
            ),
            (
                r#"{"Statement":{"Effect":"Allow","Action":["a",5]}}"#,
                "data did not match any variant of untagged enum OneOrMany",
            ),
        ] {
            assert_eq!(document_error(text), expected, "{text}");
        }
        let statement = |text: &str| message(&serde_json::from_str::<Statement>(text).unwrap_err());
        for (text, expected) in [
            (
                r#"{"Effect":"Allow","Condition":{"StringEquals":"x"}}"#,
                "the value of condition operator `StringEquals` is an object",
            ),
            (
                r#"{"Effect":"Allow","Condition":["x"]}"#,
                "invalid type: sequence, expected a map",
            ),
            (
                r#"{"Effect":"Allow","Principal":{"Aws":"x"}}"#,
                "unknown principal kind `Aws` (expected one of `AWS`, `Service`, `Federated`, `CanonicalUser`)",
            ),
            (
                r#"{"Effect":"Allow","Principal":[1,{"b":1,"a":2}]}"#,
                r#"a principal is `*` or an object, not [1,{"b":1,"a":2}]"#,
            ),
        ] {
            assert_eq!(statement(text), expected, "{text}");
        }
        assert_eq!(statement(r#"{"Action":"a"}"#), "missing field `Effect`");
        assert_eq!(
            statement(r#"{"Effect":"Allow","Effect":"Deny"}"#),
            "duplicate field `Effect`"
        );
        assert_eq!(
            statement(r#"{"Effect":"allow"}"#),
            "unknown variant `allow`, expected `Allow` or `Deny`"
        );
        assert_eq!(
            statement(r#"{"Effect":"Allow","Pricipal":"*"}"#),
            "unknown field `Pricipal`, expected one of `Sid`, `Effect`, `Principal`, `NotPrincipal`, `Action`, `NotAction`, `Resource`, `NotResource`, `Condition`"
        );
        for text in ["null", "[]", "{}"] {
            let error = serde_json::from_str::<ConditionValue>(text).unwrap_err();
            assert_eq!(
                message(&error),
                "data did not match any variant of untagged enum ConditionValue",
                "{text}"
            );
        }
    }

    /// Members are read in source order whether or not `serde_json`'s `preserve_order` is
    /// on (the crate does not turn it on), and a repeated one keeps its first place and
    /// takes the last value, as a `serde_json::Value` with `preserve_order` does.
    #[test]
    fn members_keep_source_order_without_preserve_order() {
        let text = r#"{"Statement":{"Effect":"Allow","Principal":{"Service":"s","AWS":"a","Service":["t"]},"Condition":{"StringLike":{"z":"1","a":"2","z":"3"},"Bool":{"k":true},"StringLike":{"y":"4","b":"5"}}}}"#;
        let doc: Document = serde_json::from_str(text).unwrap();
        assert_eq!(
            serde_json::to_string(&doc).unwrap(),
            r#"{"Statement":{"Effect":"Allow","Principal":{"Service":["t"],"AWS":"a"},"Condition":{"StringLike":{"y":"4","b":"5"},"Bool":{"k":true}}}}"#
        );
        let one = r#"{"Version":"2012-10-17","Id":"x","Statement":{"Sid":"s","Effect":"Deny","NotPrincipal":"*","NotAction":"a","NotResource":["r"],"Condition":{"NumericLessThan":{"n":[1,-2,2.5]}}}}"#;
        let doc: Document = serde_json::from_str(one).unwrap();
        assert_eq!(serde_json::to_string(&doc).unwrap(), one);
    }
}

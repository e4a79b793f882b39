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

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};

/// A policy document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// `Version`: `2012-10-17` or `2008-10-17`.
    #[serde(rename = "Version", default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// `Id`.
    #[serde(rename = "Id", default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// `Statement`: one statement object or an array of them.
    #[serde(rename = "Statement")]
    pub statement: OneOrMany<Statement>,
}

impl Document {
    /// The statements, whether written as one object or an array.
    pub fn statements(&self) -> &[Statement] {
        self.statement.as_slice()
    }
}

/// A value written either alone or as an array.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Effect {
    /// `Allow`.
    Allow,
    /// `Deny`.
    Deny,
}

/// One statement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Statement {
    /// `Sid`.
    #[serde(rename = "Sid", default, skip_serializing_if = "Option::is_none")]
    pub sid: Option<String>,
    /// `Effect`.
    #[serde(rename = "Effect")]
    pub effect: Effect,
    /// `Principal`.
    #[serde(rename = "Principal", default, skip_serializing_if = "Option::is_none")]
    pub principal: Option<Principal>,
    /// `NotPrincipal`.
    #[serde(
        rename = "NotPrincipal",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub not_principal: Option<Principal>,
    /// `Action`.
    #[serde(rename = "Action", default, skip_serializing_if = "Option::is_none")]
    pub action: Option<OneOrMany<String>>,
    /// `NotAction`.
    #[serde(rename = "NotAction", default, skip_serializing_if = "Option::is_none")]
    pub not_action: Option<OneOrMany<String>>,
    /// `Resource`.
    #[serde(rename = "Resource", default, skip_serializing_if = "Option::is_none")]
    pub resource: Option<OneOrMany<String>>,
    /// `NotResource`.
    #[serde(
        rename = "NotResource",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub not_resource: Option<OneOrMany<String>>,
    /// `Condition`.
    #[serde(rename = "Condition", default, skip_serializing_if = "Option::is_none")]
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
                use serde::ser::SerializeMap;
                let mut map = serializer.serialize_map(Some(entries.len()))?;
                for (kind, values) in entries {
                    map.serialize_entry(kind.as_str(), values)?;
                }
                map.end()
            }
        }
    }
}

impl<'de> Deserialize<'de> for Principal {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match Value::deserialize(deserializer)? {
            Value::String(s) if s == "*" => Ok(Principal::Any),
            Value::String(s) => Err(D::Error::custom(format!(
                "a principal string must be `*`, not `{s}`"
            ))),
            Value::Object(map) => map
                .into_iter()
                .map(|(key, value)| {
                    let kind = PrincipalKind::from_name(&key).ok_or_else(|| {
                        D::Error::custom(format!(
                            "unknown principal kind `{key}` (expected one of `{}`)",
                            iam_catalog::PRINCIPAL_KINDS.join("`, `")
                        ))
                    })?;
                    let values =
                        OneOrMany::<String>::deserialize(value).map_err(D::Error::custom)?;
                    Ok((kind, values))
                })
                .collect::<Result<_, _>>()
                .map(Principal::Map),
            other => Err(D::Error::custom(format!(
                "a principal is `*` or an object, not {other}"
            ))),
        }
    }
}

/// A condition value: strings, booleans and numbers keep their JSON type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum ConditionValue {
    /// A string (`"10.0.0.0/8"`, `"true"`).
    String(String),
    /// A JSON boolean.
    Bool(bool),
    /// A JSON number, as written.
    Number(serde_json::Number),
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

impl Serialize for Condition {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
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

impl<'de> Deserialize<'de> for Condition {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let operators = Map::<String, Value>::deserialize(deserializer)?;
        operators
            .into_iter()
            .map(|(operator, keys)| {
                let Value::Object(keys) = keys else {
                    return Err(D::Error::custom(format!(
                        "the value of condition operator `{operator}` is an object"
                    )));
                };
                let entries = keys
                    .into_iter()
                    .map(|(key, value)| {
                        OneOrMany::<ConditionValue>::deserialize(value)
                            .map(|v| (key, v))
                            .map_err(D::Error::custom)
                    })
                    .collect::<Result<_, _>>()?;
                Ok(ConditionBlock { operator, entries })
            })
            .collect::<Result<_, _>>()
            .map(Condition)
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
}

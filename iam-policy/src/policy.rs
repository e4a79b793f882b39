//! [`Policy`]: a policy document with its type, as the macro builds it and as JSON reads.

use std::borrow::Cow;
use std::fmt;

use iam_catalog::PolicyKind;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::document::Document;
use crate::validate::{Diagnostic, validate};

/// A policy document and its type.
///
/// It holds the document's canonical JSON: minified, in AWS's element order. A policy
/// from [`policy!`](crate::policy) without inserted values is built at compile time, so
/// [`Policy::to_json`] only copies that text out; [`Policy::document`] gives the typed
/// model.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Policy {
    kind: PolicyKind,
    json: Cow<'static, str>,
}

/// Why a text could not be read as a policy document.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message} at line {line}, column {column}")]
#[non_exhaustive]
pub struct ParseError {
    /// What is wrong.
    pub message: String,
    /// 1-based line of the error.
    pub line: usize,
    /// 1-based column of the error.
    pub column: usize,
}

impl Policy {
    pub(crate) const fn from_static(kind: PolicyKind, json: &'static str) -> Self {
        Self {
            kind,
            json: Cow::Borrowed(json),
        }
    }

    pub(crate) fn from_owned(kind: PolicyKind, json: String) -> Self {
        Self {
            kind,
            json: Cow::Owned(json),
        }
    }

    /// Reads an identity policy from JSON. The document must be well-formed (the policy
    /// grammar's elements with the right JSON types); whether it is *valid* is for
    /// [`Policy::validate`].
    ///
    /// ```
    /// let policy = iam_policy::Policy::from_json(r#"{
    ///     "Version": "2012-10-17",
    ///     "Statement": {"Action": "s3:ListAllMyBuckets", "Resource": "*", "Effect": "Allow"}
    /// }"#)?;
    /// assert_eq!(
    ///     policy.to_json(),
    ///     r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:ListAllMyBuckets","Resource":"*"}}"#
    /// );
    /// # Ok::<(), iam_policy::ParseError>(())
    /// ```
    pub fn from_json(text: &str) -> Result<Self, ParseError> {
        Self::from_json_with_kind(text, PolicyKind::Identity)
    }

    /// Reads a policy of type `kind` from JSON.
    pub fn from_json_with_kind(text: &str, kind: PolicyKind) -> Result<Self, ParseError> {
        let document: Document = serde_json::from_str(text).map_err(|e| ParseError {
            message: strip_position(&e.to_string()),
            line: e.line(),
            column: e.column(),
        })?;
        Ok(Self::from_document(&document, kind))
    }

    /// A policy of type `kind` from the typed model.
    pub fn from_document(document: &Document, kind: PolicyKind) -> Self {
        // Serializing these types cannot fail: every map key is a string.
        let json = serde_json::to_string(document).unwrap_or_default();
        Self::from_owned(kind, json)
    }

    /// The policy's type.
    pub fn kind(&self) -> PolicyKind {
        self.kind
    }

    /// The same document as a policy of another type.
    #[must_use]
    pub fn with_kind(mut self, kind: PolicyKind) -> Self {
        self.kind = kind;
        self
    }

    /// The JSON document, minified, in AWS's element order.
    pub fn to_json(&self) -> String {
        self.json.as_ref().to_owned()
    }

    /// The JSON document, minified, without copying it.
    pub fn as_json(&self) -> &str {
        &self.json
    }

    /// The JSON document, indented by two spaces, in the same order.
    pub fn to_json_pretty(&self) -> String {
        match serde_json::from_str::<serde_json::Value>(&self.json) {
            Ok(value) => serde_json::to_string_pretty(&value).unwrap_or_else(|_| self.to_json()),
            Err(_) => self.to_json(),
        }
    }

    /// The typed model of the document. `None` only for a document built with run-time
    /// values (`{var}`, `(expr)`) that made it malformed — [`Policy::validate`] says how.
    pub fn document(&self) -> Option<Document> {
        serde_json::from_str(&self.json).ok()
    }

    /// Checks the policy as a policy of type `kind` with the engine (the same checks
    /// `policy!` runs at compile time, here with the run-time values in place). Locations
    /// point into [`Policy::to_json_pretty`]. `policy.validate(policy.kind())` checks it
    /// as the type it was written as.
    ///
    /// ```
    /// use iam_policy::{policy, Code, PolicyKind};
    ///
    /// let doc = policy!({
    ///     "Version": "2012-10-17",
    ///     "Statement": [{"Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "*"}]
    /// });
    /// assert!(doc.validate(PolicyKind::Identity).is_empty());
    /// // A resource policy needs a `Principal`.
    /// let findings = doc.validate(PolicyKind::Resource);
    /// assert_eq!(findings[0].code, Code::MissingPrincipal);
    /// ```
    pub fn validate(&self, kind: PolicyKind) -> Vec<Diagnostic> {
        validate(&self.to_json_pretty(), kind)
    }
}

/// `serde_json` appends " at line L column C" to its messages; the position is in fields.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(at) => message.get(..at).unwrap_or(message).to_owned(),
        None => message.to_owned(),
    }
}

impl fmt::Debug for Policy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Policy")
            .field("kind", &self.kind)
            .field("json", &self.json.as_ref())
            .finish()
    }
}

/// The minified JSON.
impl fmt::Display for Policy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.json)
    }
}

/// Serializes the document (not its type).
impl Serialize for Policy {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.document() {
            Some(document) => document.serialize(serializer),
            None => Err(serde::ser::Error::custom(
                "the policy's run-time values made its document malformed",
            )),
        }
    }
}

/// Deserializes a document as an identity policy.
impl<'de> Deserialize<'de> for Policy {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let document = Document::deserialize(deserializer)?;
        Ok(Self::from_document(&document, PolicyKind::Identity))
    }
}

//! [`Policy`]: a policy document with its type, as the macro builds it and as JSON reads.

use std::borrow::Cow;
use std::fmt;

use iam_catalog::PolicyKind;
use iam_catalog::view::{Chunk, json_chunks};
use serde_core::{Deserialize, Deserializer, Serialize, Serializer};

use crate::document::Document;
use crate::json::{self, SyntaxError};
use crate::ordered::Ordered;
use crate::validate::{Diagnostic, validate};

/// A policy document and its type.
///
/// It holds the document's canonical JSON: minified, in AWS's element order. A policy
/// from `policy!` without inserted values is built at compile time, so
/// [`Policy::to_json`] only copies that text out; [`Policy::document`] gives the typed
/// model.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Policy {
    kind: PolicyKind,
    json: Cow<'static, str>,
}

/// Why a text could not be read as a policy: it is not JSON. Where the JSON went wrong;
/// what is wrong with a policy that is JSON is for [`Policy::validate`] to say.
#[derive(Debug, Clone, PartialEq, Eq)]
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

    /// Reads an identity policy from JSON.
    ///
    /// It reads JSON and nothing more: any JSON text is accepted, and judging the policy
    /// is the engine's, through [`Policy::validate`], which reports every problem at once
    /// with its stable [`Code`](crate::Code), location and help (an unknown element, a
    /// missing `Effect`, a principal kind AWS does not have). One judge gives one answer:
    /// a second, stricter reading here would refuse with other words than the engine's,
    /// and stop at the first problem. The JSON is written minified in AWS's element order
    /// by the engine's writer (`iam_catalog::view::json_chunks`, the one `policy!` uses).
    /// The error is a JSON syntax error, located by line and column.
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
        let root = json::read(text).map_err(ParseError::from)?;
        let text: String = json_chunks(&root)
            .into_iter()
            .map(|chunk| match chunk {
                Chunk::Json(text) => text,
                // Parsed JSON holds no run-time values.
                Chunk::Insert(_) | Chunk::Value(_) => String::new(),
            })
            .collect();
        Ok(Self::from_owned(kind, text))
    }

    /// A policy of type `kind` from the typed model.
    pub fn from_document(document: &Document, kind: PolicyKind) -> Self {
        // Serializing these types cannot fail: every map key is a string.
        let json = Ordered::of(document)
            .map(|value| value.to_json())
            .unwrap_or_default();
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
        match Ordered::parse(&self.json) {
            Ok(value) => value.to_json_pretty(),
            Err(_) => self.to_json(),
        }
    }

    /// The typed model of the document. `None` for a document the model cannot hold (an
    /// unknown element, a missing `Effect`, ...: read by [`Policy::from_json`], or made so
    /// by run-time values) — [`Policy::validate`] says how.
    pub fn document(&self) -> Option<Document> {
        crate::de::from_json(&self.json).ok()
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

    /// What this policy grants that `old` does not: each grant of this policy (action ×
    /// resource pattern, with its principal and condition) that `old` does not contain,
    /// proved new or undecided with the reason (see [`iam_catalog::grants`] for the
    /// rules: actions compare by the catalog's expansion, resources by pattern inclusion,
    /// conditions exactly).
    ///
    /// ```
    /// use iam_policy::policy;
    ///
    /// let old = policy!({
    ///     "Version": "2012-10-17",
    ///     "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*"}]
    /// });
    /// let new = policy!({
    ///     "Version": "2012-10-17",
    ///     "Statement": [{"Effect": "Allow", "Action": "s3:Get*", "Resource": "arn:aws:s3:::reports/*"}]
    /// });
    /// let diff = new.diff(&old);
    /// assert!(diff.grants_new());
    /// assert!(diff.changes[0].actions.contains(&"s3:GetObjectAcl".to_owned()));
    /// assert!(!old.grants_more_than(&new));
    /// ```
    pub fn diff(&self, old: &Policy) -> iam_catalog::grants::Diff {
        match (crate::json::read(&old.json), crate::json::read(&self.json)) {
            (Ok(old), Ok(new)) => iam_catalog::grants::diff(&old, &new),
            // A `Policy` holds valid JSON; should it not, nothing is proved contained.
            _ => iam_catalog::grants::Diff {
                changes: vec![iam_catalog::grants::Change {
                    actions: Vec::new(),
                    resources: iam_catalog::grants::Resources::Pattern("*".to_owned()),
                    principal: None,
                    condition: None,
                    verdict: iam_catalog::grants::Verdict::Undecided(
                        "a document is not valid JSON".to_owned(),
                    ),
                }],
            },
        }
    }

    /// Whether this policy may grant something `other` does not: a grant proved new, or
    /// one whose containment could not be decided (so a CI gate built on it fails
    /// closed). [`Policy::diff`] says which.
    pub fn grants_more_than(&self, other: &Policy) -> bool {
        self.diff(other).may_grant_more()
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} at line {}, column {}",
            self.message, self.line, self.column
        )
    }
}

impl std::error::Error for ParseError {}

impl From<SyntaxError> for ParseError {
    fn from(error: SyntaxError) -> Self {
        ParseError {
            message: error.message,
            line: error.loc.line,
            column: error.loc.column,
        }
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

/// Serializes the document (not its type), in its element order.
impl Serialize for Policy {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Ordered::parse(&self.json)
            .map_err(|error| serde_core::ser::Error::custom(ParseError::from(error)))?
            .serialize(serializer)
    }
}

/// Deserializes any document as an identity policy, like [`Policy::from_json`]: judging
/// it is for [`Policy::validate`].
impl<'de> Deserialize<'de> for Policy {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Ordered::deserialize(deserializer)?;
        Policy::from_json(&value.to_json()).map_err(serde_core::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "a test fails by panicking")]

    use super::*;
    use crate::Code;

    #[test]
    fn from_json_reads_json_and_the_engine_judges() {
        // The model cannot hold these; `from_json` reads them, `validate` says why, with
        // the engine's codes.
        let misspelt = Policy::from_json(
            r#"{"Version": "2012-10-17", "Statment": [], "Statement": {"Action": "s3:GetObject", "Resource": "*"}}"#,
        )
        .unwrap();
        assert_eq!(misspelt.document(), None);
        let codes: Vec<Code> = misspelt
            .validate(PolicyKind::Identity)
            .iter()
            .map(|d| d.code)
            .collect();
        assert!(codes.contains(&Code::UnknownElement), "{codes:?}");
        assert!(codes.contains(&Code::MissingElement), "{codes:?}");

        let principal = Policy::from_json(
            r#"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": {"Aws": "*"}, "Action": "s3:GetObject", "Resource": "*"}}"#,
        )
        .unwrap()
        .with_kind(PolicyKind::Resource);
        let found = principal.validate(PolicyKind::Resource);
        assert!(
            found.iter().any(|d| d.code == Code::InvalidPrincipal),
            "{found:?}"
        );
    }

    #[test]
    fn from_json_writes_aws_element_order() {
        let policy = Policy::from_json(
            r#"{"Statement": [{"Resource": "*", "Action": "s3:ListAllMyBuckets", "Effect": "Allow"}], "Version": "2012-10-17"}"#,
        )
        .unwrap();
        assert_eq!(
            policy.to_json(),
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListAllMyBuckets","Resource":"*"}]}"#
        );
        assert!(policy.document().is_some());
        assert!(policy.validate(PolicyKind::Identity).is_empty());
    }

    #[test]
    fn from_json_locates_syntax_errors() {
        let error = Policy::from_json("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [,]\n}")
            .unwrap_err();
        assert_eq!((error.line, error.column), (3, 17), "{error}");
        assert!(
            error.to_string().ends_with("at line 3, column 17"),
            "{error}"
        );
        assert!(Policy::from_json("").is_err());
    }

    #[test]
    fn from_document_writes_what_serde_json_writes() {
        let text = r#"{"Id":"x","Statement":[{"Sid":"A\u0001é","Effect":"Deny","Principal":{"Service":["s3.amazonaws.com"],"AWS":"*"},"NotAction":"s3:*","Resource":"*","Condition":{"NumericLessThan":{"s3:max-keys":[10,-2,2.50]},"Bool":{"aws:SecureTransport":false}}}]}"#;
        let document: Document = serde_json::from_str(text).unwrap();
        let policy = Policy::from_document(&document, PolicyKind::Resource);
        assert_eq!(policy.as_json(), serde_json::to_string(&document).unwrap());
        assert!(policy.as_json().contains("[10,-2,2.5]"), "{policy}");
        assert_eq!(policy.document(), Some(document));
        assert_eq!(policy.kind(), PolicyKind::Resource);
    }

    #[test]
    fn pretty_text_keeps_numbers_as_written() {
        let policy = Policy::from_json(
            r#"{"Statement":{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*","Condition":{"NumericLessThan":{"s3:max-keys":[1.50,1e3]}}}}"#,
        )
        .unwrap();
        assert!(policy.as_json().contains("[1.50,1e3]"));
        assert!(
            policy
                .to_json_pretty()
                .contains("\"s3:max-keys\": [\n          1.50,\n          1e3\n        ]"),
            "{}",
            policy.to_json_pretty()
        );
    }

    #[test]
    fn serde_reads_any_document_and_writes_it_back() {
        let text = r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condishun":{}}}"#;
        let policy: Policy = serde_json::from_str(text).unwrap();
        assert_eq!(policy.document(), None);
        assert_eq!(serde_json::to_string(&policy).unwrap(), text);
    }
}

//! The request being decided: action, resource, principal and request context.

use std::net::IpAddr;

use iam_catalog::check::conditions::key_type;
use iam_catalog::global_keys;
use iam_catalog::model::{self, ConditionType};
use iam_catalog::pattern::Variables;
use iam_catalog::query::{self, ResourcePattern};
use iam_catalog::value;
use iam_catalog::view::Text;

/// A value of the request context, as a caller gives it.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// Text (strings, ARNs, base64 binary, and any value to be typed by the operator).
    String(String),
    /// A number.
    Number(f64),
    /// A Boolean.
    Bool(bool),
    /// A date, in milliseconds since the Unix epoch.
    Date(i64),
    /// An IP address.
    Ip(IpAddr),
}

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Value::String(s.to_owned())
    }
}

impl From<String> for Value {
    fn from(s: String) -> Self {
        Value::String(s)
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Self {
        Value::Bool(b)
    }
}

impl From<i64> for Value {
    fn from(n: i64) -> Self {
        #[expect(clippy::cast_precision_loss, reason = "IAM numbers are decimals")]
        Value::Number(n as f64)
    }
}

impl From<f64> for Value {
    fn from(n: f64) -> Self {
        Value::Number(n)
    }
}

impl From<IpAddr> for Value {
    fn from(ip: IpAddr) -> Self {
        Value::Ip(ip)
    }
}

/// One context value with every reading an operator may take of it, computed once.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ContextValue {
    pub(crate) text: String,
    pub(crate) number: Option<f64>,
    pub(crate) date: Option<i64>,
    pub(crate) boolean: Option<bool>,
    pub(crate) ip: Option<IpAddr>,
}

impl ContextValue {
    fn new(value: Value) -> Self {
        match value {
            Value::String(text) => Self::from_text(text),
            Value::Number(n) => ContextValue {
                text: n.to_string(),
                number: Some(n),
                date: None,
                boolean: None,
                ip: None,
            },
            Value::Bool(b) => ContextValue {
                text: b.to_string(),
                number: None,
                date: None,
                boolean: Some(b),
                ip: None,
            },
            Value::Date(ms) => ContextValue {
                text: (ms / 1000).to_string(),
                number: None,
                date: Some(ms),
                boolean: None,
                ip: None,
            },
            Value::Ip(ip) => ContextValue {
                text: ip.to_string(),
                number: None,
                date: None,
                boolean: None,
                ip: Some(ip),
            },
        }
    }

    fn from_text(text: String) -> Self {
        ContextValue {
            number: value::parse_number(&text),
            date: value::parse_date(&text),
            boolean: value::parse_bool(&text),
            ip: text.parse().ok(),
            text,
        }
    }
}

/// A context key with its values.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ContextEntry {
    pub(crate) key: String,
    pub(crate) values: Vec<ContextValue>,
    /// Whether the key is multivalued (the catalog says so, or several values were given):
    /// a multivalued key is no policy variable.
    pub(crate) multi: bool,
}

/// A request to decide: `Request::new("s3:GetObject", "arn:aws:s3:::b/k")` with a
/// principal and context values added by the builder methods.
///
/// The request context is exactly what is given: no key is invented (AWS adds keys such
/// as `aws:PrincipalArn` to real requests; a test that relies on one gives it).
#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    pub(crate) action: String,
    pub(crate) resource: String,
    pub(crate) principal: Option<String>,
    pub(crate) resource_account: Option<String>,
    pub(crate) context: Vec<ContextEntry>,
}

impl Request {
    /// A request for `action` (`s3:GetObject`) on `resource` (an ARN, or `*` for actions
    /// without resource types).
    pub fn new(action: impl Into<String>, resource: impl Into<String>) -> Self {
        Request {
            action: action.into(),
            resource: resource.into(),
            principal: None,
            resource_account: None,
            context: Vec::new(),
        }
    }

    /// The calling principal: an IAM user or role ARN, a role session
    /// (`arn:aws:sts::111122223333:assumed-role/Role/session`), an account root, a
    /// federated user, or a service principal (`s3.amazonaws.com`).
    #[must_use]
    pub fn principal(mut self, principal: impl Into<String>) -> Self {
        self.principal = Some(principal.into());
        self
    }

    /// The account that owns the resource, when its ARN does not say (S3 buckets).
    /// Without it, the ARN's account field decides, and without that the principal's
    /// account.
    #[must_use]
    pub fn resource_account(mut self, account: impl Into<String>) -> Self {
        self.resource_account = Some(account.into());
        self
    }

    /// Adds a single-valued context key (`aws:SourceIp`, `s3:prefix`). A key given twice
    /// becomes multivalued.
    #[must_use]
    pub fn context(mut self, key: impl Into<String>, value: impl Into<Value>) -> Self {
        let key = key.into();
        let value = ContextValue::new(value.into());
        if let Some(entry) = self
            .context
            .iter_mut()
            .find(|e| e.key.eq_ignore_ascii_case(&key))
        {
            entry.values.push(value);
            entry.multi = true;
        } else {
            let multi = key_type(&key).is_some_and(|(_, multi)| multi);
            self.context.push(ContextEntry {
                key,
                values: vec![value],
                multi,
            });
        }
        self
    }

    /// Adds a multivalued context key (`aws:TagKeys`) with its values; no values is the
    /// empty set, which is not the same as the key being absent.
    #[must_use]
    pub fn context_values<V: Into<Value>>(
        mut self,
        key: impl Into<String>,
        values: impl IntoIterator<Item = V>,
    ) -> Self {
        let key = key.into();
        let values: Vec<ContextValue> = values
            .into_iter()
            .map(|v| ContextValue::new(v.into()))
            .collect();
        if let Some(entry) = self
            .context
            .iter_mut()
            .find(|e| e.key.eq_ignore_ascii_case(&key))
        {
            entry.values.extend(values);
            entry.multi = true;
        } else {
            self.context.push(ContextEntry {
                key,
                values,
                multi: true,
            });
        }
        self
    }

    /// The action.
    pub fn action(&self) -> &str {
        &self.action
    }

    /// The resource.
    pub fn resource(&self) -> &str {
        &self.resource
    }

    /// The principal, when given.
    pub fn principal_arn(&self) -> Option<&str> {
        self.principal.as_deref()
    }

    pub(crate) fn entry(&self, key: &str) -> Option<&ContextEntry> {
        self.context
            .iter()
            .find(|e| e.key.eq_ignore_ascii_case(key))
    }

    /// The principal's account: the account field of its ARN (`None` for a service
    /// principal or none).
    pub(crate) fn principal_account(&self) -> Option<&str> {
        self.principal.as_deref().and_then(arn_account)
    }

    /// The resource's account: given, else the ARN's account field, else the principal's.
    pub(crate) fn owning_account(&self) -> Option<&str> {
        self.resource_account
            .as_deref()
            .or_else(|| arn_account(&self.resource))
            .or_else(|| self.principal_account())
    }

    /// What the catalog says is wrong with the request itself.
    pub fn check(&self) -> Vec<RequestFinding> {
        let mut out = Vec::new();
        let action = model::action(&self.action);
        match action {
            None => out.push(RequestFinding {
                kind: RequestFindingKind::UnknownAction,
                message: format!("unknown action `{}`", self.action),
            }),
            Some(action) => {
                // Service Authorization Reference: the resource types an action takes.
                let arn = ResourcePattern::parse(&Text::literal(self.resource.clone()));
                let types: Vec<_> = action.resource_types().collect();
                if self.resource != "*" && !types.is_empty() {
                    let fits = arn.as_ref().is_ok_and(|arn| {
                        types.iter().any(|ar| query::fits(arn, ar.resource_type()))
                    });
                    if !fits {
                        let names: Vec<&str> =
                            types.iter().map(|ar| ar.resource_type().name()).collect();
                        out.push(RequestFinding {
                            kind: RequestFindingKind::ResourceFitsNoType,
                            message: format!(
                                "resource `{}` is none of the resource types of `{action}` ({})",
                                self.resource,
                                names.join(", ")
                            ),
                        });
                    }
                }
            }
        }
        for entry in &self.context {
            let known = key_type(&entry.key);
            let global = global_keys::global_key(&entry.key).is_some();
            match (known, action) {
                (None, _) => out.push(RequestFinding {
                    kind: RequestFindingKind::UnknownContextKey,
                    message: format!("unknown condition key `{}`", entry.key),
                }),
                (Some(_), Some(action)) if !global && !action.lists_condition_key(&entry.key) => {
                    out.push(RequestFinding {
                        kind: RequestFindingKind::KeyNotCarried,
                        message: format!(
                            "`{action}` never carries the condition key `{}`",
                            entry.key
                        ),
                    });
                }
                (Some((value_type, multi)), _) => {
                    if !multi && entry.values.len() > 1 {
                        out.push(RequestFinding {
                            kind: RequestFindingKind::BadContextValue,
                            message: format!(
                                "condition key `{}` is single-valued but has {} values",
                                entry.key,
                                entry.values.len()
                            ),
                        });
                    }
                    for v in &entry.values {
                        if !fits_type(v, value_type) {
                            out.push(RequestFinding {
                                kind: RequestFindingKind::BadContextValue,
                                message: format!(
                                    "`{}` is not a {} value for `{}`",
                                    v.text,
                                    value_type.as_str(),
                                    entry.key
                                ),
                            });
                        }
                    }
                }
            }
        }
        out
    }
}

/// Whether a context value reads as the key's type.
fn fits_type(v: &ContextValue, value_type: ConditionType) -> bool {
    match value_type {
        ConditionType::String | ConditionType::Arn | ConditionType::Binary => true,
        ConditionType::Numeric => v.number.is_some(),
        ConditionType::Date => v.date.is_some(),
        ConditionType::Bool => v.boolean.is_some(),
        ConditionType::IpAddress => v.ip.is_some(),
    }
}

/// The account field of an ARN, when it has one.
pub(crate) fn arn_account(arn: &str) -> Option<&str> {
    let [_, _, _, _, account, _] = iam_catalog::arn::six(arn)?;
    (!account.is_empty()).then_some(account)
}

/// What kind of problem a [`RequestFinding`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum RequestFindingKind {
    /// The action is in no service of the catalog.
    UnknownAction,
    /// The resource ARN fits none of the action's resource types.
    ResourceFitsNoType,
    /// The context key is known to no service nor the global keys.
    UnknownContextKey,
    /// The context key is a service key that the action never carries.
    KeyNotCarried,
    /// A value does not read as the key's type, or a single-valued key has several.
    BadContextValue,
}

impl RequestFindingKind {
    /// A stable kebab-case name.
    pub fn as_str(self) -> &'static str {
        match self {
            RequestFindingKind::UnknownAction => "request-unknown-action",
            RequestFindingKind::ResourceFitsNoType => "request-resource-fits-no-type",
            RequestFindingKind::UnknownContextKey => "request-unknown-context-key",
            RequestFindingKind::KeyNotCarried => "request-key-not-carried",
            RequestFindingKind::BadContextValue => "request-bad-context-value",
        }
    }
}

/// A problem with the request itself (not with a policy): the evaluation still runs, but
/// its answer is about a request AWS would not make.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestFinding {
    /// What kind of problem.
    pub kind: RequestFindingKind,
    /// The message, in the engine's style.
    pub message: String,
}

impl Variables for Request {
    /// The single value of a single-valued key (variables page: "You can't use a
    /// multivalued condition key as a variable").
    fn value(&self, name: &str) -> Option<&str> {
        let entry = self.entry(name)?;
        match entry.values.as_slice() {
            [one] if !entry.multi => Some(one.text.as_str()),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_findings() {
        let ok = Request::new("s3:GetObject", "arn:aws:s3:::b/k")
            .context("aws:SourceIp", "203.0.113.9")
            .context("s3:ExistingObjectTag/team", "red");
        assert_eq!(ok.check(), Vec::new());
        let kinds = |r: &Request| r.check().iter().map(|f| f.kind).collect::<Vec<_>>();
        assert_eq!(
            kinds(&Request::new("s3:GetObjekt", "arn:aws:s3:::b/k")),
            [RequestFindingKind::UnknownAction]
        );
        assert_eq!(
            kinds(&Request::new("s3:GetObject", "arn:aws:s3:::b")),
            [RequestFindingKind::ResourceFitsNoType]
        );
        assert_eq!(
            kinds(&Request::new("s3:GetObject", "arn:aws:s3:::b/k").context("s3:nosuch", "x")),
            [RequestFindingKind::UnknownContextKey]
        );
        assert_eq!(
            kinds(&Request::new("s3:GetObject", "arn:aws:s3:::b/k").context("ec2:Region", "x")),
            [RequestFindingKind::KeyNotCarried]
        );
        assert_eq!(
            kinds(
                &Request::new("s3:GetObject", "arn:aws:s3:::b/k")
                    .context("aws:SourceIp", "nowhere")
            ),
            [RequestFindingKind::BadContextValue]
        );
        assert_eq!(
            kinds(
                &Request::new("s3:GetObject", "arn:aws:s3:::b/k")
                    .context("aws:SourceIp", "10.0.0.1")
                    .context("aws:SourceIp", "10.0.0.2")
            ),
            [RequestFindingKind::BadContextValue]
        );
    }

    #[test]
    fn accounts_and_variables() {
        let r = Request::new("s3:GetObject", "arn:aws:s3:::b/k")
            .principal("arn:aws:iam::111122223333:user/ana")
            .context("aws:username", "ana")
            .context_values("aws:TagKeys", ["a"]);
        assert_eq!(r.principal_account(), Some("111122223333"));
        assert_eq!(r.owning_account(), Some("111122223333"));
        assert_eq!(r.value("AWS:USERNAME"), Some("ana"));
        assert_eq!(r.value("aws:TagKeys"), None);
        let r = r.resource_account("444455556666");
        assert_eq!(r.owning_account(), Some("444455556666"));
        assert_eq!(
            arn_account("arn:aws:sqs:us-east-1:777788889999:q"),
            Some("777788889999")
        );
        assert_eq!(arn_account("s3.amazonaws.com"), None);
    }
}

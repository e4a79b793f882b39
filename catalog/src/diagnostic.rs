//! Findings of the engine: [`Code`], [`Severity`] and [`Diagnostic`].

use std::fmt;

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The policy works, but not as well as it could or as its author may think.
    /// Does not fail a build.
    Warning,
    /// AWS rejects the policy, or a part of it grants nothing. Fails a build.
    Error,
}

impl Severity {
    /// `error` or `warning`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Declares every finding code once: its variant, stable kebab-case name, severity and a
/// one-line summary, with its documentation ("What it checks / Why / Example / Fix").
macro_rules! declare_codes {
    ($(
        $(#[doc = $doc:literal])*
        $variant:ident, $name:literal, $severity:ident, $summary:literal;
    )*) => {
        /// The stable code of a finding. Its [`Code::name`] never changes once released.
        ///
        /// Every code (generated from the declarations):
        ///
        /// | code | severity | what it reports |
        /// | --- | --- | --- |
        $(#[doc = concat!("| `", $name, "` | ", stringify!($severity), " | ", $summary, " |")])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum Code {
            $(
                #[doc = concat!("`", $name, "` (", stringify!($severity), "): ", $summary, ".")]
                #[doc = ""]
                $(#[doc = $doc])*
                $variant,
            )*
        }

        impl Code {
            /// Every code, in declaration order.
            pub const ALL: &'static [Code] = &[$(Code::$variant),*];

            /// The stable kebab-case name, e.g. `unknown-action`.
            pub fn name(self) -> &'static str {
                match self { $(Code::$variant => $name,)* }
            }

            /// The severity findings of this code have.
            pub fn severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$severity,)* }
            }

            /// One line saying what the code is about.
            pub fn summary(self) -> &'static str {
                match self { $(Code::$variant => $summary,)* }
            }

            /// The code with this kebab-case name.
            pub fn from_name(name: &str) -> Option<Code> {
                match name { $($name => Some(Code::$variant),)* _ => None }
            }
        }
    };
}

declare_codes! {
    // --- documents and their parsing (front ends) ---
    /// Reported by front ends that read JSON text (the runtime and the CLI) when the text
    /// is not JSON. The macro reports bad tokens as ordinary compile errors instead.
    InvalidJson, "invalid-json", Error, "the document is not valid JSON";

    // --- structure ---
    /// `Version` must be `2012-10-17` or `2008-10-17`.
    InvalidVersion, "invalid-version", Error, "`Version` is not `2012-10-17` or `2008-10-17`";
    /// Without `Version`, IAM uses `2008-10-17`, where policy variables are plain text.
    MissingVersion, "missing-version", Warning, "the policy has no `Version`, so IAM reads it as `2008-10-17`";
    /// An element the policy grammar does not have, at the top level or in a statement.
    UnknownElement, "unknown-element", Error, "an element the IAM policy grammar does not have";
    /// The same element twice in one object; AWS rejects such documents.
    DuplicateElement, "duplicate-element", Error, "an element appears twice in one object";
    /// A required element is absent (`Statement`, `Effect`, `Action`/`NotAction`, ...).
    MissingElement, "missing-element", Error, "a required element is missing";
    /// Two elements that exclude each other (`Action` and `NotAction`, ...).
    ConflictingElements, "conflicting-elements", Error, "two elements that exclude each other";
    /// An element whose JSON type is wrong (`"Action": 5`, a statement that is a string).
    InvalidElementType, "invalid-element-type", Error, "an element has the wrong JSON type";
    /// An empty array or string where AWS requires at least one value.
    EmptyElement, "empty-element", Error, "an element is empty";
    /// `Effect` must be `Allow` or `Deny`.
    InvalidEffect, "invalid-effect", Error, "`Effect` is not `Allow` or `Deny`";
    /// A `Sid` with characters IAM does not accept.
    InvalidSid, "invalid-sid", Error, "a `Sid` has characters IAM does not accept";
    /// Two statements with the same `Sid`.
    DuplicateSid, "duplicate-sid", Error, "two statements have the same `Sid`";

    // --- actions ---
    /// An action string that is not `prefix:name` (or `*`).
    InvalidAction, "invalid-action", Error, "an action is not of the form `service:action`";
    /// A service prefix that no AWS service has.
    UnknownService, "unknown-service", Error, "no AWS service has this prefix";
    /// An action the service does not have.
    UnknownAction, "unknown-action", Error, "the service has no such action";
    /// A wildcard action pattern that matches no action of the service.
    PatternMatchesNothing, "pattern-matches-nothing", Error, "a wildcard action pattern matches no action";
    /// A service without action-level permissions takes only `prefix:*`.
    ActionLevelUnsupported, "action-level-unsupported", Error, "the service does not support action-level permissions";

    // --- resources ---
    /// A resource that is neither `*` nor an ARN with six fields.
    InvalidArn, "invalid-arn", Error, "a resource is not `*` or an ARN";
    /// An ARN partition AWS does not have.
    InvalidPartition, "invalid-partition", Error, "an ARN names an unknown partition";
    /// An account field that is not 12 digits, `aws`, or a wildcard.
    InvalidAccount, "invalid-account", Error, "an ARN's account field is not a 12-digit account id";
    /// A region field present where the resource type has none, or absent where it has one.
    InvalidRegion, "invalid-region", Error, "an ARN's region field does not fit the resource type";
    /// An action without resource-level permissions needs `"Resource": "*"`.
    WildcardResourceRequired, "wildcard-resource-required", Error, "an action that supports no resource types needs `\"Resource\": \"*\"`";
    /// No resource of the statement fits any resource type of the action: it grants nothing.
    ResourceMismatch, "resource-mismatch", Error, "no resource of the statement fits the action's resource types";

    // --- conditions ---
    /// A condition operator that does not exist (or `...IfExists` on `Null`).
    ///
    /// ### What it checks
    /// Each key of `Condition` is one of `StringEquals`, `StringNotEquals`,
    /// `StringEqualsIgnoreCase`, `StringNotEqualsIgnoreCase`, `StringLike`, `StringNotLike`,
    /// `Numeric{Equals,NotEquals,LessThan,LessThanEquals,GreaterThan,GreaterThanEquals}`,
    /// `Date...` (the same six), `Bool`, `BinaryEquals`, `IpAddress`, `NotIpAddress`,
    /// `ArnEquals`, `ArnLike`, `ArnNotEquals`, `ArnNotLike` or `Null`, optionally with
    /// `IfExists` (not on `Null`) and a `ForAllValues:`/`ForAnyValue:` qualifier. Names are
    /// case-sensitive.
    ///
    /// ### Why
    /// IAM rejects the policy (`MalformedPolicyDocument: Invalid Condition type`); Access
    /// Analyzer reports "Invalid condition operator" and "Null with if exists".
    ///
    /// ### Example
    /// ```json
    /// "Condition": { "StringEqual": { "aws:PrincipalTag/team": "blue" } }
    /// ```
    ///
    /// ### Fix
    /// Use the operator the help names (`StringEquals`); for `NullIfExists`, use `Null`.
    UnknownOperator, "unknown-operator", Error, "the condition operator does not exist";
    /// A condition key found in no table: neither global nor of any service.
    ///
    /// ### What it checks
    /// Each condition key is a global key (`aws:SourceIp`, `aws:PrincipalTag/team`, the
    /// cross-service keys such as `ec2:SourceInstanceArn`) or a key of a service in the
    /// Service Authorization Reference (`s3:prefix`, `s3:ExistingObjectTag/team`). Names are
    /// case-insensitive; `${TagKey}`-style templates match any tag name. A key whose prefix
    /// is no service's is not reported again when the statement's `Action` already uses
    /// that prefix (the unknown service is reported there).
    ///
    /// ### Why
    /// A misspelt key is never in the request context: `StringEquals` on it is always
    /// false (the statement grants nothing), `StringNotEquals` always true. Access Analyzer
    /// reports "Invalid global condition key" and "Invalid service condition key".
    ///
    /// ### Example
    /// ```json
    /// "Condition": { "StringLike": { "s3:prefx": "home/*" } }
    /// ```
    ///
    /// ### Fix
    /// Use the key the help suggests (`s3:prefix`).
    UnknownConditionKey, "unknown-condition-key", Error, "the condition key does not exist";
    /// A known key that none of the statement's actions or resource types lists.
    ///
    /// ### What it checks
    /// For a service key (not a global key), at least one of the statement's actions lists
    /// it, directly or through one of its resource types. Checked only when every entry of
    /// `Action` is a known action or a pattern within one service; never with `NotAction`
    /// or `*`.
    ///
    /// ### Why
    /// A key an action does not support is absent from that action's request context, so
    /// the condition fails (or, negated, always passes) for it. A warning, not an error:
    /// the reference is incomplete there, and on the AWS managed policies some keys listed
    /// only at the service level work.
    ///
    /// ### Example
    /// ```json
    /// { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
    ///   "Condition": { "StringLike": { "s3:prefix": "home/*" } } }
    /// ```
    ///
    /// ### Fix
    /// Move the condition to a statement of the actions the help names (`s3:ListBucket`),
    /// or allow the code for the statement when the service documents the key for it.
    ConditionKeyNotApplicable, "condition-key-not-applicable", Warning, "the statement's actions do not list this condition key";
    /// The operator does not fit the key's type (`NumericEquals` on a string key).
    ///
    /// ### What it checks
    /// `String...` operators take String and ARN keys (and Bool keys when every value is
    /// `true`/`false`); `Arn...` take ARN and String keys; `Numeric...` Numeric keys;
    /// `Date...` Date keys; `Bool` Bool keys; `IpAddress`/`NotIpAddress` IP address keys;
    /// `BinaryEquals` Binary keys; `Null` any key. `aws:EpochTime` takes date and numeric
    /// operators.
    ///
    /// ### Why
    /// A value compared as the wrong type never matches as meant (`StringEquals` on
    /// `aws:SourceIp` cannot take a CIDR range). Access Analyzer reports "Type mismatch".
    ///
    /// ### Example
    /// ```json
    /// "Condition": { "StringEquals": { "aws:ViaAWSService": "amplify.amazonaws.com" } }
    /// ```
    ///
    /// ### Fix
    /// Use an operator of the key's type, as the help says (`Bool` with `true`/`false`), or
    /// the key you meant (`aws:CalledVia`).
    OperatorTypeMismatch, "operator-type-mismatch", Error, "the condition operator does not fit the key's type";
    /// A condition value that does not parse for its operator (date, number, CIDR, bool).
    ///
    /// ### What it checks
    /// `Numeric...` values are integers or decimals (string or JSON number); `Date...`
    /// values are W3C ISO 8601 dates or date-times, or epoch seconds; `Bool` and `Null`
    /// values are `true` or `false`; `IpAddress`/`NotIpAddress` values are IPv4 or IPv6
    /// addresses or CIDR ranges; `BinaryEquals` values are base64. Values holding a policy
    /// variable or a value inserted at run time are not parsed.
    ///
    /// ### Why
    /// A value IAM cannot read never matches. Access Analyzer reports "Type mismatch date",
    /// "Type mismatch number", "Type mismatch Boolean" and "Type mismatch IP range".
    ///
    /// ### Example
    /// ```json
    /// "Condition": { "IpAddress": { "aws:SourceIp": "10.0.0.0/33" } }
    /// ```
    ///
    /// ### Fix
    /// Write the value in the form the help shows (`10.0.0.0/8`, `2026-01-31T12:00:00Z`).
    InvalidConditionValue, "invalid-condition-value", Error, "a condition value does not parse for its operator";
    /// `ForAllValues:`/`ForAnyValue:` on a single-valued key, or none on a multivalued key.
    ///
    /// ### What it checks
    /// A multivalued key (an `ArrayOf...` type, e.g. `aws:TagKeys`) is tested with
    /// `ForAllValues:` or `ForAnyValue:`; a single-valued key without; `Null` without.
    ///
    /// ### Why
    /// Without a qualifier a multivalued key is compared as one value; `ForAllValues:` on a
    /// single-valued key is also true when the key is absent, which can allow more than
    /// meant. Access Analyzer reports "Missing qualifier", "`ForAllValues` with single
    /// valued key" and "Null with qualifier". A warning: the multivalued flag comes from the
    /// reference's types.
    ///
    /// ### Example
    /// ```json
    /// "Condition": { "StringEquals": { "aws:TagKeys": ["team", "cost-center"] } }
    /// ```
    ///
    /// ### Fix
    /// `ForAllValues:StringEquals` (every request value is listed) or
    /// `ForAnyValue:StringEquals` (some request value is listed); drop the qualifier on
    /// single-valued keys.
    SetOperatorMismatch, "set-operator-mismatch", Warning, "a set operator does not fit whether the key is multivalued";
    /// Tag condition keys on a service that does not support authorization based on tags.
    ///
    /// ### What it checks
    /// `aws:ResourceTag/...`, `aws:RequestTag/...` and `aws:TagKeys` on actions of a service
    /// whose per-action data names no tag key at all (no action, resource type or
    /// service-level key) and whose row in "AWS services that work with IAM" says No under
    /// "Authorization based on tags". The finding names the table edition, the row and its
    /// footnotes. Not checked with `NotAction` or `*`.
    ///
    /// ### Why
    /// The key is never in the request context of that service: an `Allow` with it grants
    /// nothing there, a `Deny` with it never denies (Access Analyzer: "Deny with unsupported
    /// tag condition key for service").
    ///
    /// ### Example
    /// ```json
    /// { "Effect": "Deny", "Action": ["glue:UntagResource", "tag:UntagResources"],
    ///   "Resource": "*", "Condition": { "ForAnyValue:StringEquals": { "aws:TagKeys": ["owner"] } } }
    /// ```
    ///
    /// ### Fix
    /// Move that service's actions to a statement without the tag condition, and limit
    /// them by resource ARN instead.
    TagAuthorizationUnsupported, "tag-authorization-unsupported", Error, "the service does not support authorization based on tags";

    // --- policy variables ---
    /// A malformed `${...}` or an unknown policy variable.
    ///
    /// ### What it checks
    /// Each `${...}` is `${*}`, `${?}`, `${$}`, or `${key}` / `${key, 'default'}` where
    /// `key` is a single-valued global key (`aws:username`, `aws:PrincipalTag/team`), a
    /// documented federated identity key (`saml:sub`, ...) or a single-valued service key;
    /// it is closed, not empty, has no space in its name, and its default is in single
    /// quotes.
    ///
    /// ### Why
    /// IAM cannot resolve it, and a statement with an unresolvable variable may match
    /// nothing. Access Analyzer reports "Missing brace in variable", "Empty variable",
    /// "Unsupported space in variable" and "Missing quote in variable".
    ///
    /// ### Example
    /// ```json
    /// "Resource": "arn:aws:s3:::bucket/${aws:usrname}/*"
    /// ```
    ///
    /// ### Fix
    /// Use the variable the help suggests (`${aws:username}`); write a literal `$` as `${$}`.
    InvalidPolicyVariable, "invalid-policy-variable", Error, "a policy variable is malformed or unknown";
    /// A policy variable where IAM does not replace it (outside the resource part of an
    /// ARN and String/ARN condition values).
    ///
    /// ### What it checks
    /// Variables appear only in `Resource`/`NotResource` ARNs and in the values of
    /// `String...` and `Arn...` conditions. In an ARN they may stand in the region, account
    /// and resource fields (AWS's own managed policies use `${aws:PrincipalAccount}` as the
    /// account), not in `arn`, the partition or the service. Not in `Action`, `Sid`,
    /// `Principal`, condition keys, or `Numeric`/`Date`/`Bool`/`IpAddress`/`Binary`/`Null`
    /// values.
    ///
    /// ### Why
    /// Elsewhere IAM reads `${...}` as plain text. Access Analyzer reports "Variable
    /// unsupported in element" and "Invalid variable for operator".
    ///
    /// ### Example
    /// ```json
    /// "Condition": { "NumericLessThan": { "s3:max-keys": "${aws:PrincipalTag/limit}" } }
    /// ```
    ///
    /// ### Fix
    /// Move the variable into a resource ARN or a string condition value.
    MisplacedPolicyVariable, "misplaced-policy-variable", Error, "a policy variable where IAM does not replace it";
    /// Policy variables need `"Version": "2012-10-17"`.
    ///
    /// ### What it checks
    /// A policy with `"Version": "2008-10-17"`, or without `Version` (IAM then reads it as
    /// `2008-10-17`), has no `${...}` in any string. Reported once per string.
    ///
    /// ### Why
    /// "Variables were introduced in version 2012-10-17"; in older policies
    /// `${aws:username}` is literal text, so the resource or condition matches nothing.
    /// Access Analyzer reports "Variable unsupported in version".
    ///
    /// ### Example
    /// ```json
    /// { "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject",
    ///   "Resource": "arn:aws:s3:::bucket/${aws:username}/*" }] }
    /// ```
    ///
    /// ### Fix
    /// Add `"Version": "2012-10-17"` at the top of the policy.
    PolicyVariableVersion, "policy-variable-version", Error, "policy variables need `\"Version\": \"2012-10-17\"`";

    // --- policy types and service capabilities ---
    /// `Principal`/`NotPrincipal` in a policy type that takes none.
    PrincipalNotAllowed, "principal-not-allowed", Error, "this policy type takes no `Principal`";
    /// A resource or trust policy statement without `Principal`.
    MissingPrincipal, "missing-principal", Error, "this policy type needs a `Principal`";
    /// A principal that is not `*` or of the four principal kinds with a valid value.
    InvalidPrincipal, "invalid-principal", Error, "a principal is malformed";
    /// An element or value this policy type does not support (SCP, RCP, trust, ...).
    UnsupportedInPolicyType, "unsupported-in-policy-type", Error, "this policy type does not support the element or value";
    /// A resource policy for a service that does not support resource-based policies.
    ResourcePolicyUnsupported, "resource-policy-unsupported", Error, "the service does not support resource-based policies";
    /// A service that does not accept temporary credentials, in a session or role policy.
    TemporaryCredentialsUnsupported, "temporary-credentials-unsupported", Warning, "the service does not accept temporary credentials";
    /// `iam:AWSServiceName` naming a service without service-linked roles.
    ServiceLinkedRoleUnsupported, "service-linked-role-unsupported", Error, "the service does not have service-linked roles";
    /// The policy is larger than its type's size quota (whitespace not counted).
    PolicyTooLarge, "policy-too-large", Error, "the policy exceeds its type's size quota";
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One finding: what is wrong, where, and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic<L> {
    /// The stable code.
    pub code: Code,
    /// Error or warning; the code's severity.
    pub severity: Severity,
    /// What is wrong: lowercase, no final period, user text in backticks.
    pub message: String,
    /// How to fix it: "did you mean ...?", the ARN formats an action takes, a statement split.
    pub help: Option<String>,
    /// Where: the location of the string (or key, or value) at fault.
    pub loc: L,
}

impl<L> Diagnostic<L> {
    /// A finding of `code` at `loc`, with the code's severity.
    pub fn new(code: Code, loc: L, message: impl Into<String>) -> Self {
        Self {
            code,
            severity: code.severity(),
            message: message.into(),
            help: None,
            loc,
        }
    }

    /// The same finding with a help text.
    #[must_use]
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Whether this finding fails a build.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_are_kebab_case() {
        for &code in Code::ALL {
            assert_eq!(Code::from_name(code.name()), Some(code));
            assert!(
                code.name()
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '-'),
                "{code}"
            );
            assert!(!code.summary().ends_with('.'), "{code}");
        }
        assert_eq!(Code::from_name("no-such-code"), None);
    }
}

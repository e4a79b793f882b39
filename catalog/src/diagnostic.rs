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
    UnknownOperator, "unknown-operator", Error, "the condition operator does not exist";
    /// A condition key found in no table: neither global nor of any service.
    UnknownConditionKey, "unknown-condition-key", Error, "the condition key does not exist";
    /// A known key that none of the statement's actions or resource types lists.
    ConditionKeyNotApplicable, "condition-key-not-applicable", Warning, "the statement's actions do not list this condition key";
    /// The operator does not fit the key's type (`NumericEquals` on a string key).
    OperatorTypeMismatch, "operator-type-mismatch", Error, "the condition operator does not fit the key's type";
    /// A condition value that does not parse for its operator (date, number, CIDR, bool).
    InvalidConditionValue, "invalid-condition-value", Error, "a condition value does not parse for its operator";
    /// `ForAllValues:`/`ForAnyValue:` on a single-valued key, or none on a multivalued key.
    SetOperatorMismatch, "set-operator-mismatch", Warning, "a set operator does not fit whether the key is multivalued";
    /// Tag condition keys on a service that does not support tag-based authorization.
    TagAuthorizationUnsupported, "tag-authorization-unsupported", Error, "the service does not support authorization based on tags";

    // --- policy variables ---
    /// A malformed `${...}` or an unknown policy variable.
    InvalidPolicyVariable, "invalid-policy-variable", Error, "a policy variable is malformed or unknown";
    /// A policy variable where IAM does not replace it (outside the resource part of an
    /// ARN and String/ARN condition values).
    MisplacedPolicyVariable, "misplaced-policy-variable", Error, "a policy variable where IAM does not replace it";
    /// Policy variables need `"Version": "2012-10-17"`.
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

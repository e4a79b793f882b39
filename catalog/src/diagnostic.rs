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

            /// Whether the code belongs to the security group: findings about what a
            /// well-formed policy lets someone do, rather than whether AWS accepts it.
            pub fn is_security(self) -> bool {
                matches!(
                    self,
                    Code::PrivilegeEscalation
                        | Code::PassRoleUnrestricted
                        | Code::DataExfiltration
                        | Code::ResourceExposure
                        | Code::CredentialsExposure
                        | Code::AllowWithNot
                        | Code::PublicAccess
                        | Code::CrossAccountTrustUnconditioned
                )
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
    /// What it checks: `Version` is `2012-10-17` or `2008-10-17`, as a string.
    ///
    /// Why: IAM rejects other values; only `2012-10-17` supports policy variables.
    ///
    /// Example: `"Version": "2012-10-18"`.
    ///
    /// Fix: use `"2012-10-17"`.
    InvalidVersion, "invalid-version", Error, "`Version` is not `2012-10-17` or `2008-10-17`";
    /// What it checks: the policy has a `Version` element.
    ///
    /// Why: without it IAM reads the policy as `2008-10-17`, where `${aws:username}` and other policy variables are plain text.
    ///
    /// Example: a policy that starts with `"Statement"`.
    ///
    /// Fix: add `"Version": "2012-10-17"`.
    MissingVersion, "missing-version", Warning, "the policy has no `Version`, so IAM reads it as `2008-10-17`";
    /// What it checks: every element of the policy and of its statements is one the grammar has (`Version`, `Id`, `Statement`; `Sid`, `Effect`, `Principal`, `NotPrincipal`, `Action`, `NotAction`, `Resource`, `NotResource`, `Condition`), spelled as AWS spells it.
    ///
    /// Why: AWS rejects unknown elements; a misspelled `Condition` would otherwise look like a restriction that is not there.
    ///
    /// Example: `"Actions": "s3:GetObject"`.
    ///
    /// Fix: the did-you-mean names the element meant.
    UnknownElement, "unknown-element", Error, "an element the IAM policy grammar does not have";
    /// What it checks: no object repeats a key (a statement with two `Effect`s, a condition block with one key twice).
    ///
    /// Why: JSON parsers keep one of the two silently, so the policy does something other than it reads.
    ///
    /// Example: `{"Effect": "Allow", "Effect": "Deny", ...}`.
    ///
    /// Fix: remove one, or merge the values into an array.
    DuplicateElement, "duplicate-element", Error, "an element appears twice in one object";
    /// What it checks: the policy has a `Statement`, and each statement an `Effect`, one of `Action`/`NotAction`, and (except in trust policies) one of `Resource`/`NotResource`.
    ///
    /// Why: AWS rejects statements without them.
    ///
    /// Example: `{"Effect": "Allow", "Action": "s3:GetObject"}` in an identity policy.
    ///
    /// Fix: add the element; `"Resource": "*"` for actions without resource types.
    MissingElement, "missing-element", Error, "a required element is missing";
    /// What it checks: a statement has at most one of `Action`/`NotAction`, `Resource`/`NotResource`, `Principal`/`NotPrincipal`.
    ///
    /// Why: AWS rejects a statement with both.
    ///
    /// Example: a statement with `"Action"` and `"NotAction"`.
    ///
    /// Fix: split it into two statements.
    ConflictingElements, "conflicting-elements", Error, "two elements that exclude each other";
    /// What it checks: each element has the JSON type the grammar gives it: `Statement` an object or an array of objects, `Action`/`Resource` strings or arrays of strings, `Condition` an object.
    ///
    /// Why: AWS rejects other types.
    ///
    /// Example: `"Action": 5`, `"Statement": "s3:*"`.
    ///
    /// Fix: write the value as the grammar wants it.
    InvalidElementType, "invalid-element-type", Error, "an element has the wrong JSON type";
    /// What it checks: arrays and strings that must hold something are not empty (`"Action": []`, `"Resource": ""`, an empty `Statement`).
    ///
    /// Why: an empty list grants nothing, and AWS rejects most of them.
    ///
    /// Example: `"Action": []`.
    ///
    /// Fix: name what the statement is for, or remove it.
    EmptyElement, "empty-element", Error, "an element is empty";
    /// What it checks: `Effect` is `Allow` or `Deny`, capitalized.
    ///
    /// Why: AWS rejects other values.
    ///
    /// Example: `"Effect": "allow"`.
    ///
    /// Fix: use `Allow` or `Deny`.
    InvalidEffect, "invalid-effect", Error, "`Effect` is not `Allow` or `Deny`";
    /// What it checks: in policies stored by IAM (identity, permissions boundary, trust), a `Sid` holds only ASCII letters and digits.
    ///
    /// Why: IAM rejects other characters; other services' resource policies accept more, so only these types are checked.
    ///
    /// Example: `"Sid": "Read-Only"`.
    ///
    /// Fix: drop the other characters: `ReadOnly`.
    InvalidSid, "invalid-sid", Error, "a `Sid` has characters IAM does not accept";
    /// What it checks: no two statements of a policy share a `Sid`.
    ///
    /// Why: IAM rejects the policy; a `Sid` identifies its statement.
    ///
    /// Example: two statements with `"Sid": "Read"`.
    ///
    /// Fix: rename one.
    DuplicateSid, "duplicate-sid", Error, "two statements have the same `Sid`";

    // --- actions ---
    /// An action string that is not `prefix:name` (or `*`).
    ///
    /// ### What it checks
    /// Each string of `Action` and `NotAction` is `*` or `service-prefix:action-name`, with
    /// text on both sides of the `:`.
    ///
    /// ### Why
    /// IAM rejects such a policy (`MalformedPolicyDocument: Actions/Conditions must be
    /// prefaced by a vendor`); a bare name never matches a request.
    ///
    /// ### Example
    /// ```json
    /// "Action": ["GetObject", "s3:"]
    /// ```
    ///
    /// ### Fix
    /// Add the service prefix (`s3:GetObject`); the help names the services that have an
    /// action of that name, or suggests `s3:*` for a bare prefix.
    InvalidAction, "invalid-action", Error, "an action is not of the form `service:action`";
    /// A service prefix that no AWS service has.
    ///
    /// ### What it checks
    /// The prefix of each action (without wildcards) is the IAM prefix of a service in the
    /// Service Authorization Reference, compared case-insensitively. A prefix whose action
    /// name is inserted at run time (`"s3:{op}"`) is still checked.
    ///
    /// ### Why
    /// Whether or not IAM accepts the document, the action matches no request: the
    /// statement grants or denies nothing. Prefixes of retired services that the capability
    /// tables list (`deepracer`, `mobilehub`, ...) are `discontinued-service` instead;
    /// other retired prefixes (`zocalo`) are reported here.
    ///
    /// ### Example
    /// ```json
    /// "Action": "s4:GetObject"
    /// ```
    ///
    /// ### Fix
    /// Use the prefix the help suggests (`s3:GetObject`); service prefixes are listed on
    /// each service's page of the Service Authorization Reference.
    UnknownService, "unknown-service", Error, "no AWS service has this prefix";
    /// An action of a service that AWS has discontinued.
    ///
    /// ### What it checks
    /// The prefix of each action is not that of a service the capability tables of "AWS
    /// services that work with IAM" list (the founding 2018 table or the latest, 2023) but
    /// the Service Authorization Reference no longer has: `mobilehub` (AWS Mobile Hub),
    /// `deepracer`, `deeplens`, `deepcomposer`, `iot1click`, `elastic-inference`, ...
    ///
    /// ### Why
    /// IAM accepts the policy (it checks the grammar, not whether a service exists, and
    /// AWS's own managed policies still name these prefixes, e.g. `ReadOnlyAccess`), so the
    /// build should not fail; but no request carries the prefix any more, so the grant is
    /// dead text. The finding names the service, so the reader knows it is gone rather than
    /// misspelt.
    ///
    /// ### Example
    /// ```json
    /// "Action": "mobilehub:CreateProject"
    /// ```
    ///
    /// ### Fix
    /// Remove the action, or move to the service that replaced it (AWS Amplify for Mobile
    /// Hub).
    DiscontinuedService, "discontinued-service", Warning, "the service has been discontinued";
    /// An action the service does not have.
    ///
    /// ### What it checks
    /// The name of each action without wildcards is an action of its service,
    /// case-insensitively (`s3:getobject` is fine).
    ///
    /// ### Why
    /// A misspelt action never matches a request: an `Allow` grants nothing, a `Deny`
    /// protects nothing. Access Analyzer reports "Invalid action".
    ///
    /// ### Example
    /// ```json
    /// "Action": "s3:GetObjekt"
    /// ```
    ///
    /// ### Fix
    /// Use the action the help suggests (`s3:GetObject`), or list the service's actions with
    /// `iam-policy expand s3:*`.
    UnknownAction, "unknown-action", Error, "the service has no such action";
    /// A wildcard action pattern that matches no action of the service.
    ///
    /// ### What it checks
    /// A pattern with `*` or `?` in the prefix or the name (`s3:Get*`, `*:Describe*`,
    /// `ec2:*Instance?`) matches at least one action of the catalog; a prefix pattern
    /// matches at least one service.
    ///
    /// ### Why
    /// A pattern that matches nothing is almost always a typo, and grants (or denies)
    /// nothing until AWS happens to add a matching action.
    ///
    /// ### Example
    /// ```json
    /// "Action": "s3:Git*"
    /// ```
    ///
    /// ### Fix
    /// Correct the pattern; `iam-policy expand PATTERN` shows what a pattern matches.
    PatternMatchesNothing, "pattern-matches-nothing", Error, "a wildcard action pattern matches no action";
    /// A service without action-level permissions takes only `prefix:*`.
    ///
    /// ### What it checks
    /// Where the tables of "AWS services that work with IAM" say a service has no
    /// action-level permissions and today's per-action data lists no actions for its
    /// prefix, only `prefix:*` is accepted. The message names the table row (and footnote)
    /// it rests on. Where the per-action data lists actions, it decides and the tables are
    /// history: with today's data no service is in this state (the founding table's one
    /// "No", AWS Support, has had single actions for years).
    ///
    /// ### Why
    /// A service without action-level permissions authorizes only its `*` permission; a
    /// single action names nothing it checks.
    ///
    /// ### Example
    /// ```json
    /// "Action": "support:DescribeCases"
    /// ```
    /// (as the 2018 table had it)
    ///
    /// ### Fix
    /// Use `prefix:*`.
    ActionLevelUnsupported, "action-level-unsupported", Error, "the service does not support action-level permissions";

    // --- resources ---
    /// A resource that is neither `*` nor an ARN with six fields.
    ///
    /// ### What it checks
    /// Each string of `Resource` and `NotResource` is `*` or
    /// `arn:partition:service:region:account:resource` (the resource part may hold more
    /// `:`). A string with a value inserted at run time is checked only when its fixed
    /// text already decides.
    ///
    /// ### Why
    /// IAM rejects the policy (`MalformedPolicyDocument: Resource must be in ARN format or
    /// "*"`).
    ///
    /// ### Example
    /// ```json
    /// "Resource": "my-bucket/*"
    /// ```
    ///
    /// ### Fix
    /// Write the full ARN (`arn:aws:s3:::my-bucket/*`), as the help shows.
    InvalidArn, "invalid-arn", Error, "a resource is not `*` or an ARN";
    /// An ARN partition AWS does not have.
    ///
    /// ### What it checks
    /// The partition field is `aws`, `aws-cn`, `aws-us-gov`, an ISO partition
    /// (`aws-iso`, `aws-iso-b`, `aws-iso-e`, `aws-iso-f`) or `aws-eusc`, or a wildcard pattern
    /// that matches one (`*`, `aws-*`).
    ///
    /// ### Why
    /// IAM rejects the policy (`Partition "aws2" is not valid for resource ...`).
    ///
    /// ### Example
    /// ```json
    /// "Resource": "arn:aws2:s3:::my-bucket"
    /// ```
    ///
    /// ### Fix
    /// Use the partition the help suggests, usually `aws`.
    InvalidPartition, "invalid-partition", Error, "an ARN names an unknown partition";
    /// An account field that is not 12 digits, `aws`, or a wildcard.
    ///
    /// ### What it checks
    /// A literal account field is empty, 12 digits, or `aws` (resources AWS owns, such as
    /// managed policies); wildcards, policy variables and inserted values are accepted. It
    /// is also reported when a resource would fit the statement's actions but for its
    /// account field (an account in an S3 bucket ARN). An empty account is accepted where
    /// the type has one: AWS-owned SSM documents and public parameters are written so
    /// (`arn:aws:ssm:us-east-1::document/AWS-RunShellScript`).
    ///
    /// ### Why
    /// An ARN with a malformed account matches no resource, so the statement grants
    /// nothing for it.
    ///
    /// ### Example
    /// ```json
    /// "Resource": ["arn:aws:sqs:us-east-1:1234-5678-9012:jobs", "arn:aws:s3::123456789012:my-bucket"]
    /// ```
    ///
    /// ### Fix
    /// Write the 12 digits without separators (`123456789012`); drop the account where the
    /// resource type has none (`arn:aws:s3:::my-bucket`). The help shows the corrected ARN.
    InvalidAccount, "invalid-account", Error, "an ARN's account field is not a 12-digit account id";
    /// A region field present where the resource type has none, absent where it has one,
    /// or not a Region name.
    ///
    /// ### What it checks
    /// Reported instead of `resource-mismatch` when a resource would fit the statement's
    /// actions but for its region field: S3 buckets and IAM roles have no region, SQS
    /// queues and EC2 instances have one. Also a literal region that does not have the
    /// shape of a Region code (`us-east-1`: lowercase words joined by `-`, ending in a
    /// number) — a placeholder such as `<region>`, or a value inserted at run time.
    ///
    /// ### Why
    /// The ARN matches no resource of that type, so the statement grants nothing for it.
    ///
    /// ### Example
    /// ```json
    /// "Action": "s3:ListBucket", "Resource": "arn:aws:s3:us-east-1::my-bucket"
    /// ```
    ///
    /// ### Fix
    /// Use the corrected ARN of the help (`arn:aws:s3:::my-bucket`, or `*` for any region
    /// where the type has one).
    InvalidRegion, "invalid-region", Error, "an ARN's region field does not fit the resource type or is no Region name";
    /// An action without resource-level permissions in a statement whose resources IAM never
    /// matches for it.
    ///
    /// ### What it checks
    /// An action named without wildcards that has no resource type in the Service
    /// Authorization Reference (`s3:ListAllMyBuckets`, `ec2:DescribeInstances`,
    /// `sts:GetCallerIdentity`), in a statement whose `Resource` has no `*`. What IAM
    /// evaluates for such an action is in the catalog, with its source
    /// (`iam-policy explain ACTION` shows it):
    /// - `"*"` only, the default and what EC2 documents for all its actions without
    ///   resource-level permissions: any ARN is an error. The catch-all ARN of the action's
    ///   service (`arn:aws:s3:::*`, `arn:aws:ssm:*:*:*`) is accepted: the S3 User Guide
    ///   grants `s3:ListAllMyBuckets` that way.
    /// - a known request ARN (`logs:DescribeLogGroups` is authorized on
    ///   `arn:aws:logs:REGION:ACCOUNT:log-group::log-stream:`, `iam:ListRoles` on `role/`
    ///   and the path): an error only when no resource of the statement can match it.
    /// - scoped by AWS-authored policies, request ARN unknown: `wildcard-resource-scoped`, a
    ///   warning, instead.
    ///
    /// ### Why
    /// "If there is no value for this column, you must specify all resources (`*`)"
    /// (Service Authorization Reference): with a resource the request never carries, the
    /// action is not granted (or not denied).
    ///
    /// ### Example
    /// ```json
    /// "Action": ["ec2:DescribeInstances", "ec2:StartInstances"],
    /// "Resource": "arn:aws:ec2:*:123456789012:instance/*"
    /// ```
    ///
    /// ### Fix
    /// Move the action to a statement of its own with `"Resource": "*"` (same `Effect` and
    /// `Condition`); the help prints that statement as JSON. For an action with a known
    /// request ARN, a resource that matches it works too (`log-group:*`).
    WildcardResourceRequired, "wildcard-resource-required", Error, "an action that supports no resource types needs `\"Resource\": \"*\"`";
    /// An action without resource types, on ARNs, where only AWS's own policies say that
    /// works.
    ///
    /// ### What it checks
    /// An action named without wildcards that has no resource type in the Service
    /// Authorization Reference, in a statement whose `Resource` has no `*`, where no AWS page
    /// says which ARN the service authorizes the request on, but AWS-authored policies (AWS
    /// managed policies, the IAM and Organizations user guides' examples) grant the action
    /// on ARNs of the same service. The message cites them (`iam-policy explain ACTION`
    /// lists them). Where the statement's resources are of a service none of those policies
    /// uses, `wildcard-resource-required` is reported instead.
    ///
    /// ### Why
    /// The reference says such actions need `"*"`, yet AWS's own policies scope about 300
    /// of them (`sagemaker:ListEndpoints` on `endpoint/*`,
    /// `resource-groups:CreateGroup` on `group/*`): the service evidently authorizes them
    /// on some ARN, but which one is not documented, so whether this statement's resources
    /// match it cannot be shown either way. It is a warning, not an error.
    ///
    /// ### Example
    /// ```json
    /// "Action": "sagemaker:ListEndpoints", "Resource": "arn:aws:sagemaker:*:*:endpoint/*"
    /// ```
    ///
    /// ### Fix
    /// Use `"Resource": "*"` (the help prints the statement) when the action must work
    /// whatever the service checks, or keep the ARN as AWS's policy does and allow the code.
    WildcardResourceScoped, "wildcard-resource-scoped", Warning, "an action without resource types is granted on ARNs only AWS's own policies use for it";
    /// No resource of the statement fits any resource type of the action: it grants nothing.
    ///
    /// ### What it checks
    /// A resource fits a resource type when both can match one ARN (the policy's `*`/`?`
    /// against the type's ARN formats; a `${Placeholder}` matches any non-empty text, `/`
    /// and `:` included, except S3 bucket names, which have no `/`; a `*` that ends the
    /// region or account field runs on across `:`, as IAM documents, so
    /// `arn:aws:logs:*:*:/aws-glue/*` names log groups). Reported at an action
    /// (named, or a pattern none of whose actions fits) when no resource of its statement
    /// fits any of its types, and at a resource that fits no type of any of the statement's
    /// actions while other pairs of the statement do fit. Statements with a `*` resource,
    /// `NotAction` or `NotResource`, and values inserted at run time where they decide, are
    /// not fitted.
    ///
    /// ### Why
    /// IAM matches a request's resource ARN against `Resource`; for an action whose
    /// resources can never match, the statement grants (or denies) nothing.
    ///
    /// ### Example
    /// ```json
    /// "Action": ["s3:GetObject", "s3:ListBucket"], "Resource": "arn:aws:s3:::my-bucket/*"
    /// ```
    /// (`s3:ListBucket` acts on the bucket, `arn:aws:s3:::my-bucket`)
    ///
    /// ### Fix
    /// Add a resource of a type the action takes (the help lists their ARN formats,
    /// required ones marked), or move the action to the statement that has one.
    ResourceMismatch, "resource-mismatch", Error, "no resource of the statement fits the action's resource types";
    /// What it checks: a resource of a statement that fits no resource type of any of the
    /// statement's actions (while other resources do fit).
    ///
    /// Why: the resource is dead weight — it grants nothing, and it is often a typo or a
    /// left-over. The actions still get what they say through the other resources, so this
    /// is a warning.
    ///
    /// Example: `"Action": ["s3:GetObject"], "Resource": ["arn:aws:s3:::b/*",
    /// "arn:aws:sns:*:*:t"]` — the SNS topic fits no S3 action.
    ///
    /// Fix: remove the resource, or add the action it was meant for.
    UnusedResource, "unused-resource", Warning, "a resource fits none of the statement's actions";

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
    /// A value compared as the wrong type may not match as meant (`StringEquals` on
    /// `aws:SourceIp` cannot take a CIDR range). IAM accepts the policy, and the text
    /// comparison can still work (`StringEquals` on a Numeric key with `"123456"`), so this
    /// is a warning, as Access Analyzer's "Type mismatch" is a general warning. Where the
    /// mismatch means the condition can never match (a string operator asking a Bool key
    /// for a value other than `true`/`false`), the error `invalid-condition-value` is
    /// reported instead.
    ///
    /// ### Example
    /// ```json
    /// "Condition": { "StringEquals": { "aws:SourceIp": "203.0.113.0/24" } }
    /// ```
    ///
    /// ### Fix
    /// Use an operator of the key's type, as the help says (`IpAddress` for an address
    /// key, `Bool` with `true`/`false` for a Bool key).
    OperatorTypeMismatch, "operator-type-mismatch", Warning, "the condition operator does not fit the key's type";
    /// `Bool` with several values for one key.
    ///
    /// ### What it checks
    /// A `Bool` or `BoolIfExists` condition (without `ForAllValues:`/`ForAnyValue:`) whose
    /// key is given an array of two or more values.
    ///
    /// ### Why
    /// A Bool key has one value, `true` or `false`, and a condition's values are
    /// alternatives: `["true", "false"]` matches whenever the key is present, which is rarely what was
    /// meant. Access Analyzer reports "Invalid condition multiple Boolean" as an error; IAM
    /// accepts the policy and the condition still works as written, so this is a warning
    /// here (see `catalog/ACCURACY.md`).
    ///
    /// ### Example
    /// ```json
    /// "Condition": { "Bool": { "aws:SecureTransport": ["true", "false"] } }
    /// ```
    ///
    /// ### Fix
    /// Keep the one value meant (`"false"` to deny plain HTTP), or test whether the key is
    /// present with `Null`.
    BoolMultipleValues, "bool-multiple-values", Warning, "`Bool` gives one key several values";
    /// A private address range as a value of `aws:SourceIp`.
    ///
    /// ### What it checks
    /// Values of `aws:SourceIp` under `IpAddress` or `NotIpAddress` (with or without
    /// `IfExists`) that lie in a private range: RFC 1918 (`10.0.0.0/8`, `172.16.0.0/12`,
    /// `192.168.0.0/16`) or IPv6 unique local addresses (`fc00::/7`).
    ///
    /// ### Why
    /// `aws:SourceIp` holds the requester's public address. Requests from private
    /// addresses reach AWS through a VPC endpoint, where `aws:SourceIp` is absent and
    /// `aws:VpcSourceIp` holds the address (IAM User Guide, "AWS global condition context
    /// keys"). So the value never matches: an `Allow` with `IpAddress` does not apply to
    /// those requests, and a `Deny` with `NotIpAddress` denies them too. Access Analyzer
    /// reports "Private IP address" and "Private `NotIpAddress`" (every value private) and
    /// "Private IP address subset" (some values private).
    ///
    /// ### Example
    /// ```json
    /// "Condition": { "IpAddress": { "aws:SourceIp": "10.0.0.0/8" } }
    /// ```
    ///
    /// ### Fix
    /// For traffic through VPC endpoints compare `aws:VpcSourceIp`, together with
    /// `aws:SourceVpc` or `aws:SourceVpce`; keep only public ranges in `aws:SourceIp`.
    PrivateSourceIp, "private-source-ip", Warning, "`aws:SourceIp` compared with a private address range";
    /// A global tag condition key on actions that do not carry it.
    ///
    /// ### What it checks
    /// `aws:ResourceTag/...`, `aws:RequestTag/...` and `aws:TagKeys` in a statement whose
    /// actions are all known: the actions of services that support tags but that neither
    /// list the key themselves nor through a resource type (Service Authorization
    /// Reference). `...IfExists` operators and `Null`, which are written for absent keys,
    /// are not checked.
    ///
    /// ### Why
    /// For those actions the key is absent from the request, so the condition is false:
    /// an `Allow` does not allow them, and a `Deny` does not deny them — a gap in a guard
    /// rail. Access Analyzer reports "Deny with unsupported tag condition key for service"
    /// (security warning) and "Allow with unsupported tag condition key for service"
    /// (suggestion). A warning here: the reference is not complete for every service.
    ///
    /// ### Example
    /// ```json
    /// { "Effect": "Deny", "Action": ["ec2:TerminateInstances", "ec2:DescribeInstances"],
    ///   "Resource": "*",
    ///   "Condition": { "StringEquals": { "aws:ResourceTag/env": "prod" } } }
    /// ```
    ///
    /// ### Fix
    /// Move the actions the message names to a statement without the tag condition (or
    /// guard them with a key they carry).
    TagKeyNotApplicable, "tag-key-not-applicable", Warning, "a tag condition key on actions that do not carry it";
    /// A condition value that does not parse for its operator (date, number, CIDR, bool).
    ///
    /// ### What it checks
    /// `Numeric...` values are integers or decimals (string or JSON number); `Date...`
    /// values are W3C ISO 8601 dates or date-times, or epoch seconds; `Bool` and `Null`
    /// values are `true` or `false`; `IpAddress`/`NotIpAddress` values are IPv4 or IPv6
    /// addresses or CIDR ranges; `BinaryEquals` values are base64. A `String...` operator
    /// (not a negated one) on a Bool key whose values are none of `true`/`false` never
    /// matches either. Values holding a policy variable or a value inserted at run time
    /// are not parsed.
    ///
    /// ### Why
    /// A value IAM cannot read never matches, so the statement grants or denies nothing.
    /// Access Analyzer reports "Type mismatch date", "Type mismatch number", "Type mismatch
    /// Boolean" and "Type mismatch IP range" as general warnings; this is an error here
    /// because the condition is dead (see `catalog/ACCURACY.md`).
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
    /// A `Principal` or `NotPrincipal` in a policy type that takes none.
    ///
    /// ### What it checks
    /// Identity policies, permissions boundaries, session policies and SCPs have no
    /// `Principal` and no `NotPrincipal`. The principal's value is not checked as well.
    ///
    /// ### Why
    /// "You cannot use the Principal element in an identity-based policy": these policies
    /// apply to the identity or session they are attached to, and SCPs to the principals of
    /// the accounts they are attached to ("SCP syntax" has no `Principal`). AWS rejects the
    /// document. It usually means a resource policy was checked as the wrong type.
    ///
    /// ### Example
    /// ```json
    /// { "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::123456789012:root" },
    ///   "Action": "s3:GetObject", "Resource": "arn:aws:s3:::bucket/*" }
    /// ```
    ///
    /// ### Fix
    /// Remove it, or check the policy as a resource policy (`policy!(resource { ... })`,
    /// `--kind resource`). In an SCP, narrow the statement with a condition on
    /// `aws:PrincipalArn`.
    PrincipalNotAllowed, "principal-not-allowed", Error, "this policy type takes no `Principal`";
    /// A statement without a `Principal` in a policy type that needs one.
    ///
    /// ### What it checks
    /// Every statement of a resource policy, a role trust policy, a VPC endpoint policy or
    /// an RCP has a `Principal` (or, where the type supports it, `NotPrincipal`). Reported
    /// at the statement.
    ///
    /// ### Why
    /// "You must use the Principal element in resource-based policies", and a role trust
    /// policy is one; a VPC endpoint policy "must contain a Principal element"; RCP
    /// statements name `"Principal": "*"`. AWS rejects the statement without it.
    ///
    /// ### Example
    /// A bucket policy statement `{ "Effect": "Allow", "Action": "s3:GetObject",
    /// "Resource": "arn:aws:s3:::bucket/*" }`.
    ///
    /// ### Fix
    /// Add who the statement applies to: `"Principal": {"Service": "lambda.amazonaws.com"}`,
    /// `{"AWS": "arn:aws:iam::123456789012:root"}`, or `"*"` (RCPs, endpoint policies).
    MissingPrincipal, "missing-principal", Error, "this policy type needs a `Principal`";
    /// A malformed principal.
    ///
    /// ### What it checks
    /// `Principal`/`NotPrincipal` is `"*"` or an object of `AWS`, `Service`, `Federated`,
    /// `CanonicalUser` (did you mean for others), each a string or an array of strings:
    /// - `AWS`: `*`, a 12-digit account, or an ARN without region or wildcard of an account
    ///   root, user or role (`arn:aws:iam::ACCOUNT:root|user/NAME|role/NAME`), an
    ///   assumed-role session (`arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION`) or a
    ///   federated user (`arn:aws:sts::ACCOUNT:federated-user/NAME`); also the unique ID of
    ///   a deleted user or role (`AIDA...`, `AROA...`, as IAM writes it back) and a
    ///   `CloudFront` origin access identity (`arn:aws:iam::cloudfront:user/CloudFront Origin
    ///   Access Identity ID`). Not a user group.
    /// - `Service`: `NAME.amazonaws.com` (or `.amazonaws.com.cn`, `.amazon.com`).
    /// - `Federated`: a SAML or OIDC provider ARN
    ///   (`arn:aws:iam::ACCOUNT:saml-provider/NAME`, `...:oidc-provider/HOST`), or one of
    ///   `cognito-identity.amazonaws.com`, `www.amazon.com`, `graph.facebook.com`,
    ///   `accounts.google.com`.
    /// - `CanonicalUser`: 64 hexadecimal digits.
    ///
    /// Values with run-time parts are not judged.
    ///
    /// ### Why
    /// IAM User Guide, "AWS JSON policy elements: Principal": "You cannot use a wildcard to
    /// match part of a principal name or ARN"; "You cannot identify a user group as a
    /// principal". AWS rejects the policy ("Invalid principal in policy").
    ///
    /// ### Example
    /// ```json
    /// "Principal": { "Federated": "token.actions.githubusercontent.com" }
    /// ```
    ///
    /// ### Fix
    /// Name the principal exactly (the help shows the form), e.g.
    /// `arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com`, or use
    /// `"*"` with an `aws:PrincipalArn` condition to match by pattern.
    InvalidPrincipal, "invalid-principal", Error, "a principal is malformed";
    /// An element or value the policy type does not support.
    ///
    /// ### What it checks
    /// - Role trust policies: no `Resource`/`NotResource`; `Action` only
    ///   `sts:AssumeRole`, `sts:AssumeRoleWithSAML`, `sts:AssumeRoleWithWebIdentity`,
    ///   `sts:TagSession`, `sts:SetSourceIdentity`, `sts:SetContext` (or patterns matching
    ///   them); no `NotPrincipal`.
    /// - `NotPrincipal` only with `Deny` (resource and VPC endpoint policies).
    /// - RCPs: `Principal` is `"*"`; `Effect` is `Deny` (`Allow` only as in
    ///   `RCPFullAWSAccess`: `*` on `*`); no `NotPrincipal` or `NotAction`; actions of
    ///   services that support RCPs; `"Version": "2012-10-17"`.
    /// - VPC endpoint policies: no wildcard with `aws:PrincipalAccount`/`aws:SourceVpc`;
    ///   at least six characters before or after each wildcard of a `StringLike` value; an
    ///   ARN's account is an id or a wildcard, not both.
    /// - Identity policies, boundaries, trust and session policies: only tab, line feed,
    ///   carriage return and U+0020–U+00FF characters.
    ///
    /// SCPs take the full policy language since 2025 (only `Principal` is refused, by
    /// `principal-not-allowed`).
    ///
    /// ### Why
    /// AWS rejects these documents: IAM ("Has prohibited field Resource"), AWS Organizations
    /// ("RCP syntax"), Amazon VPC ("Control access to VPC endpoints using endpoint policies",
    /// considerations), "IAM and AWS STS quotas" (characters).
    ///
    /// ### Example
    /// `"Action": "s3:GetObject"` in a role trust policy; `"Effect": "Allow"` in an RCP; a
    /// typographic `’` pasted into a condition value.
    ///
    /// ### Fix
    /// The help names what the type takes.
    UnsupportedInPolicyType, "unsupported-in-policy-type", Error, "this policy type does not support the element or value";
    /// A resource policy for a service that takes none.
    ///
    /// ### What it checks
    /// In a resource policy, a statement every action of which belongs to services whose
    /// row of the capability tables ("AWS services that work with IAM", latest edition
    /// first) says "No" to resource-based policies. Statements with `*`, wildcard service
    /// prefixes, unknown services or run-time actions are not judged. The help names the
    /// table, row and footnotes.
    ///
    /// ### Why
    /// Such a policy cannot be attached to the service's resources. Per-action data does
    /// not say which services take resource policies, so the tables decide.
    ///
    /// ### Example
    /// `policy!(resource { ... "Action": ["athena:StartQueryExecution"] ... })`.
    ///
    /// ### Fix
    /// Grant the access in an identity policy of the principal.
    ResourcePolicyUnsupported, "resource-policy-unsupported", Error, "the service does not support resource-based policies";
    /// A session policy allowing a service that does not accept temporary credentials.
    ///
    /// ### What it checks
    /// In a session policy (used with temporary credentials by definition), an allowed
    /// action of a service whose capability table row (latest edition first) says "No" to
    /// temporary credentials. The help names the table, row and footnotes.
    ///
    /// ### Why
    /// The session cannot use that permission. A warning: the newest table is of 2023.
    ///
    /// ### Example
    /// `"Action": "route53domains:ListDomains"` in `policy!(session { ... })`.
    ///
    /// ### Fix
    /// Use long-term credentials for that service, or drop the permission from the
    /// session policy.
    TemporaryCredentialsUnsupported, "temporary-credentials-unsupported", Warning, "the service does not accept temporary credentials";
    /// A service-linked role for a service that has none.
    ///
    /// ### What it checks
    /// In a statement allowing `iam:CreateServiceLinkedRole` (or a pattern matching it), a
    /// value of `iam:AWSServiceName` (not under a `...Not...` operator) naming
    /// `PREFIX.amazonaws.com` whose service's capability table row says "No" to
    /// service-linked roles. Principals without a known prefix are not judged, nor those
    /// whose roles AWS's own managed policies create though the 2023 table lacks them
    /// (`EventBridge`, Service Quotas, VPC Lattice, ...).
    ///
    /// ### Why
    /// There is no such role to create. A warning: services add service-linked roles over
    /// time and the newest table is of 2023.
    ///
    /// ### Example
    /// ```json
    /// "Condition": { "StringEquals": { "iam:AWSServiceName": "sqs.amazonaws.com" } }
    /// ```
    ///
    /// ### Fix
    /// Check the service's documentation for the principal of its service-linked role.
    ServiceLinkedRoleUnsupported, "service-linked-role-unsupported", Warning, "the service does not have service-linked roles";
    /// The policy is larger than its type's quota.
    ///
    /// ### What it checks
    /// The document's size without white space outside strings (strings as written in
    /// JSON; values inserted at run time count as nothing, so the size is then a lower
    /// bound) against its type's quota: identity (a customer managed policy) and boundary
    /// 6,144 characters; trust 2,048 (the default, raisable to 4,096); session 2,048; SCP
    /// and RCP 5,120; VPC endpoint 20,480; resource policies whose actions are all of one
    /// service: S3 20 KB, KMS 32 KB, SQS 8,192 bytes (and 20 statements, 7 actions per
    /// statement), SNS 30 KB (and 100 statements), Lambda 20 KB, `DynamoDB` 20 KB, ECR
    /// 10,240 and Secrets Manager 20,480 characters. Inline policies have per-identity
    /// aggregate quotas instead (user 2,048, group 5,120, role 10,240), which one document
    /// cannot decide.
    ///
    /// ### Why
    /// AWS rejects larger documents. IAM does not count white space; Organizations, VPC
    /// and `DynamoDB` do, so there the finding says "even without white space". AWS
    /// managed policies are not bound by the customer managed quota: allow this code for
    /// them.
    ///
    /// ### Example
    /// An identity policy of 7,000 characters.
    ///
    /// ### Fix
    /// Split it into several managed policies, or use wildcards for families of actions;
    /// for trust policies, ask for the 4,096-character quota.
    PolicyTooLarge, "policy-too-large", Error, "the policy exceeds its type's size quota";

    // --- security (warnings; promote with `#![deny(code)]` or `--deny CODE`) ---
    /// A published privilege-escalation path granted on every resource.
    ///
    /// ### What it checks
    /// In an identity policy, each privilege-escalation method (the 21 of Rhino Security
    /// Labs' "AWS IAM Privilege Escalation – Methods and Mitigation" and the later ones
    /// cloudsplaining 0.9.1 lists, such as `iam:PassRole` + `lambda:CreateFunction` +
    /// `lambda:InvokeFunction`) whose actions the policy all grants without constraint:
    /// from `Allow` statements without `Condition`, on `"*"` or on every resource of the
    /// action's resource types (or with `NotResource`), not taken back by an
    /// unconditioned `Deny` on `"*"`. One finding per string that grants a method's first
    /// action, naming every method found there.
    ///
    /// ### Why
    /// A principal with these permissions can give itself more: attach a policy to itself,
    /// create a key for an administrator, or pass an administrator role to code it writes.
    ///
    /// ### Example
    /// ```json
    /// "Action": ["iam:PassRole", "lambda:CreateFunction", "lambda:InvokeFunction"], "Resource": "*"
    /// ```
    ///
    /// ### Fix
    /// Name the roles, users and functions in `Resource`, or add a condition. A policy
    /// meant to administer IAM allows the code.
    PrivilegeEscalation, "privilege-escalation", Warning, "the policy grants a published privilege-escalation path on every resource";
    /// `iam:PassRole` on every role without `iam:PassedToService`.
    ///
    /// ### What it checks
    /// In an identity policy, an `Allow` statement granting `iam:PassRole` on `"*"` (or on
    /// every role, `arn:aws:iam::*:role/*`, or with `NotResource`) without an
    /// `iam:PassedToService` condition (other conditions do not limit the service).
    ///
    /// ### Why
    /// The principal can hand any role, an administrator's too, to any service that runs
    /// its code (IAM User Guide, "Granting a user permissions to pass a role to an AWS
    /// service"; IAM Access Analyzer's "`PassRole` with star in resource" warning).
    ///
    /// ### Example
    /// ```json
    /// {"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*"}
    /// ```
    ///
    /// ### Fix
    /// Name the roles (`arn:aws:iam::123456789012:role/app-*`) and add
    /// `"StringEquals": {"iam:PassedToService": "lambda.amazonaws.com"}`.
    PassRoleUnrestricted, "pass-role-unrestricted", Warning, "`iam:PassRole` on every role without an `iam:PassedToService` condition";
    /// Actions that read stored data or secrets, on every resource.
    ///
    /// ### What it checks
    /// In an identity policy, an `Allow` statement without `Condition` granting, without
    /// resource constraint, one of cloudsplaining 0.9.1's data-exfiltration actions:
    /// `s3:GetObject`, `ssm:GetParameter`, `ssm:GetParameters`, `ssm:GetParametersByPath`,
    /// `secretsmanager:GetSecretValue`, `rds:CopyDBSnapshot`, `rds:CreateDBSnapshot`.
    ///
    /// ### Why
    /// Unrestricted `s3:GetObject` is the classic source of data leaks; the others read
    /// secrets or copy databases.
    ///
    /// ### Example
    /// ```json
    /// {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}
    /// ```
    ///
    /// ### Fix
    /// Name the buckets, parameters and secrets in `Resource`.
    DataExfiltration, "data-exfiltration", Warning, "actions that read stored data or secrets are granted on every resource";
    /// Permissions-management actions on every resource.
    ///
    /// ### What it checks
    /// In an identity policy, an `Allow` statement without `Condition` granting, without
    /// resource constraint, actions of the catalog's "Permissions management" access level
    /// (`s3:PutBucketPolicy`, `kms:CreateGrant`, `iam:AttachRolePolicy`, `ram:*`, ...), as
    /// cloudsplaining's "resource exposure". The 40 actions of that level whose names
    /// read or call (`Get`, `List`, `Describe`, `Invoke`, ...: `glue:GetStage`,
    /// `backup:ListIndexedRecoveryPointsForSearch`) change no permission and are left out.
    ///
    /// ### Why
    /// These actions change who may use a resource: a bucket policy can make a bucket
    /// public, a key grant hands a key to another account.
    ///
    /// ### Example
    /// ```json
    /// {"Effect": "Allow", "Action": "s3:PutBucketPolicy", "Resource": "*"}
    /// ```
    ///
    /// ### Fix
    /// Name the resources whose permissions the principal manages, or add a condition.
    ResourceExposure, "resource-exposure", Warning, "permissions-management actions are granted on every resource";
    /// Actions that return credentials, on every resource.
    ///
    /// ### What it checks
    /// In an identity policy, an `Allow` statement without `Condition` granting, without
    /// resource constraint, an action whose response carries credentials (cloudsplaining
    /// 0.9.1's list, misspellings fixed: `iam:CreateAccessKey`, `ecr:GetAuthorizationToken`,
    /// `sts:AssumeRole`, `redshift:GetClusterCredentials`, `ec2:GetPasswordData`, ...).
    ///
    /// ### Why
    /// Credentials outlive the request: keys and tokens leak into logs, shells and CI.
    ///
    /// ### Example
    /// ```json
    /// {"Effect": "Allow", "Action": "iam:CreateAccessKey", "Resource": "*"}
    /// ```
    ///
    /// ### Fix
    /// Name the users, roles or registries in `Resource`, or add a condition.
    CredentialsExposure, "credentials-exposure", Warning, "actions that return credentials are granted on every resource";
    /// `Allow` with `NotAction` or `NotResource`.
    ///
    /// ### What it checks
    /// In identity, resource and trust policies, an `Allow` statement that uses
    /// `NotAction` or `NotResource`.
    ///
    /// ### Why
    /// It grants everything but a list, including actions and resources AWS adds later
    /// (IAM User Guide, "`NotAction`": "be careful using the `NotAction` element with `Allow`";
    /// "NotResource": "use it with caution" with `Allow`).
    ///
    /// ### Example
    /// ```json
    /// {"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}
    /// ```
    ///
    /// ### Fix
    /// List what is allowed, or keep the exclusion in a `Deny` statement.
    AllowWithNot, "allow-with-not", Warning, "`Allow` with `NotAction` or `NotResource` grants everything but a list";
    /// A resource or trust policy open to anyone.
    ///
    /// ### What it checks
    /// In resource and trust policies, an `Allow` statement whose principal is `"*"` (or
    /// `{"AWS": "*"}`) without a condition (under an operator that matches, not a `...Not...`
    /// one) on a key that limits who: `aws:PrincipalOrgID`, `aws:PrincipalAccount`,
    /// `aws:PrincipalArn`, `aws:SourceArn`, `aws:SourceAccount`, `aws:SourceVpce`,
    /// `aws:SourceIp`, `kms:CallerAccount`, ... (IAM Access Analyzer's public-access
    /// findings and policy check reference).
    ///
    /// ### Why
    /// Any AWS principal, in any account, or anonymous callers, get the access.
    ///
    /// ### Example
    /// ```json
    /// {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}
    /// ```
    ///
    /// ### Fix
    /// Name the principals, or add a condition on `aws:PrincipalOrgID` or
    /// `aws:SourceArn`. Allow the code for a deliberately public resource.
    PublicAccess, "public-access", Warning, "the policy grants access to any principal without a limiting condition";
    /// A trust policy that trusts a whole account without an external id or organization
    /// condition.
    ///
    /// ### What it checks
    /// In a trust policy, an `Allow` statement whose `AWS` principal is an account
    /// (`123456789012` or `arn:aws:iam::123456789012:root`) without a condition on
    /// `sts:ExternalId`, `aws:PrincipalOrgID`, `aws:PrincipalOrgPaths`,
    /// `aws:PrincipalArn` or `sts:SourceIdentity`.
    ///
    /// ### Why
    /// Every principal its administrators allow may assume the role; for a third party
    /// this is the confused-deputy problem the external id solves (IAM User Guide, "How to
    /// use an external ID when granting access to your AWS resources to a third party").
    /// The engine does not know the role's own account, so a trust in the same account
    /// is reported too.
    ///
    /// ### Example
    /// ```json
    /// {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "sts:AssumeRole"}
    /// ```
    ///
    /// ### Fix
    /// Add `"StringEquals": {"sts:ExternalId": "..."}`, or `aws:PrincipalOrgID`, or name
    /// the role that may assume it.
    CrossAccountTrustUnconditioned, "cross-account-trust-unconditioned", Warning, "a trust policy trusts a whole account without an external id or organization condition";
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One finding: what is wrong, where, and how to fix it. Built with [`Diagnostic::new`]
/// and [`Diagnostic::with_help`]; its fields are public to read (more may come).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Diagnostic<L = crate::view::Loc> {
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

    /// The same finding located by `f`: how a front end turns the engine's [`Loc`]s into
    /// its own locations.
    ///
    /// [`Loc`]: crate::view::Loc
    pub fn map_loc<M>(self, f: impl FnOnce(L) -> M) -> Diagnostic<M> {
        Diagnostic {
            code: self.code,
            severity: self.severity,
            message: self.message,
            help: self.help,
            loc: f(self.loc),
        }
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

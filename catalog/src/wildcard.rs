//! What IAM evaluates for an action without resource types, and the evidence for it.
//!
//! The Service Authorization Reference (SAR) lists no resource type for about a quarter of
//! all actions and says of them: "If there is no value for this column, you must specify
//! all resources (`*`) to which the policy applies in the Resource element of your policy
//! statement". That is the default here. It is not the whole truth: some of these actions
//! are authorized on an ARN that the service builds for the request (the Logs service
//! authorizes `logs:DescribeLogGroups` on `log-group::log-stream:`, IAM authorizes
//! `iam:ListRoles` on `role/` followed by the path prefix), and AWS's own policies grant
//! a few hundred of them on ARNs. Each action without resource types falls in one class:
//!
//! - [`WildcardOnly::Star`]: IAM evaluates `*` only, so any ARN grants nothing (an error).
//!   The default when nothing says otherwise (`sts:GetCallerIdentity` on a role ARN is an
//!   error), and documented for a group (every EC2 action without resource-level
//!   permissions, so `ec2:DescribeInstances` on an instance ARN) and a few actions.
//! - [`WildcardOnly::Request`]: the service authorizes the request on a known ARN; a
//!   statement whose resources cannot match it grants nothing (an error), one whose
//!   resources can match it works. From [`REQUEST_ARNS`], a hand-kept table with the
//!   source of each entry.
//! - [`WildcardOnly::Scoped`]: no AWS page says which ARN the request carries, but
//!   AWS-authored policies (managed policies, the IAM and Organizations user guides'
//!   examples) grant the action on ARNs: a warning that cites them. Derived by
//!   `cargo xtask catalog` from those policies (action and policy names only), in
//!   `data/scoped.rs`.
//!
//! The hand-kept table wins over the derived evidence: AWS policies also scope
//! `lambda:ListFunctions` and `logs:DescribeLogGroups` to ARNs that their documented
//! request ARNs never match, and those grants are dead.

use crate::data::scoped::SCOPED;
use crate::model::Action;
use crate::query::{has_wildcard, wildcard_matches};

/// What IAM evaluates for an action that has no resource type in the SAR.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WildcardOnly {
    /// `"*"` only: any ARN grants nothing.
    Star {
        /// The AWS page that says so, or `None` for the SAR's default.
        source: Option<&'static str>,
    },
    /// The service authorizes the request on one of these ARNs (written like ARN formats:
    /// `${...}` is any non-empty text; every other character, `*` included, is itself).
    Request {
        /// The request ARNs.
        arns: &'static [&'static str],
        /// Where this is documented or observed.
        source: &'static str,
    },
    /// AWS-authored policies grant the action on ARNs; which ARN IAM evaluates is not
    /// documented.
    Scoped(Scoped),
}

/// The AWS-authored policies that grant an action without resource types on ARNs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Scoped {
    /// How many AWS-authored policies do.
    pub policies: u32,
    /// Up to three of them, managed policies first: "AWS managed policy `Name`", or the
    /// user guide page.
    pub cited: &'static [&'static str],
    /// The service fields of the ARNs those statements use (`*` included).
    pub services: &'static [&'static str],
}

impl Scoped {
    /// Whether an ARN whose service field is `service` is among those AWS's policies use
    /// (a `*` on either side fits).
    pub fn fits_service(&self, service: &crate::query::FieldPattern) -> bool {
        self.services.iter().any(|s| {
            s.contains('*') || crate::query::FieldPattern::literal_text(s).overlaps(service)
        })
    }
}

/// A hand-kept fact: an action without resource types (or a pattern of them, where AWS
/// documents a whole group), the ARNs its requests carry (none: `"*"` only), and the
/// source.
#[non_exhaustive]
pub struct Fact {
    /// `prefix:Action`, or a pattern (`ec2:*`) for every action without resource types it
    /// matches; an action's own entry wins over a pattern.
    pub action: &'static str,
    /// The request ARNs, or empty for `"*"` only.
    pub arns: &'static [&'static str],
    /// The AWS page (or, where AWS documents nothing, the observed error) it rests on.
    pub source: &'static str,
}

/// The actions without resource types whose request ARN is known, or which AWS documents
/// as `"*"` only, each with its source. Sorted by lowercase action.
pub const REQUEST_ARNS: &[Fact] = &[
    Fact {
        action: "cloudformation:ListStacks",
        arns: &["arn:${Partition}:cloudformation:${Region}:${Account}:stack/*/*"],
        source: "observed, not documented: CloudFormation denies ListStacks \"on resource: arn:aws:cloudformation:REGION:ACCOUNT:stack/*/*\" (AccessDenied message quoted in github.com/jogold/cloudstructs/issues/215 and github.com/ruby-no-kai/rubykaigi-net/pull/61); `stack/*` and `stack/*/*` match it, a named stack does not",
    },
    Fact {
        action: "ec2:*",
        arns: &[],
        source: "Amazon EC2 User Guide, \"Example policies to control access the Amazon EC2 API\" (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ExamplePolicies_EC2.html), \"Read-only access\": the `*` wildcard \"is also necessary in cases where the API action does not support resource-level permissions\"; the EC2 guide's resource-level permissions page: \"If an Amazon EC2 API action does not support resource-level permissions, you can grant users permission to use the action, but you have to specify a * for the resource element\"",
    },
    Fact {
        action: "iam:ListRoles",
        arns: &[
            "arn:${Partition}:iam::${Account}:role/",
            "arn:${Partition}:iam::${Account}:role/${Path}/",
        ],
        source: "IAM API Reference, ListRoles (https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListRoles.html): PathPrefix is `/` or begins and ends with `/`, default `/`; IAM User Guide, \"IAM identifiers\" (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html): a path is part of the ARN (`role/division_abc/...`), and the guide grants the user listing on a path the same way (iam:ListUsers, \"IAM: Access the policy simulator console based on user path\"); IAM denies ListRoles \"on resource: arn:aws:iam::ACCOUNT:role/\" for the default path",
    },
    Fact {
        action: "iam:ListUsers",
        arns: &[
            "arn:${Partition}:iam::${Account}:user/",
            "arn:${Partition}:iam::${Account}:user/${Path}/",
        ],
        source: "IAM API Reference, ListUsers (https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListUsers.html): PathPrefix is `/` or begins and ends with `/`, default `/`; IAM User Guide, \"IAM: Access the policy simulator console based on user path\" (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_iam_policy-sim-path-console.html): grants iam:ListUsers on `arn:aws:iam::*:user/Department/Development/*`, the users of that path; IAM denies ListUsers \"on resource: arn:aws:iam::ACCOUNT:user/\" for the default path",
    },
    Fact {
        action: "lambda:ListFunctions",
        arns: &[],
        source: "AWS Lambda Developer Guide, \"Fine-tuning the Resources and Conditions sections of policies\" (https://docs.aws.amazon.com/lambda/latest/dg/lambda-api-permissions-ref.html): actions that do not act on a named resource take `\"Resource\": \"*\"`; ListFunctions is among them",
    },
    Fact {
        action: "logs:DescribeLogGroups",
        arns: &["arn:${Partition}:logs:${Region}:${Account}:log-group::log-stream:"],
        source: "Amazon CloudWatch Logs User Guide, \"Enable logging from AWS services\" (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/AWS-logs-infrastructure-CWL.html): for logs:DescribeLogGroups \"set the ARN of its Resource line to use a * wildcard, instead of specifying only a single log group name\", e.g. `log-group:*`; the request ARN `log-group::log-stream:` is the one AccessDenied messages name (github.com/hashicorp/terraform-provider-aws/issues/8804)",
    },
    Fact {
        action: "s3:ListAllMyBuckets",
        arns: &[],
        source: "Amazon S3 User Guide, \"Policy actions for Amazon S3\" (https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-with-s3-policy-actions.html): ListAllMyBuckets is a service operation, granted on `*` or `arn:aws:s3:::*`",
    },
    Fact {
        action: "ssmmessages:OpenDataChannel",
        arns: &["arn:${Partition}:ssm:${Region}:${Account}:session/${SessionId}"],
        source: "AWS Systems Manager User Guide, \"Sample IAM policies for Session Manager\" (https://docs.aws.amazon.com/systems-manager/latest/userguide/getting-started-restrict-access-quickstart.html): grants ssmmessages:OpenDataChannel on `arn:aws:ssm:*:*:session/${aws:userid}-*`, the ARN of the session the channel belongs to",
    },
];

/// The hand-kept fact of an action, if any: its own entry, else a pattern's.
pub fn fact(action: Action) -> Option<&'static Fact> {
    let name = action.full_name();
    REQUEST_ARNS
        .iter()
        .find(|f| f.action.eq_ignore_ascii_case(&name))
        .or_else(|| {
            REQUEST_ARNS
                .iter()
                .find(|f| has_wildcard(f.action) && wildcard_matches(f.action, &name))
        })
}

/// The AWS-authored policies that grant an action on ARNs, if any (whatever the action's
/// class: explain shows them beside a hand-kept fact).
pub fn scoped_by_aws(action: Action) -> Option<Scoped> {
    let key = action.full_name().to_ascii_lowercase();
    SCOPED
        .binary_search_by(|(k, ..)| (*k).cmp(key.as_str()))
        .ok()
        .and_then(|i| SCOPED.get(i))
        .map(|(_, _, policies, cited, services)| Scoped {
            policies: *policies,
            cited,
            services,
        })
}

impl Action {
    /// For an action without resource types, what IAM evaluates and the evidence; `None`
    /// for an action that has resource types.
    pub fn wildcard_only(self) -> Option<WildcardOnly> {
        if !self.is_wildcard_only() {
            return None;
        }
        if let Some(fact) = fact(self) {
            return Some(if fact.arns.is_empty() {
                WildcardOnly::Star {
                    source: Some(fact.source),
                }
            } else {
                WildcardOnly::Request {
                    arns: fact.arns,
                    source: fact.source,
                }
            });
        }
        Some(scoped_by_aws(self).map_or(WildcardOnly::Star { source: None }, WildcardOnly::Scoped))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted_and_name_actions_without_resource_types() {
        for pair in REQUEST_ARNS.windows(2) {
            let [a, b] = pair else { continue };
            assert!(
                a.action.to_ascii_lowercase() < b.action.to_ascii_lowercase(),
                "{} before {}",
                a.action,
                b.action
            );
        }
        for fact in REQUEST_ARNS {
            let actions = crate::query::expand(fact.action);
            assert!(
                actions.iter().any(|a| a.is_wildcard_only()),
                "{} names no action without resource types",
                fact.action
            );
            assert!(
                has_wildcard(fact.action) || actions.len() == 1,
                "{}",
                fact.action
            );
            for arn in fact.arns {
                assert!(
                    crate::query::FormatPattern::parse_request(arn).is_some(),
                    "{arn}: not an ARN"
                );
            }
            assert!(!fact.source.is_empty());
        }
        for pair in SCOPED.windows(2) {
            let [a, b] = pair else { continue };
            assert!(a.0 < b.0, "{} before {}", a.0, b.0);
        }
        for (key, name, policies, cited, _) in SCOPED {
            let action = crate::action(name).unwrap_or_else(|| panic!("{name}"));
            assert_eq!(action.full_name().to_ascii_lowercase(), *key);
            assert!(action.is_wildcard_only(), "{name} has resource types");
            assert!(*policies >= 1 && !cited.is_empty());
        }
    }

    #[test]
    fn classes() {
        let class = |name: &str| crate::action(name).and_then(Action::wildcard_only);
        // Has resource types: no class.
        assert_eq!(class("s3:GetObject"), None);
        // The default: nothing says otherwise.
        assert_eq!(
            class("sts:GetCallerIdentity"),
            Some(WildcardOnly::Star { source: None })
        );
        // A documented group: EC2's actions without resource-level permissions, although
        // AWS policies scope `ec2:DescribeSubnets`.
        assert!(matches!(
            class("ec2:DescribeSubnets"),
            Some(WildcardOnly::Star { source: Some(_) })
        ));
        // Documented `*` only, although AWS policies scope it.
        assert!(matches!(
            class("lambda:ListFunctions"),
            Some(WildcardOnly::Star { source: Some(_) })
        ));
        assert!(scoped_by_aws(crate::action("lambda:ListFunctions").unwrap()).is_some());
        assert!(matches!(
            class("logs:DescribeLogGroups"),
            Some(WildcardOnly::Request { .. })
        ));
        let Some(WildcardOnly::Scoped(scoped)) = class("sagemaker:ListEndpoints") else {
            panic!("sagemaker:ListEndpoints is scoped by AWS policies");
        };
        assert!(
            scoped
                .cited
                .iter()
                .any(|c| c.starts_with("AWS managed policy"))
        );
        assert!(scoped.services.contains(&"sagemaker"));
    }
}

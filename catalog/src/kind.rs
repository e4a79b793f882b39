//! The policy types the engine knows, and every fact the engine keeps per type, in one
//! table ([`Facts`], read through `PolicyKind::facts`): which elements a type takes, who
//! stores it, its size quota. The rule modules read these facts; none keeps its own
//! `match` on the type for a fact.

use std::fmt;

use crate::check::quota::Quota;

/// The principal kinds of the `Principal` element, as policies write them ("AWS JSON
/// policy elements: Principal"). The one list: the engine's `invalid-principal` rule and
/// `iam_policy::document::PrincipalKind` read it.
pub const PRINCIPAL_KINDS: &[&str] = &["AWS", "Service", "Federated", "CanonicalUser"];

/// The type of a policy: it decides which elements are allowed and the size quota.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum PolicyKind {
    /// An identity-based policy attached to a user, group or role (the default).
    #[default]
    Identity,
    /// A resource-based policy (S3 bucket policy, KMS key policy, SQS queue policy, ...).
    /// The service it belongs to, when known, is given beside the kind
    /// ([`crate::check::Options::service`]), so that the service's own rules apply.
    Resource,
    /// A role trust policy (the role's `AssumeRolePolicyDocument`).
    Trust,
    /// An AWS Organizations service control policy.
    Scp,
    /// An AWS Organizations resource control policy.
    Rcp,
    /// A permissions boundary.
    Boundary,
    /// A session policy passed to `AssumeRole*` or `GetFederationToken`.
    Session,
    /// A VPC endpoint policy.
    Endpoint,
}

impl PolicyKind {
    /// Every kind, in the order above.
    pub const ALL: [PolicyKind; 8] = [
        PolicyKind::Identity,
        PolicyKind::Resource,
        PolicyKind::Trust,
        PolicyKind::Scp,
        PolicyKind::Rcp,
        PolicyKind::Boundary,
        PolicyKind::Session,
        PolicyKind::Endpoint,
    ];

    /// The lowercase name used by the macro and the CLI (`identity`, `scp`, ...).
    pub fn name(self) -> &'static str {
        self.facts().name
    }

    /// What the engine knows of this type.
    pub(crate) fn facts(self) -> &'static Facts {
        match self {
            PolicyKind::Identity => &IDENTITY,
            PolicyKind::Resource => &RESOURCE,
            PolicyKind::Trust => &TRUST,
            PolicyKind::Scp => &SCP,
            PolicyKind::Rcp => &RCP,
            PolicyKind::Boundary => &BOUNDARY,
            PolicyKind::Session => &SESSION,
            PolicyKind::Endpoint => &ENDPOINT,
        }
    }

    /// The kind with this name (case-insensitive).
    pub fn from_name(name: &str) -> Option<PolicyKind> {
        PolicyKind::ALL
            .into_iter()
            .find(|k| k.name().eq_ignore_ascii_case(name))
    }
}

impl fmt::Display for PolicyKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Whether a type's statements name a `Principal`.
///
/// Sources ("AWS JSON policy elements: Principal" unless said): "You must use the
/// `Principal` element in resource-based policies" (a role trust policy is one: "The IAM
/// resource-based policy type is a role trust policy"); VPC endpoint policies: "It must
/// contain a Principal element" (`PrivateLink` guide); RCPs: the `Principal` element is
/// part of every RCP statement, as `"*"` ("RCP syntax"). Identity policies, permissions
/// boundaries and session policies apply to the identity or session they are attached to:
/// "You cannot use the Principal element in an identity-based policy". SCPs apply to the
/// principals of the accounts they are attached to and have no `Principal` element ("SCP
/// syntax" lists none).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PrincipalRule {
    /// Every statement needs one (`missing-principal`); the help says what to add.
    Required {
        /// The help of `missing-principal`.
        help: &'static str,
    },
    /// No statement may have one (`principal-not-allowed`).
    Forbidden {
        /// Whom the policy applies to instead, for the message.
        applies_to: &'static str,
        /// The help of `principal-not-allowed`, after "remove `Principal`".
        instead: &'static str,
    },
}

/// The facts the engine keeps about one policy type.
#[derive(Debug)]
#[expect(
    clippy::struct_excessive_bools,
    reason = "a table of independent yes/no facts, each with its source"
)]
pub(crate) struct Facts {
    /// The lowercase name used by the macro and the CLI.
    pub(crate) name: &'static str,
    /// The type with its article, for messages: "a role trust" (policy).
    pub(crate) described: &'static str,
    /// Whether statements name a `Principal`.
    pub(crate) principal: PrincipalRule,
    /// Whether `NotPrincipal` is supported ("NotPrincipal": "supported in resource-based
    /// policies for some AWS services, including VPC endpoints ... You cannot use the
    /// `NotPrincipal` element in an IAM identity-based policy nor in an IAM role trust
    /// policy"; "RCP syntax" lists no `NotPrincipal`).
    pub(crate) not_principal: bool,
    /// Whether a statement needs `Resource` or `NotResource` (all but trust policies,
    /// whose resource is the role: "IAM JSON policy elements: Resource").
    pub(crate) resource_required: bool,
    /// Whether IAM stores the document, so Sids hold only ASCII letters and digits ("IAM
    /// JSON policy elements: Sid"); other services and AWS Organizations document no
    /// character rule.
    pub(crate) stored_by_iam: bool,
    /// Whether IAM or STS read the document, so its characters are checked against "IAM
    /// and AWS STS quotas" (character set of policy documents).
    pub(crate) iam_characters: bool,
    /// The size quota, with its source; `None` for resource policies, whose quota is the
    /// service's (`check::quota::resource_quota`).
    pub(crate) quota: Option<Quota>,
    /// How to get under the quota.
    pub(crate) quota_help: &'static str,
}

const IDENTITY_APPLIES: PrincipalRule = PrincipalRule::Forbidden {
    applies_to: "it applies to the identity it is attached to",
    instead: "or check the policy as a `resource` policy if it is one",
};

static IDENTITY: Facts = Facts {
    name: "identity",
    described: "an identity",
    principal: IDENTITY_APPLIES,
    not_principal: false,
    resource_required: true,
    stored_by_iam: true,
    iam_characters: true,
    // IAM User Guide, "IAM and AWS STS quotas": managed policy size 6,144 characters,
    // white space not counted. `identity` assumes a customer managed policy.
    quota: Some(Quota::chars(6_144, "a customer managed policy").iam()),
    quota_help: "split it into several managed policies (a role or user takes up to 10 by default), or use wildcards for families of actions",
};

static RESOURCE: Facts = Facts {
    name: "resource",
    described: "a resource",
    principal: PrincipalRule::Required {
        help: "add who the statement applies to, e.g. `\"Principal\": {\"AWS\": \"arn:aws:iam::123456789012:root\"}`",
    },
    not_principal: true,
    resource_required: true,
    stored_by_iam: false,
    iam_characters: false,
    quota: None,
    quota_help: "shorten it: merge statements, or use wildcards for families of actions",
};

static TRUST: Facts = Facts {
    name: "trust",
    described: "a role trust",
    principal: PrincipalRule::Required {
        help: "add who may assume the role, e.g. `\"Principal\": {\"Service\": \"lambda.amazonaws.com\"}`",
    },
    not_principal: false,
    resource_required: false,
    stored_by_iam: true,
    iam_characters: true,
    // "IAM and AWS STS quotas", adjustable quotas: "Role trust policy length: 2048
    // characters" by default, up to 4,096 through Service Quotas. The page does not say
    // whether white space counts here.
    quota: Some(Quota::chars(
        2_048,
        "a role trust policy (the default quota)",
    )),
    quota_help: "ask for a higher quota (up to 4,096 characters) in Service Quotas, or shorten the principal and condition lists",
};

static SCP: Facts = Facts {
    name: "scp",
    described: "a service control",
    principal: PrincipalRule::Forbidden {
        applies_to: "it applies to the principals of the accounts and organizational units it is attached to",
        instead: "and narrow it with a condition on `aws:PrincipalArn`",
    },
    not_principal: false,
    resource_required: true,
    stored_by_iam: false,
    iam_characters: false,
    // AWS Organizations User Guide, "Quotas and service limits for AWS Organizations":
    // maximum size of a policy document, service control policies 5,120 characters;
    // "SCP syntax": "All characters in your SCP count against its maximum size".
    quota: Some(Quota::chars(5_120, "a service control policy")),
    quota_help: "split it into several policies attached to the same target (up to 5 per target); white space counts toward this quota, so send it minified",
};

static RCP: Facts = Facts {
    name: "rcp",
    described: "a resource control",
    principal: PrincipalRule::Required {
        help: "add `\"Principal\": \"*\"`",
    },
    not_principal: false,
    resource_required: true,
    stored_by_iam: false,
    iam_characters: false,
    // Same page: resource control policies 5,120 characters ("RCP syntax": all characters
    // count).
    quota: Some(Quota::chars(5_120, "a resource control policy")),
    quota_help: "split it into several policies attached to the same target (up to 5 per target); white space counts toward this quota, so send it minified",
};

static BOUNDARY: Facts = Facts {
    name: "boundary",
    described: "a permissions boundary",
    principal: IDENTITY_APPLIES,
    not_principal: false,
    resource_required: true,
    stored_by_iam: true,
    iam_characters: true,
    // A permissions boundary is a managed policy (same quota).
    quota: Some(Quota::chars(6_144, "a managed policy used as a permissions boundary").iam()),
    quota_help: "a user or role takes one permissions boundary, so shorten it: merge statements, or use wildcards for families of actions",
};

static SESSION: Facts = Facts {
    name: "session",
    described: "a session",
    principal: IDENTITY_APPLIES,
    not_principal: false,
    resource_required: true,
    stored_by_iam: false,
    iam_characters: true,
    // STS API reference, `AssumeRole` / `GetFederationToken`, parameter `Policy`: "The
    // plaintext that you use for both inline and managed session policies can't exceed
    // 2,048 characters" (a separate packed-size limit also applies).
    quota: Some(Quota::chars(2_048, "a session policy")),
    quota_help: "pass managed policies by ARN (`PolicyArns`, up to 10) instead of inline text, or use wildcards for families of actions",
};

static ENDPOINT: Facts = Facts {
    name: "endpoint",
    described: "a VPC endpoint",
    principal: PrincipalRule::Required {
        help: "add `\"Principal\": \"*\"`, or the principals that may use the endpoint",
    },
    not_principal: true,
    resource_required: true,
    stored_by_iam: false,
    iam_characters: false,
    // AWS PrivateLink guide, "Control access to VPC endpoints using endpoint policies":
    // "The size of an endpoint policy cannot exceed 20,480 characters, including white
    // space."
    quota: Some(Quota::chars(20_480, "a VPC endpoint policy")),
    quota_help: "shorten it: merge statements, or use wildcards for families of actions; white space counts toward this quota, so send it minified",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_its_own_facts() {
        for kind in PolicyKind::ALL {
            assert_eq!(PolicyKind::from_name(kind.name()), Some(kind));
            let facts = kind.facts();
            assert!(facts.described.starts_with('a'), "{kind}");
            // A type that takes no `Principal` takes no `NotPrincipal`.
            if matches!(facts.principal, PrincipalRule::Forbidden { .. }) {
                assert!(!facts.not_principal, "{kind}");
            }
            // Resource policies alone have the service's quota.
            assert_eq!(
                facts.quota.is_none(),
                kind == PolicyKind::Resource,
                "{kind}"
            );
            // What IAM stores, IAM reads.
            assert!(!facts.stored_by_iam || facts.iam_characters, "{kind}");
        }
    }
}

//! The policy types the engine knows.

use std::fmt;

/// The principal kinds of the `Principal` element, as policies write them ("AWS JSON
/// policy elements: Principal"). The one list: the engine's `invalid-principal` rule and
/// `iam_policy::document::PrincipalKind` read it.
pub const PRINCIPAL_KINDS: &[&str] = &["AWS", "Service", "Federated", "CanonicalUser"];

/// The type of a policy: it decides which elements are allowed and the size quota.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum PolicyKind {
    /// An identity-based policy attached to a user, group or role (the default).
    #[default]
    Identity,
    /// A resource-based policy (S3 bucket policy, KMS key policy, SQS queue policy, ...).
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
        match self {
            PolicyKind::Identity => "identity",
            PolicyKind::Resource => "resource",
            PolicyKind::Trust => "trust",
            PolicyKind::Scp => "scp",
            PolicyKind::Rcp => "rcp",
            PolicyKind::Boundary => "boundary",
            PolicyKind::Session => "session",
            PolicyKind::Endpoint => "endpoint",
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

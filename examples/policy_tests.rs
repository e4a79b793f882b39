//! Unit tests for policies: a multi-tenant application's role may read every tenant's
//! data, and each request runs under a session policy scoped to one tenant. The tests
//! prove that tenant A reads its own prefix and not tenant B's, offline, in `cargo test`.
//!
//! Copy this file's pattern into your own `tests/`:
//!
//! ```sh
//! cargo test --example policy_tests   # runs the #[test]s below (also part of `cargo test`)
//! cargo run --example policy_tests    # prints the decisions
//! ```

use iam_policy::eval::{PolicySet, Request};
use iam_policy::policy;

const ROLE_SESSION: &str = "arn:aws:sts::111122223333:assumed-role/app/tenant-session";

/// The application role's identity policy: every tenant's data.
fn role_policy() -> iam_policy::Policy {
    policy!({
        "Version": "2012-10-17",
        "Statement": [{
            "Sid": "AllTenants",
            "Effect": "Allow",
            "Action": ["s3:GetObject", "s3:PutObject"],
            "Resource": "arn:aws:s3:::tenant-data/*"
        }, {
            "Sid": "ListAllTenants",
            "Effect": "Allow",
            "Action": "s3:ListBucket",
            "Resource": "arn:aws:s3:::tenant-data"
        }]
    })
}

/// The session policy passed to `AssumeRole` for one tenant: its prefix only, read-only.
fn tenant_session_policy(tenant: &str) -> iam_policy::Policy {
    policy!(session {
        "Version": "2012-10-17",
        "Statement": [{
            "Sid": "OwnPrefix",
            "Effect": "Allow",
            "Action": "s3:GetObject",
            "Resource": "arn:aws:s3:::tenant-data/{tenant}/*"
        }, {
            "Sid": "ListOwnPrefix",
            "Effect": "Allow",
            "Action": "s3:ListBucket",
            "Resource": "arn:aws:s3:::tenant-data",
            "Condition": {"StringLike": {"s3:prefix": "{tenant}/*"}}
        }]
    })
}

/// What a session for `tenant` can do: the role's policy within the session policy.
fn session_for(tenant: &str) -> PolicySet {
    PolicySet::new()
        .identity(role_policy().compile("role"))
        .session(tenant_session_policy(tenant).compile("session"))
}

fn get(key: &str) -> Request {
    Request::new("s3:GetObject", format!("arn:aws:s3:::tenant-data/{key}")).principal(ROLE_SESSION)
}

fn main() {
    let a = session_for("tenant-a");
    for request in [get("tenant-a/report.csv"), get("tenant-b/report.csv")] {
        let evaluation = a.evaluate(&request);
        println!(
            "{} {}: {}",
            request.action(),
            request.resource(),
            evaluation.decision
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use iam_policy::{assert_allowed, assert_denied};

    #[test]
    fn tenant_reads_its_own_prefix() {
        assert_allowed!(session_for("tenant-a"), get("tenant-a/report.csv"));
        assert_allowed!(session_for("tenant-b"), get("tenant-b/2026/report.csv"));
    }

    #[test]
    fn tenant_cannot_read_another_tenants_prefix() {
        assert_denied!(session_for("tenant-a"), get("tenant-b/report.csv"));
        // A prefix that merely starts like the tenant's is another tenant.
        assert_denied!(session_for("tenant-a"), get("tenant-ab/report.csv"));
    }

    #[test]
    fn session_is_read_only_although_the_role_may_write() {
        assert_allowed!(
            role_policy(),
            Request::new("s3:PutObject", "arn:aws:s3:::tenant-data/tenant-a/x")
        );
        assert_denied!(
            session_for("tenant-a"),
            Request::new("s3:PutObject", "arn:aws:s3:::tenant-data/tenant-a/x")
                .principal(ROLE_SESSION)
        );
    }

    #[test]
    fn listing_is_limited_to_the_prefix() {
        let list = |prefix: &str| {
            Request::new("s3:ListBucket", "arn:aws:s3:::tenant-data")
                .principal(ROLE_SESSION)
                .context("s3:prefix", prefix)
        };
        assert_allowed!(session_for("tenant-a"), list("tenant-a/2026/"));
        assert_denied!(session_for("tenant-a"), list("tenant-b/"));
        // Without `s3:prefix` the condition cannot hold: the evaluation says which key
        // was missing, so a test can tell "denied" from "forgot the context".
        let e = session_for("tenant-a").evaluate(
            &Request::new("s3:ListBucket", "arn:aws:s3:::tenant-data").principal(ROLE_SESSION),
        );
        assert!(!e.decision.is_allowed());
        assert_eq!(e.missing_context_keys, ["s3:prefix"]);
    }

    #[test]
    fn a_tenant_name_with_wildcards_is_data() {
        // `{tenant}` is written with IAM's escapes: a tenant called `*` is no wildcard.
        assert_denied!(session_for("*"), get("tenant-a/report.csv"));
        assert_allowed!(session_for("*"), get("*/report.csv"));
    }
}

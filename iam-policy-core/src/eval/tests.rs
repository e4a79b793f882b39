//! Evaluation tests. The worked examples of the IAM User Guide's evaluation-logic pages
//! come first, each with its page; then one test per rule, each with a case where the
//! rule allows and one where it denies.

use super::*;
use iam_catalog::view::{Node, PolicyView};

/// Test JSON read by the crate's one JSON reader.
fn parse(json: &str) -> Node<'static> {
    match crate::json::read(json) {
        Ok(root) => root.into_owned(),
        Err(e) => panic!("test JSON does not parse: {e:?}\n{json}"),
    }
}

fn policy(name: &str, json: &str) -> CompiledPolicy {
    let p = CompiledPolicy::new(name, &PolicyView::new(parse(json)));
    assert!(p.findings().is_empty(), "{:?}", p.findings());
    p
}

/// A policy of one statement.
fn one(statement: &str) -> CompiledPolicy {
    policy(
        "p",
        &format!(r#"{{"Version": "2012-10-17", "Statement": [{statement}]}}"#),
    )
}

const CARLOS: &str = "arn:aws:iam::123456789012:user/carlossalazar";

/// IAM User Guide, "Policy evaluation for requests within a single account", section
/// "Example identity-based and resource-based policy evaluation" (corpus
/// `iam-user-guide/162-…-l141.json` and `163-…-l179.json`).
#[test]
fn guide_single_account_identity_and_resource() {
    let identity = policy(
        "carlos",
        r#"{"Version": "2012-10-17", "Statement": [
            {"Sid": "AllowS3ListRead", "Effect": "Allow",
             "Action": ["s3:GetBucketLocation", "s3:GetAccountPublicAccessBlock",
                        "s3:ListAccessPoints", "s3:ListAllMyBuckets"],
             "Resource": "arn:aws:s3:::*"},
            {"Sid": "AllowS3Self", "Effect": "Allow", "Action": "s3:*",
             "Resource": ["arn:aws:s3:::carlossalazar/*", "arn:aws:s3:::carlossalazar"]},
            {"Sid": "DenyS3Logs", "Effect": "Deny", "Action": "s3:*",
             "Resource": "arn:aws:s3:::*log*"}]}"#,
    );
    let bucket = policy(
        "bucket",
        r#"{"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow",
             "Principal": {"AWS": "arn:aws:iam::123456789012:user/carlossalazar"},
             "Action": "s3:*",
             "Resource": ["arn:aws:s3:::carlossalazar/*", "arn:aws:s3:::carlossalazar"]}]}"#,
    );
    let set = PolicySet::new()
        .identity(identity.clone())
        .resource_policy(bucket.clone());
    // "he tries to save a file to the carlossalazar-logs bucket": DenyS3Logs denies.
    let logs = Request::new("s3:PutObject", "arn:aws:s3:::carlossalazar-logs/f")
        .principal(CARLOS)
        .resource_account("123456789012");
    let e = set.evaluate(&logs);
    assert_eq!(e.decision, Decision::ExplicitDeny);
    assert_eq!(e.statements.len(), 1);
    assert_eq!(e.statements[0].sid.as_deref(), Some("DenyS3Logs"));
    assert_eq!(e.statements[0].pointer, "/Statement/2");
    // His own bucket: both allow.
    let own = Request::new("s3:PutObject", "arn:aws:s3:::carlossalazar/f").principal(CARLOS);
    let e = set.evaluate(&own);
    assert_eq!(e.decision, Decision::Allow);
    assert_eq!(e.statements.len(), 2);
    // "If either the identity-based policy or the resource-based policy within the same
    // account allows the request and the other doesn't, the request is still allowed."
    let bucket_only = PolicySet::new().resource_policy(bucket);
    assert_eq!(bucket_only.decide(&own), Decision::Allow);
    let identity_only = PolicySet::new().identity(identity);
    assert_eq!(identity_only.decide(&own), Decision::Allow);
    // Another user of the account: the bucket policy does not name him.
    let other = Request::new("s3:PutObject", "arn:aws:s3:::carlossalazar/f")
        .principal("arn:aws:iam::123456789012:user/someone");
    assert_eq!(bucket_only.decide(&other), Decision::ImplicitDeny);
}

/// IAM User Guide, "Cross-account policy evaluation logic", section "Example
/// cross-account policy evaluation" (corpus `160-…-l39.json`, `161-…-l72.json`).
#[test]
fn guide_cross_account() {
    let carlos = "arn:aws:iam::111111111111:user/carlossalazar";
    let identity = policy(
        "carlos",
        r#"{"Version": "2012-10-17", "Statement": [
            {"Sid": "AllowS3ListRead", "Effect": "Allow", "Action": "s3:ListAllMyBuckets",
             "Resource": "*"},
            {"Sid": "AllowS3ProductionObjectActions", "Effect": "Allow",
             "Action": "s3:*Object*", "Resource": "arn:aws:s3:::Production/*"},
            {"Sid": "DenyS3Logs", "Effect": "Deny", "Action": "s3:*",
             "Resource": ["arn:aws:s3:::*log*", "arn:aws:s3:::*log*/*"]}]}"#,
    );
    let bucket = policy(
        "production",
        r#"{"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow",
             "Action": ["s3:GetObject*", "s3:PutObject*", "s3:ReplicateObject",
                        "s3:RestoreObject"],
             "Principal": {"AWS": "arn:aws:iam::111111111111:user/carlossalazar"},
             "Resource": "arn:aws:s3:::Production/*"}]}"#,
    );
    let set = PolicySet::new()
        .identity(identity.clone())
        .resource_policy(bucket.clone());
    let req = |action: &str, resource: &str| {
        Request::new(action, resource)
            .principal(carlos)
            .resource_account("222222222222")
    };
    // Both sides allow PutObject on Production.
    assert_eq!(
        set.decide(&req("s3:PutObject", "arn:aws:s3:::Production/f")),
        Decision::Allow
    );
    // The identity policy allows DeleteObject, the bucket policy does not: denied.
    let e = set.evaluate(&req("s3:DeleteObject", "arn:aws:s3:::Production/f"));
    assert_eq!(e.decision, Decision::ImplicitDeny);
    assert_eq!(e.reason, Reason::CrossAccountResource);
    // The bucket policy alone is not enough across accounts.
    let e = PolicySet::new()
        .resource_policy(bucket)
        .evaluate(&req("s3:PutObject", "arn:aws:s3:::Production/f"));
    assert_eq!(e.decision, Decision::ImplicitDeny);
    assert_eq!(e.reason, Reason::CrossAccountIdentity);
    // "He wants to save a file to the Production-logs bucket": DenyS3Logs.
    assert_eq!(
        set.decide(&req("s3:PutObject", "arn:aws:s3:::Production-logs/f")),
        Decision::ExplicitDeny
    );
}

/// IAM User Guide, "Policy evaluation logic", section "The difference between explicit
/// and implicit denies" (corpus `164-…-l218.json`).
#[test]
fn guide_explicit_and_implicit_denies() {
    let p = policy(
        "p",
        r#"{"Version": "2012-10-17", "Statement": [
            {"Sid": "AllowGetList", "Effect": "Allow", "Action": ["iam:Get*", "iam:List*"],
             "Resource": "*"},
            {"Sid": "DenyReports", "Effect": "Deny", "Action": "iam:*Report",
             "Resource": "*"}]}"#,
    );
    let set = PolicySet::new().identity(p.clone());
    let r = |a: &str| Request::new(a, "*");
    assert_eq!(set.decide(&r("iam:GetUser")), Decision::Allow);
    assert_eq!(set.decide(&r("iam:ListRoles")), Decision::Allow);
    // "All other actions in IAM, such as iam:CreatePolicy are implicitly denied."
    assert_eq!(set.decide(&r("iam:CreatePolicy")), Decision::ImplicitDeny);
    assert_eq!(
        set.decide(&r("iam:GetOrganizationsAccessReport")),
        Decision::ExplicitDeny
    );
    // "If someone adds another policy ... to grant them access to IAM reports, such as
    // iam:GenerateCredentialReport, report-related requests are still denied."
    let more = set.identity(one(
        r#"{"Effect": "Allow", "Action": "iam:GenerateCredentialReport", "Resource": "*"}"#,
    ));
    assert_eq!(
        more.decide(&r("iam:GenerateCredentialReport")),
        Decision::ExplicitDeny
    );
}

const ALLOW_ALL: &str = r#"{"Effect": "Allow", "Action": "*", "Resource": "*"}"#;

/// IAM User Guide, "AWS: Denies access to AWS based on the source IP" (corpus
/// `167-…-l17.json`): `NotIpAddress` with two ranges AND'd with `Bool`.
#[test]
fn guide_deny_by_source_ip() {
    let deny = policy(
        "deny-ip",
        r#"{"Version": "2012-10-17", "Statement": {"Effect": "Deny", "Action": "*",
            "Resource": "*", "Condition": {
              "NotIpAddress": {"aws:SourceIp": ["192.0.2.0/24", "203.0.113.0/24"]},
              "Bool": {"aws:ViaAWSService": "false"}}}}"#,
    );
    let set = PolicySet::new().identity(one(ALLOW_ALL)).identity(deny);
    let r = |ip: &str, via: bool| {
        Request::new("s3:ListAllMyBuckets", "*")
            .context("aws:SourceIp", ip)
            .context("aws:ViaAWSService", via)
    };
    assert_eq!(set.decide(&r("192.0.2.7", false)), Decision::Allow);
    assert_eq!(set.decide(&r("203.0.113.200", false)), Decision::Allow);
    let e = set.evaluate(&r("198.51.100.1", false));
    assert_eq!(e.decision, Decision::ExplicitDeny);
    assert_eq!(e.statements[0].pointer, "/Statement");
    // "An AWS service can also make requests using the principal's credentials."
    assert_eq!(set.decide(&r("198.51.100.1", true)), Decision::Allow);
    // IPv6 is outside both IPv4 ranges.
    assert_eq!(set.decide(&r("2001:db8::1", false)), Decision::ExplicitDeny);
}

/// IAM User Guide, "AWS: Allows access based on date and time" (corpus
/// `165-…-l8.json`): `DateGreaterThan` and `DateLessThan` on `aws:CurrentTime`.
#[test]
fn guide_dates() {
    let set = PolicySet::new().identity(one(
        r#"{"Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "*",
            "Condition": {"DateGreaterThan": {"aws:CurrentTime": "2020-04-01T00:00:00Z"},
                          "DateLessThan": {"aws:CurrentTime": "2020-06-30T23:59:59Z"}}}"#,
    ));
    let at = |t: &str| Request::new("s3:ListAllMyBuckets", "*").context("aws:CurrentTime", t);
    assert_eq!(set.decide(&at("2020-05-01T12:00:00Z")), Decision::Allow);
    // Epoch seconds are a date too (operators page: "epoch (UNIX) time").
    assert_eq!(set.decide(&at("1588334400")), Decision::Allow);
    assert_eq!(
        set.decide(&at("2020-07-01T00:00:00Z")),
        Decision::ImplicitDeny
    );
    assert_eq!(
        set.decide(&at("2020-03-31T23:59:59Z")),
        Decision::ImplicitDeny
    );
    let e = set.evaluate(&Request::new("s3:ListAllMyBuckets", "*"));
    assert_eq!(e.decision, Decision::ImplicitDeny);
    assert_eq!(e.missing_context_keys, ["aws:CurrentTime"]);
}

/// IAM User Guide, "AWS: Denies access to AWS based on the requested Region" (corpus
/// `168-…-l11.json`): Deny with `NotAction` and `StringNotEquals` over several values.
#[test]
fn guide_requested_region() {
    let set = PolicySet::new().identity(one(ALLOW_ALL)).identity(one(
        r#"{"Effect": "Deny", "NotAction": ["cloudfront:*", "iam:*", "route53:*", "support:*"],
            "Resource": "*", "Condition": {"StringNotEquals": {"aws:RequestedRegion":
            ["eu-central-1", "eu-west-1", "eu-west-2", "eu-west-3"]}}}"#,
    ));
    let r = |action: &str, region: &str| {
        Request::new(action, "*").context("aws:RequestedRegion", region)
    };
    assert_eq!(
        set.decide(&r("ec2:DescribeInstances", "eu-west-1")),
        Decision::Allow
    );
    assert_eq!(
        set.decide(&r("ec2:DescribeInstances", "us-east-1")),
        Decision::ExplicitDeny
    );
    // NotAction: IAM is excluded from the deny.
    assert_eq!(
        set.decide(&r("iam:ListRoles", "us-east-1")),
        Decision::Allow
    );
    // A negated operator on an absent key is true (operators page): denied.
    assert_eq!(
        set.decide(&Request::new("ec2:DescribeInstances", "*")),
        Decision::ExplicitDeny
    );
}

/// IAM User Guide, "Permissions boundaries for IAM entities" (corpus
/// `025-access-policies-boundaries-l12.json`, the boundary of `ShirleyRodriguez`, and
/// `026-…-l31.json`, her `iam:CreateUser` policy: "Shirley can never perform operations in
/// any other service, including IAM"), "Evaluating effective permissions with boundaries":
/// the boundary limits identity-based permissions; a
/// same-account resource-based policy naming the user is not limited by it; one naming
/// the role ARN is, one naming the role session is not.
#[test]
fn guide_boundaries_and_resource_policies() {
    let identity = one(r#"{"Effect": "Allow", "Action": "iam:CreateUser", "Resource": "*"}"#);
    let boundary =
        one(r#"{"Effect": "Allow", "Action": ["s3:*", "cloudwatch:*", "ec2:*"], "Resource": "*"}"#);
    let set = PolicySet::new()
        .identity(identity.clone())
        .boundary(boundary.clone());
    // The page's example: "Zhang can't create users" — iam:CreateUser is outside the
    // boundary; nor s3 — the identity policy does not grant it.
    let e = set.evaluate(&Request::new(
        "iam:CreateUser",
        "arn:aws:iam::123456789012:user/x",
    ));
    assert_eq!(
        (e.decision, e.reason),
        (Decision::ImplicitDeny, Reason::Boundary)
    );
    assert_eq!(
        set.decide(&Request::new("s3:ListAllMyBuckets", "*")),
        Decision::ImplicitDeny
    );
    let bucket = |principal: &str| {
        one(&format!(
            r#"{{"Effect": "Allow", "Principal": {{"AWS": "{principal}"}},
                "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}}"#
        ))
    };
    let get = |p: &str| {
        Request::new("s3:GetObject", "arn:aws:s3:::b/k")
            .principal(p)
            .resource_account("123456789012")
    };
    let strict = one(r#"{"Effect": "Allow", "Action": "ec2:*", "Resource": "*"}"#);
    // A user named directly: not limited by the boundary.
    let user = "arn:aws:iam::123456789012:user/zhang";
    let set = PolicySet::new()
        .boundary(strict.clone())
        .resource_policy(bucket(user));
    assert_eq!(set.decide(&get(user)), Decision::Allow);
    // A role ARN: limited by the boundary.
    let session = "arn:aws:sts::123456789012:assumed-role/app/s1";
    let role = "arn:aws:iam::123456789012:role/path/app";
    let set = PolicySet::new()
        .boundary(strict.clone())
        .resource_policy(bucket(role));
    assert_eq!(
        set.evaluate(&get(session)).reason,
        Reason::Boundary,
        "a role ARN grant is limited by the boundary"
    );
    let set = PolicySet::new()
        .boundary(boundary.clone())
        .resource_policy(bucket(role));
    assert_eq!(set.decide(&get(session)), Decision::Allow);
    // The session itself: not limited by boundary nor session policy.
    let set = PolicySet::new()
        .boundary(strict.clone())
        .session(strict.clone())
        .resource_policy(bucket(session));
    assert_eq!(set.decide(&get(session)), Decision::Allow);
    // The account: delegated to the identity side, which the boundary limits.
    let set = PolicySet::new()
        .identity(one(
            r#"{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}"#,
        ))
        .boundary(strict)
        .resource_policy(bucket("123456789012"));
    assert_eq!(set.evaluate(&get(session)).reason, Reason::Boundary);
}

/// IAM User Guide, "Session policies": the session's permissions are the intersection of
/// the identity-based policies and the session policies.
#[test]
fn session_policies_intersect() {
    let set = PolicySet::new()
        .identity(one(
            r#"{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}"#,
        ))
        .session(one(
            r#"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}"#,
        ))
        .session(one(
            r#"{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::b"}"#,
        ));
    assert_eq!(
        set.decide(&Request::new("s3:GetObject", "arn:aws:s3:::b/k")),
        Decision::Allow
    );
    assert_eq!(
        set.decide(&Request::new("s3:ListBucket", "arn:aws:s3:::b")),
        Decision::Allow
    );
    let e = set.evaluate(&Request::new("s3:PutObject", "arn:aws:s3:::b/k"));
    assert_eq!(
        (e.decision, e.reason),
        (Decision::ImplicitDeny, Reason::Session)
    );
}

/// AWS Organizations User Guide, "SCP evaluation": every level from the root down must
/// allow; several SCPs at one level are OR'd; an explicit deny anywhere wins.
#[test]
fn scp_levels() {
    let full = one(ALLOW_ALL);
    let s3 = one(r#"{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}"#);
    let ec2 = one(r#"{"Effect": "Allow", "Action": "ec2:*", "Resource": "*"}"#);
    let set = PolicySet::new()
        .identity(full.clone())
        .scp_level(vec![full.clone()])
        .scp_level(vec![s3.clone(), ec2.clone()]);
    assert_eq!(
        set.decide(&Request::new("s3:ListAllMyBuckets", "*")),
        Decision::Allow
    );
    assert_eq!(
        set.decide(&Request::new("ec2:DescribeInstances", "*")),
        Decision::Allow
    );
    let e = set.evaluate(&Request::new("iam:ListRoles", "*"));
    assert_eq!(
        (e.decision, e.reason),
        (Decision::ImplicitDeny, Reason::ScpLevel(1))
    );
    // A level without any Allow denies, even below a full-access root.
    let set = PolicySet::new()
        .identity(full.clone())
        .scp_level(vec![full.clone()])
        .scp_level(vec![one(
            r#"{"Effect": "Deny", "Action": "iam:*", "Resource": "*"}"#,
        )]);
    assert_eq!(
        set.evaluate(&Request::new("s3:ListAllMyBuckets", "*"))
            .reason,
        Reason::ScpLevel(1)
    );
    assert_eq!(
        set.decide(&Request::new("iam:ListRoles", "*")),
        Decision::ExplicitDeny
    );
    // SCPs grant nothing by themselves.
    let set = PolicySet::new().scp_level(vec![full]);
    assert_eq!(
        set.decide(&Request::new("s3:ListAllMyBuckets", "*")),
        Decision::ImplicitDeny
    );
}

/// AWS Organizations User Guide, "Resource control policies": `RCPFullAWSAccess` stays
/// attached, so an RCP only restricts; its deny wins; services without RCP support are
/// not affected.
#[test]
fn rcps_add_denies_to_full_access() {
    let identity = one(ALLOW_ALL);
    let rcp = one(
        r#"{"Effect": "Deny", "Principal": "*", "Action": ["s3:*", "ec2:*"], "Resource": "*",
            "Condition": {"StringNotEqualsIfExists": {"aws:PrincipalOrgID": "o-1"}}}"#,
    );
    let set = PolicySet::new().identity(identity).rcp_level(vec![rcp]);
    let s3 = |org: Option<&str>| {
        let r = Request::new("s3:GetObject", "arn:aws:s3:::b/k")
            .principal("arn:aws:iam::111122223333:user/u");
        match org {
            Some(o) => r.context("aws:PrincipalOrgID", o),
            None => r,
        }
    };
    assert_eq!(set.decide(&s3(Some("o-1"))), Decision::Allow);
    assert_eq!(set.decide(&s3(Some("o-2"))), Decision::ExplicitDeny);
    // IfExists: an absent key is true, so the deny applies.
    assert_eq!(set.decide(&s3(None)), Decision::ExplicitDeny);
    // EC2 does not support RCPs: its requests are not affected.
    assert!(!iam_catalog::model::service("ec2").unwrap().rcp_supported());
    assert_eq!(
        set.decide(
            &Request::new("ec2:DescribeInstances", "*")
                .principal("arn:aws:iam::111122223333:user/u")
                .context("aws:PrincipalOrgID", "o-2")
        ),
        Decision::Allow
    );
}

/// "Policy evaluation for requests within a single account": "IAM role trust policies
/// and KMS key policies are exceptions to this logic, because they must explicitly allow
/// access for principals."
#[test]
fn trust_and_key_policies_must_allow() {
    let caller = "arn:aws:iam::123456789012:user/u";
    let identity =
        one(r#"{"Effect": "Allow", "Action": ["sts:AssumeRole", "kms:Decrypt"], "Resource": "*"}"#);
    let trust = |principal: &str| {
        one(&format!(
            r#"{{"Effect": "Allow", "Principal": {{"AWS": "{principal}"}}, "Action": "sts:AssumeRole"}}"#
        ))
    };
    let assume =
        Request::new("sts:AssumeRole", "arn:aws:iam::123456789012:role/r").principal(caller);
    // Trusting someone else: the identity allow is not enough.
    let set = PolicySet::new()
        .identity(identity.clone())
        .resource_policy(trust("arn:aws:iam::123456789012:user/other"));
    assert_eq!(set.evaluate(&assume).reason, Reason::ResourcePolicyRequired);
    // Trusting the account: the identity policy decides.
    let set = PolicySet::new()
        .identity(identity.clone())
        .resource_policy(trust("arn:aws:iam::123456789012:root"));
    assert_eq!(set.decide(&assume), Decision::Allow);
    let set = PolicySet::new().resource_policy(trust("123456789012"));
    assert_eq!(set.decide(&assume), Decision::ImplicitDeny);
    // Trusting the caller: allowed without an identity allow.
    let set = PolicySet::new().resource_policy(trust(caller));
    assert_eq!(set.decide(&assume), Decision::Allow);
    // A key policy that does not delegate to the account.
    let key = one(
        r#"{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:role/admin"},
            "Action": "kms:*", "Resource": "*"}"#,
    );
    let set = PolicySet::new().identity(identity).resource_policy(key);
    let decrypt = Request::new(
        "kms:Decrypt",
        "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
    )
    .principal(caller);
    assert_eq!(
        set.evaluate(&decrypt).reason,
        Reason::ResourcePolicyRequired
    );
}

/// "AWS JSON policy elements: Principal": an account ID and its root ARN are the same
/// principal; services and federated providers are matched by name; `NotPrincipal`
/// excludes.
#[test]
fn principal_forms() {
    let req = |p: &str| {
        Request::new("sqs:SendMessage", "arn:aws:sqs:us-east-1:222222222222:q").principal(p)
    };
    let identity = one(r#"{"Effect": "Allow", "Action": "sqs:*", "Resource": "*"}"#);
    let queue = |principal: &str| {
        one(&format!(
            r#"{{"Effect": "Allow", "Principal": {principal}, "Action": "sqs:SendMessage",
                "Resource": "*"}}"#
        ))
    };
    let caller = "arn:aws:iam::111111111111:user/u";
    for principal in [
        r#"{"AWS": "111111111111"}"#,
        r#"{"AWS": "arn:aws:iam::111111111111:root"}"#,
        r#"{"AWS": ["arn:aws:iam::111111111111:user/u"]}"#,
        r#""*""#,
        r#"{"AWS": "*"}"#,
    ] {
        let set = PolicySet::new()
            .identity(identity.clone())
            .resource_policy(queue(principal));
        assert_eq!(set.decide(&req(caller)), Decision::Allow, "{principal}");
    }
    let set = PolicySet::new()
        .identity(identity.clone())
        .resource_policy(queue(r#"{"AWS": "333333333333"}"#));
    assert_eq!(set.decide(&req(caller)), Decision::ImplicitDeny);
    // A service principal, same account.
    let set = PolicySet::new().resource_policy(queue(r#"{"Service": "sns.amazonaws.com"}"#));
    assert_eq!(set.decide(&req("sns.amazonaws.com")), Decision::Allow);
    assert_eq!(set.decide(&req("s3.amazonaws.com")), Decision::ImplicitDeny);
}

/// "AWS JSON policy elements: `NotPrincipal`", its two examples (corpus
/// `153-…-notprincipal-l33.json`, `154-…-l55.json`): with `Deny`, a caller is spared only
/// when its ARN, for a session also its role, and its account are all listed.
#[test]
fn guide_not_principal() {
    let bucket = |not: &str| {
        PolicySet::new().resource_policy(policy(
            "bucket",
            &format!(
                r#"{{"Version": "2012-10-17", "Statement": [
                {{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::BUCKETNAME/*"}},
                {{"Effect": "Deny", "NotPrincipal": {{"AWS": [{not}]}}, "Action": "s3:*",
                 "Resource": ["arn:aws:s3:::BUCKETNAME", "arn:aws:s3:::BUCKETNAME/*"]}}]}}"#
            ),
        ))
    };
    let get = |p: &str| {
        Request::new("s3:GetObject", "arn:aws:s3:::BUCKETNAME/k")
            .principal(p)
            .resource_account("111122223333")
    };
    let bob = "arn:aws:iam::444455556666:user/Bob";
    let both = bucket(r#""arn:aws:iam::444455556666:user/Bob", "arn:aws:iam::444455556666:root""#);
    assert_eq!(
        both.decide(&get(bob)),
        Decision::ImplicitDeny,
        "cross-account: no identity policy"
    );
    assert_ne!(both.evaluate(&get(bob)).decision, Decision::ExplicitDeny);
    assert_eq!(
        both.decide(&get("arn:aws:iam::444455556666:user/Alice")),
        Decision::ExplicitDeny
    );
    // "if Bob's account is explicitly denied access then Bob might be unable to access".
    let bob_only = bucket(r#""arn:aws:iam::444455556666:user/Bob""#);
    assert_eq!(bob_only.decide(&get(bob)), Decision::ExplicitDeny);
    let session = "arn:aws:sts::444455556666:assumed-role/cross-account-read-only-role/cross-account-audit-app";
    let all_three = bucket(
        r#""arn:aws:sts::444455556666:assumed-role/cross-account-read-only-role/cross-account-audit-app",
           "arn:aws:iam::444455556666:role/cross-account-read-only-role",
           "arn:aws:iam::444455556666:root""#,
    );
    assert_ne!(all_three.decide(&get(session)), Decision::ExplicitDeny);
    let no_role = bucket(
        r#""arn:aws:sts::444455556666:assumed-role/cross-account-read-only-role/cross-account-audit-app",
           "arn:aws:iam::444455556666:root""#,
    );
    assert_eq!(no_role.decide(&get(session)), Decision::ExplicitDeny);
    // Same account, spared: the public grant applies.
    let local = bucket(r#""arn:aws:iam::111122223333:user/ok", "111122223333""#);
    assert_eq!(
        local.decide(&get("arn:aws:iam::111122223333:user/ok")),
        Decision::Allow
    );
    assert_eq!(
        local.decide(&get("arn:aws:iam::111122223333:user/other")),
        Decision::ExplicitDeny
    );
}

/// "IAM policy elements: Variables and tags": `${aws:username}` in a resource; without
/// the key, the statement does not match and the key is reported.
#[test]
fn variables_in_resources() {
    let set = PolicySet::new().identity(one(r#"{"Effect": "Allow", "Action": "s3:GetObject",
            "Resource": "arn:aws:s3:::home/${aws:username}/*"}"#));
    let get = |key: &str| Request::new("s3:GetObject", format!("arn:aws:s3:::home/{key}"));
    assert_eq!(
        set.decide(&get("ana/f").context("aws:username", "ana")),
        Decision::Allow
    );
    assert_eq!(
        set.decide(&get("bob/f").context("aws:username", "ana")),
        Decision::ImplicitDeny
    );
    let e = set.evaluate(&get("ana/f"));
    assert_eq!(e.decision, Decision::ImplicitDeny);
    assert_eq!(e.missing_context_keys, ["aws:username"]);
    // Version 2008-10-17: variables are literal text.
    let old = PolicySet::new().identity(policy(
        "old",
        r#"{"Version": "2008-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject",
            "Resource": "arn:aws:s3:::home/${aws:username}/*"}]}"#,
    ));
    assert_eq!(
        old.decide(&get("ana/f").context("aws:username", "ana")),
        Decision::ImplicitDeny
    );
    assert_eq!(old.decide(&get("${aws:username}/f")), Decision::Allow);
}

/// "Creating a condition with multiple context keys or values": `ForAllValues` and
/// `ForAnyValue`, with AWS's empty-set and absent-key rules.
#[test]
fn set_operators() {
    let all = PolicySet::new().identity(one(
        r#"{"Effect": "Allow", "Action": "ec2:CreateTags", "Resource": "*",
            "Condition": {"ForAllValues:StringEquals": {"aws:TagKeys": ["env", "team"]}}}"#,
    ));
    let any = PolicySet::new().identity(one(
        r#"{"Effect": "Allow", "Action": "ec2:CreateTags", "Resource": "*",
            "Condition": {"ForAnyValue:StringEquals": {"aws:TagKeys": ["env", "team"]}}}"#,
    ));
    let r = |keys: &[&str]| {
        Request::new("ec2:CreateTags", "*").context_values("aws:TagKeys", keys.iter().copied())
    };
    let none = Request::new("ec2:CreateTags", "*");
    assert_eq!(all.decide(&r(&["env"])), Decision::Allow);
    assert_eq!(all.decide(&r(&["env", "team"])), Decision::Allow);
    assert_eq!(all.decide(&r(&["env", "cost"])), Decision::ImplicitDeny);
    // "also returns true if there are no context keys in the request" / an empty set.
    assert_eq!(all.decide(&r(&[])), Decision::Allow);
    assert_eq!(all.decide(&none), Decision::Allow);
    assert_eq!(any.decide(&r(&["env", "cost"])), Decision::Allow);
    assert_eq!(any.decide(&r(&["cost"])), Decision::ImplicitDeny);
    assert_eq!(any.decide(&r(&[])), Decision::ImplicitDeny);
    let e = any.evaluate(&none);
    assert_eq!(e.decision, Decision::ImplicitDeny);
    assert_eq!(e.missing_context_keys, ["aws:TagKeys"]);
    // Negated with a set operator: ForAllValues:StringNotEquals — no value may be listed.
    let not = PolicySet::new().identity(one(
        r#"{"Effect": "Allow", "Action": "ec2:CreateTags", "Resource": "*",
            "Condition": {"ForAllValues:StringNotEquals": {"aws:TagKeys": ["secret"]}}}"#,
    ));
    assert_eq!(not.decide(&r(&["env"])), Decision::Allow);
    assert_eq!(not.decide(&r(&["env", "secret"])), Decision::ImplicitDeny);
}

/// "IAM JSON policy elements: Condition operators": one positive and one negative case
/// per operator family, keys AND'd and values OR'd, `IfExists` and `Null`.
#[test]
#[expect(clippy::too_many_lines, reason = "one line per operator case")]
fn operators() {
    use Decision::{Allow, ImplicitDeny as No};
    let check = |condition: &str, request: Request, expected: Decision| {
        let set = PolicySet::new().identity(one(&format!(
            r#"{{"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {condition}}}"#
        )));
        assert_eq!(set.decide(&request), expected, "{condition}");
    };
    let r = || Request::new("s3:ListAllMyBuckets", "*");
    check(
        r#"{"StringEquals": {"aws:username": ["a", "b"]}}"#,
        r().context("aws:username", "b"),
        Allow,
    );
    check(
        r#"{"StringEquals": {"aws:username": "a"}}"#,
        r().context("aws:username", "A"),
        No,
    );
    check(
        r#"{"StringEquals": {"aws:username": "a*"}}"#,
        r().context("aws:username", "ab"),
        No,
    );
    check(
        r#"{"StringEqualsIgnoreCase": {"aws:username": "a"}}"#,
        r().context("aws:username", "A"),
        Allow,
    );
    check(
        r#"{"StringNotEqualsIgnoreCase": {"aws:username": "a"}}"#,
        r().context("aws:username", "A"),
        No,
    );
    check(
        r#"{"StringLike": {"aws:username": "a?c*"}}"#,
        r().context("aws:username", "abcdef"),
        Allow,
    );
    check(
        r#"{"StringNotLike": {"aws:username": "a*"}}"#,
        r().context("aws:username", "abc"),
        No,
    );
    check(
        r#"{"NumericLessThan": {"s3:max-keys": "10"}}"#,
        r().context("s3:max-keys", 9_i64),
        Allow,
    );
    check(
        r#"{"NumericLessThan": {"s3:max-keys": "10"}}"#,
        r().context("s3:max-keys", "10"),
        No,
    );
    check(
        r#"{"NumericLessThanEquals": {"s3:max-keys": "10"}}"#,
        r().context("s3:max-keys", "10"),
        Allow,
    );
    check(
        r#"{"NumericGreaterThanEquals": {"s3:max-keys": 10}}"#,
        r().context("s3:max-keys", "9.5"),
        No,
    );
    check(
        r#"{"NumericNotEquals": {"s3:max-keys": 10}}"#,
        r().context("s3:max-keys", "10.0"),
        No,
    );
    check(
        r#"{"NumericEquals": {"s3:max-keys": 10}}"#,
        r().context("s3:max-keys", "ten"),
        No,
    );
    check(
        r#"{"DateEquals": {"aws:CurrentTime": "2020-01-01T00:00:00Z"}}"#,
        r().context("aws:CurrentTime", "1577836800"),
        Allow,
    );
    check(
        r#"{"DateNotEquals": {"aws:CurrentTime": "2020-01-01"}}"#,
        r().context("aws:CurrentTime", "2020-01-01T00:00:00+00:00"),
        No,
    );
    check(
        r#"{"Bool": {"aws:SecureTransport": "true"}}"#,
        r().context("aws:SecureTransport", true),
        Allow,
    );
    check(
        r#"{"Bool": {"aws:SecureTransport": true}}"#,
        r().context("aws:SecureTransport", false),
        No,
    );
    check(
        r#"{"BinaryEquals": {"aws:username": "QmluYXJ5"}}"#,
        r().context("aws:username", "QmluYXJ5"),
        Allow,
    );
    check(
        r#"{"BinaryEquals": {"aws:username": "QmluYXJ5"}}"#,
        r().context("aws:username", "QmluYXJ6"),
        No,
    );
    check(
        r#"{"IpAddress": {"aws:SourceIp": "2001:db8::/32"}}"#,
        r().context("aws:SourceIp", "2001:db8::5"),
        Allow,
    );
    check(
        r#"{"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}}"#,
        r().context("aws:SourceIp", "11.0.0.1"),
        No,
    );
    check(
        r#"{"NotIpAddress": {"aws:SourceIp": "10.0.0.0/8"}}"#,
        r().context("aws:SourceIp", "10.1.2.3"),
        No,
    );
    check(
        r#"{"ArnLike": {"aws:SourceArn": "arn:aws:sns:*:111122223333:*"}}"#,
        r().context("aws:SourceArn", "arn:aws:sns:us-east-1:111122223333:t"),
        Allow,
    );
    check(
        r#"{"ArnEquals": {"aws:SourceArn": "arn:aws:sns:*:111122223333:*"}}"#,
        r().context("aws:SourceArn", "arn:aws:sns:us-east-1:444455556666:t"),
        No,
    );
    check(
        r#"{"ArnNotLike": {"aws:SourceArn": "arn:aws:sns:*:*:t"}}"#,
        r().context("aws:SourceArn", "arn:aws:sns:r:1:t"),
        No,
    );
    check(
        r#"{"ArnNotEquals": {"aws:SourceArn": "arn:aws:sns:*:*:t"}}"#,
        r().context("aws:SourceArn", "arn:aws:sns:r:1:u"),
        Allow,
    );
    // Null: true when absent.
    check(r#"{"Null": {"aws:TokenIssueTime": "true"}}"#, r(), Allow);
    check(
        r#"{"Null": {"aws:TokenIssueTime": "true"}}"#,
        r().context("aws:TokenIssueTime", "2020-01-01"),
        No,
    );
    check(r#"{"Null": {"aws:TokenIssueTime": "false"}}"#, r(), No);
    // IfExists: absent is true; present is compared.
    check(
        r#"{"StringEqualsIfExists": {"aws:username": "a"}}"#,
        r(),
        Allow,
    );
    check(
        r#"{"StringEqualsIfExists": {"aws:username": "a"}}"#,
        r().context("aws:username", "b"),
        No,
    );
    // Absent key: positive false, negated true.
    check(r#"{"StringEquals": {"aws:username": "a"}}"#, r(), No);
    check(r#"{"StringNotEquals": {"aws:username": "a"}}"#, r(), Allow);
    // Several keys AND'd, several operators AND'd.
    check(
        r#"{"StringEquals": {"aws:username": "a", "aws:PrincipalTag/team": "red"}}"#,
        r().context("aws:username", "a"),
        No,
    );
    check(
        r#"{"StringEquals": {"aws:username": "a"}, "Bool": {"aws:SecureTransport": "true"}}"#,
        r().context("aws:username", "a")
            .context("aws:SecureTransport", "true"),
        Allow,
    );
    // Variables in condition values.
    check(
        r#"{"StringEquals": {"aws:PrincipalTag/team": "${aws:ResourceTag/team}"}}"#,
        r().context("aws:PrincipalTag/team", "red")
            .context("aws:ResourceTag/team", "red"),
        Allow,
    );
    check(
        r#"{"StringEquals": {"aws:PrincipalTag/team": "${aws:ResourceTag/team}"}}"#,
        r().context("aws:PrincipalTag/team", "red"),
        No,
    );
    // Key names are case-insensitive.
    check(
        r#"{"StringEquals": {"AWS:UserName": "a"}}"#,
        r().context("aws:username", "a"),
        Allow,
    );
}

/// "Action": case-insensitive, with `*` and `?`. "Resource": case-sensitive.
#[test]
fn actions_and_resources_match() {
    let set = PolicySet::new().identity(one(
        r#"{"Effect": "Allow", "Action": ["S3:get*", "ec2:Describe?nstances"],
            "Resource": ["arn:aws:s3:::Bucket/*", "*"]}"#,
    ));
    assert_eq!(
        set.decide(&Request::new("s3:GetObject", "x")),
        Decision::Allow
    );
    assert_eq!(
        set.decide(&Request::new("ec2:DescribeInstances", "*")),
        Decision::Allow
    );
    assert_eq!(
        set.decide(&Request::new("s3:PutObject", "x")),
        Decision::ImplicitDeny
    );
    let set = PolicySet::new().identity(one(
        r#"{"Effect": "Allow", "Action": "s3:GetObject", "NotResource": "arn:aws:s3:::secret/*"}"#,
    ));
    assert_eq!(
        set.decide(&Request::new("s3:GetObject", "arn:aws:s3:::b/k")),
        Decision::Allow
    );
    assert_eq!(
        set.decide(&Request::new("s3:GetObject", "arn:aws:s3:::secret/k")),
        Decision::ImplicitDeny
    );
    let set = PolicySet::new().identity(one(
        r#"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}"#,
    ));
    assert_eq!(
        set.decide(&Request::new("s3:GetObject", "arn:aws:s3:::B/k")),
        Decision::ImplicitDeny
    );
}

#[test]
fn endpoint_policy_must_allow() {
    let set = PolicySet::new().identity(one(ALLOW_ALL)).endpoint(one(
        r#"{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}"#,
    ));
    assert_eq!(
        set.decide(&Request::new("s3:GetObject", "arn:aws:s3:::b/k")),
        Decision::Allow
    );
    let e = set.evaluate(&Request::new("s3:PutObject", "arn:aws:s3:::b/k"));
    assert_eq!(
        (e.decision, e.reason),
        (Decision::ImplicitDeny, Reason::Endpoint)
    );
}

#[test]
fn unevaluable_statements_are_findings() {
    let p = CompiledPolicy::new(
        "p",
        &PolicyView::new(parse(
            r#"{"Version": "2012-10-17", "Statement": [
                {"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"StringEquls": {"a:b": "c"}}},
                {"Effect": "Maybe", "Action": "*", "Resource": "*"},
                {"Action": "*", "Resource": "*"},
                {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}"#,
        )),
    );
    assert_eq!(p.findings().len(), 3, "{:?}", p.findings());
    assert!(p.findings()[0].contains("/Statement/0"));
    let set = PolicySet::new().identity(p);
    assert_eq!(
        set.decide(&Request::new("s3:PutObject", "*")),
        Decision::ImplicitDeny
    );
    assert_eq!(
        set.decide(&Request::new("s3:GetObject", "*")),
        Decision::Allow
    );
    let e = set.evaluate(&Request::new("s3:GetObject", "*"));
    assert_eq!(e.diagnostics.len(), 3);
}

#[test]
fn explanations_name_each_statement() {
    let set = PolicySet::new().identity(policy(
        "team",
        r#"{"Version": "2012-10-17", "Statement": [
            {"Sid": "Read", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*",
             "Condition": {"StringEquals": {"aws:PrincipalTag/team": "red"}}},
            {"Sid": "Write", "Effect": "Allow", "Action": "s3:PutObject", "Resource": "*"}]}"#,
    ));
    let e = set.evaluate(&Request::new("s3:GetObject", "arn:aws:s3:::b/k"));
    let text = e.explain();
    assert!(text.starts_with("decision: implicit-deny"), "{text}");
    assert!(
        text.contains("missing context keys: aws:PrincipalTag/team"),
        "{text}"
    );
    assert!(
        text.contains("team /Statement/0 (Read) [Allow]: does not apply"),
        "{text}"
    );
    assert!(
        text.contains(
            "team /Statement/1 (Write) [Allow]: does not apply — the action does not match"
        ),
        "{text}"
    );
}

/// `"Principal": "*"` in a same-account resource policy: not limited by the boundary,
/// limited by session policies (see `same_account`).
#[test]
fn everyone_grants_pass_boundaries_not_session_policies() {
    let public = one(
        r#"{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}"#,
    );
    let get = |p: &str| {
        Request::new("s3:GetObject", "arn:aws:s3:::b/k")
            .principal(p)
            .resource_account("123456789012")
    };
    let session = "arn:aws:sts::123456789012:assumed-role/app/s1";
    let set = PolicySet::new().resource_policy(public.clone());
    assert_eq!(set.decide(&get(session)), Decision::Allow);
    let ec2_only = one(r#"{"Effect": "Allow", "Action": "ec2:*", "Resource": "*"}"#);
    let set = PolicySet::new()
        .resource_policy(public.clone())
        .session(ec2_only.clone());
    assert_eq!(set.evaluate(&get(session)).reason, Reason::Session);
    let set = PolicySet::new().resource_policy(public).boundary(ec2_only);
    assert_eq!(
        set.decide(&get("arn:aws:iam::123456789012:user/u")),
        Decision::Allow
    );
    assert_eq!(set.decide(&get(session)), Decision::Allow);
}

/// IAM User Guide, "Examples of using multiple values with condition set operators"
/// (corpus `230-…-multi-value-conditions-l75.json` to `233-…-l203.json`): the request
/// asks for `PostDateTime` and `UserName`; `ForAllValues` needs a match for each,
/// `ForAnyValue` for one.
#[test]
fn guide_multivalued_condition_examples() {
    let thread = "arn:aws:dynamodb:us-east-1:111122223333:table/Thread";
    let attributes = |action: &str, values: &[&str]| {
        Request::new(action, thread).context_values("dynamodb:Attributes", values.iter().copied())
    };
    // l75: only `ID`, `Message`, `Tags` may be read.
    let read = PolicySet::new().identity(one(
        r#"{"Effect": "Allow", "Action": "dynamodb:GetItem", "Resource": "arn:aws:dynamodb:*:*:table/Thread",
            "Condition": {"ForAllValues:StringEquals": {"dynamodb:Attributes": ["ID", "Message", "Tags"]}}}"#,
    ));
    assert_eq!(
        read.decide(&attributes("dynamodb:GetItem", &["ID", "Message"])),
        Decision::Allow
    );
    assert_eq!(
        read.decide(&attributes("dynamodb:GetItem", &["ID", "PostDateTime"])),
        Decision::ImplicitDeny
    );
    // l165: "There's no match for `UserName`, so the condition operator returns false, and
    // the policy does not allow the request."
    let read = PolicySet::new().identity(one(
        r#"{"Effect": "Allow", "Action": "dynamodb:GetItem", "Resource": "arn:aws:dynamodb:*:*:table/Thread",
            "Condition": {"ForAllValues:StringEquals": {"dynamodb:Attributes": ["PostDateTime", "Message", "Tags"]}}}"#,
    ));
    assert_eq!(
        read.decide(&attributes(
            "dynamodb:GetItem",
            &["PostDateTime", "UserName"]
        )),
        Decision::ImplicitDeny
    );
    assert_eq!(
        read.decide(&attributes("dynamodb:GetItem", &["PostDateTime", "Tags"])),
        Decision::Allow
    );
    // l106 / l203: a `PutItem` touching `ID` or `PostDateTime` is denied.
    let write = PolicySet::new()
        .identity(one(r#"{"Effect": "Allow", "Action": "dynamodb:PutItem", "Resource": "*"}"#))
        .identity(one(
            r#"{"Effect": "Deny", "Action": "dynamodb:PutItem", "Resource": "arn:aws:dynamodb:*:*:table/Thread",
                "Condition": {"ForAnyValue:StringEquals": {"dynamodb:Attributes": ["ID", "PostDateTime"]}}}"#,
        ));
    assert_eq!(
        write.decide(&attributes(
            "dynamodb:PutItem",
            &["PostDateTime", "UserName"]
        )),
        Decision::ExplicitDeny
    );
    assert_eq!(
        write.decide(&attributes("dynamodb:PutItem", &["Message", "UserName"])),
        Decision::Allow
    );
}

/// IAM User Guide, "Permissions boundaries for IAM entities", "Delegating responsibility to
/// others using permissions boundaries" (corpus `028-access-policies-boundaries-l172.json`,
/// the boundary `DelegatedUserBoundary`, and `029-…-l277.json`, Zhang's permissions): Zhang
/// may create users only with the `XCompanyBoundaries` boundary, never remove a boundary,
/// and has no S3 access although his permissions policy lists `s3:ListBucket`.
#[test]
fn guide_delegated_boundary() {
    let boundary = policy(
        "DelegatedUserBoundary",
        r#"{"Version": "2012-10-17", "Statement": [
            {"Sid": "CreateOrChangeOnlyWithBoundary", "Effect": "Allow",
             "Action": ["iam:AttachUserPolicy", "iam:CreateUser", "iam:DeleteUserPolicy", "iam:DetachUserPolicy",
                        "iam:PutUserPermissionsBoundary", "iam:PutUserPolicy"],
             "Resource": "*",
             "Condition": {"StringEquals": {"iam:PermissionsBoundary": "arn:aws:iam::123456789012:policy/XCompanyBoundaries"}}},
            {"Sid": "CloudWatchAndOtherIAMTasks", "Effect": "Allow",
             "Action": ["cloudwatch:*", "iam:GetUser", "iam:ListUsers", "iam:UpdateUser", "iam:DeleteUser"],
             "NotResource": "arn:aws:iam::123456789012:user/Maria"},
            {"Sid": "NoBoundaryPolicyEdit", "Effect": "Deny",
             "Action": ["iam:CreatePolicyVersion", "iam:DeletePolicy", "iam:DeletePolicyVersion", "iam:SetDefaultPolicyVersion"],
             "Resource": ["arn:aws:iam::123456789012:policy/XCompanyBoundaries",
                          "arn:aws:iam::123456789012:policy/DelegatedUserBoundary"]},
            {"Sid": "NoBoundaryUserDelete", "Effect": "Deny", "Action": "iam:DeleteUserPermissionsBoundary", "Resource": "*"}]}"#,
    );
    let permissions = policy(
        "DelegatedUserPermissions",
        r#"{"Version": "2012-10-17", "Statement": [
            {"Sid": "IAM", "Effect": "Allow", "Action": "iam:*", "Resource": "*"},
            {"Sid": "CloudWatchLimited", "Effect": "Allow",
             "Action": ["cloudwatch:GetDashboard", "cloudwatch:GetMetricData", "cloudwatch:ListDashboards",
                        "cloudwatch:GetMetricStatistics", "cloudwatch:ListMetrics"], "Resource": "*"},
            {"Sid": "S3BucketContents", "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::ZhangBucket"}]}"#,
    );
    let zhang = "arn:aws:iam::123456789012:user/Zhang";
    let set = PolicySet::new().identity(permissions).boundary(boundary);
    let user = |name: &str| format!("arn:aws:iam::123456789012:user/{name}");
    let create = Request::new("iam:CreateUser", user("new")).principal(zhang);
    let e = set.evaluate(&create);
    assert_eq!(
        (e.decision, e.reason),
        (Decision::ImplicitDeny, Reason::Boundary)
    );
    assert_eq!(e.missing_context_keys, ["iam:PermissionsBoundary"]);
    assert_eq!(
        set.decide(&create.clone().context(
            "iam:PermissionsBoundary",
            "arn:aws:iam::123456789012:policy/XCompanyBoundaries"
        )),
        Decision::Allow
    );
    assert_eq!(
        set.decide(&create.context(
            "iam:PermissionsBoundary",
            "arn:aws:iam::aws:policy/AdministratorAccess"
        )),
        Decision::ImplicitDeny
    );
    assert_eq!(
        set.decide(&Request::new("iam:DeleteUserPermissionsBoundary", user("x")).principal(zhang)),
        Decision::ExplicitDeny
    );
    assert_eq!(
        set.decide(&Request::new("iam:UpdateUser", user("x")).principal(zhang)),
        Decision::Allow
    );
    assert_eq!(
        set.decide(&Request::new("iam:UpdateUser", user("Maria")).principal(zhang)),
        Decision::ImplicitDeny
    );
    assert_eq!(
        set.decide(&Request::new("cloudwatch:GetDashboard", "*").principal(zhang)),
        Decision::Allow
    );
    assert_eq!(
        set.decide(&Request::new("cloudwatch:PutDashboard", "*").principal(zhang)),
        Decision::ImplicitDeny
    );
    assert_eq!(
        set.evaluate(&Request::new("s3:ListBucket", "arn:aws:s3:::ZhangBucket").principal(zhang))
            .reason,
        Reason::Boundary
    );
}

/// Every policy of a set is visited once, in evaluation order: identity-based policies,
/// the resource-based policy, the boundary, session policies, SCPs and RCPs level by
/// level, the endpoint policy; an empty set has none.
#[test]
fn a_policy_set_lists_its_policies_in_evaluation_order() {
    let named = |name: &str| {
        policy(
            name,
            r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "*"}]}"#,
        )
    };
    let set = PolicySet::new()
        .endpoint(named("endpoint"))
        .rcp_level(vec![named("rcp0")])
        .scp_level(vec![named("scp0a"), named("scp0b")])
        .scp_level(vec![])
        .scp_level(vec![named("scp2")])
        .session(named("session"))
        .boundary(named("boundary"))
        .resource_policy(named("resource"))
        .identity(named("id1"))
        .identity(named("id2"));
    let listed: Vec<String> = set
        .policies()
        .map(|(place, p)| format!("{place}: {}", p.name))
        .collect();
    assert_eq!(
        listed,
        [
            "identity-based policy: id1",
            "identity-based policy: id2",
            "resource-based policy: resource",
            "permissions boundary: boundary",
            "session policy: session",
            "SCP (level 0): scp0a",
            "SCP (level 0): scp0b",
            "SCP (level 2): scp2",
            "RCP (level 0): rcp0",
            "VPC endpoint policy: endpoint",
        ]
    );
    assert_eq!(PolicySet::new().policies().count(), 0);
    let only_endpoint = PolicySet::new().endpoint(named("e"));
    assert_eq!(only_endpoint.policies().count(), 1);
}

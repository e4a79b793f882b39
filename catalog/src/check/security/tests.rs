use super::super::test_util::{all_findings_kind as findings_kind, only};
use crate::{Code, Diagnostic, PolicyKind};

#[test]
fn the_cover_holds_the_watched_part_of_the_expansion() {
    use super::super::actions::resolve;
    use super::{watched, watched_named};
    let mut some = 0;
    for pattern in [
        "s3:*",
        "iam:Pass*",
        "ec2:Describe*",
        "*:Get*",
        "s3:getobject",
        "S3:PutBucketPolicy",
        "lambda:*Function*",
        "*",
        "s3:Nope",
        "nope:*",
    ] {
        let resolved = resolve(&crate::Text::literal(pattern), &mut None);
        let mut found = Vec::new();
        watched_named(&resolved, |a| found.push(a));
        let expected: Vec<_> = crate::query::expand(pattern)
            .into_iter()
            .filter(|a| watched(a.service()).contains(a))
            .collect();
        assert_eq!(found, expected, "{pattern}");
        some += usize::from(!found.is_empty());
    }
    assert_eq!(some, 8, "all but the two that name nothing");
}

fn findings(json: &str) -> Vec<Diagnostic<String>> {
    findings_kind(json, PolicyKind::Identity)
}

fn stmt(body: &str) -> String {
    format!(r#"{{"Version": "2012-10-17", "Statement": [{body}]}}"#)
}

fn count(json: &str, kind: PolicyKind, code: Code) -> usize {
    only(&findings_kind(json, kind), code).len()
}

#[test]
fn privilege_escalation_needs_every_action_of_a_method_unconstrained() {
    let lambda = stmt(
        r#"{"Effect": "Allow", "Action": ["iam:PassRole", "lambda:CreateFunction", "lambda:InvokeFunction"], "Resource": "*"}"#,
    );
    let found = findings(&lambda);
    let escalation = only(&found, Code::PrivilegeEscalation);
    assert_eq!(escalation.len(), 1, "{escalation:?}");
    assert!(
        escalation[0]
            .message
            .contains("PassExistingRoleToNewLambdaThenInvoke")
    );
    assert_eq!(escalation[0].loc, "/Statement/0/Action/0");
    // Split over two statements, still one policy.
    let split = stmt(
        r#"{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::*:role/*"},
           {"Effect": "Allow", "Action": "lambda:*", "Resource": "*"}"#,
    );
    let found = findings(&split);
    let escalation = only(&found, Code::PrivilegeEscalation);
    // At `iam:PassRole` the methods through a new function; at `lambda:*` the one
    // through an existing function's code.
    assert_eq!(escalation.len(), 2, "{found:?}");
    assert_eq!(escalation[0].loc, "/Statement/0/Action");
    assert!(
        escalation[0]
            .message
            .contains("PassExistingRoleToNewLambdaThenInvoke")
    );
    assert!(
        escalation[1]
            .message
            .contains("EditExistingLambdaFunctionWithRole")
    );
    // Negative: a missing action, a named role, a condition, a Deny.
    for clean in [
        r#"{"Effect": "Allow", "Action": ["iam:PassRole", "lambda:CreateFunction"], "Resource": "*"}"#,
        r#"{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::123456789012:role/app"},
           {"Effect": "Allow", "Action": ["lambda:CreateFunction", "lambda:InvokeFunction"], "Resource": "*"}"#,
        r#"{"Effect": "Allow", "Action": ["iam:PassRole", "lambda:CreateFunction", "lambda:InvokeFunction"], "Resource": "*",
            "Condition": {"StringEquals": {"aws:RequestedRegion": "us-east-1"}}}"#,
        r#"{"Effect": "Allow", "Action": ["iam:PassRole", "lambda:CreateFunction", "lambda:InvokeFunction"], "Resource": "*"},
           {"Effect": "Deny", "Action": "iam:PassRole", "Resource": "*"}"#,
        r#"{"Effect": "Allow", "Action": ["iam:Get*", "iam:List*", "s3:GetObject"], "Resource": "arn:aws:s3:::b/*"}"#,
    ] {
        assert_eq!(
            count(
                &stmt(clean),
                PolicyKind::Identity,
                Code::PrivilegeEscalation
            ),
            0,
            "{clean}"
        );
    }
}

#[test]
fn single_action_methods_and_not_action() {
    let found = findings(&stmt(
        r#"{"Effect": "Allow", "Action": "iam:CreateAccessKey", "Resource": "*"}"#,
    ));
    assert_eq!(only(&found, Code::PrivilegeEscalation).len(), 1);
    let not_action = stmt(r#"{"Effect": "Allow", "NotAction": "s3:*", "Resource": "*"}"#);
    let found = findings(&not_action);
    let escalation = only(&found, Code::PrivilegeEscalation);
    assert_eq!(escalation.len(), 1);
    assert_eq!(escalation[0].loc, "/Statement/0/NotAction#key");
    // NotAction excluding IAM, Lambda, Glue, ...: only what remains can escalate.
    let iam_excluded = stmt(
        r#"{"Effect": "Allow", "NotAction": ["iam:*", "lambda:*", "glue:*", "ec2:*", "cloudformation:*", "sagemaker:*", "ecs:*", "bedrock-agentcore:*", "ec2-instance-connect:*"], "Resource": "*"}"#,
    );
    assert_eq!(
        count(
            &iam_excluded,
            PolicyKind::Identity,
            Code::PrivilegeEscalation
        ),
        0
    );
}

#[test]
fn pass_role_unrestricted() {
    let found = findings(&stmt(
        r#"{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*"}"#,
    ));
    assert_eq!(only(&found, Code::PassRoleUnrestricted).len(), 1);
    // A condition on anything else does not limit the service.
    let other = stmt(
        r#"{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::*:role/*",
            "Condition": {"StringEquals": {"aws:RequestedRegion": "us-east-1"}}}"#,
    );
    assert_eq!(
        count(&other, PolicyKind::Identity, Code::PassRoleUnrestricted),
        1
    );
    for clean in [
        r#"{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*",
            "Condition": {"StringEquals": {"iam:PassedToService": "lambda.amazonaws.com"}}}"#,
        r#"{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::123456789012:role/app-*"}"#,
        r#"{"Effect": "Allow", "Action": "iam:GetRole", "Resource": "*"}"#,
    ] {
        assert_eq!(
            count(
                &stmt(clean),
                PolicyKind::Identity,
                Code::PassRoleUnrestricted
            ),
            0,
            "{clean}"
        );
    }
}

#[test]
fn data_exfiltration() {
    let found = findings(&stmt(
        r#"{"Effect": "Allow", "Action": ["s3:GetObject", "secretsmanager:GetSecretValue"], "Resource": "*"}"#,
    ));
    let exfiltration = only(&found, Code::DataExfiltration);
    assert_eq!(exfiltration.len(), 2, "one per string");
    // Every bucket's objects is every resource of `s3:GetObject`.
    let all_objects =
        stmt(r#"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::*"}"#);
    assert_eq!(
        count(&all_objects, PolicyKind::Identity, Code::DataExfiltration),
        1
    );
    for clean in [
        r#"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*"}"#,
        r#"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
            "Condition": {"StringEquals": {"aws:ResourceAccount": "123456789012"}}}"#,
        r#"{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*"}"#,
    ] {
        assert_eq!(
            count(&stmt(clean), PolicyKind::Identity, Code::DataExfiltration),
            0,
            "{clean}"
        );
    }
}

#[test]
fn resource_exposure() {
    let found = findings(&stmt(
        r#"{"Effect": "Allow", "Action": "s3:PutBucketPolicy", "Resource": "*"}"#,
    ));
    let exposure = only(&found, Code::ResourceExposure);
    assert_eq!(exposure.len(), 1);
    assert!(exposure[0].message.contains("`s3:PutBucketPolicy`"));
    for clean in [
        r#"{"Effect": "Allow", "Action": "s3:PutBucketPolicy", "Resource": "arn:aws:s3:::my-bucket"}"#,
        // "Permissions management" in the reference, but a read.
        r#"{"Effect": "Allow", "Action": "backup:List*", "Resource": "*"}"#,
        r#"{"Effect": "Allow", "Action": "s3:PutObject", "Resource": "*"}"#,
    ] {
        assert_eq!(
            count(&stmt(clean), PolicyKind::Identity, Code::ResourceExposure),
            0,
            "{clean}"
        );
    }
}

#[test]
fn credentials_exposure() {
    let found = findings(&stmt(
        r#"{"Effect": "Allow", "Action": "ecr:GetAuthorizationToken", "Resource": "*"}"#,
    ));
    assert_eq!(only(&found, Code::CredentialsExposure).len(), 1);
    for clean in [
        r#"{"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "arn:aws:iam::123456789012:role/deploy"}"#,
        // Every database, but one database user: the required `dbuser` is constrained.
        r#"{"Effect": "Allow", "Action": "redshift:GetClusterCredentials",
            "Resource": ["arn:aws:redshift:*:*:dbname:*/*", "arn:aws:redshift:*:*:dbuser:*/reporting"]}"#,
        r#"{"Effect": "Allow", "Action": "ecr:BatchGetImage", "Resource": "*"}"#,
    ] {
        assert_eq!(
            count(
                &stmt(clean),
                PolicyKind::Identity,
                Code::CredentialsExposure
            ),
            0,
            "{clean}"
        );
    }
}

#[test]
fn grant_rules_judge_identity_policies_only() {
    let admin = stmt(r#"{"Effect": "Allow", "Action": "*", "Resource": "*"}"#);
    for code in [
        Code::PrivilegeEscalation,
        Code::DataExfiltration,
        Code::ResourceExposure,
    ] {
        assert_eq!(count(&admin, PolicyKind::Identity, code), 1, "{code}");
        assert_eq!(count(&admin, PolicyKind::Boundary, code), 0, "{code}");
        assert_eq!(count(&admin, PolicyKind::Scp, code), 0, "{code}");
    }
}

#[test]
fn allow_with_not() {
    let found = findings(&stmt(
        r#"{"Effect": "Allow", "NotAction": "iam:*", "NotResource": "arn:aws:s3:::b"}"#,
    ));
    let not = only(&found, Code::AllowWithNot);
    assert_eq!(not.len(), 2);
    assert_eq!(not[0].loc, "/Statement/0/NotAction#key");
    for clean in [
        r#"{"Effect": "Deny", "NotAction": "iam:*", "Resource": "*"}"#,
        r#"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}"#,
    ] {
        assert_eq!(
            count(&stmt(clean), PolicyKind::Identity, Code::AllowWithNot),
            0,
            "{clean}"
        );
    }
}

#[test]
fn public_access() {
    let public = stmt(
        r#"{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}"#,
    );
    let found = findings_kind(&public, PolicyKind::Resource);
    let open = only(&found, Code::PublicAccess);
    assert_eq!(open.len(), 1);
    assert_eq!(open[0].loc, "/Statement/0/Principal");
    let aws_star = stmt(
        r#"{"Effect": "Allow", "Principal": {"AWS": ["arn:aws:iam::123456789012:root", "*"]}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}"#,
    );
    assert_eq!(
        count(&aws_star, PolicyKind::Resource, Code::PublicAccess),
        1
    );
    // A negated operator does not limit who.
    let negated = stmt(
        r#"{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*",
            "Condition": {"StringNotEquals": {"aws:PrincipalOrgID": "o-abcdefghij"}}}"#,
    );
    assert_eq!(count(&negated, PolicyKind::Resource, Code::PublicAccess), 1);
    for clean in [
        r#"{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*",
            "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-abcdefghij"}}}"#,
        r#"{"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "arn:aws:s3:::b/*",
            "Condition": {"Bool": {"aws:SecureTransport": "false"}}}"#,
        r#"{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:root"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}"#,
    ] {
        assert_eq!(
            count(&stmt(clean), PolicyKind::Resource, Code::PublicAccess),
            0,
            "{clean}"
        );
    }
}

#[test]
fn cross_account_trust() {
    let trust = |principal: &str, condition: &str| {
        format!(
            r#"{{"Version": "2012-10-17", "Statement": [{{"Effect": "Allow", "Principal": {{"AWS": "{principal}"}}, "Action": "sts:AssumeRole"{condition}}}]}}"#
        )
    };
    for principal in ["arn:aws:iam::111122223333:root", "111122223333"] {
        let found = findings_kind(&trust(principal, ""), PolicyKind::Trust);
        assert_eq!(
            only(&found, Code::CrossAccountTrustUnconditioned).len(),
            1,
            "{principal}"
        );
    }
    for (principal, condition) in [
        (
            "arn:aws:iam::111122223333:root",
            r#", "Condition": {"StringEquals": {"sts:ExternalId": "x-123"}}"#,
        ),
        (
            "arn:aws:iam::111122223333:root",
            r#", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-abcdefghij"}}"#,
        ),
        ("arn:aws:iam::111122223333:role/deployer", ""),
    ] {
        let json = trust(principal, condition);
        assert_eq!(
            count(
                &json,
                PolicyKind::Trust,
                Code::CrossAccountTrustUnconditioned
            ),
            0,
            "{json}"
        );
    }
    let service = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}"#;
    let found = findings_kind(service, PolicyKind::Trust);
    assert!(found.iter().all(|d| !d.code.is_security()), "{found:?}");
}

#[test]
fn deny_promotes_a_warning_to_an_error() {
    let json = stmt(r#"{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*"}"#);
    let mut view = crate::PolicyView::new(super::super::test_util::parse(&json));
    let warned = crate::check(&view, PolicyKind::Identity);
    assert!(warned.iter().all(|d| !d.is_error()));
    view.deny.push(Code::PassRoleUnrestricted);
    let denied = crate::check(&view, PolicyKind::Identity);
    let errors: Vec<_> = denied
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.code)
        .collect();
    assert_eq!(errors, [Code::PassRoleUnrestricted]);
    let options = crate::check::Options {
        deny: vec![Code::PassRoleUnrestricted],
        ..crate::check::Options::default()
    };
    view.deny.clear();
    let denied = crate::check::check_with(&view, PolicyKind::Identity, &options);
    assert!(
        denied
            .iter()
            .any(|d| d.code == Code::PassRoleUnrestricted && d.is_error())
    );
}

#[test]
fn a_least_privilege_policy_draws_no_security_finding() {
    let json = stmt(
        r#"{"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": "arn:aws:s3:::my-bucket/app/*"},
           {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::my-bucket"},
           {"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::123456789012:role/app-worker",
            "Condition": {"StringEquals": {"iam:PassedToService": "ecs-tasks.amazonaws.com"}}},
           {"Effect": "Allow", "Action": ["ec2:DescribeInstances", "cloudwatch:GetMetricData"], "Resource": "*"}"#,
    );
    let found = findings(&json);
    assert!(found.iter().all(|d| !d.code.is_security()), "{found:?}");
}

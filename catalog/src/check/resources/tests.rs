use super::*;
use crate::PolicyView;
use crate::check::test_util::{codes, findings, only};

/// A one-statement policy.
fn statement(actions: &str, resources: &str) -> String {
    format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Action":{actions},"Resource":{resources}}}]}}"#
    )
}

#[test]
fn fitting_resources_pass_across_services() {
    for (actions, resources) in [
        (
            r#"["s3:GetObject","s3:ListBucket"]"#,
            r#"["arn:aws:s3:::b","arn:aws:s3:::b/*"]"#,
        ),
        (r#""s3:GetObject""#, r#""arn:aws:s3:::b/${aws:username}/*""#),
        (r#""s3:ListBucket""#, r#""arn:aws:s3:::{}""#),
        (
            r#""ec2:StartInstances""#,
            r#""arn:aws:ec2:*:123456789012:instance/*""#,
        ),
        (
            r#""iam:PassRole""#,
            r#""arn:aws:iam::123456789012:role/app-*""#,
        ),
        (
            r#""kms:Decrypt""#,
            r#""arn:aws:kms:us-east-1:123456789012:key/*""#,
        ),
        (
            r#""lambda:InvokeFunction""#,
            r#""arn:aws:lambda:us-east-1:123456789012:function:f""#,
        ),
        (r#""sqs:SendMessage""#, r#""arn:aws:sqs:*:123456789012:q""#),
        (
            r#""sns:Publish""#,
            r#""arn:aws-cn:sns:cn-north-1:123456789012:t""#,
        ),
        (
            r#""dynamodb:GetItem""#,
            r#""arn:aws:dynamodb:*:*:table/Orders""#,
        ),
        (
            r#""sts:AssumeRole""#,
            r#""arn:aws:iam::123456789012:role/r""#,
        ),
        (
            r#""apigateway:GET""#,
            r#""arn:aws:apigateway:us-east-1::/restapis/*""#,
        ),
        (
            r#""organizations:DescribeAccount""#,
            r#""arn:aws:organizations::123456789012:account/o-*/*""#,
        ),
        (
            r#""iam:GetPolicy""#,
            r#""arn:aws:iam::aws:policy/ReadOnlyAccess""#,
        ),
        (
            r#""ssm:GetDocument""#,
            r#""arn:aws:ssm:us-east-1::document/AWS-RunShellScript""#,
        ),
        // A `*` ending the account field runs across `:` (IAM User Guide).
        (
            r#""logs:PutLogEvents""#,
            r#""arn:aws:logs:*:*:/aws-glue/*""#,
        ),
        (
            r#""secretsmanager:GetSecretValue""#,
            r#""arn:aws:secretsmanager:*:*:sqlworkbench!*""#,
        ),
        // Wildcard-only actions with `*`, or the catch-all ARN of their service.
        (
            r#"["s3:ListAllMyBuckets","ec2:DescribeInstances"]"#,
            r#""*""#,
        ),
        (r#""s3:ListAllMyBuckets""#, r#""arn:aws:s3:::*""#),
        // Patterns fit through one of their actions.
        (
            r#"["s3:Get*","dynamodb:*"]"#,
            r#"["arn:aws:s3:::b/*","arn:aws:dynamodb:*:*:table/T"]"#,
        ),
        (r#""*""#, r#""arn:aws:s3:::b""#),
        // Run-time values: nothing to say.
        (r#""{}:GetObject""#, r#""arn:aws:sqs:*:*:q""#),
        (r#""ec2:DescribeInstances""#, r#"["arn:aws:s3:::b","{}"]"#),
    ] {
        let found = findings(&statement(actions, resources));
        assert!(found.is_empty(), "{actions} on {resources}: {found:?}");
    }
    // `NotAction` and `NotResource` are not fitted.
    let found = findings(
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","NotAction":"s3:ListBucket","Resource":"arn:aws:sqs:*:*:q"},{"Effect":"Deny","Action":"s3:ListBucket","NotResource":"arn:aws:sqs:*:*:q"}]}"#,
    );
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn invalid_arn() {
    let found = findings(&statement(
        r#""s3:GetObject""#,
        r#"["my-bucket/*","arn:aws:s3","urn:aws:s3:::b/*","{}","arn:{}"]"#,
    ));
    assert_eq!(codes(&found), [Code::InvalidArn; 3], "{found:?}");
    assert_eq!(found[0].loc, "/Statement/0/Resource/0");
    assert_eq!(found[0].message, "`my-bucket/*` is not an ARN");
    assert_eq!(
        found[0].help.as_deref(),
        Some(
            "a resource is `*` or an ARN `arn:partition:service:region:account:resource`, e.g. `arn:aws:s3:::my-bucket/*`"
        )
    );
    assert_eq!(
        found[1].message,
        "`arn:aws:s3` has 3 of the 6 fields of an ARN"
    );
    assert_eq!(found[2].loc, "/Statement/0/Resource/2");
    // NotResource is checked too.
    let found = findings(
        r#"{"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"s3:*","NotResource":"bucket"}}"#,
    );
    assert_eq!(codes(&found), [Code::InvalidArn]);
    assert_eq!(found[0].loc, "/Statement/NotResource");
}

#[test]
fn invalid_partition() {
    let found = findings(&statement(
        r#""s3:GetObject""#,
        r#"["arn:aws2:s3:::b/*","arn::s3:::b/*","arn:gcp*:s3:::b/*","arn:*:s3:::b/*","arn:aws-*:s3:::b/*","arn:aws-us-gov:s3:::b/*"]"#,
    ));
    assert_eq!(codes(&found), [Code::InvalidPartition; 3], "{found:?}");
    assert_eq!(found[0].loc, "/Statement/0/Resource/0");
    assert_eq!(
        found[0].message,
        "unknown partition `aws2` in `arn:aws2:s3:::b/*`"
    );
    assert_eq!(
        found[0].help.as_deref(),
        Some("did you mean `aws`? `arn:aws:s3:::b/*`")
    );
    assert_eq!(found[1].message, "`arn::s3:::b/*` has no partition");
    assert_eq!(found[2].loc, "/Statement/0/Resource/2");
    assert!(found[2].help.as_deref().unwrap().contains("`aws-cn`"));
}

#[test]
fn invalid_account() {
    let found = findings(&statement(
        r#""sqs:SendMessage""#,
        r#"["arn:aws:sqs:us-east-1:12345:q","arn:aws:sqs:us-east-1:1234-5678-9012:q","arn:aws:sqs:us-east-1:123456789012:q","arn:aws:sqs:*:*:q","arn:aws:sqs:*:${aws:PrincipalAccount}:q"]"#,
    ));
    assert_eq!(codes(&found), [Code::InvalidAccount; 2], "{found:?}");
    assert_eq!(found[0].loc, "/Statement/0/Resource/0");
    assert_eq!(
        found[0].message,
        "the account `12345` in `arn:aws:sqs:us-east-1:12345:q` is not a 12-digit account id"
    );
    assert_eq!(
        found[1].help.as_deref(),
        Some("write the account id without separators: `arn:aws:sqs:us-east-1:123456789012:q`")
    );
    // An account where the resource type has none.
    let found = findings(&statement(
        r#""s3:ListBucket""#,
        r#""arn:aws:s3::123456789012:b""#,
    ));
    assert_eq!(codes(&found), [Code::InvalidAccount], "{found:?}");
    assert_eq!(found[0].loc, "/Statement/0/Resource");
    assert_eq!(
        found[0].message,
        "`bucket` ARNs of `s3` have no account: `arn:aws:s3::123456789012:b`"
    );
    assert_eq!(
        found[0].help.as_deref(),
        Some("write it without account: `arn:aws:s3:::b`")
    );
}

#[test]
fn region_names_have_the_shape_of_a_region_code() {
    for region in [
        "us-east-1",
        "us-gov-west-1",
        "cn-northwest-1",
        "eusc-de-east-1",
    ] {
        let found = findings(&statement(
            r#""sqs:SendMessage""#,
            &format!(r#""arn:aws:sqs:{region}:123456789012:q""#),
        ));
        assert!(found.is_empty(), "{region}: {found:?}");
    }
    for region in ["region", "US-EAST-1", "us-east", "${*}"] {
        let found = findings(&statement(
            r#""sqs:SendMessage""#,
            &format!(r#""arn:aws:sqs:{region}:123456789012:q""#),
        ));
        assert_eq!(codes(&found), [Code::InvalidRegion], "{region}: {found:?}");
    }
    let found = findings(&statement(
        r#""sqs:SendMessage""#,
        r#""arn:aws:sqs:<region>:123456789012:q""#,
    ));
    assert_eq!(
        found[0].message,
        "`<region>` in `arn:aws:sqs:<region>:123456789012:q` is not an AWS Region name"
    );
}

#[test]
fn invalid_region() {
    let found = findings(&statement(
        r#"["s3:ListBucket","s3:GetObject"]"#,
        r#"["arn:aws:s3:us-east-1::b","arn:aws:s3:::b/*"]"#,
    ));
    assert_eq!(codes(&found), [Code::InvalidRegion], "{found:?}");
    assert_eq!(found[0].loc, "/Statement/0/Resource/0");
    assert_eq!(
        found[0].message,
        "`bucket` ARNs of `s3` have no region: `arn:aws:s3:us-east-1::b`"
    );
    assert_eq!(
        found[0].help.as_deref(),
        Some("write it without region: `arn:aws:s3:::b`")
    );
    // A region missing where the type has one.
    let found = findings(&statement(
        r#""sqs:SendMessage""#,
        r#""arn:aws:sqs::123456789012:q""#,
    ));
    assert_eq!(codes(&found), [Code::InvalidRegion], "{found:?}");
    assert_eq!(
        found[0].message,
        "`queue` ARNs of `sqs` have a region: `arn:aws:sqs::123456789012:q`"
    );
    assert_eq!(
        found[0].help.as_deref(),
        Some("write the region, or `*` for any: `arn:aws:sqs:*:123456789012:q`")
    );
}

#[test]
fn wildcard_resource_required() {
    let found = findings(
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["ec2:DescribeInstances","ec2:StartInstances","sts:GetCallerIdentity"],"Resource":"arn:aws:ec2:*:123456789012:instance/*","Condition":{"Bool":{"aws:SecureTransport":"true"}}}]}"#,
    );
    assert_eq!(
        codes(&found),
        [
            Code::WildcardResourceRequired,
            Code::WildcardResourceRequired
        ],
        "{found:?}"
    );
    assert_eq!(found[0].loc, "/Statement/0/Action/0");
    assert_eq!(found[1].loc, "/Statement/0/Action/2");
    assert_eq!(
        found[0].message,
        "`ec2:DescribeInstances` supports no resource types, so it needs `\"Resource\": \"*\"`, which the statement does not have"
    );
    assert_eq!(
        found[0].help.as_deref(),
        Some(
            r#"move `ec2:DescribeInstances` and `sts:GetCallerIdentity` to a statement of its own: {"Effect": "Allow", "Action": ["ec2:DescribeInstances", "sts:GetCallerIdentity"], "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "true"}}}"#
        )
    );
    // Same effect in the split.
    let found = findings(
        &statement(r#""s3:ListAllMyBuckets""#, r#""arn:aws:s3:::b""#).replace("Allow", "Deny"),
    );
    assert_eq!(codes(&found), [Code::WildcardResourceRequired]);
    assert_eq!(
        found[0].help.as_deref(),
        Some(
            r#"use `"Resource": "*"`: {"Effect": "Deny", "Action": ["s3:ListAllMyBuckets"], "Resource": "*"}"#
        )
    );
    // With `*` among the resources, it is fine.
    let found = findings(&statement(
        r#"["ec2:DescribeInstances","ec2:StartInstances"]"#,
        r#"["arn:aws:ec2:*:*:instance/*","*"]"#,
    ));
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn wildcard_only_with_a_known_request_arn() {
    // CloudWatch Logs authorizes DescribeLogGroups on `log-group::log-stream:`:
    // `log-group:*` matches it, a log group name does not.
    for resource in [
        "arn:aws:logs:*:*:log-group:*",
        "arn:aws:logs:us-east-1:123456789012:*",
        "arn:aws:logs:*:*:log-group::log-stream:",
    ] {
        let found = findings(&statement(
            r#""logs:DescribeLogGroups""#,
            &format!("{resource:?}"),
        ));
        assert!(found.is_empty(), "{resource}: {found:?}");
    }
    let found = findings(&statement(
        r#"["logs:DescribeLogGroups","logs:GetLogEvents"]"#,
        r#""arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/*""#,
    ));
    assert_eq!(codes(&found), [Code::WildcardResourceRequired], "{found:?}");
    assert_eq!(found[0].loc, "/Statement/0/Action/0");
    assert_eq!(
        found[0].message,
        "`logs:DescribeLogGroups` supports no resource types; the service authorizes it on `arn:${Partition}:logs:${Region}:${Account}:log-group::log-stream:`, which no resource of the statement matches"
    );
    assert!(
        found[0]
            .help
            .as_deref()
            .is_some_and(|h| h.starts_with("move `logs:DescribeLogGroups` to a statement")),
        "{found:?}"
    );
    // A `*` in the request ARN is a literal character: `stack/*` matches
    // `stack/*/*`, a stack name pattern does not.
    let found = findings(&statement(
        r#""cloudformation:ListStacks""#,
        r#""arn:aws:cloudformation:*:*:stack/*""#,
    ));
    assert!(found.is_empty(), "{found:?}");
    let found = findings(&statement(
        r#""cloudformation:ListStacks""#,
        r#""arn:aws:cloudformation:*:*:stack/SC-*""#,
    ));
    assert_eq!(codes(&found), [Code::WildcardResourceRequired], "{found:?}");
    // IAM's List* on a path: `role/` and `role/<path>/`.
    for (resource, ok) in [
        ("arn:aws:iam::*:role/*", true),
        ("arn:aws:iam::123456789012:role/", true),
        ("arn:aws:iam::*:role/aws-service-role/*", true),
        ("arn:aws:iam::*:role/MyRole", false),
        ("arn:aws:iam::*:user/*", false),
    ] {
        let found = findings(&statement(r#""iam:ListRoles""#, &format!("{resource:?}")));
        if ok {
            assert!(found.is_empty(), "{resource}: {found:?}");
        } else {
            assert_eq!(
                codes(&found),
                [Code::WildcardResourceRequired],
                "{resource}: {found:?}"
            );
        }
    }
    // Documented as `*` only, although AWS's own policies scope it: an error.
    let found = findings(&statement(
        r#""lambda:ListFunctions""#,
        r#""arn:aws:lambda:*:*:function:*""#,
    ));
    assert_eq!(codes(&found), [Code::WildcardResourceRequired], "{found:?}");
}

#[test]
fn wildcard_resource_scoped() {
    let action = crate::action("sagemaker:ListEndpoints").unwrap();
    let evidence = crate::wildcard::scoped_by_aws(action).unwrap();
    let found = findings(&statement(
        r#"["sagemaker:ListEndpoints","ec2:DescribeInstances"]"#,
        r#""arn:aws:sagemaker:*:*:endpoint/*""#,
    ));
    assert_eq!(
        codes(&found),
        [Code::WildcardResourceScoped, Code::WildcardResourceRequired],
        "{found:?}"
    );
    assert_eq!(found[0].loc, "/Statement/0/Action/0");
    assert_eq!(found[0].severity, crate::Severity::Warning);
    assert!(
        found[0].message.starts_with(
            "`sagemaker:ListEndpoints` supports no resource types in the Service Authorization Reference, but AWS-authored policies grant it on ARNs ("
        ),
        "{}",
        found[0].message
    );
    assert!(
        found[0].message.contains(evidence.cited[0]),
        "{}",
        found[0].message
    );
    // Each finding's split moves only its own actions.
    assert_eq!(
        found[0].help.as_deref(),
        Some(
            r#"move `sagemaker:ListEndpoints` to a statement of its own: {"Effect": "Allow", "Action": ["sagemaker:ListEndpoints"], "Resource": "*"}"#
        )
    );
    assert_eq!(found[1].loc, "/Statement/0/Action/1");
    // On ARNs of a service no AWS policy uses for it: an error.
    let found = findings(&statement(
        r#""sagemaker:ListEndpoints""#,
        r#""arn:aws:s3:::my-bucket""#,
    ));
    assert_eq!(codes(&found), [Code::WildcardResourceRequired], "{found:?}");
    // With `*`, nothing.
    let found = findings(&statement(
        r#""sagemaker:ListEndpoints""#,
        r#"["arn:aws:sagemaker:*:*:endpoint/*","*"]"#,
    ));
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn resource_mismatch_at_actions() {
    let found = findings(&statement(
        r#"["s3:GetObject","s3:ListBucket"]"#,
        r#""arn:aws:s3:::*/CodeDeploy/*""#,
    ));
    assert_eq!(codes(&found), [Code::ResourceMismatch], "{found:?}");
    assert_eq!(found[0].loc, "/Statement/0/Action/1");
    assert_eq!(
        found[0].message,
        "no resource of the statement fits `s3:ListBucket`, so it grants nothing"
    );
    let help = found[0].help.as_deref().unwrap();
    assert!(help.starts_with("`s3:ListBucket` takes "), "{help}");
    assert!(
        help.contains("`arn:${Partition}:s3:::${BucketName}` (`bucket`)"),
        "{help}"
    );
    // Required types are marked; Deny "denies nothing".
    let found =
        findings(&statement(r#""kms:Decrypt""#, r#""arn:aws:sqs:*:*:q""#).replace("Allow", "Deny"));
    assert_eq!(codes(&found), [Code::ResourceMismatch], "{found:?}");
    assert_eq!(found[0].loc, "/Statement/0/Action");
    assert_eq!(
        found[0].message,
        "no resource of the statement fits `kms:Decrypt`, so it denies nothing"
    );
    assert!(
        found[0]
            .help
            .as_deref()
            .unwrap()
            .contains("(`key`, required)")
    );
    // Across services.
    for (action, resource) in [
        (
            "iam:PassRole",
            "arn:aws:iam::123456789012:instance-profile/p",
        ),
        ("dynamodb:GetItem", "arn:aws:dynamodb:*:*:global-table/T"),
        ("lambda:InvokeFunction", "arn:aws:lambda:*:*:layer:l"),
        ("sns:Publish", "arn:aws:sqs:*:*:q"),
        ("sts:AssumeRole", "arn:aws:iam::123456789012:user/u"),
        ("apigateway:GET", "arn:aws:execute-api:*:*:a/*"),
        ("organizations:DescribeAccount", "arn:aws:s3:::b"),
        // Without a final `*` in the account field, fields do not shift.
        (
            "logs:PutLogEvents",
            "arn:aws:logs:us-east-1:123456789012:/aws-glue/*",
        ),
    ] {
        let found = findings(&statement(
            &format!("\"{action}\""),
            &format!("\"{resource}\""),
        ));
        assert_eq!(
            codes(&found),
            [Code::ResourceMismatch],
            "{action} {resource}: {found:?}"
        );
        assert!(found[0].message.contains(&format!("`{action}`")));
    }
}

#[test]
fn resource_mismatch_of_patterns() {
    let found = findings(&statement(
        r#"["sqs:*","s3:Get*"]"#,
        r#""arn:aws:sqs:*:*:q""#,
    ));
    assert_eq!(codes(&found), [Code::ResourceMismatch], "{found:?}");
    assert_eq!(found[0].loc, "/Statement/0/Action/1");
    assert_eq!(
        found[0].message,
        "no resource of the statement fits any action `s3:Get*` matches, so it grants nothing"
    );
    assert!(
        found[0]
            .help
            .as_deref()
            .unwrap()
            .starts_with("the actions it matches take `arn:")
    );
    // A pattern of wildcard-only actions needs `*`.
    let found = findings(&statement(
        r#""wafv2:Describe*""#,
        r#""arn:aws:wafv2:*:*:*/webacl/*/*""#,
    ));
    assert_eq!(codes(&found), [Code::ResourceMismatch], "{found:?}");
    assert_eq!(
        found[0].message,
        "the actions `wafv2:Describe*` matches support no resource types, so it grants nothing unless the statement has `\"Resource\": \"*\"`"
    );
    assert_eq!(
        found[0].help.as_deref(),
        Some(
            r#"use `"Resource": "*"`: {"Effect": "Allow", "Action": ["wafv2:Describe*"], "Resource": "*"}"#
        )
    );
    // Beside an action that fits, the pattern moves to a statement of its own.
    let found = findings(&statement(
        r#"["wafv2:Describe*","wafv2:GetWebACL"]"#,
        r#""arn:aws:wafv2:us-east-1:123456789012:regional/webacl/n/1""#,
    ));
    assert_eq!(codes(&found), [Code::ResourceMismatch], "{found:?}");
    assert_eq!(found[0].loc, "/Statement/0/Action/0");
    assert_eq!(
        found[0].help.as_deref(),
        Some(
            r#"move `wafv2:Describe*` to a statement of its own: {"Effect": "Allow", "Action": ["wafv2:Describe*"], "Resource": "*"}"#
        )
    );
    // A pattern that matches nothing is reported once, by the action rules.
    let found = findings(&statement(r#""s3:Git*""#, r#""arn:aws:s3:::b""#));
    assert_eq!(codes(&found), [Code::PatternMatchesNothing], "{found:?}");
}

/// An item of `Action` only known at run time could be any action: resources are not
/// judged against the others.
#[test]
fn run_time_actions_keep_resources_unjudged() {
    let (mut root, pointers) = crate::check::test_util::located(&statement(
        r#"["s3:GetObject","x"]"#,
        r#"["arn:aws:s3:::b/*","arn:aws:sns:*:*:t"]"#,
    ))
    .numbered();
    let crate::NodeKind::Object(members) = &mut root.kind else {
        panic!()
    };
    let crate::NodeKind::Array(statements) = &mut members[1].value.kind else {
        panic!()
    };
    let crate::NodeKind::Object(members) = &mut statements[0].kind else {
        panic!()
    };
    let crate::NodeKind::Array(actions) = &mut members[1].value.kind else {
        panic!()
    };
    actions[1].kind = crate::NodeKind::Opaque(0);
    let found = crate::check(&PolicyView::new(root.clone()), crate::PolicyKind::Identity);
    assert!(found.is_empty(), "{found:?}");
    // The same statement with a known second action reports the dead resource.
    actions_back(&mut root);
    let found = crate::check(&PolicyView::new(root), crate::PolicyKind::Identity);
    assert_eq!(
        found.iter().map(|d| d.code).collect::<Vec<_>>(),
        [Code::UnusedResource],
        "{found:?}"
    );
    assert_eq!(
        crate::check::test_util::pointer(&pointers, found[0].loc),
        "/Statement/0/Resource/1"
    );
}

/// Puts `s3:PutObject` back where the run-time value was.
fn actions_back(root: &mut Node) {
    if let crate::NodeKind::Object(members) = &mut root.kind
        && let crate::NodeKind::Array(statements) = &mut members[1].value.kind
        && let crate::NodeKind::Object(members) = &mut statements[0].kind
        && let crate::NodeKind::Array(actions) = &mut members[1].value.kind
    {
        actions[1].kind = crate::NodeKind::String(Text::literal("s3:PutObject"));
    }
}

#[test]
fn resource_mismatch_at_resources() {
    let found = findings(&statement(
        r#"["s3:GetObject","sqs:SendMessage"]"#,
        r#"["arn:aws:s3:::b/*","arn:aws:sns:*:*:t","arn:aws:sqs:*:*:q"]"#,
    ));
    assert_eq!(codes(&found), [Code::UnusedResource], "{found:?}");
    assert_eq!(found[0].loc, "/Statement/0/Resource/1");
    assert_eq!(
        found[0].message,
        "`arn:aws:sns:*:*:t` fits no resource type of the statement's actions"
    );
    let help = found[0].help.as_deref().unwrap();
    assert!(help.starts_with("the statement's actions take "), "{help}");
    assert!(
        help.contains("`arn:${Partition}:sqs:${Region}:${Account}:${QueueName}`"),
        "{help}"
    );
    // Not when an action is unknown until run time, or the actions fit nothing at all
    // (their own findings say it).
    let found = findings(&statement(
        r#"["s3:GetObject","{}"]"#,
        r#"["arn:aws:s3:::b/*","arn:aws:sns:*:*:t"]"#,
    ));
    assert!(found.is_empty(), "{found:?}");
    let found = findings(&statement(r#""s3:GetObject""#, r#""arn:aws:sns:*:*:t""#));
    assert_eq!(codes(&found), [Code::ResourceMismatch]);
    assert_eq!(found[0].loc, "/Statement/0/Action");
    assert!(only(&found, Code::InvalidArn).is_empty());
}

#[test]
fn with_field_replaces_one_field() {
    assert_eq!(
        with_field(&crate::arn::fields("arn:aws:s3:us-east-1::b"), 3, ""),
        "arn:aws:s3:::b"
    );
}

/// `best_of_actions` skips a pattern's services by their own resource types: that
/// holds only while every action's resource types are its own service's.
#[test]
fn actions_take_only_their_own_services_types() {
    for service in crate::model::services() {
        for action in service.actions() {
            for ar in action.resource_types() {
                assert_eq!(ar.resource_type().service(), service, "{action}");
            }
        }
    }
    let (fields, open) = format_services(crate::model::service("waf-regional").unwrap()).unwrap();
    assert!(!open);
    assert!(fields.contains(&"elasticloadbalancing"), "{fields:?}");
    // So `waf-regional:*` fits a load balancer.
    let found = findings(&statement(
        r#""waf-regional:*""#,
        r#""arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/lb/1""#,
    ));
    assert!(found.is_empty(), "{found:?}");
}

use super::*;
use crate::check::test_util::{codes, findings, only};

/// A policy with one statement of `actions` and `condition` (JSON text).
fn policy(actions: &str, condition: &str) -> String {
    format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Action":{actions},"Resource":"*","Condition":{condition}}}]}}"#
    )
}

fn cond(condition: &str) -> Vec<crate::Diagnostic<String>> {
    findings(&policy(r#""s3:ListBucket""#, condition))
}

#[test]
fn operators_parse() {
    let op = parse_operator("ForAnyValue:StringLikeIfExists").unwrap();
    assert_eq!(op.base, "StringLike");
    assert_eq!(op.family, Family::String);
    assert_eq!(op.set, Some(SetQualifier::ForAnyValue));
    assert!(op.if_exists);
    assert_eq!(parse_operator("Null").unwrap().family, Family::Null);
    assert_eq!(
        parse_operator("NotIpAddress").unwrap().family,
        Family::IpAddress
    );
    assert_eq!(
        parse_operator("NullIfExists"),
        Err(OperatorError::NullIfExists)
    );
    assert_eq!(
        parse_operator("stringEquals"),
        Err(OperatorError::Unknown(Some("StringEquals".into())))
    );
    assert_eq!(
        parse_operator("ForAllValue:StringEquals"),
        Err(OperatorError::Unknown(Some(
            "ForAllValues:StringEquals".into()
        )))
    );
    assert_eq!(
        parse_operator("StringEqualIfExists"),
        Err(OperatorError::Unknown(Some("StringEqualsIfExists".into())))
    );
    assert_eq!(
        parse_operator("StringEqualsIfExist"),
        Err(OperatorError::Unknown(Some("StringEqualsIfExists".into())))
    );
    assert_eq!(
        parse_operator("ForAnyValues:StringLike"),
        Err(OperatorError::Unknown(Some(
            "ForAnyValue:StringLike".into()
        )))
    );
    for op in OPERATORS {
        assert!(parse_operator(op).is_ok(), "{op}");
    }
}

#[test]
fn valid_conditions_have_no_findings() {
    let found = cond(
        r#"{"StringLike":{"s3:prefix":["home/","home/${aws:username}/*"]},
            "Bool":{"aws:SecureTransport":"true"},
            "IpAddress":{"aws:SourceIp":["203.0.113.0/24","2001:DB8:1234:5678::/64"]},
            "DateGreaterThan":{"aws:CurrentTime":"2020-01-01T00:00:01Z"},
            "NumericLessThanEquals":{"s3:max-keys":"10"},
            "Null":{"aws:TokenIssueTime":true},
            "ArnLike":{"aws:PrincipalArn":"arn:aws:iam::*:role/admin-*"}}"#,
    );
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn unknown_operators() {
    let found = cond(r#"{"StringEqual":{"s3:prefix":"a"}}"#);
    assert_eq!(codes(&found), [Code::UnknownOperator]);
    assert_eq!(
        found[0].message,
        "`StringEqual` is not a condition operator"
    );
    assert_eq!(
        found[0].help.as_deref(),
        Some("did you mean `StringEquals`?")
    );
    assert_eq!(found[0].loc, "/Statement/0/Condition/StringEqual#key");

    let found = cond(r#"{"stringLike":{"s3:prefix":"a"}}"#);
    assert_eq!(
        found[0].help.as_deref(),
        Some("condition operators are case-sensitive: `StringLike`")
    );

    let found = cond(r#"{"NullIfExists":{"s3:prefix":"true"}}"#);
    assert_eq!(codes(&found), [Code::UnknownOperator]);
    assert!(found[0].message.contains("`Null` takes no `IfExists`"));

    let found = cond(r#"{"Frobnicate":{"s3:prefix":"a"}}"#);
    assert_eq!(codes(&found), [Code::UnknownOperator]);
    assert!(found[0].help.as_deref().unwrap().contains("`IpAddress`"));

    // The key of an unknown operator is still checked.
    let found = cond(r#"{"StringEqual":{"s3:prefx":"a"}}"#);
    assert_eq!(
        codes(&found),
        [Code::UnknownOperator, Code::UnknownConditionKey]
    );
}

#[test]
fn unknown_condition_keys() {
    let found = cond(r#"{"StringLike":{"s3:prefx":"a"}}"#);
    assert_eq!(codes(&found), [Code::UnknownConditionKey]);
    assert_eq!(
        found[0].message,
        "`s3:prefx` is not a condition key of `s3`"
    );
    assert_eq!(found[0].help.as_deref(), Some("did you mean `s3:prefix`?"));
    assert_eq!(
        found[0].loc,
        "/Statement/0/Condition/StringLike/s3:prefx#key"
    );

    let found = cond(r#"{"StringEquals":{"aws:ResourceTg/team":"a"}}"#);
    assert_eq!(codes(&found), [Code::UnknownConditionKey]);
    assert_eq!(
        found[0].message,
        "`aws:ResourceTg/team` is not a global condition key"
    );
    assert_eq!(
        found[0].help.as_deref(),
        Some("did you mean `aws:ResourceTag/team`?")
    );

    let found = cond(r#"{"StringEquals":{"s4:prefix":"a"}}"#);
    assert_eq!(codes(&found), [Code::UnknownConditionKey]);
    assert_eq!(
        found[0].message,
        "`s4:prefix`: no service has the prefix `s4`"
    );
    assert_eq!(found[0].help.as_deref(), Some("did you mean `s3:prefix`?"));

    let found = cond(r#"{"StringEquals":{"prefix":"a"}}"#);
    assert_eq!(codes(&found), [Code::UnknownConditionKey]);

    // An OIDC provider's unknown claim names the provider and its claims, not a
    // missing service (terraform-aws-iam's GitHub OIDC trust policy tests `iss`).
    let found = cond(
        r#"{"StringEquals":{"token.actions.githubusercontent.com:iss":"https://token.actions.githubusercontent.com"}}"#,
    );
    assert_eq!(codes(&found), [Code::UnknownConditionKey]);
    assert_eq!(
        found[0].message,
        "`token.actions.githubusercontent.com:iss`: the OIDC provider `token.actions.githubusercontent.com` has no claim `iss` that IAM can test"
    );
    assert_eq!(
        found[0].help.as_deref(),
        Some(
            "the claims IAM can test for an OIDC provider are `aud`, `azp`, `sub`, `amr`, `oaud`, `email`"
        )
    );
    let found = cond(r#"{"StringEquals":{"token.actions.githubusercontent.com:subb":"x"}}"#);
    assert_eq!(
        found[0].help.as_deref(),
        Some("did you mean `token.actions.githubusercontent.com:sub`?")
    );
    // A known claim of the same provider is no finding.
    let found =
        cond(r#"{"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com"}}"#);
    assert!(
        only(&found, Code::UnknownConditionKey).is_empty(),
        "{found:?}"
    );

    // Templated and case-insensitive keys resolve.
    let found = findings(&policy(
        r#""s3:GetObject""#,
        r#"{"StringEquals":{"S3:ExistingObjectTag/Project":"x","AWS:SourceIp":"1.2.3.4"}}"#,
    ));
    assert_eq!(
        only(&found, Code::UnknownConditionKey).len(),
        0,
        "{found:?}"
    );
}

#[test]
fn catalog_quirks_resolve() {
    // The reference spells Secrets Manager's tag key `secretsmanager:ResourceTag/tag-key`.
    let found = findings(&policy(
        r#""secretsmanager:GetSecretValue""#,
        r#"{"StringEquals":{"secretsmanager:ResourceTag/team":"blue"}}"#,
    ));
    assert!(found.is_empty(), "{found:?}");
    // `catalog:ChangeType` is listed under `aws-marketplace`.
    let found = findings(&policy(
        r#""aws-marketplace:StartChangeSet""#,
        r#"{"StringEquals":{"catalog:ChangeType":"AddRevisions"}}"#,
    ));
    assert!(
        only(&found, Code::UnknownConditionKey).is_empty(),
        "{found:?}"
    );
    // A prefix no service has, also used in `Action`: the action rules report it once.
    let found = findings(&policy(
        r#""nosuch:GetThing""#,
        r#"{"StringEquals":{"nosuch:Thing":"x"}}"#,
    ));
    assert!(
        only(&found, Code::UnknownConditionKey).is_empty(),
        "{found:?}"
    );
    let found = findings(&policy(
        r#""s3:GetObject""#,
        r#"{"StringEquals":{"nosuch:Thing":"x"}}"#,
    ));
    assert_eq!(
        only(&found, Code::UnknownConditionKey).len(),
        1,
        "{found:?}"
    );
}

#[test]
fn keys_the_actions_do_not_list() {
    let found = findings(&policy(
        r#""s3:GetObject""#,
        r#"{"StringLike":{"s3:prefix":"home/"}}"#,
    ));
    assert_eq!(codes(&found), [Code::ConditionKeyNotApplicable]);
    assert_eq!(
        found[0].message,
        "`s3:GetObject` does not list the condition key `s3:prefix`"
    );
    assert!(
        found[0]
            .help
            .as_deref()
            .unwrap()
            .starts_with("the key applies to `s3:ListBucket`"),
        "{:?}",
        found[0].help
    );
    assert_eq!(
        found[0].loc,
        "/Statement/0/Condition/StringLike/s3:prefix#key"
    );
    // Listed by one of the actions: fine.
    let found = findings(&policy(
        r#"["s3:GetObject","s3:ListBucket"]"#,
        r#"{"StringLike":{"s3:prefix":"home/"}}"#,
    ));
    assert!(found.is_empty(), "{found:?}");
    // Wildcards expand; `*` and NotAction say nothing.
    let found = findings(&policy(
        r#""s3:List*""#,
        r#"{"StringLike":{"s3:prefix":"home/"}}"#,
    ));
    assert!(found.is_empty(), "{found:?}");
    let found = findings(&policy(r#""*""#, r#"{"StringLike":{"s3:prefix":"home/"}}"#));
    assert!(found.is_empty(), "{found:?}");
    // Global keys are never reported.
    let found = findings(&policy(
        r#""s3:GetObject""#,
        r#"{"StringEquals":{"aws:PrincipalTag/team":"blue"}}"#,
    ));
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn operators_fit_key_types() {
    let found = cond(r#"{"NumericEquals":{"s3:prefix":"1"}}"#);
    assert_eq!(codes(&found), [Code::OperatorTypeMismatch]);
    assert_eq!(
        found[0].message,
        "`NumericEquals` compares numbers, but `s3:prefix` is a String key"
    );
    assert!(
        found[0]
            .help
            .as_deref()
            .unwrap()
            .starts_with("use a string operator")
    );
    assert_eq!(
        found[0].loc,
        "/Statement/0/Condition/NumericEquals/s3:prefix#key"
    );

    let found = cond(r#"{"StringEquals":{"aws:SourceIp":"1.2.3.4"}}"#);
    assert_eq!(codes(&found), [Code::OperatorTypeMismatch]);
    assert_eq!(
        found[0].help.as_deref(),
        Some("use `IpAddress` or `NotIpAddress`")
    );

    // A string operator on a Bool key: fine with `true`/`false`, never matching
    // with anything else.
    let found = cond(r#"{"StringEquals":{"aws:ViaAWSService":"true"}}"#);
    assert!(found.is_empty(), "{found:?}");
    let found = cond(r#"{"StringEquals":{"aws:ViaAWSService":"amplify.amazonaws.com"}}"#);
    assert_eq!(codes(&found), [Code::InvalidConditionValue]);
    assert_eq!(found[0].severity, crate::Severity::Error);
    assert_eq!(
        found[0].message,
        "`aws:ViaAWSService` is a Bool key, always `true` or `false`, so `StringEquals` never matches the values given"
    );
    assert_eq!(
        found[0].loc,
        "/Statement/0/Condition/StringEquals/aws:ViaAWSService#key"
    );
    // Negated, or with a pattern, the comparison can match: only the type warning.
    for condition in [
        r#"{"StringNotEquals":{"aws:ViaAWSService":"amplify.amazonaws.com"}}"#,
        r#"{"StringLike":{"aws:ViaAWSService":"t*"}}"#,
    ] {
        let found = cond(condition);
        assert_eq!(codes(&found), [Code::OperatorTypeMismatch], "{condition}");
        assert_eq!(found[0].severity, crate::Severity::Warning);
        assert_eq!(found[0].help.as_deref(), Some("use `Bool`"));
    }

    // ARN keys take string operators, String keys take ARN operators, Null takes
    // anything, `aws:EpochTime` takes numbers and dates.
    let found = cond(
        r#"{"StringLike":{"aws:SourceArn":"arn:aws:sns:*"},
            "ArnLike":{"s3:prefix":"x"},
            "Null":{"aws:SourceIp":"false"},
            "NumericGreaterThan":{"aws:EpochTime":"1700000000"},
            "DateGreaterThan":{"aws:EpochTime":"2024-01-01"}}"#,
    );
    assert!(
        only(&found, Code::OperatorTypeMismatch).is_empty(),
        "{found:?}"
    );
}

#[test]
fn values_parse_for_their_operator() {
    let found = cond(
        r#"{"DateLessThan":{"aws:CurrentTime":["2026-13-01","yesterday","2026-01-31T25:00:00Z"]},
            "NumericLessThan":{"s3:max-keys":"ten"},
            "Bool":{"aws:SecureTransport":"yes"},
            "IpAddress":{"aws:SourceIp":["10.0.0.0/33","300.1.1.1"]},
            "Null":{"aws:TokenIssueTime":"maybe"}}"#,
    );
    assert_eq!(codes(&found), [Code::InvalidConditionValue; 8], "{found:?}");
    assert_eq!(
        found[0].message,
        "`2026-13-01` is not a date, as `DateLessThan` needs"
    );
    assert!(found[0].help.as_deref().unwrap().contains("ISO 8601"));
    assert_eq!(
        found[0].loc,
        "/Statement/0/Condition/DateLessThan/aws:CurrentTime/0"
    );
    assert_eq!(
        found[3].loc,
        "/Statement/0/Condition/NumericLessThan/s3:max-keys"
    );
    assert_eq!(found[4].help.as_deref(), Some("write `true` or `false`"));

    // The accepted forms.
    let found = cond(
        r#"{"DateGreaterThan":{"aws:CurrentTime":["2026","2026-01","2026-01-31","2026-01-31T12:00Z","2026-01-31T12:00:00.123+01:00","1769860800",1769860800]},
            "NumericLessThan":{"s3:max-keys":["10",10,"-1.5","2e3"]},
            "Bool":{"aws:SecureTransport":[true]},"BoolIfExists":{"aws:SecureTransport":"False"},
            "IpAddress":{"aws:SourceIp":["203.0.113.1","::1","2001:db8::/32"]}}"#,
    );
    assert!(found.is_empty(), "{found:?}");
    // Values with policy variables or inserted values are not parsed here.
    let found = cond(r#"{"NumericLessThan":{"s3:max-keys":"{}"}}"#);
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn binary_values_are_base64() {
    assert!(is_base64("QmluYXJ5VmFsdWVJbkJhc2U2NA=="));
    assert!(is_base64("QQ"));
    assert!(!is_base64("not base64!"));
    assert!(!is_base64("Q"));
    assert!(!is_base64("QQ=")); // padding without a full quantum
}

#[test]
fn set_operators_fit_multivalued_keys() {
    let found = findings(&policy(
        r#""ec2:CreateTags""#,
        r#"{"StringEquals":{"aws:TagKeys":"team"}}"#,
    ));
    assert_eq!(codes(&found), [Code::SetOperatorMismatch], "{found:?}");
    assert_eq!(
        found[0].message,
        "`aws:TagKeys` can have several values in a request, but `StringEquals` has no `ForAllValues:` or `ForAnyValue:`"
    );
    assert_eq!(
        found[0].help.as_deref(),
        Some(
            "use `ForAnyValue:StringEquals` (some value matches) or `ForAllValues:StringEquals` (every value matches)"
        )
    );
    assert_eq!(
        found[0].loc,
        "/Statement/0/Condition/StringEquals/aws:TagKeys#key"
    );

    let found = cond(r#"{"ForAllValues:StringLike":{"s3:prefix":"home/"}}"#);
    assert_eq!(codes(&found), [Code::SetOperatorMismatch]);
    assert_eq!(
        found[0].message,
        "`ForAllValues:` on `s3:prefix`, which has a single value"
    );
    assert!(
        found[0]
            .help
            .as_deref()
            .unwrap()
            .ends_with("use `StringLike`")
    );

    let found = cond(r#"{"ForAnyValue:Null":{"s3:prefix":"true"}}"#);
    assert_eq!(codes(&found), [Code::SetOperatorMismatch]);

    // Fitting uses: a qualifier on a multivalued key, none on a single-valued one,
    // `Null` on a multivalued key.
    let found = findings(&policy(
        r#""ec2:CreateTags""#,
        r#"{"ForAllValues:StringEquals":{"aws:TagKeys":["team"]},"Null":{"aws:TagKeys":"false"}}"#,
    ));
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn tag_keys_need_tag_support() {
    // SimpleDB: no tag keys in its per-action data, `No` in the table.
    let found = findings(&policy(
        r#""sdb:GetAttributes""#,
        r#"{"StringEquals":{"aws:ResourceTag/team":"blue"}}"#,
    ));
    let tags = only(&found, Code::TagAuthorizationUnsupported);
    assert_eq!(tags.len(), 1, "{found:?}");
    assert_eq!(
        tags[0].message,
        "`aws:ResourceTag/team` has no effect on `sdb:GetAttributes`: `sdb` does not support authorization based on tags"
    );
    let help = tags[0].help.as_deref().unwrap();
    assert!(help.contains("says No for"), "{help}");
    assert!(help.contains("table ("), "{help}");
    assert_eq!(
        tags[0].loc,
        "/Statement/0/Condition/StringEquals/aws:ResourceTag/team#key"
    );

    // A service whose actions list the key.
    let found = findings(&policy(
        r#""ec2:StartInstances""#,
        r#"{"StringEquals":{"aws:ResourceTag/team":"blue"}}"#,
    ));
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn condition_structure() {
    // An empty `Condition` is no condition (IAM accepts it; the console writes it).
    assert_eq!(codes(&cond("{}")), []);
    let found = cond(r#"{"StringEquals":"x","Bool":{}}"#);
    assert_eq!(
        codes(&found),
        [Code::InvalidElementType, Code::EmptyElement]
    );
    let found =
        cond(r#"{"StringLike":{"s3:prefix":[]},"StringEquals":{"s3:prefix":[{"a":1},null]}}"#);
    assert_eq!(
        codes(&found),
        [
            Code::EmptyElement,
            Code::InvalidElementType,
            Code::InvalidElementType
        ]
    );
    assert_eq!(
        found[2].loc,
        "/Statement/0/Condition/StringEquals/s3:prefix/1"
    );
    let found = cond(r#"{"StringLike":{"s3:prefix":"a","S3:Prefix":"b"}}"#);
    assert_eq!(codes(&found), [Code::DuplicateElement]);
    assert_eq!(
        found[0].loc,
        "/Statement/0/Condition/StringLike/S3:Prefix#key"
    );
}

#[test]
fn bool_takes_one_value() {
    let found = cond(r#"{"Bool":{"aws:SecureTransport":["true","false"]}}"#);
    assert_eq!(codes(&found), [Code::BoolMultipleValues]);
    assert_eq!(found[0].severity, crate::Severity::Warning);
    assert_eq!(
        found[0].loc,
        "/Statement/0/Condition/Bool/aws:SecureTransport"
    );
    assert_eq!(
        found[0].message,
        "`aws:SecureTransport` takes one Boolean, but `Bool` gives it 2 values, which match when any does"
    );
    // One value, alone or in an array, is fine.
    for condition in [
        r#"{"Bool":{"aws:SecureTransport":"false"}}"#,
        r#"{"Bool":{"aws:SecureTransport":["false"]}}"#,
        r#"{"BoolIfExists":{"aws:MultiFactorAuthPresent":false}}"#,
    ] {
        assert_eq!(codes(&cond(condition)), [], "{condition}");
    }
}

#[test]
fn private_ranges_never_match_source_ip() {
    let found = cond(
        r#"{"IpAddress":{"aws:SourceIp":["10.1.0.0/16","203.0.113.0/24","192.168.1.7","fd00::/8"]},
            "NotIpAddressIfExists":{"aws:SourceIp":"172.20.0.0/16"}}"#,
    );
    assert_eq!(codes(&found), [Code::PrivateSourceIp; 4], "{found:?}");
    assert_eq!(
        found[0].loc,
        "/Statement/0/Condition/IpAddress/aws:SourceIp/0"
    );
    assert_eq!(
        found[0].message,
        "`10.1.0.0/16` is a private range, which `aws:SourceIp` never holds: `IpAddress` never matches it"
    );
    assert_eq!(
        found[1].loc,
        "/Statement/0/Condition/IpAddress/aws:SourceIp/2"
    );
    assert_eq!(
        found[3].loc,
        "/Statement/0/Condition/NotIpAddressIfExists/aws:SourceIp"
    );
    assert_eq!(found[3].severity, crate::Severity::Warning);
    // Public ranges, ranges wider than a private block, and other keys are fine.
    let found = cond(
        r#"{"IpAddress":{"aws:SourceIp":["203.0.113.0/24","172.32.0.0/16","10.0.0.0/7","2001:db8::/32"],
                         "aws:VpcSourceIp":"10.0.0.0/8"}}"#,
    );
    assert!(only(&found, Code::PrivateSourceIp).is_empty(), "{found:?}");
}

#[test]
fn tag_keys_only_on_actions_that_carry_them() {
    // `ec2:TerminateInstances` takes instances, which list `aws:ResourceTag/...`;
    // `ec2:DescribeInstances` takes no resource type and carries no tag.
    let deny = |actions: &str, condition: &str| {
        findings(&format!(
            r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Deny","Action":{actions},"Resource":"*","Condition":{condition}}}]}}"#
        ))
    };
    let found = deny(
        r#"["ec2:TerminateInstances","ec2:DescribeInstances"]"#,
        r#"{"StringEquals":{"aws:ResourceTag/env":"prod"}}"#,
    );
    let tags = only(&found, Code::TagKeyNotApplicable);
    assert_eq!(tags.len(), 1, "{found:?}");
    assert_eq!(
        tags[0].message,
        "`ec2:DescribeInstances` does not carry `aws:ResourceTag/env`, so the statement does not deny it"
    );
    assert_eq!(
        tags[0].loc,
        "/Statement/0/Condition/StringEquals/aws:ResourceTag/env#key"
    );
    let found = findings(&policy(
        r#"["ec2:TerminateInstances","ec2:DescribeInstances"]"#,
        r#"{"StringEquals":{"aws:ResourceTag/env":"prod"}}"#,
    ));
    assert!(
        only(&found, Code::TagKeyNotApplicable)[0]
            .message
            .ends_with("so the statement does not allow it"),
        "{found:?}"
    );
    // Actions that carry the key, `...IfExists` and `Null` are fine.
    for (actions, condition) in [
        (
            r#"["ec2:TerminateInstances","ec2:StopInstances"]"#,
            r#"{"StringEquals":{"aws:ResourceTag/env":"prod"}}"#,
        ),
        (
            r#"["ec2:TerminateInstances","ec2:DescribeInstances"]"#,
            r#"{"StringEqualsIfExists":{"aws:ResourceTag/env":"prod"}}"#,
        ),
        (
            r#"["ec2:TerminateInstances","ec2:DescribeInstances"]"#,
            r#"{"Null":{"aws:ResourceTag/env":"false"}}"#,
        ),
    ] {
        let found = deny(actions, condition);
        assert!(
            only(&found, Code::TagKeyNotApplicable).is_empty(),
            "{condition}: {found:?}"
        );
    }
}

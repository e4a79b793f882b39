use super::*;
use crate::Diagnostic;
use crate::check::test_util::{codes, findings_for_service, findings_kind, only};

type Found = Vec<Diagnostic<String>>;

fn doc(statement: &str) -> String {
    format!(r#"{{"Version":"2012-10-17","Statement":[{statement}]}}"#)
}

/// The single finding of `found`, with its code, pointer, message and help.
#[track_caller]
fn one(found: &Found, code: Code, loc: &str, message: &str, help: &str) {
    assert_eq!(codes(found), [code], "{found:#?}");
    let d = &found[0];
    assert_eq!(d.loc, loc);
    assert_eq!(d.message, message);
    assert_eq!(d.help.as_deref(), Some(help));
}

/// A service whose tables say No to `capability`, and one of its wildcard-only actions.
fn without(capability: Capability) -> (&'static str, String) {
    model::services()
        .filter(|s| capability_support(s.prefix(), capability).map(|(s, _)| s) == Some(Support::No))
        .find_map(|s| {
            let action = s.actions().find(|a| a.is_wildcard_only())?;
            Some((s.prefix(), action.to_string()))
        })
        .expect("a service without the capability")
}

const ROOT: &str = r#"{"AWS":"arn:aws:iam::123456789012:root"}"#;

#[test]
fn principal_not_allowed_in_identity_boundary_session_and_scp() {
    let with = doc(&format!(
        r#"{{"Effect":"Allow","Principal":{ROOT},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}}"#
    ));
    let without =
        doc(r#"{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}"#);
    for (kind, name) in [
        (PolicyKind::Identity, "an identity"),
        (PolicyKind::Boundary, "a permissions boundary"),
        (PolicyKind::Session, "a session"),
    ] {
        one(
            &findings_kind(&with, kind),
            Code::PrincipalNotAllowed,
            "/Statement/0/Principal#key",
            &format!(
                "{name} policy takes no `Principal`: it applies to the identity it is attached to"
            ),
            "remove `Principal`, or check the policy as a `resource` policy if it is one",
        );
        assert!(findings_kind(&without, kind).is_empty(), "{kind}");
    }
    one(
        &findings_kind(&with, PolicyKind::Scp),
        Code::PrincipalNotAllowed,
        "/Statement/0/Principal#key",
        "a service control policy takes no `Principal`: it applies to the principals of the accounts and organizational units it is attached to",
        "remove `Principal`, and narrow it with a condition on `aws:PrincipalArn`",
    );
    assert!(findings_kind(&without, PolicyKind::Scp).is_empty());
    // `NotPrincipal` too, and its value is not judged as well (no cascade).
    let not = doc(
        r#"{"Effect":"Deny","NotPrincipal":{"AWS":"not-an-account"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}"#,
    );
    let found = findings_kind(&not, PolicyKind::Identity);
    assert_eq!(codes(&found), [Code::PrincipalNotAllowed]);
    assert_eq!(found[0].loc, "/Statement/0/NotPrincipal#key");
    assert!(found[0].message.contains("takes no `NotPrincipal`"));
}

#[test]
fn scps_take_the_full_policy_language_but_principals() {
    // Since September 2025: conditions, resource ARNs and `NotAction` in `Allow`
    // statements, `NotResource`, wildcards inside action names.
    let policy = doc(
        r#"{"Effect":"Allow","NotAction":"iam:*","Resource":"*","Condition":{"StringEquals":{"aws:RequestedRegion":"eu-west-1"}}},{"Effect":"Allow","Action":"s3:*Object","Resource":"arn:aws:s3:::b/*"},{"Effect":"Deny","Action":"ec2:*","NotResource":"arn:aws:ec2:*:*:instance/*"}"#,
    );
    let found = findings_kind(&policy, PolicyKind::Scp);
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn missing_principal_in_resource_trust_endpoint_and_rcp() {
    for (kind, statement, name, help) in [
        (
            PolicyKind::Resource,
            r#"{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}"#,
            "a resource",
            "add who the statement applies to, e.g. `\"Principal\": {\"AWS\": \"arn:aws:iam::123456789012:root\"}`",
        ),
        (
            PolicyKind::Trust,
            r#"{"Effect":"Allow","Action":"sts:AssumeRole"}"#,
            "a role trust",
            "add who may assume the role, e.g. `\"Principal\": {\"Service\": \"lambda.amazonaws.com\"}`",
        ),
        (
            PolicyKind::Endpoint,
            r#"{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}"#,
            "a VPC endpoint",
            "add `\"Principal\": \"*\"`, or the principals that may use the endpoint",
        ),
        (
            PolicyKind::Rcp,
            r#"{"Effect":"Deny","Action":"s3:GetObject","Resource":"*"}"#,
            "a resource control",
            "add `\"Principal\": \"*\"`",
        ),
    ] {
        one(
            &findings_kind(&doc(statement), kind),
            Code::MissingPrincipal,
            "/Statement/0",
            &format!("a statement of {name} policy needs a `Principal`"),
            help,
        );
        let with = statement.replacen(r#""Action""#, r#""Principal":"*","Action""#, 1);
        let found = findings_kind(&doc(&with), kind);
        assert!(found.is_empty(), "{kind}: {found:#?}");
    }
    // `NotPrincipal` names the principals as well.
    let deny = doc(
        r#"{"Effect":"Deny","NotPrincipal":{"AWS":"123456789012"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}"#,
    );
    assert!(findings_kind(&deny, PolicyKind::Resource).is_empty());
}

/// The findings of one `Principal` value in a resource policy.
fn principal(kind: &str, value: &str) -> Found {
    let policy = doc(&format!(
        r#"{{"Effect":"Allow","Principal":{{"{kind}":"{value}"}},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}}"#
    ));
    findings_kind(&policy, PolicyKind::Resource)
}

#[test]
fn valid_principals_are_accepted() {
    for (kind, value) in [
        ("AWS", "*"),
        ("AWS", "123456789012"),
        ("AWS", "arn:aws:iam::123456789012:root"),
        ("AWS", "arn:aws:iam::123456789012:user/division/alice"),
        ("AWS", "arn:aws:iam::123456789012:role/service-role/app"),
        ("AWS", "arn:aws-cn:iam::123456789012:role/app"),
        (
            "AWS",
            "arn:aws:sts::123456789012:assumed-role/app/session-1",
        ),
        ("AWS", "arn:aws:sts::123456789012:federated-user/bob"),
        ("AWS", "AROADBQP57FF2AEXAMPLE"),
        (
            "AWS",
            "arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity E15MNIMTCFKK4C",
        ),
        ("Service", "lambda.amazonaws.com"),
        ("Service", "logs.eu-west-1.amazonaws.com"),
        ("Service", "ec2.amazonaws.com.cn"),
        ("Federated", "cognito-identity.amazonaws.com"),
        ("Federated", "accounts.google.com"),
        ("Federated", "arn:aws:iam::123456789012:saml-provider/okta"),
        (
            "Federated",
            "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com",
        ),
        (
            "CanonicalUser",
            "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be",
        ),
    ] {
        let found = principal(kind, value);
        assert!(found.is_empty(), "{kind} {value}: {found:#?}");
    }
}

#[test]
fn invalid_principals_are_reported_at_the_value() {
    const AWS_HELP: &str = "an `AWS` principal is `*`, a 12-digit account id, or an ARN such as `arn:aws:iam::123456789012:root`, `...:user/NAME`, `...:role/NAME`, `arn:aws:sts::123456789012:assumed-role/ROLE/SESSION`";
    for (kind, value, message, help) in [
        (
            "AWS",
            "12345678901",
            "`12345678901` is not an account id or an ARN",
            AWS_HELP,
        ),
        (
            "AWS",
            "arn:aws:iam::12345:root",
            "`arn:aws:iam::12345:root` does not name a 12-digit account",
            AWS_HELP,
        ),
        (
            "AWS",
            "arn:aws:iam:us-east-1:123456789012:root",
            "`arn:aws:iam:us-east-1:123456789012:root` has a region; IAM principals have none",
            AWS_HELP,
        ),
        (
            "AWS",
            "arn:aws:iam::123456789012:role/*",
            "`arn:aws:iam::123456789012:role/*` has a wildcard; principal ARNs cannot match by pattern",
            "use `\"AWS\": \"*\"` with a condition such as `aws:PrincipalArn` (`ArnLike`) instead",
        ),
        (
            "AWS",
            "arn:aws:iam::123456789012:group/admins",
            "`arn:aws:iam::123456789012:group/admins` is a user group, and a group cannot be a principal",
            "name the group's users, or a role its members assume; groups relate to permissions, not authentication",
        ),
        (
            "AWS",
            "arn:aws:sts::123456789012:assumed-role/app",
            "`arn:aws:sts::123456789012:assumed-role/app` names no session; an assumed-role principal is `assumed-role/ROLE/SESSION`",
            "name the session, or the role itself: `arn:aws:iam::123456789012:role/app`",
        ),
        (
            "AWS",
            "arn:aws:s3:::bucket",
            "`arn:aws:s3:::bucket` is not the ARN of an account, user, role or session",
            AWS_HELP,
        ),
        (
            "Service",
            "lambda",
            "`lambda` is not a service principal",
            "did you mean `lambda.amazonaws.com`?",
        ),
        (
            "Service",
            "arn:aws:iam::123456789012:role/app",
            "`arn:aws:iam::123456789012:role/app` is not a service principal",
            "an ARN is an `AWS` principal: `{\"AWS\": \"arn:aws:iam::123456789012:role/app\"}`",
        ),
        (
            "Federated",
            "token.actions.githubusercontent.com",
            "`token.actions.githubusercontent.com` is not an identity provider IAM knows by name",
            "an OIDC provider is named by the ARN of its IAM identity provider: `arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com`",
        ),
        (
            "Federated",
            "accounts.gogle.com",
            "`accounts.gogle.com` is not an identity provider IAM knows by name",
            "did you mean `accounts.google.com`?",
        ),
        (
            "Federated",
            "arn:aws:iam::123456789012:role/app",
            "`arn:aws:iam::123456789012:role/app` is not the ARN of a SAML or OIDC identity provider",
            "a federated principal is the ARN of an IAM identity provider (`arn:aws:iam::123456789012:saml-provider/NAME`, `arn:aws:iam::123456789012:oidc-provider/HOST`) or `cognito-identity.amazonaws.com`, `www.amazon.com`, `graph.facebook.com` or `accounts.google.com`",
        ),
        (
            "CanonicalUser",
            "79a59df900b949e5",
            "`79a59df900b949e5` is not a canonical user id",
            "a canonical user id is 64 hexadecimal digits",
        ),
    ] {
        one(
            &principal(kind, value),
            Code::InvalidPrincipal,
            &format!("/Statement/0/Principal/{kind}"),
            message,
            help,
        );
    }
}

#[test]
fn principal_shapes() {
    let policy = |principal: &str| {
        doc(&format!(
            r#"{{"Effect":"Allow","Principal":{principal},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}}"#
        ))
    };
    one(
        &findings_kind(&policy(r#"{"Aws":"123456789012"}"#), PolicyKind::Resource),
        Code::InvalidPrincipal,
        "/Statement/0/Principal/Aws#key",
        "`Aws` is not a kind of principal",
        "did you mean `AWS`?",
    );
    one(
        &findings_kind(&policy(r#""everyone""#), PolicyKind::Resource),
        Code::InvalidPrincipal,
        "/Statement/0/Principal",
        "a principal string can only be `*`, not `everyone`",
        "name principals by kind: `{\"AWS\": \"arn:aws:iam::123456789012:root\"}`, `{\"Service\": \"lambda.amazonaws.com\"}`",
    );
    one(
        &findings_kind(&policy("{}"), PolicyKind::Resource),
        Code::InvalidPrincipal,
        "/Statement/0/Principal",
        "`Principal` names no principal",
        "the principal kinds are `AWS`, `Service`, `Federated` and `CanonicalUser`",
    );
    // Arrays are checked item by item; run-time values are not judged.
    let found = findings_kind(
        &policy(r#"{"AWS":["123456789012","{}","x"]}"#),
        PolicyKind::Resource,
    );
    assert_eq!(codes(&found), [Code::InvalidPrincipal]);
    assert_eq!(found[0].loc, "/Statement/0/Principal/AWS/2");
    // The same rules in a trust policy.
    let trust = doc(
        r#"{"Effect":"Allow","Principal":{"Federated":"token.actions.githubusercontent.com"},"Action":"sts:AssumeRoleWithWebIdentity"}"#,
    );
    let found = findings_kind(&trust, PolicyKind::Trust);
    assert_eq!(codes(&found), [Code::InvalidPrincipal]);
    assert_eq!(found[0].loc, "/Statement/0/Principal/Federated");
}

#[test]
fn trust_policies_grant_only_role_actions_and_take_no_resource() {
    let good = doc(
        r#"{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":["sts:AssumeRole","sts:TagSession","sts:Set*"]}"#,
    );
    assert!(findings_kind(&good, PolicyKind::Trust).is_empty());
    one(
        &findings_kind(
            &doc(
                r#"{"Effect":"Allow","Principal":{"AWS":"123456789012"},"Action":["sts:AssumeRole","dynamodb:GetItem"]}"#,
            ),
            PolicyKind::Trust,
        ),
        Code::UnsupportedInPolicyType,
        "/Statement/0/Action/1",
        "`dynamodb:GetItem` is not an action a role trust policy can grant",
        "a trust policy grants `sts:AssumeRole`, `sts:AssumeRoleWithSAML`, `sts:AssumeRoleWithWebIdentity`, `sts:TagSession`, `sts:SetSourceIdentity` and `sts:SetContext`",
    );
    one(
        &findings_kind(
            &doc(
                r#"{"Effect":"Allow","Principal":{"AWS":"123456789012"},"Action":"sts:AssumeRole","Resource":"arn:aws:iam::123456789012:role/app"}"#,
            ),
            PolicyKind::Trust,
        ),
        Code::UnsupportedInPolicyType,
        "/Statement/0/Resource#key",
        "a role trust policy takes no `Resource`: the role is the resource",
        "remove `Resource`",
    );
    one(
        &findings_kind(
            &doc(
                r#"{"Effect":"Deny","NotPrincipal":{"AWS":"123456789012"},"Action":"sts:AssumeRole"}"#,
            ),
            PolicyKind::Trust,
        ),
        Code::UnsupportedInPolicyType,
        "/Statement/0/NotPrincipal#key",
        "a role trust policy does not support `NotPrincipal`",
        "name the principals that may assume the role in `Principal`",
    );
    // `NotAction` names what the statement leaves out: not judged.
    let not_action =
        doc(r#"{"Effect":"Deny","Principal":{"AWS":"123456789012"},"NotAction":"s3:GetObject"}"#);
    assert!(
        only(
            &findings_kind(&not_action, PolicyKind::Trust),
            Code::UnsupportedInPolicyType
        )
        .is_empty()
    );
    // The same action is fine in an identity policy.
    let identity = doc(r#"{"Effect":"Allow","Action":"dynamodb:GetItem","Resource":"*"}"#);
    assert!(
        only(
            &findings_kind(&identity, PolicyKind::Identity),
            Code::UnsupportedInPolicyType
        )
        .is_empty()
    );
}

#[test]
fn trust_actions_are_the_sts_actions_on_roles() {
    let sts = model::service("sts").expect("sts");
    let mut on_roles: Vec<String> = sts
        .actions()
        .filter(|a| {
            a.resource_types()
                .any(|r| r.resource_type().name() == "role")
        })
        .map(|a| a.to_string().to_ascii_lowercase())
        .collect();
    on_roles.sort();
    let mut listed: Vec<String> = TRUST_ACTIONS
        .iter()
        .map(|a| a.to_ascii_lowercase())
        .collect();
    listed.sort();
    assert_eq!(on_roles, listed);
}

#[test]
fn github_actions_and_eks_trust_policies_are_clean() {
    let github = doc(
        r#"{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com"},"StringLike":{"token.actions.githubusercontent.com:sub":"repo:octo-org/octo-repo:*"}}}"#,
    );
    let found = findings_kind(&github, PolicyKind::Trust);
    assert!(found.is_empty(), "{found:?}");
    let eks = doc(
        r#"{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/EXAMPLE"},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{"oidc.eks.us-east-1.amazonaws.com/id/EXAMPLE:sub":"system:serviceaccount:default:app","oidc.eks.us-east-1.amazonaws.com/id/EXAMPLE:aud":"sts.amazonaws.com"}}}"#,
    );
    let found = findings_kind(&eks, PolicyKind::Trust);
    assert!(found.is_empty(), "{found:?}");
    // An unknown claim of a provider is still an unknown key.
    let bad = github.replace(":aud", ":audience");
    assert_eq!(
        codes(&findings_kind(&bad, PolicyKind::Trust)),
        [Code::UnknownConditionKey]
    );
}

#[test]
fn not_principal_only_denies_in_resource_and_endpoint_policies() {
    for kind in [PolicyKind::Resource, PolicyKind::Endpoint] {
        let allow = doc(
            r#"{"Effect":"Allow","NotPrincipal":{"AWS":"123456789012"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}"#,
        );
        one(
            &findings_kind(&allow, kind),
            Code::UnsupportedInPolicyType,
            "/Statement/0/NotPrincipal#key",
            "`NotPrincipal` works only in `Deny` statements",
            "use `Principal` to allow, or `\"Effect\": \"Deny\"`; AWS recommends `\"Principal\": \"*\"` with an `aws:PrincipalArn` condition instead of `NotPrincipal`",
        );
        let deny = allow.replace("Allow", "Deny");
        assert!(findings_kind(&deny, kind).is_empty(), "{kind}");
        // Its values are principals like any other.
        let bad = deny.replace("123456789012", "12345");
        assert_eq!(codes(&findings_kind(&bad, kind)), [Code::InvalidPrincipal]);
    }
}

#[test]
fn rcp_rules() {
    let good = doc(
        r#"{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*","Condition":{"BoolIfExists":{"aws:SecureTransport":"false"}}}"#,
    );
    assert!(findings_kind(&good, PolicyKind::Rcp).is_empty());
    // RCPFullAWSAccess.
    let full = doc(r#"{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}"#);
    assert!(findings_kind(&full, PolicyKind::Rcp).is_empty());
    let bad = doc(
        r#"{"Effect":"Allow","Principal":{"AWS":"123456789012"},"Action":["s3:GetObject","ec2:RunInstances"],"Resource":"*"}"#,
    );
    let found = findings_kind(&bad, PolicyKind::Rcp);
    assert_eq!(
        codes(&found),
        [Code::UnsupportedInPolicyType; 3],
        "{found:#?}"
    );
    assert_eq!(found[0].loc, "/Statement/0/Effect");
    assert_eq!(
        found[0].message,
        "a resource control policy only denies: `Allow` is reserved to `RCPFullAWSAccess`"
    );
    assert_eq!(found[0].help.as_deref(), Some("use `\"Effect\": \"Deny\"`"));
    assert_eq!(found[1].loc, "/Statement/0/Principal");
    assert_eq!(
        found[1].message,
        "a resource control policy's `Principal` must be `\"*\"`"
    );
    assert_eq!(found[2].loc, "/Statement/0/Action/1");
    assert_eq!(
        found[2].message,
        "resource control policies do not support `ec2` actions"
    );
    assert!(
        found[2]
            .help
            .as_deref()
            .is_some_and(|h| h.starts_with("RCPs support ") && h.contains("`s3`"))
    );

    one(
        &findings_kind(
            &doc(r#"{"Effect":"Deny","Principal":"*","NotAction":"s3:GetObject","Resource":"*"}"#),
            PolicyKind::Rcp,
        ),
        Code::UnsupportedInPolicyType,
        "/Statement/0/NotAction#key",
        "a resource control policy does not support `NotAction`",
        "list the denied actions in `Action`",
    );
    one(
        &findings_kind(
            &doc(
                r#"{"Effect":"Deny","NotPrincipal":{"AWS":"123456789012"},"Action":"s3:GetObject","Resource":"*"}"#,
            ),
            PolicyKind::Rcp,
        ),
        Code::UnsupportedInPolicyType,
        "/Statement/0/NotPrincipal#key",
        "a resource control policy does not support `NotPrincipal`",
        "use `\"Principal\": \"*\"` with a condition on `aws:PrincipalArn`",
    );
}

#[test]
fn rcps_need_version_2012() {
    let statement = r#"{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*"}"#;
    one(
        &findings_kind(
            &format!(r#"{{"Version":"2008-10-17","Statement":[{statement}]}}"#),
            PolicyKind::Rcp,
        ),
        Code::UnsupportedInPolicyType,
        "/Version",
        "a resource control policy takes only `\"Version\": \"2012-10-17\"`",
        "use `2012-10-17`",
    );
    let missing = findings_kind(
        &format!(r#"{{"Statement":[{statement}]}}"#),
        PolicyKind::Rcp,
    );
    let found = only(&missing, Code::UnsupportedInPolicyType);
    assert_eq!(found.len(), 1, "{missing:#?}");
    assert_eq!(found[0].loc, "");
    assert_eq!(
        found[0].message,
        "a resource control policy needs `\"Version\": \"2012-10-17\"`"
    );
    // Other types take either version.
    let old = format!(r#"{{"Version":"2008-10-17","Statement":[{statement}]}}"#);
    assert!(findings_kind(&old, PolicyKind::Resource).is_empty());
}

#[test]
fn resource_policies_only_for_services_that_take_them() {
    let (prefix, action) = without(Capability::ResourceBased);
    let (_, row) = table_support(prefix, Capability::ResourceBased).expect("row");
    let policy = doc(&format!(
        r#"{{"Effect":"Allow","Principal":"*","Action":"{action}","Resource":"*"}}"#
    ));
    one(
        &findings_kind(&policy, PolicyKind::Resource),
        Code::ResourcePolicyUnsupported,
        "/Statement/0/Action",
        &format!(
            "`{prefix}` does not support resource-based policies, so this resource policy cannot be attached to its resources"
        ),
        &format!(
            "grant the access in an identity policy instead (source: {})",
            row_note(row, Capability::ResourceBased)
        ),
    );
    assert!(row_note(row, Capability::ResourceBased).contains(&format!("row `{}`", row.name)));
    // Athena, as the UI test has it.
    let athena = doc(
        r#"{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:role/analyst"},"Action":["athena:StartQueryExecution","athena:GetQueryResults"],"Resource":"arn:aws:athena:us-east-1:123456789012:workgroup/analytics"}"#,
    );
    let found = findings_kind(&athena, PolicyKind::Resource);
    assert_eq!(codes(&found), [Code::ResourcePolicyUnsupported]);
    assert_eq!(found[0].loc, "/Statement/0/Action/0");
    assert!(
        found[0]
            .help
            .as_deref()
            .is_some_and(|h| h.contains("row `Amazon Athena`"))
    );
    // A service the tables say No for, but which has taken them since (a sourced
    // override): the Organizations User Guide's delegation policy example.
    let organizations = doc(
        r#"{"Sid":"Fully_manage_backup_policies","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":["organizations:DescribeOrganization","organizations:ListAccounts","organizations:CreatePolicy"],"Resource":"*"}"#,
    );
    assert_eq!(
        table_support("organizations", Capability::ResourceBased).map(|(s, _)| s),
        Some(Support::No)
    );
    assert!(findings_kind(&organizations, PolicyKind::Resource).is_empty());
    // A service that takes them, a mix, `*`: not judged.
    for actions in [
        r#""s3:GetObject""#,
        r#"["athena:StartQueryExecution","s3:GetObject"]"#,
        r#"["athena:StartQueryExecution","*"]"#,
        r#"["athena:StartQueryExecution","s3*:Get*"]"#,
    ] {
        let policy = doc(&format!(
            r#"{{"Effect":"Allow","Principal":"*","Action":{actions},"Resource":"*"}}"#
        ));
        let found = findings_kind(&policy, PolicyKind::Resource);
        assert!(
            only(&found, Code::ResourcePolicyUnsupported).is_empty(),
            "{actions}: {found:#?}"
        );
    }
    // Only resource policies.
    let identity = doc(&format!(
        r#"{{"Effect":"Allow","Action":"{action}","Resource":"*"}}"#
    ));
    assert!(findings_kind(&identity, PolicyKind::Identity).is_empty());
}

#[test]
fn session_policies_warn_on_services_without_temporary_credentials() {
    let (prefix, action) = without(Capability::TemporaryCredentials);
    let (_, row) = table_support(prefix, Capability::TemporaryCredentials).expect("row");
    let session = doc(&format!(
        r#"{{"Effect":"Allow","Action":"{action}","Resource":"*"}}"#
    ));
    let found = findings_kind(&session, PolicyKind::Session);
    one(
        &found,
        Code::TemporaryCredentialsUnsupported,
        "/Statement/0/Action",
        &format!(
            "`{prefix}` does not accept temporary credentials, so a session cannot use this permission"
        ),
        &format!(
            "use long-term credentials for this service (source: {})",
            row_note(row, Capability::TemporaryCredentials)
        ),
    );
    assert_eq!(found[0].code.severity(), crate::Severity::Warning);
    // Not in other policy types, not in `Deny`, not for services that accept them.
    assert!(findings_kind(&session, PolicyKind::Identity).is_empty());
    assert!(findings_kind(&session.replace("Allow", "Deny"), PolicyKind::Session).is_empty());
    let s3 = doc(r#"{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}"#);
    assert!(findings_kind(&s3, PolicyKind::Session).is_empty());
}

fn slr(operator: &str, service: &str) -> String {
    doc(&format!(
        r#"{{"Effect":"Allow","Action":"iam:CreateServiceLinkedRole","Resource":"*","Condition":{{"{operator}":{{"iam:AWSServiceName":["{service}"]}}}}}}"#
    ))
}

#[test]
fn service_linked_roles_only_for_services_that_have_them() {
    let (_, row) = table_support("sqs", Capability::ServiceLinkedRoles).expect("row");
    let found = findings_kind(
        &slr("StringEquals", "sqs.amazonaws.com"),
        PolicyKind::Identity,
    );
    one(
        &found,
        Code::ServiceLinkedRoleUnsupported,
        "/Statement/0/Condition/StringEquals/iam:AWSServiceName/0",
        "`sqs.amazonaws.com` has no service-linked role to create",
        &format!("source: {}", row_note(row, Capability::ServiceLinkedRoles)),
    );
    assert_eq!(found[0].code.severity(), crate::Severity::Warning);
    for (operator, service) in [
        ("StringEquals", "elasticmapreduce.amazonaws.com"),
        // Roles that came after the 2023 table.
        ("StringLike", "events.amazonaws.com"),
        ("StringEquals", "vpc-lattice.amazonaws.com"),
        // Exclusions, patterns and unknown principals are not judged.
        ("StringNotEquals", "sqs.amazonaws.com"),
        ("StringLike", "sq*.amazonaws.com"),
        ("StringEquals", "replication.sqs.amazonaws.com"),
        ("StringEquals", "no-such-service.amazonaws.com"),
    ] {
        let found = findings_kind(&slr(operator, service), PolicyKind::Identity);
        assert!(found.is_empty(), "{operator} {service}: {found:#?}");
    }
    // `iam:*` grants it too; a `Deny` grants nothing.
    let star =
        slr("StringEquals", "sqs.amazonaws.com").replace("iam:CreateServiceLinkedRole", "iam:*");
    assert_eq!(
        codes(&findings_kind(&star, PolicyKind::Identity)),
        [Code::ServiceLinkedRoleUnsupported]
    );
    let deny = slr("StringEquals", "sqs.amazonaws.com").replace("Allow", "Deny");
    assert!(findings_kind(&deny, PolicyKind::Identity).is_empty());
}

#[test]
fn endpoint_policies_limit_wildcards_and_accounts() {
    let endpoint = |condition: &str, resource: &str| {
        doc(&format!(
            r#"{{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"{resource}","Condition":{condition}}}"#
        ))
    };
    one(
        &findings_kind(
            &endpoint(r#"{"StringLike":{"aws:PrincipalAccount":"1234*"}}"#, "*"),
            PolicyKind::Endpoint,
        ),
        Code::UnsupportedInPolicyType,
        "/Statement/0/Condition/StringLike/aws:PrincipalAccount",
        "a VPC endpoint policy cannot match `aws:PrincipalAccount` with a wildcard: `1234*`",
        "list the identifiers exactly, with `StringEquals`",
    );
    one(
        &findings_kind(
            &endpoint(r#"{"StringLike":{"aws:PrincipalTag/team":"eng*"}}"#, "*"),
            PolicyKind::Endpoint,
        ),
        Code::UnsupportedInPolicyType,
        "/Statement/0/Condition/StringLike/aws:PrincipalTag/team",
        "a wildcard in `eng*` has fewer than six characters before or after it, which a VPC endpoint policy does not allow",
        "write at least six consecutive characters before or after each `*` and `?`, or match the value exactly",
    );
    let account = findings_kind(
        &endpoint(
            r#"{"StringEquals":{"aws:PrincipalTag/team":"eng"}}"#,
            "arn:aws:sqs:us-east-1:1234567890*:q",
        ),
        PolicyKind::Endpoint,
    );
    one(
        &account
            .into_iter()
            .filter(|d| d.code == Code::UnsupportedInPolicyType)
            .collect(),
        Code::UnsupportedInPolicyType,
        "/Statement/0/Resource",
        "the account `1234567890*` in `arn:aws:sqs:us-east-1:1234567890*:q` mixes an account id and a wildcard, which a VPC endpoint policy does not allow",
        "write the 12-digit account id, or `*` alone",
    );
    // Six characters on one side, exact values, whole-field wildcards: fine.
    for (condition, resource) in [
        (
            r#"{"StringLike":{"aws:PrincipalArn":"arn:aws:iam::123456789012:role/app-*"}}"#,
            "*",
        ),
        (
            r#"{"StringLike":{"aws:PrincipalTag/team":"*-platform"}}"#,
            "*",
        ),
        (
            r#"{"StringEquals":{"aws:PrincipalAccount":"123456789012"}}"#,
            "*",
        ),
        (
            r#"{"StringEquals":{"aws:PrincipalTag/team":"eng"}}"#,
            "arn:aws:sqs:us-east-1:*:q",
        ),
        (
            r#"{"StringLike":{"aws:PrincipalTag/team":"${aws:username}*"}}"#,
            "*",
        ),
    ] {
        let found = findings_kind(&endpoint(condition, resource), PolicyKind::Endpoint);
        assert!(
            only(&found, Code::UnsupportedInPolicyType).is_empty(),
            "{condition} {resource}: {found:#?}"
        );
    }
    // The same wildcard is fine outside endpoint policies.
    let identity = doc(
        r#"{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringLike":{"aws:PrincipalTag/team":"eng*"}}}"#,
    );
    assert!(findings_kind(&identity, PolicyKind::Identity).is_empty());
}

#[test]
fn short_wildcards() {
    assert!(short_wildcard("*"));
    assert!(short_wildcard("abc*de"));
    assert!(short_wildcard("abcdefgh*ab*cd"));
    assert!(!short_wildcard("abcdef*"));
    assert!(!short_wildcard("?abcdef"));
    assert!(!short_wildcard("abcdef*ghijkl?mnopqr"));
    assert!(!short_wildcard("no wildcard"));
}

#[test]
fn iam_policies_hold_latin_1_only() {
    let policy = doc(
        "{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"aws:userid\":\"team\u{2019}s\"}}}",
    );
    for kind in [
        PolicyKind::Identity,
        PolicyKind::Boundary,
        PolicyKind::Session,
    ] {
        one(
            &findings_kind(&policy, kind),
            Code::UnsupportedInPolicyType,
            "/Statement/0/Condition/StringEquals/aws:userid",
            "`\u{2019}` (U+2019) is not a character IAM accepts in a policy",
            "IAM policies hold only tab, line feed, carriage return and the characters U+0020 to U+00FF; replace it (use `'`)",
        );
    }
    // Latin-1 is fine; other policy types are stored by other services.
    assert!(findings_kind(&policy.replace('\u{2019}', "\u{e9}"), PolicyKind::Identity).is_empty());
    assert!(findings_kind(&policy, PolicyKind::Scp).is_empty());
}

/// An ECR repository policy names no `Resource` (ECR User Guide, "Private repository
/// policy examples"): with the service named, none is required; without it, or for
/// another service, the statement still needs one.
#[test]
fn a_named_service_decides_whether_resource_is_required() {
    let repository = r#"{"Version":"2012-10-17","Statement":[{"Sid":"Pull","Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":["ecr:BatchGetImage","ecr:GetDownloadUrlForLayer"]}]}"#;
    assert_eq!(codes(&findings_for_service(repository, "ecr")), []);
    assert_eq!(codes(&findings_for_service(repository, "ECR")), []);
    let unnamed = findings_kind(repository, PolicyKind::Resource);
    assert_eq!(codes(&unnamed), [Code::MissingElement]);
    assert_eq!(unnamed[0].loc, "/Statement/0");
    let queue = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"sqs:SendMessage"}]}"#;
    assert_eq!(
        codes(&findings_for_service(queue, "sqs")),
        [Code::MissingElement]
    );
    // A `Resource` the policy does name is still checked.
    let named = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"ecr:BatchGetImage","Resource":"arn:aws:s3:::bucket"}]}"#;
    assert_eq!(
        codes(&findings_for_service(named, "ecr")),
        [Code::ResourceMismatch]
    );
}

#[test]
fn an_unknown_named_service_is_reported_at_the_document() {
    let policy = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"ecr:BatchGetImage"}]}"#;
    let found = findings_for_service(policy, "ecrr");
    assert_eq!(codes(&found), [Code::UnknownService, Code::MissingElement]);
    assert_eq!(found[0].loc, "");
    assert_eq!(
        found[0].message,
        "the resource policy is checked for the service `ecrr`, but no service has that prefix"
    );
    assert_eq!(found[0].help.as_deref(), Some("did you mean `ecr`?"));
    // Other policy types ignore the service.
    let identity = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ecr:BatchGetImage","Resource":"*"}]}"#;
    let found = crate::check::check_with(
        &crate::PolicyView::new(crate::check::test_util::parse(identity)),
        PolicyKind::Identity,
        &crate::check::Options {
            service: Some("ecrr".to_owned()),
            ..crate::check::Options::default()
        },
    );
    assert_eq!(found, []);
}

//! Policy types: principals, the elements each type supports, and the service
//! capabilities that depend on the type (resource-based policies, temporary credentials,
//! service-linked roles).
//!
//! Sources: IAM User Guide "IAM JSON policy elements: Principal" and "`NotPrincipal`",
//! "Policies and permissions" (policy types), "Role trust policies"; AWS Organizations
//! User Guide "SCP syntax" and "RCP syntax"; Amazon VPC "Control access to VPC endpoints
//! using endpoint policies"; STS API reference (session policies).

use std::fmt::Write as _;

use super::structure::list;
use super::{Ctx, Policy, Statement, strings_of};
use crate::capability::{Capability, CapabilityRow, Support, table_support};
use crate::suggest::suggest;
use crate::{Code, Member, Node, NodeKind, PolicyKind, model, query};

/// The actions a role trust policy can grant (IAM User Guide, "Role trust policies";
/// STS API reference). `sts:SetContext` is the action of trusted context propagation.
pub const TRUST_ACTIONS: &[&str] = &[
    "sts:AssumeRole",
    "sts:AssumeRoleWithSAML",
    "sts:AssumeRoleWithWebIdentity",
    "sts:TagSession",
    "sts:SetSourceIdentity",
    "sts:SetContext",
];

/// The principal kinds of the `Principal` element.
pub const PRINCIPAL_KINDS: &[&str] = &["AWS", "Service", "Federated", "CanonicalUser"];

/// Whether `kind` requires a `Principal`/`NotPrincipal` (`Some(true)`), forbids it
/// (`Some(false)`).
///
/// Resource and trust policies name who they apply to. VPC endpoint policies are resource
/// policies of the endpoint and take a `Principal` (often `"*"`); the Amazon VPC guide
/// shows one in every example and says the principal element is how the policy names who
/// may use the endpoint, so it is required here as well. RCPs require `"Principal": "*"`
/// (RCP syntax). Identity policies, permissions boundaries, session policies and SCPs
/// apply to the identity they are attached to and take none.
fn principal_rule(kind: PolicyKind) -> bool {
    matches!(
        kind,
        PolicyKind::Resource | PolicyKind::Trust | PolicyKind::Endpoint | PolicyKind::Rcp
    )
}

/// Checks one statement against the policy type.
pub fn check_statement<'a, L: Clone>(
    ctx: &mut Ctx<'a, L>,
    _policy: &Policy<'a, L>,
    statement: &Statement<'a, L>,
) {
    check_principal_presence(ctx, statement);
    for member in [statement.principal, statement.not_principal]
        .into_iter()
        .flatten()
    {
        check_principal_value(ctx, member);
    }
    check_not_principal(ctx, statement);
    match ctx.kind {
        PolicyKind::Trust => check_trust(ctx, statement),
        PolicyKind::Rcp => check_rcp(ctx, statement),
        PolicyKind::Resource => check_resource_policy_support(ctx, statement),
        PolicyKind::Session => check_temporary_credentials(ctx, statement),
        _ => {}
    }
    check_service_linked_roles(ctx, statement);
}

/// Nothing policy-wide beyond the statements and the quota (`quota.rs`).
pub fn check_policy<'a, L: Clone>(_ctx: &mut Ctx<'a, L>, _policy: &Policy<'a, L>) {}

/// `missing-principal` / `principal-not-allowed`.
fn check_principal_presence<'a, L: Clone>(ctx: &mut Ctx<'a, L>, statement: &Statement<'a, L>) {
    let kind = ctx.kind;
    let present = statement.principal.or(statement.not_principal);
    match (principal_rule(kind), present) {
        (true, None) => ctx.report_help(
            &statement.node.loc,
            Code::MissingPrincipal,
            format!("a statement of {} policy needs a `Principal`", kind_name(kind)),
            match kind {
                PolicyKind::Trust => {
                    "add who may assume the role, e.g. `\"Principal\": {\"Service\": \"lambda.amazonaws.com\"}`"
                }
                PolicyKind::Rcp => "add `\"Principal\": \"*\"`",
                _ => "add who the statement applies to, e.g. `\"Principal\": {\"AWS\": \"arn:aws:iam::123456789012:root\"}`",
            },
        ),
        (false, Some(member)) => {
            let (applies, help) = match kind {
                PolicyKind::Scp => (
                    "it applies to the principals of the accounts and organizational units it is attached to",
                    format!("remove `{}`, and narrow it with a condition on `aws:PrincipalArn`", member.key),
                ),
                _ => (
                    "it applies to the identity it is attached to",
                    format!(
                        "remove `{}`, or check the policy as a `resource` policy if it is one",
                        member.key
                    ),
                ),
            };
            ctx.report_help(
                &member.key_loc,
                Code::PrincipalNotAllowed,
                format!("{} policy takes no `{}`: {applies}", kind_name(kind), member.key),
                help,
            );
        }
        _ => {}
    }
}

fn kind_name(kind: PolicyKind) -> &'static str {
    match kind {
        PolicyKind::Identity => "an identity",
        PolicyKind::Resource => "a resource",
        PolicyKind::Trust => "a role trust",
        PolicyKind::Scp => "a service control",
        PolicyKind::Rcp => "a resource control",
        PolicyKind::Boundary => "a permissions boundary",
        PolicyKind::Session => "a session",
        PolicyKind::Endpoint => "a VPC endpoint",
    }
}

/// `invalid-principal`: `"*"`, or an object of the four principal kinds whose values are
/// well-formed (IAM User Guide, "AWS JSON policy elements: Principal").
fn check_principal_value<'a, L: Clone>(ctx: &mut Ctx<'a, L>, member: &'a Member<L>) {
    match &member.value.kind {
        NodeKind::Opaque(_) => {}
        NodeKind::String(text) => {
            if text.as_literal().is_some_and(|s| s != "*") {
                ctx.report_help(
                    &member.value.loc,
                    Code::InvalidPrincipal,
                    format!(
                        "a principal string can only be `*`, not `{}`",
                        text.display()
                    ),
                    "name principals by kind: `{\"AWS\": \"arn:aws:iam::123456789012:root\"}`, `{\"Service\": \"lambda.amazonaws.com\"}`",
                );
            }
        }
        NodeKind::Object(entries) => {
            if entries.is_empty() {
                ctx.report(
                    &member.value.loc,
                    Code::InvalidPrincipal,
                    format!("`{}` names no principal", member.key),
                );
            }
            for entry in entries {
                if !PRINCIPAL_KINDS.contains(&entry.key.as_str()) {
                    let help = match suggest(&entry.key, PRINCIPAL_KINDS.iter().copied()) {
                        Some(s) => format!("did you mean `{s}`?"),
                        None => format!("the principal kinds are {}", list(PRINCIPAL_KINDS)),
                    };
                    ctx.report_help(
                        &entry.key_loc,
                        Code::InvalidPrincipal,
                        format!("`{}` is not a kind of principal", entry.key),
                        help,
                    );
                    continue;
                }
                let values = match &entry.value.kind {
                    NodeKind::Array(items) if items.is_empty() => {
                        ctx.report(
                            &entry.value.loc,
                            Code::EmptyElement,
                            format!("`{}` is an empty array", entry.key),
                        );
                        continue;
                    }
                    NodeKind::Array(_) | NodeKind::String(_) => strings_of(Some(entry)),
                    NodeKind::Opaque(_) => continue,
                    _ => {
                        ctx.report(
                            &entry.value.loc,
                            Code::InvalidElementType,
                            format!(
                                "`{}` principals are a string or an array of strings, not {}",
                                entry.key,
                                entry.value.type_name()
                            ),
                        );
                        continue;
                    }
                };
                for value in values {
                    check_principal_string(ctx, &entry.key, value);
                }
            }
        }
        _ => ctx.report(
            &member.value.loc,
            Code::InvalidElementType,
            format!(
                "`{}` is `\"*\"` or an object of principals, not {}",
                member.key,
                member.value.type_name()
            ),
        ),
    }
}

fn is_account(s: &str) -> bool {
    s.len() == 12 && s.bytes().all(|b| b.is_ascii_digit())
}

/// One principal value of a kind. Values with run-time parts are not judged.
fn check_principal_string<'a, L: Clone>(ctx: &mut Ctx<'a, L>, kind: &str, node: &'a Node<L>) {
    let Some(value) = node.as_literal() else {
        return;
    };
    let problem: Option<(String, &str)> = match kind {
        "AWS" => aws_principal_problem(value),
        "Service" => {
            let ok = value == "*"
                || (value
                    .strip_suffix(".amazonaws.com")
                    .or_else(|| value.strip_suffix(".amazonaws.com.cn"))
                    .or_else(|| value.strip_suffix(".amazon.com"))
                    .is_some_and(|name| !name.is_empty() && !name.contains(['/', ':', ' '])));
            (!ok).then(|| {
                (
                    format!("`{value}` is not a service principal"),
                    "service principals are written `SERVICE.amazonaws.com`, e.g. `lambda.amazonaws.com`",
                )
            })
        }
        "Federated" => {
            let ok = value.contains(":saml-provider/")
                || value.contains(":oidc-provider/")
                || (value.contains('.') && !value.contains(' ') && !value.starts_with("arn:"));
            (!ok).then(|| {
                (
                    format!("`{value}` is not a federated principal"),
                    "federated principals are a SAML or OIDC provider ARN (`arn:aws:iam::123456789012:saml-provider/NAME`) or an identity provider such as `cognito-identity.amazonaws.com`, `www.amazon.com`, `accounts.google.com`, `graph.facebook.com`",
                )
            })
        }
        _ => {
            // CanonicalUser: the 64-hex-digit canonical user id of an AWS account (S3).
            let ok = value.len() == 64 && value.bytes().all(|b| b.is_ascii_hexdigit());
            (!ok).then(|| {
                (
                    format!("`{value}` is not a canonical user id"),
                    "a canonical user id is 64 hexadecimal digits",
                )
            })
        }
    };
    if let Some((message, help)) = problem {
        ctx.report_help(&node.loc, Code::InvalidPrincipal, message, help);
    }
}

/// What is wrong with an `AWS` principal: `*`, a 12-digit account, or an IAM/STS ARN of
/// an account root, user, role, assumed-role session or federated user.
fn aws_principal_problem(value: &str) -> Option<(String, &'static str)> {
    const HELP: &str = "an `AWS` principal is `*`, a 12-digit account id, or an ARN such as `arn:aws:iam::123456789012:root`, `...:user/NAME`, `...:role/NAME`, `arn:aws:sts::123456789012:assumed-role/ROLE/SESSION`";
    if value == "*" || is_account(value) {
        return None;
    }
    let fields: Vec<&str> = value.splitn(6, ':').collect();
    let [arn, partition, service, region, account, resource] = fields.as_slice() else {
        return Some((format!("`{value}` is not an account id or an ARN"), HELP));
    };
    if *arn != "arn" || !query::PARTITIONS.contains(partition) {
        return Some((format!("`{value}` is not an account id or an ARN"), HELP));
    }
    if !region.is_empty() {
        return Some((
            format!("`{value}` has a region; IAM principals have none"),
            HELP,
        ));
    }
    // Wildcards are not allowed in principal ARNs ("Principal": "you cannot use a
    // wildcard to match part of a principal name or ARN").
    if value.contains(['*', '?']) {
        return Some((
            format!("`{value}` has a wildcard; principal ARNs cannot match by pattern"),
            "use `\"AWS\": \"*\"` with a condition such as `aws:PrincipalArn` (`ArnLike`) instead",
        ));
    }
    if !is_account(account) {
        return Some((format!("`{value}` does not name a 12-digit account"), HELP));
    }
    let ok = match *service {
        "iam" => {
            *resource == "root"
                || ["user/", "role/", "federated-user/", "group/"]
                    .iter()
                    .any(|p| {
                        resource
                            .strip_prefix(p)
                            .is_some_and(|rest| !rest.is_empty())
                    })
        }
        "sts" => ["assumed-role/", "federated-user/"].iter().any(|p| {
            resource
                .strip_prefix(p)
                .is_some_and(|rest| !rest.is_empty())
        }),
        _ => false,
    };
    (!ok).then(|| {
        (
            format!("`{value}` is not the ARN of an account, user, role or session"),
            HELP,
        )
    })
}

/// `NotPrincipal` works only with `Deny` ("AWS JSON policy elements: NotPrincipal": "we
/// recommend using `NotPrincipal` only with `Effect: Deny`"; `Allow` with `NotPrincipal` is
/// rejected in resource policies).
fn check_not_principal<'a, L: Clone>(ctx: &mut Ctx<'a, L>, statement: &Statement<'a, L>) {
    let Some(member) = statement.not_principal else {
        return;
    };
    if !principal_rule(ctx.kind) {
        return; // principal-not-allowed already.
    }
    if ctx.kind == PolicyKind::Rcp || ctx.kind == PolicyKind::Trust {
        ctx.report_help(
            &member.key_loc,
            Code::UnsupportedInPolicyType,
            format!(
                "{} policy does not support `NotPrincipal`",
                kind_name(ctx.kind)
            ),
            if ctx.kind == PolicyKind::Rcp {
                "use `\"Principal\": \"*\"` with a condition on `aws:PrincipalArn`"
            } else {
                "name the principals that may assume the role in `Principal`"
            },
        );
    } else if statement.effect.and_then(|e| e.value.as_literal()) == Some("Allow") {
        ctx.report_help(
            &member.key_loc,
            Code::UnsupportedInPolicyType,
            "`NotPrincipal` works only in `Deny` statements",
            "use `Principal` to allow, or `\"Effect\": \"Deny\"`",
        );
    }
}

/// Role trust policies grant only the STS actions that assume a role or shape its session,
/// and take no `Resource` (the role is the resource).
fn check_trust<'a, L: Clone>(ctx: &mut Ctx<'a, L>, statement: &Statement<'a, L>) {
    for member in [statement.resource, statement.not_resource]
        .into_iter()
        .flatten()
    {
        ctx.report_help(
            &member.key_loc,
            Code::UnsupportedInPolicyType,
            format!(
                "a role trust policy takes no `{}`: the role is the resource",
                member.key
            ),
            format!("remove `{}`", member.key),
        );
    }
    for node in statement
        .actions(false)
        .into_iter()
        .chain(statement.actions(true))
    {
        let Some(action) = node.as_literal() else {
            continue;
        };
        let ok = TRUST_ACTIONS
            .iter()
            .any(|a| query::wildcard_matches(action, a));
        if !ok {
            ctx.report_help(
                &node.loc,
                Code::UnsupportedInPolicyType,
                format!("`{action}` is not an action a role trust policy can grant"),
                format!("a trust policy grants {}", list(TRUST_ACTIONS)),
            );
        }
    }
}

/// RCPs ("RCP syntax"): `Principal` is `"*"`, `Effect` is `Deny` (`Allow` only in the
/// AWS-managed `RCPFullAWSAccess`), and actions belong to services that support RCPs.
fn check_rcp<'a, L: Clone>(ctx: &mut Ctx<'a, L>, statement: &Statement<'a, L>) {
    if let Some(principal) = statement.principal
        && let Some(text) = principal.value.as_literal()
        && text != "*"
    {
        // A literal other than `*` is already invalid-principal.
    } else if let Some(principal) = statement.principal
        && principal.value.as_object().is_some()
    {
        ctx.report_help(
            &principal.value.loc,
            Code::UnsupportedInPolicyType,
            "a resource control policy's `Principal` must be `\"*\"`",
            "use `\"Principal\": \"*\"` and narrow it with conditions such as `aws:PrincipalOrgID`",
        );
    }
    let allow_everything = statement
        .actions(false)
        .iter()
        .all(|n| n.as_literal() == Some("*"))
        && statement
            .resources(false)
            .iter()
            .all(|n| n.as_literal() == Some("*"));
    if let Some(effect) = statement.effect
        && effect.value.as_literal() == Some("Allow")
        && !allow_everything
    {
        ctx.report_help(
            &effect.value.loc,
            Code::UnsupportedInPolicyType,
            "a resource control policy only denies: `Allow` is reserved to `RCPFullAWSAccess`",
            "use `\"Effect\": \"Deny\"`",
        );
    }
    for node in statement
        .actions(false)
        .into_iter()
        .chain(statement.actions(true))
    {
        let Some(action) = node.as_literal() else {
            continue;
        };
        let Some((prefix, _)) = action.split_once(':') else {
            continue;
        };
        if query::has_wildcard(prefix) {
            continue;
        }
        if let Some(service) = model::service(prefix)
            && !service.rcp_supported()
        {
            let supported: Vec<&str> = model::services()
                .filter(|s| s.rcp_supported())
                .map(model::Service::prefix)
                .collect();
            ctx.report_help(
                &node.loc,
                Code::UnsupportedInPolicyType,
                format!(
                    "resource control policies do not support `{}` actions",
                    service.prefix()
                ),
                format!("RCPs support {}", list(&supported)),
            );
        }
    }
}

/// The named actions' services (literal prefixes) of a statement, with their nodes.
fn named_services<'a, L>(statement: &Statement<'a, L>) -> Vec<(&'a Node<L>, model::Service)> {
    statement
        .actions(false)
        .into_iter()
        .filter_map(|node| {
            let (prefix, _) = node.as_literal()?.split_once(':')?;
            if query::has_wildcard(prefix) {
                return None;
            }
            Some((node, model::service(prefix)?))
        })
        .collect()
}

/// The table row and footnotes a finding rests on, for messages.
fn row_note(row: &CapabilityRow, capability: Capability) -> String {
    let mut note = format!(
        "the {} of \"AWS services that work with IAM\", row `{}`",
        row.edition_name(),
        row.name
    );
    for footnote in row.footnotes_for(capability) {
        let _ = write!(note, "; footnote {}: {}", footnote.number, footnote.text);
    }
    note
}

/// `resource-policy-unsupported`: a resource policy whose actions all belong to services
/// that the capability tables say take no resource-based policies. Per-action data cannot
/// say this, so the tables decide (latest edition first).
fn check_resource_policy_support<'a, L: Clone>(ctx: &mut Ctx<'a, L>, statement: &Statement<'a, L>) {
    let services = named_services(statement);
    let Some((first, _)) = services.first() else {
        return;
    };
    let mut rows = Vec::new();
    for (_, service) in &services {
        match table_support(service.prefix(), Capability::ResourceBased) {
            Some((Support::No, row)) => rows.push((*service, row)),
            _ => return,
        }
    }
    let Some((service, row)) = rows.first() else {
        return;
    };
    ctx.report_help(
        &first.loc,
        Code::ResourcePolicyUnsupported,
        format!(
            "`{}` does not support resource-based policies, so this resource policy cannot be attached to its resources",
            service.prefix()
        ),
        format!(
            "grant the access in an identity policy instead (source: {})",
            row_note(row, Capability::ResourceBased)
        ),
    );
}

/// `temporary-credentials-unsupported` (warning): a session policy (used with temporary
/// credentials by definition) that grants actions of a service that does not accept
/// temporary credentials.
fn check_temporary_credentials<'a, L: Clone>(ctx: &mut Ctx<'a, L>, statement: &Statement<'a, L>) {
    if statement.is_deny() {
        return;
    }
    for (node, service) in named_services(statement) {
        if let Some((Support::No, row)) =
            table_support(service.prefix(), Capability::TemporaryCredentials)
        {
            ctx.report_help(
                &node.loc,
                Code::TemporaryCredentialsUnsupported,
                format!(
                    "`{}` does not accept temporary credentials, so a session cannot use this permission",
                    service.prefix()
                ),
                format!(
                    "use long-term credentials for this service (source: {})",
                    row_note(row, Capability::TemporaryCredentials)
                ),
            );
        }
    }
}

/// `service-linked-role-unsupported` (warning): in a statement that grants
/// `iam:CreateServiceLinkedRole`, a value of `iam:AWSServiceName` naming a service whose
/// capability table rows say it has no service-linked roles. The newest table is of
/// 2023 and services add service-linked roles over time (on the AWS managed corpus,
/// `EventBridge`, Service Quotas and VPC Lattice create roles their 2023 rows lack), so this
/// is a warning that names the table it rests on.
fn check_service_linked_roles<'a, L: Clone>(ctx: &mut Ctx<'a, L>, statement: &Statement<'a, L>) {
    let grants = statement.actions(false).iter().any(|n| {
        n.as_literal()
            .is_some_and(|a| query::wildcard_matches(a, "iam:CreateServiceLinkedRole"))
    });
    if !grants {
        return;
    }
    let Some(condition) = statement.condition.and_then(|c| c.value.as_object()) else {
        return;
    };
    for operator in condition {
        let Some(keys) = operator.value.as_object() else {
            continue;
        };
        for key in keys {
            if !key.key.eq_ignore_ascii_case("iam:AWSServiceName") {
                continue;
            }
            for value in strings_of(Some(key)) {
                let Some(name) = value.as_literal() else {
                    continue;
                };
                // Only `PREFIX.amazonaws.com`: sub-principals such as
                // `replication.dynamodb.amazonaws.com` name roles of features the
                // tables do not list separately.
                let Some(prefix) = name
                    .strip_suffix(".amazonaws.com")
                    .filter(|head| !head.contains('.'))
                else {
                    continue;
                };
                if model::service(prefix).is_none() {
                    continue; // No known mapping from this principal to a prefix.
                }
                if let Some((Support::No, row)) =
                    table_support(prefix, Capability::ServiceLinkedRoles)
                {
                    ctx.report_help(
                        &value.loc,
                        Code::ServiceLinkedRoleUnsupported,
                        format!("`{name}` has no service-linked role to create"),
                        format!("source: {}", row_note(row, Capability::ServiceLinkedRoles)),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::test_util::{codes, findings_kind};
    use crate::{Code, PolicyKind};

    /// A service whose tables say No to `capability`, and one of its wildcard-only actions.
    fn without(capability: crate::Capability) -> (&'static str, String) {
        crate::model::services()
            .filter(|s| {
                crate::capability::table_support(s.prefix(), capability).map(|(s, _)| s)
                    == Some(crate::Support::No)
            })
            .find_map(|s| {
                let action = s.actions().find(|a| a.is_wildcard_only())?;
                Some((s.prefix(), action.to_string()))
            })
            .expect("a service without the capability")
    }

    fn doc(statement: &str) -> String {
        format!(r#"{{"Version":"2012-10-17","Statement":[{statement}]}}"#)
    }

    #[test]
    fn principals_per_policy_type() {
        let with = doc(
            r#"{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}"#,
        );
        let without =
            doc(r#"{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}"#);
        for kind in [
            PolicyKind::Identity,
            PolicyKind::Boundary,
            PolicyKind::Session,
            PolicyKind::Scp,
        ] {
            let found = findings_kind(&with, kind);
            assert_eq!(codes(&found), [Code::PrincipalNotAllowed], "{kind}");
            assert_eq!(found[0].loc, "/Statement/0/Principal#key");
            assert!(findings_kind(&without, kind).is_empty(), "{kind}");
        }
        for kind in [PolicyKind::Resource, PolicyKind::Endpoint] {
            assert!(findings_kind(&with, kind).is_empty(), "{kind}");
            let found = findings_kind(&without, kind);
            assert_eq!(codes(&found), [Code::MissingPrincipal], "{kind}");
            assert_eq!(found[0].loc, "/Statement/0");
        }
    }

    #[test]
    fn principal_values_are_checked() {
        let policy = doc(
            r#"{"Effect":"Allow","Principal":{"AWS":["123456789012","arn:aws:iam::123456789012:role/app","arn:aws:iam::12345:root","arn:aws:iam::123456789012:role/*"],"Service":["lambda.amazonaws.com","lambda"],"Aws":"x","CanonicalUser":"79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}"#,
        );
        let found = findings_kind(&policy, PolicyKind::Resource);
        assert_eq!(
            codes(&found),
            [
                Code::InvalidPrincipal,
                Code::InvalidPrincipal,
                Code::InvalidPrincipal,
                Code::InvalidPrincipal
            ]
        );
        assert_eq!(found[0].loc, "/Statement/0/Principal/AWS/2");
        assert!(found[0].message.contains("12-digit account"));
        assert!(found[1].message.contains("wildcard"));
        assert_eq!(found[2].loc, "/Statement/0/Principal/Service/1");
        assert_eq!(found[3].loc, "/Statement/0/Principal/Aws#key");
        assert_eq!(found[3].help.as_deref(), Some("did you mean `AWS`?"));
        let star = doc(
            r#"{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}"#,
        );
        assert!(findings_kind(&star, PolicyKind::Resource).is_empty());
        let bad = star.replace(r#""Principal":"*""#, r#""Principal":"everyone""#);
        assert_eq!(
            codes(&findings_kind(&bad, PolicyKind::Resource)),
            [Code::InvalidPrincipal]
        );
    }

    #[test]
    fn trust_policies() {
        let good = doc(
            r#"{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":["sts:AssumeRole","sts:TagSession"]}"#,
        );
        assert!(findings_kind(&good, PolicyKind::Trust).is_empty());
        let bad = doc(
            r#"{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},"Action":["sts:AssumeRoleWithWebIdentity","s3:GetObject"],"Resource":"*"}"#,
        );
        let found = findings_kind(&bad, PolicyKind::Trust);
        assert_eq!(
            codes(&found),
            [Code::UnsupportedInPolicyType, Code::UnsupportedInPolicyType]
        );
        assert_eq!(found[0].loc, "/Statement/0/Action/1");
        assert_eq!(found[1].loc, "/Statement/0/Resource#key");
        let missing = doc(r#"{"Effect":"Allow","Action":"sts:AssumeRole"}"#);
        assert_eq!(
            codes(&findings_kind(&missing, PolicyKind::Trust)),
            [Code::MissingPrincipal]
        );
    }

    #[test]
    fn not_principal_only_denies() {
        let allow = doc(
            r#"{"Effect":"Allow","NotPrincipal":{"AWS":"123456789012"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}"#,
        );
        let found = findings_kind(&allow, PolicyKind::Resource);
        assert_eq!(codes(&found), [Code::UnsupportedInPolicyType]);
        assert_eq!(found[0].loc, "/Statement/0/NotPrincipal#key");
        let deny = allow.replace("Allow", "Deny");
        assert!(findings_kind(&deny, PolicyKind::Resource).is_empty());
    }

    #[test]
    fn rcp_rules() {
        let good = doc(
            r#"{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*","Condition":{"BoolIfExists":{"aws:SecureTransport":"false"}}}"#,
        );
        assert!(findings_kind(&good, PolicyKind::Rcp).is_empty());
        let full = doc(r#"{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}"#);
        assert!(findings_kind(&full, PolicyKind::Rcp).is_empty());
        let bad = doc(
            r#"{"Effect":"Allow","Principal":{"AWS":"123456789012"},"Action":["s3:GetObject","ec2:RunInstances"],"Resource":"*"}"#,
        );
        let found = findings_kind(&bad, PolicyKind::Rcp);
        assert_eq!(
            codes(&found),
            [
                Code::UnsupportedInPolicyType,
                Code::UnsupportedInPolicyType,
                Code::UnsupportedInPolicyType
            ]
        );
        assert_eq!(found[0].loc, "/Statement/0/Effect");
        assert_eq!(found[1].loc, "/Statement/0/Principal");
        assert_eq!(found[2].loc, "/Statement/0/Action/1");
        assert!(found[2].message.contains("`ec2`"));
    }

    #[test]
    fn capability_tables_drive_resource_policies_sessions_and_service_linked_roles() {
        // A service whose latest table row says it takes no resource-based policies.
        let (prefix, action) = without(crate::Capability::ResourceBased);
        let policy = doc(&format!(
            r#"{{"Effect":"Allow","Principal":"*","Action":"{action}","Resource":"*"}}"#
        ));
        let found = findings_kind(&policy, PolicyKind::Resource);
        assert_eq!(
            codes(&found),
            [Code::ResourcePolicyUnsupported],
            "{prefix}: {found:?}"
        );
        assert!(
            found[0].help.as_deref().unwrap().contains("row `"),
            "{:?}",
            found[0].help
        );
        let s3 = doc(
            r#"{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}"#,
        );
        assert!(findings_kind(&s3, PolicyKind::Resource).is_empty());

        // A service that does not accept temporary credentials, in a session policy.
        let (_, action) = without(crate::Capability::TemporaryCredentials);
        let session = doc(&format!(
            r#"{{"Effect":"Allow","Action":"{action}","Resource":"*"}}"#
        ));
        let found = findings_kind(&session, PolicyKind::Session);
        assert_eq!(
            codes(&found),
            [Code::TemporaryCredentialsUnsupported],
            "{found:?}"
        );
        assert!(findings_kind(&session, PolicyKind::Identity).is_empty());

        // Service-linked roles: a service whose table says it has none.
        let slr = |service: &str| {
            doc(&format!(
                r#"{{"Effect":"Allow","Action":"iam:CreateServiceLinkedRole","Resource":"*","Condition":{{"StringEquals":{{"iam:AWSServiceName":["{service}"]}}}}}}"#
            ))
        };
        let found = findings_kind(&slr("iam.amazonaws.com"), PolicyKind::Identity);
        assert_eq!(
            codes(&found),
            [Code::ServiceLinkedRoleUnsupported],
            "{found:?}"
        );
        assert_eq!(
            found[0].loc,
            "/Statement/0/Condition/StringEquals/iam:AWSServiceName/0"
        );
        assert!(
            findings_kind(&slr("elasticmapreduce.amazonaws.com"), PolicyKind::Identity).is_empty()
        );
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
}

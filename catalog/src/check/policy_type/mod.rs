//! Policy types: principals, the elements each type supports, and the service
//! capabilities that depend on the type (resource-based policies, temporary credentials,
//! service-linked roles).
//!
//! Sources (each rule names its own):
//! - IAM User Guide: "AWS JSON policy elements: Principal", "AWS JSON policy elements:
//!   `NotPrincipal`", "IAM and AWS STS quotas" (characters a policy may hold), "AWS services
//!   that work with IAM" (the capability tables, in the catalog);
//! - AWS Organizations User Guide: "SCP syntax" (since September 2025 SCPs take the full
//!   IAM policy language except `Principal` and `NotPrincipal`: conditions, resource ARNs
//!   and `NotAction` in `Allow` statements, `NotResource`, wildcards anywhere in actions —
//!   AWS Security Blog, "AWS Organizations service control policy now supports full IAM
//!   language") and "RCP syntax";
//! - AWS `PrivateLink` guide: "Control access to VPC endpoints using endpoint policies";
//! - STS API reference (`AssumeRole`, session policies).

use super::structure::list;
use super::{Ctx, Policy, Statement, strings_of};
use crate::capability::{Basis, Capability, Support, capability_support};
#[cfg(test)]
use crate::capability::{CapabilityRow, table_support};
use crate::kind::{PRINCIPAL_KINDS, PrincipalRule};
use crate::query::has_wildcard;
use crate::suggest::suggest;
use crate::{Code, Loc, Member, Node, NodeKind, PolicyKind, Segment, model, query};

mod capabilities;
mod principals;

#[cfg(test)]
use capabilities::row_note;
use capabilities::{
    base_operator, check_resource_policy_support, check_service_linked_roles,
    check_temporary_credentials, named_service, short_wildcard,
};
pub(crate) use capabilities::{check_named_service, resource_element_optional};
pub(crate) use principals::is_account;
use principals::{check_not_principal, check_principal_presence, check_principal_value};

/// The actions a role trust policy can grant: the STS actions whose resource is the role
/// (Service Authorization Reference, AWS STS: `AssumeRole`, `AssumeRoleWithSAML`,
/// `AssumeRoleWithWebIdentity`, `TagSession`, `SetSourceIdentity` and `SetContext` take the
/// `role` resource type; a test keeps this list equal to the catalog's).
pub const TRUST_ACTIONS: &[&str] = &[
    "sts:AssumeRole",
    "sts:AssumeRoleWithSAML",
    "sts:AssumeRoleWithWebIdentity",
    "sts:TagSession",
    "sts:SetSourceIdentity",
    "sts:SetContext",
];

/// The web identity providers a trust policy names directly in `Federated` ("Principal",
/// web identity session principals). Any other OIDC provider is named by the ARN of its
/// IAM identity provider.
pub const WEB_IDENTITY_PROVIDERS: &[&str] = &[
    "cognito-identity.amazonaws.com",
    "www.amazon.com",
    "graph.facebook.com",
    "accounts.google.com",
];

/// Global condition keys holding system-generated identifiers, which VPC endpoint policies
/// cannot match with wildcards ("Control access to VPC endpoints using endpoint policies",
/// considerations: "You can't use wildcard characters (* or ?) or numeric condition
/// operators with global context keys that reference system-generated identifiers (for
/// example, aws:PrincipalAccount or aws:SourceVpc)"). Only the keys the page names: it
/// does not list the others.
pub const ENDPOINT_SYSTEM_ID_KEYS: &[&str] = &["aws:PrincipalAccount", "aws:SourceVpc"];

/// Service principals whose services have service-linked roles that the latest capability
/// table (2023) does not record (its rows say "No"), each with an AWS managed policy that
/// grants `iam:CreateServiceLinkedRole` for it: AWS's own deployed policies are the
/// evidence that the role exists.
pub const SERVICE_LINKED_ROLES_SINCE_TABLE: &[(&str, &str)] = &[
    ("appsync.amazonaws.com", "AWSAppSyncAdministrator"),
    ("artifact.amazonaws.com", "AWSArtifactAgreementsFullAccess"),
    (
        "detective.amazonaws.com",
        "AmazonDetectiveOrganizationsAccess",
    ),
    (
        "docdb-elastic.amazonaws.com",
        "AmazonDocDBElasticFullAccess",
    ),
    ("events.amazonaws.com", "CloudWatchFullAccessV2"),
    ("health.amazonaws.com", "AWSHealthFullAccess"),
    (
        "internetmonitor.amazonaws.com",
        "CloudWatchInternetMonitorFullAccess",
    ),
    (
        "migrationhub-orchestrator.amazonaws.com",
        "AWSMigrationHubOrchestratorConsoleFullAccess",
    ),
    ("profile.amazonaws.com", "AmazonConnect_FullAccess"),
    (
        "redshift-data.amazonaws.com",
        "AmazonRedshiftDataFullAccess",
    ),
    ("schemas.amazonaws.com", "AmazonEventBridgeFullAccess"),
    ("servicequotas.amazonaws.com", "ServiceQuotasFullAccess"),
    ("ssm-sap.amazonaws.com", "AWSSystemsManagerForSAPFullAccess"),
    ("vpc-lattice.amazonaws.com", "VPCLatticeFullAccess"),
];

/// Checks one statement against the policy type.
pub fn check_statement<'a>(ctx: &mut Ctx, _policy: &Policy<'a>, statement: &Statement<'a>) {
    let kind = ctx.kind;
    check_principal_presence(ctx, statement);
    if matches!(kind.facts().principal, PrincipalRule::Required { .. }) {
        if let Some(principal) = statement.principal {
            // An RCP's object principal is reported whole by `check_rcp`.
            if !(kind == PolicyKind::Rcp && principal.value.as_object().is_some()) {
                check_principal_value(ctx, principal);
            }
        }
        if let Some(not_principal) = statement.not_principal
            && kind.facts().not_principal
        {
            check_principal_value(ctx, not_principal);
        }
    }
    check_not_principal(ctx, statement);
    match kind {
        PolicyKind::Trust => check_trust(ctx, statement),
        PolicyKind::Rcp => check_rcp(ctx, statement),
        PolicyKind::Resource => check_resource_policy_support(ctx, statement),
        PolicyKind::Session => check_temporary_credentials(ctx, statement),
        PolicyKind::Endpoint => check_endpoint(ctx, statement),
        PolicyKind::Identity | PolicyKind::Scp | PolicyKind::Boundary => {}
    }
    check_service_linked_roles(ctx, statement);
}

/// Policy-wide rules of the type: an RCP's `Version`, and the characters of the documents
/// IAM and STS store.
pub fn check_policy(ctx: &mut Ctx, policy: &Policy<'_>) {
    if ctx.kind == PolicyKind::Rcp {
        check_rcp_version(ctx, policy);
    }
    if ctx.kind.facts().iam_characters {
        check_characters(ctx, policy.root);
    }
}

/// Role trust policies grant only the STS actions whose resource is the role
/// ([`TRUST_ACTIONS`]), and take no `Resource`: the role the policy is attached to is the
/// resource (IAM rejects a trust policy with `Resource`: "Has prohibited field Resource").
/// `NotAction` values are not judged: they name what the statement does not cover.
fn check_trust(ctx: &mut Ctx, statement: &Statement<'_>) {
    for member in [statement.resource, statement.not_resource] {
        let Some(member) = member else { continue };
        ctx.report_help(
            member.key_loc,
            Code::UnsupportedInPolicyType,
            format!(
                "a role trust policy takes no `{}`: the role is the resource",
                member.key
            ),
            format!("remove `{}`", member.key),
        );
    }
    for node in statement.actions(false) {
        let Some(action) = node.as_literal() else {
            continue;
        };
        let ok = TRUST_ACTIONS
            .iter()
            .any(|a| query::wildcard_matches(action, a));
        if !ok {
            ctx.report_help(
                node.loc,
                Code::UnsupportedInPolicyType,
                format!("`{action}` is not an action a role trust policy can grant"),
                format!("a trust policy grants {}", list(TRUST_ACTIONS)),
            );
        }
    }
}

/// RCPs ("RCP syntax"): the elements are `Version`, `Statement`, `Sid`, `Effect`,
/// `Principal`, `Action`, `Resource`, `NotResource` and `Condition` (no `NotPrincipal`, no
/// `NotAction`); `Principal` is `"*"`; "The effect of Allow is only supported for the
/// `RCPFullAWSAccess` policy" (`Allow` of `*` to `*` on `*`); actions belong to services
/// that support RCPs (the catalog's list).
fn check_rcp(ctx: &mut Ctx, statement: &Statement<'_>) {
    // A string other than `*` is already invalid-principal.
    if let Some(principal) = statement.principal
        && principal.value.as_object().is_some()
    {
        ctx.report_help(
            principal.value.loc,
            Code::UnsupportedInPolicyType,
            "a resource control policy's `Principal` must be `\"*\"`",
            "use `\"Principal\": \"*\"` and narrow it with conditions such as `aws:PrincipalOrgID` or `aws:PrincipalArn`",
        );
    }
    if let Some(not_action) = statement.not_action {
        ctx.report_help(
            not_action.key_loc,
            Code::UnsupportedInPolicyType,
            "a resource control policy does not support `NotAction`",
            "list the denied actions in `Action`",
        );
    }
    let all_star =
        |nodes: Vec<&Node>| !nodes.is_empty() && nodes.iter().all(|n| n.as_literal() == Some("*"));
    let full_access = statement.action.is_some()
        && all_star(statement.actions(false))
        && statement.resource.is_some()
        && all_star(statement.resources(false));
    if let Some(effect) = statement.effect
        && effect.value.as_literal() == Some("Allow")
        && !full_access
    {
        ctx.report_help(
            effect.value.loc,
            Code::UnsupportedInPolicyType,
            "a resource control policy only denies: `Allow` is reserved to `RCPFullAWSAccess`",
            "use `\"Effect\": \"Deny\"`",
        );
    }
    for node in statement.actions(false) {
        let Some(service) = named_service(node) else {
            continue;
        };
        if !service.rcp_supported() {
            let supported: Vec<&str> = model::services()
                .filter(|s| s.rcp_supported())
                .map(model::Service::prefix)
                .collect();
            ctx.report_help(
                node.loc,
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

/// "Every RCP must include a Version element with the value "2012-10-17"" ("RCP syntax").
fn check_rcp_version(ctx: &mut Ctx, policy: &Policy<'_>) {
    match policy.version {
        None => ctx.report_help(
            policy.root.loc,
            Code::UnsupportedInPolicyType,
            "a resource control policy needs `\"Version\": \"2012-10-17\"`",
            "add `\"Version\": \"2012-10-17\"`: AWS Organizations requires it in every RCP",
        ),
        Some(version) if version.value.as_literal() == Some("2008-10-17") => ctx.report_help(
            version.value.loc,
            Code::UnsupportedInPolicyType,
            "a resource control policy takes only `\"Version\": \"2012-10-17\"`",
            "use `2012-10-17`",
        ),
        Some(_) => {}
    }
}

/// VPC endpoint policies ("Control access to VPC endpoints using endpoint policies",
/// considerations):
/// - no wildcard with the keys of [`ENDPOINT_SYSTEM_ID_KEYS`];
/// - "When you use string condition operators, you must use at least six consecutive
///   characters before or after each wildcard character";
/// - "When you specify an ARN in the resource or condition element, the account portion
///   of the ARN can include an account ID or a wildcard character, but not both."
///
/// Values with run-time parts or policy variables are not judged. Gateway endpoints also
/// require `"Principal": "*"`, but a policy does not say which kind of endpoint it is for.
fn check_endpoint(ctx: &mut Ctx, statement: &Statement<'_>) {
    for node in statement
        .resources(false)
        .into_iter()
        .chain(statement.resources(true))
    {
        check_endpoint_arn(ctx, node);
    }
    let Some(condition) = statement.condition.and_then(|c| c.value.as_object()) else {
        return;
    };
    for operator in condition {
        let Some(keys) = operator.value.as_object() else {
            continue;
        };
        let base = base_operator(&operator.key);
        let string_like = matches!(base, "StringLike" | "StringNotLike");
        let like = string_like || matches!(base, "ArnLike" | "ArnNotLike");
        for key in keys {
            let system = ENDPOINT_SYSTEM_ID_KEYS
                .iter()
                .any(|k| k.eq_ignore_ascii_case(&key.key));
            for value in strings_of(Some(key)) {
                let Some(text) = value.as_literal() else {
                    continue;
                };
                if text.contains("${") {
                    continue;
                }
                if like && system && has_wildcard(text) {
                    ctx.report_help(
                        value.loc,
                        Code::UnsupportedInPolicyType,
                        format!(
                            "a VPC endpoint policy cannot match `{}` with a wildcard: `{text}`",
                            key.key
                        ),
                        "list the identifiers exactly, with `StringEquals`",
                    );
                } else if string_like && short_wildcard(text) {
                    ctx.report_help(
                        value.loc,
                        Code::UnsupportedInPolicyType,
                        format!(
                            "a wildcard in `{text}` has fewer than six characters before or after it, which a VPC endpoint policy does not allow"
                        ),
                        "write at least six consecutive characters before or after each `*` and `?`, or match the value exactly",
                    );
                } else {
                    check_endpoint_arn(ctx, value);
                }
            }
        }
    }
}

/// An ARN's account is an account id or a wildcard, not both, in a VPC endpoint policy.
fn check_endpoint_arn<'a>(ctx: &mut Ctx, node: &'a Node<'a>) {
    let Some(text) = node.as_literal() else {
        return;
    };
    if text.contains("${") {
        return;
    }
    let Some([_, _, _, _, account, _]) = crate::arn::six(text) else {
        return;
    };
    if has_wildcard(account) && account.chars().any(|c| c != '*' && c != '?') {
        ctx.report_help(
            node.loc,
            Code::UnsupportedInPolicyType,
            format!(
                "the account `{account}` in `{text}` mixes an account id and a wildcard, which a VPC endpoint policy does not allow"
            ),
            "write the 12-digit account id, or `*` alone",
        );
    }
}

/// Whether IAM accepts `c` in a policy document ("IAM and AWS STS quotas", IAM name
/// requirements: "Policy documents can contain only the following Unicode characters:
/// horizontal tab (U+0009), linefeed (U+000A), carriage return (U+000D), and characters in
/// the range U+0020 to U+00FF"; the STS `Policy` parameter says the same of session
/// policies). Checked on the text as the engine sees it, after JSON escapes are decoded;
/// whether IAM also rejects such a character written as a `\u` escape is not documented.
fn allowed_character(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{ff}')
}

/// The first character of `s` that [`allowed_character`] rejects. ASCII text (nearly
/// every policy) is judged byte by byte: only control characters other than tab, line
/// feed and carriage return are rejected there.
fn first_disallowed(s: &str) -> Option<char> {
    for &b in s.as_bytes() {
        if b >= 0x80 {
            return s.chars().find(|c| !allowed_character(*c));
        }
        if b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r') {
            return Some(char::from(b));
        }
    }
    None
}

/// The characters of the documents IAM and STS store (identity policies, permissions
/// boundaries, trust policies, session policies): one finding per string or key, at its
/// first character IAM rejects. Iterative, so deep nesting cannot overflow the stack.
fn check_characters<'a>(ctx: &mut Ctx, root: &'a Node<'a>) {
    let mut stack = vec![root];
    while let Some(node) = stack.pop() {
        match &node.kind {
            NodeKind::String(text) => {
                let bad = text.segments().iter().find_map(|segment| match segment {
                    Segment::Literal(s) => first_disallowed(s),
                    Segment::Hole(_) => None,
                });
                if let Some(c) = bad {
                    report_character(ctx, node.loc, c);
                }
            }
            NodeKind::Array(items) => stack.extend(items.iter().rev()),
            NodeKind::Object(members) => {
                for member in members.iter().rev() {
                    if let Some(c) = first_disallowed(&member.key) {
                        report_character(ctx, member.key_loc, c);
                    }
                    stack.push(&member.value);
                }
            }
            NodeKind::Null | NodeKind::Bool(_) | NodeKind::Number(_) | NodeKind::Opaque(_) => {}
        }
    }
}

fn report_character(ctx: &mut Ctx, at: Loc, c: char) {
    let replacement = match c {
        '\u{2018}' | '\u{2019}' => " (use `'`)",
        '\u{201c}' | '\u{201d}' => " (use `\"`)",
        '\u{2013}' | '\u{2014}' => " (use `-`)",
        _ => "",
    };
    ctx.report_help(
        at,
        Code::UnsupportedInPolicyType,
        format!(
            "`{c}` (U+{:04X}) is not a character IAM accepts in a policy",
            u32::from(c)
        ),
        format!(
            "IAM policies hold only tab, line feed, carriage return and the characters U+0020 to U+00FF; replace it{replacement}"
        ),
    );
}

#[cfg(test)]
mod tests;

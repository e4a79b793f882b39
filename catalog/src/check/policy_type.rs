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
use crate::{Code, Member, Node, NodeKind, PolicyKind, Segment, model, query};

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
pub fn check_statement<'a, L: Clone>(
    ctx: &mut Ctx<'a, L>,
    _policy: &Policy<'a, L>,
    statement: &Statement<'a, L>,
) {
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
pub fn check_policy<'a, L: Clone>(ctx: &mut Ctx<'a, L>, policy: &Policy<'a, L>) {
    if ctx.kind == PolicyKind::Rcp {
        check_rcp_version(ctx, policy);
    }
    if ctx.kind.facts().iam_characters {
        check_characters(ctx, policy.root);
    }
}

/// `missing-principal` / `principal-not-allowed` (the type's `PrincipalRule`).
fn check_principal_presence<'a, L: Clone>(ctx: &mut Ctx<'a, L>, statement: &Statement<'a, L>) {
    let facts = ctx.kind.facts();
    match (
        facts.principal,
        statement.principal.or(statement.not_principal),
    ) {
        (PrincipalRule::Required { help }, None) => ctx.report_help(
            &statement.node.loc,
            Code::MissingPrincipal,
            format!(
                "a statement of {} policy needs a `Principal`",
                facts.described
            ),
            help,
        ),
        (
            PrincipalRule::Forbidden {
                applies_to,
                instead,
            },
            Some(member),
        ) => ctx.report_help(
            &member.key_loc,
            Code::PrincipalNotAllowed,
            format!(
                "{} policy takes no `{}`: {applies_to}",
                facts.described, member.key
            ),
            format!("remove `{}`, {instead}", member.key),
        ),
        _ => {}
    }
}

/// `invalid-principal`: `"*"`, or an object of the four principal kinds whose values are
/// strings or arrays of strings ("AWS JSON policy elements: Principal").
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
                ctx.report_help(
                    &member.value.loc,
                    Code::InvalidPrincipal,
                    format!("`{}` names no principal", member.key),
                    format!("the principal kinds are {}", list(PRINCIPAL_KINDS)),
                );
            }
            for entry in entries {
                check_principal_entry(ctx, entry);
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

/// One `KIND: value(s)` entry of a principal object.
fn check_principal_entry<'a, L: Clone>(ctx: &mut Ctx<'a, L>, entry: &'a Member<L>) {
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
        return;
    }
    match &entry.value.kind {
        NodeKind::Array(items) if items.is_empty() => ctx.report(
            &entry.value.loc,
            Code::EmptyElement,
            format!("`{}` is an empty array", entry.key),
        ),
        NodeKind::Array(_) | NodeKind::String(_) => {
            for value in strings_of(Some(entry)) {
                check_principal_string(ctx, &entry.key, value);
            }
        }
        NodeKind::Opaque(_) => {}
        _ => ctx.report(
            &entry.value.loc,
            Code::InvalidElementType,
            format!(
                "`{}` principals are a string or an array of strings, not {}",
                entry.key,
                entry.value.type_name()
            ),
        ),
    }
}

pub(crate) fn is_account(s: &str) -> bool {
    s.len() == 12 && s.bytes().all(|b| b.is_ascii_digit())
}

/// A unique ID of an IAM user (`AIDA...`) or role (`AROA...`): 21 upper-case letters and
/// digits. IAM writes these in place of a principal ARN whose user or role was deleted
/// ("Principal": "the principal ID appears in resource-based policies because AWS can no
/// longer map it back to a valid ARN"; IAM User Guide, "IAM identifiers", unique ID
/// prefixes), so policies read back from AWS hold them.
fn is_unique_id(s: &str) -> bool {
    s.len() == 21
        && (s.starts_with("AIDA") || s.starts_with("AROA"))
        && s.bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

/// One principal value of a kind. Values with run-time parts are not judged.
fn check_principal_string<'a, L: Clone>(ctx: &mut Ctx<'a, L>, kind: &str, node: &'a Node<L>) {
    let Some(value) = node.as_literal() else {
        return;
    };
    let problem = match kind {
        "AWS" => aws_principal_problem(value),
        "Service" => service_principal_problem(value),
        "Federated" => federated_principal_problem(value),
        _ => {
            // CanonicalUser: the 64-hex-digit canonical user id of an account (S3).
            let ok = value.len() == 64 && value.bytes().all(|b| b.is_ascii_hexdigit());
            (!ok).then(|| {
                (
                    format!("`{value}` is not a canonical user id"),
                    "a canonical user id is 64 hexadecimal digits".to_owned(),
                )
            })
        }
    };
    if let Some((message, help)) = problem {
        ctx.report_help(&node.loc, Code::InvalidPrincipal, message, help);
    }
}

/// The six fields of an ARN when it has six and a known partition.
fn arn_fields(value: &str) -> Option<[&str; 6]> {
    let fields: Vec<&str> = value.splitn(6, ':').collect();
    let [arn, partition, service, region, account, resource] = fields.as_slice() else {
        return None;
    };
    (*arn == "arn" && query::PARTITIONS.contains(partition))
        .then_some([*arn, *partition, *service, *region, *account, *resource])
}

/// What is wrong with an `AWS` principal ("Principal": AWS account principals, IAM role
/// principals, role session principals, IAM user principals, AWS STS federated user
/// session principals, all principals).
fn aws_principal_problem(value: &str) -> Option<(String, String)> {
    const HELP: &str = "an `AWS` principal is `*`, a 12-digit account id, or an ARN such as `arn:aws:iam::123456789012:root`, `...:user/NAME`, `...:role/NAME`, `arn:aws:sts::123456789012:assumed-role/ROLE/SESSION`";
    if value == "*" || is_account(value) || is_unique_id(value) {
        return None;
    }
    let problem = |message: String| Some((message, HELP.to_owned()));
    let Some([_, _, service, region, account, resource]) = arn_fields(value) else {
        return problem(format!("`{value}` is not an account id or an ARN"));
    };
    if !region.is_empty() {
        return problem(format!("`{value}` has a region; IAM principals have none"));
    }
    // "You cannot use a wildcard to match part of a principal name or ARN."
    if has_wildcard(value) {
        return Some((
            format!("`{value}` has a wildcard; principal ARNs cannot match by pattern"),
            "use `\"AWS\": \"*\"` with a condition such as `aws:PrincipalArn` (`ArnLike`) instead"
                .to_owned(),
        ));
    }
    // A CloudFront origin access identity (legacy OAI) is written with the account
    // `cloudfront` (CloudFront Developer Guide, "Restrict access to an Amazon S3 origin").
    if service == "iam"
        && account == "cloudfront"
        && resource
            .strip_prefix("user/CloudFront Origin Access Identity ")
            .is_some_and(|id| !id.is_empty())
    {
        return None;
    }
    if service != "iam" && service != "sts" {
        return problem(format!(
            "`{value}` is not the ARN of an account, user, role or session"
        ));
    }
    if !is_account(account) {
        return problem(format!("`{value}` does not name a 12-digit account"));
    }
    let named = |prefix: &str| {
        resource
            .strip_prefix(prefix)
            .is_some_and(|rest| !rest.is_empty())
    };
    match service {
        "iam" if resource == "root" || named("user/") || named("role/") => None,
        // "You cannot identify a user group as a principal in a policy (such as a
        // resource-based policy) because groups relate to permissions, not
        // authentication".
        "iam" if resource.starts_with("group/") => Some((
            format!("`{value}` is a user group, and a group cannot be a principal"),
            "name the group's users, or a role its members assume; groups relate to permissions, not authentication".to_owned(),
        )),
        "sts" if named("federated-user/") => None,
        "sts" if named("assumed-role/") => {
            // "arn:aws:sts::AWS-account-ID:assumed-role/role-name/role-session-name"
            let session = resource
                .strip_prefix("assumed-role/")
                .and_then(|rest| rest.split_once('/'))
                .is_some_and(|(role, session)| !role.is_empty() && !session.is_empty());
            (!session).then(|| {
                (
                    format!("`{value}` names no session; an assumed-role principal is `assumed-role/ROLE/SESSION`"),
                    format!(
                        "name the session, or the role itself: `arn:aws:iam::{account}:role/{}`",
                        resource.trim_start_matches("assumed-role/")
                    ),
                )
            })
        }
        _ => problem(format!(
            "`{value}` is not the ARN of an account, user, role or session"
        )),
    }
}

/// What is wrong with a `Service` principal: `NAME.amazonaws.com` ("Principal", AWS service
/// principals: "usually in the following format: service-name.amazonaws.com"), the China
/// form `.amazonaws.com.cn`, or `.amazon.com` (Alexa skills). `*` is not documented, and
/// not judged.
fn service_principal_problem(value: &str) -> Option<(String, String)> {
    if value == "*" {
        return None;
    }
    let name = value
        .strip_suffix(".amazonaws.com")
        .or_else(|| value.strip_suffix(".amazonaws.com.cn"))
        .or_else(|| value.strip_suffix(".amazon.com"));
    let ok = name.is_some_and(|name| {
        !name.is_empty()
            && name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
    });
    if ok {
        return None;
    }
    let help = if value.starts_with("arn:") {
        format!("an ARN is an `AWS` principal: `{{\"AWS\": \"{value}\"}}`")
    } else if !value.contains('.') && model::service(value).is_some() {
        format!(
            "did you mean `{}.amazonaws.com`?",
            value.to_ascii_lowercase()
        )
    } else {
        "service principals are written `SERVICE.amazonaws.com`, e.g. `lambda.amazonaws.com`"
            .to_owned()
    };
    Some((format!("`{value}` is not a service principal"), help))
}

/// What is wrong with a `Federated` principal: a SAML or OIDC provider ARN, or one of the
/// four web identity providers named directly ("Principal", web identity and SAML session
/// principals).
fn federated_principal_problem(value: &str) -> Option<(String, String)> {
    const HELP: &str = "a federated principal is the ARN of an IAM identity provider (`arn:aws:iam::123456789012:saml-provider/NAME`, `arn:aws:iam::123456789012:oidc-provider/HOST`) or `cognito-identity.amazonaws.com`, `www.amazon.com`, `graph.facebook.com` or `accounts.google.com`";
    if value == "*" || WEB_IDENTITY_PROVIDERS.contains(&value) {
        return None;
    }
    if value.starts_with("arn:") {
        let ok = arn_fields(value).is_some_and(|[_, _, service, region, account, resource]| {
            service == "iam"
                && region.is_empty()
                && is_account(account)
                && ["saml-provider/", "oidc-provider/"].iter().any(|p| {
                    resource
                        .strip_prefix(p)
                        .is_some_and(|name| !name.is_empty())
                })
        });
        return (!ok).then(|| {
            (
                format!("`{value}` is not the ARN of a SAML or OIDC identity provider"),
                HELP.to_owned(),
            )
        });
    }
    let help = match suggest(value, WEB_IDENTITY_PROVIDERS.iter().copied()) {
        Some(s) => format!("did you mean `{s}`?"),
        None if value.contains('.') && !value.contains([' ', '/']) => format!(
            "an OIDC provider is named by the ARN of its IAM identity provider: `arn:aws:iam::123456789012:oidc-provider/{value}`"
        ),
        None => HELP.to_owned(),
    };
    Some((
        format!("`{value}` is not an identity provider IAM knows by name"),
        help,
    ))
}

/// `NotPrincipal` works only with `Deny`, and only where the type supports it
/// ("`NotPrincipal`": "`NotPrincipal` must be used with `"Effect":"Deny"`. Using it with
/// "Effect":"Allow" is not supported."; see `kind::Facts::not_principal`).
fn check_not_principal<'a, L: Clone>(ctx: &mut Ctx<'a, L>, statement: &Statement<'a, L>) {
    let Some(member) = statement.not_principal else {
        return;
    };
    let facts = ctx.kind.facts();
    if matches!(facts.principal, PrincipalRule::Forbidden { .. }) {
        return; // principal-not-allowed already.
    }
    if !facts.not_principal {
        ctx.report_help(
            &member.key_loc,
            Code::UnsupportedInPolicyType,
            format!("{} policy does not support `NotPrincipal`", facts.described),
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
            "use `Principal` to allow, or `\"Effect\": \"Deny\"`; AWS recommends `\"Principal\": \"*\"` with an `aws:PrincipalArn` condition instead of `NotPrincipal`",
        );
    }
}

/// Role trust policies grant only the STS actions whose resource is the role
/// ([`TRUST_ACTIONS`]), and take no `Resource`: the role the policy is attached to is the
/// resource (IAM rejects a trust policy with `Resource`: "Has prohibited field Resource").
/// `NotAction` values are not judged: they name what the statement does not cover.
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
    for node in statement.actions(false) {
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

/// RCPs ("RCP syntax"): the elements are `Version`, `Statement`, `Sid`, `Effect`,
/// `Principal`, `Action`, `Resource`, `NotResource` and `Condition` (no `NotPrincipal`, no
/// `NotAction`); `Principal` is `"*"`; "The effect of Allow is only supported for the
/// `RCPFullAWSAccess` policy" (`Allow` of `*` to `*` on `*`); actions belong to services
/// that support RCPs (the catalog's list).
fn check_rcp<'a, L: Clone>(ctx: &mut Ctx<'a, L>, statement: &Statement<'a, L>) {
    // A string other than `*` is already invalid-principal.
    if let Some(principal) = statement.principal
        && principal.value.as_object().is_some()
    {
        ctx.report_help(
            &principal.value.loc,
            Code::UnsupportedInPolicyType,
            "a resource control policy's `Principal` must be `\"*\"`",
            "use `\"Principal\": \"*\"` and narrow it with conditions such as `aws:PrincipalOrgID` or `aws:PrincipalArn`",
        );
    }
    if let Some(not_action) = statement.not_action {
        ctx.report_help(
            &not_action.key_loc,
            Code::UnsupportedInPolicyType,
            "a resource control policy does not support `NotAction`",
            "list the denied actions in `Action`",
        );
    }
    let all_star = |nodes: Vec<&Node<L>>| {
        !nodes.is_empty() && nodes.iter().all(|n| n.as_literal() == Some("*"))
    };
    let full_access = statement.action.is_some()
        && all_star(statement.actions(false))
        && statement.resource.is_some()
        && all_star(statement.resources(false));
    if let Some(effect) = statement.effect
        && effect.value.as_literal() == Some("Allow")
        && !full_access
    {
        ctx.report_help(
            &effect.value.loc,
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

/// "Every RCP must include a Version element with the value "2012-10-17"" ("RCP syntax").
fn check_rcp_version<'a, L: Clone>(ctx: &mut Ctx<'a, L>, policy: &Policy<'a, L>) {
    match policy.version {
        None => ctx.report_help(
            &policy.root.loc,
            Code::UnsupportedInPolicyType,
            "a resource control policy needs `\"Version\": \"2012-10-17\"`",
            "add `\"Version\": \"2012-10-17\"`: AWS Organizations requires it in every RCP",
        ),
        Some(version) if version.value.as_literal() == Some("2008-10-17") => ctx.report_help(
            &version.value.loc,
            Code::UnsupportedInPolicyType,
            "a resource control policy takes only `\"Version\": \"2012-10-17\"`",
            "use `2012-10-17`",
        ),
        Some(_) => {}
    }
}

/// The service an action string names by a literal prefix (a value inserted after the
/// `:` does not hide it); `None` for wildcard or unknown prefixes and for `*`.
fn named_service<L>(node: &Node<L>) -> Option<model::Service> {
    let text = node.as_text()?;
    let Some(Segment::Literal(first)) = text.segments.first() else {
        return None;
    };
    let (prefix, _) = first.split_once(':')?;
    if has_wildcard(prefix) {
        return None;
    }
    model::service(prefix)
}

/// Services whose resource policies name no `Resource`: such a policy is set on one
/// resource, which is the resource of every statement.
/// - `ecr`: Amazon ECR User Guide, "Private repository policy examples": the repository
///   policies there have no `Resource` and "will not work properly if used directly with
///   an IAM principal unless modified to specify the Amazon ECR repository as the
///   resource"; `SetRepositoryPolicy` takes the repository by name.
/// - `ecr-public`: Amazon ECR Public User Guide, "Public repository policy examples"
///   (written the same way; `ecr-public:SetRepositoryPolicy`).
///
/// A `Resource` that such a policy does name is checked as in any resource policy.
const RESOURCE_ELEMENT_OPTIONAL: &[&str] = &["ecr", "ecr-public"];

/// Whether the resource policies of `service` may leave out `Resource`
/// (see [`RESOURCE_ELEMENT_OPTIONAL`]).
pub(crate) fn resource_element_optional(service: model::Service) -> bool {
    RESOURCE_ELEMENT_OPTIONAL
        .iter()
        .any(|p| p.eq_ignore_ascii_case(service.prefix()))
}

/// The service a resource policy is checked for ([`super::Options::service`]): a known
/// prefix, or `unknown-service` at the document with a did-you-mean.
pub(crate) fn check_named_service<'a, L: Clone>(
    ctx: &mut Ctx<'a, L>,
    root: &'a Node<L>,
    prefix: &str,
) -> Option<model::Service> {
    if let Some(service) = model::service(prefix) {
        return Some(service);
    }
    let found = ctx.did_you_mean("service", prefix, || {
        suggest(prefix, model::services().map(model::Service::prefix)).map(str::to_owned)
    });
    let help = match found {
        Some(s) => format!("did you mean `{s}`?"),
        None => "name the service by its prefix, as in its actions (`ecr`, `s3`, `sqs`)".to_owned(),
    };
    ctx.report_help(
        &root.loc,
        Code::UnknownService,
        format!("the resource policy is checked for the service `{prefix}`, but no service has that prefix"),
        help,
    );
    None
}

/// The table row and footnotes a finding rests on, for messages.
#[cfg(test)]
fn row_note(row: &'static CapabilityRow, capability: Capability) -> String {
    Basis::Table(row).note(capability)
}

/// `resource-policy-unsupported`: a resource policy statement every action of which
/// belongs to a service that the capability tables ("AWS services that work with IAM",
/// latest edition first) say takes no resource-based policies. Per-action data cannot say
/// this, so the tables decide. A statement with `*`, a wildcard prefix, an unknown service
/// or a run-time action is not judged: it may name a service that does take them.
fn check_resource_policy_support<'a, L: Clone>(ctx: &mut Ctx<'a, L>, statement: &Statement<'a, L>) {
    let Some(action) = statement.action else {
        return;
    };
    let items: Vec<&Node<L>> = match &action.value.kind {
        NodeKind::Array(items) => items.iter().collect(),
        _ => vec![&action.value],
    };
    let mut unsupported: Vec<(model::Service, Basis)> = Vec::new();
    for node in &items {
        let Some(service) = named_service(node) else {
            return;
        };
        match capability_support(service.prefix(), Capability::ResourceBased) {
            Some((Support::No, basis)) => {
                if !unsupported.iter().any(|(s, _)| *s == service) {
                    unsupported.push((service, basis));
                }
            }
            _ => return,
        }
    }
    let Some(first) = items.first() else {
        return;
    };
    let prefixes: Vec<&str> = unsupported.iter().map(|(s, _)| s.prefix()).collect();
    let message = match prefixes.as_slice() {
        [one] => format!(
            "`{one}` does not support resource-based policies, so this resource policy cannot be attached to its resources"
        ),
        many => format!(
            "{} do not support resource-based policies, so this resource policy cannot be attached to their resources",
            list(many)
        ),
    };
    let sources: Vec<String> = unsupported
        .iter()
        .map(|(_, basis)| basis.note(Capability::ResourceBased))
        .collect();
    ctx.report_help(
        &first.loc,
        Code::ResourcePolicyUnsupported,
        message,
        format!(
            "grant the access in an identity policy instead (source: {})",
            sources.join("; ")
        ),
    );
}

/// `temporary-credentials-unsupported` (warning): a session policy (used with temporary
/// credentials by definition) that allows actions of a service whose capability table row
/// (latest edition first) says it does not accept temporary credentials.
fn check_temporary_credentials<'a, L: Clone>(ctx: &mut Ctx<'a, L>, statement: &Statement<'a, L>) {
    if statement.is_deny() {
        return;
    }
    for node in statement.actions(false) {
        let Some(service) = named_service(node) else {
            continue;
        };
        if let Some((Support::No, basis)) =
            capability_support(service.prefix(), Capability::TemporaryCredentials)
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
                    basis.note(Capability::TemporaryCredentials)
                ),
            );
        }
    }
}

/// `service-linked-role-unsupported` (warning): in a statement that allows
/// `iam:CreateServiceLinkedRole` (or a pattern matching it), a value of
/// `iam:AWSServiceName` (under an operator that names what is allowed, not a `...Not...`
/// one) naming a service principal `PREFIX.amazonaws.com` whose service's table rows say it
/// has no service-linked roles. Principals whose first label is not a known prefix, and
/// sub-principals such as `replication.dynamodb.amazonaws.com`, have no known mapping and
/// are not judged. The newest table is of 2023 and services add service-linked roles over
/// time, so this is a warning, and the principals in
/// [`SERVICE_LINKED_ROLES_SINCE_TABLE`] are known to have them.
fn check_service_linked_roles<'a, L: Clone>(ctx: &mut Ctx<'a, L>, statement: &Statement<'a, L>) {
    if statement.is_deny() {
        return;
    }
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
        if operator.key.contains("Not") {
            continue;
        }
        let Some(keys) = operator.value.as_object() else {
            continue;
        };
        for key in keys {
            if !key.key.eq_ignore_ascii_case("iam:AWSServiceName") {
                continue;
            }
            for value in strings_of(Some(key)) {
                check_service_linked_role(ctx, value);
            }
        }
    }
}

fn check_service_linked_role<'a, L: Clone>(ctx: &mut Ctx<'a, L>, value: &'a Node<L>) {
    let Some(name) = value.as_literal() else {
        return;
    };
    if has_wildcard(name)
        || SERVICE_LINKED_ROLES_SINCE_TABLE
            .iter()
            .any(|(principal, _)| principal.eq_ignore_ascii_case(name))
    {
        return;
    }
    let Some(prefix) = name
        .strip_suffix(".amazonaws.com")
        .filter(|head| !head.contains('.'))
    else {
        return;
    };
    if model::service(prefix).is_none() {
        return; // No known mapping from this principal to a prefix.
    }
    if let Some((Support::No, basis)) = capability_support(prefix, Capability::ServiceLinkedRoles) {
        ctx.report_help(
            &value.loc,
            Code::ServiceLinkedRoleUnsupported,
            format!("`{name}` has no service-linked role to create"),
            format!("source: {}", basis.note(Capability::ServiceLinkedRoles)),
        );
    }
}

/// The condition operator without its set qualifier and `IfExists`.
fn base_operator(operator: &str) -> &str {
    let operator = operator
        .strip_prefix("ForAnyValue:")
        .or_else(|| operator.strip_prefix("ForAllValues:"))
        .unwrap_or(operator);
    operator.strip_suffix("IfExists").unwrap_or(operator)
}

/// Whether some wildcard of `value` has fewer than six consecutive other characters both
/// before and after it.
fn short_wildcard(value: &str) -> bool {
    let chars: Vec<bool> = value.chars().map(|c| c == '*' || c == '?').collect();
    let run = |range: &mut dyn Iterator<Item = usize>| {
        range
            .take_while(|&j| chars.get(j).is_some_and(|w| !w))
            .count()
    };
    chars
        .iter()
        .enumerate()
        .any(|(i, &wild)| wild && run(&mut (0..i).rev()) < 6 && run(&mut (i + 1..chars.len())) < 6)
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
fn check_endpoint<'a, L: Clone>(ctx: &mut Ctx<'a, L>, statement: &Statement<'a, L>) {
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
                        &value.loc,
                        Code::UnsupportedInPolicyType,
                        format!(
                            "a VPC endpoint policy cannot match `{}` with a wildcard: `{text}`",
                            key.key
                        ),
                        "list the identifiers exactly, with `StringEquals`",
                    );
                } else if string_like && short_wildcard(text) {
                    ctx.report_help(
                        &value.loc,
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
fn check_endpoint_arn<'a, L: Clone>(ctx: &mut Ctx<'a, L>, node: &'a Node<L>) {
    let Some(text) = node.as_literal() else {
        return;
    };
    if text.contains("${") {
        return;
    }
    let fields: Vec<&str> = text.splitn(6, ':').collect();
    let [arn, _, _, _, account, _] = fields.as_slice() else {
        return;
    };
    if *arn == "arn" && has_wildcard(account) && account.chars().any(|c| c != '*' && c != '?') {
        ctx.report_help(
            &node.loc,
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
fn check_characters<'a, L: Clone>(ctx: &mut Ctx<'a, L>, root: &'a Node<L>) {
    let mut stack = vec![root];
    while let Some(node) = stack.pop() {
        match &node.kind {
            NodeKind::String(text) => {
                let bad = text.segments.iter().find_map(|segment| match segment {
                    Segment::Literal(s) => first_disallowed(s),
                    Segment::Hole(_) => None,
                });
                if let Some(c) = bad {
                    report_character(ctx, &node.loc, c);
                }
            }
            NodeKind::Array(items) => stack.extend(items.iter().rev()),
            NodeKind::Object(members) => {
                for member in members.iter().rev() {
                    if let Some(c) = first_disallowed(&member.key) {
                        report_character(ctx, &member.key_loc, c);
                    }
                    stack.push(&member.value);
                }
            }
            NodeKind::Null | NodeKind::Bool(_) | NodeKind::Number(_) | NodeKind::Opaque(_) => {}
        }
    }
}

fn report_character<'a, L: Clone>(ctx: &mut Ctx<'a, L>, at: &'a L, c: char) {
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
mod tests {
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
            .filter(|s| {
                capability_support(s.prefix(), capability).map(|(s, _)| s) == Some(Support::No)
            })
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
        let not_action = doc(
            r#"{"Effect":"Deny","Principal":{"AWS":"123456789012"},"NotAction":"s3:GetObject"}"#,
        );
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
                &doc(
                    r#"{"Effect":"Deny","Principal":"*","NotAction":"s3:GetObject","Resource":"*"}"#,
                ),
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
        let star = slr("StringEquals", "sqs.amazonaws.com")
            .replace("iam:CreateServiceLinkedRole", "iam:*");
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
        assert!(
            findings_kind(&policy.replace('\u{2019}', "\u{e9}"), PolicyKind::Identity).is_empty()
        );
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
        assert_eq!(codes(&found), []);
    }
}

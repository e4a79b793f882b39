//! Principals: presence per policy type, the value's shape, each kind's entries (`AWS`
//! accounts, ARNs and unique ids, service principals, federated providers),
//! `NotPrincipal` (IAM User Guide, "AWS JSON policy elements: Principal" and
//! "`NotPrincipal`").

#[allow(
    clippy::wildcard_imports,
    reason = "a part of the parent module, split for size"
)]
use super::*;

/// `missing-principal` / `principal-not-allowed` (the type's `PrincipalRule`).
pub(super) fn check_principal_presence(ctx: &mut Ctx, statement: &Statement<'_>) {
    let facts = ctx.kind.facts();
    match (
        facts.principal,
        statement.principal.or(statement.not_principal),
    ) {
        (PrincipalRule::Required { help }, None) => ctx.report_help(
            statement.node.loc,
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
            member.key_loc,
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
pub(super) fn check_principal_value<'a>(ctx: &mut Ctx, member: &'a Member<'a>) {
    match &member.value.kind {
        NodeKind::Opaque(_) => {}
        NodeKind::String(text) => {
            if text.as_literal().is_some_and(|s| s != "*") {
                ctx.report_help(
                    member.value.loc,
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
                    member.value.loc,
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
            member.value.loc,
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
pub(super) fn check_principal_entry<'a>(ctx: &mut Ctx, entry: &'a Member<'a>) {
    if !PRINCIPAL_KINDS.contains(&entry.key.as_ref()) {
        let help = match suggest(&entry.key, PRINCIPAL_KINDS.iter().copied()) {
            Some(s) => format!("did you mean `{s}`?"),
            None => format!("the principal kinds are {}", list(PRINCIPAL_KINDS)),
        };
        ctx.report_help(
            entry.key_loc,
            Code::InvalidPrincipal,
            format!("`{}` is not a kind of principal", entry.key),
            help,
        );
        return;
    }
    match &entry.value.kind {
        NodeKind::Array(items) if items.is_empty() => ctx.report(
            entry.value.loc,
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
            entry.value.loc,
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
pub(super) fn is_unique_id(s: &str) -> bool {
    s.len() == 21
        && (s.starts_with("AIDA") || s.starts_with("AROA"))
        && s.bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

/// One principal value of a kind. Values with run-time parts are not judged.
pub(super) fn check_principal_string<'a>(ctx: &mut Ctx, kind: &str, node: &'a Node<'a>) {
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
        ctx.report_help(node.loc, Code::InvalidPrincipal, message, help);
    }
}

/// The six fields of an ARN when it has six and a known partition.
pub(super) fn arn_fields(value: &str) -> Option<[&str; 6]> {
    crate::arn::six(value).filter(|[_, partition, ..]| query::PARTITIONS.contains(partition))
}

/// What is wrong with an `AWS` principal ("Principal": AWS account principals, IAM role
/// principals, role session principals, IAM user principals, AWS STS federated user
/// session principals, all principals).
pub(super) fn aws_principal_problem(value: &str) -> Option<(String, String)> {
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
pub(super) fn service_principal_problem(value: &str) -> Option<(String, String)> {
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
pub(super) fn federated_principal_problem(value: &str) -> Option<(String, String)> {
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
pub(super) fn check_not_principal(ctx: &mut Ctx, statement: &Statement<'_>) {
    let Some(member) = statement.not_principal else {
        return;
    };
    let facts = ctx.kind.facts();
    if matches!(facts.principal, PrincipalRule::Forbidden { .. }) {
        return; // principal-not-allowed already.
    }
    if !facts.not_principal {
        ctx.report_help(
            member.key_loc,
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
            member.key_loc,
            Code::UnsupportedInPolicyType,
            "`NotPrincipal` works only in `Deny` statements",
            "use `Principal` to allow, or `\"Effect\": \"Deny\"`; AWS recommends `\"Principal\": \"*\"` with an `aws:PrincipalArn` condition instead of `NotPrincipal`",
        );
    }
}

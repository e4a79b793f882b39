//! The service capabilities that depend on the policy type ("AWS services that work with
//! IAM", in the catalog): resource-based policies, temporary credentials, service-linked
//! roles, and the service a resource policy names.

#[allow(
    clippy::wildcard_imports,
    reason = "a part of the parent module, split for size"
)]
use super::*;

/// The service an action string names by a literal prefix (a value inserted after the
/// `:` does not hide it); `None` for wildcard or unknown prefixes and for `*`.
pub(super) fn named_service(node: &Node) -> Option<model::Service> {
    let text = node.as_text()?;
    let Some(Segment::Literal(first)) = text.segments().first() else {
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
pub(super) const RESOURCE_ELEMENT_OPTIONAL: &[&str] = &["ecr", "ecr-public"];

/// Whether the resource policies of `service` may leave out `Resource`
/// (see [`RESOURCE_ELEMENT_OPTIONAL`]).
pub(crate) fn resource_element_optional(service: model::Service) -> bool {
    RESOURCE_ELEMENT_OPTIONAL
        .iter()
        .any(|p| p.eq_ignore_ascii_case(service.prefix()))
}

/// The service a resource policy is checked for ([`super::Options::service`]): a known
/// prefix, or `unknown-service` at the document with a did-you-mean.
pub(crate) fn check_named_service<'a>(
    ctx: &mut Ctx,
    root: &'a Node<'a>,
    prefix: &str,
) -> Option<model::Service> {
    if let Some(service) = model::service(prefix) {
        return Some(service);
    }
    let found = ctx.did_you_mean("service", prefix, &|| {
        suggest(prefix, model::services().map(model::Service::prefix)).map(str::to_owned)
    });
    let help = match found {
        Some(s) => format!("did you mean `{s}`?"),
        None => "name the service by its prefix, as in its actions (`ecr`, `s3`, `sqs`)".to_owned(),
    };
    ctx.report_help(
        root.loc,
        Code::UnknownService,
        format!("the resource policy is checked for the service `{prefix}`, but no service has that prefix"),
        help,
    );
    None
}

/// The table row and footnotes a finding rests on, for messages.
#[cfg(test)]
pub(super) fn row_note(row: &'static CapabilityRow, capability: Capability) -> String {
    Basis::Table(row).note(capability)
}

/// `resource-policy-unsupported`: a resource policy statement every action of which
/// belongs to a service that the capability tables ("AWS services that work with IAM",
/// latest edition first) say takes no resource-based policies. Per-action data cannot say
/// this, so the tables decide. A statement with `*`, a wildcard prefix, an unknown service
/// or a run-time action is not judged: it may name a service that does take them.
pub(super) fn check_resource_policy_support(ctx: &mut Ctx, statement: &Statement<'_>) {
    let Some(action) = statement.action else {
        return;
    };
    let items: Vec<&Node> = match &action.value.kind {
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
        first.loc,
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
pub(super) fn check_temporary_credentials(ctx: &mut Ctx, statement: &Statement<'_>) {
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
                node.loc,
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
pub(super) fn check_service_linked_roles(ctx: &mut Ctx, statement: &Statement<'_>) {
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

pub(super) fn check_service_linked_role<'a>(ctx: &mut Ctx, value: &'a Node<'a>) {
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
            value.loc,
            Code::ServiceLinkedRoleUnsupported,
            format!("`{name}` has no service-linked role to create"),
            format!("source: {}", basis.note(Capability::ServiceLinkedRoles)),
        );
    }
}

/// The condition operator without its set qualifier and `IfExists`.
pub(super) fn base_operator(operator: &str) -> &str {
    let operator = operator
        .strip_prefix("ForAnyValue:")
        .or_else(|| operator.strip_prefix("ForAllValues:"))
        .unwrap_or(operator);
    operator.strip_suffix("IfExists").unwrap_or(operator)
}

/// Whether some wildcard of `value` has fewer than six consecutive other characters both
/// before and after it.
pub(super) fn short_wildcard(value: &str) -> bool {
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

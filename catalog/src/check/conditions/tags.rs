//! Tag condition keys: whether a service authorizes on tags, and whether a tag key
//! applies to the statement's actions (IAM User Guide, "Controlling access to AWS
//! resources using tags").

#[allow(
    clippy::wildcard_imports,
    reason = "a part of the parent module, split for size"
)]
use super::*;

/// Whether a key name is a tag key: `.../ResourceTag/...`, `.../RequestTag/...` or
/// `...:TagKeys`, for `aws:` or a service prefix.
pub(super) fn is_tag_key(name: &str) -> bool {
    let Some((_, rest)) = name.split_once(':') else {
        return false;
    };
    let lower = rest.to_ascii_lowercase();
    lower.starts_with("resourcetag/") || lower.starts_with("requesttag/") || lower == "tagkeys"
}

/// A global tag key: `aws:ResourceTag/...`, `aws:RequestTag/...` or `aws:TagKeys`.
pub(super) fn is_global_tag_key(name: &str) -> bool {
    name.get(..4)
        .is_some_and(|p| p.eq_ignore_ascii_case("aws:"))
        && is_tag_key(name)
}

/// Whether the per-action data of a service mentions any tag key at all: at the service
/// level, on an action, or on a resource type.
pub(super) fn service_mentions_tags(service: Service) -> bool {
    service.condition_keys().any(|k| is_tag_key(k.name()))
        || service.actions().any(|a| {
            a.condition_keys().any(is_tag_key)
                || a.resource_types().any(|ar| {
                    ar.condition_keys().any(is_tag_key)
                        || ar.resource_type().condition_keys().any(is_tag_key)
                })
        })
}

/// The global tag keys (`aws:ResourceTag/...`, `aws:RequestTag/...`, `aws:TagKeys`) work
/// only for services that support authorization based on tags (IAM User Guide, "AWS
/// services that work with IAM", column "Authorization based on tags"; Access Analyzer:
/// "Deny with unsupported tag condition key for service"). The per-action data decides
/// first: a service any of whose actions, resource types or service-level keys name a tag
/// key supports them. Only where that data is silent and the capability table says `No`
/// is the key reported: an `Allow` with it grants nothing for that service, a `Deny` with
/// it never denies. Service-prefixed tag keys (`s3:ExistingObjectTag/...`,
/// `ec2:ResourceTag/...`) are defined by the service itself, so their existence is the
/// support; the key lookup covers them.
pub(super) fn check_tag_support<'a>(ctx: &mut Ctx, scope: &Scope, key: &'a Member<'a>) {
    let Some(actions) = &scope.actions else {
        return;
    };
    if !is_global_tag_key(&key.key) {
        return;
    }
    let mut lister = Lister::new(&key.key);
    for &service in &scope.services {
        let of_service: Vec<Action> = actions
            .iter()
            .copied()
            .filter(|a| a.service() == service)
            .collect();
        if lister.lists_any(&of_service) || service_mentions_tags(service) {
            continue;
        }
        let Some((Support::No, basis)) =
            capability::capability_support(service.prefix(), Capability::TagBased)
        else {
            continue;
        };
        let source = match basis {
            Basis::Table(row) => {
                let footnotes: Vec<String> = row
                    .footnotes_for(Capability::TagBased)
                    .map(|f| format!(" (footnote {}: {})", f.number, f.text))
                    .collect();
                format!(
                    "the {} of \"AWS services that work with IAM\" says No for {}{}",
                    row.edition_name(),
                    row.name,
                    footnotes.concat()
                )
            }
            Basis::Override(o) => o.note(),
        };
        let affected: Vec<String> = actions
            .iter()
            .filter(|a| a.service() == service)
            .map(ToString::to_string)
            .collect();
        let affected: Vec<&str> = affected.iter().map(String::as_str).collect();
        let shown = if affected.len() > 3 {
            format!(
                "{} and {} more",
                list(affected.get(..2).unwrap_or_default()),
                affected.len() - 2
            )
        } else {
            list(&affected)
        };
        ctx.report_help(
            key.key_loc,
            Code::TagAuthorizationUnsupported,
            format!(
                "`{}` has no effect on {shown}: `{}` does not support authorization based on tags",
                key.key,
                service.prefix()
            ),
            format!(
                "{source}, and no action or resource type of `{}` lists a tag key; move these actions to a statement without the tag condition",
                service.prefix()
            ),
        );
    }
}

/// `tag-key-not-applicable`: a global tag key (`aws:ResourceTag/...`,
/// `aws:RequestTag/...`, `aws:TagKeys`) on actions that do not carry it, in a service that
/// does support tags (the services that do not are `tag-authorization-unsupported`). The
/// per-action data decides: an action carries the key when it, or one of its resource
/// types, lists it (Service Authorization Reference). For the other actions the key is
/// absent from the request, so an `Allow` conditioned on it does not allow them and a
/// `Deny` does not deny them (Access Analyzer: "Deny with unsupported tag condition key
/// for service", a security warning; "Allow with unsupported tag condition key for
/// service", a suggestion; "Unsupported action for condition key"). A warning: the
/// reference is incomplete, and `...IfExists` operators and `Null` are meant for absent
/// keys, so they are left alone.
pub(super) fn check_tag_key_applicable<'a>(
    ctx: &mut Ctx,
    scope: &Scope,
    operator: Option<Operator>,
    key: &'a Member<'a>,
) {
    let Some(actions) = &scope.actions else {
        return;
    };
    if operator.is_none_or(|o| o.if_exists || o.family == Family::Null) {
        return;
    }
    if !is_global_tag_key(&key.key) {
        return;
    }
    let mut lister = Lister::new(&key.key);
    let mut missing: Vec<String> = Vec::new();
    for &action in actions {
        // A service that lists the key nowhere is `tag-authorization-unsupported`'s
        // (or, where its table is silent, unknown).
        if !lister.in_service(action.service()) || lister.lists(action) {
            continue;
        }
        missing.push(action.to_string());
    }
    if missing.is_empty() {
        return;
    }
    let shown: Vec<&str> = missing.iter().map(String::as_str).collect();
    let shown = if shown.len() > 3 {
        format!(
            "{} and {} more",
            list(shown.get(..2).unwrap_or_default()),
            shown.len() - 2
        )
    } else {
        list(&shown)
    };
    let (verb, pronoun) = if missing.len() == 1 {
        ("does", "it")
    } else {
        ("do", "them")
    };
    let effect = if scope.deny { "deny" } else { "allow" };
    ctx.report_help(
        key.key_loc,
        Code::TagKeyNotApplicable,
        format!(
            "{shown} {verb} not carry `{}`, so the statement does not {effect} {pronoun}",
            key.key
        ),
        "no resource type of these actions lists the key in the Service Authorization Reference; move them to a statement without the tag condition",
    );
}

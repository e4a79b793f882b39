//! Resources: ARN syntax (fields, partition, account), and whether the statement's
//! resources fit the resource types of its actions.
//!
//! Sources: IAM User Guide, "IAM JSON policy elements: Resource"
//! (`reference_policies_elements_resource.html`) and "IAM identifiers" (ARN format
//! `arn:partition:service:region:account-id:resource`); the Service Authorization
//! Reference for each action's resource types and their ARN formats ("Actions that have
//! no resources listed [...] support only `*`"). A resource pattern fits a resource type
//! when both can match one common ARN ([`crate::query`]); a named action none of whose
//! types fits any resource of its statement is never allowed (or denied) by it.

use super::actions::Resolved;
use super::{Ctx, Policy, Statement};
use crate::model::{Action, ResourceType, RowMemo, Service};
use crate::query::{
    ArnError, FieldPattern, FormatPattern, PARTITIONS, ResourcePattern, fits_across_fields,
    fits_format,
};
use crate::suggest::suggest;
use crate::wildcard::WildcardOnly;
use crate::{Code, Member, Node, NodeKind, Text};

mod arns;
mod fit;

pub use arns::is_region_name;
use arns::{check_arn, with_field};
#[cfg(test)]
use fit::format_services;
use fit::{Fitter, check_action_fits, check_resource_fits, join_or};

/// A resource string as the fitting rules see it.
enum Resource {
    /// Made only of `*`: every resource.
    Star,
    /// An ARN pattern.
    Arn(ResourcePattern),
    /// Not an ARN (reported) or not known until run time.
    Unusable,
    /// Inserted values where the fields are: could be anything, `*` included.
    Unknown,
}

/// Checks the statement's resources: each string of `Resource` and `NotResource` is `*`
/// or a well-formed ARN with a known partition and account; then, for statements with
/// `Action` and `Resource`, each action fits some resource and each resource fits some
/// action.
pub(crate) fn check_resources<'a>(ctx: &mut Ctx, _policy: &Policy<'a>, statement: &Statement<'a>) {
    let mut resources = Vec::new();
    for not in [false, true] {
        for node in statement.resources(not) {
            let resource = check_arn(ctx, node);
            if !not {
                resources.push((node, resource));
            }
        }
    }
    let (Some(action), Some(resource)) = (statement.action, statement.resource) else {
        // `NotAction` and `NotResource` grant by exclusion: nothing to fit.
        return;
    };
    if has_opaque(resource)
        || resources
            .iter()
            .any(|(_, r)| matches!(r, Resource::Unknown | Resource::Unusable))
    {
        return;
    }
    if !resources.iter().any(|(_, r)| matches!(r, Resource::Arn(_))) {
        // Only `*`: everything fits.
        return;
    }
    let actions = statement.named(false);
    let arns: Vec<(&'a Node<'a>, &ResourcePattern)> = resources
        .iter()
        .filter_map(|(node, r)| match r {
            Resource::Arn(pattern) => Some((*node, pattern)),
            _ => None,
        })
        .collect();
    let has_star = resources.iter().any(|(_, r)| matches!(r, Resource::Star));
    let mut fitter = Fitter::new(&arns);
    let mut reported: Vec<(usize, Code)> = Vec::new();
    check_wildcard_only(ctx, statement, actions, &arns, has_star);
    let any_fits = check_action_fits(
        ctx,
        statement,
        actions,
        has_star,
        &mut fitter,
        &mut reported,
    );
    let all_known = !has_opaque(action);
    check_resource_fits(
        ctx,
        actions,
        all_known,
        any_fits,
        &mut fitter,
        &mut reported,
    );
}

/// Whether an element's value, or one of its items, is only known at run time.
fn has_opaque(member: &Member) -> bool {
    match &member.value.kind {
        NodeKind::Opaque(_) => true,
        NodeKind::Array(items) => items.iter().any(|n| matches!(n.kind, NodeKind::Opaque(_))),
        _ => false,
    }
}

/// `wildcard-resource-required` and `wildcard-resource-scoped`: an action with no resource
/// type (the reference lists none: "you must specify all resources (`*`) in the Resource
/// element") in a statement without `"Resource": "*"`. What IAM evaluates for the action
/// decides ([`crate::wildcard`]): `"*"` only (the default) is an error; a known request
/// ARN is an error only when no resource of the statement can match it; scoped by
/// AWS-authored policies, request ARN unknown, is a warning citing them, when the
/// statement's resources are ARNs of a service those policies use (else an error).
/// Reported at each such action, with the statement split that fixes it.
fn check_wildcard_only<'a>(
    ctx: &mut Ctx,
    statement: &Statement<'a>,
    actions: &[(&'a Node<'a>, Resolved)],
    arns: &[(&'a Node<'a>, &ResourcePattern)],
    has_star: bool,
) {
    if has_star {
        return;
    }
    let mut required: Vec<(&'a Node<'a>, String)> = Vec::new();
    let mut scoped: Vec<(&'a Node<'a>, String)> = Vec::new();
    for (node, resolved) in actions {
        let Resolved::Named(action) = resolved else {
            continue;
        };
        let Some(class) = action.wildcard_only() else {
            continue;
        };
        if covers_service(arns, *action) {
            continue;
        }
        let shown = node.as_text().map(Text::display).unwrap_or_default();
        let star_only = || {
            format!(
                "`{shown}` supports no resource types, so it needs `\"Resource\": \"*\"`, which the statement does not have"
            )
        };
        match class {
            WildcardOnly::Star { .. } => required.push((node, star_only())),
            WildcardOnly::Request { arns: request, .. } => {
                if !matches_request(arns, request) {
                    let shown_arns: Vec<String> =
                        request.iter().map(|a| format!("`{a}`")).collect();
                    required.push((
                        node,
                        format!(
                            "`{shown}` supports no resource types; the service authorizes it on {}, which no resource of the statement matches",
                            join_or(&shown_arns)
                        ),
                    ));
                }
            }
            WildcardOnly::Scoped(evidence) => {
                if arns.iter().any(|(_, p)| evidence.fits_service(&p.service)) {
                    let first = evidence
                        .cited
                        .first()
                        .copied()
                        .unwrap_or("AWS managed policies");
                    let others = evidence.policies.saturating_sub(1);
                    let more = match others {
                        0 => String::new(),
                        1 => " and 1 other".to_owned(),
                        n => format!(" and {n} others"),
                    };
                    scoped.push((
                        node,
                        format!(
                            "`{shown}` supports no resource types in the Service Authorization Reference, but AWS-authored policies grant it on ARNs ({first}{more}); which ARN IAM checks for it is not documented"
                        ),
                    ));
                } else {
                    required.push((node, star_only()));
                }
            }
        }
    }
    for (findings, code) in [
        (required, Code::WildcardResourceRequired),
        (scoped, Code::WildcardResourceScoped),
    ] {
        if findings.is_empty() {
            continue;
        }
        let names: Vec<String> = findings
            .iter()
            .filter_map(|(n, _)| n.as_text().map(Text::display))
            .collect();
        let help = split_help(statement, &names, findings.len() == actions.len());
        for (node, message) in findings {
            ctx.report_help(node.loc, code, message, help.clone());
        }
    }
}

/// Whether some resource of the statement can match one of the ARNs the service
/// authorizes the request on (the partition is checked separately, as for formats).
fn matches_request(arns: &[(&Node<impl Sized>, &ResourcePattern)], request: &[&str]) -> bool {
    request
        .iter()
        .filter_map(|arn| FormatPattern::parse_request(arn))
        .any(|format| arns.iter().any(|(_, p)| fits_format(p, &format)))
}

/// Whether some resource is the catch-all ARN of the action's service: its service field
/// fits the prefix and its region, account and resource fields are empty or only `*`
/// (`arn:aws:s3:::*`, `arn:aws:ssm-sap:*:*:*`). The Amazon S3 User Guide grants
/// `s3:ListAllMyBuckets` and `s3:CreateBucket` with `"Resource": "arn:aws:s3:::*"`
/// ("Amazon S3 actions": "set the relative-id part of the Resource ARN to `*`"), so such
/// an ARN works at least there. Whether every service matches catch-all ARNs for its
/// wildcard-only actions is not documented; they are accepted, so that no working policy
/// gets an error.
fn covers_service(arns: &[(&Node<impl Sized>, &ResourcePattern)], action: Action) -> bool {
    let prefix = FieldPattern::literal_text(action.service().prefix());
    // Only `*`s, or nothing: every token may repeat zero times.
    let star_or_empty = FieldPattern::can_be_empty;
    arns.iter().any(|(_, p)| {
        p.service.overlaps(&prefix)
            && star_or_empty(&p.region)
            && star_or_empty(&p.account)
            && star_or_empty(&p.resource)
    })
}

/// "move `a` and `b` to a statement of its own: {...}" (the new statement has the same
/// `Effect` and `Condition`).
/// When `whole`, the moved actions are all the statement has: the statement itself takes
/// `"Resource": "*"`.
fn split_help(statement: &Statement<'_>, names: &[String], whole: bool) -> String {
    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
    let effect = statement
        .effect
        .and_then(|m| m.value.as_literal())
        .filter(|e| *e == "Allow" || *e == "Deny")
        .unwrap_or("Allow");
    let mut json = format!("{{\"Effect\": \"{effect}\", \"Action\": [");
    for (i, name) in names.iter().enumerate() {
        if i > 0 {
            json.push_str(", ");
        }
        json.push('"');
        crate::view::escape_json_into(&mut json, name);
        json.push('"');
    }
    json.push_str("], \"Resource\": \"*\"");
    if let Some(condition) = statement.condition {
        json.push_str(", \"Condition\": ");
        json.push_str(&crate::view::json_display(&condition.value));
    }
    json.push('}');
    if whole {
        format!("use `\"Resource\": \"*\"`: {json}")
    } else {
        format!(
            "move {} to a statement of its own: {json}",
            super::structure::list(&refs)
        )
    }
}

/// "grants nothing" or "denies nothing".
fn nothing(statement: &Statement<'_>) -> &'static str {
    if statement.is_deny() {
        "denies nothing"
    } else {
        "grants nothing"
    }
}

/// The actions a resolved action string stands for (none when unknown).
fn matched(resolved: &Resolved) -> Vec<Action> {
    match resolved {
        Resolved::Named(action) => vec![*action],
        Resolved::Pattern(pattern) => pattern.actions(),
        Resolved::Unknown => Vec::new(),
    }
}

#[cfg(test)]
mod tests;

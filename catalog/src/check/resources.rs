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

use std::fmt::Write as _;

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

// ---------------------------------------------------------------------------------------
// ARN syntax
// ---------------------------------------------------------------------------------------

const ARN_SHAPE: &str = "a resource is `*` or an ARN `arn:partition:service:region:account:resource`, e.g. `arn:aws:s3:::my-bucket/*`";

/// `invalid-arn`, `invalid-partition`, `invalid-account`: a resource string is `*` or an
/// ARN of six `:`-separated fields ("IAM identifiers", ARN format) whose partition is one
/// AWS has (`aws`, `aws-cn`, `aws-us-gov`, the ISO partitions; IAM rejects others with
/// "Partition ... is not valid") and whose account field is empty, 12 digits, `aws`
/// (AWS-owned resources such as managed policies), or a pattern.
fn check_arn<'a>(ctx: &mut Ctx, node: &'a Node<'a>) -> Resource {
    let Some(text) = node.as_text() else {
        return Resource::Unknown;
    };
    if let Some(literal) = text.as_literal() {
        if literal.is_empty() {
            // `structure` reports empty strings.
            return Resource::Unusable;
        }
        if literal.bytes().all(|b| b == b'*') {
            return Resource::Star;
        }
    }
    let shown = text.display();
    let pattern = match ResourcePattern::parse(text) {
        Ok(pattern) => pattern,
        // An inserted value may hold several fields (a whole ARN): nothing to say.
        Err(_) if text.has_holes() => return Resource::Unknown,
        Err(ArnError::NotAnArn | ArnError::TooFewFields(1)) => {
            ctx.report_help(
                node.loc,
                Code::InvalidArn,
                format!("`{shown}` is not an ARN"),
                ARN_SHAPE,
            );
            return Resource::Unusable;
        }
        Err(ArnError::TooFewFields(n)) => {
            ctx.report_help(
                node.loc,
                Code::InvalidArn,
                format!("`{shown}` has {n} of the 6 fields of an ARN"),
                ARN_SHAPE,
            );
            return Resource::Unusable;
        }
    };
    let fields = crate::arn::fields(&shown);
    check_partition(ctx, node, &shown, &fields, &pattern);
    check_account(ctx, node, &shown, &fields, &pattern);
    check_region_name(ctx, node, &shown, &pattern);
    Resource::Arn(pattern)
}

/// The partition matches one AWS has.
fn check_partition<'a>(
    ctx: &mut Ctx,
    node: &'a Node<'a>,
    shown: &str,
    fields: &[&str],
    pattern: &ResourcePattern,
) {
    let known = PARTITIONS
        .iter()
        .any(|p| pattern.partition.overlaps(&FieldPattern::literal_text(p)));
    if known {
        return;
    }
    let partition = fields.get(1).copied().unwrap_or_default();
    let message = if partition.is_empty() {
        format!("`{shown}` has no partition")
    } else {
        format!("unknown partition `{partition}` in `{shown}`")
    };
    // The closest partition, however far: partition names are few and differ by
    // segments (`aws-gov` → `aws-us-gov`), beyond the usual did-you-mean distance.
    let closest = suggest(partition, PARTITIONS.iter().copied()).or_else(|| {
        PARTITIONS
            .iter()
            .copied()
            .filter(|p| {
                p.split('-')
                    .all(|segment| partition.split('-').any(|s| s == segment) || segment == "us")
                    && partition.split('-').all(|s| p.split('-').any(|q| q == s))
            })
            .min_by_key(|p| crate::suggest::edit_distance(partition, p, 16))
    });
    let help = match closest {
        Some(close) => format!("did you mean `{close}`? `{}`", with_field(fields, 1, close)),
        None => format!(
            "the partitions are {}; most resources are in `aws`: `{}`",
            super::structure::list(PARTITIONS),
            with_field(fields, 1, "aws")
        ),
    };
    ctx.report_help(node.loc, Code::InvalidPartition, message, help);
}

/// A literal, non-empty region field is a Region name: lowercase words joined by `-`,
/// ending in a number (`us-east-1`, `us-gov-west-1`, `cn-northwest-1`, `eusc-de-east-1`;
/// AWS General Reference, "AWS Regions"). Only the shape is checked, so Regions newer than
/// the catalog pass. Whether the resource type takes a region at all is the fitting
/// rule's question. Measured on the three corpora: every literal region field fits the
/// shape but the documentation placeholders `region`, `<region>` and `REGION`.
fn check_region_name<'a>(
    ctx: &mut Ctx,
    node: &'a Node<'a>,
    shown: &str,
    pattern: &ResourcePattern,
) {
    let Some(region) = pattern.region.literal() else {
        return; // a wildcard, an inserted value or a policy variable
    };
    if region.is_empty() || is_region_name(&region) {
        return;
    }
    ctx.report_help(
        node.loc,
        Code::InvalidRegion,
        format!("`{region}` in `{shown}` is not an AWS Region name"),
        "write a Region code such as `us-east-1`, or `*` for any Region",
    );
}

/// Whether `s` has the shape of a Region code: lowercase words joined by `-`, ending in a
/// number (AWS General Reference, "AWS Regions"). Only the shape is checked.
pub fn is_region_name(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    parts.len() >= 3
        && parts.split_last().is_some_and(|(last, words)| {
            !last.is_empty()
                && last.bytes().all(|b| b.is_ascii_digit())
                && words
                    .iter()
                    .all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase()))
        })
}

/// A literal account field is empty, 12 digits or `aws`.
fn check_account<'a>(
    ctx: &mut Ctx,
    node: &'a Node<'a>,
    shown: &str,
    fields: &[&str],
    pattern: &ResourcePattern,
) {
    let Some(account) = pattern.account.literal() else {
        return; // a wildcard, an inserted value or a policy variable
    };
    let digits12 = |s: &str| s.len() == 12 && s.bytes().all(|b| b.is_ascii_digit());
    if account.is_empty() || account == "aws" || digits12(&account) {
        return;
    }
    let message = format!("the account `{account}` in `{shown}` is not a 12-digit account id");
    let stripped: String = account
        .chars()
        .filter(|c| !matches!(c, '-' | ' '))
        .collect();
    let help = if digits12(&stripped) {
        format!(
            "write the account id without separators: `{}`",
            with_field(fields, 4, &stripped)
        )
    } else {
        "write the 12-digit account id, `*` for any account, or `aws` for resources AWS owns (managed policies)".to_owned()
    };
    ctx.report_help(node.loc, Code::InvalidAccount, message, help);
}

/// The ARN with field `index` replaced by `value`.
fn with_field(fields: &[&str], index: usize, value: &str) -> String {
    let parts: Vec<&str> = fields
        .iter()
        .enumerate()
        .map(|(i, f)| if i == index { value } else { f })
        .collect();
    parts.join(":")
}

// ---------------------------------------------------------------------------------------
// Fitting
// ---------------------------------------------------------------------------------------

/// How a field must change for a resource to fit a format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FieldFix {
    /// The format has nothing there: drop the field's text.
    Remove,
    /// The format needs a value where the resource has none.
    Add,
    /// The field has another value than the format allows.
    Other,
}

/// How well one resource fits one resource type, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fit {
    /// Some ARN matches both.
    Yes,
    /// It would fit if the region field did.
    Region(FieldFix, ResourceType),
    /// It would fit if the account field did.
    Account(FieldFix, ResourceType),
    /// It does not fit.
    No,
}

impl Fit {
    fn rank(self) -> u8 {
        match self {
            Fit::Yes => 3,
            Fit::Region(..) => 2,
            Fit::Account(..) => 1,
            Fit::No => 0,
        }
    }

    fn better(self, other: Fit) -> Fit {
        if other.rank() > self.rank() {
            other
        } else {
            self
        }
    }
}

/// Fits of a statement's resources to resource types, cached for the statement: each
/// resource type's formats are parsed once, and fitted to every resource at once.
struct Fitter<'a, 'p> {
    /// The resource strings that are ARNs.
    nodes: Vec<&'a Node<'a>>,
    /// Their patterns.
    patterns: Vec<&'p ResourcePattern>,
    /// The literal service field of each resource, for a quick rejection.
    services: Vec<Option<String>>,
    /// Per resource type, the fit of each resource.
    /// Per resource type, by catalog row, the fit of each resource (sorted by row: a
    /// binary search is cheaper than hashing, above all unoptimized).
    fits: Vec<(usize, Vec<Fit>)>,
}

impl<'a, 'p> Fitter<'a, 'p> {
    fn new(resources: &[(&'a Node<'a>, &'p ResourcePattern)]) -> Self {
        Self {
            nodes: resources.iter().map(|(n, _)| *n).collect(),
            patterns: resources.iter().map(|(_, p)| *p).collect(),
            services: resources.iter().map(|(_, p)| p.service.literal()).collect(),
            fits: Vec::new(),
        }
    }

    /// How each resource fits `rt`.
    fn fits_of(&mut self, rt: ResourceType) -> &[Fit] {
        let Self {
            patterns,
            services,
            fits,
            ..
        } = self;
        let row = rt.row();
        let index = match fits.binary_search_by_key(&row, |(r, _)| *r) {
            Ok(index) => index,
            Err(index) => {
                fits.insert(index, (row, compute(patterns, services, rt)));
                index
            }
        };
        fits.get(index).map_or(&[], |(_, f)| f.as_slice())
    }

    /// How resource `index` fits `rt`.
    fn fit(&mut self, index: usize, rt: ResourceType) -> Fit {
        self.fits_of(rt).get(index).copied().unwrap_or(Fit::No)
    }

    /// The best fit of `rt` over all resources, with the resource it is for.
    fn best(&mut self, rt: ResourceType) -> (Fit, usize) {
        let mut best = (Fit::No, 0);
        for (index, &fit) in self.fits_of(rt).iter().enumerate() {
            if fit == Fit::Yes {
                return (fit, index);
            }
            if fit.rank() > best.0.rank() {
                best = (fit, index);
            }
        }
        best
    }
}

/// How each resource pattern fits `rt`.
fn compute(
    patterns: &[&ResourcePattern],
    services: &[Option<String>],
    rt: ResourceType,
) -> Vec<Fit> {
    let Some(formats) = type_formats(rt) else {
        return vec![Fit::No; patterns.len()];
    };
    // Quick rejection on a literal service field that none of the type's formats has.
    let rejected = |index: usize| {
        !formats.open
            && services
                .get(index)
                .and_then(Option::as_deref)
                .is_some_and(|s| !formats.services.contains(&s))
    };
    patterns
        .iter()
        .enumerate()
        .map(|(index, pattern)| {
            if rejected(index) {
                Fit::No
            } else {
                fit_formats(pattern, &formats.parsed, rt)
            }
        })
        .collect()
}

/// The ARN formats of a resource type as fitting reads them.
struct TypeFormats {
    /// The service field of each format.
    services: Vec<&'static str>,
    /// Whether some service field is not literal (`${...}`, `*`, `?`).
    open: bool,
    /// The formats, parsed.
    parsed: Vec<FormatPattern>,
}

/// The [`TypeFormats`] of `rt`, read once per resource type and process: the same types
/// are fitted statement after statement.
fn type_formats(rt: ResourceType) -> Option<&'static TypeFormats> {
    static TYPES: RowMemo<TypeFormats> = RowMemo::new();
    TYPES.get(rt.row(), ResourceType::count(), || {
        let services: Vec<&'static str> = rt
            .arn_formats()
            .map(|format| format.split(':').nth(2).unwrap_or_default())
            .collect();
        TypeFormats {
            open: services.iter().any(|s| s.contains(['$', '*', '?'])),
            services,
            parsed: rt.arn_formats().filter_map(FormatPattern::parse).collect(),
        }
    })
}

/// How a resource pattern fits the formats of `rt`.
fn fit_formats(pattern: &ResourcePattern, formats: &[FormatPattern], rt: ResourceType) -> Fit {
    let mut best = Fit::No;
    for format in formats {
        if !pattern.service.overlaps(&format.service) {
            continue;
        }
        if !pattern.resource.overlaps(&format.resource) {
            // `arn:aws:logs:*:*:/aws-glue/*`: a final `*` runs across fields.
            if fits_across_fields(pattern, format) {
                return Fit::Yes;
            }
            continue;
        }
        let region = pattern.region.overlaps(&format.region);
        // An empty account names a resource AWS owns where the format has an account
        // placeholder: SSM documents and public parameters
        // (`arn:aws:ssm:us-east-1::document/AWS-RunShellScript`, Systems Manager User
        // Guide), AWS-owned Resource Explorer views. The managed policies use it.
        let account = pattern.account.overlaps(&format.account)
            || (pattern.account.is_empty()
                && !format.account.is_empty()
                && format.account.literal().is_none());
        // Only a resource part that names something (not `*...`) says which type was
        // meant well enough to blame the region or account field.
        let named = pattern.resource.starts_literal();
        let fit = match (region, account) {
            (true, true) => return Fit::Yes,
            _ if fits_across_fields(pattern, format) => return Fit::Yes,
            _ if !named => Fit::No,
            (false, true) => Fit::Region(fix(&pattern.region, &format.region), rt),
            (true, false) => Fit::Account(fix(&pattern.account, &format.account), rt),
            (false, false) => Fit::No,
        };
        best = best.better(fit);
    }
    best
}

fn fix(resource: &FieldPattern, format: &FieldPattern) -> FieldFix {
    if format.is_empty() {
        FieldFix::Remove
    } else if resource.is_empty() {
        FieldFix::Add
    } else {
        FieldFix::Other
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
        write_json_string(&mut json, name);
    }
    json.push_str("], \"Resource\": \"*\"");
    if let Some(condition) = statement.condition {
        json.push_str(", \"Condition\": ");
        write_json(&mut json, &condition.value);
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

fn write_json_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Compact JSON of a node (inserted values as `{}`, run-time values as `null`).
fn write_json(out: &mut String, node: &Node) {
    match &node.kind {
        NodeKind::Null | NodeKind::Opaque(_) => out.push_str("null"),
        NodeKind::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        NodeKind::Number(n) => out.push_str(n),
        NodeKind::String(text) => write_json_string(out, &text.display()),
        NodeKind::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_json(out, item);
            }
            out.push(']');
        }
        NodeKind::Object(members) => {
            out.push('{');
            for (i, member) in members.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_json_string(out, &member.key);
                out.push_str(": ");
                write_json(out, &member.value);
            }
            out.push('}');
        }
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

/// The best fit of the resource types of the actions a resolved action string stands
/// for, to resource `only` or to any resource, with the resource it is for.
///
/// An action's resource types are all of its own service's, so a service is skipped
/// without listing a pattern's actions in it when no resource's service field is one of
/// its formats': `*` costs a look at each service, not one at 22,000 actions.
fn best_of_actions(
    fitter: &mut Fitter<'_, '_>,
    resolved: &Resolved,
    only: Option<usize>,
) -> (Fit, usize) {
    match resolved {
        Resolved::Named(action) => best_of_group(fitter, std::slice::from_ref(action), only),
        Resolved::Pattern(pattern) => {
            let mut best = (Fit::No, 0);
            for service in pattern.services() {
                if elsewhere(fitter, service, only) {
                    continue;
                }
                let fit = best_of_group(fitter, &pattern.actions_of(service), only);
                if fit.0 == Fit::Yes {
                    return fit;
                }
                if fit.0.rank() > best.0.rank() {
                    best = fit;
                }
            }
            best
        }
        Resolved::Unknown => (Fit::No, 0),
    }
}

/// Whether no resource (or resource `only`) can be of `service`: each has a literal
/// service field that none of the service's ARN formats has.
fn elsewhere(fitter: &Fitter<'_, '_>, service: Service, only: Option<usize>) -> bool {
    let Some((fields, false)) = format_services(service) else {
        return false;
    };
    let elsewhere = |index: usize| {
        fitter
            .services
            .get(index)
            .and_then(Option::as_deref)
            .is_some_and(|s| !fields.contains(&s))
    };
    match only {
        Some(index) => elsewhere(index),
        None => (0..fitter.nodes.len()).all(elsewhere),
    }
}

/// [`best_of_actions`] for actions of one service.
fn best_of_group(
    fitter: &mut Fitter<'_, '_>,
    group: &[Action],
    only: Option<usize>,
) -> (Fit, usize) {
    let fit_one = |fitter: &mut Fitter<'_, '_>, rt: ResourceType| match only {
        Some(index) => (fitter.fit(index, rt), index),
        None => fitter.best(rt),
    };
    let Some(first) = group.first() else {
        return (Fit::No, 0);
    };
    // Many actions: first see whether any type of the service fits at all.
    let types = first.service().resource_types();
    if group.len() > types.len() && types.into_iter().all(|rt| fit_one(fitter, rt).0 == Fit::No) {
        return (Fit::No, 0);
    }
    let mut best = (Fit::No, 0);
    for action in group {
        for ar in action.resource_types() {
            let fit = fit_one(fitter, ar.resource_type());
            if fit.0 == Fit::Yes {
                return fit;
            }
            if fit.0.rank() > best.0.rank() {
                best = fit;
            }
        }
    }
    best
}

/// The service fields of the ARN formats of a service's resource types, and whether one
/// of them is not literal. Usually just the prefix; `waf-regional` also takes Elastic
/// Load Balancing ARNs. Read once per service and process.
fn format_services(service: Service) -> Option<&'static (Vec<&'static str>, bool)> {
    static FIELDS: RowMemo<(Vec<&'static str>, bool)> = RowMemo::new();
    FIELDS.get(service.row(), crate::model::services().len(), || {
        let mut fields: Vec<&'static str> = Vec::new();
        let mut open = false;
        for format in service.resource_types().flat_map(ResourceType::arn_formats) {
            let field = format.split(':').nth(2).unwrap_or_default();
            open |= field.contains(['$', '*', '?']);
            if !fields.contains(&field) {
                fields.push(field);
            }
        }
        (fields, open)
    })
}

/// `resource-mismatch` at actions: a named action none of whose resource types fits any
/// resource of the statement, or a pattern none of whose actions fits, grants nothing.
/// When only the region (or account) field stands in the way, `invalid-region` (or
/// `invalid-account`) is reported at the resource instead. Returns whether some action
/// fits some resource.
fn check_action_fits<'a>(
    ctx: &mut Ctx,
    statement: &Statement<'a>,
    actions: &[(&'a Node<'a>, Resolved)],
    has_star: bool,
    fitter: &mut Fitter<'a, '_>,
    reported: &mut Vec<(usize, Code)>,
) -> bool {
    let mut any_fits = false;
    for (node, resolved) in actions {
        let shown = node.as_text().map(Text::display).unwrap_or_default();
        match resolved {
            Resolved::Unknown => any_fits = true, // cannot tell: assume it fits
            Resolved::Named(action) if action.is_wildcard_only() => any_fits |= has_star,
            _ if has_star => any_fits = true,
            Resolved::Named(action) => {
                let best = best_of_actions(fitter, resolved, None);
                if best.0 == Fit::Yes {
                    any_fits = true;
                } else if !report_field_fix(ctx, fitter, best, reported) {
                    ctx.report_help(
                        node.loc,
                        Code::ResourceMismatch,
                        format!(
                            "no resource of the statement fits `{shown}`, so it {}",
                            nothing(statement)
                        ),
                        format!("`{action}` takes {}", formats_of(*action)),
                    );
                }
            }
            Resolved::Pattern(pattern) => {
                let best = best_of_actions(fitter, resolved, None);
                let matched = if best.0 == Fit::Yes {
                    Vec::new()
                } else {
                    pattern.actions()
                };
                if best.0 == Fit::Yes {
                    any_fits = true;
                } else if matched.iter().all(|a| a.is_wildcard_only()) {
                    let names = [shown.clone()];
                    ctx.report_help(
                        node.loc,
                        Code::ResourceMismatch,
                        format!(
                            "the actions `{shown}` matches support no resource types, so it {} unless the statement has `\"Resource\": \"*\"`",
                            nothing(statement)
                        ),
                        split_help(statement, &names, actions.len() == 1),
                    );
                } else if !report_field_fix(ctx, fitter, best, reported) {
                    ctx.report_help(
                        node.loc,
                        Code::ResourceMismatch,
                        format!(
                            "no resource of the statement fits any action `{shown}` matches, so it {}",
                            nothing(statement)
                        ),
                        format!("the actions it matches take {}", pattern_formats(&matched)),
                    );
                }
            }
        }
    }
    any_fits
}

/// `unused-resource`: a resource that fits no resource type of any of the statement's
/// actions is dead weight, and often a typo. A warning, not an error: the actions still
/// get what they say through the other resources (on the AWS managed corpus this is 96
/// resources, e.g. WAF `changetoken` ARNs next to `waf:*`). Reported only when every
/// action is known and some action fits some other resource (otherwise the actions'
/// findings already say it all).
fn check_resource_fits<'a>(
    ctx: &mut Ctx,
    actions: &[(&'a Node<'a>, Resolved)],
    all_known: bool,
    any_fits: bool,
    fitter: &mut Fitter<'a, '_>,
    reported: &mut Vec<(usize, Code)>,
) {
    if !all_known
        || !any_fits
        || actions.iter().any(|(_, r)| match r {
            Resolved::Unknown => true,
            Resolved::Named(a) => a.is_wildcard_only(),
            Resolved::Pattern(_) => false,
        })
    {
        return;
    }
    for index in 0..fitter.nodes.len() {
        let mut best = Fit::No;
        for (_, resolved) in actions {
            best = best.better(best_of_actions(fitter, resolved, Some(index)).0);
            if best == Fit::Yes {
                break;
            }
        }
        if best == Fit::Yes
            || report_field_fix(ctx, fitter, (best, index), reported)
            || reported.contains(&(index, Code::ResourceMismatch))
        {
            continue;
        }
        reported.push((index, Code::ResourceMismatch));
        let Some(node) = fitter.nodes.get(index).copied() else {
            continue;
        };
        let shown = node.as_text().map(Text::display).unwrap_or_default();
        ctx.report_help(
            node.loc,
            Code::UnusedResource,
            format!("`{shown}` fits no resource type of the statement's actions"),
            format!(
                "the statement's actions take {}",
                statement_formats(actions)
            ),
        );
    }
}

/// The ARN formats of the statement's actions' resource types (at most 8 types).
fn statement_formats(actions: &[(&Node<impl Sized>, Resolved)]) -> String {
    let mut types: Vec<ResourceType> = Vec::new();
    let mut more = false;
    'all: for (_, resolved) in actions {
        for action in matched(resolved) {
            for ar in action.resource_types() {
                let rt = ar.resource_type();
                if types.contains(&rt) {
                    continue;
                }
                if types.len() == 8 {
                    more = true;
                    break 'all;
                }
                types.push(rt);
            }
        }
    }
    let formats: Vec<&str> = types.iter().flat_map(|rt| rt.arn_formats()).collect();
    let mut out = super::structure::list(&formats);
    if more {
        out.push_str(" and more");
    }
    out
}

/// Reports `invalid-region`/`invalid-account` at the resource when `best` says that field
/// alone keeps it from fitting; returns whether it did (or already had).
fn report_field_fix(
    ctx: &mut Ctx,
    fitter: &Fitter<'_, '_>,
    best: (Fit, usize),
    reported: &mut Vec<(usize, Code)>,
) -> bool {
    let (fit, index) = best;
    let (code, field, what, a_what, fix, rt) = match fit {
        Fit::Region(fix, rt) => (Code::InvalidRegion, 3, "region", "a region", fix, rt),
        Fit::Account(fix, rt) => (Code::InvalidAccount, 4, "account", "an account", fix, rt),
        Fit::Yes | Fit::No => return false,
    };
    if reported.contains(&(index, code)) {
        return true;
    }
    reported.push((index, code));
    let Some(node) = fitter.nodes.get(index).copied() else {
        return true;
    };
    let shown = node.as_text().map(Text::display).unwrap_or_default();
    let fields = crate::arn::fields(&shown);
    let kind = format!("`{}` ARNs of `{}`", rt.name(), rt.service().prefix());
    let (message, help) = match fix {
        FieldFix::Remove => (
            format!("{kind} have no {what}: `{shown}`"),
            format!(
                "write it without {what}: `{}`",
                with_field(&fields, field, "")
            ),
        ),
        FieldFix::Add => (
            format!("{kind} have {a_what}: `{shown}`"),
            format!(
                "write the {what}, or `*` for any: `{}`",
                with_field(&fields, field, "*")
            ),
        ),
        FieldFix::Other => (
            format!("the {what} of `{shown}` does not fit {kind}"),
            format!(
                "{kind} look like {}",
                super::structure::list(&rt.arn_formats().collect::<Vec<_>>())
            ),
        ),
    };
    ctx.report_help(node.loc, code, message, help);
    true
}

/// The ARN formats of an action's resource types, required ones marked:
/// "`arn:${Partition}:s3:::${BucketName}` (`bucket`, required)".
fn formats_of(action: Action) -> String {
    let parts: Vec<String> = action
        .resource_types()
        .flat_map(|ar| {
            let rt = ar.resource_type();
            let mark = if ar.required() { ", required" } else { "" };
            rt.arn_formats()
                .map(move |f| format!("`{f}` (`{}`{mark})", rt.name()))
        })
        .collect();
    join_or(&parts)
}

/// The ARN formats of the resource types of a pattern's actions (at most 8 shown).
fn pattern_formats(actions: &[Action]) -> String {
    let mut types: Vec<ResourceType> = Vec::new();
    let mut more = false;
    'all: for action in actions {
        for ar in action.resource_types() {
            let rt = ar.resource_type();
            if types.contains(&rt) {
                continue;
            }
            if types.len() == 8 {
                more = true;
                break 'all;
            }
            types.push(rt);
        }
    }
    let parts: Vec<String> = types
        .iter()
        .flat_map(|rt| {
            rt.arn_formats()
                .map(move |f| format!("`{f}` (`{}`)", rt.name()))
        })
        .collect();
    let mut out = join_or(&parts);
    if more {
        out.push_str(", and more");
    }
    out
}

fn join_or(parts: &[String]) -> String {
    match parts.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests;

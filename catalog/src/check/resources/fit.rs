//! Fitting a statement's resources to its actions' resource types: which ARN formats a
//! resource pattern can match (`Fitter`), the closest format and the field to fix when
//! none fits, and the findings `resource-mismatch` and `unused-resource`.

#[allow(
    clippy::wildcard_imports,
    reason = "a part of the parent module, split for size"
)]
use super::*;

// ---------------------------------------------------------------------------------------
// Fitting
// ---------------------------------------------------------------------------------------

/// How a field must change for a resource to fit a format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum FieldFix {
    /// The format has nothing there: drop the field's text.
    Remove,
    /// The format needs a value where the resource has none.
    Add,
    /// The field has another value than the format allows.
    Other,
}

/// How well one resource fits one resource type, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Fit {
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
    pub(super) fn rank(self) -> u8 {
        match self {
            Fit::Yes => 3,
            Fit::Region(..) => 2,
            Fit::Account(..) => 1,
            Fit::No => 0,
        }
    }

    pub(super) fn better(self, other: Fit) -> Fit {
        if other.rank() > self.rank() {
            other
        } else {
            self
        }
    }
}

/// Fits of a statement's resources to resource types, cached for the statement: each
/// resource type's formats are parsed once, and fitted to every resource at once.
pub(super) struct Fitter<'a, 'p> {
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
    pub(super) fn new(resources: &[(&'a Node<'a>, &'p ResourcePattern)]) -> Self {
        Self {
            nodes: resources.iter().map(|(n, _)| *n).collect(),
            patterns: resources.iter().map(|(_, p)| *p).collect(),
            services: resources.iter().map(|(_, p)| p.service.literal()).collect(),
            fits: Vec::new(),
        }
    }

    /// How each resource fits `rt`.
    pub(super) fn fits_of(&mut self, rt: ResourceType) -> &[Fit] {
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
    pub(super) fn fit(&mut self, index: usize, rt: ResourceType) -> Fit {
        self.fits_of(rt).get(index).copied().unwrap_or(Fit::No)
    }

    /// The best fit of `rt` over all resources, with the resource it is for.
    pub(super) fn best(&mut self, rt: ResourceType) -> (Fit, usize) {
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
pub(super) fn compute(
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
pub(super) struct TypeFormats {
    /// The service field of each format.
    services: Vec<&'static str>,
    /// Whether some service field is not literal (`${...}`, `*`, `?`).
    open: bool,
    /// The formats, parsed.
    parsed: Vec<FormatPattern>,
}

/// The [`TypeFormats`] of `rt`, read once per resource type and process: the same types
/// are fitted statement after statement.
pub(super) fn type_formats(rt: ResourceType) -> Option<&'static TypeFormats> {
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
pub(super) fn fit_formats(
    pattern: &ResourcePattern,
    formats: &[FormatPattern],
    rt: ResourceType,
) -> Fit {
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

pub(super) fn fix(resource: &FieldPattern, format: &FieldPattern) -> FieldFix {
    if format.is_empty() {
        FieldFix::Remove
    } else if resource.is_empty() {
        FieldFix::Add
    } else {
        FieldFix::Other
    }
}

/// The best fit of the resource types of the actions a resolved action string stands
/// for, to resource `only` or to any resource, with the resource it is for.
///
/// An action's resource types are all of its own service's, so a service is skipped
/// without listing a pattern's actions in it when no resource's service field is one of
/// its formats': `*` costs a look at each service, not one at 22,000 actions.
pub(super) fn best_of_actions(
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
pub(super) fn elsewhere(fitter: &Fitter<'_, '_>, service: Service, only: Option<usize>) -> bool {
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
pub(super) fn best_of_group(
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
pub(super) fn format_services(service: Service) -> Option<&'static (Vec<&'static str>, bool)> {
    static FIELDS: RowMemo<(Vec<&'static str>, bool)> = RowMemo::new();
    FIELDS.get(service.row(), crate::model::services().len(), || {
        let mut fields: Vec<&'static str> = Vec::new();
        let mut open = false;
        for rt in service.resource_types() {
            for format in rt.arn_formats() {
                let field = format.split(':').nth(2).unwrap_or_default();
                open |= field.contains(['$', '*', '?']);
                if !fields.contains(&field) {
                    fields.push(field);
                }
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
pub(super) fn check_action_fits<'a>(
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
pub(super) fn check_resource_fits<'a>(
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

/// Adds the resource types of `actions` to `types` until it holds 8 distinct ones;
/// whether there are more.
fn first_types(actions: &[Action], types: &mut Vec<ResourceType>) -> bool {
    for action in actions {
        for ar in action.resource_types() {
            let rt = ar.resource_type();
            if types.contains(&rt) {
                continue;
            }
            if types.len() == 8 {
                return true;
            }
            types.push(rt);
        }
    }
    false
}

/// The ARN formats of the statement's actions' resource types (at most 8 types).
pub(super) fn statement_formats(actions: &[(&Node<impl Sized>, Resolved)]) -> String {
    let mut types = Vec::new();
    let mut more = false;
    for (_, resolved) in actions {
        more = first_types(&matched(resolved), &mut types);
        if more {
            break;
        }
    }
    let mut formats: Vec<&str> = Vec::new();
    for rt in &types {
        formats.extend(rt.arn_formats());
    }
    let mut out = crate::check::structure::list(&formats);
    if more {
        out.push_str(" and more");
    }
    out
}

/// Reports `invalid-region`/`invalid-account` at the resource when `best` says that field
/// alone keeps it from fitting; returns whether it did (or already had).
pub(super) fn report_field_fix(
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
                crate::check::structure::list(&rt.arn_formats().collect::<Vec<_>>())
            ),
        ),
    };
    ctx.report_help(node.loc, code, message, help);
    true
}

/// The ARN formats of an action's resource types, required ones marked:
/// "`arn:${Partition}:s3:::${BucketName}` (`bucket`, required)".
pub(super) fn formats_of(action: Action) -> String {
    let mut parts: Vec<String> = Vec::new();
    for ar in action.resource_types() {
        let rt = ar.resource_type();
        let mark = if ar.required() { ", required" } else { "" };
        for f in rt.arn_formats() {
            parts.push(format!("`{f}` (`{}`{mark})", rt.name()));
        }
    }
    join_or(&parts)
}

/// The ARN formats of the resource types of a pattern's actions (at most 8 shown).
pub(super) fn pattern_formats(actions: &[Action]) -> String {
    let mut types = Vec::new();
    let more = first_types(actions, &mut types);
    let mut parts: Vec<String> = Vec::new();
    for rt in &types {
        for f in rt.arn_formats() {
            parts.push(format!("`{f}` (`{}`)", rt.name()));
        }
    }
    let mut out = join_or(&parts);
    if more {
        out.push_str(", and more");
    }
    out
}

pub(super) fn join_or(parts: &[String]) -> String {
    match parts.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
    }
}

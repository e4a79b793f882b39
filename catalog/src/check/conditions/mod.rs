//! Conditions: operators, keys, key types, values, set operators and tag keys.
//!
//! A statement's `Condition` is an object of condition operators, each an object of
//! condition keys, each a value or an array of values (IAM User Guide, "IAM JSON policy
//! elements: Condition" and "Grammar of the IAM JSON policy language": a
//! `condition_value` is a string, a number or a Boolean).
//!
//! Sources for the rules below:
//! - IAM User Guide, "IAM JSON policy elements: Condition operators"
//!   (`reference_policies_elements_condition_operators.html`): the operators, `IfExists`
//!   on all but `Null`, what each operator compares, the value formats.
//! - IAM User Guide, "Creating a condition with multiple context keys or values"
//!   (`reference_policies_condition-single-vs-multi-valued-context-keys.html`): set
//!   operators.
//! - IAM User Guide, "IAM Access Analyzer policy check reference"
//!   (`access-analyzer-reference-policy-checks.html`): the checks AWS itself runs — "Invalid
//!   condition operator", "Null with if exists", "Type mismatch", "Type mismatch date /
//!   number / Boolean / IP range", "Missing qualifier", "`ForAllValues` with single valued
//!   key", "Null with qualifier", "Deny with unsupported tag condition key for service".
//! - Service Authorization Reference (the catalog): service condition keys, their types,
//!   which actions and resource types list them.

use std::collections::{HashMap, HashSet};

use super::actions::Resolved;
use super::structure::{backticked, list};
use super::{Ctx, Policy, Statement};
use crate::capability::{self, Basis, Capability, Support};
use crate::global_keys::{self, GlobalKey};
use crate::model::{self, Action, ConditionKey, ConditionType, ResourceType, RowMemo, Service};
use crate::query;
use crate::suggest::suggest;
use crate::{Code, Member, Node, NodeKind};

mod keys;
mod operators;
mod tags;
mod values;

pub use keys::{KeyDef, Missing, key_type, resolve_key};
use keys::{Lister, suggest_key};
#[cfg(test)]
use operators::OPERATORS;
use operators::operators_for;
pub use operators::{Family, Operator, OperatorError, SetQualifier, parse_operator};
use tags::{check_tag_key_applicable, check_tag_support};
#[cfg(test)]
use values::is_base64;
use values::{
    boolean_text, check_bool_values, check_private_source_ip, check_value, check_value_shape,
    is_bool,
};

/// The statement's actions when every entry of `Action` is a known action or a pattern
/// within one service that matches some action; `None` when the statement uses
/// `NotAction`, `*`, a pattern over services, an unknown action or a run-time value (the
/// per-action rules then say nothing: they would guess).
fn statement_actions(statement: &Statement<'_>) -> Option<Vec<Action>> {
    if statement.not_action.is_some() {
        return None;
    }
    let member = statement.action?;
    let nodes: Vec<&Node> = match &member.value.kind {
        NodeKind::String(_) => vec![&member.value],
        NodeKind::Array(items) => items.iter().collect(),
        _ => return None,
    };
    // Each entry's actions, as the statement resolved them; deduplicated only when two
    // entries name the same service (hashing every action of `ec2:*` costs more than the
    // rest of the rule).
    let mut resolved = statement.named(false).iter();
    let mut entries: Vec<(Service, Vec<Action>)> = Vec::new();
    for node in nodes {
        // Every item is a string with a literal prefix: `named` lists the strings in order.
        let text = node.as_literal()?;
        let (prefix, _) = text.split_once(':')?;
        if query::has_wildcard(prefix) {
            return None;
        }
        let (_, resolved) = resolved.next()?;
        let (service, found) = match resolved {
            Resolved::Named(action) => (action.service(), vec![*action]),
            Resolved::Pattern(pattern) => {
                let service = pattern.services().next()?;
                (service, pattern.actions_of(service))
            }
            Resolved::Unknown => return None,
        };
        if found.is_empty() {
            return None;
        }
        entries.push((service, found));
    }
    let repeated = entries
        .iter()
        .enumerate()
        .any(|(i, (s, _))| entries.iter().skip(i + 1).any(|(t, _)| t == s));
    let mut out = Vec::new();
    if repeated {
        let mut seen = HashSet::new();
        for (_, found) in entries {
            out.extend(found.into_iter().filter(|a| seen.insert(*a)));
        }
    } else {
        for (_, found) in entries {
            out.extend(found);
        }
    }
    (!out.is_empty()).then_some(out)
}

/// What the rules need to know about the statement, computed once.
struct Scope {
    /// See [`statement_actions`].
    actions: Option<Vec<Action>>,
    /// The services of `actions`, in first-seen order.
    services: Vec<Service>,
    /// The prefixes written in `Action`/`NotAction`, lowercase.
    action_prefixes: Vec<String>,
    /// Whether the statement denies.
    deny: bool,
}

/// Checks the statement's `Condition`: its shape, each operator, each key, each value.
pub(crate) fn check_conditions<'a>(ctx: &mut Ctx, _policy: &Policy<'a>, statement: &Statement<'a>) {
    let Some(condition) = statement.condition else {
        return;
    };
    // Structure reports a `Condition` that is not an object.
    let Some(blocks) = condition.value.as_object() else {
        return;
    };
    // `"Condition": {}` is no condition. IAM accepts it: the IAM console emits it in the
    // trust policies it creates (issue #11), `iam:CreateRole` takes it (simonw/s3-credentials
    // created its roles with one, its issue #66), and open-source projects ship such
    // policies (the EFS CSI driver's cross-account trust policy, aws-iam-authenticator's
    // admin role). Access Analyzer's policy check reference reports it only as a suggestion
    // ("Empty object condition": "does not affect the policy"), a level this engine does
    // not have. So it is not a finding. (An empty operator block, `"Bool": {}`, still is.)
    if blocks.is_empty() {
        return;
    }
    let actions = statement_actions(statement);
    let mut services: Vec<Service> = Vec::new();
    for action in actions.as_deref().unwrap_or_default() {
        if !services.contains(&action.service()) {
            services.push(action.service());
        }
    }
    let action_prefixes = statement
        .actions(false)
        .into_iter()
        .chain(statement.actions(true))
        .filter_map(|node| node.as_literal()?.split_once(':'))
        .map(|(prefix, _)| prefix.to_ascii_lowercase())
        .collect();
    let scope = Scope {
        actions,
        services,
        action_prefixes,
        deny: statement.is_deny(),
    };
    let mut seen_operators: Vec<&str> = Vec::new();
    for block in blocks {
        if seen_operators.contains(&block.key.as_ref()) {
            ctx.report_help(
                block.key_loc,
                Code::DuplicateElement,
                format!("`{}` appears twice in `Condition`", block.key),
                "merge the two blocks into one: keys within a block must all match",
            );
        } else {
            seen_operators.push(&block.key);
        }
        let operator = check_operator(ctx, block);
        check_block(ctx, &scope, operator, block);
    }
}

/// Operators are one of [`operators::OPERATORS`], optionally with `IfExists` (never on `Null`) and a
/// set qualifier (Access Analyzer: "Invalid condition operator", "Null with if exists").
fn check_operator<'a>(ctx: &mut Ctx, block: &'a Member<'a>) -> Option<Operator> {
    match parse_operator(&block.key) {
        Ok(operator) => Some(operator),
        Err(OperatorError::NullIfExists) => {
            ctx.report_help(
                block.key_loc,
                Code::UnknownOperator,
                format!("`{}`: `Null` takes no `IfExists`", block.key),
                "`Null` itself tests whether the key is present: use `Null`",
            );
            None
        }
        Err(OperatorError::Unknown(suggestion)) => {
            let message = format!("`{}` is not a condition operator", block.key);
            match suggestion {
                Some(s) if s.eq_ignore_ascii_case(&block.key) => ctx.report_help(
                    block.key_loc,
                    Code::UnknownOperator,
                    message,
                    format!("condition operators are case-sensitive: `{s}`"),
                ),
                Some(s) => ctx.report_help(
                    block.key_loc,
                    Code::UnknownOperator,
                    message,
                    format!("did you mean `{s}`?"),
                ),
                None => ctx.report_help(
                    block.key_loc,
                    Code::UnknownOperator,
                    message,
                    "the operators are `String...`, `Numeric...`, `Date...`, `Bool`, `BinaryEquals`, `IpAddress`, `NotIpAddress`, `Arn...` and `Null`, optionally with `IfExists` and a `ForAllValues:`/`ForAnyValue:` qualifier",
                ),
            }
            None
        }
    }
}

/// One operator's block: an object of condition keys.
fn check_block<'a>(
    ctx: &mut Ctx,
    scope: &Scope,
    operator: Option<Operator>,
    block: &'a Member<'a>,
) {
    let keys = match &block.value.kind {
        NodeKind::Object(keys) => keys,
        NodeKind::Opaque(_) => return,
        _ => {
            ctx.report(
                block.value.loc,
                Code::InvalidElementType,
                format!(
                    "the value of `{}` is an object of condition keys, not {}",
                    block.key,
                    block.value.type_name()
                ),
            );
            return;
        }
    };
    if keys.is_empty() {
        ctx.report(
            block.value.loc,
            Code::EmptyElement,
            format!("`{}` has no condition keys", block.key),
        );
        return;
    }
    let mut seen: Vec<&str> = Vec::new();
    for key in keys {
        // Key names are case-insensitive, so `aws:SourceIp` and `AWS:sourceip` are one
        // key (Access Analyzer: "Duplicate keys with different case").
        if seen.iter().any(|k| k.eq_ignore_ascii_case(&key.key)) {
            ctx.report_help(
                key.key_loc,
                Code::DuplicateElement,
                format!("`{}` appears twice in `{}`", key.key, block.key),
                "condition key names are case-insensitive; put all values in one array",
            );
        } else {
            seen.push(&key.key);
        }
        check_key(ctx, scope, operator, block, key);
    }
}

/// One condition key and its values.
fn check_key<'a>(
    ctx: &mut Ctx,
    scope: &Scope,
    operator: Option<Operator>,
    block: &'a Member<'a>,
    key: &'a Member<'a>,
) {
    let values = check_value_shape(ctx, key);
    let def = match resolve_key(&key.key, &scope.services) {
        Ok(def) => Some(def),
        // A prefix that is no service's, also used in `Action`: the action rules report
        // the unknown service once; the key would repeat it.
        Err(Missing::UnknownService(prefix))
            if scope.action_prefixes.contains(&prefix.to_ascii_lowercase()) =>
        {
            None
        }
        Err(missing) => {
            report_unknown_key(ctx, key, &missing);
            None
        }
    };
    if let (Some(operator), Some(def)) = (operator, def) {
        check_operator_type(ctx, block, key, operator, def, &values);
        check_set_operator(ctx, key, operator, def);
        check_bool_values(ctx, key, operator, def);
        check_private_source_ip(ctx, key, operator, &values);
    }
    if let Some(operator) = operator {
        for value in &values {
            check_value(ctx, operator, &block.key, value);
        }
    }
    // `aws:` keys are global even when only a service's table lists them.
    if let Some(KeyDef::Service(def)) = def
        && !def
            .name()
            .get(..4)
            .is_some_and(|p| p.eq_ignore_ascii_case("aws:"))
    {
        check_applicable(ctx, scope, key, def);
    }
    if def.is_some() {
        check_tag_support(ctx, scope, key);
        check_tag_key_applicable(ctx, scope, operator, key);
    }
}

/// A key found in no table is an error, with a did-you-mean over the keys of its
/// service and the global keys (Access Analyzer: "Invalid global condition key",
/// "Invalid service condition key", "Invalid condition key format").
fn report_unknown_key<'a>(ctx: &mut Ctx, key: &'a Member<'a>, missing: &Missing) {
    let name = key.key.as_ref();
    let (message, help) = match missing {
        Missing::NoPrefix => (
            format!("`{name}` is not a condition key: keys are `service:name` or `aws:name`"),
            ctx.did_you_mean("condition key", name, &|| suggest_key(name, None)).map_or_else(
                || "see the global keys (`aws:...`) and the service's keys in the Service Authorization Reference".to_owned(),
                |s| format!("did you mean `{s}`?"),
            ),
        ),
        Missing::Global => (
            format!("`{name}` is not a global condition key"),
            ctx.did_you_mean("condition key", name, &|| suggest_key(name, None)).map_or_else(
                || "see \"AWS global condition context keys\" in the IAM User Guide".to_owned(),
                |s| format!("did you mean `{s}`?"),
            ),
        ),
        // An OIDC provider URL as prefix: the provider exists as far as a policy can tell,
        // but IAM fills only the documented claims (IAM User Guide, "Available keys for AWS
        // OIDC federation"), so name the claims rather than the missing service.
        Missing::UnknownService(prefix) if global_keys::oidc_provider(name).is_some() => {
            let claim = name.rsplit_once(':').map_or("", |(_, claim)| claim);
            let claims: Vec<&str> = global_keys::oidc_claims().collect();
            let help = match suggest(claim, claims.iter().copied()) {
                Some(s) => format!("did you mean `{prefix}:{s}`?"),
                None => format!(
                    "the claims IAM can test for an OIDC provider are {}",
                    backticked(&claims, ", ")
                ),
            };
            (
                format!("`{name}`: the OIDC provider `{prefix}` has no claim `{claim}` that IAM can test"),
                help,
            )
        }
        Missing::UnknownService(prefix) => {
            let help = match suggest(prefix, model::services().map(Service::prefix)) {
                Some(p) => {
                    let rest = name.split_once(':').map_or("", |(_, r)| r);
                    let fixed = format!("{p}:{rest}");
                    match model::service(p).and_then(|s| s.condition_key(&fixed)) {
                        Some(_) => format!("did you mean `{fixed}`?"),
                        None => format!("did you mean the service `{p}`?"),
                    }
                }
                None => "condition keys start with a service prefix (`s3:`) or `aws:`".to_owned(),
            };
            (
                format!("`{name}`: no service has the prefix `{prefix}`"),
                help,
            )
        }
        Missing::NotInService(service) => (
            format!(
                "`{name}` is not a condition key of `{}`",
                service.prefix()
            ),
            ctx.did_you_mean("condition key", name, &|| suggest_key(name, Some(*service))).map_or_else(
                || {
                    format!(
                        "see the condition keys of `{}` in the Service Authorization Reference",
                        service.prefix()
                    )
                },
                |s| format!("did you mean `{s}`?"),
            ),
        ),
    };
    ctx.report_help(key.key_loc, Code::UnknownConditionKey, message, help);
}

/// The operator fits the key's type (Access Analyzer: "Type mismatch"). String operators
/// take String and ARN keys (the operators page: "There are certain cases when a string
/// operator would match when an ARN operator would not"). ARN operators take ARN and
/// String keys: they compare strings field by field ("The ARN is considered a string"),
/// and AWS's own managed policies use `ArnLike` on String keys such as
/// `kms:EncryptionContext:aws:s3:arn` and `aws:RequestTag/...`; we do not know of a
/// documented rejection. String operators also take Bool keys when every value is
/// `true`/`false` (see [`boolean_text`]). `aws:EpochTime` takes both date and numeric operators (the
/// global keys page gives it both types: [`GlobalKey::also_numeric`]). `Null` takes any
/// key.
fn check_operator_type<'a>(
    ctx: &mut Ctx,
    block: &'a Member<'a>,
    key: &'a Member<'a>,
    operator: Operator,
    def: KeyDef,
    values: &[&Node],
) {
    let key_type = def.value_type();
    let epoch = matches!(def, KeyDef::Global(g) if g.also_numeric());
    let fits = match operator.family {
        Family::Null => true,
        Family::String | Family::Arn => {
            matches!(key_type, ConditionType::String | ConditionType::Arn)
                || (operator.family == Family::String
                    && key_type == ConditionType::Bool
                    && values.iter().all(|v| boolean_text(v)))
        }
        Family::Numeric => key_type == ConditionType::Numeric || epoch,
        Family::Date => key_type == ConditionType::Date || epoch,
        Family::Bool => key_type == ConditionType::Bool,
        Family::IpAddress => key_type == ConditionType::IpAddress,
        Family::Binary => key_type == ConditionType::Binary,
    };
    if fits {
        return;
    }
    // A string operator that asks a Bool key for a value it never has (`"StringEquals":
    // {"aws:ViaAWSService": "amplify.amazonaws.com"}`) never matches: the statement grants
    // (or denies) nothing, which is an error, not just the type mismatch below. The key's
    // value in the request is `true` or `false` (IAM User Guide, "Condition operators",
    // Boolean condition operators).
    let never_matches = operator.family == Family::String
        && key_type == ConditionType::Bool
        && !operator.base.contains("Not")
        && !values.is_empty()
        && values.iter().all(|v| match &v.kind {
            NodeKind::String(text) => text
                .as_literal()
                .is_some_and(|s| !is_bool(s) && !s.contains(['*', '?']) && !s.contains("${")),
            NodeKind::Number(_) => true,
            _ => false,
        });
    if never_matches {
        ctx.report_help(
            key.key_loc,
            Code::InvalidConditionValue,
            format!(
                "`{}` is a Bool key, always `true` or `false`, so `{}` never matches the values given",
                key.key, block.key
            ),
            "use `Bool` with `true` or `false`, or the key that holds these values",
        );
        return;
    }
    let compares = match operator.family {
        Family::String => "strings",
        Family::Numeric => "numbers",
        Family::Date => "dates",
        Family::Bool => "Booleans",
        Family::Binary => "binary values",
        Family::IpAddress => "IP addresses",
        Family::Arn => "ARNs",
        Family::Null => "presence",
    };
    ctx.report_help(
        key.key_loc,
        Code::OperatorTypeMismatch,
        format!(
            "`{}` compares {compares}, but `{}` is a {} key",
            block.key,
            key.key,
            key_type.as_str()
        ),
        operators_for(key_type),
    );
}

/// Set qualifiers fit whether the key is multivalued: a multivalued key (`ArrayOf...`
/// types) wants `ForAllValues:` or `ForAnyValue:` (Access Analyzer: "Missing qualifier"),
/// a single-valued key wants none (Access Analyzer: "`ForAllValues` with single valued
/// key": `ForAllValues:` is also true when the key is absent), and `Null` wants none
/// (Access Analyzer: "Null with qualifier"). Warnings: the catalog's multivalued flag
/// comes from the reference's types, which are not always right.
fn check_set_operator<'a>(ctx: &mut Ctx, key: &'a Member<'a>, operator: Operator, def: KeyDef) {
    let unqualified = format!(
        "{}{}",
        operator.base,
        if operator.if_exists { "IfExists" } else { "" }
    );
    match (operator.set, operator.family, def.is_multivalued()) {
        (Some(set), Family::Null, _) => ctx.report_help(
            key.key_loc,
            Code::SetOperatorMismatch,
            format!(
                "`{}:Null` on `{}`: `Null` only tests whether the key is present",
                set.as_str(),
                key.key
            ),
            format!(
                "with `{}:` the test is always {}; use `Null`",
                set.as_str(),
                if set == SetQualifier::ForAllValues {
                    "true"
                } else {
                    "false"
                }
            ),
        ),
        (None, Family::Null, _) | (Some(_), _, true) | (None, _, false) => {}
        (None, _, true) => ctx.report_help(
            key.key_loc,
            Code::SetOperatorMismatch,
            format!(
                "`{}` can have several values in a request, but `{unqualified}` has no `ForAllValues:` or `ForAnyValue:`",
                key.key
            ),
            format!(
                "use `ForAnyValue:{unqualified}` (some value matches) or `ForAllValues:{unqualified}` (every value matches)"
            ),
        ),
        (Some(set), _, false) => ctx.report_help(
            key.key_loc,
            Code::SetOperatorMismatch,
            format!(
                "`{}:` on `{}`, which has a single value",
                set.as_str(),
                key.key
            ),
            if set == SetQualifier::ForAllValues {
                format!(
                    "`ForAllValues:` is also true when the key is absent, which can allow more than meant; use `{unqualified}`"
                )
            } else {
                format!("use `{unqualified}`")
            },
        ),
    }
}

/// A service key that none of the statement's actions (nor their resource types) lists
/// is a warning: the reference is incomplete there — on the managed corpus, keys listed
/// only at the service level (`secretsmanager:ResourceTag/...`) and cross-service
/// session keys (`ec2:SourceInstanceARN`, `lambda:SourceFunctionArn`) work. Global keys
/// are never reported. Only when every action of the statement is known.
fn check_applicable<'a>(ctx: &mut Ctx, scope: &Scope, key: &'a Member<'a>, def: ConditionKey) {
    let Some(actions) = &scope.actions else {
        return;
    };
    let mut lister = Lister::new(&key.key);
    if lister.lists_any(actions) {
        return;
    }
    let message = match actions.as_slice() {
        [one] => format!("`{one}` does not list the condition key `{}`", key.key),
        _ => format!(
            "none of the statement's {} actions lists the condition key `{}`",
            actions.len(),
            key.key
        ),
    };
    let service = def.service();
    let mut takers: Vec<String> = Vec::new();
    for action in service.actions_where(&mut |a| lister.lists(a)) {
        takers.push(action.full_name());
    }
    let help = match takers.as_slice() {
        [] => format!(
            "no action of `{}` lists it (it is a service-level key): check the service's documentation that it applies here",
            service.prefix()
        ),
        [a] => format!("the key applies to `{a}`"),
        [a, b] => format!("the key applies to `{a}` and `{b}`"),
        [a, b, rest @ ..] => format!(
            "the key applies to `{a}`, `{b}` and {} more actions of `{}`",
            rest.len(),
            service.prefix()
        ),
    };
    ctx.report_help(key.key_loc, Code::ConditionKeyNotApplicable, message, help);
}

#[cfg(test)]
mod tests;

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
use super::structure::list;
use super::{Ctx, Policy, Statement};
use crate::capability::{self, Basis, Capability, Support};
use crate::global_keys::{self, GlobalKey};
use crate::model::{self, Action, ConditionKey, ConditionType, ResourceType, RowMemo, Service};
use crate::query;
use crate::suggest::suggest;
use crate::{Code, Member, Node, NodeKind};

/// The condition operators, without `IfExists` and set qualifiers (IAM User Guide,
/// "IAM JSON policy elements: Condition operators").
pub(crate) const OPERATORS: &[&str] = &[
    "StringEquals",
    "StringNotEquals",
    "StringEqualsIgnoreCase",
    "StringNotEqualsIgnoreCase",
    "StringLike",
    "StringNotLike",
    "NumericEquals",
    "NumericNotEquals",
    "NumericLessThan",
    "NumericLessThanEquals",
    "NumericGreaterThan",
    "NumericGreaterThanEquals",
    "DateEquals",
    "DateNotEquals",
    "DateLessThan",
    "DateLessThanEquals",
    "DateGreaterThan",
    "DateGreaterThanEquals",
    "Bool",
    "BinaryEquals",
    "IpAddress",
    "NotIpAddress",
    "ArnEquals",
    "ArnLike",
    "ArnNotEquals",
    "ArnNotLike",
    "Null",
];

/// The set qualifiers, as written before the `:`.
pub(crate) const SET_QUALIFIERS: &[&str] = &["ForAllValues", "ForAnyValue"];

/// What a condition operator compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Family {
    /// `String...`.
    String,
    /// `Numeric...`.
    Numeric,
    /// `Date...`.
    Date,
    /// `Bool`.
    Bool,
    /// `BinaryEquals`.
    Binary,
    /// `IpAddress`, `NotIpAddress`.
    IpAddress,
    /// `Arn...`.
    Arn,
    /// `Null`.
    Null,
}

impl Family {
    fn of(base: &str) -> Family {
        if base.starts_with("String") {
            Family::String
        } else if base.starts_with("Numeric") {
            Family::Numeric
        } else if base.starts_with("Date") {
            Family::Date
        } else if base == "Bool" {
            Family::Bool
        } else if base == "BinaryEquals" {
            Family::Binary
        } else if base.ends_with("IpAddress") {
            Family::IpAddress
        } else if base.starts_with("Arn") {
            Family::Arn
        } else {
            Family::Null
        }
    }

    /// Whether IAM replaces policy variables in values of this family: only string and
    /// ARN operators (IAM User Guide, "Where you can use policy variables"; Access
    /// Analyzer "Invalid variable for operator").
    pub fn takes_policy_variables(self) -> bool {
        matches!(self, Family::String | Family::Arn)
    }
}

/// A set qualifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SetQualifier {
    /// `ForAllValues:`.
    ForAllValues,
    /// `ForAnyValue:`.
    ForAnyValue,
}

impl SetQualifier {
    /// `ForAllValues` or `ForAnyValue`.
    pub fn as_str(self) -> &'static str {
        match self {
            SetQualifier::ForAllValues => "ForAllValues",
            SetQualifier::ForAnyValue => "ForAnyValue",
        }
    }
}

/// A condition operator as written, split into its parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Operator {
    /// The operator without qualifier and `IfExists` (`StringLike`).
    pub base: &'static str,
    /// What it compares.
    pub family: Family,
    /// `ForAllValues:`/`ForAnyValue:`, when present.
    pub set: Option<SetQualifier>,
    /// Whether it ends in `IfExists`.
    pub if_exists: bool,
}

/// Why a condition operator is not one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum OperatorError {
    /// `NullIfExists` (with or without a qualifier).
    NullIfExists,
    /// Not an operator; the closest operator, when one is close.
    Unknown(Option<String>),
}

/// Reads a condition operator. Operator names are case-sensitive: IAM rejects
/// `stringEquals` with `MalformedPolicyDocument: Invalid Condition type : stringEquals`
/// (observed in `ministryofjustice/modernisation-platform-environments#8893`); the AWS
/// documentation itself is silent on case. Set qualifiers are taken as AWS writes them
/// (`ForAllValues:`, `ForAnyValue:`), for the same reason.
pub(crate) fn parse_operator(name: &str) -> Result<Operator, OperatorError> {
    let (set, rest) = match name.split_once(':') {
        Some(("ForAllValues", rest)) => (Some(SetQualifier::ForAllValues), rest),
        Some(("ForAnyValue", rest)) => (Some(SetQualifier::ForAnyValue), rest),
        Some(_) => return Err(OperatorError::Unknown(suggest_operator(name))),
        None => (None, name),
    };
    let (base, if_exists) = match rest.strip_suffix("IfExists") {
        Some(base) => (base, true),
        None => (rest, false),
    };
    let Some(&base) = OPERATORS.iter().find(|&&op| op == base) else {
        return Err(OperatorError::Unknown(suggest_operator(name)));
    };
    if base == "Null" && if_exists {
        return Err(OperatorError::NullIfExists);
    }
    Ok(Operator {
        base,
        family: Family::of(base),
        set,
        if_exists,
    })
}

/// The operator closest to a misspelt one, over every operator with and without
/// `IfExists`, keeping a (corrected) set qualifier.
fn suggest_operator(name: &str) -> Option<String> {
    let (qualifier, rest) = match name.split_once(':') {
        Some((q, rest)) => (Some(suggest(q, SET_QUALIFIERS.iter().copied())?), rest),
        None => (None, name),
    };
    let candidates: Vec<String> = OPERATORS
        .iter()
        .map(|op| (*op).to_owned())
        .chain(
            OPERATORS
                .iter()
                .filter(|op| **op != "Null")
                .map(|op| format!("{op}IfExists")),
        )
        .collect();
    let body = suggest(rest, candidates.iter().map(String::as_str))?;
    let out = match qualifier {
        Some(q) => format!("{q}:{body}"),
        None => body.to_owned(),
    };
    (out != name).then_some(out)
}

/// A condition key's definition: a global key or a service's key.
#[derive(Debug, Clone, Copy)]
pub enum KeyDef {
    /// A key of the curated global table (or an OIDC provider's claim).
    Global(&'static GlobalKey),
    /// A key a service's reference page lists.
    Service(ConditionKey),
}

impl KeyDef {
    /// The key's type.
    pub fn value_type(self) -> ConditionType {
        match self {
            KeyDef::Global(key) => key.value_type,
            KeyDef::Service(key) => key.value_type(),
        }
    }

    /// Whether the key has several values.
    pub fn is_multivalued(self) -> bool {
        match self {
            KeyDef::Global(key) => key.multivalued,
            KeyDef::Service(key) => key.is_multivalued(),
        }
    }
}

/// Where looking a key up ended when it is in no table.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Missing {
    /// No `:` in the key.
    NoPrefix,
    /// A prefix that is no service's (and not `aws`).
    UnknownService(String),
    /// A global (`aws:`) key that no table has.
    Global,
    /// A service that has no such key.
    NotInService(Service),
}

/// Whether a key name listed by the catalog matches `name`: exactly or through a
/// `${...}` template (ASCII case-insensitive), or through a tag template the reference
/// spells literally, `.../tag-key` (Secrets Manager's `secretsmanager:ResourceTag/tag-key`,
/// SSM's `ssm:resourceTag/tag-key`; the importer normalizes `<key>` spellings but not
/// this one).
fn key_matches(listed: &str, name: &str) -> bool {
    if listed.eq_ignore_ascii_case(name) || query::template_matches(listed, name) {
        return true;
    }
    listed.strip_suffix("tag-key").is_some_and(|head| {
        head.ends_with('/')
            && name.len() > head.len()
            && name
                .get(..head.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(head))
    })
}

/// The key of `service` matching `name` (see [`key_matches`]).
fn service_key(service: Service, name: &str) -> Option<ConditionKey> {
    // The service's `.../tag-key` keys, found once per process.
    static TAG_KEYS: RowMemo<Vec<ConditionKey>> = RowMemo::new();
    service.condition_key(name).or_else(|| {
        TAG_KEYS
            .get(service.row(), model::services().len(), || {
                service
                    .condition_keys()
                    .filter(|key| key.name().ends_with("/tag-key"))
                    .collect()
            })?
            .iter()
            .copied()
            .find(|key| key_matches(key.name(), name))
    })
}

/// Answers whether actions list one key name, remembering the answer per service and per
/// resource type: a service's own key list is a superset of the keys its actions and
/// resource types list (checked over the whole catalog: 57,839 of 57,839), so a service
/// without the key is skipped whole, and the actions of `ec2:*` share a few dozen resource
/// types.
struct Lister<'n> {
    name: &'n str,
    /// Few per statement, in a row: a list beats hashing.
    services: Vec<(Service, bool)>,
    resource_types: HashMap<ResourceType, bool>,
}

impl<'n> Lister<'n> {
    fn new(name: &'n str) -> Self {
        Self {
            name,
            services: Vec::new(),
            resource_types: HashMap::new(),
        }
    }

    /// Whether `listed` (a name from the catalog) is the key: see [`key_matches`]; names
    /// without a template compare directly.
    fn matches(&self, listed: &str) -> bool {
        // A `$` first, by a byte search: a name with a `$` but no `${` matches only itself
        // there too.
        if listed.as_bytes().contains(&b'$') || listed.ends_with("/tag-key") {
            key_matches(listed, self.name)
        } else {
            listed.eq_ignore_ascii_case(self.name)
        }
    }

    /// Whether the service lists the key at all (remembered).
    fn in_service(&mut self, service: Service) -> bool {
        if let Some(&(_, known)) = self.services.iter().find(|(s, _)| *s == service) {
            return known;
        }
        let known = service_key(service, self.name).is_some();
        self.services.push((service, known));
        known
    }

    /// Whether the action, or one of its resource types, lists the key (what
    /// [`Action::lists_condition_key`] answers, plus the literal tag templates).
    fn lists(&mut self, action: Action) -> bool {
        if !self.in_service(action.service()) {
            return false;
        }
        if action.condition_keys().any(|k| self.matches(k))
            || action
                .resource_types()
                .any(|ar| ar.condition_keys().any(|k| self.matches(k)))
        {
            return true;
        }
        action
            .resource_types()
            .any(|ar| self.resource_type_lists(ar.resource_type()))
    }

    /// Whether a resource type lists the key (remembered).
    fn resource_type_lists(&mut self, resource_type: ResourceType) -> bool {
        if let Some(&listed) = self.resource_types.get(&resource_type) {
            return listed;
        }
        let listed = resource_type.condition_keys().any(|k| self.matches(k));
        self.resource_types.insert(resource_type, listed);
        listed
    }

    /// Whether any of the actions lists the key: first the actions' own keys, then the
    /// keys they list per resource type, then the resource types' keys — most keys are
    /// found in the first, cheapest pass.
    fn lists_any(&mut self, actions: &[Action]) -> bool {
        let candidates: Vec<Action> = actions
            .iter()
            .copied()
            .filter(|a| self.in_service(a.service()))
            .collect();
        if candidates
            .iter()
            .any(|a| a.condition_keys().any(|k| self.matches(k)))
        {
            return true;
        }
        if candidates.iter().any(|a| {
            a.resource_types()
                .any(|ar| ar.condition_keys().any(|k| self.matches(k)))
        }) {
            return true;
        }
        candidates.iter().any(|a| {
            a.resource_types()
                .any(|ar| self.resource_type_lists(ar.resource_type()))
        })
    }
}

/// Finds a condition key: a global key, else a key of the service its prefix names
/// (templates such as `s3:ExistingObjectTag/${TagKey}` match any tag key), else a key
/// with that prefix listed by another service: the reference lists some keys under a
/// service whose prefix differs (`catalog:ChangeType` under `aws-marketplace`), and
/// services list the global keys they support (an `aws:` key missing from the curated
/// global table is taken from there).
///
/// The one answer to "what is this key": the checks and `iam-policy explain` both ask it.
pub fn resolve_key(name: &str, services: &[Service]) -> Result<KeyDef, Missing> {
    let Some((prefix, _)) = name.split_once(':') else {
        return Err(Missing::NoPrefix);
    };
    // The curated table is searched linearly, templates included: ask it only about the
    // prefixes it has (`aws`, and a few services' cross-service keys).
    let curated = global_keys::GLOBAL_KEYS.iter().any(|key| {
        key.name
            .get(..prefix.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(prefix))
            && key.name.as_bytes().get(prefix.len()) == Some(&b':')
    });
    if let Some(key) = curated.then(|| global_keys::global_key(name)).flatten() {
        return Ok(KeyDef::Global(key));
    }
    let own = model::service(prefix);
    if let Some(key) = own.and_then(|service| service_key(service, name)) {
        return Ok(KeyDef::Service(key));
    }
    let same_prefix = |key: &ConditionKey| {
        key.name()
            .split_once(':')
            .is_some_and(|(p, _)| p.eq_ignore_ascii_case(prefix))
    };
    // Another service's listing: the statement's services first, then every service
    // that lists a key of this prefix; exact names by binary search, then templates.
    let listed = query::keys_of_prefix(prefix);
    if let Some(key) = services
        .iter()
        .copied()
        .filter(|s| listed.services.contains(s))
        .chain(listed.services.iter().copied())
        .filter(|s| Some(*s) != own)
        .find_map(|s| s.listed_condition_key(name))
        .or_else(|| {
            listed
                .templates
                .iter()
                .copied()
                .find(|key| Some(key.service()) != own && key_matches(key.name(), name))
        })
        .filter(same_prefix)
    {
        return Ok(KeyDef::Service(key));
    }
    if own.is_none()
        && let Some(key) = global_keys::oidc_claim_key(name)
    {
        return Ok(KeyDef::Global(key));
    }
    Err(if prefix.eq_ignore_ascii_case("aws") {
        Missing::Global
    } else {
        match own {
            Some(service) => Missing::NotInService(service),
            None => Missing::UnknownService(prefix.to_owned()),
        }
    })
}

/// A condition key's type and whether it is multivalued, for any key the checker knows
/// (global, service, cross-service, OIDC claim, as the condition rules resolve them): the one lookup the
/// evaluator uses to type request values.
pub fn key_type(name: &str) -> Option<(ConditionType, bool)> {
    resolve_key(name, &[])
        .ok()
        .map(|key| (key.value_type(), key.is_multivalued()))
}

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
    for action in actions.iter().flatten() {
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

/// Operators are one of [`OPERATORS`], optionally with `IfExists` (never on `Null`) and a
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

/// A key's value is a string, number or Boolean, or a non-empty array of them (grammar:
/// `condition_value_list`). Returns the value nodes to check further.
fn check_value_shape<'a>(ctx: &mut Ctx, key: &'a Member<'a>) -> Vec<&'a Node<'a>> {
    let scalar = |node: &Node| {
        matches!(
            node.kind,
            NodeKind::String(_) | NodeKind::Number(_) | NodeKind::Bool(_)
        )
    };
    match &key.value.kind {
        NodeKind::Opaque(_) => Vec::new(),
        NodeKind::Array(items) if items.is_empty() => {
            ctx.report_help(
                key.value.loc,
                Code::EmptyElement,
                format!("`{}` has an empty array of values", key.key),
                "give at least one value, or test for an absent key with `\"Null\": { \"...\": \"true\" }`",
            );
            Vec::new()
        }
        NodeKind::Array(items) => {
            let mut out = Vec::new();
            for item in items {
                if scalar(item) {
                    out.push(item);
                } else if !matches!(item.kind, NodeKind::Opaque(_)) {
                    ctx.report(
                        item.loc,
                        Code::InvalidElementType,
                        format!(
                            "the values of `{}` are strings, numbers or Booleans, not {}",
                            key.key,
                            item.type_name()
                        ),
                    );
                }
            }
            out
        }
        _ if scalar(&key.value) => vec![&key.value],
        _ => {
            ctx.report(
                key.value.loc,
                Code::InvalidElementType,
                format!(
                    "the value of `{}` is a string, number or Boolean, or an array of them, not {}",
                    key.key,
                    key.value.type_name()
                ),
            );
            Vec::new()
        }
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
            ctx.did_you_mean("condition key", name, || suggest_key(name, None)).map_or_else(
                || "see the global keys (`aws:...`) and the service's keys in the Service Authorization Reference".to_owned(),
                |s| format!("did you mean `{s}`?"),
            ),
        ),
        Missing::Global => (
            format!("`{name}` is not a global condition key"),
            ctx.did_you_mean("condition key", name, || suggest_key(name, None)).map_or_else(
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
                    claims
                        .iter()
                        .map(|c| format!("`{c}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
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
            ctx.did_you_mean("condition key", name, || suggest_key(name, Some(*service))).map_or_else(
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

/// The known key closest to `name`: over the service's keys (when given) and the global
/// keys. A templated key (`aws:ResourceTag/${TagKey}`) is compared with the name's own
/// tag part filled in, so `aws:ResourceTg/team` suggests `aws:ResourceTag/team`.
fn suggest_key(name: &str, service: Option<Service>) -> Option<String> {
    let tail = name.split_once('/').map(|(_, tail)| tail);
    let fill = |template: &str| -> Option<String> {
        match template.split_once("/${") {
            Some((head, rest)) if rest.ends_with('}') && !rest.contains('/') => {
                tail.map(|t| format!("{head}/{t}"))
            }
            Some(_) => None,
            None => (!template.contains("${")).then(|| template.to_owned()),
        }
    };
    let mut candidates: Vec<String> = Vec::new();
    if let Some(service) = service {
        candidates.extend(service.condition_keys().filter_map(|k| fill(k.name())));
    }
    candidates.extend(global_keys::GLOBAL_KEYS.iter().filter_map(|k| fill(k.name)));
    suggest(name, candidates.iter().map(String::as_str)).map(str::to_owned)
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

/// `bool-multiple-values`: `Bool` with several values for one key (Access Analyzer:
/// "Invalid condition multiple Boolean": "The condition key does not support multiple
/// Boolean values. Use a single Boolean value."). The values are alternatives (any one
/// matches), so `["true", "false"]` matches whenever the key is present: the condition
/// tests presence, which `Null` says plainly. A set qualifier (`ForAnyValue:Bool`, for a multivalued key) takes
/// several values by design and is left alone.
fn check_bool_values<'a>(ctx: &mut Ctx, key: &'a Member<'a>, operator: Operator, def: KeyDef) {
    if operator.family != Family::Bool
        || operator.set.is_some()
        || def.value_type() != ConditionType::Bool
    {
        return;
    }
    let Some(values) = key.value.as_array() else {
        return;
    };
    if values.len() < 2 {
        return;
    }
    ctx.report_help(
        key.value.loc,
        Code::BoolMultipleValues,
        format!(
            "`{}` takes one Boolean, but `{}` gives it {} values, which match when any does",
            key.key,
            if operator.if_exists { "BoolIfExists" } else { "Bool" },
            values.len()
        ),
        "keep the one value meant (`\"true\"` or `\"false\"`); to test whether the key is present, use `Null`",
    );
}

/// The private address ranges `aws:SourceIp` never holds: RFC 1918 (`10.0.0.0/8`,
/// `172.16.0.0/12`, `192.168.0.0/16`) and IPv6 unique local addresses (RFC 4193,
/// `fc00::/7`).
fn is_private_range(text: &str) -> bool {
    if !is_ip_range(text) {
        return false;
    }
    let (address, prefix) = match text.split_once('/') {
        Some((a, p)) => (a, p.parse::<u32>().ok()),
        None => (text, None),
    };
    match address.parse::<std::net::IpAddr>() {
        Ok(std::net::IpAddr::V4(ip)) => {
            let bits = u32::from(ip);
            let prefix = prefix.unwrap_or(32);
            [
                (0x0a00_0000_u32, 8_u32),
                (0xac10_0000, 12),
                (0xc0a8_0000, 16),
            ]
            .iter()
            .any(|&(net, len)| prefix >= len && bits >> (32 - len) == net >> (32 - len))
        }
        Ok(std::net::IpAddr::V6(ip)) => {
            prefix.unwrap_or(128) >= 7 && ip.octets().first().is_some_and(|b| b & 0xfe == 0xfc)
        }
        Err(_) => false,
    }
}

/// `private-source-ip`: a private address range as a value of `aws:SourceIp`. The key
/// holds the requester's public address; a request from a private address reaches AWS
/// through a VPC endpoint, where `aws:SourceIp` is absent and `aws:VpcSourceIp` holds the
/// address (IAM User Guide, global condition keys, `aws:SourceIp` and `aws:VpcSourceIp`).
/// So the value never matches: with `IpAddress` the statement does not apply to those
/// requests, with `NotIpAddress` it always does. Access Analyzer: "Private IP address",
/// "Private `NotIpAddress`" (every value private) and "Private IP address subset" (some).
fn check_private_source_ip<'a>(
    ctx: &mut Ctx,
    key: &'a Member<'a>,
    operator: Operator,
    values: &[&'a Node<'a>],
) {
    if operator.family != Family::IpAddress || !key.key.eq_ignore_ascii_case("aws:SourceIp") {
        return;
    }
    for value in values {
        let Some(text) = value.as_literal() else {
            continue;
        };
        if !is_private_range(text) {
            continue;
        }
        ctx.report_help(
            value.loc,
            Code::PrivateSourceIp,
            format!(
                "`{text}` is a private range, which `aws:SourceIp` never holds: `{}` never matches it",
                operator.base
            ),
            "requests from private addresses come through a VPC endpoint, where `aws:SourceIp` is absent: compare `aws:VpcSourceIp` (with `aws:SourceVpc` or `aws:SourceVpce`) instead",
        );
    }
}

/// Whether a value reads as a Boolean (`true`, `"false"`, ...), or is unknown until run
/// time. A string operator comparing a Bool key with `"true"`/`"false"` compares the
/// same text `Bool` would; AWS's managed policies do this
/// (`"StringEquals": {"lakeformation:EnabledOnlyForMetaDataAccess": "true"}`), so it
/// is accepted. Any other value can never match a Bool key.
fn boolean_text(value: &Node) -> bool {
    match &value.kind {
        NodeKind::Bool(_) => true,
        NodeKind::String(text) => text
            .as_literal()
            .is_none_or(|s| is_bool(s) || s.contains("${")),
        _ => false,
    }
}

/// Help naming the operators for a key type.
fn operators_for(key_type: ConditionType) -> &'static str {
    match key_type {
        ConditionType::String => {
            "use a string operator: `StringEquals`, `StringNotEquals`, `StringLike`, `StringNotLike`, ..."
        }
        ConditionType::Arn => {
            "use an ARN operator (`ArnEquals`, `ArnLike`, `ArnNotEquals`, `ArnNotLike`) or a string operator"
        }
        ConditionType::Numeric => {
            "use a numeric operator: `NumericEquals`, `NumericLessThan`, `NumericGreaterThan`, ..."
        }
        ConditionType::Date => {
            "use a date operator: `DateEquals`, `DateLessThan`, `DateGreaterThan`, ..."
        }
        ConditionType::Bool => "use `Bool`",
        ConditionType::IpAddress => "use `IpAddress` or `NotIpAddress`",
        ConditionType::Binary => "use `BinaryEquals`",
    }
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

/// A value parses for its operator (Access Analyzer: "Type mismatch date / number /
/// Boolean / IP range / string"). Values holding a policy variable or an inserted value
/// are not parsed (the variable rule reports variables where IAM does not replace them).
fn check_value<'a>(ctx: &mut Ctx, operator: Operator, operator_name: &str, value: &'a Node<'a>) {
    let (text, json_type) = match &value.kind {
        NodeKind::String(text) => match text.as_literal() {
            Some(s) if !s.contains("${") => (s, "string"),
            _ => return,
        },
        NodeKind::Number(n) => (n.as_ref(), "number"),
        NodeKind::Bool(true) => ("true", "bool"),
        NodeKind::Bool(false) => ("false", "bool"),
        _ => return,
    };
    let (ok, what, help) = match operator.family {
        Family::String | Family::Arn => return,
        Family::Numeric => (
            json_type != "bool" && is_number(text),
            "a number",
            "write an integer or a decimal, such as `10` or `1.5`",
        ),
        Family::Date => (
            json_type != "bool" && is_date(text),
            "a date",
            "write an ISO 8601 date or date-time such as `2026-01-31` or `2026-01-31T12:00:00Z`, or epoch seconds such as `1769860800`",
        ),
        Family::Bool => (
            json_type != "number" && is_bool(text),
            "a Boolean",
            "write `true` or `false`",
        ),
        Family::Null => (
            json_type != "number" && is_bool(text),
            "`true` or `false`",
            "`Null` takes `true` (the key is absent) or `false` (the key is present)",
        ),
        Family::IpAddress => (
            json_type == "string" && is_ip_range(text),
            "an IP address or CIDR range",
            "write an IPv4 or IPv6 address or CIDR range, such as `203.0.113.0/24` or `2001:db8::/32`",
        ),
        Family::Binary => (
            json_type == "string" && is_base64(text),
            "base64",
            "write the bytes in base64, such as `QmluYXJ5VmFsdWU=`",
        ),
    };
    if !ok {
        ctx.report_help(
            value.loc,
            Code::InvalidConditionValue,
            format!("`{text}` is not {what}, as `{operator_name}` needs"),
            help,
        );
    }
}

/// A number as IAM reads one ([`crate::value::parse_number`]).
fn is_number(text: &str) -> bool {
    crate::value::parse_number(text).is_some()
}

/// `true` or `false`, in any case (the reference writes them lowercase; whether IAM
/// rejects `True` is not documented, so it is accepted).
fn is_bool(text: &str) -> bool {
    text.eq_ignore_ascii_case("true") || text.eq_ignore_ascii_case("false")
}

/// A date as IAM reads one ([`crate::value::parse_date`]).
fn is_date(text: &str) -> bool {
    crate::value::parse_date(text).is_some()
}

/// An IP address or CIDR range ([`crate::value::parse_ip_range`]).
fn is_ip_range(text: &str) -> bool {
    crate::value::parse_ip_range(text).is_some()
}

/// Standard base64 (RFC 4648 alphabet), with or without `=` padding.
fn is_base64(text: &str) -> bool {
    let body = text.trim_end_matches('=');
    let padding = text.len() - body.len();
    !body.is_empty()
        && padding <= 2
        && body
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'+' || b == b'/')
        && (if padding > 0 {
            text.len().is_multiple_of(4)
        } else {
            body.len() % 4 != 1
        })
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
    let takers: Vec<String> = service
        .actions()
        .filter(|&a| lister.lists(a))
        .map(Action::full_name)
        .collect();
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

/// Whether a key name is a tag key: `.../ResourceTag/...`, `.../RequestTag/...` or
/// `...:TagKeys`, for `aws:` or a service prefix.
fn is_tag_key(name: &str) -> bool {
    let Some((_, rest)) = name.split_once(':') else {
        return false;
    };
    let lower = rest.to_ascii_lowercase();
    lower.starts_with("resourcetag/") || lower.starts_with("requesttag/") || lower == "tagkeys"
}

/// A global tag key: `aws:ResourceTag/...`, `aws:RequestTag/...` or `aws:TagKeys`.
fn is_global_tag_key(name: &str) -> bool {
    name.get(..4)
        .is_some_and(|p| p.eq_ignore_ascii_case("aws:"))
        && is_tag_key(name)
}

/// Whether the per-action data of a service mentions any tag key at all: at the service
/// level, on an action, or on a resource type.
fn service_mentions_tags(service: Service) -> bool {
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
fn check_tag_support<'a>(ctx: &mut Ctx, scope: &Scope, key: &'a Member<'a>) {
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
fn check_tag_key_applicable<'a>(
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

#[cfg(test)]
mod tests;

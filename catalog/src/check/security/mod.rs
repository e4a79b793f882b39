//! Security findings: what a well-formed policy lets someone do. Warnings by default (a
//! user promotes them with `#![deny(code)]` or `--deny CODE`).
//!
//! "Granted without constraint" means: an `Allow` statement without `Condition` whose
//! `Action` patterns match the action (or whose `NotAction` does not), whose `Resource`
//! is `"*"` or names every resource of each of the action's required resource types (of
//! one of its types when none is required): `arn:aws:iam::*:role/*` for `iam:PassRole`,
//! `arn:aws:s3:::*` for `s3:GetObject`, but not `dbname:*/*` for
//! `redshift:GetClusterCredentials`, whose required `dbuser` stays constrained, or which uses `NotResource` (an exclusion
//! list does not constrain), and that no unconditioned `Deny` on `"*"` of the same policy
//! takes back. An action without resource types is unconstrained only on `"*"`: on an
//! ARN it grants nothing (`wildcard-resource-required`).
//!
//! The grant rules (`privilege-escalation`, `pass-role-unrestricted`, `data-exfiltration`,
//! `resource-exposure`, `credentials-exposure`) judge identity policies, the policies that
//! grant a principal its permissions; boundaries, session policies, SCPs and RCPs only
//! limit. `allow-with-not` judges identity, resource and trust policies; `public-access`
//! resource and trust policies; `cross-account-trust-unconditioned` trust policies.
//!
//! The lists behind the rules are in [`lists`], each entry with its source.

pub mod lists;
mod principals;

use std::sync::OnceLock;

use lists::{
    CREDENTIALS_ACTIONS, CROSS_ACCOUNT_LIMITING_KEYS, DATA_EXFILTRATION_ACTIONS,
    ESCALATION_METHODS, EscalationMethod, NOT_EXPOSING_PREFIXES, PRINCIPAL_LIMITING_KEYS,
};
use principals::{allow_with_not, any_condition_key, cross_account, public_access};

use super::actions::Resolved;
use super::conditions::parse_operator;
use super::policy_type::is_account;
use super::{Ctx, Policy, Statement, strings_of};
use crate::grants::matching::covers_format;
use crate::model::{AccessLevel, Action, ActionOrder, RowMemo, Service, sort_actions};
use crate::query::each_matching;
use crate::{Code, Loc, PolicyKind};

/// Runs the security rules over a policy whose structure was read.
pub(crate) fn check_security(ctx: &mut Ctx, policy: &Policy<'_>) {
    let kind = ctx.kind;
    if kind == PolicyKind::Identity {
        let grants = Grants::new(policy);
        // Most statements cover no action the grant rules ask about: nothing to judge.
        if grants.grants_nothing() {
            return check_statements(ctx, policy);
        }
        privilege_escalation(ctx, &grants);
        for (n, statement) in policy.statements.iter().enumerate() {
            ctx.statement = Some(statement.index);
            pass_role(ctx, &grants, n);
            let lists = resolved_lists();
            listed(
                ctx,
                &grants,
                n,
                (DATA_EXFILTRATION_ACTIONS, &lists.exfiltration),
                Code::DataExfiltration,
            );
            listed(
                ctx,
                &grants,
                n,
                (CREDENTIALS_ACTIONS, &lists.credentials),
                Code::CredentialsExposure,
            );
            resource_exposure(ctx, &grants, n);
        }
    }
    check_statements(ctx, policy);
}

/// The statement-level rules of [`check_security`], by policy type.
fn check_statements(ctx: &mut Ctx, policy: &Policy<'_>) {
    let kind = ctx.kind;
    for statement in &policy.statements {
        ctx.statement = Some(statement.index);
        if matches!(
            kind,
            PolicyKind::Identity | PolicyKind::Resource | PolicyKind::Trust
        ) {
            allow_with_not(ctx, statement);
        }
        if matches!(kind, PolicyKind::Resource | PolicyKind::Trust) {
            public_access(ctx, statement);
        }
        if kind == PolicyKind::Trust {
            cross_account(ctx, statement);
        }
    }
    ctx.statement = None;
}

/// Which of the [`watched`] actions (the only ones the grant rules ask about) a
/// statement's `Action` or `NotAction` covers, and where, computed once per statement.
enum Cover<'a> {
    /// These actions, each at the first string that matches it.
    Some(Vec<(Action, &'a Loc)>),
    /// Every action but these (`NotAction`, or a `"*"` action), reported at `at`.
    AllBut(Vec<Action>, &'a Loc),
    /// An inserted value leaves it open: never guessed.
    Unknown,
}

impl<'a> Cover<'a> {
    fn of(statement: &Statement<'a>) -> Self {
        if conflicting(statement) {
            return Cover::Unknown;
        }
        if let Some(member) = statement.not_action {
            let mut excluded = Vec::new();
            for (node, resolved) in statement.named(true) {
                if node.as_literal().is_none() {
                    return Cover::Unknown;
                }
                watched_named(resolved, |action| {
                    if !excluded.contains(&action) {
                        excluded.push(action);
                    }
                });
            }
            return Cover::AllBut(excluded, &member.key_loc);
        }
        let mut covered: Vec<(Action, &'a Loc)> = Vec::new();
        for (node, resolved) in statement.named(false) {
            let Some(pattern) = node.as_literal() else {
                continue;
            };
            if is_star(pattern) {
                return Cover::AllBut(Vec::new(), &node.loc);
            }
            watched_named(resolved, |action| {
                if !covered.iter().any(|(a, _)| *a == action) {
                    covered.push((action, &node.loc));
                }
            });
        }
        Cover::Some(covered)
    }

    /// Where the statement covers `action` (one of the [`watched`] actions), when it does.
    fn at(&self, action: Action) -> Option<&'a Loc> {
        match self {
            Cover::Some(covered) => covered
                .iter()
                .find(|(a, _)| *a == action)
                .map(|(_, at)| *at),
            Cover::AllBut(excluded, at) => (!excluded.contains(&action)).then_some(*at),
            Cover::Unknown => None,
        }
    }

    /// Whether the statement covers none of the [`watched`] actions.
    fn is_empty(&self) -> bool {
        match self {
            Cover::Some(covered) => covered.is_empty(),
            Cover::AllBut(..) => false,
            Cover::Unknown => true,
        }
    }
}

/// Calls `found` with each [`watched`] action an action string names: the watched part of
/// what [`crate::query::expand`] lists, without listing the rest (`ec2:Describe*` matches
/// some 200 actions, none of them watched). A string the catalog resolves to nothing
/// (an unknown action, a pattern matching nothing) names none.
fn watched_named(resolved: &Resolved, mut found: impl FnMut(Action)) {
    let mut each_in = |service: Service, name: &str| {
        let list = watched(service);
        if !list.is_empty() {
            each_matching(
                list.len(),
                |index| list.get(index).copied(),
                name,
                |action| {
                    found(action);
                    true
                },
            );
        }
    };
    match resolved {
        // The watched actions are in catalog order: one binary search.
        Resolved::Named(action) => {
            if watched(action.service())
                .binary_search_by_key(&action.row(), |a| a.row())
                .is_ok()
            {
                found(*action);
            }
        }
        Resolved::Pattern(pattern) => {
            for service in pattern.services() {
                each_in(service, pattern.name());
            }
        }
        Resolved::Unknown => {}
    }
}

/// The actions of `service` the grant rules ask about: the listed ones (escalation,
/// data, credentials) and every [`exposing`] one, in catalog order. Found once per
/// service and process.
fn watched(service: Service) -> &'static [Action] {
    static WATCHED: RowMemo<Vec<Action>> = RowMemo::new();
    WATCHED
        .get(service.row(), crate::services().len(), || {
            let listed = &resolved_lists().listed;
            service.actions_where(&mut |a| exposing(a) || listed.contains(&a))
        })
        .map_or(&[], Vec::as_slice)
}

/// Whether `Resource` (or `NotResource`) leaves the action unconstrained.
fn resource_unconstrained(statement: &Statement<'_>, action: Action) -> bool {
    if statement.not_resource.is_some() {
        return true;
    }
    statement.resources(false).into_iter().any(|node| {
        let Some(text) = node.as_literal() else {
            return false;
        };
        if is_star(text) {
            return true;
        }
        // Every request of the action names a resource of each required type, so all of
        // them must be named in full; without required types, one type suffices.
        let covered = |t: &crate::ActionResource| {
            t.resource_type()
                .arn_formats()
                .all(|format| covers_format(text, format))
        };
        let mut required = action.resource_types().filter(|t| t.required()).peekable();
        if required.peek().is_some() {
            required.all(|t| covered(&t))
        } else {
            action.resource_types().any(|t| covered(&t))
        }
    })
}

fn is_star(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b == b'*')
}

/// A statement with both `Action` and `NotAction`, or both `Resource` and `NotResource`:
/// `conflicting-elements` reports it, and what it grants is not judged.
fn conflicting(statement: &Statement<'_>) -> bool {
    (statement.action.is_some() && statement.not_action.is_some())
        || (statement.resource.is_some() && statement.not_resource.is_some())
}

fn is_allow(statement: &Statement<'_>) -> bool {
    statement.effect.and_then(|m| m.value.as_literal()) == Some("Allow")
}

/// The unconstrained grants of one identity policy: each statement's cover, and what an
/// unconditioned `Deny` on `"*"` takes back.
struct Grants<'p, 'a> {
    policy: &'p Policy<'a>,
    covers: Vec<Cover<'a>>,
    denials: Vec<usize>,
}

impl<'p, 'a> Grants<'p, 'a> {
    fn new(policy: &'p Policy<'a>) -> Self {
        let takes_back = |s: &Statement<'a>| {
            s.is_deny()
                && s.condition.is_none()
                && s.not_resource.is_none()
                && s.resources(false)
                    .iter()
                    .any(|n| n.as_literal().is_some_and(is_star))
        };
        // Only an `Allow` grants, and only an unconditioned `Deny` on `"*"` takes back: the
        // other statements' covers are never asked for, so they are not expanded.
        let covers: Vec<_> = policy
            .statements
            .iter()
            .map(|s| {
                if is_allow(s) || takes_back(s) {
                    Cover::of(s)
                } else {
                    Cover::Unknown
                }
            })
            .collect();
        let denials = policy
            .statements
            .iter()
            .enumerate()
            .filter(|(_, s)| takes_back(s))
            .map(|(i, _)| i)
            .collect();
        Self {
            policy,
            covers,
            denials,
        }
    }

    /// Whether no statement covers a [`watched`] action: no grant rule can fire.
    fn grants_nothing(&self) -> bool {
        self.covers.iter().all(Cover::is_empty)
    }

    /// Whether an unconditioned `Deny` on every resource takes the action back.
    fn denied(&self, action: Action) -> bool {
        self.denials
            .iter()
            .any(|&i| self.covers.get(i).is_some_and(|c| c.at(action).is_some()))
    }

    /// Where statement number `n` (in `policy.statements`) grants the action without
    /// constraint (ignoring conditions when `any_condition` is set).
    fn in_statement(&self, n: usize, action: Action, any_condition: bool) -> Option<&'a Loc> {
        let statement = self.policy.statements.get(n)?;
        if !is_allow(statement) || (statement.condition.is_some() && !any_condition) {
            return None;
        }
        let at = self.covers.get(n)?.at(action)?;
        (resource_unconstrained(statement, action) && !self.denied(action)).then_some(at)
    }

    /// The first statement granting the action without constraint, and where.
    fn anywhere(&self, action: Option<Action>) -> Option<(usize, &'a Loc)> {
        let action = action?;
        (0..self.policy.statements.len()).find_map(|n| {
            Some((
                self.policy.statements.get(n)?.index,
                self.in_statement(n, action, false)?,
            ))
        })
    }
}

/// `privilege-escalation`: every method whose actions the policy all grants without
/// constraint, reported at the grant of the method's first action; methods reported at
/// the same string are one finding.
fn privilege_escalation<'a>(ctx: &mut Ctx, grants: &Grants<'_, 'a>) {
    let mut found: Vec<(usize, &'a Loc, Vec<&EscalationMethod>)> = Vec::new();
    // Where each action is granted, asked once: `iam:PassRole` is in a dozen methods.
    let mut granted: Vec<(Action, Option<(usize, &'a Loc)>)> = Vec::new();
    let mut anywhere = |action: Option<Action>| {
        let action = action?;
        if let Some((_, at)) = granted.iter().find(|(a, _)| *a == action) {
            return *at;
        }
        let at = grants.anywhere(Some(action));
        granted.push((action, at));
        at
    };
    for (method, actions) in ESCALATION_METHODS.iter().zip(&resolved_lists().escalation) {
        let mut first = None;
        let all = actions.iter().all(|action| match anywhere(*action) {
            Some(at) => {
                first.get_or_insert(at);
                true
            }
            None => false,
        });
        let (true, Some((index, at))) = (all, first) else {
            continue;
        };
        match found.iter_mut().find(|(_, loc, _)| std::ptr::eq(*loc, at)) {
            Some((_, _, methods)) => methods.push(method),
            None => found.push((index, at, vec![method])),
        }
    }
    for (index, at, methods) in found {
        ctx.statement = Some(index);
        let describe = |m: &EscalationMethod| {
            format!(
                "{} ({}: {})",
                m.name,
                m.source,
                super::structure::backticked(m.actions, " + ")
            )
        };
        let message = if let [method] = methods.as_slice() {
            format!(
                "the policy grants a privilege-escalation path on every resource: {}",
                describe(method)
            )
        } else {
            let shown: Vec<String> = methods.iter().take(3).map(|m| describe(m)).collect();
            let rest: Vec<&str> = methods.iter().skip(3).map(|m| m.name).collect();
            format!(
                "the policy grants {} privilege-escalation paths on every resource: {}{}",
                methods.len(),
                shown.join(", "),
                if rest.is_empty() {
                    String::new()
                } else {
                    format!(", and {} more: {}", rest.len(), rest.join(", "))
                }
            )
        };
        ctx.report_help(
            *at,
            Code::PrivilegeEscalation,
            message,
            "name the resources in `Resource` (the roles, users, functions the policy is for) or add a condition; if the policy is meant to administer IAM, allow this code",
        );
    }
    ctx.statement = None;
}

/// The catalog actions of this module's lists, each list in its order (`None` for a
/// name the catalog lacks), looked up once per process: the lists are asked about for
/// every statement of every identity policy.
struct ResolvedLists {
    /// The actions of each of [`ESCALATION_METHODS`].
    escalation: Vec<Vec<Option<Action>>>,
    /// [`DATA_EXFILTRATION_ACTIONS`].
    exfiltration: Vec<Option<Action>>,
    /// [`CREDENTIALS_ACTIONS`].
    credentials: Vec<Option<Action>>,
    /// `iam:PassRole`.
    pass_role: Option<Action>,
    /// Every action above, once.
    listed: Vec<Action>,
}

fn resolved_lists() -> &'static ResolvedLists {
    static LISTS: OnceLock<ResolvedLists> = OnceLock::new();
    LISTS.get_or_init(|| {
        let resolve = |names: &[&str]| -> Vec<Option<Action>> {
            names.iter().map(|name| crate::action(name)).collect()
        };
        let escalation: Vec<_> = ESCALATION_METHODS
            .iter()
            .map(|method| resolve(method.actions))
            .collect();
        let exfiltration = resolve(DATA_EXFILTRATION_ACTIONS);
        let credentials = resolve(CREDENTIALS_ACTIONS);
        let pass_role = crate::action("iam:PassRole");
        let mut listed: Vec<Action> = Vec::new();
        let mut add = |actions: &[Option<Action>]| {
            for action in actions {
                if let Some(action) = action
                    && !listed.contains(action)
                {
                    listed.push(*action);
                }
            }
        };
        for list in &escalation {
            add(list);
        }
        add(&exfiltration);
        add(&credentials);
        add(&[pass_role]);
        ResolvedLists {
            escalation,
            exfiltration,
            credentials,
            pass_role,
            listed,
        }
    })
}

/// `pass-role-unrestricted`: `iam:PassRole` on every role without `iam:PassedToService`.
fn pass_role(ctx: &mut Ctx, grants: &Grants<'_, '_>, n: usize) {
    let (Some(action), Some(statement)) =
        (resolved_lists().pass_role, grants.policy.statements.get(n))
    else {
        return;
    };
    let Some(at) = grants.in_statement(n, action, true) else {
        return;
    };
    if any_condition_key(statement, |key, _| {
        key.eq_ignore_ascii_case("iam:PassedToService")
    }) {
        return;
    }
    ctx.report_help(
        *at,
        Code::PassRoleUnrestricted,
        "`iam:PassRole` on every role without an `iam:PassedToService` condition lets the principal give any role to any service",
        "name the roles in `Resource` (`arn:aws:iam::123456789012:role/app-*`) and add `\"Condition\": {\"StringEquals\": {\"iam:PassedToService\": \"lambda.amazonaws.com\"}}`",
    );
}

/// `data-exfiltration` and `credentials-exposure`: listed actions granted without
/// constraint by the statement, one finding per string that grants them.
fn listed(
    ctx: &mut Ctx,
    grants: &Grants<'_, '_>,
    n: usize,
    (names, actions): (&[&str], &[Option<Action>]),
    code: Code,
) {
    let (Some(statement), Some(cover)) = (grants.policy.statements.get(n), grants.covers.get(n))
    else {
        return;
    };
    if !is_allow(statement) || statement.condition.is_some() || cover.is_empty() {
        return; // `in_statement` grants nothing here
    }
    let mut found: Vec<(Loc, Vec<&str>)> = Vec::new();
    for (name, action) in names.iter().zip(actions) {
        let Some(action) = *action else {
            continue;
        };
        if let Some(at) = grants.in_statement(n, action, false) {
            push_at(&mut found, *at, name);
        }
    }
    for (at, names) in found {
        let (what, help) = if code == Code::DataExfiltration {
            (
                "reads stored data and secrets",
                "name the buckets, parameters and secrets in `Resource`, or add a condition",
            )
        } else {
            (
                "returns credentials",
                "name the resources in `Resource`, or add a condition; if the principal is meant to mint credentials, allow this code",
            )
        };
        ctx.report_help(
            at,
            code,
            format!(
                "{} on every resource without a condition {what}",
                super::structure::list(&names)
            ),
            help,
        );
    }
}

/// `resource-exposure`: permissions-management actions granted without constraint.
fn resource_exposure(ctx: &mut Ctx, grants: &Grants<'_, '_>, n: usize) {
    let (Some(statement), Some(cover)) = (grants.policy.statements.get(n), grants.covers.get(n))
    else {
        return;
    };
    if !is_allow(statement) || statement.condition.is_some() {
        return;
    }
    let candidates: Vec<Action> = match cover {
        Cover::Some(covered) => {
            let mut list: Vec<Action> = covered
                .iter()
                .map(|(a, _)| *a)
                .filter(|a| exposing(*a))
                .collect();
            sort_actions(&mut list, ActionOrder::Spelled);
            list
        }
        Cover::AllBut(..) => permissions_management().to_vec(),
        Cover::Unknown => Vec::new(),
    };
    let mut found: Vec<(Loc, Vec<String>)> = Vec::new();
    for action in candidates {
        if let Some(at) = grants.in_statement(n, action, false) {
            push_at(&mut found, *at, action.full_name());
        }
    }
    for (at, names) in found {
        let shown: Vec<&str> = names.iter().take(4).map(String::as_str).collect();
        let mut list = super::structure::list(&shown);
        if names.len() > shown.len() {
            list = format!(
                "{} permissions-management actions ({}, ...)",
                names.len(),
                super::structure::backticked(&shown, ", ")
            );
        }
        ctx.report_help(
            at,
            Code::ResourceExposure,
            format!("{list} on every resource without a condition can change who may use a resource"),
            "name the resources whose policies or permissions the principal manages in `Resource`, or add a condition",
        );
    }
}

/// Whether an action can change who may use a resource: access level "Permissions
/// management", and not a read or call by its name ([`lists::NOT_EXPOSING_PREFIXES`]).
fn exposing(action: Action) -> bool {
    action.access_level() == AccessLevel::PermissionsManagement
        && !NOT_EXPOSING_PREFIXES
            .iter()
            .any(|p| action.name().starts_with(p))
}

/// Every catalog action that [`exposing`] keeps.
fn permissions_management() -> &'static [Action] {
    static ACTIONS: OnceLock<Vec<Action>> = OnceLock::new();
    ACTIONS.get_or_init(|| {
        let mut all = Vec::new();
        for service in crate::services() {
            all.extend(service.actions_where(&mut exposing));
        }
        all
    })
}

fn push_at<T>(found: &mut Vec<(Loc, Vec<T>)>, at: Loc, item: T) {
    match found.iter_mut().find(|(loc, _)| *loc == at) {
        Some((_, items)) => items.push(item),
        None => found.push((at, vec![item])),
    }
}

#[cfg(test)]
mod tests;

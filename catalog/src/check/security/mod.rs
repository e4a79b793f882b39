//! Security findings: what a well-formed policy lets someone do. Warnings by default (a
//! user promotes them with `#![deny(code)]` or `--deny CODE`).
//!
//! "Granted without constraint" means: an `Allow` statement without `Condition` whose
//! `Action` patterns match the action (or whose `NotAction` does not), whose `Resource`
//! is `"*"` or names every resource of each of the action's resource types
//! (`arn:aws:iam::*:role/*` for `iam:PassRole`), or which uses `NotResource` (an exclusion
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

use std::sync::OnceLock;

use super::conditions::parse_operator;
use super::policy_type::is_account;
use super::{Ctx, Policy, Statement, strings_of};
use crate::grants::matching::covers_format;
use crate::model::{AccessLevel, Action};
use crate::query::wildcard_matches;
use crate::{Code, Member, PolicyKind};
use lists::{
    CREDENTIALS_ACTIONS, CROSS_ACCOUNT_LIMITING_KEYS, DATA_EXFILTRATION_ACTIONS,
    ESCALATION_METHODS, EscalationMethod, PRINCIPAL_LIMITING_KEYS,
};

/// Runs the security rules over a policy whose structure was read.
pub fn check_security<'a, L: Clone>(ctx: &mut Ctx<'a, L>, policy: &Policy<'a, L>) {
    let kind = ctx.kind;
    if kind == PolicyKind::Identity {
        let grants = Grants { policy };
        privilege_escalation(ctx, &grants);
        for statement in &policy.statements {
            ctx.statement = Some(statement.index);
            pass_role(ctx, &grants, statement);
            listed(
                ctx,
                &grants,
                statement,
                DATA_EXFILTRATION_ACTIONS,
                Code::DataExfiltration,
            );
            listed(
                ctx,
                &grants,
                statement,
                CREDENTIALS_ACTIONS,
                Code::CredentialsExposure,
            );
            resource_exposure(ctx, &grants, statement);
        }
    }
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

/// Whether an action pattern of a policy matches the action `full` (`prefix:Name`):
/// `*` matches every action; otherwise prefix and name compare as wildcards,
/// case-insensitively.
fn pattern_matches(pattern: &str, full: &str) -> bool {
    if !pattern.is_empty() && pattern.bytes().all(|b| b == b'*') {
        return true;
    }
    match (pattern.split_once(':'), full.split_once(':')) {
        (Some((pp, pn)), Some((fp, fname))) => {
            wildcard_matches(pp, fp) && wildcard_matches(pn, fname)
        }
        _ => false,
    }
}

/// Where a statement's actions cover the action `full`: the `Action` string that matches
/// it, or the `NotAction` key when no `NotAction` string does. `None` when the statement
/// does not cover it, or when an inserted value leaves it open (never guessed).
fn covering<'a, L>(statement: &Statement<'a, L>, full: &str) -> Option<&'a L> {
    if let Some(member) = statement.not_action {
        let items = strings_of(Some(member));
        let mut excluded = false;
        for node in items {
            match node.as_literal() {
                Some(p) if pattern_matches(p, full) => excluded = true,
                Some(_) => {}
                None => return None,
            }
        }
        return (!excluded).then_some(&member.key_loc);
    }
    statement
        .actions(false)
        .into_iter()
        .find(|node| node.as_literal().is_some_and(|p| pattern_matches(p, full)))
        .map(|node| &node.loc)
}

/// Whether `Resource` (or `NotResource`) leaves the action unconstrained.
fn resource_unconstrained<L>(statement: &Statement<'_, L>, action: Action) -> bool {
    if statement.not_resource.is_some() {
        return true;
    }
    statement.resources(false).into_iter().any(|node| {
        let Some(text) = node.as_literal() else {
            return false;
        };
        if !text.is_empty() && text.bytes().all(|b| b == b'*') {
            return true;
        }
        let mut types = action.resource_types().peekable();
        types.peek().is_some()
            && types.all(|t| {
                t.resource_type()
                    .arn_formats()
                    .all(|format| covers_format(text, format))
            })
    })
}

fn is_allow<L>(statement: &Statement<'_, L>) -> bool {
    statement.effect.and_then(|m| m.value.as_literal()) == Some("Allow")
}

/// The unconstrained grants of one identity policy.
struct Grants<'p, 'a, L> {
    policy: &'p Policy<'a, L>,
}

impl<'a, L> Grants<'_, 'a, L> {
    /// Whether an unconditioned `Deny` on every resource takes the action back.
    fn denied(&self, full: &str) -> bool {
        self.policy.statements.iter().any(|s| {
            s.is_deny()
                && s.condition.is_none()
                && covering(s, full).is_some()
                && (s.not_resource.is_none()
                    && s.resources(false)
                        .iter()
                        .any(|n| n.as_literal() == Some("*")))
        })
    }

    /// Where `statement` grants the action without constraint (ignoring conditions when
    /// `any_condition` is set).
    fn in_statement(
        &self,
        statement: &Statement<'a, L>,
        action: Action,
        full: &str,
        any_condition: bool,
    ) -> Option<&'a L> {
        if !is_allow(statement) || (statement.condition.is_some() && !any_condition) {
            return None;
        }
        let at = covering(statement, full)?;
        (resource_unconstrained(statement, action) && !self.denied(full)).then_some(at)
    }

    /// The first statement granting the action without constraint, and where.
    fn anywhere(&self, name: &str) -> Option<(usize, &'a L)> {
        let action = crate::action(name)?;
        let full = action.full_name();
        self.policy
            .statements
            .iter()
            .find_map(|s| Some((s.index, self.in_statement(s, action, &full, false)?)))
    }
}

/// `privilege-escalation`: every method whose actions the policy all grants without
/// constraint, reported at the grant of the method's first action; methods reported at
/// the same string are one finding.
fn privilege_escalation<'a, L: Clone>(ctx: &mut Ctx<'a, L>, grants: &Grants<'_, 'a, L>) {
    let mut found: Vec<(usize, &'a L, Vec<&EscalationMethod>)> = Vec::new();
    for method in ESCALATION_METHODS {
        let mut first = None;
        let all = method
            .actions
            .iter()
            .all(|name| match grants.anywhere(name) {
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
                m.actions
                    .iter()
                    .map(|a| format!("`{a}`"))
                    .collect::<Vec<_>>()
                    .join(" + ")
            )
        };
        let message = if let [method] = methods.as_slice() {
            format!(
                "the policy grants a privilege-escalation path on every resource: {}",
                describe(method)
            )
        } else {
            let shown: Vec<String> = methods.iter().take(3).map(|m| describe(m)).collect();
            let more = methods.len().saturating_sub(3);
            format!(
                "the policy grants {} privilege-escalation paths on every resource: {}{}",
                methods.len(),
                shown.join(", "),
                if more > 0 {
                    format!(", and {more} more")
                } else {
                    String::new()
                }
            )
        };
        ctx.report_help(
            at,
            Code::PrivilegeEscalation,
            message,
            "name the resources in `Resource` (the roles, users, functions the policy is for) or add a condition; if the policy is meant to administer IAM, allow this code",
        );
    }
    ctx.statement = None;
}

/// `pass-role-unrestricted`: `iam:PassRole` on every role without `iam:PassedToService`.
fn pass_role<'a, L: Clone>(
    ctx: &mut Ctx<'a, L>,
    grants: &Grants<'_, 'a, L>,
    statement: &Statement<'a, L>,
) {
    let Some(action) = crate::action("iam:PassRole") else {
        return;
    };
    let Some(at) = grants.in_statement(statement, action, "iam:PassRole", true) else {
        return;
    };
    if condition_keys(statement).any(|(key, _)| key.eq_ignore_ascii_case("iam:PassedToService")) {
        return;
    }
    ctx.report_help(
        at,
        Code::PassRoleUnrestricted,
        "`iam:PassRole` on every role without an `iam:PassedToService` condition lets the principal give any role to any service",
        "name the roles in `Resource` (`arn:aws:iam::123456789012:role/app-*`) and add `\"Condition\": {\"StringEquals\": {\"iam:PassedToService\": \"lambda.amazonaws.com\"}}`",
    );
}

/// `data-exfiltration` and `credentials-exposure`: listed actions granted without
/// constraint by the statement, one finding per string that grants them.
fn listed<'a, L: Clone>(
    ctx: &mut Ctx<'a, L>,
    grants: &Grants<'_, 'a, L>,
    statement: &Statement<'a, L>,
    list: &[&str],
    code: Code,
) {
    let mut found: Vec<(&'a L, Vec<&str>)> = Vec::new();
    for name in list {
        let Some(action) = crate::action(name) else {
            continue;
        };
        if let Some(at) = grants.in_statement(statement, action, name, false) {
            push_at(&mut found, at, name);
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
                name_list(&names)
            ),
            help,
        );
    }
}

/// `resource-exposure`: permissions-management actions granted without constraint.
fn resource_exposure<'a, L: Clone>(
    ctx: &mut Ctx<'a, L>,
    grants: &Grants<'_, 'a, L>,
    statement: &Statement<'a, L>,
) {
    if !is_allow(statement) || statement.condition.is_some() {
        return;
    }
    let mut found: Vec<(&'a L, Vec<String>)> = Vec::new();
    for &action in permissions_management() {
        let full = action.full_name();
        if let Some(at) = grants.in_statement(statement, action, &full, false) {
            match found.iter_mut().find(|(loc, _)| std::ptr::eq(*loc, at)) {
                Some((_, names)) => names.push(full),
                None => found.push((at, vec![full])),
            }
        }
    }
    for (at, names) in found {
        let shown: Vec<&str> = names.iter().take(4).map(String::as_str).collect();
        let mut list = name_list(&shown);
        if names.len() > shown.len() {
            list = format!(
                "{} permissions-management actions ({}, ...)",
                names.len(),
                shown
                    .iter()
                    .map(|n| format!("`{n}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
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

/// Every catalog action of access level "Permissions management".
fn permissions_management() -> &'static [Action] {
    static ACTIONS: OnceLock<Vec<Action>> = OnceLock::new();
    ACTIONS.get_or_init(|| {
        crate::services()
            .flat_map(|s| s.actions())
            .filter(|a| a.access_level() == AccessLevel::PermissionsManagement)
            .collect()
    })
}

fn push_at<'a, L, T>(found: &mut Vec<(&'a L, Vec<T>)>, at: &'a L, item: T) {
    match found.iter_mut().find(|(loc, _)| std::ptr::eq(*loc, at)) {
        Some((_, items)) => items.push(item),
        None => found.push((at, vec![item])),
    }
}

/// `` `a` ``, `` `a` and `b` ``, `` `a`, `b` and `c` ``.
fn name_list<S: AsRef<str>>(names: &[S]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{}`", n.as_ref())).collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        Some((last, _)) => last.clone(),
        None => String::new(),
    }
}

/// `allow-with-not`: `Allow` with `NotAction` or `NotResource`.
fn allow_with_not<'a, L: Clone>(ctx: &mut Ctx<'a, L>, statement: &Statement<'a, L>) {
    if !is_allow(statement) {
        return;
    }
    for (member, what) in [
        (statement.not_action, "every action but the listed ones"),
        (statement.not_resource, "every resource but the listed ones"),
    ] {
        if let Some(member) = member {
            ctx.report_help(
                &member.key_loc,
                Code::AllowWithNot,
                format!("`Allow` with `{}` grants {what}, including actions and resources AWS adds later", member.key),
                format!(
                    "list what is allowed in `{}`, or keep `{}` in a `Deny` statement",
                    member.key.trim_start_matches("Not"),
                    member.key
                ),
            );
        }
    }
}

/// The `(key, operator)` pairs of a statement's `Condition`.
fn condition_keys<'s, L>(statement: &Statement<'s, L>) -> impl Iterator<Item = (&'s str, &'s str)> {
    statement
        .condition
        .and_then(|c| c.value.as_object())
        .unwrap_or_default()
        .iter()
        .flat_map(|op: &'s Member<L>| {
            op.value
                .as_object()
                .unwrap_or_default()
                .iter()
                .map(move |key| (key.key.as_str(), op.key.as_str()))
        })
}

/// Whether a condition of the statement, with an operator that compares for a match (not
/// `...Not...`, not `Null`), tests one of `keys`.
fn limited_by<L>(statement: &Statement<'_, L>, keys: &[&str]) -> bool {
    condition_keys(statement).any(|(key, operator)| {
        keys.iter().any(|k| k.eq_ignore_ascii_case(key))
            && parse_operator(operator)
                .is_ok_and(|op| !op.base.contains("Not") && op.base != "Null")
    })
}

/// The `AWS` principal strings of a statement's `Principal` (a bare `"*"` counts as one).
fn aws_principals<'s, L>(statement: &Statement<'s, L>) -> Vec<&'s crate::Node<L>> {
    let Some(principal) = statement.principal else {
        return Vec::new();
    };
    if principal.value.as_text().is_some() {
        return vec![&principal.value];
    }
    principal
        .value
        .as_object()
        .unwrap_or_default()
        .iter()
        .filter(|m| m.key == "AWS")
        .flat_map(|m| strings_of(Some(m)))
        .collect()
}

/// `public-access`: an `Allow` open to `"*"` without a condition that limits who.
fn public_access<'a, L: Clone>(ctx: &mut Ctx<'a, L>, statement: &Statement<'a, L>) {
    if !is_allow(statement) || limited_by(statement, PRINCIPAL_LIMITING_KEYS) {
        return;
    }
    for node in aws_principals(statement) {
        if node.as_literal() == Some("*") {
            ctx.report_help(
                &node.loc,
                Code::PublicAccess,
                "`Allow` to the principal `*` without a condition that limits who grants access to anyone, in any account",
                "name the accounts or roles in `Principal`, or add a condition on `aws:PrincipalOrgID`, `aws:PrincipalAccount`, `aws:SourceArn` or `aws:SourceAccount`",
            );
        }
    }
}

/// `cross-account-trust-unconditioned`: a trust policy that lets a whole account assume
/// the role without an external id or an organization condition.
fn cross_account<'a, L: Clone>(ctx: &mut Ctx<'a, L>, statement: &Statement<'a, L>) {
    if !is_allow(statement) || limited_by(statement, CROSS_ACCOUNT_LIMITING_KEYS) {
        return;
    }
    for node in aws_principals(statement) {
        let Some(text) = node.as_literal() else {
            continue;
        };
        let account = if is_account(text) {
            Some(text)
        } else {
            let fields: Vec<&str> = text.splitn(6, ':').collect();
            match fields.as_slice() {
                ["arn", _, "iam", "", account, "root"] if is_account(account) => Some(*account),
                _ => None,
            }
        };
        if let Some(account) = account {
            ctx.report_help(
                &node.loc,
                Code::CrossAccountTrustUnconditioned,
                format!("every principal of account `{account}` that its administrators allow may assume this role, with no `sts:ExternalId` or organization condition"),
                "add `\"Condition\": {\"StringEquals\": {\"sts:ExternalId\": \"...\"}}` for a third party, or `aws:PrincipalOrgID` for your organization, or name the role in `Principal`",
            );
        }
    }
}

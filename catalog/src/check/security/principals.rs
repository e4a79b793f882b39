//! The statement-level security rules: `Allow` with `NotAction` or `NotResource`, and who
//! a resource policy lets in (anyone, or other accounts without a limiting condition).

#[allow(
    clippy::wildcard_imports,
    reason = "a part of the parent module, split for size"
)]
use super::*;

/// `allow-with-not`: `Allow` with `NotAction` or `NotResource`.
pub(super) fn allow_with_not(ctx: &mut Ctx, statement: &Statement<'_>) {
    if !is_allow(statement) || conflicting(statement) {
        return;
    }
    for (member, what) in [
        (
            statement.not_action,
            "every action but the listed ones, including actions AWS adds later",
        ),
        (
            statement.not_resource,
            "every resource but the listed ones, including resources created later",
        ),
    ] {
        if let Some(member) = member {
            ctx.report_help(
                member.key_loc,
                Code::AllowWithNot,
                format!("`Allow` with `{}` grants {what}", member.key),
                format!(
                    "list what is allowed in `{}`, or keep `{}` in a `Deny` statement",
                    member.key.trim_start_matches("Not"),
                    member.key
                ),
            );
        }
    }
}

/// Whether `test` holds for one `(key, operator)` pair of a statement's `Condition`.
pub(super) fn any_condition_key(
    statement: &Statement<'_>,
    test: impl Fn(&str, &str) -> bool,
) -> bool {
    let operators = statement
        .condition
        .and_then(|c| c.value.as_object())
        .unwrap_or_default();
    for op in operators {
        for key in op.value.as_object().unwrap_or_default() {
            if test(&key.key, &op.key) {
                return true;
            }
        }
    }
    false
}

/// Whether a condition of the statement, with an operator that compares for a match (not
/// `...Not...`, not `Null`), tests one of `keys`.
pub(super) fn limited_by(statement: &Statement<'_>, keys: &[&str]) -> bool {
    any_condition_key(statement, |key, operator| {
        keys.iter().any(|k| k.eq_ignore_ascii_case(key))
            && parse_operator(operator)
                .is_ok_and(|op| !op.base.contains("Not") && op.base != "Null")
    })
}

/// The `AWS` principal strings of a statement's `Principal` (a bare `"*"` counts as one).
pub(super) fn aws_principals<'s>(statement: &Statement<'s>) -> Vec<&'s crate::Node<'s>> {
    let Some(principal) = statement.principal else {
        return Vec::new();
    };
    if principal.value.as_text().is_some() {
        return vec![&principal.value];
    }
    let mut all = Vec::new();
    for member in principal.value.as_object().unwrap_or_default() {
        if member.key == "AWS" {
            all.extend(strings_of(Some(member)));
        }
    }
    all
}

/// `public-access`: an `Allow` open to `"*"` without a condition that limits who.
pub(super) fn public_access(ctx: &mut Ctx, statement: &Statement<'_>) {
    if !is_allow(statement) || limited_by(statement, PRINCIPAL_LIMITING_KEYS) {
        return;
    }
    for node in aws_principals(statement) {
        if node.as_literal() == Some("*") {
            ctx.report_help(
                node.loc,
                Code::PublicAccess,
                "`Allow` to the principal `*` without a condition that limits who grants access to anyone, in any account",
                "name the accounts or roles in `Principal`, or add a condition on `aws:PrincipalOrgID`, `aws:PrincipalAccount`, `aws:SourceArn` or `aws:SourceAccount`",
            );
        }
    }
}

/// `cross-account-trust-unconditioned`: a trust policy that lets a whole account assume
/// the role without an external id or an organization condition.
pub(super) fn cross_account(ctx: &mut Ctx, statement: &Statement<'_>) {
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
                node.loc,
                Code::CrossAccountTrustUnconditioned,
                format!("every principal of account `{account}` that its administrators allow may assume this role, with no `sts:ExternalId` or organization condition"),
                "add `\"Condition\": {\"StringEquals\": {\"sts:ExternalId\": \"...\"}}` for a third party, or `aws:PrincipalOrgID` for your organization, or name the role in `Principal`",
            );
        }
    }
}

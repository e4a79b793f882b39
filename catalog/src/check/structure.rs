//! The policy grammar: elements, their types, `Version`, `Effect`, `Sid`.
//!
//! Source: IAM User Guide, "IAM JSON policy elements reference" and "Grammar of the IAM
//! JSON policy language" (`reference_policies_elements*.html`, `reference_policies_grammar.html`).
//! Element names are matched exactly as AWS writes them; the grammar page spells them
//! with this casing. (Whether IAM also accepts other casings is not documented; we do
//! not, and the did-you-mean shows the right spelling.)

use super::{Ctx, Policy, Statement};
use crate::suggest::suggest;
use crate::{Code, Member, Node, NodeKind};

/// Top-level elements, in AWS's order (the macro writes them in this order).
pub const POLICY_ELEMENTS: &[&str] = &["Version", "Id", "Statement"];

/// Statement elements, in AWS's order (the macro writes them in this order).
pub const STATEMENT_ELEMENTS: &[&str] = &[
    "Sid",
    "Effect",
    "Principal",
    "NotPrincipal",
    "Action",
    "NotAction",
    "Resource",
    "NotResource",
    "Condition",
];

/// A statement's `Effect` (IAM User Guide, "IAM JSON policy elements: Effect": "Valid
/// values for `Effect` are `Allow` and `Deny`. The `Effect` value is case sensitive.").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Effect {
    /// `Allow`.
    Allow,
    /// `Deny`.
    Deny,
}

impl Effect {
    /// Both, as IAM writes them.
    pub const ALL: [Effect; 2] = [Effect::Allow, Effect::Deny];

    /// As IAM writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Effect::Allow => "Allow",
            Effect::Deny => "Deny",
        }
    }

    /// The effect `text` names, exactly as IAM writes it (the value is case sensitive).
    pub fn parse(text: &str) -> Option<Effect> {
        Effect::ALL.into_iter().find(|e| e.as_str() == text)
    }
}

/// The policy language versions.
pub(crate) const VERSIONS: &[&str] = &["2012-10-17", "2008-10-17"];

/// Reads the document's shape, reporting every structural problem, and returns what the
/// other rules work on (`None` when the root is not an object).
pub(crate) fn check_structure<'a>(ctx: &mut Ctx, root: &'a Node<'a>) -> Option<Policy<'a>> {
    if matches!(root.kind, NodeKind::Opaque(_)) {
        return None;
    }
    let Some(members) = root.as_object() else {
        ctx.report(
            root.loc,
            Code::InvalidElementType,
            format!("a policy is a JSON object, not {}", root.type_name()),
        );
        return None;
    };
    let mut policy = Policy {
        root,
        version: None,
        version_value: None,
        id: None,
        statements: Vec::new(),
    };
    let mut statement_member = None;
    for member in elements(ctx, members, POLICY_ELEMENTS, "a policy") {
        match member.key.as_ref() {
            "Version" => policy.version = Some(member),
            "Id" => policy.id = Some(member),
            _ => statement_member = Some(member),
        }
    }

    check_version(ctx, &mut policy, root);
    if let Some(id) = policy.id {
        expect_string(ctx, id);
    }
    match statement_member {
        // A misspelled `Statement` is already `unknown-element`.
        None if members.iter().any(|m| {
            !POLICY_ELEMENTS.contains(&m.key.as_ref()) && suggest(&m.key, ["Statement"]).is_some()
        }) => {}
        None => ctx.report_help(
            root.loc,
            Code::MissingElement,
            "the policy has no `Statement`",
            "add `\"Statement\": [{\"Effect\": \"Allow\", \"Action\": ..., \"Resource\": ...}]`",
        ),
        Some(member) => match &member.value.kind {
            NodeKind::Object(_) => {
                policy
                    .statements
                    .extend(check_statement(ctx, 0, &member.value));
            }
            NodeKind::Array(items) if items.is_empty() => ctx.report(
                member.value.loc,
                Code::EmptyElement,
                "`Statement` is empty; a policy needs at least one statement",
            ),
            NodeKind::Array(items) => {
                for (index, item) in items.iter().enumerate() {
                    ctx.statement = Some(index);
                    if item.as_object().is_some() {
                        policy.statements.extend(check_statement(ctx, index, item));
                    } else if !matches!(item.kind, NodeKind::Opaque(_)) {
                        ctx.report(
                            item.loc,
                            Code::InvalidElementType,
                            format!("a statement is a JSON object, not {}", item.type_name()),
                        );
                    }
                }
                ctx.statement = None;
            }
            NodeKind::Opaque(_) => {}
            _ => ctx.report(
                member.value.loc,
                Code::InvalidElementType,
                format!(
                    "`Statement` is an object or an array of objects, not {}",
                    member.value.type_name()
                ),
            ),
        },
    }
    check_sids(ctx, &policy);
    Some(policy)
}

/// Reports unknown and repeated elements of an object and returns the first of each
/// known element, in source order.
fn elements<'a>(
    ctx: &mut Ctx,
    members: &'a [Member],
    known: &[&'static str],
    what: &str,
) -> Vec<&'a Member<'a>> {
    let mut out: Vec<&'a Member<'a>> = Vec::new();
    for member in members {
        if !known.contains(&member.key.as_ref()) {
            let message = format!("`{}` is not an element of {what}", member.key);
            match suggest(&member.key, known.iter().copied()) {
                Some(s) => ctx.report_help(
                    member.key_loc,
                    Code::UnknownElement,
                    message,
                    format!("did you mean `{s}`?"),
                ),
                None => ctx.report_help(
                    member.key_loc,
                    Code::UnknownElement,
                    message,
                    format!("the elements of {what} are {}", list(known)),
                ),
            }
        } else if out.iter().any(|m| m.key == member.key) {
            ctx.report(
                member.key_loc,
                Code::DuplicateElement,
                format!("`{}` appears twice in {what}", member.key),
            );
        } else {
            out.push(member);
        }
    }
    out
}

/// Each item in backticks, joined by `separator`: `` `a`, `b` `` for `", "`.
pub(crate) fn backticked(items: &[&str], separator: &str) -> String {
    let mut out = String::new();
    for (index, item) in items.iter().enumerate() {
        if index > 0 {
            out.push_str(separator);
        }
        out.push('`');
        out.push_str(item);
        out.push('`');
    }
    out
}

/// `a`, `b` and `c`, each in backticks.
pub(crate) fn list(items: &[&str]) -> String {
    match items.split_last() {
        Some((last, rest)) if !rest.is_empty() => {
            format!("{} and `{last}`", backticked(rest, ", "))
        }
        _ => backticked(items, ""),
    }
}

fn check_version<'a>(ctx: &mut Ctx, policy: &mut Policy<'a>, root: &'a Node<'a>) {
    let Some(version) = policy.version else {
        ctx.report_help(
            root.loc,
            Code::MissingVersion,
            "the policy has no `Version`, so IAM reads it as `2008-10-17`, where policy variables are plain text",
            "add `\"Version\": \"2012-10-17\"`",
        );
        return;
    };
    match &version.value.kind {
        NodeKind::Opaque(_) => {}
        NodeKind::String(text) => match text.as_literal() {
            Some(v) if VERSIONS.contains(&v) => policy.version_value = Some(v),
            _ => ctx.report_help(
                version.value.loc,
                Code::InvalidVersion,
                format!("`{}` is not a policy language version", text.display()),
                "use `2012-10-17` (the current version) or `2008-10-17`",
            ),
        },
        _ => ctx.report_help(
            version.value.loc,
            Code::InvalidVersion,
            format!("`Version` is a string, not {}", version.value.type_name()),
            "use `\"2012-10-17\"`",
        ),
    }
}

/// Reads one statement object, reporting structural problems.
fn check_statement<'a>(ctx: &mut Ctx, index: usize, node: &'a Node<'a>) -> Option<Statement<'a>> {
    let members = node.as_object()?;
    let mut s = Statement {
        index,
        node,
        sid: None,
        effect: None,
        principal: None,
        not_principal: None,
        action: None,
        not_action: None,
        resource: None,
        not_resource: None,
        condition: None,
        resolved: [Vec::new(), Vec::new()],
    };
    for member in elements(ctx, members, STATEMENT_ELEMENTS, "a statement") {
        let slot = match member.key.as_ref() {
            "Sid" => &mut s.sid,
            "Effect" => &mut s.effect,
            "Principal" => &mut s.principal,
            "NotPrincipal" => &mut s.not_principal,
            "Action" => &mut s.action,
            "NotAction" => &mut s.not_action,
            "Resource" => &mut s.resource,
            "NotResource" => &mut s.not_resource,
            _ => &mut s.condition,
        };
        *slot = Some(member);
    }

    match s.effect {
        None => ctx.report_help(
            node.loc,
            Code::MissingElement,
            "the statement has no `Effect`",
            "add `\"Effect\": \"Allow\"` or `\"Effect\": \"Deny\"`",
        ),
        Some(effect) => check_effect(ctx, effect),
    }
    if let Some(sid) = s.sid {
        expect_string(ctx, sid);
    }
    pair(
        ctx,
        node,
        s.action,
        s.not_action,
        true,
        "Action",
        "NotAction",
    );
    // Trust policies have no `Resource`; nor do the resource policies of a service that
    // writes them without one, when the caller named it (ECR repository policies).
    // (`ctx.service` is set for resource policies only.)
    let resource_required = ctx.kind.facts().resource_required
        && !ctx
            .service
            .is_some_and(super::policy_type::resource_element_optional);
    pair(
        ctx,
        node,
        s.resource,
        s.not_resource,
        resource_required,
        "Resource",
        "NotResource",
    );
    pair(
        ctx,
        node,
        s.principal,
        s.not_principal,
        false,
        "Principal",
        "NotPrincipal",
    );
    for member in [s.action, s.not_action, s.resource, s.not_resource] {
        let Some(member) = member else { continue };
        check_string_list(ctx, member);
    }
    if let Some(condition) = s.condition
        && !matches!(
            condition.value.kind,
            NodeKind::Object(_) | NodeKind::Opaque(_)
        )
    {
        ctx.report(
            condition.value.loc,
            Code::InvalidElementType,
            format!(
                "`Condition` is an object of condition operators, not {}",
                condition.value.type_name()
            ),
        );
    }
    s.resolve_actions();
    Some(s)
}

fn check_effect<'a>(ctx: &mut Ctx, effect: &'a Member<'a>) {
    match &effect.value.kind {
        NodeKind::Opaque(_) => {}
        NodeKind::String(text) => {
            let value = text.display();
            if Effect::parse(&value).is_none() {
                let help = match suggest(&value, Effect::ALL.map(Effect::as_str)) {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => "use `Allow` or `Deny`".to_owned(),
                };
                ctx.report_help(
                    effect.value.loc,
                    Code::InvalidEffect,
                    format!("`{value}` is not an effect"),
                    help,
                );
            }
        }
        _ => ctx.report_help(
            effect.value.loc,
            Code::InvalidEffect,
            format!("`Effect` is a string, not {}", effect.value.type_name()),
            "use `\"Allow\"` or `\"Deny\"`",
        ),
    }
}

/// Exactly one of two exclusive elements (or at most one when not `required`).
fn pair<'a>(
    ctx: &mut Ctx,
    node: &'a Node<'a>,
    a: Option<&'a Member<'a>>,
    b: Option<&'a Member<'a>>,
    required: bool,
    a_name: &str,
    b_name: &str,
) {
    match (a, b) {
        (Some(_), Some(second)) => ctx.report_help(
            second.key_loc,
            Code::ConflictingElements,
            format!("a statement has either `{a_name}` or `{b_name}`, not both"),
            format!("split the statement in two, or remove `{b_name}`"),
        ),
        // A misspelled element (`"Actions"`) is already `unknown-element`, with the
        // right name as its help: saying the element is missing too would repeat it.
        (None, None)
            if required
                && !node.as_object().is_some_and(|members| {
                    members.iter().any(|m| {
                        !STATEMENT_ELEMENTS.contains(&m.key.as_ref())
                            && suggest(&m.key, [a_name, b_name]).is_some()
                    })
                }) =>
        {
            ctx.report_help(
                node.loc,
                Code::MissingElement,
                format!("the statement has neither `{a_name}` nor `{b_name}`"),
                format!("add `\"{a_name}\"` with what the statement grants or denies, or `\"{b_name}\"` with what it exempts"),
            );
        }
        _ => {}
    }
}

/// A string, or a non-empty array of non-empty strings.
fn check_string_list<'a>(ctx: &mut Ctx, member: &'a Member<'a>) {
    let key = &member.key;
    match &member.value.kind {
        NodeKind::String(text) => {
            if text.as_literal() == Some("") {
                ctx.report(
                    member.value.loc,
                    Code::EmptyElement,
                    format!("`{key}` is an empty string"),
                );
            }
        }
        NodeKind::Array(items) if items.is_empty() => ctx.report(
            member.value.loc,
            Code::EmptyElement,
            format!("`{key}` is an empty array"),
        ),
        NodeKind::Array(items) => {
            for item in items {
                match &item.kind {
                    NodeKind::String(text) if text.as_literal() == Some("") => ctx.report(
                        item.loc,
                        Code::EmptyElement,
                        format!("an empty string in `{key}`"),
                    ),
                    NodeKind::String(_) | NodeKind::Opaque(_) => {}
                    _ => ctx.report(
                        item.loc,
                        Code::InvalidElementType,
                        format!(
                            "the values of `{key}` are strings, not {}",
                            item.type_name()
                        ),
                    ),
                }
            }
        }
        NodeKind::Opaque(_) => {}
        _ => ctx.report(
            member.value.loc,
            Code::InvalidElementType,
            format!(
                "`{key}` is a string or an array of strings, not {}",
                member.value.type_name()
            ),
        ),
    }
}

fn expect_string<'a>(ctx: &mut Ctx, member: &'a Member<'a>) {
    if !matches!(member.value.kind, NodeKind::String(_) | NodeKind::Opaque(_)) {
        ctx.report(
            member.value.loc,
            Code::InvalidElementType,
            format!(
                "`{}` is a string, not {}",
                member.key,
                member.value.type_name()
            ),
        );
    }
}

/// Sids are unique within a policy; in policies stored by IAM (identity, boundary, trust)
/// they hold only ASCII letters and digits ("IAM JSON policy elements: Sid"). Other
/// services' resource policies accept more (S3 allows spaces), and AWS Organizations
/// documents no character rule for SCPs and RCPs, so only uniqueness is checked there.
fn check_sids(ctx: &mut Ctx, policy: &Policy<'_>) {
    let alnum_only = ctx.kind.facts().stored_by_iam;
    let mut seen: Vec<String> = Vec::new();
    for statement in &policy.statements {
        ctx.statement = Some(statement.index);
        let Some(sid) = statement.sid else {
            continue;
        };
        let Some(text) = sid.value.as_text() else {
            continue;
        };
        let value = text.display();
        if alnum_only
            && text.as_literal().is_some()
            && !value.chars().all(|c| c.is_ascii_alphanumeric())
        {
            let fixed: String = value.chars().filter(char::is_ascii_alphanumeric).collect();
            ctx.report_help(
                sid.value.loc,
                Code::InvalidSid,
                format!("`{value}` has characters other than ASCII letters and digits"),
                format!("IAM accepts only `A-Z`, `a-z` and `0-9` in a `Sid`: `{fixed}`"),
            );
        }
        if text.as_literal().is_some() && !value.is_empty() {
            if seen.contains(&value) {
                ctx.report(
                    sid.value.loc,
                    Code::DuplicateSid,
                    format!("another statement already has the `Sid` `{value}`"),
                );
            } else {
                seen.push(value);
            }
        }
    }
    ctx.statement = None;
}

#[cfg(test)]
mod tests {
    use super::{Effect, backticked, list};
    use crate::Code;
    use crate::check::test_util::{codes, findings, findings_kind};

    #[test]
    fn backticked_quotes_each_item_and_joins_them() {
        assert_eq!(
            backticked(&["s3:GetObject", "iam:PassRole"], " + "),
            "`s3:GetObject` + `iam:PassRole`"
        );
        assert_eq!(backticked(&["a"], ", "), "`a`");
        assert_eq!(backticked(&[], ", "), "");
        assert_eq!(list(&["a", "b", "c"]), "`a`, `b` and `c`");
        assert_eq!(list(&["a", "b"]), "`a` and `b`");
        assert_eq!(list(&["a"]), "`a`");
        assert_eq!(list(&[]), "");
    }

    #[test]
    fn an_effect_is_read_exactly_as_iam_writes_it() {
        for effect in Effect::ALL {
            assert_eq!(Effect::parse(effect.as_str()), Some(effect));
        }
        // "The `Effect` value is case sensitive."
        for text in ["allow", "DENY", " Allow", "Allow ", "", "Permit"] {
            assert_eq!(Effect::parse(text), None, "{text:?}");
            assert!(
                codes(&findings(&format!(
                    r#"{{"Version":"2012-10-17","Statement":{{"Effect":"{text}","Action":"s3:GetObject","Resource":"*"}}}}"#
                )))
                .contains(&Code::InvalidEffect),
                "{text:?}"
            );
        }
    }

    #[test]
    fn a_valid_policy_has_no_structural_findings() {
        let found = findings(
            r#"{"Version":"2012-10-17","Id":"x","Statement":[{"Sid":"A1","Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}"#,
        );
        assert!(found.is_empty(), "{found:?}");
        // A single statement object is fine.
        let found = findings(
            r#"{"Version":"2012-10-17","Statement":{"Effect":"Deny","NotAction":"s3:*","NotResource":"*"}}"#,
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn version_is_checked() {
        let found = findings(
            r#"{"Version":"2012-10-18","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}}"#,
        );
        assert_eq!(codes(&found), [Code::InvalidVersion]);
        assert_eq!(found[0].loc, "/Version");
        let found =
            findings(r#"{"Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}}"#);
        assert_eq!(codes(&found), [Code::MissingVersion]);
    }

    #[test]
    fn unknown_and_repeated_elements() {
        let found = findings(
            r#"{"Version":"2012-10-17","Statment":[],"Statement":[{"Effect":"Allow","Effect":"Deny","Actions":"s3:GetObject","Action":"s3:GetObject","Resource":"*"}]}"#,
        );
        assert_eq!(
            codes(&found),
            [
                Code::UnknownElement,
                Code::DuplicateElement,
                Code::UnknownElement
            ]
        );
        assert_eq!(found[0].help.as_deref(), Some("did you mean `Statement`?"));
        assert_eq!(found[0].loc, "/Statment#key");
        assert_eq!(found[2].help.as_deref(), Some("did you mean `Action`?"));
    }

    #[test]
    fn statements_need_effect_action_and_resource() {
        let found = findings(r#"{"Version":"2012-10-17","Statement":[{}]}"#);
        assert_eq!(
            codes(&found),
            [
                Code::MissingElement,
                Code::MissingElement,
                Code::MissingElement
            ]
        );
        let found = findings(
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"allow","Action":"s3:GetObject","NotAction":"s3:PutObject","Resource":"*"}]}"#,
        );
        assert_eq!(
            codes(&found),
            [Code::InvalidEffect, Code::ConflictingElements]
        );
        assert_eq!(found[0].help.as_deref(), Some("did you mean `Allow`?"));
        // Trust policies have no Resource.
        let found = findings_kind(
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#,
            crate::PolicyKind::Trust,
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn element_types_are_checked() {
        let found = findings(r#"{"Version":"2012-10-17","Statement":"x"}"#);
        assert_eq!(codes(&found), [Code::InvalidElementType]);
        let found = findings(r#"{"Version":"2012-10-17","Statement":[]}"#);
        assert_eq!(codes(&found), [Code::EmptyElement]);
        let found = findings(
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":[],"Resource":["*",5,""],"Condition":"x"}]}"#,
        );
        assert_eq!(
            codes(&found),
            [
                Code::EmptyElement,
                Code::InvalidElementType,
                Code::EmptyElement,
                Code::InvalidElementType
            ]
        );
        assert_eq!(found[1].loc, "/Statement/0/Resource/1");
        let found = findings("[1]");
        assert_eq!(codes(&found), [Code::InvalidElementType]);
    }

    #[test]
    fn sids_are_unique_and_alphanumeric_in_iam() {
        let policy = r#"{"Version":"2012-10-17","Statement":[
            {"Sid":"Read-Only","Effect":"Allow","Action":"s3:GetObject","Resource":"*"},
            {"Sid":"Read-Only","Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}"#;
        let found = findings(policy);
        assert_eq!(
            codes(&found),
            [Code::InvalidSid, Code::InvalidSid, Code::DuplicateSid]
        );
        assert!(found[0].help.as_deref().unwrap().contains("`ReadOnly`"));
        let found = findings_kind(
            &policy.replace(
                r#""Effect":"Allow","Action""#,
                r#""Effect":"Allow","Principal":"*","Action""#,
            ),
            crate::PolicyKind::Resource,
        );
        assert_eq!(codes(&found), [Code::DuplicateSid]);
    }

    #[test]
    fn a_misspelled_element_is_not_also_missing() {
        let found = findings(
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Actions":"s3:GetObject","Resource":"*"}]}"#,
        );
        assert_eq!(codes(&found), [Code::UnknownElement]);
        let found = findings(r#"{"Version":"2012-10-17","Statements":[]}"#);
        assert_eq!(codes(&found), [Code::UnknownElement]);
        // An unrelated unknown element does not hide the missing one.
        let found = findings(
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Comment":"x","Resource":"*"}]}"#,
        );
        assert_eq!(codes(&found), [Code::MissingElement, Code::UnknownElement]);
        assert!(found[0].help.as_deref().unwrap().contains("\"Action\""));
    }

    #[test]
    fn related_findings_do_not_cascade() {
        // A variable in an action: misplaced, not also an unknown service `${aws`.
        let found = findings(
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"${aws:PrincipalTag/svc}:*","Resource":"*"}]}"#,
        );
        assert_eq!(codes(&found), [Code::MisplacedPolicyVariable], "{found:?}");
        // A partition a segment away from its name.
        let found = findings(
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sqs:SendMessage","Resource":"arn:aws-gov:sqs:us-gov-west-1:123456789012:q"}]}"#,
        );
        assert_eq!(codes(&found), [Code::InvalidPartition], "{found:?}");
        assert!(
            found[0].help.as_deref().unwrap().contains("`aws-us-gov`"),
            "{:?}",
            found[0].help
        );
        // SCPs apply to accounts, not to one identity.
        let found = crate::check::test_util::findings_kind(
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*"}]}"#,
            crate::PolicyKind::Scp,
        );
        assert_eq!(codes(&found), [Code::PrincipalNotAllowed]);
        assert!(
            found[0]
                .message
                .contains("accounts and organizational units"),
            "{}",
            found[0].message
        );
    }
}

//! A policy compiled once for evaluation: per statement, the effect, matchers for
//! `Action`/`NotAction`, `Resource`/`NotResource`, `Principal`/`NotPrincipal`, and the
//! conditions.
//!
//! Sources (IAM User Guide, "IAM JSON policy element reference"): `Action` matches
//! case-insensitively with `*` and `?`; `NotAction` "matches everything except the
//! specified list of actions"; `Resource` matches case-sensitively, and policy variables
//! are replaced there; `NotResource` likewise by exclusion; `Principal` forms (page
//! "AWS JSON policy elements: Principal"): `"*"` and `{"AWS": "*"}` (everyone), an account
//! ID or `arn:aws:iam::ACCOUNT:root` (the account: "delegates" to its identity policies), an
//! IAM user ARN, a role ARN, an assumed-role session ARN, a federated user ARN, `Service`,
//! `Federated` and `CanonicalUser` entries.
//!
//! Decisions where the sources are silent (also in the crate's docs):
//! - A statement without `Resource`/`NotResource` (trust policies) matches any resource.
//! - A role ARN as principal matches the role's sessions
//!   (`arn:aws:sts::ACCOUNT:assumed-role/NAME/*`), whatever the role's path.
//! - A statement that cannot be evaluated (no or an unknown `Effect`, a value only known at
//!   run time, an unknown condition operator) is skipped with a finding: it grants nothing
//!   and denies nothing.

use iam_catalog::Effect;
use iam_catalog::pattern::{Case, NoVariables, Pattern, Syntax};
use iam_catalog::view::{Node, NodeKind, PolicyView};

use super::condition::{self, Failure, KeyCondition};
use super::request::Request;

/// How a resource-based policy's `Principal` names the caller: the kind decides whether
/// the resource policy alone can grant (see [`super::PolicySet`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Grant {
    /// Through the caller's account (`"AWS": "111122223333"` or `...:root`): access is
    /// delegated to the account's identity-based policies.
    Account,
    /// Through the role the session belongs to (a role ARN).
    Role,
    /// Everyone (`"*"`): like a grant to the caller's own identity, not limited by the
    /// boundary but by session policies.
    Everyone,
    /// The caller itself: an IAM user, a role session, a federated user, a service or
    /// federated principal.
    Direct,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum PrincipalEntry {
    Everyone,
    Aws(String),
    Service(String),
    Federated(String),
    Canonical(String),
}

#[derive(Debug, Clone)]
struct Principals {
    not: bool,
    entries: Vec<PrincipalEntry>,
}

/// One compiled statement.
#[derive(Debug, Clone)]
pub(crate) struct Statement {
    pub(crate) pointer: String,
    pub(crate) sid: Option<String>,
    pub(crate) effect: Effect,
    not_action: bool,
    actions: Vec<Pattern>,
    not_resource: bool,
    /// `None`: no `Resource`/`NotResource` (any resource).
    resources: Option<Vec<Pattern>>,
    principals: Option<Principals>,
    conditions: Vec<KeyCondition>,
}

/// Why a statement does or does not apply to a request.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Outcome<'s> {
    /// It applies; for a statement with `Principal`, how the caller is named.
    Applies(Grant),
    NoAction,
    NoResource,
    /// A `Resource` variable has no value in the request (its key).
    ResourceVariable(&'s str),
    NoPrincipal,
    /// A condition failed.
    Condition(&'s KeyCondition, Failure<'s>),
}

/// A policy compiled for evaluation, with a name for reports (a file name, `identity`).
#[derive(Debug, Clone)]
pub struct CompiledPolicy {
    pub(crate) name: String,
    pub(crate) statements: Vec<Statement>,
    pub(crate) findings: Vec<String>,
}

impl CompiledPolicy {
    /// Compiles a policy view. Statements that cannot be evaluated are left out and
    /// reported in [`CompiledPolicy::findings`].
    pub fn new(name: impl Into<String>, view: &PolicyView) -> Self {
        let mut policy = CompiledPolicy {
            name: name.into(),
            statements: Vec::new(),
            findings: Vec::new(),
        };
        let Some(members) = view.root.as_object() else {
            policy.findings.push(format!(
                "the policy is {}, not an object",
                view.root.type_name()
            ));
            return policy;
        };
        let member = |name: &str| members.iter().find(|m| m.key == name);
        // Variables were introduced with version 2012-10-17; in other versions they are
        // literal text (variables page).
        let variables = member("Version").and_then(|m| m.value.as_literal()) == Some("2012-10-17");
        let Some(statements) = member("Statement") else {
            policy
                .findings
                .push("the policy has no `Statement`".to_owned());
            return policy;
        };
        let list: Vec<(String, &Node)> = match &statements.value.kind {
            NodeKind::Array(items) => items
                .iter()
                .enumerate()
                .map(|(i, n)| (format!("/Statement/{i}"), n))
                .collect(),
            _ => vec![("/Statement".to_owned(), &statements.value)],
        };
        for (pointer, node) in list {
            match compile_statement(&pointer, node, variables) {
                Ok(s) => policy.statements.push(s),
                Err(why) => policy
                    .findings
                    .push(format!("statement `{pointer}` is not evaluated: {why}")),
            }
        }
        policy
    }

    /// The name given at compilation.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Why statements were left out, one message each.
    pub fn findings(&self) -> &[String] {
        &self.findings
    }
}

/// The strings of `Action`, `Resource` etc.: one string or an array of strings.
fn strings(node: &Node, element: &str) -> Result<Vec<String>, String> {
    let one = |n: &Node| match &n.kind {
        NodeKind::String(t) => t
            .as_literal()
            .map(str::to_owned)
            .ok_or_else(|| format!("`{element}` has a value inserted at run time")),
        _ => Err(format!("`{element}` holds {}", n.type_name())),
    };
    match &node.kind {
        NodeKind::Array(items) => items.iter().map(one).collect(),
        _ => one(node).map(|s| vec![s]),
    }
}

fn compile_statement(pointer: &str, node: &Node, variables: bool) -> Result<Statement, String> {
    let Some(members) = node.as_object() else {
        return Err(format!("it is {}, not an object", node.type_name()));
    };
    let member = |name: &str| members.iter().find(|m| m.key == name).map(|m| &m.value);
    let effect = match member("Effect").and_then(Node::as_literal) {
        Some(text) => Effect::parse(text).ok_or_else(|| format!("unknown `Effect` `{text}`"))?,
        None => return Err("no `Effect`".to_owned()),
    };
    let (not_action, action_node) = match (member("Action"), member("NotAction")) {
        (Some(a), None) => (false, a),
        (None, Some(a)) => (true, a),
        _ => return Err("it needs exactly one of `Action` and `NotAction`".to_owned()),
    };
    let actions = strings(action_node, if not_action { "NotAction" } else { "Action" })?
        .iter()
        .map(|a| Pattern::parse(a, Syntax::GLOB_LITERAL))
        .collect();
    let resource_syntax = Syntax {
        wildcards: true,
        variables,
    };
    let (not_resource, resources) = match (member("Resource"), member("NotResource")) {
        (Some(r), None) => (false, Some(strings(r, "Resource")?)),
        (None, Some(r)) => (true, Some(strings(r, "NotResource")?)),
        (None, None) => (false, None),
        (Some(_), Some(_)) => return Err("it has both `Resource` and `NotResource`".to_owned()),
    };
    let resources = resources.map(|list| {
        list.iter()
            .map(|r| Pattern::parse_resource(r, resource_syntax))
            .collect()
    });
    let principals = match (member("Principal"), member("NotPrincipal")) {
        (Some(p), None) => Some(principals(p, false)?),
        (None, Some(p)) => Some(principals(p, true)?),
        (None, None) => None,
        (Some(_), Some(_)) => return Err("it has both `Principal` and `NotPrincipal`".to_owned()),
    };
    let conditions = match member("Condition") {
        Some(c) => condition::compile(c, variables)?,
        None => Vec::new(),
    };
    Ok(Statement {
        pointer: pointer.to_owned(),
        sid: member("Sid").and_then(Node::as_literal).map(str::to_owned),
        effect,
        not_action,
        actions,
        not_resource,
        resources,
        principals,
        conditions,
    })
}

fn principals(node: &Node, not: bool) -> Result<Principals, String> {
    let element = if not { "NotPrincipal" } else { "Principal" };
    if node.as_literal() == Some("*") {
        return Ok(Principals {
            not,
            entries: vec![PrincipalEntry::Everyone],
        });
    }
    let Some(members) = node.as_object() else {
        return Err(format!("`{element}` is neither `\"*\"` nor an object"));
    };
    let mut entries = Vec::new();
    for m in members {
        for value in strings(&m.value, element)? {
            entries.push(match m.key.as_ref() {
                "AWS" if value == "*" => PrincipalEntry::Everyone,
                "AWS" => PrincipalEntry::Aws(value),
                "Service" => PrincipalEntry::Service(value),
                "Federated" => PrincipalEntry::Federated(value),
                "CanonicalUser" => PrincipalEntry::Canonical(value),
                other => return Err(format!("unknown principal type `{other}`")),
            });
        }
    }
    Ok(Principals { not, entries })
}

impl Statement {
    /// Whether the statement applies to the request. `principals`: whether the policy
    /// type has a `Principal` element to honour (resource-based policies, RCPs, VPC
    /// endpoint policies).
    pub(crate) fn applies(&self, request: &Request, principals: bool) -> Outcome<'_> {
        let action = self
            .actions
            .iter()
            .any(|p| p.matches(&request.action, Case::Insensitive, &NoVariables) == Some(true));
        if action == self.not_action {
            return Outcome::NoAction;
        }
        if let Some(resources) = &self.resources {
            let mut hit = false;
            for pattern in resources {
                match pattern.matches(&request.resource, Case::Sensitive, request) {
                    Some(true) => {
                        hit = true;
                        break;
                    }
                    None if !self.not_resource => {
                        let name = pattern
                            .variables()
                            .find(|v| {
                                v.default.is_none()
                                    && iam_catalog::pattern::Variables::value(request, &v.name)
                                        .is_none()
                            })
                            .map_or("", |v| v.name.as_str());
                        return Outcome::ResourceVariable(name);
                    }
                    // A mismatch, or an unresolvable entry of `NotResource` (which
                    // excludes nothing).
                    Some(false) | None => {}
                }
            }
            if hit == self.not_resource {
                return Outcome::NoResource;
            }
        }
        let grant = match (&self.principals, principals) {
            (Some(p), true) => match p.grant(request) {
                Some(grant) => grant,
                None => return Outcome::NoPrincipal,
            },
            _ => Grant::Direct,
        };
        for c in &self.conditions {
            if let Err(failure) = c.eval(request) {
                return Outcome::Condition(c, failure);
            }
        }
        Outcome::Applies(grant)
    }
}

impl Principals {
    /// How the entries name the request's principal; `None` when they do not.
    fn grant(&self, request: &Request) -> Option<Grant> {
        if self.not {
            // NotPrincipal: everyone except the listed principals.
            return (!self.excludes(request)).then_some(Grant::Everyone);
        }
        self.entries
            .iter()
            .filter_map(|e| entry_grant(e, request))
            .max()
    }

    /// Whether `NotPrincipal` leaves the caller out. "AWS JSON policy elements:
    /// NotPrincipal": with `Deny`, the caller is spared only when every identity it
    /// acts as is listed — its own ARN, for a role session also the role, and its
    /// account ("a user cannot have more permissions than its parent account, so if
    /// Bob's account is explicitly denied access then Bob might be unable to access the
    /// resource"; the page's examples list the user and `...:root`, and the session, the
    /// role and `...:root`).
    fn excludes(&self, request: &Request) -> bool {
        if self.entries.contains(&PrincipalEntry::Everyone) {
            return true;
        }
        let Some(caller) = request.principal.as_deref() else {
            return false;
        };
        let named = |want: &dyn Fn(&PrincipalEntry) -> bool| self.entries.iter().any(want);
        let itself = named(&|e| match e {
            PrincipalEntry::Aws(s)
            | PrincipalEntry::Service(s)
            | PrincipalEntry::Federated(s)
            | PrincipalEntry::Canonical(s) => s == caller,
            PrincipalEntry::Everyone => true,
        });
        let role = match session_of(caller) {
            Some((account, name)) => named(&|e| match e {
                PrincipalEntry::Aws(s) => role_of(s) == Some((account, name)),
                _ => false,
            }),
            None => true,
        };
        let account = match request.principal_account() {
            Some(acct) => named(&|e| match e {
                PrincipalEntry::Aws(s) => account_named(s) == Some(acct),
                _ => false,
            }),
            None => true,
        };
        itself && role && account
    }
}

/// The account an `AWS` principal entry names as a whole: its 12-digit ID or
/// `arn:PARTITION:iam::ACCOUNT:root`.
fn account_named(s: &str) -> Option<&str> {
    if s.len() == 12 && s.bytes().all(|b| b.is_ascii_digit()) {
        return Some(s);
    }
    s.strip_suffix(":root")
        .and_then(|head| head.rsplit_once("::"))
        .filter(|(arn, _)| arn.starts_with("arn:") && arn.ends_with(":iam"))
        .map(|(_, acct)| acct)
}

fn entry_grant(entry: &PrincipalEntry, request: &Request) -> Option<Grant> {
    let caller = request.principal.as_deref();
    match entry {
        PrincipalEntry::Everyone => Some(Grant::Everyone),
        PrincipalEntry::Service(s)
        | PrincipalEntry::Federated(s)
        | PrincipalEntry::Canonical(s) => caller
            .filter(|c| c.eq_ignore_ascii_case(s))
            .map(|_| Grant::Direct),
        PrincipalEntry::Aws(s) => {
            let caller = caller?;
            if s == caller {
                return Some(if s.contains(":role/") {
                    Grant::Role
                } else {
                    Grant::Direct
                });
            }
            let account = request.principal_account();
            // An account: its 12-digit ID or `arn:PARTITION:iam::ACCOUNT:root`.
            if let Some(acct) = account_named(s) {
                return (account == Some(acct)).then_some(Grant::Account);
            }
            // A role ARN names the role's sessions.
            let (role_account, role_name) = role_of(s)?;
            let (session_account, session_role) = session_of(caller)?;
            (role_account == session_account && role_name == session_role).then_some(Grant::Role)
        }
    }
}

/// `(account, role name)` of `arn:PARTITION:iam::ACCOUNT:role/PATH/NAME`.
fn role_of(arn: &str) -> Option<(&str, &str)> {
    let rest = arn.strip_prefix("arn:")?;
    let (_, rest) = rest.split_once(":iam::")?;
    let (account, path) = rest.split_once(":role/")?;
    Some((account, path.rsplit('/').next()?))
}

/// `(account, role name)` of `arn:PARTITION:sts::ACCOUNT:assumed-role/NAME/SESSION`.
fn session_of(arn: &str) -> Option<(&str, &str)> {
    let rest = arn.strip_prefix("arn:")?;
    let (_, rest) = rest.split_once(":sts::")?;
    let (account, rest) = rest.split_once(":assumed-role/")?;
    Some((account, rest.split('/').next()?))
}

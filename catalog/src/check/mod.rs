//! The checking engine: every rule of the policy language, once.
//!
//! [`check`] reads the document's structure ([`structure`]), then runs each rule module
//! over the statements it found. Rule modules push findings into a `Ctx` and never
//! return early, so a policy's findings all come back at once, sorted in source order.
//!
//! | module | rules |
//! | --- | --- |
//! | [`structure`] | elements, types, `Version`, `Effect`, `Sid` |
//! | `actions` | services, actions, wildcard patterns, action-level permissions |
//! | [`resources`] | ARNs, resource types, wildcard-only actions |
//! | [`conditions`] | operators, keys, types, values, set operators, tags |
//! | `variables` | policy variables |
//! | `policy_type` | principals and elements per policy type, service capabilities |
//! | [`quota`] | size quotas |
//! | [`security`] | what a policy lets someone do: escalation, exposure, public access |

use std::collections::HashMap;

use crate::{Code, Diagnostic, Loc, Member, Node, PolicyKind, PolicyView};

pub(crate) mod actions;
pub mod conditions;
pub mod interpolation;
pub(crate) mod place;
pub(crate) mod policy_type;
pub mod quota;
pub mod resources;
pub mod security;
pub mod structure;
pub(crate) mod variables;

#[cfg(test)]
pub(crate) mod test_util;

/// Options of a check beyond the policy type.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Options {
    /// Codes to drop from the result for the whole policy (in addition to the view's own
    /// [`PolicyView::allow`]).
    pub allow: Vec<Code>,
    /// The service a resource policy belongs to, by its prefix (`ecr`), when the caller
    /// knows it. Service-specific rules of resource policies apply then: an ECR repository
    /// policy, for one, has no `Resource`. Other policy types ignore it.
    pub service: Option<String>,
    /// Codes whose findings are errors for this check, whatever their severity (in
    /// addition to the view's own [`PolicyView::deny`]): how a user promotes the security
    /// warnings.
    pub deny: Vec<Code>,
}

impl Options {
    /// Options that allow `codes`.
    pub fn allowing(codes: impl IntoIterator<Item = Code>) -> Self {
        Self {
            allow: codes.into_iter().collect(),
            ..Self::default()
        }
    }

    /// The same options, with `codes` denied: their findings become errors.
    #[must_use]
    pub fn denying(mut self, codes: impl IntoIterator<Item = Code>) -> Self {
        self.deny.extend(codes);
        self
    }

    /// These options for a resource policy of the service with prefix `service` (`ecr`,
    /// `s3`, `sqs`, ...), so that the service's own rules apply: an ECR repository policy,
    /// for one, names no `Resource` (the repository it is set on is the resource). An
    /// unknown prefix is an `unknown-service` finding. Policy types other than `resource`
    /// ignore it.
    #[must_use]
    pub fn for_service(mut self, service: &str) -> Self {
        self.service = Some(service.to_owned());
        self
    }
}

/// Checks a policy of type `kind` and returns every finding, sorted in source order.
pub fn check(view: &PolicyView, kind: PolicyKind) -> Vec<Diagnostic> {
    check_with(view, kind, &Options::default())
}

/// [`check`] with [`Options`].
pub fn check_with(view: &PolicyView, kind: PolicyKind, options: &Options) -> Vec<Diagnostic> {
    let mut ctx = Ctx::new(kind);
    if kind == PolicyKind::Resource
        && let Some(prefix) = &options.service
    {
        ctx.service = policy_type::check_named_service(&mut ctx, &view.root, prefix);
    }
    let policy = structure::check_structure(&mut ctx, &view.root);
    if let Some(policy) = &policy {
        for statement in &policy.statements {
            ctx.statement = Some(statement.index);
            actions::check_actions(&mut ctx, policy, statement);
            resources::check_resources(&mut ctx, policy, statement);
            conditions::check_conditions(&mut ctx, policy, statement);
            policy_type::check_statement(&mut ctx, policy, statement);
        }
        ctx.statement = None;
        variables::check_variables(&mut ctx, policy);
        security::check_security(&mut ctx, policy);
        policy_type::check_policy(&mut ctx, policy);
    }
    quota::check_quota(&mut ctx, &view.root);
    ctx.finish(view, options)
}

/// The parsed shape of a policy, as [`structure`] read it. Rule modules work on this.
#[derive(Debug)]
pub(crate) struct Policy<'a> {
    /// The root node.
    pub root: &'a Node<'a>,
    /// The `Version` member, when present.
    pub version: Option<&'a Member<'a>>,
    /// The `Version` value when it is a literal string.
    pub version_value: Option<&'a str>,
    /// The `Id` member.
    pub id: Option<&'a Member<'a>>,
    /// The statements that are objects, in order.
    pub statements: Vec<Statement<'a>>,
}

impl Policy<'_> {
    /// Whether the policy uses `"Version": "2012-10-17"` (policy variables work there).
    pub fn is_2012(&self) -> bool {
        self.version_value == Some("2012-10-17")
    }
}

/// One statement's elements (the first of each, when repeated).
#[derive(Debug)]
pub(crate) struct Statement<'a> {
    /// Position in `Statement` (0 for a single object).
    pub index: usize,
    /// The statement object.
    pub node: &'a Node<'a>,
    /// `Sid`.
    pub sid: Option<&'a Member<'a>>,
    /// `Effect`.
    pub effect: Option<&'a Member<'a>>,
    /// `Principal`.
    pub principal: Option<&'a Member<'a>>,
    /// `NotPrincipal`.
    pub not_principal: Option<&'a Member<'a>>,
    /// `Action`.
    pub action: Option<&'a Member<'a>>,
    /// `NotAction`.
    pub not_action: Option<&'a Member<'a>>,
    /// `Resource`.
    pub resource: Option<&'a Member<'a>>,
    /// `NotResource`.
    pub not_resource: Option<&'a Member<'a>>,
    /// `Condition`.
    pub condition: Option<&'a Member<'a>>,
    /// Each string of `Action` (`[0]`) and of `NotAction` (`[1]`) with the actions it
    /// names, resolved once for every rule that reads them ([`Statement::named`]).
    pub resolved: [Vec<(&'a Node<'a>, actions::Resolved)>; 2],
}

impl<'a> Statement<'a> {
    /// Whether `Effect` is `Deny`.
    pub fn is_deny(&self) -> bool {
        self.effect.and_then(|m| m.value.as_literal()) == Some("Deny")
    }

    /// The string nodes of `Action` (or `NotAction` when `not` is set): a single string or
    /// the strings of an array. Other values are skipped (structure reports them).
    pub fn actions(&self, not: bool) -> Vec<&'a Node<'a>> {
        strings_of(if not { self.not_action } else { self.action })
    }

    /// The string nodes of `Action` (or `NotAction` when `not` is set), each with the
    /// actions it names: the catalog is asked once per string and policy, however many
    /// rules read it.
    pub fn named(&self, not: bool) -> &[(&'a Node<'a>, actions::Resolved)] {
        let [action, not_action] = &self.resolved;
        if not { not_action } else { action }
    }

    /// Resolves [`Statement::resolved`] from `Action` and `NotAction`.
    pub fn resolve_actions(&mut self) {
        self.resolved = [false, true].map(|not| {
            let mut last = None;
            self.actions(not)
                .into_iter()
                .map(|node| {
                    let resolved = node.as_text().map_or(actions::Resolved::Unknown, |text| {
                        actions::resolve(text, &mut last)
                    });
                    (node, resolved)
                })
                .collect()
        });
    }

    /// The string nodes of `Resource` (or `NotResource`).
    pub fn resources(&self, not: bool) -> Vec<&'a Node<'a>> {
        strings_of(if not {
            self.not_resource
        } else {
            self.resource
        })
    }
}

/// The string nodes of a member whose value is a string or an array of strings.
pub(crate) fn strings_of<'n>(member: Option<&'n Member<'n>>) -> Vec<&'n Node<'n>> {
    let Some(member) = member else {
        return Vec::new();
    };
    match member.value.as_array() {
        Some(items) => items.iter().filter(|n| n.as_text().is_some()).collect(),
        None if member.value.as_text().is_some() => vec![&member.value],
        None => Vec::new(),
    }
}

/// How many distinct names one check searches a did-you-mean for. A search scans a
/// service's actions or every condition key (0.35 ms and 1.6 ms in a debug build), so a
/// policy of many distinct misspellings would otherwise take minutes; past the cap a
/// finding keeps its message and gets the general help instead.
pub(crate) const MAX_SUGGESTION_SEARCHES: usize = 64;

/// Where rule modules put their findings.
pub(crate) struct Ctx {
    /// The policy type being checked.
    pub kind: PolicyKind,
    /// The statement being checked, for statement-level allowances.
    pub statement: Option<usize>,
    /// The service a resource policy belongs to, when the caller named a known one
    /// ([`Options::service`]).
    pub service: Option<crate::model::Service>,
    /// Each finding with the statement it was reported in.
    found: Vec<(Option<usize>, Diagnostic)>,
    /// Did-you-mean results by `(what, name)`, searched once per name.
    suggestions: HashMap<(&'static str, String), Option<String>>,
}

impl Ctx {
    fn new(kind: PolicyKind) -> Self {
        Self {
            kind,
            statement: None,
            service: None,
            found: Vec::new(),
            suggestions: HashMap::new(),
        }
    }

    /// The did-you-mean for `name` among `what` (`"action"`, `"condition key"`, ...):
    /// `search` runs once per name and check, for at most [`MAX_SUGGESTION_SEARCHES`]
    /// names; after that, `None`.
    pub fn did_you_mean(
        &mut self,
        what: &'static str,
        name: &str,
        search: &dyn Fn() -> Option<String>,
    ) -> Option<String> {
        let key = (what, name.to_owned());
        if let Some(found) = self.suggestions.get(&key) {
            return found.clone();
        }
        if self.suggestions.len() >= MAX_SUGGESTION_SEARCHES {
            return None;
        }
        let found = search();
        self.suggestions.insert(key, found.clone());
        found
    }

    /// Reports a finding of `code` at `at` (a node's `loc` or a member's `key_loc`).
    pub fn report(&mut self, at: Loc, code: Code, message: impl Into<String>) {
        self.push(Diagnostic::new(code, at, message));
    }

    /// Reports a finding with a help text.
    pub fn report_help(
        &mut self,
        at: Loc,
        code: Code,
        message: impl Into<String>,
        help: impl Into<String>,
    ) {
        self.push(Diagnostic::new(code, at, message).with_help(help));
    }

    fn push(&mut self, diagnostic: Diagnostic) {
        self.found.push((self.statement, diagnostic));
    }

    /// Drops allowed findings and sorts the rest in source order: front ends number
    /// their locations in document order ([`Loc`]), so the order of the locations is the
    /// order of the source (a stable sort keeps findings at one place in the order the
    /// rules found them).
    fn finish(self, view: &PolicyView, options: &Options) -> Vec<Diagnostic> {
        let mut found: Vec<Diagnostic> = Vec::with_capacity(self.found.len());
        for (statement, mut d) in self.found {
            let allowed = view.allow.contains(&d.code)
                || options.allow.contains(&d.code)
                || statement.is_some_and(|s| view.statement_allows.contains(&(s, d.code)));
            if allowed {
                continue;
            }
            if view.deny.contains(&d.code) || options.deny.contains(&d.code) {
                d.severity = crate::Severity::Error;
            }
            found.push(d);
        }
        found.sort_by_key(|d| d.loc);
        found
    }
}

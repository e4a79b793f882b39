//! What a policy grants, and what one policy grants that another does not.
//!
//! A policy's `Allow` statements expand to grants: one per (action, resource pattern),
//! with the statement's `Principal` and `Condition` as its context. Action patterns
//! expand through the catalog (so `s3:Get*` compares by the actions it matches today;
//! `NotAction` is every catalog action it does not match); a statement without
//! `Resource` (a trust policy) grants on `"*"`.
//!
//! NEW grants something OLD does not when a grant of NEW is not contained in OLD's:
//! - resource patterns by language inclusion ([`matching`]): `arn:aws:s3:::b/x/*` is in
//!   `arn:aws:s3:::b/*`; `NotResource` specs compare as the sets they leave;
//! - contexts exactly: a grant with a condition (or a principal) is contained only by an
//!   OLD grant with the identical principal and either the identical condition or none.
//!   Whether one condition implies another is never guessed: a grant OLD makes only under
//!   another condition is undecided, except that dropping every condition (NEW grants
//!   unconditionally what OLD granted only under conditions) or opening it to `"*"`
//!   where OLD named principals is new.
//!
//! `Deny` statements: a NEW grant that an unconditioned NEW `Deny` covers entirely is
//! dropped; a NEW grant that a conditional or partial NEW `Deny` overlaps, when not
//! contained in OLD, is undecided. An OLD grant that an OLD `Deny` overlaps counts only
//! when NEW has the same `Deny` (same resource, principal and condition); otherwise the
//! grant is undecided. Every grant that is neither proved contained nor proved new is
//! reported as undecided, with the reason.

pub mod matching;

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

use matching::{contains, matches_loosely, overlaps, parse, witnesses};

use crate::model::{Action, ActionOrder, sort_actions};
use crate::query::{ResourcePattern, expand, fits, wildcard_matches};
use crate::{Node, NodeKind};

/// Where a grant applies: resource patterns, or everything but some (`NotResource`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Resources {
    /// One `Resource` pattern.
    Pattern(String),
    /// Every resource but these (`NotResource`).
    AllBut(Vec<String>),
}

impl Resources {
    /// As the policy writes it: the pattern, or `NotResource [..]`.
    pub fn display(&self) -> String {
        match self {
            Resources::Pattern(p) => p.clone(),
            Resources::AllBut(list) => format!("NotResource {}", list.join(", ")),
        }
    }
}

/// One grant (or, from a `Deny` statement, one denial).
#[derive(Debug, Clone)]
struct Grant {
    resources: Resources,
    /// Canonical `Principal`, when the statement has one.
    principal: Option<String>,
    /// Canonical `Condition`, when the statement has one.
    condition: Option<String>,
}

/// Whether a grant of NEW is proved new or undecided.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Verdict {
    /// OLD grants none of it for some request (a proof exists).
    New,
    /// Neither containment nor a counterexample could be shown; the reason says why.
    Undecided(String),
}

/// What NEW grants that OLD does not, for one resource spec and context.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The actions (catalog names, sorted), or the pattern as written when it matches no
    /// catalog action.
    pub actions: Vec<String>,
    /// Where.
    pub resources: Resources,
    /// The canonical `Principal` of the NEW statement, when it has one.
    pub principal: Option<String>,
    /// The canonical `Condition` of the NEW statement, when it has one.
    pub condition: Option<String>,
    /// New, or undecided and why.
    pub verdict: Verdict,
}

/// The result of [`diff`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diff {
    /// Grants of NEW not proved contained in OLD, grouped by resource, context and verdict.
    pub changes: Vec<Change>,
}

impl Diff {
    /// Whether NEW is proved to grant something OLD does not.
    pub fn grants_new(&self) -> bool {
        self.changes.iter().any(|c| c.verdict == Verdict::New)
    }

    /// Whether NEW may grant more than OLD: something is new or undecided.
    pub fn may_grant_more(&self) -> bool {
        !self.changes.is_empty()
    }
}

/// How changes are grouped: resources, principal, condition, verdict.
type GroupKey = (Resources, Option<String>, Option<String>, Verdict);

/// The grants and denials of one policy, by action.
#[derive(Default)]
struct Expanded {
    allows: HashMap<Action, Vec<Grant>>,
    denies: HashMap<Action, Vec<Grant>>,
    /// Allowed patterns that match no catalog action, with their grant.
    unknown: Vec<(String, Grant)>,
    /// Every `Action` pattern of the `Allow` statements as written (lowercase), with its
    /// grant: they cover, as text, actions the catalog does not know.
    patterns: Vec<(Vec<matching::Piece>, Grant)>,
}

/// The grants (or denials) of `action` in `map`; none when it has none.
fn of(map: &HashMap<Action, Vec<Grant>>, action: Action) -> &[Grant] {
    map.get(&action).map(Vec::as_slice).unwrap_or_default()
}

/// What `new` grants that `old` does not. Both are policy documents (JSON trees); a
/// malformed element is read as far as it goes (the checker reports it).
pub fn diff(old: &Node, new: &Node) -> Diff {
    let old = expand_policy(old);
    let new = expand_policy(new);
    let mut groups: BTreeMap<GroupKey, Vec<String>> = BTreeMap::new();
    let mut actions: Vec<Action> = new.allows.keys().copied().collect();
    sort_actions(&mut actions, ActionOrder::Spelled);
    for action in actions {
        for grant in of(&new.allows, action) {
            let denied_in_new = of(&new.denies, action).iter().any(|d| {
                d.condition.is_none()
                    && same_principal(d, grant)
                    && spec_contains(&d.resources, &grant.resources)
            });
            if denied_in_new {
                continue;
            }
            if let Some(verdict) = judge(&old, &new, action, grant) {
                groups
                    .entry((
                        grant.resources.clone(),
                        grant.principal.clone(),
                        grant.condition.clone(),
                        verdict,
                    ))
                    .or_default()
                    .push(action.full_name());
            }
        }
    }
    for (pattern, grant) in &new.unknown {
        // The pattern as text: OLD allows it when one of its patterns contains it
        // (`deepracer:*` contains `deepracer:ListModels`), whatever the catalog knows.
        let text = parse(&pattern.to_ascii_lowercase());
        let covered = old.patterns.iter().any(|(q, o)| {
            o.principal == grant.principal
                && (o.condition.is_none() || o.condition == grant.condition)
                && spec_contains(&o.resources, &grant.resources)
                && contains(q, &text)
        });
        if covered {
            continue;
        }
        groups
            .entry((
                grant.resources.clone(),
                grant.principal.clone(),
                grant.condition.clone(),
                Verdict::Undecided(format!("`{pattern}` matches no action of the catalog")),
            ))
            .or_default()
            .push(pattern.clone());
    }
    let changes = groups
        .into_iter()
        .map(
            |((resources, principal, condition, verdict), mut actions)| {
                actions.dedup();
                Change {
                    actions,
                    resources,
                    principal,
                    condition,
                    verdict,
                }
            },
        )
        .collect();
    Diff { changes }
}

fn same_principal(a: &Grant, b: &Grant) -> bool {
    a.principal.is_none() || a.principal == b.principal
}

/// `None` when a NEW grant is contained in OLD; otherwise the verdict.
fn judge(old: &Expanded, new: &Expanded, action: Action, grant: &Grant) -> Option<Verdict> {
    let old_allows = of(&old.allows, action);
    let compatible = |o: &&Grant| {
        o.principal == grant.principal && (o.condition.is_none() || o.condition == grant.condition)
    };
    let contained = old_allows
        .iter()
        .filter(compatible)
        .any(|o| spec_contains(&o.resources, &grant.resources));
    if contained {
        // OLD's own denials must carry over to NEW unchanged.
        let new_denies = of(&new.denies, action);
        for d in of(&old.denies, action) {
            if spec_overlaps(&d.resources, &grant.resources)
                && !new_denies.iter().any(|n| {
                    n.resources == d.resources
                        && n.principal == d.principal
                        && n.condition == d.condition
                })
            {
                return Some(Verdict::Undecided(format!(
                    "OLD denies `{}` on `{}` and NEW has no such `Deny`",
                    action.full_name(),
                    d.resources.display()
                )));
            }
        }
        return None;
    }
    let new_deny_overlaps = of(&new.denies, action)
        .iter()
        .any(|d| spec_overlaps(&d.resources, &grant.resources));
    let escapes = |grants: &mut dyn Iterator<Item = &Grant>| -> bool {
        let grants: Vec<&Grant> = grants.collect();
        match &grant.resources {
            Resources::Pattern(p) => {
                let inner = parse(p);
                witnesses(&inner).iter().any(|w| {
                    !grants.iter().any(|o| match &o.resources {
                        Resources::Pattern(q) => matches_loosely(&parse(q), w),
                        // A witness outside every excluded pattern is granted.
                        Resources::AllBut(list) => {
                            !list.iter().any(|x| matches_loosely(&parse(x), w))
                        }
                    })
                })
            }
            Resources::AllBut(_) => grants.is_empty(),
        }
    };
    if escapes(&mut old_allows.iter()) {
        if new_deny_overlaps {
            return Some(Verdict::Undecided(format!(
                "a `Deny` of NEW may take back `{}` on `{}`",
                action.full_name(),
                grant.resources.display()
            )));
        }
        return Some(Verdict::New);
    }
    if escapes(&mut old_allows.iter().filter(compatible)) {
        let others: Vec<&Grant> = old_allows.iter().filter(|o| !compatible(o)).collect();
        // OLD grants it only under conditions and NEW grants it without: new whenever a
        // condition of OLD fails.
        if grant.condition.is_none() && others.iter().all(|o| o.principal == grant.principal) {
            return Some(Verdict::New);
        }
        // NEW opens it to everyone where OLD named principals.
        let public = |p: &Option<String>| p.as_deref().is_some_and(|p| p.contains("\"*\""));
        if public(&grant.principal) && !others.iter().any(|o| public(&o.principal)) {
            return Some(Verdict::New);
        }
        return Some(Verdict::Undecided(
            "OLD grants it only with another principal or condition; conditions are compared exactly".to_owned(),
        ));
    }
    Some(Verdict::Undecided(
        "OLD's resource patterns together may cover it; containment was not proved".to_owned(),
    ))
}

/// Whether `outer` is proved to contain `inner`.
fn spec_contains(outer: &Resources, inner: &Resources) -> bool {
    if outer == inner || matches!(outer, Resources::Pattern(o) if is_star(o)) {
        return true;
    }
    match (outer, inner) {
        (Resources::Pattern(o), Resources::Pattern(i)) => contains(&parse(o), &parse(i)),
        // Everything but X contains P when P and every x are disjoint.
        (Resources::AllBut(xs), Resources::Pattern(i)) => {
            let i = parse(i);
            !xs.iter().any(|x| overlaps(&parse(x), &i))
        }
        (Resources::Pattern(o), Resources::AllBut(_)) => is_star(o),
        // Everything but X contains everything but Y when every x is in some y.
        (Resources::AllBut(xs), Resources::AllBut(ys)) => xs
            .iter()
            .all(|x| ys.iter().any(|y| contains(&parse(y), &parse(x)))),
    }
}

/// Whether two specs may share a resource (conservatively yes for exclusion lists).
fn spec_overlaps(a: &Resources, b: &Resources) -> bool {
    match (a, b) {
        (Resources::Pattern(x), Resources::Pattern(y)) => overlaps(&parse(x), &parse(y)),
        _ => true,
    }
}

/// Whether a resource spec can grant `action` anything: the engine's fitting of a
/// resource pattern to the action's resource types (`query::fits`).
fn can_grant(spec: &Resources, parsed: Option<&ResourcePattern>, action: Action) -> bool {
    let Resources::Pattern(pattern) = spec else {
        return true;
    };
    if is_star(pattern) {
        return true;
    }
    // Not an ARN: the checker reports it; it grants nothing.
    parsed.is_some_and(|parsed| {
        action
            .resource_types()
            .any(|t| fits(parsed, t.resource_type()))
    })
}

fn is_star(pattern: &str) -> bool {
    !pattern.is_empty() && pattern.bytes().all(|b| b == b'*')
}

fn member<'n>(object: &'n [crate::Member], key: &str) -> Option<&'n Node<'n>> {
    object.iter().find(|m| m.key == key).map(|m| &m.value)
}

/// The literal strings of a string or array value.
fn strings(node: Option<&Node>) -> Vec<String> {
    match node {
        None => Vec::new(),
        Some(n) => match n.as_array() {
            Some(items) => items
                .iter()
                .filter_map(|i| i.as_literal().map(str::to_owned))
                .collect(),
            None => n.as_literal().map(str::to_owned).into_iter().collect(),
        },
    }
}

/// Whether an action pattern of a policy matches the catalog action (case-insensitive
/// wildcards, prefix and name apart).
fn action_matches(pattern: &str, action: Action) -> bool {
    if is_star(pattern) {
        return true;
    }
    pattern.split_once(':').is_some_and(|(p, n)| {
        wildcard_matches(p, action.service().prefix()) && wildcard_matches(n, action.name())
    })
}

fn expand_policy(root: &Node) -> Expanded {
    let mut out = Expanded::default();
    let statements: Vec<&Node> = match root.as_object().and_then(|o| member(o, "Statement")) {
        Some(s) => match s.as_array() {
            Some(items) => items.iter().collect(),
            None => vec![s],
        },
        None => Vec::new(),
    };
    for statement in statements {
        if let Some(object) = statement.as_object() {
            expand_statement(object, &mut out);
        }
    }
    out
}

/// Adds one statement's grants (or denials) to `out`.
fn expand_statement(object: &[crate::Member], out: &mut Expanded) {
    let deny = match member(object, "Effect").and_then(Node::as_literal) {
        Some("Allow") => false,
        Some("Deny") => true,
        _ => return,
    };
    let principal = member(object, "Principal")
        .map(canonical)
        .or_else(|| member(object, "NotPrincipal").map(|p| format!("not {}", canonical(p))));
    let condition = member(object, "Condition").map(canonical);
    let specs: Vec<Resources> = if let Some(not) = member(object, "NotResource") {
        vec![Resources::AllBut(strings(Some(not)))]
    } else if let Some(resource) = member(object, "Resource") {
        strings(Some(resource))
            .into_iter()
            .map(Resources::Pattern)
            .collect()
    } else {
        vec![Resources::Pattern("*".to_owned())]
    };
    let grant = |spec: &Resources| Grant {
        resources: spec.clone(),
        principal: principal.clone(),
        condition: condition.clone(),
    };
    let actions: Vec<Action> = if let Some(not) = member(object, "NotAction") {
        let excluded = strings(Some(not));
        let mut all = Vec::new();
        for service in crate::services() {
            all.extend(
                service.actions_where(&mut |a| !excluded.iter().any(|p| action_matches(p, a))),
            );
        }
        all
    } else {
        let mut all = Vec::new();
        for pattern in strings(member(object, "Action")) {
            let found = expand(&pattern);
            if found.is_empty() && !deny {
                out.unknown
                    .extend(specs.iter().map(|spec| (pattern.clone(), grant(spec))));
            }
            all.extend(found);
            if !deny {
                // As text, for actions the catalog does not know; `*` alone is every
                // action, so as text it must contain `prefix:name`.
                let text = if is_star(&pattern) {
                    "*:*".to_owned()
                } else {
                    pattern.to_ascii_lowercase()
                };
                out.patterns
                    .extend(specs.iter().map(|spec| (parse(&text), grant(spec))));
            }
        }
        sort_actions(&mut all, ActionOrder::Spelled);
        all.dedup();
        all
    };
    let parsed: Vec<Option<ResourcePattern>> = specs
        .iter()
        .map(|spec| match spec {
            Resources::Pattern(p) if !is_star(p) => {
                ResourcePattern::parse(&crate::Text::literal(p.as_str())).ok()
            }
            _ => None,
        })
        .collect();
    let target = if deny {
        &mut out.denies
    } else {
        &mut out.allows
    };
    for action in actions {
        let entry = target.entry(action).or_default();
        // A resource that fits none of the action's resource types grants it nothing
        // (the engine's `resource-mismatch`); an action without resource types is
        // granted only on `"*"`. Denials keep every pattern.
        for (spec, parsed) in specs.iter().zip(&parsed) {
            if deny || can_grant(spec, parsed.as_ref(), action) {
                entry.push(grant(spec));
            }
        }
    }
}

/// A canonical text of a JSON value for exact comparison: object members sorted by key,
/// a single string the same as an array of it, array elements sorted.
pub fn canonical(node: &Node) -> String {
    let mut out = String::new();
    write_canonical(node, &mut out);
    out
}

fn write_canonical(node: &Node, out: &mut String) {
    match &node.kind {
        NodeKind::Object(members) => {
            let mut parts: Vec<(String, String)> = members
                .iter()
                .map(|m| (m.key.to_string(), canonical(&m.value)))
                .collect();
            parts.sort();
            out.push('{');
            for (i, (k, v)) in parts.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                let _ = write!(out, "{k:?}:{v}");
            }
            out.push('}');
        }
        NodeKind::Array(items) => {
            let mut parts: Vec<String> = items
                .iter()
                .map(|item| match item.kind {
                    NodeKind::String(_) => {
                        format!("{:?}", item.as_literal().unwrap_or("{inserted}"))
                    }
                    _ => canonical(item),
                })
                .collect();
            parts.sort();
            parts.dedup();
            out.push('[');
            out.push_str(&parts.join(","));
            out.push(']');
        }
        NodeKind::String(_) => {
            let _ = write!(out, "[{:?}]", node.as_literal().unwrap_or("{inserted}"));
        }
        NodeKind::Null => out.push_str("null"),
        NodeKind::Bool(b) => {
            let _ = write!(out, "[\"{b}\"]");
        }
        NodeKind::Number(n) => {
            let _ = write!(out, "[{n:?}]");
        }
        NodeKind::Opaque(id) => {
            let _ = write!(out, "<value {id}>");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::test_util::parse as json;

    fn d(old: &str, new: &str) -> Diff {
        let wrap = |s: &str| format!(r#"{{"Version": "2012-10-17", "Statement": [{s}]}}"#);
        diff(&json(&wrap(old)), &json(&wrap(new)))
    }

    const READ: &str =
        r#"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}"#;

    #[test]
    fn identical_and_narrower_policies_grant_nothing_new() {
        assert!(!d(READ, READ).may_grant_more());
        let narrower = r#"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/reports/*"}"#;
        assert!(!d(READ, narrower).may_grant_more());
        // Case of the action does not matter; a pattern compares by its actions.
        let upper =
            r#"{"Effect": "Allow", "Action": "S3:getobject", "Resource": "arn:aws:s3:::b/*"}"#;
        assert!(!d(READ, upper).may_grant_more());
        let star = r#"{"Effect": "Allow", "Action": "*", "Resource": "*"}"#;
        assert!(!d(star, READ).may_grant_more());
        // A resource that fits none of the action's types grants nothing.
        let mismatch = r#"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": ["arn:aws:s3:::b/*", "arn:aws:s3:::b"]}"#;
        assert!(!d(READ, mismatch).may_grant_more());
    }

    #[test]
    fn wider_actions_and_resources_are_new() {
        let wider =
            r#"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::*/*"}"#;
        let found = d(READ, wider);
        assert!(found.grants_new());
        assert_eq!(found.changes.len(), 1);
        assert_eq!(found.changes[0].actions, ["s3:GetObject"]);
        assert_eq!(
            found.changes[0].resources,
            Resources::Pattern("arn:aws:s3:::*/*".into())
        );
        let more =
            r#"{"Effect": "Allow", "Action": "s3:GetObject*", "Resource": "arn:aws:s3:::b/*"}"#;
        let found = d(READ, more);
        assert!(found.grants_new());
        assert!(
            found.changes[0]
                .actions
                .contains(&"s3:GetObjectAcl".to_owned())
        );
        assert!(
            !found.changes[0]
                .actions
                .contains(&"s3:GetObject".to_owned())
        );
    }

    #[test]
    fn conditions_compare_exactly() {
        let tagged = r#"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*",
            "Condition": {"StringEquals": {"aws:PrincipalTag/team": "data"}}}"#;
        // Adding a condition narrows: contained in the unconditioned grant.
        assert!(!d(READ, tagged).may_grant_more());
        // Removing it is new.
        assert!(d(tagged, READ).grants_new());
        // The same condition, written as an array: identical.
        let array = tagged.replace("\"data\"", "[\"data\"]");
        assert!(!d(tagged, &array).may_grant_more());
        // Another condition: not decided.
        let other = tagged.replace("data", "ops");
        let found = d(tagged, &other);
        assert!(!found.grants_new());
        assert!(matches!(found.changes[0].verdict, Verdict::Undecided(_)));
    }

    #[test]
    fn deny_statements() {
        let all = r#"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}"#;
        let deny_b =
            r#"{"Effect": "Deny", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}"#;
        // NEW denies exactly what it adds: nothing new.
        let old = r#"{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*"}"#;
        assert!(!d(old, &format!("{READ}, {deny_b}")).may_grant_more());
        // OLD denied part of what both allow; NEW drops the Deny: undecided, not silent.
        let old = format!("{all}, {deny_b}");
        let found = d(&old, all);
        assert!(found.may_grant_more());
        assert!(
            matches!(found.changes[0].verdict, Verdict::Undecided(_)),
            "{found:?}"
        );
        // Keeping the Deny: nothing new.
        assert!(!d(&old, &old).may_grant_more());
        // A conditional Deny in NEW: a wider grant is undecided, not new.
        let cond_deny = r#"{"Effect": "Deny", "Action": "s3:GetObject", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}}"#;
        let found = d(READ, &format!("{all}, {cond_deny}"));
        assert!(!found.grants_new());
        assert!(found.may_grant_more());
    }

    #[test]
    fn not_action_and_not_resource() {
        let all_but_iam = r#"{"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}"#;
        assert!(!d(all_but_iam, READ).may_grant_more());
        let iam = r#"{"Effect": "Allow", "Action": "iam:GetUser", "Resource": "*"}"#;
        assert!(d(all_but_iam, iam).grants_new());
        let not_b =
            r#"{"Effect": "Allow", "Action": "s3:GetObject", "NotResource": "arn:aws:s3:::b/*"}"#;
        assert!(
            !d(
                not_b,
                r#"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::c/*"}"#
            )
            .may_grant_more()
        );
        assert!(d(not_b, READ).may_grant_more());
    }

    #[test]
    fn unknown_actions_are_undecided_unless_every_action_was_granted() {
        let unknown = r#"{"Effect": "Allow", "Action": "s3:GetObjekt", "Resource": "*"}"#;
        let found = d(READ, unknown);
        assert!(
            matches!(&found.changes[0].verdict, Verdict::Undecided(r) if r.contains("s3:GetObjekt"))
        );
        assert!(
            !d(
                r#"{"Effect": "Allow", "Action": "*", "Resource": "*"}"#,
                unknown
            )
            .may_grant_more()
        );
        // As text, `S3:GetObj*` contains the misspelled name; `s3:Put*` does not.
        let get = r#"{"Effect": "Allow", "Action": "S3:GetObj*", "Resource": "*"}"#;
        assert!(!d(get, unknown).may_grant_more());
        let put = r#"{"Effect": "Allow", "Action": "s3:Put*", "Resource": "*"}"#;
        assert!(d(put, unknown).may_grant_more());
    }

    #[test]
    fn principals_compare_exactly() {
        let to = |p: &str| {
            format!(
                r#"{{"Effect": "Allow", "Principal": {{"AWS": "{p}"}}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}}"#
            )
        };
        let a = to("arn:aws:iam::111122223333:root");
        assert!(!d(&a, &a).may_grant_more());
        assert!(d(&a, &to("*")).grants_new());
    }
}

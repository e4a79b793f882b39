//! From groups to documents: action lists (or `minimize` patterns), statements, the size
//! quota split, and the notes on dependent actions.

use super::select::{Group, Selection};
use super::template::Template;
use super::{Error, Note};
use crate::Effect;
use crate::check::quota::{self, Quota};
use crate::model::{self, Action};
use crate::query::actions_matching;
use crate::view::{Loc, Member, Node, NodeKind, PolicyView, Text};
use crate::{DATA_DATE, PolicyKind, Severity};

pub struct Built {
    pub policies: Vec<PolicyView<'static>>,
    pub notes: Vec<Note>,
}

/// One statement to write: its Sid, actions as written, resources, condition.
struct Statement<'a> {
    sid: String,
    actions: Vec<String>,
    resources: Vec<Node<'static>>,
    condition: Option<&'a Node<'a>>,
    loc: &'a Loc,
}

pub fn build<'a>(
    template: &Template<'a>,
    selection: Selection<'a>,
    kind: PolicyKind,
    minimize: bool,
) -> Result<Built, Vec<Error>> {
    let Selection { groups, mut notes } = selection;
    let mut granted: Vec<Action> = Vec::new();
    for group in groups.values() {
        granted.extend_from_slice(&group.actions);
    }
    let mut statements = Vec::new();
    for group in groups.into_values() {
        notes.extend(dependent_notes(&group, &granted));
        let Group {
            sid,
            mut actions,
            resources,
            condition,
            loc,
        } = group;
        model::sort_actions(&mut actions, model::ActionOrder::Lowercase);
        let actions = if minimize {
            let (patterns, widened) = minimized(&actions);
            for (pattern, count) in widened {
                notes.push(Note {
                    loc: *loc,
                    severity: Some(Severity::Warning),
                    message: format!(
                        "`{pattern}` matches exactly the {count} requested actions in the catalog of {DATA_DATE}; when AWS adds actions that match it, it grants them too"
                    ),
                });
            }
            patterns
        } else {
            actions.iter().map(Action::to_string).collect()
        };
        statements.push(Statement {
            sid,
            actions,
            resources,
            condition,
            loc,
        });
    }
    let effect = template.effect;
    let root_loc = template.root;
    let Some(quota) = quota::quota(kind) else {
        let nodes = statements
            .iter()
            .map(|s| statement_node(s, effect))
            .collect();
        return Ok(Built {
            policies: vec![document(nodes, *root_loc)],
            notes,
        });
    };
    let mut errors = Vec::new();
    let overhead = size(&document(Vec::new(), *root_loc).root, &quota);
    let budget = quota.limit.saturating_sub(overhead);
    let mut nodes = Vec::new();
    for statement in statements {
        split(statement, effect, budget, &quota, &mut nodes, &mut errors);
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    // First fit in order: statements stay in their order across the documents.
    let mut policies = Vec::new();
    let mut current: Vec<Node> = Vec::new();
    let mut used = overhead;
    for node in nodes {
        let cost = size(&node, &quota) + usize::from(!current.is_empty());
        if !current.is_empty() && used + cost > quota.limit {
            policies.push(document(std::mem::take(&mut current), *root_loc));
            used = overhead;
        }
        used += size(&node, &quota) + usize::from(!current.is_empty());
        current.push(node);
    }
    if !current.is_empty() || policies.is_empty() {
        policies.push(document(current, *root_loc));
    }
    Ok(Built { policies, notes })
}

fn size(node: &Node, quota: &Quota) -> usize {
    quota::size(node).in_unit(quota.unit)
}

/// Writes `statement`, split into `...Part1`, `...Part2` (actions first, then resources)
/// while one part alone exceeds `budget`.
fn split(
    statement: Statement<'_>,
    effect: Effect,
    budget: usize,
    quota: &Quota,
    out: &mut Vec<Node>,
    errors: &mut Vec<Error>,
) {
    let whole = statement_node(&statement, effect);
    if size(&whole, quota) <= budget {
        out.push(whole);
        return;
    }
    let mut parts = vec![statement];
    let mut done = Vec::new();
    while let Some(part) = parts.pop() {
        let node = statement_node(&part, effect);
        if size(&node, quota) <= budget {
            done.push(part);
            continue;
        }
        let halves = if part.actions.len() > 1 {
            let mut first = part.actions;
            let second = first.split_off(first.len() / 2);
            [(first, part.resources.clone()), (second, part.resources)]
        } else if part.resources.len() > 1 {
            let mut first = part.resources;
            let second = first.split_off(first.len() / 2);
            [(part.actions.clone(), first), (part.actions, second)]
        } else {
            errors.push(Error {
                loc: *part.loc,
                message: format!(
                    "the statement `{}` alone exceeds the size quota of {} ({} {:?})",
                    part.sid, quota.what, quota.limit, quota.unit
                ),
                help: Some("shorten the ARN or the condition".to_owned()),
            });
            continue;
        };
        // Pushed in reverse so that the first half is taken first.
        for (actions, resources) in halves.into_iter().rev() {
            parts.push(Statement {
                sid: part.sid.clone(),
                actions,
                resources,
                condition: part.condition,
                loc: part.loc,
            });
        }
    }
    let count = done.len();
    for (index, mut part) in done.into_iter().enumerate() {
        if count > 1 {
            part.sid = format!("{}Part{}", part.sid, index + 1);
        }
        out.push(statement_node(&part, effect));
    }
}

fn string(text: &str, loc: Loc) -> Node<'static> {
    Node::new(NodeKind::String(Text::literal(text.to_owned())), loc)
}

fn member(key: &str, value: Node<'static>, loc: Loc) -> Member<'static> {
    Member {
        key: key.to_owned().into(),
        key_loc: loc,
        value,
    }
}

fn statement_node(statement: &Statement<'_>, effect: Effect) -> Node<'static> {
    let loc = statement.loc;
    let actions = statement.actions.iter().map(|a| string(a, *loc)).collect();
    let mut members = vec![
        member("Sid", string(&statement.sid, *loc), *loc),
        member("Effect", string(effect.as_str(), *loc), *loc),
        member("Action", Node::new(NodeKind::Array(actions), *loc), *loc),
        member(
            "Resource",
            Node::new(NodeKind::Array(statement.resources.clone()), *loc),
            *loc,
        ),
    ];
    if let Some(condition) = statement.condition {
        members.push(member("Condition", condition.clone().into_owned(), *loc));
    }
    Node::new(NodeKind::Object(members), *loc)
}

fn document(statements: Vec<Node<'static>>, loc: Loc) -> PolicyView<'static> {
    PolicyView::new(Node::new(
        NodeKind::Object(vec![
            member("Version", string("2012-10-17", loc), loc),
            member(
                "Statement",
                Node::new(NodeKind::Array(statements), loc),
                loc,
            ),
        ]),
        loc,
    ))
}

/// The dependent actions of the group's actions that the policy does not grant.
fn dependent_notes(group: &Group<'_>, granted: &[Action]) -> Vec<Note> {
    let mut notes = Vec::new();
    for action in &group.actions {
        let missing: Vec<String> = action
            .dependent_actions()
            .filter(|name| {
                model::action(name).is_none_or(|dependent| !granted.contains(&dependent))
            })
            .map(|name| format!("`{name}`"))
            .collect();
        if !missing.is_empty() {
            notes.push(Note {
                loc: *group.loc,
                severity: None,
                message: format!(
                    "`{action}` also needs {} (its dependent actions), which this policy does not grant",
                    missing.join(", ")
                ),
            });
        }
    }
    notes
}

/// Action lists shortened to `prefix:Head*` patterns that match exactly the given actions
/// in the catalog (per action, the shortest head whose matches all belong to the list and
/// are at least two), with each pattern and how many actions it matches.
fn minimized(actions: &[Action]) -> (Vec<String>, Vec<(String, usize)>) {
    let mut out: Vec<String> = Vec::new();
    let mut widened: Vec<(String, usize)> = Vec::new();
    let mut covered: Vec<Action> = Vec::new();
    for action in actions {
        if covered.contains(action) {
            continue;
        }
        let service = action.service();
        let name = action.name();
        let mut chosen = None;
        for (end, _) in name.char_indices().skip(1) {
            let head = name.get(..end).unwrap_or_default();
            let matches = actions_matching(service, &format!("{head}*"));
            if matches.len() >= 2 && matches.iter().all(|m| actions.contains(m)) {
                chosen = Some((head, matches));
                break;
            }
        }
        if let Some((head, matches)) = chosen {
            let pattern = format!("{}:{head}*", service.prefix());
            widened.push((pattern.clone(), matches.len()));
            out.push(pattern);
            covered.extend(matches);
        } else {
            out.push(action.to_string());
            covered.push(*action);
        }
    }
    (out, widened)
}

#[cfg(test)]
pub(super) fn minimized_for_test(actions: &[Action]) -> Vec<String> {
    minimized(actions).0
}

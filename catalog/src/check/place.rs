//! Where a string stands in a policy: one walk over every string, opaque value and
//! condition key, each with its [`Place`]. The policy-variable rules and the
//! interpolation rules ask the same question ("does IAM read `*`, `?` and `${` here?"),
//! so both walk the policy through [`visit`].

use super::conditions::{self, Operator};
use super::{Policy, Statement};
use crate::{Member, Node, NodeKind};

/// Where a string stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place<'e> {
    /// An element where IAM replaces no variable (`Action`, `Sid`, `Principal`, a whole
    /// `Condition` or `Statement` given as one run-time value, ...), named by its key.
    Element(&'e str),
    /// A `Resource`/`NotResource` entry.
    Resource,
    /// A condition key (the member key itself).
    ConditionKey,
    /// A value of a condition operator (`None`: not an operator).
    ConditionValue(Option<Operator>),
}

/// What [`visit`] hands out: a string or run-time value node, or a condition key.
#[derive(Debug, Clone, Copy)]
pub enum Visited<'a> {
    /// A string node or a [`NodeKind::Opaque`] node.
    Node(&'a Node<'a>),
    /// The member whose key is a condition key.
    Key(&'a Member<'a>),
}

/// Calls `f` with every string node, every opaque node and every condition key of the
/// policy, with the index of its statement (`None` outside statements) and its place.
/// Iterative within each element, so no nesting depth can overflow the stack.
pub fn visit<'a>(policy: &Policy<'a>, mut f: impl FnMut(Option<usize>, Visited<'a>, Place<'a>)) {
    let Some(members) = policy.root.as_object() else {
        return;
    };
    for member in members {
        if member.key == "Statement" {
            // Statements that are objects are visited below; a statement (or the whole
            // list) given as one run-time value stands in `Statement`.
            let items = match &member.value.kind {
                NodeKind::Array(items) => items.as_slice(),
                _ => std::slice::from_ref(&member.value),
            };
            for item in items {
                if matches!(item.kind, NodeKind::Opaque(_)) {
                    f(None, Visited::Node(item), Place::Element("Statement"));
                }
            }
        } else {
            walk(&member.value, Place::Element(&member.key), &mut |v, p| {
                f(None, v, p);
            });
        }
    }
    for statement in &policy.statements {
        let index = Some(statement.index);
        visit_statement(statement, &mut |v, p| f(index, v, p));
    }
}

/// One statement: `Resource`/`NotResource` entries, `Condition` keys and values, and the
/// other elements.
fn visit_statement<'a>(statement: &Statement<'a>, f: &mut dyn FnMut(Visited<'a>, Place<'a>)) {
    let Some(members) = statement.node.as_object() else {
        return;
    };
    for member in members {
        match member.key.as_ref() {
            "Resource" | "NotResource" => {
                let items = match &member.value.kind {
                    NodeKind::Array(items) => items.as_slice(),
                    _ => std::slice::from_ref(&member.value),
                };
                for item in items {
                    match &item.kind {
                        NodeKind::String(_) | NodeKind::Opaque(_) => {
                            f(Visited::Node(item), Place::Resource);
                        }
                        _ => walk(item, Place::Element(&member.key), f),
                    }
                }
            }
            "Condition" => visit_condition(member, f),
            _ => walk(&member.value, Place::Element(&member.key), f),
        }
    }
}

/// `Condition`: operator blocks, their keys, and the keys' values.
fn visit_condition<'a>(condition: &'a Member<'a>, f: &mut dyn FnMut(Visited<'a>, Place<'a>)) {
    let Some(blocks) = condition.value.as_object() else {
        walk(&condition.value, Place::Element("Condition"), f);
        return;
    };
    for block in blocks {
        let operator = conditions::parse_operator(&block.key).ok();
        match &block.value.kind {
            NodeKind::Object(keys) => {
                for key in keys {
                    f(Visited::Key(key), Place::ConditionKey);
                    walk(&key.value, Place::ConditionValue(operator), f);
                }
            }
            // A whole block of keys given as one run-time value: its keys and values are
            // not known apart, so it is no value place.
            NodeKind::Opaque(_) => f(Visited::Node(&block.value), Place::Element("Condition")),
            _ => walk(&block.value, Place::ConditionValue(operator), f),
        }
    }
}

/// Every string and opaque node under `node`, all at `place`.
fn walk<'a>(node: &'a Node<'a>, place: Place<'a>, f: &mut dyn FnMut(Visited<'a>, Place<'a>)) {
    let mut stack = vec![node];
    while let Some(node) = stack.pop() {
        match &node.kind {
            NodeKind::String(_) | NodeKind::Opaque(_) => f(Visited::Node(node), place),
            NodeKind::Array(items) => stack.extend(items.iter().rev()),
            NodeKind::Object(members) => stack.extend(members.iter().rev().map(|m| &m.value)),
            _ => {}
        }
    }
}

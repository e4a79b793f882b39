//! Terraform plans in JSON (`terraform show -json PLANFILE`, `HashiCorp`'s "JSON Output
//! Format" page): the policies of AWS provider resources and the
//! `aws_iam_policy_document` data sources.
//!
//! Resources are read from `planned_values` (root module and child modules), data
//! sources also from `prior_state` (read during planning) and `resource_changes` (read
//! during apply). A value known only after apply is `null` (or absent) in the values with
//! `true` at its place in the change's `after_unknown`; such a string or list element is a
//! hole, a whole unknown policy is reported as not checked.
//!
//! A policy attribute whose configuration expression references an
//! `aws_iam_policy_document` data source's `json` is checked once, in the data source's
//! statement blocks (better locations, and checked even when the JSON text is unknown),
//! with the policy type of the attribute that references it. A data source no attribute
//! references is checked as a resource policy when a statement has principals, else as
//! an identity policy.

use std::collections::{HashMap, HashSet};

use iam_catalog::{Member, Node, NodeKind, PolicyKind, Segment, Text};
use iam_policy::{JsonLocation, ValidateOptions};

use super::{Lines, NoteLevel, Report, get, parse_embedded};

/// The policy attributes of each resource type: `(attribute, policy type)`. From the
/// AWS provider's documentation of each resource.
fn attributes(resource_type: &str) -> &'static [(&'static str, PolicyKind)] {
    use PolicyKind::{Endpoint, Identity, Resource, Trust};
    match resource_type {
        "aws_iam_policy"
        | "aws_iam_role_policy"
        | "aws_iam_user_policy"
        | "aws_iam_group_policy" => &[("policy", Identity)],
        "aws_iam_role" => &[("assume_role_policy", Trust)],
        "aws_s3_bucket_policy"
        | "aws_sqs_queue_policy"
        | "aws_sns_topic_policy"
        | "aws_kms_key"
        | "aws_kms_key_policy"
        | "aws_ecr_repository_policy"
        | "aws_secretsmanager_secret_policy"
        | "aws_sqs_queue"
        | "aws_sns_topic" => &[("policy", Resource)],
        "aws_vpc_endpoint" => &[("policy", Endpoint)],
        _ => &[],
    }
}

const POLICY_DOCUMENT: &str = "aws_iam_policy_document";

/// Drops instance keys: `module.a[0].aws_iam_policy.p["x"]` is
/// `module.a.aws_iam_policy.p` in the configuration.
fn config_address(address: &str) -> String {
    let mut out = String::with_capacity(address.len());
    let mut depth = 0usize;
    let mut quoted = false;
    for c in address.chars() {
        match c {
            '"' if depth > 0 => quoted = !quoted,
            '[' if !quoted => depth += 1,
            ']' if !quoted => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// One resource instance of the plan.
struct Instance<'n> {
    address: String,
    mode: &'n str,
    ty: &'n str,
    values: &'n Node<'n, JsonLocation>,
    unknown: Option<&'n Node<'n, JsonLocation>>,
}

fn literal<'n>(node: &'n Node<'n, JsonLocation>, key: &str) -> Option<&'n str> {
    get(node, key).and_then(Node::as_literal)
}

/// Collects the resources of a module and its child modules.
fn module_resources<'n>(
    module: &'n Node<'n, JsonLocation>,
    out: &mut Vec<&'n Node<'n, JsonLocation>>,
) {
    let mut stack = vec![module];
    while let Some(module) = stack.pop() {
        if let Some(resources) = get(module, "resources").and_then(Node::as_array) {
            out.extend(resources);
        }
        if let Some(children) = get(module, "child_modules").and_then(Node::as_array) {
            stack.extend(children.iter().rev());
        }
    }
}

/// Collects the configuration's resources with their module prefixes.
fn config_resources<'n>(
    module: &'n Node<'n, JsonLocation>,
    prefix: &str,
    out: &mut Vec<(String, &'n Node<'n, JsonLocation>)>,
) {
    if let Some(resources) = get(module, "resources").and_then(Node::as_array) {
        out.extend(resources.iter().map(|r| (prefix.to_owned(), r)));
    }
    if let Some(calls) = get(module, "module_calls").and_then(Node::as_object) {
        for call in calls {
            if let Some(child) = get(&call.value, "module") {
                config_resources(child, &format!("{prefix}module.{}.", call.key), out);
            }
        }
    }
}

/// The data sources an expression references (`data.aws_iam_policy_document.x`).
fn referenced_documents(expression: &Node<JsonLocation>, prefix: &str) -> Vec<String> {
    let Some(references) = get(expression, "references").and_then(Node::as_array) else {
        return Vec::new();
    };
    let mut out: Vec<String> = references
        .iter()
        .filter_map(Node::as_literal)
        .filter_map(|r| {
            let rest = r.strip_prefix("data.aws_iam_policy_document.")?;
            let name = rest.split(['.', '[']).next()?;
            Some(format!("{prefix}data.{POLICY_DOCUMENT}.{name}"))
        })
        .collect();
    out.dedup();
    out
}

/// Checks every policy of a plan.
#[expect(clippy::too_many_lines, reason = "one pass over the plan's sections")]
pub fn check(root: &Node<JsonLocation>, text: &str, options: &ValidateOptions) -> Report {
    let mut report = Report::default();
    let lines = Lines::new(text);

    // after_unknown of each address.
    let mut unknown: HashMap<String, &Node<JsonLocation>> = HashMap::new();
    let mut changes: Vec<&Node<JsonLocation>> = Vec::new();
    if let Some(list) = get(root, "resource_changes").and_then(Node::as_array) {
        for change in list {
            if let (Some(address), Some(after_unknown)) = (
                literal(change, "address"),
                get(change, "change").and_then(|c| get(c, "after_unknown")),
            ) {
                unknown.insert(address.to_owned(), after_unknown);
            }
            changes.push(change);
        }
    }

    // Instances: planned values, then data sources of the prior state and of the changes
    // not seen yet.
    let mut nodes = Vec::new();
    if let Some(module) = get(root, "planned_values").and_then(|p| get(p, "root_module")) {
        module_resources(module, &mut nodes);
    }
    let mut instances: Vec<Instance<'_>> = Vec::new();
    let mut seen = HashSet::new();
    // Each address once, first section first.
    let mut add = |address: &str, mode, ty, values| {
        if seen.insert(address.to_owned()) {
            instances.push(Instance {
                address: address.to_owned(),
                mode,
                ty,
                values,
                unknown: unknown.get(address).copied(),
            });
        }
    };
    for node in &nodes {
        let (Some(address), Some(ty), Some(values)) = (
            literal(node, "address"),
            literal(node, "type"),
            get(node, "values"),
        ) else {
            continue;
        };
        add(
            address,
            literal(node, "mode").unwrap_or("managed"),
            ty,
            values,
        );
    }
    let mut prior = Vec::new();
    if let Some(module) = get(root, "prior_state")
        .and_then(|p| get(p, "values"))
        .and_then(|v| get(v, "root_module"))
    {
        module_resources(module, &mut prior);
    }
    for node in &prior {
        let (Some(address), Some("data"), Some(ty), Some(values)) = (
            literal(node, "address"),
            literal(node, "mode"),
            literal(node, "type"),
            get(node, "values"),
        ) else {
            continue;
        };
        add(address, "data", ty, values);
    }
    for change in &changes {
        let after = get(change, "change").and_then(|c| get(c, "after"));
        let (Some(address), Some(ty), Some(values)) =
            (literal(change, "address"), literal(change, "type"), after)
        else {
            continue;
        };
        if values.as_object().is_some() {
            add(
                address,
                literal(change, "mode").unwrap_or("managed"),
                ty,
                values,
            );
        }
    }

    // Which attributes reference which policy documents, from the configuration.
    let mut configured = Vec::new();
    if let Some(module) = get(root, "configuration").and_then(|c| get(c, "root_module")) {
        config_resources(module, "", &mut configured);
    }
    // (resource configuration address, attribute) -> documents; document -> kind. Inline
    // policy blocks are `inline_policy.N`.
    let mut references: HashMap<(String, String), Vec<String>> = HashMap::new();
    // The attributes the configuration sets: an optional, computed attribute such as
    // `aws_sqs_queue.policy` is unknown in a plan without being a policy to check.
    let mut set: HashSet<(String, String)> = HashSet::new();
    let has_configuration = get(root, "configuration").is_some();
    let mut document_kind: HashMap<String, PolicyKind> = HashMap::new();
    for (prefix, resource) in &configured {
        let (Some(address), Some(ty), Some(expressions)) = (
            literal(resource, "address"),
            literal(resource, "type"),
            get(resource, "expressions"),
        ) else {
            continue;
        };
        let full = format!("{prefix}{address}");
        let mut note = |attribute: String, kind: PolicyKind, expression| {
            set.insert((full.clone(), attribute.clone()));
            let documents = referenced_documents(expression, prefix);
            for d in &documents {
                document_kind.entry(d.clone()).or_insert(kind);
            }
            if !documents.is_empty() {
                references
                    .entry((full.clone(), attribute))
                    .or_default()
                    .extend(documents);
            }
        };
        for (attribute, kind) in attributes(ty) {
            if let Some(expression) = get(expressions, attribute) {
                note((*attribute).to_owned(), *kind, expression);
            }
        }
        if ty == "aws_iam_role"
            && let Some(blocks) = get(expressions, "inline_policy").and_then(Node::as_array)
        {
            for (i, block) in blocks.iter().enumerate() {
                if let Some(expression) = get(block, "policy") {
                    note(
                        format!("inline_policy.{i}"),
                        PolicyKind::Identity,
                        expression,
                    );
                }
            }
        }
        if ty == "aws_organizations_policy"
            && let Some(expression) = get(expressions, "content")
        {
            note("content".to_owned(), PolicyKind::Scp, expression);
        }
    }

    let check_string = |report: &mut Report,
                        owner: String,
                        value: Option<&Node<JsonLocation>>,
                        unknown: bool,
                        at: &JsonLocation,
                        kind: PolicyKind,
                        covered: bool| {
        if covered {
            return;
        }
        match value {
            Some(
                node @ Node {
                    kind: NodeKind::String(text),
                    ..
                },
            ) if !text.has_holes() => {
                // An empty string is no policy (an optional attribute left unset).
                let text = text.display();
                if text.is_empty() {
                    return;
                }
                report.found += 1;
                match parse_embedded(&lines, node, &text, true) {
                    Ok(document) => report.check(document, kind, &owner, options),
                    Err(error) => report.invalid_json(error, &owner, options),
                }
            }
            _ if unknown => {
                report.found += 1;
                report.note(
                    NoteLevel::Warning,
                    at,
                    format!("{owner}: the policy is known only after apply; not checked"),
                );
            }
            _ => {}
        }
    };

    for instance in &instances {
        if instance.mode == "data" {
            continue;
        }
        let config = config_address(&instance.address);
        let configured = |attribute: &str| {
            !has_configuration || set.contains(&(config.clone(), attribute.to_owned()))
        };
        let is_unknown = |attribute: &str| {
            configured(attribute)
                && instance
                    .unknown
                    .and_then(|u| get(u, attribute))
                    .is_some_and(|v| matches!(v.kind, NodeKind::Bool(true)))
        };
        for (attribute, kind) in attributes(instance.ty) {
            let covered = references.contains_key(&(config.clone(), (*attribute).to_owned()));
            report.service = super::resource_policy_service(instance.ty);
            check_string(
                &mut report,
                format!("`{}` ({attribute})", instance.address),
                get(instance.values, attribute),
                is_unknown(attribute),
                &instance.values.loc,
                *kind,
                covered,
            );
            report.service = None;
        }
        if instance.ty == "aws_iam_role"
            && let Some(blocks) = get(instance.values, "inline_policy").and_then(Node::as_array)
        {
            for (i, block) in blocks.iter().enumerate() {
                let covered =
                    references.contains_key(&(config.clone(), format!("inline_policy.{i}")));
                let unknown_here = instance
                    .unknown
                    .and_then(|u| get(u, "inline_policy"))
                    .and_then(Node::as_array)
                    .and_then(|a| a.get(i))
                    .and_then(|b| get(b, "policy"))
                    .is_some_and(|v| matches!(v.kind, NodeKind::Bool(true)));
                let name = literal(block, "name").unwrap_or("");
                check_string(
                    &mut report,
                    format!("`{}` (inline_policy `{name}`)", instance.address),
                    get(block, "policy"),
                    unknown_here,
                    &block.loc,
                    PolicyKind::Identity,
                    covered,
                );
            }
        }
        if instance.ty == "aws_organizations_policy" {
            // Organizations policy types (the resource's `type`, default
            // SERVICE_CONTROL_POLICY).
            let kind = match literal(instance.values, "type").unwrap_or("SERVICE_CONTROL_POLICY") {
                "SERVICE_CONTROL_POLICY" => Some(PolicyKind::Scp),
                "RESOURCE_CONTROL_POLICY" => Some(PolicyKind::Rcp),
                _ => None,
            };
            if let Some(kind) = kind {
                let covered = references.contains_key(&(config.clone(), "content".to_owned()));
                check_string(
                    &mut report,
                    format!("`{}` (content)", instance.address),
                    get(instance.values, "content"),
                    is_unknown("content"),
                    &instance.values.loc,
                    kind,
                    covered,
                );
            }
        }
    }

    for instance in &instances {
        if instance.mode != "data" || instance.ty != POLICY_DOCUMENT {
            continue;
        }
        let mut lowering = Lowering {
            holes: 0,
            report: &mut report,
            owner: format!("`{}`", instance.address),
        };
        let document = lowering.document(instance.values, instance.unknown);
        let kind = document_kind
            .get(&config_address(&instance.address))
            .copied()
            .unwrap_or_else(|| {
                if has_principals(instance.values) {
                    PolicyKind::Resource
                } else {
                    PolicyKind::Identity
                }
            });
        let owner = format!("`{}`", instance.address);
        report.found += 1;
        report.check(document, kind, &owner, options);
    }
    report
}

fn has_principals(values: &Node<JsonLocation>) -> bool {
    get(values, "statement")
        .and_then(Node::as_array)
        .is_some_and(|statements| {
            statements.iter().any(|s| {
                ["principals", "not_principals"].iter().any(|p| {
                    get(s, p)
                        .and_then(Node::as_array)
                        .is_some_and(|a| !a.is_empty())
                })
            })
        })
}

/// Lowers an `aws_iam_policy_document`'s blocks into a policy, as the provider renders
/// them (its documentation of the data source): `version` (default `2012-10-17`),
/// `policy_id`, and per `statement` block `sid`, `effect` (default `Allow`), `actions`,
/// `not_actions`, `resources`, `not_resources`, `principals`/`not_principals`
/// (`{type, identifiers}`, grouped by type; type `*` with identifier `*` is
/// `"Principal": "*"`), `condition` (`{test, variable, values}`).
struct Lowering<'r> {
    holes: u32,
    report: &'r mut Report,
    owner: String,
}

fn object(
    members: Vec<Member<'static, JsonLocation>>,
    loc: &JsonLocation,
) -> Node<'static, JsonLocation> {
    Node::new(NodeKind::Object(members), loc.clone())
}

fn member(
    key: &str,
    value: Node<'static, JsonLocation>,
    key_loc: &JsonLocation,
) -> Member<'static, JsonLocation> {
    Member {
        key: key.to_owned().into(),
        key_loc: key_loc.clone(),
        value,
    }
}

fn is_true(node: Option<&Node<JsonLocation>>) -> bool {
    node.is_some_and(|n| matches!(n.kind, NodeKind::Bool(true)))
}

impl Lowering<'_> {
    fn hole(&mut self) -> u32 {
        self.holes += 1;
        self.holes
    }

    fn document(
        &mut self,
        values: &Node<JsonLocation>,
        unknown: Option<&Node<JsonLocation>>,
    ) -> Node<'static, JsonLocation> {
        let loc = &values.loc;
        let mut members = Vec::new();
        let version = get(values, "version")
            .filter(|v| v.as_literal().is_some_and(|s| !s.is_empty()))
            .map_or_else(
                || Node::new(NodeKind::String(Text::literal("2012-10-17")), loc.clone()),
                |v| v.clone().into_owned(),
            );
        members.push(member("Version", version, loc));
        if let Some(id) =
            get(values, "policy_id").filter(|v| v.as_literal().is_some_and(|s| !s.is_empty()))
        {
            members.push(member("Id", id.clone().into_owned(), &id.loc));
        }
        for key in ["source_policy_documents", "override_policy_documents"] {
            if get(values, key)
                .and_then(Node::as_array)
                .is_some_and(|a| !a.is_empty())
                || is_true(unknown.and_then(|u| get(u, key)))
            {
                self.report.note(
                    NoteLevel::Warning,
                    loc,
                    format!(
                        "{}: `{key}` are merged by the provider; only the statement blocks are checked here",
                        self.owner
                    ),
                );
            }
        }
        let unknown_statements = unknown.and_then(|u| get(u, "statement"));
        let statements = match get(values, "statement") {
            Some(node) if node.as_array().is_some() => {
                let items = node.as_array().unwrap_or_default();
                let lowered = items
                    .iter()
                    .enumerate()
                    .map(|(i, s)| {
                        let u = unknown_statements
                            .and_then(Node::as_array)
                            .and_then(|a| a.get(i));
                        self.statement(s, u)
                    })
                    .collect();
                Node::new(NodeKind::Array(lowered), node.loc.clone())
            }
            _ if is_true(unknown_statements) => {
                self.report.note(
                    NoteLevel::Warning,
                    loc,
                    format!(
                        "{}: the statements are known only after apply; not checked",
                        self.owner
                    ),
                );
                let id = self.hole();
                Node::new(NodeKind::Opaque(id), loc.clone())
            }
            _ => Node::new(NodeKind::Array(Vec::new()), loc.clone()),
        };
        members.push(member("Statement", statements, loc));
        object(members, loc)
    }

    fn statement(
        &mut self,
        s: &Node<JsonLocation>,
        unknown: Option<&Node<JsonLocation>>,
    ) -> Node<'static, JsonLocation> {
        let loc = &s.loc;
        let mut members = Vec::new();
        if let Some(sid) = get(s, "sid").filter(|v| v.as_literal().is_some_and(|t| !t.is_empty())) {
            members.push(member("Sid", sid.clone().into_owned(), &sid.loc));
        }
        let effect = get(s, "effect")
            .filter(|v| v.as_literal().is_some_and(|t| !t.is_empty()))
            .map_or_else(
                || Node::new(NodeKind::String(Text::literal("Allow")), loc.clone()),
                |v| v.clone().into_owned(),
            );
        let effect_loc = effect.loc.clone();
        members.push(member("Effect", effect, &effect_loc));
        for (attribute, element) in [
            ("principals", "Principal"),
            ("not_principals", "NotPrincipal"),
        ] {
            if let Some(principal) = self.principals(s, unknown, attribute) {
                members.push(member(element, principal, loc));
            }
        }
        for (attribute, element) in [
            ("actions", "Action"),
            ("not_actions", "NotAction"),
            ("resources", "Resource"),
            ("not_resources", "NotResource"),
        ] {
            if let Some(list) =
                self.strings(get(s, attribute), unknown.and_then(|u| get(u, attribute)))
            {
                members.push(member(element, list, loc));
            }
        }
        if let Some(condition) = self.conditions(s, unknown) {
            members.push(member("Condition", condition, loc));
        }
        object(members, loc)
    }

    /// A list of strings with unknown elements as holes; `None` when empty or absent.
    fn strings(
        &mut self,
        value: Option<&Node<JsonLocation>>,
        unknown: Option<&Node<JsonLocation>>,
    ) -> Option<Node<'static, JsonLocation>> {
        let value = value?;
        if is_true(unknown) {
            let id = self.hole();
            return Some(Node::new(NodeKind::Opaque(id), value.loc.clone()));
        }
        let items = value.as_array()?;
        if items.is_empty() {
            return None;
        }
        let lowered = items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                let unknown_item = unknown.and_then(Node::as_array).and_then(|a| a.get(i));
                if matches!(item.kind, NodeKind::Null) && is_true(unknown_item) {
                    let id = self.hole();
                    Node::new(
                        NodeKind::String(Text::from_segments(vec![Segment::Hole(id)])),
                        item.loc.clone(),
                    )
                } else {
                    item.clone().into_owned()
                }
            })
            .collect();
        Some(Node::new(NodeKind::Array(lowered), value.loc.clone()))
    }

    fn principals(
        &mut self,
        s: &Node<JsonLocation>,
        unknown: Option<&Node<JsonLocation>>,
        attribute: &str,
    ) -> Option<Node<'static, JsonLocation>> {
        let blocks = get(s, attribute)?.as_array()?;
        if blocks.is_empty() {
            return None;
        }
        let mut by_type: Vec<Member<'static, JsonLocation>> = Vec::new();
        for (i, block) in blocks.iter().enumerate() {
            let u = unknown
                .and_then(|u| get(u, attribute))
                .and_then(Node::as_array)
                .and_then(|a| a.get(i));
            let Some(ty) = get(block, "type") else {
                continue;
            };
            let ty_name = ty.as_literal().unwrap_or("").to_owned();
            let Some(identifiers) = self.strings(
                get(block, "identifiers"),
                u.and_then(|u| get(u, "identifiers")),
            ) else {
                continue;
            };
            if ty_name == "*"
                && identifiers.as_array().is_some_and(|a| {
                    a.len() == 1 && a.first().and_then(Node::as_literal) == Some("*")
                })
            {
                let star = identifiers.as_array().and_then(|a| a.first()).cloned()?;
                return Some(star);
            }
            match by_type.iter_mut().find(|m| m.key == ty_name) {
                Some(existing) => {
                    if let (NodeKind::Array(all), NodeKind::Array(more)) =
                        (&mut existing.value.kind, identifiers.kind)
                    {
                        all.extend(more);
                    }
                }
                None => by_type.push(member(&ty_name, identifiers, &ty.loc)),
            }
        }
        Some(object(by_type, &s.loc))
    }

    fn conditions(
        &mut self,
        s: &Node<JsonLocation>,
        unknown: Option<&Node<JsonLocation>>,
    ) -> Option<Node<'static, JsonLocation>> {
        let blocks = get(s, "condition")?.as_array()?;
        if blocks.is_empty() {
            return None;
        }
        let mut tests: Vec<Member<'static, JsonLocation>> = Vec::new();
        for (i, block) in blocks.iter().enumerate() {
            let u = unknown
                .and_then(|u| get(u, "condition"))
                .and_then(Node::as_array)
                .and_then(|a| a.get(i));
            let (Some(test), Some(variable)) = (get(block, "test"), get(block, "variable")) else {
                continue;
            };
            let values = self
                .strings(get(block, "values"), u.and_then(|u| get(u, "values")))
                .unwrap_or_else(|| Node::new(NodeKind::Array(Vec::new()), block.loc.clone()));
            let variable_name = variable.as_literal().unwrap_or("");
            let entry = member(variable_name, values, &variable.loc);
            let test_name = test.as_literal().unwrap_or("");
            match tests.iter_mut().find(|m| m.key == test_name) {
                Some(existing) => {
                    if let NodeKind::Object(entries) = &mut existing.value.kind {
                        // Blocks with the same test and variable: one key, values merged.
                        match entries.iter_mut().find(|e| e.key == variable_name) {
                            Some(same) => {
                                if let (NodeKind::Array(all), NodeKind::Array(more)) =
                                    (&mut same.value.kind, entry.value.kind)
                                {
                                    all.extend(more);
                                }
                            }
                            None => entries.push(entry),
                        }
                    }
                }
                None => tests.push(member(
                    test_name,
                    object(vec![entry], &block.loc),
                    &test.loc,
                )),
            }
        }
        Some(object(tests, &s.loc))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "a test fails by panicking")]
    use super::*;
    use iam_policy::json;

    /// Compact JSON of a lowered node; holes as `{}`, opaque values as `(?)`.
    fn render(node: &Node<'_, JsonLocation>) -> String {
        match &node.kind {
            NodeKind::Null => "null".into(),
            NodeKind::Bool(b) => b.to_string(),
            NodeKind::Number(n) => n.to_string(),
            NodeKind::String(t) => format!("{:?}", t.display()),
            NodeKind::Opaque(_) => "(?)".into(),
            NodeKind::Array(items) => {
                format!(
                    "[{}]",
                    items.iter().map(render).collect::<Vec<_>>().join(",")
                )
            }
            NodeKind::Object(members) => format!(
                "{{{}}}",
                members
                    .iter()
                    .map(|m| format!("{:?}:{}", m.key, render(&m.value)))
                    .collect::<Vec<_>>()
                    .join(",")
            ),
        }
    }

    fn lower(values: &str, unknown: &str) -> (String, usize) {
        let values = json::parse(values).unwrap();
        let unknown = json::parse(unknown).unwrap();
        let mut report = Report::default();
        let mut lowering = Lowering {
            holes: 0,
            report: &mut report,
            owner: "`d`".into(),
        };
        let node = lowering.document(&values, Some(&unknown));
        (render(&node), report.notes.len())
    }

    #[test]
    fn policy_document_blocks_render_as_the_provider_writes_them() {
        let (policy, notes) = lower(
            r#"{"version": "", "policy_id": "p1", "statement": [
                {"sid": "", "effect": "", "actions": ["s3:GetObject"], "not_actions": [],
                 "resources": [null, "arn:aws:s3:::b/*"], "not_resources": [],
                 "principals": [{"type": "AWS", "identifiers": ["arn:aws:iam::111122223333:root"]},
                                {"type": "AWS", "identifiers": ["arn:aws:iam::444455556666:root"]}],
                 "not_principals": [],
                 "condition": [{"test": "StringEquals", "variable": "aws:PrincipalTag/team", "values": ["a"]},
                               {"test": "StringEquals", "variable": "aws:PrincipalTag/team", "values": ["b"]},
                               {"test": "Bool", "variable": "aws:SecureTransport", "values": ["true"]}]},
                {"sid": "All", "effect": "Deny", "actions": [], "not_actions": ["iam:*"],
                 "resources": null, "principals": [{"type": "*", "identifiers": ["*"]}]}]}"#,
            r#"{"statement": [{"resources": [true, false]}, {"resources": true}]}"#,
        );
        assert_eq!(notes, 0);
        assert_eq!(
            policy,
            concat!(
                r#"{"Version":"2012-10-17","Id":"p1","Statement":["#,
                r#"{"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::111122223333:root","arn:aws:iam::444455556666:root"]},"#,
                r#""Action":["s3:GetObject"],"Resource":["{}","arn:aws:s3:::b/*"],"#,
                r#""Condition":{"StringEquals":{"aws:PrincipalTag/team":["a","b"]},"Bool":{"aws:SecureTransport":["true"]}}},"#,
                r#"{"Sid":"All","Effect":"Deny","Principal":"*","NotAction":["iam:*"],"Resource":(?)}]}"#,
            )
        );
    }

    #[test]
    fn unknown_statements_and_merged_documents_are_noted() {
        let (policy, notes) = lower(
            r#"{"statement": null, "source_policy_documents": ["{}"]}"#,
            r#"{"statement": true}"#,
        );
        assert_eq!(policy, r#"{"Version":"2012-10-17","Statement":(?)}"#);
        assert_eq!(notes, 2);
        let (policy, notes) = lower(r#"{"statement": []}"#, "{}");
        assert_eq!(policy, r#"{"Version":"2012-10-17","Statement":[]}"#);
        assert_eq!(notes, 0);
    }

    #[test]
    fn addresses() {
        assert_eq!(
            config_address(r#"module.a[0].aws_iam_policy.p["x]y"]"#),
            "module.a.aws_iam_policy.p"
        );
    }
}

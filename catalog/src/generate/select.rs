//! From a read template to groups of actions and resources: the ARN matching.

use std::collections::BTreeMap;

use super::template::{Named, Template};
use super::{Error, Note};
use crate::Severity;
use crate::check::structure::backticked;
use crate::model::{self, AccessLevel, Action, ResourceType, Service};
use crate::query::{self, FormatPattern, ResourcePattern, wildcard_matches};
use crate::suggest::{edit_distance, suggest};
use crate::view::{Loc, Node, NodeKind, Segment, Text};

/// Sections of the output, in output order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Section {
    /// Wildcard-only actions (`"Resource": "*"`).
    WildcardOnly,
    /// Actions on resource types.
    Typed,
    /// `skip-resource-constraints`.
    Skip,
    /// `sts`.
    Sts,
}

/// What orders and separates statements.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct GroupKey {
    pub section: Section,
    /// 0 without a condition, else the condition's id.
    pub condition: usize,
    pub prefix: &'static str,
    pub rank: u8,
    /// Resource type names, joined.
    pub types: String,
}

/// One future statement.
pub struct Group<'a> {
    pub sid: String,
    pub actions: Vec<Action>,
    pub resources: Vec<Node<'static>>,
    pub condition: Option<&'a Node<'a>>,
    pub loc: &'a Loc,
}

impl Group<'_> {
    fn add_action(&mut self, action: Action) {
        if !self.actions.contains(&action) {
            self.actions.push(action);
        }
    }

    fn add_resource(&mut self, node: Node<'static>) {
        if !self.resources.iter().any(|r| r.as_text() == node.as_text()) {
            self.resources.push(node);
        }
    }
}

/// The groups of a template, in output order, and the notes on them.
pub struct Selection<'a> {
    pub groups: BTreeMap<GroupKey, Group<'a>>,
    pub notes: Vec<Note>,
}

/// `s3` → `S3`, `kafka-cluster` → `KafkaCluster`, `log-group` → `LogGroup`,
/// `Permissions management` → `PermissionsManagement`: letters and digits only, as IAM
/// requires of a `Sid`.
pub fn pascal(text: &str) -> String {
    let mut out = String::new();
    let mut upper = true;
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            if upper {
                out.push(c.to_ascii_uppercase());
            } else {
                out.push(c);
            }
            upper = false;
        } else {
            upper = true;
        }
    }
    out
}

fn rank(level: AccessLevel) -> u8 {
    match level {
        AccessLevel::List => 0,
        AccessLevel::Read => 1,
        AccessLevel::Write => 2,
        AccessLevel::PermissionsManagement => 3,
        AccessLevel::Tagging => 4,
    }
}

struct Selector<'a> {
    groups: BTreeMap<GroupKey, Group<'a>>,
    notes: Vec<Note>,
    errors: Vec<Error>,
    exclude: &'a [Named<'a>],
    /// Which exclude patterns matched something.
    exclude_used: Vec<bool>,
}

impl<'a> Selector<'a> {
    fn error(&mut self, loc: Loc, message: impl Into<String>, help: Option<String>) {
        self.errors.push(Error {
            loc,
            message: message.into(),
            help,
        });
    }

    fn excluded(&mut self, action: Action) -> bool {
        let name = action.to_string();
        let mut hit = false;
        for (index, pattern) in self.exclude.iter().enumerate() {
            if wildcard_matches(pattern.name, &name) {
                hit = true;
                if let Some(used) = self.exclude_used.get_mut(index) {
                    *used = true;
                }
            }
        }
        hit
    }

    fn group(
        &mut self,
        key: GroupKey,
        sid: impl FnOnce() -> String,
        condition: Option<&'a Node<'a>>,
        loc: &'a Loc,
    ) -> &mut Group<'a> {
        self.groups.entry(key).or_insert_with(|| Group {
            sid: sid(),
            actions: Vec::new(),
            resources: Vec::new(),
            condition,
            loc,
        })
    }

    /// A literal action name, or an error with did-you-mean.
    fn action(&mut self, named: &Named<'a>) -> Option<Action> {
        if let Some(action) = model::action(named.name) {
            return Some(action);
        }
        let help = match named.name.split_once(':') {
            Some((prefix, name)) => match model::service(prefix) {
                Some(service) => suggest(name, service.actions().map(Action::name))
                    .map(|s| format!("did you mean `{}:{s}`?", service.prefix())),
                None => suggest(prefix, model::services().map(Service::prefix))
                    .map(|s| format!("did you mean the service `{s}`?")),
            },
            None => Some("write an action as `prefix:Name`, e.g. `s3:GetObject`".to_owned()),
        };
        self.error(
            named.node.loc,
            format!("unknown action `{}`", named.name),
            help,
        );
        None
    }

    fn wildcard_group(&mut self, loc: &'a Loc) -> &mut Group<'a> {
        let key = GroupKey {
            section: Section::WildcardOnly,
            condition: 0,
            prefix: "",
            rank: 0,
            types: String::new(),
        };
        let group = self.group(key, || "WildcardOnly".to_owned(), None, loc);
        group.add_resource(Node::new(NodeKind::String(Text::literal("*")), *loc));
        group
    }
}

/// Every resource type whose ARN format `pattern` fits; `only` restricts to a service.
pub fn fitting_types(pattern: &ResourcePattern, only: Option<Service>) -> Vec<ResourceType> {
    let service_field = pattern.service.literal();
    let services: Vec<Service> = match only {
        Some(service) => vec![service],
        None => model::services().collect(),
    };
    let mut out = Vec::new();
    for service in services {
        for rt in service.resource_types() {
            // A quick test on the format's service field before the full fit.
            let cheap = service_field.as_deref().is_none_or(|field| {
                rt.arn_formats().any(|f| {
                    crate::arn::fields(f)
                        .get(2)
                        .is_some_and(|s| *s == field || s.contains("${") || s.contains('*'))
                })
            });
            if cheap && query::fits(pattern, rt) {
                out.push(rt);
            }
        }
    }
    out
}

/// The fitting types of the service the ARN names, when it names one whose types fit;
/// else all. Other services' actions that take the resource (`ssm:SendCommand`'s output
/// bucket, AWS Backup's recovery points of an RDS database, `kinesis:StartStreamEncryption`
/// on a KMS key) are not what "read this bucket" means; a `grants` entry that names the
/// service asks for them.
fn own_service_first(types: Vec<ResourceType>, pattern: &ResourcePattern) -> Vec<ResourceType> {
    let Some(field) = pattern.service.literal() else {
        return types;
    };
    let own: Vec<ResourceType> = types
        .iter()
        .copied()
        .filter(|rt| rt.service().prefix().eq_ignore_ascii_case(&field))
        .collect();
    if own.is_empty() { types } else { own }
}

/// The ARN formats closest to `arn` (at most three), for the help of an ARN that fits
/// nothing: among the formats of `only`, else of the services whose formats have the
/// ARN's service field, else of all.
fn closest_formats(
    arn: &str,
    service_field: Option<&str>,
    only: Option<Service>,
) -> Vec<&'static str> {
    // The formats of `service` whose service field is `field` (all of them for `None`).
    let push = |service: Service, field: Option<&str>, out: &mut Vec<&'static str>| {
        for rt in service.resource_types() {
            for format in rt.arn_formats() {
                if field.is_none_or(|field| crate::arn::fields(format).get(2) == Some(&field)) {
                    out.push(format);
                }
            }
        }
    };
    let mut candidates: Vec<&'static str> = Vec::new();
    match (only, service_field) {
        (Some(service), _) => push(service, None, &mut candidates),
        (None, Some(field)) => {
            for service in model::services() {
                push(service, Some(field), &mut candidates);
            }
        }
        (None, None) => {}
    }
    if candidates.is_empty() {
        for service in model::services() {
            push(service, None, &mut candidates);
        }
    }
    // The three closest, by distance then format, each format once: kept in order as
    // the candidates are scored, without sorting them all.
    let mut closest: Vec<(usize, &'static str)> = Vec::with_capacity(4);
    for format in candidates {
        let scored = (
            edit_distance(arn, &format.replace("${Partition}", "aws"), 256),
            format,
        );
        if closest.contains(&scored) {
            continue;
        }
        let at = closest.partition_point(|c| *c < scored);
        if at < 3 {
            closest.insert(at, scored);
            closest.truncate(3);
        }
    }
    closest.iter().map(|&(_, format)| format).collect()
}

/// The groups a template asks for.
#[expect(
    clippy::too_many_lines,
    reason = "one pass per template section, in output order"
)]
///
/// `read_errors`: the template had errors already, so "grants nothing" would only repeat
/// them.
pub fn select<'a>(
    template: &'a Template<'a>,
    read_errors: bool,
) -> Result<Selection<'a>, Vec<Error>> {
    let mut s = Selector {
        groups: BTreeMap::new(),
        notes: Vec::new(),
        errors: Vec::new(),
        exclude: &template.exclude,
        exclude_used: vec![false; template.exclude.len()],
    };
    for entry in &template.levels {
        select_level(&mut s, entry);
    }
    for entry in &template.named {
        select_named(&mut s, entry);
    }
    for named in &template.single_actions {
        let Some(action) = s.action(named) else {
            continue;
        };
        if !action.is_wildcard_only() {
            let types: Vec<String> = action
                .resource_types()
                .map(|ar| format!("`{}`", ar.resource_type().name()))
                .collect();
            s.error(
                named.node.loc,
                format!(
                    "`{action}` takes resource types ({}), so it is not wildcard-only",
                    types.join(", ")
                ),
                Some(format!(
                    "list its ARN under `{}`, or the action under `skip-resource-constraints` to grant it on `*`",
                    level_key(action.access_level())
                )),
            );
            continue;
        }
        if !s.excluded(action) {
            s.wildcard_group(&named.node.loc).add_action(action);
        }
    }
    for (service, level, node) in &template.service_levels {
        let actions =
            service.actions_where(&mut |a| a.is_wildcard_only() && a.access_level() == *level);
        if actions.is_empty() {
            s.notes.push(Note {
                loc: node.loc,
                severity: Some(Severity::Warning),
                message: format!(
                    "`{service}` has no wildcard-only {} actions: this entry grants nothing",
                    level.as_str().to_ascii_lowercase()
                ),
            });
        }
        for action in actions {
            if !s.excluded(action) {
                s.wildcard_group(&node.loc).add_action(action);
            }
        }
    }
    for named in &template.skip {
        let Some(action) = s.action(named) else {
            continue;
        };
        if s.excluded(action) {
            continue;
        }
        let key = GroupKey {
            section: Section::Skip,
            condition: 0,
            prefix: "",
            rank: 0,
            types: String::new(),
        };
        let loc = &named.node.loc;
        let group = s.group(key, || "SkipResourceConstraints".to_owned(), None, loc);
        group.add_action(action);
        group.add_resource(Node::new(NodeKind::String(Text::literal("*")), *loc));
    }
    for (name, arn) in &template.sts {
        select_sts(&mut s, name, arn);
    }
    for named in &template.actions {
        select_action(&mut s, named);
    }
    for (index, used) in s.exclude_used.clone().into_iter().enumerate() {
        if let Some(pattern) = template.exclude.get(index)
            && !used
            && query::expand(pattern.name).is_empty()
        {
            let help = pattern.name.split_once(':').and_then(|(prefix, name)| {
                let service = model::service(prefix)?;
                suggest(name, service.actions().map(Action::name))
                    .map(|n| format!("did you mean `{}:{n}`?", service.prefix()))
            });
            s.error(
                pattern.node.loc,
                format!("`{}` matches no action", pattern.name),
                help,
            );
        }
    }
    let nothing = s.groups.values().all(|g| g.actions.is_empty());
    if !read_errors
        && s.errors.is_empty()
        && nothing
        && s.notes.iter().any(|n| n.severity.is_some())
    {
        // Every entry said why it grants nothing: those are the errors.
        let notes = std::mem::take(&mut s.notes);
        for note in notes.into_iter().filter(|n| n.severity.is_some()) {
            s.error(note.loc, note.message, None);
        }
    } else if !read_errors && s.errors.is_empty() && nothing {
        s.error(
            *template.root,
            "the template grants nothing",
            Some("list ARNs under an access level (`read`, `write`, `list`, `tagging`, `permissions-management`), wildcard-only actions, or `actions`".to_owned()),
        );
    }
    if s.errors.is_empty() {
        s.groups.retain(|_, g| !g.actions.is_empty());
        Ok(Selection {
            groups: s.groups,
            notes: s.notes,
        })
    } else {
        Err(s.errors)
    }
}

fn level_key(level: AccessLevel) -> &'static str {
    super::LEVELS
        .iter()
        .find(|(_, l)| *l == level)
        .map_or("write", |(k, _)| *k)
}

/// One ARN at one access level.
fn select_level<'a>(s: &mut Selector<'a>, entry: &'a super::template::LevelEntry<'a>) {
    let Some(text) = entry.arn.as_text() else {
        return;
    };
    let loc = &entry.arn.loc;
    if text.as_literal() == Some("*") {
        s.error(
            *loc,
            "`*` is not an ARN: an access level grants actions on the resources it names",
            Some("list actions that take only `*` under `wildcard-only` (`single-actions`, `service-read`, ...), or actions to grant on `*` under `skip-resource-constraints`".to_owned()),
        );
        return;
    }
    let Ok(pattern) = ResourcePattern::parse(&as_one_name(text)) else {
        s.error(
            *loc,
            format!("`{}` is not an ARN", text.display()),
            Some(
                "an ARN has six fields: `arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE`".to_owned(),
            ),
        );
        return;
    };
    let types = own_service_first(fitting_types(&pattern, entry.service), &pattern);
    if types.is_empty() {
        let closest = closest_formats(
            &text.display(),
            pattern.service.literal().as_deref(),
            entry.service,
        );
        let scope = entry
            .service
            .map_or_else(|| "any service".to_owned(), |s| format!("`{s}`"));
        s.error(
            *loc,
            format!("`{}` fits no resource type of {scope}", text.display()),
            Some(format!(
                "the closest ARN formats: {}",
                backticked(&closest, ", ")
            )),
        );
        return;
    }
    let condition_id = entry.condition.map_or(0, |(id, _)| id);
    let condition = entry.condition.map(|(_, node)| node);
    let mut granted = false;
    for rt in &types {
        let service = rt.service();
        let actions = service.actions_where(&mut |a| {
            a.access_level() == entry.level
                && a.resource_types().any(|ar| ar.resource_type() == *rt)
        });
        for action in actions {
            if s.excluded(action) {
                continue;
            }
            granted = true;
            let key = GroupKey {
                section: Section::Typed,
                condition: condition_id,
                prefix: service.prefix(),
                rank: rank(entry.level),
                types: rt.name().to_owned(),
            };
            let sid = || typed_sid(service, entry.level, *rt, condition_id);
            let group = s.group(key, sid, condition, loc);
            group.add_action(action);
            group.add_resource(entry.arn.clone().into_owned());
        }
    }
    if !granted {
        let names: Vec<String> = types
            .iter()
            .map(|rt| format!("`{}:{}`", rt.service(), rt.name()))
            .collect();
        s.notes.push(Note {
            loc: *loc,
            severity: Some(Severity::Warning),
            message: format!(
                "`{}` is {}, and no {} action takes it (or all were excluded): this entry grants nothing",
                text.display(),
                names.join(" or "),
                entry.level.as_str().to_ascii_lowercase()
            ),
        });
    }
}

/// The ARN formats of the resource types `action` takes, each in backticks, joined by
/// `, `; empty for an action that takes only `*`.
fn quoted_formats(action: Action) -> String {
    let mut formats = Vec::new();
    for ar in action.resource_types() {
        formats.extend(ar.resource_type().arn_formats());
    }
    backticked(&formats, ", ")
}

/// One action on one ARN (`grants` with `actions`): the ARN must fit a resource type the
/// action takes; the action joins the statement of its service, level and that type.
fn select_named<'a>(s: &mut Selector<'a>, entry: &'a super::template::NamedEntry<'a>) {
    let Some(action) = s.action(&entry.action) else {
        return;
    };
    let Some(text) = entry.arn.as_text() else {
        return;
    };
    let pattern = ResourcePattern::parse(&as_one_name(text)).ok();
    let fitting = pattern.as_ref().and_then(|pattern| {
        action
            .resource_types()
            .map(model::ActionResource::resource_type)
            .find(|rt| query::fits(pattern, *rt))
    });
    let Some(rt) = fitting else {
        let formats = quoted_formats(action);
        let help = if formats.is_empty() {
            "it takes only `*`: list it under `wildcard-only`".to_owned()
        } else {
            format!("it takes {formats}")
        };
        s.error(
            entry.arn.loc,
            format!("`{}` is not a resource `{action}` takes", text.display()),
            Some(help),
        );
        return;
    };
    if s.excluded(action) {
        return;
    }
    let level = action.access_level();
    let condition_id = entry.condition.map_or(0, |(id, _)| id);
    let service = action.service();
    let key = GroupKey {
        section: Section::Typed,
        condition: condition_id,
        prefix: service.prefix(),
        rank: rank(level),
        types: rt.name().to_owned(),
    };
    let sid = || typed_sid(service, level, rt, condition_id);
    let group = s.group(key, sid, entry.condition.map(|(_, n)| n), &entry.arn.loc);
    group.add_action(action);
    group.add_resource(entry.arn.clone().into_owned());
}

/// `{Service}{Level}{ResourceType}`, then `Condition{n}` for a conditioned entry.
fn typed_sid(
    service: Service,
    level: AccessLevel,
    rt: ResourceType,
    condition_id: usize,
) -> String {
    let mut sid = format!(
        "{}{}{}",
        pascal(service.prefix()),
        pascal(level.as_str()),
        pascal(rt.name())
    );
    if condition_id > 0 {
        sid = format!("{sid}Condition{condition_id}");
    }
    sid
}

fn select_sts<'a>(s: &mut Selector<'a>, name: &'static str, arn: &'a Node<'a>) {
    let Some(action) = model::action(name) else {
        s.error(arn.loc, format!("the catalog has no `{name}`"), None);
        return;
    };
    let Some(text) = arn.as_text() else {
        return;
    };
    let fits = ResourcePattern::parse(&as_one_name(text)).is_ok_and(|pattern| {
        action
            .resource_types()
            .any(|ar| query::fits(&pattern, ar.resource_type()))
    });
    if !fits {
        s.error(
            arn.loc,
            format!("`{}` is not a resource `{action}` takes", text.display()),
            Some(format!("it takes {}", quoted_formats(action))),
        );
        return;
    }
    if s.excluded(action) {
        return;
    }
    let key = GroupKey {
        section: Section::Sts,
        condition: 0,
        prefix: "sts",
        rank: 0,
        types: action.name().to_owned(),
    };
    let sid = || {
        super::STS_KEYS
            .iter()
            .find(|(_, a)| *a == name)
            .map_or_else(|| pascal(action.name()), |(key, _)| pascal(key))
    };
    let group = s.group(key, sid, None, &arn.loc);
    group.add_action(action);
    group.add_resource(arn.clone().into_owned());
}

/// The text with each inserted value as one name: a run of characters without `/` or
/// `:`, which is what `{bucket}`, `{queue}` or `{account}` stand for. So the fixed parts
/// select the resource types (`arn:aws:s3:::{bucket}` is a bucket, not an object whose
/// key the value might hold); a path's `/` is written in the template
/// (`arn:aws:s3:::{bucket}/{prefix}/*`). The output keeps the holes; the value is
/// written with IAM's escapes when the policy is rendered, so it matches only itself.
fn as_one_name(text: &Text) -> Text<'static> {
    let mut literal = String::new();
    for segment in text.segments() {
        match segment {
            Segment::Literal(s) => literal.push_str(s),
            Segment::Hole(_) => literal.push('x'),
        }
    }
    Text::literal(literal)
}

/// An ARN format with `${Partition}` as `aws` and every other placeholder as `*`: the
/// resources of `mode: actions`.
pub fn wildcard_format(format: &str) -> Option<String> {
    FormatPattern::parse(format)?;
    let mut out = String::new();
    let mut rest = format;
    while let Some(start) = rest.find("${") {
        out.push_str(rest.get(..start).unwrap_or_default());
        let after = rest.get(start + 2..).unwrap_or_default();
        let Some(end) = after.find('}') else {
            break;
        };
        let name = after.get(..end).unwrap_or_default();
        out.push_str(if name == "Partition" { "aws" } else { "*" });
        rest = after.get(end + 1..).unwrap_or_default();
    }
    out.push_str(rest);
    Some(out)
}

/// One action of `mode: actions`: grouped by service × level × its resource types, on
/// their formats with placeholders as `*`; wildcard-only actions on `*`.
fn select_action<'a>(s: &mut Selector<'a>, named: &'a Named<'a>) {
    let Some(action) = s.action(named) else {
        return;
    };
    if s.excluded(action) {
        return;
    }
    let loc = &named.node.loc;
    if action.is_wildcard_only() {
        s.wildcard_group(loc).add_action(action);
        return;
    }
    let types: Vec<ResourceType> = action
        .resource_types()
        .map(model::ActionResource::resource_type)
        .collect();
    let type_names: Vec<&str> = types.iter().map(|rt| rt.name()).collect();
    let level = action.access_level();
    let key = GroupKey {
        section: Section::Typed,
        condition: 0,
        prefix: action.service().prefix(),
        rank: rank(level),
        types: type_names.join(","),
    };
    let sid = || {
        let mut sid = format!(
            "{}{}",
            pascal(action.service().prefix()),
            pascal(level.as_str())
        );
        for name in &type_names {
            sid.push_str(&pascal(name));
        }
        sid
    };
    let group = s.group(key, sid, None, loc);
    group.add_action(action);
    for rt in types {
        for format in rt.arn_formats() {
            if let Some(arn) = wildcard_format(format) {
                group.add_resource(Node::new(NodeKind::String(Text::literal(arn)), *loc));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The three closest formats by distance then format, each once: what sorting every
    /// scored candidate and taking the first three distinct ones gives.
    #[test]
    fn the_closest_formats_are_the_first_three_of_all_candidates_sorted() {
        let s3 = model::service("s3");
        for (arn, field, only) in [
            ("arn:aws:s3:us-east-1::b", Some("s3"), None),
            ("arn:aws:s3:::b/k", Some("s3"), s3),
            ("arn:aws:ec2:us-east-1:1:instanc/i-1", Some("ec2"), None),
            ("arn:aws:nosuch:us-east-1:1:thing/x", Some("nosuch"), None),
            ("arn:aws:sqs:us-east-1:1:q", None, None),
        ] {
            let mut all: Vec<&'static str> = Vec::new();
            for service in model::services() {
                if only.is_some_and(|o| o != service) {
                    continue;
                }
                for rt in service.resource_types() {
                    all.extend(rt.arn_formats());
                }
            }
            let in_field: Vec<&'static str> = all
                .iter()
                .copied()
                .filter(|f| only.is_some() || crate::arn::fields(f).get(2) == field.as_ref())
                .collect();
            let candidates = if field.is_none() && only.is_none() || in_field.is_empty() {
                all
            } else {
                in_field
            };
            let mut scored: Vec<(usize, &str)> = candidates
                .iter()
                .map(|f| {
                    (
                        edit_distance(arn, &f.replace("${Partition}", "aws"), 256),
                        *f,
                    )
                })
                .collect();
            scored.sort_unstable();
            scored.dedup();
            let expected: Vec<&str> = scored.iter().take(3).map(|(_, f)| *f).collect();
            let found = closest_formats(arn, field, only);
            assert_eq!(found, expected, "{arn}");
            assert_eq!(found.len(), 3, "{arn}");
        }
    }
}

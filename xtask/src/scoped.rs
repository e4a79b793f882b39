//! Evidence for `wildcard-resource-scoped`: which actions without resource types AWS's own
//! policies grant on ARNs.
//!
//! The Service Authorization Reference lists no resource type for some actions that AWS's
//! own policies grant on ARNs (`sagemaker:ListEndpoints` on `endpoint/*`,
//! `ssmmessages:OpenDataChannel` on `session/...`). Where no AWS page says which ARN IAM
//! authorizes such an action on, the engine warns instead of failing, and cites the
//! AWS-authored policies. This module derives that evidence mechanically from the
//! AWS-authored policies of the shared corpus:
//! - the AWS managed policies (`corpus/aws-managed-policies/`, and the newer
//!   `corpus/aws-managed-policies-2026-08-additions/`);
//! - the policies published in AWS's own GitHub repositories ([`AWS_OWNERS`]): the examples
//!   of the IAM User Guide and the AWS Organizations User Guide (`awsdocs`), AWS's SCP, RCP
//!   and data perimeter examples (`aws-samples`) that their source presents as working
//!   (`"expect": "valid"` in `corpus/published-examples/`), and the policies AWS's projects
//!   ship (the AWS SAM policy templates, the CDK bootstrap template, Karpenter, ... in
//!   `corpus/open-source-policies/`). Peers' test suites and third-party projects are not
//!   AWS-authored and are not read.
//!
//! A policy scopes an action when a statement (`Allow` or `Deny`) names the action (no wildcard, any
//! case) in `Action` and has a `Resource` none of whose strings is `*`. Recorded per action:
//! how many such policies, up to [`CITED`] of them by name (managed policies first, by
//! name), and the service fields of the ARNs they use. Only policy names, page names,
//! action names and service prefixes are written: no policy text is copied.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

use serde_json::Value;

use crate::Result;
use crate::model::{Catalog, Service};

/// The generated file, relative to the workspace root.
pub const PATH: &str = "catalog/src/data/scoped.rs";

/// How many policies each action cites by name.
const CITED: usize = 3;

/// The evidence for one action.
#[derive(Default)]
pub struct Scoped {
    /// How each scoping policy is cited, sorted (managed policies sort first).
    sources: BTreeSet<String>,
    /// The service fields of the ARNs these statements use (`*` included).
    services: BTreeSet<String>,
}

/// A policy of the corpus and how it is cited.
struct Document {
    /// `0 ` for managed policies, `1 ` for documentation pages, `2 ` for other AWS
    /// repositories: the sort order.
    cite: String,
    policy: Value,
}

/// Derives the evidence from the corpus under `shared` for the wildcard-only actions of
/// `catalog`: lowercase `prefix:action` to its canonical name and evidence.
pub fn derive(shared: &Path, catalog: &Catalog) -> Result<BTreeMap<String, (String, Scoped)>> {
    let corpus = shared.join("corpus");
    let mut documents = Vec::new();
    for folder in [
        "aws-managed-policies",
        "aws-managed-policies-2026-08-additions",
    ] {
        for (name, text) in read_folder(&corpus.join(folder))? {
            let policy: Value =
                serde_json::from_str(&text).map_err(|e| format!("{folder}/{name}: {e}"))?;
            let stem = name.trim_end_matches(".json");
            documents.push(Document {
                cite: format!("0 AWS managed policy `{stem}`"),
                policy,
            });
        }
    }
    for folder in read_dirs(&corpus.join("published-examples"))? {
        let dir = corpus.join("published-examples").join(&folder);
        for (name, text) in read_folder(&dir)? {
            let record: Value =
                serde_json::from_str(&text).map_err(|e| format!("{folder}/{name}: {e}"))?;
            if record.get("expect").and_then(Value::as_str) != Some("valid") {
                continue;
            }
            let source = record
                .get("source")
                .and_then(Value::as_str)
                .unwrap_or_default();
            // `owner/repo@commit path:line`
            let (repo, rest) = source.split_once('@').unwrap_or((source, ""));
            let path = rest.split_once(' ').map_or("", |(_, p)| p);
            let path = path.rsplit_once(':').map_or(path, |(p, _)| p);
            if let Some(cite) = cite_repository(repo, path) {
                push_policy(&mut documents, &record, cite, &format!("{folder}/{name}"))?;
            }
        }
    }
    for (name, text) in read_folder(&corpus.join("open-source-policies"))? {
        let record: Value =
            serde_json::from_str(&text).map_err(|e| format!("open-source-policies/{name}: {e}"))?;
        let source = record.get("source");
        let field = |key: &str| {
            source
                .and_then(|s| s.get(key))
                .and_then(Value::as_str)
                .unwrap_or_default()
        };
        if let Some(cite) = cite_repository(field("repo"), field("path")) {
            push_policy(
                &mut documents,
                &record,
                cite,
                &format!("open-source-policies/{name}"),
            )?;
        }
    }

    let wildcard_only = wildcard_only_actions(catalog);
    let mut out: BTreeMap<String, (String, Scoped)> = BTreeMap::new();
    for document in &documents {
        for statement in statements(&document.policy) {
            let Some((actions, services)) = scoping(statement) else {
                continue;
            };
            for action in actions {
                let key = action.to_ascii_lowercase();
                let Some(canonical) = wildcard_only.get(&key) else {
                    continue;
                };
                let entry = out
                    .entry(key)
                    .or_insert_with(|| (canonical.clone(), Scoped::default()));
                entry.1.sources.insert(document.cite.clone());
                entry.1.services.extend(services.iter().cloned());
            }
        }
    }
    Ok(out)
}

/// The GitHub owners whose repositories AWS publishes (documentation, samples, tools).
/// Policies from elsewhere (peers' test suites, third-party projects) are not AWS-authored.
const AWS_OWNERS: &[&str] = &["aws", "awsdocs", "aws-samples", "awslabs", "aws-actions"];

/// How a policy from an AWS repository is cited: the user guide page for AWS's
/// documentation repositories, else the repository and file. `None` when the repository is
/// not AWS's.
fn cite_repository(repo: &str, path: &str) -> Option<String> {
    let (owner, name) = repo.split_once('/')?;
    if !AWS_OWNERS.contains(&owner) {
        return None;
    }
    let page = path
        .strip_prefix("doc_source/")
        .and_then(|p| p.strip_suffix(".md"));
    let guide = match name {
        "iam-user-guide" => Some((
            "IAM User Guide",
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/",
        )),
        "aws-organizations-docs" => Some((
            "AWS Organizations User Guide",
            "https://docs.aws.amazon.com/organizations/latest/userguide/",
        )),
        _ => None,
    };
    Some(match (guide, page) {
        (Some((title, base)), Some(page)) => format!("1 {title}, {base}{page}.html"),
        _ => format!("2 AWS repository github.com/{repo}, {path}"),
    })
}

/// Adds the policy of a corpus record (its `policy_text`), cited as `cite`. A text that is
/// not JSON (the source shows it as written) scopes nothing.
fn push_policy(
    documents: &mut Vec<Document>,
    record: &Value,
    cite: String,
    file: &str,
) -> Result<()> {
    let Some(text) = record.get("policy_text").and_then(Value::as_str) else {
        return Err(format!("{file}: no `policy_text`"));
    };
    if let Ok(policy) = serde_json::from_str::<Value>(text) {
        documents.push(Document { cite, policy });
    }
    Ok(())
}

/// The sub-folders of a folder, by name.
fn read_dirs(dir: &Path) -> Result<Vec<String>> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut out = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| format!("{}: {e}", dir.display()))?;
        if entry.path().is_dir() {
            out.push(entry.file_name().to_string_lossy().into_owned());
        }
    }
    out.sort();
    Ok(out)
}

/// The `.json` files of a folder, by name.
fn read_folder(dir: &Path) -> Result<Vec<(String, String)>> {
    let entries = std::fs::read_dir(dir).map_err(|e| {
        format!(
            "{}: {e} (the AWS-authored policies that scope wildcard-only actions are read from the shared corpus; set IAM_POLICY_SHARED to the folder holding corpus/)",
            dir.display()
        )
    })?;
    let mut files = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| format!("{}: {e}", dir.display()))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if !Path::new(&name)
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json"))
        {
            continue;
        }
        let text = std::fs::read_to_string(entry.path())
            .map_err(|e| format!("{}: {e}", entry.path().display()))?;
        files.push((name, text));
    }
    files.sort();
    Ok(files)
}

/// Lowercase `prefix:action` to `prefix:Action` for every action that takes no resource
/// type the service defines (what the packed tables make wildcard-only).
fn wildcard_only_actions(catalog: &Catalog) -> BTreeMap<String, String> {
    let defines =
        |service: &Service, name: &str| service.resource_types.iter().any(|rt| rt.name == name);
    let mut out = BTreeMap::new();
    for service in &catalog.services {
        for action in &service.actions {
            if action
                .resource_types
                .iter()
                .all(|ar| !defines(service, &ar.name))
            {
                let name = format!("{}:{}", service.prefix, action.name);
                out.insert(name.to_ascii_lowercase(), name);
            }
        }
    }
    out
}

/// The statements of a policy (an object or an array of them).
fn statements(policy: &Value) -> Vec<&Value> {
    match policy.get("Statement") {
        Some(Value::Array(items)) => items.iter().collect(),
        Some(statement @ Value::Object(_)) => vec![statement],
        _ => Vec::new(),
    }
}

/// A string or an array of strings; `None` for anything else.
fn strings(value: &Value) -> Option<Vec<&str>> {
    match value {
        Value::String(s) => Some(vec![s.as_str()]),
        Value::Array(items) => items.iter().map(Value::as_str).collect(),
        _ => None,
    }
}

/// For a statement (`Allow` or `Deny`: either way AWS's author expects IAM to match the
/// action against the ARNs) whose `Resource` has no `*`: its named actions (no wildcard)
/// and the service fields of its resources.
fn scoping(statement: &Value) -> Option<(Vec<&str>, BTreeSet<String>)> {
    if !matches!(
        statement.get("Effect").and_then(Value::as_str),
        Some("Allow" | "Deny")
    ) {
        return None;
    }
    let actions = strings(statement.get("Action")?)?;
    let resources = strings(statement.get("Resource")?)?;
    if resources.is_empty() || resources.contains(&"*") {
        return None;
    }
    let services = resources
        .iter()
        .filter_map(|r| r.split(':').nth(2))
        .map(str::to_owned)
        .collect();
    let named = actions
        .into_iter()
        .filter(|a| !a.contains(['*', '?']))
        .collect();
    Some((named, services))
}

/// Renders the packed table the crate compiles.
pub fn render(scoped: &BTreeMap<String, (String, Scoped)>) -> crate::write::File {
    let mut out = String::from(crate::write::HEADER);
    out.push_str(
        "//! Actions without resource types that AWS-authored policies grant on ARNs; derived from\n\
         //! the AWS managed policies and the IAM and Organizations user guides' examples (see\n\
         //! `xtask/src/scoped.rs`). Read by `crate::wildcard`.\n\n",
    );
    out.push_str(
        "/// Lowercase `prefix:action`, canonical name, number of AWS-authored policies that grant it on\n\
         /// ARNs, up to three of them (managed policies first), the service fields of their ARNs.\n",
    );
    out.push_str("pub(crate) static SCOPED: &[(&str, &str, u32, &[&str], &[&str])] = &[\n");
    for (key, (canonical, evidence)) in scoped {
        let cited: Vec<String> = evidence
            .sources
            .iter()
            .take(CITED)
            .map(|s| format!("{:?}", s.get(2..).unwrap_or_default()))
            .collect();
        let services: Vec<String> = evidence.services.iter().map(|s| format!("{s:?}")).collect();
        let _ = writeln!(
            out,
            "    ({key:?}, {canonical:?}, {}, &[{}], &[{}]),",
            evidence.sources.len(),
            cited.join(", "),
            services.join(", "),
        );
    }
    out.push_str("];\n");
    (PATH.to_owned(), out.into_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_statement_scopes_its_named_actions_when_no_resource_is_star() {
        let statement = serde_json::json!({
            "Effect": "Deny",
            "Action": ["tag:TagResources", "glue:*", "logs:Describe?"],
            "Resource": ["arn:aws:glue:*:*:session/*", "arn:aws:s3:::b"]
        });
        let (actions, services) = scoping(&statement).unwrap();
        assert_eq!(actions, ["tag:TagResources"]);
        assert_eq!(services.into_iter().collect::<Vec<_>>(), ["glue", "s3"]);
        for statement in [
            serde_json::json!({"Effect": "Allow", "Action": "a:B", "Resource": ["arn:aws:a:::x", "*"]}),
            serde_json::json!({"Effect": "Allow", "NotAction": "a:B", "Resource": "arn:aws:a:::x"}),
            serde_json::json!({"Effect": "Allow", "Action": "a:B", "NotResource": "arn:aws:a:::x"}),
            serde_json::json!({"Effect": "Maybe", "Action": "a:B", "Resource": "arn:aws:a:::x"}),
            serde_json::json!({"Effect": "Allow", "Action": "a:B", "Resource": []}),
        ] {
            assert!(scoping(&statement).is_none(), "{statement}");
        }
    }

    #[test]
    fn only_aws_repositories_are_cited() {
        assert_eq!(
            cite_repository("awsdocs/iam-user-guide", "doc_source/id_roles.md").as_deref(),
            Some(
                "1 IAM User Guide, https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles.html"
            )
        );
        assert_eq!(
            cite_repository("aws/serverless-application-model", "policy_templates.json").as_deref(),
            Some(
                "2 AWS repository github.com/aws/serverless-application-model, policy_templates.json"
            )
        );
        assert_eq!(cite_repository("duo-labs/parliament", "tests/x.py"), None);
        assert_eq!(
            cite_repository("kubernetes-sigs/aws-ebs-csi-driver", "docs/p.json"),
            None
        );
        assert_eq!(cite_repository("no-owner", "x"), None);
    }
}

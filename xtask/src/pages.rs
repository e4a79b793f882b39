//! Service Authorization Reference pages that share a service prefix.
//!
//! The reference has one page per service, but several services share one prefix:
//! `elasticloadbalancing` (Classic and V2), `aws-marketplace` (eleven pages), `ses`,
//! `lex`, `greengrass`, `apigateway`, ... IAM authorizes an action of such a prefix
//! against whatever every page says of it: `elasticloadbalancing:AddTags` tags a Classic
//! load balancer and a V2 target group alike. The first source keeps one entry per prefix
//! and, where two pages list the same action, the later page replaces the earlier one
//! (its `AddTags` takes only the Classic `loadbalancer`).
//!
//! `PyPI` `ol-parliament` (BSD-3-Clause) keeps every page as its own entry. For each prefix
//! with several pages there, each action of the first source takes the union of what its
//! pages list: resource types (with their required flag and condition keys), action
//! condition keys and dependent actions. A resource type named alike on several pages
//! keeps every ARN format; the service's condition keys are the union of its pages' keys.
//! Actions are never added: the first source is the newer one, and an action it lacks
//! has left the reference.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::import::{fix_key, fix_keys, split_arn_formats, str_of, strings};
use crate::model::{ActionResource, ConditionKey, ResourceType, Service};

/// One page of the reference, as the page source writes it.
#[derive(Debug, Clone, Default)]
pub struct Page {
    pub actions: Vec<PageAction>,
    /// Resource type name → ARN formats and condition keys.
    pub resource_types: Vec<ResourceType>,
    /// Condition key name → type.
    pub condition_keys: Vec<ConditionKey>,
}

#[derive(Debug, Clone, Default)]
pub struct PageAction {
    pub name: String,
    pub resource_types: Vec<ActionResource>,
    pub condition_keys: Vec<String>,
    pub dependent_actions: Vec<String>,
}

/// The pages of every prefix, in the page source's order.
pub fn read_pages(definition: &Value) -> BTreeMap<String, Vec<Page>> {
    let mut pages: BTreeMap<String, Vec<Page>> = BTreeMap::new();
    for entry in definition.as_array().into_iter().flatten() {
        let prefix = str_of(entry, "prefix");
        if prefix.is_empty() {
            continue;
        }
        pages
            .entry(prefix.to_owned())
            .or_default()
            .push(read_page(entry));
    }
    pages
}

fn read_page(entry: &Value) -> Page {
    let list = |key: &str| {
        entry
            .get(key)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
    };
    let actions = list("privileges")
        .map(|privilege| {
            let mut action = PageAction {
                name: str_of(privilege, "privilege").to_owned(),
                ..PageAction::default()
            };
            for rt in privilege
                .get("resource_types")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                let name = str_of(rt, "resource_type");
                action
                    .dependent_actions
                    .extend(strings(rt.get("dependent_actions")));
                let keys = strings(rt.get("condition_keys"));
                if name.is_empty() {
                    action.condition_keys.extend(keys);
                } else {
                    // The page marks a required resource type with a trailing `*`.
                    let (name, required) = match name.strip_suffix('*') {
                        Some(name) => (name, true),
                        None => (name, false),
                    };
                    action.resource_types.push(ActionResource {
                        name: name.to_owned(),
                        required,
                        condition_keys: fix_keys(&keys),
                    });
                }
            }
            action.condition_keys = fix_keys(&action.condition_keys);
            action.dependent_actions.sort();
            action.dependent_actions.dedup();
            action
        })
        .collect();
    let resource_types = list("resources")
        .map(|rt| ResourceType {
            name: str_of(rt, "resource").to_owned(),
            arn_formats: split_arn_formats(str_of(rt, "arn")),
            condition_keys: fix_keys(&strings(rt.get("condition_keys"))),
        })
        .collect();
    let condition_keys = list("conditions")
        .map(|key| ConditionKey {
            name: fix_key(str_of(key, "condition")),
            value_type: str_of(key, "type").to_owned(),
        })
        .collect();
    Page {
        actions,
        resource_types,
        condition_keys,
    }
}

/// Merges the pages of a prefix with several pages into `service`. Returns the number of
/// actions whose resource types changed.
pub fn merge_pages(service: &mut Service, pages: &[Page]) -> usize {
    if pages.len() < 2 {
        return 0;
    }
    for page in pages {
        for key in &page.condition_keys {
            if !service
                .condition_keys
                .iter()
                .any(|k| k.name.eq_ignore_ascii_case(&key.name))
            {
                service.condition_keys.push(key.clone());
            }
        }
    }
    let mut changed = 0;
    for action in &mut service.actions {
        let before = action.resource_types.len();
        for page in pages {
            let Some(listed) = page
                .actions
                .iter()
                .find(|a| a.name.eq_ignore_ascii_case(&action.name))
            else {
                continue;
            };
            union_into(&mut action.condition_keys, &listed.condition_keys);
            union_into(&mut action.dependent_actions, &listed.dependent_actions);
            for rt in &listed.resource_types {
                let Some(canonical) = resource_type_of(&mut service.resource_types, page, &rt.name)
                else {
                    // The page names a resource type it does not define: nothing to fit.
                    continue;
                };
                match action
                    .resource_types
                    .iter_mut()
                    .find(|r| r.name.eq_ignore_ascii_case(&canonical))
                {
                    Some(existing) => union_into(&mut existing.condition_keys, &rt.condition_keys),
                    None => action.resource_types.push(ActionResource {
                        name: canonical,
                        required: rt.required,
                        condition_keys: rt.condition_keys.clone(),
                    }),
                }
            }
        }
        action.condition_keys = fix_keys(&action.condition_keys);
        action.dependent_actions.sort();
        action.dependent_actions.dedup();
        if action.resource_types.len() != before {
            changed += 1;
        }
    }
    // Same-named resource types keep every page's ARN formats.
    for page in pages {
        for rt in &page.resource_types {
            if let Some(existing) = service
                .resource_types
                .iter_mut()
                .find(|r| r.name.eq_ignore_ascii_case(&rt.name))
            {
                union_into(&mut existing.arn_formats, &rt.arn_formats);
                union_into(&mut existing.condition_keys, &rt.condition_keys);
                existing.condition_keys = fix_keys(&existing.condition_keys);
            }
        }
    }
    changed
}

/// The service's name for the resource type `name` of `page`, adding the page's
/// definition to the service when the service lacks it.
fn resource_type_of(
    resource_types: &mut Vec<ResourceType>,
    page: &Page,
    name: &str,
) -> Option<String> {
    if let Some(known) = resource_types
        .iter()
        .find(|r| r.name.eq_ignore_ascii_case(name))
    {
        return Some(known.name.clone());
    }
    let defined = page
        .resource_types
        .iter()
        .find(|r| r.name.eq_ignore_ascii_case(name))?;
    resource_types.push(defined.clone());
    Some(defined.name.clone())
}

/// Appends the items of `more` that `into` lacks (compared without case), keeping order.
fn union_into(into: &mut Vec<String>, more: &[String]) {
    for item in more {
        if !into.iter().any(|i| i.eq_ignore_ascii_case(item)) {
            into.push(item.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::import::{Raw, Sources};
    use crate::model::Action;

    fn page(actions: &[(&str, &[&str])], types: &[(&str, &str)]) -> Page {
        Page {
            actions: actions
                .iter()
                .map(|(action, rts)| PageAction {
                    name: (*action).to_owned(),
                    resource_types: rts
                        .iter()
                        .map(|rt| ActionResource {
                            name: rt.trim_end_matches('*').to_owned(),
                            required: rt.ends_with('*'),
                            condition_keys: vec![],
                        })
                        .collect(),
                    condition_keys: vec!["aws:TagKeys".to_owned()],
                    dependent_actions: vec![],
                })
                .collect(),
            resource_types: types
                .iter()
                .map(|(rt, arn)| ResourceType {
                    name: (*rt).to_owned(),
                    arn_formats: vec![(*arn).to_owned()],
                    condition_keys: vec![],
                })
                .collect(),
            condition_keys: vec![ConditionKey {
                name: "elasticloadbalancing:CreateAction".to_owned(),
                value_type: "String".to_owned(),
            }],
        }
    }

    const CLASSIC_ARN: &str = "arn:${Partition}:elasticloadbalancing:${Region}:${Account}:loadbalancer/${LoadBalancerName}";
    const TG_ARN: &str = "arn:${Partition}:elasticloadbalancing:${Region}:${Account}:targetgroup/${TargetGroupName}/${TargetGroupId}";

    /// The first source's `elasticloadbalancing`: the Classic page's `AddTags` replaced V2's.
    fn classic_service() -> Service {
        Service {
            prefix: "elasticloadbalancing".into(),
            name: "AWS Elastic Load Balancing V2".into(),
            actions: vec![
                Action {
                    name: "AddTags".into(),
                    access_level: "Tagging".into(),
                    resource_types: vec![ActionResource {
                        name: "loadbalancer".into(),
                        required: true,
                        condition_keys: vec![],
                    }],
                    condition_keys: vec![],
                    dependent_actions: vec![],
                },
                Action {
                    name: "ConfigureHealthCheck".into(),
                    access_level: "Write".into(),
                    resource_types: vec![ActionResource {
                        name: "loadbalancer".into(),
                        required: true,
                        condition_keys: vec![],
                    }],
                    condition_keys: vec![],
                    dependent_actions: vec![],
                },
            ],
            resource_types: vec![ResourceType {
                name: "loadbalancer".into(),
                arn_formats: vec![CLASSIC_ARN.into()],
                condition_keys: vec![],
            }],
            condition_keys: vec![],
            rcp_supported: false,
        }
    }

    fn names(action: &Action) -> Vec<&str> {
        action
            .resource_types
            .iter()
            .map(|r| r.name.as_str())
            .collect()
    }

    #[test]
    fn an_action_of_two_pages_takes_both_pages_resource_types() {
        let mut service = classic_service();
        let pages = [
            page(
                &[
                    ("AddTags", &["loadbalancer*"]),
                    ("ConfigureHealthCheck", &["loadbalancer*"]),
                ],
                &[("loadbalancer", CLASSIC_ARN)],
            ),
            page(
                &[("AddTags", &["loadbalancer/app/", "targetgroup"])],
                &[
                    ("targetgroup", TG_ARN),
                    (
                        "loadbalancer/app/",
                        "arn:${Partition}:elasticloadbalancing:${Region}:${Account}:loadbalancer/app/${LoadBalancerName}/${LoadBalancerId}",
                    ),
                ],
            ),
        ];
        assert_eq!(merge_pages(&mut service, &pages), 1);
        let [add_tags, health] = service.actions.as_slice() else {
            panic!("two actions")
        };
        assert_eq!(
            names(add_tags),
            ["loadbalancer", "loadbalancer/app/", "targetgroup"]
        );
        assert!(add_tags.resource_types[0].required);
        assert!(!add_tags.resource_types[2].required);
        assert_eq!(add_tags.condition_keys, ["aws:TagKeys"]);
        // An action of one page only keeps what it had.
        assert_eq!(names(health), ["loadbalancer"]);
        // The V2 resource types are defined, with their ARN formats.
        let tg = service
            .resource_types
            .iter()
            .find(|r| r.name == "targetgroup")
            .expect("targetgroup");
        assert_eq!(tg.arn_formats, [TG_ARN]);
        // The service's condition keys are the union of its pages' keys.
        assert!(
            service
                .condition_keys
                .iter()
                .any(|k| k.name == "elasticloadbalancing:CreateAction")
        );
    }

    #[test]
    fn same_named_resource_types_keep_every_arn_format() {
        let mut service = classic_service();
        let v2_arn = "arn:${Partition}:elasticloadbalancing:${Region}:${Account}:loadbalancer/${LoadBalancerId}";
        let pages = [
            page(&[], &[("loadbalancer", CLASSIC_ARN)]),
            page(&[], &[("loadbalancer", v2_arn)]),
        ];
        assert_eq!(merge_pages(&mut service, &pages), 0);
        assert_eq!(service.resource_types[0].arn_formats, [CLASSIC_ARN, v2_arn]);
    }

    #[test]
    fn a_prefix_of_one_page_is_left_alone() {
        let mut service = classic_service();
        let pages = [page(
            &[("AddTags", &["targetgroup"])],
            &[("targetgroup", TG_ARN)],
        )];
        assert_eq!(merge_pages(&mut service, &pages), 0);
        assert_eq!(names(&service.actions[0]), ["loadbalancer"]);
        assert_eq!(service.resource_types.len(), 1);
    }

    /// The committed catalog, against the pinned sources: for every prefix with several
    /// pages, each action's resource types are the union of the first source's entry and
    /// of every page that lists the action (those the pages define).
    #[test]
    fn every_action_of_a_shared_prefix_has_the_union_of_its_pages() {
        let root = crate::workspace_root();
        let cache = root.join(".cache").join("catalog-sources");
        let raw = Sources::locate(&root, &cache, false)
            .and_then(|sources| Raw::load(&sources))
            .expect("the pinned sources");
        let mut shared = 0;
        let mut failures = Vec::new();
        for (prefix, pages) in raw.pages.iter().filter(|(_, pages)| pages.len() > 1) {
            let Ok(first) = raw.file(&format!("actions/{prefix}.json")) else {
                continue;
            };
            shared += 1;
            let path = root.join(format!("catalog/data/services/{prefix}.json"));
            let committed: Value = serde_json::from_slice(
                &std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())),
            )
            .expect("committed JSON");
            let defined: BTreeSet<String> = committed["resource_types"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|rt| str_of(rt, "name").to_ascii_lowercase())
                .collect();
            for action in committed["actions"].as_array().into_iter().flatten() {
                let name = str_of(action, "name");
                let got: BTreeSet<String> = action["resource_types"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|rt| str_of(rt, "name").to_ascii_lowercase())
                    .collect();
                let mut want: BTreeSet<String> = first
                    .as_object()
                    .into_iter()
                    .flat_map(|m| m.values())
                    .filter(|a| str_of(a, "name").eq_ignore_ascii_case(name))
                    .flat_map(|a| a["resourceTypes"].as_array().into_iter().flatten())
                    .map(|rt| str_of(rt, "name").to_ascii_lowercase())
                    .collect();
                for page in pages {
                    for listed in page
                        .actions
                        .iter()
                        .filter(|a| a.name.eq_ignore_ascii_case(name))
                    {
                        want.extend(
                            listed
                                .resource_types
                                .iter()
                                .map(|rt| rt.name.to_ascii_lowercase())
                                .filter(|rt| defined.contains(rt)),
                        );
                    }
                }
                if got != want {
                    failures.push(format!("{prefix}:{name}: {got:?} != {want:?}"));
                }
            }
        }
        assert!(shared >= 2, "the page source has prefixes of several pages");
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }
}

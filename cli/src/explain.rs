//! `iam-policy explain` and `iam-policy expand`: what the catalog knows.

use std::fmt::Write as _;
use std::process::ExitCode;

use iam_catalog::capability::{Capability, CapabilityRow};
use iam_catalog::query;
use iam_catalog::wildcard::{self, Scoped, WildcardOnly};
use serde_json::{Value, json};

fn unknown(name: &str) -> ExitCode {
    if query::has_wildcard(name) {
        eprintln!(
            "error: `{name}` is a pattern; `explain` takes one action (list the actions it matches with `iam-policy expand '{name}'`)"
        );
        return ExitCode::from(2);
    }
    let (prefix, action) = name.split_once(':').unwrap_or((name, ""));
    let hint = match iam_catalog::service(prefix) {
        None => iam_catalog::suggest::suggest(
            prefix,
            iam_catalog::services().map(iam_catalog::Service::prefix),
        )
        .map(|s| format!("; did you mean the service `{s}`?")),
        Some(service) => {
            iam_catalog::suggest::suggest(action, service.actions().map(iam_catalog::Action::name))
                .map(|s| format!("; did you mean `{}:{s}`?", service.prefix()))
        }
    };
    eprintln!(
        "error: no action `{name}` in the catalog (data of {}){}",
        iam_catalog::DATA_DATE,
        hint.unwrap_or_default()
    );
    ExitCode::from(2)
}

/// The type of a condition key and whether it is multivalued, as the checks resolve it
/// (`iam_catalog::check::conditions::resolve_key`: the curated global keys first, then the
/// service's own table, then other services that list the key), so `explain` cannot
/// contradict `check`.
fn key_type(service: iam_catalog::Service, key: &str) -> Option<(&'static str, bool)> {
    iam_catalog::check::conditions::resolve_key(key, &[service])
        .ok()
        .map(|def| (def.value_type().as_str(), def.is_multivalued()))
}

fn key_json(service: iam_catalog::Service, key: &str) -> Value {
    let typed = key_type(service, key);
    json!({
        "name": key,
        "type": typed.map(|(t, _)| t),
        "multivalued": typed.map(|(_, m)| m),
    })
}

/// ` (String)`, ` (String, multivalued)`, or nothing when the type is not known.
fn key_suffix(service: iam_catalog::Service, key: &str) -> String {
    match key_type(service, key) {
        Some((ty, true)) => format!(" ({ty}, multivalued)"),
        Some((ty, false)) => format!(" ({ty})"),
        None => String::new(),
    }
}

fn row_json(row: &CapabilityRow) -> Value {
    let mut cells = serde_json::Map::new();
    for capability in Capability::ALL {
        cells.insert(
            capability.key().to_owned(),
            Value::String(row.support(capability).as_str().to_owned()),
        );
    }
    json!({
        "edition": row.edition,
        "table": row.edition_name(),
        "category": row.category,
        "name": row.name,
        "prefixes": row.prefixes,
        "prefix_confidence": row.prefix_confidence,
        "support": cells,
        "footnotes": row.footnotes.iter().map(|f| json!({
            "number": f.number, "column": f.column, "text": f.text,
        })).collect::<Vec<_>>(),
        "notes": row.notes,
    })
}

/// What IAM evaluates for an action without resource types, and the evidence (`null` for
/// an action with resource types).
fn wildcard_json(action: iam_catalog::Action) -> Value {
    let Some(class) = action.wildcard_only() else {
        return Value::Null;
    };
    let scoped = |s: Option<Scoped>| {
        s.map(|s| {
            json!({
                "policies": s.policies,
                "cited": s.cited,
                "services": s.services,
            })
        })
    };
    // The AWS-authored policies that scope it are shown whatever the class.
    let aws = scoped(wildcard::scoped_by_aws(action));
    match class {
        WildcardOnly::Star { source } => json!({
            "class": "star-only",
            "source": source.unwrap_or(SAR_DEFAULT),
            "documented": source.is_some(),
            "scoped_by_aws_policies": aws,
        }),
        WildcardOnly::Request { arns, source } => json!({
            "class": "request-arn",
            "request_arns": arns,
            "source": source,
            "scoped_by_aws_policies": aws,
        }),
        WildcardOnly::Scoped(s) => json!({
            "class": "scoped-by-aws",
            "source": "AWS-authored policies grant it on ARNs; which ARN IAM checks is not documented",
            "scoped_by_aws_policies": scoped(Some(s)),
        }),
    }
}

/// The Service Authorization Reference's rule for actions without resource types.
const SAR_DEFAULT: &str = r#"the default: the Service Authorization Reference lists no resource type ("If there is no value for this column, you must specify all resources ("*") to which the policy applies in the Resource element of your policy statement"), and no AWS page or AWS-authored policy says otherwise"#;

/// The text form of [`wildcard_json`].
fn wildcard_human(out: &mut String, action: iam_catalog::Action, class: WildcardOnly) {
    match class {
        WildcardOnly::Star { source } => {
            let _ = writeln!(
                out,
                "  wildcard only: yes (no resource types): IAM evaluates \"Resource\": \"*\" only; any ARN is an error [wildcard-resource-required]"
            );
            let _ = writeln!(out, "    source: {}", source.unwrap_or(SAR_DEFAULT));
        }
        WildcardOnly::Request { arns, source } => {
            let _ = writeln!(
                out,
                "  wildcard only: yes (no resource types): the service authorizes the request on a known ARN; a resource that cannot match it is an error [wildcard-resource-required]"
            );
            for arn in arns {
                let _ = writeln!(out, "    request ARN: {arn}");
            }
            let _ = writeln!(out, "    source: {source}");
        }
        WildcardOnly::Scoped(_) => {
            let _ = writeln!(
                out,
                "  wildcard only: yes (no resource types): AWS-authored policies grant it on ARNs; which ARN IAM checks is not documented, so an ARN of a service they use is a warning [wildcard-resource-scoped]"
            );
        }
    }
    if let Some(s) = wildcard::scoped_by_aws(action) {
        let decided = if matches!(class, WildcardOnly::Scoped(_)) {
            ""
        } else {
            " (the source above decides)"
        };
        let _ = writeln!(
            out,
            "    granted on ARNs by {} AWS-authored polic{}{decided}; their ARNs are of {}; cited:",
            s.policies,
            if s.policies == 1 { "y" } else { "ies" },
            s.services
                .iter()
                .map(|s| format!("`{s}`"))
                .collect::<Vec<_>>()
                .join(", ")
        );
        for cited in s.cited {
            let _ = writeln!(out, "      {cited}");
        }
    }
}

/// `explain ACTION`.
pub fn explain(name: &str, as_json: bool) -> ExitCode {
    let Some(action) = iam_catalog::action(name) else {
        return unknown(name);
    };
    let service = action.service();
    let resource_types: Vec<Value> = action
        .resource_types()
        .map(|ar| {
            let rt = ar.resource_type();
            json!({
                "name": rt.name(),
                "arn_formats": rt.arn_formats().collect::<Vec<_>>(),
                "required": ar.required(),
                "condition_keys": ar
                    .condition_keys()
                    .map(|key| key_json(service, key))
                    .collect::<Vec<_>>(),
            })
        })
        .collect();
    let condition_keys: Vec<Value> = action
        .condition_keys()
        .map(|key| key_json(service, key))
        .collect();
    let rows: Vec<Value> = service.capability_rows().map(row_json).collect();
    let overrides: Vec<Value> = service
        .capability_overrides()
        .map(|o| {
            json!({
                "capability": o.capability.key(),
                "support": o.support.as_str(),
                "fact": o.fact,
                "source": o.source,
                "since": o.since,
            })
        })
        .collect();
    let value = json!({
        "action": action.to_string(),
        "service": { "prefix": service.prefix(), "name": service.name() },
        "access_level": action.access_level().as_str(),
        "wildcard_only": action.is_wildcard_only(),
        "wildcard_resource": wildcard_json(action),
        "resource_types": resource_types,
        "condition_keys": condition_keys,
        "dependent_actions": action.dependent_actions().collect::<Vec<_>>(),
        "service_capabilities": rows,
        "capability_overrides": overrides,
        "data_date": iam_catalog::DATA_DATE,
    });
    if as_json {
        return crate::write_stdout(&format!("{value}\n"));
    }
    crate::write_stdout(&human(action))
}

/// The text form of `explain`.
fn human(action: iam_catalog::Action) -> String {
    let service = action.service();
    let mut out = String::new();

    let _ = writeln!(out, "{action} ({})", service.name());
    let _ = writeln!(out, "  access level: {}", action.access_level());
    if let Some(class) = action.wildcard_only() {
        wildcard_human(&mut out, action, class);
    } else {
        let _ = writeln!(out, "  wildcard only: no");
        let _ = writeln!(out, "  resource types (* = required):");
        for ar in action.resource_types() {
            let rt = ar.resource_type();
            let _ = writeln!(
                out,
                "    {}{}",
                rt.name(),
                if ar.required() { "*" } else { "" }
            );
            for format in rt.arn_formats() {
                let _ = writeln!(out, "      {format}");
            }
            for key in ar.condition_keys() {
                let _ = writeln!(
                    out,
                    "      condition key: {key}{}",
                    key_suffix(service, key)
                );
            }
        }
    }
    if action.condition_keys().len() == 0 {
        let _ = writeln!(out, "  condition keys: none");
    } else {
        let _ = writeln!(out, "  condition keys:");
        for key in action.condition_keys() {
            let _ = writeln!(out, "    {key}{}", key_suffix(service, key));
        }
    }
    if action.dependent_actions().len() == 0 {
        let _ = writeln!(out, "  dependent actions: none");
    } else {
        let _ = writeln!(out, "  dependent actions:");
        for dependent in action.dependent_actions() {
            let _ = writeln!(out, "    {dependent}");
        }
    }
    let mut any = false;
    for row in service.capability_rows() {
        if !any {
            let _ = writeln!(
                out,
                "  service capabilities (\"AWS services that work with IAM\"):"
            );
            any = true;
        }
        let _ = writeln!(
            out,
            "    {} — {} ({})",
            row.edition_name(),
            row.name,
            row.category
        );
        for footnote in row.footnotes.iter().filter(|f| f.column == "service") {
            let _ = writeln!(out, "      [{}] {}", footnote.number, footnote.text);
        }
        for capability in Capability::ALL {
            let _ = writeln!(
                out,
                "      {}: {}",
                capability.heading(),
                row.support(capability)
            );
            for footnote in row.footnotes_for(capability) {
                let _ = writeln!(out, "        [{}] {}", footnote.number, footnote.text);
            }
        }
    }
    if !any {
        let _ = writeln!(
            out,
            "  service capabilities: no row of the capability tables lists `{}`",
            service.prefix()
        );
    }
    for (i, o) in service.capability_overrides().enumerate() {
        if i == 0 {
            let _ = writeln!(
                out,
                "  overrides of the tables (newer facts, which the checks follow):"
            );
        }
        let _ = writeln!(out, "    {}: {}", o.capability.heading(), o.support);
        let _ = writeln!(out, "      {} (since {})", o.fact, o.since);
        let _ = writeln!(out, "      source: {}", o.source);
    }
    let _ = writeln!(out, "  (catalog data of {})", iam_catalog::DATA_DATE);
    out
}

/// `expand PATTERN`.
pub fn expand(pattern: &str) -> ExitCode {
    let actions = query::expand(pattern);
    if actions.is_empty() {
        eprintln!("no action matches `{pattern}`");
        return ExitCode::from(1);
    }
    let mut out = String::new();
    for action in actions {
        out.push_str(&action.to_string());
        out.push('\n');
    }
    crate::write_stdout(&out)
}

#[cfg(test)]
mod tests {
    use super::key_type;

    /// `explain` and `check` agree on keys: every key that an action or one of its resource
    /// types lists, across the whole catalog, is one the checks resolve, so `explain` shows
    /// its type and `check` does not call it unknown.
    #[test]
    fn every_listed_key_has_the_type_the_checks_give_it() {
        let mut keys = 0usize;
        let mut unresolved = Vec::new();
        for service in iam_catalog::services() {
            for action in service.actions() {
                let listed = action.condition_keys().chain(
                    action
                        .resource_types()
                        .flat_map(|ar| ar.resource_type().condition_keys()),
                );
                for key in listed {
                    keys += 1;
                    if key_type(service, key).is_none() {
                        unresolved.push(format!(
                            "{}:{} lists {key}",
                            service.prefix(),
                            action.name()
                        ));
                    }
                }
            }
        }
        assert!(keys > 40_000, "only {keys} keys listed");
        assert!(
            unresolved.is_empty(),
            "{} unresolved: {:?}",
            unresolved.len(),
            &unresolved[..unresolved.len().min(20)]
        );
    }
}

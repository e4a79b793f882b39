//! `iam-policy explain` and `iam-policy expand`: what the catalog knows.

use std::fmt::Write as _;
use std::process::ExitCode;

use iam_catalog::capability::{Capability, CapabilityRow};
use iam_catalog::query;
use serde_json::{Value, json};

fn unknown(name: &str) -> ExitCode {
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
        "support": cells,
        "footnotes": row.footnotes.iter().map(|f| json!({
            "number": f.number, "column": f.column, "text": f.text,
        })).collect::<Vec<_>>(),
        "notes": row.notes,
    })
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
                "condition_keys": ar.condition_keys().collect::<Vec<_>>(),
            })
        })
        .collect();
    let condition_keys: Vec<Value> = action
        .condition_keys()
        .map(|key| {
            let resolved = service.condition_key(key);
            json!({
                "name": key,
                "type": resolved.map(|k| k.value_type().as_str()),
                "multivalued": resolved.map(iam_catalog::ConditionKey::is_multivalued),
            })
        })
        .collect();
    let rows: Vec<Value> = service.capability_rows().map(row_json).collect();
    let value = json!({
        "action": action.to_string(),
        "service": { "prefix": service.prefix(), "name": service.name() },
        "access_level": action.access_level().as_str(),
        "wildcard_only": action.is_wildcard_only(),
        "resource_types": resource_types,
        "condition_keys": condition_keys,
        "dependent_actions": action.dependent_actions().collect::<Vec<_>>(),
        "service_capabilities": rows,
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
    if action.is_wildcard_only() {
        let _ = writeln!(
            out,
            "  resource types: none — the action supports only \"Resource\": \"*\""
        );
    } else {
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
        }
    }
    if action.condition_keys().len() > 0 {
        let _ = writeln!(out, "  condition keys:");
        for key in action.condition_keys() {
            let ty = service
                .condition_key(key)
                .map(|k| {
                    let multi = if k.is_multivalued() {
                        ", multivalued"
                    } else {
                        ""
                    };
                    format!(" ({}{multi})", k.value_type())
                })
                .unwrap_or_default();
            let _ = writeln!(out, "    {key}{ty}");
        }
    }
    if action.dependent_actions().len() > 0 {
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

//! `--format sarif`: SARIF 2.1.0 for code-scanning services.

use serde_json::{Value, json};

use crate::check::Checked;

/// The SARIF log, with a final newline.
pub fn render(results: &[Checked]) -> String {
    let rules: Vec<Value> = iam_policy::Code::ALL
        .iter()
        .map(|code| {
            json!({
                "id": code.name(),
                "shortDescription": { "text": code.summary() },
                "defaultConfiguration": { "level": code.severity().as_str() },
            })
        })
        .collect();
    let mut sarif_results = Vec::new();
    for result in results {
        for d in &result.diagnostics {
            let mut text = d.message.clone();
            if let Some(help) = &d.help {
                text.push_str("\nhelp: ");
                text.push_str(help);
            }
            sarif_results.push(json!({
                "ruleId": d.code.name(),
                "level": d.severity.as_str(),
                "message": { "text": text },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": result.path },
                        "region": { "startLine": d.loc.line, "startColumn": d.loc.column },
                    },
                    "logicalLocations": [{ "fullyQualifiedName": d.loc.pointer, "kind": "member" }],
                }],
            }));
        }
    }
    let notifications: Vec<Value> = results
        .iter()
        .filter_map(|r| {
            r.io_error.as_ref().map(|e| {
                json!({
                    "level": "error",
                    "message": { "text": format!("cannot read `{}`: {e}", r.path) },
                })
            })
        })
        .collect();
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "iam-policy",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": env!("CARGO_PKG_HOMEPAGE"),
                "rules": rules,
            }},
            "invocations": [{
                "executionSuccessful": notifications.is_empty(),
                "toolExecutionNotifications": notifications,
            }],
            "results": sarif_results,
        }],
    });
    let mut out = log.to_string();
    out.push('\n');
    out
}

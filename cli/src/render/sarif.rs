//! `--format sarif`: SARIF 2.1.0 for code-scanning services.
//!
//! One run; the tool's rules are every finding code with its summary and default level;
//! each finding is a result with its rule, level, message (help as a second line),
//! location (file, line, column in Unicode code points) and its JSON pointer as a logical
//! location. Inputs that could not be read are tool execution notifications, and make
//! the invocation unsuccessful; so are the notes on templates and plans (parts not
//! checked, with their region), of which only errors (YAML syntax) make it unsuccessful.

use std::fmt::Write as _;

use serde_json::{Value, json};

use crate::checked::Checked;

/// A path as a relative URI reference: `/` separators, and every byte outside the
/// characters a path may hold unescaped percent-encoded (RFC 3986, section 3.3).
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        match byte {
            b'\\' => out.push('/'),
            b'A'..=b'Z'
            | b'a'..=b'z'
            | b'0'..=b'9'
            | b'-'
            | b'.'
            | b'_'
            | b'~'
            | b'/'
            | b'!'
            | b'$'
            | b'&'
            | b'\''
            | b'('
            | b')'
            | b'*'
            | b'+'
            | b','
            | b';'
            | b'='
            | b'@' => out.push(char::from(byte)),
            // A colon in the first segment would read as a scheme; `:` is encoded always.
            _ => {
                let _ = write!(out, "%{byte:02X}");
            }
        }
    }
    out
}

/// The SARIF log, with a final newline.
pub fn render(results: &[Checked]) -> String {
    let codes = iam_policy::Code::ALL;
    let rules: Vec<Value> = codes
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
            let mut physical = json!({ "artifactLocation": { "uri": uri(&result.path) } });
            if d.loc.line > 0
                && let Some(object) = physical.as_object_mut()
            {
                object.insert(
                    "region".to_owned(),
                    json!({ "startLine": d.loc.line, "startColumn": d.loc.column.max(1) }),
                );
            }
            let mut entry = json!({
                "ruleId": d.code.name(),
                "level": d.severity.as_str(),
                "message": { "text": text },
                "locations": [{
                    "physicalLocation": physical,
                    "logicalLocations": [{ "fullyQualifiedName": d.loc.pointer, "kind": "member" }],
                }],
            });
            if let (Some(index), Some(object)) = (
                codes.iter().position(|c| *c == d.code),
                entry.as_object_mut(),
            ) {
                object.insert("ruleIndex".to_owned(), json!(index));
            }
            sarif_results.push(entry);
        }
    }
    let mut notifications: Vec<Value> = Vec::new();
    let mut failed = false;
    for r in results {
        if let Some(e) = &r.io_error {
            failed = true;
            notifications.push(json!({
                "level": "error",
                "message": { "text": format!("cannot read `{}`: {e}", r.path) },
                "locations": [{ "physicalLocation": { "artifactLocation": { "uri": uri(&r.path) } } }],
            }));
        }
        // Notes are about the run's coverage (a part not checked, a YAML syntax error):
        // located tool notifications, not results.
        for n in &r.notes {
            failed |= n.level == crate::template::NoteLevel::Error;
            notifications.push(json!({
                "level": n.level.as_str(),
                "message": { "text": n.message },
                "locations": [{ "physicalLocation": {
                    "artifactLocation": { "uri": uri(&r.path) },
                    "region": { "startLine": n.loc.line.max(1), "startColumn": n.loc.column.max(1) },
                } }],
            }));
        }
    }
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
                "executionSuccessful": !failed,
                "toolExecutionNotifications": notifications,
            }],
            "columnKind": "unicodeCodePoints",
            "results": sarif_results,
        }],
    });
    let mut out = log.to_string();
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::uri;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(uri("policies/a.json"), "policies/a.json");
        assert_eq!(uri("my policies/ä.json"), "my%20policies/%C3%A4.json");
        assert_eq!(uri(r"dir\a#1.json"), "dir/a%231.json");
        assert_eq!(uri("c:x?.json"), "c%3Ax%3F.json");
    }
}

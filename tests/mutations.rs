//! Mutation self-check: faults injected into AWS managed policies must be caught, each
//! with the right code at the right place.
//!
//! A deterministic sample of the corpus (every 7th policy the engine finds error-free) is
//! mutated seven ways; each mutant must produce a finding of the expected code at the
//! expected JSON pointer (or inside the expected element). The detection rate per fault
//! kind is printed; the test requires 100%. The corpus is found as in `tests/corpus.rs`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::integer_division,
    reason = "a test fails by panicking"
)]

mod common;

use std::collections::BTreeMap;

use iam_policy::{Code, PolicyKind, ValidateOptions, catalog, validate_with};
use serde_json::{Value, json};

/// A mutant: the document, the code it must raise, and where (a pointer prefix).
struct Mutant {
    doc: Value,
    code: Code,
    at: String,
}

fn escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

fn statements(doc: &mut Value) -> &mut Vec<Value> {
    if !doc["Statement"].is_array() {
        let single = doc["Statement"].take();
        doc["Statement"] = Value::Array(vec![single]);
    }
    doc["Statement"].as_array_mut().unwrap()
}

/// The first literal, known, non-wildcard action of a statement.
fn named_action(statement: &Value) -> Option<(usize, String)> {
    let actions = match &statement["Action"] {
        Value::String(s) => vec![s.clone()],
        Value::Array(items) => items
            .iter()
            .filter_map(|v| v.as_str().map(str::to_owned))
            .collect(),
        _ => return None,
    };
    actions
        .into_iter()
        .enumerate()
        .find(|(_, a)| !a.contains(['*', '?']) && catalog::action(a).is_some())
}

#[expect(clippy::too_many_lines, reason = "one block per fault kind, in order")]
fn mutants(original: &Value) -> Vec<(&'static str, Mutant)> {
    let mut out = Vec::new();
    let mut base = original.clone();
    let n = statements(&mut base).len();

    // 1. A misspelled action.
    for (i, statement) in statements(&mut base.clone()).iter().enumerate() {
        if let Some((j, action)) = named_action(statement) {
            let mut doc = base.clone();
            let misspelled = format!("{action}x");
            let target = &mut statements(&mut doc)[i]["Action"];
            let at = if target.is_array() {
                target[j] = json!(misspelled);
                format!("/Statement/{i}/Action/{j}")
            } else {
                *target = json!(misspelled);
                format!("/Statement/{i}/Action")
            };
            out.push((
                "misspelled action",
                Mutant {
                    doc,
                    code: Code::UnknownAction,
                    at,
                },
            ));
            break;
        }
    }

    // 2. A specific ARN on a wildcard-only action.
    let mut doc = base.clone();
    statements(&mut doc).push(json!({
        "Effect": "Allow",
        "Action": "s3:ListAllMyBuckets",
        "Resource": "arn:aws:s3:::example-bucket"
    }));
    out.push((
        "specific ARN on a wildcard-only action",
        Mutant {
            doc,
            code: Code::WildcardResourceRequired,
            at: format!("/Statement/{n}/Action"),
        },
    ));

    // 3. An ARN of the wrong resource type for an action the policy uses.
    for statement in statements(&mut base.clone()).iter() {
        if let Some((_, action)) = named_action(statement) {
            let a = catalog::action(&action).unwrap();
            if a.is_wildcard_only() {
                continue;
            }
            let wrong = if a.service().prefix() == "sqs" {
                "arn:aws:sns:us-east-1:123456789012:topic"
            } else {
                "arn:aws:sqs:us-east-1:123456789012:queue"
            };
            let mut doc = base.clone();
            statements(&mut doc)
                .push(json!({"Effect": "Allow", "Action": action, "Resource": wrong}));
            out.push((
                "ARN of the wrong resource type",
                Mutant {
                    doc,
                    code: Code::ResourceMismatch,
                    at: format!("/Statement/{n}/Action"),
                },
            ));
            break;
        }
    }

    // 4. An unknown condition key.
    let mut doc = base.clone();
    let first = &mut statements(&mut doc)[0];
    if !first["Condition"].is_object() {
        first["Condition"] = json!({});
    }
    let key = "aws:PrincipalOrgIdd";
    first["Condition"]["StringEqualsIfExists"] = json!({ key: "o-abc123" });
    out.push((
        "unknown condition key",
        Mutant {
            doc,
            code: Code::UnknownConditionKey,
            at: format!(
                "/Statement/0/Condition/StringEqualsIfExists/{}",
                escape(key)
            ),
        },
    ));

    // 5. A Numeric operator on a String key.
    let mut doc = base.clone();
    let first = &mut statements(&mut doc)[0];
    if !first["Condition"].is_object() {
        first["Condition"] = json!({});
    }
    first["Condition"]["NumericLessThanIfExists"] = json!({ "aws:PrincipalAccount": "100" });
    out.push((
        "Numeric operator on a String key",
        Mutant {
            doc,
            code: Code::OperatorTypeMismatch,
            at: "/Statement/0/Condition/NumericLessThanIfExists".to_owned(),
        },
    ));

    // 6. A Principal in an identity policy.
    let mut doc = base.clone();
    statements(&mut doc)[0]["Principal"] = json!({"AWS": "arn:aws:iam::123456789012:root"});
    out.push((
        "Principal in an identity policy",
        Mutant {
            doc,
            code: Code::PrincipalNotAllowed,
            at: "/Statement/0/Principal".to_owned(),
        },
    ));

    // 7. A duplicated Sid.
    if n >= 2 {
        let mut doc = base.clone();
        let list = statements(&mut doc);
        list[0]["Sid"] = json!("SameSid");
        list[1]["Sid"] = json!("SameSid");
        out.push((
            "duplicated Sid",
            Mutant {
                doc,
                code: Code::DuplicateSid,
                at: "/Statement/1/Sid".to_owned(),
            },
        ));
    }
    out
}

#[test]
fn injected_faults_are_caught_with_the_right_code() {
    let Some(files) = common::managed_policies("mutation test") else {
        return;
    };
    let options = ValidateOptions::allowing([Code::PolicyTooLarge]);
    let clean: Vec<(String, Value)> = files
        .iter()
        .filter_map(|path| {
            let text = std::fs::read_to_string(path).ok()?;
            let found = validate_with(&text, PolicyKind::Identity, &options);
            (!found.iter().any(iam_policy::Diagnostic::is_error)).then(|| {
                let name = path.file_stem().unwrap().to_string_lossy().into_owned();
                (name, serde_json::from_str(&text).unwrap())
            })
        })
        .step_by(7)
        .collect();
    assert!(clean.len() > 100, "{}", clean.len());

    let mut tally: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut misses = Vec::new();
    for (name, doc) in &clean {
        for (kind, mutant) in mutants(doc) {
            let text = serde_json::to_string_pretty(&mutant.doc).unwrap();
            let found = validate_with(&text, PolicyKind::Identity, &options);
            let caught = found
                .iter()
                .any(|d| d.code == mutant.code && d.loc.pointer.starts_with(&mutant.at));
            let entry = tally.entry(kind).or_default();
            entry.0 += 1;
            if caught {
                entry.1 += 1;
            } else {
                let got: Vec<String> = found
                    .iter()
                    .map(|d| format!("{} at {}", d.code, d.loc.pointer))
                    .collect();
                misses.push(format!(
                    "{name}: {kind}: expected {} at {}, got {got:?}",
                    mutant.code, mutant.at
                ));
            }
        }
    }
    eprintln!(
        "mutation self-check over {} AWS managed policies:",
        clean.len()
    );
    for (kind, (total, caught)) in &tally {
        eprintln!(
            "  {kind:40} {caught}/{total} detected ({}%)",
            100 * caught / total
        );
    }
    assert!(
        misses.is_empty(),
        "{} mutants escaped:\n{}",
        misses.len(),
        misses.join("\n")
    );
}

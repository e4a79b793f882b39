//! Mutation self-check: faults injected into AWS managed policies must be caught, each
//! with the right code at the right JSON pointer.
//!
//! The sample is deterministic: every 7th policy (in file name order) of the managed corpus
//! that the engine finds error-free and that names no discontinued service (whose actions
//! and keys the catalog no longer has). Each is parsed with `serde_json`, mutated one fault at
//! a time, and re-serialized pretty, so every pointer is known in advance. The faults are
//! the mistakes people make, taken from the policy itself where it can be:
//!
//! | fault | expected code | at |
//! | --- | --- | --- |
//! | two letters of one of its actions swapped | `unknown-action` | that action |
//! | one of its wildcard-only actions (or `s3:ListAllMyBuckets`) on another service's ARN | `wildcard-resource-required` | the action |
//! | one of its actions on an ARN of another resource type of the same service | `resource-mismatch` | the action |
//! | two letters of one of its condition keys swapped | `unknown-condition-key` | the key |
//! | one of its String condition keys under `NumericLessThan` | `operator-type-mismatch` | the key |
//! | a `Principal` in one statement | `principal-not-allowed` | the `Principal` |
//! | one statement's `Sid` copied to another | `duplicate-sid` | the second `Sid` |
//!
//! The detection rate per fault kind is printed (`--nocapture`); the test requires 100%.
//! As a control, every sampled policy re-serialized without a fault must stay error-free.
//! The corpus is found as in `tests/corpus.rs` (`IAM_POLICY_CORPUS`, default
//! `../shared/corpus/`); without it the test says that it DID NOT RUN.
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

use iam_policy::catalog::global_keys::{global_key, oidc_claim_key};
use iam_policy::catalog::{self, Action, ConditionType};
use iam_policy::{Code, Diagnostic, PolicyKind, ValidateOptions, validate_with};
use serde_json::{Map, Value, json};

/// A mutant: the document, the code it must raise, and the exact pointer.
struct Mutant {
    kind: &'static str,
    doc: Value,
    code: Code,
    at: String,
    /// Whether the fault is made of the policy's own action, key or statement (rather than
    /// a fixed fallback such as `s3:ListAllMyBuckets`).
    own: bool,
}

/// The fault kinds, in the order they are printed.
const KINDS: &[&str] = &[
    "misspelled action",
    "specific ARN on a wildcard-only action",
    "ARN of the wrong resource type",
    "unknown condition key",
    "Numeric operator on a String key",
    "Principal in an identity policy",
    "duplicated Sid",
];

/// An RFC 6901 pointer token.
fn escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

/// A stable number from a name, to pick statements and letters deterministically.
fn seed(name: &str) -> usize {
    let hash = name.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    usize::try_from(hash >> 33).unwrap()
}

/// The statements, as an array (a single statement object becomes a one-element array).
fn statements(doc: &mut Value) -> &mut Vec<Value> {
    if !doc["Statement"].is_array() {
        let single = doc["Statement"].take();
        doc["Statement"] = Value::Array(vec![single]);
    }
    doc["Statement"].as_array_mut().unwrap()
}

/// The `Action` strings of a statement with their pointers (`/Statement/i/Action[/j]`).
fn actions(statement: &Value, i: usize) -> Vec<(String, String)> {
    match &statement["Action"] {
        Value::String(s) => vec![(s.clone(), format!("/Statement/{i}/Action"))],
        Value::Array(items) => items
            .iter()
            .enumerate()
            .filter_map(|(j, v)| {
                Some((v.as_str()?.to_owned(), format!("/Statement/{i}/Action/{j}")))
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// Named (wildcard-free) actions the catalog knows, over all statements starting at a
/// seeded offset: `(statement, pointer, action)`.
fn named_actions(doc: &Value, name: &str) -> Vec<(usize, String, Action)> {
    let list = doc["Statement"].as_array().unwrap();
    let n = list.len();
    (0..n)
        .map(|k| (k + seed(name)) % n)
        .flat_map(|i| {
            actions(&list[i], i)
                .into_iter()
                .filter(|(a, _)| !a.contains(['*', '?']))
                .filter_map(move |(a, at)| Some((i, at, catalog::action(&a)?)))
        })
        .collect()
}

/// `text` with the two characters at `at` and `at + 1` swapped.
fn swap(text: &str, at: usize) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    chars.swap(at, at + 1);
    chars.into_iter().collect()
}

/// Misspellings of `name` (two adjacent, different letters swapped), tried from a seeded
/// position.
fn misspellings(name: &str) -> impl Iterator<Item = String> + '_ {
    let chars: Vec<char> = name.chars().collect();
    let len = chars.len();
    (0..len.saturating_sub(1))
        .map(move |k| (k + seed(name)) % (len - 1))
        .filter(move |&p| {
            chars[p] != chars[p + 1] && chars[p].is_alphabetic() && chars[p + 1].is_alphabetic()
        })
        .map(move |p| swap(name, p))
}

/// Whether any table of the catalog knows the condition key.
fn key_exists(key: &str) -> bool {
    let service = key.split(':').next().and_then(catalog::service);
    global_key(key).is_some()
        || oidc_claim_key(key).is_some()
        || service.is_some_and(|s| s.condition_key(key).is_some())
}

/// The type of a known condition key.
fn key_type(key: &str) -> Option<ConditionType> {
    if let Some(global) = global_key(key) {
        return Some(global.value_type);
    }
    let service = catalog::service(key.split(':').next()?)?;
    Some(service.condition_key(key)?.value_type())
}

/// Every `(statement, operator, key)` of the policy's conditions, from a seeded statement.
fn condition_keys(doc: &Value, name: &str) -> Vec<(usize, String, String)> {
    let list = doc["Statement"].as_array().unwrap();
    let n = list.len();
    let mut out = Vec::new();
    for i in (0..n).map(|k| (k + seed(name)) % n) {
        let Some(condition) = list[i]["Condition"].as_object() else {
            continue;
        };
        for (operator, block) in condition {
            for key in block.as_object().into_iter().flat_map(Map::keys) {
                out.push((i, operator.clone(), key.clone()));
            }
        }
    }
    out
}

/// An ARN of another service than `prefix`'s, that no action of `prefix` can take.
fn foreign_arn(prefix: &str) -> &'static str {
    if prefix.eq_ignore_ascii_case("sqs") {
        "arn:aws:sns:us-east-1:123456789012:example-topic"
    } else {
        "arn:aws:sqs:us-east-1:123456789012:example-queue"
    }
}

/// The resource part of an ARN format (after the fifth `:`).
fn resource_part(format: &str) -> &str {
    format.splitn(6, ':').nth(5).unwrap_or("")
}

/// The literal text an ARN format's resource part starts with (before any `${`).
fn literal_head(format: &str) -> &str {
    let part = resource_part(format);
    &part[..part.find("${").unwrap_or(part.len())]
}

/// A concrete ARN of `format`: partition `aws`, region `us-east-1` where the format has
/// one, account `123456789012`, every other placeholder `example`.
fn concrete(format: &str) -> String {
    let mut out = String::new();
    let mut rest = format;
    while let Some(start) = rest.find("${") {
        out.push_str(&rest[..start]);
        let end = rest[start..]
            .find('}')
            .map_or(rest.len(), |e| start + e + 1);
        out.push_str(match &rest[start..end] {
            "${Partition}" => "aws",
            "${Region}" => "us-east-1",
            "${Account}" => "123456789012",
            _ => "example",
        });
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// An ARN of another resource type of `action`'s service whose resource part starts with
/// a literal that none of the action's types can match: `arn:aws:sqs:...` for
/// `sns:Publish` would do too, but a same-service mistake is the subtle one.
fn wrong_type_arn(action: Action) -> Option<String> {
    let heads: Vec<&str> = action
        .resource_types()
        .flat_map(|r| r.resource_type().arn_formats())
        .map(literal_head)
        .collect();
    if heads.iter().any(|h| h.len() < 2) {
        return None;
    }
    action
        .service()
        .resource_types()
        .flat_map(catalog::ResourceType::arn_formats)
        .find(|format| {
            let head = literal_head(format);
            head.len() >= 2
                && !format.contains('*')
                && heads
                    .iter()
                    .all(|h| !h.starts_with(head) && !head.starts_with(h))
        })
        .map(concrete)
}

/// The mutants of one policy; a fault that does not apply (a one-statement policy has no
/// second `Sid`) is left out.
#[expect(clippy::too_many_lines, reason = "one block per fault kind, in order")]
fn mutants(name: &str, original: &Value) -> Vec<Mutant> {
    let mut base = original.clone();
    let n = statements(&mut base).len();
    let mut out = Vec::new();
    let named = named_actions(&base, name);

    // 1. Two letters of an action's name swapped.
    'misspell: for (i, at, action) in &named {
        for wrong in misspellings(action.name()) {
            let full = format!("{}:{wrong}", action.service().prefix());
            if catalog::action(&full).is_some() {
                continue;
            }
            let mut doc = base.clone();
            let target = &mut statements(&mut doc)[*i]["Action"];
            match target {
                Value::Array(items) => {
                    let j: usize = at.rsplit('/').next().unwrap().parse().unwrap();
                    items[j] = json!(full);
                }
                other => *other = json!(full),
            }
            out.push(Mutant {
                kind: KINDS[0],
                doc,
                code: Code::UnknownAction,
                at: at.clone(),
                own: true,
            });
            break 'misspell;
        }
    }

    // 2. A wildcard-only action of the policy (or s3:ListAllMyBuckets) on a specific ARN of
    //    another service: a statement of its own, appended.
    let own = named.iter().find(|(_, _, a)| a.is_wildcard_only());
    let wildcard_only = own.map_or_else(
        || "s3:ListAllMyBuckets".to_owned(),
        |(_, _, a)| a.full_name(),
    );
    let mut doc = base.clone();
    let prefix = wildcard_only.split(':').next().unwrap().to_owned();
    statements(&mut doc).push(json!({
        "Effect": "Allow",
        "Action": wildcard_only,
        "Resource": foreign_arn(&prefix),
    }));
    out.push(Mutant {
        kind: KINDS[1],
        doc,
        code: Code::WildcardResourceRequired,
        at: format!("/Statement/{n}/Action"),
        own: own.is_some(),
    });

    // 3. An action of the policy on an ARN of another resource type, same service where the
    //    formats allow it.
    if let Some((_, _, action)) = named.iter().find(|(_, _, a)| !a.is_wildcard_only()) {
        let same_service = wrong_type_arn(*action);
        let own = same_service.is_some();
        let arn = same_service.unwrap_or_else(|| foreign_arn(action.service().prefix()).to_owned());
        let mut doc = base.clone();
        statements(&mut doc).push(json!({
            "Effect": "Allow",
            "Action": action.full_name(),
            "Resource": arn,
        }));
        out.push(Mutant {
            kind: KINDS[2],
            doc,
            code: Code::ResourceMismatch,
            at: format!("/Statement/{n}/Action"),
            own,
        });
    }

    // 4. Two letters of a condition key swapped (in the part after the service prefix and
    //    before any `/`), or a misspelled global key where the policy has no condition.
    let keys = condition_keys(&base, name);
    let misspelled = keys.iter().find_map(|(i, operator, key)| {
        let (service, rest) = key.split_once(':')?;
        let (head, tail) = rest.split_once('/').map_or((rest, ""), |(h, t)| (h, t));
        misspellings(head)
            .map(|h| {
                if tail.is_empty() {
                    format!("{service}:{h}")
                } else {
                    format!("{service}:{h}/{tail}")
                }
            })
            .find(|wrong| !key_exists(wrong))
            .map(|wrong| (*i, operator.clone(), key.clone(), wrong))
    });
    let mut doc = base.clone();
    let own = misspelled.is_some();
    let (i, operator, wrong) = if let Some((i, operator, key, wrong)) = misspelled {
        let block = statements(&mut doc)[i]["Condition"][&operator]
            .as_object_mut()
            .unwrap();
        let renamed: Map<String, Value> = std::mem::take(block)
            .into_iter()
            .map(|(k, v)| (if k == key { wrong.clone() } else { k }, v))
            .collect();
        *block = renamed;
        (i, operator, wrong)
    } else {
        let wrong = "aws:PrincipalOrgIdd".to_owned();
        statements(&mut doc)[0]["Condition"] = json!({ "StringEquals": { &wrong: "o-abc123" } });
        (0, "StringEquals".to_owned(), wrong)
    };
    out.push(Mutant {
        kind: KINDS[3],
        doc,
        code: Code::UnknownConditionKey,
        own,
        at: format!(
            "/Statement/{i}/Condition/{}/{}",
            escape(&operator),
            escape(&wrong)
        ),
    });

    // 5. A String key of the policy (or aws:PrincipalAccount) under NumericLessThan.
    let string_key = keys.iter().find(|(_, operator, key)| {
        key_type(key) == Some(ConditionType::String) && !operator.contains("Numeric")
    });
    let own = string_key.is_some();
    let (i, key) = string_key.map_or((0, "aws:PrincipalAccount".to_owned()), |(i, _, key)| {
        (*i, key.clone())
    });
    let mut doc = base.clone();
    let statement = &mut statements(&mut doc)[i];
    if !statement["Condition"].is_object() {
        statement["Condition"] = json!({});
    }
    statement["Condition"]["NumericLessThan"] = json!({ &key: "100" });
    out.push(Mutant {
        kind: KINDS[4],
        doc,
        code: Code::OperatorTypeMismatch,
        own,
        at: format!("/Statement/{i}/Condition/NumericLessThan/{}", escape(&key)),
    });

    // 6. A Principal in one statement.
    let i = seed(name) % n;
    let mut doc = base.clone();
    statements(&mut doc)[i]["Principal"] = json!({"AWS": "arn:aws:iam::123456789012:root"});
    out.push(Mutant {
        kind: KINDS[5],
        doc,
        code: Code::PrincipalNotAllowed,
        own: true,
        at: format!("/Statement/{i}/Principal"),
    });

    // 7. One statement's Sid copied to a later one (both named `Duplicated` if it has none).
    if n >= 2 {
        let first = seed(name) % (n - 1);
        let second = first + 1 + seed(&format!("{name}/sid")) % (n - 1 - first);
        let mut doc = base.clone();
        let list = statements(&mut doc);
        let sid = match list[first]["Sid"].as_str() {
            Some(sid) if !sid.is_empty() => sid.to_owned(),
            _ => {
                list[first]["Sid"] = json!("Duplicated");
                "Duplicated".to_owned()
            }
        };
        list[second]["Sid"] = json!(sid);
        out.push(Mutant {
            kind: KINDS[6],
            doc,
            code: Code::DuplicateSid,
            own: true,
            at: format!("/Statement/{second}/Sid"),
        });
    }
    out
}

fn findings(doc: &Value) -> Vec<Diagnostic> {
    let text = serde_json::to_string_pretty(doc).unwrap();
    validate_with(
        &text,
        PolicyKind::Identity,
        &ValidateOptions::allowing([Code::PolicyTooLarge]),
    )
}

#[test]
fn injected_faults_are_caught_with_the_right_code_at_the_right_place() {
    let Some(files) = common::managed_policies("mutation test") else {
        return;
    };
    let sample: Vec<(String, Value)> = files
        .iter()
        .filter_map(|path| {
            let text = std::fs::read_to_string(path).unwrap();
            let found = validate_with(
                &text,
                PolicyKind::Identity,
                &ValidateOptions::allowing([Code::PolicyTooLarge]),
            );
            // A policy naming a discontinued service is left out: the catalog no longer
            // has that service's actions and keys, so a fault in them cannot be judged.
            let judgeable = !found
                .iter()
                .any(|d| d.is_error() || d.code == Code::DiscontinuedService);
            judgeable.then(|| {
                let name = path.file_name().unwrap().to_string_lossy().into_owned();
                (name, serde_json::from_str(&text).unwrap())
            })
        })
        .step_by(7)
        .collect();
    assert!(sample.len() > 100, "only {} policies sampled", sample.len());

    let mut tally: BTreeMap<&str, (usize, usize, usize)> = BTreeMap::new();
    let mut misses = Vec::new();
    for (name, doc) in &sample {
        let control: Vec<String> = findings(doc)
            .iter()
            .filter(|d| d.is_error())
            .map(|d| format!("{} at {}", d.code, d.loc.pointer))
            .collect();
        assert!(
            control.is_empty(),
            "{name} re-serialized has errors it did not have: {control:?}"
        );
        for mutant in mutants(name, doc) {
            let found = findings(&mutant.doc);
            let caught = found
                .iter()
                .any(|d| d.code == mutant.code && d.loc.pointer == mutant.at);
            let entry = tally.entry(mutant.kind).or_default();
            entry.0 += 1;
            entry.2 += usize::from(mutant.own);
            if caught {
                entry.1 += 1;
            } else {
                let got: Vec<String> = found
                    .iter()
                    .map(|d| format!("{} at {}", d.code, d.loc.pointer))
                    .collect();
                misses.push(format!(
                    "{name}: {}: expected {} at {}, got {got:?}",
                    mutant.kind, mutant.code, mutant.at
                ));
            }
        }
    }
    eprintln!(
        "mutation self-check over {} error-free AWS managed policies (every 7th):",
        sample.len()
    );
    for kind in KINDS {
        let (total, caught, own) = tally.get(kind).copied().unwrap_or_default();
        eprintln!(
            "  {kind:40} {caught:>4}/{total:<4} detected ({:>3}%), {own} made of the policy's own parts",
            100 * caught / total.max(1)
        );
        assert!(total > 0, "no policy of the sample took the fault `{kind}`");
    }
    assert!(
        misses.is_empty(),
        "{} mutants escaped:\n{}",
        misses.len(),
        misses.join("\n")
    );
}

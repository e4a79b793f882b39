//! Every AWS managed policy of the acceptance corpus survives a round trip through
//! `Policy` and `Document`: same meaning, same shape (single values stay single).
//!
//! The corpus is read in place: `$IAM_POLICY_CORPUS/aws-managed-policies/` (default
//! `../shared/corpus/` beside the workspace). Where it is absent, the test says plainly
//! that it did not run.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a test fails by panicking"
)]

use std::path::PathBuf;

use iam_policy::{Document, Policy};
use serde_json::Value;

fn corpus() -> Option<PathBuf> {
    let root = std::env::var_os("IAM_POLICY_CORPUS").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus"),
        PathBuf::from,
    );
    let dir = root.join("aws-managed-policies");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!(
            "corpus_roundtrip DID NOT RUN: no corpus at {} (set IAM_POLICY_CORPUS)",
            dir.display()
        );
        None
    }
}

/// The same JSON value, ignoring object key order.
fn same_meaning(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| y.get(k).is_some_and(|w| same_meaning(v, w)))
        }
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(v, w)| same_meaning(v, w))
        }
        _ => a == b,
    }
}

#[test]
fn every_managed_policy_round_trips() {
    let Some(dir) = corpus() else {
        return;
    };
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 1452, "the corpus has 1,452 policies");
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy();
        let policy = Policy::from_json(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        let direct: Document = serde_json::from_str(&text).unwrap();
        assert_eq!(policy.document().as_ref(), Some(&direct), "{name}");

        let original: Value = serde_json::from_str(&text).unwrap();
        let written: Value = serde_json::from_str(&policy.to_json()).unwrap();
        assert!(same_meaning(&original, &written), "{name}: meaning changed");
        let pretty: Value = serde_json::from_str(&policy.to_json_pretty()).unwrap();
        assert!(
            same_meaning(&original, &pretty),
            "{name}: pretty form differs"
        );

        // Shape: a single Statement object stays an object, single strings stay strings.
        assert_eq!(
            original["Statement"].is_array(),
            written["Statement"].is_array(),
            "{name}"
        );
        // Serde of the Policy itself gives the same document again.
        let again: Policy = serde_json::from_str(&serde_json::to_string(&policy).unwrap()).unwrap();
        assert_eq!(again, policy, "{name}");
    }
}

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

/// Every `.json` file under `dir`, sorted.
fn json_files(dir: &std::path::Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "json") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// `Policy::document` (the crate's reader and deserializer) gives the `Document` that
/// `serde_json` gives for the same text, or `None` where `serde_json` fails; and
/// `Policy::from_document` writes what `serde_json::to_string` writes: on every policy
/// of the three corpora.
#[test]
fn document_reads_and_writes_as_serde_json_does_on_the_corpora() {
    let Some(managed) = corpus() else {
        return;
    };
    let root = managed.parent().unwrap().to_path_buf();
    let mut read = 0;
    for set in [
        "aws-managed-policies",
        "open-source-policies",
        "published-examples",
    ] {
        let files = json_files(&root.join(set));
        assert!(!files.is_empty(), "{set} is empty");
        for path in &files {
            let file = std::fs::read_to_string(path).unwrap();
            // The published and open-source sets wrap the policy's text with its source.
            let text = match serde_json::from_str::<Value>(&file).unwrap()["policy_text"] {
                Value::String(ref text) => text.clone(),
                _ => file,
            };
            let name = path.display();
            let Ok(policy) = Policy::from_json(&text) else {
                continue;
            };
            let ours = policy.document();
            let theirs = serde_json::from_str::<Document>(policy.as_json()).ok();
            assert_eq!(ours, theirs, "{name}");
            let Some(document) = ours else {
                continue;
            };
            read += 1;
            // The original text (member order, repeated keys) reads the same way.
            assert_eq!(
                serde_json::from_str::<Document>(&text).ok().as_ref(),
                Some(&document),
                "{name}"
            );
            let written = Policy::from_document(&document, policy.kind());
            assert_eq!(
                written.as_json(),
                serde_json::to_string(&document).unwrap(),
                "{name}"
            );
        }
    }
    eprintln!("{read} documents read");
    assert!(read > 2000, "{read} documents read");
}

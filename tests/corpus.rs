//! Acceptance: the 1,452 AWS managed policies.
//!
//! These policies are written by AWS and attached to real accounts, so every error the
//! engine raises on them must be a real defect of that policy, listed with its reason in
//! `tests/known-findings.tsv` (one line each: code, policy, JSON pointer, reason). The
//! test fails when an error appears that the file does not list, and when a listed error
//! disappears; its message lists the lines to add or remove.
//!
//! AWS managed policies are not bound by the customer managed policy quota, so
//! `policy-too-large` is allowed here (67 of them exceed 6,144 characters).
//!
//! The corpus is read in place from `$IAM_POLICY_CORPUS/aws-managed-policies/` (default:
//! `../shared/corpus/` beside the workspace); where it is absent, the test says plainly
//! that it did not run.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a test fails by panicking"
)]

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use iam_policy::{Code, PolicyKind, Severity, ValidateOptions, validate_with};

/// `(code, policy, pointer)` of each listed finding, with its reason.
fn known() -> BTreeMap<(String, String, String), String> {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/known-findings.tsv"),
    )
    .unwrap();
    let mut out = BTreeMap::new();
    for (n, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.splitn(4, '\t').collect();
        assert_eq!(fields.len(), 4, "known-findings.tsv line {}: {line}", n + 1);
        assert!(
            Code::from_name(fields[0]).is_some(),
            "known-findings.tsv line {}: unknown code `{}`",
            n + 1,
            fields[0]
        );
        assert!(!fields[3].trim().is_empty(), "line {}: no reason", n + 1);
        let previous = out.insert(
            (
                fields[0].to_owned(),
                fields[1].to_owned(),
                fields[2].to_owned(),
            ),
            fields[3].to_owned(),
        );
        assert!(
            previous.is_none(),
            "known-findings.tsv line {}: listed twice",
            n + 1
        );
    }
    out
}

#[test]
fn every_error_on_the_managed_corpus_is_a_known_defect() {
    let Some(files) = common::managed_policies("corpus acceptance test") else {
        return;
    };
    assert_eq!(files.len(), 1452);

    let options = ValidateOptions::allowing([Code::PolicyTooLarge]);
    let mut errors = BTreeSet::new();
    let mut by_code: BTreeMap<(Code, Severity), usize> = BTreeMap::new();
    let mut clean = 0;
    let mut without_errors = 0;
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap();
        let policy = path.file_stem().unwrap().to_string_lossy().into_owned();
        let found = validate_with(&text, PolicyKind::Identity, &options);
        clean += usize::from(found.is_empty());
        without_errors += usize::from(!found.iter().any(iam_policy::Diagnostic::is_error));
        for d in found {
            *by_code.entry((d.code, d.severity)).or_default() += 1;
            if d.is_error() {
                errors.insert((d.code.name().to_owned(), policy.clone(), d.loc.pointer));
            }
        }
    }
    eprintln!(
        "managed corpus: {} policies, {clean} without findings, {without_errors} without errors",
        files.len()
    );
    for ((code, severity), n) in &by_code {
        eprintln!("  {:7} {:34} {n}", severity.as_str(), code.name());
    }

    let known = known();
    let listed: BTreeSet<_> = known.keys().cloned().collect();
    let new: Vec<_> = errors.difference(&listed).collect();
    let gone: Vec<_> = listed.difference(&errors).collect();
    let show = |items: &[&(String, String, String)]| {
        items
            .iter()
            .take(50)
            .map(|(c, p, ptr)| format!("  {c}\t{p}\t{ptr}"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert!(
        new.is_empty() && gone.is_empty(),
        "the errors on the managed corpus changed.\n{} new (a regression to fix, or a real defect to list with its reason):\n{}\n{} listed but gone (remove them):\n{}",
        new.len(),
        show(&new),
        gone.len(),
        show(&gone)
    );
}

//! Acceptance: the AWS managed policies of the shared corpus.
//!
//! These policies are written by AWS and attached to real accounts, so every error the
//! engine raises on them must be a real defect of that policy, listed with its reason in
//! `tests/known-findings.tsv`: one line per error, tab-separated, `code`, policy file name,
//! JSON pointer, and why it is a defect of AWS's policy. The errors that are not (false
//! positives of the engine or the catalog, and errors nobody can verify) are listed the
//! same way, with their cause, in `tests/known-false-positives.tsv`: the engine's to-do
//! list. The test fails when an error appears that neither file lists (a false positive to
//! fix, or a real defect to list with its reason), and when a listed error disappears (a
//! fixed false positive, or a regression); its message gives the lines to add or remove.
//!
//! The policies are checked as identity policies with `policy-too-large` allowed: AWS
//! managed policies are not bound by the customer managed policy quota (67 of them exceed
//! 6,144 characters).
//!
//! # Where the corpus is
//!
//! The environment variable `IAM_POLICY_CORPUS` names the corpus root (the folder that holds
//! `aws-managed-policies/` and `aws-managed-policies-2026-08-additions/`); without it, the
//! tests read `../shared/corpus/` beside the workspace. Where the corpus is absent, each
//! test prints that it DID NOT RUN and returns.
//!
//! The 119 newer policies of `aws-managed-policies-2026-08-additions/` are checked too, and
//! their findings printed; they are not asserted (run with `--nocapture` to see them).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a test fails by panicking"
)]

mod common;

use std::fmt::Write as _;
use std::path::Path;

use common::listing::{List, Tally, assert_disjoint, assert_known};
use iam_policy::{Code, Diagnostic, PolicyKind, ValidateOptions, validate_with};

/// The real defects, relative to the workspace root.
const KNOWN_FINDINGS: &str = "tests/known-findings.tsv";
/// The false positives and unverified errors, relative to the workspace root.
const KNOWN_FALSE_POSITIVES: &str = "tests/known-false-positives.tsv";
/// The tags a cause in [`KNOWN_FALSE_POSITIVES`] starts with.
const CAUSES: &[&str] = &["[catalog] ", "[sar-gap] ", "[engine] ", "[unverified] "];

/// The findings of one policy file, as an identity policy with `policy-too-large` allowed.
fn check(path: &Path) -> Vec<Diagnostic> {
    let text = std::fs::read_to_string(path).unwrap();
    validate_with(
        &text,
        PolicyKind::Identity,
        &ValidateOptions::allowing([Code::PolicyTooLarge]),
    )
}

fn run(files: &[std::path::PathBuf]) -> Tally {
    let mut tally = Tally::default();
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy();
        tally.add(&name, &check(path));
    }
    tally
}

#[test]
fn listed_findings_are_well_formed_and_in_one_file_only() {
    let real = List::read(KNOWN_FINDINGS, &[]);
    let disputed = List::read(KNOWN_FALSE_POSITIVES, CAUSES);
    assert!(!real.items.is_empty(), "{KNOWN_FINDINGS} lists nothing");
    assert_disjoint(&real, &disputed);
}

#[test]
fn every_error_on_the_managed_corpus_is_known() {
    let Some(files) = common::managed_policies("corpus acceptance test") else {
        return;
    };
    assert_eq!(files.len(), 1452, "the managed corpus has 1,452 policies");
    let tally = run(&files);
    let real = List::read(KNOWN_FINDINGS, &[]);
    let disputed = List::read(KNOWN_FALSE_POSITIVES, CAUSES);
    eprint!("{}", tally.summary("AWS managed policies"));
    eprintln!(
        "  listed: {} real defects of AWS's policies ({KNOWN_FINDINGS}), {} false positives \
         or unverified ({KNOWN_FALSE_POSITIVES}: {:?})",
        real.items.len(),
        disputed.items.len(),
        disputed.count_tags(CAUSES)
    );
    assert_known("the AWS managed policies", &tally, &real, &disputed);
}

/// The newer policies (2026-03 to 2026-08): printed, not asserted, since nobody has
/// reviewed their findings yet.
#[test]
fn newer_managed_policies_are_reported() {
    let Some(files) = common::corpus_files(
        "aws-managed-policies-2026-08-additions",
        "report on the newer managed policies",
    ) else {
        return;
    };
    assert_eq!(files.len(), 119, "the additions folder has 119 policies");
    let tally = run(&files);
    let mut out = tally.summary("AWS managed policies added 2026-03..2026-08 (not asserted)");
    for ((code, policy, pointer), message) in &tally.errors {
        writeln!(out, "  {code}\t{policy}\t{pointer}\t{message}").unwrap();
    }
    eprint!("{out}");
}

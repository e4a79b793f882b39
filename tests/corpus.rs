//! Acceptance: the AWS managed policies of the shared corpus.
//!
//! These policies are written by AWS and attached to real accounts, so every error the
//! engine raises on them must be a real defect of that policy, listed with its reason in
//! `tests/known-findings.tsv`: one line per error, tab-separated, `code`, policy file name,
//! JSON pointer, and why it is a defect of AWS's policy. The test fails when an error
//! appears that the file does not list (a false positive to fix in the engine or the
//! catalog, or a real defect to list with its reason), and when a listed error disappears;
//! its message gives the lines to add or remove.
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

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use iam_policy::{Code, Diagnostic, PolicyKind, Severity, ValidateOptions, validate_with};

/// The known-findings file, relative to the workspace root.
const KNOWN_FINDINGS: &str = "tests/known-findings.tsv";

/// An error: code, policy file name, JSON pointer.
type Key = (String, String, String);

/// The listed findings, with their reasons, after checking the file's form: four
/// tab-separated fields, an error code, a `.json` file name, a pointer, a reason, no line
/// twice.
fn known_findings() -> BTreeMap<Key, String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(KNOWN_FINDINGS);
    let text = std::fs::read_to_string(&path).unwrap();
    let mut out = BTreeMap::new();
    for (index, line) in text.lines().enumerate() {
        let n = index + 1;
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        assert_eq!(
            fields.len(),
            4,
            "{KNOWN_FINDINGS}:{n}: want code, policy, pointer, reason separated by tabs: {line}"
        );
        let (code, policy, pointer, reason) = (fields[0], fields[1], fields[2], fields[3]);
        let parsed = Code::from_name(code)
            .unwrap_or_else(|| panic!("{KNOWN_FINDINGS}:{n}: unknown code `{code}`"));
        assert_eq!(
            parsed.severity(),
            Severity::Error,
            "{KNOWN_FINDINGS}:{n}: `{code}` is a warning; only errors are listed"
        );
        assert!(
            Path::new(policy)
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("json")),
            "{KNOWN_FINDINGS}:{n}: `{policy}` is not a policy file name"
        );
        assert!(
            pointer.starts_with("/Statement"),
            "{KNOWN_FINDINGS}:{n}: `{pointer}` is not a pointer into a statement"
        );
        assert!(
            reason.trim().len() >= 20,
            "{KNOWN_FINDINGS}:{n}: say why this is a real defect of AWS's policy"
        );
        let previous = out.insert(
            (code.to_owned(), policy.to_owned(), pointer.to_owned()),
            reason.to_owned(),
        );
        assert!(previous.is_none(), "{KNOWN_FINDINGS}:{n}: listed twice");
    }
    out
}

/// The findings of one policy file, as an identity policy with `policy-too-large` allowed.
fn check(path: &Path) -> Vec<Diagnostic> {
    let text = std::fs::read_to_string(path).unwrap();
    validate_with(
        &text,
        PolicyKind::Identity,
        &ValidateOptions::allowing([Code::PolicyTooLarge]),
    )
}

fn file_name(path: &Path) -> String {
    path.file_name().unwrap().to_string_lossy().into_owned()
}

/// What a run over a folder of policies found.
#[derive(Default)]
struct Tally {
    policies: usize,
    without_findings: usize,
    without_errors: usize,
    by_code: BTreeMap<(Severity, Code), usize>,
    /// Every error, with the engine's message.
    errors: BTreeMap<Key, String>,
}

fn run(files: &[PathBuf]) -> Tally {
    let mut tally = Tally::default();
    for path in files {
        let found = check(path);
        tally.policies += 1;
        tally.without_findings += usize::from(found.is_empty());
        tally.without_errors += usize::from(!found.iter().any(Diagnostic::is_error));
        for d in found {
            *tally.by_code.entry((d.severity, d.code)).or_default() += 1;
            if d.is_error() {
                tally.errors.insert(
                    (d.code.name().to_owned(), file_name(path), d.loc.pointer),
                    d.message,
                );
            }
        }
    }
    tally
}

fn summary(title: &str, tally: &Tally) -> String {
    let count = |severity| {
        tally
            .by_code
            .iter()
            .filter(|((s, _), _)| *s == severity)
            .map(|(_, n)| n)
            .sum::<usize>()
    };
    let mut out = format!(
        "{title}: {} policies, {} without findings, {} without errors; {} errors, {} warnings\n",
        tally.policies,
        tally.without_findings,
        tally.without_errors,
        count(Severity::Error),
        count(Severity::Warning),
    );
    for ((severity, code), n) in tally.by_code.iter().rev() {
        writeln!(out, "  {:7} {:34} {n:>5}", severity.as_str(), code.name()).unwrap();
    }
    out
}

#[test]
fn known_findings_file_is_well_formed() {
    let known = known_findings();
    assert!(!known.is_empty(), "{KNOWN_FINDINGS} lists nothing");
}

#[test]
fn every_error_on_the_managed_corpus_is_a_known_defect() {
    let Some(files) = common::managed_policies("corpus acceptance test") else {
        return;
    };
    assert_eq!(files.len(), 1452, "the managed corpus has 1,452 policies");
    let tally = run(&files);
    let known = known_findings();
    eprint!("{}", summary("AWS managed policies", &tally));
    eprintln!(
        "  {} errors listed in {KNOWN_FINDINGS} as defects of AWS's policies",
        known.len()
    );

    let new: Vec<(&Key, &String)> = tally
        .errors
        .iter()
        .filter(|(key, _)| !known.contains_key(*key))
        .collect();
    let gone: Vec<(&Key, &String)> = known
        .iter()
        .filter(|(key, _)| !tally.errors.contains_key(*key))
        .collect();
    if new.is_empty() && gone.is_empty() {
        return;
    }
    let mut message = String::from("the errors on the AWS managed policies changed\n");
    if !new.is_empty() {
        writeln!(
            message,
            "\n{} errors are not in {KNOWN_FINDINGS}. Each is a false positive to fix in the \
             engine or the catalog, or a real defect of AWS's policy: then add its line with \
             the reason in place of the engine's message:",
            new.len()
        )
        .unwrap();
        for ((code, policy, pointer), engine_message) in &new {
            writeln!(message, "{code}\t{policy}\t{pointer}\t{engine_message}").unwrap();
        }
    }
    if !gone.is_empty() {
        writeln!(
            message,
            "\n{} listed errors are gone; remove their lines from {KNOWN_FINDINGS}:",
            gone.len()
        )
        .unwrap();
        for ((code, policy, pointer), reason) in &gone {
            writeln!(message, "{code}\t{policy}\t{pointer}\t{reason}").unwrap();
        }
    }
    panic!("{message}");
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
    let mut out = summary(
        "AWS managed policies added 2026-03..2026-08 (not asserted)",
        &tally,
    );
    for ((code, policy, pointer), message) in &tally.errors {
        writeln!(out, "  {code}\t{policy}\t{pointer}\t{message}").unwrap();
    }
    eprint!("{out}");
}

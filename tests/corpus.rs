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

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use iam_policy::{Code, Diagnostic, PolicyKind, Severity, ValidateOptions, validate_with};

/// The real defects, relative to the workspace root.
const KNOWN_FINDINGS: &str = "tests/known-findings.tsv";
/// The false positives and unverified errors, relative to the workspace root.
const KNOWN_FALSE_POSITIVES: &str = "tests/known-false-positives.tsv";
/// The tags a cause in [`KNOWN_FALSE_POSITIVES`] starts with.
const CAUSES: &[&str] = &["[catalog] ", "[sar-gap] ", "[engine] ", "[unverified] "];

/// An error: code, policy file name, JSON pointer.
type Key = (String, String, String);

/// The findings listed in `file`, with their reasons, after checking the file's form: four
/// tab-separated fields, an error code, a `.json` file name, a pointer, a reason (in
/// [`KNOWN_FALSE_POSITIVES`], starting with its cause tag), no line twice.
fn listed(file: &str) -> BTreeMap<Key, String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
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
            "{file}:{n}: want code, policy, pointer, reason separated by tabs: {line}"
        );
        let (code, policy, pointer, reason) = (fields[0], fields[1], fields[2], fields[3]);
        let parsed =
            Code::from_name(code).unwrap_or_else(|| panic!("{file}:{n}: unknown code `{code}`"));
        assert_eq!(
            parsed.severity(),
            Severity::Error,
            "{file}:{n}: `{code}` is a warning; only errors are listed"
        );
        assert!(
            Path::new(policy)
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("json")),
            "{file}:{n}: `{policy}` is not a policy file name"
        );
        assert!(
            pointer.starts_with("/Statement"),
            "{file}:{n}: `{pointer}` is not a pointer into a statement"
        );
        assert!(
            reason.trim().len() >= 20,
            "{file}:{n}: say why (a defect of AWS's policy, or the engine's mistake)"
        );
        if file == KNOWN_FALSE_POSITIVES {
            assert!(
                CAUSES.iter().any(|tag| reason.starts_with(tag)),
                "{file}:{n}: the cause starts with one of {CAUSES:?}"
            );
        }
        let previous = out.insert(
            (code.to_owned(), policy.to_owned(), pointer.to_owned()),
            reason.to_owned(),
        );
        assert!(previous.is_none(), "{file}:{n}: listed twice");
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
fn listed_findings_are_well_formed_and_in_one_file_only() {
    let real = listed(KNOWN_FINDINGS);
    let disputed = listed(KNOWN_FALSE_POSITIVES);
    assert!(!real.is_empty(), "{KNOWN_FINDINGS} lists nothing");
    let both: Vec<&Key> = real.keys().filter(|k| disputed.contains_key(*k)).collect();
    assert!(
        both.is_empty(),
        "listed as a real defect and as a false positive: {both:?}"
    );
}

/// The lines of `items`, one per error, for a failure message.
fn lines(items: &[(&Key, &String)]) -> String {
    let mut out = String::new();
    for ((code, policy, pointer), text) in items {
        writeln!(out, "{code}\t{policy}\t{pointer}\t{text}").unwrap();
    }
    out
}

#[test]
fn every_error_on_the_managed_corpus_is_known() {
    let Some(files) = common::managed_policies("corpus acceptance test") else {
        return;
    };
    assert_eq!(files.len(), 1452, "the managed corpus has 1,452 policies");
    let tally = run(&files);
    let real = listed(KNOWN_FINDINGS);
    let disputed = listed(KNOWN_FALSE_POSITIVES);
    eprint!("{}", summary("AWS managed policies", &tally));
    let mut causes: BTreeMap<&str, usize> = BTreeMap::new();
    for reason in disputed.values() {
        let tag = CAUSES.iter().find(|t| reason.starts_with(**t)).unwrap();
        *causes.entry(tag.trim()).or_default() += 1;
    }
    eprintln!(
        "  listed: {} real defects of AWS's policies ({KNOWN_FINDINGS}), {} false positives \
         or unverified ({KNOWN_FALSE_POSITIVES}: {causes:?})",
        real.len(),
        disputed.len()
    );

    let new: Vec<(&Key, &String)> = tally
        .errors
        .iter()
        .filter(|(key, _)| !real.contains_key(*key) && !disputed.contains_key(*key))
        .collect();
    let gone_real: Vec<(&Key, &String)> = real
        .iter()
        .filter(|(key, _)| !tally.errors.contains_key(*key))
        .collect();
    let gone_disputed: Vec<(&Key, &String)> = disputed
        .iter()
        .filter(|(key, _)| !tally.errors.contains_key(*key))
        .collect();
    if new.is_empty() && gone_real.is_empty() && gone_disputed.is_empty() {
        return;
    }
    let mut message = String::from("the errors on the AWS managed policies changed\n");
    if !new.is_empty() {
        write!(
            message,
            "\n{} errors are listed nowhere. Review each: a real defect of AWS's policy goes to \
             {KNOWN_FINDINGS}, a false positive is fixed in the engine or the catalog (or, \
             until then, goes to {KNOWN_FALSE_POSITIVES} with its cause); write the reason in \
             place of the engine's message:\n{}",
            new.len(),
            lines(&new)
        )
        .unwrap();
    }
    if !gone_real.is_empty() {
        write!(
            message,
            "\n{} real defects are no longer reported (a regression, or the catalog now \
             knows better); remove them from {KNOWN_FINDINGS} once explained:\n{}",
            gone_real.len(),
            lines(&gone_real)
        )
        .unwrap();
    }
    if !gone_disputed.is_empty() {
        write!(
            message,
            "\n{} false positives are fixed; remove them from {KNOWN_FALSE_POSITIVES}:\n{}",
            gone_disputed.len(),
            lines(&gone_disputed)
        )
        .unwrap();
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

//! Acceptance: policies nobody on this project wrote, beyond AWS's managed policies.
//!
//! - `published-examples/`: 536 policies from documentation (the IAM User Guide, the AWS
//!   Organizations guide, aws-samples) and peers' test suites (cfn-lint, parliament), each
//!   marked `valid`, `invalid` or `unknown` as its source presents it;
//! - `open-source-policies/`: 223 policies that 35 open-source projects ship.
//!
//! Each policy is checked with the policy type its file gives (`policy_type` or `kind`);
//! resource policies of a service that writes them without `Resource` (ECR repository
//! policies) are checked with that service named (see [`SERVICE_OF`]).
//!
//! Every error on a `valid` or `unknown` example and on an open-source policy is listed with
//! its reason, in the format of `tests/corpus.rs` (`tests/common/listing.rs`):
//! - real defects of the policy in `tests/<corpus>-findings.tsv`; an ARN error that a
//!   documentation placeholder which is not an ARN causes (`account-id`, `<bucket>`) is
//!   listed there too, its reason starting with `[placeholder] ` and naming the placeholder,
//!   which must be one the file's `placeholders` field lists;
//! - errors that are not defects of the policy in `tests/<corpus>-false-positives.tsv`, each
//!   reason starting with its cause: `[catalog] ` (the catalog's data), `[wildcard] ` (the
//!   `wildcard-resource-required` evidence model), `[engine] ` (a rule of the engine),
//!   `[unverified] ` (nobody can tell).
//!
//! The test fails on an error neither file lists and on a listed error that goes away. The
//! `invalid` examples are not listed: their findings are compared with what their source
//! expects (`expected_findings`, and `match_codes` where the corpus maps it to our codes),
//! and the examples we catch are counted; the examples that draw none of the codes the
//! corpus expects are listed with their reasons in [`PUBLISHED_MISSES`]. Run with `--nocapture` to see the per-code
//! summaries. The corpus is found as in `tests/corpus.rs` (`IAM_POLICY_CORPUS`).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a test fails by panicking"
)]

mod common;

use std::fmt::Write as _;

use common::listing::{List, Tally, assert_disjoint, assert_known};
use iam_policy::{Diagnostic, PolicyKind, ValidateOptions, validate_with};

const PUBLISHED: &str = "published-examples";
const PUBLISHED_FINDINGS: &str = "tests/published-examples-findings.tsv";
const PUBLISHED_FALSE_POSITIVES: &str = "tests/published-examples-false-positives.tsv";
const OPEN_SOURCE: &str = "open-source-policies";
const OPEN_SOURCE_FINDINGS: &str = "tests/open-source-findings.tsv";
const OPEN_SOURCE_FALSE_POSITIVES: &str = "tests/open-source-false-positives.tsv";

/// The tag of a real-defects line that a non-ARN documentation placeholder causes.
const PLACEHOLDER: &str = "[placeholder] ";
/// The tags a cause in a false-positives file starts with.
const CAUSES: &[&str] = &["[catalog] ", "[wildcard] ", "[engine] ", "[unverified] "];

/// Resource policies whose source says which service they belong to (the corpus has no
/// field for it): file name, service prefix. All are ECR repository policies, which ECR
/// writes without `Resource` (the repository is the resource).
const SERVICE_OF: &[(&str, &str)] = &[
    // CloudFormation `AWS::ECR::Repository` `RepositoryPolicyText`.
    (
        "aws-cdk-bootstrap-container-assets-repository-policy.json",
        "ecr",
    ),
    // Notes: "ECR repository policy".
    ("aws-for-fluent-bit-public-repo-policy.json", "ecr"),
    (
        "crossplane-provider-aws-example-ecr-repository-policy.json",
        "ecr",
    ),
    // cfn-lint's `AWS::ECR::Repository` fixture.
    ("cfn-lint/019-resource-policy-ecr.json", "ecr"),
];

/// The `invalid` published examples whose expected codes (`match_codes`) we do not report,
/// each with the reason. The test fails when another example joins them (a real defect
/// lost) and when one of them is caught (remove it here).
const PUBLISHED_MISSES: &[(&str, &str)] = &[
    (
        "iam-user-guide/256-troubleshoot-policies-l230.json",
        "the statement's `arn:aws:cloudfront:*` is an invalid ARN (`invalid-arn`, an error), and \
         the resource rules stop at it, so the S3 bucket no action takes is not reported as \
         `unused-resource`",
    ),
    (
        "iam-user-guide/259-troubleshoot-policies-l308.json",
        "every action carries one of the two keys, but none carries both (`s3:prefix` and \
         `s3:VersionId`): no rule checks that one action carries every key of a condition",
    ),
];

/// One policy of a corpus, as its file describes it.
struct Example {
    /// File name relative to the corpus folder.
    name: String,
    text: String,
    kind: PolicyKind,
    /// `valid`, `invalid` or `unknown` (open-source policies: `valid`).
    expect: String,
    expected_findings: String,
    /// Our codes the source's expected findings map to, where the corpus gives them.
    match_codes: Vec<String>,
    /// The documentation placeholders that are not ARNs.
    placeholders: Vec<String>,
}

fn strings(value: &serde_json::Value) -> Vec<String> {
    value
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// The policies of corpus folder `folder`, or `None` (said plainly) when it is absent.
fn examples(folder: &str, test: &str) -> Option<Vec<Example>> {
    let files = common::corpus_files(folder, test)?;
    let read = |path: &std::path::PathBuf| {
        let entry: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let name = common::name_in(folder, path);
        let kind_name = entry["policy_type"]
            .as_str()
            .or_else(|| entry["kind"].as_str())
            .unwrap_or_else(|| panic!("{name}: no policy type"));
        let kind = PolicyKind::from_name(kind_name)
            .unwrap_or_else(|| panic!("{name}: unknown policy type `{kind_name}`"));
        Example {
            text: entry["policy_text"].as_str().unwrap().to_owned(),
            kind,
            expect: entry["expect"].as_str().unwrap_or("valid").to_owned(),
            expected_findings: match &entry["expected_findings"] {
                serde_json::Value::String(s) => s.clone(),
                serde_json::Value::Null => String::new(),
                other => other.to_string(),
            },
            match_codes: strings(&entry["match_codes"]),
            placeholders: strings(&entry["placeholders"]),
            name,
        }
    };
    Some(files.iter().map(read).collect())
}

/// The findings of one example, with the policy type (and service) its source gives.
fn check(example: &Example) -> Vec<Diagnostic> {
    let mut options = ValidateOptions::default();
    if let Some((_, service)) = SERVICE_OF.iter().find(|(n, _)| *n == example.name) {
        options = options.for_service(service);
    }
    validate_with(&example.text, example.kind, &options)
}

/// Checks that every `[placeholder]` line names a placeholder its example lists.
fn assert_placeholders_listed(real: &List, examples: &[Example]) {
    for ((code, policy, pointer), reason) in &real.items {
        let Some(rest) = reason.strip_prefix(PLACEHOLDER) else {
            continue;
        };
        let example = examples
            .iter()
            .find(|e| e.name == *policy)
            .unwrap_or_else(|| panic!("{}: no policy `{policy}` in the corpus", real.file));
        let named: Vec<&String> = example
            .placeholders
            .iter()
            .filter(|p| rest.contains(&format!("`{p}`")))
            .collect();
        assert!(
            !named.is_empty(),
            "{}: {code} {policy} {pointer}: the reason names none of the example's \
             placeholders {:?} in backticks",
            real.file,
            example.placeholders
        );
        // The placeholder is in the string the error is at.
        let document: serde_json::Value = serde_json::from_str(&example.text).unwrap();
        let at = document
            .pointer(pointer)
            .and_then(serde_json::Value::as_str);
        assert!(
            at.is_some_and(|text| named.iter().any(|p| text.contains(p.as_str()))),
            "{}: {code} {policy} {pointer}: {named:?} is not in the string there ({at:?})",
            real.file
        );
    }
}

/// Runs a corpus: the listed examples against the lists, and returns the report of the
/// `invalid` ones.
fn run_corpus(
    folder: &str,
    title: &str,
    real_file: &'static str,
    disputed_file: &'static str,
    known_misses: &[(&str, &str)],
) -> Option<String> {
    let examples = examples(folder, title)?;
    let real = List::read(real_file, &[]);
    let disputed = List::read(disputed_file, CAUSES);
    assert_disjoint(&real, &disputed);
    assert_placeholders_listed(&real, &examples);

    let mut listed = Tally::default();
    let mut invalid = Tally::default();
    let mut report = String::new();
    // Invalid examples: checked, drawing an error, drawing an expected code, any finding.
    let mut caught = (0, 0, 0, 0);
    let mut missed: Vec<&str> = Vec::new();
    for example in &examples {
        let found = check(example);
        if example.expect != "invalid" {
            listed.add(&example.name, &found);
            continue;
        }
        invalid.add(&example.name, &found);
        let codes: Vec<&str> = found.iter().map(|d| d.code.name()).collect();
        let matched = !example.match_codes.is_empty()
            && codes
                .iter()
                .any(|c| example.match_codes.iter().any(|m| m == c));
        let flagged = found.iter().any(Diagnostic::is_error);
        caught.3 += usize::from(!found.is_empty());
        caught.0 += 1;
        caught.1 += usize::from(flagged);
        caught.2 += usize::from(matched);
        if !example.match_codes.is_empty() && !matched {
            missed.push(&example.name);
        }
        writeln!(
            report,
            "  {} {}: ours {codes:?}; expected {:?}{}",
            if flagged { "caught " } else { "MISSED " },
            example.name,
            example.expected_findings,
            if example.match_codes.is_empty() {
                String::new()
            } else {
                format!(
                    " = {:?}{}",
                    example.match_codes,
                    if matched { "" } else { " (none of ours)" }
                )
            }
        )
        .unwrap();
    }
    let mut out = listed.summary(&format!("{title} (valid and unknown)"));
    writeln!(
        out,
        "  listed: {} real defects or placeholder errors ({real_file}: {} placeholder), {} not \
         defects ({disputed_file}: {:?})",
        real.items.len(),
        real.count_tags(&[PLACEHOLDER]).values().sum::<usize>(),
        disputed.items.len(),
        disputed.count_tags(CAUSES)
    )
    .unwrap();
    if caught.0 > 0 {
        out.push_str(&invalid.summary(&format!("{title} (invalid)")));
        writeln!(
            out,
            "  invalid examples: {} of {} draw an error, {} a finding of any severity; {} of \
             the {} whose codes the corpus gives draw one of them",
            caught.1,
            caught.0,
            caught.3,
            caught.2,
            examples
                .iter()
                .filter(|e| e.expect == "invalid" && !e.match_codes.is_empty())
                .count()
        )
        .unwrap();
        out.push_str(&report);
    }
    eprint!("{out}");
    assert_known(title, &listed, &real, &disputed);
    let expected: Vec<&str> = known_misses.iter().map(|(name, _)| *name).collect();
    assert_eq!(
        missed, expected,
        "the invalid examples of {title} that draw none of their expected codes changed"
    );
    Some(out)
}

#[test]
fn every_error_on_the_published_examples_is_known() {
    run_corpus(
        PUBLISHED,
        "published examples",
        PUBLISHED_FINDINGS,
        PUBLISHED_FALSE_POSITIVES,
        PUBLISHED_MISSES,
    );
}

#[test]
fn every_error_on_the_open_source_policies_is_known() {
    run_corpus(
        OPEN_SOURCE,
        "open-source policies",
        OPEN_SOURCE_FINDINGS,
        OPEN_SOURCE_FALSE_POSITIVES,
        &[],
    );
}

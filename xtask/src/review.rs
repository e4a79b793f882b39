//! `cargo xtask review <scan>`: corpus review scans, run by hand to read what the engine
//! says about AWS's own policies. They print; they assert nothing (the acceptance tests
//! `tests/corpus.rs` assert the errors, with every one listed and explained).
//!
//! - `findings [CODE,...]`: every finding on the AWS managed policies (and the newer
//!   additions), checked as identity policies, tab-separated (`policy`, `code`,
//!   `line:column`, pointer, message, help), then the count per code. With codes, only
//!   theirs are printed (the counts are of all).
//! - `timing`: the time `validate` takes per policy over the same corpus (distribution and
//!   the slowest), and on the broadest action and resource patterns. A debug build times
//!   a debug engine: run with `cargo run --release -p xtask -- review timing`.
//!
//! The corpus root is `$IAM_POLICY_CORPUS`, or `../shared/corpus` beside the workspace.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use iam_policy::{Code, PolicyKind, validate};

use crate::Result;

const FOLDERS: [&str; 2] = [
    "aws-managed-policies",
    "aws-managed-policies-2026-08-additions",
];

/// Runs the scan `args[0]`.
pub fn review(root: &Path, args: &[String]) -> Result<()> {
    let corpus = std::env::var_os("IAM_POLICY_CORPUS")
        .map_or_else(|| root.join("..").join("shared/corpus"), PathBuf::from);
    match args.first().map(String::as_str) {
        Some("findings") => findings(&corpus, args.get(1).map(String::as_str)),
        Some("timing") => timing(&corpus),
        _ => Err("usage: cargo xtask review findings [CODE,...] | timing".to_owned()),
    }
}

/// `(folder/file, text)` of every policy of the corpus, sorted.
fn policies(corpus: &Path) -> Result<Vec<(String, String)>> {
    let mut out = Vec::new();
    for folder in FOLDERS {
        let dir = corpus.join(folder);
        let entries = std::fs::read_dir(&dir).map_err(|e| {
            format!(
                "{}: {e} (set IAM_POLICY_CORPUS to the corpus root)",
                dir.display()
            )
        })?;
        let mut paths: Vec<PathBuf> = entries
            .filter_map(|e| Some(e.ok()?.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .collect();
        paths.sort();
        for path in paths {
            let text =
                std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            out.push((format!("{folder}/{name}"), text));
        }
    }
    Ok(out)
}

fn findings(corpus: &Path, codes: Option<&str>) -> Result<()> {
    let show: Option<Vec<Code>> = codes
        .map(|list| {
            list.split(',')
                .map(|name| Code::from_name(name).ok_or_else(|| format!("no code `{name}`")))
                .collect::<Result<_>>()
        })
        .transpose()?;
    let policies = policies(corpus)?;
    let mut counts: BTreeMap<&'static str, (usize, BTreeSet<&str>)> = BTreeMap::new();
    for (name, text) in &policies {
        for d in validate(text, PolicyKind::Identity) {
            let entry = counts.entry(d.code.name()).or_default();
            entry.0 += 1;
            entry.1.insert(name);
            if show.as_ref().is_none_or(|codes| codes.contains(&d.code)) {
                println!(
                    "{name}\t{}\t{}\t{}\t{}\t{}",
                    d.code,
                    d.loc,
                    d.loc.pointer,
                    d.message,
                    d.help.unwrap_or_default()
                );
            }
        }
    }
    println!("{} policies", policies.len());
    for (code, (n, files)) in &counts {
        println!("{code}: {n} in {} policies", files.len());
    }
    Ok(())
}

fn micros(d: Duration) -> f64 {
    d.as_secs_f64() * 1e6
}

fn timing(corpus: &Path) -> Result<()> {
    let policies = policies(corpus)?;
    let mut each: Vec<(Duration, &str)> = Vec::new();
    for (name, text) in &policies {
        let start = Instant::now();
        let _ = validate(text, PolicyKind::Identity);
        each.push((start.elapsed(), name));
    }
    each.sort();
    let total: Duration = each.iter().map(|(d, _)| *d).sum();
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        clippy::cast_precision_loss,
        reason = "a printed measurement"
    )]
    let at = |q: f64| {
        let i = ((each.len().saturating_sub(1)) as f64 * q) as usize;
        each.get(i).map_or(0.0, |(d, _)| micros(*d))
    };
    for (d, name) in each.iter().rev().take(5) {
        println!("slow: {name}: {:.0} µs", micros(*d));
    }
    println!(
        "{} policies in {:.1} ms: p50 {:.0} µs, p90 {:.0} µs, p99 {:.0} µs, max {:.0} µs",
        each.len(),
        total.as_secs_f64() * 1e3,
        at(0.5),
        at(0.9),
        at(0.99),
        at(1.0)
    );
    // The broadest patterns: every action of every service against a resource.
    for (actions, resource) in [
        (r#""*""#, r#""arn:aws:s3:::b""#),
        (r#""*""#, r#""arn:aws:zzz:::b""#),
        (r#"["*:Describe*","*:Get*"]"#, r#""arn:aws:s3:::b""#),
        (r#""s3:*""#, r#""arn:aws:s3:::b""#),
    ] {
        let text = format!(
            r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Action":{actions},"Resource":{resource}}}]}}"#
        );
        let start = Instant::now();
        let found = validate(&text, PolicyKind::Identity);
        let codes: Vec<&str> = found.iter().map(|d| d.code.name()).collect();
        println!(
            "{actions} on {resource}: {:.0} µs {codes:?}",
            micros(start.elapsed())
        );
    }
    Ok(())
}

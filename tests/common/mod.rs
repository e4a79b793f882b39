//! What the workspace's corpus tests share: finding the corpus of AWS managed policies.
#![allow(dead_code, reason = "each test binary uses a part of it")]

use std::path::{Path, PathBuf};

/// The 1,452 AWS managed policies, sorted: `$IAM_POLICY_CORPUS/aws-managed-policies/`
/// (default `../shared/corpus/` beside the workspace). `None`, after saying plainly that
/// `test` did not run, when the corpus is absent.
pub fn managed_policies(test: &str) -> Option<Vec<PathBuf>> {
    corpus_files("aws-managed-policies", test)
}

/// The `*.json` files of `$IAM_POLICY_CORPUS/<folder>/` (default `../shared/corpus/<folder>/`
/// beside the workspace), sorted. `None`, after saying plainly that `test` did not run,
/// when the folder is absent.
pub fn corpus_files(folder: &str, test: &str) -> Option<Vec<PathBuf>> {
    let root = std::env::var_os("IAM_POLICY_CORPUS").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"),
        PathBuf::from,
    );
    let dir = root.join(folder);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!(
            "{test} DID NOT RUN: no corpus at {} (set IAM_POLICY_CORPUS)",
            dir.display()
        );
        return None;
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    Some(files)
}

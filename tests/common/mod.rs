//! What the workspace's corpus tests share: finding the corpora, and the listing format of
//! their known errors ([`listing`]).
#![allow(dead_code, reason = "each test binary uses a part of it")]

pub mod listing;

use std::path::{Path, PathBuf};

/// The 1,452 AWS managed policies, sorted: `$IAM_POLICY_CORPUS/aws-managed-policies/`
/// (default `../shared/corpus/` beside the workspace). `None`, after saying plainly that
/// `test` did not run, when the corpus is absent.
pub fn managed_policies(test: &str) -> Option<Vec<PathBuf>> {
    corpus_files("aws-managed-policies", test)
}

/// The corpus root: `$IAM_POLICY_CORPUS`, default `../shared/corpus/` beside the workspace.
pub fn corpus_root() -> PathBuf {
    std::env::var_os("IAM_POLICY_CORPUS").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"),
        PathBuf::from,
    )
}

/// The `*.json` files of `$IAM_POLICY_CORPUS/<folder>/` and of its subfolders (default
/// `../shared/corpus/<folder>/` beside the workspace), sorted. `None`, after saying plainly
/// that `test` did not run, when the folder is absent.
pub fn corpus_files(folder: &str, test: &str) -> Option<Vec<PathBuf>> {
    let dir = corpus_root().join(folder);
    if !dir.is_dir() {
        eprintln!(
            "{test} DID NOT RUN: no corpus at {} (set IAM_POLICY_CORPUS)",
            dir.display()
        );
        return None;
    }
    let mut files = Vec::new();
    let mut pending = vec![dir];
    while let Some(dir) = pending.pop() {
        let entries = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()));
        for path in entries.filter_map(|e| e.ok().map(|e| e.path())) {
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "json") {
                files.push(path);
            }
        }
    }
    files.sort();
    Some(files)
}

/// The name of `path` relative to the corpus folder `folder` (`iam-user-guide/001-x.json`),
/// `/`-separated: how the lists name a policy.
pub fn name_in(folder: &str, path: &Path) -> String {
    let base = corpus_root().join(folder);
    let relative = path.strip_prefix(&base).unwrap_or(path);
    relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

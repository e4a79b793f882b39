//! What the CLI's integration tests share: running the binary, fixtures, scratch folders.
#![allow(dead_code, reason = "each test binary uses the helpers it needs")]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

/// A file or folder under `cli/tests/fixtures/`.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// A fresh folder for one test's generated inputs, unique per test binary and name.
pub fn scratch(name: &str) -> PathBuf {
    let binary = std::env::current_exe()
        .ok()
        .and_then(|exe| exe.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .unwrap_or_default();
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-{binary}-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The `iam-policy` binary run with `args`, colors off.
pub fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_iam-policy"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

/// Standard output read as JSON (the output itself on failure).
pub fn json_of(output: &Output) -> Value {
    serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&output.stdout)))
}

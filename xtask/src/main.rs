//! Workspace tasks.
//!
//! `cargo xtask catalog [--fetch] [--check]` imports the IAM catalog from its pinned
//! sources and writes the normalized data (`catalog/data/`) and the packed tables the
//! crate compiles (`catalog/src/data/`). See `catalog/README.md`, "Refreshing the data".
//!
//! `cargo xtask review findings [CODE,...] | timing` runs the corpus review scans (see
//! `review.rs`).
#![forbid(unsafe_code)]

mod audit;
mod import;
mod layout;
mod model;
mod pages;
#[cfg(feature = "review")]
mod review;
mod scoped;
mod write;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// A failure of a task, as text for the user.
type Result<T, E = String> = std::result::Result<T, E>;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("catalog") => catalog(args.get(1..).unwrap_or_default()),
        #[cfg(feature = "review")]
        Some("review") => review::review(&workspace_root(), args.get(1..).unwrap_or_default()),
        _ => Err(
            "usage: cargo xtask catalog [--fetch] [--check] | cargo xtask review findings [CODE,...] | timing"
                .to_owned(),
        ),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

fn catalog(args: &[String]) -> Result<()> {
    let mut fetch = false;
    let mut check = false;
    for arg in args {
        match arg.as_str() {
            "--fetch" => fetch = true,
            "--check" => check = true,
            other => return Err(format!("unknown option `{other}`")),
        }
    }
    let root = workspace_root();
    let cache = root.join(".cache").join("catalog-sources");
    let sources = import::Sources::locate(&root, &cache, fetch)?;
    let raw = import::Raw::load(&sources)?;
    let catalog = import::import(&raw)?;
    let report = audit::audit(&raw, &catalog)?;
    if !report.unexplained.is_empty() || !report.stale.is_empty() {
        let lost: Vec<String> = report.unexplained.iter().map(ToString::to_string).collect();
        return Err(format!(
            "the import lost what its sources say (add a fix in xtask/src/import.rs, or a reasoned exclusion in xtask/src/audit.rs):\n  {}\nstale exclusions: {:?}",
            lost.join("\n  "),
            report.stale
        ));
    }
    println!(
        "audit: everything the sources say is in the catalog, but {} items excluded with a reason (xtask/src/audit.rs)",
        report.excluded.len()
    );
    let mut files = write::render(&catalog)?;
    files.push(scoped::render(&scoped::derive(
        sources.shared_dir(),
        &catalog,
    )?));
    if check {
        let stale = write::compare(&root, &files);
        if stale.is_empty() {
            println!("catalog is up to date ({} files)", files.len());
            Ok(())
        } else {
            Err(format!(
                "the committed catalog differs from its sources; run `cargo xtask catalog` and commit:\n  {}",
                stale.join("\n  ")
            ))
        }
    } else {
        write::write_all(&root, &files)?;
        println!(
            "wrote {} files: {} services, {} actions, {} resource types, {} condition keys, {} capability rows",
            files.len(),
            catalog.services.len(),
            catalog
                .services
                .iter()
                .map(|s| s.actions.len())
                .sum::<usize>(),
            catalog
                .services
                .iter()
                .map(|s| s.resource_types.len())
                .sum::<usize>(),
            catalog
                .services
                .iter()
                .map(|s| s.condition_keys.len())
                .sum::<usize>(),
            catalog.capability_rows.len(),
        );
        Ok(())
    }
}

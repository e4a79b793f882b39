//! The runtime of [`iam-policy`](https://docs.rs/iam-policy): [`Policy`], the typed
//! [`Document`], [`validate`], the JSON reader, the evaluator ([`eval`]) and the run-time
//! [`Generator`].
//!
//! Use it through the `iam-policy` crate, which re-exports all of it beside the `policy!`
//! and `generate!` macros. It is a crate of its own so that a user's build compiles it
//! while the proc-macro crate builds, not after it (see the workspace README, "Crates").
//! Examples in these docs are written as a user writes them, with `iam_policy::`.
#![forbid(unsafe_code)]
#![deny(missing_docs, rustdoc::broken_intra_doc_links)]

mod de;
pub mod document;
pub mod eval;
pub mod generate;
mod insert;
pub mod json;
mod ordered;
mod policy;
mod validate;

#[doc(hidden)]
pub mod __private;

pub use document::Document;
pub use generate::{Generated, Generator};
pub use iam_catalog::{AccessLevel, Code, PolicyKind, Severity};
pub use insert::{AccountId, InsertError, Literal, Partition, Pattern, Region};
pub use json::JsonLocation;
pub use policy::{ParseError, Policy};
pub use validate::{Diagnostic, ValidateOptions, validate, validate_read, validate_with};

/// The capability catalog and the engine behind the checks (`iam-catalog`).
pub use iam_catalog as catalog;

#![doc = include_str!("../README.md")]
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

#[doc = include_str!("generate_macro.md")]
#[macro_export]
macro_rules! generate {
    ($($body:tt)*) => {
        $crate::__private::generate_impl!{ $crate, $($body)* }
    };
}

#[doc = include_str!("policy_macro.md")]
#[macro_export]
macro_rules! policy {
    ($($body:tt)*) => {
        $crate::__private::policy_impl!{ $crate, $($body)* }
    };
}

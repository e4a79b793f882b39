#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod expand;
mod fallback;
mod lower;
mod parse;
mod report;

use proc_macro::TokenStream;
use syn::parse_macro_input;

/// Checks an IAM policy written as JSON tokens and expands to an `iam_policy::Policy`.
///
/// Input: `CRATE_PATH, #![allow(code, ...)]* #![deny(code, ...)]* KIND? { json... }`. Called by
/// `iam_policy::policy!`, which documents the syntax.
#[proc_macro]
pub fn policy_impl(input: TokenStream) -> TokenStream {
    expand::policy(parse_macro_input!(input as parse::PolicyInput)).into()
}
